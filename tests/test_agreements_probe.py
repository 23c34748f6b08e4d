"""A probe of agreements and ``signed`` across the ways wire copy writes them: sentences written
for this test in the Xinhua/People's Daily Arabic style (not taken from the seeds or the real set),
varying the head (اتفاقية، مذكرة تفاهم، معاهدة، بروتوكول، إعلان، بيان مشترك، خطة عمل، برنامج تعاون،
خارطة طريق، عقد، وثيقة، ميثاق، استراتيجية), its complement (بشأن، في مجال، لـ + verbal noun، بين …
و…، nisba pairs, quoted names, counts and values), the signing word (perfect, imperfect, passive,
verbal noun with تم/جرى, أبرم/إبرام, witnessed) and the signer (countries named or by الجانبان, a
subject list, leaders, a ministry, a company). Negatives: the same words where they name no
document (عقد "held", علاقات وثيقة "close", اتفق "agreed", وقع "happened") or where nobody signs."""
from __future__ import annotations

import pytest

from silkgraph.graph.evaluate import scoring_key
from silkgraph.normalize import phrase_key
from silkgraph.records import Article


def extracted(extractor, text: str):
    return extractor.extract(Article("probe", text))


def agreement_forms(extractor, text: str) -> list[set[str]]:
    """The forms (label, mention text, aliases) of each agreement node, as the scorer matches them."""
    nodes: dict[str, set[str]] = {}
    for m in extracted(extractor, text).mentions:
        if m.entity.type == "Agreement":
            nodes.setdefault(m.entity.id, set()).update(
                scoring_key(f) for f in (m.text, m.entity.label_ar, *m.aliases))
    return list(nodes.values())


def signers(extractor, text: str) -> set[str]:
    """Who signed something: gazetteer ids for known entities, else the Arabic label's key."""
    out = set()
    for r in extracted(extractor, text).relations:
        if r.type == "signed":
            out.add(r.source.id if r.source.id in extractor.lex.entries else phrase_key(r.source.label_ar))
    return out


def ids(known, *names: str) -> set[str]:
    return {known[phrase_key(n)] if phrase_key(n) in known else phrase_key(n) for n in names}


