"""Build the Arabic gazetteer files the rule-based extractor matches.

    python -m extract.tools.build_gazetteer --shared-data /work/shared/data --out extract/data/gazetteer

Inputs: the shared gazetteer tables and NER corpora (``--shared-data``) and the hand-curated
tables in ``extract/data/gazetteer/curated/`` (settings in ``curated/build.toml``). Outputs, one
TSV per kind with the columns of ``COLUMNS``: countries, cities, regions, leaders,
organizations, initiatives; plus ``nisba.tsv``, ``titles.tsv``, ``ambiguous.tsv`` (the alias
ambiguity allow-list) and ``common_words.tsv`` (single words the corpora mostly tag O).

The build is deterministic: same inputs, same bytes. Names are compared by
``silkgraph.normalize.phrase_key``, so forms that differ only by diacritics, alef/hamza, ى/ي,
ة/ه or a leading article are listed once. Every name is checked: Arabic letters only, at least
three letters, not a common word, and not claimed by two entities unless allow-listed.
"""
from __future__ import annotations

import argparse
import io
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from silkgraph.atomic import write_text_atomic
from silkgraph.tables import read_tsv as read_table
from silkgraph.normalize import ARABIC_DATA, normalize_letters, phrase_key, word_key
from silkgraph.schema import schema

EXTRACT = Path(__file__).resolve().parents[1]  # the extract package
REPO = EXTRACT.parent
GAZETTEER_DIR = EXTRACT / "data" / "gazetteer"
CURATED_DIR = GAZETTEER_DIR / "curated"
DEFAULT_SHARED = REPO.parent / "shared" / "data"

COLUMNS = ("id", "type", "label_en", "label_ar", "aliases_ar", "aliases_en", "wikidata",
           "country", "weak_aliases_ar", "note")
ENTITY_FILES = {
    "Country": "countries.tsv",
    "City": "cities.tsv",
    "Region": "regions.tsv",
    "Leader": "leaders.tsv",
    "Organization": "organizations.tsv",
    "Initiative": "initiatives.tsv",
}
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


