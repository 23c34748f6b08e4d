"""Exports of a drawn view: the positions, colours, sizes and labels the canvas shows, as SVG,
GraphML or GEXF, so a browser, Gephi or another tool opens the same picture.

A ``Drawing`` is what the canvas reports (``silkgraph.views.drawing`` collects it): node
positions in canvas coordinates (x to the right, y down, as vis-network gives them), and the
drawn labels and sizes. Colours and shapes come from the schema (``silkgraph/schema.toml``) by
node and edge type, never from the page.

- GEXF 1.3: ``viz:position`` (x, -y, 0), ``viz:color`` (r, g, b), ``viz:size`` on nodes,
  ``viz:color`` on edges, the drawn label as the node label.
- GraphML: node attributes ``x``, ``y``, ``size``, ``r``, ``g``, ``b`` and ``label`` and edge
  ``r``, ``g``, ``b`` and ``label``: the names Gephi's GraphML importer reads as positions,
  colours and labels (it matches a key by its id, then by its name). Key ids are ``k0``,
  ``k1``... rather than networkx's ``d0``, ``d1``...: Gephi takes a node key with id ``d3`` for
  the label and an edge key with id ``d7`` for the edge label, whatever their names.
- y is negated in GraphML and GEXF: Gephi's y axis points up, the canvas's down, so the file
  opens the right way up (sigma.js and vis-network negate it again when they read Gephi files).
- SVG: see ``silkgraph.graph.svg``.

Every other attribute is written as ``silkgraph.graph.export.write_graph`` writes it.
"""
from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from silkgraph.graph.export import sanitize_graph
from silkgraph.schema import schema

SUFFIXES = (".svg", ".graphml", ".gexf")
MIME = {".svg": "image/svg+xml", ".graphml": "application/graphml+xml", ".gexf": "application/xml"}
DEFAULT_SIZE = 25.0  # vis-network's size of a node that sets none
# networkx 3.6 writes this (wrong) XML Schema instance namespace into GEXF 1.3 files
_BAD_XSI = 'xmlns:xsi="http://w3.org/2001/XMLSchema-instance"'
_XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


@dataclass(frozen=True)
class Drawing:
    """A drawn view: ``positions`` in canvas coordinates, the drawn ``labels`` and ``sizes``
    (defaults: the node's label in ``lang``, ``DEFAULT_SIZE``)."""

    positions: Mapping[str, tuple[float, float]]
    labels: Mapping[str, str] = field(default_factory=dict)
    sizes: Mapping[str, float] = field(default_factory=dict)
    lang: str = "ar"

    def label(self, node: str, attrs: Mapping[str, Any]) -> str:
        """The label drawn for ``node``.

        >>> Drawing({}, lang="en").label("n", {"label_ar": "الصين", "label_en": "China"})
        'China'
        >>> Drawing({}, labels={"n": "الصين"}).label("n", {})
        'الصين'
        """
        if node in self.labels:
            return str(self.labels[node])
        ar, en = str(attrs.get("label_ar") or ""), str(attrs.get("label_en") or "")
        return (en or ar if self.lang == "en" else ar or en) or str(attrs.get("label") or node)

    def size(self, node: str) -> float:
        return float(self.sizes.get(node) or DEFAULT_SIZE)


def type_color(kind: str, edge: bool = False) -> str | None:
    """The schema colour of a node or edge type (``#rrggbb``); None for a type it lacks.

    >>> type_color("Country"), type_color("signed", edge=True), type_color("Nothing")
    ('#d62728', '#17becf', None)
    """
    spec = (schema().edge_types if edge else schema().node_types).get(kind)
    return spec.color if spec else None


def type_shape(kind: str) -> str:
    """The schema's vis-network shape of a node type (``dot`` for a type it lacks).

    >>> type_shape("Leader"), type_shape("Nothing")
    ('diamond', 'dot')
    """
    spec = schema().node_types.get(kind)
    return spec.shape if spec else "dot"


def rgb(color: str | None) -> tuple[int, int, int] | None:
    """``#rrggbb`` as three integers; None when it is not one.

    >>> rgb("#d62728"), rgb("red")
    ((214, 39, 40), None)
    """
    if not color or not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        return None
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def edge_label(kind: str, lang: str) -> str:
    """The schema label of a relation type in ``lang`` (the type itself when unknown).

    >>> edge_label("visited", "en"), edge_label("visited", "ar"), edge_label("odd", "en")
    ('visited', 'زار', 'odd')
    """
    spec = schema().edge_types.get(kind)
    if spec is None:
        return kind
    return spec.label_en if lang == "en" else spec.label_ar


