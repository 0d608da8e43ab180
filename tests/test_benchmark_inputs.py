"""The benchmark's inputs and its counting rule (benchmarks/scale.py, presented.py).

Only what the figures rest on is pinned down here; nothing is timed.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

import docdiff

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NEW = SEEDS / "sample_2012.zh.txt"

sys.path.insert(0, str(BENCHMARKS))
import presented  # noqa: E402
import scale  # noqa: E402

pytestmark = pytest.mark.skipif(not NEW.exists(), reason="the sample revision is not in seeds/")


@pytest.fixture(scope="module")
def pair():
    old_raw, new_raw = docdiff.read_text(SEEDS / "A_65_382-S_2010_490.zh.txt"), docdiff.read_text(NEW)
    return docdiff.parse(old_raw), old_raw, docdiff.parse(new_raw), new_raw


def _shape(document: docdiff.Document) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(tuple(s.title for s in path), tuple(p.text for p in s.paragraphs)) for path, s in document.walk()]


def test_scaled_editions_at_k_1_parse_back_to_the_pair(pair):
    old, old_raw, new, new_raw = pair
    old_text, new_text = scale.scaled_pair(old, old_raw, new, new_raw, 1)
    assert _shape(docdiff.parse(old_text)) == _shape(old)
    assert _shape(docdiff.parse(new_text)) == _shape(new)


def test_scaled_editions_hold_k_copies_under_new_names_with_the_same_share_of_edits(pair):
    old, old_raw, new, new_raw = pair
    old_text, new_text = scale.scaled_pair(old, old_raw, new, new_raw, 3)
    assert scale.scaled_pair(old, old_raw, new, new_raw, 3) == (old_text, new_text)  # deterministic
    a, b = docdiff.parse(old_text), docdiff.parse(new_text)
    assert (a.paragraph_count, b.paragraph_count) == (3 * old.paragraph_count, 3 * new.paragraph_count)
    assert [p.number for p in b.paragraphs()] == list(range(1, b.paragraph_count + 1))
    titles = [s.title for _, s in b.walk() if s.paragraphs]
    assert len(set(titles)) == len(titles)
    once, thrice = _body_counts(docdiff.compare(old, new)), _body_counts(docdiff.compare(a, b))
    assert thrice == {status: 3 * n for status, n in once.items()}


def _body_counts(comparison: docdiff.Comparison) -> Counter[str]:
    """Statuses of the body's paragraphs (the copies repeat the body, not the
    masthead's summary or the footnotes)."""
    return Counter(c.status for s in comparison.sections if s.kind not in ("summary", "footnotes", "closing")
                   for c in s.paragraphs)


def test_the_mostly_edited_variant_leaves_one_paragraph_in_ten_as_it_was(pair):
    old, old_raw, new, new_raw = pair
    _, plain = scale.scaled_pair(old, old_raw, new, new_raw, 2)
    _, edited = scale.scaled_pair(old, old_raw, new, new_raw, 2, mostly_edited=True)
    before, after = docdiff.parse(plain).paragraphs(), docdiff.parse(edited).paragraphs()
    same = [p.number for p, q in zip(before, after) if p.text == q.text]
    assert same and all(n % scale.UNEDITED_EVERY == 0 for n in same)


def test_a_group_of_linked_paragraphs_counts_as_its_larger_side():
    old = presented.ParagraphLines({1: 1, 2: 2, 3: 3, 4: 4})
    new = presented.ParagraphLines({1: 1, 2: 2, 3: 3})
    hunks = [
        (frozenset({1}), frozenset({1})),  # changed in place: 1
        (frozenset({2, 3}), frozenset({2})),  # two old paragraphs became one new: 2
        (frozenset({4}), frozenset()),  # deleted: 1
        (frozenset(), frozenset({9})),  # a line outside any paragraph: 0
    ]
    assert presented.count_presented(hunks, old, new) == 4


def test_htmldiff_hunks_are_the_rows_it_marks_each_run_one_hunk():
    # line 2 changed, line 4 deleted, a line inserted after 5: HtmlDiff marks those rows
    old = ["one\n", "two\n", "three\n", "four & <five>\n", "six\n", "seven\n"]
    new = ["one\n", "two, amended\n", "three\n", "six\n", "inserted\n", "seven\n"]
    assert presented.html_hunks(old, new) == [
        (frozenset({2}), frozenset({2})), (frozenset({4}), frozenset()), (frozenset(), frozenset({5}))]
    assert presented.html_hunks(old, old) == []
