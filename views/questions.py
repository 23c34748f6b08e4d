"""The Questions panel: a form for the questions researchers ask, answered with evidence.

The templates and the answering are ``silkgraph.graph.questions``'s; this module lays out the
form (a template, then its slots: node types and relations by their schema labels, entities
by any spelling, a date range), reads the names the way search does
(``silkgraph.views.search.resolve_name``: every known spelling, typos, "did you mean" buttons),
and shows the answer: every row with its Arabic sentence, article and date, the rows on the
graph (``drawn_paths`` hands them to the canvas as path highlights) and as a CSV download.
"""
from __future__ import annotations

from typing import Any

import networkx as nx
import streamlit as st

from silkgraph.graph.find import AmbiguousEntity, EntityNotFound
from silkgraph.graph.query import date_bounds
from silkgraph.graph.questions import (Answer, answer_csv, ask, question_templates, question_words,
                                       vocabulary)
from silkgraph.schema import schema
from silkgraph.views.names import esc, names, plain_name
from silkgraph.views.panel import evidence_for_edges
from silkgraph.views.search import NameProblem, resolve_name
from silkgraph.views.widgets import entity_buttons

ENTITY_SLOTS = ("subject", "object", "via", "source", "target")
SHOWN_ROWS = 40  # rows drawn in the panel; the CSV has them all
HIGHLIGHT_MAX_NODES = 120  # nodes an answer may highlight (and so pin) on the canvas
STATE = "q_answer"  # {"answer": Answer} or {"error", "options", "slot"}


def _type_options() -> list[str]:
    return [""] + [t["name"] for t in vocabulary()["node_types"]]


def _type_label(name: str) -> str:
    spec = {t["name"]: t for t in vocabulary()["node_types"]}.get(name)
    words = question_words()
    return f"{spec['label_en']} · {spec['label_ar']}" if spec else f"any {words['any_type_en']} · {words['any_type_ar']}"


def _relation_label(name: str) -> str:
    spec = {r["name"]: r for r in vocabulary()["relations"]}.get(name)
    return f"{spec['label_en']} · {spec['label_ar']}" if spec else name


SLOT_LABELS = {"subject_type": "Subject type", "object_type": "Object type", "relation": "Relation",
               "subject": "Subject", "object": "Object", "via": "Tied to", "source": "From", "target": "To"}


def _template_label(template: str) -> str:
    """A template as the picker shows it: its slots named, and an example.

    >>> _template_label("who")
    'Which [subject type] [relation] [object]? — e.g. Which leaders visited Kazakhstan between 2013 and 2019?'
    """
    t = question_templates()[template]
    slots = {slot: f"[{label.lower()}]" for slot, label in SLOT_LABELS.items()}
    return f"{t['label_en'].format(**slots)} — e.g. {t['example_en']}"


def run_question(G: nx.MultiDiGraph, template: str, slots: dict[str, Any]) -> dict[str, Any]:
    """Answer ``template`` with the slots typed in the form; names resolved, or what stops it.

    >>> from silkgraph.graph.build import build_graph
    >>> from silkgraph.graph.sample import sample_extractions
    >>> G = build_graph(sample_extractions())
    >>> r = run_question(G, "who", {"subject_type": "Leader", "relation": "visited", "object": "Kazakstan"})
    >>> r["error"][:53], r["options"][0]
    ('Object: no entity matches “Kazakstan”; did you mean ك', 'country:KZ')
    >>> r = run_question(G, "who", {"subject_type": "Leader", "relation": "visited", "object": "قزاقستان"})
    >>> [row["subject"] for row in r["answer"].rows]
    ['leader:xi-jinping']
    >>> run_question(G, "who", {"relation": "visited", "object": "Kazakhstan", "date_from": "2019/1"})["error"]
    "Dates: date_from must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got '2019/1'"
    """
    asked = question_templates()[template]["slots"]
    required = question_templates()[template].get("required", [])
    given = dict(slots)
    for slot in ENTITY_SLOTS:
        if slot not in asked:
            continue
        name = str(given.get(slot) or "").strip()
        if not name:
            if slot in required:
                return {"error": f"{SLOT_LABELS[slot]}: give an entity (a name in any spelling, or an id).",
                        "slot": slot, "options": []}
            given[slot] = None
            continue
        try:
            given[slot] = resolve_name(G, name, describe=lambda c: plain_name(G, c))
        except NameProblem as exc:
            return {"error": f"{SLOT_LABELS[slot]}: {exc.message}", "options": exc.options, "slot": slot}
    if "dates" in asked:
        try:
            date_bounds(given.get("date_from") or None, given.get("date_to") or None)  # checked here, said plainly
        except ValueError as exc:
            return {"error": f"Dates: {exc}", "options": [], "slot": ""}
    try:
        return {"answer": ask(G, template, **given)}
    except (KeyError, EntityNotFound, AmbiguousEntity) as exc:
        return {"error": f"The question could not be answered: {exc}", "options": [], "slot": ""}


