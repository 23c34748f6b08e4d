"""The explorer's Python side, through streamlit.testing.v1.AppTest.

AppTest runs no JavaScript, so a click on the canvas is simulated by seeding the graph
component's state ({"selection": {kind, id, stamp}}), which is what the component's
``setStateValue`` sends. The graph is the hand-built seed sample of ``silkgraph.graph.sample``
(written to a GraphML file, opened with SILKGRAPH_GRAPH), so these tests do not depend
on the extractor; uploads go to a temp folder.
"""
from __future__ import annotations

import ast
import itertools
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from streamlit.testing.v1 import AppTest

from silkgraph.graph.build import add_extraction, build_graph, graph_articles
from silkgraph.graph.export import read_graph, write_graph
from silkgraph.graph.sample import sample_extractions
from silkgraph.records import Article, ArticleExtraction, Entity, Mention, Relation
from silkgraph.schema import schema
from silkgraph.views.downloads import FORMATS, export_bytes
from silkgraph.views.live import LiveGraph, UploadError

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGE = Path(__file__).resolve().parent.parent / "views" / "explorer.py"  # what app.py runs


def app_constant(name: str):
    """A module-level constant of the page, read without running it."""
    tree = ast.parse(PAGE.read_text(encoding="utf-8"))
    return next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets))
_stamps = itertools.count(1)

EVIL_LABEL = "<img src=x onerror=alert(1)>"
EVIL_SENTENCE = "<script>alert(1)</script> التقى الرئيس شي جين بينغ مع <img src=x onerror=alert(1)> في أستانا."


def evil_extraction() -> ArticleExtraction:
    text = EVIL_SENTENCE
    xi = Entity("leader:xi-jinping", "Leader", "شي جين بينغ", "Xi Jinping", "Q15031")
    evil = Entity("person:evil", "Person", EVIL_LABEL, "<script>alert(1)</script>")
    article = Article(doc_id="evil", text=text, title="<b>bold title</b>", date="2025-01-01")
    start = text.index("شي جين بينغ")
    estart = text.index(EVIL_LABEL)
    return ArticleExtraction(
        article=article,
        mentions=[Mention(xi, "evil", start, start + 11, "شي جين بينغ"),
                  Mention(evil, "evil", estart, estart + len(EVIL_LABEL), EVIL_LABEL)],
        relations=[Relation(xi, evil, "met", "evil", text, 0, len(text), "التقى", 0.9, "2025-01-01")])


def write(G: nx.MultiDiGraph, tmp_path: Path, name: str = "graph.graphml") -> Path:
    return write_graph(G, tmp_path / name)


def start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, graph_file: Path | None, **env: str) -> AppTest:
    monkeypatch.setenv("SILKGRAPH_UPLOADS", str(tmp_path / "uploads"))
    if graph_file is not None:
        monkeypatch.setenv("SILKGRAPH_GRAPH", str(graph_file))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    return at


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    return write(build_graph(sample_extractions()), tmp_path)


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sample_file: Path) -> AppTest:
    at = start(monkeypatch, tmp_path, sample_file)
    assert not at.exception, at.exception
    return at


def payload(at: AppTest) -> dict:
    graphs = at.get("bidi_component")
    assert len(graphs) == 1, "the graph component is not on the page"
    return json.loads(graphs[0].proto.bytes.decode("utf-8"))  # sent as UTF-8 JSON bytes


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for kind in ("info", "warning", "error", "success"):
        parts += [e.value for e in getattr(at, kind)]
    return "\n".join(parts)


def click(at: AppTest, kind: str, ident: str) -> AppTest:
    at.session_state["graph"] = {"selection": {"kind": kind, "id": ident, "stamp": next(_stamps)}}
    return at.run()


def section(at: AppTest, name: str) -> AppTest:
    return at.segmented_control(key="section").set_value(name).run()


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r}; buttons: {[b.label for b in at.button]}"
    return found[0]


