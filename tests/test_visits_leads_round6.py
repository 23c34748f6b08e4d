"""Visits and offices, round 6: tours of several countries, visitors with long titles (a committee
head, a vice-premier, a delegation head), visits denied or negated, a visit that is no visit
(arriving from, receiving, phoning), and the holder of an office that is new, acting or placed by
في. Sentences written for these tests."""
from __future__ import annotations

import pytest

from extraction_helpers import run


def rel(result, kind):
    return {(r.source.id, r.target.id) for r in result.relations if r.type == kind}


def visits(result):
    return rel(result, "visited")


def leads(result):
    return rel(result, "leads")


def visited_by(result, name_part):
    """The targets of the visits of the person whose mention contains ``name_part``."""
    ids = {m.entity.id for m in result.mentions if name_part in m.text}
    return {t for s, t in visits(result) if s in ids}


def led_by(result, name_part):
    ids = {m.entity.id for m in result.mentions if name_part in m.text}
    return {t for s, t in leads(result) if s in ids}


# -- tours: several countries after one visit word ------------------------------------------------

@pytest.mark.parametrize("text", [
    "بدأ الرئيس الصيني شي جين بينغ، يوم الأحد، جولة تشمل كازاخستان وقرغيزستان وأوزبكستان، هي الأولى له في المنطقة.",
    "ويقوم الرئيس الصيني شي جين بينغ بزيارات دولة إلى كازاخستان وقرغيزستان وأوزبكستان خلال الأسبوع المقبل.",
    "وقال المتحدث إن الرئيس الصيني شي جين بينغ يزور ثلاث دول في آسيا الوسطى هي كازاخستان وقرغيزستان وأوزبكستان.",
])
def test_a_tour_of_three_countries_visits_each(extractor, text):
    result = run(extractor, text)
    assert {"country:KZ", "country:KG", "country:UZ"} <= visited_by(result, "شي")


def test_a_tour_told_over_two_sentences_carries_its_visitor(extractor):
    result = run(extractor, "ووصل رئيس الوزراء الباكستاني شهباز شريف إلى بكين يوم الثلاثاء في مستهل جولة. "
                            "وخلال الجولة، سيزور شريف أيضا أوزبكستان وتركمانستان.")
    assert {"city:beijing-cn", "country:UZ", "country:TM"} <= visited_by(result, "شريف")


# -- visitors with long titles -----------------------------------------------------------------

@pytest.mark.parametrize("verb", ["وزارت", "وستزور", "وزارت أمس"])
def test_a_committee_head_in_a_parliament_visits_the_city_she_is_the_subject_of(extractor, verb):
    result = run(extractor, f"{verb} رئيسة لجنة الشؤون الخارجية في البرلمان الكازاخستاني أيغول موخاميتجانوفا "
                            "مدينة أورومتشي، حيث التقت مسؤولين محليين.")
    assert "city:urumqi-cn" in visited_by(result, "موخاميتجانوفا")


def test_a_committee_head_of_a_senate_visits_too(extractor):
    result = run(extractor, "ووصل رئيس لجنة العلاقات الدولية في مجلس الشيوخ القيرغيزي تالانت ماميتوف إلى بكين أمس.")
    assert "city:beijing-cn" in visited_by(result, "ماميتوف")


def test_a_vice_premier_and_a_delegation_head_visit(extractor):
    result = run(extractor, "ووصل نائب رئيس مجلس الدولة الصيني دينغ شيويه شيانغ إلى بيشكيك أمس في زيارة رسمية تستغرق يومين.")
    assert "city:bishkek-kg" in visited_by(result, "دينغ")
    result = run(extractor, "وأجرى رئيس الوفد التركمانستاني، نائب رئيس مجلس الوزراء رشيد ميريدوف، زيارة عمل إلى الصين.")
    assert "country:CN" in visited_by(result, "ميريدوف")


