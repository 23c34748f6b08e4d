"""Initiatives no table lists: a programme, strategy, policy or vision by its head and its name
(rule mixin of ``silkgraph.extract.patterns.PatternMatcher``, heads with ``needs = initiative``).

- a name in quotes after the head: استراتيجية "كازاخستان 2050"، برنامج «الشراكة من أجل التنمية»،
  رؤية "تركمانستان - قلب طريق الحرير العظيم". The whole phrase is the mention; the quoted name
  alone is a form of its own, as news refers to it;
- a country and a year after the head: استراتيجية كازاخستان 2050، رؤية السعودية 2030.

A quoted name that is a known initiative alone (مبادرة "الحزام والطريق") stays that initiative; a
head with neither (استراتيجية التنمية، برنامج تعاون) names nothing here.
"""
from __future__ import annotations

from spacy.tokens import Doc

from silkgraph.extract.built import YEAR, Built
from silkgraph.extract.lexicon import Head, roles
from silkgraph.normalize import identity_key
from silkgraph.records import Entity

ROLE = roles()
QUOTE_MARKS = "«»“”\"„()' "


class InitiativeRules:
    def build_initiative(self, doc: Doc, start: int, head: Head, head_end: int) -> Built | None:
        """The initiative a head and its quoted name, or its country and year, name at ``start``.

        >>> import spacy, silkgraph.extract.normalizer, silkgraph.extract.gazetteer, silkgraph.extract.patterns
        >>> nlp = spacy.blank("ar")
        >>> _ = [nlp.add_pipe(c) for c in ("silk_normalizer", "sentencizer", "silk_gazetteer", "silk_patterns")]
        >>> [(e.text, e.label_) for e in nlp('وأشار إلى استراتيجية "كازاخستان 2050" ورؤية السعودية 2030').ents]
        [('استراتيجية "كازاخستان 2050"', 'Initiative'), ('ورؤية السعودية 2030', 'Initiative')]
        """
        quoted = self.quoted_end(doc, head_end)
        if quoted > head_end:
            inside = [e for e in doc.ents if head_end <= e.start and e.end <= quoted]
            words = [t for t in doc[head_end:quoted] if t.text.strip(QUOTE_MARKS)]
            if len(inside) == 1 and inside[0].label_ == ROLE.initiative and len(inside[0]) == len(words):
                return None  # مبادرة "الحزام والطريق": the known initiative itself
            end = quoted
        else:
            country = self.ent_at(doc, head_end, (ROLE.country,))
            if country is None or country.end >= len(doc) or not YEAR.match(doc[country.end].text):
                return None
            inside, end = [country], country.end + 1
        name = doc[head_end:end].text.strip(QUOTE_MARKS)
        if not name or not inside and len(name.split()) < 2 and not any(c.isdigit() for c in name):
            return None  # رؤية "واضحة": one quoted word is as likely a quoted adjective as a name
        eid = f"initiative:{identity_key(name)}"
        built = Built(start, end, Entity(id=eid, type=ROLE.initiative, label_ar=self.head_label(doc, start, end, head)),
                      inner=list(inside))
        built.aliases.append(name)  # كازاخستان 2050: called by its name alone too
        return built
