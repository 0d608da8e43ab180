"""Text to tree: one edition's text becomes a ``Document``.

The pipeline inside, each step a function below:

1. ``_content_lines``: drop blank lines and page furniture (running heads, footers,
   job numbers…) wherever they fall, even between two lines of one paragraph.
2. ``_find_body``: the body starts at the headings just before paragraph 1 (a
   paragraph 1 that is followed by a paragraph 2); everything before is front matter.
3. ``_parse_front``: masthead metadata, summary, footnotes, table of contents.
4. ``_parse_body``: numbered paragraphs are recognised in sequence only; the lines
   between two paragraphs are split into the previous paragraph's continuation
   and the next headings (``_split_run``), headings are joined where they wrap.

Layout knowledge (numerals, furniture, masthead words) lives in ``conventions``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from . import conventions as cv, registry, resolution
from ._gc import collector_paused
from .model import TYPE_CHECKING, ContentsEntry, Document, FrontMatter, Metadata, Paragraph, Section
from .similarity import title_key

if TYPE_CHECKING:
    from .model import DocumentKind, SectionKind


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source
    text: str  # stripped, runs of white space folded to one space
    raw: str


# ----------------------------------------------------------------------------- entry point


@collector_paused
def parse(text: str, source: str | None = None) -> Document:
    """Parse the text of an edition into a ``Document``."""
    if not isinstance(text, str):
        hint = "; decode bytes with docdiff.decode(data), or read a file with docdiff.load(path)" \
            if isinstance(text, (bytes, bytearray, memoryview)) else ""
        raise TypeError(f"parse() takes the text of an edition as a str, not {type(text).__name__}{hint}")
    if not text.strip():  # as docdiff.load says of an empty file (where it is an error)
        return Document(source=source, warnings=("the text is empty",))
    # A lone surrogate (a str made by hand or decoded with surrogateescape) is
    # no character: no encoding can write it, so no report could show it.  It
    # becomes U+FFFD, and the document says so.
    lone = _LONE_SURROGATE.findall(text) if isinstance(text, str) else ()
    if not lone:
        return _parse_text(text, source)
    document = _parse_text(_LONE_SURROGATE.sub("\ufffd", text), source)
    warning = (f"{len(lone)} lone surrogate{'s' if len(lone) > 1 else ''} (no character, unwritable) "
               f"replaced by U+FFFD, first at offset {_LONE_SURROGATE.search(text).start()}")  # type: ignore[union-attr]
    return replace(document, warnings=(warning, *document.warnings))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_text(text: str, source: str | None) -> Document:
    raw_lines = text.split("\n")
    lines = [Line(i + 1, _fold(raw), raw) for i, raw in enumerate(raw_lines)]
    start = resolution.find_body_start(lines)
    if start is not None and not any(cv.REPORT_OF.match(ln.text) for ln in lines[:start[0]]):
        document = resolution.parse_resolution(lines, start, source)
        return replace(document, sections=_number_in_reading_order(document.sections))
    furniture = [ln for ln in lines if ln.text and cv.is_furniture(ln.text)]
    dropped = {ln.number for ln in furniture}
    content = [ln for ln in lines if ln.text and ln.number not in dropped]
    running_heads = [ln.text for ln in furniture if cv.DOCUMENT_SYMBOL.fullmatch(ln.text)]
    footers = [ln.number for ln in furniture if not cv.DOCUMENT_SYMBOL.fullmatch(ln.text)]
    content, page_notes = _take_page_footnotes(lines, content, footers)
    content = _join_bare_numbers(content)

    # (read without the furniture, so that a word cut by a page break is one word)
    vocabulary = Vocabulary("\n".join(ln.text for ln in content))
    body_start = _find_body(content)
    warnings: list[str] = []
    if body_start is None:
        front_lines, body_lines = [], content
    else:
        front_lines, body_lines = content[:body_start], content[body_start:]
    metadata, front, summary = _parse_front(lines, front_lines, running_heads, body_lines)
    if page_notes and body_start is not None:  # (an unstructured text is read whole, below)
        front = replace(front, footnotes=front.footnotes + tuple(page_notes))

    if body_start is None:
        warnings.append("no numbered paragraphs found: the text is read as blank-line-separated paragraphs")
        sections = _parse_unstructured(lines, metadata)
    else:
        sections, body_warnings, annex = _parse_body(body_lines, front.contents, vocabulary)
        warnings.extend(body_warnings)
        if annex:
            front = replace(front, annex=tuple(annex))
    if summary is not None and SUMMARY_AS_SECTION:
        sections = (summary, *sections)
    elif summary is not None:
        front = replace(front, summary=tuple(p.text for p in summary.paragraphs))
    sections = _number_in_reading_order(sections)
    return Document(metadata=metadata, sections=sections, front=front, source=source, warnings=tuple(warnings))


#: The report's summary as a ``Section(kind="summary")`` before the parts (the
#: shared design), or, until the comparison carries unnumbered paragraphs, in
#: ``FrontMatter.summary`` as before.
SUMMARY_AS_SECTION = False


def _number_in_reading_order(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Every paragraph gets its ``index``: its 0-based place in reading order."""
    counter = iter(range(1 << 62))

    def renumber(section: Section) -> Section:
        paragraphs = tuple(replace(p, index=next(counter)) for p in section.paragraphs)
        return replace(section, paragraphs=paragraphs, sections=tuple(renumber(s) for s in section.sections))

    return tuple(renumber(s) for s in sections)


def _fold(raw: str) -> str:
    folded = " ".join(raw.split())
    return raw if folded == raw else folded  # one string, not two equal ones, for most lines


