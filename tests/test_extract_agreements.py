"""Agreements, who signs them, organisations and who leads them, on Arabic sentences written for
these tests (not from the seeds or the real set): each class with positive and negative cases."""
from __future__ import annotations

import pytest

from silkgraph.normalize import phrase_key
from silkgraph.records import Article


@pytest.fixture(scope="module")
def known(extractor):
    """Arabic form (any alias) -> gazetteer entity id."""
    table = {}
    for entry in extractor.lex.entries.values():
        for form in (entry.entity.label_ar, *entry.aliases_ar):
            table.setdefault(phrase_key(form), entry.entity.id)
    return table


def extracted(extractor, text: str):
    return extractor.extract(Article("t", text))


def signers(extractor, known, text: str) -> set[str]:
    """The Arabic labels (gazetteer ids for known entities) of whoever signed something."""
    out = set()
    for r in extracted(extractor, text).relations:
        if r.type == "signed":
            out.add(r.source.id if r.source.id in extractor.lex.entries else r.source.label_ar)
    return out


def ids(known, *names: str) -> set[str]:
    return {known[phrase_key(n)] for n in names}


# -- signed: both sides --------------------------------------------------------------------------
def test_the_two_countries_sign_as_the_article_names_them(extractor, known):
    text = ("استقبل الرئيس الصيني شي جين بينغ نظيره الكازاخستاني قاسم جومارت توكاييف في بكين. "
            "وبعد المحادثات وقع البلدان على اتفاقية للتعاون في مجال النقل البري.")
    assert ids(known, "الصين", "كازاخستان") <= signers(extractor, known, text)


def test_the_two_sides_by_their_nisbas(extractor, known):
    text = "ووقع الجانبان الصيني والطاجيكي اتفاقية للتعاون في مجال الزراعة الحديثة."
    assert signers(extractor, known, text) == ids(known, "الصين", "طاجيكستان")


def test_a_dual_verb_after_its_subjects(extractor, known):
    text = "وقالت الصحيفة إن روسيا وأوزبكستان وقعتا اتفاقية للتعاون في مجال الطاقة النووية."
    assert signers(extractor, known, text) == ids(known, "روسيا", "أوزبكستان")


def test_signed_without_an_agent_takes_the_parties_after_bayna(extractor, known):
    text = "وجرى التوقيع على اتفاقية للتعاون في مجال الجمارك بين الصين وقيرغيزستان في بيشكيك."
    assert signers(extractor, known, text) == ids(known, "الصين", "قيرغيزستان")


def test_witnessed_signing_gives_the_witnesses_countries_not_the_witnesses(extractor, known):
    text = ("وتم التوقيع على اتفاقية للتعاون في مجال التعليم العالي بحضور الرئيس الصيني شي جين بينغ "
            "والرئيس التركماني سردار بردي محمدوف.")
    got = signers(extractor, known, text)
    assert ids(known, "الصين", "تركمانستان") <= got
    assert not any(s.startswith("leader:") for s in got)


def test_a_witness_phrase_does_not_hide_the_document(extractor, known):
    text = "ووقعت الصين وأوزبكستان في حضور الرئيسين اتفاقية بشأن إنشاء مجمع صناعي مشترك."
    assert signers(extractor, known, text) == ids(known, "الصين", "أوزبكستان")


def test_a_document_named_by_its_head_alone_is_the_one_named_before(extractor, known):
    text = ("قالت وزارة الخارجية الطاجيكية إن اتفاقية الإعفاء من التأشيرات بين الصين وطاجيكستان دخلت حيز "
            "التنفيذ. وكان الجانبان قد وقعا على الاتفاقية في العام الماضي.")
    result = extracted(extractor, text)
    signed = {(r.source.id, r.target.label_ar) for r in result.relations if r.type == "signed"}
    assert {(c, "اتفاقية الإعفاء من التأشيرات") for c in ids(known, "الصين", "طاجيكستان")} <= signed


def test_no_two_sides_when_the_article_names_one_country(extractor, known):
    text = "زار الوفد الكازاخستاني المعرض. ووقع الجانبان على اتفاقية للتعاون في مجال السياحة."
    assert signers(extractor, known, text) == set()


def test_the_two_countries_do_not_sign_what_they_only_discuss(extractor, known):
    text = ("زار رئيس الوزراء الصيني لي تشيانغ أستانا. وناقش البلدان اتفاقية للتعاون في مجال المياه.")
    assert signers(extractor, known, text) == set()
