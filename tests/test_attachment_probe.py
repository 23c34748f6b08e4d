"""Relation argument attachment when both ends are found (issue 8, class 6): subjects carried
across a sentence (pro-drop), his country (بلاده), verb–subject agreement, agent phrases of a
passive or a verbal noun, asides between commas, pair words, coordination, relative clauses and
verbal nouns. Each case: what must be found and what must not. Sentences written for these tests."""
from __future__ import annotations

import pytest

from silkgraph.records import Article

CORE = {"builds", "links", "signed", "leads", "visited"}
XI, TOKAYEV, JAPAROV, MIRZIYOYEV = ("leader:xi-jinping", "leader:kassym-jomart-tokayev", "leader:sadyr-japarov",
                                    "leader:shavkat-mirziyoyev")
CN, KZ, KG, UZ, TJ, TM = (f"country:{c}" for c in ("CN", "KZ", "KG", "UZ", "TJ", "TM"))
SOLAR = "project:solar-power-station:{}mw"
CN_KG_RAILWAY = "corridor:railway:country:CN-country:KG"


def found(extractor, text: str) -> set[tuple[str, str, str]]:
    """(type, source id, target id) of every core relation the extractor finds in ``text``."""
    result = extractor.extract(Article("t1", text))
    return {(r.type, r.source.id, r.target.id) for r in result.relations if r.type in CORE}


def agreement(extractor, text: str) -> str:
    """The id of the one agreement found in ``text``."""
    result = extractor.extract(Article("t1", text))
    (one,) = {m.entity.id for m in result.mentions if m.entity.type == "Agreement"}
    return one


# -- a subject carried on from the sentence before (pro-drop) ----------------------------------
@pytest.mark.parametrize("text, relation, source, target", [
    ("ووصل الرئيس الكازاخي قاسم جومارت توكاييف إلى بكين. وسيزور خلال جولته مدينة شيان.",
     "visited", TOKAYEV, "city:xian-cn"),
    ("وزار الرئيس الكازاخي قاسم جومارت توكاييف الصين في مايو. وزار أيضا مدينة شيان.", "visited", TOKAYEV, "city:xian-cn"),
    ("وبنت الصين محطة للطاقة الشمسية بقدرة 53 ميجاوات. كما بنت محطة للطاقة الحرارية بقدرة 153 ميجاوات.",
     "builds", CN, "project:thermal-power-station:153mw"),
    ("وتبني شركة هواوي محطة للطاقة الشمسية بقدرة 54 ميجاوات. وقد شيدت قبل ذلك محطة للطاقة الحرارية بقدرة 154 ميجاوات.",
     "builds", "org:huawei", "project:thermal-power-station:154mw"),
])
def test_a_verb_with_no_subject_in_its_sentence_has_the_subject_of_the_sentence_before(extractor, text, relation,
                                                                                       source, target):
    assert (relation, source, target) in found(extractor, text)


def test_a_signing_verb_with_no_subject_has_the_visitor_of_the_sentence_before(extractor):
    text = "ووصل الرئيس الكازاخي قاسم جومارت توكاييف إلى بكين. ووقع خلال زيارته اتفاقية للتعاون في مجال النقل."
    document = agreement(extractor, text)
    assert {("signed", TOKAYEV, document), ("signed", KZ, document)} <= found(extractor, text)


@pytest.mark.parametrize("text, source", [
    # the verb has its own subject, a noun no entity names
    ("وزار الرئيس الكازاخي قاسم جومارت توكاييف بكين. ومن المقرر أن يوقع وزراء الخارجية اتفاقية للتعاون في مجال النقل.",
     TOKAYEV),
    # a feminine verb: not the man the sentence before is about
    ("ووصل الرئيس الكازاخي قاسم جومارت توكاييف إلى بكين. ووقعت خلال الزيارة اتفاقية للتعاون في مجال النقل.", TOKAYEV),
    # a subject no entity names right after the verb
    ("وزار الرئيس الكازاخي قاسم جومارت توكاييف بكين. ويوقع زعماء الدول على اتفاقية للتعاون في مجال النقل.", TOKAYEV),
    ("وزار الرئيس الكازاخي قاسم جومارت توكاييف بكين. ووقع الوزير اتفاقية للتعاون في مجال النقل.", TOKAYEV),
    # a subject two sentences back is not carried on
    ("ووصل الرئيس الكازاخي قاسم جومارت توكاييف إلى بكين. وارتفعت الأسعار كثيرا. ووقع اتفاقية للتعاون في مجال النقل.",
     TOKAYEV),
])
def test_no_subject_is_carried_on_where_the_sentence_does_not_let_it(extractor, text, source):
    assert not any(r == "signed" and s == source for r, s, _ in found(extractor, text))


