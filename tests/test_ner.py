"""The shipped statistical NER and its spaCy component (no shared data needed)."""
from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from silkgraph.extract import ner
from silkgraph.extract.ner import ModelNotFound, NerModel
from silkgraph.extract.ner_features import FeatureConfig, Featuriser
from silkgraph.schema import schema

# Fresh sentences, written for this test (not from any training corpus).
FRESH = "وأكد الباحث ناصر الحربي من جامعة الملك سعود أن مدينة سمرقند كانت محطة رئيسية على طريق الحرير."
SHYMKENT = ("وصرح رجل الأعمال كريم عبد الوهاب بأن شركة الخليج للاستثمار ستفتتح مكتبا جديدا في مدينة شيمكنت "
            "بجنوب كازاخستان الشهر المقبل.")


@pytest.fixture(scope="module")
def model() -> NerModel:
    return ner.cached_model(ner.DEFAULT_MODEL)


def test_model_ships_inside_the_package_with_licence_config_and_metrics(model):
    folder = model.folder.resolve()
    assert folder.is_relative_to(ner.MODELS_DIR.resolve())
    for name in ("model.crfsuite", "config.toml", "gazetteer.tsv", "ATTRIBUTION.md", "LICENSE.NewsFANE.txt",
                 "metrics.json"):
        assert (folder / name).is_file(), name
    assert "CC BY-SA 3.0" in (folder / "ATTRIBUTION.md").read_text(encoding="utf-8")
    metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    assert set(metrics["anercorp_test"]["per_label"]) == {"PERS", "LOC", "ORG", "MISC"}
    size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    assert size_mb < 15, f"model folder is {size_mb:.1f} MB"


def test_model_predicts_schema_types_only(model):
    assert model.labels
    assert set(model.labels) <= set(schema().node_types)


def test_finds_a_person_a_city_and_an_organisation_in_a_fresh_sentence():
    nlp = spacy.blank("ar")
    nlp.add_pipe("silk_statistical_ner")
    found = {(e.text, e.label_) for e in nlp(FRESH).ents}
    assert ("ناصر الحربي", "Person") in found, found
    assert ("جامعة الملك سعود", "Organization") in found, found
    assert ("سمرقند", "City") in found, found


def test_rule_entities_are_kept_and_model_entities_only_fill_gaps():
    @Language.component("preset_rule_entities_for_test")
    def preset(doc):
        # a rule-based matcher found كازاخستان (and, wrongly, called مدينة شيمكنت a Region)
        doc.ents = [Span(doc, 14, 16, label="Region", span_id="gazetteer"),
                    Span(doc, 17, 18, label="Country", kb_id="country:kz", span_id="gazetteer")]
        return doc

    nlp = spacy.blank("ar")
    nlp.add_pipe("preset_rule_entities_for_test")
    nlp.add_pipe("silk_statistical_ner")
    doc = nlp(SHYMKENT)
    assert [t.text for t in doc[14:16]] == ["مدينة", "شيمكنت"] and doc[17].text == "كازاخستان"
    ents = {(e.start, e.end): e for e in doc.ents}
    assert ents[(14, 16)].label_ == "Region" and ents[(14, 16)].id_ == "gazetteer"
    assert ents[(17, 18)].kb_id_ == "country:kz"
    added = list(doc.spans["ner"])
    assert added, "the model added nothing"
    for span in added:
        assert span.id_ == "ner" and span.kb_id_ == ""
        assert span.end <= 14 or span.start >= 16
        assert (span.start, span.end) in ents
    assert len(doc.ents) == 2 + len(added)


def test_blocking_span_groups_and_label_filter_are_respected():
    nlp = spacy.blank("ar")
    nlp.add_pipe("silk_statistical_ner", config={"labels": ["City"], "spans_key": "model_ents"})
    doc = nlp(SHYMKENT)
    assert {e.label_ for e in doc.ents} == {"City"}
    assert list(doc.spans["model_ents"]) == list(doc.ents)

    @Language.component("block_city_for_test")
    def block(doc):
        doc.spans["refs"] = [Span(doc, 15, 16, label="ref")]
        return doc

    nlp = spacy.blank("ar")
    nlp.add_pipe("block_city_for_test")
    nlp.add_pipe("silk_statistical_ner")
    doc = nlp(SHYMKENT)
    assert all(not (e.start <= 15 < e.end) for e in doc.ents)


