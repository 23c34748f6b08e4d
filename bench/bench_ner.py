"""Throughput of the statistical NER, alone and inside the extraction pipeline, on one core.

    .venv/bin/python bench/bench_ner.py [--articles 500] [--data ../shared/data]

Prints words/s of (1) the model alone on the ANERcorp test text (when the shared data is
there) or on the seed articles, (2) the whole extraction pipeline without and with the
``silk_statistical_ner`` component (extract/pipeline.cfg has it), on the varied articles of ``bench_extract.make_corpus``; and
the entities the model added to the seed and unseen-fixture articles (what the rules missed).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from silkgraph.extract import ner
from silkgraph.extract.tools import ner_data
from silkgraph.records import Article

COMPONENT = "silk_statistical_ner"


def model_alone(data: Path) -> None:
    model = ner.NerModel.load()
    if (data / ner_data.ANERCORP_TEST).is_file():
        sentences = [[w for w, _ in s] for s in ner_data.load_anercorp(data, "test")]
        where = "ANERcorp test text"
    else:
        sentences = [p.read_text(encoding="utf-8").split() for p in sorted((ROOT / "seeds").glob("*.txt"))]
        where = "seed articles"
    model.featuriser.clear_cache()  # a cold feature cache, as for new text
    words = sum(len(s) for s in sentences)
    t0 = time.perf_counter()
    for s in sentences:
        model.entities(s)
    seconds = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in model.folder.iterdir()) / 1e6
    print(f"model alone    : {words / seconds:12,.0f} words/s on {words:,} words of {where} "
          f"(model folder {size:.1f} MB)")


def pipeline(n_articles: int) -> None:
    from bench_extract import make_corpus

    from silkgraph.extract.pipeline import Extractor

    plain = Extractor(exclude=[COMPONENT])
    full = Extractor()
    corpus = make_corpus(n_articles, 7, plain)
    words = sum(len(a.text.split()) for a in corpus)
    for name, extractor in (("pipeline, rules only", plain), ("pipeline + NER", full)):
        t0 = time.perf_counter()
        found = list(extractor.extract_many(corpus, batch_size=64))
        seconds = time.perf_counter() - t0
        mentions = sum(len(e.mentions) for e in found)
        print(f"{name:21s}: {words / seconds:9,.0f} words/s on {words:,} words ({mentions:,} mentions)")
    print(f"pipeline order : {', '.join(full.nlp.pipe_names)}")


def added_examples() -> None:
    from silkgraph.extract.pipeline import Extractor

    extractor = Extractor()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    fixture = ROOT / "tests" / "fixtures" / "unseen" / "articles.jsonl"
    if fixture.is_file():
        texts += [json.loads(line)["text"] for line in fixture.read_text(encoding="utf-8").splitlines() if line.strip()]
    print("entities the model added (the rules did not find them):")
    for doc in extractor.nlp.pipe(texts):
        for span in doc.spans.get("ner", []):
            context = doc[max(0, span.start - 3): span.end + 2].text.replace("\n", " ")
            print(f"  {span.label_:12s} {span.text:30s} … {context}")


def dev_score() -> None:
    """The dev-set score (seed articles vs tests/fixtures/seeds.gold.json) without and with the model."""
    from silkgraph.extract.pipeline import Extractor
    from silkgraph.graph.build import build_graph
    from silkgraph.graph.evaluate import format_score, load_gold, score

    gold = load_gold(ROOT / "tests" / "fixtures" / "seeds.gold.json")
    dates = {"001": "2025-06-17"}  # as tests/conftest.py
    articles = [Article(p.stem[:3], p.read_text(encoding="utf-8"), date=dates.get(p.stem[:3], ""), path=str(p))
                for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for name, extractor in (("rules only", Extractor(exclude=[COMPONENT])), ("rules + NER", Extractor())):
        result = score(gold, build_graph(extractor.extract_many(articles)))
        print(f"dev set, {name}:\n{format_score(result)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    model_alone(args.data)
    pipeline(args.articles)
    dev_score()
    added_examples()
    return 0


if __name__ == "__main__":
    sys.exit(main())
