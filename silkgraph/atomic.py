"""Writing files atomically: a temp file beside the target, then ``os.replace``.

A failed write leaves no half-written file, and an existing file survives it. The temp file
is ``.NAME.PID.RANDOM.tmp``; one a killed process left behind (its PID no longer runs) is
removed by the next write of the same target.
"""
from __future__ import annotations

import glob
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# read once: setting the umask to read it is process-wide, and the app writes from threads
UMASK = _read_umask()


STALE_SECONDS = 3600  # a temp file without a PID in its name (older versions) is stale after this


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return pid > 0  # another user's process, or a number that is no PID
    return True


def remove_stale_temp_files(path: str | os.PathLike) -> list[Path]:
    """Remove the temp files beside ``path`` that writers of it left when they were killed;
    returns them. A file of a running process (this one included) is kept.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".g.json.4194305.x1.tmp").write_text("{")  # above any Linux PID
    >>> _ = (folder / f".g.json.{os.getpid()}.x2.tmp").write_text("{")
    >>> [p.name for p in remove_stale_temp_files(folder / "g.json")]
    ['.g.json.4194305.x1.tmp']
    """
    path = Path(path)
    removed = []
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:(\d+)\.)?[^.]+\.tmp")
    try:
        candidates = list(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:
        return removed
    for tmp in candidates:
        m = pattern.fullmatch(tmp.name)
        if not m:
            continue
        try:
            stale = not _running(int(m[1])) if m[1] else time.time() - tmp.stat().st_mtime > STALE_SECONDS
            if stale:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "wb", **open_kwargs: Any) -> Iterator[IO]:
    """Open a temp file beside ``path``; on success it replaces ``path``, on error it goes.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_write(target, "w", encoding="utf-8") as fh:
    ...     _ = fh.write("شي")
    >>> target.read_text(encoding="utf-8")
    'شي'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **open_kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~UMASK)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically."""
    with atomic_write(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_write(path) as fh:
        fh.write(data)
