"""The Overview section: how many entities, relations and articles, by type, and the most
connected entities (one can be selected in the graph).
"""
from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from silkgraph.graph.query import graph_summary
from silkgraph.views.names import plain_name
from silkgraph.views.payload import type_label
from silkgraph.views.state import select_node


def top_entities(G: nx.MultiDiGraph, summary: dict[str, Any], lang: str) -> pd.DataFrame:
    """The most connected entities of ``silkgraph.graph.query.graph_summary``, one table row each.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> top_entities(G, graph_summary(G, top=2), "en")[["id", "connections"]].values.tolist()
    [['leader:xi-jinping', 10], ['event:china-central-asia-summit:2025', 4]]
    """
    return pd.DataFrame([{"entity": plain_name(G, e["id"]), "type": type_label(e["type"], lang),
                          "connections": e["degree"], "mentions": e["mentions"], "id": e["id"]}
                         for e in summary["top_entities"]])


def overview(G: nx.MultiDiGraph, lang: str, articles: dict[str, dict[str, Any]]) -> None:
    summary = graph_summary(G, top=15)
    c1, c2, c3 = st.columns(3)
    c1.metric("Entities", f"{summary['nodes']:,}")
    c2.metric("Relations", f"{summary['edges']:,}")
    c3.metric("Articles", f"{summary['articles']:,}")
    left, right = st.columns(2)
    node_counts = pd.DataFrame([{"type": f"{type_label(t, 'en')} · {type_label(t, 'ar')}", "count": c}
                                for t, c in summary["node_types"].items() if c])
    edge_counts = pd.DataFrame([{"type": f"{type_label(t, 'en', True)} · {type_label(t, 'ar', True)}", "count": c}
                                for t, c in summary["edge_types"].items() if c])
    left.markdown("**Entities by type**")
    left.dataframe(node_counts, hide_index=True, width="stretch")
    right.markdown("**Relations by type**")
    right.dataframe(edge_counts, hide_index=True, width="stretch")
    st.markdown("**Most connected entities**")
    top = top_entities(G, summary, lang)
    event = st.dataframe(top, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                         key="top_table")
    picked = getattr(getattr(event, "selection", None), "rows", None) or []
    if picked and picked[0] < len(top) and st.button(f"Select {top.iloc[picked[0]]['entity']} in the graph",
                                                    key="top_select"):
        select_node(top.iloc[picked[0]]["id"])
        st.rerun()