# --- seeing the graph ---------------------------------------------------------------------


def test_opens_on_the_whole_graph_with_a_legend(app: AppTest, sample_file: Path) -> None:
    G = read_graph(sample_file)
    data = payload(app)
    isolated = {n for n in G.nodes if G.degree(n) == 0}
    assert isolated and {n["id"] for n in data["nodes"]} == set(G.nodes) - isolated
    assert any(f"{len(isolated)} entities with no relation in this view hidden" in c.value for c in app.caption)
    app.sidebar.toggle(key="f_isolated").set_value(True).run()
    assert {n["id"] for n in payload(app)["nodes"]} == set(G.nodes)
    data = payload(app)
    assert data["layout"] == "physics" and data["vis_url"].startswith("app/static/vendor/vis-network-")
    # the browser's "big graph" threshold comes from the app
    assert data["physics_max_nodes"] == app_constant("PHYSICS_MAX_NODES")
    kz = next(n for n in data["nodes"] if n["id"] == "country:KZ")
    country = schema().node("Country")
    assert kz["label"] == "\u2067كازاخستان\u2069" and kz["shape"] == country.shape
    assert kz["color"]["background"] == country.color
    legend = next(m.value for m in app.markdown if 'class="sg-legend"' in m.value)
    # counts outside the isolated Arabic label, so they stay on its right (not "(11) دولة")
    assert '<bdi>دولة</bdi> <span class="sg-count">(' in legend and '<bdi>قائد</bdi> <span class="sg-count">(' in legend
    assert "Click a node in the graph" in page_text(app)


def test_label_toggle_switches_to_english(app: AppTest) -> None:
    app.sidebar.radio(key="lang").set_value("en").run()
    labels = {n["id"]: n["label"] for n in payload(app)["nodes"]}
    assert labels["country:KZ"] == "Kazakhstan" and labels["leader:tokayev"] == "Kassym-Jomart Tokayev"
    # every pair the sample links by "visited" has one edge (one article), so no "×n"
    visited = {e["label"] for e in payload(app)["edges"] if e["label"].startswith("visited")}
    assert visited == {"visited"}


# --- clicking -----------------------------------------------------------------------------


def test_click_on_a_node_lists_its_connections_with_evidence(app: AppTest) -> None:
    click(app, "node", "country:KZ")
    assert not app.exception
    text = page_text(app)
    assert "Kazakhstan" in text and "Q232" in text
    assert "visited · <bdi>زار</bdi>" in text and "leads · <bdi>يقود</bdi>" in text
    assert "Kassym-Jomart Tokayev" in text and "Xi Jinping" in text
    # evidence on demand: none until a row is opened
    assert "<mark" not in text
    button(app, "Evidence").click().run()
    text = page_text(app)
    # the evidence sentence with the trigger and the entities marked
    assert re.search(r'<mark class="sg-trigger">زيار', text)
    assert '<mark class="sg-entity">كازاخستان</mark>' in text
    assert payload(app)["selected"] == "country:KZ"


def test_click_on_an_edge_shows_its_evidence(app: AppTest) -> None:
    edge = next(e for e in payload(app)["edges"] if e["from"] == "leader:tokayev" and e["to"] == "country:KZ")
    click(app, "edge", edge["id"])
    text = page_text(app)
    assert "leads" in text and "Kassym-Jomart Tokayev" in text and "1 article" in text
    assert '<mark class="sg-trigger">' in text


