"""Round 5, organisations and leads: names of office holders cut short or run on, written for
these tests (no sentence taken from an article). Each class has sentences where the whole name
must be found and sentences where nothing more than the name must be taken."""
from __future__ import annotations

import pytest

from silkgraph.records import Article


def people(extractor, text: str) -> dict[str, str]:
    """Surface text of each Leader or Person mention, with its type."""
    out = {}
    for m in extractor.extract(Article("t", text)).mentions:
        if m.entity.type in ("Leader", "Person"):
            out[m.text] = m.entity.type
    return out


# A Chinese name whose last syllable is also an ordinary word (قوه "force"), right before the
# sentence's end, after a title and its body; and a surname no list reads as a word, right after
# the body's adjective.
@pytest.mark.parametrize("text,name", [
    ("واستقبل رئيس اللجنة الدائمة للمجلس الوطني لنواب الشعب الصيني وانغ بانغ قوه.", "وانغ بانغ قوه"),
    ("وقال رئيس البنك الآسيوي جين لي تشون إن الخطة جاهزة.", "جين لي تشون"),
    ("وأكد مدير الصندوق الآسيوي جين شياو مينغ أن التمويل متاح.", "جين شياو مينغ"),
])
def test_chinese_name_whole(extractor, text, name):
    assert name in people(extractor, text)


@pytest.mark.parametrize("text,name,not_name", [
    # the ordinary word after two syllables is no syllable when more follows it
    ("والتقى الوزير الصيني وانغ يي قوة الأمن المحلية.", "وانغ يي", "وانغ يي قوة"),
])
def test_chinese_name_not_run_on(extractor, text, name, not_name):
    found = people(extractor, text)
    assert not_name not in found


# A compound first name (X الدين) and a two-word family name (X زاده) after a title.
@pytest.mark.parametrize("text,name", [
    ("ووقع وزير الطاقة الطاجيكي سراج الدين رحيم زاده الاتفاقية.", "سراج الدين رحيم زاده"),
    ("وحضر رئيس مجلس النواب محمد طاهر كريم زاده الاجتماع.", "محمد طاهر كريم زاده"),
    ("وقال نائب وزير الخارجية الطاجيكي شمس الدين رحيموف إن العلاقات متينة.", "شمس الدين رحيموف"),
])
def test_compound_names_whole(extractor, text, name):
    assert name in people(extractor, text)


def test_compound_name_does_not_take_the_object(extractor):
    found = people(extractor, "ووقع وزير المالية الطاجيكي نور الدين الاتفاقية أمس.")
    assert not any("الاتفاقية" in n for n in found)


# علي with the dotted ya inside a name is the name's word; على (the preposition) is not.
def test_dotted_ali_inside_name(extractor):
    found = people(extractor, "وحضر قائد قوات حرس الحدود الطاجيكية الفريق رجب علي رحمان علي الحفل.")
    assert "رجب علي رحمان علي" in found


def test_preposition_ala_after_name(extractor):
    found = people(extractor, "وأكد وزير الخارجية الطاجيكي سراج الدين مهر الدين على أهمية التعاون.")
    assert not any("على" in n for n in found)
