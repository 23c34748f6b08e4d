"""What a corridor's phrase holds between its head and its ends, and around them, for
``silkgraph.extract.corridors`` (issue 8, class 1; the corridors probe, tests/test_corridors_probe.py):

- a relative clause between the head and its ends (…، الذي يمتد من …، / التي افتتحت أمس / الذي تم
  افتتاحه … بين …), what a route says of a stop (في منطقة …، في الشرق، a bracket; من جهة أخرى);
- the cargo a verb carries (وتنقل القطارات البضائع من …) and a definite word that ends a head's
  construct (وينقل الخط الغاز من …);
- ends that are no listed place's name: a border (بالحدود الصينية), one-word towns no table lists
  (بين كاشغر وتوراغارت، من جيتيغين إلى …), nisbas of short noun phrases (يربط حقول الغاز التركمانية
  بالأسواق الصينية), the country that lays a corridor to one place (تمد تركمانستان خطا إلى الصين);
- the places a verbal noun of linking joins before the head (ربط الصين بأوزبكستان عبر خط …).

Word lists: ``data/lexicon/boundaries_corridors.tsv``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.corridor_reads import CorridorReads
from silkgraph.extract.lexicon import LEXICON_DIR, roles, Head, Lexicon
from silkgraph.extract.surface import COMMAS, clean_label, clean_surface
from silkgraph.normalize import normalize_letters, opens_with, relational_ending, word_key
from silkgraph.tables import read_tsv

ROLE = roles()


class CorridorPhrases(CorridorReads):
    """The pieces of a corridor's phrase; see the module docstring. A mixin of ``PatternMatcher``:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> doc = nlp("وتعتزم تركمانستان مد خط أنابيب الغاز إلى الصين.")
    >>> [(e.kb_id_, e.text) for e in doc.ents if e.label_ == "Corridor"]
    [('corridor:gas-pipeline:country:CN-country:TM', 'خط أنابيب الغاز إلى الصين')]
    """

    def init_phrases(self, lex: Lexicon) -> None:
        self.noun_stops = lex.words("corridor_noun_stop")  # المسافة: a noun of م, no participle of the head
        self.laying_words = lex.words("corridor_laying")  # تمد تركمانستان خطا إلى الصين: from the country that lays it
        self.side_adjectives = lex.words("side_adjective")  # أوروبا الغربية - الصين الغربية
        self.side_words = lex.words("pair_side")  # من جهة … ومن جهة أخرى
        self.corridor_kinds = {h.kind_en for h in lex.heads if h.type == ROLE.corridor}  # narrower_kind
        self.figurative_words = lex.words("corridor_figurative")  # الجسر الثقافي: no corridor
        self.carry_words = lex.words("corridor_carry")  # قطار شحن يحمل 50 حاوية من …
        self.cargo_words = lex.words("corridor_cargo")  # وتنقل القطارات البضائع من …
        self.border_words = lex.words("border")  # يربط دوشنبه بالحدود الصينية: the country at that border
        self.through_words = lex.words("corridor_through")  # ربط … عبر خط …: the corridor is the means
        self.sender_verbs = lex.words("train_sender_verb")  # وسيرت مدينة ييوو قطار شحن إلى …: sent_from
        # خط سكة حديد ثان بين البلدين: an indefinite ordinal numbers a line as a definite one does (its note)
        self.indefinite_ordinals = {word_key(r["word"]): int(r["note"]) for r in read_tsv(LEXICON_DIR / "boundaries_corridors.tsv")
                                    if r["kind"] == "corridor_ordinal"}

    def narrower_kind(self, head: Head, english_mods: list[str]) -> str:
        """خط أنابيب للغاز، خط السكك الحديدية فائق السرعة: a head's kind narrowed by its modifier when
        another head names that narrower kind (a gas pipeline, a high-speed railway), so the corridor
        is one with the one that head names; else the head's kind."""
        narrower = f"{english_mods[-1]} {head.kind_en}" if english_mods else ""
        return narrower if narrower in self.corridor_kinds else head.kind_en

    def breaks_construct(self, doc: Doc, i: int, head: Head) -> bool:
        """وينقل الخط الغاز، خط الأنابيب النفط (a corridor's head at token i): a word the head writes
        without the article, written with it before a word of the head's genitive, ends the construct
        there (the gas is the verb's object), so the head does not match."""
        if head.type != ROLE.corridor:
            return False
        written = [normalize_letters(w).startswith("ال") for w in head.text.split()]
        return len(written) == len(head.words) and any(
            not written[k] and written[k + 1] and self.is_definite(doc[i + k]) and self.is_definite(doc[i + k + 1])
            for k in range(len(written) - 1))

    def ends_after_clause(self, doc: Doc, i: int, linked_before: bool
                          ) -> tuple[int, tuple[list[Span], list[Span], int, bool, bool]]:
        """A relative clause between a corridor's head and its ends (i after the head): after a
        comma, one that holds the route (الخط الحديدي، الذي يمتد من الصين إلى أوزبكستان، …); after a
        verb of linking before the head (``linked_before``: وتربط السكة الحديدية التي افتتحت أمس
        الصين بلاوس), a short one the ends follow. Where the ends are read from and what
        ``endpoints`` found there, or 0."""
        none: tuple[list[Span], list[Span], int, bool, bool] = ([], [], i, False, False)
        if i + 1 < len(doc) and doc[i].text in COMMAS and self.is_relative(doc[i + 1]):
            found = self.endpoints(doc, i + 1)
            return (i + 1, found) if len(found[0]) >= 2 and found[3] else (0, none)
        if not (i < len(doc) and self.is_relative(doc[i])):
            return 0, none
        if i + 1 < len(doc) and self.is_route_verb(doc[i + 1]):  # قطار الشحن الذي انطلق من أورومتشي سيصل إلى …
            found = self.endpoints(doc, i)
            if len(found[0]) >= 2 and found[3]:
                return i, found
        for k in range(i + 2, min(i + 2 + self.max_name + 2, len(doc))):
            token = doc[k - 1]
            if token.is_punct or self.match_head(doc, k - 1) is not None or token.ent_iob_ in ("B", "I"):
                break
            if linked_before and doc[k].ent_iob_ == "B" and k < i + 2 + self.max_name:
                found = self.endpoints(doc, k, verb_before=True)
                return (k, found) if len(found[0]) >= 2 else (0, none)
            if self.cargo_before_route(doc, k):  # وينقل خط الأنابيب الذي افتتح عام 2009 الغاز من …
                found = self.endpoints(doc, k + 1, verb_before=True)
                return (k + 1, found) if len(found[0]) >= 2 else (0, none)
            if doc[k].norm_ == "بين":  # خط السكة الحديدية الذي تم افتتاحه العام الماضي بين الصين ولاوس
                found = self.endpoints(doc, k)
                return (k, found) if len(found[0]) >= 2 else (0, none)
        return 0, none

    def place_aside(self, doc: Doc, k: int, after_place: bool = False) -> int:
        """What a route says of the stop just before k, when the route goes on after it (إلى، عبر …, or
        a comma before one): the place it lies in (في منطقة شينجيانغ), its side (في الشرق، شمال غربي
        الصين), a bracket (شمال غربي الصين) or its adjective (بممر توروغارت الحدودي). Where that ends, or 0."""
        if k == 0 or doc[k - 1].ent_iob_ not in ("B", "I") and doc[k - 1].text != ")" and not after_place:
            return 0  # (after_place: a town no table lists ends at k)
        end = k
        for _ in range(3):
            step = self.stop_detail_end(doc, end, first=end == k)
            if not step:
                break
            end = step
        if end == k or end >= len(doc):
            return 0
        if doc[end].text in COMMAS and end + 1 < len(doc) and doc[end + 1].norm_ not in ("من", "بين") \
                and self.is_word(doc[end + 1], self.route):
            return end  # …، مرورا بـ …: the walk goes on after the comma
        return end if self.is_word(doc[end], self.route) and doc[end].norm_ != "من" else 0

    def stop_detail_end(self, doc: Doc, k: int, first: bool) -> int:
        """One thing a route says of a stop at k (في منطقة شينجيانغ، في الشرق، شمال غربي الصين،
        (…)، الحدودي، على الساحل الشرقي للصين right after it): where it ends, or 0."""
        if k + 1 >= len(doc):
            return 0
        if doc[k].norm_ == "في":
            j = k + 2 if doc[k + 1].ent_iob_ == "O" and self.is_word(doc[k + 1], self.route_filler) else k + 1
            place = self.ent_at(doc, j, (ROLE.region, ROLE.country))  # في (منطقة) شينجيانغ
            end = place.end if place is not None else self.side_end(doc, k + 1)
            if end and end < len(doc) and self.nisba_at(doc, end) is not None:
                end += 1
            return end
        if doc[k].text == "(":
            return next((n + 1 for n in range(k + 1, min(k + 7, len(doc))) if doc[n].text == ")"), 0)
        if first and word_key(doc[k].text) in self.lex.words("stop_on"):  # على الساحل الشرقي للصين، على بحر قزوين
            place = next((self.ent_at(doc, n, (ROLE.region, ROLE.country)) for n in range(k + 1, min(k + 5, len(doc)))
                          if doc[n].ent_iob_ == "B"), None)
            return place.end if place is not None else 0
        if self.is_word(doc[k], self.directions):
            end = self.side_end(doc, k)
            place = self.ent_at(doc, end, (ROLE.region, ROLE.country)) if end else None
            return place.end if place is not None else 0  # شمال غربي الصين: a side of a country, no end
        if (first or self.stop_adjective(doc, k - 1)) and self.stop_adjective(doc, k):
            return k + 1  # بممر توروغارت الحدودي، من ميناء شيآن الدولي البري: the stop's adjectives
        return 0

    def stop_adjective(self, doc: Doc, k: int) -> bool:
        """A definite nisba-like word outside any entity at token k (الحدودي، الدولي), not a word of
        the route (إلى reads as one: الي)."""
        token = doc[k]
        return self.is_definite(token) and relational_ending(word_key(token.text)) and token.ent_iob_ == "O" \
            and not self.is_word(token, self.route)

    def side_end(self, doc: Doc, k: int) -> int:
        """شمال، شمال غربي, شرقي: where one or two direction words from k end, or 0."""
        end = k
        while end < len(doc) and end - k < 2 and self.is_word(doc[end], self.directions):
            end += 1
        return end if end > k else 0

    def side_phrase(self, doc: Doc, k: int) -> int:
        """من جهة (أخرى) after one of a pair's places (بين الصين من جهة وأوروبا من جهة أخرى): where
        it ends, or 0."""
        if not (k + 1 < len(doc) and doc[k].norm_ == "من" and word_key(doc[k + 1].text) in self.side_words):
            return 0
        return k + 3 if k + 2 < len(doc) and word_key(doc[k + 2].text) in self.side_words else k + 2

    def linked_before_head(self, doc: Doc, start: int) -> tuple[list[Span], list[Span]]:
        """ربط الصين بأوزبكستان عبر خط سكة حديد (من خلال، بواسطة …, or ب on the head: بخط …): the
        places a verbal noun of linking joins just before a corridor's head, or none."""
        if normalize_letters(doc[start].text).startswith("ب") and doc[start].norm_ != word_key(doc[start].text):
            k = start  # بخط سكة حديد: the preposition on the head
        elif start > 0 and word_key(doc[start - 1].text) in self.through_words:
            k = start - 1
        elif start > 1 and f"{word_key(doc[start - 2].text)} {word_key(doc[start - 1].text)}" in self.through_words:
            k = start - 2
        else:
            return [], []
        for n in range(k - 1, max(k - 8, -1), -1):
            if doc[n].is_punct or doc[n + 1].is_sent_start:
                break
            if word_key(doc[n].text) in self.link_nouns:
                ends, passed, end, _, _ = self.endpoints(doc, n + 1, verb_before=True)
                return (ends, passed) if len(ends) >= 2 and end == k else ([], [])
        return [], []

    def is_border(self, token: Token) -> bool:
        return token.norm_ in self.border_words or word_key(token.text) in self.border_words

    def border_end(self, doc: Doc, k: int) -> tuple[list[Span], int]:
        """بالحدود الصينية، إلى الحدود مع الصين (k at the border word): the country whose border a
        route reaches, as one of its places, and where it ends; else none."""
        if k + 1 >= len(doc) or not self.is_border(doc[k]):
            return [], k
        nisba = self.nisba_at(doc, k + 1)
        if nisba is not None and nisba.kb_id_ and self.lex.entries.get(nisba.kb_id_) is not None \
                and self.lex.entries[nisba.kb_id_].entity.type == ROLE.country:
            # the border and its adjective name the end in the label (بين دوشنبه والحدود الصينية)
            return [Span(doc, k, nisba.end, label=ROLE.country, kb_id=nisba.kb_id_, span_id="nisba")], nisba.end
        if doc[k + 1].norm_ == "مع":
            country = self.ent_at(doc, k + 2, (ROLE.country,))
            if country is not None:
                return [country], country.end
        return [], k

    def cargo_before_route(self, doc: Doc, k: int) -> bool:
        """وتنقل قطارات الحاويات البضائع من الصين إلى أوروبا (k at البضائع): what a corridor carries,
        as its verb's object, right before its route."""
        if not (k + 1 < len(doc) and word_key(doc[k].text) in self.cargo_words):
            return False
        nisba = self.nisba_at(doc, k + 1)  # الغاز التركمانستاني إلى الصين: the cargo's origin said by a nisba
        after = nisba.end if nisba is not None else k + 1
        return after < len(doc) and self.is_word(doc[after], self.route)

    def load_end(self, doc: Doc, k: int) -> int:
        """What a train carries (يحمل 50 حاوية) or its number (رقم 10) right before its route (k at
        the first word): where that ends, before the route's first word, or 0."""
        if k + 1 < len(doc) and word_key(doc[k].text) == "رقم" and doc[k + 1].like_num:
            end = k + 2
        elif word_key(doc[k].text) in self.carry_words:
            end = next((n for n in range(k + 1, min(k + 5, len(doc))) if self.is_word(doc[n], self.route)
                        or doc[n].is_punct or doc[n].ent_iob_ != "O"), 0)
        else:
            return 0
        return end if end < len(doc) and self.is_word(doc[end], self.route) and doc[end].norm_ != "بين" else 0

    def nisba_pair(self, doc: Doc, j: int) -> tuple[list[Span], int]:
        """يربط حقول الغاز التركمانية بالأسواق الصينية (j after the verb): two short noun phrases,
        each ending in a nisba (or a region's adjective), the second behind ب: the countries (or
        regions) they name, and where the second ends; else none."""
        sides: list[Span] = []
        k = j
        for side in range(2):
            if side and not (k < len(doc) and opens_with(normalize_letters(doc[k].text), "prepositions")
                             and normalize_letters(doc[k].text).startswith("ب")):
                return [], j
            n = k
            while n < len(doc) and n - k < 3 and doc[n].ent_iob_ == "O" and not self.is_stop(doc[n]) \
                    and self.adjective_place(doc, n) is None:
                n += 1
            place = self.adjective_place(doc, n) if k < n < len(doc) else None
            if place is None:
                return [], j
            sides.append(place)
            k = place.end
        return sides, k

    def adjective_place(self, doc: Doc, k: int) -> Span | None:
        """The nisba (الصينية) or region adjective (الأوروبية) at token k as a place, or None."""
        nisba = self.nisba_at(doc, k)
        if nisba is not None:
            return nisba
        region = self.region_adjectives.get(word_key(doc[k].text))
        return Span(doc, k, k + 1, label=self.lex.entries[region].entity.type, kb_id=region, span_id="nisba") \
            if region is not None else None

    def end_name(self, doc: Doc, end: Span) -> str:
        """An end as a corridor's Arabic label names it: as written, without its proclitic; a border
        with its adjective without its preposition (الحدود الصينية); a nisba alone by its place's name."""
        if end.id_ != "nisba":
            return clean_surface(end)[0]
        if len(end) > 1:
            return clean_label(end.text)
        entry = self.lex.entries.get(end.kb_id_)
        return entry.entity.label_ar if entry is not None else clean_surface(end)[0]

    def sent_from(self, doc: Doc, start: int, i: int) -> tuple[list[Span], list[Span], int]:
        """وسيرت مدينة ييوو أول قطار شحن إلى مدريد، وأطلقت مدينة تشنغدو خدمة جديدة لقطارات الشحن إلى
        أوروبا (``start`` at a train's head, ``i`` after it): the place a verb of sending has as its
        subject, a few words before the head, and the places of the route after it that says only
        where the train goes (إلى، متجها إلى، نحو …). The ends, the places passed and where the route
        stops; else none."""
        none: tuple[list[Span], list[Span], int] = ([], [], i)
        if not (i < len(doc) and self.is_word(doc[i], self.route)) or doc[i].norm_ in ("من", "بين"):
            return none
        sender = None
        for k in range(start - 1, max(start - 5, 0) - 1, -1):
            if doc[k].is_punct:
                return none
            if doc[k].ent_iob_ == "I":
                continue
            sender = self.ent_at(doc, k, (ROLE.city, ROLE.region, ROLE.country)) if doc[k].ent_iob_ == "B" else None
            if sender is not None:
                break
        if sender is None or any(t.ent_iob_ != "O" or self.match_head(doc, t.i) is not None for t in doc[sender.end:start]):
            return none
        v = sender.start - 1
        if v > 0 and self.is_word(doc[v], self.route_filler):  # مدينة ييوو، مقاطعة قانسو
            v -= 1
        if v < 0 or not (self.is_word(doc[v], self.sender_verbs) or self.set_out_from(doc, v)):
            return none
        ends, passed, end = self.route_walk(doc, i)
        ends = [e for e in ends if e.kb_id_ != sender.kb_id_]
        if not passed:  # إلى طشقند عبر كازاخستان: a walk with one end gives the places passed as ends too
            passed = [e for e in ends if self.after_via(doc, i, e.start)]
            ends = [e for e in ends if e not in passed] or ends
        return ([sender, *ends], passed, end) if ends else none

    def set_out_from(self, doc: Doc, v: int) -> bool:
        """وانطلقت، صباح الأحد، من مدينة ييوو رحلة … (v at من): من after a verb of setting out, with
        at most a short aside naming no place between them."""
        if doc[v].norm_ != "من":
            return False
        for k in range(v - 1, max(v - 7, -1), -1):
            if self.is_route_verb(doc[k]):
                return True
            if doc[k].ent_iob_ != "O" or doc[k].text in (".", "؛", ":"):
                return False
        return False

    def after_via(self, doc: Doc, first: int, k: int) -> bool:
        """Whether the nearest word of the route before token k (from ``first``) is one of passing
        (عبر، مرورا): a place in عبر كازاخستان وروسيا."""
        for n in range(k - 1, first - 1, -1):
            if self.is_word(doc[n], self.route) and doc[n].ent_iob_ == "O":
                return self.is_word(doc[n], self.via)
        return False

    def laid_to(self, doc: Doc, start: int, i: int) -> tuple[list[Span], int]:
        """وتعتزم تركمانستان مد خط أنابيب الغاز إلى الصين (i after the head): a corridor a country lays
        (مد، بناء، إنشاء right before its head) to one place runs from that country to it. The two
        ends and where the place ends; else none."""
        if not (start > 1 and i + 1 < len(doc) and doc[i].norm_ in ("الي", "نحو") and word_key(doc[start - 1].text) in self.laying_words):
            return [], i
        place = self.ent_at(doc, i + 1, self.endpoint_types)
        sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
        nisbas = [n for n in self.nisbas(doc).values() if self.lex.entries.get(n.kb_id_) is not None
                  and self.lex.entries[n.kb_id_].entity.type == ROLE.country]  # أعلن الرئيس الكازاخستاني عن مد …
        country = max((e for e in [*doc.ents, *nisbas] if e.end <= start - 1 and e.start >= max(sent_start, start - 6)
                       and e.label_ == ROLE.country), key=lambda e: e.start, default=None)
        if country is not None and any(t.is_punct for t in doc[country.end:start]):
            country = None  # (… الصين، وبناء خط …: another clause)
        if place is None or country is None or country.kb_id_ == place.kb_id_:
            return [], i
        return [country, place], place.end
