"""Building and linking for ``silk_relations``: the corridor a يربط clause is about, places
called a stop on a corridor, and who builds when no name stands as the subject; a mixin of
``RelationExtractor``, whose argument helpers (``chain``, ``objects``, ``clause_bounds``) it uses.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.relation_args import Arg, TriggerHit
from silkgraph.normalize import word_key


class BuildingRelations:
    """``links`` from يربط and hubs, and the ``builds`` fallbacks.

    >>> sorted(n for n in vars(BuildingRelations) if not n.startswith("_"))
    ['builder_fallback', 'hub_links', 'links']
    """

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
        if len(places) > len(ends) and (doc[places[len(ends)].start].norm_ != word_key(doc[places[len(ends)].start].text)
                                        or self.place_behind_ba(doc, places[len(ends)])):
            ends.append(places[len(ends)])  # يربط الصين بأوروبا، بمدينة …: the second end behind its preposition
        return [FoundRelation("links", corridor.id, e.id, hit.i, hit.i + 1, doc[hit.i].text, hit.trigger.confidence)
                for e in ends if e.id != corridor.id]

    def hub_links(self, doc: Doc, sent: Span, args: list[Arg]) -> list[FoundRelation]:
        """سمرقند كانت محطة على طريق الحرير، أكتوجاي … عقدة مواصلات على الجسر …: a place called a stop
        or hub on a corridor is on it; so is one said to lie on it (وتقع مدينة خورغوس على الخط …)."""
        edge = self.edge_types["links"]
        out = []
        for corridor in args:
            if corridor.type not in edge.subjects or corridor.start < 2 or doc[corridor.start - 1].norm_ != "علي":
                continue
            hub = next((k for k in range(corridor.start - 2, max(sent.start, corridor.start - 5) - 1, -1)
                        if doc[k].norm_ in self.hubs), None)
            if hub is None:
                continue
            places = [a for a in args if a.end <= hub and a.kind == "name" and a.type in edge.objects]
            if not places and doc[hub].norm_ in self.lex.words("hub_verb"):  # وتقع مدينة خورغوس على …: after the verb
                places = [a for a in args if hub < a.start and a.end < corridor.start and a.kind == "name"
                          and a.type in edge.objects][:1]
            if places:
                place = places[0] if places[0].start == sent.start else places[-1]
                out.append(FoundRelation("links", corridor.id, place.id, hub, corridor.end, doc[hub].text, 0.6))
        return out

    def builder_fallback(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                         next_trigger: int) -> list[FoundRelation]:
        """Who builds when no name stands as the subject: a nisba right after a building noun
        (بتمويل صيني), an agent after من (بتمويل من الصين، المشيد من قبل روسيا), or a side named by its nisba before the
        trigger (الجانب الروسي مستعد للمشاركة في بناء …، شيدت الشركات الصينية …)."""
        edge = self.edge_types["builds"]
        left, right = self.clause_bounds(doc, sent, hit.i)
        subject = None
        if hit.trigger.kind == "noun":
            subject = next((a for a in args if a.kind == "nisba" and a.start == hit.i + 1 and a.type in edge.subjects), None)
            if subject is None and hit.i + 1 < len(doc) and doc[hit.i + 1].norm_ == "من":
                k = hit.i + 3 if hit.i + 2 < len(doc) and doc[hit.i + 2].norm_ == "قبل" else hit.i + 2  # من قبل
                subject = next((a for a in args if a.start == k and a.kind == "name" and a.type in edge.subjects), None)
        if subject is None:
            sides = [a for a in args if a.kind == "nisba" and a.type in edge.subjects and a.start > 0
                     and doc[a.start - 1].norm_ in self.sides and a.start != hit.i + 1]
            after = [a for a in sides if hit.i < a.start <= hit.i + 2]  # شيدت الشركات الصينية …
            before = [a for a in sides if left <= a.start < hit.i and hit.i - a.end <= self.verb_subject_reach]
            subject = after[0] if after else before[-1] if before else None
        if subject is None:
            return []
        objects = self.objects(doc, args, hit, [subject], right, next_trigger)
        return [FoundRelation("builds", subject.id, o.id, hit.i, hit.i + 1, doc[hit.i].text,
                              round(hit.trigger.confidence * 0.8, 3)) for o in objects if o.id != subject.id]
