"""Build ``data/lexicon/verb_stems.txt`` and ``verb_affixes.tsv``: how Arabic verbs are inflected.

A word after a title that is a verb (يتفقان "the two agree", أكدت) is no part of the holder's name.
Rare inflected forms are in no word list, so the extractor recognises the shape instead: an
inflection prefix and suffix (ي…ان, ت…ون, …وا) around the stem of a known verb. Both halves are
learned from data:

- the affixes from the verb tokens of UD Arabic-PUD (CC BY-SA 3.0): each token's form around its
  lemma (يتفقون = ي + تفق + ون, the lemma اتفق without the alif of its derived form);
- the stems from the verb lemmas of UD Arabic-PUD and Arabic WordNet (CC BY-SA 3.0).

An offline tool: the extractor only reads its output (``silkgraph.extract.verbs``).

    python -m silkgraph.extract.tools.build_verb_forms --data ../shared/data
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from silkgraph.atomic import write_text_atomic
from silkgraph.extract.tools.build_common_words import DEFAULT_DATA
from silkgraph.normalize import normalize_letters

LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon"
ATTRIBUTION = """\
# Derived from UD Arabic-PUD (CC BY-SA 3.0; Universal Dependencies) and Arabic WordNet v2
# (CC BY-SA 3.0; Black et al. 2006, Open Multilingual Wordnet). Licence: CC BY-SA 3.0.
# Built by: python -m silkgraph.extract.tools.build_verb_forms --data ../shared/data
"""
STEMS_HEADER = "# Stems of Arabic verbs (normalised letters, one per line): a lemma, and without the\n" \
               "# alif of a derived form (اتفق -> تفق), as its imperfect is written.\n" + ATTRIBUTION
AFFIXES_HEADER = "# Inflection affixes of Arabic verbs seen around a stem in UD Arabic-PUD, with counts.\n" + ATTRIBUTION
MIN_STEM = 3
ALIF = "ا"


def stems_of(lemma: str) -> list[str]:
    """A lemma's written stems: itself, without the alif a derived form opens with, and with the
    long vowel of a hollow or defective verb as its imperfect writes it (قال: يقول، دعا: يدعو).

    >>> stems_of("اتفق"), stems_of("بحث"), stems_of("استضاف"), stems_of("دعا")
    (['اتفق', 'تفق'], ['بحث'], ['استضاف', 'ستضاف', 'استضوف', 'استضيف', 'ستضوف', 'ستضيف'], ['دعا', 'دعو', 'دعي'])
    """
    out = [lemma]
    if lemma.startswith(ALIF) and len(lemma) - 1 >= MIN_STEM:
        out.append(lemma[1:])
    for stem in list(out):
        if stem.endswith(ALIF):  # defective: دعا -> يدعو، مضى -> يمضي
            out += [stem[:-1] + "و", stem[:-1] + "ي"]
        elif len(stem) >= MIN_STEM and stem[-2] == ALIF:  # hollow: قال -> يقول، استضاف -> يستضيف
            out += [stem[:-2] + "و" + stem[-1], stem[:-2] + "ي" + stem[-1]]
    return [s for s in dict.fromkeys(out) if len(s) >= MIN_STEM]


def affix_of(form: str, lemma: str) -> tuple[str, str] | None:
    """The (prefix, suffix) around the lemma's stem in an inflected form, or None.

    >>> affix_of("يتفقون", "اتفق"), affix_of("أكدت", "أكد"), affix_of("قال", "قول")
    (('ي', 'ون'), ('', 'ت'), None)
    """
    form, lemma = normalize_letters(form), normalize_letters(lemma)
    for stem in stems_of(lemma):
        at = form.find(stem)
        if at >= 0:
            return form[:at], form[at + len(stem):]
    return None


def ud_verbs(path: Path) -> list[tuple[str, str]]:
    """(form, lemma) of every VERB token of a CoNLL-U file (multi-word token lines skipped)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 4 and cols[3] == "VERB" and cols[0].isdigit():
            out.append((cols[1], cols[2]))
    return out


def wordnet_verbs(path: Path) -> list[str]:
    """One-word lemmas of the verb synsets of an Open Multilingual Wordnet tab file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 3 and cols[0].endswith("-v") and cols[1].endswith("lemma") and " " not in cols[2].strip():
            out.append(cols[2].strip())
    return out


def verb_forms(verbs: list[tuple[str, str]], lemmas: list[str], min_count: int) -> tuple[list[str], Counter]:
    """The stems of every lemma, and the affixes seen at least ``min_count`` times (not both empty).

    >>> stems, affixes = verb_forms([("يتفقون", "اتفق"), ("يبحثون", "بحث"), ("بحث", "بحث")], ["أكد"], 2)
    >>> stems, dict(affixes)
    (['اتفق', 'اكد', 'بحث', 'تفق'], {('ي', 'ون'): 2})
    """
    stems = {s for lemma in [*lemmas, *(lem for _, lem in verbs)] for s in stems_of(normalize_letters(lemma))}
    seen: Counter = Counter(a for form, lemma in verbs if (a := affix_of(form, lemma)) and any(a))
    return sorted(stems), Counter({a: n for a, n in seen.items() if n >= min_count})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--out", default=str(LEXICON), help="the folder the two files are written to")
    args = parser.parse_args(argv)
    data = Path(args.data)
    ud = data / "ud_arabic_pud" / "ar_pud-ud-test.conllu"
    wordnet = data / "arabic_wordnet_omw" / "wn-nodia-arb.tab"
    missing = [str(p) for p in (ud, wordnet) if not p.exists()]
    if missing:
        print(f"error: missing data files: {', '.join(missing)} (pass --data)", file=sys.stderr)
        return 2
    stems, affixes = verb_forms(ud_verbs(ud), wordnet_verbs(wordnet), args.min_count)
    out = Path(args.out)
    write_text_atomic(out / "verb_stems.txt", STEMS_HEADER + "\n".join(stems) + "\n")
    rows = [f"{p}\t{s}\t{n}" for (p, s), n in sorted(affixes.items(), key=lambda kv: (-kv[1], kv[0]))]
    write_text_atomic(out / "verb_affixes.tsv", AFFIXES_HEADER + "prefix\tsuffix\tcount\n" + "\n".join(rows) + "\n")
    print(f"{len(stems)} verb stems, {len(affixes)} affixes -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
