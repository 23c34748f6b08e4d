"""Incremental and parallel builds through the corpus store, timed as a user runs them.

Writes a corpus of distinct synthetic articles (``bench_extract.make_corpus``: seed sentences
with names swapped) as Markdown files, then times the same ``silkgraph build`` command:

- cold (no store), unchanged rebuild, rebuild after adding one new article;
- cold with ``--workers 1`` and ``--workers 2``, and whether their outputs are identical;
- the explorer's start on the store (``silkgraph.views.live.LiveGraph``), with an extractor that fails
  if it is ever asked for, so the figure proves nothing was extracted.

    .venv/bin/python bench/bench_store.py [--articles 620] [--seed 11]

Prints figures only.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_extract import make_corpus  # noqa: E402
from silkgraph.extract.pipeline import Extractor  # noqa: E402
from silkgraph.records import Article  # noqa: E402


def write_article(folder: Path, article: Article) -> None:
    (folder / f"{article.doc_id}.md").write_text(
        f"---\ntitle: {article.doc_id}\ndate: {article.date}\n---\n\n{article.text}\n", encoding="utf-8")


def run_build(corpus: Path, out: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "silkgraph.cli", "build", str(corpus), "--out", str(out),
                    "--no-progress", *extra], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=620)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)

    articles = make_corpus(args.articles + 1, args.seed, Extractor())
    extra_article = articles.pop()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for a in articles:
            write_article(corpus, a)
        words = sum(len(a.text.split()) for a in articles)
        distinct = len({a.text for a in articles})
        print(f"corpus: {len(articles)} articles ({distinct} distinct texts), {words:,} words")

        out = tmp_path / "inc" / "graph.graphml"
        cold = run_build(corpus, out)
        cold_output = out.read_bytes()
        unchanged = run_build(corpus, out)
        same = out.read_bytes() == cold_output
        write_article(corpus, extra_article)
        one_new = run_build(corpus, out)
        print(f"cold build          {cold:7.2f} s")
        print(f"unchanged rebuild   {unchanged:7.2f} s  {unchanged / cold * 100:5.1f}% of cold"
              f"  (output identical to the cold build's: {same})")
        print(f"one new article     {one_new:7.2f} s  {one_new / cold * 100:5.1f}% of cold")
        (corpus / f"{extra_article.doc_id}.md").unlink()

        outputs = {}
        for workers in (1, 2):
            out = tmp_path / f"w{workers}" / "graph.graphml"
            t = run_build(corpus, out, "--workers", str(workers))
            outputs[workers] = out.read_bytes()
            print(f"cold, --workers {workers}   {t:7.2f} s")
        print(f"--workers 2 output identical to --workers 1: {outputs[1] == outputs[2]}")

        from silkgraph.views.live import LiveGraph

        def no_extraction():
            raise AssertionError("the explorer extracted an article the store holds")

        t0 = time.perf_counter()
        live = LiveGraph(out, tmp_path / "no-seeds", tmp_path / "uploads", extractor=no_extraction)
        print(f"explorer start      {time.perf_counter() - t0:7.2f} s  from the store, nothing extracted "
              f"({live.G.number_of_nodes()} nodes, {live.G.number_of_edges()} edges)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
