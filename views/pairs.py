"""One drawn line per pair of nodes, however many relations join them.

``silkgraph.views.payload`` draws one line per (source, target, relation type). Between a leader
and a country there may be leads, visited and met, each repeated per article: drawn
apart they are a fan of overlapping lines. ``merge_pairs`` folds every line between the
same two nodes into one, labelled with its relation types and the total count; a click
on it opens every relation of the pair (``silkgraph.views.panel``, drawn id kind ``ANY_TYPE``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from silkgraph.views.panel import ANY_TYPE
from silkgraph.views.payload import edge_id, parse_edge_id

_COUNT = re.compile(r" ×(\d+)$")


def line_count(label: str) -> tuple[str, int]:
    """A drawn label without its count, and the count (1 when it has none).

    >>> line_count("visited ×3"), line_count("met")
    (('visited', 3), ('met', 1))
    """
    m = _COUNT.search(label)
    return (label[:m.start()], int(m.group(1))) if m else (label, 1)


def merge_pairs(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The drawn edges with every pair's lines folded into one (a pair of one line is kept).

    >>> lines = [{"id": edge_id("a", "b", "met"), "from": "a", "to": "b", "label": "met ×2", "title": "a met b",
    ...           "arrows": {"to": {"enabled": False}}, "width": 2.0, "color": {}, "font": {}},
    ...          {"id": edge_id("b", "a", "visited"), "from": "b", "to": "a", "label": "visited", "title": "b visited a",
    ...           "arrows": {"to": {"enabled": True}}, "width": 1.5, "color": {}, "font": {}}]
    >>> [(e["label"], e["from"], e["to"]) for e in merge_pairs(lines)]
    [('met · visited ×3', 'a', 'b')]
    """
    groups: dict[frozenset, list[dict[str, Any]]] = defaultdict(list)
    for e in edges:
        groups[frozenset((e["from"], e["to"]))].append(e)
    out = []
    for lines in groups.values():
        if len(lines) == 1:
            out.append(lines[0])
            continue
        first = lines[0]
        a, b = first["from"], first["to"]
        labels, total = [], 0
        for e in lines:
            label, n = line_count(e["label"])
            labels.append(label)
            total += n
        forward = all(e["from"] == a for e in lines)
        backward = all(e["from"] == b for e in lines)
        directed = all(e["arrows"]["to"]["enabled"] for e in lines)
        kinds = sorted({(parse_edge_id(e["id"]) or ("", "", ""))[2] for e in lines})
        out.append({**first,
                    "id": edge_id(a, b, ANY_TYPE),
                    "label": f"{' · '.join(labels)} ×{total}",
                    "title": "\n".join(e["title"].split("\n")[0] for e in lines)
                             + f"\n{total} relations ({', '.join(kinds)}): click to see all",
                    "arrows": {"to": {**first["arrows"]["to"], "enabled": directed and forward},
                               "from": {**first["arrows"]["to"], "enabled": directed and backward}},
                    "width": max(max(e["width"] for e in lines), min(1.5 + 0.5 * (total - 1), 3.5)),
                    "pair": len(lines)})
    return out
