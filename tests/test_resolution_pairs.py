"""A series may print non-breaking hyphens (U+2011) in one edition where its other
editions print "-" (the shared real samples' README notes it in A/RES/80/18): the
same words, so no paragraph and no masthead fact changes.  The edited edition is
the real text with its hyphens swapped, so the expectation comes from the input."""

from __future__ import annotations

from pathlib import Path

import docdiff

REAL = Path(__file__).resolve().parent.parent / "seeds" / "real"


def test_non_breaking_hyphens_are_formatting_not_change() -> None:
    text = (REAL / "nsa" / "A_RES_79_17.txt").read_text("utf-8")
    swapped = text.replace("non-nuclear", "non\u2011nuclear").replace("nuclear-weapon", "nuclear\u2011weapon")
    assert swapped != text
    comparison = docdiff.compare(docdiff.parse(text), docdiff.parse(swapped))
    assert comparison.metadata_changes == ()
    statuses = {c.status for c in comparison.paragraph_changes()}
    assert statuses == {"unchanged"}
    assert any(c.formatting_only for c in comparison.paragraph_changes())
    assert not comparison.has_differences


def test_a_real_word_change_next_to_a_hyphen_still_counts() -> None:
    text = (REAL / "nsa" / "A_RES_79_17.txt").read_text("utf-8")
    edited = text.replace("non-nuclear", "non\u2011nuclear").replace("greatest threat", "gravest threat")
    assert text.count("greatest threat") == 1  # one preambular paragraph
    comparison = docdiff.compare(docdiff.parse(text), docdiff.parse(edited))
    changed = [c for c in comparison.paragraph_changes() if c.status != "unchanged"]
    assert [c.status for c in changed] == ["changed"]
    assert ("+", "gravest") in changed[0].diff


def test_closing_lines_of_two_editions_pair_by_place() -> None:
    """The closing lines ("42nd plenary meeting", the date) are too short for any
    similarity; the k-th line of one edition is the k-th of the next."""
    old_text = (REAL / "nsa" / "A_RES_78_18.txt").read_text("utf-8")
    new_text = (REAL / "nsa" / "A_RES_79_17.txt").read_text("utf-8")
    assert "42nd plenary meeting" in old_text and "43rd plenary meeting" in new_text
    comparison = docdiff.compare(docdiff.parse(old_text), docdiff.parse(new_text))
    closing = [s for s in comparison.sections if s.kind == "closing"]
    assert len(closing) == 1
    assert [c.status for c in closing[0].paragraphs] == ["changed", "changed"]
    assert ("-", "42nd") in closing[0].paragraphs[0].diff and ("+", "43rd") in closing[0].paragraphs[0].diff


def test_history_names_untitled_sections_by_kind_and_unnumbered_paragraphs_by_reference() -> None:
    from docdiff.render.history_view import lineage_rows, organisation_label

    editions = [docdiff.load(p) for p in sorted((REAL / "nsa").glob("*.txt"))]
    history = docdiff.history(editions)
    labels = [organisation_label(org) for org in history.organisations]
    assert "(untitled)" not in labels
    assert {"Operative part", "Footnotes", "Closing lines"} <= set(labels)
    [preamble] = history.find("The General Assembly,")
    rows = lineage_rows(history, preamble)
    # every edition's first paragraph in reading order is its first preambular one,
    # "Bearing in mind the need to allay …", carried over unchanged: reference [0] in each
    first = [cell.text for cell in rows[0][::2]]
    assert first == ["[0]"] * len(editions)
    for path in sorted((REAL / "nsa").glob("*.txt")):
        assert "Bearing in mind the need to allay" in path.read_text("utf-8")


def test_only_that_names_no_status_is_a_usage_error() -> None:
    import subprocess
    import sys

    seeds = REAL.parent
    run = subprocess.run([sys.executable, "-m", "docdiff", str(seeds / "A_65_382-S_2010_490.zh.txt"),
                          str(seeds / "sample_2012.zh.txt"), "--only", ""], check=False,
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "no paragraph status" in run.stderr


def test_a_report_into_a_pipe_has_no_padding_at_line_ends() -> None:
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "docdiff", str(REAL / "nsa" / "A_RES_78_18.txt"),
                          str(REAL / "nsa" / "A_RES_79_17.txt"), "-w", "100"], check=False,
                         capture_output=True, text=True)
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert any("Operative part" in line for line in lines)
    assert [line for line in lines if line.endswith(" ")] == []
