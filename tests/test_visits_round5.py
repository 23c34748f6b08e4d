"""Visits, round 5: who visits where when the visit is told by arriving with a long title, by a
delegation headed by someone, in a relative clause, during "his" visit after a meeting, and a city
spelled تاشكنت. Each case: what must be found and what must not. Sentences written for these tests."""
from __future__ import annotations

import pytest

from silkgraph.records import Article

TOKAYEV, KARIMOV = "leader:kassym-jomart-tokayev", "leader:islam-karimov"
TASHKENT, DUSHANBE, BEIJING, ASTANA, URUMQI = ("city:tashkent-uz", "city:dushanbe-tj", "city:beijing-cn",
                                               "city:astana-kz", "city:urumqi-cn")


def visits(extractor, text: str) -> set[tuple[str, str]]:
    """(visitor id, place id) of every visit found in ``text``."""
    result = extractor.extract(Article("t1", text))
    return {(r.source.id, r.target.id) for r in result.relations if r.type == "visited"}


def visitors_of(extractor, text: str, place: str) -> set[str]:
    return {s for s, t in visits(extractor, text) if t == place}


# -- تاشكنت is Tashkent -------------------------------------------------------------------------
def test_tashkent_spelled_with_a_final_ta_is_tashkent_and_a_relative_clause_visitor_visits_it(extractor):
    text = "وحضر اللقاء نائب وزير الخارجية الصيني لي مينغ، الذي وصل إلى تاشكنت قادما من ألماتي."
    found = visits(extractor, text)
    assert ("leader:لي مينغ", TASHKENT) in found and ("leader:لي مينغ", "country:UZ") in found
    assert not any(t == "city:almaty-kz" for _, t in found)  # where he came from


# -- a long title naming a body between the verb and the visitor --------------------------------
@pytest.mark.parametrize("text, visitor, place", [
    ("وقد وصل قائد قوات حرس الحدود الصينية الفريق تشانغ هوا إلى دوشنبه أمس على رأس وفد عسكري.",
     "leader:تشانغ هوا", DUSHANBE),
    ("وجرى التوقيع خلال زيارة الرئيس الراحل إسلام كريموف إلى بكين عام 2012.", KARIMOV, BEIJING),
])
def test_the_visitor_behind_a_title_naming_a_body_or_the_late(extractor, text, visitor, place):
    assert visitor in visitors_of(extractor, text, place)


def test_a_body_that_is_no_title_still_ends_the_gap(extractor):
    # the company is a party of its own, not part of a title: no visit of the person after it
    text = "وصل شركة هواوي ووفدها والوزير لي مينغ قد قال إن دوشنبه مهمة."
    assert not visitors_of(extractor, text, DUSHANBE)


# -- a delegation headed by someone ------------------------------------------------------------
@pytest.mark.parametrize("text, visitor, place", [
    ("وصل وفد من حزب «نور» الحاكم في جمهورية قرغيزستان (الحزب الديمقراطي سابقا) برئاسة نائب وزير الخارجية "
     "القرغيزي أيبك موسايف إلى أورومتشي قادما من بيشكيك.", "leader:ايبك موسايف", URUMQI),
    ("وصل وفد من وزارة التجارة الصينية ومن شركات صينية كبرى في قطاع الطاقة برئاسة نائب الوزير لي تشنغ قانغ "
     "إلى أستانا اليوم.", "leader:لي تشنغ قانغ", ASTANA),
])
def test_the_head_of_a_delegation_that_arrives_visits(extractor, text, visitor, place):
    assert visitor in visitors_of(extractor, text, place)


def test_a_delegation_head_word_after_the_destination_names_no_visitor(extractor):
    # برئاسة after إلى: the chair of the talks held there, not the head of the arriving delegation
    text = "وصل وفد إلى أستانا لحضور اجتماع اللجنة المشتركة برئاسة نائب الوزير لي تشنغ قانغ."
    assert "leader:لي تشنغ قانغ" not in visitors_of(extractor, text, ASTANA)


# -- during his visit, after a meeting: the clause's subject is the visitor ----------------------
def test_his_visit_after_meeting_someone_is_the_subjects(extractor):
    text = ("وكان الرئيس قاسم جومارت توكاييف قد التقى رئيس مجلس إدارة شركة هواوي ليانغ هوا خلال زيارته "
            "إلى مدينة شنتشن عام 2023.")
    found = visits(extractor, text)
    assert (TOKAYEV, "city:shenzhen-cn") in found
    assert not any(t == "city:shenzhen-cn" and s != TOKAYEV for s, t in found)  # not the man he met


# -- a signing placed in a host's city: the signer from abroad visits it -------------------------
@pytest.mark.parametrize("text, visitor, place", [
    ("وقع رئيس الوزراء القيرغيزي أديلبيك قاسمالييف ووزير التجارة الصيني وانغ ون تاو، اليوم الجمعة في بيشكيك، "
     "اتفاقية حكومية بشأن تطوير المعابر الحدودية.", "leader:wang-wentao", "city:bishkek-kg"),
    ("وكان الرئيس الصيني شي جين بينغ والرئيس قاسم جومارت توكاييف قد وقعا في أستانا في سبتمبر الماضي بيانا مشتركا.",
     "leader:xi-jinping", ASTANA),
])
def test_a_signer_from_abroad_in_the_hosts_city_visits_it(extractor, text, visitor, place):
    assert visitor in visitors_of(extractor, text, place)


