"""Probe set for projects and ``builds`` (issue 8, classes 2 and 6): short sentences in the wire
style, written for these tests (not taken from the seeds or the real set), that vary what a writer
varies: the head and its complement (بقدرة، بطول، للإسمنت), quoted names, verb forms (perfect,
imperfect, future, passive, masdar after تم/جرى), word order, relative clauses, agent phrases
(بتمويل من، بمساعدة، بقرض من) and coordination; with negatives that must give no project or no
builds."""
from __future__ import annotations

import pytest

from silkgraph.normalize import phrase_key
from silkgraph.records import Article


def run(extractor, text):
    return extractor.extract(Article("probe", text))


def project_forms(result) -> dict[str, set[str]]:
    """Project id -> the phrase keys of every form its mentions give (label, text, aliases)."""
    out: dict[str, set[str]] = {}
    for m in result.mentions:
        if m.entity.type == "Project":
            out.setdefault(m.entity.id, set()).update(phrase_key(f) for f in (m.entity.label_ar, m.text, *m.aliases))
    return out


def builds(result) -> set[tuple[str, str]]:
    return {(r.source.id, r.target.id) for r in result.relations if r.type == "builds"}


def work_types(result) -> dict[str, str]:
    return {m.entity.id: m.entity.type for m in result.mentions}


def named(extractor, text: str, *forms: str) -> bool:
    """One project of ``text`` carries all ``forms`` (as the scorer matches them: phrase keys)."""
    wanted = {phrase_key(f) for f in forms}
    return any(wanted <= got for got in project_forms(run(extractor, text)).values())


def builders(extractor, text: str) -> set[str]:
    return {b for b, _ in builds(run(extractor, text))}


# -- a project by its head, name and complement -------------------------------------------------
@pytest.mark.parametrize("text, form", [
    ("وتعتزم الحكومة بناء محطة للطاقة الحرارية بقدرة 400 ميغاواط في ضواحي المدينة.",
     "محطة للطاقة الحرارية بقدرة 400 ميغاواط"),
    ("ويبلغ طول نفق «شاهرستان» خمسة كيلومترات.", "نفق «شاهرستان»"),
    ("ويجري حاليا بناء جسر بطول 2 كيلومتر فوق النهر.", "جسر بطول 2 كيلومتر"),
    ("وتعمل الشركة على تطوير حقل «ميرزاتشول» للغاز.", "حقل «ميرزاتشول» للغاز"),
    ("وتم تشغيل محطة «زرافشان» الكهرومائية العام الماضي.", "محطة «زرافشان» الكهرومائية"),
    ("وسيتم إنشاء مزرعة رياح بقدرة 500 ميغاواط في الصحراء.", "مزرعة رياح بقدرة 500 ميغاواط"),
    ("وبدأت أعمال بناء محطة كهروضوئية بقدرة 100 ميغاواط في الجنوب.", "محطة كهروضوئية بقدرة 100 ميغاواط"),
    ("وتعتزم الشركة بناء مصفاة نفط بطاقة 5 ملايين طن سنويا.", "مصفاة نفط بطاقة 5 ملايين طن"),
    ("ودشن الوزير مصنع «آق تاش» للإسمنت أمس.", "مصنع «آق تاش» للإسمنت"),
    ("وزار الوفد منجم «زولوتايا غورا» للذهب.", "منجم «زولوتايا غورا» للذهب"),
    ("وافتتح الرئيس سد «تشاربولاق» على النهر.", "سد «تشاربولاق»"),
    ("وتبني الصين مستشفى الصداقة في العاصمة.", "مستشفى الصداقة"),
    ("وستتولى الشركة بناء محطة توليد كهرباء بقدرة 200 ميغاواط.", "محطة توليد كهرباء بقدرة 200 ميغاواط"),
    ("وتم افتتاح المنطقة الصناعية «تشيرتشيق» في الربيع.", "المنطقة الصناعية «تشيرتشيق»"),
    ("وأقامت الشركة مصنعا لإنتاج الألواح الشمسية في ولاية نمنغان.", "مصنع لإنتاج الألواح الشمسية"),
    ("وتبلغ قدرة محطة «كاراكول» لطاقة الرياح 300 ميغاواط.", "محطة «كاراكول» لطاقة الرياح"),
    ("وسيتم بناء أول محطة للطاقة النووية في البلاد بقدرة 2400 ميغاواط.",
     "محطة للطاقة النووية بقدرة 2400 ميغاواط"),
])
def test_a_project_is_named_with_its_head_and_complement(extractor, text, form):
    assert named(extractor, text, form), project_forms(run(extractor, text))


