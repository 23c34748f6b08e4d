"""Agreements and who signs them, round 6: documents named by their kind and subject, decrees of
one signer, documents signed by companies the gazetteer knows, plural documents only planned.
Sentences written for these tests."""
from __future__ import annotations

from silkgraph.normalize import phrase_key
from extraction_helpers import agreement_forms, agreements, has_form, run, signer_ids, signers


# -- a presidential decision is a decree: one signer, its subject and partner in its forms ---------

def test_a_presidential_decision_with_its_subject_is_a_decree_of_its_signer(extractor):
    result = run(extractor, "وقع الرئيس الأوزبكي شوكت ميرضيائيف قرارا رئاسيا بشأن تدابير تطوير التعاون "
                            "مع الصين في مجال الصناعة.")
    assert has_form(result, "قرارا رئاسيا بشأن تدابير تطوير التعاون مع الصين في مجال الصناعة")
    assert "شوكت ميرضيائيف" in signers(result)
    assert "country:CN" not in signer_ids(result)


def test_a_definite_presidential_decision_on_a_zone_is_a_decree(extractor):
    result = run(extractor, "وبموجب القرار الرئاسي بشأن إنشاء المنطقة الاقتصادية الحرة في ولاية نمنغان، "
                            "ستحصل الشركات الصينية على إعفاءات ضريبية.")
    assert any(a.startswith("agreement:decree:") for a in agreements(result))


def test_a_decision_without_its_subject_is_no_document(extractor):
    result = run(extractor, "وأصدر الرئيس قرارا رئاسيا يقضي بتعيين سفير جديد لدى بكين.")
    assert not agreements(result)


def test_a_decree_of_a_leader_with_a_dateline_city(extractor):
    result = run(extractor, "أستانا، 5 يونيو (شينخوا) -- وقع الرئيس الكازاخستاني قاسم جومارت توكاييف مرسوما "
                            "بشأن إنشاء منطقة اقتصادية خاصة في مدينة خورغوس.")
    assert has_form(result, "مرسوما بشأن إنشاء منطقة اقتصادية خاصة في مدينة خورغوس")
    assert "قاسم جومارت توكاييف" in signers(result)
    assert not any(s.startswith("city:") for s in signer_ids(result))


def test_a_decree_with_its_partner_and_field_keeps_the_whole_subject(extractor):
    result = run(extractor, "ووقع الرئيس الطاجيكي إمام علي رحمن مرسوما بشأن تعزيز التعاون الاقتصادي "
                            "مع جمهورية الصين الشعبية في مجال الطاقة، حسبما أفادت الرئاسة.")
    assert has_form(result, "مرسوما بشأن تعزيز التعاون الاقتصادي مع جمهورية الصين الشعبية في مجال الطاقة")
    assert "country:CN" not in signer_ids(result)


# -- documents planned, not signed: no node --------------------------------------------------------

def test_documents_two_sides_intend_to_sign_are_no_node(extractor):
    result = run(extractor, "وقال المسؤول إن البلدين يعتزمان توقيع اتفاقيات لتصدير الغاز في المستقبل القريب.")
    assert not agreements(result)


def test_documents_the_ministries_plan_to_sign_are_no_node(extractor):
    result = run(extractor, "وأوضح أن الوزارتين تخططان لتوقيع 12 اتفاقية في مجالات الزراعة والنقل خلال الزيارة.")
    assert not agreements(result)


def test_documents_to_be_signed_at_the_summit_are_no_node(extractor):
    result = run(extractor, "ومن المزمع أن يوقع الجانبان خلال القمة عددا من الاتفاقيات في مجالات الطاقة والنقل.")
    assert not agreements(result)


def test_documents_signed_in_the_past_stay_a_node(extractor):
    result = run(extractor, "ووقع البلدان خلال الزيارة 15 وثيقة تعاون في مجالات الطاقة والزراعة والنقل.")
    assert has_form(result, "15 وثيقة تعاون في مجالات الطاقة والزراعة والنقل")


# -- a document between known companies: they sign it ----------------------------------------------

def test_an_agreement_between_two_companies_after_their_heads_is_signed_by_both(extractor):
    result = run(extractor, "ووقعت الشركتان اتفاقية بين شركة هواوي الصينية وشركة كازموناي غاز لبناء مركز "
                            "للبيانات في أستانا.")
    assert any(f.startswith(phrase_key("اتفاقية بين شركة هواوي الصينية وشركة كازموناي غاز لبناء مركز"))
               for f in agreement_forms(result))
    assert {"org:huawei", "org:kazmunaygas"} <= signer_ids(result)


def test_the_agreement_signed_between_two_companies_for_a_work_is_a_node_they_sign(extractor):
    result = run(extractor, "وبحسب الاتفاق الموقع بين شركة كازموناي غاز وشركة سينوبك لبناء مصنع للأسمدة، "
                            "ستبلغ الطاقة الإنتاجية مليون طن سنويا.")
    assert has_form(result, "الاتفاق الموقع بين شركة كازموناي غاز وشركة سينوبك لبناء مصنع للأسمدة")
    assert {"org:kazmunaygas", "org:sinopec"} <= signer_ids(result)


