"""Regions: curated/regions.tsv and the CLDR numeric region codes."""
from __future__ import annotations

from typing import TYPE_CHECKING

from silkgraph.extract.tools.gazetteer_rows import EntityRow, clean, read_tsv, slug
from silkgraph.extract.tools.gazetteer_sources import source
from silkgraph.normalize import phrase_key

if TYPE_CHECKING:
    from silkgraph.extract.tools.gazetteer_builder import Builder


@source("regions")
def _build_regions(b: Builder) -> None:
    b.load_curated_entities("Region")
    by_key = {k: e for e in b.entities.values() if e.type == "Region" for k in e.keys()}
    skip = set(b.config["regions"]["skip_cldr_codes"])
    for r in read_tsv(b.shared / "gazetteers" / "countries_cldr_babel_ar.tsv"):
        if not r["code"].isdigit() or r["code"] in skip:
            continue
        text = clean(r["name_ar"])
        ent = by_key.get(phrase_key(text))
        if ent is None:
            rid = f"region:{slug(r['name_en'])}"
            ent = b.entities.get(rid) or b.new(EntityRow(id=rid, type="Region", label_en=r["name_en"]))
            by_key[phrase_key(text)] = ent
        b.add_name(ent, text, curated=False)
        ent.add_en(r["name_en"])
        if not ent.names:
            del b.entities[ent.id]
