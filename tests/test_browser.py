"""End to end: `streamlit run app.py` in headless Debian chromium, driven by Playwright.

The app is started on a free localhost port with a temp uploads folder. The tests wait for
the graph to settle, click the node for Kazakhstan on the canvas (its position from the
vis Network object, mapped with canvasToDOM), run a path query in the page, check that no
request left localhost and that article text cannot inject HTML, and save screenshots in
each test's tmp_path. Run with ``scripts/test.sh -m browser`` (it installs chromium).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SETTLE_TIMEOUT_MS = 120_000

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing: scripts/test.sh installs Debian chromium", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, url: str, proc: subprocess.Popen, log: Path) -> None:
        self.url, self.proc, self.log = url, proc, log


def start_app(tmp: Path, **env: str) -> Iterator[Server]:
    port = free_port()
    log = tmp / "streamlit.log"
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--server.enableStaticServing", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    environ = {**os.environ, "SILKGRAPH_UPLOADS": str(tmp / "uploads"), **env}
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=environ, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"streamlit did not start:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.3)
    try:
        yield Server(url, proc, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def seeds_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app as `streamlit run app.py` starts it: the graph built from seeds/."""
    yield from start_app(tmp_path_factory.mktemp("seeds-app"))


@pytest.fixture(scope="module")
def evil_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on a graph holding an article with <img onerror> and <script> in it."""
    from silkgraph.graph.build import add_extraction, build_graph
    from silkgraph.graph.export import write_graph
    from silkgraph.graph.sample import sample_extractions
    import importlib.util

    spec = importlib.util.spec_from_file_location("silkgraph_test_app", Path(__file__).with_name("test_app.py"))
    test_app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(test_app)

    tmp = tmp_path_factory.mktemp("evil-app")
    G = build_graph(sample_extractions())
    add_extraction(G, test_app.evil_extraction())
    path = write_graph(G, tmp / "evil.graphml")
    yield from start_app(tmp, SILKGRAPH_GRAPH=str(path))


@pytest.fixture(scope="module")
def browser() -> Iterator["sync_api.Browser"]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page with every request and dialog recorded."""

    def __init__(self, browser, server: Server) -> None:
        self.context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
        self.page = self.context.new_page()
        self.server = server
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self) -> float:
        """Load the app and wait for a settled graph; returns seconds from navigation to settled."""
        self.page.goto(self.server.url)
        self.page.wait_for_function("window.silkgraph && window.silkgraph.settled", timeout=SETTLE_TIMEOUT_MS)
        return self.page.evaluate("window.silkgraph.settledAt") / 1000

    def node_point(self, node_id: str) -> dict[str, float]:
        """Where a node is on screen: its canvas position through canvasToDOM."""
        self.page.locator(".sg-canvas").scroll_into_view_if_needed()
        point = self.page.evaluate(
            """(id) => {
                const net = window.silkgraph.network;
                const pos = net.getPositions([id])[id];
                if (!pos) return null;
                const dom = net.canvasToDOM(pos);
                const box = document.querySelector('.sg-canvas canvas').getBoundingClientRect();
                return {x: box.left + dom.x, y: box.top + dom.y};
            }""", node_id)
        assert point is not None, f"{node_id} is not drawn"
        return point

    def click_node(self, node_id: str) -> None:
        point = self.node_point(node_id)
        self.page.mouse.click(point["x"], point["y"])

    def positions(self) -> dict[str, dict[str, float]]:
        return self.page.evaluate("window.silkgraph.network.getPositions()")

    def outside_requests(self) -> list[str]:
        local = {"127.0.0.1", "localhost"}
        return [u for u in self.requests if urlsplit(u).scheme not in ("data", "blob")
                and urlsplit(u).hostname not in local]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def seeds_page(browser, seeds_app: Server) -> Iterator[Page]:
    page = Page(browser, seeds_app)
    yield page
    page.close()


def panel(page: Page):
    return page.page.locator(".st-key-panel")


