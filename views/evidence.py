"""Evidence as safe HTML: the Arabic sentence with the trigger and the entities marked.

Article text is untrusted. Every piece of it goes through ``html.escape``; the only
markup in the output is the ``<mark>``/``<div>`` this module writes itself.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from silkgraph.normalize import normalize_letters, normalize_with_offsets


def find_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of ``terms`` in ``text``, longest term first.

    Matching folds spelling variants (diacritics, tatweel, alef/ya/ta marbuta forms) with
    the project's normaliser and maps the match back to offsets in the raw text.

    >>> find_spans("زار الرئيس شي أستانا", ["استانا", "شي"])
    [(11, 13), (14, 20)]
    """
    norm, offsets = normalize_with_offsets(text)
    found: list[tuple[int, int]] = []
    keys = {normalize_letters(t.strip()) for t in terms if t and t.strip()}
    for key in sorted((k for k in keys if k), key=len, reverse=True):
        start = norm.find(key)
        while start != -1:
            end = start + len(key)
            # whole words only: a clitic (و، ب، ل، ال) may stay attached in front, nothing behind
            whole = end == len(norm) or not norm[end].isalnum()
            a, b = offsets[start], offsets[end - 1] + 1
            if whole and not any(a < y and x < b for x, y in found):
                found.append((a, b))
            start = norm.find(key, start + 1)
    return sorted(found)


def highlight_html(sentence: str, trigger: str = "", entities: Iterable[str] = ()) -> str:
    """The sentence as escaped HTML, with the trigger and entity names in ``<mark>``.

    >>> highlight_html("وقّع <b>توكاييف</b> البيان", "وقّع", ["توكاييف"])
    '<mark class="sg-trigger">وقّع</mark> &lt;b&gt;<mark class="sg-entity">توكاييف</mark>&lt;/b&gt; البيان'
    """
    trigger_spans = find_spans(sentence, [trigger]) if trigger else []
    entity_spans = [s for s in find_spans(sentence, entities)
                    if not any(s[0] < y and x < s[1] for x, y in trigger_spans)]
    marks = sorted([(a, b, "sg-trigger") for a, b in trigger_spans] + [(a, b, "sg-entity") for a, b in entity_spans])
    out, pos = [], 0
    for a, b, cls in marks:
        if a < pos:
            continue
        out.append(html.escape(sentence[pos:a]))
        out.append(f'<mark class="{cls}">{html.escape(sentence[a:b])}</mark>')
        pos = b
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def evidence_block(sentence: str, trigger: str, entities: Iterable[str], meta: Iterable[Any] = ()) -> str:
    """One piece of evidence: the marked sentence (right to left) and a line of metadata.

    >>> print(evidence_block("<script>x</script>", "", [], ["2024-07-06"]))
    <div class="sg-ev"><div class="sg-ev-text" dir="rtl" lang="ar">&lt;script&gt;x&lt;/script&gt;</div><div class="sg-ev-meta"><bdi>2024-07-06</bdi></div></div>
    """
    body = highlight_html(sentence, trigger, entities) if sentence else '<span class="sg-none">(no sentence recorded)</span>'
    meta_text = " · ".join(f"<bdi>{html.escape(str(m))}</bdi>" for m in meta if m)
    meta_html = f'<div class="sg-ev-meta">{meta_text}</div>' if meta_text else ""
    return f'<div class="sg-ev"><div class="sg-ev-text" dir="rtl" lang="ar">{body}</div>{meta_html}</div>'


PAGE_CSS = """
<style>
.sg-ev { margin: 0.2rem 0 0.7rem 0; }
.sg-ev-text { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif;
  font-size: 1.02rem; line-height: 1.75; text-align: right; unicode-bidi: plaintext; }
.sg-ev-meta { font-size: 0.8rem; color: #6b6b76; margin-top: 0.1rem; }
.sg-ev mark.sg-trigger { background: #ffe08a; padding: 0 2px; border-radius: 3px; }
.sg-ev mark.sg-entity { background: #d6ecff; padding: 0 2px; border-radius: 3px; }
.sg-none { color: #8a8a94; font-style: italic; }
.sg-legend { display: flex; flex-wrap: wrap; gap: 0.35rem 0.9rem; font-size: 0.85rem; margin: 0.3rem 0 0.2rem 0; }
.sg-legend span.sg-sym { font-size: 1.05rem; margin-inline-end: 0.25rem; }
.sg-ar { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif; unicode-bidi: isolate; }
.sg-hop { margin: 0.15rem 0; }
.sg-nb { font-weight: 600; margin-top: 0.4rem; }
.sg-count { color: #6b6b76; font-weight: 400; }
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; }
.sg-summary { font-size: 0.88rem; line-height: 1.7; margin: 0.2rem 0 0.5rem 0; }
.sg-rel { color: #55555f; font-weight: 500; }
/* Arabic is typed right to left; the search box follows what is typed (Arabic or Latin) */
.st-key-paste_text textarea, .st-key-paste_title input { direction: rtl; text-align: right; }
.st-key-search input, .st-key-p_from input, .st-key-p_to input { unicode-bidi: plaintext; text-align: start; }
.sg-title { font-size: 1.35rem; font-weight: 650; margin: 0 0 0.1rem 0; }
.sg-sub { color: #6b6b76; font-size: 0.9rem; margin-bottom: 0.4rem; }
</style>
"""
