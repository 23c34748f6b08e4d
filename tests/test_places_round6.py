"""Rivers, lakes, deserts and mountains by their word, round 6: the word with the article is the
common noun, and a direction after the name ends it. Sentences written for these tests."""
from __future__ import annotations

import pytest

from silkgraph.records import Article


def regions(extractor, text):
    return {m.text for m in extractor.extract(Article("t1", text)).mentions if m.entity.type == "Region"}


@pytest.mark.parametrize("text", [
    "وقال إن منازل كثيرة في الجبال تضررت جراء العاصفة.",
    "وعبرت القافلة الصحراء متجهة إلى الحدود الشمالية.",
    "وأضاف أن الجبال شهدت تساقط الثلوج طوال الأسبوع.",
    "وقال شهود إن نهرا يتدفق بسرعة جرف الجسر القديم.",
    "وتقع القرية على الهضبة المرتفعة شمالي البلاد.",
])
def test_a_features_word_as_a_common_noun_names_nothing(extractor, text):
    assert not regions(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("وتقع المحطة في جبال بامير شرقي طاجيكستان.", "بامير"),
    ("ويمر خط الأنابيب عبر صحراء قره قوم غربي أوزبكستان.", "قره قوم"),
    ("وأقيم السد على نهر وخش جنوبي البلاد.", "وخش"),
    ("ويمتد الطريق عبر هضبة بامير إلى إقليم بدخشان.", "بامير"),
])
def test_a_features_name_ends_before_a_direction_and_keeps_its_first_letter(extractor, text, name):
    assert name in regions(extractor, text)


# -- a person with no office signs too (the schema's signed subjects) ------------------------------

def test_a_person_with_no_office_signs(extractor):
    result = extractor.extract(Article("t1", "ووقع ليو هاي مذكرة تفاهم مع بلدية دوشنبه أمس لإنشاء مصنع للأحذية."))
    people = {m.entity.id for m in result.mentions if m.entity.type == "Person"}
    signed = {r.source.id for r in result.relations if r.type == "signed"}
    assert people and people <= signed
