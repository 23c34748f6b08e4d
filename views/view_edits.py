"""Expand and prune the view: expand a node by one relation type, a few neighbours at a time;
hide a node; pin a node so it stays in the view, fixed where it is drawn.

The edits are three lists in the session state (and in the view URL): ``grown`` (nodes an
expansion added, drawn on top of the page's node cap), ``hidden`` (never drawn) and
``pinned`` (always drawn, fixed at their place: ``silkgraph.views.placement``). The plain
functions below say what the view holds after an edit; ``edit_actions`` draws the
Selection panel's controls for them.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx
import streamlit as st

from silkgraph.views.payload import type_label

EDIT_KEYS = ("grown", "hidden", "pinned")
DEFAULT_LIMIT = 10
MAX_LIMIT = 100


@dataclass(frozen=True)
class ViewEdits:
    """What the reader added to, took from and fixed in the view."""

    grown: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    pinned: tuple[str, ...] = ()


def _plus(items: Iterable[str], more: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*items, *more]))


def _minus(items: Iterable[str], less: Iterable[str]) -> tuple[str, ...]:
    gone = set(less)
    return tuple(n for n in items if n not in gone)


def relation_neighbours(G: nx.MultiDiGraph, node: str, relation: str) -> list[tuple[str, int]]:
    """The neighbours of ``node`` by ``relation`` (either direction) with how many such relations
    join them: most first, then the more mentioned, then by id.

    >>> G = nx.MultiDiGraph()
    >>> for u, v in [("a", "cn"), ("b", "cn"), ("b", "cn"), ("cn", "c")]:
    ...     _ = G.add_edge(u, v, type="visited")
    >>> _ = G.add_edge("d", "cn", type="met")
    >>> relation_neighbours(G, "cn", "visited")
    [('b', 2), ('a', 1), ('c', 1)]
    """
    if node not in G:
        return []
    counts: Counter = Counter()
    for u, v, kind in G.in_edges(node, data="type"):
        if kind == relation and u != node:
            counts[u] += 1
    for u, v, kind in G.out_edges(node, data="type"):
        if kind == relation and v != node:
            counts[v] += 1

    def mentions(n: str) -> int:
        value = G.nodes[n].get("mentions", 0)
        return int(value) if isinstance(value, (int, float)) else 0
    return sorted(counts.items(), key=lambda kv: (-kv[1], -mentions(kv[0]), str(kv[0])))


def relations_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The relation types ``node`` has, in the order the graph holds them.

    >>> relations_of(nx.MultiDiGraph([("a", "b", {"type": "met"}), ("c", "a", {"type": "visited"})]), "a")
    ['met', 'visited']
    """
    if node not in G:
        return []
    kinds = [k for *_, k in G.out_edges(node, data="type")] + [k for *_, k in G.in_edges(node, data="type")]
    return [str(k) for k in dict.fromkeys(kinds) if k]


def next_neighbours(G: nx.MultiDiGraph, node: str, relation: str, drawn: Iterable[str], limit: int,
                    edits: ViewEdits = ViewEdits()) -> list[str]:
    """The next ``limit`` neighbours of ``node`` by ``relation`` that are not drawn (hidden ones
    count as not drawn: expanding shows them again).

    >>> G = nx.MultiDiGraph([(f"l{i}", "cn", {"type": "visited"}) for i in range(5)])
    >>> next_neighbours(G, "cn", "visited", drawn=["cn", "l0"], limit=2)
    ['l1', 'l2']
    """
    shown = set(drawn) - set(edits.hidden)
    return [n for n, _ in relation_neighbours(G, node, relation) if n not in shown][:max(0, int(limit))]


def expand(edits: ViewEdits, nodes: Iterable[str]) -> ViewEdits:
    """The edits after an expansion drew ``nodes``: they are grown, and no longer hidden.

    >>> expand(ViewEdits(grown=("a",), hidden=("b",)), ["b", "c"])
    ViewEdits(grown=('a', 'b', 'c'), hidden=(), pinned=())
    """
    nodes = list(nodes)
    return replace(edits, grown=_plus(edits.grown, nodes), hidden=_minus(edits.hidden, nodes))


def hide(edits: ViewEdits, node: str) -> ViewEdits:
    """The edits after hiding ``node``: hidden, and neither grown nor pinned any more.

    >>> hide(ViewEdits(grown=("a", "b"), pinned=("a",)), "a")
    ViewEdits(grown=('b',), hidden=('a',), pinned=())
    """
    return ViewEdits(grown=_minus(edits.grown, [node]), hidden=_plus(edits.hidden, [node]),
                     pinned=_minus(edits.pinned, [node]))


def show(edits: ViewEdits, nodes: Iterable[str] | None = None) -> ViewEdits:
    """The edits after showing hidden ``nodes`` again (None: all of them).

    >>> show(ViewEdits(hidden=("a", "b")), ["a"]).hidden, show(ViewEdits(hidden=("a", "b"))).hidden
    (('b',), ())
    """
    return replace(edits, hidden=() if nodes is None else _minus(edits.hidden, nodes))


def pin(edits: ViewEdits, node: str, on: bool = True) -> ViewEdits:
    """The edits after pinning ``node`` (``on=False``: unpinning it); a pinned node is not hidden.

    >>> pin(ViewEdits(hidden=("a",)), "a"), pin(ViewEdits(pinned=("a",)), "a", on=False).pinned
    (ViewEdits(grown=(), hidden=(), pinned=('a',)), ())
    """
    if not on:
        return replace(edits, pinned=_minus(edits.pinned, [node]))
    return replace(edits, pinned=_plus(edits.pinned, [node]), hidden=_minus(edits.hidden, [node]))


def edit_view(edits: ViewEdits, keep: Sequence[str], nodes: Sequence[str],
              G: nx.MultiDiGraph) -> tuple[list[str], list[str]]:
    """The nodes a view must keep and all its candidates, once pins, expansions and hides apply.

    ``keep``: what the page keeps anyway (the selection, paths); ``nodes``: the rest of the
    view. Pinned and grown nodes of ``G`` are kept too; hidden ones are in neither list.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> edit_view(ViewEdits(grown=("d",), hidden=("b",), pinned=("c",)), ["a"], ["a", "b"], G)
    (['a', 'c', 'd'], ['a', 'c', 'd'])
    """
    gone = set(edits.hidden)
    kept = [n for n in dict.fromkeys([*keep, *edits.pinned, *edits.grown]) if n in G and n not in gone]
    return kept, list(dict.fromkeys([*kept, *(n for n in nodes if n not in gone)]))


# --- the session -----------------------------------------------------------------------------


def view_edits(state: Any = None) -> ViewEdits:
    """The session's edits.

    >>> view_edits({"hidden": ["a"]})
    ViewEdits(grown=(), hidden=('a',), pinned=())
    """
    state = st.session_state if state is None else state
    return ViewEdits(**{k: tuple(state.get(k) or ()) for k in EDIT_KEYS})


def set_edits(edits: ViewEdits, state: Any = None) -> None:
    """Keep ``edits`` in the session (as lists, as the view URL reads them).

    >>> s = {}; set_edits(ViewEdits(pinned=("a",)), s); s
    {'grown': [], 'hidden': [], 'pinned': ['a']}
    """
    state = st.session_state if state is None else state
    for key in EDIT_KEYS:
        state[key] = list(getattr(edits, key))


def remember_view(F: nx.MultiDiGraph, D: nx.MultiDiGraph) -> None:
    """Keep the filtered graph and the drawn nodes of this run for the panel's expand control."""
    st.session_state._view_graph = F
    st.session_state._view_drawn = list(D.nodes)


def _apply(change, *args: Any) -> None:
    set_edits(change(view_edits(), *args))


def expand_choices(kinds: list[str], undrawn: dict[str, int]) -> list[str]:
    """The relations to offer for expanding, those with neighbours left to draw first (else in
    the given order), so the picker does not open on one with nothing to add.

    >>> expand_choices(["signed", "visited", "met"], {"signed": 0, "visited": 4, "met": 2})
    ['visited', 'met', 'signed']
    """
    return sorted(kinds, key=lambda k: undrawn.get(k, 0) == 0)


def edit_actions(G: nx.MultiDiGraph, node: str) -> None:
    """The Selection panel's row for ``node``: expand by a relation (a limit at a time), hide, pin."""
    F = st.session_state.get("_view_graph")
    F = F if F is not None and node in F else G
    drawn = st.session_state.get("_view_drawn") or list(G.nodes)
    edits = view_edits()
    kinds = relations_of(F, node)
    if kinds:
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        undrawn = {k: len(next_neighbours(F, node, k, drawn, len(F), edits)) for k in kinds}
        kinds = expand_choices(kinds, undrawn)
        kind = c1.selectbox("Expand by relation", kinds, key=f"vx_rel_{node}",
                            format_func=lambda k: f"{type_label(k, 'en', True)} · {type_label(k, 'ar', True)}"
                                                  f" ({undrawn[k]} not drawn)")
        limit = int(c2.number_input("How many", 1, MAX_LIMIT, DEFAULT_LIMIT, key="vx_limit"))
        more = next_neighbours(F, node, kind, drawn, limit, edits)
        st.button(f"Expand: {type_label(kind, 'en', True)} ▸ {len(more)} more", key="vx_go", on_click=_apply,
                  args=(expand, more), disabled=not more, width="stretch",
                  help="Draw the next neighbours by this relation that the view does not show yet")
    c1, c2 = st.columns(2)
    hidden, pinned = node in edits.hidden, node in edits.pinned
    c1.button("Show again" if hidden else "Hide", key="vx_hide", width="stretch",
              on_click=_apply, args=(show, [node]) if hidden else (hide, node),
              help="Take this node off the canvas (the sidebar's view controls show hidden nodes again)")
    c2.button("Unpin" if pinned else "Pin", key="vx_pin", width="stretch",
              on_click=_apply, args=(pin, node, not pinned),
              help="Keep this node in the view whatever the filters, fixed where it is drawn")


def clear_edits() -> None:
    """Drop every expansion, hide and pin (the page's Reset)."""
    set_edits(ViewEdits())
