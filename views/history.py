"""Back and forward through the view's history.

Every change of the view (a filter, the selection, an expansion, a hide or pin, the timeline,
a path query) is an entry: the view's URL parameters (``silkgraph.views.view_url``) at the
end of the run that made it. Back and forward put an entry's view back, as a view URL does;
a new change after going back drops the entries ahead, as a browser does.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

HISTORY_KEY = "_history"
MAX_ENTRIES = 100

Params = Mapping[str, Any]


@dataclass(frozen=True)
class History:
    """Views in the order they were seen, and which one is shown (-1: none yet)."""

    entries: tuple[Params, ...] = ()
    cursor: int = -1


def _same(a: Params | None, b: Params | None) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def current(h: History) -> Params | None:
    """The entry shown, if any.

    >>> current(History()), current(History(({"a": "1"},), 0))
    (None, {'a': '1'})
    """
    return h.entries[h.cursor] if 0 <= h.cursor < len(h.entries) else None


def push(h: History, entry: Params, limit: int = MAX_ENTRIES) -> History:
    """The history after the view became ``entry``: entries ahead of the cursor dropped, the
    same view twice in a row kept once, at most ``limit`` entries (the oldest go).

    >>> h = push(push(History(), {}), {"sel": "country:KZ"})
    >>> h.cursor, len(h.entries), push(h, {"sel": "country:KZ"}) == h
    (1, 2, True)
    >>> push(back(h), {"f_ego": "1"}).entries
    ({}, {'f_ego': '1'})
    """
    if _same(current(h), entry):
        return h
    entries = (*h.entries[:h.cursor + 1], dict(entry))[-limit:]
    return History(entries, len(entries) - 1)


def replace_current(h: History, entry: Params) -> History:
    """The history with the shown entry replaced by ``entry`` (the view a jump actually opened).

    >>> replace_current(History(({}, {"a": "1"}), 0), {"b": "2"}).entries
    ({'b': '2'}, {'a': '1'})
    """
    if current(h) is None:
        return push(h, entry)
    return History((*h.entries[:h.cursor], dict(entry), *h.entries[h.cursor + 1:]), h.cursor)


def back(h: History) -> History:
    """One entry back (the same history at the first one).

    >>> back(History(({}, {"a": "1"}), 1)).cursor, back(History(({},), 0)).cursor
    (0, 0)
    """
    return History(h.entries, h.cursor - 1) if h.cursor > 0 else h


def forward(h: History) -> History:
    """One entry forward (the same history at the last one).

    >>> forward(History(({}, {"a": "1"}), 0)).cursor, forward(History(({}, {"a": "1"}), 1)).cursor
    (1, 1)
    """
    return History(h.entries, h.cursor + 1) if h.cursor < len(h.entries) - 1 else h


# --- the session -----------------------------------------------------------------------------


def record(entry: Params) -> None:
    """Add the view this run ended on to the session's history (after a jump: replace the entry)."""
    h = st.session_state.get(HISTORY_KEY) or History()
    jumped = st.session_state.pop("_history_jumped", False)
    st.session_state[HISTORY_KEY] = replace_current(h, entry) if jumped else push(h, entry)


def _go(step: int) -> None:
    from silkgraph.views.view_url import apply_view

    h = st.session_state.get(HISTORY_KEY) or History()
    moved = back(h) if step < 0 else forward(h)
    if moved.cursor == h.cursor:
        return
    st.session_state[HISTORY_KEY] = moved
    st.session_state._history_jumped = True
    apply_view(current(moved), st.session_state)


def history_controls() -> None:
    """Back and Forward buttons, and where in the history the view is."""
    h = st.session_state.get(HISTORY_KEY) or History()
    c1, c2 = st.columns(2)
    c1.button("◀ Back", key="hist_back", on_click=_go, args=(-1,), disabled=h.cursor <= 0, width="stretch",
              help="The view before this one")
    c2.button("Forward ▶", key="hist_fwd", on_click=_go, args=(1,), disabled=h.cursor >= len(h.entries) - 1,
              width="stretch", help="The view you came back from")
    if h.entries:
        st.caption(f"View {h.cursor + 1} of {len(h.entries)} in this session's history")
