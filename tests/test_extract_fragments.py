"""Fragments of agreements, projects and events: where a described document's name ends and when
a described mention is a node at all. Sentences written for these tests (not from the seeds or
the real set), each class with positive and negative cases."""
from __future__ import annotations

import pytest

from silkgraph.records import Article


def labels(extractor, text: str, kind: str) -> set[str]:
    """The Arabic labels of the entities of type ``kind`` the sentence names."""
    return {m.entity.label_ar for m in extractor.extract(Article("t", text)).mentions if m.entity.type == kind}


# -- a purpose that lost its object: the name does not end on it ----------------------------------
@pytest.mark.parametrize("text", [
    "ووقعت بكين وطشقند اتفاقية لتطوير خلال الزيارة التي استمرت يومين.",
    "ووقع الوزيران اتفاقا لتعزيز، ثم عقدا مؤتمرا صحفيا مشتركا.",
    "ووقعت وزارة الطاقة عقدا لإنشاء، بحسب بيان الوزارة.",
])
def test_a_dangling_purpose_names_no_document(extractor, text):
    assert labels(extractor, text, "Agreement") == set()


def test_a_purpose_with_its_object_names_the_document(extractor):
    text = "ووقعت بكين وطشقند اتفاقية لتطوير شبكات الري الحديثة خلال الزيارة."
    assert labels(extractor, text, "Agreement") == {"اتفاقية لتطوير شبكات الري الحديثة"}


# -- a head and adjectives that tell nothing apart --------------------------------------------------
@pytest.mark.parametrize("text", [
    "وأبرم البلدان اتفاقا نهائيا في ختام المفاوضات.",
    "ووقع رئيسا الوزراء وثيقة تاريخية في العاصمة.",
    "ووقع الجانبان اتفاقية جديدة مهمة الأسبوع الماضي.",
])
def test_a_head_and_a_vague_adjective_is_no_node(extractor, text):
    assert labels(extractor, text, "Agreement") == set()


def test_a_vague_adjective_then_the_subject_still_names_it(extractor):
    text = "ووقع البلدان اتفاقية جديدة بشأن الإعفاء من الرسوم الجمركية."
    assert labels(extractor, text, "Agreement") == {"اتفاقية جديدة بشأن الإعفاء من الرسوم الجمركية"}


def test_a_telling_adjective_keeps_the_document(extractor):
    text = "ووقع الجانبان معاهدة الصداقة الدائمة في العاصمة."
    assert labels(extractor, text, "Agreement") == {"معاهدة الصداقة الدائمة"}


# -- a clause describing the document ends its name -------------------------------------------------
@pytest.mark.parametrize("text", [
    "ووقع البلدان اتفاقية تنص على تبادل الطلاب بين الجامعات.",
    "وأبرمت الحكومتان اتفاقا يقضي بإلغاء الرسوم على الحبوب.",
    "ووقع الجانبان اتفاقية يبلغ حجمها ثلاثة مليارات دولار.",
])
def test_a_clause_after_the_head_names_no_document(extractor, text):
    assert labels(extractor, text, "Agreement") == set()


def test_the_name_ends_before_the_clause(extractor):
    text = "ووقع البلدان اتفاقية التجارة الحرة التي تنص على إلغاء الرسوم."
    assert labels(extractor, text, "Agreement") == {"اتفاقية التجارة الحرة"}


def test_a_value_right_after_the_head_still_names_it(extractor):
    text = "ووقعت الشركتان اتفاقا بقيمة 300 مليون دولار في العاصمة."
    assert labels(extractor, text, "Agreement") == {"اتفاق بقيمة 300 مليون دولار"}


# -- documents named together ----------------------------------------------------------------------
def test_documents_of_a_generic_kind_are_no_node(extractor):
    text = "وشهد الرئيسان توقيع وثائق التعاون في مجالات الزراعة والصحة."
    assert labels(extractor, text, "Agreement") == set()


