"""Reading articles from disk: .txt, .md, .html/.htm and .jsonl files, or folders of them.

``read_corpus(paths)`` is the I/O edge: it walks folders, reads bytes, and reports every
file it could not use as a ``Problem`` (never a silent skip, never an exception for bad
input). Everything else here is a pure function over bytes or text:

- ``decode_bytes``: UTF-8 (BOM or not), UTF-16/32 with a BOM, Arabic Windows-1256 (with a
  note); binary or undecodable data raises ``DecodeProblem``.
- ``parse_text`` / ``parse_markdown`` / ``parse_html`` / ``parse_jsonl_line``: text, title
  and metadata of one article.
- ``find_dateline`` / ``find_agency``: date and news agency from an Arabic dateline such as
  "أستانا 17 يونيو 2025 (شينخوا)"; month and agency names are data
  (``data/months.tsv``, ``data/agencies.tsv``).
- ``parse_date``: a metadata date in a common format, as ISO ``YYYY-MM-DD``.

Date and source come from explicit metadata first, else from the dateline, else stay "":
never from a file's modification time.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from silkgraph.normalize import normalize_letters
from silkgraph.records import Article
from silkgraph.tables import read_tsv

DATA = Path(__file__).with_name("data")
MONTHS_PATH = DATA / "months.tsv"
AGENCIES_PATH = DATA / "agencies.tsv"
NOT_PLACES_PATH = DATA / "dateline_not_places.txt"

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
SKIPPED, NOTE = "skipped", "note"
MAX_ARTICLE_BYTES = 20 * 10**6  # one news article is some kB; a file this big is something else
MIN_ARABIC_SHARE = 0.3  # an article fewer of whose letters are Arabic is not one silkgraph can read

# Arabic-Indic and Eastern Arabic-Indic (Persian) digits -> ASCII, one char for one char
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SENTENCE_END = ".!?؟…:؛"
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30


# --- records ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something ``read_corpus`` could not use (``skipped``) or did on the user's behalf (``note``).

    >>> str(Problem("a.jsonl", 3, "malformed JSON", "skipped"))
    'a.jsonl:3: skipped: malformed JSON'
    """

    path: str
    line: int | None
    message: str
    severity: str = SKIPPED  # "skipped" | "note"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class CorpusResult:
    """The articles read, and the problems met on the way."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == SKIPPED]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == NOTE]


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


class DecodeProblem(ValueError):
    """Bytes that are not text silkgraph can read; the message says why."""


# --- data files -----------------------------------------------------------------------------


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


def _fold(text: str) -> str:
    """Digits to ASCII and Arabic letters folded, for matching datelines and dates."""
    return normalize_letters(text.translate(_DIGITS))


def _month_number(name: str) -> int:
    return month_names()[_name_key(name)]


# --- dates ----------------------------------------------------------------------------------


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


def _date_field(value: object, what: str, notes: list[str]) -> str:
    """A metadata date as ISO, or "" with a note saying the value was not a date."""
    if value is None or value == "":
        return ""
    iso = parse_date(value) if isinstance(value, str) else None
    if iso is None:
        notes.append(f"{what} {value!r} is not a valid date; date left empty")
        return ""
    return iso


# --- datelines ------------------------------------------------------------------------------


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


# --- decoding ---------------------------------------------------------------------------------


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _control_ratio(text: str) -> float:
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    return controls / max(len(text), 1)


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


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate (a JSON ``\\ud800`` escape) replaced by U+FFFD, and
    how many were replaced; a string with one cannot be encoded, so it is made valid where it is read.

    >>> valid_text("شي \\ud800 جين")
    ('شي \\ufffd جين', 1)
    """
    return _SURROGATE.subn("\ufffd", text)


def _declared_charset(data: bytes) -> str:
    m = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:4096])
    return m[1].decode("ascii").lower() if m else ""


