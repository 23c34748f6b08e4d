"""Build ``data/lexicon/org_short_names.tsv``: how often an organisation's head is a name with one noun.

وزارة الخارجية and مجلس الوزراء are names: a ministry or a council is named by its field alone.
معهد الدراسات, مركز الأبحاث are not: an institute is named by more (معهد الدراسات الاستراتيجية …),
and the head with one noun is a generic mention. The NER corpora say which heads are which: of the
organisations each first word opens, the share that are that word and one definite noun. Derived
from ANERcorp and NewsFANE (CC BY-SA), so the file carries their attribution.

    python -m silkgraph.extract.tools.build_org_heads --data ../shared/data
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from silkgraph.atomic import write_text_atomic
from silkgraph.extract.tools.build_common_words import DEFAULT_DATA, missing_corpora, ner_corpora, read_conll
from silkgraph.normalize import has_article, normalize_letters

OUT = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "org_short_names.tsv"
HEADER = """\
# Organisation names in the NER corpora by first word: how many, and how many are that word and one
# definite noun (وزارة الخارجية). Normalised letters.
# Derived from the entity tags of ANERcorp (CC BY-SA 4.0; Benajiba et al. 2007, CAMeL Lab split)
# and NewsFANE Gold (CC BY-SA 3.0; Alotaibi & Lee 2014). Licence: CC BY-SA 4.0.
# Built by: python -m silkgraph.extract.tools.build_org_heads --data ../shared/data
"""
# the corpora's organisation tags: ANERcorp's ORG, NewsFANE's organisation classes
ORG_TAGS = {"ORG", "Government", "Non-Governmental", "Commercial", "Educational", "Media", "Group", "Sports",
            "Police", "Medical-Science", "Religious_ORG", "Entertainment"}


def entity_spans(pairs: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """(tag, tokens) of every IOB2 entity.

    >>> entity_spans([("وزارة", "B-ORG"), ("العدل", "I-ORG"), ("في", "O"), ("عمان", "B-LOC")])
    [('ORG', ['وزارة', 'العدل']), ('LOC', ['عمان'])]
    """
    out: list[tuple[str, list[str]]] = []
    for token, tag in pairs:
        if tag.startswith("B-"):
            out.append((tag[2:], [token]))
        elif tag.startswith("I-") and out and out[-1][0] == tag[2:]:
            out[-1][1].append(token)
    return out


def head_counts(spans: list[tuple[str, list[str]]]) -> dict[str, tuple[int, int]]:
    """First word -> (organisations it opens, of which a definite noun alone follows it).

    >>> head_counts([("ORG", ["وزارة", "العدل"]), ("ORG", ["معهد", "العالم", "العربي"]), ("LOC", ["عمان"])])
    {'وزاره': (1, 1), 'معهد': (1, 0)}
    """
    names: Counter[str] = Counter()
    short: Counter[str] = Counter()
    for tag, tokens in spans:
        if tag not in ORG_TAGS:
            continue
        head = normalize_letters(tokens[0])
        names[head] += 1
        short[head] += len(tokens) == 2 and has_article(tokens[1], prepositions=False)
    return {h: (n, short[h]) for h, n in names.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--min-count", type=int, default=3, help="heads opening at least this many names")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    sources = ner_corpora(Path(args.data))
    if missing_corpora(sources):
        return 2
    counts: Counter[str] = Counter()
    shorts: Counter[str] = Counter()
    for path, sep in sources:
        for head, (n, s) in head_counts(entity_spans(read_conll(path, sep))).items():
            counts[head] += n
            shorts[head] += s
    rows = [f"{h}\t{n}\t{shorts[h]}" for h, n in sorted(counts.items()) if n >= args.min_count]
    out = Path(args.out)
    write_text_atomic(out, HEADER + "head\tnames\tshort\n" + "\n".join(rows) + "\n")
    print(f"{len(rows)} organisation heads -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
