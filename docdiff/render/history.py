"""The history of many editions, drawn: a rich table, Markdown, HTML.

What to show is decided in ``history_view`` (cells of text with a *tone*);
the drawers here only map tones to rich styles, Markdown marks or HTML classes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from ..lineage import History, OrganisationHistory
from . import palette
from .history_view import (
    LEGEND,
    LEGEND_ENTRIES,
    Cell,
    edition_facts,
    edition_labels,
    edits,
    lineage_rows,
    organisation_label,
    overview_rows,
    row_heading,
    title,
    title_line,
    total_cells,
)
from .html import LANGUAGE_TAGS
from .markdown import escape, escape_block, redline as markdown_redline
from .terminal import is_plain, redline_text
from .view import DEFAULT_OPTIONS, ReportOptions, tagged_redline
from .wrap import Legend, Wrapped, natural_width

# =============================================================================== rich

STYLES = {"same": "dim", "changed": "yellow", "added": "green", "removed": "red", "moved": "cyan",
          "split": "magenta", "merged": "magenta", "renamed": "bold yellow", "absent": "dim"}


def _text(cell: Cell) -> Text:
    return Text(cell.text, style=STYLES.get(cell.tone, ""))


def _edition_columns(table: Table, labels: Sequence[str], wrap_steps: bool = True) -> None:
    for i, label in enumerate(labels):
        if i:
            table.add_column("→", justify="left", overflow="fold", no_wrap=not wrap_steps)
        table.add_column(label, justify="right", no_wrap=True)


def overview_table(history: History, first: int = 0, last: int | None = None, names: bool = True) -> Table:
    """Every organisation across the editions ``first`` … ``last`` (all by
    default), as a rich table (``Overview`` draws its title and legend)."""
    labels = edition_labels(history.editions)
    last = len(labels) - 1 if last is None else last
    cut = slice(2 * first, 2 * last + 1)  # the cells of those editions: count, step, count, … count
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(row_heading(history), min_width=NAMES_MIN_WIDTH)
    _edition_columns(table, labels[first:last + 1], wrap_steps=False)  # the organisations' names wrap instead
    for row in overview_rows(history):
        if row.kind == "group":
            table.add_row(Wrapped(row.label if names else "", style="bold"))
            continue
        label = Text(row.label if names else "")
        if row.note and names:
            label.append(f"\nformerly {row.note}", style="dim")
        table.add_row(Wrapped(label), *(_text(c) for c in row.cells[cut]))
    table.add_section()
    table.add_row(Text("all paragraphs", style="bold"), *(_text(c) for c in total_cells(history)[cut]))
    return table


#: The narrowest the organisation column may be before the editions are drawn in runs.
NAMES_AT_LEAST = 20
#: The organisation column is never narrower than this (and its heading).
NAMES_MIN_WIDTH = 12


@dataclass(frozen=True)
class Overview:
    """The overview table, in as many tables as the width needs: where all the
    editions do not fit side by side, runs of editions that do, each run
    starting at the edition the one before it ended on (so every step is shown
    once and nothing is cut off)."""

    history: History

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        count = len(self.history.editions)

        def drawn(first: int, last: int) -> int:
            return natural_width(console, overview_table(self.history, first, last, names=False))

        # Drawn without a limit, every column is as wide as its widest cell, so a run's
        # width adds up: its editions' tables of one edition each, and for each step
        # what a table of its two editions adds to theirs.  2n − 1 tables drawn, not
        # one per run and size.
        alone = [drawn(k, k) for k in range(count)]
        step = [drawn(k, k + 1) - alone[k] - alone[k + 1] for k in range(count - 1)]

        def needed(size: int) -> int:
            """The width of the widest run of ``size`` editions, drawn without a limit, and
            room for the organisations' names to wrap in (``NAMES_AT_LEAST`` cells)."""
            return max(sum(alone[a:a + size]) + sum(step[a:a + size - 1])
                       for a in range(count - size + 1)) + NAMES_AT_LEAST - max(NAMES_MIN_WIDTH, len(row_heading(self.history)))

        size = count
        while size > 2 and needed(size) > options.max_width:
            size -= 1
        yield Wrapped(Text(title(self.history), style="table.title"), balance=True)
        first = 0
        while True:
            last = min(first + size - 1, count - 1)
            yield overview_table(self.history, first, last)
            if last >= count - 1:
                break
            first = last
        yield Legend(LEGEND_ENTRIES)


@dataclass(frozen=True)
class LineageView:
    """One organisation's paragraphs as lineages, and with ``diffs`` the redline
    of each edit (as the pair report draws it: struck red and green, or
    ``[-so-]{+so+}`` where there is no colour)."""

    history: History
    organisation: OrganisationHistory
    diffs: bool = False

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        history, org = self.history, self.organisation
        labels = edition_labels(history.editions)
        head = Text(organisation_label(org), style="bold")
        head.append("\n" + title_line(org, labels), style="dim")
        yield head
        table = Table(pad_edge=False, box=None)
        _edition_columns(table, labels)
        for cells in lineage_rows(history, org):
            table.add_row(*(_text(c) for c in cells))
        yield table
        if self.diffs:
            plain = is_plain(console)
            for edit in edits(history, org):
                yield Text("")
                yield Text(edit.label, style="bold")
                yield Wrapped(redline_text(edit.diff, plain))


def history_renderable(history: History, orgs: Sequence[OrganisationHistory] = (), diffs: bool = False) -> RenderableType:
    """The terminal report: the overview, or the lineages of ``orgs``.  With
    ``diffs`` and no ``orgs``, the overview and then every changed organisation's lineages."""
    if not orgs and not diffs:
        return Overview(history)
    parts: list[RenderableType] = []
    if not orgs:
        parts.append(Overview(history))
        orgs = [o for o in history.organisations if o.has_differences]
    for org in orgs:
        if parts:
            parts.append(Text(""))
        parts.append(LineageView(history, org, diffs))
    return Group(*parts)


