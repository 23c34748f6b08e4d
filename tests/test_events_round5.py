"""Events, round 5: editions of a named event, events qualified before a quoted name, numbered
sittings, exercises by their quoted name, purposes coordinated, the subject of a conference, the
next edition by its year. Sentences written for these tests (not taken from any article)."""
from __future__ import annotations

import pytest

from silkgraph.normalize import phrase_key
from silkgraph.records import Article


def events(extractor, text: str, date: str = "") -> dict[str, str]:
    """Event mention text (phrase key) -> entity id, with its further forms."""
    out: dict[str, str] = {}
    for m in extractor.extract(Article("t", text, date=date)).mentions:
        if m.entity.type == "Event":
            for form in (m.text, m.entity.label_ar, *m.aliases):
                out[phrase_key(form)] = m.entity.id
    return out


def test_the_edition_of_a_named_expo_is_that_expos_numbered_one(extractor):
    got = events(extractor, "افتتحت الدورة الرابعة لمعرض الصين-أوراسيا في أورومتشي أمس.")
    assert got.get(phrase_key("الدورة الرابعة لمعرض الصين-أوراسيا"), "").endswith(":4"), got
    other = events(extractor, "وزار الوفد معرض الصين-أوراسيا الرابع.")
    assert got[phrase_key("الدورة الرابعة لمعرض الصين-أوراسيا")] in other.values(), other


def test_the_edition_of_a_forum_keeps_the_forums_purpose(extractor):
    got = events(extractor, "اختتمت الدورة الثالثة لمنتدى سمرقند الدولي للسياحة أعمالها.")
    assert phrase_key("الدورة الثالثة لمنتدى سمرقند الدولي للسياحة") in got, got


@pytest.mark.parametrize("text", [
    "وترأس الجلسة العامة للمؤتمر الوزير.",  # a sitting of an event, no event of its own
    "وعقدت الجلسة الثانية من المباحثات.",
])
def test_a_sitting_without_a_number_or_a_body_is_no_event(extractor, text):
    assert not any(k.startswith(phrase_key("الجلسة")) for k in events(extractor, text)), events(extractor, text)


def test_a_numbered_sitting_of_a_commission_between_two_sides(extractor):
    got = events(extractor, "عقدت أمس الجلسة الخامسة للجنة التعاون بين كازاخستان والصين في أستانا.")
    assert phrase_key("الجلسة الخامسة للجنة التعاون بين كازاخستان والصين") in got, got


def test_a_forum_qualified_before_its_quoted_name_in_both_orders(extractor):
    a = events(extractor, "انطلق المنتدى الثاني لوسائل الإعلام \"الصين – آسيا الوسطى\" في بكين.")
    b = events(extractor, "وشارك في منتدى وسائل الإعلام \"الصين – آسيا الوسطى\" الثاني وزراء.")
    ka, kb = phrase_key("المنتدى الثاني لوسائل الإعلام \"الصين – آسيا الوسطى\""), \
        phrase_key("منتدى وسائل الإعلام \"الصين – آسيا الوسطى\" الثاني")
    assert ka in a and kb in b and a[ka] == b[kb], (a, b)
    c = events(extractor, "وعقد منتدى الأعمال \"الصين – آسيا الوسطى\" في أستانا.")
    k = phrase_key("منتدى الأعمال \"الصين – آسيا الوسطى\"")
    assert k in c and c[k] != a[ka], c  # another forum of the same sides


def test_a_forum_for_something_is_not_qualified_by_it(extractor):
    got = events(extractor, "وأعلن عن منتدى لرجال الأعمال \"الصين – آسيا الوسطى\" العام المقبل.")
    assert not any("لرجال" in k for k in got), got


@pytest.mark.parametrize("text, name", [
    ("بدأت تدريبات \"الدرع-2022\" المشتركة في طاجيكستان.", "الدرع-2022"),
    ("وشاركت القوات في مناورات \"جبال الصداقة\" الشهر الماضي.", "جبال الصداقة"),
])
def test_an_exercise_is_called_by_its_quoted_name(extractor, text, name):
    assert phrase_key(name) in events(extractor, text), events(extractor, text)


