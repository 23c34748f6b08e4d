"""Fragments for ``silk_patterns``: the words after a head that are no name of it, and the shorter
descriptions of a document or event an article has already named in full.

- An adjective after an indefinite head (مؤتمر صحفي، ميناء تجاري، متحفا مغربيا) or a place glued to
  ب/ك (قمة بالقاهرة، وثيقة بإثيوبيا) names nothing: ``adjective_after_head``, ``glued_preposition``.
- A described agreement or event whose words are all in one longer mention of the same head in the
  article (اتفاقية التعاون … اتفاقية تعاون بشأن مشاريع الرياح؛ اجتماع وزراء الخارجية … الاجتماع
  الخامس لوزراء خارجية …) is that one: ``same_described`` gives it its entity, so it is an alias.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from silkgraph.extract.built import Built
from silkgraph.extract.doc_state import DOC_SCOPE
from silkgraph.extract.lexicon import roles
from silkgraph.normalize import normalize_letters, word_key

ROLE = roles()
DESCRIBED_TYPES = (ROLE.agreement, ROLE.event)
COLLECTIVE = f"agreement:{DOC_SCOPE}:documents"  # documents named together: one node per article already


def apart_by_number(a: str, b: str) -> bool:
    """Two events whose ids end in different numbers or years (قمة … في تيانجين 2025، قمة … في
    بيشكيك 2026) are two, however their words overlap."""
    x, y = a.rsplit(":", 1)[-1], b.rsplit(":", 1)[-1]
    return a.startswith("event:") and b.startswith("event:") and x.isdigit() and y.isdigit() and x != y


class FragmentRules:
    """Fragment rules; see the module docstring. A mixin of ``silkgraph.extract.patterns.PatternMatcher``:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> doc = nlp("ووقع البلدان اتفاقية تعاون بشأن النقل البري. وتنص اتفاقية التعاون على فتح الطرق.")
    >>> len({e.kb_id_ for e in doc.ents if e.label_ == "Agreement"})
    1
    """

    def adjective_after_head(self, doc: Doc, head_end: int) -> bool:
        """Whether the unknown word after an indefinite head is its adjective, not a name: a vague
        adjective or one of a routine event (مؤتمر صحفي، إعلان رسمي), a masculine nisba (ميناء
        تجاري، مؤتمر إقليمي) or an accusative word after an accusative head (متحفا مغربيا، جناحا
        تابعا). Not a feminine one: it may be a name (محطة توانجيه) or the event itself (قمة افتراضية);
        nor a word in اي, which no nisba ends in and names do (مصنع أكتوجاي، ميناء تشينغهاي)."""
        if head_end >= len(doc) or doc[head_end].ent_iob_ != "O" or self.is_definite(doc[head_end]):
            return False
        token, letters = doc[head_end], normalize_letters(doc[head_end].text)
        if self.is_word(token, self.lex.words("vague_adjective") | self.lex.words("routine_adjective")):
            return True
        head = normalize_letters(doc[head_end - 1].text)
        if letters.endswith("ي") and self.unknown_word_after(doc, head_end + 1):
            return False  # منجم تالدي بولاك: a name of two words no list knows, not an adjective and a name
        if letters.endswith("اي"):
            return False  # نفق مرمراي: a foreign name in -ai; a nisba of a word in ا is written اوي
        return len(letters) >= 4 and (letters.endswith("ي") or (
            head.endswith("ا") and letters.endswith("ا") and not letters.endswith("اا")))

    def unknown_word_after(self, doc: Doc, k: int) -> bool:
        """A word at ``k`` no list knows, with no article or proclitic and no adjective's ending."""
        if k >= len(doc) or doc[k].ent_iob_ != "O" or not doc[k].text.isalpha():
            return False
        token, letters = doc[k], normalize_letters(doc[k].text)
        return not (self.lex.is_common(token.text) or self.is_definite(token) or self.is_stop(token)
                    or token.norm_ != word_key(token.text) or letters.endswith(("ي", "ا", "ه")))

    def glued_preposition(self, token: Token) -> bool:
        """ب or ك glued to the word (بالقاهرة، بإثيوبيا، كهذه; not بكين, whose ب is its own): a
        phrase of place or manner after a head, no name of it."""
        letters = normalize_letters(token.text)
        return letters[:1] in ("ب", "ك") and token.norm_ != word_key(token.text) \
            and word_key(token.text) not in self.lex.words("about") | self.lex.words("value")

    def same_described(self, doc: Doc, built_all: list[Built]) -> list[Built]:
        """A described agreement or event whose words (as keys) are all in exactly one longer
        mention of the same head word in the article takes that one's entity; its relations follow."""
        def words(b: Built) -> frozenset[str]:
            return frozenset(t.norm_ for t in doc[b.start:b.end] if not t.is_punct)

        described = [(b, words(b)) for b in built_all
                     if b.entity.type in DESCRIBED_TYPES and b.entity.id != COLLECTIVE]
        for b, mine in sorted(described, key=lambda x: len(x[1])):
            wider = {a.entity.id: a.entity for a, theirs in described
                     if a.entity.id != b.entity.id and a.entity.type == b.entity.type and mine < theirs
                     and doc[a.start].norm_ == doc[b.start].norm_
                     and not apart_by_number(a.entity.id, b.entity.id)}
            if len(wider) != 1:
                continue
            old, b.entity = b.entity.id, next(iter(wider.values()))
            b.relations = [(r, b.entity.id if s == old else s, b.entity.id if t == old else t, c)
                           for r, s, t, c in b.relations]
            if old in doc._.silk_joint:
                doc._.silk_joint.add(b.entity.id)
        return built_all
