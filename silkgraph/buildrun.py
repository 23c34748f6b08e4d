"""A build through the corpus store: extract only what the store lacks, then make the graph.

``build(articles, store)`` syncs the corpus into the store (new, changed and removed
articles), extracts the articles that have no extraction by the current extractor version
(in this process, in ``workers`` processes, or on a Dask cluster), and makes the graph from
the store's extractions and curation log (``graph_from_store``): the graph is a pure function
of those two, so a rebuild of an unchanged corpus extracts nothing.

The extractor version (``extractor_version``) is a hash of what extraction is made of: the
source of every module the pipeline imports (found by reading their imports, without
importing them), the data, config and model files beside them, and the versions of spaCy and
python-crfsuite. Editing a trigger list, a pattern or the NER model changes it, and the next
build re-extracts and names the files that changed.
"""
from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import networkx as nx

from silkgraph.records import Article
from silkgraph.store import UPLOAD, Store, Sync, article_hash, records_json

PIPELINE_MODULE = "silkgraph.extract.pipeline"
LIBRARIES = ("spacy", "python-crfsuite")  # their versions are part of the extractor
MIN_PARALLEL = 8  # fewer articles than this are extracted in this process, whatever --workers says
DASK_CONNECT_TIMEOUT = "20s"  # how long to try reaching a scheduler
DASK_CHUNK = 16  # articles per Dask task
VERSION_META, PARTS_META = "extractor_version", "extractor_parts"
_SKIP_SUFFIXES = (".py", ".pyc")
_SKIP_DIRS = ("__pycache__",)


class BuildError(RuntimeError):
    """The extraction could not run (no Dask, an unreachable scheduler, a mismatched worker)."""


# --- the extractor version ------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractorVersion:
    """The extractor's version: ``id`` hashes ``parts`` (file or library -> its hash or version)."""

    id: str
    parts: dict[str, str]

    def changes(self, before: dict[str, str]) -> list[str]:
        """What differs from an earlier version's parts: changed, added and removed names.

        >>> ExtractorVersion("b", {"a.py": "2", "b.tsv": "1"}).changes({"a.py": "1", "c.tsv": "1"})
        ['a.py', 'b.tsv (new)', 'c.tsv (gone)']
        """
        out = []
        for name in sorted(set(self.parts) | set(before)):
            if name not in before:
                out.append(f"{name} (new)")
            elif name not in self.parts:
                out.append(f"{name} (gone)")
            elif before[name] != self.parts[name]:
                out.append(name)
        return out


def _module_file(name: str, known: dict[str, Path | None]) -> Path | None:
    """The source file of a module of this project; None for any other (``known``: the answers
    so far). A module not at its dotted path under the root (graph/, extract/ and views/ sit at
    the top of a checkout but are silkgraph.graph …) is found by the import system, which imports
    only its packages' ``__init__``."""
    if name not in known:
        known[name] = _find_module_file(name, known)
    return known[name]


def _find_module_file(name: str, known: dict[str, Path | None]) -> Path | None:
    base = _root().joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    package, _, _ = name.rpartition(".")
    if name.split(".")[0] != "silkgraph" or not package:
        return None
    inside = _module_file(package, known)
    if inside is None or inside.name != "__init__.py":
        return None  # a name inside a module (``from a import b``), not a submodule: never import ``a``
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


@lru_cache(maxsize=1)
def _root() -> Path:
    """The folder holding this project's packages."""
    return Path(__file__).resolve().parents[1]


def _imports(path: Path, module: str) -> set[str]:
    """Module names ``path`` imports (``from a import b`` gives both ``a`` and ``a.b``)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    return {n for n in found if n}


def code_files(module: str = PIPELINE_MODULE) -> dict[str, Path]:
    """The project's modules ``module`` runs when imported, and their packages: name -> file."""
    seen: dict[str, Path] = {}
    known: dict[str, Path | None] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_file(name, known)
        if path is None:
            continue
        seen[name] = path
        parts = name.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]  # packages run their __init__
        todo += sorted(_imports(path, name) - set(seen))
    return seen


def _data_files(folders: Iterable[Path]) -> list[Path]:
    """The files beside these packages' modules and in their data folders (any subfolder that
    is not itself a Python package: a subpackage counts only when the pipeline imports it)."""
    out = []
    for folder in sorted(set(folders) - {_root()}):  # a package's folder, never the checkout's
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")
                                 and not (Path(dirpath) / d / "__init__.py").is_file())
            out += [Path(dirpath) / f for f in sorted(filenames) if not f.endswith(_SKIP_SUFFIXES)]
    return out


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def extractor_version(module: str = PIPELINE_MODULE) -> ExtractorVersion:
    """The version of the extractor ``module`` defines (see the module docstring).

    >>> v = extractor_version()
    >>> v.id == extractor_version().id, "extract/pipeline.cfg" in v.parts, "extract/relations.py" in v.parts
    (True, True, True)
    """
    root = _root()
    modules = code_files(module)
    files = sorted(set(modules.values()) | set(_data_files(p.parent for p in modules.values())))
    parts = {path.relative_to(root).as_posix(): _file_hash(path) for path in files}
    for lib in LIBRARIES:
        try:
            parts[f"library {lib}"] = importlib.metadata.version(lib)
        except importlib.metadata.PackageNotFoundError:
            parts[f"library {lib}"] = "absent"
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]
    return ExtractorVersion(digest, parts)


