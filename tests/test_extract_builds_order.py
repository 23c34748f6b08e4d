"""Who builds when the builder is named after the work (issue 8): verb–object–subject order and
a subject after a long object, and known organisations by their full Arabic name. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from silkgraph.records import Article
from tests.test_extract_builds import builders, builds, run


# -- verb, object, subject ------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # feminine imperfect, a long object with a place behind في before the subject
    ("وتنفذ محطة للطاقة الشمسية بقدرة 60 ميجاوات في قرغيزستان شركة هواوي.", {"org:huawei"}),
    # the future with سـ, a bank as the subject
    ("وستمول محطة لطاقة الرياح بقدرة 90 ميجاوات بنك التنمية الصيني.", {"org:china-development-bank"}),
    # masculine imperfect, a consortium word before the builders it groups
    ("ويبني محطة للطاقة الحرارية بقدرة 150 ميجاوات تحالف من الشركات الصينية.", {"country:CN"}),
    # the future with سوف, a consortium that includes (يضم) its members
    ("وسوف يبني الطريق السريع بين الصين وقرغيزستان ائتلاف يضم شركات صينية.", {"country:CN"}),
    # perfect, two coordinated subjects after the place
    ("ويشيد محطة للطاقة الشمسية بقدرة 60 ميجاوات في أوزبكستان الصين وكازاخستان.", {"country:CN", "country:KZ"}),
    # perfect, a corridor whose own ends are no subjects
    ("وشيدت خط السكة الحديد بين الصين وقرغيزستان شركة كوسكو.", {"org:cosco"}),
    # a consortium named by its nisba after a date
    ("وقد بنى محطة للطاقة الشمسية بقدرة 60 ميجاوات في كازاخستان عام 2015 تحالف صيني.", {"country:CN"}),
    # a building noun after a verb whose subject does it: تولى، قام ب، شارك في، أسهم في
    ("وتولت تنفيذ محطة للطاقة الشمسية بقدرة 60 ميجاوات شركة هواوي.", {"org:huawei"}),
    ("وستتولى تنفيذ محطة للطاقة الشمسية بقدرة 60 ميجاوات شركة هواوي.", {"org:huawei"}),
    ("وتقوم ببناء محطة للطاقة الشمسية بقدرة 60 ميجاوات في كازاخستان شركة هواوي الصينية.", {"org:huawei"}),
    ("وشاركت في بناء محطة للطاقة الشمسية بقدرة 60 ميجاوات شركة هواوي.", {"org:huawei"}),
    ("وأسهمت في تمويل محطة للطاقة الشمسية بقدرة 60 ميجاوات الصين.", {"country:CN"}),
    # works words and a building noun before the work
    ("وتنفذ أعمال بناء محطة للطاقة الشمسية بقدرة 60 ميجاوات شركة هواوي.", {"org:huawei"}),
    # a relative clause on the work set off by commas
    ("ويبني محطة للطاقة الشمسية بقدرة 60 ميجاوات، التي تبلغ تكلفتها 300 مليون دولار، تحالف من الشركات الصينية.",
     {"country:CN"}),
])
def test_the_builder_after_the_work_builds_it(extractor, text, expected):
    result = run(extractor, text)
    assert builders(result) == expected, builds(result)


def test_a_bare_work_noun_between_the_verb_and_its_subject_is_the_work_named_before(extractor):
    result = run(extractor, "وأعلنت كازاخستان عن خطة لمحطة للطاقة الشمسية بقدرة 60 ميجاوات قرب ألماتي. "
                            "وتنفذ المشروع شركة هواوي.")
    assert builds(result) == {("org:huawei", "project:solar-power-station:60mw")}


def test_a_definite_work_noun_and_a_company_after_it_are_object_and_subject(extractor):
    # المحطة شركة هواوي is no construct (the article): not a station named after the company
    result = run(extractor, "وأعلنت كازاخستان عن خطة لمحطة للطاقة الشمسية بقدرة 60 ميجاوات قرب ألماتي. "
                            "وتقوم ببناء المحطة شركة هواوي بتكلفة 300 مليون دولار.")
    assert builds(result) == {("org:huawei", "project:solar-power-station:60mw")}
    # without the article it is one: the company's station
    result = run(extractor, "وزار الوفد محطة شركة هواوي في شنتشن.")
    assert any(t.startswith("project:") for _, t in builds(result)), builds(result)


def test_a_bare_organisation_head_after_the_work_is_the_one_named_before(extractor):
    result = run(extractor, "وأعلن بنك التنمية الصيني عن قرض لكازاخستان. "
                            "وستمول محطة للطاقة الشمسية بقدرة 60 ميجاوات البنك بقرض ميسر.")
    assert builds(result) == {("org:china-development-bank", "project:solar-power-station:60mw")}
    # no bank named before, or another head: no builder
    assert not builds(run(extractor, "وستمول محطة للطاقة الشمسية بقدرة 60 ميجاوات البنك."))
    assert not builds(run(extractor, "وأعلن بنك التنمية الصيني عن قرض لكازاخستان. "
                                     "وستمول محطة للطاقة الشمسية بقدرة 60 ميجاوات الشركة."))


@pytest.mark.parametrize("text", [
    # a place behind a preposition is no subject
    "وتنفذ محطة للطاقة الشمسية بقدرة 60 ميجاوات في قرغيزستان.",
    # who reports it is not who builds it
    "وتنفذ محطة للطاقة الشمسية بقدرة 60 ميجاوات وفق ما أعلنت شركة هواوي.",
    # a relative clause on the work ends the verb's reach
    "وتنفذ محطة للطاقة الشمسية بقدرة 60 ميجاوات التي زارها رئيس كازاخستان شركة هواوي.",
    # denied
    "ولن تبني محطة للطاقة الشمسية بقدرة 60 ميجاوات شركة هواوي.",
    # who discusses building does not build
    "وناقش بناء محطة للطاقة الشمسية بقدرة 60 ميجاوات وزير الطاقة الكازاخي.",
])
def test_no_builder_after_the_work_across_a_preposition_a_report_a_relative_or_a_denial(extractor, text):
    result = run(extractor, text)
    assert not builds(result), builds(result)


def test_a_subject_before_the_verb_keeps_the_work_and_the_name_after_it_builds_nothing(extractor):
    # SVO: the subject before the verb builds; a place after the work is not a second builder
    result = run(extractor, "وتبني شركة هواوي محطة للطاقة الشمسية بقدرة 60 ميجاوات في قرغيزستان.")
    assert builds(result) == {("org:huawei", "project:solar-power-station:60mw")}


# -- known organisations by their full Arabic name -----------------------------------------
def organisations(result):
    return {m.entity.id for m in result.mentions if m.entity.type == "Organization"}


@pytest.mark.parametrize("text, known", [
    # the other company head of a listed name (مؤسسة النفط … is listed)
    ("ووقعت شركة النفط الوطنية الصينية اتفاقية مع كازاخستان.", "org:cnpc"),
    # the other word for oil behind the same proclitics (الشركة الوطنية الصينية للبترول is listed)
    ("ووقعت الشركة الوطنية الصينية للنفط اتفاقية مع كازاخستان.", "org:cnpc"),
    # a company name built around a known one: head, the company's nisba, words of its own names
    ("ووقعت شركة كوسكو الصينية للشحن اتفاقية مع كازاخستان.", "org:cosco"),
    ("ووقعت شركة الشحن البحري الصينية كوسكو اتفاقية مع كازاخستان.", "org:cosco"),
    # the words of a listed company name in another order and form (الصين / الصينية)
    ("ووقعت الشركة الصينية للشحن البحري اتفاقية مع كازاخستان.", "org:cosco"),
    ("ووقعت شركة الصين الوطنية للبترول اتفاقية مع كازاخستان.", "org:cnpc"),
])
def test_a_known_organisation_by_another_form_of_its_full_name(extractor, text, known):
    result = run(extractor, text)
    assert organisations(result) == {known}, organisations(result)


@pytest.mark.parametrize("text, not_known", [
    # another country's nisba: not the Chinese company
    ("ووقعت شركة النفط الوطنية الكازاخستانية اتفاقية مع الصين.", "org:cnpc"),
    ("ووقعت شركة كوسكو الروسية اتفاقية مع كازاخستان.", "org:cosco"),
    ("ووقعت الشركة الروسية للشحن البحري اتفاقية مع كازاخستان.", "org:cosco"),
    # fewer words than any listed name: CNPC or Sinopec, the text does not say
    ("ووقعت الشركة الصينية للبترول اتفاقية مع كازاخستان.", "org:cnpc"),
])
def test_a_name_around_a_known_organisation_that_says_more_is_another_body(extractor, text, not_known):
    result = run(extractor, text)
    assert len(organisations(result) - {not_known}) == 1, organisations(result)


def test_the_board_of_a_known_bank_signs_for_the_bank(extractor):
    # مجلس إدارة is the bank's board, no body of its own (extract/organisations.py, org_distinct)
    result = run(extractor, "ووقع مجلس إدارة بنك التنمية الصيني اتفاقية مع كازاخستان.")
    assert organisations(result) == {"org:china-development-bank"}, organisations(result)


def test_a_word_of_a_proper_name_is_not_swapped():
    from silkgraph.extract.lexicon import lexicon_for
    from silkgraph.extract.org_variants import name_variants
    from silkgraph.normalize import phrase_key
    lex = lexicon_for()
    variants = name_variants(lex)
    # أوزبك نفط غاز: نفط without the article is part of the name, not a word for oil
    assert not variants.get("org:uzbekneftegaz")
    # no variant is a name another entity is already called by
    taken = {phrase_key(f) for e in lex.entries.values() for f in (e.entity.label_ar, *e.aliases_ar) if f}
    assert not {v for forms in variants.values() for v in forms} & taken


def test_builders_by_two_forms_of_a_known_name_merge_across_articles(extractor):
    first = run(extractor, "وتبني مؤسسة البترول الوطنية الصينية خط أنابيب الغاز بين الصين وكازاخستان.")
    second = extractor.extract(Article("t2", "ووقعت شركة النفط الوطنية الصينية عقدا لبناء محطة للطاقة الحرارية "
                                             "بقدرة 150 ميجاوات في تركمانستان."))
    assert "org:cnpc" in builders(first) and "org:cnpc" in builders(second), (builds(first), builds(second))


# -- parties to an agreement named after it --------------------------------------------------
def signers(result):
    return {r.source.id for r in result.relations if r.type == "signed"}


@pytest.mark.parametrize("text, parties", [
    # a place between the work and مع; a company head before a known name; two coordinated parties
    ("ووقعت أوزبكستان اتفاقية لبناء محطة للطاقة الحرارية بقدرة 150 ميجاوات في سمرقند مع شركة كوسكو وشركة هواوي.",
     {"country:UZ", "org:cosco", "org:huawei"}),
    ("ووقعت الحكومة الكازاخية اتفاقية لبناء محطة للطاقة الشمسية بقدرة 60 ميجاوات مع شركة هواوي وبنك التنمية الصيني.",
     {"country:KZ", "org:huawei", "org:china-development-bank"}),
])
def test_parties_after_the_agreement_sign_it_and_build_what_it_is_for(extractor, text, parties):
    result = run(extractor, text)
    assert signers(result) == parties, signers(result)
    assert builders(result) == parties, builds(result)


@pytest.mark.parametrize("text", [
    "وتم توقيع اتفاقية لبناء محطة للطاقة الشمسية بقدرة 60 ميجاوات مع شركة هواوي.",
    "ووقعت اتفاقية لبناء محطة للطاقة الشمسية بقدرة 60 ميجاوات في طشقند مع شركة هواوي.",
])
def test_the_party_after_an_agreement_no_one_is_named_to_sign_before_signs_it(extractor, text):
    result = run(extractor, text)
    assert signers(result) == {"org:huawei"} and builders(result) == {"org:huawei"}, result.relations


def test_an_agreement_not_for_building_takes_no_later_party(extractor):
    result = run(extractor, "وتم توقيع اتفاقية للتعاون في مجال الطاقة بعد محادثات مطولة مع شركة هواوي.")
    assert "org:huawei" not in signers(result) and not builds(result)


def test_a_party_after_a_contract_too_plain_to_be_named_builds_with_its_signer(extractor):
    result = run(extractor, "ووقعت أوزبكستان عقدا بقيمة 200 مليون دولار لإنشاء محطة للطاقة الحرارية بقدرة 150 ميجاوات "
                            "مع بنك التنمية الصيني.")
    assert builders(result) == {"country:UZ", "org:china-development-bank"}, builds(result)


@pytest.mark.parametrize("text", [
    # present at the signing, not a party to it
    "ووقعت أوزبكستان اتفاقية لبناء محطة للطاقة الحرارية بقدرة 150 ميجاوات خلال زيارة الرئيس الصيني شي جين بينغ إلى طشقند.",
    # مع after a reporting word belongs to what is reported
    "ووقعت أوزبكستان اتفاقية لبناء محطة للطاقة الحرارية بقدرة 150 ميجاوات، وقالت إنها تتعاون مع الصين.",
])
def test_no_later_party_across_a_visit_or_a_report(extractor, text):
    result = run(extractor, text)
    assert signers(result) == {"country:UZ"}, signers(result)
    assert builders(result) == {"country:UZ"}, builds(result)