class Builder:
    """Collects entities from the curated tables and the shared data, then checks them."""

    def __init__(self, shared: Path, curated: Path):
        self.shared = shared
        self.curated = curated
        self.config = tomllib.loads((curated / "build.toml").read_text(encoding="utf-8"))
        self.min_letters = int(self.config["names"]["min_letters"])
        self.entities: dict[str, EntityRow] = {}
        self.log: list[str] = []
        self.drops: dict[str, set[str]] = defaultdict(set)
        for r in read_tsv(curated / "drop_names.tsv"):
            self.drops[r["id"]].add(phrase_key(clean(r["name_ar"])))
        self.stats = corpus_stats(shared)
        cw = self.config["common_words"]
        self.common = {k for k, n in self.stats.total.items()
                       if n >= cw["min_count"] and self.stats.o_share(k) >= cw["min_o_share"]
                       and len(k) > 1}
        self.geonames_common = {k for k, n in self.stats.total.items()
                                if n >= cw["geonames_min_count"]
                                and self.stats.o_share(k) > cw["geonames_min_o_share"]}

    # -- helpers

    def new(self, row: EntityRow) -> EntityRow:
        if row.id in self.entities:
            raise BuildError(f"duplicate id {row.id}")
        self.entities[row.id] = row
        return row

    def add_name(self, ent: EntityRow, text: str, curated: bool, weak: bool = False,
                 common: set[str] | None = None, weak_if_common: bool = False) -> None:
        """Add a spelling after cleaning and checks; curated spellings must pass, others are dropped."""
        text = clean(text)
        if not text or phrase_key(text) in self.drops.get(ent.id, ()):
            return
        problem = name_problem(text, 2 if weak else self.min_letters)
        if not problem and not weak and is_common_word(text, common if common is not None else self.common):
            problem = "a common word in the corpora"
            if curated:
                raise BuildError(f"{ent.id}: curated name {text!r} is {problem}; move it to weak_aliases_ar")
            if weak_if_common and phrase_key(text) not in ent.dropped_keys:
                # a country's usual name that is also a word (مالي) is usable only in context
                self.log.append(f"{ent.id}: {text!r} is a common word, kept as weak alias")
                ent.add(text, curated, weak=True)
            else:
                self.log.append(f"{ent.id}: {text!r} is a common word, dropped")
            return
        if problem:
            if curated:
                raise BuildError(f"{ent.id}: curated name {text!r}: {problem}")
            return
        ent.add(text, curated, weak=weak)

    def curated_rows(self, filename: str) -> list[dict[str, str]]:
        return read_tsv(self.curated / filename)

    # -- curated entity tables (leaders, organisations, initiatives, regions)

    def load_curated_entities(self, filename: str, type_: str) -> None:
        for row in self.curated_rows(filename):
            if row["type"] != type_:
                raise BuildError(f"{filename}: {row['id']}: type {row['type']!r}, expected {type_}")
            ent = self.new(EntityRow(id=row["id"], type=type_, label_en=row["label_en"],
                                     wikidata=row["wikidata"], country=row["country"], note=row["note"]))
            self.add_curated_names(ent, row)

    def add_curated_names(self, ent: EntityRow, row: dict[str, str]) -> None:
        """A curated row's Arabic label and aliases, weak aliases and English aliases."""
        for text in [row["label_ar"], *split(row["aliases_ar"])]:
            self.add_name(ent, text, curated=True)
        for text in split(row["weak_aliases_ar"]):
            self.add_name(ent, text, curated=True, weak=True)
        for text in split(row["aliases_en"]):
            ent.add_en(text)

    # -- countries

    def build_countries(self) -> None:
        g = self.shared / "gazetteers"
        cldr = {r["code"]: r for r in read_tsv(g / "countries_cldr_babel_ar.tsv")}
        pyc = {r["alpha2"]: r for r in read_tsv(g / "countries_pycountry_ar.tsv")}
        mle = {r["cca2"]: r for r in read_tsv(g / "countries_mledoze_ara.tsv")}
        cn_aliases: dict[str, list[str]] = defaultdict(list)
        for r in read_tsv(g / "country_aliases_countrynames_ar.tsv"):
            cn_aliases[r["code"]].append(r["alias_ar"])
        curated = {r["id"]: r for r in self.curated_rows("countries.tsv")}
        skip = set(self.config["countries"]["not_countries"])
        codes = sorted((set(pyc) | set(mle)) - skip)
        for cid in curated:
            if cid.removeprefix("country:") not in codes:
                raise BuildError(f"curated/countries.tsv: {cid} is not an ISO 3166 code of the shared tables")
        for code in codes:
            cid = f"country:{code}"
            cur = curated.get(cid, {})
            p, m, c = pyc.get(code, {}), mle.get(code, {}), cldr.get(code, {})
            ent = self.new(EntityRow(id=cid, type="Country", country=code, note=cur.get("note", ""),
                                     population=int(m.get("unMember") == "True"),
                                     label_en=cur.get("label_en") or m.get("name_en") or c.get("name_en")
                                     or p.get("name_en", ""),
                                     wikidata=cur.get("wikidata", "")))
            ent.dropped_keys = {phrase_key(clean(t)) for t in split(cur.get("drop_ar", ""))}
            if cur:
                self.add_curated_names(ent, cur)
            # countrynames mixes in Persian, Tajik and Urdu spellings (لهستان, بلغارستون):
            # its aliases are kept only when the corpora attest every word
            attested = [a for a in cn_aliases.get(code, []) if self._attested(a)]
            generated = [c.get("name_ar", ""), m.get("common_ar", ""), p.get("name_ar", ""),
                         m.get("official_ar", ""), p.get("official_name_ar", ""), *attested]
            for n, text in enumerate(generated):
                self.add_name(ent, text, curated=False, weak_if_common=(n == 0 and not cur))
            for text in [m.get("name_en", ""), c.get("name_en", ""), p.get("name_en", "")]:
                ent.add_en(text)
            if not ent.names:
                del self.entities[cid]
                self.log.append(f"{cid}: no usable Arabic name, left out")

    def _attested(self, text: str) -> bool:
        """Every word of ``text`` occurs in the corpora (letters folded)."""
        words = normalize_letters(clean(text)).split()
        return bool(words) and all(w in self.stats.forms for w in words)

    # -- regions from CLDR numeric codes

    def build_regions(self) -> None:
        self.load_curated_entities("regions.tsv", "Region")
        by_key = {k: e for e in self.entities.values() if e.type == "Region" for k in e.keys()}
        skip = set(self.config["regions"]["skip_cldr_codes"])
        for r in read_tsv(self.shared / "gazetteers" / "countries_cldr_babel_ar.tsv"):
            if not r["code"].isdigit() or r["code"] in skip:
                continue
            text = clean(r["name_ar"])
            ent = by_key.get(phrase_key(text))
            if ent is None:
                rid = f"region:{slug(r['name_en'])}"
                ent = self.entities.get(rid) or self.new(EntityRow(id=rid, type="Region", label_en=r["name_en"]))
                by_key[phrase_key(text)] = ent
            self.add_name(ent, text, curated=False)
            ent.add_en(r["name_en"])
            if not ent.names:
                del self.entities[ent.id]

    # -- cities

    def build_cities(self) -> None:
        g = self.shared / "gazetteers"
        cc = self.config["cities"]
        geo_rows = read_tsv(g / "cities15000_geonames_ar.tsv")
        geo = {r["geonameid"]: r for r in geo_rows}
        country_codes = {e.country for e in self.entities.values() if e.type == "Country"}
        linked: set[str] = set()
        for row in self.curated_rows("cities.tsv"):
            if row["country"] not in country_codes:
                raise BuildError(f"curated/cities.tsv: {row['id']}: unknown country {row['country']!r}")
            ent = self.new(EntityRow(id=row["id"], type="City", label_en=row["label_en"],
                                     wikidata=row["wikidata"], country=row["country"], note=row["note"]))
            ent.dropped_keys = {phrase_key(clean(t)) for t in split(row["drop_ar"])}
            self.add_curated_names(ent, row)
            if row["geonameid"]:
                g_row = geo.get(row["geonameid"])
                if g_row is None:
                    raise BuildError(f"curated/cities.tsv: {row['id']}: geonameid {row['geonameid']} not in GeoNames table")
                linked.add(row["geonameid"])
                self._add_geonames_names(ent, g_row)
        capital_ids = set()
        for cap in read_tsv(g / "capitals_ar.tsv"):
            if cap["country"] not in country_codes or not cap["capital_en"]:
                continue
            g_row = self._find_capital(cap, geo_rows)
            if g_row is not None:
                capital_ids.add(g_row["geonameid"])
            elif cap["capital_ar_geonames"]:
                self._city_from_capital(cap)
        focus = set(cc["focus_countries"])
        for r in sorted(geo_rows, key=lambda r: (-int(r["population"] or 0), r["geonameid"])):
            if r["geonameid"] in linked or r["country"] not in country_codes:
                continue
            pop = int(r["population"] or 0)
            wanted = (r["geonameid"] in capital_ids or pop >= cc["world_min_population"]
                      or (r["country"] in focus and pop >= cc["focus_min_population"]))
            if not wanted:
                continue
            cid = f"city:{slug(r['name_en'])}-{r['country'].lower()}"
            if cid in self.entities:
                cid = f"{cid}-{r['geonameid']}"
            is_capital = r["geonameid"] in capital_ids
            ent = EntityRow(id=cid, type="City", label_en=r["name_en"], country=r["country"],
                            note=("Capital; " if is_capital else "")
                            + f"GeoNames {r['geonameid']}, population {pop}")
            self._add_geonames_names(ent, r, is_capital)
            if ent.names:
                self.new(ent)
            else:
                self.log.append(f"{cid}: no usable Arabic name in GeoNames, left out")

    def _find_capital(self, cap: dict[str, str], geo_rows: list[dict[str, str]]) -> dict[str, str] | None:
        """The GeoNames row of a capital: same country, and the same English or Arabic name."""
        keys = {phrase_key(clean(t)) for t in split(cap["capital_ar_geonames"])}
        found = [r for r in geo_rows if r["country"] == cap["country"] and (
            slug(r["name_en"]) == slug(cap["capital_en"])
            or keys & {phrase_key(clean(t)) for t in split(r["names_ar"])})]
        return max(found, key=lambda r: (int(r["population"] or 0), r["geonameid"]), default=None)

    def _add_geonames_names(self, ent: EntityRow, g_row: dict[str, str], is_capital: bool = False) -> None:
        ent.population = max(ent.population, int(g_row["population"] or 0))
        max_words = self.config["cities"]["max_words"]
        names = [clean(t) for t in split(g_row["names_ar"])]
        names = [t for t in names if t and len(t.split()) <= max_words]
        # usual news spelling first: most frequent in the corpora, then written with hamza
        names.sort(key=lambda t: (-self._corpus_count(t), not HAMZA_ALEFS.search(t)))
        for text in names:
            # a capital's name that is also a word (سيول, مسقط) is kept, for use in context only
            self.add_name(ent, text, curated=False, weak_if_common=is_capital,
                          common=self.common if is_capital else self.common | self.geonames_common)
        if g_row["name_en"] != ent.label_en:
            ent.add_en(g_row["name_en"])

    def _city_from_capital(self, cap: dict[str, str]) -> None:
        cid = f"city:{slug(cap['capital_en'])}-{cap['country'].lower()}"
        if cid in self.entities:
            return
        ent = EntityRow(id=cid, type="City", label_en=cap["capital_en"], country=cap["country"],
                        note="Capital")
        for text in split(cap["capital_ar_geonames"]):
            if len(clean(text).split()) <= self.config["cities"]["max_words"]:
                self.add_name(ent, text, curated=False, weak_if_common=True)
        if ent.names:
            self.new(ent)

    def _corpus_count(self, text: str) -> int:
        words = phrase_key(text).split()
        return self.stats.total[words[0]] if len(words) == 1 else 0

    # -- organisations from NewsFANE

    def build_newsfane_orgs(self) -> None:
        """Organisations from the NewsFANE entity strings: frequent, specific, not known already."""
        oc = self.config["organizations"]
        table = {k: str(v) for k, v in self.config["translit"].items()}
        known = {k for e in self.entities.values() for k in e.keys()}
        nisba_keys = {phrase_key(f) for f, _ in self.nisba}
        actions = {phrase_key(clean(r["form"])): r for r in self.curated_rows("newsfane_orgs.tsv")}
        counts: Counter = Counter()
        kinds: dict[str, str] = {}
        spelling: dict[str, str] = {}
        merged: dict[str, list[str]] = defaultdict(list)
        for r in read_tsv(self.shared / "gazetteers" / "newsfane_entities_by_type.tsv"):
            if r["fine_type"] not in oc["newsfane_types"]:
                continue
            text = clean(r["surface_form_alef_normalized"])
            # للامم المتحدة: a preposition glued to the name; اف ب: initials, not a name
            if name_problem(text, self.min_letters) or text.startswith(ORTHOGRAPHY["clitics"]["lam_article"]):
                continue
            text = " ".join(self.stats.usual_spelling(w) for w in text.split())
            key = phrase_key(text)
            action = actions.get(key)
            if action and action["action"] == "exclude":
                continue
            if action and action["action"] == "merge":
                merged[phrase_key(clean(action["target"]))].append(text)
                key = phrase_key(clean(action["target"]))
            elif key not in spelling or spelling[key] in merged[key]:
                spelling[key] = text  # the target's own spelling wins over a merged variant's
            spelling.setdefault(key, text)
            counts[key] += int(r["count"])
            kinds.setdefault(key, r["fine_type"])
        for key in sorted(counts):
            text = spelling[key]
            single = len(key.split()) == 1
            need = oc["newsfane_min_count_single_word"] if single else oc["newsfane_min_count"]
            if counts[key] < need or key in known or key in nisba_keys:
                continue
            if single and (key in self.common or key in self.geonames_common):
                continue
            oid = f"org:nf-{transliterate(text, table)}"
            if oid in self.entities:
                continue
            ent = EntityRow(id=oid, type="Organization",
                            note=f"NewsFANE {kinds[key]} string, {counts[key]} occurrences")
            for name in [text, *sorted(merged.get(key, []))]:
                if phrase_key(name) not in known:
                    self.add_name(ent, name, curated=False)
            if ent.names:
                self.new(ent)
                known |= ent.keys()

    # -- nisba adjectives

    def build_nisba(self) -> None:
        nc = self.config["nisba"]
        exclude = {normalize_letters(r["form"]) for r in self.curated_rows("nisba_exclude.tsv")}
        forms: dict[str, str] = {}
        curated_countries = set()
        for r in self.curated_rows("nisba_stems.tsv"):
            self._check_country(r["country_id"], "nisba_stems.tsv")
            curated_countries.add(r["country_id"])
            for form in self._inflect(r["stem"]):
                self._add_nisba(forms, form, r["country_id"], "nisba_stems.tsv")
        for r in self.curated_rows("nisba_forms.tsv"):
            self._check_country(r["country_id"], "nisba_forms.tsv")
            self._add_nisba(forms, clean(r["form"]), r["country_id"], "nisba_forms.tsv")
        generated: dict[str, set[str]] = defaultdict(set)
        for ent in sorted(self.entities.values(), key=lambda e: e.id):
            if ent.type != "Country" or ent.id in curated_countries:
                continue
            for name in ent.names:
                words = name.text.split()
                if len(words) != 1:
                    continue
                stem = words[0]
                if stem.startswith(nc["article"]):
                    stem = stem[len(nc["article"]):]
                if stem[-1:] in nc["no_nisba_after"]:
                    continue
                if stem[-1:] in nc["drop_final"]:
                    stem = stem[:-1]
                for form in self._inflect(stem + nc["nisba_ya"]):
                    if normalize_letters(form) in self.stats.forms:
                        generated[form].add(ent.id)
        taken = {normalize_letters(f) for f in forms}
        for form, ids in sorted(generated.items()):
            if len(ids) == 1 and normalize_letters(form) not in taken | exclude:
                forms[form] = next(iter(ids))
                taken.add(normalize_letters(form))
        self.nisba = sorted(((f, c) for f, c in forms.items() if normalize_letters(f) not in exclude),
                            key=lambda fc: (fc[1], normalize_letters(fc[0]), fc[0]))

    def drop_nisba_names(self) -> None:
        """A nisba adjective (مصري, أفغاني) listed as a name of a place is an adjective, not a name."""
        nisba_keys = {phrase_key(f) for f, _ in self.nisba}
        for ent in sorted(self.entities.values(), key=lambda e: e.id):
            for name in list(ent.names + ent.weak):
                key = phrase_key(name.text)
                if key in nisba_keys and not name.curated:
                    self._drop_key(ent, key, "a nisba adjective")

    def _inflect(self, stem: str) -> list[str]:
        nc = self.config["nisba"]
        stem = clean(stem)
        out = []
        for suffix in nc["suffixes"]:
            out.append(nc["article"] + stem + suffix)
            out.append(stem + suffix)
        return out

    def _add_nisba(self, forms: dict[str, str], form: str, country_id: str, where: str) -> None:
        problem = name_problem(form, self.min_letters)
        if problem:
            raise BuildError(f"curated/{where}: {form!r}: {problem}")
        for f, c in forms.items():
            if normalize_letters(f) == normalize_letters(form) and c != country_id:
                raise BuildError(f"curated/{where}: {form!r} given for {c} and {country_id}")
        if not any(normalize_letters(f) == normalize_letters(form) for f in forms):
            forms[form] = country_id

    def _check_country(self, cid: str, where: str) -> None:
        if cid not in self.entities or self.entities[cid].type != "Country":
            raise BuildError(f"curated/{where}: unknown country id {cid!r}")

    # -- titles

    def build_titles(self) -> list[dict[str, str]]:
        edge_types = set(schema().edge_types)
        rows = []
        seen = set()
        for r in self.curated_rows("titles.tsv"):
            if r["relation"] not in edge_types:
                raise BuildError(f"curated/titles.tsv: {r['title_ar']!r}: relation {r['relation']!r} not in the schema")
            if r["scope"] not in ("country", "org", "city"):
                raise BuildError(f"curated/titles.tsv: {r['title_ar']!r}: scope must be country, org or city")
            title = clean(r["title_ar"])
            if name_problem(title, self.min_letters):
                raise BuildError(f"curated/titles.tsv: {title!r}: {name_problem(title, self.min_letters)}")
            if phrase_key(title) in seen:
                raise BuildError(f"curated/titles.tsv: {title!r} listed twice")
            seen.add(phrase_key(title))
            rows.append({"title_ar": title, "office_en": r["office_en"], "relation": r["relation"],
                         "scope": r["scope"]})
        return rows

    # -- ambiguity

    def resolve_ambiguity(self) -> list[dict[str, str]]:
        """Give every shared name to one entity, except names of the allow-list."""
        allowed: dict[str, set[str]] = {}
        allow_rows = []
        for r in self.curated_rows("ambiguous.tsv"):
            ids = set(split(r["ids"]))
            missing = ids - set(self.entities)
            if missing or len(ids) < 2:
                raise BuildError(f"curated/ambiguous.tsv: {r['alias_ar']!r}: needs two known ids, unknown {sorted(missing)}")
            allowed[phrase_key(clean(r["alias_ar"]))] = ids
            allow_rows.append({"alias_ar": clean(r["alias_ar"]), "ids": SEP.join(sorted(ids)), "note": r["note"]})
        owners: dict[str, list[EntityRow]] = defaultdict(list)
        for ent in sorted(self.entities.values(), key=lambda e: e.id):
            for key in ent.keys():
                owners[key].append(ent)
        rank = {"Country": 0, "Region": 1, "Organization": 2, "Initiative": 2, "Leader": 2, "City": 3}
        for key, ents in sorted(owners.items()):
            if len(ents) < 2:
                continue
            if key in allowed and {e.id for e in ents} <= allowed[key]:
                continue
            vouched = [e for e in ents if any(n.curated and phrase_key(n.text) == key for n in e.names + e.weak)]
            if len(vouched) > 1:
                raise BuildError(f"curated name {key!r} is given to {[e.id for e in vouched]}; "
                                 "list it in curated/ambiguous.tsv or remove it from all but one")
            if vouched:
                winner = vouched[0]
            else:
                winner = min(ents, key=lambda e: (rank.get(e.type, 9), -e.population, e.id))
            for ent in ents:
                if ent is not winner:
                    self._drop_key(ent, key, f"claimed by {winner.id}")
        return allow_rows

    def _drop_key(self, ent: EntityRow, key: str, why: str) -> None:
        ent.names = [n for n in ent.names if phrase_key(n.text) != key]
        ent.weak = [n for n in ent.weak if phrase_key(n.text) != key]
        ent.dropped_keys.add(key)
        self.log.append(f"{ent.id}: name {key!r} dropped, {why}")
        if not ent.names:
            del self.entities[ent.id]
            self.log.append(f"{ent.id}: no name left, left out")

    # -- all

    def build(self) -> dict[str, list[dict[str, str]]]:
        self.build_countries()
        self.build_regions()
        self.load_curated_entities("leaders.tsv", "Leader")
        self.load_curated_entities("organizations.tsv", "Organization")
        self.load_curated_entities("initiatives.tsv", "Initiative")
        self.build_cities()
        self.build_nisba()
        self.drop_nisba_names()
        self.build_newsfane_orgs()
        allow = self.resolve_ambiguity()
        self.check()
        tables: dict[str, list[dict[str, str]]] = {}
        for type_, filename in ENTITY_FILES.items():
            tables[filename] = [e.row() for e in sorted(self.entities.values(), key=lambda e: e.id)
                                if e.type == type_]
        tables["nisba.tsv"] = [{"form": f, "country_id": c} for f, c in self.nisba]
        tables["titles.tsv"] = self.build_titles()
        tables["ambiguous.tsv"] = allow
        tables["common_words.tsv"] = [
            {"word": k, "count": str(self.stats.total[k]), "o_share": f"{self.stats.o_share(k):.2f}"}
            for k in sorted(self.common)]
        return tables

    def check(self) -> None:
        types = set(schema().node_types)
        countries = {e.country for e in self.entities.values() if e.type == "Country"}
        for ent in self.entities.values():
            if ent.type not in types:
                raise BuildError(f"{ent.id}: type {ent.type!r} not in the schema")
            if not re.fullmatch(r"[a-z]+:[A-Za-z0-9-]+", ent.id):
                raise BuildError(f"{ent.id}: ids are prefix:readable-ascii")
            if ent.country and ent.country not in countries:
                raise BuildError(f"{ent.id}: unknown country {ent.country!r}")
            if ent.wikidata and not re.fullmatch(r"Q[1-9][0-9]*", ent.wikidata):
                raise BuildError(f"{ent.id}: bad wikidata id {ent.wikidata!r}")


