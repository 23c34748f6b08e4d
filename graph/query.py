"""Questions a researcher asks of the graph, as plain functions returning plain data.

Entity arguments (``node``, ``source``, ``target``) take a node id or any name
``resolve_entity`` understands.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from itertools import islice
from typing import Any

import networkx as nx

from silkgraph.graph.build import EVIDENCE_ATTR, graph_articles
# finding entities lives in silkgraph.graph.find; its API is the query API too
from silkgraph.graph.find import AmbiguousEntity, EntityNotFound, find_entity, resolve_entity
from silkgraph.graph.find import node_id as _node
from silkgraph.schema import schema

__all__ = ["AmbiguousEntity", "EntityNotFound", "find_entity", "resolve_entity", "edge_evidence",
           "neighbors_by_type", "date_bounds", "filter_graph", "ego_graph", "k_shortest_paths", "graph_summary"]



# --- neighbourhoods ----------------------------------------------------------------------


def edge_evidence(edge_data: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence items of an edge: [{sentence, start, end, trigger, confidence}].

    Falls back to the single ``evidence`` sentence for edges made without ``evidence_json``.

    >>> edge_evidence({"evidence_json": [{"sentence": "وقع شي", "start": 0, "end": 6, "trigger": "وقع", "confidence": 0.9}]})[0]["trigger"]
    'وقع'
    >>> edge_evidence({"evidence": "زار شي", "trigger": "زار"})
    [{'sentence': 'زار شي', 'start': None, 'end': None, 'trigger': 'زار', 'confidence': None}]
    """
    items = edge_data.get(EVIDENCE_ATTR)
    if items:
        return [dict(item) for item in items]
    if edge_data.get("evidence"):
        return [{"sentence": edge_data["evidence"], "start": None, "end": None,
                 "trigger": edge_data.get("trigger", ""), "confidence": edge_data.get("confidence")}]
    return []


def _edge_record(key: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"key": key, "doc": data.get("doc", ""), "date": data.get("date", ""),
            "evidence": data.get("evidence", ""), "trigger": data.get("trigger", ""),
            "confidence": data.get("confidence"), "count": data.get("count", 1),
            "source_title": data.get("source_title", ""), "source_url": data.get("source_url", "")}


def _node_record(G: nx.Graph, node: str) -> dict[str, Any]:
    d = G.nodes[node]
    return {"id": node, "label": d.get("label", node), "label_ar": d.get("label_ar", ""),
            "label_en": d.get("label_en", ""), "type": d.get("type", "")}


def neighbors_by_type(G: nx.MultiDiGraph, node: str) -> dict[str, list[dict[str, Any]]]:
    """The neighbours of ``node`` grouped by edge type (schema order).

    Each item: the neighbour (id, label, label_ar, label_en, type), ``direction`` ("out" when
    ``node`` is the stored source, "in" otherwise; for undirected types, ``directed`` is
    False and the direction is only the stored one), the total ``count``, the best
    ``confidence``, and ``edges`` (one per article: key, doc, date, evidence, trigger,
    confidence, count). Items are sorted by count, then label.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> n = neighbors_by_type(G, "شي")
    >>> [(i["id"], i["direction"], i["count"]) for i in n["visited"]]
    [('country:KZ', 'out', 2), ('city:dushanbe', 'out', 1), ('country:TJ', 'out', 1)]
    >>> sorted(n)
    ['attended', 'met', 'signed', 'visited']
    """
    node = _node(G, node)
    order = list(schema().edge_types)
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    incident = [(v, "out", k, d) for _, v, k, d in G.out_edges(node, keys=True, data=True)]
    incident += [(u, "in", k, d) for u, _, k, d in G.in_edges(node, keys=True, data=True)]
    for other, direction, key, data in incident:
        etype = data.get("type", "")
        item = groups.get((etype, other, direction))
        if item is None:
            directed = schema().edge_types[etype].directed if etype in schema().edge_types else True
            item = groups[(etype, other, direction)] = {
                **_node_record(G, other), "direction": direction, "directed": directed,
                "count": 0, "confidence": None, "edges": []}
        item["edges"].append(_edge_record(key, data))
        item["count"] += int(data.get("count", 1) or 1)
        conf = data.get("confidence")
        if conf is not None and (item["confidence"] is None or conf > item["confidence"]):
            item["confidence"] = conf
    out: dict[str, list[dict[str, Any]]] = {}
    for (etype, _, _), item in sorted(groups.items(), key=lambda kv: (
            order.index(kv[0][0]) if kv[0][0] in order else len(order), kv[0][0],
            -kv[1]["count"], str(kv[1]["label"]))):
        item["edges"].sort(key=lambda e: (e["date"], e["doc"]))
        out.setdefault(etype, []).append(item)
    return out


