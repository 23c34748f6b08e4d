"""The canvas's extras: a layout choice (force or geographic), hubs' leaves folded into one
node with their count, and exports of the drawn view (SVG, GraphML, GEXF).

Exports: the canvas's SVG, GraphML and GEXF buttons send the drawn positions as the
component's trigger ``export``; the run that follows builds the file from them
(``silkgraph.graph.drawing``, colours and shapes from the schema, labels and sizes as drawn)
and sends it back once in the component's data (``download``), which the page saves. One
round trip per file; nothing is sent while one only looks at the graph. The files hold every
node of the view: in a folded view, the folded leaves where they were drawn before folding.

Folded leaves: ``silkgraph.graph.layout.leaf_clusters`` says which; the component folds them
with vis-network's clustering, a double-click unfolds a cluster and a click selects its hub.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import streamlit as st

from silkgraph.graph.drawing import MIME, Drawing, drawing_bytes, type_color, type_shape
from silkgraph.graph.layout import geographic_layout, leaf_clusters, located
from silkgraph.graph.svg import Line, plain_label
from silkgraph.views.panel import ANY_TYPE
from silkgraph.views.payload import node_name, parse_edge_id, python_layout

LAYOUTS = {"force": "Force", "geographic": "Map"}
CLUSTER_MIN_LEAVES = 5  # a hub with this many leaves in the view has them folded
CLUSTER_TITLE_NAMES = 12
CALLBACKS = {"on_export_change": lambda: None}  # the component's trigger, passed when it is mounted


def display_options(sb: Any) -> dict[str, Any]:
    """The sidebar's layout choice and folding switch (``sb``: the sidebar)."""
    layout = sb.radio("Layout", list(LAYOUTS), format_func=LAYOUTS.get, horizontal=True, key="f_layout",
                      help="Map: countries and cities at their GeoNames coordinates, the rest beside the places "
                           "they are joined to")
    cluster = sb.toggle("Fold hubs' leaves", key="f_cluster",
                        help=f"A node with {CLUSTER_MIN_LEAVES} or more neighbours joined to nothing else has them "
                             "drawn as one node with their count; double-click it to unfold")
    return {"layout_mode": layout, "cluster": cluster}


def chosen_positions(D: nx.MultiDiGraph, f: Mapping[str, Any],
                     positions: Mapping[str, tuple[float, float]] | None) -> tuple[Any, str | None]:
    """The positions to draw ``D`` at (the geographic layout when chosen, else ``positions``)
    and a note saying how many nodes the map places.

    >>> G = nx.MultiDiGraph([("leader:x", "country:KZ")])
    >>> pos, note = chosen_positions(G, {"layout_mode": "geographic"}, None)
    >>> sorted(pos), note
    (['country:KZ', 'leader:x'], 'Map: 1 of 2 nodes at their coordinates (GeoNames), the others beside the places they are joined to.')
    """
    if f.get("layout_mode") != "geographic" or D.number_of_nodes() == 0:
        return positions, None
    placed = len(located(D.nodes))
    note = (f"Map: {placed:,} of {D.number_of_nodes():,} nodes at their coordinates (GeoNames), "
            "the others beside the places they are joined to.")
    if not placed:
        note = "Map: no node of this view has coordinates (only the gazetteer's countries and cities do)."
    return view_layout(D, "geographic"), note


LAYOUTS_BY_NAME = {"force": python_layout, "geographic": geographic_layout}


def view_layout(D: nx.MultiDiGraph, name: str) -> dict[str, tuple[float, float]]:
    """Positions of the view ``D`` by the layout ``name`` (force or geographic), computed once
    per set of nodes and edges: a click reruns the page, not the layout."""
    return _cached_layout(name, tuple(map(str, D.nodes)), tuple((str(u), str(v)) for u, v in D.edges()))


@st.cache_data(max_entries=16, show_spinner=False)
def _cached_layout(name: str, nodes: tuple[str, ...], pairs: tuple[tuple[str, str], ...]) -> dict[str, tuple[float, float]]:
    H = nx.MultiDiGraph()
    H.add_nodes_from(nodes)
    H.add_edges_from(pairs)
    return LAYOUTS_BY_NAME[name](H, nodes)


