"""The command line of the reports to hand on: --format docx/csv/xlsx, --only,
--side-by-side, --author, show, and history in every format."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from docdiff.render import FORMATS
from docdiff.render.word import paragraph_texts

from .conftest import SEED_ZH, SEEDS
from .test_cli import run, run_in_pty

SAMPLE = SEEDS / "sample_2012.zh.txt"


def test_format_choices_and_help_come_from_the_registry(capsys):
    code, out, _ = run(capsys, "compare", "--help")
    assert code == 0
    assert "[" + "|".join(FORMATS) + "]" in out.replace("\n", "").replace(" ", "")
    for spec in FORMATS.values():
        assert spec.name in out


@pytest.mark.parametrize("fmt,magic", [("docx", b"PK"), ("xlsx", b"PK"), ("csv", b"\xef\xbb\xbf")])
def test_each_format_is_written_to_a_file_with_the_exit_status_of_a_comparison(capsys, tmp_path, fmt, magic):
    target = tmp_path / f"report.{fmt}"
    code, out, err = run(capsys, SEED_ZH, SAMPLE, "--format", fmt, "-o", target)
    assert (code, out, err) == (1, "", "")
    assert target.read_bytes().startswith(magic)


def test_docx_names_the_author_given(capsys, tmp_path):
    target = tmp_path / "r.docx"
    run(capsys, SEED_ZH, SAMPLE, "-f", "docx", "-o", target, "--author", "UNOG Chinese Translation Service")
    xml = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert 'w:author="UNOG Chinese Translation Service"' in xml and 'w:author="docdiff"' not in xml
    assert [t for _, t in paragraph_texts(target.read_bytes(), accept=True)]


def test_a_binary_format_goes_to_a_pipe_but_never_to_a_terminal(capsys, tmp_path):
    code, text = run_in_pty(SEED_ZH, SAMPLE, "-f", "xlsx")
    assert code == 2 and "binary file: give -o FILE" in text and "Traceback" not in text


def test_a_bad_output_path_is_one_line_and_exit_2(capsys, tmp_path):
    for fmt in ("docx", "xlsx", "csv"):
        code, out, err = run(capsys, SEED_ZH, SAMPLE, "-f", fmt, "-o", tmp_path / "no" / "such" / f"r.{fmt}")
        assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("docdiff: ")


def test_only_filters_json_and_csv_alike(capsys):
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "--only", "added,removed", "-f", "json")
    statuses = {p["status"] for s in json.loads(out)["sections"] for p in s["paragraphs"]}
    assert code == 1 and statuses == {"added", "removed"}
    _, out, _ = run(capsys, SEED_ZH, SAMPLE, "--only", "moved", "--only", "split", "-f", "csv")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline="")))[1:]
    # the masthead changes stay, as in every report (render/only.py)
    assert rows and {r[3] for r in rows if r[0] != "masthead"} == {"moved", "split"}
    assert [r[0] for r in rows if r[0] == "masthead"] == ["masthead"] * len(json.loads(
        run(capsys, SEED_ZH, SAMPLE, "-f", "json")[1])["metadata_changes"])


def test_only_refuses_a_word_that_is_no_status(capsys):
    code, _, err = run(capsys, SEED_ZH, SAMPLE, "--only", "added,renamed")
    assert code == 2 and "'renamed' is not a paragraph status" in err and err.count("\n") == 1


def test_side_by_side_needs_120_columns(capsys):
    code, _, err = run(capsys, SEED_ZH, SAMPLE, "--side-by-side", "--width", "100")
    assert code == 2 and "needs 120 columns or more (here: 100)" in err
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "--side-by-side", "--width", "140", "--only", "changed")
    assert code == 1 and " │ " in out and max(len(line) for line in out.split("\n")) <= 140
    code, _, err = run(capsys, SEED_ZH, SAMPLE, "--side-by-side", "-f", "html")
    assert code == 2 and "--side-by-side" in err


def test_side_by_side_on_a_wide_terminal(capsys):
    code, text = run_in_pty(SEED_ZH, SAMPLE, "--side-by-side", "--only", "split", columns=150)
    assert code == 1 and "│" in text and "split in 2" in text


@pytest.mark.parametrize("pair", [("real/nsa/A_RES_78_18.txt", "real/nsa/A_RES_79_17.txt"),
                                  ("sample_en_2010.txt", "sample_en_2012.txt")])
def test_side_by_side_labels_paragraphs_as_the_report_does(capsys, pair):
    # every changed paragraph's head line ("PP18 → PP18  changed", "summary ¶1 → …",
    # "closing line 1 → …") is the same in the side-by-side and the one-column report
    old, new = (SEEDS / name for name in pair)
    _, plain, _ = run(capsys, old, new, "--color", "never", "-w", "140")
    _, wide, _ = run(capsys, old, new, "--color", "never", "-w", "140", "--side-by-side")
    heads = [line for line in plain.splitlines() if line.endswith("  changed") and " → " in line]
    assert heads and "unnumbered" not in wide
    assert [h.strip() for h in heads] == [line.strip() for line in wide.splitlines() if line.strip() in
                                          {h.strip() for h in heads} or (line.endswith("  changed") and " → " in line)]


def test_show_prints_one_paragraph_by_new_number_old_number_or_index(capsys):
    code, out, _ = run(capsys, "show", SEED_ZH, SAMPLE, "30", "--color", "never")
    assert code == 1 and "old ¶29" in out and "new ¶30" in out and "[-" in out
    code, again, _ = run(capsys, "show", SEED_ZH, SAMPLE, "old:29", "--color", "never")
    assert again == out
    code, _, err = run(capsys, "show", SEED_ZH, SAMPLE, "500")
    assert code == 2 and "¶500 does not exist" in err and err.count("\n") == 1
    code, _, err = run(capsys, "show", SEED_ZH, SAMPLE, "twelve")
    assert code == 2 and "not a paragraph reference" in err


@pytest.mark.parametrize("fmt", [f for f, spec in FORMATS.items() if spec.history is not None and spec.binary])
def test_history_writes_every_binary_format(capsys, tmp_path, fmt):
    target = tmp_path / f"h.{fmt}"
    code, _, err = run(capsys, "history", SEED_ZH, SAMPLE, SEEDS / "sample_2014.zh.txt", "-f", fmt, "-o", target)
    assert (code, err) == (1, "") and zipfile.is_zipfile(target)


def test_history_csv_to_standard_output(capsys):
    code, out, _ = run(capsys, "history", SEED_ZH, SAMPLE, "-f", "csv")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    assert code == 1 and rows[0][0] == "editions" and len(rows) > 10


def test_history_refuses_docx_in_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "history", SEED_ZH, SAMPLE, "-f", "docx", "-o", tmp_path / "h.docx")
    assert code == 2 and err.count("\n") == 1 and "docx" in err


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "csv"])
def test_masthead_facts_are_named_in_words(capsys, fmt):
    # A/RES/78/18 → 79/17: the resolution's number and adoption date both changed (the
    # files' mastheads print "78/18." / "79/17." and "on 4 December 2023" / "2 December 2024")
    old, new = SEEDS / "real/nsa/A_RES_78_18.txt", SEEDS / "real/nsa/A_RES_79_17.txt"
    args = [old, new, "--color", "never"] + ([] if fmt == "terminal" else ["-f", fmt])
    _, out, _ = run(capsys, *args)
    assert "resolution number" in out and "adoption date" in out
    assert "resolution_number" not in out and "adoption_date" not in out
