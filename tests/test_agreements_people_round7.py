"""Agreements, who signs them, and people, round 7: documents named by their kind and topic,
signers in the common constructions, leaders after long titles, women's and patronymic names,
Chinese two-syllable names, and the negatives (planned or generic documents, a city that is a
city). Sentences written for these tests.

First batch before any fix: 33/38 (two probes then revised to the odd gold's convention, see
them), after: 38/38. Second batch, written after the first fixes: 21/23 on first run, after: 23/23.
Third batch: 5/6 on first run and one of the two town probes failing (the second written with its
fix), after: 8/8. Fourth batch: one of two seen failing before its fix, after: 2/2. Fifth batch: the first seen
failing before its fix, after: 3/3. Sixth batch: the first three seen failing before their
fixes (one cut to ماميدوفا alone), after: 4/4. A last town probe, seen failing before its fix; a lone family
name after a title, seen missed before its fix, and its guard: 2/2. Whole file: 81/81."""
from __future__ import annotations

from silkgraph.normalize import phrase_key
from extraction_helpers import agreement_forms, agreements, has_form, mention_texts, run, signer_ids, signers


def people(result):
    return mention_texts(result, "Leader") | mention_texts(result, "Person")


# -- documents named by their kind and topic ------------------------------------------------------

def test_an_agreement_on_a_field_of_cooperation(extractor):
    result = run(extractor, "ووقع الجانبان اتفاقية بشأن التعاون في مجال الطاقة المتجددة.")
    assert has_form(result, "اتفاقية بشأن التعاون في مجال الطاقة المتجددة")


def test_an_agreement_about_supplying_gas(extractor):
    result = run(extractor, "ووقعت شركة النفط الوطنية الصينية وشركة تركمان غاز اتفاقا حول توريد الغاز الطبيعي.")
    assert has_form(result, "اتفاقا حول توريد الغاز الطبيعي")


def test_a_memorandum_for_cooperation_in_a_field(extractor):
    result = run(extractor, "ووقعت وزارة الزراعة الطاجيكية مع نظيرتها الصينية مذكرة تفاهم للتعاون في مجال الري.")
    assert has_form(result, "مذكرة تفاهم للتعاون في مجال الري")


def test_a_joint_action_plan(extractor):
    result = run(extractor, "ووقع وزيرا الخارجية خطة عمل مشتركة لتنفيذ مبادرة الحزام والطريق.")
    assert any(f.startswith(phrase_key("خطة عمل مشتركة")) for f in agreement_forms(result))


def test_a_joint_statement_the_presidents_signed(extractor):
    result = run(extractor, "ووقع الرئيسان شي جين بينغ وسادير جاباروف بيانا مشتركا حول تعميق الشراكة الاستراتيجية الشاملة.")
    assert has_form(result, "بيانا مشتركا حول تعميق الشراكة الاستراتيجية الشاملة")


def test_a_declaration_named_by_its_city(extractor):
    result = run(extractor, "واعتمد القادة في ختام القمة إعلان أستانا الذي يحدد أولويات التعاون.")
    assert has_form(result, "إعلان أستانا")


def test_a_treaty_of_good_neighbourliness(extractor):
    result = run(extractor, "وأشار إلى أن معاهدة حسن الجوار والصداقة والتعاون بين البلدين تشكل أساسا متينا للعلاقات.")
    assert any(f.startswith(phrase_key("معاهدة حسن الجوار")) for f in agreement_forms(result))


def test_a_border_management_plan(extractor):
    result = run(extractor, "ووقعت الصين وقيرغيزستان على خطة لإدارة الحدود المشتركة بين البلدين.")
    assert any(f.startswith(phrase_key("خطة لإدارة الحدود")) for f in agreement_forms(result))


def test_a_border_management_plan_is_signed_by_both_countries(extractor):
    result = run(extractor, "ووقعت الصين وقيرغيزستان على خطة لإدارة الحدود المشتركة بين البلدين.")
    assert {"country:CN", "country:KG"} <= signer_ids(result)


def test_a_presidential_decree_on_a_subject(extractor):
    result = run(extractor, "ووقع الرئيس التركمانستاني سردار بيردي محمدوف مرسوما رئاسيا بشأن إنشاء مجمع لمعالجة الغاز.")
    assert any(f.startswith(phrase_key("مرسوما رئاسيا بشأن إنشاء مجمع")) for f in agreement_forms(result))


