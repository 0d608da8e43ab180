"""The hand-off type of the parser pipeline: ``Line``, one line of an edition's text.

A reader (``docdiff.readers``) lays an edition out as text and says what it
knows beyond the text (``readers.Reading``); the pipeline cuts the text into
``Line``s, each carrying

- its place: ``number``, the 1-based line of the text;
- its ``text`` (stripped, runs of white space folded to one space) and its
  ``raw`` form, whose leading spaces and tabs are the line's position on the
  page (``indent``: PDF text keeps a page's columns and indents as spaces;
  blank lines part paragraphs);
- its ``page``: the 1-based page the reader says the line is on (``Reading.pages``:
  the line each page starts at — a PDF's pages, a Word document's where it
  records where its pages fell), ``None`` where the reader does not know the
  pages (text, a Word document that does not record them).  Where the lines know no page, an empty line
  (no white space) parts the pages of PDF text, as the PDF reader lays pages
  out and as the real editions' text files have them.  Where the reader gives
  the pages, the stages take them instead (``page_breaks``, ``page_separator``:
  the running heads and notes at each page's edges, a paragraph that goes on
  over a page break), an empty line inside a page is a blank line like any
  other, and the model's paragraph gets the page it starts on (``Paragraph.page``);
- ``block``: what a reader that knows more than the text (Word: styles, outline
  levels, automatic numbers) says of the paragraph it read that starts at this
  line (``Reading.blocks``; ``None`` for text and PDF, and on a paragraph's
  later lines).  The stages take what it says instead of guessing it from the text:

  - ``role`` ``"heading"`` (a heading style or an outline level): the line is a
    heading, at ``level`` (0 the top) — whatever its text looks like;
  - ``number``: the paragraph number the reader's numbering printed before the
    text (``label``, as the text starts with it).  Where a reader numbers any
    paragraph, its numbers are the only paragraph numbers: a paragraph it does not
    number is not a numbered paragraph, whatever number its text starts with.

Also here: the measures the stages share (``indent``, ``display_width``,
``blocks``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Literal

from .. import conventions as cv
from ..record import Record, record

Role = Literal["heading", "paragraph"]

_set = object.__setattr__  # how a frozen record's __init__ sets its fields
# (records, not dataclasses, as the model's: making the two dataclasses cost
# 0.9 ms of every run, and a Line is made for every line of every edition)


@record(frozen=True)
class Block(Record):
    """What a reader knows of one paragraph of the source (see the module)."""

    __slots__ = ("role", "level", "number", "label")

    role: Role
    level: int | None  #: a heading's outline level, 0 the top; None where not a heading
    number: int | None  #: the paragraph number the source's numbering printed, if a plain number
    label: str  #: what the numbering printed before the text ("25.", "I.", "(a)"), "" if none

    def __init__(self, role: Role, level: int | None = None, number: int | None = None, label: str = "") -> None:
        _set(self, "role", role)
        _set(self, "level", level)
        _set(self, "number", number)
        _set(self, "label", label)


@record(frozen=True)
class Line(Record):
    __slots__ = ("number", "text", "raw", "block", "page")

    number: int  # 1-based line number in the source
    text: str  # stripped, runs of white space folded to one space
    raw: str
    block: Block | None  # what the reader knows of the paragraph this line starts
    page: int | None  # the 1-based page the reader says the line is on; None where it does not know

    def __init__(self, number: int, text: str, raw: str, block: Block | None = None, page: int | None = None) -> None:
        _set(self, "number", number)
        _set(self, "text", text)
        _set(self, "raw", raw)
        _set(self, "block", block)
        _set(self, "page", page)


def page_breaks(lines: list[Line]) -> list[int]:
    """The line numbers at which the reader says a new page starts, page 2 on
    (``Line.page``), in order; empty where the reader gives no pages."""
    if not lines or lines[-1].page is None:  # (the last line is on a page wherever pages are known)
        return []
    return [ln.number for above, ln in zip(lines, lines[1:]) if ln.page != above.page and above.page is not None]


def page_separator(line: Line, following: Line | None) -> bool:
    """Whether an empty line (no white space) parts two pages: always in text
    whose lines know no page (PDF text's convention); where the reader gives the
    pages, only where the next line is on another page (the PDF reader's empty
    line between pages) — elsewhere it is a blank line."""
    if line.raw != "":
        return False
    return line.page is None or following is None or following.page != line.page


def is_reader_heading(line: Line) -> bool:
    """The reader says this line is a heading (a Word heading style)."""
    return line.block is not None and line.block.role == "heading"


def numbered_by_reader(lines: Iterable[Line]) -> bool:
    """Does the reader number paragraphs (then its numbers are the only ones)?"""
    return any(ln.block is not None and ln.block.number is not None for ln in lines)


def fold(raw: str) -> str:
    # (a line with no white space but single inner spaces is folded already: every
    # white space character but the space is unprintable, and most lines are so)
    if raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " ":
        return raw
    folded = " ".join(raw.split())
    return raw if folded == raw else folded  # one string, not two equal ones, for most lines


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines with no blank line between them (a blank line parts paragraphs)."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if blocks and ln.number == blocks[-1][-1].number + 1:
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    return blocks


def indent(line: Line) -> int:
    raw = line.raw
    if not raw[:1].isspace():  # (most lines: nothing to strip)
        return 0
    expanded = raw.expandtabs()
    return len(expanded) - len(expanded.lstrip())


def display_width(text: str) -> int:
    # Every body line is measured (``wrap_width``): per-character calls to
    # unicodedata were most of the parse time, so ASCII lines skip them and the
    # answer per character is cached.
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_is_wide, text))


_is_wide = functools.lru_cache(maxsize=None)(cv.is_wide)
