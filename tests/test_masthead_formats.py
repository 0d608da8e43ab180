"""Every report format shows a change of a masthead line no fact reads (the
field "masthead lines", ``docdiff/masthead.py``), read back from the output.

The editions are the real ones of seeds/real/, each against itself with the
first line of its masthead, "United Nations", printed as a French edition
prints it, "Nations Unies": a line no fact (symbol, date, session, title …)
is read from, so only the masthead lines tell the two apart.  The expectation
is that edit: the old line shown deleted and the new one inserted, where each
format marks them.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

import docdiff
from docdiff.render import render
from docdiff.render.rows import COLUMNS
from docdiff.render.word import W, paragraph_texts

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = sorted((ROOT / "seeds" / "real").glob("*/*.txt"))
OLD_LINE, NEW_LINE = "United Nations", "Nations Unies"


@pytest.fixture(scope="module", params=EDITIONS, ids=lambda p: p.stem)
def comparison(request, tmp_path_factory):
    path: Path = request.param
    text = path.read_text("utf-8")
    first, rest = text.split("\n", 1)
    assert first.strip() == OLD_LINE
    edited = tmp_path_factory.mktemp("masthead") / path.name
    edited.write_text(first.replace(OLD_LINE, NEW_LINE) + "\n" + rest, "utf-8")
    return docdiff.compare(docdiff.load(path), docdiff.load(edited))


def test_json_names_the_lines(comparison):
    changes = json.loads(render(comparison, "json"))["metadata_changes"]
    assert changes == [{"field": "masthead", "old": [OLD_LINE], "new": [NEW_LINE]}]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html_strike_the_old_line_and_insert_the_new(comparison, fmt):
    out = render(comparison, fmt)
    assert isinstance(out, str)
    assert f"<del>{OLD_LINE}</del>" in out and f"<ins>{NEW_LINE}</ins>" in out


def test_the_terminal_report_marks_them(comparison):
    out = render(comparison, "rich")
    assert isinstance(out, str)
    assert f"[-{OLD_LINE}-]" in out and f"{{+{NEW_LINE}+}}" in out


def _masthead_rows(table: list[dict[str, str]]) -> list[dict[str, str]]:
    return [row for row in table if row["section"] == "masthead"]


def test_csv_has_a_masthead_row(comparison):
    text = render(comparison, "csv")
    assert isinstance(text, str)
    table = [dict(zip(COLUMNS, r)) for r in list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))[1:]]
    [row] = _masthead_rows(table)
    assert (row["old text"], row["new text"]) == (OLD_LINE, NEW_LINE)
    assert row["redline"] == f"[-{OLD_LINE}-]{{+{NEW_LINE}+}}"


def test_xlsx_has_a_masthead_row_in_its_changes_sheet(comparison):
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (a test dependency) reads the workbook back")
    data = render(comparison, "xlsx")
    assert isinstance(data, bytes)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["changes"]
    table = [{k: "" if v is None else str(v) for k, v in zip(COLUMNS, r)} for r in sheet.iter_rows(min_row=2, values_only=True)]
    [row] = _masthead_rows(table)
    assert (row["old text"], row["new text"]) == (OLD_LINE, NEW_LINE)


def test_word_tracks_the_line_deleted_and_inserted(comparison):
    data = render(comparison, "docx")
    assert isinstance(data, bytes)

    def masthead(accept: bool) -> list[str]:
        texts = [text for _, text in paragraph_texts(data, accept)]
        return texts[:texts.index("The General Assembly,")]

    assert NEW_LINE in masthead(accept=True) and OLD_LINE not in masthead(accept=True)
    assert OLD_LINE in masthead(accept=False) and NEW_LINE not in masthead(accept=False)
    # tracked: a deletion holding the old line, an insertion holding the new one
    from lxml import etree

    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    ns = {"w": W}
    assert OLD_LINE in ["".join(d.itertext()) for d in body.iterfind(".//w:del", ns)]
    assert NEW_LINE in ["".join(i.itertext()) for i in body.iterfind(".//w:ins", ns)]
