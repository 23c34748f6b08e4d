"""Corridors and the places they link: routes given in a later sentence, towns no gazetteer lists
at a chain's end, continents in a service's name (issue 8, class 1). Sentences written for these tests."""
from __future__ import annotations

from extraction_helpers import run, corridors, links


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
    assert {t for s, t in links(named)} == {"country:CN", "city:wuhan-cn"}  # and where they set out from
    nisba = run(extractor, "وارتفع عدد رحلات خدمة الشحن الصيني–الأوروبي.")
    assert {t for s, t in links(nisba)} == {"country:CN"}
    prose = run(extractor, "وتعد كازاخستان ممرا للنقل من الصين إلى أوروبا.")
    assert "region:europe" in {t for s, t in links(prose)}


def test_route_words_heading_to_and_setting_out_from(extractor):
    heading = run(extractor, "وغادر القطار المتجه إلى مدينة ألماتي من مدينة لانتشو.")
    (train,) = corridors(heading)
    assert {t for s, t in links(heading)} == {"city:almaty-kz", "city:lanzhou-cn"}
    assert "المتجه" not in next(m.entity.label_ar for m in heading.mentions if m.entity.id == train)
    setting_out = run(extractor, "ووصل قطار شحن انطلاقا من مدينة ييوو إلى مدينة طشقند.")
    assert {t for s, t in links(setting_out)} == {"city:yiwu-cn", "city:tashkent-uz"}


def test_a_length_before_the_route_stays_out_of_the_label(extractor):
    result = run(extractor, "ويمتد خط أنابيب النفط بطول 900 كيلومتر من أتيراو إلى ألاشانكو.")
    (pipeline,) = [m.entity for m in result.mentions if m.entity.type == "Corridor"]
    assert pipeline.id == "corridor:oil-pipeline:city:alashankou-cn-city:atyrau-kz"
    assert "كيلومتر" not in pipeline.label_ar and "900" not in pipeline.label_ar


def test_the_kind_after_a_quoted_line_and_the_accusative_line(extractor):
    quoted = run(extractor, 'وافتتح خط "روسيا - كازاخستان - أوزبكستان" للسكك الحديدية.')
    assert corridors(quoted) == {"corridor:railway:country:KZ-country:RU-country:UZ"}
    accusative = run(extractor, "وافتتحت روسيا خطا جديدا للسكك الحديدية يربط بين روسيا ومنغوليا.")
    (railway,) = [m.entity for m in accusative.mentions if m.entity.type == "Corridor"]
    assert railway.label_ar.startswith("خط جديد للسكك الحديدية")


def test_a_modifier_that_names_the_corridor_keeps_its_identity_whatever_the_route(extractor):
    alone = run(extractor, "وناقش الوزيران تطوير الممر الأوسط.")
    routed = run(extractor, "ويربط الممر الأوسط الصين بتركيا عبر كازاخستان وأذربيجان وجورجيا.")
    assert corridors(alone) == corridors(routed) == {"corridor:corridor:middle"}
    assert {t for s, t in links(routed)} == {"country:CN", "country:TR", "country:KZ", "country:AZ", "country:GE"}
    # a sort of corridor (international) is no name: its ends make its identity
    assert corridors(run(extractor, "ويربط ممر النقل الدولي الصين بتركيا.")) == {
        "corridor:transport-corridor:country:CN-country:TR"}


def test_a_line_its_letter_names_links_the_places_it_crosses(extractor):
    result = run(extractor, 'وتبني الصين خط أنابيب الغاز "ج" الذي يمر عبر أراضي قرغيزستان.')
    (line,) = corridors(result)
    assert links(result) == {(line, "country:KG")}
    # a quoted word is no letter, and an ordinal before a noun (أول مشروع) is no line's number
    assert not corridors(run(extractor, 'وتحدث عن خط أنابيب الغاز "التاريخي" فقط.'))
    assert not corridors(run(extractor, "وتعتبر أنابيب نقل الغاز أول مشروع للتعاون."))


