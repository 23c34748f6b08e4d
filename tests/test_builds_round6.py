"""Projects and who builds them, round 6: works placed in a region or city no table lists (في منطقة
خاتلون), wind and solar farms and logistics parks by their heads, a company's name that stops before
the country it works in, a VSO subject before the work, and partners after مع that are no subject.
Sentences written for these tests."""
from __future__ import annotations

from extraction_helpers import run, mention_texts


def forms(result, entity_id):
    return {m.text for m in result.mentions if m.entity.id == entity_id}


def builds(result):
    """(source forms, target forms) for every builds edge."""
    return [(forms(result, r.source.id) | {r.source.label_ar}, forms(result, r.target.id) | {r.target.label_ar})
            for r in result.relations if r.type == "builds"]


def has_builds(result, source, target):
    return any(any(source in s for s in src) and any(target in t for t in dst) for src, dst in builds(result))


# -- a work in a region or city no table lists ------------------------------------------------------

def test_a_plant_in_a_region_no_table_lists_is_a_project_placed_there(extractor):
    result = run(extractor, "وقدم البنك قرضا ميسرا إلى مصنع الإسمنت في منطقة خاتلون، حسبما أفاد بيان رسمي.")
    assert "مصنع الإسمنت في منطقة خاتلون" in mention_texts(result, "Project")
    assert "منطقة خاتلون" in mention_texts(result, "Region")
    assert any(r.type == "located_in" and r.target.type == "Region" for r in result.relations)


def test_a_wind_farm_in_an_unlisted_district_is_built_by_the_company_before_it(extractor):
    result = run(extractor, "وأشار الوزير إلى أن شركة غولدويند الصينية ستنشئ مزرعة لطاقة الرياح "
                            "في منطقة بيلوفودسك بقدرة 400 ميغاواط.")
    assert has_builds(result, "غولدويند", "مزرعة لطاقة الرياح")


def test_a_city_no_table_lists_after_a_works_place_word_stays_a_city(extractor):
    result = run(extractor, "وستبني شركة هواوي مصنعا جديدا للألواح الشمسية في مدينة كاراتاو الصناعية.")
    assert "كاراتاو" in mention_texts(result, "City")
    assert has_builds(result, "هواوي", "مصنعا")


def test_a_known_city_after_fi_inside_a_work_stays_a_mention(extractor):
    result = run(extractor, "وافتتح المصنع في مدينة طشقند الأسبوع الماضي.")
    assert "طشقند" in mention_texts(result, "City")


# -- project heads ----------------------------------------------------------------------------------

def test_a_wind_farm_with_its_purpose_in_construct_is_a_project(extractor):
    result = run(extractor, "وتبني مجموعة تشاينا إنرجي مزرعة طاقة الرياح في منطقة إيسيك كول على مساحة 200 هكتار.")
    assert has_builds(result, "تشاينا إنرجي", "مزرعة طاقة الرياح")


def test_a_logistics_park_with_a_quoted_name_after_its_head(extractor):
    result = run(extractor, "وتنفذ مجموعة تشاينا كومينيكيشنز كونستركشن مشروع الحديقة اللوجستية «خورغوس الشرقية» "
                            "قرب الحدود، وفق ما ذكرته الصحيفة.")
    assert has_builds(result, "تشاينا كومينيكيشنز", "خورغوس الشرقية")


def test_a_military_base_a_country_builds(extractor):
    result = run(extractor, "وأعربت وزارة الخارجية الروسية عن قلقها من بناء الصين قاعدة عسكرية في طاجيكستان، "
                            "وقالت إن موسكو تتابع الوضع.")
    assert has_builds(result, "الصين", "قاعدة عسكرية")
    assert not has_builds(result, "الخارجية", "قاعدة عسكرية")


# -- a company's name and the country it works in -------------------------------------------------

def test_a_companys_own_name_stops_before_the_country_it_works_in(extractor):
    result = run(extractor, "وتعمل شركة تشاينا هاربور في كازاخستان منذ عام 2015، وأضاف أن الشركة توظف 800 عامل.")
    orgs = mention_texts(result, "Organization")
    assert "شركة تشاينا هاربور" in orgs
    assert not any("كازاخستان" in o for o in orgs)


