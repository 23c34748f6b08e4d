"""silkgraph.graph.questions: the question templates, answered from the graph with evidence.

On the seeds as the command builds them, on the hand-annotated sample, and on small graphs
built here from records (sentences written for these tests).
"""
from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

import networkx as nx
import pytest

from silkgraph.cli import main
from silkgraph.graph.build import build_graph, graph_articles
from silkgraph.graph.export import read_graph
from silkgraph.graph.questions import (COLUMNS, QUESTIONS_PATH, answer_csv, ask, ask_between, ask_connection,
                                       ask_relation, question_templates, question_text, vocabulary)
from silkgraph.graph.sample import sample_extractions
from silkgraph.records import Article, ArticleExtraction, Entity, Relation
from silkgraph.schema import SCHEMA_PATH, schema

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

CN = Entity("country:CN", "Country", "الصين", "China")
KG = Entity("country:KG", "Country", "قيرغيزستان", "Kyrgyzstan")
KZ = Entity("country:KZ", "Country", "كازاخستان", "Kazakhstan")
UZ = Entity("country:UZ", "Country", "أوزبكستان", "Uzbekistan")
XI = Entity("leader:xi-jinping", "Leader", "شي جين بينغ", "Xi Jinping")
MIRZIYOYEV = Entity("leader:mirziyoyev", "Leader", "شوكت ميرضيائيف", "Shavkat Mirziyoyev")
TOKAYEV = Entity("leader:tokayev", "Leader", "قاسم جومارت توكاييف", "Kassym-Jomart Tokayev")
PLANT = Entity("project:plant-kg", "Project", "محطة كهرباء بيشكيك", "Bishkek power plant")
PARK = Entity("project:park-kz", "Project", "منطقة صناعية في ألماتي", "Almaty industrial park")
PACT = Entity("agreement:pact", "Agreement", "اتفاقية النقل", "Transport agreement")
MEMO = Entity("agreement:memo", "Agreement", "مذكرة تفاهم ثقافية", "Culture memorandum")


def rel(src: Entity, dst: Entity, kind: str, doc: str, date: str, sentence: str) -> Relation:
    return Relation(src, dst, kind, doc, sentence, 0, len(sentence), sentence.split()[0], 0.8, date)


def art(doc: str, date: str, *relations: Relation) -> ArticleExtraction:
    return ArticleExtraction(article=Article(doc_id=doc, text=" ".join(r.sentence for r in relations),
                                             title=f"مقال {doc}", date=date), relations=list(relations))


@pytest.fixture(scope="module")
def seeds() -> nx.MultiDiGraph:
    """The seeds as `silkgraph build seeds/` makes them (the extractor, not the sample)."""
    import tempfile

    out = Path(tempfile.mkdtemp()) / "graph.graphml"
    assert main(["build", str(SEEDS), "--out", str(out)]) == 0
    return read_graph(out)


@pytest.fixture
def research() -> nx.MultiDiGraph:
    """Visits over ten years, projects in two countries, agreements with and without Uzbekistan."""
    return build_graph([
        art("d1", "2012-05-01", rel(XI, KZ, "visited", "d1", "2012-05-01", "زار شي كازاخستان في زيارة أولى.")),
        art("d2", "2013-09-07", rel(XI, KZ, "visited", "d2", "2013-09-07", "زار شي كازاخستان وألقى خطابا.")),
        art("d3", "2019-06-12", rel(MIRZIYOYEV, KZ, "visited", "d3", "2019-06-12", "زار ميرضيائيف كازاخستان."),
            rel(MIRZIYOYEV, UZ, "leads", "d3", "2019-06-12", "الرئيس الأوزبكي ميرضيائيف.")),
        art("d4", "2020-01-10", rel(TOKAYEV, KZ, "leads", "d4", "2020-01-10", "الرئيس الكازاخي توكاييف.")),
        art("d5", "2021-03-03", rel(CN, PLANT, "builds", "d5", "2021-03-03", "تبني الصين محطة كهرباء بيشكيك."),
            rel(PLANT, KG, "located_in", "d5", "2021-03-03", "تقع المحطة في قيرغيزستان."),
            rel(CN, PARK, "builds", "d5", "2021-03-03", "تبني الصين منطقة صناعية في ألماتي."),
            rel(PARK, KZ, "located_in", "d5", "2021-03-03", "تقع المنطقة الصناعية في كازاخستان.")),
        art("d6", "2022-09-15", rel(XI, PACT, "signed", "d6", "2022-09-15", "وقع شي اتفاقية النقل."),
            rel(MIRZIYOYEV, PACT, "signed", "d6", "2022-09-15", "ووقع ميرضيائيف اتفاقية النقل أيضا."),
            rel(XI, MIRZIYOYEV, "met", "d6", "2022-09-15", "التقى شي ميرضيائيف."),
            rel(XI, MEMO, "signed", "d6", "2022-09-15", "وقع شي مذكرة تفاهم ثقافية.")),
        art("d7", "", rel(XI, KZ, "visited", "d7", "", "زار شي كازاخستان مرة أخرى.")),
    ])