def test_a_relation_word_after_a_relative_carries_no_subject_on(extractor):
    text = "وتحدث الرئيس الصيني شي جين بينغ مطولا. وزار المحطة التي بنيت عام 2010 في مدينة طشقند."
    assert not any(r == "builds" for r, _, _ in found(extractor, text))


# -- agreement: a masculine verb's subject before it is no country or city ------------------------
def test_a_masculine_verb_after_a_visit_has_the_visitor_as_subject_not_the_city(extractor):
    got = found(extractor, "وزار الرئيس الأوزبكي شوكت ميرضيائيف بكين، والتقى نظيره الصيني، "
                           "ووقع اتفاقية للتعاون في مجال الزراعة.")
    signers = {s for r, s, _ in got if r == "signed"}
    assert MIRZIYOYEV in signers and UZ in signers
    assert "city:beijing-cn" not in signers


# -- his country (بلاده) -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, builder, work", [
    ("وقال رئيس الوزراء الكازاخي إن بلاده ستبني خط السكة الحديد بين ألماتي وأستانا.", KZ,
     "corridor:railway:city:almaty-kz-city:astana-kz"),
    ("وقال رئيس الوزراء القرغيزي إن حكومة بلاده ستبني الطريق السريع بين بيشكيك وأوش.", KG,
     "corridor:highway:city:bishkek-kg-city:osh-kg"),
    ("وزار الرئيس القرغيزي صدير جاباروف الصين. وأكد أن بلاده ستشارك في بناء خط السكة الحديد بين الصين وأوزبكستان.",
     KG, "corridor:railway:country:CN-country:UZ"),
    ("وقال الرئيس القرغيزي صدير جاباروف إن بلاده والصين ستبنيان خط السكة الحديد بين الصين وقرغيزستان.", KG,
     CN_KG_RAILWAY),
    ("وقال الرئيس القرغيزي صدير جاباروف إن الصين وبلاده ستبنيان خط السكة الحديد بين الصين وقرغيزستان.", KG,
     CN_KG_RAILWAY),
    ("والتقى الرئيس القرغيزي صدير جاباروف بالرئيس الصيني. وقال إن بلاده ستبني الطريق السريع بين بيشكيك وأوش.", KG,
     "corridor:highway:city:bishkek-kg-city:osh-kg"),
])
def test_his_country_is_the_country_of_the_person_the_sentence_is_about(extractor, text, builder, work):
    assert ("builds", builder, work) in found(extractor, text)


@pytest.mark.parametrize("text, not_builder", [
    ("والتقى الرئيس القرغيزي صدير جاباروف بالرئيس الصيني. وقال إن بلاده ستبني الطريق السريع بين بيشكيك وأوش.", CN),
    ("وقالت الصين إن كازاخستان ستبني محطة للطاقة الشمسية بقدرة 44 ميجاوات.", CN),
    ("وقال الوزير الصيني إن روسيا تعارض بناء خط السكة الحديد بين الصين وقرغيزستان.", CN),
])
def test_his_country_is_not_the_country_of_someone_else(extractor, text, not_builder):
    assert not any(r == "builds" and s == not_builder for r, s, _ in found(extractor, text))


# -- agent phrases ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, signers", [
    ("ووقعت اتفاقية للتعاون في مجال الطاقة من قبل الصين وكازاخستان.", {CN, KZ}),
    ("وتم توقيع اتفاقية للتعاون في مجال الزراعة من جانب الصين وطاجيكستان.", {CN, TJ}),
    ("ووقعت مذكرة تفاهم للتعاون في مجال التعدين بواسطة الصين وتركمانستان.", {CN, TM}),
])
def test_the_agents_after_an_agent_phrase_sign(extractor, text, signers):
    assert {s for r, s, _ in found(extractor, text) if r == "signed"} == signers


