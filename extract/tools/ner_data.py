"""Corpus readers and label maps for training the statistical NER.

The corpora (ANERcorp, NewsFANE Gold, AQMAR) are CoNLL-style files: one ``token tag`` per
line, a blank line between sentences, IOB2 tags. They live in ``/work/shared/data`` (the
``--data`` folder of ``silkgraph.extract.tools.train_ner``); nothing here is needed at run time.

A sentence is a list of ``(word, tag)`` pairs.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from silkgraph.normalize import normalize_letters
from silkgraph.tables import read_tsv

EXTRACT = Path(__file__).resolve().parents[1]  # the extract package
LABELS_PATH = EXTRACT / "data" / "ner" / "labels.toml"

Sentence = list[tuple[str, str]]

# Characters that NewsFANE puts around tokens (BOM, left-to-right mark) and the CAMeL
# recipe removes (right-to-left mark).
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200e\u200f"), None)


class CorpusError(ValueError):
    """A corpus file is missing or not in the expected format."""


@lru_cache(maxsize=1)
def label_maps() -> dict:
    """The label maps of ``data/ner/labels.toml``.

    >>> label_maps()["schema"]["newsfane"]["Nation"]
    'Country'
    >>> label_maps()["anercorp"]["aqmar"]["PER"]
    'PERS'
    """
    return tomllib.loads(LABELS_PATH.read_text(encoding="utf-8"))


def parse_conll(text: str, source: str = "<text>") -> list[Sentence]:
    """Sentences of a CoNLL text: ``token<space or tab>tag`` lines, blank lines between sentences.

    >>> parse_conll("\\u200eالصين\\tB-Nation\\r\\nتبني\\tO\\r\\n\\r\\nو O\\n")
    [[('الصين', 'B-Nation'), ('تبني', 'O')], [('و', 'O')]]
    """
    sentences: list[Sentence] = []
    current: Sentence = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            if current:
                sentences.append(current)
                current = []
            continue
        parts = line.split()
        if len(parts) < 2:
            raise CorpusError(f"{source}:{lineno}: expected 'token tag', got {raw!r}")
        word = parts[0].translate(_INVISIBLE)
        if word:  # a token of bidi marks only (AQMAR has a few) is no word
            current.append((word, parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of the CoNLL file at ``path`` (see ``parse_conll``)."""
    if not path.is_file():
        raise CorpusError(f"corpus file not found: {path}")
    return parse_conll(path.read_text(encoding="utf-8-sig"), str(path))


def map_labels(sentence: Sentence, mapping: Mapping[str, str]) -> Sentence:
    """Rename the entity classes of ``sentence`` through ``mapping``; unmapped classes become O.

    An I- tag that does not continue an entity of the same class starts one (IOB2 repair).

    >>> map_labels([("a", "B-Nation"), ("b", "I-Nation"), ("c", "B-Book"), ("d", "I-Politician")],
    ...            {"Nation": "Country", "Politician": "Leader"})
    [('a', 'B-Country'), ('b', 'I-Country'), ('c', 'O'), ('d', 'B-Leader')]
    """
    out: Sentence = []
    previous = "O"
    for word, tag in sentence:
        if tag == "O" or "-" not in tag:
            out.append((word, "O"))
            previous = "O"
            continue
        prefix, label = tag.split("-", 1)
        new = mapping.get(label)
        if new is None:
            out.append((word, "O"))
            previous = "O"
            continue
        if prefix == "I" and previous == new:
            out.append((word, f"I-{new}"))
        else:
            out.append((word, f"B-{new}"))
        previous = new
    return out


def merge_clitics(sentence: Sentence, proclitics: Iterable[str], enclitics: Iterable[str]) -> Sentence:
    """Glue one-token clitics back onto their word, as the project's tokenizer leaves them.

    A proclitic takes the tag of the word after it; an enclitic joins the word before it.

    >>> merge_clitics([("و", "O"), ("الصين", "B-Country"), ("حصة", "O"), ("ها", "O")], ["و"], ["ها"])
    [('والصين', 'B-Country'), ('حصتها', 'O')]
    >>> merge_clitics([("ل", "O"), ("الاتحاد", "B-Organization")], ["ل"], [])
    [('للاتحاد', 'B-Organization')]
    """
    pro, enc = set(proclitics), set(enclitics)
    out: Sentence = []
    pending = ""
    for word, tag in sentence:
        if word in pro and not pending:
            pending = word
            continue
        if pending:
            if _is_arabic_word(word):
                # ل before the article drops its alef: ل + الصين = للصين
                if pending == "ل" and word.startswith("ال"):
                    word = word[1:]
                word = pending + word
            else:
                out.append((pending, "O"))
            pending = ""
        elif word in enc and out and _is_arabic_word(out[-1][0]):
            stem = out[-1][0]
            # ta marbuta becomes ta before a suffix: حصة + ها = حصتها
            if stem.endswith("ة"):
                stem = stem[:-1] + "ت"
            out[-1] = (stem + word, out[-1][1])
            continue
        out.append((word, tag))
    if pending:
        out.append((pending, "O"))
    return out


def _is_arabic_word(word: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in word)


def letters_key(words: Iterable[str]) -> str:
    """The Arabic letters of ``words``, folded, without anything else: the same text
    tokenised or punctuated two ways gives (nearly) the same key.

    >>> letters_key(["و", "أمس", "4.3"]) == letters_key(["وامس", "43"])
    True
    """
    return _NOT_LETTER.sub("", normalize_letters("".join(words)))


