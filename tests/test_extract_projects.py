"""Projects (plants, fields, mines, ports, zones, border posts, metro lines) and the forms news
names them by: sentences written for these tests (not from the seeds or the real set), each class
with positive and negative cases."""
from __future__ import annotations

import pytest

from silkgraph.normalize import phrase_key
from silkgraph.records import Article


def project_forms(extractor, text: str) -> dict[str, set[str]]:
    """Project id -> the phrase keys of every form its mentions give (label, text, aliases)."""
    out: dict[str, set[str]] = {}
    for m in extractor.extract(Article("t", text)).mentions:
        if m.entity.type == "Project":
            out.setdefault(m.entity.id, set()).update(phrase_key(f) for f in (m.entity.label_ar, m.text, *m.aliases))
    return out


def named(extractor, text: str, *forms: str) -> bool:
    """One project of ``text`` carries all ``forms``."""
    wanted = {phrase_key(f) for f in forms}
    return any(wanted <= got for got in project_forms(extractor, text).values())


@pytest.mark.parametrize("text, form", [
    ("وافتتح الوزير أمس مرفأ بيرم على ساحل البحر.", "مرفأ بيرم"),
    ("وبدأ العمل في نقطة التفتيش الحدودية «قره سو» بعد تحديثها.", "نقطة التفتيش الحدودية «قره سو»"),
    ("وسيربط خط المترو الثاني في طشقند أحياء المدينة.", "خط المترو الثاني في طشقند"),
    ("وتشيد شركة صينية محطة طاقة رياح بقدرة 100 ميغاواط في الصحراء.", "محطة طاقة رياح بقدرة 100 ميغاواط"),
    ("ودخل خط السكك الحديدية الخفيفة في أستانا مرحلة التشغيل التجريبي.",
     "خط السكك الحديدية الخفيفة في أستانا"),
    ("وتعتزم الحكومة تطوير المنطقة الاقتصادية الحرة «أنغرين» خلال العام.", "المنطقة الاقتصادية الحرة «أنغرين»"),
    ("وتم تدشين مركز التجارة الحدودية في مدينة خورغوس قبل عامين.", "مركز التجارة الحدودية في مدينة خورغوس"),
    ("وتنتج محطة للطاقة الكهروضوئية في ولاية نافوي كهرباء نظيفة.", "محطة للطاقة الكهروضوئية في ولاية نافوي"),
    ("وافتتحت محطة الحاويات في مدينة أكتاو أمس.", "محطة الحاويات في مدينة أكتاو"),
    ("وتبني الشركة محطة للطاقة الريحية بقدرة 1000 ميغاواط في الصحراء.", "محطة للطاقة الريحية بقدرة 1000 ميغاواط"),
])
def test_project_heads_news_writes(extractor, text, form):
    assert named(extractor, text, form), project_forms(extractor, text)


@pytest.mark.parametrize("text, forms", [
    ("وبدأ تشغيل محطة «نورك-3» للطاقة الكهرومائية الشهر الماضي.", ("نورك-3", "محطة «نورك-3»")),
    ("وتسعى الشركة إلى زيادة الإنتاج في حقل «تنغيز» النفطي.", ("تنغيز", "حقل «تنغيز» النفطي")),
    ("وتزور البعثة محطة روغون-2 الكهرومائية غدا.", ("روغون-2", "محطة روغون-2 الكهرومائية")),
])
def test_a_projects_name_alone_and_with_its_adjective(extractor, text, forms):
    assert named(extractor, text, *forms), project_forms(extractor, text)


@pytest.mark.parametrize("text, forms", [
    ("وانطلقت أعمال المرحلة الثالثة من حقل «تنغيز» للنفط.", ("حقل «تنغيز» للنفط", "المرحلة الثالثة من حقل «تنغيز» للنفط")),
    ("وتكتمل المرحلة الأولى لمحطة الطاقة الحرارية رقم 3 في الصيف.",
     ("محطة الطاقة الحرارية رقم 3", "المرحلة الأولى لمحطة الطاقة الحرارية رقم 3")),
])
def test_a_phase_names_its_project(extractor, text, forms):
    assert named(extractor, text, *forms), project_forms(extractor, text)


def test_a_phase_of_something_else_is_no_form(extractor):
    text = "وبدأت المرحلة الثانية من المحادثات قرب حقل «تنغيز» للنفط."
    forms = set().union(*project_forms(extractor, text).values())
    assert phrase_key("حقل «تنغيز» للنفط") in forms
    assert not any(f.startswith(phrase_key("المرحلة")) for f in forms)


