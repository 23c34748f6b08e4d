"""The stretches of a route as Arabic news writes them: where trains set out from and go to after
the pair that names them, perfect verbs and participles of setting out and heading, plural words
for the places' kind, lists with أو, and trains referred to again (issue 8, class 1). Sentences
written for these tests."""
from __future__ import annotations

import pytest

from extraction_helpers import run, corridors


def linked(result):
    return {r.target.id for r in result.relations if r.type == "links"}


def test_places_after_the_pair_that_names_a_service_link_it_without_changing_it(extractor):
    plain = run(extractor, "وارتفع عدد قطارات الشحن بين الصين وكازاخستان.")
    departing = run(extractor, "وانطلقت قطارات الشحن بين الصين وكازاخستان من مدينتي شيآن ولانتشو.")
    arriving = run(extractor, "وتصل قطارات الشحن بين الصين وكازاخستان إلى ألماتي وأستانا.")
    assert corridors(plain) == corridors(departing) == corridors(arriving) == {
        "corridor:freight-train-route:country:CN-country:KZ"}
    assert linked(departing) == {"country:CN", "country:KZ", "city:xian-cn", "city:lanzhou-cn"}
    assert linked(arriving) == {"country:CN", "country:KZ", "city:almaty-kz", "city:astana-kz"}
    # without the pair, من … إلى … gives the ends themselves
    assert corridors(run(extractor, "وتنطلق قطارات الشحن من شيآن إلى ألماتي.")) == {
        "corridor:freight-train-route:city:almaty-kz-city:xian-cn"}


def test_perfect_verbs_and_participles_of_setting_out_and_heading(extractor):
    perfect = run(extractor, "وانطلق القطار من مدينة لانتشو متوجها إلى مدينة طشقند.")
    assert corridors(perfect) == {"corridor:train-route:city:lanzhou-cn-city:tashkent-uz"}
    coming = run(extractor, "ووصل إلى أستانا قطار الشحن القادم من مدينة ووهان عبر مدينة ألماتي.")
    assert {"city:wuhan-cn", "city:almaty-kz"} <= linked(coming)
    # the same words about a person make no corridor
    assert not corridors(run(extractor, "وغادر الوزير طشقند متوجها إلى موسكو قادما من بكين."))


def test_plural_kind_words_and_either_place_in_a_list(extractor):
    cities = run(extractor, "وتربط السكة الحديدية الجديدة مدن طشقند وسمرقند وبخارى.")
    assert linked(cities) == {"city:tashkent-uz", "city:samarkand-uz", "city:bukhara-uz"}
    both = run(extractor, "وسيربط الطريق الجديد كلا من دوشنبه وخوجند.")
    assert corridors(both) == {"corridor:road:city:dushanbe-tj-city:khujand-tj"}
    either = run(extractor, "وتتجه قطارات الشحن من مدينة ييوو إلى طشقند أو ألماتي.")
    assert linked(either) == {"city:yiwu-cn", "city:tashkent-uz", "city:almaty-kz"}
    # a partitive من (one of the cities) is no route, and الولايات المتحدة is no word for provinces
    assert not corridors(run(extractor, "وتعد سمرقند من مدن أوزبكستان القديمة."))
    us = run(extractor, "ويمتد خط أنابيب النفط من الولايات المتحدة إلى كندا.")
    assert "country:US" in linked(us)


def test_trains_referred_to_again_link_the_service_named_before(extractor):
    result = run(extractor, "وأطلقت الصين خدمة قطارات الشحن بين الصين وقرغيزستان. "
                            "وتنطلق هذه القطارات من مدن كاشغر وأورومتشي. وتصل القطارات إلى مدينة بيشكك.")
    assert corridors(result) == {"corridor:freight-train-route:country:CN-country:KG"}
    assert {"city:kashgar-cn", "city:urumqi-cn", "city:bishkek-kg"} <= linked(result)
    # trains alone, with nothing named before, are no service of their own
    alone = run(extractor, "وتنطلق القطارات من شيآن إلى موسكو.")
    assert not corridors(alone) and not linked(alone)


def test_a_head_alone_after_a_comma_or_a_relative_refers_to_the_corridor_just_named(extractor):
    after_comma = run(extractor, "وافتتح خط أنابيب النفط بين كازاخستان والصين عام 2006، ويمر الخط عبر مدينة ألماتي.")
    assert corridors(after_comma) == {"corridor:oil-pipeline:country:CN-country:KZ"}
    assert "city:almaty-kz" in linked(after_comma)
    relative = run(extractor, "وافتتح خط أنابيب النفط بين كازاخستان والصين عام 2006، والذي يمر عبر قرغيزستان.")
    assert "country:KG" in linked(relative)
    later = run(extractor, "وافتتح الطريق السريع بين بيشكيك وأوش. ويعد الطريق الذي يمر عبر مدينة طشقند مهما.")
    assert corridors(later) == {"corridor:highway:city:bishkek-kg-city:osh-kg"}
    assert "city:tashkent-uz" in linked(later)
    # a comma with no head after it, or a relative clause of something else: no route of the corridor
    other = run(extractor, "وافتتح خط أنابيب النفط بين كازاخستان والصين، والتقى الرئيس الذي يمر بمرحلة صعبة.")
    assert linked(other) == {"country:KZ", "country:CN"}


