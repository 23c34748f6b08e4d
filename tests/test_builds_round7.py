"""Who builds, finances, develops or operates a work, round 7: contractors named as a work's executor
(تنفذ، نفذته، المقاول الرئيسي، تتولى، فازت بعقد، بالتعاون مع، a company's work in an aside, EPC),
financiers (بتمويل من، قرض من، يمول), countries (تبني الصين، بدعم صيني، بمساعدة صينية، يبني البلدان
معا), leaders who inaugurate, launch or order a work, unnamed works and phases a builder is attached
to, and negatives (a company merely present, a ministry that announces, a plan, a place).
Sentences written for these tests before the code was read.

First batch (40 probes): 28/40 before any fix (26 as first run, two of the failures the helpers'
own: الصين is inside الصينية, a phase is an alias of its work); 36/40 after (heads for residential
complexes, logistics terminals and plants named by what they make from what; a capacity ends an
unlisted place's name; a phase being built is its work being built; أطلق in the past builds works;
بدعم صيني; a bridge over (فوق) a river; a guest at an opening builds nothing).

Second batch (22 probes, written after those fixes): 12/22 before; after: 17/22 (schools; a new
feminine work in a place, محطة جديدة في …; a name stops before a purpose in construct, محطة جانتاس
لطاقة الرياح; a construction site, a denial before أن and a loan's frame build nothing; leaders
who launch a work by video or button, ضغط الرئيسان عبر الفيديو على زر تشغيل …).

Third batch (7 probes: long company names, joint financing): 5/7 before, 6/7 after (a definite word
ending in alif, الأمونيا, is definite: مصنع الأمونيا في …). Then a work on a border (نقاطا حدودية على
الحدود بين …، على الحدود الطاجيكية الأفغانية: told apart by the border as by a river, its sides no
builders): the first batch's border posts pass, 37/40; two guards for that class added."""
from __future__ import annotations

import pytest

from extraction_helpers import run

# a probe that still fails: a strict xfail, so one that starts passing says so
GAP = pytest.mark.xfail(strict=True, reason="a known gap of the extractor")


def forms(result, entity_id):
    """The texts and aliases of an entity's mentions (a phase is an alias of its work)."""
    return {f for m in result.mentions if m.entity.id == entity_id for f in (m.text, *m.aliases)}


def builds(result):
    """(source forms, target forms) for every builds edge."""
    return [(forms(result, r.source.id) | {r.source.label_ar}, forms(result, r.target.id) | {r.target.label_ar})
            for r in result.relations if r.type == "builds"]


def has_builds(result, source, target):
    return any(any(source in s for s in src) and any(target in t for t in dst) for src, dst in builds(result))


def has_country_builds(result, country, target):
    """A Country (by its exact label) builds ``target``: الصين is inside الصينية."""
    return any(r.type == "builds" and r.source.type == "Country" and r.source.label_ar == country
               and any(target in t for t in forms(result, r.target.id) | {r.target.label_ar})
               for r in result.relations)


# -- contractors named as the executor of a work ----------------------------------------------------

def test_a_numbered_railway_group_executes_a_ring_road(extractor):
    result = run(extractor, "وتنفذ شركة الصين للسكك الحديدية رقم 20 مشروع الطريق الدائري حول مدينة شيمكنت "
                            "بطول 62 كيلومترا.")
    assert has_builds(result, "الصين للسكك الحديدية", "الطريق الدائري")


def test_a_work_carried_out_by_a_company_after_it(extractor):
    result = run(extractor, "ومحطة فرخاد الكهرومائية الجديدة نفذتها شركة سينوهيدرو الصينية في غضون ثلاث سنوات.")
    assert has_builds(result, "سينوهيدرو", "فرخاد")


def test_the_main_contractor_of_the_work_named_before(extractor):
    result = run(extractor, "وبدأت أعمال بناء مصفاة النفط الجديدة في مدينة شيمكنت العام الماضي، والمقاول الرئيسي "
                            "للمشروع هو شركة تشاينا ناشونال كيميكال إنجينيرينغ.")
    assert has_builds(result, "تشاينا ناشونال كيميكال", "مصفاة")


