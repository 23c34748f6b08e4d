"""Curation: corrections in the store's log survive rebuilds and new articles; undo; exports."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from silkgraph.graph.export import read_graph
from silkgraph.graph.sample import sample_extractions
from silkgraph import curation
from silkgraph.cli import main
from silkgraph.store import Store

# sentences written for these tests
TEXTS = {
    "visit": "أستانا 3 مارس 2025 (شينخوا) وصل الرئيس الصيني شي جين بينغ إلى أستانا في زيارة رسمية، "
             "واستقبله الرئيس الكازاخي قاسم جومارت توكاييف.",
    "rail": "وقعت الصين وقيرغيزستان وأوزبكستان اتفاقية لبناء خط سكة حديد يربط الدول الثلاث.",
    "rail2": "وقعت الصين وقيرغيزستان اتفاقية لبناء خط سكة حديد جديد.",
    "premier": "التقى رئيس مجلس الدولة الصيني لي تشيانغ رئيس وزراء طاجيكستان في دوشنبه لبحث التعاون الاقتصادي.",
}
# a later article that again says Li Qiang leads the State Council (the relation the test rejects),
# and names the merged agreement's article
LATER = {"premier2": "وصل رئيس مجلس الدولة الصيني لي تشيانغ رئيس وزراء طاجيكستان إلى دوشنبه.",
         "rail2": TEXTS["rail2"] + " وقال المسؤولون إن العمل سيبدأ العام المقبل."}
KEEP, DROP = "agreement:rail:اتفاقيه لبناء خط سكه حديد", "agreement:rail2:اتفاقيه لبناء خط سكه حديد جديد"
REJECTED = "org:state-council"  # the researcher rejects "Li Qiang leads it", which both articles say


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def built(capsys, tmp_path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in TEXTS.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out" / "graph.graphml"
    assert run(capsys, "build", corpus, "--out", out, "--no-progress")[0] == 0
    return corpus, out


def edges_of(G, u, etype, v):
    return [k for a, b, k, d in G.edges(keys=True, data=True) if (a, b) == (u, v) and d["type"] == etype]


def test_curation_round_trip(capsys, tmp_path, built):
    corpus, out = built
    G0 = read_graph(out)
    assert {KEEP, DROP} <= set(G0) and edges_of(G0, "leader:li-qiang", "leads", REJECTED)

    assert run(capsys, "curate", "merge", KEEP, DROP, "--out", out)[0] == 0
    assert run(capsys, "curate", "reject", "لي تشيانغ", "leads", "مجلس الدولة الصيني", "--out", out)[0] == 0
    assert run(capsys, "curate", "rename", "city:astana-kz", "--en", "Astana (capital)", "--out", out)[0] == 0
    assert run(capsys, "curate", "note", "Xi Jinping", "visited", "city:astana-kz", "state visit", "--out", out)[0] == 0
    code, listing, _ = run(capsys, "curate", "log", "--out", out)
    assert code == 0 and len(listing.splitlines()) == 4 and "merge" in listing.splitlines()[0]

    def check(G):
        assert DROP not in G
        keep = G.nodes[KEEP]
        assert keep["curated"] is True and keep["merged"] == [DROP]
        assert "rail2" in keep["docs"]  # the dropped node's article now backs the survivor
        assert edges_of(G, "country:KG", "signed", KEEP)
        assert not edges_of(G, "leader:li-qiang", "leads", REJECTED)
        assert G.nodes["city:astana-kz"]["label_en"] == "Astana (capital)"
        [key] = edges_of(G, "leader:xi-jinping", "visited", "city:astana-kz")
        assert G.edges["leader:xi-jinping", "city:astana-kz", key]["note"] == "state visit"

    check(read_graph(out))  # curate rewrote the graph from the store at once

    # a new article repeats the rejected reading and the dropped article changes: corrections hold
    for name, text in LATER.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    code, summary, _ = run(capsys, "build", corpus, "--out", out, "--json-summary", "--no-progress")
    assert code == 0 and json.loads(summary)["extracted"] == 2
    G = read_graph(out)
    check(G)
    assert "premier2" in G.nodes["leader:li-qiang"]["docs"]

    # exports carry the marks and leave the rejected edge out
    csv_out = tmp_path / "graph.csv"
    assert run(capsys, "export", out, "--out", csv_out)[0] == 0
    rows = list(csv.DictReader(csv_out.open(encoding="utf-8-sig")))
    assert not [r for r in rows if (r["source"], r["type"], r["target"]) == ("leader:li-qiang", "leads", REJECTED)]
    neo = tmp_path / "neo4j"
    assert run(capsys, "export", out, "--neo4j", neo)[0] == 0
    nodes = {r["id:ID"]: r for r in csv.DictReader((neo / "nodes.csv").open(encoding="utf-8"))}
    assert nodes[KEEP]["curated:boolean"] == "true" and DROP not in nodes

    # undo all four: the graph of the same corpus without any curation
    code, undone, _ = run(capsys, "curate", "undo", "4", "--out", out)
    assert code == 0 and undone.count("undid") == 4
    fresh = tmp_path / "fresh" / "graph.graphml"
    assert run(capsys, "build", corpus, "--out", fresh, "--no-progress")[0] == 0
    assert out.read_bytes() == fresh.read_bytes()
    assert run(capsys, "curate", "undo", "--out", out)[1:] == ("", "silkgraph: error: nothing to undo\n")


def test_retype_delete_confirm(capsys, built):
    _, out = built
    assert run(capsys, "curate", "retype", DROP, "Project", "--out", out)[0] == 0
    assert run(capsys, "curate", "delete", "city:dushanbe-tj", "--out", out)[0] == 0
    assert run(capsys, "curate", "confirm", "country:CN", "signed", KEEP, "--doc", "rail", "--out", out)[0] == 0
    assert run(capsys, "curate", "note", "country:KG", "Kyrgyz Republic", "--out", out)[0] == 0
    G = read_graph(out)
    assert G.nodes[DROP]["type"] == "Project" and G.nodes[DROP]["curated"] is True
    assert "city:dushanbe-tj" not in G
    [key] = edges_of(G, "country:CN", "signed", KEEP)
    assert G.edges["country:CN", KEEP, key]["confirmed"] is True
    assert G.nodes["country:KG"]["note"] == "Kyrgyz Republic"


@pytest.mark.parametrize("args, code, message", [
    (("merge", "country:CN", "nowhere-at-all"), 1, "no entity matches 'nowhere-at-all'"),
    (("merge", "country:CN", "الصين"), 1, "are the same entity (country:CN)"),
    (("retype", "country:CN", "Planet"), 1, "unknown node type 'Planet'"),
    (("reject", "country:CN", "visited", "country:KG"), 1, "no visited edge between country:CN and country:KG"),
    (("reject", "country:CN", "flew", "country:KG"), 1, "unknown edge type 'flew'"),
    (("rename", "country:CN"), 1, "rename needs a new Arabic or English label"),
    (("note", "country:CN", "a", "b"), 2, "note takes NODE TEXT or SOURCE TYPE TARGET TEXT"),
    (("undo", "-1"), 2, "'-1' must be at least 1"),
])
def test_bad_corrections_are_one_line_and_log_nothing(capsys, built, args, code, message):
    _, out = built
    before = out.read_bytes()
    got, _, err = run(capsys, "curate", *args, "--out", out)
    assert got == code and message in err.splitlines()[-1]
    assert err.count("\n") == 1 or err.startswith("usage: ")  # one line, or argparse's usage and one line
    assert out.read_bytes() == before
    assert run(capsys, "curate", "log", "--out", out)[1] == "no corrections yet\n"


def test_curate_without_a_store_says_build_first(capsys, tmp_path):
    code, _, err = run(capsys, "curate", "log", "--out", tmp_path / "graph.graphml")
    assert code == 1 and "no store at" in err and "run `silkgraph build` first" in err


def test_merge_chains_and_merging_back():
    records = sample_extractions()
    with Store(":memory:") as store:
        G = curation.curated_graph(records, [])
        curation.merge(store, G, "country:TJ", "country:KZ")
        G = curation.curated_graph(records, store.log())
        curation.merge(store, G, "country:UZ", "country:TJ")
        G = curation.curated_graph(records, store.log())
        assert "country:KZ" not in G and "country:TJ" not in G
        assert set(G.nodes["country:UZ"]["merged"]) == {"country:KZ", "country:TJ"}
        assert "كازاخستان" in G.nodes["country:UZ"]["aliases"]
        assert not any(u == v for u, v in G.edges())  # a relation merged into a loop is gone
        curation.undo(store, 2)
        assert sorted(curation.curated_graph(records, store.log()).nodes) == sorted(curation.curated_graph(records, []).nodes)


def test_a_merge_takes_the_survivor_as_extracted_not_as_renamed_then():
    records = sample_extractions()
    with Store(":memory:") as store:
        rename = curation.rename(store, curation.curated_graph(records, []), "country:TJ", label_ar="طاجيكستان الجديدة")
        merge = curation.merge(store, curation.curated_graph(records, store.log()), "country:TJ", "country:KZ")
        assert merge.args["entity"]["label_ar"] == "طاجيكستان الجديدة"  # what the graph showed then
        both = curation.curated_graph(records, [rename, merge])
        assert both.nodes["country:TJ"]["label_ar"] == "طاجيكستان الجديدة"
        merge_only = curation.curated_graph(records, [merge])  # the rename taken back, the merge kept
    assert merge_only.nodes["country:TJ"]["label_ar"] == "طاجيكستان"
    assert "كازاخستان" in merge_only.nodes["country:TJ"]["aliases"]
