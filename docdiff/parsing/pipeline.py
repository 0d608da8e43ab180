"""The pipeline's entry: ``parse(text)`` runs the stages in order (see ``docdiff.parsing``)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence

from .. import conventions as cv, resolution
from .._gc import collector_paused
from ..model import Document, Paragraph, Section
from ..record import replace
from .body import find_body, paragraph_number
from .front import SUMMARY_AS_SECTION, parse_front
from .furniture import drop_furniture
from .joining import Vocabulary
from .lines import Block, Line, fold, numbered_by_reader
from .paragraphs import read_body
from .unstructured import parse_unstructured


@collector_paused
def parse(text: str, source: str | None = None, *, blocks: Mapping[int, Block] | None = None,
          pages: Sequence[int] = ()) -> Document:
    """Parse the text of an edition into a ``Document``.

    ``blocks``: what the reader knows of the paragraphs, by the line of ``text``
    each starts at (1-based; ``Reading.blocks``; see ``lines.Block``).
    ``pages``: the line of ``text`` each page starts at (1-based, page 1 first;
    ``Reading.pages``): each line then knows its page (``Line.page``), the
    stages take the pages from it, and each paragraph is on the page it starts
    on (``Paragraph.page``)."""
    if not isinstance(text, str):
        hint = ("; decode bytes with docdiff.decode(data), or read a file with docdiff.load(path)"  # type: ignore[unreachable]
                if isinstance(text, (bytes, bytearray, memoryview)) else "")  # (a caller without type checks)
        raise TypeError(f"parse() takes the text of an edition as a str, not {type(text).__name__}{hint}")
    if not text.strip():  # as docdiff.load says of an empty file (where it is an error)
        return Document(source=source, warnings=("the text is empty",))
    # A lone surrogate (a str made by hand or decoded with surrogateescape) is
    # no character: no encoding can write it, so no report could show it.  It
    # becomes U+FFFD, and the document says so.
    lone = LONE_SURROGATE.findall(text) if isinstance(text, str) else ()
    if not lone:
        return _parse_text(text, source, blocks or {}, pages)
    document = _parse_text(LONE_SURROGATE.sub("\ufffd", text), source, blocks or {}, pages)
    warning = (f"{len(lone)} lone surrogate{'s' if len(lone) > 1 else ''} (no character, unwritable) "
               f"replaced by U+FFFD, first at offset {LONE_SURROGATE.search(text).start()}")  # type: ignore[union-attr]
    return replace(document, warnings=(warning, *document.warnings))


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_text(text: str, source: str | None, blocks: Mapping[int, Block], pages: Sequence[int]) -> Document:
    raw_lines = text.split("\n")
    if pages:
        on_page = page_of_lines(pages, len(raw_lines))
        lines = [Line(i + 1, fold(raw), raw, blocks.get(i + 1), on_page[i]) for i, raw in enumerate(raw_lines)]
    elif blocks:
        lines = [Line(i + 1, fold(raw), raw, blocks.get(i + 1)) for i, raw in enumerate(raw_lines)]
    else:
        lines = [Line(i + 1, fold(raw), raw) for i, raw in enumerate(raw_lines)]
    start = resolution.find_body_start(lines)
    if start is not None and not any(cv.REPORT_OF.match(ln.text) for ln in lines[:start[0]]):
        document = resolution.parse_resolution(lines, start, source)
        return replace(document, sections=number_in_reading_order(document.sections, pages=pages))
    content, running_heads, page_notes = drop_furniture(lines)

    # (read without the furniture, so that a word cut by a page break is one word)
    vocabulary = Vocabulary("\n".join(ln.text for ln in content))
    by_reader = numbered_by_reader(content)
    numbers = [paragraph_number(ln, by_reader) for ln in content]  # (read once, for both stages)
    body_start = find_body(content, by_reader, numbers)
    warnings: list[str] = []
    if body_start is None:
        # no numbered paragraph: the masthead's lines that open the text are still read as one
        head = resolution.masthead_head(content)
        front_lines, body_lines = content[:head], content[head:]
    else:
        front_lines, body_lines = content[:body_start], content[body_start:]
    metadata, front, summary = parse_front(lines, front_lines, running_heads, body_lines)
    if page_notes and body_start is not None:  # (an unstructured text is read whole, below)
        front = replace(front, footnotes=front.footnotes + tuple(page_notes))

    if body_start is None:
        warnings.append("no numbered paragraphs found: the text is read as blank-line-separated paragraphs")
        after = front_lines[-1].number if front_lines else 0
        sections = parse_unstructured([ln for ln in lines if ln.number > after], metadata)
    else:
        sections, body_warnings = read_body(body_lines, front.contents, vocabulary, by_reader, numbers[body_start:])
        warnings.extend(body_warnings)
    if summary is not None and SUMMARY_AS_SECTION:
        sections = (summary, *sections)
    elif summary is not None:
        front = replace(front, summary=tuple(p.text for p in summary.paragraphs))
    sections = number_in_reading_order(sections, len(front.summary), pages)
    return Document(metadata=metadata, sections=sections, front=front, source=source, warnings=tuple(warnings))





def page_of_lines(pages: Sequence[int], count: int) -> list[int | None]:
    """The page of each of ``count`` lines (0-based), from the line each page
    starts at (1-based, page 1 first): a line above page 1's first is on none."""
    return [bisect.bisect_right(pages, number) or None for number in range(1, count + 1)]


def number_in_reading_order(sections: tuple[Section, ...], start: int = 0,
                            pages: Sequence[int] = ()) -> tuple[Section, ...]:
    """Every paragraph gets its ``index``: its 0-based place in reading order,
    after the ``start`` paragraphs that come first (a summary the parser keeps
    in ``FrontMatter.summary``, which stands above the body and so takes the
    indexes [0] … [start - 1], as the comparison counts it); and, where the
    reader gave the ``pages``, its ``page``: the page its first line is on."""
    counter = iter(range(start, 1 << 62))

    def renumber(section: Section) -> Section:
        # (made whole, as ``replace(p, index=…)`` would: ``replace`` reads the
        # fields by name, most of this stage on an edition of short paragraphs)
        if pages:
            paragraphs = tuple(Paragraph(p.number, p.text, p.line, next(counter),
                                         bisect.bisect_right(pages, p.line) or None if p.line else None)
                               for p in section.paragraphs)
        else:
            paragraphs = tuple(Paragraph(p.number, p.text, p.line, next(counter), p.page) for p in section.paragraphs)
        return replace(section, paragraphs=paragraphs, sections=tuple(renumber(s) for s in section.sections))

    return tuple(renumber(s) for s in sections)
