"""silkgraph.graph.evaluate: the project's scorer gives exactly what the reference scorer gives."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from silkgraph.graph.build import build_graph
from silkgraph.graph.evaluate import compatible, entity_precision, format_score, load_gold, scoring_key, score
from silkgraph.graph.export import read_graph, sanitize_graph, write_graph
from silkgraph.graph.sample import sample_extractions
from silkgraph.records import Article, ArticleExtraction, Entity, Mention, Relation
from silkgraph.schema import schema

GOLD_PATH = Path(__file__).parent / "fixtures" / "seeds.gold.json"


@pytest.fixture(scope="module")
def gold() -> dict:
    return load_gold(GOLD_PATH)


@pytest.fixture(scope="module")
def reference(reference_scorer):
    return reference_scorer


def gold_extractions(gold: dict, kinds=("core", "extra")) -> list[ArticleExtraction]:
    """Records a perfect extractor would give: every gold form mentioned, every relation found."""
    entities = {k: Entity(id=k, type=e["type"], label_ar=e["ar"][0], label_en=e["en"])
                for k, e in gold["entities"].items()}
    out = []
    for doc in sorted(gold["docs"]):
        text, mentions = "", []
        for key, e in gold["entities"].items():
            for form in e["ar"]:
                mentions.append(Mention(entities[key], doc, len(text), len(text) + len(form), form))
                text += form + " ، "
        relations = [Relation(entities[a], entities[b], t, doc, text, 0, len(text), "", 1.0)
                     for kind in kinds for a, t, b, d in gold["relations"][kind] if d == doc]
        out.append(ArticleExtraction(Article(doc_id=doc, text=text), mentions=mentions, relations=relations))
    return out


def perfect_graph(gold) -> nx.MultiDiGraph:
    return build_graph(gold_extractions(gold))


def hand_graph(gold) -> nx.MultiDiGraph:
    """A graph made without build: other attribute names, type synonyms, reversed and wrong edges."""
    G = nx.MultiDiGraph()
    for i, (key, e) in enumerate(gold["entities"].items()):
        if i % 5 == 0:
            continue  # some entities are not found
        synonyms = {"Country": "GPE", "Leader": "person", "City": "loc", "Corridor": "railway"}
        node_type = synonyms.get(e["type"], e["type"]) if i % 2 else e["type"]
        if i % 3 == 0:
            G.add_node(f"n{i}", type=node_type, name_en=e["en"])
        else:
            G.add_node(f"n{i}", type=node_type, name_ar="ال" + e["ar"][-1], surface_forms=";".join(e["ar"]))
    G.add_node("other", type="Country", label="بلد آخر")
    ids = {key: f"n{i}" for i, key in enumerate(gold["entities"])}
    for j, (a, t, b, _) in enumerate(gold["relations"]["core"] + gold["relations"]["extra"]):
        if ids[a] in G and ids[b] in G and j % 4:
            u, v = (ids[b], ids[a]) if j % 3 == 0 else (ids[a], ids[b])  # some stated backwards
            G.add_edge(u, v, relation=t)
    G.add_edge(ids["xi"], ids["usa"], type="visited")  # wrong
    G.add_edge(ids["xi"], "other", type="signed")  # unjudged
    G.add_edge(ids["xi"], ids["putin"], type="met")  # not a core type
    return G


def graphs(gold) -> dict[str, nx.Graph]:
    perfect = perfect_graph(gold)
    core_only = build_graph(gold_extractions(gold, kinds=("core",)))
    damaged = perfect.copy()
    for u, v, k, d in list(damaged.edges(keys=True, data=True))[::3]:
        damaged.remove_edge(u, v, k)
        damaged.add_edge(v, u, key=k + "|reversed", **d)
    damaged.add_edge("xi", "china", key="wrong", type="visited")
    damaged.add_edge("tokayev", "astana_declaration", key="wrong2", type="signed")
    damaged.remove_node("rahmon")
    return {"perfect": perfect, "empty": nx.MultiDiGraph(), "core_only": core_only, "damaged": damaged,
            "hand": hand_graph(gold), "sample": build_graph(sample_extractions())}


@pytest.mark.parametrize("name", ["perfect", "empty", "core_only", "damaged", "hand", "sample"])
def test_agrees_with_the_reference(gold, reference, name):
    G = graphs(gold)[name]
    # the reference scores a graph as its files hold it: the exporter's flattened copy
    assert score(gold, G) == reference.score(gold, sanitize_graph(G))


@pytest.mark.parametrize("name", ["perfect", "empty", "core_only", "damaged", "hand", "sample"])
def test_entity_precision_agrees_with_the_reference(gold, reference, name):
    G = graphs(gold)[name]
    assert entity_precision(gold, G) == reference.entity_precision(gold, sanitize_graph(G))


def test_entity_precision_names_the_nodes_no_gold_entity_matches(gold):
    G = perfect_graph(gold)
    G.add_node("agreement:held", type="Agreement", label_ar="عقد الرئيس")
    G.add_node("city:wrong-type", type="City", label_ar="الصين")  # a gold name, but a Country
    G.add_node("region:x", type="Region", label_ar="منطقة ما")  # regions are not judged
    result = entity_precision(gold, G)
    assert result["unmatched_nodes"] == ["Agreement:عقد الرئيس", "City:الصين"]
    judged = G.number_of_nodes() - 1
    assert result["nodes_judged"] == judged
    assert result["entity_precision"] == round(1 - 2 / judged, 3)


@pytest.mark.parametrize("name", ["perfect", "damaged", "sample"])
def test_agrees_with_the_reference_on_a_graphml_export(gold, reference, name, tmp_path):
    path = write_graph(graphs(gold)[name], tmp_path / "g.graphml")
    assert score(gold, read_graph(path)) == reference.score(gold, nx.read_graphml(path))


def test_normalisation_agrees_with_the_reference(reference):
    samples = ["الصّين", "أوزبكستان", "آستانا", "إعلان أستانا", "قمة الصين-آسيا الوسطى", "ٱلصين",
               "مؤتمر", "رئيس", "Xi'an", "Kassym-Jomart Tokayev", "«الحزام والطريق»", "(الأمم المتحدة)",
               "الى", "ال", "شيـــآن", "“فان يغناب”", "‘أ’ „ب“", "\u200eكازاخستان", "کازاخستان", "a|b;c", "  "]
    for s in samples:
        assert scoring_key(s) == reference.norm(s), s


def test_types_agree_with_the_reference(reference):
    assert set(schema().core_edge_types) == reference.CORE_TYPES
    for gold_type, synonyms in reference.TYPE_COMPAT.items():
        for t in synonyms | {gold_type, gold_type.upper(), "nonsense"}:
            assert compatible(gold_type, t) == reference.compatible(gold_type, t)


# --- known figures, no reference needed ---------------------------------------------------------


def test_perfect_graph_scores_full_marks(gold):
    r = score(gold, perfect_graph(gold))
    n_ent, n_core = len(gold["entities"]), len(gold["relations"]["core"])
    assert (r["entity_recall"], r["relation_recall"], r["relation_precision"]) == (1.0, 1.0, 1.0)
    assert r["entities_found"] == f"{n_ent}/{n_ent}" and r["relations_found"] == f"{n_core}/{n_core}"
    assert r["missing_entities"] == r["missing_relations"] == r["wrong_relations"] == []
    assert r["unjudged_edges"] == 0


def test_empty_graph_scores_zero(gold):
    r = score(gold, nx.MultiDiGraph())
    assert (r["entity_recall"], r["relation_recall"], r["relation_precision"]) == (0.0, 0.0, 0.0)
    assert r["missing_entities"] == sorted(gold["entities"])


def test_a_missing_edge_and_a_wrong_edge(gold):
    G = perfect_graph(gold)
    u, v, k = next((u, v, k) for u, v, k, d in G.edges(keys=True, data=True)
                   if (u, d["type"], v) == ("xi", "visited", "kazakhstan"))
    G.remove_edge(u, v, k)
    G.add_edge("xi", "china", key="w", type="visited")
    r = score(gold, G)
    n_core = len(gold["relations"]["core"])
    assert r["relations_found"] == f"{n_core - 1}/{n_core}"
    assert r["missing_relations"] == ["visited xi kazakhstan"]
    assert r["wrong_relations"] == ["visited xi china"]
    judged = r["relations_judged"]
    assert r["relation_precision"] == round((judged - 1) / judged, 3)
    assert r["relation_recall_by_type"]["visited"] == "1/2"


def test_undirected_links_count_either_way_but_visited_does_not(gold):
    G = nx.MultiDiGraph()
    for key in ("xi", "kazakhstan", "railway_china_kg_uz", "china"):
        e = gold["entities"][key]
        G.add_node(key, type=e["type"], label_ar=e["ar"][0])
    G.add_edge("china", "railway_china_kg_uz", type="links")  # gold: railway links china
    G.add_edge("kazakhstan", "xi", type="visited")  # gold: xi visited kazakhstan
    r = score(gold, G)
    assert r["relations_found"] == f"1/{len(gold['relations']['core'])}"
    assert "links china railway_china_kg_uz" not in r["missing_relations"]
    assert "visited xi kazakhstan" in r["missing_relations"]
    assert r["wrong_relations"] == ["visited kazakhstan xi"]


def test_entity_found_by_english_name_or_spelling_variant(gold):
    G = nx.MultiDiGraph()
    G.add_node("a", type="Country", label_en="kazakhstan")
    G.add_node("b", type="City", aliases="x|الأستانا")  # article and hamza folded away
    G.add_node("c", type="Leader", label_ar="شَي جين بينغ")  # diacritics dropped
    G.add_node("d", type="City", label_ar="الصين")  # wrong type for china
    G.add_node("e", type="City", label_ar="ألماتا")  # gold ألماتي: a different word
    r = score(gold, G)
    assert r["entities_found"] == f"3/{len(gold['entities'])}"
    assert {"kazakhstan", "astana", "xi"}.isdisjoint(r["missing_entities"])
    assert "china" in r["missing_entities"] and "almaty" in r["missing_entities"]
    countries = sum(e["type"] == "Country" for e in gold["entities"].values())
    assert r["entity_recall_by_type"]["Country"] == f"1/{countries}"


def test_format_score(gold):
    r = score(gold, build_graph(sample_extractions()))
    text = format_score(r)
    assert r["entities_found"] in text and r["relations_found"] in text
    assert f"precision  {r['relation_precision']}" in text
    for rel in r["missing_relations"]:
        assert rel in text


def test_bad_gold_is_reported(tmp_path):
    bad = tmp_path / "gold.json"
    bad.write_text(json.dumps({"entities": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="gold.json.*'relations'"):
        load_gold(bad)
    with pytest.raises(FileNotFoundError, match="no such gold file"):
        load_gold(tmp_path / "missing.json")
    with pytest.raises(ValueError, match="needs 'type', 'en' and 'ar'"):
        score({"entities": {"x": {"type": "Country"}}, "relations": {"core": [], "extra": []}}, nx.MultiDiGraph())


def test_missed_relations_are_split_by_whether_their_ends_were_found(gold):
    from silkgraph.graph.evaluate import missed_by_ends
    r = score(gold, build_graph(sample_extractions()))
    ends = missed_by_ends(r)
    assert r["missing_relations"]  # the sample misses some, so the split has something to count
    assert sum(sum(n.values()) for n in ends.values()) == len(r["missing_relations"])
    for rel in r["missing_relations"]:
        rel_type, a, b = rel.split(" ")
        found = (a not in r["missing_entities"]) + (b not in r["missing_entities"])
        assert ends[rel_type][("neither", "one", "both")[found]] >= 1
    assert "with both ends found" in format_score(r)
