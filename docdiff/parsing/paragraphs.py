"""Stage 4: the body read into paragraphs: numbered paragraphs are recognised in
sequence only; the lines between two are split into the previous paragraph's
continuation and the next headings (``split_run``); the tree is built by ``tree.TreeBuilder``.
"""

from __future__ import annotations

import re
from collections import Counter

from .. import conventions as cv
from ..model import ContentsEntry, Paragraph, Section
from ..similarity import title_key
from .body import heading_line, headings_above, is_heading_line, paragraph_number, paragraph_text, part_one_above
from .headings import is_item_heading, is_numbered_heading, join_headings, wrap_width
from .joining import Vocabulary, join_lines
from .lines import Line, blocks, indent, is_reader_heading
from .tree import TreeBuilder


def read_body(body: list[Line], contents: tuple[ContentsEntry, ...], vocabulary: Vocabulary, by_reader: bool = False,
              numbers: list[int | None] | None = None) -> tuple[tuple[Section, ...], list[str]]:
    """The body's tree (the annexes after it among its sections, ``_add_annexes``) and warnings.  ``by_reader``: the reader
    numbers the paragraphs (``lines.numbered_by_reader``), and its numbers are
    taken as they are — no sequence is guessed, a "1." it prints starts the
    numbering again, and a line it does not number is no numbered paragraph.
    ``numbers``: each line's ``paragraph_number``, where the caller has them."""
    toc_titles = {title_key(entry.title) for entry in contents}
    longest_title = max(map(len, toc_titles), default=0)
    wrap = wrap_width(body)
    builder = TreeBuilder()
    warnings: list[str] = []
    if numbers is None:
        numbers = [paragraph_number(ln, by_reader) for ln in body]
    numbered = list(enumerate(numbers))
    candidates = [(i, n) for i, n in numbered if n is not None]

    expected = 1
    current: list[str] | None = None  # text pieces of the open paragraph
    current_number, current_line, current_at = 0, 0, -1  # (current_at: its line's place in body)
    pending: list[Line] = []

    def close_paragraph() -> None:
        if current is not None:
            builder.paragraph(Paragraph(current_number, join_lines(current, vocabulary), current_line))

    # Where paragraph numbers stand in a column of their own (PDF text), a number
    # indented like the wrapped lines, after a line that did not end its sentence,
    # and followed by the same number again, is text that wrapped ("rose to / 2.").
    indents = Counter(indent(body[i]) for i, _ in candidates)
    number_indent = indents.most_common(1)[0][0] if indents else 0
    next_numbers = {i: [m for _, m in candidates[idx + 1: idx + 3]] for idx, (i, _) in enumerate(candidates)}
    place = {i: idx for idx, (i, _) in enumerate(candidates)}

    for i, line in enumerate(body):
        n = numbered[i][1]
        previous = pending[-1].text if pending else (current[-1] if current else None)
        if n == 1 and current is not None and (expected > 1 if by_reader else restarts(
                expected, [m for _, m in candidates[place[i] + 1:place[i] + 1 + RESTART_LOOKAHEAD]])):
            # Numbering starts again at 1 (an annex, a second document after the
            # first, an edition pasted twice): its paragraphs are read as such, under
            # the headings above them, at the top of the tree (in the annex that
            # opens above them, where one does).
            start = headings_above(pending, len(pending))
            between = pending[:start]
            cut = 0
            if between and not cv.ends_sentence(current[-1]):  # a page break cut the last paragraph
                cut = 1
                while cut < len(between) and _continues_paragraph(between[cut - 1].text, between[cut], toc_titles):
                    cut += 1
            current.extend(ln.text for ln in between[:cut])
            close_paragraph()
            builder.restart()
            annex_at = cut + _annex_start(pending[cut:], current[-1])
            if annex_at < len(pending):
                warnings.append(f"paragraph numbering restarts at 1 after {expected - 1} (line {line.number}): "
                                f"the paragraphs of the annex \"{pending[annex_at].text}\" are numbered anew")
                _front_and_headings(builder, pending[cut:annex_at], start - cut, vocabulary, toc_titles, wrap,
                                    longest_title)
                builder.annex(pending[annex_at].text)
                _front_and_headings(builder, pending[annex_at + 1:], start - annex_at - 1, vocabulary, toc_titles,
                                    wrap, longest_title)
            else:
                warnings.append(f"paragraph numbering restarts at 1 after {expected - 1} (line {line.number}): "
                                "the text from there is read as another document (or an annex), numbered anew")
                _front_and_headings(builder, pending[cut:], start - cut, vocabulary, toc_titles, wrap, longest_title)
            current, current_number, current_line, current_at = [paragraph_text(line, by_reader)], n, line.number, i
            expected, pending = 2, []
            continue
        # the number of the open paragraph again, with no number read since it
        # (a paragraph pasted twice): a paragraph of its own, and a warning
        # (headings between them: the sentence that ended stands above them)
        # (Word printing the open paragraph's number again says so itself)
        repeated = (n is not None and current is not None
                    and (n == current_number if by_reader else n == current_number  # (repeats_number's first test)
                         and candidates[place[i] - 1][0] == current_at
                         and any(repeats_number(n, current_number, next_numbers[i], text)
                                 for text in [current[-1], *(ln.text for ln in pending)])))
        if n is not None and (by_reader or repeated or (accept_number(n, expected, next_numbers[i])
                                                        and not _wrapped_number(line, n, number_indent, previous,
                                                                                next_numbers[i]))):
            number_lost = current is None and n > expected and not by_reader
            lost_at = part_one_above(pending, len(pending)) if number_lost else None
            if lost_at is not None:  # and the numbered headings right under it ("A. Background")
                while lost_at + 1 < len(pending) and is_numbered_heading(pending[lost_at + 1].text):
                    lost_at += 1
            if lost_at is not None and not all(heading_line(ln) for ln in pending[lost_at + 1:]):
                # Paragraph 1 lost its number: its text stands between the headings
                # of part one and this paragraph.
                lost = pending[lost_at + 1:]
                _add_headings(builder, pending[:lost_at + 1], toc_titles, wrap, vocabulary, longest_title)
                builder.paragraph(Paragraph(expected, join_lines([ln.text for ln in lost], vocabulary), lost[0].number))
                warnings.append(f"paragraph {expected} has no number: the text above paragraph {n} is taken "
                                f"for it (line {lost[0].number})")
                expected, pending = expected + 1, []
            if repeated:
                warnings.append(repeated_warning(n, line.number))
            elif n != expected:
                warnings.append(f"paragraph numbering starts at {n} (line {line.number})" if expected == 1 else
                                f"paragraph numbering jumps from {expected - 1} to {n} (line {line.number})")
            continuation, headings = _split_run(pending, current, toc_titles)
            if current is not None:
                current.extend(ln.text for ln in continuation)
            elif continuation:
                headings = continuation + headings
            close_paragraph()
            _headings_and_text(builder, headings, toc_titles, wrap, vocabulary, longest_title)
            current, current_number, current_line, current_at = [paragraph_text(line, by_reader)], n, line.number, i
            expected = n + 1
            pending = []
        else:
            pending.append(line)

    # An annex after the last paragraph is not part of the body: a section of its own.
    annex_at = _annex_start(pending, current[-1] if current else "。")
    annex = pending[annex_at:]
    pending = pending[:annex_at]
    continuation, headings = _split_run(pending, current, toc_titles, at_end=True)
    if current is not None:
        current.extend(ln.text for ln in continuation)
    close_paragraph()
    _headings_and_text(builder, headings, toc_titles, wrap, vocabulary, longest_title)
    # the body's paragraphs one a line, no blank line between them (a text of one line a paragraph, a .docx)
    one_a_line = wrap is None and sum(body[i - 1].number == body[i].number - 1 for i, _ in candidates if i) * 2 \
        > len(candidates)
    _add_annexes(builder, annex, toc_titles, wrap, vocabulary, longest_title, one_a_line)
    if expected - 1 > PLAUSIBLE_PARAGRAPHS:
        warnings.append(f"paragraph numbers reach {expected - 1}: more than one edition holds; "
                        "is the text several documents joined?")
    return builder.freeze(), warnings


