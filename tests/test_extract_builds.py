"""Who builds, finances or operates a project (``builds``), and the projects they build (issue 8,
classes 2 and 6): agent phrases, cooperation, contractors, owners, contracts, builders named by a
nisba, a capital or a name in Latin letters. Sentences written for these tests."""
from __future__ import annotations

import pytest

from silkgraph.records import Article
from extraction_helpers import run


def builds(result):
    """(builder id, project id) of every builds relation."""
    return {(r.source.id, r.target.id) for r in result.relations if r.type == "builds"}


def builders(result):
    return {s for s, _ in builds(result)}


def projects(result):
    return {m.entity.id: m.entity for m in result.mentions if m.entity.type == "Project"}


# -- the builder after an agent phrase ------------------------------------------------------
@pytest.mark.parametrize("text, builder", [
    ("وجرى تشييد محطة للطاقة الشمسية بقدرة 40 ميجاوات في طاجيكستان من قبل شركة هواوي.", "org:huawei"),
    ("ويتواصل بناء محطة للطاقة الحرارية بقدرة 150 ميجاوات بقرض من بنك التنمية الصيني.", "org:china-development-bank"),
    ("وستنشأ محطة لطاقة الرياح بقدرة 90 ميجاوات في قرغيزستان بتمويل من بنك التصدير والاستيراد الصيني.",
     "org:china-exim-bank"),
    ("وتبني أوزبكستان محطة للطاقة الشمسية بقدرة 60 ميجاوات بالتعاون مع الصين.", "country:CN"),
])
def test_the_builder_named_by_an_agent_phrase_later_in_the_clause(extractor, text, builder):
    result = run(extractor, text)
    assert builder in builders(result), builds(result)
    assert all(p in projects(result) for _, p in builds(result))


def test_a_partner_builds_with_the_subject(extractor):
    result = run(extractor, "وتبني أوزبكستان محطة للطاقة الشمسية بقدرة 60 ميجاوات بالتعاون مع الصين.")
    assert builders(result) == {"country:UZ", "country:CN"}


def test_an_agent_phrase_without_a_building_word_builds_nothing(extractor):
    # a loan or a partnership that is not about building a project
    result = run(extractor, "وحصلت قرغيزستان على قرض من بنك التنمية الصيني بالتعاون مع كازاخستان.")
    assert not builds(result)


# -- cooperation, contractors, owners ------------------------------------------------------
def test_parties_who_cooperate_to_build_build(extractor):
    result = run(extractor, "وتعاونت الصين مع تركمانستان لإنشاء محطة للطاقة الحرارية بقدرة 250 ميجاوات.")
    assert builders(result) == {"country:CN", "country:TM"}


@pytest.mark.parametrize("text", [
    "وقالت الوزارة إن المقاول الرئيسي لمحطة للطاقة الشمسية بقدرة 75 ميجاوات هو شركة هواوي.",
    "وأوضح المقاول الصيني شركة هواوي أن محطة للطاقة الشمسية بقدرة 75 ميجاوات ستعمل قريبا.",
])
def test_the_contractor_named_by_its_role_builds(extractor, text):
    assert builds(run(extractor, text)) == {("org:huawei", "project:solar-power-station:75mw")}


def test_a_title_after_the_role_word_is_no_contractor(extractor):
    # المقاول then a person's office: the person is not the contractor
    result = run(extractor, "والتقى المقاول الرئيس الأوزبكي شوكت ميرضيائيف قرب محطة للطاقة الشمسية بقدرة 75 ميجاوات.")
    assert not builds(result)


def test_the_owner_of_projects_builds_them_and_a_capital_stands_for_its_country(extractor):
    result = run(extractor, "ومن أبرز مشاريع موسكو في المنطقة محطة للطاقة النووية بقدرة 1200 ميجاوات.")
    assert builds(result) == {("country:RU", "project:nuclear-power-station:1200mw")}


def test_projects_of_a_word_that_is_no_builder_are_nobody_s(extractor):
    result = run(extractor, "ومن أبرز مشاريع الطاقة في المنطقة محطة للطاقة النووية بقدرة 1200 ميجاوات.")
    assert not builds(result)


# -- contracts and agreements for building -------------------------------------------------
def test_the_parties_to_a_contract_for_building_build_its_work(extractor):
    result = run(extractor, "وأبرمت وزارة الطاقة الطاجيكية مع شركة هواوي عقدا لإنشاء محطة الطاقة الحرارية رقم 5.")
    signed = {r.source.id for r in result.relations if r.type == "signed"}
    assert "org:huawei" in signed
    assert builders(result) == signed
    assert {p for _, p in builds(result)} <= set(projects(result))


def test_who_signs_with_the_builder_builds_too(extractor):
    result = run(extractor, "ووقعت شركة هواوي اتفاقية مع وزارة الطاقة القرغيزية لبناء محطة لطاقة الرياح بقدرة 500 ميجاوات.")
    assert "org:huawei" in builders(result)
    assert len(builders(result)) == 2


