"""Component ``silk_name_guard``: function words, verbs and half names do not become entities.

Runs after the gazetteer and the statistical model, before ids are given. What it knows comes
from the NER corpora's statistics (offline tools, data in ``data/lexicon``):

- ``common_words.txt`` (``silkgraph.extract.tools.build_common_words``): words almost never tagged inside an
  entity. A model's span made of such words only (مقابلة, عقد, سوف) is dropped.
- ``name_parts.txt`` (``silkgraph.extract.tools.build_name_parts``): words that begin longer names and are almost
  never a name alone (سان of سان بطرسبرج). A one-word mention of such a word is half a name.
- The gazetteer: a model span that is a table's name behind a proclitic (لآسيا) is that entity,
  with the table's type.
- Grammar: a one-word place with the article right after a definite noun is that noun's adjective
  (الخط الموصل: "the connecting line"), since a noun with the article governs no genitive.
- Heads (``boundaries_names.tsv``): the word after a disease word (جائحة كوفيد) is a disease, and
  no entity wherever the article uses it; a city or country right after a natural feature (بحر
  قزوين) is that feature, a region, and so is the same word alone in that article.
- A conjunction glued to a name the model or the name runs found (وميرزان …) is not part of its label
  when the word is no known name (``NameShape.glued_conjunction``).
- ``org_short_names.tsv`` (``silkgraph.extract.tools.build_org_heads``): a head the corpora never see
  named by one definite noun alone (معهد, مركز, شركة: at most ``max_short_share`` of their names)
  makes no organisation of head and one noun (معهد الدراسات: a generic mention); وزارة الخارجية stays.
- A city named only inside a body's or a project's name (صحيفة شينجيانغ ديلي، ميناء أكتاو) is part of
  that name, not a place the article speaks of: its inner mentions go (``name_only_types``); inside a
  corridor's name (خط سكة حديد باكو - تبليسي - قارص) a city is an end of the line and stays.
- A place a port is named after (``facility_kinds``: ميناء أكتاو، موانئ أكتاو وكوريك) is, alone in that
  article, the port it speaks of (… عبر كوريك), not a city of its own; not so for an inland port
  (ميناء شيآن الدولي البري، ميناء خورغوس الجاف: a facility in a city, which alone stays a city).
- Countries are a closed class the gazetteer lists whole: a model's country that no table names
  (by any type) is no country.
- A model's person named by the first words of a known person's longer name (قاسم جومارت، of قاسم
  جومارت توكاييف) is that person, when those words begin no other known name.
- A designation: a model's span written straight before a hyphen and a number (كوفيد-19، سو-35)
  names a disease, a vaccine or a model, no person, place or body.
- A body spoken of generically: a pattern's or model's organisation whose head has no article and is
  followed straight by a ل phrase (شركة للمقاولات: "a contracting company"), or whose definite head
  follows another definite head (اللجنة المنظمة: "the organising committee"), is no name; one ends
  before ل and an imperfect verb (محكمة الاستئناف لتخفض …: "in order to reduce").
- A verbal noun (``verbal_noun_head`` of ``boundaries_names.tsv``: إدارة، رئاسة) with no article, then a
  place and a ل phrase, is the place doing something (إدارة قازاخستان للشؤون الدينية), no body: the
  place stays a mention of its own.
- Shape (``silkgraph.extract.name_shape``): a model's person ends before a verb (… يتفقان) or the
  next title (أيغول نائبة وزير …); a span left with no word is dropped.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from silkgraph.extract.doc_state import init_state, make_span
from silkgraph.extract.lexicon import LEXICON_DIR, Lexicon, lexicon_for, roles, word_list
from silkgraph.extract.name_shape import NameShape
from silkgraph.normalize import clitic_candidates, normalize_letters, opens_with, phrase_key, word_key
from silkgraph.records import Entity
from silkgraph.tables import read_tsv

ROLE = roles()


@Language.factory("silk_name_guard", default_config={"gazetteer_dir": "", "lexicon_dir": "", "model_sources": ["ner"],
                                                      "place_types": ["City", "Region"],
                                                      "half_name_types": ["City", "Region", "Person", "Leader"],
                                                      "min_head_names": 5, "max_short_share": 0.1,
                                                      "name_only_types": ["Organization", "Project"],
                                                      "facility_kinds": ["port", "dry port"]})
def make_name_guard(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, model_sources: list[str],
                    place_types: list[str], half_name_types: list[str], min_head_names: int, max_short_share: float,
                    name_only_types: list[str], facility_kinds: list[str]):
    lex = lexicon_for(gazetteer_dir, lexicon_dir)
    folder = Path(lexicon_dir) if lexicon_dir else LEXICON_DIR
    return NameGuard(lex, word_list(folder / "name_parts.txt"), set(model_sources), set(place_types),
                     set(half_name_types), NameShape.of(lex, lexicon_dir),
                     generic_heads(folder / "org_short_names.tsv", min_head_names, max_short_share),
                     set(name_only_types), set(facility_kinds))


def generic_heads(path: Path, min_names: int, max_short_share: float) -> frozenset[str]:
    """Heads that the NER corpora name by one definite noun at most ``max_short_share`` of the time.

    >>> heads = generic_heads(LEXICON_DIR / "org_short_names.tsv", 5, 0.1)
    >>> {"معهد", "مركز"} <= heads, "وزاره" in heads
    (True, False)
    """
    if not path.exists():
        return frozenset()
    return frozenset(r["head"] for r in read_tsv(path)
                     if int(r["names"]) >= min_names and int(r["short"]) <= max_short_share * int(r["names"]))


class NameGuard:
    """Drops the spans of the model (and half names) that read as function words or verbs.

    >>> from silkgraph.extract.pipeline import load_pipeline
    >>> "silk_name_guard" in load_pipeline().pipe_names
    True
    """

    def __init__(self, lex: Lexicon, name_parts: frozenset[str], model_sources: set[str], place_types: set[str],
                 half_name_types: set[str], shape: NameShape | None = None, generic: frozenset[str] = frozenset(),
                 name_only_types: set[str] | None = None, facility_kinds: set[str] | None = None):
        self.lex = lex
        self.shape = shape or NameShape.of(lex)
        self.name_parts = name_parts
        self.model_sources = model_sources
        self.place_types = place_types
        self.half_name_types = half_name_types
        self.stops = lex.words("name_stop") | lex.words("clause") | lex.words("relative")
        self.person_types = {ROLE.person, ROLE.leader}
        self.name_sources = model_sources | {"names"}
        self.generic_heads = generic
        self.name_only_types = name_only_types or set()
        self.facility_heads = {h.words for h in lex.heads if h.type == ROLE.project and h.kind_en in (facility_kinds or ())}
        self.city_heads = {h.words[0] for h in lex.heads if h.type == ROLE.city and len(h.words) == 1}
        self.inland_port_words = lex.words("inland_port")  # ميناء شيآن الدولي البري: a port in the city, not the city
        self.body_heads = {h.words[0] for h in lex.heads if h.type == ROLE.organization}
        self.made_sources = model_sources | {"pattern"}
        self.verbal_nouns = lex.words("verbal_noun_head")
        self.place_kinds = {ROLE.country, ROLE.city, ROLE.region}
        self.disease_heads = lex.words("disease")
        self.feature_heads = lex.words("natural_feature")
        # every gazetteer name -> the entities it names, to give a model span the table's entity
        self.known: dict[str, set[str]] = {}
        # the first two words or more of a known person's longer name -> that person (قاسم جومارت)
        self.name_heads: dict[str, set[str]] = {}
        for entry in lex.entries.values():
            for form in (entry.entity.label_ar, *entry.aliases_ar):
                self.known.setdefault(phrase_key(form), set()).add(entry.entity.id)
                words = phrase_key(form).split()
                if entry.entity.type in self.person_types:
                    for n in range(2, len(words)):
                        self.name_heads.setdefault(" ".join(words[:n]), set()).add(entry.entity.id)

    def common(self, token: Token) -> bool:
        return token.is_punct or self.lex.is_common(token.text)

    def half_name(self, span: Span) -> bool:
        """One word that only ever begins a longer name (سان)."""
        return len(span) == 1 and span.label_ in self.half_name_types and (
            normalize_letters(span[0].text) in self.name_parts or span[0].norm_ in self.name_parts)

    def adjective_place(self, span: Span) -> bool:
        """الخط الموصل: a one-word place with the article after a definite noun is its adjective."""
        if len(span) != 1 or span.label_ not in self.place_types or span.start == 0:
            return False
        word, before = normalize_letters(span[0].text), span.doc[span.start - 1]
        prev = normalize_letters(before.text)
        return opens_with(word, "article") and opens_with(prev, "article") and len(prev) > 3 and not before.is_punct \
            and before.norm_ not in self.stops and before.norm_ not in self.lex.nisba and before.ent_iob_ == "O"

    def all_common(self, span: Span) -> bool:
        """A model span made of common words only (في مقابلة مع: no person). Edges are not trimmed:
        many first names are common words too (جمال، أمين، إمام علي رحمان)."""
        return all(self.common(t) for t in span)

    def known_entity(self, span: Span) -> str:
        """The one gazetteer entity a model span names once a proclitic is off its first word
        (لآسيا: Asia, a Region, though the model said Country), else ""."""
        rest = [t.text for t in span[1:]]
        for first in clitic_candidates(normalize_letters(span[0].text))[1:]:
            ids = self.known.get(phrase_key(" ".join([first, *rest])), set())
            if len(ids) == 1:
                return next(iter(ids))
        return ""

    def first_name_title(self, doc: Doc, k: int, end: int) -> bool:
        """A title word at k that is a first name too (أمينة "secretary"), before a family name of the
        patronymic shape (``surname_final``) inside the span: the name's first word."""
        if k + 1 >= end or not self.shape.name_word(doc[k].text):
            return False
        letters = normalize_letters(doc[k + 1].text)
        return len(letters) > 4 and any(letters.endswith(e) for e in self.lex.words("surname_final"))

    def person_words(self, span: Span) -> tuple[int, int]:
        """The part of a model's person span that may be a name: it stops before the first verb or
        title word (تشانغ يتفقان، أيغول نائبة), and a title word opening it is no name either."""
        start, end = span.start, span.end
        while start < end and self.shape.title_word(span.doc[start]) and not self.first_name_title(span.doc, start, end):
            start += 1
        for k in range(start, end):
            if self.shape.outside_name(span.doc[k]) and not (k == start and (
                    self.named_after_nationality(span) or self.first_name_title(span.doc, k, end))):
                return start, k
        return start, end

    def named_after_nationality(self, span: Span) -> bool:
        """A model's person right after a title's nationality (الوزير القازاقستاني أسيت إيسيكيشيف) whose
        first word only reads as a verb: the words after it are uncommon and none a verb or title word,
        so the run is the holder's name (a verb there has its subject's name after it, or none)."""
        doc = span.doc
        return len(span) >= 2 and span.start > 0 and doc[span.start - 1].norm_ in self.lex.nisba \
            and not self.shape.title_word(span[0]) \
            and all(not self.shape.outside_name(t) and not self.lex.is_common(t.text) and not t.is_punct for t in span[1:])

    def named_after(self, doc: Doc) -> tuple[dict[str, str], dict[str, str]]:
        """The words that follow a disease word and a natural feature in the Doc (جائحة كوفيد:
        كوفيد), each with the phrase key of head and word (جائحة كوفيد)."""
        diseases: dict[str, str] = {}
        features: dict[str, str] = {}
        heads = self.disease_heads | self.feature_heads
        hashes = numpy.array([doc.vocab.strings[h] for h in heads], dtype="uint64")
        for i in numpy.nonzero(numpy.isin(doc.to_array(NORM), hashes))[0]:  # a pass in C, not per token
            token = doc[int(i)]
            if token.i + 1 == len(doc):
                continue
            nxt = doc[token.i + 1]
            if not nxt.is_punct and not nxt.like_num:
                found = diseases if token.norm_ in self.disease_heads else features
                found.setdefault(nxt.norm_, phrase_key(f"{token.text} {nxt.text}"))
        return diseases, features

    def feature_region(self, doc: Doc, span: Span, features: dict[str, str]) -> Span | None:
        """A one-word city or country that an article also writes after a natural feature (بحر
        قزوين … قزوين): that feature, as the region the gazetteer knows by both words, else by them."""
        if len(span) != 1 or span.label_ not in (ROLE.city, ROLE.country) or span[0].norm_ not in features:
            return None
        key = features[span[0].norm_]
        known = [eid for eid in self.known.get(key, ()) if self.lex.entries[eid].entity.type == ROLE.region]
        eid = known[0] if known else f"{ROLE.region.lower()}:{key.replace(' ', '-')}"
        if not known:
            doc._.silk_entities.setdefault(eid, Entity(eid, ROLE.region, span.text))
        return make_span(doc, span.start, span.end, ROLE.region, eid, span.id_ or "ner")

    def ports_of_cities(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """The Doc's entities with each city a port is named after (ميناء أكتاو) as that port."""
        ports: dict[str, str] = {}
        inland_cities: set[str] = set()
        for ent in ents:
            made = doc._.silk_entities.get(ent.kb_id_) if ent.label_ == ROLE.project else None
            words = tuple(phrase_key(made.label_ar).split()) if made is not None else ()
            heads = [head for head in self.facility_heads if words[:len(head)] == head]
            inland = heads and any(word_key(t.text) in self.inland_port_words for t in doc[ent.start:ent.end + 2])
            for city in doc._.silk_inner if heads else ():
                # ميناء كوريك (or of موانئ … وكوريك): the port's name is the place's; not الميناء الجاف في خورغوس
                if city.label_ == ROLE.city and city.kb_id_ and city.end == ent.end \
                        and city.start in (ent.start, ent.start + len(heads[0])):
                    ports.setdefault(city.kb_id_, ent.kb_id_)
                    if inland:
                        inland_cities.add(city.kb_id_)
        for ent in ents:  # … ثم زار مدينة أكتاو: named a city, it stays one; so does the city of an inland port
            if ent.label_ == ROLE.city and (ent.start > 0 and doc[ent.start - 1].norm_ in self.city_heads
                                            or ent.kb_id_ in inland_cities):  # ميناء شيآن الدولي البري … شيآن
                ports.pop(ent.kb_id_, None)
        if not ports:
            return ents
        doc._.silk_inner = [e for e in doc._.silk_inner if e.kb_id_ not in ports]
        # what was said of the place is said of the port (the port in the place: of itself, dropped)
        doc._.silk_found[:] = [replace(r, source_id=ports.get(r.source_id, r.source_id),
                                       target_id=ports.get(r.target_id, r.target_id)) for r in doc._.silk_found]
        return [make_span(doc, e.start, e.end, ROLE.project, ports[e.kb_id_], e.id_)
                if e.label_ == ROLE.city and e.kb_id_ in ports else e for e in ents]

    def drop_name_only_cities(self, doc: Doc, ents: list[Span]) -> None:
        """Remove the inner mentions of cities and people the Doc names only inside a body's or
        project's name (جامعة نزارباييف، مطار نور سلطان نزارباييف: the eponym is not mentioned)."""
        holders = [e for e in ents if e.label_ in self.name_only_types]
        if not holders or not doc._.silk_inner:
            return
        kinds = (ROLE.city, ROLE.leader, ROLE.person)
        free = {e.kb_id_ for e in ents if e.label_ in kinds}
        free |= {e.kb_id_ for e in doc._.silk_inner if e.label_ in kinds
                 and (not any(h.start <= e.start and e.end <= h.end for h in holders) or self.placed(doc, e))}
        doc._.silk_inner = [e for e in doc._.silk_inner if e.label_ not in kinds or e.kb_id_ in free]

    def placed(self, doc: Doc, span: Span) -> bool:
        """A city behind في (مصنع الإسمنت في [مدينة] كاراباليك): where the work is, a place the
        article speaks of, not the name's eponym."""
        k = span.start - 1
        if k > 0 and doc[k].norm_ in self.city_heads:
            k -= 1
        return span.label_ == ROLE.city and k >= 0 and doc[k].norm_ == "في"

    def generic_body(self, span: Span) -> bool:
        """معهد الدراسات: a pattern's organisation of a generic head and one definite noun."""
        if span.id_ != "pattern" or span.label_ != ROLE.organization or len(span) != 2:
            return False
        head, noun = span
        return head.norm_ in self.generic_heads and not opens_with(normalize_letters(head.text), "article") \
            and opens_with(normalize_letters(noun.text), "article") and noun.norm_ not in self.lex.nisba

    def indefinite_body(self, span: Span) -> bool:
        """شركة للمقاولات، ومنظمة للتعاون الإقليمي: an organisation head with no article straight
        before a ل phrase is "a company for …", no name (a name has the article, الوكالة الدولية
        للطاقة, or a genitive, منظمة شنغهاي للتعاون); and اللجنة المنظمة للمعرض: a definite head
        right after another is that head's adjective ("the organising committee")."""
        if span.id_ not in self.made_sources or span.label_ != ROLE.organization or len(span) < 2:
            return False
        head, doc = normalize_letters(span[0].text), span.doc
        if span.start > 0 and opens_with(head, "article") and doc[span.start - 1].norm_ in self.body_heads \
                and opens_with(normalize_letters(doc[span.start - 1].text), "article") and doc[span.start - 1].ent_iob_ == "O":
            return True
        if opens_with(head, "article") or opens_with(head, "coordinator", "article") or span[0].norm_ not in self.body_heads:
            return False
        word = normalize_letters(span[1].text)
        return opens_with(word, "lam_article") or (opens_with(word, "lam") and self.lex.is_common(word[1:]))

    def verbal_noun_body(self, span: Span) -> bool:
        """إدارة قازاخستان للشؤون الدينية: a head that is also a verbal noun (``verbal_noun_head``),
        with no article, then one place and a ل phrase, is a place doing something ("Kazakhstan's
        handling of religious affairs"), no body; رئاسة كازاخستان alone stays."""
        if span.id_ not in self.made_sources or span.label_ != ROLE.organization or len(span) < 3:
            return False
        head, place = span[0], span.doc[span.start + 1:span.start + 2]
        inner = self.inner_of(span)
        return head.norm_ in self.verbal_nouns and not opens_with(normalize_letters(head.text), "article") \
            and len(inner) == 1 and (inner[0].start, inner[0].end) == (place.start, place.end) \
            and inner[0].label_ in self.place_kinds and opens_with(normalize_letters(span[2].text), "lam")

    @staticmethod
    def inner_of(span: Span) -> list[Span]:
        """The gazetteer's mentions inside ``span`` (kept in ``doc._.silk_inner``)."""
        return [e for e in span.doc._.silk_inner if span.start <= e.start and e.end <= span.end]

    def before_purpose_verb(self, span: Span) -> int:
        """محكمة الاستئناف لتخفض العقوبة: an organisation ends before ل and an imperfect verb ("in
        order to reduce"); the index of that word, else the span's end."""
        if span.id_ not in self.made_sources or span.label_ != ROLE.organization:
            return span.end
        for token in span[1:]:
            letters = normalize_letters(token.text)
            if opens_with(letters, "lam") and not opens_with(letters, "lam_article") and self.shape.verb(letters[1:]):
                return token.i
        return span.end

    @staticmethod
    def designation(span: Span) -> bool:
        """كوفيد-19: the span's last word, a hyphen and a number, written with no space between."""
        doc, end = span.doc, span.end
        return end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in ("-", "–") \
            and not doc[end].whitespace_ and doc[end + 1].like_num

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        kept: list[Span] = []
        changed = False
        diseases, features = self.named_after(doc)
        for ent in doc.ents:
            if ent.id_ in self.name_sources and ent.label_ in self.person_types:
                rest = self.shape.glued_conjunction(ent[0].text)
                if rest:
                    ent[0].norm_ = word_key(rest)  # the label (silk_entity_ids) drops the و
            if any(t.norm_ in diseases or t.norm_ in self.disease_heads for t in ent) \
                    or (ent.id_ in self.model_sources and self.designation(ent)) or self.generic_body(ent) \
                    or self.indefinite_body(ent):
                changed = True  # جائحة كوفيد، كوفيد-19: a disease
                continue
            if self.verbal_noun_body(ent):
                changed = True  # the place doing it stays a mention of its own
                place = self.inner_of(ent)[0]
                doc._.silk_inner = [e for e in doc._.silk_inner if e is not place]
                kept.append(make_span(doc, place.start, place.end, place.label_, place.kb_id_, place.id_))
                continue
            end = self.before_purpose_verb(ent)
            if end < ent.end:
                changed = True
                if end - ent.start >= 2:
                    kept.append(make_span(doc, ent.start, end, ent.label_, ent.kb_id_, ent.id_))
                continue
            region = self.feature_region(doc, ent, features) if features else None
            if region is not None:
                changed = True
                kept.append(region)
                continue
            if ent.id_ in self.model_sources and ent.label_ in self.person_types:
                start, end = self.person_words(ent)
                if (start, end) != (ent.start, ent.end):
                    changed = True
                    if end > start:
                        kept.append(make_span(doc, start, end, ent.label_, ent.kb_id_, ent.id_))
                    continue
            if self.half_name(ent) or self.adjective_place(ent):
                changed = True
                continue
            if ent.id_ in self.model_sources and self.all_common(ent):
                changed = True
                continue
            if ent.id_ in self.name_sources and not ent.kb_id_ and ent.label_ in self.person_types:
                ids = self.name_heads.get(phrase_key(ent.text), set())
                if len(ids) == 1 and not self.known.get(phrase_key(ent.text)):
                    eid = next(iter(ids))  # قاسم جومارت: the first names of قاسم جومارت توكاييف
                    changed = True
                    kept.append(make_span(doc, ent.start, ent.end, self.lex.entries[eid].entity.type, eid, ent.id_))
                    continue
            if ent.id_ in self.model_sources and not ent.kb_id_:
                eid = self.known_entity(ent)
                if eid:
                    changed = True
                    kept.append(make_span(doc, ent.start, ent.end, self.lex.entries[eid].entity.type, eid, ent.id_))
                    continue
                if ent.label_ == ROLE.country and not self.known.get(phrase_key(ent.text)):
                    changed = True  # every country is in the gazetteer: a country no table names is none
                    continue
            kept.append(ent)
        if self.facility_heads and doc._.silk_inner:
            ported = self.ports_of_cities(doc, kept)
            changed = changed or ported != kept
            kept = ported
        self.drop_name_only_cities(doc, kept)
        if changed:
            doc.ents = kept
        return doc
