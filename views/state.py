"""What the page remembers between reruns: the selection and which side panel is open.

Plain functions over ``st.session_state``, shared by ``app.py`` and the panel modules.
"""
from __future__ import annotations

import streamlit as st


def show_panel(name: str) -> None:
    """Open a side panel on the next run (its widget may already be drawn in this one)."""
    st.session_state._panel_next = name


def select_node(node: str | None) -> None:
    """Select a node (None: nothing), leave any edge selection, and open the Selection panel."""
    st.session_state.sel = node
    st.session_state.sel_edge = None
    show_panel("Selection")
