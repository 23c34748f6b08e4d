"""The extractor: article text -> spaCy Doc -> mentions and relations (``silkgraph.records``).

>>> from silkgraph.records import Article
>>> found = Extractor().extract(Article("a1", "وقع الرئيس الصيني شي جين بينغ والرئيس الكازاخي قاسم جومارت توكاييف بيانا مشتركا."))
>>> sorted({(r.source.id, r.type) for r in found.relations if r.type == "leads"})
[('leader:kassym-jomart-tokayev', 'leads'), ('leader:xi-jinping', 'leads')]
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

# importing the component modules registers their factories with spaCy
from silkgraph.extract import (bylines, company_heads, company_short_names, dateline, gazetteer, guard, headline_works, identity, latin_names, names, ner, normalizer, own_country, patterns,  # noqa: F401
                     relations, titles, tokenizer)
from silkgraph.extract.doc_state import DOC_SCOPE, YEAR_SCOPE, FoundRelation, doc_words, span_text
from silkgraph.extract.lexicon import Lexicon, lexicon_for, roles
from silkgraph.extract.surface import clean_label, clean_surface
from silkgraph.extract.infrastructure import OPENERS
from silkgraph.normalize import has_article, word_key
from silkgraph.records import Article, ArticleExtraction, Entity, Mention, Relation
from silkgraph.schema import schema

ROLE = roles()
PIPELINE_CONFIG = Path(__file__).with_name("pipeline.cfg")
# spaCy refuses a text over nlp.max_length (1,000,000 characters), and some components take time
# growing faster than the length (a 40,000-character text costs 6 times a 20,000 one); a news
# article is a few thousand characters (the longest real one here under 10,000), so only a longer
# text is read in pieces
MAX_PIECE_CHARS = 20_000
_SENTENCE_END = re.compile(r"[.!?؟…؛][\"')»\]]*\s")
_SPACE = re.compile(r"\s")

ErrorHandler = Callable[[Article, Exception], None]


def split_text(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pairs of at most ``limit`` characters each, cut after the last
    paragraph break in reach, else the last line break, sentence end or space, else at ``limit``.
    The pieces, joined, are ``text`` again.

    >>> split_text("جملة أولى. جملة ثانية.\\n\\nفقرة ثانية", limit=20)
    [(0, 'جملة أولى. '), (11, 'جملة ثانية.\\n\\n'), (24, 'فقرة ثانية')]
    >>> split_text("x" * 25, limit=10)
    [(0, 'xxxxxxxxxx'), (10, 'xxxxxxxxxx'), (20, 'xxxxx')]
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        floor = limit // 4  # a cut earlier than this makes too many small pieces: look for the next kind
        cut = 0
        for finder in (lambda w: w.rfind("\n\n") + 2, lambda w: w.rfind("\n") + 1,
                       lambda w: max((m.end() for m in _SENTENCE_END.finditer(w, floor)), default=0),
                       lambda w: max((m.end() for m in _SPACE.finditer(w, floor)), default=0)):
            cut = finder(window)
            if cut > floor:
                break
        if cut <= floor:
            cut = limit
        pieces.append((start, window[:cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def load_pipeline(config_path: Path | str = PIPELINE_CONFIG, overrides: dict | None = None,
                  exclude: Iterable[str] = ()) -> Language:
    """Build the spaCy pipeline from its config file."""
    config = spacy.util.load_config(config_path, overrides=overrides or {}, interpolate=False)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True, exclude=list(exclude))


def gazetteer_spellings() -> dict[str, tuple[str, list[str], list[str]]]:
    """Every entity the pipeline knows by name: id -> (type, Arabic spellings, English spellings),
    for lookups outside extraction (the explorer's search by any known spelling).

    >>> kind, arabic, english = gazetteer_spellings()["country:KG"]
    >>> kind, "قرغيزستان" in arabic, "Kyrgyzstan" in english
    ('Country', True, True)
    """
    from silkgraph.extract.lexicon import load_gazetteer_entries

    return {eid: (e.entity.type, [f for f in (e.entity.label_ar, *e.aliases_ar) if f],
                  [f for f in (e.entity.label_en, *e.aliases_en) if f])
            for eid, e in load_gazetteer_entries().items()}



def alias_key(token) -> str:
    """The word key an alias's first word keeps: the token's, except right after an opening quote,
    where a name starts and no proclitic is glued to it («فان يغناب» is not ف + ان)."""
    if token.i > 0 and token.doc[token.i - 1].text in OPENERS:
        return word_key(token.text)
    return token.norm_

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
        self.max_piece_chars = MAX_PIECE_CHARS  # a longer article is read in pieces (split_text)

    def extract(self, article: Article) -> ArticleExtraction:
        """Entities and relations of one article (a long one is read in pieces, see ``split_text``)."""
        return self._extract_batch([article], 1)[0]

    def extract_many(self, articles: Iterable[Article], batch_size: int = 32,
                     on_error: ErrorHandler | None = None) -> Iterator[ArticleExtraction]:
        """Entities and relations of many articles, streamed in batches.

        An article whose extraction raises is given to ``on_error(article, exception)`` and
        left out, and the others are extracted; without ``on_error`` the exception propagates.
        """
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._extract_isolated(batch, batch_size, on_error)
                batch = []
        if batch:
            yield from self._extract_isolated(batch, batch_size, on_error)

    def _extract_isolated(self, batch: list[Article], batch_size: int,
                          on_error: ErrorHandler | None) -> list[ArticleExtraction]:
        try:
            return self._extract_batch(batch, batch_size)
        except Exception as exc:
            if on_error is None:
                raise
            if len(batch) == 1:
                on_error(batch[0], exc)
                return []
        out = []
        for article in batch:  # again one by one, to find the article that fails
            try:
                out.extend(self._extract_batch([article], 1))
            except Exception as exc:  # noqa: BLE001 - any failure of one article is reported, not fatal
                on_error(article, exc)
        return out

    def _extract_batch(self, batch: list[Article], batch_size: int) -> list[ArticleExtraction]:
        """Each article of ``batch`` through the pipeline, in pieces when it is long."""
        pieces = ((piece, (i, offset)) for i, a in enumerate(batch) for offset, piece in split_text(a.text, self.max_piece_chars))
        out: list[ArticleExtraction | None] = [None] * len(batch)
        for doc, (i, offset) in self.nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
            part = self.to_records(doc, batch[i], offset)
            if out[i] is None:
                out[i] = part
            else:
                out[i].mentions.extend(part.mentions)
                out[i].relations.extend(part.relations)
        return [x for x in out if x is not None]

    # -- Doc -> records ---------------------------------------------------------------------
    @staticmethod
    def first_word_key(span: Span | Doc, alias: str) -> str:
        """The word key of the span's (or Doc's) token an alias opens with (its first word, or the
        token its first word starts with: فاخش-4 from فاخش), "" when none."""
        first = alias.split(" ")[0]
        if not isinstance(span, Doc):
            return next((alias_key(t) for t in span if t.text == first),
                        next((alias_key(t) for t in span if len(t.text) > 1 and first.startswith(t.text)), ""))
        # asked for every entity: where each word first stands is indexed once per Doc, and each
        # answer is kept (the key of the first token written so, else of the first it starts with)
        state = span.user_data.get("silk_first_norms")
        if state is None:
            at: dict[str, int] = {}
            for i, word in enumerate(doc_words(span)):
                at.setdefault(word, i)
            state = span.user_data["silk_first_norms"] = (at, {})
        at, keys = state
        if first not in keys:
            i = at.get(first)
            if i is None:
                i = next((k for k, w in enumerate(doc_words(span)) if len(w) > 1 and first.startswith(w)), None)
            keys[first] = alias_key(span[i]) if i is not None else ""
        return keys[first]

    def entity(self, doc: Doc, entity_id: str, article: Article, surface: str = "") -> Entity | None:
        """The entity behind an id: the gazetteer's, or one a component made (its label in the
        form ``surface`` shows when that is its own text, else its label cleaned of proclitics)."""
        entry = self.lex.entries.get(entity_id)
        if entry is not None:
            return entry.entity
        made = doc._.silk_entities.get(entity_id) if entity_id else None
        if made is None:
            return None
        # the label's first word as the Doc has it tells a glued و from a word's own (ومعاهدة, وثيقة)
        key = self.first_word_key(doc, made.label_ar)
        first = surface.partition(" ")[0]
        # a preposition before a body's article is the sentence's, not the name's (للجيش الصيني)
        glued = (made.type == ROLE.organization or first.startswith("لل")) and has_article(first) \
            and not has_article(first, prepositions=False)  # (للاتفاقية الثقافية: ل + the article, any type)
        if surface.endswith(made.label_ar) and surface != made.label_ar:
            label = made.label_ar  # وتوغوزتورو: the component made the name without the word's proclitic
        else:
            # the surface keeps a proclitic it cannot be sliced without (للمؤتمر): the label does not
            label = clean_label(surface, key) if surface and not glued and clean_label(made.label_ar, key) == clean_label(surface, key) \
                else clean_label(made.label_ar, key)
        return Entity(scope_id(made.id, article), made.type, label, made.label_en, made.wikidata)

    def to_records(self, doc: Doc, article: Article, offset: int = 0) -> ArticleExtraction:
        """The records of ``doc``, the piece of ``article.text`` that starts at ``offset``."""
        out = ArticleExtraction(article=article)
        entities: dict[str, Entity] = {}  # raw id -> entity
        for span in list(doc.ents) + list(doc._.silk_inner or []):
            text, start = clean_surface(span)
            ent = entities.get(span.kb_id_) or self.entity(doc, span.kb_id_, article, text)
            if ent is None:
                continue
            entities[span.kb_id_] = ent
            # an alias keeps what its first word is in the span (محطة «فاخش»: the alias فاخش keeps its ف)
            extra = tuple(clean_label(a, key=self.first_word_key(span, a))
                          for a in (doc._.silk_aliases or {}).get((span.start, span.end), []))
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
        if offset:
            out.mentions = [dataclasses.replace(m, start=m.start + offset, end=m.end + offset) for m in out.mentions]
            out.relations = [dataclasses.replace(r, sentence_start=r.sentence_start + offset,
                                                 sentence_end=r.sentence_end + offset) for r in out.relations]
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
                        sentence=span_text(sent).strip(), sentence_start=sent.start_char, sentence_end=sent.end_char,
                        trigger=found.trigger, confidence=found.confidence, date=article.date)


def scope_id(entity_id: str, article: Article) -> str:
    """Complete an id that is one per article or one per year (see ``silkgraph.extract.doc_state``)."""
    year = article.date[:4] if article.date else ""
    return entity_id.replace(DOC_SCOPE, article.doc_id).replace(YEAR_SCOPE, year or article.doc_id)
