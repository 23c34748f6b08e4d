"""Export downloads: the bytes of a graph written by ``silkgraph.graph.export.write_graph``."""
from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx

from silkgraph.graph.export import write_graph

FORMATS = (  # suffix, button label, MIME type
    (".graphml", "GraphML", "application/graphml+xml"),
    (".gexf", "GEXF", "application/xml"),
    (".json", "JSON (node-link)", "application/json"),
    (".csv", "CSV edges + evidence", "text/csv"),
)


def export_bytes(G: nx.MultiDiGraph, suffix: str) -> bytes:
    """``G`` in the format of ``suffix`` (.graphml, .gexf, .json, .csv), as bytes.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> export_bytes(build_graph(sample_extractions()), ".csv").decode("utf-8-sig").split(",")[:3]
    ['source', 'source_label_ar', 'source_label_en']
    """
    with tempfile.TemporaryDirectory() as tmp:
        return write_graph(G, Path(tmp) / f"graph{suffix}").read_bytes()
