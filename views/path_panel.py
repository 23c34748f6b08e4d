"""The Path panel: the k shortest ways two entities are connected, asked by any spelling of
their names, with the allowed edge types and dates; each hop with its evidence.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx
import streamlit as st

from silkgraph.graph.query import k_shortest_paths
from silkgraph.views.filters import present_types
from silkgraph.views.names import esc, names, plain_name
from silkgraph.views.panel import evidence_for_edges
from silkgraph.views.payload import type_label
from silkgraph.views.search import NameProblem, resolve_name
from silkgraph.views.widgets import entity_buttons, reset_when_bounds_change


def paths_submitted(G: nx.MultiDiGraph, present_edges: list[str], dates: list[str]) -> None:
    """Form callback: runs before the page is drawn, so the graph shows the new paths at once."""
    ss = st.session_state
    ss.paths = run_path_query(G, ss.get("p_from", ""), ss.get("p_to", ""), ss.get("p_hops", 4), ss.get("p_k", 3),
                              ss.get("p_types", present_edges), present_edges, ss.get("p_dates"), dates)


def _path_end_picked(G: nx.MultiDiGraph, end: str, node: str, present_edges: list[str], dates: list[str]) -> None:
    """A suggested end was picked: put it in the form and ask again."""
    st.session_state[end] = node
    paths_submitted(G, present_edges, dates)


def path_panel(G: nx.MultiDiGraph, articles: dict[str, dict[str, Any]]) -> None:
    present_edges = present_types(G)[1]
    dates = sorted({a.get("date") for a in articles.values() if a.get("date")})
    with st.form("path_form"):
        st.text_input("From", key="p_from", placeholder="e.g. بوتين or Putin")
        st.text_input("To", key="p_to", placeholder="e.g. تركيا or Turkey")
        c1, c2 = st.columns(2)
        c1.slider("Max hops", 1, 6, key="p_hops")
        c2.slider("Paths (k)", 1, 5, key="p_k")
        if "p_types" not in st.session_state or not set(st.session_state.p_types) <= set(present_edges):
            st.session_state.p_types = present_edges
        with st.expander("Edge types and dates"):
            st.multiselect("Allowed edge types", present_edges, key="p_types",
                           format_func=lambda t: f"{type_label(t, 'en', True)} · {type_label(t, 'ar', True)}")
            if dates:
                lo, hi = dt.date.fromisoformat(dates[0]), dt.date.fromisoformat(dates[-1])
                reset_when_bounds_change("p_dates", (lo, hi))
                st.date_input("Article dates", min_value=lo, max_value=hi, key="p_dates")
        st.form_submit_button("Find paths", type="primary", width="stretch", on_click=paths_submitted,
                              args=(G, present_edges, dates))
    result = st.session_state.paths
    if not result:
        return
    if result.get("error"):
        st.warning(result["error"])
        entity_buttons(G, result.get("options") or [], "path_pick",
                       on_pick=lambda node, end=result.get("end"): _path_end_picked(G, end, node, present_edges, dates))
        return
    if not result["paths"]:
        st.info(result["message"])
        return
    st.success(result["message"])
    if st.button("Clear the path highlight", key="clear_paths"):
        st.session_state.paths = None
        st.rerun()
    for i, path in enumerate(result["paths"], 1):
        st.markdown(f"**Path {i}** · {len(path)} hop{'s' if len(path) != 1 else ''}")
        for hop in path:
            a, b = hop["from"], hop["to"]
            arrow = "→" if hop["direction"] == "forward" or not hop["directed"] else "←"
            st.markdown(f'<div class="sg-hop">{names(G, a)} <b>{arrow} {esc(type_label(hop["type"], "en", True))} '
                        f'· {esc(type_label(hop["type"], "ar", True))} {arrow}</b> {names(G, b)}</div>',
                        unsafe_allow_html=True)
            u, v = (a, b) if hop["direction"] == "forward" else (b, a)
            evidence_for_edges(G, articles, [{**hop, "u": u, "v": v}], (a, b))


def run_path_query(G: nx.MultiDiGraph, src: str, dst: str, hops: int, k: int, types: list[str],
                   present_edges: list[str], date_range: Any, dates: list[str]) -> dict[str, Any]:
    """The paths asked for, or what stops the question, with the message the panel shows.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> edges = present_types(G)[1]
    >>> run_path_query(G, "Kazakhstan", "", 4, 3, edges, edges, None, [])["error"]
    'Give both ends of the path (a name in any spelling, or an id).'
    >>> run_path_query(G, "Kazakhstan", "Kazakhstan", 4, 3, edges, edges, None, [])["error"]
    'The two ends are the same entity.'
    """
    if not src.strip() or not dst.strip():
        return {"error": "Give both ends of the path (a name in any spelling, or an id)."}
    ends = []
    for label, key, name in (("From", "p_from", src), ("To", "p_to", dst)):
        try:
            ends.append(resolve_name(G, name, describe=lambda c: plain_name(G, c)))
        except NameProblem as exc:
            return {"error": f"{label}: {exc.message}", "options": exc.options, "end": key}
    if not types:
        return {"error": "Allow at least one edge type."}
    date_from = date_to = None
    if dates and isinstance(date_range, (tuple, list)) and len(date_range) == 2:
        if date_range[0].isoformat() > dates[0] or date_range[1].isoformat() < dates[-1]:
            date_from, date_to = date_range[0].isoformat(), date_range[1].isoformat()
    source, target = ends
    if source == target:
        return {"error": "The two ends are the same entity."}
    try:
        paths = k_shortest_paths(G, source, target, k=k, max_hops=hops,
                                 edge_types=None if set(types) == set(present_edges) else types,
                                 date_from=date_from, date_to=date_to)
    except (KeyError, ValueError, LookupError) as exc:
        return {"error": f"The path query could not run: {exc}"}
    a, b = plain_name(G, source), plain_name(G, target)
    if not paths:
        return {"source": source, "target": target, "paths": [],
                "message": f"No path from {a} to {b} within {hops} hop{'s' if hops != 1 else ''} "
                           f"with these edge types and dates."}
    return {"source": source, "target": target, "paths": paths,
            "message": f"{len(paths)} path{'s' if len(paths) != 1 else ''} from {a} to {b}."}