def _form_slots() -> dict[str, Any]:
    ss = st.session_state
    slots = {slot: ss.get(f"q_{slot}", "") for slot in ENTITY_SLOTS}
    slots.update(subject_type=ss.get("q_subject_type") or None, object_type=ss.get("q_object_type") or None,
                 relation=ss.get("q_relation"), relations=ss.get("q_relations") or None, within=ss.get("q_within", False),
                 k=ss.get("q_k", 3), max_hops=ss.get("q_hops", 4),
                 date_from=ss.get("q_date_from", "").strip(), date_to=ss.get("q_date_to", "").strip())
    return slots


def question_submitted(G: nx.MultiDiGraph) -> None:
    """Form callback: runs before the page is drawn, so the graph shows the answer at once."""
    st.session_state[STATE] = run_question(G, st.session_state.get("q_template", "who"), _form_slots())


def _picked(G: nx.MultiDiGraph, slot: str, node: str) -> None:
    """A suggested entity was picked: put it in the form and ask again."""
    st.session_state[f"q_{slot}"] = node
    question_submitted(G)


def drawn_paths(G: nx.MultiDiGraph | None = None) -> list[list[dict[str, Any]]]:
    """The paths the canvas highlights: the Path panel's and the answered question's (while ``G``
    still holds its edges), as hops ({from, to, edges: [{key}]}) as
    ``silkgraph.graph.query.k_shortest_paths`` gives them."""
    ss = st.session_state
    paths = list(((ss.get("paths") or {}).get("paths")) or [])
    answer = (ss.get(STATE) or {}).get("answer")
    if isinstance(answer, Answer) and (G is None or all(G.has_edge(u, v, k) for u, v, k in answer.edges)):
        keys = {frozenset((u, v)): k for u, v, k in answer.edges}
        for seq in highlighted(answer):
            paths.append([{"from": a, "to": b, "edges": [{"key": keys.get(frozenset((a, b)), "")}]}
                          for a, b in zip(seq, seq[1:])])
    return paths


def highlighted(answer: Answer, max_nodes: int = HIGHLIGHT_MAX_NODES) -> list[list[str]]:
    """The answer's paths the canvas highlights: in order, while they bring at most ``max_nodes`` nodes
    (every highlighted node is drawn, past the view's cap).

    >>> a = Answer("who", "", "", paths=[["a", "b"], ["c", "b"], ["d", "e"]])
    >>> highlighted(a, 3)
    [['a', 'b'], ['c', 'b']]
    """
    nodes: set[str] = set()
    out = []
    for seq in answer.paths:
        if len(nodes | set(seq)) > max_nodes:
            break
        nodes |= set(seq)
        out.append(seq)
    return out


