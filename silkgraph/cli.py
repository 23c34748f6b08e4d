"""The ``silkgraph`` command line: build a graph from articles, then ask it questions.

    silkgraph build [PATH ...] [--out out/graph.graphml] [--json-summary] [--progress]
    silkgraph neighbors ENTITY [--graph FILE] [--types visited,signed] [--json]
    silkgraph path A B [--graph FILE] [--max-hops 4] [--k 3] [--types ...] [--from DATE] [--to DATE] [--json]
    silkgraph curate merge|rename|retype|delete|reject|confirm|note|undo|log ...  (silkgraph.cli_curate)
    silkgraph export GRAPH --neo4j FOLDER
    silkgraph score GOLD GRAPH [--json]
    silkgraph export GRAPH --out FILE
    silkgraph serve [--graph FILE] [--port 8501] [--address 127.0.0.1] [--uploads uploads/]

Exit status: 0 on success, 1 when the command could not do its job (no article read, no
graph file, unknown entity, no path, unwritable output), 2 for usage errors, 130 when
interrupted (Ctrl-C) and 143 when terminated (SIGTERM), leaving no temp file. A user's
mistake gives one line on stderr, never a traceback. Outputs are written atomically by
``graph.export.write_graph``: a failed run leaves an existing output as it was.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from silkgraph import __version__, shipped_seeds
from silkgraph.corpus import CorpusResult, Problem, parse_date, read_corpus
from silkgraph.schema import schema

DEFAULT_CORPUS = "seeds"
DEFAULT_GRAPH = "out/graph.graphml"
PROGRESS_MIN_ARTICLES = 6  # a bar for fewer articles than this is noise
EVIDENCE_CHARS = 300
SUMMARY_LISTED = 10  # problems named in the text summary; the JSON summary has them all
PROG = "silkgraph"


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: whatever is being written is removed, nothing half-done stays."""


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated()


class CliError(Exception):
    """A user-facing failure: printed as one line, exits with ``code``."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


# --- argument types ---------------------------------------------------------------------------


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be at least 1")
    return n


def _port(value: str) -> int:
    n = _positive_int(value)
    if n > 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port (1 to 65535)")
    return n


def _date(value: str) -> str:
    """A date bound: a year or a month (as graph.query.date_bounds takes them), or a day, ISO
    or as an article writes it (17 يونيو 2025)."""
    if re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", value.strip()):
        return value.strip()
    iso = parse_date(value)
    if iso is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return iso


def _edge_types(values: Sequence[str] | None) -> list[str] | None:
    """Edge type names from repeated and/or comma-separated options, checked against the schema."""
    if not values:
        return None
    names = [n.strip() for v in values for n in v.split(",") if n.strip()]
    known = schema().edge_types
    unknown = [n for n in names if n not in known]
    if unknown:
        raise CliError(f"unknown edge type(s) {', '.join(unknown)}; known: {', '.join(known)}", code=2)
    return names


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``silkgraph`` command.

    >>> build_parser().parse_args(["path", "كازاخستان", "طاجيكستان", "--k", "2"]).k
    2
    """
    parser = argparse.ArgumentParser(prog=PROG, description="Arabic news about China and Central Asia, "
                                                            "as a typed knowledge graph.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

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

    p = sub.add_parser("neighbors", help="an entity's neighbours, grouped by relation, with evidence")
    p.add_argument("entity", metavar="ENTITY", help="a name in any Arabic spelling, in English, or a node id")
    p.add_argument("--graph", default=DEFAULT_GRAPH, help=f"graph file (default {DEFAULT_GRAPH})")
    p.add_argument("--types", action="append", metavar="TYPES", help="only these edge types (comma-separated)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_neighbors)

    p = sub.add_parser("path", help="the k shortest ways two entities are connected, hop by hop")
    p.add_argument("source", metavar="A")
    p.add_argument("target", metavar="B")
    p.add_argument("--graph", default=DEFAULT_GRAPH, help=f"graph file (default {DEFAULT_GRAPH})")
    p.add_argument("--max-hops", type=_positive_int, default=4, help="longest path searched (default 4)")
    p.add_argument("--k", type=_positive_int, default=3, help="how many paths (default 3)")
    p.add_argument("--types", action="append", metavar="TYPES", help="only these edge types (comma-separated)")
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="only edges dated on or after")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="only edges dated on or before")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_path)

    from silkgraph.cli_curate import add_curate_parser

    add_curate_parser(sub)

    p = sub.add_parser("score", help="score a graph against a gold annotation (JSON)")
    p.add_argument("gold", metavar="GOLD")
    p.add_argument("graph", metavar="GRAPH")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--explain", action="store_true",
                   help="per document: every missed and wrong entity and relation, with its sentence")
    p.add_argument("--texts", metavar="DIR",
                   help="folder of the gold documents' texts (default: the gold file's folder)")
    p.add_argument("--docs", metavar="IDS", help="only these gold documents (comma-separated), "
                   "or 'odd' / 'even' for the tune and check halves")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("export", help="convert a graph file to another format")
    p.add_argument("graph", metavar="GRAPH", help="a .graphml, .gexf or .json graph")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", help="output file: .graphml .gexf .json .csv")
    target.add_argument("--neo4j", metavar="FOLDER",
                        help="write nodes.csv and relationships.csv for neo4j-admin import into FOLDER")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("serve", help="open the explorer (needs the app extra: pip install 'silkgraph[app]')")
    p.add_argument("--graph", default=None,
                   help="a graph written by `silkgraph build` (default: built from the seeds that come with silkgraph)")
    p.add_argument("--port", type=_port, default=8501, help="port (default 8501)")
    p.add_argument("--address", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 opens it to the "
                        "network, where anyone who can reach it can add articles)")
    p.add_argument("--uploads", default="uploads", help="folder the added articles are kept in (default uploads/)")
    p.set_defaults(func=cmd_serve)
    return parser