def test_a_decree_is_signed_by_the_leader(extractor):
    result = run(extractor, "ووقع الرئيس التركمانستاني سردار بيردي محمدوف مرسوما رئاسيا بشأن إنشاء مجمع لمعالجة الغاز.")
    assert "سردار بيردي محمدوف" in signers(result)


def test_a_production_sharing_agreement_for_a_field(extractor):
    result = run(extractor, "ووقعت الشركة الصينية على حصة في اتفاقية تقاسم الإنتاج لحقل كاراتشاغاناك.")
    assert has_form(result, "اتفاقية تقاسم الإنتاج لحقل كاراتشاغاناك")


def test_plural_agreements_to_export_gas_signed(extractor):
    result = run(extractor, "ووقع البلدان اتفاقيات لتصدير الغاز إلى الصين عبر خط الأنابيب.")
    assert agreements(result)


def test_cooperation_documents_signed_by_both_countries(extractor):
    # revised after reading the odd gold: documents named together are annotated by a count or a
    # definite kind (خمس اتفاقيات، الوثائق التعاونية), never a bare indefinite plural
    result = run(extractor, "ووقعت كازاخستان والصين خلال الزيارة 12 وثيقة تعاون في مجالات النقل والطاقة.")
    assert {"country:KZ", "country:CN"} <= signer_ids(result)


def test_the_label_has_no_verb_or_trailing_party(extractor):
    result = run(extractor, "ووقع وزير الطاقة الأوزبكي اتفاقية بشأن بناء محطة للطاقة الشمسية مع شركة تشاينا إنرجي.")
    assert has_form(result, "اتفاقية بشأن بناء محطة للطاقة الشمسية")


# -- who signs -------------------------------------------------------------------------------------

def test_the_two_countries_signed(extractor):
    result = run(extractor, "وأجرى شي جين بينغ محادثات مع نظيره الطاجيكي إمام علي رحمن. ووقع البلدان اتفاقية "
                            "بشأن التعاون في مجال التعدين.")
    assert {"country:CN", "country:TJ"} <= signer_ids(result)


def test_signed_between_two_countries_in_the_passive(extractor):
    result = run(extractor, "وتم التوقيع على اتفاقية للتعاون في مجال الزراعة بين الصين وأوزبكستان.")
    assert {"country:CN", "country:UZ"} <= signer_ids(result)


def test_signatories_given_after_the_document(extractor):
    result = run(extractor, "ووقعت اتفاقية بشأن بناء الطريق السريع، ووقعها عن الجانب الصيني وزير النقل لي شياو بينغ "
                            "وعن الجانب القيرغيزي وزير النقل توماس توكوشيف.")
    assert {"لي شياو بينغ", "توماس توكوشيف"} <= signers(result)


def test_a_company_and_a_ministry_sign_a_contract(extractor):
    result = run(extractor, "ووقعت وزارة الطاقة الكازاخستانية وشركة سينوبك عقدا لبناء مصنع للبتروكيماويات في أتيراو.")
    assert len(signer_ids(result)) >= 2


# -- people ----------------------------------------------------------------------------------------

def test_a_name_after_a_long_title(extractor):
    result = run(extractor, "وقال نائب رئيس الوزراء وزير الاستثمار والتجارة الخارجية الأوزبكي لازيز قدراتوف إن "
                            "حجم الاستثمارات الصينية ارتفع.")
    assert "لازيز قدراتوف" in people(result)


def test_a_womans_name_is_whole(extractor):
    result = run(extractor, "والتقت وزيرة الصحة الأذربيجانية تيمورا ماميدوفا بالسفير الصيني.")
    assert "تيمورا ماميدوفا" in people(result)


def test_a_womans_name_with_a_patronymic_ending(extractor):
    result = run(extractor, "وقالت نائبة وزير الخارجية الكازاخستاني أيبيك سمادياروفا إن الزيارة ناجحة.")
    assert "أيبيك سمادياروفا" in people(result)


def test_a_chinese_two_syllable_name_is_whole(extractor):
    result = run(extractor, "والتقى الرئيس ميرضيائيف بوزير الخارجية الصيني تشين قانغ في طشقند.")
    assert "تشين قانغ" in people(result)


def test_a_chinese_three_syllable_name_after_a_title(extractor):
    result = run(extractor, "واستقبل رئيس الوزراء الكازاخستاني وزير التجارة الصيني وانغ ون تاو.")
    assert "وانغ ون تاو" in people(result)


