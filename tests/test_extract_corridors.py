"""Corridors described rather than named, projects from their heads, and the builds/links they carry
(issue 8, classes 1 and 2). Sentences written for these tests."""
from __future__ import annotations

from silkgraph.records import Article


def run(extractor, text):
    return extractor.extract(Article("t1", text))


def of_type(result, etype):
    return [m for m in result.mentions if m.entity.type == etype]


def links(result):
    return {r.target.id for r in result.relations if r.type == "links"}


# -- corridors ------------------------------------------------------------------------------

def test_route_from_to_links_both_ends_and_passed_places_without_changing_identity(extractor):
    plain = run(extractor, "ويمتد خط أنابيب النفط من كازاخستان إلى الصين.")
    via = run(extractor, "ويمتد خط أنابيب النفط من كازاخستان إلى الصين عبر أراضي قرغيزستان.")
    (a,), (b,) = of_type(plain, "Corridor"), of_type(via, "Corridor")
    assert a.entity.id == b.entity.id  # the same pipeline in both articles
    assert links(plain) == {"country:KZ", "country:CN"}
    assert links(via) == {"country:KZ", "country:CN", "country:KG"}
    assert "قرغيزستان" not in b.entity.label_ar


def test_a_verb_before_the_ends_stays_out_of_the_label(extractor):
    result = run(extractor, "وتبني الحكومة خط سكة حديد يمتد من روسيا إلى منغوليا.")
    (corridor,) = of_type(result, "Corridor")
    assert "يمتد" not in corridor.entity.label_ar
    assert corridor.entity.label_ar.startswith("خط سكة حديد")
    assert corridor.entity.label_en == "Russia–Mongolia railway"
    # the route's verb is no visit
    assert not [r for r in result.relations if r.type == "visited"]


def test_route_with_passing_and_arriving(extractor):
    result = run(extractor, "وينطلق القطار السريع من الصين مرورا بكازاخستان وصولا إلى روسيا.")
    (corridor,) = of_type(result, "Corridor")
    assert links(result) == {"country:CN", "country:KZ", "country:RU"}
    assert corridor.entity.id == "corridor:high-speed-railway:country:CN-country:RU"


def test_quoted_and_bracketed_dash_chains(extractor):
    quoted = run(extractor, 'وافتتح خط السكة الحديد الجديد "روسيا - منغوليا - الصين" أمس.')
    assert links(quoted) == {"country:RU", "country:MN", "country:CN"}
    bracketed = run(extractor, "وانطلق قطار الشحن الصين (شيآن)–روسيا أمس.")
    assert {"country:CN", "city:xian-cn", "country:RU"} <= links(bracketed)


def test_a_dash_glued_to_a_word_still_separates_the_ends(extractor):
    result = run(extractor, "ويعمل خط أنابيب الغاز روسيا- الصين منذ سنوات.")
    assert links(result) == {"country:RU", "country:CN"}


def test_the_joining_participle_and_a_preposition_on_the_head(extractor):
    result = run(extractor, "وناقش الوزيران التقدم بمشروع خط السكك الحديدية الرابط بين الصين وطاجيكستان.")
    (corridor,) = of_type(result, "Corridor")
    assert corridor.entity.label_ar.startswith("خط السكك الحديدية")
    assert links(result) == {"country:CN", "country:TJ"}


def test_a_road_between_two_directions_in_a_country(extractor):
    result = run(extractor, "وتشيد الشركة الطريق السريع بين الشرق والغرب في طاجيكستان.")
    (corridor,) = of_type(result, "Corridor")
    assert corridor.entity.label_en == "East–West highway in Tajikistan"
    assert links(result) == {"country:TJ"}


def test_a_corridor_named_by_a_distinctive_modifier_but_not_by_a_generic_one(extractor):
    named = run(extractor, "ويمر الجسر الأوراسي البري عبر مدن كثيرة.")
    (corridor,) = of_type(named, "Corridor")
    assert corridor.entity.label_ar == "الجسر الأوراسي البري"
    assert not of_type(run(extractor, "وعبر الجسر الجديد آلاف السيارات."), "Corridor")


def test_a_corridor_head_without_ends_is_no_corridor(extractor):
    assert not of_type(run(extractor, "وتحدث الوزير عن خط أنابيب النفط وأهميته."), "Corridor")
    assert not of_type(run(extractor, "وقال إن الطريق من هنا طويل."), "Corridor")


