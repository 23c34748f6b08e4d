"""Pieces of agreement names the whole articles showed (a mixin of ``AgreementRules``,
``extract/agreements.py``):

- a document named by its kind keeps what describes it as printed too (بيانا مشتركا حول …): the
  label is the base form (بيان مشترك حول …), the alias the article's own words;
- a headline tells what was done in the present tense (أوزبكستان والصين توقعان اتفاقيات بقيمة …):
  documents its verb of the present signs are signed;
- a purpose of supply goes on with where the goods go (عقدا لتوريد الغاز الروسي إلى الصين);
- a head after بأنها and its kin (وصفها بأنها «وثيقة تاريخية …») says what something is called:
  no document;
- the parties of a document go on across a body's head glued to و (بين شركة سينوبك وشركة …);
- a document named by its kind keeps its parties after بين in a form, also where the patterns
  named them only after it (``later_parties``); bodies named by a head of their own after بين
  (اتفاقية بين شركة كازموناي غاز وشركة سينوبك لبناء …) are its parties where the gazetteer knows
  them (``headed_bodies``);
- ل glued to a plural noun in construct (لحاملي جوازات السفر، لمواطني البلدين) goes on with the
  name: it says whom the document is for, as a purpose (لتطوير …) says what for.
"""
from __future__ import annotations

from spacy.tokens import Doc

from silkgraph.extract.lexicon import roles
from silkgraph.extract.surface import strip_proclitics
from silkgraph.normalize import has_article, normalize_letters, opens_with, word_key

ROLE = roles()
PARTY_TYPES = (ROLE.country, ROLE.organization, ROLE.city)
QUOTE_MARKS = ('"', "«", "“", "„")
CONSTRUCT_ENDING = "ي"  # a sound masculine plural in construct: حاملي، مواطني، مستثمري
MIN_CONSTRUCT_LETTERS = 4  # letters of such a noun after ل (not لكي، لدي)
CONSTRUCT_WORDS = 4  # words of the construct after it, at most


