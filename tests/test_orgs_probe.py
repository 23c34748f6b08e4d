"""Probe set for organisations and ``leads``: short sentences in the style of Arabic wire copy,
written for these tests (not taken from the seeds or from real articles), that vary what a real
writer varies: the kind of body (ministries, commissions, state banks and funds, companies,
universities, parties, chambers, agencies, international bodies), the name's complements
(genitive chains, nisba adjectives, ل purposes, في and a country), proclitics, verb forms and word
order, relative clauses, بتمويل من / بالتعاون مع, quoted and bracketed names; and negatives (a
head alone, an indefinite head, a verbal noun) that must give no organisation. The ``leads``
probes follow the development set's convention: a head of state or government leads the
country, a Chinese premier the State Council, a chairman, secretary-general or chief executive
the body, a minister or a deputy nothing."""
from __future__ import annotations

import pytest

from silkgraph.normalize import phrase_key
from silkgraph.records import Article


def found(extractor, text: str):
    return extractor.extract(Article("t", text))


def org_forms(extractor, text: str) -> set[str]:
    """Every form an organisation of the sentence is known by (label, aliases, surface), as phrase keys."""
    out = set()
    for m in found(extractor, text).mentions:
        if m.entity.type == "Organization":
            out |= {phrase_key(f) for f in (m.entity.label_ar, m.text, *m.aliases) if f}
    return out


def leads(extractor, text: str) -> set[tuple[str, str]]:
    """(holder, what they lead) of the ``leads`` relations, each as the set of its forms' keys."""
    result = found(extractor, text)
    forms: dict[str, set[str]] = {}
    for m in result.mentions:
        forms.setdefault(m.entity.id, {phrase_key(m.entity.label_ar)}).update(
            phrase_key(f) for f in (m.text, *m.aliases) if f)
    out = set()
    for r in result.relations:
        if r.type == "leads":
            for a in forms.get(r.source.id, {phrase_key(r.source.label_ar)}):
                for b in forms.get(r.target.id, {phrase_key(r.target.label_ar)}):
                    out.add((a, b))
    return out


# -- organisations: the whole name, where it ends ----------------------------------------------

