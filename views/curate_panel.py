"""Curation in the page: confirm or reject an edge from its evidence, correct an entity (rename,
retype, merge with a search picker, note, delete), undo, and the log of corrections.

The corrections go through ``silkgraph.views.curate_live.CuratedLiveGraph`` into the curation log
(``silkgraph.curation``), and the graph is remade from it at once; the drawing keeps its layout
(the component moves only what changed). Every action runs in a button callback, before the
page is drawn again, so the page a click leads to already shows the corrected graph. The
outcome of each is said once (a toast) and the last one stays in the sidebar's Corrections.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

import networkx as nx
import streamlit as st

from silkgraph import curation
from silkgraph.schema import schema
from silkgraph.views.curate_live import CuratedLiveGraph, CurationFailed
from silkgraph.views.curate_marks import drawn_edges, edge_mark, node_mark
from silkgraph.views.names import esc, label_name, names
from silkgraph.views.payload import type_label
from silkgraph.views.search import search_entities
from silkgraph.views.state import select_node

LIVE_KEY = "_curation_live"
MESSAGE_KEY = "_curation_message"
KEYS_KEY = "_curation_keys"
LOG_SHOWN = 12

CSS = """<style>
.sg-curated { border-left: 3px dashed #6a1b9a; padding: 2px 8px; margin: 4px 0; color: #4a148c; }
.sg-curated bdi { unicode-bidi: isolate; }
/* notes and labels typed in Arabic or English: each line runs in its own script's direction */
[class*="st-key-cur_"] textarea, [class*="st-key-cur_"] input { unicode-bidi: plaintext; text-align: start; }
</style>"""


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _live() -> CuratedLiveGraph | None:
    live = st.session_state.get(LIVE_KEY)
    return live if isinstance(live, CuratedLiveGraph) else None


def _key(base: str) -> str:
    """A widget key unique in this run: the same edge may be drawn in the panel and the table."""
    seen = st.session_state.setdefault(KEYS_KEY, {})
    n = seen.get(base, 0)
    seen[base] = n + 1
    return base if n == 0 else f"{base}_{n}"


def _say(kind: str, text: str) -> None:
    st.session_state[MESSAGE_KEY] = (kind, text)


def run(action: str, *args: Any, then: Any = None, **kwargs: Any) -> None:
    """Make one correction (a button callback); ``then(entry)`` runs after it is saved."""
    live = _live()
    if live is None:
        _say("error", "Corrections are not available here.")
        return
    try:
        entry = live.curate(action, *args, **kwargs)
    except curation.CurationError as exc:
        _say("error", f"Not saved: {exc}")
        return
    except CurationFailed as exc:
        _say("error", str(exc))
        return
    _say("success", f"Saved: {curation.describe(entry)}")
    if then is not None:
        then(entry)


def _undo() -> None:
    live = _live()
    if live is None:
        return
    try:
        entry = live.undo()
    except CurationFailed as exc:
        _say("error", str(exc).replace("Not saved", "Not undone", 1))
        return
    _say("success" if entry else "info",
         f"Undone: {curation.describe(replace(entry, undone=False))}" if entry else "Nothing to undo.")


# --- the sidebar: where corrections go, the log, undo ------------------------------------------


def curation_sidebar(live: Any) -> None:
    """The Corrections box of the sidebar; call once per run, before the panels."""
    st.session_state[KEYS_KEY] = {}
    if not isinstance(live, CuratedLiveGraph):
        return
    st.session_state[LIVE_KEY] = live
    st.markdown(CSS, unsafe_allow_html=True)
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        st.toast(message[1], icon=":material/error:" if message[0] == "error" else ":material/check_circle:")
        st.session_state._curation_last = message
    entries = live.log()
    active = [e for e in entries if not e.undone]
    box = st.sidebar.expander(f"Corrections ({len(active)})", expanded=bool(message))
    box.caption(live.corrections.where)
    last = st.session_state.get("_curation_last")
    if last:
        (box.error if last[0] == "error" else box.success)(last[1])
    box.button("Undo the last correction", key="curation_undo", on_click=_undo, disabled=not active,
               width="stretch")
    if not entries:
        box.caption("No corrections yet: confirm or reject an edge under its evidence, or correct an "
                    "entity in its panel.")
        return
    lines = [curation.describe(e) for e in reversed(entries)]
    box.markdown('<div class="sg-log">' + "<br>".join(f"<bdi>{esc(x)}</bdi>" for x in lines[:LOG_SHOWN])
                 + "</div>", unsafe_allow_html=True)
    if len(lines) > LOG_SHOWN:
        box.caption(f"+ {len(lines) - LOG_SHOWN} older (`silkgraph curate log` lists them all)")


# --- an edge, under its evidence ---------------------------------------------------------------


def _leave_rejected_edge(entry: Any) -> None:
    live = _live()
    drawn = st.session_state.get("sel_edge")
    if live is None or not drawn:
        return
    if not list(drawn_edges(live.G, drawn)):
        st.session_state.sel_edge = None  # nothing of the drawn edge is left: back to the node


def edge_curation(G: nx.MultiDiGraph, edge: dict[str, Any]) -> None:
    """Confirm, reject or annotate one edge (u, v, key, doc), with its mark if corrected."""
    if _live() is None or "u" not in edge or not G.has_edge(edge["u"], edge["v"], edge["key"]):
        return
    u, v, k = edge["u"], edge["v"], edge["key"]
    d = G.edges[u, v, k]
    mark = edge_mark(d)
    if mark:
        st.markdown(f'<div class="sg-curated"><bdi dir="auto">{esc(mark)}</bdi></div>', unsafe_allow_html=True)
    spec = (u, str(d.get("type") or ""), v)
    doc = str(d.get("doc") or "") or None
    base = _digest(str(k))
    c1, c2, c3 = st.columns(3, vertical_alignment="center")
    c1.button("✓ Confirm", key=_key(f"cur_ok_{base}"), type="tertiary", disabled=bool(d.get("confirmed")),
              on_click=run, args=("confirm", *spec), kwargs={"doc": doc},
              help="Mark this relation from this article as checked by you")
    c2.button("✗ Reject", key=_key(f"cur_no_{base}"), type="tertiary",
              on_click=run, args=("reject", *spec), kwargs={"doc": doc, "then": _leave_rejected_edge},
              help="This article does not say so: take the relation out of the graph and its exports")
    with c3.popover("✎ Note", help="A note on this relation"):
        text_key = _key(f"cur_note_{base}")
        st.text_area("Note on this relation", value=str(d.get("note") or ""), key=text_key)
        st.button("Save the note", key=f"{text_key}_save", on_click=_note_edge, args=(spec, doc, text_key))


def _note_edge(spec: tuple[str, str, str], doc: str | None, text_key: str) -> None:
    text = str(st.session_state.get(text_key) or "").strip()
    if not text:
        _say("error", "Not saved: the note is empty.")
        return
    run("note", text, edge=spec, doc=doc)


# --- an entity, in its panel -------------------------------------------------------------------


def node_marks(G: nx.MultiDiGraph, node: str) -> None:
    """The corrections of a node, under its name."""
    lines = node_mark(G.nodes[node])
    if lines:
        st.markdown('<div class="sg-curated">' + "<br>".join(f'<bdi dir="auto">{esc(x)}</bdi>' for x in lines)
                    + "</div>", unsafe_allow_html=True)


def _rename(node: str, k_ar: str, k_en: str, old: tuple[str, str]) -> None:
    ar, en = (str(st.session_state.get(k) or "").strip() for k in (k_ar, k_en))
    run("rename", node, label_ar=ar if ar and ar != old[0] else None, label_en=en if en and en != old[1] else None)


def _retype(node: str, key: str) -> None:
    run("retype", node, str(st.session_state.get(key) or ""))


def _merge(node: str, pick_key: str, keep_key: str) -> None:
    other = st.session_state.get(pick_key)
    if not other:
        _say("error", "Not saved: pick the entity to merge with.")
        return
    keep, drop = (node, other) if st.session_state.get(keep_key, "this") == "this" else (other, node)
    run("merge", keep, drop, then=lambda _entry: select_node(keep))


def _delete(node: str) -> None:
    run("delete", node, then=lambda _entry: select_node(None))


def _note_node(node: str, key: str) -> None:
    text = str(st.session_state.get(key) or "").strip()
    if not text:
        _say("error", "Not saved: the note is empty.")
        return
    run("note", text, node=node)


def merge_candidates(G: nx.MultiDiGraph, node: str, query: str) -> tuple[list[str], bool]:
    """The entities a typed name finds for a merge with ``node`` (never itself), and whether they
    are only suggestions (nothing matched).

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> merge_candidates(G, "country:KZ", "قزاقستان"), merge_candidates(G, "leader:xi-jinping", "Tokayv")
    (([], False), (['leader:tokayev'], True))
    """
    found = search_entities(G, query, limit=8)
    matches = [n for n in found.matches if n != node]
    if found.matches:
        return matches, False
    return [n for n in found.suggestions if n != node], True


def node_curation(G: nx.MultiDiGraph, node: str) -> None:
    """The entity's corrections and the forms to make new ones."""
    if _live() is None:
        return
    node_marks(G, node)
    d = G.nodes[node]
    tag = _digest(node)
    with st.expander("Correct this entity", expanded=False):
        tabs = st.tabs(["Rename", "Type", "Merge", "Note", "Delete"])
        with tabs[0], st.form(f"cur_rename_{tag}", border=False):
            old = (str(d.get("label_ar") or ""), str(d.get("label_en") or ""))
            st.text_input("Arabic label", value=old[0], key=f"cur_ar_{tag}")
            st.text_input("English label", value=old[1], key=f"cur_en_{tag}")
            st.form_submit_button("Rename", on_click=_rename, args=(node, f"cur_ar_{tag}", f"cur_en_{tag}", old))
        with tabs[1]:
            types = list(schema().node_types)
            kind = str(d.get("type") or "")
            st.selectbox("Type", types, index=types.index(kind) if kind in types else 0, key=f"cur_type_{tag}",
                         format_func=lambda t: f"{type_label(t, 'en')} · {type_label(t, 'ar')}")
            st.button("Change the type", key=f"cur_type_go_{tag}", on_click=_retype, args=(node, f"cur_type_{tag}"))
        with tabs[2]:
            _merge_form(G, node, tag)
        with tabs[3]:
            st.text_area("Note on this entity", value=str(d.get("note") or ""), key=f"cur_nnote_{tag}")
            st.button("Save the note", key=f"cur_nnote_go_{tag}", on_click=_note_node, args=(node, f"cur_nnote_{tag}"))
        with tabs[4]:
            n = G.degree(node)
            sure = st.checkbox(f"Take this entity and its {n} relation{'s' if n != 1 else ''} out of the graph",
                               key=f"cur_del_ok_{tag}")
            st.button("Delete", key=f"cur_del_{tag}", disabled=not sure, on_click=_delete, args=(node,))


def _merge_form(G: nx.MultiDiGraph, node: str, tag: str) -> None:
    query = st.text_input("Merge with (any Arabic spelling, English, or Wikidata id)", key=f"cur_mq_{tag}")
    if not query.strip():
        st.caption(f"Two nodes for one entity? Find the other one; {names(G, node)} can keep its id or take the other's.",
                   unsafe_allow_html=True)
        return
    options, suggested = merge_candidates(G, node, query)
    if not options:
        st.markdown(f'<div class="sg-note">No other entity matches “<bdi>{esc(query)}</bdi>”.</div>', unsafe_allow_html=True)
        return
    if suggested:
        st.caption("Nothing matches exactly. Did you mean:")
    pick_key, keep_key = f"cur_mpick_{tag}", f"cur_mkeep_{tag}"
    st.radio("Entity", options, key=pick_key, format_func=lambda n: f"{label_name(G, n)} · {n}")
    other = st.session_state.get(pick_key) or options[0]
    st.radio("Which stays", ["this", "other"], key=keep_key, horizontal=True,
             format_func=lambda x: f"keep {label_name(G, node if x == 'this' else other)}")
    st.button("Merge", key=f"cur_merge_{tag}", on_click=_merge, args=(node, pick_key, keep_key), type="primary")