# -- projects -------------------------------------------------------------------------------

def test_a_plant_named_by_its_number_or_its_capacity(extractor):
    numbered = run(extractor, "وتعمل محطة الطاقة الحرارية رقم 3 منذ عامين.")
    (plant,) = of_type(numbered, "Project")
    assert plant.entity.label_ar == "محطة الطاقة الحرارية رقم 3"
    sized = run(extractor, "وتبني الصين مشروع محطة الطاقة الشمسية بقدرة 500 ميجاوات في كازاخستان.")
    (solar,) = of_type(sized, "Project")
    assert solar.entity.label_ar.endswith("بقدرة 500 ميجاوات")
    assert solar.entity.label_en == "500 MW solar power station"
    assert ("country:CN", "builds") in {(r.source.id, r.type) for r in sized.relations if r.target.id == solar.entity.id}


def test_a_project_named_by_purpose_and_capacity(extractor):
    result = run(extractor, "ووقعت الشركتان عقدا لتنفيذ مشروع للطاقة الشمسية بقدرة 200 ميجاوات.")
    assert [m.entity.label_ar for m in of_type(result, "Project")] == ["مشروع للطاقة الشمسية بقدرة 200 ميجاوات"]
    # a purpose alone names nothing
    assert not of_type(run(extractor, "ويهدف مشروع للطاقة إلى خفض الانبعاثات."), "Project")


def test_a_quoted_name_after_a_plant_head(extractor):
    result = run(extractor, "وبدأ بناء محطة الطاقة الحرارية «نور الشرق» في أوزبكستان.")
    (plant,) = of_type(result, "Project")
    assert plant.entity.label_ar == "محطة الطاقة الحرارية «نور الشرق»"


def test_a_name_ends_before_a_preposition_glued_to_a_common_noun(extractor):
    result = run(extractor, "ووصل القطار إلى محطة كاشغر ببلدية شينجيانغ.")
    assert [m.entity.label_ar for m in of_type(result, "Project")] == ["محطة كاشغر"]


def test_a_chain_of_places_is_no_project_name(extractor):
    assert not of_type(run(extractor, "ويمر القطار عبر معبر حدودي روسيا - منغوليا - الصين."), "Project")


def test_nisba_adjectives_name_the_countries_a_corridor_joins(extractor):
    result = run(extractor, "وافتتح الطرفان خط أنابيب النفط الروسي-المنغولي أمس.")
    (corridor,) = of_type(result, "Corridor")
    assert corridor.entity.label_en == "Russia–Mongolia oil pipeline"
    assert links(result) == {"country:RU", "country:MN"}
    # one nisba is who owns it, not what it joins
    assert not of_type(run(extractor, "وقال إن خط أنابيب النفط الروسي مهم."), "Corridor")


def test_a_definite_noun_after_the_head_is_part_of_a_name_not_an_adjective(extractor):
    result = run(extractor, "وكان طريق البخور الذي يربط اليمن بعمان طويلا.")
    assert "corridor:road:country:OM-country:YE" not in {m.entity.id for m in of_type(result, "Corridor")}


def test_a_named_corridor_before_the_joining_verb_links_the_places_after_it(extractor):
    result = run(extractor, "وقال إن طريق الحرير الذي يربط الصين بأوروبا كان مزدهرا.")
    (corridor,) = [m for m in of_type(result, "Corridor") if m.text == "طريق الحرير"]
    assert {r.target.id for r in result.relations if r.type == "links" and r.source.id == corridor.entity.id} == {
        "country:CN", "region:europe"}
    # the verb joins nothing without a corridor before it
    assert not links(run(extractor, "ويربط الاتفاق الصين بروسيا."))


def test_a_nisba_after_a_building_noun_is_the_builder(extractor):
    result = run(extractor, "وافتتحت محطة الطاقة الحرارية رقم 4 المشيدة بتمويل صيني.")
    (plant,) = of_type(result, "Project")
    assert ("country:CN", "builds", plant.entity.id) in {(r.source.id, r.type, r.target.id) for r in result.relations}
    assert not [r for r in run(extractor, "وتحدث الوزير عن التمويل الصيني للمشاريع.").relations if r.type == "builds"]
