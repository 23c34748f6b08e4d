"""Pieces of agreement names for ``silk_patterns``: a base of ``AgreementRules``
(``silkgraph.extract.agreements``), using the token tests of ``PatternMatcher``.

- Where a name ends: a verb of the past (… الضريبي دخلت حيز التنفيذ) opens the clause around it.
- A document named inside another's subject, after what is done to it (بروتوكول بشأن تعديل
  اتفاقية التعاون الجمركي، خطة عمل لتنفيذ معاهدة الصداقة): the name reads through it, and it is a
  document of its own (a mention inside the other's span).
- Two nisbas joined by a dash (الاتفاقية الصينية-الطاجيكية) are one complement.
- A head that is also an adjective (وثيقة: close) after a noun it describes (علاقات وثيقة) is none.
- The formal parts of a name: its field (في مجال …), the years it covers, its value (بقيمة …)
  and the governments behind its parties (بين حكومة … وحكومة …).

Word lists: ``data/lexicon/boundaries_documents.tsv`` (``document_action``, ``adjective_head``,
``described_noun``, ``past_suffix``) and ``boundaries_signing.tsv``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.built import YEAR, Built
from silkgraph.extract.lexicon import roles
from silkgraph.extract.verbs import load_verb_shapes
from silkgraph.normalize import clitic_candidates, clitics, has_article, normalize_letters, word_key

ROLE = roles()
DASHES = ("-", "–", "—")


class DocumentPhrases:
    """The pieces of agreement names; see the module docstring:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "silk_gazetteer", "silk_patterns")]
    >>> [e.text for e in nlp("ووقع الجانبان بروتوكولا بشأن تعديل اتفاقية النقل البري").ents]
    ['بروتوكولا بشأن تعديل اتفاقية النقل البري']
    """

    nesting = False  # building a document named inside another's name: the years after it are the other's

    def in_words(self, token, kind: str) -> bool:
        """The word, or the word without a proclitic (لتنفيذ، وبتعديل), is in the list ``kind``."""
        words = self.lex.words(kind)
        return any(word_key(c) in words for c in clitic_candidates(normalize_letters(token.text)))

    def past_verb(self, token) -> bool:
        """A known verb in a suffix of the past (دخلت، وقعتا، أعلنوا; no article, no prefix):
        the clause around a name begins."""
        if token.ent_iob_ != "O" or has_article(token.text) or token.like_num or token.is_punct:
            return False
        letters = normalize_letters(token.text)
        bases = [letters, letters[1:]] if letters[:1] in clitics()["conjunctions"] else [letters]
        stems = load_verb_shapes().stems
        return any(base.endswith(suffix) and base[:-len(suffix)] in stems
                   for base in bases for suffix in self.lex.words("past_suffix"))

    def nested_document(self, doc: Doc, i: int, j: int, works: list[Built] | None) -> int:
        """A document head at token j (past i) after a word for what is done to it (تعديل، لتنفيذ):
        where the document named there ends (built into ``works``), else j."""
        nested = self.match_head(doc, j)
        if nested is None or nested[0].type != ROLE.agreement or j <= i or doc[j - 1].ent_iob_ != "O" \
                or not self.in_words(doc[j - 1], "document_action"):
            return j
        self.nesting = True
        try:
            work = self.build(doc, j, *nested)
        finally:
            self.nesting = False
        if work is None:
            return nested[1]  # بشأن تعديل الاتفاقية: the one named before, read through
        if works is not None:
            works.append(work)
        return work.end

    def nisba_dash(self, doc: Doc, j: int) -> bool:
        """A dash at token j between two nisbas (الصينية-الطاجيكية)."""
        return doc[j].text in DASHES and j + 1 < len(doc) and self.nisba_at(doc, j + 1) is not None \
            and any(r.end == j for r in self.nisbas(doc).values())

    def described(self, doc: Doc, start: int, head) -> bool:
        """A head that is an adjective too (وثيقة: close) right after a noun it describes
        (علاقات وثيقة، العلاقات الوثيقة): no document."""
        return start > 0 and head.words[0] in self.lex.words("adjective_head") \
            and self.in_words(doc[start - 1], "described_noun")

    def governments(self, doc: Doc, i: int) -> tuple[list[Span], int]:
        """The countries behind their governments (بين حكومة جمهورية كازاخستان وحكومة جمهورية الصين
        الشعبية), as a formal title names the parties; and where they end."""
        found: list[Span] = []
        j = i
        while j + 1 < len(doc) and self.is_government(doc[j]):
            ent = self.ent_at(doc, j + 1, (ROLE.country,))
            if ent is None:
                break
            found.append(ent)
            j = ent.end
        return found, (found[-1].end if found else i)

    def is_government(self, token) -> bool:
        """حكومة، وحكومة، حكومتي: a word for the government a country signs through."""
        return any(word_key(c) in self.lex.words("government") for c in clitic_candidates(normalize_letters(token.text)))

    def owned(self, token) -> bool:
        """A noun in ة with an attached pronoun (قيمتها، مدتها): what follows says something of the
        documents (خمس اتفاقيات قيمتها مليارا دولار), it is not their name."""
        letters = normalize_letters(token.text)
        return any(letters.endswith(p) and len(letters) > len(p) + 1 for p in self.lex.words("owned_suffix"))

    def value_end(self, doc: Doc, i: int) -> int:
        """End of what documents are worth at token i (بقيمة ملياري دولار، بملياري دولار: up to the
        currency, a few words on), else i."""
        j = i + 1 if i < len(doc) and word_key(doc[i].text) in self.lex.words("value") else i
        for k in range(j, min(j + 4, len(doc))):
            if doc[k].is_punct or doc[k].ent_iob_ != "O" or self.clause_verb(doc[k]):
                break  # (اتفاقية يبلغ حجمها مليار دولار: what is said of it, not its name)
            if word_key(doc[k].text) in self.lex.words("currency"):
                return k + 1 if k > j or j > i else i
        return i

    def field(self, doc: Doc, i: int) -> int:
        """End of في مجال/مجالات + a noun phrase at token i (an agreement's field), else i."""
        if i + 2 < len(doc) and doc[i].norm_ == "في" and word_key(doc[i + 1].text) in self.lex.words("field"):
            end = self.complement(doc, i + 2)
            return end if end > i + 2 else i
        return i

    def period_end(self, doc: Doc, i: int) -> int:
        """The years a plan covers: حتى عام 2025، للأعوام 2013 – 2017، 2021-2025 (from token i, or
        from the period word the complement took last); i when there are none."""
        for k in (i - 1, i) if i > 0 else (i,):
            j = k
            if j < len(doc) and word_key(doc[j].text) in self.lex.words("period"):
                j += 1
                if j < len(doc) and word_key(doc[j].text) in self.lex.words("period"):
                    j += 1  # حتى عام
            if j < len(doc) and YEAR.match(doc[j].text):
                j += 1
                if j + 1 < len(doc) and doc[j].text in DASHES and YEAR.match(doc[j + 1].text):
                    j += 2
                if j > i:
                    return j
        return i