def test_same_features_for_newsfane_and_news_spelling():
    featuriser = Featuriser(FeatureConfig(), {})
    newsfane = featuriser.sentence_features(["الرئيس", "الاوزبكي", "اسلام", "كريموف"])
    news = featuriser.sentence_features(["الرئيس", "الأوزبكي", "إسلام", "كريموف"])
    assert newsfane == news


def test_each_model_keeps_its_own_tables_and_cache():
    """Two featurisers never mix tables, even for a word both have seen (no shared registry)."""
    config = FeatureConfig(window=0)
    as_country = Featuriser(config, {"صين": "country"})
    as_city = Featuriser(config, {"صين": "city"})
    assert "g=country" in as_country.sentence_features(["بالصين"])[0]
    assert "g=city" in as_city.sentence_features(["بالصين"])[0]
    assert "g=country" in as_country.sentence_features(["بالصين"])[0]
    as_country.clear_cache()
    assert "g=country" in as_country.sentence_features(["بالصين"])[0]


def test_sentences_from_a_sentencizer_and_without_one_give_the_same_entities():
    plain = spacy.blank("ar")
    plain.add_pipe("silk_statistical_ner")
    split = spacy.blank("ar")
    split.add_pipe("sentencizer")
    split.add_pipe("silk_statistical_ner")
    text = FRESH + " " + SHYMKENT
    assert [(e.start, e.end, e.label_) for e in plain(text).ents] == [(e.start, e.end, e.label_) for e in split(text).ents]


def test_a_missing_model_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelNotFound, match="no NER model folder"):
        NerModel.load(str(tmp_path / "absent"))
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "config.toml").write_text("", encoding="utf-8")
    with pytest.raises(ModelNotFound, match="model.crfsuite"):
        NerModel.load(str(tmp_path / "half"))


def test_empty_and_punctuation_only_docs():
    nlp = spacy.blank("ar")
    nlp.add_pipe("silk_statistical_ner")
    assert list(nlp("").ents) == []
    assert list(nlp("... ، !").ents) == []


def test_in_the_extraction_pipeline_model_entities_become_mentions_from_ner():
    from silkgraph.extract.pipeline import Extractor
    from silkgraph.records import Article

    extractor = Extractor()
    assert "silk_statistical_ner" in extractor.nlp.pipe_names  # extract/pipeline.cfg has it
    found = extractor.extract(Article("fresh", FRESH))
    by_text = {m.text: m for m in found.mentions}
    assert "ناصر الحربي" in by_text, sorted(by_text)
    person = by_text["ناصر الحربي"]
    assert person.source == "ner" and person.entity.type == "Person"
    assert FRESH[person.start:person.end] == "ناصر الحربي"


# "في ظل مشهد دولي مضطرب": مشهد is "scene" here, not the Iranian city, and the model is unsure.
UNSURE = "وانعقد المنتدى في ظل مشهد دولي مضطرب، وزار المشاركون مدينة خيوة."


def test_spans_carry_a_confidence_and_min_confidence_drops_the_unsure_ones(model):
    words = spacy.blank("ar")(UNSURE)
    scored = [span for sent in model.scored_document([[t.text for t in words]]) for span in sent]
    by_text = {" ".join(t.text for t in words[s:e]): (label, conf) for s, e, label, conf in scored}
    assert all(0.0 <= conf <= 1.0 for _, conf in by_text.values())
    assert by_text["خيوة"][0] == "City" and by_text["خيوة"][1] >= 0.9
    assert "مشهد" in by_text and by_text["مشهد"][1] < 0.7, by_text

    def cities(min_confidence):
        nlp = spacy.blank("ar")
        nlp.add_pipe("silk_statistical_ner", config={"min_confidence": min_confidence})
        return [e.text for e in nlp(UNSURE).ents if e.label_ == "City"]

    assert cities(0.0) == ["مشهد", "خيوة"]
    assert cities(0.7) == ["خيوة"]


def test_the_extraction_pipeline_uses_a_confidence_floor_and_a_bad_one_is_refused():
    from silkgraph.extract.pipeline import Extractor

    from silkgraph.extract.pipeline import PIPELINE_CONFIG
    from spacy.util import load_config

    component = Extractor().nlp.get_pipe("silk_statistical_ner")
    configured = load_config(PIPELINE_CONFIG)["components"]["silk_statistical_ner"]["min_confidence"]
    assert component.min_confidence == configured and 0.0 < configured < 1.0
    nlp = spacy.blank("ar")
    with pytest.raises(ValueError, match="min_confidence must be between 0 and 1"):
        nlp.add_pipe("silk_statistical_ner", config={"min_confidence": 70})
