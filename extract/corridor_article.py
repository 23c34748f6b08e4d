"""Corridors across a whole article, for ``silk_patterns`` (issue 8, round 3: whole articles).

Wire copy names a corridor once, in the headline or the lead (سكة حديد "كازاخستان – تركمانستان –
إيران"), and then writes only its head: ويبلغ طول الخط …، وأشار إلى أن الممر …، الطاقة الاستيعابية
للخط. A definite corridor head alone refers to

- the last corridor of a family that goes with it (``data/lexicon/corridor_kinds.tsv``: الخط is a
  line of any family, الأنبوب a pipeline, الطريق a road, الممر a corridor, a road or a railway)
  named in the sentences just before (``anaphor_sentences``), else
- the one corridor of such a family the article has named before, however far back: the article's
  corridor. Two such corridors named before and none near: it refers to neither.

A sentence goes on about the corridor it names (or refers to) in clauses after a comma with no
subject of their own: ويبلغ طول الخط 925 كيلومترا، يبدأ من مدينة …، ويمر عبر …، لينتهي في …;
ويبلغ طوله …، ويربط باكو بمدينة قارص، مرورا بـ…; and so does a purpose a few words after it
(وقال إن المشروع يهدف إلى ربط كاشغر بدوشنبه). The places of each such route link that corridor,
unless another corridor or project is named between them.

A sentence that opens with a word no table lists, a comma and an indefinite word for a town
(أكتوجاي، بلدة صغيرة في شرقي كازاخستان، …) names that town: it and the article's other
mentions of the word are a City.

The one or two words after a word for a river, lake or mountain (لنهر آمو داريا، بحيرة …) name
that feature, a Region (``feature_head`` in boundaries_corridor_article.tsv): no person.

A route names towns no table lists: one glued to a known place by و (بين دوستيك وموينتي), or one
or two after a word of the route when the country or region they lie in follows (عبر بيريكيت
وإتريك في تركمانستان، من كنكياك في غرب كازاخستان).
"""
from __future__ import annotations

import numpy
from spacy.attrs import NORM
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from silkgraph.extract.built import Built, slug
from silkgraph.extract.doc_state import REFS, FoundRelation
from silkgraph.extract.identity import name_id
from silkgraph.extract.lexicon import roles, Head
from silkgraph.extract.verbs import load_verb_shapes
from silkgraph.normalize import has_article, normalize_letters, opens_with, word_key
from silkgraph.records import Entity
from silkgraph.extract.surface import COMMAS

ROLE = roles()
PURPOSE_REACH = 4  # words between a corridor and the verbal noun of its purpose (المشروع يهدف إلى ربط …)


