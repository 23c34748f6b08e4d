"""Shared fixtures: the extractor (built once), helpers that read its output, and the one
place that says where the shared data folder is (``shared``)."""
from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "seeds.gold.json"
SHARED_ENV = "SILKGRAPH_SHARED"


def shared_folder() -> Path:
    """The shared data folder: ``$SILKGRAPH_SHARED``, else ``../shared`` beside the checkout."""
    return Path(os.environ[SHARED_ENV]).expanduser() if os.environ.get(SHARED_ENV) else ROOT.parent / "shared"


def require_shared(*parts: str) -> Path:
    """``shared_folder() / parts``; when it is absent the test is skipped saying why, or fails
    under CI (``CI=true``), where the shared folder is always beside the clone."""
    path = shared_folder().joinpath(*parts)
    if not path.exists():
        why = f"{path} not found: the shared data folder is {SHARED_ENV} or ../shared beside the checkout"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{why}; CI=true, so a test that needs it fails instead of skipping", pytrace=False)
        pytest.skip(why)
    return path


@pytest.fixture(scope="session")
def shared() -> Callable[..., Path]:
    """``shared("eval", "score.py")``: a path in the shared data folder (see ``require_shared``)."""
    return require_shared


@pytest.fixture(scope="session")
def reference_scorer(shared) -> ModuleType:
    """The reference scorer, ``eval/score.py`` of the shared folder, as a module."""
    spec = importlib.util.spec_from_file_location("reference_score", shared("eval", "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def extractor():
    from silkgraph.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def known(extractor) -> dict[str, str]:
    """Arabic form (any alias, as a phrase key) -> gazetteer entity id."""
    from silkgraph.normalize import phrase_key

    table: dict[str, str] = {}
    for entry in extractor.lex.entries.values():
        for form in (entry.entity.label_ar, *entry.aliases_ar):
            table.setdefault(phrase_key(form), entry.entity.id)
    return table


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_articles():
    from silkgraph.records import Article

    dates = {"001": "2025-06-17"}
    return [Article(p.stem[:3], p.read_text(encoding="utf-8"), date=dates.get(p.stem[:3], ""), path=str(p))
            for p in sorted(SEEDS.glob("*.txt"))]
