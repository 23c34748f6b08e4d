"""The docstring examples of the extraction and core modules run as tests (graph/ and views/ run
theirs from their own test files)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import extract
import silkgraph

MODULES = sorted(
    f"{pkg.__name__}.{info.name}"
    for pkg in (extract, silkgraph)
    for info in pkgutil.iter_modules(pkg.__path__)
)


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {module}"
