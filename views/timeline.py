"""The timeline: relations per month or year of their article's date, a range the graph follows.

A bar chart (Altair, drawn by Streamlit) of how many relations each period holds, the
chosen range in colour under a brush: drag across the bars to choose the range, or drag the
brush to move it; a range slider over the periods (it follows the brush, and the brush follows
it); step buttons and a play-through
that moves the range one period at a time (a fragment that reruns the page every
``PLAY_SECONDS``). Undated relations are never on the time axis: the sidebar's
"Include undated" says whether the graph keeps them, and how many there are.
"""
from __future__ import annotations

import time
from collections import Counter
from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from silkgraph.views.memo import per_graph

GRAINS = {"month": 7, "year": 4}  # ISO-date prefix length of a period
PLAY_SECONDS = 1.5
CHART_HEIGHT = 100
BRUSH = "brush"  # the chart's interval selection: drag across the bars to set the window


@per_graph()
def period_counts(G: nx.MultiDiGraph, grain: str = "month") -> Counter:
    """Relations per period (ISO prefix), undated ones left out (once per graph: do not change it).

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> sorted(period_counts(build_graph(sample_extractions()), "year").items())
    [('2024', 16), ('2025', 6)]
    """
    width = GRAINS[grain]
    return Counter(str(date)[:width] for *_, date in G.edges(data="date") if date)


@per_graph(size=1)
def undated_count(G: nx.MultiDiGraph) -> int:
    """Relations with no date.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> undated_count(build_graph(sample_extractions()))
    0
    """
    return sum(1 for *_, date in G.edges(data="date") if not date)


def all_periods(first: str, last: str, grain: str = "month") -> list[str]:
    """Every period from ``first`` to ``last`` inclusive, empty ones too (a continuous axis).

    >>> all_periods("2024-11", "2025-02")
    ['2024-11', '2024-12', '2025-01', '2025-02']
    >>> all_periods("2019", "2021", "year")
    ['2019', '2020', '2021']
    """
    if grain == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def period_bounds(start: str, end: str) -> tuple[str, str]:
    """The inclusive date bounds of a range of periods, as ``silkgraph.graph.query.date_bounds`` reads them.

    >>> period_bounds("2024-07", "2025-06"), period_bounds("2024", "2024")
    (('2024-07', '2025-06-99'), ('2024', '2024-99-99'))
    """
    return start, end + ("-99" if len(end) == 7 else "-99-99")


def shift(periods: list[str], window: tuple[str, str], step: int) -> tuple[str, str] | None:
    """The window moved ``step`` periods, same width; None when it would leave the axis.

    >>> shift(["a", "b", "c", "d"], ("a", "b"), 1), shift(["a", "b", "c", "d"], ("c", "d"), 1)
    (('b', 'c'), None)
    """
    i, j = periods.index(window[0]), periods.index(window[1])
    if i + step < 0 or j + step >= len(periods):
        return None
    return periods[i + step], periods[j + step]


def _chart(periods: list[str], counts: Counter, window: tuple[str, str]) -> Any:
    import altair as alt

    df = pd.DataFrame({"period": periods, "relations": [counts.get(p, 0) for p in periods],
                       "in range": [window[0] <= p <= window[1] for p in periods]})
    # the brush starts on the window, so the slider, the steps and the player move it too
    narrowed = (window[0], window[1]) != (periods[0], periods[-1])
    brush = alt.selection_interval(name=BRUSH, encodings=["x"],
                                   value={"x": [window[0], window[1]]} if narrowed else alt.Undefined)
    return (alt.Chart(df).mark_bar().add_params(brush).encode(
        x=alt.X("period:O", title=None, axis=alt.Axis(labelAngle=0, labelOverlap=True)),
        y=alt.Y("relations:Q", title="relations"),
        color=alt.Color("in range:N", legend=None,
                        scale=alt.Scale(domain=[True, False], range=["#1f77b4", "#d5d9e0"])),
        tooltip=["period", "relations"]).properties(height=CHART_HEIGHT))


def brushed_window(selection: Any, periods: list[str]) -> tuple[str, str] | None:
    """The window a brush on the chart covers: its first and last period; None for no brush.

    The chart's interval selection on its band axis holds the periods it spans.

    >>> brushed_window({"brush": {"period": ["2024-03", "2024-01", "2024-02"]}}, ["2024-01", "2024-02", "2024-03"])
    ('2024-01', '2024-03')
    >>> brushed_window({"brush": {}}, ["2024-01"]), brushed_window(None, ["2024-01"])
    (None, None)
    """
    spanned = ((selection or {}).get(BRUSH) or {}).get("period") or []
    inside = sorted(p for p in spanned if p in set(periods))
    return (inside[0], inside[-1]) if inside else None


def _brushed(key: str, periods: list[str]) -> None:
    """A brush was drawn or moved on the chart: it is the window now (the slider and player follow).
    The brush the chart starts with is the window already: it changes nothing."""
    window = brushed_window((st.session_state.get(key) or {}).get("selection"), periods)
    if window is not None and window != current_window(window):
        st.session_state.tl_play = False
        _set_window(window)


