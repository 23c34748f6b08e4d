"""What every gazetteer source works with: the rows being built, the name checks, the corpus counts.

Used by ``silkgraph.extract.tools.gazetteer_builder`` and the source modules of
``silkgraph.extract.tools.gazetteer_sources``.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from silkgraph.normalize import ARABIC_DATA, normalize_letters, phrase_key, word_key
from silkgraph.tables import read_tsv as read_table

COLUMNS = ("id", "type", "label_en", "label_ar", "aliases_ar", "aliases_en", "wikidata",
           "country", "weak_aliases_ar", "note")
SEP = "|"
ARABIC_NAME = re.compile(r"^[\u0621-\u064a]+(?:[ -][\u0621-\u064a]+)*$")
# Alef maqsura (U+0649) inside a word is Uyghur/Kazakh Arabic script, not Arabic.
MEDIAL_ALEF_MAQSURA = re.compile("\u0649(?=[\u0621-\u064a])")
ORTHOGRAPHY = tomllib.loads(ARABIC_DATA.read_text(encoding="utf-8"))
DROPPED = re.compile(f"[{ORTHOGRAPHY['dropped']}]")
# the letters that fold to a bare alef: alef with hamza or madda
HAMZA_ALEFS = re.compile("[" + "".join(k for k, v in ORTHOGRAPHY["letters"].items() if v == "\u0627") + "]")


class BuildError(Exception):
    """Bad input data: the message says which file and row."""


# ---------------------------------------------------------------- records


@dataclass
class Name:
    """One Arabic spelling of an entity, and whether a person vouched for it."""

    text: str
    curated: bool


@dataclass
class EntityRow:
    """One gazetteer row while it is being built; names are kept in priority order."""

    id: str
    type: str
    label_en: str = ""
    names: list[Name] = field(default_factory=list)  # names[0] is the label
    weak: list[Name] = field(default_factory=list)
    aliases_en: list[str] = field(default_factory=list)
    wikidata: str = ""
    country: str = ""
    note: str = ""
    population: int = 0
    dropped_keys: set[str] = field(default_factory=set)

    def keys(self) -> set[str]:
        return {phrase_key(n.text) for n in self.names + self.weak}

    def add(self, text: str, curated: bool, weak: bool = False) -> None:
        """Add a spelling unless an equal key is already listed or was dropped."""
        key = phrase_key(text)
        if not key or key in self.dropped_keys or key in self.keys():
            return
        (self.weak if weak else self.names).append(Name(text, curated))

    def add_en(self, text: str) -> None:
        text = text.strip()
        if text and text.casefold() not in {a.casefold() for a in [self.label_en, *self.aliases_en]}:
            self.aliases_en.append(text)

    def row(self) -> dict[str, str]:
        return {
            "id": self.id,
            "type": self.type,
            "label_en": self.label_en,
            "label_ar": self.names[0].text,
            "aliases_ar": SEP.join(n.text for n in self.names[1:]),
            "aliases_en": SEP.join(self.aliases_en),
            "wikidata": self.wikidata,
            "country": self.country,
            "weak_aliases_ar": SEP.join(n.text for n in self.weak),
            "note": self.note,
        }


# ---------------------------------------------------------------- reading


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a headed TSV input (``silkgraph.tables.read_tsv``), problems as BuildError."""
    try:
        return read_table(path)
    except (FileNotFoundError, ValueError) as exc:
        raise BuildError(str(exc)) from None


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split(SEP) if v.strip()]


def read_conll(path: Path, sep: str) -> Iterator[tuple[str, str]]:
    """(token, tag) pairs of an IOB file whose lines are ``token<sep>tag``."""
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if sep == "\t":
                token, _, tag = line.partition("\t")
            else:
                token, _, tag = line.rpartition(" ")
            yield token.strip(), tag.strip()