def test_a_company_that_undertakes_the_building(extractor):
    result = run(extractor, "وتتولى شركة الصين لهندسة الطاقة بناء محطة الطاقة الحرارية في مدينة إكيباستوز.")
    assert has_builds(result, "الصين لهندسة الطاقة", "محطة الطاقة الحرارية")


@GAP
def test_a_company_that_won_a_building_contract(extractor):
    result = run(extractor, "وفازت شركة تشاينا هاربور للهندسة بعقد بناء رصيف جديد في ميناء أكتاو بقيمة 120 مليون دولار.")
    assert has_builds(result, "تشاينا هاربور", "رصيف")


def test_a_company_in_cooperation_with_which_a_bridge_is_built(extractor):
    result = run(extractor, "وتبني وزارة النقل الأوزبكية بالتعاون مع شركة الصين للطرق والجسور جسرا جديدا "
                            "فوق نهر آمو داريا.")
    assert has_builds(result, "الصين للطرق والجسور", "جسرا")


def test_a_companys_work_in_an_aside_after_it(extractor):
    result = run(extractor, "وقالت شركة باور تشاينا، التي تبني محطة يافان للطاقة الشمسية، إن الأعمال تسير وفق الجدول.")
    assert has_builds(result, "باور تشاينا", "يافان")


def test_an_epc_contract_for_a_storage_plant(extractor):
    result = run(extractor, "ووقعت شركة إنرجي تشاينا عقد الهندسة والتوريد والإنشاء لمحطة تخزين الطاقة "
                            "في منطقة فرغانة.")
    assert has_builds(result, "إنرجي تشاينا", "محطة تخزين الطاقة")


def test_a_gulf_company_develops_a_solar_plant(extractor):
    result = run(extractor, "وتطور شركة أكوا باور السعودية مشروع محطة سمرقند للطاقة الشمسية بقدرة 1 غيغاواط.")
    assert has_builds(result, "أكوا باور", "سمرقند للطاقة الشمسية")


def test_a_gulf_group_operates_a_logistics_terminal(extractor):
    result = run(extractor, "وتشغل مجموعة موانئ أبوظبي الإماراتية المحطة اللوجستية الجديدة في مدينة خورغوس.")
    assert has_builds(result, "موانئ أبوظبي", "المحطة اللوجستية")


def test_a_provincial_building_group_that_announced_it_will_build(extractor):
    result = run(extractor, "وأعلنت مجموعة شنشي للبناء والهندسة الصينية أنها ستبني مجمعا سكنيا في العاصمة بيشكيك.")
    assert has_builds(result, "شنشي للبناء", "مجمعا سكنيا")


def test_a_company_the_ambassador_praises_builds_not_the_ambassador(extractor):
    result = run(extractor, "وأشاد السفير الصيني لدى أوزبكستان بمشروع مصنع الزجاج في أنغرين الذي تنفذه "
                            "شركة لويانغ للزجاج.")
    assert has_builds(result, "لويانغ", "الزجاج")
    assert not has_builds(result, "السفير", "الزجاج")


# -- financiers ------------------------------------------------------------------------------------

@GAP
def test_a_road_financed_by_the_exim_bank(extractor):
    result = run(extractor, "وسيتم إنشاء طريق دوشنبه - تشاناك السريع بتمويل من بنك التصدير والاستيراد الصيني "
                            "بقيمة 300 مليون دولار.")
    assert has_builds(result, "بنك التصدير والاستيراد", "دوشنبه")


@GAP
def test_a_bank_that_finances_a_power_line(extractor):
    result = run(extractor, "ويمول البنك الآسيوي للاستثمار في البنية التحتية مشروع خط نقل الكهرباء "
                            "في جنوب قرغيزستان.")
    assert has_builds(result, "البنك الآسيوي للاستثمار", "خط نقل الكهرباء")


