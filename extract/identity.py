"""Component ``silk_entity_ids``: every entity span gets an id.

Gazetteer and pattern entities come with one; an entity a statistical model found is
identified by its type and the identity key of its name (light stems of its words), so the same
unknown person or company merges across spellings with proclitics and across articles.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import init_state, make_span
from silkgraph.extract.lexicon import Lexicon, lexicon_for
from silkgraph.normalize import identity_key, phrase_key
from silkgraph.extract.surface import clean_surface
from silkgraph.records import Entity


def name_id(entity_type: str, name: str) -> str:
    """The id of an entity known only by its type and name.

    >>> name_id("Person", "وأحمد علي") == name_id("Person", "أحمد علي")
    True
    """
    return f"{entity_type.lower()}:{identity_key(name)}"


@Language.factory("silk_entity_ids", default_config={"gazetteer_dir": "", "lexicon_dir": ""})
def make_entity_ids(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str):
    return EntityIds(lexicon_for(gazetteer_dir, lexicon_dir))


class EntityIds:
    """Gives id-less entity spans an id: the gazetteer's when the name is a known spelling of an
    entity of the same type (a model may find وآسيا الوسطى), else ``name_id``."""

    def __init__(self, lex: Lexicon):
        self.known: dict[tuple[str, str], str] = {}
        for entry in lex.entries.values():
            for form in (entry.entity.label_ar, *entry.aliases_ar):
                self.known.setdefault((entry.entity.type, phrase_key(form)), entry.entity.id)

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        if all(e.kb_id_ for e in doc.ents):
            return doc
        spans: list[Span] = []
        for ent in doc.ents:
            if ent.kb_id_:
                spans.append(ent)
                continue
            name, _ = clean_surface(ent)
            entity_id = self.known.get((ent.label_, phrase_key(name)))
            if entity_id is None:
                entity_id = name_id(ent.label_, name)
                doc._.silk_entities.setdefault(entity_id, Entity(entity_id, ent.label_, name))
            spans.append(make_span(doc, ent.start, ent.end, ent.label_, entity_id, ent.id_ or "ner"))
        doc.ents = spans
        return doc
