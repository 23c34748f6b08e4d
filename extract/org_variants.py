"""Known organisations by other forms of their full name, derived from the gazetteer's own names:

- ``name_variants``: a name with one of its words swapped for an interchangeable one
  (``data/lexicon/boundaries_org_variants.tsv``, kinds ``org_variant_*``: شركة / مؤسسة / مجموعة,
  النفط / البترول), so مؤسسة النفط الوطنية الصينية also matches شركة النفط الوطنية الصينية; a variant
  another entity is called by is not made;
- ``known_company``: a company name the patterns build around a known organisation (شركة كوسكو
  الصينية للشحن، شركة الشحن البحري الصينية كوسكو) is that organisation when its other words are a
  company head, the nisba of the organisation's country, or words of the organisation's own names;
  one around no known name is the organisation a company name of the gazetteer says the same of
  (``word_bag``: الشركة الصينية للشحن البحري for مجموعة الصين للشحن البحري), when only one does.
"""
from __future__ import annotations

from itertools import product

from spacy.tokens import Doc, Span

from silkgraph.extract.lexicon import Lexicon, roles
from silkgraph.normalize import has_article, light_stem, phrase_key, strip_clitics, word_key
from silkgraph.records import Entity

ROLE = roles()
VARIANT_KIND = "org_variant_"  # the kinds of boundaries_org_variants.tsv: one group of interchangeable words each
HEAD_KIND = "org_variant_head"  # the heads a company's name may open with either of (شركة، مؤسسة)
COMPANY_KIND = "org_variant_company"  # the heads a company name may open with (شركة، مؤسسة، مجموعة)
BRACKETS = frozenset("()«»“”\"„")  # around a known name inside a longer one
MEDIA_KIND = "org_variant_media"  # the heads an agency's or a paper's name may open with (وكالة، صحيفة)
DESCRIPTOR_KIND = "org_variant_descriptor"  # words of what such a body is called (أنباء، الرسمية)
MAX_VARIANTS = 8  # per name: a name with many swappable words makes only a few forms


