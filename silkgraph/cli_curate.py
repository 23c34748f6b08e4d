"""``silkgraph curate``: corrections kept in the corpus store and applied at every build.

    silkgraph curate merge KEEP DROP
    silkgraph curate rename NODE [--ar LABEL] [--en LABEL]
    silkgraph curate retype NODE TYPE
    silkgraph curate delete NODE
    silkgraph curate reject SOURCE TYPE TARGET [--doc DOC]
    silkgraph curate confirm SOURCE TYPE TARGET [--doc DOC]
    silkgraph curate note NODE TEXT | note SOURCE TYPE TARGET TEXT [--doc DOC]
    silkgraph curate undo [N]
    silkgraph curate log [--json]

Each takes ``--out GRAPH`` (default out/graph.graphml) and ``--store PATH`` (default beside
GRAPH, as ``silkgraph build``). A correction is checked against the graph, written to the
store's log, and GRAPH is rewritten from the store at once, without extracting anything.
"""
from __future__ import annotations

import argparse
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from silkgraph import curation
from silkgraph.cli import DEFAULT_GRAPH, CliError, _check_output, _positive_int, _print_json, _write
from silkgraph.store import Store, StoreError, store_beside


def add_curate_parser(sub: Any) -> None:
    """Add ``curate`` and its actions to the ``silkgraph`` subcommands.

    >>> parser = argparse.ArgumentParser()
    >>> add_curate_parser(parser.add_subparsers())
    >>> args = parser.parse_args(["curate", "reject", "لي تشيانغ", "leads", "country:KG", "--doc", "a1"])
    >>> args.action, args.source, args.type, args.target, args.doc, args.out
    ('reject', 'لي تشيانغ', 'leads', 'country:KG', 'a1', 'out/graph.graphml')
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--out", default=DEFAULT_GRAPH, help=f"the graph to rewrite (default {DEFAULT_GRAPH})")
    common.add_argument("--store", metavar="PATH", help="the corpus store (default: beside --out, .sqlite)")
    p = sub.add_parser("curate", help="correct the graph: merge, rename, retype, delete, reject, confirm, "
                                      "note, undo, log")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("merge", parents=[common], help="merge DROP into KEEP (one entity, KEEP's id)")
    a.add_argument("keep", metavar="KEEP")
    a.add_argument("drop", metavar="DROP")
    a = actions.add_parser("rename", parents=[common], help="give an entity a new label")
    a.add_argument("node", metavar="NODE")
    a.add_argument("--ar", dest="label_ar", help="the Arabic label")
    a.add_argument("--en", dest="label_en", help="the English label")
    a = actions.add_parser("retype", parents=[common], help="give an entity another type")
    a.add_argument("node", metavar="NODE")
    a.add_argument("type", metavar="TYPE")
    a = actions.add_parser("delete", parents=[common], help="take an entity and its edges out")
    a.add_argument("node", metavar="NODE")
    for name, what in (("reject", "take the edges out of the graph and its exports"),
                       ("confirm", "mark the edges as checked")):
        a = actions.add_parser(name, parents=[common], help=f"{what}: SOURCE TYPE TARGET")
        a.add_argument("source", metavar="SOURCE")
        a.add_argument("type", metavar="TYPE")
        a.add_argument("target", metavar="TARGET")
        a.add_argument("--doc", help="only the edge from this article")
    a = actions.add_parser("note", parents=[common], help="a note on an entity (NODE TEXT) or an edge "
                                                          "(SOURCE TYPE TARGET TEXT)")
    a.add_argument("what", nargs="+", metavar="ARG")
    a.add_argument("--doc", help="only the edge from this article")
    a = actions.add_parser("undo", parents=[common], help="take back the last N corrections (default 1)")
    a.add_argument("n", nargs="?", type=_positive_int, default=1, metavar="N")
    a = actions.add_parser("log", parents=[common], help="list the corrections")
    a.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_curate)


def _entry(store: Store, G: Any, args: argparse.Namespace) -> curation.CurationEntry:
    if args.action == "merge":
        return curation.merge(store, G, args.keep, args.drop)
    if args.action == "rename":
        return curation.rename(store, G, args.node, args.label_ar, args.label_en)
    if args.action == "retype":
        return curation.retype(store, G, args.node, args.type)
    if args.action == "delete":
        return curation.delete(store, G, args.node)
    if args.action in ("reject", "confirm"):
        return getattr(curation, args.action)(store, G, args.source, args.type, args.target, args.doc)
    if len(args.what) == 2:
        return curation.note(store, G, args.what[1], node=args.what[0])
    if len(args.what) == 4:
        return curation.note(store, G, args.what[3], edge=tuple(args.what[:3]), doc=args.doc)
    raise CliError("note takes NODE TEXT or SOURCE TYPE TARGET TEXT", code=2)


def cmd_curate(args: argparse.Namespace) -> int:
    from silkgraph.buildrun import graph_from_store

    out = Path(args.out)
    store_path = Path(args.store) if args.store else store_beside(out)
    if not store_path.is_file():
        raise CliError(f"no store at {store_path}; run `silkgraph build` first")
    if args.action != "log":
        _check_output(out)
    try:
        with Store(store_path) as store:
            if args.action == "log":
                entries = curation.log(store)
                if args.json:
                    _print_json([asdict(e) for e in entries])
                else:
                    print("\n".join(curation.describe(e) for e in entries) or "no corrections yet")
                return 0
            if not store.count():  # the explorer's log of corrections to a graph file, without articles
                raise CliError(f"{store_path} holds corrections but no articles, so {out} cannot be made from it; "
                               "the explorer applies them when it opens the graph, `curate log` lists them")
            if args.action == "undo":
                done = curation.undo(store, args.n)
                if not done:
                    raise CliError("nothing to undo")
                lines = [f"undid {curation.describe(replace(e, undone=False))}" for e in done]
            else:
                lines = [curation.describe(_entry(store, graph_from_store(store), args))]
            G = graph_from_store(store)
    except (StoreError, curation.CurationError, LookupError) as exc:
        raise CliError(exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)) from None
    _write(G, out)
    print("\n".join(lines))
    print(f"wrote {out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")
    return 0
