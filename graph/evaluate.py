"""Score a graph against the hand-annotated dev set, as ``/work/shared/eval/score.py`` does.

The reference scorer is the judge, so this mirrors it exactly: its normalisation (which folds
less than ``silkgraph.normalize``: no bidi marks, no Persian letters), its attribute names and
type synonyms (all in ``data/scoring.toml``). The core relation types are the schema's.

A gold entity is found when a node of a compatible type carries one of its Arabic forms or
its English name; relations are compared on (source, type, target) between found entities,
``links`` and ``met`` in either direction. Precision is judged on predicted core-type edges
whose two ends are gold entities; other edges are counted as unjudged.
"""
from __future__ import annotations

import json
import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from silkgraph.normalize import drop_article
from silkgraph.schema import schema

SCORING_DATA = Path(__file__).parent / "data" / "scoring.toml"


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    raw = tomllib.loads(SCORING_DATA.read_text(encoding="utf-8"))
    fields = raw["fields"]
    return {
        "dropped": re.compile(f"[{raw['dropped']}]"),
        "letters": str.maketrans(raw["letters"]),
        "separators": re.compile(f"[{raw['separators']}]+"),
        "names": tuple(fields["names"]),
        "aliases": tuple(fields["aliases"]),
        "alias_split": re.compile("[" + "".join(re.escape(c) for c in fields["alias_separators"]) + "]"),
        "edge_type": tuple(fields["edge_type"]),
        "synonyms": {t: set(names) for t, names in raw["type_synonyms"].items()},
        "undirected": frozenset(raw["relations"]["undirected"]),
        "unannotated": frozenset(raw["precision"]["unannotated"]),
    }


def scoring_key(text: str) -> str:
    """A name as the scorer compares it: marks dropped, letters folded, lower case,
    punctuation as spaces, a leading article off each word.

    >>> scoring_key("الصّين") == scoring_key("الصين")
    True
    >>> scoring_key("Xi'an"), scoring_key("قمة الصين-آسيا الوسطى")
    ('xi an', 'قمه صين اسيا وسطي')
    """
    rules = _rules()
    text = rules["dropped"].sub("", text or "").translate(rules["letters"])
    text = rules["separators"].sub(" ", text.lower())
    return " ".join(drop_article(w) for w in text.split())


def node_names(node: Any, data: dict[str, Any]) -> set[str]:
    """The scoring keys of a node: its id, labels and aliases.

    >>> sorted(node_names("country:CN", {"label_ar": "الصين", "aliases": "الصين|وبالصين"}))
    ['country:cn', 'صين', 'وبالصين']
    >>> node_names("country:CN", {"aliases": ["الصين", "وبالصين"]}) == node_names("country:CN", {"aliases": "الصين|وبالصين"})
    True
    """
    rules = _rules()
    data = {**data, "id": str(node)}
    names = {scoring_key(v) for k in rules["names"] if isinstance(v := data.get(k), str) and v}
    for k in rules["aliases"]:
        v = data.get(k)
        parts = rules["alias_split"].split(v) if isinstance(v, str) else v if isinstance(v, (list, tuple)) else []
        names |= {scoring_key(part) for part in parts if isinstance(part, str) and part.strip()}
    return names


def compatible(gold_type: str, node_type: Any) -> bool:
    """Whether a node of ``node_type`` can stand for a gold entity of ``gold_type``.

    >>> compatible("City", "loc"), compatible("City", "Country")
    (True, False)
    """
    t = (node_type or "").lower()
    return t == gold_type.lower() or t in _rules()["synonyms"].get(gold_type, set())


def relation_type(edge_data: dict[str, Any]) -> str:
    """The relation an edge states, lower-cased ("" when none).

    >>> relation_type({"type": "Signed"}), relation_type({"relation": "links"}), relation_type({})
    ('signed', 'links', '')
    """
    for k in _rules()["edge_type"]:
        v = edge_data.get(k)
        if isinstance(v, str) and v:
            return v.lower()
    return ""


def _check_gold(gold: Any) -> None:
    if not isinstance(gold, dict) or not isinstance(gold.get("entities"), dict) \
            or not isinstance(gold.get("relations"), dict) \
            or not all(isinstance(gold["relations"].get(k), list) for k in ("core", "extra")):
        raise ValueError("gold annotation needs 'entities' (a mapping) and 'relations' with "
                         "'core' and 'extra' lists")
    for key, ent in gold["entities"].items():
        if not {"type", "en", "ar"} <= set(ent):
            raise ValueError(f"gold entity {key!r} needs 'type', 'en' and 'ar'")
    for kind in ("core", "extra"):
        for rel in gold["relations"][kind]:
            if len(rel) != 4:
                raise ValueError(f"gold {kind} relation {rel!r} is not [source, type, target, doc]")