ORG_PROBES = [
    # ministries: nisba, coordination, في and a country, after a preposition
    ("أعلنت وزارة الطاقة الأوزبكية أن المحطة ستعمل العام المقبل.", "وزارة الطاقة الأوزبكية"),
    ("وذكرت وزارة الاقتصاد والتجارة في قيرغيزستان أن الصادرات ارتفعت.", "وزارة الاقتصاد والتجارة في قيرغيزستان"),
    ("وأشاد الوفد بجهود وزارة الزراعة الكازاخستانية في تطوير القطاع.", "وزارة الزراعة الكازاخستانية"),
    ("وقالت وزارة الخارجية الصينية في بيان صدر اليوم إن الجانبين اتفقا.", "وزارة الخارجية الصينية"),
    ("وسوف تشرف وزارة النقل والاتصالات الطاجيكية على تنفيذ المشروع.", "وزارة النقل والاتصالات الطاجيكية"),
    # state commissions and committees
    ("وقالت اللجنة الوطنية للتنمية والإصلاح الصينية إن الاستثمارات نمت.", "اللجنة الوطنية للتنمية والإصلاح"),
    ("وأعلنت لجنة الدولة للاستثمار في طاجيكستان عن مشاريع جديدة.", "لجنة الدولة للاستثمار في طاجيكستان"),
    ("وأصدرت لجنة الجمارك الحكومية القيرغيزية قرارا بتسهيل العبور.", "لجنة الجمارك الحكومية القيرغيزية"),
    # state banks and funds
    ("ووقع بنك التنمية الصيني اتفاقية قرض مع الحكومة الطاجيكية.", "بنك التنمية الصيني"),
    ("وسيمول صندوق طريق الحرير المرحلة الثانية من المشروع.", "صندوق طريق الحرير"),
    ("وتم تنفيذ المشروع بتمويل من بنك التصدير والاستيراد الصيني.", "بنك التصدير والاستيراد الصيني"),
    ("وقدم البنك الآسيوي للاستثمار في البنية التحتية قرضا بقيمة 200 مليون دولار.",
     "البنك الآسيوي للاستثمار في البنية التحتية"),
    ("وأعلن البنك المركزي الأوزبكي خفض سعر الفائدة.", "البنك المركزي الأوزبكي"),
    ("وساهم صندوق التنمية الوطني القيرغيزي في تمويل الطريق.", "صندوق التنمية الوطني القيرغيزي"),
    # companies
    ("وقالت شركة كازاخستان للسكك الحديدية إن عدد القطارات تضاعف.", "شركة كازاخستان للسكك الحديدية"),
    ("وأعلنت مجموعة سينوهيدرو عن فوزها بعقد بناء السد.", "مجموعة سينوهيدرو"),
    ("وتعمل الشركة الصينية الوطنية للبترول في تركمانستان منذ سنوات.", "الشركة الصينية الوطنية للبترول"),
    ("وستقوم مؤسسة الصين للهندسة المدنية ببناء الطريق الجديد.", "مؤسسة الصين للهندسة المدنية"),
    ("ووقعت الحكومة الأوزبكية وشركة الصين الوطنية للطاقة النووية اتفاقا للتعاون.",
     "شركة الصين الوطنية للطاقة النووية"),
    ("وقالت الشركة الصينية للهندسة الكهربائية، التي تبني المحطة، إن العمل يسير وفق الخطة.",
     "الشركة الصينية للهندسة الكهربائية"),
    ("وتم توقيع العقد بين وزارة النقل الكازاخستانية وشركة السكك الحديدية الصينية.", "شركة السكك الحديدية الصينية"),
    ("وتم توقيع العقد بين وزارة النقل الكازاخستانية وشركة السكك الحديدية الصينية.", "وزارة النقل الكازاخستانية"),
    ("وأنشأت شركة «أوزبك نفط غاز» الوطنية مصنعا جديدا.", "أوزبك نفط غاز"),
    ("وقال مسؤول في مجموعة الصين للاتصالات إن الشبكة ستغطي المدينة.", "مجموعة الصين للاتصالات"),
    # universities, academies, institutes
    ("ووقعت جامعة طشقند الحكومية للاقتصاد مذكرة تفاهم مع جامعة لانتشو.", "جامعة طشقند الحكومية للاقتصاد"),
    ("وأصدر معهد الصين للدراسات الدولية تقريرا حول المبادرة.", "معهد الصين للدراسات الدولية"),
    ("ونظم المؤتمر بالتعاون مع أكاديمية العلوم الطاجيكية.", "أكاديمية العلوم الطاجيكية"),
    ("وقالت أكاديمية العلوم الاجتماعية الصينية إن الدراسة ستنشر قريبا.", "أكاديمية العلوم الاجتماعية الصينية"),
    # parties and chambers
    ("وفاز حزب الشعب الديمقراطي بأغلبية المقاعد.", "حزب الشعب الديمقراطي"),
    ("وصادق مجلس الشيوخ الأوزبكي على الاتفاقية أمس.", "مجلس الشيوخ الأوزبكي"),
    ("وصادق البرلمان القيرغيزي بالإجماع على المعاهدة.", "البرلمان القيرغيزي"),
    ("وناقشت الجمعية الوطنية الطاجيكية مشروع القانون.", "الجمعية الوطنية الطاجيكية"),
    ("وصوت مجلس النواب في البرلمان الكازاخستاني لصالح القانون.", "البرلمان الكازاخستاني"),
    # agencies and media
    ("وأفادت وكالة الأنباء القيرغيزية الرسمية (كابار) بأن الوفد وصل.", "كابار"),
    ("وقالت صحيفة الشعب اليومية إن الزيارة تاريخية.", "صحيفة الشعب اليومية"),
    # international bodies and their parts
    ("وتأسست منظمة شانغهاي للتعاون عام 2001.", "منظمة شانغهاي للتعاون"),
    ("وأعلنت أمانة منظمة شانغهاي للتعاون عن موعد القمة.", "منظمة شانغهاي للتعاون"),
    pytest.param("وقالت منظمة الأمم المتحدة للتنمية الصناعية إن المصنع نموذجي.", "منظمة الأمم المتحدة للتنمية الصناعية",
                 marks=pytest.mark.xfail(strict=True, reason="known miss: a known body's name (منظمة الأمم المتحدة) "
                                         "ends the span; its agencies named by a purpose after it are not built")),
    ("وانضمت أوزبكستان إلى منظمة التجارة العالمية.", "منظمة التجارة العالمية"),
    ("وقالت غرفة التجارة والصناعة في أوزبكستان إن المعرض جذب مئات الشركات.",
     "غرفة التجارة والصناعة في أوزبكستان"),
    ("وأصدرت الهيئة العامة للجمارك الصينية بيانات التجارة.", "الهيئة العامة للجمارك الصينية"),
    # an indefinite noun in construct with the country it belongs to
    ("وقالت وزارة خارجية كازاخستان في بيان إن الزيارة ناجحة.", "وزارة خارجية كازاخستان"),
    ("وأعلنت وزارة دفاع طاجيكستان عن مناورات مشتركة.", "وزارة دفاع طاجيكستان"),
    ("وأكدت وزارة الشؤون الخارجية لجمهورية أوزبكستان استعدادها للتعاون.",
     "وزارة الشؤون الخارجية لجمهورية أوزبكستان"),
    ("وأعلنت هيئة الطرق السريعة الوطنية الكازاخستانية عن فتح الطريق.", "هيئة الطرق السريعة الوطنية الكازاخستانية"),
    ("وقالت إدارة الطيران المدني الصينية إن الرحلات ستستأنف.", "إدارة الطيران المدني الصينية"),
    ("وأعلنت شركة «تشاينا إنرجي» الصينية عن مشروع جديد.", "تشاينا إنرجي"),
    # a noun in construct and its definite genitive, then adjectives (المشترك is no adverb here)
    ("واجتمع مجلس رجال الأعمال الصيني الأوزبكي في طشقند.", "مجلس رجال الأعمال الصيني الأوزبكي"),
    ("وقالت وزارة شؤون الطوارئ القيرغيزية إن الطريق مغلق.", "وزارة شؤون الطوارئ القيرغيزية"),
    ("وتم تأسيس صندوق الاستثمار المشترك الصيني الكازاخستاني عام 2015.",
     "صندوق الاستثمار المشترك الصيني الكازاخستاني"),
    ("ووقعت جامعة لانتشو الواقعة في شمال غرب الصين الاتفاقية.", "جامعة لانتشو"),
    ("وقالت الهيئة الوطنية للطاقة المسؤولة عن القطاع إن الطلب ارتفع.", "الهيئة الوطنية للطاقة"),
    ("وقالت الإدارة المركزية للإحصاء إن النمو ارتفع.", "الإدارة المركزية للإحصاء"),
    ("وقالت وزارة الصناعة والمعادن في أوزبكستان إن الإنتاج ارتفع.", "وزارة الصناعة والمعادن في أوزبكستان"),
    ("وأعلن اتحاد الصناعيين ورجال الأعمال الأوزبكي عن منتدى للاستثمار.", "اتحاد الصناعيين ورجال الأعمال الأوزبكي"),
    # a participle and its complement that are the name itself, before anything says which body it is
    ("وقال صندوق الأصول المملوكة للدولة إن الأرباح ارتفعت.", "صندوق الأصول المملوكة للدولة"),
    # an institute by its proper name
    ("وافتتح معهد كونفوشيوس في جامعة طشقند الحكومية.", "معهد كونفوشيوس"),
    ("وافتتح معهد كونفوشيوس في جامعة طشقند الحكومية.", "جامعة طشقند الحكومية"),
    # commissions, directorates, consortia
    ("وأعلنت مفوضية الانتخابات المركزية القيرغيزية النتائج الأولية.", "مفوضية الانتخابات المركزية القيرغيزية"),
    ("وقالت المديرية العامة للجمارك إن العبور أصبح أسهل.", "المديرية العامة للجمارك"),
    ("وفاز كونسورتيوم سينوهيدرو بعقد بناء المحطة.", "كونسورتيوم سينوهيدرو"),
    # a committee whose genitive is a body's head with the article
    ("وأصدرت لجنة الجمارك الحكومية القيرغيزية قرارا بتسهيل العبور.", "لجنة الجمارك الحكومية القيرغيزية"),
]


