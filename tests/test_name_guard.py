"""The name guard: function words, verbs and half names are no entities; whole names stay.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from silkgraph.extract.tools.build_name_parts import name_parts
from silkgraph.extract.lexicon import LEXICON_DIR, word_list
from silkgraph.records import Article


def entities(extractor, text: str) -> dict[str, str]:
    """Mention text -> entity type."""
    return {m.text: m.entity.type for m in extractor.extract(Article("t", text)).mentions}


def test_half_a_city_name_is_no_city(extractor):
    found = entities(extractor, "وصل الوفد إلى سان ثم غادر.")
    assert "سان" not in found, found


def test_a_whole_city_name_stays(extractor):
    found = entities(extractor, "وصل الوفد إلى سان بطرسبورغ صباح اليوم.")
    assert any(t.startswith("سان") and len(t.split()) == 2 for t in found), found


def test_a_definite_adjective_is_no_place(extractor):
    # الموصل after a definite noun: "the connecting (line)", not Mosul
    found = entities(extractor, "افتتح الرئيس الخط الموصل بين المدينتين.")
    assert "الموصل" not in found, found


def test_a_place_in_construct_stays(extractor):
    found = entities(extractor, "توجه الوفد إلى مدينة الموصل شمال العراق.")
    assert found.get("الموصل") == "City", found


@pytest.mark.parametrize("text, word", [
    ("وقال الوزير في مقابلة مع التلفزيون إن التعاون مستمر.", "مقابلة"),
    ("وأضاف أن الجانبين سوف يواصلان المحادثات.", "سوف"),
])
def test_common_words_are_no_names(extractor, text, word):
    assert not any(word in t.split() for t in entities(extractor, text)), entities(extractor, text)


def test_name_parts_are_learned_from_the_corpora_tags():
    tags = [("نيو", "B-LOC"), ("دلهي", "I-LOC"), ("و", "O")] * 4 + [("دلهي", "B-LOC"), ("في", "O")] * 4
    assert name_parts(tags, 3, 0.05) == ["نيو"]  # دلهي stands alone, نيو never does


def test_the_shipped_list_holds_no_whole_country_names():
    parts = word_list(LEXICON_DIR / "name_parts.txt")
    assert parts and not {"الصين", "روسيا", "كازاخستان"} & parts


def test_a_model_span_behind_a_proclitic_takes_the_tables_entity(extractor):
    # لآسيا: the model may type it Country; the gazetteer names آسيا a Region
    result = extractor.extract(Article("t", "وقال إن المبادرة مفيدة لآسيا كلها."))
    types = {m.entity.id: m.entity.type for m in result.mentions}
    assert "Country" not in types.values(), types
