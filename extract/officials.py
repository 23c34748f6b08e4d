"""What the words around an office holder's name say of them, for the relation rules: a holder
named after a feminine title (رئيسة مجلس الإدارة فلانة، وزيرة الخارجية، السيدة) is a woman, so a
feminine verb after her (… فلانة، التي تزور البلاد) takes her as its subject. Words in
``data/lexicon/boundaries_officials.tsv``. A role noun with a nationality (المسؤول الصيني،
الضيف الصيني) stands for the office holder of that country the article is about.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import REFS, FoundRelation, add_ref
from silkgraph.extract.construction import CAPITAL_NOTE
from silkgraph.extract.lexicon import GAZETTEER_DIR, lexicon_for, roles
from silkgraph.normalize import has_article, normalize_letters, translit_key, word_key
from silkgraph.tables import read_tsv

ROLE = roles()
TITLE_REACH = 8  # words between a feminine title and the name it names, at most (its body between)
RELATIVE_REACH = 4  # words between a verb of heading and the head's name (his descriptors: الدبلوماسي المخضرم)


@lru_cache(maxsize=1)
def national_capitals() -> dict[str, str]:
    """Country id -> its national capital's city id, from the gazetteer's cities table: a city whose
    note says "Capital" alone or "Capital of" the country's English name (not a province's capital).

    >>> national_capitals()["country:CN"], national_capitals()["country:KZ"]
    ('city:beijing-cn', 'city:astana-kz')
    """
    names = {r["id"]: r["label_en"] for r in read_tsv(GAZETTEER_DIR / "countries.tsv")}
    out: dict[str, list[str]] = {}
    for r in read_tsv(GAZETTEER_DIR / "cities.tsv"):
        country = f"country:{r.get('country', '')}"
        note = r.get("note", "").split(";")[0].strip()
        of = f"{CAPITAL_NOTE} of {names.get(country, '?')}"
        if note == CAPITAL_NOTE or note == of or note.startswith(of + " "):
            out.setdefault(country, []).append(r["id"])
    return {c: cities[0] for c, cities in out.items() if len(cities) == 1}


@lru_cache(maxsize=1)
def feminine_titles() -> frozenset[str]:
    """The keys of the ``feminine_title`` words of the package's lexicon."""
    return frozenset(lexicon_for().words("feminine_title"))


def feminine_holder(doc: Doc, start: int) -> bool:
    """Whether the name at token ``start`` follows, in its sentence and with no punctuation or
    other entity between, a feminine title (رئيسة البنك الآسيوي … فلانة).

    >>> import spacy
    >>> doc = spacy.blank("ar")("التقت رئيسة البنك هو شياو ليان الوزير")
    >>> feminine_holder(doc, 3), feminine_holder(doc, 0)
    (True, False)
    """
    words = feminine_titles()
    sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    for k in range(start - 1, max(sent_start, start - TITLE_REACH) - 1, -1):
        token = doc[k]
        if token.is_punct or (token.ent_iob_ == "B" and k != start - 1 and token.ent_type_ in (ROLE.leader, ROLE.person)):
            return False
        if word_key(token.text) in words:
            return True
    return False


