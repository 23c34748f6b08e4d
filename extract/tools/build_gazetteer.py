"""Build the Arabic gazetteer files the rule-based extractor matches.

    python -m silkgraph.extract.tools.build_gazetteer --shared-data /work/shared/data --out extract/data/gazetteer

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
import sys
from collections.abc import Iterable
from pathlib import Path

from silkgraph.extract.tools.gazetteer_builder import Builder
from silkgraph.extract.tools.gazetteer_rows import COLUMNS, BuildError
from silkgraph.atomic import write_text_atomic

EXTRACT = Path(__file__).resolve().parents[1]  # the extract package
REPO = EXTRACT.parent
GAZETTEER_DIR = EXTRACT / "data" / "gazetteer"
CURATED_DIR = GAZETTEER_DIR / "curated"
DEFAULT_SHARED = REPO.parent / "shared" / "data"

# ---------------------------------------------------------------- writing


def tsv_text(rows: list[dict[str, str]], columns: Iterable[str]) -> str:
    """Rows as headed TSV text, columns in the given order; a tab or newline in a value is an error.

    >>> tsv_text([{"form": "الكازاخي", "country_id": "country:KZ"}], ("form", "country_id"))
    'form\\tcountry_id\\nالكازاخي\\tcountry:KZ\\n'
    """
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
    parser = argparse.ArgumentParser(prog="python -m silkgraph.extract.tools.build_gazetteer", description=__doc__.split("\n")[0])
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
