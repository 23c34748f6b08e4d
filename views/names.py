"""Names and counts as the page shows them, right-to-left safe.

Arabic next to Latin text, digits or brackets is reordered by the Unicode bidi algorithm
("دولة (11)" shows as "(11) دولة"). Every Arabic name is therefore isolated: ``<bdi>`` in
HTML, U+2068 FIRST STRONG ISOLATE … U+2069 in plain text (widget labels, buttons, options),
and counts are written outside the isolate, so they stay on the right.
"""
from __future__ import annotations

import html
from typing import Any

import networkx as nx

FSI, PDI = "\u2068", "\u2069"


def esc(value: Any) -> str:
    """HTML-escaped text (quotes included).

    >>> esc('<b a="1">')
    '&lt;b a=&quot;1&quot;&gt;'
    """
    return html.escape(str(value), quote=True)


def iso(text: Any) -> str:
    """Plain text in a first-strong isolate, so its direction cannot leak into what follows.

    >>> iso("دولة") + " (11)" == "\\u2068دولة\\u2069 (11)"
    True
    """
    text = str(text)
    return f"{FSI}{text}{PDI}" if text else ""


def counted(label: str, count: int) -> str:
    """``label (count)`` in plain text with the count after the isolated label.

    >>> counted("وقّع", 2) == "\\u2068وقّع\\u2069 (2)"
    True
    """
    return f"{iso(label)} ({count:,})"


def counted_html(label: str, count: int) -> str:
    """``label (count)`` as HTML: the label in ``<bdi>``, the count after it.

    >>> counted_html("دولة", 11)
    '<bdi>دولة</bdi> <span class="sg-count">(11)</span>'
    """
    return f'<bdi>{esc(label)}</bdi> <span class="sg-count">({count:,})</span>'


def names(G: nx.MultiDiGraph, node: str) -> str:
    """'Arabic — English' for a node as HTML, escaped, each name isolated.

    >>> G = nx.MultiDiGraph(); G.add_node("country:KZ", label_ar="كازاخستان", label_en="Kazakhstan")
    >>> names(G, "country:KZ")
    '<bdi class="sg-ar" dir="rtl">كازاخستان</bdi> — <bdi>Kazakhstan</bdi>'
    """
    d = G.nodes[node]
    ar, en = str(d.get("label_ar") or ""), str(d.get("label_en") or "")
    parts = []
    if ar:
        parts.append(f'<bdi class="sg-ar" dir="rtl">{esc(ar)}</bdi>')
    if en and en != ar:
        parts.append(f"<bdi>{esc(en)}</bdi>")
    return " — ".join(parts) or f"<bdi>{esc(node)}</bdi>"


def plain_name(G: nx.MultiDiGraph, node: str) -> str:
    """'Arabic — English' as plain text, for messages; see ``label_name`` for widget labels.

    >>> G = nx.MultiDiGraph(); G.add_node("c", label_ar="الصين", label_en="China")
    >>> plain_name(G, "c"), plain_name(G, "unknown")
    ('الصين — China', 'unknown')
    """
    d = G.nodes[node] if node in G else {}
    ar, en = str(d.get("label_ar") or ""), str(d.get("label_en") or "")
    return " — ".join(x for x in (ar, en if en != ar else "") if x) or str(node)


def label_name(G: nx.MultiDiGraph, node: str) -> str:
    """'Arabic — English' for a button or option label: each name isolated.

    >>> G = nx.MultiDiGraph(); G.add_node("c", label_ar="الصين", label_en="China")
    >>> label_name(G, "c") == "\\u2068الصين\\u2069 — \\u2068China\\u2069"
    True
    """
    d = G.nodes[node] if node in G else {}
    ar, en = str(d.get("label_ar") or ""), str(d.get("label_en") or "")
    return " — ".join(iso(x) for x in (ar, en if en != ar else "") if x) or iso(node)
