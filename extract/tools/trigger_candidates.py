"""Offline tool: verbs that could widen the relation triggers, from Arabic WordNet.

For each relation with triggers (``data/lexicon/triggers.tsv``), the verb synsets of Arabic
WordNet v2 (``../shared/data/arabic_wordnet_omw``, CC BY-SA 3.0) that contain a lemma one of its
triggers already matches are that relation's senses; their other lemmas are candidates. Large
synsets mix senses (زار also sits in a 14-lemma synset of "seeing"), so only small ones are read.
Each candidate is counted in news text (ANERcorp and NewsFANE, the NER corpora) to tell the words
reporters use from the dictionary's; a person reads the list and adds the right ones to
``triggers.tsv`` with the synset in the note. Nothing here runs at extraction time.

    python -m silkgraph.extract.tools.trigger_candidates --data ../shared/data [--max-synset 8] [--min-count 3]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from silkgraph.extract.lexicon import LEXICON_DIR, Trigger, load_triggers
from silkgraph.normalize import normalize_letters

AWN_FILE = Path("arabic_wordnet_omw") / "wn-data-arb.tab"
NEWS_FILES = (Path("anercorp") / "ANERCorp_CamelLab_train.reconstructed.txt",
              Path("newsfane") / "NewsFANE_Gold_2014_170K.txt")
ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_MARKS = {c: None for c in range(0x064B, 0x0660)} | {0x0670: None, 0x0640: None}  # harakat, tatweel


@dataclass(frozen=True)
class Candidate:
    relation: str
    lemma: str  # as Arabic WordNet writes it, marks dropped
    synset: str
    news_count: int  # occurrences of its first word in the news corpora (clitics and affixes aside)


def read_verb_synsets(path: Path) -> dict[str, set[str]]:
    """Verb synset id -> its lemmas (marks dropped), from an OMW ``wn-data-arb.tab`` file.

    >>> import tempfile
    >>> tab = Path(tempfile.mkdtemp()) / "wn.tab"
    >>> _ = tab.write_text("# AWN\\n01843689-v\\tarb:lemma\\tزارَ\\n01843689-v\\tarb:lemma\\tسافر إلى\\n"
    ...                    "13983515-n\\tarb:lemma\\tظلْماء\\n", encoding="utf-8")
    >>> {k: sorted(v) for k, v in read_verb_synsets(tab).items()}
    {'01843689-v': ['زار', 'سافر إلى']}
    """
    synsets: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3 or parts[1] != "arb:lemma" or not parts[0].endswith("-v"):
            continue
        lemma = parts[2].translate(_MARKS).strip()
        if lemma:
            synsets[parts[0]].add(lemma)
    return dict(synsets)


def candidates(synsets: dict[str, set[str]], triggers: Iterable[Trigger], news: Counter,
               max_synset: int = 8) -> list[Candidate]:
    """Lemmas sharing a small synset with a word a relation's triggers match, not matched yet.

    >>> trig = load_triggers(LEXICON_DIR / "triggers.tsv")
    >>> found = candidates({"1-v": {"زار", "تجول في"}, "2-v": {"زار", *"abcdefghij"}}, trig, Counter({"تجول": 5}))
    >>> [(c.relation, c.lemma, c.news_count) for c in found]
    [('visited', 'تجول في', 5)]
    """
    by_relation: dict[str, list[Trigger]] = defaultdict(list)
    for t in triggers:
        by_relation[t.relation].append(t)
    out = []
    for synset, lemmas in sorted(synsets.items()):
        if len(lemmas) > max_synset:
            continue
        for relation, trigs in sorted(by_relation.items()):
            def matched(lemma: str) -> bool:
                return any(t.pattern.match(normalize_letters(lemma.split()[0])) for t in trigs)
            if not any(matched(lemma) for lemma in lemmas):
                continue
            for lemma in sorted(lemmas):
                if not matched(lemma):
                    head = normalize_letters(lemma.split()[0])
                    out.append(Candidate(relation, lemma, synset, news[head]))
    return out


def news_counts(files: Iterable[Path]) -> Counter:
    """Folded Arabic words of the news corpora and how often each occurs (a leading و/ف aside)."""
    counts: Counter = Counter()
    for path in files:
        for word in ARABIC_WORD.findall(path.read_text(encoding="utf-8", errors="replace")):
            word = normalize_letters(word)
            counts[word] += 1
            if word[:1] in "وف" and len(word) > 3:
                counts[word[1:]] += 1
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="the shared data folder (holds arabic_wordnet_omw/)")
    ap.add_argument("--max-synset", type=int, default=8, help="read synsets of at most this many lemmas")
    ap.add_argument("--min-count", type=int, default=3, help="list candidates seen at least this often in news")
    args = ap.parse_args(argv)
    data = Path(args.data)
    try:
        synsets = read_verb_synsets(data / AWN_FILE)
        news = news_counts(data / f for f in NEWS_FILES)
    except FileNotFoundError as exc:
        print(f"trigger_candidates: {exc.filename}: not found (pass the shared data folder with --data)",
              file=sys.stderr)
        return 1
    found = candidates(synsets, load_triggers(LEXICON_DIR / "triggers.tsv"), news, args.max_synset)
    print("relation\tlemma\tsynset\tnews_count")
    try:
        for c in sorted(found, key=lambda c: (c.relation, -c.news_count, c.lemma)):
            if c.news_count >= args.min_count:
                print(f"{c.relation}\t{c.lemma}\t{c.synset}\t{c.news_count}")
    except BrokenPipeError:  # the list piped into head
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
