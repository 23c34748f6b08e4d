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
from extract.normalize import identity_key, normalize_letters, word_key
from extract.surface import clean_surface, strip_proclitics
from silkgraph.records import Entity
from silkgraph.schema import schema

ROLE = roles()

NUMBER = re.compile(r"^[0-9٠-٩]+$")
ORDINAL_NUMBER = re.compile(r"^(?:ال)?ـ?([0-9٠-٩]+)$")
LATIN_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}
DASHES = ("-", "–", "—", "ـ")
NAME_SLOT = "*"  # where a head's name stands inside it (heads.tsv: منطقة * الصناعية)
OPENERS = ('"', "“", "«", "(", "„", "'")
CLOSERS = ('"', "”", "»", ")", "“", "'")


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
    return re.sub(r"[^0-9a-z\u0600-\u06ff]+", "-", text.lower()).strip("-")


def ordinal_en(n: int) -> str:
    return LATIN_ORDINALS.get(n if n < 20 else n % 10, f"{n}th") if n not in (11, 12, 13) else f"{n}th"


@Language.factory("silk_patterns", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_name_tokens": 3,
                                                   "max_complement_tokens": 7, "anaphor_sentences": 2})
def make_patterns(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_name_tokens: int,
                  max_complement_tokens: int, anaphor_sentences: int):
    return PatternMatcher(lexicon_for(gazetteer_dir, lexicon_dir), max_name_tokens, max_complement_tokens,
                          anaphor_sentences)


