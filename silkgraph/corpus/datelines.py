"""The dateline that opens an Arabic article, such as "أستانا 17 يونيو 2025 (شينخوا)": date,
place and news agency.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from silkgraph.corpus.dates import _fold, _iso
from silkgraph.corpus.names import _month_number, _month_pattern, agency_source, not_place_words


@dataclass(frozen=True)
class Dateline:
    """What an article's opening dateline says; ``date`` is "" when it names none or an invalid one."""

    date: str = ""
    source: str = ""
    place: str = ""
    invalid: str = ""  # "YYYY-MM-DD" as written, when that is not a valid date


@lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern[str]:
    months = _month_pattern()
    return re.compile(
        r"^\s*(?:(?P<place>[^\d()\[\]\n.!?؟:]{1,60}?)\s*[،,\-–—]?\s*)?"
        r"(?:(?P<day>\d{1,2})\s*(?P<month>" + months + r")"
        r"(?:\s*(?:/|\(|-)\s*(?P<month2>" + months + r")\s*\)?)?"
        r"\s*[،,]?\s*(?P<year>\d{4})"
        r"|(?P<nday>\d{1,2})\s*[/.\-]\s*(?P<nmonth>\d{1,2})\s*[/.\-]\s*(?P<nyear>\d{4}))"
        r"(?:\s*م)?(?![\w])"  # "2025م": the Gregorian-year mark
        r"(?:\s*[،,]?\s*\(\s*(?P<agency>[^()\n]{1,40}?)\s*\))?",
        re.I)


def find_agency(text: str, window: int = 300) -> str:
    """The source named by the first known agency in parentheses near the start of ``text``.

    >>> find_agency("بكين (شينخوا) قال متحدث ..."), find_agency("قال (الثلاثاء) ...")
    ('Xinhua', '')
    """
    for m in re.finditer(r"\(\s*([^()\n]{1,40}?)\s*\)", text[:window]):
        source = agency_source(m[1])
        if source:
            return source
    return ""


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the very start of ``text`` (one line), or None.

    Day, month (Egyptian, Levantine or Maghrebi name, or both as "كانون الثاني/يناير" or
    "أيلول (سبتمبر)") and year, in Arabic-Indic or ASCII digits, after an optional place,
    then an optional news agency in parentheses.

    >>> find_dateline("أستانا 17 يونيو 2025 (شينخوا) دعا الرئيس ...")
    Dateline(date='2025-06-17', source='Xinhua', place='أستانا', invalid='')
    >>> find_dateline("بكين، 3 كانون الثاني/يناير 2024 (شينخوا) -- قال ...").date
    '2024-01-03'
    >>> find_dateline("موسكو ٥ أيلول (سبتمبر) ٢٠٢٣ (د ب أ)").source
    'dpa'
    >>> find_dateline("قال الرئيس إن 17 دولة ...") is None, find_dateline("وفي 17 يونيو 2025 عقدت القمة") is None
    (True, True)
    """
    line = text.lstrip().split("\n", 1)[0][:300]
    m = _dateline_pattern().match(_fold(line))
    if not m:
        return None
    if m["day"]:
        day, month, year = int(m["day"]), _month_number(m["month"]), int(m["year"])
    else:
        day, month, year = int(m["nday"]), int(m["nmonth"]), int(m["nyear"])
    place = (m["place"] or "").strip(" ،,-–—")
    words = re.findall(r"\w+", place)
    if len(words) > 1 and words[-1] == "في":  # "بكين في 17 يونيو": the place, then "on"
        words.pop()
        place = place[: place.rindex("في")].strip(" ،,-–—")
    if len(words) > 4 or not not_place_words().isdisjoint(words):
        return None  # a sentence that happens to open with a date, not a dateline
    iso = _iso(year, month, day) or ""
    source = agency_source(m["agency"]) if m["agency"] else ""
    # the place as written (folding changed letters, not word count)
    place_words = line.split()[: len(place.split())] if place else []
    return Dateline(date=iso, source=source or find_agency(line),
                    place=" ".join(place_words).strip(" ،,-–—"),
                    invalid="" if iso else f"{year:04d}-{month:02d}-{day:02d}")
