"""What wire copy writes between a corridor's head and its route (issue 8, class 1, round 2):

- a figure: a length, a voltage or a throughput, in digits or written out, with its scale, unit
  and period (بجهد 500 كيلوفولت، بطاقة استيعابية 30 مليار متر مكعب سنويا، بطول ألف ومئتي كيلومتر);
  the word lists are ``capacity``, ``measure_adjective``, ``number_word``, ``approximation`` and
  ``per_period`` of ``data/lexicon/boundaries_routes.tsv``, the units those of ``modifiers.tsv``;
- the places it joins in construct, coordinated by و alone (سكة حديد الصين وقرغيزستان وأوزبكستان):
  its name, as a dash chain is (the same id as خط السكة الحديد الصين - قرغيزستان - أوزبكستان);
- a relative clause between commas before the corridor's own verb (خط الأنابيب، الذي تبلغ طاقته 55
  مليار متر مكعب، ينقل الغاز من …): the route after the verb is its route;
- a pair of directions after the head's modifiers (ممر النقل الدولي شمال - جنوب): the pair names
  it, not one more modifier;
- its name in Latin letters in brackets right after it (… (China-Kyrgyzstan-Uzbekistan railway)): an
  alias of the corridor, inside its mention, so no other finder reads a body or a place in it;
- a one-word name no table lists right after the head, before its adjectives and its ends (طريق كولما
  الجبلي بين شينجيانغ وغورنو باداخشان): part of its name, and the ends still follow;
- a quoted name after the head (خط أنابيب "قوة سيبيريا"): the name alone is an alias;
- a quoted dash chain of two towns no table lists right after the head (خط نقل الكهرباء
  "داتكا - كيمين"): one word each, no common word and no verb;
- after a verb of linking before the head, a short phrase before its first place when the second
  stands behind ب (ويربط خط أنابيب الغاز حقول الغاز في تركمانستان بمنطقة شينجيانغ).

A mixin of ``silkgraph.extract.patterns.PatternMatcher`` (through ``CorridorPhrases``).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from silkgraph.extract.built import NUMBER
from silkgraph.extract.corridor_topics import CHAIN_TOWN
from silkgraph.extract.infrastructure import CLOSERS, DASHES, OPENERS
from silkgraph.extract.lexicon import roles
from silkgraph.normalize import normalize_letters, word_key

ROLE = roles()
FIGURE_WORDS = 8  # the words of a figure written out, at most (ألف وخمسمئة وعشرين)
LATIN_WORDS = 10  # the tokens of a name in Latin letters in brackets, at most
ANY_LATIN = re.compile(r"[A-Za-z]")


class CorridorReads:
    """Figures, names and clauses between a corridor's head and its route; see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وأنجزت الشركة خط نقل الكهرباء بجهد خمسمئة كيلوفولت بين طاجيكستان وأفغانستان.")
    >>> [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Corridor"]
    [('خط نقل الكهرباء بجهد خمسمئة كيلوفولت بين طاجيكستان وأفغانستان', 'corridor:power-line:country:AF-country:TJ')]
    """

    def figure_run_end(self, doc: Doc, k: int) -> int:
        """Where a figure starting at token ``k`` ends (5، 1,200، ألفا ومئتي، نحو 30 مليار), or ``k``."""
        numbers, scales = self.lex.words("number_word"), self.lex.words("capacity_scale")
        while k < len(doc) and word_key(doc[k].text) in self.lex.words("approximation"):
            k += 1
        start = k
        while k < len(doc) and k - start < FIGURE_WORDS:
            text, key = doc[k].text, word_key(doc[k].text)
            bare = key[1:] if key[:1] == "و" and k > start else key  # ومئتي: a further part of the figure
            if NUMBER.match(text.replace(",", "").replace(".", "", 1)) or doc[k].like_num \
                    or bare in numbers or bare in scales:
                k += 1
                continue
            break
        return k

    def quantity_end(self, doc: Doc, i: int) -> int:
        """A capacity word at token ``i`` and its figure, unit and period (بجهد 500 كيلوفولت، بطاقة
        30 مليار متر مكعب سنويا): where that ends, or 0 when no figure with a unit follows."""
        if not (i < len(doc) and self.is_word(doc[i], self.capacity_words)):
            return 0
        k = i + 1
        while k < len(doc) and k - i < 3 and (word_key(doc[k].text) in self.lex.words("measure_adjective")
                                              or self.is_word(doc[k], self.measure_verbs)):
            k += 1  # بطاقة استيعابية تبلغ …
        figure_end = self.figure_run_end(doc, k)
        if figure_end == k:
            return 0
        return self.unit_and_period_end(doc, figure_end)

    def bare_quantity_end(self, doc: Doc, i: int) -> int:
        """A figure with its unit and period but no capacity word, right after a verb of carrying
        (سينقل 33 مليار متر مكعب سنويا من …): where it ends, or 0."""
        k = self.figure_run_end(doc, i)
        return self.unit_and_period_end(doc, k) if k > i else 0

    def unit_and_period_end(self, doc: Doc, k: int) -> int:
        """After a figure at ``k``: its unit (a modifier of one or two words) and period (سنويا):
        where they end, or 0 without a unit."""
        for width in (2, 1):
            if k + width <= len(doc) and " ".join(t.norm_ for t in doc[k:k + width]) in self.lex.modifiers:
                k += width
                break
        else:
            return 0
        return k + 1 if k < len(doc) and word_key(doc[k].text) in self.lex.words("per_period") else k

    def coordinated_ends(self, doc: Doc, i: int) -> tuple[list[Span], int]:
        """Two places or more right after a head, joined by و alone (الصين وقرغيزستان وأوزبكستان):
        the places and where they end, or none (a comma or a dash: another reading)."""
        found, end = self.entity_list(doc, i, self.endpoint_types)
        if len(found) < 2 or found[0].start != i:
            return [], i
        joined = all(doc[b.start - 1].norm_ == "و" and b.start - 1 == a.end or b.start == a.end
                     and doc[b.start].text.startswith("و") for a, b in zip(found, found[1:]))
        return (found, end) if joined else ([], i)

    def joined_by_ba(self, doc: Doc, ends: list[Span]) -> bool:
        """يربط X بـY: the second place of a linking verb's object behind ب (بمنطقة شينجيانغ، بالصين)."""
        if len(ends) < 2:
            return False
        k = ends[1].start
        return normalize_letters(doc[k].text).startswith("ب") or k > 0 and normalize_letters(doc[k - 1].text).startswith("ب")

    def unlisted_chain_pair(self, doc: Doc, i: int) -> list[Span]:
        """"داتكا - كيمين" at token ``i``: two one-word towns no table lists joined by a dash and
        quoted, the chain's places; else none (a known place beside one: ``chain_town``; unquoted,
        two unknown words are no name: كوكسو - بارا)."""
        quoted = 0 < i and doc[i - 1].text in OPENERS and i + 3 < len(doc) and doc[i + 3].text in CLOSERS
        if not quoted or doc[i + 1].text not in DASHES or not self.town_word(doc[i].text) \
                or not self.town_word(doc[i + 2].text) or not self.ends_a_town(doc, i + 2) \
                or self.ent_at(doc, i + 2, self.endpoint_types) is not None:
            return []
        first, second = self.unlisted_place(doc, i, ROLE.city), self.unlisted_place(doc, i + 2, ROLE.city)
        return [first, second] if first is not None and second is not None else []

    def quoted_chain(self, doc: Doc, i: int) -> tuple[list[Span], int]:
        """"بينيو – بوزوي – شيمكنت", "أوش - ساري تاش - إركيشتام", "دوشنبه - تورسون زاده" at token ``i``
        (right after the opening quote): a quoted dash chain of two to five stops, each a known place
        or work or a town no table lists of one or two words (its first no common word, no verb); the stops and
        where the chain ends (at the closing quote). Two stops both unlisted need one word each
        (``unlisted_chain_pair``); else none."""
        if not (0 < i < len(doc) and doc[i - 1].text in OPENERS):
            return [], i
        close = next((n for n in range(i + 1, min(i + 16, len(doc))) if doc[n].text in CLOSERS), 0)
        if not close:
            return [], i
        segments: list[tuple[int, int]] = []
        k = i
        for n in range(i, close + 1):
            if n == close or doc[n].text in DASHES:
                segments.append((k, n))
                k = n + 1
        if not 2 <= len(segments) <= 5 or any(a >= b for a, b in segments):
            return [], i
        stops: list[Span] = []
        for a, b in segments:
            ent = self.ent_at(doc, a, self.endpoint_types + tuple(self.work_ends))
            if ent is not None and ent.end == b:
                stops.append(ent)
                continue
            # a name's second word may be a common one (تورسون زاده); its first may not
            if b - a > 2 or any(t.ent_iob_ != "O" for t in doc[a:b]) or not self.town_word(doc[a].text):
                return [], i
            town = self.unlisted_place(doc, a, ROLE.city) if b - a == 1 else self.unlisted_words(doc, a, b)
            if town is None:
                return [], i
            stops.append(town)
        unlisted = [s for s in stops if s.id_ == CHAIN_TOWN]
        if not unlisted or len(stops) == 2 and len(unlisted) == 2 and any(len(s) > 1 for s in stops):
            return [], i
        return stops, close

    def work_on_route(self, doc: Doc, j: int) -> Span | None:
        """A work (a field, a border crossing, a port) at token j, right after a word of the route
        (من حقل «غالكينيش» عبر …، ويعبر معبر إيركشتام الحدودي إلى …، ومنها إلى مصفاة خانكيران.), when a
        word of the route or punctuation follows it (after its adjective or where it lies): the work, or None."""
        if not (j > 0 and self.is_word(doc[j - 1], self.route)):
            return None
        work = self.ent_at(doc, j, tuple(self.work_ends))
        if work is None:  # a work this component builds: its head, then its name up to the route's next word
            found = self.match_head(doc, j)
            if found is None or found[0].type not in self.work_ends:
                return None
            k = found[1]
            while k < len(doc) and k - found[1] < 4 and not doc[k].is_punct and doc[k].text not in OPENERS + CLOSERS \
                    and not self.is_word(doc[k], self.route) and not self.is_stop(doc[k]) \
                    and not (k > found[1] and doc[k].ent_iob_ == "B") and not self.is_word(doc[k], self.directions):
                k += 1
            if k < len(doc) and doc[k].text in OPENERS:  # حقل «غالكينيش»
                k = self.quoted(doc, k) or k
            if k == found[1]:
                return None
            work = Span(doc, j, k, label=found[0].type, span_id="work")
        k = work.end
        if k < len(doc) and doc[k].text in CLOSERS:
            k += 1
        detail = self.stop_detail_end(doc, k, first=True) if k < len(doc) else 0
        k = detail or k
        return work if k >= len(doc) or self.is_word(doc[k], self.route) or doc[k].is_punct else None

    def mods_before_directions(self, doc: Doc, head_end: int, english: list[str], core_end: int) -> tuple[list[str], int]:
        """The modifiers after a head (``english``, ending at ``core_end``) up to a pair of directions
        among them (الدولي شمال - جنوب: international, then the pair), and where they stop."""
        for k in range(head_end + 1, core_end):
            if self.direction_pair(doc, k)[0]:
                tail, tail_end = self.modifiers(doc, k)
                if tail_end == core_end:
                    return english[:len(english) - len(tail)], k
        return english, core_end

    def aside_before_verb(self, doc: Doc, i: int) -> int:
        """، الذي …، ينقل / يربط / يمتد (``i`` at the first comma): where the clause between commas
        ends when a verb of the route or of linking follows it, or 0."""
        aside = self.parenthetical_end(doc, i)
        if not aside or aside >= len(doc):
            return 0
        verb = doc[aside]
        linking = any(p.match(normalize_letters(verb.text)) for p in self.links_triggers)
        return aside if linking or self.is_route_verb(verb) else 0

    def latin_names_after(self, doc: Doc, built_all: list) -> None:
        """A bracketed name in Latin letters right after a corridor (``Built``): its alias, and the
        bracket joins the corridor's span."""
        for built in built_all:
            k = built.end
            if built.entity.type != ROLE.corridor or k >= len(doc) or doc[k].text != "(":
                continue
            close = next((n for n in range(k + 1, min(k + 2 + LATIN_WORDS, len(doc))) if doc[n].text == ")"), 0)
            inside = doc[k + 1:close] if close else []
            if len(inside) and all(t.text.isascii() or t.text in DASHES for t in inside) \
                    and any(ANY_LATIN.match(t.text) for t in inside):
                built.aliases.append(inside.text)
                built.end = close + 1

    def quoted_name_alone(self, doc: Doc, i: int) -> list[str]:
        """"قوة سيبيريا" at token ``i`` (its opening quote): the name inside, as an alias, when it is
        more than a line's letter ("د"); else none."""
        close = self.quoted(doc, i) if i < len(doc) and doc[i].text in OPENERS else 0
        name = doc[i + 1:close - 1].text if close else ""
        return [name] if len(name.replace(" ", "")) > 2 else []

    def name_before_route(self, doc: Doc, k: int) -> bool:
        """كولما in طريق كولما الجبلي بين …: a one-word name no table lists (no common word, no
        verb, no article) at token ``k``, with at most two adjectives and then a route's ends."""
        token = doc[k] if k < len(doc) else None
        if token is None or token.ent_iob_ != "O" or not token.is_alpha or self.is_definite(token) \
                or self.lex.is_common(token.text) or self.is_stop(token) or self.nisba_at(doc, k) is not None:
            return False
        # a name the shape of a verb (طريق واخان) only before a relative clause: a verb has no relative after it
        if not self.town_word(token.text) and not (k + 1 < len(doc) and self.is_relative(doc[k + 1])):
            return False
        j = k + 1
        while j < len(doc) and j - k <= 2 and self.is_adjective(doc[j]):
            j += 1
        return len(self.endpoints(doc, j)[0]) >= 2