def test_a_contract_for_something_else_builds_nothing(extractor):
    result = run(extractor, "ووقعت وزارة الطاقة الطاجيكية مع شركة هواوي عقدا لتوريد الكهرباء إلى محطة الطاقة الحرارية رقم 5.")
    assert not builds(result)


# -- builders named by a nisba -------------------------------------------------------------
@pytest.mark.parametrize("text, builder", [
    ("وأطلقت الشركة التركية أعمال تشييد ميناء أكتاو.", "country:TR"),
    ("ووضع رئيس الوزراء القرغيزي حجر الأساس لمحطة للطاقة الشمسية بقدرة 30 ميجاوات.", "country:KG"),
])
def test_a_company_or_an_official_named_by_a_nisba_builds_for_the_country(extractor, text, builder):
    assert builders(run(extractor, text)) == {builder}


def test_a_nisba_across_a_reporting_clause_is_no_builder(extractor):
    result = run(extractor, "وأكد رئيس الوزراء القرغيزي أن تشييد محطة للطاقة الشمسية بقدرة 30 ميجاوات مهم.")
    assert not builds(result)


# -- names in Latin letters ------------------------------------------------------------------
def test_companies_in_latin_letters_build(extractor):
    result = run(extractor, "وتعمل شركة Sinohydro Corporation وTBEA Group معا على بناء محطة للطاقة الكهرومائية بقدرة 80 ميجاوات.")
    orgs = {m.entity.id: m.entity for m in result.mentions if m.entity.type == "Organization"}
    assert set(orgs) == {"organization:sinohydro", "organization:tbea"}
    assert orgs["organization:sinohydro"].label_en == "Sinohydro Corporation"
    assert builders(result) == set(orgs)


def test_latin_words_without_a_head_are_no_organisation(extractor):
    result = run(extractor, "وقال الخبير إن مصطلح Green Energy شائع.")
    assert not [m for m in result.mentions if m.entity.type == "Organization"]


# -- projects ---------------------------------------------------------------------------------
def test_a_new_port_in_a_city_is_that_city_s_port(extractor):
    new = run(extractor, "وافتتحت كازاخستان ميناء جديدا في أكتاو.")
    named = run(extractor, "ويستقبل ميناء أكتاو السفن.")
    (port,) = projects(new)
    assert port in projects(named)
    assert builds(new) == {("country:KZ", port)}


def test_a_new_plant_in_a_region_is_a_project_named_without_its_place(extractor):
    result = run(extractor, "وافتتحت أوزبكستان مصنعا جديدا للزجاج في ولاية سمرقند.")
    (plant,) = projects(result).values()
    mention = next(m for m in result.mentions if m.entity.type == "Project")
    assert "مصنعا جديدا للزجاج" in mention.aliases
    assert builders(result) == {"country:UZ"}
    assert ("located_in", "region:samarkand-region-uz") in {(r.type, r.target.id) for r in result.relations
                                                             if r.source.id == plant.id}


def test_a_plant_alone_in_a_place_is_no_project(extractor):
    assert not projects(run(extractor, "وزار الوفد مصنعا في ولاية سمرقند."))


def test_a_definite_head_alone_refers_to_the_project_of_its_kind_named_before(extractor):
    result = run(extractor, "وأعلنت طاجيكستان عن محطة للطاقة الشمسية بقدرة 45 ميجاوات. وستتولى شركة هواوي بناء المحطة.")
    assert builds(result) == {("org:huawei", "project:solar-power-station:45mw")}


@pytest.mark.parametrize("text, surface", [
    ("وتوسع الشركة حديقة ساريغوي الصناعية.", "حديقة ساريغوي الصناعية"),
    ("ويضم مجمع «تيانلونغ» الصناعي عشرة مصانع.", "مجمع «تيانلونغ» الصناعي"),
    ("وتطور الحكومة مجمع نوائي للصناعات البتروكيماوية.", "مجمع نوائي للصناعات البتروكيماوية"),
    ("وتتوسع المنطقة الصناعية الصينية-الطاجيكية بسرعة.", "المنطقة الصناعية الصينية-الطاجيكية"),
])
def test_project_heads_with_their_names_and_nisbas(extractor, text, surface):
    result = run(extractor, text)
    assert [m.text for m in result.mentions if m.entity.type == "Project"] == [surface]


def test_a_quoted_name_inside_the_head_is_its_id_without_the_quotes(extractor):
    quoted = projects(run(extractor, "ويضم مجمع «تيانلونغ» الصناعي عشرة مصانع."))
    bare = projects(run(extractor, "ويضم مجمع تيانلونغ الصناعي عشرة مصانع."))
    assert set(quoted) == set(bare)


def test_a_superlative_describes_a_project_it_does_not_name_one(extractor):
    result = run(extractor, "وقال إن هذه المحطة هي أكبر محطة كهرباء حرارية في قرغيزستان.")
    assert not projects(result)


