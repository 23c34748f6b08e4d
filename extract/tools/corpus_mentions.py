"""The whole pipeline on an openly licensed NER corpus's text: which of its mentions the corpus's
own people, places and organisations do not cover, most frequent first.

    python -m silkgraph.extract.tools.corpus_mentions --data ../shared/data [--split train] [--top 80]

ANERcorp (``../shared/data/anercorp/``) is real Arabic news annotated with PERS/LOC/ORG. Its text
is read in blocks of ``--sentences`` sentences as articles; a person, place or organisation the
pipeline finds that overlaps no annotated name is listed with the component that found it, and
the works and documents (which ANERcorp does not annotate) are listed apart. Most listed names
are real ones the corpus leaves untagged (ministries, armies); the rest are the pipeline's wrong
or run-on names (مكتب النواب (أصبحت لاحقا …)، مجلس الإدارة والدكتور), to fix by class. Use the
``train`` split: ``test`` is the statistical model's benchmark and stays unread.
"""
from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from silkgraph.extract.tools.ner_data import Sentence, load_anercorp
from silkgraph.records import Article

# the corpus label that covers each schema type; types absent here are not annotated by the corpus
CORPUS_LABEL = {"Country": "LOC", "City": "LOC", "Region": "LOC", "Leader": "PERS", "Person": "PERS",
                "Organization": "ORG"}
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@dataclass
class Block:
    """Sentences joined into one article, with the corpus's names as character spans."""

    article: Article
    names: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, corpus label)


def blocks(sentences: list[Sentence], size: int) -> Iterator[Block]:
    """Runs of ``size`` sentences as articles (words joined by spaces, a line per sentence).

    >>> [b.article.text for b in blocks([[("زار", "O"), ("بكين", "B-LOC")], [("وعاد", "O")]], 1)]
    ['زار بكين\\n', 'وعاد\\n']
    >>> next(blocks([[("زار", "O"), ("بكين", "B-LOC")]], 1)).names
    [(4, 8, 'LOC')]
    """
    for k in range(0, len(sentences), size):
        text, names = "", []
        for sentence in sentences[k:k + size]:
            words = []
            for word, tag in sentence:
                start = len(text) + sum(len(w) + 1 for w in words)
                words.append(word)
                if tag.startswith("B-") or (tag.startswith("I-") and not names):
                    names.append([start, start + len(word), tag[2:]])
                elif tag.startswith("I-"):
                    names[-1][1] = start + len(word)
            text += " ".join(words) + "\n"
        yield Block(Article(f"block{k // size:05d}", text), [tuple(n) for n in names])


def uncovered(extractor, data: list[Block]) -> tuple[Counter, Counter, dict[str, int]]:
    """(names no corpus name covers, works and documents, counts) over the blocks."""
    names, others = Counter(), Counter()
    counts = {"covered": 0, "uncovered": 0, "other type": 0}
    for block, found in zip(data, extractor.extract_many([b.article for b in data])):
        for m in found.mentions:
            label = CORPUS_LABEL.get(m.entity.type)
            if label is None:
                others[(m.entity.type, m.text, m.source)] += 1
                continue
            over = [n for n in block.names if n[0] < m.end and m.start < n[1]]
            if not over:
                names[(m.entity.type, m.text, m.source)] += 1
                counts["uncovered"] += 1
            elif any(n[2] == label for n in over):
                counts["covered"] += 1
            else:
                counts["other type"] += 1
    return names, others, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (../shared/data)")
    ap.add_argument("--split", choices=("train", "test"), default="train")
    ap.add_argument("--sentences", type=int, default=10, help="sentences per article")
    ap.add_argument("--top", type=int, default=80)
    args = ap.parse_args(argv)
    if not (args.data / "anercorp").is_dir():
        ap.error(f"no ANERcorp under {args.data} (give --data, the shared data folder)")
    from silkgraph.extract.pipeline import Extractor

    data = list(blocks(load_anercorp(args.data, args.split), args.sentences))
    names, others, counts = uncovered(Extractor(), data)
    print(f"{len(data)} articles; people, places and organisations: {counts['covered']} on a corpus name of "
          f"that kind, {counts['other type']} on one of another kind, {counts['uncovered']} on none")
    print("\n== on no corpus name (count, type, text, found by)")
    for (kind, text, source), n in names.most_common(args.top):
        print(f"{n:4d}  {kind:12s} {text}  [{source}]")
    print("\n== works, documents and events (the corpus does not annotate them)")
    for (kind, text, source), n in others.most_common(args.top):
        print(f"{n:4d}  {kind:12s} {text}  [{source}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
