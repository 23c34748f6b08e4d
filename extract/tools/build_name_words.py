"""Build ``data/lexicon/name_words.txt``: words of foreign person names, from Wikidata labels.

The English->Arabic person-name pairs of Merhav & Ash (COLING 2018, mined from Wikidata labels,
CC0) give the Arabic spellings of name words (جيانغ، ميرزا، أحمدوف). Kept: spellings seen at least
``--min-count`` times that are not common Arabic words (``common_words.txt``) nor words of a place
or body the gazetteer lists. Two or more such words in a row, which no table or model claimed, are
read as a person's name (``silkgraph.extract.names``). An offline tool: the extractor only reads its output.

    python -m silkgraph.extract.tools.build_name_words --data ../shared/data
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from silkgraph.extract.tools.build_common_words import DEFAULT_DATA
from silkgraph.extract.lexicon import load_lexicon
from silkgraph.normalize import normalize_letters, phrase_key, word_key
from silkgraph.atomic import write_text_atomic

OUT = Path(__file__).parent / "data" / "lexicon" / "name_words.txt"
HEADER = """\
# Words of foreign person names (normalised letters, one per line).
# Derived from the English->Arabic person-name pairs mined from Wikidata labels by Merhav & Ash
# (COLING 2018, github.com/steveash/NETransliteration-COLING2018), CC0 1.0; common words and
# words of gazetteer places and bodies removed.
# Built by: python -m silkgraph.extract.tools.build_name_words --data ../shared/data
"""


def name_words(pairs: list[tuple[str, int]], min_count: int, exclude: set[str]) -> list[str]:
    """Arabic name words seen at least ``min_count`` times, not in ``exclude`` (folded letters or word keys).

    >>> name_words([("جيانغ", 5), ("في", 9), ("نادر", 1)], 2, {"في"})
    ['جيانغ']
    """
    counts: Counter[str] = Counter()
    for arabic, n in pairs:
        counts[normalize_letters(arabic)] += n
    return sorted(w for w, n in counts.items() if n >= min_count and w not in exclude and word_key(w) not in exclude
                  and len(w) >= 2 and not w.startswith("ال"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    path = Path(args.data) / "wikidata_names_coling2018" / "wd_arabic_pairs.tsv"
    if not path.exists():
        print(f"error: missing {path} (pass --data)", file=sys.stderr)
        return 2
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].isdigit():
            pairs.append((parts[1], int(parts[2])))
    lex = load_lexicon()
    exclude = set(lex.common_words)
    person_types = {"Leader", "Person"}
    for entry in lex.entries.values():
        if entry.entity.type not in person_types:
            for form in (entry.entity.label_ar, *entry.aliases_ar):
                exclude.update(phrase_key(form).split())
                exclude.update(normalize_letters(form).split())
    exclude.update(lex.nisba)
    words = name_words(pairs, args.min_count, exclude)
    write_text_atomic(Path(args.out), HEADER + "\n".join(words) + "\n")
    print(f"{len(words)} name words -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
