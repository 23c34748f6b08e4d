"""Who else builds with the builder a building word found, and when a building word builds
nothing; a mixin of ``ConstructionRelations`` (``silk_relations``), whose words
(``data/lexicon/construction.tsv``) and argument helpers (``chain``, ``builder_id``,
``clause_bounds``) it uses:

- partners: a builder right after مع builds with the one a few words before it (تعمل الصين مع
  كازاخستان على بناء …، الصين مستعدة للعمل مع قرغيزستان لبناء …، تبني الصين مع كازاخستان …);
- both sides: a word for the two sides near the building word (اتفق الجانبان على تسريع بناء …،
  تقدم البلدين في بناء …، الجانبان الصيني والكازاخي) names the two countries of the article, as
  for a signing (``SigningRelations.sides_named_at``); two leaders (الرئيسان) build for their countries;
- a stake or a part: who holds a share in a work invests in it (تملك شركة … حصة 49% في ميناء …، حصة
  الصين في …), who takes part in one builds it (شاركت شركة … في محطة …; not in an initiative);
- a loan for a work: its lender builds it, never its borrower (قدمت الصين قرضا لمشروع …، القروض
  التي قدمتها الصين لمشروع …، قرض من البنك للطريق …، قروض صينية للمحطة …), nor the initiative it
  is given in (… في إطار مبادرة …);
- a joint work: a work called joint between parties (تعد المحطة مشروعا مشتركا بين الصين و…، المصنع
  المشترك بين شركة … وشركة …) is built by them;
- a work named before: a definite work noun alone after a building word that has a builder but
  no work (وستتولى شركة … تنفيذ المشروع، وقد بنت الصين الخط …) is the last work of its type the
  article named, however far back;
- an organisation named before: a definite organisation head alone as the subject of a building
  word (وأنجزت الشركة بناء …، ويمول البنك …) is the last organisation of that head named before;
- a topic: a builder opening the sentence, then a description between commas, then the building
  verb (وشركة هواوي، وهي من أكبر الشركات …، تبني محطة …) is the verb's subject;
- a far subject: a building word that found no builder takes the nearest builder before it in
  its clause, further than a verb's subject stands, when nothing reports or relates between them
  (أعلنت شركة … اليوم في العاصمة … عن بدء العمل في إنشاء محطة …);
- an agreement on a work: who signs an agreement about a work (وقعت الصين وقرغيزستان اتفاقية بشأن
  مشروع سكة حديد …) builds it;
- no building: a building word after a denial or an objection (لم …، لن …، تعارض الصين بناء …،
  رفضت … إنشاء …), or before على (بناء على, "based on"); an organisation attending a work's opening
  (حضر ممثلو شركة … حفل افتتاح …) is a guest;
- a sentence with one builder and a building word whose pronoun points back (وقد بنتها شركة …):
  it builds the last work of the sentence before.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.lexicon import roles
from silkgraph.extract.relation_args import Arg, TriggerHit
from silkgraph.extract.unrealised import UnrealisedBuilding
from silkgraph.normalize import normalize_letters, word_key

ROLE = roles()
CONFIDENCE = 0.6  # a builder found through structure, not as the trigger's subject
STAKE_CONFIDENCE = 0.5  # a share or a part in a work: weaker than building it
PAIR_BEFORE = 5  # how far before a building word its word for both sides may stand (اتفق الجانبان الصيني والكازاخي على بناء)
PAIR_AFTER = 3
LOAN_REACH = 10  # how far after a loan its work may start (قرضا بقيمة 500 مليون دولار للطريق …)
LOAN_GIVER_GAP = 3  # words between the verb that gives a loan and the loan (قدمت الصين لقرغيزستان قرضا)
JOINT_GAP = 3  # words between a work and the joint word describing it (وتعد المحطة مشروعا مشتركا)
STAKE_GAP = 5  # words between a stake and the في of its work (حصة 49 في المئة في …)
FAR_SUBJECT = 16  # how far before a building word the builder of a long clause may stand
PARTNER_GAP = 3  # words that may stand between a builder and the مع of its partner (مستعدة للعمل مع)
GUEST_GAP = 2  # words between a guest and the opening it attends (حضرت شركة … [في حفل] افتتاح …)


class BuildingParties(UnrealisedBuilding):
    """Who else builds (partners, both sides, stakeholders, joint parties), which work a bare
    noun means, and which building words build nothing; see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وتعمل الصين مع كازاخستان على بناء محطة للطاقة الشمسية بقدرة 70 ميجاوات.")
    >>> sorted(r.source_id for r in doc._.silk_found if r.type == "builds")
    ['country:CN', 'country:KZ']
    """

    def participating(self, token: Token) -> bool:
        """A word for taking part (ساهمت، أسهمت) or for launching (أطلقت، أطلقها): it builds works, not
        initiatives (the initiative a leader launched is one proposed)."""
        letters = normalize_letters(token.text)
        return any(stem in letters for stem in self.words.kind("participate") | self.words.kind("launch"))

    def not_building(self, doc: Doc, sent: Span, hit: TriggerHit) -> bool:
        """A building word denied or objected to just before it, followed by على (not على يد) or by
        a receipt (تسليم واستلام), after a site noun (موقع بناء …), or a verb of holding after an event
        (حفل أقيم …)."""
        if hit.i + 1 < sent.end and self.words.is_kind(doc[hit.i + 1], "not_building_after") \
                and not self.words.phrase_at(list(doc[hit.i + 1:sent.end]), 0, "agent"):  # بناؤها على يد …
            return True
        if self.unrealised_building(doc, sent, hit):  # تخطط لبناء …، دعا إلى بناء …، لم تبدأ بعد بناء …
            return True
        if hit.i > sent.start and self.words.is_kind(doc[hit.i - 1], "site"):
            return True  # زار الوزير موقع بناء المحطة: the construction site, not who builds
        if hit.i + 1 < sent.end and self.words.is_kind(doc[hit.i + 1], "receipt"):
            return True  # محضر تسليم واستلام المستشفى: giver and receiver, not who built it
        if hit.i > sent.start and self.words.is_kind(doc[hit.i], "held_verb") and self.words.is_kind(doc[hit.i - 1], "event_noun"):
            return True  # في حفل أقيم في طشقند: a ceremony held, nothing built
        before = hit.i - 1  # ورفضت شركة هواوي بناء …: the denial before the verb's subject
        subject = next((e for e in doc.ents if e.end == hit.i), None) if before >= sent.start else None
        at = subject.start if subject is not None and subject.start >= sent.start else hit.i
        if subject is None and before - 1 >= sent.start and doc[before].norm_ in self.lex.nisba \
                and self.words.is_kind(doc[before - 1], "builder_side"):
            at = before - 1  # ورفضت شركة صينية بناء …
        return any(self.words.is_kind(t, "deny") for t in (*doc[max(sent.start, hit.i - 2):hit.i],
                                                         *doc[max(sent.start, at - 2):at]))

    def without_guests(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                       found: list[FoundRelation]) -> list[FoundRelation]:
        """حضر ممثلو شركة … حفل افتتاح محطة …، شاركت الشركة في مراسم تدشين …: an organisation that
        attends the opening or the ceremony of a work (a verb of attending before the building noun in
        its clause) is a guest, not the builder. A leader who attends inaugurates it (the genre's
        convention), and a company taking part in the building itself (شاركت في بناء …) builds."""
        left, _ = self.clause_bounds(doc, sent, hit.i)  # (افتتاح reads as its verb's trigger: no kind to test)
        ceremony = hit.i > left and self.words.is_kind(doc[hit.i - 1], "event_noun")
        verb = next((k for k in range(hit.i - 1, left - 1, -1) if self.words.is_kind(doc[k], "attend_verb")
                     or (ceremony and (t := self.lex.trigger_for(doc[k].text)) and t[0].relation == "attended"
                         and t[0].kind == "verb")), None)
        if verb is None:
            return found
        # the guest stands right before the opening or its ceremony (… شركة هواوي [في] [حفل] افتتاح …)
        guests = {a.id for a in args if verb < a.start and a.end <= hit.i and a.type == ROLE.organization
                  and hit.i - a.end <= GUEST_GAP and all(self.words.is_kind(t, "event_noun") or word_key(t.text) == "في"
                                                        for t in doc[a.end:hit.i])}
        return [r for r in found if not (r.start == hit.i and r.source_id in guests)]

    def across_report(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a reporting word or a complementizer (قال، أن، إن) stands between two tokens
        (not inside a name: شركة البترول الوطنية الصينية (سي إن بي سي))."""
        return any(self.words.is_kind(t, "complementizer") and t.ent_iob_ == "O" for t in doc[start + 1:end])

    def reported_works(self, doc: Doc, args: list[Arg], hit: TriggerHit, found: list[FoundRelation]) -> list[FoundRelation]:
        """قالت الصين مع افتتاح المعرض إن كازاخستان ستبني محطة …: a work after a complementizer
        belongs to the clause it opens, not to a building word before it."""
        out = []
        for r in found:
            after = next((a for a in args if a.id == r.target_id and a.start > hit.i), None)
            if after is None or r.start != hit.i or not self.across_report(doc, hit.i, after.start):
                out.append(r)
        return out

    def lone_building(self, doc: Doc, sent: Span, args: list[Arg], hits: list[TriggerHit]) -> list[FoundRelation]:
        """A sentence naming one builder and no work, with a building word whose attached pronoun
        refers back (وقد شيدتها شركة …): the builder builds the last work of the sentence before (or,
        with a work noun alone after it, the last of that type: وستتولى شركة … تنفيذ المشروع);
        one naming a work and the two sides by a word for both (اتفق الجانبان على بناء …): they build it."""
        if len(args) != 1:
            return []
        out = []
        for n, hit in enumerate(hits):
            if hit.trigger.relation != "builds" or self.not_building(doc, sent, hit):
                continue
            if args[0].type in self.builds_edge.subjects and hit.pronoun:
                left, _ = self.clause_bounds(doc, sent, hit.i)
                out += self.pronoun_builds(doc, sent, args, hit, left)
            elif args[0].type in self.builds_edge.subjects:  # وستتولى شركة … تنفيذ المشروع
                out += self.earlier_work_builds(doc, sent, args, hit)
            elif args[0].type in self.builds_edge.objects:  # اتفق الجانبان على بناء خط السكة الحديد …
                next_other = next((h.i for h in hits[n + 1:] if h.trigger.relation != "builds"), sent.end)
                out += self.pair_builds(doc, sent, args, hit, [], next_other) \
                    or self.named_before_builds(doc, sent, args, hit, next_other) \
                    or self.subject_after_work(doc, sent, args, hit, next_other)  # وستمول المحطة البنك
        return out

    def pair_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, found: list[FoundRelation],
                    next_trigger: int) -> list[FoundRelation]:
        """The two sides a word for both names (الجانبان، البلدين، الرئيسان) build what the
        building word is about: the works ``found`` for it, else the works after it."""
        left, right = self.clause_bounds(doc, sent, hit.i)
        near = [*range(hit.i + 1, min(hit.i + 1 + PAIR_AFTER, right)), *range(hit.i - 1, max(left, hit.i - PAIR_BEFORE) - 1, -1)]
        k = next((k for k in near if (key := word_key(doc[k].text)) in self.pair_words or key in self.pair_leader_words
                  or self.words.is_kind(doc[k], "pair_companies")), None)
        if k is not None and k < hit.i and any(a.start > k and a.end <= hit.i and a.kind == "name"
                                               and a.type in self.builds_edge.subjects for a in args) | self.across_report(doc, k, hit.i):
            return []  # قال الجانبان إن روسيا ستبني …: the sides report who builds
        if k is not None and self.words.is_kind(doc[k], "pair_companies"):
            builders = self.two_companies_before(doc, k, [r.source_id for r in found])  # … كما تطور الشركتان معا …
        else:
            builders = self.sides_named_at(doc, args, k, False) if k is not None else None
        if not builders:
            return []
        targets = list(dict.fromkeys(r.target_id for r in found))
        if not targets:
            targets = [a.id for a in self.objects(doc, args, hit, [], right, next_trigger)]
        have = {(r.source_id, r.target_id) for r in found}
        return [FoundRelation("builds", b, w, hit.i, hit.i + 1, doc[hit.i].text, round(hit.trigger.confidence * 0.8, 3))
                for b in dict.fromkeys(builders) if b for w in targets if b != w and (b, w) not in have]

    @staticmethod
    def two_companies_before(doc: Doc, k: int, builders: list[str]) -> list[str]:
        """الشركتان، المجموعتان at token ``k``: a company the other rules found building and the last
        other organisation named before it in its sentence or the one before; else the last two; else []."""
        sent = doc[k].sent
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = list(dict.fromkeys(e.kb_id_ for e in doc.ents if start <= e.start and e.end <= k
                                   and e.label_ == ROLE.organization and e.kb_id_))
        if len(named) < 2:
            return []
        found = [b for b in dict.fromkeys(builders) if b in named][:1]
        return found + [n for n in named if n not in found][-(2 - len(found)):]

    def not_subject(self, token: Token) -> bool:
        """A word after which a name is no subject: a preposition (في، من) or an attribution (وفقا
        لوزارة …، بحسب الوزارة: the source of the news)."""
        return self.words.is_kind(token, "not_subject_after") or self.words.is_kind(token, "attribution")

    def main_subject(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                     got: list[FoundRelation]) -> list[FoundRelation]:
        """تعمل شركة هواوي في طاجيكستان حيث شيدت …، وتعتزم الصين، وفقا للوزارة، بناء …: a builder
        found before the verb behind a preposition or an attribution is no subject; the nearest
        builder before it that is not behind one is, else none."""
        out = []
        for r in got:
            before = [a for a in args if a.end <= hit.i and r.source_id in (a.id, self.builder_id(doc, a))]
            source = before[-1] if before else None
            work = next((a.start for a in args if a.id == r.target_id and a.start > hit.i), len(doc))
            if any(hit.i < a.start < work and r.source_id in (a.id, self.builder_id(doc, a)) for a in args):
                source = None  # … مع طاجيكستان، ستبني الصين وطاجيكستان ممرا: named again as the subject after the verb
            if source is None or source.start == 0 or not self.not_subject(doc[source.start - 1]):
                out.append(r)
                continue
            earlier = [a for a in args if sent.start <= a.start and a.end < source.start and a.kind == "name"
                       and (a.start == 0 or not self.not_subject(doc[a.start - 1]))
                       and self.builder_id(doc, a)
                       and not any(self.words.is_kind(t, "complementizer") for t in doc[a.end:hit.i])]
            if earlier:
                builder = self.builder_id(doc, earlier[-1])
                if builder != r.target_id:
                    out.append(FoundRelation("builds", builder, r.target_id, r.start, r.end, r.trigger,
                                             round(r.confidence * 0.9, 3)))
        return out

    def stake_builds(self, doc: Doc, sent: Span, args: list[Arg], at: list[int], works_only: bool = False) -> list[FoundRelation]:
        """حصل البنك على حصة في مشروع …، حصة الصين في ميناء …، شاركت شركة … في محطة …: the holder
        of a stake or a part (the word at the positions ``at``) in the work after في builds it; the
        holder is named right after the word or is the nearest builder before it in its clause (with
        those coordinated with it). With ``works_only``, an initiative is no such work."""
        types = set(self.builds_edge.subjects) | {ROLE.leader}
        objects = set(self.builds_edge.objects) - (self.initiative_types if works_only else set())
        out = []
        for k in at:
            left, right = self.clause_bounds(doc, sent, k)
            holder = next((a for a in args if a.start == k + 1 and a.kind == "name" and self.builder_id(doc, a)), None)
            start = self.chain(doc, args, holder, types, forward=True)[-1].end if holder is not None else k + 1
            into = {j + 1 for j in range(start, min(right, start + STAKE_GAP + 1)) if self.words.is_kind(doc[j], "stake_in")}
            work = next((a for a in args if a.start in into and a.kind in ("name", "anaphor") and a.type in objects), None)
            if work is None:
                continue
            if holder is not None:
                holders = self.chain(doc, args, holder, types, forward=True)
            else:
                before = [a for a in args if left <= a.start and a.end <= k and k - a.end <= self.verb_subject_reach
                          and a.kind == "name" and self.builder_id(doc, a)
                          and (a.start == 0 or not self.words.is_kind(doc[a.start - 1], "not_subject_after"))]
                if not before and k - 1 > sent.start and self.words.is_kind(doc[k - 1], "self_pronoun"):
                    # وأعلنت شركة هواوي أنها شريك في مشروع …: the one who says it of itself
                    before = [a for a in args if sent.start <= a.start and a.end <= k - 1
                              and k - 1 - a.end <= self.verb_subject_reach and a.kind == "name" and self.builder_id(doc, a)]
                holders = self.chain(doc, args, before[-1], types, forward=False) if before else []
            builders = [b for a in holders if (b := self.builder_id(doc, a))]
            out += self.edges(list(dict.fromkeys(builders)), [work], k, doc[k].text, STAKE_CONFIDENCE)
        return out

    def loan_builds(self, doc: Doc, sent: Span, args: list[Arg], at: list[int]) -> list[FoundRelation]:
        """قدمت الصين قرضا لمشروع …، القروض التي قدمتها الصين لمشروع …، قرض من البنك …، قروض صينية …:
        the lender of a loan (the word at the positions ``at``) builds the work after it in its
        clause; the lender stands after من or a nisba right after the loan, after the verb of a
        relative clause on it, or as the subject of the verb that gives it."""
        out = []
        for k in at:
            left, right = self.clause_bounds(doc, sent, k)
            works = [a for a in self.works(args, k + 1, right) if a.start <= k + LOAN_REACH
                     and not self.across_report(doc, k, a.start) and not self.framed(doc, k, a.start)]
            if not works:
                continue
            lenders = self.lenders(doc, args, k, left)
            out += self.edges(lenders, works[:1], k, doc[k].text, STAKE_CONFIDENCE)
        return out

    def framed(self, doc: Doc, start: int, end: int) -> bool:
        """A frame word (في إطار، ضمن) between two tokens: قروضا لطاجيكستان في إطار مبادرة …: the
        initiative is the frame the loan is given in, not the work it is for."""
        return any((t := self.lex.trigger_for(doc[k].text)) is not None and t[0].kind == "frame"
                   for k in range(start + 1, end))

    def lenders(self, doc: Doc, args: list[Arg], k: int, left: int) -> list[str]:
        """Who gives the loan at token ``k`` (see ``loan_builds``); [] when the sentence does not say."""
        nisba = next((a for a in args if a.kind == "nisba" and a.start == k + 1 and a.type in self.builds_edge.subjects), None)
        if nisba is not None:  # قروض صينية
            return [nisba.id]
        at = k + 1
        if at < len(doc) and doc[at].norm_ in self.relatives and at + 1 < len(doc) and self.words.is_kind(doc[at + 1], "give"):
            at += 2  # القروض التي قدمتها الصين
        elif at < len(doc) and self.words.phrase_at(list(doc[at:at + 2]), 0, "lender_from"):
            at += 1  # قرض من البنك
        else:
            giver = next((j for j in range(k - 1, max(left, k - 1 - LOAN_GIVER_GAP) - 1, -1) if self.words.is_kind(doc[j], "give")), None)
            if giver is None:
                return []
            after = next((a for a in args if a.start == giver + 1 and a.kind == "name"), None)
            before = [a for a in args if a.end <= giver and a.start >= left and giver - a.end <= self.verb_subject_reach
                      and a.kind == "name" and self.builder_id(doc, a)]
            subject = after if after is not None and self.builder_id(doc, after) else (before[-1] if before else None)
            return [self.builder_id(doc, subject)] if subject is not None else []
        return self.builders_at(doc, args, at)

    def joint_builds(self, doc: Doc, sent: Span, args: list[Arg], at: list[int]) -> list[FoundRelation]:
        """… مشروعا مشتركا بين الصين وكازاخستان، المصنع المشترك مع شركة …: the parties after the
        joint word (at the positions ``at``) and بين or مع build the work of its clause just before it."""
        out = []
        for k in at:
            if k + 2 >= sent.end or word_key(doc[k + 1].text) not in self.between_words | self.partner_words:
                continue
            builders = self.builders_at(doc, args, k + 2)
            left, _ = self.clause_bounds(doc, sent, k)
            works = [a for a in self.works(args, left, k + 1) if k - a.end <= JOINT_GAP]
            out += self.edges(builders, works[-1:], k, doc[k].text, CONFIDENCE)
        return out

    def named_before_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                            next_trigger: int) -> list[FoundRelation]:
        """وأنجزت الشركة بناء نفق …: a building word that found no builder, with a definite
        organisation head alone as its subject (right after it, or a few words before it in its
        clause): the last organisation named before with that head builds the works after it."""
        left, right = self.clause_bounds(doc, sent, hit.i)
        spots = [hit.i + 1, *range(hit.i - 1, max(left, hit.i - self.verb_subject_reach) - 1, -1)]
        k = next((k for k in spots if k < sent.end and doc[k].ent_iob_ == "O" and not any(a.start <= k < a.end for a in args)
                  and self.words.is_kind(doc[k], "builder_anaphor") and not self.across_report(doc, min(k, hit.i), max(k, hit.i))), None)
        if k is None:
            return []
        named = [e for e in doc.ents if e.end <= k and e.label_ == ROLE.organization and e.kb_id_
                 and doc[e.start].norm_ == doc[k].norm_ and not (sent.start <= e.start and e.end <= sent.end and e.end > left)]
        works = [a for a in self.objects(doc, args, hit, [], right, next_trigger) if a.start > k]
        if not named or not works:
            return []
        return self.edges([named[-1].kb_id_], works, hit.i, doc[hit.i].text, CONFIDENCE)

    def topic_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, next_trigger: int) -> list[FoundRelation]:
        """وشركة هواوي، وهي واحدة من أكبر الشركات …، تبني محطة …: a verb that found no builder, right
        after a punctuation mark that closes a description opened right after the builder the
        sentence begins with: that builder builds the works after the verb."""
        if hit.trigger.kind != "verb" or hit.i - 1 <= sent.start or not doc[hit.i - 1].is_punct:
            return []
        first = next((a for a in args if a.kind == "name"), None)
        if first is None or first.start > sent.start + 1 or first.end >= hit.i - 1 or not doc[first.end].is_punct \
                or not self.builder_id(doc, first) or any(a.start > first.end and a.end < hit.i and self.builder_id(doc, a)
                                                          and a.kind == "name" for a in args):
            return []
        _, right = self.clause_bounds(doc, sent, hit.i)
        works = self.objects(doc, args, hit, [first], right, next_trigger)
        return self.edges([self.builder_id(doc, first)], [w for w in works if w.start > hit.i], hit.i, doc[hit.i].text,
                          CONFIDENCE)

    def far_subject_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                           next_trigger: int) -> list[FoundRelation]:
        """أعلنت شركة … اليوم الأربعاء في العاصمة … عن بدء العمل في إنشاء محطة …: a building word that
        found no builder: the nearest builder named before it in its clause (not behind a
        preposition), with no reporting word, complementizer or relative between, builds the works after it."""
        left, right = self.clause_bounds(doc, sent, hit.i)
        before = [a for a in args if a.kind == "name" and left <= a.start and a.end <= hit.i and hit.i - a.end <= FAR_SUBJECT
                  and a.type in {*self.builds_edge.subjects, ROLE.leader} and self.builder_id(doc, a)
                  and (a.start == 0 or not self.words.is_kind(doc[a.start - 1], "not_subject_after"))]
        if not before:
            return []
        subject = before[-1]
        if self.across_report(doc, subject.end - 1, hit.i) or any(t.norm_ in self.relatives for t in doc[subject.end:hit.i]):
            return []
        works = [a for a in self.objects(doc, args, hit, [subject], right, next_trigger)
                 if a.start > hit.i and not self.across_report(doc, hit.i, a.start)]
        return self.edges([self.builder_id(doc, subject)], works, hit.i, doc[hit.i].text, CONFIDENCE)

    def earlier_work_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        """وستتولى شركة … تنفيذ المشروع: a building word with a builder, followed by a definite work
        noun alone (after a demonstrative perhaps): the builder builds the last work of that noun's
        type named before the sentence, the last one with that head noun when there is one (المحطة:
        محطة … before a later مركز …)."""
        k = hit.i + 1
        subject = next((a for a in args if a.start == k and a.type in self.builds_edge.subjects), None)
        if subject is not None:  # وقد بنت الصين الخط: after the subject of the verb
            k = self.chain(doc, args, subject, set(self.builds_edge.subjects), forward=True)[-1].end
        if k < sent.end and doc[k].norm_ in self.lex.words("demonstrative"):
            k += 1
        if k >= sent.end or doc[k].ent_iob_ != "O" or any(a.start == k for a in args):
            return []
        kind = next((t for t, word_kind in ((ROLE.project, "work_project"), (ROLE.corridor, "work_corridor"))
                     if self.words.is_kind(doc[k], word_kind)), None)
        if kind is None:
            return []
        earlier = [e for e in doc.ents if e.end <= sent.start and e.label_ == kind and e.kb_id_]
        left, right = self.clause_bounds(doc, sent, hit.i)
        builders = [b for a in self.subjects(doc, sent, args, hit, left) if (b := self.builder_id(doc, a))]
        builders += self.agent_builders(doc, args, list(doc[left:right]), left, right, hit)[0]
        if not earlier or not builders:
            return []
        head = word_key(doc[k].text)  # المحطة: the last work whose head is محطة, before the last work of any head
        work = next((e for e in reversed(earlier) if word_key(e[0].text) == head), earlier[-1])
        return self.edges(list(dict.fromkeys(builders)), [Arg(work.start, work.end, work.kb_id_, kind, "name")],
                          hit.i, doc[hit.i].text, CONFIDENCE)

    def agreement_work_builds(self, doc: Doc, found: list[FoundRelation]) -> list[FoundRelation]:
        """وقعت الصين وقرغيزستان اتفاقية بشأن مشروع سكة حديد …: the signers of an agreement about a
        work (its about word inside the agreement's name or right after it) build the work."""
        agreements = {e.kb_id_: e for e in doc.ents if e.label_ == ROLE.agreement}
        about = self.lex.words("about")
        out = []
        for r in found:
            span = agreements.get(r.target_id)
            if r.type != "signed" or span is None:
                continue
            at = next((k for k in range(span.start + 1, min(span.end + 1, len(doc))) if word_key(doc[k].text) in about), None)
            if at is None:
                continue
            works = [s for s in (*doc._.silk_inner, *doc.ents) if s.start == at + 1 and s.label_ in self.builds_edge.objects]
            builder = self.builder_id(doc, Arg(r.start, r.end, r.source_id, self.entity_type(doc, r.source_id), "name"))
            out += [FoundRelation("builds", builder, w.kb_id_, r.start, r.end, doc[at].text, round(r.confidence * 0.7, 3))
                    for w in works[:1] if builder and builder != w.kb_id_]
        return out

    def partner_groups(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[set[str]]:
        """The builders joined by مع in the trigger's clause: the one before مع (a few words before
        at most, in the same clause) and those coordinated after it."""
        left, right = self.clause_bounds(doc, sent, hit.i)
        types = set(self.builds_edge.subjects) | {ROLE.leader}
        groups = []
        names = [a for a in args if a.kind == "name"]
        for after in args:
            k = after.start - 1
            if not (left < k and after.end <= right and after.kind == "name" and after.type in types
                    and word_key(doc[k].text) in self.partner_words):
                continue
            before = [a for a in args if a.end <= k and a.start >= left and k - a.end <= PARTNER_GAP
                      and a.type in types and (a.kind == "name" or self.named_by_nisba(doc, a)
                                               and not any(n.start <= a.start and a.end <= n.end for n in names))
                      and not any(t.is_punct or self.words.is_kind(t, "complementizer") for t in doc[a.end:k])]
            if not before:
                continue
            ids = [self.builder_id(doc, before[-1])]
            ids += [self.builder_id(doc, a) for a in self.chain(doc, args, after, types, forward=True)]
            group = {i for i in ids if i}
            if len(group) > 1:
                groups.append(group)
        return groups

    def partner_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                       found: list[FoundRelation]) -> list[FoundRelation]:
        """What one side of ``X مع Y`` builds (the relations ``found`` for this trigger), the other
        side builds too."""
        if not found:
            return []
        out = []
        have = {(r.source_id, r.target_id) for r in found}
        for group in self.partner_groups(doc, sent, args, hit):
            for r in found:
                if r.source_id not in group:
                    continue
                for other in group - {r.source_id, r.target_id}:
                    if (other, r.target_id) not in have:
                        have.add((other, r.target_id))
                        out.append(FoundRelation("builds", other, r.target_id, r.start, r.end, r.trigger,
                                                 round(r.confidence * 0.9, 3)))
        return out
