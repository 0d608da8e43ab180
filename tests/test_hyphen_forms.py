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
