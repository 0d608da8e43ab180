"""The terminal report without colour, drawn without rich's console (#14.1).

Where the report has no colour (a pipe, a file, ``NO_COLOR``, ``--color
never``) rich draws nothing but characters, and importing and running its
console is most of the cost of ``docdiff OLD NEW``.  ``report_text`` draws
the same characters from the same views (``view``) and the same line
breaking (``wrap``): each part laid out as ``terminal``'s renderables are
laid out by rich (its tables' column widths, its Text's word wrapping, its
rules), the lines without the trailing spaces ``cli.console`` strips.  It
returns None where the layout is one it does not reproduce (a table too
narrow for its count columns, a tab in a title): the caller then draws with
rich.  ``tests/test_plain_report.py`` checks it against rich's drawing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size

from ..model import Comparison, ParagraphChange, SectionChange
from . import view
from .view import COUNTED, Departure, Folded, ReportOptions
from .wrap import Legend, wrapped_lines

#: Markers for the redline where there is no colour.
PLAIN_MARKERS = {"-": ("[-", "-]"), "+": ("{+", "+}")}
#: How far a paragraph's text is set in; it is never set wider than MEASURE
#: cells (60 Chinese characters): longer lines are hard to follow on a wide terminal.
INDENT = 4
MEASURE = 120
#: Below this width the count columns get three-letter headings, explained under the table.
SHORT_HEADERS_BELOW = 100
SHORT_HEADERS = {"changed": "chg", "added": "add", "removed": "rem", "moved": "mov", "split": "spl", "merged": "mrg"}


def legend_entries() -> list[str]:
    return [f"{short} {status}" for status, short in SHORT_HEADERS.items()]

#: The characters rich's Text drops (bell, backspace, vertical tab, form feed, carriage return).
_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))
_HAS_CONTROL = re.compile("[\x07\x08\x0b\x0c\r]")
_TRAILING_SPACE = re.compile(r"\s+$")


class Unsupported(Exception):
    """A layout this module does not reproduce: draw with rich."""


def text(value: str) -> str:
    """``value`` as a rich Text holds it."""
    return value.translate(_CONTROL) if _HAS_CONTROL.search(value) else value


# --------------------------------------------------------------------------- how rich lays text out


def wrapped(plain: str, width: int, indent: int = 0, measure: int | None = None, balance: bool = False) -> list[str]:
    """``wrap.Wrapped``'s lines."""
    indent = min(indent, max(width - 8, 0))
    width -= indent
    if measure:
        width = min(width, measure)
    if width < 2:  # a wide character would stand past the end of the line, where rich cuts it
        raise Unsupported("width")
    pad = " " * indent
    return [pad + line for line, _ in wrapped_lines(plain, [], width, balance)]


def rich_text(plain: str, width: int, ellipsis: bool = False, no_wrap: bool = False) -> list[str]:
    """The lines of a rich ``Text`` drawn ``width`` cells wide: words folded, or
    with ``ellipsis`` (a table column's overflow) a word too long cut with "…";
    ``no_wrap``: each line as it is, cut to the width."""
    if "\t" in plain or width < 1:
        raise Unsupported("tabs")
    lines: list[str] = []
    for line in plain.split("\n"):
        offsets = [] if no_wrap else divide_line(line, width, fold=not ellipsis)
        lines.extend(_fitted(line[a:b], width, ellipsis) for a, b in zip([0, *offsets], [*offsets, len(line)]))
    return lines


def _fitted(line: str, width: int, ellipsis: bool) -> str:
    """``Text.rstrip_end`` (trailing spaces past the width, counted in characters)
    and ``Text.truncate`` of one line."""
    if len(line) > width:
        trailing = _TRAILING_SPACE.search(line)
        if trailing:
            line = line[:len(line) - min(len(trailing.group()), len(line) - width)]
    if cell_len(line) > width:
        line = set_cell_size(line, width - 1) + "…" if ellipsis else set_cell_size(line, width)
    return line


def text_width(plain: str) -> int:
    """The widest a rich ``Text`` is (``Text.__rich_measure__``'s maximum)."""
    return max((cell_len(line) for line in plain.splitlines()), default=0)


def padded(line: str, width: int) -> str:
    return line + " " * (width - cell_len(line))


def rule(title: str, width: int) -> str:
    """rich's ``Rule(title, align="left", characters="━")``, the title fitting."""
    if "\t" in title:
        raise Unsupported("tabs")
    line = title.replace("\n", " ") + " "
    return set_cell_size(line + "━" * (width - cell_len(line)), width)


def reduced(widths: list[int], wrapable: Sequence[bool], room: int) -> list[int]:
    """rich's ``Table._collapse_widths``, for a table with one wrapable column."""
    if sum(wrapable) != 1:
        raise Unsupported("columns")
    k = wrapable.index(True)
    excess = sum(widths) - room
    widths = list(widths)
    widths[k] -= min(excess, widths[k]) if widths[k] > 0 else 0
    if sum(widths) > room:
        raise Unsupported("a table too narrow for its columns")
    return widths