def _front_and_headings(builder: TreeBuilder, lines: list[Line], start: int, vocabulary: Vocabulary,
                        toc_titles: set[str], wrap: int | None, longest_title: int) -> None:
    """What stands above paragraph 1 of numbering that starts again: the lines
    before ``start`` (the other document's front matter) one unnumbered
    paragraph, the lines from there on its headings."""
    start = max(start, 0)
    if lines[:start]:
        builder.paragraph(Paragraph(None, join_lines([ln.text for ln in lines[:start]], vocabulary), lines[0].number))
    _add_headings(builder, lines[start:], toc_titles, wrap, vocabulary, longest_title)


def _annex_start(lines: list[Line], before: str) -> int:
    """Where an annex opens among ``lines`` (after the text ``before`` them): a
    heading line "Annex" (``conventions.ANNEX``) after a finished sentence;
    ``len(lines)`` where none does."""
    return next((k for k, ln in enumerate(lines) if cv.ANNEX.match(ln.text) and heading_line(ln)
                 and cv.ends_sentence(lines[k - 1].text if k else before)), len(lines))


def _is_annex_line(block: list[Line]) -> bool:
    """A block that opens an annex: its first line "Annex", "Annex II", 附件 … alone."""
    return bool(cv.ANNEX.match(block[0].text)) and heading_line(block[0])