def test_a_turkic_oglu_name(extractor):
    result = run(extractor, "وشارك وزير الاقتصاد الأذربيجاني ميكائيل جباروف ووزير الخارجية جيحون بيراموف أوغلي في الاجتماع.")
    assert "ميكائيل جباروف" in people(result)


def test_a_name_with_a_family_name_that_is_a_city(extractor):
    result = run(extractor, "وقال رئيس الوزراء القيرغيزي أديلبيك كاسيمالييف إن بلاده مستعدة للتعاون.")
    assert "أديلبيك كاسيمالييف" in people(result)


def test_a_name_after_the_ambassador_title(extractor):
    result = run(extractor, "وقال السفير الصيني لدى تركمانستان جي شويه تشنغ إن التعاون في مجال الغاز يتعمق.")
    assert any("جي شويه" in p for p in people(result))


def test_a_governor_after_his_title_and_province(extractor):
    result = run(extractor, "واستقبل حاكم مقاطعة ألماتي مارات سلطانغازييف وفدا من مقاطعة شينجيانغ.")
    assert "مارات سلطانغازييف" in people(result)


def test_a_minister_leads_his_country(extractor):
    result = run(extractor, "وقال وزير الخارجية الطاجيكي سراج الدين مهر الدين إن بلاده تدعم المبادرة.")
    assert "سراج الدين مهر الدين" in people(result)


def test_a_deputy_chairman_name_after_title_and_body(extractor):
    result = run(extractor, "وقال نائب رئيس اللجنة الوطنية للتنمية والإصلاح الصينية تشاو تشن شين إن المشروع سيكتمل.")
    assert any("تشاو تشن" in p for p in people(result))


# -- negatives -------------------------------------------------------------------------------------

def test_a_hoped_for_agreement_is_no_node(extractor):
    result = run(extractor, "ويأمل الجانبان في توقيع اتفاقية بشأن التجارة الحرة خلال العام المقبل.")
    assert not agreements(result)


def test_an_agreement_scheduled_to_be_signed_is_a_node(extractor):
    # revised after reading the odd gold: a document the dispatch says is to be signed (A07: من المقرر
    # أن يوقع … على إعلان بشكيك) is annotated; only a hope or a call is not
    result = run(extractor, "ومن المقرر أن يوقع البلدان اتفاقية بشأن تبسيط إجراءات التأشيرات العام المقبل.")
    assert agreements(result)


def test_previously_signed_agreements_mentioned_generically_are_no_node(extractor):
    result = run(extractor, "ودعا إلى تنفيذ الاتفاقيات الموقعة سابقا بين البلدين بشكل كامل.")
    assert not agreements(result)


def test_agreements_reached_between_the_leaders_are_no_node(extractor):
    result = run(extractor, "وأكد على ضرورة تنفيذ التوافقات المهمة التي توصل إليها رئيسا البلدين.")
    assert not agreements(result)


def test_a_city_after_a_city_word_is_no_person(extractor):
    result = run(extractor, "ووصل الوفد إلى مدينة خوجند في شمال طاجيكستان.")
    assert not people(result)


def test_a_news_agency_in_the_body_is_no_signer(extractor):
    result = run(extractor, "وذكرت وكالة الأنباء الكازاخستانية (كازينفورم) أن البلدين وقعا اتفاقية بشأن النقل.")
    assert not any("كازينفورم" in s for s in signers(result))


def test_a_verb_after_a_title_is_no_name(extractor):
    result = run(extractor, "وقال وزير الخارجية الصيني إن الصين مستعدة للعمل مع أوزبكستان.")
    assert not people(result)


def test_the_signing_country_is_no_signer_of_an_unsigned_agreement(extractor):
    result = run(extractor, "وناقش الجانبان مشروع اتفاقية بشأن التعاون في مجال الطاقة النووية.")
    assert not signer_ids(result)


# == second batch, written after the first fixes =================================================

def test_a_framework_agreement_for_investment(extractor):
    result = run(extractor, "ووقع الجانبان على اتفاقية إطارية للتعاون في مجال الاستثمار والقدرة الإنتاجية.")
    assert any(f.startswith(phrase_key("اتفاقية إطارية للتعاون في مجال الاستثمار")) for f in agreement_forms(result))


