"""The Selection panel: a node's neighbours (paged, sorted) or an edge's evidence.

A hub of a large graph has thousands of relations: the panel first says how many
neighbours and relations it has, and counts them per year, per source and per relation;
then lists one row per (relation, neighbour, direction), a page at a time, sorted by
relation, by number of articles, or by date. Evidence is drawn only for the rows the
reader opens, so a click on a hub stays quick.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import streamlit as st

from silkgraph.graph.query import edge_evidence, neighbors_by_type
from silkgraph.views.curate_marks import edges_mark
from silkgraph.views.curate_panel import edge_curation, node_curation
from silkgraph.views.evidence import evidence_block
from silkgraph.views.names import counted_html, esc, names
from silkgraph.views.payload import parse_edge_id, type_label
from silkgraph.views.state import select_node, show_panel
from silkgraph.views.view_edits import edit_actions

PAGE_SIZE = 25
EVIDENCE_SHOWN = 3  # pieces of evidence drawn when a row is opened, before "all"
SORTS = {"relation": "By relation", "count": "Most articles first", "date": "Latest first"}
ANY_TYPE = "*"  # a drawn edge standing for every relation between two nodes (silkgraph.views.pairs)
UNDATED = "undated"
UNKNOWN_SOURCE = "source unknown"


# --- plain data -------------------------------------------------------------------------------


@dataclass
class Row:
    """One neighbour by one relation type in one direction."""

    etype: str
    other: str
    direction: str  # "out": the selected node is the stored source
    directed: bool
    edges: list[dict[str, Any]] = field(default_factory=list)  # u, v, key, doc, date

    @property
    def articles(self) -> int:
        return len({e["doc"] for e in self.edges})

    @property
    def last(self) -> str:
        return max((e["date"] for e in self.edges if e["date"]), default="")

    @property
    def ident(self) -> str:
        return f"{self.etype}|{self.direction}|{self.other}"


def neighbour_rows(G: nx.MultiDiGraph, node: str) -> list[Row]:
    """A row per (relation type, neighbour, direction), in schema then count order.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> rows = neighbour_rows(build_graph(sample_extractions()), "country:KZ")
    >>> [(r.etype, r.other, r.articles) for r in rows][:2]
    [('visited', 'leader:xi-jinping', 1), ('leads', 'leader:tokayev', 1)]
    """
    rows = []
    for etype, items in neighbors_by_type(G, node).items():
        for item in items:
            other = item["id"]
            u, v = (node, other) if item["direction"] == "out" else (other, node)
            rows.append(Row(etype, other, item["direction"], item["directed"],
                            [{"u": u, "v": v, "key": e["key"], "doc": e["doc"], "date": e["date"]}
                             for e in item["edges"]]))
    return rows


def sort_rows(rows: list[Row], how: str) -> list[Row]:
    """Rows by ``how``: "relation" (as given), "count" (most articles first), "date" (latest first).

    >>> a, b = Row("met", "x", "out", False, [{"doc": "1", "date": "2024-01-01"}]), Row("signed", "y", "out", True, [])
    >>> [r.other for r in sort_rows([b, a], "date")], [r.other for r in sort_rows([b, a], "count")]
    (['x', 'y'], ['x', 'y'])
    """
    if how == "count":
        return sorted(rows, key=lambda r: -r.articles)
    if how == "date":
        return sorted(rows, key=lambda r: r.last, reverse=True)
    return list(rows)


@dataclass
class NodeSummary:
    """How much a node is connected: distinct neighbours, relations, and their spread."""

    neighbours: int
    relations: int
    by_year: dict[str, int]
    by_source: dict[str, int]
    by_type: dict[str, int]


def node_summary(G: nx.MultiDiGraph, node: str, rows: list[Row], articles: dict[str, dict[str, Any]]) -> NodeSummary:
    """Counts for the top of the panel; a relation is one edge (one article's finding).

    >>> from silkgraph.graph.build import build_graph, graph_articles
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> s = node_summary(G, "country:KZ", neighbour_rows(G, "country:KZ"), graph_articles(G))
    >>> s.neighbours, s.relations, s.by_year
    (2, 2, {'2024': 2})
    """
    edges = [e for r in rows for e in r.edges]
    years = Counter((e["date"] or "")[:4] or UNDATED for e in edges)
    sources = Counter((articles.get(e["doc"], {}).get("source") or UNKNOWN_SOURCE) for e in edges)
    types = Counter()
    for r in rows:
        types[r.etype] += len(r.edges)
    return NodeSummary(neighbours=len({r.other for r in rows}), relations=len(edges),
                       by_year=dict(sorted(years.items(), key=lambda kv: (kv[0] == UNDATED, kv[0]))),
                       by_source=dict(sources.most_common()), by_type=dict(types))


# --- drawing ------------------------------------------------------------------------------------


def entity_forms(G: nx.MultiDiGraph, *nodes: str) -> list[str]:
    """Every spelling of the given nodes, for marking them in evidence sentences."""
    forms: list[str] = []
    for n in nodes:
        if n in G:
            d = G.nodes[n]
            forms += [str(d.get("label_ar") or ""), *(d.get("aliases") or ())]
    return [f for f in forms if f]


def article_meta(articles: dict[str, dict[str, Any]], doc: str, date: str = "") -> list[str]:
    """Title, source, date and doc id of an article, for the line under its evidence."""
    a = articles.get(doc, {})
    title = a.get("title") or ""
    return [title or doc, a.get("source") or "", date or a.get("date") or "", doc if title else ""]


def evidence_for_edges(G: nx.MultiDiGraph, articles: dict[str, dict[str, Any]], edges: list[dict[str, Any]],
                       ends: tuple[str, str], limit: int | None = None) -> None:
    """The evidence of each edge (u, v, key, doc, date): sentence marked, article named."""
    forms = entity_forms(G, *ends)
    shown = edges if limit is None else edges[:limit]
    for e in shown:
        data = G.edges[e["u"], e["v"], e["key"]] if "u" in e else None
        items = edge_evidence(data) if data is not None else [{"sentence": e.get("evidence", ""),
                                                               "trigger": e.get("trigger", "")}]
        meta = article_meta(articles, e.get("doc", ""), e.get("date", ""))
        for item in items or [{"sentence": "", "trigger": ""}]:
            st.markdown(evidence_block(item.get("sentence", ""), item.get("trigger", ""), forms, meta),
                        unsafe_allow_html=True)
        edge_curation(G, e)
    if limit is not None and len(edges) > limit:
        with st.expander(f"{len(edges) - limit} more"):
            evidence_for_edges(G, articles, edges[limit:], ends)


def _chips(counts: dict[str, int], label=lambda k: k) -> str:
    return " · ".join(counted_html(label(k), v) for k, v in counts.items())


def summary_block(summary: NodeSummary, limit: int = 8) -> None:
    """Counts per year, per source and per relation, before any row."""
    sources = dict(list(summary.by_source.items())[:limit])
    more = len(summary.by_source) - len(sources)
    lines = [f"<b>Per year</b>: {_chips(summary.by_year)}",
             f"<b>Per source</b>: {_chips(sources)}" + (f" · +{more} more" if more > 0 else ""),
             "<b>Per relation</b>: " + _chips(summary.by_type, lambda t: f"{type_label(t, 'en', True)} · "
                                                                           f"{type_label(t, 'ar', True)}")]
    st.markdown(f'<div class="sg-summary">{"<br>".join(lines)}</div>', unsafe_allow_html=True)


def _page_state(node: str) -> None:
    """Start on page 1, sorted by relation, with no row open, whenever the selection changes."""
    if st.session_state.get("_nb_node") != node:
        st.session_state._nb_node = node
        st.session_state.nb_page = 1
        st.session_state.nb_open = []


def node_panel(G: nx.MultiDiGraph, node: str, lang: str, articles: dict[str, dict[str, Any]]) -> None:
    """Header, actions, counts, then one page of neighbours with evidence on demand."""
    _page_state(node)
    d = G.nodes[node]
    kind = str(d.get("type") or "")
    rows = neighbour_rows(G, node)
    summary = node_summary(G, node, rows, articles)
    st.markdown(f"### {names(G, node)}", unsafe_allow_html=True)
    facts = [f"**{esc(type_label(kind, 'en'))}** · <bdi>{esc(type_label(kind, 'ar'))}</bdi>",
             f"{int(d.get('mentions', 0) or 0):,} mentions",
             f"{summary.neighbours:,} neighbour{'s' if summary.neighbours != 1 else ''}",
             f"{summary.relations:,} relation{'s' if summary.relations != 1 else ''}"]
    qid = str(d.get("wikidata") or "")
    if qid:
        facts.append(f"Wikidata [{esc(qid)}](https://www.wikidata.org/wiki/{esc(qid)})"
                     if qid[:1] in "Qq" and qid[1:].isdigit() else f"Wikidata {esc(qid)}")
    st.markdown(" · ".join(facts), unsafe_allow_html=True)
    aliases = list(d.get("aliases") or [])
    if aliases:
        st.markdown("Aliases: " + " · ".join(f'<bdi class="sg-ar" dir="rtl">{esc(a)}</bdi>' for a in aliases),
                    unsafe_allow_html=True)
    st.caption(f"id: {node}")
    _actions(node)
    edit_actions(G, node)  # expand by relation, hide, pin
    node_curation(G, node)
    if not rows:
        st.info("No connections recorded for this entity.")
        return
    summary_block(summary)
    c1, c2 = st.columns([3, 2])
    how = c1.selectbox("Sort neighbours", list(SORTS), format_func=SORTS.get, key="nb_sort")
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    if st.session_state.get("nb_page", 1) > pages:
        st.session_state.nb_page = 1
    page = int(c2.number_input(f"Page (of {pages})", 1, pages, key="nb_page"))
    ordered = sort_rows(rows, how)
    first = (page - 1) * PAGE_SIZE
    st.caption(f"Rows {first + 1}–{min(first + PAGE_SIZE, len(rows))} of {len(rows):,} "
               "(a row: one neighbour by one relation)")
    for i, row in enumerate(ordered[first:first + PAGE_SIZE]):
        _row(G, node, row, i, articles)


def _actions(node: str) -> None:
    c1, c2, c3 = st.columns(3)
    if c1.button("Expand", key="expand_btn", help="Add this node's neighbours to the view", width="stretch"):
        if node not in st.session_state.expanded:
            st.session_state.expanded.append(node)
        st.rerun()
    if c2.button("Path from", key="path_from_btn", help="Use as the start of a path query", width="stretch"):
        st.session_state.p_from = node
        show_panel("Path")
        st.rerun()
    if c3.button("Path to", key="path_to_btn", help="Use as the end of a path query", width="stretch"):
        st.session_state.p_to = node
        show_panel("Path")
        st.rerun()


def _toggle_row(ident: str) -> None:
    opened = st.session_state.nb_open
    if ident in opened:
        opened.remove(ident)
    else:
        opened.append(ident)


def _row(G: nx.MultiDiGraph, node: str, row: Row, i: int, articles: dict[str, dict[str, Any]]) -> None:
    arrow = "→" if row.direction == "out" or not row.directed else "←"
    relation = f"{type_label(row.etype, 'en', True)} · <bdi>{esc(type_label(row.etype, 'ar', True))}</bdi>"
    n = row.articles
    when = f" · {esc(row.last)}" if row.last else ""
    when += esc(edges_mark(G, row.edges))
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.markdown(f'<div class="sg-nb"><span class="sg-rel">{relation}</span> {arrow} {names(G, row.other)} '
                  f'<span class="sg-count">· {n} article{"s" if n != 1 else ""}{when}</span></div>',
                  unsafe_allow_html=True)
    opened = row.ident in st.session_state.nb_open
    right.button("Hide" if opened else "Evidence", key=f"nb_ev_{i}", on_click=_toggle_row, args=(row.ident,),
                 help=f"The sentences behind this relation ({len(row.edges)})", type="tertiary")
    if opened:
        edges = sorted(row.edges, key=lambda e: (e["date"], e["doc"]))
        evidence_for_edges(G, articles, edges, (node, row.other), limit=EVIDENCE_SHOWN)
        st.button("Select this neighbour", key=f"nb_sel_{i}", on_click=select_node, args=(row.other,))


def edge_panel(G: nx.MultiDiGraph, drawn_id: str, articles: dict[str, dict[str, Any]]) -> None:
    """Every piece of evidence of a drawn edge (one relation type, or every relation of a pair)."""
    parsed = parse_edge_id(drawn_id)
    if parsed is None or parsed[0] not in G or parsed[1] not in G:
        st.warning("That edge is not in the graph any more.")
        return
    u, v, kind = parsed
    pairs = ((u, v), (v, u)) if kind == ANY_TYPE else ((u, v),)
    edges = [{"u": a, "v": b, "key": k, "doc": d.get("doc", ""), "date": d.get("date", ""), "type": d.get("type", "")}
             for a, b in pairs for k, d in G.get_edge_data(a, b, default={}).items()
             if kind == ANY_TYPE or d.get("type") == kind]
    if kind == ANY_TYPE:
        types = Counter(e["type"] for e in edges)
        title = " · ".join(counted_html(f"{type_label(t, 'en', True)} · {type_label(t, 'ar', True)}", c)
                           for t, c in types.items())
        st.markdown(f"### {names(G, u)} — {names(G, v)}", unsafe_allow_html=True)
        st.markdown(title, unsafe_allow_html=True)
    else:
        st.markdown(f"### {names(G, u)} → {esc(type_label(kind, 'en', True))} · "
                    f"<bdi>{esc(type_label(kind, 'ar', True))}</bdi> → {names(G, v)}", unsafe_allow_html=True)
    n_docs = len({e["doc"] for e in edges})
    st.caption(f"{len(edges)} relation{'s' if len(edges) != 1 else ''} from {n_docs} article{'s' if n_docs != 1 else ''}")
    evidence_for_edges(G, articles, sorted(edges, key=lambda e: (e["date"], e["doc"])), (u, v))
    if st.button("Back to the node", key="edge_back"):
        st.session_state.sel_edge = None
        st.rerun()


def selection_panel(G: nx.MultiDiGraph, lang: str, articles: dict[str, dict[str, Any]]) -> None:
    """The selected edge's evidence, else the selected node's panel, else what to do."""
    if st.session_state.sel_edge:
        edge_panel(G, st.session_state.sel_edge, articles)
        return
    sel = st.session_state.sel
    if sel is None:
        st.info("Click a node in the graph, or search for an entity above, to see its connections and evidence.")
        return
    if sel not in G:
        st.warning(f"Unknown entity id “{sel}”: it is not in the graph (maybe filtered out of the corpus).")
        return
    node_panel(G, sel, lang, articles)
