"""Extraction throughput on a corpus of varied articles made from the seeds.

Prints words/s and articles/s for the whole pipeline on one core, the same for a bare spaCy
tokenizer pass (the ratio says what the extraction costs), peak memory, and graph build time.

    .venv/bin/python bench/bench_extract.py [--articles 2000] [--seed 7] [--exclude COMPONENT ...]

Articles are made by sampling seed sentences and swapping the countries, cities and leaders they
name for others from the gazetteer, so every article differs and caches do not flatter the result.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target says
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from silkgraph.extract.pipeline import Extractor  # noqa: E402
from silkgraph.graph.build import build_graph  # noqa: E402
from silkgraph.records import Article  # noqa: E402


def sentences_of(folder: Path) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        out += [s.strip() for s in re.split(r"(?<=[.!؟?])\s+|\n+", path.read_text(encoding="utf-8")) if s.strip()]
    return out


def make_corpus(n: int, seed: int, extractor: Extractor) -> list[Article]:
    """``n`` articles of 8-20 seed sentences each, with names swapped for other gazetteer names."""
    rng = random.Random(seed)
    sentences = sentences_of(ROOT / "seeds")
    by_type: dict[str, list[str]] = {}
    for entry in extractor.lex.entries.values():
        if " " not in entry.entity.label_ar:
            by_type.setdefault(entry.entity.type, []).append(entry.entity.label_ar)
    swaps = [(name, by_type.get(t, [])) for t, names in
             (("Country", ["كازاخستان", "طاجيكستان", "أوزبكستان", "قيرغيزستان", "أذربيجان", "تركيا"]),
              ("City", ["أستانا", "دوشنبه", "ألماتي"])) for name in names]
    articles = []
    for k in range(n):
        text = "\n".join(rng.sample(sentences, rng.randint(8, min(20, len(sentences)))))
        for name, pool in swaps:
            if pool and rng.random() < 0.7:
                text = text.replace(name, rng.choice(pool))
        articles.append(Article(f"bench{k:05d}", text, date=f"20{rng.randint(9, 25):02d}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--exclude", nargs="*", default=[], help="pipeline components to leave out")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    extractor = Extractor(exclude=args.exclude)
    load_s = time.perf_counter() - t0
    corpus = make_corpus(args.articles, args.seed, extractor)
    words = sum(len(a.text.split()) for a in corpus)
    print(f"pipeline: {', '.join(extractor.nlp.pipe_names)}")
    print(f"corpus: {len(corpus)} articles, {words:,} words; pipeline load {load_s:.2f} s")

    t0 = time.perf_counter()
    for _ in extractor.nlp.tokenizer.pipe((a.text for a in corpus), batch_size=64):
        pass
    tok_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    extractions = list(extractor.extract_many(corpus, batch_size=64))
    ext_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    G = build_graph(extractions)
    build_s = time.perf_counter() - t0

    mentions = sum(len(e.mentions) for e in extractions)
    relations = sum(len(e.relations) for e in extractions)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"tokenizer only : {words / tok_s:12,.0f} words/s  {len(corpus) / tok_s:9,.1f} articles/s")
    print(f"whole pipeline : {words / ext_s:12,.0f} words/s  {len(corpus) / ext_s:9,.1f} articles/s"
          f"  ({ext_s:.1f} s; {tok_s / ext_s * 100:.1f}% of tokenizer speed, {ext_s / tok_s:.1f}x slower)")
    print(f"found          : {mentions:,} mentions, {relations:,} relations")
    print(f"graph build    : {build_s:.2f} s for {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
    print(f"peak memory    : {peak_mb:,.0f} MB (max RSS)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
