"""A second probe of projects and ``builds``, written with fresh eyes (round 2) before reading the
first probe set: sentences written for this test in the style of Xinhua / People's Daily Arabic
wire copy (not taken from the seeds or the real set). Who builds what, as wire copy says it: state
companies with long Arabic names and Latin names, a company "of" a group, banks that finance,
governments that contract, joint ventures, works carried out / implemented / under construction
by, handed over, completed, put into operation, the builder named in the sentence before, several
works in one sentence, relative clauses and headlines. Negatives: plans, talks, studies, calls,
hopes, proposals, refusals, a negated start, visits and inspections, a news agency that reports."""
from __future__ import annotations

import pytest

from silkgraph.graph.evaluate import scoring_key
from silkgraph.records import Article


def extracted(extractor, text: str):
    return extractor.extract(Article("probe2", text))


def node_forms(result) -> dict[str, set[str]]:
    """Entity id -> every form it is known by in the article (labels, surfaces, aliases), scored keys."""
    forms: dict[str, set[str]] = {}
    for m in result.mentions:
        forms.setdefault(m.entity.id, set()).update(
            scoring_key(f) for f in (m.text, m.entity.label_ar, m.entity.label_en, *m.aliases) if f)
    return forms


def builds_pairs(extractor, text: str) -> list[tuple[set[str], set[str]]]:
    """(builder forms, work forms) of every ``builds`` relation of the text."""
    result = extracted(extractor, text)
    forms = node_forms(result)

    def of(entity):
        return forms.get(entity.id, set()) | {scoring_key(f) for f in (entity.label_ar, entity.label_en) if f}

    return [(of(r.source), of(r.target)) for r in result.relations if r.type == "builds"]


def work_forms(extractor, text: str) -> list[set[str]]:
    """The forms of each Project or Corridor node of the text."""
    result = extracted(extractor, text)
    forms = node_forms(result)
    return [forms[m.entity.id] for m in result.mentions if m.entity.type in ("Project", "Corridor")]


def one_of(*forms: str) -> set[str]:
    return {scoring_key(f) for f in forms}


