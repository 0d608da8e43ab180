"""docdiff: what changed between two editions of a structured UN report.

    >>> import docdiff
    >>> old = docdiff.load("seeds/A_65_382-S_2010_490.zh.txt")
    >>> old.paragraph_count
    191
"""

from __future__ import annotations

import os

from .model import (TYPE_CHECKING, Comparison, ContentsEntry, Document, FrontMatter, Metadata, MetadataChange,
                    Paragraph, ParagraphChange, Section, SectionChange)
from .compare import compare
from .parser import parse
from .reader import DocdiffError, decode, read_text

if TYPE_CHECKING:
    from .lineage import History, history

__version__ = "0.1.0"


def load(path: str | os.PathLike[str]) -> Document:
    """Read and parse one edition from a file."""
    return parse(read_text(path), source=os.fspath(path))


__all__ = [
    "Comparison", "ContentsEntry", "DocdiffError", "Document", "FrontMatter", "Metadata",
    "MetadataChange", "Paragraph", "ParagraphChange", "Section", "SectionChange",
    "compare", "decode", "load", "parse", "read_text", "__version__",
    "History", "history",
]


def __dir__() -> list[str]:
    return sorted(set(globals()) | {"History", "history"})


def __getattr__(name: str) -> object:
    """``History`` and ``history`` (many editions), imported on first use: a
    comparison of two editions does without them."""
    if name in ("History", "history"):
        from . import lineage

        globals().update(History=lineage.History, history=lineage.history)
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
