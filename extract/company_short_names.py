"""Component ``silk_company_short_names``: a company the article names in full once (شركة "هواشين"
الصينية للإسمنت، مجموعة زيجين للتعدين الصينية) and later by its own name word alone (رئيس مجلس
إدارة "هواشين"، وتعد زيجين …، شركة زرافشان) is the same company.

A company's own word is the first word after its head (``org_variant_company`` of
``boundaries_org_variants.tsv``: شركة، مؤسسة، مجموعة), quotes aside, when it is no frequent word
(``common_words.txt``), carries no article, is no nisba and has at least ``min_letters`` letters.
Later in the article that word alone (behind و perhaps), outside any entity, refers to the company;
so does another company span of the head and that word only. A word another kind of entity of the
article also carries (محطة زرفشان and a company زرفشان) is left alone.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from silkgraph.extract.construction_words import construction_words
from silkgraph.extract.doc_state import init_state, make_span
from silkgraph.extract.lexicon import Lexicon, lexicon_for, roles
from silkgraph.normalize import has_article, opens_with, word_key

ROLE = roles()
HEADS = "org_variant_company"
SOURCE = "short_name"
QUOTES = frozenset("\"«»“”„'")


@Language.factory("silk_company_short_names", default_config={"gazetteer_dir": "", "lexicon_dir": "", "min_letters": 4})
def make_company_short_names(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, min_letters: int):
    """Later mentions of a company by its own word.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp('وبنت شركة "سانتاو" الصينية للإسمنت مصنع نوائي. وقال رئيس مجلس إدارة "سانتاو" إن الإنتاج بدأ.')
    >>> [(e.text, e.id_) for e in doc.ents if e.label_ == "Organization"]
    [('شركة "سانتاو" الصينية للإسمنت', 'pattern'), ('سانتاو', 'short_name')]
    """
    return CompanyShortNames(lexicon_for(gazetteer_dir, lexicon_dir), min_letters,
                             construction_words(lexicon_dir).kind("latin_suffix"))


class CompanyShortNames:
    def __init__(self, lex: Lexicon, min_letters: int, latin_suffixes: frozenset[str] = frozenset()):
        self.lex = lex
        self.latin_suffixes = latin_suffixes
        self.heads = lex.words(HEADS)
        self.min_letters = min_letters

    def own_word(self, span: Span) -> tuple[str, int]:
        """The company's own word key and its token index, or ("", -1)."""
        if span.label_ != ROLE.organization or not span.kb_id_ or span[0].norm_ not in self.heads:
            return "", -1
        k = span.start + 1
        while k < span.end and span.doc[k].text in QUOTES:
            k += 1
        if k >= span.end:
            return "", -1
        text = span.doc[k].text
        key = word_key(text)
        if len(key) < self.min_letters or has_article(text) or self.lex.is_common(text) or key in self.lex.nisba \
                or key in self.heads or self.latin_name_goes_on(span, k):
            return "", -1
        return key, k

    def latin_name_goes_on(self, span: Span, k: int) -> bool:
        """The word at ``k`` is the first of several Latin name words (شركة China Energy Engineering):
        "China" alone is no name of the company."""
        if k + 1 >= span.end or not span.doc[k].text[:1].isascii():
            return False
        after = span.doc[k + 1].text
        return after[:1].isascii() and after[:1].isalpha() and after.lower().rstrip(",") not in self.latin_suffixes

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        ents = list(doc.ents)
        companies: dict[str, Span] = {}
        for ent in ents:
            key, _ = self.own_word(ent)
            if key and key not in companies:
                companies[key] = ent
        if not companies:
            return doc
        for ent in ents:  # a word other kinds of entities carry too is theirs as well
            if ent.label_ != ROLE.organization:
                for t in ent:
                    companies.pop(word_key(t.text), None)
        taken = {k for e in ents for k in range(e.start, e.end)}
        changed = False
        for n, ent in enumerate(ents):  # شركة زرافشان after شركة "زرافشان" المشتركة
            key, k = self.own_word(ent)
            first = companies.get(key)
            if first is not None and ent.start > first.start and ent.kb_id_ != first.kb_id_ \
                    and all(t.text in QUOTES for t in doc[k + 1:ent.end]):
                ents[n] = make_span(doc, ent.start, ent.end, ent.label_, first.kb_id_, ent.id_)
                changed = True
        for token in doc:
            if token.i in taken or token.is_punct:
                continue
            key = word_key(token.text)
            if key not in companies and opens_with(key, "conjunctions") and len(key) > self.min_letters:
                key = key[1:]  # وزيجين
            first = companies.get(key)
            if first is not None and token.i >= first.end:
                ents.append(make_span(doc, token.i, token.i + 1, ROLE.organization, first.kb_id_, SOURCE))
                changed = True
        if changed:
            doc.ents = filter_spans(ents)
        return doc
