"""Corridors as news names and refers to them, for ``silk_patterns`` and ``silk_corridor_ends``
(issue 8, class 1):

- one corridor under its other names (الممر الأوسط، الممر المركزي، طريق النقل عبر الخزر: the Middle
  Corridor, ``data/lexicon/corridor_identities.tsv``), so it merges across articles;
- trains referred to again (وتنطلق القطارات من …) are the service named before, never a new one;
  a head alone after a comma (…، ويمر الخط عبر …) may be the corridor of that same sentence;
- بين البلدين after a corridor: the two countries the article is about;
- a corridor inside a body's name (مجموعة العمل الخاصة بمشروع السكك الحديدية بين الصين وقرغيزستان)
  is a corridor too, with its ends;
- what stands between a head and its ends, or around them (issue 8, the corridors probe): a relative
  clause (…، الذي يمتد من …، / التي افتتحت أمس), what the route says of a stop (في منطقة …، من جهة),
  the cargo (وتنقل القطارات البضائع من …), a border as an end (بالحدود الصينية), one-word towns no
  table lists beside a listed one or after من / إلى, the one place a corridor crosses (العابر
  لأفغانستان), a verbal noun of linking before it (ربط الصين بأوزبكستان عبر خط …);
- corridors beyond their phrase: coordinated heads sharing a pair (خطوط السكك الحديدية وخطوط
  أنابيب الغاز بين …), a line or a subjectless route after a head with no ends (خط السكة الحديد
  الجديد. ويمتد (الخط) من …), a work the route reaches (من محطة …، عبر ميناء …).
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.built import Built, slug
from silkgraph.extract.corridor_topics import sentence_starts
from silkgraph.extract.doc_state import FoundRelation, add_ref
from silkgraph.extract.lexicon import LEXICON_DIR, roles, Head, Lexicon
from silkgraph.extract.surface import clean_label, clean_surface
from silkgraph.normalize import normalize_letters, opens_with, word_key
from silkgraph.records import Entity
from silkgraph.schema import schema
from silkgraph.tables import read_tsv

ROLE = roles()


class CorridorNames:
    """Names and references of corridors; see the module docstring. A mixin of ``PatternMatcher``:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> [e.kb_id_ for e in nlp("وأشاد الوزير بالممر المركزي.").ents if e.label_ == "Corridor"]
    ['corridor:corridor:middle']
    """

    def init_names(self, lex: Lexicon, lexicon_dir: str = "") -> None:
        lexd = Path(lexicon_dir or LEXICON_DIR)
        path = lexd / "corridor_identities.tsv"
        self.identities = {r["modifier"]: r for r in read_tsv(path)} if path.exists() else {}
        path = lexd / "corridor_kinds.tsv"
        self.reference_heads = lex.words("reference_head")  # القطارات alone: the trains named before
        self.list_openers = lex.words("list_opener")  # كل من، كلا من: a list follows, passed or joined
        self.dual_words = lex.words("dual_countries")  # بين البلدين: the two countries of the article
        self.route_subjects = lex.words("route_subject")  # وسيمتد المشروع من …: the corridor named last
        self.corridor_adverbs = lex.words("corridor_adverb")  # ويربط الطريق أيضا …
        self.laden_words = lex.words("corridor_laden")  # المحمل بالبضائع، المزمع إنشاؤه: two words out of the label
        self.work_ends = {ROLE.project} & set(schema().edge("links").objects)  # a station on a route (route_works)
        self.noun_stops = lex.words("corridor_noun_stop")  # المسافة: a noun of م, no participle of the head
        self.town_openers = lex.words("route_town_opener")  # من أتاسو إلى …: a town may follow
        self.laying_words = lex.words("corridor_laying")  # تمد تركمانستان خطا إلى الصين: from the country that lays it
        self.side_adjectives = lex.words("side_adjective")  # أوروبا الغربية - الصين الغربية
        self.side_words = lex.words("pair_side")  # من جهة … ومن جهة أخرى
        self.cargo_words = lex.words("corridor_cargo")  # وتنقل القطارات البضائع من …
        self.crossing_words = lex.words("crossing")  # العابر لأفغانستان: the one place a corridor crosses
        self.border_words = lex.words("border")  # يربط دوشنبه بالحدود الصينية: the country at that border
        self.through_words = lex.words("corridor_through")  # ربط … عبر خط …: the corridor is the means
        self.trip_kinds = {r["kind_id"] for r in read_tsv(path) if r.get("trips") == "yes"} if path.exists() else set()

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

    def is_relative(self, token: Token) -> bool:
        """الذي، التي، والذي: a relative pronoun, also with its conjunction."""
        relatives = self.lex.words("relative")
        return token.norm_ in relatives or word_key(token.text) in relatives \
            or word_key(token.text.removeprefix("و")) in relatives

    def reference_only(self, doc: Doc, built: Built, head_start: int, head_end: int, core_end: int) -> None:
        """القطارات alone (وتنطلق القطارات من شيآن إلى موسكو): the trains named before when there
        are, never a new service of their own."""
        adverbs_only = all(word_key(t.text) in self.corridor_adverbs for t in doc[head_end:core_end])  # القطارات يوميا
        if adverbs_only and head_end == head_start + 1 and built.start == head_start and self.is_definite(doc[head_start]) \
                and word_key(doc[head_start].text) in self.reference_heads:
            built.head_end, built.topic_only = head_end, True

    def clause_after_comma(self, doc: Doc, start: int) -> bool:
        """A head alone that opens a clause after a comma, after its verb or a demonstrative
        (…، ويمر الخط عبر …؛ …، وتمر هذه الأنابيب …)."""
        k = start - 1
        while k >= 0 and start - k <= 2 and (self.is_route_verb(doc[k]) or self.is_demonstrative(doc[k])):
            k -= 1
        return k < start - 1 and k >= 0 and doc[k].text in ("،", ",")

    def modifier_named(self, doc: Doc, start: int, head: Head, mods_end: int, english_mods: list[str]) -> Entity:
        """The corridor its modifiers name: the kind and the modifiers, or the one corridor
        ``corridor_identities.tsv`` lists for a modifier (الممر المركزي، طريق النقل عبر الخزر: the
        Middle Corridor)."""
        kind = " ".join(english_mods + [head.kind_en])
        slugs = sorted(set(map(slug, english_mods)))
        family = self.family(f"corridor:{slug(head.kind_en)}:")
        known = next((self.identities[s] for s in slugs if s in self.identities
                      and family in self.identities[s]["families"].split()), None)
        if known is not None:
            return Entity(id=known["corridor_id"], type=head.type, label_ar=self.base_form(doc, start, mods_end, head),
                          label_en=known["label_en"])
        return Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(slugs)}", type=head.type,
                      label_ar=self.base_form(doc, start, mods_end, head), label_en=kind[:1].upper() + kind[1:])

    def corridors_in_names(self, doc: Doc, built_all: list[Built]) -> None:
        """مجموعة العمل الخاصة بمشروع السكك الحديدية بين الصين وقرغيزستان: a body's name that ends in
        a corridor's head whose ends follow it; the corridor is written beside the body, as an
        entity inside it, with its links."""
        for b in built_all:
            if b.entity.type != ROLE.organization:
                continue
            for k in range(b.start + 1, b.end):
                found = self.match_head(doc, k)
                if found is None or found[0].type != ROLE.corridor or found[1] != b.end:
                    continue
                corridor = self.build_corridor(doc, k, *found)
                if corridor is None or corridor.end <= b.end or not any(r[0] == "links" for r in corridor.relations):
                    break
                self.write_inside(doc, corridor)
                break

    def without_apposed_countries(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """شيآن، الصين / أوش، قرغيزستان: a country after a comma right after a place in it says where
        that place is; it is no further stop of the route (the corridor links it through the place)."""
        return [e for n, e in enumerate(ents) if not (
            n and doc[e.start - 1].text in ("،", ",") and self.lex.country_of(ents[n - 1].kb_id_) == e.kb_id_)]

    def dual_countries(self, doc: Doc, k: int) -> tuple[list[Span], int]:
        """بين البلدين، بين الدولتين (k at the dual): the two countries named before it in the
        article, when exactly two are, and where the dual ends; else none."""
        if k >= len(doc) or word_key(doc[k].text) not in self.dual_words:
            return [], k
        first: dict[str, Span] = {}
        for ent in doc.ents:
            if ent.start >= k:
                break
            if ent.label_ == ROLE.country and ent.kb_id_:
                first.setdefault(ent.kb_id_, ent)
        return (list(first.values()), k + 1) if len(first) == 2 else ([], k)

    def ends_after_clause(self, doc: Doc, i: int, linked_before: bool
                          ) -> tuple[int, tuple[list[Span], list[Span], int, bool, bool]]:
        """A relative clause between a corridor's head and its ends (i after the head): after a
        comma, one that holds the route (الخط الحديدي، الذي يمتد من الصين إلى أوزبكستان، …); after a
        verb of linking before the head (``linked_before``: وتربط السكة الحديدية التي افتتحت أمس
        الصين بلاوس), a short one the ends follow. Where the ends are read from and what
        ``endpoints`` found there, or 0."""
        none: tuple[list[Span], list[Span], int, bool, bool] = ([], [], i, False, False)
        if i + 1 < len(doc) and doc[i].text in ("،", ",") and self.is_relative(doc[i + 1]):
            found = self.endpoints(doc, i + 1)
            return (i + 1, found) if len(found[0]) >= 2 and found[3] else (0, none)
        if not (i < len(doc) and self.is_relative(doc[i])):
            return 0, none
        for k in range(i + 2, min(i + 2 + self.max_name + 2, len(doc))):
            token = doc[k - 1]
            if token.is_punct or self.match_head(doc, k - 1) is not None or token.ent_iob_ in ("B", "I"):
                break
            if linked_before and doc[k].ent_iob_ == "B" and k < i + 2 + self.max_name:
                found = self.endpoints(doc, k, verb_before=True)
                return (k, found) if len(found[0]) >= 2 else (0, none)
            if doc[k].norm_ == "بين":  # خط السكة الحديدية الذي تم افتتاحه العام الماضي بين الصين ولاوس
                found = self.endpoints(doc, k)
                return (k, found) if len(found[0]) >= 2 else (0, none)
        return 0, none

    def place_aside(self, doc: Doc, k: int) -> int:
        """What a route says of the stop just before k, when the route goes on after it (إلى، عبر …):
        the place it lies in (في منطقة شينجيانغ), its side (في الشرق) or a bracket (شمال غربي الصين).
        Where that ends, or 0."""
        if k == 0 or doc[k - 1].ent_iob_ not in ("B", "I") and doc[k - 1].text != ")":
            return 0
        end = 0
        if doc[k].norm_ == "في" and k + 1 < len(doc):
            place = self.ent_at(doc, k + 1, (ROLE.region, ROLE.country))
            end = place.end if place is not None else k + 2 if self.is_word(doc[k + 1], self.directions) else 0
            if end and end < len(doc) and self.nisba_at(doc, end) is not None:
                end += 1
        elif doc[k].text == "(":
            end = next((n + 1 for n in range(k + 1, min(k + 7, len(doc))) if doc[n].text == ")"), 0)
        return end if 0 < end < len(doc) and self.is_word(doc[end], self.route) and doc[end].norm_ != "من" else 0

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

    def crossing_corridor(self, doc: Doc, start: int, head: Head, k: int, kind: str) -> Built | None:
        """خط أنابيب الغاز العابر لأفغانستان، الطريق العابرة لطاجيكستان (k at the participle): a
        corridor named by the one place it crosses, which it links; else None."""
        if k + 1 >= len(doc) or word_key(doc[k].text) not in self.crossing_words:
            return None
        place = self.ent_at(doc, k + 1, self.endpoint_types)
        if place is None or not opens_with(normalize_letters(doc[k + 1].text), "lam"):
            return None
        place_en = self.label_en(doc, place)
        entity = Entity(id=f"corridor:{slug(head.kind_en)}:across-{place.kb_id_}", type=head.type,
                        label_ar=self.base_form(doc, start, place.end, head),
                        label_en=f"{kind[:1].upper()}{kind[1:]} across {place_en}" if place_en else "")
        built = Built(start, place.end, entity, inner=[place])
        built.relations = [("links", entity.id, place.kb_id_, 0.8)]
        return built

    def cargo_before_route(self, doc: Doc, k: int) -> bool:
        """وتنقل قطارات الحاويات البضائع من الصين إلى أوروبا (k at البضائع): what a corridor carries,
        as its verb's object, right before its route."""
        return k + 1 < len(doc) and word_key(doc[k].text) in self.cargo_words and self.is_word(doc[k + 1], self.route)

    def half_listed_pair(self, doc: Doc, k: int, ents: list[Span], after: int) -> tuple[list[Span], int]:
        """بين كاشغر وتوراغارت، بين أتاسو وألاشانكو (k after بين): a pair of towns of which the
        gazetteer lists one; the other is a one-word town no table lists. Else ``ents`` as found."""
        city = (ROLE.city,)
        if len(ents) == 1 and ents[0].label_ == ROLE.city and after < len(doc) and doc[after].ent_iob_ == "O":
            token = doc[after]
            if opens_with(normalize_letters(token.text), "coordinator") and len(token.text) > 3 \
                    and self.town_word(token.text[1:]) and self.ends_a_town(doc, after):
                town = self.unlisted_place(doc, after, ROLE.city, token.text[1:])
                if town is not None:
                    return ents + [town], after + 1
        if not ents and k + 1 < len(doc) and self.town_word(doc[k].text) \
                and opens_with(normalize_letters(doc[k + 1].text), "coordinator"):
            known = self.ent_at(doc, k + 1, city)
            town = self.unlisted_place(doc, k, ROLE.city) if known is not None else None
            if town is not None:
                return [town, known], known.end
        return ents, after

    def route_town(self, doc: Doc, k: int) -> Span | None:
        """من أتاسو إلى …، … إلى كيزيلجار (k after من / إلى / حتى): a one-word town no table lists,
        or None."""
        if k == 0 or doc[k - 1].norm_ not in self.town_openers or not self.town_word(doc[k].text) \
                or not self.ends_a_town(doc, k):
            return None
        return self.unlisted_place(doc, k, ROLE.city)

    def coordinated_heads(self, doc: Doc, built_all: list[Built]) -> list[Built]:
        """خطوط السكك الحديدية وخطوط أنابيب الغاز بين الصين وكازاخستان: a corridor's head right
        before و and a corridor with its ends after a pair (بين …) shares those ends; it is written
        as a corridor of its own kind. The corridors, in order."""
        taken = {k for b in built_all for k in range(b.start, b.end)}
        more: list[Built] = []
        for b in built_all:
            if b.entity.type != ROLE.corridor or not opens_with(normalize_letters(doc[b.start].text), "coordinator"):
                continue
            ends = [e for e in b.inner if ("links", b.entity.id, e.kb_id_, 0.9) in b.relations]
            between = next((t for t in doc[b.start:b.end] if t.norm_ == "بين"), None)
            if len(ends) < 2 or between is None or any(not self.label_en(doc, e) for e in ends):
                continue
            for k in range(max(0, b.start - 5), b.start):
                found = self.match_head(doc, k)
                if found is None or found[0].type != ROLE.corridor or found[1] != b.start \
                        or any(n in taken for n in range(k, b.start)):
                    continue
                head, ids = found[0], sorted({e.kb_id_ for e in ends})
                names = [clean_surface(e)[0] for e in ends]
                label_ar = f"{self.base_form(doc, k, b.start, head)} بين {names[0]} " + " ".join(f"و{n}" for n in names[1:])
                entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(ids)}", type=head.type, label_ar=label_ar,
                                label_en="–".join(self.label_en(doc, e) for e in ends) + f" {head.kind_en}")
                more.append(Built(k, b.start, entity, relations=[("links", entity.id, i, 0.8) for i in ids]))
                break
        return sorted(built_all + more, key=lambda b: b.start) if more else built_all

    def route_works(self, doc: Doc, built_all: list[Built]) -> None:
        """غادر القطار … من محطة توانجيه، ويمر الخط عبر ميناء أكتاو: a work a corridor's route reaches
        right after it (a station, a port) is on it."""
        works = {b.start: b for b in built_all if b.entity.type in self.work_ends}
        for b in built_all:
            if b.entity.type != ROLE.corridor or b.topic_only:
                continue
            for k in range(b.end + 1, min(b.end + 3, len(doc))):
                if not self.is_word(doc[k - 1], self.route) or doc[k - 1].norm_ == "بين":
                    break
                if k in works:
                    b.relations.append(("links", b.entity.id, works[k].entity.id, 0.7))
                    break

    def line_kinds(self, doc: Doc, built_all: list[Built]) -> None:
        """بدأ بناء خط السكة الحديد الجديد. ويمتد الخط من كاشغر إلى أنديجان: a line (a kind of every
        family) with its ends, after a corridor's head with none in the sentences just before, is a
        corridor of that head's kind (a railway), with an English label of that kind; the head before
        refers to it (an argument of the relations of its sentence, as a head alone refers back)."""
        starts = sentence_starts(doc)
        covered = self.works_cover(built_all)  # a head inside a document's name may be it (اتفاقية لإنشاء خط …)
        for b in built_all:
            parts = b.entity.id.split(":", 2)
            if b.entity.type != ROLE.corridor or len(parts) < 3 or self.family(b.entity.id) != "any" or b.topic_only:
                continue
            first = starts[max(0, bisect_right(starts, b.start) - 1 - self.anaphor_sentences)]
            found = self.last_head(doc, first, b.start, covered)
            if found is None:
                continue
            (head, start, head_end), (_, _, rest) = found, b.entity.label_ar.partition(" ")
            old, label_en = b.entity.id, b.entity.label_en
            if label_en.endswith(" line"):
                label_en = f"{label_en[:-len(' line')]} {head.kind_en}"
            b.aliases.append(b.entity.label_ar)  # الخط بين كاشغر وأنديجان; the label names the kind (خط السكة الحديد بين …)
            b.entity = Entity(id=f"corridor:{slug(head.kind_en)}:{parts[2]}", type=b.entity.type,
                              label_ar=f"{self.base_form(doc, start, head_end, head)} {rest}".strip(),
                              label_en=label_en, wikidata=b.entity.wikidata)
            b.relations = [(rel, b.entity.id if src == old else src, dst, conf) for rel, src, dst, conf in b.relations]
            add_ref(doc, start, head_end, ROLE.corridor, b.entity.id, "anaphor")  # the head before refers to it
            b.aliases.append(clean_surface(doc[start:self.adjectives_end(doc, head_end, b.start)])[0])

    def adjectives_end(self, doc: Doc, k: int, limit: int) -> int:
        """Where the adjectives after a head ending at k stop (خط السكة الحديد الجديد), before ``limit``."""
        end = k
        while end < limit and end - k < 3 and self.is_adjective(doc[end]) and not self.is_stop(doc[end]):
            end += 1
        return end

    def last_head(self, doc: Doc, first: int, last: int, covered: set[int]) -> tuple[Head, int, int] | None:
        """The last corridor head of a kind (not a line of every family) between tokens ``first``
        and ``last`` that no entity covers, with where it starts and ends, or None."""
        k, found_last = first, None
        while k < last:
            found = None if k in covered else self.match_head(doc, k)
            if found is not None and found[0].type == ROLE.corridor and found[1] <= last \
                    and self.family(f"corridor:{slug(found[0].kind_en)}:") not in ("", "any"):
                found_last = (found[0], k, found[1])
            k = found[1] if found is not None else k + 1
        return found_last

    def headless_routes(self, doc: Doc, built_all: list[Built]) -> list[Built]:
        """وأعلنت الشركة بناء خط أنابيب الغاز الجديد. ويمتد من تركمانستان إلى الصين: a sentence that
        opens with a route and no subject, after one that names a corridor's head with no ends (and
        no other corridor or project), gives that head its ends: a corridor of its kind. The
        corridors, in order."""
        covered, works = {k for b in built_all for k in range(b.start, b.end)}, self.works_cover(built_all)
        starts = sentence_starts(doc)
        more: list[Built] = []
        for n, k in enumerate(starts[1:], 1):
            if k in covered or not self.is_route_verb(doc[k]):
                continue
            ends, passed, _, _, _ = self.endpoints(doc, k + 1, verb_before=True)
            if len(ends) < 2 or any(
                    starts[n - 1] <= b.start < k for b in built_all + more if b.entity.type in (ROLE.corridor, ROLE.project)):
                continue
            found = self.last_head(doc, starts[n - 1], k, works)
            if found is None:
                continue
            head, start, head_end = found
            end = self.adjectives_end(doc, head_end, k)  # خط أنابيب الغاز الجديد
            ids = sorted({e.kb_id_ for e in ends})
            names, labels_en = [clean_surface(e)[0] for e in ends], [self.label_en(doc, e) for e in ends]
            entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(ids)}", type=head.type,
                            label_ar=f"{self.base_form(doc, start, head_end, head)} بين {names[0]} " + " ".join(f"و{x}" for x in names[1:]),
                            label_en="–".join(labels_en) + f" {head.kind_en}" if all(labels_en) else "")
            built = Built(start, end, entity, aliases=[doc[start:end].text])
            built.relations = [("links", entity.id, i, 0.8) for i in ids]
            built.relations += [("links", entity.id, p.kb_id_, 0.7) for p in passed if p.kb_id_ not in ids]
            if start in covered:  # اتفاقية لإنشاء خط السكة الحديد: a corridor inside a document's name
                self.write_inside(doc, built)
            else:
                more.append(built)
        return sorted(built_all + more, key=lambda b: b.start) if more else built_all

    @staticmethod
    def works_cover(built_all: list[Built]) -> set[int]:
        """The tokens corridors and projects cover."""
        return {k for b in built_all if b.entity.type in (ROLE.corridor, ROLE.project) for k in range(b.start, b.end)}

    @staticmethod
    def write_inside(doc: Doc, built: Built) -> None:
        """A corridor inside another entity's span (a body's or a document's name): written as an
        entity inside it, with its forms and its relations."""
        doc._.silk_entities.setdefault(built.entity.id, built.entity)
        doc._.silk_inner.append(Span(doc, built.start, built.end, label=built.entity.type, kb_id=built.entity.id,
                                     span_id="pattern"))
        doc._.silk_aliases.setdefault((built.start, built.end), []).extend(built.aliases)
        doc._.silk_found.extend(FoundRelation(rel, src, dst, built.start, built.end, "", conf)
                                for rel, src, dst, conf in built.relations)

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

