"""What `pip install silkgraph` gives (issue 9): one package with its licence, the explorer and
the seeds; `silkgraph serve`; no warnings of the project's own; dependencies as imported."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from silkgraph.cli import main

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def sources() -> list[Path]:
    return [p for folder in ("silkgraph", "graph", "extract", "views") for p in (REPO / folder).rglob("*.py")]


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> tuple[Path, str]:
    """The wheel as `pip wheel .` builds it, and what the build printed."""
    out = tmp_path_factory.mktemp("wheel")
    # from a copy: pip builds in the source folder, and a build/ left there by an older build would
    # put its stale files into the wheel
    source = tmp_path_factory.mktemp("source") / "silkgraph"
    shutil.copytree(REPO, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "out", "uploads", "static", "__pycache__", "*.egg-info", ".pytest_cache"))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(out), str(source)],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0 and "No matching distribution found for setuptools" in proc.stdout + proc.stderr:
        pytest.skip("no package index to fetch the build backend from")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return next(out.glob("silkgraph-*.whl")), proc.stdout + proc.stderr


def test_the_wheel_holds_the_licence_the_explorer_and_the_seeds(wheel) -> None:
    names = zipfile.ZipFile(wheel[0]).namelist()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert {n.split("/")[-1] for n in names if "/licenses/" in n} >= {"LICENSE", "LICENSE.NewsFANE.txt"}
    for wanted in ("views/explorer.py", "views/.streamlit/config.toml", "extract/pipeline.cfg",
                   "extract/models/ner/model.crfsuite", "silkgraph/schema.toml"):
        assert any(n.endswith(wanted) for n in names), wanted
    seeds = sorted(n for n in names if "/seeds/" in n)
    assert [Path(n).name for n in seeds] == sorted(p.name for p in (REPO / "seeds").iterdir())
    metadata = zipfile.ZipFile(wheel[0]).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "License-Expression: MIT" in metadata


def test_the_wheel_holds_every_module_of_the_code(wheel) -> None:
    # setuptools leaves out, without a word, a sub-package missing from [tool.setuptools] packages
    names = set(zipfile.ZipFile(wheel[0]).namelist())
    # graph/, extract/ and views/ of the checkout install under silkgraph/
    modules = sorted(("" if p.relative_to(REPO).parts[0] == "silkgraph" else "silkgraph/") + p.relative_to(REPO).as_posix()
                     for p in sources() if "__pycache__" not in p.parts)
    assert "silkgraph/corpus/reader.py" in modules and "silkgraph/extract/pipeline.py" in modules
    assert [m for m in modules if m not in names] == []


def test_building_prints_no_setuptools_warning_of_the_project(wheel) -> None:
    printed = wheel[1]
    for warning in ("BuildBackendWarning", "SetuptoolsDeprecationWarning", "is absent from the `packages`",
                    "license` as a TOML table"):
        assert warning not in printed


def test_pandas_and_streamlit_are_only_the_explorer_s() -> None:
    assert not [d for d in PYPROJECT["project"]["dependencies"] if d.startswith(("pandas", "streamlit", "pyvis"))]
    app = PYPROJECT["project"]["optional-dependencies"]["app"]
    assert {d.split(">")[0].split("=")[0] for d in app} == {"streamlit", "pyvis", "pandas"}
    outside = {str(p.relative_to(REPO)): imported(p) & {"pandas", "streamlit", "pyvis"}
               for p in sources() if "views" not in p.parts}
    assert not {k: v for k, v in outside.items() if v}


def test_every_extra_of_the_product_is_imported() -> None:
    """An extra installs packages the code imports (the [gazetteer] extra installed two nothing imported)."""
    top = {u.split(".")[0] for u in set().union(*(imported(p) for p in sources()))}
    for extra, requirements in PYPROJECT["project"]["optional-dependencies"].items():
        if extra == "test":
            continue
        for req in requirements:
            name = req.split(">")[0].split("=")[0].split("[")[0].strip().lower()
            if name == "silkgraph":
                continue
            assert name.replace("-", "_") in top, f"[{extra}] installs {name}, which nothing imports"


def test_build_with_no_path_and_no_seeds_here_says_what_to_pass(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert "silkgraph build my/articles/" in err and "seeds" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_serve_with_a_missing_graph_says_so(tmp_path, capsys) -> None:
    assert main(["serve", "--graph", str(tmp_path / "none.graphml")]) == 1
    assert "no graph at" in capsys.readouterr().err


def test_app_py_delegates_to_the_packaged_explorer() -> None:
    assert imported(REPO / "app.py") == {"silkgraph.views.explorer"}


def test_the_wheel_installs_one_top_level_package(wheel) -> None:
    names = zipfile.ZipFile(wheel[0]).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"silkgraph", next(t for t in tops if t.endswith(".dist-info"))}
    for package in ("graph", "extract", "views"):
        assert f"silkgraph/{package}/__init__.py" in names


def test_every_import_uses_the_silkgraph_namespace() -> None:
    """graph/, extract/ and views/ install as silkgraph.graph, .extract, .views; in a checkout the old
    names would still import (the folders are on sys.path), so this check is what keeps them out."""
    files = sources() + list((REPO / "tests").rglob("*.py")) + list((REPO / "bench").glob("*.py")) + [REPO / "app.py"]
    old = {str(p.relative_to(REPO)): sorted(n for n in imported(p) if n.split(".")[0] in ("graph", "extract", "views"))
           for p in files}
    assert not {k: v for k, v in old.items() if v}, "import them as silkgraph.graph, silkgraph.extract, silkgraph.views"


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp to see listening sockets")
def test_silkgraph_serve_starts_the_explorer_on_loopback(tmp_path) -> None:
    import importlib.util

    from silkgraph.graph.build import build_graph
    from silkgraph.graph.export import write_graph

    spec = importlib.util.spec_from_file_location("silkgraph_test_explorer_safety",
                                                  Path(__file__).with_name("test_explorer_safety.py"))
    safety = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(safety)
    graph = write_graph(build_graph([]), tmp_path / "g.graphml")
    port = safety.free_port()
    script = Path(sys.executable).with_name("silkgraph")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "silkgraph.cli"]
    safety.assert_listens_on_loopback_only(cmd + ["serve", "--graph", str(graph), "--port", str(port)], port, tmp_path,
                                           {**os.environ, "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"})