# -- the document's name: (sentence, a form its node must have) ----------------------------------
NAMED = [
    # any head + field / subject / purpose
    ("وقعت الصين وقرغيزستان أمس اتفاقية للتعاون في مجال الأمن الغذائي.",
     "اتفاقية للتعاون في مجال الأمن الغذائي"),
    ("ووقع وزيرا خارجية البلدين اتفاقا بشأن تسهيل إجراءات العبور.", "اتفاقا بشأن تسهيل إجراءات العبور"),
    ("وسيوقع البلدان معاهدة لتسليم المجرمين خلال الزيارة.", "معاهدة لتسليم المجرمين"),
    ("وجرى التوقيع على بروتوكول بشأن الصحة النباتية للصادرات الزراعية.",
     "بروتوكول بشأن الصحة النباتية للصادرات الزراعية"),
    ("وأبرمت الصين وطاجيكستان اتفاقا حول ترسيم الحدود المشتركة.", "اتفاقا حول ترسيم الحدود المشتركة"),
    ("ووقع الجانبان اتفاقية في مجالات الطاقة المتجددة والتعدين.", "اتفاقية في مجالات الطاقة المتجددة والتعدين"),
    ("وتم إبرام اتفاقية للتجارة الحرة خلال الزيارة.", "اتفاقية للتجارة الحرة"),
    # memoranda named by their kind, described by their subject
    ("وتم توقيع مذكرة تفاهم بشأن التعاون في مجال التعليم المهني.",
     "مذكرة تفاهم بشأن التعاون في مجال التعليم المهني"),
    ("ووقعت الوزارتان مذكرة تفاهم لإنشاء مختبر مشترك للزراعة الذكية.",
     "مذكرة تفاهم لإنشاء مختبر مشترك للزراعة الذكية"),
    # declarations named after a place, joint statements
    ("واعتمد القادة إعلان سمرقند في ختام القمة.", "إعلان سمرقند"),
    ("ووقع رؤساء الدول الأعضاء على \"إعلان دوشنبه\" بشأن الأمن الإقليمي.", "إعلان دوشنبه"),
    ("وأصدر الجانبان بيانا مشتركا في ختام المحادثات.", "بيان مشترك"),
    ("ووقع الرئيسان البيان المشترك بشأن تعميق الشراكة الاستراتيجية الشاملة.", "البيان المشترك"),
    # plans, programmes, roadmaps, strategies: with their years, or signed/adopted
    ("ووقعت الحكومتان برنامج التعاون في مجال الثقافة للأعوام 2024-2027.",
     "برنامج التعاون في مجال الثقافة للأعوام 2024-2027"),
    ("ووقع الوزيران خارطة طريق لتطوير التجارة الثنائية.", "خارطة طريق لتطوير التجارة الثنائية"),
    ("وأقرت الدول الأعضاء استراتيجية تطوير النقل حتى عام 2030.", "استراتيجية تطوير النقل حتى عام 2030"),
    ("ووقعت الدول الأعضاء على ميثاق الطاقة الإقليمي.", "ميثاق الطاقة الإقليمي"),
    ("ووقع رؤساء الدول الأعضاء إعلان قمة بيشكيك.", "إعلان قمة بيشكيك"),
    ("وتبنى الاجتماع الإعلان الختامي للدورة الرابعة.", "الإعلان الختامي"),  # no adjective of the meeting
    ("ووقعت الشركتان خطاب نوايا بشأن إنشاء مصنع للألواح الشمسية.", "خطاب نوايا بشأن إنشاء مصنع للألواح الشمسية"),
    ("ووقع الجانبان اتفاقيتي التعاون في مجالي النقل والطاقة.", "اتفاقيتي التعاون"),
    # contracts
    ("ووقعت شركة تبيان عقد الهندسة والمشتريات والبناء لمحطة الكهرباء.", "عقد الهندسة والمشتريات والبناء"),
    ("ووقعت شركة سينوهيدرو الصينية عقدا لتوريد توربينات الرياح إلى أوزبكستان.", "عقدا لتوريد توربينات الرياح"),
    # nisba pairs (with a dash or without)
    ("ودخلت الاتفاقية الصينية-الطاجيكية بشأن التجارة الحدودية حيز التنفيذ.",
     "الاتفاقية الصينية-الطاجيكية بشأن التجارة الحدودية"),
    ("وقالت الوزارة إن الاتفاقية الكازاخستانية الصينية لتجنب الازدواج الضريبي دخلت حيز التنفيذ.",
     "الاتفاقية الكازاخستانية الصينية لتجنب الازدواج الضريبي"),
    ("ووقع البلدان مذكرة تفاهم بشأن التعاون في بناء الحزام الاقتصادي لطريق الحرير.",
     "مذكرة تفاهم بشأن التعاون في بناء الحزام الاقتصادي لطريق الحرير"),  # in what they cooperate
    ("وأكد الطرفان التزامهما بميثاق منظمة شانغهاي للتعاون.", "ميثاق منظمة شانغهاي للتعاون"),
    # a quoted name
    ("ووقع الطرفان اتفاقية \"الممر الأخضر\" لتسريع مرور البضائع.", "اتفاقية الممر الأخضر"),
    # documents named together: by a count, a value, a definite adjective
    ("ووقع الجانبان 15 اتفاقية في مجالات التجارة والاستثمار.", "15 اتفاقية"),
    ("ووقعت الشركات الصينية والكازاخستانية عدة وثائق تعاون بقيمة 3 مليارات دولار.",
     "وثائق تعاون بقيمة 3 مليارات دولار"),
    ("ووقع الجانبان ثلاث مذكرات تفاهم في مجال الرعاية الصحية.", "ثلاث مذكرات تفاهم"),
    ("وشهد الرئيسان توقيع سبع وثائق للتعاون في مجالات النقل والطاقة.", "سبع وثائق"),
    ("ووقعت شركات من البلدين عقودا بقيمة 1.5 مليار دولار.", "عقودا بقيمة 1.5 مليار دولار"),
    ("وجرى خلال الزيارة توقيع الاتفاقيات الثنائية في مجالات الزراعة والصحة.", "الاتفاقيات الثنائية"),
    ("وخلال الزيارة، تم إبرام 12 اتفاقية بقيمة تتجاوز 3 مليارات دولار.", "12 اتفاقية"),
    ("ووقعت أوزبكستان والصين 27 اتفاقية استثمارية وتجارية بقيمة إجمالية تزيد على 5 مليارات دولار.",
     "27 اتفاقية"),
    ("وشهد الرئيسان توقيع حزمة من الاتفاقيات في مجالات الطاقة والنقل.", "حزمة من الاتفاقيات"),
    # the years a document covers, as a range
    ("ووقع الطرفان برنامج تعاون في مجال التعليم للفترة من 2024 إلى 2026.",
     "برنامج تعاون في مجال التعليم للفترة من 2024 إلى 2026"),
    ("ووقعت الحكومتان خطة عمل للأعوام 2024 حتى عام 2028.", "خطة عمل للأعوام 2024 حتى عام 2028"),
    # coordinated relational adjectives, a purpose in a short noun in construct
    ("وقعت الحكومتان الصينية والأوزبكية اتفاقية تعاون اقتصادي وتقني.", "اتفاقية تعاون اقتصادي وتقني"),
    ("ووقع رئيسا البلدين على المعاهدة الصينية الطاجيكية لحسن الجوار والصداقة والتعاون.",
     "المعاهدة الصينية الطاجيكية لحسن الجوار والصداقة والتعاون"),
    # the work a document is for, after its complement or its value
    ("ووقع محافظ منطقة سمرقند ورئيس مجموعة صينية اتفاقية استثمار لبناء مصنع للنسيج.",
     "اتفاقية استثمار لبناء مصنع للنسيج"),
    ("ووقعت مجموعة تشاينا ميرتشانتس عقدا بقيمة 200 مليون دولار لتوسيع ميناء أكتاو.",
     "عقدا بقيمة 200 مليون دولار لتوسيع ميناء أكتاو"),
    ("ووقعت الصين وقرغيزستان وأوزبكستان اتفاقية حكومية دولية بشأن مشروع خط السكة الحديد.",
     "اتفاقية حكومية دولية بشأن مشروع خط السكة الحديد"),
    # a definite joint declaration is the talks' one, by its kind; a definite number is no count
    ("ووقع رؤساء الدول الست الإعلان المشترك لقمة الصين-آسيا الوسطى.", "الإعلان المشترك"),
    ("ووقعت الصين ودول آسيا الوسطى الخمس معاهدة حسن الجوار والصداقة والتعاون.",
     "معاهدة حسن الجوار والصداقة والتعاون"),
]