def test_counted_documents_keep_the_letter_their_head_begins_with(extractor):
    assert labels(extractor, "ووقع الطرفان سبع وثائق في ختام المباحثات.", "Agreement") == {"وثائق"}
    assert labels(extractor, "ووقع الجانبان أربع وثائق تعاون.", "Agreement") == {"وثائق تعاون"}


def test_definite_documents_signed_are_a_node(extractor):
    text = "ووقع الطرفان الوثائق التعاونية في مجالات الزراعة والصحة."
    assert labels(extractor, text, "Agreement") == {"الوثائق التعاونية في مجالات الزراعة والصحة"}


def test_a_name_beginning_with_lam_is_no_dangling_purpose(extractor):
    assert labels(extractor, "ووقع الطرفان اتفاقية لوزان في العام الماضي.", "Agreement") == {"اتفاقية لوزان"}


def test_a_particle_after_the_head_ends_it(extractor):
    text = "ووقع الجانبان اتفاقا لم تعلن تفاصيله بعد."
    assert labels(extractor, text, "Agreement") == set()
    assert labels(extractor, "ووقعت الدول معاهدة لندن في العام الماضي.", "Agreement") == {"معاهدة لندن"}


# -- events ---------------------------------------------------------------------------------------
def forms(extractor, text: str, kind: str) -> set[str]:
    """Every form the sentence gives the entities of type ``kind``: label, text and aliases."""
    out = set()
    for m in extractor.extract(Article("t", text)).mentions:
        if m.entity.type == kind:
            out |= {m.entity.label_ar, m.text, *m.aliases}
    return out


def test_a_quoted_event_name_is_a_form_of_its_own(extractor):
    assert "ربيع الحرير" in forms(extractor, 'وشارك الرئيس في منتدى "ربيع الحرير" في مدينة شيآن.', "Event")
    assert "طريق الحرير الجديد" in forms(extractor, "وافتتح معرض «طريق الحرير الجديد» في أورومتشي.", "Event")


def test_an_unquoted_event_has_no_bare_name_form(extractor):
    assert "الحرير" not in forms(extractor, "وشارك الرئيس في منتدى الحرير في مدينة شيآن.", "Event")


@pytest.mark.parametrize("text", [
    "وقال الوزير في مؤتمر صحفي مشترك إن البلدين سيعززان التجارة.",
    "وحضر السفير مؤتمرا إقليميا في العاصمة.",
    "وشارك الوفد في منتدى اقتصادي الأسبوع الماضي.",
])
def test_an_event_head_and_its_adjective_is_no_event(extractor, text):
    assert labels(extractor, text, "Event") == set()


def test_an_event_by_a_feminine_adjective_and_a_named_event_stay(extractor):
    assert labels(extractor, "وعقد القادة قمة افتراضية للاحتفال بالذكرى العاشرة للعلاقات.", "Event") == {"قمة افتراضية"}
    assert labels(extractor, "وشارك الرئيس في منتدى بوآو الآسيوي.", "Event") == {"منتدى بوآو الآسيوي"}  # its relational adjective is part of its name


# -- projects -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "وافتتحت الحكومة ميناء تجاريا على البحر.",
    "وزار الوفد متحفا محليا في المدينة.",
    "وتحدث عن مطار إقليمي في الشمال.",
])
def test_a_project_head_and_its_adjective_is_no_name(extractor, text):
    assert labels(extractor, text, "Project") == set()


def test_a_project_named_by_a_word_in_iyya_stays(extractor):
    assert labels(extractor, "ووصل أول قطار إلى محطة شيانغيه في المقاطعة.", "Project") == {"محطة شيانغيه"}


# -- a place glued to ب after a head; who meets without whose ------------------------------------------
def test_a_head_and_a_place_glued_to_ba_is_no_name(extractor):
    assert labels(extractor, "وشارك الرئيس في قمة بالعاصمة الصينية.", "Event") == set()
    assert labels(extractor, "ووقع الجانبان وثيقة بأستانا.", "Agreement") == set()