def test_a_loan_from_a_bank_for_a_plant(extractor):
    result = run(extractor, "وحصلت طاجيكستان على قرض من بنك الصين للتنمية لتحديث محطة دوشنبه الحرارية.")
    assert has_builds(result, "بنك الصين للتنمية", "محطة دوشنبه")


def test_a_fund_that_provided_finance_for_a_wind_plant(extractor):
    result = run(extractor, "وقدم صندوق طريق الحرير تمويلا لمشروع محطة الرياح في منطقة نوائي بقدرة 500 ميغاواط.")
    assert has_builds(result, "صندوق طريق الحرير", "محطة الرياح")


# -- countries -------------------------------------------------------------------------------------

def test_china_builds_a_hospital(extractor):
    result = run(extractor, "وتبني الصين مستشفى جديدا في مدينة أوش بطاقة 300 سرير.")
    assert has_builds(result, "الصين", "مستشفى")


def test_a_work_built_with_chinese_support(extractor):
    result = run(extractor, "وشيد مستشفى الصداقة في مدينة خوجند بدعم صيني بتكلفة 20 مليون دولار.")
    assert has_builds(result, "الصين", "مستشفى الصداقة")


def test_a_bridge_completed_with_chinese_help(extractor):
    result = run(extractor, "واكتمل بناء جسر بانج الحدودي بمساعدة صينية، وفق ما أعلنته السلطات المحلية.")
    assert has_builds(result, "الصين", "جسر بانج")


def test_the_chinese_government_funds_a_building(extractor):
    result = run(extractor, "وتمول الحكومة الصينية بناء مبنى البرلمان الجديد في دوشنبه.")
    assert has_builds(result, "الصين", "البرلمان")


def test_two_countries_build_together(extractor):
    result = run(extractor, "واتفقت الصين وقرغيزستان على توسيع التعاون في مجال الطاقة. ويبني البلدان معا "
                            "محطة جديدة للطاقة الكهرومائية على نهر نارين.")
    assert has_builds(result, "الصين", "نهر نارين")
    assert has_builds(result, "قرغيزستان", "نهر نارين")


def test_a_country_that_undertakes_building_a_railway(extractor):
    result = run(extractor, "وتقوم أوزبكستان ببناء سكة حديد جديدة تربط بين مدينتي بخارى وميسكين.")
    assert has_builds(result, "أوزبكستان", "سكة حديد")


def test_a_state_railway_company_builds_a_second_track(extractor):
    result = run(extractor, "وتبني شركة قازاقستان تيمير جولي الوطنية خطا ثانيا للسكك الحديدية بين دوستيك وموينتي.")
    assert has_builds(result, "قازاقستان تيمير جولي", "خطا ثانيا")


# -- leaders who inaugurate, launch or order a work -------------------------------------------------

def test_a_president_inaugurates_a_fertiliser_plant(extractor):
    result = run(extractor, "ودشن الرئيس الأوزبكي شوكت ميرضيائيف، اليوم، مصنع الأسمدة الجديد في مدينة نوائي.")
    assert has_builds(result, "ميرضيائيف", "مصنع الأسمدة")


def test_a_premier_opens_a_new_tunnel(extractor):
    result = run(extractor, "وافتتح رئيس الوزراء القرغيزي أديلبيك قاسم علييف نفق تشون كيمين الجديد على طريق "
                            "بيشكيك السريع.")
    assert has_builds(result, "قاسم علييف", "نفق تشون كيمين")


def test_a_president_orders_a_work_by_decree(extractor):
    result = run(extractor, "وأمر الرئيس الطاجيكي إمام علي رحمان بموجب مرسوم رئاسي ببناء محطة لمعالجة المياه "
                            "في مدينة كولاب.")
    assert has_builds(result, "رحمان", "محطة لمعالجة المياه")


def test_a_president_gives_the_start_signal_for_a_phase(extractor):
    result = run(extractor, "وأعطى الرئيس التركمانستاني سردار بردي محمدوف إشارة البدء لبناء المرحلة الثانية "
                            "من مجمع كيانلي للغاز الكيميائي.")
    assert has_builds(result, "بردي محمدوف", "المرحلة الثانية")


