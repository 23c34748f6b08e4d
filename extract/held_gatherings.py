"""Visits told as taking part in a gathering held in a city, and visits that were not made, for
``ImpliedVisits`` (``silkgraph.extract.visits``).

"شارك الرئيس … في القمة التي عقدت في مدينة تشينغداو" says no visit word, yet the president was in
Qingdao: one who takes part (an ``attended`` trigger: شارك، حضر، بمشاركة) in a gathering (قمة،
اجتماع، منتدى …) held in a city (عقدت في، المنعقدة في، تستضيفها) visits that city, not its country
(a guest at a summit is no visitor of the country). A plane that lands with a traveller (حطت طائرة
الرئيس … في مطار بكين) brings the traveller to the city. A visit cancelled, put off or wished for
(ألغى زيارته، أعرب عن أمله في زيارة) is none. Words in ``data/lexicon/boundaries_leaders.tsv``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import doc_words, span_text
from silkgraph.extract.lexicon import Lexicon, roles
from silkgraph.extract.relation_args import Arg
from silkgraph.normalize import normalize_letters, opens_with, word_key

ROLE = roles()


class HeldGatherings:
    """Participants of a gathering held in a city, and unmade visits (a mixin of ``ImpliedVisits``,
    using its ``lex``, ``visited``, ``place_words`` and ``dateline_place``).

    >>> import spacy
    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> held = HeldGatherings()
    >>> held.lex = lexicon_for()
    >>> doc = spacy.blank("ar")("ألغى الرئيس زيارته إلى بكين")
    >>> held.unmade_visit(doc, doc[:], 2), held.unmade_visit(doc, doc[:], 0)
    (True, False)
    """

    lex: Lexicon
    unmade_reach = 8  # words between a cancelling or wishing word and the visit word (its subject between), at most
    attendee_reach = 8  # words between a participation word and who takes part, at most

    def _key(self, text: str, kind: str) -> bool:
        key = word_key(text)
        words = self.lex.words(kind)
        return key in words or (opens_with(text, "coordinator") and word_key(text[1:]) in words)

    def unmade_visit(self, doc: Doc, sent: Span, i: int) -> bool:
        """Whether the visit word at token ``i`` follows, within ``unmade_reach`` words (the
        subject may stand between) and no punctuation, a word that cancels, puts off or wishes for it (ألغى زيارته، أمله في زيارة),
        or a negation right before it (``negated_at``), or a denial earlier in its clause (``denied``)."""
        for k in range(i - 1, max(sent.start, i - self.unmade_reach) - 1, -1):
            if doc[k].is_punct:
                break
            if self._key(doc[k].text, "visit_unmade") or self.negated_at(doc, k, i):
                return True
        return self.denied(doc, sent, i)

    def negated_at(self, doc: Doc, k: int, i: int) -> bool:
        """Whether a ``visit_negation`` word at ``k`` denies the visit word at ``i``: nothing but
        ``visit_negation_gap`` words between (دون أن يزور، لن يزور، لم يقم بزيارة; not لم تقتصر زيارته)."""
        return self._key(doc[k].text, "visit_negation") and all(
            self._key(doc[j].text, "visit_negation_gap") for j in range(k + 1, i))

    def denied(self, doc: Doc, sent: Span, i: int) -> bool:
        """Whether the visit word at token ``i`` is what a denial earlier in its clause denies (نفى
        المتحدث أن يكون الرئيس … سيزور بكين): a ``visit_denial`` word before it, no punctuation between."""
        for k in range(i - 1, sent.start - 1, -1):
            if doc[k].is_punct:
                return False
            if self._key(doc[k].text, "visit_denial"):
                return True
        return False

    def planned_between(self, doc: Doc, i: int, j: int) -> bool:
        """Whether, between a visit word at token ``i`` and a place at token ``j``, a visit is
        cancelled (وصل إلى أستانا بعد إلغاء زيارته إلى بكين) or a gathering is planned to be held
        (جولة للتحضير للقمة المقرر عقدها في أستانا، المقرر أن تعقد في): the place belongs to what is
        not made. A visit planned is a visit (ومن المقرر أن يزور …), as the dispatch announces it."""
        for k in range(i + 1, j):
            if self._key(doc[k].text, "visit_unmade"):
                return True
            if self._key(doc[k].text, "gathering_planned"):
                nxt = k + 2 if k + 2 < j and word_key(doc[k + 1].text) == "ان" else k + 1
                if nxt < j and (self._key(doc[nxt].text, "planned_holding") or self._key(doc[nxt].text, "held_at")):
                    return True
        return False

    def held_city(self, doc: Doc, sent: Span, args: list[Arg], after: int) -> Arg | None:
        """The city a gathering after token ``after`` is held in: a ``held_at`` word, then في and
        the city (what the place is, مدينة or العاصمة, may stand before its name)."""
        cities = {a.start: a for a in args if a.type == ROLE.city and a.kind == "name"}
        for k in range(after + 1, sent.end - 2):
            if not self._key(doc[k].text, "held_at"):
                continue
            j = k + 1
            if j < sent.end and (word_key(doc[j].text) in ("التي", "الذي") or self._key(doc[j].text, "gathering")):
                j += 1  # القمة التي عقدت في …، عقدت القمة في …
            if j >= sent.end or word_key(doc[j].text) != "في":
                continue
            place = cities.get(j + 1)
            if place is None and j + 2 < sent.end and word_key(doc[j + 1].text) in self.place_words:
                place = cities.get(j + 2)
            if place is not None:
                return place
        return None

    placed_reach = 6  # words of a gathering's name between its head and في <city>, at most

    def placed_city(self, doc: Doc, sent: Span, args: list[Arg], gathering: int) -> Arg | None:
        """The city right after the name of the gathering at token ``gathering`` (حضر حفل تنصيب الرئيس
        في أستانا، شارك في قمة منظمة شانغهاي في تيانجين): في and the city within ``placed_reach``
        words, no punctuation, no clause word and no other relation's trigger between (… المنتدى، وقال إن
        … في طشقند، حفل توقيع اتفاقية لبناء مصنع في أستانا: no place of it)."""
        cities = {a.start: a for a in args if a.type == ROLE.city and a.kind == "name"}
        for k in range(gathering + 1, min(sent.end - 1, gathering + 2 + self.placed_reach)):
            if doc[k].is_punct or word_key(doc[k].text) in self.clause_words:
                return None
            found = self.lex.trigger_for(doc[k].text)
            if found is not None and found[0].relation not in ("attended", "met"):
                return None  # حفل توقيع اتفاقية لبناء مصنع في أستانا: the works' place, not the ceremony's
            if word_key(doc[k].text) == "في":
                place = cities.get(k + 1)
                if place is None and k + 2 < sent.end and word_key(doc[k + 1].text) in self.place_words:
                    place = cities.get(k + 2)
                return place
        return None

    def planned_gathering(self, doc: Doc, place: Arg) -> bool:
        """Whether a gathering visited is one planned to be held (جولة للتحضير للقمة السادسة المقرر
        عقدها في أستانا): a planned word and its holding right after it (or ending its name)."""
        if place.type != ROLE.event:
            return False
        for k in (place.end - 1, place.end):
            if k + 1 < len(doc) and self._key(doc[k].text, "gathering_planned") \
                    and (self._key(doc[k + 1].text, "planned_holding") or self._key(doc[k + 1].text, "held_at")):
                return True
        return False

    def lead_city(self, doc: Doc, sent: Span) -> Arg | None:
        """The city of the dispatch's dateline, for a gathering its lead tells of with no place
        (شنغهاي … (شينخوا) يشارك الرئيس الأوزبكي … في معرض الصين الدولي للاستيراد): held there."""
        line = self.dateline_place(doc)
        if line is None or line.type != ROLE.city or doc[line.end - 1].sent.start != sent.start:
            return None
        return line

    def plane_words(self) -> tuple[str, ...]:
        """The ``plane`` words' keys (letters folded, no article), to pass over sentences fast."""
        words = getattr(self, "_plane_words", None)
        if words is None:
            words = self._plane_words = tuple(sorted(self.lex.words("plane")))
        return words

    def landing_visits(self, doc: Doc, sent: Span, args: list[Arg]) -> list[tuple[Arg, Arg, int]]:
        """(traveller, city, token of the landing verb): حطت طائرة الرئيس فلان في مطار بكين (the
        airport's city, see ``facility_cities``) or في أستانا."""
        out = []
        letters = normalize_letters(span_text(sent))
        if not any(w in letters for w in self.plane_words()):
            return out
        for t in sent:
            if not (self._key(t.text, "landing") and t.i + 1 < sent.end and self._key(doc[t.i + 1].text, "plane")):
                continue
            person = next((a for a in args if a.type in (ROLE.leader, ROLE.person) and a.kind in ("name", "title")
                           and t.i + 1 < a.start <= t.i + 5), None)
            if person is None or person.end >= sent.end or word_key(doc[person.end].text) != "في":
                continue
            city = next((a for a in args if a.type == ROLE.city and a.start == person.end + 1), None)
            if city is not None:
                out.append((person, city, t.i))
        return out

    def gathering_visits(self, doc: Doc, sent: Span, args: list[Arg]) -> list[tuple[Arg, Arg, int]]:
        """(attendee, city, token of the participation word) of each gathering held in a city
        the sentence says a leader takes part in."""
        out = []
        people = [a for a in args if a.type in (ROLE.leader, ROLE.person) and a.kind in ("name", "title")]
        words = doc_words(doc)
        for i in range(sent.start, sent.end):
            found = self.lex.trigger_for(words[i])
            if found is None or found[0].relation != "attended" or self.unmade_visit(doc, sent, i):
                continue  # اعتذر عن عدم حضور القمة في دوشنبه: no one came
            t = doc[i]
            gathering = next((k for k in range(t.i + 1, min(sent.end, t.i + self.attendee_reach + 4))
                              if self._key(doc[k].text, "gathering")), None)
            if gathering is None:
                # عقدت القمة في تيانجين بمشاركة الرئيس فلان: the gathering and its city first
                city = self.held_city(doc, sent, args, sent.start - 1)
                if city is None or city.start > t.i or not any(
                        self._key(doc[k].text, "gathering") for k in range(sent.start, t.i)):
                    continue
                attendee = next((p for p in people if t.i < p.start <= t.i + self.attendee_reach), None)
            else:
                city = self.held_city(doc, sent, args, t.i) or self.placed_city(doc, sent, args, gathering) \
                    or self.lead_city(doc, sent)  # أقيم الاحتفال في …
                if city is None:
                    continue
                after = [p for p in people if t.i < p.start < gathering]  # شارك الرئيس فلان في القمة
                before = [p for p in people if t.i - self.attendee_reach <= p.start and p.end <= t.i]
                attendee = after[0] if after else (before[-1] if before else None)
            if attendee is not None:
                out.append((attendee, city, t.i))
        return out
