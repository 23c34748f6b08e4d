"""Corrections made in the explorer: where they are kept, and the graph with them applied.

Every correction goes into a curation log (``silkgraph.curation``, a table of the corpus store),
so it holds after a restart and in every export:

- a graph with a corpus store beside it (``silkgraph build`` made ``out/graph.sqlite``): that
  store, as ``silkgraph curate`` does; a new correction is applied to the graph shown, and
  at the next start the store's build applies the log (nothing is extracted again);
- a graph file with no store (``--graph colleague.graphml``): a store holding only the log,
  beside the file (``colleague.curation.sqlite``), applied to the file's graph at every start;
- the seeds extracted at start (no ``--graph``): a log-only store in the uploads folder
  (``uploads/curation.sqlite``), beside the articles added in the page.

A log-only store is made at the first correction, never by opening a graph. A correction that
cannot be saved raises (the page says so): none is kept only in memory.
"""
from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from silkgraph import curation
from silkgraph.store import CurationEntry, Store, StoreError
from silkgraph.views.live import ExtractFn, LiveGraph, default_extractor

SIDECAR_SUFFIX = ".curation.sqlite"
UPLOADS_LOG = "curation.sqlite"


@dataclass(frozen=True)
class Corrections:
    """Where the corrections are kept: the file, its kind, and a sentence for the page."""

    path: Path
    kind: str  # "store" (the corpus store), "beside" (log-only, beside a graph file), "uploads"
    where: str  # no server path: file names only


def corrections_for(store_path: Path | None, graph_path: Path | None, uploads_dir: Path) -> Corrections:
    """Where an explorer's corrections go (see the module docstring).

    >>> corrections_for(None, Path("/data/colleague.graphml"), Path("/srv/uploads")).path.as_posix()
    '/data/colleague.curation.sqlite'
    >>> c = corrections_for(None, None, Path("/srv/uploads")); c.kind, c.where
    ('uploads', 'Saved in uploads/curation.sqlite, with the articles added in the page; applied at every start.')
    """
    if store_path is not None:
        return Corrections(store_path, "store", f"Saved in the corpus store {store_path.name}: every build and "
                                                f"export keeps them (`silkgraph curate log` lists them).")
    if graph_path is not None:
        path = graph_path.with_name(graph_path.stem + SIDECAR_SUFFIX)
        return Corrections(path, "beside", f"{graph_path.name} has no corpus store: corrections are saved in "
                                           f"{path.name} beside it and applied whenever it is opened here.")
    return Corrections(uploads_dir / UPLOADS_LOG, "uploads", f"Saved in {uploads_dir.name}/{UPLOADS_LOG}, with the "
                                                             "articles added in the page; applied at every start.")


class CurationFailed(RuntimeError):
    """A correction that could not be saved (the log file cannot be written), or one saved whose
    graph could not be remade; the message is a sentence for the page."""


