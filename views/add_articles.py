"""The Add articles section: upload or paste Arabic articles, merged into the graph and kept
in the uploads folder; the files added so far, each of which can be taken out again.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from silkgraph.views.live import LiveGraph, UploadError, pasted_article
from silkgraph.views.names import esc
from silkgraph.views.uploads import REMOVED_DIR, added_articles, remove_upload


def add_articles(live: LiveGraph) -> None:
    st.markdown("Upload or paste Arabic articles (.txt, .md, .html, .jsonl). They are extracted, merged into "
                f"the graph and kept in `{esc(live.uploads_dir.name)}/`, so a restart keeps them. Adding a file "
                "again changes nothing; another file with a name already used is kept under a new name.")
    # one form: nothing reruns between the fields, so a rerun cannot wipe what is being typed
    with st.form("add_form", border=False):
        files = st.file_uploader("Article files", type=["txt", "md", "html", "htm", "jsonl"],
                                 accept_multiple_files=True, key="uploader")
        st.markdown("**…or paste one**")
        text = st.text_area("Article text (Arabic)", key="paste_text", height=150)
        c1, c2 = st.columns(2)
        title = c1.text_input("Title (optional)", key="paste_title")
        date = c2.text_input("Date (optional, YYYY-MM-DD)", key="paste_date")
        if st.form_submit_button("Add to the graph", type="primary"):
            messages = add_jobs(live, files, text, title, date)
            if messages is not None:
                # rerun so the graph, the overview and the filters all include the new articles
                st.session_state.add_messages = messages
                st.rerun()
    for kind, message in st.session_state.get("add_messages") or []:
        getattr(st, kind)(message)
    added_list(live)


def added_list(live: LiveGraph) -> None:
    """The files added so far, each with a button that takes it out of the graph again."""
    added = added_articles(live)
    if not added:
        return
    st.markdown(f"**Added articles** ({len(added)})")
    for i, item in enumerate(added):
        c1, c2 = st.columns([5, 1], vertical_alignment="center")
        titles = " · ".join(f"<bdi>{esc(t)}</bdi>" for t in item.titles) or "(no article in the graph)"
        c1.markdown(f"{titles} <span class=\"sg-count\">· {esc(item.path.name)}</span>", unsafe_allow_html=True)
        if c2.button("Remove", key=f"remove_{i}", help="Take this file's articles out of the graph"):
            try:
                removed = remove_upload(live, item.path)
            except (OSError, ValueError) as exc:
                st.error(f"{item.path.name}: could not be removed ({exc}).")
                return
            st.session_state.add_messages = [("success", f"{item.path.name}: removed ({len(removed)} article"
                                              f"{'s' if len(removed) != 1 else ''}); the file is kept in "
                                              f"{live.uploads_dir / REMOVED_DIR}.")]
            st.rerun()


def add_jobs(live: LiveGraph, files: Any, text: str, title: str, date: str) -> list[tuple[str, str]] | None:
    """Check, save, extract and merge what the user gave; messages (kind, text) for the page.

    None when nothing was given, or a pasted article's date is not a date: nothing is added.

    >>> add_jobs(None, [], "  ", "", "") is None
    True
    >>> add_jobs(None, [], "نص مقال للاختبار", "", "2025-13-01") is None
    True
    """
    jobs: list[tuple[str, bytes]] = [(f.name, f.getvalue()) for f in files or []]
    if text.strip():
        if date.strip():
            try:
                dt.date.fromisoformat(date.strip())
            except ValueError:
                st.error(f"The date “{date}” is not YYYY-MM-DD; nothing was added.")
                return None
        jobs.append(pasted_article(text, title, date))
    if not jobs:
        st.warning("Choose a file or paste an article first.")
        return None
    messages: list[tuple[str, str]] = []
    bar = st.progress(0.0, text="Extracting…")
    added = 0
    for i, (name, data) in enumerate(jobs, 1):
        bar.progress((i - 1) / len(jobs), text=f"Extracting {name} ({i}/{len(jobs)})…")
        try:
            result = live.add_upload(name, data)
        except UploadError as exc:
            messages.append(("error", str(exc)))
            continue
        except OSError as exc:
            messages.append(("error", f"{name}: could not be saved ({exc.strerror or exc})."))
            continue
        messages += [("warning", problem) for problem in result.problems]
        if result.doc_ids:
            added += 1
            again = (" (already in the corpus: merged again, nothing duplicated)" if result.duplicate else
                     f" (saved as {result.renamed})" if result.renamed else "")
            messages.append(("success", f"{name}: {len(result.doc_ids)} article{'s' if len(result.doc_ids) != 1 else ''}, "
                                        f"{result.relations} relations{again}."))
    bar.progress(1.0, text=f"Done: {added} of {len(jobs)} added.")
    messages.append(("info", f"{added} of {len(jobs)} added; they are kept in {live.uploads_dir.name}/."))
    return messages
