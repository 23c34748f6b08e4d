"""Meetings for ``silk_relations``: who met whom (التقى، محادثات مع، استقبل) and which countries
are partners (شراكة استراتيجية بين …); a mixin of ``RelationExtractor``, whose argument helpers
(``chain``, ``gap_ok``, ``subject_gap``) it uses.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.lexicon import roles
from silkgraph.extract.relation_args import VERB_KINDS, Arg, TriggerHit
from silkgraph.normalize import word_key

ROLE = roles()


class MeetingRelations:
    """``met`` and ``partnership``, from their trigger words.

    >>> sorted(n for n in vars(MeetingRelations) if not n.startswith("_"))
    ['delegation_guest', 'met', 'partnership', 'past_venue', 'talks_among']
    """

    def met(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        people = [a for a in args if a.type in self.edge_types["met"].subjects and a.kind != "nisba"]
        # التقى الرئيس … (هنا اليوم الخميس) مع …: words of time and place may stand before مع
        reach = hit.i + 2 + self.subject_gap + sum(1 for t in doc[hit.i + 1:min(hit.i + 2 + self.subject_gap + 4, sent.end)]
                                                   if t.norm_ in self.adverbs or word_key(t.text) in self.visits.here_words)
        partner_idx = next((k for k in range(hit.i + 1, min(reach, sent.end))
                            if doc[k].norm_ in self.partner_words), None)
        partners = []
        if partner_idx is not None:
            # مع عمدة مدينة ألماتي يرلان …: the partner may stand behind a title and its scope
            scopes = [a for a in args if a.type not in self.edge_types["met"].subjects]
            after = [a for a in people if a.start > partner_idx and a.start - partner_idx <= 1 + self.subject_gap
                     and self.gap_ok(doc, partner_idx + 1, a.start, scopes)]
            if after:
                partners = self.chain(doc, people, after[0], set(self.edge_types["met"].objects), True)
        elif hit.trigger.kind in VERB_KINDS:
            # (استقبل في عشق آباد فلانا، لدى استقباله في عشق آباد فلانا: the venue may come first)
            venue_end = self.past_venue(doc, args, hit.i + 1) - 1
            after = [a for a in people if hit.i < a.start <= venue_end + self.subject_gap]
            before = [a for a in people if a.end <= hit.i]
            if len(after) == 1:  # التقى الرئيس الطاجيكي رحمن (في دوشنبه) وزير الخارجية الصيني الزائر وانغ يي
                gap_start = self.past_venue(doc, args, after[0].end)
                partner = next((a for a in people if a.start >= gap_start
                                and a.start - gap_start <= self.subject_gap
                                and self.gap_ok(doc, gap_start, a.start, [], "visited")
                                and all(word_key(t.text) not in self.partner_words
                                        for t in doc[after[0].end:a.start])), None)
                if partner is None:
                    partner = self.delegation_guest(doc, sent, args, people, gap_start)
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
        elif hit.pronoun:
            # لدى لقائه نظيره الطاجيكي فلان: the noun's pronoun is the subject, its genitive the partner
            # (لدى استقباله في عشق آباد فلانا: where it took place may come first)
            scopes = [a for a in args if a.type not in self.edge_types["met"].subjects]
            start = self.past_venue(doc, args, hit.i + 1)
            after = next((a for a in people if start <= a.start <= start + self.subject_gap
                          and self.gap_ok(doc, start, a.start, scopes)), None)
            before = [a for a in people if a.end <= hit.i and (after is None or a.id != after.id)]
            if after is None or not before:
                return []
            return [FoundRelation("met", before[-1].id, after.id, hit.i, hit.i + 1, doc[hit.i].text,
                                  hit.trigger.confidence)]
        if not partners and partner_idx is None and hit.trigger.kind == "noun":
            return self.talks_among(doc, people, hit)
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

    def delegation_guest(self, doc: Doc, sent: Span, args: list[Arg], people: list[Arg], k: int) -> Arg | None:
        """استقبل الرئيس فلان (في طشقند) وفدا من مقاطعة شنشي برئاسة فلان: the head of the delegation
        received at token ``k`` (adverbs may come first) is the one met."""
        while k < sent.end and doc[k].norm_ in self.adverbs:
            k += 1
        head = self.visits.delegation_head(doc, sent, k - 1)
        if head < 0:
            return None
        scopes = [a for a in args if a.type not in self.edge_types["met"].subjects]
        return next((a for a in people if head < a.start <= head + 1 + self.subject_gap
                     and self.gap_ok(doc, head + 1, a.start, scopes, "visited")), None)

    def talks_among(self, doc: Doc, people: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        """Talks with no partner after مع, held by the people coordinated before the noun (أجرى
        الرئيسان شي جين بينغ وقاسم جومارت توكاييف محادثات): each pair of them met."""
        before = [a for a in people if a.end <= hit.i and hit.i - a.end <= self.subject_gap]
        group = self.chain(doc, people, before[-1], set(self.edge_types["met"].subjects), forward=False) if before else []
        group = list({a.id: a for a in reversed(group)}.values())
        return [FoundRelation("met", a.id, b.id, hit.i, hit.i + 1, doc[hit.i].text, hit.trigger.confidence)
                for k, a in enumerate(group) for b in group[k + 1:]]

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
                            if doc[k].norm_ in self.partner_words), None)
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
