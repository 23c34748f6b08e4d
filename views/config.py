"""The explorer's settings: command-line arguments after ``--``, else environment variables.

``streamlit run app.py -- --graph out/graph.graphml --uploads uploads/`` or
``SILKGRAPH_GRAPH=... SILKGRAPH_UPLOADS=... streamlit run app.py``.
"""
from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from silkgraph import shipped_seeds

REPO = Path(__file__).resolve().parent.parent
DEFAULT_MAX_NODES = 300
LAYOUTS = ("auto", "physics", "python")


@dataclass(frozen=True)
class AppConfig:
    """Where the corpus and graph are, and how much the view may draw."""

    graph_path: Path | None  # a graph written by `silkgraph build`; None: build from seeds_dir
    seeds_dir: Path
    uploads_dir: Path  # added articles live here and are merged on every start
    max_nodes: int = DEFAULT_MAX_NODES
    layout: str = "auto"  # auto | physics (vis-network, then frozen) | python (positions computed here)


class ConfigError(ValueError):
    """A setting that cannot work, with a message for the user."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="streamlit run app.py --", add_help=False)
    p.add_argument("--graph", default=None)
    p.add_argument("--seeds", default=None)
    p.add_argument("--uploads", default=None)
    p.add_argument("--max-nodes", default=None)
    p.add_argument("--layout", default=None)
    return p


def load_config(argv: Sequence[str] = (), env: Mapping[str, str] | None = None) -> AppConfig:
    """Settings from ``argv`` (the arguments after ``--``), falling back to ``env``.

    >>> c = load_config(["--max-nodes", "50"], env={"SILKGRAPH_UPLOADS": "/tmp/u"})
    >>> c.max_nodes, str(c.uploads_dir), c.graph_path
    (50, '/tmp/u', None)
    >>> load_config(["--max-nodes", "lots"], env={})
    Traceback (most recent call last):
    ...
    silkgraph.views.config.ConfigError: --max-nodes must be a whole number from 10 to 5000, not 'lots'
    """
    env = os.environ if env is None else env
    args, _unknown = _parser().parse_known_args(list(argv))
    graph = args.graph or env.get("SILKGRAPH_GRAPH") or None
    seeds = args.seeds or env.get("SILKGRAPH_SEEDS") or str(shipped_seeds())
    uploads = args.uploads or env.get("SILKGRAPH_UPLOADS") or str(REPO / "uploads")
    raw_cap = args.max_nodes or env.get("SILKGRAPH_MAX_NODES") or str(DEFAULT_MAX_NODES)
    try:
        cap = int(raw_cap)
    except ValueError:
        cap = -1
    if not 10 <= cap <= 5000:
        raise ConfigError(f"--max-nodes must be a whole number from 10 to 5000, not {raw_cap!r}")
    layout = args.layout or env.get("SILKGRAPH_LAYOUT") or "auto"
    if layout not in LAYOUTS:
        raise ConfigError(f"--layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    return AppConfig(graph_path=Path(graph) if graph else None, seeds_dir=Path(seeds),
                     uploads_dir=Path(uploads), max_nodes=cap, layout=layout)
