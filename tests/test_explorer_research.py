"""The explorer as a research instrument (issue 11), through AppTest: the bugs a researcher
hit, the timeline, and the view at scale.

Helpers (start, payload, click, button) are test_app.py's, loaded the way test_browser.py
loads it. Graphs are built here from records written for these tests.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import networkx as nx
import pytest

from silkgraph.graph.build import add_extraction, build_graph
from silkgraph.graph.export import read_graph
from silkgraph.graph.sample import sample_extractions
from silkgraph.records import Article, ArticleExtraction, Entity, Relation
from silkgraph.views.payload import parse_edge_id

_spec = importlib.util.spec_from_file_location("silkgraph_test_app_helpers", Path(__file__).with_name("test_app.py"))
T = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(T)

CHINA = Entity("country:CN", "Country", "الصين", "China", "Q148")
KG = Entity("country:KG", "Country", "قيرغيزستان", "Kyrgyzstan", "Q813")
JAPAROV = Entity("leader:japarov", "Leader", "صدير جاباروف", "Sadyr Japarov")


def relation(src: Entity, dst: Entity, kind: str, doc: str, date: str, sentence: str = "جملة كتبت للاختبار.") -> Relation:
    return Relation(src, dst, kind, doc, sentence, 0, len(sentence), sentence.split()[0], 0.8, date)


def article(doc: str, date: str, relations: list[Relation], source: str = "") -> ArticleExtraction:
    text = " ".join(r.sentence for r in relations) or "نص."
    return ArticleExtraction(article=Article(doc_id=doc, text=text, title=f"مقال {doc}", date=date, source=source),
                             relations=relations)


def undated_graph() -> nx.MultiDiGraph:
    """The seed sample plus an undated article: Japarov leads Kyrgyzstan, met Xi."""
    G = build_graph(sample_extractions())
    xi = Entity("leader:xi-jinping", "Leader", "شي جين بينغ", "Xi Jinping", "Q15031")
    add_extraction(G, article("undated-1", "", [relation(JAPAROV, KG, "leads", "undated-1", ""),
                                                relation(xi, JAPAROV, "met", "undated-1", "")]))
    return G


def hub_graph(n: int = 60) -> nx.MultiDiGraph:
    """China with ``n`` neighbours: leader i visited China in year 2015 + i % 10, from 2 sources."""
    extractions = []
    for i in range(n):
        leader = Entity(f"leader:test-{i}", "Leader", f"قائد {i}", f"Leader {i}")
        date = f"{2015 + i % 10}-0{1 + i % 9}-15"
        rels = [relation(leader, CHINA, "visited", f"doc-{i}", date, f"زار القائد {i} الصين.")]
        extractions.append(article(f"doc-{i}", date, rels, source="وكالة أ" if i % 3 else "Agency B"))
    # one neighbour by one relation, repeated in 5 articles (the "225 connections" case)
    for j in range(5):
        date = f"2020-0{j + 1}-01"
        extractions.append(article(f"lead-{j}", date, [relation(JAPAROV, KG, "leads", f"lead-{j}", date)]))
    return build_graph(extractions)


def start(monkeypatch, tmp_path, G, **env):
    at = T.start(monkeypatch, tmp_path, T.write(G, tmp_path), **env)
    assert not at.exception, at.exception
    return at


def drawn_edge_ids(at) -> set[str]:
    return {e["id"] for e in T.payload(at)["edges"]}


def drawn_pairs(at) -> set[frozenset]:
    return {frozenset((e["from"], e["to"])) for e in T.payload(at)["edges"]}


# --- bug 1: undated relations are shown, and a filter says what it hides ---------------------


def test_narrowing_the_dates_keeps_undated_relations_and_says_so(monkeypatch, tmp_path) -> None:
    at = start(monkeypatch, tmp_path, undated_graph())
    undated = frozenset(("leader:japarov", "country:KG"))
    assert undated in drawn_pairs(at)
    box = next(c for c in at.sidebar.checkbox if c.key == "f_undated")
    assert box.value is True and "(2)" in box.label  # on by default, with its count
    # the end date one day earlier: 6 relations of 2025-06-17 go, said; the undated ones stay
    at.sidebar.date_input(key="f_dates").set_value((dt.date(2024, 7, 6), dt.date(2025, 6, 16))).run()
    assert undated in drawn_pairs(at)
    said = " ".join(c.value for c in at.caption)
    assert "16 dated relations in it, 6 outside it hidden; 2 undated relations shown" in said
    box = next(c for c in at.sidebar.checkbox if c.key == "f_undated")
    box.uncheck().run()
    assert undated not in drawn_pairs(at)
    assert "2 undated relations hidden" in " ".join(c.value for c in at.caption)


# --- bug 2: every known spelling, typos, suggestions -------------------------------------------


def test_search_finds_a_gazetteer_spelling_no_article_used(app) -> None:
    app.text_input(key="search").input("قرغيزستان").run()  # the graph has قيرغيزستان
    assert not app.exception
    assert T.payload(app)["selected"] == "country:KG"


def test_search_with_a_typo_offers_what_it_meant(app) -> None:
    app.text_input(key="search").input("Tokayv").run()
    assert any("No entity matches" in w.value and "Did you mean" in w.value for w in app.warning)
    T.button(app, "\u2068قاسم جومارت توكاييف\u2069 — \u2068Kassym-Jomart Tokayev\u2069").click().run()
    assert T.payload(app)["selected"] == "leader:tokayev"


def test_path_end_with_a_typo_offers_suggestions_that_run_the_query(app) -> None:
    T.ask_path(app, "Putin", "Tajikstan")
    warning = " ".join(w.value for w in app.warning)
    assert "no entity matches “Tajikstan”; did you mean" in warning and "Tajikistan" in warning
    T.button(app, "\u2068طاجيكستان\u2069 — \u2068Tajikistan\u2069").click().run()
    assert app.session_state["p_to"] == "country:TJ"
    assert any("from بوتين — Vladimir Putin to طاجيكستان — Tajikistan" in s.value for s in app.success)


@pytest.fixture
def app(monkeypatch, tmp_path):
    return start(monkeypatch, tmp_path, build_graph(sample_extractions()))


# --- bugs 3 and 4: a hub's panel, neighbours and relations apart ---------------------------------


def panel_rows(at) -> list[str]:
    return [m.value for m in at.markdown if 'class="sg-nb"' in m.value]


def test_a_hub_panel_is_paged_sorted_and_counts_first(monkeypatch, tmp_path) -> None:
    at = start(monkeypatch, tmp_path, hub_graph(60))
    T.click(at, "node", "country:CN")
    text = T.page_text(at)
    assert "60 neighbours · 60 relations" in text
    summary = next(m.value for m in at.markdown if 'class="sg-summary"' in m.value)
    assert '<bdi>2015</bdi> <span class="sg-count">(6)</span>' in summary  # per year
    assert '<bdi>وكالة أ</bdi> <span class="sg-count">(40)</span>' in summary  # per source
    rows = panel_rows(at)
    assert len(rows) == 25 and "Rows 1–25 of 60" in text
    assert "<mark" not in text  # evidence only on demand
    at.selectbox(key="nb_sort").set_value("date").run()
    assert "Leader 59" in panel_rows(at)[0] or "Leader 49" in panel_rows(at)[0]  # 2024-09-15 first
    at.number_input(key="nb_page").set_value(3).run()
    assert len(panel_rows(at)) == 10 and "Rows 51–60 of 60" in T.page_text(at)
    T.button(at, "Evidence").click().run()
    assert '<mark class="sg-trigger">' in T.page_text(at)


def test_neighbours_and_relations_are_counted_apart(monkeypatch, tmp_path) -> None:
    at = start(monkeypatch, tmp_path, hub_graph(3))
    T.click(at, "node", "country:KG")
    text = T.page_text(at)
    assert "1 neighbour · 5 relations" in text
    assert len(panel_rows(at)) == 1 and "5 articles" in panel_rows(at)[0]
    kg = next(n for n in T.payload(at)["nodes"] if n["id"] == "country:KG")
    assert "1 neighbour · 5 relations" in kg["title"]


def test_every_relation_between_two_nodes_is_one_line_with_a_count(app) -> None:
    G = build_graph(sample_extractions())
    pairs = {}
    for u, v in G.edges():
        pairs[frozenset((u, v))] = pairs.get(frozenset((u, v)), 0) + 1
    edges = T.payload(app)["edges"]
    assert len(edges) == len({frozenset((e["from"], e["to"])) for e in edges})  # one line per pair
    many = next(p for p, n in pairs.items() if n > 1 and {x for x in p} <= {n["id"] for n in T.payload(app)["nodes"]})
    line = next(e for e in edges if frozenset((e["from"], e["to"])) == many)
    assert line["label"].endswith(f"×{pairs[many]}")
    T.click(app, "edge", line["id"])
    assert f"{pairs[many]} relations from" in T.page_text(app)
    app.sidebar.toggle(key="f_one_line").set_value(False).run()
    assert len(T.payload(app)["edges"]) > len(edges)


# --- bug 5: right to left ----------------------------------------------------------------------


def test_counts_stay_right_of_arabic_labels(monkeypatch, tmp_path) -> None:
    at = start(monkeypatch, tmp_path, hub_graph(3))
    line = next(e for e in T.payload(at)["edges"] if parse_edge_id(e["id"])[1] == "country:KG")
    assert line["label"] == "\u2067يقود\u2069 ×5"  # the count outside the right-to-left isolate
    at.text_input(key="search").input("قائد").run()  # several matches: one button each, names isolated
    labels = [b.label for b in at.button if b.key and b.key.startswith("match_")]
    assert len(labels) == 3 and all(label.startswith("\u2068قائد") for label in labels)


# --- bug 6: the add-article form ---------------------------------------------------------------


def test_add_article_fields_are_one_form(app) -> None:
    T.section(app, "Add articles")
    fields = [app.text_area(key="paste_text"), app.text_input(key="paste_title"), app.text_input(key="paste_date")]
    forms = {f.proto.form_id for f in fields}
    assert len(forms) == 1 and forms != {""}  # no rerun between fields: nothing typed is lost


# --- bug 7: an added article can be removed ------------------------------------------------------


def test_an_added_article_can_be_removed(app, tmp_path) -> None:
    text = ("أستانا 3 يوليو 2024 (شينخوا) التقى الرئيس الصيني شي جين بينغ اليوم الأربعاء في أستانا "
            "الرئيس التركي رجب طيب أردوغان، ووقع الجانبان بيانا مشتركا.")
    before = {n["id"] for n in T.payload(app)["nodes"]}
    T.section(app, "Add articles")
    app.text_area(key="paste_text").input(text)
    app.text_input(key="paste_title").input("لقاء للاختبار")
    T.button(app, "Add to the graph").click().run()
    assert not app.exception and any("1 article" in s.value for s in app.success)
    added = {n["id"] for n in T.payload(app)["nodes"]} - before
    assert added, "the article added nothing to draw"
    assert any("لقاء للاختبار" in m.value for m in app.markdown)
    T.button(app, "Remove").click().run()
    assert not app.exception
    assert {n["id"] for n in T.payload(app)["nodes"]} == before
    assert any("removed (1 article)" in s.value for s in app.success)
    uploads = tmp_path / "uploads"
    assert [p.name for p in uploads.iterdir() if p.is_file()] == []
    assert len(list((uploads / "removed").iterdir())) == 1  # kept aside, not lost
    T.section(app, "Overview")
    assert {m.label: m.value for m in app.metric}["Articles"] == "2"


# --- feature 1: the timeline ------------------------------------------------------------------


def test_timeline_range_changes_the_drawn_edges(monkeypatch, tmp_path) -> None:
    at = start(monkeypatch, tmp_path, hub_graph(20), SILKGRAPH_MAX_NODES="500")
    at.radio(key="tl_grain").set_value("year").run()
    everything = drawn_edge_ids(at)
    assert at.select_slider[0].value == ("2015", "2024")
    at.select_slider[0].set_value(("2016", "2016")).run()
    in_2016 = drawn_edge_ids(at)
    assert 0 < len(in_2016) < len(everything)
    G = read_graph(tmp_path / "graph.graphml")
    drawn_dated = {d["date"][:4] for u, v, d in G.edges(data=True)
                   if any(parse_edge_id(e)[:2] == (u, v) for e in in_2016)}
    assert drawn_dated == {"2016"}
    T.button(at, "Later ▶").click().run()
    assert at.select_slider[0].value == ("2017", "2017")
    assert drawn_edge_ids(at) != in_2016


def test_play_starts_from_the_first_period(monkeypatch, tmp_path) -> None:
    at = start(monkeypatch, tmp_path, hub_graph(20))
    at.radio(key="tl_grain").set_value("year").run()
    at.toggle(key="tl_play").set_value(True).run()
    assert not at.exception
    assert at.select_slider[0].value == ("2015", "2015")


# --- feature 4: readable at scale --------------------------------------------------------------


def test_node_size_follows_mentions_or_connections(app) -> None:
    G = build_graph(sample_extractions())
    drawn = [n for n in G if G.degree(n)]
    # two nodes that mentions and connections order differently
    a, b = next((a, b) for a in drawn for b in drawn
                if G.nodes[a]["mentions"] > G.nodes[b]["mentions"] and G.degree(a) < G.degree(b))
    sizes = {n["id"]: n["size"] for n in T.payload(app)["nodes"] if "size" in n}
    app.sidebar.radio(key="f_size_by").set_value("degree").run()
    by_degree = {n["id"]: n["size"] for n in T.payload(app)["nodes"] if "size" in n}
    assert (sizes[a] > sizes[b]) and (by_degree[a] < by_degree[b])


def test_labels_of_light_nodes_wait_for_zoom(monkeypatch, tmp_path) -> None:
    at = start(monkeypatch, tmp_path, hub_graph(80), SILKGRAPH_MAX_NODES="500")
    nodes = T.payload(at)["nodes"]
    always = [n for n in nodes if n["labelAt"] == 0]
    assert 0 < len(always) < len(nodes)
    assert next(n for n in nodes if n["id"] == "country:CN")["labelAt"] == 0


def test_full_width_canvas_puts_the_panel_below(app) -> None:
    assert app.columns  # side by side
    n = len(app.columns)
    app.sidebar.toggle(key="f_wide").set_value(True).run()
    assert len(app.columns) < n
    assert T.payload(app)["nodes"]


def test_office_relations_fold_away_and_say_so(monkeypatch, tmp_path) -> None:
    at = start(monkeypatch, tmp_path, hub_graph(3))
    assert frozenset(("leader:japarov", "country:KG")) in drawn_pairs(at)
    at.sidebar.toggle(key="f_fold").set_value(True).run()
    assert frozenset(("leader:japarov", "country:KG")) not in drawn_pairs(at)
    assert any("5 office relations (leads, serves …) folded away" in c.value for c in at.caption)
    T.click(at, "node", "country:KG")
    assert "1 neighbour · 5 relations" in T.page_text(at)  # the panel still lists them


# --- feature 3: the view in the URL --------------------------------------------------------------


def test_a_view_url_reopens_the_same_view(monkeypatch, tmp_path) -> None:
    at = start(monkeypatch, tmp_path, hub_graph(20), SILKGRAPH_MAX_NODES="500")
    T.click(at, "node", "country:CN")
    at.sidebar.toggle(key="f_ego").set_value(True)
    at.sidebar.radio(key="lang").set_value("en")
    at.radio(key="tl_grain").set_value("year").run()
    at.select_slider[0].set_value(("2016", "2018")).run()
    T.ask_path(at, "Leader 1", "Leader 2")
    assert any("1 path from" in s.value for s in at.success)
    thick = {e["id"] for e in T.payload(at)["edges"] if e["width"] == 4}
    assert thick
    params = {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}
    assert params["sel"] == ["country:CN"] and params["f_ego"] == ["1"] and params["tl"] == ["2016..2018"]
    drawn = {n["id"] for n in T.payload(at)["nodes"]}
    labels = {n["label"] for n in T.payload(at)["nodes"]}
    # a new session opened on that URL
    fresh = T.AppTest.from_file(str(T.APP), default_timeout=60)
    for key, values in params.items():
        fresh.query_params[key] = values if len(values) > 1 else values[0]
    fresh.run()
    assert not fresh.exception, fresh.exception
    assert not fresh.warning, [w.value for w in fresh.warning]
    assert T.payload(fresh)["selected"] == "country:CN"
    assert {n["id"] for n in T.payload(fresh)["nodes"]} == drawn and {n["label"] for n in T.payload(fresh)["nodes"]} == labels
    assert fresh.select_slider[0].value == ("2016", "2018")
    assert {e["id"] for e in T.payload(fresh)["edges"] if e["width"] == 4} == thick  # the path asked again


def test_a_plain_url_stays_plain(app) -> None:
    assert dict(app.query_params) == {}


def test_a_bad_view_url_opens_the_default_view(monkeypatch, tmp_path) -> None:
    T.start(monkeypatch, tmp_path, T.write(build_graph(sample_extractions()), tmp_path))
    at = T.AppTest.from_file(str(T.APP), default_timeout=60)
    for key, value in {"f_dates": "1990-01-01..1990-02-01", "f_radius": "lots", "sel": "country:XX",
                       "tl": "1990-01..1990-02", "f_node_types": "Planet"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    assert at.sidebar.date_input(key="f_dates").value == (dt.date(2024, 7, 6), dt.date(2025, 6, 17))
    assert T.payload(at)["nodes"]
