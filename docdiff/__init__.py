"""docdiff: what changed between two editions of a structured UN report.

    >>> import docdiff
    >>> old = docdiff.load("seeds/A_65_382-S_2010_490.zh.txt")
    >>> old.paragraph_count
    191
"""

from __future__ import annotations

import os

try:
    from .compare import compare
    from .errors import DocdiffError
    from .model import (
        TYPE_CHECKING,
        Comparison,
        ContentsEntry,
        Document,
        FrontMatter,
        Metadata,
        MetadataChange,
        Paragraph,
        ParagraphChange,
        Section,
        SectionChange,
    )
    from .parsing import parse
    from .readers import DEFAULT_MAX_SIZE, Reading, decode, read, read_text
    from .record import replace
    from .similarity import CompareOptions
except KeyboardInterrupt:  # Ctrl-C as the command starts: one line, not a traceback (see _program)
    from ._program import interrupted_while_importing

    interrupted_while_importing()
    raise

if TYPE_CHECKING:
    from .lineage import History, history

__version__ = "0.1.0"


def load(path: str | os.PathLike[str], *, strict: bool = False, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """Read and parse one edition from a file of any format docdiff reads
    (text, .docx, PDF: see ``docdiff.readers``), or standard input for ``"-"``.

    What the reader warns about (a guessed encoding, a cut character, tracked
    changes) comes first in the document's ``warnings``. ``strict`` turns a
    damaged input into a ``DocdiffError``; ``max_size`` caps the bytes read.
    """
    return parse_reading(read(path, strict=strict, max_size=max_size), os.fspath(path))


def parse_reading(reading: Reading, source: str | None = None) -> Document:
    """Parse what a reader read; its warnings come first in the document's, and a
    text encoding other than UTF-8 is named in ``Document.encoding``."""
    document = parse(reading.text, source=source, blocks=reading.blocks, pages=reading.pages)
    encoding = reading.description if reading.format == "text" and reading.description else None
    if reading.warnings or encoding:
        document = replace(document, warnings=reading.warnings + document.warnings, encoding=encoding)
    return document


__all__ = [
    "CompareOptions", "Comparison", "ContentsEntry", "DEFAULT_MAX_SIZE", "DocdiffError", "Document", "FrontMatter", "Metadata",
    "MetadataChange", "Paragraph", "ParagraphChange", "Reading", "Section", "SectionChange",
    "compare", "decode", "load", "parse", "read", "read_text", "__version__",
    "History", "history", "batch",
]


def __dir__() -> list[str]:
    return sorted(set(globals()) | {"History", "history", "batch"})


def __getattr__(name: str) -> object:
    """``History`` and ``history`` (many editions), and ``batch`` (whole
    sessions; a module one calls as a function), imported on first use: a
    comparison of two editions does without them."""
    if name in ("History", "history"):
        from . import lineage

        globals().update(History=lineage.History, history=lineage.history)
        return globals()[name]
    if name == "batch":
        import importlib

        return importlib.import_module(".batch", __name__)  # which sets the attribute
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