def test_a_purpose_glued_to_its_preposition_is_no_name(extractor):
    result = run(extractor, "وتبني الشركة مصنعا لتعبئة المياه في مدينة بيشكيك.")
    (plant,) = projects(result).values()
    assert "لتعبئة" not in plant.id.split(":")[-1].split("-")[0]  # not named "لتعبئة"
    assert plant.id.endswith("city:bishkek-kg")


def test_an_agreement_for_building_and_the_work_named_after_it(extractor):
    result = run(extractor, "ووقعت شركة هواوي اتفاقية لإنشاء محطة طاقة شمسية بقدرة 35 ميجاوات في طاجيكستان.")
    assert builds(result) == {("org:huawei", "project:solar-power-station:35mw")}


def test_the_investment_of_a_company_said_of_a_project_before(extractor):
    text = ("وتتقدم أعمال بناء خط السكة الحديد بين كازاخستان وتركمانستان. "
            "وقال المدير إن هذا المشروع يعد أكبر استثمار خارجي لشركة هواوي.")
    result = run(extractor, text)
    assert {s for s, o in builds(result) if o.startswith("corridor:")} >= {"org:huawei"}


@pytest.mark.parametrize("text", [
    "وفازت شركة هواوي بعقد لبناء محطة للطاقة الشمسية بقدرة 95 ميجاوات.",
    "ومنحت الحكومة القرغيزية شركة هواوي عقدا لإنشاء محطة للطاقة الشمسية بقدرة 95 ميجاوات.",
])
def test_who_wins_or_is_given_a_contract_for_building_builds(extractor, text):
    assert builds(run(extractor, text)) == {("org:huawei", "project:solar-power-station:95mw")}


def test_a_contract_put_out_to_tender_names_no_builder(extractor):
    result = run(extractor, "وستطرح وزارة الطاقة القرغيزية في مناقصة عقدا لبناء محطة للطاقة الشمسية بقدرة 95 ميجاوات.")
    assert not builds(result)


@pytest.mark.parametrize("text, builder", [
    ("ويعمل حقل كاشاغان التابع لشركة هواوي منذ سنوات.", "org:huawei"),
    ("ويعمل حقل كاشاغان الذي تديره الشركات اليابانية منذ سنوات.", "country:JP"),
])
def test_who_owns_or_runs_a_work_builds_it(extractor, text, builder):
    result = run(extractor, text)
    assert builders(result) == {builder}


def test_a_work_next_to_someone_it_does_not_belong_to(extractor):
    assert not builds(run(extractor, "وزار وفد شركة هواوي حقل كاشاغان أمس."))


@pytest.mark.parametrize("text", [
    "وأكملت شركة هواوي محطة للطاقة الشمسية بقدرة 25 ميجاوات.",
    "وتواصل شركة هواوي توسيع محطة للطاقة الشمسية بقدرة 25 ميجاوات.",
    "وأعلنت شركة هواوي إقامة محطة للطاقة الشمسية بقدرة 25 ميجاوات.",
])
def test_completing_enlarging_and_establishing_are_building(extractor, text):
    assert builds(run(extractor, text)) == {("org:huawei", "project:solar-power-station:25mw")}


def test_a_stay_or_enlarged_cooperation_is_no_building(extractor):
    result = run(extractor, "وبحث الجانبان توسيع التعاون ومدة الإقامة في كازاخستان والصين.")
    assert not builds(result)


def test_a_partnership_between_two_sides_builds_with_both(extractor):
    result = run(extractor, "ويجري تشييد محطة للطاقة الشمسية بقدرة 85 ميجاوات بالتعاون بين الصين وقرغيزستان.")
    assert builders(result) == {"country:CN", "country:KG"}


def test_proposing_an_initiative_is_not_building_it(extractor):
    proposed = run(extractor, "وكان الرئيس الصيني شي جين بينغ قد اقترح بناء الحزام الاقتصادي لطريق الحرير عام 2013.")
    assert not builds(proposed)
    built = run(extractor, "وتعمل الصين على بناء الحزام الاقتصادي لطريق الحرير مع جيرانها.")
    assert builders(built) == {"country:CN"}


def test_the_countries_a_work_is_named_after_build_it(extractor):
    result = run(extractor, "وتشارك قرغيزستان في بناء المنطقة الصناعية الصينية القرغيزية.")
    assert builders(result) == {"country:CN", "country:KG"}
    # named after its countries but not being built: no builds
    assert not builds(run(extractor, "وزار الوفد المنطقة الصناعية الصينية القرغيزية أمس."))


def test_a_work_named_after_a_company_is_that_company_s(extractor):
    result = run(extractor, "وافتتح مصنع هواوي للألواح الشمسية في مدينة طشقند.")
    assert builders(result) == {"org:huawei"}
    # a work named after a city is nobody's
    assert not builds(run(extractor, "وافتتح ميناء أكتاو الجديد."))


