"""Round 6 (lead): rivers, lakes, deserts and mountains by their word (the word with the article is the
common noun, a direction after the name ends it); a signer with no office; a remark in brackets after
a body's name. Sentences written for these tests."""
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


# -- a remark in brackets after a body's name is no name of it -------------------------------------

def test_a_clause_in_brackets_after_a_body_is_no_part_of_its_name(extractor):
    result = extractor.extract(Article("t1", "وأعلن مكتب الشؤون الدينية (تحول لاحقا إلى وزارة مستقلة) عن برنامجه السنوي."))
    orgs = {m.text for m in result.mentions if m.entity.type == "Organization"}
    assert "مكتب الشؤون الدينية" in orgs and not any("لاحقا" in o for o in orgs)


def test_a_short_name_in_brackets_after_a_body_stays_its_form(extractor):
    result = extractor.extract(Article("t1", "وذكرت وكالة الأنباء الوطنية الأوزبكية (يوزا) أن الوفد وصل إلى طشقند."))
    (agency,) = [m for m in result.mentions if m.entity.type == "Organization"]
    assert "يوزا" in agency.text or "يوزا" in agency.aliases


@pytest.mark.parametrize("text", [
    "ويضم الوفد عضو مجلس إدارة الشركة والدكتور عبد الله جورج.",
    "وشارك في الاجتماع رئيس لجنة الاستثمار والمهندس علي أحمد.",
])
def test_a_persons_word_after_and_ends_a_bodys_name(extractor, text):
    orgs = {m.text for m in extractor.extract(Article("t1", text)).mentions if m.entity.type == "Organization"}
    assert not any("والدكتور" in o or "والمهندس" in o for o in orgs)


def test_a_noun_coordinated_in_a_bodys_name_stays_in_it(extractor):
    orgs = {m.text for m in extractor.extract(Article("t1", "وقالت وزارة الطاقة والمعادن إن الإنتاج ارتفع.")).mentions
            if m.entity.type == "Organization"}
    assert "وزارة الطاقة والمعادن" in orgs


def test_a_number_in_a_bodys_name_stays_in_it(extractor):
    result = extractor.extract(Article("t1", "وتتبع الشركة مجموعة الممرات الثلاثة الصينية التي تدير السد."))
    assert "مجموعة الممرات الثلاثة الصينية" in {m.text for m in result.mentions if m.entity.type == "Organization"}


@pytest.mark.parametrize("text", [
    'وسلك المسافرون الطريق " و " عادوا إلى المدينة.',
    'وزار الوفد المصنع " و " الميناء في اليوم نفسه.',
])
def test_quote_marks_around_a_lone_and_hold_no_name(extractor, text):
    result = extractor.extract(Article("t1", text))
    assert not any('" و "' in m.text for m in result.mentions)


def test_a_quoted_name_after_a_work_still_names_it(extractor):
    result = extractor.extract(Article("t1", 'وتبني الشركة محطة "فان يغناب" للطاقة الحرارية في طاجيكستان.'))
    assert any("فان يغناب" in m.text for m in result.mentions if m.entity.type == "Project")


# -- a preposition with a pronoun after a document's head is who it is with, no name ----------------

@pytest.mark.parametrize("text", [
    "وقال المدرب إنه وقع العقد معهما الأسبوع الماضي في العاصمة.",
    "وأبرم الطرفان صفقة بينهما تقضي بتبادل المعدات.",
])
def test_a_preposition_with_a_pronoun_names_no_document(extractor, text):
    result = extractor.extract(Article("t1", text))
    assert not any(m.entity.type == "Agreement" for m in result.mentions)


def test_a_purpose_after_a_preposition_with_a_pronoun_keeps_the_document(extractor):
    result = extractor.extract(Article("t1", "ووقعت كازاخستان والصين اتفاقية بينهما لبناء خط أنابيب للغاز."))
    assert any(m.entity.type == "Agreement" for m in result.mentions)
