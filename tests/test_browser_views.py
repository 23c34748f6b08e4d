"""Issue 11, features 3 and 5 in headless chromium: a named view saved in the store reopens after a
restart, expanding by a relation draws exactly the asked number of neighbours, hiding takes a
node off the canvas, back and forward restore the views before and after.

The server, browser and page helpers are test_browser.py's (loaded as the other test files load
test_app.py). The graph is the hub of test_view_edits.py (40 leaders visited China), in a corpus
store beside its graph file, drawn at most 12 nodes at a time. ``SILKGRAPH_SHOTS=FOLDER`` keeps
a copy of the screenshot (views.png) there.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def _load(name: str, file: str):
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


B = _load("silkgraph_test_browser_for_views", "test_browser.py")  # skips this module when chromium is missing
S = _load("silkgraph_test_saved_views_for_browser", "test_saved_views.py")
sync_api = B.sync_api
browser = B.browser  # the fixture, shared by name
CAP = "12"


@pytest.fixture(scope="module")
def hub_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return S.store_graph(tmp_path_factory.mktemp("hub-store"), S.E.hub_extractions())


@pytest.fixture(scope="module")
def hub_server(hub_store: Path) -> Iterator["B.Server"]:
    yield from B.start_app(hub_store.parent, SILKGRAPH_GRAPH=str(hub_store), SILKGRAPH_MAX_NODES=CAP)


@pytest.fixture
def page(browser, hub_server) -> Iterator["B.Page"]:
    p = B.Page(browser, hub_server)
    yield p
    p.close()


def drawn(p: "B.Page") -> list[str]:
    return sorted(p.page.evaluate("window.silkgraph.nodes.getIds()"))


def wait_drawn(p: "B.Page", test: str, timeout: int = 30_000) -> None:
    """Wait until the settled canvas's node ids pass ``test`` (a JS expression over ``ids``)."""
    p.page.wait_for_function(f"window.silkgraph && window.silkgraph.settled && "
                             f"(ids => {test})(window.silkgraph.nodes.getIds())", timeout=timeout)


def select(p: "B.Page", query: str, node: str) -> None:
    p.page.get_by_label("Search an entity").fill(query)
    p.page.get_by_label("Search an entity").press("Enter")
    p.page.wait_for_function(f"window.silkgraph.network.getSelectedNodes()[0] === {node!r}", timeout=30_000)


def expand(p: "B.Page", how_many: int) -> None:
    box = p.page.locator(".st-key-vx_limit input")
    box.fill(str(how_many))
    box.press("Enter")
    button = p.page.get_by_role("button", name=f"Expand: visited ▸ {how_many} more")
    sync_api.expect(button).to_be_visible(timeout=30_000)
    button.click()


def press(p: "B.Page", key: str) -> None:
    """Click the button of widget ``key`` once the page has settled on one of it."""
    button = p.page.locator(f".st-key-{key}").get_by_role("button")  # a button with help is drawn twice, one hidden
    sync_api.expect(button).to_have_count(1, timeout=30_000)
    sync_api.expect(button).to_be_enabled(timeout=30_000)
    button.click()


def neighbours_of(p: "B.Page", node: str) -> set[str]:
    edges = p.page.evaluate("window.silkgraph.edges.get().map(e => [e.from, e.to])")
    return {a if b == node else b for a, b in edges if node in (a, b)}


def test_expand_by_relation_adds_exactly_the_limited_neighbours(page) -> None:
    page.open()
    select(page, "China", "country:CN")
    before = drawn(page)
    assert len(before) == int(CAP)
    expand(page, 5)
    wait_drawn(page, f"ids.length === {len(before) + 5}")
    after = drawn(page)
    new = set(after) - set(before)
    assert set(before) <= set(after) and len(new) == 5
    assert new <= neighbours_of(page, "country:CN") and all(n.startswith("leader:") for n in new)
    # the layout followed: drawn nodes kept their places, nothing was rebuilt
    assert page.page.evaluate("window.silkgraph.builds") == 1 and page.page.evaluate("window.silkgraph.morphs") >= 1
    assert not page.errors and page.outside_requests() == []


