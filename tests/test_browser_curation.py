"""Curation in the page, end to end in headless chromium (the server and page helpers of
``test_browser``): an edge rejected under its evidence leaves the drawing and enters the log,
two nodes merged with the search picker, the corrections still there after the app is
started again on the same store, and undo bringing them back. A screenshot of a corrected
node and edge is saved (``SILKGRAPH_SHOTS``, default the test's tmp folder)."""
from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def _sibling(name: str):
    spec = importlib.util.spec_from_file_location(f"silkgraph_{name}", Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_browser, _live = _sibling("test_browser"), _sibling("test_curate_live")  # skips when chromium is missing
Page, panel, start_app, sync_api = _browser.Page, _browser.panel, _browser.start_app, _browser.sync_api
browser = _browser.browser  # the fixture
KZ, TOKAYEV, XI, stored_graph = _live.KZ, _live.TOKAYEV, _live.XI, _live.stored_graph

PUTIN = "leader:putin"
XI_VISITED_KZ = f'["{XI}", "{KZ}", "visited"]'


def sidebar(page: Page):
    return page.page.locator("section[data-testid='stSidebar']")


def select(page: Page, name: str) -> None:
    box = page.page.get_by_label("Search an entity")
    box.fill(name)
    box.press("Enter")
    sync_api.expect(panel(page).locator("h3")).to_contain_text(name, timeout=30_000)


def corrections(page: Page, expected: str = "") -> str:
    """The sidebar's Corrections box, opened, once it says ``expected``."""
    box = sidebar(page).locator("[data-testid='stExpander']", has_text="Corrections")
    if not box.get_by_role("button", name="Undo the last correction").is_visible():
        box.locator("summary").click()
    sync_api.expect(box).to_contain_text(expected, timeout=30_000)
    return box.inner_text()


def open_tab(page: Page, name: str) -> None:
    """A tab of the panel's "Correct this entity" box, the box opened first."""
    tab = panel(page).get_by_role("tab", name=name)
    if not tab.is_visible():
        panel(page).get_by_text("Correct this entity").click()
    tab.click()


def drawn_ids(page: Page) -> tuple[set[str], set[str]]:
    return (set(page.page.evaluate("window.silkgraph.nodes.getIds()")),
            set(page.page.evaluate("window.silkgraph.edges.getIds()")))


def settle(page: Page, condition: str) -> None:
    page.page.wait_for_function(f"({condition}) && window.silkgraph.settled", timeout=60_000)


def test_curation_in_the_page_survives_a_restart_and_undoes(browser, tmp_path: Path) -> None:
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
        assert "Corrections (1)" in corrections(page, f"reject {XI} —visited→ {KZ}")
        after = page.positions()
        moved = [n for n, q in before.items() if abs(after[n]["x"] - q["x"]) > 1 or abs(after[n]["y"] - q["y"]) > 1]
        assert moved == [] and page.page.evaluate("window.silkgraph.builds") == 1  # the layout is kept

        # merge Putin into Tokayev with the search picker (an Arabic spelling)
        select(page, "Putin")
        open_tab(page, "Merge")
        picker = panel(page).get_by_label("Merge with")
        expect(picker).to_have_count(1, timeout=30_000)  # Kazakhstan's panel has gone
        picker.fill("توكاييف")
        picker.press("Enter")
        expect(panel(page).get_by_text(TOKAYEV)).to_be_visible(timeout=30_000)
        panel(page).get_by_text(re.compile("keep .*Kassym-Jomart Tokayev")).click()
        # the choice is made before Merge is pressed (a press during the rerun the radio started
        # could carry the earlier choice: Putin would stay)
        expect(panel(page).get_by_role("radio", name=re.compile("keep .*Kassym-Jomart Tokayev"))).to_be_checked(
            timeout=30_000)
        panel(page).get_by_role("button", name="Merge", exact=True).click()
        settle(page, f"!window.silkgraph.nodes.getIds().includes({PUTIN!r})")
        expect(panel(page).locator("h3")).to_contain_text("Tokayev", timeout=30_000)
        expect(panel(page).locator(".sg-curated")).to_contain_text(f"merged into it: {PUTIN}")
        tokayev = page.page.evaluate(f"window.silkgraph.nodes.get({TOKAYEV!r})")
        assert tokayev["shapeProperties"]["borderDashes"] and tokayev["label"].endswith("✎")
        corrections(page, f"merge {PUTIN} into {TOKAYEV}")

        # a note on the node, and a confirmed edge: both marked in the panel and the drawing
        open_tab(page, "Note")
        panel(page).get_by_label("Note on this entity").fill("الاسم كما في المصدر")
        assert page.page.evaluate("getComputedStyle(document.querySelector("
                                  "'[class*=\"st-key-cur_nnote\"] textarea')).unicodeBidi") == "plaintext"
        panel(page).get_by_role("button", name="Save the note").click()
        expect(panel(page).locator(".sg-curated")).to_contain_text("note: الاسم كما في المصدر", timeout=30_000)
        settle(page, f"window.silkgraph.nodes.get({TOKAYEV!r}).title.includes('الاسم كما في المصدر')")
        row = panel(page).locator("[data-testid='stHorizontalBlock']", has_text="leads").first
        row.get_by_role("button", name="Evidence").click()
        panel(page).get_by_role("button", name="✓ Confirm").first.click()
        settle(page, "window.silkgraph.edges.get().some(e => e.dashes && e.label.endsWith('✓'))")
        expect(panel(page).locator(".sg-curated", has_text="✓ confirmed").first).to_be_visible(timeout=30_000)
        shots = Path(os.environ.get("SILKGRAPH_SHOTS") or tmp_path)
        shots.mkdir(parents=True, exist_ok=True)
        panel(page).locator(".sg-curated").first.scroll_into_view_if_needed()
        page.page.screenshot(path=str(shots / "curated-node.png"))
        # the edge's own panel (a click on the line): its evidence, its mark, its buttons
        a, b = page.node_point(TOKAYEV), page.node_point(KZ)
        page.page.mouse.click((a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2)
        expect(panel(page).locator("h3")).to_contain_text("leads", timeout=30_000)
        expect(panel(page).locator(".sg-curated", has_text="✓ confirmed")).to_have_count(1, timeout=30_000)
        box = page.page.locator(".sg-canvas canvas").bounding_box()
        page.page.mouse.move(box["x"] + 15, box["y"] + box["height"] - 15)  # no tooltip over the drawing
        expect(page.page.locator("[data-testid='stToast']")).to_have_count(0, timeout=30_000)  # it fades
        page.page.wait_for_timeout(500)
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
        log = corrections(page, "Corrections (4)")
        assert "graph.sqlite" in log and str(tmp_path) not in log

        undo = sidebar(page).get_by_role("button", name="Undo the last correction")
        undo.click()  # the confirmation
        settle(page, "!window.silkgraph.edges.get().some(e => e.dashes)")
        undo.click()  # the note
        settle(page, f"!window.silkgraph.nodes.get({TOKAYEV!r}).title.includes('note:')")
        undo.click()  # the merge
        settle(page, f"window.silkgraph.nodes.getIds().includes({PUTIN!r})")
        undo.click()  # the rejection
        settle(page, f"window.silkgraph.edges.getIds().includes({XI_VISITED_KZ!r})")
        corrections(page, "Corrections (0)")
        assert all(not n.get("curated") for n in page.page.evaluate("window.silkgraph.nodes.get()"))
        assert not page.errors
    finally:
        page.close()
        server.close()
