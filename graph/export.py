"""Write the graph as GraphML, GEXF, node-link JSON or an edge CSV; read GraphML/GEXF/JSON back.

Files are written atomically (a temp file in the same folder, then ``os.replace``): a failed
write leaves no partial file and an existing file as it was. Before writing, every attribute
is given one type per key (``sanitize_graph``) and edge keys are made unique, which Gephi,
Cytoscape and yEd need.

The graph in memory holds lists and dicts (``silkgraph.graph.build``). This is the one place they are
serialised: for GraphML, GEXF and CSV every value is made a scalar (a list of strings
``|``-joined, anything nested JSON), and ``read_graph`` parses the attributes ``silkgraph.graph.build``
defines back into lists and dicts, so a graph read from any format looks like one built.

Format notes:

- GraphML keeps everything, graph attribute ``articles`` included; edge keys are the edge ids.
- GEXF has no graph attributes, and gives ``type``, ``label`` and ``id`` on edges their own
  meanings, so the edge ``type`` is written as attribute ``relation``, the edge label is the
  relation's English label, and node colours also go into ``viz`` for Gephi; ``read_graph``
  undoes this. A GEXF node always has a label: a node without one reads back labelled with its id.
- JSON is networkx node-link data with ``edges="edges"``; keys and graph attributes kept, lists
  as JSON lists and dicts as JSON objects.
- CSV is one row per edge (UTF-8 with BOM, so Excel shows Arabic); it cannot be read back.
  A spreadsheet would run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, so
  such a cell gets a leading ``'`` (the OWASP rule), and control characters are dropped.

Lone surrogates, which no UTF-8 file can hold, become U+FFFD in every format.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from silkgraph.graph.build import ARTICLES_ATTR, DOC_MENTIONS_ATTR, EVIDENCE_ATTR, LIST_ATTRS, SEP
from silkgraph.atomic import atomic_write
from silkgraph.corpus import valid_text

import networkx as nx

WRITERS = (".graphml", ".gexf", ".json", ".csv")
READERS = (".graphml", ".gexf", ".json")
CSV_COLUMNS = ("source", "source_label_ar", "source_label_en", "type", "target", "target_label_ar",
               "target_label_en", "doc", "date", "evidence", "trigger", "confidence", "count",
               "source_title", "source_url", "key")


# --- sanitising -----------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """``value`` as JSON-ready Python data: str, int, float, bool, None, lists and str-keyed dicts.

    Tuples and sets become lists (sets sorted), dates ISO strings, numpy scalars plain Python
    ones, anything else its ``str``.

    >>> plain({"when": dt.date(2025, 6, 17), "who": ("شي", "بوتين"), 3: {2, 1}})
    {'when': '2025-06-17', 'who': ['شي', 'بوتين'], '3': [1, 2]}
    """
    if value is None or type(value) in (str, bool, int, float):
        return value
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return plain(value.item())
    for kind in (bool, int, float, str):  # subclasses (numpy.float64, IntEnum, ...) as plain values
        if isinstance(value, kind):
            return kind(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


_CONTAINERS = (dict, list, tuple, set, frozenset)


def to_json(value: Any, sort_keys: bool = True) -> str:
    """``value`` as compact JSON text; what JSON has no type for is made ``plain`` on the way.

    >>> to_json({"b": [1, {2}], "a": dt.date(2025, 6, 17)})
    '{"a":"2025-06-17","b":[1,[2]]}'
    """
    try:  # the C encoder walks the lists and dicts; only odd values go through plain()
        return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"), default=plain)
    except TypeError:  # dict keys json cannot take, or cannot sort (mixed types)
        return json.dumps(plain(value), ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":"))


def scalar(value: Any) -> Any:
    """``value`` as a str, int, float or bool (None stays None; see ``sanitize_graph``).

    A list of scalars is ``|``-joined; dicts and lists holding lists or dicts become JSON.
    Otherwise as ``plain``.

    >>> scalar(["شي", "بوتين"]), scalar({"b": 1}), scalar([{"b": 1}]), scalar(dt.date(2025, 6, 17)), scalar(3)
    ('شي|بوتين', '{"b":1}', '[{"b":1}]', '2025-06-17', 3)
    """
    if value is None or type(value) in (str, bool, int, float):
        return value
    if isinstance(value, dict):
        return to_json(value)
    if isinstance(value, _CONTAINERS):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        if any(isinstance(v, _CONTAINERS) for v in items):
            return to_json(list(items))
        return SEP.join("" if v is None else str(scalar(v)) for v in items)
    return plain(value)


def _shallow(value: Any) -> Any:
    """For node-link JSON: lists and dicts as they are (the JSON encoder writes them), other
    values ``plain``."""
    return value if type(value) in (list, dict) else plain(value)


# characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: Any) -> Any:
    """``value`` without the characters XML cannot hold (strings only; others as they are).

    >>> xml_text("شي\x0cجين"), xml_text(3)
    ('شيجين', 3)
    """
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def _no_surrogates(value: Any) -> Any:
    return valid_text(value)[0] if isinstance(value, str) else value


_CSV_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
FORMULA_START = ("=", "+", "-", "@")


def csv_cell(value: Any) -> Any:
    r"""A CSV cell no spreadsheet runs: control characters dropped (line breaks and tabs become
    spaces), and a text that starts like a formula prefixed with ``'``; numbers as they are.

    >>> csv_cell('=HYPERLINK("http://x", "y")'), csv_cell("-1+2"), csv_cell("شي\x00\nجين"), csv_cell(-0.5)
    ('\'=HYPERLINK("http://x", "y")', "'-1+2", 'شي جين', -0.5)
    """
    if not isinstance(value, str):
        return value
    value = _CSV_CONTROL.sub(lambda m: " " if m[0] in "\t\n\r" else "", value)
    return "'" + value if value.startswith(FORMULA_START) else value


def _uniform(records: list[dict[str, Any]], flat: bool = True) -> list[dict[str, Any]]:
    """Records with one type of value per key: int+float -> float, other mixes -> str.

    Values are made ``scalar`` (``flat``), else kept as lists and dicts with other values ``plain``. None becomes "" for text keys and is
    left out for the others.
    """
    convert = scalar if flat else _shallow
    cleaned = [{str(k): convert(v) for k, v in r.items()} for r in records]
    kinds: dict[str, set[type]] = {}
    for r in cleaned:
        for k, v in r.items():
            if v is not None:
                kinds.setdefault(k, set()).add(type(v))
    target: dict[str, type] = {}
    for k, ts in kinds.items():
        if len(ts) == 1:
            target[k] = next(iter(ts))
        elif ts <= {int, float}:
            target[k] = float
        else:
            target[k] = str
    out = []
    for r in cleaned:
        row = {}
        for k, v in r.items():
            t = target.get(k, str)
            if v is None:
                if t is str:
                    row[k] = ""
                continue
            row[k] = v if type(v) is t else t(scalar(v))
        out.append(row)
    return out


def sanitize_graph(G: nx.Graph, xml: bool = False, flat: bool = True) -> nx.MultiDiGraph:
    """A copy of ``G`` ready for any writer: attributes of one type per key, scalars (``flat``;
    for GraphML, GEXF, CSV) or plain JSON data (for node-link JSON), str node ids, unique str
    edge keys (a repeated key becomes ``"{u}|{v}|{key}"``); with ``xml``, characters XML
    cannot hold are dropped from every string.

    >>> G = nx.MultiDiGraph(articles={"a": 1})
    >>> _ = G.add_edge(1, 2, key="signed", conf=1, who=["شي"])
    >>> _ = G.add_edge(1, 3, key="signed", conf=0.5, who=None)
    >>> H = sanitize_graph(G)
    >>> list(H.edges(keys=True, data=True))
    [('1', '2', 'signed', {'conf': 1.0, 'who': 'شي'}), ('1', '3', '1|3|signed', {'conf': 0.5, 'who': ''})]
    >>> H.graph, sanitize_graph(G, flat=False).edges["1", "2", "signed"]["who"]
    ({'articles': '{"a":1}'}, ['شي'])
    """
    nodes = list(G.nodes(data=True))
    edges = list(G.edges(keys=True, data=True)) if G.is_multigraph() else [(u, v, None, d) for u, v, d in G.edges(data=True)]
    clean = xml_text if xml else _no_surrogates

    def uniform(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{clean(k): clean(v) for k, v in r.items()} for r in _uniform(records, flat)]

    H = nx.MultiDiGraph()
    H.graph.update(uniform([{k: v for k, v in G.graph.items() if k not in ("node_default", "edge_default")}])[0])
    H.add_nodes_from((clean(str(n)), d) for (n, _), d in zip(nodes, uniform([d for _, d in nodes])))
    seen: set[str] = set()
    for (u, v, key, _), d in zip(edges, uniform([d for *_, d in edges])):
        u, v = clean(str(u)), clean(str(v))
        key = clean(str(key)) if key is not None else f"{u}|{v}"
        if key in seen:
            base, n = f"{u}|{v}|{key}", 1
            key = base
            while key in seen:
                n += 1
                key = f"{base}|{n}"
        seen.add(key)
        H.add_edge(str(u), str(v), key=key, **d)
    return H


# --- writing ---------------------------------------------------------------------------------


def _suffix(path: str | os.PathLike, allowed: tuple[str, ...], verb: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise ValueError(f"cannot {verb} {str(path)!r}: unknown extension {suffix or '(none)'!r}; "
                         f"supported: {', '.join(allowed)}")
    return suffix


def _hex_rgb(color: str) -> dict[str, int] | None:
    color = color.lstrip("#")
    if len(color) != 6:
        return None
    try:
        return {"r": int(color[0:2], 16), "g": int(color[2:4], 16), "b": int(color[4:6], 16), "a": 1.0}
    except ValueError:
        return None


def _for_gexf(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The GEXF variant of a sanitised graph (see the module docstring)."""
    X = nx.MultiDiGraph()
    for n, d in H.nodes(data=True):
        d = dict(d)
        rgb = _hex_rgb(str(d.get("color", "")))
        if rgb:
            d["viz"] = {"color": rgb}
        X.add_node(n, **d)
    for u, v, k, d in H.edges(keys=True, data=True):
        d = dict(d)
        if "type" in d:
            d["relation"] = d.pop("type")
        d["id"] = k
        d["label"] = str(d.get("label_en") or d.get("relation", ""))
        X.add_edge(u, v, key=k, **d)
    return X


