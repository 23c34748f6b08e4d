"""Whole articles of the genre written for these tests (not the seeds): the relations a careful
reader takes from them must be found. A regression suite for generalisation, not a score."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from silkgraph.normalize import phrase_key
from silkgraph.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "unseen"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
ARTICLES = {json.loads(line)["id"]: json.loads(line)
            for line in (FIXTURES / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
UNDIRECTED = {"links", "met", "partnership"}


def names(entity, lex) -> set[str]:
    entry = lex.entries.get(entity.id)
    forms = {entity.label_ar, *(entry.aliases_ar if entry else ())}
    return {phrase_key(f) for f in forms}


@pytest.mark.parametrize("doc_id", sorted(ARTICLES))
def test_relations_of_unseen_articles(extractor, doc_id):
    raw = ARTICLES[doc_id]
    result = extractor.extract(Article(doc_id, raw["text"], date=raw["date"], source=raw["source"]))
    got = []
    for r in result.relations:
        got.append((names(r.source, extractor.lex), r.type, names(r.target, extractor.lex)))
    missing = []
    for s, t, o in EXPECTED[doc_id]:
        s, o = phrase_key(s), phrase_key(o)
        if not any(t == gt and ((s in gs and o in go) or (t in UNDIRECTED and s in go and o in gs))
                   for gs, gt, go in got):
            missing.append(f"{s} -{t}-> {o}")
    assert not missing, f"missing {missing}; found {[(sorted(a)[0], t, sorted(b)[0]) for a, t, b in got]}"