@pytest.mark.parametrize("text, name", ORG_PROBES)
def test_organisation_probe(extractor, text, name):
    forms = org_forms(extractor, text)
    assert phrase_key(name) in forms, forms


ORG_CUT_PROBES = [
    # the name stops at a preposition of the clause, a verb or the object
    ("وقالت وزارة الخارجية الصينية في بيان صدر اليوم إن الجانبين اتفقا.", "وزارة الخارجية الصينية في بيان"),
    ("وأصدر معهد الصين للدراسات الدولية تقريرا حول المبادرة.", "معهد الصين للدراسات الدولية تقريرا"),
    ("وأعلن البنك المركزي الأوزبكي خفض سعر الفائدة.", "البنك المركزي الأوزبكي خفض"),
    ("وصادق البرلمان القيرغيزي بالإجماع على المعاهدة.", "البرلمان القيرغيزي بالإجماع"),
    ("وأشاد الوفد بجهود وزارة الزراعة الكازاخستانية في تطوير القطاع.",
     "وزارة الزراعة الكازاخستانية في تطوير"),
    # another party joined by و is no part of the name
    ("وتم توقيع العقد بين وزارة النقل الكازاخستانية وشركة السكك الحديدية الصينية.",
     "وزارة النقل الكازاخستانية وشركة السكك الحديدية الصينية"),
    # nor a preposition made of ل and a noun, nor the honorific that opens the holder's name
    ("وصوت مجلس النواب في البرلمان الكازاخستاني لصالح القانون.", "البرلمان الكازاخستاني لصالح القانون"),
    ("وقال رئيس مجلس إدارة شركة كازاخستان للسكك الحديدية السيد نورلان ساورانباييف إن الشحن ارتفع.",
     "شركة كازاخستان للسكك الحديدية السيد"),
    # nor the holder's name after a title and the body (رئيس شركة تيانشان وانغ مينغ)
    ("وقال رئيس شركة تيانشان وانغ مينغ إن المصنع جاهز.", "شركة تيانشان وانغ مينغ"),
    ("وناقشت وزارة الطاقة وممثلو الشركات الخطة الجديدة.", "وزارة الطاقة وممثلو الشركات"),
    # nor an adjective with its own complement: what is said of the body
    ("وقالت شركة تيانشان للإسمنت المملوكة للدولة إن المصنع جاهز.", "شركة تيانشان للإسمنت المملوكة"),
    ("ووقعت جامعة لانتشو الواقعة في شمال غرب الصين الاتفاقية.", "جامعة لانتشو الواقعة"),
    ("وقالت الهيئة الوطنية للطاقة المسؤولة عن القطاع إن الطلب ارتفع.", "الهيئة الوطنية للطاقة المسؤولة"),
    # nor a verb after an indefinite noun
    ("وقالت شركة تعمل في الصين إن الطلب ارتفع.", "شركة تعمل"),
]


