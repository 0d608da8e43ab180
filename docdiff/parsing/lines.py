"""The hand-off type of the parser pipeline: ``Line``, one line of an edition's text.

A reader (``docdiff.readers``) lays an edition out as text; the pipeline cuts it
into ``Line``s, each carrying its place (``number``, the 1-based line of the
text), its ``text`` (stripped, runs of white space folded to one space) and its
``raw`` form, whose leading spaces and tabs are the line's position on the page
(``indent``: PDF text keeps a page's columns and indents as spaces; blank lines
part paragraphs; an empty line (no white space) parts the pages of PDF text).
Also here: the measures the stages share (``indent``, ``display_width``,
``blocks``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import conventions as cv


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source
    text: str  # stripped, runs of white space folded to one space
    raw: str


def fold(raw: str) -> str:
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
    return len(line.raw.expandtabs()) - len(line.raw.expandtabs().lstrip())


def display_width(text: str) -> int:
    # Every body line is measured (``wrap_width``): per-character calls to
    # unicodedata were most of the parse time, so ASCII lines skip them and the
    # answer per character is cached.
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_is_wide, text))


_is_wide = functools.lru_cache(maxsize=None)(cv.is_wide)