def _take_page_footnotes(lines: list[Line], content: list[Line], footers: list[int]
                         ) -> tuple[list[Line], list[str]]:
    """Footnotes at the foot of a page of PDF text ("1 See A/63/666."): each starts
    with a note mark, follows a line that ended its sentence, and the notes (one
    or more, each of a few lines) fill the space up to the page footer.  Without a
    page footer below them nothing is taken: a line that starts with a number is
    text."""
    numbers = [ln.number for ln in content]
    groups: list[tuple[list[int], int]] = []  # (note starts, last line) above each footer
    for footer in footers:
        bottom = bisect.bisect_left(numbers, footer) - 1  # the last content line above the footer
        top, starts = bottom + 1, list[int]()
        while True:
            # a note starts at most three lines above the notes found so far
            start = next((k for k in range(top - 1, max(top - 4, 0), -1) if _starts_note(content, k)), None)
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
    highest_rule: dict[int, int] = {}
    for rule in (ln.number for ln in lines if cv.RULE.fullmatch(ln.text)):
        at = bisect.bisect_right(footers, rule)
        if at < len(footers):
            highest_rule.setdefault(footers[at], rule)
    for footer, rule in highest_rule.items():
        notes.update(numbers[bisect.bisect_right(numbers, rule):bisect.bisect_left(numbers, footer)])
    kept = [ln for ln in content if ln.number not in notes]
    texts: list[str] = []
    for ln in content:
        if ln.number in notes:
            if texts and not cv.PAGE_FOOTNOTE.match(ln.text):
                texts[-1] = join_text(texts[-1], ln.text)  # a note's second line
            else:
                texts.append(ln.text)
    return kept, texts


def _join_bare_numbers(content: list[Line]) -> list[Line]:
    """A part or subsection number alone on its line ("II." then the title, as
    some extractors write it) is joined to the line after it."""
    out: list[Line] = []
    skip = False
    for k, line in enumerate(content):
        if skip:
            skip = False
            continue
        if cv.BARE_HEADING_NUMBER.fullmatch(line.text) and k + 1 < len(content) \
                and not cv.NUMBERED_PARAGRAPH.match(content[k + 1].text):
            out.append(Line(line.number, f"{line.text} {content[k + 1].text}", line.raw))
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
    if not cv.PAGE_FOOTNOTE.match(line.text) or cv.NUMBERED_PARAGRAPH.match(line.text):
        return False
    # (a paragraph's first line, "4.     …", is indented otherwise than the next)
    indented_otherwise = _indent(line) != _indent(above) and not cv.NUMBERED_PARAGRAPH.match(above.text)
    return cv.ends_sentence(above.text) or line.number > above.number + 1 or indented_otherwise


# ----------------------------------------------------------------------------- body start


def _paragraph_number(line: Line) -> int | None:
    match = cv.NUMBERED_PARAGRAPH.match(line.text)
    return int(match["number"]) if match else None


def _find_body(content: list[Line]) -> int | None:
    """Index of the first body line: the headings right before a paragraph 1."""
    numbers = [_paragraph_number(ln) for ln in content]
    ones = [i for i, n in enumerate(numbers) if n == 1]
    # paragraph 1 is the one that paragraph 2 follows (a "1." in the masthead is not)
    last_two = max((i for i, n in enumerate(numbers) if n == 2), default=-1)
    first = next((i for i in ones if i < last_two), ones[0] if ones else None)
    if first is None:
        return _body_without_paragraph_1(content, numbers)
    return _headings_above(content, first)


def _body_without_paragraph_1(content: list[Line], numbers: list[int | None]) -> int | None:
    """Where the source lost the "1." (and kept the paragraph's text), the body
    starts at the heading of part one above the first "2." that a "3." follows;
    without such a heading, at that "2."."""
    numbered = [i for i, n in enumerate(numbers) if n is not None]
    two = next((i for i, after in zip(numbered, numbered[1:]) if numbers[i] == 2 and numbers[after] == 3), None)
    if two is None:
        return None
    part_one = _part_one_above(content, two)
    return _headings_above(content, two if part_one is None else part_one + 1)


#: How far above paragraph 2 the heading of part one may stand when paragraph 1
#: lost its number (the lines of paragraph 1 lie between them).
LOST_PARAGRAPH_LINES = 40


def _part_one_above(lines: list[Line], index: int) -> int | None:
    """The nearest heading of part one (I., 一.) above ``lines[index]``, not
    beyond the front matter's last line."""
    for k in range(index - 1, max(index - 1 - LOST_PARAGRAPH_LINES, -1), -1):
        text = lines[k].text
        if _is_front_marker(text):
            return None
        match = cv.PART_HEADING.match(text)
        if match and cv.part_value(match["number"]) == 1 and _is_heading_line(text):
            return k
    return None


def _headings_above(content: list[Line], first: int) -> int:
    """``first``, or the heading lines right above it that open the body."""
    start, part = first, None
    while start > 0:
        candidate = content[start - 1].text
        if not _is_heading_line(candidate) or _is_front_marker(candidate):
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


def _is_front_marker(text: str) -> bool:
    return any(p.match(text) for p in (cv.REPORT_OF, cv.SUMMARY, cv.CONTENTS, cv.CONTENTS_HEADER)) or bool(
        cv.CONTENTS_ENTRY.match(text)
    )


def display_width(text: str) -> int:
    # Every body line is measured (``_wrap_width``): per-character calls to
    # unicodedata were most of the parse time, so ASCII lines skip them and the
    # answer per character is cached.
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_is_wide, text))


_is_wide = functools.lru_cache(maxsize=None)(cv.is_wide)


#: Headings are short: an unnumbered one fits this many columns, a numbered one more.
MAX_HEADING_WIDTH = 130
MAX_NUMBERED_HEADING_WIDTH = 260


def _is_heading_line(text: str) -> bool:
    """Could this line be (part of) a heading?  Headings are short and never end
    a sentence; numbered paragraphs and footnotes are not headings."""
    if cv.NUMBERED_PARAGRAPH.match(text) or cv.LIST_ITEM.match(text):
        return False
    numbered = cv.PART_HEADING.match(text) or cv.SUBSECTION_HEADING.match(text)
    # a long numbered title may wrap after a semicolon ("…Chemical Weapons;" /
    # "cooperation between…"); a full stop ends a sentence, never a heading
    if cv.ends_sentence(text) and not (numbered and text.rstrip()[-1:] in ";；:："):
        return False
    return display_width(text) <= (MAX_NUMBERED_HEADING_WIDTH if numbered else MAX_HEADING_WIDTH)


