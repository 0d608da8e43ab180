"""One number for one thing: the report's header counts each edition's paragraphs — the
body's, then the summary's, the notes and the closing lines it compares too — and the
totals line says what it counts; the references of the JSON report (``old_index``) are the
indexes the outline shows ([N], ``index``).

The editions are the seeds' pairs and the real resolution pairs; the expected counts are
read off each edition's own parse (its paragraphs, ``front.summary``, ``front.footnotes``,
``front.closing``), not off the report.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import docdiff
from docdiff.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAIRS = [("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt"), ("sample_en_2010.txt", "sample_en_2012.txt"),
         ("real/nsa/A_RES_77_39.txt", "real/nsa/A_RES_78_18.txt"),
         ("real/me-nwfz/A_RES_79_16.txt", "real/me-nwfz/A_RES_80_17.txt")]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    try:
        main(args)
    except SystemExit:
        pass
    return capsys.readouterr().out


def _counts(document: docdiff.Document) -> dict[str, int]:
    return {"paragraph": document.paragraph_count, "summary paragraph": len(document.front.summary),
            "note": len(document.front.footnotes), "closing line": len(document.front.closing)}


@pytest.mark.parametrize("old_name,new_name", PAIRS)
def test_the_header_counts_what_the_totals_line_counts(old_name: str, new_name: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    old, new = docdiff.load(SEEDS / old_name), docdiff.load(SEEDS / new_name)
    out = _run([str(SEEDS / old_name), str(SEEDS / new_name), "--color", "never", "-w", "200"], capsys)
    comparison = docdiff.compare(old, new)
    for side, document in (("old", old), ("new", new)):
        line = next(ln for ln in out.splitlines() if ln.strip().startswith(side + " "))
        shown = {noun: int(n) for n, noun in re.findall(r"(\d+) (paragraph|summary paragraph|note|closing line)s?\b",
                                                         line)}
        expected = {noun: n for noun, n in _counts(document).items() if n}
        assert shown == expected, (side, line)
        # every paragraph the header names is one side of an entry the totals line counts
        assert sum(len(getattr(c, side)) for c in comparison.paragraph_changes()) == sum(expected.values())
    totals = next(ln for ln in out.splitlines() if ln.startswith("Paragraphs"))
    label = totals.split(":")[0]
    for noun, name in (("summary paragraph", "the summary"), ("note", "notes"), ("closing line", "closing lines")):
        assert (name in label) == bool(_counts(old)[noun] or _counts(new)[noun]), (label, noun)


def test_the_report_references_are_the_outline_indexes(capsys: pytest.CaptureFixture[str]) -> None:
    """A report with a summary: each ``old_index`` of every entry of the JSON report is the
    ``index`` under which ``docdiff outline --format json`` of the old edition shows the
    paragraph the entry holds (the summary's, in ``front``, take the first indexes), with its
    text and printed number."""
    old_path, new_path = SEEDS / PAIRS[0][0], SEEDS / PAIRS[0][1]
    outline = json.loads(_run(["outline", str(old_path), "--format", "json"], capsys))
    by_index: dict[int, tuple[int | None, str]] = {k: (None, text) for k, text in enumerate(outline["front"]["summary"])}

    def collect(section: dict) -> None:  # type: ignore[type-arg]
        for p in section["paragraphs"]:
            assert p["index"] not in by_index
            by_index[p["index"]] = (p["number"], p["text"])
        for child in section["sections"]:
            collect(child)

    for section in outline["sections"]:
        collect(section)
    report = json.loads(_run([str(old_path), str(new_path), "--format", "json"], capsys))
    checked = 0
    for section in report["sections"]:
        if section["kind"] in ("footnotes", "closing"):
            continue
        for entry in section["paragraphs"]:
            if "diff" not in entry or not entry["old_index"]:
                continue  # (an entry without a diff holds text both editions print alike)
            texts = "".join(text for op, text in entry["diff"] if op in "=-").split("\n")
            for number, index, text in zip(entry["old"], entry["old_index"], texts, strict=True):
                assert by_index[index] == (number, text), index
                checked += 1
    assert checked > 60
