"""Entities with long names, found from their head words: organisations, events, agreements, and
the typing of places. Sentences written for these tests (not taken from the seeds or real articles)."""
from __future__ import annotations

import pytest

from silkgraph.normalize import phrase_key
from silkgraph.records import Article


def mentions(extractor, text: str) -> dict[str, set[str]]:
    """Entity type -> the phrase keys of the entity labels mentioned in ``text``."""
    out: dict[str, set[str]] = {}
    for m in extractor.extract(Article("t", text)).mentions:
        out.setdefault(m.entity.type, set()).add(phrase_key(m.entity.label_ar))
    return out


def has(extractor, text: str, type_: str, name: str) -> bool:
    return phrase_key(name) in mentions(extractor, text).get(type_, set())


# -- organisations -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("أصدرت وزارة الزراعة الأوزبكية بيانا حول موسم القطن.", "وزارة الزراعة الأوزبكية"),
    ("قالت لجنة الانتخابات المركزية إن النتائج ستعلن غدا.", "لجنة الانتخابات المركزية"),
    ("وافق مجلس الشيوخ الطاجيكي على الميزانية الجديدة.", "مجلس الشيوخ الطاجيكي"),
    ("قدم بنك التصدير والاستيراد الصيني قرضا للمشروع.", "بنك التصدير والاستيراد الصيني"),
    ("وقعت شركة سينوهيدرو المحدودة للهندسة عقد التوريد.", "شركة سينوهيدرو المحدودة للهندسة"),
    ("نشرت صحيفة ((آسيا بلس)) مقابلة مع الوزير.", "صحيفة ((آسيا بلس))"),
    ("فاز حزب آق جول في الانتخابات البرلمانية.", "حزب آق جول"),
    ("عقدت اللجنة الدائمة للمجلس الأعلى لنواب الشعب اجتماعها السنوي.",
     "اللجنة الدائمة للمجلس الأعلى لنواب الشعب"),
    ("استقبلت رئاسة قيرغيزستان الوفد الزائر.", "رئاسة قيرغيزستان"),
    ("صوت البرلمان التركمانستاني على القانون.", "البرلمان التركمانستاني"),
])
def test_organisation_names_with_their_complements(extractor, text, name):
    assert has(extractor, text, "Organization", name), mentions(extractor, text)


def test_media_name_is_also_an_alias_without_its_head(extractor):
    result = extractor.extract(Article("t", "نقلت وكالة كابار عن مسؤول أن الطريق سيفتح."))
    org = next(m for m in result.mentions if m.entity.type == "Organization")
    assert "كابار" in org.aliases


@pytest.mark.parametrize("text", [
    "اشترت شركة صينية حصة كبيرة في المصنع.",  # a company, not a name
    "تحدث الخبراء عن إدارة الموارد المائية في المنطقة.",  # إدارة: managing
    "انسحبت القوات الروسية من المنطقة الحدودية.",  # forces of a nationality, not one body
    "قال إن الشركة ستبدأ العمل قريبا.",  # the company, named before
    "تسلم رئاسة المنظمة الدورية.",  # the chairmanship of
])
def test_no_organisation_from_a_common_phrase(extractor, text):
    assert not mentions(extractor, text).get("Organization"), mentions(extractor, text)


def test_organisation_label_has_no_preposition(extractor):
    found = mentions(extractor, "وقال المتحدث لصحيفة كازينفورم إن الاتفاق قريب.")
    assert phrase_key("صحيفة كازينفورم") in found.get("Organization", set()), found


def test_a_known_organisation_after_the_lam_of_the_article(extractor):
    # للأمم: ل + الأمم, the United Nations after a genitive
    found = extractor.extract(Article("t", "تحدث الأمين العام للأمم المتحدة في المؤتمر."))
    assert "org:un" in {m.entity.id for m in found.mentions}


# -- places ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, region_id", [
    ("زار الوفد مقاطعة قانسو في شمال غرب الصين.", "region:gansu-cn"),
    ("تقع المدينة في منطقة أكمولا شمال كازاخستان.", "region:akmola-region-kz"),
    ("وصلت الشحنة إلى منطقة شينجيانغ الويغورية ذاتية الحكم.", "region:xinjiang-cn"),
])
def test_provinces_are_regions(extractor, text, region_id):
    result = extractor.extract(Article("t", text))
    types = {m.entity.id: m.entity.type for m in result.mentions}
    assert types.get(region_id) == "Region", types


def test_cities_stay_cities(extractor):
    result = extractor.extract(Article("t", "سافر الوزير من ألماتي إلى أورومتشي."))
    assert {m.entity.type for m in result.mentions} == {"City"}


# -- events ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("انطلق الاجتماع الـ12 لمجلس وزراء خارجية منظمة شانغهاي للتعاون في بشكيك.",
     "الاجتماع الـ12 لمجلس وزراء خارجية منظمة شانغهاي للتعاون"),
    ("افتتحت القمة الثالثة لرؤساء دول آسيا الوسطى أعمالها.", "القمة الثالثة لرؤساء دول آسيا الوسطى"),
    ("شارك في قمة قادة الدول الأعضاء في منظمة معاهدة الأمن الجماعي.",
     "قمة قادة الدول الأعضاء في منظمة معاهدة الأمن الجماعي"),
    ("حضر الوزير الاجتماع السادس بين وزيري خارجية البلدين.", "الاجتماع السادس بين وزيري خارجية البلدين"),
    ("ترأس اجتماع رؤساء حكومات رابطة الدول المستقلة الحادي عشر.", "اجتماع رؤساء حكومات رابطة الدول المستقلة"),
    ("ألقى كلمة أمام المنتدى الدولي للطاقة المتجددة في طشقند.", "المنتدى الدولي للطاقة المتجددة"),
    ("وصل الوفد للمشاركة في الاجتماع الـ 30 لمجلس رؤساء دول منظمة شانغهاي للتعاون.",
     "الاجتماع الـ 30 لمجلس رؤساء دول منظمة شانغهاي للتعاون"),
])
def test_events_described_by_number_and_participants(extractor, text, name):
    found = mentions(extractor, text).get("Event", set())
    assert any(k.startswith(phrase_key(name)) for k in found), found


def test_numbered_meetings_of_one_body_are_told_apart(extractor):
    result = extractor.extract(Article("t", "عقد الاجتماع الخامس لوزراء خارجية منظمة شانغهاي للتعاون بعد "
                                            "الاجتماع الرابع لوزراء خارجية منظمة شانغهاي للتعاون."))
    events = {m.entity.id for m in result.mentions if m.entity.type == "Event"}
    assert len(events) == 2, events


@pytest.mark.parametrize("text", [
    "وقال الوزير إن القمة كانت ناجحة.",  # the summit named before: a reference, no new event
    "وفي معرض حديثه عن التجارة قال الوزير إن الأرقام جيدة.",  # في معرض: while (speaking)
    "وأكد أن الاجتماع المقبل سيعقد في الخريف.",  # the next meeting: nobody named
])
def test_no_event_from_a_reference_or_an_idiom(extractor, text):
    assert not mentions(extractor, text).get("Event"), mentions(extractor, text)
