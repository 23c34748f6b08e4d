"""What follows a project's head besides its name, for ``silk_patterns`` (issue 8, class 2): a mixin
of ``silkgraph.extract.projects.ProjectRules``.

- a capacity counted in thousands or millions (بطاقة 5 ملايين طن، بطاقة مليون طن سنويا): the scale
  words (``capacity_scale`` of ``data/lexicon/boundaries_projects.tsv``) stand between the number and
  its unit, or stand for the number (مليون طن);
- a purpose in construct (لطاقة الرياح، طاقة الرياح): ل glued to an indefinite noun, or the noun
  alone, and the definite words it governs;
- a capacity after a place no list knows (محطة للطاقة النووية في البلاد بقدرة 2400 ميغاواط);
- the first work of its kind (أول محطة للطاقة النووية بقدرة …): an ordinal that names one work
  when its capacity tells it apart, where another superlative (أكبر محطة) only describes one.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from silkgraph.extract.built import NUMBER, Built, slug
from silkgraph.extract.lexicon import LEXICON_DIR, Head, roles
from silkgraph.extract.verbs import load_verb_shapes
from silkgraph.normalize import identity_key, normalize_letters, opens_with, relational_ending, word_key
from silkgraph.records import Entity
from silkgraph.tables import read_tsv

ROLE = roles()
DASHES = ("-", "–", "—")
PLACE_GAP = 3
QUOTED_NAME = 5  # words a quoted company name may have (شركة "زد تي إي")
NAME_QUOTES = ('"', "«", "»", "“", "”")
COMPANY_NAME = 3  # words of a company's name between its head and the work it builds (وشيدت شركة تشاينا إلكتريك مصنعا …)
NEAR_BUILDING = 3  # words between a building word and the quoted project it founds (وستنفذ الشركة مشروع «…»)
# a building word this sure founds a work (بناء، إنشاء، تشييد، افتتاح: triggers.tsv); the weaker ones
# (تطوير، تشغيل، تمويل) also speak of kinds of works (تطوير المصانع)
FOUNDING = 0.6  # words of a place no list knows between a head and its capacity (في البلاد، في جنوب البلاد)


@lru_cache(maxsize=4)
def project_families(lexicon_dir: str = "") -> dict[str, str]:
    """A head's kind -> the family a named work of that kind is identified by
    (``data/lexicon/project_families.tsv``).

    >>> project_families()["solar power station"]
    'power station'
    """
    return {r["kind"]: r["family"] for r in read_tsv(Path(lexicon_dir or LEXICON_DIR) / "project_families.tsv")}


class ProjectComplements:
    """Capacities with scale words, purposes in construct, the first of a kind; see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وتبني الشركة مصفاة للنفط بطاقة 5 ملايين طن سنويا.")
    >>> [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Project"]
    [('مصفاة للنفط بطاقة 5 ملايين طن', 'project:oil-refinery:5000000t')]
    """

    builder_types = (ROLE.organization, ROLE.country)  # who may stand between a building verb and its work

    def scaled_number(self, doc: Doc, k: int) -> tuple[str, int]:
        """A number at token ``k`` and the scale words after it (5 ملايين، 300 ألف), or a scale word
        alone (مليون): the number in figures and where it ends; ("", k) when none."""
        scales = self.lex.words("capacity_scale")
        text = doc[k].text.replace(",", "") if k < len(doc) else ""
        if NUMBER.match(text.replace(".", "", 1)):
            number, k = text, k + 1
        elif k < len(doc) and word_key(text) in scales:
            number = "1"
        else:
            return "", k
        value = float(number)
        scaled = False
        while k < len(doc) and word_key(doc[k].text) in scales:
            value, scaled, k = value * self.scale_of(doc[k].text), True, k + 1
        # in Latin digits (٣٠٠ and 300 are one capacity), the written form when it is no whole number
        return (f"{value:.0f}" if scaled or value == int(value) else number), k

    @staticmethod
    def scale_of(text: str) -> int:
        """ألف 1000, مليون 10**6, مليار 10**9 (by the word's first letters: آلاف، ملايين، مليارات)."""
        letters = normalize_letters(text).lstrip("و")
        return 10 ** 9 if letters.startswith("مليار") else 10 ** 6 if letters.startswith(("مليون", "ملاي")) else 1000

    def construct_purpose(self, doc: Doc, i: int) -> int:
        """لطاقة الرياح، طاقة الرياح: a noun in construct (ل glued to it, or one of the
        ``construct_purpose`` words alone) and the definite words it governs, a purpose of the work
        before; where it ends, or ``i``."""
        if i + 1 >= len(doc) or doc[i].ent_iob_ != "O" or self.is_stop(doc[i]) or self.match_head(doc, i) is not None:
            return i
        bare = word_key(doc[i].text) in self.lex.words("construct_purpose") and self.is_definite(doc[i + 1]) \
            and not self.is_definite(doc[i]) and not self.is_stop(doc[i + 1]) and doc[i + 1].ent_iob_ != "B"
        if not (bare or self.glued_purpose(doc, i)):
            return i
        j = i + 2
        while j < len(doc) and self.is_definite(doc[j]) and not self.is_stop(doc[j]) and doc[j].ent_iob_ != "B" \
                and self.match_head(doc, j) is None and self.adjective_like(doc[j]):
            j += 1
        return j

    def capacity_after_place(self, doc: Doc, end: int) -> int:
        """في البلاد بقدرة …: where the capacity after a short place phrase no list knows starts, or
        ``end`` (no such phrase, or a place an entity names: the place rules read it)."""
        if end >= len(doc) or doc[end].norm_ != "في":
            return end
        for k in range(end + 1, min(end + 1 + PLACE_GAP, len(doc))):
            if doc[k].ent_iob_ != "O" or doc[k].is_punct:
                return end
            if self.is_word(doc[k], self.capacity_words):
                return k if k > end + 1 else end
        return end

    def first_of_kind(self, doc: Doc, start: int, end: int) -> bool:
        """أول محطة للطاقة النووية بقدرة …: an ordinal of the first just before the head names the
        work when a capacity tells it apart (``end`` past the capacity); built or not, the first of
        a kind in a place may be a description of one named elsewhere."""
        if start < 1 or word_key(doc[start - 1].text) not in self.lex.words("first_of_kind"):
            return False
        return any(self.is_word(t, self.capacity_words) for t in doc[start:end])

    def purpose_after(self, doc: Doc, i: int) -> tuple[bool, int]:
        """What a named work is for when adjectives of its name come first (مركز خورغوس الدولي
        للتعاون الحدودي) or the purpose is in construct (محطة «…» لطاقة الرياح): whether one
        follows token ``i``, and where it ends."""
        k = i
        while k < len(doc) and k - i < 2 and self.is_word(doc[k], self.lex.words("project_adjective")):
            k += 1
        if k > i:
            _, has_purpose, end = self.number_and_purpose(doc, k)
            if has_purpose:
                return True, self.coordinated_purpose(doc, end)
        end = self.construct_purpose(doc, i)
        return end > i, end

    def coordinated_purpose(self, doc: Doc, i: int) -> int:
        """للتدفئة والكهرباء: a definite noun joined by و to the purpose before it (and its
        adjectives) is part of it; where it ends."""
        if i >= len(doc) or doc[i].ent_iob_ != "O" or self.is_stop(doc[i]) or self.match_head(doc, i) is not None:
            return i
        letters = normalize_letters(doc[i].text)
        if not (letters.startswith("وال") and len(letters) > 5):
            return i
        j = i + 1
        while j < len(doc) and self.is_definite(doc[j]) and not self.is_stop(doc[j]) and doc[j].ent_iob_ == "O" \
                and self.match_head(doc, j) is None and self.adjective_like(doc[j]):
            j += 1
        return j

    def place_at(self, doc: Doc, k: int, types: tuple[str, ...]) -> Span | None:
        """The place a work is in after في at token ``k``: a place entity right after it or after
        words that say where in it or what it is (في شمال العاصمة بيشكيك، في ولاية …)."""
        fillers = self.route_filler | self.lex.words("place_filler")
        for j in range(k + 1, min(k + 4, len(doc))):
            place = self.ent_at(doc, j, types)
            if place is not None:
                return place
            place = self.place_by_name(doc, j, types)
            if place is not None:
                return place
            if doc[j].ent_iob_ != "O" or word_key(doc[j].text) not in fillers:
                return None
        return None

    def on_border(self, doc: Doc, k: int) -> int:
        """على الحدود بين طاجيكستان وأفغانستان، على الحدود الطاجيكية الأفغانية، على الحدود مع الصين at
        token ``k``: where the border a work stands on ends (its nisbas, or the countries after بين or
        مع), else ``k``. Border posts and crossings are told apart by it, as a work by its river."""
        if k + 2 >= len(doc) or word_key(doc[k].text) not in self.lex.words("water_preposition") \
                or word_key(doc[k + 1].text) not in self.lex.words("border_word"):
            return k
        j = k + 2
        while j < len(doc) and self.nisba_at(doc, j) is not None:
            j = self.nisba_at(doc, j).end
        if j == k + 2 and j + 1 < len(doc) and word_key(doc[j].text) in self.lex.words("border_between"):
            ents, end = self.entity_list(doc, j + 1, (ROLE.country, ROLE.region, ROLE.city))
            j = end if ents else j
        return j if j > k + 2 else k

    def on_water(self, doc: Doc, k: int) -> int:
        """على نهر بسكم، على ضفاف بحيرة بالخاش، على بحر قزوين at token ``k``: where the river, lake or
        sea a work stands on ends (a known name or a run of unknown words after the water word), else ``k``."""
        if k >= len(doc) or word_key(doc[k].text) not in self.lex.words("water_preposition"):
            return k
        j = k + 1
        if j < len(doc) and word_key(doc[j].text) in self.lex.words("water_filler"):
            j += 1
        if j + 1 >= len(doc) or word_key(doc[j].text) not in self.lex.words("water_body"):
            return k
        known = self.ent_at(doc, j) or self.ent_at(doc, j + 1)  # بحر قزوين (a known sea), نهر [سيحون]
        if known is not None:
            return known.end
        end = j + 1
        while end < len(doc) and end - j <= PLACE_GAP and not doc[end].is_punct and doc[end].ent_iob_ == "O" \
                and not self.is_stop(doc[end]) and not self.lex.is_common(doc[end].text) \
                and not self.is_word(doc[end], self.capacity_words) and not self.glued_capacity(doc, end) \
                and (end == j + 1 or not (self.water_name_ends(doc[end]) or self.glued_purpose(doc, end)
                                          or self.is_purpose(doc[end]))):  # [لتوليد] الكهرباء
            end += 1
        return end if end > j + 1 else k

    @staticmethod
    def water_name_ends(token) -> bool:
        """A preposition glued to a word (لتوليد، بقدرة): what follows a name, not more of it."""
        return opens_with(normalize_letters(token.text), "prepositions") and token.norm_ != word_key(token.text)

    def place_by_name(self, doc: Doc, j: int, types: tuple[str, ...]) -> Span | None:
        """في منطقة خاتلون، في مدينة كوستاناي: a region or city by a proper name no table lists, read
        ahead of the patterns' pass (which reaches it only after the work before it); written as a
        mention inside the work's span."""
        if doc[j].ent_iob_ != "O" or word_key(doc[j].text) not in self.place_words:
            return None
        found = self.match_head(doc, j)
        if found is None or found[0].needs != "place_name" or found[0].type not in types:
            return None
        built = self.build_organization(doc, j, *found)
        if built is None or built.end <= found[1] - (found[0].type == ROLE.city) or built.entity.type not in types:
            return None
        doc._.silk_entities.setdefault(built.entity.id, built.entity)
        return Span(doc, built.start, built.end, label=built.entity.type, kb_id=built.entity.id, span_id="pattern")

    def subject_before(self, doc: Doc, k: int) -> int:
        """وتبني شركة هواوي مصنعا …: past a builder named right before token ``k + 1`` (a verb,
        its subject, its object); the token before that name, or ``k``. A nisba after the name is
        passed too (شركة سينوما الصينية), and a company name the patterns are still reading (شركة
        تشاينا إلكتريك: an organisation head a few name words back)."""
        if k > 0 and self.nisba_at(doc, k) is not None:
            k -= 1
        if k < 0 or doc[k].ent_iob_ not in ("B", "I"):
            return self.company_head_before(doc, k)
        span = next((e for e in doc.ents if e.start <= k < e.end), None)
        if span is None or span.end != k + 1 or span.label_ not in self.builder_types:
            return k
        return span.start - 1

    def company_head_before(self, doc: Doc, k: int) -> int:
        """The token before a company head at most ``COMPANY_NAME`` words before ``k + 1`` with only
        name words between (no punctuation, entity, trigger), or ``k``."""
        heads = self.lex.words("org_variant_company")
        words, quoted, h = 0, False, k
        # a quoted name is one word however long (شركة "زد تي إي" [الصينية] مصنعا …), a nisba none
        while h >= 0 and h > k - COMPANY_NAME - QUOTED_NAME - 1 and words <= COMPANY_NAME:
            token = doc[h]
            if token.norm_ in heads and not quoted:
                return h - 1 if h < k else k
            if token.text in NAME_QUOTES:
                quoted = not quoted
                words += 0 if quoted else 1
            elif token.is_punct or (token.ent_iob_ in ("B", "I") and not quoted) or self.lex.trigger_for(token.text):
                return k
            elif not quoted and self.nisba_at(doc, h) is None:
                words += 1
            h -= 1
        return k

    @staticmethod
    def named_id(kind_en: str, name_key: str, number: str) -> str:
        """A named work's id: its family (a solar power station is a power station) and its name
        and number (رقم 2), not its capacity, which one mention writes and another leaves out."""
        family = project_families().get(kind_en, kind_en)
        return f"project:{slug(family)}:" + "-".join(x for x in (name_key, number) if x)

    def quoted_work(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """مشروع «الطريق الأخضر»، مشروع كاسا-1000 لنقل الكهرباء: a project named in quotes (no known
        entity nor another head inside) or by a name no list knows joined to its number, with what
        it is for; its name alone is an alias (a bare name alone after مشروع is too often a word no
        list knows of another kind). A quoted name needs what it is for or a building word
        before it (``built_near``)."""
        closing = self.quoted(doc, head_end)
        if closing:
            inside = doc[head_end + 1:closing - 1]
            if any(t.ent_iob_ != "O" or self.match_head(doc, t.i) is not None for t in inside) \
                    or self.is_word(inside[0], self.lex.words("draft_of")):
                return None  # مشروع «حزام واحد وطريق واحد»: the initiative's, a work of its own head, a draft
            name, end = inside.text, closing
        elif head_end + 2 < len(doc) and doc[head_end + 1].text in DASHES and NUMBER.match(doc[head_end + 2].text) \
                and self.foreign_word(doc[head_end]):
            name, end = doc[head_end:head_end + 3].text, head_end + 3
        else:
            return None
        _, has_purpose, after = self.number_and_purpose(doc, end)
        if not has_purpose:
            after = self.construct_purpose(doc, end)
        if closing and after == end and not self.built_near(doc, start):
            return None  # بفضل مشروع “طرق الحرير الجديدة”: a quoted name alone may be an initiative's
        entity = Entity(id=self.named_id(head.kind_en, identity_key(name), ""), type=head.type,
                        label_ar=self.base_form(doc, start, after, head), label_en="")
        aliases = [name, self.base_form(doc, start, end, head)]
        return Built(start, after, entity, aliases=[a for a in dict.fromkeys(aliases) if a != entity.label_ar])

    def built_near(self, doc: Doc, start: int) -> bool:
        """A building word of the founding kind a few words before token ``start`` in its sentence
        (وستنفذ الشركة مشروع …، بناء مشروع …)."""
        first = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
        for k in range(start - 1, max(first, start - 1 - NEAR_BUILDING) - 1, -1):
            trigger = self.lex.trigger_for(doc[k].text)
            if trigger is not None and trigger[0].relation == "builds" and trigger[0].confidence >= FOUNDING:
                return True
        return False

    def several_quoted(self, doc: Doc, start: int, head: Head, head_end: int, singular: Head) -> list[Built]:
        """محطتي «باش» و«جانكلدي» لطاقة الرياح: a dual or plural head and the quoted names coordinated
        after it, one work each, named with the singular head (محطة «باش»), what they are for
        (an alias) and, when given, their one capacity kept out of each (it is their sum)."""
        names: list[tuple[int, int]] = []
        k = head_end
        while k < len(doc):
            closing = self.quoted(doc, k)
            if not closing or any(t.ent_iob_ != "O" for t in doc[k + 1:closing - 1]):
                break
            names.append((k + 1, closing - 1))
            k = closing
            if k + 1 < len(doc) and doc[k].text in ("و", "،", ",") and doc[k + 1].text != doc[k].text:
                k += 1
            else:
                break
        if len(names) < 2:
            return []
        end = names[-1][1] + 1
        _, has_purpose, after = self.number_and_purpose(doc, end)
        if not has_purpose:
            after = self.construct_purpose(doc, end)
        purpose = doc[end:after].text
        out = []
        for n, (a, b) in enumerate(names):
            label = f"{singular.text} {doc[a - 1:b + 1].text}"
            entity = Entity(id=self.named_id(singular.kind_en, identity_key(doc[a:b].text), ""), type=head.type,
                            label_ar=label, label_en="")
            aliases = [doc[a:b].text] + ([f"{label} {purpose}"] if purpose else [])
            out.append(Built(start if n == 0 else a - 1, after if n == len(names) - 1 else b + 1, entity, aliases=aliases))
        return out

    def bare_name_end(self, doc: Doc, i: int, end: int) -> int:
        """Where a name no list knows after a head ends (from ``i`` to ``end`` at most): before a
        capacity or a measuring word (محطة كاراسو بقدرة …), a verb (محطة كاراسو ستوفر …) or the head of the
        next work of a list behind و (سد روغون ونفق شهرستان)."""
        for k in range(i, end):
            if self.is_word(doc[k], self.capacity_words) or self.is_word(doc[k], self.measure_verbs) \
                    or load_verb_shapes().is_verb(doc[k].text):
                return k
            if k > i and opens_with(normalize_letters(doc[k].text), "conjunctions") and self.match_head(doc, k) is not None:
                return k  # سد روغون [ونفق] شهرستان: the next work of a list
        return end

    def foreign_name_after(self, doc: Doc, head: Head, i: int, end: int) -> bool:
        """المنطقة الصناعية كاراسو، الميناء الجاف كاراسو: after a definite head of two words or more,
        a name no list knows (no common word, no article or other proclitic, no adjective in ي) is
        the work's name."""
        if len(head.words) < 2 or end <= i:
            return False
        return not any(self.lex.is_common(t.text) or self.is_definite(t) or relational_ending(word_key(t.text))
                       or t.norm_ != word_key(t.text) or self.glued_common(t) for t in doc[i:end])

    def glued_common(self, token) -> bool:
        """بكامل، وبعد: a proclitic letter glued to a common word (no foreign name)."""
        letters = normalize_letters(token.text)
        return len(letters) > 3 and letters[0] in "بلكوف" and self.lex.is_common(letters[1:])

    def without_generic(self, doc: Doc, start: int, end: int, head: Head) -> list[str]:
        """مصنع «…» للإسمنت الجديد: the form without the adjectives at its end that tell nothing apart."""
        k = end
        while k > start + len(head.words) and self.is_generic(doc[k - 1]):
            k -= 1
        return [self.base_form(doc, start, k, head)] if k < end else []

    def honorific_name_end(self, doc: Doc, i: int) -> int:
        """متحف أمير تيمور: an honorific (``honorific`` of
        ``data/lexicon/boundaries_projects.tsv``) and the one or two words of the name after it (a
        person or a place the model found, or words no list knows) name a work; where they end, or ``i``."""
        if i + 1 >= len(doc) or word_key(doc[i].text) not in self.lex.words("honorific"):
            return i
        k = i + 1
        while k < len(doc) and k - i <= 2 and not self.is_stop(doc[k]) and not self.lex.is_common(doc[k].text) \
                and doc[k].ent_type_ in ("", ROLE.person, ROLE.leader, ROLE.city) and (k == i + 1 or doc[k].ent_iob_ != "B"):
            k += 1
        return k if k > i + 1 else i

    def foreign_word(self, token) -> bool:
        """A word of a name no list knows: no entity, stop, common word, article, nisba, adjective
        in ي, verb or proclitic glued to a common word (روغون، غالكينيش; not ضخم، تجريبيا، صيني)."""
        key = word_key(token.text)
        return token.ent_iob_ == "O" and not self.is_stop(token) and not self.lex.is_common(token.text) \
            and not self.is_definite(token) and token.norm_ not in self.lex.nisba and not key.endswith(("ي", "يه", "يا")) \
            and not load_verb_shapes().is_verb(token.text) and not self.glued_common(token) and token.text.isalpha()
