"""Turn a graph view into what the vis-network component draws.

Plain functions over a ``networkx.MultiDiGraph`` whose node and edge attributes are
scalars (see ``graph/build.py``). Colours, shapes and labels of types come from the
schema. Every string from an article (labels, aliases, sentences) stays plain text:
the component draws labels on a canvas and sets tooltips with ``innerText``.

Parallel edges of one type between the same two nodes (the same relation found in
several articles) are drawn as one line, labelled with the count; clicking it lists
every piece of evidence.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from silkgraph.schema import schema

RLI, PDI = "\u2067", "\u2069"  # right-to-left isolate: Arabic labels keep their order on the canvas
DEFAULT_COLOR = "#9a9aa5"
LABEL_INSIDE_SHAPES = {"box", "ellipse", "database", "circle", "text"}
TOOLTIP_SENTENCE_CHARS = 220
BIG_VIEW_TOOLTIP_CHARS = 0  # above BIG_VIEW_NODES drawn nodes no sentence: tooltips were most of what a rerun sent
BIG_VIEW_NODES = 150


def is_arabic(text: str) -> bool:
    """True when ``text`` contains an Arabic letter.

    >>> is_arabic("كازاخستان"), is_arabic("Kazakhstan")
    (True, False)
    """
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text)


def isolate(text: str) -> str:
    """Wrap Arabic text in a right-to-left isolate, so a canvas draws it in order.

    >>> isolate("شي جين بينغ") == "\\u2067شي جين بينغ\\u2069"
    True
    >>> isolate("Xi Jinping")
    'Xi Jinping'
    """
    return f"{RLI}{text}{PDI}" if is_arabic(text) else text


def node_name(attrs: Mapping[str, Any], lang: str = "ar", fallback: str = "") -> str:
    """The display name of a node: English when asked and known, else Arabic.

    >>> node_name({"label_ar": "الصين", "label_en": "China"}, "en")
    'China'
    >>> node_name({"label_ar": "الصين"}, "en")
    'الصين'
    """
    ar = str(attrs.get("label_ar") or "")
    en = str(attrs.get("label_en") or "")
    if lang == "en":
        return en or ar or fallback
    return ar or en or fallback


def type_label(kind: str, lang: str = "ar", edge: bool = False) -> str:
    """The schema label of a node or edge type in ``lang``; the raw name if unknown.

    >>> type_label("Country", "en"), type_label("signed", "ar", edge=True)
    ('Country', 'وقّع')
    """
    table = schema().edge_types if edge else schema().node_types
    spec = table.get(kind)
    if spec is None:
        return kind
    return spec.label_en if lang == "en" else spec.label_ar


def edge_id(u: str, v: str, kind: str) -> str:
    """The id of a drawn edge: all (u, v, type) parallel edges share one line.

    >>> edge_id("leader:xi", "country:KZ", "visited")
    '["leader:xi", "country:KZ", "visited"]'
    """
    return json.dumps([u, v, kind], ensure_ascii=False)


def parse_edge_id(value: str) -> tuple[str, str, str] | None:
    """(u, v, type) from a drawn edge id; None when it is not one.

    >>> parse_edge_id(edge_id("a", "b", "links"))
    ('a', 'b', 'links')
    >>> parse_edge_id("<script>") is None
    True
    """
    try:
        parts = json.loads(value)
    except (TypeError, ValueError):
        return None
    if isinstance(parts, list) and len(parts) == 3 and all(isinstance(p, str) for p in parts):
        return parts[0], parts[1], parts[2]
    return None


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    if len(h) != 6:
        return hex_color
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _mix(hex_color: str, other: str, t: float) -> str:
    """Blend two #rrggbb colours; t=0 gives the first."""
    a, b = hex_color.lstrip("#"), other.lstrip("#")
    if len(a) != 6 or len(b) != 6:
        return hex_color
    out = []
    for i in (0, 2, 4):
        x, y = int(a[i:i + 2], 16), int(b[i:i + 2], 16)
        out.append(round(x + (y - x) * t))
    return "#" + "".join(f"{c:02x}" for c in out)


