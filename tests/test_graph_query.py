"""silkgraph.graph.query: lookup by any spelling, neighbours, paths, ego graphs, filtered views, summary."""
from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from silkgraph.graph.build import add_extraction, build_graph
from silkgraph.graph.query import (AmbiguousEntity, EntityNotFound, edge_evidence, ego_graph, filter_graph,
                         find_entity, graph_summary, k_shortest_paths, neighbors_by_type,
                         resolve_entity)
from silkgraph.graph.sample import sample_extractions
from silkgraph.records import Article, ArticleExtraction, Entity, Mention, Relation
from silkgraph.schema import schema

DOC_A, DOC_B = "000_d8d0bccc6eeca408", "001_326f30334e07f93a"


@pytest.fixture
def G() -> nx.MultiDiGraph:
    return build_graph(sample_extractions())


# --- find_entity / resolve_entity ------------------------------------------------------------


@pytest.mark.parametrize("name, node", [
    ("شِي جِين بِينْغ", "leader:xi-jinping"),          # diacritics
    ("اوزبكستان", "country:UZ"),                        # bare alef for أ
    ("قمه الصين-اسيا الوسطي", "event:china-central-asia-summit:2025"),  # ه for ة, ي for ى
    ("وطاجيكستان", "country:TJ"),                        # conjunction
    ("بالصين", "country:CN"),                            # preposition + article
    ("للصين", "country:CN"),                             # lam + article
    ("والصين", "country:CN"),
    ("صين", "country:CN"),                               # no article
    ("  xi   JINPING ", "leader:xi-jinping"),            # English, any case and spacing
    ("COUNTRY:cn", "country:CN"),                        # node id
    ("q7747", "leader:putin"),                           # Wikidata id
    ("قازاقستان", "country:KZ"),                         # an alias seen in one article
])
def test_find_entity_exact_match_comes_first(G, name, node):
    assert find_entity(G, name)[0] == node


def test_find_entity_partial_matches_ranked_by_mentions(G):
    found = find_entity(G, "ka")

    def ranked(nodes):
        return sorted(nodes, key=lambda n: (-G.nodes[n]["mentions"], n))

    names = {n: [n.lower(), G.nodes[n]["label_en"].lower()] for n in G}
    prefix = [n for n in G if any(k.startswith("ka") for k in names[n])]
    inner = [n for n in G if n not in prefix and any("ka" in k for k in names[n])]
    assert len(prefix) >= 2 and inner
    assert found == ranked(prefix) + ranked(inner)


def test_find_entity_exact_before_prefix_before_substring(G):
    found = find_entity(G, "الصين")
    assert found[0] == "country:CN"
    # the summit's label starts with the country's name, the railway's holds it
    assert found.index("event:china-central-asia-summit:2025") < found.index("corridor:railway:CN-KG-UZ")


def test_find_entity_limit_and_empty(G):
    assert len(find_entity(G, "a", limit=3)) == 3
    assert find_entity(G, "") == [] and find_entity(G, "   ") == []
    assert find_entity(G, "زيمبابوي") == []


def test_resolve_entity(G):
    assert resolve_entity(G, "leader:putin") == "leader:putin"
    assert resolve_entity(G, "بوتين") == "leader:putin"
    assert resolve_entity(G, "Mirziy") == "leader:mirziyoyev"  # one partial match


def test_resolve_entity_not_found_suggests(G):
    with pytest.raises(EntityNotFound) as err:
        resolve_entity(G, "Kazakstan")
    assert "country:KZ" in err.value.suggestions
    assert "Kazakstan" in str(err.value) and "country:KZ" in str(err.value)


def test_resolve_entity_ambiguous(G):
    text = "قال شي إن"
    other = Entity("person:shi", "Person", "شي", "Shi (journalist)")
    add_extraction(G, ArticleExtraction(Article("d-shi", text), mentions=[Mention(other, "d-shi", 4, 6, "شي")]))
    with pytest.raises(AmbiguousEntity) as err:
        resolve_entity(G, "شي")
    assert set(err.value.candidates) == {"person:shi", "leader:xi-jinping"}
    # a name only one of them carries still resolves
    assert resolve_entity(G, "شي جين بينغ") == "leader:xi-jinping"


# --- neighbours ---------------------------------------------------------------------------------


def test_neighbors_by_type_groups_every_incident_edge(G):
    xi = "leader:xi-jinping"
    groups = neighbors_by_type(G, xi)
    order = list(schema().edge_types)
    assert list(groups) == sorted(groups, key=order.index)
    seen = Counter()
    for etype, items in groups.items():
        for item in items:
            for e in item["edges"]:
                u, v = (xi, item["id"]) if item["direction"] == "out" else (item["id"], xi)
                d = G.edges[u, v, e["key"]]
                assert d["type"] == etype
                assert (e["doc"], e["evidence"], e["count"]) == (d["doc"], d["evidence"], d["count"])
                seen[e["key"]] += 1
            assert item["count"] == sum(e["count"] for e in item["edges"])
            assert item["confidence"] == max(e["confidence"] for e in item["edges"])
            assert item["label"] == G.nodes[item["id"]]["label"]
    incident = [k for *_, k in G.out_edges(xi, keys=True)] + [k for *_, k in G.in_edges(xi, keys=True)]
    assert sorted(seen) == sorted(incident) and set(seen.values()) == {1}