def _add_annexes(builder: TreeBuilder, lines: list[Line], toc_titles: set[str], wrap: int | None,
                 vocabulary: Vocabulary, longest_title: int, one_a_line: bool = False) -> None:
    """The annexes after the body (``lines`` start with the first one's "Annex"
    line): each a section at the top titled by that line, holding its headings
    and paragraphs.

    An annex sets its text out as it likes (lists, tables, a letter), with no
    numbered paragraphs to go by: a heading is told by where it stands, right
    above text.  Of the blocks (parted by blank lines), one that ends no
    sentence is a heading where the block below it is text (and wherever the
    reader says it is one); the block above such a heading is a heading too
    where it is numbered as a part or a subsection ("I.", "A."); every other
    block is a paragraph (the last one always), so that each word of an annex
    is compared.  Where the body's paragraphs stand on one line each, with no
    blank line between them (``one_a_line``), so do the annex's: each line is
    a block."""
    if not lines:
        return
    # (where paragraphs stand on one line each with no blank line between, as the body's do, each line is a block)
    found = [[ln] for ln in lines] if one_a_line else blocks(lines)
    pieces: list[list[Line]] = []
    for block in found:
        if _is_annex_line(block):
            pieces.append([block[0]])  # the "Annex" line alone: its title, below it, is a heading of its own
            if block[1:]:
                pieces.append(block[1:])
        else:
            pieces.append(block)
    heading = [False] * len(pieces)
    for k in range(len(pieces) - 2, -1, -1):
        block, below = pieces[k], pieces[k + 1]
        if _is_annex_line(block) or _is_annex_line(below) or _is_text_block(block, toc_titles) \
                or not all(heading_line(ln) for ln in block):
            continue
        if is_reader_heading(block[0]) or not heading[k + 1] or (is_numbered_heading(block[0].text) and not (k + 2 < len(pieces) and heading[k + 2])):
            heading[k] = True
    for block, is_heading in zip(pieces, heading):
        if _is_annex_line(block) and len(block) == 1:
            builder.annex(block[0].text)
        elif is_heading:
            _add_headings(builder, block, toc_titles, wrap, vocabulary, longest_title)
        else:
            builder.paragraph(Paragraph(None, join_lines([ln.text for ln in block], vocabulary), block[0].number))


#: More numbered paragraphs than any UN document holds (the longest reports
#: run to a few hundred): numbering past this is worth a warning.
PLAUSIBLE_PARAGRAPHS = 2000
#: How many paragraph numbers after a "1." are read to tell a restart of the
#: numbering from a list inside a paragraph (after which the old numbers go on).
RESTART_LOOKAHEAD = 10


def restarts(expected: int, following: list[int]) -> bool:
    """Does a "1." after paragraph ``expected - 1`` start the numbering again?
    Only where 2 and 3 follow it and the old numbering does not go on soon."""
    return expected > 2 and following[:2] == [2, 3] and expected not in following


def _headings_and_text(builder: TreeBuilder, lines: list[Line], toc_titles: set[str], wrap: int | None,
                       vocabulary: Vocabulary, longest_title: int) -> None:
    """The headings that open the next paragraph, and any unnumbered text under
    them: a run of lines (no blank line inside) that ends a sentence with a full
    stop (a heading never does; a wrapped numbered title may end a line with a
    semicolon) and opens with no heading number becomes an unnumbered paragraph."""
    if not lines:  # (most paragraphs follow the last with no heading between)
        return
    pending: list[Line] = []
    for block in blocks(lines):
        if _is_text_block(block, toc_titles):
            if pending:
                _add_headings(builder, pending, toc_titles, wrap, vocabulary, longest_title)
                pending = []
            builder.paragraph(Paragraph(None, join_lines([ln.text for ln in block], vocabulary), block[0].number))
        else:
            pending.extend(block)
    _add_headings(builder, pending, toc_titles, wrap, vocabulary, longest_title)


def _add_headings(builder: TreeBuilder, lines: list[Line], toc_titles: set[str], wrap: int | None,
                  vocabulary: Vocabulary, longest_title: int) -> None:
    """Heading lines, joined where a heading wraps, into the tree (at their
    levels where the reader knows them)."""
    for text, level in join_headings(lines, toc_titles, wrap, vocabulary, longest_title):
        builder.heading(text, level)


#: A footnote mark after a sentence's end ("…Council.2", "…小组。1").
_MARK_AT_END = re.compile(r"(?<=[.。!?！？\"”’)）])(?:\d{1,2}|\*{1,3})$")


