"""Arabic normalisation that keeps character offsets, and proclitic stripping.

Two levels:

- ``normalize_letters`` folds spelling variants (diacritics, tatweel, alef/hamza forms,
  alef maqsura, ta marbuta); ``normalize_with_offsets`` also returns, for every output
  character, its offset in the input, so a match on normalised text maps back to the
  original span.
- ``word_key`` is the matching key of one word: letters folded and a leading article
  dropped. ``strip_clitics`` removes the conjunctions و/ف, the prepositions ب/ك/ل and the
  article, only when what remains is a word the caller knows (a gazetteer entry), so
  وطاجيكستان, بالصين, للصين match while ولد, بكين and لندن stay whole.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path

ARABIC_DATA = Path(__file__).parent / "data" / "arabic.toml"


@lru_cache(maxsize=1)
def _orthography() -> dict:
    return tomllib.loads(ARABIC_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _dropped() -> re.Pattern[str]:
    return re.compile(f"[{_orthography()['dropped']}]")


@lru_cache(maxsize=1)
def _letter_table() -> dict[int, str]:
    return str.maketrans(_orthography()["letters"])


def normalize_letters(text: str) -> str:
    """Fold Arabic spelling variants: drop diacritics and tatweel, unify alef, ya, ta marbuta.

    >>> normalize_letters("أستانة") == normalize_letters("آستانه")
    True
    >>> normalize_letters("وقّع")
    'وقع'
    """
    if len(text) <= CACHED_WORD_LENGTH:
        return _normalize_word(text)
    return _dropped().sub("", text).translate(_letter_table())


CACHED_WORD_LENGTH = 40  # a word or a short name: kept; a longer text is folded anew each time


@lru_cache(maxsize=200_000)  # the extraction asks it several times of every word of an article
def _normalize_word(text: str) -> str:
    return _dropped().sub("", text).translate(_letter_table())


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and map every output character to its input offset.

    >>> norm, offsets = normalize_with_offsets("الصّين")
    >>> norm, offsets
    ('الصين', [0, 1, 2, 4, 5])
    """
    dropped = _dropped()
    table = _letter_table()
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if dropped.match(ch):
            continue
        out.append(ch.translate(table))
        offsets.append(i)
    return "".join(out), offsets