def test_which_leaders_visited_kazakhstan_on_the_seeds_has_evidence_rows(seeds) -> None:
    answer = ask(seeds, "who", subject_type="Leader", relation="visited", object="كازاخستان")
    assert answer.rows, answer.message
    articles = graph_articles(seeds)
    for row in answer.rows:
        assert row["relation"] == "visited" and row["object"] == "country:KZ"
        assert seeds.nodes[row["subject"]]["type"] == "Leader"
        assert row["doc"] in articles and row["article"]
        assert any("\u0600" <= ch <= "\u06ff" for ch in row["sentence"])  # the Arabic sentence
        assert seeds.has_edge(row["subject"], row["object"], row["key"])
    assert "leader:xi-jinping" in {r["subject"] for r in answer.rows}
    assert answer.question_en == "Which Leader visited Kazakhstan?"


def test_what_lies_within_kazakhstan_counts_when_asked(seeds) -> None:
    plain = ask(seeds, "who", subject_type="Leader", relation="visited", object="Kazakhstan")
    inside = ask(seeds, "who", subject_type="Leader", relation="visited", object="Kazakhstan", within=True)
    assert {r["object"] for r in plain.rows} == {"country:KZ"}
    extra = [r for r in inside.rows if r["object"] != "country:KZ"]
    assert extra and len(inside.rows) == len(plain.rows) + len(extra)
    within = set(schema().within_edge_types)
    for row in extra:  # each tied to Kazakhstan by the chain that puts it there, with its sentences
        assert row["via"] == "country:KZ" and row["tie"].endswith("Kazakhstan") and row["tie_sentence"]
    answered = {(r["subject"], r["object"], r["key"]) for r in inside.rows}
    chains = [e for e in inside.edges if e not in answered]
    assert chains and all(seeds.edges[e]["type"] in within for e in chains)  # drawn on the graph too


def test_a_time_range_keeps_the_visits_in_it_and_leaves_undated_ones_out(research) -> None:
    every = ask(research, "who", subject_type="Leader", relation="visited", object="Kazakhstan")
    assert [r["date"] for r in every.rows] == ["2012-05-01", "2013-09-07", "2019-06-12", ""]  # undated last
    between = ask(research, "who", subject_type="Leader", relation="visited", object="Kazakhstan",
                  date_from="2013", date_to="2019")
    assert [(r["subject"], r["date"]) for r in between.rows] == [("leader:xi-jinping", "2013-09-07"),
                                                                  ("leader:mirziyoyev", "2019-06-12")]
    assert [r["sentence"] for r in between.rows] == ["زار شي كازاخستان وألقى خطابا.", "زار ميرضيائيف كازاخستان."]
    assert between.paths == [["leader:xi-jinping", "country:KZ"], ["leader:mirziyoyev", "country:KZ"]]
    assert between.undated == 1 and "1 undated relation would answer it" in between.message  # said, not hidden


def test_an_undirected_relation_gives_one_row_per_edge(research) -> None:
    answer = ask(research, "with", relation="met", via="Uzbekistan")
    assert [(r["subject"], r["object"]) for r in answer.rows] == [("leader:mirziyoyev", "leader:xi-jinping")]


def test_projects_china_builds_in_kyrgyzstan_come_with_the_tie(research) -> None:
    answer = ask(research, "what", subject="الصين", relation="builds", object_type="Project", via="Kyrgyzstan")
    assert [r["object"] for r in answer.rows] == ["project:plant-kg"]
    row = answer.rows[0]
    assert row["sentence"] == "تبني الصين محطة كهرباء بيشكيك."
    assert row["tie_sentence"] == "تقع المحطة في قيرغيزستان." and row["via"] == "country:KG"
    assert ["project:plant-kg", "country:KG"] in answer.paths  # the tie is drawn too