# -- who builds: verbs, masdars, agents -------------------------------------------------------
@pytest.mark.parametrize("text, builder", [
    ("وتتولى شركة هواوي بناء محطة للطاقة الشمسية بقدرة 50 ميغاواط في البلاد.", "org:huawei"),
    ("وقامت شركة الصين للطرق والجسور ببناء جسر بطول 3 كيلومترات فوق النهر.", "org:crbc"),
    ("وأطلقت مؤسسة البترول الوطنية الصينية أعمال بناء المرحلة الثانية من حقل «بيشتاو» للغاز.", "org:cnpc"),
    ("وستقوم روساتوم ببناء محطة للطاقة النووية بقدرة 2400 ميغاواط.", "org:rosatom"),
    ("وبمساعدة الصين، يجري بناء مصنع لمعالجة القطن في المنطقة.", "country:CN"),
    ("وتم بناء محطة للطاقة الحرارية بقدرة 150 ميغاواط بقرض من بنك التصدير والاستيراد الصيني.",
     "org:china-exim-bank"),
    ("واستثمرت الصين مليار دولار في بناء مصنع «آق تاش» للإسمنت.", "country:CN"),
    ("وسوف تبني باور تشاينا سد «تشاربولاق» على النهر.", "org:powerchina"),
    ("وشيدت الصين محطة «زرافشان» الكهرومائية في عام 2019.", "country:CN"),
    ("ووضعت شركة سينوبك حجر الأساس لمصفاة نفط بطاقة 5 ملايين طن سنويا.", "org:sinopec"),
    ("ومولت مؤسسة البترول الوطنية الصينية تطوير حقل «ميرزاتشول» للغاز.", "org:cnpc"),
    ("ويبني الجانب الصيني نفق «شاهرستان» بطول 5 كيلومترات.", "country:CN"),
    ("وتنفذ شركة هواوي مشروع محطة للطاقة الشمسية بقدرة 50 ميغاواط.", "org:huawei"),
    ("وستنشئ كازاخستان منطقة اقتصادية خاصة في مدينة أكتوبي.", "country:KZ"),
    ("وتم تدشين محطة للطاقة الشمسية بقدرة 50 ميغاواط بتمويل من بنك التنمية الصيني.",
     "org:china-development-bank"),
    ("وأنشأت شركة هواوي محطة للطاقة الشمسية بقدرة 70 ميغاواط في أوزبكستان.", "org:huawei"),
    ("وافتتحت الصين مستشفى الصداقة في العاصمة الطاجيكية.", "country:CN"),
    ("وتم إنجاز بناء نفق «شاهرستان» من قبل شركة الصين للطرق والجسور.", "org:crbc"),
    ("ويشيد بنك التنمية الصيني وشركة هواوي محطة للطاقة الشمسية بقدرة 90 ميغاواط.", "org:huawei"),
    ("وتستثمر مؤسسة البترول الوطنية الصينية في حقل «ميرزاتشول» للغاز.", "org:cnpc"),
])
def test_the_builder_of_a_project(extractor, text, builder):
    result = run(extractor, text)
    types = work_types(result)
    got = builds(result)
    assert any(b == builder and types.get(w) in ("Project", "Corridor") for b, w in got), (got, project_forms(result))


# -- negatives ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "وناقش الجانبان بناء الثقة المتبادلة بين البلدين.",
    "وقال الوزير إن محطة «زرافشان» الكهرومائية ستوفر الكهرباء لمئة ألف منزل.",
    "وتستورد الصين الغاز من حقل «ميرزاتشول» للغاز منذ سنوات.",
    "وزار الرئيس الصيني مصنع «آق تاش» للإسمنت.",
    "وبناء على طلب الجانب الكازاخي، تم تأجيل الاجتماع.",
    "وترفض روسيا بناء محطة للطاقة النووية بقدرة 2400 ميغاواط على الحدود.",
    "ولم تبن الصين سد «تشاربولاق» على النهر.",
    # a denial before the verb's subject
    "ورفضت شركة هواوي بناء محطة للطاقة الشمسية بقدرة 50 ميغاواط في المنطقة.",
    "ورفضت شركة صينية بناء محطة للطاقة الشمسية بقدرة 50 ميغاواط في المنطقة.",
    # an event held (أقيم) near a work
    "وألقى الوزير كلمة في الحفل الذي أقيم بمناسبة افتتاح المعرض في محطة «نوراتا» للطاقة الشمسية.",
    "وشارك الوزير الطاجيكي في مؤتمر أقيم قرب سد «تشاربولاق» أمس.",
    "وحصلت قرغيزستان على منحة صينية لتدريب الطلاب.",  # a grant for something else
])
def test_no_builds_without_building(extractor, text):
    assert not builders(extractor, text)