# -- a visit denied or negated is none ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ونفى المتحدث باسم الخارجية أن يكون الرئيس التركمانستاني سردار بردي محمدوف سيزور بكين هذا الشهر.",
    "ونفت الوزارة في بيان أن يكون وزير الخارجية الأوزبكي بختيار سعيدوف قد وصل إلى بكين.",
    "واستقبل رئيس الوزراء الصيني لي تشيانغ في بكين رئيس الوزراء التركمانستاني، دون أن يزور تركمانستان.",
    "وقال الرئيس الكازاخستاني قاسم جومارت توكاييف إنه لن يزور الصين هذا العام.",
    "وأكد الوزير أن الرئيس القيرغيزي صدر جباروف لم يقم بزيارة إلى الصين منذ عامين.",
])
def test_a_denied_or_negated_visit_is_none(extractor, text):
    assert not visits(run(extractor, text))


def test_a_visit_not_limited_to_one_city_is_still_a_visit(extractor):
    result = run(extractor, "ولم تقتصر زيارة الرئيس الصيني شي جين بينغ إلى كازاخستان على أستانا، بل شملت ألماتي.")
    assert "country:KZ" in visited_by(result, "شي")


def test_a_denial_after_a_comma_leaves_the_visit(extractor):
    result = run(extractor, "ووصل الرئيس الأوزبكي شوكت ميرضيائيف إلى بكين، ونفى وجود خلافات مع الجانب الصيني.")
    assert "city:beijing-cn" in visited_by(result, "ميرضيائيف")


# -- no visit: where one comes from, one's own capital, a host, a call ----------------------------

def test_arriving_from_a_city_is_no_visit_of_it(extractor):
    result = run(extractor, "ووصل الرئيس الأوزبكي شوكت ميرضيائيف إلى شيآن قادما من موسكو للمشاركة في القمة.")
    got = visited_by(result, "ميرضيائيف")
    assert "city:xian-cn" in got and "city:moscow-ru" not in got


def test_a_host_in_his_capital_visits_nothing_and_the_guest_visits(extractor):
    result = run(extractor, "واستقبل الرئيس الكازاخستاني قاسم جومارت توكاييف في أستانا، يوم الجمعة، عضو المكتب السياسي "
                            "للحزب الشيوعي الصيني وانغ هو نينغ، الذي يزور البلاد.")
    assert not visited_by(result, "توكاييف")
    assert "country:KZ" in visited_by(result, "وانغ هو نينغ")


def test_a_phone_call_is_no_visit(extractor):
    result = run(extractor, "وأجرى رئيس الوزراء الكازاخستاني أولجاس بكتينوف اتصالا هاتفيا مع نظيره الصيني لي تشيانغ.")
    assert not visits(result)


def test_meeting_in_a_third_country_is_no_visit_of_the_partners_country(extractor):
    result = run(extractor, "والتقى الرئيس القيرغيزي صدر جباروف بنظيره الصيني شي جين بينغ في موسكو على هامش احتفالات يوم النصر.")
    assert "country:CN" not in visited_by(result, "جباروف")
    assert "country:KG" not in visited_by(result, "شي")


# -- offices: new, acting, placed by في ------------------------------------------------------------

@pytest.mark.parametrize("title", [
    "رئيس الوزراء القيرغيزي الجديد", "رئيس الوزراء القيرغيزي بالوكالة", "رئيس الوزراء بالوكالة في قيرغيزستان",
    "رئيس الوزراء الجديد في قيرغيزستان", "رئيس الوزراء في قيرغيزستان", "رئيس الوزراء القيرغيزي المؤقت",
])
def test_a_new_or_acting_premier_leads_his_country(extractor, title):
    result = run(extractor, f"وقال {title} عادل بايسالوف إن المشروع سيبدأ في الخريف.")
    assert "country:KG" in led_by(result, "بايسالوف")


def test_a_minister_placed_by_fi_serves_the_country(extractor):
    result = run(extractor, "وقال وزير الخارجية الجديد في قيرغيزستان جينبيك كولوبايف إن المشروع سيبدأ.")
    assert ("leader:jeenbek-kulubaev", "country:KG") in rel(result, "serves")