def test_a_pronoun_refers_to_the_work_of_the_sentence_before(extractor):
    text = "وافتتحت محطة للطاقة الشمسية بقدرة 15 ميجاوات في أوزبكستان. وقد بنتها شركة هواوي بتمويل من بنك التنمية الصيني."
    assert builds(run(extractor, text)) == {("org:huawei", "project:solar-power-station:15mw"),
                                            ("org:china-development-bank", "project:solar-power-station:15mw")}
    # the sentence before names no work: no builds
    other = "وزار الوفد أوزبكستان. وقد بنتها شركة هواوي بتمويل من بنك التنمية الصيني."
    assert not builds(run(extractor, other))


# -- verb morphology: passives, nominative masdars, completing and founding -----------------
@pytest.mark.parametrize("text, builder", [
    ("وأنشئت محطة للطاقة الشمسية بقدرة 55 ميجاوات من قبل شركة هواوي.", "org:huawei"),
    ("وبنيت محطة للطاقة الشمسية بقدرة 55 ميجاوات بأيد صينية.", "country:CN"),
    ("وأقيمت محطة للطاقة الشمسية بقدرة 55 ميجاوات على يد شركة هواوي.", "org:huawei"),
    ("وأنجزت شركة هواوي محطة للطاقة الشمسية بقدرة 55 ميجاوات قبل موعدها.", "org:huawei"),
    ("وأسست شركة هواوي محطة للطاقة الشمسية بقدرة 55 ميجاوات في ولاية نمنغان.", "org:huawei"),
])
def test_passive_and_completing_verbs_build(extractor, text, builder):
    result = run(extractor, text)
    assert builds(result) == {(builder, "project:solar-power-station:55mw")}


def test_a_nominative_masdar_with_its_pronoun_refers_back(extractor):
    text = "وتعمل محطة للطاقة الشمسية بقدرة 55 ميجاوات في أوزبكستان. وقد اكتمل بناؤها على يد شركة هواوي."
    assert builders(run(extractor, text)) == {"org:huawei"}


# -- more agent phrases ----------------------------------------------------------------------
@pytest.mark.parametrize("text, builder", [
    ("ويجري شق الطريق السريع بين بيشكيك وأوش وتوسيعه بدعم مالي من بنك التصدير والاستيراد الصيني.",
     "org:china-exim-bank"),
    ("ويجري تشييد الطريق السريع بين بيشكيك وأوش بقرض ميسر من بنك التصدير والاستيراد الصيني.",
     "org:china-exim-bank"),
    ("وسيتم إنشاء الطريق السريع بين بيشكيك وأوش من طرف شركة هواوي.", "org:huawei"),
    ("وسيتم إنشاء الطريق السريع بين بيشكيك وأوش بواسطة شركة هواوي.", "org:huawei"),
    ("ويجري توسيع الطريق السريع بين بيشكيك وأوش بأموال صينية.", "country:CN"),
])
def test_financing_and_agents_in_more_words(extractor, text, builder):
    result = run(extractor, text)
    assert builds(result) == {(builder, "corridor:highway:city:bishkek-kg-city:osh-kg")}


def test_support_alone_is_no_building(extractor):
    result = run(extractor, "ويجري توسيع الطريق السريع بين بيشكيك وأوش بدعم من الحكومة الصينية.")
    assert "country:CN" not in builders(result)


def test_a_joint_building_names_both_sides(extractor):
    result = run(extractor, "ويتم تشييد الطريق السريع بين بيشكيك وأوش بشكل مشترك بين الصين وقرغيزستان.")
    assert builders(result) == {"country:CN", "country:KG"}


# -- partners after مع ------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "واتفقت الصين مع كازاخستان على إنشاء محطة للطاقة الشمسية بقدرة 65 ميجاوات.",
    "وتعمل الصين مع كازاخستان على تشييد محطة للطاقة الشمسية بقدرة 65 ميجاوات.",
    "وأكد الوزير أن الصين مستعدة للعمل مع كازاخستان لبناء محطة للطاقة الشمسية بقدرة 65 ميجاوات.",
])
def test_a_partner_after_ma_builds_with_the_one_before(extractor, text):
    assert builders(run(extractor, text)) == {"country:CN", "country:KZ"}


def test_a_partner_of_a_talk_before_a_reported_clause_does_not_build(extractor):
    # مع قرغيزستان belongs to the talks; the reported clause says who builds
    result = run(extractor, "وقالت الصين في محادثات مع قرغيزستان إن كازاخستان ستبني محطة للطاقة الشمسية بقدرة 65 ميجاوات.")
    assert builders(result) == {"country:KZ"}


# -- building words that build nothing -------------------------------------------------------
@pytest.mark.parametrize("text", [
    "وتعارض الصين بناء محطة للطاقة الشمسية بقدرة 65 ميجاوات قرب الحدود.",
    "ورفضت كازاخستان إنشاء محطة للطاقة الشمسية بقدرة 65 ميجاوات قرب الحدود.",
    "ولن تمول الصين محطة للطاقة الشمسية بقدرة 65 ميجاوات قرب الحدود.",
    "وقالت كازاخستان إنها ستتخذ قرارها بناء على دراسة محطة للطاقة الشمسية بقدرة 65 ميجاوات.",
])
def test_a_denied_or_opposed_building_builds_nothing(extractor, text):
    assert not builds(run(extractor, text))


