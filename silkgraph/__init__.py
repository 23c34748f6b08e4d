"""silkgraph: Arabic news about China and Central Asia, as a typed knowledge graph."""
from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"


def shipped_seeds() -> Path:
    """The seed articles that come with silkgraph: ``silkgraph/seeds`` in an installed package,
    ``seeds/`` at the top of a checkout.

    >>> sorted(p.suffix for p in shipped_seeds().iterdir())[:1]
    ['.txt']
    """
    here = Path(__file__).resolve().parent
    installed, checkout = here / "seeds", here.parent / "seeds"
    return installed if installed.is_dir() else checkout