# -- (sentence, the builder's form, the work's acceptable forms) --------------------------------
BUILDS = [
    # a company with a long Arabic name, VSO perfect with قام بـ + masdar
    ("وقامت شركة سينوهيدرو الصينية ببناء محطة كامبار آتا للطاقة الكهرومائية في قرغيزستان.",
     "شركة سينوهيدرو الصينية", ("محطة كامبار آتا للطاقة الكهرومائية",)),
    # نفذ + a bracketed Latin name after the Arabic one
    ("ونفذت مجموعة الصين لهندسة الطاقة (Energy China) مشروع محطة نوراباد للطاقة الشمسية بقدرة 100 ميغاواط.",
     "مجموعة الصين لهندسة الطاقة", ("مشروع محطة نوراباد للطاقة الشمسية", "محطة نوراباد للطاقة الشمسية")),
    # passive masdar with تم + من قبل
    ("وتم تنفيذ مشروع مصنع الإسمنت في خجند من قبل شركة هواشين الصينية.",
     "شركة هواشين الصينية", ("مشروع مصنع الإسمنت في خجند", "مصنع الإسمنت في خجند", "مصنع الإسمنت")),
    # يجري + masdar + على يد
    ("ويجري بناء محطة الطاقة الحرارية الجديدة في بيشكيك على يد شركة تبيان الصينية للأجهزة الكهربائية.",
     "شركة تبيان الصينية للأجهزة الكهربائية", ("محطة الطاقة الحرارية الجديدة في بيشكيك", "محطة الطاقة الحرارية")),
    # أنجز, a company whose name ends with a bracketed short form
    ("وأنجزت شركة البترول الوطنية الصينية (سي إن بي سي) مصنع معالجة الغاز في حقل غالكينيش.",
     "شركة البترول الوطنية الصينية", ("مصنع معالجة الغاز في حقل غالكينيش", "مصنع معالجة الغاز")),
    # handed over (سلم) with the receiver between the verb and the work
    ("وسلمت شركة الصين للهندسة المدنية والإنشاءات الجانب الأوزبكي نفق كامتشيك للسكك الحديدية.",
     "شركة الصين للهندسة المدنية والإنشاءات", ("نفق كامتشيك للسكك الحديدية", "نفق كامتشيك")),
    # relative clause التي شيدتها, the work first
    ("ودخلت محطة دوشنبه للطاقة الشمسية، التي شيدتها شركة تي بي إي إيه الصينية، حيز التشغيل أمس.",
     "شركة تي بي إي إيه الصينية", ("محطة دوشنبه للطاقة الشمسية",)),
    # China finances a work (a loan)
    ("ومولت الصين مشروع محطة دوشنبه-2 للطاقة الحرارية بقرض قيمته 349 مليون دولار.",
     "الصين", ("مشروع محطة دوشنبه-2 للطاقة الحرارية", "محطة دوشنبه-2 للطاقة الحرارية")),
    # a bank that finances the building
    ("وقدم بنك التصدير والاستيراد الصيني قرضا لتمويل بناء مصنع الألومنيوم في طاجيكستان.",
     "بنك التصدير والاستيراد الصيني", ("مصنع الألومنيوم في طاجيكستان", "مصنع الألومنيوم")),
    # بتمويل من + a passive perfect, the work before
    ("وافتتحت أمس محطة ضخ المياه في خجند التي بنيت بتمويل من بنك التنمية الصيني.",
     "بنك التنمية الصيني", ("محطة ضخ المياه في خجند", "محطة ضخ المياه")),
    # a government contracts a company to build
    ("وكلفت الحكومة القرغيزية شركة الصين للهندسة الكهربائية ببناء خط نقل الكهرباء داتكا-كيمين.",
     "شركة الصين للهندسة الكهربائية", ("خط نقل الكهرباء داتكا-كيمين", "خط نقل الكهرباء داتكا كيمين")),
    # a contract signed with a company to build the work
    ("ووقعت وزارة النقل الكازاخستانية عقدا مع شركة الصين للطرق والجسور لبناء جسر إرتيش الجديد.",
     "شركة الصين للطرق والجسور", ("جسر إرتيش الجديد", "جسر إرتيش")),
    # a joint venture of two companies
    ("وأقامت مجموعة سيتيك الصينية وشركة كازمونايغاز مشروعا مشتركا لبناء مصفاة بافلودار.",
     "مجموعة سيتيك الصينية", ("مصفاة بافلودار",)),
    ("وأقامت مجموعة سيتيك الصينية وشركة كازمونايغاز مشروعا مشتركا لبناء مصفاة بافلودار.",
     "شركة كازمونايغاز", ("مصفاة بافلودار",)),
    # several works in one sentence
    ("وبنت الصين في طاجيكستان محطة دوشنبه-2 للطاقة الحرارية ونفق شهرستان.",
     "الصين", ("محطة دوشنبه-2 للطاقة الحرارية",)),
    ("وبنت الصين في طاجيكستان محطة دوشنبه-2 للطاقة الحرارية ونفق شهرستان.",
     "الصين", ("نفق شهرستان",)),
    # the builder named by its short form in the next sentence
    ("وفازت شركة باور تشاينا بعقد المشروع الجديد. وستقوم الشركة ببناء محطة يافان للطاقة الكهرومائية.",
     "شركة باور تشاينا", ("محطة يافان للطاقة الكهرومائية",)),
    # headline, SVO imperfect
    ("مجموعة باور تشاينا تنجز محطة سمرقند للطاقة الشمسية",
     "مجموعة باور تشاينا", ("محطة سمرقند للطاقة الشمسية",)),
    # in a quote (قال … إن)
    ("وقال وزير الطاقة الأوزبكي إن شركة سينوهيدرو أنهت بناء سد بسكم للطاقة الكهرومائية.",
     "شركة سينوهيدرو", ("سد بسكم للطاقة الكهرومائية", "سد بسكم")),
    # تقوم حاليا بـ + masdar, an indefinite work with its capacity
    ("وتقوم شركة سينوما الصينية حاليا بإنشاء مصنع للإسمنت بطاقة مليون طن سنويا في ولاية سمرقند.",
     "شركة سينوما الصينية", ("مصنع للإسمنت بطاقة مليون طن سنويا", "مصنع للإسمنت بطاقة مليون طن", "مصنع للإسمنت")),
    # an accusative indefinite work and a value written out
    ("وشيدت شركة تشاينا إلكتريك مصنعا لتجميع المحولات بكلفة ثلاثين مليون دولار في طشقند.",
     "شركة تشاينا إلكتريك", ("مصنعا لتجميع المحولات", "مصنع لتجميع المحولات")),
    # put into operation, the builder in a relative clause
    ("وبدأ تشغيل محطة إيسيك كول للطاقة الشمسية التي أنشأتها مجموعة داتانغ الصينية.",
     "مجموعة داتانغ الصينية", ("محطة إيسيك كول للطاقة الشمسية",)),
    # a company of a group
    ("وأنجزت شركة الصين لهندسة الموانئ التابعة لمجموعة الصين للاتصالات والإنشاءات ميناء خورغوس الجاف.",
     "شركة الصين لهندسة الموانئ", ("ميناء خورغوس الجاف",)),
    # the nominal sentence "X is built by Y"
    ("ومشروع مجمع أنغرين الصناعي من تنفيذ شركة الصين الوطنية للمواد الكيميائية.",
     "شركة الصين الوطنية للمواد الكيميائية", ("مشروع مجمع أنغرين الصناعي", "مجمع أنغرين الصناعي")),
    # شرع في + masdar, feminine plural company subject
    ("وشرعت شركة هواوي في تشييد مركز البيانات الإقليمي في طشقند.",
     "شركة هواوي", ("مركز البيانات الإقليمي في طشقند", "مركز البيانات الإقليمي")),
    # future, سوف
    ("وسوف تبني شركة الصين للسكك الحديدية محطة القطارات الجديدة في مدينة أوش.",
     "شركة الصين للسكك الحديدية", ("محطة القطارات الجديدة في مدينة أوش", "محطة القطارات الجديدة")),
    # a quoted project name
    ("واستكملت مجموعة الصين لأنفاق السكك الحديدية أعمال حفر نفق «قمتشيق» في أوزبكستان.",
     "مجموعة الصين لأنفاق السكك الحديدية", ("نفق «قمتشيق»", "نفق قمتشيق", "قمتشيق")),
    # مرحلة / المرحلة الثانية من
    ("وأطلقت الشركة الصينية للطرق والجسور المرحلة الثانية من مشروع الطريق الدائري حول طشقند.",
     "الشركة الصينية للطرق والجسور", ("مشروع الطريق الدائري حول طشقند", "الطريق الدائري حول طشقند")),
    # يتولى + masdar
    ("وتتولى شركة زيجين للتعدين تطوير منجم تالدي بولاك للذهب في قرغيزستان.",
     "شركة زيجين للتعدين", ("منجم تالدي بولاك للذهب", "منجم تالدي بولاك")),
    # a company with its nationality after الصينية, accusative, the work a refinery
    ("وحدّثت شركة سينوبك الصينية مصفاة شيمكنت للنفط بتكلفة ملياري دولار.",
     "شركة سينوبك الصينية", ("مصفاة شيمكنت للنفط",)),
    # the builder after a participle: المنفذة
    ("وقال مدير مشروع محطة أنغرين للطاقة الحرارية إن الشركة المنفذة هي شركة الصين للطاقة الكهربائية.",
     "شركة الصين للطاقة الكهربائية", ("مشروع محطة أنغرين للطاقة الحرارية", "محطة أنغرين للطاقة الحرارية")),
    # "completed" with the passive and بواسطة
    ("واكتمل إنشاء جسر الصداقة على نهر بنج بواسطة شركة الصين للجسور الكبرى.",
     "شركة الصين للجسور الكبرى", ("جسر الصداقة على نهر بنج", "جسر الصداقة")),
    # a country and its ministry (the government builds)
    ("وبدأت الحكومة الأوزبكية بناء محطة نوائي للطاقة الشمسية بالتعاون مع شركة ماسدار.",
     "شركة ماسدار", ("محطة نوائي للطاقة الشمسية",)),
    # وضع حجر الأساس
    ("ووضعت شركة الصين للطاقة النووية حجر الأساس لمحطة الطاقة الشمسية في منطقة جامبيل.",
     "شركة الصين للطاقة النووية", ("محطة الطاقة الشمسية في منطقة جامبيل", "محطة الطاقة الشمسية")),
    # افتتحت, a city company after "X's company"
    ("وافتتحت شركة ليويانغ التابعة لمقاطعة هونان مصنع الجلود في منطقة أنديجان.",
     "شركة ليويانغ", ("مصنع الجلود في منطقة أنديجان", "مصنع الجلود")),
    # a Latin-only company name
    ("ونفذت شركة China Road and Bridge Corporation مشروع طريق بيشكيك-نارين-توروغارت.",
     "China Road and Bridge Corporation", ("مشروع طريق بيشكيك-نارين-توروغارت", "طريق بيشكيك-نارين-توروغارت",
                                           "طريق بيشكيك نارين توروغارت")),
    # an intention is a future (as round 1's probes have it), unlike a plan or a hope below
    ("وتعتزم مجموعة داتانغ الصينية إنشاء محطة للطاقة الريحية في كازاخستان.",
     "مجموعة داتانغ الصينية", ("محطة للطاقة الريحية في كازاخستان",)),
    # -- a second batch, written after the first fixes (3 of these 20 failed then) --
    # a contractor's role after a pronoun (وهي المقاول العام لـ …)
    ("وتنفذ المشروع شركة الصين للطاقة الكهرومائية، وهي المقاول العام لمحطة كامبار آتا للطاقة الكهرومائية.",
     "شركة الصين للطاقة الكهرومائية", ("محطة كامبار آتا للطاقة الكهرومائية",)),
    # the general contractor after the name (X المقاول العام لمشروع …)
    ("وتعد شركة سينوهيدرو المقاول العام لمشروع سد روغون.",
     "شركة سينوهيدرو", ("مشروع سد روغون", "سد روغون")),
    # a pronoun on the verb, the work in the clause before
    ("ويبلغ طول نفق شهرستان خمسة كيلومترات، وقد نفذته شركة الصين للطرق والجسور.",
     "شركة الصين للطرق والجسور", ("نفق شهرستان",)),
    # won the tender to build (فاز بمناقصة بناء …)
    ("وفازت مجموعة الصين للطاقة الكهربائية بمناقصة بناء محطة نوراباد للطاقة الشمسية.",
     "مجموعة الصين للطاقة الكهربائية", ("محطة نوراباد للطاقة الشمسية",)),
    # helped build (ساعد في بناء)
    ("وساعدت الصين في بناء محطة دوشنبه-2 للطاقة الحرارية.",
     "الصين", ("محطة دوشنبه-2 للطاقة الحرارية",)),
    # took part in building (شارك في إنشاء)
    ("وشاركت شركة هواوي في إنشاء مركز البيانات الوطني في بيشكيك.",
     "شركة هواوي", ("مركز البيانات الوطني في بيشكيك", "مركز البيانات الوطني")),
    # built with Chinese finance (بتمويل صيني)
    ("وبنيت محطة أنغرين للطاقة الحرارية بتمويل صيني.",
     "الصين", ("محطة أنغرين للطاقة الحرارية",)),
    # invested in a work
    ("واستثمرت الصين ثلاثة مليارات دولار في مصفاة شيمكنت للنفط.",
     "الصين", ("مصفاة شيمكنت للنفط",)),
    # in a quote with أنها
    ("وأكدت شركة تبيان الصينية أنها أنجزت محطة دوشنبه-2 للطاقة الحرارية قبل الموعد المحدد.",
     "شركة تبيان الصينية", ("محطة دوشنبه-2 للطاقة الحرارية",)),
    # a relative clause inside the subject
    ("وتتولى شركة الصين للطرق والجسور، التي بنت طريق دوشنبه-تشاناك، تنفيذ مشروع جسر بنج.",
     "شركة الصين للطرق والجسور", ("مشروع جسر بنج", "جسر بنج")),
    # two companies of a consortium, a dual relative
    ("ويضم التحالف شركتي سينوهيدرو وباور تشاينا اللتين تبنيان سد روغون.",
     "سينوهيدرو", ("سد روغون",)),
    # a bank finances the building with a loan
    ("وموّل بنك التنمية الصيني بناء مصنع الإسمنت في ولاية جيزاخ بقرض قيمته 100 مليون دولار.",
     "بنك التنمية الصيني", ("مصنع الإسمنت في ولاية جيزاخ", "مصنع الإسمنت")),
    # announced the completion of building
    ("وأعلنت شركة تشاينا إنرجي عن اكتمال بناء محطة طاقة الرياح في منطقة جامبيل.",
     "شركة تشاينا إنرجي", ("محطة طاقة الرياح في منطقة جامبيل", "محطة طاقة الرياح")),
    # the builder in the second clause of a nominal sentence
    ("وتقع المنطقة الصناعية الصينية الطاجيكية في دانغارا، وقد أنشأتها شركة تشونغ تشوانغ الصينية.",
     "شركة تشونغ تشوانغ الصينية", ("المنطقة الصناعية الصينية الطاجيكية",)),
    # in a quote, a future light verb (ستتولى)
    ("وقالت وزارة الطاقة الأوزبكية إن شركة سينوهيدرو ستتولى بناء محطة بسكم للطاقة الكهرومائية.",
     "شركة سينوهيدرو", ("محطة بسكم للطاقة الكهرومائية",)),
    # a pluperfect (كانت … قد افتتحت)
    ("وكانت شركة كوسكو الصينية للشحن قد افتتحت الميناء الجاف في خورغوس عام 2017.",
     "شركة كوسكو الصينية للشحن", ("الميناء الجاف في خورغوس", "الميناء الجاف")),
    # the builder in a relative clause after the work
    ("ويعمل أكثر من ألف عامل صيني في بناء محطة كاراسو التي تشيدها شركة تي بي إي إيه.",
     "شركة تي بي إي إيه", ("محطة كاراسو",)),
    # a relative clause after a comma, investment
    ("وتم تدشين مصنع هواشين للإسمنت، الذي شيدته مجموعة هواشين الصينية باستثمارات بلغت 150 مليون دولار.",
     "مجموعة هواشين الصينية", ("مصنع هواشين للإسمنت",)),
    # a government gives a company a contract
    ("ومنحت الحكومة الكازاخستانية شركة سيتيك عقدا لتحديث مصفاة بافلودار.",
     "شركة سيتيك", ("مصفاة بافلودار",)),
    # supervises the building of
    ("وتشرف شركة الصين للهندسة الكهربائية على إنشاء خط السكة الحديد أنغرين-باب.",
     "شركة الصين للهندسة الكهربائية", ("خط السكة الحديد أنغرين-باب",)),
    # -- a third batch, written after the second batch's fixes (5 of these 15 failed then) --
    # two companies after a dual head in a relative clause: the second
    ("وزار الوفد محطة كاراسو للطاقة الشمسية التي تنفذها شركتا باور تشاينا وسينوهيدرو.",
     "سينوهيدرو", ("محطة كاراسو للطاقة الشمسية",)),
    # the first of the two
    ("وزار الوفد محطة كاراسو للطاقة الشمسية التي تنفذها شركتا باور تشاينا وسينوهيدرو.",
     "باور تشاينا", ("محطة كاراسو للطاقة الشمسية",)),
    # a company suffix (المحدودة)
    ("وبنت شركة شينجيانغ للطاقة المحدودة محطة أوش للطاقة الحرارية.",
     "شركة شينجيانغ للطاقة المحدودة", ("محطة أوش للطاقة الحرارية",)),
    # a holding company (القابضة), تولى + masdar
    ("وتولت شركة الصين للاتصالات والإنشاءات القابضة تنفيذ مشروع ميناء كوريك.",
     "شركة الصين للاتصالات والإنشاءات القابضة", ("مشروع ميناء كوريك", "ميناء كوريك")),
    # a quoted company name with its nisba
    ("وأنشأت شركة «جيانغسو هوايانغ» الصينية مصنع الغزل في منطقة بخارى.",
     "شركة «جيانغسو هوايانغ» الصينية", ("مصنع الغزل في منطقة بخارى", "مصنع الغزل")),
    # a branch of a known company acts for it
    ("ونفذ فرع شركة هواوي في كازاخستان مشروع مركز البيانات في أستانا.",
     "هواوي", ("مشروع مركز البيانات في أستانا", "مركز البيانات في أستانا", "مركز البيانات")),
    # a partner after بالتعاون مع builds too
    ("وبنت شركة الصين للطرق والجسور بالتعاون مع شركة كازاخ أفتوجول طريق ألماتي-خورغوس السريع.",
     "شركة كازاخ أفتوجول", ("طريق ألماتي-خورغوس السريع",)),
    # a company named by spelled letters
    ("وشيدت شركة زد تي إي الصينية محطة الاتصالات الجديدة في بيشكيك.",
     "شركة زد تي إي الصينية", ("محطة الاتصالات الجديدة في بيشكيك", "محطة الاتصالات الجديدة")),
    # من قبل and a long name with المحدودة
    ("وتم إنجاز محطة دوشنبه-2 للطاقة الحرارية من قبل شركة تبيان المحدودة للأجهزة الكهربائية.",
     "شركة تبيان المحدودة للأجهزة الكهربائية", ("محطة دوشنبه-2 للطاقة الحرارية",)),
    # in a quote, a future with أنها
    ("وأعلنت مجموعة سينوماك القابضة أنها ستبني مصنعا للأسمدة في تركمانستان.",
     "مجموعة سينوماك القابضة", ("مصنعا للأسمدة في تركمانستان", "مصنع للأسمدة في تركمانستان", "مصنع للأسمدة")),
    # تعمل على بناء
    ("وتعمل شركة الصين الوطنية للهندسة الكيميائية على بناء مجمع كاراكول للبتروكيماويات.",
     "شركة الصين الوطنية للهندسة الكيميائية", ("مجمع كاراكول للبتروكيماويات",)),
    # a development finance body finances
    ("وتمول مؤسسة التمويل الصينية للتنمية مشروع سد كامبار آتا.",
     "مؤسسة التمويل الصينية للتنمية", ("مشروع سد كامبار آتا", "سد كامبار آتا")),
    # a signed agreement to build: both parties build
    ("ووقعت شركة أوزبكنفتغاز وشركة البترول الوطنية الصينية اتفاقية لبناء مصنع معالجة الغاز في كانديم.",
     "شركة البترول الوطنية الصينية", ("مصنع معالجة الغاز في كانديم", "مصنع معالجة الغاز")),
    # two companies as the subject of قام بـ
    ("وقامت شركة الصين للهندسة الكهربائية ومجموعة تي بي إي ببناء محطة بشكيك-1.",
     "شركة الصين للهندسة الكهربائية", ("محطة بشكيك-1",)),
    # a country builds a car plant
    ("وأنشأت الصين مصنع ليفان للسيارات في مدينة أنديجان.",
     "الصين", ("مصنع ليفان للسيارات",)),
    # -- a fourth batch, on money and help (3 of these 12 failed when written) --
    # a grant to build (منحة لبناء)
    ("وقدمت الصين منحة لبناء مستشفى الصداقة في دوشنبه.",
     "الصين", ("مستشفى الصداقة في دوشنبه", "مستشفى الصداقة")),
    # built with Chinese money (بأموال صينية)
    ("وتم بناء محطة كاراسو للطاقة الشمسية بأموال صينية.",
     "الصين", ("محطة كاراسو للطاقة الشمسية",)),
    # a nominal sentence: financed by (ممولة من)
    ("ومحطة أنغرين للطاقة الحرارية ممولة من بنك التصدير والاستيراد الصيني.",
     "بنك التصدير والاستيراد الصيني", ("محطة أنغرين للطاقة الحرارية",)),
    # a soft loan after the work's name ends the name
    ("ويجري تنفيذ مشروع نفق شهرستان بقرض ميسر من بنك التصدير والاستيراد الصيني.",
     "بنك التصدير والاستيراد الصيني", ("مشروع نفق شهرستان", "نفق شهرستان")),
    # with the participation of Chinese companies
    ("ويتم بناء مصنع الإسمنت في خجند بمشاركة شركات صينية.",
     "الصين", ("مصنع الإسمنت في خجند", "مصنع الإسمنت")),
    # a relative clause after the work, the country builds
    ("وافتتح الرئيس الأوزبكي محطة نوائي للطاقة الشمسية التي بنتها الصين.",
     "الصين", ("محطة نوائي للطاقة الشمسية",)),
    # in a quote, the builder before a place and the work
    ("وقال الرئيس الطاجيكي إن الصين بنت في بلاده محطة دوشنبه-2 للطاقة الحرارية.",
     "الصين", ("محطة دوشنبه-2 للطاقة الحرارية",)),
    # أن + the work, the builder after the pronoun verb
    ("وأوضح أن محطة دوشنبه-2 للطاقة الحرارية بنتها شركة تبيان.",
     "شركة تبيان", ("محطة دوشنبه-2 للطاقة الحرارية",)),
    # a relative clause in commas, two builders
    ("وتعد محطة كامبار آتا-1 للطاقة الكهرومائية، التي تبنيها روسيا وقرغيزستان، أكبر مشروع في المنطقة.",
     "روسيا", ("محطة كامبار آتا-1 للطاقة الكهرومائية",)),
    # a fund finances an unnamed work with a capacity
    ("وستقام محطة للطاقة الشمسية بقدرة 200 ميغاواط في ولاية سمرقند بتمويل من صندوق طريق الحرير.",
     "صندوق طريق الحرير", ("محطة للطاقة الشمسية بقدرة 200 ميغاواط",)),
    # two unknown companies coordinated with و, a dual work
    ("وستشيد شركة سينوهيدرو وشركة باور تشاينا محطتين للطاقة الكهرومائية على نهر نارين.",
     "شركة سينوهيدرو", ("محطتين للطاقة الكهرومائية على نهر نارين", "محطتين للطاقة الكهرومائية")),
    # a phase of the work after the company's name is no part of the name
    ("وأنجزت شركة تبيان المرحلة الأولى من محطة دوشنبه-2 للطاقة الحرارية.",
     "شركة تبيان", ("محطة دوشنبه-2 للطاقة الحرارية",)),
    # two countries lay the foundation stone together
    ("ووضعت الصين وقرغيزستان حجر الأساس لمحطة بيشكيك للطاقة الحرارية.",
     "الصين", ("محطة بيشكيك للطاقة الحرارية",)),
    ("ووضعت الصين وقرغيزستان حجر الأساس لمحطة بيشكيك للطاقة الحرارية.",
     "قرغيزستان", ("محطة بيشكيك للطاقة الحرارية",)),
]