def test_a_production_sharing_agreement_signed_by_two_companies(extractor):
    result = run(extractor, "ووقعت مجموعة سينوبك الصينية وشركة قازموناي غاز اتفاقية تقاسم الإنتاج لحقل داريال.")
    assert len(signer_ids(result)) >= 2


def test_a_memorandum_between_two_ministries_is_signed_by_both(extractor):
    result = run(extractor, "كما تم توقيع مذكرة تفاهم بين وزارة الاقتصاد الأوزبكية واللجنة الوطنية للتنمية والإصلاح "
                            "الصينية بشأن التعاون في مجال القدرة الإنتاجية.")
    assert len(signer_ids(result)) >= 2


def test_two_premiers_sign_an_action_plan(extractor):
    result = run(extractor, "ووقع رئيس مجلس الدولة الصيني لي تشيانغ ونظيره القيرغيزي أديلبيك كاسيمالييف على خطة عمل "
                            "للتعاون الاقتصادي والتجاري للفترة 2025-2030.")
    assert {"لي تشيانغ", "أديلبيك كاسيمالييف"} <= signers(result)


def test_a_joint_statement_issued_by_the_two_sides(extractor):
    result = run(extractor, "وأصدر الجانبان في ختام المحادثات بيانا مشتركا.")
    assert agreements(result)


def test_a_protocol_on_phytosanitary_requirements(extractor):
    result = run(extractor, "ووقع الجانبان بروتوكولا بشأن المتطلبات الصحية للقمح المصدر من كازاخستان إلى الصين.")
    assert any(f.startswith(phrase_key("بروتوكولا بشأن المتطلبات الصحية")) or
               f.startswith(phrase_key("بروتوكول بشأن المتطلبات الصحية")) for f in agreement_forms(result))


def test_a_loan_agreement_with_its_value(extractor):
    result = run(extractor, "ووقعت وزارة المالية الطاجيكية وبنك التصدير والاستيراد الصيني اتفاقية قرض بقيمة 500 مليون دولار.")
    assert agreements(result)


def test_signatories_from_each_side_after_the_verb(extractor):
    result = run(extractor, "ووقع البلدان اتفاقية بشأن تطوير حقل النفط. ووقع الاتفاقية عن الجانب الكازاخستاني وزير الطاقة ألماسادام ساتكالييف وعن الجانب الصيني "
                            "رئيس شركة النفط الوطنية الصينية داي هو ليانغ.")
    assert {"ألماسادام ساتكالييف", "داي هو ليانغ"} <= signers(result)


def test_documents_the_presidents_witnessed_are_signed_by_both_countries(extractor):
    result = run(extractor, "وأجرى الرئيس الصيني شي جين بينغ محادثات مع الرئيس الأوزبكي شوكت ميرضيائيف في بكين، "
                            "وشهد الرئيسان توقيع 15 وثيقة تعاون في مجالات الاستثمار والزراعة.")
    assert {"country:CN", "country:UZ"} <= signer_ids(result)


def test_an_agreement_signed_in_the_passive_during_the_visit(extractor):
    result = run(extractor, "ووقعت خلال الزيارة اتفاقية بشأن إنشاء مركز ثقافي صيني في دوشنبه.")
    assert any(f.startswith(phrase_key("اتفاقية بشأن إنشاء مركز ثقافي صيني")) for f in agreement_forms(result))


def test_hope_expressed_with_a_noun_is_no_node(extractor):
    result = run(extractor, "وأعرب الوزير عن أمله في توقيع اتفاقية بشأن التجارة الحرة بين البلدين قريبا.")
    assert not agreements(result)


def test_documents_signed_earlier_referred_to_are_no_node(extractor):
    result = run(extractor, "وأكد الجانبان التزامهما بتنفيذ الاتفاقيات الموقعة بين البلدين وفقا للجدول الزمني.")
    assert not agreements(result)


def test_the_agreement_reached_is_no_document(extractor):
    result = run(extractor, "وقال إن الاتفاق الذي تم التوصل إليه سيعزز التجارة.")
    assert not agreements(result)


def test_a_name_after_a_deputy_premier_and_foreign_minister_title(extractor):
    result = run(extractor, "وقال نائب رئيس الوزراء ووزير الخارجية الكازاخستاني مورات نورتليو إن بلاده تدعم المبادرة.")
    assert "مورات نورتليو" in people(result)


