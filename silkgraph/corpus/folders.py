"""Walking the files and folders named: which files are articles, in a stable order, each once,
with the path the graph shows; hidden entries, links and other files reported.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from silkgraph.corpus.results import NOTE, Problem

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


def _unsupported(path: Path) -> Problem:
    """The problem of a file whose extension is not one of an article's."""
    return Problem(str(path), None, f"unsupported extension {path.suffix or '(none)'!r}; "
                                    f"silkgraph reads {', '.join(ARTICLE_SUFFIXES)}")


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
                problems.append(_unsupported(path))
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
                problems.append(_unsupported(path))
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