def test_a_ministry_in_its_country_keeps_the_country(extractor):
    result = run(extractor, "وقالت وزارة الطاقة في جمهورية طاجيكستان إن المحطة ستعمل العام المقبل.")
    assert any("طاجيكستان" in o for o in mention_texts(result, "Organization"))


# -- who is the subject -----------------------------------------------------------------------------

def test_a_bare_group_head_before_the_work_is_the_subject_not_a_country_after_it(extractor):
    result = run(extractor, "وتعمل مجموعة تشاينا كومينيكيشنز كونستركشن في كازاخستان منذ سنوات. "
                            "وتنفذ المجموعة الحديقة اللوجستية «خورغوس الشرقية» قرب الحدود مع الصين.")
    assert has_builds(result, "تشاينا كومينيكيشنز", "خورغوس الشرقية")
    assert not has_builds(result, "الصين", "خورغوس الشرقية")


def test_a_country_after_ma_is_no_subject_after_the_work(extractor):
    result = run(extractor, "وتبني الحديقة اللوجستية «بوابة الشرق» على الحدود مع الصين شركة هواوي.")
    assert has_builds(result, "هواوي", "بوابة الشرق")
    assert not has_builds(result, "الصين", "بوابة الشرق")


def test_a_bare_head_subject_with_nothing_named_before_builds_nothing(extractor):
    result = run(extractor, "وتنفذ الشركة محطة الطاقة الشمسية في ولاية سمرقند قرب الحدود مع طاجيكستان.")
    assert not has_builds(result, "طاجيكستان", "الشمسية")


# -- attachment that already held (kept so) ---------------------------------------------------------

def test_a_relative_clause_builder_of_a_solar_plant(extractor):
    result = run(extractor, "وأوضح البيان أن محطة الطاقة الشمسية في منطقة سمرقند، التي تنفذها شركة ماسدار الإماراتية، "
                            "ستوفر الكهرباء لنحو 150 ألف منزل.")
    assert has_builds(result, "ماسدار", "الشمسية")


def test_a_leader_laying_a_foundation_stone_builds_and_not_the_ambassador(extractor):
    result = run(extractor, "ووضع الرئيس الكازاخستاني قاسم جومارت توكاييف، أمس، حجر الأساس لمصنع معالجة القمح "
                            "في مقاطعة أكمولا، بحضور السفير الصيني.")
    assert has_builds(result, "توكاييف", "القمح")
    assert not has_builds(result, "السفير", "القمح")


def test_a_visit_to_a_plant_is_no_building(extractor):
    result = run(extractor, "وزار وفد من شركة باور تشاينا الصينية محطة نوريك الكهرومائية، "
                            "والتقى بمسؤولين في وزارة الطاقة الطاجيكية.")
    assert not has_builds(result, "باور تشاينا", "نوريك")


def test_an_ambassadors_interest_is_no_building(extractor):
    result = run(extractor, "وقال السفير الصيني لدى كازاخستان هان تشون لين إن المستثمرين الصينيين مهتمون "
                            "بمشروع محطة الطاقة الشمسية في تركستان.")
    assert not has_builds(result, "هان تشون لين", "الشمسية")


# -- leaders who launch works ----------------------------------------------------------------------

def test_a_leader_past_a_time_aside_launches_the_works(extractor):
    result = run(extractor, "وأطلق رئيس الوزراء الكازاخستاني أولجاس بيكتينوف، الخميس، أعمال بناء مجمع للبتروكيماويات "
                            "في منطقة أتيراو تنفذه شركة سينوبك الصينية.")
    assert has_builds(result, "بيكتينوف", "بتروكيماويات")
    assert has_builds(result, "سينوبك", "بتروكيماويات")


def test_two_coordinated_leaders_lay_the_foundation_stone(extractor):
    result = run(extractor, "ووضع الرئيس القرغيزي صدير جباروف ونظيره الأوزبكي شوكت ميرضيائيف حجر الأساس "
                            "لمحطة كامبار آتا-1 الكهرومائية.")
    assert has_builds(result, "جباروف", "كامبار")
    assert has_builds(result, "ميرضيائيف", "كامبار")


def test_a_leader_far_before_a_building_noun_does_not_build(extractor):
    result = run(extractor, "وقال الرئيس الطاجيكي إمام علي رحمان في كلمته أمام البرلمان إن الحكومة ستواصل "
                            "أعمال بناء محطة روغون الكهرومائية.")
    assert not has_builds(result, "رحمان", "روغون")