def test_a_premier_takes_part_in_a_foundation_stone_ceremony(extractor):
    result = run(extractor, "وشارك رئيس الوزراء الكازاخستاني أولجاس بيكتينوف في مراسم وضع حجر الأساس لمحطة "
                            "طاقة الرياح في منطقة جامبيل.")
    assert has_builds(result, "بيكتينوف", "محطة طاقة الرياح")


# -- unnamed works and phases ----------------------------------------------------------------------

def test_an_unnamed_wind_power_plant_by_a_company(extractor):
    result = run(extractor, "وستنشئ شركة يونيفرسال إنرجي الصينية محطة لتوليد الكهرباء من الرياح في منطقة "
                            "زامبيل بقدرة 100 ميغاواط.")
    assert has_builds(result, "يونيفرسال إنرجي", "محطة لتوليد الكهرباء")


def test_a_light_rail_line_in_a_city(extractor):
    result = run(extractor, "وتبني شركة الصين للسكك الحديدية رقم 4 خط قطار خفيف في مدينة ألماتي.")
    assert has_builds(result, "الصين للسكك الحديدية", "قطار خفيف")


def test_border_posts_a_country_built(extractor):
    result = run(extractor, "وبنت الصين نقاطا حدودية جديدة على الحدود بين طاجيكستان وأفغانستان.")
    assert has_builds(result, "الصين", "نقاطا حدودية")


def test_an_industrial_park_a_company_develops(extractor):
    result = run(extractor, "وتطور شركة وينتشو للاستثمار منطقة صناعية صينية في ولاية جيزاخ.")
    assert has_builds(result, "وينتشو", "منطقة صناعية")


def test_a_phase_of_a_gas_field(extractor):
    result = run(extractor, "وتنفذ شركة البترول الوطنية الصينية المرحلة الثالثة من حقل غالكينيش للغاز.")
    assert has_builds(result, "البترول الوطنية الصينية", "المرحلة الثالثة")


def test_a_company_launches_a_cotton_processing_plant(extractor):
    result = run(extractor, "وأطلقت شركة جيانغسو للنسيج الصينية مصنعا لمعالجة القطن في منطقة سيرداريا.")
    assert has_builds(result, "جيانغسو", "مصنعا لمعالجة القطن")


# -- negatives -------------------------------------------------------------------------------------

def test_a_company_present_at_an_opening_builds_nothing(extractor):
    result = run(extractor, "وحضر ممثلو شركة هواوي حفل افتتاح محطة الطاقة الشمسية في مدينة نمنغان.")
    assert not has_builds(result, "هواوي", "الشمسية")


def test_a_ministry_that_announces_is_no_builder(extractor):
    result = run(extractor, "وأعلنت وزارة الطاقة الأوزبكية أن شركة ماسدار الإماراتية ستبني محطة للطاقة الشمسية "
                            "في ولاية بخارى.")
    assert has_builds(result, "ماسدار", "محطة للطاقة الشمسية")
    assert not has_builds(result, "وزارة الطاقة", "محطة للطاقة الشمسية")


def test_a_company_studying_a_work_builds_nothing(extractor):
    result = run(extractor, "وتدرس شركة سينوبك إمكانية بناء مصفاة جديدة في غرب كازاخستان.")
    assert not has_builds(result, "سينوبك", "مصفاة")


def test_a_works_place_is_not_its_builder(extractor):
    result = run(extractor, "وتقع محطة الطاقة الشمسية الجديدة في قرغيزستان قرب بحيرة إيسيك كول.")
    assert not has_builds(result, "قرغيزستان", "الشمسية")


def test_the_companys_country_is_not_added_beside_the_company(extractor):
    result = run(extractor, "وتبني شركة سينوهيدرو الصينية محطة روغون الكهرومائية في جنوب طاجيكستان.")
    assert has_builds(result, "سينوهيدرو", "روغون")
    assert not has_country_builds(result, "الصين", "روغون")
    assert not has_country_builds(result, "طاجيكستان", "روغون")


