"""Records that cross module boundaries: article -> mentions -> relations -> graph.

Plain dataclasses; extraction produces them, the graph consumes them.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as read from disk."""

    doc_id: str  # stable id: file stem, or file stem + line number for JSONL
    text: str
    title: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD) or "" when unknown; never guessed
    source: str = ""  # e.g. "Xinhua"; "" when unknown
    url: str = ""
    path: str = ""  # where it was read from


@dataclass(frozen=True)
class Entity:
    """A real-world entity as the graph will hold it (one node)."""

    id: str  # stable node id, e.g. "country:CN", "leader:xi-jinping", "corridor:railway:CN-KG-UZ"
    type: str  # a node type of the schema
    label_ar: str
    label_en: str = ""
    wikidata: str = ""


@dataclass(frozen=True)
class Mention:
    """An entity mentioned in an article: a character span and what it refers to."""

    entity: Entity
    doc_id: str
    start: int  # character offsets into Article.text
    end: int
    text: str  # the surface form, exactly as in the article
    source: str = "gazetteer"  # gazetteer | pattern | title | ner | coref
    aliases: tuple[str, ...] = ()  # further surface forms this mention supplies (e.g. a name inside a longer span)


@dataclass(frozen=True)
class Relation:
    """A typed, evidenced edge between two entities."""

    source: Entity
    target: Entity
    type: str  # an edge type of the schema
    doc_id: str
    sentence: str  # the Arabic sentence, as in the article
    sentence_start: int  # character span of the sentence in Article.text
    sentence_end: int
    trigger: str  # the trigger word(s) as in the article ("" for structural relations)
    confidence: float
    date: str = ""  # the article date (ISO) or ""


@dataclass
class ArticleExtraction:
    """What extraction found in one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
