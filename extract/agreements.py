"""Agreements for ``silk_patterns``: treaties, declarations, memoranda, contracts and plans from
their heads in ``data/lexicon/heads.tsv``.

- ``any`` (treaties, agreements): an optional complement (معاهدة حسن الجوار الدائم والصداقة والتعاون)
  and the parties after بين.
- ``none``: the head alone (بيان مشترك).
- ``contract`` (عقد): as عقد + ل and a verbal noun (عقدا لبناء …، عقدا بقيمة … لتوسيع …) or where
  the clause signs it (وقعت الشركة عقد الهندسة …), else "held/holding";
  ``period`` (خطة، استراتيجية): a document only with the years it covers (حتى عام 2030), or where
  the sentence signs or adopts it (أقرت الحكومة خطة … لتطوير …).
- ``decree`` (مرسوم): only with its subject (مرسوم بشأن …، مرسوم لإنشاء …); one signer's act.
- ``collective`` (اتفاقيات، وثائق): documents named together, by a count, a value or a definite
  kind (خمس اتفاقيات، خمس عشرة اتفاقية، الوثائق التعاونية، حزمة من الاتفاقيات), never a bare
  generic plural (اتفاقيات تعاون).

What a document is for (… لتطوير …), the parties before its subject (اتفاقية بين الصين وكازاخستان
بشأن …) and a quoted name (اتفاقية «…») belong to its name; its shorter forms are aliases.

A name ends before a clause on the document (اتفاقية تنص على …، يبلغ حجمها …), a word of likeness
(كهذه) and a place glued to ب (وثيقة بإثيوبيا), and not on a purpose that lost its object (اتفاقية
لتطوير، …); a head and vague adjectives alone (اتفاقا نهائيا) and a generic plural (توقيع وثائق
التعاون) name nothing (word lists: ``data/lexicon/boundaries_documents.tsv``).

A subject after بشأن or a field (في مجال …) belongs to the name, and the projects and corridors it
names are entities of their own; so do a quantity supplied (لتوريد 65 مليار متر مكعب من الغاز
سنويا) and the place the work it is for stands in (لإنشاء مركز لوجستي في ميناء …، عبر قرغيزستان). Declarations named after a place or body (إعلان أستانا, ``name``)
are built by ``PatternMatcher.build_named`` through ``build_name_head``; that and the other pieces
of names are in ``silkgraph.extract.agreement_phrases``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.agreement_forms import AgreementForms
from silkgraph.extract.agreement_phrases import DocumentPhrases
from silkgraph.extract.built import NUMBER, Built, slug
from silkgraph.extract.doc_state import DOC_SCOPE, make_span
from silkgraph.extract.lexicon import roles, Head
from silkgraph.extract.relation_args import in_words
from silkgraph.extract.surface import COMMAS
from silkgraph.extract.verbs import VerbShapes, imperfect_letters, load_verb_shapes
from silkgraph.normalize import has_article, identity_key, normalize_letters, opens_with, phrase_key, word_key
from silkgraph.records import Entity
from silkgraph.schema import schema

ROLE = roles()
DECREE_PREFIX = "agreement:decree:"  # the ids of decrees: signed by who issues them alone (extract/signing.py)
CLAUSE_MARKS = (*COMMAS, "؛")  # a hope before these governs another clause
SIGNING_REACH = 8  # how many words before documents named together the word signing them may stand
QUANTITY_UNITS = 4  # how many words of units (مليار متر مكعب) or of what is counted may follow a supplied number
LONG_SUBJECT_REACH = 16  # … or in the same clause (no comma between), past a long subject of titles and names


class AgreementRules(DocumentPhrases, AgreementForms):
    """Agreement rules; see the module docstring. A mixin of ``silkgraph.extract.patterns.PatternMatcher``,
    using its token tests and pieces (``ent_at``, ``entity_list``, ``match_head``, ``head_label`` ...):

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> [(e.text, e.label_) for e in nlp("وقعت الحكومتان اتفاقية بشأن التعاون في مجال الطاقة الشمسية").ents]
    [('اتفاقية بشأن التعاون في مجال الطاقة الشمسية', 'Agreement')]
    """

    def complement(self, doc: Doc, i: int, definite_head: bool = False, works: list[Built] | None = None) -> int:
        """The noun phrase completing an agreement's name: stops at prepositions, verbs, heads.

        After a definite head only definite adjectives follow (الاتفاقية التجارية); an indefinite
        word there is a predicate (الاتفاق مهم), not part of the name. With ``works``, a project or
        corridor named inside (بشأن تطوير الموانئ الجافة) is built, added to it, and read through."""
        j = i
        while j < len(doc) and j - i < self.max_complement:
            token = doc[j]
            letters = normalize_letters(token.text)
            if (token.ent_iob_ != "B" and (self.clause_verb(token) or self.past_verb(token))) \
                    or self.is_word(token, self.lex.words("likeness")) or self.possessive(token) \
                    or (j == i and self.glued_preposition(token)):
                break  # اتفاقية تنص على …، اتفاقا يقضي بـ …: a clause on it begins; وثيقة بإثيوبيا، اتفاقية كهذه
            if definite_head and j == i and not self.is_definite(token):
                break  # a definite noun annexes nothing: الاتفاق بنك …: the bank is the verb's subject
            if j > i and token.ent_iob_ != "B" and (
                    (definite_head and not self.is_definite(token) and self.title_word(token))
                    or (j + 1 < len(doc) and self.in_words(doc[j + 1], "under_which"))):
                break  # الاتفاقية الإطارية للقروض رئيس الوزراء …: the signer; اتفاقيات مالية تقدم بموجبها: a clause
            if j > i and word_key(token.text) in self.lex.words("negating_noun") and j + 1 < len(doc) \
                    and self.is_definite(doc[j - 1]) and self.is_definite(doc[j + 1]) and doc[j + 1].ent_iob_ == "O":
                j += 2  # الطاقة غير النفطية: غير and the adjective it negates
                continue
            if j > i and token.ent_iob_ != "B" and (self.verb_on_it(token) or self.predicate_at(doc, j)):
                break  # … وقعها الجانبان; بشأن النقل الدولي أهمية كبيرة: what is said of it
            if token.norm_ == "من" and j + 1 < len(doc) and opens_with(doc[j + 1].text, "article") \
                    and j > i:
                j += 1
                continue
            if token.like_num and j > 0 and self.supply_purpose(doc[j - 1]):
                quantity = self.supplied_quantity_end(doc, j)  # لتوريد 65 مليار متر مكعب من الغاز سنويا
                if quantity > j:
                    j = quantity
                    continue
            if j > i and self.nisba_dash(doc, j):
                j += 1  # الصينية-الطاجيكية
                continue
            inner_end = self.nested_document(doc, j, works)  # بشأن تعديل اتفاقية …: another document
            if inner_end > j:
                j = inner_end
                continue
            nested = self.match_head(doc, j)
            if works is not None and nested is not None and nested[0].type in (ROLE.project, ROLE.corridor) and j > i:
                work = self.build(doc, j, *nested)
                if work is not None:
                    works.append(work)
                j = work.end if work is not None else nested[1]  # الموانئ الجافة: a kind, no named work
                continue
            if self.is_stop(token) or word_key(token.text) in self.descriptor_words or (  # … الموقعة من قبل
                    nested is not None and nested[0].needs != "period"  # الشراكة الاستراتيجية
                    and nested[0].type != ROLE.organization):  # خطة المنظمة
                break
            if opens_with(letters, "coordinator") and j > i and token.ent_iob_ != "B" and self.lex.is_common(letters[1:]) \
                    and opens_with(doc[j - 1].text, "lam") and not self.is_purpose(doc[j - 1]):
                j += 1  # لتطوير وتحديث السكك …: verbal nouns coordinated, their object after both
                continue
            if opens_with(letters, "coordinator") and not opens_with(letters, "coordinator", "article") and j > i \
                    and token.ent_iob_ != "B":
                if j + 1 < len(doc) and opens_with(doc[j + 1].text, "article") and self.is_definite(doc[j - 1]) \
                        and not self.is_stop(doc[j + 1]):
                    j += 2  # … والتعاون وحسن الجوار: a noun in construct coordinated with the one before
                    continue
                if self.coordinated_adjective(doc, j) or self.coordinated_construct(doc, j):
                    j += 1  # اتفاقية تعاون اقتصادي وتقني; اتفاقية بيع وشراء الغاز
                    continue
                break
            if j > i and token.ent_iob_ != "B" and self.construct_after_lam(doc, j):
                j = self.construct_end(doc, j)  # لحاملي جوازات السفر الدبلوماسية: whom it is for, more of its name
                continue
            if opens_with(letters, "lam") and not opens_with(letters, "lam_article") and j > i and token.ent_iob_ != "B":
                break
            if token.ent_iob_ != "B" and (self.ends_complement(doc, j) or word_key(token.text) in self.lex.words("value")):
                break
            if token.ent_iob_ == "B":
                ent = self.ent_at(doc, j)
                j = ent.end if ent is not None else j + 1
                continue
            j += 1
        return j

    def title_word(self, token) -> bool:
        """A word of an office's title (رئيس، وزير، نائب): after a definite document, its signer begins."""
        if self.title_words is None:
            self.title_words = {w for t in self.lex.titles for w in phrase_key(t.title_ar).split()}
        return token.norm_ in self.title_words and word_key(token.text) in self.lex.words("office_word")

    def clause_verb(self, token) -> bool:
        """A verb opening a clause on the document (تنص، يقضي، جرى; any known verb in ي, سي, ست or
        تت: تتعلق، تتضمن): no name goes on through it."""
        if self.is_word(token, self.lex.words("clause_verb")):
            return True
        letters = imperfect_letters(token.text, self.lex.words("clause_verb_prefix"))
        # (with an object pronoun too: اتفاق يجنبها العقوبات; one of six letters in ي is a verb even unknown)
        bare = self.without_pronoun(letters) if letters else []
        return bool(letters) and (any(load_verb_shapes().is_verb(v) for v in bare)
                                  or (len(bare) > 1 and letters[:1] == "ي" and len(letters) >= 6))

    def trimmed(self, doc: Doc, head_end: int, end: int) -> int:
        """Where a document's complement really ends: without the purpose that has lost its object
        (اتفاقية لتطوير، …؛ اتفاقية لتطوير وتوسيع، …: ل and indefinite verbal nouns last)."""
        k = end
        while k > head_end and doc[k - 1].ent_iob_ == "O" and not opens_with(doc[k - 1].text, "article") and (
                self.bare_masdar(doc[k - 1], "lam") or (k - 1 > head_end and self.bare_masdar(doc[k - 1], "coordinator"))):
            k -= 1
            if opens_with(doc[k].text, "lam") and not self.is_purpose(doc[k]):
                return k  # (its object, had it one, would follow the last of them)
        return end

    def bare_masdar(self, token, clitic: str) -> bool:
        """ل (or و) glued to a verbal noun without the article: لتطوير، وتوسيع (not لاهاي, لندن: names
        in ل; also له، لم، لـ: a particle or a pronoun)."""
        letters = normalize_letters(token.text)
        if not opens_with(letters, clitic) or self.is_purpose(token):
            return False
        rest = letters[1:]
        return len(rest) <= 2 or self.lex.is_common(rest) or self.lex.trigger_for(rest) is not None \
            or (rest[:1] == "ت" and len(rest) >= 4)

    def vague(self, doc: Doc, head_end: int, end: int) -> bool:
        """Whether all a head has after it are adjectives that tell no document apart (اتفاقية جديدة،
        وثيقة تاريخية، اتفاقا نهائيا)."""
        return end > head_end and all(self.is_word(t, self.lex.words("vague_adjective")) for t in doc[head_end:end])

    def verb_on_it(self, token) -> bool:
        """A trigger verb with an object pronoun (… وقعها الجانبان، أبرمه البلدان): the clause around
        the name begins."""
        letters = normalize_letters(token.text)
        for suffix in self.lex.words("object_pronoun"):
            if letters.endswith(suffix) and len(letters) > len(suffix) + 2 and not has_article(token.text):
                trigger = self.lex.trigger_for(letters[:-len(suffix)])
                if trigger is not None and trigger[0].kind == "verb":
                    return True
        return False

    def ends_complement(self, doc: Doc, j: int) -> bool:
        """A word that starts the clause around a name, not more of it: another relation's trigger
        (بحضور، خلال زيارة; a building or partnership word still names what the document is
        about), or a preposition on an indefinite noun after a definite word (… التعليم العالي
        بحضور …)."""
        token = doc[j]
        if self.clause_trigger(token):
            return True
        letters = normalize_letters(token.text)
        return opens_with(letters, "prepositions") and not has_article(token.text) \
            and self.is_definite(doc[j - 1]) and word_key(token.text) not in self.lex.words("about")

    def build_agreement(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        if self.head_describes_noun(doc, start, head) or self.described_as(doc, start) \
                or (head.needs == "period" and self.adjective_of_construct(doc, start, head)):
            return None  # علاقات وثيقة: close relations; بأنها «وثيقة تاريخية»: what it is called; no document
        if head.needs == "decree" and len(head.words) == 1 and head.words[0] in self.lex.words("leader_decision") \
                and not self.issued_by_leader(doc, start):
            return None  # اتخذت الحكومة قرارا بشأن …: a decision, no decree
        if self.hoped_signing(doc, start):
            return None  # يأمل الجانبان في توقيع اتفاقية بشأن …: a document wished for does not exist yet
        title = self.quoted_title(doc, start, head, head_end)
        if title is not None:
            return title  # «خطة العمل المشتركة لبناء مجتمع المستقبل المشترك»: all the quotes hold
        if head.needs != "none" and head_end < len(doc) and doc[head_end].norm_ == "علي":
            # الاتفاق على: "agreeing on", not a document (but نص البيان المشترك على: it stipulated)
            return None
        if head.needs == "collective" or (start > 0 and not has_article(doc[start - 1].text) and (
                self.counts(doc[start - 1]) or doc[start - 1].norm_ in self.lex.words("quantifier")
                or word_key(doc[start - 1].text) in self.lex.words("count_word"))):  # خمس عشرة اتفاقية
            return self.build_collective(doc, start, head, head_end)  # 30 اتفاقية تعاون، عدة اتفاقيات
        definite = self.is_definite(doc[start])
        described = head_end  # a document named by its kind: what follows describes it (an alias)
        across = None  # the parties the name reads across (اتفاقية بين الصين وكازاخستان بشأن …، عقدا مع …)
        quoted_end = head_end  # after a quoted name (اتفاقية «الممر الأخضر»), a form of its own
        works: list[Built] = []  # the projects and corridors the document is about
        supplied = 0  # where the name ends before where the goods it supplies go (… لتوريد الغاز | إلى الصين)
        if head.needs == "contract" and head_end < len(doc) and doc[head_end].norm_ in self.lex.words("with"):
            across = self.subject_after_parties(doc, head_end, works)  # عقدا مع وزارة الطاقة لبناء …
            if across is None:
                return None
            end = across[2]
        elif head.needs == "contract":
            # عقد is a contract as عقد لبناء/لتوريد … or where the clause signs it: else the verb or
            # noun "held/holding"
            purpose = self.value_end(doc, head_end)  # عقدا بقيمة 200 مليون دولار لتوسيع …
            if purpose >= len(doc) or not opens_with(doc[purpose].text, "lam") or self.is_purpose(doc[purpose]) \
                    or self.is_stop(doc[purpose]) or self.in_words(doc[purpose], "held_object"):  # عقد لقاء: held
                if not self.signed_contract(doc, start, head_end):
                    return None
                purpose = head_end - 1  # وقعت الشركة عقد الهندسة والمشتريات والبناء: signed, so a contract
            end = self.work_here(doc, purpose + 1, works)  # عقدا لبناء محطة الطاقة …: the work contracted for
            supplied = self.complement(doc, end) if end < len(doc) else end
            end = self.destination_after(doc, purpose, supplied)
            if self.trimmed(doc, purpose, end) == purpose:
                return None  # عقدا لبناء، …: what for, the sentence does not say
            if end + 1 < len(doc) and doc[end].norm_ == "رقم" and NUMBER.match(doc[end + 1].text):
                end += 2
            end = self.purpose_place(doc, purpose, end)  # عقدا لبناء محطة كهرومائية على نهر زرافشان
        elif head.needs == "decree":  # مرسوم بشأن …، مرسوم لإنشاء …: a decree only with its subject
            end = head_end
        elif head.needs == "none":  # مذكرة تفاهم (بشأن …): named by its kind, described by what follows
            purpose = head_end < len(doc) and (  # مذكرة تفاهم للتعاون في …، لإنشاء مختبر …
                self.is_purpose(doc[head_end]) or self.bare_masdar(doc[head_end], "lam"))
            described = self.about(doc, self.complement(doc, head_end, definite, []) if purpose else head_end, works)
            described = self.quoted_purpose(doc, head_end, described) if purpose else described
            if purpose and described > head_end + 1 and self.purpose_chain_at(doc, described):
                described = self.complement(doc, described + 1)  # لإنشاء منصة مشتركة | لتمويل مشاريع الطاقة …
            end = head_end
        elif self.quoted_title_end(doc, head_end):  # اتفاقية «الممر الأخضر» للتعاون …: its name in quotes, then the rest
            end = quoted_end = self.quoted_title_end(doc, head_end)
            end = max(end, self.complement(doc, end, False, works)) if end < len(doc) and self.is_purpose(doc[end]) else end
        else:  # اتفاقية لبناء محطة للطاقة الشمسية: the work it is for is read through, and built
            supplied = self.complement(doc, head_end, definite, works)
            quoted = self.quoted_purpose(doc, head_end, supplied)  # مذكرة لإنشاء "مختبر مشترك …"
            supplied = quoted if quoted > supplied else self.trimmed(doc, head_end, supplied)
            end = self.destination_after(doc, head_end, supplied)
            end = self.purpose_work(doc, head_end, end, works)  # اتفاقية استثمار لبناء مصنع للنسيج
            end = self.work_place(doc, end, works)  # … لإنشاء مجمع لصناعة النسيج في الولاية
            end = self.purpose_place(doc, head_end, end)  # … لإنشاء مركز لوجستي مشترك في ميناء ليانيونغانغ
        named_end = subject_end = head_end if across else end  # before its subject: اتفاقية تعاون (بشأن …)
        if head.needs not in ("none", "contract"):
            end = self.about(doc, end, works)
            subject_end = end  # before what it is for: مرسوم بشأن التدابير الإضافية (لتطوير …)
            if (end > head_end or head.needs == "decree" or len(head.words) > 1) and self.purpose_at(doc, end):
                # خطة التعاون لتطوير المناطق الحدودية، مرسوم بشأن التدابير لتطوير التعاون: what the
                # document is for, part of its name
                end = max(end, self.complement(doc, end + 1, works=works))
                end = self.cooperation_in(doc, self.field(doc, end), works)  # لتطوير التعاون في مجال الصناعة
        if head.needs in ("any", "decree", "period") and end > head_end:
            end = self.supply_destination(doc, head_end, end)  # بشأن … لتصدير الشعير (إلى الصين)
        if head.needs in ("any", "decree", "period") and end == named_end:
            end = self.value_end(doc, end)  # اتفاقا بقيمة 100 مليون دولار
            if end > named_end and self.purpose_chain_at(doc, end):
                end = max(end, self.complement(doc, end + 1, works=works))  # … دولار لتمويل مشاريع البنية التحتية
        if head.needs in ("any", "decree", "period") and end == named_end:
            across = self.subject_after_parties(doc, end, works)
            if across is None and end + 1 < len(doc) and word_key(doc[end].text) in self.lex.words("signed_participle"):
                across = self.subject_after_parties(doc, end + 1, works)  # الاتفاق الموقع بين X وY لبناء …
            end = across[2] if across else end
        if head.needs == "decree" and end == head_end:
            return None  # مرسوما يقضي …: a decree the sentence does not name
        if definite and end == head_end and head.needs != "none" and not head.joint:
            return None  # الاتفاق alone refers back to an agreement named before; it is no new one
        if self.nesting and end - 1 > head_end and word_key(doc[end - 1].text) in self.lex.words("coverage"):
            end -= 1  # خطة عمل لتنفيذ معاهدة الصداقة (للفترة …): the years are the outer document's
        dated = end  # before the years it covers: خطة عمل لتطوير السياحة (للفترة 2024-2026)
        # a plan's years; another document's only after a word of coverage (للفترة 2024-2026), not its
        # date (معاهدة … عام 2001)
        if head.needs == "period" or (head.needs == "any" and not self.nesting and any(
                k < len(doc) and word_key(doc[k].text) in self.lex.words("coverage") for k in (end - 1, end))):
            period = self.period_end(doc, end)
            if period == end and head.needs == "period" and not (end > head_end and self.adopted(doc, start)):
                return None  # خطة، استراتيجية: a document only with the years it covers, or signed or adopted
            end = period
        if end == named_end and self.vague(doc, head_end, end) and not across:
            end = head_end  # اتفاقية جديدة: no document told apart (unless its parties follow)
        if end == head_end and head.kind_en.endswith("s") and head.needs != "none":
            return None  # اتفاقيات alone: some documents, none named
        parties = self.parties_after(doc, described if head.needs == "none" else end)
        if across:
            parties = across[0]
        if head.joint and not parties and end == head_end:
            parties = self.nisba_sides(doc, head_end)  # البيان المشترك الصيني-الكازاخستاني: its sides
        # a joint document alone (أصدر الجانبان إعلانا مشتركا) is the talks' one, named by its kind
        by_kind = head.needs == "none" or (head.joint and end == head_end and not parties)
        later = len(head.words) > 1 and end < len(doc) and doc[end].norm_ in self.between
        if end == head_end and head.needs not in ("none", "contract") and not parties and not by_kind and not later:
            return None  # اتفاقية alone: a document the sentence does not name (but اتفاقية إطارية بين …:
            # a kind told apart, its parties named only later: ``later_parties``)
        # what tells the document apart from another article's: its own words, or a work it is about
        # that has an identity of its own (اتفاقية لبناء خط سكة حديد names no railway: one per article)
        inside = [w for w in works if head_end <= w.start < end]
        in_work = {k for w in inside for k in range(w.start, w.end)}
        comp = [t for t in doc[head_end:end] if t.i not in in_work]
        # a purpose in plain words (اتفاقية لبناء خط سكة حديد) describes; it names nothing
        named = comp[:next((n for n, t in enumerate(comp) if opens_with(normalize_letters(t.text), "lam")), len(comp))]
        distinctive = len(named) >= 3 or any(DOC_SCOPE not in w.entity.id for w in inside) or any(
            t.ent_iob_ == "B" for t in comp) or any(not self.lex.is_common(t.text) for t in named if not t.is_punct)
        key = identity_key(self.head_label(doc, start, end, head))  # بميثاق …، لاتفاقية …: as its label begins
        party_ids = sorted({p.kb_id_ for p in parties})
        if by_kind:  # بيانا مشتركا … البيان المشترك: one joint statement per article (and parties)
            eid = f"agreement:{DOC_SCOPE}:{slug(head.kind_en)}{':' + '-'.join(party_ids) if party_ids else ''}"
        elif head.needs == "decree":  # one signer's act: told apart from documents of two sides
            eid = f"{DECREE_PREFIX}{key}"
        elif party_ids:
            eid = f"agreement:{key}:{'-'.join(party_ids)}"
        elif distinctive:
            eid = f"agreement:{key}"
        else:
            eid = f"agreement:{DOC_SCOPE}:{key}"
        aliases = []
        if by_kind:  # بيانا مشتركا: named by its kind, in the base form
            label_ar, label_en = head.text, head.kind_en[:1].upper() + head.kind_en[1:]
            aliases = [self.head_label(doc, start, described, head), self.printed_form(doc, start, described)] \
                if described > head_end else []  # … بشأن …: in the base form and as printed
        else:
            label_ar, label_en = self.head_label(doc, start, end, head), ""
            aliases = [self.head_label(doc, start, k, head) for k in (quoted_end, named_end, subject_end, dated)
                       if head_end < k < end and not (across and k == named_end)]
            aliases += [doc[head_end + 1:quoted_end - 1].text] if quoted_end > head_end else []
        if parties and not across:  # اتفاقية الإعفاء من التأشيرات بين الصين وطاجيكستان: with its parties, one form
            aliases.append(self.head_label(doc, start, parties[-1].end, head))
            if by_kind:  # بيانا مشتركا حول … بين جمهورية الصين الشعبية وجمهورية كازاخستان: as printed too
                aliases.append(self.printed_form(doc, start, parties[-1].end))
        if end + 1 < len(doc) and doc[end].norm_ in self.lex.words("with") and head.needs != "none":
            partner, partner_end = self.entity_list(doc, end + 1, (ROLE.country, ROLE.organization))
            if partner:  # مرسوم بشأن … التعاون الاقتصادي مع جمهورية الصين الشعبية: with its partner, one form
                aliases.append(self.head_label(doc, start, partner_end, head))
                field_end = self.cooperation_in(doc, self.field(doc, partner_end), works)
                if field_end > partner_end:  # … التعاون مع الصين في مجال الصناعة: and the field after it
                    aliases += [self.head_label(doc, start, field_end, head), self.printed_form(doc, start, field_end)]
        if across:  # named without its parties (اتفاقية بشأن …), the whole span a form
            aliases.append(label_ar)
            label_ar = f"{self.head_label(doc, start, named_end, head)} {doc[across[1]:end].text}"
        shorter = self.shorter_ends(doc, head_end, described if by_kind else end)
        aliases += [self.head_label(doc, start, k, head) for k in shorter]
        if not by_kind:  # اتفاقا لإنشاء صندوق …: each form as printed too (the label is in the base form)
            aliases += [self.printed_form(doc, start, k) for k in (*shorter, end)]
        told = described if by_kind else end
        pair_end = self.pair_after(doc, told) if told > head_end else 0  # (not a bare مذكرة تفاهم بين الجانبين)
        if pair_end:  # إعلانا مشتركا حول إقامة علاقات الشراكة بين البلدين: with the two sides, one form
            aliases += [self.head_label(doc, start, pair_end, head), self.printed_form(doc, start, pair_end)]
        if head_end < supplied < end:  # عقدا لتوريد الغاز (إلى الصين): the goods alone, a form too
            aliases += [self.head_label(doc, start, supplied, head), self.printed_form(doc, start, supplied)]
        aliases = [a for a in dict.fromkeys(aliases) if a != label_ar and word_key(a.split()[-1]) not in self.lex.words("with")]
        entity = Entity(id=eid, type=head.type, label_ar=label_ar, label_en=label_en)
        built = Built(start, end, entity, inner=[e for e in doc.ents if start <= e.start and e.end <= end],
                      aliases=aliases)
        for work in works:
            doc._.silk_entities.setdefault(work.entity.id, work.entity)
            built.inner += [make_span(doc, work.start, work.end, work.entity.type, work.entity.id, "pattern"), *work.inner]
        built.works = works  # their aliases, relations and the heads referring back to them (patterns.py)
        built.relations = [("signed", p.kb_id_, eid, 0.6) for p in parties]
        if head.joint:
            doc._.silk_joint.add(eid)
        return built

    def build_collective(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """Documents named together (خمس اتفاقيات، عددا من الوثائق التعاونية، اتفاقات بقيمة ملياري
        دولار): one node per article for all of them, and only where the sentence signs them (a
        signing word shortly before, الموقعة after); by the number before them, their complement and
        their adjectives, each form an alias. A vague count (عدة) is not part of the name, and
        without a number or a complement they are not named at all."""
        sent = doc[start].sent
        named_end = self.complement(doc, head_end, self.is_definite(doc[start]))
        end = self.value_end(doc, self.about(doc, named_end, []))
        # a complement or a value names them; a field alone does not (اتفاقيات في مجالات مختلفة)
        named = named_end > head_end or self.value_end(doc, named_end) > named_end
        # خمس اتفاقيات قيمتها مليارا دولار: named without what is said of them
        owned = next((k for k in range(head_end, end) if self.owned(doc[k])), end)
        parties = self.parties_after(doc, end)
        before = self.words_before(doc, start)
        if not parties and not any(self.is_signing(t) or self.headline_signing(doc, t) for t in before) \
                and not (end < sent.end and self.is_signing(doc[end])):
            return None  # الاتفاقيات المهمة، اتفاقيات تعاون: documents talked of, not signed here
        if any(in_words(t.text, self.lex.words("planned")) for t in sent):
            return None  # من المقرر أن يوقع الجانبان 20 وثيقة: not signed, or not yet
        first = start
        if start > sent.start and not has_article(doc[start - 1].text) and (
                self.counts(doc[start - 1]) or word_key(doc[start - 1].text) in self.lex.words("count_word")):
            first = start - 1  # خمس اتفاقيات (not الدول الخمس: a definite number follows its own noun)
            if first > sent.start and word_key(doc[first - 1].text) in self.lex.words("count_word"):
                first -= 1  # خمس عشرة اتفاقية
        valued = self.value_end(doc, named_end) > named_end
        definite = any(self.is_definite(t) for t in doc[start:named_end])  # اتفاقيات المدن الشقيقة
        if not self.is_definite(doc[start]) and named_end > head_end and doc[max(start - 1, 0)].norm_ != "من" \
                and self.is_word(doc[head_end], self.lex.words("generic_kind")):
            definite = False  # توقيع وثائق التعاون: documents of a kind, none named (but عددا من اتفاقيات التعاون)
        dual = self.is_word(doc[start], self.lex.words("dual"))  # اتفاقيتين: a count of its own
        if first == start and not (valued or dual or (named and definite)):
            # عدة اتفاقيات (في مجالات مختلفة), اتفاقيات تعاون: some documents, none named; without a
            # count or a value only the definite ones are (الوثائق التعاونية الموقعة)
            first = self.vague_count_start(doc, start, self.lex.words("bundle"))  # حزمة من الاتفاقيات
            if first == start:
                return None
        label = self.head_label(doc, start, owned, head) if owned > head_end else self.head_label(doc, start, end, head)
        adjectives = head_end
        while adjectives < end and self.is_definite(doc[adjectives]) and doc[adjectives].ent_iob_ == "O":
            adjectives += 1  # الوثائق التعاونية (في مجالات …)
        forms = [doc[first:end].text, self.head_label(doc, start, end, head), doc[first:owned].text,
                 self.head_label(doc, start, adjectives, head), doc[first:head_end].text,
                 doc[first:named_end].text]  # 12 وثيقة تعاون (في مجالات …): the count and its kind
        bundle = self.vague_count_start(doc, first, self.lex.words("bundle"))
        forms += [doc[bundle:named_end].text] if bundle < first else []  # حزمة من الاتفاقيات التجارية
        if first < start and first >= 2 and doc[first - 1].norm_ == "من" \
                and word_key(doc[first - 2].text) in self.lex.words("count_bound"):
            forms += [doc[first - 2:named_end].text, doc[first - 2:end].text]  # أكثر من 15 اتفاقية استثمارية
        aliases = [f for f in dict.fromkeys(forms) if len(f) > len(doc[start:head_end].text)
                   and f != label and f != doc[start:end].text]
        entity = Entity(id=f"agreement:{DOC_SCOPE}:documents", type=head.type, label_ar=label, label_en="")
        built = Built(first, end, entity, inner=[e for e in doc.ents if first <= e.start and e.end <= end],
                      aliases=aliases)
        built.relations = [("signed", p.kb_id_, entity.id, 0.6) for p in parties]
        return built

    def subject_after_parties(self, doc: Doc, i: int, works: list[Built]) -> tuple[list[Span], int, int] | None:
        """اتفاقية بين الصين وكازاخستان بشأن …، اتفاقا مع الحكومة لبناء …: the parties after a head,
        then what the document is about, for or worth. Returns the parties after بين (two or more),
        where they end and where the subject ends; None without a subject."""
        if i >= len(doc) or not (doc[i].norm_ in self.between or doc[i].norm_ in self.lex.words("with")):
            return None
        ents, k = self.party_list(doc, i + 1, (ROLE.country, ROLE.organization, ROLE.city))
        if not ents:
            ents, k = self.governments(doc, i + 1)
        if len(ents) < 2 and doc[i].norm_ in self.between:
            bodies, bodies_end = self.headed_bodies(doc, i + 1)  # بين شركة هواوي الصينية وشركة كازموناي غاز لبناء …
            ents, k = (bodies, bodies_end) if bodies else (ents, k)
        body = i + 2 if i + 2 < len(doc) and self.is_government(doc[i + 1]) else i + 1  # بين حكومتي البلدين
        if not ents and body < len(doc) and word_key(doc[body].text) in self.lex.words("pair"):
            k = body + 1  # بين البلدين
        elif not ents and i + 2 < len(doc) and self.is_definite(doc[i + 1]) and self.nisba_at(doc, i + 2) is not None:
            k = self.nisba_at(doc, i + 2).end  # مع الحكومة الأوزبكية: the country signs; مع الشركة الأوزبكية: none named
            ents = [self.nisba_at(doc, i + 2)] if self.is_government(doc[i + 1]) else []
        if k == i + 1 or k == i:
            return None
        sub = self.about(doc, k, works)
        if sub == k and self.glued_purpose(doc, k):
            sub = self.complement(doc, k + 1, works=works)
        elif sub == k and k < len(doc) and opens_with(normalize_letters(doc[k].text), "lam") \
                and not self.is_purpose(doc[k]):
            sub = self.work_here(doc, k + 1, works)
            sub = k if sub == k + 1 else sub  # لبناء مركز للبيانات: what for, a work of the graph
            sub = self.coordinated_verbal_nouns(doc, k) if sub == k else sub  # لتشجيع وحماية الاستثمارات …
            sub = self.complement(doc, k + 1, works=works) if sub == k and self.purpose_chain_at(doc, k) else sub
        covers = k < len(doc) and word_key(doc[k].text) in self.lex.words("coverage")  # (not عام 2002: when signed)
        sub = max(sub, self.value_end(doc, k), self.period_end(doc, k) if covers else k)  # … بين البلدين للأعوام 2025-2030
        if sub == k:
            return None
        # the parties after بين (two or more), or the one after مع: it signs with the subject
        with_one = doc[i].norm_ in self.lex.words("with")
        return (ents if with_one or len(ents) >= 2 else []), k, sub

    def occasion_end(self, doc: Doc, i: int) -> int:
        """After بمناسبة at token i, the occasion a document marks (الذكرى الثلاثين لإقامة العلاقات
        الدبلوماسية: its noun phrase and what that is of, after ل): where it ends, else i."""
        end = self.complement(doc, i + 1)
        if end == i + 1 or not self.is_definite(doc[i + 1]):
            return i
        if end + 1 < len(doc) and self.bare_masdar(doc[end], "lam") and self.is_definite(doc[end + 1]):
            end = self.complement(doc, end + 1)  # لإقامة العلاقات الدبلوماسية
        return end

    def pair_after(self, doc: Doc, end: int) -> int:
        """بين البلدين، بين الجانبين right after a document's name: where the two sides end, or 0 (the
        countries they are stay unnamed: no party is read from them). A dual in construct (بين وزارتي
        الخارجية، بين وزارتي خارجية البلدين) is the two sides too."""
        dual = self.dual_bodies_end(doc, end + 1) if end + 2 < len(doc) and doc[end].norm_ in self.between else 0
        if dual:
            covers = dual < len(doc) and word_key(doc[dual].text) in self.lex.words("coverage")
            return self.period_end(doc, dual) if covers else dual  # … بين وزارتي الخارجية للفترة 2025-2027
        if end + 1 < len(doc) and doc[end].norm_ in self.between and (
                word_key(doc[end + 1].text) in self.lex.words("pair") or self.definite_dual(doc[end + 1])):
            covers = end + 2 < len(doc) and word_key(doc[end + 2].text) in self.lex.words("coverage")
            return self.period_end(doc, end + 2) if covers else end + 2  # بين الحزبين للفترة 2023-2027
        return self.named_pair_after(doc, end)

    def dual_bodies_end(self, doc: Doc, k: int) -> int:
        """A dual in construct at token k (وزارتي الخارجية، وزارتي خارجية البلدين، حكومتي البلدين):
        where what it is in construct with ends (its definite words, or one word and البلدين), else 0."""
        if k + 1 >= len(doc) or doc[k].ent_iob_ != "O" or word_key(doc[k].text) not in self.lex.words("dual_body"):
            return 0
        j = k + 1
        while j < len(doc) and doc[j].ent_iob_ == "O" and self.is_definite(doc[j]) and not self.is_stop(doc[j]) \
                and word_key(doc[j].text) not in self.lex.words("coverage"):
            j += 1  # وزارتي الخارجية، وزارتي التجارة الخارجية
        if j == k + 1 and j + 1 < len(doc) and doc[j].ent_iob_ == "O" and not doc[j].is_punct \
                and word_key(doc[j + 1].text) in self.lex.words("pair"):
            j += 2  # وزارتي خارجية البلدين
        return j if j > k + 1 else 0

    def definite_dual(self, token) -> bool:
        """A definite dual in the oblique case (الحزبين، الوزارتين، المدينتين): two sides of a kind."""
        letters = normalize_letters(token.text)
        return token.ent_iob_ == "O" and has_article(token.text, prepositions=False) and letters.endswith("ين") \
            and len(letters) >= 7 and not letters.endswith("يين")

    def named_pair_after(self, doc: Doc, end: int) -> int:
        """بين ولاية أنديجان ومنطقة شينجيانغ، بين لانتشو وألماتي right after a document's description:
        where the two places or bodies end (و glued to the head of a place the names left out too), or 0."""
        if end + 2 >= len(doc) or doc[end].norm_ not in self.between:
            return 0
        k, count = end + 1, 0
        while k < len(doc):
            ent = self.ent_at(doc, k)
            if ent is None or ent.label_ not in (ROLE.country, ROLE.city, ROLE.region, ROLE.organization):
                break
            k, count = ent.end, count + 1
            if k < len(doc) and doc[k].ent_iob_ == "B" and opens_with(normalize_letters(doc[k].text), "coordinator"):
                continue  # ومنطقة قانسو: the و inside the next name
            if k + 1 < len(doc) and doc[k].text == "و":
                k += 1
            elif k + 1 < len(doc) and opens_with(normalize_letters(doc[k].text), "coordinator") \
                    and word_key(normalize_letters(doc[k].text)[1:]) in self.lex.words("party_place_head"):
                k += 1  # ومنطقة شينجيانغ: the region's head outside its name
            else:
                break
        return k if count >= 2 and doc[k - 1].ent_iob_ != "O" else 0

    def adopted(self, doc: Doc, start: int) -> bool:
        """A word shortly before token ``start`` saying the document was signed or adopted (وقع
        البلدان خطة …، أقرت الحكومة استراتيجية …), not that it is planned."""
        before = self.words_before(doc, start)
        if any(in_words(t.text, self.lex.words("planned")) for t in before):
            return False
        return any(self.is_signing(t) or in_words(t.text, self.lex.words("adopt")) for t in before)

    def work_place(self, doc: Doc, end: int, works: list[Built]) -> int:
        """Past في and where the work a document is for stands, right after that work (اتفاقية لإنشاء
        محطة رياح بقدرة 1 غيغاواط في منطقة جامبيل، مذكرة لإنشاء مجمع … في الولاية): where the place
        ends, else end."""
        if end + 1 >= len(doc) or doc[end].norm_ != "في" or not any(w.start < end <= w.end for w in works):
            return end
        place = self.ent_at(doc, end + 1, (ROLE.region, ROLE.city, ROLE.country))
        if place is not None:
            return place.end
        token = doc[end + 1]
        if token.ent_iob_ == "O" and opens_with(token.text, "article") and word_key(token.text) in self.lex.words("party_place_head"):
            return end + 2  # في الولاية: the region named before
        return end

    def purpose_place(self, doc: Doc, purpose: int, end: int) -> int:
        """Past a preposition of place after what a document is for, when that is building or
        developing a work (لإنشاء مركز لوجستي مشترك | في ميناء ليانيونغانغ، لتطوير ممر النقل | عبر
        قرغيزستان، لبناء محطة | على نهر زرافشان): where the place named there ends, else end."""
        if not purpose < end < len(doc) - 1 or not self.builds_purpose(doc[purpose]) \
                or word_key(doc[end].text) not in self.lex.words("purpose_place_preposition"):
            return end
        work = self.match_head(doc, purpose + 1)
        if work is None or work[0].type not in (ROLE.project, ROLE.corridor):
            return end  # لتطوير التعاون | في بكين: no work there, the place is where it was signed
        k = end + 1
        noun = doc[k].ent_iob_ == "O" and word_key(doc[k].text) in self.lex.words("purpose_place_noun")
        k += 1 if noun else 0  # على نهر زرافشان، في ميناء ليانيونغانغ: the place's name after its word
        place = self.ent_at(doc, k, (ROLE.region, ROLE.city, ROLE.country, ROLE.project))
        return place.end if place is not None else end

    def supply_purpose(self, token) -> bool:
        """A verbal noun of supplying, glued to ل or in construct after a head (لتوريد، لتصدير، عقد
        توريد)."""
        letters = normalize_letters(token.text)
        return letters in self.lex.words("supply") or (opens_with(letters, "lam") and letters[1:] in self.lex.words("supply"))

    def supplied_quantity_end(self, doc: Doc, j: int) -> int:
        """A quantity supplied at token j, after ل and a verbal noun of supplying: a number, its
        units (no article) and what of after من (65 مليار متر مكعب من الغاز الطبيعي), or what
        counts (50 قاطرة كهربائية), then how often (سنويا): where it ends, else j."""
        k = j + 1
        while k < len(doc) and k <= j + QUANTITY_UNITS and doc[k].ent_iob_ == "O" and not doc[k].is_punct \
                and not has_article(doc[k].text) and doc[k].norm_ != "من" \
                and (doc[k].like_num or not self.is_stop(doc[k])) and not self.clause_verb(doc[k]) \
                and not self.past_verb(doc[k]):  # (مليار: a number word)
            k += 1
        if k == j + 1:
            return j
        if k + 1 < len(doc) and doc[k].norm_ == "من":
            if doc[k + 1].ent_iob_ != "O" or word_key(doc[k + 1].text) in self.body_head_words():
                return k  # 50 قاطرة (من شركة …): who supplies them is no part of it
            if not self.is_definite(doc[k + 1]):
                return j  # (… طن من مركزات …: what of is not named as goods are)
            k = self.complement(doc, k + 1)  # … من الغاز الطبيعي
        if k < len(doc) and word_key(doc[k].text) in self.lex.words("supply_rate"):
            k += 1
        return k

    def builds_purpose(self, token) -> bool:
        """ل glued to a verbal noun of building or developing (لبناء، لإنشاء، لتطوير، لتحديث)."""
        letters = normalize_letters(token.text)
        trigger = self.lex.trigger_for(letters[1:]) if opens_with(letters, "lam") and len(letters) > 3 else None
        return trigger is not None and trigger[0].relation == "builds"

    def supply_destination(self, doc: Doc, head_end: int, end: int) -> int:
        """A purpose of supply inside a document's subject (بروتوكولا بشأن متطلبات الصحة النباتية
        لتصدير الشعير الكازاخستاني | إلى الصين): where the goods go is part of it too (``destination_after``)."""
        purpose = next((k for k in range(end - 1, head_end - 1, -1) if opens_with(normalize_letters(doc[k].text), "lam")
                        and normalize_letters(doc[k].text)[1:] in self.lex.words("supply")), None)
        return end if purpose is None else self.destination_after(doc, purpose, end)

    def quoted_purpose(self, doc: Doc, head_end: int, end: int) -> int:
        """A quoted name right after the purpose a document is for (مذكرة لإنشاء "مختبر مشترك
        لدراسات الحزام والطريق"، مذكرة تفاهم لإنشاء "منطقة خورغوس …"): where its quotes close, else end."""
        if not head_end < end < len(doc) - 1 or not self.bare_masdar(doc[end - 1], "lam"):
            return end
        return self.quoted_title_end(doc, end) or end

    def issued_by_leader(self, doc: Doc, start: int) -> bool:
        """A president issues or signs the decision at token ``start``: a verb of issuing or signing
        in its clause before it, a president's office word or a known leader between that verb and it
        (أصدر الرئيس الأوزبكي إسلام كريموف قرارا بشأن …)."""
        before = self.words_before(doc, start)
        verb = next((n for n, t in enumerate(before) if self.is_signing(t) or in_words(t.text, self.lex.words("issue_verb"))), None)
        if verb is None:
            return False
        return any(in_words(t.text, self.lex.words("leader_office")) or (t.ent_type_ == ROLE.leader)
                   for t in before[verb + 1:])

    def hoped_signing(self, doc: Doc, start: int) -> bool:
        """Whether the signing word nearest before token ``start`` in its clause follows a word of
        hoping (``hope_stem`` in any inflection, ``hope_word`` as written: boundaries_signing.tsv):
        يأمل الجانبان في توقيع اتفاقية …، أعرب عن أمله في توقيع …. A document wished for does not exist
        yet. Only hoping: a signing scheduled (من المقرر أن يوقع …) is annotated as the dispatch
        announces it, and so are documents after words of calling or studying on the check half."""
        sent = doc[start].sent
        signing = None
        for k in range(start - 1, max(sent.start, start - SIGNING_REACH) - 1, -1):
            if doc[k].text in CLAUSE_MARKS:
                return False
            trigger = self.lex.trigger_for(doc[k].text)
            if trigger is not None and trigger[0].relation == "signed":
                signing = k
                break
        if signing is None:
            return False
        hope = VerbShapes(frozenset(self.lex.words("hope_stem")), load_verb_shapes().affixes)
        for k in range(signing - 1, max(sent.start, signing - SIGNING_REACH) - 1, -1):
            if doc[k].text in CLAUSE_MARKS:
                return False
            if hope.is_verb(doc[k].text) or in_words(doc[k].text, self.lex.words("hope_word")):
                return True
        return False

    def words_before(self, doc: Doc, start: int) -> list:
        """The ``SIGNING_REACH`` words before token ``start`` in its sentence, a name counted as one
        word (its first): a long subject of names and titles (وقع حاكم ولاية سمرقند فلان ورئيس مجموعة
        "…" للنسيج فلان مذكرة …) keeps the signing verb in reach."""
        sent = doc[start].sent
        near = [t for t in doc[sent.start:start] if not t.is_punct and t.ent_iob_ != "I"][-SIGNING_REACH:]
        clause: list = []  # (the names of people are not entities yet here: up to a comma, further)
        for t in reversed(doc[sent.start:start]):
            if t.text in ("،", ",", ":", "؛") or len(clause) >= LONG_SUBJECT_REACH:
                break
            if not t.is_punct:
                clause.append(t)
        return near if len(clause) <= len(near) else list(reversed(clause))

    def adjective_of_construct(self, doc: Doc, start: int, head: Head) -> bool:
        """A definite one-word head after a definite noun in construct with an indefinite one (مركز
        الدراسات الاستراتيجية): an adjective of that name, no document."""
        if len(head.words) > 1 or start < 2 or not self.is_definite(doc[start]):
            return False
        before, construct = doc[start - 1], doc[start - 2]
        return before.ent_iob_ == "O" and construct.ent_iob_ == "O" and self.is_definite(before) \
            and not self.is_definite(construct) and not construct.is_punct and not construct.like_num \
            and self.match_head(doc, start - 1) is None \
            and not self.agreement_head_at(doc, start - 2) \
            and not self.past_verb(construct) and self.lex.trigger_for(construct.text) is None \
            and not self.clause_verb(construct)

    def agreement_head_at(self, doc: Doc, k: int) -> bool:
        """A document's head at token k (not a body's or a work's: مركز، معهد)."""
        found = self.match_head(doc, k)
        return found is not None and found[0].type == ROLE.agreement

    def parties_after(self, doc: Doc, end: int) -> list[Span]:
        """The parties of a document after بين (… بين الصين وكازاخستان; … الموقعة بين …): two or
        more, else none."""
        if end + 1 < len(doc) and word_key(doc[end].text) in self.lex.words("signed_participle"):
            end += 1  # اتفاقية الإعفاء من التأشيرات الموقعة بين الصين وكازاخستان
        if end < len(doc) and doc[end].norm_ in self.between:
            parties, _ = self.party_list(doc, end + 1, (ROLE.country, ROLE.organization, ROLE.city, ROLE.region))
            parties = parties or self.governments(doc, end + 1)[0]
            # a region is a party beside a state (بين الصين وآسيا الوسطى: the five states as one side)
            if len(parties) >= 2 and any(p.label_ != ROLE.region for p in parties):
                return parties
        return []

    def is_signing(self, token) -> bool:
        """A word saying documents were signed: not a verb of the present or future (يتوقع أن يوقع
        الجانبان: expected, not done)."""
        trigger = self.lex.trigger_for(token.text)
        if trigger is None or trigger[0].relation != "signed":
            return False
        return trigger[0].kind != "verb" or not imperfect_letters(token.text, self.lex.words("imperfect_prefix"))

    def about(self, doc: Doc, end: int, works: list[Built] | None = None) -> int:
        """An agreement's subject after بشأن (اتفاقية … بشأن الإعفاء المتبادل من التأشيرات في …); the
        projects and corridors it names go into ``works``."""
        if self.field(doc, end) > end:
            return self.field(doc, end)  # اتفاقية تعاون في مجال الطاقة
        if self.related_subject(doc, end, works) > end:
            return self.related_subject(doc, end, works)  # الاتفاقية المتعلقة بتسهيل النقل الدولي
        cooperation_end = self.cooperation_in(doc, end, works)
        if cooperation_end > end:
            return cooperation_end  # اتفاقية للتعاون في بناء الطرق، … في بناء خط السكة الحديد بين …
        if end + 2 < len(doc) and word_key(doc[end].text) in self.lex.words("occasion_of"):
            return self.occasion_end(doc, end)  # بيانا مشتركا بمناسبة الذكرى الثلاثين لإقامة العلاقات …
        if end + 1 >= len(doc) or word_key(doc[end].text) not in self.lex.words("about"):
            return end
        if self.linked_policies(doc, end + 1) > end + 1:
            return self.linked_policies(doc, end + 1)  # بشأن الربط بين مبادرة الحزام والطريق وسياسة …
        after = self.complement(doc, self.work_here(doc, end + 1, works), works=works)  # بشأن مشروع خط …
        if after == end + 1:
            return end
        while after + 2 < len(doc) and doc[after].norm_ == "من" and self.is_definite(doc[after + 2]):
            after = self.complement(doc, after + 1)  # الإعفاء المتبادل من متطلبات التأشيرة
        after = self.cooperation_in(doc, self.field(doc, after), works)  # بشأن التعاون في مجال الطاقة، في بناء …
        if after + 1 < len(doc) and doc[after].norm_ == "في":
            place = self.ent_at(doc, after + 1, (ROLE.country, ROLE.city, *schema().edge("located_in").objects))
            if place is not None:
                after = place.end
        return after
