"""Benchmark graph build, queries and exports on a synthetic corpus the size of ~2,000 articles.

usage: python bench/bench_graph.py [--articles 2000] [--entities 5000] [--relations 15] [--seed 1]

Records are generated (random Arabic-letter names, entity popularity skewed like news: a few
hubs, a long tail), built through ``build_graph``, queried and exported. Prints figures only.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from silkgraph.graph.build import add_extraction, build_graph  # noqa: E402
from silkgraph.graph.export import read_graph, write_graph  # noqa: E402
from silkgraph.graph.query import (filter_graph, find_entity, graph_summary, k_shortest_paths,  # noqa: E402
                         neighbors_by_type)
from silkgraph.records import Article, ArticleExtraction, Entity, Mention, Relation  # noqa: E402
from silkgraph.schema import schema  # noqa: E402

ARABIC_LETTERS = [chr(c) for c in range(0x0628, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]


def arabic_word(rng: random.Random) -> str:
    return "".join(rng.choice(ARABIC_LETTERS) for _ in range(rng.randint(3, 8)))


def make_entities(n: int, rng: random.Random) -> list[Entity]:
    types = list(schema().node_types)
    out = []
    for i in range(n):
        t = types[i % len(types)]
        words = [arabic_word(rng) for _ in range(rng.randint(1, 3))]
        out.append(Entity(id=f"{t.lower()}:{i}", type=t, label_ar=" ".join(words),
                          label_en=f"{t} {i}" if i % 3 else "", wikidata=f"Q{100000 + i}" if i % 4 == 0 else ""))
    return out


def make_extractions(n_articles: int, entities: list[Entity], relations_per_article: int,
                     rng: random.Random) -> list[ArticleExtraction]:
    by_type: dict[str, list[Entity]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    edge_types = list(schema().edge_types.values())

    def pick(types: tuple[str, ...]) -> Entity:
        pool = by_type[rng.choice(types)]
        if rng.random() < 0.3:  # a few hubs (China, Xi, the Belt and Road) ...
            return pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)]
        return rng.choice(pool)  # ... and a long tail

    out = []
    for a in range(n_articles):
        doc = f"doc{a:05d}"
        date = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sentences, mentions, relations = [], [], []
        offset = 0
        for _ in range(relations_per_article):
            et = rng.choice(edge_types)
            src, tgt = pick(et.subjects), pick(et.objects)
            if src.id == tgt.id:
                continue
            filler = arabic_word(rng)
            sentence = f"{src.label_ar} {filler} {tgt.label_ar}."
            mentions.append(Mention(src, doc, offset, offset + len(src.label_ar), src.label_ar))
            t_start = offset + len(src.label_ar) + len(filler) + 2
            mentions.append(Mention(tgt, doc, t_start, t_start + len(tgt.label_ar), tgt.label_ar))
            relations.append(Relation(src, tgt, et.name, doc, sentence, offset, offset + len(sentence),
                                      filler, round(rng.uniform(0.3, 1.0), 2), date))
            sentences.append(sentence)
            offset += len(sentence) + 1
        article = Article(doc_id=doc, text="\n".join(sentences), title=arabic_word(rng), date=date,
                          source="synthetic", url=f"https://example.org/{doc}")
        out.append(ArticleExtraction(article=article, mentions=mentions, relations=relations))
    return out


def timed(fn: Callable, repeat: int = 1) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def corpus_arguments(description: str, argv: list[str] | None = None) -> argparse.Namespace:
    """The synthetic corpus's options (articles, entities, relations per article, seed), parsed."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--entities", type=int, default=5000)
    ap.add_argument("--relations", type=int, default=15, help="relations per article")
    ap.add_argument("--seed", type=int, default=1)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = corpus_arguments(__doc__.splitlines()[0], argv)
    rng = random.Random(args.seed)

    entities = make_entities(args.entities, rng)
    records = make_extractions(args.articles, entities, args.relations, rng)
    t, G = timed(lambda: build_graph(records))
    print(f"build_graph         {t:8.3f} s  {args.articles} articles -> {G.number_of_nodes()} nodes, "
          f"{G.number_of_edges()} edges")
    t, _ = timed(lambda: add_extraction(G, records[0]), repeat=5)
    print(f"add_extraction      {t * 1000:8.1f} ms re-adding one article to the full graph")

    hubs = sorted(G.nodes, key=G.degree, reverse=True)
    nodes = list(G.nodes)
    names = [G.nodes[n]["label_ar"] for n in rng.sample(nodes, 10)]
    t, _ = timed(lambda: find_entity(G, names[0]))
    print(f"find_entity         {t * 1000:8.1f} ms first lookup (normalises every node's names once)")
    t, _ = timed(lambda: [find_entity(G, name) for name in names[1:]])
    print(f"find_entity         {t / (len(names) - 1) * 1000:8.1f} ms per further name (Arabic label, {len(nodes)} nodes)")
    t, _ = timed(lambda: find_entity(G, names[0][:2]))
    print(f"find_entity prefix  {t * 1000:8.1f} ms (two letters, many partial matches)")
    t, _ = timed(lambda: neighbors_by_type(G, hubs[0]), repeat=3)
    print(f"neighbors_by_type   {t * 1000:8.1f} ms for the biggest hub (degree {G.degree(hubs[0])})")
    sample = rng.sample(nodes, 20)
    t, _ = timed(lambda: [neighbors_by_type(G, n) for n in sample])
    print(f"neighbors_by_type   {t / len(sample) * 1000:8.1f} ms per random node")
    pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(10)]
    t, _ = timed(lambda: k_shortest_paths(G, *pairs[0], k=3, max_hops=4))
    print(f"k_shortest_paths    {t * 1000:8.1f} ms first pair (makes the simple projection, once per graph version)")
    t, found = timed(lambda: [k_shortest_paths(G, a, b, k=3, max_hops=4) for a, b in pairs])
    print(f"k_shortest_paths    {t / len(pairs) * 1000:8.1f} ms per pair (k=3, max_hops=4; "
          f"{sum(bool(p) for p in found)}/{len(pairs)} pairs connected)")
    t, _ = timed(lambda: k_shortest_paths(G, hubs[0], hubs[1], k=3, max_hops=4, edge_types=["visited", "signed", "met"]))
    print(f"k_shortest_paths    {t * 1000:8.1f} ms hub to hub with an edge-type filter")
    t, H = timed(lambda: filter_graph(G, edge_types=["signed", "builds"], date_from="2023-01-01"))
    print(f"filter_graph        {t * 1000:8.1f} ms -> {H.number_of_nodes()} nodes, {H.number_of_edges()} edges")
    t, _ = timed(lambda: graph_summary(G))
    print(f"graph_summary       {t * 1000:8.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        for ext in ("graphml", "gexf", "json", "csv"):
            path = Path(tmp) / f"bench.{ext}"
            t, _ = timed(lambda: write_graph(G, path))
            line = f"write {ext:<8}      {t:8.3f} s  {path.stat().st_size / 1e6:6.1f} MB"
            if ext in ("graphml", "json"):
                t, _ = timed(lambda: read_graph(path))
                line += f"   read back {t:6.3f} s"
            print(line)


if __name__ == "__main__":
    main()
