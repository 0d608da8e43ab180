"""The overview of a ``Batch`` (many pairs) in every format: terminal (rich),
HTML with a link per pair to its report, CSV and XLSX; the JSON is
``Batch.to_dict()``.  Each reads the ``Batch`` and computes nothing: the rows
are decided once, in ``pair_rows`` and ``organisation_rows``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from .history_view import LEGEND, LEGEND_ENTRIES, SYMBOLS

if TYPE_CHECKING:
    from ..batch import Batch, Edition, Pair, PairResult, Plan

#: The columns of the pairs table, as CSV and XLSX name them.
PAIR_COLUMNS = ("score", "old", "new", "title", "kind", "language", "status", "unchanged", "changed", "added",
                "removed", "moved", "split", "merged", "metadata changes", "paired by", "reasons", "error",
                "report", "old file", "new file")
ORGANISATION_COLUMNS = ("organisation", "title", "kind", "old", "new", "score", "changed", "added", "removed",
                        "moved", "split", "merged")
UNPAIRED_COLUMNS = ("what", "document", "title", "kind", "language", "reason", "file")


def percent(score: float) -> str:
    """A change score as a share: "12.3 %", "<0.1 %" for a sliver, "0 %" for none."""
    if score == 0:
        return "0 %"
    if score < 0.001:
        return "<0.1 %"
    return f"{score * 100:.1f} %"


def counts(summary: dict[str, int]) -> str:
    """'~5 +1 −2' (the history's symbols), 'unchanged' when nothing moved."""
    text = " ".join(f"{symbol}{summary[status]}" for status, symbol in SYMBOLS if summary.get(status))
    return text or "unchanged"


def edition_labels(plan: Plan) -> dict[str, str]:
    """Each edition's label: its symbol, or its file name where it has none;
    with the file name added where two files bear one symbol (a copy, another
    layout of one edition)."""
    editions = {e.path: e for p in plan.pairs for e in (p.old, p.new)}
    editions.update((u.edition.path, u.edition) for u in plan.new + plan.discontinued)
    seen: dict[str, int] = {}
    for e in editions.values():
        seen[e.name] = seen.get(e.name, 0) + 1
    return {path: e.name if seen[e.name] == 1 or not e.symbol else f"{e.name} ({Path(path).name})"
            for path, e in editions.items()}


def pair_label(pair: Pair, labels: dict[str, str]) -> str:
    return f"{labels.get(pair.old.path, pair.old.name)} → {labels.get(pair.new.path, pair.new.name)}"


@dataclass(frozen=True)
class PairRow:
    result: PairResult

    @property
    def title(self) -> str:
        pair = self.result.pair
        return pair.new.title or pair.old.title or ""

    @property
    def state(self) -> str:
        r = self.result
        if r.status == "failed":
            return f"failed: {r.error}"
        if r.status == "not run":
            return "not run"
        notes = [counts(r.summary)]
        if r.metadata_changes:
            notes.append(f"masthead ~{len(r.metadata_changes)}")
        return " · ".join(notes)

    def cells(self) -> list[object]:
        r, pair = self.result, self.result.pair
        return [round(r.score, 4), pair.old.name, pair.new.name, self.title, pair.new.kind or "",
                pair.new.language or "", r.status, *(r.summary.get(s, 0) for s in
                                                     ("unchanged", "changed", "added", "removed", "moved", "split",
                                                      "merged")),
                ", ".join(r.metadata_changes), pair.paired_by, "; ".join(pair.reasons), r.error or "",
                r.report or "", pair.old.path, pair.new.path]


def pair_rows(batch: Batch) -> list[PairRow]:
    return [PairRow(r) for r in batch.results]


def organisation_rows(batch: Batch) -> list[list[object]]:
    out: list[list[object]] = []
    for org_id, rows in batch.organisations():
        for row in rows:
            out.append([org_id, row.title, row.kind or "", row.old, row.new, round(row.score, 4),
                        *(row.summary.get(s, 0) for s in ("changed", "added", "removed", "moved", "split", "merged"))])
    return out


def unpaired_rows(plan: Plan) -> list[list[str]]:
    out: list[list[str]] = []
    for what, items in (("new", plan.new), ("discontinued", plan.discontinued)):
        for item in items:
            e = item.edition
            out.append([what, e.name, e.title or "", e.kind or "", e.language or "", item.reason, e.path])
    for e in plan.unreadable:
        out.append(["unreadable", e.name, "", "", "", e.error or "", e.path])
    for path in plan.skipped:
        out.append(["skipped", path, "", "", "", "not an edition by its name (.txt, .pdf, .docx)", path])
    return out


def headline(batch: Batch) -> str:
    plan = batch.plan
    compared = sum(1 for r in batch.results if r.status == "compared")
    failed = sum(1 for r in batch.results if r.status == "failed")
    parts = [f"{len(plan.pairs)} pairs", f"{compared} compared"]
    if failed:
        parts.append(f"{failed} failed")
    for label, items in (("new", plan.new), ("discontinued", plan.discontinued), ("unreadable", plan.unreadable)):
        if items:
            parts.append(f"{len(items)} {label}")
    if batch.interrupted:
        parts.append("interrupted: the rest not run")
    return "docdiff batch: " + " · ".join(parts)


# ----------------------------------------------------------------------------- terminal


#: The room a table's wrapping column needs to read as text: narrower, each row stands as lines.
WRAP_AT_LEAST = 24


@dataclass(frozen=True)
class Fitted:
    """``table`` where its columns that do not wrap (drawn without a limit, the
    wrapping ones empty: ``fixed``) leave ``WRAP_AT_LEAST`` cells to the others;
    else ``stacked``, each row as lines (at 80 columns a pair's file names alone
    filled the table and its title came one letter a line)."""

    table: object
    fixed: object
    stacked: Sequence[object]

    def __rich_console__(self, console, options):  # type: ignore[no-untyped-def]
        from .wrap import natural_width

        if natural_width(console, self.fixed) + WRAP_AT_LEAST <= options.max_width:  # type: ignore[arg-type]
            yield self.table
        else:
            yield from self.stacked


def batch_renderable(batch: Batch):  # type: ignore[no-untyped-def]
    """The overview for the terminal: a rich renderable."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from .wrap import Legend, Wrapped

    def table(*columns: tuple[str, Mapping[str, object]], title: str | None = None) -> Table:
        drawn = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False, title=title,
                      title_justify="left", title_style="bold")
        for name, how in columns:
            drawn.add_column(name, **how)  # type: ignore[arg-type]
        return drawn

    def titled(title: str) -> list[object]:
        return [Text(title, style="bold")]

    parts: list[object] = [Text(headline(batch), style="bold")]
    pair_columns = (("changed", {"justify": "right", "no_wrap": True}), ("old → new", {"no_wrap": True}),
                    ("title", {"overflow": "fold", "ratio": 1}), ("paragraphs", {"overflow": "fold"}))
    pairs, fixed = table(*pair_columns), table(*pair_columns)
    stacked: list[object] = []
    labels = edition_labels(batch.plan)
    for row in pair_rows(batch):
        r = row.result
        style = "red" if r.status == "failed" else ("dim" if r.status == "not run" or not r.has_differences else "")
        changed = percent(r.score) if r.status == "compared" else "—"
        pairs.add_row(changed, pair_label(r.pair, labels), row.title, row.state, style=style)
        fixed.add_row(changed, pair_label(r.pair, labels), "", row.state)
        stacked += [Wrapped(f"{changed:>7}  {pair_label(r.pair, labels)}", style),
                    *(Wrapped(line, style, indent=9) for line in (row.title, row.state) if line)]
    if batch.results:
        parts.append(Fitted(pairs, fixed, stacked))
    unpaired = unpaired_rows(batch.plan)
    if unpaired:
        others = table(*((name, {"overflow": "fold"}) for name in ("", "document", "why")), title="without a partner")
        lines = titled("without a partner")
        for what, name, title, *_rest, reason, _file in unpaired:
            others.add_row(what, name + (f"  {title}" if title else ""), reason)
            lines += [Wrapped(f"{what}  {name}"), *(Wrapped(line, indent=4) for line in (title, reason) if line)]
        parts.append(Fitted(others, table(("", {})), lines))
    grouped = batch.organisations()
    if grouped:
        org_columns = (("organisation", {"overflow": "fold"}), ("changed", {"justify": "right", "no_wrap": True}),
                       ("in", {"overflow": "fold", "ratio": 1}))
        orgs, fixed = table(*org_columns, title="per organisation"), table(*org_columns)
        lines = titled("per organisation")
        for org_id, rows in grouped:
            found = [f"{percent(r.score):>7}  {counts(r.summary)}  ({r.kind or 'section'}: {r.old} → {r.new})"
                     for r in rows]
            name, most = f"{rows[0].title} [{org_id}]", percent(max(r.score for r in rows))
            orgs.add_row(name, most, "\n".join(found))
            fixed.add_row(name, most, "")
            lines += [Wrapped(f"{most:>7}  {name}"), *(Wrapped(line, indent=9) for line in found)]
        parts.append(Fitted(orgs, fixed, lines))
    parts.append(Legend([*LEGEND_ENTRIES, "changed: share of the text deleted or inserted"]))
    return Group(*parts)  # type: ignore[arg-type]


def plan_renderable(plan: Plan):  # type: ignore[no-untyped-def]
    """``--dry-run``: the pairs chosen and why, and what found no partner."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("old → new", no_wrap=True)
    table.add_column("why", overflow="fold", ratio=1)
    labels = edition_labels(plan)
    for pair in plan.pairs:
        table.add_row(pair_label(pair, labels), "; ".join(pair.reasons))
    parts: list[object] = [Text(f"docdiff batch --dry-run: {len(plan.pairs)} pairs", style="bold"), table]
    unpaired = unpaired_rows(plan)
    if unpaired:
        others = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for name in ("", "document", "why"):
            others.add_column(name, overflow="fold")
        for what, name, _title, *_rest, reason, _file in unpaired:
            others.add_row(what, name, reason)
        parts.append(others)
    return Group(*parts)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- HTML

CSS = """
body { margin: 0 auto; max-width: 80rem; padding: 1.5rem 1.25rem 4rem; color: #1f2328;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: .25rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid #eef0f2; }
thead th { border-bottom: 2px solid #d0d7de; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.failed td { color: #b3261e; } tr.same td, tr.notrun td { color: #6b6b6b; }
.bar { display: inline-block; height: .6em; background: #0b5cad; vertical-align: middle; margin-left: .3em; }
.why { color: #6b6b6b; font-size: .85em; }
a { color: #0b5cad; text-decoration: none; } a:hover { text-decoration: underline; }
"""


def batch_html(batch: Batch) -> str:
    """The overview as one self-contained page; each pair links to its report
    (``PairResult.report``, a path beside the page) where there is one."""
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(headline(batch))}</title><style>{CSS}</style></head><body>",
           f"<h1>{escape(headline(batch))}</h1>",
           "<table><thead><tr><th>changed</th><th>old → new</th><th>title</th><th>paragraphs</th></tr></thead><tbody>"]
    labels = edition_labels(batch.plan)
    for row in pair_rows(batch):
        r = row.result
        css = {"failed": "failed", "not run": "notrun"}.get(r.status, "" if r.has_differences else "same")
        names = escape(pair_label(r.pair, labels))
        if r.report:
            names = f'<a href="{escape(r.report, quote=True)}">{names}</a>'
        score = "—" if r.status != "compared" else (
            f'{percent(r.score)}<span class="bar" style="width:{max(1, round(r.score * 80))}px"></span>')
        lang = _lang(r.pair.new)
        out.append(f'<tr class="{css}"><td class="n">{score}</td><td>{names}</td>'
                   f'<td{lang}>{escape(row.title)}<div class="why">{escape("; ".join(r.pair.reasons))}</div></td>'
                   f"<td>{escape(row.state)}</td></tr>")
    out.append("</tbody></table>")
    unpaired = unpaired_rows(batch.plan)
    if unpaired:
        out.append("<h2>Without a partner</h2><table><thead><tr><th></th><th>document</th><th>title</th>"
                   "<th>why</th></tr></thead><tbody>")
        for what, name, title, *_rest, reason, _file in unpaired:
            out.append(f"<tr><td>{escape(what)}</td><td>{escape(name)}</td><td>{escape(title)}</td>"
                       f"<td>{escape(reason)}</td></tr>")
        out.append("</tbody></table>")
    grouped = batch.organisations()
    if grouped:
        out.append("<h2>Per organisation</h2><table><thead><tr><th>organisation</th><th>changed</th>"
                   "<th>paragraphs</th><th>in</th></tr></thead><tbody>")
        for org_id, rows in grouped:
            for i, org_row in enumerate(rows):
                name = f'{escape(org_row.title)} <span class="why">{escape(org_id)}</span>' if i == 0 else ""
                where = f"{org_row.kind or 'section'}: {org_row.old} → {org_row.new}"
                out.append(f"<tr><td>{name}</td><td class=\"n\">{percent(org_row.score)}</td>"
                           f"<td>{escape(counts(org_row.summary))}</td><td>{escape(where)}</td></tr>")
        out.append("</tbody></table>")
    out.append(f'<p class="why">{escape(LEGEND)} · changed: share of the text deleted or inserted</p>')
    out.append("</body></html>\n")
    return "\n".join(out)