@pytest.mark.parametrize("text, wrong", ORG_CUT_PROBES)
def test_organisation_probe_stops(extractor, text, wrong):
    forms = org_forms(extractor, text)
    assert phrase_key(wrong) not in forms, forms


NO_ORG_PROBES = [
    "وقالت الوزارة إن المشروع سيكتمل قبل نهاية العام.",  # a head alone refers back
    "وأكدت الشركة أنها ستبدأ العمل الشهر المقبل.",
    "وقامت شركة صينية ببناء الجسر الجديد.",  # an indefinite head and a nationality
    "وتمت إدارة المشروع بنجاح.",  # a verbal noun
    "وشارك في الندوة مجموعة من الخبراء.",  # a group of people
    "وشكلت الحكومة مجموعة عمل لدراسة المقترح.",
    "وقال الحزب إن الانتخابات نزيهة.",
    "وشكلت الحكومة لجنة تضم الخبراء.",  # a verb after an indefinite head
    "وأنشأت الوزارة لجنة يرأسها الوزير.",
    "ودرس الطالب في معهد فني بالعاصمة.",  # an institute by its kind only
    "وأكد مجلس الإدارة أن الأرباح ارتفعت.",  # any company's board
    "ووضع صندوق الاقتراع في قاعة المدرسة.",  # a ballot box
    "وقالت مديرية الأمن إن الوضع هادئ.",  # a directorate by its kind only
    "وفاز كونسورتيوم صيني بالعقد.",  # a consortium and a nationality
]


