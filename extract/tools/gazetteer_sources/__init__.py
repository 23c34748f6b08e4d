"""The sources of gazetteer entities, one module each, around a small registry.

A source is a function of the ``Builder`` that adds or changes entity rows; ``@source(name)``
registers it (the functions are private to their modules: the registry is how they are run). ``ORDER`` is the order they run in: a later source sees what the earlier ones
added (cities check their country against the countries, nisba forms come from country names,
NewsFANE organisations skip every name already known).

>>> from silkgraph.extract.tools.gazetteer_sources import sources  # the registry as installed
>>> [name for name, _ in sources()][:3]
['countries', 'regions', 'leaders']
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from silkgraph.extract.tools.gazetteer_builder import Builder

Source = Callable[["Builder"], None]
ORDER = ("countries", "regions", "leaders", "organizations", "initiatives", "cities", "nisba",
         "nisba_names", "newsfane_orgs")
_REGISTRY: dict[str, Source] = {}


def source(name: str) -> Callable[[Source], Source]:
    """Register a source function under ``name`` (one of ``ORDER``)."""
    if name not in ORDER:
        raise ValueError(f"source {name!r} is not in ORDER: {', '.join(ORDER)}")

    def register(fn: Source) -> Source:
        _REGISTRY[name] = fn
        return fn

    return register


def sources() -> list[tuple[str, Source]]:
    """Every registered source, in ``ORDER``."""
    from silkgraph.extract.tools.gazetteer_sources import cities, countries, curated, newsfane_orgs, nisba, regions  # noqa: F401

    missing = [n for n in ORDER if n not in _REGISTRY]
    if missing:
        raise RuntimeError(f"no source registered for {', '.join(missing)}")
    return [(name, _REGISTRY[name]) for name in ORDER]
