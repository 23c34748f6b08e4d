"""Query indexes made once per graph version: the name index and the path projection."""
from __future__ import annotations

import random
import sys
from itertools import islice
from pathlib import Path

import networkx as nx
import pytest

from silkgraph.graph.build import add_extraction, build_graph
from silkgraph.graph.index import projection, touch
from silkgraph.graph.find import _node_keys, _query_keys
from silkgraph.graph.query import find_entity, k_shortest_paths
from silkgraph.graph.sample import sample_extractions
from silkgraph.records import Article, ArticleExtraction, Entity, Mention

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from bench_graph import make_entities, make_extractions  # noqa: E402


@pytest.fixture(scope="module")
def synthetic():
    rng = random.Random(3)
    records = make_extractions(300, make_entities(600, rng), 8, rng)
    return build_graph(records), records


def scan(G, name):
    """find_entity as a scan of every node, the way it was before the index."""
    wanted = _query_keys(name)
    exact, prefix, inner = [], [], []
    for node, data in G.nodes(data=True):
        keys = _node_keys(str(node), data)
        if not keys.isdisjoint(wanted):
            exact.append(node)
        elif any(w in k for w in wanted for k in keys):
            (prefix if any(k.startswith(w) for w in wanted for k in keys) else inner).append(node)

    def order(nodes):
        return sorted(nodes, key=lambda n: (-int(G.nodes[n].get("mentions", 0) or 0), str(n)))
    return order(exact) + order(prefix) + order(inner)


def test_the_name_index_answers_as_a_scan_of_every_node(synthetic):
    G, _ = synthetic
    rng = random.Random(5)
    names = []
    for n in rng.sample(list(G.nodes), 40):
        label = G.nodes[n]["label_ar"]
        names += [label, label[:2], label[1:4], "و" + label, n, G.nodes[n]["label_en"][:4]]
    for name in filter(str.strip, names):
        assert find_entity(G, name, limit=10_000) == scan(G, name), name


def test_the_indexes_follow_the_graph(synthetic):
    G, records = synthetic
    G = G.copy()
    a, b = records[0].relations[0].source.id, records[1].relations[0].target.id
    assert find_entity(G, "مدينة جديدة تماما") == []
    before = k_shortest_paths(G, a, b, k=1, max_hops=4)
    city = Entity("city:new", "City", "مدينة جديدة تماما")
    add_extraction(G, ArticleExtraction(Article("brand-new", "مدينة جديدة تماما"),
                                        [Mention(city, "brand-new", 0, 17, "مدينة جديدة تماما")]))
    assert find_entity(G, "مدينة جديدة تماما") == ["city:new"]  # the index was remade
    G.nodes["city:new"]["label_en"] = "Brand New City"
    touch(G)  # an attribute edited by hand
    assert find_entity(G, "brand new city") == ["city:new"]
    # a new edge between the two ends is the shortest path at once
    G.add_edge(a, b, key="direct", type="met", doc="brand-new", confidence=1.0, count=1)
    assert [h["key"] for h in k_shortest_paths(G, a, b, k=1)[0]] == ["direct"] != [h["key"] for h in before[0]]


def test_paths_on_the_projection_are_the_k_shortest(synthetic):
    G, _ = synthetic
    simple = nx.Graph(G.to_undirected(as_view=True))
    simple.remove_edges_from(nx.selfloop_edges(simple))
    rng = random.Random(7)
    nodes = list(G.nodes)
    checked = 0
    for _ in range(25):
        a, b = rng.sample(nodes, 2)
        got = k_shortest_paths(G, a, b, k=3, max_hops=4)
        try:
            expected = [len(p) - 1 for p in islice(nx.shortest_simple_paths(simple, a, b), 3) if len(p) - 1 <= 4]
        except nx.NetworkXNoPath:
            expected = []
        assert [len(p) for p in got] == expected
        for path in got:
            assert path[0]["from"] == a and path[-1]["to"] == b
            for hop in path:
                between = {**G.succ[hop["from"]].get(hop["to"], {}), **G.succ[hop["to"]].get(hop["from"], {})}
                assert hop["edges"] and all(e["key"] in between for e in hop["edges"])
        checked += bool(got)
    assert checked >= 10


def test_projection_keeps_every_multi_edge_once():
    G = build_graph(sample_extractions())
    P = projection(G)
    held = sorted(e for _, _, edges in P.edges(data="edges") for e in edges)
    assert held == sorted((u, v, k) for u, v, k in G.edges(keys=True) if u != v)
    assert all(w == len(edges) for _, _, w, edges in ((*e[:2], e[2]["weight"], e[2]["edges"]) for e in P.edges(data=True)))
