"""Agreements and signing, round 5: the constructions the round-4 written folders missed, in
sentences written for these tests (names varied, not copied from any article). Each class has
sentences where the document or signer must be found and sentences where it must not."""
from __future__ import annotations

from silkgraph.graph.evaluate import scoring_key
from silkgraph.normalize import phrase_key
from silkgraph.records import Article


def extracted(extractor, text: str):
    return extractor.extract(Article("round5", text))


def forms(extractor, text: str) -> set[str]:
    """Every form (label, mention text, aliases) of every agreement node, as the scorer keys them."""
    out: set[str] = set()
    for m in extracted(extractor, text).mentions:
        if m.entity.type == "Agreement":
            out.update(scoring_key(f) for f in (m.text, m.entity.label_ar, *m.aliases))
    return out


def signed(extractor, text: str) -> set[str]:
    """Who signed something: the ids and the labels (phrase keys)."""
    rels = [r for r in extracted(extractor, text).relations if r.type == "signed"]
    return {r.source.id for r in rels} | {phrase_key(r.source.label_ar) for r in rels}


# -- the partner after مع, behind a title, a counterpart word or a place ---------------------------
def test_partner_behind_counterpart_title(extractor):
    text = "ووقع الرئيس الصيني هو جين تاو مع نظيره الكازاخستاني نور سلطان نزارباييف اتفاقية للتعاون في مجال الطاقة."
    assert {phrase_key("هو جين تاو"), phrase_key("نور سلطان نزارباييف")} <= signed(extractor, text)


def test_partner_after_a_place(extractor):
    text = "ووقع الرئيس الأوزبكي شوكت ميرزياييف في سمرقند مع الرئيس الصيني شي جين بينغ اتفاقية لبناء مصنع للإسمنت."
    assert phrase_key("شي جين بينغ") in signed(extractor, text)


def test_talked_with_is_no_signer(extractor):
    text = "وتحدث الرئيس الصيني شي جين بينغ مع نظيره الروسي فلاديمير بوتين عن اتفاقية التعاون."
    assert phrase_key("فلاديمير بوتين") not in signed(extractor, text)


# -- parties named after a description --------------------------------------------------------------
def test_named_places_after_the_description(extractor):
    text = ("ووقع حاكم ولاية نمنغان فلان ورئيس حكومة منطقة قانسو فلان مذكرة تفاهم حول إقامة علاقات "
            "التوأمة بين ولاية نمنغان ومنطقة قانسو، تشمل التجارة الحدودية.")
    assert scoring_key("مذكرة تفاهم حول إقامة علاقات التوأمة بين ولاية نمنغان ومنطقة قانسو") in forms(extractor, text)


def test_no_parties_form_without_two_parties(extractor):
    text = "ووقع الجانبان مذكرة تفاهم حول إقامة علاقات التوأمة بين المدينتين."
    assert not any(f.endswith("نمنغان") for f in forms(extractor, text))
    assert scoring_key("مذكرة تفاهم حول إقامة علاقات التوأمة") in forms(extractor, text)


# -- the occasion a joint statement marks ----------------------------------------------------------
def test_joint_statement_on_an_occasion(extractor):
    text = ("وأجرى الرئيس الصيني شي جين بينغ محادثات مع الرئيس القرغيزي صدير جباروف، ووقع الزعيمان "
            "بيانا مشتركا بمناسبة الذكرى الثلاثين لإقامة العلاقات الدبلوماسية.")
    assert scoring_key("بيانا مشتركا بمناسبة الذكرى الثلاثين لإقامة العلاقات الدبلوماسية") in forms(extractor, text)
    assert {"leader:xi-jinping", "leader:sadyr-japarov"} <= signed(extractor, text)


def test_occasion_needs_a_definite_noun(extractor):
    text = "ووقع الجانبان بيانا مشتركا بمناسبة قدوم العام الجديد."
    assert not any("قدوم" in f for f in forms(extractor, text))


# -- where a name ends: a signer's title, a clause under which, غير + adjective ---------------------
def test_definite_document_ends_before_its_signer(extractor):
    text = ("ووقع الاتفاقية الإطارية للقروض رئيس الوزراء الكازاخستاني كريم ماسيموف ونائب رئيس مجلس "
            "الدولة الصيني وانغ تشي شان.")
    assert scoring_key("الاتفاقية الإطارية للقروض") in forms(extractor, text)
    assert not any("ماسيموف" in f for f in forms(extractor, text))
    who = signed(extractor, text)
    assert {phrase_key("كريم ماسيموف"), phrase_key("وانغ تشي شان")} <= who
    assert phrase_key("مجلس الدولة الصيني") not in who  # a body in a title signs nothing


def test_documents_end_before_under_which(extractor):
    text = "ووقعت كازاخستان والصين في بكين حزمة اتفاقيات مالية تقدم بموجبها الصين قروضا بقيمة خمسة مليارات دولار."
    assert scoring_key("حزمة اتفاقيات مالية") in forms(extractor, text)
    assert not any("بموجبها" in f for f in forms(extractor, text))