@pytest.mark.parametrize("text, builder", [
    ("وتم بناء محطة للطاقة الشمسية بقدرة 60 ميجاوات من قبل شركة هواوي.", "org:huawei"),
    ("وشيدت محطة للطاقة الحرارية بقدرة 200 ميجاوات بواسطة شركة هواوي.", "org:huawei"),
    ("ويجري بناء خط السكة الحديد بين الصين وقرغيزستان على يد شركة الصين للطرق والجسور.", "org:crbc"),
])
def test_the_agents_after_an_agent_phrase_build(extractor, text, builder):
    assert builder in {s for r, s, _ in found(extractor, text) if r == "builds"}


# -- asides ------------------------------------------------------------------------------------------
def test_an_aside_between_commas_does_not_end_the_objects_of_the_verb_before_it(extractor):
    got = found(extractor, "وستبني الصين، في إطار مبادرة الحزام والطريق، محطة للطاقة الشمسية بقدرة 47 ميجاوات.")
    assert ("builds", CN, SOLAR.format(47)) in got
    assert ("builds", CN, "initiative:belt-and-road") not in got  # what the aside names is no object


# -- pair words, coordination, relative clauses, verbal nouns (kept working) ---------------------------
@pytest.mark.parametrize("text, expected", [
    ("وزار الرئيس الطاجيكي إمام علي رحمون الصين. ووقع الجانبان اتفاقية للتعاون في مجال الطاقة.", {CN, TJ}),
    ("وزار الرئيس القرغيزي صدير جاباروف الصين. ووقع الطرفان اتفاقية بشأن التعاون الزراعي.", {CN, KG}),
    ("ووقعت الصين وتركمانستان وأوزبكستان اتفاقية للتعاون في مجال الغاز.", {CN, TM, UZ}),
    ("وأشاد بتوقيع الصين وكازاخستان على اتفاقية للتعاون في مجال الطاقة.", {CN, KZ}),
])
def test_the_sides_of_a_signing(extractor, text, expected):
    assert {s for r, s, _ in found(extractor, text) if r == "signed" and s.startswith("country:")} == expected


@pytest.mark.parametrize("text, expected", [
    ("وستبني الصين وقرغيزستان وأوزبكستان خط السكة الحديد بين الصين وأوزبكستان.",
     {(CN, "corridor:railway:country:CN-country:UZ"), (KG, "corridor:railway:country:CN-country:UZ"),
      (UZ, "corridor:railway:country:CN-country:UZ")}),
    ("وتفقد الوزير محطة للطاقة الشمسية بقدرة 100 ميجاوات التي تبنيها شركة هواوي في أوزبكستان.",
     {("org:huawei", SOLAR.format(100))}),
    ("وتحدث عن خط السكة الحديد بين الصين وقرغيزستان الذي تبنيه الصين.", {(CN, CN_KG_RAILWAY)}),
    ("ورحب الوزير ببناء الصين لخط السكة الحديد بين الصين وقرغيزستان.", {(CN, CN_KG_RAILWAY)}),
    ("ورحب الوزير بتمويل بنك التنمية الصيني لمحطة للطاقة الشمسية بقدرة 55 ميجاوات.",
     {("org:china-development-bank", SOLAR.format(55))}),
    ("وتبني الصين محطة للطاقة الشمسية بقدرة 52 ميجاوات، كما تبني محطة للطاقة الحرارية بقدرة 152 ميجاوات.",
     {(CN, SOLAR.format(52)), (CN, "project:thermal-power-station:152mw")}),
])
def test_builders_coordinated_relative_and_verbal_noun(extractor, text, expected):
    assert {(s, t) for r, s, t in found(extractor, text) if r == "builds"} == expected


def test_a_visitor_visits_each_coordinated_place(extractor):
    got = found(extractor, "وزار الرئيس الصيني شي جين بينغ كازاخستان وأوزبكستان.")
    assert {("visited", XI, KZ), ("visited", XI, UZ)} <= got
    assert ("visited", XI, CN) not in got


# -- coordinated subjects after كل من; a verbal noun behind a preposition -------------------------
def test_each_of_opens_coordinated_subjects(extractor):
    text = "ووقع كل من الصين وقرغيزستان على اتفاقية للتعاون في مجال النقل."
    assert {s for r, s, _ in found(extractor, text) if r == "signed"} == {CN, KG}


