"""Corridors for ``silk_patterns``: the rules behind the ``endpoints`` heads of
``data/lexicon/heads.tsv`` (issue 8, class 1), and ``late_corridors``, the component ``silk_corridor_ends``.

Corridors described rather than named:

- the places a corridor joins: a dash chain, quoted or bracketed ("كازاخستان - تركمانستان - إيران",
  الصين (شيآن)–أوروبا), nisba adjectives (الصيني-الكازاخستاني), or a route after بين / من / يربط /
  الرابط / يمتد (من … مرورا بـ … وصولا إلى …، عبر أراضي …، يربط X بـY); places passed through
  (عبر، مرورا) link but do not change identity; the place it lies in (… في أوزبكستان) links too;
- a road between two directions (بين الشمال والجنوب، "الشمال - الجنوب"), and a corridor named by a
  distinctive modifier (الجسر الأوراسي البري الجديد);
- identity from kind + ends (+ a line's ordinal or quoted letter), an English label from the ends'
  labels, and an Arabic label without the clause's verb or a leading proclitic.

A corridor named inside its head, a head alone referring back and the word lists: see
``silkgraph.extract.infrastructure``; a route in a later sentence, a description after a comma, a
line's letter, a length before the route and places no gazetteer lists: ``silkgraph.extract.corridor_topics``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.built import Built, slug
from silkgraph.extract.corridor_topics import CHAIN_TOWN
from silkgraph.extract.infrastructure import CLOSERS, DASHES, OPENERS
from silkgraph.extract.lexicon import roles, Head
from silkgraph.normalize import identity_key, normalize_letters, opens_with, relational_ending, word_key
from silkgraph.records import Entity
from silkgraph.extract.surface import COMMAS

ROLE = roles()

LATE_SOURCES = ("ner", "pattern")  # ends found after a corridor's head was read


class CorridorRules:
    """Corridor rules; see the module docstring. A mixin of ``silkgraph.extract.patterns.PatternMatcher``:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> doc = nlp("سيمتد خط الأنابيب الجديد من تركمانستان إلى الصين مرورا بأوزبكستان")
    >>> [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Corridor"]
    [('خط الأنابيب الجديد من تركمانستان إلى الصين', 'corridor:pipeline:country:CN-country:TM')]
    >>> [(f.type, f.target_id) for f in doc._.silk_found]  # the place passed through links too
    [('links', 'country:TM'), ('links', 'country:CN'), ('links', 'country:UZ')]
    """

    def late_corridors(self, doc: Doc) -> Doc:
        """Component ``silk_corridor_ends``: after the statistical model, corridor heads whose ends
        only it or a later pattern found (a town no gazetteer lists: مدينة تشاركنت) get their corridor."""
        self._ents_of = self._nisbas_of = None
        self.named_routes(doc)
        if not any(e.id_ in LATE_SOURCES for e in doc.ents):
            return doc
        covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        built_all: list[Built] = []
        i = 0
        while i < len(doc):
            found = None if i in covered else self.match_head(doc, i)
            if found is None or found[0].needs != "endpoints":
                i += 1
                continue
            built = self.build_corridor(doc, i, *found)
            if built is None or not any(e.id_ in LATE_SOURCES for e in built.inner) \
                    or any(k in covered for k in range(built.start, found[1])):
                i += 1
                continue
            built_all.append(built)
            i = built.end
        if built_all:
            self.write(doc, built_all)
        return doc

    def place_chain(self, doc: Doc, i: int) -> tuple[list[Span], int]:
        """Places joined by dashes, optionally bracketed (الصين (شيآن)–أوروبا, تشونغتشينغ–شينجيانغ ـ أوروبا)."""
        quoted, close = self.quoted_chain(doc, i)  # "أوش - ساري تاش - إركيشتام": towns no table lists among them
        if quoted:
            return quoted, close
        found: list[Span] = []
        j = i
        ent = self.ent_at(doc, j, self.endpoint_types)
        if ent is None and i + 1 < len(doc) and doc[i + 1].text in DASHES:  # بابا-أنغرين: an unlisted town first
            ent = self.chain_town(doc, i, self.ent_at(doc, i + 2, self.endpoint_types) is not None)
        if ent is None:  # "داتكا - كيمين": two towns no table lists, quoted
            pair = self.unlisted_chain_pair(doc, i)
            if pair:
                found, ent = pair[:1], pair[1]
        while ent is not None:
            found.append(ent)
            j = ent.end
            if j < len(doc) and word_key(doc[j].text) in self.side_adjectives:
                j += 1  # "أوروبا الغربية - الصين الغربية": the side of a place, in the chain that names a road
            k = j
            while k < len(doc) and k - j < 3 and doc[k].text in DASHES + ("(", ")"):
                k += 1
            if k == j:
                break
            ent = self.ent_at(doc, k, self.endpoint_types)
            if ent is None and doc[k - 1].text in DASHES:  # أنغرين-باب: an unlisted town last
                ent = self.chain_town(doc, k, any(e.id_ != CHAIN_TOWN for e in found))
            if ent is None:
                break
            j = k
        if found and j < len(doc) and doc[j].text == ")" and any(t.text == "(" for t in doc[i:j]):
            j += 1  # the bracket a place opened inside the chain
        return found, j

    def nisba_chain(self, doc: Doc, i: int) -> tuple[list[Span], int]:
        """Nisba adjectives naming the countries (or regions) a corridor joins: خط السكة الحديد الصيني
        القرغيزي الأوزبكي, خط أنابيب الغاز الصيني-الكازاخستاني, خدمة الشحن الصيني–الأوروبي."""
        by_start = dict(self.nisbas(doc))
        for k in range(i, min(i + 8, len(doc))):
            region = self.region_adjectives.get(word_key(doc[k].text))
            if region is not None and k not in by_start:
                by_start[k] = Span(doc, k, k + 1, label=self.lex.entries[region].entity.type, kb_id=region,
                                   span_id="nisba")
        found: list[Span] = []
        j = end = i
        while j in by_start:
            found.append(by_start[j])
            j = end = by_start[j].end
            if j < len(doc) and (doc[j].text in DASHES or doc[j].text == "و") and j + 1 in by_start:
                j += 1
        return found, end

    def route_walk(self, doc: Doc, i: int) -> tuple[list[Span], list[Span], int]:
        """Places along a route: من شرق تركمانستان ويصل إلى الصين عبر أوزبكستان وكازاخستان gives the
        ends (Turkmenistan, China), the places passed through (Uzbekistan, Kazakhstan) and where
        the last end stands."""
        ends: list[Span] = []
        passed: list[Span] = []
        j, end, via = i, i, False
        between = closed = False  # بين الصين وأوروبا: the pair closes the ends; a stretch after it (من …، إلى …) is passed
        limit = i + self.max_complement * 3  # the words of places' names and of what is said of a stop do not count
        last_end = -1  # where the last place read ends
        works: list[Span] = []  # the works it reaches on its way (a field, a border crossing)
        while j < len(doc) and j < limit:
            token = doc[j]
            if j > i and self.is_word(doc[j - 1], self.route_ends) and token.norm_ in ("في", "عند"):
                j += 1  # وينتهي في الصين، يبدأ عند …: the place after في is an end
                continue
            if j > i + 1 and token.norm_ == "في" and self.is_word(doc[j - 1], self.count_kinds) \
                    and self.is_word(doc[j - 2], self.route):
                j += 1  # وتصل إلى مدن في ألمانيا وبولندا: the countries those places lie in
                continue
            if (ends or passed) and j == last_end and self.is_word(token, self.route_times):
                while j < len(doc) and self.is_word(doc[j], self.route_times):  # من شيآن يوم الاثنين إلى …
                    j, last_end, limit = j + 1, j + 1, limit + 1
                continue
            if works and not ends and not passed and j == last_end and token.norm_ == "في" \
                    and self.ent_at(doc, j + 1, (ROLE.country, ROLE.region)) is not None:
                j += 1  # من حقل غالكينيش في تركمانستان عبر …: the country of the work it starts at is its end
                continue
            measured = self.bare_quantity_end(doc, j + 1) if (ends or passed) and j == last_end \
                and self.is_word(token, self.measure_verbs) else 0
            if measured and measured < len(doc) and self.is_word(doc[measured], self.route):
                limit += measured - j  # من شيآن سيقطع 9 آلاف كيلومتر عبر …: a distance between stops
                j = last_end = measured
                continue
            if ends and self.side_phrase(doc, j):  # بين الصين من جهة وأوروبا من جهة أخرى
                j = self.side_phrase(doc, j)
                continue
            if (self.is_word(token, self.route) or self.is_word(token, self.directions)
                    or self.is_word(token, self.between)) \
                    and not (token.ent_iob_ == "B" and self.is_word(token, self.route_filler)):  # وإقليم غورنو باداخشان
                between = between or (token.norm_ == "بين" and not ends)
                if self.is_word(token, self.via):
                    via = True
                elif not self.is_word(token, self.directions) and not self.is_word(token, self.route_filler) \
                        and not (j > i and self.is_word(doc[j - 1], self.list_openers)):  # مرورا بكل من …
                    via = False
                j += 1
                continue
            # ، مرورا بـ …: a comma goes on only to a further stretch of the route
            if token.text in COMMAS and (ends or passed) and j + 1 < len(doc) \
                    and doc[j + 1].norm_ not in ("من", "بين") and self.is_word(doc[j + 1], self.route):
                j += 1
                continue
            counted = self.count_end(doc, j) if j > i and self.is_word(doc[j - 1], self.route) else 0
            if counted:  # من أكثر من 100 مدينة صينية، بينها شيآن وتشنغدو: the places after the count
                limit += counted - j
                j = counted
                continue
            aside = self.aside_in_route(doc, j) if (ends or passed) and j == last_end else 0
            if aside:  # من تشونغتشينغ، في رحلة تستغرق 16 يوما، إلى دويسبورغ: an aside between two stops
                limit += aside - j
                j = aside
                continue
            if j + 1 < len(doc) and self.is_border(doc[j]) and doc[j + 1].norm_ == "بين":
                j += 1  # عبر الحدود بين الصين وقرغيزستان: the pair across the border
                continue
            aside = self.place_aside(doc, j, j == last_end) if ends or passed else 0
            if aside:  # من مدينة كاشغر في منطقة شينجيانغ إلى …، من أورومتشي (شمال غربي الصين) إلى …
                limit += aside - j
                j = aside
                continue
            nisba = self.nisba_at(doc, j) if ends or passed else None
            if nisba is not None:  # كاشغر الصينية: the place's country, said again
                j = nisba.end
                last_end = j if last_end == nisba.start else last_end  # (the stop ends after it)
                continue
            ents, after = self.entity_list(doc, j, self.endpoint_types)
            if not ents and between and not ends:  # بين البلدين: the two countries the article is about
                ents, after = self.dual_countries(doc, j)
            if not ents and between and not ends and j > i:  # بين كيزيلجار وتوغوزتورو: two towns no table lists
                ents, after = self.unlisted_pair(doc, j)
            if not ents:  # بالحدود الصينية، إلى الحدود مع الصين: the country at that border
                ents, after = self.border_end(doc, j)
            if not ents:  # من مدينة أنغارسك: a town no table lists, after the word for its kind
                town = self.kind_place(doc, j)
                ents, after = ([town], town.end) if town is not None else ([], j)
            if not ents:  # دوستيك وموينتي، عبر بيريكيت وإتريك في تركمانستان: towns no table lists
                ents, after = self.unlisted_on_route(doc, j, i)
            if not ents and j > i:  # من حقل دولت آباد، ويعبر معبر إيركشتام الحدودي إلى …: a work on the way
                work = self.work_on_route(doc, j)
                if work is not None:
                    works.append(work)
                    limit += len(work)
                    j = last_end = work.end
                    continue
            if not ents:
                break
            ents = self.without_apposed_countries(doc, ents)  # إلى شيآن، الصين: Xi'an in China, one place
            cut = next((n for n, e in enumerate(ents) if n and self.is_word(doc[e.start - 1], self.route)), 0)
            if (via or (between and not ends)) and cut:
                # عبر أوزبكستان وكازاخستان إلى الصين, بين الصين وأوروبا إلى ألمانيا: the list stops at إلى
                ents, after = ents[:cut], ents[cut].start - 1
            limit += max(0, after - j - len(ents))
            last_end = after
            if via or closed:
                passed.extend(ents)
            else:
                ends.extend(ents)
                end = after
                closed = between and len(ends) >= 2
            j = after
            if j + 1 < len(doc) and doc[j].norm_ == "او" and self.ent_at(doc, j + 1, self.endpoint_types) is not None:
                j += 1  # إلى موسكو أو وارسو: either place is on the route
        if len(ends) < 2:  # يمتد عبر كازاخستان وروسيا: the places passed are all it names
            ends, passed = ends + passed, []
            end = max((e.end for e in ends), default=i)
        # the works it reaches link to it (``route_works``), never as its ends (no part of its identity)
        doc.user_data.setdefault("route_work_starts", set()).update(w.start for w in works)
        return ends, passed, end

    def region_on_way(self, doc: Doc, k: int) -> Span | None:
        """في ممر واخان at token k, before the route's verb (طريق سريع في ممر واخان يربط أفغانستان
        بالصين): the region the corridor runs through, or None."""
        if doc[k].norm_ != "في":
            return None
        j = k + 2 if k + 2 < len(doc) and doc[k + 1].ent_iob_ == "O" and self.is_word(doc[k + 1], self.route_filler) else k + 1
        region = self.ent_at(doc, j, (ROLE.region,))  # في منطقة شينجيانغ: the word for its kind before it
        if region is None or region.end >= len(doc):
            return None
        verb = doc[region.end]
        linking = any(p.match(normalize_letters(verb.text)) for p in self.links_triggers)
        return region if linking or self.is_route_verb(verb) else None

    def unlisted_before_ba(self, doc: Doc, j: int) -> tuple[list[Span], int]:
        """يربط أتاسو بألاشانكو (j after the verb of linking): a one-word town no table lists, then a
        known place behind ب: the two ends and where the second ends; else none."""
        token, second = doc[j], self.ent_at(doc, j + 1, self.endpoint_types)
        if second is None or token.ent_iob_ != "O" or not token.is_alpha or self.is_definite(token) \
                or not self.town_word(token.text) or self.is_stop(token) or not normalize_letters(doc[j + 1].text).startswith("ب"):
            return [], j
        first = self.unlisted_place(doc, j, ROLE.city)
        return ([first, second], second.end) if first is not None else ([], j)

    def count_end(self, doc: Doc, j: int) -> int:
        """أكثر من 100 مدينة صينية، بينها … / نحو 25 دولة، منها … / 30 دولة مثل … / 200 مدينة في 25
        دولة أوروبية، من بينها … (j at its first word): a count of places that a list of them
        follows; where the list starts, or 0."""
        k = j
        if k < len(doc) and self.is_word(doc[k], self.count_leads):
            k += 2 if k + 1 < len(doc) and doc[k + 1].norm_ == "من" else 1
        if not (k + 1 < len(doc) and doc[k].like_num):
            return 0
        k += 1
        if k < len(doc) and doc[k].like_num:  # 17 ألف
            k += 1
        if not (k < len(doc) and self.is_word(doc[k], self.count_kinds)):
            return 0
        k += 1
        if k < len(doc) and doc[k].ent_iob_ == "O" and doc[k].norm_ != "في" and relational_ending(word_key(doc[k].text)):
            k += 1  # صينية، أوروبية (في ends as one does)
        if k + 3 < len(doc) and doc[k].norm_ == "في" and doc[k + 1].like_num and self.is_word(doc[k + 2], self.count_kinds):
            k += 3  # 200 مدينة في 25 دولة أوروبية: the count of the countries those places lie in
            if k < len(doc) and relational_ending(word_key(doc[k].text)):
                k += 1  # (أوروبية may be read as Europe's adjective: it is the count's, here)
        if k < len(doc) and doc[k].text in COMMAS:
            k += 1
        if k + 1 < len(doc) and doc[k].norm_ == "من" and self.is_word(doc[k + 1], self.count_lists):
            k += 1  # من بينها
        if not (k < len(doc) and self.is_word(doc[k], self.count_lists)):
            return 0
        if self.is_word(doc[k], self.route):
            return k  # بينها، منها: words of the route already
        return k + 2 if doc[k].norm_ == "بما" else k + 1  # بما فيها، مثل

    def aside_in_route(self, doc: Doc, j: int) -> int:
        """، في رحلة تستغرق 16 يوما، إلى … (j at the first comma, right after a stop): a short aside
        that names no place, closed by a comma that the route's next word follows (not من or بين,
        which open another route). Where that word is, or 0."""
        if not (j + 2 < len(doc) and doc[j].text in COMMAS) or self.is_word(doc[j + 1], self.route):
            return 0
        for k in range(j + 1, min(j + 10, len(doc) - 1)):
            token = doc[k]
            if token.text in COMMAS:
                after = doc[k + 1]
                return k + 1 if k > j + 1 and self.is_word(after, self.route) and after.norm_ not in ("من", "بين") else 0
            if token.is_punct or token.ent_iob_ != "O" or token.is_sent_start or self.match_head(doc, k) is not None:
                return 0
        return 0

    def endpoints(self, doc: Doc, i: int, verb_before: bool = False
                  ) -> tuple[list[Span], list[Span], int, bool, bool]:
        """The places a corridor joins, right after it, the places it passes through, where its
        ends stop, whether a verb (يربط، يمتد، الذي يربط) introduced them, so the label stops
        before it, and whether they are its name (a dash or nisba chain: الصين–أوروبا) rather than
        a route. After ``verb_before`` (ويربط الخط الصين بأوروبا) the places follow directly."""
        j = i + 1 if i < len(doc) and doc[i].text in OPENERS else i
        found, end = self.place_chain(doc, j)
        if len(found) < 2:
            found, end = self.nisba_chain(doc, j)
        if len(found) < 2 and j == i and not verb_before:  # سكة حديد الصين وقرغيزستان وأوزبكستان
            found, end = self.coordinated_ends(doc, i)
        if len(found) >= 2:
            if j > i and end < len(doc) and doc[end].text in CLOSERS:
                end += 1
            return found, [], end, False, True
        j, verb = i, False
        # يربط (بين) / الذي يربط / الرابط بين / يمتد من / من ... إلى
        if j < len(doc) and doc[j].norm_ in self.lex.words("relative"):
            j += 1
            verb = True
        if j < len(doc) and (self.is_word(doc[j], self.route_verbs) or any(
                p.match(normalize_letters(doc[j].text)) for p in self.links_triggers)):
            j += 0 if self.is_word(doc[j], self.via) else 1  # المار بمدينة أوش: the walk reads a verb of passing
            verb = True
        elif verb:
            return [], [], i, False, False
        if verb and j < len(doc) and doc[j].norm_ in ("في", "عند") and self.is_word(doc[j - 1], self.route_ends):
            j += 1  # يبدأ في مدينة كاشغر: the first end after في
        if j < len(doc) and not verb and not verb_before \
                and not (self.is_word(doc[j], self.between) or doc[j].norm_ in ("من", "عبر")):
            return [], [], i, False, False
        found, passed, end = self.route_walk(doc, j)
        if len(found) < 2 and (verb or verb_before):
            # يربط أحد حقول الغاز في تركمانستان بمنطقة شينجيانغ: a short phrase before the first place
            k = j
            while k < len(doc) and k - j < 4 and doc[k].ent_iob_ != "B" and not doc[k].is_punct \
                    and word_key(doc[k].text) not in self.lex.words("clause") and self.match_head(doc, k) is None:
                k += 1
            if k > j and self.ent_at(doc, k, self.endpoint_types) is not None:
                found, passed, end = self.route_walk(doc, k)
                if not verb and not self.joined_by_ba(doc, found):  # ويربط الخط حقول … بـ…, not وتمتد الصادرات من …
                    found = []
        if len(found) < 2 and (verb or verb_before):  # يربط حقول الغاز التركمانية بالأسواق الصينية
            found, end = self.nisba_pair(doc, j)
            passed = []
        if len(found) < 2 and verb and j + 1 < len(doc) and self.is_word(doc[j - 1], self.between):
            found, end = self.unlisted_before_ba(doc, j)  # الذي يربط أتاسو بألاشانكو
        return (found, passed, end, verb, False) if len(found) >= 2 else ([], [], i, False, False)

    def direction_pair(self, doc: Doc, i: int) -> tuple[list[str], list[Span], int, int]:
        """بين الشمال والجنوب (في قرغيزستان), "الشمال - الجنوب": a road between two directions, and
        where it is."""
        if i + 2 < len(doc) and doc[i].norm_ == "بين" and self.is_word(doc[i + 1], self.directions) \
                and opens_with(doc[i + 2].text, "coordinator") and self.is_word(doc[i + 2], self.directions):
            names, end = [doc[i + 1].norm_, doc[i + 2].norm_], i + 3
        else:
            j = i + 1 if i < len(doc) and doc[i].text in OPENERS else i
            if not (j + 2 < len(doc) and self.is_word(doc[j], self.directions) and doc[j + 1].text in DASHES
                    and self.is_word(doc[j + 2], self.directions)):
                return [], [], i, i
            names, end = [doc[j].norm_, doc[j + 2].norm_], j + 3
            if j > i and end < len(doc) and doc[end].text in CLOSERS:
                end += 1
        pair_end = end
        places: list[Span] = []
        if end < len(doc) and doc[end].norm_ == "في":
            places, after = self.entity_list(doc, end + 1, self.endpoint_types)
            if places:
                end = after
        return names, places, pair_end, end

    def is_adjective(self, token: Token) -> bool:
        """An adjective that may stand between a corridor's head and its endpoints: a participle
        (المقترح), a purpose (للمنتجات), a nisba (رئيسية) or a generic one (جديدا)."""
        key = word_key(token.text)
        if key in self.noun_stops:  # تقلص السكة الحديدية المسافة بين …: a noun, the verb's object
            return False
        nisba_like = key.endswith(("ي", "يه", "يا"))
        # a definite participle (المقترح) or nisba (الرئيسي); a definite noun (طريق الحرير) names the head instead
        return (self.is_definite(token) and (nisba_like or key.startswith("م"))) or self.is_purpose(token) \
            or nisba_like or self.is_generic(token)

    def line_before(self, doc: Doc, start: int) -> int:
        """خط جديد لسكك الحديد: a line (and its adjective) before a head that carries ل."""
        letters = normalize_letters(doc[start].text)
        if not (opens_with(letters, "lam") and doc[start].norm_ != word_key(doc[start].text)):
            return start
        for k in (start - 1, start - 2):
            if k >= 0 and doc[k].norm_ in self.line_words and all(
                    self.is_adjective(t) for t in doc[k + 1:start]):
                return k
        return start

    def build_corridor(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        if head_end < len(doc) and word_key(doc[head_end].text) in self.figurative_words:
            return None  # الجسر الثقافي، الممر الإنساني: no way goods or people travel
        head_start, start = start, self.line_before(doc, start)
        english_mods, core_end = self.modifiers(doc, head_end)
        if self.direction_pair(doc, head_end)[0]:  # ممر الشمال – الجنوب: directions, not modifiers
            english_mods, core_end = [], head_end
        english_mods, core_end = self.mods_before_directions(doc, head_end, english_mods, core_end)
        mods_end = core_end
        # other adjectives (الجديد، المقترح، رئيسية), a purpose (للمنتجات), an ordinal (الرابع) and a
        # quoted line name ("د") may stand before the endpoints; the ordinal and the line name tell lines apart
        line = ""
        label_end = 0  # where the label stops when a length stands before the route
        transits: list[Span] = []  # places it is said to cross before its ends (العابرة لأفغانستان)
        name_end = 0  # where a one-word name after the head ends (طريق كولما)
        for _ in range(4):
            if core_end >= len(doc) or self.endpoints(doc, core_end)[0]:
                break
            token = doc[core_end]
            closing = self.quoted(doc, core_end)
            if closing and closing - core_end <= 4:  # "د"، "قوة سيبيريا"
                line += "-" + identity_key(doc[core_end + 1:closing - 1].text)
                core_end = closing
                continue
            if core_end == head_end and self.name_before_route(doc, core_end):  # طريق كولما الجبلي بين …
                core_end = name_end = core_end + 1
                continue
            if core_end == head_end and len(token.text) == 1 and token.is_alpha and token.text not in ("و", "ف"):
                line += "-" + identity_key(token.text)  # الخط د، خط أنابيب الغاز D: a line's letter unquoted
                core_end += 1
                continue
            ordinal = self.lex.ordinals.get(token.norm_) or self.indefinite_ordinals.get(word_key(token.text))
            if ordinal:
                if slug(head.kind_en) not in self.trip_kinds:  # القطار الأول: a train's first trip, no line's number
                    line += f"-{ordinal}"
                core_end += 1
                continue
            measured = self.measure_end(doc, core_end)
            if measured:  # بطول 1000 كيلومتر: a length before the route, kept out of its label
                label_end, core_end = label_end or core_end, measured
                continue
            loaded = self.load_end(doc, core_end)
            if loaded:  # قطار شحن يحمل 50 حاوية من …، قطار الشحن رقم 10 إلى …: out of the label
                label_end, core_end = label_end or core_end, loaded
                continue
            if word_key(token.text) in self.corridor_adverbs or self.cargo_before_route(doc, core_end):
                # ويربط الطريق أيضا …، وتنقل القطارات البضائع من …: out of the label too
                label_end, core_end = label_end or core_end, core_end + 1
                continue
            transit = self.transit_place(doc, core_end) or self.region_on_way(doc, core_end)
            if transit is not None:  # السكة الحديدية العابرة لأفغانستان بين …: a place it crosses, out of the label
                transits.append(transit)
                label_end, core_end = label_end or core_end, transit.end
                continue
            if word_key(token.text) in self.laden_words and core_end + 1 < len(doc):
                cargo = core_end + 2  # المحمل بالبضائع، المزمع إنشاؤه
                j = cargo
                while j < len(doc) and j - cargo < 3 and doc[j].ent_iob_ == "O" and not doc[j].is_punct \
                        and not self.is_word(doc[j], self.route):
                    j += 1  # محمل بقطع غيار السيارات من …: a cargo of a few words, up to the route
                label_end, core_end = label_end or core_end, j if j < len(doc) and self.is_word(doc[j], self.route) else cargo
                continue
            if self.is_stop(token) or token.ent_iob_ == "B" or token.like_num or not self.is_adjective(token) \
                    or self.is_word(token, self.route) \
                    or self.match_head(doc, core_end) is not None:
                break
            core_end += 1
        verb_before = start > 0 and (any(p.match(normalize_letters(doc[start - 1].text)) for p in self.links_triggers)
                                     or self.is_route_verb(doc[start - 1])
                                     or start > 1 and self.is_demonstrative(doc[start - 1]) and self.is_route_verb(doc[start - 2]))
        aside = self.parenthetical_end(doc, core_end) if verb_before else self.aside_before_verb(doc, core_end)
        if aside:  # وسيربط خط السكة الحديد، الذي يبلغ طوله 500 كيلومتر، الصين بأوزبكستان
            label_end, core_end = label_end or core_end, aside
        if verb_before and core_end < len(doc) and doc[core_end].norm_ in ("في", "عند") \
                and self.is_route_verb(doc[start - 1]):
            label_end, core_end = label_end or core_end, core_end + 1  # ويبدأ خط السكة الحديد في مدينة كاشغر …
        ends, passed, end, verb, named = self.endpoints(doc, core_end, verb_before)
        if len(ends) < 2:  # وتعتزم تركمانستان مد خط أنابيب الغاز إلى الصين: from the country that lays it
            ends, end = self.laid_to(doc, start, core_end)
            verb = bool(ends)
        if len(ends) < 2 and slug(head.kind_en) in self.trip_kinds:  # وسيرت مدينة ييوو قطار شحن إلى مدريد
            ends, passed, end = self.sent_from(doc, start, core_end)
            verb = bool(ends)
        if len(ends) < 2:  # a relative clause between the head and its ends (…، الذي يمتد من …، / التي افتتحت أمس)
            linked_before = start > 0 and any(p.match(normalize_letters(doc[start - 1].text)) for p in self.links_triggers)
            clause_end, found = self.ends_after_clause(doc, core_end, linked_before)
            if clause_end:
                label_end, core_end = label_end or core_end, clause_end
                ends, passed, end, verb, named = found
        # a verb before, at the start of or along the route (ويصل إلى) stays out of the label
        verb = verb or verb_before or any(self.is_word(t, self.route_verbs) for t in doc[core_end:end])
        if any(not p.isdigit() for p in line.split("-")[1:]):  # خط أنابيب الغاز "د": its letter names it, not its route
            lettered = self.lettered_line(doc, start, head, head_end, core_end, line)
            if lettered is not None:
                return lettered
        purposed = False
        if len(ends) < 2 and not self.names_itself(doc, head_end, mods_end):  # سيساهم الخط في ربط الصين بأوروبا
            more, passed_more = self.purpose_route(doc, core_end)
            if len(more) < 2:  # ربط الصين بأوزبكستان عبر خط سكة حديد: the places linked before it
                more, passed_more = self.linked_before_head(doc, start)
            if len(more) >= 2:
                ends, passed, end, verb, purposed = more, passed_more, core_end, True, True
        if len(ends) < 2:
            return self.build_described_corridor(doc, start, head, head_end, mods_end, core_end, english_mods) \
                or self.lettered_line(doc, start, head, head_end, core_end, line) or self.lone_route(doc, start, head_end, core_end, head)
        if named and end < len(doc) and opens_with(normalize_letters(doc[end].text), "lam"):
            purpose = self.match_head(doc, end)  # خط "الصين - قرغيزستان" للسكك الحديدية: the kind after the name
            if purpose is not None and purpose[0].type == ROLE.corridor and self.family(f'corridor:{slug(head.kind_en)}:') == "any":
                head, end = purpose[0], purpose[1]
        if named:
            head, end = self.kind_after_name(doc, head, end)  # ممر الصين – منغوليا – روسيا الاقتصادي
        if not named and self.names_itself(doc, head_end, mods_end):  # ويربط الممر الأوسط الصين بأوروبا
            return self.named_with_route(doc, start, head, mods_end, english_mods, ends + passed)
        kind = " ".join(english_mods + [head.kind_en])
        ids = [e.kb_id_ for e in ends]
        labels_en = [self.label_en(doc, e) for e in ends]
        label_en = "–".join(name for name in labels_en if name) + f" {kind}" if all(labels_en) else ""
        label_ar = self.base_form(doc, start, end, head)
        # يربط، يمتد من، بطول …: the label names the corridor and its ends, without the verb; a chain
        # that names it (قطار الشحن الصيني-الأوروبي، وانطلق قطار … من ووهان) is its label as written
        if (verb or label_end) and not named:
            # a border with its adjective (بالحدود الصينية) loses its preposition as a gazetteer name does
            names = [self.end_name(doc, e) for e in ends]
            label_ar = f"{self.base_form(doc, start, label_end or core_end, head)} بين {names[0]} " + " ".join(
                f"و{n}" for n in names[1:])
        label_ar = self.nominative(label_ar, head_start - start)
        entity = Entity(id=f"corridor:{slug(self.narrower_kind(head, english_mods))}:{'-'.join(sorted(set(ids)))}{line}",
                        type=head.type,
                        label_ar=label_ar, label_en=label_en)
        built = Built(start, end, entity, inner=[e for e in ends + passed if start <= e.start and e.end <= end and e.id_ != "nisba" and not purposed],
                      aliases=[doc[start:label_end or core_end].text])
        if name_end:  # طريق كولما: the head and its name, without adjectives or ends
            built.aliases.append(doc[start:name_end].text)
        if named and ends[0].id_ != "nisba":  # أنغرين - باب: the chain alone names it too
            built.aliases.append(doc[ends[0].start:ends[-1].end].text)
        if not named and verb and self.after_comma(doc, start):
            built.head_end, built.apposed = core_end, True  # الممر الأوسط، وهو طريق يربط …
        elif not named and not line and head_end in (core_end, label_end) and self.refers_back(doc, start, head_end, verb):
            built.head_end = head_end  # وتمر تلك الأنابيب من …: perhaps the route of the corridor named before
        if not named:
            self.reference_only(doc, built, head_start, head_end, core_end)
        # a continent in a train's name (قطار الصين–أوروبا) tells the service, not a place it links;
        # a corridor's (ممر «الصين - آسيا الوسطى - أوروبا») is one of its ends
        built.relations = [("links", entity.id, eid, 0.9) for eid in dict.fromkeys(ids)
                           if not (named and eid in self.macro_regions and slug(head.kind_en) in self.trip_kinds)]
        built.relations += [("links", entity.id, p.kb_id_, 0.8) for p in passed + transits if p.kb_id_ not in ids]
        # خط السكك الحديدية بين أنغرين وباب في أوزبكستان: the place it lies in
        if end + 1 < len(doc) and doc[end].norm_ == "في":
            place = self.ent_at(doc, end + 1, self.endpoint_types)
            if place is not None and place.kb_id_ not in ids:
                built.relations.append(("links", entity.id, place.kb_id_, 0.7))
        # خط السكك الحديدية الصين – قيرغيزستان الذي سيمتد من كاشغر إلى أنديجان، خط الأنابيب بين تركمانستان
        # والصين الذي يمر عبر أوزبكستان: the route after its name or its ends links it too
        # ويمتد الخط "…"، الذي دشن عام 2009، من … إلى …: after the route's verb before it, the route
        # follows a relative clause between commas
        route_from = end
        if start > 0 and self.is_route_verb(doc[start - 1]):
            route_from = self.parenthetical_end(doc, end) or end
        read, route_end = self.route_after(doc, route_from) if not purposed else ([], end)
        route = [p for p in read if p.kb_id_ not in ids and p.kb_id_ not in {q.kb_id_ for q in passed}]
        if route and all(self.is_route_verb(t) or self.is_relative(t)
                         for t in doc[route_from:read[0].start] if not self.is_word(t, self.route) and not t.is_punct):
            built.relations += [("links", entity.id, p.kb_id_, 0.8) for p in route]
            if named and not self.work_on_way(doc, end, route_end):  # a work on it stays a mention of its own
                built.inner += [p for p in route if p.id_ != "nisba"]
                built.end = max(built.end, route_end)
        return built

    def build_described_corridor(self, doc: Doc, start: int, head: Head, head_end: int, mods_end: int,
                                 core_end: int, english_mods: list[str]) -> Built | None:
        """A corridor without named endpoints: between two directions (الطريق السريع بين الشمال
        والجنوب في قرغيزستان), or named by a distinctive modifier (الجسر الأوراسي البري الجديد)."""
        kind = " ".join(english_mods + [head.kind_en])
        directions, places, pair_end, end = self.direction_pair(doc, core_end)
        if directions:
            ids = [p.kb_id_ for p in places]
            names_en = [self.lex.modifiers.get(d, "") for d in directions]
            place_en = " in " + ", ".join(self.label_en(doc, p) for p in places) if places else ""
            label_en = f"{'–'.join(names_en)} {kind}{place_en}" if all(names_en) else ""
            entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(directions + sorted(set(ids)))}",
                            type=head.type, label_ar=self.base_form(doc, start, end, head),
                            label_en=label_en[:1].upper() + label_en[1:])
            built = Built(start, end, entity, inner=list(places), aliases=[doc[start:pair_end].text])
            # ممر شمال - جنوب يربط روسيا بالهند عبر إيران، طريق شمال-جنوب البديل الذي يربط …: after its adjectives
            route = self.endpoints(doc, self.adjectives_end(doc, end, len(doc)))
            ids += [p.kb_id_ for p in route[0] + route[1]] if route[3] else []
            built.relations = [("links", entity.id, eid, 0.8) for eid in dict.fromkeys(ids)]
            return built
        # الطريق السريع حول بحيرة إيسيك كول: a ring around a place
        if core_end + 1 < len(doc) and self.is_word(doc[core_end], self.around):
            k = core_end + 2 if self.is_word(doc[core_end + 1], self.route_filler) else core_end + 1
            place = self.ent_at(doc, k, self.endpoint_types)
            if place is not None:
                place_en = self.label_en(doc, place)
                entity = Entity(id=f"corridor:{slug(head.kind_en)}:around-{place.kb_id_}", type=head.type,
                                label_ar=self.base_form(doc, start, place.end, head),
                                label_en=f"{kind[:1].upper()}{kind[1:]} around {place_en}" if place_en else "")
                built = Built(start, place.end, entity, inner=[place])  # its place names it, not the bare head
                built.relations = [("links", entity.id, place.kb_id_, 0.8)]
                return built
        named_by = [word_key(t.text) for t in doc[head_end:mods_end]]
        if not any(k not in self.generic_modifiers for k in named_by):
            return None
        if self.names_itself(doc, head_end, mods_end):  # طريق الحرير القديم: its age is part of its name
            while mods_end < len(doc) and word_key(doc[mods_end].text) in self.lex.words("old"):
                mods_end += 1
        built = Built(start, mods_end, self.modifier_named(doc, start, head, mods_end, english_mods))
        if self.names_itself(doc, head_end, mods_end):  # الممر العابر لبحر قزوين الذي يمر عبر أذربيجان
            places, _ = self.route_after(doc, mods_end)  # its name is the mention; the route only links
            built.relations = [("links", built.entity.id, p.kb_id_, 0.8) for p in places]
        if all(self.is_word(t, self.compass_modifiers) or self.is_generic(t) for t in doc[head_end:mods_end]) \
                and (not built.relations or self.family(f"corridor:{slug(head.kind_en)}:") != "corridor"):
            return None  # قرب الطريق الشمالي، بدائل للمسار الشمالي: a compass word names only a ممر with its route
        return built
