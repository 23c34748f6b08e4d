"""Component ``silk_dateline``: the dispatch's dateline (أستانا 17 يونيو 2025 (شينخوا)).

A dateline says where and when a dispatch was filed and by which agency; it is article metadata
(``silkgraph.corpus`` reads the date and source from it), not part of what the article reports.
So the agency named in it is no entity of the graph, and its place is never a party to a
relation; the place is kept on the Doc (``doc._.silk_dateline``) for the relations that need
it: a visiting minister (الزائر) is visiting the dateline's place.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import doc_text
from silkgraph.extract.lexicon import lexicon_for, roles
from silkgraph.normalize import word_key
from silkgraph.corpus import find_dateline
from silkgraph.corpus.names import agency_source

ROLE = roles()
YEAR = re.compile(r"^[0-9٠-٩]{4}$")
MAX_DATELINE_TOKENS = 16
MAX_AGENCY_TOKENS = 6  # the words after a dateline's date that may still be its agency (– وكالة سبوتنيك)
DASHES = ("-", "–", "—")  # a dash between the date and the agency (أستانا – 26 أبريل 2024 – (RT))
AGENCY_MARKS = {"(": ")", "/": "/"}  # what opens the agency's name, and what closes it

if not Doc.has_extension("silk_dateline"):
    Doc.set_extension("silk_dateline", default=None)


@Language.factory("silk_dateline", default_config={"gazetteer_dir": "", "lexicon_dir": ""})
def make_dateline(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str):
    return DatelineFinder(lexicon_for(gazetteer_dir, lexicon_dir).words("dateline_word"))


def dateline_line(doc: Doc, words: set[str]) -> tuple[int, int] | None:
    """A line after the headline that only says where and from whom (عشق آباد - من مراسل الأهرام:،
    بكين/ الأناضول، أورومتشي (الصين): «الشرق الأوسط»): its token span, opening with a place, or None.
    Besides names it holds only punctuation and the words ``dateline_word``."""
    first_line = next(doc.sents, None) if doc.has_annotation("SENT_START") else None
    newline = next((k for k in (first_line.end - 1, first_line.end) if k < len(doc) and "\n" in doc[k].text),
                   None) if first_line is not None else None  # the headline ends its sentence at a line break
    if newline is None:
        return None
    start = newline + 1
    while start < len(doc) and doc[start].is_space:
        start += 1
    stop = min(len(doc), start + MAX_DATELINE_TOKENS + 1)
    end = next((k for k in range(start, stop) if "\n" in doc[k].text), len(doc) if stop == len(doc) else 0)
    first = next((e for e in doc.ents if e.start == start), None) if end else None
    if first is None or first.label_ not in (ROLE.city, ROLE.country):
        return None  # (a line longer than a dateline's, or no place first)
    return (start, end) if dateline_material(doc, start, end, words) else None


def dateline_material(doc: Doc, start: int, end: int, words: set[str]) -> bool:
    """Whether ``doc[start:end]`` holds only names, punctuation, figures, known agencies and ``words``
    (– سبوتنيك).

    >>> import spacy
    >>> doc = spacy.blank("ar")("– سبوتنيك")
    >>> dateline_material(doc, 0, len(doc), set()), dateline_material(spacy.blank("ar")("قال الوزير"), 0, 2, set())
    (True, False)
    """
    named = {k for e in doc.ents if start <= e.start and e.end <= end for k in range(e.start, e.end)}
    return all(k in named or doc[k].is_punct or doc[k].is_space or doc[k].like_num
               or word_key(doc[k].text) in words or agency_source(doc[k].text) for k in range(start, end))


def dateline_tokens(doc: Doc) -> tuple[int, int] | None:
    """The token span of the dateline opening the first line or the line after a headline.

    >>> import spacy
    >>> nlp = spacy.blank("ar")
    >>> doc = nlp("أستانا 17 يونيو 2025 (شينخوا) دعا الرئيس")
    >>> start, end = dateline_tokens(doc); doc[start:end].text
    'أستانا 17 يونيو 2025 (شينخوا)'
    >>> doc = nlp("دوشنبه 12 مايو 2019 /صحيفة الشعب اليومية أونلاين/ اختتم")
    >>> start, end = dateline_tokens(doc); doc[start:end].text
    'دوشنبه 12 مايو 2019 /صحيفة الشعب اليومية أونلاين/'
    >>> dateline_tokens(nlp("قال الرئيس إن 17 دولة وقعت")) is None
    True
    """
    first_break = next((t.i + 1 for t in doc if "\n" in t.text), None)  # (the first line break only)
    for start in [0] + ([first_break] if first_break is not None else []):
        while start < len(doc) and doc[start].is_space:
            start += 1
        # a dateline is read from one line of its first 300 characters: not the rest of the article
        if start >= len(doc) or find_dateline(doc_text(doc)[doc[start].idx:doc[start].idx + 400]) is None:
            continue
        stop = min(len(doc), start + MAX_DATELINE_TOKENS)
        year = next((t.i for t in doc[start:stop] if YEAR.match(t.text)), None)
        if year is None:
            continue
        end = year + 1
        agency = end + 1 if end + 1 < len(doc) and doc[end].text in DASHES else end  # 2024 – (RT)
        opening = doc[agency].text[:1] if agency < len(doc) else ""
        if opening in AGENCY_MARKS:  # (شينخوا)، /صحيفة الشعب اليومية أونلاين/ (a mark may be glued to a word)
            close = next((t.i for t in doc[agency:stop] if t.text.endswith(AGENCY_MARKS[opening])
                          and (t.i > agency or len(t.text) > 1)), None)
            if close is not None:
                end = close + 1
        return start, end
    return None


class DatelineFinder:
    """Drops the agency named in the dateline and keeps the dateline, with its place, on the Doc.
    The dateline runs to the end of its line when all that follows is an agency (… 2014 – سبوتنيك),
    and a line that only names a place and an outlet is one too (``dateline_line``)."""

    def __init__(self, words: set[str] = frozenset()):
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        span = dateline_tokens(doc) or dateline_line(doc, self.words)
        doc._.silk_dateline = None
        if span is None:
            return doc
        start, end = span
        stop = min(len(doc), end + MAX_AGENCY_TOKENS + 1)
        line_end = next((k for k in range(end, stop) if "\n" in doc[k].text), len(doc) if stop == len(doc) else 0)
        if end < line_end <= end + MAX_AGENCY_TOKENS and dateline_material(doc, end, line_end, self.words):
            end = line_end
        inside = [e for e in doc.ents if start <= e.start and e.end <= end]
        agencies = [e for e in inside if e.label_ == ROLE.organization]
        if agencies:
            doc.ents = [e for e in doc.ents if e not in agencies]
        place = next((e for e in inside if e.label_ in (ROLE.city, ROLE.country) and e.kb_id_), None)
        doc._.silk_dateline = Span(doc, start, end, label="DATELINE",
                                   kb_id=place.kb_id_ if place is not None else "")
        return doc
