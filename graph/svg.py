"""The drawn view as an SVG image: the canvas's positions, sizes and labels, the schema's
colours and shapes, Arabic labels right to left.

The image holds every drawn node at its canvas position (x right, y down; the SVG keeps
the canvas's coordinates), not only the part the canvas was scrolled to. Each label is a
``<text>`` with ``direction="rtl"`` and ``xml:lang="ar"`` when it is Arabic (``ltr`` and ``en``
otherwise) in the canvas's fonts (Noto Naskh Arabic first), so a browser shapes and orders
it; a count after an Arabic label (``يقود ×2``) stays on its right, as on the canvas. Nodes are ``<g class="node" data-id=...>`` with a ``<title>`` (the tooltip), edges
``<line>`` elements with an arrow per directed relation. Article text is escaped: nothing
in a label can become markup.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from silkgraph.corpus.language import is_arabic
from silkgraph.graph.drawing import DEFAULT_SIZE, Drawing, edge_label, type_color, type_shape
from silkgraph.schema import schema

FONT = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif"
NODE_FONT, INSIDE_FONT, EDGE_FONT = 20, 16, 14  # as graph_view.js and views/payload.py draw them
TEXT, EDGE_TEXT, HALO, PAPER = "#1f1f24", "#55555f", "#ffffff", "#ffffff"
UNTYPED_FILL, UNTYPED_STROKE = "#ffffff", "#55555f"  # a node whose type the schema lacks
INSIDE = {"box", "ellipse", "database", "circle", "text"}  # shapes that hold their label
MARGIN = 40.0
_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u200e\u200f"))


@dataclass(frozen=True)
class Line:
    """A drawn edge: its ends, relation types (the first gives the colour), label and arrows."""

    source: str
    target: str
    kinds: tuple[str, ...]
    label: str
    forward: bool = True
    backward: bool = False


def plain_label(text: str) -> str:
    """A drawn label without the bidi isolates the canvas needs (SVG text gets ``direction``).

    >>> plain_label("\\u2067الصين\\u2069 ×2")
    'الصين ×2'
    """
    return str(text).translate(_ISOLATES)


def default_lines(G: nx.MultiDiGraph, lang: str = "ar") -> list[Line]:
    """One line per (source, target, relation type), labelled with the count when repeated.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", type="visited"); _ = G.add_edge("a", "b", type="visited")
    >>> default_lines(G, "en")
    [Line(source='a', target='b', kinds=('visited',), label='visited ×2', forward=True, backward=False)]
    """
    groups: dict[tuple[str, str, str], int] = {}
    for u, v, kind in G.edges(data="type", default=""):
        groups[(str(u), str(v), str(kind))] = groups.get((str(u), str(v), str(kind)), 0) + 1
    out = []
    for (u, v, kind), n in groups.items():
        spec = schema().edge_types.get(kind)
        label = edge_label(kind, lang) + (f" ×{n}" if n > 1 else "")
        out.append(Line(u, v, (kind,), label, spec.directed if spec else True))
    return out


_COUNTED = re.compile(r"^(.*\S)( ×\d+)$")  # a label with its count: "يقود ×2"


def _text(x: float, y: float, text: str, size: int, color: str, baseline: str = "middle",
          css: str = "label") -> str:
    """One label: right to left when Arabic; a count after an Arabic label stays on its right,
    as on the canvas: the label in a right-to-left isolate (U+2067 … U+2069) in a left-to-right
    line (an embedding is not enough: the Arabic letters would make the count's digits Arabic
    numbers, which run right to left with them)."""
    counted = _COUNTED.match(text)
    rtl = is_arabic(text)
    body = escape(text)
    if counted and rtl:
        body = f"\u2067{escape(counted[1])}\u2069{escape(counted[2])}"
    direction = "rtl" if rtl and not counted else "ltr"
    return (f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{color}" '
            f'text-anchor="middle" dominant-baseline="{baseline}" direction="{direction}" '
            f'xml:lang="{"ar" if rtl else "en"}" stroke="{HALO}" stroke-width="4" paint-order="stroke" '
            f'stroke-linejoin="round">{body}</text>')


def _polygon(x: float, y: float, r: float, corners: int, start: float, inner: float = 0.0) -> str:
    points = []
    steps = corners * (2 if inner else 1)
    for i in range(steps):
        radius = inner * r if inner and i % 2 else r
        angle = start + 2 * math.pi * i / steps
        points.append(f"{x + radius * math.cos(angle):.1f},{y + radius * math.sin(angle):.1f}")
    return f'points="{" ".join(points)}"'


def _label_box(text: str, font: int) -> tuple[float, float]:
    """About the size of ``text`` at ``font`` px, for the shapes that hold their label."""
    return max(len(text), 1) * font * 0.55 + 12, font * 1.3 + 12


def node_shape(shape: str, x: float, y: float, r: float, label: str, fill: str, stroke: str) -> str:
    """The SVG element of one node shape (vis-network's shapes; the label-holding ones sized
    to their label).

    >>> node_shape("dot", 0, 0, 10, "", "#d62728", "#000000")
    '<circle cx="0.0" cy="0.0" r="10.0" fill="#d62728" stroke="#000000" stroke-width="1"/>'
    """
    paint = f'fill="{fill}" stroke="{stroke}" stroke-width="1"'
    if shape in ("box", "database", "text"):
        w, h = _label_box(label, INSIDE_FONT)
        rx = 4 if shape == "box" else h / 3
        if shape == "text":
            paint = 'fill="none" stroke="none"'
        return f'<rect x="{x - w / 2:.1f}" y="{y - h / 2:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{rx:.1f}" {paint}/>'
    if shape in ("ellipse", "circle"):
        w, h = _label_box(label, INSIDE_FONT)
        ry = h / 2 if shape == "ellipse" else w / 2
        return f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="{w / 2 + 6:.1f}" ry="{ry + 2:.1f}" {paint}/>'
    if shape == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {paint}/>'
    corners = {"diamond": (4, -math.pi / 2, 0.0), "triangle": (3, -math.pi / 2, 0.0),
               "triangleDown": (3, math.pi / 2, 0.0), "hexagon": (6, 0.0, 0.0), "star": (5, -math.pi / 2, 0.45)}
    if shape in corners:
        n, start, inner = corners[shape]
        return f'<polygon {_polygon(x, y, r * (1.15 if shape.startswith("triangle") else 1.0), n, start, inner)} {paint}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}/>'


def _darker(color: str, t: float = 0.3) -> str:
    h = color.lstrip("#")
    return "#" + "".join(f"{round(int(h[i:i + 2], 16) * (1 - t)):02x}" for i in (0, 2, 4))


def _lighter(color: str, t: float = 0.55) -> str:
    h = color.lstrip("#")
    return "#" + "".join(f"{round(int(h[i:i + 2], 16) + (255 - int(h[i:i + 2], 16)) * t):02x}" for i in (0, 2, 4))


def view_svg(G: nx.MultiDiGraph, drawing: Drawing, lines: Iterable[Line] | None = None,
             title: str = "silkgraph view") -> str:
    """The drawn nodes of ``G`` (those with a position) and the lines between them, as SVG text.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("country:KZ", type="Country", label_ar="كازاخستان")
    >>> G.add_node("leader:t", type="Leader", label_ar="توكاييف")
    >>> _ = G.add_edge("leader:t", "country:KZ", type="leads")
    >>> svg = view_svg(G, Drawing({"country:KZ": (0, 0), "leader:t": (100, 50)}))
    >>> svg.count('class="node"'), svg.count("<line"), 'direction="rtl"' in svg, 'fill="#d62728"' in svg
    (2, 1, True, True)
    """
    pos = {str(n): (float(x), float(y)) for n, (x, y) in drawing.positions.items() if n in G}
    nodes = [n for n in G.nodes if str(n) in pos]
    lines = list(default_lines(G, drawing.lang) if lines is None else lines)
    if pos:
        reach = max((drawing.size(n) for n in nodes), default=DEFAULT_SIZE) + NODE_FONT * 2 + MARGIN
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        left, top = min(xs) - reach * 2, min(ys) - reach
        width, height = max(xs) - min(xs) + reach * 4, max(ys) - min(ys) + reach * 2
    else:
        left, top, width, height = 0.0, 0.0, 200.0, 100.0
    colours = sorted({type_color(line.kinds[0] if line.kinds else "", edge=True) or UNTYPED_STROKE for line in lines})
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" '
           f'width="{width:.0f}" height="{height:.0f}" font-family="{FONT}">',
           f"<title>{escape(title)}</title>",
           f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{PAPER}"/>',
           "<defs>"]
    marker = {}
    for i, colour in enumerate(colours):
        marker[colour] = f"arrow{i}"
        out.append(f'<marker id="arrow{i}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
                   f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{_darker(colour, 0.15)}"/></marker>')
    out += ["</defs>", '<g class="edges">']
    for line in lines:
        if line.source not in pos or line.target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[line.source], pos[line.target]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        a, b = drawing.size(line.source) + 2, drawing.size(line.target) + 2
        colour = type_color(line.kinds[0] if line.kinds else "", edge=True) or UNTYPED_STROKE
        arrows = (f' marker-end="url(#{marker[colour]})"' if line.forward else "") + \
                 (f' marker-start="url(#{marker[colour]})"' if line.backward else "")
        out.append(f'<line class="edge" data-kinds={quoteattr(" ".join(line.kinds))} x1="{x1 + ux * a:.1f}" '
                   f'y1="{y1 + uy * a:.1f}" x2="{x2 - ux * b:.1f}" y2="{y2 - uy * b:.1f}" '
                   f'stroke="{_darker(colour, 0.15)}" stroke-width="1.5"{arrows}/>')
        if line.label:
            out.append(_text((x1 + x2) / 2, (y1 + y2) / 2, plain_label(line.label), EDGE_FONT, EDGE_TEXT, css="edge-label"))
    out += ["</g>", '<g class="nodes">']
    for n in nodes:
        attrs = G.nodes[n]
        x, y = pos[str(n)]
        kind = str(attrs.get("type") or "")
        colour, shape = type_color(kind), type_shape(kind)
        label = plain_label(drawing.label(str(n), attrs))
        inside = shape in INSIDE
        fill = (_lighter(colour) if inside else colour) if colour else UNTYPED_FILL
        stroke = _darker(colour) if colour else UNTYPED_STROKE
        r = drawing.size(str(n))
        out.append(f'<g class="node" data-id={quoteattr(str(n))} data-type={quoteattr(kind)}>'
                   f"<title>{escape(label)}</title>{node_shape(shape, x, y, r, label, fill, stroke)}")
        if inside:
            out.append(_text(x, y, label, INSIDE_FONT, TEXT))
        elif label:
            out.append(_text(x, y + r + 4, label, NODE_FONT, TEXT, baseline="hanging"))
        out.append("</g>")
    out += ["</g>", "</svg>"]
    return "\n".join(out) + "\n"

