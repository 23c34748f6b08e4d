"""Corridors and the places they link, round 6: chains whose dashes are glued to the next word,
a named road (or one named by directions) whose route follows a relative clause, the Northern and
Southern corridors by their route, and a freight train's route with a time, a distance or its
arrival said between its stops. Sentences written for these tests."""
from __future__ import annotations

from extraction_helpers import run, corridors, links


def linked(result):
    """What the one corridor of the result links."""
    (corridor,) = corridors(result)
    return {t for s, t in links(result) if s == corridor}


# -- a chain whose dashes are glued to the word after them -----------------------------------------

def test_a_quoted_chain_with_dashes_glued_to_the_next_country_links_every_country(extractor):
    result = run(extractor, 'وبحث الجانبان تطوير ممر النقل "أوزبكستان -أفغانستان -باكستان" الذي يربط '
                            'آسيا الوسطى بموانئ بحر العرب.')
    assert {"country:UZ", "country:AF", "country:PK"} <= linked(result)


def test_an_unquoted_chain_with_glued_en_dashes_links_every_country(extractor):
    result = run(extractor, "وقال الوزير إن خط سكة حديد الصين –قيرغيزستان –أوزبكستان سيختصر زمن النقل.")
    assert {"country:CN", "country:KG", "country:UZ"} <= linked(result)


# -- a road named by one word, or by directions, with its route after a relative clause -----------

def test_a_road_named_by_a_word_shaped_like_a_verb_links_its_route(extractor):
    result = run(extractor, "وذكرت مصادر محلية أن العمل في طريق واخان الذي يربط أفغانستان بالصين "
                            "يسير وفق الجدول الزمني المحدد.")
    assert {"country:AF", "country:CN"} <= linked(result)


def test_a_verb_after_a_road_is_no_name_of_it(extractor):
    result = run(extractor, "وقال المسؤول إن الطريق أخان السكان بعد سنوات من الانتظار.")
    assert not corridors(result)


def test_a_road_named_by_directions_links_its_route_after_its_adjective(extractor):
    result = run(extractor, "وأعلنت الحكومة القيرغيزية اكتمال المرحلة الثانية من طريق شمال-جنوب البديل "
                            "الذي يربط بيشكيك بمدينة أوش في الجنوب.")
    assert {"city:bishkek-kg", "city:osh-kg"} <= linked(result)


def test_the_alternative_road_alone_names_no_corridor(extractor):
    result = run(extractor, "واضطر السائقون إلى سلوك الطريق البديل بعد إغلاق الجسر.")
    assert not corridors(result)


# -- the Northern and Southern corridors, by their route -----------------------------------------

def test_the_northern_corridor_through_russia_is_a_corridor_linking_russia(extractor):
    result = run(extractor, "وأدت العقوبات إلى تراجع الاعتماد على الممر الشمالي عبر روسيا، مما دفع "
                            "الشركات إلى البحث عن مسارات بديلة.")
    assert "country:RU" in linked(result)


def test_the_southern_corridor_with_a_relative_clause_links_its_countries(extractor):
    result = run(extractor, "وقال الخبير إن الممر الجنوبي الذي يمر عبر إيران وتركيا يعد بديلا مهما.")
    assert {"country:IR", "country:TR"} <= linked(result)


def test_a_northern_road_without_a_route_is_no_corridor(extractor):
    result = run(extractor, "وتعمل الشركة في الجزء الشمالي من البلاد قرب الطريق الشمالي.")
    assert not corridors(result)


def test_a_northern_path_is_no_named_corridor(extractor):
    result = run(extractor, "وتبحث الشركات عن بدائل للمسار الشمالي عبر روسيا.")
    assert not corridors(result)


# -- a train's route with a time, a distance or its arrival between its stops ---------------------

def test_a_trains_route_goes_on_after_the_day_it_left(extractor):
    result = run(extractor, "وقال إن قطار الشحن الذي غادر مدينة شيآن يوم الاثنين سيصل إلى مدينة "
                            "دويسبورغ الألمانية.")
    assert {"city:xian-cn", "city:duisburg-de"} <= linked(result)


