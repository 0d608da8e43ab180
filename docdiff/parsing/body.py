"""Stage 2: where the body starts (the headings just before paragraph 1); and what may be a heading line."""

from __future__ import annotations

from .. import conventions as cv
from .lines import Line, display_width, is_reader_heading


def paragraph_number(line: Line, by_reader: bool = False) -> int | None:
    """The number of the paragraph ``line`` opens, or None: as printed at the
    start of its text, or, where the reader numbers paragraphs (``by_reader``),
    the reader's number and nothing else."""
    if by_reader:
        return line.block.number if line.block is not None else None
    match = cv.numbered_paragraph(line.text)
    return int(match["number"]) if match else None


def paragraph_text(line: Line, by_reader: bool = False) -> str:
    """The text of the paragraph ``line`` opens, without its number."""
    if by_reader and line.block is not None:
        return line.text.removeprefix(line.block.label).lstrip()
    match = cv.NUMBERED_PARAGRAPH.match(line.text)
    assert match is not None
    return match["text"]


def find_body(content: list[Line], by_reader: bool = False, numbers: list[int | None] | None = None) -> int | None:
    """Index of the first body line: the headings right before a paragraph 1
    (where the reader numbers paragraphs: before the first of its numbers that
    the next one follows, or its first, wherever the numbering starts).
    ``numbers``: each line's ``paragraph_number``, where the caller has them."""
    if numbers is None:
        numbers = [paragraph_number(ln, by_reader) for ln in content]
    if by_reader:
        numbered = [(i, n) for i, n in enumerate(numbers) if n is not None]
        follows = (i for (i, n), (_, m) in zip(numbered, numbered[1:]) if m == n + 1)
        first = next(follows, numbered[0][0] if numbered else None)
        return None if first is None else headings_above(content, first)
    ones = [i for i, n in enumerate(numbers) if n == 1]
    # paragraph 1 is the one that paragraph 2 follows (a "1." in the masthead is not)
    last_two = max((i for i, n in enumerate(numbers) if n == 2), default=-1)
    first = next((i for i in ones if i < last_two), ones[0] if ones else None)
    if first is None:
        return _body_without_paragraph_1(content, numbers)
    return headings_above(content, first)


def _body_without_paragraph_1(content: list[Line], numbers: list[int | None]) -> int | None:
    """Where the source lost the "1." (and kept the paragraph's text), the body
    starts at the heading of part one above the first "2." that a "3." follows;
    without such a heading, at that "2."."""
    numbered = [i for i, n in enumerate(numbers) if n is not None]
    two = next((i for i, after in zip(numbered, numbered[1:]) if numbers[i] == 2 and numbers[after] == 3), None)
    if two is None:
        return None
    part_one = part_one_above(content, two)
    return headings_above(content, two if part_one is None else part_one + 1)


#: How far above paragraph 2 the heading of part one may stand when paragraph 1
#: lost its number (the lines of paragraph 1 lie between them).
LOST_PARAGRAPH_LINES = 40


def part_one_above(lines: list[Line], index: int) -> int | None:
    """The nearest heading of part one (I., 一.) above ``lines[index]``, not
    beyond the front matter's last line."""
    for k in range(index - 1, max(index - 1 - LOST_PARAGRAPH_LINES, -1), -1):
        text = lines[k].text
        if is_front_marker(text):
            return None
        match = cv.PART_HEADING.match(text)
        if match and cv.part_value(match["number"]) == 1 and heading_line(lines[k]):
            return k
    return None


def headings_above(content: list[Line], first: int) -> int:
    """``first``, or the heading lines right above it that open the body."""
    start, part = first, None
    while start > 0:
        candidate = content[start - 1].text
        if not heading_line(content[start - 1]) or is_front_marker(candidate):
            break
        match = cv.PART_HEADING.match(candidate)
        value = cv.part_value(match["number"]) if match else None
        if value is not None:
            # Parts above the body's first one count down to it (an empty part I);
            # any other is the last line of the table of contents.
            if part is not None and value != part - 1:
                break
            part = value
        elif part is not None:
            break
        start -= 1
    return start


def is_front_marker(text: str) -> bool:
    return any(p.match(text) for p in (cv.REPORT_OF, cv.SUMMARY, cv.CONTENTS, cv.CONTENTS_HEADER)) or bool(
        cv.CONTENTS_ENTRY.match(text)
    )


#: Headings are short: an unnumbered one fits this many columns, a numbered one more.
MAX_HEADING_WIDTH = 130
MAX_NUMBERED_HEADING_WIDTH = 260


def heading_line(line: Line) -> bool:
    """Could this line be (part of) a heading?  Yes where the reader says it is
    one; otherwise as its text looks (``is_heading_line``)."""
    return is_reader_heading(line) or is_heading_line(line.text)


def is_heading_line(text: str) -> bool:
    """Could this line be (part of) a heading?  Headings are short and never end
    a sentence; numbered paragraphs and footnotes are not headings."""
    if cv.numbered_paragraph(text) or cv.is_list_item(text):
        return False
    numbered = cv.PART_HEADING.match(text) or cv.SUBSECTION_HEADING.match(text)
    # a long numbered title may wrap after a semicolon ("…Chemical Weapons;" /
    # "cooperation between…"); a full stop ends a sentence, never a heading
    if cv.ends_sentence(text) and not (numbered and text.rstrip()[-1:] in ";；:："):
        return False
    return display_width(text) <= (MAX_NUMBERED_HEADING_WIDTH if numbered else MAX_HEADING_WIDTH)
