"""Nisba adjectives (الكازاخي → Kazakhstan): curated stems and forms, and forms generated from country names the corpora attest."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from silkgraph.extract.tools.gazetteer_rows import BuildError, clean, name_problem
from silkgraph.extract.tools.gazetteer_sources import source
from silkgraph.normalize import normalize_letters, phrase_key

if TYPE_CHECKING:
    from silkgraph.extract.tools.gazetteer_builder import Builder


@source("nisba")
def _build_nisba(b: Builder) -> None:
    nc = b.config["nisba"]
    exclude = {normalize_letters(r["form"]) for r in b.curated_rows("nisba_exclude.tsv")}
    forms: dict[str, str] = {}
    curated_countries = set()
    for r in b.curated_rows("nisba_stems.tsv"):
        _check_country(b, r["country_id"], "nisba_stems.tsv")
        curated_countries.add(r["country_id"])
        for form in _inflect(b, r["stem"]):
            _add_nisba(b, forms, form, r["country_id"], "nisba_stems.tsv")
    for r in b.curated_rows("nisba_forms.tsv"):
        _check_country(b, r["country_id"], "nisba_forms.tsv")
        _add_nisba(b, forms, clean(r["form"]), r["country_id"], "nisba_forms.tsv")
    generated: dict[str, set[str]] = defaultdict(set)
    for ent in sorted(b.entities.values(), key=lambda e: e.id):
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
            for form in _inflect(b, stem + nc["nisba_ya"]):
                if normalize_letters(form) in b.stats.forms:
                    generated[form].add(ent.id)
    taken = {normalize_letters(f) for f in forms}
    for form, ids in sorted(generated.items()):
        if len(ids) == 1 and normalize_letters(form) not in taken | exclude:
            forms[form] = next(iter(ids))
            taken.add(normalize_letters(form))
    b.nisba = sorted(((f, c) for f, c in forms.items() if normalize_letters(f) not in exclude),
                        key=lambda fc: (fc[1], normalize_letters(fc[0]), fc[0]))


@source("nisba_names")
def _drop_nisba_names(b: Builder) -> None:
    """A nisba adjective (مصري, أفغاني) listed as a name of a place is an adjective, not a name."""
    nisba_keys = {phrase_key(f) for f, _ in b.nisba}
    for ent in sorted(b.entities.values(), key=lambda e: e.id):
        for name in list(ent.names + ent.weak):
            key = phrase_key(name.text)
            if key in nisba_keys and not name.curated:
                b.drop_key(ent, key, "a nisba adjective")


def _inflect(b: Builder, stem: str) -> list[str]:
    nc = b.config["nisba"]
    stem = clean(stem)
    out = []
    for suffix in nc["suffixes"]:
        out.append(nc["article"] + stem + suffix)
        out.append(stem + suffix)
    return out


def _add_nisba(b: Builder, forms: dict[str, str], form: str, country_id: str, where: str) -> None:
    problem = name_problem(form, b.min_letters)
    if problem:
        raise BuildError(f"curated/{where}: {form!r}: {problem}")
    for f, c in forms.items():
        if normalize_letters(f) == normalize_letters(form) and c != country_id:
            raise BuildError(f"curated/{where}: {form!r} given for {c} and {country_id}")
    if not any(normalize_letters(f) == normalize_letters(form) for f in forms):
        forms[form] = country_id


def _check_country(b: Builder, cid: str, where: str) -> None:
    if cid not in b.entities or b.entities[cid].type != "Country":
        raise BuildError(f"curated/{where}: unknown country id {cid!r}")
