"""The ``silkgraph`` command: build, neighbors, path, score, export; exit codes and messages."""
from __future__ import annotations

import csv
import errno
import json
import subprocess
import sys
from pathlib import Path

import pytest

from silkgraph.graph.build import build_graph, graph_articles
from silkgraph.graph.evaluate import load_gold, score
from silkgraph.graph.export import read_graph, write_graph
from silkgraph.graph.query import neighbors_by_type
from silkgraph.graph.sample import sample_extractions
from silkgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "seeds.gold.json"
CORPUS_FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
BODY = "زار الرئيس الصيني شي جين بينغ أستانا والتقى الرئيس الكازاخي قاسم جومارت توكاييف."


def run(capsys, *args) -> tuple[int, str, str]:
    """Run the command in-process: (exit status, stdout, stderr); a user mistake never shows a traceback."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def console_script() -> list[str]:
    script = Path(sys.executable).with_name("silkgraph")
    return [str(script)] if script.exists() else [sys.executable, "-m", "silkgraph.cli"]


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    """The seeds built by the command itself."""
    out = tmp_path_factory.mktemp("seeds") / "graph.graphml"
    assert main(["build", str(SEEDS), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory) -> Path:
    """The hand-annotated sample of the seeds (silkgraph.graph.sample), independent of the extractor."""
    return write_graph(build_graph(sample_extractions()), tmp_path_factory.mktemp("sample") / "sample.graphml")


@pytest.fixture
def mixed_folder(tmp_path) -> Path:
    """Good articles in every format next to bad files."""
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(f"عنوان\nأستانا 17 يونيو 2025 (شينخوا) {BODY}", encoding="utf-8")
    (folder / "sub" / "legacy.txt").write_bytes(f"بكين 3 يونيو 2024 (شينخوا) {BODY}".encode("cp1256"))
    (folder / "feed.jsonl").write_text(
        f'{{"id": "j1", "text": "{BODY}"}}\n{{"id": "j2", "text": \n{{"id": "j3", "text": "{BODY}"}}\n',
        encoding="utf-8")
    (folder / "page.html").write_text(f"<html><body><nav>قائمة</nav><p>{BODY}</p></body></html>", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "empty.md").write_text("  \n", encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    return folder


@pytest.fixture
def no_extraction(monkeypatch):
    """Fail the test if the command gets as far as loading the extractor."""
    import silkgraph.extract.pipeline

    class Refused:
        def __init__(self, *a, **k):
            raise AssertionError("the command should have failed before extracting")

    monkeypatch.setattr(silkgraph.extract.pipeline, "Extractor", Refused)


# --- build ------------------------------------------------------------------------------------


def test_build_seeds_writes_a_graph_and_a_summary(capsys, tmp_path, extractor):
    from silkgraph.corpus import read_corpus

    out = tmp_path / "nested" / "graph.graphml"
    code, stdout, stderr = run(capsys, "build", SEEDS, "--out", out)
    assert code == 0 and stderr == ""
    G = read_graph(out)
    assert set(graph_articles(G)) == {"000_d8d0bccc6eeca408", "001_326f30334e07f93a"}
    built = build_graph(extractor.extract_many(read_corpus([SEEDS]).articles))  # the same, through the library
    assert set(G.nodes) == set(built.nodes) and G.number_of_edges() == built.number_of_edges()
    assert stdout.startswith("read      2 articles")
    assert str(out) in stdout and "words/s" in stdout


def test_build_to_json_gives_lists_for_aliases_and_docs(capsys, tmp_path):
    out = tmp_path / "g.json"
    code, _, stderr = run(capsys, "build", SEEDS, "--out", out)
    assert code == 0 and stderr == ""
    nodes = json.loads(out.read_text(encoding="utf-8"))["nodes"]
    assert nodes and all(isinstance(n["aliases"], list) and isinstance(n["docs"], list) for n in nodes)
    assert {d for n in nodes for d in n["docs"]} == {"000_d8d0bccc6eeca408", "001_326f30334e07f93a"}


def test_build_json_summary(capsys, tmp_path):
    out = tmp_path / "g.json"
    code, stdout, _ = run(capsys, "build", SEEDS, "--out", out, "--json-summary")
    assert code == 0
    summary = json.loads(stdout)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in SEEDS.glob("*.txt"))
    assert (summary["articles"], summary["words"], summary["output"]) == (2, words, str(out))
    G = read_graph(out)
    assert summary["entities"] == G.number_of_nodes() == sum(summary["entities_by_type"].values())
    assert summary["edges"] == G.number_of_edges() == sum(summary["edges_by_type"].values())
    assert summary["skipped"] == [] and summary["words_per_second"] > 0


def test_build_default_paths(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(BODY, encoding="utf-8")
    code, stdout, _ = run(capsys, "build")
    assert code == 0
    assert (tmp_path / "out" / "graph.graphml").is_file()
    assert "out/graph.graphml" in stdout


def test_build_reads_good_files_and_names_the_bad_ones(capsys, tmp_path, mixed_folder):
    out = tmp_path / "graph.graphml"
    code, stdout, stderr = run(capsys, "build", mixed_folder, tmp_path / "absent", "--out", out, "--json-summary")
    assert code == 0
    summary = json.loads(stdout)
    assert summary["articles"] == 5
    assert set(graph_articles(read_graph(out))) == {"good", "legacy", "j1", "j3", "page"}
    for bad in ("scan.txt", "empty.md", "report.pdf", "feed.jsonl:2", "absent"):
        assert bad in stderr
    skipped = {Path(p["path"]).name + (f":{p['line']}" if p["line"] else ""): p["message"] for p in summary["skipped"]}
    assert skipped["scan.txt"].startswith("binary file")
    assert skipped["empty.md"] == "empty file"
    assert skipped["report.pdf"].startswith("unsupported extension")
    assert skipped["feed.jsonl:2"].startswith("malformed JSON")
    assert skipped["absent"] == "no such file or folder"
    assert [Path(p["path"]).name for p in summary["notes"]] == ["legacy.txt"]


def test_build_text_summary_lists_skipped_files_and_why(capsys, tmp_path, mixed_folder):
    code, stdout, _ = run(capsys, "build", mixed_folder, "--out", tmp_path / "g.graphml")
    assert code == 0
    skipped_line = next(line for line in stdout.splitlines() if line.startswith("skipped"))
    assert "scan.txt (binary file" in skipped_line and "empty.md (empty file)" in skipped_line
    assert any(line.startswith("notes") and "Windows-1256" in line for line in stdout.splitlines())


def test_text_summary_names_the_first_problems_and_counts_the_rest(capsys, tmp_path):
    folder = tmp_path / "many-bad"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    for i in range(12):
        (folder / f"bad{i:02d}.txt").write_text("", encoding="utf-8")
    code, stdout, stderr = run(capsys, "build", folder, "--out", tmp_path / "g.graphml")
    assert code == 0
    assert len([line for line in stderr.splitlines() if "empty file" in line]) == 12  # stderr names every one
    skipped_line = next(line for line in stdout.splitlines() if line.startswith("skipped"))
    assert skipped_line.startswith("skipped   12: ") and skipped_line.count("(empty file)") == 10
    assert skipped_line.endswith("… and 2 more (--json-summary lists all)")


def test_build_with_nothing_readable_exits_1_and_writes_nothing(capsys, tmp_path, no_extraction):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "x.docx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out" / "graph.graphml"
    code, stdout, stderr = run(capsys, "build", folder, "--out", out)
    assert code == 1 and stdout == ""
    assert "empty.txt" in stderr and "x.docx" in stderr
    assert stderr.strip().splitlines()[-1] == f"silkgraph: error: no article could be read from {folder} (2 skipped, see above)"
    assert not out.exists()


def test_a_failed_build_leaves_an_existing_output_as_it_was(capsys, tmp_path, no_extraction):
    out = tmp_path / "graph.graphml"
    out.write_text("earlier graph", encoding="utf-8")
    code, _, _ = run(capsys, "build", tmp_path / "nothing-here", "--out", out)
    assert code == 1
    assert out.read_text(encoding="utf-8") == "earlier graph"


def test_unsupported_output_format_fails_before_extracting(capsys, tmp_path, no_extraction):
    code, _, stderr = run(capsys, "build", SEEDS, "--out", tmp_path / "graph.png")
    assert code == 2
    assert "unsupported format '.png'" in stderr and ".graphml, .gexf, .json, .csv" in stderr
    assert not (tmp_path / "graph.png").exists()


def test_output_under_a_file_fails_before_extracting(capsys, tmp_path, no_extraction):
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _, stderr = run(capsys, "build", SEEDS, "--out", blocker / "graph.graphml")
    assert code == 1
    assert stderr.strip() == f"silkgraph: error: cannot write '{blocker / 'graph.graphml'}': '{blocker}' is not a folder"


def test_a_write_that_fails_midway_leaves_no_partial_file(capsys, tmp_path, monkeypatch):
    import silkgraph.graph.export

    def full_disk(G, fh, **kwargs):
        fh.write(b"<?xml version='1.0'?><graphml>")  # half a file, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(silkgraph.graph.export.nx, "write_graphml", full_disk)
    out = tmp_path / "graph.graphml"
    out.write_text("earlier graph", encoding="utf-8")
    code, _, stderr = run(capsys, "build", SEEDS, "--out", out)
    assert code == 1
    assert stderr.strip() == f"silkgraph: error: cannot write '{out}': No space left on device"
    assert out.read_text(encoding="utf-8") == "earlier graph"
    # no temp file left behind; the corpus store beside the output keeps the extractions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.graphml", "graph.sqlite"]


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json", ".csv"])
def test_build_writes_each_format(capsys, tmp_path, seeds_graph, suffix):
    out = tmp_path / f"graph{suffix}"
    code, _, _ = run(capsys, "build", SEEDS, "--out", out)
    assert code == 0
    reference = read_graph(seeds_graph)
    if suffix == ".csv":
        with open(out, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
        assert len(rows) == reference.number_of_edges()
        assert {"source", "type", "target", "evidence"} <= set(reader.fieldnames)
    else:
        G = read_graph(out)
        assert sorted(G.nodes) == sorted(reference.nodes)
        assert G.number_of_edges() == reference.number_of_edges()


@pytest.mark.parametrize("flag, shown", [("--progress", True), ("--no-progress", False)])
def test_progress_bar_on_stderr(capsys, tmp_path, flag, shown):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(8):
        (folder / f"a{i}.txt").write_text(BODY, encoding="utf-8")
    code, _, stderr = run(capsys, "build", folder, "--out", tmp_path / "g.graphml", flag)
    assert code == 0
    assert ("extracting" in stderr and "8/8" in stderr) is shown


# --- neighbors --------------------------------------------------------------------------------


def test_neighbors_of_kazakhstan_on_the_seeds_lists_tokayev(capsys, seeds_graph):
    code, stdout, _ = run(capsys, "neighbors", "Kazakhstan", "--graph", seeds_graph)
    assert code == 0
    assert stdout.splitlines()[0].startswith("Kazakhstan")
    assert "←leads— Kassym-Jomart Tokayev · قاسم جومارت توكاييف (leader:kassym-jomart-tokayev)" in stdout
    assert "«" in stdout  # evidence sentences


def test_neighbors_json_any_spelling(capsys, seeds_graph):
    code, english, _ = run(capsys, "neighbors", "Kazakhstan", "--graph", seeds_graph, "--json")
    assert code == 0
    for spelling in ("كازاخستان", "قازاقستان"):
        code, arabic, _ = run(capsys, "neighbors", spelling, "--graph", seeds_graph, "--json")
        assert code == 0 and json.loads(arabic) == json.loads(english)
    data = json.loads(english)
    assert data["entity"]["type"] == "Country"
    neighbours = [item for items in data["neighbors"].values() for item in items]
    assert any("Tokayev" in item["label_en"] for item in neighbours)
    for item in neighbours:
        assert item["edges"] and all(edge["evidence"] and edge["doc"] for edge in item["edges"])


def test_neighbors_grouped_by_type_with_evidence_doc_and_date(capsys, sample_graph):
    code, stdout, _ = run(capsys, "neighbors", "Kazakhstan", "--graph", sample_graph)
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0] == "Kazakhstan · كازاخستان (country:KZ) [Country]"
    groups = [line.split(" ")[0] for line in lines if line and not line.startswith(" ") and line != lines[0]]
    assert groups == ["visited", "leads"]
    assert any("Tokayev" in line and "leader:tokayev" in line for line in lines)
    evidence = [line.strip() for line in lines if line.strip().startswith("«")]
    groups = neighbors_by_type(read_graph(sample_graph), "country:KZ")
    expected = [(e["evidence"], e["doc"], e["date"]) for items in groups.values() for item in items for e in item["edges"]]
    assert evidence == [f"«{sentence}» ({doc}, {date})" for sentence, doc, date in expected]


def test_neighbors_types_filter(capsys, sample_graph):
    code, stdout, _ = run(capsys, "neighbors", "Kazakhstan", "--graph", sample_graph, "--types", "leads", "--json")
    assert code == 0
    assert list(json.loads(stdout)["neighbors"]) == ["leads"]
    code, _, stderr = run(capsys, "neighbors", "Kazakhstan", "--graph", sample_graph, "--types", "visited,invades")
    assert code == 2
    assert "unknown edge type(s) invades; known: " in stderr and "visited" in stderr


def test_neighbors_unknown_entity_gives_suggestions(capsys, sample_graph):
    code, stdout, stderr = run(capsys, "neighbors", "Tokayv", "--graph", sample_graph)
    assert code == 1 and stdout == ""
    assert stderr.startswith("silkgraph: error: no entity matches 'Tokayv' in the graph; did you mean: ")
    assert stderr.strip().endswith("Tokayev · قاسم جومارت توكاييف (leader:tokayev)?")
    code, _, stderr = run(capsys, "neighbors", "Atlantis", "--graph", sample_graph)
    assert code == 1 and "no entity matches 'Atlantis'" in stderr


def test_missing_graph_says_to_build_first(capsys, tmp_path):
    missing = tmp_path / "none.graphml"
    for args in (["neighbors", "Kazakhstan"], ["path", "Kazakhstan", "Tajikistan"], ["export", missing]):
        code, _, stderr = run(capsys, *args, *(["--graph", missing] if args[0] != "export" else ["--out", tmp_path / "x.json"]))
        assert code == 1
        assert stderr.strip() == f"silkgraph: error: no graph at {missing}; run `silkgraph build` first"


def test_unreadable_graph_file_is_a_clear_error(capsys, tmp_path):
    broken = tmp_path / "broken.graphml"
    broken.write_text("<graphml><node", encoding="utf-8")
    code, _, stderr = run(capsys, "neighbors", "Kazakhstan", "--graph", broken)
    assert code == 1 and "is not a readable graphml graph" in stderr


# --- path -------------------------------------------------------------------------------------


def test_path_kazakhstan_to_tajikistan_on_the_seeds(capsys, seeds_graph):
    code, stdout, _ = run(capsys, "path", "كازاخستان", "طاجيكستان", "--graph", seeds_graph)
    assert code == 0
    assert stdout.startswith("path 1 (")
    code, stdout, _ = run(capsys, "path", "كازاخستان", "طاجيكستان", "--graph", seeds_graph, "--json")
    data = json.loads(stdout)
    assert data["paths"]
    for path in data["paths"]:
        assert path[0]["from"] == data["source"] and path[-1]["to"] == data["target"]
        assert all(hop["evidence"] for hop in path)
        assert all(a["to"] == b["from"] for a, b in zip(path, path[1:]))


def test_path_hop_by_hop_with_evidence(capsys, sample_graph):
    code, stdout, _ = run(capsys, "path", "Kazakhstan", "طاجيكستان", "--graph", sample_graph, "--k", "2")
    assert code == 0
    lines = stdout.splitlines()
    assert [line for line in lines if line.startswith("path")] == ["path 1 (2 hops)", "path 2 (3 hops)"]
    assert lines[1] == "  Kazakhstan · كازاخستان (country:KZ) ←visited— Xi Jinping · شي جين بينغ (leader:xi-jinping)"
    assert lines[2].startswith("      «") and lines[2].endswith(")")


def test_path_none_within_max_hops(capsys, sample_graph):
    code, stdout, _ = run(capsys, "path", "Putin", "Turkey", "--graph", sample_graph, "--max-hops", "3")
    assert code == 1
    assert stdout.strip() == ("no path between Vladimir Putin · بوتين (leader:putin) and Turkey · تركيا (country:TR) "
                              "within 3 hops")
    code, stdout, _ = run(capsys, "path", "Putin", "Turkey", "--graph", sample_graph, "--max-hops", "4")
    assert code == 0 and "path 1 (4 hops)" in stdout


def test_path_filters(capsys, sample_graph):
    code, stdout, _ = run(capsys, "path", "Kazakhstan", "Tajikistan", "--graph", sample_graph, "--types", "leads,met,visited",
                          "--json")
    assert code == 0
    assert {hop["type"] for path in json.loads(stdout)["paths"] for hop in path} <= {"leads", "met", "visited"}
    code, stdout, _ = run(capsys, "path", "Kazakhstan", "Tajikistan", "--graph", sample_graph, "--to", "2001-01-01")
    assert code == 1 and stdout.strip().endswith("within 4 hops with these filters")


def test_path_takes_years_and_months_as_date_bounds(capsys, sample_graph):
    # the sample's Kazakhstan-Tajikistan path runs over edges dated 2024-07-06
    code, stdout, _ = run(capsys, "path", "Kazakhstan", "Tajikistan", "--graph", sample_graph, "--from", "2024",
                          "--to", "2024-07", "--json")
    assert code == 0 and json.loads(stdout)["paths"]
    code, stdout, _ = run(capsys, "path", "Kazakhstan", "Tajikistan", "--graph", sample_graph, "--to", "2024-06")
    assert code == 1 and stdout.strip().endswith("with these filters")
    # August 2024 lies inside the year 2024: not "after" it, just later than those edges
    code, stdout, stderr = run(capsys, "path", "Kazakhstan", "Tajikistan", "--graph", sample_graph, "--from", "2024-08",
                               "--to", "2024")
    assert code == 1 and "is after" not in stderr and stdout.strip().endswith("with these filters")


@pytest.mark.parametrize("args, message", [
    (["--from", "2025-13"], "argument --from: '2025-13' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    (["--from", "2026", "--to", "2025-06"], "--from 2026 is after --to 2025-06"),
    (["--from", "2025-13-01"], "argument --from: '2025-13-01' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    (["--k", "0"], "argument --k: '0' must be at least 1"),
    (["--max-hops", "two"], "argument --max-hops: 'two' is not a whole number"),
    (["--from", "2025-06-01", "--to", "2025-01-01"], "--from 2025-06-01 is after --to 2025-01-01"),
])
def test_path_usage_errors_exit_2(capsys, sample_graph, args, message):
    code, _, stderr = run(capsys, "path", "Kazakhstan", "Tajikistan", "--graph", sample_graph, *args)
    assert code == 2
    assert message in stderr


def test_path_to_itself(capsys, sample_graph):
    code, _, stderr = run(capsys, "path", "Kazakhstan", "قازاقستان", "--graph", sample_graph)
    assert code == 1 and "are the same entity (country:KZ)" in stderr


# --- score and export -------------------------------------------------------------------------


def test_score_against_the_dev_set(capsys, sample_graph):
    code, stdout, _ = run(capsys, "score", GOLD, sample_graph, "--json")
    assert code == 0
    result = json.loads(stdout)
    expected = score(load_gold(GOLD), read_graph(sample_graph))
    assert result["entity_recall"] == expected["entity_recall"] and result["nodes"] == expected["nodes"]
    code, stdout, _ = run(capsys, "score", GOLD, sample_graph)
    assert code == 0 and stdout.startswith("entities ")


def test_score_bad_inputs(capsys, tmp_path, sample_graph):
    code, _, stderr = run(capsys, "score", tmp_path / "gold.json", sample_graph)
    assert code == 1 and "no such gold file" in stderr
    not_gold = tmp_path / "not-gold.json"
    not_gold.write_text("[1, 2", encoding="utf-8")
    code, _, stderr = run(capsys, "score", not_gold, sample_graph)
    assert code == 1 and str(not_gold) in stderr


@pytest.mark.parametrize("suffix", [".gexf", ".json", ".csv", ".graphml"])
def test_export_converts_between_formats(capsys, tmp_path, sample_graph, suffix):
    out = tmp_path / f"converted{suffix}"
    code, stdout, _ = run(capsys, "export", sample_graph, "--out", out)
    assert code == 0
    G = read_graph(sample_graph)
    assert stdout.strip() == f"wrote {out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)"
    if suffix != ".csv":
        H = read_graph(out)
        assert sorted(H.nodes) == sorted(G.nodes) and H.number_of_edges() == G.number_of_edges()


def test_export_bad_formats(capsys, tmp_path, sample_graph):
    code, _, stderr = run(capsys, "export", sample_graph, "--out", tmp_path / "g.xlsx")
    assert code == 2 and "unsupported format '.xlsx'" in stderr
    edges = tmp_path / "edges.csv"
    assert run(capsys, "export", sample_graph, "--out", edges)[0] == 0
    code, _, stderr = run(capsys, "export", edges, "--out", tmp_path / "g.graphml")
    assert code == 1 and "a CSV export holds only edges" in stderr


# --- usage ------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["path", "Kazakhstan"], ["export", "g.graphml"]])
def test_usage_errors_exit_2(capsys, args):
    code, _, stderr = run(capsys, *args)
    assert code == 2 and "usage: silkgraph" in stderr


def test_help_exits_0(capsys):
    code, stdout, _ = run(capsys, "--help")
    assert code == 0 and "build" in stdout and "neighbors" in stdout


# --- the installed console script -------------------------------------------------------------


def test_console_script_builds_and_answers(tmp_path, mixed_folder):
    out = tmp_path / "graph.graphml"
    done = subprocess.run([*console_script(), "build", str(mixed_folder), "--out", str(out), "--json-summary"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"] == 5
    assert "scan.txt" in done.stderr and "Traceback" not in done.stderr
    assert set(graph_articles(read_graph(out))) == {"good", "legacy", "j1", "j3", "page"}
    done = subprocess.run([*console_script(), "neighbors", "Atlantis", "--graph", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.startswith("silkgraph: error: no entity matches 'Atlantis'")
    assert "Traceback" not in done.stderr
    done = subprocess.run([*console_script(), "build", str(mixed_folder), "--out", str(tmp_path / "g.svg")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_console_script_in_a_non_utf8_locale_prints_escapes_not_a_traceback(sample_graph):
    import os

    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run([*console_script(), "neighbors", "كازاخستان", "--graph", str(sample_graph)],
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert b"\\u0643\\u0627\\u0632\\u0627\\u062e\\u0633\\u062a\\u0627\\u0646 (country:KZ)" in done.stdout
    assert b"Traceback" not in done.stderr


def test_score_explain_lists_each_miss_with_its_sentence(capsys, tmp_path):
    G = build_graph(sample_extractions())
    intact = write_graph(G, tmp_path / "intact.graphml")
    tokayev = next(n for n, d in G.nodes(data=True) if d.get("label_en") == "Kassym-Jomart Tokayev")
    G.remove_node(tokayev)
    G.add_node("leader:will", type="Leader", label_ar="سوف", docs="000_d8d0bccc6eeca408")
    damaged = write_graph(G, tmp_path / "damaged.graphml")

    def explained(graph: Path) -> dict:
        code, stdout, _ = run(capsys, "score", GOLD, graph, "--explain", "--texts", SEEDS, "--docs", "000", "--json")
        assert code == 0
        [doc] = json.loads(stdout)
        return doc

    before, after = explained(intact), explained(damaged)
    assert after["doc"] == "000"
    [missed] = [m for m in after["missing_entities"] if m["key"] == "tokayev"]
    assert "توكاييف" in missed["sentence"]
    lost = {m["relation"] for m in after["missing_relations"]} - {m["relation"] for m in before["missing_relations"]}
    assert "leads tokayev kazakhstan" in lost and all("tokayev" in r for r in lost)
    assert [m["node"] for m in after["unmatched_nodes"]] == ["Leader:سوف"]
    code, stdout, _ = run(capsys, "score", GOLD, damaged, "--explain", "--texts", SEEDS)
    assert code == 0 and stdout.count("== ") == 2 and "missed entity   Leader tokayev" in stdout


def test_score_of_some_documents_names_only_their_misses(capsys, tmp_path):
    G = build_graph(sample_extractions())
    tokayev = next(n for n, d in G.nodes(data=True) if d.get("label_en") == "Kassym-Jomart Tokayev")
    G.remove_node(tokayev)  # the seed article 000 loses him; 001 does not name him
    damaged = write_graph(G, tmp_path / "damaged.graphml")
    gold = json.loads(Path(GOLD).read_text(encoding="utf-8"))
    only_001 = {r[0] for r in gold["relations"]["core"] if r[3] == "001"} | {r[2] for r in gold["relations"]["core"] if r[3] == "001"}

    def scored(*docs: str) -> dict:
        code, stdout, _ = run(capsys, "score", GOLD, damaged, "--texts", SEEDS, *docs, "--json")
        assert code == 0
        return json.loads(stdout)

    whole, part = scored(), scored("--docs", "001")
    assert any("tokayev" in r for r in whole["missing_relations"])
    assert not any("tokayev" in r for r in part["missing_relations"])
    assert all(set(r.split()[1:]) <= only_001 for r in part["missing_relations"])
    assert part["relations_found"] != whole["relations_found"]


def test_score_explain_needs_the_texts(capsys, tmp_path, sample_graph):
    code, _, stderr = run(capsys, "score", GOLD, sample_graph, "--explain")
    assert code == 1 and "--texts" in stderr
    code, _, stderr = run(capsys, "score", GOLD, sample_graph, "--explain", "--texts", SEEDS, "--docs", "007")
    assert code == 1 and "not gold documents: 007" in stderr
