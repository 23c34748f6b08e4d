"""Finding the entity a researcher types: every known spelling, typos, and suggestions.

The graph knows the spellings its articles used; the gazetteer knows many more
(قرغيزستان and قيرغيزستان are one country). A name is looked up in the graph first
(``silkgraph.graph.query.find_entity``), then among the gazetteer's spellings of entities the
graph holds; when nothing matches, close spellings are offered ("did you mean").
Matching, normalisation and typo scoring are ``silkgraph.graph.query``'s: this module only adds
the gazetteer's spellings, each as a one-label node of a small lookup graph, so it
reads no attribute format of its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx

from silkgraph.graph.query import AmbiguousEntity, EntityNotFound, find_entity, resolve_entity

SPELLING_SEP = "#"  # lookup-graph node ids: "<entity id>#<n>"


@lru_cache(maxsize=1)
def spelling_graph() -> nx.Graph:
    """One node per gazetteer spelling (Arabic or English), id ``entity#n``.

    >>> G = spelling_graph()
    >>> sorted({n.split(SPELLING_SEP)[0] for n in find_entity(G, "قرغيزستان")})
    ['country:KG']
    """
    from silkgraph.extract.pipeline import gazetteer_spellings

    G = nx.Graph()
    for entity_id, (kind, arabic, english) in gazetteer_spellings().items():
        for i, form in enumerate(arabic):
            G.add_node(f"{entity_id}{SPELLING_SEP}a{i}", label_ar=form, type=kind)
        for i, form in enumerate(english):
            G.add_node(f"{entity_id}{SPELLING_SEP}e{i}", label_en=form, type=kind)
    return G


def _entities(ids: list[str], G: nx.Graph) -> list[str]:
    """Entity ids of lookup-graph nodes that ``G`` holds, in order, once each."""
    out = [i.split(SPELLING_SEP)[0] for i in ids]
    return [n for n in dict.fromkeys(out) if n in G]


@dataclass
class Found:
    """What a typed name found: ``matches`` (best first) or, failing that, ``suggestions``."""

    query: str
    matches: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def search_entities(G: nx.Graph, query: str, limit: int = 8) -> Found:
    """Nodes of ``G`` a typed name stands for, by any spelling the graph or gazetteer knows.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> search_entities(G, "قزاقستان").matches  # a gazetteer spelling no article used
    ['country:KZ']
    >>> search_entities(G, "Tokayv").suggestions
    ['leader:tokayev']
    """
    found = Found(query)
    if not isinstance(query, str) or not query.strip():
        return found
    own = find_entity(G, query, limit=limit)
    known = _entities(find_entity(spelling_graph(), query, limit=50), G)
    found.matches = list(dict.fromkeys(own + known))[:limit]
    if not found.matches:
        found.suggestions = suggest(G, query)
    return found


def suggest(G: nx.Graph, query: str, limit: int = 5) -> list[str]:
    """Nodes of ``G`` whose names (or gazetteer spellings) look like ``query``.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> suggest(build_graph(sample_extractions()), "Kazakstan")[0]
    'country:KZ'
    """
    out: list[str] = []
    try:
        resolve_entity(G, query)
    except EntityNotFound as exc:
        out += exc.suggestions
    except AmbiguousEntity as exc:
        out += exc.candidates
    else:
        return []
    if len(out) < limit:
        try:
            resolve_entity(spelling_graph(), query)
        except EntityNotFound as exc:
            out += _entities(exc.suggestions, G)
        except AmbiguousEntity as exc:
            out += _entities(exc.candidates, G)
    return [n for n in dict.fromkeys(out) if n in G][:limit]


class NameProblem(LookupError):
    """A name that stands for no single node; ``message`` for the page, ``options`` to pick from."""

    def __init__(self, message: str, options: list[str]):
        super().__init__(message)
        self.message = message
        self.options = options


def resolve_name(G: nx.Graph, name: str, describe=str) -> str:
    """The one node ``name`` means, or ``NameProblem`` with a message and node ids to offer.

    ``describe(node)`` names an option in the message.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> resolve_name(G, "قزاقستان")
    'country:KZ'
    >>> try:
    ...     resolve_name(G, "Tajikstan")
    ... except NameProblem as exc:
    ...     print(exc.options[0], "did you mean" in exc.message)
    country:TJ True
    """
    try:
        return resolve_entity(G, name)
    except AmbiguousEntity as exc:
        options = exc.candidates
        message = f"“{name}” matches several entities ({', '.join(describe(c) for c in options[:6])}). Pick one."
    except EntityNotFound:
        found = search_entities(G, name)
        if len(found.matches) == 1:
            return found.matches[0]
        options = found.matches or found.suggestions
        if found.matches:
            message = f"“{name}” matches several entities. Pick one."
        elif options:
            message = f"no entity matches “{name}”; did you mean {', '.join(describe(c) for c in options)}?"
        else:
            message = f"no entity matches “{name}”."
    raise NameProblem(message, options)
