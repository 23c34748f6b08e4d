"""The whole chain on the real development set (../shared/eval/real: third-party news, read in
place and never copied here), split as ../shared/eval/score_real.py splits it: the odd-numbered
documents tune the rules, the even-numbered ones check them.

The figures asserted are the ones measured when the rules last changed (one item below them
still passes), so a regression fails. They are raised with every improvement, toward the
extraction issue's bar for the check half (entity recall 0.85, core relation recall 0.70,
relation and entity precision 0.85).
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from silkgraph.graph.build import build_graph
from silkgraph.graph.evaluate import entity_precision, score
from silkgraph.corpus import read_corpus

# measured on the whole pipeline at the last change of the rules: (entity recall, core relation
# recall, relation precision, entity precision) and the item counts they come from
MEASURED = {
    "tune": {"entities": 0.953, "relations": 0.936, "precision": 0.962, "entity_precision": 0.982},
    "check": {"entities": 0.754, "relations": 0.449, "precision": 0.885, "entity_precision": 0.877},
}


@pytest.fixture(scope="module")
def real(shared):
    """The real development set's folder (skipped, or failed under CI, when it is absent)."""
    shared("eval", "real", "gold.json")
    return shared("eval", "real")


@pytest.fixture(scope="module")
def splitter(shared):
    """The shared score_real.py, whose split of documents and gold this test uses as it is."""
    spec = importlib.util.spec_from_file_location("score_real", shared("eval", "score_real.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def halves(extractor, splitter, real) -> dict[str, dict]:
    """Scores of the tune and check halves, each built as its own corpus."""
    gold = json.loads((real / "gold.json").read_text(encoding="utf-8"))
    texts = {d: (real / f).read_text(encoding="utf-8") for d, f in gold["docs"].items()}
    out = {}
    for half in ("tune", "check"):
        docs = {d for d in gold["docs"] if splitter.half_of(d) == half}
        corpus = read_corpus([real / gold["docs"][d] for d in sorted(docs)])
        assert len(corpus.articles) == len(docs), corpus.problems
        G = build_graph(extractor.extract_many(corpus.articles))
        part = splitter.gold_for(gold, docs, texts)
        result = score(part, G)
        result.update(entity_precision(part, G))
        out[half] = result
    return out


def figures(result: dict) -> dict[str, float]:
    return {"entities": result["entity_recall"], "relations": result["relation_recall"],
            "precision": result["relation_precision"], "entity_precision": result["entity_precision"]}


def item(result: dict, measure: str) -> float:
    """What one item is worth in ``measure``: a regression by one item still passes."""
    total = {"entities": result["entities_found"], "relations": result["relations_found"]}
    if measure in total:
        return 1 / int(total[measure].split("/")[1])
    return 1 / max(1, result["relations_judged"] if measure == "precision" else result["nodes_judged"])


@pytest.mark.parametrize("half", ["tune", "check"])
def test_no_regression_on_the_real_set(halves, half):
    got = figures(halves[half])
    for measure, floor in MEASURED[half].items():
        assert got[measure] >= floor - item(halves[half], measure) - 1e-9, (half, measure, got)
