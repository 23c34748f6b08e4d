"""Properties of the committed gazetteer files (extract/data/gazetteer/*.tsv)."""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from silkgraph.extract.lexicon import entity_tables
from silkgraph.normalize import phrase_key
from silkgraph.schema import schema

REPO = Path(__file__).resolve().parent.parent
GAZ = REPO / "extract" / "data" / "gazetteer"
COLUMNS = ["id", "type", "label_en", "label_ar", "aliases_ar", "aliases_en", "wikidata",
           "country", "weak_aliases_ar", "note"]
ENTITY_FILES = {t.file: (t.type, t.id_prefix) for t in entity_tables()}  # data/gazetteer/tables.toml
ARABIC = re.compile(r"^[\u0621-\u064a]+(?:(?: |-| - )[\u0621-\u064a]+)*$")


def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (GAZ / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return list(reader.fieldnames or []), list(reader)


def split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


@pytest.fixture(scope="module")
def entities() -> list[dict[str, str]]:
    rows = []
    for name in ENTITY_FILES:
        header, file_rows = read(name)
        assert header == COLUMNS, name
        for row in file_rows:
            row["_file"] = name
        rows += file_rows
    return rows


@pytest.fixture(scope="module")
def by_id(entities) -> dict[str, dict[str, str]]:
    return {e["id"]: e for e in entities}


def strong_names(e: dict[str, str]) -> list[str]:
    return [e["label_ar"], *split(e["aliases_ar"])]


@pytest.fixture(scope="module")
def index(entities) -> dict[str, set[str]]:
    """phrase key -> ids, over labels and (strong) aliases."""
    idx: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        for n in strong_names(e):
            idx[phrase_key(n)].add(e["id"])
    return idx


@pytest.fixture(scope="module")
def weak_index(entities) -> dict[str, set[str]]:
    idx: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        for n in split(e["weak_aliases_ar"]):
            idx[phrase_key(n)].add(e["id"])
    return idx


@pytest.fixture(scope="module")
def common_words() -> set[str]:
    header, rows = read("common_words.tsv")
    assert header == ["word", "count", "o_share"]
    return {r["word"] for r in rows}


# ------------------------------------------------------------ structure


def test_ids_unique_and_readable(entities):
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids))
    for e in entities:
        type_, prefix = ENTITY_FILES[e["_file"]]
        assert e["type"] == type_, e["id"]
        assert re.fullmatch(rf"{prefix}:[A-Za-z0-9-]+", e["id"]), e["id"]


def test_types_are_schema_node_types(entities):
    node_types = set(schema().node_types)
    assert {e["type"] for e in entities} <= node_types


def test_country_ids_are_iso_alpha2(entities):
    countries = [e for e in entities if e["type"] == "Country"]
    assert len(countries) >= 240  # every ISO 3166 country of the shared tables
    for e in countries:
        assert re.fullmatch(r"country:[A-Z]{2}", e["id"])
        assert e["country"] == e["id"].split(":")[1]


def test_country_column_refers_to_a_country(entities, by_id):
    for e in entities:
        if e["country"]:
            assert f"country:{e['country']}" in by_id, e["id"]


def test_wikidata_ids_are_qids(entities):
    for e in entities:
        assert e["wikidata"] == "" or re.fullmatch(r"Q[1-9][0-9]*", e["wikidata"]), e["id"]
    assert by_qid(entities, "Q148") == "country:CN"


def by_qid(entities, qid):
    found = [e["id"] for e in entities if e["wikidata"] == qid]
    assert len(found) == 1, (qid, found)
    return found[0]


def test_every_row_has_english_label_except_newsfane_strings(entities):
    for e in entities:
        assert e["label_en"] or e["id"].startswith("org:nf-"), e["id"]


# ------------------------------------------------------------ names


def test_names_are_arabic_letters_of_three_or_more(entities):
    for e in entities:
        for n in strong_names(e):
            assert ARABIC.match(n), (e["id"], n)
            assert len(re.sub(r"[ -]", "", n)) >= 3, (e["id"], n)
        for n in split(e["weak_aliases_ar"]):
            assert ARABIC.match(n) and len(n) >= 2, (e["id"], n)


