"""Corridors and projects for ``silk_patterns``: the rules behind the ``endpoints`` heads and the
project heads of ``data/lexicon/heads.tsv`` (issue 8, classes 1 and 2).

Corridors described rather than named:

- the places a corridor joins: a dash chain, quoted or bracketed ("كازاخستان - تركمانستان - إيران",
  الصين (شيآن)–أوروبا), nisba adjectives (الصيني-الكازاخستاني), or a route after بين / من / يربط /
  الرابط / يمتد (من … مرورا بـ … وصولا إلى …، عبر أراضي …، يربط X بـY); places passed through
  (عبر، مرورا) link but do not change identity; the place it lies in (… في أوزبكستان) links too;
- a road between two directions (بين الشمال والجنوب، "الشمال - الجنوب"), and a corridor named by a
  distinctive modifier (الجسر الأوراسي البري الجديد);
- identity from kind + ends (+ a line's ordinal or quoted letter), an English label from the ends'
  labels, and an Arabic label without the clause's verb or a leading proclitic;
- a definite head alone (خط السكة الحديد، الميناء، المشروع) refers to the one named just before.

Projects: a quoted or proper name, a number (رقم 2), a capacity or length (بقدرة 264 ميجاوات، يبلغ
طوله 19 كيلومترا), the countries of their nisbas (المنطقة الصناعية الصينية القرغيزية), a description
and its place (الميناء الجاف في خورغوس، مصنعا للإسمنت في طاجيكستان), a name inside the head
(منطقة جيزاخ الصناعية), and plural heads (موانئ أكتاو وكوريك). Word lists are in
``data/lexicon/boundaries.tsv`` (route, via, route_verb, route_filler, direction, generic_modifier,
capacity, line, side) and ``modifiers.tsv`` (English for modifiers and units).

``InfrastructureRules`` is mixed into ``extract.patterns.PatternMatcher`` and uses its token tests
and pieces (``ent_at``, ``entity_list``, ``modifiers``, ``proper_name``, ``base_form`` ...).
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from extract.built import Built, slug
from extract.doc_state import DOC_SCOPE, REFS, add_ref
from extract.lexicon import LEXICON_DIR, roles, Head, Lexicon
from silkgraph.normalize import identity_key, normalize_letters, word_key
from extract.surface import clean_surface
from silkgraph.records import Entity
from silkgraph.tables import read_tsv

ROLE = roles()

NUMBER = re.compile(r"^[0-9٠-٩]+$")
DASHES = ("-", "–", "—", "ـ")
LATE_SOURCES = ("ner", "pattern")  # ends found after a corridor's head was read
NAME_SLOT = "*"  # where a head's name stands inside it (heads.tsv: منطقة * الصناعية)
OPENERS = ('"', "“", "«", "(", "„", "'")
CLOSERS = ('"', "”", "»", ")", "“", "'")


class InfrastructureRules:
    """Corridor and project rules; see the module docstring. A mixin of ``PatternMatcher``:

    >>> from extract.patterns import PatternMatcher
    >>> from extract.lexicon import lexicon_for
    >>> PatternMatcher(lexicon_for(), 3, 7).anaphor_sentences
    2
    """

    def init_infrastructure(self, lex: Lexicon, anaphor_sentences: int, lexicon_dir: str = "") -> None:
        # region adjectives a corridor's ends may be named by (الصيني–الأوروبي): word key -> region entity id
        path = Path(lexicon_dir or LEXICON_DIR) / "region_adjectives.tsv"
        self.region_adjectives = {word_key(r["form"]): r["region_id"] for r in read_tsv(path)} if path.exists() else {}
        unknown = set(self.region_adjectives.values()) - set(lex.entries)
        if unknown:
            raise ValueError(f"{path}: regions not in the gazetteer: {sorted(unknown)}")
        self.anaphor_sentences = anaphor_sentences  # how far back خط السكة الحديد alone looks for its corridor
        self.route = lex.words("route")
        self.route_verbs = lex.words("route_verb")
        self.via = lex.words("via")
        self.route_filler = lex.words("route_filler")
        self.directions = lex.words("direction")
        self.generic_modifiers = lex.words("generic_modifier")
        self.capacity_words = lex.words("capacity")
        self.measure_verbs = lex.words("measure_verb")
        self.line_words = lex.words("line")
        self._nisbas_of: Doc | None = None  # the Doc whose nisba references _nisbas indexes
        self._nisbas: dict[int, Span] = {}
        self.around = lex.words("around")

    def late_corridors(self, doc: Doc) -> Doc:
        """Component ``silk_corridor_ends``: after the statistical model, corridor heads whose ends
        only it or a later pattern found (a town no gazetteer lists: مدينة تشاركنت) get their corridor."""
        if not any(e.id_ in LATE_SOURCES for e in doc.ents):
            return doc
        self._ents_of = self._nisbas_of = None
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

    def split_match(self, doc: Doc, i: int, head: Head) -> tuple[int, int, int] | None:
        """A head with its name inside (منطقة * الصناعية: منطقة جيزاخ الصناعية): where the name
        starts and ends and where the head ends."""
        slot = head.words.index(NAME_SLOT)
        before, after = head.words[:slot], head.words[slot + 1:]
        if i + len(before) > len(doc) or not all(self.key_matches(doc[i + k], w) for k, w in enumerate(before)):
            return None
        start = i + len(before)
        ent = self.ent_at(doc, start, (ROLE.city, ROLE.country, ROLE.person))
        over = self.ent_at(doc, i, (ROLE.city,))
        if over is not None and over.end > start:  # منطقة جيزاخ is itself a place's name
            name_end = over.end
        elif ent is not None:
            name_end = ent.end
        else:
            name_end = start
            while name_end < len(doc) and name_end - start < 2 and not self.is_stop(doc[name_end]) \
                    and not self.lex.is_common(doc[name_end].text) and doc[name_end].ent_iob_ != "B" \
                    and not normalize_letters(doc[name_end].text).startswith("ال"):
                name_end += 1
        if name_end == start or name_end + len(after) > len(doc):
            return None
        if not all(self.key_matches(doc[name_end + k], w) for k, w in enumerate(after)):
            return None
        return start, name_end, name_end + len(after)

    def build_split_project(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """منطقة جيزاخ الصناعية، طريق كاراكورام السريع: the name inside the head; a project is in the
        place it is named after, a corridor links it."""
        name_start, name_end, end = self.split_match(doc, start, head)
        ent = self.ent_at(doc, name_start) or self.ent_at(doc, start, (ROLE.city,))
        if ent is not None and ent.end != name_end:
            ent = None
        name_key = ent.kb_id_ if ent is not None else identity_key(doc[name_start:name_end].text)
        name_en = self.label_en(doc, ent) if ent is not None else ""
        eid = f"{head.type.lower()}:{slug(head.kind_en)}:{name_key}"
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head),
                        label_en=f"{name_en} {head.kind_en}" if name_en else "")
        built = Built(start, end, entity, inner=[ent] if ent is not None else [])
        if ent is not None and head.type == ROLE.project and ent.label_ == ROLE.city:
            built.relations = [("located_in", eid, ent.kb_id_, 0.6)]
        elif ent is not None and head.type == ROLE.corridor and ent.label_ in self.endpoint_types:
            built.relations = [("links", eid, ent.kb_id_, 0.7)]
        return built

    def is_word(self, token: Token, words: set[str]) -> bool:
        return token.norm_ in words or word_key(token.text) in words

    def place_chain(self, doc: Doc, i: int) -> tuple[list[Span], int]:
        """Places joined by dashes, optionally bracketed (الصين (شيآن)–أوروبا, تشونغتشينغ–شينجيانغ ـ أوروبا)."""
        found: list[Span] = []
        j = i
        while True:
            ent = self.ent_at(doc, j, self.endpoint_types)
            if ent is None:
                break
            found.append(ent)
            j = ent.end
            k = j
            while k < len(doc) and k - j < 3 and doc[k].text in DASHES + ("(", ")"):
                k += 1
            if k == j or self.ent_at(doc, k, self.endpoint_types) is None:
                break
            j = k
        if found and j < len(doc) and doc[j].text == ")" and any(t.text == "(" for t in doc[i:j]):
            j += 1  # the bracket a place opened inside the chain
        return found, j

    def nisbas(self, doc: Doc) -> dict[int, Span]:
        """The Doc's nisba references by start (the gazetteer's; indexed once per Doc)."""
        if self._nisbas_of is not doc:
            self._nisbas_of, self._nisbas = doc, {r.start: r for r in doc.spans[REFS] if r.id_ == "nisba"}
        return self._nisbas

    def nisba_at(self, doc: Doc, i: int) -> Span | None:
        return self.nisbas(doc).get(i)

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
        while j < len(doc) and j - i < self.max_complement * 3:
            token = doc[j]
            if self.is_word(token, self.route) or self.is_word(token, self.directions) \
                    or self.is_word(token, self.between):
                if self.is_word(token, self.via):
                    via = True
                elif not self.is_word(token, self.directions) and not self.is_word(token, self.route_filler):
                    via = False
                j += 1
                continue
            # ، مرورا بـ …: a comma goes on only to a further stretch of the route
            if token.text in ("،", ",") and (ends or passed) and j + 1 < len(doc) \
                    and doc[j + 1].norm_ not in ("من", "بين") and self.is_word(doc[j + 1], self.route):
                j += 1
                continue
            nisba = self.nisba_at(doc, j) if ends or passed else None
            if nisba is not None:  # كاشغر الصينية: the place's country, said again
                j = nisba.end
                continue
            ents, after = self.entity_list(doc, j, self.endpoint_types)
            if not ents:
                break
            if via:
                passed.extend(ents)
            else:
                ends.extend(ents)
                end = after
            j = after
        if len(ends) < 2:  # يمتد عبر كازاخستان وروسيا: the places passed are all it names
            ends, passed = ends + passed, []
            end = max((e.end for e in ends), default=i)
        return ends, passed, end

    def endpoints(self, doc: Doc, i: int, verb_before: bool = False) -> tuple[list[Span], list[Span], int, bool]:
        """The places a corridor joins, right after it, the places it passes through, where its
        ends stop, and whether a verb (يربط، يمتد، الذي يربط) introduced them, so the label
        stops before it. After ``verb_before`` (ويربط الخط الصين بأوروبا) the places follow directly."""
        j = i + 1 if i < len(doc) and doc[i].text in OPENERS else i
        found, end = self.place_chain(doc, j)
        if len(found) < 2:
            found, end = self.nisba_chain(doc, j)
        if len(found) >= 2:
            if j > i and end < len(doc) and doc[end].text in CLOSERS:
                end += 1
            return found, [], end, False
        j, verb = i, False
        # يربط (بين) / الذي يربط / الرابط بين / يمتد من / من ... إلى
        if j < len(doc) and doc[j].norm_ in self.lex.words("relative"):
            j += 1
            verb = True
        if j < len(doc) and (self.is_word(doc[j], self.route_verbs) or any(
                p.match(normalize_letters(doc[j].text)) for p in self.links_triggers)):
            j += 1
            verb = True
        elif verb:
            return [], [], i, False
        if j < len(doc) and not verb and not verb_before \
                and not (self.is_word(doc[j], self.between) or doc[j].norm_ in ("من", "عبر")):
            return [], [], i, False
        found, passed, end = self.route_walk(doc, j)
        if len(found) < 2 and verb:
            # يربط أحد حقول الغاز في تركمانستان بمنطقة شينجيانغ: a short phrase before the first place
            k = j
            while k < len(doc) and k - j < 4 and doc[k].ent_iob_ != "B" and not doc[k].is_punct \
                    and word_key(doc[k].text) not in self.lex.words("clause") and self.match_head(doc, k) is None:
                k += 1
            if k > j and self.ent_at(doc, k, self.endpoint_types) is not None:
                found, passed, end = self.route_walk(doc, k)
        return (found, passed, end, verb) if len(found) >= 2 else ([], [], i, False)

    def direction_pair(self, doc: Doc, i: int) -> tuple[list[str], list[Span], int, int]:
        """بين الشمال والجنوب (في قرغيزستان), "الشمال - الجنوب": a road between two directions, and
        where it is."""
        if i + 2 < len(doc) and doc[i].norm_ == "بين" and self.is_word(doc[i + 1], self.directions) \
                and normalize_letters(doc[i + 2].text).startswith("و") and self.is_word(doc[i + 2], self.directions):
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
        nisba_like = key.endswith(("ي", "يه", "يا"))
        # a definite participle (المقترح) or nisba (الرئيسي); a definite noun (طريق الحرير) names the head instead
        return (self.is_definite(token) and (nisba_like or key.startswith("م"))) or self.is_purpose(token) \
            or nisba_like or self.is_generic(token)

    def line_before(self, doc: Doc, start: int) -> int:
        """خط جديد لسكك الحديد: a line (and its adjective) before a head that carries ل."""
        letters = normalize_letters(doc[start].text)
        if not (letters.startswith("ل") and doc[start].norm_ != word_key(doc[start].text)):
            return start
        for k in (start - 1, start - 2):
            if k >= 0 and doc[k].norm_ in self.line_words and all(
                    self.is_adjective(t) for t in doc[k + 1:start]):
                return k
        return start

    def build_corridor(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        start = self.line_before(doc, start)
        english_mods, core_end = self.modifiers(doc, head_end)
        mods_end = core_end
        # other adjectives (الجديد، المقترح، رئيسية), a purpose (للمنتجات), an ordinal (الرابع) and a
        # quoted line name ("د") may stand before the endpoints; the ordinal and the line name tell lines apart
        line = ""
        for _ in range(4):
            if core_end >= len(doc) or self.endpoints(doc, core_end)[0]:
                break
            token = doc[core_end]
            closing = self.quoted(doc, core_end)
            if closing and closing - core_end <= 3:
                line += "-" + identity_key(doc[core_end + 1:closing - 1].text)
                core_end = closing
                continue
            if token.norm_ in self.lex.ordinals:
                line += f"-{self.lex.ordinals[token.norm_]}"
                core_end += 1
                continue
            if self.is_stop(token) or token.ent_iob_ == "B" or token.like_num or not self.is_adjective(token) \
                    or self.match_head(doc, core_end) is not None:
                break
            core_end += 1
        verb_before = start > 0 and any(p.match(normalize_letters(doc[start - 1].text)) for p in self.links_triggers)
        ends, passed, end, verb = self.endpoints(doc, core_end, verb_before)
        # a verb before, at the start of or along the route (ويصل إلى) stays out of the label
        verb = verb or verb_before or any(self.is_word(t, self.route_verbs) for t in doc[core_end:end])
        kind = " ".join(english_mods + [head.kind_en])
        if len(ends) < 2:
            return self.build_described_corridor(doc, start, head, head_end, mods_end, core_end, english_mods)
        ids = [e.kb_id_ for e in ends]
        labels_en = [self.label_en(doc, e) for e in ends]
        label_en = "–".join(name for name in labels_en if name) + f" {kind}" if all(labels_en) else ""
        label_ar = self.base_form(doc, start, end, head)
        if verb:  # يربط، يمتد من: the label names the corridor and its ends, without the clause's verb
            names = [clean_surface(e)[0] for e in ends]
            label_ar = f"{self.base_form(doc, start, core_end, head)} بين {names[0]} " + " ".join(
                f"و{n}" for n in names[1:])
        entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(sorted(set(ids)))}{line}", type=head.type,
                        label_ar=label_ar, label_en=label_en)
        built = Built(start, end, entity, inner=[e for e in ends + passed if e.end <= end and e.id_ != "nisba"],
                      aliases=[doc[start:core_end].text])
        built.relations = [("links", entity.id, eid, 0.9) for eid in dict.fromkeys(ids)]
        built.relations += [("links", entity.id, p.kb_id_, 0.8) for p in passed if p.kb_id_ not in ids]
        # خط السكك الحديدية بين أنغرين وباب في أوزبكستان: the place it lies in
        if end + 1 < len(doc) and doc[end].norm_ == "في":
            place = self.ent_at(doc, end + 1, self.endpoint_types)
            if place is not None and place.kb_id_ not in ids:
                built.relations.append(("links", entity.id, place.kb_id_, 0.7))
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
                built = Built(start, place.end, entity, inner=[place], aliases=[doc[start:core_end].text])
                built.relations = [("links", entity.id, place.kb_id_, 0.8)]
                return built
        named_by = [word_key(t.text) for t in doc[head_end:mods_end]]
        if not any(k not in self.generic_modifiers for k in named_by):
            return None
        label_en = " ".join(english_mods + [head.kind_en])
        entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(sorted(set(map(slug, english_mods))))}",
                        type=head.type, label_ar=self.base_form(doc, start, mods_end, head),
                        label_en=label_en[:1].upper() + label_en[1:])
        return Built(start, mods_end, entity)

    def quoted(self, doc: Doc, i: int) -> int:
        """Where a quoted name at token i ends (after its closing quote), or 0: “فان يغناب”."""
        if i < len(doc) and doc[i].text in OPENERS and doc[i].text != "(":
            for k in range(i + 1, min(i + 2 + self.max_name, len(doc))):
                if doc[k].text in CLOSERS:
                    return k + 1 if k > i + 1 else 0
                if doc[k].text in ("،", ".", ",", "؛", ":"):
                    return 0
        return 0

    def capacity(self, doc: Doc, i: int) -> tuple[str, str, int]:
        """بقدرة 320 ميجاوات، يبلغ طوله 19 كيلومترا: a plant's capacity or a tunnel's length as a key
        and in English, and where it ends."""
        if i + 1 < len(doc) and self.is_word(doc[i], self.measure_verbs) and self.is_word(doc[i + 1], self.capacity_words):
            i += 1  # نفق يبلغ طوله 19 كيلومترا
        if i >= len(doc) or not self.is_word(doc[i], self.capacity_words):
            return "", "", i
        k = i + 1
        if k + 1 < len(doc) and not NUMBER.match(doc[k].text) and NUMBER.match(doc[k + 1].text):
            k += 1  # بقدرة إنتاجية 300
        if k >= len(doc) or not NUMBER.match(doc[k].text.replace(",", "").replace(".", "")):
            return "", "", i
        number, k = doc[k].text, k + 1
        for width in (2, 1):
            key = " ".join(t.norm_ for t in doc[k:k + width])
            if k + width <= len(doc) and key in self.lex.modifiers:
                unit = self.lex.modifiers[key]
                return f"{number}{unit.lower()}", f"{number} {unit}", k + width
        return number, number, k

    def is_generic(self, token: Token) -> bool:
        """جديد، جديدا، الجديدة، كبيرة: an adjective that tells nothing apart."""
        return self.is_word(token, self.generic_modifiers) or word_key(token.text).rstrip("اه") in self.generic_modifiers \
            or token.norm_.rstrip("اه") in self.generic_modifiers

    def descriptors(self, doc: Doc, i: int, definite_head: bool) -> tuple[list[Span], int]:
        """What describes an unnamed project after its head: nisbas (الصينية القرغيزية), a purpose
        (للإسمنت، لتوليد الكهرباء), a complement (مصنع السيارات) and generic adjectives (كبيرة).
        Returns the nisbas and where the description ends."""
        nisbas: list[Span] = []
        j = i
        while j < len(doc) and j - i < 6:
            token = doc[j]
            nisba = self.nisba_at(doc, j)
            if nisba is not None:
                nisbas.append(nisba)
                j = nisba.end
                continue
            if self.is_stop(token) or token.ent_iob_ == "B" or self.match_head(doc, j) is not None \
                    or self.is_word(token, self.capacity_words):
                break
            letters = normalize_letters(token.text)
            glued_l = letters.startswith("ل") and token.norm_ != word_key(token.text)
            if self.is_purpose(token) or (glued_l and j + 1 < len(doc) and self.is_definite(doc[j + 1])):
                j += 1
            elif j == i and not definite_head and self.is_definite(token):
                j += 1  # مصنع السيارات: the head's complement
            elif self.is_generic(token):
                j += 1
                continue
            else:
                break
            while j < len(doc) and j - i < 6 and self.is_definite(doc[j]) and not self.is_stop(doc[j]) \
                    and doc[j].ent_iob_ != "B" and self.nisba_at(doc, j) is None and self.match_head(doc, j) is None:
                j += 1
        return nisbas, j

    def build_project(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """A project from its head: known modifiers (الشمسية الكهروضوئية), then a quoted or proper
        name, a number (رقم 2), a purpose (للطاقة) and a capacity (بقدرة 264 ميجاوات); unnamed, a
        description and the place it is in (الميناء الجاف في خورغوس، مصنعا للإسمنت في طاجيكستان)."""
        english_mods, i = self.modifiers(doc, head_end)
        closing = self.quoted(doc, i)
        if closing:
            name_ents, name_start, name_end, after = [], i + 1, closing - 1, closing
        elif i < len(doc) and self.is_word(doc[i], self.capacity_words):
            name_ents, name_start, name_end, after = [], i, i, i
        else:
            name_ents, name_end = self.proper_name(doc, i)
            name_start, after = i, name_end
            if len(name_ents) > 1:  # a chain of places names a route, not a project
                return None
            if head.definite and not name_ents:  # المحطة الجديدة ستعمل: after the article, a known name only
                name_end = after = i
        named = name_end > name_start
        if not named:
            return self.build_unnamed_project(doc, start, head, i, english_mods)
        number, has_purpose, end = self.number_and_purpose(doc, after)
        cap_key, cap_en, end = self.capacity(doc, end)
        if head.needs == "name_and_purpose" and not has_purpose:
            return None
        if name_ents:
            name_key, name_en = name_ents[0].kb_id_, self.label_en(doc, name_ents[0])
        else:
            name_key, name_en = identity_key(doc[name_start:name_end].text), ""
        eid = f"project:{slug(head.kind_en)}:" + "-".join(x for x in (name_key, number, cap_key) if x)
        label_en = f"{' '.join(p for p in (name_en, number) if p)} {head.kind_en}" if name_en else ""
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head),
                        label_en=label_en[:1].upper() + label_en[1:])
        built = Built(start, end, entity, inner=list(name_ents))
        built.relations = [("located_in", eid, e.kb_id_, 0.6) for e in name_ents if e.label_ in (ROLE.city,)]
        return built

    def build_unnamed_project(self, doc: Doc, start: int, head: Head, i: int, english_mods: list[str]) -> Built | None:
        """A project without a name, told apart by its number, capacity, the countries of its
        nisbas (المنطقة الصناعية الصينية القرغيزية) or its description and place."""
        nisbas, after = self.descriptors(doc, i, head.definite)
        number, has_purpose, end = self.number_and_purpose(doc, after)
        has_purpose = has_purpose or after > i
        cap_key, cap_en, end = self.capacity(doc, end)
        place = None
        if end + 1 < len(doc) and doc[end].norm_ == "في":
            k = end + 2 if self.is_word(doc[end + 1], self.route_filler) else end + 1  # في مدينة كاشغر
            place = self.ent_at(doc, k, (ROLE.city, ROLE.country))
        if head.needs == "name_and_purpose" and not has_purpose:
            return None
        # what tells it apart: not its nisbas nor a generic adjective (المحطة الجديدة)
        telling = [t for t in doc[i:after] if self.nisba_at(doc, t.i) is None and not self.is_generic(t)]
        described = bool(telling)
        countries = sorted({n.kb_id_ for n in nisbas})
        kind = " ".join(english_mods + [head.kind_en])
        if number or cap_key:  # a capacity tells it apart everywhere, a number only in this article
            label_en = " ".join(p for p in (cap_en, kind, f"No. {number}" if number else "") if p)
            key = "" if cap_key else "-".join(
                p for p in (DOC_SCOPE, identity_key(doc[i:after].text) if described else "") if p)
        elif len(countries) >= 2:  # joint: the countries tell it apart
            key = "-".join(countries)
            names = [self.label_en(doc, n) for n in nisbas]
            label_en = f"{'–'.join(dict.fromkeys(names))} {kind}" if all(names) else ""
        elif place is not None and (head.definite or described or countries or english_mods or len(head.words) > 1):
            # الميناء الجاف في خورغوس: a definite (or described) facility in a city is that city's
            scoped = not (head.definite and place.label_ == ROLE.city and not described and not countries)
            key = "-".join(p for p in (DOC_SCOPE if scoped else "", identity_key(doc[i:after].text) if described else "",
                                       *countries, place.kb_id_) if p)
            label_en = "" if scoped else f"{self.label_en(doc, place)} {kind}".strip()
            end = place.end
        elif described and (english_mods or any(self.lex.modifiers.get(t.norm_) for t in telling)):
            key = f"{DOC_SCOPE}-{identity_key(doc[i:after].text)}"  # محطة كبيرة للطاقة الكهرومائية
            label_en = ""
        elif countries and head.definite:  # الجناح الصيني: this article's Chinese pavilion
            key = "-".join([DOC_SCOPE, *countries])
            label_en = ""
        else:
            return None
        eid = f"project:{slug(head.kind_en)}:" + "-".join(x for x in (key, number, cap_key) if x)
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head),
                        label_en=label_en[:1].upper() + label_en[1:])
        built = Built(start, end, entity, inner=[place] if place is not None and place.end <= end else [])
        if place is not None:
            built.relations = [("located_in", eid, place.kb_id_, 0.7)]
        return built

    def build_several(self, doc: Doc, start: int, head: Head, head_end: int) -> list[Built]:
        """موانئ أكتاو وكوريك: a plural head and the places it names, one project each, labelled
        with the singular head of the same kind (ميناء أكتاو، ميناء كوريك)."""
        places, _ = self.entity_list(doc, head_end, (ROLE.city,))
        singular = next((h for h in self.lex.heads if h.kind_en == head.kind_en and h.type == head.type
                         and h.needs == "name" and not h.definite), None)
        if len(places) < 2 or singular is None:
            return []
        out = []
        for n, place in enumerate(places):
            eid = f"project:{slug(head.kind_en)}:{place.kb_id_}"
            label_en = f"{self.label_en(doc, place)} {head.kind_en}".strip()
            entity = Entity(id=eid, type=head.type, label_ar=f"{singular.text} {clean_surface(place)[0]}",
                            label_en=label_en[:1].upper() + label_en[1:])
            built = Built(start if n == 0 else place.start, place.end, entity, inner=[place])
            built.relations = [("located_in", eid, place.kb_id_, 0.6)]
            out.append(built)
        return out

    def resolve_corridor_refs(self, doc: Doc, built_all: list[Built], refs: list[tuple[int, int, Head]]) -> None:
        """A definite corridor or project head without its ends or name (خط السكة الحديد، الميناء)
        refers to the last one of the same kind named in the sentences just before; المشروع (the
        project) to the last corridor or project."""
        if not refs:
            return
        sentence_of = {}
        for n, sent in enumerate(doc.sents):
            sentence_of.update({k: n for k in range(sent.start, sent.end)})
        for start, end, head in refs:
            if doc[start].ent_iob_ in ("B", "I"):
                continue
            generic = head.needs == "definite"  # المشروع
            earlier = [b for b in built_all if b.end <= start and b.entity.type in (ROLE.corridor, ROLE.project)
                       and (generic or b.entity.id.startswith(f"{head.type.lower()}:{slug(head.kind_en)}:"))
                       and sentence_of[start] - sentence_of[b.start] <= self.anaphor_sentences]
            if earlier:
                target = earlier[-1].entity
                add_ref(doc, start, end, target.type, target.id, "anaphor")
