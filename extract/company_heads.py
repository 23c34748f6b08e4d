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
from silkgraph.extract.identity import name_id
from silkgraph.extract.lexicon import Lexicon, lexicon_for, roles
from silkgraph.normalize import has_article, normalize_letters, phrase_key, word_key
from silkgraph.records import Entity

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
        # the titles of a body's head (رئيس، رئيس مجلس الإدارة، المدير التنفيذي), as the keys a
        # title's words have after the normaliser (their article and proclitics dropped)
        self.head_titles = {phrase_key(t.title_ar) for t in lex.titles if t.relation == "leads" and t.scope in ("org", "country")}
        self.name_stops = lex.words("name_stop") | lex.words("clause") | lex.words("relative")

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
        self.quoted_bodies_of_heads(doc)
        return doc

    def quoted_bodies_of_heads(self, doc: Doc) -> None:
        """A name in quotes right between a head's title and the head's name (رئيس مجلس إدارة «قازاق
        غاز» فلان، ورئيس «تركمن غاز» فلان) is the body the head leads: an organisation, when no
        finder took its words. Its quotes stay out of the span (the titles component steps over them)."""
        found = []
        for q, token in enumerate(doc[:-3]):
            if token.text not in OPEN_QUOTES or q == 0:
                continue
            close = next((k for k in range(q + 2, min(q + 6, len(doc))) if doc[k].text in CLOSE_QUOTES), None)
            if close is None or close + 1 >= len(doc) or any(t.is_punct or t.like_num for t in doc[q + 1:close]):
                continue
            inside = doc[q + 1:close]
            misread = len(inside.ents) == 1 and inside.ents[0].start == q + 1 and inside.ents[0].end == close \
                and inside.ents[0].label_ == ROLE.person and not inside.ents[0].kb_id_  # the model's person: «نور غاز»
            if not misread and any(t.ent_iob_ != "O" for t in inside):
                continue
            t0 = q - 1 if q > 1 and normalize_letters(doc[q - 1].text) == "ل" else q  # الرئيس التنفيذي لـ"…"
            if not any(" ".join(t.norm_ for t in doc[t0 - n:t0]) in self.head_titles for n in (1, 2, 3) if t0 - n >= 0):
                continue
            name = doc[close + 1]
            if name.is_punct or name.like_num or has_article(name.text) or word_key(name.text) in self.name_stops \
                    or (name.ent_iob_ != "O" and name.ent_type_ not in (ROLE.person, ROLE.leader)):
                continue
            if name.ent_iob_ == "O" and (self.lex.is_common(name.text) and (
                    close + 2 >= len(doc) or self.lex.is_common(doc[close + 2].text) or doc[close + 2].is_punct)):
                continue  # رئيس «المبادرة» قال …: no name after the quotes
            text = doc[q + 1:close].text
            eid = name_id(ROLE.organization, text)
            doc._.silk_entities.setdefault(eid, Entity(eid, ROLE.organization, text))
            found.append(make_span(doc, q + 1, close, ROLE.organization, eid, "quoted_head"))
        if found:
            starts = {e.start for e in found}
            doc.ents = filter_spans([e for e in doc.ents if e.start not in starts] + found)

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