@pytest.mark.parametrize("text", [
    "وقال إن المصانع الصينية في البلاد توفر آلاف الوظائف.",  # a plural: no one project
    "وتضم المحطة ومخزنا للوقود وورشة للصيانة.",  # a fragment of a list: no name
    "وستبني الشركة محطة ومخزنا للحبوب قرب الحدود.",  # two works of a list, neither named
    "وتم إنشاء ميناء ومطار في المدينة الساحلية.",
    "وأرسل البنك مذكرة إلى الحكومة في الشهر الماضي.",  # a note, not a signed memorandum
    "وقال إن بناء محطة جديدة يحتاج إلى وقت.",  # a plant with nothing to tell it apart
])
def test_no_project_or_document_from_a_generic_mention(extractor, text):
    found = [m.entity for m in extractor.extract(Article("t", text)).mentions
             if m.entity.type in ("Project", "Agreement")]
    assert found == [], found


@pytest.mark.parametrize("text, form", [
    ("وتجري حاليا أعمال بناء مصنع لتعليب الفواكه بدعم صيني.", "مصنع لتعليب الفواكه"),
    ("وتعهدت الشركة بإنشاء مصنع تجميع الحافلات الكهربائية خلال عامين.", "مصنع تجميع الحافلات الكهربائية"),
    ("وقررت الحكومة تشييد مجمع لإنتاج البتروكيماويات.", "مجمع لإنتاج البتروكيماويات"),
])
def test_an_unnamed_work_the_sentence_builds_is_a_project(extractor, text, form):
    assert named(extractor, text, form), project_forms(extractor, text)


@pytest.mark.parametrize("text", [
    "وأكد أن بناء مصنع جديد سيستغرق عامين.",  # an adjective, then a verb: no name, nothing told apart
    "وقال إن تطوير مصانع الغزل يحتاج إلى استثمارات.",  # a plural kind
    "وتحدث الخبراء عن مصنع للأسمدة في مؤتمر صحفي.",  # no building word, no place: no one work
    "ودعا الوزير إلى بناء جسر للتفاهم بين الشعبين.",  # a figure of speech
])
def test_no_project_from_a_kind_of_work(extractor, text):
    assert project_forms(extractor, text) == {}


def test_a_complex_by_its_quoted_name_and_its_adjective(extractor):
    text = "وزار الوزير مجمع «قره داغ» الكيماوي في الشهر الماضي."
    assert named(extractor, text, "قره داغ", "مجمع «قره داغ» الكيماوي")


def test_a_complex_with_neither_name_nor_purpose_is_no_project(extractor):
    assert project_forms(extractor, "وزار الوزير مجمع الوزارة في العاصمة.") == {}


def test_a_name_after_a_list_is_still_a_name(extractor):
    text = "وستبني الشركة محطة «فاخش-4» ومخزنا للوقود قرب الحدود."
    assert named(extractor, text, "فاخش-4", "محطة «فاخش-4»")


def test_a_time_word_ends_a_projects_purpose(extractor):
    text = "وبدأ تشغيل محطة «بامير-2» للطاقة الكهرومائية الأسبوع الماضي."
    labels = {m.entity.label_ar for m in extractor.extract(Article("t", text)).mentions if m.entity.type == "Project"}
    assert labels == {"محطة «بامير-2» للطاقة الكهرومائية"}


def test_a_plant_in_the_accusative_is_named_in_the_nominative(extractor):
    text = "وافتتح الرئيس مصنعا جديدا لإنتاج الأسمدة في منطقة نافوي."
    assert named(extractor, text, "مصنع جديد لإنتاج الأسمدة في منطقة نافوي", "مصنع جديد لإنتاج الأسمدة")


def test_a_capacity_after_the_place_is_a_form_too(extractor):
    text = "وتم تشغيل محطة الطاقة الشمسية في منطقة نافوي بقدرة 300 ميغاواط."
    assert named(extractor, text, "محطة الطاقة الشمسية في منطقة نافوي",
                 "محطة الطاقة الشمسية في منطقة نافوي بقدرة 300 ميغاواط", "محطة الطاقة الشمسية بقدرة 300 ميغاواط")


def test_a_named_station_by_its_first_head_word_and_name(extractor):
    assert named(extractor, "وتقع محطة الطاقة الكهرومائية «سانغتودا» على النهر.", "محطة سانغتودا", "سانغتودا")


@pytest.mark.parametrize("text", [
    "وكانت القرية صغيرة قبل أن تتحول سريعا إلى مركز إقليمي للتجارة.",  # what a place became
    "ويعد الميناء مجمعا حيويا للصناعات البحرية في المنطقة.",  # a predicate of a work named before
    "وتأمل الحكومة بأن يصبح المطار مركزا مهما للشحن الجوي.",
])
def test_no_project_from_what_something_becomes(extractor, text):
    assert project_forms(extractor, text) == {}


def test_a_named_work_after_a_predicate_word_is_still_named(extractor):
    text = "ويعد ميناء أكتاو من أهم موانئ بحر قزوين."
    assert named(extractor, text, "ميناء أكتاو")


