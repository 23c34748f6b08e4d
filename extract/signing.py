"""Who signed what, where the verb-subject-object reading of ``silk_relations`` finds no party: a
mixin of ``RelationExtractor``, called for every ``signed`` trigger but the passive participle.

- The two sides named together (words ``pair`` in ``data/lexicon/boundaries_signing.tsv``): وقع
  البلدان، وقع الجانبان الصيني والقرغيزي (the nisbas after the word), else the two countries the
  article is about (the two it names most, by name, nisba or its leaders' titles); الرئيسان،
  الزعيمان (``pair_leader``) are the leaders of those two countries; الدول الثلاث، البلدان الأربعة
  (``sides_collective`` and a count) the article's three or four countries.
- Office holders named by their titles sign for the countries of their nisbas or after them (وقع
  كل من وزير الطاقة الكازاخستاني ووزير التجارة الصيني، وزيرا خارجية الصين وكازاخستان; ``signer_title``).
- A signing noun with no agent (تم التوقيع على …، جرى توقيع …) takes the parties after بين in its
  clause (… بين الصين وجورجيا; … بين البلدين: the article's two countries), else the sides of those
  in whose presence it was signed (``witness``: بحضور الرئيسين، شهد شي وتوكاييف توقيع …): a
  witness's country signs, not the witness; or those after من قبل (``agent``: وقعت اتفاقية … من قبل
  الصين وطاجيكستان).
- A decree (``agreement:decree:…``) is signed only by who is named before it (وقع الرئيس … مرسوما
  بشأن … مع الصين: not China).
- A witness phrase between the verb and the document (وقعت الصين وأوزبكستان في حضور الرئيسين
  اتفاقية) does not end the document's window.
- A document named by its head alone (وقع الجانبان على الاتفاقية، تم التوقيع على الوثيقة) is the
  last agreement the article named before.
- A signing word negated or refused (لم توقع، رفضت … التوقيع على …، عدم التوقيع) signs nothing.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from silkgraph.extract.agreements import DECREE_PREFIX
from silkgraph.extract.doc_state import REFS, FoundRelation
from silkgraph.extract.lexicon import Lexicon, roles
from silkgraph.extract.relation_args import Arg, TriggerHit, in_words, leader_country
from silkgraph.extract.signing_carry import SigningCarry
from silkgraph.normalize import has_article, opens_with, word_key

ROLE = roles()

# how far from a signing word the word for both sides or a witness may stand
PAIR_REACH = 3
WITNESS_REACH = 12
GOVERNMENT_REACH = 4  # how far from a signing verb a government among its signers may stand
SIDE_TITLE_REACH = 4  # how many words of a title may stand between a side and its signer's name
NEGATION_REACH = 3  # how far before a signing word a negation or refusal may stand (رفضت كازاخستان التوقيع)


def doc_sides(doc: Doc, lex: Lexicon, count: int = 2) -> list[str]:
    """The two (or ``count``) countries an article is about: those it names most (by name or nisba;
    a city counts half for its country), the first named first on a tie; fewer when it names fewer.

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "silk_gazetteer")]
    >>> doc_sides(nlp("زار الرئيس القرغيزي بكين. وقالت الصين إن روسيا وقرغيزستان شريكان."), lexicon_for())
    ['country:KG', 'country:CN']
    """
    line = doc._.silk_dateline if doc.has_extension("silk_dateline") else None
    documents = [(s.start, s.end) for s in doc.ents if s.label_ == ROLE.agreement]
    # a country a document's name holds is named too (اتفاقية لإنشاء خط السكة الحديد بين الصين وقرغيزستان)
    inner = [s for s in doc._.silk_inner or [] if any(a <= s.start < b for a, b in documents)] \
        if doc.has_extension("silk_inner") else []
    mentions = [(s.start, s.kb_id_, 1.0) for s in [*doc.ents, *inner] if s.label_ == ROLE.country and s.kb_id_]
    mentions += [(s.start, lex.country_of(s.kb_id_), 0.5) for s in doc.ents if s.label_ == ROLE.city and s.kb_id_]
    if REFS in doc.spans:
        mentions += [(r.start, r.kb_id_, 1.0) for r in doc.spans[REFS]
                     if r.id_ == "nisba" and r.label_ == ROLE.country]
    # a country named only in its leader's title (رئيس الوزراء الأوزبكي عبد الله أريبوف) counts too
    if doc.has_extension("silk_found") and doc._.silk_found:
        mentions += [(r.start, r.target_id, 1.0) for r in doc._.silk_found
                     if r.type == "leads" and r.target_id.startswith(f"{ROLE.country.lower()}:")]
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for k, country, weight in sorted(mentions):
        if country and (line is None or not (line.start <= k < line.end)):
            counts[country] += weight
            first.setdefault(country, k)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))[:count]


class SigningRelations(SigningCarry):
    """The signing rules; see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("زار الرئيس الأوزبكي بكين. ووقع البلدان على اتفاقية للتعاون في مجال الزراعة.")
    >>> sorted({(r.source_id, r.type) for r in doc._.silk_found if r.type == "signed"})
    [('country:CN', 'signed'), ('country:UZ', 'signed')]
    """

    def init_signing(self, lex: Lexicon) -> None:
        self.pair_words = lex.words("pair")
        self.pair_leader_words = lex.words("pair_leader")
        self.dual_titles = lex.words("dual_title")
        self.witness_words = lex.words("witness")
        self.negation_words = lex.words("negation") | lex.words("planned")  # not signed, or not yet
        self.signer_words = lex.words("signer_title")
        self.agent_words = lex.words("agent")
        self.side_words = lex.words("signing_side")
        self.place_prepositions = lex.words("place_preposition")
        self.document_heads = {h.words[0] for h in lex.heads if h.type == ROLE.agreement}
        self.between_words = lex.words("between")
        self.government_words = lex.words("government") | lex.words("side_government")
        self.init_signing_carry(lex)  # signers named before or after the document (extract/signing_carry.py)

    def signing(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, next_other: int) -> list[FoundRelation]:
        if self.negated(doc, sent, hit):
            return []  # لم توقع تركمانستان، رفضت … التوقيع على …: not signed
        found = self.signed_by(doc, sent, args, hit, next_other)
        found += self.more_signers(doc, args, hit, found)
        found += self.titled_partners(doc, args, hit, found)
        found += self.carried_signers(doc, sent, args, hit, found)
        found = self.witnessed_signers(doc, sent, args, hit, found)
        signed = self.sole_signers(doc, args, hit, found + self.government_signers(doc, sent, args, hit, found))
        signed = self.titled_bodies(doc, args, self.placed_signers(doc, args, signed))
        if hit.i + 1 < len(doc) and ((doc[hit.i + 1].ent_iob_ == "O" and (
                doc[hit.i + 1].norm_ in self.body_heads or doc[hit.i + 1].norm_ in self.lex.words("unnamed_signer_body")))
                or (hit.trigger.kind == "verb" and self.after_document(doc, args, hit))):
            # (ووقع محضر التسليم كل من الوزير فلان …: the signers named after the document, none before)
            # وقع مركز الدراسات … مذكرة: a body the verb names signs, though no name of it was found; no
            # one carried from before does
            here = {a.id for a in args if sent.start <= a.start < sent.end}
            signed = [r for r in signed if r.start != hit.i or r.source_id in here]
        return self.unwitnessed(doc, sent, args, hit, signed)

    def unwitnessed(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                    found: list[FoundRelation]) -> list[FoundRelation]:
        """A person or body named only after a word of presence following the signing verb (…، بحضور
        رئيس البلاد فلان ورئيس مجلس النواب فلان) watched the signing: no signer, where others sign."""
        w = next((k for k in range(hit.i + 1, sent.end) if in_words(doc[k].text, self.witness_words)), None)
        if w is None:
            return found
        before = {a.id for a in args if sent.start <= a.start < w}
        after = {a.id for a in args if a.start > w and a.type in (ROLE.leader, ROLE.organization)} - before
        kept = [r for r in found if r.start != hit.i or r.source_id not in after]
        return kept if any(r.start == hit.i for r in kept) else found

    def titled_bodies(self, doc: Doc, args: list[Arg], found: list[FoundRelation]) -> list[FoundRelation]:
        """A body named in a signer's title (ورئيس مجموعة "…" للنسيج فلان، نائب رئيس مجلس الدولة
        الصيني فلان) signs nothing of what the person named right after it signs."""
        people = {a.start: a.id for a in args if a.type in (ROLE.leader, ROLE.person) and a.kind != "nisba"}
        titled = {}
        for a in args:
            if a.type == ROLE.organization and a.kind != "nisba" and a.start > 0 \
                    and doc[a.start - 1].norm_ in self.title_keys:
                person = next((people[k] for k in range(a.end, a.end + 2) if k in people), None)
                if person is not None:
                    titled.setdefault(a.id, set()).add(person)
        if not titled:
            return found
        signs = {(r.source_id, r.target_id) for r in found}
        return [r for r in found if not any((p, r.target_id) in signs for p in titled.get(r.source_id, ()))]

    def titled_partners(self, doc: Doc, args: list[Arg], hit: TriggerHit, found: list[FoundRelation]) -> list[FoundRelation]:
        """A second signer named by a title and its nisba after a first one (ووقع وزير الخارجية الصيني
        وانغ يي ووزير الخارجية الكازاخستاني على …): the country of that nisba, and the person named
        after it, sign what the first one signs."""
        mine = [r for r in found if r.start == hit.i]
        starts = {a.start: a for a in args}
        have = {(r.source_id, r.target_id) for r in found}
        out = []
        for arg in [a for a in args if a.id in {r.source_id for r in mine}]:
            k = arg.end
            if k >= len(doc) or not opens_with(doc[k].text, "coordinator") or doc[k].norm_ not in self.title_keys:
                continue
            while k < len(doc) and doc[k].norm_ in self.title_keys and k < arg.end + 5:
                k += 1
            side = starts.get(k)
            if side is None or side.kind != "nisba" or side.type != ROLE.country:
                continue
            named = starts.get(k + 1)
            sides = [side.id] + ([named.id] if named is not None and named.type == ROLE.leader else [])
            out += [FoundRelation("signed", s, r.target_id, hit.i, hit.i + 1, doc[hit.i].text, round(r.confidence * 0.9, 3))
                    for s in sides for r in mine if r.source_id == arg.id and (s, r.target_id) not in have]
        return out

    def government_signers(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                           found: list[FoundRelation]) -> list[FoundRelation]:
        """A government named by its nisba among the signers next to the signing verb, in its clause
        (وقعت الحكومة الأوزبكية وبنك التصدير والاستيراد الصيني اتفاقية قرض …): its country signs
        what they sign (not where it is a title's: رئيس الحكومة القرغيزية)."""
        mine = [r for r in found if r.start == hit.i]
        if not mine or hit.trigger.kind != "verb":
            return []
        left, right = self.clause_bounds(doc, sent, hit.i)
        nisbas = {a.start: a.id for a in args if a.kind == "nisba" and a.type == ROLE.country}
        near = range(max(left, hit.i - GOVERNMENT_REACH), min(right - 1, hit.i + GOVERNMENT_REACH))
        sides = [nisbas[k + 1] for k in near if k + 1 in nisbas and k != hit.i and in_words(doc[k].text, self.government_words)
                 and not (k > 0 and doc[k - 1].norm_ in self.title_keys)]
        have = {(r.source_id, r.target_id) for r in found}
        return [FoundRelation("signed", side, r.target_id, hit.i, hit.i + 1, doc[hit.i].text, round(r.confidence * 0.9, 3))
                for side in dict.fromkeys(sides) for r in {r.target_id: r for r in mine}.values()
                if (side, r.target_id) not in have and side != r.target_id]

    def placed_signers(self, doc: Doc, args: list[Arg], found: list[FoundRelation]) -> list[FoundRelation]:
        """A city named after a preposition of place (نقلت العائلة إلى ناشفيل بعد أن أبرمت اتفاقا) is
        where, not who: it signs nothing."""
        placed = {a.id for a in args if a.type == ROLE.city and a.start > 0
                  and in_words(doc[a.start - 1].text, self.place_prepositions)}
        return [r for r in found if r.source_id not in placed]

    def sole_signers(self, doc: Doc, args: list[Arg], hit: TriggerHit, found: list[FoundRelation]) -> list[FoundRelation]:
        """A decree is signed by who issues it (وقع الرئيس … مرسوما بشأن … مع الصين): of its signers
        only those named before it; a party after it is what it is about, not a co-signer."""
        decrees = {a.id: a.start for a in args if a.id.startswith(DECREE_PREFIX) and a.start > hit.i}
        if not decrees:
            return found
        first = {}
        for a in args:
            first.setdefault(a.id, a.start)
        return [r for r in found if r.target_id not in decrees or first.get(r.source_id, 0) < decrees[r.target_id]]

    def signed_by(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, next_other: int) -> list[FoundRelation]:
        left, right = self.clause_bounds(doc, sent, hit.i)
        if next_other < right and (in_words(doc[next_other].text, self.witness_words) or (
                next_other > hit.i + 1 and in_words(doc[next_other - 1].text, self.during_words))):
            next_other = right  # في حضور الرئيسين، خلال الزيارة: the document may still follow
        pair = self.pair_subjects(doc, args, hit, left)
        if pair is None and self.pair_word_next_to(doc, hit, left):
            return []  # ذكرت وكالة … أن البلدين وقعا …: the two sides sign, not who reports it; unknown here
        if pair is None:
            got = self.generic(doc, sent, args, hit, next_other)
            if got:
                return got
        objects = self.objects(doc, args, hit, [], right, next_other) or self.referred_document(doc, hit)
        if not objects:
            return []
        confidence = round(hit.trigger.confidence * 0.85, 3)
        if pair is None:
            pair = self.titled_sides(doc, args, hit) or self.unnamed_signers(doc, sent, args, hit, right)
            if pair is None:
                return []
            confidence = round(confidence * 0.9, 3)
        return [FoundRelation("signed", s, o.id, hit.i, hit.i + 1, doc[hit.i].text, confidence)
                for s in pair for o in objects if s != o.id]

    def lone_signing(self, doc: Doc, sent: Span, args: list[Arg], hits: list[TriggerHit]) -> list[FoundRelation]:
        """A sentence naming one document and no party (ووقع البلدان على الاتفاقية …): its signers
        are the sides the article is about."""
        if not args or args[0].type != ROLE.agreement:
            return []
        return [r for hit in hits if hit.trigger.relation == "signed" and hit.trigger.kind != "passive"
                for r in self.signing(doc, sent, args, hit, sent.end)]

    def negated(self, doc: Doc, sent: Span, hit: TriggerHit) -> bool:
        """A word of negation or refusal shortly before the signing word, in its clause (لم توقع،
        لن يوقع، رفضت كازاخستان التوقيع، عدم التوقيع، دون توقيع), or of a signing planned (من
        المقرر أن توقع …)."""
        left, _ = self.clause_bounds(doc, sent, hit.i)
        return any(in_words(doc[k].text, self.negation_words) for k in range(max(left, hit.i - NEGATION_REACH), hit.i))

    # -- the two sides ----------------------------------------------------------------------------
    def pair_subjects(self, doc: Doc, args: list[Arg], hit: TriggerHit, left: int) -> list[str] | None:
        """البلدان / الجانبان الصيني والقرغيزي / الرئيسان next to the signing word: who they are."""
        near = [k for k in range(hit.i + 1, min(hit.i + 1 + PAIR_REACH, len(doc)))]
        near += [k for k in range(hit.i - 1, max(left, hit.i - PAIR_REACH) - 1, -1)]
        for k in near:
            key = word_key(doc[k].text)
            count = self.sides_count(doc, k)
            if count:  # وقعت الدول الثلاث …: the article's three countries
                sides = doc_sides(doc, self.lex, count)
                return sides if len(sides) == count else None
            if key in self.pair_words or key in self.pair_leader_words:
                witnessed = k > 0 and in_words(doc[k - 1].text, self.witness_words)  # شهد الرئيسان توقيع
                if not witnessed and key in self.pair_words and self.dual_title_before(doc, k):
                    # وزيرا خارجية البلدين فلان وفلان: the two named; unnamed, their countries (not
                    # the countries' leaders)
                    return self.apposed_sides(doc, args, k, True) or self.sides_named_at(doc, args, k, False)
                return self.sides_named_at(doc, args, k, key in self.pair_leader_words and not witnessed)
        return None

    def pair_word_next_to(self, doc: Doc, hit: TriggerHit, left: int) -> bool:
        """A word for both sides right before or after the signing word (البلدين وقعا، وقع الجانبان)."""
        near = [k for k in (hit.i - 1, hit.i + 1) if left <= k < len(doc)]
        return any(word_key(doc[k].text) in self.pair_words or word_key(doc[k].text) in self.pair_leader_words
                   for k in near)

    def dual_title_before(self, doc: Doc, k: int) -> bool:
        """A dual title in construct with the word for both sides at token k (رئيسا البلدين، وزيرا
        خارجية البلدين): the people named after it are its holders, who sign."""
        if k > 0 and word_key(doc[k - 1].text) in self.dual_titles:
            return True
        return k > 1 and word_key(doc[k - 2].text) in self.dual_titles and doc[k - 1].ent_iob_ == "O" \
            and not doc[k - 1].is_punct and not opens_with(doc[k - 1].text, "article")

    def sides_count(self, doc: Doc, k: int) -> int:
        """الدول الثلاث، البلدان الأربعة at k (the count word): how many sides, or 0
        (``sides_3`` … ``sides_5`` after a ``sides_collective`` word in boundaries_signing.tsv)."""
        if k == 0 or word_key(doc[k - 1].text) not in self.lex.words("sides_collective"):
            return 0
        key = word_key(doc[k].text)
        return next((n for n in (3, 4, 5) if key in self.lex.words(f"sides_{n}")), 0)

    def sides_named_at(self, doc: Doc, args: list[Arg], k: int, leaders: bool) -> list[str] | None:
        """The two sides of a word for both at token k: the nisbas right after it (الجانبان الصيني
        والقرغيزي), else the article's two countries; with ``leaders``, their leaders."""
        apposed = self.apposed_sides(doc, args, k, leaders)  # الرئيسان شي وتوكاييف، البلدان الصين وكازاخستان
        if apposed:
            return apposed
        if leaders:  # أجرى شي محادثات مع الرئيس الكازاخستاني توكاييف، ووقع الزعيمان …: those two
            named = self.sentence_leaders(doc, args, k)
            if named:
                return named
        nisbas = [a.id for a in args if a.kind == "nisba" and a.type == ROLE.country and k < a.start <= k + 4]
        countries = list(dict.fromkeys(nisbas)) if len(set(nisbas)) >= 2 else doc_sides(doc, self.lex)
        if len(countries) < 2:  # شي جين بينغ … نظيره الطاجيكي: a known leader's country is a side too
            countries = self.leaders_countries(doc, k, countries)
        if len(countries) < 2:
            return None
        if not leaders:
            return countries
        return [self.leader_of(doc, c) or c for c in countries]

    def leaders_countries(self, doc: Doc, k: int, countries: list[str]) -> list[str]:
        """The article's countries with those of the leaders named before token k (their titles', else
        the gazetteer's), in order; exactly two, else ``countries``."""
        led = [leader_country(self.lex, doc, e.kb_id_) for e in doc.ents
               if e.start < k and e.label_ == ROLE.leader and e.kb_id_]
        both = [c for c in dict.fromkeys([*countries, *led]) if c]
        return both if len(both) == 2 else countries

    def sentence_leaders(self, doc: Doc, args: list[Arg], k: int) -> list[str]:
        """The two leaders of two countries the sentence names before the word for both at token k
        (… شي … مع الرئيس الكازاخستاني توكاييف، ووقع الزعيمان): their ids, else []."""
        sent = doc[k].sent
        leaders = [a.id for a in args if sent.start <= a.start < k and a.type == ROLE.leader and a.kind != "nisba"]
        leaders = list(dict.fromkeys(leaders))
        countries = {leader_country(self.lex, doc, a) for a in leaders}
        return leaders if len(leaders) == 2 and len(countries) == 2 and "" not in countries else []

    @staticmethod
    def leader_of(doc: Doc, country: str) -> str:
        """The first person the article says leads ``country`` (from the titles found)."""
        return next((r.source_id for r in doc._.silk_found if r.type == "leads" and r.target_id == country
                     and r.source_id.startswith(f"{ROLE.leader.lower()}:")), "")

    def titled_sides(self, doc: Doc, args: list[Arg], hit: TriggerHit) -> list[str]:
        """وقع وزير الطاقة الطاجيكي ووزير التجارة الصيني على …: office holders named by their titles
        alone sign for the countries of their nisbas."""
        if hit.trigger.kind != "verb":
            return []
        nisbas = {a.start: a.id for a in args if a.kind == "nisba" and a.type == ROLE.country}
        # وقع كل من وزير …، وقع وزيرا خارجية الصين وكازاخستان، ممثلو الصين وكازاخستان: the countries
        # after such titles too
        countries = {a.start: a for a in args if a.kind != "nisba" and a.type == ROLE.country}
        sides, k, titled = [], hit.i + 1, False
        while k < len(doc) and (doc[k].norm_ in self.title_keys or k in nisbas or (titled and k in countries)
                                or in_words(doc[k].text, self.signer_words) or (titled and doc[k].text == "و")):
            titled = titled or k not in countries
            if k in nisbas or k in countries:
                sides.append(nisbas[k] if k in nisbas else countries[k].id)
                k = countries[k].end if k in countries else k + 1
                continue
            k += 1
        return list(dict.fromkeys(sides))

    # -- a signing without an agent ---------------------------------------------------------------
    def unnamed_signers(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit, right: int) -> list[str] | None:
        """تم التوقيع على … بين X وY; بحضور X وY / شهد X وY توقيع …: the parties, or the witnesses' sides."""
        types = self.subject_types(hit)
        agents = self.agents(doc, args, hit, right, types)  # وقعت اتفاقية … من قبل الصين وطاجيكستان
        agents = agents or self.sides_by_nisba(doc, args, hit, right)  # … عن الجانب الصيني … وعن الجانب …
        if agents:
            return agents
        between = next((k for k in range(hit.i + 1, right) if word_key(doc[k].text) in self.between_words), None)
        if between is not None and between + 1 < len(doc) and word_key(doc[between + 1].text) in self.pair_words:
            sides = doc_sides(doc, self.lex)  # تم توقيع اتفاقية … بين البلدين: the article's two countries
            if len(sides) == 2:
                return sides
        if between is not None:
            first = next((a for a in args if a.start == between + 1 and a.type in types and a.kind != "nisba"), None)
            if first is not None:
                parties = [a.id for a in self.chain(doc, args, first, types, forward=True)]
                if len(set(parties)) >= 2:
                    return parties
        witnesses = self.witnesses(doc, sent, args, hit)
        if not witnesses:
            return None
        sides = [leader_country(self.lex, doc, w) if w.startswith(f"{ROLE.leader.lower()}:") else w for w in witnesses]
        sides = [s for s in dict.fromkeys(sides) if s]
        return sides or None

    def agents(self, doc: Doc, args: list[Arg], hit: TriggerHit, right: int, types: set[str]) -> list[str]:
        """Who signed after من قبل in the clause (وقعت اتفاقية للتعاون … من قبل الصين وطاجيكستان)."""
        by = next((k for k in range(hit.i + 1, right - 1) if doc[k].norm_ == "من"
                   and word_key(doc[k + 1].text) in self.agent_words), None)
        first = next((a for a in args if by is not None and a.start == by + 2 and a.type in types
                      and a.kind != "nisba"), None)
        return [a.id for a in self.chain(doc, args, first, types, forward=True)] if first is not None else []

    def sides_by_nisba(self, doc: Doc, args: list[Arg], hit: TriggerHit, right: int) -> list[str]:
        """The sides a clause names by a side word and its nisba (ووقع الاتفاقية عن الجانب الصيني
        وزير التجارة وعن الجانب الأوزبكي وزير الاستثمار): two or more, else none."""
        nisbas = {a.start: a.id for a in args if a.kind == "nisba" and a.type == ROLE.country}
        sides = [k + 1 for k in range(hit.i + 1, right - 1) if k + 1 in nisbas and in_words(doc[k].text, self.side_words)]
        people = [p for k in sides if (p := self.side_signer(doc, args, k + 1)) is not None]
        countries = [nisbas[k] for k in sides]
        if len(set(countries)) >= 2 or (countries and people):  # (one side named with its signer: عن الجانب
            return list(dict.fromkeys(countries + people))  # الصيني وزير الخارجية وانغ يي)
        return []

    def side_signer(self, doc: Doc, args: list[Arg], k: int) -> str | None:
        """The person signing for a side, named after its title from token k (عن الجانب الصيني وزير
        الخارجية وانغ يي), or None."""
        starts = {a.start: a for a in args if a.type in (ROLE.leader, ROLE.person) and a.kind != "nisba"}
        bodies = {e.start: e.end for e in doc.ents if e.label_ == ROLE.organization}
        j = k
        while j < len(doc) and j < k + SIDE_TITLE_REACH and doc[j].norm_ in self.title_keys:
            j += 1
        if k < j < len(doc) and j in bodies:
            j = bodies[j]  # عن الجانب الصيني رئيس شركة النفط الوطنية الصينية فلان: the body the title heads
        titled = j
        while k < titled and j < len(doc) and j < titled + SIDE_TITLE_REACH and doc[j].ent_iob_ == "O" \
                and has_article(doc[j].text, prepositions=False):
            j += 1  # عن الجانب الصيني وزير [الأمن العام] فلان: the ministry no title lists
        return starts[j].id if j > k and j in starts else None

    def witnesses(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[str]:
        """Those in whose presence the signing happened: after بحضور/في حضور, or the subject of شهد
        before the signing noun."""
        lo, hi = max(sent.start, hit.i - WITNESS_REACH), min(sent.end, hit.i + WITNESS_REACH)
        for k in range(lo, hi):
            if k == hit.i or not in_words(doc[k].text, self.witness_words):
                continue
            if k + 1 < len(doc) and word_key(doc[k + 1].text) in self.pair_leader_words | self.pair_words:
                return doc_sides(doc, self.lex)
            types = {ROLE.leader, ROLE.country}
            first = next((a for a in args if k < a.start <= k + 3 and a.type in types and a.kind != "nisba"), None)
            if first is not None and (k > hit.i or first.start < hit.i):
                return [a.id for a in self.chain(doc, args, first, types, forward=True)]
        return []

    def referred_document(self, doc: Doc, hit: TriggerHit) -> list[Arg]:
        """وقع الجانبان على الاتفاقية: a document head alone after the signing word is the last
        agreement named before it."""
        k = self.document_head_after(doc, hit)
        if k < 0:
            return []
        earlier = [e for e in doc.ents if e.label_ == ROLE.agreement and e.end <= hit.i and e.kb_id_]
        if not earlier:
            return []
        head = word_key(doc[k].text)  # الإعلان: the last declaration, else the last document
        e = ([e for e in earlier if word_key(e[0].text).startswith(head)] or earlier)[-1]
        return [Arg(e.start, e.end, e.kb_id_, e.label_, "anaphor")]
