"""Curation in the page, through Streamlit's AppTest (the page helpers of ``test_app``): each
correction from its button or form, what the page then draws and says, and a correction that
cannot be saved saying so."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from silkgraph.graph.build import build_graph
from silkgraph.graph.sample import sample_extractions
from silkgraph.store import Store
from silkgraph.views.payload import edge_id


def _sibling(name: str):
    spec = importlib.util.spec_from_file_location(f"silkgraph_{name}", Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_app = _sibling("test_app")
start, write, payload, page_text, click, button = (_app.start, _app.write, _app.payload, _app.page_text,
                                                   _app.click, _app.button)
XI, KZ, TOKAYEV = "leader:xi-jinping", "country:KZ", "leader:tokayev"
SIDECAR = "graph.curation.sqlite"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    at = start(monkeypatch, tmp_path, write(build_graph(sample_extractions()), tmp_path))
    assert not at.exception, at.exception
    return at


def drawn(at) -> tuple[set[str], dict[str, dict]]:
    data = payload(at)
    return {n["id"] for n in data["nodes"]}, {e["id"]: e for e in data["edges"]}


def logged(tmp_path: Path) -> list[tuple[str, dict]]:
    with Store(tmp_path / SIDECAR) as store:
        return [(e.action, e.args) for e in store.log()]


def test_reject_under_the_evidence_of_a_drawn_edge(app, tmp_path: Path) -> None:
    visited = edge_id(XI, KZ, "visited")
    assert visited in drawn(app)[1] and not (tmp_path / SIDECAR).exists()
    click(app, "edge", visited)
    button(app, "✗ Reject").click().run()
    assert not app.exception
    assert visited not in drawn(app)[1]
    assert logged(tmp_path) == [("reject", {"source": XI, "type": "visited", "target": KZ,
                                             "doc": "000_d8d0bccc6eeca408"})]
    text = page_text(app)
    assert "That edge is not in the graph any more" not in text  # back on the node, not on a dead edge
    assert f"reject {XI} —visited→ {KZ}" in text and "Corrections (1)" in [e.label for e in app.expander]
    assert f"{SIDECAR} beside it" in text and str(tmp_path) not in text


def test_confirm_and_note_an_edge_mark_it_in_the_drawing_and_the_panel(app, tmp_path: Path) -> None:
    leads = edge_id(TOKAYEV, KZ, "leads")
    click(app, "edge", leads)
    button(app, "✓ Confirm").click().run()
    edge = drawn(app)[1][leads]
    assert edge["dashes"] and edge["label"].endswith("✓") and "✓ confirmed" in edge["title"]
    assert button(app, "✓ Confirm").disabled  # confirmed already
    app.text_area(key=next(t.key for t in app.text_area if t.label == "Note on this relation")).input(
        "مصدر ثان يؤكد ذلك").run()
    button(app, "Save the note").click().run()
    assert "✎ مصدر ثان يؤكد ذلك" in drawn(app)[1][leads]["title"]
    assert '<bdi dir="auto">✓ confirmed · ✎ مصدر ثان يؤكد ذلك</bdi>' in page_text(app)
    click(app, "node", KZ)  # the row of the relation in the node's list says so too
    assert re.search(r"leads · <bdi>يقود</bdi></span> ← .*Tokayev.*· 1 article · 2024-07-06 · ✓ 1</span>", page_text(app))
    assert [a for a, _ in logged(tmp_path)] == ["confirm", "note"]


def test_rename_retype_and_note_an_entity_from_its_panel(app, tmp_path: Path) -> None:
    click(app, "node", KZ)
    app.text_input(key=next(t.key for t in app.text_input if t.label == "English label")).input(
        "Republic of Kazakhstan")
    next(b for b in app.button if b.label == "Rename").click().run()
    assert not app.exception
    kz = next(n for n in payload(app)["nodes"] if n["id"] == KZ)
    assert kz["curated"] and kz["shapeProperties"]["borderDashes"]
    app.selectbox(key=next(s.key for s in app.selectbox if s.label == "Type")).set_value("City").run()
    button(app, "Change the type").click().run()
    app.text_area(key=next(t.key for t in app.text_area if t.label == "Note on this entity")).input("راجع").run()
    button(app, "Save the note").click().run()
    assert [(a, {k: v for k, v in args.items() if k != "node"}) for a, args in logged(tmp_path)] == [
        ("rename", {"label_en": "Republic of Kazakhstan"}), ("retype", {"type": "City"}), ("note", {"text": "راجع"})]
    app.sidebar.radio(key="lang").set_value("en").run()
    kz = next(n for n in payload(app)["nodes"] if n["id"] == KZ)
    assert kz["label"] == "Republic of Kazakhstan ✎"
    assert "City" in kz["title"] and "note: راجع" in kz["title"]
    # the type list is the schema's
    from silkgraph.schema import schema

    assert app.selectbox(key=next(s.key for s in app.selectbox if s.label == "Type")).options == [
        f"{t.label_en} · {t.label_ar}" for t in schema().node_types.values()]


def test_delete_asks_first_and_then_takes_the_node_out(app, tmp_path: Path) -> None:
    click(app, "node", TOKAYEV)
    delete = button(app, "Delete")
    assert delete.disabled
    next(c for c in app.checkbox if c.label.startswith("Take this entity")).check().run()
    button(app, "Delete").click().run()
    assert TOKAYEV not in drawn(app)[0] and ("delete", {"node": TOKAYEV}) in logged(tmp_path)
    button(app, "Undo the last correction").click().run()
    assert TOKAYEV in drawn(app)[0] and "Undone: #1" in page_text(app)


def test_the_merge_picker_finds_spellings_and_suggests(app, tmp_path: Path) -> None:
    click(app, "node", "leader:putin")
    picker = next(t for t in app.text_input if t.label.startswith("Merge with"))
    picker.input("Tokayv").run()  # a typo: a suggestion
    assert "Nothing matches exactly. Did you mean:" in page_text(app)
    pick = next(r for r in app.radio if r.label == "Entity")
    assert pick.options == ["\u2068قاسم جومارت توكاييف\u2069 — \u2068Kassym-Jomart Tokayev\u2069 · leader:tokayev"]
    next(r for r in app.radio if r.label == "Which stays").set_value("other").run()
    button(app, "Merge").click().run()
    assert "leader:putin" not in drawn(app)[0]
    assert logged(tmp_path)[0][0] == "merge" and logged(tmp_path)[0][1]["keep"] == TOKAYEV
    assert "merged into it: leader:putin" in page_text(app)  # the panel followed to the survivor


def test_a_correction_that_cannot_be_saved_is_not_made(monkeypatch, tmp_path: Path) -> None:
    (tmp_path / SIDECAR).mkdir()
    at = start(monkeypatch, tmp_path, write(build_graph(sample_extractions()), tmp_path))
    visited = edge_id(XI, KZ, "visited")
    click(at, "edge", visited)
    button(at, "✗ Reject").click().run()
    assert not at.exception and visited in drawn(at)[1]
    assert any(f"Not saved: the corrections file {SIDECAR} cannot be written" in e.value for e in at.error)


def test_the_relations_table_confirms_and_rejects_the_selected_row(app, tmp_path: Path) -> None:
    _app.section(app, "All relations")
    table = app.dataframe[0].value
    row = int(table.index[(table["source"] == "شي جين بينغ") & (table["target"] == "كازاخستان")][0])
    app.session_state["edges_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()
    button(app, "✓ Confirm").click().run()
    table = app.dataframe[0].value
    assert list(table.loc[table["curated"] != "", "curated"]) == ["✓ confirmed"]
    app.session_state["edges_table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    app.run()
    button(app, "✗ Reject").click().run()
    assert not app.exception and edge_id(XI, KZ, "visited") not in drawn(app)[1]
    assert len(app.dataframe[0].value) == len(table) - 1
    assert [a for a, _ in logged(tmp_path)] == ["confirm", "reject"]