def test_click_kazakhstan_on_the_canvas_lists_its_connections(seeds_page: Page, tmp_path: Path) -> None:
    expect = sync_api.expect
    seconds = seeds_page.open()
    drawn = seeds_page.page.evaluate("window.silkgraph.drawnNodes")
    print(f"\nseeds: {drawn} nodes, page load to settled graph {seconds:.2f} s (first load of this server)")
    kz = seeds_page.page.evaluate(
        "window.silkgraph.nodes.get().filter(n => n.title.includes('Kazakhstan')).map(n => n.id)")
    assert kz, "no node for Kazakhstan in the seeds graph"
    before = seeds_page.positions()
    seeds_page.click_node(kz[0])
    expect(panel(seeds_page).locator("h3")).to_contain_text("Kazakhstan", timeout=30_000)
    seeds_page.page.screenshot(path=str(tmp_path / "kazakhstan.png"), full_page=True)
    connections = panel(seeds_page).locator(".sg-nb").all_inner_texts()
    assert any("Tokayev" in c for c in connections), connections
    # the joint statement signed in Astana, named in Arabic and English as every neighbour is
    assert any("بيان مشترك" in c and "Joint statement" in c for c in connections), connections
    # the evidence on demand, with the trigger marked, names its article
    assert panel(seeds_page).locator("mark.sg-trigger").count() == 0
    panel(seeds_page).get_by_role("button", name="Evidence").first.click()
    expect(panel(seeds_page).locator("mark.sg-trigger").first).to_be_visible(timeout=30_000)
    # the click reached Python and came back without rebuilding or moving the graph
    assert seeds_page.page.evaluate("window.silkgraph.builds") == 1
    assert seeds_page.page.evaluate("window.silkgraph.network.getSelectedNodes()") == [kz[0]]
    after = seeds_page.positions()
    assert all(abs(after[n]["x"] - p["x"]) < 1 and abs(after[n]["y"] - p["y"]) < 1 for n, p in before.items())
    assert not seeds_page.errors, seeds_page.errors
    assert seeds_page.outside_requests() == []


def test_path_query_in_the_page_lists_and_highlights_hops(seeds_page: Page, tmp_path: Path) -> None:
    expect = sync_api.expect
    seconds = seeds_page.open()
    print(f"\nseeds: page load to settled graph {seconds:.2f} s (graph already built)")
    page = seeds_page.page
    page.get_by_role("radio", name="Path").click()
    form = page.locator(".st-key-path_panel")
    form.get_by_label("From").fill("Tokayev")
    form.get_by_label("To").fill("Xi Jinping")
    form.get_by_role("button", name="Find paths").click()
    expect(form.locator(".sg-hop").first).to_be_visible(timeout=30_000)
    hops = form.locator(".sg-hop").all_inner_texts()
    first_path = form.locator(".stMarkdown", has_text="Path 1").first.inner_text()
    assert "Path 1" in first_path
    assert "Tokayev" in hops[0]
    assert any("Xi Jinping" in h for h in hops)
    page.wait_for_function("window.silkgraph.edges.get().some(e => e.width === 4)", timeout=30_000)
    thick = page.evaluate("window.silkgraph.edges.get().filter(e => e.width === 4).length")
    assert thick >= 1
    page.screenshot(path=str(tmp_path / "path.png"), full_page=True)
    assert seeds_page.outside_requests() == []


def test_labels_switch_to_english_without_moving_the_graph(seeds_page: Page, tmp_path: Path) -> None:
    seeds_page.open()
    page = seeds_page.page
    before = seeds_page.positions()
    page.locator("section[data-testid='stSidebar']").get_by_text("English").click()
    page.wait_for_function("window.silkgraph.nodes.get().some(n => n.label === 'Kazakhstan')", timeout=30_000)
    assert page.evaluate("window.silkgraph.builds") == 1
    after = seeds_page.positions()
    assert all(abs(after[n]["x"] - p["x"]) < 1 for n, p in before.items())
    page.screenshot(path=str(tmp_path / "english.png"), full_page=True)


def test_article_text_cannot_inject_html(browser, evil_app: Server, tmp_path: Path) -> None:
    expect = sync_api.expect
    page = Page(browser, evil_app)
    try:
        page.open()
        point = page.node_point("person:evil")
        page.page.mouse.move(point["x"], point["y"])
        tooltip = page.page.locator("div.vis-tooltip")
        expect(tooltip).to_be_visible(timeout=10_000)
        assert "<img src=x onerror=alert(1)>" in tooltip.inner_text()
        assert tooltip.locator("img").count() == 0
        page.click_node("person:evil")
        expect(panel(page).locator("h3")).to_contain_text("<img src=x onerror=alert(1)>", timeout=30_000)
        assert "<script>alert(1)</script>" in panel(page).inner_text()
        page.page.screenshot(path=str(tmp_path / "escaped.png"), full_page=True)
        assert page.page.locator("img[src='x']").count() == 0
        assert page.page.evaluate("document.querySelectorAll('script:not([src])').length") == \
            page.page.evaluate("Array.from(document.querySelectorAll('script:not([src])'))"
                               ".filter(s => !s.textContent.includes('alert(1)')).length")
        assert page.dialogs == []
        assert not [u for u in page.requests if urlsplit(u).path.rstrip("/").endswith("/x")]
        assert page.outside_requests() == []
    finally:
        page.close()


