"""Stage 1: page furniture (running heads, footers, job numbers) and page footnotes taken out of the lines."""

from __future__ import annotations

import bisect

from .. import conventions as cv
from .joining import join_text
from .lines import Line, indent, page_breaks


def take_page_footnotes(lines: list[Line], content: list[Line], footers: list[int],
                        furniture: set[int]) -> tuple[list[Line], list[str]]:
    """Footnotes at the foot of a page of PDF text ("1 See A/63/666."): each starts
    with a note mark, follows a line that ended its sentence, and the notes (one
    or more, each of a few lines) fill the space up to the page footer, or up to
    the page's end where the reader says where pages start (``Line.page``: a
    Word page has its footer apart).  Without a page footer or a page's end below
    them nothing is taken: a line that starts with a number is text; but below a
    rule, the text's end is the foot of the last page."""
    if (starts := page_breaks(lines)):
        footers = sorted({*footers, *starts})
    numbers = [ln.number for ln in content]
    groups: list[tuple[list[int], int]] = []  # (note starts, last line) above each footer
    for at, footer in enumerate(footers):
        bottom = bisect.bisect_left(numbers, footer) - 1  # the last content line above the footer
        # a page's notes are on its page: below the footer (or page start) before
        page_top = bisect.bisect_left(numbers, footers[at - 1]) if at else 0
        top, starts = bottom + 1, list[int]()
        while True:
            # a note starts at most three lines above the notes found so far
            start = next((k for k in range(top - 1, max(top - 4, 0, page_top - 1), -1)
                          if _starts_note(content, k)), None)
            if start is None:
                break
            top = start
            starts.insert(0, start)
        if starts and (not groups or groups[-1][1] != bottom):
            groups.append((starts, bottom))
    # Notes are numbered 1, 2, 3 … through the document: "70 多国议会…" above a
    # footer is a wrapped line of text, not note 70.
    notes: set[int] = set()
    expected = 1
    for starts, bottom in groups:
        accepted = []
        for k in starts:
            mark = cv.PAGE_FOOTNOTE.match(content[k].text)[0].strip()  # type: ignore[index]
            if mark.startswith("*") or int(mark) == expected:
                accepted.append(k)
                expected += 0 if mark.startswith("*") else 1
            elif accepted:
                break
        if accepted:
            notes.update(ln.number for ln in content[accepted[0]:bottom + 1])
    # Where the page prints a rule above its notes, everything between the rule
    # and the footer is notes, whatever the line above them ended with.
    # (footers and content are in line order: each rule's footer is found by
    # bisection, and only the highest rule above a footer counts)
    # The text's end is the last page's foot: below a rule after the last footer,
    # the lines are notes where each of their blocks (parted by blank lines)
    # starts with a note mark (a rule that ends a document has nothing below it;
    # a Word edition's rule above the first page's notes has the text below them).
    end = lines[-1].number + 1 if lines else 0
    highest_rule: dict[int, int] = {}
    # A rule is the notes' rule where the line of text under it opens a note (a
    # rule inside a page is text; one with text under it is no notes' rule).
    for rule in (ln.number for k, ln in enumerate(lines) if ln.text[:1] == "_" and ln.number in furniture
                 and cv.RULE.fullmatch(ln.text) and _above_notes(lines, k)):  # (_{3,})
        at = bisect.bisect_right(footers, rule)
        highest_rule.setdefault(footers[at] if at < len(footers) else end, rule)
    for footer, rule in highest_rule.items():
        below = numbers[bisect.bisect_right(numbers, rule):bisect.bisect_left(numbers, footer)]
        if footer == end and not _notes_to_the_end(lines, rule):
            continue
        if len(below) <= PAGE_LINES:  # (a footer further down is another page's: a Word edition has none)
            notes.update(below)
    kept = [ln for ln in content if ln.number not in notes]
    texts: list[str] = []
    for ln in content:
        if ln.number in notes:
            if texts and not cv.PAGE_FOOTNOTE.match(ln.text):
                texts[-1] = join_text(texts[-1], ln.text)  # a note's second line
            else:
                texts.append(ln.text)
    return kept, texts


def _notes_to_the_end(lines: list[Line], rule: int) -> bool:
    """Whether every block of lines below the rule on line ``rule`` to the text's
    end starts with a note mark (and there is one)."""
    starts = [ln.text for k, ln in enumerate(lines) if ln.number > rule and ln.text
              and (k == 0 or not lines[k - 1].text or lines[k - 1].number == rule)]
    return bool(starts) and all(cv.PAGE_FOOTNOTE.match(text) for text in starts)


#: More lines than a page holds (a UN page prints about 50): the notes between a
#: rule and the footer under it never run to more.
PAGE_LINES = 80


