"""Pieces of agreement names for ``silk_patterns``: a base of ``AgreementRules``
(``silkgraph.extract.agreements``), using the token tests of ``PatternMatcher``.

- Where a name ends: a verb of the past (… الضريبي دخلت حيز التنفيذ), ل + a pronoun (اتفاقية لها
  أهمية) and an indefinite word after a definite one that is not in construct (… النقل الدولي أهمية
  كبيرة; but طويلة الأمد) open the clause around it.
- What a name runs through: a document named inside its subject, after what is done to it or glued
  to ل (بروتوكول بشأن تعديل اتفاقية التعاون الجمركي، خطة عمل لتنفيذ معاهدة الصداقة، البرنامج
  التنفيذي للاتفاقية الثقافية), which is a document of its own too; the work it is for after its
  complement or value (اتفاقية استثمار لبناء مصنع للنسيج، عقدا بقيمة … لتوسيع ميناء أكتاو) or after
  بشأن (بشأن مشروع خط السكة الحديد); two nisbas joined by a dash (الصينية-الطاجيكية); coordinated
  relational adjectives (تعاون اقتصادي وتقني); what cooperation is in (بشأن التعاون في بناء …); a
  purpose in a short noun in construct (لحسن الجوار).
- What names none: a head that is an adjective too (وثيقة: close) after a noun it describes
  (علاقات وثيقة); إعلان X followed by what X announces (إعلان الصين عن …); عقد without ل unless the
  clause signs it (وقعت الشركة عقد الهندسة …; not عقد الرئيسان محادثات).
- Joint documents named by their sides' nisbas (الإعلان الصيني الكازاخستاني المشترك، البيان المشترك
  الصيني-الكازاخستاني): one per article and sides, signed by them.
- The formal parts of a name: its field (في مجال …), the years it covers (للفترة من 2024 إلى 2026),
  its value (بقيمة …), the governments behind its parties (بين حكومة … وحكومة …), a count that is no
  year (15 اتفاقية; not عام 2017 اتفاقية) and the shorter forms of a long name (its aliases).

Word lists: ``data/lexicon/boundaries_documents.tsv`` (``document_action``, ``adjective_head``,
``described_noun``, ``past_suffix``, ``relational_suffix``, ``lam_pronoun``, ``held_object``,
``announced``, ``joint_word``, ``bundle``, ``cooperation``, ``year_from``/``year_to``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.built import YEAR, Built, slug
from silkgraph.extract.infrastructure import CLOSERS, OPENERS
from silkgraph.extract.doc_state import DOC_SCOPE
from silkgraph.extract.lexicon import roles
from silkgraph.extract.verbs import load_verb_shapes
from silkgraph.records import Entity
from silkgraph.normalize import clitic_candidates, clitics, has_article, identity_key, normalize_letters, opens_with, phrase_key, word_key

ROLE = roles()
QUOTED_TITLE_REACH = 16  # how many words a quoted document title may hold
VALUE_REACH = 6  # how many words from بقيمة its currency may stand
PARTY_TYPES = (ROLE.country, ROLE.city, ROLE.region, ROLE.organization, ROLE.leader, ROLE.person)
DASHES = ("-", "–", "—")
CONTRACT_REACH = 6  # how far before عقد the word signing it may stand (وقعت وزارة الطاقة الطاجيكية عقد …)


class DocumentPhrases:
    """The pieces of agreement names; see the module docstring:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> [e.text for e in nlp("ووقع الجانبان بروتوكولا بشأن تعديل اتفاقية النقل البري").ents]
    ['بروتوكولا بشأن تعديل اتفاقية النقل البري']
    """

    title_words: set[str] | None = None  # the words of titles (الرئيس، رئيس الوزراء): no contract after عقد
    nesting = False  # building a document named inside another's name: the years after it are the other's

    def build_name_head(self, doc: Doc, start: int, head, head_end: int) -> Built | None:
        """A head named by the name after it (``build_named``); an agreement so named is no
        declaration where the name is who announces (إعلان الصين عن …، إعلان موسكو تعليق الرحلات)."""
        if head.type == ROLE.agreement:
            joint = self.joint_with_sides(doc, start, head, head_end)
            if joint is not None or head.joint:  # البيان: only as a joint statement of named sides
                return joint
        built = self.build_named(doc, start, head, head_end)
        if built is None or head.type != ROLE.agreement or not self.announcing(doc, start, built.end):
            return built
        return None

    def joint_with_sides(self, doc: Doc, start: int, head, head_end: int) -> Built | None:
        """A joint document named by its sides' nisbas before المشترك (الإعلان الصيني الكازاخستاني
        المشترك، البيان الصيني-الطاجيكي المشترك بشأن …): one per article and sides, as the joint
        documents named by their kind are, signed by those sides."""
        nisbas = self.nisba_sides(doc, head_end)
        sides = list(dict.fromkeys(n.kb_id_ for n in nisbas))
        j = nisbas[-1].end if nisbas else head_end
        if len(sides) < 2 or j >= len(doc) or word_key(doc[j].text) not in self.lex.words("joint_word"):
            return None
        end = self.about(doc, j + 1, [])
        eid = f"agreement:{DOC_SCOPE}:{slug(head.kind_en)}:{'-'.join(sorted(sides))}"
        label = self.head_label(doc, start, end, head)
        forms = [self.head_label(doc, start, j + 1, head), f"{self.head_label(doc, start, head_end, head)} {doc[j].text}"]
        built = Built(start, end, Entity(id=eid, type=head.type, label_ar=label, label_en=head.kind_en.capitalize()),
                      aliases=[f for f in dict.fromkeys(forms) if f != label])
        built.relations = [("signed", side, eid, 0.6) for side in sides]
        doc._.silk_joint.add(eid)
        return built

    def nisba_sides(self, doc: Doc, i: int) -> list[Span]:
        """The countries' nisbas from token i on, joined by a dash or و (الصيني-الكازاخستاني،
        الصيني والطاجيكي): two sides or more, else none."""
        found: list[Span] = []
        j = i
        while j < len(doc):
            nisba = self.nisba_at(doc, j)
            if nisba is not None and nisba.label_ == ROLE.country:
                found.append(nisba)
                j = nisba.end
            elif found and j + 1 < len(doc) and (doc[j].text in DASHES or doc[j].text == "و"):
                j += 1
            else:
                break
        return found if len({n.kb_id_ for n in found}) >= 2 else []

    def announcing(self, doc: Doc, start: int, k: int) -> bool:
        """What follows "إعلان X" at token k makes it X's announcing: عن، أن، بأن (not after في: جاء
        في إعلان دوشنبه أن …), or its object (an indefinite noun: انضمامها، تعليق الرحلات), not a verb
        or a particle (إعلان أستانا يؤكد …، إعلان سمرقند في ختام القمة)."""
        if k >= len(doc):
            return False
        token = doc[k]
        if self.in_words(token, "announced"):
            return token.norm_ == "عن" or start == 0 or doc[start - 1].norm_ != "في"
        letters = normalize_letters(token.text)
        return token.ent_iob_ == "O" and not token.is_punct and not token.like_num and not has_article(token.text) \
            and not self.is_stop(token) and letters[:1] not in ("ل", "ب", "و", "ف", "ك") and len(letters) > 3 \
            and not load_verb_shapes().is_verb(letters) and not self.clause_verb(token) \
            and word_key(token.text) not in self.lex.words("about") | self.between | self.lex.words("with")

    def in_words(self, token, kind: str) -> bool:
        """The word, or the word without a proclitic (لتنفيذ، وبتعديل), is in the list ``kind``."""
        words = self.lex.words(kind)
        return any(word_key(c) in words for c in clitic_candidates(normalize_letters(token.text)))

    def without_pronoun(self, letters: str) -> list[str]:
        """The word, and the word without an object pronoun (يجنبها -> يجنب)."""
        return [letters] + [letters[:-len(p)] for p in self.lex.words("object_pronoun")
                            if letters.endswith(p) and len(letters) > len(p) + 2]

    def past_verb(self, token) -> bool:
        """A known verb in a suffix of the past (دخلت، وقعتا، أعلنوا; no article, no prefix):
        the clause around a name begins."""
        if token.ent_iob_ != "O" or has_article(token.text) or token.like_num or token.is_punct:
            return False
        letters = normalize_letters(token.text)
        bases = [letters, letters[1:]] if letters[:1] in clitics()["conjunctions"] else [letters]
        stems = load_verb_shapes().stems
        return any(base.endswith(suffix) and base[:-len(suffix)] in stems
                   for base in bases for suffix in self.lex.words("past_suffix"))

    def nested_document(self, doc: Doc, j: int, works: list[Built] | None) -> int:
        """A document head at token j after a word for what is done to it (تعديل، لتنفيذ), or glued
        to ل (البرنامج التنفيذي للاتفاقية الثقافية):
        where the document named there ends (built into ``works``), else j."""
        nested = self.match_head(doc, j)
        if nested is None or nested[0].type != ROLE.agreement or j == 0 or doc[j - 1].ent_iob_ != "O":
            return j
        # … لتنفيذ معاهدة، بشأن تعديل اتفاقية; البرنامج التنفيذي للاتفاقية الثقافية: the other's
        if not (self.in_words(doc[j - 1], "document_action") or normalize_letters(doc[j].text).startswith("لل")):
            return j
        self.nesting = True
        try:
            work = self.build(doc, j, *nested)
        finally:
            self.nesting = False
        if work is None:
            return nested[1]  # بشأن تعديل الاتفاقية: the one named before, read through
        if works is not None:
            works.append(work)
        return work.end

    def work_here(self, doc: Doc, i: int, works: list[Built] | None) -> int:
        """A project or corridor named at token i (بشأن مشروع خط السكة الحديد …), built into
        ``works``: where it ends (its head's end for a kind of work named by no name: بشأن تطوير
        الموانئ الجافة), else i."""
        nested = self.match_head(doc, i) if i < len(doc) and works is not None else None
        if nested is None or nested[0].type not in (ROLE.project, ROLE.corridor):
            return i
        work = self.build(doc, i, *nested)
        works += [work] if work is not None else []
        # مشروع خط السكة الحديد: a kind read through, and what follows it
        return work.end if work is not None else self.work_here(doc, nested[1], works)

    def purpose_work(self, doc: Doc, head_end: int, end: int, works: list[Built]) -> int:
        """After a complement (اتفاقية استثمار), ل + a verbal noun and the work it is for
        (لبناء مصنع للنسيج): the name runs to the work's end, else it ends at ``end``."""
        if not head_end < end < len(doc) - 1 or not self.bare_masdar(doc[end], "lam"):
            return end
        after = self.work_here(doc, end + 1, works)
        return after if after > end + 1 else end

    def purpose_at(self, doc: Doc, i: int) -> bool:
        """ل glued to a noun in construct with a definite one at token i: what a document is for
        (لتطوير المناطق الحدودية، لحسن الجوار: a noun of three letters too)."""
        if self.glued_purpose(doc, i):
            return True
        if 0 <= i < len(doc) - 1 and doc[i + 1].like_num and self.supply_purpose(doc[i]) \
                and self.supplied_quantity_end(doc, i + 1) > i + 1:
            return True  # لتوريد 65 مليار متر مكعب من الغاز: what is supplied, counted
        if 0 <= i < len(doc) - 1 and normalize_letters(doc[i].text)[:1] == "ل" and self.in_words(doc[i], "document_action"):
            nested = self.match_head(doc, i + 1)
            named = self.ent_at(doc, i + 1)
            if named is not None and named.label_ not in PARTY_TYPES + (ROLE.project, ROLE.corridor, ROLE.event):
                return True  # خطة العمل المشتركة لتنفيذ مبادرة الحزام والطريق: a named policy
            return nested is not None and nested[0].type == ROLE.agreement  # خطة العمل لتنفيذ معاهدة …
        letters = normalize_letters(doc[i].text) if i + 1 < len(doc) else ""
        return len(letters) == 4 and letters[:1] == "ل" and word_key(letters) not in self.lex.words("period") \
            and self.is_definite(doc[i + 1]) and doc[i + 1].ent_iob_ != "B" and not self.is_stop(doc[i + 1])

    def purpose_chain_at(self, doc: Doc, i: int) -> bool:
        """What a document is for at token i, its object a construct too (لتمويل مشاريع البنية
        التحتية): ل + a verbal noun, an indefinite noun and a definite one."""
        return self.purpose_at(doc, i) or (
            i + 2 < len(doc) and self.bare_masdar(doc[i], "lam") and len(doc[i].text) > 4
            and not self.is_definite(doc[i + 1]) and not doc[i + 1].is_punct and doc[i + 1].ent_iob_ == "O"
            and self.is_definite(doc[i + 2]) and not self.is_stop(doc[i + 2]))

    def related_subject(self, doc: Doc, i: int, works: list | None = None) -> int:
        """After a participle of relating (الاتفاقية المتعلقة بتسهيل النقل الدولي، الخاصة بالحدود),
        ب + what the document is on, with its field: where that ends, else i."""
        k = i + 1 if i < len(doc) and self.in_words(doc[i], "relating") else i  # (the participle read or not)
        if not 1 < k < len(doc) or not self.in_words(doc[k - 1], "relating") or doc[k].ent_iob_ != "O" \
                or self.is_definite(doc[k - 1]) != self.is_definite(doc[k - 2]):
            return i  # (الاتفاقية خاصة بالبلدين: what is said of it, the adjective is not as definite as it)
        letters = normalize_letters(doc[k].text)
        if len(letters) < 4 or not any(letters.startswith(p) for p in self.lex.words("relating_preposition")):
            return i
        return self.cooperation_in(doc, self.field(doc, self.complement(doc, k + 1, works=works)), works)

    def linked_policies(self, doc: Doc, i: int) -> int:
        """At token i, a subject joining an initiative with another policy (الربط بين مبادرة الحزام
        والطريق وسياسة «الطريق المشرق» الاقتصادية): where it ends, else i."""
        if not i + 2 < len(doc) or not self.in_words(doc[i], "linking") or doc[i + 1].norm_ not in self.between:
            return i
        first = self.ent_at(doc, i + 2)  # a policy, not a party (بين الصين وكازاخستان: who signs)
        if first is None or first.label_ in PARTY_TYPES or first.end >= len(doc) \
                or not opens_with(doc[first.end].text, "coordinator"):
            return i
        second = self.ent_at(doc, first.end)  # و + the other policy: a name, or a noun and its own
        k = second.end if second is not None else first.end + 1
        while k < len(doc) and not doc[k].is_punct and not self.is_stop(doc[k]):
            ent = self.ent_at(doc, k)  # (وسياسة «الطريق المشرق» الاقتصادية، واستراتيجية التنمية الوطنية)
            if ent is None and not (self.is_definite(doc[k]) and doc[k].ent_iob_ == "O"):
                break
            k = ent.end if ent is not None else k + 1
        return k

    def quoted_title_end(self, doc: Doc, i: int) -> int:
        """Where a document's title quoted at token i ends (after its closing quote; a title may be
        long: «خطة العمل المشتركة لبناء مجتمع المستقبل المشترك»), or 0."""
        if i >= len(doc) or doc[i].text not in OPENERS or doc[i].text == "(":
            return 0
        for k in range(i + 1, min(i + 1 + QUOTED_TITLE_REACH, len(doc))):
            if doc[k].text in CLOSERS:
                return k + 1 if k > i + 1 else 0
            if doc[k].is_punct and doc[k].text not in DASHES:
                return 0
        return 0

    def quoted_title(self, doc: Doc, start: int, head, head_end: int) -> Built | None:
        """A document's head opening a quoted title («خطة العمل المشتركة لبناء …»، "اتفاقية …"): the
        title up to its closing quote is the name, whatever it holds."""
        close = self.quoted_title_end(doc, start - 1) if start > 0 and head.needs != "collective" else 0
        if close - 1 <= head_end:
            return None
        end = close - 1
        said = start > 1 and (doc[start - 2].text == ":" or self.in_words(doc[start - 2], "reporting_verb")
                              or self.in_words(doc[start - 2], "described_as"))  # وصفها بأنها «وثيقة تاريخية …»
        if said or any(self.clause_verb(doc[k]) or self.past_verb(doc[k]) or self.predicate_at(doc, k)
                       for k in range(head_end, end)):
            return None  # وقال: «اتفاقية التجارة الحرة مهمة …»: words quoted, no title
        label = doc[start:end].text
        entity = Entity(id=f"agreement:{identity_key(label)}", type=head.type, label_ar=label, label_en="")
        return Built(start, end, entity, inner=[e for e in doc.ents if start <= e.start and e.end <= end], aliases=[])

    def possessive(self, token) -> bool:
        """ل + a pronoun (لها، له، لهما): "which has", a clause on the document, no more of its name;
        or a preposition carrying a pronoun with no purpose after it (العقد معهما الأسبوع الماضي):
        who the document is with."""
        key = word_key(token.text)
        if key in self.lex.words("lam_pronoun"):
            return True
        doc = token.doc
        return key in self.lex.words("preposition_pronoun") and not (
            token.i + 1 < len(doc) and opens_with(normalize_letters(doc[token.i + 1].text), "lam"))

    def predicate_at(self, doc: Doc, j: int) -> bool:
        """An indefinite word after a definite one, not in construct with a definite word after it
        (… النقل الدولي أهمية كبيرة; but طويلة الأمد، متعدد الأطراف): what is said of a name, no part
        of it."""
        token, before = doc[j], doc[j - 1]
        if token.ent_iob_ != "O" or token.is_punct or token.like_num or has_article(token.text) \
                or not has_article(before.text) or before.ent_iob_ == "I" or normalize_letters(token.text)[:1] in ("و", "ل", "ب"):
            return False
        return not (j + 1 < len(doc) and has_article(doc[j + 1].text))

    def coordinated_verbal_nouns(self, doc: Doc, k: int) -> int:
        """ل + verbal nouns coordinated by و, then their definite object at token k (لتشجيع وحماية
        الاستثمارات المتبادلة): where the object ends, else k."""
        j = k + 1
        while j < len(doc) and self.bare_masdar(doc[j], "coordinator"):
            j += 1
        return self.complement(doc, j) if k + 1 < j < len(doc) and self.is_definite(doc[j]) else k

    def coordinated_construct(self, doc: Doc, j: int) -> bool:
        """و + a verbal noun at token j after an indefinite one, both in construct with what follows
        (اتفاقية بيع وشراء الغاز الطبيعي، بشأن بناء وتشغيل خط الأنابيب): one complement."""
        if not 0 < j < len(doc) - 1 or self.is_definite(doc[j - 1]) or doc[j - 1].is_punct or doc[j - 1].ent_iob_ != "O":
            return False
        rest = normalize_letters(doc[j].text)[1:]  # (a noun in construct takes no tanween: وتبادلا is a verb)
        trigger = self.lex.trigger_for(rest)
        if rest.endswith("ا") or not self.bare_masdar(doc[j], "coordinator") or self.past_verb(doc[j]) \
                or (trigger is not None and trigger[0].kind == "verb"):
            return False
        return self.is_definite(doc[j + 1]) or doc[j + 1].ent_iob_ == "B" or self.match_head(doc, j + 1) is not None

    def coordinated_adjective(self, doc: Doc, j: int) -> bool:
        """و + a relational adjective at token j after another, both without the article
        (تعاون اقتصادي وتقني، اقتصادية وتجارية): one complement."""
        def relational(letters: str) -> bool:
            return len(letters) >= 4 and letters.endswith(tuple(self.lex.words("relational_suffix")))
        before, word = doc[j - 1], normalize_letters(doc[j].text)[1:]
        return before.ent_iob_ == "O" and not has_article(before.text) and not has_article(word) \
            and relational(normalize_letters(before.text)) and relational(word)

    def vague_count_start(self, doc: Doc, start: int, counts: set[str]) -> int:
        """Where a word of ``counts`` before documents starts them (حزمة من الاتفاقيات، سلسلة
        اتفاقيات), else ``start``."""
        if start > 0 and word_key(doc[start - 1].text) in counts:
            return start - 1
        if start > 1 and doc[start - 1].norm_ == "من" and word_key(doc[start - 2].text) in counts:
            return start - 2
        return start

    def shorter_ends(self, doc: Doc, head_end: int, end: int) -> list[int]:
        """Where a shorter form of a long document name may end: before each preposition,
        subject word, purpose, coordinated noun or word glued to ب of its complement (معاهدة حسن
        الجوار | والصداقة والتعاون، اتفاقية التعاون | في مجال الطاقة | بين …، اتفاقا لإنشاء صندوق
        مشترك | برأسمال …), never inside a name it holds."""
        cuts = self.lex.words("about") | self.between | self.lex.words("with") | {"في"}
        return [k for k in range(head_end + 1, end) if doc[k].ent_iob_ != "I" and not doc[k].is_punct and (
            doc[k].norm_ in cuts or word_key(doc[k].text) in cuts
            or normalize_letters(doc[k].text)[:1] in ("ل", "و")
            or (normalize_letters(doc[k].text)[:1] == "ب" and doc[k].ent_iob_ == "O"))]

    def signed_contract(self, doc: Doc, start: int, head_end: int) -> bool:
        """عقد without ل after it (عقد الهندسة والمشتريات، عقد امتياز) is a contract where the
        sentence signs it shortly before, and what follows is no party, title or meeting (وقع
        البلدان اتفاقية ثم عقد الرئيسان محادثات: held)."""
        if head_end >= len(doc) or not self.signed_here(doc, start):
            return False
        token = doc[head_end]
        held = self.match_head(doc, head_end)
        if self.title_words is None:
            self.title_words = {w for t in self.lex.titles for w in phrase_key(t.title_ar).split()}
        return token.ent_iob_ == "O" and not self.is_stop(token) and token.norm_ not in self.title_words \
            and not self.in_words(token, "pair") and not self.in_words(token, "pair_leader") \
            and not self.in_words(token, "held_object") and (held is None or held[0].type != ROLE.event) \
            and not self.past_verb(token) and not self.clause_verb(token)

    def signed_here(self, doc: Doc, start: int) -> bool:
        """A signing word a few words before token ``start`` in the same clause, with no document
        between them (وقعت شركة تبيان عقد …; not وقعت الحكومة اتفاقية، عقد المسؤولون …)."""
        for k in range(start - 1, max(doc[start].sent.start, start - CONTRACT_REACH) - 1, -1):
            head = self.match_head(doc, k)
            if doc[k].is_punct or (head is not None and head[0].type == ROLE.agreement):
                return False
            if self.is_signing(doc[k]):
                return True
        return False

    @staticmethod
    def counts(token) -> bool:
        """A number that counts documents (15 اتفاقية), not a year (وقعت مع الصين عام 2017 اتفاقية)."""
        return token.like_num and not YEAR.match(token.text)

    def nisba_dash(self, doc: Doc, j: int) -> bool:
        """A dash at token j between two nisbas (الصينية-الطاجيكية)."""
        return doc[j].text in DASHES and j + 1 < len(doc) and self.nisba_at(doc, j + 1) is not None \
            and any(r.end == j for r in self.nisbas(doc).values())

    def head_describes_noun(self, doc: Doc, start: int, head) -> bool:
        """A head that is an adjective too (وثيقة: close) right after a noun it describes
        (علاقات وثيقة، العلاقات الوثيقة): no document."""
        return start > 0 and head.words[0] in self.lex.words("adjective_head") \
            and self.in_words(doc[start - 1], "described_noun")

    def governments(self, doc: Doc, i: int) -> tuple[list[Span], int]:
        """The countries behind their governments (بين حكومة جمهورية كازاخستان وحكومة جمهورية الصين
        الشعبية), as a formal title names the parties; and where they end."""
        found: list[Span] = []
        j = i
        while j + 1 < len(doc) and self.is_government(doc[j]):
            ent = self.ent_at(doc, j + 1, (ROLE.country,))
            if ent is None:
                break
            found.append(ent)
            j = ent.end
        return found, (found[-1].end if found else i)

    def is_government(self, token) -> bool:
        """حكومة، وحكومة، حكومتي: a word for the government a country signs through."""
        return any(word_key(c) in self.lex.words("government") for c in clitic_candidates(normalize_letters(token.text)))

    def owned(self, token) -> bool:
        """A noun in ة with an attached pronoun (قيمتها، مدتها): what follows says something of the
        documents (خمس اتفاقيات قيمتها مليارا دولار), it is not their name."""
        letters = normalize_letters(token.text)
        return any(letters.endswith(p) and len(letters) > len(p) + 1 for p in self.lex.words("owned_suffix"))

    def value_end(self, doc: Doc, i: int) -> int:
        """End of what documents are worth at token i (بقيمة ملياري دولار، بملياري دولار: up to the
        currency, a few words on), else i."""
        j = i + 1 if i < len(doc) and word_key(doc[i].text) in self.lex.words("value") else i
        for k in range(j, min(j + VALUE_REACH, len(doc))):  # (بقيمة إجمالية تزيد على 3 مليارات دولار)
            if doc[k].is_punct or doc[k].ent_iob_ != "O" or self.clause_verb(doc[k]):
                break  # (اتفاقية يبلغ حجمها مليار دولار: what is said of it, not its name)
            if word_key(doc[k].text) in self.lex.words("currency"):
                if k + 1 < len(doc) and word_key(doc[k + 1].text) in self.lex.words("currency_adjective"):
                    k += 1  # مليار دولار أمريكي
                return k + 1 if k > j or j > i else i
        return i

    def cooperation_in(self, doc: Doc, i: int, works: list | None = None) -> int:
        """After a word of cooperation, في + what it is in (بشأن التعاون في بناء الحزام الاقتصادي …):
        where that ends, else i; a work named in it goes into ``works`` (see ``complement``). (A
        place after في is where, not what: … في أوزبكستان.)"""
        if not 0 < i < len(doc) - 1 or doc[i].norm_ != "في" or doc[i + 1].ent_iob_ != "O" \
                or self.in_words(doc[i + 1], "occasion"):
            return i  # (في ختام المحادثات، في الحفل: when and where, not what in)
        if not self.in_words(doc[i - 1], "cooperation") and not (  # (or its adjectives before في:
                self.is_definite(doc[i + 1])  # الشراكة الاستراتيجية الشاملة في العصر الجديد)
                and any(self.in_words(t, "cooperation") for t in doc[max(0, i - 3):i - 1])):
            return i
        end = self.complement(doc, i + 1, works=works)
        return end if end > i + 1 else i

    def field(self, doc: Doc, i: int) -> int:
        """End of في مجال/مجالات + a noun phrase at token i (an agreement's field), else i."""
        if i + 2 < len(doc) and doc[i].norm_ == "في" and word_key(doc[i + 1].text) in self.lex.words("field"):
            end = self.complement(doc, i + 2)
            return end if end > i + 2 else i
        return i

    def period_end(self, doc: Doc, i: int) -> int:
        """The years a plan covers: حتى عام 2025، للأعوام 2013 – 2017، 2021-2025، للفترة من 2024 إلى
        2026 (from token i, or from the period word the complement took last); i when there are none."""
        for k in (i - 1, i) if i > 0 else (i,):
            j = k
            if j < len(doc) and word_key(doc[j].text) in self.lex.words("period"):
                j += 1
                if j < len(doc) and word_key(doc[j].text) in self.lex.words("period"):
                    j += 1  # حتى عام
                if j + 1 < len(doc) and word_key(doc[j].text) in self.lex.words("year_from") and YEAR.match(doc[j + 1].text):
                    j += 1  # للفترة من 2024 …
            if j < len(doc) and YEAR.match(doc[j].text):
                j += 1
                if j + 1 < len(doc) and (doc[j].text in DASHES or word_key(doc[j].text) in self.lex.words("year_to")):
                    last = j + 2 if word_key(doc[j + 1].text) in self.lex.words("period") else j + 1  # إلى عام 2026
                    j = last + 1 if last < len(doc) and YEAR.match(doc[last].text) else j
                if j > i:
                    return j
        return i
