"""The fallback: a text without numbered paragraphs, read as blank-line-separated paragraphs."""

from __future__ import annotations

from ..model import Metadata, Paragraph, Section
from .furniture import page_furniture
from .joining import Vocabulary, join_lines
from .lines import Line


def parse_unstructured(lines: list[Line], metadata: Metadata) -> tuple[Section, ...]:
    """Text without numbered paragraphs: blank-line-separated blocks, numbered in order."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    furniture = {ln.number for ln in page_furniture(lines)}
    for ln in lines:
        if ln.text and ln.number not in furniture:
            if not current:
                start = ln.number
            current.append(ln.text)
        elif current and not ln.text:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    vocabulary = Vocabulary("\n".join(ln.text for ln in lines))
    paragraphs = tuple(Paragraph(i + 1, join_lines(block, vocabulary), line) for i, (line, block) in enumerate(blocks))
    return (Section("section", metadata.title or "", None, paragraphs),) if paragraphs else ()
