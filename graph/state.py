"""What a graph built from articles keeps so one article can be added or taken out cheaply.

``silkgraph.graph.build`` derives a node's attributes from its per-article records
(``doc_mentions``) and keys every edge by its article. Re-adding one article to a graph of
thousands must not read every node or every article of a hub, so the graph carries:

- ``DocIndex``: article -> the nodes it mentions and the edges it gave, and per node a
  ``NodeTotals`` (mention count, article ids, dates, and per entity field and surface form the
  articles that give it), from which the node's attributes follow without reading its articles;
- ``GraphState``: one batch of additions and removals on a graph, written back at ``flush``.

The index lives in the graph's ``__networkx_cache__``: networkx empties it whenever a node or
an edge is added or removed by anyone, and ``silkgraph.graph.index.touch`` drops it too, so a
graph changed by other hands (curation, a copy, a graph read from a file) is indexed again from
its attributes on the next change, never read stale. A batch takes the index out while it runs:
one that fails half-way leaves none behind.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from typing import Any

import networkx as nx

from silkgraph.graph.index import STATE_KEY, touch
from silkgraph.schema import schema

ARTICLES_ATTR = "articles"
DOC_MENTIONS_ATTR = "doc_mentions"
VOTED = ("type", "label_ar", "label_en", "wikidata")  # entity fields a node takes by majority


def _put(items: list[str], item: str) -> None:
    """Insert into a sorted list (at the end, the usual case, without a search)."""
    if not items or items[-1] <= item:
        items.append(item)
    else:
        insort(items, item)


def _drop(items: list[str], item: str) -> None:
    """Take one occurrence of ``item`` out of a sorted list."""
    i = bisect_left(items, item)
    if i < len(items) and items[i] == item:
        del items[i]


class NodeTotals:
    """A node's per-article records summed up: what its attributes are made of.

    Each per-article record (``doc_mentions`` item) adds its doc id, its mentions, its date,
    and its doc id under each entity field value and each surface form it gives, all in sorted
    lists; ``attributes`` reads the node's attributes off them.

    >>> rec = lambda label, forms, date: {"entity": {"type": "Country", "label_ar": label, "label_en": "",
    ...     "wikidata": ""}, "mentions": len(forms), "forms": forms, "date": date}
    >>> per_doc = {"b": rec("قازاقستان", ["قازاقستان"], "2025-01-02"), "a": rec("كازاخستان", ["كازاخستان"], "")}
    >>> totals = NodeTotals.of(per_doc)
    >>> a = totals.attributes(per_doc)
    >>> a["label_ar"], a["aliases"], a["docs"], a["mentions"], a["first_date"]
    ('كازاخستان', ['كازاخستان', 'قازاقستان'], ['a', 'b'], 2, '2025-01-02')
    >>> per_doc["c"] = rec("قازاقستان", ["قازاقستان", "كازاخستان"], "2024-05-05")
    >>> totals.add("c", per_doc["c"])
    >>> a = totals.attributes(per_doc)
    >>> a["label_ar"], a["aliases"], a["first_date"], a["last_date"]
    ('قازاقستان', ['كازاخستان', 'قازاقستان'], '2024-05-05', '2025-01-02')
    """

    __slots__ = ("docs", "mentions", "votes", "forms", "dates")

    def __init__(self) -> None:
        self.docs: list[str] = []  # sorted
        self.mentions = 0
        self.votes: dict[str, dict[str, list[str]]] = {f: {} for f in VOTED}  # field -> value -> docs
        self.forms: dict[str, list[str]] = {}  # surface form -> docs giving it
        self.dates: list[str] = []  # sorted, one per dated article

    @classmethod
    def of(cls, per_doc: dict[str, dict[str, Any]]) -> NodeTotals:
        """The totals of a node's per-article records."""
        totals = cls()
        for doc in sorted(per_doc):
            totals.add(doc, per_doc[doc])
        return totals

    def add(self, doc: str, record: dict[str, Any]) -> None:
        """Count one article's record (the node must not hold ``doc`` yet)."""
        _put(self.docs, doc)
        self.mentions += record["mentions"]
        entity = record["entity"]
        for f in VOTED:
            value = entity.get(f)
            if value:
                _put(self.votes[f].setdefault(value, []), doc)
        for form in record["forms"]:
            _put(self.forms.setdefault(form, []), doc)
        if record["date"]:
            _put(self.dates, record["date"])

    def remove(self, doc: str, record: dict[str, Any]) -> None:
        """Take back what ``add(doc, record)`` counted."""
        _drop(self.docs, doc)
        self.mentions -= record["mentions"]
        entity = record["entity"]
        for f in VOTED:
            value = entity.get(f)
            if value:
                self._forget(self.votes[f], value, doc)
        for form in record["forms"]:
            self._forget(self.forms, form, doc)
        if record["date"]:
            _drop(self.dates, record["date"])

    @staticmethod
    def _forget(by_value: dict[str, list[str]], value: str, doc: str) -> None:
        docs = by_value.get(value)
        if docs is not None:
            _drop(docs, doc)
            if not docs:
                del by_value[value]

    def vote(self, f: str) -> str:
        """The value of field ``f`` most articles give, the one of the earliest article (doc id
        order) on a tie; "" when none gives one."""
        by_value = self.votes[f]
        if not by_value:
            return ""
        top = max(len(docs) for docs in by_value.values())
        return min((docs[0], value) for value, docs in by_value.items() if len(docs) == top)[1]

    def attributes(self, per_doc: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """The node's attributes; ``per_doc`` is the node's records these totals count (it
        becomes the ``doc_mentions`` attribute when its keys are in doc id order).

        Surface forms in order of first appearance, articles in doc id order (and so within
        an article, in its record's order).
        """
        fields = {f: self.vote(f) for f in VOTED}
        first = {form: docs[0] for form, docs in self.forms.items()}
        aliases = sorted(first, key=lambda form: (first[form], per_doc[first[form]]["forms"].index(form)))
        node_type = schema().node(fields["type"])
        return {
            **fields,
            "label": fields["label_en"] or fields["label_ar"],
            "aliases": aliases,
            "mentions": self.mentions,
            "docs": list(self.docs),
            "first_date": self.dates[0] if self.dates else "",
            "last_date": self.dates[-1] if self.dates else "",
            "color": node_type.color,
            "shape": node_type.shape,
            # per_doc itself when it is in doc id order already (a record replaced, an article after the others)
            DOC_MENTIONS_ATTR: per_doc if list(per_doc) == self.docs else {d: per_doc[d] for d in self.docs},
        }


class DocIndex:
    """Article -> its nodes and edges, and each node's ``NodeTotals`` (made when first needed)."""

    def __init__(self) -> None:
        self.doc_nodes: dict[str, list[Any]] = {}
        self.doc_edges: dict[str, list[tuple[Any, Any, Any]]] = {}
        self.totals: dict[Any, NodeTotals] = {}

    @classmethod
    def of(cls, G: nx.MultiDiGraph) -> DocIndex:
        """The index of a graph, read off its ``doc_mentions`` and its edges' ``doc``.

        >>> from silkgraph.graph.build import build_graph
        >>> from silkgraph.graph.sample import sample_extractions
        >>> index = DocIndex.of(build_graph(sample_extractions()))
        >>> "country:KZ" in index.doc_nodes["000_d8d0bccc6eeca408"], len(index.doc_edges["000_d8d0bccc6eeca408"]) > 0
        (True, True)
        """
        index = cls()
        for n, data in G.nodes(data=True):
            for doc in data.get(DOC_MENTIONS_ATTR) or ():
                index.doc_nodes.setdefault(doc, []).append(n)
        for u, v, k, doc in G.edges(keys=True, data="doc"):
            if doc is not None:
                index.doc_edges.setdefault(doc, []).append((u, v, k))
        return index

    def holds(self, doc: str) -> bool:
        return doc in self.doc_nodes or doc in self.doc_edges


def _cache(G: nx.Graph) -> dict[str, Any] | None:
    return getattr(G, "__networkx_cache__", None)


class GraphState:
    """One batch of articles added to or taken out of ``G``; ``flush`` writes it back (once).

    Node attributes are derived once per batch for the nodes the batch touched, from their
    totals, so ``build_graph`` stays linear and re-adding one article costs what that
    article holds. The graph's lists and dicts are replaced, never changed in place, so a
    shallow copy taken before never sees a change.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> state = GraphState(G)
    >>> state.remove("001_326f30334e07f93a"), state.remove("no-such-article")
    (True, False)
    >>> state.flush()
    >>> G.nodes["leader:xi-jinping"]["docs"]
    ['000_d8d0bccc6eeca408']
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        if not isinstance(G, nx.MultiDiGraph):
            raise TypeError(f"expected a networkx.MultiDiGraph, got {type(G).__name__}")
        self.G = G
        cache = _cache(G)
        kept = cache.pop(STATE_KEY, None) if cache is not None else None
        self.index: DocIndex = kept if kept is not None else DocIndex.of(G)
        self.articles: dict[str, dict[str, Any]] = dict(G.graph.get(ARTICLES_ATTR) or {})
        self.reorder = ARTICLES_ATTR not in G.graph  # articles the graph did not hold: sort again
        self.per_node: dict[Any, dict[str, dict[str, Any]]] = {}  # working copies of doc_mentions
        self.fresh: set[Any] = set()  # touched nodes without totals: counted from scratch at flush

    def _contributions(self, node: Any) -> dict[str, dict[str, Any]]:
        per_doc = self.per_node.get(node)
        if per_doc is None:
            data = self.G.nodes[node] if node in self.G else {}
            per_doc = self.per_node[node] = dict(data.get(DOC_MENTIONS_ATTR) or {})
            if node not in self.index.totals:
                self.fresh.add(node)
        return per_doc

    def holds(self, doc: str) -> bool:
        """Whether the graph (with this batch) holds article ``doc``."""
        return doc in self.articles or self.index.holds(doc)

    def remove(self, doc: str) -> bool:
        """Take article ``doc`` out; False when the graph does not hold it."""
        found = self.holds(doc)
        self._take_out(doc)
        self.articles.pop(doc, None)
        return found

    def _take_out(self, doc: str, keep: dict[Any, Any] | None = None) -> None:
        """Take article ``doc``'s edges and its nodes' records out (its ``articles`` entry stays);
        the records of nodes in ``keep`` stay where they are in ``doc_mentions``, to be replaced."""
        nodes = self.index.doc_nodes.pop(doc, ())
        self.G.remove_edges_from(self.index.doc_edges.pop(doc, ()))
        for n in nodes:
            per_doc = self._contributions(n)
            record = per_doc.get(doc) if keep is not None and n in keep else per_doc.pop(doc, None)
            if record is not None and n not in self.fresh:
                self.index.totals[n].remove(doc, record)

    def add(self, doc: str, article: dict[str, Any], contributions: dict[Any, dict[str, Any]],
            edges: list[tuple[Any, Any, Any, dict[str, Any]]]) -> None:
        """Add article ``doc`` (replacing it if held): its ``articles`` entry, its per-node
        records and its edges (u, v, key, attributes)."""
        self._take_out(doc, keep=contributions)
        for node, record in contributions.items():
            self._contributions(node)[doc] = record  # a record replaced keeps its place: no sorting again
            if node not in self.fresh:
                self.index.totals[node].add(doc, record)
            if node not in self.G:
                self.G.add_node(node)
        self.G.add_edges_from(edges)
        self.index.doc_nodes[doc] = list(contributions)
        self.index.doc_edges[doc] = [(u, v, k) for u, v, k, _ in edges]
        if doc not in self.articles:  # a new key goes last: the ids are sorted again at flush
            self.reorder = True
        self.articles[doc] = article

    def flush(self) -> None:
        """Write the batch into the graph: node attributes, nodes left with nothing, articles."""
        G, totals = self.G, self.index.totals
        for node, per_doc in self.per_node.items():
            if per_doc:
                if node in self.fresh:
                    totals[node] = NodeTotals.of(per_doc)
                G.nodes[node].update(totals[node].attributes(per_doc))
            else:
                totals.pop(node, None)
                if node in G and G.degree(node) == 0:
                    G.remove_node(node)
        articles = self.articles
        G.graph[ARTICLES_ATTR] = {d: articles[d] for d in sorted(articles)} if self.reorder else articles
        touch(G)  # queries remake their indexes
        cache = _cache(G)
        if cache is not None:
            cache[STATE_KEY] = self.index