def test_hide_removes_a_node_from_the_canvas_and_back_and_forward_restore_the_views(page) -> None:
    page.open()
    p = page.page
    opening = drawn(page)
    leader = next(n for n in opening if n.startswith("leader:"))
    page.click_node(leader)
    sync_api.expect(B.panel(page).locator("h3")).to_be_visible(timeout=30_000)
    press(page, "vx_hide")
    wait_drawn(page, f"!ids.includes({leader!r})")
    hidden = drawn(page)
    assert leader not in hidden and not p.evaluate(f"window.silkgraph.network.getPositions([{leader!r}])[{leader!r}]")
    p.wait_for_function("location.search.includes('hidden=')", timeout=30_000)  # in the view URL
    select(page, "China", "country:CN")
    expand(page, 3)
    wait_drawn(page, f"ids.length === {len(hidden) + 3}")
    grown = drawn(page)
    at = p.locator("section[data-testid='stSidebar']")
    # five views: the opening one, the click, the hide, the search, the expansion
    sync_api.expect(at.get_by_text("View 5 of 5")).to_be_visible(timeout=30_000)
    press(page, "hist_back")  # back to before the expansion
    sync_api.expect(at.get_by_text("View 4 of 5")).to_be_visible(timeout=30_000)  # the run is over
    wait_drawn(page, f"ids.length === {len(hidden)}")
    assert drawn(page) == hidden
    press(page, "hist_back")  # before the search (the same nodes, China not selected)
    sync_api.expect(at.get_by_text("View 3 of 5")).to_be_visible(timeout=30_000)
    p.wait_for_function("window.silkgraph.network.getSelectedNodes()[0] !== 'country:CN'", timeout=30_000)
    press(page, "hist_back")  # before the hide
    sync_api.expect(at.get_by_text("View 2 of 5")).to_be_visible(timeout=30_000)
    wait_drawn(page, f"ids.includes({leader!r})")
    assert drawn(page) == opening
    for n in (3, 4, 5):
        press(page, "hist_fwd")
        sync_api.expect(at.get_by_text(f"View {n} of 5")).to_be_visible(timeout=30_000)
    wait_drawn(page, f"ids.length === {len(grown)}")
    assert drawn(page) == grown
    sync_api.expect(p.locator(".st-key-hist_fwd").get_by_role("button")).to_be_disabled(timeout=30_000)
    assert not page.errors and page.outside_requests() == []


def drag(p: "B.Page", node: str, dx: float, dy: float) -> None:
    start = p.node_point(node)
    p.page.mouse.move(start["x"], start["y"])
    p.page.mouse.down()
    p.page.mouse.move(start["x"] + dx, start["y"] + dy, steps=8)
    p.page.mouse.up()


def test_a_view_url_reopens_the_same_nodes_at_the_same_places(browser, hub_server, page) -> None:
    page.open()
    select(page, "China", "country:CN")
    expand(page, 3)
    wait_drawn(page, f"ids.length === {int(CAP) + 3}")
    leader = next(n for n in drawn(page) if n.startswith("leader:"))
    before = page.positions()[leader]
    drag(page, leader, -50, 70)
    moved = page.positions()[leader]
    assert abs(moved["x"] - before["x"]) > 20
    # the drag's report reached the server and the address bar: the URL holds the new place
    page.page.wait_for_function("(q) => location.search !== q", arg=page.page.evaluate("location.search"), timeout=30_000)
    page.page.wait_for_timeout(1000)
    url, want_nodes, want_pos = page.page.url, drawn(page), page.positions()
    assert "pos=" in url and "grown=" in url
    other = B.Page(browser, B.Server(url, hub_server.proc, hub_server.log))
    try:
        other.open()
        assert drawn(other) == want_nodes
        got = other.positions()
        off = {n: (q, got[n]) for n, q in want_pos.items() if abs(got[n]["x"] - q["x"]) > 1 or abs(got[n]["y"] - q["y"]) > 1}
        assert off == {}
        assert not other.errors
    finally:
        other.close()


