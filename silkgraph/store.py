"""The corpus store: one SQLite file per corpus (standard library ``sqlite3``, WAL mode).

It holds

- ``articles``: one row per article (``doc_id``), with its content ``hash``, metadata, text,
  where it came from (``origin``: ``corpus`` for files a build read, ``upload`` for the
  explorer's uploads; ``path``, ``url``) and its place in the corpus (``seq``);
- ``extractions``: the records extraction made of an article, per (article hash, extractor
  version), as plain JSON (the layout of ``silkgraph.graph.sample.extractions_to_dict`` without the
  article, which the ``articles`` row supplies);
- ``curation``: the log of corrections (``silkgraph.curation``), each with its time;
- ``meta``: the extractor version of the last build and the hashes it was made of;
- ``views``: the explorer's named views (a view's URL parameters as JSON, see
  ``silkgraph.views.view_url``), made on the first save: a store file written before it
  reads as one with no views, and an older silkgraph ignores the table, so the format stays 1.

The article hash covers what extraction reads: the doc id, the date and the text. A new title
or URL updates the row without re-extraction; a new text or date is a changed article.

>>> from silkgraph.records import Article
>>> with Store(":memory:") as store:
...     sync = store.sync_articles([Article("a1", "زار شي أستانا", date="2025-06-17")])
...     sync.new, store.missing("v1")[0].doc_id
(['a1'], 'a1')
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from silkgraph.records import Article, ArticleExtraction

SCHEMA_VERSION = "1"
CORPUS, UPLOAD = "corpus", "upload"  # article origins
_ARTICLE_FIELDS = ("doc_id", "title", "date", "source", "url", "path", "text")
VIEW_NAME_MAX = 80  # characters of a named view's name

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    doc_id TEXT PRIMARY KEY, hash TEXT NOT NULL, seq INTEGER NOT NULL, origin TEXT NOT NULL,
    title TEXT NOT NULL, date TEXT NOT NULL, source TEXT NOT NULL, url TEXT NOT NULL,
    path TEXT NOT NULL, text TEXT NOT NULL, added TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_hash ON articles (hash);
CREATE TABLE IF NOT EXISTS extractions (
    hash TEXT NOT NULL, version TEXT NOT NULL, records TEXT NOT NULL, extracted TEXT NOT NULL,
    PRIMARY KEY (hash, version));
CREATE TABLE IF NOT EXISTS curation (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, action TEXT NOT NULL,
    args TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0);
"""
# added after format 1: created when first written (``Store.save_view``), so opening an
# older or read-only store file never writes to it
_VIEWS_TABLE = """
CREATE TABLE IF NOT EXISTS views (name TEXT PRIMARY KEY, params TEXT NOT NULL, saved TEXT NOT NULL);
"""


class StoreError(Exception):
    """The store file cannot be opened or is not a silkgraph store."""


def store_beside(output: str | os.PathLike) -> Path:
    """The store of a graph file unless told otherwise: beside it, with the extension .sqlite.

    >>> store_beside("out/graph.graphml").as_posix()
    'out/graph.sqlite'
    """
    return Path(output).with_suffix(".sqlite")


