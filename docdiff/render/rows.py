"""The change register: one row per paragraph change, the model the CSV and
XLSX writers (and ``docdiff batch``'s overview) draw; a pair's register
(``register_rows``) opens with a row per masthead change, as every report opens
with the masthead changes.

A row holds text only, decided here once: the section's path as printed, the
paragraph numbers, the status in words, the two texts and a plain-text redline
(``[-deleted-]{+inserted+}``, as the terminal prints it without colour); and
the page each paragraph starts on, where a reader knew the pages (a PDF): the
register then has the columns ``PAGE_COLUMNS`` after the numbers (``columns``).
A masthead row's section is "masthead", its note the field (``view.FIELD_LABELS``:
"date", "masthead lines" …), its texts the field's two values as the reports
show them, and it has no paragraph numbers, no pages and no similarity.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import TYPE_CHECKING, Comparison, ParagraphChange, SectionChange
from . import view

if TYPE_CHECKING:
    from ..lineage import History, OrganisationHistory

#: The register's columns, in order (the CSV header and the XLSX changes sheet).
COLUMNS = ("section", "old ¶", "new ¶", "status", "note", "similarity", "old text", "new text", "redline")
#: The columns of the pages the paragraphs start on, after "new ¶", where an edition knows its pages.
PAGE_COLUMNS = ("old page", "new page")
#: Plain-text marks around deleted and inserted text.
PLAIN_MARKS = {"-": ("[-", "-]"), "+": ("{+", "+}")}


@dataclass(frozen=True)
class ChangeRow:
    section: str  # "二. 联合国同… › 非洲联盟": the parts above, then the section, as printed
    old: str  # "31", "5, 6" (a merge), "" (added)
    new: str
    status: str
    note: str  # "moved from 黑海经济合作组织", "split in 2", …; a masthead row's field
    similarity: float | None  # None: a masthead row
    old_text: str  # the paragraphs of a split or merge one per line
    new_text: str
    diff: view.Diff  # the redline, drawn by each format (rich text in XLSX)
    change: ParagraphChange | None  # None: a masthead row

    @property
    def redline(self) -> str:
        return plain_redline(self.diff)

    def cells(self, pages: bool = False) -> tuple[str | float, ...]:
        """The row's values in ``columns(pages)`` order ('' for no similarity)."""
        similarity = "" if self.similarity is None else self.similarity
        if pages:
            old_page, new_page = ((page_list(self.change.old_page), page_list(self.change.new_page))
                                  if self.change is not None else ("", ""))
            return (self.section, self.old, self.new, old_page, new_page, self.status, self.note, similarity,
                    self.old_text, self.new_text, self.redline)
        return (self.section, self.old, self.new, self.status, self.note, similarity,
                self.old_text, self.new_text, self.redline)


def columns(pages: bool = False) -> tuple[str, ...]:
    """The register's columns: ``COLUMNS``, with ``PAGE_COLUMNS`` after the numbers for ``pages``."""
    return (*COLUMNS[:3], *PAGE_COLUMNS, *COLUMNS[3:]) if pages else COLUMNS


def knows_pages(comparison: Comparison) -> bool:
    """Whether a paragraph of either edition has a known page (``ParagraphChange.old_page``)."""
    return any(change.old_page or change.new_page for change in comparison.paragraph_changes())


def page_list(pages: tuple[int | None, ...]) -> str:
    """'4', '4, 5' (a split or merge); '' where the page is not known."""
    return ", ".join("" if page is None else str(page) for page in pages) if any(pages) else ""


def plain_redline(diff: view.Diff) -> str:
    out = []
    for op, text in diff:
        if not text:
            continue
        opening, closing = PLAIN_MARKS.get(op, ("", ""))
        out.append(f"{opening}{text}{closing}")
    return "".join(out)


def section_path(section: SectionChange) -> str:
    return " › ".join((*view.section_parent(section), view.section_label(section) or section.kind))