def test_no_name_listed_twice_for_one_entity(entities):
    for e in entities:
        keys = [phrase_key(n) for n in strong_names(e) + split(e["weak_aliases_ar"])]
        assert len(keys) == len(set(keys)), e["id"]


def test_shared_names_are_allow_listed(entities):
    header, allow_rows = read("ambiguous.tsv")
    assert header == ["alias_ar", "ids", "note"]
    allowed = {phrase_key(r["alias_ar"]): set(split(r["ids"])) for r in allow_rows}
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        for n in strong_names(e) + split(e["weak_aliases_ar"]):
            owners[phrase_key(n)].add(e["id"])
    shared = {k: ids for k, ids in owners.items() if len(ids) > 1}
    for key, ids in shared.items():
        assert key in allowed and ids <= allowed[key], (key, sorted(ids))
    # and the allow-list is not stale
    for key, ids in allowed.items():
        assert len(owners.get(key, set()) & ids) >= 2, key


def test_common_word_list_is_sane(common_words):
    assert {"مدينه", "بها", "ان", "في"} <= common_words
    assert not {"صين", "روسيا", "بغداد"} & common_words


def test_no_name_is_a_common_word(entities, common_words):
    for e in entities:
        for n in strong_names(e):
            words = phrase_key(n).split()
            assert not (len(words) == 1 and words[0] in common_words), (e["id"], n)


# ------------------------------------------------------------ required content

