"""Month names, news-agency names and the words no dateline place holds, read from the data
files (``silkgraph/data/months.tsv``, ``agencies.tsv``, ``dateline_not_places.txt``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from silkgraph.normalize import normalize_letters
from silkgraph.tables import read_tsv

DATA = Path(__file__).parents[1] / "data"  # silkgraph/data
MONTHS_PATH = DATA / "months.tsv"
AGENCIES_PATH = DATA / "agencies.tsv"
NOT_PLACES_PATH = DATA / "dateline_not_places.txt"


def _name_key(name: str) -> str:
    """Matching key of a month or agency name: letters folded, dots and spaces gone, lower case."""
    return re.sub(r"[\s.·]+", "", normalize_letters(name)).lower()


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Month number of every month name in ``data/months.tsv``, by matching key.

    >>> months = month_names()
    >>> months[_name_key("كانون الثاني")], months[_name_key("مايـو")], months[_name_key("August")]
    (1, 5, 8)
    """
    return {_name_key(row["name"]): int(row["month"]) for row in read_tsv(MONTHS_PATH)}


@lru_cache(maxsize=1)
def agency_names() -> dict[str, str]:
    """Source name of every agency spelling in ``data/agencies.tsv``, by matching key.

    >>> agency_names()[_name_key("د.ب.أ")]
    'dpa'
    """
    return {_name_key(row["name"]): row["source"] for row in read_tsv(AGENCIES_PATH)}


@lru_cache(maxsize=1)
def not_place_words() -> frozenset[str]:
    """Folded words that cannot be part of a dateline's place (``data/dateline_not_places.txt``).

    >>> "وفي" in not_place_words()
    True
    """
    lines = NOT_PLACES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_letters(w.strip()) for w in lines if w.strip() and not w.startswith("#"))


def agency_source(name: str) -> str:
    """The source name of a news agency as written in Arabic, or "" when unknown.

    >>> agency_source("شينخوا"), agency_source("أ ف ب"), agency_source("الثلاثاء")
    ('Xinhua', 'AFP', '')
    """
    return agency_names().get(_name_key(name), "")


@lru_cache(maxsize=1)
def _month_pattern() -> str:
    """Regex alternation of month names as they look after ``_fold`` (longest first)."""
    names = {normalize_letters(row["name"]) for row in read_tsv(MONTHS_PATH)}
    parts = sorted(names, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, n.split())) for n in parts)


def _month_number(name: str) -> int:
    return month_names()[_name_key(name)]
