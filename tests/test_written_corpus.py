"""The written articles as NER training sentences (extract/tools/written_corpus.py).

The written set is the project's own (tests/fixtures/written/), so these run on every clone.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from silkgraph.extract.tools import ner_data
from silkgraph.extract.tools.train_ner import load_corpora
from silkgraph.extract.tools.written_corpus import (WRITTEN, WrittenCorpusError, area_sentences, form_table,
                                                    load_written, tag_words)

PROCLITICS = ner_data.label_maps()["clitics"]["proclitics"]
LEARNED = frozenset({"Country", "City", "Leader", "Organization"})


def test_a_form_is_tagged_after_a_proclitic_and_the_longest_form_wins():
    forms = {("الصين",): "Country", ("مجلس", "الدولة", "الصيني"): "Organization", ("مجلس",): "Organization"}
    words = ["وقال", "مجلس", "الدولة", "الصيني", "إن", "للصين", "وبالصين", "فالصينيون"]
    assert tag_words(words, form_table(forms, PROCLITICS), LEARNED) == [
        "O", "B-Organization", "I-Organization", "I-Organization", "O", "B-Country", "B-Country", "O"]


def test_forms_of_types_not_learned_are_matched_but_left_outside():
    # the city inside a project's name is not taught as a city on its own
    forms = {("محطة", "دوشنبه", "2"): "Project", ("دوشنبه",): "City"}
    words = ["افتتحت", "محطة", "دوشنبه", "2", "في", "دوشنبه"]
    assert tag_words(words, form_table(forms, PROCLITICS), LEARNED) == ["O", "O", "O", "O", "O", "B-City"]


def _area(tmp_path: Path, text: str, entities: dict) -> Path:
    folder = tmp_path / "area"
    folder.mkdir()
    (folder / "X01_a.txt").write_text(text, encoding="utf-8")
    gold = {"docs": {"X01": "X01_a.txt"}, "entities": entities, "relations": {"core": [], "extra": []}}
    (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


def _words(text: str) -> list[str]:
    return re.findall(r"\n|[^\s.،]+|[.،]", text)


def test_an_area_is_cut_into_sentences_and_a_head_word_before_a_name_stays_outside(tmp_path):
    folder = _area(tmp_path, "زيارة إلى أستانا\nأستانا، 3 مايو وصل الرئيس إلى مدينة أستانا. وغادر اليوم", {
        "astana": {"type": "City", "en": "Astana", "ar": ["أستانا", "مدينة أستانا"]}})
    sentences = area_sentences(folder, _words, LEARNED, PROCLITICS)
    assert [[w for w, _ in s] for s in sentences] == [
        ["زيارة", "إلى", "أستانا"],
        ["أستانا", "،", "3", "مايو", "وصل", "الرئيس", "إلى", "مدينة", "أستانا", "."],
        ["وغادر", "اليوم"]]
    assert [t for s in sentences for t in (tag for _, tag in s)].count("B-City") == 3
    assert sentences[1][7] == ("مدينة", "O") and sentences[1][8] == ("أستانا", "B-City")


def test_a_gold_that_names_a_missing_text_is_an_error(tmp_path):
    folder = _area(tmp_path, "نص", {})
    (folder / "X01_a.txt").unlink()
    with pytest.raises(WrittenCorpusError, match="X01_a.txt"):
        area_sentences(folder, str.split, LEARNED, PROCLITICS)
    with pytest.raises(WrittenCorpusError, match="no written areas"):
        load_written(LEARNED, PROCLITICS, folder=tmp_path / "empty")


def test_the_written_set_loads_as_tagged_sentences_with_the_pipeline_tokenizer():
    areas = sorted(p.parent.name for p in WRITTEN.glob("*/gold.json"))
    assert areas
    sentences = load_written(["Country", "Leader"], PROCLITICS, areas=areas[:1])
    tags = [t for s in sentences for _, t in s]
    assert "B-Country" in tags and "B-Leader" in tags
    assert not any(t.endswith(("City", "Corridor", "Project")) for t in tags)
    # punctuation is its own token, as at run time: no tagged word carries a comma
    assert not any("،" in w for s in sentences for w, t in s if t != "O")


def test_the_shipped_recipe_reads_the_written_set_its_set_number_of_times():
    task = {"labels": "schema", "corpora": ["written"], "written_types": ["Country"], "written_repeat": 2}
    once = load_written(["Country"], PROCLITICS)
    assert load_corpora(Path("/nonexistent"), task, drop_test_texts=False) == once * 2
