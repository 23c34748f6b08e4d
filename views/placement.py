"""Node positions of the view: reported by the canvas, kept in view URLs and saved views, put back.

The graph component reports where it drew every node once a layout settles (or the view
first leaves the opening one, whose layout is the same every time) and after the reader drags nodes (``{"pos": {id: [x, y]}, "moved": bool, "placed": stamp}`` in its state).
A view URL or a saved view carries them as ``pos`` (``encode_positions``: compressed JSON,
a few kilobytes for 300 nodes). A view opened from one asks for a *placement*: the page
draws those positions, with physics off, until the view has changed so much that fewer
than half of the drawn nodes have a known place; then the layout is the page's own again.
Pinned nodes (``silkgraph.views.view_edits``) are drawn fixed at their last known place.
"""
from __future__ import annotations

import base64
import binascii
import json
import math
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
import streamlit as st

PLACE_KEY = "_place"  # session state: {"stamp": int, "pos": {id: (x, y)}} while a placement holds
MIN_KNOWN_SHARE = 0.5  # below this share of drawn nodes with a known place, the placement ends
MAX_POSITIONS_BYTES = 2_000_000  # a decoded ``pos`` larger than this is refused
PIN_BORDER = [6, 3]  # dashes of a pinned node's border


def encode_positions(pos: Mapping[str, Sequence[float]]) -> str:
    """Positions as URL-safe text: rounded, as JSON, compressed, base64url.

    >>> text = encode_positions({"country:KZ": (10.4, -3.6), "leader:t": (0, 7)})
    >>> decode_positions(text)
    {'country:KZ': (10, -4), 'leader:t': (0, 7)}
    """
    data = {str(k): [round(float(x)), round(float(y))] for k, (x, y) in sorted(pos.items())}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


def decode_positions(text: str) -> dict[str, tuple[float, float]]:
    """``encode_positions``'s text back; ``ValueError`` when it is not such text.

    >>> decode_positions("not positions")
    Traceback (most recent call last):
    ...
    ValueError: not a positions parameter
    """
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_POSITIONS_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:  # too large, or cut short
            raise ValueError("not whole")
        data = json.loads(raw.decode("utf-8"))
        out = {str(k): (float(v[0]), float(v[1])) for k, v in data.items()}
    except (ValueError, binascii.Error, zlib.error, TypeError, IndexError, AttributeError, UnicodeDecodeError):
        raise ValueError("not a positions parameter") from None
    if not all(math.isfinite(c) for p in out.values() for c in p):
        raise ValueError("not a positions parameter")
    return {k: (int(x) if x.is_integer() else x, int(y) if y.is_integer() else y) for k, (x, y) in out.items()}


def place_nodes(nodes: Iterable[str], known: Mapping[str, Sequence[float]],
                neighbours: Mapping[str, Iterable[str]], gap: float = 70.0) -> dict[str, tuple[float, float]]:
    """A position for every node: its known one, else beside its placed neighbours, else on a
    ring around the known ones (deterministic: the same input gives the same places).

    >>> place_nodes(["a", "b", "c"], {"a": (0, 0)}, {"b": ["a"], "c": []})
    {'a': (0.0, 0.0), 'b': (70.0, 0.0), 'c': (-103.2, 94.6)}
    """
    nodes = list(dict.fromkeys(nodes))
    out = {n: (float(known[n][0]), float(known[n][1])) for n in nodes if n in known}
    placed = list(out.values())
    cx = sum(p[0] for p in placed) / len(placed) if placed else 0.0
    cy = sum(p[1] for p in placed) / len(placed) if placed else 0.0
    reach = max((math.dist((cx, cy), p) for p in placed), default=0.0) + 2 * gap
    golden = math.pi * (3 - math.sqrt(5))
    for i, n in enumerate(n for n in nodes if n not in out):
        anchors = [out[m] for m in neighbours.get(n, ()) if m in out]
        angle = i * golden
        if anchors:
            ax, ay = sum(p[0] for p in anchors) / len(anchors), sum(p[1] for p in anchors) / len(anchors)
            out[n] = (round(ax + gap * math.cos(angle), 1), round(ay + gap * math.sin(angle), 1))
        else:
            out[n] = (round(cx + reach * math.cos(angle), 1), round(cy + reach * math.sin(angle), 1))
    return {n: out[n] for n in nodes}


def reported(state: Mapping[str, Any]) -> dict[str, Any]:
    """What the canvas last reported: ``{"pos": {...}, "moved": bool, "placed": stamp}`` (empty: nothing yet).

    >>> reported({"graph": {"positions": {"pos": {"a": [1, 2]}, "moved": False, "placed": 0}}})["pos"]
    {'a': [1, 2]}
    """
    value = (state.get("graph") or {}).get("positions")
    return value if isinstance(value, dict) and isinstance(value.get("pos"), dict) else {}


def current_positions(state: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """The drawn positions, as the canvas reported them.

    >>> current_positions({"graph": {"positions": {"pos": {"a": [1, 2], "b": "?"}}}})
    {'a': (1.0, 2.0)}
    """
    out = {}
    for k, v in (reported(state).get("pos") or {}).items():
        if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(c, (int, float)) for c in v):
            out[str(k)] = (float(v[0]), float(v[1]))
    return out


