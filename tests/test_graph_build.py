"""silkgraph.graph.build: one node per entity, one edge per (source, type, target, article), idempotent adds."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

import networkx as nx
import pytest

from silkgraph.graph.build import (add_extraction, build_graph, canonical_ends, doc_mentions, edge_key,
                         graph_articles, remove_article)
from silkgraph.graph.sample import sample_extractions
from silkgraph.records import Article, ArticleExtraction, Entity, Mention, Relation
from silkgraph.schema import schema

DOC_A, DOC_B = "000_d8d0bccc6eeca408", "001_326f30334e07f93a"


def snapshot(G: nx.MultiDiGraph) -> tuple:
    """Everything a graph holds, for equality checks."""
    return ({n: dict(d) for n, d in G.nodes(data=True)},
            {(u, v, k): dict(d) for u, v, k, d in G.edges(keys=True, data=True)},
            dict(G.graph))


@pytest.fixture
def records() -> list[ArticleExtraction]:
    return sample_extractions()


@pytest.fixture
def G(records) -> nx.MultiDiGraph:
    return build_graph(records)


def test_one_node_per_entity(records, G):
    ids = {m.entity.id for ex in records for m in ex.mentions}
    ids |= {e.id for ex in records for r in ex.relations for e in (r.source, r.target)}
    assert set(G.nodes) == ids


def test_node_merges_spellings_and_articles(records, G):
    kz = G.nodes["country:KZ"]
    assert kz["aliases"] == ["كازاخستان", "قازاقستان"]
    xi = G.nodes["leader:xi-jinping"]
    assert xi["docs"] == [DOC_A, DOC_B]
    assert xi["mentions"] == sum(m.entity.id == "leader:xi-jinping" for ex in records for m in ex.mentions)
    assert xi["aliases"] == ["شي جين بينغ", "شي"]
    assert (xi["first_date"], xi["last_date"]) == ("2024-07-06", "2025-06-17")
    # proclitic surface forms are kept as seen, and Mention.aliases are included
    assert "وطاجيكستان" in G.nodes["country:TJ"]["aliases"]
    assert "توكاييف" in G.nodes["leader:tokayev"]["aliases"]


def test_node_attributes_come_from_entity_and_schema(G):
    sch = schema()
    for n, d in G.nodes(data=True):
        node_type = sch.node(d["type"])
        assert (d["color"], d["shape"]) == (node_type.color, node_type.shape)
        assert d["label"] == (d["label_en"] or d["label_ar"])
        aliases = d["aliases"]
        assert len(aliases) == len(set(aliases))
    assert G.nodes["country:CN"]["wikidata"] == "Q148"
    statement = G.nodes["agreement:joint-statement:CN-KZ:2024"]
    assert statement["label_en"] == "" and statement["label"] == statement["label_ar"] == "بيان مشترك"


def test_attributes_are_plain_data_lists_and_dicts_unserialised(G):
    scalars = (str, int, float, bool)
    for _, d in G.nodes(data=True):
        assert all(isinstance(d[k], list) and all(isinstance(x, str) for x in d[k]) for k in ("aliases", "docs")), d
        assert isinstance(d["doc_mentions"], dict) and list(d["doc_mentions"]) == d["docs"], d
        assert all(isinstance(v, scalars) for k, v in d.items() if k not in ("aliases", "docs", "doc_mentions")), d
    for *_, d in G.edges(keys=True, data=True):
        assert isinstance(d["evidence_json"], list) and all(isinstance(i, dict) for i in d["evidence_json"]), d
        assert all(isinstance(v, scalars) for k, v in d.items() if k != "evidence_json"), d
    assert list(G.graph) == ["articles"] and isinstance(G.graph["articles"], dict)


def test_a_copy_of_the_graph_does_not_change_when_the_original_does(records):
    G = build_graph(records[:1])
    before = G.copy()
    frozen = (list(before.nodes["country:KZ"]["docs"]), dict(before.graph["articles"]),
              dict(before.nodes["country:KZ"]["doc_mentions"]))
    add_extraction(G, records[1])
    remove_article(G, records[0].article.doc_id)
    assert G.graph["articles"] != frozen[1]
    assert (before.nodes["country:KZ"]["docs"], before.graph["articles"], before.nodes["country:KZ"]["doc_mentions"]) == frozen


def test_edge_keys_are_unique_ids(G):
    for u, v, k, d in G.edges(keys=True, data=True):
        assert k == edge_key(u, d["type"], v, d["doc"])
    assert len({k for *_, k in G.edges(keys=True)}) == G.number_of_edges()


def test_repeated_relation_in_one_article_is_one_edge(records, G):
    reports = [r for r in records[0].relations
               if (r.source.id, r.type, r.target.id) == ("leader:xi-jinping", "visited", "country:KZ")]
    assert len(reports) == 2
    e = G.edges["leader:xi-jinping", "country:KZ", edge_key("leader:xi-jinping", "visited", "country:KZ", DOC_A)]
    best = max(reports, key=lambda r: r.confidence)
    assert e["count"] == 2
    assert e["confidence"] == best.confidence
    assert (e["evidence"], e["trigger"]) == (best.sentence, best.trigger)
    items = e["evidence_json"]
    assert sorted(i["sentence"] for i in items) == sorted(r.sentence for r in reports)
    assert {i["trigger"] for i in items} == {"زيارة", "زيارات"}
    assert e["date"] == "2024-07-06" and e["doc"] == DOC_A
    assert e["source_title"] == records[0].article.title
    et = schema().edge("visited")
    assert (e["label_en"], e["label_ar"], e["color"]) == (et.label_en, et.label_ar, et.color)


def test_exact_duplicate_report_does_not_inflate_count(records):
    ex = records[0]
    doubled = replace(ex, relations=ex.relations + ex.relations[:3])
    assert snapshot(build_graph([doubled])) == snapshot(build_graph([ex]))


def test_undirected_relations_are_stored_once_in_canonical_direction(records, G):
    # the text says "Turkey links corridor"; links runs corridor -> place
    assert G.has_edge("corridor:multimodal:CN-TR", "country:TR")
    assert not G.has_edge("country:TR", "corridor:multimodal:CN-TR")
    # met joins two leaders: smaller id first, whichever way the text put it
    assert G.has_edge("leader:tokayev", "leader:xi-jinping")
    assert not G.has_edge("leader:xi-jinping", "leader:tokayev")
    met = next(r for r in records[0].relations if r.type == "met" and r.target.id == "leader:tokayev")
    flipped = replace(met, source=met.target, target=met.source, sentence_start=0,
                      sentence_end=len(records[0].article.text.split("\n")[0]),
                      sentence=records[0].article.text.split("\n")[0])
    H = build_graph([replace(records[0], relations=[met, flipped])])
    assert H.number_of_edges() == 1
    (_, _, d), = H.edges(data=True)
    assert d["count"] == 2


def test_canonical_ends_keeps_directed_relations_as_stated(records):
    for r in records[0].relations:
        if schema().edge(r.type).directed:
            assert canonical_ends(r) == (r.source, r.target)


def test_articles_attribute(records, G):
    articles = graph_articles(G)
    assert set(articles) == {DOC_A, DOC_B}
    a = records[1].article
    assert articles[DOC_B] == {"title": a.title, "date": a.date, "source": a.source, "url": a.url,
                               "path": a.path, "words": len(a.text.split())}


def test_readding_an_article_changes_nothing(records, G):
    before = snapshot(G)
    add_extraction(G, records[0])
    add_extraction(G, records[1])
    add_extraction(G, records[0])
    assert snapshot(G) == before


def test_readding_replaces_the_previous_version(records, G):
    ex = records[0]
    kept = [r for r in ex.relations if r.type != "visited"]
    shorter = replace(ex, relations=kept, mentions=[m for m in ex.mentions if m.text != "قازاقستان"])
    add_extraction(G, shorter)
    assert not any(d["type"] == "visited" for *_, d in G.edges(data=True))
    assert G.nodes["country:KZ"]["aliases"] == ["كازاخستان"]
    assert snapshot(G) == snapshot(build_graph([shorter, records[1]]))


def test_same_doc_twice_in_one_build_counts_once(records):
    assert snapshot(build_graph([records[0], records[1], records[0]])) == snapshot(build_graph(records))


def test_build_does_not_depend_on_article_order(records):
    assert snapshot(build_graph(reversed(records))) == snapshot(build_graph(records))


def test_remove_article(records, G):
    assert remove_article(G, DOC_B)
    assert snapshot(G) == snapshot(build_graph(records[:1]))
    assert not remove_article(G, DOC_B)
    add_extraction(G, records[1])
    assert snapshot(G) == snapshot(build_graph(records))


def test_remove_every_article_leaves_an_empty_graph(records, G):
    for ex in records:
        remove_article(G, ex.article.doc_id)
    assert G.number_of_nodes() == 0 and G.number_of_edges() == 0
    assert graph_articles(G) == {}


def test_doc_mentions_record_per_article(records, G):
    per_doc = doc_mentions(G.nodes["country:KZ"])
    assert list(per_doc) == [DOC_A]
    assert per_doc[DOC_A]["mentions"] == Counter(m.entity.id for m in records[0].mentions)["country:KZ"]
    assert per_doc[DOC_A]["entity"]["label_en"] == "Kazakhstan"


def test_entity_only_in_a_relation_gets_a_node_with_one_mention():
    text = "وقع الرئيس الكازاخي بيانا مشتركا."
    kz = Entity("country:KZ", "Country", "كازاخستان", "Kazakhstan")
    statement = Entity("agreement:x", "Agreement", "بيان مشترك")
    start = text.index("بيانا مشتركا")
    ex = ArticleExtraction(
        article=Article(doc_id="d1", text=text, date="2024-07-03"),
        mentions=[Mention(statement, "d1", start, start + len("بيانا مشتركا"), "بيانا مشتركا")],
        relations=[Relation(kz, statement, "signed", "d1", text, 0, len(text), "وقع", 0.8)])
    G = build_graph([ex])
    assert G.nodes["country:KZ"]["mentions"] == 1
    assert G.nodes["country:KZ"]["docs"] == ["d1"]
    assert G.nodes["country:KZ"]["aliases"] == []
    assert G.nodes["country:KZ"]["first_date"] == "2024-07-03"


def test_conflicting_entity_labels_take_the_majority():
    def article(doc: str, label_en: str) -> ArticleExtraction:
        e = Entity("country:KZ", "Country", "كازاخستان", label_en)
        return ArticleExtraction(Article(doc, "كازاخستان"), mentions=[Mention(e, doc, 0, 9, "كازاخستان")])
    G = build_graph([article("a", "Kazakstan"), article("b", "Kazakhstan"), article("c", "Kazakhstan"),
                     article("d", "")])
    assert G.nodes["country:KZ"]["label_en"] == "Kazakhstan"


@pytest.mark.parametrize("change, message", [
    (lambda ex: replace(ex, relations=[replace(ex.relations[0], type="bombed")]), "relation type 'bombed'"),
    (lambda ex: replace(ex, mentions=[replace(ex.mentions[0], entity=replace(ex.mentions[0].entity, type="Planet"))]),
     "type 'Planet'"),
    (lambda ex: replace(ex, relations=[replace(ex.relations[0], doc_id="other")]), "doc_id 'other'"),
    (lambda ex: replace(ex, article=replace(ex.article, doc_id="")), "no doc_id"),
])
def test_bad_record_raises_and_leaves_graph_as_it_was(records, G, change, message):
    before = snapshot(G)
    with pytest.raises(ValueError, match=message):
        add_extraction(G, change(records[0]))
    assert snapshot(G) == before


def test_build_graph_refuses_a_simple_graph():
    with pytest.raises(TypeError, match="MultiDiGraph"):
        add_extraction(nx.Graph(), sample_extractions()[0])
