"""JSON-lines files (.jsonl): one article an object a line, each line judged on its own."""
from __future__ import annotations

import json
from collections.abc import Iterator

from silkgraph.corpus.decoding import _BOMS, DecodeProblem, _lines, decode_bytes, valid_text
from silkgraph.corpus.parsed import Parsed, _date_field, _source_field, apply_dateline, headline
from silkgraph.corpus.results import NOTE, Problem


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
    silkgraph.corpus.jsonl_format.LineProblem: no "text" field
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
