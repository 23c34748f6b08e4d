"""Events for ``silk_patterns``: summits, meetings, forums and exercises from their heads in
``data/lexicon/heads.tsv``.

- ``meeting`` (اجتماع; and every event head first): an event described by its number and who meets
  (الاجتماع الـ15 لمجلس رؤساء دول منظمة …، اجتماع رؤساء وزراء الدول الأعضاء في …; not one
  participant word alone: اجتماع وزراء); ``kind``: an
  event named by its kind, one per article (مناورات عسكرية مشتركة).
- ``anaphor``: القمة refers back to the last summit, unless a number or who meets follows
  (القمة الـ19 لمنظمة …), which makes it a new event; a number alone other than the last summit's
  (القمة الأولى after the second) is another summit of that series, and so is the next or the last
  one (القمة المقبلة، القمة السابقة: ``next_edition``, ``last_edition``).

An event is identified by its kind, who meets and its number (else its year); named events
(قمة الصين-آسيا الوسطى, ``name``) are built by ``PatternMatcher.build_named``, which reads their
number with ``EventRules.ordinal``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from silkgraph.extract.built import NUMBER, YEAR, Built, slug
from silkgraph.extract.doc_state import DOC_SCOPE, YEAR_SCOPE, add_ref, make_span
from silkgraph.extract.lexicon import roles, Head
from silkgraph.normalize import clitic_candidates, identity_key, normalize_letters, opens_with, word_key
from silkgraph.records import Entity

ROLE = roles()

ORDINAL_NUMBER = re.compile(r"^(?:ال)?ـ?\(?([0-9٠-٩]+)\)?$")
SUMMIT_KIND = "summit"  # heads.tsv's kind for قمة: what a meeting of heads of state is
SCOPED_EVENT = re.compile(r"^event:([^:]+):(.+):([^:]+)$")  # event:KIND:WHO:NUMBER-OR-YEAR
LATIN_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def ordinal_en(n: int) -> str:
    """An English ordinal.

    >>> ordinal_en(2), ordinal_en(11), ordinal_en(19)
    ('2nd', '11th', '19th')
    """
    return LATIN_ORDINALS.get(n if n < 20 else n % 10, f"{n}th") if n not in (11, 12, 13) else f"{n}th"


class EventRules:
    """Event rules; see the module docstring. A mixin of ``silkgraph.extract.patterns.PatternMatcher``, using its
    token tests and pieces (``ent_at``, ``entity_list``, ``modifiers``, ``head_label`` ...):

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> [(e.text, e.kb_id_) for e in nlp("عقد الاجتماع الثالث لمنظمة شنغهاي للتعاون في الشهر الماضي").ents]
    [('الاجتماع الثالث لمنظمة شنغهاي للتعاون', 'event:meeting:org:sco:3')]
    """

    def ordinal(self, doc: Doc, i: int) -> tuple[int, int]:
        if i < len(doc):
            if doc[i].norm_ in self.lex.ordinals:
                n, end = self.lex.ordinals[doc[i].norm_], i + 1
                if n < 10 and end < len(doc) and self.lex.ordinals.get(doc[end].norm_) == 10:
                    n, end = n + 10, end + 1  # الرابع عشر
                elif n < 10 and end < len(doc) and opens_with(doc[end].text, "coordinator"):
                    tens = self.lex.ordinals.get(word_key(doc[end].text[1:]), 0)
                    if tens >= 20 and tens % 10 == 0:
                        n, end = n + tens, end + 1  # الثاني والعشرون
                return n, end
            letters = normalize_letters(doc[i].text)
            m = ORDINAL_NUMBER.match(letters)
            if m and opens_with(letters, "article"):
                # ال(22): the bracket the number opened closes in the next token
                closes = "(" in letters and i + 1 < len(doc) and doc[i + 1].text == ")"
                return int(m.group(1)), i + 2 if closes else i + 1
            if letters in ("ال", "الـ") and i + 1 < len(doc) and NUMBER.match(doc[i + 1].text):
                return int(doc[i + 1].text), i + 2  # الـ 24, written apart
        return 0, i

    def edition_before(self, doc: Doc, start: int) -> int:
        """النسخة الثانية من قمة … : the ordinal stated before the head."""
        if start >= 3 and doc[start - 1].norm_ == "من" and doc[start - 3].norm_ in self.lex.words("edition"):
            return self.lex.ordinals.get(doc[start - 2].norm_, 0)
        return 0

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
                and opens_with(doc[j].text, "article") and not self.is_stop(doc[j]) \
                and doc[j].norm_ not in self.lex.nisba and not self.participant(doc[j]) \
                and doc[j].norm_ not in self.org_stops and self.match_head(doc, j) is None:
            # (حضر القمة الرئيسُ …: the subject, no adjective; تبنى الاجتماع الإعلان الختامي: its object)
            j, adjectives = j + 1, adjectives + 1  # الدوري، السنوي، الدولي
            ordinal, j = self.ordinal(doc, j)
        comp_start = j
        if not ordinal and not adjectives:
            by_sides = self.nisba_meeting(doc, start, head, j)  # المنتدى الصيني الأوزبكي للاستثمار
            if by_sides is not None:
                return by_sides
        if ordinal and j < len(doc) and self.quoted_end(doc, j) > j:
            return self.quoted_meeting(doc, start, head, j, ordinal)  # القمة الثانية «الصين - آسيا الوسطى»
        if j < len(doc) and doc[j].norm_ in self.between:
            j += 1
        if j >= len(doc):
            return None
        first = normalize_letters(doc[j].text)
        opens = doc[j].norm_ in self.between or opens_with(first, "lam") or (j > comp_start)
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
                if k < len(doc) and not self.is_purpose(doc[k]) and not opens_with(doc[k].text, "coordinator"):
                    break  # after who meets, only a purpose or a coordinated party (ودول آسيا الوسطى)
                continue
            quoted = self.quoted_end(doc, k) if k > j and seen_part else k
            named = [e for e in doc.ents if k < e.start and e.end <= quoted and e.kb_id_]
            if named:  # الاجتماع الـ18 لرؤساء حكومات "شنغهاي": whose, by a name in quotes
                ent_ids += [e.kb_id_ for e in named]
                inner += named
                k = last = quoted
                break
            _, after_mod = self.modifiers(doc, k)
            if after_mod > k and k > j:  # للنقل متعدد الوسائط
                k = last = after_mod
                continue
            if token.norm_ in self.lex.nisba and opens_with(letters, "article"):
                ent_ids.append(self.lex.nisba[token.norm_])  # منتدى الأعمال الصيني-الكازاخي: the parties
                k = last = self.nisba_run_end(doc, k + 1)
                continue
            if k == j and word_key(token.text) in self.lex.words("about") and k + 1 < len(doc) \
                    and (ordinal or adjectives or not self.is_definite(doc[start])) and self.is_definite(doc[k + 1]):
                k += 1  # مؤتمر دولي حول الأمن الغذائي: what the meeting is about
            elif self.participant(token):
                seen_part = True
                k = last = k + 1
            elif token.norm_ == "في" and k > j and word_key(doc[k - 1].text) in ("اعضاء", "الاعضاء"):
                k += 1  # الدول الأعضاء في منظمة …
            elif ((opens_with(letters, "article") or opens_with(letters, "lam_article") or opens_with(letters, "coordinator", "article")) or self.is_purpose(token)) \
                    and (k > j or opens_with(first, "lam")) and not self.is_stop(token) and token.norm_ not in self.org_stops:
                k = last = k + 1  # لمنتدى الاقتصاد العالمي، للنقل متعدد الوسائط
            elif k > j and seen_part and not self.is_stop(token) and not self.lex.is_common(token.text) \
                    and not opens_with(letters, "coordinator") and not self.has_pronoun(token) and not token.like_num:
                k = last = k + 1
            elif opens_with(letters, "coordinator") and k > j and k + 1 < len(doc) and (
                    doc[k + 1].ent_iob_ == "B" or self.participant(doc[k + 1])):
                k += 1
            elif k > j and opens_with(letters, "coordinator") and self.participant(token):
                k = last = k + 1
            else:
                break
        if not ent_ids and not seen_part and not (adjectives and last > j):
            return None
        if not ent_ids and not ordinal and not adjectives and last - j <= 1:
            return None  # اجتماع وزراء، اجتماعا لوزراء: who meets, but not whose
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

    def quoted_meeting(self, doc: Doc, start: int, head: Head, j: int, ordinal: int) -> Built | None:
        """A summit by its number, then its name in quotes (القمة الثانية «الصين - آسيا الوسطى»,
        المنتدى الثالث "الحزام والطريق"): the event the name in quotes names with the number after it
        (قمة «الصين - آسيا الوسطى» الثانية), when the quotes hold a party."""
        end = self.quoted_end(doc, j)
        inner = [e for e in doc.ents if j <= e.start and e.end <= end and e.kb_id_]
        if not inner:
            return None
        names_en = [self.label_en(doc, e) for e in inner]
        label_en = f"{ordinal_en(ordinal)} {'–'.join(names_en)} {head.kind_en}" if all(names_en) else ""
        entity = Entity(id=f"event:{slug(head.kind_en)}:{'-'.join(e.kb_id_ for e in inner)}:{ordinal}",
                        type=ROLE.event, label_ar=self.head_label(doc, start, end, head),
                        label_en=label_en[:1].upper() + label_en[1:])
        return Built(start, end, entity, inner=inner)

    def nisba_meeting(self, doc: Doc, start: int, head: Head, j: int) -> Built | None:
        """A summit, forum or expo named by the nisbas of two or more sides right after its head
        (القمة الصينية الكازاخستانية، المنتدى الصيني-الأوزبكي للاستثمار، القمة الصينية العربية الأولى),
        with a number and what it is for after them; else None."""
        sides: list[str] = []
        k = j
        while k < len(doc):
            side = self.lex.nisba.get(doc[k].norm_) or self.region_adjectives.get(word_key(doc[k].text))
            if side is None or not opens_with(doc[k].text, "article"):
                break
            sides.append(side)
            k += 2 if k + 2 < len(doc) and doc[k + 1].text in ("-", "–", "—") else 1
        if k > j and doc[k - 1].text in ("-", "–", "—"):
            k -= 1
        if len(set(sides)) < 2:
            return None
        ordinal, end = self.ordinal(doc, k)
        purpose = 0
        while end < len(doc) and purpose < 3 and (self.is_purpose(doc[end]) or (
                purpose and opens_with(normalize_letters(doc[end].text), "coordinator", "article"))):
            end, purpose = end + 1, purpose + 1  # للاستثمار، للتجارة والاقتصاد
        year = ""
        if end < len(doc) and YEAR.match(doc[end].text):
            year, end = doc[end].text, end + 1
        ids = list(dict.fromkeys(sides))
        names_en = [self.lex.entries[i].entity.label_en if i in self.lex.entries else "" for i in ids]
        number = ordinal_en(ordinal) + " " if ordinal else ""
        label_en = f"{number}{'–'.join(names_en)} {head.kind_en}" if all(names_en) else ""
        scope = str(ordinal) if ordinal else (year or YEAR_SCOPE)
        entity = Entity(id=f"event:{slug(head.kind_en)}:{'-'.join(sorted(ids))}:{scope}", type=ROLE.event,
                        label_ar=self.head_label(doc, start, end, head), label_en=label_en[:1].upper() + label_en[1:])
        return Built(start, end, entity)

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

    def resolve_anaphors(self, doc: Doc, anaphors: list[tuple[int, int, Head]]) -> None:
        """القمة refers to the last event of the same kind named before it."""
        events = sorted((e for e in doc.ents if e.label_ == ROLE.event), key=lambda e: e.start)
        for start, end, head in anaphors:
            if doc[start].ent_iob_ == "B" or doc[start].ent_iob_ == "I":
                continue
            earlier = [e for e in events if e.end <= start and self.kind_en(doc, e) == head.kind_en]
            if earlier:
                target = earlier[-1]
                number, number_end = self.ordinal(doc, end)
                series = SCOPED_EVENT.match(target.kb_id_)
                if not number and series and series.group(3).isdigit() and int(series.group(3)) < 1000 and end < len(doc):
                    step = 1 if doc[end].norm_ in self.lex.words("next_edition") else \
                        -1 if doc[end].norm_ in self.lex.words("last_edition") else 0
                    number, number_end = (int(series.group(3)) + step, end + 1) if step else (0, end)  # القمة المقبلة
                if number and series and series.group(3).isdigit() and int(series.group(3)) != number:
                    self.series_member(doc, start, number_end, target, number)  # القمة الأولى after the second
                    continue
                add_ref(doc, start, end, ROLE.event, target.kb_id_, "anaphor")

    def series_member(self, doc: Doc, start: int, end: int, named: Span, number: int) -> None:
        """القمة الأولى in an article that named the second summit of a series: that series' first,
        an event of its own (not the one named), as ``doc.ents``' span from the head to its number."""
        kind, who, _ = SCOPED_EVENT.match(named.kb_id_).groups()
        entity = doc._.silk_entities.get(named.kb_id_)
        label_en = entity.label_en.split(" ", 1)[1] if entity is not None and entity.label_en[:1].isdigit() else ""
        made = Entity(id=f"event:{kind}:{who}:{number}", type=ROLE.event, label_ar=doc[start:end].text,
                      label_en=f"{ordinal_en(number)} {label_en}" if label_en else "")
        doc._.silk_entities.setdefault(made.id, made)
        doc.ents = filter_spans([*doc.ents, make_span(doc, start, end, ROLE.event, made.id, "pattern")])

    def one_summit(self, doc: Doc, built_all: list[Built]) -> list[Built]:
        """A numbered meeting of a body's heads of state (الاجتماع الـ24 لمجلس رؤساء دول منظمة …) is
        that body's summit of the number, so it gets the id of القمة الـ24 لمنظمة …; an unnumbered
        summit of the same body in the article (قمة منظمة …) is that summit when it is the only one."""
        numbered: dict[str, list[Entity]] = {}
        for b in built_all:
            m = SCOPED_EVENT.match(b.entity.id)
            if b.entity.type != ROLE.event or m is None or not m.group(3).isdigit() or int(m.group(3)) >= 1000:
                continue  # no number, or a year
            if m.group(1) != SUMMIT_KIND and self.heads_of_state(doc, b.start, b.end):
                entity = b.entity
                label_en = entity.label_en.rsplit(" ", 1)[0] + " " + SUMMIT_KIND if entity.label_en else ""
                b.entity = Entity(id=f"event:{SUMMIT_KIND}:{m.group(2)}:{m.group(3)}", type=entity.type,
                                  label_ar=entity.label_ar, label_en=label_en, wikidata=entity.wikidata)
            if b.entity.id.startswith(f"event:{SUMMIT_KIND}:"):
                numbered.setdefault(m.group(2), []).append(b.entity)
        for b in built_all:
            m = SCOPED_EVENT.match(b.entity.id)
            if m is None or m.group(1) != SUMMIT_KIND or m.group(3).isdigit() and int(m.group(3)) < 1000:
                continue
            same = {e.id: e for e in numbered.get(m.group(2), [])}
            if len(same) == 1:
                b.entity = next(iter(same.values()))
        return built_all

    def heads_of_state(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the span says who meets are heads of state (رؤساء دول، قادة الدول)."""
        words = self.lex.words("summit_council")
        return any(f"{word_key(c)} {word_key(doc[k + 1].text)}" in words
                   for k in range(start, end - 1) for c in clitic_candidates(normalize_letters(doc[k].text)))

    def kind_en(self, doc: Doc, ent: Span) -> str:
        eid = ent.kb_id_
        return next((h.kind_en for h in self.lex.heads if eid.startswith(f"event:{slug(h.kind_en)}:")), "")
