"""Build the knowledge graph from extraction records.

One node per real-world entity (``Entity.id``), merged across articles and spellings; one
edge per (source, relation type, target, article). Attributes are plain Python data: scalars,
lists (node ``aliases`` and ``docs``) and dicts (node ``doc_mentions``, edge ``evidence_json``
items, graph ``articles``). ``silkgraph.graph.export`` flattens them for GraphML/GEXF and ``read_graph``
parses them back, so a graph read from a file looks like one built here.

Each article's contribution is kept on the graph itself, so adding an article again
replaces it and ``remove_article`` takes it out, also on a graph read back from an export:

- node attribute ``doc_mentions``: {doc_id: {"entity": {...}, "mentions": n, "forms": [...],
  "date": ...}}; the node's other attributes are derived from it;
- edge attribute ``doc`` (and the doc id ends every edge key);
- graph attribute ``articles``: {doc_id: {title, date, source, url, path, words}}.

The graph's lists and dicts are never changed in place, only replaced, so a shallow
``G.copy()`` can be changed while other readers keep the original. The graph also carries an
index of the above (``silkgraph.graph.state``: article -> nodes and edges, per-node totals), so
re-adding or removing one article touches only what that article touched.

Undirected relation types (schema ``directed = false``) are stored once, in a canonical
direction: from the end whose type is one of the schema's ``subjects`` to the end whose type
is one of its ``objects`` (so ``links`` runs corridor -> place); when either end could come
first (``met``: person to person), from the smaller node id to the larger.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from silkgraph.graph.index import touch
from silkgraph.graph.state import ARTICLES_ATTR, DOC_MENTIONS_ATTR, GraphState, NodeTotals
from silkgraph.records import ArticleExtraction, Entity, Relation
from silkgraph.schema import schema

EVIDENCE_ATTR = "evidence_json"  # the name GraphML files have always used; a list in memory
LIST_ATTRS = ("aliases", "docs", "merged")  # node attributes holding lists of strings (merged: silkgraph.curation)
SEP = "|"


def build_graph(extractions: Iterable[ArticleExtraction]) -> nx.MultiDiGraph:
    """A graph of every entity and relation in ``extractions``.

    An article (``doc_id``) that occurs twice counts once: the later record replaces it.

    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> G.nodes["country:KZ"]["aliases"]
    ['كازاخستان', 'قازاقستان']
    >>> G.nodes["country:KZ"]["docs"]
    ['000_d8d0bccc6eeca408']
    >>> e = G.edges["leader:xi-jinping", "country:KZ", "leader:xi-jinping|visited|country:KZ|000_d8d0bccc6eeca408"]
    >>> e["count"], e["confidence"], e["trigger"]
    (2, 0.7, 'زيارة')
    """
    G = nx.MultiDiGraph()
    G.graph[ARTICLES_ATTR] = {}
    state = GraphState(G)
    for extraction in extractions:
        state.add(*_prepare(extraction))
    state.flush()
    return G


def add_extraction(G: nx.MultiDiGraph, extraction: ArticleExtraction) -> None:
    """Add one article's entities and relations to ``G``, replacing what it added before.

    Adding the same ``doc_id`` again never duplicates edges or inflates counts. A record that
    names an unknown node or edge type raises ``ValueError`` and leaves ``G`` as it was.

    >>> from silkgraph.graph.sample import sample_extractions
    >>> records = sample_extractions()
    >>> G = build_graph(records)
    >>> before = (G.number_of_nodes(), G.number_of_edges(), G.nodes["leader:xi-jinping"]["mentions"])
    >>> add_extraction(G, records[0])
    >>> (G.number_of_nodes(), G.number_of_edges(), G.nodes["leader:xi-jinping"]["mentions"]) == before
    True
    """
    prepared = _prepare(extraction)
    state = GraphState(G)
    state.add(*prepared)
    state.flush()


def remove_article(G: nx.MultiDiGraph, doc_id: str) -> bool:
    """Take one article's contribution out of ``G``; False when ``G`` does not hold it.

    Nodes that only that article mentioned go; nodes others mention keep their other
    aliases, counts and dates.

    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> remove_article(G, "001_326f30334e07f93a")
    True
    >>> "event:china-central-asia-summit:2025" in G, G.nodes["leader:xi-jinping"]["docs"]
    (False, ['000_d8d0bccc6eeca408'])
    >>> remove_article(G, "001_326f30334e07f93a")
    False
    """
    state = GraphState(G)
    found = state.remove(doc_id)
    state.flush()
    return found


def merge_nodes(G: nx.MultiDiGraph, keep: str, drop: str, fields: dict[str, str] | None = None) -> bool:
    """Merge node ``drop`` into ``keep`` in place, on a graph already built (one read from a file):
    ``drop``'s per-article records, spellings and edges go to ``keep`` (an edge that would join
    ``keep`` to itself goes); False when ``drop`` is not in ``G``. ``fields`` (type, labels,
    wikidata) name the survivor when ``keep`` is not in ``G`` itself.

    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> merge_nodes(G, "country:KZ", "leader:tokayev")
    True
    >>> "leader:tokayev" in G, "توكاييف" in G.nodes["country:KZ"]["aliases"], G.has_edge("country:KZ", "country:KZ")
    (False, True, False)
    """
    if drop not in G or drop == keep:
        return False
    entity = ({f: str(G.nodes[keep].get(f) or "") for f in ("type", "label_ar", "label_en", "wikidata")}
              if keep in G else {**{"type": G.nodes[drop].get("type", "")}, **(fields or {})})
    per_doc = dict(doc_mentions(G.nodes[keep])) if keep in G else {}
    for doc, record in doc_mentions(G.nodes[drop]).items():
        mine = per_doc.get(doc)
        per_doc[doc] = ({**record, "entity": dict(entity)} if mine is None else
                        {**mine, "mentions": mine["mentions"] + record["mentions"],
                         "forms": mine["forms"] + [f for f in record["forms"] if f not in mine["forms"]]})
    G.add_node(keep)
    edges = {k: (u, v, d) for u, v, k, d in [*G.out_edges(drop, keys=True, data=True),
                                             *G.in_edges(drop, keys=True, data=True)]}
    for u, v, d in edges.values():
        a, b = (keep if u == drop else u), (keep if v == drop else v)
        if a == b:
            continue
        kind = str(d.get("type") or "")
        if not _in_order(kind, a, str(G.nodes[a].get("type") or entity["type"]), b,
                         str(G.nodes[b].get("type") or entity["type"])):
            a, b = b, a
        key = edge_key(a, kind, b, str(d.get("doc") or ""))
        if not G.has_edge(a, b, key):
            G.add_edge(a, b, key=key, **d)
            continue
        there = G.edges[a, b, key]  # both named it in one article: one edge, every sentence
        seen = {(i.get("start"), i.get("end"), i.get("trigger")) for i in there.get(EVIDENCE_ATTR) or ()}
        items = list(there.get(EVIDENCE_ATTR) or ()) + [i for i in d.get(EVIDENCE_ATTR) or ()
                                                         if (i.get("start"), i.get("end"), i.get("trigger")) not in seen]
        there.update({EVIDENCE_ATTR: items, "count": len(items)})
    G.remove_node(drop)
    G.nodes[keep].update(NodeTotals.of(per_doc).attributes(per_doc) if per_doc else {**entity, "label": entity.get("label_en") or entity.get("label_ar", "")})
    touch(G)
    return True


def graph_articles(G: nx.Graph) -> dict[str, dict[str, Any]]:
    """The articles ``G`` was built from: doc_id -> {title, date, source, url, path, words}.

    >>> from silkgraph.graph.sample import sample_extractions
    >>> graph_articles(build_graph(sample_extractions()))["001_326f30334e07f93a"]["date"]
    '2025-06-17'
    """
    return G.graph.get(ARTICLES_ATTR) or {}


def doc_mentions(node_data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A node's per-article record (``doc_mentions``): doc_id -> entity, mentions, forms, date.

    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> {doc: m["mentions"] for doc, m in doc_mentions(G.nodes["leader:tokayev"]).items()}
    {'000_d8d0bccc6eeca408': 1, '001_326f30334e07f93a': 1}
    """
    return node_data.get(DOC_MENTIONS_ATTR) or {}


