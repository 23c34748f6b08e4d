"""Benchmark the Questions templates (silkgraph.graph.questions) on a synthetic corpus.

usage: python bench/bench_questions.py [--articles 2000] [--entities 5000] [--relations 15] [--seed 1]

The corpus is bench_graph.py's (random Arabic-letter names, a few hubs and a long tail). Each
question is asked of the biggest hubs, with the relation and types the graph itself uses most
(so nothing here names a type). Prints figures only.
"""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_graph import corpus_arguments, make_entities, make_extractions, timed  # noqa: E402

from silkgraph.graph.build import build_graph  # noqa: E402
from silkgraph.graph.questions import answer_csv, ask  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    args = corpus_arguments(__doc__.splitlines()[0], argv)
    rng = random.Random(args.seed)
    G = build_graph(make_extractions(args.articles, make_entities(args.entities, rng), args.relations, rng))
    print(f"graph               {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")

    hubs = sorted(G.nodes, key=G.degree, reverse=True)
    hub, other = hubs[0], hubs[1]
    into = Counter((d["type"], G.nodes[u]["type"]) for u, _, d in G.in_edges(hub, data=True))
    (relation, subject_type), _ = into.most_common(1)[0]
    out = Counter((d["type"], G.nodes[v]["type"]) for _, v, d in G.out_edges(other, data=True))
    (built, object_type), _ = out.most_common(1)[0]
    asked = {
        "who": dict(subject_type=subject_type, relation=relation, object=hub, date_from="2021", date_to="2024"),
        "what": dict(subject=other, relation=built, object_type=object_type, via=hub),
        "with": dict(relation=relation, via=hub),
        "connection": dict(source=hub, target=hubs[5], k=3, max_hops=4),
        "between": dict(source=hub, target=other),
    }
    for template, slots in asked.items():
        t, answer = timed(lambda: ask(G, template, **slots), repeat=3)
        t_csv, text = timed(lambda: answer_csv(answer))
        print(f"{template:<11} {t * 1000:8.1f} ms -> {len(answer.rows):5,} rows "
              f"(CSV {t_csv * 1000:6.1f} ms, {len(text.encode('utf-8')) / 1024:7.1f} KiB)")


if __name__ == "__main__":
    main()
