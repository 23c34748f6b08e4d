"""What the page remembers between reruns: the selection, the expanded nodes, the paths asked,
which side panel is open, and the form values kept while their panel is closed.

Plain functions over ``st.session_state``, shared by ``silkgraph.views.explorer`` and the panel modules.
"""
from __future__ import annotations

import streamlit as st

# form values kept while their panel or section is closed (Streamlit drops state of unrendered widgets)
KEPT_WIDGETS = ("p_from", "p_to", "p_hops", "p_k", "p_types", "p_dates", "paste_text", "paste_title", "paste_date")


def show_panel(name: str) -> None:
    """Open a side panel on the next run (its widget may already be drawn in this one)."""
    st.session_state._panel_next = name


def select_node(node: str | None) -> None:
    """Select a node (None: nothing), leave any edge selection, and open the Selection panel.

    >>> select_node("country:KZ")
    >>> st.session_state.sel, st.session_state.sel_edge, st.session_state._panel_next
    ('country:KZ', None, 'Selection')
    """
    st.session_state.sel = node
    st.session_state.sel_edge = None
    show_panel("Selection")


def init_state() -> None:
    """Set what the page starts with, and keep the kept widgets' values through this run."""
    defaults = {"sel": None, "sel_edge": None, "expanded": [], "paths": None, "_search_seen": "",
                "panel_mode": "Selection", "p_hops": 4, "p_k": 3}
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = value
    for key in KEPT_WIDGETS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def apply_panel_request() -> None:
    """Open the panel ``show_panel`` asked for, before the panel switch is drawn."""
    if "_panel_next" in st.session_state:
        st.session_state.panel_mode = st.session_state.pop("_panel_next")


def absorb_click() -> None:
    """Apply the latest click reported by the graph component (once per click)."""
    value = (st.session_state.get("graph") or {}).get("selection")
    if not isinstance(value, dict) or value.get("stamp") == st.session_state.get("_click_stamp"):
        return
    st.session_state._click_stamp = value.get("stamp")
    kind, ident = value.get("kind"), str(value.get("id") or "")
    if kind == "node":
        select_node(ident)
    elif kind == "edge":
        st.session_state.sel_edge = ident
        show_panel("Selection")
    elif kind == "expand":
        select_node(ident)
        if ident not in st.session_state.expanded:
            st.session_state.expanded.append(ident)