REQUIRED = [
    ("الصين", "country:CN"),
    ("كازاخستان", "country:KZ"),
    ("قازاقستان", "country:KZ"),
    ("كازخستان", "country:KZ"),
    ("قيرغيزستان", "country:KG"),
    ("قرغيزستان", "country:KG"),
    ("قيرغيزيا", "country:KG"),
    ("طاجيكستان", "country:TJ"),
    ("تركمانستان", "country:TM"),
    ("أوزبكستان", "country:UZ"),
    ("اوزبكستان", "country:UZ"),
    ("روسيا", "country:RU"),
    ("الولايات المتحدة", "country:US"),
    ("أذربيجان", "country:AZ"),
    ("تركيا", "country:TR"),
    ("أفغانستان", "country:AF"),
    ("أستانا", "city:astana-kz"),
    ("آستانا", "city:astana-kz"),
    ("أستانة", "city:astana-kz"),
    ("نور سلطان", "city:astana-kz"),
    ("ألماتي", "city:almaty-kz"),
    ("طشقند", "city:tashkent-uz"),
    ("بيشكيك", "city:bishkek-kg"),
    ("دوشنبه", "city:dushanbe-tj"),
    ("عشق آباد", "city:ashgabat-tm"),
    ("عشق أباد", "city:ashgabat-tm"),
    ("شيآن", "city:xian-cn"),
    ("شيان", "city:xian-cn"),
    ("أورومتشي", "city:urumqi-cn"),
    ("كاشغر", "city:kashgar-cn"),
    ("خورغوس", "city:khorgos-kz"),
    ("بكين", "city:beijing-cn"),
    ("موسكو", "city:moscow-ru"),
    ("سمرقند", "city:samarkand-uz"),
    ("جوادر", "city:gwadar-pk"),
    ("شينجيانغ", "region:xinjiang-cn"),
    ("شينجيانغ الويغورية", "region:xinjiang-cn"),
    ("شنشي", "region:shaanxi-cn"),
    ("قانسو", "region:gansu-cn"),
    ("آسيا الوسطى", "region:central-asia"),
    ("أوراسيا", "region:eurasia"),
    ("الشرق الأوسط", "region:middle-east"),
    ("شي جين بينغ", "leader:xi-jinping"),
    ("شي جين بينج", "leader:xi-jinping"),
    ("قاسم جومارت توكاييف", "leader:kassym-jomart-tokayev"),
    ("قاسم جومرت توكايف", "leader:kassym-jomart-tokayev"),
    ("توكاييف", "leader:kassym-jomart-tokayev"),
    ("شوكت ميرضيايف", "leader:shavkat-mirziyoyev"),
    ("شوكت ميرزيوييف", "leader:shavkat-mirziyoyev"),
    ("ميرضيايف", "leader:shavkat-mirziyoyev"),
    ("إمام علي رحمان", "leader:emomali-rahmon"),
    ("إمام علي رحمون", "leader:emomali-rahmon"),
    ("صدير جاباروف", "leader:sadyr-japarov"),
    ("سردار بردي محمدوف", "leader:serdar-berdimuhamedov"),
    ("قربانقولي بردي محمدوف", "leader:gurbanguly-berdimuhamedov"),
    ("نور سلطان نزارباييف", "leader:nursultan-nazarbayev"),
    ("إسلام كريموف", "leader:islam-karimov"),
    ("فلاديمير بوتين", "leader:vladimir-putin"),
    ("بوتين", "leader:vladimir-putin"),
    ("دميتري ميدفيديف", "leader:dmitry-medvedev"),
    ("لي تشيانغ", "leader:li-qiang"),
    ("لي كه تشيانغ", "leader:li-keqiang"),
    ("ون جيا باو", "leader:wen-jiabao"),
    ("هو جين تاو", "leader:hu-jintao"),
    ("وانغ يي", "leader:wang-yi"),
    ("إلهام علييف", "leader:ilham-aliyev"),
    ("رجب طيب أردوغان", "leader:recep-tayyip-erdogan"),
    ("منظمة شانغهاي للتعاون", "org:sco"),
    ("منظمة شنغهاي للتعاون", "org:sco"),
    ("شانغهاي للتعاون", "org:sco"),
    ("بريكس", "org:brics"),
    ("مجموعة بريكس", "org:brics"),
    ("الأمم المتحدة", "org:un"),
    ("الاتحاد الاقتصادي الأوراسي", "org:eaeu"),
    ("البنك الآسيوي للاستثمار في البنية التحتية", "org:aiib"),
    ("صندوق طريق الحرير", "org:silk-road-fund"),
    ("شينخوا", "org:xinhua"),
    ("سي إن إن", "org:cnn"),
    ("مبادرة الحزام والطريق", "initiative:belt-and-road"),
    ("الحزام والطريق", "initiative:belt-and-road"),
    ("طريق الحرير الجديد", "initiative:belt-and-road"),
    ("الحزام الاقتصادي لطريق الحرير", "initiative:silk-road-economic-belt"),
    ("مبادرة التنمية العالمية", "initiative:global-development-initiative"),
    ("آلية الصين-آسيا الوسطى", "initiative:china-central-asia-mechanism"),
]


@pytest.mark.parametrize("form,expected", REQUIRED)
def test_required_variant_resolves(index, form, expected):
    assert index.get(phrase_key(form)) == {expected}


@pytest.mark.parametrize("form,expected", [("شي", "leader:xi-jinping"), ("رحمان", "leader:emomali-rahmon")])
def test_short_forms_are_weak_only(index, weak_index, form, expected):
    assert expected in weak_index.get(phrase_key(form), set())
    assert phrase_key(form) not in index


@pytest.mark.parametrize("text", ["شي إن", "شي أن", "وقال", "مدينة", "الجزيرة", "مالي", "طراز", "مشهد"])
def test_ordinary_words_are_not_strong_names(index, text):
    """Words of ordinary text (شي إن = "Xi said that") must not match a name on their own."""
    assert phrase_key(text) not in index


def test_two_berdimuhamedovs_are_two_people(by_id):
    son, father = by_id["leader:serdar-berdimuhamedov"], by_id["leader:gurbanguly-berdimuhamedov"]
    assert {phrase_key(n) for n in strong_names(son)}.isdisjoint(phrase_key(n) for n in strong_names(father))


