"""The longest increasing runs (docdiff/sequences.py), against an independent
quadratic count: for each place, the longest strictly increasing run ending
there is 1 + the longest ending at an earlier, smaller key."""

from __future__ import annotations

from hypothesis import example, given, strategies as st

from docdiff.sequences import increasing_lengths, longest_increasing

keys = st.lists(st.integers(-20, 20), max_size=60)


def quadratic_lengths(values: list[int]) -> list[int]:
    lengths: list[int] = []
    for i, v in enumerate(values):
        lengths.append(1 + max((lengths[j] for j in range(i) if values[j] < v), default=0))
    return lengths


@given(keys)
@example([])
@example([3, 3, 3])
@example([2, 1])
def test_lengths_match_the_quadratic_count(values: list[int]) -> None:
    assert increasing_lengths(values) == quadratic_lengths(values)


@given(keys)
@example([5, 1, 2, 6, 3, 4])
def test_the_run_is_strictly_increasing_and_longest(values: list[int]) -> None:
    run = longest_increasing(values)
    assert run == sorted(set(run))  # places, in order, each once
    picked = [values[i] for i in run]
    assert all(a < b for a, b in zip(picked, picked[1:]))
    assert len(run) == max(quadratic_lengths(values), default=0)


def test_a_known_run() -> None:
    # 1 2 3 4 is the only longest increasing run of 5 1 2 6 3 4
    assert longest_increasing([5, 1, 2, 6, 3, 4]) == [1, 2, 4, 5]