def test_places_passed_stop_where_the_route_goes_on_to_its_end(extractor):
    result = run(extractor, "وتحدث عن خط أنابيب النفط الذي يمتد من روسيا عبر كازاخستان وقرغيزستان إلى الصين.")
    (pipeline,) = corridors(result)
    assert pipeline == "corridor:oil-pipeline:country:CN-country:RU"  # the ends, not the places passed
    assert {t for s, t in links(result)} == {"country:RU", "country:KZ", "country:KG", "country:CN"}


def test_an_aside_between_the_corridor_and_its_ends(extractor):
    result = run(extractor, "وسيربط خط السكة الحديد، الذي يبلغ طوله 400 كيلومتر، روسيا بمنغوليا.")
    (railway,) = [m.entity for m in result.mentions if m.entity.type == "Corridor"]
    assert railway.id == "corridor:railway:country:MN-country:RU"
    assert "400" not in railway.label_ar
    # an aside without a verb before the corridor is no route of it
    assert not corridors(run(extractor, "وقال إن خط السكة الحديد، الذي يبلغ طوله 400 كيلومتر، مهم لروسيا ومنغوليا."))


def test_a_project_on_a_corridor_is_part_of_it(extractor):
    result = run(extractor, "وافتتح الرئيسان نفق أنزوب على الطريق السريع بين دوشنبه وخوجند.")
    parts = {(r.source.type, r.target.id) for r in result.relations if r.type == "part_of"}
    assert parts == {("Project", "corridor:highway:city:dushanbe-tj-city:khujand-tj")}


def test_an_unquoted_letter_names_a_line_and_a_chain_names_its_corridor(extractor):
    lettered = run(extractor, "وتشارك الصين في بناء خط أنابيب الغاز د الذي يمر عبر أراضي طاجيكستان.")
    assert corridors(lettered) == {"corridor:gas-pipeline:line-د"}
    chained = run(extractor, "وافتتح خط السكك الحديدية دوشنبه - خوجند.")
    (railway,) = [m for m in chained.mentions if m.entity.type == "Corridor"]
    assert "دوشنبه - خوجند" in railway.aliases


def test_a_description_after_a_comma_is_the_corridor_before_it(extractor):
    result = run(extractor, "وناقش الوزيران تطوير الممر الأوسط، وهو طريق نقل يربط الصين بتركيا عبر بحر قزوين.")
    assert corridors(result) == {"corridor:corridor:middle"}
    assert {t for s, t in links(result)} == {"country:CN", "country:TR", "region:caspian"}
    defined = run(extractor, "وتقع المدينة على الجسر الأوراسي البري الجديد. ويقصد بهذا الجسر، خطوط السكك الحديدية "
                             "التي تربط بين قارتي آسيا وأوروبا.")
    assert corridors(defined) == {"corridor:bridge:eurasian-land"}
    assert {t for s, t in links(defined)} >= {"region:asia", "region:europe"}


def test_a_list_of_different_corridors_is_no_description(extractor):
    result = run(extractor, "وافتتح خط السكة الحديد الصين - قرغيزستان، خط أنابيب الغاز الذي يربط تركمانستان بالصين.")
    assert corridors(result) == {"corridor:railway:country:CN-country:KG", "corridor:gas-pipeline:country:CN-country:TM"}