def test_double_click_expands_a_node_into_the_ego_view(app: AppTest) -> None:
    click(app, "node", "country:KZ")
    app.sidebar.toggle(key="f_ego").set_value(True).run()
    ego = {n["id"] for n in payload(app)["nodes"]}
    assert ego == {"country:KZ", "leader:xi-jinping", "leader:tokayev"}
    xi = next(n for n in payload(app)["nodes"] if n["id"] == "leader:xi-jinping")
    G = build_graph(sample_extractions())
    # the whole graph's counts: neighbours and relations apart
    assert (f"{len(set(nx.all_neighbors(G, 'leader:xi-jinping')))} neighbours · "
            f"{G.degree('leader:xi-jinping')} relations") in xi["title"]
    click(app, "expand", "leader:tokayev")
    expanded = {n["id"] for n in payload(app)["nodes"]}
    assert expanded >= ego | set(nx.all_neighbors(G, "leader:tokayev")) and expanded != ego


def test_unknown_node_id_gives_a_message(app: AppTest) -> None:
    click(app, "node", "country:XX")
    assert not app.exception
    assert any("Unknown entity id" in w.value and "country:XX" in w.value for w in app.warning)
    click(app, "edge", "not an edge id")
    assert any("not in the graph" in w.value for w in app.warning)


# --- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["قازاقستان", "كازاخستان", "وكازاخستان", "Kazakhstan", "kazakh", "Q232"])
def test_search_selects_by_any_spelling(app: AppTest, query: str) -> None:
    app.text_input(key="search").input(query).run()
    assert not app.exception
    assert payload(app)["selected"] == "country:KZ"
    assert "Kazakhstan" in page_text(app)


def test_search_with_no_match_says_so(app: AppTest) -> None:
    app.text_input(key="search").input("Atlantis").run()
    assert any("No entity matches" in w.value for w in app.warning)
    assert payload(app)["selected"] is None


# --- paths ------------------------------------------------------------------------------------


def open_path_panel(at: AppTest) -> AppTest:
    if at.segmented_control(key="panel_mode").value != "Path":
        at.segmented_control(key="panel_mode").set_value("Path").run()
    return at


def ask_path(at: AppTest, src: str, dst: str, hops: int | None = None) -> AppTest:
    open_path_panel(at)
    at.text_input(key="p_from").input(src)
    at.text_input(key="p_to").input(dst)
    if hops is not None:
        at.slider(key="p_hops").set_value(hops)
    return button(at, "Find paths").click().run()


def test_path_query_lists_hops_and_highlights_them(app: AppTest) -> None:
    ask_path(app, "بوتين", "Turkey")
    assert not app.exception
    assert any("from بوتين — Vladimir Putin to تركيا — Turkey" in s.value for s in app.success)
    hops = [m.value for m in app.markdown if 'class="sg-hop"' in m.value]
    assert len(hops) >= 4
    assert "Vladimir Putin" in hops[0] and "met" in hops[0] and "Turkey" in hops[3] and "links" in hops[3]
    data = payload(app)
    thick = {(e["from"], e["to"]) for e in data["edges"] if e["width"] == 4}
    # "met" is undirected, stored from the smaller id to the larger (silkgraph.graph.build.canonical_ends)
    assert ("leader:putin", "leader:xi-jinping") in thick


def test_no_path_gives_a_plain_message(app: AppTest) -> None:
    ask_path(app, "Putin", "Turkey", hops=3)
    assert any("No path from" in i.value and "within 3 hops" in i.value for i in app.info)


def test_path_ends_are_resolved_like_everywhere_else(app: AppTest) -> None:
    # an exact Arabic name that is also part of longer names (الصين in "خط ... الصين-...") is that node
    ask_path(app, "الصين", "تركيا")
    assert not app.exception and not app.warning, [w.value for w in app.warning]
    assert any("from الصين — China to تركيا — Turkey" in s.value for s in app.success)
    ask_path(app, "Ta", "Turkey")  # a prefix of several names is still ambiguous
    assert any("matches several entities" in w.value for w in app.warning)


def test_path_with_unknown_end_gives_a_message(app: AppTest) -> None:
    ask_path(app, "Atlantis", "Turkey")
    assert not app.exception
    assert any("no entity matches “Atlantis”" in w.value for w in app.warning)
    ask_path(app, "", "Turkey")
    assert any("Give both ends" in w.value for w in app.warning)


