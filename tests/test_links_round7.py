"""Links, round 7: freight trains and the places they start from, cross and reach; tunnels,
bridges and roads typed Project that join places; railways named by two towns; pipelines and the
countries they cross; named corridors and their member countries; macro-regions that are no end
once countries are named. Sentences written for these tests (none copied from an article).

Before the fixes: 21 of 37 expectations passed (first batch; a probe that the Caspian is no end of
the Middle Corridor was then dropped, as tests/test_extract_corridor_links.py wants it linked, and a
land bridge between two continents through a country added). After the fixes: 27 of those 37; the
10 others are marked xfail with the open class they belong to (5 of them the macro-region
convention, which existing tests hold the other way). The second batch (28, each written with the
fix it probes, not measured before it): 26 pass, 2 xfail."""
from __future__ import annotations

import pytest

from extraction_helpers import run, corridors, links, mention_texts


def ends(result):
    """Every place any links edge of the result reaches."""
    return {t for _, t in links(result)}


def linked_from(result, word):
    """What the links edges of the subject whose id contains ``word`` reach."""
    return {t for s, t in links(result) if word in s}


# -- freight trains -------------------------------------------------------------------------------

def test_freight_trains_link_the_listed_destination_countries(extractor):
    result = run(extractor, "وتربط قطارات الشحن بين الصين وأوروبا حاليا أكثر من 220 مدينة في 25 دولة "
                            "أوروبية، منها ألمانيا وبولندا وإسبانيا.")
    assert {"country:CN", "country:DE", "country:PL", "country:ES"} <= ends(result)


@pytest.mark.xfail(reason="wide region kept: tests/test_extract_corridors.py, test_extract_corridor_links.py and test_attachment_probe.py want Europe linked; open item", strict=False)
def test_freight_trains_with_listed_countries_do_not_link_europe(extractor):
    result = run(extractor, "وتربط قطارات الشحن بين الصين وأوروبا حاليا أكثر من 220 مدينة في 25 دولة "
                            "أوروبية، منها ألمانيا وبولندا وإسبانيا.")
    assert "region:europe" not in ends(result)


def test_freight_trains_link_their_province_and_transit_countries(extractor):
    result = run(extractor, "وتمر قطارات الشحن بين الصين وأوروبا التي تنطلق من مقاطعة خنان عبر "
                            "كازاخستان وروسيا وبيلاروس قبل أن تصل إلى بلجيكا.")
    assert {"region:henan-cn", "country:KZ", "country:RU", "country:BE"} <= ends(result)


def test_freight_trains_link_every_province_they_leave_from(extractor):
    result = run(extractor, "وتنطلق قطارات الشحن بين الصين وأوروبا من مقاطعات شنشي وسيتشوان وخنان "
                            "ومنطقة شينجيانغ.")
    assert {"region:shaanxi-cn", "region:sichuan-cn", "region:henan-cn", "region:xinjiang-cn"} <= ends(result)


def test_a_train_named_by_its_two_cities_links_both(extractor):
    result = run(extractor, "وغادر قطار تشونغتشينغ-دويسبورغ محطة توانجيه صباح اليوم محملا بالأجهزة.")
    assert {"city:chongqing-cn", "city:duisburg-de"} <= ends(result)


def test_a_freight_train_named_by_its_two_cities_links_both(extractor):
    result = run(extractor, "وقال المتحدث إن قطار الشحن شيآن-هامبورغ قطع المسافة في 15 يوما فقط.")
    assert {"city:xian-cn", "city:hamburg-de"} <= ends(result)


def test_freight_trains_link_the_destination_cities(extractor):
    result = run(extractor, "وتصل قطارات الشحن بين الصين وأوروبا إلى مدينة دويسبورغ الألمانية ومدينة "
                            "هامبورغ الألمانية.")
    assert {"city:duisburg-de", "city:hamburg-de"} <= ends(result)


@pytest.mark.xfail(reason="wide region kept: tests/test_extract_corridors.py, test_extract_corridor_links.py and test_attachment_probe.py want Europe linked; open item", strict=False)
def test_freight_trains_alone_link_no_continent(extractor):
    result = run(extractor, "وتصل قطارات الشحن بين الصين وأوروبا إلى مدينة دويسبورغ الألمانية.")
    assert "region:europe" not in ends(result)