def test_a_partnership_behind_a_preposition_does_not_end_the_verbs_objects(extractor):
    got = found(extractor, "وتبني شركة الصين للطرق والجسور بالشراكة مع شركة هواوي الطريق السريع بين بيشكيك وأوش.")
    highway = "corridor:highway:city:bishkek-kg-city:osh-kg"
    assert {("builds", "org:crbc", highway), ("builds", "org:huawei", highway)} <= got


# -- links: the corridor across an aside, after its verb, behind a pronoun ----------------------------
KASHGAR, ANDIJAN = "city:kashgar-cn", "city:andijan-uz"
OPENED = "وافتتح خط السكة الحديد بين الصين وقرغيزستان"


@pytest.mark.parametrize("text, corridor, places", [
    (f"{OPENED}. ويربط هذا الخط، الذي يبلغ طوله 500 كيلومتر، مدينة كاشغر بمدينة أنديجان.", CN_KG_RAILWAY,
     {KASHGAR, ANDIJAN}),
    (f"{OPENED}، الذي يربط مدينة كاشغر بمدينة أنديجان.", CN_KG_RAILWAY, {KASHGAR, ANDIJAN}),
    ("والممر الأوسط، الذي أطلق عام 2014، يربط الصين بأوروبا.", "corridor:corridor:middle", {CN, "region:europe"}),
    ("وتحدث الوزير عن الممر الأوسط، وأكد أنه يربط الصين بأوروبا.", "corridor:corridor:middle", {CN, "region:europe"}),
    ("ويربط خط السكة الحديد بين الصين وقرغيزستان وأوزبكستان، والذي يبلغ طوله 523 كيلومترا، مدينة كاشغر بمدينة أنديجان.",
     "corridor:railway:country:CN-country:KG-country:UZ", {KASHGAR, ANDIJAN}),
])
def test_a_linking_verb_finds_its_corridor_and_both_ends(extractor, text, corridor, places):
    got = found(extractor, text)
    assert {("links", corridor, p) for p in places} <= got


def test_a_linking_verb_after_no_corridor_word_links_nothing_named_before(extractor):
    got = found(extractor, f"{OPENED}. ويربط هذا الاتفاق مدينة كاشغر بمدينة أنديجان.")
    assert not {t for r, s, t in got if r == "links"} & {KASHGAR, ANDIJAN}


# -- a place's role on a corridor (a stop, a gateway, a transit country; lies on it) ------------------
TRAINS = "corridor:freight-train-route:country:CN-region:europe"


@pytest.mark.parametrize("text, corridor, place", [
    ("وأصبحت خورغوس محطة رئيسية لقطارات الشحن بين الصين وأوروبا.", TRAINS, "city:khorgos-kz"),
    ("وأصبحت مدينة ألاشانكو بوابة لقطارات الشحن بين الصين وأوروبا.", TRAINS, "city:alashankou-cn"),
    ("وتعد كازاخستان أكبر بلد عبور لقطارات الشحن بين الصين وأوروبا.", TRAINS, KZ),
    ("وتقع مدينة أكتاو على الممر الأوسط.", "corridor:corridor:middle", "city:aktau-kz"),
])
def test_a_place_with_a_role_on_a_corridor_is_on_it(extractor, text, corridor, place):
    assert ("links", corridor, place) in found(extractor, text)


@pytest.mark.parametrize("text", [
    "وتعد كازاخستان شريكا رئيسيا لقطارات الشحن بين الصين وأوروبا.",  # a partner, no stop
    "وتقع محطة للطاقة الشمسية بقدرة 20 ميجاوات في مدينة أستانا.",  # no corridor
])
def test_no_role_on_a_corridor_links_nothing(extractor, text):
    got = found(extractor, text)
    assert not any(r == "links" and t in (KZ, "city:astana-kz") for r, s, t in got)


# -- a work named before by its head alone ----------------------------------------------------------
STARTED = "وبدأ العمل في محطة للطاقة الشمسية بقدرة 90 ميجاوات في منطقة بخارى."


