"""The graph as the node and relationship CSV files ``neo4j-admin database import`` reads.

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j

Headers use the import tool's typed columns (``id:ID``, ``:LABEL``, ``mentions:int``,
``aliases:string[]`` with its default array delimiter ``;``, ``:START_ID``, ``:END_ID``,
``:TYPE``). A node's label is its schema type (``Country``); a relationship's type is the
edge type upper-cased (``VISITED``), also kept as the property ``relation``. Curated nodes
and edges carry ``curated`` and ``note``; rejected edges are not in the graph, so not here.
Text is UTF-8 without a BOM, one line per row (newlines inside a sentence become spaces).
"""
from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from silkgraph.atomic import atomic_write

NODE_COLUMNS = ("id:ID", ":LABEL", "label", "label_ar", "label_en", "wikidata", "aliases:string[]",
                "mentions:int", "docs:string[]", "first_date", "last_date", "merged:string[]",
                "curated:boolean", "note")
RELATIONSHIP_COLUMNS = (":START_ID", ":END_ID", ":TYPE", "relation", "key", "doc", "date", "evidence",
                        "trigger", "confidence:float", "count:int", "source_title", "source_url",
                        "curated:boolean", "confirmed:boolean", "note")
ARRAY_DELIMITER = ";"


def _text(value: Any) -> str:
    return " ".join(str(value if value is not None else "").split())


def _array(values: Any) -> str:
    """A list attribute (``silkgraph.graph.build.LIST_ATTRS``) as one import-tool array cell."""
    return ARRAY_DELIMITER.join(_text(v).replace(ARRAY_DELIMITER, ",") for v in values or ())


def _bool(value: Any) -> str:
    return "true" if value is True or str(value).lower() == "true" else "false"


def node_rows(G: nx.MultiDiGraph) -> Iterable[list[str]]:
    """One row per node, in ``NODE_COLUMNS`` order."""
    for n, d in G.nodes(data=True):
        yield [str(n), _text(d.get("type")), _text(d.get("label")), _text(d.get("label_ar")),
               _text(d.get("label_en")), _text(d.get("wikidata")), _array(d.get("aliases")),
               str(int(d.get("mentions") or 0)), _array(d.get("docs")), _text(d.get("first_date")),
               _text(d.get("last_date")), _array(d.get("merged")), _bool(d.get("curated")), _text(d.get("note"))]


def relationship_rows(G: nx.MultiDiGraph) -> Iterable[list[str]]:
    """One row per edge, in ``RELATIONSHIP_COLUMNS`` order."""
    for u, v, k, d in G.edges(keys=True, data=True):
        confidence = d.get("confidence")
        yield [str(u), str(v), _text(d.get("type")).upper(), _text(d.get("type")), str(k), _text(d.get("doc")),
               _text(d.get("date")), _text(d.get("evidence")), _text(d.get("trigger")),
               "" if confidence is None else repr(float(confidence)), str(int(d.get("count") or 1)),
               _text(d.get("source_title")), _text(d.get("source_url")), _bool(d.get("curated")),
               _bool(d.get("confirmed")), _text(d.get("note"))]


def write_neo4j(G: nx.MultiDiGraph, folder: str | os.PathLike) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` into ``folder`` (made if missing), atomically.

    >>> import csv, tempfile
    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> nodes, rels = write_neo4j(build_graph(sample_extractions()), tempfile.mkdtemp())
    >>> row = next(csv.DictReader(open(rels, encoding="utf-8")))
    >>> row[":START_ID"], row[":TYPE"], row[":END_ID"]
    ('leader:xi-jinping', 'VISITED', 'country:KZ')
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = folder / "nodes.csv", folder / "relationships.csv"
    for path, header, rows in ((paths[0], NODE_COLUMNS, node_rows(G)),
                               (paths[1], RELATIONSHIP_COLUMNS, relationship_rows(G))):
        with atomic_write(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
    return paths
