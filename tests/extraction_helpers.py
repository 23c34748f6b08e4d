"""What the extraction tests read off one article's result, shared by the test modules."""
from __future__ import annotations

from silkgraph.records import Article


def run(extractor, text):
    """The extraction of ``text`` as one article."""
    return extractor.extract(Article("t1", text))


def corridors(result):
    """The ids of the corridors mentioned."""
    return {m.entity.id for m in result.mentions if m.entity.type == "Corridor"}


def links(result):
    """(corridor, place) for every links edge."""
    return {(r.source.id, r.target.id) for r in result.relations if r.type == "links"}


def mention_texts(result, kind):
    """The texts of the mentions of type ``kind``."""
    return {m.text for m in result.mentions if m.entity.type == kind}
