"""Bytes to text: the only place that touches encodings and line ends."""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path


class DocdiffError(Exception):
    """The one error docdiff raises for input it cannot use.

    Its message names the file (where there is one) and the reason, in one line.
    """

    def __init__(self, reason: str, path: str | os.PathLike[str] | None = None) -> None:
        self.reason = reason
        self.path = None if path is None else os.fspath(path)
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


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


def decode(data: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """Decode the bytes of an edition into NFC text with ``\\n`` line ends.

    Raises ``DocdiffError`` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise DocdiffError("the file is empty", path)
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise DocdiffError(f"not valid {encoding.upper()} text despite its byte order mark", path) from None
            break
    else:
        if b"\x00" in data:
            raise DocdiffError("binary data, not text", path)
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if text is None:
        raise DocdiffError("cannot decode the text as UTF-8, UTF-16 or GB18030", path)
    if _looks_binary(text):
        raise DocdiffError("binary data, not text", path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise DocdiffError("the file is empty", path)
    return text


#: C0 and C1 control characters other than tab, newline, CR, vertical tab, form feed.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    """Text has (almost) no control characters; binary data has many."""
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 1000)


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a file of an edition as text (see ``decode``)."""
    p = Path(path)
    try:
        if p.is_dir():
            raise DocdiffError("is a directory, not a file", path)
        data = p.read_bytes()
    except DocdiffError:
        raise
    except FileNotFoundError:
        raise DocdiffError("no such file", path) from None
    except PermissionError:
        raise DocdiffError("permission denied", path) from None
    except OSError as exc:
        raise DocdiffError(f"cannot read: {exc.strerror or exc}", path) from None
    return decode(data, path)