def test_the_city_a_minister_speaks_in_is_no_end_of_the_trains(extractor):
    result = run(extractor, "وقال وزير الخارجية الصيني في بكين إن قطارات الشحن بين الصين وأوروبا "
                            "حققت أرقاما قياسية.")
    assert "city:beijing-cn" not in ends(result)


# -- tunnels, bridges and roads typed Project -----------------------------------------------------

def test_a_tunnel_that_joins_two_cities_links_both(extractor):
    result = run(extractor, "وأنجزت الشركة حفر نفق تيانشان شنغلي الذي يربط بين كورلا وأورومتشي في "
                            "منطقة شينجيانغ.")
    assert {"city:korla-cn", "city:urumqi-cn"} <= ends(result)


def test_a_tunnel_as_subject_of_the_verb_links_its_cities(extractor):
    result = run(extractor, "وسيربط نفق شهرستان مدينة دوشنبه بمدينة خجند.")
    assert {"city:dushanbe-tj", "city:khujand-tj"} <= ends(result)


@pytest.mark.xfail(reason="open: a tunnel/bridge Project after the verb, after an adjective or not found as a Project gets no links", strict=False)
def test_a_mountain_tunnel_after_an_aside_links_its_cities(extractor):
    result = run(extractor, "ويربط نفق جبال تيانشان، الذي يبلغ طوله 22 كيلومترا، بين مدينتي كورلا "
                            "وأورومتشي.")
    assert {"city:korla-cn", "city:urumqi-cn"} <= ends(result)


def test_a_bridge_that_joins_two_countries_links_both(extractor):
    result = run(extractor, "وافتتح جسر نهر آمو داريا الجديد الذي يربط بين أوزبكستان وتركمانستان.")
    assert {"country:UZ", "country:TM"} <= ends(result)


def test_a_border_bridge_project_links_its_two_countries(extractor):
    result = run(extractor, "وتبلغ تكلفة مشروع جسر خورغوس الحدودي الذي يربط الصين بكازاخستان 300 "
                            "مليون دولار.")
    assert {"country:CN", "country:KZ"} <= ends(result)


@pytest.mark.xfail(reason="open: a tunnel/bridge Project after the verb, after an adjective or not found as a Project gets no links", strict=False)
def test_a_bridge_between_two_cities_links_both(extractor):
    result = run(extractor, "ويربط جسر الصداقة الجديد بين مدينة خيرتون الأفغانية ومدينة ترمذ الأوزبكية.")
    assert "city:termez-uz" in ends(result)


def test_a_highway_between_two_cities_links_both(extractor):
    result = run(extractor, "وتنفذ الشركة الصينية مشروع الطريق السريع بين ألماتي وقراغندا بطول 1200 كيلومتر.")
    assert {"city:almaty-kz", "city:karaganda-kz"} <= ends(result)


def test_a_road_through_a_pass_links_the_two_countries(extractor):
    result = run(extractor, "وتم افتتاح الطريق الجبلي عبر ممر قلمة الذي يربط طاجيكستان بالصين.")
    assert {"country:TJ", "country:CN"} <= ends(result)


def test_a_power_plant_that_feeds_a_city_links_nothing(extractor):
    result = run(extractor, "وتزود محطة دوشنبه-2 الحرارية التي بنتها الشركة الصينية العاصمة بالكهرباء.")
    assert not links(result)


# -- railways named by two towns ------------------------------------------------------------------

@pytest.mark.xfail(reason="open: two unlisted towns unquoted after a line (بختي - أياغوز التي …) are no name: the written routes gold does not annotate such towns (كوربيجه – كردكوي)", strict=False)
def test_a_railway_named_by_two_unlisted_towns_links_both(extractor):
    result = run(extractor, "وأعلنت الحكومة بدء بناء سكة حديد بختي - أياغوز التي ستربط منطقة أباي "
                            "بالحدود الصينية.")
    assert {"بختي", "أياغوز"} <= mention_texts(result, "City")
    assert len(ends(result)) >= 2


