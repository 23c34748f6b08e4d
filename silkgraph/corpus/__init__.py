"""Reading articles from disk: .txt, .md, .html/.htm and .jsonl files, or folders of them.

``read_corpus(paths)`` is the I/O edge: it walks folders, reads bytes, and reports every
file it could not use as a ``Problem`` (never a silent skip, never an exception for bad
input). Everything else is a pure function over bytes or text. One module a job:

- ``reader``: ``read_corpus`` and ``parse_file`` (one file's bytes, by type), unique doc ids.
- ``folders``: walking the paths named: article files, hidden entries, links, each file once.
- ``results``: ``Problem`` and ``CorpusResult``, what reading gives back.
- ``decoding``: ``decode_bytes``: UTF-8 (BOM or not), UTF-16/32 with a BOM, a declared HTML
  charset, Arabic Windows-1256 (with a note); binary or undecodable data raises
  ``DecodeProblem``; ``valid_text`` replaces lone surrogates.
- ``language``: ``is_arabic``, the check that an article is one silkgraph can read.
- ``text_format`` / ``markdown_format`` / ``html_format`` / ``jsonl_format``: ``parse_text``,
  ``parse_markdown``, ``parse_html``, ``parse_jsonl_line``: text, title and metadata of one article.
- ``parsed``: ``Parsed``, the headline as title, and ``apply_dateline``.
- ``datelines``: ``find_dateline`` / ``find_agency``: date and news agency from an Arabic
  dateline such as "أستانا 17 يونيو 2025 (شينخوا)".
- ``dates``: ``parse_date``: a metadata date in a common format, as ISO ``YYYY-MM-DD``.
- ``names``: month and agency names, which are data (``data/months.tsv``, ``data/agencies.tsv``).

Date and source come from explicit metadata first, else from the dateline, else stay "":
never from a file's modification time. Everything is imported from here
(``from silkgraph.corpus import read_corpus``).
"""
from __future__ import annotations

from silkgraph.corpus.datelines import Dateline, find_agency, find_dateline
from silkgraph.corpus.dates import parse_date
from silkgraph.corpus.decoding import DecodeProblem, decode_bytes, valid_text
from silkgraph.corpus.folders import ARTICLE_SUFFIXES
from silkgraph.corpus.html_format import parse_html
from silkgraph.corpus.jsonl_format import LineProblem, parse_jsonl_line
from silkgraph.corpus.language import MIN_ARABIC_SHARE, is_arabic
from silkgraph.corpus.markdown_format import parse_markdown
from silkgraph.corpus.names import (AGENCIES_PATH, DATA, MONTHS_PATH, NOT_PLACES_PATH, agency_names, agency_source,
                                    month_names, not_place_words)
from silkgraph.corpus.parsed import Parsed, apply_dateline, headline
from silkgraph.corpus.reader import MAX_ARTICLE_BYTES, parse_file, read_corpus
from silkgraph.corpus.results import NOTE, SKIPPED, CorpusResult, Problem
from silkgraph.corpus.text_format import parse_text

# the constants, tables and data paths stay importable from here as before, outside ``import *``
__all__ = ["ARTICLE_SUFFIXES", "CorpusResult", "DecodeProblem", "Dateline", "LineProblem", "Parsed", "Problem",
           "agency_source", "apply_dateline", "decode_bytes", "find_agency", "find_dateline", "headline",
           "is_arabic", "month_names", "parse_date", "parse_file", "parse_html", "parse_jsonl_line",
           "parse_markdown", "parse_text", "read_corpus", "valid_text"]
