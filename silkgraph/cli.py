"""The ``silkgraph`` command line: build a graph from articles, then ask it questions.

    silkgraph build [PATH ...] [--out out/graph.graphml] [--json-summary] [--progress]  (silkgraph.cli_build)
    silkgraph neighbors ENTITY [--graph FILE] [--types visited,signed] [--json]      (silkgraph.cli_query)
    silkgraph path A B [--graph FILE] [--max-hops 4] [--k 3] [--types ...] [--from DATE] [--to DATE] [--json]
    silkgraph curate merge|rename|retype|delete|reject|confirm|note|undo|log ...  (silkgraph.cli_curate)
    silkgraph views list|show|delete [NAME]       (named views of the explorer, silkgraph.cli_views)
    silkgraph export GRAPH --neo4j FOLDER
    silkgraph score GOLD GRAPH [--json]
    silkgraph export GRAPH --out FILE
    silkgraph serve [--graph FILE] [--port 8501] [--address 127.0.0.1] [--uploads uploads/]

Exit status: 0 on success, 1 when the command could not do its job (no article read, no
graph file, unknown entity, no path, unwritable output), 2 for usage errors, 130 when
interrupted (Ctrl-C) and 143 when terminated (SIGTERM), leaving no temp file. A user's
mistake gives one line on stderr, never a traceback. Outputs are written atomically by
``silkgraph.graph.export.write_graph``: a failed run leaves an existing output as it was.

This module holds the parser, the entry point, what the commands share (errors, argument
types, reading and writing graphs), and score, export and serve; build, the queries and
curate are in ``silkgraph.cli_build``, ``silkgraph.cli_query`` and ``silkgraph.cli_curate``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from silkgraph import __version__

DEFAULT_GRAPH = "out/graph.graphml"
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

    from silkgraph.cli_build import add_build_parser
    from silkgraph.cli_curate import add_curate_parser
    from silkgraph.cli_query import add_query_parsers
    from silkgraph.cli_views import add_views_parser

    add_build_parser(sub)
    add_query_parsers(sub)
    add_curate_parser(sub)
    add_views_parser(sub)

    p = sub.add_parser("score", help="score a graph against a gold annotation (JSON)")
    p.add_argument("gold", metavar="GOLD")
    p.add_argument("graph", metavar="GRAPH")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--explain", action="store_true",
                   help="per document: every missed and wrong entity and relation, with its sentence")
    p.add_argument("--texts", metavar="DIR",
                   help="folder of the gold documents' texts (default: the gold file's folder)")
    p.add_argument("--docs", metavar="IDS", help="only these gold documents (comma-separated), "
                   "or 'odd' / 'even' for the tune and check halves: their part of the gold against the "
                   "nodes and edges they gave (close to, not equal to, a graph built from them alone)")
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
    from silkgraph.graph.export import WRITERS

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
    from silkgraph.graph.export import write_graph

    try:
        write_graph(G, out)
    except OSError as exc:
        raise CliError(f"cannot write {str(out)!r}: {exc.strerror or exc}") from None


def _load_graph(path: str) -> Any:
    from silkgraph.graph.export import read_graph

    if not Path(path).exists():
        raise CliError(f"no graph at {path}; run `silkgraph build` first")
    try:
        return read_graph(path)
    except (ValueError, FileNotFoundError) as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot read {path!r}: {exc.strerror or exc}") from None


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# --- score and export -------------------------------------------------------------------------


def cmd_score(args: argparse.Namespace) -> int:
    from silkgraph.graph.evaluate import entity_precision, format_score, load_gold, score

    try:
        gold = load_gold(args.gold)
    except (FileNotFoundError, ValueError) as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot read {args.gold!r}: {exc.strerror or exc}") from None
    G = _load_graph(args.graph)
    if args.explain:
        return _explain(args, gold, G)
    if args.docs:  # that part of the gold against that part of the graph, as score_real.py does
        from silkgraph.graph.explain import doc_gold, docs_subgraph

        docs = _gold_docs(gold, args.docs)
        gold = doc_gold(gold, docs, _gold_texts(args, gold, docs))
        G = docs_subgraph(G, [Path(gold["docs"][d]).stem for d in docs])
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


def _gold_texts(args: argparse.Namespace, gold: dict[str, Any], docs: list[str]) -> dict[str, str]:
    if not gold.get("docs"):
        raise CliError(f"{args.gold!r} names no documents ('docs'): --docs and --explain need them")
    folder = Path(args.texts) if args.texts else Path(args.gold).parent
    texts = {}
    for d in docs:
        path = folder / gold["docs"][d]
        try:
            texts[d] = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            raise CliError(f"no text for gold document {d} at {str(path)!r}: pass the texts' folder "
                           "with --texts DIR") from None
    return texts


def _explain(args: argparse.Namespace, gold: dict[str, Any], G: Any) -> int:
    from silkgraph.graph.explain import explain, format_explanation

    docs = _gold_docs(gold, args.docs)
    report = explain(gold, G, _gold_texts(args, gold, docs), docs)
    if args.json:
        _print_json(report)
    else:
        print(format_explanation(report))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.neo4j:
        from silkgraph.graph.neo4j import write_neo4j

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

    spec = importlib.util.find_spec("silkgraph.views.explorer")
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