# --- filtered views ----------------------------------------------------------------------


def _edge_passes(data: dict[str, Any], edge_types: Collection[str] | None, date_from: str | None,
                 date_to: str | None, docs: Collection[str] | None) -> bool:
    if edge_types is not None and data.get("type") not in edge_types:
        return False
    if docs is not None and data.get("doc") not in docs:
        return False
    if date_from or date_to:
        date = data.get("date") or ""
        if not date:  # an undated edge cannot be shown to fall in a range
            return False
        if date_from and date < date_from:
            return False
        if date_to and date > date_to:
            return False
    return True


_ISO_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def date_bounds(date_from: Any = None, date_to: Any = None) -> tuple[str | None, str | None]:
    """Inclusive ISO bounds from dates, ISO strings or their year/month prefixes.

    A year or month as ``date_to`` reaches its end.

    >>> date_bounds("2024", "2025-06")
    ('2024', '2025-06-99')
    >>> import datetime
    >>> date_bounds(datetime.date(2025, 6, 17))
    ('2025-06-17', None)
    """
    def iso(value: Any, name: str) -> str | None:
        if value is None or value == "":
            return None
        if hasattr(value, "isoformat"):
            return value.isoformat()[:10]
        if not isinstance(value, str) or not _ISO_PREFIX.fullmatch(value.strip()):
            raise ValueError(f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}")
        return value.strip()

    lo, hi = iso(date_from, "date_from"), iso(date_to, "date_to")
    if hi is not None and len(hi) < 10:
        hi += "-99" if len(hi) == 7 else "-99-99"  # sorts after every real day of that month/year
    return lo, hi


def _check_types(edge_types: Iterable[str] | None, node_types: Iterable[str] | None) -> None:
    sch = schema()
    for name in edge_types or ():
        sch.edge(name)
    for name in node_types or ():
        sch.node(name)


def filter_graph(G: nx.MultiDiGraph, node_types: Collection[str] | None = None,
                 edge_types: Collection[str] | None = None, date_from: str | None = None,
                 date_to: str | None = None, docs: Collection[str] | None = None,
                 min_mentions: int = 1) -> nx.MultiDiGraph:
    """A copy of ``G`` with only the selected nodes and edges.

    Nodes are kept when their type is in ``node_types`` and they have at least
    ``min_mentions`` mentions. Edges are kept when both ends are kept, their type is in
    ``edge_types``, their article is in ``docs``, and their date lies in [``date_from``,
    ``date_to``] (inclusive; ISO dates, or a year or month, see ``date_bounds``; undated
    edges fall outside any date range). When
    an edge filter (types, dates, docs) is given, nodes left with no edge are dropped, except
    that with ``docs`` a node those articles mention stays; without one, isolated nodes stay.
    Unknown type names raise ``KeyError`` naming the known ones.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> H = filter_graph(G, edge_types=["signed"], date_from="2025-01-01")
    >>> sorted(H.nodes)
    ['agreement:astana-declaration:2025', 'agreement:good-neighbour-treaty:2025', 'leader:xi-jinping']
    >>> filter_graph(G, node_types=["Country"]).number_of_edges()
    0
    """
    _check_types(edge_types, node_types)
    date_from, date_to = date_bounds(date_from, date_to)
    edge_types = set(edge_types) if edge_types is not None else None
    node_types = set(node_types) if node_types is not None else None
    docs = set(docs) if docs is not None else None
    nodes = {n for n, d in G.nodes(data=True)
             if (node_types is None or d.get("type") in node_types)
             and int(d.get("mentions", 0) or 0) >= min_mentions}
    edges = [(u, v, k) for u, v, k, d in G.edges(keys=True, data=True)
             if u in nodes and v in nodes and _edge_passes(d, edge_types, date_from, date_to, docs)]
    if edge_types is not None or date_from or date_to or docs is not None:
        keep = {n for u, v, _ in edges for n in (u, v)}
        if docs is not None:
            keep |= {n for n in nodes if not docs.isdisjoint(G.nodes[n].get("docs") or ())}
        nodes &= keep
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    # attribute dicts are copied, so setting an attribute on H leaves G as it was; list and dict
    # values are shared, which is safe as the graph code replaces them, never changes them in place
    H.add_nodes_from((n, dict(G.nodes[n])) for n in G.nodes if n in nodes)
    H.add_edges_from((u, v, k, dict(G.edges[u, v, k])) for u, v, k in edges)
    return H