def test_a_company_director_talking_about_a_road_builds_nothing(extractor):
    result = run(extractor, "وقال مدير شركة تشاينا ريلواي إن الطريق السريع بين طشقند وأنديجان مهم لاقتصاد المنطقة.")
    assert not has_builds(result, "تشاينا ريلواي", "الطريق السريع")


# == second batch, written after the first fixes ===================================================

def test_a_company_in_an_aside_that_won_the_contract(extractor):
    result = run(extractor, "وقال المدير العام لشركة تشاينا جيزهوبا إن الشركة، التي فازت بعقد بناء محطة "
                            "زرافشان الكهرومائية عام 2019، أنجزت 80 في المائة من الأعمال.")
    assert has_builds(result, "جيزهوبا", "زرافشان")


@GAP
def test_a_work_executed_by_one_and_financed_by_another_in_an_aside(extractor):
    result = run(extractor, "ويعد مصنع نوائي للبوليمرات، الذي تنفذه مجموعة سينوبك للهندسة بتمويل من بنك الصين "
                            "للتنمية، أكبر مشروع صيني في البلاد.")
    assert has_builds(result, "سينوبك للهندسة", "نوائي للبوليمرات")
    assert has_builds(result, "بنك الصين للتنمية", "نوائي للبوليمرات")


def test_the_project_named_before_executed_by_a_company(extractor):
    result = run(extractor, "وافتتحت في ولاية سرخانداريا محطة شيرآباد للطاقة الشمسية بقدرة 457 ميغاواط. "
                            "وتم تنفيذ المشروع من قبل شركة الصين للطاقة الدولية.")
    assert has_builds(result, "الصين للطاقة الدولية", "شيرآباد")


def test_a_company_and_a_government_agree_to_set_up_a_fertiliser_complex(extractor):
    result = run(extractor, "ووقعت شركة هوبي ييهوا الصينية وحكومة أوزبكستان اتفاقية لإنشاء مجمع لإنتاج الأسمدة "
                            "في ولاية قشقداريا.")
    assert has_builds(result, "هوبي ييهوا", "مجمع لإنتاج الأسمدة")


@GAP
def test_a_company_will_design_build_and_operate_the_plant(extractor):
    result = run(extractor, "وستقوم شركة سي آر آر سي الصينية بتصميم وبناء وتشغيل مصنع عربات القطارات "
                            "في مدينة ألماتي.")
    assert has_builds(result, "سي آر آر سي", "عربات القطارات")


def test_a_bank_that_finances_a_named_plant(extractor):
    result = run(extractor, "ويمول بنك التنمية الآسيوي مشروع محطة كهرباء تالديكورغان الحرارية بقرض قيمته "
                            "150 مليون دولار.")
    assert has_builds(result, "بنك التنمية الآسيوي", "تالديكورغان")


@GAP
def test_a_state_company_builds_and_its_country_is_not_added(extractor):
    result = run(extractor, "وتبني شركة روس آتوم الروسية أول محطة للطاقة النووية في أوزبكستان بقدرة 2400 ميغاواط.")
    assert has_builds(result, "روس آتوم", "النووية")
    assert not has_country_builds(result, "أوزبكستان", "النووية")


def test_a_plant_built_in_cooperation_between_two_companies(extractor):
    result = run(extractor, "ويجري بناء مصنع الألواح الشمسية في مدينة شيمكنت بالتعاون بين شركة لونجي الصينية "
                            "وشركة سامروك كازينا الكازاخستانية.")
    assert has_builds(result, "لونجي", "الألواح الشمسية")
    assert has_builds(result, "سامروك", "الألواح الشمسية")


def test_china_financed_the_building_of_a_road_tunnel(extractor):
    result = run(extractor, "ومولت الصين بناء نفق شهرستان على الطريق بين دوشنبه وخوجند.")
    assert has_builds(result, "الصين", "نفق شهرستان")


