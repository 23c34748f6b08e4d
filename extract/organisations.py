"""Organisations and unlisted places for ``silk_patterns``, from their heads in
``data/lexicon/heads.tsv``.

- ``org`` / ``org_name`` / ``org_distinct`` (organisations: وزارة، لجنة، مجلس، شركة، صحيفة …): the
  genitives, adjectives, nisba, purposes and owning body after the head (وزارة الخارجية الصينية، بنك
  الصين للتنمية); for ``org_name`` first a proper or quoted name (شركة تبيان، صحيفة ((…))), for
  ``org_distinct`` (إدارة، رئاسة، قوات) only with a nisba, purpose or known name.
- ``place_name`` (منطقة، مقاطعة، ولاية; مدينة، بلدة): a region or city by a proper name no gazetteer
  lists (a city without the word مدينة).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from silkgraph.extract.built import Built
from silkgraph.extract.lexicon import roles, Head
from silkgraph.extract.name_shape import NameShape
from silkgraph.extract.org_variants import known_company
from silkgraph.extract.verbs import imperfect_letters, load_verb_shapes
from silkgraph.normalize import clitics, drop_article, has_article, identity_key, normalize_letters, opens_with, relational_ending, word_key
from silkgraph.records import Entity

ROLE = roles()
# relations whose trigger words may name what a body or a document does (شركة للبناء، إعلان الشراكة)
SUBJECT_RELATIONS = ("builds", "partnership")

ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# the shapes of adjectives without a relational ي, article dropped, letters normalized: فعيل(ة) (سريعه،
# جديد), أفعل (احمر، اعلي) and the feminine مفعولة (مملوكه: not the noun مشروع)
ADJECTIVE_SHAPE = re.compile(r"^(?:[^اوي]{2}ي[^اوي]ه?|ا[^اوي][^ا][^ا]|م[^اوي]{2}و[^اوي]ه)$")
TITLE_REACH = 3  # words between a title's first word and the head of the body it is of, at most
# words between what a person is called (الباحث، أستاذ العلاقات الدولية) and the body he is of (في معهد كارنيغي
# فلان): his name may follow the body's
DESCRIPTOR_REACH = 5
QUOTE_PAIRS = {"(": ")", "((": "))", "«": "»", "“": "”", '"': '"', "„": "“"}


class OrganisationRules:
    """Organisation and place rules; see the module docstring. A mixin of
    ``silkgraph.extract.patterns.PatternMatcher``, using its token tests and pieces (``ent_at``, ``match_head``,
    ``nisba_run_end``, ``head_label`` ...):

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> [(e.text, e.label_) for e in nlp("قال متحدث باسم وزارة الزراعة الطاجيكية إن المحادثات مثمرة").ents]
    [('وزارة الزراعة الطاجيكية', 'Organization')]
    """

    def quoted_end(self, doc: Doc, i: int) -> int:
        """End of a name written in quotes or brackets at token i (صحيفة ((…)), وكالة «…»), else i."""
        k = i
        while k < len(doc) and doc[k].text in QUOTE_PAIRS:  # ((…)) may come as two brackets
            k += 1
        if k == i:
            return i
        for j in range(k, min(k + 1 + self.max_name * 2, len(doc))):
            if doc[j].text in QUOTE_PAIRS.values():
                if j == k or all(t.text in clitics()["conjunctions"] for t in doc[k:j]):
                    return i  # «قصر الشوق» و«السكرية»: the marks of two names around the و between them
                close = j
                while close < len(doc) and close - j < k - i and doc[close].text in QUOTE_PAIRS.values():
                    close += 1  # as many closing marks as opening ones
                return close
            if doc[j].is_sent_start or doc[j].text in (".", "،", ","):
                return i
        return i

    def org_name_words(self, doc: Doc, i: int, holder_after: bool = False) -> int:
        """Unknown proper words and known names after a company or media head (شركة تبيان، صحيفة
        شينجيانغ ديلي): not common words, nisba adjectives, stops or words with the article. With
        ``holder_after`` (a title before the head: رئيس شركة …) the name stops before two words of
        person names (``holder_name_starts``)."""
        j, spelled = i, 0
        while j < len(doc) and j - i - spelled < self.max_name:
            token = doc[j]
            if token.ent_iob_ == "B":  # a body may bear a person's name (جامعة نزارباييف)
                ent = self.ent_at(doc, j, (*self.org_part_types, ROLE.leader, ROLE.person))
                if ent is None or (j > i and self.joined_name(token)) or (j > i and ent.label_ in (ROLE.city, ROLE.region, ROLE.country) and self.locative(token)):
                    break  # جامعة فودان [بشنغهاي]: the body in that city, not its name
                j = ent.end
                if ent.label_ in (ROLE.leader, ROLE.person, ROLE.organization):
                    # جامعة نزارباييف [شيغيو كيم]: a body named after a person ends with the name;
                    # حزب [نور أوطان] فلان: a known body's name is whole
                    break
                continue
            if holder_after and j > i and self.holder_name_starts(doc, j):
                break  # رئيس شركة تيانشان [وانغ مينغ]: the holder's name after the body's
            if self.spelled_letter(doc, j) and not (self.is_stop(token) and not (
                    j + 1 < len(doc) and word_key(doc[j + 1].text) in self.lex.words("letter_name"))):
                # وكالة دي أتش اي، تلفزيون إن تي في: an acronym spelled out letter by letter, its letters
                # not counted as name words; a letter that is also a word (إن) ends it unless a letter follows
                j, spelled = j + 1, spelled + 1
                continue
            if j > i and word_key(token.text) in self.lex.words("company_name_word") and not has_article(token.text) \
                    and not self.lex.is_common(doc[j - 1].text):
                j += 1  # شركة تركمن [غاز]: a common word inside a transliterated name, after a name word
                continue
            if j > i and not has_article(token.text) and not self.lex.is_common(doc[j - 1].text) and (
                    word_key(token.text) in self.lex.words("company_form_word") or (
                    word_key(token.text) in self.lex.words("company_name_link") and j + 1 < len(doc)
                    and doc[j + 1].ent_iob_ == "O" and not self.is_stop(doc[j + 1])
                    and not self.lex.is_common(doc[j + 1].text) and not has_article(doc[j + 1].text))):
                # شركة تشاينا رود [آند] بريدج [كوربوريشن]: "and" and the company's legal form transliterated,
                # not counted as name words
                j, spelled = j + 1, spelled + 1
                continue
            if word_key(token.text) in self.lex.words("company_name_link"):
                break  # شركة سينوهيدرو [أند] الحكومة: "and" joins no further name word
            if self.is_stop(token) or self.lex.is_common(token.text) or token.norm_ in self.lex.nisba \
                    or not ARABIC_LETTER.search(token.text) \
                    or self.is_purpose(token) or has_article(token.text, prepositions=False) \
                    or token.norm_ in self.org_stops or self.match_head(doc, j) is not None or self.has_pronoun(token) \
                    or self.accusative_common(token.text) or (j > i and load_verb_shapes().is_verb(token.text)):
                break  # (شركة سينوهيدرو [ستتولى] بناء …: a verb after the name's first word ends it)
            j += 1
        while i < j < len(doc) and word_key(doc[j].text) in self.lex.words("company_form_word"):
            j += 1  # … بريدج [كوربوريشن]: the legal form after the last name word the count let in
        return j

    def holder_name_starts(self, doc: Doc, j: int) -> bool:
        """Whether a person's name starts at token j: two words of person names in a row."""
        shape = self.name_shape()
        if j + 1 >= len(doc) or any(doc[k].ent_iob_ != "O" or self.lex.is_common(doc[k].text) for k in (j, j + 1)):
            return False
        # a first name a list knows and a family name by its ending (تيمور عمروف) reads as a person too
        return shape.name_word(doc[j].text) and (shape.name_word(doc[j + 1].text) or (
            not has_article(doc[j + 1].text) and any(normalize_letters(doc[j + 1].text).endswith(e)
                                                     for e in self.lex.words("surname_ending"))))

    def title_before(self, doc: Doc, start: int) -> bool:
        """A title's first word within ``TITLE_REACH`` words before a body's head (رئيس مجلس إدارة شركة …،
        الرئيس التنفيذي لمجموعة …): the holder's name may follow the body's."""
        descriptors = self.lex.words("person_descriptor")
        return any(doc[k].norm_ in self.org_stops for k in range(max(0, start - TITLE_REACH), start)) or any(
            word_key(doc[k].text) in descriptors for k in range(max(0, start - DESCRIPTOR_REACH), start))

    def time_phrase(self, doc: Doc, j: int) -> bool:
        """A ل phrase at token j that a time adjective closes within two words (للعقد القادم،
        للسنوات الخمس المقبلة): when, not what a body is for."""
        return any(word_key(t.text) in self.descriptor_words for t in doc[j + 1:j + 3])

    def spelled_letter(self, doc: Doc, j: int) -> bool:
        """A Latin letter's name (دي، أتش، اي) next to another: part of an acronym spelled out."""
        letters = self.lex.words("letter_name")
        if word_key(doc[j].text) not in letters:
            return False
        return any(0 <= k < len(doc) and word_key(doc[k].text) in letters for k in (j - 1, j + 1))

    def accusative_common(self, text: str) -> bool:
        """A common noun with the accusative's alef (جامعة لانتشو [فرعا]): the verb's object, no name."""
        letters = normalize_letters(text)
        return len(letters) > 3 and letters.endswith("ا") and self.lex.is_common(letters[:-1])

    def build_organization(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """A head noun (وزارة، لجنة، بنك، شركة …) and what completes it: definite genitives and
        adjectives (وزارة الخارجية), nisba adjectives (الصينية), purposes (للتنمية), the country or
        body it belongs to (رئاسة كازاخستان), and for companies and media a proper name.

        A head with the article (البرلمان، الحزب) is a name only with something distinctive after
        it (a nisba, a purpose, a known name); alone it refers back."""
        definite = self.is_definite(doc[start])
        if head.needs == "org_distinct" and start > 0 and (before := self.match_head(doc, start - 1)) is not None \
                and before[0].type == ROLE.organization:
            return None  # مجلس [إدارة] بنك التنمية: the board of a body, in construct after another head
        if head.needs == "place_name":
            # منطقة بوكين، مقاطعة …: a province or district by a proper name no table lists
            end = head_end
            while not definite and end < len(doc) and end - head_end < self.max_name and doc[end].ent_iob_ == "O" \
                    and not self.is_word(doc[end], self.capacity_words) and self.org_name_words(doc, end) > end:
                end += 1  # (منطقة زامبيل [بقدرة 100 ميغاواط]: a plant's capacity after the place, no word of its name)
            city = self.ent_at(doc, head_end, (ROLE.city,)) if end == head_end and head.type == ROLE.region else None
            if city is not None and not definite:
                # ولاية ماري، مقاطعة نارين: the province named after its city is the province
                label = self.head_label(doc, start, city.end, head)
                return Built(start, city.end, Entity(id=f"{head.type.lower()}:{identity_key(label)}", type=head.type,
                                                     label_ar=label, label_en=""))
            if end == head_end or (end < len(doc) and doc[end].ent_iob_ == "I"):
                return None  # a known place (منطقة شينجيانغ) is that place
            if head.type == ROLE.city:  # مدينة تشنغتشو: a city is named without the word city
                start = head_end
                label = doc[start:end].text
            else:
                label = self.head_label(doc, start, end, head)
            eid = f"{head.type.lower()}:{identity_key(label)}"
            return Built(start, end, Entity(id=eid, type=head.type, label_ar=label, label_en=""))
        j, distinctive = head_end, False
        name = ""
        if head.needs == "org_name" and not definite:
            quoted = self.quoted_end(doc, j)
            inside = [t for t in doc[j:quoted] if t.text not in QUOTE_PAIRS and t.text not in QUOTE_PAIRS.values()]
            known = [e for e in doc.ents if inside and e.start == inside[0].i and e.end == inside[-1].i + 1]
            if not inside:  # قناة بي بي سي، وكالة شينخوا: a known body's name right after the head
                known = [e for e in (self.ent_at(doc, j, (ROLE.organization,)),) if e is not None and e.kb_id_
                         and not (e.end < len(doc) and (self.is_purpose(doc[e.end]) or has_article(doc[e.end].text)))]
            if known and known[0].label_ == ROLE.organization:
                return None  # وكالة أنباء ((شينخوا)): the body the table knows, not a new one around it
            j = quoted if quoted > j else self.org_name_words(doc, j, self.title_before(doc, start))
            distinctive = j > head_end
            name = doc[head_end:j].text.strip("()«»“”\"„ ")
            if any(e.start == head_end and e.end == j and e.label_ != ROLE.organization for e in doc.ents):
                name = ""  # معهد الصين للدراسات، جامعة طشقند: a place's name is no name of the body
        while j < len(doc) and j - head_end < self.max_org:
            token = doc[j]
            letters = normalize_letters(token.text)
            if j == head_end and not definite and token.text == "(":
                close = self.quoted_end(doc, j)  # مجلس (برلمان) تركمنستان: a gloss of the head, then its genitive
                if j + 2 < close <= j + 5 and close < len(doc) and doc[close].ent_iob_ == "B" \
                        and not any(t.ent_iob_ != "O" for t in doc[j + 1:close - 1]):
                    j = close
                    continue
            if token.ent_iob_ == "B":
                ent = self.ent_at(doc, j, self.org_part_types)
                if ent is None or (ent.label_ != ROLE.organization and self.locative(token)) \
                        or self.joined_name(token) or (ent.label_ in (ROLE.city, ROLE.region, ROLE.country) and doc[j - 1].norm_ in self.lex.nisba):
                    # البرلمان القازاقستاني [أورال] موخاميدجانوف: after the nationality a place is no genitive
                    # وزارة النقل بقازاخستان: the ministry in Kazakhstan, named وزارة النقل; وزارة
                    # النقل [وشركة السكك الحديدية]: another party, joined by و
                    break
                j, distinctive = ent.end, True
                j = self.inner_phrase_end(doc, j, head_end)  # لآلية الصين [– آسيا الوسطى]
                if j < len(doc) and not self.is_purpose(doc[j]):
                    break  # رئاسة قيرغيزستان الوفد: after the body it belongs to, only a purpose
                continue
            nested = self.match_head(doc, j)
            if nested is not None and (nested[0].needs in self.genitive_heads or self.genitive_body(doc, j, head_end, definite, nested[0])):
                # معهد الدراسات الاستراتيجية: a strategy is a document only with its years; لجنة
                # الجمارك: a definite body right after an indefinite head is its genitive
                nested = None
            inner = self.inner_phrase_end(doc, j, head_end)
            if inner > j:  # للمعادن [غير الحديدية]، للتعاون [في القدرات] الإنتاجية، للتعاون [بين أوزبكستان والصين]
                j, distinctive = inner, True
                continue
            if j > head_end and word_key(token.text) in self.lex.words("org_standing"):
                break  # حزب أمانات [الحاكم]، حزب النهضة الإسلامي [المحظور]: what the body now is, said of it
            if word_key(token.text) in self.lex.words("title_gap") or word_key(token.text) in self.lex.words("org_clause_preposition"):
                break  # شركة … [السيد] فلان: an honorific opens the holder's name; البرلمان … [لصالح] القانون
            adjective = has_article(token.text) and word_key(token.text) in self.org_adjectives  # المشترك، not مشتركا
            if self.is_stop(token) or (token.norm_ in self.org_stops and not adjective) \
                    or word_key(token.text) in self.descriptor_words or word_key(token.text) in self.lex.words("org_side_stop") \
                    or word_key(token.text) in self.affiliation_words or (
                    nested is not None and nested[0].type in self.org_breaking_types and not self.is_purpose(token)) \
                    or (definite and j == head_end and nested is not None and nested[0].type in (ROLE.project, ROLE.corridor)
                        and self.is_definite(token)):
                # (وشيدت الشركة المبنى الجديد: two definite nouns make no construct; the work is the object)
                # another body, event or document starts another name, but للمجلس (of the council)
                # continues this one, and so do what a company works on (شركة السكك الحديدية)
                break
            if self.is_purpose(token):
                if self.clause_trigger(token) or self.time_phrase(doc, j):
                    break  # لجنة الأمن الوطني للتوقيع على …: for doing something, not the body's name
                j, distinctive = j + 1, True
            elif self.after_nisba(doc, j):
                break  # البرلمان الكازاخستاني [القانونَ]: after the nationality only adjectives go on
            elif word_key(token.text) in self.place_words and j + 1 < len(doc) and self.ent_at(doc, j + 1, self.org_part_types):
                j = self.ent_at(doc, j + 1, self.org_part_types).end  # ماسليخات مدينة ألماتي: the place it is of
                distinctive = True
            elif j == head_end and self.construct_noun(doc, j):
                j += 2  # مجلس رجال الأعمال، وزارة شؤون الطوارئ: a noun in construct and its genitive
            elif j == head_end and (owner := self.construct_owner(doc, j)) is not None:
                j, distinctive = owner.end, True  # وزارة خارجية كازاخستان: the ministry of that country
                if j < len(doc) and not self.is_purpose(doc[j]):
                    break
            elif j > head_end and distinctive and self.participle_clause_at(doc, j):
                break  # جامعة لانتشو [الواقعة في …]، شركة … [المملوكة للدولة]: what is said of the body
            elif j > head_end and word_key(doc[j - 1].text) in self.body_adjectives and opens_with(letters, "article") \
                    and token.norm_ not in self.lex.nisba and word_key(token.text) not in self.body_adjectives \
                    and word_key(token.text) not in self.org_adjectives and not relational_ending(word_key(token.text)):
                # أقر المجلس التشريعي [القانون]: after the body's adjective a definite noun is the verb's
                # object; a relational adjective goes on (قوات الشرطة المسلحة الشعبية الصينية)
                break
            elif opens_with(letters, "article") and len(letters) > 3:
                if j > head_end and has_article(doc[j - 1].text) and not self.definite_adjective(token):
                    break  # واستقبلت وزارة الخارجية [الوفد] الصيني: a definite noun after a definite word is no adjective
                # الإدارة الرئاسية، القوات الجوية: an adjective that names one body of its kind
                distinctive = distinctive or token.norm_ in self.lex.nisba or word_key(token.text) in self.body_adjectives
                j = self.nisba_run_end(doc, j + 1) if token.norm_ in self.lex.nisba else j + 1
            elif j > head_end and opens_with(letters, "prepositions") and not has_article(token.text) \
                    and word_key(doc[j - 1].text) in self.lex.words("dedicated") and not self.is_stop(token):
                j += 1  # مجموعة العمل الخاصة بمشروع …: what the body is dedicated to
            elif opens_with(letters, "lam") and j > head_end and j + 1 < len(doc) \
                    and opens_with(doc[j + 1].text, "article") and not self.is_stop(doc[j + 1]):
                j, distinctive = j + 1, True  # للمجلس الوطني لنواب الشعب، البنك الأوروبي لإعادة الإعمار
            elif opens_with(letters, "coordinator", "article") and j > head_end and len(letters) > 4 \
                    and has_article(doc[j - 1].text) and not self.starts_clause(doc, j) \
                    and word_key(letters[1:]) not in self.person_words:  # مجلس الإدارة [والدكتور] فلان
                # وزارة الطاقة والموارد المائية، للبترول والغاز الطبيعي، جمعية التكنولوجيا والمعدات
                # الأوزبكية: a noun coordinated with the one before (not another body, see match_head)
                j = self.nisba_run_end(doc, j + 1) if token.norm_ in self.lex.nisba else j + 1
            elif opens_with(letters, "coordinator") and j > head_end and has_article(doc[j - 1].text) \
                    and not self.joined_name(token) and self.construct_noun(doc, j):
                j += 2  # اتحاد الصناعيين [ورجال الأعمال]: a coordinated noun in construct and its genitive
            else:
                break
        while j > head_end + 1 and self.dangling_construct(doc, j - 1):
            j -= 1  # المجلس الأعلى [لصالح] المعاهدة: ل and a noun whose genitive the name did not take
        if j == head_end or ((definite or head.needs == "org_distinct") and not distinctive):
            return None
        if definite and (head.needs != "org" or head.words[0] in self.lex.words("nationality_kind_head")) and j - head_end == 1 \
                and doc[head_end].norm_ in self.lex.nisba:
            return None  # القوات الروسية، الشركة الصينية، البنك الصيني: a kind and a nationality, not one body
        if j - head_end == 1 and " ".join((head.words[0], word_key(doc[head_end].text))) in self.lex.words("generic_body"):
            return None  # مجلس الإدارة، صندوق الاقتراع: any company's board, a ballot box
        quoted = self.quoted_end(doc, j)
        for stop in dict.fromkeys((j, quoted)):
            # شركة كوسكو الصينية للشحن: the known company (extract/org_variants.py); وكالة الأنباء
            # الكازاخستانية (كازينفورم): the known agency in brackets after what it is called
            known = known_company(self.lex, doc, start, stop)
            if known is not None:  # called by the whole and by the known name inside it
                inside = [e.text for e in doc.ents if start <= e.start and e.end <= stop and e.kb_id_ == known.id]
                return Built(start, stop, known, aliases=list(dict.fromkeys([doc[start:stop].text, *inside])))
        unquoted = ""
        if j > head_end and not name:
            quoted = self.quoted_end(doc, j)  # صندوق الثروة السيادي «سامروك-كازينا»، وكالة الأنباء … (يوزا)
            inside = doc[j:quoted].text.strip("()«»“”\"„ ")
            if quoted > j and inside and not any(e.start < quoted and e.end > j for e in doc.ents) \
                    and self.bracket_names(doc[j:quoted]):
                # البنك الآسيوي للتنمية (ADB): also called without what the brackets add; a
                # nationality after the brackets is the name's (مجلس الشعب (خلق مصلحتي) التركمانستاني)
                unquoted = self.head_label(doc, start, j, head)
                after = self.nisba_run_end(doc, quoted)
                if after > quoted:
                    unquoted = " ".join((unquoted, doc[quoted:after].text))
                j, name = after, inside
        short = self.head_label(doc, start, j, head)
        if not name:  # وزارة الطاقة في جمهورية طاجيكستان: the ministry of that country; a company by its
            j = self.country_tail(doc, j)  # own name (شركة تشاينا هاربور [في كازاخستان]) works there
        if not name and not unquoted:
            owned = self.affiliation_end(doc, start, j, head_end)  # معهد الدراسات … التابع لرئيس جمهورية أوزبكستان
            j = max(j, owned)
        label = self.head_label(doc, start, j, head)
        eid = f"{ROLE.organization.lower()}:{identity_key(label)}"
        entity = Entity(id=eid, type=ROLE.organization, label_ar=label, label_en="")
        # a company or a paper is also called by its name alone (صحيفة نيوترال تركمانستان: نيوترال تركمانستان)
        aliases = [a for a in dict.fromkeys((name, short, unquoted)) if a and a != label]
        return Built(start, j, entity, inner=[e for e in doc.ents if start <= e.start and e.end <= j], aliases=aliases)

    def inner_phrase_end(self, doc: Doc, j: int, head_end: int) -> int:
        """End of what a body's name goes on with at token j, else j: غير and a definite adjective
        (للمعادن [غير الحديدية]); after a purpose, في and a definite noun that is no entity (للتعاون
        [في القدرات] الإنتاجية، للاستثمار [في البنية] التحتية); after a purpose, بين and two parties
        coordinated (للتعاون [بين أوزبكستان والصين]); a dash and a second place after a first one
        (لآلية الصين [– آسيا الوسطى])."""
        if j <= head_end or j + 1 >= len(doc):
            return j
        key, nxt = word_key(doc[j].text), doc[j + 1]
        if doc[j].text in ("-", "–", "—") and doc[j - 1].ent_iob_ != "O" and doc[j - 1].ent_type_ in (ROLE.country, ROLE.region) \
                and nxt.ent_iob_ == "B" and nxt.ent_type_ in (ROLE.country, ROLE.region):
            other = self.ent_at(doc, j + 1, (ROLE.country, ROLE.region))
            return other.end if other is not None else j  # لآلية الصين [– آسيا الوسطى]: a format of two parties
        if key in self.lex.words("negated_adjective") and has_article(doc[j - 1].text) \
                and has_article(nxt.text, prepositions=False) and nxt.ent_iob_ == "O" and not self.is_stop(nxt):
            return j + 2
        if not self.is_purpose(doc[j - 1]):
            return j
        if key in self.lex.words("purpose_scope") and nxt.ent_iob_ == "O" and has_article(nxt.text, prepositions=False) \
                and not self.is_stop(nxt) and self.match_head(doc, j + 1) is None and nxt.norm_ not in self.org_stops:
            return j + 2
        if key in self.lex.words("purpose_parties"):
            first = self.ent_at(doc, j + 1, (ROLE.country,))
            second = self.ent_at(doc, first.end, (ROLE.country,)) if first is not None and first.end < len(doc) else None
            if second is not None and opens_with(normalize_letters(doc[first.end].text), "coordinator"):
                return second.end
        return j

    def affiliation_end(self, doc: Doc, start: int, j: int, head_end: int) -> int:
        """Where a body of a generic name (a head and common words only: معهد الدراسات الاستراتيجية،
        مجموعة الاتصال، دائرة الجمارك الحكومية) ends when it is named by what it belongs to (التابع
        لرئيس جمهورية أوزبكستان، التابعة للمنظمة، التابعة لوزارة المالية …): that owner is part of its
        name, as the body's own one is none. A nationality, purpose or name in it (القوات الخاصة
        الروسية التابعة …) ends it before التابع, as does a company's (شركة «…» التابعة للمؤسسة)."""
        if j + 1 >= len(doc) or word_key(doc[j].text) not in self.affiliation_words:
            return j
        for t in doc[head_end:j]:
            if t.ent_iob_ != "O" or t.norm_ in self.lex.nisba or self.is_purpose(t) or not has_article(t.text, prepositions=False) \
                    and not opens_with(normalize_letters(t.text), "coordinator", "article"):
                return j
        k = j + 1
        if not opens_with(normalize_letters(doc[k].text), "lam"):
            return j
        nested = self.match_head(doc, k)
        if nested is not None and nested[0].type == ROLE.organization:
            built = self.build_organization(doc, k, nested[0], nested[1])
            if built is not None:
                return built.end  # التابعة لوزارة المالية في الجمهورية القيرغيزية
            if nested[1] == k + 1 and self.is_definite(doc[k]):
                return k + 1  # التابعة للمنظمة: the body named before
            return j
        if word_key(doc[k].text)[1:] in self.lex.words("affiliation_owner_title") and k + 1 < len(doc):
            country = self.ent_at(doc, k + 1, (ROLE.country,))
            if country is not None:
                return country.end  # التابع لرئيس جمهورية طاجيكستان
        return j

    def definite_adjective(self, token) -> bool:
        """A definite word that may qualify the definite word before it in a body's name: a relational
        adjective or nisba (الخارجية الصينية), a listed one (العليا، المسلحة، الحرة), one a body is named
        by (الرئاسية), a derived participle (المتجددة، المستدامة), or of an adjective's shape (فعيل:
        السريعة، الجديد; أفعل: الأحمر، الأعلى; مفعولة: المملوكة); not a noun like الوفد."""
        letters = drop_article(normalize_letters(token.text))
        return self.adjective_like(token) or word_key(token.text) in self.body_adjectives \
            or word_key(token.text) in self.lex.words("company_suffix") or letters.startswith(("مت", "مست")) \
            or ADJECTIVE_SHAPE.match(letters) is not None

    def after_nisba(self, doc: Doc, j: int) -> bool:
        """Whether token j, after a nationality adjective in a body's name, is no adjective of it:
        a definite noun (البرلمان الكازاخستاني القانون), itself or coordinated (… والحكومة). Adjectives
        go on: another nisba, a relational one (الوطني، المركزية) or one of ``org_adjective``."""
        if j == 0 or doc[j - 1].norm_ not in self.lex.nisba:
            return False
        token = doc[j]
        letters = normalize_letters(token.text)
        if not (opens_with(letters, "article") or opens_with(letters, "coordinator", "article")):
            return False
        key = word_key(token.text)
        bare = key[1:] if opens_with(letters, "coordinator") and key.startswith("و") else key
        # a relational adjective agrees with the nationality before it: الكازاخي الوطني، الكازاخية
        # الوطنية (الكازاخي الميزانية is a noun in ية after a masculine one)
        ending = "يه" if word_key(doc[j - 1].text).endswith("يه") else "ي"
        return not (token.norm_ in self.lex.nisba or bare.endswith(ending) or bare in self.org_adjectives
                    or word_key(drop_article(bare)) in self.org_adjectives)

    def construct_owner(self, doc: Doc, j: int):
        """The country, place or body after one indefinite noun in construct (وزارة [خارجية]
        كازاخستان، وزارة [دفاع] طاجيكستان), else None: not a verb, a stop or a word with a proclitic."""
        token = doc[j]
        if token.ent_iob_ != "O" or j + 1 >= len(doc) or self.is_stop(token) or has_article(token.text) \
                or not ARABIC_LETTER.search(token.text) or normalize_letters(token.text) != token.norm_ \
                or self.verb_like(token.text) or token.norm_ in self.org_stops:
            return None
        owner = self.ent_at(doc, j + 1, self.org_part_types)
        if owner is None or self.locative(doc[j + 1]) or self.joined_name(doc[j + 1]):
            return None
        return owner

    def participle_clause_at(self, doc: Doc, j: int) -> bool:
        """A definite participle with its own complement after a body's name that already says which
        body it is (a proper name, a nisba, a purpose): a preposition (الواقعة
        في، المسؤولة عن) or, for one in م, a ل phrase (المملوكة للدولة). A participle has the shape
        of فاعل or opens with م; not a nationality or relational adjective (الوطنية، المركزية
        للإحصاء), a listed one, nor before the country the body is of (في جمهورية طاجيكستان)."""
        token = doc[j]
        stem = drop_article(normalize_letters(token.text))
        if not has_article(token.text, prepositions=False) or j + 1 >= len(doc) or token.norm_ in self.lex.nisba \
                or relational_ending(stem) or word_key(token.text) in self.org_adjectives or len(stem) < 4:
            return False
        nxt = doc[j + 1]
        if word_key(nxt.text) in self.lex.words("described_by"):
            return (stem.startswith("م") or stem[1] == "ا") and self.country_tail(doc, j + 1) == j + 1
        return stem.startswith("م") and self.is_purpose(nxt)

    def construct_noun(self, doc: Doc, j: int) -> bool:
        """One indefinite common noun at token j and a definite genitive after it (رجال [الأعمال]):
        not a verb, a stop, a word behind ل, nor before another body's head (مجلس إدارة [البنك])."""
        token = doc[j]
        if token.ent_iob_ != "O" or j + 1 >= len(doc) or doc[j + 1].ent_iob_ != "O" or self.is_stop(token) \
                or has_article(token.text) or not (self.lex.is_common(token.text)
                                                   or word_key(token.text) in self.lex.words("body_construct_noun")) \
                or opens_with(normalize_letters(token.text), "lam") or self.verb_like(token.text) \
                or token.norm_ in self.org_stops or (self.match_head(doc, j) is not None
                                                     and token.norm_ not in self.lex.words("construct_genitive_head")) \
                or word_key(token.text) in self.lex.words("plural_title"):
            return False  # مجلس رؤساء الدول: a meeting of the heads, not a body of its own
        genitive = doc[j + 1]
        return has_article(genitive.text, prepositions=False) and not self.is_stop(genitive) \
            and genitive.norm_ not in self.org_stops and self.match_head(doc, j + 1) is None \
            and word_key(genitive.text) not in self.descriptor_words and genitive.norm_ not in self.lex.nisba

    def bracket_names(self, span) -> bool:
        """Whether what brackets or quotes after a body's name hold is another name of it (يوزا، ADB،
        «باي تيريك»), not a remark on it: a clause of three words or more with a verb (أصبحت لاحقا كلية …)."""
        words = [t for t in span if t.is_alpha]
        return bool(words) and not (len(words) >= 3 and any(self.lex.is_common(t.text) and self.name_shape().verb(t.text)
                                                             for t in words))

    def verb_like(self, text: str) -> bool:
        """A verb by its shape (``NameShape.verb``), a present-tense prefix (يضم، سيتم: clause_verb_prefix)
        or ت before a root of two letters (تضم، تعد), which no noun of a body's name is."""
        letters = normalize_letters(text)
        return self.name_shape().verb(text) or bool(imperfect_letters(text, self.lex.words("clause_verb_prefix"))) \
            or (len(letters) == 3 and letters.startswith("ت"))

    def name_shape(self) -> NameShape:
        """The person-name and verb shapes (``silkgraph.extract.name_shape``) of the package's data, loaded once."""
        shape = getattr(self, "_name_shape", None)
        if shape is None:
            shape = self._name_shape = NameShape.of(self.lex)
        return shape

    def joined_name(self, token) -> bool:
        """A word whose conjunction the normaliser read off (وشركة، وروسيا): it starts another name."""
        letters = normalize_letters(token.text)
        return opens_with(letters, "coordinator") and not token.norm_.startswith(letters[:1])

    def genitive_body(self, doc: Doc, j: int, head_end: int, definite: bool, nested: Head) -> bool:
        """A definite organisation head right after an indefinite one (لجنة [الجمارك]، إدارة [المنظمة]):
        the body's genitive, not another body."""
        if j == head_end and not definite and nested.type == ROLE.organization and not self.is_definite(doc[j]) \
                and doc[j].norm_ in self.lex.words("construct_genitive_head") and j + 1 < len(doc) and self.is_definite(doc[j + 1]):
            return True  # قوات [حرس الحدود]: a head in construct with its own genitive, the forces' genitive
        return j == head_end and not definite and nested.type == ROLE.organization and self.is_definite(doc[j]) \
            and not self.joined_name(doc[j])

    def dangling_construct(self, doc: Doc, k: int) -> bool:
        """A word of ل and a noun (لصالح، لنواب) that ends a name: it needed the genitive after it."""
        letters = normalize_letters(doc[k].text)
        return opens_with(letters, "lam") and not self.is_purpose(doc[k]) and not has_article(doc[k].text)

    def extend_known(self, doc: Doc, i: int) -> Built | None:
        """A known company at token i whose name runs on in the text: its purposes and adjectives
        up to its legal form (شركة هواوي [للتكنولوجيا المحدودة]); the known entity, this form an alias."""
        ent = self.ent_at(doc, i, (ROLE.organization,))
        head = self.match_head(doc, i)
        if ent is None or head is None or head[0].needs != "org_name" or not ent.kb_id_:
            return None
        suffixes = self.lex.words("company_suffix")
        for j in range(ent.end, min(len(doc), ent.end + self.max_org)):
            token = doc[j]
            if token.ent_iob_ != "O" or self.is_stop(token) or not has_article(token.text) or self.clause_trigger(token):
                return None  # a known name and what the sentence says of it
            if word_key(token.text) in suffixes:
                entity = self.lex.entity(ent.kb_id_) or doc._.silk_entities.get(ent.kb_id_)
                return Built(i, j + 1, entity, aliases=[ent.text]) if entity is not None else None
        return None

    @staticmethod
    def locative(token) -> bool:
        """A place's first word behind the preposition ب or ك (بقازاخستان، بالصين), not ل: a body
        is of its country in construct or with ل (رئاسة كازاخستان، لجمهورية), but only in it with ب."""
        letters = normalize_letters(token.text)
        return len(letters) > len(token.norm_) and letters.endswith(token.norm_) \
            and opens_with(letters, "prepositions") and not opens_with(letters, "lam")

    def country_tail(self, doc: Doc, j: int) -> int:
        """Past في and a country right after a body's name (… في جمهورية طاجيكستان), else j."""
        if j + 1 < len(doc) and doc[j].norm_ == "في":
            country = self.ent_at(doc, j + 1, (ROLE.country,))
            if country is not None:
                return country.end
        return j

    def starts_clause(self, doc: Doc, j: int) -> bool:
        """A word that starts what is said of a name rather than more of it: a head of another
        name, a title, or another relation's trigger (بحضور، للتوقيع; building words may name
        what a body does: شركة الصين للبناء)."""
        token = doc[j]
        if token.ent_iob_ != "O" or self.is_stop(token) or token.norm_ in self.org_stops \
                or word_key(token.text) in self.descriptor_words or self.match_head(doc, j) is not None:
            return True
        return self.clause_trigger(token)

    def clause_trigger(self, token) -> bool:
        """Whether a word is the trigger of a relation said of a name (بحضور، للتوقيع، خلال زيارة),
        not of what a body or a document is for (SUBJECT_RELATIONS)."""
        letters = normalize_letters(token.text)
        if opens_with(letters, "lam_article"):  # للتوقيع: ل and the article without its alef
            letters = "ا" + letters[1:]
        trigger = self.lex.trigger_for(letters)
        return trigger is not None and trigger[0].relation not in SUBJECT_RELATIONS
