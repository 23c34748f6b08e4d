"""Visits and offices, round 7: state visits and tours announced or reported, a country as a nisba
after the visit word, visitors below the head of state, premiers, council heads and committee chairs
who lead their body, and visits that are none (the host who receives, a summit in a third country,
arriving from, an invitation). Sentences written for these tests.

First batch, before any fix: 37 of 42 expectations passed; after: 41 of 42. Second batch, written
after those fixes: 19 of 26 before its own fixes (a delegation headed to a city, a host receiving in
his city with the venue first, a ceremony attended in a city, a deputy of a leading office); after:
25 of 26. Third batch (a delegation received by its host, a province's head abroad, a deputy after
و, a counterpart of the host's own nationality): 1 of 5 before, 5 of 5 after. Fourth batch (heading
on, offices of a republic named in full): 6 of 9 before, 6 of 9 after (the heading-on fix was held
back, see HEADING_ON). A title behind a glued ل (لرئيس الوزراء القيرغيزي فلان): 0 of 2 before, 2 of 2
after; a ceremony for a work placed elsewhere: 1 of 1 (a trap for the ceremony rule); a trip to a
gathering placed in a city (وصل إلى قمة … في تيانجين): 2 of 4 before (the no-country halves), 4 of 4;
what is said on arrival (لدى وصوله إن الصين …) is no destination: 0 of 1 before, 1 of 1; the guest
word before other words than a title, a visit wished for after a visit made: 0 of 2 before, 2 of 2; a
counterpart named by his nationality alone in his city (محادثات مع نظيره القيرغيزي في بيشكيك): the
second batch's last xfail and one more probe, 0 of 2 before, 2 of 2 (and its trap, 1 of 1)."""
from __future__ import annotations

import pytest

from extraction_helpers import run


def rel(result, kind):
    return {(r.source.id, r.target.id) for r in result.relations if r.type == kind}


def ids_of(result, name_part):
    return {m.entity.id for m in result.mentions if name_part in m.text}


def visited_by(result, name_part):
    """The targets of the visits of the person whose mention contains ``name_part``."""
    ids = ids_of(result, name_part)
    return {t for s, t in rel(result, "visited") if s in ids}


def led_by(result, name_part):
    ids = ids_of(result, name_part)
    return {t for s, t in rel(result, "leads") if s in ids}


def led_texts(result, name_part):
    """The surface forms of what the person whose mention contains ``name_part`` leads."""
    texts = {}
    for m in result.mentions:
        texts.setdefault(m.entity.id, set()).add(m.text)
    return set().union(*(texts.get(t, {t}) for t in led_by(result, name_part)))


# -- tours and state visits, announced or reported -------------------------------------------------

@pytest.mark.parametrize("text, who, places", [
    ("ويقوم الرئيس الصيني شي جين بينغ بزيارات دولة إلى كازاخستان وقيرغيزستان وأوزبكستان اعتبارا من يوم الاثنين.",
     "شي", {"country:KZ", "country:KG", "country:UZ"}),
    ("ويجري رئيس مجلس الدولة الصيني لي تشيانغ جولة في آسيا الوسطى تشمل تركمانستان وطاجيكستان.",
     "لي تشيانغ", {"country:TM", "country:TJ"}),
    ("وسيزور رئيس الوزراء الصيني لي تشيانغ كازاخستان وقيرغيزستان الأسبوع المقبل.",
     "لي تشيانغ", {"country:KZ", "country:KG"}),
    ("ووصل وزير الخارجية الصيني وانغ يي إلى عشق آباد في المحطة الأولى من جولته في المنطقة.",
     "وانغ يي", {"city:ashgabat-tm"}),
    ("وبدعوة من نظيره الصيني شي جين بينغ، يقوم الرئيس الطاجيكي إمام علي رحمن بزيارة دولة إلى الصين من 5 إلى 7 مايو.",
     "رحمن", {"country:CN"}),
    ("وأجرى الرئيس الصيني شي جين بينغ زيارة دولة لأوزبكستان في سبتمبر الماضي.",
     "شي", {"country:UZ"}),
    ("وخلال زيارته الكازاخستانية، التقى الرئيس الصيني شي جين بينغ رجال أعمال ومسؤولين محليين.",
     "شي", {"country:KZ"}),
    ("وفي ختام زيارته التركمانستانية، قال رئيس مجلس الدولة الصيني لي تشيانغ إن الغاز محور التعاون.",
     "لي تشيانغ", {"country:TM"}),
    ("وسيبدأ الرئيس القيرغيزي صدر جباروف غدا زيارة دولة إلى الصين بدعوة من نظيره شي جين بينغ.",
     "جباروف", {"country:CN"}),
    ("ووصل الرئيس الكازاخستاني قاسم جومارت توكاييف إلى بكين في المحطة الأولى من جولة آسيوية.",
     "توكاييف", {"city:beijing-cn"}),
])
def test_a_tour_or_state_visit_visits_each_place(extractor, text, who, places):
    assert places <= visited_by(run(extractor, text), who)


