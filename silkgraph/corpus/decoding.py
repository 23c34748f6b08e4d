"""Bytes to text: byte-order marks, UTF-8, a declared charset or Windows-1256, one line-end;
binary data (NUL bytes, control characters) and lone surrogates found and said.
"""
from __future__ import annotations

import re

from silkgraph.corpus.language import _arabic_ratio


class DecodeProblem(ValueError):
    """Bytes that are not text silkgraph can read; the message says why."""


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


# the control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) but for \t \n \v \f \r
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    return _CONTROL.subn("", text)[1] / max(len(text), 1)


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate (a JSON ``\\ud800`` escape) replaced by U+FFFD, and
    how many were replaced; a string with one cannot be encoded, so it is made valid where it is read.

    >>> valid_text("شي \\ud800 جين")
    ('شي \\ufffd جين', 1)
    """
    return _SURROGATE.subn("\ufffd", text)


def _declared_charset(data: bytes) -> str:
    m = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", data[:4096])
    return m[1].decode("ascii").lower() if m else ""


def decode_bytes(data: bytes, declared: str = "") -> tuple[str, str]:
    """The text of ``data`` and a note ("" when none) on how it was read.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as such. Other data
    is read in ``declared`` (an HTML charset) when that decodes it, else as Windows-1256
    when that gives mostly Arabic letters (with a note). NUL bytes, control characters or
    anything else raise ``DecodeProblem``. Line ends become "\\n".

    >>> decode_bytes("سلام".encode("utf-8-sig"))
    ('سلام', '')
    >>> decode_bytes("سلام عليكم".encode("cp1256"))[1]
    'not UTF-8: read as Windows-1256 (Arabic)'
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    ...
    silkgraph.corpus.decoding.DecodeProblem: binary file (NUL bytes); if it is UTF-16 text, save it with a BOM or as UTF-8
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeProblem(f"starts with a {codec.upper()} byte-order mark but is not valid {codec}: "
                                    f"{exc.reason} at byte {exc.start}") from None
            return _lines(text), ""
    if b"\x00" in data:
        raise DecodeProblem("binary file (NUL bytes); if it is UTF-16 text, save it with a BOM or as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_ratio(text) > 0.01:
            raise DecodeProblem("binary file (control characters)")
        return _lines(text), ""
    if declared and declared.replace("-", "").replace("_", "") not in ("utf8", "utf8sig"):
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if _control_ratio(text) <= 0.01:
                return _lines(text), f"not UTF-8: read as {declared}, the charset the file declares"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _control_ratio(text) <= 0.01 and _arabic_ratio(text) >= 0.5:
        return _lines(text), "not UTF-8: read as Windows-1256 (Arabic)"
    raise DecodeProblem("not readable text: neither UTF-8 nor Arabic Windows-1256; save it as UTF-8")


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