def test_upload_in_the_page_checks_and_adds_articles(browser, evil_app: Server, tmp_path: Path) -> None:
    expect = sync_api.expect
    page = Page(browser, evil_app)
    try:
        page.open()
        p = page.page
        p.get_by_role("radio", name="Add articles").click()
        binary = tmp_path / "scan.txt"
        binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        article = tmp_path / "visit.txt"
        article.write_text("زيارة إلى أستانا\nأستانا 3 يوليو 2024 (شينخوا) زار الرئيس الصيني شي جين بينغ "
                           "كازاخستان والتقى الرئيس الكازاخي قاسم جومارت توكاييف.\n", encoding="utf-8")
        p.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(binary), str(article)])
        expect(p.get_by_text("visit.txt")).to_be_visible(timeout=15_000)
        p.get_by_role("button", name="Add to the graph").click()
        expect(p.get_by_text("scan.txt: not a text file")).to_be_visible(timeout=60_000)
        expect(p.get_by_text("visit.txt: 1 article")).to_be_visible(timeout=60_000)
        saved = sorted(x.name for x in (Path(evil_app.log).parent / "uploads").iterdir())
        assert saved == ["visit.txt"]
        p.screenshot(path=str(tmp_path / "upload.png"), full_page=True)
        assert not page.errors and page.outside_requests() == []
    finally:
        page.close()


