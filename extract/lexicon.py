"""Load the extractor's data files: gazetteers, titles, nisba adjectives, trigger words, pattern heads.

Everything the rules know about Arabic lives in ``extract/data``; this module only reads it.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from silkgraph.normalize import clitics, normalize_letters, opens_with, phrase_key, word_key
from silkgraph.records import Entity
from silkgraph.schema import schema
from silkgraph.tables import read_tsv

DATA = Path(__file__).parent / "data"
GAZETTEER_DIR = DATA / "gazetteer"
LEXICON_DIR = DATA / "lexicon"
TIED_END = re.compile("\u0629[\u064b-\u0652\u0640]*$")  # a word written with a final ta marbuta (ة), harakat after it
ENTITY_TABLES = GAZETTEER_DIR / "tables.toml"


@dataclass(frozen=True)
class EntityTable:
    """One gazetteer entity table (``data/gazetteer/tables.toml``): its file, node type and id prefix."""

    file: str
    type: str
    id_prefix: str


@lru_cache(maxsize=1)
def entity_tables() -> tuple[EntityTable, ...]:
    """The gazetteer's entity tables in loading order, their types checked against the schema.

    >>> [(t.file, t.type, t.id_prefix) for t in entity_tables()][:2]
    [('countries.tsv', 'Country', 'country'), ('regions.tsv', 'Region', 'region')]
    """
    tables = tuple(EntityTable(**t) for t in tomllib.loads(ENTITY_TABLES.read_text(encoding="utf-8"))["table"])
    unknown = sorted({t.type for t in tables} - set(schema().node_types))
    if unknown:
        raise ValueError(f"{ENTITY_TABLES}: types {unknown} are not in the schema")
    return tables


@dataclass(frozen=True)
class GazetteerEntry:
    entity: Entity
    aliases_ar: tuple[str, ...]
    aliases_en: tuple[str, ...]
    weak_aliases_ar: tuple[str, ...]
    country: str  # ISO2 of the related country, or ""


@dataclass(frozen=True)
class Title:
    title_ar: str
    office_en: str
    relation: str  # a schema edge type: leads or serves
    scope: str  # country | org | city


@dataclass(frozen=True)
class Trigger:
    relation: str
    kind: str  # verb | motion (a verb whose object follows إلى) | noun | frame | passive (the agent follows من قبل)
    pattern: re.Pattern[str]
    confidence: float
    leader_as_country: bool  # a leader doing this acts for their country (Xi builds -> China builds)


@dataclass(frozen=True)
class Head:
    type: str
    words: tuple[str, ...]  # word keys
    kind_en: str
    needs: str  # endpoints | name | name_and_purpose | definite | any | none | anaphor | collective …
    definite: bool  # whether the head's first word carries the article (القمة vs قمة)
    joint: bool  # a joint document: both sides of the talks it concludes sign it
    text: str  # the head as written in heads.tsv (the base form: بيان مشترك)


@dataclass(frozen=True)
class Roles:
    """The schema types the rules play with, by role (``data/lexicon/matching.toml``)."""

    leader: str
    person: str
    country: str
    organization: str
    city: str
    event: str
    agreement: str
    project: str
    corridor: str
    region: str
    initiative: str


@lru_cache(maxsize=1)
def roles(lexicon_dir: str = str(LEXICON_DIR)) -> Roles:
    """The role -> type table, checked against the schema.

    >>> roles().leader in schema().node_types
    True
    """
    table = tomllib.loads((Path(lexicon_dir) / "matching.toml").read_text(encoding="utf-8"))["roles"]
    unknown = set(table.values()) - set(schema().node_types)
    if unknown:
        raise ValueError(f"matching.toml: roles name types not in the schema: {sorted(unknown)}")
    return Roles(**table)


@dataclass(eq=False)  # one lexicon is one object: hashed by identity, so caches can key on it weakly
class Lexicon:
    entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    nisba: dict[str, str] = field(default_factory=dict)  # word key -> country entity id
    titles: list[Title] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    heads: list[Head] = field(default_factory=list)
    boundaries: dict[str, set[str]] = field(default_factory=dict)  # kind -> word keys
    ordinals: dict[str, int] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)  # phrase key -> English
    type_priority: tuple[str, ...] = ()  # of two equally long matches, the earlier type wins
    common_words: frozenset[str] = frozenset()
    # token text -> (first matching trigger, carries an attached pronoun); words repeat, the
    # trigger regexes are many, so each text is tried once
    _trigger_cache: dict[str, tuple[Trigger, bool] | None] = field(default_factory=dict, repr=False)

    def trigger_for(self, token_text: str) -> tuple[Trigger, bool] | None:
        """The first trigger matching a word, and whether the word carries an attached pronoun.

        >>> trig, pronoun = load_lexicon().trigger_for("زيارتنا")
        >>> trig.relation, pronoun
        ('visited', True)
        """
        if token_text not in self._trigger_cache:
            if len(self._trigger_cache) >= 200_000:  # a long-running app reads many texts
                self._trigger_cache.clear()
            letters = normalize_letters(token_text)
            tied = TIED_END.search(token_text) is not None  # لمدة is not لمد + ه (a ta marbuta, no pronoun)
            trig = next((t for t in self.triggers if (m := t.pattern.match(letters))
                         and not (tied and m.group("pronoun") == "ه")), None)
            self._trigger_cache[token_text] = None if trig is None else (trig, not tied and _has_pronoun(letters, trig))
        return self._trigger_cache[token_text]

    def entity(self, entity_id: str) -> Entity | None:
        entry = self.entries.get(entity_id)
        return entry.entity if entry else None

    def country_of(self, entity_id: str) -> str:
        """The country entity id a gazetteer entity belongs to ("" when unknown)."""
        entry = self.entries.get(entity_id)
        if not entry or not entry.country:
            return ""
        cid = f"country:{entry.country}"
        return cid if cid in self.entries else ""

    def words(self, kind: str) -> set[str]:
        return self.boundaries.get(kind, set())

    def is_common(self, token_text: str) -> bool:
        """True for a frequent non-name word (in any clitic reading)."""
        letters = normalize_letters(token_text)
        return letters in self.common_words or word_key(token_text) in self.common_words


def _has_pronoun(letters: str, trig: Trigger) -> bool:
    """Whether the word still matches with an attached pronoun removed (ببنائه -> ببنائ)."""
    return any(letters.endswith(suffix) and len(letters) > len(suffix) + 2
               and trig.pattern.match(letters[: -len(suffix)]) is not None for suffix in clitics()["pronouns"])


def split_values(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def load_gazetteer_entries(folder: Path = GAZETTEER_DIR) -> dict[str, GazetteerEntry]:
    """Every gazetteer entity by id, from the per-kind TSV files present in ``folder``."""
    types = schema().node_types
    entries: dict[str, GazetteerEntry] = {}
    for table in entity_tables():
        path = folder / table.file
        if not path.exists():
            continue
        for row in read_tsv(path):
            if row.get("type") not in types:
                raise ValueError(f"{path}: {row.get('id')}: type {row.get('type')!r} is not in the schema")
            entity = Entity(id=row["id"], type=row["type"], label_ar=row["label_ar"],
                            label_en=row.get("label_en", ""), wikidata=row.get("wikidata", ""))
            entries[entity.id] = GazetteerEntry(
                entity=entity,
                aliases_ar=split_values(row.get("aliases_ar", "")),
                aliases_en=split_values(row.get("aliases_en", "")),
                weak_aliases_ar=split_values(row.get("weak_aliases_ar", "")),
                country=row.get("country", ""),
            )
    return entries


def load_triggers(path: Path) -> list[Trigger]:
    """Trigger rows compiled to patterns over a token's folded letters, with optional proclitics
    (و/ف, ب/ل/ك, ال) before the stem and an optional attached pronoun after it."""
    edge_types = schema().edge_types
    cl = clitics()
    proclitics = (f"(?:[{''.join(cl['conjunctions'])}])?(?:[{''.join(cl['prepositions'])}])?"
                  f"(?:{re.escape(cl['article'])})?")
    pronoun = f"(?P<pronoun>{'|'.join(map(re.escape, cl['pronouns']))})?"
    triggers = []
    for row in read_tsv(path):
        if row["relation"] not in edge_types:
            raise ValueError(f"{path}: relation {row['relation']!r} is not in the schema")
        pattern = re.compile(rf"^{proclitics}(?:{row['stem']}){pronoun}$")
        triggers.append(Trigger(row["relation"], row["kind"], pattern, float(row["confidence"]),
                                row.get("leader_as_country") == "yes"))
    return triggers


@lru_cache(maxsize=4)
def load_lexicon(gazetteer_dir: str = str(GAZETTEER_DIR), lexicon_dir: str = str(LEXICON_DIR)) -> Lexicon:
    """Read every data file once.

    >>> lex = load_lexicon()
    >>> any(t.relation == "signed" for t in lex.triggers)
    True
    """
    gaz, lexd = Path(gazetteer_dir), Path(lexicon_dir)
    lex = Lexicon(entries=load_gazetteer_entries(gaz))
    if (gaz / "nisba.tsv").exists():
        for row in read_tsv(gaz / "nisba.tsv"):
            lex.nisba[word_key(row["form"])] = row["country_id"]
    if (gaz / "titles.tsv").exists():
        lex.titles = [Title(r["title_ar"], r["office_en"], r["relation"], r.get("scope", "country"))
                      for r in read_tsv(gaz / "titles.tsv")]
    lex.triggers = load_triggers(lexd / "triggers.tsv")
    lex.heads = [Head(r["type"], tuple(phrase_key(r["head"]).split()), r["kind_en"], r["needs"],
                      opens_with(r["head"], "article"), r.get("joint") == "yes", r["head"])
                 for path in [lexd / "heads.tsv", *sorted(lexd.glob("heads_*.tsv"))] for r in read_tsv(path)]
    unknown = {h.type for h in lex.heads} - set(schema().node_types)
    if unknown:
        raise ValueError(f"{lexd / 'heads*.tsv'}: types {sorted(unknown)} are not in the schema")
    # longest heads first, so خط السكة الحديد wins over السكة الحديد
    lex.heads.sort(key=lambda h: -len(h.words))
    # boundaries.tsv and the topic files beside it (boundaries_signing.tsv …), read in name order
    for row in (r for path in sorted(lexd.glob("boundaries*.tsv")) for r in read_tsv(path)):
        key = word_key(row["word"])
        lex.boundaries.setdefault(row["kind"], set()).add(key)
        if row["kind"] == "ordinal":
            lex.ordinals[key] = int(row["note"])
    lex.modifiers = {phrase_key(r["word"]): r["english"] for r in read_tsv(lexd / "modifiers.tsv")}
    priority = tomllib.loads((lexd / "matching.toml").read_text(encoding="utf-8"))["type_priority"]
    if set(priority) - set(schema().node_types):
        raise ValueError(f"{lexd / 'matching.toml'}: {sorted(set(priority) - set(schema().node_types))} not in the schema")
    lex.type_priority = tuple(priority)
    lex.common_words = word_list(lexd / "common_words.txt")
    return lex


@lru_cache(maxsize=16)
def word_list(path: Path) -> frozenset[str]:
    """The words of a one-word-a-line list (``#`` starts a comment line); empty when it is absent.

    >>> "في" in word_list(LEXICON_DIR / "common_words.txt")
    True
    """
    if not path.exists():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def lexicon_for(gazetteer_dir: str = "", lexicon_dir: str = "") -> Lexicon:
    """The lexicon a component's config names; empty paths mean the package's own data."""
    return load_lexicon(gazetteer_dir or str(GAZETTEER_DIR), lexicon_dir or str(LEXICON_DIR))
