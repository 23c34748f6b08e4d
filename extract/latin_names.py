"""Component ``silk_latin_names``: companies and bodies written in Latin letters inside Arabic text.

Arabic news often leaves a company's name as the company writes it: ``مجموعة China Datang Group``,
``شركة PowerChina``, and a second one glued to the conjunction (``وDongfang Electric Group``).
The other finders read Arabic letters only, so such a builder, contractor or bank is no entity
and nothing can be said of it. Here an organisation head of ``data/lexicon/heads.tsv`` (شركة،
مجموعة، بنك …) followed by capitalised Latin words is an organisation named by those words, and
so is a Latin name coordinated with it right after (و…). The Latin name is its English label; the
corporate words at its end (``data/lexicon/construction.tsv``, ``latin_suffix``: Group, Ltd …)
are left out of its id, so ``China Datang`` and ``China Datang Group`` are one company; a comma
between two of them (``Co., Ltd.``) is inside the name.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from silkgraph.extract.built import slug
from silkgraph.extract.construction_words import ConstructionWords, construction_words
from silkgraph.extract.doc_state import doc_text, init_state, make_span
from silkgraph.extract.lexicon import Lexicon, lexicon_for, roles
from silkgraph.normalize import opens_with, word_key
from silkgraph.records import Entity

ROLE = roles()
ANY_CAPITAL = re.compile(r"[A-Z]")
CAPITALISED = re.compile(r"^[A-Z][A-Za-z0-9&.\-']*$")
GLUED = re.compile(r"^[وف]([A-Z][A-Za-z0-9&.\-']*)$")  # وDongfang: the conjunction glued to a Latin name


@Language.factory("silk_latin_names", default_config={"gazetteer_dir": "", "lexicon_dir": "", "max_tokens": 6})
def make_latin_names(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str, max_tokens: int):
    """Organisations named in Latin letters after an Arabic head.

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "silk_latin_names")]
    >>> [(e.text, e.kb_id_) for e in nlp("بنت مجموعة China Datang Group وDongfang Electric المحطة").ents]
    [('مجموعة China Datang Group', 'organization:china-datang'), ('وDongfang Electric', 'organization:dongfang-electric')]
    """
    return LatinNames(lexicon_for(gazetteer_dir, lexicon_dir), construction_words(lexicon_dir), max_tokens)


class LatinNames:
    def __init__(self, lex: Lexicon, words: ConstructionWords, max_tokens: int):
        self.heads = {h.words[0] for h in lex.heads if h.type == ROLE.organization and len(h.words) == 1}
        self.suffixes = words.kind("latin_suffix")
        self.links = words.kind("latin_link")
        self.max_tokens = max_tokens
        self.lex = lex
        self.known = known_latin_names(lex)

    def latin_run(self, doc: Doc, i: int, first: str) -> tuple[list[str], int]:
        """The words of a Latin name starting at token ``i`` (whose Latin text is ``first``) and its end."""
        words, k = [first], i + 1
        # the corporate words (Group, Co., Ltd.) are not counted: China National Building Material Group Co., Ltd.
        while k < len(doc) and sum(w.lower().rstrip(",") not in self.suffixes for w in words) < self.max_tokens \
                or k < len(doc) and doc[k].text.lower() in self.suffixes:
            text = doc[k].text
            if CAPITALISED.match(text):
                words.append(text)
            elif text.lower() in self.links and k + 1 < len(doc) and CAPITALISED.match(doc[k + 1].text):
                words.append(text)
            elif text == "," and k + 1 < len(doc) and doc[k + 1].text.lower() in self.suffixes \
                    and words[-1].lower() in self.suffixes:  # Co., Ltd.: the comma between two corporate words
                words[-1] += ","
            else:
                break
            k += 1
        return words, k

    def entity(self, words: list[str], label_ar: str) -> Entity:
        core = list(words)
        while len(core) > 1 and core[-1].lower().rstrip(",") in self.suffixes:
            core.pop()
        name = " ".join(words)
        known = self.known.get(name.lower()) or self.known.get(" ".join(core).lower())
        if known:  # شركة CNPC: the organisation the gazetteer knows by that Latin name
            return self.lex.entries[known].entity
        return Entity(id=f"{ROLE.organization.lower()}:{slug(' '.join(core))}", type=ROLE.organization,
                      label_ar=label_ar, label_en=name)

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        if not ANY_CAPITAL.search(doc_text(doc)):  # most Arabic articles have no Latin name at all
            return doc
        covered = {k for e in doc.ents for k in range(e.start, e.end)}
        spans = []
        i = 0
        while i + 1 < len(doc):
            head = doc[i]
            if head.norm_ not in self.heads or i in covered or not CAPITALISED.match(doc[i + 1].text):
                i += 1
                continue
            words, end = self.latin_run(doc, i + 1, doc[i + 1].text)
            head_text = head.text[1:] if opens_with(head.text, "conjunctions") and word_key(head.text[1:]) == head.norm_ else head.text
            found = [(i, end, self.entity(words, f"{head_text} {' '.join(words)}"))]
            glued = GLUED.match(doc[end].text) if end < len(doc) else None
            if glued:  # … وDongfang Electric Group: a second company coordinated with the first
                more, after = self.latin_run(doc, end, glued.group(1))
                found.append((end, after, self.entity(more, " ".join(more))))
                end = after
            for start, stop, ent in found:
                if any(k in covered for k in range(start, stop)):
                    continue
                doc._.silk_entities.setdefault(ent.id, ent)
                # the Latin name as written: a known organisation's English label may be another one
                written = ent.label_en if ent.id not in self.lex.entries else " ".join(
                    GLUED.sub(r"\1", t.text) for t in doc[start:stop] if ANY_CAPITAL.search(t.text))
                doc._.silk_aliases.setdefault((start, stop), []).append(written)
                spans.append(make_span(doc, start, stop, ent.type, ent.id, "pattern"))
            i = end
        spans += self.known_alone(doc, covered | {k for sp in spans for k in range(sp.start, sp.end)})
        if spans:
            doc.ents = filter_spans(list(doc.ents) + spans)
        return doc

    def known_alone(self, doc: Doc, covered: set[int]) -> list:
        """Spans of known organisations written by their Latin name with no Arabic head (أعلنت CNPC،
        (AIIB)): a run of capitalised words that is exactly one of the gazetteer's Latin names."""
        out, i = [], 0
        while i < len(doc):
            if i in covered or not CAPITALISED.match(doc[i].text):
                i += 1
                continue
            words, end = self.latin_run(doc, i, doc[i].text)
            known = self.known.get(" ".join(words).lower())
            if known and not any(k in covered for k in range(i, end)):
                out.append(make_span(doc, i, end, ROLE.organization, known, "gazetteer"))
            i = end
        return out


def known_latin_names(lex: Lexicon) -> dict[str, str]:
    """Lower-cased Latin name -> organisation id, for the names (English label, English aliases) only
    one organisation of the gazetteer has, of two letters at least.

    >>> known_latin_names(lexicon_for())["cnpc"]
    'org:cnpc'
    """
    owners: dict[str, set[str]] = {}
    for entry in lex.entries.values():
        if entry.entity.type == ROLE.organization:
            for name in (entry.entity.label_en, *entry.aliases_en):
                if name and len(name) > 1 and CAPITALISED.match(name.split()[0]):
                    owners.setdefault(name.lower(), set()).add(entry.entity.id)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}
