"""Visits the genre states without a visit word, for ``silk_relations``.

Wire copy says a visit in other ways than زار: a minister called الزائر (visiting) in a dispatch
is visiting the place of its dateline (بشكيك 30 أبريل 2019 … وزير الدفاع الصيني الزائر), and a
leader who meets a host from the country of the city they meet in (التقى … في بكين) is visiting
that city. A call or a video talk (اتصال هاتفي، عبر الفيديو) is no visit, and no one visits their
own country. A visit someone is invited to or looks forward to (دعا … إلى زيارة الصين) is none
yet; arriving at a city's airport visits the city, and visiting a province visits its country.
A signer from abroad in a signing placed in the host's city (وقع فلان ونظيره … اليوم في بيشكيك) visits
it as a meeting there does; a tour begun or ended in a city (يختتم في دوشنبه جولة) visits it; a visit to
a country told with an act placed in its city (وقعت … اليوم في أستانا … في إطار زيارة فلان إلى
قازاقستان) visits the city too; a visit told cancelled later in its sentence (إلا أن الزيارة ألغيت) is none.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.doc_state import REFS, FoundRelation, doc_words
from silkgraph.extract.held_gatherings import HeldGatherings
from silkgraph.extract.lexicon import Lexicon, roles
from silkgraph.extract.officials import national_capitals
from silkgraph.extract.relation_args import Arg, entity_type, leader_country, visitor_home
from silkgraph.extract.surface import COMMAS, strip_proclitics
from silkgraph.normalize import clitics, normalize_letters, opens_with, phrase_key, word_key
from silkgraph.schema import schema

ROLE = roles()


class ImpliedVisits(HeldGatherings):
    """Finds the visits of one sentence from its mentions and the meetings found in it.

    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> visits = ImpliedVisits(lexicon_for(), {"guest_at_dateline": 0.7, "meeting_in_hosts_city": 0.6})
    >>> visits.visit_places(Arg(0, 1, "city:astana-kz", "City", "name"))
    [('city:astana-kz', 'City'), ('country:KZ', 'Country')]
    """

    def __init__(self, lex: Lexicon, confidence: dict[str, float]):
        self.lex = lex
        self.guest_confidence = confidence["guest_at_dateline"]  # الزائر: the dispatch says it
        self.venue_confidence = confidence["meeting_in_hosts_city"]  # a meeting in the host's city: inferred
        self.visited = schema().edge_types["visited"]
        self.guest_words = lex.words("guest")
        self.counterpart_words = lex.words("counterpart")  # نظيره القيرغيزي: the other side's holder
        self.counterpart_reach = 10  # tokens from a meeting word to the counterpart word, at most
        # the words of titles, which may stand between الزائر and the name it describes
        self.title_words = {w for t in lex.titles for w in phrase_key(t.title_ar).split()}
        self.facility_words = lex.words("arrival_facility")
        self.remote_phrases: dict[str, list[tuple[str, ...]]] = {}  # first word -> the phrases it opens
        for phrase in {tuple(w.split()) for w in lex.words("remote")}:
            self.remote_phrases.setdefault(phrase[0], []).append(phrase)
        self.unreal_words = lex.words("visit_unreal")
        self.destination_words = lex.words("destination")
        self.answered_words = lex.words("invitation_answered")
        self.conjunctions = set(clitics()["conjunctions"])
        self.clause_words = lex.words("clause")
        self.summit_words = lex.words("summit")
        self.here_words = lex.words("here")  # هنا: the dateline's place
        self.country_words = lex.words("here_country")  # البلاد: the dateline's country
        # what a place is called before its name (العاصمة الصينية بكين، مدينة سمرقند)
        self.place_words = lex.words("capital") | {h.words[0] for h in lex.heads if h.type == ROLE.city}
        self.capital_words = lex.words("capital")
        self.headline_words = 12  # tokens of a headline, at most
        self.delegation_words = lex.words("delegation")  # وصل وفد … برئاسة فلان: the head visits
        self.delegation_heads = lex.words("delegation_head")
        self.delegation_reach = 20  # tokens of a delegation's description before برئاسة, at most
        self.partner_words = lex.words("partner")  # وقع فلان في بكين مع فلان
        self.signing_reach = 20  # tokens from a signing verb to the city it is placed in, at most
        self.cancelled_words = lex.words("visit_cancelled")  # إلا أن الزيارة ألغيت
        self.tour_verbs = lex.words("tour_verb")  # يختتم في دوشنبه جولة
        self.stop_words = lex.words("tour_stop")  # وتعد طشقند المحطة الثانية من جولة فلان
        self.stop_ranks = lex.words("tour_stop_rank")
        self.stop_reach = 8  # tokens from the tour noun to its visitor, at most
        self.where_words = lex.words("meeting_where")  # حيث: the place before it is where the meeting is

    def unreal(self, doc: Doc, sent: Span, i: int) -> bool:
        """Whether the visit noun at token ``i`` is one someone is invited to or looks forward to
        (دعا … نظيره إلى زيارة الصين، وجه دعوة … لزيارة، أعرب عن تطلعه لزيارة): a ``visit_unreal``
        word before it in the sentence, the noun after إلى or ل (an invitation to a visit). An
        invitation the visit answers carries ل or ب (تلبية لدعوة، بدعوة من) or follows
        ``invitation_answered`` (بناء على دعوة): that visit is made."""
        if not (opens_with(normalize_letters(doc[i].text), "lam") or (
                i > sent.start and word_key(doc[i - 1].text) in self.destination_words)):
            return False  # دعا … خلال زيارته إلى …: "called for", during a visit made
        for k in range(i - 1, sent.start - 1, -1):
            key = word_key(doc[k].text)
            if key[:1] in self.conjunctions and key[1:] in self.unreal_words:
                key = key[1:]
            if key in self.unreal_words and not (k > sent.start and word_key(doc[k - 1].text) in self.answered_words):
                return True
        return False

    @staticmethod
    def corridor_travels(doc: Doc, sent: Span, args: list[Arg], i: int) -> bool:
        """ينطلق الممر من …، ثم يصل إلى …: a verb of arriving whose last would-be subject before it is
        a corridor (named, or referred to: الممر), no person, and that no person follows, tells the
        corridor's route, not a visit."""
        spans = [*doc.ents, *(doc.spans[REFS] if REFS in doc.spans else [])]
        ends = [s.end for s in spans if s.label_ == ROLE.corridor and sent.start <= s.start and s.end <= i]
        if not ends:
            return False
        people = [a for a in args if a.type in (ROLE.leader, ROLE.person)]
        return not any(a.start >= max(ends) for a in people)

    def remote(self, sent: Span) -> bool:
        """Whether ``sent`` tells of a call or a video talk (اتصال هاتفي، عبر الفيديو، عن بعد: a
        ``remote`` entry of several words matches as consecutive words)."""
        keys = [word_key(w) for w in doc_words(sent.doc)[sent.start:sent.end]]
        return any(tuple(keys[k:k + len(p)]) == p for k, key in enumerate(keys) for p in self.remote_phrases.get(key, ()))

    def summit_trip(self, doc: Doc, sent: Span, start: int) -> bool:
        """Whether the trip at token ``start`` goes to a summit the sentence names (وصل إلى تيانجين
        للمشاركة في القمة، … المشارك في القمة قبيل وصوله إلى دوشنبه): the city hosts the summit, and a
        guest at a summit is no visitor of the country (a state visit names no summit)."""
        return any(t.norm_ in self.summit_words for t in sent)

    def dateline_place(self, doc: Doc) -> Arg | None:
        """The place of the dispatch's dateline (``silk_dateline``), as a visit destination."""
        line = doc._.silk_dateline
        if line is None or not line.kb_id_:
            return None
        place = next((e for e in doc.ents if e.kb_id_ == line.kb_id_ and line.start <= e.start < line.end), None)
        return Arg(place.start, place.end, place.kb_id_, place.label_, "name") if place is not None else None

    def here(self, doc: Doc, sent: Span, args: list[Arg], dateline: Arg | None) -> list[Arg]:
        """``args`` and the words that stand for the dateline's place in a dispatch: هنا (here: the
        place) and البلاد (the country: its country), as mentions of kind "here" (وصل الرئيس … إلى
        هنا، بدأ … زيارة رسمية للبلاد، التقى … هنا مع …); and the places a visit goes to that are
        no name of a visited type: the city of an airport, the country of a province or of a city
        placed by its nisba (``facility_cities``, ``region_countries``, ``city_countries``)."""
        extra = self.facility_cities(doc, args) + self.region_countries(doc, args) + self.city_countries(doc, sent, args) \
            + self.capital_places(doc, args)
        if dateline is None:
            return sorted(args + extra, key=lambda a: a.start) if extra else args
        country = dateline.id if dateline.type == ROLE.country else self.lex.country_of(dateline.id)
        for t in sent:
            key = word_key(strip_proclitics(t.text))  # للبلاد، والبلاد
            if key in self.here_words:
                extra.append(Arg(t.i, t.i + 1, dateline.id, dateline.type, "here"))
            elif key in self.country_words and country and t.ent_iob_ == "O":
                extra.append(Arg(t.i, t.i + 1, country, ROLE.country, "here"))
        return sorted(args + extra, key=lambda a: a.start) if extra else args

    def capital_places(self, doc: Doc, args: list[Arg]) -> list[Arg]:
        """The capital a nisba names with no name after it (وصل إلى العاصمة الصينية قادما من …:
        Beijing), from the gazetteer's capitals, as a mention of kind "capital" over the two words."""
        capital_of = national_capitals()
        out = []
        for a in args:
            if a.kind != "nisba" or a.start == 0 or word_key(doc[a.start - 1].text) not in self.capital_words:
                continue
            city = capital_of.get(a.id)
            named = a.end < len(doc) and doc[a.end].ent_type_ == ROLE.city
            if city and not named:
                out.append(Arg(a.start - 1, a.end, city, ROLE.city, "capital"))
        return out

    def facility_cities(self, doc: Doc, args: list[Arg]) -> list[Arg]:
        """The city of an airport, a station or a port one arrives at (وصل إلى مطار دوشنبه الدولي),
        from the facility's ``located_in`` relation, as a mention of kind "facility" over the
        facility's words: arriving there is visiting the city."""
        facilities = {a.id: a for a in args if a.type == ROLE.project and a.kind == "name"
                      and word_key(doc[a.start].text) in self.facility_words}
        if not facilities:
            return []
        return [Arg(facilities[r.source_id].start, facilities[r.source_id].end, r.target_id, ROLE.city, "facility")
                for r in doc._.silk_found if r.type == "located_in" and r.source_id in facilities
                and self.lex.entity(r.target_id) is not None and self.lex.entity(r.target_id).type == ROLE.city]

    def city_countries(self, doc: Doc, sent: Span, args: list[Arg]) -> list[Arg]:
        """The country of a city no table lists, from the nisba right after it (وصل إلى مدينة
        ييتشانغ الصينية), as a mention of kind "city_country" over city and nisba: a visit to the
        city abroad is a visit to that country too, as for a city the gazetteer places (not for a
        trip to a summit)."""
        nisbas = {a.start: a for a in args if a.kind == "nisba"}
        out = []
        for a in args:
            nisba = nisbas.get(a.end) if a.type == ROLE.city and a.kind == "name" and a.id not in self.lex.entries else None
            if nisba is not None and not self.summit_trip(doc, sent, a.start):
                out.append(Arg(a.start, nisba.end, nisba.id, ROLE.country, "city_country"))
        return out

    def place_country(self, doc: Doc, place: Arg) -> str:
        """The country id of a visited city: the gazetteer's, else the nisba right after the city's
        name (مدينة ييتشانغ الصينية), else ""."""
        country = self.lex.country_of(place.id)
        if not country and place.type == ROLE.city and place.end < len(doc):
            country = self.lex.nisba.get(doc[place.end].norm_, "")
        return country

    def region_countries(self, doc: Doc, args: list[Arg]) -> list[Arg]:
        """The country of a province one visits (زار مقاطعة جيانغسو الصينية، جولة في منطقة شينجيانغ،
        وصل إلى منطقة …), as a mention of kind "region" over the province's words: the visit is to
        that country (a province is no place a visit goes to in the schema; a region of no one
        country gives none). The province stands right after the visit word, after إلى, after في
        that follows the visit word, or right after the visitor a visit verb names."""
        out = []
        visitors = {p.end: p.start for p in args if p.type in self.visited.subjects and p.kind != "nisba"}
        for a in args:
            country = self.lex.country_of(a.id) if a.type == ROLE.region and a.kind == "name" and a.start > 0 else ""
            if not country:
                continue
            before = doc[a.start - 1]
            # يزور الرئيس الأوزبكي شوكت ميرزيوييف مقاطعة جيانغسو: right after the visitor of a visit verb
            visitor = visitors.get(a.start)
            after_visitor = visitor is not None and any(
                self.visit_word(t.text) for t in doc[max(doc[a.start].sent.start, visitor - 6):visitor])
            if visitor is not None and not after_visitor:
                # زار وفد … برئاسة نائب رئيس البرلمان فلان مقاطعة يونان: the head of a delegation a visit verb opens
                opening = doc[a.start].sent.start
                head = next((k for k in range(visitor - 1, max(opening, visitor - 6) - 1, -1)
                             if self.bare_key(doc[k].text) in self.delegation_heads), -1)
                after_visitor = head >= 0 and any(self.delegation_head(doc, doc[a.start].sent, k) == head
                                                  for k in range(max(opening, head - self.delegation_reach), head)
                                                  if self.visit_word(doc[k].text))
            visit_word = after_visitor or self.visit_word(before.text) or (
                word_key(before.text) == "في" and a.start > 1 and self.visit_word(doc[a.start - 2].text))
            if visit_word or word_key(before.text) in self.destination_words:
                out.append(Arg(a.start, a.end, country, ROLE.country, "region"))
        return out

    def dateline_city_visits(self, doc: Doc, sent: Span, sent_found: list[FoundRelation],
                             dateline: Arg | None) -> list[FoundRelation]:
        """A visit to a country told in the dispatch's lead, filed from a city of that country (أستانا
        … (شينخوا) بدأ الرئيس الصيني … زيارة دولة إلى كازاخستان): the visitor is in that city too."""
        if dateline is None or dateline.type != ROLE.city or doc[dateline.end - 1].sent.start != sent.start:
            return []
        country = self.lex.country_of(dateline.id)
        return [FoundRelation("visited", r.source_id, dateline.id, r.start, r.end, r.trigger,
                              round(r.confidence * 0.8, 3))
                for r in sent_found if r.type == "visited" and r.target_id == country and country]

    def delegation_head(self, doc: Doc, sent: Span, i: int) -> int:
        """The token of برئاسة (or بقيادة، يترأسه …) that names the head of a delegation right after
        the visit word at ``i`` (وصل وفد من حزب «…» الحاكم في … برئاسة النائب الأول لرئيس الحزب فلان
        إلى أورومتشي): the head is the visitor. Before the delegation's destination (إلى) or the
        clause's end; -1 when there is none."""
        k = i + 1
        if k >= sent.end or word_key(doc[k].text) not in self.delegation_words:
            return -1
        for k in range(i + 2, min(sent.end, i + 2 + self.delegation_reach)):
            key = self.bare_key(doc[k].text)
            if key in self.delegation_heads:
                return k
            if key in self.destination_words or key in self.clause_words or doc[k].text in ".؛:":
                return -1
        return -1

    def signing_visits(self, doc: Doc, sent: Span, args: list[Arg]) -> list[tuple[Arg, Arg, int]]:
        """(guest, city, trigger) of a signing verb placed in a city by في (وقع رئيس الوزراء القيرغيزي
        فلان ووزير التجارة الصيني فلان اليوم في بيشكيك اتفاقية، وقع فلان في بكين مع رئيس المؤسسة
        الصينية فلان): the signers before the city, and the one named by مع right after it, where one
        of them is of the city's country: the others, of another country, visit it (as a meeting in
        the host's city does). Within the verb's clause, the city at most ``signing_reach`` tokens on."""
        out = []
        words = doc_words(doc)
        for i in range(sent.start, sent.end):
            found = self.lex.trigger_for(words[i])
            if found is None or found[0].relation != "signed" or found[0].kind != "verb" or doc[i].ent_iob_ != "O":
                continue
            t = doc[i]
            stop = min(sent.end, t.i + 1 + self.signing_reach)
            clause = next((k for k in range(t.i + 1, stop) if word_key(doc[k].text) in self.clause_words), stop)
            venue = next((a for a in args if a.type == ROLE.city and a.kind == "name" and t.i + 1 < a.start < clause
                          and self.bare_key(doc[a.start - 1].text) == "في"), None)
            if venue is None or not self.lex.country_of(venue.id):
                continue
            people = [a for a in args if a.type in (ROLE.leader, ROLE.person) and a.kind in ("name", "title")
                      and t.i < a.start < venue.start]
            if not people:  # شي ونظيره … قد وقعا في طشقند: the signers before the verb, in its clause
                opening = max([sent.start] + [k + 1 for k in range(sent.start, t.i)
                                              if word_key(doc[k].text) in self.clause_words])
                people = [a for a in args if a.type in (ROLE.leader, ROLE.person) and a.kind in ("name", "title")
                          and opening <= a.start and a.end <= t.i]
            partner = venue.end < sent.end and self.bare_key(doc[venue.end].text) in self.partner_words
            hosts = people + ([a for a in args if a.type in (ROLE.leader, ROLE.person) and a.kind in ("name", "title")
                               and venue.end < a.start <= venue.end + 6][:1] if partner else [])
            host_country = self.lex.country_of(venue.id)
            homes = {a.id: leader_country(self.lex, doc, a.id) for a in hosts}
            if not any(h == host_country for h in homes.values()):
                continue
            out += [(a, venue, t.i) for a in people if homes[a.id] and homes[a.id] != host_country]
        return out

    def cancelled_later(self, doc: Doc, sent: Span, i: int) -> bool:
        """Whether the visit word at token ``i`` is told cancelled or put off later in its sentence:
        a visit noun there next to a ``visit_cancelled`` word (كان من المقرر أن يزور فلان بكين، إلا أن
        الزيارة ألغيت، … ثم تم تأجيل الزيارة)."""
        for k in range(i + 1, sent.end):
            if self.bare_key(doc[k].text) in self.cancelled_words and any(
                    self.visit_word(doc[j].text) and not self.goes_on(doc, sent, j)
                    for j in range(max(i + 1, k - 2), min(sent.end, k + 3))):
                return True
        return False

    def goes_on(self, doc: Doc, sent: Span, j: int) -> bool:
        """Whether the visit noun at ``j`` names a place of its own (تأجيل زيارته إلى موسكو): another visit."""
        nxt = doc[j + 1] if j + 1 < sent.end else None
        return nxt is not None and (word_key(nxt.text) in self.destination_words or (
            opens_with(normalize_letters(nxt.text), "lam") and bool(nxt.ent_type_)))

    def tour_stops(self, doc: Doc, sent: Span, args: list[Arg]) -> list[tuple[Arg, Arg, int]]:
        """(visitor, city, verb) of a tour begun or ended in a city named between the verb and the
        tour (وانغ يي يختتم في دوشنبه جولة شملت …، بدأ الوزير من أستانا جولته): a ``tour_verb``, في or
        من, the city, a visit noun; the visitor right before the verb or right after it. Or the verb,
        the visitor, the tour, في or من and the city (بدأ فلان جولته من أستانة)."""
        out = []
        people = [a for a in args if a.type in self.visited.subjects and a.kind in ("name", "title")]
        for city in args:
            v = city.start - 2
            if city.type == ROLE.city and city.kind == "name" and v - 1 >= sent.start \
                    and self.bare_key(doc[city.start - 1].text) in ("في", "من") and self.visit_word(doc[v].text):
                # بدأ فلان جولته من أستانة، اختتم الوزير فلان جولته في دوشنبه: the verb, the visitor, the tour
                person = next((p for p in people if p.end == v and p.kind == "name"), None)
                verb = self.tour_verb_before(doc, sent, person.start) if person is not None else -1
                if verb >= 0:
                    out.append((person, city, verb))
                    continue
            if city.type != ROLE.city or city.kind != "name" or v < sent.start or city.end >= sent.end \
                    or self.bare_key(doc[city.start - 1].text) not in ("في", "من") \
                    or not self.visit_word(doc[city.end].text):
                continue
            if self.bare_key(doc[v].text) not in self.tour_verbs:
                person = next((p for p in people if p.end == city.start - 1
                               and p.start - 1 >= sent.start and self.bare_key(doc[p.start - 1].text) in self.tour_verbs),
                              None)  # بدأ الوزير فلان من أستانا جولته
                if person is not None:
                    out.append((person, city, person.start - 1))
                continue
            person = next((p for p in people if p.end in (v, v - 1) and p.start >= sent.start), None)
            if person is not None:
                out.append((person, city, v))
        return out

    def tour_verb_before(self, doc: Doc, sent: Span, start: int) -> int:
        """The ``tour_verb`` right before a visitor named at ``start`` or before the title of the name
        (بدأ [وزير الخارجية الصيني] فلان): its token, or -1 (no punctuation or other name between)."""
        for k in range(start - 1, max(sent.start, start - 5) - 1, -1):
            if self.bare_key(doc[k].text) in self.tour_verbs:
                return k
            if doc[k].is_punct or (doc[k].ent_iob_ != "O" and doc[k].ent_type_ != ROLE.organization):
                return -1
        return -1

    def stop_of_tour(self, doc: Doc, sent: Span, args: list[Arg]) -> list[tuple[Arg, Arg, int]]:
        """(visitor, city, visit noun) of a city called a stop of a tour (وتعد طشقند المحطة الثانية من
        جولة فلان، وكانت أستانا، المحطة الأولى في جولة الرئيس …): the city, perhaps a comma, a
        ``tour_stop`` word, a rank (an ordinal or a ``tour_stop_rank`` word), من or في, the visit noun,
        and the visitor named within ``stop_reach`` words after it, before any punctuation."""
        out = []
        people = [a for a in args if a.type in self.visited.subjects and a.kind in ("name", "title")]
        for city in args:
            if city.type != ROLE.city or city.kind != "name":
                continue
            k = city.end + (1 if city.end < sent.end and doc[city.end].text in COMMAS else 0)
            if k >= sent.end or self.bare_key(doc[k].text) not in self.stop_words:
                continue
            k += 1
            while k < sent.end and (word_key(doc[k].text) in self.lex.ordinals or word_key(doc[k].text) in self.stop_ranks):
                k += 1
            if k + 1 >= sent.end or word_key(doc[k].text) not in ("من", "في") or not self.visit_word(doc[k + 1].text):
                continue
            noun = k + 1
            ends = [j for j in range(noun + 1, min(sent.end, noun + 1 + self.stop_reach)) if doc[j].is_punct]
            stop = ends[0] if ends else min(sent.end, noun + 1 + self.stop_reach)
            person = next((p for p in people if noun < p.start < stop), None)
            if person is None and ends and ends[0] + 2 < sent.end and word_key(doc[ends[0] + 1].text) in self.where_words:
                # وكانت ألماتي المحطة الأولى في الجولة، حيث التقى فلان …: the subject of what was done there
                person = next((p for p in people if ends[0] + 2 < p.start <= ends[0] + 2 + self.stop_reach), None)
            if person is not None:
                out.append((person, city, noun))
        return out + self.fronted_stops(doc, sent, args, people)

    def fronted_stops(self, doc: Doc, sent: Span, args: list[Arg], people: list[Arg]) -> list[tuple[Arg, Arg, int]]:
        """(visitor, city, stop word) of a stop fronted before its clause (وفي المحطة الثانية، بيشكيك،
        التقى فلان …، وفي محطته الأخيرة في دوشنبه، أجرى فلان …): في, a ``tour_stop`` word (its pronoun
        too), a rank, the city after a comma or في, a comma, then the visitor after the clause's verb."""
        k = sent.start
        if k + 3 >= sent.end or self.bare_key(doc[k].text) != "في":
            return []
        k += 1
        stem = word_key(doc[k].text)  # محطته، محطتها: the stop word with a pronoun
        if stem not in self.stop_words and not any(stem.endswith("ت" + p) and stem[:-len(p) - 1] + "ه" in self.stop_words
                                                   for p in ("ه", "ها")):
            return []
        k += 1
        while k < sent.end and (word_key(doc[k].text) in self.lex.ordinals or word_key(doc[k].text) in self.stop_ranks):
            k += 1
        if k < sent.end and (doc[k].text in COMMAS or word_key(doc[k].text) == "في"):
            k += 1
        city = next((a for a in args if a.start == k and a.type == ROLE.city and a.kind == "name"), None)
        if city is None or city.end >= sent.end or doc[city.end].text not in COMMAS:
            return []
        verb = city.end + 1
        person = next((p for p in people if verb < p.start <= verb + 1 + self.stop_reach // 2), None)
        return [(person, city, sent.start + 1)] if person is not None else []

    def the_delegation(self, doc: Doc, sent: Span, hit) -> bool:
        """Whether the visit verb ``hit`` has for subject the delegation told before (ثم توجه الوفد إلى
        بيشكيك، حيث …): الوفد, definite, right after it; its visits are its head's, carried on."""
        k = hit.i + 1
        return hit.trigger.relation == "visited" and k < sent.end and doc[k].ent_iob_ == "O" \
            and normalize_letters(doc[k].text).startswith("ال") and word_key(doc[k].text) in self.delegation_words

    def country_visit_cities(self, doc: Doc, sent: Span, args: list[Arg],
                             sent_found: list[FoundRelation]) -> list[FoundRelation]:
        """A visit to a country told in a sentence that places what it reports in a city of that country
        by في (وقعت قازاقستان والصين اليوم في أستانا …، في إطار الزيارة الرسمية لفلان إلى قازاقستان):
        the visitor is in that city too (not for a trip to a summit, whose city is the summit's)."""
        cities = [a for a in args if a.type == ROLE.city and a.kind == "name" and a.start > sent.start
                  and self.bare_key(doc[a.start - 1].text) == "في" and self.placed_event(doc, sent, a.start - 1)]
        if not cities or self.summit_trip(doc, sent, sent.start):
            return []
        out = []
        for r in sent_found:
            if r.type != "visited" or not r.target_id.startswith("country:"):
                continue
            for city in cities:
                if self.lex.country_of(city.id) == r.target_id:
                    out.append(FoundRelation("visited", r.source_id, city.id, r.start, r.end, r.trigger,
                                             round(r.confidence * 0.8, 3)))
        return out

    def placed_event(self, doc: Doc, sent: Span, k: int) -> bool:
        """Whether the في at ``k`` places what a verb reports (وقعت قازاقستان والصين اليوم في أستانا): a
        trigger verb at most six words before it (أحدا في طشقند لا يتوقع: no one's act)."""
        for j in range(max(sent.start, k - 6), k):
            found = self.lex.trigger_for(doc[j].text) if doc[j].ent_iob_ == "O" else None
            if found is not None and found[0].kind == "verb":
                return True
        return False

    def bare_key(self, text: str) -> str:
        """A short word's key without a glued conjunction (وفي: في)."""
        key = word_key(text)
        return key[1:] if len(key) > 2 and key[:1] in self.conjunctions else key

    def headline_presence(self, doc: Doc, sent: Span, args: list[Arg]) -> list[tuple[Arg, Arg]]:
        """(person, place) of a headline with no verb that puts a person in a place (ميرضيائيف في
        شنغهاي، الرئيس الصيني في أستانا): the article's first line, short, with no dateline and no
        trigger word, the person's name or title right before في and the place's name right after it."""
        if sent.start != 0 or len(sent) > self.headline_words or doc._.silk_dateline is not None \
                and doc._.silk_dateline.start < sent.end \
                or not any("\n" in t.text for t in doc[sent.start:min(len(doc), sent.end + 1)]):
            return []  # a headline: the first line, short, no dateline in it
        people = {a.end: a for a in args if a.type in self.visited.subjects and a.kind in ("name", "title")}
        places = {a.start: a for a in args if a.type in self.visited.objects and a.kind == "name"}
        return [(people[t.i], places[t.i + 1]) for t in sent
                if word_key(t.text) == "في" and t.i in people and t.i + 1 in places
                and not any(self.lex.trigger_for(w.text) is not None for w in sent)]

    def where_venue(self, doc: Doc, args: list[Arg], trigger: int) -> Arg | None:
        """The city a meeting is placed in by حيث (where) right before its trigger (… عشق آباد، حيث
        التقى …، ثم توجه إلى دوشنبه حيث استقبله …), or by في fronted before it (وفي أستانا، التقى …)."""
        k = trigger - 1
        if k >= 1 and doc[k].text in COMMAS:  # وفي أستانا، التقى …: the city fronted
            start = doc[k].sent.start
            front = next((a for a in args if a.type == ROLE.city and a.kind == "name" and a.end == k
                          and a.start - 1 == start and self.bare_key(doc[start].text) == "في"), None)
            if front is not None:
                return front
        if k < 1 or word_key(doc[k].text) not in self.where_words:
            return None
        end = k - 1 if doc[k - 1].text in COMMAS else k
        return next((a for a in args if a.type == ROLE.city and a.kind == "name" and a.end == end), None)

    def glued_bi(self, token: Token) -> bool:
        """Whether a place's word carries the preposition ب glued to it (في قاعة الشعب الكبرى ببكين،
        وبأستانا): in the place, as after في (the name itself does not begin with ب: بيشكيك، بكين)."""
        letters = normalize_letters(token.text)
        if letters[:1] in self.conjunctions and len(letters) > 2:
            letters = letters[1:]
        return letters.startswith("ب") and word_key(letters[1:]) == token.norm_

    def visit_word(self, text: str) -> bool:
        found = self.lex.trigger_for(text)
        return found is not None and found[0].relation == "visited"

    def visit_places(self, city: Arg) -> list[tuple[str, str]]:
        """A city and the country it is in, as visit destinations: (id, type)."""
        places = [(city.id, city.type)]
        country = self.lex.country_of(city.id) if city.type == ROLE.city else ""
        if country:
            places.append((country, ROLE.country))
        return places

    def unnamed_counterpart_visits(self, doc: Doc, sent: Span, args: list[Arg]) -> list[tuple[Arg, Arg, int]]:
        """(visitor, city, token of the counterpart word): أجرى وزير الدفاع الصيني فلان محادثات مع نظيره
        القيرغيزي في بيشكيك: a meeting word, then a counterpart named by his nationality alone, then a city
        of that nation after في: the one named before the meeting word visits it."""
        out = []
        for t in sent:
            if t.norm_ not in self.counterpart_words or t.i + 3 >= sent.end:
                continue
            country = self.lex.nisba.get(doc[t.i + 1].norm_, "")
            k = t.i + 2
            if not country or word_key(doc[k].text) != "في" or doc[t.i + 2].ent_iob_ != "O":
                continue  # (a name after the nisba: the meeting rules have the partner)
            city = next((a for a in args if a.start == k + 1 and a.type == ROLE.city and a.kind == "name"), None)
            if city is None or self.lex.country_of(city.id) != country:
                continue
            meeting = next((j for j in range(t.i - 1, max(sent.start, t.i - self.counterpart_reach) - 1, -1)
                            if (found := self.lex.trigger_for(doc[j].text)) is not None and found[0].relation == "met"), None)
            if meeting is None or any(doc[j].is_punct for j in range(meeting, t.i)):
                continue
            # the one who meets: named between the meeting word and مع (التقى فلان مع نظيره), else before it
            person = next((a for a in reversed(args) if a.end <= t.i and a.type in (ROLE.leader, ROLE.person)
                           and a.kind in ("name", "title") and a.start >= max(sent.start, meeting - 8)), None)
            if person is not None and visitor_home(self.lex, doc, person.id) not in ("", country):
                out.append((person, city, t.i))
        return out

    def guest_word(self, doc: Doc, sent: Span, person: Arg, args: list[Arg]) -> Token | None:
        """الزائر describing ``person``: right after the name, or in the title before it (عضو مجلس
        الدولة الزائر ووزير الدفاع …), with no other person in between."""
        if person.end < sent.end and word_key(doc[person.end].text) in self.guest_words:
            return doc[person.end]
        people = {k for a in args if a.type == person.type and a.id != person.id for k in range(a.start, a.end)}
        for k in range(person.start - 1, max(sent.start, person.start - 6) - 1, -1):
            t = doc[k]
            if k in people or t.is_punct or word_key(t.text) in self.clause_words:
                return None
            if word_key(t.text) in self.guest_words:
                return t
            if not (t.norm_ in self.title_words or t.norm_ in self.lex.nisba
                    or (opens_with(t.text, "coordinator") and phrase_key(t.text[1:]) in self.title_words)):
                return None  # ونقل الضيف إلى الرئيس تحيات الرئيس الصيني فلان: the guest is another
        return None

    def __call__(self, doc: Doc, sent: Span, args: list[Arg], sent_found: list[FoundRelation],
                 dateline: Arg | None) -> list[FoundRelation]:
        """The visits ``sent`` implies, given its mentions and the relations found in it."""
        if self.remote(sent):
            return []
        out: list[FoundRelation] = []

        def visit(leader: str, place: Arg, start: int, end: int, trigger: str, conf: float) -> None:
            home = visitor_home(self.lex, doc, leader)
            for pid, ptype in self.visit_places(place):
                at_home = home and (pid == home or self.lex.country_of(pid) == home)
                if not at_home and self.visited.allows(entity_type(self.lex, doc, leader) or ROLE.leader, ptype):
                    out.append(FoundRelation("visited", leader, pid, start, end, trigger, conf))

        if dateline is not None:
            for a in args:
                if a.type not in self.visited.subjects or a.kind == "nisba":
                    continue
                guest = self.guest_word(doc, sent, a, args)
                if guest is not None:
                    visit(a.id, dateline, guest.i, guest.i + 1, guest.text, self.guest_confidence)
        for person, city, k in self.gathering_visits(doc, sent, args):
            # شارك … في القمة التي عقدت في مدينة تشينغداو: the city, not its country
            home = visitor_home(self.lex, doc, person.id)
            if home and self.lex.country_of(city.id) != home and self.visited.allows(
                    entity_type(self.lex, doc, person.id) or ROLE.leader, city.type):
                out.append(FoundRelation("visited", person.id, city.id, k, k + 1, doc[k].text, self.venue_confidence))
        for person, city, k in self.landing_visits(doc, sent, args):
            visit(person.id, city, k, k + 2, doc[k:k + 2].text, self.venue_confidence)  # حطت طائرة الرئيس … في
        for person, city, k in self.tour_stops(doc, sent, args):
            visit(person.id, city, k, city.end + 1, doc[k].text, self.venue_confidence)  # يختتم في دوشنبه جولة
        for person, city, k in self.stop_of_tour(doc, sent, args):
            visit(person.id, city, k, k + 1, doc[k].text, self.venue_confidence)  # طشقند المحطة الثانية من جولة فلان
        for person, city, k in self.unnamed_counterpart_visits(doc, sent, args):
            visit(person.id, city, k, k + 1, doc[k].text, self.venue_confidence)  # محادثات مع نظيره القيرغيزي في بيشكيك
        for person, city, k in self.signing_visits(doc, sent, args):
            visit(person.id, city, k, k + 1, doc[k].text, self.venue_confidence)  # وقع فلان ونظيره … في بيشكيك
        out += self.dateline_city_visits(doc, sent, sent_found, dateline)
        out += self.country_visit_cities(doc, sent, args, sent_found)
        for person, place in self.headline_presence(doc, sent, args):
            visit(person.id, place, person.start, place.end, "في", self.venue_confidence)  # ميرضيائيف في شنغهاي
        for m in sent_found:
            if m.type != "met":
                continue
            venue = next((a for a in args if a.type == ROLE.city and a.start > m.start and (
                a.kind == "here" or (a.kind == "name" and (word_key(doc[a.start - 1].text) == "في"
                                                           or self.glued_bi(doc[a.start]))))), None) \
                or self.where_venue(doc, args, m.start)
            if venue is None and dateline is not None and dateline.type == ROLE.city \
                    and doc[m.start].sent.start == doc[dateline.end - 1].sent.start \
                    and not any(a.type in self.visited.objects and a.kind != "nisba" and a.start >= m.start for a in args):
                venue = dateline  # بكين … (شينخوا) التقى شي مع نظيره …: the dispatch's lead, where it was filed
            if venue is None:
                continue
            host_country = self.lex.country_of(venue.id)
            homes = {p: visitor_home(self.lex, doc, p) for p in (m.source_id, m.target_id)}
            # التقى شي نظيره القرغيزي على هامش قمة … في سمرقند: two guests of a gathering abroad visit its city
            abroad = venue.kind == "name" and host_country and all(h and h != host_country for h in homes.values()) \
                and self.summit_trip(doc, sent, m.start)
            for guest_id, host_id in ((m.source_id, m.target_id), (m.target_id, m.source_id)):
                home = homes[guest_id]
                if home and host_country and home != host_country and homes[host_id] == host_country:
                    visit(guest_id, venue, m.start, m.end, m.trigger, self.venue_confidence)
                elif abroad and self.visited.allows(entity_type(self.lex, doc, guest_id) or ROLE.leader, venue.type):
                    out.append(FoundRelation("visited", guest_id, venue.id, m.start, m.end, m.trigger, self.venue_confidence))
        return out
