"""Reading articles: each format, each kind of bad input, datelines, metadata precedence, ids."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from silkgraph.corpus import (NOTE, SKIPPED, DecodeProblem, decode_bytes, find_dateline, parse_date, parse_html,
                              parse_jsonl_line, parse_markdown, parse_text, read_corpus)

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

BODY = "زار الرئيس الصيني شي جين بينغ أستانا والتقى الرئيس الكازاخي قاسم جومارت توكاييف."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def by_id(result) -> dict:
    return {a.doc_id: a for a in result.articles}


def problems_for(result, path: Path) -> list:
    return [p for p in result.problems if Path(p.path) == path]


# --- formats ----------------------------------------------------------------------------------


def test_seeds_read_with_headline_and_dateline():
    result = read_corpus([SEEDS])
    assert result.problems == []
    articles = by_id(result)
    assert set(articles) == {"000_d8d0bccc6eeca408", "001_326f30334e07f93a"}
    first, second = articles["000_d8d0bccc6eeca408"], articles["001_326f30334e07f93a"]
    assert first.title.startswith("الرئيس الصيني يحقق ثلاثة اختراقات")
    assert (first.date, first.source) == ("", "")  # no dateline, no metadata: nothing guessed
    assert (second.title, second.date, second.source) == ("", "2025-06-17", "Xinhua")
    # the text is the file's text, whole
    assert second.text == (SEEDS / "001_326f30334e07f93a.txt").read_text(encoding="utf-8").strip()


def test_txt_headline_then_levantine_dateline():
    article = by_id(read_corpus([FIXTURES / "energy_talks.txt"]))["energy_talks"]
    assert article.title == "الصين وكازاخستان تعززان التعاون في مجال الطاقة"
    assert (article.date, article.source) == ("2024-01-03", "Xinhua")
    assert article.text.startswith(article.title + "\n")
    assert article.path.endswith("energy_talks.txt")


def test_html_body_without_scripts_navigation_or_footer():
    article = by_id(read_corpus([FIXTURES / "xinhua_page.html"]))["xinhua_page"]
    assert article.title == "الصين وقيرغيزستان توقعان اتفاقية للسكك الحديدية"
    assert article.date == "2024-06-06"  # meta article:published_time, as written (no time-zone shift)
    assert article.source == "Xinhua"  # no source meta: from the dateline
    assert article.url == "https://arabic.example.com/20240606/rail.html"
    for unwanted in ("tracker", "لا تقرأ", "إعلان", "الصفحة الرئيسية", "اقتصاد", "أخبار ذات صلة", "محفوظة", "color"):
        assert unwanted not in article.text
    assert '"رمز استراتيجي"' in article.text and "الثلاث & المنطقة" in article.text  # entities unescaped
    assert "الصين–قيرغيزستان–أوزبكستان" in article.text


def test_html_paragraphs_and_time_element_without_article_tag():
    parsed = parse_html("<html><head><title>عنوان الصفحة</title></head><body><div class='menu'><a>رابط</a></div>"
                        "<time datetime='2023-09-05'>5 أيلول</time><p>الفقرة الأولى.</p><p>الفقرة الثانية.</p>"
                        "<footer><p>حقوق</p></footer></body></html>")
    assert parsed.text == "الفقرة الأولى.\nالفقرة الثانية."
    assert (parsed.title, parsed.date) == ("عنوان الصفحة", "2023-09-05")


def test_html_meta_date_wins_over_dateline_and_bad_meta_date_is_a_note():
    page = ("<html><head><meta name='date' content='{}'></head><body><p>موسكو 5 أيلول (سبتمبر) 2023 (د ب أ) "
            "قال الكرملين ...</p></body></html>")
    assert parse_html(page.format("2023-09-06")).date == "2023-09-06"
    parsed = parse_html(page.format("yesterday"))
    assert parsed.date == "2023-09-05"  # the meta is no date: the dateline stands in
    assert any("yesterday" in n for n in parsed.notes)


def test_html_without_any_text_is_skipped(tmp_path):
    page = write(tmp_path, "empty.html", "<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>")
    result = read_corpus([page])
    assert result.articles == []
    assert [p.message for p in result.problems] == ["no article text found in the HTML"]


def test_markdown_front_matter_wins_over_dateline_and_heading():
    article = by_id(read_corpus([FIXTURES / "summit_notes.md"]))["summit_notes"]
    assert article.title == "قمة الصين وآسيا الوسطى الثانية"  # front matter, not the # heading
    assert (article.date, article.source) == ("2025-06-18", "Xinhua")  # front matter, not the dateline
    assert article.url == "https://example.com/summit"
    assert "**" not in article.text and "](" not in article.text and "---" not in article.text
    assert "القمة الثانية بين الصين ودول آسيا الوسطى." in article.text
    assert "حضر الرئيس الصيني شي جين بينغ." in article.text.split("\n")


def test_markdown_heading_is_the_title_and_dateline_follows_it():
    parsed = parse_markdown("## تمهيد\n# القمة\n\nموسكو ٥ أيلول (سبتمبر) ٢٠٢٣ (د ب أ) قال ...")
    assert parsed.title == "القمة"  # the highest-level heading
    parsed = parse_markdown("# القمة\n\nموسكو ٥ أيلول (سبتمبر) ٢٠٢٣ (د ب أ) قال ...")
    assert (parsed.title, parsed.date, parsed.source) == ("القمة", "2023-09-05", "dpa")


def test_markdown_toml_front_matter_date():
    parsed = parse_markdown('+++\ntitle = "عنوان"\ndate = 2024-03-01\n+++\nنص الخبر.')
    assert (parsed.title, parsed.date, parsed.text) == ("عنوان", "2024-03-01", "نص الخبر.")


def test_jsonl_articles_ids_and_metadata():
    result = read_corpus([FIXTURES / "feed.jsonl"])
    assert result.problems == []
    articles = by_id(result)
    assert list(articles) == ["kz-2025-001", "feed:2", "uz-2024-7"]
    first = articles["kz-2025-001"]
    assert (first.title, first.date, first.source, first.url) == (
        "توكاييف يستقبل شي", "2025-06-16", "Xinhua", "https://example.com/1")
    # no metadata: dateline with Levantine month and Arabic-Indic digits
    assert (articles["feed:2"].date, articles["feed:2"].source) == ("2024-07-12", "Xinhua")
    # "17/05/2024" metadata date; agency alone in parentheses gives the source
    assert (articles["uz-2024-7"].date, articles["uz-2024-7"].source) == ("2024-05-17", "AFP")


def test_jsonl_bad_lines_are_skipped_with_line_numbers_and_good_lines_kept(tmp_path):
    lines = [
        '{"id": "a", "text": "%s"}' % BODY,
        '{"id": "b", "text": "غير مكتمل"',  # malformed
        '["text", "not an object"]',
        '{"id": "c", "title": "بلا نص"}',
        '{"id": "d", "text": "   "}',
        '{"id": "e", "text": 42}',
        '{"id": "f", "text": "%s", "date": "2025-13-45"}' % BODY,
        '{"id": "g", "text": "%s"}' % BODY,
    ]
    path = write(tmp_path, "mixed.jsonl", "\n".join(lines) + "\n")
    result = read_corpus([path])
    assert [a.doc_id for a in result.articles] == ["a", "f", "g"]
    skipped = {p.line: p.message for p in result.skipped}
    assert set(skipped) == {2, 3, 4, 5, 6}
    assert skipped[2].startswith("malformed JSON")
    assert "not a JSON object" in skipped[3]
    assert skipped[4] == 'no "text" field'
    assert skipped[5] == 'empty "text"'
    assert '"text" is not a string' in skipped[6]
    assert by_id(result)["f"].date == ""
    assert [(p.line, p.severity) for p in result.notes] == [(7, NOTE)]
    assert "2025-13-45" in result.notes[0].message


def test_jsonl_line_without_id_uses_stem_and_line_number():
    assert parse_jsonl_line('{"text": "نص"}').doc_id == ""
    result = read_corpus([FIXTURES / "feed.jsonl"])
    assert "feed:2" in by_id(result)


# --- encodings and bad input ------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32"])
def test_unicode_encodings_read_alike(tmp_path, codec):
    text = "عنوان\n" + BODY
    data = (b"\xfe\xff" + text.encode("utf-16-be")) if codec == "utf-16-be-bom" else text.encode(codec)
    result = read_corpus([write(tmp_path, "a.txt", data)])
    assert result.problems == []
    assert result.articles[0].text == text and result.articles[0].title == "عنوان"


def test_windows_1256_is_read_with_a_note(tmp_path):
    text = "أستانا 17 يونيو 2025 (شينخوا) " + BODY
    path = write(tmp_path, "legacy.txt", text.encode("cp1256"))
    result = read_corpus([path])
    assert [a.text for a in result.articles] == [text]  # nothing lost
    assert result.articles[0].date == "2025-06-17"
    assert [(p.severity, p.message) for p in result.problems] == [(NOTE, "not UTF-8: read as Windows-1256 (Arabic)")]


def test_windows_1256_html_with_declared_charset(tmp_path):
    page = f"<html><head><meta charset='windows-1256'></head><body><p>{BODY}</p></body></html>"
    result = read_corpus([write(tmp_path, "legacy.html", page.encode("cp1256"))])
    assert result.articles[0].text == BODY
    assert "windows-1256" in result.notes[0].message


def test_crlf_line_ends_become_newlines(tmp_path):
    result = read_corpus([write(tmp_path, "win.txt", ("عنوان\r\n" + BODY + "\r\n").encode("utf-8"))])
    assert result.articles[0].text == "عنوان\n" + BODY


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (NUL bytes)"),
    (bytes(range(1, 32)) * 20, "binary file (control characters)"),
    ("Le président a visité Astana à l'été. Les élèves étaient émus.".encode("latin-1"), "not readable text"),
])
def test_binary_and_unknown_encodings_are_skipped(tmp_path, data, reason):
    path = write(tmp_path, "blob.txt", data)
    result = read_corpus([path])
    assert result.articles == []
    [problem] = result.problems
    assert (Path(problem.path), problem.severity) == (path, SKIPPED)
    assert problem.message.startswith(reason)


def test_decode_errors_are_decode_problems():
    with pytest.raises(DecodeProblem, match="UTF-16"):
        decode_bytes(b"\xff\xfe" + b"\x00\xd8")  # a lone surrogate after a UTF-16 BOM


@pytest.mark.parametrize("content", ["", "   \n\t\n  ", "\ufeff\n"])
@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.jsonl", "a.html"])
def test_empty_files_are_skipped(tmp_path, content, name):
    path = write(tmp_path, name, content)
    result = read_corpus([path])
    assert result.articles == []
    assert [(p.message, p.severity) for p in result.problems] == [("empty file", SKIPPED)]


def test_missing_path_and_unsupported_extensions(tmp_path):
    write(tmp_path, "news/a.txt", BODY)
    write(tmp_path, "news/report.pdf", b"%PDF-1.4")
    write(tmp_path, "news/deep/b.md", BODY)
    write(tmp_path, "news/deep/table.csv", "a,b\n")
    write(tmp_path, "news/.DS_Store", b"\x00\x01")
    write(tmp_path, "news/.git/config", "[core]")
    direct = write(tmp_path, "image.png", b"\x89PNG")
    result = read_corpus([tmp_path / "news", tmp_path / "missing", direct])
    assert sorted(a.doc_id for a in result.articles) == ["a", "b"]
    messages = {Path(p.path).relative_to(tmp_path).as_posix(): p.message for p in result.problems}
    assert messages["missing"] == "no such file or folder"
    assert messages["news/report.pdf"].startswith("unsupported extension '.pdf'")
    assert messages["news/deep/table.csv"].startswith("unsupported extension '.csv'")
    assert messages["image.png"].startswith("unsupported extension '.png'")
    assert messages["news/.DS_Store"] == "hidden file, not read"
    assert messages["news/.git"] == "hidden folder, not read"
    assert all(p.severity == SKIPPED for p in result.problems)


def test_special_files_and_broken_links_are_reported_not_read(tmp_path):
    write(tmp_path, "a.txt", BODY)
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block for ever
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    result = read_corpus([tmp_path])
    assert [a.doc_id for a in result.articles] == ["a"]
    assert {Path(p.path).name: p.message for p in result.problems} == {
        "pipe.txt": "not a regular file", "gone.txt": "broken symbolic link"}


def test_a_file_too_large_for_an_article_is_skipped(tmp_path, monkeypatch):
    import silkgraph.corpus.reader

    monkeypatch.setattr(silkgraph.corpus.reader, "MAX_ARTICLE_BYTES", 1000)  # where read_corpus reads it
    big = write(tmp_path, "book.txt", BODY * 20)
    feed = write(tmp_path, "feed.jsonl", '{"text": "%s"}\n' % (BODY * 20))  # JSONL holds many articles: no limit
    result = read_corpus([big, feed])
    assert [a.doc_id for a in result.articles] == ["feed:1"]
    [problem] = result.problems
    assert Path(problem.path) == big and problem.message.startswith("too large for one article")


def test_extensions_are_case_insensitive(tmp_path):
    result = read_corpus([write(tmp_path, "UPPER.TXT", BODY), write(tmp_path, "page.HTM", f"<p>{BODY}</p>")])
    assert sorted(a.doc_id for a in result.articles) == ["UPPER", "page"]


def test_date_never_comes_from_the_file_time(tmp_path):
    path = write(tmp_path, "undated.txt", BODY)
    os.utime(path, (1_718_000_000, 1_718_000_000))
    assert read_corpus([path]).articles[0].date == ""


# --- doc ids ----------------------------------------------------------------------------------


def test_doc_ids_are_unique_across_folders_and_formats(tmp_path):
    write(tmp_path, "a/news.txt", BODY)
    write(tmp_path, "b/news.txt", BODY)
    write(tmp_path, "c/news.md", BODY)
    write(tmp_path, "d/feed.jsonl", '{"id": "news", "text": "%s"}\n{"id": "x|y", "text": "%s"}\n' % (BODY, BODY))
    result = read_corpus([tmp_path])
    ids = [a.doc_id for a in result.articles]
    assert ids == ["news", "news~2", "news~3", "news~4", "x-y"]
    assert len(set(ids)) == len(ids)
    assert [a.path for a in result.articles][:3] == [f"{tmp_path.name}/{d}/{n}" for d, n in
                                                     (("a", "news.txt"), ("b", "news.txt"), ("c", "news.md"))]
    renamed = [p for p in result.notes if "already used" in p.message]
    assert len(renamed) == 3 and "'news~2'" in renamed[0].message


def test_a_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path, "a.txt", BODY)
    result = read_corpus([tmp_path, path])
    assert [a.doc_id for a in result.articles] == ["a"]
    assert [p.severity for p in result.problems] == [NOTE]


# --- datelines and dates ----------------------------------------------------------------------


@pytest.mark.parametrize("lead, date, source", [
    ("أستانا 17 يونيو 2025 (شينخوا)", "2025-06-17", "Xinhua"),
    ("بكين، 3 كانون الثاني/يناير 2024 (شينخوا) --", "2024-01-03", "Xinhua"),
    ("موسكو 5 أيلول (سبتمبر) 2023 (د ب أ)", "2023-09-05", "dpa"),
    ("أستانا ١٧ يونيو ٢٠٢٥ (شينخوا)", "2025-06-17", "Xinhua"),
    ("طشقند 2 مايـو 2024 (أ ف ب)", "2024-05-02", "AFP"),
    ("القاهرة 9 يوليه 2024 (أ ش أ)", "2024-07-09", "MENA"),
    ("بيشكك 14 اغسطس 2024 (رويترز)", "2024-08-14", "Reuters"),
    ("دمشق 1 تشرين الأول 2023 (سانا)", "2023-10-01", "SANA"),
    ("عمّان 30 تشرين الثاني (نوفمبر) 2023 (بترا)", "2023-11-30", "Petra"),
    ("بكين 20 ديسمبر 2024م (شينخوا)", "2024-12-20", "Xinhua"),
    ("موسكو 12 آذار 2024 (سبوتنيك)", "2024-03-12", "Sputnik"),
    ("أنقرة 4 شباط 2024 (الأناضول)", "2024-02-04", "Anadolu"),
    ("17 يونيو 2025 (شينخوا)", "2025-06-17", "Xinhua"),
    ("بكين 8 أكتوبر 2024", "2024-10-08", ""),
    ("بكين (شينخوا)", "", "Xinhua"),
    ("بكين في 17 يونيو 2025 (شينخوا)", "2025-06-17", "Xinhua"),
    ("بكين، الجمعة 17 يونيو 2025 (شينخوا)", "2025-06-17", "Xinhua"),
    ("ريو دي جانيرو 5 يونيو 2024 (أ ف ب)", "2024-06-05", "AFP"),
])
def test_datelines(lead, date, source):
    parsed = parse_text(f"{lead} {BODY}")
    assert (parsed.date, parsed.source) == (date, source)


def test_invalid_dateline_date_is_left_empty_with_a_note():
    parsed = parse_text(f"طشقند 31 فبراير 2025 (أ ف ب) {BODY}")
    assert (parsed.date, parsed.source) == ("", "AFP")
    assert parsed.notes == ["dateline '2025-02-31' is not a valid date; date left empty"]


def test_a_date_inside_a_sentence_is_no_dateline():
    assert find_dateline("قال الرئيس الصيني إن العلاقات تطورت منذ 17 يونيو 2025 (شينخوا)") is None
    assert parse_text(f"{BODY} وفي 17 يونيو 2025 عقدت القمة.").date == ""
    # a sentence that opens with a date talks about that date: no dateline
    assert parse_text(f"وفي 17 يونيو 2025 عقدت القمة في أستانا. {BODY}").date == ""
    assert parse_text(f"منذ 3 أيار 2024 تغيرت العلاقات. {BODY}").date == ""
    # an unknown word in parentheses is no agency
    assert parse_text(f"بكين 8 أكتوبر 2024 (الثلاثاء) {BODY}").source == ""


def test_dateline_after_a_headline_but_not_deeper():
    assert parse_text(f"عنوان قصير\nبكين 8 أكتوبر 2024 (شينخوا) {BODY}").date == "2024-10-08"
    assert parse_text(f"{BODY}\nبكين 8 أكتوبر 2024 (شينخوا) {BODY}").date == ""


@pytest.mark.parametrize("value, iso", [
    ("2025-06-17", "2025-06-17"),
    ("2025-06-17T10:00:00Z", "2025-06-17"),
    ("2025-06-17T23:30:00-05:00", "2025-06-17"),
    ("2025/6/7", "2025-06-07"),
    ("17/06/2025", "2025-06-17"),
    ("06/17/2025", "2025-06-17"),  # only the US reading is a date
    ("17.06.2025", "2025-06-17"),
    ("17-06-2025", "2025-06-17"),
    ("20250617", "2025-06-17"),
    ("17 June 2025", "2025-06-17"),
    ("June 17, 2025", "2025-06-17"),
    ("Tue, 17 Jun 2025 10:00:00 +0000", "2025-06-17"),
    ("١٧ يونيو ٢٠٢٥", "2025-06-17"),
    ("الثلاثاء، 17 حزيران 2025", "2025-06-17"),
    ("2025-02-29", None),
    ("13/13/2025", None),
    ("next week", None),
    ("", None),
])
def test_parse_date(value, iso):
    assert parse_date(value) == iso


# --- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, title", [
    (f"عنوان الخبر\n{BODY}", "عنوان الخبر"),
    (f"{BODY}\n{BODY}", ""),  # ends with a full stop: a sentence, not a headline
    ("هل تنجح القمة؟\n" + BODY, ""),
    (BODY.rstrip("."), ""),  # a single line is the body
    ("أستانا 17 يونيو 2025 (شينخوا)\n" + BODY, ""),  # a dateline alone on its line is no headline
    (" ".join(["كلمة"] * 40) + "\n" + BODY, ""),  # too long for a headline
])
def test_text_titles(text, title):
    assert parse_text(text).title == title