def grouped_edges(G: nx.MultiDiGraph, nodes: Collection[str]) -> dict[tuple[str, str, str], list[Any]]:
    """Edges among ``nodes`` grouped by (u, v, type), each with its multigraph keys.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="k1", type="signed"); G.add_edge("a", "b", key="k2", type="signed")
    'k1'
    'k2'
    >>> grouped_edges(G, {"a", "b"})
    {('a', 'b', 'signed'): ['k1', 'k2']}
    """
    keep = set(nodes)
    groups: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for u, v, key, kind in G.edges(keep, keys=True, data="type", default=""):
        if v in keep:
            groups[(u, v, str(kind))].append(key)
    return dict(groups)


def node_weight(G: nx.MultiDiGraph, node: str) -> float:
    """How prominent a node is: its mention count when the graph has one, else its degree."""
    attrs = G.nodes[node]
    for name in ("mentions", "mention_count", "count"):
        value = attrs.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return float(G.degree(node))


def cap_nodes(G: nx.MultiDiGraph, nodes: Iterable[str], cap: int,
              keep: Iterable[str] = ()) -> tuple[list[str], int]:
    """At most ``cap`` of ``nodes``: the ``keep`` ones first, then the most connected.

    Returns the kept nodes and how many were left out.

    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")])
    >>> cap_nodes(G, G.nodes, 2, keep=["d"])
    (['d', 'a'], 2)
    """
    pool = list(dict.fromkeys(nodes))
    pinned = [n for n in dict.fromkeys(keep) if n in G]
    if len(pool) <= cap:
        return pool, 0
    pinned_set = set(pinned)
    rest = sorted((n for n in pool if n not in pinned_set), key=lambda n: (-G.degree(n), str(n)))
    kept = (pinned + rest)[:max(cap, len(pinned))]
    return kept, len(pool) - len(kept)


EXACT_LAYOUT_MAX_NODES = 600  # above this, repulsion is computed against grid-cell centroids


GRAVITY = 3.0  # pulls separate components in, so one stray node does not shrink the rest to a dot


def _fr_exact(pos, adjacency, iterations, gravity=GRAVITY):
    """Fruchterman-Reingold, every pair (O(n²) memory and time per iteration)."""
    import numpy as np

    n = len(pos)
    k = np.float32(np.sqrt(1.0 / n))
    temperature = np.float32(0.1)
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1))
        np.clip(dist, 0.01, None, out=dist)
        force = k * k / (dist * dist) - adjacency * dist / k
        disp = np.einsum("ijk,ij->ik", delta, force)
        disp -= gravity * (pos - pos.mean(axis=0))
        length = np.sqrt((disp ** 2).sum(-1))
        np.clip(length, 0.01, None, out=length)
        pos += disp * (temperature / length)[:, None]
        temperature -= cooling
    return pos


def _fr_grid(pos, src, dst, iterations, cells=24, gravity=GRAVITY):
    """Fruchterman-Reingold with repulsion from the centroids of a cells×cells grid (O(n·cells²))."""
    import numpy as np

    n = len(pos)
    k = np.sqrt(1.0 / n)
    temperature, cooling = 0.1, 0.1 / (iterations + 1)
    for _ in range(iterations):
        low = pos.min(0)
        span = np.maximum(pos.max(0) - low, 1e-9)
        cell = np.minimum(((pos - low) / span * cells).astype(int), cells - 1)
        cid = cell[:, 0] * cells + cell[:, 1]
        mass = np.bincount(cid, minlength=cells * cells).astype(float)
        sum_x = np.bincount(cid, weights=pos[:, 0], minlength=cells * cells)
        sum_y = np.bincount(cid, weights=pos[:, 1], minlength=cells * cells)
        used = mass > 0
        centroids = np.stack([sum_x[used] / mass[used], sum_y[used] / mass[used]], 1)
        delta = pos[:, None, :] - centroids[None, :, :]
        d2 = np.maximum((delta ** 2).sum(-1), 1e-4)
        disp = (delta * (k * k * mass[used] / d2)[:, :, None]).sum(1)
        d = pos[src] - pos[dst]
        pull = d * (np.sqrt(np.maximum((d ** 2).sum(-1), 1e-8)) / k)[:, None]
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        disp -= gravity * (pos - pos.mean(axis=0))
        length = np.maximum(np.sqrt((disp ** 2).sum(-1)), 0.01)
        pos += disp * (temperature / length)[:, None]
        temperature -= cooling
    return pos


