"""The statistical Arabic NER: a trained CRF model, its tagging, and its spaCy component.

The model (``extract/models/ner/``) is a linear-chain CRF (CRFsuite) trained by
``python -m silkgraph.extract.tools.train_ner`` on NewsFANE Gold mapped to the schema's node types. It
finds the people, places and organisations no gazetteer lists; the rule-based entities
already in ``doc.ents`` take precedence.

Training and inference share one feature path, the model's ``Featuriser``
(``silkgraph.extract.ner_features``), and one tagging path, ``scored_tags``.
"""
from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import doc_words
from silkgraph.schema import schema
from silkgraph.extract.ner_features import FeatureConfig, Featuriser, document_features

MODELS_DIR = Path(__file__).parent / "models"
DEFAULT_MODEL = "ner"
MODEL_FILE = "model.crfsuite"
SECOND_PASS_FILE = "model2.crfsuite"  # present when the model was trained with [stacking]
CONFIG_FILE = "config.toml"
GAZETTEER_FILE = "gazetteer.tsv"
CLUSTERS_FILE = "clusters.tsv"
DEFAULT_SPANS_KEY = "ner"


class ModelNotFound(FileNotFoundError):
    """The NER model folder or one of its files is missing."""


# --- tagging -------------------------------------------------------------------------------


def first_pass(tagger, xseq: list[list[str]]) -> tuple[list[str], list[dict[str, float]]]:
    """A first-pass tagger's tags for one sentence and, per token, each entity label's
    marginal probability (B- and I- summed; labels under 0.05 left out)."""
    tags = tagger.tag(xseq)
    labels = [t for t in tagger.labels() if t != "O"]
    probs: list[dict[str, float]] = []
    for i in range(len(xseq)):
        if tagger.marginal("O", i) > 0.95:
            # every label then sums to under 0.05 and would be left out: most tokens, and
            # asking each label's marginal of them was a fifth of the pipeline's time
            probs.append({})
            continue
        by_label: dict[str, float] = {}
        for t in labels:
            p = tagger.marginal(t, i)
            if p >= 0.01:
                by_label[t[2:]] = by_label.get(t[2:], 0.0) + p
        probs.append({k: v for k, v in by_label.items() if v >= 0.05})
    return tags, probs


# --- BIO tags <-> spans --------------------------------------------------------------------


