"""Corridors described rather than named, projects from their heads, and the builds/links they carry
(issue 8, classes 1 and 2). Sentences written for these tests."""
from __future__ import annotations

from extraction_helpers import run


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
    assert corridor.entity.label_en == "Eurasian land bridge"
    # "new" is part of the name but tells no corridor apart
    (same,) = of_type(run(extractor, "ويمر الجسر الأوراسي البري الجديد عبر مدن كثيرة."), "Corridor")
    assert same.entity.id == corridor.entity.id
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


def test_a_quoted_pair_of_directions_names_a_route(extractor):
    result = run(extractor, 'وتحدث عن طريق النقل "الجنوب - الشمال" الذي يمر عبر المنطقة.')
    (corridor,) = of_type(result, "Corridor")
    assert corridor.entity.label_en == "South–North transport route"
    assert not of_type(run(extractor, 'وتحدث عن طريق النقل "الجنوب" فقط.'), "Corridor")


def test_the_joining_verb_before_the_corridor_and_place_kinds_before_names(extractor):
    result = run(extractor, "وسيربط خط السكة الحديد الجديد مدينة كاشغر الصينية بمدينة أنديجان الأوزبكية.")
    (corridor,) = of_type(result, "Corridor")
    assert links(result) == {"city:kashgar-cn", "city:andijan-uz"}
    assert corridor.entity.label_ar == "خط السكة الحديد الجديد بين كاشغر وأنديجان"


def test_a_line_before_a_head_with_a_preposition_and_a_phrase_before_the_first_place(extractor):
    line = run(extractor, "وأعلن الوزير عن خط جديد لسكك الحديد يربط بين روسيا ومنغوليا.")
    (corridor,) = of_type(line, "Corridor")
    assert corridor.entity.label_ar == "خط جديد لسكك الحديد بين روسيا ومنغوليا"
    field = run(extractor, "وسيبنى خط أنابيب يربط أحد حقول النفط في كازاخستان بمدينة أورومتشي.")
    assert links(field) == {"country:KZ", "city:urumqi-cn"}


def test_a_modifier_glued_to_a_preposition_still_names_the_corridor(extractor):
    result = run(extractor, "ويتطور طريق النقل العابر لبحر قزوين بسرعة.")
    (corridor,) = of_type(result, "Corridor")  # the Middle Corridor by its other name (corridor_identities.tsv)
    assert corridor.entity.id == "corridor:corridor:middle"
    assert corridor.entity.label_en.startswith("Trans-Caspian")


def test_a_definite_facility_in_a_city_is_that_citys(extractor):
    a = run(extractor, "وزار الوزير الميناء الجاف في خورغوس أمس.")
    b = run(extractor, "ويتوسع الميناء الجاف في خورغوس بسرعة.")
    (pa,), (pb,) = of_type(a, "Project"), of_type(b, "Project")
    assert pa.entity.id == pb.entity.id and pa.entity.label_en == "Khorgos dry port"
    assert ("located_in", "city:khorgos-kz") in {(r.type, r.target.id) for r in a.relations}
    # an indefinite head with a bare place names nothing
    assert not of_type(run(extractor, "وتحدث عن محطة في أستانا."), "Project")


def test_a_joint_project_is_told_apart_by_its_countries(extractor):
    result = run(extractor, "وافتتحت المنطقة الصناعية الصينية الطاجيكية أمس.")
    (zone,) = of_type(result, "Project")
    assert zone.entity.label_en == "China–Tajikistan industrial zone"


def test_a_described_plant_in_a_place_and_who_builds_it(extractor):
    result = run(extractor, "وأنشأت روسيا مصنعا للإسمنت في قرغيزستان.")
    (plant,) = of_type(result, "Project")
    assert plant.entity.label_ar == "مصنع للإسمنت في قرغيزستان"
    assert ("country:RU", "builds", plant.entity.id) in {(r.source.id, r.type, r.target.id) for r in result.relations}
    nuclear = run(extractor, "وتبني روسيا محطة للطاقة النووية في أوزبكستان.")
    assert [m.entity.label_ar for m in of_type(nuclear, "Project")] == ["محطة للطاقة النووية في أوزبكستان"]


def builders(result, target_type="Project"):
    return {(r.source.id, r.target.type) for r in result.relations if r.type == "builds" and r.target.type == target_type}


def test_the_builder_after_by_and_the_side_named_by_its_nisba(extractor):
    assert builders(run(extractor, "وافتتح ميناء أكتاو بتمويل من روسيا.")) == {("country:RU", "Project")}
    assert builders(run(extractor, "وقال إن الجانب التركي مستعد للمشاركة في بناء محطة روغون الكهرومائية.")) == {
        ("country:TR", "Project")}
    assert builders(run(extractor, "وشيدت الشركات الإيرانية ميناء أكتاو.")) == {("country:IR", "Project")}
    # a nisba on a title is no builder
    assert not builders(run(extractor, "وقال الرئيس الإيراني إن بناء ميناء أكتاو مهم."))


