"""The clickable graph: a Streamlit components-v2 element drawing vis-network.

The vis-network bundle is the one shipped inside the installed pyvis package. It is
published once into the app's ``static/vendor/`` folder (served by Streamlit's static
file serving, see ``.streamlit/config.toml``) so a rerun sends only the graph data, not
480 KB of JavaScript. When static serving is off, the bundle is inlined instead.
Either way the page makes no request outside the Streamlit server.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from silkgraph.atomic import write_bytes_atomic

HERE = Path(__file__).parent
COMPONENT_NAME = "silkgraph_graph"
VENDOR_SUBDIR = "vendor"


def vis_bundle_path() -> Path:
    """Where the installed pyvis package keeps the vis-network bundle.

    >>> vis_bundle_path().name
    'vis-network.min.js'
    """
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    candidates = sorted(lib.glob("vis-*/vis-network.min.js"))
    if not candidates:
        raise FileNotFoundError(
            f"vis-network.min.js not found under {lib}; reinstall pyvis (pip install 'pyvis>=0.3.2')"
        )
    return candidates[-1]


@lru_cache(maxsize=1)
def vis_bundle_source() -> str:
    """The vis-network JavaScript, read from the pyvis package."""
    return vis_bundle_path().read_text(encoding="utf-8")


def publish_vis_bundle(static_dir: Path) -> str:
    """Copy the bundle into ``static_dir/vendor/`` unless an identical copy is there.

    Returns the file name under ``vendor/``; the name carries a content hash, so a
    browser never keeps a stale copy. The copy is atomic (temp file + os.replace).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     name = publish_vis_bundle(Path(d))
    ...     (Path(d) / "vendor" / name).stat().st_size > 100_000
    True
    """
    source = vis_bundle_source().encode("utf-8")
    digest = hashlib.sha256(source).hexdigest()[:12]
    name = f"vis-network-{digest}.min.js"
    target_dir = Path(static_dir) / VENDOR_SUBDIR
    target = target_dir / name
    if target.is_file() and target.stat().st_size == len(source):
        return name
    write_bytes_atomic(target, source)
    return name


@dataclass(frozen=True)
class VisSource:
    """How the component gets vis-network: a same-origin URL, or the inline source."""

    url: str = ""
    inline: str = ""

    def as_data(self) -> dict[str, str]:
        return {"vis_url": self.url, "vis_inline": self.inline}


def vis_source(static_serving: bool, static_dir: Path) -> VisSource:
    """Serve the bundle from ``static_dir`` when static serving is on, else inline it."""
    if static_serving:
        try:
            name = publish_vis_bundle(static_dir)
            return VisSource(url=f"app/static/{VENDOR_SUBDIR}/{name}")
        except OSError:
            pass  # read-only checkout: fall back to inlining, which always works
    return VisSource(inline=vis_bundle_source())


def _asset(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def graph_component() -> Callable[..., Any]:
    """The registered component's mount function (registered once per process)."""
    import streamlit as st

    return st.components.v2.component(
        COMPONENT_NAME,
        html=_asset("graph_view.html"),
        css=_asset("graph_view.css"),
        js=_asset("graph_view.js"),
        isolate_styles=False,
    )


def encode_payload(data: dict[str, Any]) -> bytes:
    """The component's data as UTF-8 JSON bytes, with a ``style`` hash of what is drawn.

    Sent as bytes, Arabic travels as UTF-8 (Streamlit's own JSON escapes every letter to
    six bytes); ``style`` lets the page skip redrawing when only the selection changed.

    >>> import json
    >>> d = json.loads(encode_payload({"nodes": [{"label": "الصين"}], "edges": [], "selected": None}))
    >>> d["nodes"][0]["label"], len(d["style"])
    ('الصين', 16)
    """

    drawn = json.dumps([data.get("nodes"), data.get("edges")], ensure_ascii=False, separators=(",", ":"))
    style = hashlib.sha1(drawn.encode("utf-8")).hexdigest()[:16]
    return json.dumps({**data, "style": style}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
