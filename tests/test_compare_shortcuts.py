"""The shortcuts ``compare`` takes, each against the rule it stands for, kept
here as the key (hypothesis): where a shortcut applies, the full rule must give
what the shortcut gives."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, strategies as st

from docdiff.compare import _heaviest_chain

weights = st.integers(1, 5000)  # (every link's weight is positive: compare._weight)


@st.composite
def chains(draw: st.DrawFn, rising: bool = False) -> tuple[list[int], list[int]]:
    olds = draw(st.lists(st.integers(0, 40), unique=True, max_size=9))
    if rising:
        olds.sort()
    return olds, draw(st.lists(weights, min_size=len(olds), max_size=len(olds)))


def heaviest_by_search(olds: list[int], weights: list[int]) -> int:
    """The weight of the heaviest rising chain, every subset tried."""
    return max((sum(weights[k] for k in subset) for n in range(len(olds) + 1)
                for subset in combinations(range(len(olds)), n)
                if all(olds[a] < olds[b] for a, b in zip(subset, subset[1:]))), default=0)


@given(chains())
def test_the_heaviest_chain_rises_and_is_the_heaviest(chain: tuple[list[int], list[int]]) -> None:
    olds, weights = chain
    kept = _heaviest_chain(olds, weights)
    assert kept == sorted(kept)
    assert all(olds[a] < olds[b] for a, b in zip(kept, kept[1:]))
    assert sum(weights[k] for k in kept) == heaviest_by_search(olds, weights)


@given(chains(rising=True))
def test_links_already_in_order_all_keep_their_order(chain: tuple[list[int], list[int]]) -> None:
    # compare._in_order keeps every link without weighing them when their old
    # places already rise: the full rule keeps them all too
    olds, weights = chain
    assert _heaviest_chain(olds, weights) == list(range(len(olds)))
