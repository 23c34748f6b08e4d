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
from silkgraph.normalize import clitics, normalize_letters

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

    def receives(self, text: str) -> bool:
        """A verb of receiving, inflected (تسلمت، استلمت) or its bare stem (وتسلم الرئيس المبنى، الصين
        تسلم طاجيكستان المبنى: either way the name between it and the work did not build it)."""
        if self.receive_verbs.is_verb(text):
            return True
        letters = normalize_letters(text)
        stems = self.receive_verbs.stems
        return letters in stems or (letters[:1] in clitics()["conjunctions"] and letters[1:] in stems) \
            or (letters[:1] == "ا" and letters[1:] in stems)  # استلم

    def received_builds(self, doc: Doc, sent: Span, args: list[Arg]) -> list[FoundRelation]:
        """The givers after من of each work a verb of receiving in ``sent`` takes."""
        out = []
        for k in range(sent.start, sent.end):
            if not self.receives(doc[k].text) or any(a.start <= k < a.end for a in args):
                continue
            work = self.received_work(doc, args, k)
            if work is None:
                continue
            giver = self.hand_over_giver(doc, args, k, work)
            if giver is not None:  # الصين تسلم طاجيكستان المبنى: a bare stem handing over, the giver builds
                out += self.edges([b for b in (self.builder_id(doc, giver),) if b], [work], k, doc[k].text, RECEIVED_CONFIDENCE)
                continue
            at = next((j for j in range(work.end, min(sent.end, work.end + FROM_REACH))
                       if doc[j].norm_ in self.lex.words("receive_from")), None)
            if at is None:
                continue
            givers = self.builders_at(doc, args, at + 1)
            out += self.edges(givers, [work], k, doc[k].text, RECEIVED_CONFIDENCE)
        return out

    def hand_over_giver(self, doc: Doc, args: list[Arg], k: int, work: Arg) -> Arg | None:
        """تسلم as the imperfect of handing over (تُسلّم), not the perfect of receiving: its bare stem
        with the giver right before it (الصين تسلم طاجيكستان المبنى) or two names between it and the
        work (وتسلم الصين طاجيكستان المبنى); the giver, else None."""
        if self.receive_verbs.is_verb(doc[k].text):
            return None  # تسلمت، استلمت: inflected, only receiving
        between = [a for a in args if k < a.start and a.end <= work.start and a.kind == "name"
                   and a.type in self.builds_edge.subjects]
        before = next((a for a in args if a.end == k and a.kind == "name" and a.type in self.builds_edge.subjects), None)
        if before is not None and between:
            return before
        return between[0] if len(between) >= 2 else None

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
                                 if self.receives(doc[k].text) and not any(a.start <= k < a.end for a in args)
                                 and (work := self.received_work(doc, args, k)) is not None]
        spans = cache[sent.start]
        if not spans:
            return found
        givers = {(g.id, work.id) for k, work in spans if (g := self.hand_over_giver(doc, args, k, work)) is not None}
        dropped = {(a.id, work.id) for k, work in spans for a in args if k < a.start and a.end <= work.start} - givers
        return [r for r in found if r.type != "builds" or (r.source_id, r.target_id) not in dropped]
