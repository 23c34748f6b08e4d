"""Signers a signing verb does not name beside it, read from the article around it: a mixin of
``RelationExtractor``, used by ``SigningRelations.signing`` (``extract/signing.py``). Whole
articles name the signers of a document once and then go on by structure:

- the document first and its signers after it (verb-object-subject), the document named by its
  head alone as one the article named before: ووقع الإعلان الرئيس الصيني … والرئيس الروسي …؛
  ووقع العقد رئيس مجلس إدارة الشركة …: the mentions coordinated after the head sign;
- a dual or plural verb with no subject of its own (كما وقعا معاهدة …، ثم وقعوا …; words
  ``pronoun_signing`` in ``data/lexicon/boundaries_summits.tsv``): who signed at the signing word
  before it, in its sentence or the one before;
- documents in a row after the one a signer signs (… اتفاقية بشأن …، واتفاقية …، ومذكرة …), past
  the object window: the same signers;
- a signing no one is named for that the visit or talks brought about (وتم خلال الزيارة التوقيع على
  …، وأسفرت المحادثات عن توقيع …): the article's two countries;
- leaders between a word of witnessing and the signing noun (وشهد الرئيسان … مراسم توقيع …) watch:
  their countries sign, not they;
- a signing in a visit, told by a pronoun (وصل بوتين … في زيارة …، وقع خلالها مع شي بيانا;
  ``during_pronoun``): the sentence's first leader (or, with none, the sentence before's), and
  the side named after مع.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.lexicon import Lexicon, roles
from silkgraph.extract.relation_args import Arg, TriggerHit, in_words, leader_country
from silkgraph.normalize import has_article, word_key
from silkgraph.extract.surface import COMMAS

ROLE = roles()
TITLE_WORDS = 4  # how many words of a title may stand before a partner after مع
CARRY_SENTENCES = 1  # how many sentences back the signers of a pronoun verb may have been named


class SigningCarry:
    """The carried-signer rules; see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("اختتمت القمة بتوقيع إعلان أستانا. ووقع الإعلان الرئيس الصيني شي جين بينغ والرئيس الروسي فلاديمير بوتين.")
    >>> sorted({r.source_id for r in doc._.silk_found if r.type == "signed" and r.source_id.startswith("leader:")})
    ['leader:vladimir-putin', 'leader:xi-jinping']
    """

    def init_signing_carry(self, lex: Lexicon) -> None:
        self.pronoun_signing = lex.words("pronoun_signing")
        self.during_pronouns = lex.words("during_pronoun")
        self.talks_words = lex.words("talks")
        self.result_words = lex.words("talks_result")
        self._signings: list[tuple[int, int, list[str]]] = []  # (sentence start, trigger, signers) of this Doc
        self._signings_doc = 0

    def carried_signers(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                        found: list[FoundRelation]) -> list[FoundRelation]:
        """Signers of the documents ``found`` (or the document the signing word refers back to) at
        ``hit`` that the rules of the module docstring add; and remembers who signed at ``hit``."""
        if self._signings_doc != id(doc):
            self._signings, self._signings_doc = [], id(doc)
        mine = self.placed_signers(doc, args, [r for r in found if r.start == hit.i])  # (إلى بكين: where, no signer)
        documents = list(dict.fromkeys(r.target_id for r in mine))
        if not documents:
            documents = [a.id for a in self.document_objects(doc, args, hit)]
        signers: list[str] = []
        named_after = any(a.start > hit.i and a.id in {r.source_id for r in mine} for a in args)
        if documents and not named_after:  # a signer named after the verb is its subject: nothing carried
            signers = self.after_document(doc, args, hit) or self.pronoun_verb(doc, sent, args, hit) \
                or self.visit_pronoun(doc, sent, args, hit) or (self.talks_sides(doc, sent, hit) if not mine else [])
        have = {(r.source_id, r.target_id) for r in found}
        confidence = round(hit.trigger.confidence * 0.75, 3)
        out = [FoundRelation("signed", s, d, hit.i, hit.i + 1, doc[hit.i].text, confidence)
               for s in signers for d in documents if s != d and (s, d) not in have]
        sources = list(dict.fromkeys([r.source_id for r in mine] + [r.source_id for r in out]))
        out += [FoundRelation("signed", s, d, hit.i, hit.i + 1, doc[hit.i].text, confidence)
                for d in self.documents_in_row(doc, args, hit, documents) for s in sources
                if s != d and (s, d) not in have]
        if sources:
            self._signings.append((sent.start, hit.i, sources))
        return out

    def witnessed_signers(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                          found: list[FoundRelation]) -> list[FoundRelation]:
        """وشهد الرئيس الصيني … والرئيس القرغيزي … مراسم توقيع 12 اتفاقية: leaders named between a
        word of witnessing and the signing noun watch the signing; their countries sign, not they."""
        left, _ = self.clause_bounds(doc, sent, hit.i)
        k = next((k for k in range(hit.i - 1, left - 1, -1) if in_words(doc[k].text, self.witness_words)), None)
        if k is None or hit.trigger.kind == "verb":
            return found
        watching = {a.id for a in args if k < a.start < hit.i and a.type == ROLE.leader and a.kind != "nisba"}
        out, have = [], {(r.source_id, r.target_id) for r in found}
        for r in found:
            if r.start != hit.i or r.source_id not in watching:
                out.append(r)
                continue
            country = leader_country(self.lex, doc, r.source_id)
            if country and (country, r.target_id) not in have:
                out.append(FoundRelation("signed", country, r.target_id, r.start, r.end, r.trigger, r.confidence))
                have.add((country, r.target_id))
        return out

    def documents_in_row(self, doc: Doc, args: list[Arg], hit: TriggerHit, documents: list[str]) -> list[str]:
        """Documents coordinated after the last one signed at ``hit`` (… اتفاقية بشأن …، واتفاقية
        التعاون في …، ومذكرة تفاهم …), however long the row: signed by the same signers."""
        signed_here = [a for a in args if a.start > hit.i and a.id in documents and a.type == ROLE.agreement]
        if not signed_here:
            return []
        row = self.chain(doc, args, signed_here[-1], {ROLE.agreement}, forward=True)[1:]
        return [a.id for a in row if a.id not in documents]

    def document_objects(self, doc: Doc, args: list[Arg], hit: TriggerHit) -> list[Arg]:
        """The documents a signing word with no party found signs: those after it in its clause,
        else the one its head alone refers back to."""
        left, right = self.clause_bounds(doc, doc[hit.i].sent, hit.i)
        return self.objects(doc, args, hit, [], right, right) or self.referred_document(doc, hit)

    def after_document(self, doc: Doc, args: list[Arg], hit: TriggerHit) -> list[str]:
        """ووقع الإعلان الرئيس الصيني … والرئيس الروسي …: the document's head alone right after the
        verb (or after على), the signers coordinated after it, behind their titles."""
        k = self.document_head_after(doc, hit) if hit.trigger.kind == "verb" else -1
        if k < 0 and hit.trigger.kind == "verb":
            k = self.definite_document_after(doc, args, hit)  # ووقع الاتفاقية الإطارية للقروض رئيس الوزراء …
        if k < 0:
            return []
        types = self.subject_types(hit)
        first = next((a for a in args if a.start > k and a.type in types and a.kind != "nisba"), None)
        if first is None or first.start - k > self.subject_gap or not self.gap_ok(doc, k + 1, first.start, []):
            return []
        chain = self.chain(doc, args, first, types, forward=True)
        # a body in a signer's title (نائب رئيس مجلس الدولة الصيني وانغ تشي شان) is no signer of its own
        return [a.id for n, a in enumerate(chain) if not (
            a.type == ROLE.organization and a.start > 0 and doc[a.start - 1].norm_ in self.title_keys
            and n + 1 < len(chain) and chain[n + 1].type in (ROLE.leader, ROLE.person)
            and chain[n + 1].start - a.end <= 2)]

    def definite_document_after(self, doc: Doc, args: list[Arg], hit: TriggerHit) -> int:
        """The last token of a definite document named right after the signing verb (or after على):
        ووقع الاتفاقية الإطارية للقروض رئيس الوزراء …, else -1."""
        k = hit.i + 1
        if k < len(doc) and word_key(doc[k].text) == "علي":
            k += 1
        document = next((a for a in args if a.start == k and a.type == ROLE.agreement), None)
        if document is None or not any(has_article(t.text, prepositions=False) for t in doc[document.start:document.end]):
            return -1  # (definite, or in construct with a definite word: محضر التسليم والاستلام)
        return document.end - 1

    def document_head_after(self, doc: Doc, hit: TriggerHit) -> int:
        """The token of a document's head alone, with the article, right after the signing word or
        after على (وقع الجانبان على الاتفاقية، ووقع الإعلان …), else -1."""
        k = hit.i + 1
        if k < len(doc) and word_key(doc[k].text) == "علي":
            k += 1
        if k >= len(doc) or doc[k].ent_iob_ != "O" or not has_article(doc[k].text, prepositions=False) \
                or word_key(doc[k].text) not in self.document_heads:
            return -1
        return k

    def pronoun_verb(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[str]:
        """كما وقعا …: a dual or plural verb with no subject before it in its clause (after a comma) nor right after
        it signs with those who signed at the signing word before it (this sentence or the last)."""
        if not in_words(doc[hit.i].text, self.pronoun_signing):
            return []
        left, _ = self.clause_bounds(doc, sent, hit.i)
        left = next((k + 1 for k in range(hit.i - 1, left - 1, -1) if doc[k].text in COMMAS), left)  # ، كما وقعا
        types = self.subject_types(hit)
        if any(a.type in types and a.kind != "nisba" and (left <= a.start < hit.i or hit.i < a.start <= hit.i + 2)
               for a in args):
            return []
        starts = [s.start for s in doc.sents if s.start <= sent.start][-1 - CARRY_SENTENCES:]
        earlier = [signers for start, i, signers in self._signings if start in starts and i < hit.i]
        return earlier[-1] if earlier else []

    def talks_sides(self, doc: Doc, sent: Span, hit: TriggerHit) -> list[str]:
        """وتم خلال الزيارة التوقيع على 15 اتفاقية؛ وأسفرت المحادثات عن توقيع …: a signing no one is
        named for, which the visit or talks of the article brought about, is the article's two
        countries' (``doc_sides``)."""
        if hit.trigger.kind == "verb":
            return []
        words = [t for t in doc[sent.start:hit.i]]
        during = any(in_words(t.text, self.during_words) and k + 1 < len(words)
                     and in_words(words[k + 1].text, self.talks_words) for k, t in enumerate(words))
        result = any(in_words(t.text, self.result_words) for t in words) \
            and any(in_words(t.text, self.talks_words) for t in words)
        if not (during or result):
            return []
        from silkgraph.extract.signing import doc_sides  # (signing.py builds on this mixin)
        sides = doc_sides(doc, self.lex)
        return sides if len(sides) == 2 else []

    def visit_pronoun(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[str]:
        """وصل بوتين … في زيارة …، وقع خلالها مع شي بيانا مشتركا: the sentence's first leader (else
        the sentence before's first topic) and the side after مع."""
        k = hit.i + 1
        if k >= len(doc) or not in_words(doc[k].text, self.during_pronouns):
            return []
        types = self.subject_types(hit)
        before = [a for a in args if a.end <= hit.i and a.type == ROLE.leader and a.kind != "nisba"]
        topic = before[:1] or [a for a in self._topics.get(sent.start, []) if a.type in types][:1]
        partners: list[Arg] = []
        if k + 1 < len(doc) and word_key(doc[k + 1].text) in self.partner_words:
            first = next((a for a in args if k + 2 <= a.start <= k + 2 + TITLE_WORDS and a.type in types
                          and a.kind != "nisba" and self.gap_ok(doc, k + 2, a.start, [])), None)  # مع الرئيس الصيني شي
            partners = self.chain(doc, args, first, types, forward=True) if first is not None else []
        return list(dict.fromkeys(a.id for a in topic + partners)) if topic else []
