"""Component ``silk_relations``: typed relations from trigger words and sentence structure.

For every trigger (``data/lexicon/triggers.tsv``) in a sentence, the schema says which entity
types may be its subject and object; the sentence's order says which mention is which:

- a verb takes the subject right after it (Arabic VSO: وقع شي بيانا مشتركا), else the nearest
  one before it (SVO: الصين ... ستبني); a verbal noun takes the noun after it (زيارة شي) or, with
  an attached pronoun (زيارته، ببنائه), the nearest one before it;
- objects follow the trigger until the clause ends or another relation's trigger starts; an
  attached pronoun or a relative clause (الذي تقوم الصين ببنائه) points back to the nearest one;
- coordinated mentions (الصين وطاجيكستان، الرئيس القيرغيزي … والرئيس الطاجيكي …) each get an edge;
- when the sentence does not name the subject next to the trigger, ``extract/attachment.py`` says who
  it is: the subject of the sentence before (pro-drop), an agent after من قبل, the sides after كل من,
  with gender agreement; asides between commas stand apart from their clause;
- where the schema does not allow a leader as subject but the trigger says a leader acts for the
  country (builds), the leader's country is the subject;
- builds without a named subject: a nisba after the building noun (بتمويل صيني), the agent after من
  (بتمويل من الصين), a side by its nisba (الجانب الروسي); a building word inside an agreement
  (اتفاقية لبناء …) still triggers; agent phrases anywhere in the clause (من قبل، بقرض من، بالتعاون
  مع), cooperation, contractors, owners and operators, contracts signed or won for building
  (``extract/construction.py``);
- links: a named corridor before يربط joins the places after it; a place called a stop or hub on a
  corridor (محطة على طريق الحرير) is on it (corridors found by their head carry their own ends).

Relations with no trigger word come from the structure of the sentence (``extract/structures.py``,
a data table: العاصمة الطاجيكية دوشنبه puts Dushanbe in Tajikistan) and from what the genre says of
visits (``extract/visits.py``: a minister called الزائر in a dispatch visits its dateline's place);
في إطار مبادرة … makes the sentence's projects ``part_of`` the initiative.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from silkgraph.extract.attachment import CARRIED, ArgumentAttachment
from silkgraph.extract.doc_state import REFS, FoundRelation, doc_words, init_state
from silkgraph.extract.building_relations import BuildingRelations
from silkgraph.extract.construction import ConstructionRelations
from silkgraph.extract.lexicon import roles, Lexicon, lexicon_for
from silkgraph.extract.meeting_relations import MeetingRelations
from silkgraph.extract.signing import SigningRelations
from silkgraph.extract.relation_args import VERB_KINDS, Arg, TriggerHit, entity_type, in_words, leader_country, visitor_home
from silkgraph.extract.structures import VISIT_PATTERNS, StructuralRelations
from silkgraph.extract.visits import ImpliedVisits
from silkgraph.extract.surface import strip_proclitics
from silkgraph.extract.title_names import office_adjective
from silkgraph.normalize import opens_with, phrase_key, relational_ending, word_key
from silkgraph.schema import schema

ROLE = roles()
QUOTES = ('"', "«", "»", "“", "”")  # a quoted name's marks between coordinated mentions (وشركة "أوزبك نفط غاز")
PARTNER_TITLE_WORDS = 5  # how many words of a title and a nisba may stand between مع and a signing partner

@Language.factory("silk_relations", default_config={
    "gazetteer_dir": "", "lexicon_dir": "", "subject_gap": 6, "object_window": 25, "verb_subject_reach": 8,
    "near_object_relations": ["member_of"], "near_object_gap": 4})
def make_relations(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, subject_gap: int,
                   object_window: int, verb_subject_reach: int, near_object_relations: list[str],
                   near_object_gap: int):
    """The relation component: relations from trigger words and sentence structure, last in the pipeline.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وقعت أذربيجان وجورجيا اتفاقية لإنشاء ممر للنقل.")
    >>> sorted((r.source_id, r.type, r.trigger) for r in doc._.silk_found)
    [('country:AZ', 'signed', 'وقعت'), ('country:GE', 'signed', 'وقعت')]
    """
    extractor = RelationExtractor(lexicon_for(gazetteer_dir, lexicon_dir), subject_gap, object_window,
                                  verb_subject_reach, set(near_object_relations), near_object_gap)
    extractor.setup_construction(gazetteer_dir, lexicon_dir)
    return extractor


class RelationExtractor(ArgumentAttachment, MeetingRelations, BuildingRelations, ConstructionRelations, SigningRelations):
    def __init__(self, lex: Lexicon, subject_gap: int, object_window: int, verb_subject_reach: int = 8,
                 near_object_relations: set[str] = frozenset(), near_object_gap: int = 4):
        self.lex = lex
        self.subject_gap = subject_gap  # how far after a verb its subject may stand
        self.object_window = object_window  # how far after a trigger its objects may stand
        self.verb_subject_reach = verb_subject_reach  # how far before a verb its subject may stand
        self.near_object_relations = near_object_relations  # relations whose ends stand next to the trigger
        self.near_object_gap = near_object_gap
        self.edge_types = schema().edge_types
        self.clause_words = lex.words("clause")
        self.relatives = lex.words("relative")
        self.adverbs = lex.words("adverb")
        self.visit_origin = lex.words("visit_origin")
        self.visit_gap = lex.words("visit_gap")
        self.guest_words = lex.words("guest")
        # a military rank between an office and its holder (وصل وزير الدفاع الصيني الأدميرال فلان)
        self.rank_words = lex.words("title_gap")
        self.visit_gap_words = self.visit_gap | self.guest_words | self.rank_words  # once, not on every gap checked
        self.visit_object_prepositions = self.lex.words("visit_object_preposition")
        self.partner_words = lex.words("partner")
        self.structures = StructuralRelations(lex)
        self.visits = ImpliedVisits(lex, {p: self.structures.confidence(p) for p in VISIT_PATTERNS})
        self.during_words = lex.words("during")
        self.agent_words = lex.words("agent")
        self.destination_words = lex.words("destination")
        # relations both sides of "X … مع Y" take part in (وقعت الصين مع كازاخستان اتفاقية)
        self.joint_relations = {"signed"}
        self.init_attachment(lex)  # subjects carried on, agreement, agent phrases, asides (extract/attachment.py)
        self.init_signing(lex)  # the parties of a signing the verb's subject does not name (extract/signing.py)
        self.sides = lex.words("side")  # الجانب الروسي، الشركات الصينية: a country by its nisba
        # words that may stand between coordinated office holders or between a verb and its subject
        self.title_keys = {w for t in lex.titles for w in phrase_key(t.title_ar).split()} | lex.words("counterpart")
        self.body_heads = {h.words[0] for h in lex.heads if h.type == ROLE.organization}  # شركة، وزارة، بنك …
        self.place_heads = {h.words[0] for h in lex.heads if h.needs == "place_name"}  # منطقة، مقاطعة، مدينة
        self.complementizers = lex.words("visit_said")  # إن، أن: a clause of what is said

    # -- collecting mentions and triggers ----------------------------------------------------
    def args_by_sentence(self, doc: Doc) -> dict[int, list[Arg]]:
        """Every mention that can take part in a relation, by the start token of its sentence
        (entities, titles, nisbas, anaphors), each list in text order. One pass over the Doc:
        ``Span.ents`` would walk all of the Doc's entities again for every sentence."""
        sentence_of = {}
        for sent in doc.sents:
            for k in range(sent.start, sent.end):
                sentence_of[k] = (sent.start, sent.end)
        out: dict[int, list[Arg]] = {}

        def add(start: int, end: int, arg: Arg) -> None:
            bounds = sentence_of.get(start)
            if bounds is not None and end <= bounds[1]:
                out.setdefault(bounds[0], []).append(arg)

        for e in doc.ents:
            if e.kb_id_:
                add(e.start, e.end, Arg(e.start, e.end, e.kb_id_, e.label_, "name"))
        for ref in doc.spans[REFS]:
            kind = {"nisba": "nisba", "anaphor": "anaphor"}.get(ref.id_, "title")
            add(ref.start, ref.end, Arg(ref.start, ref.end, ref.kb_id_, ref.label_, kind))
        for args in out.values():
            args.sort(key=lambda a: a.start)
        return out

    def triggers_in(self, sent: Span, covered: set[int], building_inside: set[int] = frozenset()) -> list[TriggerHit]:
        """Trigger words outside the mentions; ``building_inside`` are tokens of a mention where a
        builds trigger still counts (اتفاقية لبناء الطريق: the agreement says who builds)."""
        hits = []
        words = doc_words(sent.doc)
        for i in range(sent.start, sent.end):
            if i in covered and i not in building_inside:
                continue
            found = self.lex.trigger_for(words[i])
            if found and (i not in covered or found[0].relation == "builds") \
                    and not (sent.doc[i].is_punct or sent.doc[i].is_space):
                hits.append(TriggerHit(i, *found))
        return hits

    # -- roles ------------------------------------------------------------------------------
    def gap_ok(self, doc: Doc, start: int, end: int, objects: list[Arg], relation: str = "") -> bool:
        """Tokens between a verb and its subject may only be adverbs, a title with its nisba, or
        the object itself (verb-object-subject: حضر القمة الرئيس القيرغيزي …); a visit may also be
        qualified first (زيارة الدولة التي قام بها الرئيس …)."""
        in_object = {k for a in objects for k in range(a.start, a.end)}
        extra = self.visit_gap_words if relation == "visited" else self.guest_words | self.rank_words
        in_title = set()
        for k in range(start, end):
            t = doc[k]
            if relation == "visited" and k not in in_title:
                in_title |= self.nested_place(doc, k)
            if k in in_title or t.norm_ in self.adverbs or t.norm_ in self.title_keys or t.norm_ in self.lex.nisba \
                    or k in in_object or (t.is_punct and t.text in "()") or word_key(t.text) in extra \
                    or (k > start and doc[k - 1].norm_ in self.title_keys and office_adjective(t, self.lex)) \
                    or self.each_of(doc, k) or word_key(t.text) in self.lex.ordinals \
                    or (relation == "visited" and k + 1 in in_object and word_key(t.text) in self.visit_object_prepositions) \
                    or self.titled_place(doc, k) or self.titled_body(doc, k) \
                    or (relation == "visited" and (self.titled_place(doc, k, ROLE.organization) or self.nested_body(doc, k))):
                continue
            return False
        return True

    def titled_body(self, doc: Doc, k: int) -> bool:
        """Token ``k`` is a body's head with the article right after a title, the body's name left
        out (رئيس [الوكالة] فلان، نائب رئيس [المؤسسة] فلان): part of the title, no party."""
        return k > 0 and doc[k - 1].norm_ in self.title_keys and doc[k].ent_iob_ == "O" \
            and doc[k].norm_ in self.body_heads and opens_with(doc[k].text, "article")

    def titled_place(self, doc: Doc, k: int, label: str = "") -> bool:
        """Token ``k`` is in the place an office is of, right after its title (حاكم [ولاية سمرقند] فلان،
        رئيس بلدية [مدينة ألماتي] فلان): part of the title, not another party. With ``label``
        (Organization, for a visit only): the body an office is of (وصل قائد [قوات …] الفريق فلان،
        الزيارة الرسمية لرئيس [مجلس الدولة …] فلان: the visitor's title, not the visitor)."""
        if doc[k].ent_type_ not in ((label,) if label else (ROLE.region, ROLE.city)):
            return False  # (read off the token: no walk over doc.ents for each word of a gap)
        start = k
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        if start == 0:
            return False
        before = doc[start - 1]  # لرئيس مجلس الدولة: the title may carry ل
        if label and start > 1 and word_key(before.text) == "في" and doc[start - 2].ent_type_ == label:
            return self.titled_place(doc, start - 2, label)  # رئيسة لجنة … في البرلمان …: the body the body is in
        return (word_key(strip_proclitics(before.text)) if label else before.norm_) in self.title_keys

    def nested_body(self, doc: Doc, k: int) -> bool:
        """Token ``k`` is the في between a titled body and the body it is part of (رئيسة [لجنة الشؤون
        الخارجية] في [البرلمان الكازاخستاني] فلانة): part of the visitor's title."""
        return 0 < k < len(doc) - 1 and word_key(doc[k].text) == "في" and doc[k + 1].ent_type_ == ROLE.organization \
            and doc[k + 1].ent_iob_ == "B" and self.titled_place(doc, k - 1, ROLE.organization)

    def nested_place(self, doc: Doc, k: int) -> set[int]:
        """The tokens from ``k`` of a في and the place a titled body is of (سكرتير [لجنة الحزب …] في
        منطقة شينجيانغ فلان): part of the visitor's title; empty when ``k`` opens none."""
        if not (0 < k < len(doc) - 1 and word_key(doc[k].text) == "في" and self.titled_place(doc, k - 1, ROLE.organization)):
            return set()
        j = k + 1
        if doc[j].ent_iob_ == "O" and word_key(doc[j].text) in self.place_heads and j + 1 < len(doc):
            j += 1  # في [منطقة] شينجيانغ: the place's head outside its name
        if doc[j].ent_iob_ != "B" or doc[j].ent_type_ not in (ROLE.region, ROLE.city):
            return set()
        end = j + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return set(range(k, end))

    def chain(self, doc: Doc, args: list[Arg], first: Arg, types: set[str], forward: bool) -> list[Arg]:
        """``first`` and the mentions coordinated with it by و (possibly each behind a title)."""
        out = [first]
        ordered = args if forward else list(reversed(args))
        current = first
        for nxt in ordered[ordered.index(first) + 1:]:
            if nxt.type not in types or nxt.kind == "nisba":
                continue
            earlier, later = (current, nxt) if forward else (nxt, current)
            words = [t for t in doc[earlier.end:later.start] if not t.is_space]
            # between them: at most a و or comma and a title with its nisba (والرئيس الطاجيكي)
            # (or the head of a body the name after it leaves out: وشركة كازمونايغاز)
            if len(words) > 3 or not all(t.text in ("و", "،", ",", *QUOTES) or t.norm_ in self.title_keys
                                         or t.norm_ in self.lex.nisba or (t.norm_ in self.body_heads
                                                                          and nxt.type == ROLE.organization)
                                         or self.titled_body(doc, t.i) for t in words):
                break
            # (the و may follow a comma: وصل … الرئيس الأوزبكي فلان، والرئيس القيرغيزي فلان)
            spoken = [t for t in words if not t.is_punct]
            conjunction = any(opens_with(t.text, "coordinator") for t in (*spoken[:1], doc[later.start]))
            if (words and not conjunction) or (not words and self.behind_glued_preposition(doc, later)):
                break  # الصين لأوزبكستان: no coordination
            out.append(nxt)
            current = nxt
        return out

    def clause_bounds(self, doc: Doc, sent: Span, i: int) -> tuple[int, int]:
        """The clause words nearest before and after token i in its sentence (or the sentence's ends)."""
        # where the clause words stand, found once per document (its words do not change)
        positions = doc.user_data.get("silk_clause_words")
        if positions is None:
            positions = [k for k, w in enumerate(doc_words(doc)) if word_key(w) in self.clause_words]
            doc.user_data["silk_clause_words"] = positions
        at = bisect_left(positions, i)
        left = positions[at - 1] if at > 0 and positions[at - 1] >= sent.start else sent.start
        after = bisect_right(positions, i)
        right = positions[after] if after < len(positions) and positions[after] < sent.end else sent.end
        return left, right

    def subject_types(self, hit: TriggerHit) -> set[str]:
        edge = self.edge_types[hit.trigger.relation]
        types = set(edge.subjects)
        if hit.trigger.leader_as_country and ROLE.leader not in types and ROLE.country in types:
            types.add(ROLE.leader)
        return types

    def subjects(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, left: int) -> list[Arg]:
        types = self.subject_types(hit)
        candidates = [a for a in args if a.type in types and a.kind != "nisba"]
        object_types = set(self.edge_types[hit.trigger.relation].objects)
        object_args = [a for a in args if a.type in object_types]
        # a visitor may stand behind a long title (رئيس مجلس النواب (المجلس الأدنى) في البرلمان …): gap_ok bounds what is between
        reach = self.subject_gap + (8 if hit.trigger.relation == "visited" else 0)
        after = [a for a in candidates if a.start > hit.i and a.start - hit.i <= reach
                 and self.gap_ok(doc, hit.i + 1, a.start, object_args, hit.trigger.relation)]
        before = self.agreeing(doc, hit, [a for a in candidates if a.end <= hit.i and a.start >= left])
        head = self.visits.delegation_head(doc, sent, hit.i) if not after and hit.trigger.relation == "visited" else -1
        if not after and hit.trigger.relation == "visited" and hit.i + 2 < sent.end \
                and doc[hit.i + 1].norm_ in self.title_keys and doc[hit.i + 2].norm_ in self.lex.nisba:
            # … قبل أن يتوجه الزعيم الصيني إلى سمرقند: the one named before whose country the nisba is
            country = self.lex.nisba[doc[hit.i + 2].norm_]
            named = [a for a in candidates if a.end <= hit.i and a.start >= sent.start
                     and self.country_of_leader(doc, a.id) == country]
            if named:
                return named[-1:]
        if head >= 0:  # وصل وفد من حزب … برئاسة فلان إلى …: the delegation's head visits
            after = [a for a in candidates if head < a.start <= head + self.subject_gap
                     and self.gap_ok(doc, head + 1, a.start, object_args, hit.trigger.relation)][:1]
        if hit.trigger.kind in VERB_KINDS or not hit.pronoun:
            if after:
                return self.chain(doc, args, after[0], types, forward=True)
            if hit.trigger.relation in self.near_object_relations:  # الدول الأعضاء في …: members stand close
                before = [a for a in before if hit.i - a.end <= self.near_object_gap]
            elif hit.trigger.kind in VERB_KINDS:  # SVO: the subject stands close before its verb
                before = [a for a in before if hit.i - a.end <= self.verb_subject_reach]
            if before:
                return self.chain(doc, args, before[-1], types, forward=False)
            if not (hit.trigger.kind == "noun" and hit.i > sent.start
                    and in_words(doc[hit.i - 1].text, self.during_words)) \
                    or (hit.i + 1 < sent.end and doc[hit.i + 1].norm_ in self.title_keys):
                return []  # زيارة الرئيس لروسيا: the visitor is named, by a title alone
            # قال … أثناء زيارة إلى أستانة / خلال زيارة إلى عشق آباد، قال …: whoever the sentence is about
        if before and hit.trigger.relation == "visited" and hit.i > sent.start \
                and in_words(doc[hit.i - 1].text, self.during_words):
            # التقى الرئيس فلان رئيس الشركة فلان خلال زيارته إلى …: his visit is the clause's subject's
            return self.chain(doc, args, before[0], types, forward=True)
        if before:
            return self.chain(doc, args, before[-1], types, forward=False)
        # a pronoun with nothing before it in the clause: the sentence's subject, before the
        # clause (… الرئيس الإيراني … قد أعرب قبيل وصوله إلى دوشنبه) or further on (وخلال
        # زيارته لقازاقستان، قال شي …)
        earlier = [a for a in candidates if a.end <= hit.i and a.start >= sent.start]
        if earlier:
            return [earlier[-1]]
        later = [a for a in candidates if a.start > hit.i]
        return [later[0]] if later else []

    def objects(self, doc: Doc, args: list[Arg], hit: TriggerHit, subjects: list[Arg], right: int,
                next_trigger: int) -> list[Arg]:
        edge = self.edge_types[hit.trigger.relation]
        types = set(edge.objects)
        taken = {(a.start, a.id) for a in subjects}
        window = self.near_object_gap if hit.trigger.relation in self.near_object_relations else self.object_window
        stop = min(right, next_trigger, hit.i + 1 + window)
        if hit.trigger.relation == "visited":
            # قال فلان لدى وصوله إن الصين مستعدة …: what is said is no destination (after a reporting verb
            # only: وصل إلى بكين، على أن يغادرها متوجها إلى شيامن goes on to Xiamen); … زيارته العام
            # الماضي …، معربا عن تطلعه لزيارة بكين: the place of a visit only wished for is not this one's
            sent = doc[hit.i].sent
            said = any(in_words(doc[j].text, self.clause_words) for j in range(sent.start, hit.i))
            stop = next((k for k in range(hit.i + 1, stop) if (said and word_key(doc[k].text) in self.complementizers)
                         or (self.visit_noun(doc[k].text) and (self.visits.unreal(doc, sent, k)
                                                                 or self.visits.unmade_visit(doc, sent, k)))), stop)
            if hit.trigger.kind == "noun" and hit.pronoun:
                named = self.nisba_destination(doc, args, hit.i)  # زيارته الصينية: the nisba says where
                if named is not None:
                    return [named]
        found = [a for a in args if hit.i < a.start < stop and a.type in types and a.kind != "nisba"
                 and (a.start, a.id) not in taken and not self.comes_from(doc, hit, a) and not self.behind_aside(hit.i, a)
                 and not (hit.trigger.relation == "visited" and (self.visits.planned_between(doc, hit.i, a.start)
                                                                 or self.visits.planned_gathering(doc, a)))
                 and (hit.trigger.kind != "motion" or self.destination(doc, a) or self.facility_destination(doc, args, a))]
        if found:
            return found
        relative_before = any(doc[k].norm_ in self.relatives for k in range(max(0, hit.i - 4), hit.i))
        subject_after = any(a.start > hit.i for a in subjects)
        # … قمة منظمة شانغهاي، بمشاركة الرئيس الصيني: a verbal noun whose subject follows it
        # refers back to what the clause was about
        if hit.pronoun or relative_before or (hit.trigger.kind == "noun" and subject_after):
            earlier = self.antecedents([a for a in args if a.end <= hit.i and a.type in types and a.kind != "nisba"])
            return earlier[-1:] if earlier else []
        return []

    def visit_noun(self, text: str) -> bool:
        """Whether a token is a visit noun (زيارة، لزيارة، جولة)."""
        found = self.lex.trigger_for(text)
        return found is not None and found[0].relation == "visited" and found[0].kind == "noun"

    def nisba_destination(self, doc: Doc, args: list[Arg], i: int) -> Arg | None:
        """زيارته الكازاخستانية، جولته الرسمية التركمانستانية: a country's nisba right after a visit
        noun that carries its visitor's pronoun (another adjective may come first) is where it goes."""
        for j in (i + 1, i + 2):
            if j >= len(doc):
                return None
            nisba = next((a for a in args if a.start == j and a.kind == "nisba" and a.type == ROLE.country), None)
            if nisba is not None:
                return nisba
            if not relational_ending(word_key(doc[j].text)) or doc[j].ent_iob_ != "O":
                return None  # زيارته إلى …، زيارته الرئيس …: no adjective after the noun
        return None

    def partners(self, doc: Doc, args: list[Arg], subjects: list[Arg], objects: list[Arg],
                 hit: TriggerHit) -> list[Arg]:
        """The side after مع did it too: right after the subjects (وقعت وزارة الطاقة الطاجيكية مع
        شركة تبيان عقدا) or right after the object (وقعت روسيا اتفاقية للتعاون مع تركمانستان)."""
        spots = [max(a.end for a in subjects), hit.i + 1] + [o.end for o in objects]  # (أوزبكستان قد وقعت مع الصين)
        spots += [self.past_place(doc, args, k) for k in spots[:2]]  # وقع في سمرقند مع شي، وقع فلان في بكين مع …
        k = next((k for k in spots if k < len(doc) and word_key(doc[k].text) in self.partner_words), None)
        if k is None:
            return []
        types = self.subject_types(hit)
        # (behind a title, a counterpart word and a nisba: مع نظيره الصيني شي، مع رئيس المؤسسة الصينية فلان)
        first = next((a for a in args if k + 1 <= a.start <= k + 1 + PARTNER_TITLE_WORDS and a.type in types
                      and a.kind != "nisba" and self.partner_gap(doc, k + 1, a.start)), None)
        if first is None:
            return []
        return [a for a in self.chain(doc, args, first, types, forward=True) if a.id not in {s.id for s in subjects}]

    def past_place(self, doc: Doc, args: list[Arg], k: int) -> int:
        """Past في and a place at token k (وقع في سمرقند مع …): where the place ends, else k."""
        if k + 1 >= len(doc) or word_key(doc[k].text) != "في":
            return k
        place = next((a for a in args if a.start == k + 1 and a.type in (ROLE.city, ROLE.country, ROLE.region)
                      and a.kind != "nisba"), None)
        return place.end if place is not None else k

    def partner_gap(self, doc: Doc, start: int, end: int) -> bool:
        """Only a title, a counterpart word, an office's place or nisbas between مع and the partner's name."""
        return all(doc[j].norm_ in self.title_keys or in_words(doc[j].text, self.counterparts)
                   or doc[j].norm_ in self.lex.nisba or self.titled_place(doc, j) for j in range(start, end))

    def destination(self, doc: Doc, place: Arg) -> bool:
        """A place right after إلى (or with it as a proclitic: لأستانا), or after إلى and the words
        that say what the place is (إلى العاصمة الصينية بكين، إلى مدينة سمرقند)."""
        k = self.before_place(doc, place)
        if k >= 0 and word_key(doc[k].text) in self.destination_words:
            return True
        return opens_with(doc[k + 1].text, "lam")

    def before_place(self, doc: Doc, place: Arg) -> int:
        """The token before a place and the words that say what it is (إلى [العاصمة الصينية] بكين)."""
        k = place.start - 1
        while k > place.start - 4 and k > 0 and (doc[k].norm_ in self.lex.nisba or word_key(doc[k].text)
                                                 in self.visits.place_words):
            k -= 1
        return k

    def comes_from(self, doc: Doc, hit: TriggerHit, place: Arg) -> bool:
        """قادما من (العاصمة الأوزبكية) طشقند: the place a visitor comes from is not where the visit goes."""
        k = self.before_place(doc, place)
        return hit.trigger.relation == "visited" and k >= 0 and word_key(doc[k].text) in self.visit_origin \
            and not self.each_of(doc, k)  # زيارات إلى كل من كازاخستان وأوزبكستان: a list, no origin

    def entity_type(self, doc: Doc, entity_id: str) -> str:
        return entity_type(self.lex, doc, entity_id)

    def country_of_leader(self, doc: Doc, leader_id: str) -> str:
        return leader_country(self.lex, doc, leader_id)

    # -- relation kinds ---------------------------------------------------------------------
    def generic(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, next_trigger: int) -> list[FoundRelation]:
        left, right = self.clause_bounds(doc, sent, hit.i)
        subjects = self.subjects(doc, sent, args, hit, left)
        if not subjects and hit.trigger.relation != "builds":  # builds has agent phrases of its own
            subjects = self.agent_subjects(doc, sent, args, hit)
        subjects = subjects or self.carried_subjects(doc, sent, args, hit) or self.carried_possessor(doc, sent, args, hit)
        if not subjects:
            return []
        objects = self.objects(doc, args, hit, subjects, right, next_trigger)
        if hit.trigger.relation in self.joint_relations:
            subjects = subjects + self.partners(doc, args, subjects, objects, hit)
        edge = self.edge_types[hit.trigger.relation]
        out = []
        for s in subjects:
            source = s.id
            confidence = hit.trigger.confidence * (CARRIED if s.end <= sent.start else 1.0)
            if s.type not in edge.subjects:  # a leader acting for the country
                source = self.country_of_leader(doc, s.id)
                confidence *= 0.8
                if not source:
                    continue
            home = visitor_home(self.lex, doc, source) if edge.name == "visited" else ""
            for o in objects:
                if source == o.id or o.id == home or (home and edge.name == "visited" and o.type == ROLE.city
                                                      and self.visits.place_country(doc, o) == home):
                    continue  # no one visits their own country, nor a city of it (وصل شي إلى بكين)
                distance = abs(o.start - hit.i)
                conf = round(confidence * (1.0 if distance <= 6 else 0.85), 3)
                out.append(FoundRelation(edge.name, source, o.id, hit.i, hit.i + 1, doc[hit.i].text, conf))
                if edge.name == "visited" and o.type == ROLE.city and o.kind != "capital" \
                        and not self.visits.summit_trip(doc, sent, hit.i):
                    # a visit to a city abroad is a visit to its country (وصل إلى أستانة); a capital
                    # named by its nisba alone (عقب وصوله العاصمة الطاجيكية) is the city a gathering is in
                    for country, _ in self.visits.visit_places(o)[1:]:
                        if country != home:
                            out.append(FoundRelation(edge.name, source, country, hit.i, hit.i + 1, doc[hit.i].text,
                                                     round(conf * 0.8, 3)))
        return out

    def passive(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        """الإعلان المشترك … الموقع من قبل الرئيس شي والرئيس توكاييف: the agents after من قبل
        did it to the nearest fitting thing before the participle."""
        k = hit.i + 1
        if not (k + 1 < sent.end and word_key(doc[k].text) == "من" and word_key(doc[k + 1].text) in self.agent_words):
            return []
        edge = self.edge_types[hit.trigger.relation]
        agents = [a for a in args if a.start > k + 1 and a.type in edge.subjects and a.kind != "nisba"]
        if not agents or agents[0].start - (k + 2) > self.subject_gap \
                or not self.gap_ok(doc, k + 2, agents[0].start, []):
            return []
        subjects = self.chain(doc, args, agents[0], set(edge.subjects), forward=True)
        left, _ = self.clause_bounds(doc, sent, hit.i)
        target = next((a for a in reversed(args) if a.end <= hit.i and a.start >= left and a.type in edge.objects
                       and a.kind != "nisba"), None)
        if target is None:
            return []
        return [FoundRelation(edge.name, s.id, target.id, hit.i, hit.i + 1, doc[hit.i].text, hit.trigger.confidence)
                for s in subjects if s.id != target.id]

    def frame(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        """في إطار مبادرة الحزام والطريق: the sentence's projects are part of the initiative."""
        edge = self.edge_types["part_of"]
        target = next((a for a in args if a.start > hit.i and a.start - hit.i <= 2 and a.type in edge.objects
                       and a.kind == "name"), None)
        if target is None:
            return []
        members = [a for a in args if a.type in edge.subjects and a.kind == "name" and a.id != target.id
                   and a.type in (ROLE.project, ROLE.corridor)]
        return [FoundRelation("part_of", m.id, target.id, hit.i, hit.i + 1, doc[hit.i].text, hit.trigger.confidence)
                for m in members]

    # -- the component ----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        covered = {i for e in doc.ents for i in range(e.start, e.end)}
        building_inside = {i for e in doc.ents if e.label_ == ROLE.agreement for i in range(e.start + 1, e.end)}
        found: list[FoundRelation] = []
        doc.user_data["silk_found_so_far"] = found  # the same list, grown in place: who visited before
        dateline = self.visits.dateline_place(doc)
        args_by_sentence = self.args_by_sentence(doc)
        self.begin_attachment(doc, args_by_sentence)
        for sent in doc.sents:
            args = args_by_sentence.get(sent.start, [])
            line = doc._.silk_dateline
            if line is not None and sent.start < line.end:
                # the dateline names where the dispatch was filed, not a party to what it reports
                args = [a for a in args if not (line.start <= a.start < line.end)]
            if len(args) < 2:
                if args:
                    found += self.visits(doc, sent, args, [], dateline)
                    lone = self.triggers_in(sent, covered, building_inside)
                    found += self.lone_signing(doc, sent, args, lone) + self.lone_building(doc, sent, args, lone)
                    found += self.lone_carried(doc, sent, args, lone, found)
                continue
            first = len(found)
            hits = self.triggers_in(sent, covered, building_inside)
            with_here = self.visits.here(doc, sent, args, dateline)  # إلى هنا: the dateline's place
            asides = self.asides(doc, sent)
            for n, hit in enumerate(hits):
                relation = hit.trigger.relation
                next_other = self.next_outside(doc, hits, n, asides, sent.end)
                if relation == "met":
                    found += self.met(doc, sent, args, hit)
                elif relation == "partnership":
                    found += self.partnership(doc, sent, args, hit)
                elif hit.trigger.kind == "frame":
                    found += self.frame(doc, sent, args, hit)
                elif hit.trigger.kind == "passive":
                    found += self.passive(doc, sent, args, hit)
                elif relation == "links":  # corridors found by their head carry their endpoints (silk_patterns)
                    found += self.links(doc, sent, args, hit) or self.links_across(doc, sent, args, hit)
                elif relation == "signed":
                    found += self.signing(doc, sent, args, hit, next_other)
                elif relation == "visited" and (hit.trigger.kind == "noun" and self.visits.unreal(doc, sent, hit.i)
                                                or self.visits.unmade_visit(doc, sent, hit.i)
                                                or self.visits.cancelled_later(doc, sent, hit.i)
                                                or self.visits.corridor_travels(doc, sent, args, hit.i)):
                    continue  # دعا … إلى زيارة الصين، ألغى زيارته، ثم يصل الممر إلى …: no visit
                else:
                    got = self.generic(doc, sent, with_here if relation == "visited" else args, hit, next_other)
                    if relation == "builds":
                        got = got or self.builder_fallback(doc, sent, args, hit, next_other)
                        got = self.building(doc, sent, args, hit, got, next_other)
                    found += got
            found += self.structures(doc, args)
            found += self.visits(doc, sent, with_here, found[first:], dateline)
            found += self.corridor_role_links(doc, sent, args)
            found += self.structure_builds(doc, sent, args)
        found += self.signatories(doc, found)
        found += self.later_signers(doc, doc._.silk_found + found)  # … اتفاقية لبناء … مع شركة …
        # parties the agreement patterns found (… اتفاقية مع شركة …) signed before this component ran
        found += self.contracted_builds(doc, doc._.silk_found + found)
        doc._.silk_found.extend(found)
        # whichever rule read it, an ideal (مجتمع المصير المشترك) is not built
        doc._.silk_found[:] = [r for r in doc._.silk_found if r.type != "builds" or not self.names_an_ideal(doc, r.target_id)]
        return doc

    def signatories(self, doc: Doc, found: list[FoundRelation]) -> list[FoundRelation]:
        """Who else signed: the other side of the talks a joint document concludes (وعقب محادثاته
        مع توكاييف، وقع شي بيانا مشتركا), and the country of every leader who signed."""
        extra: list[FoundRelation] = []
        signed = [r for r in found if r.type == "signed"]
        for r in signed:
            if r.target_id in doc._.silk_joint:
                sentence = doc[r.start].sent.start
                for m in found:
                    if m.type == "met" and doc[m.start].sent.start == sentence and r.source_id in (m.source_id, m.target_id):
                        other = m.target_id if m.source_id == r.source_id else m.source_id
                        extra.append(FoundRelation("signed", other, r.target_id, r.start, r.end, r.trigger,
                                                   round(r.confidence * 0.8, 3)))
        for r in signed + extra:
            if self.entity_type(doc, r.source_id) == ROLE.leader:
                country = self.country_of_leader(doc, r.source_id)
                if country:
                    extra.append(FoundRelation("signed", country, r.target_id, r.start, r.end, r.trigger,
                                               round(r.confidence * 0.8, 3)))
        return extra