@pytest.mark.parametrize("text", [
    "وأجرى الجيش تدريبات مشتركة على الحدود.",
    "وتلقى الضباط تدريبات لمكافحة الإرهاب.",
])
def test_exercises_without_a_name_are_no_named_event(extractor, text):
    assert not any(k.startswith(phrase_key("تدريبات")) for k in events(extractor, text)), events(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("وافتتح منتدى سمرقند للتعاون الاستثماري والسياحي أمس.", "منتدى سمرقند للتعاون الاستثماري والسياحي"),
    ("وزار \"معرض خوروغ للزراعة والصناعة\" آلاف الزوار.", "معرض خوروغ للزراعة والصناعة"),
])
def test_a_word_coordinated_with_an_events_purpose_is_part_of_its_name(extractor, text, name):
    assert phrase_key(name) in events(extractor, text), events(extractor, text)


def test_a_coordinated_noun_that_goes_on_is_not_the_purposes(extractor):
    got = events(extractor, "وافتتح منتدى سمرقند للاستثمار والرئيس الأوزبكي حاضر.")
    assert phrase_key("منتدى سمرقند للاستثمار") in got and not any("والرئيس" in k for k in got), got


def test_what_a_numbered_conference_is_about(extractor):
    got = events(extractor, "وعقد المؤتمر الدولي الثالث للأمن الغذائي بشأن طاجيكستان في دوشنبه.")
    assert phrase_key("المؤتمر الدولي الثالث للأمن الغذائي بشأن طاجيكستان") in got, got


def test_the_next_edition_of_a_yearly_event_by_the_year_written_after_it(extractor):
    text = ("افتتح المؤتمر السنوي لمنتدى دافوس لعام 2019 أعماله. "
            "ومن المقرر أن يعقد المؤتمر السنوي المقبل في يناير 2020.")
    got = events(extractor, text)
    first, nxt = got.get(phrase_key("المؤتمر السنوي لمنتدى دافوس لعام 2019")), got.get(phrase_key("المؤتمر السنوي المقبل"))
    assert first and nxt and first != nxt and nxt.endswith("2020") and first.endswith("2019"), got


def test_the_next_summit_without_a_year_makes_no_new_event(extractor):
    text = "وعقدت قمة منظمة شنغهاي للتعاون في أستانا. وقال الوزير إن القمة المقبلة ستكون مهمة."
    ids = set(events(extractor, text, date="2024-07-04").values())
    assert len(ids) == 1, ids


def test_a_numbered_edition_alone_is_of_the_series_named_before(extractor):
    text = ("واختتم المنتدى الثاني لمراكز البحث \"الصين – آسيا الوسطى\" أعماله. "
            "وتقرر أن تستضيف أستانا الدورة الثالثة العام المقبل.")
    got = events(extractor, text)
    second = got[phrase_key("المنتدى الثاني لمراكز البحث \"الصين – آسيا الوسطى\"")]
    third = got.get(phrase_key("الدورة الثالثة"), "")
    assert third and third == second[:-1] + "3", got


def test_an_edition_before_a_named_event_is_no_edition_of_the_last_one(extractor):
    text = "وعقدت قمة الصين-آسيا الوسطى الأولى. وتنطلق الدورة الثانية من معرض أستانا غدا."
    got = events(extractor, text)
    assert not any(k == phrase_key("الدورة الثانية") for k in got), got


def test_a_bodys_meeting_by_its_pronoun_and_number(extractor):
    text = ("عقد مجلس وزراء الدفاع لمنظمة معاهدة الأمن الجماعي اجتماعه الـ25 في دوشنبه. "
            "وناقش المجلس في اجتماعه الخامس والعشرين خطة التدريبات.")
    got = events(extractor, text)
    a, b = got.get(phrase_key("اجتماعه الـ25")), got.get(phrase_key("اجتماعه الخامس والعشرين"))
    assert a and a == b and a.endswith(":25"), got


def test_a_bodys_regular_meeting_by_its_pronoun(extractor):
    got = events(extractor, "عقدت اللجنة الحكومية القرغيزية الصينية اجتماعها الدوري أمس في بيشكيك.")
    assert phrase_key("اجتماعها الدوري") in got, got


@pytest.mark.parametrize("text", [
    "وأكد الرئيس خلال اجتماعه مع نظيره الصيني أهمية التعاون.",  # a talk, no gathering
    "وعقد مجلس الأعمال الكازاخستاني-الصيني اجتماعه السنوي في ألماتي.",  # a business body's meeting
])
def test_a_meeting_by_its_pronoun_without_number_or_of_a_business_body_is_no_event(extractor, text):
    assert not any(k.startswith(phrase_key("اجتماعه")) for k in events(extractor, text)), events(extractor, text)


