"""The graph the explorer shows: a base (a graph file, or the seeds extracted) plus uploads.

Added articles are checked first (size, decoding, each article readable and Arabic: a
refused upload writes nothing), then saved under the uploads folder (atomically) and merged
with ``silkgraph.graph.build.add_extraction``, which is idempotent per article: the same file again
changes nothing. Check, save and merge of one upload happen under one lock, so sessions
uploading at once lose nothing; a name already used by other content is saved as the name
plus a short content hash, and said so. On start every file in the uploads folder is merged
again, so a restart keeps them; one that cannot be merged any more is moved to
``uploads/rejected/`` with a message, so it never breaks a start.

Messages for the page name files relative to their folder, never by a server path.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from silkgraph.atomic import write_bytes_atomic
from silkgraph.graph.build import add_extraction, build_graph, graph_articles
from silkgraph.graph.export import read_graph
from silkgraph.corpus import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES, is_arabic, parse_file, read_corpus
from silkgraph.records import Article, ArticleExtraction

MIN_ARABIC_LETTERS = 20
REJECTED_DIR = "rejected"  # under the uploads folder: files that could not be merged, moved aside
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


class UploadError(ValueError):
    """An upload that cannot become an article, with a message for the user."""


def check_upload(name: str, data: bytes) -> str:
    """The upload as text, or ``UploadError`` saying why it cannot be added.

    >>> check_upload("a.txt", "زار الرئيس شي جين بينغ كازاخستان ووقع بيانا مشتركا".encode())[:3]
    'زار'
    >>> check_upload("a.pdf", b"%PDF")
    Traceback (most recent call last):
    ...
    silkgraph.views.live.UploadError: a.pdf: not a supported file type (use .txt, .md, .html, .htm, .jsonl)
    >>> check_upload("b.txt", b"   ")
    Traceback (most recent call last):
    ...
    silkgraph.views.live.UploadError: b.txt: the file is empty
    >>> check_upload("c.txt", b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    ...
    silkgraph.views.live.UploadError: c.txt: not a text file (binary file (NUL bytes); if it is UTF-16 text, save it with a BOM or as UTF-8)
    >>> check_upload("d.txt", b"Xi Jinping visited Kazakhstan and signed a joint statement.")
    Traceback (most recent call last):
    ...
    silkgraph.views.live.UploadError: d.txt: no Arabic text found (silkgraph reads Arabic articles)
    """
    from silkgraph.corpus import DecodeProblem, decode_bytes

    suffix = Path(name).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise UploadError(f"{name}: not a supported file type (use {', '.join(ARTICLE_SUFFIXES)})")
    if len(data) > MAX_ARTICLE_BYTES:
        raise UploadError(f"{name}: too large ({len(data) / 1e6:.1f} MB; the limit is "
                          f"{MAX_ARTICLE_BYTES // 10**6} MB): split it into articles")
    if not data.strip():
        raise UploadError(f"{name}: the file is empty")
    if suffix != ".jsonl":  # a JSONL file is judged line by line, below
        try:
            text, _note = decode_bytes(data)
        except DecodeProblem as exc:
            raise UploadError(f"{name}: not a text file ({exc})") from None
        if not text.strip():
            raise UploadError(f"{name}: the file is empty")
        if len(_ARABIC.findall(text)) < MIN_ARABIC_LETTERS:
            raise UploadError(f"{name}: no Arabic text found (silkgraph reads Arabic articles)")
    found, problems = parse_file(Path(name).name, data)
    arabic = [parsed.text for _, parsed in found if is_arabic(parsed.text)]
    if not arabic:
        why = "; ".join(f"line {p.line}: {p.message}" if p.line else p.message for p in problems[:3])
        raise UploadError(f"{name}: no Arabic article in the file ({why or 'no Arabic text found'})")
    return "\n\n".join(arabic)


def safe_file_name(name: str, data: bytes) -> str:
    """A file name for the uploads folder: no folders, no odd characters, original suffix.

    >>> safe_file_name("../../etc/مقال 1.txt", b"x")
    'مقال_1.txt'
    >>> safe_file_name(".txt", b"x")
    'upload-11f6ad8ec52a.txt'
    """
    base = Path(name.replace("\\", "/")).name
    probe = Path("x" + base) if base.startswith(".") else Path(base)  # ".txt" is a suffix, not a name
    stem, suffix = probe.stem[1:] if base.startswith(".") else probe.stem, probe.suffix.lower()
    stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._")
    if not stem or stem.startswith("."):
        stem = "upload-" + hashlib.sha1(data).hexdigest()[:12]
    return f"{stem[:80]}{suffix}"


def pasted_article(text: str, title: str = "", date: str = "") -> tuple[str, bytes]:
    """A pasted article as an uploads file: (name, bytes), JSON Lines keeping title and date.

    >>> name, data = pasted_article("نص", "عنوان", "2025-06-17")
    >>> name.startswith("pasted-"), name.endswith(".jsonl"), json.loads(data)["date"]
    (True, True, '2025-06-17')
    """
    record = {"title": title.strip(), "date": date.strip(), "text": text.strip()}
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    digest = hashlib.sha1(record["text"].encode("utf-8")).hexdigest()[:12]
    return f"pasted-{digest}.jsonl", data


@dataclass
class AddResult:
    """What adding one file did: articles added, problems (for the user), the saved path."""

    name: str
    saved: Path | None = None
    doc_ids: list[str] = field(default_factory=list)
    relations: int = 0
    problems: list[str] = field(default_factory=list)
    duplicate: bool = False  # the same content was there already
    renamed: str = ""  # the name it was saved under, when another file had taken its own
    rejected: bool = False  # it could not be merged and was moved to the rejected folder

    @property
    def ok(self) -> bool:
        return bool(self.doc_ids) and not self.problems


def shown_path(path: str | Path, folder: Path) -> str:
    """``path`` as a page may show it: relative to ``folder``'s parent (``uploads/a.txt``), else its name.

    >>> shown_path("/srv/app/uploads/a.txt", Path("/srv/app/uploads")), shown_path("/etc/x", Path("/srv/u"))
    ('uploads/a.txt', 'x')
    """
    path, folder = Path(path), Path(folder)
    try:
        return path.relative_to(folder.parent).as_posix() if folder.name else path.name
    except ValueError:
        return path.name


def read_articles(paths: Iterable[Path], folder: Path | None = None) -> tuple[list[Article], list[str]]:
    """Articles and problems from corpus files, through ``silkgraph.corpus.read_corpus``;
    problems name files relative to ``folder`` (see ``shown_path``) when it is given."""
    result = read_corpus([str(p) for p in paths])
    problems = result.problems if folder is None else [
        dataclasses.replace(p, path=shown_path(p.path, folder)) for p in result.problems]
    return list(result.articles), [str(p) for p in problems]


ExtractFn = Callable[[Iterable[Article]], Iterable[ArticleExtraction]]


def default_extractor() -> ExtractFn:
    """``silkgraph.extract.pipeline.Extractor().extract_many`` (loaded on first use)."""
    from silkgraph.extract.pipeline import Extractor

    return Extractor().extract_many


class LiveGraph:
    """The graph of one corpus, with uploads merged; safe to share between sessions."""

    def __init__(self, graph_path: Path | None, seeds_dir: Path, uploads_dir: Path,
                 extractor: Callable[[], ExtractFn] = default_extractor) -> None:
        self.graph_path = graph_path
        self.seeds_dir = Path(seeds_dir)
        self.uploads_dir = Path(uploads_dir)
        self._make_extractor = extractor
        # the corpus store `silkgraph build` left beside the graph: the graph comes from it, and
        # uploads keep their articles and extractions in it, so a restart extracts nothing again
        from silkgraph.buildrun import stored_extract
        from silkgraph.store import store_beside

        beside = store_beside(graph_path) if graph_path is not None else None
        self.store_path = beside if beside is not None and beside.is_file() else None
        if self.store_path is not None:
            self._make_extractor = lambda: stored_extract(self.store_path, extractor)
        self._extract: ExtractFn | None = None
        self.lock = threading.RLock()
        self.version = 0
        self.notices: list[str] = []  # shown once on the page: what could not be read, and why
        self.merged: dict[str, tuple[int, int]] = {}  # upload file -> (size, mtime_ns) merged
        self.G = self._base_graph()

    # -- building ----------------------------------------------------------------------
    def extract(self, articles: Iterable[Article]) -> list[ArticleExtraction]:
        if self._extract is None:
            self._extract = self._make_extractor()
        return list(self._extract(articles))

    def _base_graph(self) -> nx.MultiDiGraph:
        if self.store_path is not None:
            import sqlite3

            from silkgraph.buildrun import build
            from silkgraph.store import Store, StoreError

            try:
                with Store(self.store_path) as store:
                    return build(None, store).graph
            except (StoreError, sqlite3.Error, LookupError) as exc:
                self.notices.append(f"Could not read the corpus store: {exc}. Reading the graph file instead.")
        if self.graph_path is not None:
            try:
                return read_graph(self.graph_path)
            except (OSError, ValueError) as exc:
                why = str(exc).replace(str(self.graph_path), self.graph_path.name)
                self.notices.append(f"Could not read the graph file: {why}. Showing the seed articles instead.")
        # the same reading as `silkgraph build seeds/`: subfolders walked, other files reported
        articles, problems = (read_articles([self.seeds_dir], self.seeds_dir) if self.seeds_dir.is_dir()
                              else ([], []))
        self.notices.extend(problems)
        if not articles:
            self.notices.append(f"No articles in {self.seeds_dir.name}/: the graph starts empty.")
            return build_graph([])
        try:
            return build_graph(self.extract(articles))
        except Exception:  # noqa: BLE001 - no article stops the explorer from starting: find the one
            G = build_graph([])
        for article in articles:  # one at a time: an article that fails is named, the others kept
            try:
                for extraction in self.extract([article]):
                    add_extraction(G, extraction)
            except Exception as exc:  # noqa: BLE001
                self.notices.append(f"{article.path or article.doc_id}: could not be extracted "
                                    f"({type(exc).__name__}); left out.")
        return G

    def editable(self) -> nx.MultiDiGraph:
        """The graph that articles are added to or removed from (copy it first: copy on write)."""
        return self.G

    def publish(self, G: nx.MultiDiGraph) -> None:
        """Show ``G``, a changed copy of ``editable()``, from now on (``silkgraph.views.curate_live``
        applies the corrections to it)."""
        self.G = G

    def upload_files(self) -> list[Path]:
        if not self.uploads_dir.is_dir():
            return []
        return sorted(p for p in self.uploads_dir.iterdir()
                      if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."))

    def pending_uploads(self) -> list[Path]:
        """Files in the uploads folder not merged yet (or changed since)."""
        out = []
        for p in self.upload_files():
            st = p.stat()
            if self.merged.get(str(p)) != (st.st_size, st.st_mtime_ns):
                out.append(p)
        return out

    def _own_ids(self, G: nx.MultiDiGraph, articles: list[Article], result: AddResult) -> list[Article]:
        """``articles`` with a doc id no other file's article has in ``G`` (another file's article
        of the same id would be replaced by this one)."""
        known = graph_articles(G)
        out = []
        for a in articles:
            other = known.get(a.doc_id, {}).get("path")
            if other is not None and other != a.path:
                doc_id = f"{a.doc_id}~{hashlib.sha1(a.path.encode('utf-8')).hexdigest()[:6]}"
                result.problems.append(f"{a.path}: doc id {a.doc_id!r} is another article's ({other}); "
                                       f"this one is {doc_id!r}")
                a = dataclasses.replace(a, doc_id=doc_id)
            out.append(a)
        return out

    def merge_file(self, path: Path) -> AddResult:
        """Read, extract and merge one corpus file (idempotent per article). A file that holds no
        article or whose extraction fails is moved to the rejected folder, with a message."""
        result = AddResult(name=path.name, saved=path)
        with self.lock:
            try:
                st = path.stat()
                articles, problems = read_articles([path], self.uploads_dir)
                result.problems.extend(problems)
                # copy on write: other sessions read self.G without the lock, so they must never
                # see it change under them; they get the merged graph on their next rerun
                G = self.editable().copy()
                for extraction in self.extract(self._own_ids(G, articles, result)):
                    add_extraction(G, extraction)
                    result.doc_ids.append(extraction.article.doc_id)
                    result.relations += len(extraction.relations)
            except Exception as exc:  # noqa: BLE001 - an upload that fails never breaks the page
                why = f"could not be merged ({type(exc).__name__})"
                result.doc_ids, result.relations = [], 0
            else:
                why = "" if articles else "holds no article silkgraph can read"
            if why:
                self._reject(path, why, result)
                return result
            self.publish(G)
            self.merged[str(path)] = (st.st_size, st.st_mtime_ns)
            self.version += 1
        return result

    def _reject(self, path: Path, why: str, result: AddResult) -> None:
        """Move an upload that cannot be merged out of the way, so no start merges it again."""
        target = self.uploads_dir / REJECTED_DIR / path.name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError:
            st = path.stat() if path.exists() else None
            self.merged[str(path)] = (st.st_size, st.st_mtime_ns) if st else (0, 0)  # never retried
            result.problems.append(f"{path.name} {why}; it is left out.")
            return
        result.rejected = True
        result.problems.append(f"{path.name} {why}; moved to "
                               f"{shown_path(target, self.uploads_dir)}.")

    def sync(self, progress: Callable[[int, int, str], None] | None = None) -> list[AddResult]:
        """Merge every upload not merged yet; ``progress(done, total, name)`` after each."""
        pending = self.pending_uploads()
        results = []
        for i, path in enumerate(pending, 1):
            results.append(self.merge_file(path))
            if progress:
                progress(i, len(pending), path.name)
        return results

    def _target(self, name: str, data: bytes) -> tuple[Path, bool]:
        """Where an upload goes, and whether that file holds the same bytes already. A name
        taken by other content gets the stem plus a short hash of this content."""
        base = Path(safe_file_name(name, data))
        digest = hashlib.sha1(data).hexdigest()
        for stem in (base.stem, f"{base.stem}-{digest[:8]}", f"{base.stem}-{digest}"):
            target = self.uploads_dir / f"{stem}{base.suffix}"
            if not target.exists():
                return target, False
            if target.is_file() and target.read_bytes() == data:
                return target, True
        raise UploadError(f"{name}: a different file is saved under each name it could take")

    def add_upload(self, name: str, data: bytes) -> AddResult:
        """Check an upload, save it under the uploads folder, and merge it, under one lock.

        A refused upload raises ``UploadError`` and writes nothing. The same content uploaded
        again is recognised and merged again, which changes nothing; other content under a
        name already used is saved under the name plus a short content hash (``renamed``).
        """
        with self.lock:
            check_upload(name, data)
            target, duplicate = self._target(name, data)
            if not duplicate:
                write_bytes_atomic(target, data)
            result = self.merge_file(target)
        result.duplicate = duplicate
        if target.name != safe_file_name(name, data):
            result.renamed = target.name  # the page says so
        return result