def test_an_office_in_a_country_with_no_name_after_it_binds_nothing(extractor):
    result = run(extractor, "وقال رئيس الوزراء في قيرغيزستان إن المشروع سيبدأ.")
    assert not leads(result)


# -- names that end before a counterpart or a place word -------------------------------------------

def test_a_name_ends_before_a_counterpart_with_a_glued_preposition(extractor):
    result = run(extractor, "والتقى نائب رئيس الوزراء ووزير الاقتصاد الأوزبكي جمشيد كوتشكاروف بنظيره الصيني في بكين.")
    assert "جمشيد كوتشكاروف" in {m.text for m in result.mentions if m.entity.type == "Leader"}


@pytest.mark.parametrize("place", ["مدينة أورومتشي", "العاصمة بكين"])
def test_a_name_ends_before_the_word_for_the_place_visited(extractor, place):
    result = run(extractor, f"وزارت وزيرة الخارجية الكازاخستانية أيغول موخاميتجانوفا {place} الأسبوع الماضي.")
    assert "أيغول موخاميتجانوفا" in {m.text for m in result.mentions if m.entity.type == "Leader"}
    assert visited_by(result, "موخاميتجانوفا")


# -- a reception in the host's city, the city with a glued ب ---------------------------------------

def test_a_guest_received_in_a_hall_of_the_hosts_city_visits_it(extractor):
    result = run(extractor, "وقال الرئيس الصيني شي جين بينغ لدى استقباله الرئيس القيرغيزي صدر جباروف في قاعة الشعب "
                            "الكبرى ببكين إن الصين تدعم قيرغيزستان.")
    assert "city:beijing-cn" in visited_by(result, "جباروف")
    assert not visited_by(result, "شي")


# -- a city called a stop of a tour ---------------------------------------------------------------

@pytest.mark.parametrize("text, city", [
    ("وتعد طشقند المحطة الثانية من جولة رئيس مجلس الدولة الصيني لي تشيانغ، التي بدأها في أستانا.", "city:tashkent-uz"),
    ("وكانت أستانا، المحطة الأولى في جولة الرئيس الصيني شي جين بينغ الآسيوية، قد استقبلته بحفاوة.", "city:astana-kz"),
    ("وستكون بيشكيك المحطة الأخيرة من جولة وزير الخارجية الصيني وانغ يي في آسيا الوسطى.", "city:bishkek-kg"),
])
def test_a_city_called_a_stop_of_a_tour_is_visited(extractor, text, city):
    assert city in {t for _, t in visits(run(extractor, text))}


def test_a_station_of_a_city_is_no_stop_of_a_tour(extractor):
    assert not visits(run(extractor, "وتعد طشقند محطة رئيسية في جولات التجار."))


# -- the head of a committee whose name has a construct (حسن الجوار) -----------------------------

def test_the_chair_of_a_good_neighbourliness_committee_leads_it(extractor):
    result = run(extractor, "وقالت رئيسة لجنة حسن الجوار والصداقة والتعاون لمنظمة شنغهاي للتعاون تشانغ مينغ إن اللجنة تعمل.")
    assert any(t.startswith("organization:لجنه حسن جوار") for t in led_by(result, "تشانغ مينغ"))


def test_a_person_named_hasan_is_no_committee(extractor):
    result = run(extractor, "والتقى الوزير حسن الشامي رئيس اللجنة.")
    assert not any(m.entity.type == "Organization" for m in result.mentions)


# -- glosses in brackets inside a title, a first name read as a place --------------------------

