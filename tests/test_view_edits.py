"""Expand and prune (issue 11, feature 5): expand by relation with a limit, hide, pin, and back
and forward through the view's history; the plain functions, then the page through AppTest.

Graphs are built here from records written for these tests (a hub with many visitors); the
page helpers are test_app.py's, loaded the way test_explorer_research.py loads them.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import networkx as nx
import pytest

from silkgraph.graph.build import build_graph
from silkgraph.records import Article, ArticleExtraction, Entity, Relation
from silkgraph.views.history import History, back, current, forward, push, replace_current
from silkgraph.views.placement import decode_positions, encode_positions, place_nodes, placed_positions, request_placement
from silkgraph.views.view_edits import (ViewEdits, edit_view, expand, hide, next_neighbours, pin,
                                        relation_neighbours, show)
from silkgraph.views.view_url import apply_view, restore_view, view_params

_spec = importlib.util.spec_from_file_location("silkgraph_test_app_helpers_edits", Path(__file__).with_name("test_app.py"))
T = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(T)

CHINA = Entity("country:CN", "Country", "الصين", "China", "Q148")
RUSSIA = Entity("country:RU", "Country", "روسيا", "Russia", "Q159")
NO_FILTERS = {"node_types": None, "edge_types": None, "date_from": None, "docs": None}


def leader(i: int) -> Entity:
    return Entity(f"leader:test-{i:02d}", "Leader", f"قائد {i}", f"Leader {i}")


def relation(src: Entity, dst: Entity, kind: str, doc: str, date: str) -> Relation:
    sentence = "جملة كتبت للاختبار."
    return Relation(src, dst, kind, doc, sentence, 0, len(sentence), "جملة", 0.8, date)


def hub_extractions(visitors: int = 40, meetings: int = 6) -> list[ArticleExtraction]:
    """Leaders 0.. visited China (leader i in i % 3 + 1 articles); the first ``meetings`` also met Russia."""
    out = []
    for i in range(visitors):
        for j in range(i % 3 + 1):
            doc = f"visit-{i}-{j}"
            date = f"20{15 + i % 10}-0{1 + j}-10"
            rels = [relation(leader(i), CHINA, "visited", doc, date)]
            if i < meetings and j == 0:
                rels.append(relation(leader(i), RUSSIA, "met", doc, date))
            out.append(ArticleExtraction(Article(doc, "جملة كتبت للاختبار.", title=f"مقال {doc}", date=date), relations=rels))
    return out


@pytest.fixture
def hub() -> nx.MultiDiGraph:
    return build_graph(hub_extractions())


# --- the plain functions ------------------------------------------------------------------------


def test_relation_neighbours_are_ordered_by_how_many_relations_join_them(hub) -> None:
    found = relation_neighbours(hub, "country:CN", "visited")
    assert len(found) == 40 and {n for n, _ in found} == {f"leader:test-{i:02d}" for i in range(40)}
    counts = [c for _, c in found]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3 and counts[-1] == 1
    assert relation_neighbours(hub, "country:CN", "met") == []
    assert [n for n, _ in relation_neighbours(hub, "country:RU", "met")] == [f"leader:test-{i:02d}" for i in
                                                                            (2, 5, 1, 4, 0, 3)]


def test_next_neighbours_skip_the_drawn_and_stop_at_the_limit(hub) -> None:
    order = [n for n, _ in relation_neighbours(hub, "country:CN", "visited")]
    drawn = ["country:CN", *order[:5]]
    assert next_neighbours(hub, "country:CN", "visited", drawn, 10) == order[5:15]
    # a hidden node counts as not drawn: expanding brings it back
    assert next_neighbours(hub, "country:CN", "visited", drawn, 2, ViewEdits(hidden=(order[0],))) == [order[0], order[5]]
    assert next_neighbours(hub, "country:CN", "visited", ["country:CN", *order], 10) == []


def test_edits_compose() -> None:
    e = expand(ViewEdits(), ["a", "b"])
    e = pin(e, "c")
    e = hide(e, "a")
    assert e == ViewEdits(grown=("b",), hidden=("a",), pinned=("c",))
    assert hide(e, "c").pinned == () and pin(hide(e, "c"), "c").hidden == ("a",)
    assert show(e).hidden == () and expand(e, ["a"]).hidden == ()


def test_edit_view_keeps_pins_and_expansions_and_leaves_hidden_out(hub) -> None:
    keep, candidates = edit_view(ViewEdits(grown=("leader:test-01",), hidden=("country:CN", "leader:test-02"),
                                           pinned=("leader:test-03", "no:such-node")),
                                 ["country:CN"], ["leader:test-02", "leader:test-04"], hub)
    assert keep == ["leader:test-03", "leader:test-01"]
    assert candidates == ["leader:test-03", "leader:test-01", "leader:test-04"]


def test_history_goes_back_and_forward_and_a_new_change_drops_what_was_ahead() -> None:
    h = History()
    for entry in ({}, {"sel": "country:CN"}, {"sel": "country:CN", "grown": ["a"]}):
        h = push(h, entry)
    assert h.cursor == 2 and len(h.entries) == 3
    h = back(back(h))
    assert current(h) == {} and back(h) == h
    h = forward(h)
    assert current(h) == {"sel": "country:CN"}
    h = push(h, {"hidden": ["b"]})
    assert h.entries == ({}, {"sel": "country:CN"}, {"hidden": ["b"]}) and forward(h) == h
    assert replace_current(h, {"hidden": ["c"]}).entries[-1] == {"hidden": ["c"]}
    assert len(push(History(tuple({"i": str(i)} for i in range(5)), 4), {"x": "1"}, limit=3).entries) == 3


def test_positions_round_trip_and_bad_text_is_refused() -> None:
    pos = {f"leader:test-{i:02d}": (i * 10.6, -i * 3.2) for i in range(300)}
    text = encode_positions(pos)
    back_ = decode_positions(text)
    assert set(back_) == set(pos) and all(abs(back_[n][0] - p[0]) <= 0.5 for n, p in pos.items())
    assert len(text) < 6000  # 300 nodes fit in a URL
    for bad in ("", "abc", encode_positions({"a": (1, 2)})[:-3], "eJwrzs9NLUnNy0rNSy3KTEktAgA2qAcq"):
        with pytest.raises(ValueError):
            decode_positions(bad)


def test_a_placement_fills_in_new_nodes_and_ends_when_few_are_known() -> None:
    state: dict = {}
    request_placement(state, {"a": (0, 0), "b": (100, 0)})
    D = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    pos = placed_positions(state, D, None)
    assert pos["a"] == (0, 0) and pos["b"] == (100, 0) and abs(pos["c"][0] - 100) <= 70 and set(pos) == {"a", "b", "c"}
    # once the canvas drew the placement, its reports are what is known
    state["graph"] = {"positions": {"pos": {"a": [5, 5], "b": [50, 50], "c": [9, 9]}, "placed": state["_place"]["stamp"]}}
    assert placed_positions(state, D, None) == {"a": (5.0, 5.0), "b": (50.0, 50.0), "c": (9.0, 9.0)}
    assert place_nodes(["x", "y"], {}, {}) == place_nodes(["x", "y"], {}, {})  # deterministic
    assert placed_positions(state, nx.MultiDiGraph([("x", "y"), ("y", "z")]), {"x": (1, 1)}) == {"x": (1, 1)}
    assert "_place" not in state


def test_a_pinned_node_of_an_opened_view_is_where_the_view_put_it() -> None:
    from silkgraph.views.placement import mark_view

    # the canvas reported the page it showed before the view was opened: that place is stale
    state = {"pinned": ["a"], "graph": {"positions": {"pos": {"a": [0, 0], "b": [1, 1]}, "placed": 0}}}
    request_placement(state, {"a": (200, -120), "b": (1, 1)})
    node = mark_view({"nodes": [{"id": "a"}]}, state)["nodes"][0]
    assert (node["x"], node["y"], node["fixed"]) == (200.0, -120.0, True)
    state["graph"]["positions"] = {"pos": {"a": [210, -100]}, "placed": state["_place"]["stamp"]}
    node = mark_view({"nodes": [{"id": "a"}]}, state)["nodes"][0]  # once drawn, the canvas knows best
    assert (node["x"], node["y"]) == (210.0, -100.0)


def test_a_history_entry_puts_the_whole_view_back() -> None:
    state = {"f_ego": True, "f_node_types": ["Leader"], "sel": "country:CN", "hidden": ["a"], "paths": {"paths": [1]}}
    apply_view({"grown": ["x"], "lang": "en"}, state)
    assert state["f_ego"] is False and "f_node_types" not in state and state["sel"] is None
    assert state["hidden"] == [] and state["grown"] == ["x"] and state["lang"] == "en" and state["paths"] is None
    params = view_params({**state, "pinned": ["p"]}, NO_FILTERS)
    assert params == {"lang": "en", "grown": ["x"], "pinned": ["p"]}
    fresh: dict = {}
    restore_view(params, fresh)
    assert fresh["grown"] == ["x"] and fresh["pinned"] == ["p"] and fresh["lang"] == "en"


# --- the page -----------------------------------------------------------------------------------


@pytest.fixture
def hub_app(monkeypatch, tmp_path):
    at = T.start(monkeypatch, tmp_path, T.write(build_graph(hub_extractions()), tmp_path), SILKGRAPH_MAX_NODES="12")
    assert not at.exception, at.exception
    return at


def drawn(at) -> set[str]:
    return {n["id"] for n in T.payload(at)["nodes"]}


def by_key(at, key: str):
    found = [b for b in at.button if b.key == key]
    assert found, f"no button {key}; buttons: {[b.key for b in at.button]}"
    return found[0]


def test_expand_by_relation_draws_exactly_the_next_neighbours(hub_app) -> None:
    at = hub_app
    T.click(at, "node", "country:CN")
    before = drawn(at)
    assert len(before) == 12
    box = next(s for s in at.selectbox if s.label == "Expand by relation")
    undrawn = 40 - sum(n.startswith("leader:") for n in before)
    assert box.value == "visited" and f"({undrawn} not drawn)" in box.format_func(box.value) and undrawn > 7
    at.number_input(key="vx_limit").set_value(7).run()
    go = by_key(at, "vx_go")
    assert go.label == "Expand: visited ▸ 7 more"
    go.click().run()
    after = drawn(at)
    G = build_graph(hub_extractions())
    expected = next_neighbours(G, "country:CN", "visited", before, 7)
    assert after - before == set(expected) and before <= after and len(after) == len(before) + 7
    assert sorted(at.query_params["grown"]) == sorted(expected)  # in the view URL
    assert all(any({e["from"], e["to"]} == {n, "country:CN"} for e in T.payload(at)["edges"]) for n in expected)


def test_hide_takes_a_node_off_the_canvas_and_show_brings_it_back(hub_app) -> None:
    at = hub_app
    T.click(at, "node", "leader:test-02")
    assert "leader:test-02" in drawn(at)
    by_key(at, "vx_hide").click().run()
    assert "leader:test-02" not in drawn(at)
    assert not any("leader:test-02" in (e["from"], e["to"]) for e in T.payload(at)["edges"])
    assert at.query_params["hidden"] == "leader:test-02" or at.query_params["hidden"] == ["leader:test-02"]
    assert by_key(at, "vx_hide").label == "Show again"
    by_key(at, "vx_show_all").click().run()
    assert "leader:test-02" in drawn(at)


def test_a_pinned_node_stays_in_view_and_is_fixed(hub_app) -> None:
    at = hub_app
    T.click(at, "node", "leader:test-05")
    at.session_state["graph"] = {**at.session_state["graph"], "positions": {"pos": {"leader:test-05": [40, -30]},
                                                                            "moved": False, "placed": 0}}
    by_key(at, "vx_pin").click().run()
    node = next(n for n in T.payload(at)["nodes"] if n["id"] == "leader:test-05")
    assert node["fixed"] is True and (node["x"], node["y"]) == (40.0, -30.0)
    assert node["shapeProperties"]["borderDashes"]
    # the ego view around another node leaves it out, but a pinned node stays
    T.click(at, "node", "leader:test-10")
    at.sidebar.toggle(key="f_ego").set_value(True).run()
    assert drawn(at) == {"leader:test-10", "country:CN", "leader:test-05"}
    assert all(not n["fixed"] for n in T.payload(at)["nodes"] if n["id"] != "leader:test-05")


def test_back_and_forward_restore_the_previous_views(hub_app) -> None:
    at = hub_app
    opening = drawn(at)
    assert by_key(at, "hist_back").disabled
    T.click(at, "node", "country:CN")
    by_key(at, "vx_go").click().run()
    grown = drawn(at)
    at.sidebar.toggle(key="f_ego").set_value(True).run()
    T.click(at, "node", "leader:test-07")
    last = drawn(at)
    assert last != grown and len({frozenset(opening), frozenset(grown), frozenset(last)}) == 3
    by_key(at, "hist_back").click().run()
    assert T.payload(at)["selected"] == "country:CN" and at.sidebar.toggle(key="f_ego").value is True
    by_key(at, "hist_back").click().run()
    assert drawn(at) == grown and at.sidebar.toggle(key="f_ego").value is False
    by_key(at, "hist_back").click().run()
    by_key(at, "hist_back").click().run()
    assert drawn(at) == opening and T.payload(at)["selected"] is None and by_key(at, "hist_back").disabled
    for _ in range(4):
        by_key(at, "hist_fwd").click().run()
    assert drawn(at) == last and T.payload(at)["selected"] == "leader:test-07" and by_key(at, "hist_fwd").disabled
    assert not at.exception
