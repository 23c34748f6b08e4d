"""``silkgraph build``: read articles, extract through the corpus store, write the graph and a summary.

    silkgraph build [PATH ...] [--out out/graph.graphml] [--json-summary] [--progress]
                    [--store PATH] [--workers N] [--dask ADDRESS]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from silkgraph import shipped_seeds
from silkgraph.cli import DEFAULT_GRAPH, PROG, CliError, _check_output, _positive_int, _print_json, _write
from silkgraph.corpus import CorpusResult, Problem, read_corpus
from silkgraph.schema import schema

DEFAULT_CORPUS = "seeds"
PROGRESS_MIN_ARTICLES = 6  # a bar for fewer articles than this is noise
SUMMARY_LISTED = 10  # problems named in the text summary; the JSON summary has them all
WRITER_LIBRARIES = ("networkx", "lxml")  # what writes the output, beside this command's own modules
OUTPUT_META = "output "  # store meta key (+ the output's absolute path): what the last build wrote there


def add_build_parser(sub: Any) -> None:
    """Add ``build`` to the ``silkgraph`` subcommands.

    >>> parser = argparse.ArgumentParser()
    >>> add_build_parser(parser.add_subparsers())
    >>> args = parser.parse_args(["build", "my/articles", "--workers", "2"])
    >>> args.paths, args.out, args.workers, args.progress
    (['my/articles'], 'out/graph.graphml', 2, None)
    """
    p = sub.add_parser("build", help="read articles, extract entities and relations, write the graph")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help=f"article files or folders (.txt .md .html .htm .jsonl; default {DEFAULT_CORPUS}/ "
                        f"when there is one here)")
    p.add_argument("--out", default=DEFAULT_GRAPH,
                   help=f"output file; the extension picks the format: .graphml .gexf .json .csv "
                        f"(default {DEFAULT_GRAPH})")
    p.add_argument("--json-summary", action="store_true", help="print the summary as JSON on stdout")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar on stderr (default: when stderr is a terminal)")
    p.add_argument("--store", metavar="PATH",
                   help="the corpus store (SQLite) that keeps articles, extractions and curation "
                        "(default: beside the output, OUT with the extension .sqlite)")
    p.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                   help="extract in N processes (default: the machine's cores)")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="extract on a Dask distributed cluster, e.g. tcp://HOST:8786 (needs silkgraph[dask])")
    p.set_defaults(func=cmd_build)


def _progress(wanted: bool | None) -> Callable[[int, int], Callable[[int], None]] | None:
    """A progress bar factory for ``silkgraph.buildrun.build``, or None when no bar is wanted."""
    if not (wanted if wanted is not None else sys.stderr.isatty()):
        return None

    def start(total: int, done: int) -> Callable[[int], None]:
        if total < PROGRESS_MIN_ARTICLES:
            return lambda n: None
        from tqdm import tqdm

        bar = tqdm(total=total, initial=done, unit="article", desc="extracting", file=sys.stderr,
                   dynamic_ncols=True)

        def advance(n: int) -> None:
            bar.update(n)
            if bar.n >= total:
                bar.close()
        return advance
    return start


def _problem_dicts(problems: Iterable[Problem]) -> list[dict[str, Any]]:
    return [{"path": p.path, "line": p.line, "message": p.message} for p in problems]


def graph_counts(G: Any) -> dict[str, Any]:
    """How many entities and edges ``G`` has, in all and by type (schema order).

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> counts = graph_counts(build_graph(sample_extractions()))
    >>> list(counts), counts["entities_by_type"]["Country"] > 0
    (['entities', 'entities_by_type', 'edges', 'edges_by_type'], True)
    """
    nodes = Counter(d.get("type", "") for _, d in G.nodes(data=True))
    edges = Counter(d.get("type", "") for _, _, d in G.edges(data=True))
    order = {**{t: i for i, t in enumerate(schema().node_types)}, **{t: i for i, t in enumerate(schema().edge_types)}}
    return {
        "entities": G.number_of_nodes(),
        "entities_by_type": dict(sorted(nodes.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))),
        "edges": G.number_of_edges(),
        "edges_by_type": dict(sorted(edges.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))),
    }


def _file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def write_from_store(store: Any, version: str, out: Path) -> tuple[dict[str, Any], bool]:
    """Make the graph of ``store``'s extractions at ``version`` and write it to ``out``; returns
    its ``graph_counts`` and whether ``out`` was written.

    When the last build that wrote ``out`` did so from the same store contents
    (``Store.graph_inputs``), by the same code (the build command's modules and data files,
    networkx, Python) in the same format, and ``out`` still holds the bytes it wrote, the graph
    would be the same and so would the file: neither is made again.
    """
    from silkgraph.buildrun import graph_from_store, stored_version

    code = stored_version(store, __name__, WRITER_LIBRARIES)
    inputs = hashlib.sha256(json.dumps([version, code.id, platform.python_version(), out.suffix.lower(),
                                        store.graph_inputs(version)]).encode()).hexdigest()
    meta = OUTPUT_META + str(out.resolve())
    kept = json.loads(store.meta(meta) or "{}")
    if kept.get("inputs") == inputs and kept.get("sha256") == _file_sha256(out):
        return kept["counts"], False
    G = graph_from_store(store, version)
    _write(G, out)
    counts = graph_counts(G)
    store.set_meta(meta, json.dumps({"inputs": inputs, "sha256": _file_sha256(out), "counts": counts}))
    return counts, True


def build_summary(corpus: CorpusResult, counts: dict[str, Any], out: Path, elapsed: float,
                  extract_seconds: float) -> dict[str, Any]:
    """What a build did, as plain data (the ``--json-summary`` output); ``counts``: ``graph_counts``."""
    words = sum(len(a.text.split()) for a in corpus.articles)
    return {
        "articles": len(corpus.articles),
        "words": words,
        **counts,
        "skipped": _problem_dicts(corpus.skipped),
        "notes": _problem_dicts(corpus.notes),
        "output": str(out),
        "elapsed_seconds": round(elapsed, 3),
        "extract_seconds": round(extract_seconds, 3),
        "words_per_second": round(words / extract_seconds) if extract_seconds > 0 else None,
    }


def format_summary(s: dict[str, Any]) -> str:
    """The build summary as a few lines of text.

    >>> print(format_summary({"articles": 2, "words": 1500, "entities": 3, "entities_by_type": {"Country": 3},
    ...     "edges": 1, "edges_by_type": {"links": 1}, "skipped": [{"path": "x.bin", "line": None,
    ...     "message": "binary file (NUL bytes)"}], "notes": [], "output": "out/g.graphml",
    ...     "elapsed_seconds": 1.5, "extract_seconds": 0.5, "words_per_second": 3000,
    ...     "store": "out/g.sqlite", "extracted": 2, "from_store": 0, "new": 2, "reason": "a new store"}))
    read      2 articles, 1,500 words
    entities  3: Country 3
    edges     1: links 1
    skipped   1: x.bin (binary file (NUL bytes))
    store     out/g.sqlite: extracted 2, 0 from the store, 2 new (a new store)
    wrote     out/g.graphml in 1.5 s (3,000 words/s extracting)
    """
    def tally(d: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in d.items()) or "-"

    def where(p: dict[str, Any]) -> str:
        return f"{p['path']}:{p['line']}" if p["line"] is not None else p["path"]

    lines = [f"read      {s['articles']} articles, {s['words']:,} words",
             f"entities  {s['entities']}: {tally(s['entities_by_type'])}",
             f"edges     {s['edges']}: {tally(s['edges_by_type'])}"]
    def listing(problems: list[dict[str, Any]]) -> str:
        shown = "; ".join(f"{where(p)} ({p['message']})" for p in problems[:SUMMARY_LISTED])
        more = len(problems) - SUMMARY_LISTED
        return shown + (f"; … and {more} more (--json-summary lists all)" if more > 0 else "")

    if s["skipped"]:
        lines.append(f"skipped   {len(s['skipped'])}: {listing(s['skipped'])}")
    if s["notes"]:
        lines.append(f"notes     {len(s['notes'])}: {listing(s['notes'])}")
    if "store" in s:
        lines.append(f"store     {s['store']}: extracted {s['extracted']}, {s['from_store']} from the store"
                     + "".join(f", {s[k]} {k}" for k in ("new", "changed", "removed") if s.get(k))
                     + (f" ({s['reason']})" if s.get("reason") else ""))
    speed = f" ({s['words_per_second']:,} words/s extracting)" if s["words_per_second"] else ""
    if s.get("written", True):
        lines.append(f"wrote     {s['output']} in {s['elapsed_seconds']:.1f} s{speed}")
    else:
        lines.append(f"unchanged {s['output']}: the same graph, left as it was ({s['elapsed_seconds']:.1f} s)")
    return "\n".join(lines)


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    out = Path(args.out)
    if not args.paths:
        if not Path(DEFAULT_CORPUS).is_dir():
            raise CliError(f"no articles given and no {DEFAULT_CORPUS}/ folder here: name the article files or "
                           f"folders to read, e.g. `{PROG} build my/articles/` (the seed articles that come with "
                           f"silkgraph are in {shipped_seeds()})", code=2)
        args.paths = [DEFAULT_CORPUS]
    _check_output(out)
    corpus = read_corpus(args.paths)
    for problem in corpus.problems:
        print(f"{PROG}: {problem}", file=sys.stderr)
    if not corpus.articles:
        raise CliError(f"no article could be read from {', '.join(map(str, args.paths))}"
                       + (f" ({len(corpus.skipped)} skipped, see above)" if corpus.skipped else ""))

    import sqlite3

    from silkgraph.buildrun import BuildError, build, default_workers
    from silkgraph.store import Store, StoreError, store_beside

    store_path = Path(args.store) if args.store else store_beside(out)
    try:
        store_path.parent.mkdir(parents=True, exist_ok=True)
        with Store(store_path) as store:
            report = build(corpus.articles, store, workers=args.workers or default_workers(), dask=args.dask,
                           progress=_progress(args.progress), graph=False)
            failed = dict(report.failed)
            for article in corpus.articles:
                if article.doc_id in failed:
                    problem = Problem(article.path or article.doc_id, None, f"article {article.doc_id!r} could not "
                                                                            f"be extracted ({failed[article.doc_id]}); left out")
                    corpus.problems.append(problem)
                    print(f"{PROG}: {problem}", file=sys.stderr)
            counts, written = write_from_store(store, report.version, out)
    except (StoreError, BuildError) as exc:
        raise CliError(str(exc)) from None
    except (sqlite3.Error, OSError) as exc:
        raise CliError(f"cannot write the store {str(store_path)!r}: {exc}") from None
    corpus.articles = [a for a in corpus.articles if a.doc_id not in failed]
    summary = build_summary(corpus, counts, out, time.perf_counter() - started, report.extract_seconds)
    summary.update(written=written, store=str(store_path), extracted=report.extracted, from_store=report.from_store,
                   new=len(report.sync.new), changed=len(report.sync.changed), removed=len(report.sync.removed),
                   reason=report.reason,
                   words_per_second=(round(report.extracted_words / report.extract_seconds)
                                     if report.extracted_words and report.extract_seconds else None))
    if args.json_summary:
        _print_json(summary)
    else:
        print(format_summary(summary))
    return 0

