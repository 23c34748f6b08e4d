"""Adding, re-adding and removing articles one at a time gives exactly the graph built from scratch.

Random records over a few entities (so nodes are shared, labels disagree and votes tie, forms
repeat across articles, some articles undated) go through many orders of ``add_extraction`` and
``remove_article``; after every step the graph equals ``build_graph`` of the articles it holds,
orders included (aliases, docs, ``doc_mentions`` keys, the ``articles`` attribute, attribute
keys). Node attributes are also checked against a plain re-derivation from ``doc_mentions``.
"""
from __future__ import annotations

import random
from collections import Counter

import networkx as nx
import pytest

from silkgraph.graph.build import add_extraction, build_graph, doc_mentions, remove_article
from silkgraph.graph.export import read_graph, write_graph
from silkgraph.graph.index import touch
from silkgraph.records import Article, ArticleExtraction, Entity, Mention, Relation

WORDS = ["كازاخستان", "قازاقستان", "أستانا", "آستانة", "الصين", "جمهورية الصين", "طشقند", "سمرقند"]
ENTITIES = {
    "country:KZ": ("Country", ["كازاخستان", "قازاقستان"], ["Kazakhstan", "Kazakstan", ""], ["Q232", ""]),
    "country:CN": ("Country", ["الصين", "جمهورية الصين"], ["China", ""], ["Q148"]),
    "city:astana": ("City", ["أستانا", "آستانة"], ["Astana", "Nur-Sultan"], [""]),
    "city:tashkent": ("City", ["طشقند"], ["Tashkent", ""], ["Q269", ""]),
    "leader:xi": ("Leader", ["شي جين بينغ", "شي"], ["Xi Jinping", "Xi"], ["Q15031"]),
    "leader:tokayev": ("Leader", ["توكاييف", "قاسم جومارت توكاييف"], ["Tokayev"], ["", "Q1152"]),
}
RELATIONS = [("leader:xi", "visited", "country:KZ"), ("leader:xi", "visited", "city:astana"),
             ("leader:tokayev", "leads", "country:KZ"), ("leader:xi", "leads", "country:CN"),
             ("leader:xi", "met", "leader:tokayev"), ("leader:tokayev", "met", "leader:xi"),
             ("leader:tokayev", "visited", "city:tashkent")]


def entity(rng: random.Random, node: str) -> Entity:
    node_type, labels_ar, labels_en, wikidata = ENTITIES[node]
    return Entity(node, node_type, rng.choice(labels_ar), rng.choice(labels_en), rng.choice(wikidata))


def record(rng: random.Random, doc: str) -> ArticleExtraction:
    """One article's records: a few mentions and relations over ``ENTITIES``, random forms and labels."""
    date = rng.choice(["", "2024-07-06", "2025-06-17", "2023-01-09"])
    labels = {n: entity(rng, n) for n in ENTITIES}  # one entity per node within an article
    mentions, relations, offset = [], [], 0
    for _ in range(rng.randint(0, 6)):
        node = rng.choice(list(ENTITIES))
        text = rng.choice(ENTITIES[node][1] + WORDS[:2])
        aliases = tuple(rng.sample(WORDS, rng.randint(0, 2)))
        mentions.append(Mention(labels[node], doc, offset, offset + len(text), text, aliases=aliases))
        offset += len(text) + 1
    for _ in range(rng.randint(0, 4)):
        src, edge_type, tgt = rng.choice(RELATIONS)
        sentence = f"{labels[src].label_ar} {labels[tgt].label_ar}"
        start = rng.randint(0, 3) * 40
        relations.append(Relation(labels[src], labels[tgt], edge_type, doc, sentence, start, start + len(sentence),
                                  rng.choice(["زار", "التقى", ""]), rng.choice([0.4, 0.7, 0.9]), date))
    article = Article(doc, " ".join(WORDS), title=f"t{rng.randint(0, 9)}", date=date)
    return ArticleExtraction(article, mentions, relations)


def strict(G: nx.MultiDiGraph) -> tuple:
    """Everything the graph holds, with the order of every list and dict kept."""
    def ordered(value):
        if isinstance(value, dict):
            return [(k, ordered(v)) for k, v in value.items()]
        if isinstance(value, (list, tuple)):
            return [ordered(v) for v in value]
        return value
    return (sorted((repr(n), ordered(d)) for n, d in G.nodes(data=True)),
            sorted((repr((u, v, k)), ordered(d)) for u, v, k, d in G.edges(keys=True, data=True)),
            ordered(G.graph))


