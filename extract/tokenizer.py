"""The Arabic tokenizer: spaCy's rules plus the fixes in ``data/lexicon/tokenizer.toml``."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import spacy
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

TOKENIZER_RULES = Path(__file__).parent / "data" / "lexicon" / "tokenizer.toml"


# Words of Arabic letters joined by full stops are two sentences a scrape glued together
# (المنظمة.كما), not a web address: no Arabic domain name is written that way in news.
GLUED_SENTENCES = r"(?![\u0621-\u064a]+(?:\.[\u0621-\u064a]+)+$)"


def arabic_safe_url_match(url_match):
    """spaCy's URL matcher, except for Arabic words glued by a full stop (a pattern, so the
    tokenizer still serialises).

    >>> import spacy
    >>> match = arabic_safe_url_match(spacy.blank("ar").Defaults.url_match)
    >>> bool(match("المنظمة.كما")), bool(match("www.xinhua.net"))
    (False, True)
    """
    pattern = url_match.__self__
    flags = re.match(r"\(\?[a-zA-Z]+\)", pattern.pattern)  # global flags must stay first
    cut = flags.end() if flags else 0
    return re.compile(pattern.pattern[:cut] + GLUED_SENTENCES + pattern.pattern[cut:], pattern.flags).match


@spacy.registry.tokenizers("silk_arabic_tokenizer.v1")
def create_arabic_tokenizer(rules_path: str = ""):
    """spaCy's Arabic tokenizer with extra prefix, suffix and infix rules read from a data file.

    >>> nlp = spacy.blank("ar", config={"nlp": {"tokenizer": {"@tokenizers": "silk_arabic_tokenizer.v1"}}})
    >>> [t.text for t in nlp('والطريق". و2027')]
    ['والطريق', '"', '.', 'و', '2027']
    """
    rules = tomllib.loads(Path(rules_path or TOKENIZER_RULES).read_text(encoding="utf-8"))

    def make_tokenizer(nlp):
        defaults = nlp.Defaults
        prefixes = list(rules.get("prefixes", [])) + list(defaults.prefixes or [])
        suffixes = list(rules.get("suffixes", [])) + list(defaults.suffixes or [])
        infixes = list(rules.get("infixes", [])) + list(defaults.infixes or [])
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=defaults.token_match,
            url_match=arabic_safe_url_match(defaults.url_match),
        )

    return make_tokenizer
