"""The whole chain on the written set: whole articles of the genre written for silkgraph's tests
(tests/fixtures/written/<area>/, with a gold in the real set's format), one corpus per area.

Unlike the real set these texts are the project's own, so they live in the repository and run on
every clone. They were written before the rules that read them were fixed, then the failures were
fixed by class: the figures are a regression floor, not a measure of generalisation (the real set's
check half is that). The figures asserted are the ones measured when the rules last changed; one
item below them still passes.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from silkgraph.corpus import read_corpus
from silkgraph.graph.build import build_graph
from silkgraph.graph.evaluate import entity_precision, score

WRITTEN = Path(__file__).parent / "fixtures" / "written"
AREAS = sorted(p.parent.name for p in WRITTEN.glob("*/gold.json"))

# measured on the whole pipeline at the last change of the rules: (entity recall, core relation
# recall, relation precision, entity precision) per area
MEASURED: dict[str, dict[str, float]] = {
    # round 3: written, then the rules fixed on them (a regression floor)
    "corridors": {"entities": 0.931, "relations": 0.822, "precision": 0.932, "entity_precision": 0.977},
    "people": {"entities": 0.962, "relations": 0.932, "precision": 0.897, "entity_precision": 0.935},
    "projects": {"entities": 0.930, "relations": 0.780, "precision": 1.000, "entity_precision": 0.920},
    "summits": {"entities": 0.894, "relations": 0.909, "precision": 0.947, "entity_precision": 0.951},
    # round 4 (data only): main's figures when they came in, before any rule saw them; raised when a
    # later fix (made from other folders' reports too) raised them
    "agreements": {"entities": 0.884, "relations": 0.767, "precision": 0.897, "entity_precision": 0.938},
    "builders": {"entities": 0.915, "relations": 0.667, "precision": 0.876, "entity_precision": 0.903},
    "diplomacy": {"entities": 0.893, "relations": 0.693, "precision": 0.882, "entity_precision": 0.902},
    "energy": {"entities": 0.889, "relations": 0.765, "precision": 0.976, "entity_precision": 0.879},
    "forums": {"entities": 0.898, "relations": 0.591, "precision": 0.937, "entity_precision": 0.920},
    "routes": {"entities": 0.844, "relations": 0.469, "precision": 0.869, "entity_precision": 0.820},
    "security": {"entities": 0.907, "relations": 0.697, "precision": 0.897, "entity_precision": 0.944},
    "trade": {"entities": 0.867, "relations": 0.744, "precision": 0.948, "entity_precision": 0.922},
}


def area_score(extractor, area: str) -> dict:
    folder = WRITTEN / area
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    corpus = read_corpus([folder / name for name in sorted(gold["docs"].values())])
    assert len(corpus.articles) == len(gold["docs"]), corpus.problems
    G = build_graph(extractor.extract_many(corpus.articles))
    result = score(gold, G)
    result.update(entity_precision(gold, G))
    return result


def item(result: dict, measure: str) -> float:
    """What one item is worth in ``measure``: a regression by one item still passes."""
    total = {"entities": result["entities_found"], "relations": result["relations_found"]}
    if measure in total:
        return 1 / int(total[measure].split("/")[1])
    return 1 / max(1, result["relations_judged"] if measure == "precision" else result["nodes_judged"])


def test_every_area_has_its_gold_and_its_figures():
    assert AREAS, f"no written articles under {WRITTEN}"
    assert sorted(MEASURED) == AREAS, "an area without measured figures (or figures without an area)"
    for area in AREAS:
        gold = json.loads((WRITTEN / area / "gold.json").read_text(encoding="utf-8"))
        on_disk = sorted(p.name for p in (WRITTEN / area).glob("*.txt"))
        assert sorted(gold["docs"].values()) == on_disk, area
        for kind in ("core", "extra"):
            for source, _, target, doc in gold["relations"][kind]:
                assert {source, target} <= set(gold["entities"]) and doc in gold["docs"], (area, source, target, doc)


@pytest.mark.parametrize("area", AREAS)
def test_no_regression_on_the_written_set(extractor, area):
    result = area_score(extractor, area)
    got = {"entities": result["entity_recall"], "relations": result["relation_recall"],
           "precision": result["relation_precision"], "entity_precision": result["entity_precision"]}
    for measure, floor in MEASURED[area].items():
        assert got[measure] >= floor - item(result, measure) - 1e-9, (area, measure, got)