@pytest.mark.parametrize("text", NO_ORG_PROBES)
def test_no_organisation_probe(extractor, text):
    assert not org_forms(extractor, text)


# -- leads ---------------------------------------------------------------------------------------

LEADS_PROBES = [
    # heads of state and government lead the country
    ("والتقى رئيس الوزراء الكازاخستاني أولجاس بكتينوف بالوفد الصيني.", "أولجاس بكتينوف", "كازاخستان"),
    ("وقال رئيس الوزراء الطاجيكي قاهر رسولزاده إن المشروع مهم.", "قاهر رسولزاده", "طاجيكستان"),
    ("واستقبل رئيس جمهورية قيرغيزستان صدر جباروف الوفد.", "صدر جباروف", "قيرغيزستان"),
    # the Chinese premier leads the State Council
    ("وأجرى رئيس مجلس الدولة الصيني لي تشيانغ محادثات مع ضيفه.", "لي تشيانغ", "مجلس الدولة الصيني"),
    # heads of bodies lead them
    ("وقال الأمين العام لمنظمة شانغهاي للتعاون تشانغ مينغ إن المنظمة تتوسع.", "تشانغ مينغ", "منظمة شانغهاي للتعاون"),
    ("وقال رئيس مجلس إدارة شركة كازاخستان للسكك الحديدية السيد نورلان ساورانباييف إن الشحن ارتفع.",
     "نورلان ساورانباييف", "شركة كازاخستان للسكك الحديدية"),
    ("وأكد رئيس البنك الآسيوي للاستثمار في البنية التحتية جين لي تشون أن البنك سيواصل دعمه.",
     "جين لي تشون", "البنك الآسيوي للاستثمار في البنية التحتية"),
    ("وقال المدير العام لشركة الصين للطرق والجسور وانغ تونغ إن الطريق سيفتتح قريبا.",
     "وانغ تونغ", "شركة الصين للطرق والجسور"),
    ("وقال الرئيس التنفيذي لمجموعة سينوهيدرو دينغ لي إن السد سيكتمل.", "دينغ لي", "مجموعة سينوهيدرو"),
    ("والتقى رئيس اللجنة الدائمة للمجلس الوطني لنواب الشعب الصيني تشاو له جي برئيس البرلمان.",
     "تشاو له جي", "اللجنة الدائمة للمجلس الوطني لنواب الشعب الصيني"),
    pytest.param("وقال رئيس حزب نور أوطان باوئرجان بايبيك إن الحزب يدعم الإصلاحات.", "باوئرجان بايبيك", "حزب نور أوطان",
                 marks=pytest.mark.xfail(strict=True, reason="known miss: an unlisted party's proper name runs into an "
                                         "unlisted holder's name when neither word is a known person-name word")),
    ("وقال رئيس جامعة طشقند الحكومية للاقتصاد كونغيروتباي شاريبوف إن الجامعة ستفتح فرعا.",
     "كونغيروتباي شاريبوف", "جامعة طشقند الحكومية للاقتصاد"),
    ("وقال رئيس وزراء كازاخستان أولجاس بكتينوف إن المشروع مهم.", "أولجاس بكتينوف", "كازاخستان"),
    ("وقال المدير العام لشركة تيانشان للإسمنت وانغ مينغ إن المصنع جاهز.", "وانغ مينغ", "شركة تيانشان للإسمنت"),
    ("وقال رئيس شركة تيانشان وانغ مينغ إن المصنع جاهز.", "وانغ مينغ", "شركة تيانشان"),
    ("وقال الأمين العام لمنظمة معاهدة الأمن الجماعي إيمانغالي تاسماغامبيتوف إن المنظمة مستعدة.",
     "إيمانغالي تاسماغامبيتوف", "منظمة معاهدة الأمن الجماعي"),
    ("وقال رئيس البنك الدولي أجاي بانغا إن القرض سيصرف.", "أجاي بانغا", "البنك الدولي"),
    ("وقالت رئيسة صندوق النقد الدولي كريستالينا غورغييفا إن النمو سيتباطأ.", "كريستالينا غورغييفا",
     "صندوق النقد الدولي"),
    ("وقال رئيس اللجنة الوطنية للتنمية والإصلاح تشنغ جيان إن الاستثمارات ستزيد.", "تشنغ جيان",
     "اللجنة الوطنية للتنمية والإصلاح"),
    ("وقال محافظ البنك المركزي الأوزبكي تيمور إسحاقوف إن التضخم تراجع.", "تيمور إسحاقوف", "البنك المركزي الأوزبكي"),
    # a chairman whose title names the chamber, its nationality after it, leads the chamber
    ("وقال رئيس مجلس الشيوخ الكازاخستاني ماولين أشيمباييف إن البرلمان يدعم الاتفاق.", "ماولين أشيمباييف",
     "مجلس الشيوخ الكازاخستاني"),
    ("والتقى رئيس البرلمان الطاجيكي رستم إمام علي بالوفد.", "رستم إمام علي", "البرلمان الطاجيكي"),
    # the chamber by its own name in brackets, its nationality after them; the body it is of behind ب
    ("وقال رئيس مجلس الشعب (خلق مصلحتي) التركمانستاني قربانقولي بردي محمدوف إن البلدين صديقان.",
     "قربانقولي بردي محمدوف", "مجلس الشعب التركمانستاني"),
    ("وقال رئيس مجلس النواب بالبرلمان الكازاخستاني يرلان كوشانوف إن القانون جاهز.", "يرلان كوشانوف", "مجلس النواب"),
    # a holder the statistical model read as a body
    ("وقال رئيس البرلمان القيرغيزي (جوغوركو كينيش) نورلانبيك شاكييف إن القانون جاهز.", "نورلانبيك شاكييف",
     "البرلمان القيرغيزي"),
    # the chairman of a cabinet leads it and his country
    ("وقال رئيس مجلس الوزراء القيرغيزي أديلبيك قاسمالييف إن المشروع مهم.", "أديلبيك قاسمالييف",
     "مجلس الوزراء القيرغيزي"),
    ("وقال رئيس مجلس الوزراء القيرغيزي أديلبيك قاسمالييف إن المشروع مهم.", "أديلبيك قاسمالييف", "قيرغيزستان"),
    ("وعقد الاجتماع برئاسة رئيس الوزراء الأوزبكي عبد الله أريبوف.", "عبد الله أريبوف", "أوزبكستان"),
    # a counterpart holds the office of the known leader named before him, with no title written
    ("والتقى شي جين بينغ نظيره الكازاخستاني قاسم جومارت توكاييف في أستانا.", "قاسم جومارت توكاييف", "كازاخستان"),
    ("والتقى لي تشيانغ نظيره القيرغيزي أديلبيك قاسمالييف في بكين.", "أديلبيك قاسمالييف", "قيرغيزستان"),
    # the party's general secretary, a title written with ل and the article, leads the country
    ("وقال الأمين العام للجنة المركزية للحزب الشيوعي الصيني شي جين بينغ إن الحزب قوي.", "شي جين بينغ", "الصين"),
    ("وقال شي جين بينغ، الأمين العام للحزب الشيوعي الصيني، إن الحزب قوي.", "شي جين بينغ", "الصين"),
    # a known leader's own office after his name, with no country written
    ("واستقبل توكاييف أولجاس بكتينوف رئيس الوزراء في أستانا.", "أولجاس بكتينوف", "كازاخستان"),
    # the body quoted after ل drawn out with a tatweel (لـ«…»)
    ("وقال الرئيس التنفيذي لـ«مجموعة الصين للاتصالات» ليو ليهونغ إن الشبكة ستتوسع.", "ليو ليهونغ",
     "مجموعة الصين للاتصالات"),
    # a title after the name, between commas
    ("وقال تشانغ مينغ، الأمين العام لمنظمة شانغهاي للتعاون، إن القمة ناجحة.", "تشانغ مينغ", "منظمة شانغهاي للتعاون"),
]