def article_hash(article: Article) -> str:
    """The content hash of an article: of its doc id, date and text (what extraction reads).

    >>> article_hash(Article("a1", "نص")) == article_hash(Article("a1", "نص", title="عنوان"))
    True
    >>> article_hash(Article("a1", "نص")) == article_hash(Article("a1", "نص آخر"))
    False
    """
    data = json.dumps([article.doc_id, article.date, article.text], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def records_json(extraction: ArticleExtraction) -> str:
    """An extraction's mentions and relations as the JSON the store keeps (no article text).

    >>> from silkgraph.graph.sample import sample_extractions
    >>> ex = sample_extractions()[0]
    >>> records_from_json(records_json(ex), ex.article) == ex
    True
    """
    from silkgraph.graph.sample import extractions_to_dict

    data = extractions_to_dict([extraction])
    record = data["articles"][0]
    return json.dumps({"entities": data["entities"], "mentions": record["mentions"],
                       "relations": record["relations"]}, ensure_ascii=False, separators=(",", ":"))


def records_from_json(records: str, article: Article) -> ArticleExtraction:
    """The extraction ``records_json`` stored, for ``article`` (see ``records_json``)."""
    from silkgraph.graph.sample import extractions_from_dict

    data = json.loads(records)
    row = {f: getattr(article, f) for f in _ARTICLE_FIELDS}
    return extractions_from_dict({"entities": data["entities"], "articles": [
        {**row, "mentions": data["mentions"], "relations": data["relations"]}]})[0]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass
class Sync:
    """What ``Store.sync_articles`` found: doc ids of new, changed, removed and unchanged articles."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CurationEntry:
    """One correction in the store's log."""

    id: int
    at: str  # UTC time, ISO 8601
    action: str
    args: dict[str, Any]
    undone: bool = False


@dataclass(frozen=True)
class NamedView:
    """A view of the explorer saved under a name: its URL parameters (``silkgraph.views.view_url``)."""

    name: str
    params: dict[str, Any]
    saved: str  # UTC time, ISO 8601

    def summary(self) -> str:
        """One line: the name, what it selects and sets, when it was saved.

        >>> NamedView("KZ", {"sel": "country:KZ", "f_ego": "1", "pos": "x"}, "2026-12-01T10:00:00+00:00").summary()
        'KZ · selection country:KZ · 1 setting · positions · saved 2026-12-01 10:00'
        """
        p = self.params
        parts = [self.name]
        if p.get("sel"):
            parts.append(f"selection {p['sel']}")
        settings = [k for k in p if k not in ("sel", "pos")]
        if settings:
            parts.append(f"{len(settings)} setting{'s' if len(settings) != 1 else ''}")
        if p.get("pos"):
            parts.append("positions")
        parts.append("saved " + self.saved[:16].replace("T", " "))
        return " · ".join(parts)


def view_name(name: str) -> str:
    """A named view's name, trimmed; ``ValueError`` saying why it cannot be one.

    >>> view_name("  كازاخستان وجيرانها ")
    'كازاخستان وجيرانها'
    >>> view_name(" ")
    Traceback (most recent call last):
    ...
    ValueError: a view needs a name
    """
    name = " ".join(str(name).split())
    if not name:
        raise ValueError("a view needs a name")
    if len(name) > VIEW_NAME_MAX:
        raise ValueError(f"a view's name has at most {VIEW_NAME_MAX} characters, not {len(name)}")
    if any(not ch.isprintable() for ch in name):
        raise ValueError("a view's name cannot hold control characters")
    return name


class Store:
    """A corpus store file (see the module docstring); ``":memory:"`` for a throwaway one."""

    def __init__(self, path: str | os.PathLike):
        self.path = str(path)
        if self.path != ":memory:":
            folder = Path(self.path).parent
            if not folder.is_dir():
                raise StoreError(f"cannot open store {self.path!r}: folder {str(folder)!r} does not exist")
        try:
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            with self.db:
                self.db.executescript(_TABLES)
                found = self.meta("schema")
                if found is None:
                    self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                elif found != SCHEMA_VERSION:
                    raise StoreError(f"{self.path!r} is a silkgraph store of format {found}, "
                                     f"this version reads format {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path!r}: {exc}") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- meta --------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- articles ------------------------------------------------------------------------
    def _rows(self, where: str = "", params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        self.db.row_factory = sqlite3.Row
        try:
            return self.db.execute(f"SELECT * FROM articles {where} ORDER BY seq, doc_id", params).fetchall()
        finally:
            self.db.row_factory = None

    @staticmethod
    def _article(row: sqlite3.Row) -> Article:
        return Article(**{f: row[f] for f in _ARTICLE_FIELDS})

    def articles(self) -> list[Article]:
        """Every article in the store, in corpus order (a build's order, then uploads)."""
        return [self._article(r) for r in self._rows()]

    def count(self) -> int:
        """How many articles the store holds."""
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def sync_articles(self, articles: Sequence[Article], origin: str = CORPUS) -> Sync:
        """Make the store's articles of ``origin`` exactly ``articles`` (in their order).

        Articles of ``origin`` that ``articles`` lacks are removed; others (uploads, for a
        build) are kept after them. Metadata is updated in place; the hash tells changed text.
        """
        sync = Sync()
        rows = self.db.execute("SELECT doc_id, hash, seq, origin, title, date, source, url, path, added "
                               "FROM articles ORDER BY seq, doc_id").fetchall()
        old = {r[0]: r for r in rows if r[3] == origin}
        others = {r[0]: r for r in rows if r[3] != origin}
        wanted = {a.doc_id for a in articles}
        now = _now()
        with self.db:
            for doc in sorted(set(old) - wanted):
                self.db.execute("DELETE FROM articles WHERE doc_id = ?", (doc,))
                sync.removed.append(doc)
            for seq, a in enumerate(articles):
                h = article_hash(a)
                before = old.get(a.doc_id) or others.get(a.doc_id)
                row = (a.doc_id, h, seq, origin, a.title, a.date, a.source, a.url, a.path)
                if before is None:
                    sync.new.append(a.doc_id)
                elif before[1] != h:
                    sync.changed.append(a.doc_id)
                else:
                    sync.unchanged.append(a.doc_id)
                    if tuple(before[:9]) == row:
                        continue  # nothing to write
                self.db.execute("INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                (*row, a.text, before[9] if before is not None else now))
            # the other origin's articles follow, in their order
            rest = [d for d in others if d not in wanted]
            for seq, doc in enumerate(rest, start=len(articles)):
                self.db.execute("UPDATE articles SET seq = ? WHERE doc_id = ?", (seq, doc))
        return sync

    def add_articles(self, articles: Iterable[Article], origin: str = UPLOAD) -> Sync:
        """Add or update ``articles`` after the others, removing none (the explorer's uploads)."""
        sync = Sync()
        now = _now()
        with self.db:
            seq = self.db.execute("SELECT coalesce(max(seq), -1) + 1 FROM articles").fetchone()[0]
            for a in articles:
                h = article_hash(a)
                before = self.db.execute("SELECT hash, seq, added FROM articles WHERE doc_id = ?",
                                         (a.doc_id,)).fetchone()
                (sync.new if before is None else sync.changed if before[0] != h else sync.unchanged).append(a.doc_id)
                self.db.execute("INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                (a.doc_id, h, before[1] if before else seq, origin, a.title, a.date, a.source,
                                 a.url, a.path, a.text, before[2] if before else now))
                seq += before is None
        return sync

    def remove_articles(self, doc_ids: Iterable[str]) -> None:
        """Take articles out of the store (their extractions go at the next ``prune``)."""
        with self.db:
            self.db.executemany("DELETE FROM articles WHERE doc_id = ?", ((d,) for d in doc_ids))

    # -- extractions ---------------------------------------------------------------------
    def missing(self, version: str) -> list[Article]:
        """Articles with no extraction at ``version``, in corpus order."""
        return [self._article(r) for r in self._rows(
            "WHERE NOT EXISTS (SELECT 1 FROM extractions e WHERE e.hash = articles.hash AND e.version = ?)",
            (version,))]

    def put_records(self, version: str, items: Iterable[tuple[str, str]]) -> int:
        """Store (article hash, ``records_json``) pairs made by extractor ``version``; returns how many."""
        now = _now()
        with self.db:
            cur = self.db.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?)",
                                      ((h, version, records, now) for h, records in items))
        return cur.rowcount

    def put_extractions(self, version: str, extractions: Iterable[ArticleExtraction]) -> int:
        """Store extractions made by extractor ``version``; returns how many."""
        return self.put_records(version, ((article_hash(ex.article), records_json(ex)) for ex in extractions))

    def extractions(self, version: str, doc_ids: Iterable[str] | None = None) -> Iterator[ArticleExtraction]:
        """Every article's extraction at ``version`` (or those of ``doc_ids``), in corpus order;
        ``LookupError`` if one lacks it."""
        wanted = sorted(set(doc_ids)) if doc_ids is not None else None
        few = wanted is not None and len(wanted) <= 500  # a few (uploads): only their rows are read
        where = f"WHERE a.doc_id IN ({','.join('?' * len(wanted))}) " if few else ""
        self.db.row_factory = sqlite3.Row
        try:
            rows = self.db.execute(
                "SELECT a.*, e.records FROM articles a LEFT JOIN extractions e "
                f"ON e.hash = a.hash AND e.version = ? {where}ORDER BY a.seq, a.doc_id",
                (version, *(wanted if few else ()))).fetchall()
        finally:
            self.db.row_factory = None
        if wanted is not None and not few:
            keep = set(wanted)
            rows = [r for r in rows if r["doc_id"] in keep]
        for row in rows:
            if row["records"] is None:
                raise LookupError(f"article {row['doc_id']!r} has no extraction by extractor {version}")
            yield records_from_json(row["records"], self._article(row))

    def graph_inputs(self, version: str) -> str:
        """A hash of all a graph of the extractions at ``version`` is made of: every article row
        (in corpus order; its hash stands for its text), its extraction at ``version`` and the
        curation log in force. Equal hashes, equal graphs (made by the same code).

        >>> with Store(":memory:") as store:
        ...     before = store.graph_inputs("v1")
        ...     _ = store.sync_articles([Article("a1", "زار شي أستانا")])
        ...     before == store.graph_inputs("v1"), store.graph_inputs("v1") == store.graph_inputs("v1")
        (False, True)
        """
        digest = hashlib.sha256()
        rows = self.db.execute(
            "SELECT a.doc_id, a.hash, a.title, a.date, a.source, a.url, a.path, e.records FROM articles a "
            "LEFT JOIN extractions e ON e.hash = a.hash AND e.version = ? ORDER BY a.seq, a.doc_id", (version,))
        for row in rows:
            digest.update(json.dumps(row, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        for e in self.log(include_undone=False):
            digest.update(json.dumps([e.id, e.action, e.args], ensure_ascii=False, sort_keys=True).encode("utf-8"))
        return digest.hexdigest()

    def prune(self, version: str) -> int:
        """Drop extractions of other versions and of articles no longer in the store; returns how many."""
        with self.db:
            cur = self.db.execute("DELETE FROM extractions WHERE version != ? OR hash NOT IN "
                                  "(SELECT hash FROM articles)", (version,))
        return cur.rowcount

    # -- curation log ----------------------------------------------------------------------
    def log_append(self, action: str, args: dict[str, Any]) -> CurationEntry:
        """Add an entry to the curation log (``silkgraph.curation`` checks it first)."""
        at = _now()
        with self.db:
            cur = self.db.execute("INSERT INTO curation (at, action, args) VALUES (?, ?, ?)",
                                  (at, action, json.dumps(args, ensure_ascii=False, sort_keys=True)))
        return CurationEntry(cur.lastrowid, at, action, args)

    def log(self, include_undone: bool = True) -> list[CurationEntry]:
        """The curation log, oldest first."""
        rows = self.db.execute("SELECT id, at, action, args, undone FROM curation "
                               + ("" if include_undone else "WHERE undone = 0 ") + "ORDER BY id").fetchall()
        return [CurationEntry(i, at, action, json.loads(args), bool(undone)) for i, at, action, args, undone in rows]

    def log_undo(self, n: int = 1) -> list[CurationEntry]:
        """Mark the last ``n`` entries still in force as undone; returns them, newest first."""
        if n < 1:
            return []
        rows = self.db.execute("SELECT id FROM curation WHERE undone = 0 ORDER BY id DESC LIMIT ?", (n,)).fetchall()
        ids = [r[0] for r in rows]
        with self.db:
            self.db.executemany("UPDATE curation SET undone = 1 WHERE id = ?", ((i,) for i in ids))
        by_id = {e.id: e for e in self.log()}
        return [by_id[i] for i in ids]

    # -- named views -------------------------------------------------------------------------
    def _has_views(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'views'").fetchone() is not None

    def save_view(self, name: str, params: dict[str, Any]) -> bool:
        """Keep ``params`` under ``name`` (``view_name`` checks it); True when it replaced a view of that name.

        >>> with Store(":memory:") as store:
        ...     store.save_view("KZ", {"sel": "country:KZ"}), store.save_view("KZ", {"f_ego": "1"})
        ...     [(v.name, v.params) for v in store.views()]
        (False, True)
        [('KZ', {'f_ego': '1'})]
        """
        name = view_name(name)
        data = json.dumps(params, ensure_ascii=False, sort_keys=True)
        self.db.executescript(_VIEWS_TABLE)  # a store from before named views gains the table here
        with self.db:
            replaced = self.db.execute("SELECT 1 FROM views WHERE name = ?", (name,)).fetchone() is not None
            self.db.execute("INSERT OR REPLACE INTO views VALUES (?, ?, ?)", (name, data, _now()))
        return replaced

    def views(self) -> list[NamedView]:
        """The named views, by name (none in a store that never saved one)."""
        if not self._has_views():
            return []
        rows = self.db.execute("SELECT name, params, saved FROM views ORDER BY name").fetchall()
        return [NamedView(n, json.loads(p), at) for n, p, at in rows]

    def view(self, name: str) -> NamedView | None:
        """The view saved under ``name``, else None."""
        if not self._has_views():
            return None
        row = self.db.execute("SELECT name, params, saved FROM views WHERE name = ?",
                              (" ".join(str(name).split()),)).fetchone()
        return NamedView(row[0], json.loads(row[1]), row[2]) if row else None

    def delete_view(self, name: str) -> bool:
        """Forget the view saved under ``name``; False when there was none."""
        if not self._has_views():
            return False
        with self.db:
            cur = self.db.execute("DELETE FROM views WHERE name = ?", (" ".join(str(name).split()),))
        return cur.rowcount > 0