def canonical_ends(relation: Relation) -> tuple[Entity, Entity]:
    """The (source, target) an edge of this relation is stored with (see the module docstring).

    >>> from silkgraph.graph.sample import sample_extractions
    >>> r = [r for r in sample_extractions()[0].relations if r.source.id == "country:TR"][0]
    >>> r.type, [e.id for e in canonical_ends(r)]
    ('links', ['corridor:multimodal:CN-TR', 'country:TR'])
    """
    src, tgt = relation.source, relation.target
    return (src, tgt) if _in_order(relation.type, src.id, src.type, tgt.id, tgt.type) else (tgt, src)


def _in_order(edge_type_name: str, src: str, src_type: str, tgt: str, tgt_type: str) -> bool:
    """Whether an edge of this type from ``src`` to ``tgt`` is stored that way round."""
    edge_type = schema().edge(edge_type_name)
    if edge_type.directed:
        return True
    forward = src_type in edge_type.subjects and tgt_type in edge_type.objects
    backward = tgt_type in edge_type.subjects and src_type in edge_type.objects
    if forward != backward:
        return forward
    return src <= tgt


def edge_key(source: str, edge_type: str, target: str, doc_id: str) -> str:
    """The unique key (and GraphML edge id) of an edge.

    >>> edge_key("leader:xi-jinping", "visited", "country:KZ", "000")
    'leader:xi-jinping|visited|country:KZ|000'
    """
    return SEP.join((source, edge_type, target, doc_id))


# --- internals -------------------------------------------------------------------------