# --- shared helpers ---------------------------------------------------------------------------


def _check_output(out: Path) -> None:
    """Fail before any work when ``out`` has an unsupported extension or cannot be written."""
    from graph.export import WRITERS

    if out.suffix.lower() not in WRITERS:
        raise CliError(f"cannot write {str(out)!r}: unsupported format {out.suffix or '(no extension)'!r}; "
                       f"use one of {', '.join(WRITERS)}", code=2)
    if out.is_dir():
        raise CliError(f"cannot write {str(out)!r}: it is a folder")
    folder = out.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise CliError(f"cannot write {str(out)!r}: {str(folder)!r} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CliError(f"cannot write {str(out)!r}: folder {str(folder)!r} is not writable")


def _write(G: Any, out: Path) -> None:
    from graph.export import write_graph

    try:
        write_graph(G, out)
    except OSError as exc:
        raise CliError(f"cannot write {str(out)!r}: {exc.strerror or exc}") from None


def _load_graph(path: str) -> Any:
    from graph.export import read_graph

    if not Path(path).exists():
        raise CliError(f"no graph at {path}; run `silkgraph build` first")
    try:
        return read_graph(path)
    except (ValueError, FileNotFoundError) as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot read {path!r}: {exc.strerror or exc}") from None


def _resolve(G: Any, name: str) -> str:
    from graph.query import AmbiguousEntity, EntityNotFound, resolve_entity

    try:
        return resolve_entity(G, name)
    except EntityNotFound as exc:
        hint = f"; did you mean: {', '.join(_label(G, n) for n in exc.suggestions)}?" if exc.suggestions else ""
        raise CliError(f"no entity matches {name!r} in the graph{hint}") from None
    except AmbiguousEntity as exc:
        raise CliError(f"{name!r} could mean {len(exc.candidates)} entities: "
                       f"{', '.join(_label(G, n) for n in exc.candidates)}; give one of these ids") from None


def _label(G: Any, node: str) -> str:
    """A node as "English · Arabic (id)", leaving out what it lacks."""
    d = G.nodes[node]
    names = [n for n in (d.get("label_en"), d.get("label_ar")) if n]
    return f"{' · '.join(dict.fromkeys(names)) or d.get('label', node)} ({node})"


def _short(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# --- build ------------------------------------------------------------------------------------


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


def build_summary(corpus: CorpusResult, G: Any, out: Path, elapsed: float, extract_seconds: float) -> dict[str, Any]:
    """What a build did, as plain data (the ``--json-summary`` output)."""
    words = sum(len(a.text.split()) for a in corpus.articles)
    nodes = Counter(d.get("type", "") for _, d in G.nodes(data=True))
    edges = Counter(d.get("type", "") for _, _, d in G.edges(data=True))
    order = {**{t: i for i, t in enumerate(schema().node_types)}, **{t: i for i, t in enumerate(schema().edge_types)}}
    return {
        "articles": len(corpus.articles),
        "words": words,
        "entities": G.number_of_nodes(),
        "entities_by_type": dict(sorted(nodes.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))),
        "edges": G.number_of_edges(),
        "edges_by_type": dict(sorted(edges.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))),
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
    lines.append(f"wrote     {s['output']} in {s['elapsed_seconds']:.1f} s{speed}")
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
                           progress=_progress(args.progress))
    except (StoreError, BuildError) as exc:
        raise CliError(str(exc)) from None
    except (sqlite3.Error, OSError) as exc:
        raise CliError(f"cannot write the store {str(store_path)!r}: {exc}") from None
    failed = dict(report.failed)
    for article in corpus.articles:
        if article.doc_id in failed:
            problem = Problem(article.path or article.doc_id, None, f"article {article.doc_id!r} could not be "
                                                                    f"extracted ({failed[article.doc_id]}); left out")
            corpus.problems.append(problem)
            print(f"{PROG}: {problem}", file=sys.stderr)
    corpus.articles = [a for a in corpus.articles if a.doc_id not in failed]
    _write(report.graph, out)
    summary = build_summary(corpus, report.graph, out, time.perf_counter() - started, report.extract_seconds)
    summary.update(store=str(store_path), extracted=report.extracted, from_store=report.from_store,
                   new=len(report.sync.new), changed=len(report.sync.changed), removed=len(report.sync.removed),
                   reason=report.reason,
                   words_per_second=(round(report.extracted_words / report.extract_seconds)
                                     if report.extracted_words and report.extract_seconds else None))
    if args.json_summary:
        _print_json(summary)
    else:
        print(format_summary(summary))
    return 0


