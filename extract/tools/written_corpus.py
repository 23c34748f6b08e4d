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

from silkgraph.extract.ner import split_sentences
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


FormTable = list[tuple[tuple[str, ...], str, set[str]]]


def form_table(forms: dict[tuple[str, ...], str], proclitics: Iterable[str]) -> FormTable:
    """``forms`` (a form's words -> its type) ready for ``tag_words``, made once per area: letters
    folded, longest form first, and the spellings its first word takes after a proclitic."""
    pro = list(proclitics)
    normalised = {tuple(normalize_letters(w) for w in form): kind for form, kind in forms.items()}
    return [(form, kind, word_variants(form[0], pro))
            for form, kind in sorted(normalised.items(), key=lambda item: -len(item[0]))]


def tag_words(words: Sequence[str], table: FormTable, learned: frozenset[str]) -> list[str]:
    """IOB2 tags for ``words``: each occurrence of a form of ``table``, longest first.

    >>> table = form_table({("شي", "جين", "بينغ"): "Leader", ("الصين",): "Country"}, ["و"])
    >>> tag_words(["زار", "شي", "جين", "بينغ", "والصين"], table, frozenset({"Leader", "Country"}))
    ['O', 'B-Leader', 'I-Leader', 'I-Leader', 'B-Country']
    """
    norm = [normalize_letters(w) for w in words]
    tags = ["O"] * len(words)
    taken = [False] * len(words)
    for form, kind, firsts in table:
        n = len(form)
        for i in range(len(words) - n + 1):
            if any(taken[i:i + n]) or norm[i] not in firsts or tuple(norm[i + 1:i + n]) != form[1:]:
                continue
            for j in range(i, i + n):
                taken[j] = True
                if kind in learned:
                    tags[j] = ("B-" if j == i else "I-") + kind
    return tags


def text_sentences(words: Sequence[str]) -> list[list[str]]:
    """A text's words cut where the pipeline cuts them: at line breaks (the sentencizer), then
    after sentence-final punctuation or at 120 words (``split_sentences``, as the NER does)."""
    lines: list[list[str]] = [[]]
    for word in words:
        if word.isspace():
            if "\n" in word and lines[-1]:
                lines.append([])
            continue
        lines[-1].append(word)
    return [line[start:end] for line in lines if line for start, end in split_sentences(line, SENTENCE_ENDERS)]


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
    table = form_table(forms, proclitics)
    out: list[Sentence] = []
    for name in sorted(gold["docs"].values()):
        path = folder / name
        if not path.is_file():
            raise WrittenCorpusError(f"{gold_path} names {name}, which is not in {folder}")
        for sent in text_sentences(tokenize(path.read_text(encoding="utf-8"))):
            out.append(list(zip(sent, tag_words(sent, table, learned), strict=True)))
    return out


def load_written(learned: Iterable[str], proclitics: Iterable[str], folder: Path = WRITTEN,
                 areas: Sequence[str] | None = None) -> list[Sentence]:
    """Every written area (or ``areas``) as tagged sentences, tagged only with the ``learned`` types."""
    import spacy

    from silkgraph.extract.tokenizer import create_arabic_tokenizer

    nlp = spacy.blank("ar")
    nlp.tokenizer = create_arabic_tokenizer()(nlp)  # the pipeline's tokenizer

    def tokenize(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    names = areas if areas is not None else sorted(p.parent.name for p in folder.glob("*/gold.json"))
    if not names:
        raise WrittenCorpusError(f"no written areas under {folder}")
    return [s for area in names for s in area_sentences(folder / area, tokenize, frozenset(learned), proclitics)]