def test_a_trains_route_goes_on_after_yesterday_and_its_heading(extractor):
    result = run(extractor, "وأفادت الشركة بأن قطار الشحن غادر مدينة لانتشو أمس متجها إلى العاصمة "
                            "الأوزبكية طشقند.")
    assert {"city:lanzhou-cn", "city:tashkent-uz"} <= linked(result)


def test_a_trains_route_with_a_distance_and_its_arrival_links_every_stop(extractor):
    result = run(extractor, "ونقلت وكالة شينخوا عن مسؤول في الميناء قوله إن قطار الشحن الذي غادر مدينة "
                            "شيآن يوم الاثنين سيقطع 9 آلاف كيلومتر عبر كازاخستان وروسيا وبيلاروس وبولندا "
                            "قبل وصوله إلى مدينة دويسبورغ الألمانية.")
    assert {"city:xian-cn", "country:KZ", "country:RU", "country:BY", "country:PL",
            "city:duisburg-de"} <= linked(result)


def test_a_train_that_will_pass_before_arriving_links_the_places_passed(extractor):
    result = run(extractor, "وأضاف أن قطار الحاويات الذي انطلق من مدينة ووهان سيمر عبر كازاخستان "
                            "وروسيا قبل وصولها إلى مدينة هامبورغ.")
    assert {"city:wuhan-cn", "country:KZ", "country:RU"} <= linked(result)


def test_a_time_after_the_last_stop_does_not_link_the_next_clause(extractor):
    result = run(extractor, "وانطلق قطار الشحن من شيآن إلى موسكو يوم الجمعة، وقال وزير التجارة "
                            "الكازاخستاني في أستانا إن الرحلات ستزداد.")
    assert "city:astana-kz" not in {t for _, t in links(result)}


# -- places after a dual or a plural of their kind behind و ---------------------------------------

def test_a_railway_to_two_towns_after_a_dual_links_all_three(extractor):
    result = run(extractor, "وتشمل المشاريع خط سكة حديد يربط بين مدينة ترمذ الأوزبكية ومدينتي مزار شريف "
                            "وكابول الأفغانيتين.")
    assert {"city:termez-uz", "city:mazar-i-sharif-af", "city:kabul-af"} <= linked(result)


def test_a_service_from_cities_and_provinces_links_every_one(extractor):
    result = run(extractor, "وأفاد التقرير بأن قطارات الشحن بين الصين وأوروبا، التي تنطلق من مدن ييوو "
                            "وشيآن ومقاطعات سيتشوان وخنان، تصل إلى 25 دولة أوروبية.")
    assert {"city:yiwu-cn", "city:xian-cn", "region:sichuan-cn", "region:henan-cn"} <= linked(result)


# -- a route that starts at a work -------------------------------------------------------------

def test_a_pipeline_from_a_field_to_a_country_is_a_corridor(extractor):
    result = run(extractor, "وقال إن خط أنابيب الغاز يمتد من حقل غالكينيش إلى الهند عبر أفغانستان.")
    assert {"country:IN", "country:AF"} <= linked(result)


def test_a_pipeline_from_a_field_in_a_country_has_that_country_as_its_end(extractor):
    result = run(extractor, "وأوضح الوزير أن خط أنابيب الغاز سيمتد من حقل غالكينيش في تركمانستان عبر "
                            "أفغانستان وباكستان إلى الهند.")
    assert {"country:TM", "country:AF", "country:PK", "country:IN"} <= linked(result)


# -- asides and adjectives between the stops of a route -------------------------------------------

def test_a_length_aside_behind_wa_between_commas_keeps_the_route(extractor):
    result = run(extractor, "وأوضح أن الخط الحديدي الجديد، ويبلغ طوله 280 كيلومترا، سيربط بين طشقند وسمرقند.")
    assert {"city:tashkent-uz", "city:samarkand-uz"} <= linked(result)