def test_a_route_with_no_subject_named_is_the_route_of_the_corridor_just_named(extractor):
    result = run(extractor, "وافتتح خط أنابيب النفط روسيا - الصين عام 2011. ويبلغ طوله 1000 كيلومتر، ويمتد من روسيا "
                            "عبر منغوليا إلى الصين.")
    (pipeline,) = corridors(result)
    assert ("corridor:oil-pipeline:country:CN-country:RU", "country:MN") in links(result)
    # a subject of its own before the verb, a project named in between, or sentences far away: no route of it
    own_subject = run(extractor, "وافتتح خط السكة الحديد الصين - كازاخستان. وقال إن التجارة ستمر عبر أوزبكستان.")
    assert "country:UZ" not in {t for s, t in links(own_subject)}
    project_between = run(extractor, 'وافتتح خط السكة الحديد الصين - كازاخستان. وافتتحت محطة الطاقة الشمسية "نور"، '
                                     "وتمتد من منغوليا.")
    assert "country:MN" not in {t for s, t in links(project_between)}
    far = run(extractor, "وافتتح خط السكة الحديد الصين - كازاخستان. وأضاف كلاما. وتمر من أوزبكستان.")
    assert "country:UZ" not in {t for s, t in links(far)}


def test_connecting_is_no_city_after_a_corridor(extractor):
    result = run(extractor, "وافتتح خط السكة الحديد الموصل بين طشقند وسمرقند.")
    assert {t for s, t in links(result)} == {"city:tashkent-uz", "city:samarkand-uz"}
    assert not [m for m in result.mentions if m.text == "الموصل"]


def test_a_place_no_table_lists_after_the_word_for_its_kind(extractor):
    result = run(extractor, "ويمتد خط أنابيب النفط من مدينة بوكروفكا إلى مدينة تاراز.")
    places = {m.entity.id: m.entity for m in result.mentions if m.entity.type in ("City", "Region")}
    assert "city:taraz-kz" in places and len(places) == 2
    (new_id,) = set(places) - {"city:taraz-kz"}
    assert places[new_id].type == "City" and places[new_id].label_ar == "بوكروفكا"
    province = run(extractor, "ويمر خط السكة الحديد عبر ولاية بوكروفكا وصولا إلى مدينة تاراز.")
    assert "Region" in {m.entity.type for m in province.mentions if m.text.endswith("بوكروفكا")}
    # a common word after the kind word is no place
    assert not corridors(run(extractor, "ويمتد الطريق من مدينة كبيرة إلى مدينة صغيرة."))


def test_a_corridor_a_name_finder_found_links_the_route_after_it(extractor):
    result = run(extractor, "وكان طريق الحرير القديم يربط الصين بأوروبا عبر آسيا الوسطى.")
    (silk_road,) = corridors(result)
    assert {(silk_road, "country:CN"), (silk_road, "region:europe")} <= links(result)
    relative = run(extractor, "وكانت بخارى مدينة على طريق الحرير الذي يمتد من الصين إلى أوروبا.")
    assert "country:CN" in {t for s, t in links(relative)}
    # no route after the name: nothing but the stop on it
    plain = run(extractor, "وكانت بخارى مدينة على طريق الحرير. وتصدر الصين إلى أوروبا.")
    assert "country:CN" not in {t for s, t in links(plain)}


def test_a_line_with_the_ends_of_a_pipeline_in_the_same_article_is_that_pipeline(extractor):
    result = run(extractor, "وتستورد الصين الغاز عبر خط روسيا - الصين. وارتفع حجم الغاز عبر أنابيب غاز روسيا - الصين.")
    assert corridors(result) == {"corridor:gas-pipeline:country:CN-country:RU"}
    # alone, a line keeps its kind; two kinds with the same ends (a railway, a road) stay apart
    assert corridors(run(extractor, "وتستورد الصين الغاز عبر خط روسيا - الصين.")) == {"corridor:line:country:CN-country:RU"}
    both = run(extractor, "وافتتح خط السكة الحديد روسيا - الصين. وافتتح الطريق السريع روسيا - الصين.")
    assert len(corridors(both)) == 2