def test_leaders_cover_the_region_and_have_notes(entities):
    leaders = [e for e in entities if e["type"] == "Leader"]
    per_country = defaultdict(int)
    for e in leaders:
        assert e["note"], e["id"]
        assert re.search(r"(19|20)\d\d", e["note"]), e["id"]  # offices with years
        per_country[e["country"]] += 1
    for code in ["CN", "KZ", "KG", "TJ", "TM", "UZ", "RU", "AF", "PK", "IR", "MN", "AZ", "TR", "IN", "BY"]:
        assert per_country[code] >= 3, code


def test_capitals_of_the_focus_region_are_cities(by_id):
    for cid in ["city:beijing-cn", "city:astana-kz", "city:bishkek-kg", "city:dushanbe-tj",
                "city:ashgabat-tm", "city:tashkent-uz", "city:moscow-ru", "city:kabul-af",
                "city:islamabad-pk", "city:tehran-ir", "city:ulaanbaatar-mn", "city:baku-az",
                "city:ankara-tr"]:
        assert by_id[cid]["type"] == "City"


def test_gold_entities_resolve_to_the_right_type(index, weak_index, by_id):
    """Every gold surface form of a gazetteer type is in the gazetteer, with the gold English name."""
    gold = json.loads((REPO / "tests" / "fixtures" / "seeds.gold.json").read_text(encoding="utf-8"))
    types = {t for t, _ in ENTITY_FILES.values()}
    checked = 0
    for ent in gold["entities"].values():
        if ent["type"] not in types:
            continue
        for form in ent["ar"]:
            ids = index.get(phrase_key(form)) or weak_index.get(phrase_key(form), set())
            assert len(ids) == 1, (form, ids)
            row = by_id[next(iter(ids))]
            assert row["type"] == ent["type"], form
            english = {row["label_en"].casefold(), *(a.casefold() for a in split(row["aliases_en"]))}
            assert ent["en"].casefold() in english, (form, ent["en"], row["label_en"])
            checked += 1
    assert checked >= 30


# ------------------------------------------------------------ nisba and titles


@pytest.fixture(scope="module")
def nisba() -> dict[str, str]:
    header, rows = read("nisba.tsv")
    assert header == ["form", "country_id"]
    forms: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        forms[r["form"]].add(r["country_id"])
    assert all(len(ids) == 1 for ids in forms.values())
    return {f: next(iter(ids)) for f, ids in forms.items()}


@pytest.mark.parametrize("form,expected", [
    ("الصيني", "country:CN"), ("الصينية", "country:CN"), ("الصينيان", "country:CN"), ("الصينيين", "country:CN"),
    ("الكازاخي", "country:KZ"), ("الكازاخية", "country:KZ"), ("الكازاخستاني", "country:KZ"),
    ("الكازاخستانية", "country:KZ"), ("القازاقي", "country:KZ"),
    ("القيرغيزي", "country:KG"), ("القرغيزي", "country:KG"), ("القيرغيزستاني", "country:KG"),
    ("الطاجيكي", "country:TJ"), ("الطاجيكية", "country:TJ"), ("الطاجيكستاني", "country:TJ"),
    ("الأوزبكي", "country:UZ"), ("الأوزبكستاني", "country:UZ"),
    ("التركماني", "country:TM"), ("التركمانستاني", "country:TM"),
    ("الروسي", "country:RU"), ("الأذري", "country:AZ"), ("الأذربيجاني", "country:AZ"),
    ("الأفغاني", "country:AF"), ("الباكستاني", "country:PK"), ("الإيراني", "country:IR"),
    ("المنغولي", "country:MN"), ("التركي", "country:TR"), ("الهندي", "country:IN"),
    ("الأمريكي", "country:US"), ("الأميركي", "country:US"), ("صيني", "country:CN"),
])
def test_nisba_forms(nisba, form, expected):
    assert nisba[form] == expected


