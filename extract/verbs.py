"""Verb shapes: whether a word is an inflected form of a known Arabic verb (يتفقان, سيبحثون, أكدت).

The stems and the inflection affixes are data (``data/lexicon/verb_stems.txt``, ``verb_affixes.tsv``,
built by ``silkgraph.extract.tools.build_verb_forms`` from UD Arabic-PUD and Arabic WordNet). A
name reader asks this of a word no name list knows: a verb ends a name, it is never part of one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from silkgraph.extract.lexicon import LEXICON_DIR, word_list
from silkgraph.normalize import clitics, normalize_letters
from silkgraph.tables import read_tsv

MIN_STEM = 3
CACHE_SIZE = 200_000  # words whose answer is kept
FUTURE = "س"  # the future particle glued before an imperfect prefix (سيبحث)


@dataclass(frozen=True)
class VerbShapes:
    """Known verb stems and the (prefix, suffix) pairs verbs are inflected with.

    >>> v = VerbShapes(frozenset({"تفق", "بحث"}), (("ي", "ان"), ("", "ت")))
    >>> v.is_verb("يتفقان"), v.is_verb("وسيبحثان"), v.is_verb("بحثت"), v.is_verb("بحث"), v.is_verb("يوسف")
    (True, True, True, False, False)
    """

    stems: frozenset[str]
    affixes: tuple[tuple[str, str], ...]
    # answers by word: a name reader asks of most words of an article, and articles repeat words
    _answers: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    def is_verb(self, word: str) -> bool:
        """An affix pair (not both empty) around a known stem, after an optional و/ف and future س."""
        answer = self._answers.get(word)
        if answer is None:
            if len(self._answers) >= CACHE_SIZE:
                self._answers.clear()
            answer = self._answers[word] = self._is_verb(word)
        return answer

    def _is_verb(self, word: str) -> bool:
        letters = normalize_letters(word)
        bases = [letters]
        if letters[:1] in clitics()["conjunctions"]:
            bases.append(letters[1:])
        for base in list(bases):
            if base[:1] == FUTURE:
                bases.append(base[1:])
        return any(self._inflected(base) for base in bases)

    def _inflected(self, letters: str) -> bool:
        for prefix, suffix in self.affixes:
            if (prefix or suffix) and letters.startswith(prefix) and letters.endswith(suffix) \
                    and len(letters) - len(prefix) - len(suffix) >= MIN_STEM \
                    and letters[len(prefix):len(letters) - len(suffix)] in self.stems:
                return True
        return False


def imperfect_letters(text: str, prefixes: set[str]) -> str:
    """The word's folded letters, a glued conjunction off, when they open with one of
    ``prefixes`` (a verb of the present or future: يوقع، وستوقع), else "".

    >>> imperfect_letters("وسيبحثان", {"ي", "سي"}), imperfect_letters("اتفاقية", {"ي", "سي"})
    ('سيبحثان', '')
    """
    letters = normalize_letters(text)
    if letters[:1] in clitics()["conjunctions"] and len(letters) > 4:
        letters = letters[1:]
    return letters if letters.startswith(tuple(prefixes)) else ""


@lru_cache(maxsize=4)
def load_verb_shapes(lexicon_dir: str = "") -> VerbShapes:
    """The shipped verb data (or that of ``lexicon_dir``); empty when its files are absent.

    >>> load_verb_shapes().is_verb("يتفقان")
    True
    """
    folder = Path(lexicon_dir) if lexicon_dir else LEXICON_DIR
    path = folder / "verb_affixes.tsv"
    affixes = [(r["prefix"], r["suffix"]) for r in read_tsv(path)] if path.exists() else []
    return VerbShapes(word_list(folder / "verb_stems.txt"), tuple(a for a in affixes if any(a)))
