"""Component ``silk_patterns``: entities no table can list, found from their head words.

A head from ``data/lexicon/heads.tsv`` (خط السكة الحديد, محطة, معاهدة, قمة ...) starts a span that
is extended by what the head needs:

- ``endpoints`` (corridors): the places it joins, as a hyphenated list (الصين-قيرغيزستان-أوزبكستان)
  or after يربط/بين/من (يربط الصين وطاجيكستان وأفغانستان). A corridor is identified by its kind and
  endpoints, so the same railway merges across articles, and it ``links`` each endpoint.
- ``name`` (projects, declarations, events): a known entity or an unknown proper name right after
  the head, then a number (رقم 2), an ordinal (الثانية) or a purpose (للطاقة الكهروضوئية).
- ``names`` (plural project heads): موانئ أكتاو وكوريك, one project each.

Corridors and projects follow the rules of ``extract.infrastructure`` (routes, described
corridors, unnamed projects, a head alone referring back).
- ``definite`` (مشروع): a definite noun phrase (مشروع المدينة الأولمبية) or a nested project.
- ``any`` (treaties, agreements): an optional complement (معاهدة حسن الجوار الدائم والصداقة والتعاون)
  and the parties after بين.
- ``none``: the head alone (بيان مشترك); ``anaphor``: القمة refers back to the last summit, unless
  a number or who meets follows (القمة الـ19 لمنظمة …), which makes it a new event.
- ``contract`` (عقد): only as عقد + ل and a verbal noun (عقدا لبناء …), else "held/holding";
  ``period`` (خطة، استراتيجية): a document only with the years it covers (حتى عام 2030).
- ``meeting`` (اجتماع; and every event head first): an event described by its number and who meets
  (الاجتماع الـ15 لمجلس رؤساء دول منظمة …، اجتماع رؤساء وزراء الدول الأعضاء في …); ``kind``: an
  event named by its kind, one per article (مناورات عسكرية مشتركة).
- ``org`` / ``org_name`` / ``org_distinct`` (organisations: وزارة، لجنة، مجلس، شركة، صحيفة …): the
  genitives, adjectives, nisba, purposes and owning body after the head (وزارة الخارجية الصينية، بنك
  الصين للتنمية); for ``org_name`` first a proper or quoted name (شركة تبيان، صحيفة ((…))), for
  ``org_distinct`` (إدارة، رئاسة، قوات) only with a nisba, purpose or known name.
- ``place_name`` (منطقة، مقاطعة، ولاية; مدينة، بلدة): a region or city by a proper name no gazetteer
  lists (a city without the word مدينة).

Entities mentioned inside a pattern span stay mentions (``doc._.silk_inner``).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract.built import Built, slug
from extract.doc_state import DOC_SCOPE, YEAR_SCOPE, FoundRelation, add_ref, init_state, make_span
from extract.infrastructure import NAME_SLOT, InfrastructureRules
from extract.lexicon import roles, Head, Lexicon, lexicon_for
from extract.surface import strip_proclitics
from silkgraph.normalize import clitic_candidates, identity_key, normalize_letters, phrase_key, word_key
from silkgraph.records import Entity
from silkgraph.schema import schema

ROLE = roles()

NUMBER = re.compile(r"^[0-9٠-٩]+$")
YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")
ORDINAL_NUMBER = re.compile(r"^(?:ال)?ـ?([0-9٠-٩]+)$")
LATIN_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
QUOTE_PAIRS = {"(": ")", "((": "))", "«": "»", "“": "”", '"': '"', "„": "“"}


def ordinal_en(n: int) -> str:
    """An English ordinal.

    >>> ordinal_en(2), ordinal_en(11), ordinal_en(19)
    ('2nd', '11th', '19th')
    """
    return LATIN_ORDINALS.get(n if n < 20 else n % 10, f"{n}th") if n not in (11, 12, 13) else f"{n}th"


@Language.factory("silk_patterns", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_name_tokens": 3,
                                                   "max_complement_tokens": 7, "max_org_tokens": 10,
                                                   "anaphor_sentences": 2})
def make_patterns(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_name_tokens: int,
                  max_complement_tokens: int, max_org_tokens: int, anaphor_sentences: int):
    """The pattern component: corridors, projects, agreements and events from their head words.

    >>> import spacy, extract.normalizer, extract.gazetteer  # the components it follows
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "silk_gazetteer", "silk_patterns")]
    >>> [(e.text, e.label_) for e in nlp("افتتحت أذربيجان وجورجيا خط السكك الحديدية باكو - تبليسي - قارص").ents]
    [('أذربيجان', 'Country'), ('وجورجيا', 'Country'), ('خط السكك الحديدية باكو - تبليسي - قارص', 'Corridor')]
    """
    return PatternMatcher(lexicon_for(gazetteer_dir, lexicon_dir), max_name_tokens, max_complement_tokens,
                          max_org_tokens, anaphor_sentences, lexicon_dir)


@Language.factory("silk_corridor_ends", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_name_tokens": 3,
                                                       "max_complement_tokens": 7})
def make_corridor_ends(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_name_tokens: int,
                       max_complement_tokens: int):
    """Corridors whose ends only the statistical NER found, after it (see ``InfrastructureRules``)."""
    matcher = PatternMatcher(lexicon_for(gazetteer_dir, lexicon_dir), max_name_tokens, max_complement_tokens,
                             lexicon_dir=lexicon_dir)
    return matcher.late_corridors


class PatternMatcher(InfrastructureRules):
    def __init__(self, lex: Lexicon, max_name_tokens: int, max_complement_tokens: int, max_org_tokens: int = 10,
                 anaphor_sentences: int = 2, lexicon_dir: str = ""):
        self.lex = lex
        self.max_name = max_name_tokens
        self.max_complement = max_complement_tokens
        self.max_org = max_org_tokens
        self.init_infrastructure(lex, anaphor_sentences, lexicon_dir)
        self.heads_by_first: dict[str, list[Head]] = {}
        for head in lex.heads:
            self.heads_by_first.setdefault(head.words[0], []).append(head)
        self.name_stops = lex.words("name_stop") | lex.words("clause") | lex.words("relative")
        self.links_triggers = [t.pattern for t in lex.triggers if t.relation == "links"]
        self.between = lex.words("between")
        self.modifier_keys = sorted(lex.modifiers, key=lambda k: -len(k.split()))
        self._ents_of: Doc | None = None  # the Doc whose entities _ents_by_start indexes
        self._ents_by_start: dict[int, Span] = {}
        self.endpoint_types = tuple(schema().edge("links").objects)  # what a corridor may join
        # an organisation's name may hold the place or body it belongs to (برلمان قازاقستان)
        self.org_part_types = (ROLE.country, ROLE.organization, ROLE.city, *schema().edge("located_in").objects)
        # words that end an organisation's name: a title (وزارة الخارجية الصينية رئيس …), a time word
        self.org_stops = {phrase_key(t.title_ar).split()[0] for t in lex.titles} | lex.words("adverb")
        self.descriptor_words = lex.words("descriptor")  # عضو مجلس الدولة الزائر: the person's adjective
        self.org_breaking_types = (ROLE.organization, ROLE.event, ROLE.agreement)

    # -- token tests -------------------------------------------------------------------------
    @staticmethod
    def key_matches(token: Token, word: str) -> bool:
        """True when ``token`` is ``word`` (a word key), also with accusative tanwin (ممرا)."""
        key = token.norm_
        return key == word or (key.endswith("ا") and key[:-1] == word)

    @staticmethod
    def is_definite(token: Token) -> bool:
        letters = normalize_letters(token.text)
        lam_article = letters.startswith(("لل", "ولل", "فلل"))  # للفترة: ل + the article without its alef
        return ("ال" in letters[:4] or lam_article) and letters.endswith(token.norm_.rstrip("ا")) and (
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

    # -- pieces after a head -----------------------------------------------------------------
    def ent_at(self, doc: Doc, i: int, types: tuple[str, ...] | None = None) -> Span | None:
        if i >= len(doc) or not doc[i].ent_iob_ == "B":
            return None
        if self._ents_of is not doc:  # doc.ents builds its spans anew on each read: index them once
            self._ents_of, self._ents_by_start = doc, {ent.start: ent for ent in doc.ents}
        ent = self._ents_by_start.get(i)
        return ent if ent is not None and (types is None or ent.label_ in types) else None

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
                    if self.lex.modifiers[key]:  # الجديد: part of the span, not of the English kind
                        english.append(self.lex.modifiers[key])
                    i += len(words)
                    break
            else:
                break
        return english, i

    def proper_name(self, doc: Doc, i: int, types: tuple[str, ...] | None = None) -> tuple[list[Span], int]:
        """A known entity (or a hyphenated list of them) or a run of unknown words at token i."""
        ents, end = self.entity_list(doc, i, types or tuple(schema().node_types), hyphen_only=True)
        if ents:
            return ents, end
        j = i
        while j < len(doc) and j - i < self.max_name and not self.is_stop(doc[j]) \
                and not self.lex.is_common(doc[j].text) and doc[j].ent_iob_ != "B" \
                and not self.is_purpose(doc[j]) and not normalize_letters(doc[j].text).startswith("ال") \
                and not self.is_prepositional(doc[j]) and not self.has_pronoun(doc[j]):
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

    def complement(self, doc: Doc, i: int, definite_head: bool = False, works: list[Built] | None = None) -> int:
        """The noun phrase completing an agreement's name: stops at prepositions, verbs, heads.

        After a definite head only definite adjectives follow (الاتفاقية التجارية); an indefinite
        word there is a predicate (الاتفاق مهم), not part of the name. With ``works``, a project or
        corridor named inside (بشأن تطوير الموانئ الجافة) is built, added to it, and read through."""
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
            nested = self.match_head(doc, j)
            if works is not None and nested is not None and nested[0].type in (ROLE.project, ROLE.corridor) and j > i:
                work = self.build(doc, j, *nested)
                if work is not None:
                    works.append(work)
                j = work.end if work is not None else nested[1]  # الموانئ الجافة: a kind, no named work
                continue
            if self.is_stop(token) or word_key(token.text) in self.descriptor_words or (  # … الموقعة من قبل
                    nested is not None and nested[0].needs != "period"  # الشراكة الاستراتيجية
                    and nested[0].type != ROLE.organization):  # خطة المنظمة
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

    def nisba_run_end(self, doc: Doc, i: int) -> int:
        """After a nisba adjective, more of them joined by hyphens or written on (الصينية-الكازاخية، الصيني العربي)."""
        while i < len(doc):
            if doc[i].text in ("-", "–", "—") and i + 1 < len(doc) and doc[i + 1].norm_ in self.lex.nisba:
                i += 2
            elif doc[i].norm_ in self.lex.nisba and normalize_letters(doc[i].text).startswith("ال"):
                i += 1
            else:
                break
        return i

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
                and doc[j].norm_ not in self.lex.nisba and not self.participant(doc[j]) \
                and doc[j].norm_ not in self.org_stops:  # حضر القمة الرئيسُ …: the subject, no adjective
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
            _, after_mod = self.modifiers(doc, k)
            if after_mod > k and k > j:  # للنقل متعدد الوسائط
                k = last = after_mod
                continue
            if token.norm_ in self.lex.nisba and letters.startswith("ال"):
                ent_ids.append(self.lex.nisba[token.norm_])  # منتدى الأعمال الصيني-الكازاخي: the parties
                k = last = self.nisba_run_end(doc, k + 1)
                continue
            if self.participant(token):
                seen_part = True
                k = last = k + 1
            elif token.norm_ == "في" and k > j and word_key(doc[k - 1].text) in ("اعضاء", "الاعضاء"):
                k += 1  # الدول الأعضاء في منظمة …
            elif (letters.startswith(("ال", "لل", "وال")) or self.is_purpose(token)) \
                    and (k > j or first.startswith("ل")) and not self.is_stop(token) and token.norm_ not in self.org_stops:
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
        if end < len(doc) and YEAR.match(doc[end].text):
            year, end = doc[end].text, end + 1  # قمة … 2025
        label = self.head_label(doc, start, end, head)
        what = "-".join(dict.fromkeys(ent_ids)) or identity_key(doc[comp_start:last].text)
        scope = str(ordinal) if ordinal else (year or YEAR_SCOPE)
        eid = f"event:{slug(head.kind_en)}:{what}:{scope}"
        names_en = [self.label_en(doc, e) for e in inner]
        label_en = ""
        if inner and all(names_en):
            number = ordinal_en(ordinal) + " " if ordinal else ""
            label_en = f"{number}{' – '.join(dict.fromkeys(names_en))} {head.kind_en}"
            label_en = label_en[:1].upper() + label_en[1:]
        entity = Entity(id=eid, type=ROLE.event, label_ar=label, label_en=label_en)
        return Built(start, end, entity, inner=inner)

    # -- building each kind ------------------------------------------------------------------
    def build_event_kind(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """An event named by its kind alone (مناورات عسكرية مشتركة): one per article, with the
        parties after بين when they are named."""
        parties: list[Span] = []
        end = head_end
        if end < len(doc) and doc[end].norm_ in self.between:
            parties, _ = self.entity_list(doc, end + 1, (ROLE.country, ROLE.organization))
        ids = sorted({p.kb_id_ for p in parties}) if len(parties) >= 2 else []
        eid = f"event:{slug(head.kind_en)}:{DOC_SCOPE}{':' + '-'.join(ids) if ids else ''}"
        entity = Entity(id=eid, type=head.type, label_ar=self.base_form(doc, start, end, head),
                        label_en=head.kind_en[:1].upper() + head.kind_en[1:])
        return Built(start, end, entity)

    def build(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        if head.type == ROLE.event and head.needs == "kind":
            return self.build_event_kind(doc, start, head, head_end)
        if head.type == ROLE.event:
            described = self.build_meeting(doc, start, head, head_end)
            if described is not None or head.needs == "meeting":
                return described
        builder = {"endpoints": self.build_corridor, "name": self.build_named, "name_and_purpose": self.build_named,
                   "definite": self.build_definite, "any": self.build_agreement, "none": self.build_agreement,
                   "contract": self.build_agreement, "period": self.build_agreement,
                   "org": self.build_organization, "org_name": self.build_organization,
                   "org_distinct": self.build_organization, "place_name": self.build_organization}
        fn = builder.get(head.needs)
        if head.type == ROLE.project and head.needs in ("name", "name_and_purpose"):
            fn = self.build_project
        if NAME_SLOT in head.words and head.type in (ROLE.project, ROLE.corridor):
            fn = self.build_split_project  # منطقة جيزاخ الصناعية، طريق كاراكورام السريع
        return fn(doc, start, head, head_end) if fn else None

    def build_named(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        quoted = self.quoted_end(doc, head_end)  # قمة "منظمة شنغهاي للتعاون"، إعلان «أستانا»
        if quoted > head_end:
            name_ents = [e for e in doc.ents if head_end <= e.start and e.end <= quoted]
            name_end = quoted
        else:
            name_ents, name_end = self.proper_name(doc, head_end)
        if head.type == ROLE.event and len(name_ents) == 1 and quoted == head_end:
            # قمة الصين وآسيا الوسطى: the parties of a summit may be coordinated, not only hyphenated
            parties, parties_end = self.entity_list(doc, head_end, (ROLE.country, ROLE.organization, ROLE.city,
                                                                    *schema().edge("located_in").objects))
            if len(parties) >= 2:
                name_ents, name_end = parties, parties_end
        if head.type == ROLE.event and name_end < len(doc) and YEAR.match(doc[name_end].text):
            name_end += 1  # معرض 2017، إكسبو أستانا 2017: an edition by its year
        if name_end == head_end:
            return None
        number, has_purpose, end = self.number_and_purpose(doc, name_end)
        if head.needs == "name_and_purpose" and not has_purpose:
            return None
        ordinal, end2 = self.ordinal(doc, end)
        if head.type == ROLE.event:
            if end2 > end and not has_purpose:  # منتدى الحزام والطريق الثاني للتعاون الدولي
                _, has_purpose, end2 = self.number_and_purpose(doc, end2)
            end = end2
            ordinal = ordinal or self.edition_before(doc, start)
        if head.type == ROLE.agreement:  # إعلان أستانا: the name alone, not what follows
            end = name_end
            if not name_ents and quoted == head_end:
                return None  # إعلان رحمتوف: someone's announcement; a declaration is named after a place or body
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
        label_ar = self.head_label(doc, start, end, head)
        entity = Entity(id=eid, type=head.type, label_ar=label_ar, label_en=label_en)
        built = Built(start, end, entity, inner=list(name_ents))
        if head.type == ROLE.project:
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
                if k == head_end and found[0].type == ROLE.corridor:
                    return None  # مشروع الأنبوب: the corridor named before, not a new project
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
                        label_ar=self.base_form(doc, start, j, head), label_en="")
        return Built(start, j, entity, aliases=[words.text])

    def build_agreement(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        if head.needs != "none" and head_end < len(doc) and doc[head_end].norm_ == "علي":
            # الاتفاق على: "agreeing on", not a document (but نص البيان المشترك على: it stipulated)
            return None
        if start > 0 and (doc[start - 1].like_num or doc[start - 1].norm_ in self.lex.words("quantifier")):
            return None  # 30 اتفاقية تعاون، عدة اتفاقيات: a count of documents, not one named document
        definite = self.is_definite(doc[start])
        works: list[Built] = []  # the projects and corridors the document is about
        if head.needs == "contract":
            # عقد is a contract only as عقد لبناء/لتوريد …: else the verb or noun "held/holding"
            if head_end >= len(doc) or not normalize_letters(doc[head_end].text).startswith("ل") \
                    or self.is_purpose(doc[head_end]) or self.is_stop(doc[head_end]):
                return None
            end = head_end + 1
            nested = self.match_head(doc, end) if end < len(doc) else None
            if nested is not None and nested[0].type == ROLE.project:
                # عقدا لبناء محطة الطاقة …: the work contracted for, itself a project of the graph
                work = self.build(doc, end, *nested)
                end = work.end if work is not None else nested[1]
                works += [work] if work is not None else []
            end = self.complement(doc, end) if end < len(doc) else end
            if end + 1 < len(doc) and doc[end].norm_ == "رقم" and NUMBER.match(doc[end + 1].text):
                end += 2
        elif head.needs == "none":  # مذكرة تفاهم (بشأن …): named by its kind
            end = head_end
        else:
            end = self.complement(doc, head_end, definite)
        named_end = end  # before its subject: اتفاقية تعاون (بشأن …)
        if head.needs not in ("none", "contract"):
            end = self.about(doc, end, works)
        if definite and end == head_end and head.needs != "none":
            return None  # الاتفاق alone refers back to an agreement named before; it is no new one
        if head.needs == "period":
            period = self.period_end(doc, end)
            if period == end:
                return None  # خطة، استراتيجية: a document only with the years it covers
            end = period
        if end == head_end and head.kind_en.endswith("s") and head.needs != "none":
            return None  # اتفاقيات alone: some documents, none named
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
        aliases = []
        if head.needs == "none":  # بيانا مشتركا: named by its kind, in the base form
            label_ar, label_en = head.text, head.kind_en[:1].upper() + head.kind_en[1:]
        else:
            label_ar, label_en = self.head_label(doc, start, end, head), ""
            if named_end < end and named_end > head_end:
                aliases = [self.head_label(doc, start, named_end, head)]
        entity = Entity(id=eid, type=head.type, label_ar=label_ar, label_en=label_en)
        built = Built(start, end, entity, inner=[e for e in doc.ents if start <= e.start and e.end <= end],
                      aliases=aliases)
        for work in works:
            doc._.silk_entities.setdefault(work.entity.id, work.entity)
            built.inner += [make_span(doc, work.start, work.end, work.entity.type, work.entity.id, "pattern"), *work.inner]
        built.relations = [("signed", p.kb_id_, eid, 0.6) for p in parties]
        if head.joint:
            doc._.silk_joint.add(eid)
        return built

    def about(self, doc: Doc, end: int, works: list[Built] | None = None) -> int:
        """An agreement's subject after بشأن (اتفاقية … بشأن الإعفاء المتبادل من التأشيرات في …); the
        projects and corridors it names go into ``works``."""
        if self.field(doc, end) > end:
            return self.field(doc, end)  # اتفاقية تعاون في مجال الطاقة
        if end + 1 >= len(doc) or word_key(doc[end].text) not in self.lex.words("about"):
            return end
        after = self.complement(doc, end + 1, works=works)
        if after == end + 1:
            return end
        while after + 2 < len(doc) and doc[after].norm_ == "من" and self.is_definite(doc[after + 2]):
            after = self.complement(doc, after + 1)  # الإعفاء المتبادل من متطلبات التأشيرة
        after = self.field(doc, after)  # بشأن التعاون في مجال الطاقة
        if after + 1 < len(doc) and doc[after].norm_ == "في":
            place = self.ent_at(doc, after + 1, (ROLE.country, ROLE.city, *schema().edge("located_in").objects))
            if place is not None:
                after = place.end
        return after

    def field(self, doc: Doc, i: int) -> int:
        """End of في مجال/مجالات + a noun phrase at token i (an agreement's field), else i."""
        if i + 2 < len(doc) and doc[i].norm_ == "في" and word_key(doc[i + 1].text) in self.lex.words("field"):
            end = self.complement(doc, i + 2)
            return end if end > i + 2 else i
        return i

    def period_end(self, doc: Doc, i: int) -> int:
        """The years a plan covers: حتى عام 2025، للأعوام 2013 – 2017، 2021-2025 (from token i, or
        from the period word the complement took last); i when there are none."""
        for k in (i - 1, i) if i > 0 else (i,):
            j = k
            if j < len(doc) and word_key(doc[j].text) in self.lex.words("period"):
                j += 1
                if j < len(doc) and word_key(doc[j].text) in self.lex.words("period"):
                    j += 1  # حتى عام
            if j < len(doc) and YEAR.match(doc[j].text):
                j += 1
                if j + 1 < len(doc) and doc[j].text in ("-", "–", "—") and YEAR.match(doc[j + 1].text):
                    j += 2
                if j > i:
                    return j
        return i

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
            if token.ent_iob_ == "B":  # a body may bear a person's name (جامعة نزارباييف)
                ent = self.ent_at(doc, j, (*self.org_part_types, ROLE.leader, ROLE.person))
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
        if head.needs == "place_name":
            # منطقة بوكين، مقاطعة …: a province or district by a proper name no table lists
            end = head_end
            while not definite and end < len(doc) and end - head_end < self.max_name and doc[end].ent_iob_ == "O" \
                    and self.org_name_words(doc, end) > end:
                end += 1
            if end == head_end or (end < len(doc) and doc[end].ent_iob_ == "I"):
                return None  # a known place (منطقة شينجيانغ) is that place
            if head.type == ROLE.city:  # مدينة تشنغتشو: a city is named without the word city
                start = head_end
                label = doc[start:end].text
            else:
                label = self.head_label(doc, start, end, head)
            eid = f"{head.type.lower()}:{identity_key(label)}"
            return Built(start, end, Entity(id=eid, type=head.type, label_ar=label, label_en=""))
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
            nested = self.match_head(doc, j)
            if self.is_stop(token) or token.norm_ in self.org_stops or word_key(token.text) in self.descriptor_words or (
                    nested is not None and nested[0].type in self.org_breaking_types and not self.is_purpose(token)):
                # another body, event or document starts another name, but للمجلس (of the council)
                # continues this one, and so do what a company works on (شركة السكك الحديدية)
                break
            if self.is_purpose(token):
                j, distinctive = j + 1, True
            elif letters.startswith("ال") and len(letters) > 3:
                distinctive = distinctive or token.norm_ in self.lex.nisba
                j = self.nisba_run_end(doc, j + 1) if token.norm_ in self.lex.nisba else j + 1
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
        label = self.head_label(doc, start, j, head)
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

    def head_label(self, doc: Doc, start: int, end: int, head: Head) -> str:
        """``base_form`` without the proclitics glued to the head (لمنتدى … -> منتدى …, ووزارة -> وزارة)."""
        text, first = self.base_form(doc, start, end, head), doc[start].text
        bare = strip_proclitics(first, head.words[0])
        return bare + text[len(first):] if bare != first and text.startswith(first) else text

    def label_en(self, doc: Doc, span: Span) -> str:
        entry = self.lex.entries.get(span.kb_id_)
        if entry:
            return entry.entity.label_en
        made = doc._.silk_entities.get(span.kb_id_)
        return made.label_en if made else ""

    # -- the component -----------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        self._ents_of = self._nisbas_of = None
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
                built = self.build_meeting(doc, i, head, head_end)  # القمة الـ19 لمنظمة …: a new event
                if built is not None:
                    built_all.append(built)
                    i = built.end
                    continue
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
                elif head.needs == "definite":  # مشروع الأنبوب: مشروع and a corridor head alone
                    inner = self.match_head(doc, head_end)
                    if inner is not None and inner[0].type == ROLE.corridor and self.is_definite(doc[inner[1] - 1]):
                        corridor_refs.append((i, inner[1], inner[0]))
                i += 1
                continue
            built_all.append(built)
            i = built.end
        self.write(doc, built_all)
        self.resolve_anaphors(doc, anaphors)
        self.resolve_corridor_refs(doc, built_all, corridor_refs)
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
        self._ents_of = None

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
