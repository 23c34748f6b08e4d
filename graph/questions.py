"""The questions researchers ask, answered from the graph with evidence for every row.

Questions are structured templates (``data/questions.toml``): *which [type] [relation]
[entity]*, *what [type] does [entity] [relation], tied to [entity]*, *who [relation] what
with [entity]*, *what links A to B* (the k shortest paths) and *what happened between A and
B over time*. Their vocabulary (node types, relation names, Arabic and English labels) is the
schema's (``silkgraph/schema.toml``); nothing here names a type.

Every answer is an ``Answer``: plain rows, one per relation found, each with its evidence (the
Arabic sentence, the article, its date), plus the node sequences and edges it rests on, so a
view can draw them. An entity "tied to" X is X itself, a node with an edge to X, or a node
with an edge to someone who holds an office in X (a ``collapsible`` relation of the schema,
such as a head of state for a country): so *who signed what with Uzbekistan* finds the
agreements Uzbekistan's president signed too. *Which [type] [relation] [entity]* may also count
what lies within the entity (the schema's ``within`` relations: a city of a country, a summit
held there).

Entity arguments take a node id or any name ``resolve_entity`` understands; dates are ISO
dates or their year/month prefixes (``date_bounds``).
"""
from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from silkgraph.graph.build import graph_articles
from silkgraph.graph.export import csv_cell
from silkgraph.graph.find import node_id
from silkgraph.graph.query import date_bounds, k_shortest_paths
from silkgraph.schema import schema

QUESTIONS_PATH = Path(__file__).parent / "data" / "questions.toml"

COLUMNS = ["path", "hop", "subject", "subject_label", "subject_ar", "relation", "relation_en", "relation_ar",
           "object", "object_label", "object_ar", "date", "doc", "article", "sentence", "trigger",
           "via", "via_label", "tie", "tie_sentence", "tie_article", "tie_date"]


@dataclass
class Answer:
    """An answered question: ``rows`` (plain dicts, ``COLUMNS``), what to draw, and a message."""

    template: str
    question_en: str
    question_ar: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    paths: list[list[str]] = field(default_factory=list)  # node sequences the rows rest on
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (u, v, key) of every row and tie
    message: str = ""
    undated: int = 0  # relations that would answer but have no date, left out by a date range


@lru_cache(maxsize=1)
def _questions_file() -> dict[str, Any]:
    return tomllib.loads(QUESTIONS_PATH.read_text(encoding="utf-8"))


def question_words() -> dict[str, str]:
    """The few words of the form that are no schema label (``[words]`` of ``data/questions.toml``).

    >>> question_words()["any_type_en"]
    'entity'
    """
    return dict(_questions_file()["words"])


def question_templates() -> dict[str, dict[str, Any]]:
    """The question templates, by id, as ``data/questions.toml`` lists them.

    >>> t = question_templates()
    >>> list(t), t["who"]["slots"]
    (['who', 'what', 'with', 'connection', 'between'], ['subject_type', 'relation', 'object', 'within', 'dates'])
    """
    return _questions_file()["templates"]


def vocabulary() -> dict[str, list[dict[str, Any]]]:
    """The words a question may use, all from the schema: node types and relations with their labels.

    >>> v = vocabulary()
    >>> v["node_types"][0], v["relations"][1]["name"], v["relations"][1]["label_ar"]
    ({'name': 'Country', 'label_en': 'Country', 'label_ar': 'دولة'}, 'visited', 'زار')
    """
    sch = schema()
    return {"node_types": [{"name": t.name, "label_en": t.label_en, "label_ar": t.label_ar}
                           for t in sch.node_types.values()],
            "relations": [{"name": e.name, "label_en": e.label_en, "label_ar": e.label_ar, "directed": e.directed,
                           "subjects": list(e.subjects), "objects": list(e.objects)}
                          for e in sch.edge_types.values()]}


def question_text(template: str, lang: str, G: nx.Graph | None = None, **slots: Any) -> str:
    """The question in words: the template with schema labels and entity names in its slots.

    An empty type slot reads as "entity" (``question_words``), another empty slot as an ellipsis.

    >>> question_text("who", "en", subject_type="Leader", relation="visited", object="Kazakhstan")
    'Which Leader visited Kazakhstan?'
    >>> question_text("who", "ar", relation="visited")
    'أيّ كيان زار …؟'
    """
    sch = schema()
    words = {}
    for slot in ("subject_type", "object_type", "relation", "subject", "object", "via", "source", "target"):
        value = slots.get(slot)
        if not value:
            words[slot] = question_words()[f"any_type_{lang}"] if slot.endswith("_type") else "…"
        elif slot.endswith("_type") and value in sch.node_types:
            words[slot] = getattr(sch.node_types[value], f"label_{lang}")
        elif slot == "relation" and value in sch.edge_types:
            words[slot] = getattr(sch.edge_types[value], f"label_{lang}")
        elif G is not None and value in G:
            d = G.nodes[value]
            words[slot] = str(d.get(f"label_{lang}") or d.get("label") or value)
        else:
            words[slot] = str(value)
    return question_templates()[template][f"label_{lang}"].format(**words)


