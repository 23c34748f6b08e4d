"""The project's written articles (``tests/fixtures/written/<area>/``) as NER training sentences.

Each area has texts and a ``gold.json`` listing every entity's surface forms as printed. A text is
tokenised as the pipeline tokenises it at run time, cut into sentences where the sentencizer cuts
it, and every occurrence of a gold form is tagged with its entity's type (longest form first; a
proclitic و ف ب ل ك may open its first word). Forms of types the model does not learn (corridors,
projects, agreements ...) are matched too and left outside, so a city inside a project's name is
not taught as a city on its own.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from silkgraph.normalize import normalize_letters

Sentence = list[tuple[str, str]]

REPO = Path(__file__).resolve().parents[2]
WRITTEN = REPO / "tests" / "fixtures" / "written"
SENTENCE_ENDERS = frozenset({".", "!", "?", "؟", "…"})


class WrittenCorpusError(ValueError):
    """A written area is missing its gold or names a text that is not there."""


def word_variants(word: str, proclitics: Iterable[str]) -> set[str]:
    """The spellings a name's first word takes after a proclitic (normalised letters).

    >>> sorted(word_variants("الصين", ["و", "ل"]))
    ['الصين', 'للصين', 'والصين', 'وللصين']
    """
    base = normalize_letters(word)
    pro = list(proclitics)
    prefixes = ["", *pro, *("و" + p for p in pro if p != "و")]
    # ل before the article drops its alef: ل + الصين = للصين
    return {p + base[1:] if p.endswith("ل") and base.startswith("ال") else p + base for p in prefixes}


def tag_words(words: Sequence[str], forms: dict[tuple[str, ...], str], proclitics: Iterable[str],
              learned: frozenset[str]) -> list[str]:
    """IOB2 tags for ``words``: ``forms`` maps a form's words to its type.

    >>> tag_words(["زار", "شي", "جين", "بينغ", "والصين"], {("شي", "جين", "بينغ"): "Leader",
    ...           ("الصين",): "Country"}, ["و"], frozenset({"Leader", "Country"}))
    ['O', 'B-Leader', 'I-Leader', 'I-Leader', 'B-Country']
    """
    pro = list(proclitics)
    norm = [normalize_letters(w) for w in words]
    normalised = {tuple(normalize_letters(w) for w in form): kind for form, kind in forms.items()}
    by_length = sorted(normalised.items(), key=lambda item: -len(item[0]))
    firsts = {form: word_variants(form[0], pro) for form, _ in by_length}
    tags = ["O"] * len(words)
    taken = [False] * len(words)
    for form, kind in by_length:
        n = len(form)
        for i in range(len(words) - n + 1):
            if any(taken[i:i + n]) or norm[i] not in firsts[form] or tuple(norm[i + 1:i + n]) != form[1:]:
                continue
            for j in range(i, i + n):
                taken[j] = True
                if kind in learned:
                    tags[j] = ("B-" if j == i else "I-") + kind
    return tags


def area_sentences(folder: Path, tokenize, learned: frozenset[str], proclitics: Iterable[str]) -> list[Sentence]:
    """One area's texts as tagged sentences (``tokenize`` turns a text into words)."""
    gold_path = folder / "gold.json"
    if not gold_path.is_file():
        raise WrittenCorpusError(f"no gold.json in {folder}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    forms: dict[tuple[str, ...], str] = {}
    for entity in gold["entities"].values():
        own = {tuple(w for w in tokenize(form) if w.strip()) for form in entity["ar"]}
        for words in own:
            # مدينة جلال آباد beside جلال آباد: the corpora tag the name, not its head word
            if words and words[1:] not in own:
                forms.setdefault(words, entity["type"])
    out: list[Sentence] = []
    for name in sorted(gold["docs"].values()):
        path = folder / name
        if not path.is_file():
            raise WrittenCorpusError(f"{gold_path} names {name}, which is not in {folder}")
        words = tokenize(path.read_text(encoding="utf-8"))
        sentence: list[str] = []
        sentences: list[list[str]] = []
        for word in words:
            if word.isspace():
                if "\n" in word and sentence:
                    sentences.append(sentence)
                    sentence = []
                continue
            sentence.append(word)
            if word in SENTENCE_ENDERS:
                sentences.append(sentence)
                sentence = []
        if sentence:
            sentences.append(sentence)
        for sent in sentences:
            out.append(list(zip(sent, tag_words(sent, forms, proclitics, learned), strict=True)))
    return out


def load_written(learned: Iterable[str], proclitics: Iterable[str], folder: Path = WRITTEN,
                 areas: Sequence[str] | None = None) -> list[Sentence]:
    """Every written area (or ``areas``) as tagged sentences, tagged only with the ``learned`` types."""
    import spacy

    import silkgraph.extract.tokenizer  # noqa: F401  (registers the project's tokenizer)

    nlp = spacy.blank("ar", config={"nlp": {"tokenizer": {"@tokenizers": "silk_arabic_tokenizer.v1"}}})

    def tokenize(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    names = areas if areas is not None else sorted(p.parent.name for p in folder.glob("*/gold.json"))
    if not names:
        raise WrittenCorpusError(f"no written areas under {folder}")
    return [s for area in names for s in area_sentences(folder / area, tokenize, frozenset(learned), proclitics)]