def _check(extraction: ArticleExtraction) -> None:
    """Raise ValueError naming the problem when a record cannot go into the graph."""
    sch = schema()
    doc = extraction.article.doc_id
    if not isinstance(doc, str) or not doc:
        raise ValueError(f"article has no doc_id (title {extraction.article.title!r})")
    entities = [m.entity for m in extraction.mentions]
    for r in extraction.relations:
        entities += [r.source, r.target]
        if r.type not in sch.edge_types:
            raise ValueError(f"{doc}: relation type {r.type!r} is not in the schema; "
                             f"known: {', '.join(sch.edge_types)}")
        if r.doc_id != doc:
            raise ValueError(f"{doc}: a relation carries doc_id {r.doc_id!r}")
        if not isinstance(r.confidence, (int, float)):
            raise ValueError(f"{doc}: relation confidence {r.confidence!r} is not a number")
    for m in extraction.mentions:
        if m.doc_id != doc:
            raise ValueError(f"{doc}: mention {m.text!r} carries doc_id {m.doc_id!r}")
    for e in entities:
        if not e.id:
            raise ValueError(f"{doc}: an entity has an empty id (label {e.label_ar!r})")
        if e.type not in sch.node_types:
            raise ValueError(f"{doc}: entity {e.id!r} has type {e.type!r}, not in the schema; "
                             f"known: {', '.join(sch.node_types)}")


def _node_contributions(extraction: ArticleExtraction) -> dict[str, dict[str, Any]]:
    """What one article says about each entity: entity fields, mention count, forms, date."""
    date = extraction.article.date
    out: dict[str, dict[str, Any]] = {}

    def entry(e: Entity) -> dict[str, Any]:
        if e.id not in out:
            out[e.id] = {"entity": {"type": e.type, "label_ar": e.label_ar, "label_en": e.label_en,
                                    "wikidata": e.wikidata},
                         "mentions": 0, "forms": [], "date": date}
        return out[e.id]

    for m in sorted(extraction.mentions, key=lambda m: (m.start, m.end)):
        c = entry(m.entity)
        c["mentions"] += 1
        for form in (m.text, *m.aliases):
            form = form.strip()
            if form and form not in c["forms"]:
                c["forms"].append(form)
    for r in extraction.relations:
        for e in (r.source, r.target):
            c = entry(e)
            # a relation's sentence names both ends: count one mention where no span was recorded
            c["mentions"] = max(c["mentions"], 1)
    return out


def _edges(extraction: ArticleExtraction) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """One edge per (source, type, target) of the article: key -> (u, v, attributes)."""
    sch = schema()
    article = extraction.article
    doc = article.doc_id
    grouped: dict[str, tuple[str, str, str, list[Relation]]] = {}
    for r in extraction.relations:
        src, tgt = canonical_ends(r)
        key = edge_key(src.id, r.type, tgt.id, doc)
        grouped.setdefault(key, (src.id, tgt.id, r.type, []))[3].append(r)
    out = {}
    for key, (u, v, type_name, relations) in grouped.items():
        items: dict[tuple[int, int, str], dict[str, Any]] = {}
        for r in relations:
            # the same sentence and trigger reported twice is one piece of evidence
            ident = (r.sentence_start, r.sentence_end, r.trigger)
            conf = float(r.confidence)
            if ident not in items or conf > items[ident]["confidence"]:
                items[ident] = {"sentence": r.sentence, "start": r.sentence_start, "end": r.sentence_end,
                                "trigger": r.trigger, "confidence": conf, "date": r.date}
        evidence = sorted(items.values(), key=lambda i: (i["start"], i["end"], i["trigger"]))
        best = max(evidence, key=lambda i: (i["confidence"], -i["start"]))
        et = sch.edge(type_name)
        out[key] = (u, v, {
            "type": type_name,
            "label_en": et.label_en,
            "label_ar": et.label_ar,
            "directed": et.directed,
            "doc": doc,
            "date": best["date"] or article.date,
            "evidence": best["sentence"],
            "trigger": best["trigger"],
            "confidence": best["confidence"],
            "count": len(evidence),
            EVIDENCE_ATTR: [{k: i[k] for k in ("sentence", "start", "end", "trigger", "confidence")}
                            for i in evidence],
            "source_title": article.title,
            "source_url": article.url,
            "color": et.color,
        })
    return out


def _prepare(extraction: ArticleExtraction) -> tuple[str, dict[str, Any], dict[str, dict[str, Any]],
                                                     list[tuple[str, str, str, dict[str, Any]]]]:
    """``GraphState.add``'s arguments for one article's record, checked (ValueError) first."""
    _check(extraction)
    article = extraction.article
    edges = [(u, v, key, attrs) for key, (u, v, attrs) in _edges(extraction).items()]
    return (article.doc_id, {"title": article.title, "date": article.date, "source": article.source,
                             "url": article.url, "path": article.path, "words": len(article.text.split())},
            _node_contributions(extraction), edges)
