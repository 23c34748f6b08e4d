"""Countries: the ISO 3166 tables of the shared data (CLDR, pycountry, mledoze, countrynames) and curated/countries.tsv."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from silkgraph.extract.tools.gazetteer_rows import BuildError, EntityRow, clean, read_tsv, split
from silkgraph.extract.tools.gazetteer_sources import source
from silkgraph.normalize import normalize_letters, phrase_key

if TYPE_CHECKING:
    from silkgraph.extract.tools.gazetteer_builder import Builder


@source("countries")
def _build_countries(b: Builder) -> None:
    g = b.shared / "gazetteers"
    cldr = {r["code"]: r for r in read_tsv(g / "countries_cldr_babel_ar.tsv")}
    pyc = {r["alpha2"]: r for r in read_tsv(g / "countries_pycountry_ar.tsv")}
    mle = {r["cca2"]: r for r in read_tsv(g / "countries_mledoze_ara.tsv")}
    cn_aliases: dict[str, list[str]] = defaultdict(list)
    for r in read_tsv(g / "country_aliases_countrynames_ar.tsv"):
        cn_aliases[r["code"]].append(r["alias_ar"])
    curated = {r["id"]: r for r in b.curated_rows("countries.tsv")}
    skip = set(b.config["countries"]["not_countries"])
    codes = sorted((set(pyc) | set(mle)) - skip)
    for cid in curated:
        if cid.removeprefix("country:") not in codes:
            raise BuildError(f"curated/countries.tsv: {cid} is not an ISO 3166 code of the shared tables")
    for code in codes:
        cid = f"country:{code}"
        cur = curated.get(cid, {})
        p, m, c = pyc.get(code, {}), mle.get(code, {}), cldr.get(code, {})
        ent = b.new(EntityRow(id=cid, type="Country", country=code, note=cur.get("note", ""),
                              population=int(m.get("unMember") == "True"),
                              label_en=cur.get("label_en") or m.get("name_en") or c.get("name_en")
                              or p.get("name_en", ""),
                              wikidata=cur.get("wikidata", "")))
        ent.dropped_keys = {phrase_key(clean(t)) for t in split(cur.get("drop_ar", ""))}
        if cur:
            b.add_curated_names(ent, cur)
        # countrynames mixes in Persian, Tajik and Urdu spellings (لهستان, بلغارستون):
        # its aliases are kept only when the corpora attest every word
        attested = [a for a in cn_aliases.get(code, []) if _is_attested(b, a)]
        generated = [c.get("name_ar", ""), m.get("common_ar", ""), p.get("name_ar", ""),
                     m.get("official_ar", ""), p.get("official_name_ar", ""), *attested]
        for n, text in enumerate(generated):
            b.add_name(ent, text, curated=False, weak_if_common=(n == 0 and not cur))
        for text in [m.get("name_en", ""), c.get("name_en", ""), p.get("name_en", "")]:
            ent.add_en(text)
        if not ent.names:
            del b.entities[cid]
            b.log.append(f"{cid}: no usable Arabic name, left out")


def _is_attested(b: Builder, text: str) -> bool:
    """Every word of ``text`` occurs in the corpora (letters folded)."""
    words = normalize_letters(clean(text)).split()
    return bool(words) and all(w in b.stats.forms for w in words)