def test_neighbors_direction_and_undirected_flag(G):
    groups = neighbors_by_type(G, "شي جين بينغ")
    visited = {i["id"]: i for i in groups["visited"]}
    assert visited["country:KZ"]["direction"] == "out" and visited["country:KZ"]["directed"]
    assert visited["country:KZ"]["count"] == 2
    met = {i["id"]: i for i in groups["met"]}
    assert met["leader:tokayev"]["direction"] == "in"  # stored tokayev -> xi, canonical
    assert met["leader:tokayev"]["directed"] is False
    counts = [i["count"] for i in groups["visited"]]
    assert counts == sorted(counts, reverse=True)


def test_neighbors_of_unknown_entity(G):
    with pytest.raises(EntityNotFound):
        neighbors_by_type(G, "Atlantis")


# --- paths ----------------------------------------------------------------------------------------


def check_path(G, path, source, target):
    assert path[0]["from"] == source and path[-1]["to"] == target
    for a, b in zip(path, path[1:]):
        assert a["to"] == b["from"]
    for hop in path:
        u, v = (hop["from"], hop["to"]) if hop["direction"] == "forward" else (hop["to"], hop["from"])
        d = G.edges[u, v, hop["key"]]
        assert (d["type"], d["evidence"], d["doc"], d["date"]) == (hop["type"], hop["evidence"], hop["doc"], hop["date"])
        assert hop["confidence"] == max(e["confidence"] for e in hop["edges"])
    nodes = [path[0]["from"]] + [h["to"] for h in path]
    assert len(nodes) == len(set(nodes))


def test_k_shortest_paths(G):
    paths = k_shortest_paths(G, "Putin", "Turkey", k=3, max_hops=5)
    assert 1 <= len(paths) <= 3
    lengths = [len(p) for p in paths]
    assert lengths == sorted(lengths) and lengths[0] == 4
    assert len({tuple(h["to"] for h in p) for p in paths}) == len(paths)
    for p in paths:
        check_path(G, p, "leader:putin", "country:TR")
    assert lengths[0] == nx.shortest_path_length(G.to_undirected(as_view=True), "leader:putin", "country:TR")


def test_path_direction_follows_the_stored_edge(G):
    path, = k_shortest_paths(G, "country:TR", "country:TJ", k=1)
    assert [(h["from"], h["type"], h["direction"]) for h in path] == [
        ("country:TR", "links", "backward"), ("corridor:multimodal:CN-TR", "builds", "backward")]


def test_paths_respect_max_hops_and_filters(G):
    assert k_shortest_paths(G, "Putin", "Turkey", max_hops=3) == []
    # without 'met' Putin is cut off
    all_but_met = [t for t in schema().edge_types if t != "met"]
    assert k_shortest_paths(G, "Putin", "Turkey", edge_types=all_but_met) == []
    # the treaty was signed in 2025: a 2024 window cannot reach it
    assert k_shortest_paths(G, "Xi Jinping", "agreement:good-neighbour-treaty:2025", date_to="2024-12-31") == []
    assert k_shortest_paths(G, "Xi Jinping", "agreement:good-neighbour-treaty:2025", date_from="2025-01-01")
    for p in k_shortest_paths(G, "country:KZ", "country:UZ", k=5, max_hops=6, node_types=["Leader", "Event"]):
        check_path(G, p, "country:KZ", "country:UZ")
        assert all(G.nodes[h["to"]]["type"] in {"Leader", "Event"} for h in p[:-1])


def test_paths_between_unconnected_or_same_nodes(G):
    add_extraction(G, ArticleExtraction(Article("lonely", "روسيا"), mentions=[
        Mention(Entity("country:XX", "Country", "بلد ما"), "lonely", 0, 5, "روسيا")]))
    assert k_shortest_paths(G, "country:XX", "country:TR") == []
    assert k_shortest_paths(G, "country:TR", "country:TR") == []
    with pytest.raises(KeyError, match="unknown edge type"):
        k_shortest_paths(G, "country:TR", "country:TJ", edge_types=["bombed"])


def test_paths_on_a_larger_graph_stay_bounded():
    # a ladder of 2,000 rungs: many long detours exist, only short ones may be searched
    text = "نص"
    ents = [Entity(f"country:{i}", "Country", f"بلد {i}") for i in range(2000)]
    rels = [Relation(ents[i], ents[j], "partnership", "big", text, 0, 2, "", 0.5)
            for i in range(2000) for j in (i + 1, i + 2) if j < 2000]
    G = build_graph([ArticleExtraction(Article("big", text), relations=rels)])
    paths = k_shortest_paths(G, "country:0", "country:6", k=3, max_hops=4)
    assert [len(p) for p in paths] == [3, 4, 4]
    assert k_shortest_paths(G, "country:0", "country:1999", max_hops=4) == []


