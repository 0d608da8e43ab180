"""The tree builder: headings and paragraphs, in reading order, into parts, organisations and subsections."""

from __future__ import annotations

import unicodedata

from .. import conventions as cv
from ..model import TYPE_CHECKING, Paragraph, Section

if TYPE_CHECKING:
    from ..model import SectionKind

class OpenSection:
    """A section being built (the tree is frozen once the body is read)."""

    __slots__ = ("kind", "title", "number", "paragraphs", "children", "level")

    def __init__(self, kind: SectionKind, title: str, number: str | None, level: int | None = None) -> None:
        self.kind = kind
        self.title = title
        self.number = number
        self.paragraphs: list[Paragraph] = []
        self.children: list[OpenSection] = []
        self.level = level  # its heading's level, where the reader knows it

    def closed_by(self, level: int | None) -> bool:
        """A heading at ``level`` closes this section: both levels known, and
        the heading's no deeper than this one's."""
        return level is not None and self.level is not None and level <= self.level

    def freeze(self) -> Section:
        return Section(self.kind, self.title, self.number, tuple(self.paragraphs),
                       tuple(c.freeze() for c in self.children))


class TreeBuilder:
    """Headings and paragraphs, in reading order, into the tree.

    A heading's kind is read from its text: a part number (I., 一.) opens a part,
    a letter (A.) a subsection, anything else an organisation.  Where the reader
    knows a heading's level (Word's heading styles), a heading closes the open
    sections of its own level and deeper before it is placed: an unnumbered
    heading at the parts' level stands beside them, not inside the last one.

    An annex (``annex``) is a section at the top that holds what follows it,
    parts and headings as the body does, until numbering starts again or
    another annex opens."""

    def __init__(self) -> None:
        self.top: list[OpenSection] = []
        self.annex_node: OpenSection | None = None
        self.part: OpenSection | None = None
        self.organisation: OpenSection | None = None
        self.subsection: OpenSection | None = None
        self.item: OpenSection | None = None  # a third-level heading ("1. Working Group")
        self.part_value = 0  # numbers of the last part and subsection, for the sequence
        self.last_subsection: tuple[tuple[int, ...], OpenSection | None] | None = None  # its readings and parent
        self.subsection_value = 0

    def heading(self, text: str, level: int | None = None) -> None:
        if level is None and (item := cv.numbered_paragraph(text)) and not cv.PART_HEADING.match(text) \
                and not cv.SUBSECTION_HEADING.match(text):
            # "1. Working Group": a section of its own inside the open subsection
            # (organisation, part), until the next heading
            node = OpenSection("section", item["text"].strip(), item["number"], level=level)
            self._container(self.subsection or self.organisation or self.part).append(node)
            self.item = node
            return
        self.item = None
        if self.part is not None and self.part.closed_by(level):
            self.part = self.organisation = self.subsection = None
            self.last_subsection = None
        if self.organisation is not None and self.organisation.closed_by(level):
            if any(child is self.subsection for child in self.organisation.children):
                self.subsection = None
            self.organisation = None
        if self.subsection is not None and self.subsection.closed_by(level):
            self.subsection = None
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
            node = OpenSection("part", part["title"].strip(), part["number"], level=level)
            self._container(None).append(node)
            self.part, self.organisation, self.subsection = node, None, None
            self.part_value, self.subsection_value = part_value, 0
            self.last_subsection = None
        elif sub and sub_value:
            node = OpenSection("subsection", sub["title"].strip(), unicodedata.normalize("NFKC", sub["number"]),
                               level=level)
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
            node = OpenSection("organisation", text, None, level=level)
            self._container(self.part).append(node)
            self.organisation, self.subsection, self.subsection_value = node, None, 0

    def restart(self) -> None:
        """Numbering starts again: what follows opens its own sections at the top."""
        self.part = self.organisation = self.subsection = self.item = None
        self.part_value = self.subsection_value = 0
        self.last_subsection = None
        self.annex_node = None

    def annex(self, title: str) -> None:
        """An annex opens ("Annex", "Annex II", 附件): a section at the top,
        titled by that line, that holds the headings and paragraphs after it."""
        self.restart()
        self.annex_node = OpenSection("annex", title, None)
        self.top.append(self.annex_node)

    def _container(self, parent: OpenSection | None) -> list[OpenSection]:
        if parent is not None:
            return parent.children
        return self.annex_node.children if self.annex_node is not None else self.top

    def paragraph(self, paragraph: Paragraph) -> None:
        target = self.item or self.subsection or self.organisation or self.part or self.annex_node
        if target is None:
            target = OpenSection("section", "", None)
            self.top.append(target)
            self.part = target
        target.paragraphs.append(paragraph)

    def freeze(self) -> tuple[Section, ...]:
        return tuple(node.freeze() for node in self.top)
