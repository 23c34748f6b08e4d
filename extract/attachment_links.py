"""Links whose corridor or place the sentence does not put next to the trigger, for
``silk_relations`` (issue 8, class 6): a mixin of ``ArgumentAttachment`` (``extract/attachment.py``),
whose words and asides it reads.

- يربط finds its corridor across an aside (والممر الأوسط، الذي …، يربط …), after it (ويربط هذا
  الخط، …، مدينة … بمدينة …) or behind a pronoun (وأكد أنه يربط …), and the second end behind بمدينة;
- a place called a stop, gateway or transit country of a corridor (أصبحت خورغوس محطة رئيسية لقطارات
  …، تعد كازاخستان أكبر بلد عبور لـ…) or lying on it (تقع مدينة أكتاو على الممر الأوسط) is on it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.lexicon import roles
from silkgraph.extract.relation_args import Arg, TriggerHit, in_words
from silkgraph.normalize import has_article, normalize_letters, word_key
from silkgraph.extract.surface import COMMAS

ROLE = roles()


class LinkAttachment:
    """The links rules; see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وتقع مدينة أكتاو على الممر الأوسط.")
    >>> sorted((r.source_id, r.target_id) for r in doc._.silk_found if r.type == "links")
    [('corridor:corridor:middle', 'city:aktau-kz')]
    """

    def route_subject(self, arg: Arg) -> bool:
        """A corridor, or a work a route runs through (a tunnel, a bridge: passage_work in
        boundaries_routes.tsv), as the subject of links (وسيربط نفق شهرستان …)."""
        if arg.type == ROLE.corridor:
            return True
        parts = arg.id.split(":")
        return arg.type == ROLE.project and arg.type in self.edge_types["links"].subjects \
            and len(parts) > 2 and parts[1] in self.lex.words("passage_work")

    def links_across(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> list[FoundRelation]:
        """يربط with its corridor across an aside (والممر الأوسط، الذي …، يربط …), after it (ويربط هذا
        الخط، الذي …، مدينة … بمدينة …) or behind a pronoun (وأكد أنه يربط …): the places after it."""
        edge = self.edge_types["links"]
        _, right = self.clause_bounds(doc, sent, hit.i)
        corridor, start = self.corridor_after(doc, sent, args, hit)
        if corridor is None:
            corridor, start = self.corridor_before(doc, sent, args, hit), hit.i + 1
        if corridor is None:
            return []
        places = [a for a in args if start <= a.start < min(right, hit.i + 1 + self.object_window)
                  and a.type in edge.objects and a.kind == "name" and not self.behind_aside(hit.i, a)]
        if not places:
            return []
        ends = self.chain(doc, args, places[0], set(edge.objects), forward=True)
        rest = places[len(ends):]
        if rest and self.place_behind_ba(doc, rest[0]):  # يربط الصين بأوروبا: the second end behind its preposition
            ends += self.chain(doc, args, rest[0], set(edge.objects), forward=True)
        ends += self.counted_list(doc, args, ends[-1].end, right)  # … بأكثر من 200 مدينة، منها …
        confidence = round(hit.trigger.confidence * 0.9, 3)
        return [FoundRelation("links", corridor, e.id, hit.i, hit.i + 1, doc[hit.i].text, confidence)
                for e in ends if e.id != corridor]

    def corridor_role_links(self, doc: Doc, sent: Span, args: list[Arg]) -> list[FoundRelation]:
        """أصبحت خورغوس محطة رئيسية لقطارات الشحن …، تعد كازاخستان أكبر بلد عبور لقطارات …، تقع
        مدينة أكتاو على الممر الأوسط: a place called a stop, gateway or transit country of a corridor
        (behind a glued ل, على or في, a few words after the role word) is on it."""
        edge = self.edge_types["links"]
        out = []
        for corridor in (a for a in args if a.type in edge.subjects and a.kind in ("name", "anaphor")):
            first = normalize_letters(doc[corridor.start].text)
            if first[:1] == "ل" and doc[corridor.start].norm_ != word_key(doc[corridor.start].text):
                link = corridor.start
            elif corridor.start > sent.start and word_key(doc[corridor.start - 1].text) in self.role_links:
                link = corridor.start - 1
            else:
                continue
            role = next((k for k in range(link - 1, max(sent.start, link - 4) - 1, -1)
                         if in_words(doc[k].text, self.corridor_roles)), None)
            if role is None:
                continue
            lies_on = in_words(doc[role].text, self.lies_on)  # تقع مدينة أكتاو على الممر: the place after the verb
            if not lies_on and any(a.start < link and a.end > role for a in args):
                continue  # the role is no corridor's when a mention stands between (محطة للطاقة …)
            left, _ = self.clause_bounds(doc, sent, role)
            lo, hi = (role + 1, link) if lies_on else (left, role)
            places = [a for a in args if lo <= a.start and a.end <= hi and a.kind == "name" and a.type in edge.objects]
            if places:
                place = places[0] if places[0].start <= sent.start + 2 else places[-1]
                out.append(FoundRelation("links", corridor.id, place.id, role, corridor.end, doc[role].text, 0.6))
        return out

    def place_behind_ba(self, doc: Doc, place: Arg) -> bool:
        """Whether a place, or the word that says what it is (بمدينة أنديجان), carries a glued ب."""
        k = place.start
        while k > 0 and doc[k - 1].norm_ in self.visits.place_words:
            k -= 1
        return normalize_letters(doc[k].text)[:1] == "ب" and doc[k].norm_ != word_key(doc[k].text)

    def corridor_after(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> tuple[str | None, int]:
        """The corridor right after the verb (VSO; after a demonstrative perhaps), and where its objects start."""
        k = hit.i + 1
        if k < sent.end and word_key(doc[k].text) in self.demonstratives:
            k += 1
        if k >= sent.end:
            return None, 0
        named = next((a for a in args if a.start == k and self.route_subject(a)), None)
        if named is not None:
            return named.id, named.end
        if doc[k].ent_iob_ == "O" and word_key(doc[k].text) in self.corridor_anaphors \
                and (k > hit.i + 1 or has_article(doc[k].text)):
            earlier = self.corridor_named_before(doc, sent, hit.i)
            return (earlier, k + 1) if earlier else (None, 0)
        return None, 0

    def corridor_before(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit) -> str | None:
        """The corridor before the verb across an aside, or the one a pronoun before it stands for."""
        ends = {e: s for s, e in self._asides}
        k, crossed = hit.i - 1, False
        while k >= sent.start:
            if k + 1 in ends and ends[k + 1] >= sent.start and doc[k].text in COMMAS:
                k, crossed = ends[k + 1] - 1, True
            elif doc[k].norm_ in self.relatives or doc[k].norm_ in self.adverbs or doc[k].is_punct:
                k -= 1
            else:
                break
        corridor = next((a for a in args if a.end == k + 1 and self.route_subject(a)), None)
        if corridor is not None:
            return corridor.id if crossed else None  # right before the verb: links() reads it
        if k >= sent.start and word_key(doc[k].text) in self.pronoun_subjects:
            return self.corridor_named_before(doc, sent, k)
        return None

    def corridor_named_before(self, doc: Doc, sent: Span, i: int) -> str:
        """The last corridor named before token ``i``, in its sentence or the one before."""
        previous = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        named = [e for e in doc.ents if e.label_ == ROLE.corridor and e.kb_id_ and previous <= e.start and e.end <= i]
        return named[-1].kb_id_ if named else ""

