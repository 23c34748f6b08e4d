"""Finding entities by name: any spelling of a node's labels and aliases, Arabic or English.

Arabic is matched through ``silkgraph.normalize`` keys (diacritics, alef/ya/ta-marbuta forms,
article and leading proclitics); English, ids and Wikidata ids case-insensitively.
``silkgraph.graph.query`` takes these names wherever it takes a node.
"""
from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any

import networkx as nx

from silkgraph.normalize import clitic_candidates, phrase_key


class EntityNotFound(LookupError):
    """No node matches a name; ``suggestions`` holds close node ids."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no entity matches {name!r}{hint}")


class AmbiguousEntity(LookupError):
    """Several nodes match a name equally well; ``candidates`` holds their ids."""

    def __init__(self, name: str, candidates: list[str]):
        self.name = name
        self.candidates = candidates
        super().__init__(f"{name!r} matches {len(candidates)} entities: {', '.join(candidates)}; "
                         f"give one of these ids")


# --- finding entities -------------------------------------------------------------------


def _node_keys(node: str, data: dict[str, Any]) -> frozenset[str]:
    """Every matching key of a node: Arabic forms normalised, English/ids lower-cased."""
    return _keys_of(node, *(str(data.get(f) or "") for f in ("label_en", "wikidata", "label_ar", "label")),
                    tuple(data.get("aliases") or ()))


@lru_cache(maxsize=100_000)
def _keys_of(node: str, label_en: str, wikidata: str, label_ar: str, label: str,
             aliases: tuple[str, ...]) -> frozenset[str]:
    # cached: the same node strings come back on every lookup in a graph
    keys = {node.lower(), label_en.lower(), wikidata.lower()}
    for form in [label_ar, label, *aliases]:
        keys.add(phrase_key(form))
        keys.add(form.lower())
    keys.discard("")
    return frozenset(keys)


def _query_keys(name: str) -> set[str]:
    """The keys a typed name may stand for: as typed, lower-cased, and with proclitics off."""
    name = " ".join(name.split())
    keys = {name.lower(), phrase_key(name)}
    words = name.split()
    if words:
        for first in clitic_candidates(words[0])[1:]:
            keys.add(phrase_key(" ".join([first, *words[1:]])))
    keys.discard("")
    return keys


def _matches(G: nx.Graph, name: str) -> tuple[list[str], list[str], list[str]]:
    """Node ids matching ``name`` exactly, as a prefix, and as a substring (a name index made
    once per graph version answers)."""
    from silkgraph.graph.index import NameIndex, cached

    index = cached(G, "names", lambda: NameIndex((n, _node_keys(str(n), d)) for n, d in G.nodes(data=True)))
    exact, prefix, inner = index.matches(_query_keys(name))

    def by_mentions(nodes: list[str]) -> list[str]:
        return sorted(nodes, key=lambda n: (-int(G.nodes[n].get("mentions", 0) or 0), str(n)))

    return by_mentions(list(exact)), by_mentions(list(prefix)), by_mentions(list(inner))


def find_entity(G: nx.Graph, name: str, limit: int = 10) -> list[str]:
    """Node ids matching ``name`` in any spelling, best first.

    Arabic matches whatever its diacritics, alef/ya/ta-marbuta forms, article or leading
    و/ف/ب/ك/ل; English and ids match case-insensitively, as does a Wikidata id. Exact
    matches come first, then prefix, then substring matches; each group by mentions.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> find_entity(G, "قازاقستان"), find_entity(G, "q15031")
    (['country:KZ'], ['leader:xi-jinping'])
    >>> find_entity(G, "وبالصين")  # the country exactly, then names that start with or hold it
    ['country:CN', 'event:china-central-asia-summit:2025', 'corridor:railway:CN-KG-UZ']
    >>> find_entity(G, "kazakh")
    ['country:KZ']
    """
    if not isinstance(name, str) or not name.strip():
        return []
    exact, prefix, inner = _matches(G, name)
    return (exact + prefix + inner)[:limit]


def resolve_entity(G: nx.Graph, name: str) -> str:
    """The one node ``name`` means; raises ``EntityNotFound`` or ``AmbiguousEntity``.

    A node id wins outright; otherwise a single exact match, else a single partial match.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> resolve_entity(G, "شي جين بينغ")
    'leader:xi-jinping'
    >>> resolve_entity(G, "Tokayv")
    Traceback (most recent call last):
    ...
    silkgraph.graph.find.EntityNotFound: no entity matches 'Tokayv'; did you mean: leader:tokayev?
    """
    if name in G:
        return name
    if not isinstance(name, str) or not name.strip():
        raise EntityNotFound(str(name), [])
    exact, prefix, inner = _matches(G, name)
    for group in (exact, prefix + inner):
        if len(group) == 1:
            return group[0]
        if group:
            raise AmbiguousEntity(name, group[:10])
    raise EntityNotFound(name, _suggestions(G, name))


def _suggestions(G: nx.Graph, name: str, n: int = 5) -> list[str]:
    """Node ids whose labels look like ``name`` (difflib ratio)."""
    wanted = _query_keys(name)
    scored = []
    for node, data in G.nodes(data=True):
        keys = _node_keys(str(node), data)
        best = max(difflib.SequenceMatcher(None, w, k).ratio() for w in wanted for k in keys)
        if best >= 0.6:
            scored.append((-best, str(node)))
    return [node for _, node in sorted(scored)[:n]]


def node_id(G: nx.Graph, node: str) -> str:
    """``node`` itself when it is a node of ``G``, else the node its name resolves to."""
    return node if node in G else resolve_entity(G, node)
