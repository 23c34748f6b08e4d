"""Name variants: a person written another way is the known person, with the gazetteer's English
label and Wikidata id. Sentences written for these tests."""
from __future__ import annotations

import random
import re
from collections import defaultdict

import pytest

from silkgraph.normalize import normalize_letters, translit_key
from silkgraph.records import Article



def people(extractor, text: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (entity id, English label) of the people mentioned."""
    return {m.text: (m.entity.id, m.entity.label_en) for m in extractor.extract(Article("t", text)).mentions
            if m.entity.type in ("Leader", "Person")}


@pytest.mark.parametrize("text, variant", [
    ("استقبل الرئيس صادير جباروف السفير الجديد.", "صادير جباروف"),  # long vowels written or not
    ("وقال صدر جاباروف في كلمته إن البلاد مستعدة.", "صدر جاباروف"),
    ("وأشاد سادر جباروف بالتعاون.", "سادر جباروف"),  # س for ص
])
def test_variants_of_a_known_person_merge(extractor, text, variant, ):
    found = people(extractor, text)
    assert found.get(variant) == ("leader:sadyr-japarov", "Sadyr Japarov"), found


def test_variants_keep_the_gazetteer_entity(extractor):
    lex = extractor.lex
    known = lex.entity("leader:sadyr-japarov")
    result = extractor.extract(Article("t", "التقى صادير جباروف الوفد."))
    entity = next(m.entity for m in result.mentions if m.entity.type == "Leader")
    assert entity == known  # same id, English label and Wikidata id as the gazetteer row


def test_another_person_with_the_same_surname_stays_apart(extractor):
    found = people(extractor, "وحضر أكيل بيك جاباروف الاجتماع.")
    assert found.get("أكيل بيك جاباروف", ("",))[0] == "leader:akylbek-japarov", found


def test_a_family_name_alone_after_a_variant_full_name_is_that_person(extractor):
    # the full name in a spelling the gazetteer does not list, then the family name alone
    found = people(extractor, "افتتح صدير جباروف المعرض. وقال جباروف إن المعرض مهم.")
    assert found.get("جباروف", ("",))[0] == "leader:sadyr-japarov", found


def test_a_family_name_two_people_share_in_one_article_stays_unresolved(extractor):
    found = people(extractor, "التقى صدير جباروف وأكيل بيك جاباروف الوفد. وقال جباروف إن الزيارة مهمة.")
    assert found.get("جباروف", ("",))[0] not in ("leader:sadyr-japarov", "leader:akylbek-japarov"), found


def test_a_chinese_name_is_referred_to_by_its_first_word(extractor):
    # Chinese names put the family name first: تشانغ is Zhang Ming, and not Li Qiang, whose given
    # name تشيانغ has the same spelling key
    found = people(extractor, "التقى تشانغ مينغ الوفد. وقال تشانغ إن اللقاء مثمر.")
    assert found.get("تشانغ", ("",))[0] == "leader:zhang-ming", found
    found = people(extractor, "استقبل لي تشيانغ الوفد. وقال تشانغ إن اللقاء مثمر.")
    assert found.get("تشانغ", ("",))[0] != "leader:li-qiang", found


def test_a_different_name_is_no_variant(extractor):
    found = people(extractor, "وقال صابر جبارين إن الشركة ستوسع أعمالها.")
    assert "leader:sadyr-japarov" not in {eid for eid, _ in found.values()}, found


def english_skeleton(name: str) -> str:
    """A coarse key of a latin name: consonants after the first letter, common digraphs folded."""
    e = re.sub("[^a-z]", "", name.lower())
    for pair, one in (("kh", "h"), ("zh", "j"), ("dj", "j"), ("ch", "sh"), ("ph", "f"), ("w", "v")):
        e = e.replace(pair, one)
    return re.sub(r"(.)\1+", r"\1", e[:1] + re.sub("[aeiouy]", "", e[1:]))


def test_translit_key_on_wikidata_name_pairs(shared):
    """Arabic spellings of latin names that sound alike (one skeleton) share a key far more often
    than their letters do, and names that sound different almost never do."""
    pairs_file = shared("data", "wikidata_names_coling2018", "wd_arabic_pairs.tsv")
    rows = [line.rstrip("\n").split("\t") for line in pairs_file.read_text(encoding="utf-8").splitlines() if line]
    groups: dict[str, set[str]] = defaultdict(set)
    for en, ar, _ in rows:
        groups[english_skeleton(en)].add(ar)
    pairs = [(a, b) for s in groups.values() if len(s) > 1 for a in s for b in s if a < b]
    merged = sum(translit_key(a) == translit_key(b) for a, b in pairs) / len(pairs)
    by_letters = sum(normalize_letters(a) == normalize_letters(b) for a, b in pairs) / len(pairs)
    rng = random.Random(0)
    skeleton = {ar: english_skeleton(en) for en, ar, _ in rows}
    arabic = sorted(skeleton)
    others = [(a, b) for a, b in (rng.sample(arabic, 2) for _ in range(20000)) if skeleton[a] != skeleton[b]]
    false = sum(translit_key(a) == translit_key(b) for a, b in others) / len(others)
    assert merged > 0.5 > 0.01 > by_letters
    assert false < 0.002


# -- people no table lists: runs of name words ----------------------------------------------------

def test_a_run_of_foreign_name_words_is_a_person(extractor):
    found = people(extractor, "وقال المبعوث ميرزا أحمدوف إن المحادثات مثمرة.")
    assert any("أحمدوف" in text for text in found), found


def test_a_last_syllable_no_list_has_stays_in_the_name(extractor):
    found = people(extractor, "استقبل الوزير وي فنغ خه الوفد.")
    assert "وي فنغ خه" in found, found


@pytest.mark.parametrize("text", [
    "وقال إن التعاون بين البلدين مهم جدا.",  # ordinary words
    "وصل الوفد إلى بكين ثم موسكو.",  # places the gazetteer has
])
def test_no_person_from_ordinary_words_or_places(extractor, text):
    assert not people(extractor, text), people(extractor, text)


def test_name_words_leave_out_common_words_and_places():
    from silkgraph.extract.lexicon import LEXICON_DIR, word_list

    words = word_list(LEXICON_DIR / "name_words.txt")
    assert "ميرزا" in words and not {"في", "قال", "بكين", "موسكو"} & words


def test_a_country_written_another_way_is_that_country(extractor):
    result = extractor.extract(Article("t", "وصل الوزير إلى قيرقيزستان صباح اليوم."))  # no table spells it so
    assert ("country:KG", "variant") in {(m.entity.id, m.source) for m in result.mentions}


@pytest.mark.parametrize("text", [
    "وأكد احترام السيادة الوطنية للدول.",  # السيادة is no السعودية
    "ودرب الكوادر الفنية في المصنع.",  # الكوادر is no الإكوادور
])
def test_common_words_are_no_country_variants(extractor, text):
    result = extractor.extract(Article("t", text))
    assert not [m for m in result.mentions if m.entity.type == "Country"], result.mentions
