"""silkgraph: Arabic news about China and Central Asia, as a typed knowledge graph."""

__version__ = "0.1.0"
