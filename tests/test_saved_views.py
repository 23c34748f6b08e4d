"""Named views in the corpus store (issue 11, feature 3): the store's table and its migration,
``silkgraph views``, and saving and opening a view in the page (AppTest)."""
from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path

import pytest

from silkgraph import buildrun
from silkgraph.cli import main
from silkgraph.graph.export import write_graph
from silkgraph.store import Store, store_beside, view_name
from silkgraph.views.payload import isolate
from silkgraph.views.placement import decode_positions

_spec = importlib.util.spec_from_file_location("silkgraph_test_view_edits", Path(__file__).with_name("test_view_edits.py"))
E = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(E)
T = E.T


def store_graph(folder: Path, extractions) -> Path:
    """A graph file with its corpus store beside it, as `silkgraph build` leaves them, from ready extractions."""
    graph = folder / "graph.graphml"
    version = buildrun.extractor_version()
    with Store(store_beside(graph)) as store:
        store.sync_articles([ex.article for ex in extractions])
        store.put_extractions(version.id, extractions)
        store.set_meta(buildrun.VERSION_META, version.id)
        store.set_meta(buildrun.PARTS_META, json.dumps(version.parts, sort_keys=True))
        write_graph(buildrun.graph_from_store(store), graph)
    return graph


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


# --- the store --------------------------------------------------------------------------------


def test_views_are_saved_listed_loaded_replaced_and_deleted(tmp_path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        assert store.views() == [] and store.view("x") is None and store.delete_view("x") is False
        assert store.save_view("  كازاخستان   وجيرانها ", {"sel": "country:KZ", "hidden": ["a", "b"]}) is False
        assert store.save_view("Astana", {"f_ego": "1"}) is False
        assert [v.name for v in store.views()] == ["Astana", "كازاخستان وجيرانها"]
        view = store.view("كازاخستان وجيرانها")
        assert view.params == {"sel": "country:KZ", "hidden": ["a", "b"]} and view.saved[:4].isdigit()
        assert store.save_view("Astana", {"sel": "city:astana"}) is True
        assert store.view("Astana").params == {"sel": "city:astana"}
        assert store.delete_view("Astana") is True and [v.name for v in store.views()] == ["كازاخستان وجيرانها"]
    with Store(tmp_path / "s.sqlite") as store:  # kept in the file
        assert store.view("كازاخستان وجيرانها").params["hidden"] == ["a", "b"]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 81, "a\nb\x00"])
def test_a_view_name_that_cannot_be_one_is_refused(tmp_path, bad) -> None:
    with pytest.raises(ValueError):
        view_name(bad)
    with Store(tmp_path / "s.sqlite") as store:
        with pytest.raises(ValueError):
            store.save_view(bad, {})
        assert store.views() == []


def test_a_store_from_before_named_views_gains_the_table_on_the_first_save(tmp_path) -> None:
    old = tmp_path / "old.sqlite"
    with Store(old) as store:  # what a store written before named views holds: no views table
        store.sync_articles([E.hub_extractions(2)[0].article])
    assert "views" not in tables(old)
    with Store(old) as store:
        assert store.views() == []  # reading never writes
    assert "views" not in tables(old)
    with Store(old) as store:
        store.save_view("v", {"sel": "country:CN"})
        assert store.count() == 1 and store.meta("schema") == "1"
    assert "views" in tables(old)


# --- the command line -------------------------------------------------------------------------