# -- a work on a river, lake or sea -----------------------------------------------------------------

def test_a_hydro_plant_on_a_river_in_a_contract_is_built_by_its_parties(extractor):
    result = run(extractor, "ووقعت وزارة الطاقة الأوزبكية وشركة الصين لهندسة الطاقة اتفاقية لبناء محطة كهرومائية "
                            "على نهر بسكم بقدرة 400 ميغاواط.")
    assert has_builds(result, "الصين لهندسة الطاقة", "كهرومائية")
    assert has_builds(result, "وزارة الطاقة", "كهرومائية")


def test_a_port_on_a_known_sea_in_a_contract_is_built_by_the_company(extractor):
    result = run(extractor, "ووقعت شركة تشاينا هاربور للهندسة، يوم الأربعاء، عقدا لبناء ميناء جديد على بحر قزوين "
                            "بقيمة 400 مليون دولار.")
    assert has_builds(result, "تشاينا هاربور", "ميناء")


def test_a_work_on_a_river_stops_before_its_purpose(extractor):
    result = run(extractor, "وتبني شركة سينوهيدرو محطة على نهر فخش لتوليد الكهرباء لجنوب البلاد.")
    assert "محطة على نهر فخش" in mention_texts(result, "Project")


def test_a_definite_head_on_a_river_is_no_new_work(extractor):
    result = run(extractor, "وتبني الشركة المحطة على نهر فخش منذ عامين.")
    assert not mention_texts(result, "Project")


def test_a_town_on_a_river_is_no_work(extractor):
    result = run(extractor, "وتقع مدينة خوجند على نهر سيحون في شمال طاجيكستان.")
    assert not mention_texts(result, "Project")


# -- coordinated companies, hand-overs and grants ---------------------------------------------------

def test_two_companies_joined_by_wa_are_two_builders_when_the_second_is_known(extractor):
    result = run(extractor, "وتبني شركة سينوهيدرو وشركة باور تشاينا معا محطة الطاقة الشمسية في مدينة طشقند.")
    orgs = mention_texts(result, "Organization")
    assert "شركة سينوهيدرو" in orgs and "شركة باور تشاينا" in orgs
    assert has_builds(result, "سينوهيدرو", "الشمسية") and has_builds(result, "باور تشاينا", "الشمسية")


def test_a_country_handing_over_a_work_it_built_builds_it_not_the_receiver(extractor):
    result = run(extractor, "الصين تسلم قرغيزستان مستشفى أوش الجديد الذي شيدته بمنحة مجانية")
    assert has_builds(result, "الصين", "أوش")
    assert not has_builds(result, "قرغيزستان", "أوش")


def test_a_vso_hand_over_with_giver_and_receiver(extractor):
    result = run(extractor, "وتسلم الصين طاجيكستان مبنى البرلمان الجديد الذي شيدته في دوشنبه.")
    assert has_builds(result, "الصين", "البرلمان")
    assert not has_builds(result, "طاجيكستان", "البرلمان")
    assert not has_builds(result, "طاجيكستان", "البرلمان")


def test_a_work_received_is_not_built_by_the_receiver(extractor):
    result = run(extractor, "وتسلمت قرغيزستان مستشفى أوش الذي بنته الصين.")
    assert has_builds(result, "الصين", "أوش")
    assert not has_builds(result, "قرغيزستان", "أوش")


def test_a_grant_given_by_a_government_inside_a_relative_clause(extractor):
    result = run(extractor, "وتسلمت طاجيكستان، أمس، مبنى البرلمان الجديد، الذي شيدته شركة سينوهيدرو "
                            "في العاصمة دوشنبه بمنحة قدمتها الحكومة الصينية.")
    assert has_builds(result, "سينوهيدرو", "البرلمان")
    assert has_builds(result, "الصين", "البرلمان")
    assert not has_builds(result, "طاجيكستان", "البرلمان")


def test_a_loan_given_by_a_bank_after_a_giving_verb(extractor):
    result = run(extractor, "ويجري بناء محطة الطاقة الشمسية في مدينة طشقند بقرض قدمه بنك التصدير والاستيراد الصيني.")
    assert has_builds(result, "بنك التصدير والاستيراد", "الشمسية")


# -- a leader a relative clause is about ------------------------------------------------------------

