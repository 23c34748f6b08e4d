"""Reading the project's tab-separated data files (gazetteers, word lists, month names)."""
from __future__ import annotations

import csv
from pathlib import Path


def read_tsv(path: str | Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 TSV file with a header row, values stripped; blank lines and lines starting
    with ``#`` are skipped. A missing file raises FileNotFoundError, a row with more or fewer
    fields than the header a ValueError naming the file and line.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.tsv"
    >>> _ = f.write_text("# a comment\\nform\\tcountry_id\\nالصيني \\tcountry:CN\\n", encoding="utf-8")
    >>> read_tsv(f)
    [{'form': 'الصيني', 'country_id': 'country:CN'}]
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"missing data file: {path}")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        numbered = [(n, line) for n, line in enumerate(fh, start=1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader((line for _, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for (n, _), row in zip(numbered[1:], reader, strict=True):
        if None in row or any(v is None for v in row.values()):
            raise ValueError(f"{path}:{n}: expected {len(reader.fieldnames or [])} tab-separated fields")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows
