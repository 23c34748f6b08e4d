"""Records that cross module boundaries: article -> mentions -> relations -> graph.

Plain dataclasses, the contract between the modules: ``silkgraph.corpus`` reads ``Article``s,
``silkgraph.extract.pipeline`` turns each into an ``ArticleExtraction`` of ``Mention``s and
``Relation``s between ``Entity``s, and ``silkgraph.graph.build`` makes one node per entity id and one
edge per (source, type, target, article). All but ``ArticleExtraction`` are frozen.

>>> text = "زار الرئيس شي أستانا."
>>> xi, astana = Entity("leader:xi-jinping", "Leader", "شي جين بينغ"), Entity("city:astana", "City", "أستانا")
>>> mention = Mention(astana, "d1", 14, 20, text[14:20])
>>> relation = Relation(xi, astana, "visited", "d1", text, 0, len(text), "زار", 0.9)
>>> record = ArticleExtraction(Article("d1", text), [mention], [relation])
>>> record.mentions[0].text, record.relations[0].target is astana
('أستانا', True)
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as read from disk (``silkgraph.corpus``): its text and what is known about it.

    ``doc_id`` is unique in a corpus and stable across runs, so re-adding an article replaces
    what it contributed to a graph. Unknown metadata is "", never a guess.

    >>> Article("001", "نص المقال", date="2025-06-17").title
    ''
    """

    doc_id: str  # stable id: file stem, or file stem + line number for JSONL
    text: str
    title: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD) or "" when unknown; never guessed
    source: str = ""  # e.g. "Xinhua"; "" when unknown
    url: str = ""
    path: str = ""  # where it was read from


@dataclass(frozen=True)
class Entity:
    """A real-world entity as the graph will hold it (one node, keyed by ``id``).

    Every mention and relation of the same entity carries an equal ``Entity`` (same ``id``);
    ``type`` is a node type of ``silkgraph/schema.toml``; ``label_ar`` is the canonical
    Arabic name, ``label_en`` and ``wikidata`` are "" when the gazetteer has none.

    >>> Entity("country:KZ", "Country", "كازاخستان", "Kazakhstan", "Q232").label_en
    'Kazakhstan'
    """

    id: str  # stable node id, e.g. "country:CN", "leader:xi-jinping", "corridor:railway:CN-KG-UZ"
    type: str  # a node type of the schema
    label_ar: str
    label_en: str = ""
    wikidata: str = ""


@dataclass(frozen=True)
class Mention:
    """An entity mentioned in an article: a character span and what it refers to.

    ``Article.text[start:end] == text``; ``source`` names the pipeline component that found it;
    ``aliases`` are further forms the span supplies (a name inside a longer span), which the
    graph adds to the node's aliases.

    >>> m = Mention(Entity("city:astana", "City", "أستانا"), "d1", 4, 10, "أستانا", source="pattern")
    >>> m.end - m.start == len(m.text), m.aliases
    (True, ())
    """

    entity: Entity
    doc_id: str
    start: int  # character offsets into Article.text
    end: int
    text: str  # the surface form, exactly as in the article
    source: str = "gazetteer"  # gazetteer | pattern | title | ner | coref
    aliases: tuple[str, ...] = ()  # further surface forms this mention supplies (e.g. a name inside a longer span)


@dataclass(frozen=True)
class Relation:
    """A typed, evidenced edge between two entities, as stated by one sentence of one article.

    ``type`` is an edge type of the schema, ``sentence`` is ``Article.text[sentence_start:
    sentence_end]``, ``trigger`` the word(s) that state it and ``confidence`` in [0, 1]. The
    graph stores undirected types in a canonical direction (``silkgraph.graph.build.canonical_ends``).

    >>> kz, cn = Entity("country:KZ", "Country", "كازاخستان"), Entity("country:CN", "Country", "الصين")
    >>> r = Relation(cn, kz, "signed", "d1", "وقعت الصين وكازاخستان", 0, 21, "وقعت", 0.8)
    >>> r.sentence_end - r.sentence_start == len(r.sentence), r.date
    (True, '')
    """

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
    """What extraction found in one article: its mentions and relations (``silkgraph.extract.pipeline``).

    The one mutable record: ``Extractor.to_records`` fills its lists from a Doc. Every mention and
    relation carries ``article.doc_id``; ``silkgraph.graph.build.add_extraction`` refuses one that does not.

    >>> ArticleExtraction(Article("d1", "نص")).mentions
    []
    """

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
