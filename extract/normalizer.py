"""Component ``silk_normalizer``: sets ``token.norm_`` to the matching key of each token.

The key folds spelling (``normalize_letters``), drops the article, and strips proclitics
(و/ف, ب/ك/ل) only when the rest is a word the lexicon knows, so the phrase matchers see
طاجيكستان in وطاجيكستان and الصين in بالصين, while بكين keeps its ب.
"""
from __future__ import annotations

from functools import lru_cache
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc

from silkgraph.extract.lexicon import Lexicon, lexicon_for, roles
from silkgraph.normalize import clitics, drop_article, phrase_key, strip_clitics

AGREEMENT = roles().agreement
ACCUSATIVE_FREE = "هاىء"  # word keys that end so take no alef in the accusative (مذكرة، مبنى، ميناء)


def known_words(lex: Lexicon) -> frozenset[str]:
    """Word keys of every gazetteer alias, nisba form, title and pattern head.

    A one-word name stays a word of its own even when it reads as a conjunction and another
    known word (فاس is Fes, not ف + اس; وهان is Wuhan, not و + هان).
    """
    words: set[str] = set()
    whole: set[str] = set()  # one-word names: a name's own first letter is no proclitic (فاس, وهان)
    for entry in lex.entries.values():
        for form in (entry.entity.label_ar, *entry.aliases_ar, *entry.weak_aliases_ar):
            keys = phrase_key(form).split()
            words.update(keys)
            if len(keys) == 1:
                whole.update(keys)
    words.update(lex.nisba)
    for title in lex.titles:
        words.update(phrase_key(title.title_ar).split())
    for head in lex.heads:
        words.update(head.words)
        if head.type == AGREEMENT and head.needs != "contract" and not head.definite \
                and head.words[0][-1:] not in ACCUSATIVE_FREE:
            # a document's accusative (وبروتوكولا، وإعلانا): و off it too (not وعقدا: "they held")
            words.add(head.words[0] + "ا")
    for kind in ("capital", "edition", "ordinal", "counterpart"):
        words.update(lex.words(kind))
    words.discard("-")
    # an alias may carry a conjunction (آلية الصين وآسيا الوسطى): وآسيا is آسيا, not a word of its own
    cl = clitics()
    words = {w for w in words if not (w[:1] in cl["conjunctions"] and (w[1:] in words or drop_article(w[1:]) in words))}
    # and one may carry ل before the article (الجمعية العامة للأمم المتحدة): للأمم is الأمم
    words = {w for w in words if not (w.startswith(cl["lam_article"])
                                      and drop_article(cl["article"] + w[len(cl["lam_article"]):]) in words)}
    # nor, in a name, ب/ك/ل before a head (بنك التنمية الجديد التابع لمجموعة بريكس): لمجموعة is
    # مجموعة; a title's own words stay (الأمين العام للجنة المركزية …: its للجنة is matched as written)
    heads = {head.words[0] for head in lex.heads}
    titled = {w for title in lex.titles for w in phrase_key(title.title_ar).split()}
    words = {w for w in words if w in titled or not (w[:1] in cl["prepositions"] and w[1:] in heads)}
    return frozenset(words | whole)


# keyed by the lexicon itself, held weakly: an entry goes with its lexicon, so a new lexicon
# (even one at a freed lexicon's address) never gets another lexicon's words
_KNOWN: WeakKeyDictionary[Lexicon, frozenset[str]] = WeakKeyDictionary()


def known_words_of(lex: Lexicon) -> frozenset[str]:
    """``known_words`` of a lexicon, computed once per lexicon."""
    if lex not in _KNOWN:
        _KNOWN[lex] = known_words(lex)
    return _KNOWN[lex]


@Language.factory("silk_normalizer", default_config={"gazetteer_dir": "", "lexicon_dir": ""})
def make_normalizer(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str):
    return Normalizer(known_words_of(lexicon_for(gazetteer_dir, lexicon_dir)))


class Normalizer:
    """Sets each token's ``norm_`` to its matching key, proclitics off only towards ``known`` words.

    >>> import spacy
    >>> doc = Normalizer(frozenset({"صين", "طاجيكستان"}))(spacy.blank("ar")("وطاجيكستان بالصين بكين"))
    >>> [t.norm_ for t in doc]
    ['طاجيكستان', 'صين', 'بكين']
    """

    def __init__(self, known: frozenset[str]):
        self.known = known
        self.key = lru_cache(maxsize=200_000)(lambda text: strip_clitics(text, self.known))

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if not token.is_space:
                token.norm_ = self.key(token.text)
        return doc
