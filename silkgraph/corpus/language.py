"""The language check: an article silkgraph reads is in Arabic."""
from __future__ import annotations

MIN_ARABIC_SHARE = 0.3  # an article fewer of whose letters are Arabic is not one silkgraph can read


def _arabic_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    return arabic / len(letters) if letters else 0.0


def is_arabic(text: str) -> bool:
    """Whether ``text`` reads as Arabic: at least ``MIN_ARABIC_SHARE`` of its letters are Arabic.

    >>> is_arabic("زار الرئيس الصيني شي جين بينغ أستانا (Xinhua)"), is_arabic("Xi visited Astana.")
    (True, False)
    """
    return _arabic_ratio(text) >= MIN_ARABIC_SHARE