def test_the_other_names_of_one_corridor_are_one_identity(extractor):
    names = ["وناقش الوزيران تطوير الممر الأوسط.", "وأشاد الوزير بالممر المركزي.",
             "وتحدث عن طريق النقل الدولي عبر الخزر.", "وتطوير ممر النقل العابر لبحر قزوين الذي يمر عبر أذربيجان."]
    assert all(corridors(run(extractor, text)) == {"corridor:corridor:middle"} for text in names)
    assert "country:AZ" in linked(run(extractor, names[-1]))
    # a railway across the sea is a railway of its own, not the corridor
    assert corridors(run(extractor, "وأشار إلى خط السكك الحديدية العابر لبحر قزوين.")) == {"corridor:railway:trans-caspian"}


def test_a_corridor_at_the_end_of_a_body_s_name_is_a_corridor_too(extractor):
    result = run(extractor, "واجتمعت مجموعة العمل الخاصة بمشروع السكك الحديدية بين الصين وطاجيكستان وأفغانستان.")
    kinds = {m.entity.type for m in result.mentions}
    assert {"Organization", "Corridor"} <= kinds
    assert corridors(result) == {"corridor:railway:country:AF-country:CN-country:TJ"}
    assert linked(result) == {"country:CN", "country:TJ", "country:AF"}
    # a company named after what it runs, with no ends after it, has no corridor in it
    company = run(extractor, "وقالت شركة السكك الحديدية الكازاخستانية إن العمل مستمر.")
    assert not corridors(company)


def test_more_words_for_the_kinds_and_adjectives_out_of_the_accusative(extractor):
    assert corridors(run(extractor, "ويمتد الخط الحديدي من أورومتشي إلى ألماتي.")) == {
        "corridor:railway:city:almaty-kz-city:urumqi-cn"}
    assert corridors(run(extractor, "وتم افتتاح خط أنابيب لنقل النفط من كازاخستان إلى الصين.")) == {
        "corridor:oil-pipeline:country:CN-country:KZ"}
    assert corridors(run(extractor, "وسيربط طريق السيارات الجديد بين دوشنبه وبوختار.")) == {
        "corridor:highway:city:bokhtar-tj-city:dushanbe-tj"}
    accusative = run(extractor, "وأكد أن أوزبكستان تمثل ممرا تجاريا رئيسيا بين الصين وتركمانستان.")
    (corridor,) = [m.entity for m in accusative.mentions if m.entity.type == "Corridor"]
    assert corridor.label_ar == "ممر تجاري رئيسي بين الصين وتركمانستان"


def test_places_passed_by_a_participle_or_a_list_opened_by_kull_min(extractor):
    passing = run(extractor, "ويمتد الطريق السريع الجديد المار بمدينة أوش من الصين إلى طاجيكستان.")
    assert corridors(passing) == {"corridor:highway:country:CN-country:TJ"}  # the place passed is no end
    assert "city:osh-kg" in linked(passing)
    listed = run(extractor, "ويمتد الخط من الصين مرورا بكل من كازاخستان وروسيا وصولا إلى بيلاروس.")
    assert corridors(listed) == {"corridor:line:country:BY-country:CN"}
    assert {"country:KZ", "country:RU"} <= linked(listed)


def test_container_and_passenger_trains(extractor):
    assert corridors(run(extractor, "وانطلق قطار الحاويات من مدينة شيآن إلى مدينة طشقند.")) == {
        "corridor:freight-train-route:city:tashkent-uz-city:xian-cn"}
    assert corridors(run(extractor, "وبدأ تشغيل قطار الركاب بين ألماتي وأورومتشي.")) == {
        "corridor:train-route:city:almaty-kz-city:urumqi-cn"}
    assert not corridors(run(extractor, "وركب الوزير قطار الركاب أمس."))


