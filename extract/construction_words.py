"""The word lists of the building rules (``data/lexicon/construction.tsv``): agent phrases (من قبل،
بتمويل من), contractor roles (المنفذة، المقاول), owner nouns (مشاريع), cooperation verbs (تتعاون),
the facilities that are one per place (a port) and the corporate words of Latin names."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from silkgraph.extract.lexicon import LEXICON_DIR
from silkgraph.normalize import normalize_letters, opens_with
from silkgraph.tables import read_tsv

FILE = "construction.tsv"


def token_key(text: str) -> str:
    """A word as the lists hold it: letters folded, Latin lower-cased.

    >>> token_key("المنفذة"), token_key("Group")
    ('المنفذه', 'group')
    """
    return normalize_letters(text).lower()


@lru_cache(maxsize=65536)  # every token is looked up by several rules: words repeat
def token_keys(text: str) -> tuple[str, ...]:
    """The readings of a token to look up: as written, and without a conjunction glued to it.

    >>> token_keys("وبتمويل"), token_keys("فازت")
    (('وبتمويل', 'بتمويل'), ('فازت', 'ازت'))
    """
    key = token_key(text)
    return (key, key[1:]) if len(key) > 3 and opens_with(key, "conjunctions") else (key,)


@dataclass(frozen=True)
class ConstructionWords:
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> one-word keys
    phrases: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # kind -> word-key tuples, longest first

    def kind(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def is_kind(self, token: Token, name: str) -> bool:
        words = self.kind(name)
        return any(k in words for k in token_keys(token.text))

    def phrase_at(self, tokens: list[Token], k: int, name: str) -> int:
        """The length of the longest phrase of ``name`` starting at ``tokens[k]`` (0 if none).

        >>> from spacy.lang.ar import Arabic
        >>> doc = Arabic()("بني بتمويل من الصين")
        >>> construction_words().phrase_at(list(doc), 1, "agent")
        2
        """
        for phrase in self.phrases.get(name, ()):
            if k + len(phrase) <= len(tokens) and all(w in token_keys(tokens[k + n].text) for n, w in enumerate(phrase)):
                return len(phrase)
        return 0


@lru_cache(maxsize=4)
def construction_words(lexicon_dir: str = "") -> ConstructionWords:
    """The lists of ``construction.tsv`` in ``lexicon_dir`` (empty: the package's own).

    >>> "مشاريع" in construction_words().kind("owner")
    True
    """
    rows = read_tsv(Path(lexicon_dir or LEXICON_DIR) / FILE)
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for row in rows:
        phrases.setdefault(row["kind"], []).append(tuple(token_key(w) for w in row["word"].split()))
    return ConstructionWords(
        words={k: frozenset(" ".join(p) for p in v) for k, v in phrases.items()},
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()})
