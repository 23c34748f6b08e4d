"""Organisations from the NewsFANE entity strings of the shared data (curated/newsfane_orgs.tsv says which to merge or leave out)."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from silkgraph.extract.tools.gazetteer_rows import ORTHOGRAPHY, EntityRow, clean, name_problem, read_tsv, transliterate
from silkgraph.extract.tools.gazetteer_sources import source
from silkgraph.normalize import phrase_key

if TYPE_CHECKING:
    from silkgraph.extract.tools.gazetteer_builder import Builder


@source("newsfane_orgs")
def _build_newsfane_orgs(b: Builder) -> None:
    """Organisations from the NewsFANE entity strings: frequent, specific, not known already."""
    oc = b.config["organizations"]
    table = {k: str(v) for k, v in b.config["translit"].items()}
    known = {k for e in b.entities.values() for k in e.keys()}
    nisba_keys = {phrase_key(f) for f, _ in b.nisba}
    actions = {phrase_key(clean(r["form"])): r for r in b.curated_rows("newsfane_orgs.tsv")}
    counts: Counter = Counter()
    kinds: dict[str, str] = {}
    spelling: dict[str, str] = {}
    merged: dict[str, list[str]] = defaultdict(list)
    for r in read_tsv(b.shared / "gazetteers" / "newsfane_entities_by_type.tsv"):
        if r["fine_type"] not in oc["newsfane_types"]:
            continue
        text = clean(r["surface_form_alef_normalized"])
        # للامم المتحدة: a preposition glued to the name; اف ب: initials, not a name
        if name_problem(text, b.min_letters) or text.startswith(ORTHOGRAPHY["clitics"]["lam_article"]):
            continue
        text = " ".join(b.stats.usual_spelling(w) for w in text.split())
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
        if single and (key in b.common or key in b.geonames_common):
            continue
        oid = f"org:nf-{transliterate(text, table)}"
        if oid in b.entities:
            continue
        ent = EntityRow(id=oid, type="Organization",
                        note=f"NewsFANE {kinds[key]} string, {counts[key]} occurrences")
        for name in [text, *sorted(merged.get(key, []))]:
            if phrase_key(name) not in known:
                b.add_name(ent, name, curated=False)
        if ent.names:
            b.new(ent)
            known |= ent.keys()