def _is_text_block(block: list[Line], toc_titles: set[str]) -> bool:
    last = _MARK_AT_END.sub("", block[-1].text.rstrip()).rstrip("\"”’'»)）」』》】]")
    return last[-1:] in ".。!?！？" and not is_numbered_heading(block[0].text) and not is_reader_heading(block[0]) \
        and not any(title_key(ln.text) in toc_titles for ln in block)


def _wrapped_number(line: Line, n: int, number_indent: int, previous: str | None, following: list[int]) -> bool:
    """A number indented like the wrapped lines rather than the paragraph numbers,
    after a line that did not end its sentence, and followed by the same number
    again, is text that wrapped ("…its member States rose to" / "2. It held…")."""
    return (n in following and abs(indent(line) - number_indent) > 2 and previous is not None
            and not cv.ends_sentence(previous))


def accept_number(n: int, expected: int, following: list[int]) -> bool:
    """Paragraph numbers go up one at a time: a line that starts with a year or a
    resolution number is never a paragraph.  A small gap is accepted only when the
    numbers after it go on from it (the source lost a paragraph)."""
    if n == expected:
        return True
    return expected < n <= expected + 3 and bool(following) and following[0] == n + 1 and expected not in following


def repeats_number(n: int, current: int, following: list[int], previous: str) -> bool:
    """A paragraph pasted twice: the open paragraph's number ``current`` again
    (with no other number read since it, the caller's check), after a line that
    ended its sentence, and the numbers after it go on from it."""
    return n == current and cv.ends_sentence(previous) and (not following or following[0] in (n, n + 1))


def repeated_warning(n: int, line: int) -> str:
    return f"paragraph {n} appears twice (line {line}): both are kept, as two paragraphs"


def _split_run(run: list[Line], current: list[str] | None, toc_titles: set[str], at_end: bool = False
               ) -> tuple[list[Line], list[Line]]:
    """Split the lines between two paragraphs into the previous paragraph's
    continuation and the headings that open the next one.

    Headings are short lines that end no sentence and stand right before the next
    paragraph; everything up to the last line that cannot be a heading goes on
    the previous paragraph, and so does the first line after a paragraph that has
    not ended its sentence (a page break cut it), unless the table of contents
    names that line as a heading.
    """
    if not run:
        return [], []

    def before(idx: int) -> str:
        return run[idx - 1].text if idx else (current[-1] if current else "。")

    # (everything up to the last line that cannot be a heading: found from the
    # end, so a paragraph's wrapped lines above it are never tested)
    cut = next((idx + 1 for idx in range(len(run) - 1, -1, -1)
                if not heading_line(run[idx]) and not _item_heading_at(run[idx], before(idx))), 0)
    # A part or subsection number after a finished sentence opens headings, even
    # where a wrapped line of its title ends in a semicolon; so does a line the
    # reader says is a heading, and a third-level heading ("1. Working Group").
    for idx in range(cut):
        if is_reader_heading(run[idx]) or (cv.ends_sentence(before(idx)) and is_numbered_heading(run[idx].text)) \
                or _item_heading_at(run[idx], before(idx)):
            cut = idx
            break
    if current is not None and cut == 0:
        if _continues_paragraph(current[-1], run[0], toc_titles):
            cut = 1
            while cut < len(run) and _continues_paragraph(run[cut - 1].text, run[cut], toc_titles):
                cut += 1
    if at_end and current is not None:
        # After the last paragraph, only lines named by the table of contents or
        # numbered as parts/subsections are headings (an annex, say).
        while cut < len(run) and not (title_key(run[cut].text) in toc_titles or is_numbered_heading(run[cut].text)
                                      or is_reader_heading(run[cut])):
            cut += 1
    return run[:cut], run[cut:]


def _item_heading_at(line: Line, before: str) -> bool:
    """A line out of the paragraphs' sequence that reads as a third-level heading
    (``is_item_heading``), under a paragraph that ended with a full stop or
    under a heading: a heading ("1. Working Group"), not a list's item inside a
    paragraph (after a colon) nor a number that wrapped (after a cut sentence)."""
    if not is_item_heading(line.text):
        return False
    last = _MARK_AT_END.sub("", before.rstrip()).rstrip("\"”’'»)）」』》】]")
    return last[-1:] in ".。!?！？" or (is_heading_line(before) and not cv.numbered_paragraph(before)) \
        or is_item_heading(before)


def _continues_paragraph(previous: str, line: Line, toc_titles: set[str]) -> bool:
    """Does ``line`` go on the paragraph that ``previous`` (a line's text) did not end?"""
    return (not cv.ends_sentence(previous) and title_key(line.text) not in toc_titles
            and not is_numbered_heading(line.text) and not is_reader_heading(line))
