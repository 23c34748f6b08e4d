"""Relations a sentence's structure states with no trigger word, for ``silk_relations``.

Each pattern is a row of ``data/lexicon/structures.tsv`` (the relation it gives, its confidence
and a sentence it must find it in); the code below says how each is matched:

- ``located_after_fi``: a project or event followed by في and a place (X في العاصمة الطاجيكية دوشنبه);
- ``capital_with_nisba``: العاصمة الطاجيكية دوشنبه puts Dushanbe in Tajikistan;
- ``venue_before_event``: في (العاصمة القيرغيزية) بيشكيك أعمال قمة …, the venue just before the event;
- ``agreement_of_event``: إعلان أستانا لقمة …, a declaration part of that summit.

The two visit patterns of the table (``guest_at_dateline``, ``meeting_in_hosts_city``) are
matched in ``extract/visits.py``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.lexicon import LEXICON_DIR, Lexicon, roles
from silkgraph.extract.relation_args import Arg
from silkgraph.normalize import opens_with, word_key
from silkgraph.schema import schema
from silkgraph.tables import read_tsv

ROLE = roles()
VISIT_PATTERNS = ("guest_at_dateline", "meeting_in_hosts_city")


@dataclass(frozen=True)
class Structure:
    """A row of structures.tsv."""

    pattern: str
    relation: str
    confidence: float
    example: str


def load_structures(path: Path = LEXICON_DIR / "structures.tsv") -> dict[str, Structure]:
    """The structural patterns by name, checked against the schema.

    >>> load_structures()["capital_with_nisba"].relation
    'located_in'
    """
    rows = {}
    for row in read_tsv(path):
        if row["relation"] not in schema().edge_types:
            raise ValueError(f"{path}: pattern {row['pattern']!r} gives {row['relation']!r}, not in the schema")
        rows[row["pattern"]] = Structure(row["pattern"], row["relation"], float(row["confidence"]), row["example"])
    return rows


class StructuralRelations:
    """The structural patterns of one sentence's mentions (``args``, in text order)."""

    def __init__(self, lex: Lexicon, structures: dict[str, Structure] | None = None):
        self.lex = lex
        self.rows = structures if structures is not None else load_structures()
        self.capital = lex.words("capital")
        self.located = schema().edge_types["located_in"]
        self.matchers: dict[str, Callable[[Doc, list[Arg], dict[int, Arg], Arg], list[tuple]]] = {
            "located_after_fi": self.located_after_fi, "capital_with_nisba": self.capital_with_nisba,
            "venue_before_event": self.venue_before_event, "agreement_of_event": self.agreement_of_event}
        missing = (set(self.matchers) | set(VISIT_PATTERNS)) ^ set(self.rows)
        if missing:
            raise ValueError(f"structures.tsv and the matchers disagree on: {sorted(missing)}")

    def confidence(self, pattern: str) -> float:
        return self.rows[pattern].confidence

    def __call__(self, doc: Doc, args: list[Arg]) -> list[FoundRelation]:
        out = []
        by_start = {a.start: a for a in args}
        for a in args:
            if a.kind != "name":
                continue
            for name, match in self.matchers.items():
                row = self.rows[name]
                for source, target, start, end, trigger in match(doc, args, by_start, a):
                    out.append(FoundRelation(row.relation, source, target, start, end, trigger, row.confidence))
        return out

    # each matcher: (source id, target id, start, end, trigger) for the mention ``a``
    def located_after_fi(self, doc: Doc, args: list[Arg], by_start: dict[int, Arg], a: Arg) -> list[tuple]:
        k = a.end
        if not (k < len(doc) and doc[k].norm_ == "في" and a.type in self.located.subjects):
            return []
        k += 1
        if k < len(doc) and doc[k].norm_ in self.capital:
            k += 1
            if k in by_start and by_start[k].kind == "nisba":
                k = by_start[k].end
        place = by_start.get(k)
        if place is not None and place.kind == "name" and place.type in self.located.objects and place.id != a.id:
            return [(a.id, place.id, a.start, place.end, "في")]
        return []

    def capital_with_nisba(self, doc: Doc, args: list[Arg], by_start: dict[int, Arg], a: Arg) -> list[tuple]:
        if a.type == ROLE.city and a.start >= 2 and doc[a.start - 2].norm_ in self.capital:
            nisba = by_start.get(a.start - 1)
            if nisba is not None and nisba.kind == "nisba":
                return [(a.id, nisba.id, a.start - 2, a.end, doc[a.start - 2:a.start].text)]
        return []

    def venue_before_event(self, doc: Doc, args: list[Arg], by_start: dict[int, Arg], a: Arg) -> list[tuple]:
        if a.type != ROLE.city:
            return []
        k = a.start - 1
        if k >= 0 and by_start.get(k) is not None and by_start[k].kind == "nisba":
            k -= 1
        if k >= 0 and doc[k].norm_ in self.capital:
            k -= 1
        event = next((e for e in args if e.type == ROLE.event and e.kind == "name" and 0 <= e.start - a.end <= 2), None)
        if k >= 0 and word_key(doc[k].text) == "في" and event is not None and self.located.allows(event.type, a.type):
            return [(event.id, a.id, a.start, event.end, "في")]
        return []

    def agreement_of_event(self, doc: Doc, args: list[Arg], by_start: dict[int, Arg], a: Arg) -> list[tuple]:
        if a.type == ROLE.agreement and a.end in by_start:
            event = by_start[a.end]
            if event.type == ROLE.event and opens_with(doc[event.start].text, "lam"):
                return [(a.id, event.id, a.start, event.end, "")]
        return []
