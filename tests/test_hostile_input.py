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
    from graph.build import build_graph, graph_articles
    from graph.export import write_graph
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