def score(gold: dict[str, Any], G: nx.Graph) -> dict[str, Any]:
    """Entity recall (by type), core relation recall (by type), relation precision, and the
    missing, wrong and unjudged lists: the reference scorer's result, key for key.

    With no gold entities or core relations the matching recall is 0.0.

    >>> gold = {"entities": {"china": {"type": "Country", "en": "China", "ar": ["الصين"]},
    ...                      "xi": {"type": "Leader", "en": "Xi Jinping", "ar": ["شي"]}},
    ...         "relations": {"core": [["xi", "leads", "china", "d"]], "extra": []}}
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("country:CN", type="Country", label_ar="الصّين")
    >>> G.add_node("leader:xi", type="Leader", label_en="Xi Jinping")
    >>> _ = G.add_edge("leader:xi", "country:CN", type="leads")
    >>> r = score(gold, G)
    >>> r["entities_found"], r["relations_found"], r["relation_precision"]
    ('2/2', '1/1', 1.0)
    """
    _check_gold(gold)
    core_types = set(schema().core_edge_types)
    undirected = _rules()["undirected"]
    names = {n: node_names(n, d) for n, d in G.nodes(data=True)}
    found: dict[str, set] = {}
    by_type: dict[str, list[int]] = {}
    for key, ent in gold["entities"].items():
        wanted = {scoring_key(a) for a in ent["ar"]} | {scoring_key(ent["en"])}
        hits = {n for n, f in names.items() if f & wanted and compatible(ent["type"], G.nodes[n].get("type", ""))}
        if hits:
            found[key] = hits
        tally = by_type.setdefault(ent["type"], [0, 0])
        tally[1] += 1
        tally[0] += bool(hits)
    node_to_gold: dict[Any, set[str]] = {}
    for key, nodes in found.items():
        for n in nodes:
            node_to_gold.setdefault(n, set()).add(key)

    def canon(a: str, t: str, b: str) -> tuple[str, str, str]:
        return (t, *sorted((a, b))) if t in undirected else (t, a, b)

    core = {canon(a, t, b) for a, t, b, _ in gold["relations"]["core"]}
    extra = {canon(a, t, b) for a, t, b, _ in gold["relations"]["extra"]}
    predicted: set[tuple[str, str, str]] = set()
    unjudged = set()
    for u, v, d in G.edges(data=True):
        t = relation_type(d)
        if t not in core_types:
            continue
        gu, gv = node_to_gold.get(u), node_to_gold.get(v)
        if not gu or not gv:
            unjudged.add((G.nodes[u].get("label", u), t, G.nodes[v].get("label", v)))
            continue
        predicted |= {canon(a, t, b) for a in gu for b in gv}
    true_core = core & predicted
    correct = predicted & (core | extra)
    wrong = predicted - core - extra
    rel_by_type: dict[str, list[int]] = {}
    for rel in core:
        tally = rel_by_type.setdefault(rel[0], [0, 0])
        tally[1] += 1
        tally[0] += rel in predicted
    n_entities = len(gold["entities"])
    return {
        "entity_recall": round(len(found) / n_entities, 3) if n_entities else 0.0,
        "entities_found": f"{len(found)}/{n_entities}",
        "entity_recall_by_type": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_type.items())},
        "missing_entities": sorted(set(gold["entities"]) - set(found)),
        "relation_recall": round(len(true_core) / len(core), 3) if core else 0.0,
        "relations_found": f"{len(true_core)}/{len(core)}",
        "relation_recall_by_type": {k: f"{v[0]}/{v[1]}" for k, v in sorted(rel_by_type.items())},
        "relation_precision": round(len(correct) / len(predicted), 3) if predicted else 0.0,
        "relations_judged": len(predicted),
        "missing_relations": sorted(" ".join(r) for r in core - predicted),
        "wrong_relations": sorted(" ".join(r) for r in wrong),
        "unjudged_edges": len(unjudged),
        "unjudged_sample": sorted(" ".join(map(str, e)) for e in unjudged)[:40],
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
    }


def entity_precision(gold: dict[str, Any], G: nx.Graph) -> dict[str, Any]:
    """Share of the graph's judged nodes (all but regions) that some type-compatible gold entity
    matches, and the nodes none matches: the reference scorer's ``entity_precision``.

    >>> gold = {"entities": {"china": {"type": "Country", "en": "China", "ar": ["الصين"]}},
    ...         "relations": {"core": [], "extra": []}}
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("country:CN", type="Country", label_ar="الصين")
    >>> G.add_node("city:x", type="City", label_ar="سوف")
    >>> G.add_node("region:ca", type="Region", label_ar="آسيا الوسطى")
    >>> entity_precision(gold, G)
    {'entity_precision': 0.5, 'nodes_judged': 2, 'unmatched_nodes': ['City:سوف']}
    """
    _check_gold(gold)
    wanted = [({scoring_key(a) for a in e["ar"]} | {scoring_key(e["en"])}, e["type"])
              for e in gold["entities"].values()]
    unannotated = _rules()["unannotated"]
    judged, unmatched = 0, []
    for n, d in G.nodes(data=True):
        node_type = (d.get("type") or "").lower()
        if node_type in unannotated:
            continue
        judged += 1
        names = node_names(n, d)
        if not any(names & forms and compatible(gold_type, node_type) for forms, gold_type in wanted):
            unmatched.append(f"{d.get('type', '')}:{d.get('label_ar') or d.get('label') or n}")
    return {
        "entity_precision": round(1 - len(unmatched) / judged, 3) if judged else 0.0,
        "nodes_judged": judged,
        "unmatched_nodes": sorted(unmatched),
    }


