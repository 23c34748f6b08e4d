"""Curation benchmark: how long one correction made in the explorer takes to show, on a large graph.

    .venv/bin/python bench/bench_curate.py [--articles 3000] [--relations 6] [--entities 2000]

Makes a synthetic corpus (``bench_graph``'s entities and extractions), keeps it as a corpus store
(no extraction: the records go in as a build would leave them) and as a plain graph file, then
times, with ``silkgraph.views.curate_live.CuratedLiveGraph`` as the explorer uses it:

- a reject, a merge and two undos on the graph with a store (the first undo makes the graph
  without the log from the store, and keeps it);
- the same on the plain graph file (a log-only store beside it; the log applied to the graph);
- the start of each, with those corrections in the log.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from bench_graph import make_entities, make_extractions  # noqa: E402

from silkgraph.buildrun import VERSION_META, extractor_version  # noqa: E402
from silkgraph.graph.build import build_graph  # noqa: E402
from silkgraph.graph.export import write_graph  # noqa: E402
from silkgraph.store import Store, store_beside  # noqa: E402
from silkgraph.views.curate_live import CuratedLiveGraph  # noqa: E402


def seconds(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def corrections(live: CuratedLiveGraph, label: str) -> None:
    G = live.G
    hubs = sorted(G, key=G.degree, reverse=True)
    u, v, d = next((u, v, d) for u, v, d in G.out_edges(hubs[0], data=True))
    for name, fn in (("reject", lambda: live.curate("reject", u, d["type"], v)),
                     ("merge", lambda: live.curate("merge", hubs[1], hubs[2])),
                     ("undo", live.undo), ("undo", live.undo)):  # a store's first undo makes its graph without the log
        t, _ = seconds(fn)
        print(f"  {label}: {name:<6} {t:6.2f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--relations", type=int, default=6, help="relations per article")
    ap.add_argument("--entities", type=int, default=2000)
    args = ap.parse_args(argv)
    rng = random.Random(11)
    records = make_extractions(args.articles, make_entities(args.entities, rng), args.relations, rng)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stored = folder / "stored" / "graph.graphml"
        plain = folder / "plain" / "graph.graphml"
        stored.parent.mkdir()
        plain.parent.mkdir()
        G = build_graph(records)
        write_graph(G, stored)
        write_graph(G, plain)
        with Store(store_beside(stored)) as store:
            store.sync_articles([r.article for r in records])
            version = extractor_version().id
            store.put_extractions(version, records)
            store.set_meta(VERSION_META, version)
        print(f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges, {len(records):,} articles")
        for label, path in (("with a store", stored), ("plain file", plain)):
            t, live = seconds(lambda: CuratedLiveGraph(path, folder / "seeds", folder / f"uploads-{path.parent.name}"))
            print(f"  {label}: start  {t:6.2f} s (no corrections)")
            corrections(live, label)
            t, _ = seconds(lambda: CuratedLiveGraph(path, folder / "seeds", folder / f"uploads-{path.parent.name}"))
            print(f"  {label}: start  {t:6.2f} s (with the corrections)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