def test_negated_adjective_is_part_of_the_name(extractor):
    text = "ووقع البلدان خطة لتطوير التعاون في مجال الطاقة غير النفطية حتى عام 2030."
    assert any(f.startswith(scoring_key("خطة لتطوير التعاون في مجال الطاقة غير النفطية")) for f in forms(extractor, text))


def test_ghayr_after_an_indefinite_word_is_no_adjective(extractor):
    text = "ووقع البلدان اتفاقية للتعاون في مجال الطاقة غير أن التنفيذ تأخر."
    assert not any("تنفيذ" in f for f in forms(extractor, text))


# -- a signer's title with a body's head (رئيس الوكالة فلان) ------------------------------------------
def test_title_with_body_head_before_the_signer(extractor):
    text = "ووقع رئيس الوكالة تيمور سليمانوف اتفاقية لبناء محطة نووية."
    assert phrase_key("تيمور سليمانوف") in signed(extractor, text)


def test_body_without_title_is_not_read_through(extractor):
    text = "ووقعت الوكالة تيمور سليمانوف اتفاقية لبناء محطة نووية."
    assert phrase_key("تيمور سليمانوف") not in signed(extractor, text)


# -- a memorandum after a long subject of titles and names -------------------------------------------
def test_memorandum_after_a_long_subject(extractor):
    text = ('ووقع حاكم ولاية نمنغان بهادير يوسفوف ورئيس مجموعة "شاندونغ هوا" للنسيج ليو تشيانغ '
            'مذكرة لإنشاء مجمع لصناعة النسيج في الولاية.')
    assert scoring_key("مذكرة لإنشاء مجمع لصناعة النسيج في الولاية") in forms(extractor, text)
    assert phrase_key('مجموعة "شاندونغ هوا" للنسيج') not in signed(extractor, text)  # a body in a title


def test_memorandum_after_a_comma_is_not_signed_there(extractor):
    text = "ووقع وزير الطاقة تيمور سليمانوف على الاتفاقية في العاصمة، وقال الوزير إن مذكرة لإنشاء مجمع للنسيج ستعد لاحقا."
    assert scoring_key("مذكرة لإنشاء مجمع للنسيج") not in forms(extractor, text)


# -- a strategy word as the adjective of a name in construct ----------------------------------------
def test_strategic_adjective_of_a_centre_is_no_document(extractor):
    text = "ووقع مركز الدراسات الاستراتيجية والأكاديمية الصينية للعلوم الاجتماعية مذكرة للتعاون في مجال البحث العلمي."
    assert not any(f.startswith(scoring_key("الاستراتيجية")) for f in forms(extractor, text))


def test_adopted_strategy_still_a_document(extractor):
    text = "وأقرت الحكومة الاستراتيجية الوطنية للتنمية حتى عام 2030."
    assert any(f.startswith(scoring_key("الاستراتيجية الوطنية للتنمية")) for f in forms(extractor, text))


# -- a quoted name after the purpose; the place of the work ------------------------------------------
def test_quoted_name_after_purpose(extractor):
    text = 'ووقع الجانبان مذكرة تفاهم لإنشاء "منطقة إيلي الدولية للتعاون الحدودي".'
    assert scoring_key('مذكرة تفاهم لإنشاء "منطقة إيلي الدولية للتعاون الحدودي"') in forms(extractor, text)


def test_place_of_the_work(extractor):
    text = "ووقعت الشركتان اتفاقية لإنشاء محطة رياح بقدرة 500 ميغاواط في منطقة جامبيل."
    assert scoring_key("اتفاقية لإنشاء محطة رياح بقدرة 500 ميغاواط في منطقة جامبيل") in forms(extractor, text)


def test_place_without_a_work_is_where_signed(extractor):
    text = "ووقع البلدان اتفاقية للتعاون الثقافي في أستانا."
    assert not any(f.endswith(scoring_key("في أستانا")) for f in forms(extractor, text))


# -- an unnamed body after the verb: no signer carried from before -----------------------------------
def test_unnamed_body_after_the_verb_carries_no_signer(extractor):
    text = ("وافتتح المنتدى وزير الخارجية الطاجيكي سراج الدين مهر الدين. وفي الختام، وقع مركز البحوث "
            "الإقليمية والأكاديمية الصينية للعلوم الاجتماعية مذكرة للتعاون في مجال البحث العلمي.")
    assert "leader:sirojiddin-muhriddin" not in signed(extractor, text)


# -- a framework agreement whose parties the patterns name only later; signers after it --------------
def test_framework_agreement_between_banks_and_its_signers(extractor):
    text = ("ومن بين الوثائق الموقعة اتفاقية إطارية بين بنك التنمية الصيني وبنك التنمية الكازاخستاني لتقديم قرض "
            "بقيمة 5 مليارات دولار، وقعها رئيس بنك التنمية الصيني تشن يوان ورئيس مجلس إدارة بنك التنمية "
            "الكازاخستاني أرمان دنيايف.")
    assert scoring_key("اتفاقية إطارية بين بنك التنمية الصيني وبنك التنمية الكازاخستاني") in forms(extractor, text)
    assert {phrase_key("تشن يوان"), phrase_key("أرمان دنيايف")} <= signed(extractor, text)


