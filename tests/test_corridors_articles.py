"""Corridors and ``links`` in whole articles (issue 8, round 3): a corridor named once in the
headline or the lead and then written as its head alone (الخط، الطريق، الممر), the route given in
later sentences and clauses, stops described on the way (في منطقة …، شمال غربي …، الحدودي), and
several corridors in one article. Every text here was written for these tests; the written
articles with their gold are in tests/fixtures/written/corridors/."""
from __future__ import annotations

import pytest

from tests.test_corridors_probe2 import links, run, types_of


def corridor_ids(result) -> set[str]:
    return {m.entity.id for m in result.mentions if m.entity.type == "Corridor"}


def head_refs(extractor, text) -> list[tuple[str, str]]:
    """The corridor heads alone that refer back, with what they refer to."""
    doc = extractor.nlp(text)
    return [(r.text, r.kb_id_) for r in doc.spans["refs"] if r.id_ == "anaphor" and r.label_ == "Corridor"]


def one_of(got: dict[str, set[str]], places) -> str:
    """The one corridor of ``got`` (corridor -> places) that links all these places (fails when none or several do)."""
    found = [c for c, targets in got.items() if set(places) <= targets]
    assert len(found) == 1, (places, got)
    return found[0]


def one_linking(result, *places: str) -> str:
    return one_of(links(result), places)


# -- routes: (id, text, places that pick the one corridor, places it links, places it does not link)
ROUTES = [
    # a head alone with an aside and nothing named before: a corridor of its own
    ("aside-nothing-before", "ويمتد الخط، الذي يبلغ طوله 400 كيلومتر، من مدينة كاشغر إلى مدينة دوشنبه.",
     ("city:kashgar-cn", "city:dushanbe-tj"), set(), set()),
    # stops described on the way: the region and side a stop lies in, its adjective, a coast
    ("region-and-side-of-a-stop", "وسيمتد خط السكة الحديد الجديد من مدينة أورومتشي في منطقة شينجيانغ الويغورية ذاتية "
     "الحكم شمال غربي الصين، مرورا بمدينة ألماتي، وصولا إلى مدينة شيمكنت في جنوب كازاخستان.",
     ("city:urumqi-cn", "city:shymkent-kz"), {"city:almaty-kz"}, set()),
    ("stop-adjective", "ويمتد الطريق السريع من مدينة أوش، مرورا بمدينة نارين الحدودية، وصولا إلى مدينة كاشغر.",
     ("city:osh-kg", "city:kashgar-cn"), {"city:naryn-kg"}, set()),
    ("side-with-no-route-after-it", "ويربط خط أنابيب النفط مدينة أتيراو بمدينة أورومتشي شمال غربي الصين. ويصدر الصين الشاي.",
     ("city:atyrau-kz", "city:urumqi-cn"), set(), set()),
    ("stop-on-a-coast", "ويربط الطريق السريع الجديد مدينة ليانيونغانغ على الساحل الشرقي للصين بمدينة ألماتي.",
     ("city:lianyungang-cn", "city:almaty-kz"), set(), set()),
    ("participle-and-length-between-commas", "ويربط خط السكك الحديد، الممتد على طول 600 كيلومتر، مدينة ترمذ بمدينة بيشاور.",
     ("city:termez-uz", "city:peshawar-pk"), set(), set()),
    # clauses after a comma with no subject of their own, and what is not one
    ("subjectless-clauses", "وقع البلدان اتفاقا لبناء خط السكة الحديد كازاخستان - الصين.\n\nويبلغ طول الخط 1200 كيلومتر، "
     "يبدأ من مدينة أكتوبي، ويمر عبر مدينة تاراز، لينتهي في مدينة أورومتشي.",
     ("country:KZ", "country:CN"), {"city:aktobe-kz", "city:taraz-kz", "city:urumqi-cn"}, set()),
    ("links-verb-after-a-comma", "افتتح الرئيسان خط السكة الحديد أوزبكستان - قرغيزستان.\n\nويبلغ طول الخط 300 كيلومتر، "
     "ويربط مدينة أوش بمدينة نارين.", ("country:UZ", "country:KG"), {"city:osh-kg", "city:naryn-kg"}, set()),
    ("clause-with-its-own-subject", "افتتح الرئيسان خط السكة الحديد أوزبكستان - قرغيزستان.\n\nويبلغ طول الخط 300 كيلومتر، "
     "ويمر القطار الأول يوميا بمدينة نارين.", ("country:UZ", "country:KG"), set(), {"city:naryn-kg"}),
    ("clause-of-another-verb", "افتتح الرئيسان خط السكة الحديد أوزبكستان - قرغيزستان.\n\nويبلغ طول الخط 300 كيلومتر، "
     "وزار الوزير مدينة نارين.", ("country:UZ", "country:KG"), set(), {"city:naryn-kg"}),
    # relative clauses after a corridor, and after a body named after it
    ("relative-after-a-named-corridor", "وتمر الشحنات عبر طريق النقل الدولي العابر لبحر قزوين، المعروف بـ\"الممر الأوسط\"، "
     "الذي يربط الصين بتركيا عبر كازاخستان وأذربيجان وجورجيا.",
     ("country:CN", "country:TR"), {"country:KZ", "country:AZ", "country:GE"}, set()),
    ("relative-right-after-a-train", "وأصبح قطار الشحن الصين - أوروبا الذي ينطلق من مدينة تشونغتشينغ إلى مدينة دويسبورغ، "
     "مرورا ببيلاروسيا وبولندا، الأسرع.", ("city:chongqing-cn", "city:duisburg-de"), {"country:BY", "country:PL"}, set()),
    ("relative-of-a-body", "افتتح خط السكة الحديد الصين - كازاخستان، وأعلنت شركة السكك الحديدية الكازاخستانية، "
     "التي تربط مدينة أستانا بمدينة شيمكنت، أرباحا قياسية.",
     ("country:CN", "country:KZ"), set(), {"city:astana-kz", "city:shymkent-kz"}),
    # place words on a route: a municipality, several cities
    ("municipality", "وأصبح قطار الشحن الذي ينطلق من بلدية تشونغتشينغ إلى مدينة دويسبورغ، مرورا ببولندا، الأسرع.",
     ("city:chongqing-cn", "city:duisburg-de"), {"country:PL"}, set()),
    ("several-cities", "انطلق قطار الشحن الصين - أوروبا من مدينة تشونغتشينغ، ويصل إلى مدن عدة بينها هامبورغ ووارسو.",
     ("city:hamburg-de", "city:warsaw-pl"), {"city:chongqing-cn"}, set()),
    # a purpose a few words after the head that stands for the corridor, and one of another subject
    ("purpose-of-the-project", "بدأ بناء خط السكة الحديد الصين - طاجيكستان.\n\nوقال الوزير إن المشروع يهدف إلى ربط مدينة "
     "كاشغر بمدينة دوشنبه.", ("country:CN", "country:TJ"), {"city:kashgar-cn", "city:dushanbe-tj"}, set()),
    ("purpose-of-another-subject", "بدأ بناء خط السكة الحديد الصين - طاجيكستان.\n\nوقال الوزير إن المشروع مهم، وإن الحكومة "
     "تسعى إلى ربط مدينة كاشغر بمدينة دوشنبه جوا.", ("country:CN", "country:TJ"), set(), {"city:kashgar-cn"}),
]