def test_the_same_building_without_the_denial_builds(extractor):
    assert builders(run(extractor, "وتمول الصين محطة للطاقة الشمسية بقدرة 65 ميجاوات قرب الحدود.")) == {"country:CN"}


# -- the two sides by a word for both ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "وزار رئيس قرغيزستان الصين. واتفق الجانبان على تسريع إنشاء محطة للطاقة الشمسية بقدرة 45 ميجاوات.",
    "وزار رئيس قرغيزستان الصين. وأشاد البلدان بالتقدم في تشييد محطة للطاقة الشمسية بقدرة 45 ميجاوات.",
    "واتفق الجانبان الصيني والقرغيزي على بناء محطة للطاقة الشمسية بقدرة 45 ميجاوات.",
])
def test_the_two_sides_named_by_a_word_for_both_build(extractor, text):
    assert builders(run(extractor, text)) == {"country:CN", "country:KG"}


def test_the_two_sides_saying_something_of_a_work_do_not_build_it(extractor):
    result = run(extractor, "وزار رئيس قرغيزستان الصين. وقال الجانبان إن محطة للطاقة الشمسية بقدرة 45 ميجاوات مهمة.")
    assert not builds(result)


def test_an_accusative_masdar_is_a_building_word(extractor):
    result = run(extractor, "وقدم بنك التنمية الصيني تمويلا بقيمة 500 مليون دولار للطريق السريع بين بيشكيك وأوش.")
    assert builds(result) == {("org:china-development-bank", "corridor:highway:city:bishkek-kg-city:osh-kg")}


def test_a_loan_repaid_is_no_building_by_the_borrower(extractor):
    result = run(extractor, "وسددت قرغيزستان القروض التي حصلت عليها للطريق السريع بين بيشكيك وأوش.")
    assert "country:KG" not in builders(result)


def test_the_partner_of_a_ministry_is_the_ministry_not_its_nisba(extractor):
    result = run(extractor, "ووقعت وزارة الطاقة القرغيزية اتفاقية مع شركة هواوي لبناء محطة للطاقة الشمسية بقدرة 45 ميجاوات.")
    assert "country:KG" not in builders(result)
    assert "org:huawei" in builders(result)


def test_a_place_behind_a_preposition_is_no_builder(extractor):
    result = run(extractor, "وتعمل شركة هواوي منذ 2015 في طاجيكستان حيث شيدت محطة للطاقة الحرارية في دوشنبه.")
    assert builders(result) == {"org:huawei"}
    # with no builder before it, the place alone builds nothing
    alone = run(extractor, "وفي طاجيكستان شيدت محطة للطاقة الحرارية في دوشنبه.")
    assert "country:TJ" not in builders(alone)


def test_countries_a_building_is_incumbent_on_build(extractor):
    result = run(extractor, "وقال الوزير إن على الصين وكازاخستان تسريع بناء محطة للطاقة الشمسية بقدرة 45 ميجاوات.")
    assert builders(result) == {"country:CN", "country:KZ"}


@pytest.mark.parametrize("verb", ["شيدتا", "نفذتا", "موّلتا", "أنشأتا", "بنتا"])
def test_a_dual_feminine_verb_after_two_countries_builds_for_both(extractor, verb):
    result = run(extractor, f"والصين وكازاخستان {verb} محطة للطاقة الشمسية بقدرة 45 ميجاوات.")
    assert builders(result) == {"country:CN", "country:KZ"}


@pytest.mark.parametrize("text", [
    "والمهندسون الصينيون يبنون محطة للطاقة الشمسية بقدرة 45 ميجاوات.",
    "وقد شيدوا هم أيضا محطة للطاقة الشمسية بقدرة 45 ميجاوات بمساعدة الصين.",
    "وتُنشأ محطة للطاقة الشمسية بقدرة 45 ميجاوات بتمويل من الصين.",
])
def test_plural_and_passive_imperfect_verbs_build(extractor, text):
    assert builders(run(extractor, text)) == {"country:CN"}


# -- stakes ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, builder", [
    ("وحصل بنك التنمية الصيني على حصة في الطريق السريع بين بيشكيك وأوش.", "org:china-development-bank"),
    ("وتملك شركة هواوي حصة 30 في المئة في الطريق السريع بين بيشكيك وأوش.", "org:huawei"),
    ("وتبلغ حصة الصين في الطريق السريع بين بيشكيك وأوش 30 في المئة.", "country:CN"),
])
def test_who_holds_a_stake_in_a_work_builds_it(extractor, text, builder):
    assert builds(run(extractor, text)) == {(builder, "corridor:highway:city:bishkek-kg-city:osh-kg")}