def test_a_railway_named_by_a_listed_and_an_unlisted_town_links_both(extractor):
    result = run(extractor, "وبدأت أعمال مد خط سكة حديد دوستيك - موينتي الثاني في شرق كازاخستان.")
    assert "city:dostyk-kz" in ends(result)
    assert "موينتي" in mention_texts(result, "City")


@pytest.mark.xfail(reason="open: a railway named by two unlisted towns is no corridor", strict=False)
def test_a_railway_between_two_towns_of_two_countries_links_them(extractor):
    result = run(extractor, "وتربط سكة حديد دارباز - مقتاعرال جنوب كازاخستان بأوزبكستان.")
    assert "country:UZ" in ends(result)


def test_a_named_line_for_the_railways_links_its_towns_and_country(extractor):
    result = run(extractor, "وافتتح الرئيس خط جيتيغن - خورغوس للسكك الحديدية في جنوب شرق كازاخستان.")
    assert {"city:khorgos-kz", "country:KZ"} <= ends(result)


def test_a_railway_by_two_towns_of_two_countries_links_the_countries(extractor):
    result = run(extractor, "وقال الوزير إن خط سكة حديد مزار شريف - ترمذ سيعزز التجارة بين أفغانستان "
                            "وأوزبكستان.")
    assert {"city:mazar-i-sharif-af", "city:termez-uz"} <= ends(result)


# -- pipelines --------------------------------------------------------------------------------------

def test_a_gas_line_between_central_asia_and_china_links_its_transit_countries(extractor):
    result = run(extractor, "ويمر خط الغاز C بين آسيا الوسطى والصين عبر أوزبكستان وكازاخستان.")
    assert {"country:CN", "country:UZ", "country:KZ"} <= ends(result)


@pytest.mark.xfail(reason="wide region kept: tests/test_extract_corridors.py, test_extract_corridor_links.py and test_attachment_probe.py want Europe linked; open item", strict=False)
def test_a_gas_line_with_countries_does_not_link_central_asia(extractor):
    result = run(extractor, "ويمر خط الغاز C بين آسيا الوسطى والصين عبر أوزبكستان وكازاخستان.")
    assert "region:central-asia" not in ends(result)


def test_an_unnamed_pipeline_links_its_start_transit_and_end(extractor):
    result = run(extractor, "وأهم مشاريع الشركة هناك خط أنابيب يبدأ من غرب تركمانستان ويصل إلى الصين "
                            "عبر أوزبكستان وكازاخستان.")
    assert {"country:TM", "country:CN", "country:UZ", "country:KZ"} <= ends(result)


def test_an_oil_pipeline_between_two_countries_links_both(extractor):
    result = run(extractor, "ويمتد خط أنابيب النفط بين كازاخستان والصين من أتاسو إلى ألاشانكو.")
    assert {"country:KZ", "country:CN"} <= ends(result)


# -- named corridors --------------------------------------------------------------------------------

def test_the_middle_corridor_links_the_countries_it_crosses(extractor):
    result = run(extractor, "ويمر الممر الأوسط عبر كازاخستان وبحر قزوين وأذربيجان وجورجيا وصولا إلى تركيا.")
    assert {"country:KZ", "country:AZ", "country:GE", "country:TR"} <= ends(result)


@pytest.mark.xfail(reason="wide region kept: tests/test_extract_corridors.py, test_extract_corridor_links.py and test_attachment_probe.py want Europe linked; open item", strict=False)
def test_the_middle_corridor_from_china_to_europe_links_china_not_europe(extractor):
    result = run(extractor, "ويمتد الممر الأوسط من الصين إلى أوروبا عبر آسيا الوسطى.")
    found = ends(result)
    assert "country:CN" in found
    assert not {"region:europe", "region:central-asia"} & found


@pytest.mark.xfail(reason="open: the chain's name runs on over its route verb", strict=False)
def test_a_corridor_chain_with_its_route_after_it_stops_its_name_at_the_verb(extractor):
    result = run(extractor, "وقال إن ممر الصين - آسيا الوسطى - غرب آسيا الاقتصادي يمر عبر إيران وتركيا.")
    assert not any("يمر" in text for text in mention_texts(result, "Corridor"))
    assert {"country:CN", "country:IR", "country:TR"} <= ends(result)


