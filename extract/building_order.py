"""A builder named after the work: verb–object–subject order (وتنفذ المحطة شركة …، ويبني الطريق
تحالف من الشركات الصينية …، وستمول المشروع البنك …) and a subject after a long object (وشيدت محطة
للطاقة الشمسية بقدرة 60 ميجاوات في قرغيزستان شركة …); a mixin of ``ConstructionRelations``
(``silk_relations``), whose words (``data/lexicon/construction.tsv``) and argument helpers
(``chain``, ``builder_id``, ``clause_bounds``, ``objects``) it uses.

The verb's morphology (feminine/masculine, imperfect/perfect, the future سـ/سوف) is the trigger
lexicon's; here a building verb that found no builder, with its work straight after it and no
builder before it in its clause, takes the first builder after the work in its clause: one not
behind a preposition (في قرغيزستان، لشركة …), not across a complementizer, a relative or another
verb, or a consortium word (تحالف من، ائتلاف يضم، تحالف صيني) and the builders after it. A
building noun right after the verb opening its clause (ويتولى تنفيذ …، وتقوم ببناء …، وشاركت في
بناء …) is read as that verb.

Parties to an agreement named after it, late in the sentence (وقعت كازاخستان اتفاقية لبناء محطة …
في سمرقند مع شركة … ووزارة …، عقدا بقيمة … لإنشاء … مع بنك …): the names after مع or بين that
follows the agreement in its clause sign it too, so they build what it is for (``contracted_builds``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.lexicon import roles
from silkgraph.extract.relation_args import VERB_KINDS, Arg, TriggerHit
from silkgraph.extract.surface import strip_proclitics
from silkgraph.extract.verbs import VerbShapes, load_verb_shapes
from silkgraph.normalize import normalize_letters, opens_with, word_key

ROLE = roles()
VOS_CONFIDENCE = 0.6
OBJECT_AT = 2  # how far after the verb its object may start (وستمول بدورها المحطة …، ويبني هذا المشروع …)
SIGNING_GAP = 2  # words between a signing word and the agreement it signs (وتم توقيع اتفاقية، ووقعت أمس اتفاقية)
PARTY_REACH = 14  # how far after an agreement's name the مع of its other party may stand
CONSORTIUM_GAP = 2
ASIDE = 14  # how long a relative clause set off by commas between a work and its builder may be  # words between a consortium word and the builders it groups (تحالف من، تحالف يضم)


class BuildingOrder:
    """``builds`` whose builder stands after the work (VOS); see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وتنفذ محطة للطاقة الشمسية بقدرة 60 ميجاوات في قرغيزستان شركة هواوي.")
    >>> sorted(r.source_id for r in doc._.silk_found if r.type == "builds")
    ['org:huawei']
    """

    def works_done_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        """بعد أن نفذت الأعمال الشركة …: a building verb whose object is the works (الأعمال, told before
        in the sentence: أعمال المرحلة الثانية من توسيع مصفاة …) and whose subject follows builds the
        last work named before the verb in its sentence."""
        k = hit.i + 1
        if hit.trigger.kind not in VERB_KINDS or hit.pronoun or k + 1 >= sent.end \
                or not self.is_definite_works(doc[k]):
            return []
        works = [a for a in args if sent.start <= a.start and a.end <= hit.i and a.type in self.builds_edge.objects
                 and a.kind != "nisba"]
        first = next((a for a in args if a.start == k + 1 and a.kind == "name" and a.type in self.builds_edge.subjects), None)
        if not works or first is None:
            return []
        named = self.chain(doc, args, first, set(self.builds_edge.subjects), forward=True)
        builders = [b for a in named if (b := self.builder_id(doc, a))]
        return self.edges(builders, works[-1:], hit.i, doc[hit.i].text, hit.trigger.confidence * VOS_CONFIDENCE)

    def done_after_noun(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        """بعدما أنجزت بناءه شركة TBEA، وتولت تنفيذه مجموعة …: a light verb opening its clause, a
        building noun with the work's pronoun, and the builder right after: it builds the last work
        named before in the sentence."""
        if hit.trigger.kind != "noun" or not hit.pronoun:
            return []
        left, _ = self.clause_bounds(doc, sent, hit.i)
        k = hit.i - 1  # the light verb, opening its clause or after a word that opens one (بعدما، ثم، ،)
        opens = k == left or (k - 1 >= sent.start and (doc[k - 1].is_punct or self.words.is_kind(doc[k - 1], "clause_opener")))
        if k < sent.start or not opens or not self.light_verb_before(doc, k, hit.i):
            return []
        left = k
        first = next((a for a in args if hit.i < a.start <= hit.i + OBJECT_AT and a.kind == "name"
                      and a.type in self.builds_edge.subjects and not self.behind_preposition(doc, a)), None)
        works = [a for a in args if sent.start <= a.start and a.end <= left and a.type in self.builds_edge.objects
                 and a.kind != "nisba"]
        if first is None or not works:
            return []
        named = self.chain(doc, args, first, set(self.builds_edge.subjects), forward=True)
        builders = [b for a in named if (b := self.builder_id(doc, a))]
        return self.edges(builders, works[-1:], hit.i, doc[hit.i].text, hit.trigger.confidence * VOS_CONFIDENCE)

    def is_definite_works(self, token: Token) -> bool:
        """الأعمال: the works word with its article (the works told before)."""
        letters = normalize_letters(token.text)
        return letters.startswith("ال") and token.norm_ in self.lex.words("works_word")

    def behind_preposition(self, doc: Doc, arg: Arg) -> bool:
        """An argument behind a preposition: a word before it (في، من) or one glued to it (لشركة، بالصين)."""
        first = doc[arg.start]
        glued = opens_with(normalize_letters(first.text), "prepositions") and first.norm_ != word_key(first.text)
        return glued or (arg.start > 0 and self.words.is_kind(doc[arg.start - 1], "not_subject_after"))

    def light_verb_before(self, doc: Doc, left: int, i: int) -> bool:
        """ويتولى تنفيذ …، وتقوم ببناء …، وشاركت في بناء …: a building noun right after a verb whose
        subject does what the noun says (the stems of kind ``light_verb``, in any inflection),
        opening its clause (behind a preposition word perhaps)."""
        k = i - 1
        if k > left and self.words.is_kind(doc[k], "light_verb_gap"):
            k -= 1
        if not left <= k <= left + 1:
            return False
        stems = self.words.kind("light_verb")
        light = VerbShapes(stems, load_verb_shapes().affixes)
        return light.is_verb(doc[k].text) or word_key(strip_proclitics(doc[k].text)) in stems  # تولى

    def breaks_subject(self, token: Token) -> bool:
        """A word that ends the verb's reach over what follows: a complementizer, a relative, a
        denial or another verb of the trigger lexicon."""
        if self.words.is_kind(token, "complementizer") or token.norm_ in self.relatives:
            return True
        trigger = self.lex.trigger_for(token.text)
        return bool(trigger) and trigger[0].kind == "verb"

    def subject_after_work(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                           next_trigger: int) -> list[FoundRelation]:
        """وتنفذ المحطة … شركة هواوي: a building verb with no builder, its work right after it and
        no builder before it in its clause: the first builder after the work (or the builders a
        consortium word after the work groups) builds the works between."""
        left, right = self.clause_bounds(doc, sent, hit.i)
        if hit.trigger.kind != "verb" and not self.light_verb_before(doc, left, hit.i):
            return []
        right = min(right, next_trigger)
        if any(a.kind == "name" and left <= a.start and a.end <= hit.i and self.builder_id(doc, a)
               and not self.behind_preposition(doc, a) for a in args):
            return []  # SVO: the subject before the verb is the other rules'
        start = hit.i + 1
        while start < right and (word_key(doc[start].text) in self.lex.words("works_word") or self.building_noun(doc[start])):
            start += 1  # وتنفذ أعمال بناء محطة …
        works = [a for a in self.works(args, hit.i + 1, right) if a.kind == "name"]
        if not works or works[0].start >= start + OBJECT_AT:
            return []
        if any(doc[k].ent_iob_ == "O" and self.words.is_kind(doc[k], "builder_anaphor") for k in range(start, works[0].start)):
            return []  # وتنفذ المجموعة الحديقة …: VSO, a bare head before the work is the subject (the other rules')
        builders: list[str] = []
        k = works[0].end
        while k < right and not builders:
            if any(a.start <= k < a.end for a in works):
                k += 1
                continue
            close = self.aside_end(doc, sent, k)
            if close > k:  # وتنفذ المحطة، التي تبلغ قدرتها …، شركة …
                k, right = close, max(right, min(next_trigger, self.clause_bounds(doc, sent, min(close, sent.end - 1))[1]))
                continue
            if self.breaks_subject(doc[k]):
                break
            builders = self.subject_at(doc, args, k, right)
            if builders is None:
                break
            k += 1
        if not builders:
            return []
        chosen = [w for w in works if w.end <= k]
        return self.edges(list(dict.fromkeys(builders)), chosen, hit.i, doc[hit.i].text, VOS_CONFIDENCE)

    def building_noun(self, token: Token) -> bool:
        trigger = self.lex.trigger_for(token.text)
        return bool(trigger) and trigger[0].relation == "builds" and trigger[0].kind == "noun"

    def aside_end(self, doc: Doc, sent: Span, k: int) -> int:
        """After a relative clause set off by commas at token ``k`` (، التي تبلغ قدرتها …،): the
        token after its closing comma; else ``k``."""
        if not (doc[k].is_punct and k + 1 < sent.end and doc[k + 1].norm_ in self.relatives):
            return k
        close = next((j for j in range(k + 2, min(sent.end, k + 2 + ASIDE)) if doc[j].is_punct), None)
        return close + 1 if close is not None and close + 1 < sent.end and doc[close].text != "." else k

    def subject_at(self, doc: Doc, args: list[Arg], k: int, right: int) -> list[str] | None:
        """The builders the subject at token ``k`` names: a name (and those coordinated with it), a
        consortium word and what it groups, a company of a group (شركة تابعة لمجموعة …: the group), or
        a bare organisation head (البنك: the last bank the article named before); [] when none starts
        there, None when nothing after can be it."""
        arg = next((a for a in args if a.start == k and a.kind == "name"), None)
        if arg is not None and arg.type in self.builds_edge.subjects and (
                not self.behind_preposition(doc, arg) or self.each_of(doc, arg.start - 1)):  # كل من شركة …
            types = set(self.builds_edge.subjects)
            return [b for a in self.chain(doc, args, arg, types, forward=True) if (b := self.builder_id(doc, a))]
        if self.words.is_kind(doc[k], "consortium"):
            nisba = next((a for a in args if a.start == k + 1 and a.kind == "nisba"
                          and a.type in self.builds_edge.subjects), None)  # تحالف صيني
            return [nisba.id] if nisba is not None else next(
                (found for j in range(k + 1, min(right, k + 2 + CONSORTIUM_GAP)) if (found := self.builders_at(doc, args, j))), None)
        if k + 2 < right and doc[k].ent_iob_ == "O" and doc[k].norm_ in self.lex.words("org_variant_company") \
                and self.words.is_kind(doc[k + 1], "subsidiary"):
            return self.builders_at(doc, args, k + 2) or None  # شركة تابعة لمجموعة باور تشاينا: the group's
        if doc[k].ent_iob_ == "O" and not any(a.start <= k < a.end for a in args) and self.words.is_kind(doc[k], "builder_anaphor"):
            named = [e for e in doc.ents if e.end <= doc[k].sent.start and e.label_ == ROLE.organization and e.kb_id_
                     and doc[e.start].norm_ == doc[k].norm_]
            return [named[-1].kb_id_] if named else None
        return []

    def parties_after(self, doc: Doc, sent: Span, end: int, types: set[str]) -> tuple[int, list[str]]:
        """The parties of ``types`` after the مع or بين that follows token ``end`` in its clause,
        within ``PARTY_REACH`` words and with only names (a work, a place behind في) between (a
        company head may stand before a known name: مع شركة كوسكو); where مع stands, and them."""
        _, right = self.clause_bounds(doc, sent, max(sent.start, end - 1))
        stop = min(right, end + PARTY_REACH)
        named = {i for e in (*doc.ents, *doc._.silk_inner) for i in range(e.start, e.end)}
        k = end
        while k < stop and word_key(doc[k].text) not in self.partner_words | self.between_words:
            if k not in named and not (k + 1 in named and self.words.is_kind(doc[k], "not_subject_after")):
                return k, []  # … بعد محادثات مطولة مع …: مع of another phrase
            k += 1
        if k >= stop:
            return k, []
        args = [Arg(e.start, e.end, e.kb_id_, e.label_, "name") for e in doc.ents
                if sent.start <= e.start and e.end <= sent.end and e.kb_id_]
        at = k + 2 if k + 2 < sent.end and self.words.is_kind(doc[k + 1], "builder_side") else k + 1
        first = next((a for a in args if a.start in (k + 1, at) and a.type in types), None)
        if first is None:
            return k, []
        return k, list(dict.fromkeys(a.id for a in self.chain(doc, args, first, types, forward=True)))

    def later_signers(self, doc: Doc, found: list[FoundRelation]) -> list[FoundRelation]:
        """وقعت كازاخستان اتفاقية لبناء محطة … في سمرقند مع شركة … ووزارة …: the parties after مع or
        بين that follows a signed agreement for building in its clause (``parties_after``) sign it too,
        also when no one signed it before (وتم توقيع اتفاقية لبناء … مع شركة …)."""
        types = set(self.edge_types["signed"].subjects)
        agreements = {e.kb_id_: e for e in doc.ents if e.label_ == ROLE.agreement}
        signers: dict[str, set[str]] = {}
        for r in found:
            if r.type == "signed" and r.target_id in agreements:
                signers.setdefault(r.target_id, set()).add(r.source_id)
        inner = [s for s in doc._.silk_inner if s.label_ in self.builds_edge.objects]
        for agreement_id, span in agreements.items():  # وتم توقيع اتفاقية لبناء … مع شركة …: no signer before
            if agreement_id not in signers and any(
                    (trig := self.lex.trigger_for(t.text)) and trig[0].relation == "signed"
                    for t in doc[max(span.sent.start, span.start - SIGNING_GAP):span.start]):
                signers[agreement_id] = set()
        out = []
        for agreement_id, have in signers.items():
            span = agreements[agreement_id]
            if not self.contract_works(doc, span, inner)[1]:
                continue  # مرسوم بشأن التعاون مع الصين: مع of what it is about, not a party
            k, parties = self.parties_after(doc, span.sent, span.end, types)
            out += [FoundRelation("signed", p, agreement_id, k, k + 1, doc[k].text, VOS_CONFIDENCE)
                    for p in parties if p not in have and p != agreement_id]
        return out

    def bare_contract_builds(self, doc: Doc, found: list[FoundRelation]) -> list[FoundRelation]:
        """وقعت أوزبكستان عقدا بقيمة … لإنشاء محطة … مع بنك …: an agreement too plain to be an
        entity; who builds after a signing verb (a signer, ``signing_parties``), the parties after
        مع or بين that follows the work build with."""
        out = []
        have = {(r.source_id, r.target_id) for r in found if r.type == "builds"}
        for r in found:
            if r.type != "builds":
                continue
            sent = doc[r.start].sent
            if r.source_id not in self.signing_parties(doc, sent, r.start):
                continue
            work = next((e for e in doc.ents if e.kb_id_ == r.target_id and r.start < e.start and e.end <= sent.end), None)
            if work is None:
                continue
            _, parties = self.parties_after(doc, sent, work.end, set(self.builds_edge.subjects) | {ROLE.leader})
            builders = [b for p in parties if (b := self.builder_id(doc, Arg(0, 0, p, self.entity_type(doc, p), "name")))]
            for b in builders:
                if (b, r.target_id) not in have and b != r.target_id:
                    have.add((b, r.target_id))
                    out.append(FoundRelation("builds", b, r.target_id, r.start, r.end, r.trigger, round(r.confidence * 0.9, 3)))
        return out