@pytest.mark.parametrize("text", [
    f"{STARTED} وتشارك شركة هواوي في المشروع.",  # taking part in it
    f"{STARTED} والمحطة التابعة لشركة هواوي تعمل بكامل طاقتها.",  # its owner
])
def test_a_work_named_before_by_its_head_alone_is_built_by_who_takes_part_or_owns(extractor, text):
    assert ("builds", "org:huawei", SOLAR.format(90)) in found(extractor, text)


def test_a_head_alone_with_no_work_named_before_is_built_by_no_one(extractor):
    got = found(extractor, "وقال الوزير إن العمل بدأ. وتشارك شركة هواوي في المشروع.")
    assert not any(r == "builds" for r, _, _ in got)


# -- visits: each of the places, an ordinal between the visit and its visitor -------------------------
def test_a_visit_to_each_of_the_places_after_kilan_min(extractor):
    got = found(extractor, "وزار الرئيس الصيني شي جين بينغ كلا من كازاخستان وأوزبكستان.")
    assert {("visited", XI, KZ), ("visited", XI, UZ)} <= got


def test_an_ordinal_between_a_visit_and_its_visitor(extractor):
    got = found(extractor, "وهذه هي الزيارة الثالثة للرئيس الصيني شي جين بينغ إلى كازاخستان.")
    assert ("visited", XI, KZ) in got


def test_a_place_a_visitor_comes_from_is_still_no_visit(extractor):
    got = found(extractor, "ووصل الرئيس الصيني شي جين بينغ إلى أستانا قادما من طشقند.")
    assert ("visited", XI, "city:astana-kz") in got and ("visited", XI, "city:tashkent-uz") not in got


# -- no coordination behind a preposition; a contrastive clause has its own subject --------------------
def test_a_beneficiary_behind_li_is_no_coordinated_builder(extractor):
    got = found(extractor, "وستبني الصين لأوزبكستان محطة للطاقة الشمسية بقدرة 76 ميجاوات.")
    assert {s for r, s, _ in got if r == "builds"} == {CN}


def test_a_contrastive_clause_has_its_own_builder(extractor):
    got = found(extractor, "وقالت الشركة إن شركة هواوي ستتولى بناء محطة للطاقة الشمسية بقدرة 77 ميجاوات، فيما ستتولى "
                           "شركة الصين للطرق والجسور بناء الطريق السريع بين بيشكيك وأوش.")
    highway = "corridor:highway:city:bishkek-kg-city:osh-kg"
    assert {("builds", "org:huawei", SOLAR.format(77)), ("builds", "org:crbc", highway)} <= got
    assert ("builds", "org:huawei", highway) not in got


# -- a word for both sides with the sides named after it; a pronoun's antecedent ---------------------
@pytest.mark.parametrize("text", [
    "ووقع الرئيسان شي جين بينغ وقاسم جومارت توكاييف على البيان المشترك.",
    "وبعد توقيع الرئيسين شي جين بينغ وقاسم جومارت توكاييف على البيان المشترك، عقدا مؤتمرا صحفيا.",
])
def test_the_sides_named_after_a_word_for_both_sign(extractor, text):
    signers = {s for r, s, _ in found(extractor, text) if r == "signed"}
    assert {XI, TOKAYEV, CN, KZ} <= signers


def test_a_pronoun_points_back_to_the_work_not_the_initiative(extractor):
    got = found(extractor, f"{STARTED} ويأتي المشروع في إطار مبادرة الحزام والطريق، وتموله الصين.")
    assert ("builds", CN, SOLAR.format(90)) in got
    assert ("builds", CN, "initiative:belt-and-road") not in got


# -- more signers: the side after مع whoever found the signers, a counterpart by its nisba -------------
def test_the_side_after_ma_signs_with_a_government_named_by_its_nisba(extractor):
    text = "ووقعت الحكومة الكازاخية اتفاقية للتعاون في مجال الطاقة مع الصين."
    assert {s for r, s, _ in found(extractor, text) if r == "signed"} == {KZ, CN}


def test_a_counterpart_named_by_his_nisba_signs_for_his_country(extractor):
    text = "ووقع وزير الخارجية الصيني وانغ يي ونظيره الكازاخي على اتفاقية للتعاون في مجال الطاقة."
    assert {CN, KZ} <= {s for r, s, _ in found(extractor, text) if r == "signed"}