class ArticleCorridors:
    """Which corridor or project a head alone refers to; a mixin of ``PatternMatcher``:

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
    >>> doc = nlp("افتتاح خط السكة الحديد الصين - كازاخستان. وحضر الحفل الوزراء. وتحدثوا طويلا. "
    ...           "وقالوا إن الخط سيخدم المنطقة.")
    >>> [(r.text, r.kb_id_) for r in doc.spans["refs"] if r.id_ == "anaphor"]
    [('الخط', 'corridor:railway:country:CN-country:KZ')]
    """

    def fits_head(self, entity_id: str, head: Head) -> bool:
        """Whether a head alone may name this corridor or project: the same kind (same_kind), or for a
        corridor's head a kind of a family that goes with the head's (الخط: any railway, road or pipeline)."""
        if self.same_kind(entity_id, head):
            return True
        return head.type == ROLE.corridor and entity_id.startswith("corridor:") and self.goes_with(
            self.family(entity_id), self.family(f"corridor:{slug(head.kind_en)}:"))

    def ref_target(self, earlier: list[Built], start_sentence: int, sentence_of: dict[int, int],
                   head: Head) -> Entity | None:
        """The corridor or project a head alone at ``start_sentence`` refers to among those named
        ``earlier`` (in text order): the last one near that fits, else the article's one corridor that fits."""
        generic = head.needs == "definite"  # المشروع: the last corridor or project
        fitting = [b for b in earlier if b.entity.type in (ROLE.corridor, ROLE.project)
                   and (generic or self.fits_head(b.entity.id, head))]
        near = [b for b in fitting if start_sentence - sentence_of[b.start] <= self.anaphor_sentences]
        if near:
            return near[-1].entity
        if generic or head.type != ROLE.corridor:
            return None
        far = {b.entity.id: b.entity for b in fitting if b.entity.type == ROLE.corridor}
        return next(iter(far.values())) if len(far) == 1 else None

    def body_between(self, doc: Doc, start: int, end: int) -> bool:
        """Whether an entity other than a place or a corridor stands between tokens start and end
        (شركة …، التي تربط …: a clause after it is of that body, not of the corridor before)."""
        return any(start <= e.start and e.end <= end and e.label_ != ROLE.corridor and e.label_ not in self.endpoint_types
                   for e in doc.ents)

    def stop_on_route(self, doc: Doc, mention: Span) -> bool:
        """A port or station right after a word of the route (فينطلق من ميناء شيآن …، ويصل …): a
        stop of the corridor before it, not a subject the clauses after it may be about."""
        return mention.label_ == ROLE.project and mention.start > 0 and self.is_word(doc[mention.start - 1], self.route)

    def route_clause_verb(self, token: Token) -> str:
        """يربط، ويمر، يبدأ، لينتهي، لتصل، وتعبر: 'links' for a verb of linking, 'end' for one after
        which في names an end, 'route' for another route's verb (with و، ف، ل before it), else ''."""
        key = word_key(token.text)
        for cut in (0, 1, 2):
            if cut and key[:cut] not in ("و", "ف", "ل", "ول", "فل"):
                continue
            word = key[cut:]
            if any(p.match(normalize_letters(word)) for p in self.links_triggers):
                return "links"
            if word in self.route_ends:
                return "end"
            if word in self.route_verbs:
                return "route"
        return ""

    def clause_routes(self, doc: Doc) -> None:
        """Clauses with no subject of their own, after a comma or a relative pronoun (، يبدأ من …،
        ويمر عبر …، الذي يربط …) give their places to the corridor the sentence named or referred to
        before them, when nothing but places stands between; see the module docstring."""
        places = set(self.endpoint_types)
        mentions = sorted([e for e in doc.ents if e.label_ not in places]
                          + [r for r in doc.spans[REFS] if r.id_ == "anaphor" and r.label_ in (ROLE.corridor, ROLE.project)],
                          key=lambda m: m.start)
        if not any(m.label_ == ROLE.corridor for m in mentions):
            return
        relatives = self.lex.words("relative")
        for sent in doc.sents:
            inside = [m for m in mentions if sent.start <= m.start < sent.end and not self.stop_on_route(doc, m)]
            if not any(m.label_ == ROLE.corridor for m in inside):
                continue
            last, n = None, 0  # the last mention before token k
            for k in range(sent.start + 1, sent.end - 1):
                while n < len(inside) and inside[n].end <= k:
                    last, n = inside[n], n + 1
                if last is None or last.label_ != ROLE.corridor or doc[k].ent_iob_ != "O":
                    continue
                opener = k - 1 if doc[k - 1].norm_ in relatives else k
                after_comma = doc[opener - 1].text in COMMAS or opener < k and last.end == opener
                purpose = not after_comma and k - last.end <= PURPOSE_REACH and self.is_word(doc[k], self.link_nouns) \
                    and all(t.ent_iob_ == "O" and not t.is_punct for t in doc[last.end:k])
                if not (after_comma or purpose):
                    continue  # ، يبدأ …، ، الذي يربط …، قطار "يوشينأو" الذي ينطلق …، المشروع يهدف إلى ربط …
                verb = "links" if purpose else self.route_clause_verb(doc[k])
                if not verb:
                    continue
                corridor = last.kb_id_
                doc._.silk_found.extend(FoundRelation("links", corridor, p.kb_id_, k, k + 1, doc[k].text, 0.7)
                                        for p in self.clause_places(doc, k, verb) if p.kb_id_ != corridor)

    def clause_places(self, doc: Doc, k: int, verb: str) -> list[Span]:
        """The places of the route a clause's verb at k opens: the ends and the places passed of يربط
        X بـY عبر …، ينطلق من … إلى …، مرورا بـ…; else the places of يبدأ من …، يمر عبر …، ينتهي في …."""
        j = k + 1
        if verb == "route" and j < len(doc) and doc[j].ent_iob_ == "O" and not self.is_word(doc[j], self.route):
            return []  # يمر القطار …: a subject of its own
        ends, passed, _, _, _ = self.endpoints(doc, k, verb_before=True)
        if ends:
            return ends + passed
        if verb == "end" and j < len(doc) and doc[j].norm_ in ("في", "عند"):
            j += 1  # لينتهي في مدينة غرغان
        elif j < len(doc) and not self.is_word(doc[j], self.route):
            return []
        ends, passed, _ = self.route_walk(doc, j)
        return ends + passed

    def unlisted_on_route(self, doc: Doc, j: int, start: int) -> tuple[list[Span], int]:
        """Towns no table lists at token j of a route that starts at ``start``: after a known place
        and a glued و, or after a route word with where they lie after them; see the module docstring."""
        token = doc[j]
        if j > start and doc[j - 1].ent_iob_ != "O" and doc[j - 1].ent_type_ in self.endpoint_types \
                and token.text[:1] == "و" and len(token.text) > 3 and self.town_word(token.text[1:]) \
                and self.ends_a_town(doc, j):
            town = self.unlisted_place(doc, j, ROLE.city, token.text[1:])  # بين دوستيك وموينتي
            return ([town], j + 1) if town is not None else ([], j)
        if not (j > start and self.is_word(doc[j - 1], self.route) and token.ent_iob_ == "O"):
            return [], j
        pair, after = self.unlisted_pair(doc, j)
        if pair and self.lies_in_place(doc, after):
            return pair, after  # عبر بيريكيت وإتريك في تركمانستان
        if self.town_word(token.text) and self.lies_in_place(doc, j + 1):
            town = self.unlisted_place(doc, j, ROLE.city)  # من كنكياك في غرب كازاخستان
            return ([town], j + 1) if town is not None else ([], j)
        return [], j

    def lies_in_place(self, doc: Doc, k: int) -> bool:
        """في تركمانستان، في غرب كازاخستان at token k: where the town before lies."""
        if not (k + 1 < len(doc) and doc[k].norm_ == "في"):
            return False
        k += 1
        while k < len(doc) and self.is_word(doc[k], self.directions):
            k += 1
        place = self.ent_at(doc, k, (ROLE.country, ROLE.region))
        return place is not None

    def article_places(self, doc: Doc) -> None:
        """The places an article names that no table lists, before the statistical model reads it:
        towns introduced by what they are, and rivers, lakes and mountains by their word."""
        self.apposed_towns(doc)
        self.feature_names(doc)

    def feature_names(self, doc: Doc) -> None:
        """على الضفة اليمنى لنهر آمو داريا: the words after a river's (lake's, mountain's) word are
        its name, a Region; see the module docstring."""
        heads = self.lex.words("feature_head")
        directions = self.lex.words("direction")  # جبال بامير شرقي طاجيكستان: the name ends before it
        forms = [doc.vocab.strings.add(c + h) for h in heads for c in ("", "ل", "ب", "و")]
        at = numpy.nonzero(numpy.isin(doc.to_array(NORM), forms))[0]  # most articles name no river: no token walk
        named = []
        for t in (doc[int(i)] for i in at):
            # a feature's word before its name is in the construct state (جبال تيانشان): with the
            # article it is the common noun (في الجبال تضررت)
            if t.ent_iob_ != "O" or has_article(t.text):
                continue
            end = t.i + 1
            while end < len(doc) and end - t.i <= 2 and doc[end].ent_type_ in ("", ROLE.city) and doc[end].is_alpha \
                    and not self.is_stop(doc[end]) and not word_key(doc[end].text).startswith("ال") \
                    and not (self.not_second_name_word(doc[end]) if end > t.i + 1 else self.is_verb_or_number(doc[end])) \
                    and word_key(doc[end].text) not in directions:
                end += 1
            if end > t.i + 1 and any(self.town_word(w.text) for w in doc[t.i + 1:end]):  # not نهر صغير
                name = doc[t.i + 1:end].text
                # a name right after its feature's word takes no proclitic: بامير keeps its ب
                doc[t.i + 1].norm_ = word_key(doc[t.i + 1].text)
                eid = name_id(ROLE.region, name)
                doc._.silk_entities.setdefault(eid, Entity(eid, ROLE.region, name))
                named.append(Span(doc, t.i + 1, end, label=ROLE.region, kb_id=eid, span_id="pattern"))
                # its name as written (بامير, whose ب a reading as a proclitic would take) and with
                # its word (نهر وخش، جبال بامير), as news and readers name it
                clitic = next((len(c) for h in heads for c in ("", "ل", "ب", "و") if t.norm_ == c + h), 0)
                doc._.silk_aliases.setdefault((t.i + 1, end), []).extend([name, f"{t.text[clitic:]} {name}"])
        if named:
            doc.ents = filter_spans(list(doc.ents) + named)
            self._ents_of = None

    @staticmethod
    def is_verb_or_number(token: Token) -> bool:
        """A number, or a verb (glued to و too): no name's first word (نهر يتدفق)."""
        letters = normalize_letters(token.text)
        verbs = load_verb_shapes()
        return token.like_num or verbs.is_verb(letters) or (opens_with(letters, "coordinator") and verbs.is_verb(letters[1:]))

    def not_second_name_word(self, token: Token) -> bool:
        """After a feature's first name word, a word that does not go on with it: an adjective (جبل
        زاجروس المكسوة), a number or a verb, glued to و too (نهر دجلة وأقاموا)."""
        return opens_with(normalize_letters(token.text), "article") or self.is_verb_or_number(token)

    def apposed_towns(self, doc: Doc) -> None:
        """أكتوجاي، بلدة صغيرة في …: a town no table lists, introduced by what it is; see the module docstring."""
        found: dict[str, Span] = {}
        for sent in doc.sents:
            k = sent.start
            while k < sent.end and doc[k].is_space:
                k += 1
            if k + 2 >= sent.end or doc[k].ent_iob_ != "O" or doc[k + 1].text not in COMMAS \
                    or not self.is_word(doc[k + 2], self.town_kinds) or word_key(doc[k + 2].text).startswith("ال") \
                    or not self.town_word(doc[k].text):
                continue
            town = self.unlisted_place(doc, k, ROLE.city)
            if town is not None:
                found.setdefault(doc[k].text, town)
        if not found:
            return
        towns = [Span(doc, t.i, t.i + 1, label=ROLE.city, kb_id=found[t.text].kb_id_, span_id=found[t.text].id_)
                 for t in doc if t.text in found and t.ent_iob_ == "O"]
        doc.ents = filter_spans(list(doc.ents) + towns)
        self._ents_of = None

    def transit_place(self, doc: Doc, k: int) -> Span | None:
        """العابرة لأفغانستان، العابر لأراضي كازاخستان at token k: a word of crossing
        (``corridor_transit``) and the place behind its glued ل, or None."""
        if k + 1 >= len(doc) or word_key(doc[k].text) not in self.lex.words("corridor_transit") \
                or normalize_letters(doc[k + 1].text)[:1] != "ل":
            return None
        j = k + 2 if k + 2 < len(doc) and word_key(doc[k + 1].text[1:]) in self.route_filler else k + 1  # لأراضي
        return self.ent_at(doc, j, self.endpoint_types)