def test_the_agreement_signed_between_two_countries_for_a_work_is_a_node_they_sign(extractor):
    result = run(extractor, "وقال الوزير إن الاتفاقية الموقعة بين الصين وقرغيزستان لبناء محطة للطاقة الشمسية "
                            "ستوفر آلاف الوظائف.")
    assert agreements(result)
    assert {"country:CN", "country:KG"} <= signer_ids(result)


def test_the_agreement_signed_alone_refers_back_and_is_no_new_node(extractor):
    result = run(extractor, "وأكد أن الاتفاق الموقع سيعزز التعاون بين البلدين.")
    assert not agreements(result)


def test_an_agreement_between_a_group_and_a_company_on_a_field(extractor):
    result = run(extractor, "ووقع الجانبان اتفاقا بين مجموعة سينوبك وشركة كازموناي غاز بشأن تطوير حقل كاشاغان.")
    assert has_form(result, "اتفاقا بين مجموعة سينوبك وشركة كازموناي غاز بشأن تطوير حقل كاشاغان")
    assert {"org:sinopec", "org:kazmunaygas"} <= signer_ids(result)


# -- the two ministers named after a dual title sign, with their countries -------------------------

def test_two_ministers_named_after_a_dual_title_sign_the_plan_of_their_ministries(extractor):
    result = run(extractor, "ووقع وزيرا خارجية البلدين وانغ يي وبختيار سعيدوف خطة التعاون بين وزارتي "
                            "الخارجية للفترة 2025-2027.")
    assert has_form(result, "خطة التعاون بين وزارتي الخارجية للفترة 2025-2027")
    assert {"وانغ يي", "بختيار سعيدوف"} <= signers(result)


def test_two_prime_ministers_named_after_a_dual_title_sign(extractor):
    result = run(extractor, "وفي ختام المحادثات، وقع رئيسا وزراء البلدين لي تشيانغ وأولجاس بكتينوف اتفاقية "
                            "للتعاون في مجال الطاقة الخضراء.")
    assert {"لي تشيانغ", "أولجاس بكتينوف"} <= signers(result)
    assert has_form(result, "اتفاقية للتعاون في مجال الطاقة الخضراء")


def test_a_dual_title_without_names_makes_no_president_a_signer(extractor):
    result = run(extractor, "واستقبل الرئيس الصيني شي جين بينغ الرئيس الكازاخستاني قاسم جومارت توكاييف. "
                            "ووقع وزيرا خارجية البلدين اتفاقية للتعاون في مجال الطاقة الخضراء.")
    assert not any(s.startswith("leader:") for s in signer_ids(result))
    assert {"country:CN", "country:KZ"} <= signer_ids(result)


def test_the_plan_between_the_two_foreign_ministries_of_both_countries_keeps_its_years(extractor):
    result = run(extractor, "ووقع الجانبان خطة التعاون بين وزارتي خارجية البلدين للفترة 2025-2027.")
    assert has_form(result, "خطة التعاون بين وزارتي خارجية البلدين للفترة 2025-2027")


# -- where the work a document is for stands belongs to its name -----------------------------------

def test_the_port_a_logistics_centre_is_built_in_belongs_to_the_agreement(extractor):
    result = run(extractor, "ووقع رئيس الوزراء الكازاخستاني أولجاس بكتينوف، خلال زيارته إلى بكين التي استغرقت "
                            "يومين، اتفاقية لإنشاء مركز لوجستي مشترك في ميناء ليانيونقانغ.")
    assert has_form(result, "اتفاقية لإنشاء مركز لوجستي مشترك في ميناء ليانيونقانغ")
    assert "أولجاس بكتينوف" in signers(result)
    assert "city:beijing-cn" not in signer_ids(result)


def test_the_country_a_corridor_crosses_and_the_years_belong_to_the_roadmap(extractor):
    result = run(extractor, "ووقعت وزارة النقل الأوزبكية والمؤسسة الصينية للسكك الحديدية خارطة طريق لتطوير "
                            "ممر النقل الدولي عبر قرغيزستان للفترة 2025-2027.")
    assert has_form(result, "خارطة طريق لتطوير ممر النقل الدولي عبر قرغيزستان للفترة 2025-2027")
    assert "country:KG" not in signer_ids(result)


def test_where_cooperation_is_developed_is_no_part_of_the_name(extractor):
    result = run(extractor, "ووقع الجانبان اتفاقية لتطوير التعاون في بكين يوم الاثنين.")
    assert not any("بكين" in f for f in agreement_forms(result))


# -- a quantity supplied: the document goes on through it -------------------------------------------

