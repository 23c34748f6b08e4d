"""Build ``data/lexicon/name_parts.txt``: words that begin longer names but are never a name alone.

سان (San Francisco, San Petersburg), عبد, أبو ... In the NER corpora such a word is tagged at the
start of an entity of several tokens and (almost) never as an entity of one token, so a mention
that is this word alone is half a name. Derived from ANERcorp and NewsFANE (CC BY-SA), so the file
carries their attribution. An offline tool: the extractor only reads its output.

    python -m silkgraph.extract.tools.build_name_parts --data ../shared/data
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from silkgraph.extract.tools.build_common_words import DEFAULT_DATA, missing_corpora, ner_corpora, read_conll
from silkgraph.normalize import normalize_letters
from silkgraph.atomic import write_text_atomic

OUT = Path(__file__).parent / "data" / "lexicon" / "name_parts.txt"
HEADER = """\
# Words that begin longer names but are (almost) never a name alone (normalised letters, one per line).
# Derived from the entity tags of ANERcorp (CC BY-SA 4.0; Benajiba et al. 2007, CAMeL Lab split)
# and NewsFANE Gold (CC BY-SA 3.0; Alotaibi & Lee 2014). Licence: CC BY-SA 4.0.
# Built by: python -m silkgraph.extract.tools.build_name_parts --data ../shared/data
"""


def name_parts(pairs: list[tuple[str, str]], min_count: int, max_alone_share: float) -> list[str]:
    """Words starting at least ``min_count`` entities, of which at most ``max_alone_share`` are one word long.

    >>> tags = [("سان", "B-LOC"), ("فرانسيسكو", "I-LOC"), ("في", "O")] * 3 + [("الصين", "B-LOC"), ("و", "O")] * 3
    >>> name_parts(tags, 2, 0.1)
    ['سان']
    """
    starts: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for i, (token, tag) in enumerate(pairs):
        if not tag.startswith("B-"):
            continue
        word = normalize_letters(token)
        if not any("\u0600" <= ch <= "\u06ff" for ch in word):
            continue
        starts[word] += 1
        nxt = pairs[i + 1][1] if i + 1 < len(pairs) else "O"
        if not nxt.startswith("I-"):
            alone[word] += 1
    return sorted(w for w, n in starts.items() if n >= min_count and alone[w] <= max_alone_share * n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--min-count", type=int, default=4)
    parser.add_argument("--max-alone-share", type=float, default=0.05)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    sources = ner_corpora(Path(args.data))
    if missing_corpora(sources):
        return 2
    words: set[str] = set()
    for path, sep in sources:  # per corpus: a sentence break must not join two files' tags
        words.update(name_parts(read_conll(path, sep), args.min_count, args.max_alone_share))
    out = Path(args.out)
    write_text_atomic(out, HEADER + "\n".join(sorted(words)) + "\n")
    print(f"{len(words)} name parts -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
