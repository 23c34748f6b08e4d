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
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> word keys (phrases joined by spaces)
    # (kind, first word key) -> the phrases of that kind opening with that word, longest first
    openings: dict[tuple[str, str], tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # first word keys of any entry -> the kinds it opens: most tokens open none and cost one lookup
    _kinds: dict[str, frozenset[str]] = field(default_factory=dict)

    def kind(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    _seen: dict[str, frozenset[str]] = field(default_factory=dict)  # token text -> kinds_of, filled as texts come

    def kinds_of(self, text: str) -> frozenset[str]:
        """The kinds a token may open an entry of (in any of its readings)."""
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) >= 200_000:  # a long-running app reads many texts
                self._seen.clear()
            found = frozenset().union(*(self._kinds.get(k, frozenset()) for k in token_keys(text)))
            self._seen[text] = found
        return found

    def is_kind(self, token: Token, name: str) -> bool:
        return name in self.kinds_of(token.text) and any(k in self.kind(name) for k in token_keys(token.text))

    def phrase_at(self, tokens: list[Token], k: int, name: str) -> int:
        """The length of the longest phrase of ``name`` starting at ``tokens[k]`` (0 if none).

        >>> from spacy.lang.ar import Arabic
        >>> doc = Arabic()("بني بتمويل من الصين")
        >>> construction_words().phrase_at(list(doc), 1, "agent")
        2
        """
        if name not in self.kinds_of(tokens[k].text):
            return 0
        for first in token_keys(tokens[k].text):
            for phrase in self.openings.get((name, first), ()):
                if k + len(phrase) <= len(tokens) and all(w in token_keys(tokens[k + n].text)
                                                          for n, w in enumerate(phrase[1:], start=1)):
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
    openings: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    kinds: dict[str, set[str]] = {}
    for kind, entries in phrases.items():
        for phrase in sorted(entries, key=len, reverse=True):
            openings.setdefault((kind, phrase[0]), []).append(phrase)
            kinds.setdefault(phrase[0], set()).add(kind)
    return ConstructionWords(words={k: frozenset(" ".join(p) for p in v) for k, v in phrases.items()},
                             openings={k: tuple(v) for k, v in openings.items()},
                             _kinds={k: frozenset(v) for k, v in kinds.items()})
