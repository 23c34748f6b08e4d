"""The explorer's map layout, folds and drawn-view exports, through Streamlit's AppTest (no JS:
the canvas's report is put into the component's state, as a click is in test_app.py)."""
from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import networkx as nx
import pytest

from silkgraph.graph.build import add_extraction, build_graph
from silkgraph.graph.export import write_graph
from silkgraph.graph.sample import sample_extractions

HERE = Path(__file__).parent


def _module(name: str, file: str):
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


test_app = _module("silkgraph_test_app_for_drawing", "test_app.py")


KZ_CITIES = {"city:almaty-kz": ("ألماتي", "Almaty"), "city:aktau-kz": ("أكتاو", "Aktau"),
             "city:aktobe-kz": ("أكتوبي", "Aktobe"), "city:atyrau-kz": ("أتيراو", "Atyrau"),
             "city:shymkent-kz": ("شيمكنت", "Shymkent"), "city:karaganda-kz": ("كاراغندا", "Karaganda")}
CN_CITIES = {"city:urumqi-cn": ("أورومتشي", "Urumqi"), "city:kashgar-cn": ("كاشغر", "Kashgar"),
             "city:xian-cn": ("شيآن", "Xi'an")}


def cities_extraction():
    """Six Kazakh cities joined only to Kazakhstan (a hub with six leaves), three Chinese to China."""
    from silkgraph.records import Article, ArticleExtraction, Entity, Relation

    kz = Entity("country:KZ", "Country", "كازاخستان", "Kazakhstan", "Q232")
    cn = Entity("country:CN", "Country", "الصين", "China", "Q148")
    sentences, relations = [], []
    for cities, country in ((KZ_CITIES, kz), (CN_CITIES, cn)):
        for cid, (ar, en) in cities.items():
            sentence = f"تقع مدينة {ar} في {country.label_ar}."
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            relations.append(Relation(Entity(cid, "City", ar, en), country, "located_in", "cities", sentence,
                                      start, start + len(sentence), "تقع", 0.9, "2025-03-01"))
    article = Article(doc_id="cities", text=" ".join(sentences), title="مدن للاختبار", date="2025-03-01")
    return ArticleExtraction(article=article, relations=relations)


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    G = build_graph(sample_extractions())
    at = test_app.start(monkeypatch, tmp_path, write_graph(G, tmp_path / "sample.graphml"))
    assert not at.exception, at.exception
    return at


def test_the_map_layout_sends_positions_west_to_east(app) -> None:
    app.sidebar.radio(key="f_layout").set_value("geographic").run()
    data = test_app.payload(app)
    assert data["layout"] == "geo" and all("x" in n and "y" in n for n in data["nodes"])
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    assert pos["country:TR"][0] < pos["country:KZ"][0] < pos["country:CN"][0]
    assert "at their coordinates (GeoNames)" in test_app.page_text(app)
    app.sidebar.radio(key="f_layout").set_value("force").run()
    assert test_app.payload(app)["layout"] != "geo"


def test_an_export_request_from_the_canvas_comes_back_once_as_a_file(app) -> None:
    ids = [n["id"] for n in test_app.payload(app)["nodes"]]
    report = {n: [10.0 * i, -5.5 * i] for i, n in enumerate(ids)}
    app.session_state["graph"] = {"export": {"format": "gexf", "positions": report, "nonce": "e1"}}
    app.run()
    assert not app.exception, app.exception
    file = test_app.payload(app)["download"]
    assert file["name"] == "silkgraph-view.gexf" and file["nonce"] == "e1"
    back = nx.read_gexf(io.BytesIO(file["text"].encode("utf-8")))
    assert {n: [d["viz"]["position"]["x"], -d["viz"]["position"]["y"]] for n, d in back.nodes(data=True)} == report
    app.run()  # the next run (a click elsewhere) sends no file again
    assert "download" not in test_app.payload(app)


def test_folding_sends_a_hubs_leaves_but_never_the_selection(monkeypatch, tmp_path: Path) -> None:
    G = build_graph(sample_extractions())
    add_extraction(G, cities_extraction())
    at = test_app.start(monkeypatch, tmp_path, write_graph(G, tmp_path / "cities.graphml"))
    assert "clusters" not in test_app.payload(at)
    at.sidebar.toggle(key="f_cluster").set_value(True).run()
    folds = {c["hub"]: c for c in test_app.payload(at)["clusters"]}
    kz = folds["country:KZ"]
    cities = sorted(n for n in G if n.startswith("city:") and n.endswith("-kz"))
    assert kz["members"] == cities and kz["label"] == f"+{len(cities)}" and kz["id"] == "cluster:country:KZ"
    test_app.click(at, "node", cities[0])
    kz = {c["hub"]: c for c in test_app.payload(at)["clusters"]}["country:KZ"]
    assert kz["members"] == cities[1:]