def test_views_list_show_delete_on_the_command_line(tmp_path, capsys) -> None:
    store = tmp_path / "graph.sqlite"
    assert main(["views", "list", "--store", str(store)]) == 1
    assert "no store at" in capsys.readouterr().err
    with Store(store) as s:
        s.save_view("KZ", {"sel": "country:KZ", "f_ego": "1", "pos": "abc"})
    assert main(["views", "list", "--out", str(tmp_path / "graph.graphml")]) == 0
    assert capsys.readouterr().out.startswith("KZ · selection country:KZ · 1 setting · positions · saved ")
    assert main(["views", "show", "KZ", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "  f_ego: 1" in out and "?f_ego=1&pos=abc&sel=country%3AKZ" in out
    assert main(["views", "show", "KZ", "--store", str(store), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["params"]["sel"] == "country:KZ"
    assert main(["views", "delete", "nope", "--store", str(store)]) == 1
    err = capsys.readouterr().err
    assert "no view named 'nope'; the store has: KZ" in err and "Traceback" not in err
    assert main(["views", "delete", "KZ", "--store", str(store)]) == 0
    assert main(["views", "list", "--store", str(store)]) == 0
    assert "no named views yet" in capsys.readouterr().out


# --- the page ---------------------------------------------------------------------------------


def saved_views_expander(at):
    return next(x for x in at.sidebar.expander if x.label == "Saved views")


def test_a_view_saved_in_the_page_reopens_in_a_new_session_on_the_same_store(monkeypatch, tmp_path) -> None:
    graph = store_graph(tmp_path, E.hub_extractions())
    at = T.start(monkeypatch, tmp_path, graph, SILKGRAPH_MAX_NODES="12")
    assert not at.exception, at.exception
    T.click(at, "node", "country:CN")
    E.by_key(at, "vx_go").click().run()
    T.click(at, "node", "leader:test-03")
    E.by_key(at, "vx_hide").click().run()
    T.click(at, "node", "country:CN")
    drawn = E.drawn(at)
    assert "leader:test-03" not in drawn
    positions = {n: [i * 10, -i * 5] for i, n in enumerate(sorted(drawn))}
    at.session_state["graph"] = {**at.session_state["graph"], "positions": {"pos": positions, "moved": False, "placed": 0}}
    at.run()
    at.text_input(key="sv_name").input("الصين وزوارها")
    next(b for b in at.button if b.label == "Save this view").click().run()
    assert any(f"Saved the view as “{isolate('الصين وزوارها')}”" in s.value for s in at.success)
    with Store(store_beside(graph)) as store:
        saved = store.view("الصين وزوارها")
    assert saved.params["sel"] == "country:CN" and saved.params["hidden"] == ["leader:test-03"]
    assert decode_positions(saved.params["pos"]) == {n: tuple(p) for n, p in positions.items()}
    # a new session (the page opened again, or after a restart): the view is listed; open it
    fresh = T.AppTest.from_file(str(T.APP), default_timeout=60)
    fresh.run()
    assert E.drawn(fresh) != drawn
    assert fresh.selectbox(key="sv_pick").value == "الصين وزوارها"
    next(b for b in fresh.button if b.key == "sv_open").click().run()
    assert not fresh.exception, fresh.exception
    assert E.drawn(fresh) == drawn and T.payload(fresh)["selected"] == "country:CN"
    data = T.payload(fresh)
    assert data["layout"] == "fixed" and data["placed"] >= 1
    assert {n["id"]: [n["x"], n["y"]] for n in data["nodes"]} == positions
    next(b for b in fresh.button if b.key == "sv_delete").click().run()
    assert any("Deleted the view" in s.value for s in fresh.success)
    with Store(store_beside(graph)) as store:
        assert store.views() == []


def test_an_unusable_name_saves_nothing_and_says_why(monkeypatch, tmp_path) -> None:
    graph = store_graph(tmp_path, E.hub_extractions(5))
    at = T.start(monkeypatch, tmp_path, graph)
    at.text_input(key="sv_name").input("   ")
    next(b for b in at.button if b.label == "Save this view").click().run()
    assert any("Not saved: a view needs a name" in w.value for w in at.warning)
    with Store(store_beside(graph)) as store:
        assert store.views() == []


def test_without_a_store_the_page_says_where_named_views_live(hub_app) -> None:
    assert any("Named views are kept in the corpus store" in c.value for c in hub_app.sidebar.caption)
    assert not [b for b in hub_app.button if b.label == "Save this view"]


hub_app = E.hub_app
