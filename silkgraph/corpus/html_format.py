"""HTML articles (.html, .htm): the article's text without page furniture, and its meta fields."""
from __future__ import annotations

import html
from html.parser import HTMLParser

from silkgraph.corpus.parsed import Parsed, _date_field, _source_field, apply_dateline

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
