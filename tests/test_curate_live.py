"""Corrections made in the explorer (``silkgraph.views.curate_live``): kept in the corpus store, or
in a log-only store beside a plain graph file or in the uploads folder; applied at every start,
to articles added later too, and undone; a correction that cannot be saved says so."""
from __future__ import annotations

from pathlib import Path

import pytest

from silkgraph import curation
from silkgraph.cli import main
from silkgraph.buildrun import VERSION_META, extractor_version
from silkgraph.graph.build import add_extraction, build_graph
from silkgraph.graph.export import read_graph, write_graph
from silkgraph.graph.sample import sample_extractions
from silkgraph.store import Store, store_beside
from silkgraph.views.curate_live import CuratedLiveGraph, CurationFailed
from silkgraph.views.uploads import remove_upload

XI, KZ, TOKAYEV = "leader:xi-jinping", "country:KZ", "leader:tokayev"


def no_extractor():
    raise AssertionError("nothing should be extracted")


def sample_graph_file(folder: Path) -> Path:
    return write_graph(build_graph(sample_extractions()), folder / "colleague.graphml")


def stored_graph(folder: Path) -> Path:
    """A graph file with a corpus store beside it, as `silkgraph build` leaves them (no extraction)."""
    graph = folder / "out" / "graph.graphml"
    graph.parent.mkdir()
    with Store(store_beside(graph)) as store:
        records = sample_extractions()
        store.sync_articles([r.article for r in records])
        version = extractor_version().id
        store.put_extractions(version, records)
        store.set_meta(VERSION_META, version)
    write_graph(build_graph(sample_extractions()), graph)
    return graph


def visits(G) -> list:
    return [k for _, v, k, d in G.out_edges(XI, keys=True, data=True) if v == KZ and d["type"] == "visited"]


def open_live(tmp_path: Path, graph: Path | None, extractor=lambda: no_extractor) -> CuratedLiveGraph:
    return CuratedLiveGraph(graph, tmp_path / "seeds", tmp_path / "uploads", extractor=extractor)


def test_a_plain_graph_file_keeps_its_corrections_beside_it_through_a_restart(tmp_path: Path) -> None:
    graph = sample_graph_file(tmp_path)
    live = open_live(tmp_path, graph)
    assert live.corrections.kind == "beside" and visits(live.G)
    assert not (tmp_path / "colleague.curation.sqlite").exists()  # opening a graph writes nothing
    live.curate("reject", XI, "visited", KZ)
    live.curate("merge", KZ, TOKAYEV)
    assert visits(live.G) == [] and TOKAYEV not in live.G and live.G.nodes[KZ]["merged"] == [TOKAYEV]
    assert (tmp_path / "colleague.curation.sqlite").is_file() and not store_beside(graph).exists()
    assert "colleague.curation.sqlite" in live.corrections.where and str(tmp_path) not in live.corrections.where
    assert read_graph(graph).has_node(TOKAYEV)  # the colleague's file itself is left as it was

    again = open_live(tmp_path, graph)  # a restart
    assert visits(again.G) == [] and TOKAYEV not in again.G
    assert [e.action for e in again.log()] == ["reject", "merge"]
    undone = again.undo()
    assert undone.action == "merge" and TOKAYEV in again.G and visits(again.G) == []
    assert again.undo().action == "reject" and visits(again.G) and again.undo() is None
    assert visits(open_live(tmp_path, graph).G)


def test_a_graph_with_a_store_keeps_corrections_in_the_store_as_the_cli_does(tmp_path: Path) -> None:
    graph = stored_graph(tmp_path)
    live = open_live(tmp_path, graph)
    assert live.corrections.kind == "store" and live.base is None
    live.curate("rename", KZ, label_en="Republic of Kazakhstan")
    live.curate("note", "ذكرت في بيان مشترك", edge=(XI, "visited", KZ))
    assert live.G.nodes[KZ]["label_en"] == "Republic of Kazakhstan"
    assert all(live.G.edges[XI, KZ, k]["note"] == "ذكرت في بيان مشترك" for k in visits(live.G))
    with Store(store_beside(graph)) as store:
        assert [e.action for e in curation.log(store)] == ["rename", "note"]
    restarted = open_live(tmp_path, graph)
    assert restarted.G.nodes[KZ]["label_en"] == "Republic of Kazakhstan" and restarted.G.nodes[KZ]["curated"]
    restarted.undo()
    assert restarted.G.nodes[KZ]["label_en"] == "Republic of Kazakhstan"  # the note was the last one
    assert not any(restarted.G.edges[XI, KZ, k].get("note") for k in visits(restarted.G))