def test_a_headline_visit_and_a_body_that_says_during_his_visit(extractor):
    result = run(extractor, "الرئيس الصيني يبدأ زيارة دولة إلى قيرغيزستان\n"
                            "بيشكيك 12 يونيو (شينخوا) قال الرئيس الصيني شي جين بينغ خلال زيارته إن الصين "
                            "مستعدة لتعميق التعاون مع قيرغيزستان في مجالات الطاقة والنقل.")
    assert "country:KG" in visited_by(result, "شي")


# -- visitors below the head of state ----------------------------------------------------------------

@pytest.mark.parametrize("text, who, place", [
    ("وقام نائب رئيس المجلس الوطني للمؤتمر الاستشاري السياسي للشعب الصيني خه هوا هوا بزيارة إلى قيرغيزستان.",
     "خه هوا هوا", "country:KG"),
    ("ووصل وزير التجارة الصيني وانغ ون تاو إلى طشقند يوم الثلاثاء في زيارة عمل تستغرق ثلاثة أيام.",
     "وانغ ون تاو", "city:tashkent-uz"),
    ("وزار سكرتير لجنة الحزب الشيوعي الصيني في منطقة شينجيانغ ما شينغ روي كازاخستان على رأس وفد كبير.",
     "ما شينغ روي", "country:KZ"),
    ("وقام رئيس لجنة الشؤون الدولية في المجلس التشريعي الأوزبكي صادق صفاييف بزيارة عمل إلى بكين.",
     "صفاييف", "city:beijing-cn"),
    ("وتوجه وزير الطاقة الكازاخستاني ألماسادام ساتكالييف إلى بكين للمشاركة في منتدى الطاقة.",
     "ساتكالييف", "city:beijing-cn"),
    ("وزار نائب رئيس الوزراء القيرغيزي أديلبيك قاسم علييف مدينة كاشغر حيث تفقد المنطقة الاقتصادية.",
     "علييف", "city:kashgar-cn"),
    ("وزار نائب رئيس اللجنة الدائمة للمجلس الوطني لنواب الشعب الصيني تساي دا فنغ تركمانستان في الفترة من 3 إلى 6 يوليو.",
     "تساي دا فنغ", "country:TM"),
])
def test_an_official_below_the_head_of_state_visits(extractor, text, who, place):
    assert place in visited_by(run(extractor, text), who)


def test_a_summit_visit_gives_its_host_city(extractor):
    result = run(extractor, "وشارك الرئيس الكازاخستاني قاسم جومارت توكاييف في قمة منظمة شانغهاي للتعاون "
                            "التي عقدت في مدينة تيانجين الصينية.")
    assert "city:tianjin-cn" in visited_by(result, "توكاييف")


def test_a_premiers_meeting_held_in_a_capital_gives_that_capital(extractor):
    result = run(extractor, "وشارك رئيس الوزراء الأوزبكي عبد الله عريبوف في اجتماع مجلس رؤساء حكومات "
                            "الدول الأعضاء في منظمة شانغهاي للتعاون الذي عقد في بكين.")
    assert "city:beijing-cn" in visited_by(result, "عريبوف")


# -- offices: premiers, council heads, committee chairs ------------------------------------------------