def _form(G: nx.MultiDiGraph, template: str) -> None:
    slots = question_templates()[template]["slots"]
    relations = [r["name"] for r in vocabulary()["relations"]]
    with st.form("question_form"):
        choices = [slot for slot in slots if slot in ("subject_type", "object_type", "relation")]
        for slot, col in zip(choices, st.columns(len(choices)) if choices else []):
            if slot == "relation":
                col.selectbox("Relation", relations, key="q_relation", format_func=_relation_label)
            else:
                col.selectbox(SLOT_LABELS[slot], _type_options(), key=f"q_{slot}", format_func=_type_label)
        for slot in slots:
            if slot in choices:
                continue
            if slot == "relations":
                st.multiselect("Relations (none: all)", relations, key="q_relations", format_func=_relation_label)
                c1, c2 = st.columns(2)
                c1.slider("Max hops", 1, 6, 4, key="q_hops")
                c2.slider("Paths (k)", 1, 5, 3, key="q_k")
            elif slot == "within":
                kinds = " / ".join(_relation_label(t) for t in schema().within_edge_types)
                st.checkbox("Count what lies within it", key="q_within",
                            help=f"A relation to a city, an event or a project within the object answers too ({kinds})")
            elif slot == "dates":
                c1, c2 = st.columns(2)
                c1.text_input("From (year or date)", key="q_date_from", placeholder="2013")
                c2.text_input("To (year or date)", key="q_date_to", placeholder="2019")
            else:
                st.text_input(SLOT_LABELS[slot], key=f"q_{slot}", placeholder=question_words()["entity_placeholder"])
        st.form_submit_button("Answer", type="primary", width="stretch", on_click=question_submitted, args=(G,))


def _rows(G: nx.MultiDiGraph, answer: Answer, articles: dict[str, dict[str, Any]]) -> None:
    for row in answer.rows[:SHOWN_ROWS]:
        head = f"{names(G, row['subject'])} <b>→ {esc(row['relation_en'])} · {esc(row['relation_ar'])} →</b> " \
               f"{names(G, row['object'])}"
        if row.get("path"):
            head = f"<b>Path {row['path']} · hop {row['hop']}</b>: " + head
        st.markdown(f'<div class="sg-hop">{head}</div>', unsafe_allow_html=True)
        evidence_for_edges(G, articles, [{"u": row["subject"], "v": row["object"], "key": row["key"],
                                          "doc": row["doc"], "date": row["date"]}], (row["subject"], row["object"]))
        if row.get("tie"):
            st.caption(f"tied to {plain_name(G, row['via'])}: {row['tie']}")
        elif row.get("via"):
            st.caption(f"through {plain_name(G, row['via'])}")
    if len(answer.rows) > SHOWN_ROWS:
        st.caption(f"{len(answer.rows) - SHOWN_ROWS:,} more rows in the CSV.")


def questions_panel(G: nx.MultiDiGraph, articles: dict[str, dict[str, Any]]) -> None:
    """The Questions panel: template, form, answer (evidence rows, CSV, highlight)."""
    templates = list(question_templates())
    template = st.selectbox("Question", templates, key="q_template", format_func=_template_label)
    _form(G, template)
    result = st.session_state.get(STATE)
    if not result:
        st.caption("Every answer lists the Arabic sentence, the article and the date of each relation, "
                   "and is highlighted on the graph.")
        return
    if result.get("error"):
        st.warning(result["error"])
        slot = result.get("slot")
        entity_buttons(G, result.get("options") or [], "q_pick", on_pick=lambda node: _picked(G, slot, node))
        return
    answer: Answer = result["answer"]
    if not all(G.has_edge(u, v, k) for u, v, k in answer.edges):  # articles were added or removed since
        st.session_state[STATE] = None
        st.info("The graph has changed since this question was answered: ask it again.")
        return
    st.markdown(f"**{esc(answer.question_en)}** · <bdi dir='rtl'>{esc(answer.question_ar)}</bdi>",
                unsafe_allow_html=True)
    (st.success if answer.rows else st.info)(answer.message)
    if not answer.rows:
        return
    shown = len(highlighted(answer))
    if shown < len(answer.paths):
        st.caption(f"The graph highlights {shown:,} of the answer's {len(answer.paths):,} links "
                   f"(at most {HIGHLIGHT_MAX_NODES} entities); the rows and the CSV have them all.")
    c1, c2 = st.columns(2)
    c1.download_button("Download CSV", answer_csv(answer).encode("utf-8"), file_name=f"silkgraph-{answer.template}.csv",
                       mime="text/csv", key="q_csv", width="stretch")
    if c2.button("Clear the highlight", key="q_clear", width="stretch"):
        st.session_state[STATE] = None
        st.rerun()
    _rows(G, answer, articles)