def test_the_seeds_keep_their_corrections_in_the_uploads_folder(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    records = sample_extractions()
    for r in records:
        (seeds / f"{r.article.doc_id}.txt").write_text("زار الرئيس الصيني شي جين بينغ كازاخستان والتقى الرئيس توكاييف",
                                                       encoding="utf-8")
    by_name = {r.article.doc_id: r for r in records}

    def extractor():
        return lambda articles: [by_name[Path(a.path).stem] for a in articles]

    live = open_live(tmp_path, None, extractor)
    assert live.corrections.kind == "uploads" and live.corrections.path == tmp_path / "uploads" / "curation.sqlite"
    live.curate("delete", TOKAYEV)
    assert TOKAYEV not in live.G
    assert TOKAYEV not in open_live(tmp_path, None, extractor).G


def test_an_article_added_after_a_merge_joins_the_survivor(tmp_path: Path) -> None:
    first, second = sample_extractions()[:2]
    graph = write_graph(build_graph([first]), tmp_path / "g.graphml")
    live = open_live(tmp_path, graph)
    live.curate("merge", KZ, TOKAYEV)
    G = live.editable().copy()  # what an upload does (silkgraph.views.live.LiveGraph.merge_file)
    add_extraction(G, second)
    live.publish(G)
    assert TOKAYEV not in live.G and second.article.doc_id in live.G.nodes[KZ]["docs"]
    assert TOKAYEV in live.base  # kept without corrections, to undo on
    live.undo()
    assert TOKAYEV in live.G and second.article.doc_id in live.G.nodes[TOKAYEV]["docs"]


def test_a_correction_that_cannot_be_saved_says_so_and_changes_nothing(tmp_path: Path) -> None:
    graph = sample_graph_file(tmp_path)
    (tmp_path / "colleague.curation.sqlite").mkdir()  # not a file sqlite can open
    live = open_live(tmp_path, graph)
    before = live.G.number_of_edges()
    with pytest.raises(CurationFailed, match="colleague.curation.sqlite cannot be written"):
        live.curate("reject", XI, "visited", KZ)
    assert live.G.number_of_edges() == before and visits(live.G)
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(curation.CurationError, match="unknown node type"):
        open_live(other, sample_graph_file(other)).curate("retype", KZ, "Planet")


def test_merging_on_the_graph_gives_the_graph_a_build_would(tmp_path: Path) -> None:
    """The graph-level merge (a graph file) and the record-level one (a build) agree."""
    records = sample_extractions()
    with Store(":memory:") as store:
        G = build_graph(records)
        # both signed by Xi in one article, both met Xi in one article: the edges become one
        curation.merge(store, G, "Astana Declaration", "agreement:good-neighbour-treaty:2025")
        curation.merge(store, G, TOKAYEV, "Putin")
        curation.merge(store, G, KZ, "country:TJ")
        curation.reject(store, G, XI, "visited", KZ)
        entries = store.log()
    built = curation.curated_graph(records, entries)
    applied = curation.apply_log(build_graph(records), entries)
    assert set(applied.nodes) == set(built.nodes)
    assert set(applied.edges(keys=True)) == set(built.edges(keys=True))
    assert {k: d["count"] for *_, k, d in applied.edges(keys=True, data=True)} == {
        k: d["count"] for *_, k, d in built.edges(keys=True, data=True)}
    for n in built:
        for attr in ("type", "label_ar", "label_en", "mentions", "docs", "merged", "curated"):
            assert applied.nodes[n].get(attr) == built.nodes[n].get(attr), (n, attr)
        assert set(applied.nodes[n]["aliases"]) == set(built.nodes[n]["aliases"])  # in another order


def test_removing_an_upload_takes_it_out_of_the_store_too(tmp_path: Path) -> None:
    graph = stored_graph(tmp_path)
    live = open_live(tmp_path, graph, lambda: lambda articles: [])
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    upload = uploads / "a.txt"
    upload.write_text("زار الرئيس الصيني شي جين بينغ كازاخستان ووقع بيانا مشتركا مع رئيسها", encoding="utf-8")
    with Store(store_beside(graph)) as store:
        before = store.count()
        from silkgraph.views.live import read_articles

        store.add_articles(read_articles([upload])[0])
        assert store.count() == before + 1
    G = live.editable().copy()
    doc = read_articles([upload])[0][0].doc_id
    G.graph["articles"] = {**G.graph["articles"], doc: {"title": ""}}
    live.publish(G)
    assert remove_upload(live, upload) == [doc]
    with Store(store_beside(graph)) as store:
        assert store.count() == before  # a restart does not bring it back


def test_the_cli_never_rewrites_a_graph_file_from_a_log_only_store(tmp_path: Path, capsys) -> None:
    graph = sample_graph_file(tmp_path)
    live = open_live(tmp_path, graph)
    live.curate("reject", XI, "visited", KZ)
    size = graph.stat().st_size
    code = main(["curate", "undo", "--out", str(graph), "--store", str(tmp_path / "colleague.curation.sqlite")])
    assert code != 0 and "holds corrections but no articles" in capsys.readouterr().err
    assert graph.stat().st_size == size and read_graph(graph).number_of_edges() == build_graph(
        sample_extractions()).number_of_edges()
    assert len(open_live(tmp_path, graph).log()) == 1 and not open_live(tmp_path, graph).log()[0].undone


def test_corrections_kept_beside_a_graph_that_later_got_a_store_are_named(tmp_path: Path) -> None:
    graph = stored_graph(tmp_path)
    with Store(graph.with_name("graph.curation.sqlite")) as store:  # from before `silkgraph build`
        store.log_append("delete", {"node": TOKAYEV})
    live = open_live(tmp_path, graph)
    assert live.corrections.kind == "store" and TOKAYEV in live.G
    assert any("graph.curation.sqlite holds 1 correction" in n and "not applied" in n for n in live.notices)
