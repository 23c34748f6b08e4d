"""Argument attachment shared by the relation finders (issue 8, class 6): who a relation's
subject is when the sentence does not name it next to the trigger. The words are data
(``data/lexicon/boundaries_attachment.tsv``).

- Agreement: a verb agrees in gender with a subject standing before it (SVO), so a masculine
  verb's subject before it is no country or city (زار ميرضيائيف بكين، ووقع اتفاقية: Mirziyoyev signs,
  not Beijing); a verb's gender is read from its prefix or suffix (يبني، تبني، بنى، بنت).
- A subject carried on: a verb with no subject in its sentence (pro-drop: ووقع خلال الزيارة اتفاقية،
  كما بنت محطة …، وسيزور أيضا مدينة …) has the subject of the sentence before, the first mention
  there that is no object of a preposition and agrees with the verb.
- His country: بلاده، بلادنا، دولته (``own_country``) is the country of the person the sentence is
  about (its first leader, or a title with its nisba), else of the one the sentence before is
  about (وقال رئيس الوزراء الكازاخي إن بلاده ستبني …: Kazakhstan); component ``silk_own_country``
  adds it as a reference for every relation finder.
- An agent phrase: a trigger with no subject and an agent phrase after it in its clause (من قبل،
  من جانب، بواسطة، على يد) has the mentions after the phrase as its subjects (ووقعت الاتفاقية من
  قبل الصين وكازاخستان).
- Asides: a stretch between commas opened by a preposition, a relative or an apposition (، في إطار
  مبادرة …،) stands apart from its clause: a trigger inside it does not end the objects of a trigger
  before it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from silkgraph.extract.doc_state import REFS, add_ref, init_state
from silkgraph.extract.lexicon import Lexicon, Trigger, lexicon_for, roles
from silkgraph.extract.relation_args import VERB_KINDS, Arg, TriggerHit, leader_country
from silkgraph.normalize import clitics, has_article, normalize_letters, phrase_key, word_key

ROLE = roles()
CARRIED = 0.8  # confidence factor of a subject carried on from the sentence before
CARRIED_RELATIONS = ("visited", "signed", "builds")
TOPIC_TYPES = (ROLE.leader, ROLE.country, ROLE.organization)
ASIDE_MAX = 14  # the longest aside between two commas, in tokens
COMMAS = ("،", ",")
MASCULINE, FEMININE = "m", "f"


def verbal_noun_shape(letters: str) -> bool:
    """A verb row's verbal noun (إنشاء، افتتاح، تشييد، مصادقة), by the shapes of the derived
    forms' verbal nouns: a long a before the last root letter after a first alif, a ya there after
    a first ta, or a first mim.

    >>> [verbal_noun_shape(w) for w in ("انشاء", "افتتاح", "تشييد", "مصادقه", "افتتح", "تبني", "مولت")]
    [True, True, True, True, False, False, False]
    """
    return len(letters) >= 5 and ((letters[0] == "ا" and letters[-2] == "ا") or (letters[0] == "ت" and letters[-2] == "ي")
                                  or letters[0] == "م")


def verb_gender(text: str, trigger: Trigger) -> str:
    """The gender a singular verb agrees with ("m", "f"), "" for a dual, a plural or a noun.

    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> lex = lexicon_for()
    >>> [verb_gender(w, lex.trigger_for(w)[0]) for w in ("ووقع", "وقعت", "ستبني", "يبني", "بنتها", "وقعا", "توجه", "إنشاء")]
    ['m', 'f', 'f', 'm', 'f', '', 'm', '']
    """
    if trigger.kind not in VERB_KINDS:
        return ""
    letters = normalize_letters(text)
    if letters[:1] in clitics()["conjunctions"] and trigger.pattern.match(letters[1:]):
        letters = letters[1:]
    for pronoun in clitics()["pronouns"]:
        if letters.endswith(pronoun) and len(letters) > len(pronoun) + 2 and trigger.pattern.match(letters[:-len(pronoun)]):
            letters = letters[:-len(pronoun)]
            break
    if letters.endswith(("ون", "وا", "ان", "تا")) or letters.endswith("ا") or verbal_noun_shape(letters):
        return ""
    if letters[:1] == "س" and trigger.pattern.match(letters[1:]):
        letters = letters[1:]
    if letters[:1] == "ي":
        return MASCULINE
    if letters[:1] == "ت" and trigger.pattern.match(letters[1:]):
        return FEMININE
    return FEMININE if letters.endswith("ت") else MASCULINE


def mention_gender(doc: Doc, arg: Arg) -> str:
    """The gender a mention takes its verb in: a leader masculine, a country or a city feminine, an
    organisation that of its head (شركة، وزارة: feminine; البنك: masculine); "" when unknown.

    >>> import spacy
    >>> doc = spacy.blank("ar")("قال البنك إن شركة هواوي")
    >>> mention_gender(doc, Arg(1, 2, "org:x", "Organization", "name")), mention_gender(doc, Arg(3, 5, "org:y", "Organization", "name"))
    ('m', 'f')
    """
    if arg.type in (ROLE.leader, ROLE.person):
        return MASCULINE
    if arg.type in (ROLE.country, ROLE.city):
        return FEMININE if arg.kind != "nisba" else ""
    if arg.type == ROLE.organization and arg.kind == "name" and (arg.end - arg.start > 1 or has_article(doc[arg.start].text)):
        return FEMININE if normalize_letters(doc[arg.start].text).endswith("ه") else MASCULINE
    return ""


def agrees(gender: str, doc: Doc, arg: Arg) -> bool:
    """Whether a verb of ``gender`` may have ``arg`` as its subject ("" agrees with anything)."""
    other = mention_gender(doc, arg)
    return not gender or not other or gender == other


class ArgumentAttachment:
    """Subjects carried on, agreement, agent phrases and asides; a mixin of ``RelationExtractor``,
    whose helpers (``chain``, ``subject_types``, ``clause_bounds``) it uses.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("ووصل الرئيس الكازاخي قاسم جومارت توكاييف إلى بكين. ووقع خلال زيارته اتفاقية للتعاون في مجال النقل.")
    >>> sorted({r.source_id for r in doc._.silk_found if r.type == "signed"})
    ['country:KZ', 'leader:kassym-jomart-tokayev']
    """

    lex: Lexicon

    def init_attachment(self, lex: Lexicon) -> None:
        self.not_topic_after = lex.words("not_topic_after")
        self.aside_open = lex.words("aside_open")
        self.agent_phrase = lex.words("agent_phrase")
        self.carry_openers = lex.words("carry_opener")
        self.during = lex.words("during")
        self._topics: dict[int, list[Arg]] = {}
        self._asides: list[tuple[int, int]] = []  # the Doc's asides, in text order

    # -- the sentence before ---------------------------------------------------------------------
    def begin_attachment(self, doc: Doc, args_by_sentence: dict[int, list[Arg]]) -> None:
        """Remember, for every sentence, the mentions the sentence before is about (its topics)."""
        self._topics = {}
        self._asides = []
        previous: list[Arg] = []
        for sent in doc.sents:
            self._topics[sent.start] = previous
            self._asides += self.asides(doc, sent)
            own = self.topics(doc, args_by_sentence.get(sent.start, []))
            previous = own or previous[:0]
        # a sentence with no topic of its own passes none on: a subject is carried one sentence

    def topics(self, doc: Doc, args: list[Arg]) -> list[Arg]:
        """What a sentence is about: its mentions of a leader, country or organisation that stand
        behind no preposition, in text order."""
        out = []
        for a in args:
            if a.type not in TOPIC_TYPES or a.kind == "nisba":
                continue
            first = doc[a.start]
            if a.start > 0 and word_key(doc[a.start - 1].text) in self.not_topic_after:
                continue
            if first.norm_ != word_key(first.text) and normalize_letters(first.text)[:1] in clitics()["prepositions"]:
                continue  # بالصين، لكازاخستان
            out.append(a)
        return out

    def carried_subjects(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[Arg]:
        """The subject of a verb that has none in its sentence: the first topic of the sentence
        before that agrees with the verb and may be its subject."""
        if hit.trigger.kind not in VERB_KINDS or hit.trigger.relation not in CARRIED_RELATIONS:
            return []
        types = self.subject_types(hit)
        if not self.opens_sentence(doc, sent, hit.i) or any(a.type in types for a in args if a.end <= hit.i):
            return []
        gender = verb_gender(doc[hit.i].text, hit.trigger)
        if not gender:
            return []
        topic = next((a for a in self._topics.get(sent.start, []) if a.type in types and agrees(gender, doc, a)), None)
        return [topic] if topic is not None else []

    def lone_carried(self, doc: Doc, sent: Span, args: list[Arg], hits: list[TriggerHit],
                     found: list) -> list:
        """A sentence naming one mention, the object of a visit or a building verb whose subject
        the sentence before gives (وسيزور أيضا مدينة شيان، كما بنت محطة …)."""
        out = []
        asides = self.asides(doc, sent)
        for n, hit in enumerate(hits):
            if hit.trigger.relation not in ("visited", "builds") or any(r.start == hit.i for r in found) \
                    or not self.carried_subjects(doc, sent, args, hit):
                continue
            next_other = self.next_outside(hits, n, asides, sent.end)
            got = self.generic(doc, sent, args, hit, next_other)
            out += self.building(doc, sent, args, hit, got, next_other) if hit.trigger.relation == "builds" else got
        return out

    def opens_sentence(self, doc: Doc, sent: Span, i: int) -> bool:
        """Whether the verb at ``i`` is its sentence's first: only openers (كما، ثم، وقد) before it,
        perhaps after a lead-in up to a comma (وخلال الزيارة، …)."""
        start = sent.start
        first = word_key(doc[start].text) if start < i else ""
        if first and (first in self.during or first in self.aside_open or first[1:] in self.during | self.aside_open):
            comma = next((k for k in range(i - 1, start, -1) if doc[k].text in COMMAS), None)
            start = comma + 1 if comma is not None else start
        return all(t.is_punct or t.is_space or word_key(t.text) in self.carry_openers for t in doc[start:i])

    # -- agreement -------------------------------------------------------------------------------
    def agreeing(self, doc: Doc, hit: TriggerHit, candidates: list[Arg]) -> list[Arg]:
        """The candidates before a verb that agree with it (all of them for a noun)."""
        gender = verb_gender(doc[hit.i].text, hit.trigger)
        return [a for a in candidates if agrees(gender, doc, a)]

    # -- agent phrases ---------------------------------------------------------------------------
    def agent_subjects(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[Arg]:
        """من قبل / من جانب / بواسطة / على يد after the trigger in its clause: the mentions after it."""
        _, right = self.clause_bounds(doc, sent, hit.i)
        types = self.subject_types(hit)
        for k in range(hit.i + 1, min(right, sent.end) - 1):
            key = word_key(doc[k].text)
            if key == "من" or key == "علي":
                phrase = word_key(doc[k + 1].text)
                if phrase not in self.agent_phrase or (key == "علي") != (phrase == "يد"):
                    continue
                at = k + 2
            elif key in self.agent_phrase and key.startswith("ب"):
                at = k + 1
            else:
                continue
            first = next((a for a in args if a.start == at and a.type in types and a.kind != "nisba"), None)
            if first is not None:
                return self.chain(doc, args, first, types, forward=True)
        return []

    # -- asides ----------------------------------------------------------------------------------
    def asides(self, doc: Doc, sent: Span) -> list[tuple[int, int]]:
        """The (start, end) tokens of every aside of the sentence, its commas included."""
        commas = [t.i for t in sent if t.text in COMMAS]
        out = []
        for a, b in zip(commas, commas[1:]):
            if 1 < b - a <= ASIDE_MAX and word_key(doc[a + 1].text) in self.aside_open:
                out.append((a, b + 1))
        return out

    def behind_aside(self, i: int, arg: Arg) -> bool:
        """Whether ``arg`` stands in an aside that opens after token ``i`` (no object of a trigger at i)."""
        return any(i < s <= arg.start < e for s, e in self._asides)

    def next_outside(self, hits: list[TriggerHit], n: int, asides: list[tuple[int, int]], end: int) -> int:
        """Where the next trigger of another relation than hit ``n``'s stands, a trigger in an aside
        after hit ``n`` not counted (``end`` when there is none)."""
        hit = hits[n]
        for other in hits[n + 1:]:
            if other.trigger.relation == hit.trigger.relation:
                continue
            if any(s <= other.i < e and s > hit.i for s, e in asides):
                continue
            return other.i
        return end


# -- component silk_own_country ----------------------------------------------------------------
@Language.factory("silk_own_country", default_config={"gazetteer_dir": "", "lexicon_dir": ""})
def make_own_country(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str):
    """بلاده as a reference to the country of the person a sentence is about (see the module docstring).

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وقال رئيس الوزراء الكازاخي إن بلاده ستبني خط السكة الحديد بين ألماتي وأستانا.")
    >>> [(r.text, r.kb_id_) for r in doc.spans["refs"] if r.id_ == "anaphor"]
    [('بلاده', 'country:KZ')]
    """
    return OwnCountry(lexicon_for(gazetteer_dir, lexicon_dir))


class OwnCountry:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.words = lex.words("own_country")
        self.not_topic_after = lex.words("not_topic_after")
        self.title_keys = {w for t in lex.titles for w in phrase_key(t.title_ar).split()}

    def own_word(self, token: Token) -> bool:
        letters = normalize_letters(token.text)
        cl = clitics()
        for strip in (0, 1, 2):
            if letters[strip:] in self.words and all(c in cl["conjunctions"] + cl["prepositions"] for c in letters[:strip]):
                return True
        return False

    def person_country(self, doc: Doc, sent: Span, before: int) -> str:
        """The country of the first person named in ``sent`` before token ``before`` (behind no
        preposition): a leader's, or a title's nisba (رئيس الوزراء الكازاخي)."""
        taken = {k for e in doc.ents for k in range(e.start, e.end)}
        for e in sorted([*doc.ents, *doc.spans[REFS]], key=lambda s: s.start):
            if not (sent.start <= e.start and e.end <= before):
                continue
            if e.start > 0 and word_key(doc[e.start - 1].text) in self.not_topic_after:
                continue
            if e.label_ == ROLE.leader and e.kb_id_ and e.id_ != "nisba":
                return leader_country(self.lex, doc, e.kb_id_)
            if e.id_ == "nisba" and e.label_ == ROLE.country and e.start not in taken and e.start > 0 \
                    and doc[e.start - 1].norm_ in self.title_keys:
                return e.kb_id_
        return ""

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        taken = {k for e in doc.ents for k in range(e.start, e.end)}
        previous = ""
        for sent in doc.sents:
            own = self.person_country(doc, sent, sent.end)
            for t in sent:
                if t.i in taken or not self.own_word(t):
                    continue
                country = self.person_country(doc, sent, t.i) or previous
                if country:
                    add_ref(doc, t.i, t.i + 1, ROLE.country, country, "anaphor")
            previous = own
        return doc