def test_a_name_whose_first_letter_is_ba_stays(extractor):
    assert labels(extractor, "وشارك الرئيس في قمة بيشكيك.", "Event") == {"قمة بيشكيك"}
    assert labels(extractor, "ووقع البلدان اتفاقية بشأن التعاون في مجال النقل.", "Agreement") == {
        "اتفاقية بشأن التعاون في مجال النقل"}


def test_a_meeting_of_ministers_without_whose_is_no_event(extractor):
    assert labels(extractor, "وعقد اجتماعا لوزراء في العاصمة.", "Event") == set()
    assert labels(extractor, "وشارك في اجتماع وزراء الخارجية.", "Event") == {"اجتماع وزراء الخارجية"}


# -- a shorter description of what the article named in full: an alias ------------------------------------
def ids_of(extractor, text: str, kind: str) -> set[str]:
    return {m.entity.id for m in extractor.extract(Article("t", text)).mentions if m.entity.type == kind}


def test_a_shorter_description_is_the_document_named_in_full(extractor):
    text = ("ووقعت الشركتان اتفاقية تعاون بشأن إنتاج الألواح الشمسية في طاجيكستان. "
            "وتنص اتفاقية التعاون على بناء مصنعين. وقال المدير إن اتفاقية تعاون كهذه تفتح أسواقا جديدة.")
    assert len(ids_of(extractor, text, "Agreement")) == 1
    assert {"اتفاقية التعاون", "اتفاقية تعاون"} <= forms(extractor, text, "Agreement")


def test_a_shorter_description_of_a_numbered_meeting_is_that_meeting(extractor):
    text = ("وعقد الاجتماع الثالث لوزراء النقل في الصين ودول آسيا الوسطى في مدينة أورومتشي. "
            "واتفق المشاركون في اجتماع وزراء النقل على خطة للطرق.")
    assert len(ids_of(extractor, text, "Event")) == 1


def test_two_documents_a_description_fits_both_of_stay_apart(extractor):
    text = ("ووقع البلدان اتفاقية تعاون بشأن النقل البري واتفاقية تعاون بشأن الطيران المدني. "
            "وقال الوزير إن اتفاقية التعاون مهمة.")
    labels_found = labels(extractor, text, "Agreement")
    assert {"اتفاقية تعاون بشأن النقل البري", "اتفاقية تعاون بشأن الطيران المدني"} <= labels_found


def test_a_draft_law_is_no_project(extractor):
    assert labels(extractor, "وأقر البرلمان مشروع القانون الجديد للضرائب.", "Project") == set()
    assert labels(extractor, "وقدمت الحكومة مشروع قرار إلى المجلس.", "Project") == set()
    assert labels(extractor, "وتنفذ الشركة مشروع المدينة الصناعية.", "Project") == {"مشروع المدينة الصناعية"}


def test_a_tafaala_verb_after_documents_ends_their_name(extractor):
    assert labels(extractor, "ووقع الطرفان اتفاقية تتناول قضايا الحدود.", "Agreement") == set()
    assert labels(extractor, "ووقع الطرفان عشر اتفاقيات تتعلق بالطاقة.", "Agreement") == {"اتفاقيات"}


def test_coordinated_verbal_nouns_share_their_object(extractor):
    text = "ووقع البلدان اتفاقية لتطوير وتحديث شبكات الري."
    assert labels(extractor, text, "Agreement") == {"اتفاقية لتطوير وتحديث شبكات الري"}
    assert labels(extractor, "ووقع البلدان اتفاقية لتطوير وتوسيع، ثم غادر الوفد.", "Agreement") == set()


def test_a_time_or_concession_word_ends_the_name(extractor):
    assert labels(extractor, "ووقع الطرفان اتفاق الهدنة نهاية الشهر.", "Agreement") == {"اتفاق الهدنة"}
    assert labels(extractor, "ووقع الجانبان وثيقة الوفاق الوطني رغم الخلافات.", "Agreement") == {"وثيقة الوفاق الوطني"}
