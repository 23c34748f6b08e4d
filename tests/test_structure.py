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
                                                  if (m == "extract" or m.startswith("extract.")) and m != "extract.pipeline")
                 for p in OUTSIDE_EXTRACT}
    assert {p: m for p, m in offenders.items() if m} == {}


def test_the_check_sees_an_import_from_extract(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from extract.normalize import phrase_key\nimport extract.lexicon\n", encoding="utf-8")
    assert imported_modules(probe) == {"extract.normalize", "extract.lexicon"}