class CuratedLiveGraph(LiveGraph):
    """A ``LiveGraph`` whose graph has the corrections applied, and that takes new ones."""

    def __init__(self, graph_path: Path | None, seeds_dir: Path, uploads_dir: Path,
                 extractor: Callable[[], ExtractFn] = default_extractor) -> None:
        super().__init__(graph_path, seeds_dir, uploads_dir, extractor)
        self.corrections = corrections_for(self.store_path, self.graph_path, self.uploads_dir)
        # with a log-only store the graph without corrections is kept, to undo on; a corpus store's
        # build applied the log already, and its graph without the log is made at the first undo
        self.base: nx.MultiDiGraph | None = None if self.corrections.kind == "store" else self.G
        if self.base is not None:
            self.G = self._applied(self.base.copy(), self._read_log())
        elif self.graph_path is not None:
            self._orphaned_log(corrections_for(None, self.graph_path, self.uploads_dir).path)

    def _orphaned_log(self, path: Path) -> None:
        """Corrections made here before the graph had a store are not applied to it: say so."""
        if not path.is_file():
            return
        try:
            with Store(path) as store:
                waiting = len(store.log(include_undone=False))
        except (StoreError, sqlite3.Error):
            waiting = 1
        if waiting:
            self.notices.append(f"{path.name} holds {waiting} correction{'s' if waiting != 1 else ''} made before "
                                f"this graph had its corpus store ({self.corrections.path.name}); they are not "
                                "applied: make them again here, then remove that file.")

    # -- the log --------------------------------------------------------------------------
    def _read_log(self) -> list[CurationEntry]:
        if self.corrections.kind != "store" and not self.corrections.path.is_file():
            return []
        try:
            with Store(self.corrections.path) as store:
                return store.log()
        except (StoreError, sqlite3.Error) as exc:
            path = self.corrections.path
            why = str(exc).replace(str(path), path.name).replace(str(path.parent), "")  # no server path
            self.notices.append(f"Could not read the corrections ({path.name}): {why}. "
                                "The graph is shown without them; new corrections cannot be saved.")
            self.corrections = Corrections(self.corrections.path, "broken", self.notices[-1])
            return []

    def log(self) -> list[CurationEntry]:
        """Every correction, oldest first (undone ones included, marked)."""
        return [] if self.corrections.kind == "broken" else self._read_log()

    def _applied(self, G: nx.MultiDiGraph, entries: list[CurationEntry]) -> nx.MultiDiGraph:
        return curation.apply_log(G, entries) if entries else G

    def _open(self) -> Store:
        if self.corrections.kind == "broken":
            raise CurationFailed(f"Not saved: {self.corrections.where}")
        try:
            self.corrections.path.parent.mkdir(parents=True, exist_ok=True)
            return Store(self.corrections.path)
        except (OSError, StoreError, sqlite3.Error) as exc:
            raise CurationFailed(f"Not saved: the corrections file {self.corrections.path.name} cannot be written "
                                 f"({type(exc).__name__}); nothing was changed") from None

    def _refresh(self, store: Store, entry: CurationEntry | None = None) -> None:
        """Show the graph with the log applied (under the lock). With a corpus store a new
        ``entry`` is applied to the graph shown (its ids are that graph's): remaking the graph
        from the store takes seconds on a large corpus. The first undo makes the graph without
        the log from the store once and keeps it (``base``), as for a log-only store."""
        if self.base is None and entry is not None:
            self.G = curation.apply_log(self.G.copy(), [entry])
        else:
            if self.base is None:  # the first undo with a corpus store: its graph without the log, kept
                from silkgraph.buildrun import graph_from_store

                self.base = graph_from_store(store, curated=False)
            self.G = self._applied(self.base.copy(), store.log(include_undone=False))
        self.version += 1

    # -- corrections ----------------------------------------------------------------------
    def curate(self, action: str, *args: Any, **kwargs: Any) -> CurationEntry:
        """Make a correction: ``action`` is a function of ``silkgraph.curation`` (merge, rename,
        retype, delete, reject, confirm, note), given the arguments after the store and graph.
        Raises ``curation.CurationError`` for a correction that cannot be made,
        ``CurationFailed`` when it cannot be saved."""
        if action not in curation.ACTIONS:
            raise curation.CurationError(f"unknown correction {action!r}")
        with self.lock:
            store = self._open()
            try:
                try:
                    entry = getattr(curation, action)(store, self.G, *args, **kwargs)
                except sqlite3.Error as exc:
                    raise CurationFailed(f"Not saved: the log could not be written ({type(exc).__name__})") from None
                self._remade(store, entry)
            finally:
                store.close()
        return entry

    def _remade(self, store: Store, entry: CurationEntry | None = None) -> None:
        try:
            self._refresh(store, entry)
        except (StoreError, LookupError, sqlite3.Error) as exc:
            print(f"silkgraph explorer: could not remake the graph after a correction: {exc}", file=sys.stderr)
            raise CurationFailed("Saved in the log, but the graph could not be remade "
                                 f"({type(exc).__name__}); it applies at the next start") from None

    def undo(self) -> CurationEntry | None:
        """Take back the last correction still in force; None when there is none."""
        with self.lock:
            store = self._open()
            try:
                done = curation.undo(store, 1)
                if done:
                    self._remade(store)
            finally:
                store.close()
        return done[0] if done else None

    # -- articles added or removed in the page keep the corrections --------------------------
    def editable(self) -> nx.MultiDiGraph:
        return self.base if self.base is not None else self.G

    def publish(self, G: nx.MultiDiGraph) -> None:
        entries = [] if self.corrections.kind == "broken" else [e for e in self._read_log() if not e.undone]
        if self.base is not None:
            self.base = G
            G = G.copy()
        self.G = self._applied(G, entries)
