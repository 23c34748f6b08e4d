"""Extraction records as JSON, and a small hand-built sample from the seed articles.

The sample (``data/sample_extractions.json``) quotes sentences of the two seed articles with
mentions and relations annotated by hand; tests, doctests, benchmarks and demos use it so they
do not depend on the extractor.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from silkgraph.records import Article, ArticleExtraction, Entity, Mention, Relation

SAMPLE_PATH = Path(__file__).parent / "data" / "sample_extractions.json"


def extractions_from_dict(data: dict[str, Any]) -> list[ArticleExtraction]:
    """Records from the JSON layout of ``sample_extractions.json``.

    The layout: ``entities`` maps an id to {type, label_ar, label_en, wikidata}; each of
    ``articles`` has the Article fields plus ``text``, ``mentions`` (entity id, start, end,
    text, source, aliases) and ``relations`` (source, type, target, sentence_start,
    sentence_end, trigger, confidence, and ``sentence`` when it is not exactly the text between
    those offsets). Offsets are checked against the text.

    >>> data = {"entities": {"country:CN": {"type": "Country", "label_ar": "الصين"}},
    ...         "articles": [{"doc_id": "a", "text": "زار الصين",
    ...                       "mentions": [{"entity": "country:CN", "start": 4, "end": 9, "text": "الصين"}]}]}
    >>> [m.entity.label_ar for m in extractions_from_dict(data)[0].mentions]
    ['الصين']
    """
    entities = {
        eid: Entity(id=eid, type=e["type"], label_ar=e.get("label_ar", ""),
                    label_en=e.get("label_en", ""), wikidata=e.get("wikidata", ""))
        for eid, e in data.get("entities", {}).items()
    }

    def entity(eid: str, where: str) -> Entity:
        try:
            return entities[eid]
        except KeyError:
            raise ValueError(f"{where}: unknown entity id {eid!r}") from None

    out: list[ArticleExtraction] = []
    for a in data.get("articles", []):
        doc_id, text = a["doc_id"], a["text"]
        article = Article(doc_id=doc_id, text=text, title=a.get("title", ""), date=a.get("date", ""),
                          source=a.get("source", ""), url=a.get("url", ""), path=a.get("path", ""))
        mentions = []
        for m in a.get("mentions", []):
            if text[m["start"]:m["end"]] != m["text"]:
                raise ValueError(f"{doc_id}: mention {m['text']!r} does not match the text at {m['start']}:{m['end']}")
            mentions.append(Mention(entity=entity(m["entity"], doc_id), doc_id=doc_id, start=m["start"],
                                    end=m["end"], text=m["text"], source=m.get("source", "gazetteer"),
                                    aliases=tuple(m.get("aliases", ()))))
        relations = [
            Relation(source=entity(r["source"], doc_id), target=entity(r["target"], doc_id), type=r["type"],
                     doc_id=doc_id, sentence=r.get("sentence", text[r["sentence_start"]:r["sentence_end"]]),
                     sentence_start=r["sentence_start"], sentence_end=r["sentence_end"],
                     trigger=r.get("trigger", ""), confidence=float(r.get("confidence", 1.0)),
                     date=r.get("date", article.date))
            for r in a.get("relations", [])
        ]
        out.append(ArticleExtraction(article=article, mentions=mentions, relations=relations))
    return out


def extractions_to_dict(extractions: Iterable[ArticleExtraction]) -> dict[str, Any]:
    """The JSON layout read by ``extractions_from_dict`` (a round trip keeps every field).

    >>> records = sample_extractions()
    >>> extractions_from_dict(extractions_to_dict(records)) == records
    True
    """
    entities: dict[str, dict[str, str]] = {}
    articles = []

    def ref(e: Entity) -> str:
        entities.setdefault(e.id, {"type": e.type, "label_ar": e.label_ar, "label_en": e.label_en,
                                   "wikidata": e.wikidata})
        return e.id

    for ex in extractions:
        a = ex.article
        articles.append({
            "doc_id": a.doc_id, "title": a.title, "date": a.date, "source": a.source, "url": a.url,
            "path": a.path, "text": a.text,
            "mentions": [{"entity": ref(m.entity), "start": m.start, "end": m.end, "text": m.text,
                          "source": m.source, "aliases": list(m.aliases)} for m in ex.mentions],
            "relations": [{"source": ref(r.source), "type": r.type, "target": ref(r.target),
                           "sentence_start": r.sentence_start, "sentence_end": r.sentence_end,
                           "trigger": r.trigger, "confidence": r.confidence, "date": r.date,
                           # the sentence is its span of the text, unless the extractor trimmed it
                           **({} if r.sentence == a.text[r.sentence_start:r.sentence_end]
                              else {"sentence": r.sentence})}
                          for r in ex.relations],
        })
    return {"entities": entities, "articles": articles}


@lru_cache(maxsize=1)
def _sample_data() -> str:
    return SAMPLE_PATH.read_text(encoding="utf-8")


def sample_extractions() -> list[ArticleExtraction]:
    """The hand-built sample: two seed-article excerpts with their mentions and relations.

    >>> [ex.article.doc_id for ex in sample_extractions()]
    ['000_d8d0bccc6eeca408', '001_326f30334e07f93a']
    """
    return extractions_from_dict(json.loads(_sample_data()))
