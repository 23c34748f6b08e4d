"""Markdown articles (.md): YAML-ish or TOML front matter, then the text without markup."""
from __future__ import annotations

import datetime as dt
import html
import re
import tomllib

from silkgraph.corpus.parsed import Parsed, _date_field, _source_field, apply_dateline, headline


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


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s*([-*_]\s*){3,}$")
_QUOTE = re.compile(r"^\s*>\s?")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_INLINE = [(re.compile(pattern), replacement) for pattern, replacement in (
    (r"<!--.*?-->", ""), (r"!\[[^\]]*\]\([^)]*\)", ""), (r"\[([^\]]+)\]\([^)]*\)", r"\1"),
    (r"(\*\*|__)(.+?)\1", r"\2"), (r"\*(\S(?:.*?\S)?)\*", r"\1"), (r"`([^`]*)`", r"\1"),
    (r"</?[A-Za-z][^>]*>", ""))]
_INLINE_MARKS = re.compile(r"[<\[*_`&]")  # a line with none of these has no inline markup


def _markdown_to_text(body: str) -> tuple[str, str]:
    """(plain text, first heading) of a markdown body; markup removed, words kept."""
    out, title, level, fenced = [], "", 7, False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            heading = _HEADING.match(line)
            if heading:
                line = heading[2]
                if len(heading[1]) < level:
                    title, level = _inline_markdown(line), len(heading[1])
            elif _RULE.match(line):
                continue
            line = _BULLET.sub("", _QUOTE.sub("", line))
        out.append(_inline_markdown(line))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()
    return text, title


def _inline_markdown(line: str) -> str:
    if not _INLINE_MARKS.search(line):
        return line.strip()
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
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
