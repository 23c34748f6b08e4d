"""Component ``silk_relations``: typed relations from trigger words and sentence structure.

For every trigger (``data/lexicon/triggers.tsv``) in a sentence, the schema says which entity
types may be its subject and object; the sentence's order says which mention is which:

- a verb takes the subject right after it (Arabic VSO: وقع شي بيانا مشتركا), else the nearest
  one before it (SVO: الصين ... ستبني); a verbal noun takes the noun after it (زيارة شي) or, with
  an attached pronoun (زيارته، ببنائه), the nearest one before it;
- objects follow the trigger until the clause ends or another relation's trigger starts; an
  attached pronoun or a relative clause (الذي تقوم الصين ببنائه) points back to the nearest one;
- coordinated mentions (الصين وطاجيكستان، الرئيس القيرغيزي … والرئيس الطاجيكي …) each get an edge;
- where the schema does not allow a leader as subject but the trigger says a leader acts for the
  country (builds), the leader's country is the subject.

Structural relations need no trigger: a project or event followed by في and a place is
``located_in`` it, العاصمة الطاجيكية دوشنبه puts Dushanbe in Tajikistan, في إطار مبادرة … makes the
sentence's projects ``part_of`` the initiative, and an agreement followed by لقمة … is part of it.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.doc_state import REFS, FoundRelation, init_state
from extract.lexicon import roles, Lexicon, Trigger, lexicon_for
from silkgraph.normalize import normalize_letters, phrase_key, word_key
from silkgraph.schema import schema

ROLE = roles()
# a motion verb (وصل، توجه) is a verb whose object is where it goes: a place after إلى
VERB_KINDS = ("verb", "motion")


def in_words(text: str, words: set[str]) -> bool:
    """Whether a token is one of ``words`` (word keys), also behind a conjunction (وخلال).

    >>> in_words("وخلال", {"خلال"}), in_words("خلال", {"خلال"}), in_words("وصل", {"صل"})
    (True, True, False)
    """
    key = word_key(text)
    return key in words or (key[:1] in "وف" and len(key) > 3 and word_key(key[1:]) in words)

@dataclass(frozen=True)
class Arg:
    """A mention that can take part in a relation."""

    start: int
    end: int
    id: str
    type: str
    kind: str  # name | title | anaphor | nisba


@dataclass(frozen=True)
class TriggerHit:
    i: int
    trigger: Trigger
    pronoun: bool  # the word carries an attached pronoun (زيارته، ببنائه)


@Language.factory("silk_relations", default_config={
    "gazetteer_dir": "", "lexicon_dir": "", "subject_gap": 6, "object_window": 25, "verb_subject_reach": 8,
    "near_object_relations": ["member_of"], "near_object_gap": 4})
def make_relations(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, subject_gap: int,
                   object_window: int, verb_subject_reach: int, near_object_relations: list[str],
                   near_object_gap: int):
    """The relation component: relations from trigger words and sentence structure, last in the pipeline.

    >>> from extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وقعت أذربيجان وجورجيا اتفاقية لإنشاء ممر للنقل.")
    >>> sorted((r.source_id, r.type, r.trigger) for r in doc._.silk_found)
    [('country:AZ', 'signed', 'وقعت'), ('country:GE', 'signed', 'وقعت')]
    """
    return RelationExtractor(lexicon_for(gazetteer_dir, lexicon_dir), subject_gap, object_window,
                             verb_subject_reach, set(near_object_relations), near_object_gap)


class RelationExtractor:
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
        self.remote_words = lex.words("remote")
        self.during_words = lex.words("during")
        self.agent_words = lex.words("agent")
        self.destination_words = lex.words("destination")
        # relations both sides of "X … مع Y" take part in (وقعت الصين مع كازاخستان اتفاقية)
        self.joint_relations = {"signed"}
        # words that may stand between coordinated office holders or between a verb and its subject
        self.title_keys = {w for t in lex.titles for w in phrase_key(t.title_ar).split()} | lex.words("counterpart")

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

    def triggers_in(self, sent: Span, covered: set[int]) -> list[TriggerHit]:
        hits = []
        for token in sent:
            if token.i in covered or token.is_punct or token.is_space:
                continue
            found = self.lex.trigger_for(token.text)
            if found:
                hits.append(TriggerHit(token.i, *found))
        return hits

    # -- roles ------------------------------------------------------------------------------
    def gap_ok(self, doc: Doc, start: int, end: int, objects: list[Arg], relation: str = "") -> bool:
        """Tokens between a verb and its subject may only be adverbs, a title with its nisba, or
        the object itself (verb-object-subject: حضر القمة الرئيس القيرغيزي …); a visit may also be
        qualified first (زيارة الدولة التي قام بها الرئيس …)."""
        in_object = {k for a in objects for k in range(a.start, a.end)}
        extra = (self.visit_gap if relation == "visited" else set()) | self.guest_words
        for k in range(start, end):
            t = doc[k]
            if t.norm_ in self.adverbs or t.norm_ in self.title_keys or t.norm_ in self.lex.nisba \
                    or k in in_object or (t.is_punct and t.text in "()") or word_key(t.text) in extra:
                continue
            return False
        return True

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
            if len(words) > 3 or not all(t.text in ("و", "،", ",") or t.norm_ in self.title_keys
                                         or t.norm_ in self.lex.nisba for t in words):
                break
            conjunction = any(normalize_letters(t.text).startswith("و") for t in (*words[:1], doc[later.start]))
            if words and not conjunction:
                break
            out.append(nxt)
            current = nxt
        return out

    def clause_bounds(self, doc: Doc, sent: Span, i: int) -> tuple[int, int]:
        left = sent.start
        for k in range(i - 1, sent.start - 1, -1):
            if word_key(doc[k].text) in self.clause_words:
                left = k
                break
        right = sent.end
        for k in range(i + 1, sent.end):
            if word_key(doc[k].text) in self.clause_words:
                right = k
                break
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
        reach = self.subject_gap + (4 if hit.trigger.relation == "visited" else 0)
        after = [a for a in candidates if a.start > hit.i and a.start - hit.i <= reach
                 and self.gap_ok(doc, hit.i + 1, a.start, object_args, hit.trigger.relation)]
        before = [a for a in candidates if a.end <= hit.i and a.start >= left]
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
        found = [a for a in args if hit.i < a.start < stop and a.type in types and a.kind != "nisba"
                 and (a.start, a.id) not in taken and not self.comes_from(doc, hit, a)
                 and (hit.trigger.kind != "motion" or self.destination(doc, a))]
        if found:
            return found
        relative_before = any(doc[k].norm_ in self.relatives for k in range(max(0, hit.i - 4), hit.i))
        subject_after = any(a.start > hit.i for a in subjects)
        # … قمة منظمة شانغهاي، بمشاركة الرئيس الصيني: a verbal noun whose subject follows it
        # refers back to what the clause was about
        if hit.pronoun or relative_before or (hit.trigger.kind == "noun" and subject_after):
            earlier = [a for a in args if a.end <= hit.i and a.type in types and a.kind != "nisba"]
            return earlier[-1:] if earlier else []
        return []

    def partners(self, doc: Doc, args: list[Arg], subjects: list[Arg], objects: list[Arg],
                 hit: TriggerHit) -> list[Arg]:
        """The side after مع did it too: right after the subjects (وقعت وزارة الطاقة الطاجيكية مع
        شركة تبيان عقدا) or after the object and its complement (وقعت روسيا اتفاقية للتعاون مع
        تركمانستان)."""
        partner_words = self.lex.words("partner")
        spots = [max(a.end for a in subjects)] + [o.end + d for o in objects for d in range(4)]
        k = next((k for k in spots if k < len(doc) and word_key(doc[k].text) in partner_words), None)
        if k is None:
            return []
        types = self.subject_types(hit)
        first = next((a for a in args if a.start == k + 1 and a.type in types and a.kind != "nisba"), None)
        if first is None:
            return []
        return [a for a in self.chain(doc, args, first, types, forward=True) if a.id not in {s.id for s in subjects}]

    def destination(self, doc: Doc, place: Arg) -> bool:
        """A place right after إلى (or with it as a proclitic: لأستانا)."""
        if place.start > 0 and word_key(doc[place.start - 1].text) in self.destination_words:
            return True
        return normalize_letters(doc[place.start].text).startswith("ل")

    def comes_from(self, doc: Doc, hit: TriggerHit, place: Arg) -> bool:
        """قادما من أستانا: the place a visitor comes from is not where the visit goes."""
        return hit.trigger.relation == "visited" and place.start > 0 \
            and word_key(doc[place.start - 1].text) in self.visit_origin

    def entity_type(self, doc: Doc, entity_id: str) -> str:
        entry = self.lex.entries.get(entity_id)
        made = doc._.silk_entities.get(entity_id)
        return entry.entity.type if entry else made.type if made else ""

    def country_of_leader(self, doc: Doc, leader_id: str) -> str:
        for rel in doc._.silk_found:
            if rel.type == "leads" and rel.source_id == leader_id and rel.target_id.startswith("country:"):
                return rel.target_id
        return self.lex.country_of(leader_id)

    # -- relation kinds ---------------------------------------------------------------------
    def generic(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, next_trigger: int) -> list[FoundRelation]:
        left, right = self.clause_bounds(doc, sent, hit.i)
        subjects = self.subjects(doc, sent, args, hit, left)
        if not subjects:
            return []
        objects = self.objects(doc, args, hit, subjects, right, next_trigger)
        if hit.trigger.relation in self.joint_relations:
            subjects = subjects + self.partners(doc, args, subjects, objects, hit)
        edge = self.edge_types[hit.trigger.relation]
        out = []
        for s in subjects:
            source = s.id
            confidence = hit.trigger.confidence
            if s.type not in edge.subjects:  # a leader acting for the country
                source = self.country_of_leader(doc, s.id)
                confidence *= 0.8
                if not source:
                    continue
            home = self.country_of_leader(doc, source) if edge.name == "visited" else ""
            for o in objects:
                if source == o.id or o.id == home:  # no one visits their own country
                    continue
                distance = abs(o.start - hit.i)
                conf = round(confidence * (1.0 if distance <= 6 else 0.85), 3)
                out.append(FoundRelation(edge.name, source, o.id, hit.i, hit.i + 1, doc[hit.i].text, conf))
                if edge.name == "visited" and o.type == ROLE.city:
                    # a visit to a city abroad is a visit to its country (وصل إلى أستانة)
                    country = self.lex.country_of(o.id)
                    if country and country != self.country_of_leader(doc, source):
                        out.append(FoundRelation(edge.name, source, country, hit.i, hit.i + 1, doc[hit.i].text,
                                                 round(conf * 0.8, 3)))
        return out

    def met(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        people = [a for a in args if a.type in self.edge_types["met"].subjects and a.kind != "nisba"]
        partner_idx = next((k for k in range(hit.i + 1, min(hit.i + 2 + self.subject_gap, sent.end))
                            if doc[k].norm_ in self.lex.words("partner")), None)
        partners = []
        if partner_idx is not None:
            # مع عمدة مدينة ألماتي يرلان …: the partner may stand behind a title and its scope
            scopes = [a for a in args if a.type not in self.edge_types["met"].subjects]
            after = [a for a in people if a.start > partner_idx and a.start - partner_idx <= 1 + self.subject_gap
                     and self.gap_ok(doc, partner_idx + 1, a.start, scopes)]
            if after:
                partners = self.chain(doc, people, after[0], set(self.edge_types["met"].objects), True)
        elif hit.trigger.kind in VERB_KINDS:
            after = [a for a in people if hit.i < a.start <= hit.i + self.subject_gap]
            before = [a for a in people if a.end <= hit.i]
            if len(after) == 1:  # التقى الرئيس الطاجيكي رحمن (في دوشنبه) وزير الخارجية الصيني الزائر وانغ يي
                gap_start = self.past_venue(doc, args, after[0].end)
                partner = next((a for a in people if a.start >= gap_start
                                and a.start - gap_start <= self.subject_gap
                                and self.gap_ok(doc, gap_start, a.start, [], "visited")
                                and all(word_key(t.text) not in self.lex.words("partner")
                                        for t in doc[after[0].end:a.start])), None)
                if partner is not None:
                    after.append(partner)
            if len(after) >= 2:  # التقى شي بوتين
                subject, partners = after[0], after[1:2]
            elif after and before:  # … وصل شي إلى أستانا، والتقى الرئيس الكازاخي: the subject was dropped
                subject, partners = before[-1], after[:1]
            else:
                return []
            return [FoundRelation("met", subject.id, p.id, hit.i, hit.i + 1, doc[hit.i].text,
                                  hit.trigger.confidence) for p in partners if p.id != subject.id]
        if not partners:
            return []
        partner_ids = {p.id for p in partners}
        between = [a for a in people if hit.i < a.start < partner_idx and a.id not in partner_ids]
        before = [a for a in people if a.end <= hit.i and a.id not in partner_ids]
        later = [a for a in people if a.start > partners[-1].end and a.id not in partner_ids]
        subject = between[0] if between else before[-1] if before else later[0] if later else None
        if subject is None:
            return []
        return [FoundRelation("met", subject.id, p.id, hit.i, hit.i + 1, doc[hit.i].text, hit.trigger.confidence)
                for p in partners]

    def past_venue(self, doc: Doc, args: list[Arg], k: int) -> int:
        """Past "في <city>" at token k (where a meeting took place), else k."""
        if k < len(doc) and word_key(doc[k].text) == "في":
            city = next((a for a in args if a.start == k + 1 and a.type == ROLE.city), None)
            if city is not None:
                return city.end
        return k

    def partnership(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        types = set(self.edge_types["partnership"].subjects)
        countries = [a for a in args if a.type in types and a.kind == "name"]
        partner_idx = next((k for k in range(hit.i + 1, min(hit.i + 6, sent.end))
                            if doc[k].norm_ in self.lex.words("partner")), None)
        pairs: list[tuple[Arg, Arg]] = []
        if partner_idx is not None:
            partner = next((a for a in countries if a.start > partner_idx and a.start - partner_idx <= 2), None)
            if partner is not None:
                others = [a for a in countries if a.id != partner.id]
                other = min(others, key=lambda a: abs(a.start - hit.i), default=None)
                if other is not None:
                    pairs.append((other, partner))
        if not pairs:
            before = [a for a in countries if a.end <= hit.i]
            if before:
                group = self.chain(doc, countries, before[-1], types, forward=False)
                pairs = [(group[k], group[m]) for k in range(len(group)) for m in range(k + 1, len(group))]
        return [FoundRelation("partnership", a.id, b.id, hit.i, hit.i + 1, doc[hit.i].text, hit.trigger.confidence)
                for a, b in pairs if a.id != b.id]

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

    def links(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        """طريق الحرير الذي يربط الصين بأوروبا: a named corridor just before يربط joins the places
        after it in the clause."""
        edge = self.edge_types["links"]
        left, right = self.clause_bounds(doc, sent, hit.i)
        k = hit.i - 1
        while k >= left and (doc[k].norm_ in self.relatives or doc[k].norm_ in self.adverbs or doc[k].is_punct):
            k -= 1
        corridor = next((a for a in args if a.end == k + 1 and a.type in edge.subjects and a.kind == "name"), None)
        if corridor is None:
            return []
        places = [a for a in args if hit.i < a.start < min(right, hit.i + 1 + self.object_window)
                  and a.type in edge.objects and a.kind == "name"]
        if not places:
            return []
        ends = self.chain(doc, args, places[0], set(edge.objects), forward=True)
        if len(places) > len(ends) and doc[places[len(ends)].start].norm_ != word_key(doc[places[len(ends)].start].text):
            ends.append(places[len(ends)])  # يربط الصين بأوروبا: the second end behind its preposition
        return [FoundRelation("links", corridor.id, e.id, hit.i, hit.i + 1, doc[hit.i].text, hit.trigger.confidence)
                for e in ends if e.id != corridor.id]

    def built_by_nisba(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                       next_trigger: int) -> list[FoundRelation]:
        """بتمويل صيني، باستثمارات صينية: a nisba right after a building noun is who builds (the
        project named after it, or the one the clause was about)."""
        if hit.trigger.kind != "noun":
            return []
        nisba = next((a for a in args if a.kind == "nisba" and a.start == hit.i + 1
                      and a.type in self.edge_types["builds"].subjects), None)
        if nisba is None:
            return []
        _, right = self.clause_bounds(doc, sent, hit.i)
        objects = self.objects(doc, args, hit, [nisba], right, next_trigger)
        return [FoundRelation("builds", nisba.id, o.id, hit.i, hit.i + 1, doc[hit.i].text,
                              round(hit.trigger.confidence * 0.8, 3)) for o in objects if o.id != nisba.id]

    def structural(self, doc: Doc, args: list[Arg]) -> list[FoundRelation]:
        out = []
        located = self.edge_types["located_in"]
        capital = self.lex.words("capital")
        by_start = {a.start: a for a in args}
        for a in args:
            if a.kind != "name":
                continue
            # X في (العاصمة النسبة) Y
            k = a.end
            if k < len(doc) and doc[k].norm_ == "في" and a.type in located.subjects:
                k += 1
                if k < len(doc) and doc[k].norm_ in capital:
                    k += 1
                    if k in by_start and by_start[k].kind == "nisba":
                        k = by_start[k].end
                place = by_start.get(k)
                if place is not None and place.kind == "name" and place.type in located.objects and place.id != a.id:
                    out.append(FoundRelation("located_in", a.id, place.id, a.start, place.end, "في", 0.7))
            # العاصمة الطاجيكية دوشنبه
            if a.type == ROLE.city and a.start >= 2 and doc[a.start - 2].norm_ in capital:
                nisba = by_start.get(a.start - 1)
                if nisba is not None and nisba.kind == "nisba":
                    out.append(FoundRelation("located_in", a.id, nisba.id, a.start - 2, a.end,
                                             doc[a.start - 2:a.start].text, 0.9))
            # في (العاصمة القيرغيزية) بيشكيك أعمال قمة …: a venue stated just before the event
            if a.type == ROLE.city:
                k = a.start - 1
                if k >= 0 and by_start.get(k) is not None and by_start[k].kind == "nisba":
                    k -= 1
                if k >= 0 and doc[k].norm_ in capital:
                    k -= 1
                event = next((e for e in args if e.type == ROLE.event and e.kind == "name" and 0 <= e.start - a.end <= 2),
                             None)
                if k >= 0 and word_key(doc[k].text) == "في" and event is not None \
                        and located.allows(event.type, a.type):
                    out.append(FoundRelation("located_in", event.id, a.id, a.start, event.end, "في", 0.7))
            # إعلان أستانا لقمة …
            if a.type == ROLE.agreement and a.end in by_start:
                event = by_start[a.end]
                if event.type == ROLE.event and normalize_letters(doc[event.start].text).startswith("ل"):
                    out.append(FoundRelation("part_of", a.id, event.id, a.start, event.end, "", 0.7))
        return out

    # -- the component ----------------------------------------------------------------------
    def dateline_place(self, doc: Doc) -> Arg | None:
        """The place of the dispatch's dateline (``silk_dateline``), as a visit destination."""
        line = doc._.silk_dateline
        if line is None or not line.kb_id_:
            return None
        place = next((e for e in doc.ents if e.kb_id_ == line.kb_id_ and line.start <= e.start < line.end), None)
        return Arg(place.start, place.end, place.kb_id_, place.label_, "name") if place is not None else None

    def visit_places(self, doc: Doc, city: Arg) -> list[tuple[str, str]]:
        """A city and the country it is in, as visit destinations: (id, type)."""
        places = [(city.id, city.type)]
        country = self.lex.country_of(city.id) if city.type == ROLE.city else ""
        if country:
            places.append((country, ROLE.country))
        return places

    def guest_word(self, doc: Doc, sent: Span, person: Arg, args: list[Arg]):
        """الزائر describing ``person``: right after the name, or in the title before it (عضو مجلس
        الدولة الزائر ووزير الدفاع …), with no other person in between."""
        if person.end < sent.end and word_key(doc[person.end].text) in self.guest_words:
            return doc[person.end]
        people = {k for a in args if a.type == person.type and a.id != person.id for k in range(a.start, a.end)}
        for k in range(person.start - 1, max(sent.start, person.start - 6) - 1, -1):
            t = doc[k]
            if k in people or t.is_punct or word_key(t.text) in self.clause_words:
                return None
            if word_key(t.text) in self.guest_words:
                return t
        return None

    def implied_visits(self, doc: Doc, sent: Span, args: list[Arg], sent_found: list[FoundRelation],
                       dateline: Arg | None) -> list[FoundRelation]:
        """Visits the genre states without a visit word: a leader called الزائر (visiting) in a
        dispatch is visiting the dateline's place; a leader meeting a host from the country of the
        city they meet in (التقى … في بكين) is visiting that city. Never for a call or video talk."""
        if any(word_key(t.text) in self.remote_words for t in sent):
            return []
        visited = self.edge_types["visited"]
        out = []

        def visit(leader: str, place: Arg, start: int, end: int, trigger: str, conf: float) -> None:
            home = self.country_of_leader(doc, leader)
            for pid, ptype in self.visit_places(doc, place):
                at_home = home and (pid == home or self.lex.country_of(pid) == home)
                if not at_home and visited.allows(self.entity_type(doc, leader) or ROLE.leader, ptype):
                    out.append(FoundRelation("visited", leader, pid, start, end, trigger, conf))

        if dateline is not None:
            for a in args:
                if a.type not in visited.subjects or a.kind == "nisba":
                    continue
                guest = self.guest_word(doc, sent, a, args)
                if guest is not None:
                    visit(a.id, dateline, guest.i, guest.i + 1, guest.text, 0.7)
        for m in sent_found:
            if m.type != "met":
                continue
            venue = next((a for a in args if a.type == ROLE.city and a.kind == "name" and a.start > m.start
                          and word_key(doc[a.start - 1].text) == "في"), None)
            if venue is None:
                continue
            host_country = self.lex.country_of(venue.id)
            for guest_id, host_id in ((m.source_id, m.target_id), (m.target_id, m.source_id)):
                home = self.country_of_leader(doc, guest_id)
                if home and host_country and home != host_country \
                        and self.country_of_leader(doc, host_id) == host_country:
                    visit(guest_id, venue, m.start, m.end, m.trigger, 0.6)
        return out

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        covered = {i for e in doc.ents for i in range(e.start, e.end)}
        found: list[FoundRelation] = []
        dateline = self.dateline_place(doc)
        args_by_sentence = self.args_by_sentence(doc)
        for sent in doc.sents:
            args = args_by_sentence.get(sent.start, [])
            line = doc._.silk_dateline
            if line is not None and sent.start < line.end:
                # the dateline names where the dispatch was filed, not a party to what it reports
                args = [a for a in args if not (line.start <= a.start < line.end)]
            if len(args) < 2:
                if args:
                    found += self.implied_visits(doc, sent, args, [], dateline)
                continue
            first = len(found)
            hits = self.triggers_in(sent, covered)
            for n, hit in enumerate(hits):
                relation = hit.trigger.relation
                next_other = next((h.i for h in hits[n + 1:] if h.trigger.relation != relation), sent.end)
                if relation == "met":
                    found += self.met(doc, sent, args, hit)
                elif relation == "partnership":
                    found += self.partnership(doc, sent, args, hit)
                elif hit.trigger.kind == "frame":
                    found += self.frame(doc, sent, args, hit)
                elif hit.trigger.kind == "passive":
                    found += self.passive(doc, sent, args, hit)
                elif relation == "links":  # corridors found by their head carry their endpoints (silk_patterns)
                    found += self.links(doc, sent, args, hit)
                else:
                    got = self.generic(doc, sent, args, hit, next_other)
                    if relation == "builds" and not got:
                        got = self.built_by_nisba(doc, sent, args, hit, next_other)
                    found += got
            found += self.structural(doc, args)
            found += self.implied_visits(doc, sent, args, found[first:], dateline)
        found += self.signatories(doc, found)
        doc._.silk_found.extend(found)
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