def test_a_leader_whose_relative_clause_starts_the_works_builds(extractor):
    result = run(extractor, "وشارك في المراسم رئيس تركمانستان سردار بردي محمدوف، الذي ضغط على الزر الرمزي "
                            "لبدء أعمال توسعة خزان «ساري ياز» على نهر مرغاب، ثم تفقد المعرض.")
    assert has_builds(result, "سردار", "ساري ياز")


def test_a_leader_whose_relative_clause_launches_a_plant_builds(extractor):
    result = run(extractor, "وحضر الحفل رئيس الوزراء الكازاخستاني أولجاس بيكتينوف، الذي أطلق أعمال بناء "
                            "محطة الطاقة الشمسية في مدينة تركستان.")
    assert has_builds(result, "بيكتينوف", "الشمسية")


# -- a light verb, the noun with the work's pronoun, the builder after --------------------------------

def test_a_company_after_anjazat_binaahu_builds_the_line_not_the_leaders_country(extractor):
    result = run(extractor, "وأطلق الرئيس القرغيزي، الجمعة، خط نقل الكهرباء «تالاس – أوش» بجهد 500 كيلوفولت، "
                            "بعدما أنجزت بناءه شركة تي بي إي إيه الصينية بقرض من بنك صيني.")
    assert has_builds(result, "تي بي إي إيه", "تالاس")
    assert not has_builds(result, "قرغيزستان", "تالاس")


def test_a_company_after_tawallat_tanfidhaha_builds_the_plant(extractor):
    result = run(extractor, "وافتتح الرئيس الأوزبكي محطة الطاقة الشمسية في مدينة طشقند، وتولت تنفيذها شركة هواوي الصينية.")
    assert has_builds(result, "هواوي", "الشمسية")


def test_a_light_verb_with_no_builder_after_builds_nothing_new(extractor):
    result = run(extractor, "وزار الوزير محطة الطاقة الشمسية في مدينة طشقند، ثم أكمل بناءها الأسبوع الماضي.")
    assert not any(r.type == "builds" and r.source.type == "Organization" for r in result.relations)


# -- the two companies --------------------------------------------------------------------------------

def test_the_two_companies_named_before_build_together(extractor):
    result = run(extractor, "ووقعت شركة هواوي وشركة زد تي إي مذكرة تفاهم في طشقند. "
                            "وستبني الشركتان معا مركزا للبيانات في مدينة سمرقند بحلول عام 2027.")
    assert has_builds(result, "هواوي", "للبيانات")
    assert has_builds(result, "زد تي", "للبيانات")


def test_the_two_companies_are_the_builder_found_and_its_partner(extractor):
    result = run(extractor, "وتملك مجموعة سي جي إن الصينية حصة في شركة «سيميزباي-يو»، التي تشغل منجم «سيميزباي» "
                            "مع شركة «كازاتومبروم» الحكومية، كما تطور الشركتان معا منجم «جيلاندي» في منطقة تركستان.")
    assert has_builds(result, "كازاتومبروم", "جيلاندي")


# -- a bare head signs a contract for building -----------------------------------------------------

def test_a_bare_company_head_signing_a_contract_to_build_is_the_company_named_before(extractor):
    result = run(extractor, "وتعمل شركة هواوي في أوزبكستان منذ عام 2010. "
                            "وقد وقعت الشركة، الأسبوع الماضي، عقدا لبناء مركز للبيانات في مدينة سمرقند.")
    assert has_builds(result, "هواوي", "للبيانات")


def test_a_bare_ministry_head_with_no_ministry_named_before_builds_nothing(extractor):
    result = run(extractor, "وتعمل شركة هواوي في أوزبكستان منذ عام 2010. "
                            "ووقعت الوزارة عقدا لبناء مركز للبيانات في مدينة سمرقند.")
    assert not has_builds(result, "هواوي", "للبيانات")


# -- variants written after the fixes ---------------------------------------------------------------

def test_a_solar_farm_in_an_unlisted_district_and_not_the_ministry(extractor):
    result = run(extractor, "وقال مسؤول في وزارة الطاقة الطاجيكية إن شركة تشاينا إنرجي ستبني مزرعة للطاقة الشمسية "
                            "بقدرة 200 ميغاواط في منطقة دانغارا.")
    assert has_builds(result, "تشاينا إنرجي", "الشمسية")
    assert not has_builds(result, "وزارة الطاقة", "الشمسية")


