"""Shared fixtures: the extractor (built once) and helpers that read its output."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "seeds.gold.json"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    from extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_articles():
    from silkgraph.records import Article

    dates = {"001": "2025-06-17"}
    return [Article(p.stem[:3], p.read_text(encoding="utf-8"), date=dates.get(p.stem[:3], ""), path=str(p))
            for p in sorted(SEEDS.glob("*.txt"))]