@pytest.mark.parametrize("text,picks,on,off", [pytest.param(*case[1:], id=case[0]) for case in ROUTES])
def test_route_links(extractor, text, picks, on, off):
    got = links(run(extractor, text))
    corridor = one_of(got, picks)
    assert on <= got[corridor] and not off & got[corridor], (corridor, got[corridor])


# -- a head alone across an aside refers back -------------------------------------------------

def test_head_alone_with_an_aside_is_the_corridor_named_before(extractor):
    text = ("بدأ العمل في خط السكة الحديد الصين - طاجيكستان.\n\n"
            "ويمتد الخط، الذي يبلغ طوله 400 كيلومتر، من مدينة كاشغر إلى مدينة دوشنبه.")
    result = run(extractor, text)
    railway = one_linking(result, "country:CN", "country:TJ")
    assert {"city:kashgar-cn", "city:dushanbe-tj"} <= links(result)[railway]
    assert corridor_ids(result) == {railway}  # no second line between Kashgar and Dushanbe


# -- stops described on the way -----------------------------------------------------------------


# -- the article's corridor, far back ---------------------------------------------------------

def test_head_alone_far_from_the_only_corridor_refers_to_it(extractor):
    text = ("افتتاح خط السكة الحديد الصين - كازاخستان\n\n"
            "حضر الحفل وزراء من البلدين. وألقى الوزراء كلمات. وتحدثوا عن التعاون.\n\n"
            "وقال الوزير الكازاخستاني إن الخط سيخدم المنطقة كلها.")
    assert head_refs(extractor, text) == [("الخط", "corridor:railway:country:CN-country:KZ")]


