"""Component ``silk_gazetteer``: names from the gazetteers, and nisba adjectives.

Matches every Arabic alias on ``token.norm_`` (set by ``silk_normalizer``), so spelling variants
and proclitics are folded. Longer matches win; on a tie the type order below decides. Weak
aliases (شي for Xi Jinping) count only after a title or once the full name occurred in the
article. Nisba adjectives (الكازاخي) become references to their country in ``doc.spans["refs"]``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from extract.doc_state import add_ref, init_state, make_span
from extract.lexicon import roles, Lexicon, lexicon_for
from silkgraph.normalize import phrase_key, strip_clitics
from extract.normalizer import known_words_of

ROLE = roles()


def pattern_doc(nlp: Language, phrase: str, known: frozenset[str]) -> Doc:
    """A Doc whose NORM values are keyed as ``silk_normalizer`` keys article text."""
    doc = nlp.make_doc(phrase)
    for token in doc:
        token.norm_ = strip_clitics(token.text, known) if not token.is_punct else token.text
    return doc


@Language.factory("silk_gazetteer", default_config={"gazetteer_dir": "", "lexicon_dir": "", "weak_window": 3})
def make_gazetteer(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, weak_window: int):
    """The gazetteer component: names of the gazetteer tables as ``doc.ents``, after ``silk_normalizer``.

    >>> import spacy, extract.normalizer  # the component it follows
    >>> nlp = spacy.blank("ar")
    >>> _ = nlp.add_pipe("silk_normalizer"), nlp.add_pipe("silk_gazetteer")
    >>> [(e.text, e.label_, e.kb_id_) for e in nlp("التقى وزير خارجية أذربيجان نظيره وطشقند").ents]
    [('أذربيجان', 'Country', 'country:AZ'), ('وطشقند', 'City', 'city:tashkent-uz')]
    """
    return GazetteerMatcher(nlp, lexicon_for(gazetteer_dir, lexicon_dir), weak_window)


class GazetteerMatcher:
    def __init__(self, nlp: Language, lex: Lexicon, weak_window: int):
        self.lex = lex
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
        for matcher, forms in ((self.strong, strong_forms), (self.weak, weak_forms)):
            for eid, phrases in forms.items():
                matcher.add(eid, [pattern_doc(nlp, p, known) for p in sorted(phrases)])
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
            after_title = any(doc[i].norm_ in self.title_words
                              for i in range(max(0, start - self.weak_window), start))
            if after_title or seen_ids.get(eid, len(doc)) < start:
                candidates.append((start, end, eid, "gazetteer"))
        # longest first, then by type priority; filter_spans keeps the first of overlapping spans
        candidates.sort(key=lambda c: (-(c[1] - c[0]), self.rank(c[2]), c[0]))
        spans = [make_span(doc, s, e, self.lex.entries[eid].entity.type, eid, src)
                 for s, e, eid, src in candidates]
        kept = filter_spans(spans)
        doc.ents = filter_spans(list(doc.ents) + kept)
        taken = {i for span in doc.ents for i in range(span.start, span.end)}
        for token in doc:
            country = self.nisba.get(token.norm_)
            if country and token.i not in taken and country in self.lex.entries:
                add_ref(doc, token.i, token.i + 1, ROLE.country, country, "nisba")
        return doc