def numbers(change: ParagraphChange, side: str, kind: str = "section") -> str:
    """'5, 6'; an unnumbered paragraph by the label the reports print for it
    ('PP18', 'footnote 2', 'closing line 1', 'unnumbered ¶4')."""
    values = change.old if side == "old" else change.new
    labels = view.side_labels(change, side, kind)
    return ", ".join(label if n is None else str(n) for n, label in zip(values, labels))


#: The section of a masthead row.
MASTHEAD = "masthead"


def masthead_rows(comparison: Comparison) -> Iterator[ChangeRow]:
    """A row per masthead change (``view.metadata_rows``): the field, its old and
    its new value, the redline the old struck and the new inserted."""
    for meta in view.metadata_rows(comparison):
        diff = tuple((op, text) for op, text in (("-", meta.old), ("+", meta.new)) if text)
        yield ChangeRow(MASTHEAD, "", "", "changed", meta.label, None, meta.old, meta.new, diff, None)


def register_rows(comparison: Comparison, show_unchanged: bool = False) -> Iterator[ChangeRow]:
    """A pair's register: the masthead rows, then ``change_rows``."""
    yield from masthead_rows(comparison)
    yield from change_rows(comparison, show_unchanged)


def change_rows(comparison: Comparison, show_unchanged: bool = False) -> Iterator[ChangeRow]:
    """Every paragraph change of every section, in the comparison's order
    (unchanged paragraphs only when ``show_unchanged``)."""
    for section in comparison.sections:
        path = section_path(section)
        for change in section.paragraphs:
            if change.status == "unchanged" and not show_unchanged:
                continue
            yield row(path, change, section.kind)


def row(path: str, change: ParagraphChange, kind: str = "section") -> ChangeRow:
    diff = tuple((op, text.replace("\n", " ¶ ")) for op, text in view.redline(change))
    return ChangeRow(path, numbers(change, "old", kind), numbers(change, "new", kind), change.status,
                     view.change_note(change),
                     round(change.similarity, 4), change.old_text, change.new_text, diff, change)


@dataclass(frozen=True)
class CountRow:
    """A row of the per-organisation table: a part's title (``group``) or a section with its counts."""

    kind: str  # "group", "section", "total"
    label: str
    depth: int
    status: str  # the section's own: "renamed", "added", … ('' for groups)
    counts: tuple[int, ...]  # in view.COUNTED order


def count_rows(comparison: Comparison) -> list[CountRow]:
    """The summary table, every section unfolded, and a total."""
    rows = []
    for summary in view.summary_rows(comparison, fold_unchanged=False):
        if summary.kind == "group" or summary.section is None:
            rows.append(CountRow("group", summary.label, summary.depth, "", ()))
            continue
        counts = summary.section.counts()
        rows.append(CountRow("section", summary.label, summary.depth, summary.section.status,
                             tuple(counts.get(s, 0) for s in view.COUNTED)))
    total = comparison.summary
    rows.append(CountRow("total", "total", 0, "", tuple(total.get(s, 0) for s in view.COUNTED)))
    return rows


def history_rows(history: History, orgs: Sequence[OrganisationHistory] = (),
                 show_unchanged: bool = False) -> Iterator[tuple[str, ChangeRow]]:
    """The change rows of each step of a history, each labelled with its two
    editions ('2010 → 2012'); with ``orgs``, only their sections' rows."""
    from .history_view import edition_labels

    labels = edition_labels(history.editions)

    def step_label(start: int) -> str:
        return f"{labels[start]} → {labels[start + 1]}"

    if not orgs:
        for start, comparison in enumerate(history.comparisons):
            for change_row in change_rows(comparison, show_unchanged):
                yield step_label(start), change_row
        return
    for org in orgs:
        for step in org.steps:
            path = section_path(step.change)
            for change in step.change.paragraphs:
                if change.status != "unchanged" or show_unchanged:
                    yield step_label(step.start), row(path, change, step.change.kind)