def test_the_kind_and_the_route_after_a_chain_of_ends(extractor):
    economic = run(extractor, "ويعد ممر الصين – منغوليا – روسيا الاقتصادي أحد الممرات.")
    assert corridors(economic) == {"corridor:economic-corridor:country:CN-country:MN-country:RU"}
    routed = run(extractor, "وبحث الجانبان خط السكك الحديدية الصين – قيرغيزستان – أوزبكستان الذي سيمتد من كاشغر إلى أنديجان.")
    assert corridors(routed) == {"corridor:railway:country:CN-country:KG-country:UZ"}  # the route does not change it
    assert {"city:kashgar-cn", "city:andijan-uz"} <= {t for s, t in links(routed)}
    among = run(extractor, "ويعد خط السكك الحديدية الصين – قيرغيزستان من أهم المشاريع في أوزبكستان.")
    assert {t for s, t in links(among)} == {"country:CN", "country:KG"}
    directions = run(extractor, "وتحدث عن ممر الشمال – الجنوب للنقل الدولي.")
    (corridor,) = [m.entity for m in directions.mentions if m.entity.type == "Corridor"]
    assert corridor.label_en.startswith("North–South")


def test_a_quoted_proper_name_names_a_corridor_whatever_its_route(extractor):
    result = run(extractor, 'وبدأ تشغيل خط أنابيب الغاز "قوة سيبيريا" بين روسيا والصين.')
    (pipeline,) = corridors(result)
    assert pipeline == next(iter(corridors(run(extractor, 'وتحدث عن خط أنابيب الغاز "قوة سيبيريا".'))))
    assert {t for s, t in links(result)} == {"country:RU", "country:CN"}
    # a quoted common word or direction names nothing
    assert not corridors(run(extractor, 'وتحدث عن خط أنابيب الغاز "الجديد" فقط.'))


def test_a_route_from_where_it_starts_to_where_it_ends(extractor):
    result = run(extractor, "ويبدأ خط السكة الحديد في مدينة أوش وينتهي عند مدينة طشقند.")
    assert corridors(result) == {"corridor:railway:city:osh-kg-city:tashkent-uz"}
    pipes = run(extractor, "ويبدأ خط الأنابيب من تركمانستان وينتهي في الصين.")
    assert {t for s, t in links(pipes)} == {"country:TM", "country:CN"}
    dual = run(extractor, "وافتتح خط السكة الحديد بين مدينتي أوش وطشقند.")
    assert corridors(dual) == {"corridor:railway:city:osh-kg-city:tashkent-uz"}


def test_the_places_a_corridor_is_to_link(extractor):
    described = run(extractor, "وسيساهم خط السكة الحديد الجديد في ربط روسيا بمنغوليا.")
    assert corridors(described) == {"corridor:railway:country:MN-country:RU"}
    named = run(extractor, "وأكد أن الممر الأوسط يلعب دورا مهما في ربط الصين بتركيا.")
    assert links(named) == {("corridor:corridor:middle", "country:CN"), ("corridor:corridor:middle", "country:TR")}
    # another name before the linking, or another clause: not the corridor's ends
    other = run(extractor, "وقال الوزير إن الممر الأوسط مهم، وإن الحكومة تعمل على ربط الصين بتركيا.")
    assert not links(other)


def test_a_corridor_links_the_countries_of_its_places_the_article_names(extractor):
    result = run(extractor, "وافتتحت أذربيجان وجورجيا وتركيا خط سكة حديد باكو - تبليسي - كارس.")
    (railway,) = corridors(result)
    assert {t for s, t in links(result)} >= {"country:AZ", "country:GE", "country:TR", "city:baku-az"}
    unnamed = run(extractor, "وافتتح خط سكة حديد باكو - تبليسي - كارس.")
    assert not {t for s, t in links(unnamed)} & {"country:AZ", "country:GE", "country:TR"}


def test_a_ring_road_is_not_named_by_its_bare_head(extractor):
    result = run(extractor, "وتم تحديث الطريق السريع حول بحيرة إيسيك كول.")
    (road,) = [m for m in result.mentions if m.entity.type == "Corridor"]
    assert "الطريق السريع" not in road.aliases