@pytest.mark.parametrize("text", [
    "وارتفعت حصة كازاخستان من الغاز المنقول عبر خط أنابيب الغاز بين تركمانستان والصين.",
    "وتملك شركة هواوي حصة كبيرة من سوق الاتصالات في أوزبكستان قرب الطريق السريع بين بيشكيك وأوش.",
])
def test_a_share_of_something_else_is_no_stake_in_the_work(extractor, text):
    assert not builds(run(extractor, text))


# -- joint works -------------------------------------------------------------------------------
def test_a_work_called_joint_between_two_countries_is_built_by_both(extractor):
    result = run(extractor, "وتعد محطة للطاقة الشمسية بقدرة 45 ميجاوات مشروعا مشتركا بين الصين وكازاخستان.")
    assert builders(result) == {"country:CN", "country:KZ"}


@pytest.mark.parametrize("text", [
    "وعقدت لجنة مشتركة بين الصين وكازاخستان اجتماعا بشأن محطة للطاقة الشمسية بقدرة 45 ميجاوات.",
    "ووقعت الحكومة بيانا مشتركا مع الصين في مدينة قريبة من محطة للطاقة الشمسية بقدرة 45 ميجاوات.",
])
def test_a_joint_committee_or_statement_builds_no_work(extractor, text):
    assert not builds(run(extractor, text))


# -- a country's projects by its nisba ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "ويعد الطريق السريع بين بيشكيك وأوش أول مشروع صيني في قرغيزستان.",
    "وتنتشر في قرغيزستان مشاريع صينية عديدة، منها الطريق السريع بين بيشكيك وأوش.",
])
def test_a_project_of_a_country_by_its_nisba_is_built_by_it(extractor, text):
    assert builds(run(extractor, text)) == {("country:CN", "corridor:highway:city:bishkek-kg-city:osh-kg")}


def test_a_project_in_the_singular_owns_the_first_work_it_names(extractor):
    text = "وذكر الوزير مشروع الصين، وهو الطريق السريع بين بيشكيك وأوش، والطريق السريع بين دوشنبه وخجند."
    assert builds(run(extractor, text)) == {("country:CN", "corridor:highway:city:bishkek-kg-city:osh-kg")}


def test_a_project_called_important_by_an_official_is_nobody_s(extractor):
    assert not builds(run(extractor, "وقال الوزير الصيني إن الطريق السريع بين بيشكيك وأوش مشروع مهم."))


# -- taking part and contributing --------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("وشاركت شركة هواوي في محطة للطاقة الشمسية بقدرة 35 ميجاوات.", {"org:huawei"}),
    ("وأعربت كازاخستان وأوزبكستان عن نيتهما المشاركة في محطة للطاقة الشمسية بقدرة 35 ميجاوات.",
     {"country:KZ", "country:UZ"}),
    ("وساهمت الصين في محطة للطاقة الشمسية بقدرة 35 ميجاوات.", {"country:CN"}),
])
def test_who_takes_part_or_contributes_in_a_work_builds_it(extractor, text, expected):
    assert builders(run(extractor, text)) == expected


@pytest.mark.parametrize("text", [
    "وتشارك كازاخستان في مبادرة الحزام والطريق منذ سنوات.",
    "وساهمت قرغيزستان في مبادرة الحزام والطريق منذ سنوات.",
    "وشارك الرئيس الكازاخستاني في قمة منظمة شنغهاي للتعاون قرب محطة للطاقة الشمسية بقدرة 35 ميجاوات.",
])
def test_taking_part_in_an_initiative_or_an_event_builds_nothing(extractor, text):
    assert not builds(run(extractor, text))


# -- a work named before, by a definite noun alone ------------------------------------------------
@pytest.mark.parametrize("text, work", [
    ("وأعلنت أوزبكستان عن محطة للطاقة الشمسية بقدرة 35 ميجاوات. وتبلغ تكلفتها 50 مليون دولار. "
     "وستوفر الكهرباء لنصف مليون منزل. وستتولى شركة هواوي تنفيذ المشروع.", "project:solar-power-station:35mw"),
    ("وافتتح الطريق السريع بين بيشكيك وأوش. وقد شيدت شركة هواوي الطريق بتكلفة مليار دولار.",
     "corridor:highway:city:bishkek-kg-city:osh-kg"),
])
def test_a_definite_work_noun_alone_is_the_last_work_of_its_type(extractor, text, work):
    assert builds(run(extractor, text)) == {("org:huawei", work)}


def test_a_work_noun_of_another_type_finds_no_work(extractor):
    text = "وافتتح الطريق السريع بين بيشكيك وأوش. وقد شيدت شركة هواوي المصنع بتكلفة مليار دولار."
    assert not builds(run(extractor, text))


