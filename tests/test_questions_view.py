"""The Questions panel (silkgraph.views.questions) through AppTest: the form, names in any spelling
or with a typo, the evidence rows, the highlight on the graph and the CSV.

Helpers (start, payload, button) are test_app.py's, loaded the way test_browser.py loads it.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from streamlit.testing.v1 import AppTest

_spec = importlib.util.spec_from_file_location("silkgraph_test_app_helpers_q", Path(__file__).with_name("test_app.py"))
T = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(T)
app, sample_file = T.app, T.sample_file  # the fixtures: the app on the hand-annotated seed sample


def ask_in_page(at: AppTest, template: str, **fields: str) -> AppTest:
    if at.segmented_control(key="panel_mode").value != "Questions":
        at.segmented_control(key="panel_mode").set_value("Questions").run()
    at.selectbox(key="q_template").set_value(template).run()
    for name, value in fields.items():
        widget = at.selectbox(key=f"q_{name}") if name in ("subject_type", "object_type", "relation") \
            else at.text_input(key=f"q_{name}")
        widget.set_value(value)
    return T.button(at, "Answer").click().run()


def thick_pairs(at: AppTest) -> set[frozenset]:
    return {frozenset((e["from"], e["to"])) for e in T.payload(at)["edges"] if e["width"] == 4}


def test_which_leaders_visited_kazakhstan_lists_evidence_and_highlights_it(app: AppTest) -> None:
    assert not thick_pairs(app)
    ask_in_page(app, "who", subject_type="Leader", relation="visited", object="Kazakhstan",
                date_from="2013", date_to="2024")
    assert not app.exception, app.exception
    assert any("1 relation answers" in s.value for s in app.success)
    hops = [m.value for m in app.markdown if 'class="sg-hop"' in m.value]
    assert len(hops) == 1 and "Xi Jinping" in hops[0] and "visited" in hops[0] and "Kazakhstan" in hops[0]
    evidence = [m.value for m in app.markdown if 'class="sg-ev"' in m.value]
    assert evidence and 'dir="rtl"' in evidence[0] and "2024-07-06" in evidence[0]
    assert thick_pairs(app) == {frozenset(("leader:xi-jinping", "country:KZ"))}
    T.button(app, "Clear the highlight").click().run()
    assert not thick_pairs(app)


def test_a_typo_offers_the_entity_and_picking_it_answers(app: AppTest) -> None:
    ask_in_page(app, "who", subject_type="Leader", relation="visited", object="Kazakstan")
    assert any("did you mean" in w.value for w in app.warning)
    pick = next(b for b in app.button if b.key and b.key.startswith("q_pick_") and "Kazakhstan" in b.label)
    pick.click().run()
    assert app.text_input(key="q_object").value == "country:KZ"
    assert any("1 relation answers" in s.value for s in app.success)


def test_a_gazetteer_spelling_no_article_used_is_understood(app: AppTest) -> None:
    ask_in_page(app, "who", subject_type="Leader", relation="visited", object="قزاقستان")
    assert any("1 relation answers" in s.value for s in app.success), [w.value for w in app.warning]


def test_the_csv_download_holds_every_row(app: AppTest) -> None:
    ask_in_page(app, "with", relation="attended", via="Uzbekistan")
    data = app.get("download_button")
    assert data, "no CSV download"
    assert any("3 relations answer" in s.value for s in app.success)


def test_bad_dates_and_missing_entities_say_so(app: AppTest) -> None:
    ask_in_page(app, "who", relation="visited", object="Kazakhstan", date_from="2019/1")
    assert any("Dates: date_from must be an ISO date" in w.value for w in app.warning)
    ask_in_page(app, "connection", source="China", target="")
    assert any("To: give an entity" in w.value for w in app.warning)
    assert not app.exception


def test_what_links_two_entities_highlights_the_paths(app: AppTest) -> None:
    ask_in_page(app, "connection", source="الصين", target="Kyrgyzstan")
    assert any("path" in s.value for s in app.success)
    assert frozenset(("corridor:railway:CN-KG-UZ", "country:KG")) in thick_pairs(app)



def test_a_big_answer_highlights_a_bounded_part_and_says_so(monkeypatch, tmp_path) -> None:
    from silkgraph.graph.build import build_graph
    from silkgraph.records import Article, ArticleExtraction, Entity, Relation
    from silkgraph.views.questions import HIGHLIGHT_MAX_NODES

    china = Entity("country:CN", "Country", "الصين", "China")
    extractions = []
    for i in range(HIGHLIGHT_MAX_NODES + 30):
        leader, sentence = Entity(f"leader:t{i}", "Leader", f"قائد رقم {i}", f"Leader {i}"), f"زار القائد {i} الصين."
        extractions.append(ArticleExtraction(
            article=Article(doc_id=f"d{i}", text=sentence, title=f"مقال {i}", date="2020-01-01"),
            relations=[Relation(leader, china, "visited", f"d{i}", sentence, 0, len(sentence), "زار", 0.8, "2020-01-01")]))
    at = T.start(monkeypatch, tmp_path, T.write(build_graph(extractions), tmp_path), SILKGRAPH_MAX_NODES="500")
    ask_in_page(at, "who", subject_type="Leader", relation="visited", object="China")
    assert any(f"{HIGHLIGHT_MAX_NODES + 30} relations answer" in s.value for s in at.success)
    thick_nodes = {n["id"] for n in T.payload(at)["nodes"] if n["borderWidth"] == 3}
    assert 1 < len(thick_nodes) <= HIGHLIGHT_MAX_NODES
    assert any("The graph highlights" in c.value for c in at.caption)
    assert sum('class="sg-hop"' in m.value for m in at.markdown) == 40  # the panel pages; the CSV has all
    assert any("more rows in the CSV" in c.value for c in at.caption)


def test_an_answer_the_graph_no_longer_holds_is_not_drawn() -> None:
    import networkx as nx
    import streamlit as st

    from silkgraph.graph.questions import Answer
    from silkgraph.views.questions import STATE, drawn_paths

    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="k")
    st.session_state[STATE] = {"answer": Answer("who", "", "", paths=[["a", "b"]], edges=[("a", "b", "k")])}
    st.session_state["paths"] = None
    try:
        assert drawn_paths(G) == [[{"from": "a", "to": "b", "edges": [{"key": "k"}]}]]
        G.remove_edge("a", "b", key="k")  # the article that said it was removed
        assert drawn_paths(G) == []
    finally:
        del st.session_state[STATE]