@pytest.mark.parametrize("text, holder, body", LEADS_PROBES)
def test_leads_probe(extractor, text, holder, body):
    got = leads(extractor, text)
    assert (phrase_key(holder), phrase_key(body)) in got, got


NO_LEADS_PROBES = [
    # a minister, a deputy, a spokesman lead nothing
    ("وقال وزير الخارجية الصيني وانغ يي إن العلاقات ممتازة.", "وانغ يي"),
    ("وقال نائب رئيس مجلس إدارة بنك التنمية الصيني لي جي إن القروض ارتفعت.", "لي جي"),
    ("وقال المتحدث باسم وزارة الخارجية الصينية لين جيان إن الزيارة مهمة.", "لين جيان"),
    ("وقال نائب رئيس الوزراء الأوزبكي جمشيد خوجاييف إن الاتفاق سيوقع.", "جمشيد خوجاييف"),
    ("وقال نائب رئيس مجلس الدولة الصيني دينغ شيويه شيانغ إن التعاون سيتعمق.", "دينغ شيويه شيانغ"),
    ("وقال وزير خارجية كازاخستان مراد نورتليو إن المحادثات بناءة.", "مراد نورتليو"),
    ("وقال عضو اللجنة الدائمة للمكتب السياسي تساي تشي إن الحزب موحد.", "تساي تشي"),
    ("وقال نائب رئيس مجلس الشيوخ الكازاخستاني ماولين أشيمباييف إن البرلمان يدعم الاتفاق.", "ماولين أشيمباييف"),
    # a title that is not the known leader's office: the object of the verb, not his apposition
    ("واستقبل وانغ يي رئيس الوزراء في بكين.", "وانغ يي"),
    # a foreign minister's counterpart is a foreign minister
    ("والتقى وانغ يي نظيره الكازاخستاني مراد نورتليو في أستانا.", "مراد نورتليو"),
]