@pytest.mark.parametrize("text, who, country", [
    ("وقال رئيس الوزراء الكازاخستاني أليخان سمايلوف إن بلاده مستعدة لتوسيع التعاون مع الصين.", "سمايلوف", "country:KZ"),
    ("وأكد رئيس الوزراء القيرغيزي أكيلبيك جاباروف أن المشروع سيخلق آلاف الوظائف.", "جاباروف", "country:KG"),
    ("وقال رئيس وزراء أوزبكستان عبد الله عريبوف إن حجم التبادل التجاري ارتفع.", "عريبوف", "country:UZ"),
    ("وأشاد رئيس الحكومة الطاجيكية قاهر رسول زاده بالاستثمارات الصينية.", "رسول زاده", "country:TJ"),
])
def test_a_premier_leads_his_country(extractor, text, who, country):
    assert country in led_by(run(extractor, text), who)


@pytest.mark.parametrize("text, who, body", [
    ("وقال رئيس ماسليخات مدينة ألماتي ستانيسلاف كاكوشكين إن المدينة ترحب بالمستثمرين الصينيين.",
     "كاكوشكين", "ماسليخات"),
    ("والتقى رئيس ماسليخات منطقة ألماتي سيريك بيكوف وفدا من مقاطعة شينجيانغ.",
     "بيكوف", "ماسليخات"),
    ("وقالت رئيسة لجنة حسن الجوار والصداقة والتعاون التابعة لمنظمة شانغهاي للتعاون غولنارا أبيلوفا إن اللجنة تعمل على تعزيز الثقة.",
     "أبيلوفا", "لجنة حسن الجوار"),
    pytest.param("وقال رئيس اللجنة التنفيذية لهيكل مكافحة الإرهاب الإقليمي التابع لمنظمة شانغهاي للتعاون رسلان ميرزاييف "
                 "إن التعاون الأمني يتعزز.", "ميرزاييف", "اللجنة التنفيذية",
                 marks=pytest.mark.xfail(reason="the body's name (لهيكل … الإقليمي) is no organisation yet", strict=True)),
    ("وأكد رئيس لجنة الشؤون الدولية في مجلس الشيوخ الكازاخستاني علي بيك شاكيروف أهمية الشراكة.",
     "شاكيروف", "لجنة الشؤون الدولية"),
])
def test_a_council_or_committee_head_leads_his_body(extractor, text, who, body):
    assert any(body in t for t in led_texts(run(extractor, text), who))


# -- visits that are none ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, who, place", [
    ("واستقبل الرئيس الأوزبكي شوكت ميرضيائيف وزير الخارجية الصيني وانغ يي في طشقند.", "ميرضيائيف", "country:CN"),
    ("وخلال لقائه مع وزير الخارجية الصيني وانغ يي في أستانا، قال الرئيس الكازاخستاني قاسم جومارت توكاييف إن بلاده تثمن الدعم.",
     "توكاييف", "country:CN"),
    ("والتقى رئيس الوزراء الصيني لي تشيانغ رئيس الوزراء الكازاخستاني أليخان سمايلوف على هامش قمة منظمة شانغهاي للتعاون في إسلام آباد.",
     "سمايلوف", "country:CN"),
    ("والتقى رئيس الوزراء الصيني لي تشيانغ رئيس الوزراء الكازاخستاني أليخان سمايلوف على هامش قمة منظمة شانغهاي للتعاون في إسلام آباد.",
     "لي تشيانغ", "country:KZ"),
    ("ووصل الرئيس القيرغيزي صدر جباروف إلى بكين قادما من موسكو.", "جباروف", "city:moscow-ru"),
    ("ودعا الرئيس التركمانستاني سردار بردي محمدوف نظيره الصيني شي جين بينغ إلى زيارة تركمانستان.", "شي", "country:TM"),
    ("وقبل الرئيس الصيني شي جين بينغ الدعوة لزيارة قيرغيزستان في موعد يتفق عليه.", "شي", "country:KG"),
    ("ووجه الرئيس الكازاخستاني قاسم جومارت توكاييف دعوة إلى نظيره الصيني شي جين بينغ لزيارة أستانا.", "شي", "city:astana-kz"),
    ("وأعرب الرئيس الكازاخستاني قاسم جومارت توكاييف عن أمله في زيارة الصين قريبا.", "توكاييف", "country:CN"),
    ("واستقبلت رئيسة مجلس الشيوخ الأوزبكي تنزيلة نربايفا في طشقند نائب رئيس المؤتمر الاستشاري السياسي للشعب الصيني.",
     "نربايفا", "country:CN"),
])
def test_no_visit(extractor, text, who, place):
    assert place not in visited_by(run(extractor, text), who)


