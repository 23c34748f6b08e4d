"""Exports a researcher can share and open safely (issue 9): no spreadsheet formulas, no invalid
text, no temp file left by a killed or terminated write."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import networkx as nx
import pytest

from silkgraph.graph.build import build_graph
from silkgraph.graph.export import FORMULA_START, read_graph, write_graph
from silkgraph.graph.sample import sample_extractions

HOSTILE = ['=HYPERLINK("http://evil.example","click")', "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1+1", "شي\x00\x07\nجين",
           "لون \ud800 منفرد"]


def hostile_graph() -> nx.MultiDiGraph:
    G = build_graph(sample_extractions())
    u, v, k = next(iter(G.edges(keys=True)))
    for i, value in enumerate(HOSTILE):
        G.add_edge(u, v, key=f"{k}-{i}", type="visited", evidence=value, source_title=value, source_url=value,
                   doc=value, trigger=value, confidence=0.5, count=1)
    G.nodes[u]["label_ar"] = HOSTILE[0]
    G.graph["articles"] = json.dumps({"x": {"title": HOSTILE[-1], "path": "seeds/x.txt"}}, ensure_ascii=False)
    return G


def test_no_csv_cell_starts_with_a_formula_character_or_holds_a_control(tmp_path: Path) -> None:
    out = write_graph(hostile_graph(), tmp_path / "edges.csv")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c.startswith(FORMULA_START + ("\t", "\r"))]
    assert not [c for c in cells if any(ord(ch) < 32 or ord(ch) == 127 for ch in c)]
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in cells and "'@SUM(A1:A9)" in cells
    assert "شي جين" in cells  # the words kept, the control characters gone
    assert "0.5" in cells  # numbers untouched


@pytest.mark.parametrize("suffix", [".json", ".csv", ".graphml", ".gexf"])
def test_a_lone_surrogate_in_a_title_exports_in_every_format(tmp_path: Path, suffix: str) -> None:
    out = write_graph(hostile_graph(), tmp_path / f"g{suffix}")
    out.read_bytes().decode("utf-8-sig")  # valid UTF-8 throughout
    if suffix != ".csv":
        assert read_graph(out).number_of_edges() == hostile_graph().number_of_edges()


def test_a_temp_file_left_by_a_killed_writer_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "g.json"
    dead = tmp_path / ".g.json.4194305.abc12345.tmp"  # above any Linux PID: that writer is gone
    old = tmp_path / ".g.json.k3j4h5g6.tmp"  # the older name without a PID, from hours ago
    fresh = tmp_path / ".g.json.q1w2e3r4.tmp"
    mine = tmp_path / f".g.json.{os.getpid()}.zzz.tmp"  # a write going on in this process
    other = tmp_path / ".other.json.4194305.abc.tmp"
    for p in (dead, old, fresh, mine, other):
        p.write_text("{")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    write_graph(build_graph(sample_extractions()), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["g.json", fresh.name, mine.name, other.name])


def test_sigterm_during_a_write_leaves_no_temp_file(tmp_path: Path) -> None:
    source = write_graph(build_graph(sample_extractions()), tmp_path / "in.graphml")
    out = tmp_path / "out" / "g.graphml"
    script = textwrap.dedent(f"""
        import sys, time
        import networkx as nx

        def slow(G, fh, **kwargs):  # a write that takes long enough to be terminated
            fh.write(b"<graphml")
            fh.flush()
            print("writing", flush=True)
            time.sleep(60)

        nx.write_graphml = slow
        from silkgraph.cli import main
        sys.exit(main(["export", {str(source)!r}, "--out", {str(out)!r}]))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        assert any(out.parent.glob(".g.graphml.*.tmp"))
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
    finally:
        proc.kill()
    stderr = proc.stderr.read()
    assert code == 143 and "terminated" in stderr and "Traceback" not in stderr
    assert list(out.parent.iterdir()) == []
