"""Component ``silk_patterns``: entities no table can list, found from their head words.

A head from ``data/lexicon/heads.tsv`` (خط السكة الحديد, محطة, معاهدة, قمة ...) starts a span that
is extended by what the head needs:

- ``endpoints`` (corridors): the places it joins, as a hyphenated list (الصين-قيرغيزستان-أوزبكستان)
  or after يربط/بين/من (يربط الصين وطاجيكستان وأفغانستان). A corridor is identified by its kind and
  endpoints, so the same railway merges across articles, and it ``links`` each endpoint.
- ``name`` (projects, declarations, events): a known entity or an unknown proper name right after
  the head, then a number (رقم 2), an ordinal (الثانية) or a purpose (للطاقة الكهروضوئية).
- ``names`` (plural project heads): موانئ أكتاو وكوريك, one project each.

The rules of each kind are mixins of ``PatternMatcher``: corridors in ``silkgraph.extract.corridors``,
projects (``definite`` too) in ``silkgraph.extract.projects``, what they share in ``silkgraph.extract.infrastructure``,
organisations and places (``org``, ``org_name``, ``org_distinct``, ``place_name``) in
``silkgraph.extract.organisations``, agreements (``any``, ``none``, ``contract``, ``period``) in
``silkgraph.extract.agreements`` and events (``meeting``, ``kind``, ``anaphor``) in ``silkgraph.extract.events``.

Entities mentioned inside a pattern span stay mentions (``doc._.silk_inner``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from silkgraph.extract.agreements import AgreementRules
from silkgraph.extract.built import NUMBER, YEAR, Built, slug
from silkgraph.extract.corridor_names import CorridorNames
from silkgraph.extract.corridor_phrases import CorridorPhrases
from silkgraph.extract.corridor_topics import CorridorTopics
from silkgraph.extract.corridors import CorridorRules
from silkgraph.extract.doc_state import YEAR_SCOPE, FoundRelation, init_state, make_span
from silkgraph.extract.events import EventRules, ordinal_en
from silkgraph.extract.fragments import FragmentRules
from silkgraph.extract.infrastructure import NAME_SLOT, InfrastructureRules
from silkgraph.extract.initiatives import InitiativeRules
from silkgraph.extract.lexicon import roles, Head, Lexicon, lexicon_for
from silkgraph.extract.relation_args import relation_verb
from silkgraph.extract.organisations import OrganisationRules
from silkgraph.extract.projects import ProjectRules
from silkgraph.extract.surface import strip_proclitics
from silkgraph.normalize import article_prefixes, has_article, identity_key, normalize_letters, opens_with, phrase_key, relational_ending, word_key
from silkgraph.records import Entity
from silkgraph.schema import schema

ROLE = roles()


@Language.factory("silk_patterns", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_name_tokens": 3,
                                                   "max_complement_tokens": 7, "max_org_tokens": 10,
                                                   "anaphor_sentences": 2})
def make_patterns(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_name_tokens: int,
                  max_complement_tokens: int, max_org_tokens: int, anaphor_sentences: int):
    """The pattern component: corridors, projects, agreements and events from their head words.

    >>> import spacy, silkgraph.extract.normalizer, silkgraph.extract.gazetteer  # the components it follows
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> [(e.text, e.label_) for e in nlp("افتتحت أذربيجان وجورجيا خط السكك الحديدية باكو - تبليسي - قارص").ents]
    [('أذربيجان', 'Country'), ('وجورجيا', 'Country'), ('خط السكك الحديدية باكو - تبليسي - قارص', 'Corridor')]
    """
    return PatternMatcher(lexicon_for(gazetteer_dir, lexicon_dir), max_name_tokens, max_complement_tokens,
                          max_org_tokens, anaphor_sentences, lexicon_dir)


@Language.factory("silk_corridor_ends", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_name_tokens": 3,
                                                       "max_complement_tokens": 7})
def make_corridor_ends(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_name_tokens: int,
                       max_complement_tokens: int):
    """Corridors whose ends only the statistical NER found, after it (see ``CorridorRules.late_corridors``)."""
    matcher = PatternMatcher(lexicon_for(gazetteer_dir, lexicon_dir), max_name_tokens, max_complement_tokens,
                             lexicon_dir=lexicon_dir)
    return matcher.late_corridors


class PatternMatcher(OrganisationRules, EventRules, AgreementRules, CorridorRules, CorridorTopics, CorridorNames,
                     CorridorPhrases, ProjectRules, InfrastructureRules, FragmentRules, InitiativeRules):
    def __init__(self, lex: Lexicon, max_name_tokens: int, max_complement_tokens: int, max_org_tokens: int = 10,
                 anaphor_sentences: int = 2, lexicon_dir: str = ""):
        self.lex = lex
        self.max_name = max_name_tokens
        self.max_complement = max_complement_tokens
        self.max_org = max_org_tokens
        self.init_infrastructure(lex, anaphor_sentences, lexicon_dir)
        self.init_topics(lex, lexicon_dir)
        self.init_names(lex, lexicon_dir)
        self.heads_by_first: dict[str, list[Head]] = {}
        # an initiative's head (مبادرة، رؤية، سياسة) names one only with a name in quotes or a country
        # and a year: it is tried where no other head starts, and is no boundary of other names
        # (خطة العمل المشتركة لتنفيذ مبادرة الحزام والطريق); a head that names nothing by its own
        # reading may name one too (استراتيجية with no period is no document)
        self.initiative_heads = {h.words[0]: h for h in lex.heads if h.type == ROLE.initiative}
        for head in lex.heads:
            if head.type != ROLE.initiative:
                self.heads_by_first.setdefault(head.words[0], []).append(head)
        self.name_stops = lex.words("name_stop") | lex.words("clause") | lex.words("relative")
        self.links_triggers = [t.pattern for t in lex.triggers if t.relation == "links"]
        self.between = lex.words("between")
        self.modifier_keys = sorted(lex.modifiers, key=lambda k: -len(k.split()))
        self._ents_of: Doc | None = None  # the Doc whose entities _ents_by_start indexes
        self._ents_by_start: dict[int, Span] = {}
        self.endpoint_types = tuple(t for t in schema().edge("links").objects if t != ROLE.project)  # places it joins
        # an organisation's name may hold the place or body it belongs to (برلمان قازاقستان)
        self.org_part_types = (ROLE.country, ROLE.organization, ROLE.city, *schema().edge("located_in").objects)
        # what a gathering may be about, by name (ندوة حول مبادرة الحزام والطريق): anything but a person
        person_kind = schema().node(ROLE.person).kind
        self.person_types = tuple(t.name for t in schema().node_types.values() if t.kind == person_kind)
        self.topic_types = tuple(t.name for t in schema().node_types.values() if t.name not in self.person_types)
        # words that end an organisation's name: a title (وزارة الخارجية الصينية رئيس …), a time word
        self.org_stops = {phrase_key(t.title_ar).split()[0] for t in lex.titles} | lex.words("adverb")
        self.descriptor_words = lex.words("descriptor")  # عضو مجلس الدولة الزائر: the person's adjective
        self.agreeing = lex.words("unnamed_adjective")  # adjectives in the head's case (مصنعا جديدا)
        self.org_breaking_types = (ROLE.organization, ROLE.event, ROLE.agreement)
        # after a nationality in a body's name, the adjectives that go on (organisations.after_nisba)
        self.org_adjectives = lex.words("org_adjective") | lex.words("company_suffix") | lex.words("dedicated")
        self.place_words = {h.words[0] for h in lex.heads if h.needs == "place_name"}  # ماسليخات مدينة …
        self.body_adjectives = lex.words("body_adjective")  # الإدارة الرئاسية: one body, by its adjective
        # what a person is called before the name: after و it ends a body's name (مجلس الإدارة والدكتور …)
        self.person_words = lex.words("person_descriptor") | lex.words("person_after_body")
        self.affiliation_words = lex.words("affiliation")  # … التابعة للجيش: the owner follows the name
        self.genitive_heads = ("period",)  # heads that inside a name are its genitive (الدراسات الاستراتيجية)

    # -- token tests -------------------------------------------------------------------------
    @staticmethod
    def key_matches(token: Token, word: str) -> bool:
        """True when ``token`` is ``word`` (a word key), also with accusative tanwin (ممرا)."""
        # the plain key too: the clitic stripper reads بريا (جسرا بريا) as ب + ريا
        return any(key == word or (key.endswith("ا") and key[:-1] == word) for key in (token.norm_, word_key(token.text)))

    @staticmethod
    def is_definite(token: Token) -> bool:
        letters = normalize_letters(token.text)
        lam_article = (opens_with(letters, "lam_article") or opens_with(letters, "conjunctions", "lam_article"))  # للفترة: ل + the article without its alef
        # (a word may end in alif itself: الأمونيا, its key امونيا)
        return ("ال" in letters[:4] or lam_article) and (letters.endswith(token.norm_.rstrip("ا"))
                                                        or letters.endswith(token.norm_)) and (
            letters.startswith(article_prefixes()))

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
        return (opens_with(letters, "lam_article") or opens_with(letters, "coordinator", "lam_article")) and len(letters) > 3

    # -- head matching -----------------------------------------------------------------------
    def match_head(self, doc: Doc, i: int) -> tuple[Head, int] | None:
        if i >= len(doc):
            return None  # a head at the very end of the text (… لن تتقدم بمشروع) has nothing after it
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
            if head.definite != definite and head.needs in ("anaphor", "name") or self.breaks_construct(doc, i, head):
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
            if not hyphen_only and j < len(doc) and opens_with(doc[j].text, "coordinator") \
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
                and not self.is_purpose(doc[j]) and not opens_with(doc[j].text, "article") \
                and not self.is_prepositional(doc[j]) and not self.has_pronoun(doc[j]) \
                and not relation_verb(self.lex, doc[j].text) \
                and not (j > i and self.glued_purpose(doc, j)):  # محطة للطاقة الشمسية [بنتها] شركة …
            j += 1  # (محطة جانتاس [لطاقة الرياح]: a purpose in construct after the name)
        return [], j

    def is_prepositional(self, token: Token) -> bool:
        """A preposition glued to a common noun (ببلدية، بمدينة): the name before it has ended."""
        letters = normalize_letters(token.text)
        return opens_with(letters, "prepositions") and token.norm_ != word_key(token.text) \
            and self.lex.is_common(token.norm_)

    def governs_object(self, token: Token) -> bool:
        """A preposition after a purpose noun (للاحتفال بالذكرى، لبحث في): the noun is a verb's
        action with its object, so the phrase is a clause, not part of a name."""
        letters = normalize_letters(token.text)
        return token.norm_ in self.lex.words("object_preposition") or self.is_prepositional(token) or (
            opens_with(letters, "prepositions", "article") and not opens_with(letters, "lam_article"))

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
            # a definite noun governs no genitive: after للاستيراد only its adjectives go on
            # (للتعاون الدولي، للطاقة الشمسية), not the sentence's next noun (للاستيراد الأسبوع الماضي)
            while i < len(doc) and opens_with(doc[i].text, "article") and not self.is_stop(doc[i]) \
                    and doc[i].ent_iob_ != "B" and self.match_head(doc, i) is None and self.adjective_like(doc[i]):
                i += 1
        return number, has_purpose, i

    def adjective_like(self, token: Token) -> bool:
        """A relational adjective (in ي or ية), a nisba, or one of the listed adjectives and modifiers."""
        key = word_key(token.text)
        return relational_ending(key) or token.norm_ in self.lex.nisba or key in self.org_adjectives \
            or phrase_key(token.text) in self.lex.modifiers

    def relational_adjectives(self, doc: Doc, i: int) -> int:
        """Past the definite relational adjectives (in ي or ية) after a name: الدولي، الآسيوي، الاقتصادية."""
        while i < len(doc) and doc[i].ent_iob_ == "O" and has_article(doc[i].text, prepositions=False) \
                and not opens_with(doc[i].text, "coordinator") and relational_ending(word_key(doc[i].text)) \
                and not self.is_stop(doc[i]) and self.match_head(doc, i) is None \
                and doc[i].norm_ not in self.lex.ordinals:  # قمة الصين-آسيا الوسطى [الثانية]: its number
            i += 1
        return i

    def nisba_run_end(self, doc: Doc, i: int) -> int:
        """After a nisba adjective, more of them joined by hyphens or written on (الصينية-الكازاخية، الصيني العربي)."""
        while i < len(doc):
            if doc[i].text in ("-", "–", "—") and i + 1 < len(doc) and doc[i + 1].norm_ in self.lex.nisba:
                i += 2
            elif doc[i].norm_ in self.lex.nisba and opens_with(doc[i].text, "article"):
                i += 1
            else:
                break
        return i

    # -- building each kind ------------------------------------------------------------------
    def build(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        built = self.build_as(doc, start, head, head_end)
        other = self.initiative_heads.get(head.words[0]) if len(head.words) == 1 else None
        if built is None and other is not None:
            built = self.build_initiative(doc, start, other, head_end)
        return built

    def build_as(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """What ``head`` at ``start`` names, read as its own kind."""
        if head.type == ROLE.event and head.needs == "kind":
            return self.build_event_kind(doc, start, head, head_end)
        if head.type == ROLE.event:
            described = self.build_meeting(doc, start, head, head_end)
            if described is not None or head.needs in ("meeting", "numbered"):
                return described
        builder = {"endpoints": self.build_corridor, "name": self.build_name_head, "name_and_purpose": self.build_named,
                   "definite": self.build_definite, "any": self.build_agreement, "none": self.build_agreement,
                   "decree": self.build_agreement, "contract": self.build_agreement, "period": self.build_agreement, "collective": self.build_agreement,
                   "org": self.build_organization, "org_name": self.build_organization,
                   "org_distinct": self.build_organization, "place_name": self.build_organization,
                   "initiative": self.build_initiative}
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
        elif head_end < len(doc) and self.glued_preposition(doc[head_end]):
            return None  # قمة بالقاهرة، وثيقة بإثيوبيا: where, not a name
        elif not head.definite and self.adjective_after_head(doc, head_end):
            # (an event by its adjective may be one: قمة افتراضية)
            return None  # مؤتمر صحافي، مؤتمرا إقليميا، إعلان رسمي: a head and its adjective, no name
        else:
            name_ents, name_end = self.proper_name(doc, head_end)
        if head.type == ROLE.event and len(name_ents) == 1 and quoted == head_end:
            # قمة الصين وآسيا الوسطى: the parties of a summit may be coordinated, not only hyphenated
            parties, parties_end = self.entity_list(doc, head_end, (ROLE.country, ROLE.organization, ROLE.city,
                                                                    *schema().edge("located_in").objects))
            if len(parties) >= 2:
                name_ents, name_end = parties, parties_end
        if head.type == ROLE.event:
            name_end = self.relational_adjectives(doc, name_end)  # منتدى أستانا الدولي، منتدى بواو الآسيوي
        if head.type == ROLE.event and name_end < len(doc) and YEAR.match(doc[name_end].text):
            name_end += 1  # معرض 2017، إكسبو أستانا 2017: an edition by its year
        if name_end == head_end:
            return None
        if head.type == ROLE.event and name_end + 1 < len(doc) and self.is_purpose(doc[name_end]) \
                and self.governs_object(doc[name_end + 1]):
            number, has_purpose, end = "", False, name_end  # قمة افتراضية للاحتفال بالذكرى: what for, not the name
        else:
            number, has_purpose, end = self.number_and_purpose(doc, name_end)
            if has_purpose and head.type == ROLE.event:
                end = self.event_purpose_end(doc, end)  # للتعاون الاقتصادي والتجاري، للتجارة والاقتصاد
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
        quoted_name = doc[head_end:quoted].text.strip("()«»“”\"„ ") if quoted > head_end else ""
        if head.type == ROLE.event and (len(quoted_name.split()) >= 2 or any(c.isdigit() for c in quoted_name)):
            built.aliases.append(quoted_name)  # منتدى "دافوس الصيفي"، تدريبات "سلام-2021": called by its name alone
        if head.type == ROLE.project:
            built.relations = [("located_in", eid, e.kb_id_, 0.6) for e in name_ents if e.label_ in (ROLE.city,)]
        return built

    def base_form(self, doc: Doc, start: int, end: int, head: Head | None = None) -> str:
        """The span's text as a label: no proclitic on its first word (لمشروع -> مشروع) and the head
        out of the accusative (ممرا للنقل -> ممر للنقل)."""
        first = doc[start]
        rest = doc[start:end].text[len(first.text):]
        word = strip_proclitics(first.text, key=first.norm_)
        if not first.text.endswith(word) and not opens_with(normalize_letters(word), "article"):
            word = first.text  # وللسكك -> السكك: a label may give back the article's alef, a slice may not
        key = first.norm_
        if head is not None and key.endswith("ا") and key[:-1] == head.words[0]:
            word = word.rstrip("\u064b").removesuffix("ا").rstrip("\u064b")
            # the rest of the head and the adjectives after it agree with it (بيانا مشتركا -> بيان مشترك،
            # مصنعا جديدا لإنتاج … -> مصنع جديد لإنتاج …)
            k = 1
            while start + k < end and (k < len(head.words) or word_key(doc[start + k].text) in self.agreeing):
                t = doc[start + k]
                if t.norm_.endswith("ا") and (k >= len(head.words) or t.norm_[:-1] == head.words[k]):
                    bare = t.text.rstrip("\u064b").removesuffix("ا").rstrip("\u064b")
                    rest = rest.replace(t.text, bare, 1)
                k += 1
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
                # كابل الألياف الضوئية: a corridor's head whose first word alone is a place (Kabul) goes on past it
                wider = found is not None and found[0].type == ROLE.corridor and found[1] > self.ent_at(doc, i).end
                if found is None or NAME_SLOT not in found[0].words and not wider:
                    longer = self.extend_known(doc, i) if doc[i].ent_iob_ == "B" else None
                    if longer is not None:  # شركة هواوي للتكنولوجيا المحدودة: a known company, in full
                        built_all.append(longer)
                    i = longer.end if longer is not None else i + 1
                    continue
            found = found or self.match_head(doc, i)
            if found is None:
                initiative = self.initiative_heads.get(doc[i].norm_)
                built = self.build_initiative(doc, i, initiative, i + 1) if initiative is not None else None
                if built is not None:
                    built_all.append(built)
                i = built.end if built is not None else i + 1
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
        built_all = self.later_parties(doc, self.same_described(doc, self.one_summit(doc, self.corridor_topics(doc, built_all))))
        self.write(doc, built_all)
        self.resolve_anaphors(doc, anaphors)
        self.possessive_events(doc)  # اجتماعه الـ38، دورته الأولى
        works = [w for b in built_all for w in b.works]  # named inside a document: referred back to too
        self.resolve_corridor_refs(doc, sorted(built_all + works, key=lambda b: b.start), corridor_refs)
        return doc

    def write(self, doc: Doc, built_all: list[Built]) -> None:
        spans = []
        for b in built_all:
            doc._.silk_entities.setdefault(b.entity.id, b.entity)
            doc._.silk_inner.extend(b.inner)
            if b.aliases:
                doc._.silk_aliases.setdefault((b.start, b.end), []).extend(b.aliases)
            spans.append(make_span(doc, b.start, b.end, b.entity.type, b.entity.id, "pattern"))
            for w in b.works:  # a work inside a document: its forms and what its head says of it
                if w.aliases:
                    doc._.silk_aliases.setdefault((w.start, w.end), []).extend(w.aliases)
                for rel, src, dst, conf in w.relations:
                    doc._.silk_found.append(FoundRelation(rel, src, dst, w.start, w.end, "", conf))
            for rel, src, dst, conf in b.relations:
                doc._.silk_found.append(FoundRelation(rel, src, dst, b.start, b.end, "", conf))
        keep = [e for e in doc.ents if not any(s.start <= e.start and e.end <= s.end for s in spans)]
        doc.ents = filter_spans(spans + keep)
        self._ents_of = None