def test_path_respects_allowed_edge_types(app: AppTest) -> None:
    open_path_panel(app)
    app.multiselect(key="p_types").set_value(["met", "visited"])
    ask_path(app, "Putin", "Turkey")
    assert any("No path from" in i.value for i in app.info)


# --- filters ------------------------------------------------------------------------------------


def test_node_type_filter(app: AppTest) -> None:
    app.sidebar.multiselect(key="f_node_types").set_value(["Country", "Leader"]).run()
    types = {n["id"].split(":")[0] for n in payload(app)["nodes"]}
    assert types == {"country", "leader"}


def test_edge_type_filter(app: AppTest) -> None:
    app.sidebar.multiselect(key="f_edge_types").set_value(["leads"]).run()
    data = payload(app)
    assert {e["label"] for e in data["edges"]} == {"\u2067يقود\u2069"}
    assert all(n["id"].split(":")[0] in {"leader", "country"} for n in data["nodes"])


def test_date_and_article_filters(app: AppTest) -> None:
    import datetime as dt

    app.sidebar.date_input(key="f_dates").set_value((dt.date(2025, 1, 1), dt.date(2025, 6, 17))).run()
    later = {n["id"] for n in payload(app)["nodes"]}
    assert "agreement:astana-declaration:2025" in later and "corridor:multimodal:CN-TR" not in later
    app.sidebar.date_input(key="f_dates").set_value((dt.date(2024, 7, 6), dt.date(2025, 6, 17)))
    app.sidebar.multiselect(key="f_docs").set_value(["000_d8d0bccc6eeca408"]).run()
    first = {n["id"] for n in payload(app)["nodes"]}
    assert "corridor:multimodal:CN-TR" in first and "agreement:astana-declaration:2025" not in first


def test_minimum_mentions_filter(app: AppTest, sample_file: Path) -> None:
    G = read_graph(sample_file)
    app.sidebar.slider(key="f_min_mentions").set_value(2).run()
    drawn = {n["id"] for n in payload(app)["nodes"]}
    assert drawn and drawn <= {n for n, d in G.nodes(data=True) if d["mentions"] >= 2}
    assert len(drawn) < G.number_of_nodes()


def test_ego_view_needs_a_selection_then_shows_the_radius(app: AppTest) -> None:
    app.sidebar.toggle(key="f_ego").set_value(True).run()
    assert any("Select a node" in i.value for i in app.info)
    click(app, "node", "leader:putin")
    assert {n["id"] for n in payload(app)["nodes"]} == {"leader:putin", "leader:xi-jinping"}
    app.sidebar.slider(key="f_radius").set_value(2).run()
    assert len(payload(app)["nodes"]) > 2


def test_nothing_passing_the_filters_says_so(app: AppTest) -> None:
    app.sidebar.multiselect(key="f_node_types").set_value(["Region"]).run()
    assert not app.get("bidi_component")
    assert any("Nothing passes these filters" in i.value for i in app.info)


def test_large_graph_is_capped_and_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    G = nx.gnm_random_graph(600, 1500, seed=3, directed=True)
    H = nx.MultiDiGraph()
    for n in G.nodes:
        H.add_node(f"country:{n}", type="Country", label_ar=f"بلد {n}", label_en=f"Land {n}", mentions=1 + n % 5)
    for u, v in G.edges:
        H.add_edge(f"country:{u}", f"country:{v}", key=f"{u}|{v}", type="partnership", doc="d", date="2025-01-01",
                   evidence="شراكة", trigger="شراكة", confidence=0.5, count=1)
    at = start(monkeypatch, tmp_path, write(H, tmp_path), SILKGRAPH_MAX_NODES="200")
    assert not at.exception, at.exception
    data = payload(at)
    assert len(data["nodes"]) == 200
    assert data["layout"] == "fixed" and all("x" in n and "y" in n for n in data["nodes"])
    isolated = sum(1 for n in H if H.degree(n) == 0)  # hidden by default, and said
    assert isolated and any(f"Showing 200 of {600 - isolated} nodes" in i.value for i in at.info)
    top = max(H.nodes, key=H.degree)
    assert top in {n["id"] for n in data["nodes"]}


