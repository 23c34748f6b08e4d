"""silkgraph explorer: click, search, ask paths, filter, add articles and export.

    streamlit run app.py                                   # builds the graph from seeds/
    streamlit run app.py -- --graph out/graph.graphml      # or opens a built graph
    silkgraph serve [--graph FILE] [--port N]              # the same from an installed package
    options: --uploads DIR (added articles; default uploads/), --seeds DIR, --max-nodes N (default 300),
    --layout auto|physics|python (or SILKGRAPH_GRAPH, _UPLOADS, _SEEDS, _MAX_NODES, _LAYOUT)

The questions go to ``silkgraph.graph.query``; this file only lays out the page (sidebar, search, graph
canvas, side panel, sections). The panels and sections are modules of their own:
``silkgraph.views.panel`` (Selection), ``silkgraph.views.path_panel``, ``silkgraph.views.overview``, ``silkgraph.views.relations_table``,
``silkgraph.views.add_articles``, ``silkgraph.views.export_tab``; the session state is ``silkgraph.views.state``. Every string from
an article is shown as plain text or escaped HTML (``silkgraph.views.evidence``). ``app.py`` at the top
of a checkout and ``silkgraph serve`` (which runs this file as the Streamlit script) both call
``main`` with the script they run: the Streamlit config and the ``static/`` folder are beside it.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import streamlit as st

from silkgraph.graph.build import graph_articles
from silkgraph.graph.query import ego_graph
from silkgraph.schema import schema
from silkgraph.views.add_articles import add_articles
from silkgraph.views.component import encode_payload, graph_component, vis_source
from silkgraph.views.config import AppConfig, ConfigError, load_config
from silkgraph.views.curate_live import CuratedLiveGraph
from silkgraph.views.curate_marks import mark_curated
from silkgraph.views.curate_panel import curation_sidebar
from silkgraph.views.drawing import CALLBACKS, canvas_extras, chosen_positions, display_options, view_layout
from silkgraph.views.evidence import PAGE_CSS
from silkgraph.views.export_tab import export_tab
from silkgraph.views.filters import FilterReport, apply_filters, present_types
from silkgraph.views.live import LiveGraph
from silkgraph.views.names import counted_html, esc
from silkgraph.views.overview import overview
from silkgraph.views.pairs import merge_pairs
from silkgraph.views.panel import selection_panel
from silkgraph.views.path_panel import path_panel, paths_submitted
from silkgraph.views.payload import Highlight, cap_nodes, highlight_for_paths, legend_entries, type_label, vis_payload
from silkgraph.views.questions import drawn_paths, questions_panel
from silkgraph.views.relations_table import edges_table
from silkgraph.views.search import search_entities
from silkgraph.views.state import absorb_click, apply_panel_request, init_state, select_node
from silkgraph.views.timeline import narrowest_dates, timeline, undated_count
from silkgraph.views.placement import mark_view, placed_positions
from silkgraph.views.saved_views import view_controls
from silkgraph.views.view_edits import clear_edits, edit_view, remember_view, view_edits
from silkgraph.views.view_url import restore_once, write_view
from silkgraph.views.widgets import entity_buttons, reset_when_bounds_change, widget_default

PHYSICS_MAX_NODES = 150  # above this the layout is computed in Python and drawn with physics off
GRAPH_HEIGHT = 640
SECTIONS = ["Overview", "All relations", "Add articles", "Export"]
PANELS = ["Selection", "Path", "Questions"]
SHAPE_SYMBOLS = {"dot": "●", "diamond": "◆", "triangle": "▲", "triangleDown": "▼", "square": "■",
                 "star": "★", "hexagon": "⬢", "box": "▬", "ellipse": "⬮", "database": "⛁"}


# --- the corpus ---------------------------------------------------------------------------


_script = {"path": Path(__file__).resolve()}  # the Streamlit script running: app.py, or this file


def _config() -> AppConfig:
    running = sys.argv and Path(sys.argv[0]).resolve() == _script["path"]
    return load_config(sys.argv[1:] if running else [])


@st.cache_resource(show_spinner="Building the graph from the corpus…")
def live_graph(graph_path: str | None, seeds_dir: str, uploads_dir: str) -> LiveGraph:
    return CuratedLiveGraph(Path(graph_path) if graph_path else None, Path(seeds_dir), Path(uploads_dir))


# --- the page -------------------------------------------------------------------------------


def sidebar_filters(G: nx.MultiDiGraph, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    sb = st.sidebar
    lang = sb.radio("Labels", ["ar", "en"], format_func=lambda x: "العربية" if x == "ar" else "English",
                    horizontal=True, key="lang")
    sb.subheader("Filters")
    types_box = sb.expander("Node and edge types", expanded=False)
    present_nodes, present_edges = present_types(G)
    node_types = types_box.multiselect("Node types", present_nodes, default=widget_default("f_node_types", present_nodes, present_nodes),
                                       key="f_node_types",
                                format_func=lambda t: f"{type_label(t, 'en')} · {type_label(t, 'ar')}")
    edge_types = types_box.multiselect("Edge types", present_edges, default=widget_default("f_edge_types", present_edges, present_edges),
                                       key="f_edge_types",
                                format_func=lambda t: f"{type_label(t, 'en', True)} · {type_label(t, 'ar', True)}")
    dates = sorted({a.get("date") for a in articles.values() if a.get("date")})
    date_from = date_to = None
    if dates:
        lo, hi = dt.date.fromisoformat(dates[0]), dt.date.fromisoformat(dates[-1])
        reset_when_bounds_change("f_dates", (lo, hi))
        picked = sb.date_input("Article dates", min_value=lo, max_value=hi, key="f_dates")
        if isinstance(picked, (tuple, list)) and len(picked) == 2 and (picked[0] > lo or picked[1] < hi):
            date_from, date_to = picked[0].isoformat(), picked[1].isoformat()
    undated = undated_count(G)
    include_undated = sb.checkbox(f"Include undated relations ({undated:,})", value=widget_default("f_undated", True), key="f_undated",
                                  help="Relations whose article has no date are on no timeline; keep them in the view?")
    widget_default("f_docs", [], sorted(articles))
    docs = sb.multiselect("Source articles", sorted(articles), key="f_docs",
                          format_func=lambda d: (articles[d].get("title") or d)[:60],
                          placeholder="All articles")
    max_mentions = max((int(d.get("mentions", 0) or 0) for _, d in G.nodes(data=True)), default=1)
    min_mentions = sb.slider("Minimum mentions", 1, max(2, min(max_mentions, 50)),
                             widget_default("f_min_mentions", 1), key="f_min_mentions")
    show_isolated = sb.toggle("Show isolated entities", key="f_isolated",
                              help="Entities with no relation in the view are hidden unless this is on")
    sb.subheader("Display")
    size_by = sb.radio("Node size by", ["mentions", "degree"], horizontal=True, key="f_size_by",
                       format_func=lambda x: "mentions" if x == "mentions" else "connections")
    one_line = sb.toggle("One line per pair of nodes", value=widget_default("f_one_line", True), key="f_one_line",
                         help="Draw every relation between two nodes as one line with a count; off: a line per relation type")
    wide = sb.toggle("Full-width canvas", key="f_wide", help="The graph across the page, the panel below it")
    drawing = display_options(sb)
    foldable = [t for t in schema().collapsible_edge_types if t in present_edges]
    fold = sb.toggle("Fold office relations", key="f_fold", disabled=not foldable,
                     help="Leave " + ", ".join(type_label(t, "en", True) for t in foldable)
                          + " out of the drawing (the panel still lists them)") if foldable else False
    sb.subheader("Ego view")
    ego = sb.toggle("Only around the selection", key="f_ego")
    radius = sb.slider("Radius (hops)", 1, 3, widget_default("f_radius", 1), key="f_radius", disabled=not ego)
    return {
        "lang": lang,
        "node_types": None if set(node_types) == set(present_nodes) else node_types,
        "edge_types": None if set(edge_types) == set(present_edges) else edge_types,
        "date_from": date_from, "date_to": date_to, "include_undated": include_undated,
        "show_isolated": show_isolated, "size_by": size_by, "one_line": one_line, "wide": wide,
        "fold": foldable if fold else [],
        "docs": docs or None,
        "min_mentions": min_mentions,
        "ego": ego, "radius": radius, **drawing,
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




def view_nodes(G: nx.MultiDiGraph, F: nx.MultiDiGraph, f: dict[str, Any], cap: int) -> tuple[nx.MultiDiGraph, int, int, list[str]]:
    """The graph to draw: filtered, ego view, expansions, paths; at most ``cap`` nodes.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> select_node("country:KZ"); st.session_state.expanded = []; st.session_state.paths = None
    >>> D, total, dropped, notes = view_nodes(G, G, {"ego": True, "radius": 1}, cap=2)
    >>> "country:KZ" in D, D.number_of_nodes(), total, dropped, notes
    (True, 2, 3, 1, [])
    >>> select_node(None); view_nodes(G, G, {"ego": True, "radius": 1}, cap=2)[3]
    ['Select a node (click, or search) to see the ego view around it.']
    """
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
    paths = drawn_paths(G)
    path_keys = [(h["from"], h["to"], e["key"]) for p in paths for h in p for e in h["edges"][:1]]
    for p in paths:
        for h in p:
            pinned += [h["from"], h["to"]]
    edits = view_edits()  # pins and expansions kept, hidden nodes left out (silkgraph.views.view_edits)
    pinned, candidates = edit_view(edits, pinned, nodes, G)
    total = len(candidates)
    kept, dropped = cap_nodes(F if all(n in F for n in candidates) else G, candidates, cap + len(edits.grown), keep=pinned)
    keep = set(kept)
    D = nx.MultiDiGraph()
    D.add_nodes_from((n, G.nodes[n]) for n in kept)
    D.add_edges_from((u, v, k, d) for u, v, k, d in F.edges(keep, keys=True, data=True) if v in keep)
    for a, b, key in path_keys:
        for u, v in ((a, b), (b, a)):
            if u in D and v in D and G.has_edge(u, v, key) and not D.has_edge(u, v, key):
                D.add_edge(u, v, key, **G.edges[u, v, key])
    remember_view(F, D)
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
        grown = len(view_edits().grown)  # expansions are drawn on top of the cap
        st.info(f"Showing {total - dropped:,} of {total:,} nodes: the most connected ones (the view draws at most "
                f"{cap:,}{f', plus {grown:,} added by expanding' if grown else ''}). Narrow it with the filters, "
                "or turn on the ego view around a selected node.")
    paths = drawn_paths(G)
    highlight = highlight_for_paths([[p[0]["from"]] + [h["to"] for h in p] for p in paths],
                                    selected=st.session_state.sel) if paths else Highlight(selected=st.session_state.sel)
    positions = None
    python = config.layout == "python" or (config.layout == "auto" and D.number_of_nodes() > PHYSICS_MAX_NODES)
    if python:
        positions = view_layout(D, "force")
    positions, map_note = chosen_positions(D, f, positions)
    positions = placed_positions(st.session_state, D, positions)  # a saved view or view URL's positions
    data = vis_payload(D, list(D.nodes), lang=lang, highlight=highlight, positions=positions, height=GRAPH_HEIGHT,
                       degrees={n: G.degree(n) for n in D}, neighbours={n: len(set(nx.all_neighbors(G, n))) for n in D},
                       weights={n: G.degree(n) for n in D} if f["size_by"] == "degree" else None)
    if f["one_line"]:
        data["edges"] = merge_pairs(data["edges"])
    mark_curated(data, D)
    source = vis_source(bool(st.get_option("server.enableStaticServing")), _script["path"].parent / "static")
    data.update(source.as_data(), physics_max_nodes=PHYSICS_MAX_NODES)
    mark_view(data)  # pinned nodes fixed, a placement's stamp
    canvas_extras(D, data, f, keep=highlight.path_nodes)
    graph_component()(key="graph", data=encode_payload(data), default={"selection": None},
                      on_selection_change=lambda: None, **CALLBACKS, height=GRAPH_HEIGHT + 2)
    if map_note:
        st.caption(map_note)
    legend(D, lang)
    st.caption("Click a node for its connections, an edge for its evidence; double-click a node to expand it. "
               "Drag to pan, scroll to zoom.")



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
    init_state()
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
    absorb_click()
    view_slot = st.sidebar.container()  # back/forward and saved views, drawn at the end (silkgraph.views.saved_views)
    f = sidebar_filters(G, articles)
    if st.sidebar.button("Reset the view", key="reset_view"):
        st.session_state.expanded = []
        st.session_state.paths = None
        clear_edits()
        select_node(None)
        st.rerun()
    curation_sidebar(live)
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
        paths_submitted(G, present_types(G)[1], sorted({a.get("date") for a in articles.values() if a.get("date")}))
    D, total, dropped, notes = view_nodes(G, F, f, config.max_nodes)
    for note in notes:
        st.info(note)
    apply_panel_request()
    # full width: the canvas across the page and the panel below it; else side by side
    left, right = (st.container(), st.container()) if f["wide"] else st.columns([3, 2], gap="medium")
    with right:  # the panel is sent first: a click shows it before the graph's data has travelled
        mode = st.segmented_control("Panel", PANELS, key="panel_mode", label_visibility="collapsed")
        if mode == "Path":
            with st.container(height=GRAPH_HEIGHT + 20, border=False, key="path_panel"):
                path_panel(G, articles)
        elif mode == "Questions":
            with st.container(height=GRAPH_HEIGHT + 20, border=False, key="questions_panel"):
                questions_panel(G, articles)
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
    view_controls(view_slot, write_view(f), live.store_path)


if __name__ == "__main__":  # `silkgraph serve` runs this file as the script
    main(__file__)