def reference_attributes(per_doc: dict) -> dict:
    """A node's derived attributes, recomputed plainly from its per-article records."""
    docs = sorted(per_doc)

    def vote(f):
        values = [per_doc[d]["entity"].get(f) for d in docs]
        counts = Counter(v for v in values if v)
        return next((v for v in values if v and counts[v] == max(counts.values())), "")

    forms = []
    for d in docs:
        forms += [f for f in per_doc[d]["forms"] if f not in forms]
    dates = sorted(per_doc[d]["date"] for d in docs if per_doc[d]["date"])
    return {**{f: vote(f) for f in ("type", "label_ar", "label_en", "wikidata")}, "aliases": forms,
            "mentions": sum(per_doc[d]["mentions"] for d in docs), "docs": docs,
            "first_date": dates[0] if dates else "", "last_date": dates[-1] if dates else ""}


def check(G: nx.MultiDiGraph, held: dict[str, ArticleExtraction]) -> None:
    assert strict(G) == strict(build_graph(held[d] for d in sorted(held)))
    for n, d in G.nodes(data=True):
        expected = reference_attributes(doc_mentions(d))
        assert {k: d[k] for k in expected} == expected, n


@pytest.mark.parametrize("seed", range(12))
def test_random_adds_readds_and_removes_equal_a_build_from_scratch(seed):
    rng = random.Random(seed)
    docs = [f"d{i:02d}" for i in range(rng.randint(4, 9))]
    held: dict[str, ArticleExtraction] = {}
    G = build_graph([])
    for step in range(40):
        doc = rng.choice(docs)
        action = rng.random()
        if action < 0.55:
            held[doc] = record(rng, doc)  # a new article, or a new version of one held
            add_extraction(G, held[doc])
        elif action < 0.7 and doc in held:
            add_extraction(G, held[doc])  # the same record again changes nothing
        else:
            assert remove_article(G, doc) == (doc in held)
            held.pop(doc, None)
        if step % 13 == 12:
            G = G.copy()  # a copy carries no index: it is made again from the attributes
        if step % 17 == 16:
            touch(G)
        check(G, held)


@pytest.mark.parametrize("seed", range(4))
def test_every_order_of_the_same_articles_gives_one_graph(seed):
    rng = random.Random(100 + seed)
    records = [record(rng, f"d{i}") for i in range(7)]
    expected = strict(build_graph(records))
    for _ in range(5):
        order = rng.sample(records, len(records))
        G = build_graph(order[:3])
        for ex in order[3:]:
            add_extraction(G, ex)
        assert strict(G) == expected
        assert strict(build_graph(order)) == expected
        for ex in rng.sample(records, 3):  # take some out and put them back, each alone
            remove_article(G, ex.article.doc_id)
            add_extraction(G, ex)
        assert strict(G) == expected


def test_a_graph_read_back_from_a_file_takes_adds_and_removes_like_the_original(tmp_path):
    rng = random.Random(7)
    records = [record(rng, f"d{i}") for i in range(6)]
    path = tmp_path / "g.graphml"
    write_graph(build_graph(records[:4]), path)
    G = read_graph(path)
    add_extraction(G, records[4])
    add_extraction(G, records[5])
    remove_article(G, "d1")
    # a file keeps the key order of its JSON cells apart: values and list orders are compared
    expected = build_graph(ex for ex in records if ex.article.doc_id != "d1")
    def values(H):
        return ({n: dict(d) for n, d in H.nodes(data=True)},
                {(u, v, k): dict(d) for u, v, k, d in H.edges(keys=True, data=True)})
    assert values(G) == values(expected)
    assert list(G.graph["articles"].items()) == list(expected.graph["articles"].items())
    for n, d in G.nodes(data=True):
        assert list(d["doc_mentions"]) == d["docs"] == expected.nodes[n]["docs"]


def test_a_node_removed_by_hand_does_not_leave_a_stale_index():
    rng = random.Random(3)
    records = [record(rng, f"d{i}") for i in range(6)]
    G = build_graph(records)
    assert "d0" in doc_mentions(G.nodes["leader:xi"]) and len(doc_mentions(G.nodes["leader:xi"])) > 1  # seed 3 does
    G.remove_node("leader:xi")  # networkx drops the graph's cached index with it
    add_extraction(G, records[0])  # names Xi again: a node of that article alone
    assert G.nodes["leader:xi"]["docs"] == ["d0"]
    for n, d in G.nodes(data=True):
        expected = reference_attributes(doc_mentions(d))
        assert {k: d[k] for k in expected} == expected, n