# --- extraction workers ------------------------------------------------------------------------

_local = threading.local()  # one extractor per thread of a worker process


def _extractor() -> Any:
    if getattr(_local, "extractor", None) is None:
        from silkgraph.extract.pipeline import Extractor

        _local.extractor = Extractor()
    return _local.extractor


Records = list[tuple[str, str]]  # (article hash, records_json)
Failures = list[tuple[str, str]]  # (doc id, what went wrong)


def extract_records(articles: Sequence[Article]) -> tuple[Records, Failures]:
    """(article hash, ``records_json``) of each article by this process's extractor, and the
    articles whose extraction failed with why (the others are extracted all the same)."""
    failed: Failures = []

    def report(article: Article, exc: Exception) -> None:
        failed.append((article.doc_id, f"{type(exc).__name__}: {exc}"))

    found = _extractor().extract_many(articles, on_error=report)
    return [(article_hash(ex.article), records_json(ex)) for ex in found], failed


@lru_cache(maxsize=1)
def _process_version() -> str:
    return extractor_version().id  # the code a running process has loaded does not change


def extract_records_versioned(articles: Sequence[Article]) -> tuple[str, tuple[Records, Failures]]:
    """``extract_records`` and the extractor version that made them (a cluster worker's answer)."""
    return _process_version(), extract_records(articles)


