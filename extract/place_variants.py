"""Known regions by the other forms news writes their names in, derived from the gazetteer's names:

- the head that says what a country's province is may be any of ``region_head`` (منطقة، مقاطعة،
  ولاية، إقليم): ولاية صغد is also إقليم سغد and مقاطعة صغد;
- the autonomy a Chinese region's name ends with may be written with or without the article
  (``autonomy_suffix``: منطقة التبت الذاتية الحكم، منطقة التبت ذاتية الحكم), or left off;
- a compass word before a name may be its adjective after it (``compass_*`` kinds of
  ``data/lexicon/boundaries_people.tsv``: جنوب القوقاز، القوقاز الجنوبي).

No form another entity is called by is made. Forms are phrase keys, as the gazetteer matches them.
"""
from __future__ import annotations

from silkgraph.extract.lexicon import Lexicon, roles
from silkgraph.normalize import phrase_key

ROLE = roles()
COMPASS_KIND = "compass_"  # compass_<word>: the adjectives a compass word before a name becomes after it


def region_variants(lex: Lexicon) -> dict[str, set[str]]:
    """Region id -> the extra forms (phrase keys) of its names: other heads, the autonomy suffix
    with or without the article or left off, a compass word after the name.

    >>> from silkgraph.extract.lexicon import lexicon_for
    >>> forms = region_variants(lexicon_for())
    >>> "اقليم سغد" in forms["region:sughd-region-tj"], "قوقاز جنوبي" in forms["region:south-caucasus"]
    (True, True)
    """
    heads = sorted(lex.words("region_head"))
    suffixes = sorted({phrase_key(s) for s in lex.words("autonomy_suffix")}, key=len, reverse=True)
    compass = {kind[len(COMPASS_KIND):]: sorted(words) for kind, words in lex.boundaries.items()
               if kind.startswith(COMPASS_KIND)}
    taken: set[str] = set()
    for entry in lex.entries.values():
        taken.update(phrase_key(f) for f in (entry.entity.label_ar, *entry.aliases_ar))
    out: dict[str, set[str]] = {}
    for entry in lex.entries.values():
        if entry.entity.type != ROLE.region:
            continue
        forms: set[str] = set()
        for name in (entry.entity.label_ar, *entry.aliases_ar):
            key = phrase_key(name)
            words = key.split()
            if len(words) > 1 and words[0] in heads and entry.country:  # a country's province, not منطقة آسيا الوسطى
                core = " ".join(words[1:])
                base = next((core[:-len(s)].strip() for s in suffixes if core.endswith(" " + s)), core)
                for head in heads:
                    forms.add(f"{head} {base}")
                    if base != core:
                        forms.update(f"{head} {base} {s}" for s in suffixes)
            elif len(words) == 2 and words[0] in compass:
                forms.update(f"{words[1]} {adjective}" for adjective in compass[words[0]])
        forms -= taken
        if forms:
            out[entry.entity.id] = forms
    return out
