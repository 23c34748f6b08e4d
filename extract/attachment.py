"""Argument attachment shared by the relation finders (issue 8, class 6): who a relation's
subject is when the sentence does not name it next to the trigger. The words are data
(``data/lexicon/boundaries_attachment.tsv``).

- Agreement: a verb agrees in gender with a subject standing before it (SVO), so a masculine
  verb's subject before it is no country or city (زار ميرضيائيف بكين، ووقع اتفاقية: Mirziyoyev signs,
  not Beijing); a verb's gender is read from its prefix or suffix (يبني، تبني، بنى، بنت).
- A subject carried on: a verb with no subject in its sentence (pro-drop: ووقع خلال الزيارة اتفاقية،
  كما بنت محطة …، وسيزور أيضا مدينة …) has the subject of the sentence before, the first mention
  there that is no object of a preposition and agrees with the verb; not when the verb does not
  open its sentence or a subject no entity names follows it (ويوقع زعماء الدول …).
- His country: بلاده، بلادنا، دولته is the country of the person the sentence is about (وقال رئيس
  الوزراء الكازاخي إن بلاده ستبني …: Kazakhstan): component ``silk_own_country``
  (``extract/own_country.py``) adds it as a reference for every relation finder.
- An agent phrase: a trigger with no subject and an agent phrase after it in its clause (من قبل،
  من جانب، بواسطة، على يد) has the mentions after the phrase as its subjects (ووقعت الاتفاقية من
  قبل الصين وكازاخستان).
- Asides: a stretch between commas opened by a preposition, a relative or an apposition (، في إطار
  مبادرة …،) stands apart from its clause: a trigger inside it does not end the objects of a trigger
  before it, and what it names is none of them; nor does a verbal noun behind a glued ب
  (وتبني الشركة بالشراكة مع شركة … الطريق).
- Coordination: كل من / كلا من opens coordinated subjects or objects (ووقع كل من الصين وقرغيزستان، زار
  كلا من …: من there is no origin); a mention behind a glued preposition right after another is not
  coordinated with it (ستبني الصين لأوزبكستان …); a word for both sides followed by their names
  (الرئيسان شي … وتوكاييف) names them.
- Links: the corridor of يربط across an aside, after the verb or behind a pronoun; a place's role on a
  corridor (``extract/attachment_links.py``).
- Antecedents: an attached pronoun points back to a work before an initiative of its sentence.
- A trip to a facility goes to the place it stands in (وصل إلى مطار ماناس الدولي في بيشكيك).
- More signers: the side after مع signs with signers any rule found (ووقعت الحكومة الكازاخية اتفاقية …
  مع الصين), and a counterpart named by his nisba (… ونظيره الكازاخي) for his country.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.attachment_links import LinkAttachment
from silkgraph.extract.surface import COMMAS
from silkgraph.extract.doc_state import FoundRelation, doc_words
from silkgraph.extract.lexicon import Lexicon, Trigger, roles
from silkgraph.extract.officials import feminine_holder
from silkgraph.extract.relation_args import VERB_KINDS, Arg, TriggerHit, in_words, leader_country
from silkgraph.normalize import clitics, has_article, normalize_letters, word_key

ROLE = roles()
CARRIED = 0.8  # confidence factor of a subject carried on from the sentence before
CARRIED_RELATIONS = ("visited", "signed", "builds")
TOPIC_TYPES = (ROLE.leader, ROLE.country, ROLE.organization)
ASIDE_MAX = 14  # the longest aside between two commas, in tokens
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
    if text.endswith("ة"):
        return FEMININE  # حلت فلانة ضيفة على …: a word with the ta marbuta is no verb; feminine
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
    """The gender a mention takes its verb in: a leader masculine (feminine after a feminine
    title: ``silkgraph.extract.officials``), a country or a city feminine, an
    organisation that of its head (شركة، وزارة: feminine; البنك: masculine); "" when unknown.

    >>> import spacy
    >>> doc = spacy.blank("ar")("قال البنك إن شركة هواوي")
    >>> mention_gender(doc, Arg(1, 2, "org:x", "Organization", "name")), mention_gender(doc, Arg(3, 5, "org:y", "Organization", "name"))
    ('m', 'f')
    """
    if arg.type in (ROLE.leader, ROLE.person):
        return FEMININE if arg.kind == "name" and feminine_holder(doc, arg.start) else MASCULINE
    if arg.type in (ROLE.country, ROLE.city):
        return FEMININE if arg.kind != "nisba" else ""
    if arg.type == ROLE.organization and arg.kind == "name" and (arg.end - arg.start > 1 or has_article(doc[arg.start].text)):
        return FEMININE if normalize_letters(doc[arg.start].text).endswith("ه") else MASCULINE
    return ""


def behind_ba(text: str, trigger: Trigger) -> bool:
    """A trigger word with a glued ب (بالشراكة، بمشاركة، ببناء; not بناء).

    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> [behind_ba(w, lexicon_for().trigger_for(w)[0]) for w in ("بالشراكة", "ببناء", "بناء", "الشراكة")]
    [True, True, False, False]
    """
    letters = normalize_letters(text)
    return letters[:1] == "ب" and trigger.pattern.match(letters[1:]) is not None


def agrees(gender: str, doc: Doc, arg: Arg) -> bool:
    """Whether a verb of ``gender`` may have ``arg`` as its subject ("" agrees with anything)."""
    other = mention_gender(doc, arg)
    return not gender or not other or gender == other


class ArgumentAttachment(LinkAttachment):
    """Subjects carried on, agreement, agent phrases, asides, coordination, antecedents and more
    signers (see the module docstring); a mixin of ``RelationExtractor``, whose helpers (``chain``,
    ``subject_types``, ``clause_bounds``, ``partners``, ``before_place``) it uses.

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
        self.corridor_anaphors = lex.words("corridor_anaphor")
        self.pronoun_subjects = lex.words("pronoun_subject")
        self.demonstratives = lex.words("demonstrative")
        self.each_of_words = lex.words("each_of")
        self.counterparts = lex.words("counterpart")
        self.named_subjects = lex.words("named_subject")
        self.role_links = lex.words("role_link")
        self.lies_on = lex.words("lies_on")
        self.corridor_roles = lex.words("corridor_role") | self.lies_on  # a new set: the lexicon's is shared
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
            # a sentence with no topic of its own passes none on: a subject is carried one sentence
            previous = self.topics(doc, args_by_sentence.get(sent.start, []))

    def topics(self, doc: Doc, args: list[Arg]) -> list[Arg]:
        """What a sentence is about: its mentions of a leader, country or organisation that stand
        behind no preposition, in text order."""
        out = []
        for a in args:
            if a.type not in TOPIC_TYPES or a.kind == "nisba":
                continue
            if a.start > 0 and word_key(doc[a.start - 1].text) in self.not_topic_after:
                continue
            if self.behind_glued_preposition(doc, a):
                continue  # بالصين، لكازاخستان
            out.append(a)
        return out

    def carried_subjects(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[Arg]:
        """The subject of a verb that has none in its sentence: the first topic of the sentence
        before that agrees with the verb and may be its subject."""
        if hit.trigger.kind not in VERB_KINDS or hit.trigger.relation not in CARRIED_RELATIONS:
            return []
        types = self.subject_types(hit)
        if not self.opens_sentence(doc, sent, hit.i) or any(a.type in types for a in args if a.end <= hit.i) \
                or (self.subject_named_after(doc, sent, hit.i) and not self.visits.the_delegation(doc, sent, hit)) \
                or self.agent_at(doc, sent, hit) >= 0:
            return []
        if self.visits.the_delegation(doc, sent, hit):  # ثم توجه الوفد إلى …: of one who visited before
            types = {r.source_id for r in doc.user_data.get("silk_found_so_far", ()) if r.type == "visited"}
            topic = next((a for a in self._topics.get(sent.start, []) if a.id in types), None)
            return [topic] if topic is not None else []
        gender = verb_gender(doc[hit.i].text, hit.trigger)
        if not gender:
            return []
        topic = next((a for a in self._topics.get(sent.start, []) if a.type in types and agrees(gender, doc, a)), None)
        return [topic] if topic is not None else []

    def carried_possessor(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[Arg]:
        """Whose visit a visit noun with a pronoun is (وجاءت تصريحاته خلال زيارته إلى بيشكيك) when its
        sentence names no one who may make it: the first topic of the sentence before that agrees
        with the pronoun (ـه a man, a country or city ـها)."""
        if hit.trigger.relation != "visited" or hit.trigger.kind in VERB_KINDS or not hit.pronoun:
            return []
        types = self.subject_types(hit)
        if any(a.type in types and a.kind != "nisba" for a in args):
            return []
        gender = FEMININE if normalize_letters(doc[hit.i].text).endswith("ها") else MASCULINE
        topic = next((a for a in self._topics.get(sent.start, []) if a.type in types and agrees(gender, doc, a)), None)
        return [topic] if topic is not None else []

    def lone_carried(self, doc: Doc, sent: Span, args: list[Arg], hits: list[TriggerHit],
                     found: list[FoundRelation]) -> list[FoundRelation]:
        """A sentence naming one mention, the object of a visit or a building verb whose subject
        the sentence before gives (وسيزور أيضا مدينة شيان، كما بنت محطة …، خلال زيارته إلى بيشكيك)."""
        out = []
        asides = self.asides(doc, sent)
        for n, hit in enumerate(hits):
            if hit.trigger.relation not in ("visited", "builds") or any(r.start == hit.i for r in found) \
                    or (hit.trigger.relation == "visited" and self.visits.corridor_travels(doc, sent, args, hit.i)) \
                    or not (self.carried_subjects(doc, sent, args, hit) or self.carried_possessor(doc, sent, args, hit)):
                continue
            next_other = self.next_outside(doc, hits, n, asides, sent.end)
            got = self.generic(doc, sent, args, hit, next_other)
            out += self.building(doc, sent, args, hit, got, next_other) if hit.trigger.relation == "builds" else got
        return out

    def subject_named_after(self, doc: Doc, sent: Span, i: int) -> bool:
        """Whether the verb at ``i`` has a subject no entity names right after it (adverbs aside):
        ويوقع زعماء الدول …، ووقع الوزير …"""
        k = i + 1
        while k < sent.end and doc[k].norm_ in self.adverbs:
            k += 1
        return k < sent.end and doc[k].ent_iob_ == "O" and (doc[k].norm_ in self.named_subjects
                                                             or word_key(doc[k].text) in self.named_subjects)

    def opens_sentence(self, doc: Doc, sent: Span, i: int) -> bool:
        """Whether the verb at ``i`` is its sentence's first: only openers (كما، ثم، وقد) before it,
        perhaps after a lead-in up to a comma (وخلال الزيارة، …)."""
        start = sent.start
        first = word_key(doc[start].text) if start < i else ""
        if first and (first in self.during or first in self.aside_open or first[1:] in self.during | self.aside_open):
            comma = next((k for k in range(i - 1, start, -1) if doc[k].text in COMMAS), None)
            start = comma + 1 if comma is not None else start
        return all(t.is_punct or t.is_space or word_key(t.text) in self.carry_openers for t in doc[start:i])

    def each_of(self, doc: Doc, k: int) -> bool:
        """Whether token ``k`` is of كل من, which opens coordinated subjects (ووقع كل من الصين وقرغيزستان)."""
        key = word_key(doc[k].text)
        if key in self.each_of_words:
            return k + 1 < len(doc) and word_key(doc[k + 1].text) == "من"
        return key == "من" and k > 0 and word_key(doc[k - 1].text) in self.each_of_words

    @staticmethod
    def behind_glued_preposition(doc: Doc, arg: Arg) -> bool:
        """Whether a mention's first word carries a glued ب، ل or ك (لأوزبكستان، بالصين)."""
        first = doc[arg.start]
        return normalize_letters(first.text)[:1] in clitics()["prepositions"] and first.norm_ != word_key(first.text)

    def apposed_sides(self, doc: Doc, args: list[Arg], k: int, leaders: bool) -> list[str]:
        """The sides a word for both at token ``k`` names right after it (الرئيسان شي جين بينغ وقاسم
        جومارت توكاييف، البلدان الصين وكازاخستان): their ids, a leader's country for ``leaders`` False;
        [] unless two at least are named."""
        types = {ROLE.leader, ROLE.country}
        first = next((a for a in args if k < a.start <= k + 2 and a.type in types and a.kind != "nisba"
                      and all(doc[j].norm_ in self.title_keys or doc[j].norm_ in self.lex.nisba for j in range(k + 1, a.start))),
                     None)
        if first is None:
            return []
        sides = [a.id if leaders or a.type != ROLE.leader else leader_country(self.lex, doc, a.id)
                 for a in self.chain(doc, args, first, types, forward=True)]
        sides = [s for s in dict.fromkeys(sides) if s]
        return sides if len(sides) >= 2 else []

    @staticmethod
    def antecedents(candidates: list[Arg]) -> list[Arg]:
        """What an attached pronoun may point back to: a work (a project, a corridor) before an
        initiative the sentence names too (يأتي المشروع في إطار مبادرة الحزام والطريق، وتموله الصين)."""
        works = [a for a in candidates if a.type in (ROLE.project, ROLE.corridor)]
        return works or candidates

    def more_signers(self, doc: Doc, args: list[Arg], hit: TriggerHit, found: list[FoundRelation]) -> list[FoundRelation]:
        """Who else signs what ``found`` says was signed at ``hit``: the side after مع, whoever found
        the signers (ووقعت الحكومة الكازاخية اتفاقية … مع الصين), and a counterpart named by a nisba
        (ووقع وزير الخارجية الصيني وانغ يي ونظيره الكازاخي على …: Kazakhstan)."""
        mine = [r for r in found if r.start == hit.i]
        if not mine:
            return []
        sources, targets = {r.source_id for r in mine}, {r.target_id for r in mine}
        signers = [a for a in args if a.id in sources]
        documents = [a for a in args if a.id in targets]
        extra = [a.id for a in self.partners(doc, args, signers, documents, hit)] if signers else []
        extra += [n.id for a in signers if (n := self.counterpart_nisba(doc, args, a)) is not None]
        have = {(r.source_id, r.target_id) for r in found}
        out = []
        for side in dict.fromkeys(extra):
            for document in targets:
                if side != document and (side, document) not in have:
                    out.append(FoundRelation("signed", side, document, hit.i, hit.i + 1, doc[hit.i].text,
                                             round(mine[0].confidence * 0.9, 3)))
        return out

    def counterpart_nisba(self, doc: Doc, args: list[Arg], arg: Arg) -> Arg | None:
        """ونظيره الكازاخي right after a mention: the counterpart's country, by its nisba."""
        k = arg.end
        if k >= len(doc) or not in_words(doc[k].text, self.counterparts):
            return None
        k += 1
        while k < len(doc) and doc[k].norm_ in self.title_keys and k < arg.end + 4:
            k += 1
        return next((a for a in args if a.start == k and a.kind == "nisba" and a.type == ROLE.country), None)

    def facility_destination(self, doc: Doc, args: list[Arg], place: Arg) -> bool:
        """وصل إلى مطار ماناس الدولي في بيشكيك / بالعاصمة القرغيزية بيشكيك: the place a facility (or a
        gathering) a trip goes to stands in (after في or a glued ب) is where the trip goes."""
        k = self.before_place(doc, place)
        glued = [j for j in (place.start, k + 1, k) if 0 < j < len(doc) and normalize_letters(doc[j].text)[:1] == "ب"
                 and doc[j].norm_ != word_key(doc[j].text)]  # ببيشكيك، بالعاصمة القرغيزية بيشكيك
        if glued:
            end = glued[0]
        elif k > 0 and word_key(doc[k].text) == "في":
            end = k
        else:
            return False
        # (or a gathering: وصل إلى قمة منظمة شانغهاي في تيانجين)
        facility = next((a for a in args if a.end == end and a.type in (ROLE.project, ROLE.event)), None)
        return facility is not None and facility.start > 0 \
            and word_key(doc[facility.start - 1].text) in self.destination_words

    # -- agreement -------------------------------------------------------------------------------
    def agreeing(self, doc: Doc, hit: TriggerHit, candidates: list[Arg]) -> list[Arg]:
        """The candidates before a verb that agree with it (all of them for a noun)."""
        gender = verb_gender(doc[hit.i].text, hit.trigger)
        return [a for a in candidates if agrees(gender, doc, a)]

    # -- agent phrases ---------------------------------------------------------------------------
    def agent_at(self, doc: Doc, sent: Span, hit: TriggerHit) -> int:
        """Where the agents of an agent phrase after the trigger in its clause start (من قبل، من
        جانب، بواسطة، على يد), or -1."""
        _, right = self.clause_bounds(doc, sent, hit.i)
        for k in range(hit.i + 1, min(right, sent.end) - 1):
            key = word_key(doc[k].text)
            if key in ("من", "علي"):
                phrase = word_key(doc[k + 1].text)
                if phrase in self.agent_phrase and (key == "علي") == (phrase == "يد"):
                    return k + 2
            elif key in self.agent_phrase and key.startswith("ب"):
                return k + 1
        return -1

    def agent_subjects(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[Arg]:
        """The agents of an agent phrase after the trigger: the mentions after it, or the two sides a
        word for both names (من قبل الجانبين، من قبل وزيري خارجية البلدين)."""
        at = self.agent_at(doc, sent, hit)
        if at < 0:
            return []
        types = self.subject_types(hit)
        first = next((a for a in args if a.start == at and a.type in types and a.kind != "nisba"), None)
        if first is not None:
            return self.chain(doc, args, first, types, forward=True)
        pair = next((j for j in range(at, min(sent.end, at + 3)) if word_key(doc[j].text) in self.pair_words), None)
        sides = self.sides_named_at(doc, args, pair, False) if pair is not None else None
        return [Arg(pair, pair + 1, side, ROLE.country, "anaphor") for side in sides or []]

    # -- asides ----------------------------------------------------------------------------------
    def asides(self, doc: Doc, sent: Span) -> list[tuple[int, int]]:
        """The (start, end) tokens of every aside of the sentence, its commas included."""
        words = doc_words(doc)
        commas = [k for k in range(sent.start, sent.end) if words[k] in COMMAS]
        out = []
        for a, b in zip(commas, commas[1:]):
            if 1 < b - a <= ASIDE_MAX and word_key(doc[a + 1].text) in self.aside_open:
                out.append((a, b + 1))
        return out

    def behind_aside(self, i: int, arg: Arg) -> bool:
        """Whether ``arg`` stands in an aside that opens after token ``i`` (no object of a trigger at i)."""
        return any(i < s <= arg.start < e for s, e in self._asides)

    def next_outside(self, doc: Doc, hits: list[TriggerHit], n: int, asides: list[tuple[int, int]], end: int) -> int:
        """Where the next trigger of another relation than hit ``n``'s stands, a trigger in an aside
        after hit ``n`` not counted (``end`` when there is none)."""
        hit = hits[n]
        for other in hits[n + 1:]:
            # … سيزور الصين وإن … سيزور روسيا: a visit's places end where the next visit verb begins
            again = hit.trigger.relation == "visited" and other.trigger.kind in VERB_KINDS
            # … شيدت شركة … مصنع …، وأنشأت شركة … مصنعا …: a building verb after a comma opens a clause of its own
            again = again or (hit.trigger.relation == "builds" and hit.trigger.kind in VERB_KINDS
                              and other.trigger.kind in VERB_KINDS and doc[other.i - 1].text in "،,")
            if (other.trigger.relation == hit.trigger.relation and not again) \
                    or any(s <= other.i < e and s > hit.i for s, e in asides):
                continue
            if hit.trigger.kind in VERB_KINDS and other.trigger.kind == "noun" and behind_ba(doc[other.i].text, other.trigger):
                continue  # وتبني الشركة بالشراكة مع شركة … الطريق: a verbal noun behind a preposition
            if other.trigger.kind == "noun" and other.i > hit.i + 1 and normalize_letters(doc[other.i].text)[:1] == "و" \
                    and doc[other.i - 1].ent_type_ in self.subject_types(hit):
                continue  # وزار لي تشيانغ وأعضاء الوفد أوزبكستان: a noun coordinated with the subject
            return other.i
        return end