def test_nisba_countries_exist_and_generated_forms_are_attested_elsewhere(nisba, by_id):
    for form, cid in nisba.items():
        assert by_id[cid]["type"] == "Country", form
        assert ARABIC.match(form), form
    assert "المالي" not in nisba  # "financial", excluded on purpose


def test_titles():
    header, rows = read("titles.tsv")
    assert header == ["title_ar", "office_en", "relation", "scope"]
    edges = set(schema().edge_types)
    titles = {r["title_ar"]: r for r in rows}
    assert len(titles) == len(rows)
    for r in rows:
        assert r["relation"] in edges and r["relation"] in {"leads", "serves"}
        assert r["scope"] in {"country", "org", "city"}
    expect = {
        "الرئيس": ("President", "leads", "country"),
        "رئيس الوزراء": ("Prime Minister", "leads", "country"),
        "رئيس مجلس الدولة": ("Premier", "leads", "country"),
        "نائب الرئيس": ("Vice President", "serves", "country"),
        "وزير الخارجية": ("Foreign Minister", "serves", "country"),
        "السفير": ("Ambassador", "serves", "country"),
        "الأمين العام": ("Secretary-General", "leads", "org"),
        "عمدة": ("Mayor", "leads", "city"),
        "رئيس بلدية": ("Mayor", "leads", "city"),
        "حاكم": ("Governor", "leads", "city"),
    }
    for title, (office, relation, scope) in expect.items():
        r = titles[title]
        assert (r["office_en"], r["relation"], r["scope"]) == (office, relation, scope), title
    for fem in ["الرئيسة", "وزيرة الخارجية", "المستشارة"]:
        assert fem in titles


# ------------------------------------------------------------ provenance and reproducibility


def test_attribution_names_every_source():
    text = (GAZ / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for needle in ["CLDR", "Babel", "pycountry", "LGPL", "countrynames", "MIT", "GeoNames", "CC BY 4.0",
                   "mledoze", "ODbL", "NewsFANE", "CC BY-SA 3.0", "ANERcorp", "curated"]:
        assert needle in text, needle
    assert (GAZ / "LICENSE.mledoze_countries.ODbL.txt").is_file()


def test_build_reproduces_committed_files(shared):
    from silkgraph.extract.tools.build_gazetteer import build

    files, _ = build(shared("data"))
    assert set(files) >= {*ENTITY_FILES, "nisba.tsv", "titles.tsv", "ambiguous.tsv", "common_words.tsv"}
    for name, text in files.items():
        assert (GAZ / name).read_text(encoding="utf-8") == text, f"{name} differs from a fresh build"


def test_build_command_reports_a_missing_data_folder(tmp_path, capsys):
    from silkgraph.extract.tools.build_gazetteer import main

    out = tmp_path / "out"
    assert main(["--shared-data", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    assert "shared data folder not found" in capsys.readouterr().err
    assert not out.exists()


def test_build_command_rejects_a_bad_curated_row_and_writes_nothing(tmp_path, capsys, shared):
    import shutil

    from silkgraph.extract.tools.build_gazetteer import main

    curated = tmp_path / "curated"
    shutil.copytree(GAZ / "curated", curated)
    with (curated / "leaders.tsv").open("a", encoding="utf-8") as fh:
        fh.write("leader:nobody\tLeader\tNobody\tمن\t\t\t\tCN\t\t2020\n")  # a two-letter common word
    out = tmp_path / "out"
    assert main(["--shared-data", str(shared("data")), "--out", str(out), "--curated", str(curated)]) == 1
    err = capsys.readouterr().err
    assert "leader:nobody" in err and "Traceback" not in err
    assert not out.exists()


def test_every_entity_table_is_built_and_loaded():
    """tables.toml is the one list of entity files: the build writes each, the lexicon loads each."""
    from silkgraph.extract.lexicon import load_gazetteer_entries

    loaded = {e.entity.type for e in load_gazetteer_entries().values()}
    assert {t for t, _ in ENTITY_FILES.values()} == loaded
    assert all((GAZ / name).is_file() and (GAZ / "curated" / name).is_file() for name in ENTITY_FILES)