def test_a_plant_on_a_river_bank_in_a_contract_a_group_signs(extractor):
    result = run(extractor, "وأعلنت مجموعة سيتيك الصينية، الثلاثاء، أنها وقعت عقدا لتشييد مصنع للأسمدة "
                            "على ضفاف نهر آمو داريا بقيمة 300 مليون دولار.")
    assert has_builds(result, "سيتيك", "أسمدة")


def test_a_hospital_received_from_a_grant_is_the_givers(extractor):
    result = run(extractor, "وتسلمت وزارة الصحة الطاجيكية المستشفى الجديد في مدينة خوروغ، الذي شيدته الصين بمنحة مجانية.")
    assert has_builds(result, "الصين", "المستشفى")
    assert not has_builds(result, "وزارة الصحة", "المستشفى")


def test_a_wind_plant_whose_building_a_company_took_on_with_a_bank_loan(extractor):
    result = run(extractor, "وتقع محطة الرياح الجديدة في منطقة جامبيل، وتولت إنشاءها شركة يونيفرسال إنرجي الصينية "
                            "بقرض من بنك الصين.")
    assert has_builds(result, "يونيفرسال إنرجي", "الرياح")


def test_a_country_ready_to_build_is_not_the_host(extractor):
    result = run(extractor, "وقال السفير الروسي إن بلاده مستعدة لبناء محطة نووية في أوزبكستان، "
                            "إلا أن طشقند لم تحسم خيارها بعد.")
    assert not has_builds(result, "أوزبكستان", "نووية")


# -- a loan's value between it and its giver ---------------------------------------------------------

def test_a_bank_after_a_loans_value_finances_the_work(extractor):
    result = run(extractor, "وأنجزت شركة هواوي بناء محطة الطاقة الشمسية في مدينة نمنغان بقرض قيمته 390 مليون دولار "
                            "من بنك التصدير والاستيراد الصيني.")
    assert has_builds(result, "هواوي", "الشمسية")
    assert has_builds(result, "بنك التصدير والاستيراد", "الشمسية")


def test_a_government_after_a_grants_amount_builds(extractor):
    result = run(extractor, "ويجري بناء مدرسة جديدة في مدينة خوجند بمنحة بقيمة 50 مليون يوان من الحكومة الصينية.")
    assert not has_builds(result, "خوجند", "مدرسة")


def test_a_loans_value_out_of_a_total_names_no_giver(extractor):
    result = run(extractor, "ويجري بناء محطة الطاقة الشمسية في مدينة طشقند بقرض قيمته 50 مليون دولار من أصل 200 مليون.")
    assert not any(r.type == "builds" for r in result.relations)


def test_a_country_named_after_ma_before_and_again_as_a_vso_subject_builds(extractor):
    result = run(extractor, "وبعد رفع العلاقات إلى مستوى الشراكة الشاملة مع قرغيزستان، ستبني الصين وقرغيزستان "
                            "بشكل مشترك ممرا للنقل يربط بين الصين وإيران عبر آسيا الوسطى.")
    assert has_builds(result, "الصين", "ممرا") and has_builds(result, "قرغيزستان", "ممرا")


def test_a_company_that_says_it_is_a_partner_in_a_project_builds_it(extractor):
    result = run(extractor, "وأعلنت شركة زد تي إي أنها شريك في مشروع المدينة الذكية في سمرقند، "
                            "الذي تنفذه الحكومة الأوزبكية.")
    assert has_builds(result, "زد تي", "المدينة الذكية")


def test_a_company_that_became_a_partner_in_a_project_builds_it(extractor):
    result = run(extractor, "وأصبحت شركة هواوي شريكا في مشروع المدينة الذكية في طشقند منذ العام الماضي.")
    assert has_builds(result, "هواوي", "المدينة الذكية")


def test_a_partner_in_development_builds_nothing(extractor):
    result = run(extractor, "وقال الوزير إن الصين شريك مهم في التنمية الاقتصادية لطاجيكستان.")
    assert not any(r.type == "builds" for r in result.relations)


def test_a_work_on_a_river_is_also_named_without_the_river(extractor):
    result = run(extractor, "وشيدت مجموعة جيزوبا سد الممرات الثلاثة على نهر اليانغتسي. وقال إن سد الممرات الثلاثة "
                            "أكبر سد في العالم.")
    works = {m.entity.id for m in result.mentions if m.entity.type == "Project"}
    assert len(works) == 1
