"""The view in the address bar: filters, selection, expansions, timeline and path query.

Every run writes the view's state into ``st.query_params`` (only what differs from the
opening view, so a plain link stays plain); a session opened on such a URL starts from
it, so a link reopens the same view. Node positions are not in the URL (a 300-node view
would not fit in one); the layout is deterministic for a given view.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import streamlit as st

# session-state key -> kind; the URL parameter is the key itself
WIDGETS = {
    "lang": "str", "f_node_types": "list", "f_edge_types": "list", "f_docs": "list", "f_min_mentions": "int",
    "f_ego": "bool", "f_radius": "int", "f_undated": "bool", "f_isolated": "bool", "f_size_by": "str",
    "f_one_line": "bool", "f_wide": "bool", "f_fold": "bool", "f_dates": "dates", "tl_grain": "str",
    "p_from": "str", "p_to": "str",
}
OPENING = {"lang": "ar", "f_min_mentions": 1, "f_ego": False, "f_radius": 1, "f_undated": True, "f_isolated": False,
           "f_size_by": "mentions", "f_one_line": True, "f_wide": False, "f_fold": False, "tl_grain": "month",
           "p_from": "", "p_to": ""}


def encode(kind: str, value: Any) -> str | list[str]:
    """A state value as URL text.

    >>> encode("bool", True), encode("dates", (dt.date(2024, 7, 6), dt.date(2025, 6, 17))), encode("list", ["a"])
    ('1', '2024-07-06..2025-06-17', ['a'])
    """
    if kind == "bool":
        return "1" if value else "0"
    if kind == "dates":
        return "..".join(d.isoformat() for d in value)
    if kind == "list":
        return [str(v) for v in value]
    return str(value)


def decode(kind: str, text: str | list[str]) -> Any:
    """URL text as a state value; ``ValueError`` when it is not one.

    >>> decode("dates", "2024-07-06..2025-06-17"), decode("int", "2"), decode("bool", "0")
    ((datetime.date(2024, 7, 6), datetime.date(2025, 6, 17)), 2, False)
    """
    if kind == "list":
        return list(text) if isinstance(text, list) else [text]
    text = text[-1] if isinstance(text, list) else text
    if kind == "bool":
        if text not in ("0", "1"):
            raise ValueError(text)
        return text == "1"
    if kind == "int":
        return int(text)
    if kind == "dates":
        lo, hi = text.split("..")
        return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
    return text


def view_params(state: Mapping[str, Any], f: Mapping[str, Any]) -> dict[str, str | list[str]]:
    """The URL parameters of the current view: what differs from the opening view.

    ``f`` is the page's filter dict (all types selected: None, the full date range: no dates).

    >>> view_params({"sel": "country:KZ", "expanded": [], "f_ego": True, "lang": "ar"},
    ...             {"node_types": None, "edge_types": None, "date_from": None, "docs": None})
    {'f_ego': '1', 'sel': 'country:KZ'}
    """
    out: dict[str, str | list[str]] = {}
    for key, kind in WIDGETS.items():
        if key not in state:
            continue
        value = state[key]
        if key in OPENING and value == OPENING[key]:
            continue
        if (key == "f_node_types" and f.get("node_types") is None or key == "f_edge_types" and f.get("edge_types") is None
                or key == "f_docs" and not f.get("docs") or key == "f_dates" and not f.get("date_from")
                and not f.get("date_to")):
            continue
        out[key] = encode(kind, value)
    if state.get("sel"):
        out["sel"] = str(state["sel"])
    if state.get("expanded"):
        out["expanded"] = [str(n) for n in state["expanded"]]
    window = state.get(f"tl_range_{state.get('_tl_gen', 0)}") or state.get("_tl_want")  # silkgraph.views.timeline
    if window and state.get("_tl_axis") and tuple(window) != tuple(state["_tl_axis"]):
        out["tl"] = "..".join(window)
    if (state.get("paths") or {}).get("paths"):
        out["paths"] = "1"
    return out


def restore_view(params: Mapping[str, Any], state: Any) -> bool:
    """Set the session state from URL parameters (once, before any widget); True when a path query was asked.

    Unreadable values are skipped: a bad link opens the default view for them.

    >>> s = {}
    >>> restore_view({"f_ego": "1", "sel": "country:KZ", "f_radius": "x", "tl": "2024..2025"}, s)
    False
    >>> s["f_ego"], s["sel"], "f_radius" in s, s["_tl_want"]
    (True, 'country:KZ', False, ('2024', '2025'))
    """
    restored = set()
    for key, kind in WIDGETS.items():
        if key in params:
            try:
                state[key] = decode(kind, params[key])
            except ValueError:
                continue
            restored.add(key)
    state["_from_url"] = restored  # the page checks these against its options once
    if params.get("sel"):
        state["sel"] = params["sel"]
    if "expanded" in params:
        state["expanded"] = decode("list", params["expanded"])
    if params.get("tl") and ".." in params["tl"]:
        state["_tl_want"] = tuple(params["tl"].split("..", 1))
        state["_tl_gen"] = state.get("_tl_gen", 0) + 1
    return params.get("paths") == "1"


def _query_dict() -> dict[str, str | list[str]]:
    qp = st.query_params
    return {k: (qp.get_all(k) if k in ("f_node_types", "f_edge_types", "f_docs", "expanded") else qp.get(k))
            for k in qp.keys()}


def restore_once() -> bool:
    """On a session's first run, start from the URL's view; True when it asks for its path query."""
    if st.session_state.get("_url_restored"):
        return False
    st.session_state._url_restored = True
    return restore_view(_query_dict(), st.session_state)


def write_view(f: Mapping[str, Any]) -> None:
    """Put the current view in the address bar (only when it changed)."""
    params = view_params(st.session_state, f)
    if params != _query_dict():
        st.query_params.from_dict(params)
