"""Component ``silk_name_runs``: people no table lists and the model missed, from name words.

Two to ``max_tokens`` words in a row, each a word of foreign person names (``name_words.txt``,
derived from Wikidata name labels by ``silkgraph.extract.tools.build_name_words``), that no earlier component
claimed, are a person (جيانغ يان، عسكر ميرزا أحمدوف). A leading و is allowed on the first word.
The titles component later makes such a person a leader when a title stands before it. A Chinese
name a finder left a syllable short is made whole (``silkgraph.extract.chinese_names``). Two words
or more that read as a name after what a person is called (``person_descriptor``: الخبير الاقتصادي
الكازاخي أيدار أمريبايف) are a person; a model's person of duals or plurals of common words is none.
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from silkgraph.extract.chinese_names import ChineseNames
from silkgraph.extract.doc_state import init_state
from silkgraph.extract.lexicon import LEXICON_DIR, Lexicon, lexicon_for, roles, word_list
from silkgraph.extract.verbs import load_verb_shapes
from silkgraph.normalize import has_article, normalize_letters, opens_with, relational_ending, word_key

ROLE = roles()


@Language.factory("silk_name_runs", default_config={"gazetteer_dir": "", "lexicon_dir": "", "min_tokens": 2,
                                                     "max_tokens": 4, "source": "names"})
def make_name_runs(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, min_tokens: int,
                   max_tokens: int, source: str):
    lex = lexicon_for(gazetteer_dir, lexicon_dir)
    stops = lex.words("name_stop") | lex.words("clause") | lex.words("relative")
    words = word_list((Path(lexicon_dir) if lexicon_dir else LEXICON_DIR) / "name_words.txt")
    return NameRuns(lex, words, stops, min_tokens, max_tokens, source, ChineseNames.of(lex, lexicon_dir))


class NameRuns:
    """People no earlier component found: runs of words of foreign person names.

    >>> from silkgraph.extract.pipeline import load_pipeline
    >>> "silk_name_runs" in load_pipeline().pipe_names
    True
    """

    def __init__(self, lex: Lexicon, words: frozenset[str], stops: set[str], min_tokens: int, max_tokens: int,
                 source: str, chinese: ChineseNames | None = None, model_source: str = "ner"):
        self.lex = lex
        self.chinese = chinese  # Chinese names the model or a run left a syllable short
        self.number_suffixes = lex.words("noun_number_suffix")
        self.descriptors = lex.words("person_descriptor")
        self.rank_degrees = lex.words("rank_degree")
        self.surname_types = (ROLE.city, ROLE.leader, ROLE.person)
        self.name_links = lex.words("name_link")
        self.model_source = model_source
        self.words = words
        self.stops = stops
        self.min_tokens = min_tokens
        self.max_tokens = max_tokens
        self.source = source
        self.verbs = load_verb_shapes() if chinese is not None else None  # the shapes of inflected verbs

    def unknown(self, doc: Doc, j: int) -> bool:
        token = doc[j]
        letters = normalize_letters(token.text)
        return token.ent_iob_ == "O" and not token.is_sent_start and not token.is_punct and not token.like_num \
            and not self.lex.is_common(token.text) and letters not in self.stops and not (opens_with(letters, "article") or opens_with(letters, "coordinator"))

    def name_word(self, text: str, first: bool) -> bool:
        letters = normalize_letters(text)
        if first and letters[:1] == "و" and letters[1:] in self.words:
            return True
        return letters in self.words and letters not in self.stops

    def verb_after_chinese(self, doc: Doc, i: int, j: int) -> bool:
        """Token ``j`` is no Mandarin syllable but has a verb's shape after a run of syllables from
        ``i`` (تشانغ أشرف على توقيع …: Zhang supervised): the verb, though a name too, is not this
        name's; a Chinese name is written in syllables."""
        if self.chinese is None or self.verbs is None or self.chinese.syllable(doc[j]):
            return False
        return all(self.chinese.syllable(t) for t in doc[i:j]) and self.verbs.is_verb(normalize_letters(doc[j].text))

    def after_descriptors(self, doc: Doc) -> list[Span]:
        """People after what they are called (``person_descriptor``: الخبير، المحلل، الدكتور) and its
        adjectives (الاقتصادي الكازاخي): two to ``max_tokens`` words that read as a name."""
        found = []
        for token in doc:
            if word_key(token.text) not in self.descriptors:
                continue
            k = token.i + 1
            while k < len(doc) and k - token.i <= 2 and word_key(doc[k].text) in self.rank_degrees:
                k += 1  # الفريق أول، اللواء الركن
            while k < len(doc) and k - token.i <= 3 and has_article(doc[k].text, prepositions=False) and (
                    doc[k].norm_ in self.lex.nisba or relational_ending(normalize_letters(doc[k].text))):
                k += 1  # الاقتصادي الكازاخي
            j = k
            while j < len(doc) and j - k < self.max_tokens and (self.unknown(doc, j) or (
                    j > k and word_key(doc[j - 1].text) in self.name_links and not doc[j].is_punct)):
                j += 1  # محمد بن عيد: the word after بن، عبد، أبو is the name's, whatever else it is
            while j > k and word_key(doc[j - 1].text) in self.name_links:
                j -= 1
            if j > k and j < len(doc) and j - k < self.max_tokens and self.known_surname(doc, j):
                j += 1  # المحلل أرمان [تشيمكنت]، اللواء عبد الرحيم [كريموف]: a family name a town or a known person also has
            if j - k >= self.min_tokens:
                found.append(Span(doc, k, j, label=ROLE.person, span_id=self.source))
        return found

    def known_surname(self, doc: Doc, j: int, people_only: bool = False) -> bool:
        """Token ``j`` is a one-word city or person of the gazetteer written bare (no ب، في or و glued
        to it), not followed by more of a name: after first names it is the family name of the person
        they name (الخبير أرمان تشيمكنت، اللواء عبد الرحيم كريموف), not the town nor the known person
        (إسلام كريموف) who has that family name too."""
        ent = next((e for e in doc.ents if e.start == j), None) if doc[j].ent_iob_ == "B" else None
        if ent is None or len(ent) != 1 or ent.label_ not in self.surname_types or ent.id_ != "gazetteer" \
                or (people_only and ent.label_ == ROLE.city):
            return False
        entry = self.lex.entries.get(ent.kb_id_)
        letters = normalize_letters(doc[j].text)
        return entry is not None and letters in {normalize_letters(a) for a in (entry.entity.label_ar, *entry.aliases_ar)} \
            and not (j + 1 < len(doc) and self.name_word(doc[j + 1].text, False))

    def inflected_common(self, span: Span) -> bool:
        """A model's person whose words are all common words, one at least in the dual or plural
        (صديقان حميمان "two close friends", شريكان موثوقان): no name. Words of foreign person
        names (عمران) are never such forms."""
        if span.id_ != self.model_source or span.label_ not in (ROLE.person, ROLE.leader) or span.kb_id_:
            return False
        inflected = False
        for token in span:
            letters = normalize_letters(token.text)
            if letters in self.words:
                return False
            if self.lex.is_common(token.text):
                continue
            if not any(letters.endswith(end) and len(letters) - len(end) >= 3 and self.lex.is_common(letters[:-len(end)])
                       for end in self.number_suffixes):
                return False
            inflected = True
        return inflected

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        found: list[Span] = []
        i = 0
        while i < len(doc):
            if doc[i].ent_iob_ != "O" or not self.name_word(doc[i].text, True):
                i += 1
                continue
            j = i + 1
            while j < len(doc) and j - i < self.max_tokens and doc[j].ent_iob_ == "O" \
                    and not doc[j].is_sent_start and self.name_word(doc[j].text, False) \
                    and not self.verb_after_chinese(doc, i, j):
                j += 1
            if j - i >= self.min_tokens and j - i < self.max_tokens and j < len(doc) and self.unknown(doc, j):
                j += 1  # وي فنغ خه: a last syllable no list has, when it is no common word
            elif j - i >= self.min_tokens and j - i < self.max_tokens and j < len(doc) and self.known_surname(doc, j, people_only=True):
                j += 1  # عبد الرحيم [كريموف]: two first names and a family name a known person has too
                # (a town after a name with no descriptor before it may be a verb's object: وزار ليو جيان شيان)
            if j - i >= self.min_tokens:
                found.append(Span(doc, i, j, label=ROLE.person, span_id=self.source))
            i = j
        found += self.after_descriptors(doc)
        ents = filter_spans(list(doc.ents) + found) if found else list(doc.ents)
        ents = [e for e in ents if not self.inflected_common(e)]
        if self.chinese is not None:
            ents = filter_spans(self.chinese.complete(doc, ents))
            more = self.chinese.find(doc, ents)
            ents = filter_spans(ents + more) if more else ents
        if found or ents != list(doc.ents):
            doc.ents = ents
        return doc