# ----------------------------------------------------------------------------- body


@dataclass
class _Open:
    """A section being built (the tree is frozen once the body is read)."""

    kind: SectionKind
    title: str
    number: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[_Open] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(self.kind, self.title, self.number, tuple(self.paragraphs),
                       tuple(c.freeze() for c in self.children))


class _TreeBuilder:
    def __init__(self) -> None:
        self.top: list[_Open] = []
        self.part: _Open | None = None
        self.organisation: _Open | None = None
        self.subsection: _Open | None = None
        self.part_value = 0  # numbers of the last part and subsection, for the sequence
        self.last_subsection: tuple[tuple[int, ...], _Open | None] | None = None  # its readings and parent
        self.subsection_value = 0

    def heading(self, text: str) -> None:
        part = cv.PART_HEADING.match(text)
        sub = cv.SUBSECTION_HEADING.match(text)
        part_value = cv.part_value(part["number"]) if part else None
        sub_value = cv.subsection_value(sub["number"]) if sub else None
        if part_value and sub_value:
            # "C." and "I." are Roman numerals and letters both: the sequence decides.
            if sub_value == self.subsection_value + 1 and part_value != self.part_value + 1:
                part_value = None
            else:
                sub_value = None
        if part and part_value:
            node = _Open("part", part["title"].strip(), part["number"])
            self.top.append(node)
            self.part, self.organisation, self.subsection = node, None, None
            self.part_value, self.subsection_value = part_value, 0
            self.last_subsection = None
        elif sub and sub_value:
            node = _Open("subsection", sub["title"].strip(), unicodedata.normalize("NFKC", sub["number"]))
            parent = self.organisation or self.part
            readings = cv.subsection_values(sub["number"])
            if self.last_subsection and any(value - 1 in self.last_subsection[0] for value in readings):
                # B. after A. is A.'s sibling, even across an unnumbered heading
                # that stood inside A.
                parent = self.last_subsection[1]
                if parent is self.part:
                    self.organisation = None
            self._container(parent).append(node)
            self.subsection, self.subsection_value = node, sub_value
            self.last_subsection = (readings, parent)
        else:
            node = _Open("organisation", text, None)
            self._container(self.part).append(node)
            self.organisation, self.subsection, self.subsection_value = node, None, 0

    def restart(self) -> None:
        """Numbering starts again: what follows opens its own sections at the top."""
        self.part = self.organisation = self.subsection = None
        self.part_value = self.subsection_value = 0
        self.last_subsection = None

    def _container(self, parent: _Open | None) -> list[_Open]:
        return parent.children if parent is not None else self.top

    def paragraph(self, paragraph: Paragraph) -> None:
        target = self.subsection or self.organisation or self.part
        if target is None:
            target = _Open("section", "", None)
            self.top.append(target)
            self.part = target
        target.paragraphs.append(paragraph)

    def freeze(self) -> tuple[Section, ...]:
        return tuple(node.freeze() for node in self.top)


