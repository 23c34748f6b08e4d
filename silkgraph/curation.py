"""Curation: a researcher's corrections, kept in the store's log and applied at every build.

Each correction is one entry in ``Store.log`` (action, arguments, UTC time):

- ``merge(keep, drop)``: one entity; ``drop``'s mentions, aliases and edges go to ``keep``,
  whose id survives. It is applied to the extraction records before the graph is made, so it
  holds for articles added later that name either;
- ``rename`` (Arabic and/or English label), ``retype``, ``delete`` a node;
- ``reject`` an edge (it leaves the graph, and so every export), ``confirm`` an edge;
- ``note`` on a node or an edge.

The functions here check an entry against the graph (names resolve as in ``silkgraph.graph.query``),
write it to the log and return it; the caller remakes the graph from the store
(``silkgraph.buildrun.graph_from_store``), which applies the log as the build's last step.
Curated nodes and edges carry ``curated=True``, and ``note`` when they have one; a merged
node lists the ids merged into it in ``merged``. ``undo`` takes back the last entries.

Entries name nodes by id; an entry naming an id that was merged away (before or after it)
applies to the surviving node, so a rejected edge stays rejected when one of its ends is merged.

>>> from silkgraph.graph.sample import sample_extractions
>>> from silkgraph.store import Store
>>> with Store(":memory:") as store:
...     G = curated_graph(sample_extractions(), [])
...     _ = rename(store, G, "Tokayev", label_en="K.-J. Tokayev")
...     H = curated_graph(sample_extractions(), store.log())
>>> H.nodes["leader:tokayev"]["label_en"], H.nodes["leader:tokayev"]["curated"]
('K.-J. Tokayev', True)
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import networkx as nx

from silkgraph.graph.build import build_graph, merge_nodes
from silkgraph.graph.index import touch
from silkgraph.graph.query import resolve_entity
from silkgraph.records import ArticleExtraction, Entity
from silkgraph.schema import schema
from silkgraph.store import CurationEntry, Store

ACTIONS = ("merge", "rename", "retype", "delete", "reject", "confirm", "note")
ENTITY_FIELDS = ("type", "label_ar", "label_en", "wikidata")


class CurationError(ValueError):
    """A correction that cannot be made (unknown entity, type or edge)."""


# --- making entries ------------------------------------------------------------------------


def _node(G: nx.MultiDiGraph, name: str) -> str:
    try:
        return resolve_entity(G, name)
    except LookupError as exc:
        raise CurationError(str(exc)) from None


def _edge_spec(G: nx.MultiDiGraph, source: str, edge_type: str, target: str, doc: str | None) -> dict[str, Any]:
    if edge_type not in schema().edge_types:
        raise CurationError(f"unknown edge type {edge_type!r}; known: {', '.join(schema().edge_types)}")
    spec = {"source": _node(G, source), "type": edge_type, "target": _node(G, target), "doc": doc or ""}
    if not matching_edges(G, spec):
        raise CurationError(f"no {edge_type} edge between {spec['source']} and {spec['target']}"
                            + (f" from article {doc}" if doc else "") + " in the graph")
    return spec


def merge(store: Store, G: nx.MultiDiGraph, keep: str, drop: str) -> CurationEntry:
    """Merge entity ``drop`` into ``keep`` (names or ids): one node, ``keep``'s id and labels."""
    keep_id, drop_id = _node(G, keep), _node(G, drop)
    if keep_id == drop_id:
        raise CurationError(f"{keep!r} and {drop!r} are the same entity ({keep_id})")
    entity = {f: str(G.nodes[keep_id].get(f) or "") for f in ENTITY_FIELDS}
    return store.log_append("merge", {"keep": keep_id, "drop": drop_id, "entity": entity})


def rename(store: Store, G: nx.MultiDiGraph, node: str, label_ar: str | None = None,
           label_en: str | None = None) -> CurationEntry:
    """Give a node a new Arabic and/or English label."""
    labels = {k: " ".join(v.split()) for k, v in (("label_ar", label_ar), ("label_en", label_en)) if v is not None}
    if not any(labels.values()):
        raise CurationError("rename needs a new Arabic or English label")
    return store.log_append("rename", {"node": _node(G, node), **labels})


def retype(store: Store, G: nx.MultiDiGraph, node: str, node_type: str) -> CurationEntry:
    """Give a node another type of the schema."""
    if node_type not in schema().node_types:
        raise CurationError(f"unknown node type {node_type!r}; known: {', '.join(schema().node_types)}")
    return store.log_append("retype", {"node": _node(G, node), "type": node_type})


