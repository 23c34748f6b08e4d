"""Events and organisations, round 6: names and where they end. Companies written in Latin letters
with their legal form (Co., Ltd.), transliterated English company names (… آند بريدج كوربوريشن),
gatherings named by a possessive (اجتماعها السنوي، دورته العاشرة) that are no event names, a party's
name without what is said of it (الحاكم). Sentences written for these tests."""
from __future__ import annotations

from extraction_helpers import run


def texts(result, kind):
    return {m.text for m in result.mentions if m.entity.type == kind}


def ids(result, kind):
    return {m.entity.id for m in result.mentions if m.entity.type == kind}


# -- a company in Latin letters with its legal form: the comma and the periods are inside the name --

def test_a_latin_company_with_co_ltd_is_whole(extractor):
    result = run(extractor, "ووقعت شركة Xinjiang Tianshan Cement Co., Ltd. عقدا مع الحكومة القيرغيزية "
                            "لبناء مصنع للأسمنت في مدينة أوش.")
    assert "شركة Xinjiang Tianshan Cement Co., Ltd." in texts(result, "Organization")
    assert "organization:xinjiang-tianshan-cement" in ids(result, "Organization")


def test_a_latin_company_with_co_ltd_before_a_sentence_end_keeps_the_next_sentence(extractor):
    result = run(extractor, "وقال مسؤول في مجموعة China Energy Engineering Co., Ltd. إن الأعمال ستبدأ في الربيع، "
                            "وأضاف أن التمويل مضمون. وزار وزير الطاقة الأوزبكي الموقع.")
    orgs = texts(result, "Organization")
    assert "مجموعة China Energy Engineering Co., Ltd." in orgs
    assert not any(o.endswith(",") for o in orgs)


def test_the_first_latin_word_of_a_company_alone_is_no_mention_of_it(extractor):
    result = run(extractor, "وقال مسؤول في شركة China Railway Engineering Corp., Ltd. إن الخط سيكتمل، "
                            "وأضاف أن China تدعم المشروع.")
    assert "China" not in texts(result, "Organization")


def test_a_one_word_latin_company_is_still_named_alone_later(extractor):
    result = run(extractor, "وقالت شركة PowerChina إن العمل بدأ في المحطة. وأضافت PowerChina أن المحطة ستعمل العام المقبل.")
    assert "PowerChina" in texts(result, "Organization")


# -- a transliterated English company name: "and" and the legal form inside it ---------------------

def test_a_transliterated_name_with_and_and_corporation_is_whole(extractor):
    result = run(extractor, "وقالت شركة تشاينا رود آند بريدج كوربوريشن إن الأعمال في الطريق ستنتهي العام المقبل، "
                            "وأضافت أن 800 عامل محلي يعملون في المشروع.")
    assert "شركة تشاينا رود آند بريدج كوربوريشن" in texts(result, "Organization")


def test_a_transliterated_name_with_company_is_whole(extractor):
    result = run(extractor, "وتتولى شركة تشاينا هاربر إنجينيرينغ كومباني، وفق العقد، بناء الرصيف الجديد.")
    assert "شركة تشاينا هاربر إنجينيرينغ كومباني" in texts(result, "Organization")


def test_a_transliterated_and_before_a_definite_noun_ends_the_name(extractor):
    result = run(extractor, "وأعلنت شركة سينوهيدرو أند الحكومة الطاجيكية توقيع العقد يوم الاثنين.")
    orgs = texts(result, "Organization")
    assert "شركة سينوهيدرو" in orgs
    assert not any("الحكومة" in o and "سينوهيدرو" in o for o in orgs)


# -- a party's standing after its name is said of it, not part of the name ---------------------

def test_ruling_after_a_partys_own_name_is_no_part_of_it(extractor):
    result = run(extractor, "وفاز حزب أمانات الحاكم في كازاخستان، وفق النتائج الأولية، بأغلبية المقاعد في الانتخابات البرلمانية.")
    orgs = texts(result, "Organization")
    assert "حزب أمانات" in orgs
    assert not any("الحاكم" in o for o in orgs)


def test_ruling_after_a_quoted_party_name_is_no_part_of_it(extractor):
    result = run(extractor, "وقال زعيم حزب «نور أوطان» الحاكم إن الحزب يدعم إصلاحات الرئيس.")
    assert not any("الحاكم" in o for o in texts(result, "Organization"))


def test_banned_after_a_partys_adjective_is_no_part_of_it(extractor):
    result = run(extractor, "وأعلن حزب النهضة الإسلامي المحظور في طاجيكستان رفضه للقانون الجديد.")
    orgs = texts(result, "Organization")
    assert "حزب النهضة الإسلامي" in orgs
    assert not any("المحظور" in o for o in orgs)


def test_the_ruling_party_alone_is_no_name(extractor):
    result = run(extractor, "وقال الحزب الحاكم في تركمانستان إن الانتخابات جرت بنزاهة.")
    assert not texts(result, "Organization")


# -- a person's family name that is also a town's or a known person's -------------------------------