def test_head_alone_far_from_two_corridors_refers_to_neither(extractor):
    text = ("افتتاح خط السكة الحديد الصين - كازاخستان وخط السكة الحديد أوزبكستان - طاجيكستان\n\n"
            "حضر الحفل وزراء من البلدان. وألقى الوزراء كلمات. وتحدثوا عن التعاون.\n\n"
            "وقال الوزير إن الخط سيخدم المنطقة كلها.")
    assert head_refs(extractor, text) == []


# -- clauses after a comma with no subject of their own ---------------------------------------


# -- ports named after a city -----------------------------------------------------------------

def test_city_of_an_inland_port_stays_a_city(extractor):
    text = ("وتنطلق القطارات من مدن صينية أبرزها شيآن وتشنغدو.\n\n"
            "وتغادر معظمها ميناء شيآن الدولي البري في مقاطعة شنشي.")
    result = run(extractor, text)
    assert "City" in types_of(result, "city:xian-cn")
    assert any(m.entity.type == "Project" and m.text.startswith("ميناء شيآن") for m in result.mentions)


def test_town_a_sea_port_is_named_after_is_the_port(extractor):
    result = run(extractor, "ووصلت السفينة إلى ميناء أكتاو. وتبحر السفن من أكتاو إلى باكو كل يوم.")
    assert not types_of(result, "city:aktau-kz")  # أكتاو alone is the port the article speaks of
    assert [m.text for m in result.mentions if m.entity.type == "Project"].count("أكتاو") == 1


@pytest.mark.parametrize("dual", ["ميناءي", "مينائي"])
def test_dual_port_head_in_either_spelling_gives_one_port_for_each_place(extractor, dual):
    result = run(extractor, f"وتنقل البضائع بالسكك الحديدية حتى {dual} أكتاو وكوريك على بحر قزوين.")
    ports = {m.entity.id for m in result.mentions if m.entity.type == "Project"}
    assert len(ports) == 2 and not types_of(result, "city:aktau-kz") and not types_of(result, "city:kuryk-kz"), ports


def test_a_port_word_alone_before_two_towns_makes_no_ports(extractor):
    result = run(extractor, "وزار الوزير الميناء ثم توجه إلى أكتاو وكوريك.")
    assert types_of(result, "city:aktau-kz") == {"City"}


# -- a verb, a demonstrative and a length between commas before the route ----------------------

def test_route_after_this_line_and_a_length_between_commas_is_the_line_named_before(extractor):
    text = ("وتأخر بناء خط أنابيب الغاز \"هـ\" مرات عدة.\n\n"
            "ومن المقرر أن يمر هذا الخط، بطول 700 كيلومتر، من كازاخستان عبر قرغيزستان إلى الصين.")
    result = run(extractor, text)
    line = one_linking(result, "country:KZ", "country:CN")
    assert "country:KG" in links(result)[line]
    assert len(corridor_ids(result)) == 1, corridor_ids(result)


def test_length_between_commas_with_nothing_named_before_is_a_line_of_its_own(extractor):
    result = run(extractor, "وسيمتد خط أنابيب النفط، بطول 700 كيلومتر، من كازاخستان إلى الصين.")
    assert one_linking(result, "country:KZ", "country:CN").startswith("corridor:oil-pipeline:")


# -- the sides of a signing named by their count -----------------------------------------------

def signers(result, kind: str = "Agreement") -> set[str]:
    return {r.source.id for r in result.relations if r.type == "signed" and r.target.type == kind}


def test_the_three_countries_sign_for_the_article_s_three_countries(extractor):
    text = ("بدء بناء خط السكة الحديد الصين - قرغيزستان - أوزبكستان\n\n"
            "وقال رئيس وزراء قرغيزستان إن الخط سيربط الصين بأوزبكستان عبر أراضي قرغيزستان.\n\n"
            "يذكر أن الدول الثلاث وقعت اتفاقية حكومية بشأن المشروع في العام الماضي.")
    result = run(extractor, text)
    assert {"country:CN", "country:KG", "country:UZ"} <= signers(result)


def test_the_three_countries_sign_nothing_in_an_article_of_two(extractor):
    text = ("بدء بناء خط السكة الحديد الصين - قرغيزستان\n\n"
            "يذكر أن الدول الثلاث وقعت اتفاقية حكومية بشأن المشروع في العام الماضي.")
    result = run(extractor, text)
    assert not {"country:CN", "country:KG"} & signers(result)