# --- safety, empty and error states ------------------------------------------------------------


def test_article_text_is_escaped_everywhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    G = build_graph(sample_extractions())
    add_extraction(G, evil_extraction())
    at = start(monkeypatch, tmp_path, write(G, tmp_path))
    click(at, "node", "person:evil")
    assert not at.exception
    html_parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    joined = "\n".join(html_parts)
    assert "&lt;img src=x onerror=alert(1)&gt;" in joined and "&lt;script&gt;alert(1)&lt;/script&gt;" in joined
    assert "<img" not in joined and "<script" not in joined and "<b>bold" not in joined
    # in the graph the label and tooltip are plain strings (the component never parses them as HTML)
    evil = next(n for n in payload(at)["nodes"] if n["id"] == "person:evil")
    assert EVIL_LABEL in evil["label"] and EVIL_LABEL in evil["title"]
    edge = next(e for e in payload(at)["edges"] if e["to"] == "person:evil")
    click(at, "edge", edge["id"])
    joined = "\n".join(m.value for m in at.markdown)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined and "<script" not in joined


def test_empty_graph_says_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = start(monkeypatch, tmp_path, write(build_graph([]), tmp_path))
    assert not at.exception
    assert not at.get("bidi_component")
    assert any("The graph is empty" in i.value for i in at.info)
    section(at, "All relations")
    assert any("No relations yet" in i.value for i in at.info)
    section(at, "Export")
    assert any("Nothing to export" in i.value for i in at.info)


def test_unreadable_graph_file_falls_back_with_a_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad = tmp_path / "broken.graphml"
    bad.write_text("<graphml><oops", encoding="utf-8")
    seeds = tmp_path / "no-seeds"
    seeds.mkdir()
    at = start(monkeypatch, tmp_path, bad, SILKGRAPH_SEEDS=str(seeds))
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "Could not read the graph file" in warnings and "broken.graphml" in warnings
    assert "No articles in" in warnings


def test_bad_setting_gives_a_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sample_file: Path) -> None:
    at = start(monkeypatch, tmp_path, sample_file, SILKGRAPH_MAX_NODES="lots")
    assert not at.exception
    assert any("--max-nodes must be a whole number" in e.value for e in at.error)


# --- overview, table, export ---------------------------------------------------------------------


def test_overview_counts_and_top_entities(app: AppTest, sample_file: Path) -> None:
    G = read_graph(sample_file)
    section(app, "Overview")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Entities": str(G.number_of_nodes()), "Relations": str(G.number_of_edges()), "Articles": "2"}
    top = app.dataframe[2].value
    assert top.iloc[0]["id"] == max(G.nodes, key=G.degree)


def test_edge_table_filters_rows(app: AppTest, sample_file: Path) -> None:
    G = read_graph(sample_file)
    section(app, "All relations")
    table = app.dataframe[0].value
    assert len(table) == G.number_of_edges()
    app.text_input(key="t_filter").input("توكاييف").run()
    filtered = app.dataframe[0].value
    naming = [d for u, v, d in G.edges(data=True)
              if "توكاييف" in " ".join((G.nodes[u]["label_ar"], G.nodes[v]["label_ar"], d["evidence"]))]
    assert len(filtered) == len(naming) and 0 < len(naming) < len(table)
    assert all("توكاييف" in " ".join(map(str, row)) for row in filtered.itertuples())


