"""The timeline's range brush (silkgraph.views.timeline) through AppTest: the chart is sent with an
interval selection on its period axis, drawn anew on the window whenever the window moves.
Dragging the brush in a browser is tests/test_browser.py's."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from silkgraph.views.timeline import BRUSH, brushed_window

_spec = importlib.util.spec_from_file_location("silkgraph_test_app_helpers_tl", Path(__file__).with_name("test_app.py"))
T = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(T)
app, sample_file = T.app, T.sample_file  # the fixtures: the app on the hand-annotated seed sample


def chart(at):
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1, "the timeline chart is not on the page"
    return charts[0].proto


def test_the_histogram_carries_a_brush_on_its_period_axis(app) -> None:
    proto = chart(app)
    assert list(proto.selection_mode) == [BRUSH]
    params = json.loads(proto.spec)["params"]
    assert {"name": BRUSH, "select": {"type": "interval", "encodings": ["x"]}} in params


def brush_value(at):
    return next(p for p in json.loads(chart(at).spec)["params"] if p["name"] == BRUSH).get("value")


def test_the_brush_follows_the_slider_and_the_steps(app) -> None:
    first = chart(app).id
    assert brush_value(app) is None  # the whole axis: no brush
    app.select_slider[0].set_value(("2024-07", "2024-09")).run()
    assert brush_value(app) == {"x": ["2024-07", "2024-09"]} and chart(app).id != first
    T.button(app, "Later ▶").click().run()
    assert app.select_slider[0].value == ("2024-08", "2024-10")
    assert brush_value(app) == {"x": ["2024-08", "2024-10"]}


def test_a_brush_reads_as_the_periods_it_spans() -> None:
    periods = ["2024-07", "2024-08", "2024-09", "2024-10"]
    assert brushed_window({BRUSH: {"period": ["2024-09", "2024-08"]}}, periods) == ("2024-08", "2024-09")
    assert brushed_window({BRUSH: {"period": ["1999-01"]}}, periods) is None  # not on this axis