def test_an_aside_between_two_stops_keeps_the_route(extractor):
    result = run(extractor, "وانطلق قطار الشحن المحمل بالإلكترونيات من مدينة تشونغتشينغ، في رحلة تستغرق "
                            "16 يوما، إلى مدينة دويسبورغ.")
    assert {"city:chongqing-cn", "city:duisburg-de"} <= linked(result)


def test_an_aside_naming_a_place_is_not_walked_past(extractor):
    result = run(extractor, "وانطلق قطار الشحن من شيآن إلى موسكو، كما قال الوزير في أستانا، إلى جانب "
                            "رحلات أخرى.")
    assert "city:astana-kz" not in {t for _, t in links(result)}


def test_a_stop_with_two_adjectives_keeps_the_route(extractor):
    result = run(extractor, "وقالت الشركة إن قطار الشحن الصيني الأوروبي انطلق من ميناء شيآن الدولي البري "
                            "متجها إلى مدينة وارسو.")
    assert "city:warsaw-pl" in linked(result)


# -- a train sent by a city or province: that place is its other end --------------------------

def test_a_train_a_city_sends_to_a_city_links_both(extractor):
    result = run(extractor, "وسيرت مدينة ييوو أول قطار شحن إلى مدريد.")
    assert {"city:yiwu-cn", "city:madrid-es"} <= linked(result)


def test_a_freight_service_a_city_launches_to_europe_links_the_city(extractor):
    result = run(extractor, "وأطلقت مدينة تشنغدو خدمة جديدة لقطارات الشحن إلى أوروبا.")
    assert "city:chengdu-cn" in linked(result)


def test_a_train_a_province_sends_passes_a_country_not_named_by_it(extractor):
    result = run(extractor, "وأطلقت مقاطعة قانسو أول قطار شحن إلى طشقند عبر كازاخستان.")
    (corridor,) = corridors(result)
    assert {"region:gansu-cn", "city:tashkent-uz", "country:KZ"} <= linked(result)
    assert "KZ" not in corridor  # passed through: a link, not part of its identity


def test_a_train_in_a_sentence_said_in_a_city_does_not_start_there(extractor):
    result = run(extractor, "وقال الوزير في أستانا إن قطار الشحن إلى طهران سينطلق قريبا.")
    assert "city:astana-kz" not in {t for _, t in links(result)}


# -- an indefinite ordinal; a train's arrival said before where it left --------------------------

def test_a_second_railway_between_the_two_countries_is_a_line_of_its_own(extractor):
    result = run(extractor, "وتعتزم كازاخستان والصين بناء خط سكة حديد ثان بين البلدين.")
    (corridor,) = corridors(result)
    assert corridor.endswith("-2")
    assert {"country:KZ", "country:CN"} <= linked(result)


def test_a_train_that_arrived_yesterday_after_leaving_a_city_links_both(extractor):
    result = run(extractor, "وأشار التقرير إلى أن قطار الشحن الذي وصل إلى مدينة دويسبورغ الألمانية أمس "
                            "انطلق من مدينة تشونغتشينغ قبل 15 يوما، وقال مدير المحطة في برلين إن الرحلات ستزداد.")
    assert {"city:duisburg-de", "city:chongqing-cn"} <= linked(result)
    assert "city:berlin-de" not in linked(result)


def test_a_time_after_a_stops_nisba_keeps_the_route(extractor):
    result = run(extractor, "وقال إن قطار الشحن الذي غادر مدينة شيآن الصينية يوم الاثنين سيصل إلى مدينة "
                            "دويسبورغ الألمانية.")
    assert {"city:xian-cn", "city:duisburg-de"} <= linked(result)


# -- a route in a clause with no subject of its own; a count of places before their list ---------