def test_a_grant_to_build_a_school(extractor):
    result = run(extractor, "وقدمت الصين منحة بقيمة 30 مليون دولار لبناء مدرسة جديدة في مدينة دوشنبه.")
    assert has_builds(result, "الصين", "مدرسة")


def test_two_presidents_press_the_button_to_start_the_plant(extractor):
    result = run(extractor, "وضغط الرئيس الصيني شي جين بينغ والرئيس الكازاخستاني قاسم جومارت توكاييف عبر الفيديو "
                            "على زر تشغيل محطة جانتاس لطاقة الرياح.")
    assert has_builds(result, "توكاييف", "جانتاس")
    assert has_builds(result, "شي جين بينغ", "جانتاس")


def test_a_company_that_will_finish_building(extractor):
    result = run(extractor, "ومن المقرر أن تنتهي شركة سينوهيدرو من بناء سد كامباراتا عام 2028.")
    assert has_builds(result, "سينوهيدرو", "كامباراتا")


def test_the_works_done_by_a_company_after_the_work(extractor):
    result = run(extractor, "ونفذت أعمال بناء جسر نيجني بيانج الجديد شركة الصين للهندسة المدنية.")
    assert has_builds(result, "الصين للهندسة المدنية", "نيجني بيانج")


@GAP
def test_a_fund_that_contributed_to_a_project(extractor):
    result = run(extractor, "وساهم صندوق التعاون بين الصين وأوراسيا بمبلغ 200 مليون دولار في مشروع منجم "
                            "كومير للذهب.")
    assert has_builds(result, "صندوق التعاون بين الصين وأوراسيا", "كومير")


def test_a_premier_announces_the_start_of_operation(extractor):
    result = run(extractor, "وأعلن رئيس الوزراء الأوزبكي عبد الله عاريبوف بدء تشغيل مصنع أنغرين للنحاس.")
    assert has_builds(result, "عاريبوف", "أنغرين للنحاس")


@GAP
def test_a_work_a_gulf_company_owns(extractor):
    result = run(extractor, "وتمتلك شركة مصدر الإماراتية محطة نور نافوي للطاقة الشمسية بالكامل.")
    assert has_builds(result, "مصدر", "نور نافوي")


# -- second batch negatives ------------------------------------------------------------------------

def test_a_hope_that_companies_invest_builds_nothing(extractor):
    result = run(extractor, "وتأمل الحكومة القرغيزية أن تستثمر شركة سينوهيدرو في بناء محطة كامباراتا الكهرومائية.")
    assert not has_builds(result, "سينوهيدرو", "كامباراتا")


def test_sides_discussing_a_possible_railway_build_nothing(extractor):
    result = run(extractor, "وناقش الجانبان إمكانية بناء محطة جديدة للطاقة النووية في قرغيزستان.")
    assert not has_country_builds(result, "قرغيزستان", "النووية")


def test_a_minister_visiting_a_construction_site_builds_nothing(extractor):
    result = run(extractor, "وزار وزير الطاقة الطاجيكي موقع بناء محطة روغون الكهرومائية يوم الاثنين.")
    assert not any(r.type == "builds" for r in result.relations)


def test_the_town_near_a_plant_a_company_built_is_no_builder(extractor):
    result = run(extractor, "ويقع المصنع الذي بنته شركة هواوي قرب مدينة نمنغان.")
    assert not has_country_builds(result, "أوزبكستان", "المصنع")
    assert not any(r.type == "builds" and r.source.type == "City" for r in result.relations)


def test_a_bank_named_as_a_lender_to_a_country_builds_no_initiative(extractor):
    result = run(extractor, "وقدم بنك الصين للتنمية قروضا لطاجيكستان في إطار مبادرة الحزام والطريق.")
    assert not any(r.type == "builds" and r.target.type == "Initiative" and "بنك" in r.source.label_ar
                   for r in result.relations)


def test_a_company_that_denies_building_builds_nothing(extractor):
    result = run(extractor, "ونفت شركة تشاينا إنرجي أن تكون قد بنت محطة بيشكيك الحرارية.")
    assert not has_builds(result, "تشاينا إنرجي", "بيشكيك الحرارية")