@pytest.mark.parametrize("text, form", NAMED)
def test_a_document_is_named_as_written(extractor, text, form):
    found = agreement_forms(extractor, text)
    assert len(found) == 1 and scoring_key(form) in found[0], found


# -- a document named inside another's subject: both, each with its own name ------------------------
INSIDE = [
    ("ووقع الجانبان خطة عمل لتنفيذ معاهدة الصداقة للفترة 2025-2029.",
     "خطة عمل لتنفيذ معاهدة الصداقة للفترة 2025-2029", "معاهدة الصداقة"),
    ("ووقعت طاجيكستان والصين بروتوكولا بشأن تعديل اتفاقية التعاون الجمركي.",
     "بروتوكولا بشأن تعديل اتفاقية التعاون الجمركي", "اتفاقية التعاون الجمركي"),
    ("واعتمد الاجتماع خطة العمل لتنفيذ معاهدة حسن الجوار طويلة الأمد للفترة 2018-2022.",
     "خطة العمل لتنفيذ معاهدة حسن الجوار طويلة الأمد للفترة 2018-2022", "معاهدة حسن الجوار طويلة الأمد"),
    ("وتوصل الجانبان إلى اتفاق بشأن تمديد عقد توريد الغاز الطبيعي.",
     "اتفاق بشأن تمديد عقد توريد الغاز الطبيعي", None),  # عقد توريد: no contract named alone
]


