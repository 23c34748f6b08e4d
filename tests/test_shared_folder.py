"""Where the shared data folder is: one place (tests/conftest.py), overridable, strict under CI."""
from __future__ import annotations

import pytest

from tests.conftest import ROOT, require_shared, shared_folder


def test_the_shared_folder_is_beside_the_checkout_unless_the_environment_says(monkeypatch, tmp_path):
    monkeypatch.delenv("SILKGRAPH_SHARED", raising=False)
    assert shared_folder() == ROOT.parent / "shared"
    monkeypatch.setenv("SILKGRAPH_SHARED", str(tmp_path))
    assert shared_folder() == tmp_path
    (tmp_path / "eval").mkdir()
    assert require_shared("eval") == tmp_path / "eval"


def test_a_missing_shared_path_skips_saying_where_it_looked(monkeypatch, tmp_path):
    monkeypatch.setenv("SILKGRAPH_SHARED", str(tmp_path))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=f"{tmp_path}/eval not found"):
        require_shared("eval")


def test_under_ci_a_missing_shared_path_fails_instead_of_skipping(monkeypatch, tmp_path):
    monkeypatch.setenv("SILKGRAPH_SHARED", str(tmp_path))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        require_shared("eval")