# --- neighbors --------------------------------------------------------------------------------


def _arrow(directed: bool, forward: bool, etype: str) -> str:
    if not directed:
        return f"—{etype}—"
    return f"—{etype}→" if forward else f"←{etype}—"


def cmd_neighbors(args: argparse.Namespace) -> int:
    from graph.query import neighbors_by_type

    types = _edge_types(args.types)
    G = _load_graph(args.graph)
    node = _resolve(G, args.entity)
    groups = neighbors_by_type(G, node)
    if types is not None:
        groups = {t: items for t, items in groups.items() if t in types}
    if args.json:
        _print_json({"entity": {"id": node, **{k: G.nodes[node].get(k, "") for k in
                                               ("label", "label_ar", "label_en", "type")}},
                     "neighbors": groups})
        return 0
    print(f"{_label(G, node)} [{G.nodes[node].get('type', '')}]")
    if not groups:
        print("  no neighbours" + (f" by {', '.join(types)}" if types else ""))
        return 0
    edge_types = schema().edge_types
    for etype, items in groups.items():
        label_ar = edge_types[etype].label_ar if etype in edge_types else ""
        print(f"\n{etype}{f' ({label_ar})' if label_ar else ''}: {len(items)}")
        for item in items:
            arrow = _arrow(item["directed"], item["direction"] == "out", etype)
            print(f"  {arrow} {_label(G, item['id'])} [{item['type']}] ×{item['count']}")
            for edge in item["edges"]:
                where = ", ".join(x for x in (edge["doc"], edge["date"]) if x)
                print(f"      «{_short(edge['evidence'])}» ({where})")
    return 0


# --- path -------------------------------------------------------------------------------------


def cmd_path(args: argparse.Namespace) -> int:
    from graph.query import date_bounds, k_shortest_paths

    types = _edge_types(args.types)
    lo, hi = date_bounds(args.date_from, args.date_to)
    if lo and hi and lo > hi:
        raise CliError(f"--from {args.date_from} is after --to {args.date_to}", code=2)
    G = _load_graph(args.graph)
    source, target = _resolve(G, args.source), _resolve(G, args.target)
    if source == target:
        raise CliError(f"{args.source!r} and {args.target!r} are the same entity ({source})")
    paths = k_shortest_paths(G, source, target, k=args.k, max_hops=args.max_hops, edge_types=types,
                             date_from=args.date_from, date_to=args.date_to)
    if args.json:
        _print_json({"source": source, "target": target, "max_hops": args.max_hops, "paths": paths})
        return 0 if paths else 1
    if not paths:
        filters = " with these filters" if (types or args.date_from or args.date_to) else ""
        print(f"no path between {_label(G, source)} and {_label(G, target)} within {args.max_hops} hops{filters}")
        return 1
    for number, path in enumerate(paths, start=1):
        print(f"path {number} ({len(path)} hop{'s' if len(path) > 1 else ''})")
        for hop in path:
            arrow = _arrow(hop["directed"], hop["direction"] == "forward", hop["type"])
            print(f"  {_label(G, hop['from'])} {arrow} {_label(G, hop['to'])}")
            where = ", ".join(x for x in (hop["doc"], hop["date"]) if x)
            print(f"      «{_short(hop['evidence'])}» ({where})")
    return 0


# --- score and export -------------------------------------------------------------------------


def cmd_score(args: argparse.Namespace) -> int:
    from graph.evaluate import entity_precision, format_score, load_gold, score

    try:
        gold = load_gold(args.gold)
    except (FileNotFoundError, ValueError) as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot read {args.gold!r}: {exc.strerror or exc}") from None
    G = _load_graph(args.graph)
    if args.explain:
        return _explain(args, gold, G)
    result = score(gold, G)
    result.update(entity_precision(gold, G))
    if args.json:
        _print_json(result)
    else:
        print(format_score(result))
    return 0


