"""The sidebar's view controls: back and forward, hidden and pinned nodes, and named views.

A named view is the view's URL parameters with the drawn positions (``silkgraph.views.view_url``),
kept in the corpus store (``silkgraph.store.Store.save_view``) under a name, so it outlives
the session and the server: the explorer opened on the same store lists it, and opening it
puts the filters, selection, expansions, hides, pins, timeline, path query and positions
back. A graph with no store beside it has no named views (its URL still shares the view).
``silkgraph views list|show|delete`` reads the same table from the command line.
"""
from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from silkgraph.store import NamedView, Store, StoreError, view_name
from silkgraph.views.history import HISTORY_KEY, History, history_controls
from silkgraph.views.payload import isolate
from silkgraph.views.placement import current_positions, encode_positions
from silkgraph.views.view_edits import ViewEdits, set_edits, show, view_edits
from silkgraph.views.view_url import apply_view

T = TypeVar("T")
NO_STORE = ("Named views are kept in the corpus store: open a graph `silkgraph build` wrote "
            "(`--graph out/graph.graphml`) to save them. The address bar keeps this view: copy it to share it.")


def _with_store(path: Path, work: Callable[[Store], T]) -> T | None:
    """``work(store)``, or None with a short message on the page (the details go to the log)."""
    try:
        with Store(path) as store:
            return work(store)
    except (StoreError, sqlite3.Error) as exc:
        print(f"silkgraph explorer: named views: {exc}", file=sys.stderr)
        st.session_state._views_msg = ("error", f"The store could not be used ({type(exc).__name__}); "
                                                "the server's log says more.")
        return None


def saved_params(params: Mapping[str, Any], state: Mapping[str, Any]) -> dict[str, Any]:
    """What a named view keeps: the view's URL parameters and, always, the drawn positions.

    >>> state = {"graph": {"positions": {"pos": {"country:KZ": [1, 2]}}}}
    >>> saved = saved_params({"sel": "country:KZ"}, state)
    >>> saved["sel"], saved["pos"] == encode_positions({"country:KZ": (1, 2)})
    ('country:KZ', True)
    """
    saved = dict(params)
    if "pos" not in saved and current_positions(state):
        saved["pos"] = encode_positions(current_positions(state))
    return saved


def _save(path: Path, params: Mapping[str, Any]) -> None:
    raw = st.session_state.get("sv_name", "")
    try:
        name = view_name(raw)
    except ValueError as exc:
        st.session_state._views_msg = ("warning", f"Not saved: {exc}.")
        return
    replaced = _with_store(path, lambda s: s.save_view(name, dict(params)))
    if replaced is not None:
        st.session_state._views_msg = ("success", f"Saved the view as “{isolate(name)}”" + (" (it replaced the view "
                                                                                    "of that name)." if replaced else "."))
        st.session_state.sv_pick = name


def _open(path: Path) -> None:
    name = st.session_state.get("sv_pick")
    view = _with_store(path, lambda s: s.view(name)) if name else None
    if view is None:
        if name and "_views_msg" not in st.session_state:
            st.session_state._views_msg = ("warning", f"There is no view named “{isolate(name)}” any more.")
        return
    apply_view(view.params, st.session_state)
    st.session_state._views_msg = ("success", f"Opened the view “{isolate(view.name)}”.")


def _delete(path: Path) -> None:
    name = st.session_state.get("sv_pick")
    if name and _with_store(path, lambda s: s.delete_view(name)):
        st.session_state._views_msg = ("success", f"Deleted the view “{isolate(name)}”.")
        st.session_state.pop("sv_pick", None)


def edits_line(edits: ViewEdits) -> str:
    """What the view edits did, in a line.

    >>> edits_line(ViewEdits(grown=("a", "b"), pinned=("c",)))
    'Nodes: 2 added by expanding, 1 pinned'
    """
    said = [f"{len(nodes)} {what}" for nodes, what in ((edits.grown, "added by expanding"),
                                                         (edits.hidden, "hidden"), (edits.pinned, "pinned")) if nodes]
    return "Nodes: " + ", ".join(said)


def _message() -> tuple[str, str] | None:
    """The last save, open or delete message: shown until the view changes (not only for one run)."""
    found = st.session_state.get("_views_msg")
    if not found:
        return None
    h = st.session_state.get(HISTORY_KEY) or History()
    at = (h.cursor, len(h.entries))
    if len(found) == 2:  # just set: it belongs to this view
        found = st.session_state._views_msg = (*found, at)
    if found[2] != at:
        del st.session_state["_views_msg"]
        return None
    return found[0], found[1]


def _edits_summary() -> None:
    edits = view_edits()
    if not (edits.hidden or edits.pinned or edits.grown):
        return
    st.caption(edits_line(edits))
    c1, c2 = st.columns(2)
    c1.button("Show hidden", key="vx_show_all", disabled=not edits.hidden, width="stretch",
              on_click=lambda: set_edits(show(view_edits())))
    c2.button("Unpin all", key="vx_unpin_all", disabled=not edits.pinned, width="stretch",
              on_click=lambda: set_edits(ViewEdits(view_edits().grown, view_edits().hidden, ())))


def view_controls(slot: Any, params: Mapping[str, Any], store_path: Path | None) -> None:
    """Draw the controls into ``slot`` (a sidebar container made before the filters) at the end
    of a run, when ``params`` (``write_view``'s) is the view the run ended on."""
    with slot:
        st.subheader("View")
        history_controls()
        _edits_summary()
        message = _message()
        with st.expander("Saved views", expanded=message is not None):
            if message:
                getattr(st, message[0])(message[1])
            if store_path is None:
                st.caption(NO_STORE)
                return
            saved = saved_params(params, st.session_state)
            with st.form("sv_form", clear_on_submit=False, border=False):
                st.text_input("Name", key="sv_name", max_chars=80, placeholder="كازاخستان وجيرانها")
                st.form_submit_button("Save this view", on_click=_save, args=(store_path, saved),
                                      width="stretch")
            views = _with_store(store_path, lambda s: s.views()) or []
            if not views:
                st.caption("No saved views yet.")
                return
            names = [v.name for v in views]
            if st.session_state.get("sv_pick") not in names:
                st.session_state.sv_pick = names[0]
            by_name = {v.name: v for v in views}
            st.selectbox("Saved views", names, key="sv_pick", help="Views saved in this corpus store")
            st.caption(by_name[st.session_state.sv_pick].summary())
            c1, c2 = st.columns(2)
            c1.button("Open", key="sv_open", on_click=_open, args=(store_path,), width="stretch", type="primary")
            c2.button("Delete", key="sv_delete", on_click=_delete, args=(store_path,), width="stretch")

