"""The version of a part of silkgraph: a hash of the code it runs and the data it reads.

``code_version(module, libraries)`` hashes the source of every project module ``module``
imports, directly or not (found by reading their imports, without importing them: in function
bodies too, so lazy imports count), the data, config and model files beside those modules, and
the versions of ``libraries``. ``extractor_version`` is that of the extraction pipeline: edit a
trigger list, a pattern or the NER model and it changes, and ``changes`` names what changed.

Reading a module's imports means parsing it; ``memo`` (file content hash -> its imports)
spares that for files seen before, so a caller that keeps it (the corpus store does) pays
for parsing only the files that changed.
"""
from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import importlib.util
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PIPELINE_MODULE = "silkgraph.extract.pipeline"
LIBRARIES = ("spacy", "python-crfsuite")  # their versions are part of the extractor
_SKIP_SUFFIXES = (".py", ".pyc")
_SKIP_DIRS = ("__pycache__",)


@dataclass(frozen=True)
class ExtractorVersion:
    """The extractor's version: ``id`` hashes ``parts`` (file or library -> its hash or version)."""

    id: str
    parts: dict[str, str]

    def changes(self, before: dict[str, str]) -> list[str]:
        """What differs from an earlier version's parts: changed, added and removed names.

        >>> ExtractorVersion("b", {"a.py": "2", "b.tsv": "1"}).changes({"a.py": "1", "c.tsv": "1"})
        ['a.py', 'b.tsv (new)', 'c.tsv (gone)']
        """
        out = []
        for name in sorted(set(self.parts) | set(before)):
            if name not in before:
                out.append(f"{name} (new)")
            elif name not in self.parts:
                out.append(f"{name} (gone)")
            elif before[name] != self.parts[name]:
                out.append(name)
        return out


def _module_file(name: str, known: dict[str, Path | None]) -> Path | None:
    """The source file of a module of this project; None for any other (``known``: the answers
    so far). A module not at its dotted path under the root (graph/, extract/ and views/ sit at
    the top of a checkout but are silkgraph.graph …) is found by the import system, which imports
    only its packages' ``__init__``."""
    if name not in known:
        known[name] = _find_module_file(name, known)
    return known[name]


def _find_module_file(name: str, known: dict[str, Path | None]) -> Path | None:
    base = _root().joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    package, _, _ = name.rpartition(".")
    if name.split(".")[0] != "silkgraph" or not package:
        return None
    inside = _module_file(package, known)
    if inside is None or inside.name != "__init__.py":
        return None  # a name inside a module (``from a import b``), not a submodule: never import ``a``
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    return Path(spec.origin)


@lru_cache(maxsize=1)
def _root() -> Path:
    """The folder holding this project's packages."""
    return Path(__file__).resolve().parents[1]


_BODIES = ("body", "orelse", "finalbody", "handlers", "cases")  # the fields holding statements


def _statements(tree: ast.AST) -> Iterator[ast.AST]:
    """Every statement of a module, nested ones too (imports are statements: the expressions,
    most of a module's nodes, need no visit)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        for name in _BODIES:
            todo += getattr(node, name, ())


def _imports(path: Path, module: str, memo: dict[str, list[str]] | None = None) -> set[str]:
    """Module names ``path`` imports (``from a import b`` gives both ``a`` and ``a.b``).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "m.py"
    >>> _ = p.write_text("import a\\ntry:\\n    from b import c\\nexcept ImportError:\\n    def f():\\n        import d.e\\n")
    >>> sorted(_imports(p, "pkg.m"))
    ['a', 'b', 'b.c', 'd.e']
    """
    key = f"{module}:{path.name}:{_file_hash(path)}" if memo is not None else ""
    if memo is not None and key in memo:
        return set(memo[key])
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _statements(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    found.discard("")
    if memo is not None:
        memo[key] = sorted(found)
    return found


def code_files(module: str = PIPELINE_MODULE, memo: dict[str, list[str]] | None = None) -> dict[str, Path]:
    """The project's modules ``module`` runs when imported, and their packages: name -> file
    (``memo``: see the module docstring)."""
    seen: dict[str, Path] = {}
    known: dict[str, Path | None] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_file(name, known)
        if path is None:
            continue
        seen[name] = path
        parts = name.split(".")
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]  # packages run their __init__
        todo += sorted(_imports(path, name, memo) - set(seen))
    return seen


def _data_files(folders: Iterable[Path]) -> list[Path]:
    """The files beside these packages' modules and in their data folders (any subfolder that
    is not itself a Python package: a subpackage counts only when the pipeline imports it)."""
    out = []
    for folder in sorted(set(folders) - {_root()}):  # a package's folder, never the checkout's
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")
                                 and not (Path(dirpath) / d / "__init__.py").is_file())
            out += [Path(dirpath) / f for f in sorted(filenames) if not f.endswith(_SKIP_SUFFIXES)]
    return out


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def extractor_version(module: str = PIPELINE_MODULE, memo: dict[str, list[str]] | None = None) -> ExtractorVersion:
    """The version of the extractor ``module`` defines (see the module docstring).

    >>> v = extractor_version()
    >>> v.id == extractor_version().id, "extract/pipeline.cfg" in v.parts, "extract/relations.py" in v.parts
    (True, True, True)
    """
    return code_version(module, LIBRARIES, memo)


def code_version(module: str, libraries: Iterable[str], memo: dict[str, list[str]] | None = None) -> ExtractorVersion:
    """The version of what ``module`` runs: its modules' sources and data files, and the
    versions of ``libraries`` (see the module docstring). ``memo`` keeps only the entries of
    files this version holds.

    >>> memo = {}
    >>> v = code_version("silkgraph.store", ["networkx"], memo)
    >>> code_version("silkgraph.store", ["networkx"], memo) == v, "silkgraph/records.py" in v.parts
    (True, True)
    >>> sorted(memo) == sorted(k for k in memo if k.rsplit(":", 1)[1] in v.parts.values()) and len(memo) > 1
    True
    """
    root = _root()
    modules = code_files(module, memo)
    files = sorted(set(modules.values()) | set(_data_files(p.parent for p in modules.values())))
    parts = {path.relative_to(root).as_posix(): _file_hash(path) for path in files}
    for lib in libraries:
        try:
            parts[f"library {lib}"] = importlib.metadata.version(lib)
        except importlib.metadata.PackageNotFoundError:
            parts[f"library {lib}"] = "absent"
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]
    if memo is not None:
        held = set(parts.values())
        for key in [k for k in memo if k.rsplit(":", 1)[1] not in held]:
            del memo[key]
    return ExtractorVersion(digest, parts)


