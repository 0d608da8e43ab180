"""docdiff: what changed between two editions of a structured UN report.

    >>> import docdiff
    >>> old = docdiff.load("seeds/A_65_382-S_2010_490.zh.txt")
    >>> old.paragraph_count
    191
"""

from __future__ import annotations

import os

from .model import (Comparison, ContentsEntry, Document, FrontMatter, Metadata, MetadataChange,
                    Paragraph, ParagraphChange, Section, SectionChange)
from .compare import compare
from .history import History, history
from .parser import parse
from .reader import DocdiffError, decode, read_text

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
