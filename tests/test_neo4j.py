"""The Neo4j export: node and relationship CSV files in the shape neo4j-admin import reads."""
from __future__ import annotations

import csv

from silkgraph.graph.build import build_graph
from silkgraph.graph.neo4j import NODE_COLUMNS, RELATIONSHIP_COLUMNS, write_neo4j
from silkgraph.graph.sample import sample_extractions
from silkgraph.schema import schema


def test_neo4j_export_is_ready_for_neo4j_admin_import(tmp_path):
    """nodes.csv and relationships.csv with the import tool's typed headers, one row per node/edge."""
    G = build_graph(sample_extractions())
    nodes_path, rels_path = write_neo4j(G, tmp_path / "neo4j")
    assert not nodes_path.read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM: the import tool reads it as text
    with nodes_path.open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.reader(fh))
    with rels_path.open(encoding="utf-8", newline="") as fh:
        rels = list(csv.reader(fh))
    assert tuple(nodes[0]) == NODE_COLUMNS and tuple(rels[0]) == RELATIONSHIP_COLUMNS
    assert nodes[0][0] == "id:ID" and nodes[0][1] == ":LABEL"
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(nodes) - 1 == G.number_of_nodes() and len(rels) - 1 == G.number_of_edges()
    assert all(len(r) == len(NODE_COLUMNS) for r in nodes) and all(len(r) == len(RELATIONSHIP_COLUMNS) for r in rels)
    ids = [r[0] for r in nodes[1:]]
    assert len(set(ids)) == len(ids)
    assert all(r[0] in ids and r[1] in ids for r in rels[1:])  # every relationship joins two imported nodes
    labels = set(schema().node_types)
    assert {r[1] for r in nodes[1:]} <= labels
    assert {r[2] for r in rels[1:]} <= {t.upper() for t in schema().edge_types}
    typed = dict(zip(NODE_COLUMNS, nodes[1 + ids.index("country:KZ")]))
    assert typed["aliases:string[]"].split(";") == G.nodes["country:KZ"]["aliases"]
    assert int(typed["mentions:int"]) == G.nodes["country:KZ"]["mentions"] and typed["curated:boolean"] == "false"
    for row in rels[1:]:
        r = dict(zip(RELATIONSHIP_COLUMNS, row))
        float(r["confidence:float"]), int(r["count:int"])
        assert r["curated:boolean"] in ("true", "false") and "\n" not in r["evidence"]