# -- sentences that must give no builds relation -------------------------------------------------
NO_BUILDS = [
    # talks, studies, feasibility
    "وبحث الجانبان إمكانية بناء محطة جديدة للطاقة الكهرومائية على نهر نارين.",
    "وتدرس الحكومة الكازاخستانية خطة لإنشاء محطة للطاقة النووية قرب بحيرة بلخاش.",
    "وناقش المنتدى دراسة جدوى لمشروع محطة روغون للطاقة الكهرومائية.",
    # calls, hopes, proposals
    "ودعا الرئيس القرغيزي الشركات الصينية إلى بناء مصانع في المنطقة الحرة في بيشكيك.",
    "وأعرب رئيس الوزراء الطاجيكي عن أمله في أن تبني الصين مصفاة جديدة في دوشنبه.",
    "واقترحت أوزبكستان على شركة هواوي إنشاء مركز للبيانات في طشقند.",
    # plans
    "وتخطط شركة باور تشاينا لبناء محطة للطاقة الشمسية في منطقة نمنغان.",
    # refusal, negation
    "ورفضت الحكومة القرغيزية عرض شركة الصين للطرق والجسور لبناء محطة الفحم.",
    "ولم تبدأ شركة سينوهيدرو بعد أعمال بناء سد روغون.",
    # inspections and visits
    "وتفقد الرئيس الطاجيكي إمام علي رحمن محطة دوشنبه-2 للطاقة الحرارية.",
    "وزار وفد من شركة هواوي مصنع الإسمنت في خجند.",
    # talks about a project someone else built, the reporter is not the builder
    "وذكرت وكالة أنباء شينخوا أن محطة نورك للطاقة الكهرومائية تنتج نصف كهرباء طاجيكستان.",
    # a meeting with a company is not a building
    "والتقى الرئيس الأوزبكي شوكت ميرضيائيف رئيس مجلس إدارة شركة سينوبك الصينية.",
    # a company's profit, a workshop
    "وأعلنت شركة البترول الوطنية الصينية ارتفاع أرباحها في آسيا الوسطى.",
    "ورحب وزير الخارجية الكازاخستاني بمشاركة الشركات الصينية في مشروعات البنية التحتية.",
    "وتأمل الحكومة الطاجيكية أن تسهم الصين في تمويل محطة روغون للطاقة الكهرومائية.",
    # support alone is no building (as tests/test_extract_builds.py has it)
    "وأنشئت المنطقة الصناعية في جيزاخ بدعم من الصين.",
]