class RoleReferences:
    """A role noun with a nationality (ثم توجه المسؤول الصيني إلى …، استقبل … الضيف الصيني) stands for
    the office holder of that country the article is about: the one it named most often before
    (not a president named in passing: نقل تحيات الرئيس الصيني), the first named of those: a mixin of
    ``silkgraph.extract.titles.TitleResolver`` (its ``lex`` and ``chinese_person``), run once the
    titles are bound.

    >>> sorted(n for n in vars(RoleReferences) if not n.startswith("_"))
    ['family_names_of_leaders', 'heads_by_relative_clause', 'holder_country', 'refer_by_role']
    """

    def refer_by_role(self, doc: Doc) -> None:
        """Add a title reference over each ``role_noun`` and the nisba after it, to the holder (once
        a family name alone is made the leader it names: ``family_names_of_leaders``), once the
        heads a relative clause names are leaders (``heads_by_relative_clause``)."""
        self.heads_by_relative_clause(doc)
        self.family_names_of_leaders(doc)
        roles_ = self.lex.words("role_noun")
        nisbas = {r.start: r for r in doc.spans[REFS] if r.id_ == "nisba"}
        taken = {k for r in doc.spans[REFS] if r.id_ != "nisba" for k in range(r.start, r.end)}
        holders = [(e.start, e.kb_id_, self.holder_country(doc, e.kb_id_)) for e in doc.ents
                   if e.label_ == ROLE.leader and e.kb_id_]
        for t in doc:
            nisba = nisbas.get(t.i + 1)
            if nisba is None or t.i in taken or t.ent_iob_ != "O" or word_key(t.text) not in roles_:
                continue
            if nisba.end < len(doc) and doc[nisba.end].ent_type_ in (ROLE.leader, ROLE.person):
                continue  # المسؤول الصيني فلان: the name says who
            # the holder the article is about: named most often before, the first named of those
            counts: dict[str, list[int]] = {}
            for start, pid, country in holders:
                if start < t.i and country == nisba.kb_id_:
                    counts.setdefault(pid, []).append(start)
            holder = max(counts, key=lambda pid: (len(counts[pid]), -counts[pid][0]), default="")
            if holder:
                add_ref(doc, t.i, nisba.end, ROLE.leader, holder, "title")

    def heads_by_relative_clause(self, doc: Doc) -> None:
        """A body, then a relative and a verb of heading (``headed_by_verb``: … «الأمانة العامة …» التي
        يرأسها الدبلوماسي المخضرم فلان، الحزب الذي يقوده فلان): the person named within a few words
        after the verb, no punctuation between, is a leader who ``leads`` the body."""
        verbs, relatives = self.lex.words("headed_by_verb"), self.lex.words("relative")
        if not verbs:
            return
        ents = list(doc.ents)
        by_end = {e.end: e for e in ents if e.label_ == ROLE.organization and e.kb_id_}
        changed = False
        for t in doc[2:-1]:
            if word_key(t.text) not in verbs or word_key(doc[t.i - 1].text) not in relatives:
                continue
            k = t.i - 1
            while k > 0 and doc[k - 1].text in ('"', "»", "”"):
                k -= 1
            body = by_end.get(k)
            if body is None:
                continue
            for n, e in enumerate(ents):
                if e.start <= t.i or e.start > t.i + RELATIVE_REACH:
                    continue
                if e.label_ in (ROLE.person, ROLE.leader) and not any(x.is_punct for x in doc[t.i + 1:e.start]):
                    leader_id = e.kb_id_ if e.label_ == ROLE.leader and e.kb_id_ else self.promote(doc, e)
                    if e.label_ != ROLE.leader or leader_id != e.kb_id_:
                        ents[n] = Span(doc, e.start, e.end, label=ROLE.leader, kb_id=leader_id, span_id=e.id_)
                        changed = True
                    doc._.silk_found.append(FoundRelation("leads", leader_id, body.kb_id_, t.i, t.i + 1, t.text, 0.9))
                break
        if changed:
            doc.ents = ents

    def family_names_of_leaders(self, doc: Doc) -> None:
        """A person of one word that no table knows, written as the family name of the one leader
        the article names in full, in any spelling (ميرضيائيف في شنغهاي … الرئيس الأوزبكي شوكت
        ميرضيائيف; وقال جاقسيليقوف … روسلان جاكسيليكوف): that leader, before or after. Not a Chinese
        name, whose family name is its first word and names many (``FamilyNameRefs.chinese_person``)."""
        ents = list(doc.ents)
        full: dict[str, set[str]] = {}
        for e in ents:
            if e.label_ == ROLE.leader and e.kb_id_ and len(e) >= 2 and not self.chinese_person(e):
                full.setdefault(translit_key(e[-1].text), set()).add(e.kb_id_)  # a Chinese name: FamilyNameRefs
        changed = False
        for k, e in enumerate(ents):
            if len(e) != 1 or e.label_ not in (ROLE.person, ROLE.leader) or e.kb_id_ in self.lex.entries:
                continue
            ids = full.get(translit_key(e[0].text), set())
            if len(ids) == 1 and e.kb_id_ not in ids:
                ents[k] = Span(doc, e.start, e.end, label=ROLE.leader, kb_id=next(iter(ids)), span_id=e.id_)
                changed = True
        if changed:
            doc.ents = ents

    def holder_country(self, doc: Doc, leader_id: str) -> str:
        """The country a leader holds office for: the article's bound titles, else the gazetteer."""
        scopes = [scope for (_, scope), holder in (doc._.silk_bindings or {}).items()
                  if holder == leader_id and scope.startswith("country:")]
        return scopes[0] if scopes else self.lex.country_of(leader_id)


class PlaceAnaphors:
    """A title that ends on a place head with the article and no name after it (رئيس حكومة المنطقة
    فلان، حاكم المقاطعة): the place is the one of that kind the article named last before it (a
    mixin of ``silkgraph.extract.titles.TitleResolver``, using its ``lex`` and ``place_heads``).

    >>> sorted(n for n in vars(PlaceAnaphors) if not n.startswith("_"))
    ['scope_named_before']
    """

    def scope_named_before(self, doc: Doc, match, i: int) -> tuple[str, int]:
        """(place id, ``i``) for such a title, else ("", ``i``). A body in quotes right after the
        title (رئيس مجلس إدارة «قازاق غاز» فلان) is the title's scope, past its closing quote."""
        q = i + 1 if i + 3 < len(doc) and normalize_letters(doc[i].text) == "ل" else i  # لـ"…": ل drawn out with a tatweel
        if q + 2 < len(doc) and doc[q].text in ('"', "«", "“") and match.title.relation == "leads" \
                and match.title.scope in ("org", "country"):
            body = next((e for e in doc.ents if e.start == q + 1 and e.label_ == ROLE.organization and e.kb_id_), None)
            if body is not None and body.end < len(doc) and doc[body.end].text in ('"', "»", "”"):
                return body.kb_id_, body.end + 1
        last = doc[match.end - 1]
        kinds = getattr(self, "_place_kinds", None)
        if kinds is None:
            kinds = self._place_kinds = {h.words[0]: h.type for h in self.lex.heads if h.needs == "place_name"}
        if match.title.scope != "city" or last.norm_ not in kinds or not has_article(last.text, prepositions=False):
            return "", i
        if i < len(doc) and doc[i].ent_type_ in (ROLE.city, ROLE.region):
            return "", i
        place = next((e for e in reversed(doc.ents) if e.end <= match.start and e.label_ == kinds[last.norm_]
                      and e.kb_id_), None)
        return (place.kb_id_, i) if place is not None else ("", i)