@pytest.mark.parametrize("text, holder", NO_LEADS_PROBES)
def test_no_leads_probe(extractor, text, holder):
    got = leads(extractor, text)
    assert not any(a == phrase_key(holder) for a, _ in got), got


@pytest.mark.parametrize("text", [
    "وذكرت وكالة أنباء تاس الروسية أن الوفد وصل.",
    "وذكرت وكالة الأنباء الروسية الرسمية تاس أن الوفد وصل.",
    "وذكرت وكالة الأنباء الروسية (تاس) أن الوفد وصل.",  # the known name in brackets after what it is called
])
def test_agency_called_around_its_known_name_is_that_agency(extractor, text):
    orgs = {m.entity.id for m in found(extractor, text).mentions if m.entity.type == "Organization"}
    assert orgs == {"org:tass"}, orgs


def test_agency_with_a_name_of_its_own_is_a_body_of_its_own(extractor):
    # وكالة أنباء (شينخوا) stays Xinhua, but a new agency around no known name is new
    text = "وقالت وكالة الأنباء الطاجيكية الرسمية (نافروز برس) إن الوفد وصل."
    orgs = {m.entity.id for m in found(extractor, text).mentions if m.entity.type == "Organization"}
    assert len(orgs) == 1 and not orgs & {"org:tass", "org:xinhua", "org:khovar"}, orgs