def test_the_first_edition_by_its_pronoun_is_of_the_series_the_sentence_names(extractor):
    text = ("افتتحت الدورة الثالثة لمعرض الصين-أوراسيا أمس. "
            "ويقام المعرض كل عام، وكانت دورته الأولى قد أقيمت قبل عامين.")
    got = events(extractor, text)
    third, first = got[phrase_key("الدورة الثالثة لمعرض الصين-أوراسيا")], got.get(phrase_key("دورته الأولى"), "")
    assert first == third[:-1] + "1", got


def test_an_edition_numbered_before_the_series_named_again(extractor):
    text = ("افتتح منتدى \"الحزام والطريق\" الثاني في بكين. "
            "ويذكر أن المنتدى الأول للحزام والطريق عقد قبل عامين.")
    got = events(extractor, text)
    assert got.get(phrase_key("المنتدى الأول للحزام والطريق"), "").endswith(":1"), got


def test_two_summits_of_one_body_told_apart_by_place_and_the_year_of_their_sentence(extractor):
    text = ("ففي قمة منظمة شنغهاي للتعاون في أستانا في يوليو 2024 وقع القادة الإعلان. "
            "أما عام 2025 فيشهد قمة منظمة شنغهاي في تيانجين.")
    got = events(extractor, text)
    a = got.get(phrase_key("قمة منظمة شنغهاي للتعاون في أستانا"))
    b = got.get(phrase_key("قمة منظمة شنغهاي في تيانجين"))
    assert a and b and a.endswith("2024") and b.endswith("2025"), got


def test_a_summit_in_a_city_with_no_year_in_its_sentence_keeps_the_articles(extractor):
    got = events(extractor, "وقال الرئيس خلال قمة منظمة شنغهاي للتعاون في بكين إن بلاده ستقدم قروضا.",
                 date="2012-06-07")
    assert got.get(phrase_key("قمة منظمة شنغهاي للتعاون في بكين"), "").endswith("2012"), got


def test_the_series_named_in_an_edition_is_a_form_of_the_edition(extractor):
    result = extractor.extract(Article("t", "افتتحت الدورة الخامسة لمعرض خوروغ للزراعة أمس."))
    ids = {m.entity.id for m in result.mentions if m.entity.type == "Event"}
    forms = {phrase_key(a) for m in result.mentions if m.entity.type == "Event" for a in (m.text, *m.aliases)}
    assert len(ids) == 1 and phrase_key("معرض خوروغ للزراعة") in forms, (ids, forms)


@pytest.mark.parametrize("text", [
    "وتفقد الرئيس المعرض المخصص للمشروع بعد المراسم.",
    "وزار الوفد المعرض الدائم للمنتجات الوطنية.",
])
def test_a_hall_given_to_something_is_no_expo(extractor, text):
    assert not events(extractor, text), events(extractor, text)


def test_a_coordinated_noun_before_a_relative_clause_is_the_purposes(extractor):
    got = events(extractor, "وحل محله معرض خوروغ للزراعة والصناعة الذي انطلق قبل عشرين عاما.")
    assert phrase_key("معرض خوروغ للزراعة والصناعة") in got, got


def test_a_meeting_of_a_bodys_ministers_of_a_field(extractor):
    got = events(extractor, "وحضر الوزير اجتماع وزراء زراعة الدول الأعضاء في منظمة شنغهاي للتعاون أمس.")
    assert phrase_key("اجتماع وزراء زراعة الدول الأعضاء في منظمة شنغهاي للتعاون") in got, got


def test_a_meeting_of_ministers_alone_is_still_no_event(extractor):
    assert not events(extractor, "وعقد اجتماع وزراء زراعة أمس."), events(extractor, "وعقد اجتماع وزراء زراعة أمس.")


def test_a_forum_of_business_people_of_two_sides_by_their_nisbas(extractor):
    got = events(extractor, "وانطلق منتدى رجال الأعمال الصيني الطاجيكي في دوشنبه.")
    key = phrase_key("منتدى رجال الأعمال الصيني الطاجيكي")
    plain = events(extractor, "وانطلق المنتدى الصيني الطاجيكي في دوشنبه.")
    assert key in got and got[key] not in plain.values(), (got, plain)


def test_joint_manoeuvres_named_in_quotes_are_that_named_exercise(extractor):
    a = events(extractor, "وتواصل الدولتان المناورات المشتركة \"جبال الصداقة\" كل عام.")
    b = events(extractor, "وبدأت مناورات \"جبال الصداقة\" أمس.")
    key = phrase_key("جبال الصداقة")
    assert key in a and key in b and a[key] == b[key], (a, b)
    c = events(extractor, "وأجرى البلدان المناورات المشتركة في الجبال.")
    assert key not in c and c, c  # drills by their kind alone stay one per article
