"""What the relation finders share: the mentions a relation may join, trigger hits, and the
lookups every finder makes (an entity's type, a leader's country)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from silkgraph.extract.lexicon import Lexicon, Trigger
from silkgraph.normalize import opens_with, word_key

# a motion verb (وصل، توجه) is a verb whose object is where it goes: a place after إلى
VERB_KINDS = ("verb", "motion")


def relation_verb(lex: Lexicon, text: str) -> bool:
    """A relation's verb, with its object pronoun or not (سيزور، بنتها): what a sentence says is
    done, never a word of a name.

    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> relation_verb(lexicon_for(), "بنتها"), relation_verb(lexicon_for(), "محطة")
    (True, False)
    """
    trigger = lex.trigger_for(text)
    return trigger is not None and trigger[0].kind in VERB_KINDS


@dataclass(frozen=True)
class Arg:
    """A mention that can take part in a relation.

    >>> Arg(3, 5, "country:KZ", "Country", "name").end
    5
    """

    start: int
    end: int
    id: str
    type: str
    kind: str  # name | title | anaphor | nisba


@dataclass(frozen=True)
class TriggerHit:
    """A trigger word at token ``i``."""

    i: int
    trigger: Trigger
    pronoun: bool  # the word carries an attached pronoun (زيارته، ببنائه)


def in_words(text: str, words: set[str]) -> bool:
    """Whether a token is one of ``words`` (word keys), also behind a conjunction (وخلال).

    >>> in_words("وخلال", {"خلال"}), in_words("خلال", {"خلال"}), in_words("وصل", {"صل"})
    (True, True, False)
    """
    key = word_key(text)
    return key in words or (opens_with(key, "conjunctions") and len(key) > 3 and word_key(key[1:]) in words)


def entity_type(lex: Lexicon, doc: Doc, entity_id: str) -> str:
    """The type of a gazetteer entity or of one the pipeline made for this Doc ("" if neither)."""
    entry = lex.entries.get(entity_id)
    made = doc._.silk_entities.get(entity_id)
    return entry.entity.type if entry else made.type if made else ""


def leader_country(lex: Lexicon, doc: Doc, leader_id: str) -> str:
    """The country a leader leads or serves in this Doc (a ``leads`` or ``serves`` found so far:
    a minister's country is home too), else the gazetteer's."""
    for rel in doc._.silk_found:
        if rel.type in ("leads", "serves") and rel.source_id == leader_id and rel.target_id.startswith("country:"):
            return rel.target_id
    return lex.country_of(leader_id)


def visitor_home(lex: Lexicon, doc: Doc, leader_id: str) -> str:
    """Where a visitor comes from: ``leader_country``, else the country of the province or city they
    lead or serve (رئيس حكومة منطقة شينجيانغ فلان). For visits only: such a head does not sign or
    build for the country."""
    home = leader_country(lex, doc, leader_id)
    if home:
        return home
    offices = [r.target_id for r in doc._.silk_found if r.type in ("leads", "serves") and r.source_id == leader_id]
    return next((lex.country_of(t) for t in offices if lex.country_of(t)), "")
