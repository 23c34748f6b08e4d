"""Component ``silk_own_country``: بلاده، بلادنا، دولته، حكومته (``own_country`` in
``data/lexicon/boundaries_attachment.tsv``) as a reference to the country of the person the
sentence is about: its first leader behind no preposition, or a title with its nisba (وقال رئيس
الوزراء الكازاخي إن بلاده ستبني …: Kazakhstan), else the one the sentence before is about (والتقى
الرئيس القرغيزي … بالرئيس الصيني. وقال إن بلاده …: Kyrgyzstan). Every relation finder of
``silk_relations`` then reads it as a mention of that country (issue 8, class 6; see
``extract/attachment.py``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from silkgraph.extract.doc_state import REFS, add_ref, init_state
from silkgraph.extract.lexicon import Lexicon, lexicon_for, roles
from silkgraph.extract.relation_args import leader_country
from silkgraph.normalize import clitics, normalize_letters, phrase_key, word_key

ROLE = roles()


@Language.factory("silk_own_country", default_config={"gazetteer_dir": "", "lexicon_dir": ""})
def make_own_country(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str):
    """بلاده as a reference to the country of the person a sentence is about (see the module docstring).

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وقال رئيس الوزراء الكازاخي إن بلاده ستبني خط السكة الحديد بين ألماتي وأستانا.")
    >>> [(r.text, r.kb_id_) for r in doc.spans["refs"] if r.id_ == "anaphor"]
    [('بلاده', 'country:KZ')]
    """
    return OwnCountry(lexicon_for(gazetteer_dir, lexicon_dir))


class OwnCountry:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.words = lex.words("own_country")
        self.cores = {w[:4] for w in self.words}  # letters normalising leaves as they are (بلاد، دولت، حكوم)
        self.not_topic_after = lex.words("not_topic_after")
        self.title_keys = {w for t in lex.titles for w in phrase_key(t.title_ar).split()}
        self.heads_of_state = lex.words("head_of_state")
        self.office_words = {w.split()[0] for w in self.heads_of_state}  # رئيس، زعيم: a cheap test first
        self.other_offices = lex.words("office_of_head")
        self.the_country = lex.words("the_country")

    def own_word(self, token: Token) -> bool:
        if not any(core in token.text for core in self.cores):  # most words: no normalising
            return False
        letters = normalize_letters(token.text)
        cl = clitics()
        for strip in (0, 1, 2):
            if letters[strip:] in self.words and all(c in cl["conjunctions"] + cl["prepositions"] for c in letters[:strip]):
                return True
        return False

    def person_country(self, doc: Doc, spans: list[Span], taken: set[int], start: int, before: int) -> str:
        """The country of the first person named from token ``start`` to ``before`` (behind no
        preposition): a leader's, or a title's nisba (رئيس الوزراء الكازاخي); ``spans`` are the
        Doc's entities and references in text order, ``taken`` the tokens of its entities."""
        for e in spans:
            if e.start < start or e.end > before:
                if e.start >= before:
                    break
                continue
            if e.start > 0 and word_key(doc[e.start - 1].text) in self.not_topic_after:
                continue
            if e.label_ == ROLE.leader and e.kb_id_ and e.id_ != "nisba":
                return leader_country(self.lex, doc, e.kb_id_)
            if e.id_ == "nisba" and e.label_ == ROLE.country and e.start not in taken and e.start > 0 \
                    and doc[e.start - 1].norm_ in self.title_keys:
                return e.kb_id_
        return ""

    def head_of_state(self, doc: Doc, taken: set[int], candidates: list[int]) -> None:
        """رئيس الدولة، رئيس البلاد (``head_of_state`` in ``data/lexicon/boundaries_summits.tsv``) with
        no nisba: the article's head of state, the first leader it says leads a country (ووصل رئيس
        الدولة إلى بكين …, in the style of the national agencies)."""
        offices = [k for k in candidates if k + 1 < len(doc) and k + 1 not in taken
                   and f"{doc[k].norm_} {doc[k + 1].norm_}" in self.heads_of_state
                   and not (k + 2 < len(doc) and doc[k + 2].norm_ in self.lex.nisba)
                   and not (k > 0 and doc[k - 1].norm_ in self.other_offices)]  # نائب رئيس الدولة
        if not offices:
            return
        heads = {r.source_id for r in doc._.silk_found if r.type == "leads" and r.target_id.startswith("country:")}
        leader = next((e.kb_id_ for e in doc.ents if e.label_ == ROLE.leader and e.kb_id_ in heads), "")
        for k in offices if leader else []:
            add_ref(doc, k, k + 2, ROLE.leader, leader, "title")

    def host_country(self, doc: Doc, taken: set[int], candidates: list[Token]) -> None:
        """البلاد (``the_country``), not after a word of office (رئيس البلاد): the country the article
        is filed from (its dateline's), else the one of the sentence's first person (استقبل الرئيس
        الكازاخي … الرئيس الصيني الذي يزور البلاد: Kazakhstan)."""
        words = [t for t in candidates if not (t.i > 0 and doc[t.i - 1].norm_ in self.title_keys)]
        if not words:
            return
        line = doc._.silk_dateline if doc.has_extension("silk_dateline") else None
        filed = self.lex.country_of(line.kb_id_) or (line.kb_id_ if line.kb_id_.startswith("country:") else "") \
            if line is not None and line.kb_id_ else ""
        spans = sorted([*doc.ents, *doc.spans[REFS]], key=lambda s: s.start)
        for t in words:
            country = filed or self.person_country(doc, spans, taken, t.sent.start, t.i)
            if country:
                add_ref(doc, t.i, t.i + 1, ROLE.country, country, "anaphor")

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        taken = {k for e in doc.ents for k in range(e.start, e.end)}
        words, offices, countries = [], [], []  # one pass: بلاده، رئيس (الدولة)، البلاد
        for t in doc:
            if t.i in taken:
                continue
            if t.norm_ in self.office_words:
                offices.append(t.i)
            elif t.norm_ in self.the_country:
                countries.append(t)
            elif self.own_word(t):
                words.append(t)
        self.head_of_state(doc, taken, offices)
        self.host_country(doc, taken, countries)
        if not words:
            return doc
        spans = sorted([*doc.ents, *doc.spans[REFS]], key=lambda s: s.start)
        for t in words:
            sent = t.sent
            country = self.person_country(doc, spans, taken, sent.start, t.i)
            if not country and sent.start > 0:  # the person the sentence before is about
                before = doc[sent.start - 1].sent
                country = self.person_country(doc, spans, taken, before.start, before.end)
            if country:
                add_ref(doc, t.i, t.i + 1, ROLE.country, country, "anaphor")
        return doc