# -- an agreement on running a service builds nothing --------------------------------------------

def builders(result) -> set[tuple[str, str]]:
    return {(r.source.id, r.target.id) for r in result.relations if r.type == "builds"}


def test_signers_of_an_agreement_on_operating_trains_do_not_build_them(extractor):
    result = run(extractor, "ووقعت الصين وبولندا اتفاقية لتعزيز التعاون في تشغيل قطارات الشحن بين الصين وأوروبا.")
    assert {"country:CN", "country:PL"} <= signers(result)
    assert not builders(result)


def test_signers_of_an_agreement_on_building_a_line_build_it(extractor):
    result = run(extractor, "ووقعت الصين وقرغيزستان اتفاقية لبناء خط السكة الحديد بين الصين وقرغيزستان.")
    assert {b for b, _ in builders(result)} >= {"country:CN", "country:KG"}


# -- towns no table lists, on a route ---------------------------------------------------------

def town_links(result) -> set[str]:
    return {t for targets in links(result).values() for t in targets if t.startswith("city:") and "-" not in t}


def test_unlisted_town_after_a_known_one_and_a_glued_wa(extractor):
    result = run(extractor, "وستبني كازاخستان خط سكة حديد جديد بطول 300 كيلومتر بين أكتوبي وزارتوبي.")
    railway = one_linking(result, "city:aktobe-kz")
    assert any("زارتوبي" in t for t in links(result)[railway]), links(result)


def test_unlisted_towns_after_a_route_word_with_the_country_they_lie_in(extractor):
    text = ("افتتح خط السكة الحديد كازاخستان - تركمانستان. ويمر الخط، الذي يبلغ طوله 900 كيلومتر، "
            "عبر كوشتاغ وسيريكول في تركمانستان، وصولا إلى مدينة تاراز.")
    result = run(extractor, text)
    assert {"كوشتاغ", "سيريكول"} <= {t.split(":", 1)[1] for t in town_links(result)}, links(result)
    assert "city:taraz-kz" in links(result)["corridor:railway:country:KZ-country:TM"]


def test_unlisted_words_after_a_route_word_without_where_they_lie_are_no_towns(extractor):
    text = ("افتتح خط السكة الحديد كازاخستان - تركمانستان. ويمر الخط، الذي يبلغ طوله 900 كيلومتر، "
            "عبر كوشتاغ وسيريكول، وصولا إلى مدينة تاراز.")
    result = run(extractor, text)
    assert not town_links(result) & {"city:كوشتاغ", "city:سيريكول"}


def test_a_port_on_the_route_does_not_take_the_clauses_after_it(extractor):
    text = ("وينطلق قطار الشحن الصين - أوروبا من ميناء ييوو البري، ويصل إلى مدينة مدريد.")
    result = run(extractor, text)
    assert "city:madrid-es" in links(result)[one_linking(result, "country:CN")]
    assert not [p for p, t in links(result).items() if p.startswith("project:")]


# -- a town introduced by what it is ----------------------------------------------------------

def test_town_introduced_by_what_it_is_is_a_city_throughout_the_article(extractor):
    text = ("زاركول، بلدة صغيرة في جنوب كازاخستان، تمر بها القطارات كل يوم، كونها محطة مهمة على "
            "خط السكة الحديد الصين - كازاخستان.\n\nوسيغير المشروع وجه زاركول.")
    result = run(extractor, text)
    towns = {m.entity.id for m in result.mentions if m.entity.type == "City" and "زاركول" in m.text}
    assert len(towns) == 1 and len([m for m in result.mentions if "زاركول" in m.text]) == 2
    assert towns <= links(result)[one_linking(result, "country:CN", "country:KZ")]


def test_word_before_a_comma_and_the_town_word_with_its_article_is_no_town(extractor):
    result = run(extractor, "وأضاف، البلدة الصغيرة تستحق الاهتمام.")
    assert not [m for m in result.mentions if m.entity.type == "City"]


def test_iron_silk_road_is_the_middle_corridor_and_the_silk_road_stays_itself(extractor):
    iron = run(extractor, "وتعد تركيا حلقة في طريق الحرير الحديدي الذي يمتد من بكين إلى لندن.")
    assert one_linking(iron, "city:beijing-cn", "city:london-gb") == "corridor:corridor:middle"
    old = run(extractor, "وكان طريق الحرير القديم يمتد من شيآن إلى روما.")
    assert one_linking(old, "city:xian-cn") == "corridor:road:silk"


# -- heads alone for a tunnel and a route -----------------------------------------------------

