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


def test_sections_matched_by_title_never_ask_the_registry(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The seed's text with a body paragraph edited: every section keeps its
    # title, so no organisation id is needed (the lookup is only for an old
    # section its title does not match).
    import docdiff
    from docdiff import registry

    from .conftest import SEED_ZH
    text = SEED_ZH.read_text("utf-8")
    old = docdiff.parse(text)
    new = docdiff.parse(text.replace("秘书长的报告建议", "秘书长的报告提议", 1))

    def refuse(name: str) -> None:
        raise AssertionError(f"the registry was asked about {name!r}")

    monkeypatch.setattr(registry, "organisation_id", refuse)
    comparison = docdiff.compare(old, new)
    assert all(s.status in ("unchanged", "changed") for s in comparison.sections)
    assert [p.status for s in comparison.sections for p in s.paragraphs if p.status != "unchanged"] == ["changed"]