def test_a_route_after_idh_is_the_named_corridors(extractor):
    result = run(extractor, "ويعد الممر الأوسط بديلا عن الطرق التقليدية، إذ يمتد من الصين عبر كازاخستان "
                            "إلى أذربيجان وجورجيا وتركيا.")
    assert {"country:CN", "country:KZ", "country:AZ", "country:GE", "country:TR"} <= linked(result)


def test_a_route_after_wa_huwa_in_the_next_sentence_gives_a_head_its_ends(extractor):
    result = run(extractor, "وافتتح خط أنابيب الغاز الجديد أمس. وهو يمتد من تركمانستان إلى الصين عبر أوزبكستان.")
    assert {"country:TM", "country:CN", "country:UZ"} <= linked(result)


def test_a_place_where_trains_pass_is_no_route_of_a_corridor_named_nowhere(extractor):
    result = run(extractor, "وزار الوزير مدينة خورغوس، حيث تمر قطارات الشحن.")
    assert not links(result)


def test_the_towns_listed_after_a_count_are_on_the_route(extractor):
    result = run(extractor, "وبلغ عدد رحلات قطارات الشحن بين الصين وأوروبا 17 ألف رحلة. وتنطلق القطارات "
                            "من أكثر من 100 مدينة صينية، بينها شيآن وتشنغدو.")
    assert {"city:xian-cn", "city:chengdu-cn"} <= linked(result)


def test_the_countries_listed_after_a_count_are_the_trains_ends(extractor):
    result = run(extractor, "وتصل قطارات الشحن من شيآن إلى نحو 25 دولة أوروبية، منها ألمانيا وبولندا.")
    assert {"city:xian-cn", "country:DE", "country:PL"} <= linked(result)


def test_a_head_alone_after_ala_an_extends_the_corridor_of_its_sentence(extractor):
    result = run(extractor, "ووقعت الحكومتان اتفاقية لتطوير خط السكك الحديدية بين الصين وكازاخستان، على أن "
                            "يمتد الخط لاحقا إلى تركمانستان.")
    assert {"country:CN", "country:KZ", "country:TM"} <= linked(result)


def test_a_head_alone_after_kama_passes_a_city_of_the_corridor_of_its_sentence(extractor):
    result = run(extractor, "وافتتح خط السكك الحديدية بين الصين ولاوس عام 2021، كما يمر الخط عبر مدينة فيينتيان.")
    assert "city:vientiane-la" in linked(result)


def test_a_field_a_pipeline_starts_at_stays_a_project_linked_to_it(extractor):
    result = run(extractor, "وأوضح الوزير أن خط أنابيب الغاز سيمتد من حقل غالكينيش في تركمانستان عبر "
                            "أفغانستان وباكستان إلى الهند.")
    fields = {m.entity.id for m in result.mentions if m.entity.type == "Project"}
    assert fields and fields <= linked(result)


def test_a_pipeline_linking_an_unlisted_town_to_a_known_one_behind_ba_is_a_corridor(extractor):
    result = run(extractor, "وقالت الشركة إن خط أنابيب النفط الذي يربط أتاسو بألاشانكو نقل 15 مليون طن العام الماضي.")
    assert "city:alashankou-cn" in linked(result) and len(linked(result)) == 2


def test_a_road_linking_people_to_a_capital_is_no_corridor_between_them(extractor):
    result = run(extractor, "وقالت الشركة إن الطريق الجديد يربط السكان بالعاصمة دوشنبه.")
    assert not links(result)


def test_a_train_that_set_out_from_a_city_named_before_its_head_links_it(extractor):
    result = run(extractor, "وانطلقت، صباح الأحد، من مدينة ييوو رحلة جديدة لقطار الشحن المتجه إلى مدينة "
                            "مدريد الإسبانية.")
    assert {"city:yiwu-cn", "city:madrid-es"} <= linked(result)


def test_a_minister_back_from_a_city_on_a_train_is_no_end_of_it(extractor):
    result = run(extractor, "وعاد الوزير من بكين على متن قطار الشحن إلى موسكو.")
    assert "city:beijing-cn" not in {t for _, t in links(result)}
