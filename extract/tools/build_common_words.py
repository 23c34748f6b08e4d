"""Build ``data/lexicon/common_words.txt``: frequent Arabic words that are never names.

A token the gazetteers do not know is taken as part of a name (a project's, a person's) only
when it is not a common word; this list says which words are common. It is derived from the
non-entity tokens of ANERcorp and NewsFANE (CC BY-SA), so the file carries their attribution.

    python -m silkgraph.extract.tools.build_common_words --data ../shared/data
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from silkgraph.normalize import light_stem, normalize_letters
from silkgraph.atomic import write_text_atomic

EXTRACT = Path(__file__).resolve().parents[1]  # the extract package
REPO = EXTRACT.parent
OUT = EXTRACT / "data" / "lexicon" / "common_words.txt"
HEADER = """\
# Frequent Arabic words that are not names (normalised letters, one per line).
# Derived from the tokens tagged O in ANERcorp (CC BY-SA 4.0; Benajiba et al. 2007, CAMeL Lab split)
# and NewsFANE Gold (CC BY-SA 3.0; Alotaibi & Lee 2014). Licence: CC BY-SA 4.0.
# Built by: python -m silkgraph.extract.tools.build_common_words --data ../shared/data
"""


def read_conll(path: Path, sep: str | None) -> list[tuple[str, str]]:
    """(token, tag) pairs of a CoNLL-style file; BOM and bidi marks removed."""
    pairs = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.strip().split(sep) if sep else line.strip().split()
        if len(parts) >= 2:
            pairs.append((parts[0].strip("\u200e\u200f\ufeff"), parts[-1].strip()))
    return pairs


def common_words(pairs: list[tuple[str, str]], min_count: int, max_entity_share: float) -> list[str]:
    """Words seen at least ``min_count`` times and almost never inside an entity.

    >>> common_words([("في", "O")] * 3 + [("الصين", "B-LOC")] * 3, 2, 0.1)
    ['في']
    """
    outside: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for token, tag in pairs:
        for form in {normalize_letters(token), light_stem(token)}:
            if not any("\u0600" <= ch <= "\u06ff" for ch in form):
                continue
            (outside if tag == "O" else inside)[form] += 1
    keep = [
        w for w, n in outside.items()
        if n >= min_count and inside[w] <= max_entity_share * (n + inside[w])
    ]
    return sorted(keep)


DEFAULT_DATA = str(REPO.parent / "shared" / "data")


def ner_corpora(data: Path) -> list[tuple[Path, str | None]]:
    """The tagged corpora the word lists are derived from: (file, column separator)."""
    return [
        (data / "anercorp" / "ANERCorp_CamelLab_train.reconstructed.txt", None),
        (data / "newsfane" / "NewsFANE_Gold_2014_170K.txt", "\t"),
    ]


def missing_corpora(sources: list[tuple[Path, str | None]]) -> bool:
    """Print an error naming the corpus files that are absent; True when some are."""
    missing = [str(p) for p, _ in sources if not p.exists()]
    if missing:
        print(f"error: missing corpus files: {', '.join(missing)} (pass --data)", file=sys.stderr)
    return bool(missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--max-entity-share", type=float, default=0.3)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    sources = ner_corpora(Path(args.data))
    if missing_corpora(sources):
        return 2
    pairs = [pair for path, sep in sources for pair in read_conll(path, sep)]
    words = common_words(pairs, args.min_count, args.max_entity_share)
    out = Path(args.out)
    write_text_atomic(out, HEADER + "\n".join(words) + "\n")
    print(f"{len(words)} common words -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
