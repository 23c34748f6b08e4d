"""Component ``silk_patterns``: entities no table can list, found from their head words.

A head from ``data/lexicon/heads.tsv`` (خط السكة الحديد, محطة, معاهدة, قمة ...) starts a span that
is extended by what the head needs:

- ``endpoints`` (corridors): the places it joins, as a hyphenated list (الصين-قيرغيزستان-أوزبكستان)
  or after يربط/بين/من (يربط الصين وطاجيكستان وأفغانستان). A corridor is identified by its kind and
  endpoints, so the same railway merges across articles, and it ``links`` each endpoint.
- ``name`` (projects, declarations, events): a known entity or an unknown proper name right after
  the head, then a number (رقم 2), an ordinal (الثانية) or a purpose (للطاقة الكهروضوئية).
- ``definite`` (مشروع): a definite noun phrase (مشروع المدينة الأولمبية) or a nested project.
- ``any`` (treaties, agreements): an optional complement (معاهدة حسن الجوار الدائم والصداقة والتعاون)
  and the parties after بين.
- ``none``: the head alone (بيان مشترك); ``anaphor``: القمة refers back to the last summit.

Entities mentioned inside a pattern span stay mentions (``doc._.silk_inner``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract.doc_state import DOC_SCOPE, REFS, YEAR_SCOPE, FoundRelation, add_ref, init_state, make_span
from extract.lexicon import roles, Head, Lexicon, lexicon_for
from extract.surface import clean_surface, strip_proclitics
from silkgraph.normalize import clitic_candidates, identity_key, normalize_letters, phrase_key, word_key
from silkgraph.records import Entity
from silkgraph.schema import schema

ROLE = roles()

NUMBER = re.compile(r"^[0-9٠-٩]+$")
ORDINAL_NUMBER = re.compile(r"^(?:ال)?ـ?([0-9٠-٩]+)$")
LATIN_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}
DASHES = ("-", "–", "—", "ـ")
OPENERS = ('"', "“", "«", "(", "„", "'")
CLOSERS = ('"', "”", "»", ")", "“", "'")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
QUOTE_PAIRS = {"(": ")", "((": "))", "«": "»", "“": "”", '"': '"', "„": "“"}


@dataclass
class Built:
    """A pattern entity before it is written to the Doc."""

    start: int
    end: int
    entity: Entity
    inner: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    relations: list[tuple[str, str, str, float]] = field(default_factory=list)  # (type, source, target, conf)


def slug(text: str) -> str:
    """A text as an id part: lower case, runs of other characters one hyphen.

    >>> slug("Baku – Tbilisi Kars")
    'baku-tbilisi-kars'
    """
    return re.sub(r"[^0-9a-z\u0600-\u06ff]+", "-", text.lower()).strip("-")


def ordinal_en(n: int) -> str:
    """An English ordinal.

    >>> ordinal_en(2), ordinal_en(11), ordinal_en(19)
    ('2nd', '11th', '19th')
    """
    return LATIN_ORDINALS.get(n if n < 20 else n % 10, f"{n}th") if n not in (11, 12, 13) else f"{n}th"


@Language.factory("silk_patterns", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_name_tokens": 3,
                                                   "max_complement_tokens": 7, "max_org_tokens": 10})
def make_patterns(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_name_tokens: int,
                  max_complement_tokens: int, max_org_tokens: int):
    """The pattern component: corridors, projects, agreements and events from their head words.

    >>> import spacy, extract.normalizer, extract.gazetteer  # the components it follows
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "silk_gazetteer", "silk_patterns")]
    >>> [(e.text, e.label_) for e in nlp("افتتحت أذربيجان وجورجيا خط السكك الحديدية باكو - تبليسي - قارص").ents]
    [('أذربيجان', 'Country'), ('وجورجيا', 'Country'), ('خط السكك الحديدية باكو - تبليسي - قارص', 'Corridor')]
    """
    return PatternMatcher(lexicon_for(gazetteer_dir, lexicon_dir), max_name_tokens, max_complement_tokens,
                          max_org_tokens)


class PatternMatcher:
    def __init__(self, lex: Lexicon, max_name_tokens: int, max_complement_tokens: int, max_org_tokens: int = 10):
        self.lex = lex
        self.max_name = max_name_tokens
        self.max_complement = max_complement_tokens
        self.max_org = max_org_tokens
        self.heads_by_first: dict[str, list[Head]] = {}
        for head in lex.heads:
            self.heads_by_first.setdefault(head.words[0], []).append(head)
        self.name_stops = lex.words("name_stop") | lex.words("clause") | lex.words("relative")
        self.links_triggers = [t.pattern for t in lex.triggers if t.relation == "links"]
        self.between = lex.words("between")
        self.route = lex.words("route")
        self.route_verbs = lex.words("route_verb")
        self.via = lex.words("via")
        self.route_filler = lex.words("route_filler")
        self.directions = lex.words("direction")
        self.generic_modifiers = lex.words("generic_modifier")
        self.capacity_words = lex.words("capacity")
        self.modifier_keys = sorted(lex.modifiers, key=lambda k: -len(k.split()))
        self.endpoint_types = tuple(schema().edge("links").objects)  # what a corridor may join
        # an organisation's name may hold the place or body it belongs to (برلمان قازاقستان)
        self.org_part_types = (ROLE.country, ROLE.organization, ROLE.city, *schema().edge("located_in").objects)
        # words that end an organisation's name: a title (وزارة الخارجية الصينية رئيس …), a time word
        self.org_stops = {phrase_key(t.title_ar).split()[0] for t in lex.titles} | lex.words("adverb")

    # -- token tests -------------------------------------------------------------------------
    @staticmethod
    def key_matches(token: Token, word: str) -> bool:
        """True when ``token`` is ``word`` (a word key), also with accusative tanwin (ممرا)."""
        key = token.norm_
        return key == word or (key.endswith("ا") and key[:-1] == word)

    @staticmethod
    def is_definite(token: Token) -> bool:
        letters = normalize_letters(token.text)
        return "ال" in letters[:4] and letters.endswith(token.norm_.rstrip("ا")) and (
            letters.startswith(("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")))

    def is_stop(self, token: Token) -> bool:
        # the plain key too: the clitic stripper may read بشأن as ب + a gazetteer word
        return token.is_punct or token.is_space or token.like_num or token.norm_ in self.name_stops \
            or word_key(token.text) in self.name_stops

    def has_pronoun(self, token: Token) -> bool:
        """A common noun with an attached pronoun (إشارته، حديثها): no name (في معرض إشارته: while noting)."""
        text = normalize_letters(token.text)
        raw = token.text.rstrip("\u064b-\u065f")
        for suffix in ("ها", "ه"):
            if raw.endswith(suffix) and len(text) > len(suffix) + 2:
                stem = text[: -len(suffix)]
                if self.lex.is_common(stem) or (stem.endswith("ت") and self.lex.is_common(stem[:-1] + "ه")):
                    return True
        return False

    def is_purpose(self, token: Token) -> bool:
        """ل + article: للطاقة, للنفط, للتعاون."""
        letters = normalize_letters(token.text)
        return letters.startswith(("لل", "ولل")) and len(letters) > 3

    # -- head matching -----------------------------------------------------------------------
    def match_head(self, doc: Doc, i: int) -> tuple[Head, int] | None:
        token = doc[i]
        key = token.norm_
        candidates = self.heads_by_first.get(key, []) + (
            self.heads_by_first.get(key[:-1], []) if key.endswith("ا") else [])
        if not candidates:  # most tokens: no head starts with them
            return None
        definite = self.is_definite(token)
        # longest first; of equal heads, the one written as definite as the text (بيان مشترك / البيان المشترك)
        for head in sorted(candidates, key=lambda h: (-len(h.words), h.definite != definite)):
            end = i + len(head.words)
            if end > len(doc):
                continue
            if not all(self.key_matches(doc[i + k], w) for k, w in enumerate(head.words)):
                continue
            if head.definite != definite and head.needs in ("anaphor", "name"):
                continue
            return head, end
        return None

    # -- pieces after a head -----------------------------------------------------------------
    def ent_at(self, doc: Doc, i: int, types: tuple[str, ...] | None = None) -> Span | None:
        if i >= len(doc) or not doc[i].ent_iob_ == "B":
            return None
        for ent in doc.ents:
            if ent.start == i and (types is None or ent.label_ in types):
                return ent
        return None

    def entity_list(self, doc: Doc, i: int, types: tuple[str, ...], hyphen_only: bool = False
                    ) -> tuple[list[Span], int]:
        """Entities of ``types`` chained by '-', '،', 'و' (or a و proclitic) starting at token i."""
        found: list[Span] = []
        j = i
        while j < len(doc):
            ent = self.ent_at(doc, j, types)
            if ent is None:
                break
            found.append(ent)
            j = ent.end
            if j < len(doc) and doc[j].text in ("-", "–", "—", "،", ","):
                if hyphen_only and doc[j].text not in ("-", "–", "—"):
                    break
                nxt = self.ent_at(doc, j + 1, types)
                if nxt is None:
                    break
                j += 1
                continue
            if not hyphen_only and j < len(doc) and doc[j].norm_ in ("و", "الي"):
                if self.ent_at(doc, j + 1, types) is None:
                    break
                j += 1
                continue
            if not hyphen_only and j < len(doc) and normalize_letters(doc[j].text).startswith("و") \
                    and self.ent_at(doc, j, types) is not None:
                continue
            break
        return found, (found[-1].end if found else i)

    def modifiers(self, doc: Doc, i: int) -> tuple[list[str], int]:
        """Known modifiers (متعدد الوسائط, الدولي) right after a head."""
        english = []
        while i < len(doc):
            for key in self.modifier_keys:
                words = key.split()
                if i + len(words) <= len(doc) and all(
                        doc[i + k].norm_ == w for k, w in enumerate(words)):
                    english.append(self.lex.modifiers[key])
                    i += len(words)
                    break
            else:
                break
        return english, i

    def is_word(self, token: Token, words: set[str]) -> bool:
        return token.norm_ in words or word_key(token.text) in words

    def place_chain(self, doc: Doc, i: int) -> tuple[list[Span], int]:
        """Places joined by dashes, optionally bracketed (الصين (شيآن)–أوروبا, تشونغتشينغ–شينجيانغ ـ أوروبا)."""
        found: list[Span] = []
        j = i
        while True:
            ent = self.ent_at(doc, j, self.endpoint_types)
            if ent is None:
                break
            found.append(ent)
            j = ent.end
            k = j
            while k < len(doc) and k - j < 3 and doc[k].text in DASHES + ("(", ")"):
                k += 1
            if k == j or self.ent_at(doc, k, self.endpoint_types) is None:
                break
            j = k
        if found and j < len(doc) and doc[j].text == ")" and any(t.text == "(" for t in doc[i:j]):
            j += 1  # the bracket a place opened inside the chain
        return found, j

    def nisba_chain(self, doc: Doc, i: int) -> tuple[list[Span], int]:
        """Nisba adjectives naming the countries a corridor joins: خط السكة الحديد الصيني القرغيزي
        الأوزبكي, خط أنابيب الغاز الصيني-الكازاخستاني."""
        by_start = {r.start: r for r in doc.spans[REFS] if r.id_ == "nisba"}
        found: list[Span] = []
        j = end = i
        while j in by_start:
            found.append(by_start[j])
            j = end = by_start[j].end
            if j < len(doc) and (doc[j].text in DASHES or doc[j].text == "و") and j + 1 in by_start:
                j += 1
        return found, end

    def route_walk(self, doc: Doc, i: int) -> tuple[list[Span], list[Span], int]:
        """Places along a route: من شرق تركمانستان ويصل إلى الصين عبر أوزبكستان وكازاخستان gives the
        ends (Turkmenistan, China), the places passed through (Uzbekistan, Kazakhstan) and where
        the last end stands."""
        ends: list[Span] = []
        passed: list[Span] = []
        j, end, via = i, i, False
        while j < len(doc) and j - i < self.max_complement * 3:
            token = doc[j]
            if self.is_word(token, self.route) or self.is_word(token, self.directions) \
                    or self.is_word(token, self.between):
                if self.is_word(token, self.via):
                    via = True
                elif not self.is_word(token, self.directions) and not self.is_word(token, self.route_filler):
                    via = False
                j += 1
                continue
            # ، مرورا بـ …: a comma goes on only to a further stretch of the route
            if token.text in ("،", ",") and (ends or passed) and j + 1 < len(doc) \
                    and doc[j + 1].norm_ not in ("من", "بين") and self.is_word(doc[j + 1], self.route):
                j += 1
                continue
            ents, after = self.entity_list(doc, j, self.endpoint_types)
            if not ents:
                break
            if via:
                passed.extend(ents)
            else:
                ends.extend(ents)
                end = after
            j = after
        if len(ends) < 2:  # يمتد عبر كازاخستان وروسيا: the places passed are all it names
            ends, passed = ends + passed, []
            end = max((e.end for e in ends), default=i)
        return ends, passed, end

    def endpoints(self, doc: Doc, i: int) -> tuple[list[Span], list[Span], int, bool]:
        """The places a corridor joins, right after it, the places it passes through, where its
        ends stop, and whether a verb (يربط، يمتد، الذي يربط) introduced them, so the label
        stops before it."""
        j = i + 1 if i < len(doc) and doc[i].text in OPENERS else i
        found, end = self.place_chain(doc, j)
        if len(found) < 2:
            found, end = self.nisba_chain(doc, j)
        if len(found) >= 2:
            if j > i and end < len(doc) and doc[end].text in CLOSERS:
                end += 1
            return found, [], end, False
        j, verb = i, False
        # يربط (بين) / الذي يربط / الرابط بين / يمتد من / من ... إلى
        if j < len(doc) and doc[j].norm_ in self.lex.words("relative"):
            j += 1
            verb = True
        if j < len(doc) and (self.is_word(doc[j], self.route_verbs) or any(
                p.match(normalize_letters(doc[j].text)) for p in self.links_triggers)):
            j += 1
            verb = True
        elif verb:
            return [], [], i, False
        if j < len(doc) and not verb and not (self.is_word(doc[j], self.between) or doc[j].norm_ in ("من", "عبر")):
            return [], [], i, False
        found, passed, end = self.route_walk(doc, j)
        return (found, passed, end, verb) if len(found) >= 2 else ([], [], i, False)

    def direction_pair(self, doc: Doc, i: int) -> tuple[list[str], list[Span], int]:
        """بين الشمال والجنوب (في قرغيزستان): a road between two directions, and where it is."""
        if not (i + 2 < len(doc) and doc[i].norm_ == "بين" and self.is_word(doc[i + 1], self.directions)):
            return [], [], i
        second = doc[i + 2]
        if not normalize_letters(second.text).startswith("و") or not self.is_word(second, self.directions):
            return [], [], i
        names = [doc[i + 1].norm_, second.norm_]
        end = i + 3
        places: list[Span] = []
        if end < len(doc) and doc[end].norm_ == "في":
            places, after = self.entity_list(doc, end + 1, self.endpoint_types)
            if places:
                end = after
        return names, places, end

    def proper_name(self, doc: Doc, i: int, types: tuple[str, ...] | None = None) -> tuple[list[Span], int]:
        """A known entity (or a hyphenated list of them) or a run of unknown words at token i."""
        ents, end = self.entity_list(doc, i, types or tuple(schema().node_types), hyphen_only=True)
        if ents:
            return ents, end
        j = i
        while j < len(doc) and j - i < self.max_name and not self.is_stop(doc[j]) \
                and not self.lex.is_common(doc[j].text) and doc[j].ent_iob_ != "B" \
                and not self.is_purpose(doc[j]) and not normalize_letters(doc[j].text).startswith("ال") \
                and not (j > i and self.is_prepositional(doc[j])) and not self.has_pronoun(doc[j]):
            j += 1
        return [], j

    def is_prepositional(self, token: Token) -> bool:
        """A preposition glued to a common noun (ببلدية، بمدينة): the name before it has ended."""
        letters = normalize_letters(token.text)
        return letters[:1] in ("ب", "ل", "ك") and token.norm_ != word_key(token.text) \
            and self.lex.is_common(token.norm_)

    def number_and_purpose(self, doc: Doc, i: int) -> tuple[str, bool, int]:
        """رقم 2 and a purpose phrase (للطاقة الكهروضوئية) after a name."""
        number = ""
        if i + 1 < len(doc) and doc[i].norm_ == "رقم" and NUMBER.match(doc[i + 1].text):
            number = doc[i + 1].text
            i += 2
        has_purpose = False
        if i < len(doc) and self.is_purpose(doc[i]) and not self.is_stop(doc[i]):
            has_purpose = True
            i += 1
            while i < len(doc) and normalize_letters(doc[i].text).startswith("ال") and not self.is_stop(doc[i]) \
                    and doc[i].ent_iob_ != "B" and self.match_head(doc, i) is None:
                i += 1
        return number, has_purpose, i

    def ordinal(self, doc: Doc, i: int) -> tuple[int, int]:
        if i < len(doc):
            if doc[i].norm_ in self.lex.ordinals:
                n, end = self.lex.ordinals[doc[i].norm_], i + 1
                if n < 10 and end < len(doc) and self.lex.ordinals.get(doc[end].norm_) == 10:
                    n, end = n + 10, end + 1  # الرابع عشر
                return n, end
            letters = normalize_letters(doc[i].text)
            m = ORDINAL_NUMBER.match(letters)
            if m and letters.startswith("ال"):
                return int(m.group(1)), i + 1
            if letters in ("ال", "الـ") and i + 1 < len(doc) and NUMBER.match(doc[i + 1].text):
                return int(doc[i + 1].text), i + 2  # الـ 24, written apart
        return 0, i

    def edition_before(self, doc: Doc, start: int) -> int:
        """النسخة الثانية من قمة … : the ordinal stated before the head."""
        if start >= 3 and doc[start - 1].norm_ == "من" and doc[start - 3].norm_ in self.lex.words("edition"):
            return self.lex.ordinals.get(doc[start - 2].norm_, 0)
        return 0

    def complement(self, doc: Doc, i: int, definite_head: bool = False) -> int:
        """The noun phrase completing an agreement's name: stops at prepositions, verbs, heads.

        After a definite head only definite adjectives follow (الاتفاقية التجارية); an indefinite
        word there is a predicate (الاتفاق مهم), not part of the name."""
        j = i
        while j < len(doc) and j - i < self.max_complement:
            token = doc[j]
            letters = normalize_letters(token.text)
            if definite_head and j == i and not self.is_definite(token) and token.ent_iob_ != "B":
                break
            if token.norm_ == "من" and j + 1 < len(doc) and normalize_letters(doc[j + 1].text).startswith("ال") \
                    and j > i:
                j += 1
                continue
            if self.is_stop(token) or self.match_head(doc, j) is not None:
                break
            if letters.startswith("و") and not letters.startswith("وال") and j > i and token.ent_iob_ != "B":
                break
            if letters.startswith("ل") and not letters.startswith("لل") and j > i and token.ent_iob_ != "B":
                break
            if token.ent_iob_ == "B":
                ent = self.ent_at(doc, j)
                j = ent.end if ent is not None else j + 1
                continue
            j += 1
        return j

    def participant(self, token: Token) -> bool:
        """A word naming who meets (رؤساء، وزراء، الدول الأعضاء), with or without ل/و before it."""
        words = self.lex.words("participant")
        return any(word_key(c) in words or c in words for c in clitic_candidates(normalize_letters(token.text)))

    def build_meeting(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """A summit or meeting described by its number and who meets: الاجتماع الـ15 لمجلس رؤساء دول
        منظمة …، القمة الخامسة لمؤتمر …، قمة قادة منظمة …، اجتماع رؤساء وزراء الدول الأعضاء في منظمة …
        الرابع عشر، الاجتماع الدوري الثاني بين رئيسي حكومة البلدين، المنتدى الدولي للنقل …

        With the article the head needs a number or a complement with ل/بين (القمة alone refers back)."""
        j = head_end
        ordinal, j = self.ordinal(doc, j)
        adjectives = 0
        while not ordinal and adjectives < 2 and j < len(doc) and doc[j].ent_iob_ != "B" \
                and normalize_letters(doc[j].text).startswith("ال") and not self.is_stop(doc[j]) \
                and doc[j].norm_ not in self.lex.nisba and not self.participant(doc[j]):
            j, adjectives = j + 1, adjectives + 1  # الدوري، السنوي، الدولي
            ordinal, j = self.ordinal(doc, j)
        comp_start = j
        if j < len(doc) and doc[j].norm_ in self.between:
            j += 1
        if j >= len(doc):
            return None
        first = normalize_letters(doc[j].text)
        opens = doc[j].norm_ in self.between or first.startswith("ل") or (j > comp_start)
        if self.is_definite(doc[start]) and not (ordinal or opens or adjectives):
            return None
        if not (ordinal or adjectives or opens or self.participant(doc[j])):
            return None  # قمة الصين-آسيا الوسطى: a name right after the head (build_named)
        ent_ids: list[str] = []
        inner: list[Span] = []
        seen_part = False
        last = j
        k = j
        while k < len(doc) and k - j < self.max_org:
            token = doc[k]
            letters = normalize_letters(token.text)
            if token.ent_iob_ == "B":
                ent = self.ent_at(doc, k, self.org_part_types)
                if ent is None:
                    break
                ent_ids.append(ent.kb_id_)
                inner.append(ent)
                k = last = ent.end
                if k < len(doc) and not self.is_purpose(doc[k]) and not normalize_letters(doc[k].text).startswith("و"):
                    break  # after who meets, only a purpose or a coordinated party (ودول آسيا الوسطى)
                continue
            if self.participant(token):
                seen_part = True
                k = last = k + 1
            elif token.norm_ == "في" and k > j and word_key(doc[k - 1].text) in ("اعضاء", "الاعضاء"):
                k += 1  # الدول الأعضاء في منظمة …
            elif (letters.startswith(("ال", "لل", "وال")) or self.is_purpose(token)) and (k > j or first.startswith("ل")) \
                    and not self.is_stop(token) and token.norm_ not in self.org_stops:
                k = last = k + 1  # لمنتدى الاقتصاد العالمي، للنقل متعدد الوسائط
            elif k > j and seen_part and not self.is_stop(token) and not self.lex.is_common(token.text) \
                    and not letters.startswith("و") and not self.has_pronoun(token) and not token.like_num:
                k = last = k + 1
            elif letters.startswith("و") and k > j and k + 1 < len(doc) and (
                    doc[k + 1].ent_iob_ == "B" or self.participant(doc[k + 1])):
                k += 1
            elif k > j and letters.startswith("و") and self.participant(token):
                k = last = k + 1
            else:
                break
        if not ent_ids and not seen_part and not (adjectives and last > j):
            return None
        end = last
        if not ordinal:
            ordinal, end = self.ordinal(doc, end)  # … منظمة شانغهاي للتعاون الرابع عشر
        year = ""
        if end < len(doc) and NUMBER.match(doc[end].text) and len(doc[end].text) == 4:
            year, end = doc[end].text, end + 1  # قمة … 2025
        label = strip_proclitics(doc[start].text, head.words[0]) + doc[start:end].text[len(doc[start].text):]
        what = "-".join(dict.fromkeys(ent_ids)) or identity_key(doc[comp_start:last].text)
        scope = str(ordinal) if ordinal else (year or YEAR_SCOPE)
        eid = f"event:{slug(head.kind_en)}:{what}:{scope}"
        names_en = [self.label_en(doc, e) for e in inner]
        label_en = ""
        if inner and all(names_en):
            label_en = f"{ordinal_en(ordinal) + ' ' if ordinal else ''}{' – '.join(dict.fromkeys(names_en))} {head.kind_en}"
            label_en = label_en[:1].upper() + label_en[1:]
        entity = Entity(id=eid, type=ROLE.event, label_ar=label, label_en=label_en)
        return Built(start, end, entity, inner=inner)

    # -- building each kind ------------------------------------------------------------------
    def build(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        if head.type == ROLE.event:
            described = self.build_meeting(doc, start, head, head_end)
            if described is not None or head.needs == "meeting":
                return described
        builder = {"endpoints": self.build_corridor, "name": self.build_named, "name_and_purpose": self.build_named,
                   "definite": self.build_definite, "any": self.build_agreement, "none": self.build_agreement,
                   "org": self.build_organization, "org_name": self.build_organization,
                   "org_distinct": self.build_organization}
        fn = builder.get(head.needs)
        if head.type == ROLE.project and head.needs in ("name", "name_and_purpose"):
            fn = self.build_project
        return fn(doc, start, head, head_end) if fn else None

    def is_adjective(self, token: Token) -> bool:
        """An adjective that may stand between a corridor's head and its endpoints: a participle
        (المقترح), a purpose (للمنتجات), a nisba (رئيسية) or a generic one (جديدا)."""
        key = word_key(token.text)
        nisba_like = key.endswith(("ي", "يه", "يا"))
        # a definite participle (المقترح) or nisba (الرئيسي); a definite noun (طريق الحرير) names the head instead
        return (self.is_definite(token) and (nisba_like or key.startswith("م"))) or self.is_purpose(token) \
            or nisba_like or key in self.generic_modifiers or key.rstrip("اه") in self.generic_modifiers

    def build_corridor(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        english_mods, core_end = self.modifiers(doc, head_end)
        mods_end = core_end
        # other adjectives (الجديد، المقترح، رئيسية) and a purpose (للمنتجات) may stand before the endpoints
        for _ in range(3):
            if core_end >= len(doc) or self.endpoints(doc, core_end)[0]:
                break
            token = doc[core_end]
            if self.is_stop(token) or token.ent_iob_ == "B" or token.like_num or not self.is_adjective(token) \
                    or self.match_head(doc, core_end) is not None:
                break
            core_end += 1
        ends, passed, end, verb = self.endpoints(doc, core_end)
        kind = " ".join(english_mods + [head.kind_en])
        if len(ends) < 2:
            return self.build_described_corridor(doc, start, head, head_end, mods_end, core_end, english_mods)
        ids = [e.kb_id_ for e in ends]
        labels_en = [self.label_en(doc, e) for e in ends]
        label_en = "–".join(name for name in labels_en if name) + f" {kind}" if all(labels_en) else ""
        label_ar = self.base_form(doc, start, end, head)
        if verb:  # يربط، يمتد من: the label names the corridor and its ends, without the clause's verb
            names = [clean_surface(e)[0] for e in ends]
            label_ar = f"{self.base_form(doc, start, core_end, head)} بين {names[0]} " + " ".join(
                f"و{n}" for n in names[1:])
        entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(sorted(set(ids)))}", type=head.type,
                        label_ar=label_ar, label_en=label_en)
        built = Built(start, end, entity, inner=[e for e in ends + passed if e.end <= end and e.id_ != "nisba"],
                      aliases=[doc[start:core_end].text])
        built.relations = [("links", entity.id, eid, 0.9) for eid in dict.fromkeys(ids)]
        built.relations += [("links", entity.id, p.kb_id_, 0.8) for p in passed if p.kb_id_ not in ids]
        return built

    def build_described_corridor(self, doc: Doc, start: int, head: Head, head_end: int, mods_end: int,
                                 core_end: int, english_mods: list[str]) -> Built | None:
        """A corridor without named endpoints: between two directions (الطريق السريع بين الشمال
        والجنوب في قرغيزستان), or named by a distinctive modifier (الجسر الأوراسي البري الجديد)."""
        kind = " ".join(english_mods + [head.kind_en])
        directions, places, end = self.direction_pair(doc, core_end)
        if directions:
            ids = [p.kb_id_ for p in places]
            names_en = [self.lex.modifiers.get(d, "") for d in directions]
            place_en = " in " + ", ".join(self.label_en(doc, p) for p in places) if places else ""
            label_en = f"{'–'.join(names_en)} {kind}{place_en}" if all(names_en) else ""
            entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(directions + sorted(set(ids)))}",
                            type=head.type, label_ar=self.base_form(doc, start, end, head),
                            label_en=label_en[:1].upper() + label_en[1:])
            built = Built(start, end, entity, inner=list(places), aliases=[doc[start:core_end + 3].text])
            built.relations = [("links", entity.id, eid, 0.8) for eid in dict.fromkeys(ids)]
            return built
        named_by = [word_key(t.text) for t in doc[head_end:mods_end]]
        if not any(k not in self.generic_modifiers for k in named_by):
            return None
        label_en = " ".join(reversed(english_mods)) + f" {head.kind_en}"
        entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(sorted(set(map(slug, english_mods))))}",
                        type=head.type, label_ar=self.base_form(doc, start, mods_end, head),
                        label_en=label_en[:1].upper() + label_en[1:])
        return Built(start, mods_end, entity)

    def build_named(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        name_ents, name_end = self.proper_name(doc, head_end)
        if name_end == head_end:
            return None
        number, has_purpose, end = self.number_and_purpose(doc, name_end)
        if head.needs == "name_and_purpose" and not has_purpose:
            return None
        ordinal, end2 = self.ordinal(doc, end)
        if head.type == ROLE.event:
            end = end2
            ordinal = ordinal or self.edition_before(doc, start)
        if head.type == ROLE.agreement:  # إعلان أستانا: the name alone, not what follows
            end = name_end
        name_text = doc[head_end:name_end].text
        name_key = "-".join(e.kb_id_ for e in name_ents) if name_ents else identity_key(name_text)
        name_en = " – ".join(self.label_en(doc, e) for e in name_ents) if name_ents else ""
        name_en = name_en.replace(" – ", "–")
        parts_en = [p for p in (name_en, number) if p]
        if head.type == ROLE.event:
            scope = str(ordinal) if ordinal else YEAR_SCOPE
            eid = f"event:{slug(head.kind_en)}:{name_key}:{scope}"
            label_en = f"{ordinal_en(ordinal) + ' ' if ordinal else ''}{name_en} {head.kind_en}" if name_en else ""
        elif head.type == ROLE.agreement:
            eid = f"agreement:{slug(head.kind_en)}:{name_key}"
            label_en = f"{name_en} {head.kind_en}".strip() if name_en else ""
        else:
            eid = f"project:{slug(head.kind_en)}:{name_key}{'-' + number if number else ''}"
            label_en = f"{' '.join(parts_en)} {head.kind_en}" if name_en else ""
        label_en = label_en[:1].upper() + label_en[1:]
        entity = Entity(id=eid, type=head.type, label_ar=doc[start:end].text, label_en=label_en)
        built = Built(start, end, entity, inner=list(name_ents))
        if head.type == ROLE.project:
            built.relations = [("located_in", eid, e.kb_id_, 0.6) for e in name_ents if e.label_ in (ROLE.city,)]
        return built

    def quoted(self, doc: Doc, i: int) -> int:
        """Where a quoted name at token i ends (after its closing quote), or 0: “فان يغناب”."""
        if i < len(doc) and doc[i].text in OPENERS and doc[i].text != "(":
            for k in range(i + 1, min(i + 2 + self.max_name, len(doc))):
                if doc[k].text in CLOSERS:
                    return k + 1 if k > i + 1 else 0
                if doc[k].text in ("،", ".", ",", "؛", ":"):
                    return 0
        return 0

    def capacity(self, doc: Doc, i: int) -> tuple[str, str, int]:
        """بقدرة 320 ميجاوات: a plant's capacity as a key and in English, and where it ends."""
        if i >= len(doc) or not self.is_word(doc[i], self.capacity_words):
            return "", "", i
        k = i + 1
        if k + 1 < len(doc) and not NUMBER.match(doc[k].text) and NUMBER.match(doc[k + 1].text):
            k += 1  # بقدرة إنتاجية 300
        if k >= len(doc) or not NUMBER.match(doc[k].text.replace(",", "").replace(".", "")):
            return "", "", i
        number, k = doc[k].text, k + 1
        for width in (2, 1):
            key = " ".join(t.norm_ for t in doc[k:k + width])
            if k + width <= len(doc) and key in self.lex.modifiers:
                unit = self.lex.modifiers[key]
                return f"{number}{unit.lower()}", f"{number} {unit}", k + width
        return number, number, k

    def build_project(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """A project from its head: known modifiers (الشمسية الكهروضوئية), then a quoted or proper
        name, a number (رقم 2), a purpose (للطاقة) and a capacity (بقدرة 264 ميجاوات)."""
        english_mods, i = self.modifiers(doc, head_end)
        closing = self.quoted(doc, i)
        if closing:
            name_ents, name_start, name_end, after = [], i + 1, closing - 1, closing
        elif i < len(doc) and self.is_word(doc[i], self.capacity_words):
            name_ents, name_start, name_end, after = [], i, i, i
        else:
            name_ents, name_end = self.proper_name(doc, i)
            name_start, after = i, name_end
            if len(name_ents) > 1:  # a chain of places names a route, not a project
                return None
            if name_end == i and after < len(doc) and (self.is_word(doc[after], self.generic_modifiers)
                                                       or word_key(doc[after].text).rstrip("اه") in self.generic_modifiers):
                after += 1  # محطة كبيرة للطاقة الكهرومائية
        number, has_purpose, end = self.number_and_purpose(doc, after)
        cap_key, cap_en, end = self.capacity(doc, end)
        if head.needs == "name_and_purpose" and not has_purpose:
            return None
        named = name_end > name_start
        if not (named or number or cap_key or (has_purpose and english_mods + self.modifiers(doc, after)[0])):
            if not (has_purpose and any(self.lex.modifiers.get(t.norm_) for t in doc[after:end])):
                return None
        if not named and not number and not cap_key and after == name_end:
            end = end if has_purpose else name_end
        name_text = doc[name_start:name_end].text
        kind = " ".join(english_mods + [head.kind_en])
        if name_ents:
            name_key, name_en = name_ents[0].kb_id_, self.label_en(doc, name_ents[0])
        elif named:
            name_key, name_en = identity_key(name_text), ""
        else:  # unnamed: one per article unless its capacity tells it apart
            purpose_key = identity_key(doc[after:end].text) if has_purpose and not cap_key else ""
            name_key, name_en = "-".join(p for p in ("" if cap_key else DOC_SCOPE, purpose_key) if p), ""
        eid = f"project:{slug(head.kind_en)}:" + "-".join(x for x in (name_key, number, cap_key) if x)
        if named:
            label_en = f"{' '.join(p for p in (name_en, number) if p)} {head.kind_en}" if name_en else ""
        elif number or cap_key:
            label_en = " ".join(p for p in (cap_en, kind, f"No. {number}" if number else "") if p)
        else:
            label_en = ""
        label_en = label_en[:1].upper() + label_en[1:]
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head), label_en=label_en)
        built = Built(start, end, entity, inner=list(name_ents))
        built.relations = [("located_in", eid, e.kb_id_, 0.6) for e in name_ents if e.label_ in (ROLE.city,)]
        return built

    def build_definite(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        # مشروع تحديث مصفاة شيمكنت للنفط: a nested project within two words
        for k in range(head_end, min(head_end + 3, len(doc))):
            found = self.match_head(doc, k)
            if found and found[0].type in (ROLE.project, ROLE.corridor) and found[0].needs != "definite":
                inner = self.build(doc, k, *found)
                if inner is not None:
                    inner.aliases.append(doc[inner.start:inner.end].text)
                    inner.start = start
                    return inner
        # مشروع للطاقة الكهروضوئية بقدرة 320 ميجاوات: a purpose and a capacity name a project
        _, has_purpose, after = self.number_and_purpose(doc, head_end)
        cap_key, cap_en, cap_end = self.capacity(doc, after)
        if has_purpose and cap_key:
            purpose = [self.lex.modifiers.get(t.norm_, "") for t in doc[head_end:after]]
            label_en = " ".join([cap_en] + [p for p in purpose if p] + [head.kind_en])
            entity = Entity(id=f"project:project:{identity_key(doc[head_end:after].text)}-{cap_key}", type=head.type,
                            label_ar=self.base_form(doc, start, cap_end, head), label_en=label_en)
            return Built(start, cap_end, entity)
        j = head_end
        while j < len(doc) and j - head_end < 3 and self.is_definite(doc[j]) and not self.is_stop(doc[j]) \
                and not self.is_purpose(doc[j]) and doc[j].ent_iob_ != "B":
            j += 1
        words = doc[head_end:j]
        if len(words) == 0 or (len(words) == 1 and self.lex.is_common(words[0].text)):
            return None
        entity = Entity(id=f"project:project:{identity_key(words.text)}", type=head.type,
                        label_ar=doc[start:j].text, label_en="")
        return Built(start, j, entity, aliases=[words.text])

    def build_agreement(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        if head.needs != "none" and head_end < len(doc) and doc[head_end].norm_ == "علي":
            # الاتفاق على: "agreeing on", not a document (but نص البيان المشترك على: it stipulated)
            return None
        definite = self.is_definite(doc[start])
        end = head_end if head.needs == "none" else self.complement(doc, head_end, definite)
        if definite and end == head_end and head.needs != "none":
            return None  # الاتفاق alone refers back to an agreement named before; it is no new one
        parties: list[Span] = []
        if end < len(doc) and doc[end].norm_ in self.between:
            parties, parties_end = self.entity_list(doc, end + 1, (ROLE.country, ROLE.organization, ROLE.city))
            if len(parties) < 2:
                parties = []
        comp = doc[head_end:end]
        distinctive = len(comp) >= 3 or any(t.ent_iob_ == "B" for t in comp) or any(
            not self.lex.is_common(t.text) for t in comp if not t.is_punct)
        key = identity_key(doc[start:end].text)
        party_ids = sorted({p.kb_id_ for p in parties})
        if head.needs == "none":  # بيانا مشتركا … البيان المشترك: one joint statement per article (and parties)
            eid = f"agreement:{DOC_SCOPE}:{slug(head.kind_en)}{':' + '-'.join(party_ids) if party_ids else ''}"
        elif party_ids:
            eid = f"agreement:{key}:{'-'.join(party_ids)}"
        elif distinctive:
            eid = f"agreement:{key}"
        else:
            eid = f"agreement:{DOC_SCOPE}:{key}"
        if head.needs == "none":  # بيانا مشتركا: named by its kind, in the base form
            label_ar, label_en = head.text, head.kind_en[:1].upper() + head.kind_en[1:]
        else:
            label_ar, label_en = doc[start:end].text, ""
        entity = Entity(id=eid, type=head.type, label_ar=label_ar, label_en=label_en)
        built = Built(start, end, entity, inner=[e for e in doc.ents if start <= e.start and e.end <= end])
        built.relations = [("signed", p.kb_id_, eid, 0.6) for p in parties]
        if head.joint:
            doc._.silk_joint.add(eid)
        return built

    def quoted_end(self, doc: Doc, i: int) -> int:
        """End of a name written in quotes or brackets at token i (صحيفة ((…)), وكالة «…»), else i."""
        k = i
        while k < len(doc) and doc[k].text in QUOTE_PAIRS:  # ((…)) may come as two brackets
            k += 1
        if k == i:
            return i
        for j in range(k, min(k + 1 + self.max_name * 2, len(doc))):
            if doc[j].text in QUOTE_PAIRS.values():
                if j == k:
                    return i
                close = j
                while close < len(doc) and close - j < k - i and doc[close].text in QUOTE_PAIRS.values():
                    close += 1  # as many closing marks as opening ones
                return close
            if doc[j].is_sent_start or doc[j].text in (".", "،", ","):
                return i
        return i

    def org_name_words(self, doc: Doc, i: int) -> int:
        """Unknown proper words and known names after a company or media head (شركة تبيان، صحيفة
        شينجيانغ ديلي): not common words, nisba adjectives, stops or words with the article."""
        j = i
        while j < len(doc) and j - i < self.max_name:
            token = doc[j]
            if token.ent_iob_ == "B":
                ent = self.ent_at(doc, j, self.org_part_types)
                if ent is None:
                    break
                j = ent.end
                continue
            if self.is_stop(token) or self.lex.is_common(token.text) or token.norm_ in self.lex.nisba \
                    or not ARABIC_LETTER.search(token.text) \
                    or self.is_purpose(token) or normalize_letters(token.text).startswith(("ال", "وال")) \
                    or token.norm_ in self.org_stops or self.match_head(doc, j) is not None or self.has_pronoun(token):
                break
            j += 1
        return j

    def build_organization(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """A head noun (وزارة، لجنة، بنك، شركة …) and what completes it: definite genitives and
        adjectives (وزارة الخارجية), nisba adjectives (الصينية), purposes (للتنمية), the country or
        body it belongs to (رئاسة كازاخستان), and for companies and media a proper name.

        A head with the article (البرلمان، الحزب) is a name only with something distinctive after
        it (a nisba, a purpose, a known name); alone it refers back."""
        definite = self.is_definite(doc[start])
        j, distinctive = head_end, False
        name = ""
        if head.needs == "org_name" and not definite:
            quoted = self.quoted_end(doc, j)
            j = quoted if quoted > j else self.org_name_words(doc, j)
            distinctive = j > head_end
            name = doc[head_end:j].text.strip("()«»“”\"„ ")
        while j < len(doc) and j - head_end < self.max_org:
            token = doc[j]
            letters = normalize_letters(token.text)
            if token.ent_iob_ == "B":
                ent = self.ent_at(doc, j, self.org_part_types)
                if ent is None:
                    break
                j, distinctive = ent.end, True
                if j < len(doc) and not self.is_purpose(doc[j]):
                    break  # رئاسة قيرغيزستان الوفد: after the body it belongs to, only a purpose
                continue
            if self.is_stop(token) or token.norm_ in self.org_stops or (
                    self.match_head(doc, j) is not None and not self.is_purpose(token)):
                break  # another head starts another name, but للمجلس (of the council) continues this one
            if self.is_purpose(token):
                j, distinctive = j + 1, True
            elif letters.startswith("ال") and len(letters) > 3:
                distinctive = distinctive or token.norm_ in self.lex.nisba
                j += 1
            elif letters.startswith("ل") and j > head_end and j + 1 < len(doc) \
                    and normalize_letters(doc[j + 1].text).startswith("ال") and not self.is_stop(doc[j + 1]):
                j += 1  # للمجلس الوطني لنواب الشعب: ل and a noun in construct with a definite one
            elif letters.startswith("وال") and j > head_end and j + 1 < len(doc) \
                    and doc[j + 1].norm_ in self.lex.nisba and normalize_letters(doc[j + 1].text).startswith("ال"):
                j += 1  # جمعية التكنولوجيا والمعدات الأوزبكية: a coordinated noun before its adjective
            else:
                break
        if j == head_end or ((definite or head.needs == "org_distinct") and not distinctive):
            return None
        if definite and head.needs != "org" and j - head_end == 1 and doc[head_end].norm_ in self.lex.nisba:
            return None  # القوات الروسية، الشركة الصينية: a kind and a nationality, not one body
        label = strip_proclitics(doc[start].text, head.words[0]) + doc[start:j].text[len(doc[start].text):]
        eid = f"{ROLE.organization.lower()}:{identity_key(label)}"
        entity = Entity(id=eid, type=ROLE.organization, label_ar=label, label_en="")
        # a company or a paper is also called by its name alone (صحيفة نيوترال تركمانستان: نيوترال تركمانستان)
        return Built(start, j, entity, inner=[e for e in doc.ents if start <= e.start and e.end <= j],
                     aliases=[name] if name and name != label else [])

    def base_form(self, doc: Doc, start: int, end: int, head: Head | None = None) -> str:
        """The span's text as a label: no proclitic on its first word (لمشروع -> مشروع) and the head
        out of the accusative (ممرا للنقل -> ممر للنقل)."""
        first = doc[start]
        rest = doc[start:end].text[len(first.text):]
        word = strip_proclitics(first.text, key=first.norm_)
        if not first.text.endswith(word):
            word = first.text
        key = first.norm_
        if head is not None and key.endswith("ا") and key[:-1] == head.words[0]:
            word = word.rstrip("\u064b").removesuffix("ا").rstrip("\u064b")
        return word + rest

    def label_en(self, doc: Doc, span: Span) -> str:
        entry = self.lex.entries.get(span.kb_id_)
        if entry:
            return entry.entity.label_en
        made = doc._.silk_entities.get(span.kb_id_)
        return made.label_en if made else ""

    # -- the component -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        built_all: list[Built] = []
        anaphors: list[tuple[int, int, Head]] = []
        i = 0
        while i < len(doc):
            if i in covered:
                i += 1
                continue
            found = self.match_head(doc, i)
            if found is None:
                i += 1
                continue
            head, head_end = found
            if head.needs == "anaphor":
                built = self.build_meeting(doc, i, head, head_end)  # القمة الـ19 لمنظمة …: a new event
                if built is not None:
                    built_all.append(built)
                    i = built.end
                    continue
                anaphors.append((i, head_end, head))
                i = head_end
                continue
            built = self.build(doc, i, head, head_end)
            if built is None:
                i += 1
                continue
            built_all.append(built)
            i = built.end
        self.write(doc, built_all)
        self.resolve_anaphors(doc, anaphors)
        return doc

    def write(self, doc: Doc, built_all: list[Built]) -> None:
        spans = []
        for b in built_all:
            doc._.silk_entities.setdefault(b.entity.id, b.entity)
            doc._.silk_inner.extend(b.inner)
            if b.aliases:
                doc._.silk_aliases.setdefault((b.start, b.end), []).extend(b.aliases)
            spans.append(make_span(doc, b.start, b.end, b.entity.type, b.entity.id, "pattern"))
            for rel, src, dst, conf in b.relations:
                doc._.silk_found.append(FoundRelation(rel, src, dst, b.start, b.end, "", conf))
        keep = [e for e in doc.ents if not any(s.start <= e.start and e.end <= s.end for s in spans)]
        doc.ents = filter_spans(spans + keep)

    def resolve_anaphors(self, doc: Doc, anaphors: list[tuple[int, int, Head]]) -> None:
        """القمة refers to the last event of the same kind named before it."""
        events = sorted((e for e in doc.ents if e.label_ == ROLE.event), key=lambda e: e.start)
        for start, end, head in anaphors:
            if doc[start].ent_iob_ == "B" or doc[start].ent_iob_ == "I":
                continue
            earlier = [e for e in events if e.end <= start and self.kind_en(doc, e) == head.kind_en]
            if earlier:
                target = earlier[-1]
                add_ref(doc, start, end, ROLE.event, target.kb_id_, "anaphor")

    def kind_en(self, doc: Doc, ent: Span) -> str:
        eid = ent.kb_id_
        return next((h.kind_en for h in self.lex.heads if eid.startswith(f"event:{slug(h.kind_en)}:")), "")