def decode_bytes(data: bytes, declared: str = "") -> tuple[str, str]:
    """The text of ``data`` and a note ("" when none) on how it was read.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as such. Other data
    is read in ``declared`` (an HTML charset) when that decodes it, else as Windows-1256
    when that gives mostly Arabic letters (with a note). NUL bytes, control characters or
    anything else raise ``DecodeProblem``. Line ends become "\\n".

    >>> decode_bytes("سلام".encode("utf-8-sig"))
    ('سلام', '')
    >>> decode_bytes("سلام عليكم".encode("cp1256"))[1]
    'not UTF-8: read as Windows-1256 (Arabic)'
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    ...
    silkgraph.corpus.DecodeProblem: binary file (NUL bytes); if it is UTF-16 text, save it with a BOM or as UTF-8
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeProblem(f"starts with a {codec.upper()} byte-order mark but is not valid {codec}: "
                                    f"{exc.reason} at byte {exc.start}") from None
            return _lines(text), ""
    if b"\x00" in data:
        raise DecodeProblem("binary file (NUL bytes); if it is UTF-16 text, save it with a BOM or as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_ratio(text) > 0.01:
            raise DecodeProblem("binary file (control characters)")
        return _lines(text), ""
    if declared and declared.replace("-", "").replace("_", "") not in ("utf8", "utf8sig"):
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if _control_ratio(text) <= 0.01:
                return _lines(text), f"not UTF-8: read as {declared}, the charset the file declares"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _control_ratio(text) <= 0.01 and _arabic_ratio(text) >= 0.5:
        return _lines(text), "not UTF-8: read as Windows-1256 (Arabic)"
    raise DecodeProblem("not readable text: neither UTF-8 nor Arabic Windows-1256; save it as UTF-8")


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- plain text -------------------------------------------------------------------------------


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


def parse_text(text: str) -> Parsed:
    """A plain-text article: the whole text, its headline as the title.

    >>> p = parse_text("عنوان الخبر\\nأستانا 17 يونيو 2025 (شينخوا) دعا الرئيس ...")
    >>> p.title, p.date, p.source
    ('عنوان الخبر', '2025-06-17', 'Xinhua')
    """
    text = text.strip()
    return apply_dateline(Parsed(text=text, title=headline(text)))


# --- markdown ---------------------------------------------------------------------------------


def _front_matter(text: str) -> tuple[dict[str, object], str, str]:
    """(fields, body, problem) of a text that may open with YAML-ish ``---`` or TOML ``+++`` front matter."""
    m = re.match(r"^(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|$)", text, re.S)
    if not m:
        return {}, text, ""
    block, body = m[2], text[m.end():]
    if m[1] == "+++":
        try:
            return {k.lower(): v for k, v in tomllib.loads(block).items()}, body, ""
        except tomllib.TOMLDecodeError as exc:
            return {}, body, f"front matter is not valid TOML ({exc}); ignored"
    fields: dict[str, object] = {}
    for line in block.split("\n"):
        kv = re.match(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", line)
        if kv:
            value = kv[2]
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[kv[1].lower()] = value
    return fields, body, ""


def _markdown_to_text(body: str) -> tuple[str, str]:
    """(plain text, first heading) of a markdown body; markup removed, words kept."""
    out, title, level, fenced = [], "", 7, False
    for line in body.split("\n"):
        if re.match(r"^\s*(```|~~~)", line):
            fenced = not fenced
            continue
        if not fenced:
            heading = re.match(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line)
            if heading:
                line = heading[2]
                if len(heading[1]) < level:
                    title, level = _inline_markdown(line), len(heading[1])
            elif re.match(r"^\s*([-*_]\s*){3,}$", line):
                continue
            line = re.sub(r"^\s*>\s?", "", line)
            line = re.sub(r"^\s*[-*+]\s+", "", line)
        out.append(_inline_markdown(line))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
    return text, title


def _inline_markdown(line: str) -> str:
    line = re.sub(r"<!--.*?-->", "", line)
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
    line = re.sub(r"\*(\S(?:.*?\S)?)\*", r"\1", line)
    line = re.sub(r"`([^`]*)`", r"\1", line)
    line = re.sub(r"</?[A-Za-z][^>]*>", "", line)
    return html.unescape(line).strip()


def parse_markdown(text: str) -> Parsed:
    """A markdown article: front matter (title, date, source, url), then the text without markup.

    >>> p = parse_markdown("---\\ndate: 17/06/2025\\n---\\n# قمة أستانا\\n\\nنص **الخبر**.")
    >>> p.title, p.date, p.text
    ('قمة أستانا', '2025-06-17', 'قمة أستانا\\n\\nنص الخبر.')
    """
    fields, body, problem = _front_matter(text.strip())
    notes = [problem] if problem else []
    plain, heading = _markdown_to_text(body)
    title = str(fields.get("title") or "") or heading or headline(plain)
    date_value = fields.get("date")
    if isinstance(date_value, (dt.date, dt.datetime)):  # TOML front matter has real dates
        date_value = date_value.isoformat()
    parsed = Parsed(text=plain, title=title.strip(), notes=notes,
                    date=_date_field(date_value, "front matter date", notes),
                    source=_source_field(fields.get("source")), url=str(fields.get("url") or ""))
    return apply_dateline(parsed)


def _source_field(value: object) -> str:
    """A metadata source: a known agency spelling becomes its source name, anything else stays."""
    if value is None:
        return ""
    value = str(value).strip()
    return agency_source(value) or value


# --- HTML -------------------------------------------------------------------------------------


_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "template",
              "svg", "iframe", "button", "select", "figure", "figcaption"}
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "tr", "section",
               "article", "pre", "dd", "dt", "table", "ul", "ol"}
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
              "publishdate", "dc.date", "dc.date.issued", "dcterms.created")


class _ArticleHTML(HTMLParser):
    """Collects title, meta fields, the text of <article> and of <p> paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.h1: list[str] = []
        self.time_datetime = ""
        self.canonical = ""
        self.article_blocks: list[list[str]] = []
        self.paragraphs: list[list[str]] = []
        self.body_blocks: list[list[str]] = [[]]
        self._skip = 0
        self._article = 0
        self._in_title = False
        self._in_h1 = False
        self._in_p = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            name = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if name and "content" in a:
                self.meta.setdefault(name, a["content"].strip())
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
            return
        if tag == "time" and a.get("datetime") and not self.time_datetime and not self._skip:
            self.time_datetime = a["datetime"]
        if tag in _SKIP_TAGS:
            self._skip += 1
            return
        if tag == "title":
            self._in_title = True
        if self._skip:
            return
        if tag == "article":
            self._article += 1
        if tag in _BLOCK_TAGS:
            self._break()
        if tag == "h1" and not self.h1:
            self._in_h1 = True
        if tag == "p":
            self._in_p = True
            self.paragraphs.append([])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <meta .../>: never open an element
        if tag in _SKIP_TAGS:
            return
        self.handle_starttag(tag, attrs)
        if tag in ("p", "h1", "article", "title"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag == "title":
            self._in_title = False
        if self._skip:
            return
        if tag in _BLOCK_TAGS:
            self._break()
        if tag == "article":
            self._article = max(0, self._article - 1)
        if tag == "h1":
            self._in_h1 = False
        if tag == "p":
            self._in_p = False

    def _break(self) -> None:
        for blocks in (self.article_blocks, self.body_blocks):
            if not blocks or blocks[-1]:
                blocks.append([])

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip:
            return
        if self._in_h1:
            self.h1.append(data)
        if self._article:
            if not self.article_blocks:
                self.article_blocks.append([])
            self.article_blocks[-1].append(data)
        if self._in_p and self.paragraphs:
            self.paragraphs[-1].append(data)
        self.body_blocks[-1].append(data)


def _join_blocks(blocks: list[list[str]]) -> str:
    lines = [" ".join("".join(b).split()) for b in blocks]
    return "\n".join(ln for ln in lines if ln)


def parse_html(text: str) -> Parsed:
    """An HTML article: the text of <article> (else of the <p> paragraphs, else of the body)
    without scripts, styles, navigation, headers, footers and forms; entities unescaped.

    Title: og:title, else the first <h1>, else <title>. Date: meta article:published_time
    (or date, pubdate, datePublished …), else <time datetime>, else the dateline.

    >>> p = parse_html('<html><head><title>T</title><meta property="article:published_time" '
    ...   'content="2025-06-17T08:00:00Z"></head><body><nav>القائمة</nav><article><h1>قمة</h1>'
    ...   '<p>زار شي &amp; توكاييف أستانا.</p><script>x()</script></article></body></html>')
    >>> p.title, p.date, p.text
    ('قمة', '2025-06-17', 'قمة\\nزار شي & توكاييف أستانا.')
    """
    parser = _ArticleHTML()
    parser.feed(text)
    parser.close()
    body = _join_blocks(parser.article_blocks) or _join_blocks(parser.paragraphs) or _join_blocks(parser.body_blocks)
    meta = parser.meta
    title = (meta.get("og:title") or " ".join("".join(parser.h1).split())
             or " ".join("".join(parser.title_parts).split()))
    notes: list[str] = []
    date_value, what = "", ""
    for key in _DATE_META:
        if meta.get(key):
            date_value, what = meta[key], f"meta {key}"
            break
    if not date_value and parser.time_datetime:
        date_value, what = parser.time_datetime, "<time datetime>"
    source = meta.get("source") or meta.get("original-source") or ""
    parsed = Parsed(text=body, title=html.unescape(title), notes=notes,
                    date=_date_field(date_value, what, notes), source=_source_field(source or None),
                    url=meta.get("og:url") or parser.canonical)
    return apply_dateline(parsed)


# --- JSON lines -------------------------------------------------------------------------------


class LineProblem(ValueError):
    """A JSONL line that holds no usable article; the message says why."""


def parse_jsonl_line(line: str) -> Parsed:
    """One JSONL line: an object with ``text`` (required), ``title``, ``date``, ``source``,
    ``url`` and ``id`` (optional). Raises ``LineProblem`` for a line that is not one.

    >>> p = parse_jsonl_line('{"id": 7, "text": "بكين 3 يونيو 2025 (شينخوا) ...", "date": "17/06/2025"}')
    >>> p.doc_id, p.date, p.source
    ('7', '2025-06-17', 'Xinhua')
    >>> parse_jsonl_line('{"title": "x"}')
    Traceback (most recent call last):
    ...
    silkgraph.corpus.LineProblem: no "text" field
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineProblem(f"malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise LineProblem(f"not a JSON object but {type(obj).__name__}")
    notes: list[str] = []
    replaced = 0
    for key, value in obj.items():
        if isinstance(value, str):
            obj[key], n = valid_text(value)
            replaced += n
    if replaced:
        notes.append(f"{replaced} lone surrogate escape{'s' if replaced > 1 else ''} (not a character) "
                     f"replaced by U+FFFD")
    if "text" not in obj:
        raise LineProblem('no "text" field')
    if not isinstance(obj["text"], str):
        raise LineProblem(f'"text" is not a string but {type(obj["text"]).__name__}')
    text = _lines(obj["text"]).strip()
    if not text:
        raise LineProblem('empty "text"')

    def string(key: str) -> str:
        value = obj.get(key)
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            notes.append(f'"{key}" is not a string; ignored')
            return ""
        return str(value).strip()

    title = string("title")
    parsed = Parsed(text=text, title=title or headline(text), doc_id=string("id"), url=string("url"),
                    source=_source_field(string("source") or None), notes=notes)
    parsed.date = _date_field(obj.get("date"), '"date"', notes)
    return apply_dateline(parsed)


# --- reading files ----------------------------------------------------------------------------


def _walk(folder: Path, problems: list[Problem]) -> Iterator[Path]:
    """Files under ``folder`` in a stable order; hidden entries and other extensions reported."""
    for root, dirs, files in os.walk(folder, onerror=lambda e: problems.append(
            Problem(str(e.filename or folder), None, f"cannot list folder: {e.strerror}"))):
        for d in sorted(dirs):
            if d.startswith("."):
                problems.append(Problem(str(Path(root) / d), None, "hidden folder, not read"))
            elif (Path(root) / d).is_symlink():  # os.walk does not follow them (a link may loop)
                problems.append(Problem(str(Path(root) / d), None, "symbolic link to a folder, not followed; "
                                                                   "name the folder itself to read it"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith("."):
                problems.append(Problem(str(path), None, "hidden file, not read"))
            elif path.suffix.lower() not in ARTICLE_SUFFIXES:
                problems.append(Problem(str(path), None, f"unsupported extension {path.suffix or '(none)'!r}; "
                                                         f"silkgraph reads {', '.join(ARTICLE_SUFFIXES)}"))
            elif not path.is_file():  # a FIFO would block the read; a broken link has nothing to read
                problems.append(Problem(str(path), None, "broken symbolic link" if path.is_symlink()
                                        else "not a regular file"))
            else:
                yield path


def _shown_path(file: Path, folder: Path | None) -> str:
    """Where an article came from, as the graph keeps it: relative to the folder named (with its
    name), or the file name alone; never an absolute local path.

    >>> _shown_path(Path("/home/me/news/seeds/kz/a.txt"), Path("/home/me/news/seeds")), _shown_path(Path("/tmp/b.md"), None)
    ('seeds/kz/a.txt', 'b.md')
    """
    if folder is None:
        return file.name
    name = folder.name or folder.resolve().name
    return (Path(name) / file.relative_to(folder)).as_posix()


def _candidate_files(paths: Sequence[str | Path], problems: list[Problem]) -> Iterator[tuple[Path, str]]:
    """(file, path as shown in the graph) for every article file under ``paths``."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        folder = path if path.is_dir() else None
        if path.is_dir():
            found = _walk(path, problems)
        elif path.is_file():
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                problems.append(Problem(str(path), None, f"unsupported extension {path.suffix or '(none)'!r}; "
                                                         f"silkgraph reads {', '.join(ARTICLE_SUFFIXES)}"))
                continue
            found = iter([path])
        elif path.exists():
            problems.append(Problem(str(path), None, "not a regular file or folder"))
            continue
        else:
            problems.append(Problem(str(path), None, "no such file or folder"))
            continue
        for file in found:
            key = file.resolve()
            if key in seen:
                problems.append(Problem(str(file), None, "named more than once; read once", NOTE))
                continue
            seen.add(key)
            yield file, _shown_path(file, folder)


def _jsonl_lines(data: bytes) -> Iterator[tuple[int, str | None, str]]:
    """(line number, text, how it was read) of each non-blank line of a JSONL file's bytes.

    Each line is decoded on its own, so one binary line (a NUL byte, control characters) is
    that line's problem (text None, the reason in the third place), not the whole file's. A
    file with a UTF-16/32 byte-order mark is decoded whole first.

    >>> [(n, text, how) for n, text, how in _jsonl_lines(b'{"text": 1}\\n\\x00\\x01\\n\\n{}')]
    [(1, '{"text": 1}', ''), (2, None, 'binary file (NUL bytes); if it is UTF-16 text, save it with a BOM or as UTF-8'), (4, '{}', '')]
    """
    if any(data.startswith(bom) for bom, codec in _BOMS if codec != "utf-8-sig"):
        text, how = decode_bytes(data)  # DecodeProblem: the file's own problem
        lines: Iterator[bytes | str] = iter(text.split("\n"))
    else:
        lines = iter(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"))
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue  # blank lines separate nothing and hold nothing
        if isinstance(line, str):
            yield number, line, ""
            continue
        try:
            text, how = decode_bytes(line)
        except DecodeProblem as exc:
            yield number, None, str(exc)
            continue
        yield number, text, how


def _parse_jsonl(where: str, data: bytes) -> tuple[list[tuple[int | None, Parsed]], list[Problem]]:
    found: list[tuple[int | None, Parsed]] = []
    problems: list[Problem] = []
    try:
        lines = list(_jsonl_lines(data))
    except DecodeProblem as exc:
        return [], [Problem(where, None, str(exc))]
    hows = []
    for number, line, how in lines:
        if line is None:
            problems.append(Problem(where, number, how))
            continue
        if how and how not in hows:
            hows.append(how)
        try:
            found.append((number, parse_jsonl_line(line)))
        except LineProblem as exc:
            problems.append(Problem(where, number, str(exc)))
    problems = [Problem(where, None, how, NOTE) for how in hows] + problems
    if not lines:
        problems.append(Problem(where, None, "empty file"))
    elif not found and not any(p.line for p in problems):
        problems.append(Problem(where, None, "no article in the file"))
    return found, problems


def parse_file(path: str | Path, data: bytes) -> tuple[list[tuple[int | None, Parsed]], list[Problem]]:
    """(line, article) pairs and problems of one file's bytes (``path`` names it and gives its
    type by extension; nothing is read from disk). JSONL is judged line by line.

    >>> found, problems = parse_file("feed.jsonl", '{"text": "زار شي أستانا"}\\n\\x00\\n'.encode())
    >>> [(line, p.text) for line, p in found], [str(p) for p in problems]
    ([(1, 'زار شي أستانا')], ['feed.jsonl:2: skipped: binary file (NUL bytes); if it is UTF-16 text, save it with a BOM or as UTF-8'])
    """
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return _parse_jsonl(where, data)
    declared = _declared_charset(data) if suffix in (".html", ".htm") else ""
    try:
        text, how = decode_bytes(data, declared)
    except DecodeProblem as exc:
        return [], [Problem(where, None, str(exc))]
    problems = [Problem(where, None, how, NOTE)] if how else []
    if not text.strip():
        return [], problems + [Problem(where, None, "empty file")]
    parsed = {".md": parse_markdown, ".html": parse_html, ".htm": parse_html}.get(suffix, parse_text)(text)
    if not parsed.text.strip():
        what = "no article text found in the HTML" if suffix in (".html", ".htm") else "empty file"
        return [], problems + [Problem(where, None, what)]
    return [(None, parsed)], problems


def _safe_id(doc_id: str) -> str:
    # "|" separates list items in graph attributes, so it cannot be part of a doc id
    return "-".join(doc_id.split("|")).strip()


def read_corpus(paths: Sequence[str | Path]) -> CorpusResult:
    """Articles from files and folders, and every problem met (see the module docstring).

    Folders are walked recursively for .txt, .md, .html/.htm and .jsonl files; anything
    else (a symbolic link to a folder, an article that is not Arabic) is reported, not
    silently ignored. ``Article.path`` is relative to the folder named (``seeds/a.txt``) or
    the file name, never an absolute local path: it goes into every export. doc_id is the file stem (JSONL: the ``id`` field,
    else ``stem:line``), made unique across the corpus with a "~2", "~3" … suffix and a note.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("أستانا 17 يونيو 2025 (شينخوا) زار شي أستانا.", encoding="utf-8")
    >>> _ = (folder / "notes.pdf").write_bytes(b"%PDF")
    >>> result = read_corpus([folder, folder / "missing.txt"])
    >>> [(a.doc_id, a.date, a.source) for a in result.articles]
    [('a', '2025-06-17', 'Xinhua')]
    >>> [p.message.split(";")[0] for p in result.problems]
    ["unsupported extension '.pdf'", 'no such file or folder']
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    result = CorpusResult()
    used: dict[str, str] = {}
    for path, shown in _candidate_files(paths, result.problems):
        try:
            size = path.stat().st_size
            if size > MAX_ARTICLE_BYTES and path.suffix.lower() != ".jsonl":
                result.problems.append(Problem(str(path), None, f"too large for one article ({size / 1e6:.0f} MB; "
                                                                f"the limit is {MAX_ARTICLE_BYTES // 10**6} MB): "
                                                                f"split it, or put its articles in a .jsonl file"))
                continue
            data = path.read_bytes()
        except OSError as exc:
            result.problems.append(Problem(str(path), None, f"cannot read: {exc.strerror or exc}"))
            continue
        found, problems = parse_file(path, data)
        result.problems.extend(problems)
        for line, parsed in found:
            where = str(path)
            if not is_arabic(parsed.text):
                result.problems.append(Problem(where, line, "not Arabic (silkgraph reads Arabic articles)"))
                continue
            for note in parsed.notes:
                result.problems.append(Problem(where, line, note, NOTE))
            wanted = _safe_id(parsed.doc_id or (f"{path.stem}:{line}" if line is not None else path.stem)) or path.stem
            doc_id, n = wanted, 1
            while doc_id in used:
                n += 1
                doc_id = f"{wanted}~{n}"
            if doc_id != wanted:
                result.problems.append(Problem(where, line, f"doc id {wanted!r} already used by {used[wanted]}; "
                                                            f"this article is {doc_id!r}", NOTE))
            used[doc_id] = where if line is None else f"{where}:{line}"
            result.articles.append(Article(doc_id=doc_id, text=parsed.text, title=parsed.title, date=parsed.date,
                                           source=parsed.source, url=parsed.url, path=shown))
    return result


__all__ = ["ARTICLE_SUFFIXES", "CorpusResult", "DecodeProblem", "Dateline", "LineProblem", "Parsed", "Problem",
           "agency_source", "apply_dateline", "decode_bytes", "find_agency", "find_dateline", "headline",
           "is_arabic", "month_names", "parse_date", "parse_file", "parse_html", "parse_jsonl_line",
           "parse_markdown", "parse_text", "read_corpus", "valid_text"]

