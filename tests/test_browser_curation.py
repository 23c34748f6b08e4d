"""Curation in the page, end to end in headless chromium (the server and page helpers of
``test_browser``): an edge rejected under its evidence leaves the drawing and enters the log,
two nodes merged with the search picker, the corrections still there after the app is
started again on the same store, and undo bringing them back. A screenshot of a corrected
node and edge is saved (``SILKGRAPH_SHOTS``, default the test's tmp folder)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_browser import Page, browser, panel, start_app, sync_api  # noqa: F401 - browser is a fixture
from test_curate_live import KZ, TOKAYEV, XI, stored_graph

pytestmark = pytest.mark.browser

PUTIN = "leader:putin"
XI_VISITED_KZ = f'["{XI}", "{KZ}", "visited"]'


def sidebar(page: Page):
    return page.page.locator("section[data-testid='stSidebar']")


def select(page: Page, name: str) -> None:
    box = page.page.get_by_label("Search an entity")
    box.fill(name)
    box.press("Enter")
    sync_api.expect(panel(page).locator("h3")).to_contain_text(name, timeout=30_000)


def corrections(page: Page) -> str:
    box = sidebar(page).locator("[data-testid='stExpander']", has_text="Corrections")
    if box.locator("details").get_attribute("open") is None:
        box.locator("summary").click()
    return box.inner_text()


def drawn_ids(page: Page) -> tuple[set[str], set[str]]:
    return (set(page.page.evaluate("window.silkgraph.nodes.getIds()")),
            set(page.page.evaluate("window.silkgraph.edges.getIds()")))


def settle(page: Page, condition: str) -> None:
    page.page.wait_for_function(f"({condition}) && window.silkgraph.settled", timeout=60_000)


def test_curation_in_the_page_survives_a_restart_and_undoes(browser, tmp_path: Path) -> None:  # noqa: F811
    expect = sync_api.expect
    graph = stored_graph(tmp_path)
    server = start_app(tmp_path, SILKGRAPH_GRAPH=str(graph))
    page = Page(browser, next(server))
    try:
        page.open()
        nodes, edges = drawn_ids(page)
        assert XI_VISITED_KZ in edges and PUTIN in nodes
        before = page.positions()

        # reject Xi visited Kazakhstan under its evidence, in Kazakhstan's panel
        select(page, "Kazakhstan")
        row = panel(page).locator("[data-testid='stHorizontalBlock']", has_text="visited").filter(
            has_text="Xi Jinping").first
        row.get_by_role("button", name="Evidence").click()
        panel(page).get_by_role("button", name="✗ Reject").first.click()
        settle(page, f"!window.silkgraph.edges.getIds().includes({XI_VISITED_KZ!r})")
        log = corrections(page)
        assert f"reject {XI} —visited→ {KZ}" in log
        after = page.positions()
        moved = [n for n, q in before.items() if abs(after[n]["x"] - q["x"]) > 1 or abs(after[n]["y"] - q["y"]) > 1]
        assert moved == [] and page.page.evaluate("window.silkgraph.builds") == 1  # the layout is kept

        # merge Putin into Tokayev with the search picker (an Arabic spelling)
        select(page, "Putin")
        panel(page).get_by_text("Correct this entity").click()
        panel(page).get_by_role("tab", name="Merge").click()
        picker = panel(page).get_by_label("Merge with")
        picker.fill("توكاييف")
        picker.press("Enter")
        expect(panel(page).get_by_text(TOKAYEV)).to_be_visible(timeout=30_000)
        panel(page).get_by_text("keep Kassym-Jomart Tokayev").click()
        panel(page).get_by_role("button", name="Merge", exact=True).click()
        settle(page, f"!window.silkgraph.nodes.getIds().includes({PUTIN!r})")
        expect(panel(page).locator("h3")).to_contain_text("Tokayev", timeout=30_000)
        expect(panel(page).locator(".sg-curated")).to_contain_text(f"merged into it: {PUTIN}")
        tokayev = page.page.evaluate(f"window.silkgraph.nodes.get({TOKAYEV!r})")
        assert tokayev["shapeProperties"]["borderDashes"] and tokayev["label"].endswith("✎")
        assert f"merge {PUTIN} into {TOKAYEV}" in corrections(page)

        # a confirmed edge, with a note, for the screenshot
        row = panel(page).locator("[data-testid='stHorizontalBlock']", has_text="leads").first
        row.get_by_role("button", name="Evidence").click()
        panel(page).get_by_role("button", name="✓ Confirm").first.click()
        settle(page, "window.silkgraph.edges.get().some(e => e.dashes && e.label.endsWith('✓'))")
        expect(panel(page).locator(".sg-curated", has_text="✓ confirmed")).to_be_visible(timeout=30_000)
        shots = Path(os.environ.get("SILKGRAPH_SHOTS") or tmp_path)
        shots.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(shots / "curated.png"))
        assert not page.errors and page.outside_requests() == []
    finally:
        page.close()
        server.close()  # stop the app

    # the app again, on the same store
    server = start_app(tmp_path, SILKGRAPH_GRAPH=str(graph))
    page = Page(browser, next(server))
    try:
        page.open()
        nodes, edges = drawn_ids(page)
        assert XI_VISITED_KZ not in edges and PUTIN not in nodes and TOKAYEV in nodes
        assert page.page.evaluate(f"window.silkgraph.nodes.get({TOKAYEV!r}).label").endswith("✎")
        log = corrections(page)
        assert "Corrections (3)" in log and "graph.sqlite" in log and str(tmp_path) not in log

        undo = sidebar(page).get_by_role("button", name="Undo the last correction")
        undo.click()  # the confirmation
        settle(page, "!window.silkgraph.edges.get().some(e => e.dashes)")
        undo.click()  # the merge
        settle(page, f"window.silkgraph.nodes.getIds().includes({PUTIN!r})")
        undo.click()  # the rejection
        settle(page, f"window.silkgraph.edges.getIds().includes({XI_VISITED_KZ!r})")
        assert "Corrections (0)" in corrections(page)
        assert all(not n.get("curated") for n in page.page.evaluate("window.silkgraph.nodes.get()"))
        assert not page.errors
    finally:
        page.close()
        server.close()
