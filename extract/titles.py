"""Component ``silk_titles``: leaders from their titles, and what a title stands for later.

"الرئيس الكازاخي قاسم جومارت توكاييف" says three things: Tokayev is a Leader (even when no table
lists him: the name after a title is taken as one), he ``leads`` Kazakhstan (the relation comes
from ``titles.tsv``: presidents lead, ministers serve), and a later "الرئيس الكازاخي" in the same
article means him. The country comes from a nisba adjective (الكازاخي) or a genitive (رئيس
كازاخستان); an organisation title takes an organisation (الأمين العام للأمم المتحدة).
Entities a statistical NER typed Person become Leaders when a title precedes them.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from silkgraph.extract.doc_state import REFS, FoundRelation, add_ref, init_state, make_span
from silkgraph.extract.family_names import FamilyNameRefs
from silkgraph.extract.identity import name_id
from silkgraph.extract.lexicon import roles, Lexicon, Title, lexicon_for
from silkgraph.extract.name_shape import NameShape
from silkgraph.extract.nisba_titles import NisbaListHeads
from silkgraph.extract.officials import PlaceAnaphors, RoleReferences
from silkgraph.extract.organisations import QUOTE_PAIRS
from silkgraph.extract.org_variants import merge_short_forms
from silkgraph.extract.relation_args import entity_type
from silkgraph.extract.title_names import HolderNames, known_offices, office_adjective
from silkgraph.normalize import drop_article, has_article, normalize_letters, opens_with, phrase_key, word_key
from silkgraph.records import Entity
from silkgraph.schema import schema
from silkgraph.extract.surface import COMMAS

ROLE = roles()

# a governor or mayor heads a city or a province (حاكم منطقة شينجيانغ، أكيم منطقة ألماتي)
PORTFOLIO_WORDS = 4  # how many words of a ministry a bare minister's title may stand before its nisba
SCOPE_TYPES = {"country": (ROLE.country,), "org": (ROLE.organization,), "city": (ROLE.city, ROLE.region)}


ENT_INDEX = "silk_titles.ent_index"


@dataclass(frozen=True)
class EntIndex:
    """The Doc's entities by start and end token, and its nisba references by start."""

    spans: tuple[Span, ...]
    by_start: dict[int, Span]
    by_end: dict[int, Span]
    nisba_by_start: dict[int, list[Span]]

    @classmethod
    def of(cls, doc: Doc) -> "EntIndex":
        spans = tuple(doc.ents)
        nisba: dict[int, list[Span]] = {}
        for r in doc.spans[REFS]:
            if r.id_ == "nisba":
                nisba.setdefault(r.start, []).append(r)
        by_end: dict[int, Span] = {}
        for e in spans:
            by_end.setdefault(e.end, e)
        return cls(spans, {e.start: e for e in spans}, by_end, nisba)


def _ents(doc: Doc) -> EntIndex:
    """The index ``__call__`` made, or a fresh one for a call from outside it."""
    return doc.user_data.get(ENT_INDEX) or EntIndex.of(doc)


@dataclass(frozen=True)
class TitleMatch:
    title: Title
    start: int
    end: int