class PatternMatcher:
    def __init__(self, lex: Lexicon, max_name_tokens: int, max_complement_tokens: int, anaphor_sentences: int = 2):
        self.lex = lex
        self.max_name = max_name_tokens
        self.max_complement = max_complement_tokens
        self.anaphor_sentences = anaphor_sentences  # how far back خط السكة الحديد alone looks for its corridor
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
        self.line_words = lex.words("line")
        self.modifier_keys = sorted(lex.modifiers, key=lambda k: -len(k.split()))
        self.endpoint_types = tuple(schema().edge("links").objects)  # what a corridor may join

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
            if NAME_SLOT in head.words:
                split = self.split_match(doc, i, head)
                if split is not None:
                    return head, split[2]
                continue
            end = i + len(head.words)
            if end > len(doc):
                continue
            if not all(self.key_matches(doc[i + k], w) for k, w in enumerate(head.words)):
                continue
            if head.definite != definite and head.needs in ("anaphor", "name"):
                continue
            return head, end
        return None

    def split_match(self, doc: Doc, i: int, head: Head) -> tuple[int, int, int] | None:
        """A head with its name inside (منطقة * الصناعية: منطقة جيزاخ الصناعية): where the name
        starts and ends and where the head ends."""
        slot = head.words.index(NAME_SLOT)
        before, after = head.words[:slot], head.words[slot + 1:]
        if i + len(before) > len(doc) or not all(self.key_matches(doc[i + k], w) for k, w in enumerate(before)):
            return None
        start = i + len(before)
        ent = self.ent_at(doc, start, (ROLE.city, ROLE.country, ROLE.person))
        over = self.ent_at(doc, i, (ROLE.city,))
        if over is not None and over.end > start:  # منطقة جيزاخ is itself a place's name
            name_end = over.end
        elif ent is not None:
            name_end = ent.end
        else:
            name_end = start
            while name_end < len(doc) and name_end - start < 2 and not self.is_stop(doc[name_end]) \
                    and not self.lex.is_common(doc[name_end].text) and doc[name_end].ent_iob_ != "B" \
                    and not normalize_letters(doc[name_end].text).startswith("ال"):
                name_end += 1
        if name_end == start or name_end + len(after) > len(doc):
            return None
        if not all(self.key_matches(doc[name_end + k], w) for k, w in enumerate(after)):
            return None
        return start, name_end, name_end + len(after)

    def build_split_project(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """منطقة جيزاخ الصناعية، ميناء خورغوس الجاف: the name inside the head."""
        name_start, name_end, end = self.split_match(doc, start, head)
        ent = self.ent_at(doc, name_start) or self.ent_at(doc, start, (ROLE.city,))
        name_key = ent.kb_id_ if ent is not None and ent.end == name_end else identity_key(doc[name_start:name_end].text)
        name_en = self.label_en(doc, ent) if ent is not None and ent.end == name_end else ""
        eid = f"project:{slug(head.kind_en)}:{name_key}"
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head),
                        label_en=f"{name_en} {head.kind_en}" if name_en else "")
        built = Built(start, end, entity, inner=[ent] if ent is not None else [])
        if ent is not None and ent.label_ == ROLE.city:
            built.relations = [("located_in", eid, ent.kb_id_, 0.6)]
        return built

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
                        doc[i + k].norm_ == w or word_key(doc[i + k].text) == w for k, w in enumerate(words)):
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

    def nisba_at(self, doc: Doc, i: int) -> Span | None:
        return next((r for r in doc.spans[REFS] if r.start == i and r.id_ == "nisba"), None)

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
            nisba = self.nisba_at(doc, j) if ends or passed else None
            if nisba is not None:  # كاشغر الصينية: the place's country, said again
                j = nisba.end
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

    def endpoints(self, doc: Doc, i: int, verb_before: bool = False) -> tuple[list[Span], list[Span], int, bool]:
        """The places a corridor joins, right after it, the places it passes through, where its
        ends stop, and whether a verb (يربط، يمتد، الذي يربط) introduced them, so the label
        stops before it. After ``verb_before`` (ويربط الخط الصين بأوروبا) the places follow directly."""
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
        if j < len(doc) and not verb and not verb_before \
                and not (self.is_word(doc[j], self.between) or doc[j].norm_ in ("من", "عبر")):
            return [], [], i, False
        found, passed, end = self.route_walk(doc, j)
        if len(found) < 2 and verb:
            # يربط أحد حقول الغاز في تركمانستان بمنطقة شينجيانغ: a short phrase before the first place
            k = j
            while k < len(doc) and k - j < 4 and doc[k].ent_iob_ != "B" and not doc[k].is_punct \
                    and word_key(doc[k].text) not in self.lex.words("clause") and self.match_head(doc, k) is None:
                k += 1
            if k > j and self.ent_at(doc, k, self.endpoint_types) is not None:
                found, passed, end = self.route_walk(doc, k)
        return (found, passed, end, verb) if len(found) >= 2 else ([], [], i, False)

    def direction_pair(self, doc: Doc, i: int) -> tuple[list[str], list[Span], int, int]:
        """بين الشمال والجنوب (في قرغيزستان), "الشمال - الجنوب": a road between two directions, and
        where it is."""
        if i + 2 < len(doc) and doc[i].norm_ == "بين" and self.is_word(doc[i + 1], self.directions) \
                and normalize_letters(doc[i + 2].text).startswith("و") and self.is_word(doc[i + 2], self.directions):
            names, end = [doc[i + 1].norm_, doc[i + 2].norm_], i + 3
        else:
            j = i + 1 if i < len(doc) and doc[i].text in OPENERS else i
            if not (j + 2 < len(doc) and self.is_word(doc[j], self.directions) and doc[j + 1].text in DASHES
                    and self.is_word(doc[j + 2], self.directions)):
                return [], [], i, i
            names, end = [doc[j].norm_, doc[j + 2].norm_], j + 3
            if j > i and end < len(doc) and doc[end].text in CLOSERS:
                end += 1
        pair_end = end
        places: list[Span] = []
        if end < len(doc) and doc[end].norm_ == "في":
            places, after = self.entity_list(doc, end + 1, self.endpoint_types)
            if places:
                end = after
        return names, places, pair_end, end

    def proper_name(self, doc: Doc, i: int, types: tuple[str, ...] | None = None) -> tuple[list[Span], int]:
        """A known entity (or a hyphenated list of them) or a run of unknown words at token i."""
        ents, end = self.entity_list(doc, i, types or tuple(schema().node_types), hyphen_only=True)
        if ents:
            return ents, end
        j = i
        while j < len(doc) and j - i < self.max_name and not self.is_stop(doc[j]) \
                and not self.lex.is_common(doc[j].text) and doc[j].ent_iob_ != "B" \
                and not self.is_purpose(doc[j]) and not normalize_letters(doc[j].text).startswith("ال") \
                and not self.is_prepositional(doc[j]):
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
                return self.lex.ordinals[doc[i].norm_], i + 1
            m = ORDINAL_NUMBER.match(normalize_letters(doc[i].text))
            if m and normalize_letters(doc[i].text).startswith("ال"):
                return int(m.group(1)), i + 1
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

    # -- building each kind ------------------------------------------------------------------
    def build(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        builder = {"endpoints": self.build_corridor, "name": self.build_named, "name_and_purpose": self.build_named,
                   "definite": self.build_definite, "any": self.build_agreement, "none": self.build_agreement}
        fn = builder.get(head.needs)
        if head.type == ROLE.project and head.needs in ("name", "name_and_purpose"):
            fn = self.build_split_project if NAME_SLOT in head.words else self.build_project
        return fn(doc, start, head, head_end) if fn else None

    def is_adjective(self, token: Token) -> bool:
        """An adjective that may stand between a corridor's head and its endpoints: a participle
        (المقترح), a purpose (للمنتجات), a nisba (رئيسية) or a generic one (جديدا)."""
        key = word_key(token.text)
        nisba_like = key.endswith(("ي", "يه", "يا"))
        # a definite participle (المقترح) or nisba (الرئيسي); a definite noun (طريق الحرير) names the head instead
        return (self.is_definite(token) and (nisba_like or key.startswith("م"))) or self.is_purpose(token) \
            or nisba_like or key in self.generic_modifiers or key.rstrip("اه") in self.generic_modifiers

    def line_before(self, doc: Doc, start: int) -> int:
        """خط جديد لسكك الحديد: a line (and its adjective) before a head that carries ل."""
        letters = normalize_letters(doc[start].text)
        if not (letters.startswith("ل") and doc[start].norm_ != word_key(doc[start].text)):
            return start
        for k in (start - 1, start - 2):
            if k >= 0 and doc[k].norm_ in self.line_words and all(
                    self.is_adjective(t) for t in doc[k + 1:start]):
                return k
        return start

    def build_corridor(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        start = self.line_before(doc, start)
        english_mods, core_end = self.modifiers(doc, head_end)
        mods_end = core_end
        # other adjectives (الجديد، المقترح، رئيسية), a purpose (للمنتجات), an ordinal (الرابع) and a
        # quoted line name ("د") may stand before the endpoints; the ordinal and the line name tell lines apart
        line = ""
        for _ in range(4):
            if core_end >= len(doc) or self.endpoints(doc, core_end)[0]:
                break
            token = doc[core_end]
            closing = self.quoted(doc, core_end)
            if closing and closing - core_end <= 3:
                line += "-" + identity_key(doc[core_end + 1:closing - 1].text)
                core_end = closing
                continue
            if token.norm_ in self.lex.ordinals:
                line += f"-{self.lex.ordinals[token.norm_]}"
                core_end += 1
                continue
            if self.is_stop(token) or token.ent_iob_ == "B" or token.like_num or not self.is_adjective(token) \
                    or self.match_head(doc, core_end) is not None:
                break
            core_end += 1
        verb_before = start > 0 and any(p.match(normalize_letters(doc[start - 1].text)) for p in self.links_triggers)
        ends, passed, end, verb = self.endpoints(doc, core_end, verb_before)
        # a verb before, at the start of or along the route (ويصل إلى) stays out of the label
        verb = verb or verb_before or any(self.is_word(t, self.route_verbs) for t in doc[core_end:end])
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
        entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(sorted(set(ids)))}{line}", type=head.type,
                        label_ar=label_ar, label_en=label_en)
        built = Built(start, end, entity, inner=[e for e in ends + passed if e.end <= end and e.id_ != "nisba"],
                      aliases=[doc[start:core_end].text])
        built.relations = [("links", entity.id, eid, 0.9) for eid in dict.fromkeys(ids)]
        built.relations += [("links", entity.id, p.kb_id_, 0.8) for p in passed if p.kb_id_ not in ids]
        # خط السكك الحديدية بين أنغرين وباب في أوزبكستان: the place it lies in
        if end + 1 < len(doc) and doc[end].norm_ == "في":
            place = self.ent_at(doc, end + 1, self.endpoint_types)
            if place is not None and place.kb_id_ not in ids:
                built.relations.append(("links", entity.id, place.kb_id_, 0.7))
        return built

    def build_described_corridor(self, doc: Doc, start: int, head: Head, head_end: int, mods_end: int,
                                 core_end: int, english_mods: list[str]) -> Built | None:
        """A corridor without named endpoints: between two directions (الطريق السريع بين الشمال
        والجنوب في قرغيزستان), or named by a distinctive modifier (الجسر الأوراسي البري الجديد)."""
        kind = " ".join(english_mods + [head.kind_en])
        directions, places, pair_end, end = self.direction_pair(doc, core_end)
        if directions:
            ids = [p.kb_id_ for p in places]
            names_en = [self.lex.modifiers.get(d, "") for d in directions]
            place_en = " in " + ", ".join(self.label_en(doc, p) for p in places) if places else ""
            label_en = f"{'–'.join(names_en)} {kind}{place_en}" if all(names_en) else ""
            entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(directions + sorted(set(ids)))}",
                            type=head.type, label_ar=self.base_form(doc, start, end, head),
                            label_en=label_en[:1].upper() + label_en[1:])
            built = Built(start, end, entity, inner=list(places), aliases=[doc[start:pair_end].text])
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
        if i + 1 < len(doc) and self.is_word(doc[i], self.capacity_words) is False and doc[i].norm_ in ("يبلغ", "تبلغ") \
                and self.is_word(doc[i + 1], self.capacity_words):
            i += 1  # نفق يبلغ طوله 19 كيلومترا
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

    def is_generic(self, token: Token) -> bool:
        """جديد، جديدا، الجديدة، كبيرة: an adjective that tells nothing apart."""
        return self.is_word(token, self.generic_modifiers) or word_key(token.text).rstrip("اه") in self.generic_modifiers \
            or token.norm_.rstrip("اه") in self.generic_modifiers

    def descriptors(self, doc: Doc, i: int, definite_head: bool) -> tuple[list[Span], int]:
        """What describes an unnamed project after its head: nisbas (الصينية القرغيزية), a purpose
        (للإسمنت، لتوليد الكهرباء), a complement (مصنع السيارات) and generic adjectives (كبيرة).
        Returns the nisbas and where the description ends."""
        nisbas: list[Span] = []
        j = i
        while j < len(doc) and j - i < 6:
            token = doc[j]
            nisba = self.nisba_at(doc, j)
            if nisba is not None:
                nisbas.append(nisba)
                j = nisba.end
                continue
            if self.is_stop(token) or token.ent_iob_ == "B" or self.match_head(doc, j) is not None \
                    or self.is_word(token, self.capacity_words):
                break
            letters = normalize_letters(token.text)
            glued_l = letters.startswith("ل") and token.norm_ != word_key(token.text)
            if self.is_purpose(token) or (glued_l and j + 1 < len(doc) and self.is_definite(doc[j + 1])):
                j += 1
            elif j == i and not definite_head and self.is_definite(token):
                j += 1  # مصنع السيارات: the head's complement
            elif self.is_generic(token):
                j += 1
                continue
            else:
                break
            while j < len(doc) and j - i < 6 and self.is_definite(doc[j]) and not self.is_stop(doc[j]) \
                    and doc[j].ent_iob_ != "B" and self.nisba_at(doc, j) is None and self.match_head(doc, j) is None:
                j += 1
        return nisbas, j

    def build_project(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """A project from its head: known modifiers (الشمسية الكهروضوئية), then a quoted or proper
        name, a number (رقم 2), a purpose (للطاقة) and a capacity (بقدرة 264 ميجاوات); unnamed, a
        description and the place it is in (الميناء الجاف في خورغوس، مصنعا للإسمنت في طاجيكستان)."""
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
            if head.definite and not name_ents:  # المحطة الجديدة ستعمل: after the article, a known name only
                name_end = after = i
        named = name_end > name_start
        if not named:
            return self.build_unnamed_project(doc, start, head, i, english_mods)
        number, has_purpose, end = self.number_and_purpose(doc, after)
        cap_key, cap_en, end = self.capacity(doc, end)
        if head.needs == "name_and_purpose" and not has_purpose:
            return None
        if name_ents:
            name_key, name_en = name_ents[0].kb_id_, self.label_en(doc, name_ents[0])
        else:
            name_key, name_en = identity_key(doc[name_start:name_end].text), ""
        eid = f"project:{slug(head.kind_en)}:" + "-".join(x for x in (name_key, number, cap_key) if x)
        label_en = f"{' '.join(p for p in (name_en, number) if p)} {head.kind_en}" if name_en else ""
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head),
                        label_en=label_en[:1].upper() + label_en[1:])
        built = Built(start, end, entity, inner=list(name_ents))
        built.relations = [("located_in", eid, e.kb_id_, 0.6) for e in name_ents if e.label_ in (ROLE.city,)]
        return built

    def build_unnamed_project(self, doc: Doc, start: int, head: Head, i: int, english_mods: list[str]) -> Built | None:
        """A project without a name, told apart by its number, capacity, the countries of its
        nisbas (المنطقة الصناعية الصينية القرغيزية) or its description and place."""
        nisbas, after = self.descriptors(doc, i, head.definite)
        number, has_purpose, end = self.number_and_purpose(doc, after)
        has_purpose = has_purpose or after > i
        cap_key, cap_en, end = self.capacity(doc, end)
        place = None
        if end + 1 < len(doc) and doc[end].norm_ == "في":
            k = end + 2 if self.is_word(doc[end + 1], self.route_filler) else end + 1  # في مدينة كاشغر
            place = self.ent_at(doc, k, (ROLE.city, ROLE.country))
        if head.needs == "name_and_purpose" and not has_purpose:
            return None
        # what tells it apart: not its nisbas nor a generic adjective (المحطة الجديدة)
        telling = [t for t in doc[i:after] if self.nisba_at(doc, t.i) is None and not self.is_generic(t)]
        described = bool(telling)
        countries = sorted({n.kb_id_ for n in nisbas})
        kind = " ".join(english_mods + [head.kind_en])
        if number or cap_key:
            key, label_en = identity_key(doc[i:after].text) if described and not cap_key else "", " ".join(
                p for p in (cap_en, kind, f"No. {number}" if number else "") if p)
            if not cap_key:
                key = "-".join(p for p in (DOC_SCOPE, key) if p)
        elif len(countries) >= 2:  # joint: the countries tell it apart
            key = "-".join(countries)
            names = [self.label_en(doc, n) for n in nisbas]
            label_en = f"{'–'.join(dict.fromkeys(names))} {kind}" if all(names) else ""
        elif place is not None and (head.definite or described or countries or english_mods or len(head.words) > 1):
            # الميناء الجاف في خورغوس: a definite (or described) facility in a city is that city's
            scoped = not (head.definite and place.label_ == ROLE.city and not described and not countries)
            key = "-".join(p for p in (DOC_SCOPE if scoped else "", identity_key(doc[i:after].text) if described else "",
                                       *countries, place.kb_id_) if p)
            label_en = "" if scoped else f"{self.label_en(doc, place)} {kind}".strip()
            end = place.end
        elif described and (english_mods or any(self.lex.modifiers.get(t.norm_) for t in telling)):
            key = f"{DOC_SCOPE}-{identity_key(doc[i:after].text)}"  # محطة كبيرة للطاقة الكهرومائية
            label_en = ""
        elif countries and head.definite:  # الجناح الصيني: this article's Chinese pavilion
            key = "-".join([DOC_SCOPE, *countries])
            label_en = ""
        else:
            return None
        eid = f"project:{slug(head.kind_en)}:" + "-".join(x for x in (key, number, cap_key) if x)
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head),
                        label_en=label_en[:1].upper() + label_en[1:])
        built = Built(start, end, entity, inner=[place] if place is not None and place.end <= end else [])
        if place is not None:
            built.relations = [("located_in", eid, place.kb_id_, 0.7)]
        return built

    def build_several(self, doc: Doc, start: int, head: Head, head_end: int) -> list[Built]:
        """موانئ أكتاو وكوريك: a plural head and the places it names, one project each, labelled
        with the singular head of the same kind (ميناء أكتاو، ميناء كوريك)."""
        places, _ = self.entity_list(doc, head_end, (ROLE.city,))
        singular = next((h for h in self.lex.heads if h.kind_en == head.kind_en and h.type == head.type
                         and h.needs == "name" and not h.definite), None)
        if len(places) < 2 or singular is None:
            return []
        out = []
        for n, place in enumerate(places):
            eid = f"project:{slug(head.kind_en)}:{place.kb_id_}"
            label_en = f"{self.label_en(doc, place)} {head.kind_en}".strip()
            entity = Entity(id=eid, type=head.type, label_ar=f"{singular.text} {clean_surface(place)[0]}",
                            label_en=label_en[:1].upper() + label_en[1:])
            built = Built(start if n == 0 else place.start, place.end, entity, inner=[place])
            built.relations = [("located_in", eid, place.kb_id_, 0.6)]
            out.append(built)
        return out

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
        corridor_refs: list[tuple[int, int, Head]] = []
        i = 0
        while i < len(doc):
            found = None
            if i in covered:
                # منطقة جيزاخ الصناعية: a place name (منطقة جيزاخ) may be the start of a head with its name inside
                found = self.match_head(doc, i) if doc[i].ent_iob_ == "B" else None
                if found is None or NAME_SLOT not in found[0].words:
                    i += 1
                    continue
            found = found or self.match_head(doc, i)
            if found is None:
                i += 1
                continue
            head, head_end = found
            if head.needs == "anaphor":
                anaphors.append((i, head_end, head))
                i = head_end
                continue
            if head.needs == "names":
                several = self.build_several(doc, i, head, head_end)
                if several:
                    built_all.extend(several)
                    i = several[-1].end
                    continue
                i += 1
                continue
            built = self.build(doc, i, head, head_end)
            if built is None:
                if head.type in (ROLE.corridor, ROLE.project) and self.is_definite(doc[head_end - 1]):
                    corridor_refs.append((i, head_end, head))  # خط السكة الحديد، المشروع alone: the one named before
                i += 1
                continue
            built_all.append(built)
            i = built.end
        self.write(doc, built_all)
        self.resolve_anaphors(doc, anaphors)
        self.resolve_corridor_refs(doc, built_all, corridor_refs)
        return doc

    def resolve_corridor_refs(self, doc: Doc, built_all: list[Built], refs: list[tuple[int, int, Head]]) -> None:
        """A definite corridor or project head without its ends or name (خط السكة الحديد، الميناء)
        refers to the last one of the same kind named in the sentences just before; المشروع (the
        project) to the last corridor or project."""
        if not refs:
            return
        sentence_of = {}
        for n, sent in enumerate(doc.sents):
            sentence_of.update({k: n for k in range(sent.start, sent.end)})
        for start, end, head in refs:
            if doc[start].ent_iob_ in ("B", "I"):
                continue
            generic = head.needs == "definite"  # المشروع
            earlier = [b for b in built_all if b.end <= start and b.entity.type in (ROLE.corridor, ROLE.project)
                       and (generic or b.entity.id.startswith(f"{head.type.lower()}:{slug(head.kind_en)}:"))
                       and sentence_of[start] - sentence_of[b.start] <= self.anaphor_sentences]
            if earlier:
                target = earlier[-1].entity
                add_ref(doc, start, end, target.type, target.id, "anaphor")

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
