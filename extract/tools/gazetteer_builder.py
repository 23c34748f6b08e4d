"""The gazetteer build: collect entity rows from every source, settle shared names, check.

``Builder`` holds the rows and the checks every source uses (``add_name``); the sources, one
module each, are in ``silkgraph.extract.tools.gazetteer_sources`` and run in its ``ORDER``.
"""
from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from pathlib import Path

from silkgraph.extract.lexicon import entity_tables
from silkgraph.extract.tools.gazetteer_rows import (SEP, BuildError, EntityRow, clean, corpus_stats, is_common_word,
                                          name_problem, read_tsv, split)
from silkgraph.extract.tools.gazetteer_sources import sources
from silkgraph.normalize import phrase_key
from silkgraph.schema import schema


class Builder:
    """Collects entities from the curated tables and the shared data, then checks them.

    >>> import tempfile
    >>> from silkgraph.extract.tools.build_gazetteer import CURATED_DIR
    >>> shared = Path(tempfile.mkdtemp())  # a tiny stand-in for the shared corpora
    >>> for folder, name, line in (("anercorp", "ANERCorp_cleaned.from_HassanAzzam.txt", "هذه O\\n"),
    ...                            ("newsfane", "NewsFANE_Gold_2014_170K.txt", "هذه\\tO\\n")):
    ...     (shared / folder).mkdir()
    ...     _ = (shared / folder / name).write_text(line * 9, encoding="utf-8")
    >>> b = Builder(shared, CURATED_DIR)
    >>> ent = b.new(EntityRow(id="city:nur", type="City"))
    >>> for text in ("مدينة النور", "هذه", "مدينه النور"):  # a common word; the same name again
    ...     b.add_name(ent, text, curated=False)
    >>> [n.text for n in ent.names], b.log
    (['مدينة النور'], ["city:nur: 'هذه' is a common word, dropped"])
    """

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
        self.nisba: list[tuple[str, str]] = []  # (form, country id), set by the nisba source

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

    # -- curated entity tables

    def load_curated_entities(self, type_: str) -> None:
        """The rows of the curated table of ``type_`` (its file named by ``tables.toml``)."""
        filename = next(t.file for t in entity_tables() if t.type == type_)
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
                    self.drop_key(ent, key, f"claimed by {winner.id}")
        return allow_rows

    def drop_key(self, ent: EntityRow, key: str, why: str) -> None:
        """Take every spelling with ``key`` from ``ent``; an entity left without a name goes."""
        ent.names = [n for n in ent.names if phrase_key(n.text) != key]
        ent.weak = [n for n in ent.weak if phrase_key(n.text) != key]
        ent.dropped_keys.add(key)
        self.log.append(f"{ent.id}: name {key!r} dropped, {why}")
        if not ent.names:
            del self.entities[ent.id]
            self.log.append(f"{ent.id}: no name left, left out")


    # -- all

    def build(self) -> dict[str, list[dict[str, str]]]:
        """File name -> rows of every generated table."""
        for _, run in sources():
            run(self)
        allow = self.resolve_ambiguity()
        self.check()
        tables: dict[str, list[dict[str, str]]] = {}
        for table in entity_tables():
            tables[table.file] = [e.row() for e in sorted(self.entities.values(), key=lambda e: e.id)
                                  if e.type == table.type]
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