def python_layout(G: nx.MultiDiGraph, nodes: Collection[str], iterations: int = 50,
                  seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic positions for a large view, so the browser draws it with physics off.

    Fruchterman-Reingold in numpy: exact up to 600 nodes (0.2 s for 300), then with
    grid-approximated repulsion (under 1 s for 2,000). networkx's spring_layout needs
    scipy above 500 nodes, which the app does not install.

    >>> pos = python_layout(nx.MultiDiGraph([("a", "b"), ("b", "c")]), ["a", "b", "c"])
    >>> sorted(pos), pos == python_layout(nx.MultiDiGraph([("a", "b"), ("b", "c")]), ["a", "b", "c"])
    (['a', 'b', 'c'], True)
    """
    import numpy as np

    order = [n for n in dict.fromkeys(nodes) if n in G]
    n = len(order)
    if n == 0:
        return {}
    if n == 1:
        return {str(order[0]): (0.0, 0.0)}
    index = {node: i for i, node in enumerate(order)}
    pairs = [(index[u], index[v]) for u, v in G.subgraph(order).edges() if u != v]
    pos = np.random.default_rng(seed).random((n, 2))
    if n <= EXACT_LAYOUT_MAX_NODES:
        adjacency = np.zeros((n, n), dtype=np.float32)
        for i, j in pairs:
            adjacency[i, j] = adjacency[j, i] = 1.0
        pos = _fr_exact(pos.astype(np.float32), adjacency, iterations)
    else:
        src = np.array([i for i, _ in pairs], dtype=int)
        dst = np.array([j for _, j in pairs], dtype=int)
        pos = _fr_grid(pos, src, dst, iterations)
    pos -= pos.mean(axis=0)
    radius = np.sqrt((pos ** 2).sum(1))
    typical = float(np.percentile(radius, 95)) or 1.0
    # stragglers (isolated nodes) are brought in to the rim rather than stretching the view
    far = radius > 1.25 * typical
    pos[far] *= (1.25 * typical / radius[far])[:, None]
    scale = 45.0 * math.sqrt(n) / typical  # about one node-width apart on average
    return {str(node): (round(float(x) * scale, 1), round(float(y) * scale, 1))
            for node, (x, y) in zip(order, pos)}


def _clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def node_tooltip(node: str, attrs: Mapping[str, Any], degree: int, neighbours: int | None = None) -> str:
    """Plain-text tooltip for a node (never HTML): ``degree`` relations, ``neighbours`` distinct nodes.

    >>> print(node_tooltip("country:KZ", {"type": "Country", "label_ar": "كازاخستان",
    ...                                   "label_en": "Kazakhstan", "wikidata": "Q232"}, 4, 3))
    كازاخستان — Kazakhstan
    Country · دولة
    3 neighbours · 4 relations · Wikidata Q232
    """
    ar, en = str(attrs.get("label_ar") or ""), str(attrs.get("label_en") or "")
    name = " — ".join(x for x in (ar, en) if x) or str(node)
    kind = str(attrs.get("type") or "")
    lines = [name, f"{type_label(kind, 'en')} · {type_label(kind, 'ar')}" if kind else ""]
    facts = [f"{degree} relation{'s' if degree != 1 else ''}"]
    if neighbours is not None:
        facts.insert(0, f"{neighbours} neighbour{'s' if neighbours != 1 else ''}")
    if attrs.get("wikidata"):
        facts.append(f"Wikidata {attrs['wikidata']}")
    lines.append(" · ".join(facts))
    return "\n".join(line for line in lines if line)


def edge_tooltip(G: nx.MultiDiGraph, u: str, v: str, kind: str, keys: list[Any], lang: str,
                 chars: int = TOOLTIP_SENTENCE_CHARS) -> str:
    """Plain-text tooltip for a drawn edge: the relation and its first piece of evidence."""
    first = G.edges[u, v, keys[0]]
    head = f"{node_name(G.nodes[u], lang, u)} → {type_label(kind, lang, edge=True)} → {node_name(G.nodes[v], lang, v)}"
    lines = [head]
    sentence = first.get("evidence") or ""
    if sentence and chars > 0:
        lines.append(_clip(sentence, chars))
    where = " · ".join(str(x) for x in (first.get("source_title") or first.get("doc"), first.get("date")) if x)
    if where:
        lines.append(where)
    if len(keys) > 1:
        lines.append(f"+ {len(keys) - 1} more (click to see all)")
    return "\n".join(lines)


LABELS_ALWAYS = 60  # this many of the heaviest nodes keep their label at any zoom
LABEL_FULL_SCALE = 1.6  # by this zoom scale every label is drawn


def label_scales(weight: Mapping[str, float]) -> dict[str, float]:
    """The zoom scale from which each node's label is drawn: heavy nodes always, light ones closer in.

    >>> s = label_scales({f"n{i}": float(i) for i in range(100)})
    >>> s["n99"], s["n40"], 0 < s["n39"] < s["n0"] <= LABEL_FULL_SCALE
    (0.0, 0.0, True)
    """
    order = sorted(weight, key=lambda n: (-weight[n], str(n)))
    rest = max(len(order) - LABELS_ALWAYS, 1)
    return {n: 0.0 if i < LABELS_ALWAYS else round(0.3 + (LABEL_FULL_SCALE - 0.3) * (i - LABELS_ALWAYS + 1) / rest, 3)
            for i, n in enumerate(order)}


@dataclass
class Highlight:
    """What to emphasise in a view: the selection and a set of paths."""

    selected: str | None = None
    path_nodes: set[str] = field(default_factory=set)
    path_edges: set[tuple[str, str]] = field(default_factory=set)  # unordered pairs as (min, max)

    @property
    def active(self) -> bool:
        return bool(self.path_nodes)


def _pair(u: str, v: str) -> tuple[str, str]:
    return (u, v) if str(u) <= str(v) else (v, u)


def highlight_for_paths(paths: Iterable[Iterable[str]], selected: str | None = None) -> Highlight:
    """A Highlight covering the nodes and consecutive pairs of each path.

    >>> h = highlight_for_paths([["a", "b", "c"]])
    >>> sorted(h.path_nodes), sorted(h.path_edges)
    (['a', 'b', 'c'], [('a', 'b'), ('b', 'c')])
    """
    nodes: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for path in paths:
        seq = list(path)
        nodes.update(seq)
        pairs.update(_pair(a, b) for a, b in zip(seq, seq[1:]))
    return Highlight(selected=selected, path_nodes=nodes, path_edges=pairs)


def graph_signature(nodes: Iterable[str], edges: Iterable[str]) -> str:
    """A short hash of which nodes and edges are drawn (layout resets only when it changes).

    >>> graph_signature(["a"], []) == graph_signature(["a"], [])
    True
    """
    h = hashlib.sha1()
    for part in sorted(map(str, nodes)):
        h.update(part.encode("utf-8") + b"\0")
    h.update(b"\1")
    for part in sorted(map(str, edges)):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


def vis_payload(G: nx.MultiDiGraph, nodes: Collection[str], *, lang: str = "ar",
                highlight: Highlight | None = None,
                positions: Mapping[str, tuple[float, float]] | None = None,
                height: int = 620, degrees: Mapping[str, int] | None = None,
                neighbours: Mapping[str, int] | None = None,
                weights: Mapping[str, float] | None = None) -> dict[str, Any]:
    """The JSON the graph component draws: nodes, edges, layout mode and a signature.

    ``degrees`` and ``neighbours``: relation and neighbour counts for the tooltips when ``G``
    is only the drawn part of a larger graph (default: degrees in ``G``, no neighbour count).
    ``weights``: what node size follows (default ``node_weight``: mentions). Each node gets
    ``labelAt``, the zoom scale from which the component draws its label (0: always).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("country:KZ", type="Country", label_ar="كازاخستان", label_en="Kazakhstan")
    >>> G.add_node("leader:t", type="Leader", label_ar="توكاييف", label_en="Tokayev")
    >>> _ = G.add_edge("leader:t", "country:KZ", type="leads", evidence="…")
    >>> p = vis_payload(G, G.nodes, lang="en")
    >>> [n["label"] for n in p["nodes"]], [e["label"] for e in p["edges"]], p["layout"]
    (['Kazakhstan', 'Tokayev'], ['leads'], 'physics')
    """
    sch = schema()
    highlight = highlight or Highlight()
    keep = [n for n in nodes if n in G]
    groups = grouped_edges(G, keep)
    degree = {n: (degrees[n] if degrees is not None and n in degrees else G.degree(n)) for n in keep}
    weight = {n: float(weights[n]) if weights is not None and n in weights else node_weight(G, n) for n in keep}
    max_weight = max(weight.values(), default=1.0) or 1.0
    label_at = label_scales(weight)
    out_nodes = []
    for n in keep:
        attrs = G.nodes[n]
        kind = str(attrs.get("type") or "")
        spec = sch.node_types.get(kind)
        color = spec.color if spec else DEFAULT_COLOR
        shape = spec.shape if spec else "dot"
        dim = highlight.active and n not in highlight.path_nodes
        on_path = highlight.active and n in highlight.path_nodes
        inside = shape in LABEL_INSIDE_SHAPES
        fill = _mix(color, "#ffffff", 0.55) if inside else color
        record: dict[str, Any] = {
            "id": str(n),
            "label": isolate(node_name(attrs, lang, str(n))),
            "title": node_tooltip(n, attrs, degree[n], neighbours.get(n) if neighbours is not None else None),
            "labelAt": label_at[n],
            "shape": shape,
            "color": {
                "background": _rgba(fill, 0.25) if dim else fill,
                "border": _rgba(color, 0.3) if dim else ("#111111" if on_path else _mix(color, "#000000", 0.3)),
                "highlight": {"background": fill, "border": "#111111"},
                "hover": {"background": fill, "border": "#111111"},
            },
            "borderWidth": 3 if on_path else 1,
            "font": {"color": "rgba(31,31,36,0.35)" if dim else "#1f1f24"},
        }
        if inside:
            record["margin"] = 6
            record["widthConstraint"] = {"maximum": 150}
            record["font"]["size"] = 16
        else:
            record["size"] = round(11 + 13 * math.sqrt(weight[n] / max_weight), 1)
        if positions and n in positions:
            record["x"], record["y"] = positions[n]
        out_nodes.append(record)
    out_edges = []
    chars = TOOLTIP_SENTENCE_CHARS if len(keep) <= BIG_VIEW_NODES else BIG_VIEW_TOOLTIP_CHARS
    for (u, v, kind), keys in groups.items():
        spec = sch.edge_types.get(kind)
        color = spec.color if spec else DEFAULT_COLOR
        directed = spec.directed if spec else True
        on_path = highlight.active and _pair(u, v) in highlight.path_edges
        dim = highlight.active and not on_path
        label = isolate(type_label(kind, lang, edge=True))
        if len(keys) > 1:  # the count outside the isolate: on the label's right, as in English
            label = f"{label} ×{len(keys)}"
        out_edges.append({
            "id": edge_id(u, v, kind),
            "from": str(u),
            "to": str(v),
            "label": label,
            "title": edge_tooltip(G, u, v, kind, keys, lang, chars),
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.55}},
            "color": {"color": _rgba(color, 0.18) if dim else _mix(color, "#000000", 0.15),
                      "highlight": "#111111", "hover": _mix(color, "#000000", 0.4)},
            "width": 4 if on_path else 1.5 + 0.5 * min(len(keys) - 1, 4),
            "font": {"color": "rgba(85,85,95,0.3)" if dim else "#55555f"},
        })
    layout = "fixed" if positions else "physics"
    return {
        "signature": graph_signature((r["id"] for r in out_nodes), (r["id"] for r in out_edges)),
        "nodes": out_nodes,
        "edges": out_edges,
        "layout": layout,
        "selected": highlight.selected if highlight.selected in G else None,
        "height": int(height),
    }


def legend_entries(G: nx.MultiDiGraph, nodes: Iterable[str], lang: str = "ar") -> list[dict[str, str]]:
    """The node types drawn, in schema order, with colour, shape and label.

    >>> G = nx.MultiDiGraph(); G.add_node("x", type="Country")
    >>> legend_entries(G, ["x"], "en")
    [{'type': 'Country', 'label': 'Country', 'color': '#d62728', 'shape': 'dot', 'count': '1'}]
    """
    counts: dict[str, int] = defaultdict(int)
    for n in nodes:
        counts[str(G.nodes[n].get("type") or "")] += 1
    out = []
    for name, spec in schema().node_types.items():
        if counts.get(name):
            out.append({"type": name, "label": spec.label_en if lang == "en" else spec.label_ar,
                        "color": spec.color, "shape": spec.shape, "count": str(counts[name])})
    return out