# -- (sentence, acceptable forms of a Project node it must give) ---------------------------------
PROJECTS = [
    # a direction between the name and what the work is for (added after the third batch)
    ("وافتتحت محطة خورغوس الشرقية للسكك الحديدية أمام الشحن.", ("محطة خورغوس الشرقية للسكك الحديدية",)),
    ("وتزود محطة أوش الشمالية للطاقة الحرارية المدينة بالكهرباء.", ("محطة أوش الشمالية للطاقة الحرارية",)),
    ("ودخل مصنع كاشكاداريا لمعالجة الغاز مرحلة التشغيل التجريبي.", ("مصنع كاشكاداريا لمعالجة الغاز",)),
    ("وتم وضع حجر الأساس لمجمع «أنغرين» الصناعي للفحم.",
     ("مجمع «أنغرين» الصناعي للفحم", "مجمع أنغرين الصناعي للفحم", "أنغرين")),
    ("وبلغت طاقة محطة نورك للطاقة الكهرومائية 3000 ميغاواط.", ("محطة نورك للطاقة الكهرومائية",)),
    ("واستقبل ميناء أكتاو البحري أول قطار حاويات من الصين.", ("ميناء أكتاو البحري", "ميناء أكتاو")),
    ("وتضم المنطقة الصناعية الصينية في جيزاخ خمسين مصنعا.",
     ("المنطقة الصناعية الصينية في جيزاخ", "المنطقة الصناعية الصينية")),
    ("وبدأ العمل في منجم كومتور للذهب منذ عام 1997.", ("منجم كومتور للذهب", "منجم كومتور")),
    ("ويعد سد روغون أعلى سد في العالم.", ("سد روغون",)),
    ("وافتتح مجمع الصناعات النسيجية «بنغ شنغ» في سيرداريا.",
     ("مجمع الصناعات النسيجية «بنغ شنغ»", "مجمع الصناعات النسيجية بنغ شنغ", "بنغ شنغ")),
]


