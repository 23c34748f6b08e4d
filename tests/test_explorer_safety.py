"""The explorer's exposure and its uploads (issue 9): loopback only by default, no server detail
in the browser, nothing uploaded lost or half-kept, no file in uploads/ that breaks a start."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from silkgraph.graph.build import build_graph, graph_articles
from silkgraph.graph.export import write_graph
from silkgraph.records import Article, ArticleExtraction
from silkgraph.views.live import REJECTED_DIR, LiveGraph, UploadError

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
BODY = "زار الرئيس الصيني شي جين بينغ كازاخستان ووقع بيانا مشتركا مع الرئيس توكاييف في أستانا."


def slow_extractor(delay: float = 0.05):
    """Stands in for the extractor: an extraction with no records, slow enough for uploads to overlap."""
    def extract(articles):
        for a in articles:
            time.sleep(delay)
            yield ArticleExtraction(article=a)

    return lambda: extract


def live_graph(tmp_path: Path, extractor=None) -> LiveGraph:
    graph = write_graph(build_graph([]), tmp_path / "base.graphml")
    return LiveGraph(graph, tmp_path / "seeds", tmp_path / "uploads", extractor=extractor or slow_extractor())


def saved(tmp_path: Path) -> list[str]:
    folder = tmp_path / "uploads"
    return sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.exists() else []


# --- uploads: checked before anything is written (items 2 and 8) -------------------------------


def test_an_oversized_upload_writes_nothing(tmp_path: Path) -> None:
    live = live_graph(tmp_path)
    big = (BODY + "\n").encode() * (25 * 10**6 // len(BODY.encode()))
    with pytest.raises(UploadError, match="too large"):
        live.add_upload("big.txt", big)
    assert saved(tmp_path) == [] and live.version == 0


@pytest.mark.parametrize("name,data", [
    ("english.jsonl", b'{"text": "An English article only."}\n'),
    ("bad.jsonl", b'\x00\x00\n{"title": "no text"}\n'),
    ("english.md", b"# Title\n\nXi Jinping visited Astana and met Tokayev; they signed agreements there."),
])
def test_an_upload_with_no_readable_arabic_article_writes_nothing(tmp_path: Path, name: str, data: bytes) -> None:
    live = live_graph(tmp_path)
    with pytest.raises(UploadError, match="Arabic"):
        live.add_upload(name, data)
    assert saved(tmp_path) == []


# --- uploads: names and concurrency (item 7) ---------------------------------------------------


def test_two_concurrent_uploads_of_the_same_name_lose_nothing(tmp_path: Path) -> None:
    live = live_graph(tmp_path)
    contents = [f"{BODY} {'مرة'} {i}".encode() for i in range(2)]
    results, errors = [], []

    def upload(data: bytes) -> None:
        try:
            results.append(live.add_upload("report.txt", data))
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)

    threads = [threading.Thread(target=upload, args=(data,)) for data in contents]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    names = saved(tmp_path)
    assert len(names) == 2 and "report.txt" in names
    assert sorted((tmp_path / "uploads" / n).read_bytes() for n in names) == sorted(contents)
    assert sorted(r.renamed for r in results) == ["", next(n for n in names if n != "report.txt")]
    assert set(graph_articles(live.G)) == {Path(n).stem for n in names}


def test_names_that_clean_to_one_file_name_are_all_kept(tmp_path: Path) -> None:
    live = live_graph(tmp_path, slow_extractor(0))
    for i, name in enumerate(["a b.txt", "a_b.txt", "a?b.txt"]):
        live.add_upload(name, f"{BODY} {i}".encode())
    again = live.add_upload("a b.txt", f"{BODY} 0".encode())
    assert again.duplicate
    names = saved(tmp_path)
    assert len(names) == 3 and all(n.startswith("a_b") for n in names)
    assert len(graph_articles(live.G)) == 3


def test_the_same_jsonl_id_in_two_uploads_keeps_both_articles(tmp_path: Path) -> None:
    live = live_graph(tmp_path, slow_extractor(0))
    first = live.add_upload("one.jsonl", json.dumps({"id": "1", "text": BODY}).encode())
    second = live.add_upload("two.jsonl", json.dumps({"id": "1", "text": BODY + " أيضا"}).encode())
    assert first.doc_ids == ["1"] and len(second.doc_ids) == 1 and second.doc_ids[0].startswith("1~")
    assert len(graph_articles(live.G)) == 2


# --- a file in uploads/ that fails is moved aside (item 2) --------------------------------------


def test_a_file_in_uploads_that_fails_is_moved_aside_and_start_up_goes_on(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "good.txt").write_text(BODY, encoding="utf-8")
    (uploads / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (uploads / "explodes.txt").write_text(BODY + " انفجار", encoding="utf-8")

    def extract(articles):
        for a in articles:
            if a.doc_id == "explodes":
                raise RuntimeError("E088 or anything else")
            yield ArticleExtraction(article=a)

    live = live_graph(tmp_path, lambda: extract)
    results = live.sync()
    assert sorted(r.name for r in results if r.rejected) == ["binary.txt", "explodes.txt"]
    assert saved(tmp_path) == ["good.txt"]
    assert sorted(p.name for p in (uploads / REJECTED_DIR).iterdir()) == ["binary.txt", "explodes.txt"]
    messages = [m for r in results for m in r.problems]
    assert any(f"moved to uploads/{REJECTED_DIR}/explodes.txt" in m for m in messages)
    assert not [m for m in messages if str(tmp_path) in m]  # no server path for the page
    assert list(graph_articles(live.G)) == ["good"]
    restarted = live_graph(tmp_path, lambda: extract)
    assert [p.name for p in restarted.pending_uploads()] == ["good.txt"]


def test_a_seed_article_that_fails_is_named_and_the_others_shown(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(BODY, encoding="utf-8")
    (seeds / "explodes.txt").write_text(BODY, encoding="utf-8")

    def extract(articles):
        for a in articles:
            if a.doc_id == "explodes":
                raise RuntimeError("anything")
            yield ArticleExtraction(article=a)

    live = LiveGraph(None, seeds, tmp_path / "uploads", extractor=lambda: extract)
    assert list(graph_articles(live.G)) == ["good"]
    assert any(n.startswith("seeds/explodes.txt: could not be extracted") for n in live.notices)
    assert not [n for n in live.notices if str(tmp_path) in n]


def test_the_page_starts_with_a_bad_file_in_uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from silkgraph.graph.sample import sample_extractions

    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    monkeypatch.setenv("SILKGRAPH_UPLOADS", str(uploads))
    monkeypatch.setenv("SILKGRAPH_GRAPH", str(write_graph(build_graph(sample_extractions()), tmp_path / "g.graphml")))
    for _ in range(2):  # the first start and a restart
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.run()
        assert not at.exception
    assert (uploads / REJECTED_DIR / "binary.txt").exists()


# --- exposure (item 6) ---------------------------------------------------------------------------


def test_the_streamlit_config_listens_on_loopback_and_hides_error_details() -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxUploadSize"] * 2**20 >= 20 * 10**6  # the app's own check comes first
    run_sh = (REPO / "scripts" / "run.sh").read_text(encoding="utf-8")
    assert '--server.address "${SILKGRAPH_ADDRESS:-127.0.0.1}"' in run_sh


def _listening(port: int) -> set[str]:
    """Local addresses of the sockets listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.add(address)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def assert_listens_on_loopback_only(cmd: list[str], port: int, cwd: Path, env: dict[str, str]) -> None:
    """Start the server ``cmd``, wait until it answers on ``port``, check where it listens, stop it."""
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            assert proc.poll() is None, f"the server stopped: {proc.stderr.read()[-2000:]}"
            assert time.monotonic() < deadline, "the server did not answer within 60 s"
            time.sleep(0.3)
        assert _listening(port) == {"0100007F"}  # 127.0.0.1, and no wildcard or other address
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc/net/tcp to see listening sockets")
def test_streamlit_run_as_the_readme_starts_it_listens_on_loopback_only(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "SILKGRAPH_UPLOADS": str(tmp_path / "uploads"),
           "SILKGRAPH_GRAPH": str(write_graph(build_graph([]), tmp_path / "g.graphml"))}
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.headless", "true", "--server.fileWatcherType", "none"]
    assert_listens_on_loopback_only(cmd, port, REPO, env)
