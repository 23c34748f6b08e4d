"""Error analysis: per document, what the graph missed and got wrong against a gold annotation,
each item with the sentence that shows it.

``explain`` splits the gold annotation by document (an entity belongs to every document whose
text contains one of its forms, as ``/work/shared/eval/score_real.py`` splits it), scores the part
of the graph that comes from each document, and lists the missed entities and relations with the
sentence that states them, the wrong relations with their evidence, and the nodes no gold entity
matches. Plain data in, plain data out; ``format_explanation`` renders it as text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from silkgraph.graph.build import SEP
from silkgraph.graph.evaluate import entity_precision, node_names, relation_type, score, scoring_key
from silkgraph.normalize import clitics

SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
# what may be glued before a name in running text once ``scoring_key`` has read a leading article
# off each word: an article after a preposition or conjunction (للحزب، وبالصين), or those alone
_CLITICS = clitics()
_PROCLITICS = "(?:{}|[{}]?[{}]|[{}])?".format(
    "|".join(sorted(_CLITICS["article_forms"], key=len, reverse=True)), "".join(_CLITICS["conjunctions"]),
    "".join(_CLITICS["prepositions"]), "".join(_CLITICS["conjunctions"]))


def doc_gold(gold: dict[str, Any], docs: Iterable[str], texts: Mapping[str, str]) -> dict[str, Any]:
    """The part of ``gold`` that belongs to ``docs``: the entities whose forms occur in their
    texts as whole words, a proclitic glued to the first allowed (للحزب الشيوعي، ولكازاخستان; forms
    of one or two letters, such as لي, are too common to place an entity), those their core
    relations need, and the relations they name.

    >>> gold = {"entities": {"china": {"type": "Country", "en": "China", "ar": ["الصين"]},
    ...                      "iran": {"type": "Country", "en": "Iran", "ar": ["إيران"]},
    ...                      "cpc": {"type": "Organization", "en": "CPC", "ar": ["الحزب الشيوعي"]}},
    ...         "relations": {"core": [], "extra": []}}
    >>> sorted(doc_gold(gold, ["d1"], {"d1": "زار الصين وفد للحزب الشيوعي"})["entities"])
    ['china', 'cpc']
    """
    docs = set(docs)
    keys = [f" {scoring_key(texts[d])} " for d in docs if d in texts]
    entities = {}
    for key, ent in gold["entities"].items():
        forms = {f for a in ent["ar"] if len(f := scoring_key(a)) > 2}
        found = re.compile(f" {_PROCLITICS}(?:{'|'.join(map(re.escape, sorted(forms)))}) ").search if forms else None
        if found is not None and any(found(k) for k in keys):
            entities[key] = ent
    relations = {kind: [r for r in gold["relations"][kind] if r[3] in docs] for kind in ("core", "extra")}
    for a, _, b, _ in relations["core"]:
        for k in (a, b):
            entities.setdefault(k, gold["entities"][k])
    return {"entities": entities, "relations": relations, "docs": {d: gold.get("docs", {}).get(d, d) for d in docs}}


def doc_subgraph(G: nx.MultiDiGraph, article_id: str) -> nx.MultiDiGraph:
    """The nodes that article ``article_id`` mentions and the edges it states.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", docs="d1|d2"); G.add_node("b", docs="d2")
    >>> _ = G.add_edge("a", "b", doc="d2", type="links")
    >>> sorted(doc_subgraph(G, "d1").nodes), doc_subgraph(G, "d2").number_of_edges()
    (['a'], 1)
    """
    H = nx.MultiDiGraph()
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if article_id in _docs(d))
    H.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)
                     if d.get("doc") == article_id and u in H and v in H)
    return H


def docs_subgraph(G: nx.MultiDiGraph, article_ids: Iterable[str]) -> nx.MultiDiGraph:
    """The nodes any of ``article_ids`` mentions and the edges they state (``doc_subgraph`` of
    several articles), so a part of the gold is scored against that part of the graph only.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", docs="d1|d2"); G.add_node("b", docs="d2"); G.add_node("c", docs="d3")
    >>> _ = G.add_edge("a", "b", doc="d2", type="links")
    >>> H = docs_subgraph(G, ["d1", "d2"])
    >>> sorted(H.nodes), H.number_of_edges()
    (['a', 'b'], 1)
    """
    wanted = set(article_ids)
    H = nx.MultiDiGraph()
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if wanted & set(_docs(d)))
    H.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)
                     if d.get("doc") in wanted and u in H and v in H)
    return H


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, split at end punctuation and line breaks.

    >>> sentences("زار الصين. ثم عاد؟\\nانتهى")
    ['زار الصين.', 'ثم عاد؟', 'انتهى']
    """
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def sentence_with(text_sentences: list[str], *form_sets: Iterable[str]) -> str:
    """The first sentence containing a form of each set (then of any set), or ``""``.

    >>> sentence_with(["وصل إلى بكين.", "زار الصين وقابل شي."], ["الصين"], ["شي"])
    'زار الصين وقابل شي.'
    """
    wanted = [[f" {scoring_key(f)} " for f in forms if scoring_key(f)] for forms in form_sets]
    keyed = [(s, f" {scoring_key(s)} ") for s in text_sentences]
    for need_all in (True, False):
        for s, key in keyed:
            hits = [any(f in key for f in forms) for forms in wanted]
            if (all(hits) if need_all else any(hits)):
                return s
    return ""