def test_plain_agreement_alone_before_between_is_none(extractor):
    text = "وتحدث الوزير عن اتفاقية بين الطرفين."
    assert not forms(extractor, text)


# -- the handover protocol and who signs it after it ------------------------------------------------
def test_handover_protocol_signed_by_those_after_it(extractor):
    text = "ووقع محضر التسليم والاستلام كل من وزير الخارجية الطاجيكي سراج الدين مهر الدين والسفير الصيني لدى دوشنبه."
    assert scoring_key("محضر التسليم والاستلام") in forms(extractor, text)
    assert "leader:sirojiddin-muhriddin" in signed(extractor, text)


def test_minutes_of_a_meeting_are_no_handover(extractor):
    text = "ونشرت الوزارة محضر الاجتماع."
    assert not forms(extractor, text)


# -- a bound on the count of documents --------------------------------------------------------------
def test_more_than_a_count_of_documents(extractor):
    text = "ووقع البلدان في سمرقند أكثر من 15 اتفاقية استثمارية."
    assert scoring_key("أكثر من 15 اتفاقية استثمارية") in forms(extractor, text)


def test_count_without_bound_has_no_bound_form(extractor):
    text = "ووقع البلدان في سمرقند 15 اتفاقية استثمارية."
    assert scoring_key("15 اتفاقية استثمارية") in forms(extractor, text)
    assert not any(f.startswith("اكثر") for f in forms(extractor, text))


# -- signers named after the document: no one carried from before, no witness ------------------------
def test_signers_after_the_document_and_no_witness(extractor):
    text = ("وتسلم مجلس الشيوخ المبنى الجديد. ووقع محضر التسليم والاستلام كل من وزير الخارجية الطاجيكي سراج "
            "الدين مهر الدين، بحضور رئيس البلاد إمام علي رحمان.")
    who = signed(extractor, text)
    assert "leader:sirojiddin-muhriddin" in who
    assert "leader:emomali-rahmon" not in who
    assert not any("مجلس" in w for w in who)


def test_witnessed_signing_without_signers_keeps_the_sides(extractor):
    text = "وزار الرئيس الطاجيكي بكين. وتم التوقيع على اتفاقية للتعاون في مجال الزراعة بحضور الرئيسين."
    assert {"country:TJ", "country:CN"} <= signed(extractor, text)


# -- where the goods of a subject go; the two sides of a kind and the years; a purpose chain ----------
def test_destination_of_a_supply_inside_the_subject(extractor):
    text = "ووقع الوزيران بروتوكولا بشأن متطلبات الصحة النباتية لتصدير القمح الكازاخستاني إلى الصين."
    assert scoring_key("بروتوكولا بشأن متطلبات الصحة النباتية لتصدير القمح الكازاخستاني إلى الصين") in forms(extractor, text)


def test_no_destination_without_a_supply(extractor):
    text = "ووقع الوزيران بروتوكولا بشأن متطلبات الصحة النباتية للقمح، ثم توجها إلى الصين."
    assert not any(f.endswith("صين") for f in forms(extractor, text))


def test_two_sides_of_a_kind_and_the_years(extractor):
    text = "ووقع الحزبان مذكرة تفاهم بشأن التعاون بين الحزبين للفترة 2024-2028."
    assert scoring_key("مذكرة تفاهم بشأن التعاون بين الحزبين للفترة 2024-2028") in forms(extractor, text)


def test_nisba_plural_is_no_dual(extractor):
    text = "ووقع الجانبان مذكرة تفاهم بشأن التعاون بين الصحفيين."
    assert not any(f.endswith("صحفيين") for f in forms(extractor, text))


def test_purpose_chain_of_a_memorandum(extractor):
    text = "ووقع الصندوقان مذكرة تفاهم لإنشاء منصة مشتركة لتمويل مشاريع الطاقة المتجددة."
    assert scoring_key("مذكرة تفاهم لإنشاء منصة مشتركة لتمويل مشاريع الطاقة المتجددة") in forms(extractor, text)


def test_joint_statement_with_its_parties_as_printed(extractor):
    text = ("ووقع الزعيمان بيانا مشتركا حول إقامة علاقات الشراكة الاستراتيجية بين جمهورية الصين الشعبية "
            "وجمهورية طاجيكستان.")
    assert scoring_key("بيانا مشتركا حول إقامة علاقات الشراكة الاستراتيجية بين جمهورية الصين الشعبية "
                       "وجمهورية طاجيكستان") in forms(extractor, text)


def test_joint_statement_without_parties_has_no_parties_form(extractor):
    text = "ووقع الزعيمان بيانا مشتركا حول إقامة علاقات الشراكة الاستراتيجية."
    assert not any("طاجيكستان" in f for f in forms(extractor, text))
