"""Dates as metadata writes them (ISO, numeric, "17 يونيو 2025", e-mail dates), as ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import lru_cache

from silkgraph.corpus.names import _month_number, _month_pattern
from silkgraph.normalize import normalize_letters

# Arabic-Indic and Eastern Arabic-Indic (Persian) digits -> ASCII, one char for one char
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _fold(text: str) -> str:
    """Digits to ASCII and Arabic letters folded, for matching datelines and dates."""
    return normalize_letters(text.translate(_DIGITS))


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1800 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _textual_date_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    months = _month_pattern()
    day_month_year = re.compile(rf"^(?:\w+\s*[،,]\s*)?(\d{{1,2}})\s+({months})\.?\s*[،,]?\s*(\d{{4}})$", re.I)
    month_day_year = re.compile(rf"^(?:\w+\s*[،,]\s*)?({months})\.?\s+(\d{{1,2}})\s*[،,]?\s*(\d{{4}})$", re.I)
    return day_month_year, month_day_year


def parse_date(value: str) -> str | None:
    """``value`` as an ISO date ``YYYY-MM-DD``; None when it is not a valid date.

    Understands ISO dates and datetimes (the date as written, no time-zone shift),
    YYYY/MM/DD, DD/MM/YYYY (and MM/DD/YYYY when only that reading is valid), DD.MM.YYYY,
    DD-MM-YYYY, YYYYMMDD, "17 June 2025", "June 17, 2025", "17 يونيو 2025", RFC 2822
    e-mail dates, and Arabic-Indic digits.

    >>> parse_date("2025-06-17T10:00:00Z"), parse_date("17/06/2025"), parse_date("١٧ يونيو ٢٠٢٥")
    ('2025-06-17', '2025-06-17', '2025-06-17')
    >>> parse_date("Tue, 17 Jun 2025 10:00:00 +0000"), parse_date("2025-02-30"), parse_date("soon")
    ('2025-06-17', None, None)
    """
    if not isinstance(value, str):
        return None
    s = " ".join(_fold(value).split())
    s = re.sub(r"(?<=\d)\s*م$", "", s)  # "17 يونيو 2025م": the Gregorian-year mark
    if not s:
        return None
    m = re.match(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[T ]|\s*$).*)?$", s)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", s)
    if m:
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        return _iso(year, second, first) or (_iso(year, first, second) if second > 12 else None)
    m = re.match(r"^(\d{4})(\d{2})(\d{2})$", s)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    day_month_year, month_day_year = _textual_date_patterns()
    m = day_month_year.match(s)
    if m:
        return _iso(int(m[3]), _month_number(m[2]), int(m[1]))
    m = month_day_year.match(s)
    if m:
        return _iso(int(m[3]), _month_number(m[1]), int(m[2]))
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return _iso(parsed.year, parsed.month, parsed.day) if parsed else None