@dataclass
class CorpusStats:
    """How often each word key occurs in the corpora, and how often tagged O."""

    total: Counter
    outside: Counter
    forms: set[str]  # letter-normalised tokens (and tokens without a leading و/ف)
    spellings: dict[str, Counter]  # letter-normalised token -> its spellings in the hamza-keeping corpora

    def usual_spelling(self, word: str) -> str:
        """The most frequent spelling of ``word`` in ANERcorp/AQMAR (they keep hamza), else ``word``."""
        seen = self.spellings.get(normalize_letters(word))
        if not seen:
            return word
        return min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def o_share(self, key: str) -> float:
        return self.outside[key] / self.total[key] if self.total[key] else 0.0


def corpus_stats(shared: Path) -> CorpusStats:
    """Count word keys over ANERcorp (full cleaned copy), NewsFANE Gold and AQMAR."""
    sources: list[tuple[Path, str]] = [
        (shared / "anercorp" / "ANERCorp_cleaned.from_HassanAzzam.txt", " "),
        (shared / "newsfane" / "NewsFANE_Gold_2014_170K.txt", "\t"),
    ]
    sources += [(p, " ") for p in sorted((shared / "aqmar" / "articles").glob("*.txt"))]
    total: Counter = Counter()
    outside: Counter = Counter()
    forms: set[str] = set()
    spellings: dict[str, Counter] = defaultdict(Counter)
    for path, sep in sources:
        keeps_hamza = "newsfane" not in path.parts  # NewsFANE writes every hamza alef bare
        if not path.is_file():
            raise BuildError(f"missing corpus file: {path}")
        for token, tag in read_conll(path, sep):
            letters = normalize_letters(token)
            if not letters:
                continue
            key = word_key(token)
            total[key] += 1
            if tag == "O":
                outside[key] += 1
            forms.add(letters)
            if letters[:1] in ORTHOGRAPHY["clitics"]["conjunctions"] and len(letters) > 3:
                forms.add(letters[1:])
            if keeps_hamza:
                spellings[letters][DROPPED.sub("", token)] += 1
    return CorpusStats(total, outside, forms, dict(spellings))


# ---------------------------------------------------------------- names


def clean(text: str) -> str:
    """Strip diacritics, tatweel and bidi marks, and squeeze spaces (letters are kept as written).

    >>> clean(" تُرمِنِستان  الجديدة ")
    'ترمنستان الجديدة'
    """
    text = DROPPED.sub("", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", text).strip()


def letter_count(text: str) -> int:
    return sum(1 for ch in text if ch not in " -")


def name_problem(text: str, min_letters: int) -> str:
    """Why ``text`` cannot be a gazetteer name, or "" when it can.

    >>> name_problem("أستانا", 3), name_problem("بان", 3)
    ('', '')
    >>> name_problem("هو", 3)
    'fewer than 3 letters'
    >>> name_problem("د مشق", 3)
    'a one-letter word'
    >>> name_problem("قىرغىزىستان", 3)
    'alef maqsura inside a word (not Arabic orthography)'
    """
    if not ARABIC_NAME.match(text.replace(" - ", "-")):
        return "not plain Arabic letters"
    if min(len(w) for w in re.split(r"[ -]+", text)) < 2:
        return "a one-letter word"
    if MEDIAL_ALEF_MAQSURA.search(text):
        return "alef maqsura inside a word (not Arabic orthography)"
    if letter_count(normalize_letters(text)) < min_letters:
        return f"fewer than {min_letters} letters"
    return ""


def is_common_word(text: str, common: set[str]) -> bool:
    """A one-word name that is a common word of the corpora."""
    words = phrase_key(text).split()
    return len(words) == 1 and words[0] in common


def slug(text: str) -> str:
    """A readable ASCII id part.

    >>> slug("Xi’an"), slug("Mazār-e Sharīf"), slug("St. John's")
    ('xian', 'mazar-e-sharif', 'st-johns')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’`]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def transliterate(text: str, table: dict[str, str]) -> str:
    return slug("".join(table.get(ch, ch if ch in " -" else "") for ch in normalize_letters(text)))


# ---------------------------------------------------------------- building
