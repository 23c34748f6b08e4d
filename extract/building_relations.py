"""Building and linking for ``silk_relations``: the corridor a يربط clause is about, places
called a stop on a corridor, and who builds when no name stands as the subject; a mixin of
``RelationExtractor``, whose argument helpers (``chain``, ``objects``, ``clause_bounds``) it uses.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.relation_args import Arg, TriggerHit
from silkgraph.normalize import has_article, relational_ending, word_key


class BuildingRelations:
    """``links`` from يربط (a place called a stop on a corridor: ``attachment_links``), and the ``builds`` fallbacks.

    >>> sorted(n for n in vars(BuildingRelations) if not n.startswith("_"))
    ['builder_fallback', 'counted_list', 'links', 'trailing_adjective']
    """

    def links(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        """طريق الحرير الذي يربط الصين بأوروبا: a named corridor just before يربط joins the places
        after it in the clause."""
        edge = self.edge_types["links"]
        left, right = self.clause_bounds(doc, sent, hit.i)
        k = hit.i - 1
        while k >= left and (doc[k].norm_ in self.relatives or doc[k].norm_ in self.adverbs or doc[k].is_punct):
            k -= 1
        corridor = next((a for a in args if a.end == k + 1 and self.route_subject(a) and a.kind == "name"), None)
        # جسر نهر آمو داريا الجديد الذي يربط، مشروع جسر خورغوس الحدودي الذي يربط: adjectives after the name
        j = k
        while corridor is None and j >= left and k - j < 2 and self.trailing_adjective(doc[j].text):
            j -= 1
            corridor = next((a for a in args if a.end == j + 1 and self.route_subject(a) and a.kind == "name"), None)
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
        ends += self.counted_list(doc, args, ends[-1].end, right)
        return [FoundRelation("links", corridor.id, e.id, hit.i, hit.i + 1, doc[hit.i].text, hit.trigger.confidence)
                for e in ends if e.id != corridor.id]

    def counted_list(self, doc: Doc, args: list[Arg], k: int, right: int) -> list[Arg]:
        """بأكثر من 200 مدينة في 25 دولة أوروبية، منها ألمانيا وبولندا (k after the first end): a
        count of places, with a number and a word for places and no name, then its list; the places
        listed, or none."""
        counts, lists = self.lex.words("route_count_kind"), self.lex.words("route_count_list")
        j, number, kind = k, False, False  # a figure and a word for places seen before the list
        while j < min(right, k + 12) and doc[j].ent_iob_ == "O":
            key = word_key(doc[j].text)
            if key in lists or key[1:] in lists and key[:1] == "و":
                break
            number = number or doc[j].like_num
            kind = kind or key in counts
            j += 1
        if not (number and kind) or j >= min(right, k + 12) or doc[j].ent_iob_ != "O":
            return []
        first = next((a for a in args if a.start == j + 1 and a.kind == "name"
                      and a.type in self.edge_types["links"].objects), None)
        return self.chain(doc, args, first, set(self.edge_types["links"].objects), forward=True) if first else []

    def trailing_adjective(self, text: str) -> bool:
        """A definite adjective that may follow a work's name (الجديد، الحدودي، الدولي)."""
        key = word_key(text)
        return has_article(text) and (key in self.lex.words("generic_modifier") or relational_ending(key))

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