def test_export_buttons_for_view_and_whole_graph(app: AppTest) -> None:
    assert not app.get("download_button")  # nothing computed until the section is opened
    section(app, "Export")
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == [label for _, label, _ in FORMATS]
    click(app, "node", "leader:putin")
    app.sidebar.toggle(key="f_ego").set_value(True).run()
    assert "2 entities, 1 relations" in page_text(app)
    app.radio(key="x_scope").set_value("all").run()
    assert "22 entities" in page_text(app)


@pytest.mark.parametrize("suffix", [s for s, _, _ in FORMATS if s != ".csv"])
def test_export_bytes_read_back(tmp_path: Path, suffix: str) -> None:
    G = build_graph(sample_extractions())
    path = tmp_path / f"g{suffix}"
    path.write_bytes(export_bytes(G, suffix))
    H = read_graph(path)
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()


# --- adding articles -----------------------------------------------------------------------------


def test_add_articles_form_errors(app: AppTest, tmp_path: Path) -> None:
    section(app, "Add articles")
    button(app, "Add to the graph").click().run()
    assert any("Choose a file or paste an article" in w.value for w in app.warning)
    app.text_area(key="paste_text").input("Xi Jinping visited Kazakhstan.")
    button(app, "Add to the graph").click().run()
    assert any("no Arabic text found" in e.value for e in app.error)
    app.text_area(key="paste_text").input("زار الرئيس الصيني شي جين بينغ كازاخستان ووقع بيانا مشتركا.")
    app.text_input(key="paste_date").input("17/06/2025")
    button(app, "Add to the graph").click().run()
    assert any("is not YYYY-MM-DD" in e.value for e in app.error)
    assert not app.exception
    uploads = tmp_path / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())  # a refused article writes nothing


def fake_extractor():
    """Records from silkgraph.graph.sample keyed by doc id, standing in for the extractor."""
    by_doc = {e.article.doc_id: e for e in sample_extractions()}

    def extract(articles):
        for a in articles:
            base = by_doc.get(a.doc_id.split(":")[0]) or next(iter(by_doc.values()))
            yield ArticleExtraction(article=a, mentions=[m for m in base.mentions],
                                    relations=[r for r in base.relations])

    return lambda: extract