@pytest.mark.parametrize("text, forms", [
    ("وتشارك الشركة في مشروع تطوير متعدد المراحل في كاراتشاغاناك.",
     ("مشروع تطوير متعدد المراحل في كاراتشاغاناك", "كاراتشاغاناك")),
    ("وبدأ مشروع إنشاء كبير في مدينة نوكوس.", ("مشروع إنشاء كبير في مدينة نوكوس",)),
])
def test_a_project_by_the_work_and_its_place(extractor, text, forms):
    assert named(extractor, text, *forms), project_forms(extractor, text)


@pytest.mark.parametrize("text", [
    "وقال إن مشروع القانون في البرلمان سيناقش غدا.",  # not a work
    "وتحدث عن مشروع ستنفذه الشركة في العاصمة.",  # a clause about a project
])
def test_no_project_from_a_project_word_and_a_place(extractor, text):
    assert project_forms(extractor, text) == {}


def test_a_port_in_a_town_no_list_knows_is_that_towns(extractor):
    text = "وافتتحت تركمانستان ميناء جديدا في قره بوغاز على الساحل."
    assert named(extractor, text, "ميناء قره بوغاز", "قره بوغاز")


def test_no_port_from_a_time_or_a_common_word_after_fi(extractor):
    assert project_forms(extractor, "وسيفتتح ميناء جديد في غضون عامين.") == {}


@pytest.mark.parametrize("text", [
    "وافتتح الرئيس محطة للطاقة الشمسية بنتها شركة مصدر الإماراتية.",
    "وزار الوفد مصنعا للإسمنت أنشأته شركة صينية.",
])
def test_the_verb_after_a_work_is_no_part_of_its_name(extractor, text):
    forms = project_forms(extractor, text)
    assert not any(w in f for fs in forms.values() for f in fs for w in ("بنتها", "أنشأته", "انشاته")), forms


@pytest.mark.parametrize("name", ["فان يغناب", "فاروق", "وادي السلام", "بيت الحكمة", "لوبنور"])
def test_a_quoted_name_keeps_the_letter_a_proclitic_could_be(extractor, name):
    # ف، و، ب، ل open the quoted name itself (فان is not ف + أن): its alias is the name as written
    text = f"وتبني الشركة محطة الطاقة الحرارية «{name}» في البلاد."
    forms = {a for m in extractor.extract(Article("t", text)).mentions if m.entity.type == "Project" for a in m.aliases}
    assert name in forms, forms
    assert not any(f.endswith(name[1:]) and not f.endswith(name) for f in forms), forms


@pytest.mark.parametrize("text, forms", [
    # buildings, stadiums, palaces, reservoirs, warehouses, border posts and facilities built by
    # contractors or with aid, by a name, a description or a place
    ("وتبني الصين قصر الأمة في العاصمة دوشنبه.", ("قصر الأمة",)),
    ("وبدأت أعمال توسعة خزان \"ساري ياز\" في جنوب البلاد.", ('خزان "ساري ياز"',)),
    ("وتسلمت طاجيكستان مخفر \"شيموز\" الحدودي في ولاية بدخشان.", ('مخفر "شيموز"', 'مخفر "شيموز" الحدودي')),
    ("وبنت الشركة محطة \"داتكا\" الفرعية في جنوب البلاد.", ('محطة "داتكا"', 'محطة "داتكا" الفرعية')),
    ("ووقعت الشركة عقدا لبناء منشأة لمعالجة الغاز في الحقل.", ("منشأة لمعالجة الغاز",)),
    ("وشيدت الشركة الصينية المبنى الجديد للبرلمان في دوشنبه.", ("المبنى الجديد للبرلمان",)),
])
def test_works_built_with_aid_or_by_contractors(extractor, text, forms):
    assert named(extractor, text, *forms), project_forms(extractor, text)


def project_ids(extractor, article_id: str, text: str) -> set[str]:
    return {m.entity.id for m in extractor.extract(Article(article_id, text)).mentions if m.entity.type == "Project"}


def test_a_building_in_a_city_is_its_articles_not_the_citys_one(extractor):
    """A city has one port, but many buildings: the same words in two articles are two buildings,
    and a definite company before the building is its builder, not a longer company name."""
    text = "وشيدت الشركة المبنى الجديد للبرلمان في دوشنبه."
    one, other = project_ids(extractor, "a1", text), project_ids(extractor, "a2", text)
    assert len(one) == len(other) == 1 and one != other
    assert not any(m.entity.type == "Organization" for m in extractor.extract(Article("a1", text)).mentions)
    port = "وافتتح الميناء الجاف في خورغوس."
    assert project_ids(extractor, "a1", port) == project_ids(extractor, "a2", port) != set()


def test_words_that_only_look_like_the_new_heads_make_no_work(extractor):
    for text in ("وتحدث الوزير عن قصر المدة المتاحة للمفاوضات.",
                 "وقال إن المبنى جاهز.",
                 "وأكد أن الخزان ممتلئ."):
        assert not project_forms(extractor, text), text
