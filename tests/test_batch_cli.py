"""``docdiff batch`` on the command line: every overview format, the pair
reports beside it, --dry-run, exit statuses, Ctrl-C, the cache folder; and
``docdiff history --jobs``.  The folders are made from seeds/ as in
test_batch.py (session 78 against 79, reports 2010 against 2012)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

import docdiff.batch as batch_module

from .batch_inputs import (
    EXPECTED_PAIRS,
    NSA,
    REPORTS_NEW,
    REPORTS_OLD,
    copy_into,
    make_sessions,
)
from .conftest import SEEDS
from .test_cli import run


@pytest.fixture
def sessions(tmp_path: Path) -> tuple[Path, Path]:
    return make_sessions(tmp_path)


@pytest.fixture
def reports(tmp_path: Path) -> tuple[Path, Path]:
    """The reports' 2010 editions against their 2012 editions (Chinese and English)."""
    copy_into([SEEDS / f for f in REPORTS_OLD], tmp_path / "2010")
    copy_into([SEEDS / f for f in REPORTS_NEW], tmp_path / "2012")
    return tmp_path / "2010", tmp_path / "2012"


REPORT_PAIRS = set(zip(REPORTS_OLD, REPORTS_NEW))


def _pairs(data: dict) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    return {(Path(p["old"]["file"]).name, Path(p["new"]["file"]).name) for p in data["pairs"]}


def test_json_overview_pairs_and_a_line_per_pair(capsys, sessions) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "batch", *sessions, "-f", "json", "--no-cache", "-j", "1")
    data = json.loads(out)
    assert code == 1 and data["format"] == "docdiff-batch/1"
    assert _pairs(data) == EXPECTED_PAIRS
    progress = [line for line in err.splitlines() if re.match(r"docdiff: \[\d/4\] ", line)]
    assert len(progress) == 4  # stderr is not a terminal: a line per pair
    scores = [p["score"] for p in data["pairs"]]
    assert scores == sorted(scores, reverse=True)


def test_html_overview_links_each_pair_to_its_report(capsys, reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out_dir = tmp_path / "overview"
    code, _, err = run(capsys, "batch", *reports, "-f", "html", "-o", out_dir, "--no-cache", "-j", "1")
    assert code == 1, err
    page = (out_dir / "index.html").read_text("utf-8")
    links = re.findall(r'<a href="([^"]+)"', page)
    assert len(links) == len(REPORT_PAIRS)
    for link in links:
        report = (out_dir / link).read_text("utf-8")
        assert report.lstrip().lower().startswith("<!doctype html>")
        assert "<del>" in report or "<ins>" in report
    # each report is the one of its pair: its file names appear in it
    for old, new in REPORT_PAIRS:
        link = next(link for link in links if Path(old).stem in link and Path(new).stem in link)
        assert Path(new).name in (out_dir / link).read_text("utf-8")


def test_csv_overview_one_row_per_pair(capsys, sessions) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "batch", *sessions, "-f", "csv", "--no-cache", "-j", "1")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert code == 1 and len(rows) == len(EXPECTED_PAIRS)
    assert {(Path(r["old file"]).name, Path(r["new file"]).name) for r in rows} == EXPECTED_PAIRS
    assert [float(r["score"]) for r in rows] == sorted((float(r["score"]) for r in rows), reverse=True)


def test_xlsx_overview_and_pair_workbooks(capsys, sessions, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl reads the workbook back (a test dependency)")
    pytest.importorskip("xlsxwriter", reason="XlsxWriter (a dependency) writes workbooks")
    code, _, err = run(capsys, "batch", *sessions, "-f", "xlsx", "-o", tmp_path / "x", "--no-cache", "-j", "1")
    assert code == 1, err
    book = openpyxl.load_workbook(tmp_path / "x" / "batch.xlsx")
    assert book.sheetnames == ["pairs", "organisations", "unpaired"]
    body = list(book["pairs"].iter_rows(min_row=3, values_only=True))
    assert len(body) == len(EXPECTED_PAIRS)
    assert all((tmp_path / "x" / row[18]).is_file() for row in body)  # "report": each pair's workbook


def test_xlsx_needs_a_folder(capsys, sessions) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "batch", *sessions, "-f", "xlsx", "--no-cache")
    assert code == 2 and out == "" and "-o DIR" in err and len(err.strip().splitlines()) == 1


def test_dry_run_shows_the_pairs_and_why(capsys, sessions) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "batch", *sessions, "--dry-run", "--no-cache", "-j", "1", "-w", "200")
    assert code == 0
    assert f"{NSA[78][:-4].replace('_', '/')} → {NSA[79][:-4].replace('_', '/')}" in out
    assert "the new edition cites 78/18" in out
    code, out, _ = run(capsys, "batch", *sessions, "--dry-run", "-f", "json", "--no-cache", "-j", "1")
    assert code == 0 and _pairs(json.loads(out)) == EXPECTED_PAIRS


