"""The terminal report: rich renderables over a ``Comparison``.

``ComparisonReport`` is the whole report: a header (both editions, what changed
on the masthead), the summary table, then every section with differences as a
redline.  Each part is a renderable of its own, so a test can print any of them
on a recorded console.

Without colour (``NO_COLOR``, ``--color never``, output to a file or a pipe)
the redline is spelled with markers, as ``git diff --word-diff=plain`` does:
``[-deleted-]{+inserted+}``.  That report, to a pipe or a file, is drawn by
``render.plain`` without rich's console: a change here is made there too
(``tests/test_plain_report.py`` compares the two).
"""

from __future__ import annotations

from functools import partial

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.rule import Rule
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..model import Comparison, ParagraphChange, SectionChange
from . import view
from .plain import (
    INDENT as INDENT,
    MEASURE as MEASURE,
    PLAIN_MARKERS as PLAIN_MARKERS,
    SHORT_HEADERS,
    SHORT_HEADERS_BELOW,
    legend_entries,
)
from .view import COUNTED, Departure, Folded, ReportOptions
from .wrap import Legend, Wrapped

#: Styles, in one place.
DELETED = "red strike"
INSERTED = "green underline"
ADDED = "green"
REMOVED = "red"
UNCHANGED = "dim"
NUMBERS = "bold"
NOTE = "cyan"
HEADING = "bold"

STATUS_STYLE = {"changed": "yellow", "added": ADDED, "removed": REMOVED, "moved": NOTE,
                "split": "magenta", "merged": "magenta", "unchanged": UNCHANGED}


def is_plain(console: Console) -> bool:
    """True where styles cannot be seen: the redline then needs markers."""
    return console.no_color or console.color_system is None


# --------------------------------------------------------------------------- text pieces


def redline_text(diff: view.Diff, plain: bool, base_style: str = "") -> Text:
    """(op, text) pairs as one Text: deletions struck through in red, insertions
    in green (or between markers when ``plain``)."""
    text = Text(style=base_style)
    for op, part in diff:
        if op == "=":
            text.append(part)
        elif plain:
            start, end = PLAIN_MARKERS.get(op, ("", ""))
            text.append(f"{start}{part}{end}")
        else:
            text.append(part, style=DELETED if op == "-" else INSERTED)
    return text


def _section_label(section: SectionChange) -> Text:
    if section.status == "renamed":
        text = Text(view.old_label(section))
        text.append(" → ")
        text.append(view.new_label(section), style="bold")
        return text
    return Text(view.section_label(section))


def _note(section: SectionChange) -> Text:
    note = view.status_note(section)
    style = {"added": ADDED, "removed": REMOVED, "renamed": "yellow"}.get(section.status, "")
    return Text(f"  {note}", style=style) if note else Text()


# --------------------------------------------------------------------------- header


class ReportHeader:
    """Both editions, and what changed on the masthead."""

    def __init__(self, comparison: Comparison, options: ReportOptions = ReportOptions()) -> None:
        self.comparison = comparison
        self.options = options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        c = self.comparison
        title = Text("docdiff", style="bold cyan")
        if view.report_title(c):
            title.append("  ")
            title.append(view.report_title(c), style=HEADING)
        yield Wrapped(title)

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        for name, info in (("old", c.old), ("new", c.new)):
            facts = Text(" · ".join(view.header_facts(c, name)))
            if info.file:
                facts.append(f"  {info.file}", style="dim")
            grid.add_row(name, Wrapped(facts))
        if self.options.selected:
            grid.add_row("only", Wrapped(Text(", ".join(self.options.selected), style=NOTE)))
        for warning in view.edition_warnings(c):
            grid.add_row("warning", Wrapped(Text(warning, style="yellow")))
        yield Padding(grid, (0, 0, 0, 2))

        rows = view.metadata_rows(c)
        if rows:
            plain = is_plain(console)
            meta = Table.grid(padding=(0, 2))
            meta.add_column(style="dim", no_wrap=True)
            meta.add_column()
            for row in rows:
                if row.is_list:
                    value = Text()
                    if row.old:
                        value.append_text(redline_text((("-", row.old),), plain))
                    if row.old and row.new:
                        value.append("  ")
                    if row.new:
                        value.append_text(redline_text((("+", row.new),), plain))
                else:
                    value = Text(row.old, style=REMOVED)
                    value.append(" → ", style="default")
                    value.append(row.new, style=ADDED)
                meta.add_row(row.label, Wrapped(value))
            yield Padding(Group(Text("masthead changes", style="bold"), Padding(meta, (0, 0, 0, 2))), (0, 0, 0, 2))



# --------------------------------------------------------------------------- summary table


class SummaryTable:
    """One row per section in document order, with its paragraph counts."""

    def __init__(self, comparison: Comparison, fold_unchanged: bool = True) -> None:
        self.comparison = comparison
        self.fold_unchanged = fold_unchanged

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        short = width < SHORT_HEADERS_BELOW
        headers = SHORT_HEADERS if short else {s: s for s in COUNTED}
        table = Table(box=box.SIMPLE_HEAD, show_footer=True, pad_edge=False, padding=(0, 1),
                      header_style="bold", footer_style="bold", collapse_padding=True, show_edge=False)
        counts_width = sum(max(len(h), 3) + 1 for h in headers.values())
        table.add_column("section", footer="total", max_width=max(16, min(width - counts_width - 2, 72)))
        total = self.comparison.summary
        for status in COUNTED:
            table.add_column(headers[status], justify="right", no_wrap=True,
                             footer=_count(total.get(status, 0), status))
        for row in view.summary_rows(self.comparison, self.fold_unchanged):
            indented = partial(_indented, depth=row.depth)
            empty = [NO_COUNT] * len(COUNTED)
            if row.kind == "group":
                table.add_row(indented(Wrapped(Text(row.label, style="bold"), balance=True)), *empty)
            elif row.kind == "folded":
                text = Text(f"… {len(row.folded)} unchanged: {row.label}", style=UNCHANGED,
                            no_wrap=True, overflow="ellipsis")
                table.add_row(indented(text), *empty)
            else:
                section = row.section
                assert section is not None
                label = _section_label(section)
                label.append_text(_note(section))
                if not section.has_differences:
                    label.append("  (unchanged)")
                    label.stylize(UNCHANGED)
                    table.add_row(indented(Wrapped(label, balance=True)), *empty)
                else:
                    counts = view.table_counts(section)
                    table.add_row(indented(Wrapped(label, balance=True)), *[_count(counts.get(s, 0), s) for s in COUNTED])
        yield table
        if short:
            yield Legend(legend_entries())


