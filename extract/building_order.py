"""A builder named after the work: verb–object–subject order (وتنفذ المحطة شركة …، ويبني الطريق
تحالف من الشركات الصينية …، وستمول المشروع البنك …) and a subject after a long object (وشيدت محطة
للطاقة الشمسية بقدرة 60 ميجاوات في قرغيزستان شركة …); a mixin of ``ConstructionRelations``
(``silk_relations``), whose words (``data/lexicon/construction.tsv``) and argument helpers
(``chain``, ``builder_id``, ``clause_bounds``, ``objects``) it uses.

The verb's morphology (feminine/masculine, imperfect/perfect, the future سـ/سوف) is the trigger
lexicon's; here a building verb that found no builder, with its work straight after it and no
builder before it in its clause, takes the first builder after the work in its clause: one not
behind a preposition (في قرغيزستان، لشركة …), not across a complementizer, a relative or another
verb, or a consortium word (تحالف من، ائتلاف يضم) and the builders after it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from silkgraph.extract.doc_state import FoundRelation
from silkgraph.extract.lexicon import roles
from silkgraph.extract.relation_args import Arg, TriggerHit
from silkgraph.normalize import normalize_letters, opens_with, word_key

ROLE = roles()
VOS_CONFIDENCE = 0.6
OBJECT_AT = 2  # how far after the verb its object may start (وستمول بدورها المحطة …، ويبني هذا المشروع …)
CONSORTIUM_GAP = 2  # words between a consortium word and the builders it groups (تحالف من، تحالف يضم)


class BuildingOrder:
    """``builds`` whose builder stands after the work (VOS); see the module docstring.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp("وتنفذ محطة للطاقة الشمسية بقدرة 60 ميجاوات في قرغيزستان شركة هواوي.")
    >>> sorted(r.source_id for r in doc._.silk_found if r.type == "builds")
    ['org:huawei']
    """

    def behind_preposition(self, doc: Doc, arg: Arg) -> bool:
        """An argument behind a preposition: a word before it (في، من) or one glued to it (لشركة، بالصين)."""
        first = doc[arg.start]
        glued = opens_with(normalize_letters(first.text), "prepositions") and first.norm_ != word_key(first.text)
        return glued or (arg.start > 0 and self.words.is_kind(doc[arg.start - 1], "not_subject_after"))

    def breaks_subject(self, token: Token) -> bool:
        """A word that ends the verb's reach over what follows: a complementizer, a relative, a
        denial or another verb of the trigger lexicon."""
        if self.words.is_kind(token, "complementizer") or token.norm_ in self.relatives:
            return True
        trigger = self.lex.trigger_for(token.text)
        return bool(trigger) and trigger[0].kind == "verb"

    def subject_after_work(self, doc: Doc, sent: Span, args: list[Arg], hit: TriggerHit,
                           next_trigger: int) -> list[FoundRelation]:
        """وتنفذ المحطة … شركة هواوي: a building verb with no builder, its work right after it and
        no builder before it in its clause: the first builder after the work (or the builders a
        consortium word after the work groups) builds the works between."""
        if hit.trigger.kind != "verb":
            return []
        left, right = self.clause_bounds(doc, sent, hit.i)
        right = min(right, next_trigger)
        if any(a.kind == "name" and left <= a.start and a.end <= hit.i and self.builder_id(doc, a)
               and not self.behind_preposition(doc, a) for a in args):
            return []  # SVO: the subject before the verb is the other rules'
        works = [a for a in self.works(args, hit.i + 1, right) if a.kind == "name"]
        if not works or works[0].start > hit.i + OBJECT_AT:
            return []
        builders: list[str] = []
        for k in range(works[0].end, right):
            if any(a.start <= k < a.end for a in works):
                continue
            if self.breaks_subject(doc[k]):
                break
            arg = next((a for a in args if a.start == k and a.kind == "name"), None)
            if arg is not None and arg.type in self.builds_edge.subjects and not self.behind_preposition(doc, arg):
                types = set(self.builds_edge.subjects)
                builders = [b for a in self.chain(doc, args, arg, types, forward=True) if (b := self.builder_id(doc, a))]
                break
            if self.words.is_kind(doc[k], "consortium"):
                builders = next((found for j in range(k + 1, min(right, k + 2 + CONSORTIUM_GAP))
                                 if (found := self.builders_at(doc, args, j))), [])
                break
        if not builders:
            return []
        chosen = [w for w in works if w.end <= k]
        return self.edges(list(dict.fromkeys(builders)), chosen, hit.i, doc[hit.i].text, VOS_CONFIDENCE)
