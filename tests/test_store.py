"""The corpus store: extractions kept per (article hash, extractor version), incremental and
parallel builds, the extractor version derived from code and data, the Dask build."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import networkx as nx
import pytest

from silkgraph.graph.build import build_graph, graph_articles
from silkgraph.graph.export import read_graph
from silkgraph import buildrun, codeversion
from silkgraph.cli import main
from silkgraph.records import Article
from silkgraph.store import Store, StoreError, article_hash, records_from_json, records_json

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

# sentences written for these tests
TEXTS = {
    "visit": "أستانا 3 مارس 2025 (شينخوا) وصل الرئيس الصيني شي جين بينغ إلى أستانا في زيارة رسمية، "
             "واستقبله الرئيس الكازاخي قاسم جومارت توكاييف.",
    "rail": "وقعت الصين وقيرغيزستان وأوزبكستان اتفاقية لبناء خط سكة حديد يربط الدول الثلاث.",
    "premier": "التقى رئيس مجلس الدولة الصيني لي تشيانغ رئيس وزراء طاجيكستان في دوشنبه لبحث التعاون الاقتصادي.",
    "beijing": "زار الرئيس توكاييف بكين والتقى الرئيس شي.",
}
NEW_TEXT = "وصل الرئيس الأوزبكي شوكت ميرضيائيف إلى بكين حيث التقى الرئيس الصيني شي جين بينغ."


def graph_data(G: nx.MultiDiGraph) -> tuple:
    """Everything a graph holds, comparable with ==."""
    return (sorted((n, sorted(d.items())) for n, d in G.nodes(data=True)),
            sorted((u, v, k, sorted(d.items())) for u, v, k, d in G.edges(keys=True, data=True)),
            G.graph.get("articles"))


def write_corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def build_json(capsys, *args) -> dict:
    assert main(["build", *map(str, args), "--json-summary", "--no-progress"]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return json.loads(out)


# --- the store ------------------------------------------------------------------------------


def test_extractions_round_trip_through_the_store(extractor, seed_articles):
    """Real extractions (trimmed sentences, aliases, NER mentions) come back equal."""
    found = list(extractor.extract_many(seed_articles))
    with Store(":memory:") as store:
        store.sync_articles(seed_articles)
        assert store.put_extractions("v", found) == len(found)
        back = list(store.extractions("v"))
    assert back == found
    for ex in found:
        assert records_from_json(records_json(ex), ex.article) == ex


def test_store_file_is_sqlite_in_wal_mode(tmp_path):
    path = tmp_path / "corpus.sqlite"
    with Store(path) as store:
        store.sync_articles([Article("a", TEXTS["rail"])])
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} >= {
        "articles", "extractions", "curation", "meta"}
    row = db.execute("SELECT doc_id, hash, origin, text FROM articles").fetchone()
    assert row == ("a", article_hash(Article("a", TEXTS["rail"])), "corpus", TEXTS["rail"])


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database at all, just words " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open store"):
        Store(bad)


def test_sync_reports_new_changed_removed_and_keeps_uploads():
    with Store(":memory:") as store:
        store.sync_articles([Article("a", "نص أ"), Article("b", "نص ب")])
        store.add_articles([Article("up", "نص مرفوع")])
        sync = store.sync_articles([Article("b", "نص ب معدل"), Article("c", "نص ج"), Article("a", "نص أ", title="t")])
        assert (sync.new, sync.changed, sync.removed, sync.unchanged) == (["c"], ["b"], [], ["a"])
        sync = store.sync_articles([Article("c", "نص ج")])
        assert sync.removed == ["a", "b"]
        # the upload is not the corpus's to remove; it follows the corpus
        assert [a.doc_id for a in store.articles()] == ["c", "up"]


def test_curation_log_undo_marks_entries():
    with Store(":memory:") as store:
        first = store.log_append("delete", {"node": "x"})
        store.log_append("delete", {"node": "y"})
        assert store.log_undo(0) == [] and store.log_undo(-1) == []  # nothing, not everything
        assert [e.id for e in store.log_undo(1)] == [first.id + 1]
        assert [(e.args["node"], e.undone) for e in store.log()] == [("x", False), ("y", True)]
        assert [e.args["node"] for e in store.log(include_undone=False)] == ["x"]


# --- the extractor version --------------------------------------------------------------------


def test_extractor_version_follows_the_modules_imported_and_their_data(tmp_path, monkeypatch):
    pkg = tmp_path / "pkg"
    (pkg / "data").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "pipeline.py").write_text("import json\nfrom pkg.rules import RULES\nfrom . import helpers\n",
                                     encoding="utf-8")
    (pkg / "rules.py").write_text("RULES = 1\n", encoding="utf-8")
    (pkg / "helpers.py").write_text("X = 1\n", encoding="utf-8")
    (pkg / "unrelated.py").write_text("Y = 1\n", encoding="utf-8")
    (pkg / "data" / "triggers.tsv").write_text("زار\tvisited\n", encoding="utf-8")
    (pkg / "tools").mkdir()  # a subpackage the pipeline does not import, with data of its own
    (pkg / "tools" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "tools" / "sources.toml").write_text("a = 1\n", encoding="utf-8")
    monkeypatch.setattr(codeversion, "_root", lambda: tmp_path)

    v1 = codeversion.extractor_version("pkg.pipeline")
    assert {"pkg/__init__.py", "pkg/pipeline.py", "pkg/rules.py", "pkg/helpers.py",
            "pkg/data/triggers.tsv"} <= set(v1.parts)
    assert "pkg/unrelated.py" not in v1.parts and "pkg/tools/sources.toml" not in v1.parts
    (pkg / "unrelated.py").write_text("Y = 2\n", encoding="utf-8")
    assert codeversion.extractor_version("pkg.pipeline").id == v1.id
    (pkg / "data" / "triggers.tsv").write_text("زار\tvisited\nوصل\tvisited\n", encoding="utf-8")
    v2 = codeversion.extractor_version("pkg.pipeline")
    assert v2.id != v1.id and v2.changes(v1.parts) == ["pkg/data/triggers.tsv"]
    (pkg / "helpers.py").write_text("X = 2\n", encoding="utf-8")
    assert codeversion.extractor_version("pkg.pipeline").changes(v2.parts) == ["pkg/helpers.py"]


def test_the_real_extractor_version_covers_rules_lexicon_config_and_model():
    parts = codeversion.extractor_version().parts
    assert {"extract/pipeline.py", "extract/relations.py", "extract/pipeline.cfg",
            "extract/data/lexicon/triggers.tsv", "silkgraph/schema.toml", "library spacy"} <= set(parts)
    assert any(p.startswith("extract/models/ner/") for p in parts)
    assert not any(p.startswith(("tests/", "graph/", "app.py", "silkgraph/cli")) for p in parts)


def test_the_extractor_version_is_read_without_importing_the_pipeline():
    # ``from silkgraph.extract.x import name`` must not make it import silkgraph.extract.x (and spaCy)
    # to look for a submodule ``name``: an unchanged rebuild never loads the pipeline
    import subprocess
    import sys

    code = ("import sys; from silkgraph.codeversion import extractor_version; v = extractor_version(); "
            "print(len(v.parts), sorted(m for m in sys.modules if m == 'spacy' or m.startswith('silkgraph.extract.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    count, imported = out.split(" ", 1)
    assert int(count) == len(codeversion.extractor_version().parts) and imported.strip() == "[]"


# --- incremental builds -----------------------------------------------------------------------


def test_build_through_the_store_gives_the_graph_of_a_direct_extraction(extractor, seed_articles):
    with Store(":memory:") as store:
        report = buildrun.build(seed_articles, store)
    assert graph_data(report.graph) == graph_data(build_graph(extractor.extract_many(seed_articles)))


def test_incremental_builds_extract_only_new_and_changed_articles(capsys, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", TEXTS)
    out = tmp_path / "out" / "graph.graphml"
    s = build_json(capsys, corpus, "--out", out)
    assert (s["extracted"], s["from_store"], s["new"], s["reason"]) == (4, 0, 4, "a new store")
    assert s["store"] == str(tmp_path / "out" / "graph.sqlite")
    cold = out.read_bytes()

    s = build_json(capsys, corpus, "--out", out)
    assert (s["extracted"], s["from_store"], s["reason"]) == (0, 4, "")
    assert out.read_bytes() == cold  # same command, same output

    (corpus / "new.txt").write_text(NEW_TEXT, encoding="utf-8")
    (corpus / "rail.txt").write_text(TEXTS["rail"] + " وقالت وزارة الخارجية إن الخط سيفتتح قريبا.", encoding="utf-8")
    s = build_json(capsys, corpus, "--out", out)
    assert (s["extracted"], s["from_store"], s["new"], s["changed"]) == (2, 3, 1, 1)
    assert s["reason"] == ""  # the counts say it all
    assert "new" in graph_articles(read_graph(out))

    (corpus / "premier.txt").unlink()
    s = build_json(capsys, corpus, "--out", out)
    assert (s["extracted"], s["removed"]) == (0, 1)
    G = read_graph(out)
    assert "premier" not in graph_articles(G)
    assert "leader:li-qiang" not in G  # only that article named him
    assert all(d["doc"] != "premier" for *_, d in G.edges(data=True))

    # the same corpus built from scratch gives the same graph
    fresh = tmp_path / "fresh" / "graph.graphml"
    build_json(capsys, corpus, "--out", fresh)
    assert graph_data(read_graph(fresh)) == graph_data(G)


def test_a_changed_extractor_re_extracts_and_says_why(capsys, tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", TEXTS)
    out = tmp_path / "graph.graphml"
    build_json(capsys, corpus, "--out", out)
    real_hash = codeversion._file_hash
    monkeypatch.setattr(codeversion, "_file_hash", lambda p: "edited" if p.name == "triggers.tsv" else real_hash(p))
    s = build_json(capsys, corpus, "--out", out)
    assert s["extracted"] == 4 and s["from_store"] == 0
    assert s["reason"] == "the extractor changed: extract/data/lexicon/triggers.tsv"
    assert main(["build", str(corpus), "--out", str(out), "--no-progress"]) == 0
    assert "store     " in capsys.readouterr().out  # the text summary has the store line


def test_the_summary_line_names_extracted_and_stored(capsys, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", TEXTS)
    out = tmp_path / "graph.graphml"
    main(["build", str(corpus), "--out", str(out), "--store", str(tmp_path / "my.sqlite"), "--no-progress"])
    first = capsys.readouterr().out
    assert f"store     {tmp_path / 'my.sqlite'}: extracted 4, 0 from the store, 4 new (a new store)" in first
    main(["build", str(corpus), "--out", str(out), "--store", str(tmp_path / "my.sqlite"), "--no-progress"])
    assert f"store     {tmp_path / 'my.sqlite'}: extracted 0, 4 from the store\n" in capsys.readouterr().out


def test_an_unchanged_rebuild_leaves_the_output_as_it_was_and_any_change_writes_it(capsys, tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", TEXTS)
    out = tmp_path / "out" / "graph.graphml"
    first = build_json(capsys, corpus, "--out", out)
    assert first["written"]
    cold, stamp = out.read_bytes(), out.stat().st_mtime_ns

    again = build_json(capsys, corpus, "--out", out)
    assert not again["written"] and out.stat().st_mtime_ns == stamp and out.read_bytes() == cold
    counts = ("entities", "entities_by_type", "edges", "edges_by_type")
    assert {k: again[k] for k in counts} == {k: first[k] for k in counts}
    assert main(["build", str(corpus), "--out", str(out), "--no-progress"]) == 0
    assert f"unchanged {out}: the same graph, left as it was" in capsys.readouterr().out

    out.write_bytes(cold + b"<!-- edited -->")  # the file is not what the build wrote: written again
    assert build_json(capsys, corpus, "--out", out)["written"] and out.read_bytes() == cold
    out.unlink()
    assert build_json(capsys, corpus, "--out", out)["written"] and out.read_bytes() == cold

    other = tmp_path / "out" / "graph.json"  # another output of the same store has its own record
    assert build_json(capsys, corpus, "--out", other, "--store", tmp_path / "out" / "graph.sqlite")["written"]
    assert not build_json(capsys, corpus, "--out", out)["written"]

    assert main(["curate", "rename", "Tokayev", "--en", "K.-J. Tokayev", "--out", str(out)]) == 0
    capsys.readouterr()
    curated = out.read_bytes()
    s = build_json(capsys, corpus, "--out", out)  # the log changed: the graph is made again
    assert s["written"] and out.read_bytes() == curated != cold

    (corpus / "premier.txt").unlink()
    s = build_json(capsys, corpus, "--out", out)
    assert s["written"] and s["removed"] == 1 and s["edges"] < first["edges"]

    real_hash = codeversion._file_hash  # the code that makes or writes the graph changed
    monkeypatch.setattr(codeversion, "_file_hash", lambda p: "edited" if p.name == "export.py" else real_hash(p))
    s = build_json(capsys, corpus, "--out", out)
    assert s["written"] and s["extracted"] == 0


def test_remembered_imports_follow_an_edited_module(tmp_path, monkeypatch):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "pipeline.py").write_text("from pkg import rules\n", encoding="utf-8")
    (pkg / "rules.py").write_text("RULES = 1\n", encoding="utf-8")
    (pkg / "more.py").write_text("MORE = 1\n", encoding="utf-8")
    monkeypatch.setattr(codeversion, "_root", lambda: tmp_path)
    memo: dict = {}
    v1 = codeversion.extractor_version("pkg.pipeline", memo)
    assert v1 == codeversion.extractor_version("pkg.pipeline") and memo
    (pkg / "pipeline.py").write_text("from pkg import rules\nfrom pkg.more import MORE\n", encoding="utf-8")
    v2 = codeversion.extractor_version("pkg.pipeline", memo)
    assert "pkg/more.py" in v2.parts and v2 == codeversion.extractor_version("pkg.pipeline")


def test_an_unusable_store_path_is_one_line(capsys, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", TEXTS)
    (tmp_path / "junk.sqlite").write_bytes(b"\x00junk" * 1000)
    code = main(["build", str(corpus), "--out", str(tmp_path / "g.graphml"), "--store", str(tmp_path / "junk.sqlite")])
    _, err = capsys.readouterr()
    assert code == 1 and err.startswith("silkgraph: error: cannot open store") and "Traceback" not in err
    assert not (tmp_path / "g.graphml").exists()


# --- parallel builds ----------------------------------------------------------------------------


def test_two_workers_give_the_graph_of_one(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(buildrun, "MIN_PARALLEL", 2)
    texts = {**TEXTS, **{f"{k}-{n}": f"{v} {v}" for n in range(3) for k, v in TEXTS.items()}}
    corpus = write_corpus(tmp_path / "corpus", texts)
    outs = {}
    for workers in (1, 2):
        outs[workers] = tmp_path / f"w{workers}" / "graph.graphml"
        s = build_json(capsys, corpus, "--out", outs[workers], "--workers", workers)
        assert s["extracted"] == len(texts)
    assert outs[1].read_bytes() == outs[2].read_bytes()


def _sigterm_is_default(chunk):
    import signal

    return [signal.getsignal(signal.SIGTERM) == signal.SIG_DFL] * len(chunk), []


def test_workers_do_not_run_the_commands_sigterm_handler(monkeypatch):
    """The pool ends its workers with SIGTERM; the command's handler (a clean stop of the whole
    build, 'silkgraph: terminated') must not run in them, or ending the pool kills the build."""
    import signal

    from silkgraph import cli

    monkeypatch.setattr(buildrun, "extract_records", _sigterm_is_default)
    previous = signal.signal(signal.SIGTERM, cli._terminate)
    try:
        articles = [Article(f"d{i}", "نص") for i in range(buildrun.MIN_PARALLEL * 2)]
        answers = [flag for records, _ in buildrun.extract_local(articles, workers=2) for flag in records]
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert answers == [True] * len(articles)


def test_the_progress_bar_counts_articles(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(buildrun, "MIN_PARALLEL", 2)
    texts = {f"{k}-{n}": v for n in range(2) for k, v in TEXTS.items()}
    corpus = write_corpus(tmp_path / "corpus", texts)
    assert main(["build", str(corpus), "--out", str(tmp_path / "g.graphml"), "--workers", "2", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "extracting" in err and f"{len(texts)}/{len(texts)}" in err


# --- Dask ----------------------------------------------------------------------------------------


def test_a_dask_cluster_build_gives_the_graph_of_a_local_one(capsys, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed", reason="Dask distributed is the optional extra silkgraph[dask]")
    monkeypatch.setattr(buildrun, "DASK_CHUNK", 1)  # one task per article: both workers get some
    corpus = write_corpus(tmp_path / "corpus", {**TEXTS, "new": NEW_TEXT})
    local = tmp_path / "local" / "graph.graphml"
    build_json(capsys, corpus, "--out", local, "--workers", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        remote = tmp_path / "dask" / "graph.graphml"
        s = build_json(capsys, corpus, "--out", remote, "--dask", cluster.scheduler_address)
        assert s["extracted"] == 5
        with distributed.Client(cluster) as client:
            workers = client.run(lambda: __import__("os").getpid())
        assert len(set(workers.values())) == 2
    assert remote.read_bytes() == local.read_bytes()


def test_an_unreachable_dask_scheduler_is_one_line(capsys, tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="Dask distributed is the optional extra silkgraph[dask]")
    monkeypatch.setattr(buildrun, "DASK_CONNECT_TIMEOUT", "2s")
    corpus = write_corpus(tmp_path / "corpus", TEXTS)
    code = main(["build", str(corpus), "--out", str(tmp_path / "g.graphml"), "--dask", "tcp://127.0.0.1:9"])
    _, err = capsys.readouterr()
    assert code == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err and "Traceback" not in err


def test_an_article_that_fails_extraction_is_named_and_left_out(capsys, tmp_path, monkeypatch):
    from silkgraph.extract.pipeline import Extractor

    real = Extractor._extract_batch

    def fragile(self, batch, batch_size):
        if any("premier" in a.doc_id for a in batch):
            raise RuntimeError("a component broke")
        return real(self, batch, batch_size)

    monkeypatch.setattr(Extractor, "_extract_batch", fragile)
    corpus = write_corpus(tmp_path / "corpus", TEXTS)
    out = tmp_path / "graph.graphml"
    code = main(["build", str(corpus), "--out", str(out), "--json-summary", "--no-progress", "--workers", "1"])
    stdout, err = capsys.readouterr()
    s = json.loads(stdout)
    assert code == 0 and (s["articles"], s["extracted"]) == (3, 3)
    assert "article 'premier' could not be extracted (RuntimeError: a component broke); left out" in err
    assert "premier" not in graph_articles(read_graph(out))
    monkeypatch.undo()
    s = build_json(capsys, corpus, "--out", out)  # the next build tries it again
    assert (s["extracted"], s["from_store"], s["articles"]) == (1, 3, 4)


# --- the explorer on the store ---------------------------------------------------------------------


def no_extraction():
    raise AssertionError("the explorer extracted an article the store holds")


def test_the_explorer_starts_from_the_store_and_keeps_uploads_in_it(capsys, tmp_path, extractor):
    from silkgraph.views.live import LiveGraph

    corpus = write_corpus(tmp_path / "corpus", TEXTS)
    out = tmp_path / "out" / "graph.graphml"
    build_json(capsys, corpus, "--out", out)
    assert main(["curate", "delete", "city:dushanbe-tj", "--out", str(out)]) == 0
    capsys.readouterr()
    uploads = tmp_path / "uploads"
    live = LiveGraph(out, tmp_path / "no-seeds", uploads, extractor=no_extraction)
    assert live.store_path == tmp_path / "out" / "graph.sqlite"
    assert graph_data(live.G) == graph_data(read_graph(out))  # the store's graph, curation applied
    assert "city:dushanbe-tj" not in live.G

    live = LiveGraph(out, tmp_path / "no-seeds", uploads, extractor=lambda: extractor.extract_many)
    result = live.add_upload("uzbek.txt", NEW_TEXT.encode("utf-8"))
    assert result.ok and "uzbek" in graph_articles(live.G)
    with Store(live.store_path) as store:
        assert "uzbek" in [a.doc_id for a in store.articles()]

    restarted = LiveGraph(out, tmp_path / "no-seeds", uploads, extractor=no_extraction)
    assert "uzbek" in graph_articles(restarted.G)
    assert [r.ok for r in restarted.sync()] == [True]  # merged again from the store's extraction
    assert graph_data(restarted.G) == graph_data(live.G)
    # a build of the corpus keeps the upload: it is not the corpus's to remove
    s = build_json(capsys, corpus, "--out", out)
    assert (s["extracted"], s["removed"]) == (0, 0) and "uzbek" in graph_articles(read_graph(out))


def test_extractions_of_some_articles():
    from silkgraph.graph.sample import sample_extractions

    records = sample_extractions()
    with Store(":memory:") as store:
        store.sync_articles([ex.article for ex in records])
        store.put_extractions("v", records)
        last = records[-1].article.doc_id
        assert [ex.article.doc_id for ex in store.extractions("v", [last])] == [last]
        many = [last, *(f"absent-{n}" for n in range(600))]  # more ids than one query names
        assert list(store.extractions("v", many)) == [records[-1]]
        assert list(store.extractions("v")) == records
