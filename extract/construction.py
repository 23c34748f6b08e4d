"""Who builds, finances or operates a project when the builder is not the trigger's plain subject;
a mixin of ``RelationExtractor`` (``silk_relations``), whose argument helpers (``chain``,
``objects``, ``clause_bounds``, ``country_of_leader``) it uses. The words are data
(``data/lexicon/construction.tsv``, read by ``silkgraph.extract.construction_words``):

- an agent phrase anywhere in the trigger's clause: تم بناء المحطة في … من قبل شركة …، يجري بناء
  الطريق بتمويل من بنك …، بقرض من …، بالتعاون مع … (the partner builds too);
- parties who cooperate to build: تتعاون فيها شركة … وشركة … لبناء …، تعاونت الصين مع كازاخستان في إنشاء …;
- a contractor named by its role: الشركة المنفذة للمشروع هي شركة …، المقاول الصيني …;
- an owner of projects: وأهم مشاريع الصين هناك خط أنابيب …، المشاريع الصينية مثل …;
- the parties to a contract or agreement for building (وقعت الوزارة مع شركة … عقدا لبناء المحطة), and
  who wins or is given one (فازت شركة … بعقد لبناء …): they build the works it names;
- an owner or operator right after the work (حقل … التابع لشركة …، الذي تديره …), a company the work
  is named after (مصنع شركة هواوي), the countries of the work's nisbas (المنطقة الصناعية الصينية القرغيزية);
- a building word whose pronoun finds nothing in its sentence: the last work of the sentence before.

Proposing an initiative (اقترح بناء الحزام …) is not building it. Partners after مع, the two sides
of a word for both, stakes, loans, joint works, bare heads (الشركة، المشروع) and denied building are
``extract/building_parties.py``, a mixin of this one; a builder named after the work (VOS: وتنفذ
المحطة … شركة …) and parties named after an agreement (… اتفاقية لبناء … مع شركة …) are
``extract/building_order.py``, another.

A builder may be a country, an organisation, a leader (for their country), an official named by
title and nisba (رئيس الوزراء الكازاخي, for the country), or a capital standing for its government
(مشاريع بكين: China's).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from silkgraph.extract.building_order import BuildingOrder
from silkgraph.extract.building_parties import CONFIDENCE, BuildingParties
from silkgraph.extract.construction_words import ConstructionWords, construction_words, token_key, token_keys
from silkgraph.extract.doc_state import REFS, FoundRelation
from silkgraph.extract.lexicon import GAZETTEER_DIR, roles
from silkgraph.extract.relation_args import VERB_KINDS, Arg, TriggerHit
from silkgraph.extract.located_works import LocatedWorks
from silkgraph.extract.received_works import ReceivedWorks
from silkgraph.extract.relative_builds import RelativeBuilds
from silkgraph.normalize import word_key
from silkgraph.tables import read_tsv
from silkgraph.extract.surface import COMMAS

ROLE = roles()
NOUN_SUBJECT_GAP = 3  # a leader this close before a building noun builds (وضع الرئيس توكاييف حجر الأساس، أطلق … أعمال بناء)
VALUE = re.compile(r"^[0-9٠-٩][0-9٠-٩.,٫]*$")  # a figure (390، 1,2)
VALUE_WORDS = 7  # words of a loan's value between it and its giver (قيمته 1,2 مليار دولار أمريكي)
ASIDE_WORDS = 3  # words of a time aside between a leader and a building noun (، مساء الخميس،)
CAPITAL_NOTE = "Capital"  # how the gazetteer's cities table marks a capital (its note column)


@lru_cache(maxsize=4)
def capitals(gazetteer_dir: str = "") -> dict[str, str]:
    """Capital city id -> country id, from the gazetteer's cities table.

    >>> capitals()["city:beijing-cn"]
    'country:CN'
    """
    path = Path(gazetteer_dir or GAZETTEER_DIR) / "cities.tsv"
    if not path.exists():
        return {}
    return {r["id"]: f"country:{r['country']}" for r in read_tsv(path)
            if r.get("note", "").startswith(CAPITAL_NOTE) and r.get("country")}


class ConstructionRelations(BuildingParties, BuildingOrder, RelativeBuilds, LocatedWorks, ReceivedWorks):
    """``builds`` from agent phrases, cooperation, contractors, owners, operators and contracts.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وتم تشييد محطة للطاقة الشمسية بقدرة 40 ميجاوات من قبل شركة هواوي.")
    >>> sorted({(r.source_id, r.target_id) for r in doc._.silk_found if r.type == "builds"})
    [('org:huawei', 'project:solar-power-station:40mw')]
    """

    words: ConstructionWords
    capital_of: dict[str, str]

    def setup_construction(self, gazetteer_dir: str = "", lexicon_dir: str = "") -> None:
        """Read the building rules' data (the component's own gazetteer and lexicon folders)."""
        self.words = construction_words(lexicon_dir)
        self.capital_of = capitals(gazetteer_dir)
        # the rules read a leader as acting for their country (``builder_id``); the leader is named
        # beside it afterwards (``leader_builders``), so they see the builders without the leader
        schema_builds = self.edge_types["builds"]
        self.edge_types = {**self.edge_types, "builds": replace(
            schema_builds, subjects=tuple(t for t in schema_builds.subjects if t != ROLE.leader))}
        self.leaders_build = ROLE.leader in schema_builds.subjects
        self.builds_edge = self.edge_types["builds"]
        self.initiative_types = set(self.builds_edge.objects) - {ROLE.project, ROLE.corridor}
        # words that end the description between an owner noun and its owner (… مشاريع في الصين)
        self.owner_gap_stops = (self.lex.words("name_stop") | self.clause_words) - self.lex.words("between")

    # -- builders ----------------------------------------------------------------------------
    def builder_id(self, doc: Doc, arg: Arg) -> str:
        """The entity that builds when ``arg`` is named as the builder ("" if it cannot build)."""
        if arg.type in self.builds_edge.subjects:
            if arg.kind == "nisba" and arg.start > 0 and self.words.is_kind(doc[arg.start - 1], "builder_side"):
                named = self.company_named_before(doc, arg)  # الشركة الصينية ذاتها: the company named before
                if named:
                    return named
            if arg.kind == "nisba" and not self.named_by_nisba(doc, arg):
                return ""
            return arg.id
        if arg.type == ROLE.leader:
            return self.country_of_leader(doc, arg.id)
        return self.capital_of.get(arg.id, "") if arg.kind == "name" else ""

    def named_by_nisba(self, doc: Doc, arg: Arg) -> bool:
        """A nisba names a builder after a side or a title (الجانب الروسي، رئيس الوزراء الكازاخي) or
        straight after an agent phrase (بتمويل صيني)."""
        before = doc[arg.start - 1] if arg.start > 0 else None
        return before is not None and (before.norm_ in self.sides or before.norm_ in self.title_keys
                                       or self.words.is_kind(before, "builder_side")
                                       or self.words.phrase_at(list(doc[max(0, arg.start - 3):arg.start]), 0, "agent") > 0
                                       or self.words.is_kind(before, "agent"))

    def builders_at(self, doc: Doc, args: list[Arg], k: int) -> list[str]:
        """The builders named from token ``k`` on (one and those coordinated with it)."""
        if k < len(doc) and (doc[k].norm_ in self.sides or self.words.is_kind(doc[k], "builder_side")) \
                and not any(a.start == k for a in args):
            k += 1  # بالتعاون مع الشركات الصينية، من قبل شركة صينية: a side and its nisba
        first = next((a for a in args if a.start == k), None)
        if first is None:
            return []
        if first.kind == "nisba":
            ids = [self.builder_id(doc, first)]
        else:
            types = set(self.builds_edge.subjects) | {ROLE.leader, ROLE.city}
            ids = [self.builder_id(doc, a) for a in self.chain(doc, args, first, types, forward=True)]
        return [i for i in dict.fromkeys(ids) if i]

    def company_named_before(self, doc: Doc, nisba: Arg) -> str:
        """الشركة الصينية ذاتها / نفسها (the Chinese company itself): the last organisation named
        before it in the article, not the country of the nisba; "" without that word or that name."""
        if nisba.end >= len(doc) or word_key(doc[nisba.end].text) not in self.lex.words("same_one"):
            return ""
        side = doc[nisba.start - 1].norm_  # الشركة: a company named before (وشركة …), not a bank
        named = [e for e in doc.ents if e.end <= nisba.start - 1 and e.label_ == ROLE.organization and e.kb_id_
                 and e[0].norm_ == side]
        return named[-1].kb_id_ if named else ""

    def works(self, args: list[Arg], start: int, end: int) -> list[Arg]:
        return [a for a in args if start <= a.start and a.end <= end and a.kind != "nisba"
                and a.type in self.builds_edge.objects]

    def edges(self, builders: list[str], works: list[Arg], i: int, trigger: str, confidence: float) -> list[FoundRelation]:
        return [FoundRelation("builds", b, w.id, i, i + 1, trigger, round(confidence, 3))
                for b in builders for w in works if b != w.id]

    # -- constructions -----------------------------------------------------------------------
    def building(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, got: list[FoundRelation],
                 next_trigger: int) -> list[FoundRelation]:
        """What a building word says: the relations found for it as for any trigger (``got``),
        without an initiative only proposed (اقترح بناء الحزام …), and those its clause's structure adds."""
        if self.not_building(doc, sent, hit):  # لم …، تعارض … بناء، بناء على …
            return []
        relative = self.relative_clause_builds(doc, sent, args, hit)  # حقل …، الذي تتولى شركة … بناءه
        if relative is not None:  # … الذي شيدته شركة … بمنحة قدمتها الحكومة الصينية: the giver too
            _, right = self.clause_bounds(doc, sent, hit.i)
            givers = self.agent_builders(doc, args, list(doc[hit.i:right]), hit.i, right, hit)[0]
            works = [a for a in args if a.id in {r.target_id for r in relative}][:1]
            have = {r.source_id for r in relative}
            return relative + self.edges([g for g in dict.fromkeys(givers) if g not in have], works, hit.i,
                                         doc[hit.i].text, hit.trigger.confidence * 0.8)
        done = self.works_done_builds(doc, sent, args, hit) \
            or self.done_after_noun(doc, sent, args, hit)  # … بعد أن نفذت الأعمال الشركة …، بعدما أنجزت بناءه شركة …
        if done:
            return done
        got = self.reported_works(doc, args, hit, self.main_subject(doc, sent, args, hit, got)) \
            or self.earlier_work_builds(doc, sent, args, hit)
        found = got + self.agent_builds(doc, sent, args, hit, got, next_trigger)
        found += self.nisba_builds(doc, args, found, hit)
        found += self.partner_builds(doc, sent, args, hit, found)
        found += self.pair_builds(doc, sent, args, hit, found, next_trigger)
        if found and not any(self.entity_type(doc, r.source_id) == ROLE.organization for r in found):
            found += self.named_before_builds(doc, sent, args, hit, next_trigger)  # الشركة … بناء … بتمويل صيني
        found = found or self.named_before_builds(doc, sent, args, hit, next_trigger) \
            or self.topic_builds(doc, sent, args, hit, next_trigger) or self.subject_after_work(doc, sent, args, hit, next_trigger) \
            or self.far_subject_builds(doc, sent, args, hit, next_trigger)
        found += self.leader_builders(doc, sent, args, hit, found)
        if any(self.words.is_kind(t, "propose") for t in doc[max(sent.start, hit.i - 2):hit.i]) \
                or self.participating(doc[hit.i]):
            found = [r for r in found if self.entity_type(doc, r.target_id) not in self.initiative_types]
        found = self.without_guests(doc, sent, args, hit, found)  # حضر ممثلو شركة … حفل افتتاح …
        return self.without_receivers(doc, sent, args, self.without_located_works(doc, args, found))

    def names_an_ideal(self, doc: Doc, entity_id: str) -> bool:
        """An initiative whose name opens with an ideal (مجتمع المصير المشترك): "building" it is a
        figure of speech, not a work anyone builds."""
        if self.entity_type(doc, entity_id) not in self.initiative_types:
            return False
        entry = self.lex.entries.get(entity_id)
        made = entry.entity if entry else doc._.silk_entities.get(entity_id)
        first = made.label_ar.split(" ")[0] if made else ""
        return bool(first) and any(k in self.words.kind("ideal") for k in token_keys(first))

    def leader_builders(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                        found: list[FoundRelation]) -> list[FoundRelation]:
        """افتتح الرئيس توكاييف …، وضع الرئيس توكاييف حجر الأساس لـ …: a leader named as a building
        verb's subject (or right before a building noun) builds too, beside the country the rules
        gave the work to (when the schema lets a leader build)."""
        if not self.leaders_build or not found:
            return []
        left, _ = self.clause_bounds(doc, sent, hit.i)
        leaders = [a for a in self.subjects(doc, sent, args, hit, left) if a.type == ROLE.leader and a.kind == "name"]
        antecedent = self.relative_antecedent(doc, sent, args, left, hit.i)
        if antecedent is not None and antecedent.type == ROLE.leader and (not leaders or antecedent in leaders):
            leaders = [antecedent]  # الرئيس فلان، الذي ضغط على الزر لبدء أعمال الحفر: the clause is about him
        elif hit.trigger.kind not in VERB_KINDS and leaders:
            # وضع الرئيس جباروف ونظيره الأوزبكي ميرضيائيف، الخميس، حجر الأساس: the nearest close before
            # the noun (past a short aside), and the leaders coordinated with it
            near = max(leaders, key=lambda a: a.end)
            if not 0 <= self.noun_gap(doc, near.end, hit.i) <= NOUN_SUBJECT_GAP:
                leaders = []
        have = {(r.source_id, r.target_id) for r in found}
        out = []
        for leader in leaders:
            country = self.country_of_leader(doc, leader.id)
            for r in found:
                if r.start == hit.i and r.source_id == country and (leader.id, r.target_id) not in have:
                    have.add((leader.id, r.target_id))
                    out.append(FoundRelation("builds", leader.id, r.target_id, r.start, r.end, r.trigger, r.confidence))
        return out

    def relative_antecedent(self, doc: Doc, sent: Span, args: list[Arg], left: int, i: int) -> Arg | None:
        """The name a relative clause opening the clause of token ``i`` is about (…، الذي …), when
        nothing but a comma stands between: that name, else None."""
        k = next((j for j in range(left, i) if doc[j].norm_ in self.relatives), None)
        if k is None or any(t.is_punct for t in doc[k:i]) or k - 1 < sent.start:
            return None
        end = k - 1 if doc[k - 1].text in COMMAS else k
        return next((a for a in args if a.end == end and a.kind == "name"), None)

    def noun_gap(self, doc: Doc, end: int, i: int) -> int:
        """Words between a name ending at ``end`` and a building noun at ``i``, not counting a short
        aside between commas right after the name (، الخميس، ، أمس،) nor the words of a launch from
        afar (ضغط الرئيسان [عبر الفيديو على زر] تشغيل …)."""
        if end < i and doc[end].text in COMMAS:
            close = next((k for k in range(end + 1, min(i, end + 2 + ASIDE_WORDS)) if doc[k].text in COMMAS), None)
            if close is not None:
                end = close + 1
        gap = list(doc[end:i])
        if not any(self.words.is_kind(t, "launch_mark") for t in gap):
            return len(gap)  # (وافق الرئيس على بناء …: على alone is no launch)
        return sum(1 for t in gap if not self.words.is_kind(t, "launch_gap") and not self.words.is_kind(t, "launch_mark"))

    def nisba_builds(self, doc: Doc, args: list[Arg], found: list[FoundRelation], hit: TriggerHit) -> list[FoundRelation]:
        """بناء المنطقة الصناعية الصينية الطاجيكية: the countries a work being built is named after by
        nisba (a joint zone, a Chinese plant) build it too; not those of the border it stands on."""
        out = []
        for r in {r.target_id: r for r in found}.values():
            for work in (a for a in args if a.id == r.target_id and a.kind == "name"):
                countries = [a.id for a in args if a.kind == "nisba" and work.start <= a.start and a.end <= work.end
                             and not self.on_a_border(doc, work.start, a.start)]
                out += [FoundRelation("builds", c, r.target_id, hit.i, hit.i + 1, r.trigger, CONFIDENCE)
                        for c in dict.fromkeys(countries) if c != r.target_id]
        return out

    def on_a_border(self, doc: Doc, start: int, k: int) -> bool:
        """A border word between a work's start and token ``k`` (نقاط حدودية على الحدود [الطاجيكية]): the
        nisba names the border's sides, not who builds."""
        return any(word_key(t.text) in self.lex.words("border_word") for t in doc[start:k])

    def agent_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, got: list[FoundRelation],
                     next_trigger: int) -> list[FoundRelation]:
        """The builders an agent phrase names in the trigger's clause, and those who cooperate to
        build (a cooperation verb before the trigger in its clause), build what the trigger is about."""
        left, right = self.clause_bounds(doc, sent, hit.i)
        if not got and not any(a.type in self.builds_edge.objects for a in args):
            return self.pronoun_builds(doc, sent, args, hit, left) if hit.pronoun else []
        tokens = list(doc[left:right])
        builders, agent_at = self.agent_builders(doc, args, tokens, left, right, hit)
        cooperate = next((left + n for n, t in enumerate(tokens[:hit.i - left]) if self.words.is_kind(t, "cooperate")), None)
        if cooperate is not None:
            named = [a for a in args if cooperate < a.start and a.end <= hit.i]
            builders += [b for a in named if (b := self.builder_id(doc, a))]
        if not builders and not got:  # أطلقت الشركة الصينية أعمال بناء …، وضع رئيس الوزراء الكازاخي حجر الأساس …
            sides = [a for a in args if a.kind == "nisba" and self.named_by_nisba(doc, a)
                     and (hit.i < a.start <= hit.i + 2 or (left <= a.start and a.end <= hit.i
                                                            and hit.i - a.end <= self.verb_subject_reach
                                                            and not any(self.words.is_kind(t, "complementizer")
                                                                        for t in doc[a.end:hit.i])))]
            builders = [self.builder_id(doc, a) for a in sides[-1:]]
        if not builders:
            return self.pronoun_builds(doc, sent, args, hit, left) if not got and hit.pronoun else []
        targets = {r.target_id for r in got}
        works = [a for a in args if a.id in targets]
        if not works:
            subjects = [a for a in args if a.start < hit.i and a.type in self.builds_edge.subjects][-1:]
            works = [w for w in self.objects(doc, args, hit, subjects, min(right, agent_at), next_trigger)
                     if not self.across_report(doc, hit.i, w.start)]  # … أقيم في طشقند إن شركة … ستبني …
            works = works or [a for a in self.works(args, left, hit.i) if a.end == hit.i]  # نفق … المشيد من قبل …
        return self.edges(list(dict.fromkeys(builders)), works, hit.i, doc[hit.i].text, hit.trigger.confidence * 0.9)

    def agent_builders(self, doc: Doc, args: list[Arg], tokens: list, left: int, right: int,
                       hit: TriggerHit) -> tuple[list[str], int]:
        """The builders agent phrases name in the clause ``tokens`` (from ``left`` to ``right``), and
        where the first agent phrase after the trigger starts."""
        builders: list[str] = []
        agent_at = right
        for k in range(left, right):
            n = self.words.phrase_at(tokens, k - left, "agent") if k != hit.i else 0
            if n:
                found = self.builders_at(doc, args, k + n)
                if not found and k + n + 1 < right and self.words.is_kind(doc[k + n], "agent_verb"):
                    found = self.builders_at(doc, args, k + n + 1)  # بمنحة [قدمتها] الحكومة الصينية
                if not found and (after := self.past_value(doc, k + n, right)) > k + n:
                    found = self.builders_at(doc, args, after)  # بقرض [قيمته 390 مليون دولار من] بنك …
                if found:
                    builders += found
                    agent_at = min(agent_at, k) if k > hit.i else agent_at
        return builders, agent_at

    def pronoun_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, left: int) -> list[FoundRelation]:
        """وقد بنتها شركة …: a building word whose attached pronoun finds nothing in its sentence
        refers to the last project or corridor of the sentence before."""
        if sent.start == 0 or any(a.type in self.builds_edge.objects for a in args if a.end <= hit.i):
            return []
        previous = doc[sent.start - 1].sent
        works = [e for e in (*doc.ents, *doc.spans[REFS]) if previous.start <= e.start and e.end <= previous.end
                 and e.label_ in self.builds_edge.objects and e.kb_id_]
        builders = [b for a in self.subjects(doc, sent, args, hit, left) if (b := self.builder_id(doc, a))]
        _, right = self.clause_bounds(doc, sent, hit.i)
        builders += self.agent_builders(doc, args, list(doc[left:right]), left, right, hit)[0]  # … بتمويل من …
        if not works or not builders:
            return []
        work = max(works, key=lambda e: e.start)
        return [FoundRelation("builds", b, work.kb_id_, hit.i, hit.i + 1, doc[hit.i].text, CONFIDENCE)
                for b in dict.fromkeys(builders) if b != work.kb_id_]

    def structure_builds(self, doc: Doc, sent: Span, args: list[Arg]) -> list[FoundRelation]:
        """The builds a sentence's structure gives without a building word: contractors, owners,
        operators, stakeholders, lenders and joint works (each sentence's words are looked up once)."""
        if not any(a.type in self.builds_edge.objects for a in args):
            return []  # nothing to build in the sentence
        marks = [(k, kinds) for k in range(sent.start, sent.end) if (kinds := self.words.kinds_of(doc[k].text))]
        at = {kind: [k for k, kinds in marks if kind in kinds and self.words.is_kind(doc[k], kind)]
              for kind in ("contractor", "owner", "stake", "joint", "take_part", "loan")}
        return self.contractor_builds(doc, sent, args, at["contractor"]) + self.owner_builds(doc, sent, args, at["owner"]) \
            + self.operator_builds(doc, sent, args) + self.stake_builds(doc, sent, args, at["stake"]) \
            + self.joint_builds(doc, sent, args, at["joint"]) + self.stake_builds(doc, sent, args, at["take_part"], True) \
            + self.loan_builds(doc, sent, args, at["loan"]) + self.received_builds(doc, sent, args)

    def contractor_builds(self, doc: Doc, sent: Span, args: list[Arg], at: list[int]) -> list[FoundRelation]:
        """الشركة المنفذة للمشروع هي شركة …، المقاول الصيني …: the contractor (its role word at the
        positions ``at``) builds the sentence's project nearest to its role word."""
        out = []
        for k in at:
            copula = next((j for j in range(k + 1, sent.end) if self.words.is_kind(doc[j], "copula")), None)
            spots = [k + 1, k + 2] + ([copula + 1] if copula is not None else [])  # المقاول الصيني …، … هو شركة …
            ends = {k, self.described_by_role(doc, sent, k)}  # شركة …، وهي المقاول العام لمحطة …
            builder = next((a for a in args if (a.start in spots or a.end in ends) and a.kind == "name"
                            and a.type in self.builds_edge.subjects and self.builder_id(doc, a)), None)
            works = self.works(args, sent.start, sent.end)
            if builder is None or not works:
                continue
            nearest = min(works, key=lambda a: abs(a.start - k))
            out += self.edges([self.builder_id(doc, builder)], [nearest], k, doc[k].text, CONFIDENCE)
        return out

    def described_by_role(self, doc: Doc, sent: Span, k: int) -> int:
        """Where a name said to be the role word at ``k`` ends: before a pronoun (وهي، هي) and a
        comma (شركة …، وهي المقاول العام لـ …), or ``k``."""
        j = k
        key = token_key(doc[j - 1].text) if j - 1 >= sent.start else ""
        if key and (self.words.is_kind(doc[j - 1], "copula") or (key[:1] == "و" and key[1:] in self.words.kind("copula"))):
            j -= 1
            if j - 1 >= sent.start and doc[j - 1].is_punct:
                j -= 1
        return j

    def owner_builds(self, doc: Doc, sent: Span, args: list[Arg], at: list[int]) -> list[FoundRelation]:
        """وأهم مشاريع بكين هناك، خط أنابيب …: whose projects or investments they are builds those
        the clause names after it, or, said of one before it, that one (هذا المشروع يعد أول استثمار
        خارجي لشركة …). A few describing words may stand between (مشاريع التعاون بين الصين و…)."""
        out = []
        for k in at:
            owner = next((a for a in args if k < a.start <= k + 3 and a.kind != "title"), None)
            if owner is None or any(t.ent_iob_ != "O" or (t.norm_ in self.owner_gap_stops) for t in doc[k + 1:owner.start]):
                continue
            builders = self.builders_at(doc, args, owner.start)
            if owner.kind == "nisba" and owner.type in self.builds_edge.subjects:
                builders = [owner.id]  # مشاريع صينية، أول مشروع تعاون صيني: the projects of a country by its nisba
            if not builders:
                continue
            left, right = self.clause_bounds(doc, sent, k)
            works = self.works(args, owner.end, right) or self.works(args, left, k)[-1:]
            if self.words.is_kind(doc[k], "owner_one"):  # مشروع الصين …: one project, the first named
                works = works[:1]
            out += self.edges(builders, works, k, doc[k].text, CONFIDENCE)
        return out

    def contracted_builds(self, doc: Doc, found: list[FoundRelation]) -> list[FoundRelation]:
        """وقعت وزارة الطاقة مع شركة … عقدا لبناء محطة …: who signs a contract or agreement for
        building builds the works it names (a building word inside it, the work after that word)."""
        out = self.cosigned_builds(doc, found) + self.named_after_builds(doc) + self.agreement_work_builds(doc, found) \
            + self.bare_contract_builds(doc, found)
        agreements = {e.kb_id_: e for e in doc.ents if e.label_ == ROLE.agreement}
        inner = [s for s in doc._.silk_inner if s.label_ in self.builds_edge.objects]
        seen: set[int] = set()
        for r in found:
            span = agreements.get(r.target_id)
            if r.type != "signed" or span is None:
                continue
            building, works = self.contract_works(doc, span, inner)
            if not works:
                continue
            source = Arg(r.start, r.end, r.source_id, self.entity_type(doc, r.source_id), "name")
            seen.add(span.start)
            builder = self.builder_id(doc, source)
            out += [FoundRelation("builds", builder, w.kb_id_, r.start, r.end, doc[building].text,
                                  round(r.confidence * 0.9, 3)) for w in works if builder]
        for span in agreements.values():
            if span.start not in seen:
                out += self.awarded_builds(doc, span, inner)
        return out

    def named_after_builds(self, doc: Doc) -> list[FoundRelation]:
        """مصنع شركة هواوي، مصنع هواوي للهواتف: a work named after a company is that company's."""
        works = [e for e in doc.ents if e.label_ == ROLE.project]
        out = []
        for span in doc._.silk_inner:
            if span.label_ != ROLE.organization:
                continue
            for work in works:
                if work.start < span.start and span.end <= work.end and span.kb_id_ != work.kb_id_:
                    out.append(FoundRelation("builds", span.kb_id_, work.kb_id_, work.start, work.end, "", CONFIDENCE))
        return out

    def contract_works(self, doc: Doc, span: Span, inner: list[Span]) -> tuple[int, list[Span]]:
        """The building word inside an agreement's name and the works after it (عقدا لبناء محطة …),
        or the work right after the name when it ends with the building word (اتفاقية لبناء | محطة …)."""
        operating = self.lex.words("operating_in_document")  # … التعاون في تشغيل قطارات الشحن: runs, builds nothing
        building = [t.i for t in span if t.i > span.start and (trig := self.lex.trigger_for(t.text))
                    and trig[0].relation == "builds" and word_key(t.text) not in operating]
        if not building:
            return -1, []
        works = [s for s in inner if span.start <= s.start and s.end <= span.end and s.start > building[0]]
        if building[-1] == span.end - 1:
            works += [e for e in doc.ents if e.start == span.end and e.label_ in self.builds_edge.objects]
        return building[0], works

    def awarded_builds(self, doc: Doc, span: Span, inner: list[Span]) -> list[FoundRelation]:
        """فازت شركة … بعقد لبناء محطة …، منحت الحكومة شركة … عقدا لإنشاء …: who wins or is given a
        contract for building builds its works."""
        building, works = self.contract_works(doc, span, inner)
        sent = span.sent
        verb = next((k for k in range(span.start - 1, max(sent.start, span.start - 12) - 1, -1)
                     if self.words.is_kind(doc[k], "award")), None)
        if works and verb is None:  # وقعت الشركة الأسبوع الماضي عقدا لبناء …: a bare head signs it
            return [FoundRelation("builds", b, w.kb_id_, building, building + 1, doc[building].text, CONFIDENCE)
                    for b in self.bare_signer(doc, sent, span.start) for w in works]
        if not works or verb is None:
            return []
        args = [Arg(e.start, e.end, e.kb_id_, e.label_, "name") for e in doc.ents if sent.start <= e.start < span.start]
        between = [a for a in args if verb < a.start and a.type in self.builds_edge.subjects]
        before = [a for a in args if a.end <= verb and verb - a.end <= self.verb_subject_reach
                  and a.type in self.builds_edge.subjects]
        winner = between[-1:] or before[-1:]
        builders = [b for a in winner if (b := self.builder_id(doc, a))]
        return [FoundRelation("builds", b, w.kb_id_, building, building + 1, doc[building].text, CONFIDENCE)
                for b in builders for w in works]

    def past_value(self, doc: Doc, k: int, right: int) -> int:
        """قيمته 390 مليون دولار من، بقيمة 200 مليون دولار من at token ``k``: the token after the من that
        ends a loan's or grant's value or term, else ``k``."""
        j = k
        while j < right and j - k < VALUE_WORDS and (VALUE.match(doc[j].text) or self.words.is_kind(doc[j], "agent_value")):
            j += 1
        return j + 1 if k < j < right - 1 and doc[j].norm_ == "من" else k

    def bare_signer(self, doc: Doc, sent: Span, before: int) -> list[str]:
        """The last organisation named before the sentence with the head of a bare head (الشركة،
        المجموعة) that stands, no entity, right after the signing verb before token ``before``."""
        verb = next((k for k in range(before - 1, max(sent.start, before - 8) - 1, -1)
                     if (trig := self.lex.trigger_for(doc[k].text)) and trig[0].relation == "signed"
                     and trig[0].kind == "verb"), None)
        if verb is None or verb + 1 >= before or doc[verb + 1].ent_iob_ != "O" \
                or not self.words.is_kind(doc[verb + 1], "builder_anaphor"):
            return []
        named = [e for e in doc.ents if e.end <= sent.start and e.label_ == ROLE.organization and e.kb_id_
                 and doc[e.start].norm_ == doc[verb + 1].norm_]
        return [named[-1].kb_id_] if named else []

    def operator_builds(self, doc: Doc, sent: Span, args: list[Arg]) -> list[FoundRelation]:
        """مصنع … التابع لشركة …، الحقل الذي تديره شركة …، المحطة، المملوكة لشركة …: who owns or
        runs a work builds it."""
        out = []
        for work in (a for a in args if a.type in self.builds_edge.objects and a.kind in ("name", "anaphor")):
            k = work.end + (1 if work.end < sent.end and doc[work.end].is_punct else 0)  # an apposition's comma
            k += 1 if k < sent.end and doc[k].norm_ in self.relatives else 0
            if k >= sent.end - 1 or not self.words.is_kind(doc[k], "belongs"):
                continue
            out += self.edges(self.builders_at(doc, args, k + 1), [work], k, doc[k].text, CONFIDENCE)
        return out

    def signing_parties(self, doc: Doc, sent: Span, before: int) -> set[str]:
        """The builders named between the last signing verb of ``sent`` before token ``before`` and it."""
        verb = next((k for k in range(before - 1, sent.start - 1, -1)
                     if (trig := self.lex.trigger_for(doc[k].text)) and trig[0].relation == "signed"
                     and trig[0].kind == "verb"), None)
        if verb is None:
            return set()
        return {e.kb_id_ for e in doc.ents if verb < e.start and e.end <= before and e.label_ in self.builds_edge.subjects}

    def cosigned_builds(self, doc: Doc, found: list[FoundRelation]) -> list[FoundRelation]:
        """وقعت شركة … اتفاقية مع وزارة … لبناء محطة …: what one party to the agreement builds
        (the building word after the signing), the others who signed it build too."""
        signers: dict[tuple[int, str], set[str]] = {}
        signed_at: dict[tuple[int, str], int] = {}
        for r in found:
            if r.type == "signed":
                key = (doc[r.start].sent.start, r.target_id)
                signers.setdefault(key, set()).add(r.source_id)
                signed_at[key] = min(signed_at.get(key, r.start), r.start)
        out = []
        for r in found:
            if r.type != "builds":
                continue
            sentence = doc[r.start].sent.start
            # an agreement too plain to be an entity (وقعت شركة … اتفاقية مع وزارة … لبناء …) still
            # has its parties: the names between the signing verb and the building word
            bare = self.signing_parties(doc, doc[r.start].sent, r.start)
            if r.source_id in bare:
                signers[(sentence, "")] = bare
                signed_at[(sentence, "")] = -1
            for key, parties in signers.items():
                if key[0] == sentence and r.source_id in parties and r.start > signed_at[key]:
                    for party in parties - {r.source_id}:
                        source = Arg(r.start, r.end, party, self.entity_type(doc, party), "name")
                        builder = self.builder_id(doc, source)
                        if builder:
                            out.append(FoundRelation("builds", builder, r.target_id, r.start, r.end, r.trigger,
                                                     round(r.confidence * 0.9, 3)))
        return out
