"""Component ``silk_gazetteer``: names from the gazetteers, and nisba adjectives.

Matches every Arabic alias on ``token.norm_`` (set by ``silk_normalizer``), so spelling variants
and proclitics are folded. Longer matches win; on a tie the type order below decides. Weak
aliases (شي for Xi Jinping) count only after a title or in an article that gives the full name
(before them, for a surname that is an ordinary word). Nisba adjectives (الكازاخي) become
references to their country in ``doc.spans["refs"]``. A known person written another way (صادير
جباروف for صدير جاباروف) is found word by word on ``translit_key`` and keeps the gazetteer's id,
English label and Wikidata id; a region, by the other forms of its name (``place_variants``).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from silkgraph.extract.doc_state import add_ref, init_state, make_span
from silkgraph.extract.lexicon import roles, Lexicon, lexicon_for
from silkgraph.extract.surface import strip_proclitics
from silkgraph.normalize import normalize_letters, opens_with, phrase_key, strip_clitics, translit_key
from silkgraph.extract.normalizer import known_words_of
from silkgraph.extract.org_variants import name_variants
from silkgraph.extract.place_variants import region_variants

ROLE = roles()


@lru_cache(maxsize=200_000)
def variant_key(text: str, keep_vowels: bool = False) -> str:
    """``translit_key`` of a word without the proclitics glued to it (وصدير -> صدير), cached:
    the variant pass looks up every token."""
    return translit_key(strip_proclitics(text), keep_vowels)


def word_keys(text: str) -> set[tuple[str, bool]]:
    """The keys a name's first word is looked up by: with and without what reads as a proclitic
    (a name's own first letter may: فلادمير is no ف + لادمير), each loose and strict (vowels kept)."""
    return {(key(text, strict), strict) for strict in (False, True) for key in (variant_key, translit_key)}


def pattern_doc(nlp: Language, phrase: str, known: frozenset[str]) -> Doc:
    """A Doc whose NORM values are keyed as ``silk_normalizer`` keys article text."""
    doc = nlp.make_doc(phrase)
    for token in doc:
        token.norm_ = strip_clitics(token.text, known) if not token.is_punct else token.text
    return doc


@Language.factory("silk_gazetteer", default_config={"gazetteer_dir": "", "lexicon_dir": "", "weak_window": 3,
                                                    "min_country_key": 5, "strict_variant_countries": ["CN"],
                                                    "min_surname_letters": 5, "family_name_first": ["CN"]})
def make_gazetteer(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, weak_window: int,
                   min_country_key: int, strict_variant_countries: list[str], min_surname_letters: int,
                   family_name_first: list[str]):
    """The gazetteer component: names of the gazetteer tables as ``doc.ents``, after ``silk_normalizer``.

    >>> import spacy, silkgraph.extract.normalizer  # the component it follows
    >>> nlp = spacy.blank("ar")
    >>> _ = nlp.add_pipe("silk_normalizer"), nlp.add_pipe("silk_gazetteer")
    >>> [(e.text, e.label_, e.kb_id_) for e in nlp("التقى وزير خارجية أذربيجان نظيره وطشقند").ents]
    [('أذربيجان', 'Country', 'country:AZ'), ('وطشقند', 'City', 'city:tashkent-uz')]
    """
    return GazetteerMatcher(nlp, lexicon_for(gazetteer_dir, lexicon_dir), weak_window, min_country_key,
                            set(strict_variant_countries), min_surname_letters, set(family_name_first))


class GazetteerMatcher:
    def __init__(self, nlp: Language, lex: Lexicon, weak_window: int, min_country_key: int = 5,
                 strict_countries: set[str] = frozenset({"CN"}), min_surname_letters: int = 5,
                 family_name_first: set[str] = frozenset({"CN"})):
        self.lex = lex
        self.min_surname_letters = min_surname_letters
        self._name_like: dict[tuple[str, str], bool] = {}  # (text, norm) -> name_like
        self.family_name_first = family_name_first
        self.weak_window = weak_window
        known = known_words_of(lex)
        self.strong = PhraseMatcher(nlp.vocab, attr="NORM")
        self.weak = PhraseMatcher(nlp.vocab, attr="NORM")
        self.ids_by_key: dict[str, list[str]] = {}
        strong_forms: dict[str, set[str]] = {}
        weak_forms: dict[str, set[str]] = {}
        for entry in lex.entries.values():
            eid = entry.entity.id
            for form in (entry.entity.label_ar, *entry.aliases_ar):
                if form:
                    strong_forms.setdefault(eid, set()).add(form)
            for form in entry.weak_aliases_ar:
                weak_forms.setdefault(eid, set()).add(form)
        for eid, forms in name_variants(lex).items():  # شركة النفط … for مؤسسة النفط …
            strong_forms.setdefault(eid, set()).update(forms)
        for eid, forms in region_variants(lex).items():  # إقليم سغد for ولاية صغد, القوقاز الجنوبي
            strong_forms.setdefault(eid, set()).update(forms)
        for matcher, forms in ((self.strong, strong_forms), (self.weak, weak_forms)):
            for eid, phrases in forms.items():
                matcher.add(eid, [pattern_doc(nlp, p, known) for p in sorted(phrases)])
        # people by the transliteration key of each word of each full name (صدر جباروف ~ صدير جاباروف),
        # and countries by the key of a long one-word name (قازقستان ~ قازاقستان). Chinese people's
        # names are keyed with their vowels: their short syllables differ by little else (وانغ تشي
        # شان is not وانغ تشيوان)
        self.variants: dict[tuple[str, bool], list[tuple[tuple[str, ...], str]]] = {}
        person_types = self.person_types = (ROLE.leader, ROLE.person)
        for entry in lex.entries.values():
            kind = entry.entity.type
            if kind not in person_types and kind != ROLE.country:
                continue
            strict = kind in person_types and entry.country in strict_countries
            for form in {entry.entity.label_ar, *entry.aliases_ar}:
                words = tuple(translit_key(w, strict) for w in form.split())
                if not all(words):
                    continue
                if (kind in person_types and len(words) >= 2) or (
                        kind == ROLE.country and len(words) == 1 and len(words[0]) >= min_country_key
                        and not opens_with(form, "article")):  # الهند ~ الهندي, السعودية ~ السيادة
                    self.variants.setdefault((words[0], strict), []).append((words, entry.entity.id))
        self.title_words = {phrase_key(t.title_ar).split()[-1] for t in lex.titles}
        self.nisba = lex.nisba
        rank = {t: i for i, t in enumerate(lex.type_priority)}
        self.rank = lambda eid: rank.get(lex.entries[eid].entity.type, len(rank))

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        vocab_strings = doc.vocab.strings
        candidates = []
        seen_ids: dict[str, int] = {}  # entity id -> first token where its full name occurs
        for match_id, start, end in self.strong(doc):
            eid = vocab_strings[match_id]
            candidates.append((start, end, eid, "gazetteer"))
            seen_ids.setdefault(eid, start)
        for match_id, start, end in self.weak(doc):
            eid = vocab_strings[match_id]
            # a surname that is an ordinary word (رئيسي "main") needs the full name before it; one
            # that is not may come first, in a headline (شي يصل إلى أستانا … الرئيس شي جين بينغ)
            common = end - start == 1 and self.lex.is_common(doc[start].text)
            after_title = not common and any(
                doc[i].norm_ in self.title_words for i in range(max(0, start - self.weak_window), start))
            if self.other_nations_body(doc, end, eid):
                continue  # مجلس الأمن الروسي: Russia's council, not the one the short form names
            if after_title or seen_ids.get(eid, len(doc)) < start or (not common and eid in seen_ids):
                candidates.append((start, end, eid, "gazetteer"))
        exact = {i for s, e, _, _ in candidates for i in range(s, e)}
        candidates.extend(self.variant_matches(doc, exact))
        candidates.extend(self.later_surnames(doc, candidates))
        # longest first, then by type priority, then (a name two places share: جلال آباد) the place
        # whose country the article names; filter_spans keeps the first of overlapping spans
        spans_seen: set[tuple[int, int]] = set()
        shared = any((s, e) in spans_seen or spans_seen.add((s, e)) for s, e, _, _ in candidates)
        named = self.countries_named(doc, candidates) if shared else set()  # most articles: no name two share
        candidates.sort(key=lambda c: (-(c[1] - c[0]), self.rank(c[2]), c[0],
                                       f"country:{self.lex.entries[c[2]].country}" not in named))
        spans = [make_span(doc, s, e, self.lex.entries[eid].entity.type, eid, src)
                 for s, e, eid, src in candidates]
        kept = filter_spans(spans)
        doc.ents = filter_spans(list(doc.ents) + kept)
        taken = {i for span in doc.ents for i in range(span.start, span.end)}
        for token in doc:
            key = token.norm_
            # صينيا: the accusative of an indefinite nisba (مجمعا صناعيا صينيا); روسيا the country is taken
            country = self.nisba.get(key) or (self.nisba.get(key[:-1]) if key.endswith("يا") else None)
            if country and token.i not in taken and country in self.lex.entries:
                add_ref(doc, token.i, token.i + 1, ROLE.country, country, "nisba")
        return doc

    def countries_named(self, doc: Doc, candidates: list[tuple[int, int, str, str]]) -> set[str]:
        """The countries the article names, by name or by nisba (القيرغيزي)."""
        named = {eid for _, _, eid, _ in candidates if self.lex.entries[eid].entity.type == ROLE.country}
        return named | {c for c in (self.nisba.get(t.norm_) for t in doc) if c}

    def other_nations_body(self, doc: Doc, end: int, eid: str) -> bool:
        """Whether the body a short form names (``eid``, ending at token ``end``) is followed by the
        nationality of another country (مجلس الأمن الروسي, not the UN's): another nation's body."""
        entry = self.lex.entries[eid]
        if entry.entity.type != ROLE.organization or end >= len(doc):
            return False
        country = self.nisba.get(doc[end].norm_)
        return bool(country) and country != self.lex.country_of(eid)

    def variant_matches(self, doc: Doc, exact: set[int]) -> list[tuple[int, int, str, str]]:
        """Known people written another way: every word of a full name matched on its
        ``translit_key``, so the variant gets the gazetteer's id (its English label, Wikidata id).
        Only over words no exact name took that are no common words (إلى بكين is not علي باباجان)."""
        found = []
        for i, token in enumerate(doc):
            if not self.name_like(token):
                continue
            # a name's own first letter may read as a proclitic (فلادمير is no ف + لادمير)
            options = [(o, strict) for key, strict in word_keys(token.text) for o in self.variants.get((key, strict), ())]
            if not options:
                continue
            for (words, eid), strict in options:
                if len(words) == 1 and opens_with(strip_proclitics(token.text), "article"):
                    continue  # a one-word country written without the article (الكوادر is no الإكوادور)
                end = i + len(words)
                # a name may begin with another known name (نور سلطان نزاربييف: the city's name
                # first), but a variant needs a word of its own beyond what exact names took
                if end <= len(doc) and any(k not in exact for k in range(i, end)) \
                        and all(self.name_like(doc[i + k]) and translit_key(doc[i + k].text, strict) == w
                                for k, w in enumerate(words[1:], 1)) \
                        and (i not in exact or self.lex.entries[eid].entity.type in self.person_types):
                    found.append((i, end, eid, "variant"))
        return found

    def later_surnames(self, doc: Doc, candidates: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """A known person's family name alone after their full name, in the spelling the article
        gave the full name or any other (أكيلبيك جباروف … وأشار جباروف: the gazetteer writes
        جاباروف): the same person. One candidate person per spelling key; two with one key, none."""
        first_at: dict[str, tuple[int, str]] = {}  # surname key -> (end of the first full name, id)
        ambiguous: set[str] = set()
        for start, end, eid, _ in candidates:
            if end - start < 2 or self.lex.entries[eid].entity.type not in self.person_types:
                continue
            family_first = self.lex.entries[eid].country in self.family_name_first
            key = variant_key(doc[start if family_first else end - 1].text)
            if key in first_at and first_at[key][1] != eid:
                ambiguous.add(key)
            elif key not in first_at or end < first_at[key][0]:
                first_at[key] = (end, eid)
        if not first_at:
            return []
        taken = {i for s, e, _, _ in candidates for i in range(s, e)}

        def alone(i: int) -> bool:  # not a word of another, unknown name (تشانغ of تشانغ ده جيانغ)
            return not (0 <= i < len(doc)) or i in taken or not self.name_like(doc[i])

        found = []
        for token in doc:
            if token.i in taken or not self.name_like(token):
                continue
            key = variant_key(token.text)
            long_enough = len(normalize_letters(strip_proclitics(token.text))) >= self.min_surname_letters
            # (a short word is a syllable many names share: شي، لي، وانغ)
            if long_enough and key in first_at and key not in ambiguous and first_at[key][0] <= token.i \
                    and alone(token.i - 1) and alone(token.i + 1):
                found.append((token.i, token.i + 1, first_at[key][1], "variant"))
        return found

    def name_like(self, token) -> bool:
        """A word that may be part of a name: no number, no common word, no nisba."""
        if token.is_punct or token.like_num:
            return False
        key = (token.text, token.norm_)
        known = self._name_like.get(key)
        if known is None:  # every token is asked, twice or more: the answer depends on its text alone
            if len(self._name_like) > 200_000:
                self._name_like.clear()
            known = self._name_like[key] = not self.lex.is_common(strip_proclitics(token.text)) \
                and token.norm_ not in self.nisba
        return known