# --------------------------------------------------------------------------- the parts


def grid(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    """``Table.grid(padding=(0, 2))`` of a label column (no wrap) and a ``Wrapped`` value column."""
    if width < 1:
        raise Unsupported("width")
    label_width = min(max((text_width(label) for label, _ in rows), default=0) + 2, width) or 1
    value_width = min(max((cell_len(line) for _, value in rows for line in value.split("\n")), default=0),
                      width) or 1
    widths = [label_width, value_width]
    if sum(widths) > width:
        widths = reduced(widths, (False, True), width)
    lines = []
    for label, value in rows:
        labels = rich_text(label, widths[0] - 2, ellipsis=True, no_wrap=True) if widths[0] > 2 else None
        if labels is None:
            raise Unsupported("width")
        values = wrapped(value, widths[1])
        for k in range(max(len(labels), len(values))):
            left = labels[k] if k < len(labels) else ""
            lines.append(padded(left, widths[0]) + (values[k] if k < len(values) else ""))
    return lines


def header(comparison: Comparison, options: ReportOptions, width: int) -> list[str]:
    """``terminal.ReportHeader``."""
    title = "docdiff"
    if view.report_title(comparison):
        title += "  " + text(view.report_title(comparison))
    lines = wrapped(title, width)
    rows = []
    for name, info in (("old", comparison.old), ("new", comparison.new)):
        facts = text(" · ".join(view.header_facts(comparison, name)))
        if info.file:
            facts += text(f"  {info.file}")
        rows.append((name, facts))
    if options.selected:
        rows.append(("only", text(", ".join(options.selected))))
    rows.extend(("warning", text(warning)) for warning in view.edition_warnings(comparison))
    lines += ["  " + line for line in grid(rows, width - 2)]
    meta = view.metadata_rows(comparison)
    if meta:
        lines += ["  " + line for line in rich_text("masthead changes", width - 2)]
        values = []
        for row in meta:
            if row.is_list:
                old = redline((("-", row.old),)) if row.old else ""
                new = redline((("+", row.new),)) if row.new else ""
                value = old + ("  " if row.old and row.new else "") + new
            else:
                value = text(row.old) + " → " + text(row.new)
            values.append((text(row.label), value))
        lines += ["    " + line for line in grid(values, width - 4)]
    return lines


def redline(diff: view.Diff) -> str:
    """``terminal.redline_text`` without colour: the changes between markers."""
    out = []
    for op, part in diff:
        if op == "=":
            out.append(part)
        else:
            start, end = PLAIN_MARKERS.get(op, ("", ""))
            out.append(f"{start}{part}{end}")
    return text("".join(out))


def section_label(section: SectionChange) -> str:
    if section.status == "renamed":
        return text(view.old_label(section)) + " → " + text(view.new_label(section))
    return text(view.section_label(section))


def note(section: SectionChange) -> str:
    found = view.status_note(section)
    return text(f"  {found}") if found else ""


def count(n: int) -> str:
    return str(n) if n else "·"


def summary_table(comparison: Comparison, width: int, fold_unchanged: bool) -> list[str]:
    """``terminal.SummaryTable``: rich's ``Table`` with the SIMPLE_HEAD box, a
    footer, padding (0, 1) collapsed and no edge, as rich measures and draws it."""
    short = width < SHORT_HEADERS_BELOW
    headers = SHORT_HEADERS if short else {s: s for s in COUNTED}
    counts_width = sum(max(len(h), 3) + 1 for h in headers.values())
    section_max = max(16, min(width - counts_width - 2, 72))
    room = width - len(COUNTED)  # the dividers between the seven columns
    if room - 1 < 2:
        raise Unsupported("width")
    # the first column: (text, depth, how it is drawn)
    cells: list[tuple[str, int, str]] = []
    counts: list[list[str]] = []
    for row in view.summary_rows(comparison, fold_unchanged):
        empty = [""] * len(COUNTED)
        if row.kind == "group":
            cells.append((text(row.label), row.depth, "balanced"))
            counts.append(empty)
        elif row.kind == "folded":
            cells.append((text(f"… {len(row.folded)} unchanged: {row.label}"), row.depth, "truncated"))
            counts.append(empty)
        else:
            section = row.section
            assert section is not None
            label = section_label(section) + note(section)
            if not section.has_differences:
                cells.append((label + "  (unchanged)", row.depth, "balanced"))
                counts.append(empty)
            else:
                found = view.table_counts(section)
                cells.append((label, row.depth, "balanced"))
                counts.append([count(found.get(s, 0)) for s in COUNTED])
    total = comparison.summary
    footers = [count(total.get(s, 0)) for s in COUNTED]
    last = len(COUNTED) - 1

    def first_width(plain: str, depth: int, how: str) -> int:
        """The cell's widest (a Padding of the table's padding around a Padding of its indent)."""
        inner = room - 1
        if inner - 2 * depth < 1:
            raise Unsupported("indent")
        widest = text_width(plain) if how == "truncated" else max(cell_len(line) for line in plain.split("\n"))
        return min(min(widest, inner - 2 * depth) + 2 * depth, inner) + 1

    widths = [min(max(max((first_width(*cell) for cell in cells), default=0), 7 + 1, 5 + 1), room, section_max + 1)]
    for k, status in enumerate(COUNTED):
        pad = 0 if k == last else 1
        widest = max([len(headers[status]), len(footers[k]), *(len(row[k]) for row in counts)])
        widths.append(min(widest + pad, room))
    widths = [w or 1 for w in widths]
    if sum(widths) > room:
        widths = reduced(widths, (True, *(False,) * len(COUNTED)), room)
    if widths[0] < 2:
        raise Unsupported("width")

    def right(value: str, k: int) -> str:
        pad = 0 if k == last else 1
        return " " * (widths[k + 1] - pad - len(value)) + value + " " * pad

    def row_lines(first: list[str], rest: list[str]) -> list[str]:
        out = [padded(first[0] if first else "", widths[0]) + " " + " ".join(rest)]
        blank = " ".join(" " * w for w in widths[1:])
        out += [padded(line, widths[0]) + " " + blank for line in first[1:]]
        return out

    lines = row_lines(rich_text("section", widths[0] - 1, ellipsis=True), [right(headers[s], k) for k, s in enumerate(COUNTED)])
    lines.append("─" * (sum(widths) + len(COUNTED)))
    for (plain, depth, how), cell_counts in zip(cells, counts):
        inner = widths[0] - 1 - 2 * depth
        if inner < 1:
            raise Unsupported("indent")
        drawn = (rich_text(plain, min(text_width(plain), inner), ellipsis=True, no_wrap=True) if how == "truncated"
                 else wrapped(plain, inner, balance=True))
        lines += row_lines([" " * (2 * depth) + line for line in drawn], [right(n, k) for k, n in enumerate(cell_counts)])
    lines.append("")
    lines += row_lines(rich_text("total", widths[0] - 1, ellipsis=True), [right(n, k) for k, n in enumerate(footers)])
    if short:
        for line in Legend(legend_entries()).lines(width):
            lines += wrapped(line, width)
    return lines


def paragraph_entry(change: ParagraphChange, kind: str, width: int) -> Iterator[str]:
    """``terminal.ParagraphEntry``."""
    yield from wrapped(text(view.change_numbers(change, kind)) + "  " + text(view.change_note(change)), width, indent=1)
    for piece in view.pieces(change, kind):
        if change.status in ("added", "removed"):
            body = text("".join(t for _, t in piece.diff))
        elif change.status == "unchanged":
            body = text("".join(t for op, t in piece.diff if op != "-"))
        else:
            body = redline(piece.diff)
        if piece.label:
            body = text(piece.label) + "  " + body
        yield from wrapped(body, width, indent=INDENT, measure=MEASURE)


def section_report(section: SectionChange, show_unchanged: bool, left: Sequence[Departure], width: int) -> list[str]:
    """``terminal.SectionReport``."""
    label = section_label(section)
    if cell_len(label) + 8 <= width:
        lines = [rule(label, width)]
    else:
        lines = ["━" * width, *wrapped(label, width, balance=True)]
    facts = ""
    if view.within(section):
        facts += text(view.within(section) + "\n")
    if view.status_note(section):
        facts += note(section)[2:] + " · "
    facts += text(view.section_facts(section))
    if not section.paragraphs and section.status == "removed":
        facts += " (its paragraphs went to other sections)"
    lines += wrapped(facts, width)
    for entry in view.entries(section, show_unchanged, left):
        if isinstance(entry, (Folded, Departure)):
            lines += wrapped(text(entry.describe()), width, indent=1)
        else:
            lines += paragraph_entry(entry, section.kind, width)
    return lines


def report_lines(comparison: Comparison, options: ReportOptions, width: int) -> list[str]:
    """``terminal.ComparisonReport``, line by line."""
    lines = header(comparison, options, width)
    lines.append("")
    if not comparison.has_differences:
        lines += rich_text("No differences.", width)
        if not options.show_unchanged:
            return lines
    else:
        lines += rich_text(f"{view.totals_label(comparison)}: {view.counts_phrase(comparison.summary)}", width)
    lines += summary_table(comparison, width, fold_unchanged=not options.show_unchanged)
    left = view.departures(comparison)
    for index, section in view.sections_to_show(comparison, options):
        lines.append("")
        lines += section_report(section, options.show_unchanged, tuple(left.get(index, ())), width)
    return lines


def report_text(comparison: Comparison, options: ReportOptions, width: int) -> str | None:
    """The terminal report without colour, ``width`` cells wide, as
    ``cli.console`` writes rich's drawing of it to a pipe or a file; None
    where rich must draw it."""
    try:
        lines = report_lines(comparison, options, width)
    except Unsupported:
        return None
    # rich crops each line at the console's width: none of these is wider (wrap.break_offsets
    # measures as rich's cell_len does, and lays no line out narrower than 2 cells)
    return "".join(line.rstrip(" ") + "\n" for line in lines)
