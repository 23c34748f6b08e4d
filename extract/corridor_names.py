"""Corridors as news names and refers to them, for ``silk_patterns`` and ``silk_corridor_ends``
(issue 8, class 1):

- one corridor under its other names (الممر الأوسط، الممر المركزي، طريق النقل عبر الخزر: the Middle
  Corridor, ``data/lexicon/corridor_identities.tsv``), so it merges across articles;
- trains referred to again (وتنطلق القطارات من …) are the service named before, never a new one;
  a head alone after a comma (…، ويمر الخط عبر …) may be the corridor of that same sentence;
- بين البلدين after a corridor: the two countries the article is about;
- a corridor inside a body's name (مجموعة العمل الخاصة بمشروع السكك الحديدية بين الصين وقرغيزستان)
  is a corridor too, with its ends;
- the one place a corridor crosses names it (خط أنابيب الغاز العابر لأفغانستان); what else stands
  between a head and its ends, or around them: ``silkgraph.extract.corridor_phrases``;
- corridors beyond their phrase: coordinated heads sharing a pair (خطوط السكك الحديدية وخطوط
  أنابيب الغاز بين …), a line or a subjectless route after a head with no ends (خط السكة الحديد
  الجديد. ويمتد (الخط) من …), a work the route reaches (من محطة …، عبر ميناء …).
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.built import Built, slug
from silkgraph.extract.corridor_topics import sentence_starts
from silkgraph.extract.doc_state import FoundRelation, add_ref
from silkgraph.extract.lexicon import LEXICON_DIR, roles, Head, Lexicon
from silkgraph.extract.surface import COMMAS, clean_surface
from silkgraph.normalize import normalize_letters, opens_with, word_key
from silkgraph.records import Entity
from silkgraph.schema import schema
from silkgraph.tables import read_tsv

ROLE = roles()


class CorridorNames:
    """Names and references of corridors; see the module docstring. A mixin of ``PatternMatcher``:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> [e.kb_id_ for e in nlp("وأشاد الوزير بالممر المركزي.").ents if e.label_ == "Corridor"]
    ['corridor:corridor:middle']
    """

    def init_names(self, lex: Lexicon, lexicon_dir: str = "") -> None:
        lexd = Path(lexicon_dir or LEXICON_DIR)
        path = lexd / "corridor_identities.tsv"
        self.identities = {r["modifier"]: r for r in read_tsv(path)} if path.exists() else {}
        path = lexd / "corridor_kinds.tsv"
        self.reference_heads = lex.words("reference_head")  # القطارات alone: the trains named before
        self.list_openers = lex.words("list_opener")  # كل من، كلا من: a list follows, passed or joined
        self.dual_words = lex.words("dual_countries")  # بين البلدين: the two countries of the article
        self.route_subjects = lex.words("route_subject")  # وسيمتد المشروع من …: the corridor named last
        self.corridor_adverbs = lex.words("corridor_adverb")
        self.clause_leads = lex.words("route_clause_lead")  # …، على أن يمتد الخط …: clause_after_comma  # ويربط الطريق أيضا …
        self.laden_words = lex.words("corridor_laden")  # المحمل بالبضائع، المزمع إنشاؤه: two words out of the label
        self.work_ends = {ROLE.project} & set(schema().edge("links").objects)  # a station on a route (route_works)
        self.init_phrases(lex)
        self.trip_kinds = {r["kind_id"] for r in read_tsv(path) if r.get("trips") == "yes"} if path.exists() else set()

    def is_relative(self, token: Token) -> bool:
        """الذي، التي، والذي: a relative pronoun, also with its conjunction."""
        relatives = self.lex.words("relative")
        return token.norm_ in relatives or word_key(token.text) in relatives \
            or word_key(token.text.removeprefix("و")) in relatives

    def reference_only(self, doc: Doc, built: Built, head_start: int, head_end: int, core_end: int) -> None:
        """القطارات alone (وتنطلق القطارات من شيآن إلى موسكو): the trains named before when there
        are, never a new service of their own."""
        adverbs_only = all(word_key(t.text) in self.corridor_adverbs for t in doc[head_end:core_end])  # القطارات يوميا
        if adverbs_only and head_end == head_start + 1 and built.start == head_start and self.is_definite(doc[head_start]) \
                and word_key(doc[head_start].text) in self.reference_heads:
            built.head_end, built.topic_only = head_end, True

    def clause_after_comma(self, doc: Doc, start: int) -> bool:
        """A head alone that opens a clause after a comma, after its verb or a demonstrative
        (…، ويمر الخط عبر …؛ …، وتمر هذه الأنابيب …)."""
        k = start - 1
        while k >= 0 and start - k <= 2 and (self.is_route_verb(doc[k]) or self.is_demonstrative(doc[k])):
            k -= 1
        verb_at = k
        while k >= 0 and verb_at - k < 2 and k < start - 1 and word_key(doc[k].text) in self.clause_leads:
            k -= 1  # …، على أن يمتد الخط …
        return k < start - 1 and k >= 0 and doc[k].text in COMMAS

    def modifier_named(self, doc: Doc, start: int, head: Head, mods_end: int, english_mods: list[str]) -> Entity:
        """The corridor its modifiers name: the kind and the modifiers, or the one corridor
        ``corridor_identities.tsv`` lists for a modifier (الممر المركزي، طريق النقل عبر الخزر: the
        Middle Corridor)."""
        kind = " ".join(english_mods + [head.kind_en])
        slugs = sorted(set(map(slug, english_mods)))
        family = self.family(f"corridor:{slug(head.kind_en)}:")
        known = next((self.identities[s] for s in slugs if s in self.identities
                      and family in self.identities[s]["families"].split()), None)
        if known is not None:
            return Entity(id=known["corridor_id"], type=head.type, label_ar=self.base_form(doc, start, mods_end, head),
                          label_en=known["label_en"])
        return Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(slugs)}", type=head.type,
                      label_ar=self.base_form(doc, start, mods_end, head), label_en=kind[:1].upper() + kind[1:])

    def corridors_in_names(self, doc: Doc, built_all: list[Built]) -> None:
        """مجموعة العمل الخاصة بمشروع السكك الحديدية بين الصين وقرغيزستان: a body's name that ends in
        a corridor's head whose ends follow it; the corridor is written beside the body, as an
        entity inside it, with its links."""
        for b in built_all:
            if b.entity.type != ROLE.organization:
                continue
            for k in range(b.start + 1, b.end):
                found = self.match_head(doc, k)
                if found is None or found[0].type != ROLE.corridor or found[1] != b.end:
                    continue
                corridor = self.build_corridor(doc, k, *found)
                if corridor is None or corridor.end <= b.end or not any(r[0] == "links" for r in corridor.relations):
                    break
                self.write_inside(doc, corridor)
                break

    def without_apposed_countries(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """شيآن، الصين / أوش، قرغيزستان: a country after a comma right after a place in it says where
        that place is; it is no further stop of the route (the corridor links it through the place)."""
        return [e for n, e in enumerate(ents) if not (
            n and doc[e.start - 1].text in COMMAS and self.lex.country_of(ents[n - 1].kb_id_) == e.kb_id_)]

    def dual_countries(self, doc: Doc, k: int) -> tuple[list[Span], int]:
        """بين البلدين، بين الدولتين (k at the dual): the two countries named before it in the
        article, when exactly two are, and where the dual ends; else none."""
        if k >= len(doc) or word_key(doc[k].text) not in self.dual_words:
            return [], k
        first: dict[str, Span] = {}
        for ent in doc.ents:
            if ent.start >= k:
                break
            if ent.label_ == ROLE.country and ent.kb_id_:
                first.setdefault(ent.kb_id_, ent)
        return (list(first.values()), k + 1) if len(first) == 2 else ([], k)

    def coordinated_heads(self, doc: Doc, built_all: list[Built]) -> list[Built]:
        """خطوط السكك الحديدية وخطوط أنابيب الغاز بين الصين وكازاخستان: a corridor's head right
        before و and a corridor with its ends after a pair (بين …) shares those ends; it is written
        as a corridor of its own kind. The corridors, in order."""
        taken = {k for b in built_all for k in range(b.start, b.end)}
        more: list[Built] = []
        for b in built_all:
            if b.entity.type != ROLE.corridor or not opens_with(normalize_letters(doc[b.start].text), "coordinator"):
                continue
            ends = [e for e in b.inner if ("links", b.entity.id, e.kb_id_, 0.9) in b.relations]
            between = next((t for t in doc[b.start:b.end] if t.norm_ == "بين"), None)
            if len(ends) < 2 or between is None or any(not self.label_en(doc, e) for e in ends):
                continue
            for k in range(max(0, b.start - 5), b.start):
                found = self.match_head(doc, k)
                if found is None or found[0].type != ROLE.corridor or found[1] != b.start \
                        or any(n in taken for n in range(k, b.start)):
                    continue
                head, ids = found[0], sorted({e.kb_id_ for e in ends})
                names = [clean_surface(e)[0] for e in ends]
                label_ar = f"{self.base_form(doc, k, b.start, head)} بين {names[0]} " + " ".join(f"و{n}" for n in names[1:])
                entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(ids)}", type=head.type, label_ar=label_ar,
                                label_en="–".join(self.label_en(doc, e) for e in ends) + f" {head.kind_en}")
                more.append(Built(k, b.start, entity, relations=[("links", entity.id, i, 0.8) for i in ids]))
                break
        return sorted(built_all + more, key=lambda b: b.start) if more else built_all

    def route_works(self, doc: Doc, built_all: list[Built]) -> None:
        """غادر القطار … من محطة توانجيه، ويمر الخط عبر ميناء أكتاو: a work a corridor's route reaches
        right after it (a station, a port) is on it."""
        works = {b.start: b.entity.id for b in built_all if b.entity.type in self.work_ends}
        works.update({e.start: e.kb_id_ for e in doc.ents if e.label_ in self.work_ends and e.kb_id_})
        on_routes = doc.user_data.get("route_work_starts", set())  # a work a route walked past (route_walk)
        for b in built_all:
            if b.entity.type != ROLE.corridor or b.topic_only:
                continue
            for k in sorted(on_routes):
                if b.start < k < b.end and k not in works:  # من حقل غالكينيش إلى …: a work inside the corridor's span
                    work = self.work_inside(doc, k, b)
                    if work is not None:
                        works[k] = work
                if b.start < k < b.end + self.max_complement * 3 and k in works and not any(
                        o.start <= k < o.end for o in built_all if o is not b and o.entity.type == ROLE.corridor):
                    b.relations.append(("links", b.entity.id, works[k], 0.7))
            for k in range(b.end + 1, min(b.end + 3, len(doc))):
                if not self.is_word(doc[k - 1], self.route) or doc[k - 1].norm_ == "بين":
                    break
                if k in works:
                    b.relations.append(("links", b.entity.id, works[k], 0.7))
                    break

    def work_inside(self, doc: Doc, k: int, corridor: Built) -> str | None:
        """A work (a field) at token k that a corridor's route walked past inside the corridor's own
        span (خط أنابيب الغاز يمتد من حقل غالكينيش إلى الهند): built as the project its head makes
        and written inside the corridor, so it stays a mention of its own. Its id, or None."""
        found = self.match_head(doc, k)
        if found is None or found[0].type not in self.work_ends:
            return None
        work = self.build(doc, k, *found)
        if work is None or work.entity.type not in self.work_ends or work.end > corridor.end:
            return None
        self.write_inside(doc, work)
        return work.entity.id

    def line_kinds(self, doc: Doc, built_all: list[Built]) -> None:
        """بدأ بناء خط السكة الحديد الجديد. ويمتد الخط من كاشغر إلى أنديجان: a line (a kind of every
        family) with its ends, after a corridor's head with none in the sentences just before, is a
        corridor of that head's kind (a railway), with an English label of that kind; the head before
        refers to it (an argument of the relations of its sentence, as a head alone refers back)."""
        starts = sentence_starts(doc)
        covered = self.works_cover(built_all)  # a head inside a document's name may be it (اتفاقية لإنشاء خط …)
        for b in built_all:
            parts = b.entity.id.split(":", 2)
            if b.entity.type != ROLE.corridor or len(parts) < 3 or self.family(b.entity.id) != "any" or b.topic_only:
                continue
            first = starts[max(0, bisect_right(starts, b.start) - 1 - self.anaphor_sentences)]
            found = self.last_head(doc, first, b.start, covered)
            if found is None:
                continue
            (head, start, head_end), (_, _, rest) = found, b.entity.label_ar.partition(" ")
            old, label_en = b.entity.id, b.entity.label_en
            if label_en.endswith(" line"):
                label_en = f"{label_en[:-len(' line')]} {head.kind_en}"
            b.aliases.append(b.entity.label_ar)  # الخط بين كاشغر وأنديجان; the label names the kind (خط السكة الحديد بين …)
            b.entity = Entity(id=f"corridor:{slug(head.kind_en)}:{parts[2]}", type=b.entity.type,
                              label_ar=f"{self.base_form(doc, start, head_end, head)} {rest}".strip(),
                              label_en=label_en, wikidata=b.entity.wikidata)
            b.relations = [(rel, b.entity.id if src == old else src, dst, conf) for rel, src, dst, conf in b.relations]
            add_ref(doc, start, head_end, ROLE.corridor, b.entity.id, "anaphor")  # the head before refers to it
            b.aliases.append(clean_surface(doc[start:self.adjectives_end(doc, head_end, b.start)])[0])

    def adjectives_end(self, doc: Doc, k: int, limit: int) -> int:
        """Where the adjectives after a head ending at k stop (خط السكة الحديد الجديد), before ``limit``."""
        end = k
        while end < limit and end - k < 3 and self.is_adjective(doc[end]) and not self.is_stop(doc[end]):
            end += 1
        return end

    def last_head(self, doc: Doc, first: int, last: int, covered: set[int]) -> tuple[Head, int, int] | None:
        """The last corridor head of a kind (not a line of every family) between tokens ``first``
        and ``last`` that no entity covers, with where it starts and ends, or None."""
        k, found_last = first, None
        while k < last:
            found = None if k in covered else self.match_head(doc, k)
            if found is not None and found[0].type == ROLE.corridor and found[1] <= last \
                    and self.family(f"corridor:{slug(found[0].kind_en)}:") not in ("", "any"):
                found_last = (found[0], k, found[1])
            k = found[1] if found is not None else k + 1
        return found_last

    def headless_routes(self, doc: Doc, built_all: list[Built]) -> list[Built]:
        """وأعلنت الشركة بناء خط أنابيب الغاز الجديد. ويمتد من تركمانستان إلى الصين: a sentence that
        opens with a route and no subject, after one that names a corridor's head with no ends (and
        no other corridor or project), gives that head its ends: a corridor of its kind. The
        corridors, in order."""
        covered, works = {k for b in built_all for k in range(b.start, b.end)}, self.works_cover(built_all)
        starts = sentence_starts(doc)
        more: list[Built] = []
        for n, k in enumerate(starts[1:], 1):
            if k + 1 < len(doc) and self.opens_route_clause(doc, k + 1):
                k += 1  # وهو يمتد من تركمانستان إلى الصين
            if k in covered or not self.is_route_verb(doc[k]):
                continue
            ends, passed, _, _, _ = self.endpoints(doc, k + 1, verb_before=True)
            if len(ends) < 2 or any(
                    starts[n - 1] <= b.start < k for b in built_all + more if b.entity.type in (ROLE.corridor, ROLE.project)):
                continue
            found = self.last_head(doc, starts[n - 1], k, works)
            if found is None:
                continue
            head, start, head_end = found
            end = self.adjectives_end(doc, head_end, k)  # خط أنابيب الغاز الجديد
            ids = sorted({e.kb_id_ for e in ends})
            names, labels_en = [clean_surface(e)[0] for e in ends], [self.label_en(doc, e) for e in ends]
            entity = Entity(id=f"corridor:{slug(head.kind_en)}:{'-'.join(ids)}", type=head.type,
                            label_ar=f"{self.base_form(doc, start, head_end, head)} بين {names[0]} " + " ".join(f"و{x}" for x in names[1:]),
                            label_en="–".join(labels_en) + f" {head.kind_en}" if all(labels_en) else "")
            built = Built(start, end, entity, aliases=[doc[start:end].text])
            built.relations = [("links", entity.id, i, 0.8) for i in ids]
            built.relations += [("links", entity.id, p.kb_id_, 0.7) for p in passed if p.kb_id_ not in ids]
            if start in covered:  # اتفاقية لإنشاء خط السكة الحديد: a corridor inside a document's name
                self.write_inside(doc, built)
            else:
                more.append(built)
        return sorted(built_all + more, key=lambda b: b.start) if more else built_all

    @staticmethod
    def works_cover(built_all: list[Built]) -> set[int]:
        """The tokens corridors and projects cover."""
        return {k for b in built_all if b.entity.type in (ROLE.corridor, ROLE.project) for k in range(b.start, b.end)}

    @staticmethod
    def write_inside(doc: Doc, built: Built) -> None:
        """A corridor inside another entity's span (a body's or a document's name): written as an
        entity inside it, with its forms and its relations."""
        doc._.silk_entities.setdefault(built.entity.id, built.entity)
        doc._.silk_inner.append(Span(doc, built.start, built.end, label=built.entity.type, kb_id=built.entity.id,
                                     span_id="pattern"))
        doc._.silk_aliases.setdefault((built.start, built.end), []).extend(built.aliases)
        doc._.silk_found.extend(FoundRelation(rel, src, dst, built.start, built.end, "", conf)
                                for rel, src, dst, conf in built.relations)