def csv_rows(G: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """One dict per edge with the ``CSV_COLUMNS``, in edge order.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> row = next(csv_rows(build_graph(sample_extractions())))
    >>> row["source_label_en"], row["type"], row["target_label_ar"]
    ('Xi Jinping', 'visited', 'كازاخستان')
    """
    for u, v, k, d in G.edges(keys=True, data=True):
        su, sv = G.nodes[u], G.nodes[v]
        row = {
            "source": u, "source_label_ar": su.get("label_ar", ""), "source_label_en": su.get("label_en", ""),
            "type": d.get("type", ""),
            "target": v, "target_label_ar": sv.get("label_ar", ""), "target_label_en": sv.get("label_en", ""),
            "key": k,
        }
        for col in ("doc", "date", "evidence", "trigger", "confidence", "count", "source_title", "source_url"):
            row[col] = d.get(col, "")
        yield {c: scalar(row[c]) for c in CSV_COLUMNS}


def write_graph(G: nx.Graph, path: str | os.PathLike) -> Path:
    """Write ``G`` to ``path`` in the format its extension names; returns the path.

    Supported: .graphml, .gexf, .json (node-link), .csv (edges). Another extension raises
    ``ValueError`` before anything is written.

    >>> import tempfile, pathlib
    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> out = write_graph(G, pathlib.Path(tempfile.mkdtemp()) / "seeds.graphml")
    >>> read_graph(out).number_of_edges() == G.number_of_edges()
    True
    >>> write_graph(G, "seeds.png")
    Traceback (most recent call last):
    ...
    ValueError: cannot write 'seeds.png': unknown extension '.png'; supported: .graphml, .gexf, .json, .csv
    """
    suffix = _suffix(path, WRITERS, "write")
    path = Path(path)
    if suffix == ".graphml":
        H = sanitize_graph(G, xml=True)
        with atomic_write(path) as fh:
            nx.write_graphml(H, fh, encoding="utf-8", prettyprint=True)
    elif suffix == ".gexf":
        H = sanitize_graph(G, xml=True)
        with atomic_write(path) as fh:
            nx.write_gexf(_for_gexf(H), fh, encoding="utf-8", prettyprint=True)
    elif suffix == ".json":
        text = to_json(nx.node_link_data(sanitize_graph(G, flat=False), edges="edges"), sort_keys=False)
        with atomic_write(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        H = sanitize_graph(_csv_part(G))
        with atomic_write(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in csv_rows(H))
    return path


def _csv_part(G: nx.Graph) -> nx.Graph:
    """``G`` with only what its CSV shows (node labels, the edge columns): the rest, the per-article
    records above all, need not be flattened to be left out."""
    P = G.__class__()
    P.add_nodes_from((n, {k: d[k] for k in ("label_ar", "label_en") if k in d}) for n, d in G.nodes(data=True))
    wanted = set(CSV_COLUMNS)
    if G.is_multigraph():
        P.add_edges_from((u, v, k, {c: x for c, x in d.items() if c in wanted}) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        P.add_edges_from((u, v, {c: x for c, x in d.items() if c in wanted}) for u, v, d in G.edges(data=True))
    return P


# --- reading ---------------------------------------------------------------------------------


def _as_multidigraph(H: nx.Graph) -> nx.MultiDiGraph:
    if isinstance(H, nx.MultiDiGraph):
        return H
    G = nx.MultiDiGraph()
    G.graph.update(H.graph)
    G.add_nodes_from(H.nodes(data=True))
    edges = H.edges(keys=True, data=True) if H.is_multigraph() else ((u, v, None, d) for u, v, d in H.edges(data=True))
    for u, v, k, d in edges:  # an undirected file keeps each edge once, as stored
        G.add_edge(u, v, key=k, **d)
    return G


def _from_gexf(X: nx.MultiDiGraph) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph.update({k: v for k, v in X.graph.items() if k not in ("mode", "node_default", "edge_default")})
    for n, d in X.nodes(data=True):
        G.add_node(n, **{k: v for k, v in d.items() if k != "viz"})
    for u, v, k, d in X.edges(keys=True, data=True):
        d = dict(d)
        key = d.pop("key", None) or d.get("id") or k
        d.pop("id", None)
        d.pop("label", None)
        if "relation" in d and "type" not in d:
            d["type"] = d.pop("relation")
        G.add_edge(u, v, key=key, **d)
    return G


def _split(value: Any) -> Any:
    """A ``|``-joined string back as a list; a value already a list as it is."""
    return [part for part in value.split(SEP) if part] if isinstance(value, str) else value


def _loads(value: Any, empty: Any) -> Any:
    """A JSON string back as data (``empty`` for an empty string); other values as they are."""
    if not isinstance(value, str):
        return value
    return json.loads(value) if value.strip() else empty


def restore_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Parse, in place, the attributes ``silkgraph.graph.build`` keeps as lists and dicts and a writer
    flattened to strings; values already lists or dicts stay. Returns ``G``.

    >>> G = nx.MultiDiGraph(articles='{"d":{"date":"2025"}}')
    >>> G.add_node("n", aliases="الصين|بالصين", docs="", doc_mentions='{"d":{"mentions":1}}')
    >>> _ = G.add_edge("n", "n", evidence_json='[{"sentence":"زار شي"}]')
    >>> H = restore_graph(G)
    >>> H.graph["articles"], H.nodes["n"], H.edges["n", "n", 0]["evidence_json"]
    ({'d': {'date': '2025'}}, {'aliases': ['الصين', 'بالصين'], 'docs': [], 'doc_mentions': {'d': {'mentions': 1}}}, [{'sentence': 'زار شي'}])
    """
    if ARTICLES_ATTR in G.graph:
        G.graph[ARTICLES_ATTR] = _loads(G.graph[ARTICLES_ATTR], {})
    for _, d in G.nodes(data=True):
        for k in LIST_ATTRS:
            if k in d:
                d[k] = _split(d[k])
        if DOC_MENTIONS_ATTR in d:
            d[DOC_MENTIONS_ATTR] = _loads(d[DOC_MENTIONS_ATTR], {})
    for *_, d in G.edges(keys=True, data=True):
        if EVIDENCE_ATTR in d:
            d[EVIDENCE_ATTR] = _loads(d[EVIDENCE_ATTR], [])
    return G


def read_graph(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read a graph written by ``write_graph`` (.graphml, .gexf or .json), its lists and dicts
    parsed back (``restore_graph``).

    A missing file raises ``FileNotFoundError``, a file that does not parse ``ValueError``,
    both naming the file.

    >>> read_graph("no/such/graph.graphml")
    Traceback (most recent call last):
    ...
    FileNotFoundError: no such graph file: 'no/such/graph.graphml'
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        raise ValueError(f"cannot read {str(path)!r}: a CSV export holds only edges; "
                         f"read the .graphml or .json export instead")
    _suffix(path, READERS, "read")
    if not Path(path).is_file():
        raise FileNotFoundError(f"no such graph file: {str(path)!r}")
    try:
        if suffix == ".graphml":
            G = _as_multidigraph(nx.read_graphml(path, force_multigraph=True))
            for k in ("node_default", "edge_default"):
                G.graph.pop(k, None)
        elif suffix == ".gexf":
            G = _from_gexf(_as_multidigraph(nx.read_gexf(path)))
        else:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
            G = _as_multidigraph(nx.node_link_graph(data, directed=True, multigraph=True, edges="edges"))
        restore_graph(G)
    except (ParseError, ValueError, KeyError, TypeError, nx.NetworkXError) as exc:
        raise ValueError(f"{str(path)!r} is not a readable {suffix[1:]} graph: {exc}") from exc
    return G
