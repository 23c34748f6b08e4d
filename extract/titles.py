"""Component ``silk_titles``: leaders from their titles, and what a title stands for later.

"الرئيس الكازاخي قاسم جومارت توكاييف" says three things: Tokayev is a Leader (even when no table
lists him: the name after a title is taken as one), he ``leads`` Kazakhstan (the relation comes
from ``titles.tsv``: presidents lead, ministers serve), and a later "الرئيس الكازاخي" in the same
article means him. The country comes from a nisba adjective (الكازاخي) or a genitive (رئيس
كازاخستان); an organisation title takes an organisation (الأمين العام للأمم المتحدة).
Entities a statistical NER typed Person become Leaders when a title precedes them.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.doc_state import REFS, FoundRelation, add_ref, init_state, make_span
from extract.identity import name_id
from extract.lexicon import roles, Lexicon, Title, lexicon_for
from silkgraph.normalize import normalize_letters, phrase_key, word_key
from silkgraph.records import Entity

ROLE = roles()

SCOPE_TYPES = {"country": (ROLE.country,), "org": (ROLE.organization,), "city": (ROLE.city,)}


@dataclass(frozen=True)
class TitleMatch:
    title: Title
    start: int
    end: int


@Language.factory("silk_titles", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_name_tokens": 4})
def make_titles(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_name_tokens: int):
    """The title component: a title next to a name gives ``leads``; a title alone stands for its holder.

    >>> from extract.pipeline import Extractor
    >>> doc = Extractor().nlp("زار رئيس الوزراء الصيني لي تشيانغ العاصمة طشقند.")
    >>> [(r.source_id, r.type, r.target_id, r.trigger) for r in doc._.silk_found if r.type == "leads"]
    [('leader:li-qiang', 'leads', 'country:CN', 'رئيس الوزراء الصيني')]
    """
    return TitleResolver(lexicon_for(gazetteer_dir, lexicon_dir), max_name_tokens)


class TitleResolver:
    def __init__(self, lex: Lexicon, max_name_tokens: int):
        self.lex = lex
        self.max_name = max_name_tokens
        self.titles = sorted(((tuple(phrase_key(t.title_ar).split()), t) for t in lex.titles),
                             key=lambda kt: -len(kt[0]))
        self.first_words = {k[0] for k, _ in self.titles}
        self.stops = lex.words("name_stop") | lex.words("clause") | lex.words("relative")
        self.counterparts = lex.words("counterpart")
        self.name_links = lex.words("name_link")

    def match_title(self, doc: Doc, i: int) -> TitleMatch | None:
        if doc[i].norm_ not in self.first_words:
            return None
        for words, title in self.titles:
            end = i + len(words)
            if end <= len(doc) and all(doc[i + k].norm_ == w for k, w in enumerate(words)):
                return TitleMatch(title, i, end)
        return None

    def ent_at(self, doc: Doc, i: int) -> Span | None:
        if i < len(doc) and doc[i].ent_iob_ == "B":
            return next((e for e in doc.ents if e.start == i), None)
        return None

    def ent_ending_at(self, doc: Doc, i: int) -> Span | None:
        """The entity that ends right before token i, or before a comma there."""
        ends = {i, i - 1} if i > 0 and doc[i - 1].text in ("،", ",") else {i}
        return next((e for e in doc.ents if e.end in ends and e.end <= i), None)

    def ref_at(self, doc: Doc, i: int, label: str) -> Span | None:
        return next((r for r in doc.spans[REFS] if r.start == i and r.label_ == label and r.id_ == "nisba"), None)

    def holder_scope(self, doc: Doc, match: TitleMatch) -> tuple[str, int]:
        """The country (nisba or genitive), organisation or city the title is of, and where it ends."""
        i = match.end
        nisba = self.ref_at(doc, i, ROLE.country)
        if nisba is not None and match.title.scope == "country":
            return nisba.kb_id_, nisba.end
        ent = self.ent_at(doc, i)
        if ent is not None and ent.label_ in SCOPE_TYPES.get(match.title.scope, ()):
            return ent.kb_id_, ent.end
        return "", i

    def unknown_name(self, doc: Doc, i: int) -> int:
        """End of a run of words that reads as a person's name (not common words, not stops).

        A word with the article belongs to the name after عبد/أبو/بن (عبد العزيز) or as an
        uncommon family name (بشار الأسد); a common word only between two uncommon ones."""
        j = i
        while j < len(doc) and j - i < self.max_name:
            token = doc[j]
            key = word_key(token.text)
            if token.is_punct or token.is_space or token.like_num or token.ent_iob_ in ("B", "I") \
                    or token.norm_ in self.stops or key in self.stops or self.match_title(doc, j) is not None:
                break
            if normalize_letters(token.text).startswith(("ال", "وال")):
                linked = j > i and word_key(doc[j - 1].text) in self.name_links
                surname = j > i and not self.lex.is_common(token.text) and token.norm_ not in self.lex.nisba
                if not (linked or surname) or normalize_letters(token.text).startswith("وال"):
                    break
                j += 1
                if surname and not linked:
                    break  # a family name with the article ends the name
                continue
            if self.lex.is_common(token.text) and key not in self.name_links:
                # a common word inside a name (إمام علي رحمان) only between two uncommon ones
                nxt = doc[j + 1] if j + 1 < len(doc) else None
                if j == i or nxt is None or nxt.is_punct or self.lex.is_common(nxt.text) \
                        or nxt.norm_ in self.stops:
                    break
            j += 1
        return j

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        new_ents: list[Span] = []
        retyped: dict[int, Span] = {}
        last_title: Title | None = None
        i = 0
        while i < len(doc):
            match = self.match_title(doc, i)
            if match is None and last_title is not None and doc[i].norm_ in self.counterparts:
                # ونظيره الكازاخي …: his counterpart holds the same office in another country
                match = TitleMatch(last_title, i, i + 1)
            if match is None:
                i += 1
                continue
            last_title = match.title
            scope_id, after = self.holder_scope(doc, match)
            ent = self.ent_at(doc, after)
            leader_id = ""
            name_end = after
            if ent is not None and ent.label_ in (ROLE.leader, ROLE.person):
                leader_id, name_end = ent.kb_id_, ent.end
                if ent.label_ == ROLE.person or not leader_id:
                    leader_id = self.promote(doc, ent)
                    retyped[ent.start] = make_span(doc, ent.start, ent.end, ROLE.leader, leader_id, ent.id_ or "ner")
            elif ent is None and scope_id:
                end = self.unknown_name(doc, after)
                known = self.ent_at(doc, end)
                if end > after and known is not None and known.label_ == ROLE.leader and known.kb_id_:
                    # حميد كرزاي: another spelling of the first name before a known surname
                    leader_id, name_end = known.kb_id_, known.end
                    retyped[known.start] = make_span(doc, after, known.end, ROLE.leader, leader_id, known.id_)
                elif end > after:
                    name = doc[after:end]
                    leader_id = name_id(ROLE.leader, name.text)
                    doc._.silk_entities.setdefault(leader_id, Entity(leader_id, ROLE.leader, name.text))
                    new_ents.append(make_span(doc, after, end, ROLE.leader, leader_id, "title"))
                    name_end = end
            if not leader_id and scope_id:
                # شهباز شريف، رئيس الوزراء الباكستاني: the title standing after the name
                before = self.ent_ending_at(doc, match.start)
                if before is not None and before.label_ in (ROLE.leader, ROLE.person):
                    leader_id = before.kb_id_ if before.label_ == ROLE.leader and before.kb_id_ else self.promote(doc, before)
                    if before.label_ != ROLE.leader or not before.kb_id_:
                        retyped[before.start] = make_span(doc, before.start, before.end, ROLE.leader, leader_id,
                                                          before.id_ or "ner")
                    ent, name_end = before, after
            binding = (match.title.office_en, scope_id)
            if leader_id:
                if scope_id:
                    doc._.silk_bindings[binding] = leader_id
                    doc._.silk_found.append(FoundRelation(
                        match.title.relation, leader_id, scope_id, match.start, name_end,
                        doc[match.start:after].text, 0.95 if ent is not None else 0.8))
            elif scope_id and binding in doc._.silk_bindings:
                # الرئيس الكازاخي, after the article named him: the title stands for the person
                add_ref(doc, match.start, after, ROLE.leader, doc._.silk_bindings[binding], "title")
            i = max(after, match.end)
        if new_ents or retyped:
            kept = [retyped.get(e.start, e) for e in doc.ents]
            doc.ents = filter_spans(kept + new_ents)
        return doc

    def promote(self, doc: Doc, person: Span) -> str:
        """A Person the model found, after a title: the same name as a Leader."""
        leader_id = name_id(ROLE.leader, person.text)
        doc._.silk_entities[leader_id] = Entity(leader_id, ROLE.leader, person.text)
        return leader_id
