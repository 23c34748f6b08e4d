"""Corridors and the places they link: routes given in a later sentence, towns no gazetteer lists
at a chain's end, continents in a service's name (issue 8, class 1). Sentences written for these tests."""
from __future__ import annotations

from silkgraph.records import Article


def run(extractor, text):
    return extractor.extract(Article("t1", text))


def corridors(result):
    return {m.entity.id for m in result.mentions if m.entity.type == "Corridor"}


def links(result):
    return {(r.source.id, r.target.id) for r in result.relations if r.type == "links"}


def test_a_demonstrative_head_gives_the_route_of_the_corridor_named_before(extractor):
    result = run(extractor, "وافتتح البلدان خط أنابيب النفط بين كازاخستان والصين. "
                            "ويمر هذا الخط عبر أراضي قرغيزستان وصولا إلى مدينة أورومتشي.")
    (pipeline,) = corridors(result)  # one pipeline, not a second one for the route
    assert {t for s, t in links(result)} == {"country:KZ", "country:CN", "country:KG", "city:urumqi-cn"}
    assert {s for s, t in links(result)} == {pipeline}


def test_a_route_verb_before_a_definite_head_alone_refers_back(extractor):
    result = run(extractor, "ووقعت الحكومتان اتفاقية لإنشاء خط السكة الحديد بين الصين وقرغيزستان. "
                            "وسيمتد الخط من مدينة كاشغر إلى مدينة أنديجان.")
    (railway,) = corridors(result)
    assert railway == "corridor:railway:country:CN-country:KG"
    assert {(railway, "city:kashgar-cn"), (railway, "city:andijan-uz")} <= links(result)


def test_plural_pipes_after_a_demonstrative_refer_back_with_places_passed(extractor):
    result = run(extractor, "وبلغت صادرات الغاز عبر أنابيب الغاز الصين - كازاخستان رقما قياسيا. "
                            "وتمتد تلك الأنابيب من تركمانستان مرورا بأوزبكستان وصولا إلى الصين.")
    (pipeline,) = corridors(result)
    assert {t for s, t in links(result) if s == pipeline} >= {"country:TM", "country:UZ", "country:CN"}


def test_no_reference_back_without_a_demonstrative_or_a_verb_or_across_far_sentences(extractor):
    # a new road described in the next sentence is its own corridor
    new_road = run(extractor, "وسيربط الطريق الجديد بين ألماتي وأستانا. وقال الوزير إن الطريق السريع من طشقند إلى سمرقند مزدحم.")
    assert len(corridors(new_road)) == 2
    # a pipeline is no earlier railway's route
    other_kind = run(extractor, "وافتتح خط السكة الحديد بين الصين وكازاخستان. ويمر هذا الأنابيب عبر أوزبكستان.")
    assert ("corridor:railway:country:CN-country:KZ", "country:UZ") not in links(other_kind)
    # five sentences later the line is no longer the topic
    far = run(extractor, "وافتتح خط السكة الحديد بين الصين وكازاخستان. وقال الوزير كلاما. وأضاف كلاما. "
                         "وتابع كلاما. ويمر هذا الخط عبر مدينة طشقند.")
    assert not any(t == "city:tashkent-uz" for s, t in links(far))


def test_a_town_no_table_lists_at_the_end_of_a_named_chain_is_a_city(extractor):
    result = run(extractor, 'وافتتح خط السكك الحديدية "طشقند - كوكسو" الشهر الماضي.')
    (railway,) = corridors(result)
    towns = {m.entity.id: m.entity for m in result.mentions if m.entity.type == "City"}
    assert "city:tashkent-uz" in towns and len(towns) == 2
    (new_id,) = set(towns) - {"city:tashkent-uz"}
    assert towns[new_id].label_ar == "كوكسو"
    assert links(result) == {(railway, "city:tashkent-uz"), (railway, new_id)}
    # two words after the dash are no one-word town; nor is a chain of unknown words alone
    assert not corridors(run(extractor, "وافتتح خط السكك الحديدية كوكسو - بارا الشهر الماضي."))


def test_a_continent_in_a_service_name_is_no_stop_but_a_route_in_prose_is(extractor):
    named = run(extractor, "وانطلقت قطارات الشحن الصين - أوروبا من مدينة ووهان.")
    (train,) = corridors(named)
    assert {t for s, t in links(named)} == {"country:CN"}
    nisba = run(extractor, "وارتفع عدد رحلات خدمة الشحن الصيني–الأوروبي.")
    assert {t for s, t in links(nisba)} == {"country:CN"}
    prose = run(extractor, "وتعد كازاخستان ممرا للنقل من الصين إلى أوروبا.")
    assert "region:europe" in {t for s, t in links(prose)}