def _parse_body(body: list[Line], contents: tuple[ContentsEntry, ...], vocabulary: Vocabulary
                ) -> tuple[tuple[Section, ...], list[str], list[str]]:
    toc_titles = {title_key(entry.title) for entry in contents}
    longest_title = max(map(len, toc_titles), default=0)
    wrap = _wrap_width(body)
    builder = _TreeBuilder()
    warnings: list[str] = []
    numbered = [(i, _paragraph_number(ln)) for i, ln in enumerate(body)]
    candidates = [(i, n) for i, n in numbered if n is not None]

    expected = 1
    current: list[str] | None = None  # text pieces of the open paragraph
    current_number, current_line = 0, 0
    pending: list[Line] = []

    def close_paragraph() -> None:
        if current is not None:
            builder.paragraph(Paragraph(current_number, _join_lines(current, vocabulary), current_line))

    # Where paragraph numbers stand in a column of their own (PDF text), a number
    # indented like the wrapped lines, after a line that did not end its sentence,
    # and followed by the same number again, is text that wrapped ("rose to / 2.").
    indents = Counter(_indent(body[i]) for i, _ in candidates)
    number_indent = indents.most_common(1)[0][0] if indents else 0
    next_numbers = {i: [m for _, m in candidates[idx + 1: idx + 3]] for idx, (i, _) in enumerate(candidates)}
    place = {i: idx for idx, (i, _) in enumerate(candidates)}

    for i, line in enumerate(body):
        n = numbered[i][1]
        previous = pending[-1].text if pending else (current[-1] if current else None)
        if n == 1 and current is not None and _restarts(expected, [m for _, m in candidates[place[i] + 1:
                                                                                        place[i] + 1 + RESTART_LOOKAHEAD]]):
            # Numbering starts again at 1 (an annex, a second document after the
            # first, an edition pasted twice): its paragraphs are read as such, under
            # the headings above them, at the top of the tree.
            warnings.append(f"paragraph numbering restarts at 1 after {expected - 1} (line {line.number}): "
                            "the text from there is read as another document (or an annex), numbered anew")
            start = _headings_above(pending, len(pending))
            between, headings = pending[:start], pending[start:]
            cut = 0
            if between and not cv.ends_sentence(current[-1]):  # a page break cut the last paragraph
                cut = 1
                while cut < len(between) and _continues_paragraph(between[cut - 1].text, between[cut].text, toc_titles):
                    cut += 1
            current.extend(ln.text for ln in between[:cut])
            close_paragraph()
            builder.restart()
            if between[cut:]:  # the other document's front matter: kept, unnumbered
                builder.paragraph(Paragraph(None, _join_lines([ln.text for ln in between[cut:]], vocabulary),
                                            between[cut].number))
            for heading in _join_headings(headings, toc_titles, wrap, vocabulary, longest_title):
                builder.heading(heading)
            match = cv.NUMBERED_PARAGRAPH.match(line.text)
            assert match is not None
            current, current_number, current_line = [match["text"]], n, line.number
            expected, pending = 2, []
            continue
        if (n is not None and _accept_number(n, expected, next_numbers[i])
                and not _wrapped_number(line, n, number_indent, previous, next_numbers[i])):
            lost_at = _part_one_above(pending, len(pending)) if current is None and n > expected else None
            if lost_at is not None:  # and the numbered headings right under it ("A. Background")
                while lost_at + 1 < len(pending) and _is_numbered_heading(pending[lost_at + 1].text):
                    lost_at += 1
            if lost_at is not None and not all(_is_heading_line(ln.text) for ln in pending[lost_at + 1:]):
                # Paragraph 1 lost its number: its text stands between the headings
                # of part one and this paragraph.
                lost = pending[lost_at + 1:]
                for heading in _join_headings(pending[:lost_at + 1], toc_titles, wrap, vocabulary, longest_title):
                    builder.heading(heading)
                builder.paragraph(Paragraph(expected, _join_lines([ln.text for ln in lost], vocabulary), lost[0].number))
                warnings.append(f"paragraph {expected} has no number: the text above paragraph {n} is taken "
                                f"for it (line {lost[0].number})")
                expected, pending = expected + 1, []
            if n != expected:
                warnings.append(f"paragraph numbering starts at {n} (line {line.number})" if expected == 1 else
                                f"paragraph numbering jumps from {expected - 1} to {n} (line {line.number})")
            continuation, headings = _split_run(pending, current, toc_titles)
            if current is not None:
                current.extend(ln.text for ln in continuation)
            elif continuation:
                headings = continuation + headings
            close_paragraph()
            _headings_and_text(builder, headings, toc_titles, wrap, vocabulary, longest_title)
            match = cv.NUMBERED_PARAGRAPH.match(line.text)
            assert match is not None
            current, current_number, current_line = [match["text"]], n, line.number
            expected = n + 1
            pending = []
        else:
            pending.append(line)

    # An annex after the last paragraph is not part of the body.
    annex_at = next((k for k, ln in enumerate(pending) if cv.ANNEX.match(ln.text) and _is_heading_line(ln.text)
                     and cv.ends_sentence(pending[k - 1].text if k else (current or ["。"])[-1])), len(pending))
    annex = [ln.text for ln in pending[annex_at:]]
    pending = pending[:annex_at]
    continuation, headings = _split_run(pending, current, toc_titles, at_end=True)
    if current is not None:
        current.extend(ln.text for ln in continuation)
    close_paragraph()
    _headings_and_text(builder, headings, toc_titles, wrap, vocabulary, longest_title)
    if expected - 1 > PLAUSIBLE_PARAGRAPHS:
        warnings.append(f"paragraph numbers reach {expected - 1}: more than one edition holds; "
                        "is the text several documents joined?")
    return builder.freeze(), warnings, annex


#: More numbered paragraphs than any UN document holds (the longest reports
#: run to a few hundred): numbering past this is worth a warning.
PLAUSIBLE_PARAGRAPHS = 2000
#: How many paragraph numbers after a "1." are read to tell a restart of the
#: numbering from a list inside a paragraph (after which the old numbers go on).
RESTART_LOOKAHEAD = 10


def _restarts(expected: int, following: list[int]) -> bool:
    """Does a "1." after paragraph ``expected - 1`` start the numbering again?
    Only where 2 and 3 follow it and the old numbering does not go on soon."""
    return expected > 2 and following[:2] == [2, 3] and expected not in following


def _headings_and_text(builder: _TreeBuilder, lines: list[Line], toc_titles: set[str], wrap: int | None,
                       vocabulary: Vocabulary, longest_title: int) -> None:
    """The headings that open the next paragraph, and any unnumbered text under
    them: a run of lines (no blank line inside) that ends a sentence with a full
    stop (a heading never does; a wrapped numbered title may end a line with a
    semicolon) and opens with no heading number becomes an unnumbered paragraph."""
    pending: list[Line] = []
    for block in _blocks(lines):
        if _is_text_block(block, toc_titles):
            if pending:
                for heading in _join_headings(pending, toc_titles, wrap, vocabulary, longest_title):
                    builder.heading(heading)
                pending = []
            builder.paragraph(Paragraph(None, _join_lines([ln.text for ln in block], vocabulary), block[0].number))
        else:
            pending.extend(block)
    for heading in _join_headings(pending, toc_titles, wrap, vocabulary, longest_title):
        builder.heading(heading)


#: A footnote mark after a sentence's end ("…Council.2", "…小组。1").
_MARK_AT_END = re.compile(r"(?<=[.。!?！？\"”’)）])(?:\d{1,2}|\*{1,3})$")


def _is_text_block(block: list[Line], toc_titles: set[str]) -> bool:
    last = _MARK_AT_END.sub("", block[-1].text.rstrip()).rstrip("\"”’'»)）」』》】]")
    return last[-1:] in ".。!?！？" and not _is_numbered_heading(block[0].text) and \
        not any(title_key(ln.text) in toc_titles for ln in block)


def _wrapped_number(line: Line, n: int, number_indent: int, previous: str | None, following: list[int]) -> bool:
    """A number indented like the wrapped lines rather than the paragraph numbers,
    after a line that did not end its sentence, and followed by the same number
    again, is text that wrapped ("…its member States rose to" / "2. It held…")."""
    return (abs(_indent(line) - number_indent) > 2 and previous is not None
            and not cv.ends_sentence(previous) and n in following)


