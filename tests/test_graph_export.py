"""silkgraph.graph.export: every format round-trips, Arabic intact, atomic writes, tool-friendly files."""
from __future__ import annotations

import csv
import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx
import pytest

from silkgraph.graph.build import add_extraction, build_graph, graph_articles
from silkgraph.graph.export import CSV_COLUMNS, read_graph, restore_graph, sanitize_graph, write_graph
from silkgraph.graph.sample import sample_extractions

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture
def G() -> nx.MultiDiGraph:
    return build_graph(sample_extractions())


def nodes_of(G):
    return {n: dict(d) for n, d in G.nodes(data=True)}


def edges_of(G):
    return {(u, v, k): dict(d) for u, v, k, d in G.edges(keys=True, data=True)}


@pytest.mark.parametrize("ext", ["graphml", "json", "gexf"])
def test_round_trip_keeps_every_attribute(G, tmp_path, ext):
    path = write_graph(G, tmp_path / f"seeds.{ext}")
    H = read_graph(path)
    assert isinstance(H, nx.MultiDiGraph)
    assert nodes_of(H) == nodes_of(G)
    assert edges_of(H) == edges_of(G)
    if ext != "gexf":  # GEXF has no graph attributes
        assert H.graph == G.graph and graph_articles(H) == graph_articles(G)


@pytest.mark.parametrize("ext", ["graphml", "json", "gexf", "csv"])
def test_arabic_is_written_as_text(G, tmp_path, ext):
    path = write_graph(G, tmp_path / f"seeds.{ext}")
    text = path.read_text(encoding="utf-8-sig")
    for phrase in ("شي جين بينغ", "قازاقستان", G.edges[next(iter(G.edges(keys=True)))]["evidence"]):
        assert phrase in text


def test_graphml_reads_in_plain_networkx_with_unique_edge_ids(G, tmp_path):
    path = write_graph(G, tmp_path / "seeds.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    assert set(H.edges(keys=True)) == set(G.edges(keys=True))
    root = ET.parse(path).getroot()
    ids = [e.get("id") for e in root.iter(f"{GRAPHML_NS}edge")]
    assert len(ids) == G.number_of_edges() and len(set(ids)) == len(ids)
    # one key declaration per attribute and domain, each with one type
    keys = Counter((k.get("for"), k.get("attr.name")) for k in root.iter(f"{GRAPHML_NS}key"))
    assert keys and set(keys.values()) == {1}
    declared = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(f"{GRAPHML_NS}key")}
    assert declared[("edge", "confidence")] == "double"
    assert declared[("edge", "directed")] == "boolean"


def test_graphml_reads_in_igraph(G, tmp_path):
    igraph = pytest.importorskip("igraph", reason="python-igraph is part of the [test] extra")
    path = write_graph(G, tmp_path / "seeds.graphml")
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.vcount() == G.number_of_nodes() and g.ecount() == G.number_of_edges()
    assert g.is_directed()
    # igraph keeps the node id in "id"; it mis-reads the edge "id", so edges are matched by ends
    by_id = {v["id"]: v for v in g.vs}
    for n, d in G.nodes(data=True):
        v = by_id[n]
        for attr in ("label_ar", "label_en", "type", "color"):
            assert v[attr] == d[attr]
        assert [[x for x in v[a].split("|") if x] for a in ("aliases", "docs")] == [d["aliases"], d["docs"]]
        assert v["mentions"] == d["mentions"]
    got = Counter((g.vs[e.source]["id"], e["type"], g.vs[e.target]["id"], e["doc"], e["evidence"], e["count"])
                  for e in g.es)
    want = Counter((u, d["type"], v, d["doc"], d["evidence"], d["count"]) for u, v, d in G.edges(data=True))
    assert got == want


def test_gexf_keeps_gephi_meanings_apart(G, tmp_path):
    path = write_graph(G, tmp_path / "seeds.gexf")
    root = ET.parse(path).getroot()
    edges = [e for e in root.iter() if e.tag.endswith("}edge")]
    assert len(edges) == G.number_of_edges()
    assert {e.get("type") for e in edges} <= {None, "directed"}
    assert {e.get("id") for e in edges} == {k for *_, k in G.edges(keys=True)}
    colors = [c for c in root.iter() if c.tag.endswith("}color")]
    assert len(colors) == G.number_of_nodes()
    H = nx.read_gexf(path)  # plain networkx reads it too
    assert H.number_of_edges() == G.number_of_edges()