def short(value) -> str:
    return str(value)[:40].rstrip()


# Probes that failed when this set was written and are not fixed yet: (test, the sentence's first
# 40 characters[, the builder when one sentence has two rows]). Strict, so a probe that starts to pass says so and leaves this list.
GAPS = {
    ("builder_builds_work", "وستشيد شركة سينوهيدرو وشركة باور تشاينا"),  # two companies read as one; محطتين unnamed
    ("built_work_is_an_entity", "وستشيد شركة سينوهيدرو وشركة باور تشاينا"),
    ("builder_builds_work", "وزار الوفد محطة كاراسو للطاقة الشمسية ال", "سينوهيدرو"),  # an unknown second name after a dual head
    ("builder_builds_work", "وبنت شركة الصين للطرق والجسور بالتعاون م"),  # كازاخ أفتوجول read as Kazakhstan
    ("builder_builds_work", "ووقعت شركة أوزبكنفتغاز وشركة البترول الو"),  # مصنع معالجة الغاز في <unknown place>
    ("built_work_is_an_entity", "ووقعت شركة أوزبكنفتغاز وشركة البترول الو"),
    ("builder_builds_work", "وأنجزت شركة البترول الوطنية الصينية (سي"),
    ("builder_builds_work", "وكلفت الحكومة القرغيزية شركة الصين للهند"),
    ("builder_builds_work", "وحدّثت شركة سينوبك الصينية مصفاة شيمكنت"),
    ("project_named", "وتم وضع حجر الأساس لمجمع «أنغرين» الصناع"),
    ("built_work_is_an_entity", "وأنجزت شركة البترول الوطنية الصينية (سي"),
    ("built_work_is_an_entity", "وكلفت الحكومة القرغيزية شركة الصين للهند"),

}


