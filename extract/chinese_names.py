"""Chinese names made whole, for ``silk_name_runs``.

Arabic news writes a Chinese name as one word per syllable (وانغ قوانغ يه، دينغ شيويه شيانغ), and a
finder often stops a syllable short: the statistical model ends "وانغ قوانغ" before يه, which no list
of name words has, and a surname that is also an Arabic word (هو "he", لي "for me", ما "what") is
dropped from "نائب رئيس الوزراء الصيني هو تشون هوا". A person that no table lists and whose words
are all Mandarin syllables (``data/lexicon/chinese_syllables.tsv``) takes the syllable words that
follow it (up to ``max_words`` in all) and, right after a title's nationality (الصيني) or a title
word, the syllable before it, even when that one is an ordinary word.
"""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.lexicon import LEXICON_DIR, Lexicon, roles
from silkgraph.normalize import normalize_letters, phrase_key, word_key
from silkgraph.tables import read_tsv

ROLE = roles()


def syllable_forms(path: Path) -> frozenset[str]:
    """The Arabic spellings of Mandarin syllables in ``path`` (folded letters).

    >>> forms = syllable_forms(LEXICON_DIR / "chinese_syllables.tsv")
    >>> {"وانغ", "قوانغ", "يه", "هو"} <= forms, "الصين" in forms
    (True, False)
    """
    if not path.exists():
        return frozenset()
    return frozenset(normalize_letters(form) for row in read_tsv(path) for form in row["arabic"].split("|") if form)


class ChineseNames:
    """Completes people's names written syllable by syllable.

    >>> import spacy
    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> names = ChineseNames.of(lexicon_for())
    >>> doc = spacy.blank("ar")("قال الوزير الصيني وانغ قوانغ يه أمس")
    >>> doc.ents = [Span(doc, 3, 5, label="Person")]
    >>> [(s.text) for s in names.complete(doc, list(doc.ents))]
    ['وانغ قوانغ يه']
    """

    def __init__(self, lex: Lexicon, syllables: frozenset[str], max_words: int = 3):
        self.lex = lex
        self.syllables = syllables
        self.max_words = max_words
        self.people = {ROLE.person, ROLE.leader}
        # the words a title ends with: its nationality (الصيني) or its last word (السفير)
        self.title_ends = {phrase_key(t.title_ar).split()[-1] for t in lex.titles}

    @classmethod
    def of(cls, lex: Lexicon, lexicon_dir: str = "", max_words: int = 3) -> "ChineseNames":
        folder = Path(lexicon_dir) if lexicon_dir else LEXICON_DIR
        return cls(lex, syllable_forms(folder / "chinese_syllables.tsv"), max_words)

    def syllable(self, token: Token) -> bool:
        return not token.is_punct and not token.like_num and normalize_letters(token.text) in self.syllables

    def free(self, token: Token) -> bool:
        return token.ent_iob_ == "O" and not token.is_sent_start and self.syllable(token)

    def after_title(self, doc: Doc, k: int) -> bool:
        """Whether token ``k`` ends a title: a nationality (الصيني) or a title's last word."""
        return k >= 0 and (doc[k].norm_ in self.lex.nisba or word_key(doc[k].text) in self.title_ends)

    def complete(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``ents`` with each Chinese name no table lists grown to its whole run of syllables."""
        out = []
        for ent in ents:
            if ent.label_ not in self.people or ent.kb_id_ or not all(self.syllable(t) for t in ent):
                out.append(ent)
                continue
            start, end = ent.start, ent.end
            while end - start < self.max_words and end < len(doc) and self.free(doc[end]) \
                    and not self.lex.is_common(doc[end].text):
                end += 1
            if end - start < self.max_words and start > 0 and self.free(doc[start - 1]) \
                    and self.after_title(doc, start - 2):
                start -= 1  # الصيني هو تشون هوا: the surname, an ordinary word elsewhere
            out.append(ent if (start, end) == (ent.start, ent.end)
                       else Span(doc, start, end, label=ent.label_, span_id=ent.id_))
        return out
