"""Building that has not happened: a building word governed, earlier in its clause, by a word of
planning, calling, hoping, proposing, studying or refusing (تخطط شركة … لبناء …، دعا الرئيس الشركات إلى بناء …، تأمل الحكومة أن تسهم الصين في تمويل …، رفضت الحكومة عرض
شركة … لبناء …), or by a denial of starting or finishing (لم تبدأ الشركة بعد أعمال بناء …). A mixin
of the building rules (``BuildingParties.not_building`` asks it); the words are data
(``data/lexicon/unrealised.tsv``: verb stems in any inflection, words as written). A word of
speeding up or carrying on after the governing word (دعا إلى تسريع بناء …) says the work is being built."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.construction_words import token_keys
from silkgraph.extract.lexicon import LEXICON_DIR
from silkgraph.extract.relation_args import TriggerHit
from silkgraph.extract.verbs import VerbShapes, load_verb_shapes
from silkgraph.tables import read_tsv

FILE = "unrealised.tsv"
REACH = 8  # tokens before the building word a governing word may stand (its clause bounds it too)


@dataclass(frozen=True)
class UnrealisedWords:
    """The governing words: verb stems (any inflection), words as written, and verbs a denial
    before them makes unrealised.

    >>> w = unrealised_words()
    >>> w.governs("وتخطط"), w.governs("دعا"), w.governs("بنت"), w.started("تبدأ"), w.goes_on("بتسريع")
    (True, True, False, True, True)
    """

    stems: VerbShapes
    words: frozenset[str]
    starts: VerbShapes
    ongoing: frozenset[str]
    talk_stems: VerbShapes
    talk_words: frozenset[str]

    def goes_on(self, text: str) -> bool:
        return any(k in self.ongoing or k[1:] in self.ongoing for k in token_keys(text))

    def governs(self, text: str) -> bool:
        return self.governing.is_verb(text) or any(k in self.words or k in self.talk_words for k in token_keys(text))

    @cached_property
    def governing(self) -> VerbShapes:
        """The stems of planning and of talks as one table: one look-up per word."""
        return VerbShapes(self.stems.stems | self.talk_stems.stems, self.stems.affixes)

    def talks(self, text: str) -> bool:
        """A word of talks (تبحث، محادثات): a reported clause after it is not governed by it."""
        return self.talk_stems.is_verb(text) or any(k in self.talk_words for k in token_keys(text))

    def started(self, text: str) -> bool:
        return self.starts.is_verb(text)


@lru_cache(maxsize=4)
def unrealised_words(lexicon_dir: str = "") -> UnrealisedWords:
    """The lists of ``unrealised.tsv`` (in ``lexicon_dir``, else the package's own)."""
    rows = read_tsv(Path(lexicon_dir or LEXICON_DIR) / FILE)
    kinds: dict[str, set[str]] = {}
    for row in rows:
        kinds.setdefault(row["kind"], set()).add(token_keys(row["word"])[0])
    affixes = load_verb_shapes().affixes
    return UnrealisedWords(VerbShapes(frozenset(kinds.get("stem", ())), affixes),
                           frozenset(kinds.get("word", ())),
                           VerbShapes(frozenset(kinds.get("denied_start", ())), affixes),
                           frozenset(kinds.get("ongoing", ())),
                           VerbShapes(frozenset(kinds.get("talk_stem", ())), affixes),
                           frozenset(kinds.get("talk_word", ())))


class UnrealisedBuilding:
    """Whether a building word speaks of a work not built (see the module docstring).

    >>> sorted(n for n in vars(UnrealisedBuilding) if not n.startswith("_"))
    ['unrealised_building']
    """

    def unrealised_building(self, doc: Doc, sent: Span, hit: TriggerHit) -> bool:
        """A governing word, or a denial before a verb of starting or finishing, in the building
        word's clause at most ``REACH`` tokens before it; not when a word of speeding up or carrying
        on stands between (دعا إلى تسريع بناء …: the work is being built), nor, after a word of
        talks, a complementizer opening a reported clause (في محادثات … إن …)."""
        words = unrealised_words()
        left, _ = self.clause_bounds(doc, sent, hit.i)
        before: list[Token] = list(doc[max(left, hit.i - REACH):hit.i])
        # (a word of a name governs nothing: شركة "أوزبك نفت غاز" is no denial)
        governing = [n for n, t in enumerate(before) if t.ent_iob_ == "O" and words.governs(t.text)]
        talks = bool(governing) and words.talks(before[governing[-1]].text)
        if governing and not any(words.goes_on(t.text) or (talks and self.words.is_kind(t, "complementizer"))
                                 for t in before[governing[-1] + 1:]):
            return True  # (وقالت الصين في محادثات … إن كازاخستان ستبني …: the reported clause builds)
        return any(self.words.is_kind(t, "deny") and words.started(n.text) for t, n in zip(before, before[1:]))