def _indented(renderable: RenderableType, depth: int) -> Padding:
    return Padding(renderable, (0, 0, 0, 2 * depth), expand=False)


def _count(n: int, status: str) -> Count:
    return Count(str(n), STATUS_STYLE.get(status, "")) if n else Count("·", "dim")


class Count:
    """A cell of the summary table's count columns: one word, drawn as rich
    draws a ``Text`` justified right in a column (padded on the left, its style
    over the padding too) without the wrapping and justifying a Text goes
    through in each of the table's cells (#14.1); in a column too narrow for
    it, or not justified right, it is that Text."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        size = cell_len(self.text)
        if size > options.max_width or options.justify != "right":
            yield Text(self.text, style=self.style)
            return
        style = console.get_style(self.style, default=Style.null()) if self.style else None
        yield Segment(" " * (options.max_width - size) + self.text, style)
        yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        size = cell_len(self.text)  # one word: as wide at the least as at the most
        return Measurement(size, size)


#: A count column's cell in a row without counts.
NO_COUNT = Count("")


# --------------------------------------------------------------------------- sections


class ParagraphEntry:
    """One entry: its numbers and what happened, then its text as a redline."""

    def __init__(self, change: ParagraphChange, kind: str = "section") -> None:
        self.change = change
        self.kind = kind  # of the section it stands under

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        change = self.change
        plain = is_plain(console)
        head = Text(view.change_numbers(change, self.kind), style=NUMBERS)
        head.append("  ")
        head.append(view.change_note(change), style=STATUS_STYLE.get(change.status, ""))
        yield Wrapped(head, indent=1)
        for piece in view.pieces(change, self.kind):
            if change.status == "added":
                body = Text("".join(t for _, t in piece.diff), style=ADDED)
            elif change.status == "removed":
                body = Text("".join(t for _, t in piece.diff), style=REMOVED)
            elif change.status == "unchanged":
                body = Text("".join(t for op, t in piece.diff if op != "-"), style=UNCHANGED)
            else:
                moved_same = change.status == "moved" and all(op == "=" for op, _ in piece.diff)
                body = redline_text(piece.diff, plain, UNCHANGED if moved_same else "")
            if piece.label:
                # the label's style on its own span: a Text's own style would
                # reach the body appended to it
                label = Text()
                label.append(piece.label, style=NUMBERS)
                label.append("  ")
                label.append_text(body)
                body = label
            yield Wrapped(body, indent=INDENT, measure=MEASURE)


class SectionReport:
    """A section with its entries; runs of unchanged paragraphs folded."""

    def __init__(self, section: SectionChange, show_unchanged: bool = False,
                 left: tuple[Departure, ...] = ()) -> None:
        self.section = section
        self.show_unchanged = show_unchanged
        self.left = left

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        section = self.section
        label = _section_label(section)
        label.stylize("bold")
        if cell_len(label.plain) + 8 <= options.max_width:
            yield Rule(label, align="left", characters="━", style="cyan")
        else:
            yield Rule(characters="━", style="cyan")
            yield Wrapped(label, balance=True)
        facts = Text()
        if view.within(section):
            facts.append(view.within(section) + "\n", style="dim")
        if view.status_note(section):
            facts.append_text(_note(section)[2:])
            facts.append(" · ")
        facts.append(view.section_facts(section), style="dim")
        if not section.paragraphs and section.status == "removed":
            facts.append(" (its paragraphs went to other sections)", style="dim")
        yield Wrapped(facts)
        for entry in view.entries(section, self.show_unchanged, self.left):
            if isinstance(entry, Folded):
                yield Wrapped(Text(entry.describe(), style=UNCHANGED), indent=1)
            elif isinstance(entry, Departure):
                yield Wrapped(Text(entry.describe(), style=NOTE), indent=1)
            else:
                yield ParagraphEntry(entry, section.kind)


# --------------------------------------------------------------------------- the report


class ComparisonReport:
    """The whole terminal report."""

    def __init__(self, comparison: Comparison, options: ReportOptions = ReportOptions()) -> None:
        self.comparison = comparison
        self.options = options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        c = self.comparison
        yield ReportHeader(c, self.options)
        yield Text()
        if not c.has_differences:
            yield Text("No differences.", style="bold green")
            if not self.options.show_unchanged:
                return
        else:
            phrase = view.counts_phrase(c.summary)
            yield Text(f"{view.totals_label(c)}: {phrase}", style="bold")
        yield SummaryTable(c, fold_unchanged=not self.options.show_unchanged)
        left = view.departures(c)
        for index, section in view.sections_to_show(c, self.options):
            yield Text()
            yield SectionReport(section, self.options.show_unchanged, tuple(left.get(index, ())))
