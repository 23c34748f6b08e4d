"""The view in the address bar: filters, selection, expansions, hides and pins, timeline, path
query and node positions.

Every run writes the view's state into ``st.query_params`` (only what differs from the
opening view, so a plain link stays plain); a session opened on such a URL starts from
it, so a link reopens the same view. Node positions (``pos``, compressed: see
``silkgraph.views.placement``) are added once the view is not the opening one, or the
reader has dragged nodes. The same parameters are the entries of the view's history
(``silkgraph.views.history``, without positions) and what a named view keeps in the store
(``silkgraph.views.saved_views``); ``apply_view`` puts any of them back.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import streamlit as st

from silkgraph.views.placement import PLACE_KEY, current_positions, decode_positions, encode_positions, reported, request_placement
from silkgraph.views.view_edits import EDIT_KEYS

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
LISTS = ("expanded", *EDIT_KEYS)  # session-state lists of node ids, each a repeated URL parameter


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
    for key in LISTS:
        if state.get(key):
            out[key] = [str(n) for n in state[key]]
    window = state.get(f"tl_range_{state.get('_tl_gen', 0)}") or state.get("_tl_want")  # silkgraph.views.timeline
    if window and state.get("_tl_axis") and tuple(window) != tuple(state["_tl_axis"]):
        out["tl"] = "..".join(window)
    if (state.get("paths") or {}).get("paths"):
        out["paths"] = "1"
    return out


def restore_view(params: Mapping[str, Any], state: Any, full: bool = False) -> bool:
    """Set the session state from URL parameters (once, before any widget); True when a path query was asked.

    Unreadable values are skipped: a bad link opens the default view for them. ``full``:
    what ``params`` does not name goes back to the opening view (a history entry, a saved view).

    >>> s = {}
    >>> restore_view({"f_ego": "1", "sel": "country:KZ", "f_radius": "x", "tl": "2024..2025"}, s)
    False
    >>> s["f_ego"], s["sel"], "f_radius" in s, s["_tl_want"]
    (True, 'country:KZ', False, ('2024', '2025'))
    >>> restore_view({"hidden": ["a"]}, s, full=True), s["f_ego"], s["sel"], s["hidden"], s["_tl_want"]
    (False, False, None, ['a'], None)
    """
    restored = set()
    for key, kind in WIDGETS.items():
        if key in params:
            try:
                state[key] = decode(kind, params[key])
            except ValueError:
                continue
            restored.add(key)
        elif full and key in OPENING:
            state[key] = OPENING[key]
        elif full and key in state:
            del state[key]  # its widget starts on its default (every type, every date)
    state["_from_url"] = restored  # the page checks these against its options once
    if params.get("sel") or full:
        state["sel"] = params.get("sel") or None
    if full:
        state["sel_edge"] = None
    for key in LISTS:
        if key in params or full:
            state[key] = decode("list", params[key]) if key in params else []
    if params.get("tl") and ".." in params["tl"]:
        state["_tl_want"] = tuple(params["tl"].split("..", 1))
        state["_tl_gen"] = state.get("_tl_gen", 0) + 1
    elif full:
        state["_tl_want"] = None  # the whole time axis
        state["_tl_gen"] = state.get("_tl_gen", 0) + 1
    if params.get("pos"):
        try:
            request_placement(state, decode_positions(params["pos"]))
        except ValueError:
            pass
    elif full:
        state.pop(PLACE_KEY, None)
    if full and params.get("paths") != "1":
        state["paths"] = None
    return params.get("paths") == "1"


def apply_view(params: Mapping[str, Any] | None, state: Any) -> None:
    """Put a whole view back (a history entry, a saved view), its path query asked again on the next run.

    >>> s = {"f_ego": True, "sel": "country:KZ"}
    >>> apply_view({"p_from": "a", "p_to": "b", "paths": "1"}, s)
    >>> s["f_ego"], s["sel"], s["p_from"], s["_ask_paths"]
    (False, None, 'a', True)
    """
    if params is not None:
        state["_ask_paths"] = restore_view(params, state, full=True)


def positions_param(state: Any, others: Mapping[str, Any]) -> str | None:
    """The ``pos`` parameter: the drawn positions, once the view is not the opening one (``others``
    is not empty) or the reader dragged nodes; None otherwise, or before the canvas reported.

    >>> positions_param({"graph": {"positions": {"pos": {"a": [1, 2]}, "moved": False}}}, {}) is None
    True
    >>> positions_param({"graph": {"positions": {"pos": {"a": [1, 2]}, "moved": True}}}, {}) is not None
    True
    """
    if reported(state).get("moved"):
        state["_moved"] = True
    pos = current_positions(state) or (state.get(PLACE_KEY) or {}).get("pos")
    if pos and (others or state.get("_moved")):
        return encode_positions(pos)
    return None


def _query_dict() -> dict[str, str | list[str]]:
    qp = st.query_params
    return {k: (qp.get_all(k) if k in ("f_node_types", "f_edge_types", "f_docs", *LISTS) else qp.get(k))
            for k in qp.keys()}


def restore_once() -> bool:
    """On a session's first run, start from the URL's view; True when it asks for its path query."""
    if st.session_state.get("_url_restored"):
        return bool(st.session_state.pop("_ask_paths", False))  # a history entry or saved view with paths
    st.session_state._url_restored = True
    return restore_view(_query_dict(), st.session_state)


def write_view(f: Mapping[str, Any]) -> dict[str, Any]:
    """Put the current view in the address bar (only when it changed) and in the view's history;
    returns its parameters, positions included."""
    from silkgraph.views.history import record

    params = view_params(st.session_state, f)
    record(params)
    st.session_state._view_was_plain = not params  # silkgraph.views.placement.at_opening_view
    pos = positions_param(st.session_state, params)
    if pos:
        params["pos"] = pos
    if params != _query_dict():
        st.query_params.from_dict(params)
    return params
