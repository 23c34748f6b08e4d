"""Corridors beyond their own phrase, for ``silk_patterns`` and ``silk_corridor_ends`` (issue 8, class 1).

- The topic: a later sentence gives a corridor's route through a definite head alone, after a
  demonstrative or with a route verb ("… عبر أنابيب غاز الصين - وسط آسيا. … وتمر تلك الأنابيب من
  تركمانستان عبر أوزبكستان وكازاخستان وصولا إلى الصين"), or with no subject at all (ويمتد من … إلى …):
  the places link the corridor named before, of a family of kinds that goes with it
  (``data/lexicon/corridor_kinds.tsv``), and the head is a mention of it, not a new corridor.
- A description after a comma is the corridor before it (الممر الأوسط، وهو طريق نقل يربط …؛ يقصد
  بهذا الجسر، خطوط السكك الحديدية التي تربط …); a line with the ends of a pipeline named in the same
  article is that pipeline; a corridor a name finder found links the route right after it
  (طريق الحرير القديم الذي يمتد من …).
- Names inside a corridor: a modifier that names one corridor (الممر الأوسط) keeps its identity
  whatever route follows; a line's letter (خط أنابيب الغاز "د") names it; a length (بطول 900
  كيلومتر) and an aside (، الذي يبلغ طوله …،) stand between a head and its route.
- Places no gazetteer lists: one end of a dash chain beside a known place (أنغرين-باب) is a City,
  and a word after the word for a place's kind on a route (مدينة أنغارسك، ولاية سوركانداريا) a City
  or a Region.
- A project on a corridor (نفق … على الطريق السريع …) is ``part_of`` it.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.built import Built, slug
from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.identity import name_id
from silkgraph.extract.infrastructure import CLOSERS, DASHES, OPENERS
from silkgraph.extract.lexicon import LEXICON_DIR, roles, Head, Lexicon
from silkgraph.extract.verbs import load_verb_shapes
from silkgraph.normalize import has_article, normalize_letters, opens_with, word_key
from silkgraph.records import Entity
from silkgraph.tables import read_tsv
from silkgraph.extract.surface import COMMAS

ROLE = roles()
CHAIN_TOWN = "chain"  # the finder of a town found only as a corridor's end


def sentence_starts(doc: Doc) -> list[int]:
    """Where the Doc's sentences start (one sentence when no component set them)."""
    return [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]


