"""The history of many editions, drawn: a rich table, Markdown, HTML.

What every format shows is decided once, by the pure functions of the first
half (``overview_rows``, ``step_cell``, ``lineage_rows``, ``edits``), as cells
of text with a *tone* ("changed", "added", …); the drawers of the second half
only map tones to rich styles, Markdown marks or HTML classes.

* The overview: one row per organisation, one column per edition (its paragraph
  count) and, between two editions, what happened to the organisation:
  ``~2 +1 −1`` (paragraphs changed, added, removed, see ``SYMBOLS``), renamed,
  first appeared, dropped.
* An organisation's lineages: one row per paragraph followed across the
  editions (``¶31 → changed → ¶30 → unchanged → ¶29``), and on demand the
  redline of each edit.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from ..lineage import History, Lineage, OrganisationHistory, Step
from ..model import EditionInfo, ParagraphChange
from .html import LANGUAGE_TAGS
from .terminal import is_plain, redline_text
from .wrap import Wrapped

#: Paragraph statuses in a step cell of the overview, each with its mark.
SYMBOLS = (("changed", "~"), ("added", "+"), ("removed", "−"), ("moved", "↕"), ("split", "⋔"), ("merged", "⋈"))
LEGEND = "paragraphs: ~ changed · + added · − removed · ↕ moved (in, out or within) · ⋔ split · ⋈ merged"

Diff = tuple[tuple[str, str], ...]


# =============================================================================== what to show


@dataclass(frozen=True)
class Cell:
    text: str
    tone: str = ""  # "", "same", "changed", "added", "removed", "moved", "split", "merged", "renamed", "absent"


def edition_labels(editions: Sequence[EditionInfo]) -> list[str]:
    """A column heading per edition: its year, or its date where two share a
    year, or (undated) its file name; numbered where even that is shared."""
    def name(e: EditionInfo) -> str:
        return e.file.replace("\\", "/").rsplit("/", 1)[-1] if e.file else "edition"

    dates = [e.metadata.date for e in editions]
    years = [d[:4] if d else None for d in dates]
    labels = [years[i] if years[i] and years.count(years[i]) == 1
              else dates[i] if dates[i] and dates.count(dates[i]) == 1
              else years[i] or name(e) for i, e in enumerate(editions)]
    return [label if labels.count(label) == 1 else f"{label} ({i + 1})" for i, label in enumerate(labels)]


def edition_facts(edition: EditionInfo) -> str:
    meta = edition.metadata
    facts = [x for x in (meta.symbol, meta.date, edition.file) if x]
    facts.append(f"{edition.paragraphs} paragraphs")
    return " · ".join(facts)


def organisation_label(org: OrganisationHistory) -> str:
    """'非洲联盟', 'A. 和平与安全' (subsections and parts with their number)."""
    number, name = org.number, org.title or "(untitled)"
    return f"{number}. {name}" if number and org.kind != "organisation" else name


def former_titles(org: OrganisationHistory, labels: Sequence[str]) -> str:
    """'伊斯兰会议组织 (2010)' for an organisation renamed since."""
    former: dict[str, list[str]] = {}
    for i, name in enumerate(org.titles):
        if name is not None and name != org.title:
            former.setdefault(name, []).append(labels[i])
    return "; ".join(f"{name} ({', '.join(when)})" for name, when in former.items())


def title_line(org: OrganisationHistory, labels: Sequence[str]) -> str:
    """'2010: 伊斯兰会议组织 · 2012: 伊斯兰合作组织 · 2014: absent'."""
    return " · ".join(f"{label}: {'absent' if t is None else t or '(untitled)'}" for label, t in zip(labels, org.titles))


def step_cell(org: OrganisationHistory, step: Step | None) -> Cell:
    """What happened to an organisation between two editions."""
    if step is None:
        return Cell("")
    if step.status == "added":
        returning = any(t is not None for t in org.titles[: step.start])
        return Cell("reappeared" if returning else "first appeared", "added")
    if step.status == "removed":
        return Cell("dropped", "removed")
    counts = dict(step.summary)
    counts["moved"] += step.moved_out
    marks = " ".join(f"{mark}{counts[status]}" for status, mark in SYMBOLS if counts[status])
    if step.status == "renamed":
        return Cell(f"renamed {marks}".strip(), "renamed")
    if not marks:
        return Cell("unchanged" if step.status == "unchanged" else "changed", "same" if step.status == "unchanged" else "changed")
    return Cell(marks, "changed")


def count_cell(count: int | None) -> Cell:
    return Cell("—", "absent") if count is None else Cell(str(count))


def total_step_cell(history: History, start: int) -> Cell:
    summary = history.comparisons[start].summary
    marks = " ".join(f"{mark}{summary[status]}" for status, mark in SYMBOLS if summary[status])
    return Cell(marks or "unchanged", "changed" if marks else "same")


@dataclass(frozen=True)
class OverviewRow:
    """``group``: the title of the part above the rows that follow; ``organisation``: one row."""

    kind: str
    label: str
    cells: tuple[Cell, ...] = ()  # count, step, count, step, … count
    note: str = ""  # former titles


def _parents(org: OrganisationHistory) -> tuple[str, ...]:
    """The headings above a section, numbered as its latest edition prints them."""
    return next((s.change.parents for s in reversed(org.steps) if s.change.parents), org.path[:-1])


def overview_rows(history: History) -> list[OverviewRow]:
    labels = edition_labels(history.editions)
    rows: list[OverviewRow] = []
    group: tuple[str, ...] = ()
    n = len(history.editions)
    for org in history.organisations:
        parent = _parents(org)
        if parent != group:
            if parent:
                rows.append(OverviewRow("group", parent[-1]))
            group = parent
        cells: list[Cell] = []
        for i in range(n):
            if i:
                cells.append(step_cell(org, org.step(i - 1)))
            cells.append(count_cell(org.paragraph_counts[i]))
        rows.append(OverviewRow("organisation", organisation_label(org), tuple(cells), former_titles(org, labels)))
    return rows


def total_cells(history: History) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    for i, edition in enumerate(history.editions):
        if i:
            cells.append(total_step_cell(history, i - 1))
        cells.append(Cell(str(edition.paragraphs)))
    return tuple(cells)


# --------------------------------------------------------------------------- lineages


def lineage_step(history: History, org: OrganisationHistory, lineage: Lineage, start: int) -> Cell:
    """What happened to one paragraph between two editions, in a few words."""
    status = lineage.statuses[start]
    change = lineage.changes[start] if lineage.changes else None
    if status is None or change is None:
        return Cell("")
    old, new = lineage.paragraphs[start], lineage.paragraphs[start + 1]
    here = history.index(org)
    homes = lineage.homes
    if status == "split":
        if old is None:
            return Cell(f"split from ¶{change.old[0]}", "split")
        return Cell("split into " + "+".join(f"¶{n}" for n in change.new), "split")
    if status == "merged":
        if new is None:
            return Cell(f"merged into ¶{change.new[0]}", "merged")
        return Cell("merged with " + "+".join(f"¶{n}" for n in change.old if n != old), "merged")
    if status == "moved":
        a, b = homes[start], homes[start + 1]
        edited = "" if change.old_text == change.new_text or change.formatting_only else ", edited"
        if a != b and a == here and b is not None:
            return Cell(f"moved to {history.organisations[b].titles[start + 1]}{edited}", "moved")
        if a != b and a is not None:
            return Cell(f"moved from {history.organisations[a].titles[start]}{edited}", "moved")
        return Cell(f"moved{edited}", "moved")
    if status == "changed":
        return Cell("edited", "changed")
    if status == "unchanged":
        return Cell("unchanged", "same")
    return Cell(status, status)


def lineage_rows(history: History, org: OrganisationHistory) -> list[tuple[Cell, ...]]:
    """One row per lineage that was in ``org``: ¶number, step, ¶number, … ."""
    n = len(history.editions)
    here = history.index(org)
    rows = []
    for lineage in history.lineages_of(org):
        cells: list[Cell] = []
        for i in range(n):
            if i:
                cells.append(lineage_step(history, org, lineage, i - 1))
            number = lineage.paragraphs[i]
            if number is None:
                cells.append(Cell(""))
            else:
                cells.append(Cell(f"¶{number}", "" if lineage.homes[i] == here else "absent"))
        rows.append(tuple(cells))
    return rows


@dataclass(frozen=True)
class Edit:
    """One edit to show as a redline: '¶31 (2010) → ¶30 (2012) · edited'."""

    label: str
    diff: Diff


def edits(history: History, org: OrganisationHistory) -> list[Edit]:
    """The edits of ``org``'s lineages, lineage by lineage, each entry once."""
    labels = edition_labels(history.editions)
    out: list[Edit] = []
    for lineage in history.lineages_of(org):
        for i, change in enumerate(lineage.changes):
            if (change is None or not lineage.leads(i) or change.old_text == change.new_text
                    or change.formatting_only or change.status == "unchanged"):
                continue
            out.append(Edit(f"{_side(change.old, labels[i])} → {_side(change.new, labels[i + 1])} · "
                            f"{lineage_step(history, org, lineage, i).text}", _diff(change)))
    return out