def test_between_the_two_countries_of_the_article(extractor):
    result = run(extractor, "ووقعت الصين وقرغيزستان اتفاقية. وسيربط خط السكة الحديد الجديد بين البلدين.")
    assert corridors(result) == {"corridor:railway:country:CN-country:KG"}
    assert linked(result) == {"country:CN", "country:KG"}
    # three countries named before: which two is unknown; and no corridor, no link
    three = run(extractor, "ووقعت الصين وقرغيزستان وأوزبكستان اتفاقية. وسيربط خط السكة الحديد الجديد بين البلدين.")
    assert not linked(three)
    assert not linked(run(extractor, "ووقعت الصين وقرغيزستان اتفاقية. وقال إن العلاقات بين البلدين قوية."))


def test_a_length_and_verbs_of_crossing_before_the_places(extractor):
    length = run(extractor, "وتمتد السكة الحديدية على طول 280 كيلومترا بين الصين وقرغيزستان.")
    assert corridors(length) == {"corridor:railway:country:CN-country:KG"}
    crossing = run(extractor, "ويمتد خط الأنابيب من تركمانستان ويجتاز أوزبكستان وكازاخستان وصولا إلى الصين.")
    assert corridors(crossing) == {"corridor:pipeline:country:CN-country:TM"}
    assert {"country:UZ", "country:KZ"} <= linked(crossing)


def test_a_label_gives_back_the_article_behind_two_proclitics(extractor):
    result = run(extractor, "وللسكك الحديدية بين الصين وكازاخستان دور كبير.")
    (corridor,) = [m.entity for m in result.mentions if m.entity.type == "Corridor"]
    assert corridor.label_ar == "السكك الحديدية بين الصين وكازاخستان"
    named = run(extractor, "وللممر الأوسط دور كبير.")
    assert [m.entity.label_ar for m in named.mentions if m.entity.type == "Corridor"] == ["الممر الأوسط"]


def test_the_project_and_the_railway_alone_give_the_route_of_the_corridor_named_before(extractor):
    project = run(extractor, "ووقع البلدان اتفاقية بناء خط السكك الحديدية الصين - قرغيزستان. "
                             "وسيمتد المشروع من مدينة كاشغر إلى مدينة أوش.")
    assert corridors(project) == {"corridor:railway:country:CN-country:KG"}
    assert {"city:kashgar-cn", "city:osh-kg"} <= linked(project)
    railway = run(extractor, "وافتتح خط السكك الحديدية بين الصين وكازاخستان. وتمر السكة عبر مدينة ألماتي.")
    assert corridors(railway) == {"corridor:railway:country:CN-country:KZ"} and "city:almaty-kz" in linked(railway)
    # a project of its own named in between keeps the route
    other = run(extractor, "وافتتح خط السكك الحديدية بين الصين وكازاخستان. وافتتحت محطة الطاقة الشمسية \"نور\"، "
                           "وسيمتد المشروع من مدينة ألماتي.")
    assert "city:almaty-kz" not in linked(other)
    assert not corridors(run(extractor, "وتمر السكة عبر مدينة ألماتي."))


def test_the_silk_road_is_one_corridor_whatever_follows_it(extractor):
    texts = ["وكان طريق الحرير بين الصين وأوروبا شريانا للتجارة.", "وتقع سمرقند على طريق الحرير القديم.",
             "وكان طريق الحرير القديم يربط الصين بأوروبا عبر آسيا الوسطى."]
    assert all(corridors(run(extractor, text)) == {"corridor:road:silk"} for text in texts)
    assert {"country:CN", "region:europe"} <= linked(run(extractor, texts[-1]))
    # the initiatives named after it are not the corridor
    for text in ("وقال إن مبادرة الحزام والطريق تحيي طريق الحرير الجديد.", "وأعلن عن الحزام الاقتصادي لطريق الحرير.",
                 "وتحدث عن طريق الحرير البحري."):
        assert not corridors(run(extractor, text))


def test_a_relative_route_after_the_ends_links_the_places_it_passes(extractor):
    for text in ("وافتتح خط أنابيب النفط بين روسيا والصين الذي يمر عبر منغوليا.",
                 "وافتتح خط أنابيب النفط بين روسيا والصين والممتد عبر منغوليا."):
        result = run(extractor, text)
        assert corridors(result) == {"corridor:oil-pipeline:country:CN-country:RU"}  # its ends still name it
        assert linked(result) == {"country:RU", "country:CN", "country:MN"}
    # a relative clause about something else is no route
    other = run(extractor, "وافتتح خط أنابيب النفط بين روسيا والصين الذي تموله منغوليا.")
    assert linked(other) == {"country:RU", "country:CN"}


