"""A build through the corpus store: extract only what the store lacks, then make the graph.

``build(articles, store)`` syncs the corpus into the store (new, changed and removed
articles), extracts the articles that have no extraction by the current extractor version
(in this process, in ``workers`` processes, or on a Dask cluster), and makes the graph from
the store's extractions and curation log (``graph_from_store``): the graph is a pure function
of those two, so a rebuild of an unchanged corpus extracts nothing.

The extractor version (``silkgraph.codeversion.extractor_version``) is a hash of what
extraction is made of: the source of every module the pipeline imports, the data, config and
model files beside them, and the versions of spaCy and python-crfsuite. Editing a trigger
list, a pattern or the NER model changes it, and the next build re-extracts and names the
files that changed.
"""
from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any

import networkx as nx

from silkgraph.codeversion import LIBRARIES, PIPELINE_MODULE, ExtractorVersion, code_version, extractor_version
from silkgraph.records import Article
from silkgraph.store import UPLOAD, Store, Sync, article_hash, records_json

MIN_PARALLEL = 8  # fewer articles than this are extracted in this process, whatever --workers says
DASK_CONNECT_TIMEOUT = "20s"  # how long to try reaching a scheduler
DASK_CHUNK = 16  # articles per Dask task
VERSION_META, PARTS_META = "extractor_version", "extractor_parts"
IMPORTS_META = "imports "  # + a module: its code files' imports by content hash (silkgraph.codeversion)


class BuildError(RuntimeError):
    """The extraction could not run (no Dask, an unreachable scheduler, a mismatched worker)."""


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

    graph: nx.MultiDiGraph | None  # None when build was asked not to make it
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
          progress: Callable[[int, int], Callable[[int], None]] | None = None, graph: bool = True) -> BuildReport:
    """Sync ``articles`` into ``store``, extract what it lacks, and make the curated graph
    (``graph`` False: leave that to the caller, ``graph_from_store``; ``BuildReport.graph`` is None).

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
    version = stored_version(store, PIPELINE_MODULE, LIBRARIES)
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
    G = graph_from_store(store, version.id) if graph else None
    return BuildReport(G, len(todo) - len(failed), store.count() - len(todo) + len(failed), sync, version.id,
                       reason, extract_seconds, sum(len(a.text.split()) for a in todo), failed)


def stored_version(store: Store, module: str, libraries: Iterable[str]) -> ExtractorVersion:
    """``code_version(module, libraries)``, with its files' imports remembered in ``store`` so an
    unchanged file is not parsed again.

    >>> with Store(":memory:") as store:
    ...     stored_version(store, "silkgraph.store", ()) == code_version("silkgraph.store", ())
    True
    """
    key = IMPORTS_META + module
    kept = store.meta(key)
    memo = json.loads(kept) if kept else {}
    version = code_version(module, libraries, memo)
    remembered = json.dumps(memo, sort_keys=True)
    if remembered != kept:
        store.set_meta(key, remembered)
    return version


def graph_from_store(store: Store, version: str | None = None, curated: bool = True) -> nx.MultiDiGraph:
    """The graph of the store's extractions at ``version`` (default: the last build's), curated
    (``curated`` False: without the log).

    Raises ``LookupError`` when an article lacks an extraction at that version.
    """
    from silkgraph.curation import curated_graph

    version = version or store.meta(VERSION_META)
    if version is None:
        if store.count():
            raise LookupError("the store has no extractions yet; run `silkgraph build`")
        version = ""
    return curated_graph(store.extractions(version), store.log(include_undone=False) if curated else [])


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