def join_bare_numbers(content: list[Line]) -> list[Line]:
    """A part or subsection number alone on its line ("II." then the title, as
    some extractors write it) is joined to the line after it."""
    out: list[Line] = []
    skip = False
    for k, line in enumerate(content):
        if skip:
            skip = False
            continue
        if line.text[-1:] in ".．、" and cv.BARE_HEADING_NUMBER.fullmatch(line.text) and k + 1 < len(content) \
                and not cv.numbered_paragraph(content[k + 1].text):
            out.append(Line(line.number, f"{line.text} {content[k + 1].text}", line.raw, line.block, line.page))
            skip = True
        else:
            out.append(line)
    return out


def _starts_note(content: list[Line], k: int) -> bool:
    """A note's first line: a note mark, set apart from the line above it, which
    ended its sentence, or stands a blank line higher, or is indented otherwise
    (a page break often cuts a paragraph mid-sentence above the notes; a wrapped
    line of text that starts with a number follows its paragraph's lines)."""
    line, above = content[k], content[k - 1]
    if not cv.PAGE_FOOTNOTE.match(line.text) or cv.numbered_paragraph(line.text):
        return False
    # (a paragraph's first line, "4.     …", is indented otherwise than the next)
    indented_otherwise = indent(line) != indent(above) and not cv.numbered_paragraph(above.text)
    return cv.ends_sentence(above.text) or line.number > above.number + 1 or indented_otherwise



def page_furniture(lines: list[Line]) -> list[Line]:
    """The lines of ``lines`` (all the text's lines, blank ones too, in order)
    that are page furniture: lines the furniture patterns match
    (``conventions.is_furniture``) where the page's structure says they are.

    Furniture is printed at a page's top (running heads) or foot (footer, page
    number, job number).  A run of matching lines is furniture where it stands
    at a page's edge: it has no line of text of its page right above it, or
    none right below it (a blank line, a page break — the pages the reader says,
    ``Line.page`` — or the text's start or end).  A run between two lines of
    text is a page break the text lost (a footer and the next page's running
    head between two lines of one paragraph) where it holds more than one line,
    or a line that repeats one at a page's edge (the edition's symbol, its job
    number); a single line that repeats nothing ("officials from" / "17" /
    "member States") is text: a number or a symbol a paragraph wrapped alone
    onto its line.  A rule (``___``) right above a line that opens a note is
    the notes' rule, wherever the line above it ends."""
    n = len(lines)
    matches = [bool(ln.text) and cv.is_furniture(ln.text) for ln in lines]
    runs: list[tuple[int, int]] = []
    k = 0
    while k < n:
        if matches[k]:
            end = k
            while end + 1 < n and matches[end + 1]:
                end += 1
            runs.append((k, end))
            k = end
        k += 1
    edge = [_at_edge(lines, first, last) for first, last in runs]
    at_edges = {ln.text for (first, last), at in zip(runs, edge) if at for ln in lines[first:last + 1]}
    furniture: list[Line] = []
    for (first, last), at in zip(runs, edge):
        if at or last > first or lines[first].text in at_edges or _above_notes(lines, last):
            furniture.extend(lines[first:last + 1])
    return furniture


def _at_edge(lines: list[Line], first: int, last: int) -> bool:
    """Whether the run ``lines[first:last + 1]`` has no line of text of its page
    right above it, or none right below it."""
    above = lines[first - 1] if first else None
    below = lines[last + 1] if last + 1 < len(lines) else None
    return (above is None or not above.text or above.page != lines[first].page
            or below is None or not below.text or below.page != lines[last].page)


def _above_notes(lines: list[Line], last: int) -> bool:
    """Whether ``lines[last]`` is a rule and the next line of text opens a note."""
    if not cv.RULE.fullmatch(lines[last].text):
        return False
    below = next((ln.text for ln in lines[last + 1:] if ln.text), "")
    return bool(below) and cv.PAGE_FOOTNOTE.match(below) is not None


def drop_furniture(lines: list[Line]) -> tuple[list[Line], list[str], list[str]]:
    """The content lines (no blank line, no page furniture, no page footnote;
    a bare part number joined to its title), the running heads (symbol lines)
    and the page footnotes' texts."""
    furniture = page_furniture(lines)
    dropped = {ln.number for ln in furniture}
    content = [ln for ln in lines if ln.text and ln.number not in dropped]
    running_heads = [ln.text for ln in furniture if cv.DOCUMENT_SYMBOL.fullmatch(ln.text)]
    footers = [ln.number for ln in furniture if not cv.DOCUMENT_SYMBOL.fullmatch(ln.text)]
    content, page_notes = take_page_footnotes(lines, content, footers, dropped)
    return join_bare_numbers(content), running_heads, page_notes
