"""``read_corpus``: the I/O edge. It reads each article file, parses it by type, checks the
language and gives every article a unique doc id; whatever it cannot use is a ``Problem``.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from silkgraph.corpus.decoding import DecodeProblem, _declared_charset, decode_bytes
from silkgraph.corpus.folders import _candidate_files
from silkgraph.corpus.html_format import parse_html
from silkgraph.corpus.jsonl_format import _parse_jsonl
from silkgraph.corpus.language import is_arabic
from silkgraph.corpus.markdown_format import parse_markdown
from silkgraph.corpus.parsed import Parsed
from silkgraph.corpus.results import NOTE, CorpusResult, Problem
from silkgraph.corpus.text_format import parse_text
from silkgraph.records import Article

MAX_ARTICLE_BYTES = 20 * 10**6  # one news article is some kB; a file this big is something else


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
    """Articles from files and folders, and every problem met (see the ``silkgraph.corpus`` docstring).

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
