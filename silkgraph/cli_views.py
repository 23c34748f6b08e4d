"""``silkgraph views``: the explorer's named views kept in the corpus store.

    silkgraph views list [--json]
    silkgraph views show NAME [--json]     # its settings and the URL query that opens it
    silkgraph views delete NAME

Each takes ``--out GRAPH`` (default out/graph.graphml) and ``--store PATH`` (default beside
GRAPH, as ``silkgraph build``). Views are saved from the explorer (``silkgraph.views.saved_views``).
"""
from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from silkgraph.cli import DEFAULT_GRAPH, CliError, _print_json
from silkgraph.store import NamedView, Store, StoreError, store_beside


def add_views_parser(sub: Any) -> None:
    """Add ``views`` and its actions to the ``silkgraph`` subcommands.

    >>> parser = argparse.ArgumentParser()
    >>> add_views_parser(parser.add_subparsers())
    >>> args = parser.parse_args(["views", "show", "كازاخستان", "--store", "s.sqlite"])
    >>> args.action, args.name, args.store
    ('show', 'كازاخستان', 's.sqlite')
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--out", default=DEFAULT_GRAPH, help=f"the graph whose store to read (default {DEFAULT_GRAPH})")
    common.add_argument("--store", metavar="PATH", help="the corpus store (default: beside --out, .sqlite)")
    p = sub.add_parser("views", help="the explorer's named views in the corpus store: list, show, delete")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("list", parents=[common], help="every named view")
    a.add_argument("--json", action="store_true", help="print JSON")
    a = actions.add_parser("show", parents=[common], help="a view's settings and the URL query that opens it")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--json", action="store_true", help="print JSON")
    a = actions.add_parser("delete", parents=[common], help="forget a named view")
    a.add_argument("name", metavar="NAME")
    p.set_defaults(func=cmd_views)


def view_query(view: NamedView) -> str:
    """The URL query (after the explorer's address) that opens ``view``.

    >>> view_query(NamedView("KZ", {"sel": "country:KZ", "hidden": ["a", "b"]}, ""))
    '?sel=country%3AKZ&hidden=a&hidden=b'
    """
    return "?" + urlencode(view.params, doseq=True)


def cmd_views(args: argparse.Namespace) -> int:
    store_path = Path(args.store) if args.store else store_beside(Path(args.out))
    if not store_path.is_file():
        raise CliError(f"no store at {store_path}; run `silkgraph build` first")
    try:
        with Store(store_path) as store:
            if args.action == "list":
                views = store.views()
                if args.json:
                    _print_json([asdict(v) for v in views])
                else:
                    print("\n".join(v.summary() for v in views) or "no named views yet (save one in the explorer)")
                return 0
            view = store.view(args.name)
            if view is None:
                known = ", ".join(v.name for v in store.views())
                raise CliError(f"no view named {args.name!r}" + (f"; the store has: {known}" if known else ""))
            if args.action == "delete":
                store.delete_view(view.name)
                print(f"deleted the view {view.name!r}")
                return 0
    except StoreError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        _print_json({**asdict(view), "query": view_query(view)})
        return 0
    print(view.summary())
    for key, value in view.params.items():
        if key != "pos":
            print(f"  {key}: {', '.join(value) if isinstance(value, list) else value}")
    print(f"open it: the explorer's address followed by {view_query(view)}")
    return 0