@pytest.mark.parametrize("text, place", [
    # the host signs at home: no visit of the host
    ("ووقع الرئيس قاسم جومارت توكاييف والرئيس شوكت ميرضيائيف في أستانا اتفاقية حول ترسيم الحدود.", ASTANA),
    # no signer of the city's country: two guests signing abroad visit only by other words
    ("ووقع الرئيس الصيني شي جين بينغ والرئيس شوكت ميرضيائيف في أستانا اتفاقية حول النقل.", ASTANA),
])
def test_no_signing_visit_for_the_host_nor_without_one(extractor, text, place):
    found = visitors_of(extractor, text, place)
    assert TOKAYEV not in found
    if "توكاييف" not in text:
        assert not found


# -- a visit planned and then told cancelled later in the sentence --------------------------------
def test_a_visit_told_cancelled_later_in_its_sentence_is_none(extractor):
    text = ("وكان من المقرر أن يزور الرئيس قاسم جومارت توكاييف العاصمة الصينية بكين في مارس الماضي، "
            "إلا أن الزيارة ألغيت بسبب الأحوال الجوية.")
    assert not visitors_of(extractor, text, BEIJING)


@pytest.mark.parametrize("text", [
    "وزار الرئيس قاسم جومارت توكاييف العاصمة الصينية بكين في مارس الماضي، بعد أن ألغيت القمة المقررة.",
    "وزار الرئيس قاسم جومارت توكاييف بكين في مارس، بعد تأجيل زيارته إلى موسكو.",
])
def test_a_cancelled_summit_or_another_visit_cancelled_leaves_the_visit_made(extractor, text):
    assert TOKAYEV in visitors_of(extractor, text, BEIJING)


# -- a tour begun or ended in a city named between the verb and the tour ---------------------------
@pytest.mark.parametrize("text, visitor, place", [
    ("وانغ يي يختتم في دوشنبه جولة شملت ثلاث دول في آسيا الوسطى", "leader:wang-yi", DUSHANBE),
    ("وبدأ وزير الخارجية الصيني وانغ يي من أستانا جولته في المنطقة.", "leader:wang-yi", ASTANA),
])
def test_a_tour_begun_or_ended_in_a_city_visits_it(extractor, text, visitor, place):
    assert visitor in visitors_of(extractor, text, place)


@pytest.mark.parametrize("text, place", [
    ("الرئيس قاسم جومارت توكاييف يبدأ في أستانا جولة انتخابية", ASTANA),  # a tour at home
    ("وزير الخارجية الصيني وانغ يي يختتم اليوم جولته في أستانا حيث شارك في الاجتماع", "city:almaty-kz"),
])
def test_a_tour_at_home_or_a_city_not_named_visits_nothing_there(extractor, text, place):
    assert not visitors_of(extractor, text, place)


# -- the visitor named by a title and nisba after the verb, and the delegation carried on --------
def test_the_leader_a_title_and_nisba_name_after_a_visit_verb_is_the_one_of_that_country(extractor):
    text = ("ووقع الرئيس الصيني شي جين بينغ والرئيس قاسم جومارت توكاييف بيانا مشتركا، قبل أن يتوجه الزعيم الصيني "
            "إلى سمرقند لحضور القمة.")
    found = visitors_of(extractor, text, "city:samarkand-uz")
    assert "leader:xi-jinping" in found and TOKAYEV not in found


def test_the_delegation_of_one_who_visited_goes_on_to_the_next_city(extractor):
    text = ("وصل وزير الخارجية الصيني وانغ يي إلى ألماتي في مستهل جولة في آسيا الوسطى. "
            "ثم توجه الوفد إلى العاصمة القرغيزية بيشكيك، حيث استقبله رئيس الوزراء القرغيزي.")
    assert "leader:wang-yi" in visitors_of(extractor, text, "city:bishkek-kg")


def test_the_delegation_is_not_of_the_host_met_before(extractor):
    # the man met in the sentence before made no visit: the delegation is not his
    text = ("والتقى الرئيس قاسم جومارت توكاييف في أستانا وفدا صينيا. "
            "ثم توجه الوفد إلى العاصمة القرغيزية بيشكيك، حيث استقبله رئيس الوزراء القرغيزي.")
    assert TOKAYEV not in visitors_of(extractor, text, "city:bishkek-kg")


# -- a visit to a country in a sentence that places its act in a city of that country ---------------
def test_a_country_visit_in_a_sentence_placing_a_signing_in_its_city_visits_the_city(extractor):
    text = ("وقعت قازاقستان والصين اليوم في أستانا حزمة من الاتفاقيات، وذلك في إطار الزيارة الرسمية لرئيس "
            "مجلس الدولة الصيني لي كه تشيانغ إلى قازاقستان.")
    assert "leader:li-keqiang" in visitors_of(extractor, text, ASTANA)


def test_a_city_no_act_is_placed_in_is_no_visit(extractor):
    text = ("غير أن أحدا في أستانا لا يتوقع تراجع الاستثمارات الصينية منذ زيارة الرئيس شي جين بينغ "
            "لكازاخستان عام 2013.")
    assert "leader:xi-jinping" not in visitors_of(extractor, text, ASTANA)