def test_a_family_name_that_is_a_town_after_a_descriptor_is_the_persons(extractor):
    result = run(extractor, "وقال المحلل السياسي أرمان تشيمكنت، في حديث للصحفيين، إن القمة ستكون حاسمة.")
    assert "أرمان تشيمكنت" in texts(result, "Person")
    assert not texts(result, "City")


def test_a_family_name_that_is_a_town_after_an_expert_with_adjectives(extractor):
    result = run(extractor, "ويرى الخبير الاقتصادي القيرغيزي نورلان أوش أن التجارة مع الصين ستنمو.")
    assert "نورلان أوش" in texts(result, "Person")
    assert "أوش" not in texts(result, "City")


def test_a_town_after_a_preposition_stays_a_town(extractor):
    result = run(extractor, "وسافر الخبير الاقتصادي إلى أوش الأسبوع الماضي، وقال الباحث في أستانا إن الوضع مستقر.")
    assert {"أوش", "أستانا"} <= texts(result, "City")
    assert not texts(result, "Person")


def test_a_rank_alone_before_a_name_makes_a_person_with_a_known_family_name(extractor):
    result = run(extractor, "وقال اللواء عبد الرحيم كريموف، قائد قوات الحدود الطاجيكية، إن الوضع على الحدود مستقر.")
    people = texts(result, "Person") | texts(result, "Leader")
    assert "عبد الرحيم كريموف" in people
    assert "leader:islam-karimov" not in ids(result, "Leader")


def test_a_rank_alone_before_an_unknown_name_makes_a_person(extractor):
    result = run(extractor, "وأكد العميد رستم نزاروف، رئيس أكاديمية الشرطة، أن التعاون مع الصين يتوسع.")
    assert "رستم نزاروف" in texts(result, "Person") | texts(result, "Leader")


def test_a_rank_and_its_degree_before_a_name(extractor):
    result = run(extractor, "وترأس الفريق أول بختيار نورمتوف، قائد القوات البرية، وفد بلاده إلى بكين.")
    people = texts(result, "Person") | texts(result, "Leader")
    assert "بختيار نورمتوف" in people
    assert not any("أول" in p for p in people)


def test_a_known_leader_by_full_name_stays_himself(extractor):
    result = run(extractor, "والتقى الرئيس الأوزبكي الراحل إسلام كريموف نظيره الصيني في طشقند.")
    assert "leader:islam-karimov" in ids(result, "Leader")


# -- a summit of a body: the whole body's name, and not the verb after it --------------------------

def test_a_summit_of_a_body_whose_name_begins_with_a_joining_word_is_that_bodys(extractor):
    result = run(extractor, "وتستعد بيشكيك، وفق مصادر رسمية، لاستضافة قمة رابطة الدول المستقلة في أكتوبر المقبل.")
    (summit,) = ids(result, "Event")
    assert summit.startswith("event:summit:org:cis:")
    assert "org:cis" in ids(result, "Organization")


def test_a_summit_of_another_league_is_that_leagues(extractor):
    result = run(extractor, "وقال الوزير إن قمة رابطة دول جنوب شرق آسيا ستعقد في جاكرتا الشهر المقبل.")
    assert any(e.startswith("event:summit:org:asean:") for e in ids(result, "Event"))


def test_a_summit_between_two_sides_still_reads_between(extractor):
    result = run(extractor, "وعقدت القمة الثانية بين الصين وآسيا الوسطى في أستانا بحضور القادة الستة.")
    assert "القمة الثانية بين الصين وآسيا الوسطى" in texts(result, "Event")


def test_a_summit_of_the_body_does_not_run_into_the_verb(extractor):
    result = run(extractor, "وقال الأمين العام لمنظمة شنغهاي للتعاون إن قمة المنظمة المقبلة ستعقد في تيانجين.")
    assert not any("ستعقد" in e for e in texts(result, "Event"))


def test_a_meeting_of_ministers_does_not_run_into_the_verb(extractor):
    result = run(extractor, "وأكد أن اجتماع وزراء خارجية الدول الأعضاء سيعقد في أستانا الشهر المقبل.")
    assert "اجتماع وزراء خارجية الدول الأعضاء" in texts(result, "Event")


def test_a_summit_of_a_body_by_its_full_name_is_whole(extractor):
    for text, name in (
            ("وقال الرئيس الصيني في كلمته أمام قمة منظمة شنغهاي للتعاون، التي عقدت في أستانا، إن بلاده مستعدة.",
             "قمة منظمة شنغهاي للتعاون"),
            ("وتوجه الرئيس إلى أستانا للمشاركة في قمة منظمة الدول التركية، حسب ما أعلنت الرئاسة.",
             "قمة منظمة الدول التركية"),
            ("ووصل الرئيس إلى سمرقند لحضور قمة قادة دول منظمة شنغهاي للتعاون يوم الخميس.",
             "قمة قادة دول منظمة شنغهاي للتعاون"),
            ("وانطلقت الدورة الـ(22) لمجلس رؤساء الدول الأعضاء في منظمة شنغهاي للتعاون في سمرقند.",
             "الدورة الـ(22) لمجلس رؤساء الدول الأعضاء في منظمة شنغهاي للتعاون")):
        events = texts(run(extractor, text), "Event")
        assert name in events, (text, events)
        assert "قمة منظمة" not in events


