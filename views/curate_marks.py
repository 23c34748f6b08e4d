"""How corrected nodes and edges look: a dashed border or line, a marker after the label, and
the correction (confirmed, note, merged spellings) in the tooltip and the panel.

``silkgraph.curation`` leaves ``curated``, ``note``, ``merged`` and ``confirmed`` on what it
changed; these functions read only those attributes, so a graph file curated elsewhere
(``silkgraph curate``) is marked the same way.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from silkgraph.views.payload import parse_edge_id

NODE_MARK = "✎"  # after the label of a corrected node
CONFIRMED_MARK = "✓"
NOTE_MARK = "✎"
CURATED_BORDER = "#6a1b9a"
NODE_DASHES = [4, 4]
EDGE_DASHES = [10, 5]


def node_mark(data: dict[str, Any]) -> list[str]:
    """What was corrected on a node, one line each ([] when nothing was).

    >>> node_mark({"curated": True, "note": "تحقق من الاسم", "merged": ["city:nur-sultan"]})
    ['✎ corrected by hand', 'note: تحقق من الاسم', 'merged into it: city:nur-sultan']
    >>> node_mark({"label": "x"})
    []
    """
    if not data.get("curated"):
        return []
    lines = [f"{NODE_MARK} corrected by hand"]
    if data.get("note"):
        lines.append(f"note: {data['note']}")
    if data.get("merged"):
        lines.append("merged into it: " + ", ".join(map(str, data["merged"])))
    return lines


def edge_mark(data: dict[str, Any]) -> str:
    """A short mark for a corrected edge ("" when it was not).

    >>> edge_mark({"curated": True, "confirmed": True, "note": "seen in two sources"})
    '✓ confirmed · ✎ seen in two sources'
    >>> edge_mark({"curated": True, "note": "x"}), edge_mark({})
    ('✎ x', '')
    """
    if not data.get("curated"):
        return ""
    parts = [f"{CONFIRMED_MARK} confirmed"] if data.get("confirmed") else []
    if data.get("note"):
        parts.append(f"{NOTE_MARK} {data['note']}")
    return " · ".join(parts) or f"{NOTE_MARK} corrected"


def edges_mark(G: nx.MultiDiGraph, edges: Iterable[dict[str, Any]]) -> str:
    """" · ✓ 2 · ✎ 1": how many of these edges (u, v, key) were confirmed and corrected otherwise.

    >>> G = nx.MultiDiGraph(); _ = G.add_edge("a", "b", "k1", curated=True, confirmed=True); _ = G.add_edge("a", "b", "k2")
    >>> edges_mark(G, [{"u": "a", "v": "b", "key": "k1"}, {"u": "a", "v": "b", "key": "k2"}]), edges_mark(G, [])
    (' · ✓ 1', '')
    """
    found = [G.edges[e["u"], e["v"], e["key"]] for e in edges if G.has_edge(e["u"], e["v"], e["key"])]
    confirmed = sum(1 for d in found if d.get("confirmed"))
    other = sum(1 for d in found if d.get("curated") and not d.get("confirmed"))
    return "".join(f" · {mark} {n}" for mark, n in ((CONFIRMED_MARK, confirmed), (NOTE_MARK, other)) if n)


def drawn_edges(G: nx.MultiDiGraph, drawn_id: str) -> Iterable[dict[str, Any]]:
    """The edges of ``G`` a drawn edge stands for (one relation type, or a whole pair)."""
    from silkgraph.views.panel import ANY_TYPE

    parsed = parse_edge_id(drawn_id)
    if parsed is None:
        return []
    u, v, kind = parsed
    pairs = ((u, v), (v, u)) if kind == ANY_TYPE else ((u, v),)
    return [d for a, b in pairs for d in G.get_edge_data(a, b, default={}).values()
            if kind == ANY_TYPE or d.get("type") == kind]


def mark_curated(data: dict[str, Any], G: nx.MultiDiGraph) -> dict[str, Any]:
    """Mark the corrected nodes and edges of a component payload (``vis_payload``) in place.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> from silkgraph.views.payload import vis_payload
    >>> G = build_graph(sample_extractions())
    >>> G.nodes["country:KZ"].update(curated=True, note="checked")
    >>> p = mark_curated(vis_payload(G, G.nodes, lang="en"), G)
    >>> kz = [n for n in p["nodes"] if n["id"] == "country:KZ"][0]
    >>> kz["label"], kz["shapeProperties"], kz["title"].splitlines()[-1]
    ('Kazakhstan ✎', {'borderDashes': [4, 4]}, 'note: checked')
    """
    # every record says whether it is marked: the component updates drawn items in place, so a
    # mark taken back (undo) must be switched off, not left out
    for record in data.get("nodes", []):
        lines = node_mark(G.nodes[record["id"]]) if record["id"] in G else []
        record.update(curated=False, shapeProperties={"borderDashes": False})
        if not lines:
            continue
        record["label"] = f"{record['label']} {NODE_MARK}"
        record["title"] = "\n".join([record.get("title", ""), *lines])
        record["shapeProperties"] = {"borderDashes": NODE_DASHES}
        record["borderWidth"] = max(3, record.get("borderWidth", 1))
        color = record.get("color", {})
        record["color"] = {**color, "border": CURATED_BORDER,  # selected or not, the mark stays
                           **{k: {**color.get(k, {}), "border": CURATED_BORDER} for k in ("highlight", "hover")}}
        record["curated"] = True
    for record in data.get("edges", []):
        marks = list(dict.fromkeys(m for m in map(edge_mark, drawn_edges(G, record["id"])) if m))
        record.update(curated=False, dashes=False)
        if not marks:
            continue
        marker = CONFIRMED_MARK if all(m.startswith(CONFIRMED_MARK) for m in marks) else NOTE_MARK
        record["label"] = f"{record['label']} {marker}"
        record["title"] = "\n".join([record.get("title", ""), *marks])
        record["dashes"] = EDGE_DASHES
        record["curated"] = True
    return data