def _accept_number(n: int, expected: int, following: list[int]) -> bool:
    """Paragraph numbers go up one at a time: a line that starts with a year or a
    resolution number is never a paragraph.  A small gap is accepted only when the
    numbers after it go on from it (the source lost a paragraph)."""
    if n == expected:
        return True
    return expected < n <= expected + 3 and bool(following) and following[0] == n + 1 and expected not in following


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
    cut = 0
    for idx, line in enumerate(run):
        if not _is_heading_line(line.text):
            cut = idx + 1
    # A part or subsection number after a finished sentence opens headings, even
    # where a wrapped line of its title ends in a semicolon.
    for idx in range(cut):
        before = run[idx - 1].text if idx else (current[-1] if current else "。")
        if _is_numbered_heading(run[idx].text) and cv.ends_sentence(before):
            cut = idx
            break
    if current is not None and cut == 0:
        if not cv.ends_sentence(current[-1]) and title_key(run[0].text) not in toc_titles and not _is_numbered_heading(run[0].text):
            cut = 1
            while cut < len(run) and _continues_paragraph(run[cut - 1].text, run[cut].text, toc_titles):
                cut += 1
    if at_end and current is not None:
        # After the last paragraph, only lines named by the table of contents or
        # numbered as parts/subsections are headings (an annex, say).
        while cut < len(run) and not (title_key(run[cut].text) in toc_titles or _is_numbered_heading(run[cut].text)):
            cut += 1
    return run[:cut], run[cut:]


def _continues_paragraph(previous: str, line: str, toc_titles: set[str]) -> bool:
    return not cv.ends_sentence(previous) and title_key(line) not in toc_titles and not _is_numbered_heading(line)


def _is_numbered_heading(text: str) -> bool:
    part = cv.PART_HEADING.match(text)
    if part and cv.part_value(part["number"]):
        return True
    sub = cv.SUBSECTION_HEADING.match(text)
    return bool(sub and cv.subsection_value(sub["number"]))


def _wrap_width(body: list[Line]) -> int | None:
    """The width a hard-wrapped text (PDF layout) is wrapped at, or None where
    paragraphs stand on one line each.  In a wrapped text most lines are nearly
    as wide as the widest ordinary line, many lines go on from a line that did
    not end its sentence, and the width is that of a printed page (40+ columns)."""
    if len(body) < 10:
        return None
    goes_on = sum(1 for before, line in zip(body, body[1:])
                  if not cv.ends_sentence(before.text) and not cv.NUMBERED_PARAGRAPH.match(line.text))
    if goes_on * 10 < len(body) * 3:
        return None  # (measuring every line's width took half of the parse of a long text)
    widths = sorted(display_width(ln.text) for ln in body)
    typical = widths[int(len(widths) * 0.9)]
    near = sum(1 for w in widths if typical * 0.8 <= w <= typical * 1.1)
    wrapped = typical >= MIN_WRAP_WIDTH and near * 10 >= len(widths) * 4
    return typical if wrapped else None


#: Narrower "wrapped" lines are not a printed page's.
MIN_WRAP_WIDTH = 40


def _join_headings(lines: list[Line], toc_titles: set[str], wrap: int | None = None,
                   vocabulary: Vocabulary | None = None, longest_title: int | None = None) -> list[str]:
    """Join a heading that wraps onto the next lines.

    In a hard-wrapped text a heading line goes on at the next when it filled the
    width, or half of it right above the next (no blank line between): a title's
    lines stand together, and a blank line parts it from the next heading.
    Never where the table of contents names either as a heading of its own, nor
    where the registry knows either line as an organisation (the first
    organisation under a part whose title filled its last line; a heading under
    an organisation's name)."""
    headings: list[_JoinedText] = []
    # A heading far longer than every title of the table of contents is none of
    # them (nor the start of one), and one far longer than any organisation's
    # name is no organisation: such a heading is not keyed again on every line
    # it grows by (quadratic).
    # (``longest_title``, the longest key of toc_titles, is measured once by the
    # caller: measured here, it was measured for every run of headings)
    if longest_title is None:
        longest_title = max(map(len, toc_titles), default=0)
    comparable = 4 * longest_title + 64

    def heading_key(heading: _JoinedText) -> str | None:
        return title_key(heading.text) if heading.length <= comparable else None

    def organisation(heading: _JoinedText) -> str | None:
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
        if headings and not _is_numbered_heading(text) and (
                wrapped or _heading_goes_on(headings[-1], heading_key(headings[-1]), text, toc_titles)):
            headings[-1].add(text)
        else:
            headings.append(_JoinedText(vocabulary))
            headings[-1].add(text)
        previous = line
    return [heading.text for heading in headings]


#: Longer than any organisation's name in the registry (94 characters).
MAX_NAME_LENGTH = 300


def _ends_with_connector(text: str) -> bool:
    """Does a title stop at a word that joins it to its next line ("… and the",
    "…同")?  (Its last 32 characters say: a connector is a short word.)"""
    return text[-32:].rsplit(" ", 1)[-1].lower() in cv.HEADING_CONNECTORS or text[-1:] in cv.HEADING_CONNECTOR_CHARS


def _heading_goes_on(previous: _JoinedText, previous_key: str | None, text: str, toc_titles: set[str]) -> bool:
    """Does the heading ``previous`` (its key, or None where it is longer than
    any title of the table of contents) go on at the line ``text``?"""
    if previous_key is not None and previous_key in toc_titles:
        return False
    if text[:1].islower() or _ends_with_connector(previous.tail):
        return True
    if previous_key is None:
        return False
    joined = title_key(join_text(previous.text, text))
    return any(title.startswith(joined) for title in toc_titles)


# ----------------------------------------------------------------------------- joining lines

_WORD_AT_START = re.compile(r"\w+")
#: A word longer than this before a line-end hyphen is no word of the language:
#: its hyphen stays (and the text before a join is read back this far only, so
#: that joining a paragraph's lines stays linear in its length).
MAX_WORD = 100