@pytest.mark.parametrize("text", [
    "وناقش البرلمان مشروع القانون الجديد.",
    "وتقع العاصمة في مركز البلاد.",
    "ووصل الوفد إلى منطقة آسيا الوسطى أمس.",
    "وقال إن بناء المزيد من المحطات ضروري.",
])
def test_no_project_from_an_ordinary_word(extractor, text):
    assert project_forms(run(extractor, text)) == {}


# -- one named work, however its mentions write it ------------------------------------------
def test_a_named_work_is_one_node_with_or_without_its_capacity_and_in_either_word_order(extractor):
    text = ("وتبلغ قدرة محطة «نوراتا» للطاقة الشمسية 100 ميغاواط. "
            "وتبني الشركة محطة الطاقة الشمسية «نوراتا» بقدرة 100 ميغاواط. وسيفتتح نفق «شاهرستان» العام المقبل. "
            "ويجري بناء نفق «شاهرستان» بطول 5 كيلومترات.")
    forms = project_forms(run(extractor, text))
    assert len(forms) == 2, forms
    assert any(phrase_key("نفق «شاهرستان» بطول 5 كيلومترات") in f for f in forms.values()), forms


def test_works_of_the_same_name_and_another_family_stay_apart(extractor):
    text = "وافتتح الوزير محطة «نوراتا» للطاقة الشمسية ونفق «نوراتا» في الجبال."
    assert len(project_forms(run(extractor, text))) == 2


@pytest.mark.parametrize("text, form", [
    ("وتعتزم الحكومة بناء مستشفى بسعة 200 سرير في الجنوب.", "مستشفى بسعة 200 سرير"),
    ("وتم إنشاء منطقة صناعية بمساحة 500 هكتار قرب الحدود.", "منطقة صناعية بمساحة 500 هكتار"),
    ("وبدأ تشغيل مصنع للأسمدة بطاقة 300 ألف طن سنويا.", "مصنع للأسمدة بطاقة 300 ألف طن"),
])
def test_sizes_areas_and_outputs_tell_a_work_apart(extractor, text, form):
    assert named(extractor, text, form), project_forms(run(extractor, text))


def test_a_plant_of_a_size_without_a_unit_keeps_no_half_capacity(extractor):
    # a figure of money is no capacity of the plant's name
    forms = project_forms(run(extractor, "وتبني الشركة مصنعا للإسمنت بطاقة 5 ملايين دولار في الجنوب."))
    assert not any(phrase_key("بطاقة") in f for got in forms.values() for f in got), forms


@pytest.mark.parametrize("text, builder", [
    ("وتم بناء مستشفى بسعة 200 سرير بمنحة صينية.", "country:CN"),
    ("وتم بناء مصنع للإسمنت بطاقة مليون طن بقرض صيني.", "country:CN"),
    ("وتم بناء مستشفى بسعة 200 سرير على نفقة الصين.", "country:CN"),
    ("وتم إنشاء محطة للطاقة الشمسية بقدرة 50 ميغاواط بمساهمة من بنك التنمية الصيني.",
     "org:china-development-bank"),
    ("وتقوم شركة هواوي حاليا بأعمال حفر نفق «شاهرستان».", "org:huawei"),
])
def test_grants_loans_and_expenses_name_the_builder(extractor, text, builder):
    assert builders(extractor, text) == {builder}


@pytest.mark.parametrize("text, form", [
    ("وسيتم تشغيل المحطة النووية الأولى في كازاخستان بحلول عام 2035.", "المحطة النووية الأولى في كازاخستان"),
    ("وتبني روسيا محطة الطاقة النووية الأولى في أوزبكستان.", "محطة الطاقة النووية الأولى في أوزبكستان"),
])
def test_an_ordinal_and_a_place_tell_a_work_apart(extractor, text, form):
    assert named(extractor, text, form), project_forms(run(extractor, text))


def test_an_ordinal_alone_tells_no_work_apart(extractor):
    assert project_forms(run(extractor, "وقالت إن المحطة الأولى ستعمل قريبا.")) == {}