def delete(store: Store, G: nx.MultiDiGraph, node: str) -> CurationEntry:
    """Take a node and its edges out of the graph."""
    return store.log_append("delete", {"node": _node(G, node)})


def reject(store: Store, G: nx.MultiDiGraph, source: str, edge_type: str, target: str,
           doc: str | None = None) -> CurationEntry:
    """Reject the ``edge_type`` edges between two nodes (those of article ``doc`` only, if given)."""
    return store.log_append("reject", _edge_spec(G, source, edge_type, target, doc))


def confirm(store: Store, G: nx.MultiDiGraph, source: str, edge_type: str, target: str,
            doc: str | None = None) -> CurationEntry:
    """Mark the ``edge_type`` edges between two nodes as checked by a person."""
    return store.log_append("confirm", _edge_spec(G, source, edge_type, target, doc))


def note(store: Store, G: nx.MultiDiGraph, text: str, node: str | None = None,
         edge: tuple[str, str, str] | None = None, doc: str | None = None) -> CurationEntry:
    """A note on a node, or on an edge given as (source, type, target); the latest note holds."""
    if (node is None) == (edge is None):
        raise CurationError("a note goes on a node or on an edge")
    target = {"node": _node(G, node)} if node is not None else _edge_spec(G, *edge, doc)  # type: ignore[misc]
    return store.log_append("note", {**target, "text": text.strip()})


def undo(store: Store, n: int = 1) -> list[CurationEntry]:
    """Take back the last ``n`` corrections; returns them, newest first."""
    return store.log_undo(n)


def log(store: Store) -> list[CurationEntry]:
    """Every correction, oldest first, undone ones included (``undone`` says so)."""
    return store.log()


def describe(entry: CurationEntry) -> str:
    """An entry in one line.

    >>> describe(CurationEntry(3, "2026-01-01T00:00:00+00:00", "reject",
    ...     {"source": "leader:li-qiang", "type": "leads", "target": "country:KG", "doc": ""}))
    '#3 2026-01-01T00:00:00+00:00 reject leader:li-qiang —leads→ country:KG'
    """
    a = entry.args
    if entry.action == "merge":
        what = f"{a['drop']} into {a['keep']}"
    elif "node" in a:
        extra = {k: v for k, v in a.items() if k != "node"}
        what = a["node"] + "".join(f" {k}={v!r}" for k, v in sorted(extra.items()))
    else:
        what = f"{a['source']} —{a['type']}→ {a['target']}" + (f" in {a['doc']}" if a.get("doc") else "")
        if a.get("text"):
            what += f" text={a['text']!r}"
    return f"#{entry.id} {entry.at} {entry.action} {what}" + (" (undone)" if entry.undone else "")


# --- applying the log ----------------------------------------------------------------------


def _merges(entries: Iterable[CurationEntry]) -> dict[str, Entity]:
    """drop id -> the entity it now is, chains followed (a into b, then b into c: a is c)."""
    into: dict[str, tuple[str, dict[str, str]]] = {}
    for e in entries:
        if e.action == "merge" and not e.undone:
            into[e.args["drop"]] = (e.args["keep"], e.args["entity"])
            into.pop(e.args["keep"], None)  # a node merged back in is itself again
    out = {}
    for drop in into:
        keep, fields, seen = drop, {}, {drop}
        while keep in into:
            keep, fields = into[keep]
            if keep in seen:
                break
            seen.add(keep)
        out[drop] = Entity(keep, **{f: fields.get(f, "") for f in ENTITY_FIELDS})
    return out


def merge_records(extractions: Iterable[ArticleExtraction], entries: Iterable[CurationEntry]) -> list[ArticleExtraction]:
    """The records with merged entities replaced by the survivors (a relation merged into a loop goes).

    A survivor is the entity as extraction first finds it in the records (the fields the merge
    recorded only when no article names it any more), so undoing a rename also undoes it on
    the mentions merged in.
    """
    merged = _merges(entries)
    records = list(extractions)
    if not merged:
        return records
    survivors = {e.id for e in merged.values()}
    found: dict[str, Entity] = {}
    for ex in records:
        for e in [m.entity for m in ex.mentions] + [e for r in ex.relations for e in (r.source, r.target)]:
            if e.id in survivors:
                found.setdefault(e.id, e)
    merged = {drop: found.get(e.id, e) for drop, e in merged.items()}

    def ent(e: Entity) -> Entity:
        return merged.get(e.id, e)

    out = []
    for ex in records:
        mentions = [replace(m, entity=ent(m.entity)) if m.entity.id in merged else m for m in ex.mentions]
        relations = [replace(r, source=ent(r.source), target=ent(r.target)) for r in ex.relations]
        out.append(ArticleExtraction(ex.article, mentions, [r for r in relations if r.source.id != r.target.id]))
    return out