def test_the_trans_caspian_route_links_its_countries(extractor):
    result = run(extractor, "وأشار إلى أن الطريق العابر لبحر قزوين يربط الصين بتركيا مرورا بكازاخستان "
                            "وأذربيجان.")
    assert {"country:CN", "country:TR", "country:KZ", "country:AZ"} <= ends(result)


def test_a_quoted_chain_with_two_dashes_is_one_whole_name(extractor):
    result = run(extractor, 'ووقع الجانبان اتفاقا لتطوير السكك الحديدية "الصين – آسيا الوسطى – أوروبا" '
                            'خلال العام المقبل.')
    assert any("أوروبا" in text for text in mention_texts(result, "Corridor"))
    assert "country:CN" in ends(result)


@pytest.mark.xfail(reason="wide region kept: tests/test_extract_corridors.py, test_extract_corridor_links.py and test_attachment_probe.py want Europe linked; open item", strict=False)
def test_a_quoted_chain_with_a_country_links_no_macro_region(extractor):
    result = run(extractor, 'وبحث الجانبان تطوير خط السكك الحديدية "الصين – آسيا الوسطى – أوروبا" '
                            'وزيادة عدد الرحلات.')
    assert not {"region:europe", "region:central-asia"} & ends(result)


def test_a_land_bridge_between_two_continents_keeps_them(extractor):
    result = run(extractor, "ويعد الجسر البري الأوراسي الجديد الذي يربط آسيا بأوروبا شريانا للتجارة.")
    assert {"region:asia", "region:europe"} <= ends(result)


# -- negatives ---------------------------------------------------------------------------------------

def test_the_city_a_minister_speaks_in_is_no_end_of_the_middle_corridor(extractor):
    result = run(extractor, "وقال وزير النقل الكازاخستاني في أستانا إن الممر الأوسط يشهد نموا متسارعا.")
    assert "city:astana-kz" not in ends(result)


def test_a_speaker_from_moscow_is_no_end(extractor):
    result = run(extractor, "وقال الخبير الروسي في اتصال من موسكو إن الممر الشمالي عبر روسيا ما زال مهما.")
    assert "city:moscow-ru" not in ends(result)


def test_a_land_bridge_between_two_continents_through_a_country_keeps_them(extractor):
    result = run(extractor, "وتعد كازاخستان جزءا من الجسر البري الأوراسي الجديد الذي يربط آسيا بأوروبا "
                            "مرورا بكازاخستان.")
    assert {"region:asia", "region:europe"} <= ends(result)


# -- a second batch, after the first fixes ------------------------------------------------------------

def test_a_quoted_chain_glued_to_the_next_word_is_one_whole_name(extractor):
    result = run(extractor, 'وبحث الجانبان تطوير السكك الحديدية "الصين – آسيا الوسطى – أوروبا"وزيادة '
                            'عدد الرحلات.')
    assert any(text.endswith('أوروبا"') for text in mention_texts(result, "Corridor"))


def test_a_quoted_word_glued_to_the_word_before_is_split_off(extractor):
    result = run(extractor, 'وناقش الطرفان تطوير"الممر الأوسط" خلال الاجتماع.')
    assert "corridor:corridor:middle" in corridors(result)


def test_a_proclitic_glued_to_an_opening_quote_stays_a_proclitic(extractor):
    result = run(extractor, 'وأشاد الوزير ب"الممر الأوسط" الذي يربط الصين بتركيا.')
    assert {"country:CN", "country:TR"} <= ends(result)


def test_a_bridge_named_after_a_river_with_its_adjective_links_two_cities(extractor):
    result = run(extractor, "ويربط جسر نهر إيلي الجديد الذي افتتح أمس بين مدينة ألماتي ومدينة قونايف.")
    assert "city:almaty-kz" in ends(result)


def test_a_tunnel_under_a_pass_right_after_the_verb_links_two_countries(extractor):
    result = run(extractor, "ويربط نفق أنزوب طاجيكستان الشمالية بالعاصمة دوشنبه.")
    assert "city:dushanbe-tj" in ends(result)


