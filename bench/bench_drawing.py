"""Benchmark the drawn-view exports (SVG, GraphML, GEXF) and the map layout on large views.

usage: python bench/bench_drawing.py [--entities 2000] [--articles 1000] [--view 300]

The graph is bench_render's synthetic one; its countries and cities are given the ids of
real places (so the map places them) and the view is the ``--view`` most connected nodes,
as the explorer caps it. Prints figures only.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from silkgraph.graph.drawing import Drawing, drawing_bytes  # noqa: E402
from silkgraph.graph.layout import geographic_layout, leaf_clusters, load_coordinates  # noqa: E402


def synthetic(entities: int, articles: int) -> nx.MultiDiGraph:
    spec = importlib.util.spec_from_file_location("bench_render", ROOT / "bench" / "bench_render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    G = module.synthetic_graph(entities, articles)
    rng = random.Random(3)
    countries = [i for i in load_coordinates() if i.startswith("country:")]
    cities = [i for i in load_coordinates() if i.startswith("city:")]
    rng.shuffle(countries)
    rng.shuffle(cities)
    mapping = {}
    for n, kind in G.nodes(data="type"):
        pool = countries if kind == "Country" else cities if kind == "City" else None
        if pool:
            mapping[n] = pool.pop()
    return nx.relabel_nodes(G, mapping)


def timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=2000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--view", type=int, default=300)
    args = parser.parse_args(argv)
    G = synthetic(args.entities, args.articles)
    coords = load_coordinates()
    top = sorted(G, key=lambda n: (-G.degree(n), str(n)))[:args.view]
    D = G.subgraph(top).copy()
    print(f"graph               {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; "
          f"view {D.number_of_nodes()} nodes, {D.number_of_edges()} edges, "
          f"{sum(n in coords for n in D)} of them places")
    t, pos = timed(geographic_layout, D)
    print(f"geographic_layout   {t:8.3f} s  the view ({len(pos)} nodes)")
    t, _ = timed(geographic_layout, G)
    print(f"geographic_layout   {t:8.3f} s  the whole graph ({G.number_of_nodes()} nodes)")
    t, folds = timed(leaf_clusters, D)
    print(f"leaf_clusters       {t * 1000:8.1f} ms the view ({len(folds)} hubs folded)")
    drawing = Drawing(pos, sizes={n: 14.0 for n in D})
    for suffix in (".svg", ".graphml", ".gexf"):
        t, data = timed(drawing_bytes, D, drawing, suffix)
        print(f"drawing_bytes {suffix:<8}{t:8.3f} s  {len(data) / 1e6:6.2f} MB")


if __name__ == "__main__":
    main()