# --- views ------------------------------------------------------------------------------------------


def test_ego_graph(G):
    H = ego_graph(G, "بوتين")
    assert set(H) == {"leader:putin", "leader:xi-jinping"}
    H2 = ego_graph(G, "leader:putin", radius=2)
    assert set(H2) == {"leader:putin", "leader:xi-jinping"} | set(nx.all_neighbors(G, "leader:xi-jinping"))
    for u, v, k, d in H2.edges(keys=True, data=True):
        assert G.edges[u, v, k] == d
    H2.nodes["leader:putin"]["label"] = "changed"
    assert G.nodes["leader:putin"]["label"] == "Vladimir Putin"


def test_filter_by_node_type(G):
    H = filter_graph(G, node_types=["Country", "Corridor"])
    assert set(H) == {n for n, d in G.nodes(data=True) if d["type"] in {"Country", "Corridor"}}
    kept = {"Country", "Corridor"}
    assert set(H.edges(keys=True)) == {(u, v, k) for u, v, k in G.edges(keys=True)
                                       if G.nodes[u]["type"] in kept and G.nodes[v]["type"] in kept}


def test_filter_by_edge_type_drops_nodes_left_without_edges(G):
    H = filter_graph(G, edge_types=["links"])
    assert {d["type"] for *_, d in H.edges(data=True)} == {"links"}
    assert all(H.degree(n) > 0 for n in H)
    assert H.number_of_edges() == sum(d["type"] == "links" for *_, d in G.edges(data=True))


def test_filter_by_docs_keeps_mentioned_nodes(G):
    H = filter_graph(G, docs=[DOC_B])
    assert {d["doc"] for *_, d in H.edges(data=True)} == {DOC_B}
    assert set(H) == {n for n, d in G.nodes(data=True) if DOC_B in d["docs"]}
    assert "city:astana" in H and H.degree("city:astana") == 0


def test_filter_by_date_range(G):
    H = filter_graph(G, date_from="2025-01-01", date_to="2025-12-31")
    assert {d["date"] for *_, d in H.edges(data=True)} == {"2025-06-17"}
    assert filter_graph(G, date_from="2026-01-01").number_of_nodes() == 0


def test_filter_min_mentions_and_no_filter(G):
    H = filter_graph(G)
    assert set(H) == set(G) and H.number_of_edges() == G.number_of_edges()
    H = filter_graph(G, min_mentions=3)
    assert set(H) == {n for n, d in G.nodes(data=True) if d["mentions"] >= 3}
    assert "leader:xi-jinping" in H


def test_filter_returns_an_independent_copy(G):
    H = filter_graph(G, edge_types=["visited"])
    u, v, k = next(iter(H.edges(keys=True)))
    H.edges[u, v, k]["count"] = 99
    H.nodes[u]["label"] = "changed"
    assert G.edges[u, v, k]["count"] != 99 and G.nodes[u]["label"] != "changed"
    assert H.graph["articles"] == G.graph["articles"]


def test_filter_rejects_unknown_types(G):
    with pytest.raises(KeyError, match="unknown node type 'Planet'"):
        filter_graph(G, node_types=["Planet"])


def test_graph_summary(G):
    s = graph_summary(G, top=3)
    assert s["nodes"] == G.number_of_nodes() and s["edges"] == G.number_of_edges() and s["articles"] == 2
    assert s["node_types"] == {t: sum(d["type"] == t for _, d in G.nodes(data=True)) for t in schema().node_types}
    assert s["edge_types"] == {t: sum(d["type"] == t for *_, d in G.edges(data=True)) for t in schema().edge_types}
    degrees = [e["degree"] for e in s["top_entities"]]
    assert len(degrees) == 3 and degrees == sorted(degrees, reverse=True)
    assert degrees[0] == max(dict(G.degree).values())


def test_edge_evidence(G):
    for *_, d in G.edges(data=True):
        items = edge_evidence(d)
        assert len(items) == d["count"]
        assert d["evidence"] in [i["sentence"] for i in items]
        assert all(set(i) == {"sentence", "start", "end", "trigger", "confidence"} for i in items)
    assert edge_evidence({}) == []


def test_date_filters_take_years_months_and_dates(G):
    import datetime

    full = filter_graph(G, date_from="2025-01-01", date_to="2025-12-31")
    for lo, hi in [("2025", "2025"), ("2025-06", "2025-06"), (datetime.date(2025, 6, 17), datetime.date(2025, 6, 17))]:
        H = filter_graph(G, date_from=lo, date_to=hi)
        assert set(H.edges(keys=True)) == set(full.edges(keys=True))
    assert filter_graph(G, date_to="2024").number_of_edges() == sum(
        d["date"].startswith("2024") for *_, d in G.edges(data=True))
    with pytest.raises(ValueError, match="date_from must be an ISO date"):
        filter_graph(G, date_from="17/06/2025")
    with pytest.raises(ValueError, match="date_to must be an ISO date"):
        k_shortest_paths(G, "Putin", "Turkey", date_to="June")