def test_a_receiving_host_and_his_guest(extractor):
    result = run(extractor, "واستقبل الرئيس الطاجيكي إمام علي رحمن في دوشنبه عضو مجلس الدولة الصيني وزير الدفاع دونغ جون.")
    assert not visited_by(result, "رحمن")


# -- offices that are not leading ----------------------------------------------------------------------

@pytest.mark.parametrize("text, who, country", [
    ("وقال سفير الصين لدى كازاخستان هان تشون لين إن العلاقات في أفضل حالاتها.", "هان تشون لين", "country:KZ"),
    ("وقال نائب رئيس الوزراء الكازاخستاني سريك جومانغارين إن المشروع سيكتمل العام المقبل.", "جومانغارين", "country:KZ"),
])
def test_an_envoy_or_deputy_leads_no_country(extractor, text, who, country):
    assert country not in led_by(run(extractor, text), who)


# -- second batch, written after the first fixes -------------------------------------------------------

@pytest.mark.parametrize("text, who, places", [
    ("وقام رئيس الوزراء الأوزبكي عبد الله أريبوف بزيارة رسمية إلى جمهورية الصين الشعبية في الفترة من 2 إلى 4 نوفمبر.",
     "أريبوف", {"country:CN"}),
    ("ووصل وزير الخارجية الصيني وانغ يي إلى العاصمة الكازاخستانية أستانا في أول محطة من جولته.",
     "وانغ يي", {"city:astana-kz", "country:KZ"}),
    ("وعلى هامش زيارته للصين، التقى رئيس الوزراء الطاجيكي قاهر رسول زاده رؤساء شركات صينية كبرى.",
     "رسول زاده", {"country:CN"}),
    ("وترأس وزير الاقتصاد الأوزبكي جمشيد كوتشكاروف وفدا رفيع المستوى إلى مدينة أورومتشي.",
     "كوتشكاروف", {"city:urumqi-cn"}),
    ("وفي أول زيارة له إلى الخارج منذ توليه منصبه، توجه الرئيس التركمانستاني سردار بردي محمدوف إلى بكين.",
     "محمدوف", {"city:beijing-cn"}),
    ("وخلال وجوده في شيآن، زار الرئيس الكازاخستاني قاسم جومارت توكاييف معبد الإوزة البرية الكبير.",
     "توكاييف", {"city:xian-cn"}),
    ("وأفادت وكالة شينخوا بأن رئيس مجلس الشيوخ الكازاخستاني ماولين أشيمباييف يزور الصين حاليا بدعوة من "
     "رئيس المجلس الوطني لنواب الشعب تشاو له جي.", "أشيمباييف", {"country:CN"}),
    ("وعاد الرئيس الأوزبكي شوكت ميرضيائيف إلى طشقند بعد زيارة دولة إلى الصين استغرقت ثلاثة أيام.",
     "ميرضيائيف", {"country:CN"}),
    ("وقال الرئيس التركمانستاني سردار بردي محمدوف لدى استقباله في عشق آباد نائب رئيس الوزراء الصيني "
     "دينغ شيويه شيانغ إن الغاز محور الشراكة.", "دينغ", {"city:ashgabat-tm"}),
    ("والتقى الرئيس الصيني شي جين بينغ الرئيس القيرغيزي صدر جباروف في أستانا على هامش قمة منظمة شانغهاي للتعاون.",
     "جباروف", {"city:astana-kz"}),
    ("وأعلنت وزارة الخارجية الصينية أن نائب الرئيس الصيني هان تشنغ سيحضر حفل تنصيب الرئيس الكازاخستاني في أستانا.",
     "هان تشنغ", {"city:astana-kz"}),
    ("وقد زار الرئيس الصيني شي جين بينغ كازاخستان عام 2013 حيث طرح مبادرة الحزام الاقتصادي لطريق الحرير.",
     "شي", {"country:KZ"}),
    ("وتوجهت رئيسة مجلس الشيوخ الأوزبكي تنزيلة نربايفا إلى بكين على رأس وفد برلماني.",
     "نربايفا", {"city:beijing-cn"}),
    ("وأجرى وزير الدفاع الصيني دونغ جون محادثات مع نظيره القيرغيزي في بيشكيك.", "دونغ جون", {"city:bishkek-kg"}),
    ("والتقى وزير الخارجية الصيني وانغ يي مع نظيره الكازاخستاني في أستانا.", "وانغ يي", {"city:astana-kz"}),
])
def test_second_batch_visits(extractor, text, who, places):
    assert places <= visited_by(run(extractor, text), who)


