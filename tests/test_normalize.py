"""Arabic normalisation, proclitics and the tokenizer fixes."""
import pytest
import spacy

import silkgraph.extract.tokenizer  # noqa: F401  (registers the tokenizer)
from silkgraph.normalize import (clitic_candidates, identity_key, light_stem, normalize_letters,
                               normalize_with_offsets, phrase_key, strip_clitics, word_key)
from silkgraph.extract.surface import clean_surface, strip_proclitics


@pytest.mark.parametrize("a, b", [
    ("أستانا", "آستانا"), ("أستانة", "استانه"), ("وقّع", "وقع"), ("مـنـتـدى", "منتدي"),
    ("قيرغيزستان", "قيرغيزستان"), ("مسؤول", "مسوول"), ("رئيس", "رييس"),
])
def test_spelling_variants_fold_together(a, b):
    assert normalize_letters(a) == normalize_letters(b)


def test_offsets_point_back_into_the_original():
    text = "وقّع شي بيانًا مشتركًا"
    norm, offsets = normalize_with_offsets(text)
    start = norm.index("بيانا")
    assert text[offsets[start]:offsets[start + len("بيانا") - 1] + 1] == "بيانًا"
    assert len(norm) == len(offsets) < len(text)


@pytest.mark.parametrize("word, known, key", [
    ("وطاجيكستان", {"طاجيكستان"}, "طاجيكستان"),
    ("بالصين", {"صين"}, "صين"),
    ("للصين", {"صين"}, "صين"),
    ("وأوزبكستان", {"اوزبكستان"}, "اوزبكستان"),
    ("فبكين", {"بكين"}, "بكين"),
    ("ولد", {"صين"}, "ولد"),  # not a clitic when the rest is unknown
    ("بكين", {"كين", "بكين"}, "بكين"),  # the whole word wins
    ("لندن", {"ندن"}, "ندن"),  # only the known list decides
])
def test_clitics_stripped_only_towards_known_words(word, known, key):
    assert strip_clitics(word, known) == key


def test_clitic_candidates_read_lam_article():
    assert "الصين" in clitic_candidates("للصين")


def test_light_stem_and_keys():
    assert light_stem("وبالصين") == light_stem("الصين") == "صين"
    assert light_stem("ولد") == "ولد"
    assert word_key("الصّين") == "صين"
    assert phrase_key("الصين-آسيا الوسطى") == "صين - اسيا وسطي"
    assert identity_key("ومعاهدة حسن الجوار") == identity_key("معاهدة حسن الجوار")


@pytest.mark.parametrize("word, key, surface", [
    ("بالصين", "", "الصين"), ("للصين", "", "الصين"), ("وطاجيكستان", "", "طاجيكستان"),
    ("لقمة", "قمه", "قمة"), ("ومشروع", "مشروع", "مشروع"), ("بكين", "", "بكين"),
])
def test_surface_forms_lose_their_proclitics(word, key, surface):
    assert strip_proclitics(word, key) == surface


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("ar", config={"nlp": {"tokenizer": {"@tokenizers": "silk_arabic_tokenizer.v1"}}})


@pytest.mark.parametrize("text, tokens", [
    ('والطريق".', ["والطريق", '"', "."]),
    ("و«الطريق»،", ["و", "«", "الطريق", "»", "،"]),
    ("و2027.", ["و", "2027", "."]),
    ("الصين-قيرغيزستان-أوزبكستان", ["الصين", "-", "قيرغيزستان", "-", "أوزبكستان"]),
    ("(شينخوا)", ["(", "شينخوا", ")"]),
    ("المنظمة.كما", ["المنظمة", ".", "كما"]),
    ("8.1 www.xinhua.net", ["8.1", "www.xinhua.net"]),
])
def test_tokenizer_splits_what_the_blank_arabic_tokenizer_glues(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


def test_clean_surface_keeps_offsets(extractor):
    doc = extractor.nlp("زار الرئيس بالصين وطاجيكستان")
    ent = next(e for e in doc.ents if "طاجيكستان" in e.text)
    text, start = clean_surface(ent)
    assert text == "طاجيكستان"
    assert doc.text[start:start + len(text)] == text


def test_known_words_are_cached_per_lexicon_and_never_handed_to_another():
    import gc

    from silkgraph.extract.lexicon import Lexicon, load_lexicon
    from silkgraph.extract.normalizer import known_words, known_words_of

    lex = load_lexicon()
    assert known_words_of(lex) is known_words_of(lex) and known_words_of(lex) == known_words(lex)
    for i in range(50):  # new lexicons, often at a freed one's address: each gets its own words
        other = Lexicon(nisba={f"كلمة{i}": "country:XX"})
        assert known_words_of(other) == {f"كلمة{i}"}
        del other
        gc.collect()


def test_a_one_word_name_is_no_conjunction_and_another_word():
    """فاس (Fes) and وهان (Wuhan) are names of their own: their first letter is no proclitic,
    so كأس ("a cup") is no Fes and the surname هان alone is no Wuhan."""
    from silkgraph.extract.lexicon import load_lexicon
    from silkgraph.extract.normalizer import known_words

    known = known_words(load_lexicon())
    assert {"فاس", "وهان"} <= known
    assert strip_clitics("كأس", known) != strip_clitics("فاس", known)
    assert strip_clitics("ووهان", known) == "ووهان"
    assert strip_clitics("وآسيا", known) == "اسيا"  # a conjunction before a name still comes off


@pytest.mark.parametrize("text, word, kind", [
    ("رفع قائد الفريق كأس البطولة بعد المباراة.", "كأس", None),
    ("وقال هان إن المحادثات كانت مثمرة.", "هان", None),
    ("وصل الوفد الصيني إلى فاس صباح أمس.", "فاس", "City"),
    ("عاد الوزير من وهان الشهر الماضي.", "وهان", "City"),
    ("ثم سافر الوزير إلى ووهان لحضور المعرض.", "ووهان", "City"),
])
def test_one_word_city_names_match_only_themselves(extractor, text, word, kind):
    from silkgraph.records import Article

    found = {m.text: m.entity.type for m in extractor.extract(Article("t", text)).mentions}
    assert found.get(word) == kind, found
