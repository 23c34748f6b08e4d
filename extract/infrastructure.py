"""What the corridor and project rules of ``silk_patterns`` share (``silkgraph.extract.corridors``,
``silkgraph.extract.projects``): heads with their name inside (منطقة جيزاخ الصناعية، طريق كاراكورام السريع),
the word lists, nisba references, quoted names and generic adjectives, and a definite head alone
(خط السكة الحديد، الميناء، المشروع) referring to the one named just before.

Word lists are in ``data/lexicon/boundaries.tsv`` (route, via, route_verb, route_filler, direction,
generic_modifier, capacity, line, side) and ``modifiers.tsv`` (English for modifiers and units).
"""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.built import Built, slug
from silkgraph.extract.corridor_article import ArticleCorridors
from silkgraph.extract.doc_state import REFS, add_ref
from silkgraph.extract.lexicon import LEXICON_DIR, roles, Head, Lexicon
from silkgraph.normalize import clitics, identity_key, opens_with, word_key
from silkgraph.records import Entity
from silkgraph.tables import read_tsv

ROLE = roles()

DASHES = ("-", "–", "—", "ـ")
NAME_SLOT = "*"  # where a head's name stands inside it (heads.tsv: منطقة * الصناعية)
OPENERS = ('"', "“", "«", "(", "„", "'")
CLOSERS = ('"', "”", "»", ")", "“", "'")


class InfrastructureRules(ArticleCorridors):
    """What corridor and project rules share; see the module docstring. A mixin of ``PatternMatcher``:

    >>> from silkgraph.extract.patterns import PatternMatcher
    >>> from silkgraph.extract.lexicon import lexicon_for
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
        # regions too wide to be a corridor's stop when its name holds them (قطار الصين–أوروبا)
        path = Path(lexicon_dir or LEXICON_DIR) / "macro_regions.tsv"
        self.macro_regions = {r["region_id"] for r in read_tsv(path)} if path.exists() else set()
        if self.macro_regions - set(lex.entries):
            raise ValueError(f"{path}: regions not in the gazetteer: {sorted(self.macro_regions - set(lex.entries))}")
        self.anaphor_sentences = anaphor_sentences  # how far back خط السكة الحديد alone looks for its corridor
        self.route = lex.words("route")
        self.route_verbs = lex.words("route_verb")
        self.via = lex.words("via")
        self.route_filler = lex.words("route_filler")
        self.count_leads, self.count_kinds = lex.words("route_count_lead"), lex.words("route_count_kind")
        self.count_lists = lex.words("route_count_list")  # من أكثر من 100 مدينة صينية، بينها …: count_end
        self.route_times = lex.words("route_time")  # غادر شيآن يوم الاثنين …: a time after a stop, the route goes on
        self.directions = lex.words("direction")
        self.generic_modifiers = lex.words("generic_modifier")
        self.capacity_words = lex.words("capacity")
        self.measure_verbs = lex.words("measure_verb")
        self.line_words = lex.words("line")
        self._nisbas_of: Doc | None = None  # the Doc whose nisba references _nisbas indexes
        self._nisbas: dict[int, Span] = {}
        self.around = lex.words("around")

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
        closing = self.quoted(doc, start)
        if over is not None and over.end > start:  # منطقة جيزاخ is itself a place's name
            name_end = over.end
        elif closing:  # مجمع "بينغشنغ" الصناعي: a quoted name inside the head
            name_end = closing
        elif ent is not None:
            name_end = ent.end
        else:
            name_end = start
            while name_end < len(doc) and name_end - start < 2 and not self.is_stop(doc[name_end]) \
                    and not self.lex.is_common(doc[name_end].text) and doc[name_end].ent_iob_ != "B" \
                    and not opens_with(doc[name_end].text, "article"):
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
        if self.quoted(doc, name_start) == name_end:  # مجمع "بينغشنغ" الصناعي: the name without its quotes
            name_start, name_end = name_start + 1, name_end - 1
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

    def nisbas(self, doc: Doc) -> dict[int, Span]:
        """The Doc's nisba references by start (the gazetteer's; indexed once per Doc)."""
        if self._nisbas_of is not doc:
            self._nisbas_of, self._nisbas = doc, {r.start: r for r in doc.spans[REFS] if r.id_ == "nisba"}
        return self._nisbas

    def nisba_at(self, doc: Doc, i: int) -> Span | None:
        return self.nisbas(doc).get(i)

    def quoted(self, doc: Doc, i: int) -> int:
        """Where a quoted name at token i ends (after its closing quote), or 0: “فان يغناب”."""
        if i < len(doc) and doc[i].text in OPENERS and doc[i].text != "(":
            # a quoted name may be longer than a bare one (“خورغوس - البوابة الشرقية”)
            for k in range(i + 1, min(i + 2 + 2 * self.max_name, len(doc))):
                if doc[k].text in CLOSERS:
                    # «قصر الشوق» و«السكرية»: marks around the و between two names hold no name
                    # (a line's letter is a name: خط الغاز "ج")
                    return k + 1 if k > i + 1 and any(t.text not in clitics()["conjunctions"] for t in doc[i + 1:k]) else 0
                if doc[k].text in ("،", ".", ",", "؛", ":"):
                    return 0
        return 0

    def is_generic(self, token: Token) -> bool:
        """جديد، جديدا، الجديدة، كبيرة: an adjective that tells nothing apart."""
        return self.is_word(token, self.generic_modifiers) or word_key(token.text).rstrip("اه") in self.generic_modifiers \
            or token.norm_.rstrip("اه") in self.generic_modifiers

    @staticmethod
    def same_kind(entity_id: str, head: Head) -> bool:
        """Whether a head alone names the kind of an entity: المحطة a station of any kind (a solar
        power station), الميناء a port (a dry port)."""
        kind_type, _, rest = entity_id.partition(":")
        kind, want = rest.partition(":")[0], slug(head.kind_en)
        return kind_type == head.type.lower() and (kind == want or kind.endswith(f"-{want}"))

    def resolve_corridor_refs(self, doc: Doc, built_all: list[Built], refs: list[tuple[int, int, Head]]) -> None:
        """A definite corridor or project head without its ends or name (خط السكة الحديد، الميناء)
        refers to the last one of the same kind named in the sentences just before, a corridor's to
        the article's corridor (``silkgraph.extract.corridor_article``); المشروع (the project) to the
        last corridor or project."""
        self.article_places(doc)  # (first, as the component's last step: أكتوجاي، بلدة صغيرة …، لنهر آمو داريا)
        if not refs:
            self.clause_routes(doc)
            return
        sentence_of = {}
        for n, sent in enumerate(doc.sents):
            sentence_of.update({k: n for k in range(sent.start, sent.end)})
        for start, end, head in refs:
            if doc[start].ent_iob_ in ("B", "I"):
                continue
            target = self.ref_target([b for b in built_all if b.end <= start], sentence_of[start], sentence_of, head)
            if target is not None:
                add_ref(doc, start, end, target.type, target.id, "anaphor")
        self.clause_routes(doc)  # ويبلغ طول الخط …، يبدأ من …: the places of its clauses