@pytest.mark.parametrize("text, who, place", [
    ("وعاد الرئيس الأوزبكي شوكت ميرضيائيف إلى طشقند بعد زيارة دولة إلى الصين استغرقت ثلاثة أيام.",
     "ميرضيائيف", "city:tashkent-uz"),
    ("وأكد رئيس الوزراء القيرغيزي أديلبيك قاسمالييف خلال لقائه وزير التجارة الصيني في بيشكيك أن بلاده ترحب بالاستثمارات.",
     "قاسمالييف", "country:CN"),
    ("وأجرى الرئيس الكازاخستاني قاسم جومارت توكاييف مكالمة عبر الفيديو مع نظيره الصيني شي جين بينغ.",
     "توكاييف", "country:CN"),
    ("وترأس الرئيس الصيني شي جين بينغ الاجتماع الذي دعا إلى تعزيز التعاون مع كازاخستان.", "شي", "country:KZ"),
    ("وشارك وزير الخارجية الصيني وانغ يي في المنتدى، وقال إن الاستثمارات في طشقند تنمو.", "وانغ يي", "city:tashkent-uz"),
    ("وشارك رئيس الوزراء القيرغيزي أديلبيك قاسمالييف في الاجتماع عبر الفيديو من بيشكيك.", "قاسمالييف", "city:bishkek-kg"),
    ("واعتذر نائب الرئيس الصيني هان تشنغ عن عدم حضور حفل تنصيب الرئيس الكازاخستاني في أستانا.", "هان تشنغ", "city:astana-kz"),
    ("وأجرى وزير الدفاع الصيني دونغ جون محادثات مع نظيره القيرغيزي في بكين.", "دونغ جون", "city:beijing-cn"),
])
def test_second_batch_no_visit(extractor, text, who, place):
    assert place not in visited_by(run(extractor, text), who)


def test_two_titles_before_one_name_lead_both_bodies(extractor):
    result = run(extractor, "التقى رئيس مجلس الوزراء ورئيس الإدارة الرئاسية عادلبيك قاسمعلييف برئيس مجلس الدولة "
                            "الصيني لي تشيانغ.")
    led = led_texts(result, "قاسمعلييف")
    assert any("مجلس الوزراء" in t for t in led) and any("الإدارة الرئاسية" in t for t in led)


def test_a_city_head_leads_his_city(extractor):
    result = run(extractor, "وصرح أكيم مدينة شيمكنت غابيت سيزديكبيكوف بأن المدينة ستستضيف منتدى صينيا.")
    assert "city:shymkent-kz" in led_by(result, "سيزديكبيكوف")


@pytest.mark.parametrize("text, who", [
    ("ووقع نائب حاكم محافظة كاشغر ليو جيان مذكرة للتعاون في مجال التجارة الحدودية.", "ليو جيان"),
    ("ووقع نائب محافظ بنك الشعب الصيني يي غانغ الوثيقة مع نظيره القيرغيزي.", "يي غانغ"),
    ("وقالت نائبة رئيسة بلدية مدينة ألماتي سفيتلانا كوزلوفا إن المدينة ترحب بالمستثمرين.", "كوزلوفا"),
])
def test_a_deputy_of_a_leading_office_leads_nothing(extractor, text, who):
    assert not led_by(run(extractor, text), who)


