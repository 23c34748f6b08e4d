"""Render benchmark: page load to a settled graph in headless chromium, a click on the biggest hub to its complete panel, and script time per click.

    .venv/bin/python bench/bench_render.py [--nodes 2000] [--articles 1000] [--runs 2]

Builds a synthetic corpus graph with ``silkgraph.graph.build`` (``--nodes`` entities of the schema's
types, ``--articles`` articles with schema-valid relations), writes it as GraphML and starts
``streamlit run app.py`` on it three ways:

- ``capped``: the app as shipped (at most 300 nodes drawn, positions computed in Python);
- ``python``: every node drawn (``--max-nodes`` raised), positions computed in Python;
- ``physics``: every node drawn, tuned vis-network physics (Barnes-Hut, 200 iterations), frozen.

For each it prints the seconds from navigation start to the graph being settled (physics off,
drawn), as the page itself records it (``window.silkgraph.settledAt``), and when drawing
started. Then it times the Python side with AppTest: the first run and a click on the most
connected node. Figures depend on the machine's load; run it on a quiet machine.
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import networkx as nx  # noqa: E402

from silkgraph.graph.build import build_graph  # noqa: E402
from silkgraph.graph.export import write_graph  # noqa: E402
from silkgraph.records import Article, ArticleExtraction, Entity, Relation  # noqa: E402
from silkgraph.schema import schema  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARABIC_LETTERS = [chr(c) for c in range(0x0628, 0x063B)] + [chr(c) for c in range(0x0641, 0x064A)]


def fake_word(rng: random.Random) -> str:
    return "".join(rng.choice(ARABIC_LETTERS) for _ in range(rng.randint(3, 8)))


def synthetic_graph(n_nodes: int, n_articles: int, seed: int = 7):
    """A graph of ``n_nodes`` entities and ``n_articles`` articles with schema-valid relations."""
    rng = random.Random(seed)
    sch = schema()
    types = list(sch.node_types)
    entities = []
    for i in range(n_nodes):
        kind = types[i % len(types)]
        entities.append(Entity(id=f"{kind.lower()}:syn-{i}", type=kind,
                               label_ar=" ".join(fake_word(rng) for _ in range(rng.randint(1, 2))),
                               label_en=f"{kind} {i}"))
    by_type: dict[str, list[Entity]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    # a few hubs, as in news: most relations touch a small set of countries and leaders
    weights = [1.0 / (1 + (i % 97)) ** 0.8 for i in range(n_nodes)]
    extractions = []
    for a in range(n_articles):
        date = f"20{20 + a % 6}-{1 + a % 12:02d}-{1 + a % 28:02d}"
        text = " ".join(fake_word(rng) for _ in range(80)) + "."
        article = Article(doc_id=f"syn-{a:05d}", text=text, title=f"مقال {a}", date=date, source="bench")
        relations = []
        for _ in range(rng.randint(4, 10)):
            etype = rng.choice(list(sch.edge_types.values()))
            src_pool = [e for t in etype.subjects for e in by_type.get(t, [])]
            dst_pool = [e for t in etype.objects for e in by_type.get(t, [])]
            src = rng.choices(src_pool, weights=[weights[int(e.id.rsplit("-", 1)[1])] for e in src_pool])[0]
            dst = rng.choice(dst_pool)
            if src.id == dst.id:
                continue
            relations.append(Relation(source=src, target=dst, type=etype.name, doc_id=article.doc_id,
                                      sentence=text, sentence_start=0, sentence_end=len(text),
                                      trigger=text.split()[1], confidence=round(rng.uniform(0.4, 1.0), 2),
                                      date=date))
        extractions.append(ArticleExtraction(article=article, relations=relations))
    G = build_graph(extractions)
    # nodes nothing links to still belong to the corpus: attach each to a random article
    missing = [e for e in entities if e.id not in G]
    for i, e in enumerate(missing):
        G.add_node(e.id, type=e.type, label_ar=e.label_ar, label_en=e.label_en, label=e.label_en,
                   aliases=[e.label_ar], mentions=1, docs=[f"syn-{i % n_articles:05d}"], wikidata="")
    return G


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(graph_file: Path, uploads: Path, max_nodes: int, layout: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--server.enableStaticServing", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", "--",
           "--graph", str(graph_file), "--uploads", str(uploads), "--max-nodes", str(max_nodes), "--layout", layout]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not start")


CLICK_JS = """(id) => {
    const net = window.silkgraph.network;
    net.focus(id, {scale: 1.5, animation: false});
    const dom = net.canvasToDOM(net.getPositions([id])[id]);
    const box = document.querySelector('.sg-canvas canvas').getBoundingClientRect();
    return {x: box.left + dom.x, y: box.top + dom.y};
}"""
PANEL_DONE_JS = """(label) => {
    const panel = document.querySelector('.st-key-panel');
    if (!panel || document.querySelector('[data-testid="stStatusWidget"]')) return false;
    const head = panel.querySelector('h3');
    return !!head && head.innerText.includes(label) && panel.innerText.includes('Rows 1–');
}"""


def measure(browser, url: str, runs: int, shot: Path | None = None,
            hub: tuple[str, str] | None = None) -> list[dict[str, float]]:
    """Load to settled, and (``hub``: id, English label) a click on it to its complete panel."""
    out = []
    for run in range(runs):
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.goto(url)
        page.wait_for_function("window.silkgraph && window.silkgraph.settled", timeout=600_000)
        out.append(page.evaluate("({settled: window.silkgraph.settledAt / 1000,"
                                 " start: window.silkgraph.buildStartedAt / 1000,"
                                 " nodes: window.silkgraph.drawnNodes,"
                                 " edges: window.silkgraph.edges.length})"))
        if shot is not None and run == 0:
            page.screenshot(path=str(shot))
        if hub is not None:
            page.locator(".sg-canvas").scroll_into_view_if_needed()
            point = page.evaluate(CLICK_JS, hub[0])
            page.wait_for_timeout(300)
            t0 = time.perf_counter()
            page.mouse.click(point["x"], point["y"])
            page.wait_for_function(PANEL_DONE_JS, arg=hub[1], timeout=120_000, polling=20)
            out[-1]["click"] = time.perf_counter() - t0
            out[-1]["dom"] = page.evaluate("document.getElementsByTagName('*').length")
            if shot is not None and run == 0:
                page.screenshot(path=str(shot.with_name(shot.stem + "-hub.png")))
        page.close()
    return out


def app_timings(graph_file: Path, uploads: Path) -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    from silkgraph.graph.export import read_graph

    os.environ["SILKGRAPH_GRAPH"] = str(graph_file)
    os.environ["SILKGRAPH_UPLOADS"] = str(uploads)
    G = read_graph(graph_file)
    hub = max(G.nodes, key=G.degree)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
    t0 = time.perf_counter()
    at.run()
    first = time.perf_counter() - t0
    at.session_state["graph"] = {"selection": {"kind": "node", "id": hub, "stamp": 1}}
    t0 = time.perf_counter()
    at.run()
    click = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(at.exception)
    return first, click


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--only", choices=["capped", "python", "physics"], action="append")
    ap.add_argument("--screenshots", type=Path, help="save a screenshot of each scenario in this folder")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        G = synthetic_graph(args.nodes, args.articles)
        graph_file = write_graph(G, tmp / "synthetic.graphml")
        print(f"synthetic graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges, "
              f"{args.articles:,} articles (built and written in {time.perf_counter() - t0:.1f} s)")
        hub = max(G.nodes, key=G.degree)
        print(f"biggest hub: {hub} ({G.degree(hub):,} relations, "
              f"{len(set(nx.all_neighbors(G, hub))):,} neighbours)")
        scenarios = [("capped", 300, "auto"), ("python", args.nodes + 100, "python"),
                     ("physics", args.nodes + 100, "physics")]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, cap, layout in scenarios:
                if args.only and name not in args.only:
                    continue
                proc, url = serve(graph_file, tmp / "uploads", cap, layout)
                try:
                    shot = args.screenshots / f"{name}.png" if args.screenshots else None
                    if shot:
                        shot.parent.mkdir(parents=True, exist_ok=True)
                    results = measure(browser, url, args.runs, shot, hub=(hub, G.nodes[hub]["label_en"]))
                finally:
                    proc.terminate()
                    proc.wait(timeout=10)
                settled = [r["settled"] for r in results]
                drawing = [r["settled"] - r["start"] for r in results]
                clicks = [r["click"] for r in results]
                print(f"{name:8s} {results[0]['nodes']:5d} nodes {results[0]['edges']:5d} edges drawn: "
                      f"load to settled {statistics.median(settled):6.2f} s "
                      f"(runs: {', '.join(f'{s:.2f}' for s in settled)}); "
                      f"drawing/layout in the browser {statistics.median(drawing):.2f} s; "
                      f"click on the hub to a complete panel {statistics.median(clicks):.2f} s "
                      f"(runs: {', '.join(f'{c:.2f}' for c in clicks)}; "
                      f"{results[0]['dom']:,} DOM elements after)")
            browser.close()
        first, click = app_timings(graph_file, tmp / "uploads")
        print(f"python side (AppTest, capped view): first run {first:.2f} s, click on the top hub {click:.2f} s")
        print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
              + f" on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
