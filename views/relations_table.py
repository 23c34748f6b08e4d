"""The All relations section: every relation as a table row, filtered by text and relation,
sorted by any column; a row opens its evidence and can be shown in the graph.
"""
from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from silkgraph.views.curate_marks import edge_mark
from silkgraph.views.names import esc, names
from silkgraph.views.panel import evidence_for_edges
from silkgraph.views.payload import edge_id, node_name, type_label
from silkgraph.views.state import select_node


def relation_rows(G: nx.MultiDiGraph, lang: str, articles: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One table row per relation, its edge (``_u``, ``_v``, ``_k``) kept for the selected row.

    >>> from silkgraph.graph.build import build_graph, graph_articles
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> rows = relation_rows(G, "en", graph_articles(G))
    >>> len(rows) == G.number_of_edges(), {k: rows[0][k] for k in ("source", "relation", "target", "date")}
    (True, {'source': 'Xi Jinping', 'relation': 'visited', 'target': 'Kazakhstan', 'date': '2024-07-06'})
    """
    rows = []
    for u, v, k, d in G.edges(keys=True, data=True):
        rows.append({"source": node_name(G.nodes[u], lang, u), "relation": type_label(d.get("type", ""), lang, True),
                     "target": node_name(G.nodes[v], lang, v), "date": d.get("date", ""),
                     "article": (articles.get(d.get("doc", ""), {}).get("title") or d.get("doc", ""))[:60],
                     "confidence": d.get("confidence"), "evidence": d.get("evidence", ""), "curated": edge_mark(d),
                     "_u": u, "_v": v, "_k": k})
    return rows


def edges_table(G: nx.MultiDiGraph, lang: str, articles: dict[str, dict[str, Any]]) -> None:
    rows = relation_rows(G, lang, articles)
    if not rows:
        st.info("No relations yet.")
        return
    df = pd.DataFrame(rows)
    c1, c2 = st.columns([2, 1])
    needle = c1.text_input("Filter rows (any text: a name, a word of the evidence, a date)", key="t_filter")
    relations = c2.multiselect("Relations", sorted(df["relation"].unique()), key="t_relations")
    if needle.strip():
        mask = df[["source", "relation", "target", "date", "article", "evidence"]].apply(
            lambda col: col.astype(str).str.contains(needle.strip(), case=False, regex=False)).any(axis=1)
        df = df[mask]
    if relations:
        df = df[df["relation"].isin(relations)]
    st.caption(f"{len(df):,} of {len(rows):,} relations · click a column header to sort, a row to read its evidence")
    event = st.dataframe(df.drop(columns=["_u", "_v", "_k"]), hide_index=True, width="stretch",
                         on_select="rerun", selection_mode="single-row", key="edges_table",
                         column_config={"source": st.column_config.TextColumn(width="medium"),
                                        "relation": st.column_config.TextColumn(width="small"),
                                        "target": st.column_config.TextColumn(width="medium"),
                                        "date": st.column_config.TextColumn(width=95),
                                        "article": st.column_config.TextColumn(width="medium"),
                                        "confidence": st.column_config.NumberColumn(format="%.2f", width="small"),
                                        "evidence": st.column_config.TextColumn(width="large")})
    picked = getattr(getattr(event, "selection", None), "rows", None) or []
    if picked and picked[0] < len(df):
        row = df.iloc[picked[0]]
        u, v, k = row["_u"], row["_v"], row["_k"]
        d = G.edges[u, v, k]
        st.markdown(f"{names(G, u)} → **{esc(type_label(d.get('type', ''), 'en', True))}** → {names(G, v)}",
                    unsafe_allow_html=True)
        evidence_for_edges(G, articles, [{"u": u, "v": v, "key": k, "doc": d.get("doc", ""),
                                          "date": d.get("date", "")}], (u, v))
        if st.button("Show this edge in the graph", key="table_show_edge"):
            select_node(u)
            st.session_state.sel_edge = edge_id(u, v, str(d.get("type", "")))
            st.rerun()