def _brush_key(window: tuple[str, str]) -> str:
    # one chart per window: when the window moves (slider, steps, player) the chart is drawn anew with its
    # brush on it, and a brush the reader drew is never left behind on another window
    return f"tl_brush_{window[0]}_{window[1]}"


def _window_key() -> str:
    # a new key whenever the page moves the range itself: a select_slider's range cannot be set
    # through session state (it would turn into a single value), only through its initial value
    return f"tl_range_{st.session_state.get('_tl_gen', 0)}"


def current_window(axis: tuple[str, str]) -> tuple[str, str]:
    """The range the reader (or the player) chose, else the whole axis."""
    ss = st.session_state
    return tuple(ss.get(_window_key()) or ss.get("_tl_want") or axis)


def _set_window(window: tuple[str, str]) -> None:
    st.session_state._tl_want = tuple(window)
    st.session_state._tl_gen = st.session_state.get("_tl_gen", 0) + 1


def _step(periods: list[str], step: int) -> None:
    moved = shift(periods, current_window((periods[0], periods[-1])), step)
    if moved is None:
        st.session_state.tl_play = False
    else:
        _set_window(moved)


def _play_toggled(periods: list[str]) -> None:
    """Playing the whole axis would show nothing move: start from its first period."""
    st.session_state._tl_last_step = None
    if st.session_state.tl_play and current_window((periods[0], periods[-1])) == (periods[0], periods[-1]):
        _set_window((periods[0], periods[0]))


@st.fragment(run_every=PLAY_SECONDS)
def _player(periods: list[str]) -> None:
    """While playing: move the range one period every PLAY_SECONDS and redraw the page."""
    now = time.monotonic()
    last = st.session_state.get("_tl_last_step")
    if last is None or now - last < PLAY_SECONDS * 0.9:  # a full-page run, not the fragment's own tick
        if last is None:
            st.session_state._tl_last_step = now
        return
    st.session_state._tl_last_step = now
    _step(periods, 1)
    st.rerun()


def timeline(G: nx.MultiDiGraph) -> tuple[str | None, str | None]:
    """Draw the timeline of ``G``'s relations; the (date_from, date_to) it narrows the view to."""
    counts_all = period_counts(G, "month")
    if not counts_all:
        return None, None
    undated = undated_count(G)
    with st.expander("Timeline · relations by article date", expanded=True):
        chart_col, controls = st.columns([3, 2], vertical_alignment="top")
        grain = controls.radio("Periods", list(GRAINS), horizontal=True, key="tl_grain", label_visibility="collapsed",
                               format_func=lambda g: {"month": "Months", "year": "Years"}[g])
        counts = period_counts(G, grain)
        periods = all_periods(min(counts), max(counts), grain)
        axis = (periods[0], periods[-1])
        window = current_window(axis)
        # a new axis (the grain changed, articles were added) starts on all of it; a view URL's range stays
        if st.session_state.get("_tl_axis") not in (None, axis) or not set(window) <= set(periods):
            _set_window(axis)
            st.session_state.tl_play = False
            window = axis
        st.session_state._tl_axis = axis
        if len(periods) > 1:
            window = tuple(controls.select_slider("Range", periods, value=window, key=_window_key(),
                                                  label_visibility="collapsed"))
        with chart_col:
            key = _brush_key(window)
            st.altair_chart(_chart(periods, counts, window), width="stretch", key=key, selection_mode=BRUSH,
                            on_select=lambda: _brushed(key, periods))
        b1, b2, b3 = controls.columns(3, vertical_alignment="center")
        b1.button("◀ Earlier", key="tl_back", on_click=_step, args=(periods, -1), width="stretch",
                  disabled=len(periods) < 2)
        b2.button("Later ▶", key="tl_next", on_click=_step, args=(periods, 1), width="stretch",
                  disabled=len(periods) < 2)
        playing = b3.toggle("Play", key="tl_play", help="Move the range one period at a time",
                            disabled=len(periods) < 2, on_change=_play_toggled, args=(periods,))
        in_range = sum(counts.get(p, 0) for p in periods if window[0] <= p <= window[1])
        controls.caption(f"{window[0]} – {window[1]}: {in_range:,} dated relations · {undated:,} undated "
                         "(on no period; the sidebar's “Include undated” keeps or hides them)")
        if playing:
            _player(periods)
    if window == axis:
        return None, None
    return period_bounds(*window)


def narrowest_dates(*ranges: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The intersection of date ranges (None: open), as ISO strings or prefixes.

    >>> narrowest_dates(("2024-01-01", "2025-12-31"), ("2024-07", "2025-06-99"), (None, None))
    ('2024-07', '2025-06-99')
    """
    lows = [lo for lo, _ in ranges if lo]
    highs = [hi for _, hi in ranges if hi]
    return (max(lows) if lows else None), (min(highs) if highs else None)