def bio_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` of an IOB2 tag sequence; a stray I- starts an entity.

    >>> bio_to_spans(["B-Person", "I-Person", "O", "I-City", "B-City"])
    [(0, 2, 'Person'), (3, 4, 'City'), (4, 5, 'City')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if label and (prefix != "I" or name != label):
            spans.append((start, i, label))
            label = ""
        if prefix == "B" or (prefix == "I" and not label):
            start, label = i, name
    return spans


def split_sentences(words: Sequence[str], enders: frozenset[str], max_len: int = 120) -> Iterator[tuple[int, int]]:
    """``(start, end)`` chunks of a token list, cut after sentence-final punctuation or at ``max_len``.

    >>> list(split_sentences(["a", ".", "b", "c", "؟"], frozenset({".", "؟"})))
    [(0, 2), (2, 5)]
    """
    start = 0
    for i, w in enumerate(words):
        if w in enders or i + 1 - start >= max_len:
            yield start, i + 1
            start = i + 1
    if start < len(words):
        yield start, len(words)


def tag_document(first, second, sentences: Sequence[Sequence[str]], featuriser: Featuriser,
                 soft: bool = False) -> list[list[str]]:
    """Tag the sentences of one document with a first-pass tagger and, if given, a second pass
    that also sees ``document_features`` (the one tagging path for training and inference);
    ``soft`` adds the first pass's marginal probabilities to those features."""
    return [tags for tags, _ in scored_tags(first, second, sentences, featuriser, soft)]


def tag_groups(tags: Iterable[str], kinds: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """For each tag, the tags whose probability counts for it: the same position (B- or I-) of
    a type of the same kind (``kinds`` maps a type to its family; see ``NodeType.kind``).

    >>> tag_groups(["O", "B-Leader", "B-Person", "I-Person", "B-City"], {"Leader": "person", "Person": "person"})["B-Leader"]
    ('B-Leader', 'B-Person')
    """
    tags = list(tags)

    def key(tag: str) -> tuple[str, str]:
        prefix, _, label = tag.partition("-")
        return prefix, kinds.get(label, label)

    return {t: tuple(u for u in tags if key(u) == key(t)) for t in tags}


def scored_tags(first, second, sentences: Sequence[Sequence[str]], featuriser: Featuriser,
                soft: bool = False, groups: Mapping[str, tuple[str, ...]] | None = None,
                ) -> list[tuple[list[str], list[float]]]:
    """``tag_document``'s tags with, per token in an entity, the final pass's marginal probability
    of its tag (summed over its ``tag_groups`` when given: a Leader-or-Person name is sure to be a
    name); 1.0 for a token outside any entity."""
    base = [featuriser.sentence_features(words) if words else [] for words in sentences]
    if second is None:
        final = base
        tagger = first
    else:
        passes = [first_pass(first, x) if x else ([], []) for x in base]
        extra = document_features(sentences, [t for t, _ in passes], [p for _, p in passes] if soft else None)
        for x, d in zip(base, extra, strict=True):  # the first pass is done with them: extend in place
            for b, e in zip(x, d, strict=True):
                b.extend(e)
        final = base
        tagger = second
    out: list[tuple[list[str], list[float]]] = []
    for x in final:
        tags = tagger.tag(x) if x else []
        # only a span's tokens have a confidence that is read (``scored_spans``): an O token's is 1.0
        out.append((tags, [1.0 if t == "O" else sum(tagger.marginal(u, i) for u in (groups or {}).get(t, (t,)))
                           for i, t in enumerate(tags)]))
    return out


def scored_spans(tags: Sequence[str], confidences: Sequence[float]) -> list[tuple[int, int, str, float]]:
    """``bio_to_spans`` with each span's confidence: the lowest marginal probability of its tokens.

    >>> scored_spans(["B-City", "O", "B-Person", "I-Person"], [0.9, 1.0, 0.8, 0.6])
    [(0, 1, 'City', 0.9), (2, 4, 'Person', 0.6)]
    """
    return [(s, e, label, min(confidences[s:e])) for s, e, label in bio_to_spans(tags)]


# --- the model -----------------------------------------------------------------------------


def read_gazetteer_file(path: Path) -> dict[str, str]:
    """The ``stem<TAB>class`` table shipped with a model."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            stem, kind = line.split("\t")[:2]
            table[stem] = kind
    return table


def read_clusters_file(path: Path) -> dict[str, tuple[str, ...]]:
    """The ``stem<TAB>cluster<TAB>cluster...`` table shipped with a model (coarse to fine)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            stem, *clusters = line.split("\t")
            table[stem] = tuple(clusters)
    return table


class NerModel:
    """A trained CRF model folder: ``model.crfsuite``, ``config.toml``, ``gazetteer.tsv``, ``clusters.tsv``.

    >>> model = NerModel.load()
    >>> model.entities("وأكد الباحث ناصر الحربي من جامعة الملك سعود أن مدينة سمرقند كانت محطة على طريق الحرير .".split())
    [(2, 4, 'Person'), (5, 8, 'Organization'), (10, 11, 'City'), (14, 16, 'Corridor')]
    """

    def __init__(self, folder: Path):
        import pycrfsuite  # a compiled dependency, imported only when a model is used

        missing = [f for f in (MODEL_FILE, CONFIG_FILE, GAZETTEER_FILE) if not (folder / f).is_file()]
        if missing:
            raise ModelNotFound(f"NER model folder {folder} lacks {', '.join(missing)}")
        self.folder = folder
        self.config = tomllib.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
        self.features = FeatureConfig.from_dict(self.config.get("features", {}))
        self.sentence_enders = frozenset(self.config.get("inference", {}).get("sentence_enders", [".", "؟", "!", "?"]))
        clusters_path = folder / CLUSTERS_FILE
        self.featuriser = Featuriser(
            self.features,
            read_gazetteer_file(folder / GAZETTEER_FILE),
            read_clusters_file(clusters_path) if clusters_path.is_file() else None,
        )
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(folder / MODEL_FILE))
        self.soft = bool(self.config.get("stacking", {}).get("soft", False))
        self.second = None
        if (folder / SECOND_PASS_FILE).is_file():
            self.second = pycrfsuite.Tagger()
            self.second.open(str(folder / SECOND_PASS_FILE))
        self.labels = sorted({t.split("-", 1)[1] for t in self.tagger.labels() if "-" in t})
        final = self.second or self.tagger
        self.groups = tag_groups(final.labels(), {t.name: t.kind for t in schema().node_types.values()})

    @classmethod
    def load(cls, name_or_path: str = DEFAULT_MODEL) -> NerModel:
        """Load a model by name (a folder under ``extract/models``) or by path."""
        folder = Path(name_or_path)
        if not folder.is_absolute() and not folder.exists():
            folder = MODELS_DIR / name_or_path
        if not folder.is_dir():
            raise ModelNotFound(f"no NER model folder at {folder}")
        return cls(folder)

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags of one sentence taken as a whole document."""
        return self.tag_document([words])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags of every sentence of one document (the second pass pools names across it)."""
        return tag_document(self.tagger, self.second, sentences, self.featuriser, self.soft)

    def scored_document(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str, float]]]:
        """Per sentence of one document, its entity spans ``(start, end, label, confidence)``."""
        return [scored_spans(tags, confidences) for tags, confidences in
                scored_tags(self.tagger, self.second, sentences, self.featuriser, self.soft, self.groups)]

    def entities(self, words: Sequence[str], min_confidence: float = 0.0) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, label)`` in the token list of one document (cut into
        sentences), leaving out those whose confidence is under ``min_confidence``."""
        bounds = list(split_sentences(words, self.sentence_enders))
        spans = self.scored_document([words[start:end] for start, end in bounds])
        return [(start + s, start + e, label)
                for (start, _), sent_spans in zip(bounds, spans, strict=True)
                for s, e, label, confidence in sent_spans if confidence >= min_confidence]

    @property
    def metrics(self) -> dict:
        """The figures the model reached when it was trained (``metrics.json``), or {}."""
        path = self.folder / "metrics.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


@lru_cache(maxsize=4)
def cached_model(name_or_path: str) -> NerModel:
    """One loaded model per name, shared by every pipeline."""
    return NerModel.load(name_or_path)


# --- the spaCy component -------------------------------------------------------------------


class StatisticalNer:
    """Adds the model's entities that overlap neither ``doc.ents`` nor the ``blocking`` span groups.

    Added spans get ``id_ = source`` (the finder's name, "ner") and an empty ``kb_id_``, and
    are also listed in ``doc.spans[spans_key]``. Sentences come from ``doc.sents`` when a
    sentencizer ran, else from the model's sentence-final punctuation.
    """

    def __init__(self, model: NerModel, spans_key: str, labels: Iterable[str] | None,
                 blocking: Iterable[str], source: str, min_confidence: float = 0.0):
        self.model = model
        self.min_confidence = min_confidence
        self.spans_key = spans_key
        self.labels = set(labels) if labels else None
        self.blocking = list(blocking)
        self.source = source

    def predict(self, doc: Doc) -> list[tuple[int, int, str]]:
        """The model's entity spans ``(start, end, label)`` in ``doc`` at or above ``min_confidence``."""
        words = doc_words(doc)
        if not doc.has_annotation("SENT_START"):
            return self.model.entities(words, self.min_confidence)
        bounds: list[tuple[int, int]] = []
        for sent in doc.sents:
            # a sentencizer sentence can still be very long (a list, a table): cut it too
            for start, end in split_sentences(words[sent.start:sent.end], frozenset(), max_len=120):
                bounds.append((sent.start + start, sent.start + end))
        spans = self.model.scored_document([words[start:end] for start, end in bounds])
        return [(start + s, start + e, label)
                for (start, _), sent_spans in zip(bounds, spans, strict=True)
                for s, e, label, confidence in sent_spans if confidence >= self.min_confidence]

    def __call__(self, doc: Doc) -> Doc:
        taken = [False] * len(doc)
        for span in [*doc.ents, *(s for key in self.blocking if key in doc.spans for s in doc.spans[key])]:
            for i in range(span.start, span.end):
                taken[i] = True
        added: list[Span] = []
        for start, end, label in self.predict(doc):
            if self.labels is not None and label not in self.labels:
                continue
            if any(taken[start:end]) or all(t.is_punct or t.is_space for t in doc[start:end]):
                continue
            added.append(Span(doc, start, end, label=label, span_id=self.source))
        if added:
            doc.ents = sorted([*doc.ents, *added], key=lambda s: s.start)
        doc.spans[self.spans_key] = added
        return doc


@Language.factory(
    "silk_statistical_ner",
    default_config={
        "model": DEFAULT_MODEL,
        "spans_key": DEFAULT_SPANS_KEY,
        "labels": None,
        "blocking_spans": ["refs"],
        "source": "ner",
        "min_confidence": 0.0,
    },
)
def make_statistical_ner(nlp: Language, name: str, model: str, spans_key: str, labels: list[str] | None,
                         blocking_spans: list[str], source: str, min_confidence: float) -> StatisticalNer:
    """The statistical NER component.

    ``model`` is a folder name under ``extract/models`` (default ``ner``) or a path;
    ``labels`` optionally limits the schema types it may add; ``blocking_spans`` names span
    groups (e.g. the extractor's "refs": نسبة adjectives, titles) whose tokens it leaves alone;
    ``min_confidence`` drops a span when the model's marginal probability of one of its
    tags is lower (``metrics.json`` lists precision and recall at several levels).

    >>> import spacy
    >>> nlp = spacy.blank("ar")
    >>> _ = nlp.add_pipe("silk_statistical_ner")
    >>> doc = nlp("قال رئيس الوزراء الصيني لي تشيانغ في بكين")
    >>> [(e.text, e.label_, e.id_) for e in doc.ents]
    [('لي تشيانغ', 'Leader', 'ner'), ('بكين', 'City', 'ner')]
    """
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, not {min_confidence}")
    return StatisticalNer(cached_model(model), spans_key, labels, blocking_spans, source, min_confidence)