def drop_article(word: str) -> str:
    """Remove a leading definite article from a normalised word (not from short words).

    >>> drop_article("الصين")
    'صين'
    >>> drop_article("الى")
    'الى'
    """
    article = _orthography()["clitics"]["article"]
    if word.startswith(article) and len(word) > len(article) + 1:
        return word[len(article):]
    return word


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The matching key of a single word: letters folded, leading article dropped.

    >>> word_key("الصّين")
    'صين'
    """
    return drop_article(normalize_letters(word))


def phrase_key(phrase: str) -> str:
    """The matching key of a phrase: ``word_key`` of each whitespace- or hyphen-separated word.

    >>> phrase_key("منظمة شانغهاي للتعاون") == phrase_key("منظمة شانغهاي للتعاون")
    True
    >>> phrase_key("الصين-آسيا الوسطى")
    'صين - اسيا وسطي'
    """
    spaced = re.sub(r"\s*[-–—]\s*", " - ", phrase)
    return " ".join(word_key(w) for w in spaced.split())


def clitics() -> dict:
    """The clitic classes of ``arabic.toml``: conjunctions, prepositions, article, pronouns.

    >>> clitics()["pronouns"][:2]
    ['هما', 'هم']
    """
    return _orthography()["clitics"]


@lru_cache(maxsize=1)
def article_prefixes() -> tuple[str, ...]:
    """Every way the article opens a word behind the proclitics that may precede it
    (``arabic.toml [clitics] article_forms``), longest first.

    >>> sorted(article_prefixes()[-2:]), "وال" in article_prefixes(), "وكال" in article_prefixes()
    (['ال', 'لل'], True, False)
    """
    return tuple(sorted(set(clitics()["article_forms"]), key=len, reverse=True))


def has_article(word: str, prepositions: bool = True) -> bool:
    """Whether a word carries the article, alone or behind proclitics (الصين، والصين، بالصين، للصين);
    without ``prepositions``, only alone or behind a conjunction (الصين، والصين).

    >>> has_article("وبالصين"), has_article("للأمم"), has_article("بكين"), has_article("بالصين", prepositions=False)
    (True, True, False, False)
    """
    letters = normalize_letters(word)
    if prepositions:
        return letters.startswith(article_prefixes())
    cl = clitics()
    return letters.startswith(cl["article"]) or (letters[:1] in cl["conjunctions"]
                                                  and letters[1:].startswith(cl["article"]))


def relational_ending(key: str) -> bool:
    """Whether a word key ends as a relational (nisba) adjective does (``arabic.toml`` relational_endings).

    >>> relational_ending(word_key("الاقتصادية")), relational_ending(word_key("الصيني")), relational_ending("بنك")
    (True, True, False)
    """
    return key.endswith(_relational_endings())


@lru_cache(maxsize=1)
def _relational_endings() -> tuple[str, ...]:
    return tuple(clitics()["relational_endings"])


def opens_with(word: str, *clitic_classes: str) -> bool:
    """Whether a word opens with clitics of ``arabic.toml [clitics]``, one of each class in turn:
    "coordinator" (و), "lam" (ل), "article" (ال), "lam_article" (لل), "conjunctions" (و، ف) or
    "prepositions" (ب، ك، ل).

    >>> opens_with("وطاجيكستان", "coordinator"), opens_with("فقال", "conjunctions"), opens_with("لقمة", "lam")
    (True, True, True)
    >>> opens_with("والصين", "coordinator", "article"), opens_with("وللصين", "conjunctions", "lam_article")
    (True, True)
    """
    cl = clitics()
    rest = normalize_letters(word)
    for name in clitic_classes:
        value = cl[name]
        prefix = next((p for p in (value if isinstance(value, list) else [value]) if rest.startswith(p)), None)
        if prefix is None:
            return False
        rest = rest[len(prefix):]
    return True


def clitic_candidates(word: str) -> list[str]:
    """Every reading of ``word`` with some leading proclitics removed, most stripped last.

    >>> clitic_candidates("وبالصين")
    ['وبالصين', 'بالصين', 'الصين']
    >>> clitic_candidates("للصين")
    ['للصين', 'الصين', 'لصين']
    """
    cl = _orthography()["clitics"]
    out = [word]
    bases = [word]
    if word[:1] in cl["conjunctions"] and len(word) > 2:
        bases.append(word[1:])
        out.append(word[1:])
    for base in bases:
        if base.startswith(cl["lam_article"]) and len(base) > 3:
            out.append(cl["article"] + base[2:])
        if base[:1] in cl["prepositions"] and len(base) > 2:
            out.append(base[1:])
    seen: list[str] = []
    for c in out:
        if c not in seen:
            seen.append(c)
    return seen


def strip_clitics(word: str, known: Collection[str]) -> str:
    """The key of ``word`` with proclitics removed, if that key is in ``known``; else its plain key.

    ``known`` holds word keys (see ``word_key``).

    >>> strip_clitics("وطاجيكستان", {"طاجيكستان"})
    'طاجيكستان'
    >>> strip_clitics("بالصين", {"صين"})
    'صين'
    >>> strip_clitics("بكين", {"بكين", "كين"})  # the whole word wins when it is known
    'بكين'
    >>> strip_clitics("ولد", {"صين"})
    'ولد'
    """
    letters = normalize_letters(word)
    plain = drop_article(letters)
    if plain in known:
        return plain
    for cand in clitic_candidates(letters)[1:]:
        key = drop_article(cand)
        if key in known:
            return key
    return plain


def light_stem(word: str) -> str:
    """A vocabulary-free stem for statistical features: folded letters, proclitics and article off.

    Stripping is greedy but leaves at least three letters, so short words survive.

    >>> light_stem("وبالصين")
    'صين'
    >>> light_stem("ولد")
    'ولد'
    """
    cl = _orthography()["clitics"]
    w = normalize_letters(word)
    if w[:1] in cl["conjunctions"] and len(w) > 4:
        w = w[1:]
    if w.startswith(cl["lam_article"]) and len(w) > 4:
        w = cl["article"] + w[2:]
    elif w[:1] in cl["prepositions"] and w[1:3] == cl["article"] and len(w) > 5:
        w = w[1:]
    if w.startswith(cl["article"]) and len(w) > 4:
        w = w[2:]
    return w


def identity_key(phrase: str) -> str:
    """A key for telling whether two mentions name the same thing: ``light_stem`` of each word.

    >>> identity_key("ومعاهدة حسن الجوار والصداقة") == identity_key("معاهدة حسن الجوار الصداقة")
    True
    >>> identity_key("ووزارة الطاقة") == identity_key("وزارة الطاقة")  # و before a word in و
    True
    """
    spaced = re.sub(r"\s*[-–—]\s*", " - ", phrase)
    # light_stem takes one و off, a word's own too (وزارة -> زاره): the conjunction before such a
    # word (ووزارة) goes first, so both spellings have one key
    double = _orthography()["clitics"]["coordinator"] * 2
    return " ".join(light_stem(w[1:] if w.startswith(double) else w) for w in spaced.split())


@lru_cache(maxsize=1)
def _translit() -> tuple[list[tuple[str, str]], dict[int, str], re.Pattern[str]]:
    table = _orthography()["transliteration"]
    return (list(table["digraphs"].items()), str.maketrans(table["folds"]),
            re.compile(f"[{table['long_vowels']}]"))


@lru_cache(maxsize=100_000)
def translit_key(word: str, keep_vowels: bool = False) -> str:
    """A spelling-tolerant key of one word of a foreign name: letters folded, the letters Arabic
    uses for one foreign sound made one (ج/غ/ق/ك, س/ص/ث, ت/ط ...), long vowels after the first
    letter dropped (kept with ``keep_vowels``: the short syllables of Chinese names differ by
    little else), doubled letters made single (``arabic.toml``, section transliteration).

    >>> translit_key("صدير") == translit_key("صدر"), translit_key("جاباروف") == translit_key("جباروف")
    (True, True)
    >>> translit_key("تشانغ") == translit_key("شانغ"), translit_key("بكين") == translit_key("موسكو")
    (True, False)
    >>> translit_key("تشيوان") == translit_key("تشيشان"), translit_key("تشيوان", True) == translit_key("تشيشان", True)
    (True, False)
    """
    digraphs, folds, vowels = _translit()
    w = normalize_letters(word)
    for pair, one in digraphs:
        w = w.replace(pair, one)
    w = w.translate(folds)
    if not keep_vowels:
        w = w[:1] + vowels.sub("", w[1:])
    return re.sub(r"(.)\1+", r"\1", w)
