"""A Chinese person called by the family name alone, for ``silk_titles``.

Arabic wire copy names a Chinese official in full once (وزير الخارجية الصيني وانغ يي) and then by the
family name, the first word (وأضاف وانغ أن …، وكان لي قد وصل …). That word alone is the person named
in full before it in the article, when one Chinese person only has that family name there; a family
name that is also a common word or as short as one (لي "for me", ما "what", هو "he") only between a verb it is the subject
of and what follows a name (``family_name_before`` / ``family_name_after`` in
``data/lexicon/boundaries_leaders.tsv``).
The family name is a reference to the person (``doc.spans["refs"]``, as a title is), not a form of
the name: it adds no alias to the node (تشانغ alone names many).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from silkgraph.extract.chinese_names import syllable_forms
from silkgraph.extract.doc_state import add_ref, doc_words
from silkgraph.extract.lexicon import LEXICON_DIR, Lexicon, roles
from silkgraph.normalize import normalize_letters, opens_with, word_key

ROLE = roles()


class FamilyNameRefs:
    """Chinese family names standing for a person named in full (a mixin of ``TitleResolver``,
    using its ``lex``).

    >>> import spacy
    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> refs = FamilyNameRefs()
    >>> refs.lex = lexicon_for()
    >>> doc = spacy.blank("ar")("وقال الوزير وانغ يي إن … وأضاف وانغ أن")
    >>> doc.ents = [Span(doc, 2, 4, label="Leader", kb_id="leader:wang-yi")]
    >>> refs.family_name_refs(doc)
    [(7, 8, 'leader:wang-yi')]
    """

    lex: Lexicon
    short_name = 2  # letters of a family name that may be a function word too (لي، ما، هو)

    def chinese_person(self, ent: Span) -> bool:
        """A person of two words or more, whom the gazetteer places in China or whose words are all
        Mandarin syllables."""
        if ent.label_ not in (ROLE.leader, ROLE.person) or len(ent) < 2 or not ent.kb_id_:
            return False
        if ent.kb_id_ in self.lex.entries:
            return self.lex.country_of(ent.kb_id_) == "country:CN"
        forms = getattr(self, "_syllables", None)
        if forms is None:
            forms = self._syllables = syllable_forms(LEXICON_DIR / "chinese_syllables.tsv")
        return all(normalize_letters(t.text) in forms for t in ent)

    def family_name_refs(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start, end, person id) of each lone family name of a Chinese person named in full
        before it, a word no finder took (a name some finder took stays as it is)."""
        ents = list(doc.ents)
        full: dict[str, set[str]] = {}  # family name key -> ids of the people named in full so far
        first_at: dict[str, int] = {}
        written: set[str] = set()  # the family names as written, to pass over other words fast
        for e in ents:
            if self.chinese_person(e):
                key = word_key(e[0].text)
                full.setdefault(key, set()).add(e.kb_id_)
                first_at.setdefault(key, e.end)
                written.add(e[0].text)
        if not full:
            return []
        before, after = self.lex.words("family_name_before"), self.lex.words("family_name_after")
        new = []
        # one search per word instead of a test per written name: most words hold none
        holds_name = re.compile("|".join(re.escape(w) for w in sorted(written))).search
        for i, text in enumerate(doc_words(doc)):
            if not holds_name(text) or doc[i].ent_iob_ != "O":
                continue
            token = doc[i]
            key = word_key(token.text)
            if opens_with(token.text, "coordinator") and key not in full:
                key = word_key(token.text[1:])
            ids = full.get(key)
            if ids and len(ids) > 1:
                # ليو وي بينغ typed Leader after his title and Person where the model found him: one person
                named = {i.split(":", 1)[-1] for i in ids}
                leaders = [i for i in ids if i.startswith(ROLE.leader.lower() + ":")]
                ids = set(leaders[:1]) if len(named) == 1 and leaders else ids
            if not ids or len(ids) != 1 or token.i < first_at[key]:
                continue
            if self.lex.is_common(token.text) or len(normalize_letters(token.text)) <= self.short_name:
                prev = word_key(doc[token.i - 1].text) if token.i > 0 else ""
                prev = prev[1:] if prev[:1] in ("و", "ف") and prev[1:] in before else prev
                nxt = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
                if prev not in before or (word_key(nxt) not in after and nxt not in after):
                    continue
            (pid,) = ids
            new.append((token.i, token.i + 1, pid))
        return new

    def refer_by_family_name(self, doc: Doc) -> None:
        """Add the references ``family_name_refs`` finds."""
        for start, end, pid in self.family_name_refs(doc):
            kind = self.lex.entries[pid].entity.type if pid in self.lex.entries else ROLE.leader
            add_ref(doc, start, end, kind, pid, "title")