# -- third batch: a delegation received by its host, a province's head abroad, a deputy after و ------

@pytest.mark.parametrize("text, who, places", [
    ("واستقبل الرئيس الأوزبكي شوكت ميرضيائيف في طشقند وفدا حكوميا صينيا برئاسة نائب رئيس مجلس الدولة الصيني "
     "دينغ شيويه شيانغ.", "دينغ", {"city:tashkent-uz", "country:UZ"}),
    ("واستقبل الرئيس الكازاخستاني قاسم جومارت توكاييف في أستانا وفدا من منطقة شينجيانغ برئاسة رئيس حكومة "
     "المنطقة إركين تونياز.", "تونياز", {"city:astana-kz"}),
])
def test_the_head_of_a_delegation_received_in_a_city_visits_it(extractor, text, who, places):
    assert places <= visited_by(run(extractor, text), who)


def test_a_delegation_received_with_no_head_named_gives_no_visitor(extractor):
    result = run(extractor, "واستقبل الرئيس الأوزبكي شوكت ميرضيائيف في طشقند وفدا حكوميا صينيا، وقال إن الرئيس "
                            "الصيني شي جين بينغ صديق.")
    assert not visited_by(result, "شي")


def test_a_deputy_after_a_conjunction_leads_nothing(extractor):
    result = run(extractor, "ووقع حاكم ولاية نارين إيمار إيبرايف ونائب حاكم محافظة كاشغر ليو جيان مذكرة للتعاون.")
    assert not led_by(result, "ليو جيان")


def test_a_counterpart_of_the_hosts_own_nationality_takes_no_office_from_the_host(extractor):
    result = run(extractor, "وبدأ وزير الخارجية الصيني جولته من أستانا، حيث استقبله الرئيس قاسم جومارت توكاييف، "
                            "وأجرى محادثات مع نظيره الكازاخي يرميك كوشيرباييف.")
    assert "country:KZ" not in led_by(result, "كوشيرباييف")


# -- fourth batch: a traveller heading on, offices of a republic named in full ---------------------------

# متوجها إلى as a motion trigger passed these and lowered the real check half's relation precision
# (0.885 -> 0.875): held back until what it reads wrongly is known
HEADING_ON = "متوجها إلى is no visit trigger (it cost precision on real text)"

@pytest.mark.parametrize("text, who, place", [
    pytest.param("وغادر الرئيس الصيني شي جين بينغ دوشنبه متوجها إلى أستانا.", "شي", "city:astana-kz",
                 marks=pytest.mark.xfail(reason=HEADING_ON, strict=True)),
    pytest.param("وغادرت رئيسة مجلس الشيوخ الأوزبكي تنزيلة نربايفا طشقند متوجهة إلى بكين على رأس وفد برلماني.",
                 "نربايفا", "city:beijing-cn", marks=pytest.mark.xfail(reason=HEADING_ON, strict=True)),
    ("وأجرى رئيس الوزراء الصيني لي تشيانغ محادثات في أستانا مع نظيره الكازاخستاني أولجاس بكتينوف.", "لي تشيانغ",
     "city:astana-kz"),
    ("وحل رئيس الوزراء الطاجيكي قاهر رسول زاده ضيفا على الصين في زيارة رسمية.", "رسول زاده", "country:CN"),
])
def test_fourth_batch_visits(extractor, text, who, place):
    assert place in visited_by(run(extractor, text), who)


def test_heading_on_is_no_visit_to_the_place_left_nor_a_figure_of_speech(extractor):
    result = run(extractor, "وغادر الرئيس الصيني شي جين بينغ دوشنبه متوجها إلى أستانا.")
    assert "country:TJ" not in visited_by(result, "شي")
    result = run(extractor, "وقال الرئيس الكازاخستاني قاسم جومارت توكاييف إن بلاده متوجهة إلى تعزيز التعاون مع الصين.")
    assert not visited_by(result, "توكاييف")