class Vocabulary:
    """The words of one document, to tell a wrap hyphen from a compound's hyphen
    at a line end ("imple-" / "mentation" against "follow-" / "up")."""

    def __init__(self, text: str = "") -> None:
        self._text = text  # read on the first line-end hyphen only: most texts have none

    @cached_property
    def forms(self) -> set[str]:
        return {w.casefold() for w in re.findall(r"\w+(?:-\w+)*", self._text)}

    @cached_property
    def words(self) -> Counter[str]:
        """Words counted away from line-end hyphens, where they stand on their own."""
        return Counter(w.casefold() for w in re.findall(r"\w+", _LINE_END_HYPHEN.sub(" ", self._text)))

    def is_wrap(self, head: str, tail: str) -> bool:
        joined, hyphenated = (head + tail).casefold(), f"{head}-{tail}".casefold()
        if joined in self.forms or hyphenated in self.forms:
            # the document spells the word elsewhere: as it does there
            return joined in self.forms and hyphenated not in self.forms
        # Chinese is not hyphenated at line ends; a compound's parts are words of
        # their own (follow-up, Secretary-General, forty-eighth); a wrap leaves
        # pieces that are no words (imple-mentation).
        if cv.is_wide(head[-1]) or cv.is_wide(tail[0]) or len(tail) <= 2 or tail[:1].isupper():
            return False
        if head.casefold() in cv.COMPOUND_HEADS:
            return False
        return self.words[head.casefold()] == 0 and self.words[tail.casefold()] == 0


#: (a word starts where no word character stands before it: tried at every
#: character of a long word, each start would read the rest of it, quadratic)
_LINE_END_HYPHEN = re.compile(r"(?<!\w)\w+-[ \t]*\n\s*\w+")


def join_text(left: str, right: str, vocabulary: Vocabulary | None = None) -> str:
    """Join two lines of one paragraph: no space between wide (CJK) characters,
    one space elsewhere; a line-end hyphen goes only where it was a wrap."""
    if not left:
        return right
    if not right:
        return left
    cut, joint = _joint(left[-(MAX_WORD + 2):], right, vocabulary)
    return (left[:-cut] if cut else left) + joint + right


def _joint(tail: str, right: str, vocabulary: Vocabulary | None) -> tuple[int, str]:
    """How ``right`` joins a text that ends in ``tail`` (its last MAX_WORD + 2
    characters, or all of it): how many characters to drop from the text's end
    (a wrap hyphen), and what to put between."""
    if tail.endswith("-") and right[:1].isalpha():
        head = _word_before_hyphen(tail)
        word = _WORD_AT_START.match(right)
        if head and word and vocabulary is not None and vocabulary.is_wrap(head, word[0]):
            return 1, ""
        return 0, ""
    if cv.is_wide(tail[-1]) or cv.is_wide(right[0]):
        return 0, ""
    return 0, " "


def _word_before_hyphen(tail: str) -> str | None:
    """The word right before the hyphen ending ``tail`` (str.isalnum() and "_" are
    what the regex \\w matches), or None: none, or one longer than MAX_WORD."""
    start = len(tail) - 1
    while start > 0 and (tail[start - 1].isalnum() or tail[start - 1] == "_"):
        start -= 1
    if start == len(tail) - 1 or (start == 0 and len(tail) > MAX_WORD + 1):
        return None
    return tail[start:-1]