def matching_edges(G: nx.MultiDiGraph, spec: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The edges an edge entry names: its type between its ends (either way for undirected types)."""
    u, v, etype, doc = spec["source"], spec["target"], spec["type"], spec.get("doc") or ""
    directed = schema().edge_types[etype].directed if etype in schema().edge_types else True
    pairs = [(u, v)] if directed else [(u, v), (v, u)]
    return [(a, b, k) for a, b in pairs if a in G and b in G for k, d in G.succ[a].get(b, {}).items()
            if d.get("type") == etype and (not doc or d.get("doc") == doc)]


def _mark(data: dict[str, Any], text: str | None = None) -> None:
    data["curated"] = True
    if text is not None:
        data["note"] = text


def apply_curation(G: nx.MultiDiGraph, entries: Iterable[CurationEntry]) -> nx.MultiDiGraph:
    """Apply the log's node and edge entries to ``G`` in place (merges are ``merge_records``'s)."""
    entries = [e for e in entries if not e.undone]
    merged = _merges(entries)

    def node_id(n: str) -> str:
        return merged[n].id if n in merged else n

    sch = schema()
    for e in entries:
        a = dict(e.args)
        if e.action == "merge":
            n = node_id(a["drop"])
            if n in G:
                _mark(G.nodes[n])
                G.nodes[n]["merged"] = list(dict.fromkeys([*(G.nodes[n].get("merged") or ()), a["drop"]]))
            continue
        if "node" in a:
            n = node_id(a["node"])
            if n not in G:
                continue  # deleted, or gone from the corpus
            data = G.nodes[n]
            if e.action == "delete":
                G.remove_node(n)
            elif e.action == "rename":
                data.update({k: a[k] for k in ("label_ar", "label_en") if a.get(k)})
                data["label"] = data.get("label_en") or data.get("label_ar", "")
                _mark(data)
            elif e.action == "retype":
                t = sch.node(a["type"])
                data.update(type=t.name, color=t.color, shape=t.shape)
                _mark(data)
            elif e.action == "note":
                _mark(data, a["text"])
            continue
        spec = {**a, "source": node_id(a["source"]), "target": node_id(a["target"])}
        edges = matching_edges(G, spec)
        if e.action == "reject":
            G.remove_edges_from(edges)
        for u, v, k in edges if e.action in ("confirm", "note") else ():
            data = G.edges[u, v, k]
            _mark(data, a["text"] if e.action == "note" else None)
            if e.action == "confirm":
                data["confirmed"] = True
    touch(G)  # attributes changed: queries remake their indexes
    return G


def curated_graph(extractions: Iterable[ArticleExtraction], entries: Iterable[CurationEntry]) -> nx.MultiDiGraph:
    """The graph of ``extractions`` with the curation log ``entries`` applied (undone ones skipped)."""
    entries = [e for e in entries if not e.undone]
    return apply_curation(build_graph(merge_records(extractions, entries)), entries)


def apply_log(G: nx.MultiDiGraph, entries: Iterable[CurationEntry]) -> nx.MultiDiGraph:
    """Apply the whole log to a graph already built, in place, merges too (``merge_nodes``): a
    graph read from a file with no store, or one that articles were added to since. Applying
    it twice changes nothing more.

    >>> from silkgraph.graph.sample import sample_extractions
    >>> with Store(":memory:") as store:
    ...     G = build_graph(sample_extractions())
    ...     _ = merge(store, G, "Kazakhstan", "Tokayev")
    ...     H = apply_log(apply_log(build_graph(sample_extractions()), store.log()), store.log())
    >>> "leader:tokayev" in H, H.nodes["country:KZ"]["merged"]
    (False, ['leader:tokayev'])
    """
    entries = [e for e in entries if not e.undone]
    for drop, survivor in _merges(entries).items():
        merge_nodes(G, survivor.id, drop, {f: getattr(survivor, f) for f in ENTITY_FIELDS})
    return apply_curation(G, entries)
