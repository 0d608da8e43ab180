"""Bytes of a text edition to text: the only place that decides an encoding.

In order: a byte order mark names the encoding; bytes that are valid UTF-8 are
UTF-8; bytes that are UTF-8 but for a character cut off at the end (a truncated
download) are read as UTF-8 with the cut character replaced by U+FFFD and a
warning naming its byte offset (with ``strict``, an error); anything else is
tried as GB18030, which older Chinese tools wrote.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata

from ..errors import DocdiffError
from . import Evidence, Reading

#: Encodings tried, in order, when the bytes carry no byte order mark.
#: GB18030 is a superset of GBK and GB2312, which older Chinese tools wrote.
FALLBACK_ENCODINGS = ("utf-8", "gb18030")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read(data: bytes, path: str | os.PathLike[str] | None = None, *, strict: bool = False) -> Reading:
    """Decode the bytes of an edition into NFC text with ``\\n`` line ends.

    Raises ``DocdiffError`` for empty, binary or undecodable input, and with
    ``strict`` for damaged UTF-8.
    """
    if not data.strip():
        raise DocdiffError("the file is empty", path)
    warnings: list[str] = []
    text: str | None = None
    encoding = "utf-8"
    evidence: Evidence = "utf-8"
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(bom_encoding)
            except UnicodeDecodeError:
                raise DocdiffError(f"not valid {bom_encoding.upper()} text despite its byte order mark", path) from None
            encoding, evidence = bom_encoding, "bom"
            break
    else:
        if b"\x00" in data:
            raise DocdiffError("binary data, not text", path)
        cut = _cut_utf8_character(data)
        if cut is not None:
            problem = (f"the file ends in the middle of a UTF-8 character (bytes {cut:,}–{len(data) - 1:,} "
                       f"of {len(data):,}): it looks truncated")
            if strict:
                raise DocdiffError(problem, path)
            text = data[:cut].decode("utf-8") + "\ufffd"
            warnings.append(f"{problem}; the cut character is read as U+FFFD")
        else:
            for encoding in FALLBACK_ENCODINGS:
                try:
                    text = data.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            if encoding != "utf-8":
                evidence = "weak"
    if text is None:
        raise DocdiffError("cannot decode the text as UTF-8, UTF-16 or GB18030", path)
    if _looks_binary(text):
        raise DocdiffError("binary data, not text", path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise DocdiffError("the file is empty", path)
    return Reading(text, "text", encoding, evidence, tuple(warnings))


def _cut_utf8_character(data: bytes) -> int | None:
    """The offset of a UTF-8 character cut off at the end of ``data``, when
    everything before it is valid UTF-8; else ``None``."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # the decoder reports an incomplete sequence that runs to the end as "unexpected end of data"
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            return exc.start
    return None


#: C0 and C1 control characters other than tab, newline, CR, vertical tab, form feed.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    """Text has (almost) no control characters; binary data has many."""
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 1000)
