"""Chinese names made whole, for ``silk_name_runs``.

Arabic news writes a Chinese name as one word per syllable (وانغ قوانغ يه، دينغ شيويه شيانغ), and a
finder often stops a syllable short: the statistical model ends "وانغ قوانغ" before يه, which no list
of name words has, and a surname that is also an Arabic word (هو "he", لي "for me", ما "what") is
dropped from "نائب رئيس الوزراء الصيني هو تشون هوا". A person that no table lists and whose words
are all Mandarin syllables (``data/lexicon/chinese_syllables.tsv``) takes the syllable words that
follow it (up to ``max_words`` in all; the last may be an ordinary word when what follows a
name follows it: وانغ ون بين في …) and, right after a title's nationality (الصيني) or a title
word, the syllable before it, even when that one is an ordinary word. Two or three syllable words
no finder took, right after a title and the place or body it is of (سكرتير لجنة الحزب في مقاطعة
شنشي تشاو يي دي), are a person too.
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

    def __init__(self, lex: Lexicon, syllables: frozenset[str], max_words: int = 3, title_reach: int = 10,
                 source: str = "names", particles: frozenset[str] = frozenset()):
        self.lex = lex
        self.syllables = syllables
        self.max_words = max_words
        self.people = {ROLE.person, ROLE.leader}
        # the words a title ends with: its nationality (الصيني) or its last word (السفير)
        self.title_ends = {phrase_key(t.title_ar).split()[-1] for t in lex.titles}
        self.title_starts = {phrase_key(t.title_ar).split()[0] for t in lex.titles}
        self.title_reach = title_reach
        self.followers = lex.words("name_follower")
        self.particles = particles  # as written: the lexicon's keys fold the hamza off
        self.source = source

    @classmethod
    def of(cls, lex: Lexicon, lexicon_dir: str = "", max_words: int = 3) -> "ChineseNames":
        folder = Path(lexicon_dir) if lexicon_dir else LEXICON_DIR
        officials = folder / "boundaries_officials.tsv"
        particles = frozenset(r["word"] for r in read_tsv(officials) if r["kind"] == "hamza_particle") \
            if officials.exists() else frozenset()
        return cls(lex, syllable_forms(folder / "chinese_syllables.tsv"), max_words, particles=particles)

    def syllable(self, token: Token) -> bool:
        """A Mandarin syllable's spelling; not a particle written with its hamza (إن، أن، بأن: "that"),
        which folded letters would read as the syllables an, ban (وقال فلان نينغ إن …)."""
        return not token.is_punct and not token.like_num and normalize_letters(token.text) in self.syllables \
            and token.text not in self.particles

    def free(self, token: Token) -> bool:
        return token.ent_iob_ == "O" and not token.is_sent_start and self.syllable(token)

    def syllables_end(self, doc: Doc, start: int, end: int) -> int:
        """Where the run of free syllable words from ``end`` ends, the name ``start`` opens keeping
        ``max_words`` at most: a syllable that is a common word only between two that are not
        (داي [هو] ليانغ)."""
        while end - start < self.max_words and end < len(doc) and self.free(doc[end]):
            if not self.lex.is_common(doc[end].text):
                end += 1
            elif end + 1 - start < self.max_words and end + 1 < len(doc) and self.free(doc[end + 1]) \
                    and not self.lex.is_common(doc[end + 1].text):
                end += 2
            else:
                break
        return end

    def ordinary_last(self, doc: Doc, start: int, end: int) -> int:
        """``end`` past one more syllable that is an ordinary word, right before what follows a name
        (وانغ ون [بين] في مؤتمر صحفي، وو بانغ [قوه].), when the name has two syllables so far."""
        if 1 < end - start < self.max_words and end < len(doc) and self.free(doc[end]) and (
                end + 1 == len(doc) or doc[end + 1].is_punct or word_key(doc[end + 1].text) in self.followers):
            return end + 1
        return end

    def after_body_adjective(self, doc: Doc, k: int) -> bool:
        """Whether token ``k``, a syllable that is no ordinary word, stands right after a title's
        body and its adjective (رئيس البنك الآسيوي [جين] لي تشون): an adjective with the article
        (ending in ي) closes a phrase a title word opens, so the syllable is the name's surname."""
        if k < 3 or self.lex.is_common(doc[k].text):
            return False
        adj = normalize_letters(doc[k - 1].text)
        if not (adj.startswith("ال") and adj.endswith("ي") and len(adj) > 4):
            return False
        return any(word_key(doc[j].text) in self.title_starts for j in range(max(doc[k].sent.start, k - 4), k - 1))

    def after_title(self, doc: Doc, k: int) -> bool:
        """Whether token ``k`` ends a title: a nationality (الصيني) or a title's last word."""
        return k >= 0 and (doc[k].norm_ in self.lex.nisba or word_key(doc[k].text) in self.title_ends)

    def after_scope(self, doc: Doc, k: int, ends: set[int]) -> bool:
        """Whether token ``k`` closes a title: its nationality or last word, or the end of the
        place or body the title is of (سكرتير لجنة الحزب في مقاطعة شنشي), with a title word
        opening within ``title_reach`` words before it."""
        if not (self.after_title(doc, k) or k + 1 in ends):
            return False
        return any(word_key(doc[j].text) in self.title_starts for j in range(max(doc[k].sent.start, k - self.title_reach), k + 1))

    def find(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Chinese names no finder took, right after a title: two or three syllable words that
        are no common words (the first may be: هو، لي، ما), then no further name word; and those
        after a verb of saying (``reported``)."""
        ends = {e.end for e in ents}
        found = self.reported(doc, ents)
        i = 1
        while i < len(doc):
            if not (self.free(doc[i]) and self.after_scope(doc, i - 1, ends)):
                i += 1
                continue
            j = self.ordinary_last(doc, i, self.syllables_end(doc, i, i + 1))  # وو بانغ [قوه].
            if j - i >= 2 and (j == len(doc) or not self.free(doc[j]) or self.lex.is_common(doc[j].text)):
                found.append(Span(doc, i, j, label=ROLE.person, span_id=self.source))
            i = j
        return found

    def overrun(self, ent: Span) -> bool:
        """A Chinese name the model ran on over the common noun after it (تولى دونغ جون [منصب] …،
        نقل إلى وانغ [دعوة] …): syllable words, then a common word that is none."""
        return all(self.syllable(t) for t in ent[:-1]) and not self.syllable(ent[-1]) \
            and self.lex.is_common(ent[-1].text)

    def glued(self, token: Token) -> bool:
        """Two syllables written as one word (شينغروي، جينبينغ), no common word."""
        letters = normalize_letters(token.text)
        return token.ent_iob_ == "O" and not self.lex.is_common(token.text) and any(
            letters[:k] in self.syllables and letters[k:] in self.syllables for k in range(2, len(letters) - 1))

    def reported(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A Chinese name no finder took between a verb of saying and what follows a name (وقال ما
        شينغروي إن …، وأضاف وانغ يي أن …): a syllable (a common word too: ما، لي، هو), then one or two
        syllable words, or two syllables glued into one, that are no common words."""
        taken = {k for e in ents for k in range(e.start, e.end)}
        before, after = self.lex.words("family_name_before"), self.lex.words("family_name_after")
        found = []
        for t in doc[:-3]:
            verb = t.norm_ or word_key(t.text)  # the normaliser's key: letters folded, as word_key
            if not (verb in before or (verb[:1] in ("و", "ف") and verb[1:] in before)):
                continue
            i = t.i + 1
            if i in taken or not self.free(doc[i]):
                continue
            j = i + 1
            while j < min(len(doc), i + self.max_words) and j not in taken and doc[j].ent_iob_ == "O" \
                    and (self.free(doc[j]) or self.glued(doc[j])) and not self.lex.is_common(doc[j].text):
                j += 1
            if j > i + 1 and j < len(doc) and (word_key(doc[j].text) in after or doc[j].text in after):
                found.append(Span(doc, i, j, label=ROLE.person, span_id=self.source))
        return found

    def complete(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """``ents`` with each Chinese name no table lists grown to its whole run of syllables."""
        ends = {e.end for e in ents}
        out = []
        for ent in ents:
            if ent.label_ in self.people and not ent.kb_id_ and len(ent) >= 2 and self.overrun(ent):
                if len(ent) == 2:
                    continue  # وكان وانغ [قد] …: a family name alone, for the person named in full (FamilyNameRefs)
                ent = Span(doc, ent.start, ent.end - 1, label=ent.label_, span_id=ent.id_)  # دونغ جون [منصب]
            if ent.label_ in self.people and ent.kb_id_ and len(ent) == 2 and all(self.syllable(t) for t in ent) \
                    and ent.end < len(doc) and self.free(doc[ent.end]) and not self.lex.is_common(doc[ent.end].text) \
                    and not (ent.end + 1 < len(doc) and self.free(doc[ent.end + 1])):
                # وانغ يي [لين]: a known two-syllable name running on into a third is another person
                out.append(Span(doc, ent.start, ent.end + 1, label=ROLE.person, span_id=ent.id_))
                continue
            if ent.label_ not in self.people or ent.kb_id_ or not all(self.syllable(t) for t in ent):
                out.append(ent)
                continue
            start, end = ent.start, self.ordinary_last(doc, ent.start, self.syllables_end(doc, ent.start, ent.end))
            if end - start < self.max_words and start > 0 and self.free(doc[start - 1]) \
                    and (self.after_scope(doc, start - 2, ends) or self.after_body_adjective(doc, start - 1)):
                start -= 1  # الصيني هو تشون هوا، في منطقة شينجيانغ ما شينغ روي: the surname, an ordinary word elsewhere
            out.append(ent if (start, end) == (ent.start, ent.end)
                       else Span(doc, start, end, label=ent.label_, span_id=ent.id_))
        return out
