"""Words that are no part of a person's name, whatever list they are missing from.

A name read after a title, or found by the statistical model, runs over words no table knows; some
of those are plainly not names: an inflected verb (رئيس طاجيكستان ووزير الدفاع الصيني يتفقان …,
"… agree"), recognised by its shape (``silkgraph.extract.verbs``, learned from UD Arabic-PUD and
Arabic WordNet), or the first word of a title (… أيغول نائبة وزير …: the next title begins). A word
of a known name (Wikidata name words, gazetteer names) is always allowed, so أشرف the name stays.
"""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from silkgraph.extract.lexicon import LEXICON_DIR, Lexicon, word_list
from silkgraph.extract.normalizer import known_words_of
from silkgraph.extract.verbs import VerbShapes, load_verb_shapes
from silkgraph.normalize import normalize_letters, opens_with, phrase_key, word_key


class NameShape:
    """Tells a word that cannot be in a person's name.

    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> shape = NameShape.of(lexicon_for())
    >>> shape.verb("يتفقان"), shape.verb("وسيبحثون"), shape.verb("أشرف"), shape.verb("توكاييف")
    (True, True, False, False)
    """

    def __init__(self, lex: Lexicon, verbs: VerbShapes, name_words: frozenset[str]):
        self.verbs = verbs
        self.known = name_words | known_words_of(lex)
        self.title_words = {phrase_key(t.title_ar).split()[0] for t in lex.titles}

    @classmethod
    def of(cls, lex: Lexicon, lexicon_dir: str = "") -> "NameShape":
        """The shape test over the package's data (or that of ``lexicon_dir``)."""
        folder = Path(lexicon_dir) if lexicon_dir else LEXICON_DIR
        return cls(lex, load_verb_shapes(lexicon_dir), word_list(folder / "name_words.txt"))

    def name_word(self, text: str) -> bool:
        """A word of a known name (Wikidata name words, gazetteer names), any proclitic aside."""
        return normalize_letters(text) in self.known or word_key(text) in self.known

    def verb(self, text: str) -> bool:
        """An inflected verb that no list of names knows."""
        return not self.name_word(text) and self.verbs.is_verb(normalize_letters(text))

    def glued_conjunction(self, text: str) -> str:
        """The word without a conjunction glued to it when it is no known name (وميرزان: ميرزان;
        وانغ and وليد stay), else "". Names that open with و are in the name lists; a word of an
        unknown name is taken to carry the conjunction, as Arabic writes و joined to the next word.

        >>> from silkgraph.extract.lexicon import lexicon_for
        >>> shape = NameShape.of(lexicon_for())
        >>> shape.glued_conjunction("وجيانغ"), shape.glued_conjunction("وانغ"), shape.glued_conjunction("والصين")
        ('جيانغ', '', 'الصين')
        """
        letters = normalize_letters(text)
        if len(letters) != len(text) or not opens_with(letters, "coordinator") or letters in self.known:
            return ""
        rest = text[1:]
        return rest if len(rest) >= 3 else ""

    def title_word(self, token: Token) -> bool:
        """The first word of a title (نائب، وزيرة، الرئيس), with or without a proclitic."""
        return token.norm_ in self.title_words or word_key(token.text) in self.title_words

    def outside_name(self, token: Token) -> bool:
        """A verb or a title word: the name, if any, ends before it."""
        return self.title_word(token) or self.verb(token.text)
