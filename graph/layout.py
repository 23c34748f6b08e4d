"""Layouts for reading a large view: places on a map, and a hub's leaves folded together.

- ``geographic_layout``: countries and cities at their GeoNames coordinates (the table
  ``graph/data/coordinates.tsv``, built by ``python -m silkgraph.extract.tools.build_coordinates``;
  GeoNames, CC BY 4.0), north up; every other node beside the places it is joined to (a leader
  beside their country, a railway between its ends), nodes joined to no place on a shelf below
  the map. Positions are canvas coordinates (x right, y down), as the explorer draws them.
- ``leaf_clusters``: for each hub, its leaves (nodes whose only neighbour in the view it is),
  which the explorer draws folded into one node with their count.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import networkx as nx

COORDINATES = Path(__file__).parent / "data" / "coordinates.tsv"
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPACING = 60.0  # about how far apart (canvas units) neighbouring nodes end up
RING = 70.0  # how far from its places a node joined to them sits


@lru_cache(maxsize=2)
def load_coordinates(path: Path | str = COORDINATES) -> dict[str, tuple[float, float]]:
    """Node id -> (latitude, longitude) from a coordinates table (``#`` lines are its notice).

    >>> load_coordinates()["country:KZ"][1] < load_coordinates()["country:CN"][1]  # Kazakhstan west of China
    True
    """
    out: dict[str, tuple[float, float]] = {}
    with open(path, encoding="utf-8") as fh:
        rows = (line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#"))
        header = next(rows)
        lat, lon = header.index("lat"), header.index("lon")
        for cols in rows:
            out[cols[0]] = (float(cols[lat]), float(cols[lon]))
    return out


def project(points: Mapping[str, tuple[float, float]], extent: float) -> dict[str, tuple[float, float]]:
    """(lat, lon) points as canvas positions, north up, the larger side about ``extent`` long
    (equirectangular, longitudes shrunk by the cosine of the middle latitude).

    >>> pos = project({"a": (40.0, 70.0), "b": (40.0, 110.0), "c": (30.0, 110.0)}, 400)
    >>> pos["a"][0] < pos["b"][0], pos["c"][1] > pos["b"][1]  # west on the left, south below
    (True, True)
    """
    if not points:
        return {}
    lats = [p[0] for p in points.values()]
    lons = [p[1] for p in points.values()]
    mid_lat, mid_lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    shrink = math.cos(math.radians(mid_lat))
    span = max((max(lons) - min(lons)) * shrink, max(lats) - min(lats), 1.0)
    scale = extent / span
    return {n: (round((lon - mid_lon) * shrink * scale, 1), round((mid_lat - lat) * scale, 1))
            for n, (lat, lon) in points.items()}


def _separate(pos: dict[str, tuple[float, float]], distance: float, rounds: int = 30) -> dict[str, tuple[float, float]]:
    """Push apart nodes closer than ``distance`` (a few rounds; far nodes do not move)."""
    import numpy as np

    names = list(pos)
    if len(names) < 2:
        return pos
    xy = np.array([pos[n] for n in names], dtype=float)
    xy += np.random.default_rng(7).normal(scale=0.01, size=xy.shape)  # coincident points part
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1))
        np.fill_diagonal(dist, 1e9)
        close = dist < distance
        if not close.any():
            break
        push = np.where(close, (distance - dist) / np.maximum(dist, 1e-6) / 2, 0.0)
        xy += (delta * push[:, :, None]).sum(1) * 0.5
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(names, xy)}


EXACT_MAX_NODES = 600  # above this, repulsion comes from the centroids of a grid's cells
GRID_CELLS = 24


def _repulsion(xy, k: float):
    """Each node's push away from the others: from every node (exact), or on a big view from
    the centroids of a GRID_CELLS² grid, weighted by how many nodes each holds."""
    import numpy as np

    if len(xy) <= EXACT_MAX_NODES:
        others, mass = xy, None
    else:
        low = xy.min(0)
        span = np.maximum(xy.max(0) - low, 1e-9)
        cell = np.minimum(((xy - low) / span * GRID_CELLS).astype(int), GRID_CELLS - 1)
        cid = cell[:, 0] * GRID_CELLS + cell[:, 1]
        count = np.bincount(cid, minlength=GRID_CELLS ** 2).astype(np.float32)
        used = count > 0
        sums = np.stack([np.bincount(cid, weights=xy[:, i], minlength=GRID_CELLS ** 2) for i in (0, 1)], 1)
        others, mass = (sums[used] / count[used][:, None]).astype(np.float32), count[used]
    dx = xy[:, 0:1] - others[None, :, 0]
    dy = xy[:, 1:2] - others[None, :, 1]
    d2 = np.maximum(dx * dx + dy * dy, 1.0)
    force = k * k / d2
    if mass is None:
        np.fill_diagonal(force, 0.0)
    else:
        force *= mass[None, :]
    return np.stack([(dx * force).sum(1), (dy * force).sum(1)], 1)


def _relax(pos: dict[str, tuple[float, float]], pinned: set[str], near: Mapping[str, set[str]],
           iterations: int = 80) -> dict[str, tuple[float, float]]:
    """A force layout of the nodes not ``pinned`` (places stay where the map puts them): pulled
    to their neighbours, pushed from the other nodes (Fruchterman-Reingold, cooling)."""
    import numpy as np

    names = list(pos)
    free = np.array([n not in pinned for n in names])
    if not free.any():
        return pos
    index = {n: i for i, n in enumerate(names)}
    pairs = np.array([(index[a], index[b]) for a in names for b in near.get(a, ()) if index[a] < index[b]],
                     dtype=int).reshape(-1, 2)
    xy = np.array([pos[n] for n in names], dtype=np.float32)
    k = SPACING
    if len(names) > EXACT_MAX_NODES:
        iterations //= 2
    for step in range(iterations):
        disp = _repulsion(xy, k)
        if len(pairs):
            d = xy[pairs[:, 0]] - xy[pairs[:, 1]]
            pull = d * (np.sqrt((d ** 2).sum(-1)) / k)[:, None]
            np.add.at(disp, pairs[:, 0], -pull)
            np.add.at(disp, pairs[:, 1], pull)
        length = np.maximum(np.sqrt((disp ** 2).sum(-1)), 1e-6)
        temperature = 2 * k * (1 - step / iterations) + 1
        move = disp * (np.minimum(length, temperature) / length)[:, None]
        xy[free] += move[free]
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(names, xy)}


def geographic_layout(G: nx.Graph, nodes: Collection[str] | None = None,
                      coordinates: Mapping[str, tuple[float, float]] | None = None) -> dict[str, tuple[float, float]]:
    """Canvas positions of ``nodes`` of ``G``: places by ``coordinates`` (default: the package
    table), the rest beside the places they are joined to, a shelf below for the others.

    >>> G = nx.MultiDiGraph([("leader:t", "country:KZ"), ("country:KZ", "country:CN"), ("org:x", "org:y")])
    >>> pos = geographic_layout(G, coordinates={"country:KZ": (47.5, 70.3), "country:CN": (32.2, 114.4)})
    >>> pos["country:KZ"][0] < pos["country:CN"][0], pos["country:KZ"][1] < pos["country:CN"][1]
    (True, True)
    >>> math.dist(pos["leader:t"], pos["country:KZ"]) < math.dist(pos["leader:t"], pos["country:CN"])
    True
    >>> min(pos["org:x"][1], pos["org:y"][1]) > max(pos["country:KZ"][1], pos["country:CN"][1])  # the shelf
    True
    """
    coordinates = load_coordinates() if coordinates is None else coordinates
    order = [str(n) for n in (G.nodes if nodes is None else nodes) if n in G]
    if not order:
        return {}
    near: dict[str, set[str]] = defaultdict(set)
    for u, v in G.subgraph(order).edges():
        if u != v:
            near[str(u)].add(str(v))
            near[str(v)].add(str(u))
    places = {n: coordinates[n] for n in order if n in coordinates}
    extent = max(SPACING * math.sqrt(len(order)) * 4, 400.0)
    pos = _separate(project(places, extent), SPACING)
    frontier = [n for n in order if n not in pos]
    while frontier:  # each round places the nodes joined to nodes already placed
        anchored: dict[tuple[float, float], list[str]] = defaultdict(list)
        for n in frontier:
            anchors = [pos[m] for m in near[n] if m in pos]
            if anchors:
                centre = (sum(p[0] for p in anchors) / len(anchors), sum(p[1] for p in anchors) / len(anchors))
                anchored[(round(centre[0], 1), round(centre[1], 1))].append(n)
        if not anchored:
            break
        for (cx, cy), group in anchored.items():
            for i, n in enumerate(sorted(group)):
                radius = RING * math.sqrt(1 + i / 3)
                angle = i * GOLDEN_ANGLE + math.pi / 2
                pos[n] = (round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1))
        frontier = [n for n in frontier if n not in pos]
    if frontier:  # joined to no place at all: rows below the map
        left = min((p[0] for p in pos.values()), default=0.0)
        top = max((p[1] for p in pos.values()), default=0.0) + 3 * SPACING
        per_row = max(int(math.sqrt(len(frontier)) * 2), 1)
        for i, n in enumerate(frontier):
            pos[n] = (round(left + (i % per_row) * 2 * SPACING, 1), round(top + (i // per_row) * SPACING, 1))
    return _relax(pos, set(places) | set(frontier), near)


def located(nodes: Iterable[str], coordinates: Mapping[str, tuple[float, float]] | None = None) -> list[str]:
    """The ``nodes`` the coordinates table places.

    >>> located(["country:KZ", "leader:xi-jinping"])
    ['country:KZ']
    """
    coordinates = load_coordinates() if coordinates is None else coordinates
    return [n for n in nodes if n in coordinates]


def leaf_clusters(G: nx.Graph, nodes: Collection[str] | None = None, min_leaves: int = 5,
                  keep: Iterable[str] = ()) -> list[tuple[str, list[str]]]:
    """(hub, leaves) for every hub with at least ``min_leaves`` leaves among ``nodes``: nodes
    whose only neighbour there is the hub. ``keep`` nodes (the selection, a path) are never
    folded away. Sorted by hub, leaves sorted.

    >>> G = nx.MultiDiGraph([("hub", f"leaf{i}") for i in range(5)] + [("hub", "other"), ("other", "x")])
    >>> leaf_clusters(G, min_leaves=5)
    [('hub', ['leaf0', 'leaf1', 'leaf2', 'leaf3', 'leaf4'])]
    >>> leaf_clusters(G, min_leaves=5, keep=["leaf0"])
    []
    """
    order = [n for n in (G.nodes if nodes is None else nodes) if n in G]
    near: dict[str, set[str]] = defaultdict(set)
    for u, v in G.subgraph(order).edges():
        if u != v:
            near[u].add(v)
            near[v].add(u)
    kept = set(keep)
    leaves: dict[str, list[str]] = defaultdict(list)
    for n in order:
        if len(near[n]) == 1 and n not in kept:
            hub = next(iter(near[n]))
            if len(near[hub]) > 1:  # two nodes joined only to each other are no hub and leaf
                leaves[hub].append(n)
    return sorted((hub, sorted(group, key=str)) for hub, group in leaves.items() if len(group) >= min_leaves)