def variant_groups(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Word key -> the group of interchangeable word keys it belongs to (not the company heads).

    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> sorted(variant_groups(lexicon_for())["بترول"])
    ['بترول', 'نفط']
    """
    groups: dict[str, frozenset[str]] = {}
    for kind, words in lex.boundaries.items():
        if kind.startswith(VARIANT_KIND) and kind not in (HEAD_KIND, COMPANY_KIND, MEDIA_KIND, DESCRIPTOR_KIND):
            for w in words:
                groups[w] = frozenset(words)
    return groups


def swaps(word: str, groups: dict[str, frozenset[str]]) -> list[str]:
    """The key of a word (with the article: النفط، للبترول) and the keys it may be swapped for,
    behind the same proclitics; a word without the article is part of a proper name (أوزبك نفط غاز)."""
    key = word_key(word)
    stem = strip_clitics(word, groups.keys())
    if stem not in groups or not has_article(word):
        return [key]
    prefix = key[:len(key) - len(stem)] if key.endswith(stem) else ""
    return sorted(prefix + w for w in groups[stem])


def name_variants(lex: Lexicon) -> dict[str, set[str]]:
    """Organisation id -> the extra forms of its names with interchangeable words swapped (keys
    of words, as the gazetteer matches them): the company head that opens it (شركة / مؤسسة) and
    words of ``variant_groups``; no form any entity is already called by.

    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> "شركه نفط وطنيه صينيه" in name_variants(lexicon_for())["org:cnpc"]
    True
    """
    groups = variant_groups(lex)
    heads = lex.words(HEAD_KIND)
    taken = {phrase_key(f) for e in lex.entries.values() for f in (e.entity.label_ar, *e.aliases_ar) if f}
    out: dict[str, set[str]] = {}
    for entry in lex.entries.values():
        if entry.entity.type != ROLE.organization:
            continue
        for form in {entry.entity.label_ar, *entry.aliases_ar}:
            words = form.split()
            if len(words) < 2 or len(phrase_key(form).split()) != len(words):
                continue
            options = [swaps(w, groups) for w in words]
            if options[0][0] in heads:
                options[0] = sorted(heads)
            if all(len(o) == 1 for o in options):
                continue
            for n, choice in enumerate(product(*options)):
                if n > MAX_VARIANTS:
                    break
                key = " ".join(choice)
                if key not in taken:
                    out.setdefault(entry.entity.id, set()).add(key)
    return out


def word_bag(lex: Lexicon, words: list[str]) -> frozenset[str]:
    """What a company name says, in any order and form: a company head, the countries it names
    (الصين or الصينية alike), the stems of its other words (one of a group of interchangeable ones)."""
    heads = lex.words(COMPANY_KIND)
    groups = variant_groups(lex)
    countries = country_words(lex)
    out = set()
    for w in words:
        key, stem = word_key(w), light_stem(w)
        if key in heads:
            out.add(HEAD_KIND)
        elif (country := lex.nisba.get(key) or countries.get(key) or countries.get(stem)):
            out.add(country)
        else:
            out.add(min(groups.get(stem, {stem})))
    return frozenset(out)


_INDEX: dict[int, tuple[Lexicon, dict[str, str], dict[frozenset[str], str]]] = {}


def country_words(lex: Lexicon) -> dict[str, str]:
    """Word key of a one-word country name -> its id."""
    return _index(lex)[1]


def company_index(lex: Lexicon) -> dict[frozenset[str], str]:
    """``word_bag`` of each company name of the gazetteer (one opening with a company head) -> the
    organisation, for bags only one organisation has."""
    return _index(lex)[2]


def _index(lex: Lexicon) -> tuple[Lexicon, dict[str, str], dict[frozenset[str], str]]:
    got = _INDEX.get(id(lex))
    if got is not None and got[0] is lex:
        return got
    countries = {word_key(f): e.entity.id for e in lex.entries.values() if e.entity.type == ROLE.country
                 for f in (e.entity.label_ar, *e.aliases_ar) if f and len(f.split()) == 1}
    _INDEX[id(lex)] = (lex, countries, {})
    heads = lex.words(COMPANY_KIND)
    owners: dict[frozenset[str], set[str]] = {}
    for entry in lex.entries.values():
        if entry.entity.type != ROLE.organization:
            continue
        for form in (entry.entity.label_ar, *entry.aliases_ar):
            if form and len(form.split()) >= 3 and word_key(form.split()[0]) in heads:
                owners.setdefault(word_bag(lex, form.split()), set()).add(entry.entity.id)
    _INDEX[id(lex)] = (lex, countries, {bag: next(iter(ids)) for bag, ids in owners.items() if len(ids) == 1})
    return _INDEX[id(lex)]


def known_company(lex: Lexicon, doc: Doc, start: int, end: int) -> Entity | None:
    """The known organisation a company or media name from ``start`` to ``end`` is (see the module
    docstring), else None: it opens with a company head and holds exactly one known organisation,
    or opens with a media head (وكالة أنباء تاس الروسية) and holds one; the words around it may also
    be what such a body is called (``org_variant_descriptor``: أنباء، الرسمية)."""
    heads = lex.words(COMPANY_KIND)
    media = lex.words(MEDIA_KIND)
    if end - start < 3 or word_key(doc[start].text) not in heads | media:
        return None
    descriptors = heads | media | lex.words(DESCRIPTOR_KIND)
    inner = [e for e in doc.ents if start < e.start and e.end <= end and e.label_ == ROLE.organization
             and e.kb_id_ in lex.entries]
    if not inner and word_key(doc[start].text) in heads:  # الشركة الصينية للشحن البحري for مجموعة الصين للشحن البحري
        eid = company_index(lex).get(word_bag(lex, [t.text for t in doc[start:end]]))
        return lex.entries[eid].entity if eid else None
    if len({e.kb_id_ for e in inner}) != 1 or (word_key(doc[start].text) not in heads and start + 1 < inner[0].start
                                                  and word_key(doc[start + 1].text) not in descriptors):
        # a media head takes a known name only behind what an agency or a paper is called
        return None
    if len({e.kb_id_ for e in inner}) != 1:
        return None
    entry = lex.entries[inner[0].kb_id_]
    groups = variant_groups(lex)
    own = {light_stem(w) for f in (entry.entity.label_ar, *entry.aliases_ar) if f for w in f.split()}
    own |= {v for w in own for v in groups.get(w, ())}
    country = f"country:{entry.country}" if entry.country else ""
    for token in doc[start + 1:end]:
        if any(e.start <= token.i < e.end for e in inner) or token.text in BRACKETS:
            continue  # وكالة الأنباء الكازاخستانية (كازينفورم): the known name in brackets
        if light_stem(token.text) not in own and not (country and lex.nisba.get(token.norm_) == country) \
                and word_key(token.text) not in descriptors:
            return None
    return entry.entity


def merge_short_forms(doc: Doc, lex: Lexicon) -> None:
    """A body named by the first words of another the article names in full is that body (وزارة
    الخارجية after وزارة الخارجية الكازاخستانية، شركة تيانشان after شركة تيانشان للإسمنت): its
    span takes the full one's id, when exactly one body of the article extends it. Known names
    (the gazetteer's) are never re-pointed; spans of two words at least only.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("أعلنت وزارة الطاقة الطاجيكية عن خطة. وقالت وزارة الطاقة إن العمل بدأ.")
    >>> sorted({(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Organization"})[0][1] == \\
    ...     sorted({(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Organization"})[1][1]
    True
    """
    orgs = [e for e in doc.ents if e.label_ == ROLE.organization and e.kb_id_]
    if len(orgs) < 2:
        return
    words = {}
    for e in orgs:
        entity = lex.entity(e.kb_id_) or (doc._.silk_entities or {}).get(e.kb_id_)
        words[e.kb_id_] = phrase_key(entity.label_ar if entity is not None else e.text).split()
    repointed = {}
    for e in orgs:
        key = words[e.kb_id_]
        if e.kb_id_ in lex.entries or len(key) < 2:
            continue
        longer = {k for k, w in words.items() if k != e.kb_id_ and len(w) > len(key) and w[:len(key)] == key}
        if len(longer) == 1:
            repointed[e.start] = Span(doc, e.start, e.end, label=e.label_, kb_id=next(iter(longer)), span_id=e.id_)
    if repointed:
        doc.ents = [repointed.get(e.start, e) if e.label_ == ROLE.organization else e for e in doc.ents]