def test_a_power_station_after_the_linking_verb_is_an_end_not_the_route(extractor):
    result = run(extractor, 'وافتتح خط الكهرباء "داتكا - كيمين" الذي يربط محطة توكتوغول بالعاصمة بيشكيك.')
    assert not any(s.startswith("project:") for s, _ in links(result))


def test_trains_that_set_out_from_a_count_of_cities_link_the_cities_listed(extractor):
    result = run(extractor, "وأصبحت قطارات الشحن بين الصين وأوروبا تنطلق من 120 مدينة صينية، بينها "
                            "تشونغتشينغ وشيآن.")
    assert {"city:chongqing-cn", "city:xian-cn"} <= ends(result)


def test_trains_that_will_set_out_from_a_province_link_it(extractor):
    result = run(extractor, "وقالت الشركة إن قطارات الشحن بين الصين وأوروبا ستنطلق من مقاطعة خنان "
                            "مرورا بكازاخستان.")
    assert {"region:henan-cn", "country:KZ"} <= ends(result)


@pytest.mark.xfail(reason="open: provinces that run the trains (من أكثر المقاطعات تسييرا لقطارات …) are no ends yet", strict=False)
def test_provinces_that_run_the_trains_are_their_origins(extractor):
    result = run(extractor, "وكانت مقاطعات خنان وشنشي وسيتشوان من أكثر المقاطعات تسييرا لقطارات الشحن "
                            "بين الصين وأوروبا.")
    assert {"region:henan-cn", "region:shaanxi-cn"} <= ends(result)


def test_trains_that_reach_cities_in_countries_link_the_countries(extractor):
    result = run(extractor, "وتسير قطارات الشحن بين الصين وأوروبا عبر ثلاثة ممرات رئيسية، وتصل إلى مدن "
                            "في ألمانيا وبولندا وبلجيكا.")
    assert {"country:DE", "country:PL", "country:BE"} <= ends(result)


def test_the_verb_set_out_in_another_clause_is_no_route_of_the_corridor(extractor):
    result = run(extractor, "وقال المسؤول إن الممر الأوسط مهم، وإن الوفود تنطلق من أستانا غدا.")
    assert "city:astana-kz" not in ends(result)


def test_a_pipeline_that_reaches_towns_in_a_country_links_the_country(extractor):
    result = run(extractor, "ويمتد خط أنابيب النفط من كازاخستان إلى مدن في شمال غرب الصين.")
    assert "country:CN" in ends(result)


def test_a_place_a_minister_is_in_after_a_corridor_is_no_end(extractor):
    result = run(extractor, "وقال الوزير إن قطارات الشحن بين الصين وأوروبا تصل إلى مدن كثيرة، وذلك في "
                            "تصريح أدلى به في موسكو.")
    assert "city:moscow-ru" not in ends(result)


def test_the_wakhan_corridor_is_a_region_not_a_transport_corridor(extractor):
    result = run(extractor, "وتقع منطقة ممر واخان في أقصى شمال شرق أفغانستان على الحدود مع الصين.")
    assert "region:wakhan-af" in {m.entity.id for m in result.mentions}
    assert not corridors(result)


def test_a_road_named_by_wakhan_is_still_a_road(extractor):
    result = run(extractor, "وتعمل السلطات على إنشاء طريق واخان السريع الذي يصل إلى الحدود الصينية.")
    assert corridors(result)


def test_a_highway_through_the_wakhan_corridor_links_it_and_both_countries(extractor):
    result = run(extractor, "وأعلنت حكومة طالبان بدء شق طريق سريع في ممر واخان يربط أفغانستان بالصين.")
    assert {"region:wakhan-af", "country:AF", "country:CN"} <= ends(result)


def test_a_railway_in_a_province_before_its_verb_links_the_province(extractor):
    result = run(extractor, "وتعتزم الحكومة مد خط سكة حديد في منطقة شينجيانغ يربط أورومتشي بمدينة كاشغر.")
    assert {"region:xinjiang-cn", "city:urumqi-cn", "city:kashgar-cn"} <= ends(result)