def _lang(edition: Edition) -> str:
    from .html import LANGUAGE_TAGS

    tag = LANGUAGE_TAGS.get(edition.language or "")
    return f' lang="{tag}"' if tag else ""


# ----------------------------------------------------------------------------- CSV, XLSX


def batch_csv(batch: Batch) -> str:
    """One row per pair (``PAIR_COLUMNS``), most changed first, as the change
    registers' CSV is written (UTF-8 with a BOM, RFC 4180)."""
    from .csvfile import table_text

    return table_text(PAIR_COLUMNS, (row.cells() for row in pair_rows(batch)))


def batch_xlsx(batch: Batch) -> bytes:
    """A workbook: ``pairs`` (as the CSV), ``organisations``, ``unpaired``."""
    import xlsxwriter  # type: ignore[import-untyped]

    from .xlsx import Styles, display_width, fit_columns

    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    styles = Styles(book)
    tables: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]]]] = (
        ("pairs", PAIR_COLUMNS, [row.cells() for row in pair_rows(batch)]),
        ("organisations", ORGANISATION_COLUMNS, organisation_rows(batch)),
        ("unpaired", UNPAIRED_COLUMNS, unpaired_rows(batch.plan)),
    )
    for name, header, body in tables:
        sheet = book.add_worksheet(name)
        sheet.write_string(0, 0, headline(batch), styles.title)
        for column, text in enumerate(header):
            sheet.write_string(1, column, text, styles.header)
        widths = [display_width(h) for h in header]
        for r, cells in enumerate(body, start=2):
            for column, value in enumerate(cells):
                if isinstance(value, (int, float)):
                    sheet.write_number(r, column, value, styles.text)
                else:
                    sheet.write_string(r, column, str(value), styles.text)
                widths[column] = max(widths[column], display_width(str(value)))
        if body:
            sheet.autofilter(1, 0, 1 + len(body), len(header) - 1)
        sheet.freeze_panes(2, 0)
        fit_columns(sheet, widths, styles)
    book.close()
    return stream.getvalue()