def drawn_graph(G: nx.MultiDiGraph, drawing: Drawing) -> nx.MultiDiGraph:
    """A copy of ``G`` ready to write (``sanitize_graph``) whose nodes also carry the drawing:
    ``x``, ``y`` (negated: y up), ``size``, ``r``, ``g``, ``b`` and ``label``; edges ``r``,
    ``g``, ``b`` and ``label``. A node the drawing has no position for gets none.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("country:KZ", type="Country", label_ar="كازاخستان", label_en="Kazakhstan")
    >>> G.add_node("country:CN", type="Country", label_ar="الصين")
    >>> _ = G.add_edge("country:KZ", "country:CN", key="k", type="signed")
    >>> H = drawn_graph(G, Drawing({"country:KZ": (-120.5, 40.0)}, sizes={"country:KZ": 14}))
    >>> {k: H.nodes["country:KZ"][k] for k in ("x", "y", "size", "r", "g", "b", "label")}
    {'x': -120.5, 'y': -40.0, 'size': 14.0, 'r': 214, 'g': 39, 'b': 40, 'label': 'كازاخستان'}
    >>> "x" in H.nodes["country:CN"], H.edges["country:KZ", "country:CN", "k"]["label"]
    (False, 'وقّع')
    """
    H = sanitize_graph(G, xml=True)
    for n, d in H.nodes(data=True):
        d["label"] = drawing.label(n, d)
        color = rgb(type_color(str(d.get("type") or "")))
        if color:
            d["r"], d["g"], d["b"] = color
        if n in drawing.positions:
            x, y = drawing.positions[n]
            d["x"], d["y"] = float(x), -float(y) + 0.0  # + 0.0: no -0.0 in the file
            d["size"] = drawing.size(n)
    for *_, d in H.edges(keys=True, data=True):
        kind = str(d.get("type") or "")
        color = rgb(type_color(kind, edge=True))
        if color:
            d["r"], d["g"], d["b"] = color
        d["label"] = edge_label(kind, drawing.lang)
    return H


def _gexf_graph(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The GEXF form of a ``drawn_graph``: the drawing in ``viz``, the edge type as ``relation``."""
    X = nx.MultiDiGraph()
    for n, d in H.nodes(data=True):
        d = dict(d)
        viz: dict[str, Any] = {}
        if "r" in d:
            viz["color"] = {"r": d.pop("r"), "g": d.pop("g"), "b": d.pop("b"), "a": 1.0}
        if "x" in d:
            viz["position"] = {"x": d.pop("x"), "y": d.pop("y"), "z": 0.0}
            viz["size"] = d.pop("size")
        if viz:
            d["viz"] = viz
        X.add_node(n, **d)
    for u, v, k, d in H.edges(keys=True, data=True):
        d = dict(d)
        if "r" in d:
            d["viz"] = {"color": {"r": d.pop("r"), "g": d.pop("g"), "b": d.pop("b"), "a": 1.0}}
        if "type" in d:
            d["relation"] = d.pop("type")
        d["id"] = k
        X.add_edge(u, v, key=k, **d)
    return X


_KEY_ID = re.compile(r'(<key id="|<data key=")d(\d+)"')


def graphml_bytes(H: nx.MultiDiGraph) -> bytes:
    """``H`` as GraphML whose key ids are ``k0``, ``k1``... (see the module docstring).

    >>> H = nx.MultiDiGraph(); H.add_node("a", x=1.0)
    >>> text = graphml_bytes(H).decode("utf-8")
    >>> '<key id="k0" for="node" attr.name="x"' in text, '<data key="k0">1.0</data>' in text
    (True, True)
    """
    out = io.BytesIO()
    nx.write_graphml(H, out, encoding="utf-8", prettyprint=True)
    return _KEY_ID.sub(lambda m: f'{m[1]}k{m[2]}"', out.getvalue().decode("utf-8")).encode("utf-8")


def gexf_bytes(H: nx.MultiDiGraph) -> bytes:
    """A ``drawn_graph`` as GEXF 1.3 with ``viz`` positions, colours and sizes.

    >>> H = drawn_graph(nx.MultiDiGraph([("a", "b")]), Drawing({"a": (3.0, 4.0)}))
    >>> text = gexf_bytes(H).decode("utf-8")
    >>> 'version="1.3"' in text, '<viz:position x="3.0" y="-4.0" z="0.0" />' in text
    (True, True)
    """
    out = io.BytesIO()
    nx.write_gexf(_gexf_graph(H), out, encoding="utf-8", prettyprint=True, version="1.3")
    return out.getvalue().decode("utf-8").replace(_BAD_XSI, _XSI, 1).encode("utf-8")


def drawing_bytes(G: nx.MultiDiGraph, drawing: Drawing, suffix: str,
                  lines: list[Any] | None = None) -> bytes:
    """The drawn view ``G`` as ``.svg``, ``.graphml`` or ``.gexf`` bytes; ``lines``: the drawn
    edges for the SVG (``silkgraph.graph.svg.Line``; default one per pair and type).

    >>> G = nx.MultiDiGraph(); G.add_node("country:KZ", type="Country", label_ar="كازاخستان")
    >>> drawing_bytes(G, Drawing({"country:KZ": (0, 0)}), ".svg")[:4]
    b'<svg'
    >>> drawing_bytes(G, Drawing({}), ".png")
    Traceback (most recent call last):
    ...
    ValueError: cannot export the drawn view as '.png': supported: .svg, .graphml, .gexf
    """
    if suffix not in SUFFIXES:
        raise ValueError(f"cannot export the drawn view as {suffix!r}: supported: {', '.join(SUFFIXES)}")
    if suffix == ".svg":
        from silkgraph.graph.svg import view_svg

        return view_svg(G, drawing, lines).encode("utf-8")
    H = drawn_graph(G, drawing)
    return graphml_bytes(H) if suffix == ".graphml" else gexf_bytes(H)
