"""The change register as CSV and XLSX, read back (csv module, openpyxl) and
checked against the JSON's entries and the editions' own paragraph texts."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

import docdiff
from docdiff.render import FORMATS, FormatError, palette, render
from docdiff.render.rows import COLUMNS

from .conftest import SEEDS

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (a test dependency) reads the workbook back")


def json_entries(comparison, with_unchanged=False):
    """The JSON's paragraph entries, in order, as the register's key."""
    data = json.loads(render(comparison, "json"))
    return [p for s in data["sections"] for p in s["paragraphs"] if with_unchanged or p["status"] != "unchanged"]


def texts(document, indexes):
    """The texts of an edition's paragraphs by their references (every paragraph
    compared: the body's, the summary's, the footnotes and closing lines)."""
    from docdiff.compare import paragraph_refs

    by_index = {ref: p.text for _, ref, _, p, _ in paragraph_refs(document)}
    return "\n".join(by_index[i] for i in indexes)


_LABEL = re.compile(r"(?:PP|summary ¶|footnote |closing line |unnumbered ¶)\d+")


def numbers_match(cell, numbers):
    """A numbered paragraph's cell is its number; an unnumbered one's, a label as
    the reports print it (PP3, footnote 2, closing line 1, summary ¶1)."""
    parts = cell.split(", ") if cell else []
    return len(parts) == len(numbers) and all(
        part == str(n) if n is not None else bool(_LABEL.fullmatch(part)) for part, n in zip(parts, numbers))


def masthead_first(comparison, body):
    """The register's rows past its masthead rows, having checked those: one per
    JSON metadata change, in order, before every paragraph's, each with the
    change's two values (a list's items each in the side that has them alone)."""
    changes = json.loads(render(comparison, "json"))["metadata_changes"]
    assert changes
    head, rest = body[:len(changes)], body[len(changes):]
    for row, change in zip(head, changes):
        assert row["section"] == "masthead" and row["status"] == "changed"
        assert not row["old ¶"] and not row["new ¶"] and row["similarity"] in ("", None)
        for side in ("old", "new"):
            value, other = change[side], change["new" if side == "old" else "old"]
            alone = [v for v in value if v not in other] if isinstance(value, list) else [value]
            if change["field"] != "agenda_items":  # (those shortened: 122(a)–(w))
                assert all(str(v) in row[f"{side} text"] for v in alone if v), (row, change)
    assert all(row["section"] != "masthead" for row in rest)
    return rest


def test_csv_is_utf8_with_a_bom_and_one_row_per_json_entry(comparison, editions):
    text = render(comparison, "csv")
    assert isinstance(text, str) and text.startswith("\ufeff")
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(table[0]) == COLUMNS
    body = masthead_first(comparison, [dict(zip(COLUMNS, r)) for r in table[1:]])
    entries = json_entries(comparison)
    assert len(body) == len(entries) > 10
    old_doc, new_doc = editions
    for row, entry in zip(body, entries):
        assert row["status"] == entry["status"]
        assert numbers_match(row["old ¶"], entry["old"]) and numbers_match(row["new ¶"], entry["new"])
        assert float(row["similarity"]) == entry["similarity"]
        assert row["old text"] == texts(old_doc, entry["old_index"])
        assert row["new text"] == texts(new_doc, entry["new_index"])


def test_csv_quotes_as_rfc_4180_commas_quotes_and_line_breaks():
    from docdiff.render.csvfile import table_text

    text = table_text(("a", "b"), [('say "yes", then', "line\nbreak")])
    assert text == '\ufeffa,b\r\n"say ""yes"", then","line\nbreak"\r\n'


def test_csv_with_all_has_every_paragraph(comparison):
    text = render(comparison, "csv", docdiff.render.ReportOptions(show_unchanged=True))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))[1:]
    rows = masthead_first(comparison, [dict(zip(COLUMNS, r)) for r in rows])
    assert len(rows) == len(json_entries(comparison, with_unchanged=True))


def workbook(data: bytes, rich_text: bool = False):
    return openpyxl.load_workbook(io.BytesIO(data), rich_text=rich_text)


def test_xlsx_changes_sheet_rows_equal_the_json_entries(comparison, editions):
    data = render(comparison, "xlsx")
    assert isinstance(data, bytes) and data[:2] == b"PK"
    book = workbook(data)
    assert book.sheetnames == ["summary", "changes"]
    sheet = book["changes"]
    rows = list(sheet.iter_rows(values_only=True))
    assert tuple(rows[0]) == COLUMNS
    body = masthead_first(comparison, [{k: "" if v is None else v for k, v in zip(COLUMNS, row)} for row in rows[1:]])
    entries = json_entries(comparison)
    assert len(body) == len(entries)
    old_doc, new_doc = editions
    for cells, entry in zip(body, entries):
        assert cells["status"] == entry["status"]
        assert numbers_match(cells["old ¶"] or "", entry["old"])
        assert numbers_match(cells["new ¶"] or "", entry["new"])
        assert cells["similarity"] == pytest.approx(entry["similarity"])
        assert (cells["old text"] or "") == texts(old_doc, entry["old_index"])
        assert (cells["new text"] or "") == texts(new_doc, entry["new_index"])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(COLUMNS))}{len(rows)}"


def test_xlsx_redline_is_rich_text_deleted_struck_red_inserted_underlined_green(comparison, editions):
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    sheet = workbook(render(comparison, "xlsx"), rich_text=True)["changes"]
    column = COLUMNS.index("redline") + 1
    old_doc, new_doc = editions
    checked = 0
    first = 2 + len(json.loads(render(comparison, "json"))["metadata_changes"])  # after the masthead rows
    for r, entry in enumerate(json_entries(comparison), start=first):
        value = sheet.cell(r, column).value
        if not isinstance(value, CellRichText):
            continue
        old_side, new_side = [], []
        for block in value:
            text = block.text if isinstance(block, TextBlock) else block
            font = block.font if isinstance(block, TextBlock) else None
            struck = bool(font is not None and font.strike)
            underlined = bool(font is not None and font.u)
            if struck:
                assert font.color.rgb.upper().endswith(palette.DELETED.lstrip("#").upper())
            if underlined:
                assert font.color.rgb.upper().endswith(palette.INSERTED.lstrip("#").upper())
            assert not (struck and underlined)
            if not underlined:
                old_side.append(text)
            if not struck:
                new_side.append(text)
        # the redline spells both editions' texts (a paragraph break shown as ' ¶ ')
        assert "".join(old_side) == texts(old_doc, entry["old_index"]).replace("\n", " ¶ ")
        assert "".join(new_side) == texts(new_doc, entry["new_index"]).replace("\n", " ¶ ")
        checked += 1
    assert checked > 5


def test_xlsx_summary_sheet_counts_per_section(comparison):
    sheet = workbook(render(comparison, "xlsx"))["summary"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    total = rows[-1]
    assert total[0] == "total"
    counted = ("changed", "added", "removed", "moved", "split", "merged")
    assert [total[2 + i] or 0 for i in range(len(counted))] == [comparison.summary[s] for s in counted]
    sections = [r for r in rows[:-1] if any(isinstance(v, int) for v in r[2:])]
    for i, status in enumerate(counted):
        assert sum(r[2 + i] or 0 for r in sections) == comparison.summary[status]


def test_xlsx_column_widths_fit_wide_text(comparison):
    sheet = workbook(render(comparison, "xlsx"))["changes"]
    width = sheet.column_dimensions["A"].width  # the section path, Chinese: two columns a character
    longest = max(len(str(c.value or "")) for c in sheet["A"][1:])
    assert width >= min(2 * longest, 60)


def test_history_xlsx_has_a_sheet_per_organisation_and_csv_a_row_per_step_change():
    paths = [SEEDS / "A_65_382-S_2010_490.zh.txt", SEEDS / "sample_2012.zh.txt", SEEDS / "sample_2014.zh.txt"]
    history = docdiff.history([docdiff.load(p) for p in paths])
    book = workbook(render(history, "xlsx"))
    assert book.sheetnames[:2] == ["overview", "changes"]
    assert len(book.sheetnames) == 2 + len(history.organisations)
    text = render(history, "csv")
    body = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))[1:]
    expected = sum(1 for c in history.comparisons for p in c.paragraph_changes() if p.status != "unchanged")
    assert len(body) == expected
    assert {r[0] for r in body} == {"2010 → 2012", "2012 → 2014"}


def test_sheet_names_are_legal_and_unique():
    from docdiff.render.xlsx import sheet_name

    taken = {"changes"}
    names = [sheet_name(label, taken) for label in ("A/B: [x]*?", "Changes", "x" * 40, "x" * 40)]
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
    assert len({n.casefold() for n in names} | {"changes"}) == 5


def test_registry_names_every_format_and_refuses_unknown_ones(comparison):
    assert {"rich", "json", "markdown", "html", "docx", "csv", "xlsx"} <= set(FORMATS)
    for spec in FORMATS.values():
        out = render(comparison, spec.name)
        assert isinstance(out, bytes if spec.binary else str) and out
    with pytest.raises(FormatError):
        render(comparison, "pdf")


def test_a_missing_library_is_named_with_its_install_command(comparison, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # as if it were not installed
    monkeypatch.delitem(sys.modules, "docdiff.render.xlsx", raising=False)
    with pytest.raises(FormatError, match=r"--format xlsx needs the Python package XlsxWriter \(pip install XlsxWriter\)"):
        render(comparison, "xlsx")


def test_history_markdown_escapes_document_text_as_the_pair_report_does():
    """One escaping for every Markdown docdiff writes: a title with '<b>', '#' and '|' shows as printed."""
    from dataclasses import replace

    from docdiff.render.markdown import escape

    editions = [docdiff.load(SEEDS / n) for n in ("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt")]
    odd = "<b>bold</b> # not a heading | no cell"

    def retitled(document):
        first = document.sections[1].sections[0]
        part = replace(document.sections[1], sections=(replace(first, title=odd), *document.sections[1].sections[1:]))
        return replace(document, sections=(document.sections[0], part, *document.sections[2:]))

    history = docdiff.history([retitled(d) for d in editions])
    text = render(history, "markdown", orgs=history.pick([odd]))
    assert escape(odd) in text and "<b>" not in text and "\\#" in text and "\\|" in text