@pytest.mark.parametrize("text, outer, inner", INSIDE)
def test_a_document_about_another_names_both(extractor, text, outer, inner):
    found = agreement_forms(extractor, text)
    assert any(scoring_key(outer) in forms for forms in found), found
    assert len(found) == 1 + (inner is not None), found
    assert inner is None or any(scoring_key(inner) in forms for forms in found), found


# -- who signs: (sentence, the signers) -----------------------------------------------------------
SIGNED = [
    ("وقعت الصين وكازاخستان اتفاقية لتطوير النقل متعدد الوسائط.", ("الصين", "كازاخستان")),
    ("أستانا 3 يونيو 2024 (شينخوا) وقعت الصين وكازاخستان اليوم اتفاقية بشأن التعاون الجمركي.",
     ("الصين", "كازاخستان")),  # the dateline's city signs nothing
    ("الصين وأوزبكستان توقعان اتفاقية للتعاون في مجال الطاقة الخضراء.", ("الصين", "أوزبكستان")),
    ("تم توقيع اتفاقية بين تركمانستان والصين بشأن توريد الغاز الطبيعي.", ("تركمانستان", "الصين")),
    ("وأبرمت الصين وطاجيكستان اتفاقا بشأن ترسيم الحدود.", ("الصين", "طاجيكستان")),
    ("وشهدت الزيارة إبرام اتفاقية للتعاون الأمني بين الصين وقرغيزستان.", ("الصين", "قرغيزستان")),
    ("ووقعت الصين وكازاخستان وقرغيزستان وأوزبكستان اتفاقية بشأن النقل الدولي للبضائع.",
     ("الصين", "كازاخستان", "قرغيزستان", "أوزبكستان")),
    ("ووقع الجانبان الصيني والتركماني مذكرة تفاهم بشأن التعاون في مجال الصحة.", ("الصين", "تركمانستان")),
    ("وأقيمت مراسم التوقيع على مذكرة تفاهم بين الصين وتركمانستان في عشق أباد.", ("الصين", "تركمانستان")),
    ("وقد وقعت أوزبكستان والصين على اتفاقية لإنشاء منطقة صناعية مشتركة.", ("أوزبكستان", "الصين")),
    ("ووقعت روسيا والصين اليوم الثلاثاء في موسكو اتفاقا بشأن التعاون في مجال الفضاء.", ("روسيا", "الصين")),
    ("ووقع الرئيس الصيني شي جين بينغ والرئيس القرغيزي صدر جباروف على معاهدة الصداقة الدائمة.",
     ("شي جين بينغ", "صدير جاباروف", "الصين", "قرغيزستان")),  # leaders sign, and so their countries
    ("ووقعت وزارة الطاقة الكازاخستانية مع شركة هواوي اتفاقية لبناء مركز للبيانات.",
     ("وزارة الطاقة الكازاخستانية", "شركة هواوي")),
    ("ووقعت الشركة الصينية الوطنية للبترول وشركة كازمونايغاز اتفاقية لتوسيع خط الأنابيب.",
     ("مؤسسة البترول الوطنية الصينية", "كازمونايغاز")),  # (CNPC by another name) the second body's head outside its name
    ("ووقعت شركة الصين للهندسة المعمارية عقدا مع الحكومة القيرغيزية لبناء طريق سريع يربط بين بيشكيك وأوش.",
     ("شركة الصين للهندسة المعمارية", "قيرغيزستان")),
]