@pytest.mark.parametrize("text, who, country", [
    ("وقال رئيس جمهورية قيرغيزستان صدر جباروف إن بلاده تقدر الدعم الصيني.", "جباروف", "country:KG"),
    ("وقال رئيس وزراء جمهورية كازاخستان أولجاس بكتينوف إن المشروع مهم.", "بكتينوف", "country:KZ"),
    pytest.param("وقال رئيس مجلس الوزراء في جمهورية أوزبكستان عبد الله أريبوف إن المشروع مهم.", "أريبوف", "country:UZ",
                 marks=pytest.mark.xfail(reason="the body's name swallows في جمهورية أوزبكستان", strict=True)),
])
def test_an_office_of_a_republic_named_in_full_leads_it(extractor, text, who, country):
    assert country in led_by(run(extractor, text), who)


@pytest.mark.parametrize("text, who, country", [
    ("وجاءت الزيارة الرسمية لرئيس الوزراء القيرغيزي أديلبيك قاسمالييف إلى الصين في وقت حساس.", "قاسمالييف", "country:KG"),
    ("وقدم الرئيس الصيني الشكر لرئيس الوزراء الكازاخستاني أولجاس بكتينوف على حسن الاستقبال.", "بكتينوف", "country:KZ"),
])
def test_a_title_behind_a_glued_lam_still_gives_its_office(extractor, text, who, country):
    assert country in led_by(run(extractor, text), who)


def test_a_ceremony_for_a_work_placed_elsewhere_is_no_visit_there(extractor):
    result = run(extractor, "وحضر الرئيس الصيني شي جين بينغ حفل توقيع اتفاقية لبناء مصنع في أستانا.")
    assert "city:astana-kz" not in visited_by(result, "شي")


@pytest.mark.parametrize("text, who, place", [
    ("ووصل الرئيس الكازاخستاني قاسم جومارت توكاييف إلى قمة منظمة شانغهاي للتعاون في تيانجين.", "توكاييف",
     "city:tianjin-cn"),
    ("وترأس الرئيس الصيني شي جين بينغ وفد بلاده إلى قمة منظمة شانغهاي للتعاون في أستانا.", "شي", "city:astana-kz"),
])
def test_a_trip_to_a_gathering_placed_in_a_city_visits_the_city(extractor, text, who, place):
    result = run(extractor, text)
    assert place in visited_by(result, who)
    assert not {t for t in visited_by(result, who) if t.startswith("country:")}  # a summit guest: the city only


def test_what_is_said_on_arrival_is_no_destination(extractor):
    result = run(extractor, "ووصل رئيس مجلس الشعب التركمانستاني قربان قولي بردي محمدوف إلى المطار. وقال لدى وصوله "
                            "إن الصين مستعدة للعمل مع تركمانستان.")
    assert "country:CN" not in visited_by(result, "بردي محمدوف")


def test_the_guest_word_describes_no_one_named_after_other_words(extractor):
    result = run(extractor, "طشقند، 12 مارس 2026 (UzA) – استقبل الرئيس الأوزبكي شوكت ميرضيائيف اليوم وزير الخارجية "
                            "الصيني وانغ يي.\nونقل الضيف إلى الرئيس تحيات الرئيس الصيني شي جين بينغ.")
    assert not visited_by(result, "شي")


def test_a_visit_wished_for_later_in_the_sentence_gives_its_place_to_no_earlier_visit(extractor):
    result = run(extractor, "وأشار الرئيس الأوزبكي شوكت ميرضيائيف إلى أن زيارته العام الماضي فتحت آفاقا جديدة، "
                            "معربا عن تطلعه لزيارة بكين مرة أخرى.")
    assert "city:beijing-cn" not in visited_by(result, "ميرضيائيف")


def test_a_trip_going_on_after_an_arrival_keeps_its_next_stop(extractor):
    result = run(extractor, "وكان وزير الخارجية الأوزبكي عبد العزيز كاملوف قد وصل إلى بكين مساء الأحد، على أن "
                            "يغادرها يوم الخميس متوجها إلى مدينة شيامن لحضور منتدى للأعمال.")
    assert "city:xiamen-cn" in visited_by(result, "كاملوف")
