"""The change register as an Excel workbook (XlsxWriter, BSD licence).

* ``summary``: the per-organisation table (``rows.count_rows``);
* ``changes``: a row per masthead change, then one per paragraph change
  (``rows.columns``, ``rows.register_rows``: with the pages the paragraphs start
  on where an edition knows them, a PDF), the redline
  cell as rich text — deleted text red and struck through, inserted text green
  and underlined — with filters on every column and the header frozen;
* for a history: the overview, a ``changes`` sheet over every step, and a
  sheet per organisation with its paragraphs' lineages.

Column widths fit their text (a wide character counts two), up to a limit
past which long texts wrap.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import xlsxwriter  # type: ignore[import-untyped]

from ..model import Comparison
from . import palette, rows, view
from .view import DEFAULT_OPTIONS, ReportOptions

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook  # type: ignore[import-untyped]
    from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

    from ..lineage import History, OrganisationHistory

#: The widest a column grows, in characters; longer texts wrap within it.
MAX_WIDTH = 60
#: Characters a sheet name may not hold (Excel's rule), and its length limit.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_MAX = 31


def display_width(text: str) -> int:
    """The width of the longest line of ``text``, a wide (CJK) character counting two."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in str(text).split("\n")), default=0)


def to_xlsx(comparison: Comparison, options: ReportOptions = DEFAULT_OPTIONS) -> bytes:
    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    styles = Styles(book)
    _summary_sheet(book, styles, rows.count_rows(comparison), _title(comparison))
    _changes_sheet(book, styles, (((), r) for r in rows.register_rows(comparison, options.show_unchanged)), (),
                   rows.knows_pages(comparison))
    book.close()
    return stream.getvalue()


def history_xlsx(history: History, orgs: Sequence[OrganisationHistory] = (), diffs: bool = False,
                 options: ReportOptions = DEFAULT_OPTIONS) -> bytes:
    """The overview, every step's changes and a sheet per organisation (with
    ``orgs``, only theirs; ``diffs`` changes nothing, the redline is always there)."""
    from . import history_view

    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    styles = Styles(book)
    labels = history_view.edition_labels(history.editions)
    header = ["organisation"]
    for i, label in enumerate(labels):
        header += (["→"] if i else []) + [label]
    overview = [(row.label, *(c.text for c in row.cells), row.note) for row in history_view.overview_rows(history)]
    overview.append(("all paragraphs", *(c.text for c in history_view.total_cells(history)), ""))
    _plain_sheet(book, styles, "overview", [*header, "formerly"], overview, history_view.title(history))
    _changes_sheet(book, styles, (((label,), r) for label, r in rows.history_rows(history, orgs, options.show_unchanged)),
                   ("editions",))
    names = {"overview", "changes"}
    for org in orgs or history.organisations:
        body = [tuple(c.text for c in cells) for cells in history_view.lineage_rows(history, org)]
        lineage_header = []
        for i, label in enumerate(labels):
            lineage_header += (["→"] if i else []) + [label]
        _plain_sheet(book, styles, sheet_name(history_view.organisation_label(org), names), lineage_header, body,
                     history_view.title_line(org, labels))
    book.close()
    return stream.getvalue()