# =============================================================================== Markdown


def _md_cell(cell: Cell) -> str:
    return escape(cell.text)


def history_markdown(history: History, orgs: Sequence[OrganisationHistory] = (), diffs: bool = False,
                     options: ReportOptions = DEFAULT_OPTIONS) -> str:
    labels = edition_labels(history.editions)
    lines = [f"# {title(history)}", ""]
    lines += [f"- **{label}**: {escape(edition_facts(e))}" for label, e in zip(labels, history.editions)]
    lines.append("")
    header = [labels[0]]
    for label in labels[1:]:
        header += ["→", label]
    if not orgs:
        lines += [f"| {row_heading(history)} | " + " | ".join(header) + " |",
                  "|---|" + "|".join("---:" if k % 2 == 0 else "---" for k in range(len(header))) + "|"]
        for row in overview_rows(history):
            if row.kind == "group":
                lines.append(f"| **{escape(row.label)}** |" + " |" * len(header))
                continue
            label = escape(row.label) + (f" (formerly {escape(row.note)})" if row.note else "")
            lines.append(f"| {label} | " + " | ".join(_md_cell(c) for c in row.cells) + " |")
        lines.append("| **all paragraphs** | " + " | ".join(_md_cell(c) for c in total_cells(history)) + " |")
        lines += ["", f"{LEGEND}.", ""]
        if diffs:
            orgs = [o for o in history.organisations if o.has_differences]
    for org in orgs:
        lines += [f"## {escape(organisation_label(org))}", ""]
        lines += [escape_block(title_line(org, labels)), ""]
        lines += ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        for cells in lineage_rows(history, org):
            lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
        lines.append("")
        if diffs:
            for edit in edits(history, org):
                lines += [f"**{escape(edit.label)}**", "", markdown_redline(edit.diff), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# =============================================================================== HTML

_CSS = palette.ROOT_CSS + """
body { font-family: system-ui, sans-serif; margin: 2em; line-height: 1.5; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { padding: .2em .6em; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
td.n { text-align: right; }
tr.group td { font-weight: bold; padding-top: .8em; }
.same, .absent, .note { color: var(--dim); }
.changed { color: var(--changed); } .renamed { color: var(--changed); font-weight: bold; }
.added { color: var(--ins); } .removed { color: var(--del); } .moved { color: var(--accent); }
.split, .merged { color: var(--split); }
del { color: var(--del); background: var(--del-bg); } ins { color: var(--ins); background: var(--ins-bg); text-decoration: none; }
"""


def _td(cell: Cell, numeric: bool = False) -> str:
    classes = " ".join(x for x in (cell.tone, "n" if numeric else "") if x)
    attr = f' class="{classes}"' if classes else ""
    return f"<td{attr}>{html.escape(cell.text)}</td>"


def _cells(cells: Iterable[Cell]) -> str:
    return "".join(_td(c, numeric=k % 2 == 0) for k, c in enumerate(cells))


def history_html(history: History, orgs: Sequence[OrganisationHistory] = (), diffs: bool = False,
                 options: ReportOptions = DEFAULT_OPTIONS) -> str:
    labels = edition_labels(history.editions)
    esc = html.escape
    language = next((e.metadata.language for e in reversed(history.editions) if e.metadata.language), "")
    lang = LANGUAGE_TAGS.get(language or "", "")
    # The page speaks English; the titles and texts, the editions' language.
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>{esc(title(history))}</title>", f"<style>\n{_CSS}\n</style>", "</head>",
           f'<body><div lang="{lang}">' if lang else "<body><div>",
           f"<h1>{esc(title(history))}</h1>", "<ul>"]
    out += [f"<li><b>{esc(label)}</b>: {esc(edition_facts(e))}</li>" for label, e in zip(labels, history.editions)]
    out.append("</ul>")
    header = "".join(f"<th>{esc(label)}</th>" if k == 0 else f"<th>→</th><th>{esc(label)}</th>"
                     for k, label in enumerate(labels))
    if not orgs:
        out += ["<table>", f"<thead><tr><th>{row_heading(history)}</th>{header}</tr></thead>", "<tbody>"]
        for row in overview_rows(history):
            if row.kind == "group":
                out.append(f'<tr class="group"><td colspan="{2 * len(labels)}">{esc(row.label)}</td></tr>')
                continue
            note = f'<br><span class="note">formerly {esc(row.note)}</span>' if row.note else ""
            out.append(f"<tr><td>{esc(row.label)}{note}</td>{_cells(row.cells)}</tr>")
        out.append(f"<tr><td><b>all paragraphs</b></td>{_cells(total_cells(history))}</tr>")
        out += ["</tbody>", "</table>", f'<p class="note">{esc(LEGEND)}.</p>']
        if diffs:
            orgs = [o for o in history.organisations if o.has_differences]
    for org in orgs:
        out.append(f"<h2>{esc(organisation_label(org))}</h2>")
        out.append(f'<p class="note">{esc(title_line(org, labels))}</p>')
        out += ["<table>", f"<thead><tr>{header}</tr></thead>", "<tbody>"]
        for cells in lineage_rows(history, org):
            out.append(f"<tr>{_cells(cells)}</tr>")
        out += ["</tbody>", "</table>"]
        if diffs:
            for edit in edits(history, org):
                out.append(f"<h3>{esc(edit.label)}</h3>")
                out.append(f"<p>{tagged_redline(edit.diff, html.escape)}</p>")
    out += ["</div></body>", "</html>"]
    return "\n".join(out) + "\n"
