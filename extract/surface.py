"""Surface forms: a mention's text without the proclitics glued to its first word."""
from __future__ import annotations

from spacy.tokens import Span

from silkgraph.normalize import clitic_candidates, clitics, normalize_letters, opens_with, word_key

# the two commas news writes, Arabic and Latin: where asides and list items begin and end
COMMAS = ("،", ",")


def clean_label(text: str, key: str = "") -> str:
    """A name as a label: no conjunction glued to it, nor a preposition before its article; with
    ``key``, the word key its first word has (وزارة keeps its و).

    >>> clean_label("ومعاهدة حسن الجوار"), clean_label("وزارة الزراعة", key="وزاره")
    ('معاهدة حسن الجوار', 'وزارة الزراعة')
    """
    first, _, rest = text.partition(" ")
    stripped = first if key and word_key(first) == key else strip_proclitics(first, key=key)
    return f"{stripped} {rest}".strip() if rest else stripped


def strip_proclitics(word: str, key: str = "") -> str:
    """Remove the proclitics glued to ``word``: those whose removal leaves ``key`` (a word key,
    see ``silkgraph.normalize``), or, without a key, و/ف and a preposition before the article.

    >>> strip_proclitics("بالصين"), strip_proclitics("للصين"), strip_proclitics("وطاجيكستان")
    ('الصين', 'الصين', 'طاجيكستان')
    >>> strip_proclitics("لقمة", key="قمه"), strip_proclitics("بكين")
    ('قمة', 'بكين')
    """
    letters = normalize_letters(word)
    if len(letters) != len(word):
        return word  # diacritics: keep the original spelling
    for candidate in clitic_candidates(letters)[1:]:
        if key:
            ok = word_key(candidate) == key
        else:
            ok = len(candidate) >= 3 and (opens_with(candidate, "article") or opens_with(letters, "conjunctions"))
        if ok:
            if letters.endswith(candidate):
                return word[len(word) - len(candidate):]
            return clitics()["article"] + word[len(word) - (len(candidate) - 2):]  # لل+X read as ال+X
    return word


def clean_surface(span: Span) -> tuple[str, int]:
    """The mention's text without the proclitics on its first word, and where that text starts."""
    first = span[0]
    if first.norm_ == word_key(first.text):
        return span.text, span.start_char
    stripped = strip_proclitics(first.text, key=first.norm_)
    cut = len(first.text) - len(stripped)
    if cut <= 0 or not first.text.endswith(stripped):  # للصين stays as written: a mention is a slice
        return span.text, span.start_char
    return stripped + span.text[len(first.text):], span.start_char + cut
