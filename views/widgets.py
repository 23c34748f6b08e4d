"""Small widgets and widget state shared by the page and its panels: a row of entity buttons,
a date range that follows the corpus, and a widget's default that a view URL may have set.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx
import streamlit as st

from silkgraph.views.names import label_name
from silkgraph.views.state import select_node


def reset_when_bounds_change(key: str, bounds: tuple[dt.date, dt.date]) -> None:
    """A date range widget starts on the whole corpus, and covers it again when added articles widen it."""
    seen = f"_{key}_bounds"
    value = st.session_state.get(key)
    outside = not (isinstance(value, (tuple, list)) and len(value) == 2
                   and bounds[0] <= value[0] <= value[1] <= bounds[1])  # e.g. a view URL of another corpus
    if key not in st.session_state or st.session_state.get(seen) not in (None, bounds) or outside:
        st.session_state[key] = bounds
    st.session_state[seen] = bounds


def widget_default(key: str, value: Any, options: list[str] | None = None) -> Any:
    """A widget's default, unless its state is already set (from a view URL): never both.

    With ``options``, a set state keeps only the known ones (a link from another corpus).

    >>> widget_default("no_widget_has_this_key", 3)
    3
    """
    if key not in st.session_state:
        return value
    from_url = st.session_state.get("_from_url") or set()
    if options is not None and key in from_url:
        from_url.discard(key)
        known = [v for v in st.session_state[key] if v in options]
        st.session_state[key] = known or value
    return None


def entity_buttons(G: nx.MultiDiGraph, nodes: list[str], key: str, on_pick=select_node) -> None:
    """One button per node, full names isolated and never cut (the row wraps)."""
    if not nodes:
        return
    with st.container(horizontal=True, key=f"{key}_buttons"):
        for i, node in enumerate(nodes):
            st.button(label_name(G, node), key=f"{key}_{i}", width="content", on_click=on_pick, args=(node,),
                      type="primary" if node == st.session_state.sel else "secondary")