@Language.factory("silk_titles", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_name_tokens": 4})
def make_titles(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_name_tokens: int):
    """The title component: a title next to a name gives ``leads``; a title alone stands for its holder.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("زار رئيس الوزراء الصيني لي تشيانغ العاصمة طشقند.")
    >>> [(r.source_id, r.type, r.target_id, r.trigger) for r in doc._.silk_found if r.type == "leads"]
    [('leader:li-qiang', 'leads', 'country:CN', 'رئيس الوزراء الصيني')]
    """
    lex = lexicon_for(gazetteer_dir, lexicon_dir)
    return TitleResolver(lex, max_name_tokens, NameShape.of(lex, lexicon_dir), known_offices(lex, gazetteer_dir))


class TitleResolver(HolderNames, NisbaListHeads, FamilyNameRefs, RoleReferences, PlaceAnaphors):
    def __init__(self, lex: Lexicon, max_name_tokens: int, shape: NameShape | None = None,
                 offices: dict[str, Title] | None = None):
        self.lex = lex
        self.offices = offices if offices is not None else known_offices(lex)  # leader id -> office (notes)
        self.shape = shape or NameShape.of(lex)
        self.max_name = max_name_tokens
        self.titles = sorted(((tuple(phrase_key(t.title_ar).split()), t) for t in lex.titles),
                             key=lambda kt: -len(kt[0]))
        self.first_words = {k[0] for k, _ in self.titles}
        self.stops = lex.words("name_stop") | lex.words("clause") | lex.words("relative")
        self.counterparts = lex.words("counterpart")
        self.name_links = lex.words("name_link")
        # relations of titles that may head an organisation (رئيس بنك …) as well as a country
        self.org_relations = {t.relation for t in lex.titles if t.scope == "org"}
        # the words of a title that head the body its other words name (رئيس مجلس الشيوخ, رئيسة البرلمان)
        self.body_heads = lex.words("body_head")
        self.reporting = lex.words("reporting_verb")  # وقال فلان، رئيس …: a name after a verb of saying
        self.honorific_titles = lex.words("honorific_title")  # زعيم الأمة: a title among the honorifics
        self.honorific_reach = 12  # words of honorifics between an office and its known holder, at most
        self.verb_particles = lex.words("verb_particle")  # وقد أدلى …: قد takes a verb
        self.posted_at = lex.words("posted_at")  # سفير الصين لدى كازاخستان …: where an envoy serves
        self.deputy_words = lex.words("deputy")  # نائب حاكم، نائب محافظ البنك: the holder's deputy serves
        self.affiliation_words = lex.words("affiliation")  # رئيسة لجنة … التابعة لمنظمة …: what the body belongs to
        self.quotes = lex.words("quote")
        self.closing_quotes = set(QUOTE_PAIRS.values())
        self.org_heads = {h.words[0] for h in lex.heads if h.type == ROLE.organization and len(h.words) == 1}
        self.name_gap = lex.words("title_gap") | lex.words("guest")
        self.plural_titles = lex.words("plural_title")
        self.place_heads = {h.words[0] for h in lex.heads if h.needs == "place_name"}  # منطقة، مقاطعة، مدينة
        # where a title's body may be said to be (… في جمهورية أوزبكستان، في منطقة شينجيانغ)
        self.place_types = {ROLE.country} | {h.type for h in lex.heads if h.needs == "place_name"}

    def match_title(self, doc: Doc, i: int) -> TitleMatch | None:
        glued = ""
        if doc[i].norm_ not in self.first_words:
            # لرئيس الوزراء القيرغيزي فلان: the normaliser leaves a ل before a bare noun on it
            glued = word_key(doc[i].text[1:]) if len(doc[i].text) > 3 and opens_with(doc[i].text, "lam") else ""
            if glued not in self.first_words:
                return None
        for words, title in self.titles:
            end = i + len(words)
            # a word as written too: the normaliser reads ل and the article off للحزب, which a title keeps
            if end <= len(doc) and all(doc[i + k].norm_ == w or word_key(doc[i + k].text) == w or (k == 0 and glued == w)
                                       for k, w in enumerate(words)) \
                    and not (end < len(doc) and doc[end].ent_iob_ == "I" and doc[end - 1].ent_iob_ != "O"
                             and doc[end].ent_type_ != ROLE.organization):
                # رئيس [جمهورية طاجيكستان]: a title does not end inside a place's name (رئيس الجمهورية);
                # a body's name may begin inside it (رئيس [مجلس الدولة الصيني]: see org_inside)
                return TitleMatch(title, i, end)
        return None

    def ent_spans(self, doc: Doc) -> tuple[Span, ...]:
        return _ents(doc).spans

    def ent_at(self, doc: Doc, i: int) -> Span | None:
        if i < len(doc) and doc[i].ent_iob_ == "B":
            return _ents(doc).by_start.get(i)
        return None

    def ent_ending_at(self, doc: Doc, i: int) -> Span | None:
        """The entity that ends right before token i, or before a comma there."""
        by_end = _ents(doc).by_end
        found = by_end.get(i)
        if found is None and i > 0 and doc[i - 1].text in COMMAS:
            found = by_end.get(i - 1)
        return found

    def ref_at(self, doc: Doc, i: int, label: str) -> Span | None:
        return next((r for r in _ents(doc).nisba_by_start.get(i, ()) if r.label_ == label), None)

    def lone_family_name(self, doc: Doc, k: int) -> bool:
        """Token k is a family name by its ending (``surname_final``: مخمودوف) the article has not
        written before (a person named in full before: the family name refers to them)."""
        if not self.surname_final(doc[k]):
            return False
        letters = normalize_letters(doc[k].text)
        return not any(normalize_letters(t.text) == letters for t in doc[:k])

    def first_name_title(self, doc: Doc, match: TitleMatch) -> bool:
        """A one-word title opening a person's name a finder took (أمينة ماميدوفا), before a family
        name of the patronymic shape: the name's first word."""
        if match.end != match.start + 1 or doc[match.start].ent_iob_ != "B" or match.end >= len(doc) \
                or doc[match.end].ent_iob_ != "I" or doc[match.start].ent_type_ not in (ROLE.person, ROLE.leader):
            return False
        nxt = doc[match.end]
        letters = normalize_letters(nxt.text)
        return self.shape.name_word(doc[match.start].text) and not self.is_verb(nxt.text) \
            and any(letters.endswith(end) for end in self.lex.words("surname_ending"))

    def city_surname(self, doc: Doc, after: int, city: Span) -> bool:
        """The one-word town of the gazetteer right after first names read from token ``after`` is
        their family name: written bare (no ب، في or و glued to it), no more name after it, and the
        names before it no family name of their own (a Turkic ending: وزار الوزير فلان ماراتوف أكتاو)."""
        if city.label_ != ROLE.city or len(city) != 1 or city.id_ != "gazetteer" or city.start - after > 2:
            return False
        entry = self.lex.entries.get(city.kb_id_)
        letters = normalize_letters(city.text)
        if entry is None or letters not in {normalize_letters(a) for a in (entry.entity.label_ar, *entry.aliases_ar)}:
            return False
        nxt = doc[city.end] if city.end < len(doc) else None
        if nxt is not None and not nxt.is_punct and self.shape.name_word(nxt.text) and not self.lex.is_common(nxt.text):
            return False
        if any(self.surname_final(t) for t in doc[after:city.start]):
            return False
        # زار الوزير فلان فلان أستانا: after a verb of visiting the town is where the holder goes
        sent = doc[after].sent
        return not any((trigger := self.lex.trigger_for(t.text)) is not None and trigger[0].relation == "visited"
                       for t in doc[sent.start:after])

    def past_portfolio(self, doc: Doc, match: TitleMatch, i: int) -> int:
        """Past the portfolio after a bare minister's title (``portfolio_title``: وزيرة [العمل والحماية
        الاجتماعية] الكازاخستانية): up to ``PORTFOLIO_WORDS`` words with the article, not nisbas, when
        a country's nisba follows them; else ``i``."""
        if match.end - match.start != 1 or word_key(doc[match.start].text) not in self.lex.words("portfolio_title"):
            return i
        j = i
        while j < len(doc) and j - i < PORTFOLIO_WORDS and doc[j].ent_iob_ == "O" \
                and has_article(doc[j].text, prepositions=False) and doc[j].norm_ not in self.lex.nisba:
            j += 1
            if j + 1 < len(doc) and doc[j].text == "و":
                j += 1
        return j if j > i and self.ref_at(doc, j, ROLE.country) is not None else i

    def holder_scope(self, doc: Doc, match: TitleMatch) -> tuple[str, int]:
        """The country (nisba or genitive), organisation or city the title is of, and where it ends.

        A title that heads an organisation takes it even when the title's own scope is a country:
        رئيس [بنك التنمية الصيني] after the title, or رئيس [مجلس الدولة] where the organisation's
        name is the title's own last words. A gloss in brackets may follow the title (رئيس بلدية
        (أكيم) مدينة ألماتي، حاكم (خوكيم) ولاية طشقند)."""
        i = self.past_gloss(doc, match.end)
        if i + 1 < len(doc) and doc[i].ent_iob_ == "O" and office_adjective(doc[i], self.lex) \
                and self.ref_at(doc, i + 1, ROLE.country) is not None:
            i += 1  # المبعوث الإمبراطوري الصيني، المبعوث الخاص الصيني: an adjective of the office first
        i = self.past_portfolio(doc, match, i)  # وزيرة العمل [الكازاخستانية]: a ministry no title lists
        nisba = self.ref_at(doc, i, ROLE.country)
        inside = self.org_inside(doc, match)
        if nisba is not None and match.title.scope == "country" and not (
                inside is not None and self.heads_body(match) and inside.end >= nisba.end):
            # رئيس الوزراء الصيني: the country; but رئيس [مجلس الشيوخ الكازاخستاني]: the chamber the
            # title names, with its nationality (and the country through it: country_inside)
            return nisba.kb_id_, nisba.end
        if inside is not None and match.title.scope == "country" and inside.end <= match.end and not self.heads_body(match):
            # الأمين العام للجنة المركزية للحزب الشيوعي الصيني: an office of the country whose body the
            # title's own words name, not the headship of that body
            country = next((self.lex.nisba[t.norm_] for t in doc[inside.start:inside.end] if t.norm_ in self.lex.nisba), "")
            if country:
                return country, match.end
        if inside is not None:
            return inside.kb_id_, max(inside.end, i)
        if nisba is None and match.title.scope == "country":
            placed = self.country_placed(doc, self.past_gap(doc, i))
            if placed is not None:
                return placed.kb_id_, placed.end
        ent = self.ent_at(doc, i)
        if ent is None and match.title.scope == "city" and i + 1 < len(doc) and doc[i].norm_ in self.place_heads:
            ent = self.ent_at(doc, i + 1)  # حاكم منطقة [شينجيانغ]: the word for the place before its name
        if ent is None and i + 2 < len(doc) and match.title.relation in self.org_relations and doc[i + 1].text in self.quotes \
                and (doc[i].norm_ in self.org_heads or normalize_letters(doc[i].text) == "ل"):
            # رئيس شركة «كازمونايغاز» فلان: a known body quoted after its head; الرئيس التنفيذي
            # لـ«مجموعة …» فلان: a body quoted after ل drawn out with a tatweel
            quoted = self.ent_at(doc, i + 2)
            if quoted is not None and quoted.label_ == ROLE.organization:
                end = quoted.end
                while end < len(doc) and doc[end].text in self.closing_quotes:
                    end += 1
                return quoted.kb_id_, end
        if ent is None and match.title.relation in self.org_relations and i + 1 < len(doc) and doc[i].norm_ in self.org_heads:
            ent = self.ent_at(doc, i + 1)  # رئيس مجلس إدارة مجموعة [باور تشاينا] فلان: a known body after its head
            ent = ent if ent is not None and ent.label_ == ROLE.organization and ent.kb_id_ else None
        if ent is not None and ent.label_ in SCOPE_TYPES.get(match.title.scope, ()):
            return ent.kb_id_, ent.end
        if ent is not None and ent.label_ == ROLE.organization and match.title.relation in self.org_relations:
            return ent.kb_id_, ent.end
        return self.scope_named_before(doc, match, i)  # رئيس حكومة المنطقة: the one named before

    def past_gloss(self, doc: Doc, i: int) -> int:
        """Past a gloss in brackets at token ``i`` (أكيم)، (خوكيم)، (برلمان): one to ``max_gloss`` words
        with no entity and no punctuation inside; else ``i``."""
        if i >= len(doc) or doc[i].text != "(":
            return i
        for k in range(i + 1, min(len(doc), i + 2 + self.max_gloss)):
            if doc[k].text == ")":
                return k + 1 if k > i + 1 else i
            if doc[k].is_punct or doc[k].ent_iob_ != "O":
                return i
        return i

    def country_placed(self, doc: Doc, k: int) -> Span | None:
        """The country after في at token ``k`` when a name follows it (رئيس الوزراء [بالوكالة] في
        قيرغيزستان فلان): the country the office is of."""
        if k + 2 >= len(doc) or word_key(doc[k].text) != "في":
            return None
        place = self.ent_at(doc, k + 1)
        if place is None or place.label_ != ROLE.country:
            return None
        named = self.ent_at(doc, place.end)
        if (named is not None and named.label_ in (ROLE.leader, ROLE.person)) or (named is None and self.name_starts(doc, place.end)):
            return place
        return None

    max_gloss = 3  # words of a gloss in brackets after a title (رئيس بلدية (أكيم) …), at most

    def heads_body(self, match: TitleMatch) -> bool:
        """Whether the title's first word heads what its other words name (رئيس مجلس الشيوخ: the
        chairman leads the senate; نائب رئيس مجلس الدولة does not lead the council)."""
        return word_key(match.title.title_ar.split()[0]) in self.body_heads

    def org_inside(self, doc: Doc, match: TitleMatch) -> Span | None:
        """An organisation named by the title's last words (رئيس مجلس الدولة، رئيس مجلس الشيوخ)."""
        if match.end - match.start < 2 or (match.title.relation not in self.org_relations and not self.heads_body(match)):
            return None
        return next((e for e in _ents(doc).spans if match.start < e.start < match.end <= e.end and e.kb_id_
                     and e.label_ == ROLE.organization), None)

    def country_inside(self, doc: Doc, match: TitleMatch, scope_id: str, scope_end: int) -> str:
        """The country of a country-scoped title whose scope became the organisation its words
        name (رئيس مجلس الدولة الصيني): the nisba inside that organisation's name."""
        if match.title.scope != "country" or self.org_inside(doc, match) is None:
            return ""
        country = next((self.lex.nisba[t.norm_] for t in doc[match.end:scope_end] if t.norm_ in self.lex.nisba), "")
        if not country and scope_end + 1 < len(doc) and word_key(doc[scope_end].text) == "في":
            place = self.ent_at(doc, scope_end + 1)
            country = place.kb_id_ if place is not None and place.label_ == ROLE.country else ""
        return country if country != scope_id else ""

    def appositive(self, doc: Doc, match: TitleMatch) -> bool:
        """Whether a title may describe the name before it: not a counterpart (ونظيره الصيني is
        the other party), not behind a conjunction or preposition (والرئيس الطاجيكي، برئيس
        الوزراء)."""
        if doc[match.start].norm_ in self.counterparts:
            return False
        written = normalize_letters(doc[match.start].text)
        first = normalize_letters(match.title.title_ar.split()[0])
        return written in (first, drop_article(first))

    def after_apposition(self, doc: Doc, i: int) -> int:
        """Past what may stand between a title's scope and the name: the nationality of a place
        (حاكم مقاطعة قانسو الصينية فلان), a comma (رئيس وزراء
        أوزبكستان، عبد الله …), a word of time (رئيس البنك آنذاك …), or where an organisation is
        (رئيس مجلس الدولة في جمهورية الصين الشعبية لي تشيانغ)."""
        if 0 < i < len(doc) and doc[i - 1].ent_type_ in (ROLE.city, ROLE.region):
            nisba = self.ref_at(doc, i, ROLE.country)  # حاكم مقاطعة قانسو [الصينية] فلان: the place's country
            if nisba is not None:
                i = nisba.end
        i = self.past_gap(doc, i)
        if i < len(doc) - 1 and word_key(doc[i].text) in self.posted_at:
            host = self.ent_at(doc, i + 1)  # سفير الصين لدى كازاخستان تشانغ شياو
            if host is not None and host.label_ == ROLE.country:
                i = host.end
        if i < len(doc) - 1 and (word_key(doc[i].text) == "في" or self.glued_place(doc, i)):
            # … في جمهورية الصين الشعبية لي تشيانغ، أمين لجنة الحزب في (منطقة) شينجيانغ ما شينغ روي
            k = i if self.glued_place(doc, i) else \
                i + 2 if doc[i + 1].ent_iob_ == "O" and doc[i + 1].norm_ in self.place_heads else i + 1
            place = self.ent_at(doc, k)
            # … or the body a committee belongs to (رئيس لجنة الشؤون الخارجية في مجلس الشيوخ فلان)
            if place is not None and (place.label_ in self.place_types or place.label_ == ROLE.organization) and (
                    self.ent_at(doc, place.end) is not None or self.name_starts(doc, place.end)
                    or (place.end < len(doc) and doc[place.end].text in COMMAS)):
                i = place.end
        if i < len(doc) - 1 and word_key(doc[i].text) in self.affiliation_words:
            # رئيسة لجنة حسن الجوار … التابعة لمنظمة شانغهاي للتعاون فلانة: the body's owner, then the name
            owner = self.ent_at(doc, i + 1)
            if owner is not None and owner.label_ in (ROLE.organization, ROLE.country) and (
                    self.ent_at(doc, owner.end) is not None or self.name_starts(doc, owner.end)
                    or (owner.end < len(doc) and doc[owner.end].text in COMMAS)):
                i = owner.end
        body = self.ent_at(doc, i)
        letters = normalize_letters(doc[i].text) if i < len(doc) else ""
        if body is not None and body.label_ == ROLE.organization and letters.startswith("ب") \
                and drop_article(letters[1:]) == doc[i].norm_ and (
                self.ent_at(doc, body.end) is not None or self.name_starts(doc, body.end)):
            i = body.end  # رئيس مجلس النواب [بالبرلمان الكازاخستاني] فلان: the body the chamber is of
        if i < len(doc) - 1 and doc[i].text in COMMAS:
            if i + 2 < len(doc) and word_key(doc[i + 1].text) in self.name_gap and self.ent_at(doc, i + 2) is not None:
                i += 1  # رئيس جمهورية أوزبكستان، السيد شوكت ميرضيائيف
            nxt = self.ent_at(doc, i + 1)
            if nxt is not None and nxt.label_ in (ROLE.leader, ROLE.person):
                return i + 1
            if nxt is None and self.unknown_name(doc, i + 1) >= i + 3:  # two words or more read as a name
                return i + 1
        return i

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        self.rejoin_names(doc)
        merge_short_forms(doc, self.lex)  # وزارة الطاقة after وزارة الطاقة الطاجيكية: one body
        # doc.ents is rebuilt on every read: index it once (it does not change until the end)
        doc.user_data[ENT_INDEX] = EntIndex.of(doc)
        try:
            new_ents: list[Span] = []
            retyped: dict[int, Span] = {}
            last_title: Title | None = None
            last_scope = ""  # what the title last read is of
            pending: list[tuple[TitleMatch, str, int]] = []
            headline: list[tuple[int, int, tuple[str, str]]] = []  # titles of the first line no name bound yet
            i = 0
            while i < len(doc):
                match = self.match_title(doc, i)
                if match is not None and self.first_name_title(doc, match):
                    match = None  # السيدة [أمينة ماميدوفا]: a first name, no title ("secretary")
                if match is None and doc[i].norm_ in self.counterparts:
                    # ونظيره الكازاخي …: his counterpart holds the same office in another country, the
                    # office of the leader named before it, else of the title last read
                    office = self.counterpart_office(doc, i)
                    own = self.lex.nisba.get(doc[i + 1].norm_, "") if i + 1 < len(doc) else ""
                    if office is None and not (own and own == last_scope):
                        # (not when the title last read is of the counterpart's own country: حيث استقبله
                        # الرئيس توكاييف، وأجرى محادثات مع نظيره الكازاخي: the guest's counterpart)
                        office = last_title
                    match = TitleMatch(office, i, i + 1) if office is not None else None
                if match is None:
                    i += 1
                    continue
                scope_id, scope_end = self.holder_scope(doc, match)
                after = self.after_apposition(doc, scope_end) if scope_id else self.past_gap(doc, scope_end)
                after = self.past_quoted_name(doc, after, scope_id)  # the body's quoted name after it
                named = self.ent_at(doc, after)
                if self.title_of_aide(doc, match.start, named.kb_id_ if named is not None else ""):
                    i = match.end  # المتحدث باسم الرئيس الكازاخستاني فلان: the aide's name, not the holder's
                    continue
                last_title, last_scope = match.title, scope_id
                if after < len(doc) - 1 and doc[after].text in self.quotes and self.ent_at(doc, after + 1) is not None:
                    after += 1  # نظيره الصيني "شي جين بينغ"
                initials, after = after, self.past_initials(doc, after)  # الرئيس ق. توكاييف
                ent = self.ent_at(doc, after)
                leader_id = ""
                name_end = after
                known_surname = self.surname_holder(doc, after, scope_id) if ent is None and scope_id else ""
                if ent is not None and scope_id and self.misread_holder(doc, ent):
                    # رئيس البرلمان القيرغيزي (…) نورلانبيك شاكييف: the model read the holder as a body
                    ent = make_span(doc, ent.start, ent.end, ROLE.person, "", "ner")
                    retyped[ent.start] = ent
                elif ent is not None and scope_id and self.place_first_name(doc, ent):
                    # … في البرلمان القازاقستاني [أورال] موخاميدجانوف: a first name the gazetteer reads as a place
                    ent = make_span(doc, ent.start, ent.end + 1, ROLE.person, "", "ner")
                    retyped[ent.start] = ent
                if after < len(doc) and self.behind_conjunction(doc[after]):
                    ent = None  # وزير الخارجية القازاقي وميرزان بيكوف: the minister and another person
                elif ent is not None and ent.label_ in (ROLE.leader, ROLE.person):
                    leader_id, name_end = ent.kb_id_, ent.end
                    if not scope_id and match.title.scope == "country" and leader_id:
                        # الرئيس قربان قولي بردي محمدوف: the office of a known leader's own country
                        scope_id = self.lex.country_of(leader_id)
                    if ent.label_ == ROLE.person or not leader_id:
                        leader_id = self.known_by_name(doc, ent.start, ent.end, scope_id) or self.promote(doc, ent)
                        retyped[ent.start] = make_span(doc, ent.start, ent.end, ROLE.leader, leader_id, ent.id_ or "ner")
                elif known_surname:  # الرئيس الأوزبكي ش. ميرضيائيف: a known leader's family name, another spelling
                    leader_id, name_end = known_surname, after + 1
                    new_ents.append(make_span(doc, initials, after + 1, ROLE.leader, leader_id, "title"))
                elif ent is None and scope_id and not (after < len(doc) and self.behind_conjunction(doc[after])):
                    end = self.unknown_name(doc, after)
                    known = self.ent_at(doc, end)
                    if end > after and known is not None and known.label_ == ROLE.leader and known.kb_id_ \
                            and self.first_name_of(doc[after], known.kb_id_):
                        # حميد كرزاي: another spelling of the first name before a known surname
                        leader_id, name_end = known.kb_id_, known.end
                        retyped[known.start] = make_span(doc, after, known.end, ROLE.leader, leader_id, known.id_)
                    elif end > after and known is not None and self.city_surname(doc, after, known):
                        # مدير الشركة عبد الرحمن [أكتاو]: a family name the gazetteer reads as a town
                        name = doc[after:known.end]
                        leader_id = name_id(ROLE.leader, name.text)
                        doc._.silk_entities.setdefault(leader_id, Entity(leader_id, ROLE.leader, name.text))
                        retyped[known.start] = make_span(doc, after, known.end, ROLE.leader, leader_id, "title")
                        name_end = known.end
                    elif end > after and known is not None and known.label_ in (ROLE.person, ROLE.leader) \
                            and known.end - after <= self.max_name:
                        # تشو [جيان هوا]: the model or the name runs took the name's end alone; محمد [علييف]: a known family name, another person
                        name = doc[after:known.end]
                        leader_id = name_id(ROLE.leader, name.text)
                        doc._.silk_entities.setdefault(leader_id, Entity(leader_id, ROLE.leader, name.text))
                        retyped[known.start] = make_span(doc, after, known.end, ROLE.leader, leader_id, "title")
                        name_end = known.end
                    elif end - after >= 2 or (end > after and (self.shape.name_word(doc[after].text) or initials < after
                                                                 or self.lone_family_name(doc, after))):
                        # one word alone is a name only when a list knows it (… السفير الصيني حريصا على),
                        # initials stand before it (رئيس الشركة ن. ساوريكوف) or it is a family name by its
                        # ending (وزير النقل الأوزبكي مخمودوف)
                        name = doc[initials:end]
                        leader_id = self.known_by_name(doc, after, end, scope_id) or name_id(ROLE.leader, name.text)
                        doc._.silk_entities.setdefault(leader_id, Entity(leader_id, ROLE.leader, name.text))
                        new_ents.append(make_span(doc, initials, end, ROLE.leader, leader_id, "title"))
                        name_end = end
                if not leader_id and scope_id and match.title.scope == "country" and ent is None:
                    # رئيس جمهورية طاجيكستان، مؤسس السلام … - زعيم الأمة إمام علي رحمن: honorifics, then
                    # a known leader of that very country
                    known = self.known_holder_after(doc, after, scope_id)
                    if known is not None:
                        leader_id, ent, name_end = known.kb_id_, known, known.end
                if not leader_id and not scope_id and match.title.scope == "country" and self.appositive(doc, match):
                    # أولجاس بكتينوف رئيس الوزراء: a known leader's own office, of his own country
                    scope_id = self.own_office_country(doc, match)
                if not leader_id and scope_id and self.appositive(doc, match) \
                        and not self.apposition_taken(doc, match, scope_id):
                    # شهباز شريف، رئيس الوزراء الباكستاني: the title standing after the name
                    before = self.ent_ending_at(doc, match.start)
                    earlier = self.named_before(doc, match) if before is None or (
                        len(before) == 1 and before.label_ in (ROLE.leader, ROLE.person)
                        and before.kb_id_ not in self.lex.entries) else None
                    if earlier is not None:
                        # تشانغ ده جيانغ …، وقد أدلى تشانغ رئيس اللجنة …: a name given earlier, by one word
                        person, named = earlier  # no new mention: the short name is no form of its own
                        leader_id = person.kb_id_
                        if person.label_ == ROLE.person:  # a person with an office is a leader
                            leader_id = self.promote(doc, person)
                            retyped[person.start] = make_span(doc, person.start, person.end, ROLE.leader, leader_id,
                                                              person.id_ or "ner")
                        ent, name_end = named, after
                    elif before is not None and before.label_ in (ROLE.leader, ROLE.person):
                        old_start = before.start
                        if not before.kb_id_ or before.label_ == ROLE.person:
                            before = self.past_verb(doc, before)  # وقد [أدلى] تشانغ، رئيس …: قد goes with a verb
                        leader_id = before.kb_id_ if before.label_ == ROLE.leader and before.kb_id_ else self.promote(doc, before)
                        if before.label_ != ROLE.leader or not before.kb_id_ or before.start != old_start:
                            retyped[old_start] = make_span(doc, before.start, before.end, ROLE.leader, leader_id,
                                                           before.id_ or "ner")
                        ent, name_end = before, after
                    elif before is None:
                        # وقال شين بين رئيس بلدية بكين: an unknown name between a reporting verb and the title
                        named = self.name_before(doc, match, {e.start for e in new_ents})
                        if named is not None:
                            leader_id = name_id(ROLE.leader, named.text)
                            doc._.silk_entities.setdefault(leader_id, Entity(leader_id, ROLE.leader, named.text))
                            new_ents.append(make_span(doc, named.start, named.end, ROLE.leader, leader_id, "title"))
                            ent, name_end = named, after
                binding = (match.title.office_en, scope_id)
                last_scope = scope_id or last_scope  # (الرئيس توكاييف: his country, read off the name)
                held = (match, scope_id, scope_end)
                if leader_id:
                    for title_held in (*pending, held):  # رئيس مجلس الوزراء ورئيس الإدارة الرئاسية X
                        self.bind(doc, leader_id, *title_held, name_end, 0.95 if ent is not None else 0.8)
                    pending = []
                elif scope_id and binding in doc._.silk_bindings:
                    # الرئيس الكازاخي, after the article named him: the title stands for the person
                    add_ref(doc, match.start, scope_end, ROLE.leader, doc._.silk_bindings[binding], "title")
                else:
                    # a title whose holder is named after the next, coordinated one
                    nxt = self.coordinated_title(doc, after, held)  # … ورئيس الإدارة الرئاسية فلان: bound to him
                    pending = [*pending, held] if nxt is not None else []
                    if scope_id and nxt is None and doc[match.start].sent.start == 0:
                        headline.append((match.start, scope_end, binding))  # named further on, perhaps
                i = max(after, match.end)
            for start, end, binding in headline:
                # الرئيس الصيني يصل إلى أستانا … وصل الرئيس الصيني شي جين بينغ: the headline's title is
                # the holder the article names with it
                if binding in doc._.silk_bindings:
                    add_ref(doc, start, end, ROLE.leader, doc._.silk_bindings[binding], "title")
        finally:
            del doc.user_data[ENT_INDEX]  # a Doc's user_data is serialised with it
        if new_ents or retyped:
            kept = [retyped.get(e.start, e) for e in doc.ents]
            doc.ents = filter_spans(kept + new_ents)
        self.refer_by_family_name(doc)  # وأضاف وانغ أن …: the Wang Yi named before
        self.refer_by_role(doc)  # ثم توجه المسؤول الصيني إلى …: the Chinese official named before
        doc._.silk_found.extend(self.country_before_leader(doc))
        doc._.silk_found.extend(self.heads_of_coordinated_countries(doc))
        doc._.silk_found.extend(self.heads_after_plural_title(doc))
        return doc

    def bind(self, doc: Doc, leader_id: str, match: TitleMatch, scope_id: str, scope_end: int, name_end: int,
             confidence: float) -> None:
        """What a title says of its holder: the office over its scope (a country, body or city),
        and over the country of a body its words name (رئيس مجلس الدولة الصيني)."""
        trigger = doc[match.start:max(scope_end, match.end)].text
        if match.title.relation == "leads" and self.deputy_before(doc, match.start):
            self.bind_deputy(doc, leader_id, match, scope_id, name_end, trigger, confidence)
            return
        country = self.country_inside(doc, match, scope_id, scope_end)
        if country:  # رئيس مجلس الدولة الصيني: the premier leads the council and China
            doc._.silk_found.append(FoundRelation(match.title.relation, leader_id, country, match.start, name_end,
                                                  trigger, 0.9))
        inside = self.org_inside(doc, match)
        place = self.place_of_office(doc, match.title.scope, scope_end, name_end) if inside is not None else ""
        if place:  # سكرتير لجنة الحزب في منطقة شينجيانغ فلان: the secretary leads the province too
            doc._.silk_found.append(FoundRelation("leads", leader_id, place, match.start, name_end, trigger, 0.85))
        if scope_id:
            # the chairman of the body the title names leads it (رئيس مجلس الشيوخ فلان), whatever
            # the office is to a country
            heads = inside is not None and inside.kb_id_ == scope_id and self.heads_body(match)
            relation = "leads" if heads else match.title.relation
            doc._.silk_bindings[(match.title.office_en, scope_id)] = leader_id
            doc._.silk_found.append(FoundRelation(relation, leader_id, scope_id, match.start, name_end,
                                                  trigger, confidence))

    def deputy_before(self, doc: Doc, start: int) -> bool:
        """Whether a deputy's word stands before the title at ``start`` (نائب حاكم، نائب محافظ البنك،
        النائب الأول لمحافظ: an ordinal may come between)."""
        k = start - 1
        if k > 0 and word_key(doc[k].text) in self.lex.ordinals:
            k -= 1
        if k < 0:
            return False
        key = word_key(doc[k].text)  # ونائب حاكم …: behind a conjunction too
        return key in self.deputy_words or (opens_with(doc[k].text, "coordinator") and word_key(doc[k].text[1:]) in self.deputy_words)

    def bind_deputy(self, doc: Doc, leader_id: str, match: TitleMatch, scope_id: str, name_end: int, trigger: str,
                    confidence: float) -> None:
        """A deputy of a leading office serves its scope where the schema lets one serve it (a body,
        a city, a country), and leads nothing."""
        kind = entity_type(self.lex, doc, scope_id) or next((e.label_ for e in self.ent_spans(doc) if e.kb_id_ == scope_id), "")
        if scope_id and schema().edge_types["serves"].allows(ROLE.leader, kind):
            doc._.silk_found.append(FoundRelation("serves", leader_id, scope_id, match.start, name_end, trigger, confidence))

    def coordinated(self, ents: list[Span], k: int, label: str) -> list[Span]:
        """ents[k] and the entities of ``label`` joined to it by و (الصين وكازاخستان)."""
        run = [ents[k]] if ents[k].label_ == label else []
        while run and k + 1 < len(ents) and ents[k + 1].label_ == label and ents[k + 1].start == run[-1].end \
                and opens_with(ents[k + 1].doc[ents[k + 1].start].text, "coordinator"):
            k += 1
            run.append(ents[k])
        return run

    def heads_of_coordinated_countries(self, doc: Doc) -> list[FoundRelation]:
        """رئيسا الصين وكازاخستان شي جين بينغ وقاسم جومارت توكاييف: a dual or plural title over
        coordinated countries, then as many coordinated leaders, in the same order."""
        ents = list(doc.ents)
        starts = {e.start: k for k, e in enumerate(ents)}
        out = []
        of_words = self.lex.words("nisba_list_title_of")  # رئيسا وزراء الصين وكازاخستان
        for token in doc:
            if word_key(token.text) not in self.plural_titles:
                continue
            first = token.i + 2 if token.i + 1 < len(doc) and word_key(doc[token.i + 1].text) in of_words else token.i + 1
            if first not in starts:
                continue
            k = starts[first]
            countries = self.coordinated(ents, k, ROLE.country)
            if len(countries) < 2 or k + len(countries) >= len(ents):
                continue
            first_leader = ents[k + len(countries)]
            if first_leader.start != countries[-1].end:
                continue
            leaders = self.coordinated(ents, k + len(countries), ROLE.leader)
            if len(leaders) != len(countries):
                continue
            out += [FoundRelation("leads", leader.kb_id_, country.kb_id_, token.i, leader.end, token.text, 0.85)
                    for country, leader in zip(countries, leaders) if leader.kb_id_ and country.kb_id_]
        return out

    def country_before_leader(self, doc: Doc) -> list[FoundRelation]:
        """زعماء الصين شي جين بينغ وروسيا فلاديمير بوتين: a country named right before a leader
        the gazetteer places in it, in a list that a plural head-of-state word opens (وزراء خارجية
        الصين وانغ يي وروسيا لافروف lists ministers, who do not lead)."""
        stated = {(r.source_id, r.target_id) for r in doc._.silk_found if r.type == "leads"}
        ents = list(doc.ents)
        out = []
        in_list = False  # the pair before continued a list opened by زعماء/رؤساء/قادة …
        for k, (country, leader) in enumerate(zip(ents, ents[1:])):
            pair = (country.label_ == ROLE.country and leader.label_ == ROLE.leader and leader.start == country.end
                    and bool(leader.kb_id_) and self.lex.country_of(leader.kb_id_) == country.kb_id_)
            if not pair:
                if not (k > 0 and ents[k - 1].label_ == ROLE.country and country.label_ == ROLE.leader):
                    in_list = False  # between two pairs of a list stands its leader, nothing else
                continue
            opened = any(word_key(t.text) in self.plural_titles for t in doc[max(0, country.start - 2):country.start])
            continued = in_list and k >= 1 and ents[k - 1].end == country.start
            in_list = opened or continued
            if in_list and (leader.kb_id_, country.kb_id_) not in stated:
                out.append(FoundRelation("leads", leader.kb_id_, country.kb_id_, country.start, leader.end,
                                         country.text, 0.85))
        return out