def test_foundation_stone_and_investment_are_building(extractor):
    stone = run(extractor, "ووضعت تركيا حجر الأساس لمحطة الطاقة الحرارية رقم 7.")
    assert builders(stone) == {("country:TR", "Project")}
    invest = run(extractor, "واستثمرت اليابان في بناء ميناء أكتاو.")
    assert builders(invest) == {("country:JP", "Project")}
    # launching a name is no building (يطلق عليه: is called)
    assert not builders(run(extractor, "وهو ميناء أكتاو الذي يطلق عليه الناس اسم البوابة."))


def test_a_plural_head_gives_one_project_per_place(extractor):
    result = run(extractor, "وتطور روسيا موانئ أكتاو وكوريك على بحر قزوين.")
    ports = of_type(result, "Project")
    assert [m.entity.label_ar for m in ports] == ["ميناء أكتاو", "ميناء كوريك"]
    assert builders(result) == {("country:RU", "Project")}
    assert len([r for r in result.relations if r.type == "builds"]) == 2
    # one place is no list
    assert not of_type(run(extractor, "وزار الوفد موانئ كازاخستان."), "Project")


def test_a_building_verb_with_a_pronoun_takes_the_subject_after_it(extractor):
    result = run(extractor, "وزار الوفد محطة روغون الكهرومائية التي تنفذها شركة باور تشاينا.")
    assert builders(result) == {("org:powerchina", "Project")}


def test_numbered_and_lettered_lines_between_the_same_places_stay_apart(extractor):
    third = run(extractor, 'وبدأ تشغيل خط النفط الثالث "ج" بين روسيا والصين.')
    plain = run(extractor, "وبدأ تشغيل خط النفط بين روسيا والصين.")
    (a,), (b,) = of_type(third, "Corridor"), of_type(plain, "Corridor")
    assert a.entity.id != b.entity.id
    assert links(third) == links(plain) == {"country:RU", "country:CN"}


def test_a_verb_along_the_route_stays_out_of_the_label(extractor):
    result = run(extractor, "ويمر خط أنابيب النفط عبر أراضي قرغيزستان قبل أن يصل إلى الصين.")
    (corridor,) = of_type(result, "Corridor")
    assert "يصل" not in corridor.entity.label_ar
    assert links(result) == {"country:KG", "country:CN"}


def test_a_zone_with_its_name_inside_the_head(extractor):
    result = run(extractor, "وتعمل الشركات في منطقة نافوي الاقتصادية منذ سنوات.")
    (zone,) = of_type(result, "Project")
    assert zone.entity.label_ar == "منطقة نافوي الاقتصادية"
    assert zone.entity.id == "project:economic-zone:city:navoi-uz"
    # the place alone stays a place
    assert not of_type(run(extractor, "وتعمل الشركات في منطقة نافوي منذ سنوات."), "Project")


def test_a_tunnel_told_apart_by_its_length(extractor):
    result = run(extractor, "وحفرت الشركة نفقا يبلغ طوله 12 كيلومترا تحت الجبال.")
    (tunnel,) = of_type(result, "Project")
    assert tunnel.entity.label_en == "12 km tunnel"
    assert not of_type(run(extractor, "وحفرت الشركة نفقا تحت الجبال."), "Project")


def test_a_border_crossing_named_by_one_place(extractor):
    result = run(extractor, "وعبرت الشاحنات معبر خورغوس أمس.")
    assert [m.entity.label_en for m in of_type(result, "Project")] == ["Khorgos border crossing"]


def test_a_head_alone_refers_to_the_corridor_or_project_named_just_before(extractor):
    railway = run(extractor, "وافتتح خط السكة الحديد بين روسيا ومنغوليا. وقد مولت اليابان بناء خط السكة الحديد.")
    (corridor,) = {m.entity.id for m in of_type(railway, "Corridor")}
    assert ("country:JP", "builds", corridor) in {(r.source.id, r.type, r.target.id) for r in railway.relations}
    project = run(extractor, "وافتتح ميناء أكتاو أمس. وستمول تركيا المشروع.")
    assert builders(project) == {("country:TR", "Project")}
    # nothing named before: nothing to refer to
    assert not [r for r in run(extractor, "ومولت اليابان بناء خط السكة الحديد.").relations if r.type == "builds"]


def test_a_corridor_links_the_place_it_lies_in(extractor):
    result = run(extractor, "وافتتح خط السكة الحديد بين أنغرين ونمنغان في أوزبكستان.")
    assert links(result) == {"city:angren-uz", "city:namangan-uz", "country:UZ"}


def test_an_agreement_to_build_says_who_builds(extractor):
    result = run(extractor, "ووقعت روسيا ومنغوليا اتفاقية لبناء الطريق السريع بين أولان باتور وإيركوتسك.")
    assert {s for s, t in builders(result, "Corridor")} == {"country:RU", "country:MN"}
    # the agreement's other words trigger nothing else
    assert not [r for r in result.relations if r.type == "visited"]