class AgreementForms:
    """See the module docstring.

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> [e.text for e in nlp("ووقع الجانبان اتفاقية بشأن الإعفاء من التأشيرات لحاملي الجوازات الخاصة.").ents]
    ['اتفاقية بشأن الإعفاء من التأشيرات لحاملي الجوازات الخاصة']
    """

    def headline_signing(self, doc: Doc, token) -> bool:
        """A signing verb of the present in the headline (أوزبكستان والصين توقعان اتفاقيات …): a
        headline tells what was done in the present tense, so the documents are signed."""
        sent = token.sent
        if sent.start != 0 or sent.end >= len(doc) or not any("\n" in t.text for t in doc[sent.end - 1:sent.end + 1]):
            return False  # not the first line, or no line after it: no headline
        trigger = self.lex.trigger_for(token.text)
        letters = normalize_letters(token.text)
        future = any(letters.startswith(p) or letters[1:].startswith(p) for p in self.lex.words("future_prefix"))
        return trigger is not None and trigger[0].relation == "signed" and trigger[0].kind == "verb" \
            and not future and not any(self.in_words(t, "planned") for t in sent)

    def destination_after(self, doc: Doc, purpose: int, end: int) -> int:
        """Past إلى and a place after a document's purpose of supply (عقدا لتوريد الغاز الروسي إلى
        الصين، اتفاقية لتصدير القمح إلى الصين): where the goods go is part of what it is for."""
        letters = normalize_letters(doc[purpose].text) if purpose < len(doc) else ""
        if not (purpose < end < len(doc) - 1 and opens_with(letters, "lam") and letters[1:] in self.lex.words("supply")
                and self.in_words(doc[end], "destination")):
            return end
        place = self.ent_at(doc, end + 1, (ROLE.country, ROLE.city, ROLE.region))
        return place.end if place is not None else end

    def described_as(self, doc: Doc, start: int) -> bool:
        """Whether the head at ``start`` says what something is called (وصف المعاهدة بأنها «وثيقة
        تاريخية …»، بوصفها اتفاقية نموذجية): after بأنها and its kin, perhaps behind a quote."""
        k = start - 1
        if k >= 0 and doc[k].is_punct and doc[k].text in QUOTE_MARKS:
            k -= 1
        return k >= 0 and self.in_words(doc[k], "described_as")

    def party_list(self, doc: Doc, i: int, types: tuple[str, ...]) -> tuple[list, int]:
        """``entity_list`` from token ``i``, going on across a body's head glued to و before the next
        party (بين شركة سينوبك وشركة كازموناي غاز، … ومجموعة السكك الحديدية …): the head is the next
        party's, not the end of the list."""
        found, end = self.entity_list(doc, i, types)
        while found and end + 1 < len(doc) and opens_with(normalize_letters(doc[end].text), "coordinator") \
                and word_key(doc[end].text[1:]) in self.body_head_words():
            more, more_end = self.entity_list(doc, end + 1, types)
            if not more:
                break
            found, end = found + more, more_end
        return found, end

    def headed_bodies(self, doc: Doc, i: int) -> tuple[list, int]:
        """Two known bodies or more from token ``i`` on, each perhaps after a head of its own the
        gazetteer's name leaves out and a nisba, joined by و (بين شركة كازموناي غاز وشركة سينوبك،
        بين شركة هواوي الصينية و…): their spans and where they end; fewer than two, none."""
        k, spans = i, []
        while k < len(doc):
            known = self.ent_at(doc, k, (ROLE.organization,))
            letters = normalize_letters(doc[k].text)
            head = letters[1:] if spans and opens_with(letters, "coordinator") else letters
            if known is None and word_key(head) in self.body_head_words():
                known = self.ent_at(doc, k + 1, (ROLE.organization,))  # شركة كازموناي غاز: a known name after its head
            if known is None:
                break  # (a body the patterns name only later: its document is named as before)
            spans.append(known)
            k = known.end
            nisba = self.nisba_at(doc, k) if k < len(doc) else None
            k = nisba.end if nisba is not None else k  # شركة هواوي الصينية: its country's nisba
            if k + 1 < len(doc) and doc[k].text == "و":
                k += 1
            elif not (k < len(doc) and opens_with(normalize_letters(doc[k].text), "coordinator")
                      and word_key(doc[k].text[1:]) in self.body_head_words()):
                break
        return (spans, spans[-1].end) if len(spans) >= 2 else ([], i)

    def body_head_words(self) -> set[str]:
        """The first words of the organisations' heads (شركة، مجموعة، وزارة …), once per matcher."""
        if getattr(self, "_body_heads", None) is None:
            self._body_heads = {h.words[0] for h in self.lex.heads if h.type == ROLE.organization}
        return self._body_heads

    def later_parties(self, doc: Doc, built_all: list) -> list:
        """A document named by its kind with its parties after بين that the patterns named only after
        it (مذكرة تفاهم بين وزارة التعليم الكازاخستانية وجامعة بكين): that form too, with the parties."""
        parties = {s.start: s.end for s in doc.ents if s.label_ in PARTY_TYPES}
        parties.update({b.start: b.end for b in built_all if b.entity.type in PARTY_TYPES})
        for b in built_all:
            if b.entity.type != ROLE.agreement or b.end + 2 >= len(doc) or doc[b.end].norm_ not in self.between:
                continue
            k, count = b.end + 1, 0
            while k in parties:
                k, count = parties[k], count + 1
                if k + 1 < len(doc) and doc[k].text == "و" and k + 1 in parties:
                    k += 1
            if count >= 2:
                b.aliases = [*b.aliases, self.printed_form(doc, b.start, k)]
        return built_all

    @staticmethod
    def printed_form(doc: Doc, start: int, end: int) -> str:
        """The words of ``doc[start:end]`` as printed, without the proclitics of the first (ووقع
        بيانا مشتركا … -> بيانا مشتركا …)."""
        first = doc[start]
        word = strip_proclitics(first.text, key=first.norm_)
        if not first.text.endswith(word):
            word = first.text
        return word + doc[start:end].text[len(first.text):]

    def construct_after_lam(self, doc: Doc, j: int) -> bool:
        """Whether token ``j`` is ل and a plural noun in construct with the definite word after it
        (لحاملي جوازات السفر، لمواطني البلدين): more of the name, not the clause around it."""
        letters = normalize_letters(doc[j].text)
        if not opens_with(letters, "lam") or opens_with(letters, "lam_article") or j + 1 >= len(doc):
            return False
        rest = letters[1:]
        following = doc[j + 1]
        return len(rest) >= MIN_CONSTRUCT_LETTERS and rest.endswith(CONSTRUCT_ENDING) and not has_article(rest) \
            and following.ent_iob_ != "B" and (has_article(following.text) or self.in_construct(doc, j + 1))

    def construct_end(self, doc: Doc, j: int) -> int:
        """The end of the construct ``construct_after_lam`` found at ``j``: its noun, the definite
        words after it (لحاملي جوازات السفر الدبلوماسية), at most ``CONSTRUCT_WORDS``."""
        k = j + 1
        while k < len(doc) and k - j <= CONSTRUCT_WORDS and doc[k].ent_iob_ != "B" and not doc[k].is_punct \
                and (k == j + 1 or has_article(doc[k].text, prepositions=False)) and not self.is_stop(doc[k]):
            k += 1
        return k

    @staticmethod
    def in_construct(doc: Doc, k: int) -> bool:
        """An indefinite noun with a definite one after it (جوازات السفر): a construct of its own."""
        return k + 1 < len(doc) and not has_article(doc[k].text) and has_article(doc[k + 1].text) \
            and not doc[k].is_punct and not doc[k].like_num