def test_a_saved_named_view_reopens_after_a_restart_on_the_same_store(browser, tmp_path) -> None:
    graph = S.store_graph(tmp_path, S.E.hub_extractions())
    name = "الصين وزوارها"
    first = B.start_app(tmp_path, SILKGRAPH_GRAPH=str(graph), SILKGRAPH_MAX_NODES=CAP)
    server = next(first)
    page = B.Page(browser, server)
    try:
        page.open()
        select(page, "China", "country:CN")
        expand(page, 4)
        wait_drawn(page, f"ids.length === {int(CAP) + 4}")
        # drag a node somewhere else: the saved view keeps where it was put
        leader = next(n for n in drawn(page) if n.startswith("leader:"))
        drag(page, leader, 60, 40)
        page.page.wait_for_function("location.search.includes('pos=')", timeout=30_000)
        # pin it where it was put, then select China again
        page.click_node(leader)
        sync_api.expect(B.panel(page).locator("h3")).to_contain_text("Leader", timeout=30_000)
        press(page, "vx_pin")
        page.page.wait_for_function(f"window.silkgraph.nodes.get({leader!r}).fixed === true", timeout=30_000)
        page.click_node("country:CN")
        sync_api.expect(B.panel(page).locator("h3")).to_contain_text("China", timeout=30_000)
        page.page.wait_for_timeout(1500)  # the last position report reached the server
        want_nodes, want_pos = drawn(page), page.positions()
        p = page.page
        p.locator("[data-testid='stExpander']", has_text="Saved views").locator("summary").click()
        p.locator(".st-key-sv_name input").fill(name)
        p.get_by_role("button", name="Save this view").click()
        sync_api.expect(p.get_by_text(f"Saved the view as “{S.isolate(name)}”")).to_be_visible(timeout=30_000)
    finally:
        page.close()
        first.close()  # the server stops
    with S.Store(S.store_beside(graph)) as store:
        assert [v.name for v in store.views()] == [name]
    second = B.start_app(tmp_path, SILKGRAPH_GRAPH=str(graph), SILKGRAPH_MAX_NODES=CAP)
    server = next(second)
    page = B.Page(browser, server)
    try:
        page.open()
        p = page.page
        assert drawn(page) != want_nodes
        p.locator("[data-testid='stExpander']", has_text="Saved views").locator("summary").click()
        sync_api.expect(p.get_by_role("combobox", name="Saved views")).to_have_value(name, timeout=30_000)
        press(page, "sv_open")
        wait_drawn(page, f"ids.length === {len(want_nodes)}")
        assert drawn(page) == want_nodes
        assert p.evaluate("window.silkgraph.network.getSelectedNodes()") == ["country:CN"]
        got = page.positions()
        off = {n: (q, got[n]) for n, q in want_pos.items() if abs(got[n]["x"] - q["x"]) > 1 or abs(got[n]["y"] - q["y"]) > 1}
        assert off == {}, (leader, off)
        assert p.evaluate(f"window.silkgraph.nodes.get({leader!r}).fixed") is True  # still pinned
        assert p.evaluate(f"window.silkgraph.nodes.get({leader!r}).shapeProperties.borderDashes") == [6, 3]
        sync_api.expect(p.get_by_text(f"Opened the view “{S.isolate(name)}”")).to_be_visible(timeout=30_000)
        sync_api.expect(B.panel(page).locator("h3")).to_contain_text("China", timeout=30_000)
        p.wait_for_timeout(1000)
        B.shot(p, tmp_path, "views.png")
        assert not page.errors and page.outside_requests() == []
    finally:
        page.close()
        second.close()
