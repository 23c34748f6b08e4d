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

from silkgraph.extract.lexicon import roles
from silkgraph.corpus import find_dateline

ROLE = roles()
YEAR = re.compile(r"^[0-9٠-٩]{4}$")
MAX_DATELINE_TOKENS = 16
DASHES = ("-", "–", "—")  # a dash between the date and the agency (أستانا – 26 أبريل 2024 – (RT))
AGENCY_MARKS = {"(": ")", "/": "/"}  # what opens the agency's name, and what closes it

if not Doc.has_extension("silk_dateline"):
    Doc.set_extension("silk_dateline", default=None)


@Language.factory("silk_dateline")
def make_dateline(nlp: Language, name: str):
    return DatelineFinder()


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
    line_starts = [0] + [t.i + 1 for t in doc if "\n" in t.text][:1]
    for start in line_starts:
        while start < len(doc) and doc[start].is_space:
            start += 1
        if start >= len(doc) or find_dateline(doc[start:].text) is None:
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
    """Drops the agency named in the dateline and keeps the dateline, with its place, on the Doc."""

    def __call__(self, doc: Doc) -> Doc:
        span = dateline_tokens(doc)
        doc._.silk_dateline = None
        if span is None:
            return doc
        start, end = span
        inside = [e for e in doc.ents if start <= e.start and e.end <= end]
        agencies = [e for e in inside if e.label_ == ROLE.organization]
        if agencies:
            doc.ents = [e for e in doc.ents if e not in agencies]
        place = next((e for e in inside if e.label_ in (ROLE.city, ROLE.country) and e.kb_id_), None)
        doc._.silk_dateline = Span(doc, start, end, label="DATELINE",
                                   kb_id=place.kb_id_ if place is not None else "")
        return doc
