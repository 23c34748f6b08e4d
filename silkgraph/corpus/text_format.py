"""Plain-text articles (.txt)."""
from __future__ import annotations

from silkgraph.corpus.parsed import Parsed, apply_dateline, headline


def parse_text(text: str) -> Parsed:
    """A plain-text article: the whole text, its headline as the title.

    >>> p = parse_text("عنوان الخبر\\nأستانا 17 يونيو 2025 (شينخوا) دعا الرئيس ...")
    >>> p.title, p.date, p.source
    ('عنوان الخبر', '2025-06-17', 'Xinhua')
    """
    text = text.strip()
    return apply_dateline(Parsed(text=text, title=headline(text)))