@pytest.mark.parametrize("text, parties", SIGNED)
def test_the_signers_are_who_the_sentence_says(extractor, known, text, parties):
    assert signers(extractor, text) == ids(known, *parties)


# -- negatives: no document, or nobody signs ------------------------------------------------------
NO_DOCUMENT = [
    "عقد الرئيسان محادثات في قصر الشعب.",  # عقد: held
    "وتربط البلدين علاقات وثيقة في مجالات عديدة.",  # وثيقة: close
    "واتفق الجانبان على تعزيز التعاون في مجال الطاقة.",  # agreed, no document
    "وأصدرت وزارة الخارجية بيانا أدانت فيه الهجوم.",  # a statement of one side
    "ووضعت الحكومة خطة لتطوير الزراعة.",  # a plan talked of, no years, nothing signed
    "وأكد الرئيس أهمية الشراكة الاستراتيجية بين البلدين.",
    "وعقدت اللجنة الحكومية المشتركة دورتها الخامسة في بكين.",
    "وتوصل الجانبان إلى اتفاق نهائي.",  # a vague adjective names nothing
    "وأعرب الوزير عن ارتياحه لإعلان الحكومة عن خطط جديدة.",  # إعلان: announcing
    "وتربط البلدين العلاقات الوثيقة بين الشعبين.",
]


@pytest.mark.parametrize("text", [
    "ووقع البلدان اتفاقية للتعاون الزراعي ثم عقد الرئيسان محادثات.",
    "وبعد أن وقعت الحكومة اتفاقية للتعاون، عقد المسؤولون اجتماعات مع الشركات.",
])
def test_held_after_a_signed_document_is_no_contract(extractor, text):
    (forms,) = agreement_forms(extractor, text)  # the document signed, and no "contract" after it
    assert not any(f.startswith("عقد") for f in forms), forms


def test_a_name_stops_before_a_clause_on_the_document(extractor):
    for text, label in [
        ("ووقع البلدان اتفاقية للتعاون الزراعي لها أهمية كبيرة.", "اتفاقية للتعاون الزراعي"),  # لها: which has
        ("وقالت الوزارة إن الاتفاقية الكازاخستانية الصينية لتجنب الازدواج الضريبي دخلت حيز التنفيذ.",
         "الاتفاقية الكازاخستانية الصينية لتجنب الازدواج الضريبي"),  # دخلت: a verb of the past
    ]:
        labels = [m.entity.label_ar for m in extracted(extractor, text).mentions if m.entity.type == "Agreement"]
        assert labels == [label], labels


@pytest.mark.parametrize("text", NO_DOCUMENT)
def test_no_document_where_the_words_name_none(extractor, text):
    assert agreement_forms(extractor, text) == []


NOBODY_SIGNS = [
    "ووقع انفجار قرب الحدود بين الصين وقرغيزستان.",  # وقع: happened
    "ووقع الاختيار على مدينة شيآن لاستضافة القمة بين الصين وكازاخستان.",  # the choice fell on
    "وناقش البلدان الصين وطاجيكستان مسودة اتفاقية بشأن النقل البري.",  # discussed
    "ووقعت الحادثة في منطقة حدودية بين الصين وطاجيكستان.",
    "ورفضت تركمانستان التوقيع على اتفاقية بشأن تقاسم مياه الأنهار مع أفغانستان.",  # refused
    "ولم توقع الصين وتركمانستان الاتفاقية بشأن الغاز.",  # not signed
]


@pytest.mark.parametrize("text", NOBODY_SIGNS)
def test_nobody_signs_what_the_sentence_does_not_sign(extractor, text):
    assert signers(extractor, text) == set()
