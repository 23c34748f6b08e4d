"""Corridors and the places and works they link, round 5: quoted chains of towns no table lists,
works a route passes on its way, a route's further stretch after ومنها. Sentences written for these tests."""
from __future__ import annotations

from extraction_helpers import run, corridors, links, mention_texts


# -- a quoted chain of three towns, some no table lists -------------------------------------------

def test_a_quoted_chain_of_three_towns_with_unlisted_ones_is_a_corridor(extractor):
    result = run(extractor, "وتعمل الشركة على مد خط أنابيب الغاز «كاراتوبي – ساريكول – شيمكنت» قبل نهاية العام.")
    (pipeline,) = corridors(result)
    ends = {t for s, t in links(result) if s == pipeline}
    assert "city:shymkent-kz" in ends and len(ends) == 3
    assert {"كاراتوبي", "ساريكول"} <= mention_texts(result, "City")


def test_a_quoted_chain_with_a_two_word_town_is_a_corridor(extractor):
    result = run(extractor, 'وبدأت أعمال تأهيل الطريق السريع "أوش - قارا كول" الذي ينتظره السكان منذ سنوات.')
    (road,) = corridors(result)
    assert (road, "city:osh-kg") in links(result)
    assert "قارا كول" in mention_texts(result, "City")


def test_a_quoted_chain_after_a_company_is_no_corridor(extractor):
    result = run(extractor, 'وتتولى شركة "كاراتوبي - ساريكول" المشتركة تشغيل المحطة.')
    assert not corridors(result)
    assert not links(result)


def test_a_quoted_phrase_with_common_words_after_a_head_is_no_chain(extractor):
    result = run(extractor, 'وأطلقت الحكومة على الطريق اسم "طريق - الأمل الجديد" في حفل رسمي.')
    assert not any("الامل" in c or "الأمل" in c for c in corridors(result))


# -- a work on a route: walked past, linked, and kept as a mention of its own ----------------------

def test_a_work_on_a_named_corridors_route_is_walked_past_and_linked(extractor):
    result = run(extractor, 'ويمر الطريق الدولي "الصين – قيرغيزستان" الذي ينطلق من مدينة كاشغر، '
                            'ويعبر معبر تورغارت الحدودي إلى مدينة نارين ومنها إلى بيشكيك.')
    (road,) = corridors(result)
    ends = {t for s, t in links(result) if s == road}
    assert {"city:kashgar-cn", "city:bishkek-kg"} <= ends
    assert any(t.startswith("project:") for t in ends)  # the crossing it passes
    assert any("تورغارت" in t for t in mention_texts(result, "Project"))  # still a mention


def test_a_work_not_on_a_route_is_not_linked(extractor):
    result = run(extractor, 'وافتتح الرئيس خط السكة الحديد "الصين – قيرغيزستان". '
                            'وفي اليوم نفسه زار الرئيس معبر تورغارت الحدودي.')
    assert not any(t.startswith("project:") for s, t in links(result))


# -- a figure carried between the verb and the route of a named line --------------------------------

def test_a_route_after_a_figure_carried_names_the_places_of_a_named_pipeline(extractor):
    result = run(extractor, "وتبني الشركة خط أنابيب «نابوكو» الذي سينقل 20 مليار متر مكعب سنويا "
                            "من حقل «شاه دنيز» عبر جورجيا وتركيا إلى النمسا.")
    (pipeline,) = corridors(result)
    ends = {t for s, t in links(result) if s == pipeline}
    assert {"country:GE", "country:TR", "country:AT"} <= ends
    assert any(t.startswith("project:") for t in ends)
    assert any("شاه دنيز" in t for t in mention_texts(result, "Project"))  # the field keeps its mention


def test_a_figure_without_a_route_after_it_links_nothing(extractor):
    result = run(extractor, "وتبني الشركة خط أنابيب «نابوكو» الذي سينقل 20 مليار متر مكعب سنويا بحلول عام 2030.")
    assert not links(result)


# -- a route after a comma and a bare verb; a stop in the middle of a country ----------------------

def test_a_route_after_a_comma_and_a_bare_verb_is_the_corridors(extractor):
    result = run(extractor, "ودشن الرئيسان خط أنابيب جديدا من تركمانستان إلى إيران، يمتد من حقل "
                            "ياشلار جنوب شرق تركمانستان إلى مدينة مشهد.")
    pipelines = [c for c in corridors(result)]
    assert len(pipelines) == 1
    ends = {t for s, t in links(result) if s == pipelines[0]}
    assert {"country:TM", "country:IR", "city:mashhad-ir"} <= ends


def test_a_clause_after_a_comma_without_a_route_verb_adds_no_places(extractor):
    result = run(extractor, "ودشن الرئيسان خط أنابيب جديدا من تركمانستان إلى إيران، وزار الرئيس مدينة مشهد.")
    assert not any(t == "city:mashhad-ir" for s, t in links(result))


def test_a_stop_in_the_middle_of_a_country_is_an_end(extractor):
    result = run(extractor, "ويمتد خط أنابيب النفط بين كازاخستان والصين، الذي يمتد من كاراجال في وسط "
                            "كازاخستان إلى ألاشانكو، على مسافة طويلة.")
    assert any("كاراجال" in t for s, t in links(result))


# -- a fibre-optic cable is a corridor; its first word is no Kabul --------------------------------

def test_a_fibre_optic_cable_with_its_route_is_a_corridor_not_kabul(extractor):
    result = run(extractor, "ويمتد كابل الألياف الضوئية من دوشنبه إلى كاشغر.")
    (cable,) = corridors(result)
    assert cable.startswith("corridor:fibre-optic-cable:")
    assert {(cable, "city:dushanbe-tj"), (cable, "city:kashgar-cn")} <= links(result)
    assert "city:kabul-af" not in {m.entity.id for m in result.mentions}


def test_kabul_alone_is_still_kabul(extractor):
    result = run(extractor, "ووصل الوفد إلى كابل أمس قادما من طشقند.")
    assert "city:kabul-af" in {m.entity.id for m in result.mentions}
    assert not corridors(result)