def ego_graph(G: nx.MultiDiGraph, node: str, radius: int = 1) -> nx.MultiDiGraph:
    """The part of ``G`` within ``radius`` hops of ``node``, edges followed either way.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> sorted(ego_graph(G, "Putin").nodes)
    ['leader:putin', 'leader:xi-jinping']
    """
    node = _node(G, node)
    # an undirected view, not nx.ego_graph's undirected copy of the whole graph
    near = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), node, cutoff=radius)
    return G.subgraph(near).copy()


# --- paths ---------------------------------------------------------------------------------


def _hop(G: nx.MultiDiGraph, a: str, b: str, edges: list[tuple[str, str, str]]) -> dict[str, Any]:
    """One step of a path from ``a`` to ``b``: the best edge between them, and all of them."""
    records = []
    for u, v, k in edges:
        d = G.edges[u, v, k]
        records.append({"type": d.get("type", ""), "direction": "forward" if u == a else "backward",
                        "directed": bool(d.get("directed", True)), **_edge_record(k, d)})
    records.sort(key=lambda r: (-(r["confidence"] or 0), -(r["count"] or 0), r["key"]))
    best = records[0]
    return {"from": a, "from_label": G.nodes[a].get("label", a), "to": b, "to_label": G.nodes[b].get("label", b),
            **{k: best[k] for k in ("type", "direction", "directed", "key", "doc", "date", "evidence",
                                    "trigger", "confidence", "count")},
            "edges": records}


def _simple_view(nodes: set[str], neighbours: Callable[[str], list[str]],
                 edges_between: Callable[[str, str], list]) -> nx.Graph:
    """A simple undirected graph over ``nodes`` whose edges remember the multi-edges they stand for."""
    view = nx.Graph()
    view.add_nodes_from(nodes)
    for n in nodes:
        for m in neighbours(n):
            if m in nodes and not view.has_edge(n, m):
                view.add_edge(n, m, edges=edges_between(n, m))
    return view


def k_shortest_paths(G: nx.MultiDiGraph, source: str, target: str, k: int = 3, max_hops: int = 4,
                     edge_types: Collection[str] | None = None, date_from: str | None = None,
                     date_to: str | None = None,
                     node_types: Collection[str] | None = None) -> list[list[dict[str, Any]]]:
    """Up to ``k`` shortest ways ``source`` and ``target`` are connected, shortest first.

    Edges are followed either way (the question is how A and B are connected). A path is
    a list of hops: from, from_label, to, to_label, and the best edge between the two (type,
    ``direction`` "forward" when the edge is stored from -> to, "backward" otherwise: the
    text's direction, or the canonical one for undirected types, see ``silkgraph.graph.build``; key,
    doc, date, evidence, trigger, confidence, count), with every qualifying edge between them
    in ``edges``. Filters: ``edge_types``, a date range (as in ``filter_graph``), and
    ``node_types`` for the nodes in between (the two ends always qualify). Paths longer than
    ``max_hops`` are not returned; no path gives []. Without edge filters the search runs on
    a simple projection of ``G`` made once per graph version (``silkgraph.graph.index.projection``).

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> path = k_shortest_paths(G, "بوتين", "تركيا", k=1)[0]
    >>> [(h["from"], h["type"], h["direction"], h["to"]) for h in path]
    [('leader:putin', 'met', 'forward', 'leader:xi-jinping'), ('leader:xi-jinping', 'visited', 'forward', 'country:TJ'), ('country:TJ', 'builds', 'forward', 'corridor:multimodal:CN-TR'), ('corridor:multimodal:CN-TR', 'links', 'forward', 'country:TR')]
    >>> k_shortest_paths(G, "Putin", "Turkey", max_hops=3)
    []
    """
    source, target = _node(G, source), _node(G, target)
    _check_types(edge_types, node_types)
    date_from, date_to = date_bounds(date_from, date_to)
    if k < 1 or max_hops < 1 or source == target:
        return []
    edge_types = set(edge_types) if edge_types is not None else None
    node_types = set(node_types) if node_types is not None else None

    filtered = edge_types is not None or bool(date_from or date_to)

    def usable(n: str) -> bool:
        return node_types is None or n in (source, target) or G.nodes[n].get("type") in node_types

    def qualifying(keyed: Any) -> bool:
        return not filtered or any(_edge_passes(d, edge_types, date_from, date_to, None) for d in keyed.values())

    if not filtered:
        return _projected_paths(G, source, target, k, max_hops, usable if node_types is not None else None)

    neighbour_memo: dict[str, list[str]] = {}

    def neighbours(n: str) -> list[str]:
        """Nodes joined to n by a qualifying edge, either way (computed once per node)."""
        if n not in neighbour_memo:
            found = {m for m, keyed in G.succ[n].items() if m != n and usable(m) and qualifying(keyed)}
            found |= {m for m, keyed in G.pred[n].items() if m != n and usable(m) and qualifying(keyed)}
            neighbour_memo[n] = list(found)
        return neighbour_memo[n]

    def edges_between(a: str, b: str) -> list[tuple[str, str, str]]:
        out = []
        for u, v in ((a, b), (b, a)):
            for key, d in G.succ[u].get(v, {}).items():
                if _edge_passes(d, edge_types, date_from, date_to, None):
                    out.append((u, v, key))
        return out

    def distances(start: str) -> dict[str, int]:
        dist, frontier = {start: 0}, [start]
        for depth in range(1, max_hops + 1):
            nxt = []
            for n in frontier:
                for m in neighbours(n):
                    if m not in dist:
                        dist[m] = depth
                        nxt.append(m)
            frontier = nxt
        return dist

    # bounded work: every node of a path of at most b hops has d(source, n) + d(n, target) <= b,
    # so search the few nodes on shortest paths first and widen the bound only while paths lack
    from_source = distances(source)
    if target not in from_source:
        return []
    from_target = distances(target)
    paths: list[list[dict[str, Any]]] = []
    for bound in range(from_source[target], max_hops + 1):
        near = {n for n, d in from_source.items() if n in from_target and d + from_target[n] <= bound}
        view = _simple_view(near, neighbours, edges_between)
        paths = []
        for nodes in islice(nx.shortest_simple_paths(view, source, target), k):
            if len(nodes) - 1 > bound:
                break
            paths.append([_hop(G, a, b, view[a][b]["edges"]) for a, b in zip(nodes, nodes[1:])])
        if len(paths) == k:
            break
    return paths