_NOT_LETTER = re.compile(r"[^\u0621-\u064a]")


def _shingles(key: str, size: int = 8, step: int = 4) -> list[str]:
    return [key[i:i + size] for i in range(0, max(1, len(key) - size + 1), step)]


def _all_grams(sentences: list[Sentence], size: int = 8) -> set[str]:
    """Every ``size``-letter substring of the sentences' letter keys, and each short key whole."""
    grams: set[str] = set()
    for sentence in sentences:
        key = letters_key(w for w, _ in sentence)
        grams.update(key[i:i + size] for i in range(max(1, len(key) - size + 1)))
    return grams


def split_by_source(
    sentences: list[Sentence], held_out: list[Sentence], kept: list[Sentence]
) -> tuple[list[Sentence], list[Sentence]]:
    """Split ``sentences`` into (those from ``kept``'s text, those from ``held_out``'s text).

    NewsFANE re-annotates the ANERcorp texts, re-tokenised and with some characters lost,
    so a sentence is placed by the share of its 8-letter shingles found in each text; a
    tie (short sentences, "." alone) goes to the held-out side so nothing leaks.

    >>> kept, held = split_by_source(
    ...     [[("و", "O"), ("الصين", "B-LOC"), ("تبني", "O"), ("طريقا", "O")], [("توقيع", "O"), ("اتفاقية", "O")]],
    ...     held_out=[[("وقعت", "O"), ("كازاخستان", "B-LOC"), ("توقيع", "O"), ("اتفاقية", "O")]],
    ...     kept=[[("والصين", "B-LOC"), ("تبني", "O"), ("طريقا", "O")]])
    >>> [len(s) for s in kept], [len(s) for s in held]
    ([4], [2])
    """
    held_grams = _all_grams(held_out)
    kept_grams = _all_grams(kept)
    to_keep, to_hold = [], []
    for sentence in sentences:
        shingles = _shingles(letters_key(w for w, _ in sentence))
        in_held = sum(sh in held_grams for sh in shingles)
        in_kept = sum(sh in kept_grams for sh in shingles)
        (to_keep if in_kept > in_held else to_hold).append(sentence)
    return to_keep, to_hold


# --- the corpora under the --data folder --------------------------------------------------

ANERCORP_TRAIN = Path("anercorp") / "ANERCorp_CamelLab_train.reconstructed.txt"
ANERCORP_TEST = Path("anercorp") / "ANERCorp_CamelLab_test.reconstructed.txt"
NEWSFANE = Path("newsfane") / "NewsFANE_Gold_2014_170K.txt"
AQMAR_DIR = Path("aqmar") / "articles"


def load_anercorp(data_dir: Path, split: str) -> list[Sentence]:
    """The ANERcorp CAMeL-split ``train`` or ``test`` sentences, labels PERS/LOC/ORG/MISC."""
    path = data_dir / {"train": ANERCORP_TRAIN, "test": ANERCORP_TEST}[split]
    mapping = label_maps()["anercorp"]["anercorp"]
    return [map_labels(s, mapping) for s in read_conll(path)]


def load_newsfane(data_dir: Path, labels: str) -> list[Sentence]:
    """NewsFANE Gold with clitics glued back and classes mapped to ``labels`` ("schema" or "anercorp")."""
    maps = label_maps()
    mapping = maps[labels]["newsfane"]
    cl = maps["clitics"]
    return [
        merge_clitics(map_labels(s, mapping), cl["proclitics"], cl["enclitics"])
        for s in read_conll(data_dir / NEWSFANE)
    ]


def load_aqmar(data_dir: Path, labels: str) -> list[Sentence]:
    """The AQMAR Wikipedia articles with classes mapped to ``labels`` (only "anercorp" has a map)."""
    mapping = label_maps()[labels].get("aqmar")
    if mapping is None:
        raise CorpusError(f"AQMAR has no label map to {labels!r} (its LOC class has no schema type)")
    folder = data_dir / AQMAR_DIR
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise CorpusError(f"no AQMAR articles in {folder}")
    return [map_labels(s, mapping) for f in files for s in read_conll(f)]


def load_gazetteer_names(data_dir: Path) -> dict[str, set[str]]:
    """Country and city names (Arabic) from the shared gazetteers, by class.

    NewsFANE's entity list is left out on purpose (it holds the benchmark's test entities),
    and so are the ODbL (mledoze) and LGPL (pycountry) tables, to keep the shipped model's
    licence simple: CLDR (Unicode licence), countrynames (MIT), GeoNames (CC BY 4.0).
    """
    folder = data_dir / "gazetteers"
    names: dict[str, set[str]] = {"country": set(), "city": set()}
    sources = [
        ("countries_cldr_babel_ar.tsv", "country", ["name_ar"]),
        ("country_aliases_countrynames_ar.tsv", "country", ["alias_ar"]),
        ("capitals_ar.tsv", "city", ["capital_ar_geonames"]),
        ("cities15000_geonames_ar.tsv", "city", ["names_ar"]),
    ]
    for filename, kind, columns in sources:
        try:
            rows = read_tsv(folder / filename)
        except (FileNotFoundError, ValueError) as exc:
            raise CorpusError(f"gazetteer file: {exc}") from None
        for row in rows:
            for column in columns:
                for name in (row.get(column) or "").split("|"):
                    if name.strip():
                        names[kind].add(name.strip())
    return names
