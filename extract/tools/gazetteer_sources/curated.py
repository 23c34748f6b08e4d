"""The curated entity tables with no other source: leaders, organisations, initiatives.

Each is ``curated/<file>`` of the gazetteer's entity tables (``extract/data/gazetteer/tables.toml``),
taken as it is after the name checks.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from silkgraph.extract.tools.gazetteer_sources import source

if TYPE_CHECKING:
    from silkgraph.extract.tools.gazetteer_builder import Builder


@source("leaders")
def _leaders(b: Builder) -> None:
    b.load_curated_entities("Leader")


@source("organizations")
def _organizations(b: Builder) -> None:
    b.load_curated_entities("Organization")


@source("initiatives")
def _initiatives(b: Builder) -> None:
    b.load_curated_entities("Initiative")