def _side(numbers: tuple[int, ...], label: str) -> str:
    return ("+".join(f"¶{n}" for n in numbers) if numbers else "—") + f" ({label})"


def _diff(change: ParagraphChange) -> Diff:
    if change.diff:
        return tuple((op, text.replace("\n", " / ")) for op, text in change.diff)
    parts = [("-", change.old_text)] if change.old_text else []
    return tuple(parts + ([("+", change.new_text)] if change.new_text else []))


def title(history: History) -> str:
    meta = history.editions[-1].metadata
    return f"{meta.title or 'docdiff'}: {len(history.editions)} editions"


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


def overview_table(history: History) -> Table:
    """Every organisation across the editions, as a rich table."""
    labels = edition_labels(history.editions)
    table = Table(title=title(history), caption=LEGEND, title_justify="left", caption_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("organisation", min_width=12)
    _edition_columns(table, labels, wrap_steps=False)  # the organisations' names wrap instead
    for row in overview_rows(history):
        if row.kind == "group":
            table.add_row(Wrapped(row.label, style="bold"))
            continue
        label = Text(row.label)
        if row.note:
            label.append(f"\nformerly {row.note}", style="dim")
        table.add_row(Wrapped(label), *(_text(c) for c in row.cells))
    table.add_section()
    table.add_row(Text("all paragraphs", style="bold"), *(_text(c) for c in total_cells(history)))
    return table


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
        return overview_table(history)
    parts: list[RenderableType] = []
    if not orgs:
        parts.append(overview_table(history))
        orgs = [o for o in history.organisations if o.has_differences]
    for org in orgs:
        if parts:
            parts.append(Text(""))
        parts.append(LineageView(history, org, diffs))
    return Group(*parts)


# =============================================================================== Markdown


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_cell(cell: Cell) -> str:
    return _md_escape(cell.text)


def _md_redline(diff: Diff) -> str:
    out = []
    for op, part in diff:
        part = html.escape(part.replace("\n", " "), quote=False)
        out.append(f"<del>{part}</del>" if op == "-" else f"<ins>{part}</ins>" if op == "+" else part)
    return "".join(out)


def history_markdown(history: History, orgs: Sequence[OrganisationHistory] = (), diffs: bool = False) -> str:
    labels = edition_labels(history.editions)
    lines = [f"# {title(history)}", ""]
    lines += [f"- **{label}**: {_md_escape(edition_facts(e))}" for label, e in zip(labels, history.editions)]
    lines.append("")
    header = [labels[0]]
    for label in labels[1:]:
        header += ["→", label]
    if not orgs:
        lines += ["| organisation | " + " | ".join(header) + " |",
                  "|---|" + "|".join("---:" if k % 2 == 0 else "---" for k in range(len(header))) + "|"]
        for row in overview_rows(history):
            if row.kind == "group":
                lines.append(f"| **{_md_escape(row.label)}** |" + " |" * len(header))
                continue
            label = _md_escape(row.label) + (f" (formerly {_md_escape(row.note)})" if row.note else "")
            lines.append(f"| {label} | " + " | ".join(_md_cell(c) for c in row.cells) + " |")
        lines.append("| **all paragraphs** | " + " | ".join(_md_cell(c) for c in total_cells(history)) + " |")
        lines += ["", f"{LEGEND}.", ""]
        if diffs:
            orgs = [o for o in history.organisations if o.has_differences]
    for org in orgs:
        lines += [f"## {_md_escape(organisation_label(org))}", ""]
        lines += [_md_escape(title_line(org, labels)), ""]
        lines += ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        for cells in lineage_rows(history, org):
            lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
        lines.append("")
        if diffs:
            for edit in edits(history, org):
                lines += [f"**{_md_escape(edit.label)}**", "", _md_redline(edit.diff), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# =============================================================================== HTML

_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; line-height: 1.5; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { padding: .2em .6em; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
td.n { text-align: right; }
tr.group td { font-weight: bold; padding-top: .8em; }
.same, .absent, .note { color: #888; }
.changed { color: #8a6d00; } .renamed { color: #8a6d00; font-weight: bold; }
.added { color: #1a7f37; } .removed { color: #cf222e; } .moved { color: #0969da; }
.split, .merged { color: #8250df; }
del { color: #cf222e; background: #ffebe9; } ins { color: #1a7f37; background: #dafbe1; text-decoration: none; }
""".strip()


def _td(cell: Cell, numeric: bool = False) -> str:
    classes = " ".join(x for x in (cell.tone, "n" if numeric else "") if x)
    attr = f' class="{classes}"' if classes else ""
    return f"<td{attr}>{html.escape(cell.text)}</td>"


def _cells(cells: Iterable[Cell]) -> str:
    return "".join(_td(c, numeric=k % 2 == 0) for k, c in enumerate(cells))


def _html_redline(diff: Diff) -> str:
    out = []
    for op, part in diff:
        part = html.escape(part)
        out.append(f"<del>{part}</del>" if op == "-" else f"<ins>{part}</ins>" if op == "+" else part)
    return "".join(out)


def history_html(history: History, orgs: Sequence[OrganisationHistory] = (), diffs: bool = False) -> str:
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
        out += ["<table>", f"<thead><tr><th>organisation</th>{header}</tr></thead>", "<tbody>"]
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
                out.append(f"<p>{_html_redline(edit.diff)}</p>")
    out += ["</div></body>", "</html>"]
    return "\n".join(out) + "\n"
