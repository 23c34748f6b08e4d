"""Articles the reader added: which they are, and taking one out again.

A removed upload is moved to ``uploads/removed/`` (nothing is lost: moving it back adds it
again on the next start) and its articles leave the graph through
``silkgraph.graph.build.remove_article``; nodes other articles mention stay. The graph is replaced,
never changed in place, as ``silkgraph.views.live`` does for additions: other sessions read it
without the lock.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from silkgraph.graph.build import graph_articles, remove_article
from silkgraph.views.live import LiveGraph, read_articles

REMOVED_DIR = "removed"


@dataclass
class Added:
    """One file in the uploads folder and the articles of it the graph holds."""

    path: Path
    doc_ids: list[str]
    titles: list[str]


def added_articles(live: LiveGraph) -> list[Added]:
    """The upload files and, for each, the ids and titles of its articles in the graph.

    >>> import tempfile
    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.export import write_graph
    >>> d = Path(tempfile.mkdtemp())
    >>> live = LiveGraph(write_graph(build_graph([]), d / "g.graphml"), d / "seeds", d / "uploads")
    >>> added_articles(live)
    []
    >>> remove_upload(live, d / "g.graphml")
    Traceback (most recent call last):
    ...
    ValueError: g.graphml is not an added article
    """
    articles = graph_articles(live.G)
    out = []
    for path in live.upload_files():
        found, _problems = read_articles([path])
        ids = [a.doc_id for a in found if a.doc_id in articles]
        out.append(Added(path, ids, [articles[i].get("title") or i for i in ids]))
    return out


def remove_upload(live: LiveGraph, path: Path) -> list[str]:
    """Take an added file's articles out of the graph and move the file aside; the doc ids removed.

    A file outside the uploads folder raises ``ValueError`` and nothing changes.
    """
    path = Path(path)
    if path.resolve().parent != live.uploads_dir.resolve() or not path.is_file():
        raise ValueError(f"{path.name} is not an added article")
    with live.lock:
        found, _problems = read_articles([path])
        G = live.editable().copy()
        removed = [a.doc_id for a in found if remove_article(G, a.doc_id)]
        target_dir = live.uploads_dir / REMOVED_DIR
        target_dir.mkdir(exist_ok=True)
        os.replace(path, target_dir / path.name)
        if live.store_path is not None and removed:  # else the store brings them back at the next start
            from silkgraph.store import Store

            with Store(live.store_path) as store:
                store.remove_articles(removed)
        live.publish(G)
        live.merged.pop(str(path), None)
        live.version += 1
    return removed