@pytest.mark.parametrize("text, builder", [
    ("وأعلنت شركة هواوي أنها ستبني محطة للطاقة الشمسية بقدرة 50 ميغاواط في قرغيزستان.", "org:huawei"),
    ("وقالت مؤسسة البترول الوطنية الصينية إنها بدأت تطوير حقل «ميرزاتشول» للغاز.", "org:cnpc"),
    ("ومن المقرر أن تنتهي شركة هواوي من بناء محطة للطاقة الشمسية بقدرة 50 ميغاواط العام المقبل.", "org:huawei"),
    ("وانتهت شركة الصين للطرق والجسور من بناء نفق «شاهرستان».", "org:crbc"),
    ("وتعتزم الصين، وفقا لوزارة الطاقة، بناء محطة للطاقة الحرارية بقدرة 300 ميغاواط.", "country:CN"),
    ("وتخطط شركة باور تشاينا الصينية، التي تعمل في البلاد منذ عشر سنوات، لبناء سد «تشاربولاق».",
     "org:powerchina"),
    ("وبحسب الوزارة، فإن شركة هواوي ستتولى بناء محطة للطاقة الشمسية بقدرة 50 ميغاواط.", "org:huawei"),
    ("وأشار الوزير إلى أن الصين ستمول بناء محطة للطاقة الحرارية بقدرة 300 ميغاواط.", "country:CN"),
    ("وتعد شركة هواوي من أبرز الشركات المشاركة في بناء محطة للطاقة الشمسية بقدرة 50 ميغاواط.", "org:huawei"),
    ("وقد أسهمت الصين بشكل كبير في بناء محطة للطاقة الحرارية بقدرة 300 ميغاواط.", "country:CN"),
    ("ويعد سد «تشاربولاق» الذي شيدته شركة باور تشاينا أكبر سد في البلاد.", "org:powerchina"),
    ("وتشارك شركات صينية في بناء محطة للطاقة الشمسية بقدرة 50 ميغاواط.", "country:CN"),
    ("وتولت شركة هواوي تصميم وبناء محطة للطاقة الشمسية بقدرة 50 ميغاواط.", "org:huawei"),
    ("وحصلت شركة هواوي على عقد بناء محطة للطاقة الشمسية بقدرة 50 ميغاواط.", "org:huawei"),
    ("وتم تكليف شركة هواوي ببناء محطة للطاقة الشمسية بقدرة 50 ميغاواط.", "org:huawei"),
    ("ووفقا للاتفاق، ستقوم الصين ببناء محطة للطاقة الحرارية بقدرة 300 ميغاواط.", "country:CN"),
])
def test_the_builder_across_reports_asides_and_light_verbs(extractor, text, builder):
    assert builders(extractor, text) == {builder}


@pytest.mark.parametrize("text, forms", [
    ("وستنفذ الشركة مشروع «الواحة الخضراء» في المدينة.", ("مشروع «الواحة الخضراء»", "الواحة الخضراء")),
    ("وتبني الصين مشروع «نور» للطاقة الشمسية في الصحراء.", ("مشروع «نور» للطاقة الشمسية", "نور")),
    ("وتشارك الصين في مشروع كاسا-1000 لنقل الكهرباء.", ("مشروع كاسا-1000", "كاسا-1000")),
])
def test_a_project_named_in_quotes_or_by_a_name_and_its_number(extractor, text, forms):
    assert named(extractor, text, *forms), project_forms(run(extractor, text))


@pytest.mark.parametrize("text", [
    "وناقش الجانبان مشروع «القرار» في الاجتماع.",  # a draft
    "وأطلقت الحكومة مشروع «حزام واحد وطريق واحد» منذ سنوات.",  # the initiative
    "وأشاد الرئيس بفضل مشروع «النهضة الكبرى» على البلاد.",  # a quoted name alone: a programme perhaps
])
def test_a_draft_or_an_initiative_in_quotes_is_no_project(extractor, text):
    assert project_forms(run(extractor, text)) == {}


def test_a_dual_head_and_two_quoted_names_are_two_works_built_by_the_subject(extractor):
    result = run(extractor, "وتبني شركة هواوي محطتي «باش» و«جانكلدي» لطاقة الرياح بقدرة 1000 ميغاواط.")
    forms = project_forms(result)
    for name in ("باش", "جانكلدي"):
        assert any({phrase_key(name), phrase_key(f"محطة «{name}»")} <= f for f in forms.values()), forms
    assert {w for b, w in builds(result) if b == "org:huawei"} == set(forms), builds(result)


def test_a_plural_head_without_quoted_names_is_no_work(extractor):
    assert project_forms(run(extractor, "وقال إن المحطات الجديدة ستعمل قريبا في الجنوب.")) == {}