def test_uploads_are_checked_saved_merged_and_idempotent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import silkgraph.views.live as live_mod

    def read_articles(paths, folder=None):
        out = []
        for p in paths:
            text = Path(p).read_text(encoding="utf-8")
            # the first file stands for the first sample article, a second one for the second
            doc_id = "000_d8d0bccc6eeca408" if Path(p).stem == "مقال" else "001_326f30334e07f93a"
            out.append(Article(doc_id=doc_id, text=text, title="t", date="2024-07-06", path=Path(p).name))
        return out, []

    monkeypatch.setattr(live_mod, "read_articles", read_articles)
    uploads = tmp_path / "uploads"
    live = LiveGraph(write(build_graph([]), tmp_path), tmp_path / "seeds", uploads, extractor=fake_extractor())
    data = "زار الرئيس الصيني شي جين بينغ كازاخستان ووقع بيانا مشتركا مع الرئيس توكاييف".encode()
    read_by_another_session = live.G
    first = live.add_upload("مقال.txt", data)
    assert first.doc_ids and (uploads / "مقال.txt").read_bytes() == data
    # a merge replaces the graph; a session still drawing the old one never sees it change
    assert read_by_another_session.number_of_nodes() == 0
    assert set(live.G) == set(build_graph(sample_extractions()[:1]))
    edges, nodes = live.G.number_of_edges(), live.G.number_of_nodes()
    again = live.add_upload("مقال.txt", data)
    assert again.duplicate and (live.G.number_of_edges(), live.G.number_of_nodes()) == (edges, nodes)
    edited = live.add_upload("مقال.txt", data + " وأستانا".encode())  # another file of that name: kept beside
    assert edited.renamed.startswith("مقال-") and not edited.duplicate and edited.doc_ids
    assert set(graph_articles(live.G)) == {"000_d8d0bccc6eeca408", "001_326f30334e07f93a"}
    with pytest.raises(UploadError, match="not a text file"):
        live.add_upload("x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert sorted(p.name for p in uploads.iterdir()) == sorted(["مقال.txt", edited.renamed])
    # a restart merges what is on disk
    restarted = LiveGraph(write(build_graph([]), tmp_path, "again.graphml"), tmp_path / "seeds", uploads,
                          extractor=fake_extractor())
    assert restarted.G.number_of_edges() == 0
    assert sorted(p.name for p in restarted.pending_uploads()) == sorted(["مقال.txt", edited.renamed])
    restarted.sync()
    assert restarted.G.number_of_edges() == live.G.number_of_edges() > edges and not restarted.pending_uploads()


def test_paste_an_article_adds_it_once_and_keeps_it(app: AppTest, tmp_path: Path) -> None:
    text = ("أستانا 3 يوليو 2024 (شينخوا) التقى الرئيس الصيني شي جين بينغ اليوم الأربعاء في أستانا "
            "الرئيس الكازاخي قاسم جومارت توكاييف، ووقع الجانبان بيانا مشتركا حول تعزيز التعاون.")
    drawn_before = {n["id"] for n in payload(app)["nodes"]}
    section(app, "Add articles")
    app.text_area(key="paste_text").input(text)
    app.text_input(key="paste_title").input("لقاء في أستانا")
    button(app, "Add to the graph").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert any("1 article" in s.value for s in app.success)
    saved = list((tmp_path / "uploads").iterdir())
    assert len(saved) == 1 and saved[0].suffix == ".jsonl"
    assert json.loads(saved[0].read_text(encoding="utf-8"))["title"] == "لقاء في أستانا"
    section(app, "Overview")
    counts = {m.label: m.value for m in app.metric}
    assert counts["Articles"] == "3"
    # the new article is dated before the others: the date filter widens, nothing disappears
    assert {n["id"] for n in payload(app)["nodes"]} >= drawn_before
    section(app, "Add articles")
    app.text_area(key="paste_text").input(text)
    app.text_input(key="paste_title").input("لقاء في أستانا")
    button(app, "Add to the graph").click().run()
    assert any("already in the corpus" in s.value for s in app.success)
    section(app, "Overview")
    assert {m.label: m.value for m in app.metric} == counts
    assert len(list((tmp_path / "uploads").iterdir())) == 1


def test_a_table_row_links_to_its_evidence_and_the_graph(app: AppTest, sample_file: Path) -> None:
    section(app, "All relations")
    table = app.dataframe[0].value
    row = table.iloc[0]
    app.session_state["edges_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()
    text = page_text(app)
    assert "<mark class=\"sg-trigger\">" in text
    button(app, "Show this edge in the graph").click().run()
    assert not app.exception
    head = next(m.value for m in app.markdown if m.value.startswith("### "))
    assert row["source"] in head and row["target"] in head and "→" in head


def test_top_entities_row_selects_the_node(app: AppTest, sample_file: Path) -> None:
    section(app, "Overview")
    top = app.dataframe[2].value
    app.session_state["top_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()
    button(app, f"Select {top.iloc[0]['entity']} in the graph").click().run()
    assert payload(app)["selected"] == top.iloc[0]["id"]


def test_a_click_opens_the_selection_and_path_buttons_open_the_path_form(app: AppTest) -> None:
    ask_path(app, "Putin", "Turkey")
    click(app, "node", "country:KZ")
    assert app.segmented_control(key="panel_mode").value == "Selection"
    assert "Kazakhstan" in page_text(app)
    button(app, "Path from").click().run()
    assert app.segmented_control(key="panel_mode").value == "Path"
    # the form kept what was typed while it was closed, with the new start filled in
    assert app.text_input(key="p_from").value == "country:KZ"
    assert app.text_input(key="p_to").value == "Turkey"
