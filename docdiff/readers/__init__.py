"""Files to text: every input format docdiff reads, told apart by its content.

``read(path)`` opens one regular file (or ``-``, standard input), refuses what
is not one, or larger than ``max_size``, and hands the bytes to the reader the
first bytes name — never the file name's extension:

=====================  ==========================================================
first bytes            reader
=====================  ==========================================================
``%PDF-``              ``readers.pdf`` (PDF)
``PK\\x03\\x04`` (zip)   ``readers.docx`` (Word .docx; OpenDocument text converted)
``D0 CF 11 E0`` (OLE2)  old Word ``.doc``: converted with LibreOffice when present
``{\\rtf``              RTF: converted with LibreOffice when present
anything else          ``readers.text`` (a text encoding, decided with evidence)
=====================  ==========================================================

Each reader returns a ``Reading``: the text laid out as the parser reads text
(one paragraph per block, blank lines between), what the reader knows about
how it got it — the encoding and how sure it is, and warnings for the reader of
the report — and, where the source says more than its text (Word's styles and
numbering), that too: a ``parsing.lines.Block`` for the paragraph that starts at
each line (``Reading.blocks``), which the parser takes instead of guessing; and
where the source knows its pages (a PDF's pages, the pages a Word document
records), the line
each page starts at (``Reading.pages``), which the parser takes instead of the
empty line that parts the pages of a PDF's text.
``DocdiffError`` (one line, naming the file) for anything unusable.

A reader is a module here with ``read(data: bytes, path) -> Reading``.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar, Literal

from ..errors import DocdiffError
from ..record import Record, record

if TYPE_CHECKING:
    from ..parsing.lines import Block

#: The largest input read by default, in bytes. A real edition is far smaller
#: (the seeds' reports are 75 KB of text; a report's PDF or .docx, images
#: included, is a few MB), so this only stops input that is not an edition —
#: a disk image, a log, /dev/zero — before it exhausts memory.
DEFAULT_MAX_SIZE = 64 * 1024 * 1024

#: How the text's encoding was known:
#: ``"bom"`` a byte order mark; ``"utf-8"`` valid UTF-8 (or plain ASCII) throughout;
#: ``"detected"`` decided by charset-normalizer from the bytes, clearly;
#: ``"weak"`` decided by charset-normalizer on little evidence (a warning says so);
#: ``"container"`` the format states it (.docx, PDF).
Evidence = Literal["bom", "utf-8", "detected", "weak", "container"]


#: ``Reading.blocks`` where the reader knows only the text: empty, and read-only.
_NO_BLOCKS: Mapping[int, Block] = MappingProxyType({})


@record(frozen=True)
class Reading(Record):
    """What a reader made of one input.

    ``text`` is NFC with ``\\n`` line ends, laid out as an edition's text file is:
    one paragraph per block, blank lines between, numbers as printed.
    ``format`` names what was read (``"text"``, ``"docx"``, ``"pdf"``, or
    ``"doc"``/``"odt"``/``"rtf"`` when converted), ``encoding`` the text encoding
    used (a Python codec name such as ``"utf-8"``, ``"cp1252"``, ``"big5"``;
    ``None`` where the format carries its own), ``evidence`` how that encoding was
    known (see ``Evidence``), and ``warnings`` what the reader of a report should
    know about the reading (a detected encoding on weak evidence, a damaged
    UTF-8 sequence, tracked changes, a conversion).  ``blocks`` what the
    source says of its paragraphs, by the 1-based line of ``text`` each starts
    at (the .docx reader: role, heading level, Word's paragraph number); empty
    where the reader knows only the text (text, PDF).  ``pages``: the 1-based
    line of ``text`` each page starts at, page 1 first (a PDF's pages; a Word
    document's, where it records where its pages fell); empty where the reader
    does not know the pages (text, a Word document that does not record them).

    (A frozen record, not a dataclass: the only dataclass of ``import docdiff``,
    it made that import load ``dataclasses`` and ``inspect``, 1.5 ms.)
    """

    __slots__ = ("text", "format", "encoding", "evidence", "warnings", "blocks", "pages")
    _uncompared = _unshown = ("blocks", "pages")
    _factories: ClassVar[dict[str, Callable[[], object]]] = {"blocks": dict}

    text: str
    format: str
    encoding: str | None
    evidence: Evidence
    warnings: tuple[str, ...]
    blocks: Mapping[int, Block]
    pages: tuple[int, ...]

    def __init__(self, text: str, format: str = "text", encoding: str | None = "utf-8",
                 evidence: Evidence = "utf-8", warnings: tuple[str, ...] = (),
                 blocks: Mapping[int, Block] = _NO_BLOCKS, pages: tuple[int, ...] = ()) -> None:
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "format", format)
        _set(self, "encoding", encoding)
        _set(self, "evidence", evidence)
        _set(self, "warnings", warnings)
        _set(self, "blocks", blocks)
        _set(self, "pages", pages)

    @property
    def description(self) -> str:
        """A short phrase for a report's header: how the input was read, or ``""``
        for what needs no mention (UTF-8 text)."""
        if self.format == "text":
            if self.evidence in ("bom", "utf-8") and self.encoding in ("utf-8", "utf-8-sig", "ascii"):
                return ""
            how = {"bom": "byte order mark", "utf-8": "", "detected": "detected",
                   "weak": "detected, weak evidence", "container": ""}[self.evidence]
            return f"{self.encoding}" + (f" ({how})" if how else "")
        return {"docx": "Word .docx", "pdf": "PDF", "doc": "Word .doc (converted)",
                "odt": "OpenDocument text (converted)", "rtf": "RTF (converted)"}.get(self.format, self.format)


#: What the first bytes of a file say it is (checked in this order).
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PDF = b"%PDF-"
_RTF = b"{\\rtf"


def sniff(data: bytes) -> str:
    """The format the first bytes name: ``"pdf"``, ``"zip"``, ``"ole2"``, ``"rtf"`` or ``"text"``."""
    head = data[:8]
    if head.startswith(_PDF):
        return "pdf"
    if head.startswith((_ZIP, b"PK\x05\x06")):  # (the latter: an empty zip)
        return "zip"
    if head.startswith(_OLE2):
        return "ole2"
    if head.startswith(_RTF):
        return "rtf"
    return "text"


def read_bytes(data: bytes, path: str | os.PathLike[str] | None = None, *, strict: bool = False,
               max_size: int = DEFAULT_MAX_SIZE) -> Reading:
    """Read the bytes of an edition in whatever format they are (see the module's table)."""
    kind = sniff(data)
    if kind == "pdf":
        from . import pdf

        return pdf.read(data, path)
    if kind in ("zip", "ole2", "rtf"):
        from . import docx

        return docx.read(data, path, kind=kind, max_size=max_size)
    from . import text

    return text.read(data, path, strict=strict)


def read(path: str | os.PathLike[str], *, strict: bool = False, max_size: int = DEFAULT_MAX_SIZE) -> Reading:
    """Read one edition from a regular file, or from standard input for ``"-"``.

    Only regular files are read (a FIFO, a device such as /dev/zero, a directory
    is refused at once, without blocking), and only up to ``max_size`` bytes.
    ``strict`` makes damage that is otherwise a warning (a UTF-8 character cut
    off) an error.
    """
    data = _read_stdin(max_size) if os.fspath(path) == "-" else read_regular_file(path, max_size)
    return read_bytes(data, path, strict=strict, max_size=max_size)


def _too_large(size: int, max_size: int) -> str:
    return f"larger than the limit of {max_size:,} bytes ({size:,} or more); raise it with --max-size if this is an edition"


def _read_stdin(max_size: int) -> bytes:
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise DocdiffError("standard input is closed", "-")
    try:
        chunks, size = [], 0
        while size <= max_size:  # in pieces: read(max_size) would allocate the whole limit at once
            chunk = stream.read(min(1 << 20, max_size + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise DocdiffError(f"cannot read: {exc.strerror or exc}", "-") from None
    if len(data) > max_size:
        raise DocdiffError(_too_large(len(data), max_size), "-")
    return data


def read_regular_file(path: str | os.PathLike[str], max_size: int) -> bytes:
    """The bytes of a regular file, at most ``max_size`` of them: anything else
    (a directory, a device, a FIFO, a file past the limit) a ``DocdiffError``."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise DocdiffError(_not_regular(info.st_mode), path)
        # O_NONBLOCK: should the path have become a FIFO since the stat, open does not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb", closefd=True) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise DocdiffError(_not_regular(info.st_mode), path)
            if info.st_size > max_size:
                raise DocdiffError(_too_large(info.st_size, max_size), path)
            # as many bytes as the file holds (a buffer of max_size would be allocated whole),
            # and, should it have grown since the stat, the rest up to the limit
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(max_size + 1 - len(data))
    except DocdiffError:
        raise
    except FileNotFoundError:
        raise DocdiffError("no such file", path) from None
    except PermissionError:
        raise DocdiffError("permission denied", path) from None
    except IsADirectoryError:
        raise DocdiffError("is a directory, not a file", path) from None
    except OSError as exc:
        raise DocdiffError(f"cannot read: {exc.strerror or exc}", path) from None
    if len(data) > max_size:
        raise DocdiffError(_too_large(len(data), max_size), path)
    return data


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a regular file; to read a stream, give '-' and pipe it to standard input"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "not a regular file"


def read_text(path: str | os.PathLike[str], *, strict: bool = False, max_size: int = DEFAULT_MAX_SIZE) -> str:
    """The text of one edition from a file of any format ``read`` takes."""
    return read(path, strict=strict, max_size=max_size).text


def decode(data: bytes, path: str | os.PathLike[str] | None = None, *, strict: bool = False) -> str:
    """Decode the bytes of a text edition into NFC text with ``\\n`` line ends
    (see ``readers.text``). Raises ``DocdiffError`` for empty, binary or
    undecodable input."""
    from . import text

    return text.read(data, path, strict=strict).text


__all__ = ["DEFAULT_MAX_SIZE", "DocdiffError", "Evidence", "Reading", "decode", "read", "read_bytes",
           "read_text", "sniff"]
