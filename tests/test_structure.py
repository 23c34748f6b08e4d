"""The package layout the design card asks for: the core and the graph do not lean on extraction."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTSIDE_EXTRACT = [*sorted((ROOT / "silkgraph").rglob("*.py")), *sorted((ROOT / "graph").rglob("*.py")),
                   *sorted((ROOT / "views").rglob("*.py")), ROOT / "app.py"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
    return out


def test_only_the_pipeline_is_imported_from_extract_outside_it():
    offenders = {str(p.relative_to(ROOT)): sorted(m for m in imported_modules(p)
                                                  if (m == "extract" or m.startswith("extract.")) and m != "silkgraph.extract.pipeline")
                 for p in OUTSIDE_EXTRACT}
    assert {p: m for p, m in offenders.items() if m} == {}


def test_the_check_sees_an_import_from_extract(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from extract.normalize import phrase_key\nimport silkgraph.extract.lexicon\n", encoding="utf-8")
    assert imported_modules(probe) == {"extract.normalize", "silkgraph.extract.lexicon"}


PACKAGES = ("silkgraph", "extract", "graph", "views")


def package_modules() -> list[str]:
    return sorted(".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
                  for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def test_every_package_module_with_public_functions_has_a_docstring_example():
    import doctest
    import importlib
    import inspect

    without = []
    for name in package_modules():
        module = importlib.import_module(name)
        public = [n for n, obj in vars(module).items() if not n.startswith("_")
                  and (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == name]
        examples = sum(len(t.examples) for t in doctest.DocTestFinder().find(module))
        if public and not examples:
            without.append(name)
    assert without == []


def test_pytest_collects_the_package_folders():
    import tomllib

    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert set(PACKAGES) <= set(options["testpaths"]) and "--doctest-modules" in options["addopts"]


def test_the_runtime_pipeline_does_not_import_the_offline_tools():
    runtime = sorted((ROOT / "extract").glob("*.py"))
    offenders = {p.name: sorted(m for m in imported_modules(p) if m.startswith("silkgraph.extract.tools"))
                 for p in runtime}
    assert {p: m for p, m in offenders.items() if m} == {}


def test_the_offline_tools_run_as_modules():
    import subprocess
    import sys

    for tool in ("train_ner", "build_gazetteer", "build_common_words"):
        done = subprocess.run([sys.executable, "-m", f"silkgraph.extract.tools.{tool}", "--help"], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and done.stdout.startswith("usage:"), (tool, done.stderr)


def name_clashes(instance: object) -> dict[str, list[str]]:
    """Names that two classes among ``instance``'s bases define, or that ``instance`` sets over a
    class's name: whichever comes first in the bases (or the instance) silently wins."""
    owners: dict[str, list[str]] = {}
    for base in type(instance).__mro__[:-1]:
        for name in vars(base):
            if not (name.startswith("__") and name.endswith("__")):
                owners.setdefault(name, []).append(base.__name__)
    for name in vars(instance):
        owners.setdefault(name, []).append("instance")
    return {name: where for name, where in owners.items() if len(where) > 1}


def test_the_rule_mixins_share_no_name():

    from silkgraph.extract.pipeline import Extractor

    nlp = Extractor().nlp
    nlp("افتتح البلدان خط السكك الحديدية الجديد بين قرغيزستان وأوزبكستان وعقدا القمة الثانية")  # sets what a run sets
    # the components built of mixins: a method two mixins define is a rule one of them loses
    for component in ("silk_patterns", "silk_relations", "silk_titles", "silk_gazetteer"):
        assert name_clashes(nlp.get_pipe(component)) == {}, component


def test_the_check_sees_a_name_clash():
    class Rules:
        def rule(self):
            return 1

    class Words:
        def rule(self):  # a method two mixins define
            return 2

    class Matcher(Rules, Words):
        def __init__(self):
            self.rule = 0  # an attribute over a method

    assert name_clashes(Matcher()) == {"rule": ["Rules", "Words", "instance"]}
