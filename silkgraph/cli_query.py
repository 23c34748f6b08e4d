"""``silkgraph neighbors`` and ``silkgraph path``: ask a built graph about an entity or a pair.

    silkgraph neighbors ENTITY [--graph FILE] [--types visited,signed] [--json]
    silkgraph path A B [--graph FILE] [--max-hops 4] [--k 3] [--types ...] [--from DATE] [--to DATE] [--json]
"""
from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Any

from silkgraph.cli import DEFAULT_GRAPH, CliError, _load_graph, _positive_int, _print_json
from silkgraph.corpus import parse_date
from silkgraph.schema import schema

EVIDENCE_CHARS = 300


def add_query_parsers(sub: Any) -> None:
    """Add ``neighbors`` and ``path`` to the ``silkgraph`` subcommands.

    >>> parser = argparse.ArgumentParser()
    >>> add_query_parsers(parser.add_subparsers())
    >>> args = parser.parse_args(["path", "بوتين", "Kazakhstan", "--from", "2024", "--to", "17 يونيو 2025"])
    >>> args.source, args.target, args.max_hops, args.k, args.date_from, args.date_to
    ('بوتين', 'Kazakhstan', 4, 3, '2024', '2025-06-17')
    """
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


def _date(value: str) -> str:
    """A date bound: a year or a month (as silkgraph.graph.query.date_bounds takes them), or a day, ISO
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


def _resolve(G: Any, name: str) -> str:
    from silkgraph.graph.query import AmbiguousEntity, EntityNotFound, resolve_entity

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


def _arrow(directed: bool, forward: bool, etype: str) -> str:
    if not directed:
        return f"—{etype}—"
    return f"—{etype}→" if forward else f"←{etype}—"


def cmd_neighbors(args: argparse.Namespace) -> int:
    from silkgraph.graph.query import neighbors_by_type

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
    from silkgraph.graph.query import date_bounds, k_shortest_paths

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