def test_a_family_name_that_is_a_common_word(extractor):
    result = run(extractor, "وقال وزير الطاقة والموارد المائية الطاجيكي دالير جمعة إن المحطة ستكتمل العام المقبل.")
    assert "دالير جمعة" in people(result)


def test_a_womans_name_after_the_senate_chair_title(extractor):
    result = run(extractor, "والتقت رئيسة مجلس الشيوخ الأوزبكي تنزيلة نربايفا بنائب رئيس المجلس الوطني الصيني.")
    assert "تنزيلة نربايفا" in people(result)


def test_a_name_that_holds_a_city_is_a_person_not_the_city(extractor):
    result = run(extractor, "وقال الرئيس الكازاخستاني الأول نور سلطان نزارباييف إن العلاقات مع الصين ممتازة.")
    assert "نور سلطان نزارباييف" in people(result) and not mention_texts(result, "City")


def test_a_chinese_name_after_a_company_chief_title(extractor):
    result = run(extractor, "وقال رئيس مجلس إدارة شركة باور تشاينا دينغ يان تشاو إن الشركة ستبني المحطة.")
    assert any("دينغ يان" in p for p in people(result))


def test_a_chinese_two_syllable_name_after_the_vice_premier_title(extractor):
    result = run(extractor, "وحضر نائب رئيس مجلس الدولة الصيني هان تشنغ حفل التوقيع.")
    assert "هان تشنغ" in people(result)


def test_a_kyrgyz_minister_with_uulu(extractor):
    result = run(extractor, "وقال وزير الاقتصاد القيرغيزي دانيار أمانغلدييف إن التبادل التجاري مع الصين ارتفع.")
    assert "دانيار أمانغلدييف" in people(result)


def test_a_name_with_an_initial(extractor):
    result = run(extractor, "وقال رئيس شركة السكك الحديدية الكازاخستانية ن. ساوريكوف إن الخط سيفتتح.")
    assert any("ساوريكوف" in p for p in people(result))


def test_a_chinese_family_name_and_a_verb_is_no_person(extractor):
    result = run(extractor, "وقال التقرير إن تشانغ أشرف أثناء الزيارة على توقيع خمس اتفاقيات.")
    assert not any("أشرف" in p for p in people(result))


def test_two_sides_unknown_are_no_agency_signers(extractor):
    result = run(extractor, "وأفادت وكالة شينخوا بأن الجانبين وقعا مذكرة تفاهم بشأن التعاون في مجال الإعلام.")
    assert not any("شينخوا" in s for s in signers(result))


# == third batch, written after the second fixes =================================================

def test_a_womans_family_name_ends_her_name(extractor):
    result = run(extractor, "والتقت السفيرة الأذربيجانية لدى الصين أكرم ماميدوفا بمسؤولين صينيين.")
    assert "أكرم ماميدوفا" in people(result)


def test_a_patronymic_does_not_end_a_name(extractor):
    result = run(extractor, "وقال الرئيس الروسي فلاديمير فلاديميروفيتش بوتين إن روسيا تدعم الممر.")
    assert any(p.endswith("بوتين") for p in people(result))


def test_a_kyzy_name_after_a_title(extractor):
    result = run(extractor, "وقالت نائبة وزير الاقتصاد القيرغيزي أيدا كاسيمبيك قيزي إن الاستثمارات الصينية زادت.")
    assert "أيدا كاسيمبيك قيزي" in people(result)


def test_a_name_after_a_body_title_ends_before_a_preposition_phrase(extractor):
    result = run(extractor, "واجتمعت وزيرة العمل الكازاخستانية سفيتلانا جاكوبوفا بوفد من شركة هواوي.")
    assert "سفيتلانا جاكوبوفا" in people(result)


def test_an_envoy_named_after_a_long_double_title(extractor):
    result = run(extractor, "وقال المبعوث الخاص للرئيس الصيني ونائب رئيس اللجنة الدائمة للمجلس الوطني لنواب الشعب "
                            "الصيني تساي دا فنغ إن الزيارة ناجحة.")
    assert "تساي دا فنغ" in people(result)


def test_ministries_sign_a_plan_for_border_management(extractor):
    result = run(extractor, "ووقعت وزارة الداخلية الطاجيكية ووزارة الأمن العام الصينية خطة لإدارة الحدود للفترة 2024-2026.")
    assert len(signer_ids(result)) >= 2