def test_json_is_node_link_with_edges(G, tmp_path):
    path = write_graph(G, tmp_path / "seeds.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"nodes", "edges", "graph", "directed", "multigraph"} <= set(data)
    assert data["directed"] and data["multigraph"]
    assert {e["key"] for e in data["edges"]} == {k for *_, k in G.edges(keys=True)}
    H = nx.node_link_graph(data, edges="edges")
    assert edges_of(H) == edges_of(G) and nodes_of(H) == nodes_of(G)
    # lists and dicts are JSON lists and objects, not strings to parse again
    assert all(isinstance(n["aliases"], list) and isinstance(n["docs"], list) and isinstance(n["doc_mentions"], dict)
               for n in data["nodes"])
    assert all(isinstance(e["evidence_json"], list) for e in data["edges"])
    assert data["graph"]["articles"] == graph_articles(G)


def test_reading_an_export_of_strings_parses_them(G, tmp_path):
    """JSON written before the graph kept lists (every value a string) reads back as data."""
    path = tmp_path / "old.json"
    path.write_text(json.dumps(nx.node_link_data(sanitize_graph(G), edges="edges"), ensure_ascii=False), encoding="utf-8")
    H = read_graph(path)
    assert nodes_of(H) == nodes_of(G) and edges_of(H) == edges_of(G) and H.graph == G.graph


def test_csv_one_row_per_edge_with_bom(G, tmp_path):
    path = write_graph(G, tmp_path / "seeds.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == G.number_of_edges()
    assert tuple(rows[0]) == CSV_COLUMNS
    for row in rows:
        d = G.edges[row["source"], row["target"], row["key"]]
        assert (row["type"], row["doc"], row["evidence"], row["trigger"]) == (d["type"], d["doc"], d["evidence"], d["trigger"])
        assert (float(row["confidence"]), int(row["count"])) == (d["confidence"], d["count"])
        assert row["source_label_ar"] == G.nodes[row["source"]]["label_ar"]
        assert row["target_label_en"] == G.nodes[row["target"]]["label_en"]


def messy_graph() -> nx.MultiDiGraph:
    """Attribute values tools choke on: lists, dicts, None, numpy scalars, dates, mixed types."""
    np = pytest.importorskip("numpy")
    G = nx.MultiDiGraph(articles={"d": {"title": "عنوان"}}, built=dt.date(2025, 6, 17))
    G.add_node(1, label_ar="الصين", aliases=["الصين", "بالصين"], score=np.float64(0.5), flag=np.bool_(True),
               meta={"a": [1, 2]}, note=None)
    G.add_node("b", label_ar="كازاخستان", aliases=("كازاخستان",), score=2, flag=False, meta="x", note="ملاحظة")
    G.add_edge(1, "b", key="signed", weight=1, when=dt.date(2024, 7, 3), who={"شي"}, extra=None)
    G.add_edge("b", 1, key="signed", weight=np.int64(2), when="", who=[], extra=3)
    return G


@pytest.mark.parametrize("ext", ["graphml", "gexf", "json"])
def test_messy_attributes_are_written_and_read_back(tmp_path, ext):
    G = messy_graph()
    H = read_graph(write_graph(G, tmp_path / f"messy.{ext}"))
    S = restore_graph(sanitize_graph(G, flat=ext != "json"))
    if ext == "gexf":  # a GEXF node always has a label: its id when it had none
        for n in S:
            S.nodes[n].setdefault("label", n)
    assert nodes_of(H) == nodes_of(S)
    assert edges_of(H) == edges_of(S)
    assert H.nodes["1"]["aliases"] == ["الصين", "بالصين"] and H.nodes["b"]["aliases"] == ["كازاخستان"]
    assert H.nodes["1"]["score"] == 0.5 and H.nodes["b"]["score"] == 2.0
    assert H.nodes["1"]["flag"] is True and H.nodes["1"]["note"] == ""
    # "meta" holds a dict on one node, a string on the other: one type per key, so JSON text
    assert json.loads(H.nodes["1"]["meta"]) == {"a": [1, 2]} and H.nodes["b"]["meta"] == "x"
    assert len({k for *_, k in H.edges(keys=True)}) == 2  # repeated key made unique
    if ext != "gexf":
        assert H.graph["articles"] == {"d": {"title": "عنوان"}}
        assert H.graph["built"] == "2025-06-17"


def test_messy_attributes_make_a_csv_of_plain_cells(tmp_path):
    path = write_graph(messy_graph(), tmp_path / "messy.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["source"], r["target"], r["key"]) for r in rows] == [("1", "b", "signed"), ("b", "1", "b|1|signed")]
    assert [(r["source_label_ar"], r["target_label_ar"]) for r in rows] == [("الصين", "كازاخستان"), ("كازاخستان", "الصين")]
    assert {r["type"] for r in rows} == {""}


def test_unknown_extension_writes_nothing(G, tmp_path):
    with pytest.raises(ValueError, match=r"\.graphml, \.gexf, \.json, \.csv"):
        write_graph(G, tmp_path / "graph.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_the_old_file_and_no_partial_file(G, tmp_path, monkeypatch):
    path = write_graph(G, tmp_path / "seeds.graphml")
    before = path.read_bytes()

    def broken_writer(graph, fh, **kwargs):
        fh.write(b"<?xml version='1.0'?><graphml><gra")
        raise OSError("disk full")

    monkeypatch.setattr(nx, "write_graphml", broken_writer)
    with pytest.raises(OSError, match="disk full"):
        write_graph(build_graph(sample_extractions()[:1]), path)
    assert path.read_bytes() == before
    with pytest.raises(OSError):
        write_graph(G, tmp_path / "new.graphml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds.graphml"]


def test_failed_csv_write_leaves_no_file(G, tmp_path, monkeypatch):
    import silkgraph.graph.export as export

    def broken_rows(graph):
        yield {c: "" for c in CSV_COLUMNS}
        raise RuntimeError("bad edge")

    monkeypatch.setattr(export, "csv_rows", broken_rows)
    with pytest.raises(RuntimeError):
        write_graph(G, tmp_path / "edges.csv")
    assert list(tmp_path.iterdir()) == []


def test_write_creates_the_folder_and_overwrites(G, tmp_path):
    path = write_graph(G, tmp_path / "out" / "g.json")
    write_graph(build_graph(sample_extractions()[:1]), path)
    assert read_graph(path).number_of_edges() < G.number_of_edges()
    assert [p.name for p in path.parent.iterdir()] == ["g.json"]


def test_read_errors_are_clear(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such graph file"):
        read_graph(tmp_path / "missing.graphml")
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml><graph", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.graphml.*not a readable graphml graph"):
        read_graph(bad)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="not a readable json graph"):
        read_graph(bad_json)
    with pytest.raises(ValueError, match="CSV export holds only edges"):
        read_graph(tmp_path / "edges.csv")
    with pytest.raises(ValueError, match="supported: .graphml, .gexf, .json"):
        read_graph(tmp_path / "graph.txt")


@pytest.mark.parametrize("ext", ["graphml", "json"])
def test_a_read_back_graph_takes_articles_again(G, tmp_path, ext):
    records = sample_extractions()
    H = read_graph(write_graph(build_graph(records[:1]), tmp_path / f"one.{ext}"))
    add_extraction(H, records[1])
    add_extraction(H, records[0])  # already there: replaced, not doubled
    assert nodes_of(H) == nodes_of(G) and edges_of(H) == edges_of(G) and H.graph == G.graph


def test_read_an_undirected_graphml_keeps_each_edge_once(tmp_path):
    U = nx.Graph()
    U.add_edge("a", "b", type="links")
    nx.write_graphml(U, tmp_path / "u.graphml")
    H = read_graph(tmp_path / "u.graphml")
    assert isinstance(H, nx.MultiDiGraph) and H.number_of_edges() == 1
    assert [(u, v, d) for u, v, d in H.edges(data=True)] == [("a", "b", {"type": "links"})]


@pytest.mark.parametrize("ext", ["graphml", "gexf", "json"])
def test_control_characters_from_scraped_text_do_not_break_xml(tmp_path, ext):
    text = "وقع شي\x0cبيانا\x00 مشتركا"
    G = nx.MultiDiGraph()
    G.add_node("a\x0b", label_ar=text)
    G.add_edge("a\x0b", "b", key="k", evidence=text)
    H = read_graph(write_graph(G, tmp_path / f"ctl.{ext}"))
    if ext == "json":  # JSON holds any character
        assert H.nodes["a\x0b"]["label_ar"] == text
    else:
        assert H.nodes["a"]["label_ar"] == "وقع شيبيانا مشتركا"
        assert H.edges["a", "b", "k"]["evidence"] == "وقع شيبيانا مشتركا"