# -- reported building -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "وزار رئيس كازاخستان الصين. وقال الجانبان إن روسيا ستبني محطة للطاقة الشمسية بقدرة 45 ميجاوات.",
    "وزار رئيس كازاخستان الصين. وأشار الجانبان إلى أن روسيا ستبني محطة للطاقة الشمسية بقدرة 45 ميجاوات.",
])
def test_the_sides_who_report_a_building_do_not_build(extractor, text):
    assert builders(run(extractor, text)) == {"country:RU"}


def test_a_building_word_does_not_reach_a_work_in_a_reported_clause(extractor):
    text = "وقالت الصين مع افتتاح المعرض إن كازاخستان ستبني محطة للطاقة الشمسية بقدرة 45 ميجاوات."
    assert builders(run(extractor, text)) == {"country:KZ"}


# -- loans -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lender", [
    ("وقدمت الصين قرضا بقيمة 500 مليون دولار للطريق السريع بين بيشكيك وأوش.", "country:CN"),
    ("وسددت قرغيزستان القروض التي قدمتها الصين للطريق السريع بين بيشكيك وأوش.", "country:CN"),
    ("وحصلت قرغيزستان على قرض من بنك التنمية الصيني للطريق السريع بين بيشكيك وأوش.", "org:china-development-bank"),
    ("وتستخدم قروض صينية للطريق السريع بين بيشكيك وأوش.", "country:CN"),
    ("ومنحت الصين قرغيزستان قرضا للطريق السريع بين بيشكيك وأوش.", "country:CN"),
])
def test_the_lender_of_a_loan_for_a_work_builds_it_not_the_borrower(extractor, text, lender):
    assert builds(run(extractor, text)) == {(lender, "corridor:highway:city:bishkek-kg-city:osh-kg")}


@pytest.mark.parametrize("text", [
    "وحصلت قرغيزستان على قرض للطريق السريع بين بيشكيك وأوش.",
    "وقدمت الصين قرضا لقرغيزستان. وافتتح الطريق السريع بين بيشكيك وأوش أمس.",
])
def test_a_loan_without_its_lender_or_its_work_builds_nothing(extractor, text):
    assert "country:KG" not in builders(run(extractor, text))
    assert ("country:CN", "corridor:highway:city:bishkek-kg-city:osh-kg") not in builds(run(extractor, text))


# -- an organisation named before, by its head alone ------------------------------------------
@pytest.mark.parametrize("text, builder", [
    ("وتعمل شركة هواوي في أوزبكستان منذ سنوات. وأنجزت الشركة بناء محطة للطاقة الشمسية بقدرة 25 ميجاوات.", "org:huawei"),
    ("وتعمل شركة هواوي في أوزبكستان منذ سنوات. وقد شيدت الشركة محطة للطاقة الشمسية بقدرة 25 ميجاوات.", "org:huawei"),
    ("ويعمل بنك التنمية الصيني في المنطقة منذ سنوات. ويمول البنك محطة للطاقة الشمسية بقدرة 25 ميجاوات.",
     "org:china-development-bank"),
])
def test_an_organisation_head_alone_is_the_last_organisation_with_that_head(extractor, text, builder):
    assert builds(run(extractor, text)) == {(builder, "project:solar-power-station:25mw")}


def test_an_organisation_head_with_none_named_before_builds_nothing(extractor):
    text = "وزار الوفد بنك التنمية الصيني. وأنجزت الشركة بناء محطة للطاقة الشمسية بقدرة 25 ميجاوات."
    assert not builds(run(extractor, text))


def test_a_builder_opening_the_sentence_before_a_description_between_commas_builds(extractor):
    text = ("وشركة هواوي، وهي واحدة من أكبر شركات الاتصالات في العالم ومقرها مدينة شنتشن، "
            "تبني محطة للطاقة الشمسية بقدرة 25 ميجاوات.")
    assert builds(run(extractor, text)) == {("org:huawei", "project:solar-power-station:25mw")}


def test_who_runs_a_work_builds_it_but_an_administration_is_no_verb(extractor):
    assert builders(run(extractor, "وتدير شركة هواوي ميناء خورغوس الجاف منذ سنوات.")) == {"org:huawei"}
    assert not builds(run(extractor, "وانتقدت الإدارة الأمريكية ميناء خورغوس الجاف."))


def test_a_builder_after_ila_is_still_the_one_given_the_building(extractor):
    text = "وأوكلت الحكومة إلى شركة هواوي مهمة بناء محطة للطاقة الشمسية بقدرة 25 ميجاوات."
    assert builders(run(extractor, text)) == {"org:huawei"}


def test_the_builder_of_a_long_clause_stands_far_before_the_building_word(extractor):
    text = ("وأعلنت شركة هواوي اليوم الأربعاء في العاصمة الأوزبكية طشقند عن بدء العمل في إنشاء "
            "محطة للطاقة الشمسية بقدرة 25 ميجاوات.")
    assert builds(run(extractor, text)) == {("org:huawei", "project:solar-power-station:25mw")}