def test_who_signed_what_with_uzbekistan_goes_through_its_president(research) -> None:
    answer = ask(research, "with", relation="signed", via="أوزبكستان")
    got = {(r["subject"], r["object"]) for r in answer.rows}
    # Xi signed the pact Mirziyoyev (who leads Uzbekistan) signed; the memorandum is not with Uzbekistan,
    # and meeting Mirziyoyev does not make Xi act for Uzbekistan
    assert got == {("leader:xi-jinping", "agreement:pact"), ("leader:mirziyoyev", "agreement:pact")}
    xi = next(r for r in answer.rows if r["subject"] == "leader:xi-jinping")
    assert xi["tie_sentence"] == "ووقع ميرضيائيف اتفاقية النقل أيضا. | الرئيس الأوزبكي ميرضيائيف."


def test_what_links_two_entities_lists_every_hop_with_evidence(research) -> None:
    answer = ask(research, "connection", source="Kyrgyzstan", target="Kazakhstan", k=2, max_hops=4)
    assert answer.paths[0] == ["country:KG", "project:plant-kg", "country:CN", "project:park-kz", "country:KZ"]
    first = [r for r in answer.rows if r["path"] == 1]
    assert [r["hop"] for r in first] == [1, 2, 3, 4]
    assert all(r["sentence"] and r["doc"] == "d5" for r in first)
    only_visits = ask_connection(research, "Kyrgyzstan", "Kazakhstan", relations=["visited"])
    assert only_visits.rows == [] and "Nothing" in only_visits.message


def test_what_happened_between_two_entities_is_in_date_order(research) -> None:
    answer = ask_between(research, "Xi Jinping", "Mirziyoyev")
    dates = [r["date"] for r in answer.rows]
    assert dates == sorted(d for d in dates if d) + [d for d in dates if not d]
    direct = [r for r in answer.rows if not r["via"]]
    assert [(r["relation"], r["sentence"]) for r in direct] == [("met", "التقى شي ميرضيائيف.")]
    shared = {r["via"] for r in answer.rows if r["via"]}
    assert shared == {"agreement:pact", "country:KZ"}
    later = ask(research, "between", source="Xi Jinping", target="Mirziyoyev", date_from="2020")
    assert {r["date"][:4] for r in later.rows} == {"2022"}


def test_the_vocabulary_is_the_schemas(research) -> None:
    raw = tomllib.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    v = vocabulary()
    assert [t["name"] for t in v["node_types"]] == list(raw["node_types"])
    assert [(r["name"], r["label_ar"]) for r in v["relations"]] == \
        [(name, spec["label_ar"]) for name, spec in raw["edge_types"].items()]
    assert question_text("who", "ar", subject_type="Leader", relation="visited", object="كازاخستان") == \
        f"أيّ {raw['node_types']['Leader']['label_ar']} {raw['edge_types']['visited']['label_ar']} كازاخستان؟"
    # the template file names no type and no relation: every slot is filled from the schema
    text = QUESTIONS_PATH.read_text(encoding="utf-8")
    for name in list(schema().node_types) + list(schema().edge_types):
        assert f'"{name}"' not in text and f"{{{name}}}" not in text
    assert set(question_templates()) == {"who", "what", "with", "connection", "between"}


def test_bad_questions_say_what_is_wrong(research) -> None:
    with pytest.raises(KeyError, match="known: who, what"):
        ask(research, "why")
    with pytest.raises(KeyError, match="unknown edge type 'toured'"):
        ask_relation(research, "toured")
    with pytest.raises(KeyError, match="unknown node type"):
        ask(research, "who", subject_type="Leaders", relation="visited", object="Kazakhstan")


def test_the_csv_reads_back_with_every_row_and_no_formula(research) -> None:
    answer = ask(research, "who", subject_type="Leader", relation="visited", object="Kazakhstan")
    answer.rows[0]["article"] = "=HYPERLINK(\"http://x\")"
    table = list(csv.DictReader(io.StringIO(answer_csv(answer))))
    assert len(table) == len(answer.rows) and list(table[0]) == COLUMNS
    assert table[0]["article"].startswith("'=")
    assert [t["sentence"] for t in table] == [r["sentence"] for r in answer.rows]


def test_the_sample_answers_on_the_hand_annotated_seeds() -> None:
    G = build_graph(sample_extractions())
    answer = ask(G, "who", subject_type="Leader", relation="visited", object="Kazakhstan",
                 date_from="2024-07", date_to="2024-07")
    assert [(r["subject"], r["date"]) for r in answer.rows] == [("leader:xi-jinping", "2024-07-06")]