def test_the_line_with_its_route(extractor):
    result = run(extractor, "ويمتد الخط من الصين مرورا بكازاخستان وصولا إلى روسيا.")
    assert links(result) == {"country:CN", "country:KZ", "country:RU"}
    assert not of_type(run(extractor, "وقال إن الخط الأحمر واضح."), "Corridor")


def test_a_region_adjective_names_an_end_and_merges_with_the_spelled_out_route(extractor):
    adjectives = run(extractor, "وتتزايد رحلات قطارات الشحن الروسية الأوروبية.")
    spelled = run(extractor, "وتتزايد رحلات قطارات الشحن بين روسيا وأوروبا.")
    (a,), (b,) = of_type(adjectives, "Corridor"), of_type(spelled, "Corridor")
    assert a.entity.id == b.entity.id
    # a continent in the name tells the service, not a stop; a route in prose names the place it reaches
    assert links(adjectives) == {"country:RU"}
    assert links(spelled) == {"country:RU", "region:europe"}
    assert not of_type(run(extractor, "وقال إن قطارات الشحن الأوروبية كثيرة."), "Corridor")


def test_a_participle_with_its_agent_builds(extractor):
    assert builders(run(extractor, "وزار الوفد ميناء أكتاو المشيد من قبل تركيا.")) == {("country:TR", "Project")}
    assert not builders(run(extractor, "وزار الوفد ميناء أكتاو المشيد منذ عقود."))


def test_project_and_a_corridor_word_refers_to_the_corridor_and_labels_lose_their_proclitic(extractor):
    result = run(extractor, "وافتتح خط أنابيب يمتد من روسيا إلى الصين. وقد مولت اليابان مشروع الأنبوب.")
    (corridor,) = {m.entity.id for m in of_type(result, "Corridor")}
    assert not of_type(result, "Project")
    assert ("country:JP", corridor) in {(r.source.id, r.target.id) for r in result.relations if r.type == "builds"}
    project = run(extractor, "وأشاد بالتقدم في لمشروع الحديقة المركزية.")
    assert [m.entity.label_ar for m in of_type(project, "Project")] == ["مشروع الحديقة المركزية"]


def test_ends_only_the_statistical_model_finds(extractor):
    result = run(extractor, "وافتتح خط السكة الحديد بين مدينة تشاركنت ومدينة شاهريسابز.")
    (corridor,) = of_type(result, "Corridor")
    ends = {r.target.id for r in result.relations if r.type == "links"}
    assert len(ends) == 2 and all(e.startswith("city:") and e not in extractor.lex.entries for e in ends)


def test_a_ring_around_a_place_and_a_pipeline_carrying_its_load(extractor):
    ring = run(extractor, "وتشمل المشروعات الطريق السريع حول بحيرة إيسيك كول.")
    (corridor,) = of_type(ring, "Corridor")
    assert corridor.entity.label_en == "Highway around Issyk-Kul Region"
    assert links(ring) == {"region:issyk-kul-region-kg"}
    assert not of_type(run(extractor, "وتحدث الوزير حول الطريق السريع."), "Corridor")
    carrying = run(extractor, "ويعمل خط أنابيب الغاز الذي ينقل الغاز من روسيا إلى الصين.")
    assert links(carrying) == {"country:RU", "country:CN"}


def test_a_place_called_a_stop_on_a_corridor_is_on_it(extractor):
    result = run(extractor, "وأكد أن مدينة بخارى كانت محطة على طريق الحرير.")
    assert {(r.source.label_ar, r.target.id) for r in result.relations if r.type == "links"} == {
        ("طريق الحرير", "city:bukhara-uz")}
    assert not links(run(extractor, "وقال الوزير في بخارى إن الاتفاق يركز على طريق الحرير."))


def test_a_highway_named_inside_its_head(extractor):
    result = run(extractor, "ويمتد طريق بامير السريع عبر الجبال.")
    assert [m.entity.label_ar for m in of_type(result, "Corridor")] == ["طريق بامير السريع"]
    assert not of_type(run(extractor, "وقال إن الطريق السريع مزدحم."), "Corridor")


def test_streets_and_squares_are_no_corridors(extractor):
    # the statistical model was trained on news whose paths are streets (شارع، ميدان)
    for text in ("وانفجرت سيارة مفخخة في شارع المنارة وسط المدينة.",
                 "وتجمع المتظاهرون في ميدان بيت القاضي قرب شارع تيان تشنغ."):
        assert of_type(run(extractor, text), "Corridor") == [], text


def test_a_road_named_by_its_ends_is_still_a_corridor_beside_a_street(extractor):
    text = "وافتتح الوزير في شارع المنارة مكتبا لمشروع الطريق السريع بين بيشكيك وأوش."
    assert [m.entity.label_ar for m in of_type(run(extractor, text), "Corridor")], text
