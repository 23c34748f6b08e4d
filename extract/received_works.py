"""A work received from someone was handed over by them: تسلمت وزارة الصحة القرغيزية مستشفى … من الجانب
الصيني، استلمت الحكومة المحطة من شركة …; the giver builds it (as سلمت الصين …), the receiver does not.
A mixin of ``ConstructionRelations`` (``silk_relations``); the verbs of receiving are data
(``receive_verb`` stems of ``construction.tsv``, in any inflection: ``extract/verbs.py``).
"""
from __future__ import annotations

from functools import cached_property

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.lexicon import roles
from silkgraph.extract.relation_args import Arg
from silkgraph.extract.verbs import VerbShapes, load_verb_shapes

ROLE = roles()
RECEIVED_CONFIDENCE = 0.5
WORK_REACH = 6  # words between the verb of receiving and the work (its subject between)
FROM_REACH = 3  # words between the work and من


class ReceivedWorks:
    """``builds`` by the giver of a work received; see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وتسلمت الحكومة القرغيزية مستشفى أوش من شركة هواوي.")
    >>> sorted({(r.source_id, r.target_id) for r in doc._.silk_found if r.type == "builds"})
    [('org:huawei', 'project:hospital:city:osh-kg')]
    """

    @cached_property
    def receive_verbs(self) -> VerbShapes:
        return VerbShapes(frozenset(self.words.kind("receive_verb")), load_verb_shapes().affixes)

    def received_builds(self, doc: Doc, sent: Span, args: list[Arg]) -> list[FoundRelation]:
        """The givers after من of each work a verb of receiving in ``sent`` takes."""
        out = []
        for k in range(sent.start, sent.end):
            if not self.receive_verbs.is_verb(doc[k].text) or any(a.start <= k < a.end for a in args):
                continue
            work = self.received_work(doc, args, k)
            if work is None:
                continue
            at = next((j for j in range(work.end, min(sent.end, work.end + FROM_REACH))
                       if doc[j].norm_ in self.lex.words("receive_from")), None)
            if at is None:
                continue
            givers = self.builders_at(doc, args, at + 1)
            out += self.edges(givers, [work], k, doc[k].text, RECEIVED_CONFIDENCE)
        return out

    def received_work(self, doc: Doc, args: list[Arg], k: int) -> Arg | None:
        """The work the verb of receiving at ``k`` takes, or None (تسلمت الشركة عقد بناء المحطة من …:
        a contract received, not the work)."""
        work = next((a for a in args if k < a.start <= k + WORK_REACH and a.type in self.builds_edge.objects
                     and a.kind in ("name", "anaphor")), None)
        if work is None or any(k < a.start < work.start and a.type == ROLE.agreement for a in args) \
                or any((t := self.lex.trigger_for(doc[j].text)) and t[0].relation == "builds"
                       for j in range(k + 1, work.start)):
            return None
        return work

    def without_receivers(self, doc: Doc, sent: Span, args: list[Arg], found: list[FoundRelation]) -> list[FoundRelation]:
        """``found`` without the builds by a name standing between a verb of receiving and the work
        it takes: the receiver (تسلمت طاجيكستان المبنى الذي شيدته …) or the one it is handed to (الصين
        تسلم طاجيكستان المبنى الذي شيدته): neither built it."""
        if not any(r.type == "builds" for r in found):
            return found
        cache = doc.user_data.setdefault("silk_receivers", {})  # found once per sentence
        if sent.start not in cache:
            cache[sent.start] = [(k, work) for k in range(sent.start, sent.end)
                                 if self.receive_verbs.is_verb(doc[k].text) and not any(a.start <= k < a.end for a in args)
                                 and (work := self.received_work(doc, args, k)) is not None]
        spans = cache[sent.start]
        if not spans:
            return found
        dropped = {(a.id, work.id) for k, work in spans for a in args if k < a.start and a.end <= work.start}
        return [r for r in found if r.type != "builds" or (r.source_id, r.target_id) not in dropped]