def test_bracketed_acronym_leaves_the_name_as_an_alias(extractor):
    forms = org_forms(extractor, "وقال البنك الآسيوي للتنمية (ADB) إن القرض جاهز.")
    assert {phrase_key("البنك الآسيوي للتنمية"), phrase_key("ADB")} <= forms, forms


def test_short_form_of_a_body_named_in_full_is_that_body(extractor):
    text = "أعلنت وزارة الطاقة الطاجيكية عن خطة جديدة. وقالت وزارة الطاقة إن العمل سيبدأ قريبا."
    orgs = {m.entity.id for m in found(extractor, text).mentions if m.entity.type == "Organization"}
    assert len(orgs) == 1, orgs


def test_short_form_two_bodies_extend_stays_apart(extractor):
    # two ministries of foreign affairs named in full: the bare one is neither
    text = ("أعلنت وزارة الخارجية الصينية عن الزيارة. ورحبت وزارة الخارجية الكازاخستانية بها. "
            "وقالت وزارة الخارجية إن الوزير سيصل.")
    orgs = {m.entity.id for m in found(extractor, text).mentions if m.entity.type == "Organization"}
    assert len(orgs) == 3, orgs


@pytest.mark.parametrize("text", [
    "وأعلنت CNPC عن اكتشاف جديد في تركمانستان.",  # a known body by its Latin name alone
    "وقالت مؤسسة البترول الوطنية الصينية (CNPC) إن الإنتاج ارتفع.",  # and in brackets after its Arabic one
    "وقال مسؤول في شركة CNPC إن الإنتاج ارتفع.",  # and after an Arabic head
])
def test_known_body_by_its_latin_name(extractor, text):
    orgs = {m.entity.id for m in found(extractor, text).mentions if m.entity.type == "Organization"}
    assert orgs == {"org:cnpc"}, orgs


def test_unknown_latin_name_is_a_body_of_its_own(extractor):
    orgs = {m.entity.id for m in found(extractor, "وقالت شركة Tianshan Cement إن المصنع جاهز.").mentions
            if m.entity.type == "Organization"}
    assert len(orgs) == 1 and not any(o.startswith("org:") for o in orgs), orgs


def test_a_place_in_a_body_s_name_is_no_alias_of_it(extractor):
    # معهد الصين للدراسات: the node must not also be called الصين (it would match China)
    orgs = [m for m in found(extractor, "وأصدر معهد الصين للدراسات الدولية تقريرا.").mentions
            if m.entity.type == "Organization"]
    assert orgs and all(phrase_key(a) != phrase_key("الصين") for m in orgs for a in m.aliases), orgs


def test_party_general_secretary_leads_the_country_not_the_party(extractor):
    got = leads(extractor, "وقال الأمين العام للحزب الشيوعي الصيني شي جين بينغ إن الحزب قوي.")
    assert (phrase_key("شي جين بينغ"), phrase_key("الصين")) in got, got
    assert (phrase_key("شي جين بينغ"), phrase_key("الحزب الشيوعي الصيني")) not in got, got


def test_premier_leads_no_other_country(extractor):
    # the host meets the premier: the premier leads China's council, not the host's country
    got = leads(extractor, "واستقبل الرئيس الطاجيكي إمام علي رحمن رئيس الوزراء الباكستاني شهباز شريف.")
    assert (phrase_key("شهباز شريف"), phrase_key("طاجيكستان")) not in got, got
