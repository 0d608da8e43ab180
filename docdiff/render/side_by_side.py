"""The terminal report side by side: each changed paragraph as two aligned
columns, the old edition on the left with its deletions struck, the new one on
the right with its insertions.  A split or merged paragraph is one row per
piece, so each new paragraph stands beside the old text it came from.

Lines are broken by ``wrap`` (between any two Chinese characters, never before
closing punctuation) and columns padded by display cells, so wide characters
line up.  Below ``MIN_WIDTH`` columns two texts of any length do not fit:
the CLI refuses, and the renderable says so in one line.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.rule import Rule
from rich.segment import Segment
from rich.text import Text

from ..model import Comparison, ParagraphChange
from . import view
from .terminal import (
    DELETED,
    INSERTED,
    NOTE,
    NUMBERS,
    PLAIN_MARKERS,
    STATUS_STYLE,
    UNCHANGED,
    ReportHeader,
    is_plain,
)
from .view import DEFAULT_OPTIONS, Departure, Folded, ReportOptions
from .wrap import Wrapped, wrap

#: The narrowest console on which two columns of text are readable.
MIN_WIDTH = 120
#: What stands between the columns.
GUTTER = " │ "


def too_narrow(width: int) -> str:
    return (f"--side-by-side needs {MIN_WIDTH} columns or more (here: {width}); "
            f"widen the terminal or give --width {MIN_WIDTH}")


def side(diff: view.Diff, which: str, plain: bool) -> Text:
    """One edition's text of a redline ('-' old, '+' new), its own changes marked."""
    text = Text()
    for op, part in view.side_text(diff, which):
        if op == "=":
            text.append(part)
        elif plain:
            start, end = PLAIN_MARKERS[op]
            text.append(f"{start}{part}{end}")
        else:
            text.append(part, style=DELETED if op == "-" else INSERTED)
    return text


class Columns:
    """Two texts side by side, each wrapped to half the width."""

    def __init__(self, left: Text, right: Text) -> None:
        self.left, self.right = left, right

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        column = (options.max_width - cell_len(GUTTER)) // 2
        left, right = wrap(self.left, column), wrap(self.right, column)
        for k in range(max(len(left), len(right))):
            a = left[k] if k < len(left) else Text()
            b = right[k] if k < len(right) else Text()
            yield from a.render(console)
            yield Segment(" " * (column - cell_len(a.plain)) + GUTTER)
            yield from b.render(console)
            yield Segment.line()


class SideBySideEntry:
    """One changed paragraph: its labels as the other reports print them (PP18,
    footnote 2: ``kind`` is the kind of the section it stands under), then old | new."""

    def __init__(self, change: ParagraphChange, kind: str = "section") -> None:
        self.change = change
        self.kind = kind

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        change = self.change
        plain = is_plain(console)
        head = Text(view.change_numbers(change, self.kind), style=NUMBERS)
        head.append("  ")
        head.append(view.change_note(change), style=STATUS_STYLE.get(change.status, ""))
        yield Wrapped(head)
        for old, piece in zip(view.pieces(change, side="-"), view.pieces(change)):
            left, right = side(old.diff, "-", plain), side(piece.diff, "+", plain)
            if piece.label:
                label = Text(f"{piece.label}  ", style=NUMBERS)
                right = label.append_text(right)
            yield Columns(left, right)
        yield Text()


class SideBySideReport:
    """The header, then every section with differences, its changed paragraphs as old | new."""

    def __init__(self, comparison: Comparison, options: ReportOptions = DEFAULT_OPTIONS) -> None:
        self.comparison = comparison
        self.options = options

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width < MIN_WIDTH:
            yield Text(too_narrow(options.max_width))
            return
        c = self.comparison
        yield ReportHeader(c, self.options)
        yield Text()
        column = (options.max_width - cell_len(GUTTER)) // 2
        yield Text(f"{'old'.ljust(column)}{GUTTER}new", style="bold")
        left = view.departures(c)
        for index, section in view.sections_to_show(c, self.options):
            yield Rule(Text(view.section_label(section), style="bold"), align="left", characters="━", style="cyan")
            for entry in view.entries(section, self.options.show_unchanged, tuple(left.get(index, ()))):
                if isinstance(entry, Folded):
                    yield Wrapped(Text(entry.describe(), style=UNCHANGED))
                elif isinstance(entry, Departure):
                    yield Wrapped(Text(entry.describe(), style=NOTE))
                else:
                    yield SideBySideEntry(entry, section.kind)
