"""Documented derivations of test editions from real ones.

``to_pdf_layout`` turns an edition with one line per paragraph into the layout
of text extracted from a PDF (as ``shared/docs/un-layouts.md`` describes it):
every line hard-wrapped at ``width`` columns, the paragraph number followed by
several spaces and the wrapped lines indented, and pages of ``page_lines`` lines
with running heads (the symbols on their own lines) at the top and a footer (job
number and page number) at the bottom — so page furniture falls between the
lines of a paragraph.  Nothing else changes.
"""

from __future__ import annotations

import re
import unicodedata

NUMBERED = re.compile(r"^(\d+)\.\s*(.*)$")


def width_of(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Greedy wrap: at spaces for alphabetic text, anywhere between wide characters."""
    lines: list[str] = []
    current = ""
    for token in re.findall(r"[^\s\u3000-\u9fff\uff00-\uffef]+\s*|[\u3000-\u9fff\uff00-\uffef]|\s+", text):
        if current and width_of(current + token.rstrip()) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    if current.strip():
        lines.append(current.rstrip())
    return lines


def to_pdf_layout(text: str, width: int = 80, page_lines: int = 40, heads: tuple[str, ...] = ("A/65/382", "S/2010/490"),
                  job: str = "10-54243", body_from: int = 0) -> str:
    out: list[str] = []
    for index, line in enumerate(text.split("\n")):
        if index < body_from or width_of(line) <= width:
            out.append(line)
            continue
        match = NUMBERED.match(line)
        if match:
            prefix = f"{match[1]}.     "
            pieces = wrap(match[2], width - len(prefix))
            out.append(prefix + pieces[0])
            out.extend(" " * len(prefix) + piece for piece in pieces[1:])
        else:
            out.extend(wrap(line, width))
    pages: list[str] = []
    for page, start in enumerate(range(0, len(out), page_lines), start=1):
        body = out[start:start + page_lines]
        head = [] if page == 1 else [*heads, ""]
        foot = ["", f"{job}      {page}" if page % 2 else f"{page}      {job}", "\f"]
        pages.append("\n".join(head + body + foot))
    return "\n".join(pages)