class _JoinedText:
    """A text joined from lines by ``join_text``'s rule, built once: joining each
    line to the growing text copied it every time, quadratic on a long paragraph."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self._parts: list[str] = []
        self._vocabulary = vocabulary
        self.tail = ""  # the text's last MAX_WORD + 2 characters (all a join reads)
        self.length = 0

    def add(self, piece: str) -> None:
        if not piece:
            return
        cut, joint = _joint(self.tail, piece, self._vocabulary) if self.tail else (0, "")
        if cut:
            self._parts[-1] = self._parts[-1][:-cut]
        self._parts.append(joint + piece if joint else piece)
        self.length += len(joint) + len(piece) - cut
        self.tail = ((self.tail[:-cut] if cut else self.tail) + joint + piece[-(MAX_WORD + 2):])[-(MAX_WORD + 2):]

    @property
    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""


def _join_lines(pieces: list[str], vocabulary: Vocabulary) -> str:
    joined = _JoinedText(vocabulary)
    for piece in pieces:
        joined.add(piece)
    return joined.text


# ----------------------------------------------------------------------------- front matter


def _columns(raw: str) -> list[str]:
    """Pieces of a masthead line laid out in columns (runs of spaces or tabs)."""
    return [p.strip() for p in re.split(r"\t+|\s{2,}", raw.strip()) if p.strip()]


def _parse_front(all_lines: list[Line], front: list[Line], running_heads: list[str], body: list[Line]
                 ) -> tuple[Metadata, FrontMatter, Section | None]:
    # The masthead is the first page: read it with the furniture lines too (the
    # symbol line of an English masthead looks like a running head).
    last_front = front[-1].number if front else 0
    masthead = [ln for ln in all_lines if ln.number <= last_front and ln.text]
    pieces = [(ln, piece) for ln in masthead for piece in _columns(ln.raw)]

    summary_index = next((i for i, ln in enumerate(front) if cv.SUMMARY.match(ln.text)), None)
    contents_index = next((i for i, ln in enumerate(front) if cv.CONTENTS.match(ln.text)), None)
    # the label under the title ("Report of the Secretary-General"): known by its
    # words, or, reworded, by where it stands (see _label_index)
    title_index = next((i for i, ln in enumerate(front) if cv.REPORT_OF.match(ln.text)), None)
    if title_index is None:
        title_index = _label_index(front, summary_index, contents_index)
    title, title_start = None, title_index
    if title_index is not None and title_index > 0:
        # the report's title stands right above "Report of the Secretary-General",
        # on up to three lines with no blank line between them
        title_start = _title_start(front, title_index)
        title = _strip_marks(_join_lines([ln.text for ln in front[title_start:title_index]], Vocabulary()))
    head_end = min(i for i in (title_index, summary_index, contents_index, len(front)) if i is not None)

    symbol = _find_symbol(pieces, running_heads)
    date = _find_date(piece for ln, piece in pieces if ln.number <= (front[head_end - 1].number if head_end else last_front))
    language, original = _find_languages(piece for _, piece in pieces)
    if language is None:
        language = detect_language(" ".join(ln.text for ln in body[:200]))
    session = next((piece for _, piece in pieces if any(p.match(piece) for p in cv.SESSION_PATTERNS)), None)
    agenda_items, titles = _agenda(front[:head_end] if title_start is None else front[:title_start])
    if title is None and titles:
        title = _TITLE_COLON.sub("", titles[0])  # the agenda's "… organizations:" introduces its items
    organisations = tuple(org for org in (_agenda_organisation(t) for t in titles)
                          if org and title_key(org) != title_key(_agenda_organisation(title or "") or ""))

    footnotes = tuple(_strip_marks(ln.text, keep_text=True) for ln in front if ln.text.startswith("*"))
    used = {ln.number for ln in front if ln.text.startswith("*")}  # lines that went somewhere
    summary: list[Line] = []
    if summary_index is not None:
        for ln in front[summary_index + 1:]:
            if ln.text.startswith("*") or cv.CONTENTS.match(ln.text):
                break
            summary.append(ln)
        used.update(ln.number for ln in summary)
        if SUMMARY_AS_SECTION:
            used.add(front[summary_index].number)
    contents: list[ContentsEntry] = []
    if contents_index is not None:
        carry = ""  # a title that wraps: its first line has no page number
        for ln in front[contents_index + 1:]:
            if ln.number in used:
                continue
            used.add(ln.number)
            match = cv.CONTENTS_ENTRY.match(ln.raw.strip())
            if match:
                contents.append(ContentsEntry(join_text(carry, _fold(match["title"])), int(match["page"])))
                carry = ""
            elif not cv.CONTENTS_HEADER.match(ln.text):
                carry = join_text(carry, ln.text)
            else:
                used.discard(ln.number)  # the column header stays with the masthead lines
        if carry:
            contents.append(ContentsEntry(carry, None))
    unplaced = tuple(ln.text for ln in front if ln.number not in used)
    label = _strip_marks(front[title_index].text) if title_index is not None else None
    kind: DocumentKind = "report" if label is not None and cv.REPORT_LABEL.search(label) else "document"
    metadata = Metadata(kind=kind, symbol=symbol, date=date, language=language, original_language=original,
                        session=session, title=title, label=label, agenda_items=agenda_items,
                        organisations=organisations)
    summary_section = None
    if summary_index is not None:
        paragraphs = tuple(Paragraph(None, _join_lines([ln.text for ln in block], Vocabulary()), block[0].number)
                           for block in _blocks(summary))
        summary_section = Section("summary", front[summary_index].text, None, paragraphs)
    return metadata, FrontMatter(footnotes=footnotes, contents=tuple(contents), masthead=unplaced), summary_section


_TITLE_COLON = re.compile(r"\s*[:：]$")


def _title_start(front: list[Line], label_index: int) -> int:
    """Where the title above the label starts: up to three lines right above it,
    with no blank line between them, aligned with each other."""
    start = label_index - 1
    while (start > 0 and label_index - start < 3
           and front[start - 1].number == front[start].number - 1
           and _aligned(front[start - 1], front[start])
           and not cv.is_masthead_words(front[start - 1].text)
           and not cv.AGENDA_ITEMS.match(front[start - 1].text)):
        start -= 1
    return start


def _label_index(front: list[Line], summary_index: int | None, contents_index: int | None) -> int | None:
    """A label in words docdiff does not know ("Note by the Secretary-General",
    or "Report of the Secretary-General" reworded) is told by its place: a line
    standing alone right above the summary or the contents, under a title that
    is one of the agenda's titles.  None where the front is not laid out so."""
    ends = [i for i in (summary_index, contents_index) if i is not None]
    if not ends or min(ends) < 2:
        return None
    index = min(ends) - 1
    label, above = front[index], front[index - 1]
    if above.number == label.number - 1 or cv.is_masthead_words(label.text) or cv.AGENDA_ITEMS.match(label.text):
        return None  # part of a block, not a line of its own
    start = _title_start(front, index)
    title = _strip_marks(_join_lines([ln.text for ln in front[start:index]], Vocabulary()))
    _, titles = _agenda(front[:start])
    if not any(title_key(_TITLE_COLON.sub("", t)) == title_key(title) for t in titles):
        return None
    return index


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines with no blank line between them (a blank line parts paragraphs)."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if blocks and ln.number == blocks[-1][-1].number + 1:
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    return blocks


def _indent(line: Line) -> int:
    return len(line.raw.expandtabs()) - len(line.raw.expandtabs().lstrip())


def _aligned(upper: Line, lower: Line) -> bool:
    """Two lines of one block: flush (the same indent) or centred (the same middle)."""
    if abs(_indent(upper) - _indent(lower)) <= 2:
        return True
    return abs(_middle(upper) - _middle(lower)) <= 3


def _middle(line: Line) -> float:
    return _indent(line) + display_width(line.text) / 2


def _strip_marks(text: str, keep_text: bool = False) -> str:
    """Drop footnote marks (``*``) from a title, or the mark before a footnote."""
    if keep_text:
        return text.lstrip("*").strip()
    return text.rstrip("*").rstrip()


def _find_symbol(pieces: list[tuple[Line, str]], running_heads: list[str]) -> str | None:
    """The masthead's symbol; where it prints none (as Chinese editions), the
    running heads say it.  A joint report has one symbol for each organ."""
    found: list[str] = []
    for text in [piece for _, piece in pieces] + running_heads:
        if cv.DOCUMENT_SYMBOL.fullmatch(text):
            found.extend(s for s in re.split(r"\s*[–—]\s*|\s+|-(?=S/)", text) if s)
            if "S/" in text[1:] and not text.startswith("S/"):
                return _normalise_symbol(text)  # printed whole: A/65/382–S/2010/490
    if not found:
        return None
    assembly = [s for s in found if not s.startswith("S/")][:1]
    council = [s for s in found if s.startswith("S/")][:1]
    return "–".join(assembly + council)