def _chunks(items: Sequence[Article], size: int) -> list[Sequence[Article]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def default_workers() -> int:
    """The machine's cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_local(articles: Sequence[Article], workers: int = 1) -> Iterator[tuple[Records, Failures]]:
    """Extract ``articles`` in ``workers`` processes; yields ``extract_records`` answers, chunk by chunk.

    One worker, or fewer articles than ``MIN_PARALLEL``, extracts in this process.
    """
    if workers <= 1 or len(articles) < MIN_PARALLEL:
        for chunk in _chunks(articles, 16):
            yield extract_records(chunk)
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork: the workers inherit this process's loaded pipeline instead of loading their own
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if "fork" in methods:
        _extractor()
    size = max(1, min(32, len(articles) // (workers * 4)))
    with context.Pool(workers, initializer=_default_signals) as pool:
        yield from pool.imap_unordered(extract_records, _chunks(articles, size))


def _default_signals() -> None:
    """A worker dies quietly when the pool ends it: the command's SIGTERM handler (which turns the
    signal into a clean stop of the whole build) is not the worker's to run."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def extract_dask(articles: Sequence[Article], address: Any, version: str) -> Iterator[tuple[Records, Failures]]:
    """Extract ``articles`` on the Dask cluster at ``address`` (or a ``distributed.Client``).

    Each task extracts a chunk of articles; a worker whose extractor version differs from
    ``version`` (other code or data installed there) is an error, not a silent mix.
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise BuildError("--dask needs Dask distributed: pip install 'silkgraph[dask]'") from None
    try:
        client = address if isinstance(address, Client) else Client(address, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BuildError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        chunks = iter(_chunks(articles, DASK_CHUNK))
        # a bounded number of chunks in flight, so a long archive is not all sent at once
        in_flight = max(8, 4 * len(client.scheduler_info().get("workers", {})))
        futures = as_completed([client.submit(extract_records_versioned, c, pure=False)
                                for c in islice(chunks, in_flight)])
        for future in futures:
            worker_version, records = future.result()
            if worker_version != version:
                raise BuildError(f"a Dask worker runs extractor {worker_version}, this build {version}: "
                                 f"install the same silkgraph on every worker")
            following = next(chunks, None)
            if following is not None:
                futures.add(client.submit(extract_records_versioned, following, pure=False))
            yield records
    finally:
        if client is not address:
            client.close()


# --- the build ----------------------------------------------------------------------------------


@dataclass
class BuildReport:
    """What ``build`` did."""

    graph: nx.MultiDiGraph
    extracted: int  # articles extracted by this build
    from_store: int  # articles whose extraction came from the store
    sync: Sync
    version: str
    reason: str = ""  # why articles were extracted ("" when none were)
    extract_seconds: float = 0.0
    extracted_words: int = 0
    failed: Failures = field(default_factory=list)  # (doc id, why): left out of the store and the graph


def _reason(sync: Sync, changes: list[str] | None, todo: int, first_build: bool) -> str:
    """Why ``todo`` articles are being extracted beyond being new or changed ("" when that is all).

    >>> _reason(Sync(new=["a"]), ["extract/data/lexicon/triggers.tsv"], 5, False)
    'the extractor changed: extract/data/lexicon/triggers.tsv'
    >>> _reason(Sync(new=["a"]), None, 1, False)
    ''
    """
    if not todo:
        return ""
    if first_build:
        return "a new store"
    if changes:
        shown = ", ".join(changes[:5]) + (f" and {len(changes) - 5} more" if len(changes) > 5 else "")
        return f"the extractor changed: {shown}"
    if todo > len(sync.new) + len(sync.changed):
        return "extractions missing from the store"
    return ""


def build(articles: Sequence[Article] | None, store: Store, workers: int = 1, dask: Any = None,
          progress: Callable[[int, int], Callable[[int], None]] | None = None) -> BuildReport:
    """Sync ``articles`` into ``store``, extract what it lacks, and make the curated graph.

    ``articles`` None: the store's own articles, as they are (the explorer's start).

    ``progress(total, already)`` is called before extraction and returns a function called
    with the number of articles each finished chunk held.

    >>> from silkgraph.records import Article
    >>> with Store(":memory:") as store:
    ...     first = build([Article("a1", "وصل الرئيس الصيني شي جين بينغ إلى أستانا.")], store)
    ...     again = build([Article("a1", "وصل الرئيس الصيني شي جين بينغ إلى أستانا.")], store)
    >>> (first.extracted, first.from_store), (again.extracted, again.from_store), again.reason
    ((1, 0), (0, 1), '')
    """
    version = extractor_version()
    before = store.meta(PARTS_META)
    sync = store.sync_articles(articles) if articles is not None else Sync()
    todo = store.missing(version.id)
    changes = version.changes(json.loads(before)) if before and store.meta(VERSION_META) != version.id else None
    reason = _reason(sync, changes, len(todo), before is None)
    started = time.perf_counter()
    failed: Failures = []
    if todo:
        advance = progress(len(todo), 0) if progress else None
        chunks = extract_dask(todo, dask, version.id) if dask else extract_local(todo, workers)
        for records, failures in chunks:
            store.put_records(version.id, records)
            failed += failures
            if advance:
                advance(len(records) + len(failures))
        # a failed article stays out of the store, so the next build tries it again
        store.remove_articles([doc for doc, _ in failed])
    extract_seconds = time.perf_counter() - started
    store.set_meta(VERSION_META, version.id)
    store.set_meta(PARTS_META, json.dumps(version.parts, sort_keys=True))
    store.prune(version.id)
    G = graph_from_store(store, version.id)
    return BuildReport(G, len(todo) - len(failed), store.count() - len(todo) + len(failed), sync, version.id,
                       reason, extract_seconds, sum(len(a.text.split()) for a in todo), failed)


def graph_from_store(store: Store, version: str | None = None) -> nx.MultiDiGraph:
    """The graph of the store's extractions at ``version`` (default: the last build's), curated.

    Raises ``LookupError`` when an article lacks an extraction at that version.
    """
    from silkgraph.curation import curated_graph

    version = version or store.meta(VERSION_META)
    if version is None:
        if store.count():
            raise LookupError("the store has no extractions yet; run `silkgraph build`")
        version = ""
    return curated_graph(store.extractions(version), store.log(include_undone=False))


ExtractFn = Callable[[Iterable[Article]], Iterable[Any]]


def stored_extract(store_path: str | os.PathLike, make_extract: Callable[[], ExtractFn],
                   origin: str = UPLOAD) -> ExtractFn:
    """An extract function (articles -> extractions) that keeps articles and their extractions
    in the store at ``store_path`` and extracts only what it lacks (``make_extract()`` is
    called the first time something must be extracted): the explorer's uploads.
    """
    version = extractor_version().id
    extract: ExtractFn | None = None

    def run(articles: Iterable[Article]) -> list[Any]:
        nonlocal extract
        articles = list(articles)
        with Store(store_path) as store:
            store.add_articles(articles, origin)
            wanted = {a.doc_id for a in articles}
            missing = [a for a in store.missing(version) if a.doc_id in wanted]
            if missing:
                extract = extract or make_extract()
                store.put_extractions(version, extract(missing))
            done = wanted - {a.doc_id for a in store.missing(version)}  # an article that failed is left out
            found = {ex.article.doc_id: ex for ex in store.extractions(version, done)}
        return [found[a.doc_id] for a in articles if a.doc_id in found]
    return run