@pytest.mark.parametrize("text, expected", [
    ("وقال وزير الطاقة الأوزبكي في حفل أقيم يوم الاثنين في طشقند إن شركة هواوي ستبدأ في الربع الأول من "
     "العام المقبل بناء محطة للطاقة الشمسية بقدرة 50 ميغاواط في ولاية نافوي.", {"org:huawei"}),
    ("وفي إطار مبادرة الحزام والطريق، استثمرت الصين خلال السنوات العشر الماضية أكثر من 5 مليارات دولار "
     "في بناء محطة «زرافشان» الكهرومائية ومصنع «آق تاش» للإسمنت.", {"country:CN"}),
    ("وتم يوم الجمعة في مدينة نافوي تدشين محطة «نوراتا» للطاقة الشمسية التي شيدتها شركة هواوي الصينية "
     "بتكلفة بلغت 60 مليون دولار.", {"org:huawei"}),
    ("وأعلنت وزارة الطاقة الكازاخستانية اختيار شركة هواوي لبناء محطة للطاقة الشمسية بقدرة 50 ميغاواط.",
     {"org:huawei"}),
])
def test_long_wire_sentences_name_only_the_builder(extractor, text, expected):
    assert builders(extractor, text) == expected


@pytest.mark.parametrize("text, builder", [
    ("وتم افتتاح مصنع «آق تاش» للإسمنت الذي بناه بنك التنمية الصيني.", "org:china-development-bank"),
    ("ونفق «شاهرستان» المشيد من قبل شركة صينية.", "country:CN"),
    ("ومصنع «آق تاش» للإسمنت الممول من قبل بنك التنمية الصيني.", "org:china-development-bank"),
])
def test_a_relative_or_a_participle_after_the_work_names_its_builder(extractor, text, builder):
    assert builders(extractor, text) == {builder}


@pytest.mark.parametrize("text, form", [
    ("وتم تشغيل محطة كاراسو بقدرة 300 ميغاواط في العام الماضي.", "محطة كاراسو بقدرة 300 ميغاواط"),
    ("وقال إن مصنع كاراسو سيوفر آلاف الوظائف.", "مصنع كاراسو"),
    ("وتم تشغيل المنطقة الصناعية كاراسو في العام الماضي.", "المنطقة الصناعية كاراسو"),
    ("وزار الوفد الميناء الجاف كاراسو أمس.", "الميناء الجاف كاراسو"),
])
def test_a_name_no_list_knows_ends_before_a_capacity_or_a_verb(extractor, text, form):
    forms = project_forms(run(extractor, text))
    assert named(extractor, text, form), forms
    assert not any(f.endswith((phrase_key("بقدرة"), phrase_key("سيوفر"))) for got in forms.values() for f in got), forms


@pytest.mark.parametrize("text", [
    "وقال إن المنطقة الصناعية الجديدة ستوفر آلاف الوظائف.",  # an adjective after a definite head: no name
    "وتعمل المنطقة الصناعية بكامل طاقتها.",
])
def test_a_definite_head_and_an_adjective_or_a_verb_is_no_name(extractor, text):
    assert project_forms(run(extractor, text)) == {}


def test_a_named_work_is_also_named_without_a_generic_adjective_after_it(extractor):
    assert named(extractor, "وتفخر المدينة بمصنع «آق تاش» للإسمنت الجديد.", "مصنع «آق تاش» للإسمنت")


@pytest.mark.parametrize("text, leader, country", [
    ("ووضع الرئيس الكازاخستاني توكاييف حجر الأساس لمحطة «نوراتا» للطاقة الشمسية.",
     "leader:kassym-jomart-tokayev", "country:KZ"),
    ("وافتتح توكاييف ميناء جديدا في مدينة أكتاو.", "leader:kassym-jomart-tokayev", "country:KZ"),
])
def test_a_leader_who_builds_is_named_beside_the_country(extractor, text, leader, country):
    assert builders(extractor, text) == {leader, country}


def test_a_leader_named_far_before_a_building_noun_does_not_build(extractor):
    text = ("وعقب زيارة الرئيس توكاييف إلى موسكو، قال الوزير إن الجانب الروسي مهتم بتنفيذ مشروع "
            "محطة «نوراتا» للطاقة الشمسية.")
    assert not any(b.startswith("leader:") for b in builders(extractor, text))


def test_a_work_named_after_someone_by_an_honorific(extractor):
    assert named(extractor, "وافتتح الوزير متحف أمير نوروز في المدينة القديمة.", "متحف أمير نوروز")
    assert project_forms(run(extractor, "وزار الرئيس متحف أمير الشعراء.")) == {}  # a title of a common noun


def test_a_capacity_in_arabic_indic_digits_is_the_same_work(extractor):
    text = "وتبني الشركة محطة للطاقة الشمسية بقدرة ٣٠٠ ميغاواط. وستعمل محطة للطاقة الشمسية بقدرة 300 ميغاواط قريبا."
    assert len(project_forms(run(extractor, text))) == 1
