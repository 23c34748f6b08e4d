"""What the extraction tests read off one article's result, shared by the test modules."""
from __future__ import annotations

from silkgraph.normalize import phrase_key
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


def agreement_forms(result):
    """Every form an agreement node carries (its label, the mention, its aliases), as keys."""
    forms = set()
    for m in result.mentions:
        if m.entity.type == "Agreement":
            forms |= {phrase_key(m.text), phrase_key(m.entity.label_ar), *(phrase_key(a) for a in m.aliases)}
    return forms


def has_form(result, text):
    """Whether an agreement node carries ``text`` as one of its forms."""
    return phrase_key(text) in agreement_forms(result)


def agreements(result):
    """The ids of the agreements mentioned."""
    return {m.entity.id for m in result.mentions if m.entity.type == "Agreement"}


def signers(result):
    """The surface forms of whoever signs an agreement."""
    texts = {}
    for m in result.mentions:
        texts.setdefault(m.entity.id, set()).add(m.text)
    out = set()
    for r in result.relations:
        if r.type == "signed":
            out |= texts.get(r.source.id, {r.source.id})
    return out


def signer_ids(result):
    """The ids of whoever signs an agreement."""
    return {r.source.id for r in result.relations if r.type == "signed"}