def sheet_name(label: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in ``taken`` (which it joins)."""
    base = _SHEET_FORBIDDEN.sub(" ", label).strip().strip("'") or "sheet"
    name = base[:_SHEET_NAME_MAX]
    k = 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({k})"
        name = base[:_SHEET_NAME_MAX - len(suffix)] + suffix
        k += 1
    taken.add(name)
    return name


def _title(comparison: Comparison) -> str:
    old, new = view.header_facts(comparison, "old"), view.header_facts(comparison, "new")
    return f"{view.report_title(comparison)}: {' · '.join(old)} → {' · '.join(new)}"


class Styles:
    """The cell formats of a workbook (the change register and the batch workbook)."""

    def __init__(self, book: Workbook) -> None:
        self.header = book.add_format({"bold": True, "bottom": 1, "valign": "top"})
        self.text = book.add_format({"valign": "top", "text_wrap": True})
        self.group = book.add_format({"bold": True, "valign": "top"})
        self.number = book.add_format({"valign": "top", "num_format": "0.0000"})
        self.deleted = book.add_format({"font_color": palette.DELETED, "font_strikeout": True})
        self.inserted = book.add_format({"font_color": palette.INSERTED, "underline": 1})
        self.title = book.add_format({"bold": True, "font_size": 12})


def fit_columns(sheet: Worksheet, widths: list[int], styles: Styles) -> None:
    """Each column as wide as its widest text (within bounds), its cells wrapped."""
    for column, width in enumerate(widths):
        sheet.set_column(column, column, min(max(width, 4) + 2, MAX_WIDTH), styles.text)


def _summary_sheet(book: Workbook, styles: Styles, count_rows: Sequence[rows.CountRow], title: str) -> None:
    sheet = book.add_worksheet("summary")
    header = ["section", "section status", *view.COUNTED]
    sheet.write_string(0, 0, title, styles.title)
    for column, name in enumerate(header):
        sheet.write_string(1, column, name, styles.header)
    widths = [display_width(h) for h in header]
    for r, row in enumerate(count_rows, start=2):
        label = "    " * row.depth + row.label
        sheet.write_string(r, 0, label, styles.group if row.kind != "section" else styles.text)
        widths[0] = max(widths[0], display_width(label))
        if row.kind == "group":
            continue
        sheet.write_string(r, 1, row.status if row.status != "changed" else "")
        for column, count in enumerate(row.counts, start=2):
            if count or row.kind == "total":
                sheet.write_number(r, column, count, styles.group if row.kind == "total" else None)
    fit_columns(sheet, widths, styles)
    sheet.freeze_panes(2, 1)


def _changes_sheet(book: Workbook, styles: Styles, body: Iterable[tuple[tuple[str, ...], rows.ChangeRow]],
                   lead: tuple[str, ...], pages: bool = False) -> None:
    sheet = book.add_worksheet("changes")
    header = [*lead, *rows.columns(pages)]
    for column, name in enumerate(header):
        sheet.write_string(0, column, name, styles.header)
    widths = [display_width(h) for h in header]
    similarity_column = header.index("similarity")
    r = 0
    for r, (first, row) in enumerate(body, start=1):
        cells = (*first, *row.cells(pages))
        for column, value in enumerate(cells[:-1]):
            if column == similarity_column:
                if value == "":  # a masthead row
                    sheet.write_blank(r, column, None, styles.number)
                else:
                    sheet.write_number(r, column, float(value), styles.number)
                continue
            sheet.write_string(r, column, str(value), styles.text)
            widths[column] = max(widths[column], display_width(str(value)))
        _redline_cell(sheet, r, len(cells) - 1, row.diff, styles)
        widths[-1] = max(widths[-1], display_width(row.redline))
    sheet.autofilter(0, 0, max(r, 1), len(header) - 1)
    sheet.freeze_panes(1, 0)
    fit_columns(sheet, widths, styles)


def _redline_cell(sheet: Worksheet, r: int, column: int, diff: view.Diff, styles: Styles) -> None:
    """The redline as rich text: each run in its format (XlsxWriter wants two runs
    or more for rich text, and no empty one)."""
    parts: list[object] = []
    for op, text in diff:
        if not text:
            continue
        if op == "-":
            parts += [styles.deleted, text]
        elif op == "+":
            parts += [styles.inserted, text]
        else:
            parts.append(text)
    runs = sum(1 for p in parts if isinstance(p, str))
    if runs == 0:
        sheet.write_blank(r, column, None, styles.text)
    elif runs == 1:
        text = next(p for p in parts if isinstance(p, str))
        fmt = parts[0] if not isinstance(parts[0], str) else None
        sheet.write_string(r, column, text, fmt if fmt is not None else styles.text)
    else:
        sheet.write_rich_string(r, column, *parts, styles.text)


def _plain_sheet(book: Workbook, styles: Styles, name: str, header: Sequence[str],
                 body: Sequence[Sequence[str]], title: str) -> None:
    sheet = book.add_worksheet(name)
    sheet.write_string(0, 0, title, styles.title)
    for column, text in enumerate(header):
        sheet.write_string(1, column, text, styles.header)
    widths = [display_width(h) for h in header]
    for r, row in enumerate(body, start=2):
        for column, text in enumerate(row):
            sheet.write_string(r, column, text, styles.text)
            if column < len(widths):
                widths[column] = max(widths[column], display_width(text))
    if body:
        sheet.autofilter(1, 0, 1 + len(body), len(header) - 1)
    sheet.freeze_panes(2, 1)
    fit_columns(sheet, widths, styles)
