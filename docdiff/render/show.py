"""``docdiff show OLD NEW REF``: one paragraph in both editions, with its redline.

``REF`` names a paragraph as a reader does: ``31`` (the new edition's ¶31),
``old:29`` (the old edition's ¶29), ``[12]`` (the new edition's paragraph at
index 12 in reading order, for unnumbered paragraphs: how the outline labels
them) or ``old:[12]``.  The entry shown is the comparison's: a paragraph that
was split shows the old paragraph beside all its new pieces.  Where an
edition knows its pages (a PDF), each side names the page its paragraphs start on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from ..model import Comparison, Document, Paragraph, ParagraphChange, SectionChange, paragraph_label
from . import view
from .rows import page_list
from .terminal import NOTE, NUMBERS, ParagraphEntry
from .wrap import Wrapped

_REF = re.compile(r"^(?:(?P<side>old|new):)?(?:(?P<number>\d+)|\[(?P<index>\d+)\]|index:(?P<index2>\d+))$")


#: A paragraph's label as the reports print it ("PP18", "footnote 2", "closing line 1",
#: "summary ¶2", "unnumbered ¶4"; "¶31" is a number): see ``model.paragraph_label``.
_LABEL = re.compile(r"^(?:(?P<side>old|new):)?\s*(?P<label>(?:pp|footnote |closing line |summary ¶|unnumbered ¶)\d+)$")


@dataclass(frozen=True)
class Reference:
    side: str  # "old" or "new"
    number: int | None
    index: int | None
    label: str | None = None  # as the reports print it, casefolded

    def __str__(self) -> str:
        where = f"¶{self.number}" if self.number is not None else self.label or f"[{self.index}]"
        return f"the {self.side} edition's {where}"


def parse_reference(text: str) -> Reference:
    """'31' or '¶31', 'old:29', '[12]', 'old:[12]' (``index:12`` too), or a label as
    the reports print it ('PP18', 'old:PP3', 'footnote 2', 'closing line 1'); a
    ValueError otherwise."""
    plain = " ".join(text.strip().lower().split())
    label = _LABEL.match(plain)
    if label is not None:
        return Reference(label["side"] or "new", None, None, label["label"])
    match = _REF.match(plain.replace("¶", ""))
    if match is None:
        raise ValueError(f"{text!r} is not a paragraph reference: give a number (31), old:N (old:29), "
                         "an index as the outline shows it ([12], old:[12]), or a label as the report "
                         "prints it (PP18, footnote 2, closing line 1)")
    index = match["index"] or match["index2"]
    return Reference(match["side"] or "new", int(match["number"]) if match["number"] else None,
                     int(index) if index else None)


def find(comparison: Comparison, old: Document, new: Document, ref: Reference) -> tuple[SectionChange, ParagraphChange]:
    """The section and the entry that hold the paragraph ``ref`` names; a LookupError
    (saying what the edition has) where there is none."""
    document = old if ref.side == "old" else new
    from ..compare import paragraph_refs

    if ref.label is not None:
        # (the label of each paragraph the comparison reports on: its place in its section)
        labelled = [(r, p) for _, r, place, p, section in paragraph_refs(document)
                    if paragraph_label(p.number, place, section.kind).casefold() == ref.label]
        if not labelled:
            raise LookupError(f"{ref} does not exist")
        return _entry(comparison, ref, *labelled[0])
    paragraphs = list(document.paragraphs())
    target: Paragraph | None = None
    for paragraph in paragraphs:
        if (ref.number is not None and paragraph.number == ref.number) or \
                (ref.index is not None and paragraph.index == ref.index):
            target = paragraph
            break
    if target is None:
        numbers = [p.number for p in paragraphs if p.number is not None]
        span = f"¶{min(numbers)}–¶{max(numbers)}, " if numbers else ""
        indexes = [p.index for p in paragraphs]
        raise LookupError(f"{ref} does not exist (it has {span}indexes [{min(indexes, default=0)}]–"
                          f"[{max(indexes, default=-1)}])")
    # the comparison's reference of the paragraph (its index, but where a
    # summary the parser keeps apart comes first in reading order)
    compared = next(r for _, r, _, p, _ in paragraph_refs(document) if p is target)
    return _entry(comparison, ref, compared, target)


def _entry(comparison: Comparison, ref: Reference, compared: int, target: Paragraph
           ) -> tuple[SectionChange, ParagraphChange]:
    for section in comparison.sections:
        for change in section.paragraphs:
            if _holds(change, target, ref.side, compared):
                return section, change
    raise LookupError(f"{ref} is in no entry of the comparison")


def _holds(change: ParagraphChange, paragraph: Paragraph, side: str, compared: int) -> bool:
    indexes = getattr(change, f"{side}_index", None)  # the comparison's own references, where it has them
    if indexes:
        return compared in indexes
    numbers = change.old if side == "old" else change.new
    if paragraph.number is not None:
        return paragraph.number in numbers
    text = change.old_text if side == "old" else change.new_text
    return None in numbers and paragraph.text in text.split("\n")


class ShowReport:
    """The entry's numbers and status, where it stands, both texts in full, and the redline."""

    def __init__(self, section: SectionChange, change: ParagraphChange) -> None:
        self.section = section
        self.change = change

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        section, change = self.section, self.change
        where = Text(" › ".join((*view.section_parent(section), view.section_label(section) or section.kind)), style=NOTE)
        yield Wrapped(where)
        for label, text in (("old", change.old_text), ("new", change.new_text)):
            head = Text(f"{label} ", style="bold")
            head.append(view.side_span(change, label, section.kind) or "(none)", style=NUMBERS)
            pages = page_list(change.old_page if label == "old" else change.new_page)
            if pages:  # (where the edition knows its pages: a PDF)
                head.append(f" · page{'s' if ',' in pages else ''} {pages}", style=NOTE)
            yield Text()
            yield Wrapped(head)
            yield Wrapped(Text(text or "—"), indent=4)
        yield Text()
        yield Wrapped(Text("redline", style="bold"))
        yield ParagraphEntry(change)