def known_positions(state: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """Where nodes are (or are to be): a requested placement's positions until the canvas has
    drawn it (a report of the drawing before is stale), then the canvas's reports.

    >>> s = {"graph": {"positions": {"pos": {"a": [0, 0]}, "placed": 0}}}
    >>> request_placement(s, {"a": (9, 9)}); known_positions(s)
    {'a': (9, 9)}
    >>> s["graph"]["positions"]["placed"] = s[PLACE_KEY]["stamp"]; known_positions(s)
    {'a': (0.0, 0.0)}
    """
    want = state.get(PLACE_KEY)
    if want and reported(state).get("placed") != want["stamp"]:
        return dict(want["pos"])
    return {**(want["pos"] if want else {}), **current_positions(state)}


def request_placement(state: Any, pos: Mapping[str, Sequence[float]]) -> None:
    """Ask the page to draw ``pos`` (a view opened from a URL or the store); none: nothing asked.

    >>> s = {}
    >>> request_placement(s, {"a": (1, 2)}); s[PLACE_KEY]["stamp"], s[PLACE_KEY]["pos"]
    (1, {'a': (1, 2)})
    """
    if not pos:
        return
    stamp = int(state.get("_place_gen", 0)) + 1
    state["_place_gen"] = stamp
    state[PLACE_KEY] = {"stamp": stamp, "pos": dict(pos)}


def placed_positions(state: Any, D: nx.MultiDiGraph,
                     positions: Mapping[str, tuple[float, float]] | None) -> Mapping[str, tuple[float, float]] | None:
    """The positions to draw ``D`` with: a requested placement's (nodes it lacks placed beside
    their neighbours), else ``positions`` as the page computed them.

    Once the canvas has drawn the placement, its reports are the known places, so the
    picture follows the reader's drags; with too few known places the placement ends.

    >>> s = {}
    >>> request_placement(s, {"a": (0, 0), "b": (50, 0)})
    >>> placed_positions(s, nx.MultiDiGraph([("a", "b"), ("b", "c")]), None)
    {'a': (0.0, 0.0), 'b': (50.0, 0.0), 'c': (120.0, 0.0)}
    >>> placed_positions(s, nx.MultiDiGraph([("x", "y")]), None) is None, PLACE_KEY in s
    (True, False)
    """
    want = state.get(PLACE_KEY)
    if not want or D.number_of_nodes() == 0:
        return positions
    known = known_positions(state)
    if sum(1 for n in D if n in known) < MIN_KNOWN_SHARE * D.number_of_nodes():
        del state[PLACE_KEY]
        return positions
    base = dict(positions or {})
    base.update({n: tuple(known[n]) for n in D if n in known})
    neighbours = {n: set(nx.all_neighbors(D, n)) for n in D if n not in base}
    return place_nodes(D.nodes, base, neighbours)


def at_opening_view(state: Mapping[str, Any]) -> bool:
    """True while the page shows the view it opens on: its layout is the same every time, so
    the canvas need not report it (a report reruns the page, and a rerun restarts a run).

    >>> at_opening_view({}), at_opening_view({"sel": "country:KZ"}), at_opening_view({"_view_was_plain": False})
    (True, False, False)
    """
    return not (state.get("sel") or state.get(PLACE_KEY) or state.get("_moved") or state.get("expanded")
                or state.get("paths") or any(state.get(k) for k in ("grown", "hidden", "pinned"))
                or not state.get("_view_was_plain", True))


def mark_view(data: dict[str, Any], state: Any = None) -> dict[str, Any]:
    """Add to the component's data what the view edits ask: the placement's stamp (a new one
    redraws the canvas at its positions), whether the canvas should report its positions, and
    pinned nodes fixed at their known place.

    >>> s = {"pinned": ["a"], "graph": {"positions": {"pos": {"a": [5, 6]}}}}
    >>> d = mark_view({"nodes": [{"id": "a"}, {"id": "b"}]}, s)
    >>> d["placed"], d["report"], d["nodes"][0]["fixed"], (d["nodes"][0]["x"], d["nodes"][0]["y"]), d["nodes"][1]["fixed"]
    (0, True, True, (5.0, 6.0), False)
    """
    state = st.session_state if state is None else state
    want = state.get(PLACE_KEY)
    data["placed"] = int(want["stamp"]) if want else 0
    data["report"] = not at_opening_view(state)
    pinned = set(state.get("pinned") or ())
    known = known_positions(state)
    for node in data.get("nodes", []):
        at = known.get(node["id"]) if node["id"] in pinned else None
        if at is not None:
            node["x"], node["y"] = float(at[0]), float(at[1])
            node["fixed"] = True
            node["borderWidth"] = max(3, node.get("borderWidth", 1))
            node["shapeProperties"] = {"borderDashes": PIN_BORDER}
        else:
            node["fixed"] = False  # a pin taken back is switched off; a curated node keeps its dashes
            node.setdefault("shapeProperties", {"borderDashes": False})
    return data
