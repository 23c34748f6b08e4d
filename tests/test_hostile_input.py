"""Hostile and unreadable input (issue 9): nothing a user gives stops a build, every bad part is
reported by name, the rest is built, and no local path leaks into the graph."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from silkgraph.corpus import NOTE, SKIPPED, read_corpus

BODY = "زار الرئيس الصيني شي جين بينغ أستانا والتقى الرئيس الكازاخي قاسم جومارت توكاييف."


def jsonl(*objects: object) -> bytes:
    return b"".join(json.dumps(o).encode() + b"\n" for o in objects)


def messages(result, severity: str = SKIPPED) -> dict[str, str]:
    return {f"{Path(p.path).name}:{p.line}" if p.line else Path(p.path).name: p.message
            for p in result.problems if p.severity == severity}


# --- JSONL judged line by line (item 4) and lone surrogates (item 3) ---------------------------


def test_a_nul_line_or_control_line_skips_that_line_only(tmp_path: Path) -> None:
    data = jsonl({"text": BODY}) + b"\x00\x00\x00\n" + b"\x01\x02\x03\x04\x05\x06\n" + jsonl({"text": BODY + " ثانيا"})
    (tmp_path / "feed.jsonl").write_bytes(data)
    result = read_corpus([tmp_path])
    assert [a.doc_id for a in result.articles] == ["feed:1", "feed:4"]
    skipped = messages(result)
    assert set(skipped) == {"feed.jsonl:2", "feed.jsonl:3"}
    assert "NUL" in skipped["feed.jsonl:2"] and "control" in skipped["feed.jsonl:3"]


def test_a_lone_surrogate_is_replaced_where_it_is_read(tmp_path: Path) -> None:
    # json.dumps writes the escape \ud800 as it is: the line holds no character, only an escape
    (tmp_path / "feed.jsonl").write_bytes(jsonl({"title": "عنوان \ud800", "text": "\ud800 " + BODY}))
    result = read_corpus([tmp_path])
    article = result.articles[0]
    assert article.text.startswith("\ufffd ") and article.title == "عنوان \ufffd"
    article.text.encode("utf-8")  # valid text now
    assert "surrogate" in messages(result, NOTE)["feed.jsonl:1"]


def test_a_utf16_jsonl_with_a_bom_is_still_read_whole(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_bytes(json.dumps({"text": BODY}, ensure_ascii=False).encode("utf-16"))
    assert [a.text for a in read_corpus([tmp_path]).articles] == [BODY]


# --- non-Arabic articles and symlinked folders (item 12) --------------------------------------


def test_an_english_article_is_reported_by_name(tmp_path: Path) -> None:
    (tmp_path / "english.txt").write_text("Xi Jinping visited Astana and met President Tokayev.", encoding="utf-8")
    (tmp_path / "arabic.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_bytes(jsonl({"text": "A wire story in English only."}, {"text": BODY}))
    result = read_corpus([tmp_path])
    assert sorted(a.doc_id for a in result.articles) == ["arabic", "feed:2"]
    skipped = messages(result)
    assert skipped["english.txt"].startswith("not Arabic") and skipped["feed.jsonl:1"].startswith("not Arabic")


def test_a_symlinked_folder_is_reported(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(BODY, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "b.txt").write_text(BODY, encoding="utf-8")
    os.symlink(real, corpus / "linked")
    result = read_corpus([corpus])
    assert [a.doc_id for a in result.articles] == ["b"]
    assert "symbolic link to a folder" in messages(result)["linked"]


# --- no absolute paths in the graph (item 10) -------------------------------------------------


def test_article_paths_are_relative_to_the_folder_named(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "kz").mkdir(parents=True)
    (folder / "kz" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    result = read_corpus([folder.resolve(), (tmp_path / "b.txt").resolve()])
    assert sorted(a.path for a in result.articles) == ["b.txt", "news/kz/a.txt"]


def test_the_articles_graph_attribute_holds_no_local_path(tmp_path: Path) -> None:
    from silkgraph.graph.build import build_graph, graph_articles
    from silkgraph.graph.export import write_graph
    from silkgraph.records import ArticleExtraction

    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    G = build_graph(ArticleExtraction(a) for a in read_corpus([tmp_path.resolve()]).articles)
    assert [a["path"] for a in graph_articles(G).values()] == [f"{tmp_path.name}/a.txt"]
    out = write_graph(G, tmp_path / "g.graphml")
    assert str(tmp_path.parent) not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
def test_other_formats_go_through_the_same_checks(tmp_path: Path, name: str) -> None:
    text = "Only English words here, enough of them to be an article."
    (tmp_path / name).write_text(f"<p>{text}</p>" if name.endswith("html") else text, encoding="utf-8")
    result = read_corpus([tmp_path])
    assert not result.articles and messages(result)[name].startswith("not Arabic")


# --- long articles (item 1) and failures of one article (item 5) ------------------------------

LONG_FILLER = "وتناولت المحادثات مجالات كثيرة في الاقتصاد والثقافة والتعليم. "


def test_split_text_cuts_at_paragraphs_then_sentences_and_keeps_every_character() -> None:
    from silkgraph.extract.pipeline import split_text

    text = ("فقرة أولى فيها جمل. " * 20 + "\n\n") * 30 + "ب" * 5000
    pieces = split_text(text, 1000)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 for _, p in pieces)
    assert all(text[offset:offset + len(p)] == p for offset, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:-6])  # paragraph ends while there are paragraphs


def test_a_long_article_is_read_in_pieces_with_true_offsets(extractor) -> None:
    from silkgraph.records import Article

    sentence = "زار الرئيس الصيني شي جين بينغ كازاخستان. "
    text = (LONG_FILLER * 3 + sentence) * 20
    whole = extractor.extract(Article("whole", text))
    saved = extractor.max_piece_chars
    extractor.max_piece_chars = 300
    try:
        pieces = extractor.extract(Article("pieces", text))
    finally:
        extractor.max_piece_chars = saved
    assert len(pieces.relations) == len(whole.relations) > 0
    assert {(r.type, r.sentence_start) for r in pieces.relations} == {(r.type, r.sentence_start) for r in whole.relations}
    for m in pieces.mentions:
        assert text[m.start:m.end] == m.text
    for r in pieces.relations:
        assert text[r.sentence_start:r.sentence_end].strip() == r.sentence


def test_one_failing_article_is_reported_and_the_others_extracted(extractor, monkeypatch) -> None:
    from silkgraph.records import Article

    real = type(extractor).to_records

    def fragile(self, doc, article, offset=0):
        if article.doc_id == "bad":
            raise RuntimeError("component exploded")
        return real(self, doc, article, offset)

    monkeypatch.setattr(type(extractor), "to_records", fragile)
    articles = [Article(i, "زار الرئيس الصيني شي جين بينغ كازاخستان.") for i in ("a", "bad", "b")]
    failures = []
    done = list(extractor.extract_many(articles, on_error=lambda a, e: failures.append((a.doc_id, str(e)))))
    assert [x.article.doc_id for x in done] == ["a", "b"]
    assert failures == [("bad", "component exploded")]
    with pytest.raises(RuntimeError):
        list(extractor.extract_many(articles))


def test_build_reports_an_article_that_fails_and_builds_the_rest(tmp_path, monkeypatch, capsys) -> None:
    from silkgraph.extract.pipeline import Extractor
    from silkgraph.cli import main

    real = Extractor.to_records

    def fragile(self, doc, article, offset=0):
        if article.doc_id == "bad":
            raise RuntimeError("component exploded")
        return real(self, doc, article, offset)

    monkeypatch.setattr(Extractor, "to_records", fragile)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_text(BODY, encoding="utf-8")
    code = main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "g.json"), "--json-summary"])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err
    summary = json.loads(out)
    assert summary["articles"] == 1
    assert [p["path"] for p in summary["skipped"]] == ["in/bad.txt"]
    assert "component exploded" in summary["skipped"][0]["message"] and "bad.txt" in err


def test_the_bar_seeds_with_a_huge_article_and_a_hostile_jsonl_build(tmp_path, capsys) -> None:
    """Issue 9's bar: exit 0, the seeds' graph whole, the good line in it, the bad ones named."""
    from silkgraph.graph.build import graph_articles
    from silkgraph.graph.export import read_graph
    from silkgraph.cli import main

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert main(["build", str(seeds), "--out", str(tmp_path / "seeds.graphml")]) == 0
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in seeds.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    huge = "التقى الرئيس الصيني شي جين بينغ الرئيس الأوزبكي في طشقند. " + LONG_FILLER * (1_100_000 // len(LONG_FILLER))
    assert len(huge) > 1_000_000
    (folder / "huge.txt").write_text(huge, encoding="utf-8")
    (folder / "hostile.jsonl").write_bytes(jsonl({"title": "=HYPERLINK(\"x\") \ud800", "text": "\ud800" + BODY})
                                           + b"\x00 NUL line\n" + jsonl({"id": "good", "text": BODY}))
    (folder / "english.txt").write_text("An English article about the Belt and Road.", encoding="utf-8")
    capsys.readouterr()
    code = main(["build", str(folder), "--out", str(tmp_path / "all.graphml"), "--json-summary"])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err
    summary = json.loads(out)
    assert {f"{Path(p['path']).name}:{p['line']}" for p in summary["skipped"]} == {"hostile.jsonl:2", "english.txt:None"}
    G, seeds_G = read_graph(tmp_path / "all.graphml"), read_graph(tmp_path / "seeds.graphml")
    assert set(seeds_G.nodes) <= set(G.nodes)
    assert set(seeds_G.edges(keys=True)) <= set(G.edges(keys=True))
    assert {"good", "hostile:1", "huge"} <= set(graph_articles(G))
    assert any("huge" in d.get("docs", []) for _, d in G.nodes(data=True))
    for suffix in (".json", ".csv", ".gexf"):
        assert main(["export", str(tmp_path / "all.graphml"), "--out", str(tmp_path / f"x{suffix}")]) == 0
    titles = [d["source_title"] for *_, d in read_graph(tmp_path / "x.json").edges(data=True) if d["doc"] == "hostile:1"]
    assert titles and titles[0].startswith("=HYPERLINK")
    import csv

    cells = [c for row in csv.reader((tmp_path / "x.csv").open(encoding="utf-8-sig")) for c in row]
    assert "'" + titles[0] in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