def test_a_family_name_the_gazetteer_reads_as_a_town(extractor):
    result = run(extractor, "وقال مدير شركة الموانئ البحرية عبد الرحمن أكتاو إن الميناء جاهز.")
    assert "عبد الرحمن أكتاو" in people(result) and not mention_texts(result, "City")


def test_a_town_a_minister_visits_after_his_full_name_stays_a_town(extractor):
    result = run(extractor, "وزار وزير النقل الكازاخستاني مارات كاراباييف أكتاو يوم الاثنين.")
    assert "أكتاو" in mention_texts(result, "City") and "مارات كاراباييف" in people(result)


# == fourth batch, written after the third fixes ==================================================

def test_a_side_signer_titled_by_a_ministry_no_title_lists(extractor):
    result = run(extractor, "ووقعت الصين وقيرغيزستان على خطة لإدارة الحدود، وقعها عن الجانب الصيني وزير الأمن العام "
                            "وانغ شياو هونغ.")
    assert "وانغ شياو هونغ" in signers(result)


def test_a_chinese_family_name_alone_with_two_such_people_stays_unresolved(extractor):
    result = run(extractor, "والتقى وانغ يي مع وانغ ون تاو في بكين. وقال وانغ إن التعاون مهم.")
    assert {"وانغ يي", "وانغ ون تاو"} <= people(result)


# == fifth batch: a president's decision, issued ================================================

def test_a_decision_a_president_issues_is_his_decree(extractor):
    result = run(extractor, "وأصدر الرئيس الأوزبكي إسلام كريموف قرارا بشأن بناء خط السكك الحديدية أنغرين-باب.")
    assert any(a.startswith("agreement:decree:") for a in agreements(result))
    assert "إسلام كريموف" in signers(result)


def test_a_government_decision_is_no_decree(extractor):
    result = run(extractor, "واتخذت الحكومة قرارا بشأن زيادة الرسوم الجمركية على الواردات.")
    assert not agreements(result)


def test_a_ministry_issuing_a_statement_signs_nothing(extractor):
    result = run(extractor, "وأصدرت وزارة الخارجية الكازاخستانية بيانا رحبت فيه بالزيارة.")
    assert not signer_ids(result)


# == sixth batch: women's first names that are common words or titles ============================

def test_a_womans_first_name_that_is_a_common_word_after_her_title(extractor):
    result = run(extractor, "وقالت نائبة رئيس الوزراء الأذربيجانية جميلة ماميدوفا إن بلادها تدعم الممر.")
    assert "جميلة ماميدوفا" in people(result)


def test_a_womans_first_name_that_is_a_title_word_after_her_title(extractor):
    result = run(extractor, "وقالت وزيرة الخارجية الأذربيجانية أمينة علييفا إن بلادها تدعم الممر.")
    assert "أمينة علييفا" in people(result)


def test_a_womans_first_name_that_is_a_title_word_after_madam(extractor):
    result = run(extractor, "وأكدت السيدة أمينة ماميدوفا أن التعاون مع الصين يتطور.")
    assert "أمينة ماميدوفا" in people(result)


def test_the_secretary_title_before_a_body_stays_a_title(extractor):
    result = run(extractor, "وقال أمين لجنة الحزب في مدينة أورومتشي يانغ شين إن المدينة ستستضيف المعرض.")
    assert not any(p.startswith("أمين") for p in people(result))


def test_a_town_visited_after_a_name_without_a_family_ending_stays_a_town(extractor):
    result = run(extractor, "وزار مدير شركة الموانئ البحرية عبد الرحمن أكتاو يوم الاثنين.")
    assert "أكتاو" in mention_texts(result, "City")


def test_a_lone_family_name_by_its_ending_after_a_title(extractor):
    result = run(extractor, "وقال وزير النقل الأوزبكي مخمودوف إن الخط سيفتتح.")
    assert "مخمودوف" in people(result)


def test_a_family_name_after_a_title_for_the_person_named_in_full_before_adds_no_relation_of_its_own(extractor):
    result = run(extractor, "وقال وزير النقل الأوزبكي إلخوم مخمودوف إن الخط سيفتتح. وأضاف الوزير الأوزبكي مخمودوف "
                            "أن القطارات ستعمل.")
    ids = {m.entity.id for m in result.mentions}
    assert all(r.source.id in ids for r in result.relations)