def test_an_agreement_to_supply_a_quantity_of_gas_each_year_is_named_through_it(extractor):
    result = run(extractor, "ووقعت الصين وتركمانستان اتفاقية طويلة الأمد لتوريد 65 مليار متر مكعب من الغاز "
                            "الطبيعي سنويا إلى الصين.")
    assert has_form(result, "اتفاقية طويلة الأمد لتوريد 65 مليار متر مكعب من الغاز الطبيعي سنويا إلى الصين")
    assert {"country:CN", "country:TM"} <= signer_ids(result)


def test_a_contract_to_supply_tonnes_of_wheat_is_a_document(extractor):
    result = run(extractor, "وقالت الوزارة إن البلدين وقعا عقدا لتوريد 5 ملايين طن من القمح إلى الصين "
                            "خلال ثلاث سنوات.")
    assert has_form(result, "عقدا لتوريد 5 ملايين طن من القمح إلى الصين")


def test_a_contract_in_construct_to_supply_counted_goods_ends_before_their_maker(extractor):
    result = run(extractor, "ووقع الطرفان عقد توريد 50 قاطرة كهربائية من شركة سي آر آر سي الصينية إلى "
                            "السكك الحديدية الأوزبكية.")
    assert has_form(result, "عقد توريد 50 قاطرة كهربائية")


def test_an_additional_agreement_to_supply_gas_is_named_by_its_quantity(extractor):
    result = run(extractor, "وعلى هامش المنتدى، وقعت شركة النفط الوطنية الصينية اتفاقية إضافية لتوريد 10 مليارات "
                            "متر مكعب من الغاز.")
    assert has_form(result, "اتفاقية إضافية لتوريد 10 مليارات متر مكعب من الغاز")


# -- a document for carrying out a named initiative -------------------------------------------------

def test_an_action_plan_to_carry_out_a_named_initiative_keeps_it_in_its_name(extractor):
    result = run(extractor, "وأكد الرئيس أن خطة العمل المشتركة لتنفيذ مبادرة الحزام والطريق التي وقعها البلدان "
                            "عام 2018 حققت نتائج ملموسة.")
    assert has_form(result, "خطة العمل المشتركة لتنفيذ مبادرة الحزام والطريق")
    assert "مبادرة الحزام والطريق" in {m.text for m in result.mentions if m.entity.type == "Initiative"}


def test_a_programme_to_carry_out_a_named_initiative_keeps_its_years(extractor):
    result = run(extractor, "ووقع الجانبان برنامج التعاون لتنفيذ مبادرة الحزام والطريق للفترة 2024-2028.")
    assert has_form(result, "برنامج التعاون لتنفيذ مبادرة الحزام والطريق للفترة 2024-2028")


# -- what held before: coordination, a document before its verb, a dateline, witnesses -------------

def test_three_coordinated_documents_signed_together_are_each_named(extractor):
    result = run(extractor, "ووقع الجانبان خلال الزيارة اتفاقية لبناء محطة للطاقة الشمسية بقدرة 500 ميغاواط في "
                            "منطقة سمرقند واتفاقية لتحديث شبكة الكهرباء ومذكرة تفاهم حول التعاون في مجال "
                            "التعليم المهني.")
    assert has_form(result, "اتفاقية لتحديث شبكة الكهرباء")
    assert has_form(result, "مذكرة تفاهم حول التعاون في مجال التعليم المهني")
    assert len(agreements(result)) == 3


def test_a_document_named_before_the_verb_signing_it_is_signed_by_the_countries_after_it(extractor):
    result = run(extractor, "وأشار إلى أن اتفاقية النقل البري الدولي التي وقعتها الصين وكازاخستان وقرغيزستان "
                            "عام 2019 ساهمت في زيادة حركة الشاحنات.")
    assert has_form(result, "اتفاقية النقل البري الدولي")
    assert {"country:CN", "country:KZ", "country:KG"} <= signer_ids(result)


def test_a_dateline_city_signs_nothing(extractor):
    result = run(extractor, "بكين، 17 مايو (شينخوا) -- وقعت الصين وأوزبكستان اليوم الجمعة اتفاقية للتعاون في "
                            "مجال الاستخدام السلمي للطاقة النووية.")
    assert {"country:CN", "country:UZ"} <= signer_ids(result)
    assert not any(s.startswith("city:") for s in signer_ids(result))


def test_leaders_witnessing_a_signing_let_their_countries_sign(extractor):
    result = run(extractor, "وشهد الرئيسان شي جين بينغ وشوكت ميرضيائيف توقيع اتفاقية التعاون في مجال التجارة "
                            "الإلكترونية بين البلدين.")
    assert {"country:CN", "country:UZ"} <= signer_ids(result)


def test_holding_talks_is_no_contract(extractor):
    result = run(extractor, "وعقد الرئيسان جلسة مباحثات موسعة في قصر الشعب ببكين تناولت العلاقات الثنائية.")
    assert not agreements(result)
