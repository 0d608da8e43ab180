"""Headings: where a heading wraps onto the next lines (``join_headings``), numbered headings, the wrap width of hard-wrapped text."""

from __future__ import annotations

from .. import conventions as cv, registry
from ..similarity import title_key
from .joining import JoinedText, Vocabulary, join_text
from .lines import Line, display_width, is_reader_heading


def is_numbered_heading(text: str) -> bool:
    part = cv.PART_HEADING.match(text)
    if part and cv.part_value(part["number"]):
        return True
    sub = cv.SUBSECTION_HEADING.match(text)
    return bool(sub and cv.subsection_value(sub["number"]))


#: The most a third-level heading is numbered to ("1. Working Group" under "A.").
MAX_ITEM_NUMBER = 30
#: How wide a third-level heading is, at most.
MAX_ITEM_WIDTH = 100


def is_item_heading(text: str) -> bool:
    """A third-level heading, numbered as a paragraph is ("1. Working Group"
    under "A. Support …"), as the line alone shows it: a small number, a title
    that opens with a capital (or a character of a script without case) and
    ends with no punctuation that ends or parts a sentence, short.  Whether it
    is one (and not a paragraph, or a list's item) its place says: the caller's."""
    match = cv.numbered_paragraph(text)
    if match is None or not 0 < int(match["number"]) <= MAX_ITEM_NUMBER:
        return False
    title = match["text"].rstrip()
    return (bool(title) and not title[0].islower() and title[0].isalpha() and display_width(text) <= MAX_ITEM_WIDTH
            and not cv.ends_sentence(title) and title[-1] not in ",，،;；")


def wrap_width(body: list[Line]) -> int | None:
    """The width a hard-wrapped text (PDF layout) is wrapped at, or None where
    paragraphs stand on one line each.  In a wrapped text most lines are nearly
    as wide as the widest ordinary line, many lines go on from a line that did
    not end its sentence, and the width is that of a printed page (40+ columns)."""
    if len(body) < 10:
        return None
    goes_on = sum(1 for before, line in zip(body, body[1:])
                  if not cv.ends_sentence(before.text) and not cv.numbered_paragraph(line.text))
    if goes_on * 10 < len(body) * 3:
        return None  # (measuring every line's width took half of the parse of a long text)
    widths = sorted(display_width(ln.text) for ln in body)
    typical = widths[int(len(widths) * 0.9)]
    near = sum(1 for w in widths if typical * 0.8 <= w <= typical * 1.1)
    wrapped = typical >= MIN_WRAP_WIDTH and near * 10 >= len(widths) * 4
    return typical if wrapped else None


#: Narrower "wrapped" lines are not a printed page's.
MIN_WRAP_WIDTH = 40


def join_headings(lines: list[Line], toc_titles: set[str], wrap: int | None = None,
                   vocabulary: Vocabulary | None = None, longest_title: int | None = None
                   ) -> list[tuple[str, int | None]]:
    """Join a heading that wraps onto the next lines: each heading's text, and
    its level where the reader knows it (else None).

    In a hard-wrapped text a heading line goes on at the next when it filled the
    width, or half of it right above the next (no blank line between): a title's
    lines stand together, and a blank line parts it from the next heading.
    Never where the table of contents names either as a heading of its own, nor
    where the registry knows either line as an organisation (the first
    organisation under a part whose title filled its last line; a heading under
    an organisation's name), nor where the reader says where a heading starts:
    a heading it knows stands whole (one of its paragraphs) and goes on at none
    of its other paragraphs."""
    headings: list[JoinedText] = []
    levels: list[int | None] = []
    known: list[bool] = []  # the reader says the heading is one
    # A heading far longer than every title of the table of contents is none of
    # them (nor the start of one), and one far longer than any organisation's
    # name is no organisation: such a heading is not keyed again on every line
    # it grows by (quadratic).
    # (``longest_title``, the longest key of toc_titles, is measured once by the
    # caller: measured here, it was measured for every run of headings)
    if longest_title is None:
        longest_title = max(map(len, toc_titles), default=0)
    comparable = 4 * longest_title + 64

    def heading_key(heading: JoinedText) -> str | None:
        return title_key(heading.text) if heading.length <= comparable else None

    def organisation(heading: JoinedText) -> str | None:
        return registry.organisation_id(heading.text) if heading.length <= MAX_NAME_LENGTH else None

    previous: Line | None = None
    for line in lines:
        text = line.text
        wrapped = False
        if wrap is not None and previous is not None and headings:
            width = display_width(previous.text)
            wrapped = ((width >= wrap * 0.85 or (width >= wrap * 0.5 and line.number == previous.number + 1))
                       and heading_key(headings[-1]) not in toc_titles and title_key(text) not in toc_titles
                       and registry.organisation_id(text) is None and organisation(headings[-1]) is None)
        whole = is_reader_heading(line) or (line.block is not None and bool(known) and known[-1])
        if headings and not whole and not is_numbered_heading(text) and not is_item_heading(text) and (
                wrapped or _heading_goes_on(headings[-1], heading_key(headings[-1]), text, toc_titles)):
            headings[-1].add(text)
        else:
            headings.append(JoinedText(vocabulary))
            headings[-1].add(text)
            known.append(is_reader_heading(line))
            levels.append(line.block.level if line.block is not None and known[-1] else None)
        previous = line
    return [(heading.text, level) for heading, level in zip(headings, levels)]


#: Longer than any organisation's name in the registry (94 characters).
MAX_NAME_LENGTH = 300


def ends_with_connector(text: str) -> bool:
    """Does a title stop at a word that joins it to its next line ("… and the",
    "…同")?  (Its last 32 characters say: a connector is a short word.)"""
    return text[-32:].rsplit(" ", 1)[-1].lower() in cv.HEADING_CONNECTORS or text[-1:] in cv.HEADING_CONNECTOR_CHARS


def _heading_goes_on(previous: JoinedText, previous_key: str | None, text: str, toc_titles: set[str]) -> bool:
    """Does the heading ``previous`` (its key, or None where it is longer than
    any title of the table of contents) go on at the line ``text``?"""
    if previous_key is not None and previous_key in toc_titles:
        return False
    if text[:1].islower() or ends_with_connector(previous.tail):
        return True
    if previous_key is None:
        return False
    joined = title_key(join_text(previous.text, text))
    return any(title.startswith(joined) for title in toc_titles)