def _projected_paths(G: nx.MultiDiGraph, source: str, target: str, k: int, max_hops: int,
                     usable: Callable[[str], bool] | None) -> list[list[dict[str, Any]]]:
    """Unfiltered paths, searched on the simple projection made once per graph version."""
    from silkgraph.graph.index import cached, projection

    P = cached(G, "projection", lambda: projection(G))
    if usable is not None:
        P = nx.subgraph_view(P, filter_node=usable)
    paths: list[list[dict[str, Any]]] = []
    try:
        for nodes in nx.shortest_simple_paths(P, source, target):
            if len(nodes) - 1 > max_hops:
                break
            paths.append([_hop(G, a, b, P[a][b]["edges"]) for a, b in zip(nodes, nodes[1:])])
            if len(paths) == k:
                break
    except nx.NetworkXNoPath:
        pass
    return paths


# --- overview ------------------------------------------------------------------------------


def graph_summary(G: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Counts by node and edge type (schema order, zeros included), articles, top entities.

    ``top_entities``: the ``top`` nodes by degree (edges either way), with id, label, type,
    degree and mentions.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> s = graph_summary(build_graph(sample_extractions()), top=1)
    >>> s["articles"], s["node_types"]["Leader"], s["edge_types"]["links"], s["top_entities"][0]["id"]
    (2, 5, 5, 'leader:xi-jinping')
    """
    sch = schema()
    node_counts = Counter(d.get("type", "") for _, d in G.nodes(data=True))
    edge_counts = Counter(d.get("type", "") for _, _, d in G.edges(data=True))
    by_degree = sorted(G.nodes, key=lambda n: (-G.degree(n), -int(G.nodes[n].get("mentions", 0) or 0), str(n)))
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "articles": len(graph_articles(G)),
        "node_types": {**{t: node_counts.get(t, 0) for t in sch.node_types},
                       **{t: c for t, c in node_counts.items() if t not in sch.node_types}},
        "edge_types": {**{t: edge_counts.get(t, 0) for t in sch.edge_types},
                       **{t: c for t, c in edge_counts.items() if t not in sch.edge_types}},
        "top_entities": [{**_node_record(G, n), "degree": G.degree(n),
                          "mentions": G.nodes[n].get("mentions", 0)} for n in by_degree[:top]],
    }
