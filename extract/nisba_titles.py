"""Offices said once for several holders, and titles that belong to someone else's office, for
``silk_titles`` (``silkgraph.extract.titles``).

A dual or plural title lists its holders each after his nationality: "الرئيسان الصيني شي جين بينغ
والكازاخستاني قاسم جومارت توكاييف", "رئيسا الوزراء الصيني … والقيرغيزي …", "الرؤساء الصيني …
والروسي … والطاجيكي …": each holder leads the country of the nisba before his name. A title that is
the complement of an aide's or a relative's word (المتحدث باسم الرئيس الكازاخستاني فلان، المستشار
الاقتصادي للرئيس الأوزبكي فلان، عقيلة الرئيس الصيني فلانة) names the aide after it, not the holder,
unless the name is a known leader's (مساعد الرئيس الروسي فلاديمير بوتين: the president). A holder may be named by initials and the family name (الرئيس
الأوزبكي ش. ميرضيائيف، الرئيس ق. توكاييف), the family name in a spelling no table lists: a known
leader of the title's country with that family name, in any spelling (``translit_key``).
Words in ``data/lexicon/boundaries_leaders.tsv``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import REFS, FoundRelation
from silkgraph.extract.lexicon import Lexicon, roles
from silkgraph.extract.surface import COMMAS, strip_proclitics
from silkgraph.normalize import opens_with, translit_key, word_key

ROLE = roles()


class NisbaListHeads:
    """The holders of a dual or plural title and the aides' titles (a mixin of
    ``TitleResolver``, using its ``lex``).

    >>> import spacy
    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> heads = NisbaListHeads()
    >>> heads.lex = lexicon_for()
    >>> doc = spacy.blank("ar")("وقال المتحدث باسم الرئيس الكازاخستاني إن")
    >>> heads.title_of_aide(doc, 3), heads.title_of_aide(doc, 1), heads.title_of_aide(doc, 3, "leader:xi-jinping")
    (True, False, False)
    """

    lex: Lexicon
    aide_reach = 3  # words between an aide's word and the title it is the complement of, at most

    def title_of_aide(self, doc: Doc, start: int, holder: str = "") -> bool:
        """Whether the title at token ``start`` is the complement of an aide's or a relative's word
        before it in its sentence, with adjectives at most between (المستشار الاقتصادي للرئيس), and
        ``holder``, the entity id of the name after it, is no known leader (مساعد الرئيس الروسي
        فلاديمير بوتين names the president: the aide was named before)."""
        if holder and holder in self.lex.entries:
            return False
        aides = self.lex.words("aide_of_office")
        sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
        for k in range(start - 1, max(sent_start, start - self.aide_reach) - 1, -1):
            if doc[k].is_punct:
                return False
            key = word_key(doc[k].text)
            if key in aides or (opens_with(doc[k].text, "coordinator") and key[1:] in aides):
                return True
        return False

    def place_of_office(self, doc: Doc, scope: str, scope_end: int, name_end: int) -> str:
        """The place an office of a city or province is held in, when the title's scope is the body
        (سكرتير لجنة الحزب الشيوعي الصيني في منطقة شينجيانغ ما شينغ روي: the committee, and in
        Xinjiang): a city or region after في between the body and the holder's name, else ""."""
        if scope != "city":
            return ""
        for k in range(scope_end, min(name_end, len(doc)) - 1):
            if word_key(doc[k].text) != "في":
                continue
            place = next((e for e in doc.ents if e.start in (k + 1, k + 2) and e.end < name_end), None)
            if place is not None and place.label_ in (ROLE.city, ROLE.region) and place.kb_id_:
                return place.kb_id_
            return ""
        return ""

    def past_quoted_name(self, doc: Doc, i: int, scope: str) -> int:
        """Past the same body's quoted name at token ``i``, between the body and its head's name
        (رئيس شركة السكك الحديدية الكازاخستانية "قازاقستان تيمير جولي" فلان), or its quoted short
        name (الأمين العام لمنظمة شنغهاي للتعاون "شنغهاي" فلان), else ``i``."""
        if not scope or i + 2 >= len(doc) or doc[i].text not in ('"', "«", "“"):
            return i
        inside = next((e for e in doc.ents if e.start == i + 1), None)
        if inside is None or inside.end >= len(doc) or doc[inside.end].text not in ('"', "»", "”"):
            return i
        return inside.end + 1 if inside.kb_id_ == scope or self.short_name_of(doc, inside, i) else i

    def short_name_of(self, doc: Doc, quoted: Span, i: int) -> bool:
        """Whether a quoted name right after a body (ending at token ``i``) is its short name: an
        organisation (منظمة التفاعل … "سيكا") or words of the body's own name (منظمة شنغهاي للتعاون
        "شنغهاي", which a table reads as the city)."""
        body = next((e for e in doc.ents if e.end == i and e.label_ == ROLE.organization), None)
        if body is None or len(quoted) > 3:
            return False
        return quoted.label_ == ROLE.organization or {t.norm_ for t in quoted} <= {t.norm_ for t in body}

    @staticmethod
    def past_initials(doc: Doc, i: int) -> int:
        """Past the initials of a name at token ``i`` (ش. ، ق.): one letter and a full stop each."""
        while i + 1 < len(doc) and len(doc[i].text) == 2 and doc[i].text.endswith(".") and doc[i].text[0].isalpha():
            i += 1
        return i

    def surname_holder(self, doc: Doc, i: int, country: str) -> str:
        """The known leader of ``country`` whose family name token ``i`` is, in any spelling
        (ميرضيائيف for ميرضيايف): one word of a name, no other leader of that country with that
        name; else ""."""
        token = doc[i] if i < len(doc) else None
        if token is None or token.ent_iob_ != "O" or token.is_punct or self.lex.is_common(token.text):
            return ""
        if i + 1 < len(doc) and not doc[i + 1].is_punct and doc[i + 1].ent_iob_ == "O" \
                and not self.lex.is_common(doc[i + 1].text):
            return ""  # a name of two words or more is no family name alone
        if i + 1 < len(doc) and doc[i + 1].ent_iob_ == "B" and doc[i + 1].ent_type_ in (ROLE.leader, ROLE.person):
            return ""  # إمومالي رحمان: a first name before a known person's family name, not another's surname
        index = getattr(self, "_surnames", None)
        if index is None:
            index = {}
            for entry in self.lex.entries.values():
                if entry.entity.type != ROLE.leader or not entry.country:
                    continue
                for form in {entry.entity.label_ar, *entry.aliases_ar}:
                    key = (f"country:{entry.country}", translit_key(form.split()[-1]))
                    index[key] = entry.entity.id if index.get(key, entry.entity.id) == entry.entity.id else ""
            self._surnames = index
        return index.get((country, translit_key(token.text)), "")

    def first_name_of(self, token, eid: str) -> bool:
        """Whether ``token`` spells the first word of a form of the known person ``eid`` (حميد of
        حامد كرزاي), so a first name before that person's family name is theirs (محمد علييف is
        not إلهام علييف)."""
        entry = self.lex.entries.get(eid)
        if entry is None:
            return False
        key = translit_key(strip_proclitics(token.text))
        # the first word, or all before the family name as one (إمومالي of إمام علي رحمان)
        return any(key in (translit_key(words[0]), translit_key("".join(words[:-1])))
                   for words in (form.split() for form in (entry.entity.label_ar, *entry.aliases_ar)) if len(words) >= 2)

    def known_by_name(self, doc: Doc, start: int, end: int, country: str) -> str:
        """The known leader of ``country`` a name of two words or more after a title is, in another
        spelling (الرئيس القيرغيزي صادر جباروف): the first and the family name's transliteration
        keys match one of the leader's forms, and no other leader's; else ""."""
        if end - start < 2 or not country.startswith("country:"):
            return ""
        index = getattr(self, "_full_names", None)
        if index is None:
            index = {}
            for entry in self.lex.entries.values():
                if entry.entity.type == ROLE.leader and entry.country:
                    for form in {entry.entity.label_ar, *entry.aliases_ar}:
                        words = form.split()
                        if len(words) >= 2:
                            key = (f"country:{entry.country}", translit_key(words[0]), translit_key(words[-1]))
                            index.setdefault(key, set()).add(entry.entity.id)
            self._full_names = index
        ids = index.get((country, translit_key(doc[start].text), translit_key(doc[end - 1].text)), set())
        return next(iter(ids)) if len(ids) == 1 else ""

    def heads_after_plural_title(self, doc: Doc) -> list[FoundRelation]:
        """الرئيسان الصيني شي جين بينغ والكازاخستاني قاسم جومارت توكاييف: after a dual or plural
        title (and the body it is of: رئيسا الوزراء), each known leader right after a nationality,
        the second and later ones after و, leads the nationality's country."""
        titles = self.lex.words("nisba_list_title")
        of_words = self.lex.words("nisba_list_title_of")
        nisba = {r.start: r for r in doc.spans[REFS] if r.id_ == "nisba" and r.kb_id_}
        leaders = {e.start: e for e in doc.ents if e.label_ == ROLE.leader and e.kb_id_}
        out = []
        for token in doc:
            if word_key(token.text) not in titles:
                continue
            p = token.i + 1
            if p < len(doc) and word_key(doc[p].text) in of_words:
                p += 1
            while p in nisba and nisba[p].end in leaders:
                if out and out[-1].start == token.i and not opens_with(doc[p].text, "coordinator"):
                    break  # the second holder is joined by و
                leader, country = leaders[nisba[p].end], nisba[p]
                if leader.doc[leader.start].sent.start != token.sent.start:
                    break
                out.append(FoundRelation("leads", leader.kb_id_, country.kb_id_, token.i, leader.end,
                                         token.text, 0.85))
                p = leader.end + 1 if leader.end < len(doc) and doc[leader.end].text in COMMAS else leader.end
        return out
