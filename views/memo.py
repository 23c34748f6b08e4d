"""Results computed once per graph object: the explorer's graph is replaced, never changed in place.

``silkgraph.views.live`` merges an upload into a copy and swaps it in, so a graph object's answers
never go stale; a rerun (a click, a toggle) reuses them instead of filtering 7,000 edges
again. Entries die with their graph (a weak reference), at most ``size`` per graph.
"""
from __future__ import annotations

import functools
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


def _frozen(value: Any) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


def per_graph(size: int = 8) -> Callable:
    """Cache ``fn(G, *args, **kwargs)`` per graph object and arguments (lists are compared by value).

    Callers must not change what it returns.

    >>> import networkx as nx
    >>> calls = []
    >>> @per_graph()
    ... def count(G, kinds=()):
    ...     calls.append(1)
    ...     return G.number_of_edges()
    >>> G = nx.MultiDiGraph([("a", "b")])
    >>> count(G, kinds=["x"]), count(G, kinds=["x"]), len(calls)
    (1, 1, 1)
    """
    def wrap(fn: Callable) -> Callable:
        caches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

        @functools.wraps(fn)
        def cached(G: Any, *args: Any, **kwargs: Any) -> Any:
            key = (_frozen(args), _frozen(kwargs))
            cache = caches.setdefault(G, OrderedDict())
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
            result = cache[key] = fn(G, *args, **kwargs)
            while len(cache) > size:
                cache.popitem(last=False)
            return result

        return cached

    return wrap
