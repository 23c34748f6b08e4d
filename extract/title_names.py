"""Who holds a title: the words of a name around it, for ``silk_titles`` (``silkgraph.extract.titles``).

A name after a title runs over words that read as a name (not common words, prepositions with the
article, verbs); a title may also follow its holder's name (وقال فلان، رئيس …), a name the article
gave in full before (تشانغ for تشانغ ده جيانغ), or stand before a known leader of its country with
honorifics between (رئيس جمهورية طاجيكستان، مؤسس السلام … إمام علي رحمن).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from silkgraph.extract.identity import name_id
from silkgraph.extract.lexicon import GAZETTEER_DIR, Lexicon, Title, roles
from silkgraph.extract.relation_args import relation_verb
from silkgraph.extract.verbs import imperfect_letters
from silkgraph.normalize import drop_article, has_article, normalize_letters, opens_with, word_key
from silkgraph.records import Entity
from silkgraph.tables import read_tsv
from silkgraph.extract.surface import COMMAS

if TYPE_CHECKING:
    from silkgraph.extract.titles import TitleMatch

ROLE = roles()


def office_adjective(token, lex: Lexicon) -> bool:
    """A definite adjective that may describe an office after its title word, before its
    nationality (المبعوث الإمبراطوري الصيني، المبعوث الخاص الصيني): a relational one in ي or one of
    ``title_adjective`` in the lexicon (الأول، الخاص).

    >>> import spacy
    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> doc = spacy.blank("ar")("المبعوث الإمبراطوري الصيني")
    >>> office_adjective(doc[1], lexicon_for()), office_adjective(doc[0], lexicon_for())
    (True, False)
    """
    key = word_key(token.text)
    return has_article(token.text, prepositions=False) and normalize_letters(drop_article(token.text)) not in lex.nisba \
        and (key in lex.words("title_adjective") or key.endswith("ي"))


class HolderNames:
    """The name-finding half of ``silkgraph.extract.titles.TitleResolver`` (a mixin using its
    ``lex``, ``shape``, ``match_title``, ``ent_at`` and ``ent_spans``, and its word lists).

    >>> import spacy
    >>> doc = spacy.blank("ar")("قاسم-جومارت توكاييف و قاسم - جومارت")
    >>> HolderNames.joining_hyphen(doc, 1), HolderNames.joining_hyphen(doc, 6)  # one name; two words
    (True, False)
    """

    office_reach = 5  # words of an office no table lists, between a coordinated title and its holder, at most

    def counterpart_office(self, doc: Doc, i: int) -> Title | None:
        """The office of the leader named last before the counterpart word at token i in its
        sentence (شي جين بينغ … نظيره: the president's): the title the article bound to him, else
        the one his gazetteer note names (``known_offices``)."""
        start = doc[i].sent.start
        # one's counterpart is of another country: not a leader of the counterpart's own nationality
        # (حيث استقبله الرئيس توكاييف، وأجرى محادثات مع نظيره الكازاخي …: the guest's counterpart)
        own = self.lex.nisba.get(doc[i + 1].norm_, "") if i + 1 < len(doc) else ""
        leader = next((e for e in reversed(self.ent_spans(doc)) if start <= e.start and e.end <= i
                       and e.label_ == ROLE.leader and e.kb_id_
                       and not (own and self.home_of_leader(doc, e.kb_id_) == own)), None)
        if leader is None:
            return None
        bound = {office for (office, _), holder in (doc._.silk_bindings or {}).items() if holder == leader.kb_id_}
        title = next((t for _, t in self.titles if t.office_en in bound), None)
        return title or self.offices.get(leader.kb_id_)

    def home_of_leader(self, doc: Doc, leader_id: str) -> str:
        """The country a leader is of: the gazetteer's, else the country an office bound to him is of."""
        country = self.lex.country_of(leader_id)
        if country:
            return country
        return next((scope for (_, scope), holder in (doc._.silk_bindings or {}).items()
                     if holder == leader_id and scope.startswith("country:")), "")

    def misread_holder(self, doc: Doc, ent: Span) -> bool:
        """An organisation only the statistical model found, right where a title's holder stands, of
        two or three words that read as a name: no head of a body, no common word, no proclitic."""
        words = doc[ent.start:ent.end]
        return ent.label_ == ROLE.organization and ent.id_ == "ner" and ent.kb_id_ not in self.lex.entries \
            and 2 <= len(words) <= 3 and not any(
                t.norm_ in self.org_heads or self.lex.is_common(t.text) or normalize_letters(t.text) != t.norm_
                for t in words)

    def place_first_name(self, doc: Doc, ent: Span) -> bool:
        """A one-word place right where a title's holder stands, before a word shaped as a family
        name (أورال موخاميدجانوف): the holder's first name, not the place."""
        return ent.label_ in (ROLE.city, ROLE.region) and len(ent) == 1 and ent.end < len(doc) \
            and doc[ent.end].ent_iob_ == "O" and self.surname_shaped(doc[ent.end])

    def apposition_taken(self, doc: Doc, match: "TitleMatch", scope_id: str) -> bool:
        """Whether a title with no name after it cannot describe the name right before it: the
        article already bound the office to someone else (ودعا توكاييف الرئيس الصيني إلى …: the
        Chinese president is Xi, the object of the verb), or that name stands right after a title
        of its own, of another country, with no comma between (استقبل قائد الجيش القرغيزي فلان وزير
        الدفاع الروسي: the minister is another person; one holds no offices of two countries)."""
        holder = (doc._.silk_bindings or {}).get((match.title.office_en, scope_id))
        before = self.ent_ending_at(doc, match.start)
        if before is None or doc[match.start - 1].text in COMMAS:
            return False
        if holder and before.kb_id_ and holder != before.kb_id_:
            return True
        country = scope_id if scope_id.startswith("country:") else self.lex.country_of(scope_id)
        for r in doc._.silk_found:
            if r.end == before.end and r.start < before.start and r.type in ("leads", "serves") and country:
                own = {self.lex.nisba[t.norm_] for t in doc[r.start:before.start] if t.norm_ in self.lex.nisba}
                own |= {r.target_id} if r.target_id.startswith("country:") else set()
                if own and country not in own:
                    return True
        return False

    def own_office_country(self, doc: Doc, match: "TitleMatch") -> str:
        """The country of the known leader named right before a title with no country of its own,
        when the title is the office his gazetteer note names (``known_offices``), else ""."""
        before = self.ent_ending_at(doc, match.start)
        if before is None or before.label_ != ROLE.leader or not before.kb_id_:
            return ""
        office = self.offices.get(before.kb_id_)
        return self.lex.country_of(before.kb_id_) if office is not None and office.office_en == match.title.office_en else ""

    def rejoin_names(self, doc: Doc) -> None:
        """A person's name whose last word a table read as a place (تشانغ تشون [شيان]، رئيس الحزب):
        a one-word place between an unknown person's name and the comma before a title is the
        name's end, since nothing stands between a name and its title."""
        ents = list(doc.ents)
        changed = False
        for k in range(1, len(ents)):
            person, place = ents[k - 1], ents[k]
            if person is None:
                continue
            end = place.end
            if not (person.label_ == ROLE.person and person.kb_id_ not in self.lex.entries and person.end == place.start
                    and len(place) == 1 and place.label_ in (ROLE.city, ROLE.region) and end + 1 < len(doc)
                    and doc[end].text in COMMAS and self.match_title(doc, end + 1) is not None):
                continue
            name = doc[person.start:end]
            eid = name_id(ROLE.person, name.text)
            doc._.silk_entities.setdefault(eid, Entity(eid, ROLE.person, name.text))
            ents[k - 1] = Span(doc, person.start, end, label=ROLE.person, kb_id=eid, span_id=person.id_)
            ents[k] = None
            changed = True
        if changed:
            doc.ents = [e for e in ents if e is not None]
        self.drop_ranks(doc)
        self.join_compound_names(doc)

    def join_compound_names(self, doc: Doc) -> None:
        """A name cut after the second half of a compound first name (نور الدين | جان إسماعيلوف، فايز
        الدين | قهار زاده): a person ending on a ``compound_name_end`` word (الدين، الله) runs on over
        the person right after it, or over the words after it that read as a name."""
        ends, surname_words = self.lex.words("compound_name_end"), self.lex.words("surname_word")
        ents = list(doc.ents)
        changed = False
        for k, e in enumerate(ents):
            if e is None or e.label_ not in (ROLE.person, ROLE.leader) or e.kb_id_ in self.lex.entries:
                continue
            if e.end + 1 < len(doc) and doc[e.end].ent_iob_ == doc[e.end + 1].ent_iob_ == "O" and not doc[e.end].is_punct \
                    and word_key(doc[e.end + 1].text) in surname_words and not self.lex.is_common(doc[e.end].text) \
                    and word_key(doc[e.end].text) not in self.stops:
                end = e.end + 2  # محمد طاهر [زاكر زاده]: a family name of two words, the second a surname word
                eid = name_id(e.label_, doc[e.start:end].text)
                doc._.silk_entities.setdefault(eid, Entity(eid, e.label_, doc[e.start:end].text))
                ents[k] = Span(doc, e.start, end, label=e.label_, kb_id=eid, span_id=e.id_)
                changed = True
                continue
            if e.end < len(doc) and doc[e.end].ent_iob_ == "O" and word_key(doc[e.end].text) in surname_words:
                eid = name_id(e.label_, doc[e.start:e.end + 1].text)  # دلير جمعة [زاده]: the surname's second word
                doc._.silk_entities.setdefault(eid, Entity(eid, e.label_, doc[e.start:e.end + 1].text))
                ents[k] = Span(doc, e.start, e.end + 1, label=e.label_, kb_id=eid, span_id=e.id_)
                changed = True
                continue
            if len(e) < 2 or word_key(e[-1].text) not in ends:
                continue
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            if nxt is not None and nxt.start == e.end and nxt.label_ in (ROLE.person, ROLE.leader) \
                    and nxt.kb_id_ not in self.lex.entries:
                end = nxt.end
                ents[k + 1] = None
            else:
                end = self.unknown_name(doc, e.end) if nxt is None or nxt.start > e.end else e.end
                # two name words at least, or one with a family name's ending (شمس الدين [رحيموف]): not a common word
                end = end if end - e.end >= 2 or (end - e.end == 1 and self.surname_shaped(doc[e.end])) else e.end
            if end == e.end:
                continue
            name = doc[e.start:end]
            eid = name_id(e.label_, name.text)
            doc._.silk_entities.setdefault(eid, Entity(eid, e.label_, name.text))
            ents[k] = Span(doc, e.start, end, label=e.label_, kb_id=eid, span_id=e.id_)
            changed = True
        if changed:
            doc.ents = [e for e in ents if e is not None]

    def drop_ranks(self, doc: Doc) -> None:
        """A person's name read with the military rank before it (الجنرال أوليغ فلان، الفريق فلان):
        the rank (a ``title_gap`` word) is no part of the name, which is the words after it."""
        ranks = self.lex.words("title_gap")
        ents = list(doc.ents)
        changed = False
        for k, e in enumerate(ents):
            if e.label_ not in (ROLE.person, ROLE.leader) or len(e) < 2 or word_key(e[0].text) not in ranks:
                continue
            name = doc[e.start + 1:e.end]
            eid = e.kb_id_ if e.kb_id_ in self.lex.entries else name_id(e.label_, name.text)
            doc._.silk_entities.setdefault(eid, Entity(eid, e.label_, name.text))
            ents[k] = Span(doc, e.start + 1, e.end, label=e.label_, kb_id=eid, span_id=e.id_)
            changed = True
        if changed:
            doc.ents = ents

    def past_gap(self, doc: Doc, i: int) -> int:
        """Past the words that may stand between a title and the name (آنذاك، السيد، دولتنا)."""
        while i < len(doc) and word_key(doc[i].text) in self.name_gap:
            i += 1
        return i

    def known_holder_after(self, doc: Doc, i: int, country: str) -> Span | None:
        """A known leader of ``country`` a few words after token i, in the same clause with no
        other person, verb or title between (the honorifics of an office: مؤسس السلام، زعيم الأمة)."""
        for k in range(i, min(i + self.honorific_reach, len(doc))):
            token = doc[k]
            ent = self.ent_at(doc, k)
            if ent is not None and ent.label_ == ROLE.leader and ent.kb_id_ and self.lex.country_of(ent.kb_id_) == country:
                return ent
            if ent is not None and ent.label_ in (ROLE.leader, ROLE.person, ROLE.country) or token.is_sent_start \
                    or token.text in (".", "؛", ":") or word_key(token.text) in self.stops \
                    or (k > i and self.match_title(doc, k) is not None and word_key(token.text) not in self.honorific_titles):
                return None
            if self.is_verb(token.text):
                return None
        return None

    def is_verb(self, text: str) -> bool:
        """A relation's verb (سيزور), or an imperfect verb (a prefix of ``imperfect_prefix``) that
        the name shape knows or that is of two or more around a common word (يتفقان، يبحثون:
        ``plural_verb_suffix`` after يتفق). A perfect reading is left out: after a title it is too
        often a foreign name (أسيت)."""
        if relation_verb(self.lex, text):
            return True
        letters = imperfect_letters(text, self.lex.words("imperfect_prefix"))
        return bool(letters) and (self.shape.verb(text) or any(
            letters.endswith(end) and self.lex.is_common(letters[:-len(end)]) for end in self.lex.words("plural_verb_suffix")))

    def named_before(self, doc: Doc, match: TitleMatch) -> tuple[Span, Span] | None:
        """The one word right before a title (or its comma) that is the first or last word of a
        person the article named before in full (تشانغ for تشانغ ده جيانغ): that person's mention,
        and the word."""
        k = match.start - 1 if match.start > 1 and doc[match.start - 1].text in COMMAS else match.start
        one_word = doc[k - 1].ent_iob_ == "O" or (doc[k - 1].ent_iob_ == "B" and (k == len(doc) or doc[k].ent_iob_ != "I"))
        if k < 1 or not one_word or doc[k - 1].is_punct or self.lex.is_common(doc[k - 1].text):
            return None
        word = word_key(doc[k - 1].text)
        people = {e.kb_id_: e for e in self.ent_spans(doc) if e.end < k - 1 and len(e) > 1 and e.kb_id_
                  and e.label_ in (ROLE.leader, ROLE.person) and word in (word_key(e[0].text), word_key(e[-1].text))}
        return (next(iter(people.values())), doc[k - 1:k]) if len(people) == 1 else None

    def name_before(self, doc: Doc, match: TitleMatch, taken: set[int]) -> Span | None:
        """The unknown name a title stands after (وقال شين بين رئيس بلدية بكين، وأكد فلان، وزير …):
        two words or more that read as a name, right after a reporting verb."""
        end = match.start - 1 if match.start > 0 and doc[match.start - 1].text in COMMAS else match.start
        for start in range(end - 2, max(end - self.max_name, 1) - 1, -1):
            verb = word_key(doc[start - 1].text)
            if verb not in self.reporting and verb[1:] not in self.reporting:
                continue
            if start not in taken and self.unknown_name(doc, start) == end:
                return doc[start:end]
            return None
        return None

    def unknown_name(self, doc: Doc, i: int) -> int:
        """End of a run of words that reads as a person's name (not common words, not stops).

        A word with the article belongs to the name after عبد/أبو/بن (عبد العزيز) or as an
        uncommon family name (بشار الأسد); a common word only between two uncommon ones."""
        j = i
        while j < len(doc) and j - i < self.max_name:
            token = doc[j]
            key = word_key(token.text)
            if j > i and self.joining_hyphen(doc, j):
                j += 1  # قاسم-جومارت: a hyphen inside a word joins the two halves of a first name
                continue
            if j > i and self.surname_final(doc[j - 1]) and key not in self.lex.words("surname_word"):
                break  # فلانة ماميدوفا [بمسؤولين]: a Turkic family name ends the name
            if self.dotted_name_word(doc, j, first=j == i):
                j += 1  # رجب [علي] رحمان [علي]: the name's word, no preposition
                continue
            if token.is_punct or token.is_space or token.like_num or token.ent_iob_ in ("B", "I") \
                    or token.norm_ in self.stops or key in self.stops or self.title_not_name(doc, i, j) \
                    or (j > i and token.norm_ in self.counterparts):
                break  # (… جمشيد كوتشكاروف بنظيره الصيني: the counterpart after the name is no part of it)
            if has_article(token.text) and not opens_with(token.text, "article") \
                    and self.shape.name_word(token.text) and not self.lex.is_common(token.text):
                j += 1  # فالنتينا: a known foreign name whose first letters read as a proclitic and the article
                continue
            # the article is written with a bare alef: a first letter normalisation folds (the hamza
            # of إلفيرا، ألماز) begins a foreign name, not the article
            hamza = token.text[:1] != normalize_letters(token.text)[:1]
            if has_article(token.text) and not has_article(token.text, prepositions=False):
                break  # بالوفد، للصين: a preposition and the article start what follows the name
            if self.is_verb(token.text):
                break  # وزير الخارجية الصيني سيزور …، … يتفقان على: the verb of what the holder does
            if has_article(token.text, prepositions=False) and not hamza:
                linked = j > i and word_key(doc[j - 1].text) in self.name_links
                surname = j > i and not self.lex.is_common(token.text) and token.norm_ not in self.lex.nisba
                if not (linked or surname) or opens_with(token.text, "coordinator"):
                    break
                j += 1
                if surname and not linked and not (j - 1 > i and key in self.lex.words("compound_name_end")):
                    break  # a family name with the article ends the name; الدين of فيض الدين does not
                continue
            if j + 1 < len(doc) and j + 1 - i < self.max_name and word_key(doc[j + 1].text) in self.lex.words("surname_word"):
                j += 2  # رسول زاده، قهار زاده: a family name of two words, the second a surname word
                continue
            if j > i and token.norm_ in self.place_heads and j + 1 < len(doc) and doc[j + 1].ent_iob_ == "B":
                break  # زارت فلانة موخاميتجانوفا [مدينة] أورومتشي: the word for the place the verb's object is
            if self.lex.is_common(token.text) and key not in self.name_links:
                # a common word inside a name (إمام علي رحمان) only between two uncommon ones
                nxt = doc[j + 1] if j + 1 < len(doc) else None
                if nxt is None or nxt.is_punct or self.lex.is_common(nxt.text) or nxt.norm_ in self.stops \
                        or (j == i and not self.first_name_before_surname(token, nxt)):
                    break
            j += 1
        return j

    def surname_final(self, token) -> bool:
        """A family name with an ending that closes a name (``surname_final``: ماميدوفا، توكاييف), not
        a patronymic (فلاديميروفيتش، which ends otherwise)."""
        letters = normalize_letters(token.text)
        return self.surname_shaped(token) and any(letters.endswith(end) for end in self.lex.words("surname_final"))

    def surname_shaped(self, token) -> bool:
        """An uncommon word with no article that ends as a family name does (``surname_ending``: رحيموف)."""
        letters = normalize_letters(token.text)
        return not has_article(token.text) and not self.lex.is_common(token.text) and len(letters) > 4 \
            and any(letters.endswith(end) for end in self.lex.words("surname_ending"))

    def dotted_name_word(self, doc: Doc, j: int, first: bool = False) -> bool:
        """A ``dotted_name_word`` (علي, with the dotted ya: no على) in a name: before an uncommon
        word without the article (علي شير سلطانوف), or, inside a name, ending it before punctuation
        or a word with the article."""
        token = doc[j]
        if not token.text.endswith("ي") or token.ent_iob_ != "O" or word_key(token.text) not in self.lex.words("dotted_name_word"):
            return False
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if first and (nxt is None or nxt.is_punct or has_article(nxt.text)):
            return False
        return nxt is None or nxt.is_punct or has_article(nxt.text, prepositions=False) or (
            nxt.ent_iob_ == "O" and not self.lex.is_common(nxt.text) and word_key(nxt.text) not in self.stops)

    def name_starts(self, doc: Doc, i: int) -> bool:
        """Whether a person's name starts at token i: two words or more that read as a name, or one
        before a person the model found (تنزيلة [نارباييفا]: the model took the family name alone)."""
        end = self.unknown_name(doc, i)
        if end >= i + 2:
            return True
        person = self.ent_at(doc, end) if end == i + 1 else None
        return person is not None and person.label_ in (ROLE.person, ROLE.leader)

    def coordinated_title(self, doc: Doc, after: int, held: tuple) -> "TitleMatch | None":
        """The title coordinated after one whose holder is not named yet (رئيس مجلس الوزراء ورئيس …),
        when the table knows it and it is of no other country; else, when an office no table lists opens there (ورئيس الإدارة
        الرئاسية عادلبيك فلان), the first title is bound to the known leader that office names within
        ``office_reach`` words, with no punctuation between, and None is returned."""
        if after >= len(doc) or not opens_with(doc[after].text, "coordinator"):
            return None
        nxt = self.match_title(doc, after)
        bare = nxt is not None and nxt.end == after + 1 and nxt.end < len(doc) and doc[nxt.end].ent_iob_ == "O" \
            and doc[nxt.end].norm_ not in self.lex.nisba  # ورئيس [الإدارة …]: the word alone, an office it does not name
        if nxt is not None and not bare:
            # رئيس الوزراء الكازاخستاني والرئيس الأوزبكي فلان: two people; one holds no offices of two countries
            scope = self.holder_scope(doc, nxt)[0]
            two = scope.startswith("country:") and held[1].startswith("country:") and scope != held[1]
            return None if two else nxt
        if doc[after].norm_ not in self.first_words:
            return None
        for k in range(after + 1, min(len(doc), after + 1 + self.office_reach)):
            if doc[k].is_punct or self.match_title(doc, k) is not None:
                return None
            ent = self.ent_at(doc, k)
            if ent is not None:
                if ent.label_ == ROLE.leader and ent.kb_id_ in self.lex.entries and self.named_scope(held[1]):
                    self.bind(doc, ent.kb_id_, *held, ent.end, 0.8)
                return None
        return None

    def named_scope(self, scope_id: str) -> bool:
        """Whether a title's scope is a country or a body the tables know: a body named by common
        words alone (مجلس الوزراء) is one node for every country's, so no holder is bound to it here."""
        return scope_id.startswith("country:") or scope_id in self.lex.entries

    def glued_place(self, doc: Doc, i: int) -> bool:
        """Whether a province or city with a glued ل starts at token i, where a body is said to be of
        (سكرتير لجنة الحزب الشيوعي الصيني لمنطقة شينجيانغ … فلان), as after في."""
        place = self.ent_at(doc, i)
        return place is not None and place.label_ in (ROLE.region, ROLE.city) \
            and opens_with(doc[i].text, "lam") and not opens_with(doc[i].norm_, "lam")

    def first_name_before_surname(self, token, nxt) -> bool:
        """Whether a common word opening a name after a title is a first name (الرئيس القيرغيزي
        [صادر] جباروف، الوزيرة [جميلة] ماميدوفا): a known name word, or the feminine of one, before a
        family name of the patronymic shape (…وف، …يف، …وفا) that no list knows and that is no verb."""
        letters = normalize_letters(nxt.text)
        return self.known_first_name(token) and not self.is_verb(nxt.text) and nxt.ent_iob_ == "O" \
            and any(letters.endswith(end) for end in self.lex.words("surname_ending"))

    def known_first_name(self, token) -> bool:
        """A word of a known name, or its feminine (``feminine_name_ending`` off: جميلة of جميل)."""
        if self.shape.name_word(token.text):
            return True
        letters = normalize_letters(token.text)
        return any(letters.endswith(end) and len(letters) - len(end) >= 3 and self.shape.name_word(letters[:-len(end)])
                   for end in self.lex.words("feminine_name_ending"))

    def title_not_name(self, doc: Doc, i: int, j: int) -> bool:
        """A title at token ``j`` ends the name; not a one-word title that is a first name too, opening
        the name before a family name (وزيرة الخارجية [أمينة] ماميدوفا: أمينة "secretary")."""
        match = self.match_title(doc, j)
        if match is None:
            return False
        return not (j == i and match.end == j + 1 and j + 1 < len(doc)
                    and self.first_name_before_surname(doc[j], doc[j + 1]))

    def behind_conjunction(self, token) -> bool:
        """A word behind a glued و that is no part of the name (وميرزان، وشي): another person,
        coordinated with the title's holder, not the holder."""
        letters = normalize_letters(token.text)
        return opens_with(letters, "coordinator") and (
            not token.norm_.startswith(letters[0]) or bool(self.shape.glued_conjunction(token.text)))

    @staticmethod
    def joining_hyphen(doc: Doc, j: int) -> bool:
        """A hyphen written with no space on either side, between two words (قاسم-جومارت)."""
        token = doc[j]
        return token.text in ("-", "–") and not token.whitespace_ and not doc[j - 1].whitespace_ \
            and j + 1 < len(doc) and not doc[j + 1].is_punct and not doc[j + 1].like_num

    def past_verb(self, doc: Doc, span: Span) -> Span:
        """``span`` without its first word when a verb particle stands before it (وقد أدلى تشانغ:
        قد takes a verb, so أدلى is none of the name)."""
        if len(span) > 1 and span.start > 0 and word_key(doc[span.start - 1].text) in self.verb_particles:
            return doc[span.start + 1:span.end]
        return span

    def promote(self, doc: Doc, person: Span) -> str:
        """A Person the model found, after a title: the same name as a Leader."""
        leader_id = name_id(ROLE.leader, person.text)
        doc._.silk_entities[leader_id] = Entity(leader_id, ROLE.leader, person.text)
        return leader_id


def known_offices(lex: Lexicon, gazetteer_dir: str = "") -> dict[str, Title]:
    """Leader id -> the title of the office its gazetteer note names first (``President of China
    2013–``: President; ``Foreign Minister …``: Foreign Minister), for the leaders whose note names one.

    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> offices = known_offices(lexicon_for())
    >>> offices["leader:xi-jinping"].relation, offices["leader:wang-yi"].relation
    ('leads', 'serves')
    """
    path = (Path(gazetteer_dir) if gazetteer_dir else GAZETTEER_DIR) / "leaders.tsv"
    by_office: dict[str, Title] = {}
    for title in lex.titles:
        by_office.setdefault(title.office_en, title)
    out: dict[str, Title] = {}
    for row in read_tsv(path) if path.exists() else []:
        note = row.get("note", "")
        # the earliest office named, the longer of two at one place (Vice President, not President)
        found = [(note.find(office), -len(office), office) for office in by_office if office in note]
        if found and row.get("id") in lex.entries:
            out[row["id"]] = by_office[min(found)[2]]
    return out