# ---------------------------------------------------------------- writing


def tsv_text(rows: list[dict[str, str]], columns: Iterable[str]) -> str:
    columns = list(columns)
    buf = io.StringIO()
    buf.write("\t".join(columns) + "\n")
    for row in rows:
        values = [row.get(c, "") for c in columns]
        for v in values:
            if "\t" in v or "\n" in v:
                raise BuildError(f"value with a tab or newline: {v!r}")
        buf.write("\t".join(values) + "\n")
    return buf.getvalue()


OUTPUT_COLUMNS = {
    "nisba.tsv": ("form", "country_id"),
    "titles.tsv": ("title_ar", "office_en", "relation", "scope"),
    "ambiguous.tsv": ("alias_ar", "ids", "note"),
    "common_words.tsv": ("word", "count", "o_share"),
}


def render(tables: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """File name -> file text of every generated file."""
    return {name: tsv_text(rows, OUTPUT_COLUMNS.get(name, COLUMNS)) for name, rows in tables.items()}


def build(shared: Path, curated: Path = CURATED_DIR) -> tuple[dict[str, str], list[str]]:
    """Build every gazetteer file in memory: (file name -> text, build log)."""
    builder = Builder(shared, curated)
    files = render(builder.build())
    # ODbL asks that the licence travel with data derived from mledoze/countries
    licence = shared / "gazetteers" / "LICENSE.mledoze_countries.ODbL.txt"
    if not licence.is_file():
        raise BuildError(f"missing licence file: {licence}")
    files[licence.name] = licence.read_text(encoding="utf-8")
    return files, builder.log


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.tools.build_gazetteer", description=__doc__.split("\n")[0])
    parser.add_argument("--shared-data", type=Path, default=DEFAULT_SHARED,
                        help=f"the shared data folder (default {DEFAULT_SHARED})")
    parser.add_argument("--out", type=Path, default=GAZETTEER_DIR, help="output folder")
    parser.add_argument("--curated", type=Path, default=CURATED_DIR, help="folder of the hand-curated tables")
    parser.add_argument("--log", action="store_true", help="print what was dropped and why")
    args = parser.parse_args(argv)
    if not args.shared_data.is_dir():
        print(f"error: shared data folder not found: {args.shared_data}", file=sys.stderr)
        return 2
    try:
        files, log = build(args.shared_data, args.curated)
    except BuildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for name, text in sorted(files.items()):
        write_text_atomic(args.out / name, text)
        print(f"{name}: {text.count(chr(10)) - 1} rows")
    if args.log:
        print("\n".join(log))
    return 0


if __name__ == "__main__":
    sys.exit(main())