def cluster_records(D: nx.MultiDiGraph, lang: str, keep: Iterable[str] = (),
                    min_leaves: int = CLUSTER_MIN_LEAVES) -> list[dict[str, Any]]:
    """What the component folds: per hub, its leaves, a ``+N`` label and a tooltip naming them;
    colour and shape of the leaves' commonest type (schema).

    >>> G = nx.MultiDiGraph([("country:CN", f"city:{i}") for i in range(5)] + [("country:CN", "country:KZ"), ("country:KZ", "leader:t")])
    >>> for n in G: G.nodes[n]["type"] = {"city": "City", "country": "Country"}.get(n.split(":")[0], "Leader")
    >>> [(c["hub"], c["label"], len(c["members"]), c["shape"]) for c in cluster_records(G, "en")]
    [('country:CN', '+5', 5, 'triangle')]
    """
    out = []
    for hub, members in leaf_clusters(D, list(D.nodes), min_leaves, keep=[k for k in keep if k]):
        kind = Counter(str(D.nodes[m].get("type") or "") for m in members).most_common(1)[0][0]
        colour = type_color(kind) or type_color(str(D.nodes[hub].get("type") or "")) or ""
        names = [node_name(D.nodes[m], lang, m) for m in members]
        more = len(names) - CLUSTER_TITLE_NAMES
        title = (f"{node_name(D.nodes[hub], lang, hub)}: {len(members)} more\n"
                 + "\n".join(names[:CLUSTER_TITLE_NAMES]) + (f"\n… and {more} more" if more > 0 else "")
                 + "\nDouble-click to unfold")
        out.append({"id": f"cluster:{hub}", "hub": hub, "members": members, "label": f"+{len(members)}",
                    "title": title, "shape": type_shape(kind), "size": round(14 + 3 * math.sqrt(len(members)), 1),
                    "color": {"background": colour, "border": "#111111"} if colour else {}})
    return out


def export_request() -> dict[str, Any] | None:
    """The export the canvas asked for in this run (once), else None."""
    value = (st.session_state.get("graph") or {}).get("export")
    if not isinstance(value, dict) or not value.get("nonce") or value.get("nonce") == st.session_state.get("_export_nonce"):
        return None
    st.session_state._export_nonce = value.get("nonce")
    return value


def reported_positions(D: nx.MultiDiGraph, raw: Any) -> dict[str, tuple[float, float]]:
    """The canvas's positions of ``D``'s nodes; anything else the page sent is ignored.

    >>> reported_positions(nx.MultiDiGraph([("a", "b")]), {"a": [1, 2.5], "b": ["x", 1], "z": [0, 0]})
    {'a': (1.0, 2.5)}
    """
    out = {}
    for node, xy in (raw.items() if isinstance(raw, dict) else ()):
        if node in D and isinstance(xy, (list, tuple)) and len(xy) == 2 \
                and all(isinstance(c, (int, float)) and not isinstance(c, bool) and math.isfinite(c) for c in xy):
            out[str(node)] = (float(xy[0]), float(xy[1]))
    return out


def drawn_lines(D: nx.MultiDiGraph, edges: Iterable[Mapping[str, Any]]) -> list[Line]:
    """The component's drawn edges as ``Line``s (a pair's folded line keeps all its types).

    >>> from silkgraph.views.payload import edge_id
    >>> D = nx.MultiDiGraph(); _ = D.add_edge("a", "b", type="met"); _ = D.add_edge("b", "a", type="visited")
    >>> drawn_lines(D, [{"id": edge_id("a", "b", "*"), "label": "met · visited ×2", "arrows": {"to": {"enabled": False}}}])
    [Line(source='a', target='b', kinds=('met', 'visited'), label='met · visited ×2', forward=False, backward=False)]
    """
    out = []
    for e in edges:
        parsed = parse_edge_id(str(e.get("id", "")))
        if not parsed:
            continue
        u, v, kind = parsed
        kinds = (kind,)
        if kind == ANY_TYPE:
            kinds = tuple(sorted({str(d.get("type") or "") for a, b in ((u, v), (v, u)) if D.has_edge(a, b)
                                  for d in D.get_edge_data(a, b).values()}))
        arrows = e.get("arrows") or {}
        out.append(Line(u, v, kinds, plain_label(e.get("label", "")), bool((arrows.get("to") or {}).get("enabled")),
                        bool((arrows.get("from") or {}).get("enabled"))))
    return out


def export_download(D: nx.MultiDiGraph, data: Mapping[str, Any], lang: str, request: Mapping[str, Any]) -> dict[str, Any]:
    """The file the canvas asked for, built from its positions and the drawn labels and sizes."""
    suffix = "." + str(request.get("format", "")).lower()
    nodes = data.get("nodes") or []
    drawing = Drawing(reported_positions(D, request.get("positions")),
                      labels={n["id"]: plain_label(n.get("label", "")) for n in nodes},
                      sizes={n["id"]: n["size"] for n in nodes if "size" in n}, lang=lang)
    try:
        text = drawing_bytes(D, drawing, suffix, drawn_lines(D, data.get("edges") or [])).decode("utf-8")
    except ValueError as exc:
        return {"nonce": request.get("nonce"), "error": str(exc)}
    return {"nonce": request.get("nonce"), "name": f"silkgraph-view{suffix}", "mime": MIME[suffix], "text": text}


def canvas_extras(D: nx.MultiDiGraph, data: dict[str, Any], f: Mapping[str, Any], keep: Iterable[str] = ()) -> None:
    """Add to the component's ``data``: the geographic layout's name, the folds, a requested file."""
    if f.get("layout_mode") == "geographic":
        data["layout"] = "geo"
    if f.get("cluster"):
        data["clusters"] = cluster_records(D, f.get("lang", "ar"), keep=[*keep, data.get("selected") or ""])
    request = export_request()
    if request:
        data["download"] = export_download(D, data, f.get("lang", "ar"), request)
