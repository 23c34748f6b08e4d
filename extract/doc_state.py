"""What the extraction components leave on a Doc for the next one.

- ``doc.ents``: named mentions, label = schema node type, ``kb_id_`` = entity id, ``id_`` = the
  component that found it (gazetteer, pattern, title, ner).
- ``doc.spans["refs"]``: references that are not names: nisba adjectives (الصيني → China), a title
  standing for a named leader (الرئيس الصيني → Xi Jinping), an anaphoric القمة.
- ``doc._.silk_inner``: mentions inside a longer pattern span (the countries a railway joins).
- ``doc._.silk_entities``: entities the components created (patterns, titles, NER), by id.
- ``doc._.silk_found``: relations found so far (``FoundRelation``).
- ``doc._.silk_aliases``: further surface forms of a pattern span, by (start, end) token offsets.
- ``doc._.silk_joint``: ids of joint documents (a joint statement binds both sides of the talks).
- ``doc._.silk_bindings``: title bindings, (office, country id) -> leader id, for later references.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

REFS = "refs"
# Entity ids containing these markers are completed per article by the pipeline
# (a joint statement is one per article; an unnumbered summit is one per year).
DOC_SCOPE = "{doc}"
YEAR_SCOPE = "{year}"

for _name, _default in (("silk_inner", None), ("silk_entities", None), ("silk_found", None),
                        ("silk_bindings", None), ("silk_aliases", None), ("silk_joint", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@dataclass(frozen=True)
class FoundRelation:
    """A relation between two entity ids, anchored at a token span of the Doc."""

    type: str
    source_id: str
    target_id: str
    start: int  # token span of the trigger or the pattern that gave it
    end: int
    trigger: str
    confidence: float


def init_state(doc: Doc) -> None:
    """Give a Doc fresh containers (extension defaults are shared, so never mutate them)."""
    if doc._.silk_inner is None:
        doc._.silk_inner = []
    if doc._.silk_entities is None:
        doc._.silk_entities = {}
    if doc._.silk_found is None:
        doc._.silk_found = []
    if doc._.silk_bindings is None:
        doc._.silk_bindings = {}
    if doc._.silk_aliases is None:
        doc._.silk_aliases = {}
    if doc._.silk_joint is None:
        doc._.silk_joint = set()
    if REFS not in doc.spans:
        doc.spans[REFS] = []


def doc_words(doc: Doc) -> list[str]:
    """The text of every token, read once per Doc (a token's text never changes; reading it from
    spaCy builds a Token object each time, and a dozen components walk every token).

    >>> import spacy
    >>> doc = spacy.blank("ar")("زار الرئيس أستانا")
    >>> doc_words(doc), doc_words(doc) is doc_words(doc)
    (['زار', 'الرئيس', 'أستانا'], True)
    """
    words = doc.user_data.get("silk_words")
    if words is None:
        words = doc.user_data["silk_words"] = [t.text for t in doc]
    return words


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (spaCy joins it from every token on each read).

    >>> import spacy
    >>> doc_text(spacy.blank("ar")("زار الرئيس أستانا"))
    'زار الرئيس أستانا'
    """
    text = doc.user_data.get("silk_text")
    if text is None:
        text = doc.user_data["silk_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` cut from ``doc_text`` (spaCy joins a span's text from its tokens on each read).

    >>> import spacy
    >>> doc = spacy.blank("ar")("زار الرئيس أستانا اليوم")
    >>> span_text(doc[1:3]) == doc[1:3].text
    True
    """
    return doc_text(span.doc)[span.start_char:span.end_char]


def make_span(doc: Doc, start: int, end: int, label: str, entity_id: str, source: str) -> Span:
    """A span labelled with a schema type, ``kb_id_`` the entity id and ``id_`` its finder."""
    return Span(doc, start, end, label=label, kb_id=entity_id, span_id=source)


def add_ref(doc: Doc, start: int, end: int, label: str, entity_id: str, source: str) -> None:
    """Add a reference that is not a name (a nisba, a title) to ``doc.spans["refs"]``.

    >>> import spacy
    >>> doc = spacy.blank("ar")("قال الرئيس التركي")
    >>> init_state(doc)
    >>> add_ref(doc, 1, 3, "Leader", "leader:recep-tayyip-erdogan", "title")
    >>> [(s.text, s.label_, s.kb_id_, s.id_) for s in doc.spans[REFS]], doc._.silk_found
    ([('الرئيس التركي', 'Leader', 'leader:recep-tayyip-erdogan', 'title')], [])
    """
    group = doc.spans[REFS]
    group.append(make_span(doc, start, end, label, entity_id, source))