def test_export_buttons_download_files_that_read_back(seeds_page: Page, tmp_path: Path) -> None:
    from silkgraph.graph.export import read_graph

    seeds_page.open()
    page = seeds_page.page
    page.get_by_role("radio", name="Export").click()
    drawn = page.evaluate("window.silkgraph.drawnNodes")
    for label, suffix in (("GraphML", ".graphml"), ("JSON (node-link)", ".json")):
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name=label, exact=True).click()  # not the canvas's "Save the drawn view as …"
        target = tmp_path / f"view{suffix}"
        info.value.save_as(target)
        assert read_graph(target).number_of_nodes() == drawn
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="CSV edges + evidence").click()
    info.value.save_as(tmp_path / "view.csv")
    header = (tmp_path / "view.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("source,") and "evidence" in header
    assert seeds_page.outside_requests() == []


def test_fit_button_brings_the_whole_graph_back_into_view(seeds_page: Page) -> None:
    seeds_page.open()
    page = seeds_page.page
    scale = page.evaluate("window.silkgraph.network.getScale()")
    page.evaluate("window.silkgraph.network.moveTo({scale: %f, position: {x: 5000, y: 5000}})" % (scale * 3))
    assert page.evaluate("window.silkgraph.network.getScale()") > scale * 2
    page.locator(".sg-fit").click()
    assert abs(page.evaluate("window.silkgraph.network.getScale()") - scale) < scale * 0.2


# --- issue 11: the explorer as a research instrument --------------------------------------------


@pytest.fixture(scope="module")
def big_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on a synthetic graph of 600 entities (bench_render's generator), capped at 300."""
    import importlib.util

    from silkgraph.graph.export import write_graph

    spec = importlib.util.spec_from_file_location("silkgraph_bench_render", REPO / "bench" / "bench_render.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    tmp = tmp_path_factory.mktemp("big-app")
    path = write_graph(bench.synthetic_graph(600, 300), tmp / "big.graphml")
    yield from start_app(tmp, SILKGRAPH_GRAPH=str(path))


def test_right_to_left_paste_box_and_uncut_match_buttons(seeds_page: Page) -> None:
    expect = sync_api.expect
    seeds_page.open()
    page = seeds_page.page
    page.get_by_role("radio", name="Add articles").click()
    box = page.locator(".st-key-paste_text textarea")
    expect(box).to_be_visible(timeout=30_000)
    assert box.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator(".st-key-paste_title input").evaluate("el => getComputedStyle(el).direction") == "rtl"
    page.get_by_label("Search an entity").fill("الصين")
    page.get_by_label("Search an entity").press("Enter")
    buttons = page.locator(".st-key-match_buttons button")
    expect(buttons.first).to_be_visible(timeout=30_000)
    assert buttons.count() > 1
    for i in range(buttons.count()):
        b = buttons.nth(i)
        text = b.inner_text()
        assert "…" not in text and "..." not in text, text
        # every label fits its button: nothing is cut off
        assert b.evaluate("el => [...el.querySelectorAll('*')].every(e => e.scrollWidth <= e.clientWidth + 1)"), text
    # a legend count sits to the right of its Arabic label
    item = page.locator(".sg-legend > span").first
    label, count = item.locator("bdi"), item.locator(".sg-count")
    assert count.bounding_box()["x"] > label.bounding_box()["x"] + label.bounding_box()["width"] - 1


def test_add_article_form_does_not_rerun_between_fields(seeds_page: Page) -> None:
    expect = sync_api.expect
    sent: list[int] = []  # messages the page sends the server (a rerun request carries the widget values)
    seeds_page.page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(1)))
    seeds_page.open()
    page = seeds_page.page
    page.get_by_role("radio", name="Add articles").click()
    expect(page.locator(".st-key-paste_text textarea")).to_be_visible(timeout=30_000)
    page.wait_for_timeout(1500)
    before = len(sent)
    page.locator(".st-key-paste_text textarea").fill("نص مقال للاختبار عن زيارة إلى أستانا")
    page.locator(".st-key-paste_text textarea").press("Tab")
    page.locator(".st-key-paste_title input").fill("عنوان سريع")
    page.locator(".st-key-paste_title input").press("Tab")
    page.locator(".st-key-paste_date input").fill("2025-01-02")
    page.locator(".st-key-paste_date input").press("Tab")
    page.wait_for_timeout(2000)
    assert len(sent) == before  # no rerun between the fields: nothing can be wiped
    assert page.locator(".st-key-paste_title input").input_value() == "عنوان سريع"


def test_adding_and_removing_an_article_keeps_the_layout(browser, evil_app: Server, tmp_path: Path) -> None:
    expect = sync_api.expect
    page = Page(browser, evil_app)
    try:
        page.open()
        p = page.page
        before = page.positions()
        p.get_by_role("radio", name="Add articles").click()
        p.locator(".st-key-paste_text textarea").fill(
            "أنقرة 3 يوليو 2024 (شينخوا) زار الرئيس الصيني شي جين بينغ تركيا والتقى الرئيس التركي "
            "رجب طيب أردوغان، ووقع الجانبان اتفاقية للتعاون في النقل.")
        p.locator(".st-key-paste_title input").fill("زيارة للاختبار")
        p.get_by_role("button", name="Add to the graph").click()
        expect(p.get_by_text("1 article", exact=False).first).to_be_visible(timeout=120_000)
        p.wait_for_function(f"window.silkgraph.drawnNodes > {len(before)} && window.silkgraph.settled",
                            timeout=60_000)
        after = page.positions()
        assert p.evaluate("window.silkgraph.builds") == 1 and p.evaluate("window.silkgraph.morphs") >= 1
        moved = [n for n, q in before.items() if n in after and (abs(after[n]["x"] - q["x"]) > 1
                                                                  or abs(after[n]["y"] - q["y"]) > 1)]
        assert moved == [], moved
        p.screenshot(path=str(tmp_path / "added.png"), full_page=True)
        p.locator("[data-testid='stHorizontalBlock']", has_text="زيارة للاختبار").get_by_role(
            "button", name="Remove").click()
        expect(p.get_by_text("removed (1 article)")).to_be_visible(timeout=60_000)
        p.wait_for_function(f"window.silkgraph.drawnNodes === {len(before)} && window.silkgraph.settled",
                            timeout=60_000)
        back = page.positions()
        assert set(back) == set(before)
        assert all(abs(back[n]["x"] - q["x"]) < 1 and abs(back[n]["y"] - q["y"]) < 1 for n, q in before.items())
        assert not page.errors and page.outside_requests() == []
    finally:
        page.close()


def test_timeline_play_moves_the_graph_through_the_years(browser, evil_app: Server, tmp_path: Path) -> None:
    expect = sync_api.expect
    page = Page(browser, evil_app)
    try:
        page.open()
        p = page.page
        everything = set(p.evaluate("window.silkgraph.edges.getIds()"))
        p.get_by_text("Years", exact=True).click()
        p.wait_for_timeout(1000)
        p.locator(".st-key-tl_play").get_by_text("Play").click()
        changed = "(ids) => window.silkgraph.settled && window.silkgraph.edges.getIds().sort().join('|') !== ids"
        expect(p.get_by_text("2024 – 2024:")).to_be_visible(timeout=30_000)
        p.wait_for_function(changed, arg="|".join(sorted(everything)), timeout=30_000)
        first = set(p.evaluate("window.silkgraph.edges.getIds()"))
        p.screenshot(path=str(tmp_path / "timeline-2024.png"), full_page=True)
        expect(p.get_by_text("2025 – 2025:")).to_be_visible(timeout=30_000)
        p.wait_for_function(changed, arg="|".join(sorted(first)), timeout=30_000)
        second = set(p.evaluate("window.silkgraph.edges.getIds()"))
        assert first != everything and second != everything and first != second
        assert p.evaluate("window.silkgraph.builds") == 1  # the layout followed, it was not redrawn
        assert not page.errors
    finally:
        page.close()


def test_labels_appear_as_one_zooms_in(browser, big_app: Server) -> None:
    page = Page(browser, big_app)
    try:
        page.open()
        p = page.page
        drawn = p.evaluate("window.silkgraph.drawnNodes")
        shown = p.evaluate("window.silkgraph.labelsShown")
        assert 0 < shown < drawn
        box = p.locator(".sg-canvas canvas").bounding_box()
        p.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(8):
            p.mouse.wheel(0, -400)
            p.wait_for_timeout(100)
        p.wait_for_function(f"window.silkgraph.labelsShown > {shown}", timeout=10_000)
    finally:
        page.close()


def test_png_download_of_the_canvas_is_a_png(seeds_page: Page, tmp_path: Path) -> None:
    seeds_page.open()
    page = seeds_page.page
    with page.expect_download(timeout=30_000) as info:
        page.locator(".sg-png").click()
    target = tmp_path / "view.png"
    info.value.save_as(target)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and info.value.suggested_filename == "silkgraph-view.png"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    box = page.locator(".sg-canvas canvas").bounding_box()
    assert width >= box["width"] - 1 and height >= box["height"] - 1  # the whole canvas
    assert len(data) > 10_000  # a drawing, not a blank image


def test_a_view_url_reopens_the_same_view_in_a_new_page(browser, seeds_app: Server) -> None:
    first = Page(browser, seeds_app)
    second = None
    try:
        first.open()
        p = first.page
        p.get_by_label("Search an entity").fill("Kazakhstan")
        p.get_by_label("Search an entity").press("Enter")
        p.wait_for_function("window.silkgraph.network.getSelectedNodes().length === 1", timeout=30_000)
        p.locator("section[data-testid='stSidebar']").get_by_text("Only around the selection").click()
        p.wait_for_function("window.silkgraph.drawnNodes < 20 && window.silkgraph.settled", timeout=30_000)
        p.wait_for_function("location.search.includes('f_ego=1') && location.search.includes('sel=')", timeout=30_000)
        url = p.url
        drawn = sorted(p.evaluate("window.silkgraph.nodes.getIds()"))
        second = Page(browser, Server(url, seeds_app.proc, seeds_app.log))
        second.open()
        assert sorted(second.page.evaluate("window.silkgraph.nodes.getIds()")) == drawn
        assert second.page.evaluate("window.silkgraph.network.getSelectedNodes()") == \
            p.evaluate("window.silkgraph.network.getSelectedNodes()")
        assert not second.errors
    finally:
        first.close()
        if second is not None:
            second.close()


# --- issue 11: the Questions panel and the timeline brush (views.questions, views.timeline) --------
# Screenshots go to each test's tmp_path, and also to $SILKGRAPH_SHOTS when it names a folder.


SHOTS_ENV = "SILKGRAPH_SHOTS"  # a folder to keep these tests' screenshots in, besides tmp_path


def shot(page: "sync_api.Page", tmp_path: Path, name: str, full_page: bool = True, element: str = "") -> Path:
    target = tmp_path / name
    if element:
        page.locator(element).screenshot(path=str(target))
    else:
        page.screenshot(path=str(target), full_page=full_page)
    if os.environ.get(SHOTS_ENV):
        folder = Path(os.environ[SHOTS_ENV])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(target.read_bytes())
    return target


def pick_option(page, key: str, option: str) -> None:
    page.locator(f".st-key-{key}").click()
    page.get_by_role("option", name=option).click()


def test_questions_form_answers_which_leaders_visited_kazakhstan(seeds_page: Page, tmp_path: Path) -> None:
    import csv

    from silkgraph.graph.questions import COLUMNS

    expect = sync_api.expect
    seeds_page.open()
    p = seeds_page.page
    p.get_by_role("radio", name="Questions").click()
    box = p.locator(".st-key-questions_panel")
    expect(box.get_by_text("Subject type")).to_be_visible(timeout=30_000)
    pick_option(p, "q_subject_type", "Leader · قائد")
    pick_option(p, "q_relation", "visited · زار")
    box.locator(".st-key-q_object input").fill("Kazakstan")  # a typo: the form offers what it meant
    box.get_by_role("button", name="Answer").click()
    expect(box.get_by_text("did you mean", exact=False)).to_be_visible(timeout=30_000)
    box.locator(".st-key-q_pick_buttons button", has_text="Kazakhstan").first.click()
    expect(box.locator("[data-testid='stAlertContentSuccess']")).to_contain_text("this question", timeout=60_000)
    rows = box.locator(".sg-hop")
    evidence = box.locator(".sg-ev")
    expect(rows.first).to_be_visible(timeout=30_000)
    assert rows.count() >= 1 and evidence.count() >= rows.count()  # every row its sentence(s)
    assert "Xi Jinping" in rows.first.inner_text() and "Kazakhstan" in rows.first.inner_text()
    sentence = evidence.first.locator(".sg-ev-text")
    assert sentence.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert any("\u0600" <= ch <= "\u06ff" for ch in sentence.inner_text())
    assert evidence.first.locator(".sg-ev-meta").inner_text().strip()  # the article (and date when known)
    # the answer is highlighted on the canvas
    p.wait_for_function("window.silkgraph.settled && window.silkgraph.edges.get().some("
                        "e => e.width === 4 && e.from === 'leader:xi-jinping' && e.to === 'country:KZ')",
                        timeout=30_000)
    # what lies within Kazakhstan counts too when asked: Astana and the summit held there
    box.locator(".st-key-q_within").get_by_text("Count what lies within it").click()
    box.get_by_role("button", name="Answer").click()
    expect(box.get_by_text("3 relations answer", exact=False)).to_be_visible(timeout=60_000)
    expect(rows).to_have_count(3, timeout=30_000)  # the page sends the rows after the message
    expect(box.get_by_text("tied to", exact=False)).to_have_count(2, timeout=30_000)  # each row within it
    with p.expect_download(timeout=30_000) as info:
        box.get_by_role("button", name="Download CSV").click()
    target = tmp_path / "answer.csv"
    info.value.save_as(target)
    table = list(csv.DictReader(target.open(encoding="utf-8")))
    assert list(table[0]) == COLUMNS and len(table) == rows.count()
    assert "country:KZ" in {r["object"] for r in table} and all(r["sentence"] for r in table)
    assert [r["via"] for r in table if r["object"] != "country:KZ"] == ["country:KZ", "country:KZ"]
    evidence.first.scroll_into_view_if_needed()  # the panel scrolls: show the row and its sentence
    shot(p, tmp_path, "questions-answer.png")
    assert not seeds_page.errors and seeds_page.outside_requests() == []


def brush(page, start: float, end: float) -> None:
    """Drag across the timeline chart from ``start`` to ``end`` (fractions of its plot width)."""
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    plot = chart.locator("svg g.role-mark.marks").first.bounding_box()  # the bars
    y = plot["y"] + plot["height"] / 2
    page.mouse.move(plot["x"] + plot["width"] * start, y)
    page.mouse.down()
    page.mouse.move(plot["x"] + plot["width"] * end, y, steps=10)
    page.mouse.up()


def brush_box(page) -> dict[str, float]:
    return page.locator("[data-testid='stVegaLiteChart'] svg g.brush_brush_bg").first.bounding_box()


def test_timeline_brush_changes_the_drawn_edges(browser, evil_app: Server, tmp_path: Path) -> None:
    expect = sync_api.expect
    page = Page(browser, evil_app)
    try:
        page.open()
        p = page.page
        # the pairs of nodes drawn, either way (a pair's one line is named by, and points as, the relations in view)
        pairs = "[...new Set(window.silkgraph.edges.get().map(e => [e.from, e.to].sort().join('|')))]"
        everything, all_pairs = set(p.evaluate("window.silkgraph.edges.getIds()")), set(p.evaluate(pairs))
        changed = "(ids) => window.silkgraph.settled && window.silkgraph.edges.getIds().sort().join('|') !== ids"
        brush(p, 0.0, 0.15)  # over the first months: July 2024 and after
        expect(p.get_by_text("2024-07 – 2024-", exact=False)).to_be_visible(timeout=30_000)
        p.wait_for_function(changed, arg="|".join(sorted(everything)), timeout=30_000)
        early, early_pairs = set(p.evaluate("window.silkgraph.edges.getIds()")), set(p.evaluate(pairs))
        assert early_pairs and early_pairs < all_pairs
        shot(p, tmp_path, "timeline-brushed.png")
        # the step buttons start from the brushed window, and a new brush replaces it
        caption = p.get_by_text("2024-07 – 2024-", exact=False).inner_text()
        p.get_by_role("button", name="Later ▶").click()
        expect(p.get_by_text("2024-08 – ", exact=False)).to_be_visible(timeout=30_000)
        assert caption != p.get_by_text("2024-08 – ", exact=False).inner_text()
        # the chart is drawn anew with its brush on the moved window
        expect(p.locator("[data-testid='stVegaLiteChart'] svg g.brush_brush_bg path").first).to_be_visible(timeout=30_000)
        assert brush_box(p)["width"] > 0
        brush(p, 0.85, 1.0)  # over the last months: June 2025
        expect(p.get_by_text("– 2025-06:", exact=False)).to_be_visible(timeout=30_000)
        p.wait_for_function(changed, arg="|".join(sorted(early)), timeout=30_000)
        late = set(p.evaluate("window.silkgraph.edges.getIds()"))
        late_pairs = set(p.evaluate(pairs))
        assert late and late != early and late_pairs and late_pairs < all_pairs and late_pairs != early_pairs
        assert p.evaluate("window.silkgraph.builds") == 1  # the layout followed, it was not redrawn
        assert not page.errors
    finally:
        page.close()


# --- issue 11, features 4 and 7: exports of the drawn view, the map layout, folded hubs -----------

def drawing_tests():
    """tests/test_drawing_app.py, which holds the cities the map and fold tests draw."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("silkgraph_test_drawing_app",
                                                  Path(__file__).with_name("test_drawing_app.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def geo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app on the sample graph plus Kazakh and Chinese cities (gazetteer ids: the map places them)."""
    from silkgraph.graph.build import add_extraction, build_graph
    from silkgraph.graph.export import write_graph
    from silkgraph.graph.sample import sample_extractions

    tmp = tmp_path_factory.mktemp("geo-app")
    G = build_graph(sample_extractions())
    add_extraction(G, drawing_tests().cities_extraction())
    yield from start_app(tmp, SILKGRAPH_GRAPH=str(write_graph(G, tmp / "geo.graphml")))


def download(page: "sync_api.Page", fmt: str, target: Path) -> Path:
    with page.expect_download(timeout=60_000) as info:
        page.locator(f".sg-export[data-format='{fmt}']").click()
    info.value.save_as(target)
    assert info.value.suggested_filename == f"silkgraph-view.{fmt}"
    return target


def sidebar(page: Page):
    return page.page.locator("section[data-testid='stSidebar']")


def test_svg_download_is_an_svg_of_the_drawn_nodes(seeds_page: Page, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    seeds_page.open()
    p = seeds_page.page
    drawn = sorted(p.evaluate("window.silkgraph.nodes.getIds()"))
    canvas = seeds_page.positions()
    target = download(p, "svg", tmp_path / "view.svg")
    root = ET.parse(target).getroot()
    svg = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{svg}svg"
    groups = {g.get("data-id"): g for g in root.iter(f"{svg}g") if g.get("class") == "node"}
    assert sorted(groups) == drawn
    for node, g in groups.items():
        circle = g.find(f"{svg}circle")
        if circle is not None:  # dots are drawn at the canvas position
            assert abs(float(circle.get("cx")) - canvas[node]["x"]) < 0.1
            assert abs(float(circle.get("cy")) - canvas[node]["y"]) < 0.1
    # the browser opens it as an image, with the Arabic labels laid out right to left
    p.goto(target.as_uri())
    assert p.evaluate("document.documentElement.namespaceURI") == "http://www.w3.org/2000/svg"
    assert p.locator("parsererror").count() == 0
    labels = p.evaluate("""() => [...document.querySelectorAll('g.node > text')].map(t => {
        const n = t.getNumberOfChars();
        return {dir: getComputedStyle(t).direction, text: t.textContent,
                first: t.getStartPositionOfChar(0).x, last: t.getStartPositionOfChar(n - 1).x}; })""")
    arabic = [lab for lab in labels if any("\u0600" <= c <= "\u06ff" for c in lab["text"])]
    assert len(arabic) > 10 and all(lab["dir"] == "rtl" and lab["first"] > lab["last"] for lab in arabic)
    shot(p, tmp_path, "view-svg.png", full_page=False)  # an SVG document: the viewport


def test_gexf_and_graphml_downloads_carry_the_canvas_positions(seeds_page: Page, tmp_path: Path) -> None:
    import networkx as nx

    seeds_page.open()
    p = seeds_page.page
    # move Kazakhstan by hand first: the files must follow the canvas, not a layout of their own
    start = seeds_page.node_point("country:KZ")
    before = seeds_page.positions()["country:KZ"]
    p.mouse.move(start["x"], start["y"])
    p.mouse.down()
    p.mouse.move(start["x"] + 60, start["y"] + 40, steps=8)
    p.mouse.up()
    canvas = seeds_page.positions()
    assert abs(canvas["country:KZ"]["x"] - before["x"]) > 10
    gexf = nx.read_gexf(download(p, "gexf", tmp_path / "view.gexf"))
    assert sorted(gexf.nodes) == sorted(canvas)
    for node, q in canvas.items():
        position = gexf.nodes[node]["viz"]["position"]
        assert abs(position["x"] - q["x"]) < 0.06 and abs(position["y"] + q["y"]) < 0.06, node  # y up
    kz = gexf.nodes["country:KZ"]["viz"]["color"]
    assert (kz["r"], kz["g"], kz["b"]) == (0xd6, 0x27, 0x28)  # the schema's Country colour
    graphml = nx.read_graphml(download(p, "graphml", tmp_path / "view.graphml"), force_multigraph=True)
    for node, q in canvas.items():
        assert abs(graphml.nodes[node]["x"] - q["x"]) < 0.06 and abs(graphml.nodes[node]["y"] + q["y"]) < 0.06
    assert not seeds_page.errors


def test_map_layout_puts_places_where_they_are(browser, geo_app: Server, tmp_path: Path) -> None:
    page = Page(browser, geo_app)
    try:
        page.open()
        p = page.page
        sidebar(page).get_by_text("Map", exact=True).click()
        p.wait_for_function("window.silkgraph.layout === 'geo' && window.silkgraph.settled", timeout=60_000)
        pos = page.positions()
        assert pos["country:KZ"]["x"] < pos["country:CN"]["x"]  # Kazakhstan west of China
        assert pos["country:TR"]["x"] < pos["country:UZ"]["x"] < pos["country:CN"]["x"]
        assert pos["city:aktau-kz"]["x"] < pos["city:almaty-kz"]["x"] < pos["city:urumqi-cn"]["x"]
        assert pos["city:karaganda-kz"]["y"] < pos["city:shymkent-kz"]["y"]  # north up
        assert pos["country:KZ"]["y"] < pos["country:TJ"]["y"]
        sync_api.expect(p.get_by_text("nodes at their coordinates (GeoNames)")).to_be_visible(timeout=30_000)
        sidebar(page).get_by_text("Full-width canvas").click()  # a map reads best wide
        p.wait_for_timeout(1500)
        p.wait_for_function("window.silkgraph.layout === 'geo' && window.silkgraph.settled", timeout=60_000)
        assert page.positions() == pos  # the same map, only wider
        p.locator(".sg-fit").click()
        shot(p, tmp_path, "geo-layout.png", element=".sg-graph")
        sidebar(page).get_by_text("Force", exact=True).click()
        p.wait_for_function("window.silkgraph.layout !== 'geo' && window.silkgraph.settled", timeout=60_000)
        assert not page.errors
    finally:
        page.close()


def test_a_hubs_leaves_fold_into_one_node_and_unfold(browser, geo_app: Server, tmp_path: Path) -> None:
    expect = sync_api.expect
    cities = sorted(drawing_tests().KZ_CITIES)
    page = Page(browser, geo_app)
    try:
        page.open()
        p = page.page
        sidebar(page).get_by_text("Fold hubs' leaves").click()
        p.wait_for_function("window.silkgraph.clusters.includes('cluster:country:KZ')", timeout=60_000)
        net = "window.silkgraph.network"
        assert p.evaluate(f"{net}.body.nodes['cluster:country:KZ'].options.label") == f"+{len(cities)}"
        members = p.evaluate(f"{net}.getNodesInCluster('cluster:country:KZ')")
        assert sorted(members) == cities
        visible = p.evaluate(f"{net}.body.nodeIndices")
        assert "cluster:country:KZ" in visible and not set(cities) & set(visible)
        shot(p, tmp_path, "clustered-view.png", element=".sg-graph")
        # a click on the fold selects its hub; a double-click unfolds it
        point = p.evaluate(f"""() => {{ const pos = {net}.getPositions(['cluster:country:KZ'])['cluster:country:KZ'];
            const dom = {net}.canvasToDOM(pos); const box = document.querySelector('.sg-canvas canvas').getBoundingClientRect();
            return {{x: box.left + dom.x, y: box.top + dom.y}}; }}""")
        p.mouse.click(point["x"], point["y"])
        expect(panel(page).get_by_text("Kazakhstan").first).to_be_visible(timeout=30_000)
        p.wait_for_function(f"{net}.getSelectedNodes().includes('country:KZ')", timeout=30_000)
        p.mouse.dblclick(point["x"], point["y"])
        p.wait_for_function("!window.silkgraph.clusters.includes('cluster:country:KZ')", timeout=30_000)
        visible = p.evaluate(f"{net}.body.nodeIndices")
        assert set(cities) <= set(visible)
        assert not page.errors
    finally:
        page.close()
