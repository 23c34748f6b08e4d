"""A known company written with its head and its nationality: مجموعة باور تشاينا، شركة
كازمونايغاز، شركة سينوبك الصينية. The gazetteer finds the name alone (باور تشاينا); this component
takes the company head before it (``org_variant_company`` of ``boundaries_org_variants.tsv``:
شركة، مؤسسة، مجموعة; the duals and a branch word before them of ``boundaries_builders.tsv``:
شركتا باور تشاينا …، فرع شركة هواوي) into the span, so the verb before the head has the company right after it as
its subject, and gives the span the form with the nisba after it (شركة سينوبك الصينية) as an
alias: the forms an annotator writes for the company. A short form in brackets right after an
organisation, which no list knows (شركة البترول الوطنية الصينية (سي إن بي سي)), joins its span
and is an alias, so the verb's object after the bracket is still next to its subject. A known
name in quotes after its head (شركة "غازبروم" الروسية) is taken with the head and the quotes."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from silkgraph.extract.doc_state import init_state, make_span
from silkgraph.extract.lexicon import Lexicon, lexicon_for, roles

ROLE = roles()
HEADS = "org_variant_company"
BRACKET = 6  # words of a short form in brackets after an organisation's name
OPEN_QUOTES = ('"', "«", "“")
CLOSE_QUOTES = ('"', "»", "”")


@Language.factory("silk_company_heads", default_config={"gazetteer_dir": "", "lexicon_dir": ""})
def make_company_heads(nlp: Language, name: str, gazetteer_dir: str, lexicon_dir: str):
    """Known companies with the head before their name.

    >>> import spacy, silkgraph.extract.pipeline  # registers the components
    >>> nlp = spacy.blank("ar")
    >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "silk_gazetteer", "silk_company_heads")]
    >>> doc = nlp("وأنجزت مجموعة باور تشاينا المحطة")
    >>> [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "Organization"]
    [('مجموعة باور تشاينا', 'org:powerchina')]
    """
    return CompanyHeads(lexicon_for(gazetteer_dir, lexicon_dir))


class CompanyHeads:
    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.heads = lex.words(HEADS) | lex.words("company_dual")
        self.branches = lex.words("company_branch")

    def __call__(self, doc: Doc) -> Doc:
        init_state(doc)
        ents = list(doc.ents)
        taken = {k for e in ents for k in range(e.start, e.end)}
        changed = False
        for n, ent in enumerate(ents):
            if ent.label_ != ROLE.organization or ent.kb_id_ not in self.lex.entries:
                continue
            start, quoted = ent.start, self.quoted_known(doc, ent, taken)
            described = self.described_before(ents, n) if not quoted else None
            if quoted:  # شركة "غازبروم" الروسية: the head, the name in quotes
                start -= 2
                taken.update((start, start + 1, ent.end))
            elif described is not None:  # شركة السكك الحديدية الوطنية "قازاقستان تيمير جولي": what it is, its name
                start, quoted = described.start, 1
                ents[n - 1] = None
                taken.update(range(start, ent.end + 1))
            elif start > 0 and start - 1 not in taken and doc[start - 1].norm_ in self.heads \
                    and doc[start].norm_ not in self.heads:
                start -= 1
                taken.add(start)
            if start > 0 and start - 1 not in taken and doc[start - 1].norm_ in self.branches \
                    and doc[start].norm_ in self.heads:
                start -= 1  # فرع شركة هواوي: the branch acts for the company
                taken.add(start)
            end, short = self.bracket_after(doc, ent.end + quoted)
            if start < ent.start or end > ent.end:
                ents[n] = make_span(doc, start, end, ent.label_, ent.kb_id_, ent.id_)
                changed = True
                taken.update(range(ent.end, end))
                if short:
                    doc._.silk_aliases.setdefault((start, end), []).append(short)
            if end < len(doc) and doc[end].norm_ in self.lex.nisba and doc[start].norm_ in self.heads:
                doc._.silk_aliases.setdefault((start, end), []).append(doc[start:end + 1].text)
        if changed:
            doc.ents = filter_spans([e for e in ents if e is not None])
        return doc

    def quoted_known(self, doc: Doc, ent, taken: set[int]) -> int:
        """1 when the known name ``ent`` stands in quotes right after a company head (وقعت شركة
        "غازبروم" الروسية، شركة «سينوبك»), else 0."""
        start, end = ent.start, ent.end
        return int(start > 1 and end < len(doc) and doc[start - 1].text in OPEN_QUOTES
                   and doc[end].text in CLOSE_QUOTES and doc[start - 2].norm_ in self.heads
                   and not taken & {start - 2, start - 1, end})

    def described_before(self, ents: list, n: int):
        """The organisation the patterns named by what it is (a company head and its words, no known
        name) right before the known name ``ents[n]`` in quotes, which names it: that span, or None."""
        ent, doc = ents[n], ents[n].doc
        before = ents[n - 1] if n > 0 else None
        if before is None or before.label_ != ROLE.organization or before.kb_id_ in self.lex.entries \
                or before.end != ent.start - 1 or ent.end >= len(doc) or doc[ent.start - 1].text not in OPEN_QUOTES \
                or doc[ent.end].text not in CLOSE_QUOTES or doc[before.start].norm_ not in self.heads:
            return None
        return before

    def bracket_after(self, doc: Doc, i: int) -> tuple[int, str]:
        """Where a bracketed short form at token ``i`` ends (after ")") and its words, when its
        words are no entity, nisba or number; else (i, "")."""
        if i >= len(doc) or doc[i].text != "(":
            return i, ""
        for k in range(i + 1, min(len(doc), i + BRACKET + 2)):
            if doc[k].text == ")":
                inside = doc[i + 1:k]
                if len(inside) and all(t.ent_iob_ == "O" and not t.like_num and not t.is_punct
                                          and t.norm_ not in self.lex.nisba for t in inside):
                    return k + 1, inside.text
                return i, ""
        return i, ""