def test_rich_overview_in_a_folder(capsys, reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "batch", *reports, "-o", tmp_path / "r", "--no-cache", "-j", "1")
    assert code == 1 and out == "", err
    text = (tmp_path / "r" / "batch.txt").read_text("utf-8")
    assert "2 pairs · 2 compared" in text and "\x1b" not in text
    assert len(list((tmp_path / "r" / "pairs").glob("*.html"))) == 2


def test_an_unreadable_document_is_trouble_but_the_overview_is_written(capsys, sessions) -> None:  # type: ignore[no-untyped-def]
    old, new = sessions
    (old / "empty.txt").write_bytes(b"")
    code, out, err = run(capsys, "batch", old, new, "-f", "json", "--no-cache", "-j", "1")
    data = json.loads(out)
    assert code == 2 and _pairs(data) == EXPECTED_PAIRS
    assert [Path(u["file"]).name for u in data["unreadable"]] == ["empty.txt"]
    assert err.strip().splitlines()[-1] == "docdiff: 1 document could not be read (see their rows)"


def test_ctrl_c_writes_what_is_done(capsys, sessions, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                    tmp_path: Path) -> None:
    real = batch_module.result_of
    calls: list[int] = []

    def interrupted_at_the_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(batch_module, "result_of", interrupted_at_the_second)
    code, _, err = run(capsys, "batch", *sessions, "-f", "json", "-o", tmp_path / "o", "--no-cache", "-j", "1")
    data = json.loads((tmp_path / "o" / "batch.json").read_text("utf-8"))
    assert code == 2 and data["interrupted"] is True
    assert sorted(p["status"] for p in data["pairs"]) == ["compared", "not run", "not run", "not run"]
    assert "interrupted: 1 of 4 pairs done" in err


def test_the_output_folder_may_not_lie_in_an_input(capsys, sessions) -> None:  # type: ignore[no-untyped-def]
    old, new = sessions
    before = sorted(p.name for p in old.iterdir())
    code, _, err = run(capsys, "batch", old, new, "-o", old / "out", "--no-cache")
    assert code == 2 and "inside an input folder" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in old.iterdir()) == before


def test_the_default_cache_is_the_user_cache(capsys, sessions, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    if sys.platform in ("win32", "darwin"):
        pytest.skip("XDG_CACHE_HOME is the convention of Linux and other Unix systems")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    run(capsys, "batch", *sessions, "-f", "json", "-j", "1")
    assert list((tmp_path / "xdg" / "docdiff").rglob("*.pickle"))
    code, out, _ = run(capsys, "batch", *sessions, "-f", "json", "-j", "1")
    assert code == 1 and _pairs(json.loads(out)) == EXPECTED_PAIRS


def test_batch_without_inputs_is_one_clear_error(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "batch")
    assert code == 2 and out == "" and "OLD_DIR" in err and len(err.strip().splitlines()) == 1


def test_history_with_jobs_prints_the_serial_json(capsys) -> None:  # type: ignore[no-untyped-def]
    editions = sorted(SEEDS.glob("*.zh.txt"))
    _, serial, _ = run(capsys, "history", *editions, "-f", "json", "--jobs", "1")
    code, parallel, _ = run(capsys, "history", *editions, "-f", "json", "--jobs", "2")
    assert code == 1 and parallel == serial


@pytest.mark.parametrize("columns", [60, 80, 150])
def test_the_overview_reads_at_any_width(capsys, sessions, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                         columns: int) -> None:
    """At 80 columns the pairs' file names filled the table and each title came one
    letter a line (a newcomer's find): narrower than its fixed columns need, the
    overview stands each pair as lines, its title wrapped at spaces.  The titles
    and labels expected are the JSON overview's."""
    import unicodedata

    def cells(line: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)

    code, out, _ = run(capsys, "batch", *sessions, "-f", "json", "--no-cache", "-j", "1")
    pairs = json.loads(out)["pairs"]
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run(capsys, "batch", *sessions, "--no-cache", "-j", "1", "--color", "never")
    assert code == 1
    lines = out.split("\n")
    assert all(cells(line) <= columns for line in lines), [line for line in lines if cells(line) > columns]
    tokens = {token for line in lines for token in line.split()}
    for pair in pairs:
        title = pair["new"]["title"] or pair["old"]["title"]
        # every word of the title whole (a Chinese title, without spaces, on one line)
        assert set(title.split()) <= tokens, (title, out)
        assert any(f"{pair['old']['symbol'] or Path(pair['old']['file']).name} → " in line for line in lines)
    assert ("title" in lines[1].split()) == (columns >= 150)