# -- a body's name ends before the verb's definite object -------------------------------------------

def test_a_ministry_does_not_take_in_the_definite_object_after_it(extractor):
    for text, name in (("واستقبلت وزارة الخارجية الطاجيكية، صباح الاثنين، الوفد الصيني.", "وزارة الخارجية الطاجيكية"),
                       ("واستقبلت وزارة الخارجية الوفد الصيني في مقرها بدوشنبه.", "وزارة الخارجية"),
                       ("ووقعت وزارة التجارة الاتفاقية مع الجانب الكازاخي يوم الخميس.", "وزارة التجارة"),
                       ("والتقى رئيس مجلس رجال الأعمال الوفد الصيني الزائر.", "مجلس رجال الأعمال")):
        orgs = texts(run(extractor, text), "Organization")
        assert name in orgs, (text, orgs)


def test_adjectives_without_a_relational_ending_stay_in_a_bodys_name(extractor):
    for text, name in (("وأعلن صندوق الاستثمار المباشر الروسي عن صفقة جديدة.", "صندوق الاستثمار المباشر الروسي"),
                       ("وقالت جمعية الهلال الأحمر إن المساعدات وصلت.", "جمعية الهلال الأحمر"),
                       ("وقال بنك التنمية الجديد إنه سيمول المشروع.", "بنك التنمية الجديد"),
                       ("وأعلنت هيئة الطرق السريعة الوطنية عن مناقصة.", "هيئة الطرق السريعة الوطنية"),
                       ("وأعلنت وكالة الطاقة المتجددة عن خطة لعام 2030.", "وكالة الطاقة المتجددة"),
                       ("وقالت وزارة البناء والإسكان والمرافق العامة إن المشروع اكتمل.",
                        "وزارة البناء والإسكان والمرافق العامة")):
        orgs = texts(run(extractor, text), "Organization")
        assert name in orgs, (text, orgs)


def test_a_committee_named_by_good_neighbourliness_is_whole(extractor):
    result = run(extractor, "وعقدت لجنة حسن الجوار والصداقة والتعاون التابعة لمنظمة شنغهاي للتعاون اجتماعها السنوي في بكين.")
    assert "لجنة حسن الجوار والصداقة والتعاون" in texts(result, "Organization")
    (meeting,) = ids(result, "Event")
    assert "org:sco" not in meeting  # the committee's meeting, not the organisation's


def test_a_person_called_hassan_is_still_a_person(extractor):
    result = run(extractor, "وقال حسن روحاني إن العلاقات مع آسيا الوسطى جيدة.")
    assert "حسن روحاني" in texts(result, "Leader") | texts(result, "Person")


# -- longer company names: corporate words are not counted against the name's length ---------------

def test_a_long_latin_company_name_with_group_co_ltd_is_whole(extractor):
    result = run(extractor, "ووقعت مجموعة China National Building Material Group Co., Ltd. اتفاقا مع أوزبكستان لبناء مصنع.")
    assert "مجموعة China National Building Material Group Co., Ltd." in texts(result, "Organization")


def test_a_transliterated_four_word_company_name_is_whole(extractor):
    result = run(extractor, "وقال ممثل شركة تشاينا سيفيل إنجينيرينغ كونستركشن كوربوريشن إن الأعمال ستبدأ في الربيع.")
    assert "شركة تشاينا سيفيل إنجينيرينغ كونستركشن كوربوريشن" in texts(result, "Organization")


# -- an agency in a dateline with no year, or no date, is metadata; in an attribution it is an entity ---

def test_an_agency_in_a_dateline_without_a_year_is_no_entity(extractor):
    for text in ("موسكو، 15 مايو (وكالة نوفوستي) - قال الكرملين إن الرئيس الروسي سيزور الصين الأسبوع المقبل.",
                 "أستانا، 3 حزيران/يونيو (وكالة الأنباء الكازاخستانية) - أعلن الرئيس توكاييف أن القمة ستعقد.",
                 "بكين (شينخوا) قال المتحدث باسم الخارجية إن الزيارة مهمة."):
        result = run(extractor, text)
        assert not any("وكالة" in o or "شينخوا" in o for o in texts(result, "Organization")), text
        assert texts(result, "City"), text  # the place stays


def test_a_place_in_brackets_after_the_dateline_place_is_no_outlet(extractor):
    result = run(extractor, "بكين (الصين) قال المتحدث إن الزيارة مهمة.")
    assert "country:CN" in ids(result, "Country")


def test_an_agency_in_an_attribution_is_an_entity(extractor):
    result = run(extractor, "وقال المتحدث إن الرئيس سيزور الصين، حسب ما ذكرت وكالة الأنباء الروسية، وأضاف أن الزيارة تستمر يومين.")
    assert "وكالة الأنباء الروسية" in texts(result, "Organization")
