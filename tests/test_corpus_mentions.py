"""The corpus-mentions tool (extract/tools/corpus_mentions.py): the pipeline's names against an
NER corpus's own, on sentences written for this test in the corpus's token-and-tag form."""
from __future__ import annotations

import pytest

from silkgraph.extract.tools.corpus_mentions import blocks, main, uncovered

SENTENCES = [
    [("وصل", "O"), ("الرئيس", "O"), ("إلى", "O"), ("بكين", "B-LOC"), ("أمس", "O"), (".", "O")],
    [("وقالت", "O"), ("وزارة", "O"), ("الخارجية", "O"), ("الكازاخستانية", "O"), ("إن", "O"), ("الزيارة", "O"),
     ("ناجحة", "O"), (".", "O")],
]


def test_a_name_on_a_corpus_name_is_covered_and_one_on_none_is_listed(extractor):
    names, _, counts = uncovered(extractor, list(blocks(SENTENCES, 2)))
    assert counts["covered"] >= 1  # بكين, on the corpus's LOC
    assert any(kind == "Organization" and "وزارة الخارجية" in text for kind, text, _ in names)


def test_without_the_corpus_the_tool_says_where_to_look(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--data", str(tmp_path)])
    assert exit_.value.code == 2
    assert "no ANERcorp under" in capsys.readouterr().err
