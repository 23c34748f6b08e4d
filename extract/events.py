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
from silkgraph.extract.doc_state import DOC_SCOPE, YEAR_SCOPE, add_ref, doc_words, make_span
from silkgraph.extract.lexicon import roles, Head
from silkgraph.extract.verbs import load_verb_shapes
from silkgraph.normalize import clitic_candidates, identity_key, normalize_letters, opens_with, relational_ending, word_key
from silkgraph.records import Entity

ROLE = roles()

ORDINAL_NUMBER = re.compile(r"^(?:ال)?ـ?\(?([0-9٠-٩]+)\)?$")
SUMMIT_KIND = "summit"  # heads.tsv's kind for قمة: what a meeting of heads of state is
EDITION_KIND = "session"  # heads_summits.tsv's kind for الدورة: an edition of a series (الدورة الثانية لمعرض …)
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

    def anniversary(self, doc: Doc, start: int, head: Head, ordinal: int, j: int) -> Built | None:
        """The celebrations of a numbered anniversary (احتفالات الذكرى الـ80 للنصر، الاحتفال بالذكرى الـ30
        لإقامة العلاقات الدبلوماسية، … لتأسيس منظمة شنغهاي للتعاون), ``j`` after its number: the event
        runs through what the anniversary marks, ل with a definite noun or with a verbal noun and what
        completes it (a name or definite words); with nothing marked, no event."""
        if j >= len(doc) or self.is_purpose(doc[start]):
            return None  # (منتدى … للاحتفال بالذكرى العشرين: what another gathering is for)
        end = j
        if self.is_purpose(doc[j]):
            end = self.complement(doc, j + 1) if j + 1 < len(doc) and self.is_definite(doc[j + 1]) else j + 1
        elif self.bare_masdar(doc[j], "lam") and j + 1 < len(doc):
            named = self.ent_at(doc, j + 1, self.topic_types)
            end = named.end if named is not None else (
                self.complement(doc, j + 1) if self.is_definite(doc[j + 1]) else j)
        if end <= j:
            return None
        inner = [e for e in doc.ents if j <= e.start and e.end <= end]
        eid = f"event:{slug(head.kind_en)}:{identity_key(doc[j:end].text)}:{ordinal}"
        return Built(start, end, Entity(id=eid, type=ROLE.event, label_ar=self.head_label(doc, start, end, head)), inner=inner)

    def build_meeting(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """A summit or meeting described by its number and who meets: الاجتماع الـ15 لمجلس رؤساء دول
        منظمة …، القمة الخامسة لمؤتمر …، قمة قادة منظمة …، اجتماع رؤساء وزراء الدول الأعضاء في منظمة …
        الرابع عشر، الاجتماع الدوري الثاني بين رئيسي حكومة البلدين، المنتدى الدولي للنقل …

        With the article the head needs a number or a complement with ل/بين (القمة alone refers back)."""
        described = self.described_quoted(doc, start, head, head_end)
        if described is not None:
            return described  # منتدى الأعمال "الصين – آسيا الوسطى"، المنتدى الثالث لمراكز الفكر "…"
        j = head_end
        ordinal, j = self.ordinal(doc, j)
        if head.needs == "numbered" and not ordinal:
            return None  # الجلسة العامة للمؤتمر: a sitting of the event, no event of its own
        if ordinal and head.kind_en == EDITION_KIND:
            edition = self.edition_of_named(doc, start, head, j, ordinal)
            if edition is not None:
                return edition  # الدورة الثانية لمعرض الصين-أوراسيا: that expo's second
        adjectives = 0
        while not ordinal and adjectives < 2 and j < len(doc) and doc[j].ent_iob_ != "B" \
                and opens_with(doc[j].text, "article") and not self.is_stop(doc[j]) \
                and doc[j].norm_ not in self.lex.nisba and not self.participant(doc[j]) \
                and doc[j].norm_ not in self.org_stops and self.match_head(doc, j) is None \
                and word_key(doc[j].text) not in self.lex.words("hall_adjective"):
            # (حضر القمة الرئيسُ …: the subject, no adjective; تبنى الاجتماع الإعلان الختامي: its object)
            j, adjectives = j + 1, adjectives + 1  # الدوري، السنوي، الدولي
            ordinal, j = self.ordinal(doc, j)
        if not ordinal and not adjectives and not self.is_definite(doc[start]) and j + 1 < len(doc) \
                and word_key(doc[j].text) in self.lex.words("gathering_scope") \
                and word_key(doc[j + 1].text) in self.lex.words("about") | self.lex.words("occasion_of"):
            j, adjectives = j + 1, 1  # ندوة دولية حول …، مؤتمر دولي بمناسبة …: a gathering by its scope and topic
        if ordinal and word_key(doc[head_end - 1].text) in self.lex.words("anniversary"):
            return self.anniversary(doc, start, head, ordinal, j)  # احتفالات الذكرى الـ80 للنصر
        comp_start = j
        if not ordinal and not adjectives:
            by_sides = self.nisba_meeting(doc, start, head, j)  # المنتدى الصيني الأوزبكي للاستثمار
            if by_sides is not None:
                return by_sides
        if ordinal and j < len(doc) and self.quoted_end(doc, j) > j:
            return self.quoted_meeting(doc, start, head, j, ordinal)  # القمة الثانية «الصين - آسيا الوسطى»
        if j < len(doc) and doc[j].norm_ in self.between and doc[j].ent_iob_ != "B":
            j += 1  # (قمة [رابطة] الدول المستقلة: a name that begins with a word of joining is whose summit)
        if j >= len(doc):
            return None
        first = normalize_letters(doc[j].text)
        opens = (doc[j].norm_ in self.between and doc[j].ent_iob_ != "B") or opens_with(first, "lam") or (j > comp_start)
        if self.is_definite(doc[start]) and not (ordinal or opens or adjectives):
            return None
        if not (ordinal or adjectives or opens or self.participant(doc[j])):
            return None  # قمة الصين-آسيا الوسطى: a name right after the head (build_named)
        ent_ids: list[str] = []
        inner: list[Span] = []
        seen_part = False
        fields = 0  # the field of the ministers who meet (وزراء دفاع): no whose
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
            if k > j and token.norm_ in self.between:
                parties, parties_end = self.entity_list(doc, k + 1, self.org_part_types)
                if len(parties) >= 2:  # للجنة الحكومية الدولية للتعاون بين أوزبكستان والصين: the sides
                    ent_ids += [p.kb_id_ for p in parties]
                    inner += parties
                    k = last = parties_end
                break
            if k > j and word_key(token.text) in self.lex.words("about") and k + 1 < len(doc):
                subject = self.ent_at(doc, k + 1, self.org_part_types)
                if subject is not None:  # المؤتمر الإقليمي السابع للتعاون الاقتصادي بشأن أفغانستان
                    inner.append(subject)
                    k = last = subject.end
                break
            _, after_mod = self.modifiers(doc, k)
            if after_mod > k and k > j:  # للنقل متعدد الوسائط
                k = last = after_mod
                continue
            if token.norm_ in self.lex.nisba and opens_with(letters, "article"):
                ent_ids.append(self.lex.nisba[token.norm_])  # منتدى الأعمال الصيني-الكازاخي: the parties
                k = last = self.nisba_run_end(doc, k + 1)
                continue
            topic_word = k == j and k + 1 < len(doc) and (ordinal or adjectives or not self.is_definite(doc[start]))
            if topic_word and word_key(token.text) in self.lex.words("occasion_of"):
                occasion_end = self.occasion_end(doc, k)  # المؤتمر الدولي بمناسبة الذكرى الـ300 لميلاد …
                if occasion_end > k:
                    k = last = occasion_end
                    person = self.ent_at(doc, k, self.person_types)
                    if person is not None:  # … لميلاد الشاعر مختوم قلي فراغي: whose
                        inner.append(person)
                        k = last = person.end
                break
            if topic_word and word_key(token.text) in self.lex.words("about") \
                    and (subject := self.ent_at(doc, k + 1, self.topic_types)) is not None:
                inner.append(subject)  # ندوة دولية حول مبادرة الحزام والطريق: what it is about, by its name
                k = last = subject.end
                break
            if k == j and word_key(token.text) in self.lex.words("about") and k + 1 < len(doc) \
                    and (ordinal or adjectives or not self.is_definite(doc[start])) and self.is_definite(doc[k + 1]):
                k += 1  # مؤتمر دولي حول الأمن الغذائي: what the meeting is about
            elif self.participant(token):
                seen_part = True
                k = last = k + 1
            elif k > j and word_key(doc[k - 1].text) in self.lex.words("minister_plural") and not self.is_stop(token) \
                    and word_key(token.text) == token.norm_ and not opens_with(normalize_letters(token.text), "article") \
                    and not token.like_num and token.ent_iob_ == "O":
                k = last = k + 1  # اجتماع وزراء دفاع الدول الأعضاء: the ministers' field
                fields += 1
            elif token.norm_ == "في" and k > j and word_key(doc[k - 1].text) in ("اعضاء", "الاعضاء"):
                k += 1  # الدول الأعضاء في منظمة …
            elif ((opens_with(letters, "article") or opens_with(letters, "lam_article") or opens_with(letters, "coordinator", "article")) or self.is_purpose(token)) \
                    and (k > j or opens_with(first, "lam")) and not self.is_stop(token) and token.norm_ not in self.org_stops:
                k = last = k + 1  # لمنتدى الاقتصاد العالمي، للنقل متعدد الوسائط
            elif k > j and seen_part and not self.is_stop(token) and not self.lex.is_common(token.text) \
                    and not opens_with(letters, "coordinator") and not self.has_pronoun(token) and not token.like_num \
                    and not load_verb_shapes().is_verb(token.text):  # قمة المنظمة المقبلة [ستعقد] في …: the verb
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
        if not ent_ids and not ordinal and not adjectives and last - j - fields <= 1:
            return None  # اجتماع وزراء، اجتماعا لوزراء: who meets, but not whose
        end = last
        if not ordinal:
            ordinal, end = self.ordinal(doc, end)  # … منظمة شانغهاي للتعاون الرابع عشر
        year = ""
        if end < len(doc) and YEAR.match(doc[end].text):
            year, end = doc[end].text, end + 1  # قمة … 2025
        elif end + 1 < len(doc) and word_key(doc[end].text) in self.lex.words("event_year") and YEAR.match(doc[end + 1].text):
            year, end = doc[end + 1].text, end + 2  # المؤتمر السنوي لمنتدى … لعام 2023
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

    def edition_of_named(self, doc: Doc, start: int, head: Head, j: int, ordinal: int) -> Built | None:
        """الدورة الثانية لمعرض الصين-أوراسيا، الدورة الخامسة لمنتدى طشقند الدولي للاستثمار: the edition
        of the number of the event named after ل, an event of that series (its kind and who, the
        number as its scope: the same as معرض الصين-أوراسيا الثاني); the series as named is its form."""
        if j >= len(doc) or not opens_with(normalize_letters(doc[j].text), "lam"):
            return None
        inner: Built | None = None
        known = self.ent_at(doc, j, (ROLE.event,))
        if known is None:
            found = self.match_head(doc, j)
            if found is None or found[0].type != ROLE.event or found[0].needs != "name":
                return None
            inner = self.build_named(doc, j, found[0], found[1])
            if inner is None:
                return None
            series = SCOPED_EVENT.match(inner.entity.id)
            end, inner_entity = inner.end, inner.entity
        else:
            series, end = SCOPED_EVENT.match(known.kb_id_), known.end
            inner_entity = self.lex.entries[known.kb_id_].entity if known.kb_id_ in self.lex.entries else None
        if series is None:
            return None
        kind, who, _ = series.groups()
        label_en = inner_entity.label_en if inner_entity is not None else ""
        label_en = f"{ordinal_en(ordinal)} {label_en}" if label_en and not label_en[:1].isdigit() else ""
        entity = Entity(id=f"event:{kind}:{who}:{ordinal}", type=ROLE.event,
                        label_ar=self.head_label(doc, start, end, head), label_en=label_en)
        if inner is None:
            return Built(start, end, entity, inner=[known])
        # the series as named is a form of the edition (the annotators' الدورة السابعة لمعرض الصين الدولي
        # للاستيراد | معرض الصين الدولي للاستيراد), not an event of its own; what it names stays
        return Built(start, end, entity, inner=list(inner.inner), aliases=[inner.entity.label_ar, *inner.aliases])

    def described_quoted(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """An event whose head a noun or two qualify before its name in quotes: منتدى الأعمال "الصين –
        آسيا الوسطى"، منتدى مراكز الفكر "…" الثالث، المنتدى الثالث لمراكز الفكر "…". Its id is the
        kind, the qualifying words and the parties in the quotes, with its number (else its year),
        so both word orders are one event and a business forum is not the summit of the same sides."""
        ordinal, k = self.ordinal(doc, head_end)
        words: list[str] = []
        while k < len(doc) and len(words) < 2 and doc[k].ent_iob_ == "O" and not self.is_stop(doc[k]) \
                and not self.participant(doc[k]) and doc[k].norm_ not in self.lex.ordinals \
                and self.match_head(doc, k) is None and self.quoted_end(doc, k) == k:
            letters = normalize_letters(doc[k].text)
            if not words and ordinal:
                if not opens_with(letters, "lam"):
                    return None
                letters = letters[1:] if not letters.startswith("لل") else "ا" + letters[1:]
            elif not words and opens_with(letters, "lam"):
                return None  # منتدى لرجال الأعمال: what for, not whose
            words.append(word_key(letters))
            k += 1
        if not words or k >= len(doc):
            return None
        if not ordinal and doc[k].norm_ in self.lex.nisba and not self.is_definite(doc[head_end]):
            by_sides = self.nisba_meeting(doc, start, head, k)  # منتدى رجال الأعمال الصيني الكازاخستاني
            if by_sides is None:
                return None
            kind, sides, scope = SCOPED_EVENT.match(by_sides.entity.id).groups()
            e = by_sides.entity
            by_sides.entity = Entity(id=f"event:{kind}:{'-'.join(words)}:{sides}:{scope}", type=e.type,
                                     label_ar=self.head_label(doc, start, by_sides.end, head), label_en="")
            return by_sides
        end = self.quoted_end(doc, k)
        inner = [e for e in doc.ents if k < e.start and e.end <= end and e.kb_id_]
        if end == k or not inner:
            return None
        if not ordinal:
            ordinal, end = self.ordinal(doc, end)  # منتدى مراكز الفكر "…" الثالث
        year = ""
        if not ordinal and end < len(doc) and YEAR.match(doc[end].text):
            year, end = doc[end].text, end + 1
        ids = "-".join(dict.fromkeys(e.kb_id_ for e in inner))
        scope = str(ordinal) if ordinal else (year or YEAR_SCOPE)
        entity = Entity(id=f"event:{slug(head.kind_en)}:{'-'.join(words)}:{ids}:{scope}", type=ROLE.event,
                        label_ar=self.head_label(doc, start, end, head))
        return Built(start, end, entity, inner=inner)

    def event_purpose_end(self, doc: Doc, i: int) -> int:
        """Past a word coordinated with an event's purpose (منتدى … للتعاون الاقتصادي والتجاري، معرض
        أورومتشي للتجارة والاقتصاد): a definite adjective in ي, or a definite noun that ends the
        phrase (a quote, a comma, the sentence's end or a relative pronoun follows), not a title, a head or a name."""
        while i + 1 < len(doc) and opens_with(normalize_letters(doc[i].text), "coordinator", "article") \
                and doc[i].ent_iob_ == "O" and not self.is_stop(doc[i]) and self.match_head(doc, i) is None \
                and word_key(doc[i].text[1:]) not in self.org_stops and doc[i].norm_ not in self.org_stops:
            adjective = relational_ending(word_key(doc[i].text)) and doc[i].norm_ not in self.lex.nisba
            if not adjective and not (doc[i + 1].is_punct or doc[i + 1].is_sent_start
                                      or word_key(doc[i + 1].text) in self.lex.words("relative")):
                break
            i += 1
        return i

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
        quoted = self.quoted_end(doc, end)
        name = doc[end:quoted].text.strip("()«»“”\"„ ") if quoted > end else ""
        if name and not [e for e in doc.ents if end <= e.start and e.end <= quoted]:
            # التدريبات المشتركة "مهمة السلام": the exercise of that name, called by it alone too
            # the id of the same name after مناورات alone (build_named): the kind without "joint", the quotes kept
            kind = slug(head.kind_en.removeprefix("joint "))
            entity = Entity(id=f"event:{kind}:{identity_key(doc[end:quoted].text)}:{YEAR_SCOPE}", type=head.type,
                            label_ar=self.base_form(doc, start, quoted, head), label_en="")
            return Built(start, quoted, entity, aliases=[name])
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
            edition = head.kind_en == EDITION_KIND  # الدورة الرابعة: the fourth of the series named before
            earlier = [e for e in events if e.end <= start and (edition or self.kind_en(doc, e) == head.kind_en)]
            if earlier:
                target = earlier[-1]
                number, number_end = self.ordinal(doc, end)
                if edition and (not number or number_end < len(doc) and doc[number_end].norm_ == "من"):
                    continue  # الدورة alone, or الدورة الثانية من قمة … (edition_before): no edition of the last event
                series = SCOPED_EVENT.match(target.kb_id_)
                after = end
                while not number and after < end + 2 and after < len(doc) and self.is_definite(doc[after]) \
                        and word_key(doc[after].text).endswith("ي"):
                    after += 1  # المؤتمر السنوي المقبل
                step = 0
                if not number and after < len(doc):
                    step = 1 if doc[after].norm_ in self.lex.words("next_edition") else \
                        -1 if doc[after].norm_ in self.lex.words("last_edition") else 0
                if step and series and not (series.group(3).isdigit() and int(series.group(3)) < 1000):
                    year = self.stated_year(doc, after + 1)  # القمة المقبلة … عام 2023: that year's
                    if year:
                        self.series_member(doc, start, after + 1, target, year)
                    continue
                if not number and series and series.group(3).isdigit() and int(series.group(3)) < 1000 and step:
                    number, number_end = int(series.group(3)) + step, after + 1  # القمة المقبلة
                if number and series and series.group(3).isdigit() and int(series.group(3)) != number:
                    self.series_member(doc, start, number_end, target, number)  # القمة الأولى after the second
                    continue
                add_ref(doc, start, end, ROLE.event, target.kb_id_, "anaphor")

    def possessive_events(self, doc: Doc) -> None:
        """A gathering by its head with a pronoun, then its number or a word of its regularity
        (عقد مجلس … اجتماعه الـ38، اجتماعه الدوري، وكانت دورته الأولى): the meeting of that number
        of the body the sentence names first (else of the article); of an event, the edition of
        that number of its series. Words in ``data/lexicon/boundaries_summits.tsv``."""
        words = self.lex.words("possessive_event")
        spots = [i for i, w in enumerate(doc_words(doc)) if word_key(w) in words and doc[i].ent_iob_ == "O"]
        if not spots:
            return
        refs = [*doc.ents, *doc.spans["refs"]]
        made_numbered: dict[tuple[str, int], str] = {}
        for i in spots:
            number, end = self.ordinal(doc, i + 1)
            regular = 0
            while not number and end < len(doc) and regular < 2 and word_key(doc[end].text) in self.lex.words("regular_event"):
                end, regular = end + 1, regular + 1
                number, end = self.ordinal(doc, end)  # اجتماعه الدوري الخامس
            if not (number or regular):
                continue  # خلال اجتماعه مع نظيره: a talk, no event
            sent = doc[i].sent
            owners = sorted((e for e in refs if sent.start <= e.start and e.end <= i
                             and e.label_ in (ROLE.organization, ROLE.event)), key=lambda e: e.start)
            if not owners:  # وناقش المجلس في اجتماعه الخامس والعشرين: the body or event named last
                owners = sorted((e for e in refs if e.end <= i and e.label_ in (ROLE.organization, ROLE.event)),
                                key=lambda e: -e.start)
            owner = owners[0] if owners else None
            if owner is not None and owner.label_ == ROLE.organization and any(
                    word_key(t.text) in self.lex.words("business_owner") for t in owner):
                continue  # مجلس الأعمال … عقد اجتماعه السنوي: a business body's meeting, no gathering of states
            stem = normalize_letters(doc[i].text)[:-2 if normalize_letters(doc[i].text).endswith("ها") else -1]
            stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
            head = next((h for h in self.heads_by_first.get(word_key(stem), []) if len(h.words) == 1), None)
            kind = slug(head.kind_en) if head is not None and head.type == ROLE.event else "meeting"
            scope = str(number) if number else YEAR_SCOPE
            series = SCOPED_EVENT.match(owner.kb_id_) if owner is not None and owner.label_ == ROLE.event else None
            if series is not None:
                if not number:
                    continue  # دورته السنوية: the event itself
                eid = f"event:{series.group(1)}:{series.group(2)}:{number}"
            elif owner is not None:
                eid = f"event:{kind}:{owner.kb_id_}:{scope}"
            else:
                eid = f"event:{kind}:{DOC_SCOPE}:{scope}"
            if number:  # the meeting of that number made before in the article (اجتماعه الـ38 … اجتماعه الثامن والثلاثين)
                eid = made_numbered.setdefault((kind, number), eid)
            made = Entity(id=eid, type=ROLE.event, label_ar=doc[i:end].text, label_en="")
            doc._.silk_entities.setdefault(made.id, made)
            doc.ents = filter_spans([*doc.ents, make_span(doc, i, end, ROLE.event, made.id, "pattern")])

    def stated_year(self, doc: Doc, i: int) -> int:
        """The year written after token ``i`` in its sentence (في مارس 2024، عام 2023), else 0."""
        sent_end = doc[i - 1].sent.end if i > 0 else len(doc)
        for k in range(i, min(sent_end, i + 8)):
            if YEAR.match(doc[k].text):
                return int(doc[k].text)
            if doc[k].text in (".", "،", ",", "؛"):
                break
        return 0

    def series_member(self, doc: Doc, start: int, end: int, named: Span, number: int) -> None:
        """القمة الأولى in an article that named the second summit of a series: that series' first,
        an event of its own (not the one named), as ``doc.ents``' span from the head to its number."""
        kind, who, _ = SCOPED_EVENT.match(named.kb_id_).groups()
        whose = self.ent_at(doc, end)
        if whose is not None and whose.kb_id_ and whose.kb_id_ in who and opens_with(normalize_letters(doc[end].text), "lam"):
            end = whose.end  # المنتدى الأول للحزام والطريق: the series named again after its number
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
        self.summit_places(doc, built_all)
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

    def summit_places(self, doc: Doc, built_all: list[Built]) -> None:
        """An unnumbered summit with its city right after it (قمة منظمة شنغهاي للتعاون في تيانجين): a
        form with the place too, and the year its sentence states (one year only), so two summits
        of one body an article tells apart by place and year are two events."""
        for b in built_all:
            m = SCOPED_EVENT.match(b.entity.id)
            if m is None or m.group(1) != SUMMIT_KIND or m.group(3) != YEAR_SCOPE or b.end + 1 >= len(doc) \
                    or word_key(doc[b.end].text) != "في":
                continue
            city = self.ent_at(doc, b.end + 1, (ROLE.city,))
            if city is None:
                continue
            b.aliases.append(self.head_label(doc, b.start, city.end, self.match_head(doc, b.start)[0])
                             if self.match_head(doc, b.start) else doc[b.start:city.end].text)
            sent = doc[b.start].sent
            years = {t.text for t in sent if YEAR.match(t.text)}
            if len(years) == 1:
                e = b.entity
                b.entity = Entity(id=f"event:{m.group(1)}:{m.group(2)}:{years.pop()}", type=e.type,
                                  label_ar=e.label_ar, label_en=e.label_en, wikidata=e.wikidata)

    def heads_of_state(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the span says who meets are heads of state (رؤساء دول، قادة الدول)."""
        words = self.lex.words("summit_council")
        return any(f"{word_key(c)} {word_key(doc[k + 1].text)}" in words
                   for k in range(start, end - 1) for c in clitic_candidates(normalize_letters(doc[k].text)))

    def kind_en(self, doc: Doc, ent: Span) -> str:
        eid = ent.kb_id_
        return next((h.kind_en for h in self.lex.heads if eid.startswith(f"event:{slug(h.kind_en)}:")), "")