def test_a_decree_has_no_co_signer_after_ma(extractor):
    text = "ووقع الرئيس الكازاخي قاسم جومارت توكاييف مرسوما بشأن التعاون في مجال الطاقة مع الصين."
    assert CN not in {s for r, s, _ in found(extractor, text) if r == "signed"}


# -- a trip to a facility in a city goes to the city ----------------------------------------------
@pytest.mark.parametrize("text", [
    "ووصل الرئيس الصيني شي جين بينغ إلى مطار ماناس الدولي في بيشكيك.",
    "ووصل الرئيس الصيني شي جين بينغ إلى مطار ماناس الدولي بالعاصمة القرغيزية بيشكيك.",
    "ووصل الرئيس الصيني شي جين بينغ إلى مطار ماناس الدولي ببيشكيك.",
])
def test_arriving_at_a_facility_in_a_city_visits_the_city(extractor, text):
    assert {("visited", XI, "city:bishkek-kg"), ("visited", XI, KG)} <= found(extractor, text)


def test_leaving_from_a_facility_in_a_country_visits_nothing_there(extractor):
    got = found(extractor, "ووصل الرئيس الصيني شي جين بينغ إلى بيشكيك قادما من مطار دوشنبه في طاجيكستان.")
    assert ("visited", XI, "city:bishkek-kg") in got and ("visited", XI, TJ) not in got


@pytest.mark.parametrize("text", [
    "ويشارك في بناء الطريق السريع بين بيشكيك وأوش كل من شركة هواوي وشركة الصين للطرق والجسور.",
    "وتنفذ الطريق السريع بين بيشكيك وأوش كل من شركة هواوي وشركة الصين للطرق والجسور.",
])
def test_each_of_after_the_work_names_every_builder(extractor, text):
    highway = "corridor:highway:city:bishkek-kg-city:osh-kg"
    assert {("builds", "org:huawei", highway), ("builds", "org:crbc", highway)} <= found(extractor, text)


def test_a_noun_coordinated_with_the_visitor_does_not_end_the_visit(extractor):
    # أعضاء is a member_of word; coordinated with the visitor it starts no other relation's clause
    got = found(extractor, "وزار رئيس الوزراء الصيني لي تشيانغ وأعضاء الوفد أوزبكستان.")
    assert ("visited", "leader:li-qiang", UZ) in got


def test_his_country_is_the_speakers_not_that_of_the_one_he_met(extractor):
    got = found(extractor, "وأكد الرئيس الصيني شي جين بينغ خلال لقائه مع الرئيس الكازاخي قاسم جومارت توكاييف أن بلاده "
                           "ستبني محطة للطاقة الشمسية بقدرة 88 ميجاوات.")
    assert {s for r, s, _ in got if r == "builds"} == {CN}


@pytest.mark.parametrize("text", [
    "وزار الرئيس الكازاخي قاسم جومارت توكاييف الصين. وتم التوقيع على اتفاقية للتعاون في مجال الطاقة "
    "من قبل وزيري خارجية البلدين.",
    "وزار الرئيس الكازاخي قاسم جومارت توكاييف الصين. ووقعت اتفاقية للتعاون في مجال الطاقة من قبل الجانبين.",
])
def test_the_two_sides_after_an_agent_phrase_sign(extractor, text):
    assert {s for r, s, _ in found(extractor, text) if r == "signed"} == {CN, KZ}


def test_subjects_listed_with_commas_after_the_verb_all_visit(extractor):
    """وصل إلى بكين الرئيس الأوزبكي فلان، والرئيس القيرغيزي فلان: a comma before the و does not end
    the list; a comma with no و (an apposition) still does."""
    listed = found(extractor, "ووصل إلى بكين الرئيس الأوزبكي شوكت ميرضيائيف، والرئيس القيرغيزي صدر جباروف، "
                              "والرئيس الطاجيكي إمام علي رحمان.")
    assert {("visited", MIRZIYOYEV, "city:beijing-cn"), ("visited", JAPAROV, "city:beijing-cn"),
            ("visited", "leader:emomali-rahmon", "city:beijing-cn")} <= listed
    apposed = found(extractor, "ووصل إلى بكين الرئيس الأوزبكي شوكت ميرضيائيف، الرئيس القيرغيزي صدر جباروف "
                               "في استقباله.")
    assert ("visited", JAPAROV, "city:beijing-cn") not in apposed
