"""Exports of the drawn view (SVG, GraphML, GEXF with positions and colours), the geographic
layout and the folded hubs: read back with networkx or parsed as XML."""
from __future__ import annotations

import io
import math
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from silkgraph.graph.build import build_graph
from silkgraph.graph.drawing import Drawing, drawing_bytes, drawn_graph, rgb
from silkgraph.graph.layout import COORDINATES, geographic_layout, leaf_clusters, load_coordinates
from silkgraph.graph.sample import sample_extractions
from silkgraph.graph.svg import Line, view_svg
from silkgraph.schema import schema

SVG = "{http://www.w3.org/2000/svg}"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


@pytest.fixture(scope="module")
def seeds_graph() -> nx.MultiDiGraph:
    return build_graph(sample_extractions())


def canvas_positions(G: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions as a canvas reports them: distinct, some negative, some with decimals."""
    return {n: (round(-300 + 37.5 * i, 1), round(200 - 21.25 * i * (-1) ** i, 1)) for i, n in enumerate(G.nodes)}


def schema_rgb(G: nx.MultiDiGraph, node: str) -> tuple[int, int, int]:
    return rgb(schema().node_types[G.nodes[node]["type"]].color)


def test_gexf_of_the_view_carries_the_drawn_positions_colours_and_sizes(seeds_graph):
    pos = canvas_positions(seeds_graph)
    sizes = {n: 11.0 + i for i, n in enumerate(seeds_graph.nodes)}
    data = drawing_bytes(seeds_graph, Drawing(pos, sizes=sizes, lang="en"), ".gexf")
    back = nx.read_gexf(io.BytesIO(data))
    assert set(back.nodes) == set(seeds_graph.nodes)
    for n in seeds_graph.nodes:
        viz = back.nodes[n]["viz"]
        assert (viz["position"]["x"], viz["position"]["y"]) == (pos[n][0], -pos[n][1])  # Gephi's y points up
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == schema_rgb(seeds_graph, n)
        assert viz["size"] == sizes[n]
        assert back.nodes[n]["label"] == (seeds_graph.nodes[n]["label_en"] or seeds_graph.nodes[n]["label_ar"])
    root = ET.fromstring(data)
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    assert "http://www.w3.org/2001/XMLSchema-instance" in data.decode("utf-8")
    edges = root.findall(f".//{GEXF}edge")
    assert len(edges) == seeds_graph.number_of_edges()
    kinds = {d["type"] for *_, d in seeds_graph.edges(keys=True, data=True)}
    colours = {(int(c.get("r")), int(c.get("g")), int(c.get("b"))) for c in root.findall(f".//{GEXF}edge/{VIZ}color")}
    assert colours == {rgb(schema().edge_types[k].color) for k in kinds}


def test_graphml_of_the_view_has_the_attributes_gephi_reads(seeds_graph):
    pos = canvas_positions(seeds_graph)
    data = drawing_bytes(seeds_graph, Drawing(pos, sizes={n: 14 for n in seeds_graph}), ".graphml")
    back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    for n in seeds_graph.nodes:
        d = back.nodes[n]
        assert (d["x"], d["y"]) == (pos[n][0], -pos[n][1]) and d["size"] == 14.0
        assert (d["r"], d["g"], d["b"]) == schema_rgb(seeds_graph, n)
        assert d["label"] == (seeds_graph.nodes[n]["label_ar"] or seeds_graph.nodes[n]["label_en"])
        assert d["type"] == seeds_graph.nodes[n]["type"]  # everything else is kept
    assert back.number_of_edges() == seeds_graph.number_of_edges()
    assert all({"r", "g", "b", "label"} <= set(d) for *_, d in back.edges(keys=True, data=True))
    keys = ET.fromstring(data).findall("{http://graphml.graphdrawing.org/xmlns}key")
    ids = {k.get("id") for k in keys}
    names = {(k.get("for"), k.get("attr.name")) for k in keys}
    # Gephi maps a key by id first (d3: node label, d7: edge label, as yEd writes them), then by name
    assert not ids & {"d3", "d7", "x", "y", "r", "g", "b", "label", "size"}
    assert {("node", a) for a in ("x", "y", "size", "r", "g", "b", "label")} <= names
    assert {("edge", a) for a in ("r", "g", "b", "label")} <= names


def test_a_node_without_a_position_is_written_without_one(seeds_graph):
    first = next(iter(seeds_graph.nodes))
    H = drawn_graph(seeds_graph, Drawing({first: (1.0, 2.0)}))
    assert [n for n, d in H.nodes(data=True) if "x" in d] == [first]
    back = nx.read_gexf(io.BytesIO(drawing_bytes(seeds_graph, Drawing({first: (1.0, 2.0)}), ".gexf")))
    assert [n for n, d in back.nodes(data=True) if "position" in d.get("viz", {})] == [first]


def test_svg_of_the_view_draws_every_positioned_node_in_schema_colours(seeds_graph):
    pos = canvas_positions(seeds_graph)
    svg = drawing_bytes(seeds_graph, Drawing(pos, sizes={n: 15 for n in seeds_graph}), ".svg")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    groups = root.findall(f".//{SVG}g[@class='node']")
    assert sorted(g.get("data-id") for g in groups) == sorted(seeds_graph.nodes)
    for g in groups:
        n = g.get("data-id")
        kind = seeds_graph.nodes[n]["type"]
        colour = schema().node_types[kind].color
        shape = next(e for e in g if e.tag != f"{SVG}title" and e.tag != f"{SVG}text")
        if schema().node_types[kind].shape == "dot":
            assert shape.tag == f"{SVG}circle"
            assert (float(shape.get("cx")), float(shape.get("cy"))) == pos[n] and shape.get("fill") == colour
        label = g.find(f"{SVG}text")
        arabic = seeds_graph.nodes[n]["label_ar"]
        assert label.text == arabic and label.get("direction") == "rtl"
        assert label.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    x, y, w, h = map(float, root.get("viewBox").split())
    assert all(x < px < x + w and y < py < y + h for px, py in pos.values())
    assert len(root.findall(f".//{SVG}line")) > 0


def test_svg_keeps_a_count_right_of_an_arabic_label_and_escapes_article_text():
    G = nx.MultiDiGraph()
    G.add_node("a", type="Leader", label_ar="<script>alert(1)</script> شي")
    G.add_node("b", type="Country", label_ar="كازاخستان")
    G.add_edge("a", "b", type="visited")
    svg = view_svg(G, Drawing({"a": (0, 0), "b": (200, 0)}), [Line("a", "b", ("visited",), "زار ×3")])
    root = ET.fromstring(svg)  # well-formed: the label stayed text
    assert root.find(f".//{SVG}script") is None and "<script>" not in svg
    edge_label = root.find(f".//{SVG}text[@class='edge-label']")
    assert edge_label.text == "\u2067زار\u2069 ×3" and edge_label.get("direction") == "ltr"
    line = root.find(f".//{SVG}line")
    assert line.get("marker-end") and float(line.get("x1")) > 0 and float(line.get("x2")) < 200


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="supported: .svg, .graphml, .gexf"):
        drawing_bytes(nx.MultiDiGraph(), Drawing({}), ".pdf")


# --- the geographic layout ------------------------------------------------------------------


def test_the_coordinates_table_places_the_gazetteer_countries_and_says_where_it_comes_from():
    from silkgraph.extract.tools.build_coordinates import GAZETTEER, _rows

    head = COORDINATES.read_text(encoding="utf-8").splitlines()[:4]
    assert any("GeoNames" in line and "CC BY 4.0" in line for line in head)
    coords = load_coordinates()
    countries = [r["id"] for r in _rows(GAZETTEER / "countries.tsv")]
    assert sum(c in coords for c in countries) / len(countries) > 0.97
    for place, (lat, lon) in {"country:KZ": (48, 68), "country:CN": (35, 104), "city:astana-kz": (51.2, 71.4),
                              "city:urumqi-cn": (43.8, 87.6), "country:KG": (41.5, 75)}.items():
        assert abs(coords[place][0] - lat) < 8 and abs(coords[place][1] - lon) < 12, place


def test_geographic_layout_puts_places_where_a_map_does():
    G = nx.MultiDiGraph()
    for country in ("KZ", "CN", "KG", "TJ", "UZ", "TM", "RU", "TR"):
        G.add_edge("leader:xi-jinping", f"country:{country}", type="visited")
    for city in ("city:astana-kz", "city:almaty-kz", "city:urumqi-cn"):
        G.add_edge(city, "country:KZ" if city.endswith("kz") else "country:CN", type="located_in")
    G.add_edge("leader:tokayev", "country:KZ", type="leads")
    G.add_edge("country:KZ", "agreement:kz-cn", type="signed")
    G.add_edge("country:CN", "agreement:kz-cn", type="signed")
    pos = geographic_layout(G)
    assert set(pos) == set(G.nodes)
    west_of = [("country:KZ", "country:CN"), ("country:TM", "country:KZ"), ("country:UZ", "country:KG"),
               ("country:TR", "country:UZ"), ("city:almaty-kz", "city:urumqi-cn")]
    for a, b in west_of:
        assert pos[a][0] < pos[b][0], (a, b)
    north_of = [("city:astana-kz", "city:almaty-kz"), ("country:KZ", "country:TJ"), ("country:KZ", "country:CN"),
                ("country:RU", "country:TR")]
    for a, b in north_of:
        assert pos[a][1] < pos[b][1], (a, b)  # canvas y grows downwards
    # a leader joined only to their country sits nearer it than to any other place
    places = [n for n in pos if n in load_coordinates()]
    nearest = min(places, key=lambda p: math.dist(pos["leader:tokayev"], pos[p]))
    assert nearest in ("country:KZ", "city:astana-kz", "city:almaty-kz")
    # an agreement of two countries lies between them
    assert pos["country:KZ"][0] < pos["agreement:kz-cn"][0] < pos["country:CN"][0]


def test_geographic_layout_without_places_lays_the_nodes_out_apart():
    G = nx.MultiDiGraph([("org:a", "org:b"), ("org:b", "org:c")])
    pos = geographic_layout(G, coordinates={})
    assert len(pos) == 3 and min(math.dist(pos[a], pos[b]) for a in pos for b in pos if a < b) > 10


def test_leaf_clusters_fold_only_a_hubs_leaves():
    G = nx.MultiDiGraph([("country:KZ", f"city:{i}") for i in range(6)] + [("country:KZ", "country:CN"),
                                                                          ("country:CN", "city:x"), ("city:x", "city:y")])
    assert leaf_clusters(G, min_leaves=5) == [("country:KZ", [f"city:{i}" for i in range(6)])]
    assert leaf_clusters(G, min_leaves=7) == []
    assert leaf_clusters(G, min_leaves=5, keep=["city:0"]) == [("country:KZ", [f"city:{i}" for i in range(1, 6)])]


# --- the explorer's side: the canvas's report in, the file out ----------------------------


def test_export_download_builds_the_file_from_the_canvas_report(seeds_graph):
    from silkgraph.views.drawing import export_download
    from silkgraph.views.pairs import merge_pairs
    from silkgraph.views.payload import vis_payload

    data = vis_payload(seeds_graph, list(seeds_graph.nodes), lang="ar")
    data["edges"] = merge_pairs(data["edges"])
    pos = canvas_positions(seeds_graph)
    report = {n: list(p) for n, p in pos.items()} | {"not:a-node": [0, 0], "country:KZ": ["1", 2]}
    out = export_download(seeds_graph, data, "ar", {"format": "gexf", "positions": report, "nonce": "n1"})
    assert out["name"] == "silkgraph-view.gexf" and out["nonce"] == "n1"
    back = nx.read_gexf(io.BytesIO(out["text"].encode("utf-8")))
    assert "position" not in back.nodes["country:KZ"]["viz"]  # a malformed report is not drawn
    drawn = {n: (d["viz"]["position"]["x"], -d["viz"]["position"]["y"]) for n, d in back.nodes(data=True)
             if "position" in d.get("viz", {})}
    assert drawn == {n: p for n, p in pos.items() if n != "country:KZ"}
    sizes = {r["id"]: r["size"] for r in data["nodes"] if "size" in r}
    assert all(back.nodes[n]["viz"]["size"] == s for n, s in sizes.items() if n in drawn)
    svg = export_download(seeds_graph, data, "ar", {"format": "svg", "positions": report, "nonce": "n2"})
    drawn_edges = [e for e in data["edges"] if e["from"] in drawn and e["to"] in drawn]
    assert 0 < len(drawn_edges) < len(data["edges"])
    assert len(ET.fromstring(svg["text"]).findall(f".//{SVG}line")) == len(drawn_edges)
    bad = export_download(seeds_graph, data, "ar", {"format": "exe", "positions": report, "nonce": "n3"})
    assert "supported" in bad["error"] and "text" not in bad


def test_the_coordinates_tool_reads_a_geonames_dump(tmp_path):
    import subprocess
    import sys

    # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 a1 a2 a3 a4 population ...
    rows = [("1526384", "Almaty", "Almaty", "Alma-Ata,Almaty", "43.25", "76.91", "P", "PPLA", "KZ", "", "", "", "", "",
             "2000900"),
            ("1526273", "Astana", "Astana", "Nur-Sultan,Akmola", "51.18", "71.45", "P", "PPLC", "KZ", "", "", "", "", "",
             "1078362")]
    dump = tmp_path / "cities.txt"
    dump.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "coordinates.tsv"
    done = subprocess.run([sys.executable, "-m", "silkgraph.extract.tools.build_coordinates", "--geonames", str(dump),
                           "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    coords = load_coordinates(out)
    assert coords["city:almaty-kz"] == (43.25, 76.91) and coords["city:astana-kz"] == (51.18, 71.45)
    lat, lon = coords["country:KZ"]  # between its two cities, nearer the more populous
    assert 43.25 < lat < 51.18 and abs(lat - 43.25) < abs(lat - 51.18) and 71.45 < lon < 76.91
    assert "country:CN" not in coords  # no Chinese city in this dump
    assert out.read_text(encoding="utf-8").startswith("# ") and "GeoNames" in done.stdout + out.read_text("utf-8")
    missing = subprocess.run([sys.executable, "-m", "silkgraph.extract.tools.build_coordinates", "--geonames",
                              str(tmp_path / "none.txt"), "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