class CorridorTopics:
    """Corridor rules beyond the corridor's phrase; see the module docstring. A mixin of ``PatternMatcher``:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> doc = nlp("افتتح خط أنابيب الغاز الصين - كازاخستان. ويمر هذا الخط عبر مدينة ألماتي.")
    >>> sorted({(f.source_id, f.target_id) for f in doc._.silk_found})[0]
    ('corridor:gas-pipeline:country:CN-country:KZ', 'city:almaty-kz')
    """

    def init_topics(self, lex: Lexicon, lexicon_dir: str = "") -> None:
        path = Path(lexicon_dir or LEXICON_DIR) / "corridor_kinds.tsv"
        rows = read_tsv(path) if path.exists() else []
        self.kind_family = {r["kind_id"]: r["family"] for r in rows}  # id part of a kind -> its family
        self.family_also: dict[str, set[str]] = {}  # family -> the families it may also refer to
        for r in rows:
            self.family_also.setdefault(r["family"], set()).update(r["also"].split())
        self.demonstratives = lex.words("demonstrative")
        self.naming_modifiers = lex.words("naming_modifier")
        self.compass_modifiers = lex.words("compass_modifier")
        self.clause_openers = lex.words("route_clause_opener")  # …، إذ يمتد من …؛ وهو يمتد من …  # الممر الشمالي عبر روسيا: a name only with its route
        self.route_ends = lex.words("route_end")  # the verbs after which في / عند introduce an end
        self.town_kinds, self.region_kinds = lex.words("town_kind"), lex.words("region_kind")
        self.route_verb_forms = self.route_verbs | {c + v for v in self.route_verbs for c in ("و", "ف")}
        self.pronouns = lex.words("apposition_pronoun")  # الممر الأوسط، وهو طريق …
        self.link_nouns = lex.words("link_noun")  # في ربط الصين بأوروبا

    def family(self, entity_id: str) -> str:
        """corridor:gas-pipeline:… -> pipeline ('' for a kind not listed)."""
        return self.kind_family.get(self.kind_of(entity_id), "")

    def is_route_verb(self, token: Token) -> bool:
        """يمتد، ويمتد، وسيمتد: a route's verb, also with its conjunction."""
        key = word_key(token.text)
        return self.is_word(token, self.route_verbs) or (key[:1] in ("و", "ف") and (
            key[1:] in self.route_verbs or word_key(token.text[1:]) in self.route_verbs))  # والممتد

    def is_demonstrative(self, token: Token) -> bool:
        """هذا، بهذا، ولهذه: a demonstrative, also behind a preposition or conjunction."""
        key = word_key(token.text)
        return key in self.demonstratives or (key[:1] in ("ب", "ل", "و", "ف") and key[1:] in self.demonstratives)

    def goes_with(self, one: str, other: str) -> bool:
        """Whether a corridor of family ``one`` may be the one of family ``other`` (corridor_kinds.tsv)."""
        return bool(one and other) and (one == other or "any" in (one, other) or other in self.family_also.get(one, ())
                                         or one in self.family_also.get(other, ()))

    def refers_back(self, doc: Doc, start: int, head_end: int, verb: bool) -> bool:
        """A definite head alone, after a demonstrative (هذا الخط، تلك الأنابيب), with a route verb
        (ويمتد الخط من …) or after a word for its measure (طول الخط الإجمالي من … إلى …)."""
        before = doc[start - 1] if start > 0 else None
        demonstrative = before is not None and self.is_demonstrative(before)
        verb = verb or (before is not None and (self.is_route_verb(before)
                                                or word_key(before.text) in self.lex.words("measure_of")))  # طول الخط
        return self.is_definite(doc[head_end - 1]) and (demonstrative or verb)

    def corridor_topics(self, doc: Doc, built_all: list[Built]) -> list[Built]:
        """The corridors of a Doc before they are written: parts on them, the places their purpose
        or a subjectless route names, a line merged into the corridor with its ends, the countries
        of their places; then a route after a definite head alone, or a description after a comma,
        goes to the corridor named just before (of a family that goes with it): its places link
        that corridor and the head mentions it."""
        self.corridors_in_names(doc, built_all)
        self.latin_names_after(doc, built_all)
        built_all = self.coordinated_heads(doc, built_all)
        self.parts_on(doc, built_all)
        self.purpose_links(built_all, doc)
        self.pronoun_routes(doc, built_all)
        built_all = self.headless_routes(doc, built_all)
        self.same_ends(built_all)
        self.line_kinds(doc, built_all)
        self.countries_named(doc, built_all)
        self.route_works(doc, built_all)
        if not any(b.head_end for b in built_all):
            return built_all
        starts = sentence_starts(doc)
        out: list[Built] = []
        for b in built_all:
            family = self.family(b.entity.id) if b.head_end else ""
            first, ending = 1, -1  # a topic is named in a sentence before
            if b.head_end and self.clause_after_comma(doc, b.start):
                first = 0  # …بين تركمانستان والصين عام 2009، ويمر الخط عبر أوزبكستان: or in this one
            if b.apposed:  # a description: of the corridor just before its comma, or one a demonstrative names
                family, ending = self.apposed_family(doc, b.start, self.family(b.entity.id), out)
                first = 0
            named = sorted(out + [w for a in out for w in a.works], key=lambda a: a.start)  # (works in a document too)
            earlier = [a for a in named if a.entity.type == ROLE.corridor and a.end <= b.start
                       and self.goes_with(self.family(a.entity.id), family)
                       and first <= bisect_right(starts, b.start) - bisect_right(starts, a.start) <= self.anaphor_sentences
                       and (ending < 0 or a.end == ending)]
            if not family or not earlier:
                if not b.topic_only:
                    out.append(b)
                continue
            target = earlier[-1].entity
            ends = {rel[2] for rel in b.relations if rel[0] == "links"}
            out.append(Built(b.start, b.head_end, target,
                             relations=[("links", target.id, e, conf) for rel, _, e, conf in b.relations
                                        if rel == "links" and e in ends]))
        return out

    @staticmethod
    def kind_of(entity_id: str) -> str:
        """corridor:gas-pipeline:… -> gas-pipeline ('' for another id)."""
        parts = entity_id.split(":")
        return parts[1] if len(parts) > 2 and parts[0] == "corridor" else ""

    def route_after(self, doc: Doc, j: int) -> tuple[list[Span], int]:
        """The places of a route right after a head (its verb, then من / عبر / إلى …), also in a
        relative clause after a comma (، الذي يمتد من …), or none."""
        # ، الذي يمتد من …; ، يمتد من … (a verb of the route right after the comma: the same corridor's)
        first = j + 1 if j + 1 < len(doc) and doc[j].text in COMMAS and (
            self.is_relative(doc[j + 1]) or self.is_route_verb(doc[j + 1])) else j
        k = first
        while k < len(doc) and k - first < 2 and (self.is_route_verb(doc[k]) or self.is_relative(doc[k])):
            k += 1
        if k > first and self.is_route_verb(doc[k - 1]):  # الذي سينقل 33 مليار متر مكعب سنويا من …
            k = self.bare_quantity_end(doc, k) or k
            k = k + 1 if self.cargo_before_route(doc, k) else k  # ينقل الغاز من …
        if k >= len(doc) or not self.is_word(doc[k], self.route):
            return [], j
        ends, passed, end = self.route_walk(doc, k)
        return ends + passed, end

    @staticmethod
    def work_on_way(doc: Doc, start: int, end: int) -> bool:
        """Whether a route walked between tokens start and end passes a work (من حقل «غالكينيش» عبر …,
        ``route_walk``): the work stays a mention of its own, so the corridor's span does not take the route."""
        return any(start <= k < end for k in doc.user_data.get("route_work_starts", ()))

    def lone_route(self, doc: Doc, start: int, head_end: int, core_end: int, head: Head) -> Built | None:
        """A definite head alone whose route names one place (ويمر هذا الخط عبر مدينة ألماتي): a
        route for the corridor named before, or nothing."""
        relative = head_end < len(doc) and self.is_relative(doc[head_end])  # ويعد الطريق الذي يمر عبر …
        adverbs = all(word_key(t.text) in self.corridor_adverbs for t in doc[head_end:core_end])  # القطارات يوميا
        if not adverbs or not self.refers_back(doc, start, head_end, relative):
            return None
        places, _ = self.route_after(doc, core_end)
        if not places:
            return None
        placeholder = Entity(id=f"corridor:{slug(head.kind_en)}:{places[0].kb_id_}", type=ROLE.corridor, label_ar="")
        built = Built(start, head_end, placeholder, head_end=head_end, topic_only=True)
        built.relations = [("links", placeholder.id, p.kb_id_, 0.7) for p in places]
        return built

    def lettered_line(self, doc: Doc, start: int, head: Head, head_end: int, core_end: int, line: str) -> Built | None:
        """خط أنابيب الغاز "د" (الذي يمر عبر أراضي طاجيكستان), الخط الرابع: a line its letter or
        ordinal names, with the places of its route."""
        letters = [p for p in line.split("-")[1:] if not p.isdigit()]
        ordinals = [t for t in doc[head_end:core_end] if t.norm_ in self.lex.ordinals]
        words = [t for t in doc[head_end:core_end] if t.is_alpha and t.norm_ not in self.lex.ordinals]
        # خط أنابيب "نابوكو": a quoted name with a word that is no common word nor a direction
        named = any(not self.lex.is_common(t.text) and not self.is_word(t, self.directions) for t in words)
        if head_end >= len(doc) or not (doc[head_end].text in OPENERS or doc[head_end].norm_ in self.lex.ordinals
                                        or len(doc[head_end].text) == 1):
            return None  # the letter or ordinal right after the head (الأنبوب وللمرحلة الأولى: no line)
        # a letter ("د") or a definite ordinal (الرابع), not a word in quotes ("الجنوب") nor أول مشروع
        if not line or (any(len(p) > 2 for p in letters) and not named) or not all(self.is_definite(t) for t in ordinals):
            return None
        places, end = self.route_after(doc, core_end)
        entity = Entity(id=f"corridor:{slug(head.kind_en)}:line{line}", type=head.type,
                        label_ar=self.base_form(doc, start, core_end, head))
        spans = bool(places) and not self.work_on_way(doc, core_end, end)
        built = Built(start, core_end, entity, inner=[p for p in places if p.id_ != "nisba"] if spans else [])
        built.aliases += self.quoted_name_alone(doc, head_end)  # "قوة سيبيريا": its name alone names it too
        if spans:
            built.end = end
        built.relations = [("links", entity.id, eid, 0.8) for eid in dict.fromkeys(p.kb_id_ for p in places)]
        return built

    def purpose_route(self, doc: Doc, i: int) -> tuple[list[Span], list[Span]]:
        """في ربط الصين بأوروبا، إلى ربط طاجيكستان بالصين: the places a corridor is to link, in its
        clause just after it (before any other name), or none."""
        for k in range(i, min(i + 8, len(doc) - 1)):
            token = doc[k]
            if (k > i and token.is_sent_start) or token.text in (".", "؛", "،", ",") or token.ent_iob_ == "B":
                return [], []
            if word_key(token.text) in self.link_nouns:
                ends, passed, _, _, _ = self.endpoints(doc, k + 1, verb_before=True)
                first = next((n for n in range(k + 2, min(k + 6, len(doc))) if doc[n].ent_iob_ == "B"
                              or doc[n].is_punct), 0)  # ربط حقول الغاز في تركمانستان بالصين: a phrase first
                if len(ends) < 2 and first and not doc[first].is_punct:
                    ends, passed, _, _, _ = self.endpoints(doc, first, verb_before=True)
                return ends, passed
        return [], []

    def purpose_links(self, built_all: list[Built], doc: Doc) -> None:
        """A corridor named without its ends (الممر الأوسط يلعب دورا في ربط آسيا بأوروبا) links the
        places its clause says it is to link."""
        for b in built_all:
            if b.entity.type == ROLE.corridor and not b.topic_only and not any(r[0] == "links" for r in b.relations):
                ends, passed = self.purpose_route(doc, b.end)
                if not ends:  # ربط الصين بأوروبا عبر الممر الأوسط
                    ends, passed = self.linked_before_head(doc, b.start)
                b.relations += [("links", b.entity.id, p.kb_id_, 0.7) for p in ends + passed]

    def countries_named(self, doc: Doc, built_all: list[Built]) -> None:
        """خط سكة حديد باكو - تبليسي - كارس in an article that names Azerbaijan, Georgia and Turkey:
        the corridor links the country of each place it links, when the article names that country."""
        named = {e.kb_id_ for e in doc.ents}  # by name (a nisba after the city, كاشغر الصينية, is the city's)
        for b in built_all:
            if b.entity.type != ROLE.corridor:
                continue
            linked = {r[2] for r in b.relations if r[0] == "links"}
            countries = {self.lex.country_of(t) for t in linked} - linked - {""}
            b.relations += [("links", b.entity.id, c, 0.5) for c in sorted(countries & named)]

    def kind_after_name(self, doc: Doc, head: Head, end: int) -> tuple[Head, int]:
        """ممر الصين – منغوليا – روسيا الاقتصادي: a head's word after the ends that makes it a head of
        a narrower kind (ممر اقتصادي), and where it ends."""
        for longer in self.heads_by_first.get(head.words[0], []):
            extra = longer.words[len(head.words):]
            if longer.type == ROLE.corridor and longer.words[:len(head.words)] == head.words and extra \
                    and end + len(extra) <= len(doc) and all(self.key_matches(doc[end + n], w) for n, w in enumerate(extra)):
                return longer, end + len(extra)
        return head, end

    def names_itself(self, doc: Doc, head_end: int, mods_end: int) -> bool:
        """A modifier that names one corridor (الممر الأوسط، الجسر الأوراسي), not a sort of corridor."""
        return any(self.is_word(t, self.naming_modifiers) for t in doc[head_end:mods_end])

    def named_with_route(self, doc: Doc, start: int, head: Head, mods_end: int, english_mods: list[str],
                         places: list[Span]) -> Built:
        """ويربط الممر الأوسط الصين بأوروبا عبر كازاخستان: the corridor its modifier names, linking
        the places of its route (which do not change its identity)."""
        entity = self.modifier_named(doc, start, head, mods_end, english_mods)
        built = Built(start, mods_end, entity)  # its name is the mention (طريق الحرير الذي يربط …); the route links
        built.relations = [("links", entity.id, eid, 0.8) for eid in dict.fromkeys(p.kb_id_ for p in places)]
        return built

    def measure_end(self, doc: Doc, i: int) -> int:
        """Where a length after a corridor's head ends (بطول 1000 كيلومتر، يبلغ طوله 500 كم), or 0."""
        if i < len(doc) and doc[i].norm_ in self.lex.words("relative"):  # الذي يبلغ طوله 300 كيلومتر
            i += 1
        if i < len(doc) and word_key(doc[i].text) == word_key("على"):  # على مسافة 500 كيلومتر
            i += 1
        elif i < len(doc) and self.is_word(doc[i], self.measure_verbs):
            i += 1
        read = self.quantity_end(doc, i)  # بجهد خمسمئة كيلوفولت، بطاقة 30 مليار متر مكعب سنويا
        if read or not (i + 1 < len(doc) and self.is_word(doc[i], self.capacity_words) and doc[i + 1].like_num):
            return read
        i += 2
        return i + 1 if i < len(doc) and doc[i].norm_ in self.lex.modifiers else i

    def same_ends(self, built_all: list[Built]) -> None:
        """خط الصين – وسط آسيا and أنابيب غاز الصين - وسط آسيا in one article: a line (a kind of every
        family) with the same ends as a corridor of one kind is that corridor."""
        by_ends: dict[str, set[str]] = {}
        entities = {}
        for b in built_all:
            parts = b.entity.id.split(":", 2)
            if b.entity.type == ROLE.corridor and len(parts) == 3 and self.family(b.entity.id) not in ("", "any"):
                by_ends.setdefault(parts[2], set()).add(b.entity.id)
                entities[b.entity.id] = b.entity
        for b in built_all:
            parts = b.entity.id.split(":", 2)
            if b.entity.type != ROLE.corridor or len(parts) < 3 or self.family(b.entity.id) != "any" \
                    or len(by_ends.get(parts[2], ())) != 1:
                continue
            (target,) = by_ends[parts[2]]
            b.relations = [(rel, target if src == b.entity.id else src, dst, conf) for rel, src, dst, conf in b.relations]
            b.entity = entities[target]
            b.aliases = b.aliases[1:]  # not the bare line word (خط) as a name of the pipeline

    def pronoun_routes(self, doc: Doc, built_all: list[Built]) -> None:
        """ويمتد من تركمانستان إلى الصين, with no subject named: the route of the corridor named last,
        in this sentence or the one before, when no project was named after it."""
        works = [w for b in built_all for w in b.works]  # named inside a document (اتفاقية بناء خط …) too
        named = sorted((b for b in built_all + works if b.entity.type in (ROLE.corridor, ROLE.project) and not b.topic_only),
                       key=lambda b: b.start)
        if not any(b.entity.type == ROLE.corridor for b in named):
            return
        covered = {k for b in built_all for k in range(b.start, b.end)}
        starts = sentence_starts(doc)
        for k in range(1, len(doc) - 1):
            if doc[k].norm_ not in self.route_verb_forms:  # most tokens (the norm is the word key for a verb)
                continue
            walk = k + 2 if k + 2 < len(doc) and word_key(doc[k + 1].text) in self.route_subjects else k + 1
            if k in covered or not self.is_route_verb(doc[k]) or doc[walk].norm_ == "بين" \
                    or not self.is_word(doc[walk], self.route) or self.is_word(doc[k], self.between):
                continue  # (وسيمتد المشروع من …: the project, a word for the corridor named last, and its route)
            key = word_key(doc[k].text)
            relative = self.is_relative(doc[k - 1]) and k > 1 and doc[k - 2].text in COMMAS  # …، والذي يمر عبر …
            if not (key[:1] in ("و", "ف") and key[1:] in self.route_verbs) and not doc[k - 1].is_punct \
                    and not doc[k].is_sent_start and not relative and not self.opens_route_clause(doc, k):
                continue  # إن التجارة ستمر عبر …: a subject of its own before the verb
            before = [b for b in named if b.end <= k]
            last = before[-1] if before else None
            if last is None or last.entity.type != ROLE.corridor \
                    or bisect_right(starts, k) - bisect_right(starts, last.start) > 1 or self.body_between(doc, last.end, k):
                continue  # (…، وأعلنت شركة …، التي تمر …: the clause is the body's)
            ends, passed, _ = self.route_walk(doc, walk)
            for place in ends + passed:
                doc._.silk_found.append(FoundRelation("links", last.entity.id, place.kb_id_, k, k + 1, doc[k].text, 0.6))

    def opens_route_clause(self, doc: Doc, k: int) -> bool:
        """…، إذ يمتد / وهو يمتد at a sentence's start (k at the verb): a word that opens a clause
        with no subject of its own right before the verb, after a comma or at a sentence's start."""
        return k > 0 and word_key(doc[k - 1].text) in self.clause_openers \
            and (doc[k - 1].is_sent_start or k > 1 and doc[k - 2].text in ("،", ",", "."))

    def named_routes(self, doc: Doc) -> None:
        """طريق الحرير (القديم) الذي يمتد من الصين إلى أوروبا: a corridor a name finder found (not a
        pattern, which reads its own route) links the places of the route right after it."""
        for ent in doc.ents:
            if ent.label_ != ROLE.corridor or ent.id_ == "pattern" or not ent.kb_id_:
                continue
            j = ent.end
            while j < len(doc) and j - ent.end < 2 and (self.is_generic(doc[j]) or self.is_word(doc[j], self.naming_modifiers)
                                                         or word_key(doc[j].text) in self.lex.words("old")):
                j += 1
            if j < len(doc) and doc[j].norm_ in self.lex.words("relative"):
                j += 1
            if not (j < len(doc) and (self.is_route_verb(doc[j]) or any(
                    p.match(normalize_letters(doc[j].text)) for p in self.links_triggers))):
                continue
            ends, passed, _ = self.route_walk(doc, j + 1)
            for place in ends + passed:
                doc._.silk_found.append(FoundRelation("links", ent.kb_id_, place.kb_id_, j, j + 1, doc[j].text, 0.7))

    def comma_before(self, doc: Doc, start: int) -> int:
        """Where the comma before a description stands (X، وهو خط …؛ X، خطوط …), or -1."""
        k = start - 1
        if k >= 0 and word_key(doc[k].text) in self.pronouns:
            k -= 1
        return k if k >= 0 and doc[k].text in COMMAS else -1

    def after_comma(self, doc: Doc, start: int) -> bool:
        return self.comma_before(doc, start) > 0

    def apposed_family(self, doc: Doc, start: int, own: str, out: list[Built]) -> tuple[str, int]:
        """The family of what a description after a comma describes, and where that must end: a
        corridor just before the comma (الممر الأوسط، وهو طريق …), or, anywhere before, the corridor
        a demonstrative and a head refer to (يقصد بهذا الجسر، خطوط السكك الحديدية التي تربط …)."""
        comma = self.comma_before(doc, start)
        named = next((a for a in out if a.end == comma and a.entity.type == ROLE.corridor), None)
        if named is not None:  # of the description's family (a railway, a pipeline: a list of two corridors)
            return (own if self.goes_with(self.family(named.entity.id), own) else ""), comma
        for k in range(max(1, comma - 4), comma):
            head = self.match_head(doc, k)
            if head is not None and head[1] == comma and self.is_demonstrative(doc[k - 1]) \
                    and head[0].type == ROLE.corridor:
                return self.family(f"corridor:{slug(head[0].kind_en)}:") or "any", -1
        return "", -1

    def parenthetical_end(self, doc: Doc, i: int) -> int:
        """After a comma, a relative clause or a length closed by another comma (، الذي يبلغ طوله 500
        كيلومتر،، بطول ألف كيلومتر،): where it ends, or 0."""
        if not (i + 1 < len(doc) and doc[i].text in COMMAS):
            return 0
        k = i + 2 if i + 2 < len(doc) and self.is_route_verb(doc[i + 1]) else i + 1  # ، الممتد على طول 600 كيلومتر،
        measured = self.measure_end(doc, k)
        if measured and measured < len(doc) and doc[measured].text in COMMAS:
            return measured + 1
        if doc[i + 1].norm_ not in self.lex.words("relative"):
            return 0
        for k in range(i + 2, min(i + 14, len(doc))):
            if doc[k].text in COMMAS:
                return k + 1
            if doc[k].is_sent_start or doc[k].text in (".", "؛", ":"):
                return 0
        return 0

    def parts_on(self, doc: Doc, built_all: list[Built]) -> None:
        """نفق شهرستان على الطريق السريع بين دوشنبه وخوجند: a project on a corridor is part of it."""
        by_start = {b.start: b for b in built_all if b.entity.type == ROLE.corridor}
        for b in built_all:
            if b.entity.type == ROLE.project and b.end + 1 < len(doc) and word_key(doc[b.end].text) == word_key("على"):
                corridor = by_start.get(b.end + 1)
                if corridor is not None:
                    b.relations.append(("part_of", b.entity.id, corridor.entity.id, 0.7))

    def nominative(self, label: str, words_before: int) -> str:
        """خطا جديدا للسكك الحديدية -> خط جديد للسكك الحديدية: a line word and its generic adjectives
        before the head out of the accusative."""
        words = label.split(" ")
        for n, word in enumerate(words[:words_before]):
            bare = word.rstrip("\u064b").removesuffix("ا").rstrip("\u064b")
            if bare != word and (word_key(bare) in self.line_words or word_key(bare) in self.generic_modifiers):
                words[n] = bare
        return " ".join(self.nominative_adjectives(words, words_before))

    def nominative_adjectives(self, words: list[str], head_at: int) -> list[str]:
        """ممر تجاريا رئيسيا بين … -> ممر تجاري رئيسي بين …: the indefinite adjectives after a head
        the accusative left bare (base_form) out of the accusative too."""
        if head_at >= len(words) or words[head_at].rstrip("\u064b").endswith("ا"):
            return words  # the head itself still accusative (no head word known): leave the label as it is
        n = head_at + 1
        while n < len(words) and not words[n].startswith("ال"):
            bare = words[n].rstrip("\u064b").removesuffix("ا").rstrip("\u064b")
            if bare == words[n] or not (bare.endswith("ي") or word_key(bare) in self.generic_modifiers):
                break
            words[n] = bare
            n += 1
        return words

    def kind_place(self, doc: Doc, k: int) -> Span | None:
        """مدينة أنغارسك، ولاية نمنغان: a one-word place no table lists after the word for its kind
        (``town_kind`` and ``region_kind`` in boundaries.tsv), or None."""
        if k == 0 or k >= len(doc):
            return None
        kind = ROLE.city if self.is_word(doc[k - 1], self.town_kinds) else \
            ROLE.region if self.is_word(doc[k - 1], self.region_kinds) else None
        if kind is None or self.lex.is_common(doc[k].text):
            return None
        return self.unlisted_place(doc, k, kind)

    def unlisted_place(self, doc: Doc, k: int, kind: str, name: str = "") -> Span | None:
        """A one-word place name at token k (``name``: the word without a glued و), or None for a
        word that cannot be one (a stop word, a number, a direction, a nisba, a head, a definite
        noun, a known entity's word)."""
        token = doc[k]
        if token.ent_iob_ in ("B", "I") or self.is_stop(token) or token.like_num or not token.is_alpha \
                or self.is_word(token, self.directions) or self.nisba_at(doc, k) is not None \
                or self.match_head(doc, k) is not None or word_key(token.text).startswith("ال") \
                or self.is_word(token, self.route):
            return None
        name = name or token.text
        eid = name_id(kind, name)
        doc._.silk_entities.setdefault(eid, Entity(eid, kind, name))
        return Span(doc, k, k + 1, label=kind, kb_id=eid, span_id=CHAIN_TOWN)

    def unlisted_words(self, doc: Doc, k: int, end: int) -> Span | None:
        """A town no table lists of the words k..end (ساري تاش in a quoted chain), or None when one
        of its words cannot be one (``unlisted_place``)."""
        if any(self.unlisted_place(doc, n, ROLE.city, "-") is None for n in range(k, end)):
            return None
        name = doc[k:end].text
        eid = name_id(ROLE.city, name)
        doc._.silk_entities.setdefault(eid, Entity(eid, ROLE.city, name))
        return Span(doc, k, end, label=ROLE.city, kb_id=eid, span_id=CHAIN_TOWN)

    def ends_a_town(self, doc: Doc, k: int) -> bool:
        """Whether a one-word town at token k ends there: what follows is punctuation, a dash or a
        closing quote, a name, a stop word or a word of the route, not more words of a name."""
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        return nxt is None or nxt.is_punct or nxt.text in DASHES + CLOSERS or nxt.ent_iob_ == "B" \
            or self.is_stop(nxt) or self.is_word(nxt, self.route) or self.line_adjective(nxt)

    def line_adjective(self, token) -> bool:
        """الثاني after a line's last town (دوستيك - موينتي الثاني): the line's ordinal, the town ends."""
        key = word_key(token.text)
        return has_article(token.text) and key in self.lex.words("ordinal")

    def town_word(self, word: str) -> bool:
        """Whether a word (without a glued و) may name a town no table lists: no common word, no verb."""
        return not self.lex.is_common(word) and not load_verb_shapes().is_verb(normalize_letters(word))

    def unlisted_pair(self, doc: Doc, k: int) -> tuple[list[Span], int]:
        """بين كيزيلجار وتوغوزتورو (k after بين): two towns no table lists, one word each, the second
        behind و; else none."""
        if k + 1 >= len(doc) or not self.town_word(doc[k].text):
            return [], k
        token = doc[k + 1]
        if opens_with(normalize_letters(token.text), "coordinator") and len(token.text) > 3:
            second_at, name = k + 1, token.text[1:]
        elif token.norm_ == "و":
            second_at, name = k + 2, ""
        else:
            return [], k
        if second_at >= len(doc) or not self.town_word(name or doc[second_at].text) or not self.ends_a_town(doc, second_at):
            return [], k
        first = self.unlisted_place(doc, k, ROLE.city)
        second = self.unlisted_place(doc, second_at, ROLE.city, name)
        return ([first, second], second_at + 1) if first is not None and second is not None else ([], k)

    def chain_town(self, doc: Doc, k: int, known_beside: bool) -> Span | None:
        """A town no table lists as one end of a dash chain (أنغرين-باب): one word, beside a known
        place, before the chain ends (a closing quote, punctuation or the next word)."""
        if not known_beside or k >= len(doc):
            return None
        if not self.ends_a_town(doc, k):
            return None  # more words: not a one-word town
        return self.unlisted_place(doc, k, ROLE.city)
