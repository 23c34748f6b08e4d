"""The NER training command and its corpus readers.

The end-to-end run needs the shared corpora (``data/`` of the shared folder, see the
``shared`` fixture); it is skipped, saying so, in a clone without them (fails under CI). The readers are tested on small texts made here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from silkgraph.extract.tools import ner_data
from silkgraph.extract.ner import NerModel
from silkgraph.extract.tools.train_ner import build_gazetteer, main, score



@pytest.fixture(scope="module")
def data(shared) -> Path:
    """The shared data folder holding the NER corpora (training reads NewsFANE and ANERcorp)."""
    shared("data", "newsfane")
    return shared("data")


def test_parse_conll_reads_newsfane_style_and_rejects_a_line_without_tag():
    text = "\ufeff\u200eقال\tO\r\n\u200eشي\tB-Politician\r\n\u200eجين\tI-Politician\r\n\r\n\u200eبكين\tB-Population-Center\r\n"
    sentences = ner_data.parse_conll(text)
    assert sentences == [[("قال", "O"), ("شي", "B-Politician"), ("جين", "I-Politician")],
                         [("بكين", "B-Population-Center")]]
    with pytest.raises(ner_data.CorpusError, match="x.txt:2"):
        ner_data.parse_conll("قال O\nشي\n", "x.txt")


def test_newsfane_classes_map_to_schema_types_and_clitics_are_reattached():
    sentence = [("و", "O"), ("استقبل", "O"), ("ل", "O"), ("الرئيس", "O"), ("ب", "O"), ("الصين", "B-Nation"),
                ("مدير", "O"), ("شركة", "B-Commercial"), ("هواوي", "I-Commercial"), ("و", "O"), ("رواية", "B-Book")]
    mapped = ner_data.map_labels(sentence, ner_data.label_maps()["schema"]["newsfane"])
    cl = ner_data.label_maps()["clitics"]
    merged = ner_data.merge_clitics(mapped, cl["proclitics"], cl["enclitics"])
    assert merged == [("واستقبل", "O"), ("للرئيس", "O"), ("بالصين", "B-Country"), ("مدير", "O"),
                      ("شركة", "B-Organization"), ("هواوي", "I-Organization"), ("ورواية", "O")]


def test_every_mapped_label_is_a_schema_type():
    from silkgraph.schema import schema

    types = set(schema().node_types)
    assert set(ner_data.label_maps()["schema"]["newsfane"].values()) <= types


def test_gazetteer_table_prefers_whole_names():
    table = build_gazetteer({"country": {"كازاخستان", "كوريا الجنوبية"}, "city": {"أستانا", "كوريا"}})
    assert table["كازاخستان"] == "country"
    assert table["استانا"] == "city"
    assert table["كوريا"] == "city"  # a one-word city name beats a word of a country name
    assert table["جنوبيه"] == "country_part"


def test_score_counts_exact_spans_only():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "B-ORG"]]
    result = score(gold, pred)
    assert result["overall"]["precision"] == 50.0  # 2 right of 4 predicted
    assert result["overall"]["recall"] == pytest.approx(66.67)
    assert result["per_label"]["PERS"]["f1"] == 0.0


def test_missing_data_folder_is_a_clear_error_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "model"
    assert main(["--data", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    assert "data folder not found" in capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_newsfane_copy_of_the_test_texts_is_held_out(data):
    newsfane = ner_data.load_newsfane(data, "anercorp")
    test = ner_data.load_anercorp(data, "test")
    kept, held = ner_data.split_by_source(newsfane, held_out=test, kept=ner_data.load_anercorp(data, "train"))
    test_words = sum(len(s) for s in test)
    held_words = sum(len(s) for s in held)
    # the test split is a sixth of the corpus; NewsFANE's copy of it is about as long
    assert 0.8 * test_words < held_words < 1.25 * test_words
    assert len(kept) + len(held) == len(newsfane)


def test_training_command_runs_end_to_end_on_a_slice(tmp_path, capsys, data):
    out = tmp_path / "ner"
    code = main(["--data", str(data), "--out", str(out), "--limit-sentences", "250", "--max-steps", "15"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "benchmark: ANERcorp test split" in printed and "wrote" in printed
    for name in ("model.crfsuite", "config.toml", "gazetteer.tsv", "metrics.json", "ATTRIBUTION.md",
                 "LICENSE.NewsFANE.txt"):
        assert (out / name).is_file(), name
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert set(metrics["anercorp_test"]["per_label"]) == {"PERS", "LOC", "ORG", "MISC"}
    assert metrics["final"]["train_sentences"] == 250
    # the min_confidence trade-off: a higher floor keeps a subset of the spans, so recall cannot rise
    levels = metrics["anercorp_test"]["by_min_confidence"]
    assert list(levels) == ["0.5", "0.6", "0.7", "0.8", "0.9"]
    recalls = [levels[k]["recall"] for k in levels]
    assert recalls == sorted(recalls, reverse=True) and recalls[0] <= metrics["anercorp_test"]["overall"]["recall"]
    assert "spans with confidence >= 0.7" in printed
    model = NerModel.load(str(out))
    assert set(model.labels) <= {"Country", "City", "Region", "Leader", "Person", "Organization", "Corridor"}
    assert len(model.tag(["زار", "الرئيس", "الصين"])) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["ner"]  # no staging folder left behind


def test_spans_to_tags_inverts_bio_to_spans():
    from silkgraph.extract.ner import bio_to_spans
    from silkgraph.extract.tools.train_ner import spans_to_tags

    tags = ["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-LOC"]
    assert spans_to_tags(bio_to_spans(tags), len(tags)) == tags