# --- rows --------------------------------------------------------------------------------------


def _in_range(date: str, lo: str | None, hi: str | None) -> bool:
    if not (lo or hi):
        return True
    return bool(date) and not (lo and date < lo) and not (hi and date > hi)


def _row(G: nx.MultiDiGraph, u: str, v: str, key: str, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One relation as a row: its ends, its type's labels and its evidence."""
    d = G.edges[u, v, key]
    etype = schema().edge_types.get(d.get("type", ""))
    doc = d.get("doc", "")
    return {"subject": u, "subject_label": G.nodes[u].get("label", u), "subject_ar": G.nodes[u].get("label_ar", ""),
            "relation": d.get("type", ""), "relation_en": etype.label_en if etype else d.get("type", ""),
            "relation_ar": etype.label_ar if etype else "",
            "object": v, "object_label": G.nodes[v].get("label", v), "object_ar": G.nodes[v].get("label_ar", ""),
            "date": d.get("date", "") or "", "doc": doc,
            "article": d.get("source_title") or (articles.get(doc) or {}).get("title") or doc,
            "sentence": d.get("evidence", "") or "", "trigger": d.get("trigger", "") or "", "key": key}


def _tie_fields(G: nx.MultiDiGraph, via: str, tie: list[tuple[str, str, str]],
                articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The row's columns saying how it is tied to ``via``: the tie's relations and evidence."""
    hops = [_row(G, u, v, k, articles) for u, v, k in tie]
    return {"via": via, "via_label": G.nodes[via].get("label", via),
            "tie": " · ".join(f"{h['subject_label']} {h['relation_en']} {h['object_label']}" for h in hops),
            "tie_sentence": " | ".join(h["sentence"] for h in hops),
            "tie_article": " | ".join(h["article"] for h in hops), "tie_date": " | ".join(h["date"] for h in hops)}


def _best_edge(G: nx.MultiDiGraph, a: str, b: str, exclude: set[str], types: Collection[str] | None = None
               ) -> tuple[str, str, str] | None:
    """An edge between ``a`` and ``b`` (either way, of ``types``), not in ``exclude``; the most confident."""
    found = [(u, v, k) for u, v in ((a, b), (b, a)) for k, d in G.succ[u].get(v, {}).items()
             if k not in exclude and (types is None or d.get("type") in types)]
    return max(found, key=lambda e: (G.edges[e].get("confidence") or 0, e[2]), default=None)


def office_holders(G: nx.MultiDiGraph, via: str) -> dict[str, tuple[str, str, str]]:
    """Who holds an office in ``via`` (a ``collapsible`` relation of the schema to it), with that edge.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> {holder: edge[:2] for holder, edge in office_holders(build_graph(sample_extractions()), "country:UZ").items()}
    {'leader:mirziyoyev': ('leader:mirziyoyev', 'country:UZ')}
    """
    offices = set(schema().collapsible_edge_types)
    found: dict[str, tuple[str, str, str]] = {}
    for holder, _, key, kind in sorted(G.in_edges(via, keys=True, data="type")):
        if kind in offices and holder != via:
            found.setdefault(holder, (holder, via, key))
    return found


def tie(G: nx.MultiDiGraph, node: str, via: str, exclude: Collection[str] = (), office_only: bool = False,
        holders: dict[str, tuple[str, str, str]] | None = None) -> list[tuple[str, str, str]] | None:
    """How ``node`` is tied to ``via``: [] when it is ``via``, the edges of the tie, or None.

    A tie is an edge between the two, else an edge to someone holding an office in ``via``
    (``office_holders``, which may be given, computed once for many nodes); with
    ``office_only``, only ``node``'s own office in ``via`` (the subject of a relation acts for a
    country, it does not meet for it). Edges whose key is in ``exclude`` do not count.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> [G.edges[e]["type"] for e in tie(G, "event:china-central-asia-summit:2025", "country:UZ")]
    ['attended', 'leads']
    >>> tie(G, "country:TR", "country:UZ") is None
    True
    """
    if node == via:
        return []
    exclude = set(exclude)
    holders = office_holders(G, via) if holders is None else holders
    if office_only:
        own = holders.get(node)
        return [own] if own and own[2] not in exclude else None
    direct = _best_edge(G, node, via, exclude)
    if direct:
        return [direct]
    for holder in sorted((set(G.succ[node]) | set(G.pred[node])) & set(holders)):
        step = _best_edge(G, node, holder, exclude)
        if step and holders[holder][2] not in exclude:
            return [step, holders[holder]]
    return None


def within_of(G: nx.MultiDiGraph, node: str, depth: int = 3) -> dict[str, list[tuple[str, str, str]]]:
    """``node`` and what lies within it (the schema's ``within`` relations, up to ``depth`` steps),
    each with the edges that put it there, from it up to ``node``.

    >>> H = nx.MultiDiGraph()
    >>> H.add_edge("event:e", "city:c", key="1", type="located_in")
    '1'
    >>> H.add_edge("city:c", "country:x", key="2", type="located_in")
    '2'
    >>> {n: [u for u, _, _ in chain] for n, chain in within_of(H, "country:x").items()}
    {'country:x': [], 'city:c': ['city:c'], 'event:e': ['event:e', 'city:c']}
    """
    kinds = set(schema().within_edge_types)
    found: dict[str, list[tuple[str, str, str]]] = {node: []}
    frontier = [node]
    for _ in range(depth):
        nxt = []
        for outer in frontier:
            for inner, _, key, kind in sorted(G.in_edges(outer, keys=True, data="type")):
                if kind in kinds and inner not in found:
                    found[inner] = [(inner, outer, key)] + found[outer]
                    nxt.append(inner)
        frontier = nxt
    return found


def _candidate_edges(G: nx.MultiDiGraph, relation: str | None, ends: list[str]) -> Iterator[tuple[str, str, str]]:
    """Edges that may answer: those at the fixed ends, else every edge (of ``relation``)."""
    if ends:
        for n in ends:
            yield from ((u, v, k) for u, v, k in G.out_edges(n, keys=True))
            yield from ((u, v, k) for u, v, k in G.in_edges(n, keys=True) if u != n)
    else:
        yield from ((u, v, k) for u, v, k, t in G.edges(keys=True, data="type") if relation is None or t == relation)


def _orientations(G: nx.MultiDiGraph, u: str, v: str, etype: str) -> list[tuple[str, str]]:
    """(subject, object) readings of an edge: the stored one, and the reverse for undirected types."""
    spec = schema().edge_types.get(etype)
    return [(u, v)] if spec is None or spec.directed else [(u, v), (v, u)]


def ask_relation(G: nx.MultiDiGraph, relation: str | None = None, subject: str | None = None,
                 subject_type: str | None = None, obj: str | None = None, object_type: str | None = None,
                 via: str | None = None, date_from: Any = None, date_to: Any = None,
                 template: str = "who", within: bool = False) -> Answer:
    """Relations of type ``relation`` from a ``subject`` (or any of ``subject_type``) to an ``obj``
    (or any of ``object_type``), dated within the range, tied to ``via`` when given.

    With ``within``, a relation to what lies within ``obj`` answers too (a visit to a city of
    a country, to a summit held there: ``within_of``), its row tied to ``obj`` by that chain.

    The tie is looked for on the ends no entity fixes (both, when neither is fixed; the
    subject only by its own office, see ``tie``). Rows are
    sorted by date (undated last), then names. Unknown types raise ``KeyError``.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> a = ask_relation(G, "visited", subject_type="Leader", obj="Kazakhstan", date_from="2013", date_to="2024")
    >>> a.question_en, [(r["subject"], r["date"], r["sentence"][:12]) for r in a.rows]
    ('Which Leader visited Kazakhstan?', [('leader:xi-jinping', '2024-07-06', 'وفي يوم الجم')])
    >>> ask_relation(G, "visited", subject_type="Leader", obj="Kazakhstan", date_to="2023").rows
    []
    >>> H = nx.MultiDiGraph()
    >>> H.add_edge("leader:a", "city:c", key="1", type="visited", date="2020-01-01")
    '1'
    >>> H.add_edge("city:c", "country:x", key="2", type="located_in")
    '2'
    >>> [(r["object"], r["tie"]) for r in ask_relation(H, "visited", obj="country:x", within=True).rows]
    [('city:c', 'city:c located in country:x')]
    >>> a = ask_relation(G, "attended", via="Uzbekistan", template="with")
    >>> [r["subject"] for r in a.rows], a.rows[1]["tie"]
    (['leader:japarov', 'leader:mirziyoyev', 'leader:xi-jinping'], 'Shavkat Mirziyoyev leads Uzbekistan')
    """
    sch = schema()
    for t in (subject_type, object_type):
        if t:
            sch.node(t)
    if relation:
        sch.edge(relation)
    subject = node_id(G, subject) if subject else None
    obj = node_id(G, obj) if obj else None
    via = node_id(G, via) if via else None
    holders = office_holders(G, via) if via else {}
    inside = (within_of(G, obj) if within else {obj: []}) if obj else {}
    lo, hi = date_bounds(date_from, date_to)
    articles = graph_articles(G)
    answer = Answer(template, *(question_text(template, lang, G, relation=relation, subject=subject, object=obj,
                                              subject_type=subject_type, object_type=object_type, via=via)
                                for lang in ("en", "ar")))
    seen: set[tuple[str, str, str]] = set()  # one row per edge, even when both readings fit
    for u, v, k in _candidate_edges(G, relation, [subject] if subject else list(inside)):
        d = G.edges[u, v, k]
        if relation and d.get("type") != relation:
            continue
        dated = _in_range(d.get("date") or "", lo, hi)
        if not dated and d.get("date"):
            continue
        for s, o in _orientations(G, u, v, d.get("type", "")):
            if (subject and s != subject) or (obj and o not in inside) or (u, v, k) in seen:
                continue
            if (subject_type and G.nodes[s].get("type") != subject_type) or \
                    (object_type and G.nodes[o].get("type") != object_type):
                continue
            if not dated:  # undated, and a date range was asked for: counted, not shown
                answer.undated += 1
                seen.add((u, v, k))
                continue
            row = _row(G, u, v, k, articles)
            ties = inside.get(o) or None
            if ties:
                row.update(_tie_fields(G, obj, ties, articles))
            if via:
                free = [(n, n == s) for n, fixed in ((o, obj), (s, subject)) if not fixed]
                found = [(n, t) for n, strict in free if (t := tie(G, n, via, {k}, strict, holders)) is not None]
                if not found:
                    continue
                end, ties = min(found, key=lambda f: len(f[1]))
                row.update(_tie_fields(G, via, ties, articles))
            seen.add((u, v, k))
            answer.rows.append(row)
            answer.paths.append([s, o])
            answer.edges.append((u, v, k))
            if ties:
                answer.paths += [[a, b] for a, b, _ in ties]
                answer.edges += ties
    _finish(answer)
    return answer


def _finish(answer: Answer) -> None:
    """Sort the rows by date (undated last) and say how many there are."""
    answer.rows.sort(key=lambda r: (r.get("path") or 0, r.get("hop") or 0, not r["date"], r["date"],
                                    str(r["subject_label"]), str(r["object_label"])))
    n = len(answer.rows)
    answer.message = f"{n} relation{'s answer' if n != 1 else ' answers'} this question." if n else \
        "Nothing in the graph answers this question (widen the dates, or try another relation)."
    if answer.undated:
        answer.message += (f" {answer.undated} undated relation{'s' if answer.undated != 1 else ''} "
                           "would answer it but are on no date, so the date range leaves them out.")


def ask_connection(G: nx.MultiDiGraph, source: str, target: str, k: int = 3, max_hops: int = 4,
                   relations: Collection[str] | None = None, date_from: Any = None, date_to: Any = None) -> Answer:
    """What links ``source`` to ``target``: the ``k`` shortest paths, one row per hop with its evidence.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> a = ask_connection(G, "China", "Kyrgyzstan", k=1)
    >>> [(r["path"], r["hop"], r["subject"], r["relation"], r["object"]) for r in a.rows]
    [(1, 1, 'corridor:railway:CN-KG-UZ', 'links', 'country:CN'), (1, 2, 'corridor:railway:CN-KG-UZ', 'links', 'country:KG')]
    >>> a.paths
    [['country:CN', 'corridor:railway:CN-KG-UZ', 'country:KG']]
    """
    source, target = node_id(G, source), node_id(G, target)
    articles = graph_articles(G)
    answer = Answer("connection", *(question_text("connection", lang, G, source=source, target=target)
                                    for lang in ("en", "ar")))
    for i, path in enumerate(k_shortest_paths(G, source, target, k=k, max_hops=max_hops, edge_types=relations,
                                              date_from=date_from, date_to=date_to), 1):
        answer.paths.append([path[0]["from"]] + [h["to"] for h in path])
        for j, hop in enumerate(path, 1):
            u, v = (hop["from"], hop["to"]) if hop["direction"] == "forward" else (hop["to"], hop["from"])
            answer.rows.append({**_row(G, u, v, hop["key"], articles), "path": i, "hop": j})
            answer.edges.append((u, v, hop["key"]))
    _finish(answer)
    if answer.rows:
        n = len(answer.paths)
        answer.message = f"{n} path{'s' if n != 1 else ''} of at most {max_hops} hops, every hop with its evidence."
    return answer


def ask_between(G: nx.MultiDiGraph, source: str, target: str, date_from: Any = None, date_to: Any = None) -> Answer:
    """What happened between ``source`` and ``target`` over time: every relation between the two,
    and every relation of either with something they share (an event, an agreement, a
    corridor: ``via``), dated within the range, in date order.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> a = ask_between(G, "Tokayev", "Xi Jinping")
    >>> [(r["date"], r["subject"], r["relation"], r["object"], r["via"]) for r in a.rows][:2]
    [('2024-07-06', 'leader:tokayev', 'leads', 'country:KZ', 'country:KZ'), ('2024-07-06', 'leader:tokayev', 'met', 'leader:xi-jinping', '')]
    """
    source, target = node_id(G, source), node_id(G, target)
    lo, hi = date_bounds(date_from, date_to)
    articles = graph_articles(G)
    answer = Answer("between", *(question_text("between", lang, G, source=source, target=target)
                                 for lang in ("en", "ar")))
    U = G.to_undirected(as_view=True)
    shared = (set(U[source]) & set(U[target])) - {source, target}
    pairs = [(source, target, "")] + [(end, c, c) for c in sorted(shared) for end in (source, target)]
    for a, b, through in pairs:
        for u, v in ((a, b), (b, a)):
            for k, d in G.succ[u].get(v, {}).items():
                if not _in_range(d.get("date") or "", lo, hi):
                    answer.undated += not d.get("date")
                else:
                    answer.rows.append({**_row(G, u, v, k, articles), "via": through,
                                        "via_label": G.nodes[through].get("label", through) if through else ""})
                    answer.paths.append([u, v])
                    answer.edges.append((u, v, k))
    _finish(answer)
    return answer


def ask(G: nx.MultiDiGraph, template: str, **slots: Any) -> Answer:
    """Answer a question of ``template`` (an id of ``question_templates``) with its slots.

    Slots: subject_type, object_type, relation, subject, object, within, via, source, target,
    relations, k, max_hops, date_from, date_to; a slot the template does not ask for is
    ignored. An unknown template raises ``KeyError`` naming the known ones.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> a = ask(G, "what", subject="الصين", relation="builds", via="تركيا")
    >>> [(r["object"], r["tie"]) for r in a.rows]
    [('corridor:multimodal:CN-TR', 'China–Turkey multimodal transport corridor links Turkey')]
    >>> ask(G, "who", subject_type="Leader", relation="visited", object="Kazakhstan", date_from="2013",
    ...     date_to="2019").question_en
    'Which Leader visited Kazakhstan? (2013 – 2019)'

    """
    templates = question_templates()
    if template not in templates:
        raise KeyError(f"unknown question template {template!r}; known: {', '.join(templates)}")
    asked = set(templates[template]["slots"])
    dates = {"date_from": slots.get("date_from") or None, "date_to": slots.get("date_to") or None} \
        if "dates" in asked else {}
    if template == "connection":
        answer = ask_connection(G, slots["source"], slots["target"], k=slots.get("k", 3),
                                max_hops=slots.get("max_hops", 4), relations=slots.get("relations") or None, **dates)
    elif template == "between":
        answer = ask_between(G, slots["source"], slots["target"], **dates)
    else:
        given = {name: slots.get(name) or None for name in ("relation", "subject", "subject_type", "object_type", "via")
                 if name in asked}
        answer = ask_relation(G, obj=slots.get("object") if "object" in asked else None, template=template,
                              within=bool(slots.get("within")) and "within" in asked, **given, **dates)
    if any(dates.values()):  # the range, as asked, after the question
        span = f" ({dates['date_from'] or '…'} – {dates['date_to'] or '…'})"
        answer.question_en += span
        answer.question_ar += span
    return answer


def answer_csv(answer: Answer) -> str:
    """The answer's rows as CSV text (``COLUMNS``), cells no spreadsheet runs as formulas.

    >>> print(answer_csv(Answer("who", "q", "q", rows=[{"subject": "=x", "sentence": "زار"}])).splitlines()[1])
    ,,'=x,,,,,,,,,,,,زار,,,,,,,
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in answer.rows:
        writer.writerow({c: csv_cell(row.get(c, "")) for c in COLUMNS})
    return out.getvalue()