def _gold_docs(gold: dict[str, Any], wanted: str | None) -> list[str]:
    docs = sorted(gold.get("docs", {}))
    if not wanted:
        return docs
    if wanted in ("odd", "even"):
        parity = 1 if wanted == "odd" else 0
        return [d for d in docs if (digits := re.sub(r"\D", "", d)) and int(digits) % 2 == parity]
    chosen = [d.strip() for d in wanted.split(",") if d.strip()]
    unknown = [d for d in chosen if d not in gold.get("docs", {})]
    if unknown:
        raise CliError(f"not gold documents: {', '.join(unknown)} (known: {', '.join(docs[:8])} …)")
    return chosen


def _explain(args: argparse.Namespace, gold: dict[str, Any], G: Any) -> int:
    from graph.explain import explain, format_explanation

    if not gold.get("docs"):
        raise CliError(f"{args.gold!r} names no documents ('docs'): --explain needs them")
    folder = Path(args.texts) if args.texts else Path(args.gold).parent
    docs = _gold_docs(gold, args.docs)
    texts = {}
    for d in docs:
        path = folder / gold["docs"][d]
        try:
            texts[d] = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            raise CliError(f"no text for gold document {d} at {str(path)!r}: pass the texts' folder "
                           "with --texts DIR") from None
    report = explain(gold, G, texts, docs)
    if args.json:
        _print_json(report)
    else:
        print(format_explanation(report))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.neo4j:
        from graph.neo4j import write_neo4j

        G = _load_graph(args.graph)
        try:
            paths = write_neo4j(G, args.neo4j)
        except OSError as exc:
            raise CliError(f"cannot write {args.neo4j!r}: {exc.strerror or exc}") from None
        print(f"wrote {' and '.join(map(str, paths))} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
        return 0
    out = Path(args.out)
    _check_output(out)
    G = _load_graph(args.graph)
    _write(G, out)
    print(f"wrote {out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
    return 0


# --- serve ------------------------------------------------------------------------------------


def serve_command(args: argparse.Namespace) -> list[str]:
    """The ``streamlit run`` command line ``silkgraph serve`` runs (the explorer script and its settings).

    >>> cmd = serve_command(build_parser().parse_args(["serve", "--port", "8600"]))
    >>> cmd[1:4], cmd[cmd.index("--server.port") + 1], cmd[cmd.index("--server.address") + 1]
    (['-m', 'streamlit', 'run'], '8600', '127.0.0.1')
    """
    import importlib.util

    spec = importlib.util.find_spec("views.explorer")
    if spec is None or spec.origin is None:
        raise CliError("the explorer is not installed with this package")
    settings = ["--uploads", str(Path(args.uploads).resolve())]
    if args.graph:
        settings += ["--graph", str(Path(args.graph).resolve())]
    return [sys.executable, "-m", "streamlit", "run", spec.origin, "--server.port", str(args.port),
            "--server.address", args.address, "--server.headless", "true", "--", *settings]


def cmd_serve(args: argparse.Namespace) -> int:
    import importlib.util

    missing = [m for m in ("streamlit", "pyvis", "pandas") if importlib.util.find_spec(m) is None]
    if missing:
        raise CliError(f"the explorer needs {', '.join(missing)}: pip install 'silkgraph[app]'")
    if args.graph and not Path(args.graph).is_file():
        raise CliError(f"no graph at {args.graph}; run `{PROG} build` first, or leave --graph out to use the seeds")
    cmd = serve_command(args)
    try:  # Streamlit serves static/ beside the script only when it is there at start-up
        (Path(cmd[cmd.index("run") + 1]).parent / "static").mkdir(exist_ok=True)
    except OSError:
        pass  # a read-only install: the page inlines vis-network instead
    print(f"{PROG}: the explorer opens at http://{args.address}:{args.port} (Ctrl-C stops it)", file=sys.stderr)
    sys.stderr.flush()
    os.execv(cmd[0], cmd)  # streamlit takes over this process and its signals
    return 0  # not reached


# --- entry point ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``silkgraph`` command; returns the exit status.

    >>> main(["neighbors", "Kazakhstan", "--graph", "no/such/graph.graphml"])
    1
    """
    for stream in (sys.stdout, sys.stderr):
        # a terminal in a non-UTF-8 locale gets escapes for Arabic, not a UnicodeEncodeError
        if "utf" not in (getattr(stream, "encoding", "") or "utf").lower():
            try:
                stream.reconfigure(errors="backslashreplace")
            except (AttributeError, ValueError):
                pass
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage error or the help
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
    try:
        return args.func(args)
    except CliError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.code
    except Terminated:
        print(f"{PROG}: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head and closed early
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