def test_words_between_a_head_and_its_ends_that_name_nothing(extractor):
    trip = run(extractor, "ووصل قطار الشحن الأول المحمل بالبضائع إلى مدينة ألماتي قادما من مدينة ووهان.")
    (train,) = [m.entity for m in trip.mentions if m.entity.type == "Corridor"]
    assert train.id == "corridor:freight-train-route:city:almaty-kz-city:wuhan-cn"  # a first trip, not line 1
    assert "المحمل" not in train.label_ar and "بالبضائع" not in train.label_ar
    planned = run(extractor, "ويربط الطريق السريع المزمع إنشاؤه مدينة كاشغر بمدينة أوش.")
    assert corridors(planned) == {"corridor:highway:city:kashgar-cn-city:osh-kg"}
    daily = run(extractor, "وأطلقت الصين خدمة قطارات الشحن بين الصين وكازاخستان. وتمر القطارات يوميا عبر مدينة ألماتي.")
    assert corridors(daily) == {"corridor:freight-train-route:country:CN-country:KZ"} and "city:almaty-kz" in linked(daily)
    # a pipeline's fourth line keeps its number
    assert corridors(run(extractor, "وبدأ بناء خط أنابيب الغاز الرابع.")) == {"corridor:gas-pipeline:line-4"}


def test_a_country_after_a_comma_says_where_the_place_before_it_is(extractor):
    result = run(extractor, "وانطلق قطار الشحن من مدينة ووهان إلى مدينة ألماتي، كازاخستان.")
    assert corridors(result) == {"corridor:freight-train-route:city:almaty-kz-city:wuhan-cn"}


def test_a_railway_between_two_towns_no_table_lists_links_both(extractor):
    result = run(extractor, "وتم افتتاح خط السكك الحديدية بين كيزيلجار وتوغوزتورو في جنوب قرغيزستان.")
    assert len(corridors(result)) == 1, corridors(result)
    towns = {m.entity.label_ar for m in result.mentions if m.entity.type == "City"}
    assert towns == {"كيزيلجار", "توغوزتورو"}, towns  # the second without its glued و
    assert len(linked(result) & {m.entity.id for m in result.mentions if m.entity.type == "City"}) == 2


@pytest.mark.parametrize("text", [
    "وقال إن الطريق بين الحين والآخر يغلق.",  # common words, not towns
    "وقال إن خط السكة الحديد بين الجانبين سيكون مفتوحا.",  # the sides, definite
    "وناقش الطريق بين هذا وذاك.",  # stop words
])
def test_no_towns_from_common_words_after_bayna(extractor, text):
    result = run(extractor, text)
    assert not [m for m in result.mentions if m.entity.type == "City"], result.mentions


def test_a_route_after_a_relative_clause_links_a_corridor_named_by_its_ends(extractor):
    # the relative clause holds the route (، الذي يمتد من …) after ends given by بين
    relative = run(extractor, "ويعد خط أنابيب الغاز بين تركمانستان والصين، الذي يمر عبر أوزبكستان "
                              "وكازاخستان، أطول خط في المنطقة.")
    assert corridors(relative) == {"corridor:gas-pipeline:country:CN-country:TM"}
    assert linked(relative) == {"country:TM", "country:CN", "country:UZ", "country:KZ"}
    # the route's verb before the corridor, an aside between commas, then the route
    aside = run(extractor, "ويمتد خط أنابيب النفط \"كازاخستان – الصين\"، الذي افتتح عام 2006، من مدينة "
                           "أتيراو عبر قرغيزستان إلى منطقة شينجيانغ.")
    assert corridors(aside) == {"corridor:oil-pipeline:country:CN-country:KZ"}
    assert {"city:atyrau-kz", "country:KG", "region:xinjiang-cn"} <= linked(aside)
    # an aside not after a route's verb: what follows it is the sentence's, not the route
    opened = run(extractor, "وافتتح خط أنابيب النفط \"كازاخستان – الصين\"، الذي افتتح عام 2006، من "
                            "جديد في احتفال حضره وزير من قرغيزستان.")
    assert "country:KG" not in linked(opened)


def test_a_corridor_that_reaches_a_place_is_no_visit_to_it(extractor):
    """ينطلق الممر من …، ثم يصل إلى …: the corridor arrives, not the leader of the sentence before;
    a leader named after the verb still visits."""
    route = run(extractor, "وحضر الرئيس التركماني قربان قولي بردي محمدوف حفل التوقيع. وينطلق الممر من مدينة "
                           "هرات، ويدخل تركمانستان، ثم يصل إلى العاصمة الجورجية تبليسي.")
    assert not [r for r in route.relations if r.type == "visited"]
    leader_after = run(extractor, "ويمتد خط السكك الحديدية بين الصين وقرغيزستان عبر الجبال، ووصل الرئيس الصيني "
                                  "شي جين بينغ إلى بيشكيك.")
    assert ("leader:xi-jinping", "city:bishkek-kg") in {
        (r.source.id, r.target.id) for r in leader_after.relations if r.type == "visited"}
