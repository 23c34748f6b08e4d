"""Cities: curated/cities.tsv, the capitals table and the GeoNames cities of the shared data."""
from __future__ import annotations

from typing import TYPE_CHECKING

from silkgraph.extract.tools.gazetteer_rows import HAMZA_ALEFS, BuildError, EntityRow, clean, read_tsv, slug, split
from silkgraph.extract.tools.gazetteer_sources import source
from silkgraph.normalize import phrase_key

if TYPE_CHECKING:
    from silkgraph.extract.tools.gazetteer_builder import Builder


@source("cities")
def _build_cities(b: Builder) -> None:
    g = b.shared / "gazetteers"
    cc = b.config["cities"]
    geo_rows = read_tsv(g / "cities15000_geonames_ar.tsv")
    geo = {r["geonameid"]: r for r in geo_rows}
    country_codes = {e.country for e in b.entities.values() if e.type == "Country"}
    linked: set[str] = set()
    for row in b.curated_rows("cities.tsv"):
        if row["country"] not in country_codes:
            raise BuildError(f"curated/cities.tsv: {row['id']}: unknown country {row['country']!r}")
        ent = b.new(EntityRow(id=row["id"], type="City", label_en=row["label_en"],
                              wikidata=row["wikidata"], country=row["country"], note=row["note"]))
        ent.dropped_keys = {phrase_key(clean(t)) for t in split(row["drop_ar"])}
        b.add_curated_names(ent, row)
        if row["geonameid"]:
            g_row = geo.get(row["geonameid"])
            if g_row is None:
                raise BuildError(f"curated/cities.tsv: {row['id']}: geonameid {row['geonameid']} not in GeoNames table")
            linked.add(row["geonameid"])
            _add_geonames_names(b, ent, g_row)
    capital_ids = set()
    for cap in read_tsv(g / "capitals_ar.tsv"):
        if cap["country"] not in country_codes or not cap["capital_en"]:
            continue
        g_row = _find_capital(b, cap, geo_rows)
        if g_row is not None:
            capital_ids.add(g_row["geonameid"])
        elif cap["capital_ar_geonames"]:
            _city_from_capital(b, cap)
    focus = set(cc["focus_countries"])
    core = set(cc.get("core_countries", ()))
    for r in sorted(geo_rows, key=lambda r: (-int(r["population"] or 0), r["geonameid"])):
        if r["geonameid"] in linked or r["country"] not in country_codes:
            continue
        pop = int(r["population"] or 0)
        wanted = (r["geonameid"] in capital_ids or pop >= cc["world_min_population"]
                  or (r["country"] in focus and pop >= cc["focus_min_population"])
                  or (r["country"] in core and pop >= cc.get("core_min_population", cc["focus_min_population"])))
        if not wanted:
            continue
        cid = f"city:{slug(r['name_en'])}-{r['country'].lower()}"
        if cid in b.entities:
            cid = f"{cid}-{r['geonameid']}"
        is_capital = r["geonameid"] in capital_ids
        ent = EntityRow(id=cid, type="City", label_en=r["name_en"], country=r["country"],
                        note=("Capital; " if is_capital else "")
                        + f"GeoNames {r['geonameid']}, population {pop}")
        _add_geonames_names(b, ent, r, is_capital)
        if pop < min(cc["focus_min_population"], cc["world_min_population"]) and not is_capital:
            # a small town of the core countries: no name with a word so short it reads as a
            # proclitic and another word once it is known (آب نو would make باب ب + آب)
            ent.names = [n for n in ent.names if min(len(w) for w in phrase_key(n.text).split()) >= cc["core_min_word"]]
        if ent.names:
            b.new(ent)
        else:
            b.log.append(f"{cid}: no usable Arabic name in GeoNames, left out")


def _find_capital(b: Builder, cap: dict[str, str], geo_rows: list[dict[str, str]]) -> dict[str, str] | None:
    """The GeoNames row of a capital: same country, and the same English or Arabic name."""
    keys = {phrase_key(clean(t)) for t in split(cap["capital_ar_geonames"])}
    found = [r for r in geo_rows if r["country"] == cap["country"] and (
        slug(r["name_en"]) == slug(cap["capital_en"])
        or keys & {phrase_key(clean(t)) for t in split(r["names_ar"])})]
    return max(found, key=lambda r: (int(r["population"] or 0), r["geonameid"]), default=None)


def _add_geonames_names(b: Builder, ent: EntityRow, g_row: dict[str, str], is_capital: bool = False) -> None:
    ent.population = max(ent.population, int(g_row["population"] or 0))
    max_words = b.config["cities"]["max_words"]
    names = [clean(t) for t in split(g_row["names_ar"])]
    names = [t for t in names if t and len(t.split()) <= max_words]
    # usual news spelling first: most frequent in the corpora, then written with hamza
    names.sort(key=lambda t: (-_corpus_count(b, t), not HAMZA_ALEFS.search(t)))
    for text in names:
        # a capital's name that is also a word (سيول, مسقط) is kept, for use in context only
        b.add_name(ent, text, curated=False, weak_if_common=is_capital,
                   common=b.common if is_capital else b.common | b.geonames_common)
    if g_row["name_en"] != ent.label_en:
        ent.add_en(g_row["name_en"])


def _city_from_capital(b: Builder, cap: dict[str, str]) -> None:
    cid = f"city:{slug(cap['capital_en'])}-{cap['country'].lower()}"
    if cid in b.entities:
        return
    ent = EntityRow(id=cid, type="City", label_en=cap["capital_en"], country=cap["country"],
                    note="Capital")
    for text in split(cap["capital_ar_geonames"]):
        if len(clean(text).split()) <= b.config["cities"]["max_words"]:
            b.add_name(ent, text, curated=False, weak_if_common=True)
    if ent.names:
        b.new(ent)


def _corpus_count(b: Builder, text: str) -> int:
    words = phrase_key(text).split()
    return b.stats.total[words[0]] if len(words) == 1 else 0
