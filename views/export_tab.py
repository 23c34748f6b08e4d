"""The Export section: the current view or the whole graph in every format of
``silkgraph.views.downloads``, each file made when its button is pressed and cached per graph version.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> _export_bytes(build_graph(sample_extractions()), ("all", 0), ".graphml")[:5]
    b'<?xml'
"""
from __future__ import annotations

import networkx as nx
import streamlit as st

from silkgraph.views.downloads import FORMATS, export_bytes


@st.cache_data(max_entries=16, show_spinner=False)
def _export_bytes(_G: nx.MultiDiGraph, token: tuple, suffix: str) -> bytes:
    return export_bytes(_G, suffix)


def export_tab(G: nx.MultiDiGraph, D: nx.MultiDiGraph | None, version: int) -> None:
    scope = st.radio("What to export", ["view", "all"], horizontal=True, key="x_scope",
                     format_func=lambda s: "The current view" if s == "view" else "The whole graph")
    H = D if scope == "view" and D is not None else G
    if H.number_of_nodes() == 0:
        st.info("Nothing to export: the graph is empty.")
        return
    st.caption(f"{H.number_of_nodes():,} entities, {H.number_of_edges():,} relations."
               + (" For the picture as drawn (positions, colours, sizes) use the SVG, GraphML and GEXF buttons "
                  "on the canvas." if scope == "view" else ""))
    token = (scope, version, H.number_of_nodes(), H.number_of_edges(), hash(tuple(sorted(map(str, H.nodes)))))
    cols = st.columns(len(FORMATS))
    for col, (suffix, label, mime) in zip(cols, FORMATS):
        col.download_button(label, data=lambda s=suffix: _export_bytes(H, token, s),
                            file_name=f"silkgraph-{scope}{suffix}", mime=mime, key=f"dl{suffix}",
                            width="stretch", on_click="ignore")