def _normalise_symbol(symbol: str) -> str:
    return re.sub(r"\s*[–—-]\s*(?=S/)", "–", symbol)


def _find_date(pieces) -> str | None:  # type: ignore[no-untyped-def]
    for piece in pieces:
        for pattern in cv.DATE_PATTERNS:
            match = pattern.search(piece)
            if not match:
                continue
            month_text = match["month"]
            month = int(month_text) if month_text.isdigit() else cv.MONTHS.get(month_text.casefold())
            day, year = int(match["day"]), int(match["year"])
            if month and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _find_languages(pieces) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    language = original = None
    for piece in pieces:
        match = cv.ORIGINAL_LANGUAGE.match(piece)
        if match:
            original = original or cv.LANGUAGES.get(match["language"].casefold(), match["language"])
        elif piece.casefold() in cv.LANGUAGES and language is None:
            language = cv.LANGUAGES[piece.casefold()]
    return language, original



def detect_language(text: str) -> str | None:
    """The edition's language from its script (and, for Latin script, its commonest words)."""
    counts = {"Chinese": 0, "Russian": 0, "Arabic": 0, "Latin": 0}
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            counts["Chinese"] += 1
        elif "\u0400" <= ch <= "\u04ff":
            counts["Russian"] += 1
        elif "\u0600" <= ch <= "\u06ff":
            counts["Arabic"] += 1
        elif ch.isascii() and ch.isalpha():
            counts["Latin"] += 1
    script = max(counts, key=lambda k: counts[k])
    if counts[script] == 0:
        return None
    if script != "Latin":
        return script
    words = re.findall(r"[^\W\d_]+", text.casefold())
    votes = {lang: sum(1 for w in words if w in markers) for lang, markers in cv.LANGUAGE_MARKERS.items()}
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] else None


def _agenda(lines: list[Line]) -> tuple[tuple[str, ...], list[str]]:
    """Agenda item numbers (122(a) … 122(w)) and the agenda titles after them."""
    start = next((i for i, ln in enumerate(lines) if cv.AGENDA_ITEMS.match(ln.text)), None)
    if start is None:
        return (), []
    text = cv.AGENDA_ITEMS.match(lines[start].text)["items"]  # type: ignore[index]
    i = start + 1
    while i < len(lines) and re.fullmatch(r"[\s\d()a-z、,，和–\-]+", lines[i].text):
        text += lines[i].text
        i += 1
    items = _agenda_items_text(text)
    titles: list[str] = []
    previous = 0
    for ln in lines[i:]:
        text_line = _strip_marks(ln.text)
        if cv.is_masthead_words(text_line) and not (titles and _ends_with_connector(titles[-1])):
            previous = 0  # the other column's "Security Council", "Sixty-fifth year"
            continue
        # a title goes on at the next line, never across a blank line (what stands
        # after one is another title, or the masthead's other column)
        if any(p.match(text_line) for p in cv.AGENDA_TITLE) or not titles or ln.number != previous + 1:
            titles.append(text_line)
        else:
            titles[-1] = join_text(titles[-1], text_line)
        previous = ln.number
    # "… regional and other organizations: cooperation between the United Nations
    # and the African Union" holds two titles
    split: list[str] = []
    for title in titles:
        head, sep, rest = re.split(r"[:：]\s*", title, maxsplit=1)[0], ":" in title or "：" in title, ""
        if sep:
            rest = re.split(r"[:：]\s*", title, maxsplit=1)[1]
            rest = rest[:1].upper() + rest[1:]
        if rest and any(p.match(rest) for p in cv.AGENDA_TITLE):
            split += [head, rest]
        else:
            split.append(title)
    titles = [t for t in split if any(p.match(t) for p in cv.AGENDA_TITLE)]
    return tuple(items), titles


def _agenda_items_text(text: str) -> tuple[str, ...]:
    """The items of "Agenda items 122 (a)-(w)" (the text after the words): "122(a)" … "122(w)"."""
    items: list[str] = []
    number = None
    for match in cv.AGENDA_ITEM.finditer(text):
        number = match["number"] or number
        letters = [match["letter"]]
        if match["to"] and len(match["to"]) == 1 and len(match["letter"]) == 1:
            letters = [chr(c) for c in range(ord(match["letter"]), ord(match["to"]) + 1)]
        items.extend(f"{number}({letter})" for letter in letters)
    # items without sub-items: "Agenda items 122 (a) and 123"
    numbers = {item.split("(")[0] for item in items}
    items.extend(n for n in re.findall(r"\b(\d+)\b(?!\s*\(?[a-z]{1,2}\))", text) if n not in numbers)
    return tuple(items)


def _agenda_organisation(title: str) -> str | None:
    for pattern in cv.AGENDA_TITLE:
        match = pattern.match(title)
        if match:
            org = match["org"].strip().rstrip(":：").strip()
            return cv.LEADING_ARTICLE.sub("", org)
    return None


# ----------------------------------------------------------------------------- no structure


def _parse_unstructured(lines: list[Line], metadata: Metadata) -> tuple[Section, ...]:
    """Text without numbered paragraphs: blank-line-separated blocks, numbered in order."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for ln in lines:
        if ln.text and not cv.is_furniture(ln.text):
            if not current:
                start = ln.number
            current.append(ln.text)
        elif current and not ln.text:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    vocabulary = Vocabulary("\n".join(ln.text for ln in lines))
    paragraphs = tuple(Paragraph(i + 1, _join_lines(block, vocabulary), line) for i, (line, block) in enumerate(blocks))
    return (Section("section", metadata.title or "", None, paragraphs),) if paragraphs else ()
