"""The language check: an article silkgraph reads is in Arabic."""
from __future__ import annotations

import re

MIN_ARABIC_SHARE = 0.3  # an article fewer of whose letters are Arabic is not one silkgraph can read


def _runs_of(codes: list[int]) -> re.Pattern[str]:
    """A pattern matching runs of the characters ``codes`` (sorted), as ranges."""
    ranges: list[list[int]] = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]+")


# the letters (str.isalpha) of the Arabic block U+0600-U+06FF and of ASCII are counted by the
# regex engine; only what is left (other scripts, a few symbols) one character at a time
_ARABIC_LETTERS = _runs_of([c for c in range(0x600, 0x700) if chr(c).isalpha()])
_ASCII_LETTERS = re.compile("[A-Za-z]+")
_ARABIC_OR_ASCII = re.compile("[\u0600-\u06ff\x00-\x7f]+")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(text) - len(pattern.sub("", text))


def _arabic_ratio(text: str) -> float:
    """The share of the letters (``str.isalpha``) of ``text`` in the Arabic block.

    >>> _arabic_ratio("شي Xi ١٢ ، ß")
    0.4
    """
    arabic = _count(_ARABIC_LETTERS, text)
    letters = arabic + _count(_ASCII_LETTERS, text)
    letters += sum(1 for c in _ARABIC_OR_ASCII.sub("", text) if c.isalpha())
    return arabic / letters if letters else 0.0


def is_arabic(text: str) -> bool:
    """Whether ``text`` reads as Arabic: at least ``MIN_ARABIC_SHARE`` of its letters are Arabic.

    >>> is_arabic("زار الرئيس الصيني شي جين بينغ أستانا (Xinhua)"), is_arabic("Xi visited Astana.")
    (True, False)
    """
    return _arabic_ratio(text) >= MIN_ARABIC_SHARE