@pytest.mark.parametrize("text, name, place", [
    ("والتقى الوزير رئيس بلدية (أكيم) مدينة ألماتي أحمد جان يسيموف.", "يسيموف", "city:almaty-kz"),
    ("وأجرى الوفد محادثات مع حاكم (خوكيم) ولاية طشقند زويير ميرزاييف.", "ميرزاييف", "region:tashkent-region-uz"),
    ("وقال رئيس بلدية (العمدة) مدينة أورومتشي يانغ فانغ إن المدينة ترحب بالمستثمرين.", "يانغ فانغ", "city:urumqi-cn"),
])
def test_a_gloss_in_brackets_after_a_title_leaves_its_place_and_holder(extractor, text, name, place):
    assert place in led_by(run(extractor, text), name)


def test_a_body_glossed_after_its_head_is_led(extractor):
    result = run(extractor, "والتقى الوزير رئيسة مجلس (برلمان) تركمنستان أكجا نوربيردييفا.")
    assert any("برلمان" in t for t in led_by(result, "نوربيردييفا"))


def test_a_first_name_read_as_a_place_after_a_long_title_is_the_visitor(extractor):
    result = run(extractor, "وصل رئيس مجلس النواب (المجلس الأدنى) في البرلمان القازاقستاني أورال موخاميدجانوف "
                            "إلى بكين بعد ظهر اليوم.")
    assert "أورال موخاميدجانوف" in {m.text for m in result.mentions if m.entity.type == "Leader"}
    assert "city:beijing-cn" in visited_by(result, "موخاميدجانوف")


def test_a_place_before_a_common_word_after_a_title_stays_a_place(extractor):
    result = run(extractor, "وقال رئيس الوزراء الكازاخستاني إن أورال مدينة صناعية.")
    assert not any(m.entity.type == "Leader" and "أورال" in m.text for m in result.mentions)


# -- a stop told before its clause, a tour begun from a city ---------------------------------------

@pytest.mark.parametrize("text, city", [
    ("وكانت ألماتي المحطة الأولى في الجولة، حيث التقى الوزير الصيني تشين مينغ رئيس بلدية المدينة.", "city:almaty-kz"),
    ("وفي المحطة الثانية، بيشكيك، التقى وزير الخارجية الصيني وانغ يي الرئيس القرغيزي صدر جباروف.", "city:bishkek-kg"),
    ("وفي محطته الأخيرة في دوشنبه، أجرى وزير الخارجية الصيني وانغ يي محادثات مع المسؤولين.", "city:dushanbe-tj"),
    ("وبدأ وزير الخارجية الصيني وانغ يي جولته من أستانة يوم السبت.", "city:astana-kz"),
])
def test_a_stop_of_a_tour_told_around_its_visitor_is_visited(extractor, text, city):
    result = run(extractor, text)
    assert city in visited_by(result, "تشين مينغ") | visited_by(result, "وانغ يي")


def test_a_fronted_stop_with_no_person_after_it_visits_nothing(extractor):
    assert not visits(run(extractor, "وفي المحطة الثالثة، طشقند، وقع الجانبان اتفاقية للتعاون."))


def test_a_tour_begun_from_home_is_no_visit(extractor):
    result = run(extractor, "وبدأ الرئيس الصيني شي جين بينغ جولته من بكين.")
    assert not visits(result)


def test_a_host_in_a_fronted_stop_does_not_visit_his_own_city(extractor):
    result = run(extractor, "وفي المحطة الثانية، بيشكيك، قال الرئيس القرغيزي صدر جباروف إن بلاده ترحب بالاستثمار.")
    assert not visits(result)


# -- a governor named after the place's nationality; a counterpart is of another country ----------

@pytest.mark.parametrize("title, name, place", [
    ("حاكم مقاطعة قانسو الصينية", "ليو وي بينغ", "region:gansu-cn"),
    ("حاكم مقاطعة شنشي الصينية", "تشاو قانغ", "region:shaanxi-cn"),
    ("حاكم ولاية سمرقند الأوزبكية", "أركين توراييموف", "region:samarkand-region-uz"),
])
def test_a_governor_named_after_the_nationality_of_his_province_leads_it(extractor, title, name, place):
    assert place in led_by(run(extractor, f"وقال {title} {name} إن التعاون مهم."), name)


