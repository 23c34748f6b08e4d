"""Component ``silk_headline_works``: a work the headline describes without its name (محطة رياح صينية
بقدرة 100 ميغاواط، حقل غاز في تركمانستان، مصفاة صينية في توكموك) is the one work of that kind the
article's body names (محطة "جاناتاس" لطاقة الرياح، حقل "باغتيارليك" للغاز، مصفاة توكموك).

The headline is the first line. A headline work is unnamed when its id is scoped to the article or
is only its capacity (what ``silk_patterns`` gives a described work); its kind is the kind in its
id, read through ``project_families.tsv`` (a wind farm is a power station), else the kind's last
word (a gas field is a field). When the body names exactly one other work of that kind, the
headline's mention is that work; with two or more, or none, it stays as it is.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from silkgraph.extract.built import slug
from silkgraph.extract.doc_state import DOC_SCOPE, init_state, make_span
from silkgraph.extract.lexicon import roles
from silkgraph.extract.project_complements import project_families

ROLE = roles()
CAPACITY_KEY = re.compile(r"^[0-9]+[a-z]+$")  # 100mw, 300beds, 5000000t
MAX_HEADLINE_TOKENS = 30


@Language.factory("silk_headline_works", default_config={"lexicon_dir": ""})
def make_headline_works(nlp: Language, name: str, lexicon_dir: str):
    """Headline works made the body's work of their kind.

    >>> from silkgraph.extract.pipeline import Extractor
    >>> doc = Extractor().nlp('محطة رياح صينية بقدرة 50 ميغاواط\\nوتبني شركة هواوي محطة "باياندي" لطاقة الرياح.')
    >>> sorted({e.kb_id_ for e in doc.ents if e.label_ == "Project"})
    ['project:power-station:باياندي']
    """
    families = {slug(kind): slug(family) for kind, family in project_families(lexicon_dir).items()}
    return HeadlineWorks(families)


class HeadlineWorks:
    def __init__(self, families: dict[str, str]):
        self.families = families

    def family(self, entity_id: str) -> str:
        """The kind of work an id names, as a family (power-station, field, plant)."""
        kind = entity_id.split(":")[1] if entity_id.count(":") >= 2 else ""
        return self.families.get(kind) or kind.rsplit("-", 1)[-1]

    @staticmethod
    def unnamed(entity_id: str) -> bool:
        rest = entity_id.split(":", 2)[-1]
        return DOC_SCOPE in entity_id or CAPACITY_KEY.match(rest) is not None

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        end = next((t.i for t in doc if "\n" in t.text), None)
        if end is None or end > MAX_HEADLINE_TOKENS:
            return doc
        ents = list(doc.ents)
        body = [e for e in ents if e.start > end and e.label_ == ROLE.project and e.kb_id_]
        renamed: dict[str, str] = {}
        for n, ent in enumerate(ents):
            if ent.end > end or ent.label_ != ROLE.project or not ent.kb_id_ or not self.unnamed(ent.kb_id_):
                continue
            family = self.family(ent.kb_id_)
            same = {e.kb_id_ for e in body if self.family(e.kb_id_) == family and e.kb_id_ != ent.kb_id_}
            if len(same) == 1:
                renamed[ent.kb_id_] = same.pop()
                ents[n] = make_span(doc, ent.start, ent.end, ent.label_, renamed[ent.kb_id_], ent.id_)
        if renamed:
            doc.ents = ents
            # what the patterns found of the headline's work (مصفاة … في توكموك: located_in) is the body's work's
            doc._.silk_found[:] = [replace(r, source_id=renamed.get(r.source_id, r.source_id),
                                           target_id=renamed.get(r.target_id, r.target_id)) for r in doc._.silk_found]
        return doc
