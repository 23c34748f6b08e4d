"""A builder named inside a relative clause on the work: حقل …، الذي تتولى شركة … أعمال بنائه؛ طريق …،
الذي أعادت شركة … بناء قسمه الأول؛ مصنعا للإسمنت أنشأته شركة …؛ المستشفى، الذي نفذت أعمال بنائه شركة …;
a mixin of ``ConstructionRelations`` (``silk_relations``), whose helpers (``builder_id``, ``works``,
``behind_preposition``) it uses.

A building word inside a clause that a relative pronoun (``relative`` in ``boundaries.tsv``) opens
right after a work (a project or corridor, named or referred to; a comma may stand between), or a
building verb whose attached pronoun points back to the work right before it (أنشأته، بنتها), is
about that work; its builders are the names of the clause: those between the relative pronoun and
the building word, else the first one right after it and those coordinated with it (VOS: نفذت أعمال بنائه شركة …، طورته
مجموعة … ومجموعة …). The clause ends at a comma, a full stop
or another relative pronoun. Names behind a preposition (لشركة، في قرغيزستان, ``building_order``) do
not build; the main clause's subject (the country that inaugurates or receives the work) is not the
relative clause's builder. A negated or only planned building (``not_building``) builds nothing.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.relation_args import VERB_KINDS, Arg, TriggerHit

RELATIVE_CONFIDENCE = 0.7
RELATIVE_REACH = 18  # how far after the relative pronoun the building word may stand (a long company name between)
BUILDER_AFTER = 3  # how far after a building word its builder may start (أنشأته عام 2019 شركة …)
WORK_GAP = 3  # words of place between the work and its relative clause (حقل … شرقي البلاد، الذي …)


class RelativeBuilds:
    """``builds`` from a relative clause on the work; see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وزار الوفد مستشفى أوش، الذي نفذت أعمال بنائه شركة هواوي.")
    >>> sorted({(r.source_id, r.target_id) for r in doc._.silk_found if r.type == "builds"})
    [('org:huawei', 'project:hospital:city:osh-kg')]
    """

    def relative_work_at(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> tuple[int, Arg] | None:
        """The relative pronoun (or the building verb's own pronoun) that opens the clause of the
        trigger at ``hit`` and the work that clause is on, or None."""
        k = hit.i - 1
        while k >= max(sent.start, hit.i - RELATIVE_REACH):
            token = doc[k]
            if token.norm_ in self.relatives:
                break
            if token.text in "،,.:؛;" or (token.is_punct and token.text not in "()«»\"“”"):
                k = -1
                break
            k -= 1
        else:
            k = -1
        if k >= sent.start and doc[k].norm_ in self.relatives:
            before = k - 1 if k - 1 >= sent.start and doc[k - 1].text in "،," else k
            works = [a for a in args if before - WORK_GAP <= a.end <= before and a.type in self.builds_edge.objects
                     and not any(t.is_punct for t in doc[a.end:before])]  # حقل … شرقي البلاد، الذي …
            return (k, works[-1]) if works else None
        if hit.trigger.kind in VERB_KINDS and hit.pronoun:  # مصنعا للإسمنت أنشأته شركة …
            work = next((a for a in args if a.end == hit.i and a.type in self.builds_edge.objects), None)
            return (hit.i, work) if work is not None else None
        return None

    def relative_clause_builds(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation] | None:
        """The builds of a building word inside a relative clause on a work (None when it is not in
        one, or the clause names no builder: the other rules then read the sentence)."""
        at = self.relative_work_at(doc, sent, args, hit)
        if at is None:
            return None
        opener, work = at
        inside = [a for a in args if opener < a.start and a.end <= hit.i and a.kind == "name"
                  and not self.behind_preposition(doc, a)]
        builders = [b for a in inside if (b := self.builder_id(doc, a))]
        if not builders:  # أنشأته شركة …، الذي نفذت أعمال بنائه شركة …
            stop = next((j for j in range(hit.i + 1, min(sent.end, hit.i + 1 + BUILDER_AFTER))
                         if doc[j].text in "،,." or doc[j].norm_ in self.relatives), sent.end)
            after = [a for a in args if hit.i < a.start < min(stop, hit.i + 1 + BUILDER_AFTER) and a.kind == "name"
                     and not self.behind_preposition(doc, a)]
            named = self.chain(doc, args, after[0], set(self.builds_edge.subjects), forward=True) if after else []
            builders = [b for a in named if (b := self.builder_id(doc, a))]  # طورته مجموعة … ومجموعة …
        if not builders:
            return None
        return self.edges(list(dict.fromkeys(builders)), [work], hit.i, doc[hit.i].text,
                          hit.trigger.confidence * RELATIVE_CONFIDENCE)