def test_the_counterpart_of_a_guest_holds_the_guests_office_not_the_hosts(extractor):
    result = run(extractor, "وبدأ وزير الخارجية الصيني وانغ يي جولته من أستانة، حيث استقبله الرئيس قاسم جومارت توكاييف، "
                            "وأجرى محادثات مع نظيره الكازاخي يرميك كوشيرباييف.")
    assert not led_by(result, "كوشيرباييف")
    assert ("leader:yermek-kosherbayev", "country:KZ") in rel(result, "serves")


def test_a_chinese_official_typed_two_ways_is_still_called_by_his_family_name(extractor):
    result = run(extractor, "عاد حاكم مقاطعة قانسو الصينية ليو وي بينغ إلى لانتشو في ختام جولة. "
                            "وكانت ألماتي المحطة الأولى في الجولة، حيث التقى ليو رئيس بلدية المدينة. "
                            "وقال ليو وي بينغ إن التعاون مهم.")
    assert "city:almaty-kz" in {t for s, t in visits(result) if s == "leader:ليو وي بينغ"}


# -- a woman who comes as a guest; the head of a delegation that visits a province ------------------

@pytest.mark.parametrize("title", ["نائبة رئيس الوزراء الأوزبكية", "وزيرة الخارجية الأوزبكية"])
def test_a_woman_who_comes_as_a_guest_visits(extractor, title):
    result = run(extractor, f"وحلت {title} لازيزا كيناياتوفا ضيفة على مدينة هاربين، حيث شاركت في معرض تجاري.")
    assert "city:harbin-cn" in visited_by(result, "كيناياتوفا")


def test_the_head_of_a_delegation_that_visits_a_province_visits_its_country(extractor):
    result = run(extractor, "وزار وفد برلماني قيرغيزي برئاسة نائب رئيس البرلمان القيرغيزي أيدا قاسمالييفا مقاطعة يونان الصينية.")
    assert "country:CN" in visited_by(result, "قاسمالييفا")


def test_a_province_after_a_speaker_no_visit_verb_opens_is_no_visit(extractor):
    result = run(extractor, "وقال وفد برلماني برئاسة نائب رئيس البرلمان القيرغيزي أيدا قاسمالييفا إن مقاطعة يونان الصينية شريك مهم.")
    assert not visits(result)


# -- a chamber named by its adjective, and where such a body's name ends ----------------------------

def test_the_speaker_of_a_legislative_chamber_leads_it(extractor):
    result = run(extractor, "كما أجرى الوزير محادثات مع رئيس المجلس التشريعي نور الدين جان إسماعيلوف.")
    assert any("تشريعي" in t for t in led_by(result, "إسماعيلوف"))


@pytest.mark.parametrize("text, body", [
    ("وأقر المجلس التشريعي القانون الجديد.", "المجلس التشريعي"),
    ("وأقرت الإدارة الرئاسية القانون الجديد.", "الإدارة الرئاسية"),
    ("وزار رئيس الإدارة الرئاسية القيرغيزية الصين.", "الإدارة الرئاسية القيرغيزية"),
    ("وقال قائد قوات الشرطة المسلحة الشعبية الصينية إن التدريبات ستجرى.", "قوات الشرطة المسلحة الشعبية الصينية"),
])
def test_a_body_named_by_its_adjective_ends_before_the_verbs_object(extractor, text, body):
    assert body in {m.text for m in run(extractor, text).mentions if m.entity.type == "Organization"}


@pytest.mark.parametrize("text", [
    "وليست هذه الزيارة الأولى للرئيس الصيني شي جين بينغ إلى كازاخستان.",
    "وليست الزيارة الأولى التي يقوم بها الرئيس الصيني شي جين بينغ إلى كازاخستان.",
    "ولم تكن زيارة الرئيس الصيني شي جين بينغ إلى كازاخستان الأولى من نوعها.",
])
def test_a_visit_said_not_to_be_the_first_is_a_visit(extractor, text):
    assert "country:KZ" in visited_by(run(extractor, text), "شي")
