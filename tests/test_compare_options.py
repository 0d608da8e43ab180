"""``compare(old, new, options=CompareOptions(...))``: the thresholds act as
documented.  The similarities expected are counted here from the texts (words
and pairs of neighbouring words, Chinese character bigrams: the rule of
``similarity.tokens``' docstring), never taken from the comparison."""

from __future__ import annotations

import pickle
import re
from collections import Counter

import pytest
from hypothesis import given, strategies as st

import docdiff
from docdiff import CompareOptions
from docdiff.model import Document

from .conftest import SEED_ZH, SEEDS
from .test_compare_properties import build, entries, revisions, settings_


def words(stem: str, n: int) -> list[str]:
    """``n`` different words (no digits: digits are tokens of their own)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [stem + letters[k // 26] + letters[k % 26] for k in range(n)]


def bag(text: str) -> Counter[str]:
    """The tokens of a generated text, counted by hand: Latin words and pairs
    of neighbouring words; Chinese runs (between commas) as bigrams."""
    if text.isascii():
        ws = text.rstrip(".").split()
        return Counter(ws + [f"{a} {b}" for a, b in zip(ws, ws[1:])])
    runs = [run for run in re.split("[，。]", text) if run]
    return Counter(run[k:k + 2] for run in runs for k in range(len(run) - 1))


def dice(a: Counter[str], b: Counter[str]) -> float:
    return 2 * sum((a & b).values()) / (sum(a.values()) + sum(b.values()))


def statuses(comparison: docdiff.Comparison) -> list[tuple[str, tuple[int | None, ...], tuple[int | None, ...]]]:
    return [(c.status, c.old, c.new) for c in entries(comparison)]


# ----------------------------------------------------------------------------- the record


def test_defaults_are_the_documented_constants_and_the_record_is_frozen():
    options = CompareOptions()
    assert (options.changed, options.containment, options.same_section_bonus) == (0.5, 0.8, 0.05)
    assert (options.candidates, options.local_pairs, options.rare_token_cap) == (8, 1024, 20)
    with pytest.raises(AttributeError):
        options.changed = 0.9  # type: ignore[misc]
    assert options.replace(changed=0.7) == CompareOptions(changed=0.7) != options
    assert options.replace(changed=0.7).containment == 0.8
    assert hash(CompareOptions(changed=0.6)) == hash(CompareOptions(changed=0.6))
    assert pickle.loads(pickle.dumps(CompareOptions(local_pairs=3))) == CompareOptions(local_pairs=3)
    assert "changed=0.5" in repr(options)


@pytest.mark.parametrize("bad, error", [
    ({"changed": 1.5}, ValueError), ({"changed": -0.1}, ValueError), ({"changed": float("nan")}, ValueError),
    ({"containment": 2}, ValueError), ({"candidates": 0}, ValueError), ({"candidates": 2.5}, TypeError),
    ({"changed": "0.5"}, TypeError), ({"local_pairs": True}, TypeError), ({"rare_token_cap": -1}, ValueError),
])
def test_a_bad_option_is_a_clear_error(bad, error):
    with pytest.raises(error, match="CompareOptions: " + next(iter(bad))):
        CompareOptions(**bad)


def test_options_must_be_a_record():
    document = build([("African Union", ["one paragraph of words here."])])
    with pytest.raises(TypeError, match="CompareOptions"):
        docdiff.compare(document, document, options={"changed": 0.6})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="no option"):
        CompareOptions().replace(threshold=0.6)


@pytest.mark.parametrize("old, new", [(SEED_ZH, SEEDS / "sample_2012.zh.txt"),
                                      (SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt")],
                         ids=["zh", "en"])
def test_the_defaults_give_the_comparison_without_options(old, new):
    a, b = docdiff.load(old), docdiff.load(new)
    assert docdiff.compare(a, b, options=CompareOptions()) == docdiff.compare(a, b)


# ----------------------------------------------------------------------------- each threshold acts


def edited_pair(n: int, kept: int) -> tuple[Document, Document, float]:
    """One paragraph of ``n`` different words, and its edition keeping the
    first ``kept`` words (the rest replaced): their similarity, counted."""
    old_words = words("w", n)
    new_words = old_words[:kept] + words("x", n - kept)
    old_text, new_text = " ".join(old_words) + ".", " ".join(new_words) + "."
    # n words and n-1 pairs each; in common, the kept words and their kept-1 pairs
    similarity = 2 * (kept + kept - 1) / (2 * (2 * n - 1))
    assert similarity == pytest.approx(dice(bag(old_text), bag(new_text)))
    return (build([("African Union", [old_text])]), build([("African Union", [new_text])]), similarity)


def test_the_changed_threshold_decides_between_changed_and_removed_and_added():
    old, new, similarity = edited_pair(20, 12)  # 2·23 / 78 = 0.59
    assert 0.5 < similarity < 0.6
    [entry] = entries(docdiff.compare(old, new))  # the default, 0.5
    assert entry.status == "changed" and entry.similarity == pytest.approx(similarity)
    below = CompareOptions(changed=similarity - 0.01)
    assert statuses(docdiff.compare(old, new, options=below)) == [("changed", (1,), (1,))]
    above = CompareOptions(changed=similarity + 0.01)
    assert sorted(statuses(docdiff.compare(old, new, options=above))) == [("added", (), (1,)), ("removed", (1,), ())]


def test_the_containment_threshold_decides_whether_a_paragraph_was_split():
    whole = words("w", 20)
    first = whole[:10] + words("x", 3)  # 13 words: 25 tokens, 19 of them (10 words, 9 pairs) in the whole
    second = whole[10:]  # inside the whole entirely
    old = build([("African Union", [" ".join(whole) + "."])])
    new = build([("African Union", [" ".join(first) + ".", " ".join(second) + "."])])
    whole_bag = bag(" ".join(whole))
    first_share = sum((bag(" ".join(first)) & whole_bag).values()) / sum(bag(" ".join(first)).values())
    assert first_share == pytest.approx(19 / 25)  # 0.76
    joined = bag(" ".join(first)) + bag(" ".join(second))
    assert dice(whole_bag, joined) > 0.5  # the pieces together are the whole, changed
    split = docdiff.compare(old, new, options=CompareOptions(containment=first_share - 0.01))
    assert statuses(split) == [("split", (1,), (1, 2))]
    assert entries(split)[0].similarity == pytest.approx(dice(whole_bag, joined))
    not_split = docdiff.compare(old, new, options=CompareOptions(containment=first_share + 0.01))
    assert statuses(not_split) == statuses(docdiff.compare(old, new))  # the default, 0.8
    assert sorted(statuses(not_split)) == [("added", (), (1,)), ("changed", (1,), (2,))]


def test_the_same_section_bonus_keeps_an_edit_in_its_section():
    """A new paragraph a little more like a paragraph of another section than
    like the one of its own: the bonus keeps it in its section; without it, it
    is the other one, moved."""
    target = words("w", 40)
    own = target[:27] + words("y", 13)  # 27 words and 26 pairs in common
    other = target[:28] + words("z", 12)  # 28 and 27
    stays = " ".join(words("u", 12)) + "."
    old = build([("African Union", [" ".join(own) + "."]), ("League of Arab States", [stays, " ".join(other) + "."])])
    new = build([("African Union", [" ".join(target) + "."]), ("League of Arab States", [stays])])
    to_own, to_other = dice(bag(" ".join(own)), bag(" ".join(target))), dice(bag(" ".join(other)), bag(" ".join(target)))
    assert 0 < to_other - to_own < 0.05
    kept = docdiff.compare(old, new)  # the default bonus, 0.05
    assert ("changed", (1,), (1,)) in statuses(kept)
    assert ("removed", (3,), ()) in statuses(kept)
    crossed = docdiff.compare(old, new, options=CompareOptions(same_section_bonus=0.0))
    assert ("moved", (3,), (1,)) in statuses(crossed)
    assert ("removed", (1,), ()) in statuses(crossed)
    moved = next(c for c in entries(crossed) if c.status == "moved")
    assert moved.from_section == "League of Arab States" and moved.similarity == pytest.approx(to_other)


def three_alike() -> tuple[Document, Document]:
    """Three old and three new paragraphs in one section, each the same twenty
    words in order and one word of its own: every old one is as similar to
    every new one (20 words and 19 pairs of 41 tokens in common, 0.95), and
    every shared token is held by three paragraphs of each edition."""
    common = words("c", 20)
    old = [" ".join([*common, own]) + "." for own in words("a", 3)]
    new = [" ".join([*common, own]) + "." for own in words("b", 3)]
    assert {dice(bag(x), bag(y)) for x in old for y in new} == {78 / 82}
    return build([("African Union", old)]), build([("African Union", new)])


def linked(comparison: docdiff.Comparison) -> int:
    return sum(1 for c in entries(comparison) if c.old and c.new)


def test_local_pairs_and_the_rare_token_cap_decide_where_edits_are_looked_for():
    old, new = three_alike()
    assert linked(docdiff.compare(old, new)) == 3  # 9 pairs inside the section, each scored
    # none scored inside the section: the candidates, by the tokens three paragraphs hold
    assert linked(docdiff.compare(old, new, options=CompareOptions(local_pairs=0))) == 3
    assert linked(docdiff.compare(old, new, options=CompareOptions(local_pairs=0, rare_token_cap=3))) == 3
    # a token three paragraphs hold is no longer rare: no candidates at all
    none = docdiff.compare(old, new, options=CompareOptions(local_pairs=0, rare_token_cap=2))
    assert sorted(c.status for c in entries(none)) == ["added"] * 3 + ["removed"] * 3


def test_the_number_of_candidates_limits_the_pairs_scored():
    """Each paragraph's three equally good candidates: with all three, every
    paragraph is linked; with one (the first, from each side), the pairs
    scored cannot link all three."""
    old, new = three_alike()
    assert linked(docdiff.compare(old, new, options=CompareOptions(local_pairs=0, candidates=3))) == 3
    assert 1 <= linked(docdiff.compare(old, new, options=CompareOptions(local_pairs=0, candidates=1))) < 3


# ----------------------------------------------------------------------------- rules (hypothesis)


@settings_
@given(revisions())
def test_no_options_and_the_default_options_give_one_comparison(pair):
    old, new = pair
    assert docdiff.compare(old, new) == docdiff.compare(old, new, options=CompareOptions())


@settings_
@given(revisions(), st.floats(0.3, 1.0))
def test_every_paragraph_linked_by_similarity_is_at_least_changed_similar(pair, threshold):
    """Whatever the threshold, every pair of different texts reported as one
    paragraph (changed, moved, split, merged) is at least that similar, counted
    from the texts; and at 1.0 nothing is changed."""
    old, new = pair
    olds = {p.number: p.text for p in old.paragraphs()}
    news = {p.number: p.text for p in new.paragraphs()}
    comparison = docdiff.compare(old, new, options=CompareOptions(changed=threshold))
    for change in entries(comparison):
        if change.status in ("added", "removed", "unchanged") or change.formatting_only:
            continue
        a = sum((bag(olds[n]) for n in change.old), Counter())
        b = sum((bag(news[n]) for n in change.new), Counter())
        if a == b:
            continue  # the same tokens (a moved paragraph, unedited)
        assert change.similarity == pytest.approx(dice(a, b))
        assert dice(a, b) >= threshold - 1e-12
    if threshold == 1.0:
        assert not any(c.status == "changed" for c in entries(comparison))