def test_the_tunnel_alone_is_the_tunnel_named_before_and_its_builder_builds_it(extractor):
    text = "ويعد نفق كوشتيبا أطول نفق في البلاد. وقد بنت النفق شركة باور تشاينا في ثلاث سنوات."
    result = run(extractor, text)
    tunnel = next(m.entity.id for m in result.mentions if m.entity.type == "Project")
    assert any(t == tunnel for _, t in builders(result)), builders(result)


def test_the_tunnel_alone_with_no_tunnel_before_is_nothing(extractor):
    result = run(extractor, "وقد بنت النفق شركة باور تشاينا في ثلاث سنوات.")
    assert not [m for m in result.mentions if m.entity.type == "Project"]


def test_a_part_of_the_route_alone_is_the_corridor_named_before(extractor):
    text = ("بدأ بناء خط السكة الحديد الصين - طاجيكستان.\n\n"
            "وتتولى شركة باور تشاينا بناء الجزء الجبلي من المسار.")
    result = run(extractor, text)
    railway = one_linking(result, "country:CN", "country:TJ")
    assert any(t == railway for _, t in builders(result)), builders(result)


# -- a river's name ------------------------------------------------------------------------

def test_the_words_after_a_river_name_a_region_not_a_person(extractor):
    text = "ويمتد خط أنابيب الغاز من حقل على الضفة اليسرى لنهر سير داريا في أوزبكستان إلى مدينة ألماتي."
    result = run(extractor, text)
    assert not [m for m in result.mentions if m.entity.type in ("Leader", "Person")]
    assert any(m.entity.type == "Region" and m.text == "سير داريا" for m in result.mentions)


def test_a_common_word_after_a_river_word_names_nothing(extractor):
    result = run(extractor, "وعبرت القافلة نهرا كبيرا ثم نهر صغير قرب المدينة.")
    assert not [m for m in result.mentions if m.entity.type == "Region"]


# -- what stands between a head and its ends ------------------------------------------------------

def test_a_place_the_line_crosses_before_its_ends_is_passed(extractor):
    result = run(extractor, "وأعلنت الحكومة عن مشروع السكة الحديدية العابرة لأفغانستان بين أوزبكستان وباكستان.")
    railway = one_linking(result, "country:UZ", "country:PK")
    assert "country:AF" in links(result)[railway]
    assert not railway.count("country:AF")  # crossed, not an end


def test_a_crossing_word_without_a_place_after_it_stays_in_the_name(extractor):
    result = run(extractor, "وتم تشغيل خط أنابيب الغاز العابر للحدود بين روسيا والصين.")
    assert set(links(result)[one_linking(result, "country:RU", "country:CN")]) == {"country:RU", "country:CN"}


def test_the_total_length_of_the_line_from_a_to_b_is_the_line_named_before(extractor):
    text = ("اكتمل بناء خط أنابيب النفط بين كازاخستان والصين.\n\n"
            "وبذلك يصبح طول الخط الإجمالي من أتيراو إلى ألاشانكو أكثر من 2200 كيلومتر.")
    result = run(extractor, text)
    pipeline = one_linking(result, "country:KZ", "country:CN")
    assert {"city:atyrau-kz", "city:alashankou-cn"} <= links(result)[pipeline]
    assert corridor_ids(result) == {pipeline}


def test_a_foreign_name_in_ai_after_a_head_is_a_name(extractor):
    result = run(extractor, "وتعبر القطارات مضيق البوسفور عبر نفق مرمراي منذ عام 2013.")
    assert [m.text for m in result.mentions if m.entity.type == "Project"] == ["نفق مرمراي"]


def test_a_nisba_after_an_indefinite_head_is_still_its_adjective(extractor):
    result = run(extractor, "وتعتزم الحكومة بناء ميناء تجاري جديد.")
    assert not [m for m in result.mentions if m.entity.type == "Project"]


@pytest.mark.parametrize("text, name", [
    ("وعبر الجنود نهر الفرات وأقاموا معسكرا على ضفته.", "الفرات"),
    ("وتسلق الفريق جبل زاجروس المكسوة قممه بالثلوج.", "زاجروس"),
    ("وتمتد جبال تيان شان عبر قرغيزستان.", "تيان شان"),
])
def test_a_features_name_stops_before_what_is_said_of_it(extractor, text, name):
    # open news writes a clause, an adjective or an adverb right after a river's name
    regions = [m.text for m in run(extractor, text).mentions if m.entity.type == "Region"]
    assert regions == [name], regions
