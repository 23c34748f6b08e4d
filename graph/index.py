"""What queries need of a graph, made once per graph version: a name index and a simple projection.

Indexes live in the graph object's ``__networkx_cache__``, which networkx empties whenever a
node or edge is added or removed; ``silkgraph.graph.build`` also empties them (``touch``) when it
changes attributes, and so must a caller who edits attributes by hand. They are never
exported (they are not graph attributes).

- ``NameIndex``: every key of every node (see ``silkgraph.graph.query.find_entity``) in a dict for
  exact matches, and all of them joined in one string, so a prefix or substring match is a
  few ``str.find`` calls instead of a scan of every node.
- ``projection``: the multigraph as a simple undirected ``nx.Graph``, one edge per pair of
  nodes joined either way, holding the multi-edges it stands for (``edges``) and how many
  (``weight``), for path searches.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import networkx as nx

T = TypeVar("T")
SEP_KEY = "\x00"  # joins a node's keys; no key holds it
_CACHE_KEY = "silkgraph.index"
STATE_KEY = "silkgraph.build"  # silkgraph.graph.state.DocIndex: what re-adding an article needs


def touch(G: nx.Graph) -> None:
    """Mark ``G`` as changed: its indexes (and ``silkgraph.graph.state``'s) are remade on next use."""
    cache = getattr(G, "__networkx_cache__", {})
    cache.pop(_CACHE_KEY, None)
    cache.pop(STATE_KEY, None)


def cached(G: nx.Graph, name: str, make: Callable[[], T]) -> T:
    """``make()``, remembered under ``name`` until ``G`` changes.

    >>> G = nx.MultiDiGraph([(1, 2)])
    >>> cached(G, "n", G.number_of_nodes), cached(G, "n", lambda: "kept")
    (2, 2)
    >>> _ = G.add_edge(2, 3); cached(G, "n", G.number_of_nodes)
    3
    """
    cache = getattr(G, "__networkx_cache__", None)
    if cache is None:  # a graph class without networkx's cache: nothing is remembered
        return make()
    mine = cache.setdefault(_CACHE_KEY, {})
    if name not in mine:
        mine[name] = make()
    return mine[name]


class NameIndex:
    """Nodes by key: exact, prefix and substring matches (see ``matches``)."""

    def __init__(self, items: Iterable[tuple[Any, frozenset[str]]]):
        self.exact: dict[str, list[Any]] = {}
        self.nodes: list[Any] = []
        self.starts: list[int] = []
        parts, pos = [], 0
        for node, keys in items:
            for key in keys:
                self.exact.setdefault(key, []).append(node)
            part = "".join(SEP_KEY + k for k in sorted(keys))
            self.nodes.append(node)
            self.starts.append(pos)
            parts.append(part)
            pos += len(part)
        self.starts.append(pos)
        self.text = "".join(parts)

    def matches(self, wanted: set[str]) -> tuple[set[Any], set[Any], set[Any]]:
        """Nodes with a key equal to one of ``wanted``, starting with one, and holding one.

        >>> index = NameIndex([("a", frozenset({"الصين"})), ("b", frozenset({"بحر الصين"})),
        ...                    ("c", frozenset({"الصين الشعبية"}))])
        >>> [sorted(s) for s in index.matches({"الصين"})]
        [['a'], ['c'], ['b']]
        """
        exact = {n for w in wanted for n in self.exact.get(w, ())}
        prefix: set[Any] = set()
        inner: set[Any] = set()
        starts = [SEP_KEY + w for w in wanted]
        # a key holding a longer wanted key also holds the shorter one inside it: scan for the shortest
        scan = [w for w in wanted if not any(o != w and o in w for o in wanted)]
        text, find = self.text, self.text.find
        for w in scan:
            i = find(w)
            while i != -1:
                slot = bisect_right(self.starts, i) - 1
                node = self.nodes[slot]
                if node not in exact and node not in prefix:
                    segment = text[self.starts[slot]:self.starts[slot + 1]]
                    if any(st in segment for st in starts):
                        prefix.add(node)
                        inner.discard(node)
                    else:
                        inner.add(node)
                i = find(w, self.starts[slot + 1])  # one hit per node is enough
        return exact, prefix, inner


def projection(G: nx.MultiDiGraph) -> nx.Graph:
    """``G`` as a simple undirected graph: one edge per joined pair (self-loops left out), with
    the multi-edges ``(u, v, key)`` it stands for in ``edges`` and their number in ``weight``.

    >>> G = nx.MultiDiGraph([("a", "b", "k1"), ("b", "a", "k2"), ("b", "c", "k3"), ("c", "c", "k4")])
    >>> P = projection(G)
    >>> sorted(P.edges(data="weight")), P["a"]["b"]["edges"]
    ([('a', 'b', 2), ('b', 'c', 1)], [('a', 'b', 'k1'), ('b', 'a', 'k2')])
    """
    pairs: dict[tuple[Any, Any], list[tuple[Any, Any, Any]]] = {}
    for u, v, k in G.edges(keys=True):
        if u != v:
            pairs.setdefault((u, v) if (v, u) not in pairs else (v, u), []).append((u, v, k))
    P = nx.Graph()
    P.add_nodes_from(G)
    P.add_edges_from((a, b, {"edges": edges, "weight": len(edges)}) for (a, b), edges in pairs.items())
    return P