# == third batch: long company names and financing, written after the second fixes ================

def test_a_long_state_company_name_executes_a_plant_named_by_its_product(extractor):
    result = run(extractor, "وتنفذ شركة الصين الوطنية للهندسة الكيميائية المحدودة مصنع الأمونيا في ولاية نوائي.")
    assert has_builds(result, "الصين الوطنية للهندسة الكيميائية", "الأمونيا")


def test_a_group_with_its_short_name_in_brackets_undertakes_building(extractor):
    result = run(extractor, "وتتولى مجموعة الصين لهندسة الطاقة المحدودة (إنرجي تشاينا) بناء محطة بولونغور "
                            "للطاقة الشمسية.")
    assert has_builds(result, "لهندسة الطاقة", "بولونغور")


def test_two_banks_financing_jointly(extractor):
    result = run(extractor, "ويتم تشييد المحطة الحرارية في مدينة أكتوبي بتمويل مشترك من بنك الصين للتنمية "
                            "والبنك الأوروبي لإعادة الإعمار والتنمية.")
    assert has_builds(result, "بنك الصين للتنمية", "أكتوبي")
    assert has_builds(result, "البنك الأوروبي", "أكتوبي")


def test_the_chinese_government_as_financier_is_china(extractor):
    result = run(extractor, "وتم بناء مستشفى الصداقة في مدينة بشكيك بتمويل من الحكومة الصينية.")
    assert has_country_builds(result, "الصين", "مستشفى الصداقة")


def test_a_contract_with_a_government_to_build_a_steel_plant(extractor):
    result = run(extractor, "ووقعت شركة باوتو للصلب الصينية عقدا مع الحكومة الطاجيكية لبناء مصنع للصلب "
                            "في منطقة دنغارا.")
    assert has_builds(result, "باوتو", "مصنع للصلب")


@GAP
def test_a_spelled_acronym_inside_a_company_name_is_no_other_body(extractor):
    result = run(extractor, "وأبرمت شركة تشاينا سي إن إن سي عقدا بقيمة 3 مليارات دولار لبناء محطة نووية في كازاخستان.")
    assert not any(m.entity.id == "org:cnn" for m in result.mentions)


def test_a_company_reported_to_undertake_a_smart_city(extractor):
    result = run(extractor, "وقالت الوزارة إن شركة هواوي ستتولى تنفيذ مشروع المدينة الذكية في طشقند.")
    assert has_builds(result, "هواوي", "المدينة الذكية")
    assert not has_builds(result, "الوزارة", "المدينة الذكية")


def test_the_sides_of_a_border_a_work_stands_on_are_no_builders(extractor):
    result = run(extractor, "وبنت الصين نقاطا حدودية على الحدود الطاجيكية الأفغانية.")
    assert has_country_builds(result, "الصين", "نقاط")
    assert not has_country_builds(result, "طاجيكستان", "نقاط")
    assert not has_country_builds(result, "أفغانستان", "نقاط")


def test_a_town_on_a_border_is_no_work(extractor):
    result = run(extractor, "وتقع مدينة خوروغ على الحدود بين طاجيكستان وأفغانستان.")
    assert not any(m.entity.type == "Project" for m in result.mentions)
    assert {"طاجيكستان", "أفغانستان"} <= {m.text for m in result.mentions if m.entity.type == "Country"}


def test_a_company_that_owns_a_plant_builds_it(extractor):
    """Written with the fix (تمتلك as an owner's verb): the second batch's مصدر is no name the rules know."""
    result = run(extractor, "وتمتلك شركة أكوا باور السعودية محطة سمرقند للطاقة الشمسية بالكامل.")
    assert has_builds(result, "أكوا باور", "سمرقند للطاقة الشمسية")


def test_a_country_owning_reserves_builds_nothing(extractor):
    result = run(extractor, "وتمتلك كازاخستان احتياطيات ضخمة من اليورانيوم في منطقة تركستان.")
    assert not any(r.type == "builds" for r in result.relations)
