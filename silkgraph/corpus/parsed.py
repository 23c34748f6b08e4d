"""One article as a parser found it (``Parsed``), and what every format fills in the same way:
the headline as title, the date and source from metadata, else from the dateline.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from silkgraph.corpus.datelines import find_agency, find_dateline
from silkgraph.corpus.dates import parse_date
from silkgraph.corpus.names import agency_source

_SENTENCE_END = ".!?؟…:؛"
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30


@dataclass
class Parsed:
    """One article as a parser found it, before a doc id is given; ``notes`` are for the user."""

    text: str
    title: str = ""
    date: str = ""
    source: str = ""
    url: str = ""
    doc_id: str = ""  # an explicit id (JSONL ``id``), else ""
    notes: list[str] = field(default_factory=list)


def headline(text: str) -> str:
    """The first line of ``text`` when it reads as a headline: short, no sentence-final
    punctuation, not a dateline, and followed by more text; else "".

    >>> headline("الرئيس الصيني يزور أستانا\\nبكين 3 يونيو 2025 (شينخوا) ...")
    'الرئيس الصيني يزور أستانا'
    >>> headline("زار الرئيس أستانا.\\nثم عاد.")
    ''
    """
    lines = [ln.strip() for ln in text.strip().split("\n")]
    if len(lines) < 2:
        return ""
    first = lines[0]
    if (not first or len(first) > _TITLE_MAX_CHARS or len(first.split()) > _TITLE_MAX_WORDS
            or first[-1] in _SENTENCE_END or find_dateline(first)):
        return ""
    return first


def _lead_lines(text: str, title: str) -> list[str]:
    """The lines a dateline may start: the first, and the one after a headline."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if lines and ((title and lines[0] == title.strip()) or headline("\n".join(lines[:2]))):
        return lines[:2]
    return lines[:1]


def apply_dateline(parsed: Parsed) -> Parsed:
    """Fill a missing date or source from the dateline at the start of the body.

    >>> p = apply_dateline(Parsed("أستانا 17 يونيو 2025 (شينخوا) دعا ..."))
    >>> p.date, p.source
    ('2025-06-17', 'Xinhua')
    >>> apply_dateline(Parsed("نص", date="2024-01-01", source="dpa")).date
    '2024-01-01'
    """
    if parsed.date and parsed.source:
        return parsed
    for line in _lead_lines(parsed.text, parsed.title):
        found = find_dateline(line)
        if found:
            if not parsed.date:
                if found.date:
                    parsed.date = found.date
                elif found.invalid:
                    parsed.notes.append(f"dateline {found.invalid!r} is not a valid date; date left empty")
            parsed.source = parsed.source or found.source
            return parsed
        parsed.source = parsed.source or find_agency(line)
    return parsed


def _date_field(value: object, what: str, notes: list[str]) -> str:
    """A metadata date as ISO, or "" with a note saying the value was not a date."""
    if value is None or value == "":
        return ""
    iso = parse_date(value) if isinstance(value, str) else None
    if iso is None:
        notes.append(f"{what} {value!r} is not a valid date; date left empty")
        return ""
    return iso


def _source_field(value: object) -> str:
    """A metadata source: a known agency spelling becomes its source name, anything else stays."""
    if value is None:
        return ""
    value = str(value).strip()
    return agency_source(value) or value