@pytest.mark.parametrize("text", [
    "وأعلنت شركة هواوي اليوم الأربعاء في العاصمة الأوزبكية طشقند أن العمل بدأ في إنشاء محطة للطاقة الشمسية بقدرة 25 ميجاوات.",
    "وزار وفد شركة هواوي اليوم الأربعاء في العاصمة الأوزبكية طشقند المدينة التي بدأ فيها العمل في إنشاء "
    "محطة للطاقة الشمسية بقدرة 25 ميجاوات.",
])
def test_a_far_name_across_a_complementizer_or_a_relative_does_not_build(extractor, text):
    assert "org:huawei" not in builders(run(extractor, text))


@pytest.mark.parametrize("text", [
    "وستضخ شركة هواوي استثمارات بقيمة مليار دولار في محطة للطاقة الشمسية بقدرة 25 ميجاوات.",
    "وتعمل محطة للطاقة الشمسية بقدرة 25 ميجاوات، المملوكة لشركة هواوي، منذ عامين.",
])
def test_investments_put_into_a_work_and_an_owner_after_a_comma_build(extractor, text):
    assert builds(run(extractor, text)) == {("org:huawei", "project:solar-power-station:25mw")}


def test_who_signs_an_agreement_about_a_work_builds_it(extractor):
    text = "ووقعت الصين وقرغيزستان اتفاقية حكومية بشأن الطريق السريع بين بيشكيك وأوش."
    assert builds(run(extractor, text)) == {("country:CN", "corridor:highway:city:bishkek-kg-city:osh-kg"),
                                            ("country:KG", "corridor:highway:city:bishkek-kg-city:osh-kg")}


def test_an_agreement_about_something_else_near_a_work_builds_nothing(extractor):
    text = "ووقعت الصين وقرغيزستان اتفاقية حكومية بشأن التجارة في مدينة قريبة من الطريق السريع بين بيشكيك وأوش."
    assert not builds(run(extractor, text))


@pytest.mark.parametrize("text", [
    "وأكد الرئيسان عزمهما على بناء مجتمع مصير مشترك بين الصين وتركمانستان.",
    "وتعمل الدولتان معا لبناء مجتمع المصير المشترك للبشرية.",
    "ودعا إلى بناء مجتمع المستقبل المشترك للبشرية.",
])
def test_an_ideal_is_named_but_nobody_builds_it(extractor, text):
    result = extractor.extract(Article("t", text))
    assert "initiative:community-shared-future" in {m.entity.id for m in result.mentions}, text
    assert not [r for r in result.relations if r.type == "builds"], text


def test_an_initiative_of_works_is_still_built_beside_an_ideal(extractor):
    text = "وتعمل الصين وكازاخستان على بناء الحزام والطريق وبناء مجتمع مصير مشترك."
    built = {(r.source.id, r.target.id) for r in extractor.extract(Article("t", text)).relations if r.type == "builds"}
    assert ("country:CN", "initiative:belt-and-road") in built, built
    assert not any(t == "initiative:community-shared-future" for _, t in built), built


# -- a company that undertakes the works (تولى) ------------------------------------------------
def test_the_company_that_undertakes_a_works_builds_it(extractor):
    result = run(extractor, "وبدأت أعمال المرحلة الثالثة من تطوير حقل «غالكينيش» للغاز، والتي تتولاها شركة هواوي.")
    assert ("org:huawei", next(iter(projects(result)))) in builds(result)
    result = run(extractor, "وتولت شركة هواوي بناء محطة للطاقة الشمسية بقدرة 75 ميجاوات.")
    assert builds(result) == {("org:huawei", "project:solar-power-station:75mw")}
    # an office taken up is nothing built
    assert not builds(run(extractor, "وتولى وزير الطاقة منصبه عام 2020 بعد افتتاح محطة للطاقة الشمسية بقدرة 75 ميجاوات."))


def test_the_same_company_again_builds_not_the_country_of_its_nisba(extractor):
    """الشركة الصينية ذاتها (the Chinese company itself): the company named before, by the same
    head; without ذاتها, or with only a bank named before, the nisba's country as before."""
    first = 'وقعت وزارة الطاقة وشركة "تي بي إي إيه" الصينية اتفاقية لبناء الخط. '
    same = run(extractor, first + 'ويشمل المشروع محطة "داتكا" الفرعية، التي ستبنيها الشركة الصينية ذاتها.')
    assert {s for s, p in builds(same) if "داتكا" in p} == {'organization:شركه "تي بي اي ايه" صينيه'}
    plain = run(extractor, first + 'ويشمل المشروع محطة "داتكا" الفرعية، التي ستبنيها الشركة الصينية.')
    assert ("country:CN", "project:power-station:داتكا") in builds(plain)
    bank = run(extractor, 'وسيمول بنك التنمية الصيني المشروع. ويشمل محطة "داتكا" الفرعية، التي ستبنيها '
                          'الشركة الصينية ذاتها.')
    assert "org:china-development-bank" not in {s for s, p in builds(bank) if "داتكا" in p}
