"""Initiatives no table lists, round 6: a strategy, vision, policy or initiative by its head and a
quoted name, or a country and a year. Sentences written for these tests."""
from __future__ import annotations

import pytest

from extraction_helpers import run


def initiatives(result):
    return {m.entity.id: m for m in result.mentions if m.entity.type == "Initiative"}


@pytest.mark.parametrize("text, name", [
    ('وقال الرئيس إن استراتيجية "كازاخستان 2050" تمثل أساس سياسة البلاد على المدى الطويل.', "كازاخستان 2050"),
    ('وتهدف رؤية «تركمانستان - قلب طريق الحرير العظيم» إلى إحياء دور البلاد في تجارة الترانزيت.',
     "تركمانستان - قلب طريق الحرير العظيم"),
    ('وتعتمد الحكومة سياسة "الباب المفتوح" في استقطاب الاستثمارات الأجنبية منذ عام 2017.', "الباب المفتوح"),
    ("وأكد الوزير أن رؤية السعودية 2030 تتكامل مع مبادرة الحزام والطريق.", "السعودية 2030"),
])
def test_a_head_with_a_quoted_name_or_a_country_and_year_is_an_initiative(extractor, text, name):
    result = run(extractor, text)
    assert any(name in m.aliases or m.text.endswith(name) for m in initiatives(result).values()), \
        [(m.entity.type, m.text) for m in result.mentions]


def test_the_country_inside_an_initiatives_name_stays_a_mention(extractor):
    result = run(extractor, 'وأشار إلى استراتيجية "أوزبكستان 2030" التي أقرها البرلمان.')
    assert initiatives(result)
    assert "country:UZ" in {m.entity.id for m in result.mentions}


def test_a_known_initiative_in_quotes_stays_the_known_one(extractor):
    result = run(extractor, 'وأكد دعم بلاده لمبادرة "الحزام والطريق" التي اقترحها الرئيس الصيني.')
    assert set(initiatives(result)) == {"initiative:belt-and-road"}


@pytest.mark.parametrize("text", [
    'وقال إن لدى الحكومة رؤية "واضحة" لتطوير القطاع الزراعي.',
    'وظهر الوزير مساء أمس في برنامج "حديث الساعة" على التلفزيون الرسمي.',
    "وقال إن استراتيجية الحكومة تقوم على جذب الاستثمار.",
])
def test_a_head_without_a_name_is_no_initiative(extractor, text):
    assert not initiatives(run(extractor, text))


def test_a_strategy_for_a_period_stays_a_document(extractor):
    result = run(extractor, "وأقرت الحكومتان استراتيجية التعاون الاقتصادي للفترة 2025-2030.")
    assert not initiatives(result)
    assert any(m.entity.type == "Agreement" for m in result.mentions)
