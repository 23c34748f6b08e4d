"""silkgraph explorer: click, search, ask paths, filter, add articles and export.

    streamlit run app.py                                   # builds the graph from seeds/
    streamlit run app.py -- --graph out/graph.graphml      # or opens a built graph
    silkgraph serve [--graph FILE] [--port N]              # the same from an installed package
    options: --uploads DIR (added articles; default uploads/), --seeds DIR, --max-nodes N (default 300),
    --layout auto|physics|python (or SILKGRAPH_GRAPH, _UPLOADS, _SEEDS, _MAX_NODES, _LAYOUT)

The questions go to ``graph.query``; this file only lays out the page. Every string from
an article is shown as plain text or escaped HTML (``views.evidence``). ``app.py`` at the top
of a checkout and ``silkgraph serve`` (which runs this file as the Streamlit script) both call
``main`` with the script they run: the Streamlit config and the ``static/`` folder are beside it.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from graph.build import graph_articles
from graph.query import ego_graph, graph_summary, k_shortest_paths
from silkgraph.schema import schema
from views.component import encode_payload, graph_component, vis_source
from views.downloads import FORMATS, export_bytes
from views.config import AppConfig, ConfigError, load_config
from views.evidence import PAGE_CSS
from views.filters import FilterReport, apply_filters
from views.live import LiveGraph, UploadError, pasted_article
from views.names import counted_html, esc, label_name, names, plain_name
from views.pairs import merge_pairs
from views.panel import evidence_for_edges, selection_panel
from views.payload import (Highlight, cap_nodes, edge_id, highlight_for_paths, legend_entries, node_name,
                           python_layout, type_label, vis_payload)
from views.search import NameProblem, resolve_name, search_entities
from views.state import select_node, show_panel
from views.timeline import narrowest_dates, timeline, undated_count
from views.uploads import REMOVED_DIR, added_articles, remove_upload
from views.view_url import restore_once, write_view

PHYSICS_MAX_NODES = 150  # above this the layout is computed in Python and drawn with physics off
GRAPH_HEIGHT = 640
SECTIONS = ["Overview", "All relations", "Add articles", "Export"]
PANELS = ["Selection", "Path"]
# form values kept while their panel or section is closed (Streamlit drops state of unrendered widgets)
KEPT_WIDGETS = ("p_from", "p_to", "p_hops", "p_k", "p_types", "p_dates", "paste_text", "paste_title", "paste_date")
SHAPE_SYMBOLS = {"dot": "●", "diamond": "◆", "triangle": "▲", "triangleDown": "▼", "square": "■",
                 "star": "★", "hexagon": "⬢", "box": "▬", "ellipse": "⬮", "database": "⛁"}


# --- the corpus ---------------------------------------------------------------------------


_script = {"path": Path(__file__).resolve()}  # the Streamlit script running: app.py, or this file


def _config() -> AppConfig:
    running = sys.argv and Path(sys.argv[0]).resolve() == _script["path"]
    return load_config(sys.argv[1:] if running else [])


@st.cache_resource(show_spinner="Building the graph from the corpus…")
def live_graph(graph_path: str | None, seeds_dir: str, uploads_dir: str) -> LiveGraph:
    return LiveGraph(Path(graph_path) if graph_path else None, Path(seeds_dir), Path(uploads_dir))


@st.cache_data(max_entries=8, show_spinner=False)
def _layout(nodes: tuple[str, ...], pairs: tuple[tuple[str, str], ...]) -> dict[str, tuple[float, float]]:
    H = nx.MultiDiGraph()
    H.add_nodes_from(nodes)
    H.add_edges_from(pairs)
    return python_layout(H, nodes)


# --- small helpers --------------------------------------------------------------------------


def _absorb_click() -> None:
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


def _init_state() -> None:
    defaults = {"sel": None, "sel_edge": None, "expanded": [], "paths": None, "_search_seen": "",
                "panel_mode": "Selection", "p_hops": 4, "p_k": 3}
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = value
    for key in KEPT_WIDGETS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _apply_panel_request() -> None:
    if "_panel_next" in st.session_state:
        st.session_state.panel_mode = st.session_state.pop("_panel_next")


# --- the page -------------------------------------------------------------------------------


def present_types(G: nx.MultiDiGraph) -> tuple[list[str], list[str]]:
    """The node and edge types the graph holds, in schema order."""
    sch = schema()
    nodes = {d.get("type") for _, d in G.nodes(data=True)}
    edges = {kind for *_, kind in G.edges(data="type")}
    return [t for t in sch.node_types if t in nodes], [t for t in sch.edge_types if t in edges]


def _reset_when_bounds_change(key: str, bounds: tuple[dt.date, dt.date]) -> None:
    """A date range widget starts on the whole corpus, and covers it again when added articles widen it."""
    seen = f"_{key}_bounds"
    value = st.session_state.get(key)
    outside = not (isinstance(value, (tuple, list)) and len(value) == 2
                   and bounds[0] <= value[0] <= value[1] <= bounds[1])  # e.g. a view URL of another corpus
    if key not in st.session_state or st.session_state.get(seen) not in (None, bounds) or outside:
        st.session_state[key] = bounds
    st.session_state[seen] = bounds


def _default(key: str, value: Any, options: list[str] | None = None) -> Any:
    """A widget's default, unless its state is already set (from a view URL): never both.

    With ``options``, a set state keeps only the known ones (a link from another corpus).
    """
    if key not in st.session_state:
        return value
    from_url = st.session_state.get("_from_url") or set()
    if options is not None and key in from_url:
        from_url.discard(key)
        known = [v for v in st.session_state[key] if v in options]
        st.session_state[key] = known or value
    return None


def sidebar_filters(G: nx.MultiDiGraph, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    sb = st.sidebar
    lang = sb.radio("Labels", ["ar", "en"], format_func=lambda x: "العربية" if x == "ar" else "English",
                    horizontal=True, key="lang")
    sb.subheader("Filters")
    types_box = sb.expander("Node and edge types", expanded=False)
    present_nodes, present_edges = present_types(G)
    node_types = types_box.multiselect("Node types", present_nodes, default=_default("f_node_types", present_nodes, present_nodes),
                                       key="f_node_types",
                                format_func=lambda t: f"{type_label(t, 'en')} · {type_label(t, 'ar')}")
    edge_types = types_box.multiselect("Edge types", present_edges, default=_default("f_edge_types", present_edges, present_edges),
                                       key="f_edge_types",
                                format_func=lambda t: f"{type_label(t, 'en', True)} · {type_label(t, 'ar', True)}")
    dates = sorted({a.get("date") for a in articles.values() if a.get("date")})
    date_from = date_to = None
    if dates:
        lo, hi = dt.date.fromisoformat(dates[0]), dt.date.fromisoformat(dates[-1])
        _reset_when_bounds_change("f_dates", (lo, hi))
        picked = sb.date_input("Article dates", min_value=lo, max_value=hi, key="f_dates")
        if isinstance(picked, (tuple, list)) and len(picked) == 2 and (picked[0] > lo or picked[1] < hi):
            date_from, date_to = picked[0].isoformat(), picked[1].isoformat()
    undated = undated_count(G)
    include_undated = sb.checkbox(f"Include undated relations ({undated:,})", value=_default("f_undated", True), key="f_undated",
                                  help="Relations whose article has no date are on no timeline; keep them in the view?")
    _default("f_docs", [], sorted(articles))
    docs = sb.multiselect("Source articles", sorted(articles), key="f_docs",
                          format_func=lambda d: (articles[d].get("title") or d)[:60],
                          placeholder="All articles")
    max_mentions = max((int(d.get("mentions", 0) or 0) for _, d in G.nodes(data=True)), default=1)
    min_mentions = sb.slider("Minimum mentions", 1, max(2, min(max_mentions, 50)),
                             _default("f_min_mentions", 1), key="f_min_mentions")
    show_isolated = sb.toggle("Show isolated entities", key="f_isolated",
                              help="Entities with no relation in the view are hidden unless this is on")
    sb.subheader("Display")
    size_by = sb.radio("Node size by", ["mentions", "degree"], horizontal=True, key="f_size_by",
                       format_func=lambda x: "mentions" if x == "mentions" else "connections")
    one_line = sb.toggle("One line per pair of nodes", value=_default("f_one_line", True), key="f_one_line",
                         help="Draw every relation between two nodes as one line with a count; off: a line per relation type")
    wide = sb.toggle("Full-width canvas", key="f_wide", help="The graph across the page, the panel below it")
    foldable = [t for t in schema().collapsible_edge_types if t in present_edges]
    fold = sb.toggle("Fold office relations", key="f_fold", disabled=not foldable,
                     help="Leave " + ", ".join(type_label(t, "en", True) for t in foldable)
                          + " out of the drawing (the panel still lists them)") if foldable else False
    sb.subheader("Ego view")
    ego = sb.toggle("Only around the selection", key="f_ego")
    radius = sb.slider("Radius (hops)", 1, 3, _default("f_radius", 1), key="f_radius", disabled=not ego)
    return {
        "lang": lang,
        "node_types": None if set(node_types) == set(present_nodes) else node_types,
        "edge_types": None if set(edge_types) == set(present_edges) else edge_types,
        "date_from": date_from, "date_to": date_to, "include_undated": include_undated,
        "show_isolated": show_isolated, "size_by": size_by, "one_line": one_line, "wide": wide,
        "fold": foldable if fold else [],
        "docs": docs or None,
        "min_mentions": min_mentions,
        "ego": ego, "radius": radius,
    }


def search_box(G: nx.MultiDiGraph) -> None:
    query = st.text_input("Search an entity (any Arabic spelling, English, or Wikidata id)", key="search",
                          placeholder="كازاخستان · قازاقستان · Kazakhstan · Q232")
    if not query.strip():
        return
    found = search_entities(G, query, limit=8)
    if not found.matches:
        hint = " Did you mean:" if found.suggestions else ""
        st.warning(f"No entity matches “{query}”.{hint}")
        entity_buttons(G, found.suggestions, "suggest")
        return
    if query != st.session_state._search_seen:
        st.session_state._search_seen = query
        select_node(found.matches[0])
    if len(found.matches) > 1:
        entity_buttons(G, found.matches, "match")


def entity_buttons(G: nx.MultiDiGraph, nodes: list[str], key: str, on_pick=select_node) -> None:
    """One button per node, full names isolated and never cut (the row wraps)."""
    if not nodes:
        return
    with st.container(horizontal=True, key=f"{key}_buttons"):
        for i, node in enumerate(nodes):
            st.button(label_name(G, node), key=f"{key}_{i}", width="content", on_click=on_pick, args=(node,),
                      type="primary" if node == st.session_state.sel else "secondary")


def view_nodes(G: nx.MultiDiGraph, F: nx.MultiDiGraph, f: dict[str, Any], cap: int) -> tuple[nx.MultiDiGraph, int, int, list[str]]:
    """The graph to draw: filtered, ego view, expansions, paths; at most ``cap`` nodes."""
    notes: list[str] = []
    sel = st.session_state.sel
    base = F
    if f["ego"]:
        if sel in F:
            base = ego_graph(F, sel, f["radius"])
        elif sel in G:
            notes.append("The selection is hidden by the filters, so the ego view shows everything that passes them.")
        else:
            notes.append("Select a node (click, or search) to see the ego view around it.")
    nodes = list(base.nodes)
    pinned: list[str] = []
    if sel in F:
        pinned.append(sel)
    for n in st.session_state.expanded:
        if n in F:
            pinned.append(n)
            pinned.extend(nx.all_neighbors(F, n))
    paths = (st.session_state.paths or {}).get("paths") or []
    path_keys = [(h["from"], h["to"], e["key"]) for p in paths for h in p for e in h["edges"][:1]]
    for p in paths:
        for h in p:
            pinned += [h["from"], h["to"]]
    pinned = [n for n in dict.fromkeys(pinned) if n in G]
    candidates = list(dict.fromkeys(pinned + nodes))
    total = len(candidates)
    kept, dropped = cap_nodes(F if all(n in F for n in candidates) else G, candidates, cap, keep=pinned)
    keep = set(kept)
    D = nx.MultiDiGraph()
    D.add_nodes_from((n, G.nodes[n]) for n in kept)
    D.add_edges_from((u, v, k, d) for u, v, k, d in F.edges(keep, keys=True, data=True) if v in keep)
    for a, b, key in path_keys:
        for u, v in ((a, b), (b, a)):
            if G.has_edge(u, v, key) and not D.has_edge(u, v, key):
                D.add_edge(u, v, key, **G.edges[u, v, key])
    return D, total, dropped, notes


def legend(D: nx.MultiDiGraph, lang: str) -> None:
    items = []
    for e in legend_entries(D, D.nodes, lang):
        sym = SHAPE_SYMBOLS.get(e["shape"], "●")
        items.append(f'<span><span class="sg-sym" style="color:{esc(e["color"])}">{sym}</span>'
                     f'{counted_html(e["label"], int(e["count"]))}</span>')
    if items:
        st.markdown(f'<div class="sg-legend">{"".join(items)}</div>', unsafe_allow_html=True)


def graph_area(G: nx.MultiDiGraph, D: nx.MultiDiGraph, f: dict[str, Any], total: int, dropped: int,
               config: AppConfig) -> None:
    cap = config.max_nodes
    lang = f["lang"]
    if D.number_of_nodes() == 0:
        if G.number_of_nodes() == 0:
            st.info("The graph is empty. Add Arabic articles in the **Add articles** tab below.")
        else:
            st.info("Nothing passes these filters. Widen the node or edge types, the dates or the articles in the sidebar.")
        return
    if dropped:
        st.info(f"Showing {total - dropped:,} of {total:,} nodes: the most connected ones (the view draws at most "
                f"{cap:,}). Narrow it with the filters, or turn on the ego view around a selected node.")
    paths = (st.session_state.paths or {}).get("paths") or []
    highlight = highlight_for_paths([[p[0]["from"]] + [h["to"] for h in p] for p in paths],
                                    selected=st.session_state.sel) if paths else Highlight(selected=st.session_state.sel)
    positions = None
    python = config.layout == "python" or (config.layout == "auto" and D.number_of_nodes() > PHYSICS_MAX_NODES)
    if python:
        positions = _layout(tuple(map(str, D.nodes)), tuple((str(u), str(v)) for u, v in D.edges()))
    data = vis_payload(D, list(D.nodes), lang=lang, highlight=highlight, positions=positions, height=GRAPH_HEIGHT,
                       degrees={n: G.degree(n) for n in D}, neighbours={n: len(set(nx.all_neighbors(G, n))) for n in D},
                       weights={n: G.degree(n) for n in D} if f["size_by"] == "degree" else None)
    if f["one_line"]:
        data["edges"] = merge_pairs(data["edges"])
    source = vis_source(bool(st.get_option("server.enableStaticServing")), _script["path"].parent / "static")
    data.update(source.as_data(), physics_max_nodes=PHYSICS_MAX_NODES)
    graph_component()(key="graph", data=encode_payload(data), default={"selection": None},
                      on_selection_change=lambda: None, height=GRAPH_HEIGHT + 2)
    legend(D, lang)
    st.caption("Click a node for its connections, an edge for its evidence; double-click a node to expand it. "
               "Drag to pan, scroll to zoom.")


def _paths_submitted(G: nx.MultiDiGraph, present_edges: list[str], dates: list[str]) -> None:
    """Form callback: runs before the page is drawn, so the graph shows the new paths at once."""
    ss = st.session_state
    ss.paths = run_path_query(G, ss.get("p_from", ""), ss.get("p_to", ""), ss.get("p_hops", 4), ss.get("p_k", 3),
                              ss.get("p_types", present_edges), present_edges, ss.get("p_dates"), dates)


def _path_end_picked(G: nx.MultiDiGraph, end: str, node: str, present_edges: list[str], dates: list[str]) -> None:
    """A suggested end was picked: put it in the form and ask again."""
    st.session_state[end] = node
    _paths_submitted(G, present_edges, dates)


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
                _reset_when_bounds_change("p_dates", (lo, hi))
                st.date_input("Article dates", min_value=lo, max_value=hi, key="p_dates")
        st.form_submit_button("Find paths", type="primary", width="stretch", on_click=_paths_submitted,
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
    top = pd.DataFrame([{"entity": plain_name(G, e["id"]), "type": type_label(e["type"], lang),
                         "connections": e["degree"], "mentions": e["mentions"], "id": e["id"]}
                        for e in summary["top_entities"]])
    event = st.dataframe(top, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                         key="top_table")
    picked = getattr(getattr(event, "selection", None), "rows", None) or []
    if picked and picked[0] < len(top) and st.button(f"Select {top.iloc[picked[0]]['entity']} in the graph",
                                                    key="top_select"):
        select_node(top.iloc[picked[0]]["id"])
        st.rerun()


def edges_table(G: nx.MultiDiGraph, lang: str, articles: dict[str, dict[str, Any]]) -> None:
    rows = []
    for u, v, k, d in G.edges(keys=True, data=True):
        rows.append({"source": node_name(G.nodes[u], lang, u), "relation": type_label(d.get("type", ""), lang, True),
                     "target": node_name(G.nodes[v], lang, v), "date": d.get("date", ""),
                     "article": (articles.get(d.get("doc", ""), {}).get("title") or d.get("doc", ""))[:60],
                     "confidence": d.get("confidence"), "evidence": d.get("evidence", ""),
                     "_u": u, "_v": v, "_k": k})
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


def add_articles(live: LiveGraph) -> None:
    st.markdown("Upload or paste Arabic articles (.txt, .md, .html, .jsonl). They are extracted, merged into "
                f"the graph and kept in `{esc(live.uploads_dir.name)}/`, so a restart keeps them. Adding a file "
                "again changes nothing; another file with a name already used is kept under a new name.")
    # one form: nothing reruns between the fields, so a rerun cannot wipe what is being typed
    with st.form("add_form", border=False):
        files = st.file_uploader("Article files", type=["txt", "md", "html", "htm", "jsonl"],
                                 accept_multiple_files=True, key="uploader")
        st.markdown("**…or paste one**")
        text = st.text_area("Article text (Arabic)", key="paste_text", height=150)
        c1, c2 = st.columns(2)
        title = c1.text_input("Title (optional)", key="paste_title")
        date = c2.text_input("Date (optional, YYYY-MM-DD)", key="paste_date")
        if st.form_submit_button("Add to the graph", type="primary"):
            messages = add_jobs(live, files, text, title, date)
            if messages is not None:
                # rerun so the graph, the overview and the filters all include the new articles
                st.session_state.add_messages = messages
                st.rerun()
    for kind, message in st.session_state.get("add_messages") or []:
        getattr(st, kind)(message)
    added_list(live)


def added_list(live: LiveGraph) -> None:
    """The files added so far, each with a button that takes it out of the graph again."""
    added = added_articles(live)
    if not added:
        return
    st.markdown(f"**Added articles** ({len(added)})")
    for i, item in enumerate(added):
        c1, c2 = st.columns([5, 1], vertical_alignment="center")
        titles = " · ".join(f"<bdi>{esc(t)}</bdi>" for t in item.titles) or "(no article in the graph)"
        c1.markdown(f"{titles} <span class=\"sg-count\">· {esc(item.path.name)}</span>", unsafe_allow_html=True)
        if c2.button("Remove", key=f"remove_{i}", help="Take this file's articles out of the graph"):
            try:
                removed = remove_upload(live, item.path)
            except (OSError, ValueError) as exc:
                st.error(f"{item.path.name}: could not be removed ({exc}).")
                return
            st.session_state.add_messages = [("success", f"{item.path.name}: removed ({len(removed)} article"
                                              f"{'s' if len(removed) != 1 else ''}); the file is kept in "
                                              f"{live.uploads_dir / REMOVED_DIR}.")]
            st.rerun()


def add_jobs(live: LiveGraph, files: Any, text: str, title: str, date: str) -> list[tuple[str, str]] | None:
    """Check, save, extract and merge what the user gave; messages (kind, text) for the page."""
    jobs: list[tuple[str, bytes]] = [(f.name, f.getvalue()) for f in files or []]
    if text.strip():
        if date.strip():
            try:
                dt.date.fromisoformat(date.strip())
            except ValueError:
                st.error(f"The date “{date}” is not YYYY-MM-DD; nothing was added.")
                return None
        jobs.append(pasted_article(text, title, date))
    if not jobs:
        st.warning("Choose a file or paste an article first.")
        return None
    messages: list[tuple[str, str]] = []
    bar = st.progress(0.0, text="Extracting…")
    added = 0
    for i, (name, data) in enumerate(jobs, 1):
        bar.progress((i - 1) / len(jobs), text=f"Extracting {name} ({i}/{len(jobs)})…")
        try:
            result = live.add_upload(name, data)
        except UploadError as exc:
            messages.append(("error", str(exc)))
            continue
        except OSError as exc:
            messages.append(("error", f"{name}: could not be saved ({exc.strerror or exc})."))
            continue
        messages += [("warning", problem) for problem in result.problems]
        if result.doc_ids:
            added += 1
            again = (" (already in the corpus: merged again, nothing duplicated)" if result.duplicate else
                     f" (saved as {result.renamed})" if result.renamed else "")
            messages.append(("success", f"{name}: {len(result.doc_ids)} article{'s' if len(result.doc_ids) != 1 else ''}, "
                                        f"{result.relations} relations{again}."))
    bar.progress(1.0, text=f"Done: {added} of {len(jobs)} added.")
    messages.append(("info", f"{added} of {len(jobs)} added; they are kept in {live.uploads_dir.name}/."))
    return messages


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
    st.caption(f"{H.number_of_nodes():,} entities, {H.number_of_edges():,} relations.")
    token = (scope, version, H.number_of_nodes(), H.number_of_edges(), hash(tuple(sorted(map(str, H.nodes)))))
    cols = st.columns(len(FORMATS))
    for col, (suffix, label, mime) in zip(cols, FORMATS):
        col.download_button(label, data=lambda s=suffix: _export_bytes(H, token, s),
                            file_name=f"silkgraph-{scope}{suffix}", mime=mime, key=f"dl{suffix}",
                            width="stretch", on_click="ignore")


def main(script: str | Path = __file__) -> None:
    """Lay out the page; ``script`` is the Streamlit script running (its arguments are the settings)."""
    _script["path"] = Path(script).resolve()
    st.set_page_config(page_title="silkgraph explorer", page_icon="🕸", layout="wide")
    st.markdown(PAGE_CSS, unsafe_allow_html=True)
    try:
        config = _config()
    except ConfigError as exc:
        st.error(str(exc))
        st.stop()
    _init_state()
    asked_paths = restore_once()
    try:
        live = live_graph(str(config.graph_path) if config.graph_path else None,
                          str(config.seeds_dir), str(config.uploads_dir))
    except (OSError, ValueError, ImportError) as exc:  # the page never shows a server path
        st.error(f"Could not build the graph ({type(exc).__name__}); the server's log says more.")
        print(f"silkgraph explorer: could not build the graph: {exc}", file=sys.stderr)
        st.stop()
    for notice in live.notices:
        st.warning(notice)
    pending = live.pending_uploads()
    if pending:
        bar = st.progress(0.0, text="Merging added articles…")
        for result in live.sync(lambda i, n, name: bar.progress(i / n, text=f"Merged {name} ({i}/{n})")):
            for problem in result.problems:
                st.warning(problem)
        bar.empty()
    G = live.G
    articles = graph_articles(G)
    _absorb_click()
    f = sidebar_filters(G, articles)
    if st.sidebar.button("Reset the view", key="reset_view"):
        st.session_state.expanded = []
        st.session_state.paths = None
        select_node(None)
        st.rerun()
    st.markdown('<div class="sg-title">silkgraph explorer</div><div class="sg-sub">China and Central Asia in '
                f'Arabic news · {G.number_of_nodes():,} entities, {G.number_of_edges():,} relations, '
                f'{len(articles):,} articles</div>', unsafe_allow_html=True)
    search_box(G)
    date_from, date_to = narrowest_dates((f["date_from"], f["date_to"]), timeline(G))
    try:
        F, report = apply_filters(G, node_types=f["node_types"], edge_types=f["edge_types"], docs=f["docs"],
                                  min_mentions=f["min_mentions"], date_from=date_from, date_to=date_to,
                                  include_undated=f["include_undated"], show_isolated=f["show_isolated"],
                                  fold=f["fold"])
    except (KeyError, ValueError) as exc:
        st.error(f"These filters could not be applied ({exc}); showing the whole graph.")
        F, report = G, FilterReport()
    for message in report.messages():
        st.caption(message)
    if asked_paths:  # a view URL with a path query: ask it again
        _paths_submitted(G, present_types(G)[1], sorted({a.get("date") for a in articles.values() if a.get("date")}))
    D, total, dropped, notes = view_nodes(G, F, f, config.max_nodes)
    for note in notes:
        st.info(note)
    _apply_panel_request()
    # full width: the canvas across the page and the panel below it; else side by side
    left, right = (st.container(), st.container()) if f["wide"] else st.columns([3, 2], gap="medium")
    with right:  # the panel is sent first: a click shows it before the graph's data has travelled
        mode = st.segmented_control("Panel", PANELS, key="panel_mode", label_visibility="collapsed")
        if mode == "Path":
            with st.container(height=GRAPH_HEIGHT + 20, border=False, key="path_panel"):
                path_panel(G, articles)
        else:
            with st.container(height=GRAPH_HEIGHT + 20, border=False, key="panel"):
                selection_panel(G, f["lang"], articles)
    with left:
        graph_area(G, D, f, total, dropped, config)
    # one section at a time: only the chosen one is computed and sent, so a click stays quick
    section = st.segmented_control("More", SECTIONS, key="section", default=None, label_visibility="collapsed")
    if section == "Overview":
        overview(G, f["lang"], articles)
    elif section == "All relations":
        edges_table(G, f["lang"], articles)
    elif section == "Add articles":
        add_articles(live)
    elif section == "Export":
        export_tab(G, D, live.version)
    else:
        st.caption("Open the overview (counts, most connected entities), the table of all relations, "
                   "the form to add articles, or the exports.")
    write_view(f)


if __name__ == "__main__":  # `silkgraph serve` runs this file as the script
    main(__file__)