def explain(gold: dict[str, Any], G: nx.MultiDiGraph, texts: Mapping[str, str],
            docs: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Per gold document (or those in ``docs``): its scores, and every missed entity, missed core
    relation, wrong relation and unmatched node, with a sentence showing each.

    ``texts`` maps gold doc ids to their article text; the graph's article ids are the gold file
    names without their extension.

    >>> gold = {"docs": {"d1": "d1.txt"},
    ...         "entities": {"china": {"type": "Country", "en": "China", "ar": ["الصين"]},
    ...                      "xi": {"type": "Leader", "en": "Xi Jinping", "ar": ["شي جين بينغ"]}},
    ...         "relations": {"core": [["xi", "leads", "china", "d1"]], "extra": []}}
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("country:CN", type="Country", label_ar="الصين", docs="d1")
    >>> G.add_node("city:x", type="City", label_ar="سوف", docs="d1")
    >>> [r] = explain(gold, G, {"d1": "قال الرئيس الصيني شي جين بينغ إن الصين سوف تعمل."})
    >>> [m["key"] for m in r["missing_entities"]], [m["relation"] for m in r["missing_relations"]]
    (['xi'], ['leads xi china'])
    >>> r["unmatched_nodes"][0]["node"], r["unmatched_nodes"][0]["sentence"][:9]
    ('City:سوف', 'قال الرئي')
    """
    doc_ids = sorted(docs if docs is not None else gold.get("docs", {}))
    report = []
    for doc in doc_ids:
        text = texts.get(doc, "")
        part = doc_gold(gold, [doc], texts)
        article_id = re.sub(r"\.[^.]+$", "", gold.get("docs", {}).get(doc, doc))
        H = doc_subgraph(G, article_id)
        result = score(part, H)
        precision = entity_precision(gold, H)
        sents = sentences(text)
        ents = gold["entities"]

        def forms(key: str) -> list[str]:
            return [*ents[key]["ar"], ents[key]["en"]] if key in ents else [key]

        missing_entities = [{"key": k, "type": ents[k]["type"], "forms": ents[k]["ar"],
                             "sentence": sentence_with(sents, ents[k]["ar"])}
                            for k in result["missing_entities"]]
        missing_relations = []
        for rel in result["missing_relations"]:
            edge_type, a, b = rel.split(" ")
            missing_relations.append({"relation": rel, "sentence": sentence_with(sents, forms(a), forms(b))})
        wrong = []
        for rel in result["wrong_relations"]:
            edge_type, a, b = rel.split(" ")
            wrong.append({"relation": rel, "evidence": _evidence(H, edge_type, forms(a), forms(b))})
        unmatched = []
        for label in precision["unmatched_nodes"]:
            name = label.split(":", 1)[1]
            unmatched.append({"node": label, "sentence": sentence_with(sents, [name])})
        report.append({
            "doc": doc, "article": article_id,
            "entities_found": result["entities_found"], "relations_found": result["relations_found"],
            "relation_precision": result["relation_precision"],
            "entity_precision": precision["entity_precision"],
            "missing_entities": missing_entities, "missing_relations": missing_relations,
            "wrong_relations": wrong, "unmatched_nodes": unmatched,
        })
    return report


def format_explanation(report: list[dict[str, Any]], sentence_chars: int = 220) -> str:
    """The ``explain`` report as text: a header per document, then one item a line, each with its
    sentence indented under it.

    >>> print(format_explanation([{"doc": "d1", "article": "d1", "entities_found": "1/2",
    ...     "relations_found": "0/1", "relation_precision": 0.0, "entity_precision": 0.5,
    ...     "missing_entities": [{"key": "xi", "type": "Leader", "forms": ["شي"], "sentence": "قال شي"}],
    ...     "missing_relations": [], "wrong_relations": [], "unmatched_nodes": []}]))
    == d1 (d1): entities 1/2, core relations 0/1, relation precision 0.0, entity precision 0.5
      missed entity   Leader xi (شي)
          قال شي
    """
    lines = []

    def item(kind: str, what: str, sentence: str) -> None:
        lines.append(f"  {kind:<15} {what}")
        if sentence:
            short = sentence if len(sentence) <= sentence_chars else sentence[:sentence_chars] + " …"
            lines.append(f"      {short}")

    for r in report:
        lines.append(f"== {r['doc']} ({r['article']}): entities {r['entities_found']}, core relations "
                     f"{r['relations_found']}, relation precision {r['relation_precision']}, "
                     f"entity precision {r['entity_precision']}")
        for m in r["missing_entities"]:
            item("missed entity", f"{m['type']} {m['key']} ({' | '.join(m['forms'])})", m["sentence"])
        for m in r["missing_relations"]:
            item("missed relation", m["relation"], m["sentence"])
        for m in r["wrong_relations"]:
            item("wrong relation", m["relation"], m["evidence"])
        for m in r["unmatched_nodes"]:
            item("unmatched node", m["node"], m["sentence"])
    return "\n".join(lines)


def _docs(node_data: dict[str, Any]) -> list[str]:
    """A node's article ids: a list in a graph of this package, a joined string in one read by
    another tool (``nx.read_graphml``)."""
    value = node_data.get("docs") or []
    return list(value) if isinstance(value, (list, tuple, set)) else [d for d in str(value).split(SEP) if d]


def _evidence(H: nx.MultiDiGraph, edge_type: str, forms_a: list[str], forms_b: list[str]) -> str:
    """The evidence sentence of an edge of ``edge_type`` whose ends carry the given forms."""
    keys_a = {scoring_key(f) for f in forms_a}
    keys_b = {scoring_key(f) for f in forms_b}
    for u, v, d in H.edges(data=True):
        if relation_type(d) != edge_type:
            continue
        nu, nv = node_names(u, H.nodes[u]), node_names(v, H.nodes[v])
        if (nu & keys_a and nv & keys_b) or (nu & keys_b and nv & keys_a):
            return str(d.get("evidence", ""))
    return ""