def load_gold(path: str | os.PathLike) -> dict[str, Any]:
    """Read and check a gold annotation file; errors name the file.

    >>> load_gold(Path(__file__).parents[1] / "tests" / "fixtures" / "seeds.gold.json")["docs"]["001"]
    '001_326f30334e07f93a.txt'
    """
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        _check_gold(gold)
    except FileNotFoundError:
        raise FileNotFoundError(f"no such gold file: {str(path)!r}") from None
    except ValueError as exc:
        raise ValueError(f"{str(path)!r}: {exc}") from exc
    return gold


def missed_by_ends(result: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Per relation type, how many missed core relations of a ``score`` result had both ends
    found, one, or neither: a miss with both ends found is the relation rules', the others
    wait for an entity.

    >>> missed_by_ends({"missing_entities": ["x"], "missing_relations": ["builds c x", "leads a c"]})
    {'builds': {'both': 0, 'one': 1, 'neither': 0}, 'leads': {'both': 1, 'one': 0, 'neither': 0}}
    """
    missing = set(result["missing_entities"])
    out: dict[str, dict[str, int]] = {}
    for rel in result["missing_relations"]:
        rel_type, a, b = rel.split(" ")
        ends = (a not in missing) + (b not in missing)
        tally = out.setdefault(rel_type, {"both": 0, "one": 0, "neither": 0})
        tally[("neither", "one", "both")[ends]] += 1
    return dict(sorted(out.items()))


def format_score(result: dict[str, Any]) -> str:
    """A short plain-text report of a ``score`` result.

    >>> print(format_score({"entity_recall": 0.5, "entities_found": "1/2",
    ...     "entity_recall_by_type": {"Country": "1/1", "Leader": "0/1"}, "missing_entities": ["xi"],
    ...     "relation_recall": 0.0, "relations_found": "0/1", "relation_recall_by_type": {"leads": "0/1"},
    ...     "relation_precision": 0.0, "relations_judged": 0, "missing_relations": ["leads xi china"],
    ...     "wrong_relations": [], "unjudged_edges": 0, "unjudged_sample": [], "nodes": 1, "edges": 0}))
    entities   1/2 found (recall 0.5): Country 1/1, Leader 0/1
    relations  0/1 core found (recall 0.0): leads 0/1
    precision  0.0 on 0 judged edges; 0 unjudged
    graph      1 nodes, 0 edges
    missed     with both ends found: leads 0/1; the rest miss an entity
    missing entities (1): xi
    missing relations (1): leads xi china
    """
    r = result

    def tallies(d: dict[str, str]) -> str:
        return ", ".join(f"{k} {v}" for k, v in d.items()) or "-"

    lines = [
        f"entities   {r['entities_found']} found (recall {r['entity_recall']}): {tallies(r['entity_recall_by_type'])}",
        f"relations  {r['relations_found']} core found (recall {r['relation_recall']}): "
        f"{tallies(r['relation_recall_by_type'])}",
        f"precision  {r['relation_precision']} on {r['relations_judged']} judged edges; "
        f"{r['unjudged_edges']} unjudged",
        f"graph      {r['nodes']} nodes, {r['edges']} edges",
    ]
    if r["missing_relations"]:
        ends = missed_by_ends(r)
        lines.append("missed     with both ends found: " + ", ".join(
            f"{t} {n['both']}/{sum(n.values())}" for t, n in ends.items()) + "; the rest miss an entity")
    if "entity_precision" in r:
        lines.insert(3, f"entity precision {r['entity_precision']} on {r['nodes_judged']} judged nodes; "
                        f"{len(r['unmatched_nodes'])} match no gold entity")
    for title, key in (("missing entities", "missing_entities"), ("missing relations", "missing_relations"),
                       ("wrong relations", "wrong_relations"), ("unjudged sample", "unjudged_sample"),
                       ("unmatched nodes", "unmatched_nodes")):
        if r.get(key):
            lines.append(f"{title} ({len(r[key])}): " + "; ".join(r[key]))
    return "\n".join(lines)
