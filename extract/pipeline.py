"""The extractor: article text -> spaCy Doc -> mentions and relations (``silkgraph.records``).

>>> from silkgraph.records import Article
>>> found = Extractor().extract(Article("a1", "وقع الرئيس الصيني شي جين بينغ والرئيس الكازاخي قاسم جومارت توكاييف بيانا مشتركا."))
>>> sorted({(r.source.id, r.type) for r in found.relations if r.type == "leads"})
[('leader:kassym-jomart-tokayev', 'leads'), ('leader:xi-jinping', 'leads')]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# importing the component modules registers their factories with spaCy
from extract import gazetteer, guard, identity, names, ner, normalizer, patterns, relations, titles, tokenizer  # noqa: F401
from extract.doc_state import DOC_SCOPE, YEAR_SCOPE, FoundRelation
from extract.lexicon import Lexicon, lexicon_for
from extract.surface import clean_label, clean_surface
from silkgraph.records import Article, ArticleExtraction, Entity, Mention, Relation
from silkgraph.schema import schema

PIPELINE_CONFIG = Path(__file__).with_name("pipeline.cfg")


def load_pipeline(config_path: Path | str = PIPELINE_CONFIG, overrides: dict | None = None,
                  exclude: Iterable[str] = ()) -> Language:
    """Build the spaCy pipeline from its config file."""
    config = spacy.util.load_config(config_path, overrides=overrides or {}, interpolate=False)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True, exclude=list(exclude))


class Extractor:
    """Finds entities and relations in articles.

    ``overrides`` are spaCy config overrides (e.g. ``{"paths.gazetteer": "/my/gazetteer"}``);
    ``exclude`` names pipeline components to leave out.
    """

    def __init__(self, config_path: Path | str = PIPELINE_CONFIG, overrides: dict | None = None,
                 exclude: Iterable[str] = ()):
        self.nlp = load_pipeline(config_path, overrides, exclude)
        paths = self.nlp.config["paths"]
        self.lex: Lexicon = lexicon_for(paths.get("gazetteer") or "", paths.get("lexicon") or "")
        self.schema = schema()

    def extract(self, article: Article) -> ArticleExtraction:
        """Entities and relations of one article."""
        return self.to_records(self.nlp(article.text), article)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleExtraction]:
        """Entities and relations of many articles, streamed in batches."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.to_records(doc, article)

    # -- Doc -> records ---------------------------------------------------------------------
    def entity(self, doc: Doc, entity_id: str, article: Article, surface: str = "") -> Entity | None:
        """The entity behind an id: the gazetteer's, or one a component made (its label in the
        form ``surface`` shows when that is its own text, else its label cleaned of proclitics)."""
        entry = self.lex.entries.get(entity_id)
        if entry is not None:
            return entry.entity
        made = doc._.silk_entities.get(entity_id) if entity_id else None
        if made is None:
            return None
        label = surface if surface and clean_label(made.label_ar) == clean_label(surface) else clean_label(made.label_ar)
        return Entity(scope_id(made.id, article), made.type, label, made.label_en, made.wikidata)

    def to_records(self, doc: Doc, article: Article) -> ArticleExtraction:
        out = ArticleExtraction(article=article)
        entities: dict[str, Entity] = {}  # raw id -> entity
        for span in list(doc.ents) + list(doc._.silk_inner or []):
            text, start = clean_surface(span)
            ent = entities.get(span.kb_id_) or self.entity(doc, span.kb_id_, article, text)
            if ent is None:
                continue
            entities[span.kb_id_] = ent
            extra = tuple(clean_label(a) for a in (doc._.silk_aliases or {}).get((span.start, span.end), []))
            out.mentions.append(Mention(ent, article.doc_id, start, span.end_char, text,
                                        span.id_ or "ner", extra))
        out.mentions.sort(key=lambda m: (m.start, m.end))
        seen: dict[tuple[str, str, str, int], int] = {}
        for found in doc._.silk_found or []:
            relation = self.relation(doc, found, entities, article)
            if relation is None:
                continue
            key = (relation.type, relation.source.id, relation.target.id, relation.sentence_start)
            if key in seen:
                k = seen[key]
                if out.relations[k].confidence >= relation.confidence:
                    continue
                out.relations[k] = relation
            else:
                seen[key] = len(out.relations)
                out.relations.append(relation)
        return out

    def relation(self, doc: Doc, found: FoundRelation, entities: dict[str, Entity],
                 article: Article) -> Relation | None:
        source = entities.get(found.source_id) or self.entity(doc, found.source_id, article)
        target = entities.get(found.target_id) or self.entity(doc, found.target_id, article)
        if source is None or target is None or source.id == target.id:
            return None
        edge = self.schema.edge(found.type)
        if not edge.allows(source.type, target.type):
            return None
        sent = doc[found.start].sent
        return Relation(source=source, target=target, type=found.type, doc_id=article.doc_id,
                        sentence=sent.text.strip(), sentence_start=sent.start_char, sentence_end=sent.end_char,
                        trigger=found.trigger, confidence=found.confidence, date=article.date)


def scope_id(entity_id: str, article: Article) -> str:
    """Complete an id that is one per article or one per year (see ``extract.doc_state``)."""
    year = article.date[:4] if article.date else ""
    return entity_id.replace(DOC_SCOPE, article.doc_id).replace(YEAR_SCOPE, year or article.doc_id)
