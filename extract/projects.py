"""Projects for ``silk_patterns``: the rules behind the project heads of ``data/lexicon/heads.tsv``
(issue 8, class 2).

A project is told apart by a quoted or proper name, a number (رقم 2), a capacity or length
(بقدرة 264 ميجاوات، يبلغ طوله 19 كيلومترا), the countries of its nisbas (المنطقة الصناعية الصينية
القرغيزية), or a description and its place (الميناء الجاف في خورغوس، مصنعا للإسمنت في طاجيكستان);
a plural head names one project a place (موانئ أكتاو وكوريك); ``definite`` (مشروع) takes a definite
noun phrase (مشروع المدينة الأولمبية) or a nested project.

A name inside the head (منطقة جيزاخ الصناعية), a head alone referring back and the word lists: see
``silkgraph.extract.infrastructure``; capacities in thousands and millions, purposes in construct,
the first of a kind, quoted names after مشروع, dual heads and a named work's identity (its family
and name, not its capacity): ``silkgraph.extract.project_complements``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.built import NUMBER, Built, slug
from silkgraph.extract.construction_words import construction_words
from silkgraph.extract.doc_state import DOC_SCOPE
from silkgraph.extract.infrastructure import CLOSERS
from silkgraph.extract.project_complements import DASHES, FOUNDING, ProjectComplements
from silkgraph.extract.lexicon import roles, Head
from silkgraph.extract.relation_args import in_words
from silkgraph.extract.surface import clean_surface
from silkgraph.normalize import identity_key, normalize_letters, opens_with, word_key
from silkgraph.records import Entity
from silkgraph.schema import schema

ROLE = roles()
PLACE_TYPES = tuple(schema().edge("located_in").objects)  # where a project may be (في ولاية جيزاخ)
QUOTE_GAP = 3  # definite words describing a work between its head and its quoted name (مجمع الصناعات النسيجية «…»)


class ProjectRules(ProjectComplements):
    """Project rules; see the module docstring. A mixin of ``silkgraph.extract.patterns.PatternMatcher``:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> [(e.text, e.kb_id_) for e in nlp("ستبني الشركة محطة للطاقة الشمسية بقدرة 150 ميجاوات").ents]
    [('محطة للطاقة الشمسية بقدرة 150 ميجاوات', 'project:solar-power-station:150mw')]
    """

    def capacity(self, doc: Doc, i: int) -> tuple[str, str, int]:
        """بقدرة 320 ميجاوات، يبلغ طوله 19 كيلومترا، بـ300 سرير: a plant's capacity or a tunnel's
        length as a key and in English, and where it ends."""
        if i + 1 < len(doc) and self.is_word(doc[i], self.measure_verbs) and (
                self.is_word(doc[i + 1], self.capacity_words) or self.glued_capacity(doc, i + 1)):
            i += 1  # نفق يبلغ طوله 19 كيلومترا، مدرسة تتسع لـ1200 تلميذ
        glued = self.glued_capacity(doc, i)
        letters = normalize_letters(doc[i].text) if glued else ""
        if i >= len(doc) or not (glued or self.is_word(doc[i], self.capacity_words)):
            return "", "", i
        k = i + 1
        if k + 1 < len(doc) and not NUMBER.match(doc[k].text) and NUMBER.match(doc[k + 1].text):
            k += 1  # بقدرة إنتاجية 300
        number, k = (letters[1:], i + 1) if glued else self.scaled_number(doc, k)  # بـ300 سرير؛ بطاقة 5 ملايين طن
        if not number:
            return "", "", i
        for width in (2, 1):
            key = " ".join(t.norm_ for t in doc[k:k + width])
            if k + width <= len(doc) and key in self.lex.modifiers:
                unit = self.lex.modifiers[key]
                return f"{number}{unit.lower()}", f"{number} {unit}", k + width
        return "", "", i  # no unit: a figure of something else (بطاقة 5 ملايين دولار), no capacity

    def glued_capacity(self, doc: Doc, i: int) -> bool:
        """بـ300 سرير: a figure with a preposition glued to it (``capacity_proclitic``)."""
        letters = normalize_letters(doc[i].text) if i < len(doc) else ""
        return letters[:1] in self.lex.words("capacity_proclitic") and NUMBER.match(letters[1:]) is not None

    def glued_purpose(self, doc: Doc, i: int) -> bool:
        """لتجميع السيارات: ل glued to a verbal noun in construct with a definite noun."""
        token = doc[i] if i < len(doc) else None
        return token is not None and i + 1 < len(doc) and opens_with(normalize_letters(token.text), "lam") \
            and len(token.text) > 4 and not self.is_definite(token) and self.is_definite(doc[i + 1]) \
            and doc[i + 1].ent_iob_ != "B" and not self.is_stop(doc[i + 1])

    def descriptors(self, doc: Doc, i: int, definite_head: bool) -> tuple[list[Span], int]:
        """What describes an unnamed project after its head: nisbas (الصينية القرغيزية), a purpose
        (للإسمنت، لتوليد الكهرباء), a complement (مصنع السيارات) and generic adjectives (كبيرة).
        Returns the nisbas and where the description ends."""
        nisbas: list[Span] = []
        j = i
        while j < len(doc) and j - i < 6:
            token = doc[j]
            nisba = self.nisba_at(doc, j)
            if nisba is not None:
                nisbas.append(nisba)
                j = nisba.end
                continue
            if nisbas and token.text in DASHES and self.nisba_at(doc, j + 1) is not None:
                j += 1  # الصينية-الكازاخية: nisbas joined by a dash
                continue
            if token.norm_ in self.lex.ordinals and self.is_definite(token) == definite_head and j > i - 1 \
                    and not self.is_stop(doc[j - 1]) and self.is_generic(token) is False and token.ent_iob_ == "O" \
                    and j + 1 < len(doc) and not doc[j + 1].is_punct:
                j += 1  # معبر حدودي ثالث للسكك …: which of its kind (a word the name stops list too)
                continue
            if self.is_stop(token) or token.ent_iob_ == "B" or self.is_word(token, self.capacity_words) \
                    or (self.match_head(doc, j) is not None and not self.owner_in_construct(doc, j, i, definite_head)):
                break
            letters = normalize_letters(token.text)
            glued_l = opens_with(letters, "lam") and token.norm_ != word_key(token.text)
            if self.is_purpose(token) or (glued_l and j + 1 < len(doc) and self.is_definite(doc[j + 1])):
                j += 1
            elif j == i and not definite_head and self.is_definite(token):
                j += 1  # مصنع السيارات: the head's complement
            elif j == i and not definite_head and j + 1 < len(doc) and self.is_definite(doc[j + 1]) \
                    and not self.has_pronoun(token) and doc[j + 1].ent_iob_ != "B" and not self.is_stop(doc[j + 1]):
                j += 1  # مصنع معالجة النحاس: a verbal noun in construct with what it works on
            elif self.is_generic(token):
                j += 1
                continue
            elif token.norm_ in self.lex.ordinals and self.is_definite(token) == definite_head:
                j += 1  # المحطة النووية الأولى في …: which of its kind, in the head's definiteness
                continue
            else:
                break
            while j < len(doc) and j - i < 6 and self.is_definite(doc[j]) and not self.is_stop(doc[j]) \
                    and doc[j].ent_iob_ != "B" and self.nisba_at(doc, j) is None and self.match_head(doc, j) is None \
                    and not (normalize_letters(doc[j].text).startswith(tuple(self.lex.words("partner_phrase_opener")))
                             and j + 1 < len(doc) and doc[j + 1].norm_ in self.lex.words("partner_word")):
                # a definite word behind a glued preposition before a partner is no complement of the
                # work (مصنع الهواتف [بالشراكة مع …]، [بالتعاون بين …])
                j += 1
            if j < len(doc) and j > i and self.is_word(doc[j - 1], self.lex.words("compound_prefix")) \
                    and not self.is_stop(doc[j]) and doc[j].ent_iob_ == "O":
                j += 1  # مجمع البولي بروبيلين: a product named in two words
        return nisbas, j

    def owner_in_construct(self, doc: Doc, j: int, i: int, definite_head: bool) -> bool:
        """مبنى البرلمان الجديد: right after an indefinite work's head, the definite head of an
        organisation (not of a work) in construct is whose work it is, a description."""
        found = self.match_head(doc, j)
        return j == i and not definite_head and found is not None and self.is_definite(doc[j]) \
            and found[0].type not in (ROLE.project, ROLE.corridor) and found[1] == j + 1

    def build_project(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """A project from its head: known modifiers (الشمسية الكهروضوئية), then a quoted or proper
        name, a number (رقم 2), a purpose (للطاقة) and a capacity (بقدرة 264 ميجاوات); unnamed, a
        description and the place it is in (الميناء الجاف في خورغوس، مصنعا للإسمنت في طاجيكستان).
        A phase before it (المرحلة الرابعة من حقل …) names it too: an alias."""
        built = self.project_from_head(doc, start, head, head_end)
        if built is not None and head.kind_en.lower() in construction_words().kind("built_only") \
                and not (self.being_built(doc, start) or self.founded_after(doc, built.end)):
            return None  # درس في مدرسة فؤاد: a school is a work only where the sentence builds it
        if built is not None:
            built.aliases += self.phase_aliases(doc, built)
        return built

    def phase_aliases(self, doc: Doc, built: Built) -> list[str]:
        """المرحلة الرابعة من حقل …، المرحلة الثانية لمحطة …: the phase and the project, one form."""
        k = built.start - 1
        if k >= 0 and doc[k].norm_ == "من":
            k -= 1
        elif not opens_with(normalize_letters(doc[built.start].text), "lam"):
            return []
        if k >= 0 and (doc[k].norm_ in self.lex.ordinals or NUMBER.match(doc[k].text)):
            k -= 1
        if k < 0 or not self.is_word(doc[k], self.lex.words("phase")):
            return []
        return [clean_surface(doc[k:built.end])[0]]

    def name_aliases(self, doc: Doc, start: int, head: Head, name_start: int, name_end: int, end: int) -> list[str]:
        """The forms news names a project by besides its whole mention: its name alone (غالكينيش،
        Kambar-Ata-1), the head and the name without what follows (محطة «دوشنبه-2»), and with an
        adjective written after it (حقل «كاشاغان» النفطي)."""
        closing = 1 if name_end < len(doc) and doc[name_end].text in CLOSERS else 0
        # the name as written (clean_surface would read «فاخش» as ف + اخش); not a purpose read as a
        # name (مصنع لتجهيزالنحاس)
        bare = doc[name_start:name_end].text
        purpose = not closing and doc[name_start].ent_iob_ == "O" and opens_with(normalize_letters(bare), "lam") \
            and len(bare) > 4
        forms = [] if purpose else [bare]
        forms.append(self.base_form(doc, start, name_end + closing, head))
        after = end
        while after < len(doc) and after - end < 2 and self.is_word(doc[after], self.lex.words("project_adjective")):
            after += 1
        if after > end:
            forms += [self.base_form(doc, start, after, head)]
            if end > name_end + closing:
                forms += [self.base_form(doc, start, name_end + closing, head) + " " + doc[end:after].text]
        if name_start - (1 if closing else 0) > start + 1:  # محطة الطاقة الكهرومائية «روغون»: also محطة «روغون»
            forms.append(f"{self.base_form(doc, start, start + 1, head)} {doc[name_start:name_end].text}")
        whole = self.base_form(doc, start, end, head)
        return [f for f in dict.fromkeys(forms) if f and f != whole]

    def project_from_head(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        english_mods, i = self.modifiers(doc, head_end)
        closing = self.quoted(doc, i)
        described = self.described_before_quote(doc, i)
        if not closing and described > i:  # مجمع الصناعات النسيجية «بنغ شنغ»: what it is, then its name
            i, closing = described, self.quoted(doc, described)
        if closing and head.definite and self.quoted_saying(doc, i + 1, closing - 1):
            return None  # أن المستشفى "هدية من الشعب الصيني": what is said of the work, no name
        if closing:
            name_ents, name_start, name_end, after = [], i + 1, closing - 1, closing
        elif i < len(doc) and (self.is_word(doc[i], self.capacity_words) or self.glued_capacity(doc, i)):
            name_ents, name_start, name_end, after = [], i, i, i
        elif self.glued_purpose(doc, i):  # مصنعا لتجميع السيارات: a purpose, not a name
            return self.build_unnamed_project(doc, start, head, i, english_mods)
        elif any(self.is_word(t, self.lex.words("unnamed_adjective")) for t in doc[head_end:i + 1]) \
                or (not head.definite and i == head_end and self.adjective_after_head(doc, i)):
            # مصنع جديد سيوفر …: no name after an indefinite adjective
            return self.build_unnamed_project(doc, start, head, i, english_mods)
        else:
            name_ents, name_end = self.proper_name(doc, i)
            if not name_ents:
                name_end = self.bare_name_end(doc, i, name_end)  # محطة كاراسو [بقدرة …]، [ستوفر …]
            while name_end > i and name_end < len(doc) and self.is_word(doc[name_end], self.lex.words("name_suffix_word")):
                name_end += 1  # حقل دولت آباد: the second word of a compound name, a word of its own
            if name_end == i:  # متحف أمير تيمور: a work named after someone, by an honorific and a name
                name_ents, name_end = [], self.honorific_name_end(doc, i)
            name_start, after = i, name_end
            if len(name_ents) > 1:  # a chain of places names a route, not a project
                return None
            if not name_ents and name_end > i and (self.coordinated(doc[i]) or self.predicated(doc, start)):
                # محطة ومخزنا للوقود: two works of a list, neither named; تتحول إلى مركز محوري للشحن:
                # what a work named before became, its adjective no name
                return None
            if head.definite and not name_ents and not self.foreign_name_after(doc, head, i, name_end):
                name_end = after = i  # المحطة الجديدة ستعمل: after the article, a known name only
            elif head.definite and name_ents and all(e.label_ == ROLE.organization for e in name_ents):
                name_ents, name_end, after = [], i, i  # وتبني المحطة شركة …: no construct after the article; the verb's subject
        if name_end > name_start and name_end + 1 < len(doc) and doc[name_end].text in DASHES \
                and NUMBER.match(doc[name_end + 1].text) and not doc[name_end + 1].text.startswith(("19", "20")):
            name_end = after = name_end + 2  # كامبارآتا-1: a number joined to the name
        named = name_end > name_start
        if not named:
            return self.build_unnamed_project(doc, start, head, i, english_mods)
        number, has_purpose, end = self.number_and_purpose(doc, after)
        if has_purpose:
            end = self.coordinated_purpose(doc, end)  # محطة بيشكيك للتدفئة والكهرباء
        else:  # مركز خورغوس الدولي للتعاون الحدودي، محطة «…» لطاقة الرياح
            has_purpose, end = self.purpose_after(doc, end)
        before_capacity = end
        cap_key, cap_en, end = self.capacity(doc, end)
        if head.needs == "name_and_purpose" and not has_purpose and not closing \
                and not (end < len(doc) and self.is_word(doc[end], self.lex.words("project_adjective"))):
            return None  # مركز كولوب للوجستيات، مجمع «نافوي أزوت» الكيماوي: a name and what it is for
        if name_ents:
            name_key, name_en = name_ents[0].kb_id_, self.label_en(doc, name_ents[0])
        else:
            name_key, name_en = identity_key(doc[name_start:name_end].text), ""
        eid = self.named_id(head.kind_en, name_key, number)  # (not its capacity: محطة «…» بقدرة …)
        label_en = f"{' '.join(p for p in (name_en, number) if p)} {head.kind_en}" if name_en else ""
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head),
                        label_en=label_en[:1].upper() + label_en[1:])
        built = Built(start, end, entity, inner=list(name_ents),
                      aliases=self.name_aliases(doc, start, head, name_start, name_end, end)
                      + self.without_generic(doc, start, end, head)
                      # محطة نوراباد للطاقة الشمسية [بقدرة 100 ميغاواط]: a named work is written without its capacity too
                      + ([self.base_form(doc, start, before_capacity, head)] if cap_key and before_capacity > name_end else []))
        built.relations = [("located_in", eid, e.kb_id_, 0.6) for e in name_ents if e.label_ in (ROLE.city,)]
        return built

    def build_unnamed_project(self, doc: Doc, start: int, head: Head, i: int, english_mods: list[str]) -> Built | None:
        """A project without a name, told apart by its number, capacity, the countries of its
        nisbas (المنطقة الصناعية الصينية القرغيزية) or its description and place."""
        superlative = start > 0 and construction_words().is_kind(doc[start - 1], "superlative")
        if superlative and word_key(doc[start - 1].text) not in self.lex.words("first_of_kind"):
            return None  # أكبر محطة حرارية في طاجيكستان: a description of one named elsewhere
        if self.predicated(doc, start):
            return None  # تحولت إلى مركز محوري للشحن: what a work named before became
        nisbas, after = self.descriptors(doc, i, head.definite)
        number, has_purpose, end = self.number_and_purpose(doc, after)
        has_purpose = has_purpose or after > i
        before_capacity = end
        cap_key, cap_en, end = self.capacity(doc, end)
        described_only = end  # محطة للطاقة النووية [في البلاد] بقدرة …: the capacity after a place no list knows
        if not cap_key and self.capacity_after_place(doc, end) > end:
            cap_key, cap_en, end = self.capacity(doc, self.capacity_after_place(doc, end))
            end = end if cap_key else described_only
        if superlative and not self.first_of_kind(doc, start, end) and not self.capacity_past_place(doc, end):
            return None  # أول محطة … بقدرة …: the first of its kind only when its capacity tells it apart
        place = None
        if end + 1 < len(doc) and doc[end].norm_ == "في":
            # في مدينة كاشغر (the filler before the name), في ولاية جيزاخ (a region named with it)
            place = self.place_at(doc, end, PLACE_TYPES)  # (في شمال العاصمة بيشكيك)
        water_end = self.on_water(doc, end) if place is None and not head.definite else end
        border = water_end == end and place is None and not head.definite and self.on_border(doc, end) > end
        if border:
            water_end = self.on_border(doc, end)  # نقاطا حدودية على الحدود بين طاجيكستان وأفغانستان
        if water_end > end and not cap_key and not number:
            cap_key, cap_en, cap_end = self.capacity(doc, water_end)
            end = cap_end if cap_key else end  # محطة كهرومائية على نهر بسكم بقدرة 400 ميغاواط
        if head.needs == "name_and_purpose" and not has_purpose:
            return None
        described_end = end
        # (the package's own construction.tsv: this mixin is not told the component's lexicon folder)
        per_place = head.kind_en.lower() in construction_words().kind("per_place")
        if place is not None and per_place and place.label_ == ROLE.city and not nisbas:
            # ميناء جديد في كوريك: a port (an airport, a border crossing) in a city is that city's
            return self.place_facility(doc, start, head, place, english_mods)
        if place is None and per_place and not nisbas and end + 1 < len(doc) and doc[end].norm_ == "في":
            ents, name_end = self.proper_name(doc, end + 1)  # ميناء جديدا في كيروك: a town no list knows
            if not ents and end + 1 < name_end and not any(
                    self.lex.is_common(t.text) or self.is_definite(t) or self.coordinated(t) for t in doc[end + 1:name_end]):
                return self.place_facility(doc, start, head, doc[end + 1:name_end], english_mods)
        # what tells it apart: not its nisbas nor a generic adjective (المحطة الجديدة)
        telling = [t for t in doc[i:after] if self.nisba_at(doc, t.i) is None and not self.is_generic(t)]
        described = bool(telling)
        countries = sorted({n.kb_id_ for n in nisbas})
        kind = " ".join(english_mods + [head.kind_en])
        if number or cap_key:  # a capacity tells it apart everywhere, a number only in this article
            label_en = " ".join(p for p in (cap_en, kind, f"No. {number}" if number else "") if p)
            key = "" if cap_key else "-".join(
                p for p in (DOC_SCOPE, identity_key(doc[i:after].text) if described else "") if p)
        elif len(countries) >= 2:  # joint: the countries tell it apart
            key = "-".join(countries)
            names = [self.label_en(doc, n) for n in nisbas]
            label_en = f"{'–'.join(dict.fromkeys(names))} {kind}" if all(names) else ""
        elif place is not None and (head.definite or described or countries or english_mods or len(head.words) > 1
                                    or any(self.is_generic(t) for t in doc[start + len(head.words):after])):
            # (the generic adjective may have been read with the head's modifiers: محطة جديدة في …)
            # مصنع جديد في …: a new plant in a place is a project of this article
            # الميناء الجاف في خورغوس: a definite (or described) facility in a city is that city's
            scoped = not (head.definite and place.label_ == ROLE.city and not described and not countries) \
                or head.kind_en.lower() in construction_words().kind("many_per_place")
            key = "-".join(p for p in (DOC_SCOPE if scoped else "", identity_key(doc[i:after].text) if described else "",
                                       *countries, place.kb_id_) if p)
            label_en = "" if scoped else f"{self.label_en(doc, place)} {kind}".strip()
            described_end, end = end, place.end
        elif water_end > end:  # ميناء جديد على بحر قزوين: this article's work on that water
            key = "-".join(p for p in (DOC_SCOPE, identity_key(doc[i:after].text) if described else "",
                                       identity_key(doc[end + 1:water_end].text)) if p)
            label_en = ""
            described_end, end = end, water_end
        elif described and (english_mods or any(self.lex.modifiers.get(t.norm_) for t in telling)):
            key = f"{DOC_SCOPE}-{identity_key(doc[i:after].text)}"  # محطة كبيرة للطاقة الكهرومائية
            label_en = ""
        elif countries and head.definite:  # الجناح الصيني: this article's Chinese pavilion
            key = "-".join([DOC_SCOPE, *countries])
            label_en = ""
        elif not head.definite and described and (self.being_built(doc, start) or self.built_after(doc, after)) \
                and not any(self.is_word(t, self.lex.words("abstract_purpose")) for t in doc[i:after]):
            # بناء مصنع لمعالجة القمح، إنشاء مجمع لإنتاج الأسمدة: the one this article says is built
            key = f"{DOC_SCOPE}-{identity_key(doc[i:after].text)}"
            label_en = ""
        elif (founded := self.founded_unnamed(doc, start, head, i, after, described)) >= 0:
            # أعمال بناء الملعب الوطني الجديد، محطة معالجة الغاز التي تنفذها شركة …، مبنى البرلمان الجديد
            # الذي شيدته …: a work of this article, told by its description and founded in its sentence
            after = end = described_end = founded
            key = "-".join(p for p in (DOC_SCOPE, identity_key(doc[i:after].text) if after > i else "") if p)
            label_en = ""
        else:
            return None
        eid = f"project:{slug(head.kind_en)}:" + "-".join(x for x in (key, number, cap_key) if x)
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head),
                        label_en=label_en[:1].upper() + label_en[1:])
        built = Built(start, end, entity, inner=[place] if place is not None and place.end <= end else [])
        if border and water_end == end and end > described_end:
            # على الحدود بين طاجيكستان وأفغانستان: the border's countries stay mentions
            built.inner = [e for e in doc.ents if described_end < e.start and e.end <= end and e.label_ in PLACE_TYPES]
        if described_only < end and cap_key and place is None:
            at = self.capacity_after_place(doc, described_only)  # also named without the place
            built.aliases.append(f"{self.base_form(doc, start, described_only, head)} {doc[at:end].text}")
        if cap_key and before_capacity - start > len(head.words) and described_only == end:
            # مصنعا للكابلات الضوئية [بطاقة 3000 كيلومتر]: a described work is written without its capacity too
            built.aliases += [clean_surface(doc[start:before_capacity])[0], self.base_form(doc, start, before_capacity, head)]
        if place is not None and end == place.end and (described_end - start > len(head.words) or len(head.words) > 1):
            # مصنع جديد للإسمنت في …: also named by its description without the place
            # (as written, and in the nominative: مصنعا جديدا للزجاج، مصنع جديد للزجاج)
            built.aliases += [clean_surface(doc[start:described_end])[0], self.base_form(doc, start, described_end, head)]
        if place is not None and end == place.end:  # … في منطقة بخارى بقدرة 200 ميغاواط: with its capacity too
            cap_after, _, cap_end = self.capacity(doc, end)
            if cap_after:
                built.aliases += [self.base_form(doc, start, cap_end, head),
                                  f"{self.base_form(doc, start, described_end, head)} {doc[end:cap_end].text}"]
        if water_end > described_end and end == water_end:  # سد الممرات الثلاثة [على نهر اليانغتسي]: also without the water
            built.aliases += [clean_surface(doc[start:described_end])[0], self.base_form(doc, start, described_end, head)]
        if superlative:  # also named with its ordinal (أول محطة …), and so without its capacity
            built.aliases.append(clean_surface(doc[start - 1:end])[0])
            cap_start = self.capacity_after_place(doc, described_only) if described_only < end else before_capacity
            if cap_key and start + len(head.words) < cap_start < end:
                built.aliases.append(clean_surface(doc[start - 1:cap_start])[0])
        built.aliases = list(dict.fromkeys(built.aliases))
        if place is not None:
            built.relations = [("located_in", eid, place.kb_id_, 0.7)]
        return built

    def capacity_past_place(self, doc: Doc, end: int) -> bool:
        """أول محطة للطاقة النووية [في أوزبكستان] بقدرة 2400 ميغاواط: a capacity right after the place
        at token ``end`` (a known one after في) tells the first of its kind apart too."""
        if end + 1 >= len(doc) or doc[end].norm_ != "في":
            return False
        place = self.place_at(doc, end, PLACE_TYPES)
        return place is not None and bool(self.capacity(doc, place.end)[0])

    def founded_unnamed(self, doc: Doc, start: int, head: Head, i: int, after: int, described: bool) -> int:
        """Where an unnamed work's description ends when the sentence founds that one work, or -1:
        a definite head and the adjectives that name one work (الملعب الوطني الجديد), a head that
        is itself a description (محطة معالجة الغاز) or a described one, with a building word before
        it (أعمال بناء …) or a relative clause right after it whose building verb's pronoun is the
        work (… التي تنفذها شركة …، … الذي شيدته …). A head alone (المحطة الجديدة) refers to a work
        named before: no new one."""
        adjectives = self.lex.words("project_adjective")
        k = after
        if head.definite:
            while k < len(doc) and k - i < 3 and self.is_definite(doc[k]) \
                    and (self.is_word(doc[k], adjectives) or self.is_generic(doc[k])):
                k += 1
        telling = described or any(self.is_word(t, adjectives) for t in doc[after:k])
        if (k > i and self.predicated(doc, start)) or not (telling or (len(head.words) > 1 and not head.definite)) \
                or any(self.is_word(t, self.lex.words("abstract_purpose")) for t in doc[i:k]):
            return -1  # (جسر للتفاهم: a figure of speech)
        # (a head that is itself a description, محطة معالجة الغاز, after a building word only is a kind of work)
        return k if (telling and self.being_built(doc, start)) or self.founded_after(doc, k) else -1

    def founded_after(self, doc: Doc, k: int) -> bool:
        """A relative clause right after a work at token ``k`` (past its size, بسعة 30 ألف متفرج, an
        aside in brackets and a comma) whose founding verb's attached pronoun is the work."""
        if k < len(doc) and self.is_word(doc[k], self.capacity_words):
            stop = k + 1
            while stop < len(doc) and stop - k < 6 and not doc[stop].is_punct:
                stop += 1
            k = stop
        if k < len(doc) and doc[k].text == "(":
            close = next((j for j in range(k + 1, min(len(doc), k + 8)) if doc[j].text == ")"), -1)
            k = close + 1 if close > 0 else k
        if k < len(doc) and doc[k].text in "،,":
            k += 1
        relatives = self.lex.words("relative")
        return k + 1 < len(doc) and doc[k].norm_ in relatives and self.built_after(doc, k + 1)

    def place_facility(self, doc: Doc, start: int, head: Head, place: Span, english_mods: list[str]) -> Built:
        """The one facility of its kind in a city (ميناء جديد في كوريك: the port of Kuryk), the id
        and labels the plural heads give it (موانئ أكتاو وكوريك), so that all its mentions merge."""
        kind = " ".join(english_mods + [head.kind_en])
        eid = f"project:{slug(kind)}:{place.kb_id_ or identity_key(place.text)}"
        label_en = f"{self.label_en(doc, place)} {kind}".strip() if place.kb_id_ else ""
        entity = Entity(id=eid, type=head.type, label_ar=f"{head.text} {clean_surface(place)[0]}",
                        label_en=label_en[:1].upper() + label_en[1:])
        built = Built(start, place.end, entity, inner=[place] if place.kb_id_ else [], aliases=[clean_surface(place)[0]])
        built.relations = [("located_in", eid, place.kb_id_, 0.7)] if place.kb_id_ else []
        return built

    def predicated(self, doc: Doc, start: int) -> bool:
        """A word just before the head that says what something else is or becomes (تتحول تدريجيا إلى …،
        يعد …، ليصبح …): up to two words (an adverb, إلى) may stand between."""
        sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
        for k in range(start - 1, max(start - 4, sent_start - 1), -1):
            if doc[k].is_punct:
                return False
            if self.is_word(doc[k], self.lex.words("predicate")) or in_words(doc[k].text, self.lex.words("predicate")):
                # (ويعد: behind a conjunction too); a nominative head straight after the verb is its
                # subject (وتعد محطة للطاقة … مشروعا مشتركا), the accusative one its predicate (ليصبح مركزا)
                return k < start - 1 or normalize_letters(doc[start].text).endswith("ا")
        return False

    @staticmethod
    def coordinated(token) -> bool:
        """A word glued to و (ومخزنا، ومحطة): the next item of a list, not a name."""
        letters = normalize_letters(token.text)
        return opens_with(letters, "coordinator") and len(letters) > 3

    def described_before_quote(self, doc: Doc, i: int) -> int:
        """Where a quoted name starts after up to ``QUOTE_GAP`` definite words that describe the
        work (الصناعات النسيجية «…»), or ``i``."""
        k = i
        while k < len(doc) and k - i < QUOTE_GAP and self.is_definite(doc[k]) and doc[k].ent_iob_ == "O":
            k += 1
        return k if k > i and self.quoted(doc, k) else i

    def being_built(self, doc: Doc, start: int) -> bool:
        """A founding word right before a project's head (بناء، إنشاء، تشييد، افتتاح …, not تطوير or
        تشغيل), or before the builder named between (وتبني شركة هواوي مصنعا …): the sentence speaks
        of one work, not of a kind."""
        k = self.subject_before(doc, self.before_phase(doc, start - 1))  # وتبني شركة هواوي مصنعا …
        if k >= 0 and self.is_word(doc[k], self.lex.words("works_word")):
            k -= 1  # أعمال بناء …
        if k < 0:
            return False
        trigger = self.lex.trigger_for(doc[k].text)
        return trigger is not None and trigger[0].relation == "builds" and trigger[0].confidence >= FOUNDING

    def before_phase(self, doc: Doc, k: int) -> int:
        """بناء [المرحلة الثانية من] مجمع …: the token before a phase of the work ending at token ``k``
        (its word, an ordinal or a number, and من), or ``k``: the phase being built is the work being built."""
        j = k
        if j < 0 or doc[j].norm_ != "من":
            return k
        j -= 1
        if j >= 0 and (doc[j].norm_ in self.lex.ordinals or NUMBER.match(doc[j].text)):
            j -= 1
        return j - 1 if j >= 0 and self.is_word(doc[j], self.lex.words("phase")) else k

    def quoted_saying(self, doc: Doc, start: int, end: int) -> bool:
        """Quoted words that say something (a preposition among three words or more: هدية من الشعب
        الصيني), not a name (``quoted_saying_word`` of ``boundaries_projects.tsv``)."""
        words = [t for t in doc[start:end] if not t.is_punct]
        return len(words) >= 3 and any(self.is_word(t, self.lex.words("quoted_saying_word")) for t in words[1:])

    def built_after(self, doc: Doc, k: int) -> bool:
        """A founding verb at token ``k`` whose attached pronoun is the work before it (مصنعا للإسمنت
        أنشأته شركة …، مدرسة بنتها الصين): a clause on one work, not a kind."""
        trigger = self.lex.trigger_for(doc[k].text) if k < len(doc) else None
        return trigger is not None and trigger[1] and trigger[0].relation == "builds" and trigger[0].kind == "verb" \
            and trigger[0].confidence >= FOUNDING

    def build_several(self, doc: Doc, start: int, head: Head, head_end: int) -> list[Built]:
        """موانئ أكتاو وكوريك: a plural head and the places it names, one project each, labelled
        with the singular head of the same kind (ميناء أكتاو، ميناء كوريك)."""
        places, _ = self.entity_list(doc, head_end, (ROLE.city,))
        singular = min((h for h in self.lex.heads if h.kind_en == head.kind_en and h.type == head.type
                        and h.needs == "name" and not h.definite), key=lambda h: len(h.words), default=None)
        if singular is not None and len(places) < 2:  # محطتي «باش» و«جانكلدي»
            return self.several_quoted(doc, start, head, head_end, singular)
        if len(places) < 2 or singular is None:
            return []
        out = []
        for n, place in enumerate(places):
            eid = f"project:{slug(head.kind_en)}:{place.kb_id_}"
            label_en = f"{self.label_en(doc, place)} {head.kind_en}".strip()
            entity = Entity(id=eid, type=head.type, label_ar=f"{singular.text} {clean_surface(place)[0]}",
                            label_en=label_en[:1].upper() + label_en[1:])
            built = Built(start if n == 0 else place.start, place.end, entity, inner=[place])
            built.relations = [("located_in", eid, place.kb_id_, 0.6)]
            out.append(built)
        return out

    def build_definite(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        if head_end < len(doc) and self.is_word(doc[head_end], self.lex.words("draft_of")):
            return None  # مشروع القانون، مشروع قرار: a draft, no work
        quoted = self.quoted_work(doc, start, head, head_end)  # مشروع «…»، مشروع كاسا-1000
        if quoted is not None:
            return quoted
        # مشروع تحديث مصفاة شيمكنت للنفط: a nested project within two words
        for k in range(head_end, min(head_end + 3, len(doc))):
            found = self.match_head(doc, k)
            if found and found[0].type in (ROLE.project, ROLE.corridor) and found[0].needs != "definite":
                inner = self.build(doc, k, *found)
                if inner is not None:
                    inner.aliases.append(doc[inner.start:inner.end].text)
                    inner.start = start
                    return inner
                if k == head_end and found[0].type == ROLE.corridor:
                    return None  # مشروع الأنبوب: the corridor named before, not a new project
        # مشروع للطاقة الكهروضوئية بقدرة 320 ميجاوات: a purpose and a capacity name a project
        _, has_purpose, after = self.number_and_purpose(doc, head_end)
        if not has_purpose and self.construct_purpose(doc, head_end) > head_end:  # مشروع طاقة الرياح بقدرة …
            has_purpose, after = True, self.construct_purpose(doc, head_end)
        cap_key, cap_en, cap_end = self.capacity(doc, after)
        if has_purpose and cap_key:
            purpose = [self.lex.modifiers.get(t.norm_, "") for t in doc[head_end:after]]
            label_en = " ".join([cap_en] + [p for p in purpose if p] + [head.kind_en])
            entity = Entity(id=f"project:project:{identity_key(doc[head_end:after].text)}-{cap_key}", type=head.type,
                            label_ar=self.base_form(doc, start, cap_end, head), label_en=label_en)
            return Built(start, cap_end, entity)
        j = head_end
        while j < len(doc) and j - head_end < 3 and self.is_definite(doc[j]) and not self.is_stop(doc[j]) \
                and not self.is_purpose(doc[j]) and doc[j].ent_iob_ != "B":
            j += 1
        words = doc[head_end:j]
        if len(words) == 0:
            return self.work_in_place(doc, start, head, head_end)
        if len(words) == 1 and self.lex.is_common(words[0].text):
            return None
        entity = Entity(id=f"project:project:{identity_key(words.text)}", type=head.type,
                        label_ar=self.base_form(doc, start, j, head), label_en="")
        return Built(start, j, entity, aliases=[words.text])

    def work_in_place(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """مشروع تطوير متعدد المراحل في غالكينيش: a project named by the work done (a building word)
        and the place it is done in, a known place or a proper name no list knows (an alias)."""
        trigger = self.lex.trigger_for(doc[head_end].text) if head_end < len(doc) else None
        if trigger is None or trigger[0].relation != "builds" or self.has_pronoun(doc[head_end]) \
                or normalize_letters(doc[head_end].text).startswith("س"):
            return None  # (مشروع ستبنيه الشركة، مشروع بنته: a clause about the project, not its name)
        k = head_end + 1
        while k < len(doc) and k - head_end <= 3 and doc[k].norm_ != "في" and not self.is_stop(doc[k]) \
                and doc[k].ent_iob_ == "O" and self.match_head(doc, k) is None:
            k += 1  # متعدد المراحل: what kind of work
        if k + 1 >= len(doc) or doc[k].norm_ != "في":
            return None
        place = self.ent_at(doc, k + 1, PLACE_TYPES)
        if place is None and k + 2 < len(doc) and self.is_word(doc[k + 1], self.route_filler):
            place = self.ent_at(doc, k + 2, PLACE_TYPES)  # في مدينة نوكوس
        if place is not None:
            name_end, key, name = place.end, place.kb_id_, clean_surface(place)[0]
        else:
            ents, name_end = self.proper_name(doc, k + 1)
            if ents or name_end == k + 1 or any(self.lex.is_common(t.text) for t in doc[k + 1:name_end]):
                return None
            name = doc[k + 1:name_end].text
            key = identity_key(name)
        entity = Entity(id=f"project:project:{DOC_SCOPE}-{key}", type=head.type,
                        label_ar=self.base_form(doc, start, name_end, head), label_en="")
        built = Built(start, name_end, entity, inner=[place] if place is not None else [], aliases=[name])
        if place is not None:
            built.relations = [("located_in", entity.id, place.kb_id_, 0.7)]
        return built
