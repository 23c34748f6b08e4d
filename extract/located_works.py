"""A work named as where another work is built is not built itself: إنشاء مركز … اللوجستي في المنطقة
الاقتصادية الحرة …، بناء محطة … داخل المجمع الصناعي …; a mixin of ``ConstructionRelations``
(``silk_relations``). The prepositions of place are data (``work_place`` in ``construction.tsv``).
"""
from __future__ import annotations

from spacy.tokens import Doc

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.relation_args import Arg


class LocatedWorks:
    """Drops the ``builds`` of a work that stands behind a preposition of place after another work
    the same building word builds.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وبدأت شركة هواوي بناء مركز بيانات أنغرين في المنطقة الصناعية الحرة \\"أنغرين\\".")
    >>> sorted(r.target_id for r in doc._.silk_found if r.type == "builds")
    ['project:data-centre:city:angren-uz']
    """

    def without_located_works(self, doc: Doc, args: list[Arg], found: list[FoundRelation]) -> list[FoundRelation]:
        """``found`` without the builds of a work behind في (or another ``work_place`` word) that
        follows another work built by the same word."""
        by_trigger: dict[int, list[Arg]] = {}
        for r in found:
            if r.type == "builds":
                by_trigger.setdefault(r.start, []).extend(a for a in args if a.id == r.target_id and a.kind == "name")
        dropped = set()
        for at, works in by_trigger.items():
            for work in works:
                if work.start > 0 and self.words.is_kind(doc[work.start - 1], "work_place") \
                        and any(other.end < work.start and other.id != work.id for other in works):
                    dropped.add((at, work.id))
        return [r for r in found if r.type != "builds" or (r.start, r.target_id) not in dropped]
