"""Component ``silk_byline``: the datelines ``silk_dateline`` does not read, where web outlets put
their name: a place, a dash (or colon, slash) and the outlet, undated, alone on its line or before
a full stop (عشق آباد - الجزيرة نت، طشقند – سبوتنيك.، بشكيك: «الشرق الأوسط»، طشقند/ الأناضول), a
dated dateline with the outlet between slashes (دوشانبي 25 أكتوبر 2016 /صحيفة الشعب اليومية أونلاين/),
and a place with a day and month but no year, or no date, then the outlet in brackets (موسكو، 15 مايو
(وكالة نوفوستي) -).

As with ``silk_dateline``, the outlet is article metadata, not an entity (an organisation, or the
region a paper is named after: الشرق الأوسط), and the place is kept as the dispatch's place. An
outlet is a known agency (``silkgraph/data/agencies.tsv``) or one organisation name filling the
words after the separator (with a trailing web word: نت، أونلاين, ``outlet_suffix`` of
``boundaries_bylines.tsv``); the line holds at most ``max_outlet_tokens`` words after the place.
"""
from __future__ import annotations

from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span

from silkgraph.corpus.names import _name_key, agency_source, month_names
from silkgraph.extract.lexicon import Lexicon, lexicon_for, roles
from silkgraph.normalize import word_key
from silkgraph.extract.surface import COMMAS

ROLE = roles()
SEPARATORS = frozenset({"-", "–", "—", ":", "/", "|"})
QUOTES = frozenset("\"«»“”„'")
PLACES = (ROLE.city, ROLE.country)
OUTLETS = (ROLE.organization, ROLE.region)  # a paper named after a region (الشرق الأوسط)


@Language.factory("silk_byline", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_outlet_tokens": 5})
def make_byline(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_outlet_tokens: int):
    """Undated bylines and outlets between slashes, as datelines.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("عنوان الخبر\\n\\nعشق آباد - الجزيرة نت\\n\\nوقعت تركمانستان والصين اتفاقا.")
    >>> doc._.silk_dateline.text, [e.text for e in doc.ents if e.label_ == "Organization"]
    ('عشق آباد - الجزيرة نت', [])
    """
    return BylineFinder(lexicon_for(gazetteer_dir, lexicon_dir), max_outlet_tokens)


class BylineFinder:
    def __init__(self, lex: Lexicon, max_outlet_tokens: int):
        self.suffixes = lex.words("outlet_suffix")
        self.max_outlet_tokens = max_outlet_tokens
        self.months = month_names()

    def __call__(self, doc: Doc) -> Doc:
        line = doc._.silk_dateline
        if line is not None:
            end = line.end
            if end < len(doc) and doc[end].text == "/":
                close = next((k for k in range(end + 1, min(len(doc), end + 2 + self.max_outlet_tokens))
                              if doc[k].text == "/"), None)
                if close is not None and self.outlet(doc, end + 1, close):
                    self.drop(doc, end + 1, close)
                    doc._.silk_dateline = Span(doc, line.start, close + 1, label=line.label_, kb_id=line.kb_id_)
                    return doc
            # a line silk_dateline read as place and outlet (بشكيك: «الشرق الأوسط»): its outlet too
            self.outlet_line(doc, line.start)
            return doc
        for start in self.line_starts(doc):
            found = self.outlet_line(doc, start) or self.bracketed_outlet(doc, start)
            if found is not None:
                place, stop = found
                doc._.silk_dateline = Span(doc, start, stop, label="DATELINE", kb_id=place.kb_id_)
                return doc
        return doc

    def outlet_line(self, doc: Doc, start: int) -> tuple[Span, int] | None:
        """A place at ``start``, a separator and an outlet to the end of the line or a full stop:
        the outlet is dropped; the place and where the line stops, or None."""
        place = next((e for e in doc.ents if e.start == start and e.label_ in PLACES and e.kb_id_), None)
        if place is None or place.end >= len(doc) or doc[place.end].text.strip() not in SEPARATORS:
            return None
        rest = place.end + 1
        limit = min(len(doc), rest + self.max_outlet_tokens + 1)  # (no longer line is a byline)
        stop = next((k for k in range(rest, limit) if "\n" in doc[k].text or doc[k].text == "."),
                    len(doc) if limit == len(doc) else limit + 1)
        if not (rest < stop <= rest + self.max_outlet_tokens and self.outlet(doc, rest, stop)):
            return None
        self.drop(doc, rest, stop)
        return place, stop

    def month_end(self, doc: Doc, k: int) -> int:
        """The end of a month's name (one or two words: مايو، كانون الثاني) at token ``k``, else ``k``."""
        for n in (2, 1):
            if k + n <= len(doc) and _name_key(doc[k:k + n].text) in self.months:
                return k + n
        return k

    def bracketed_outlet(self, doc: Doc, start: int) -> tuple[Span, int] | None:
        """A place at ``start``, a day and month with no year (which ``silk_dateline`` reads only
        with one) or no date, and the outlet in brackets (موسكو، 15 مايو (وكالة نوفوستي) -، بكين
        (شينخوا)): the outlet is dropped; the place and the end of the bracket, or None."""
        place = next((e for e in doc.ents if e.start == start and e.label_ in PLACES and e.kb_id_), None)
        if place is None:
            return None
        k = place.end
        if k < len(doc) and doc[k].text in COMMAS:
            k += 1
        if k + 1 < len(doc) and doc[k].like_num and len(doc[k].text) <= 2 and self.month_end(doc, k + 1) > k + 1:
            k = self.month_end(doc, k + 1)  # 15 مايو
            if k + 1 < len(doc) and doc[k].text in ("/", "(") and self.month_end(doc, k + 1) > k + 1:
                k = self.month_end(doc, k + 1)  # أيار/مايو، أيار (مايو)
                k += 1 if k < len(doc) and doc[k].text == ")" else 0
        if k >= len(doc) or doc[k].text != "(":
            return None
        close = next((c for c in range(k + 1, min(len(doc), k + 2 + self.max_outlet_tokens)) if doc[c].text == ")"), None)
        if close is None or not self.outlet(doc, k + 1, close):
            return None
        self.drop(doc, k + 1, close)
        return place, close + 1

    @staticmethod
    def line_starts(doc: Doc) -> list[int]:
        """The first line and the first two lines after it (a headline, then the byline)."""
        starts = [0] + list(islice((t.i + 1 for t in doc if "\n" in t.text), 2))  # (not the whole article)
        out = []
        for k in starts:
            while k < len(doc) and doc[k].is_space:
                k += 1
            if k < len(doc):
                out.append(k)
        return out

    def outlet(self, doc: Doc, start: int, end: int) -> bool:
        """Whether tokens ``start``..``end`` name an outlet: a known agency, or one organisation
        (or region) name filling them, quotes and a web word aside."""
        words = [t for t in doc[start:end] if t.text not in QUOTES and not t.is_space]
        if not words:
            return False
        if agency_source(" ".join(t.text for t in words)):
            return True
        while words and word_key(words[-1].text) in self.suffixes:
            words.pop()
        if not words:
            return False
        ent = next((e for e in doc.ents if e.start <= words[0].i < e.end), None)
        return ent is not None and ent.label_ in OUTLETS and ent.start >= start and ent.end >= words[-1].i + 1 \
            and ent.end <= end

    @staticmethod
    def drop(doc: Doc, start: int, end: int) -> None:
        """The outlet names between ``start`` and ``end`` are no entities."""
        doc.ents = [e for e in doc.ents if not (start <= e.start and e.end <= end and e.label_ in OUTLETS)]