def test_a_road_in_a_province_with_no_route_after_it_is_no_corridor(extractor):
    result = run(extractor, "وافتتحت الشركة مكتبا لصيانة الطرق في منطقة شينجيانغ.")
    assert not corridors(result)


@pytest.mark.xfail(reason="open: a work that shortens the way between two places (سيختصر النفق زمن الرحلة بين …) links no place yet; يقلص as a links trigger made the line head before it a new corridor (C13)", strict=False)
def test_a_tunnel_that_shortens_the_trip_between_two_cities_links_them(extractor):
    result = run(extractor, "وأنجزت الشركة حفر نفق تيانشان شنغلي في منطقة شينجيانغ. وسيختصر النفق زمن "
                            "الرحلة بين كورلا وأورومتشي من سبع ساعات إلى ثلاث ساعات.")
    assert {"city:korla-cn", "city:urumqi-cn"} <= ends(result)


def test_a_tunnel_the_sentence_after_refers_to_links_the_cities_it_joins(extractor):
    result = run(extractor, "وأنجزت الشركة حفر نفق تيانشان شنغلي في منطقة شينجيانغ. ويربط النفق بين "
                            "مدينتي كورلا وأورومتشي.")
    assert {"city:korla-cn", "city:urumqi-cn"} <= ends(result)


def test_trains_that_reach_a_count_of_cities_in_a_count_of_countries_link_those_listed(extractor):
    result = run(extractor, "وتصل قطارات الشحن بين الصين وأوروبا إلى 227 مدينة في 25 دولة أوروبية، من "
                            "بينها ألمانيا وبولندا.")
    assert {"country:DE", "country:PL"} <= ends(result)


def test_trains_that_link_a_city_to_a_count_of_cities_link_those_listed(extractor):
    result = run(extractor, "وتربط قطارات الشحن بين الصين وأوروبا مدينة تشونغتشينغ بأكثر من 200 مدينة "
                            "في 25 دولة أوروبية، منها ألمانيا وبولندا.")
    assert {"city:chongqing-cn", "country:DE", "country:PL"} <= ends(result)


def test_trains_that_link_their_country_to_a_count_of_cities_link_those_listed(extractor):
    result = run(extractor, "وباتت قطارات الشحن بين الصين وأوروبا تربط الصين بأكثر من 200 مدينة في 25 "
                            "دولة أوروبية منها ألمانيا وبولندا وبلجيكا.")
    assert {"country:DE", "country:PL", "country:BE"} <= ends(result)


def test_a_count_of_trips_after_the_linked_places_lists_no_place(extractor):
    result = run(extractor, "ويربط الممر الأوسط الصين بتركيا، وقد سجل 300 رحلة هذا العام منها رحلات "
                            "إلى أذربيجان.")
    assert "country:AZ" not in ends(result)


def test_a_freight_train_laden_with_a_cargo_of_several_words_links_its_route(extractor):
    result = run(extractor, "وانطلق قطار شحن محمل بقطع غيار السيارات من مدينة تشنغدو متجها إلى مدينة "
                            "هامبورغ الألمانية.")
    assert {"city:chengdu-cn", "city:hamburg-de"} <= ends(result)


def test_a_laden_train_with_no_route_is_no_corridor(extractor):
    result = run(extractor, "وشوهد قطار شحن محمل بقطع غيار السيارات في المحطة صباح اليوم.")
    assert not links(result)


def test_a_train_that_arrived_after_crossing_countries_links_them(extractor):
    result = run(extractor, "ووصل قطار شحن صيني قادما من مدينة تشونغتشينغ إلى مدينة دويسبورغ الألمانية "
                            "بعد أن عبر كازاخستان وروسيا وبيلاروس وبولندا.")
    assert {"country:KZ", "country:RU", "country:BY", "country:PL"} <= ends(result)


def test_a_train_that_arrived_after_some_days_links_no_more(extractor):
    result = run(extractor, "ووصل قطار الشحن من شيآن إلى مدينة دويسبورغ بعد 15 يوما، وقال المسؤول في "
                            "موسكو إن الرحلة ناجحة.")
    assert "city:moscow-ru" not in ends(result)