def cases(rows, test: str):
    """The rows as parameters, a known gap marked as a strict expected failure."""
    out = []
    for row in rows:
        text = row if isinstance(row, str) else row[0]
        gap = (test, short(text)) in GAPS or (not isinstance(row, str) and (test, short(text), row[1]) in GAPS)
        marks = [pytest.mark.xfail(strict=True, reason="known gap")] if gap else []
        out.append(pytest.param(*((row,) if isinstance(row, str) else row), marks=marks))
    return out


@pytest.mark.parametrize(("text", "builder", "works"), cases(BUILDS, "builder_builds_work"), ids=short)
def test_builder_builds_work(extractor, text, builder, works):
    pairs = builds_pairs(extractor, text)
    wanted, accepted = scoring_key(builder), one_of(*works)
    assert any(wanted in src and dst & accepted for src, dst in pairs), pairs


@pytest.mark.parametrize("text", cases(NO_BUILDS, "no_builds"), ids=short)
def test_no_builds(extractor, text):
    assert builds_pairs(extractor, text) == []


@pytest.mark.parametrize(("text", "forms"), cases(PROJECTS, "project_named"), ids=short)
def test_project_named(extractor, text, forms):
    accepted = one_of(*forms)
    assert any(found & accepted for found in work_forms(extractor, text)), work_forms(extractor, text)


@pytest.mark.parametrize(("text", "builder", "works"), cases(BUILDS, "built_work_is_an_entity"), ids=short)
def test_built_work_is_an_entity(extractor, text, builder, works):
    """Every built work of the probe is itself a node with a form the annotator would write."""
    accepted = one_of(*works)
    assert any(found & accepted for found in work_forms(extractor, text)), work_forms(extractor, text)
