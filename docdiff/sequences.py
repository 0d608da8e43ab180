"""Longest increasing runs: the one piece of order-keeping the comparison, the
inline diffs and the Word report share.

``longest_increasing(keys)`` gives the places of one longest strictly increasing
run of ``keys`` (patience sorting, O(n log n)); ``increasing_lengths(keys)`` the
length of the longest strictly increasing run ending at each place, from which
callers find every place that lies on some longest run.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def longest_increasing(keys: Sequence[float]) -> list[int]:
    """The places (in order) of a longest strictly increasing run of ``keys``;
    of several longest runs, the one patience sorting ends on (the least last key
    at every length)."""
    tails: list[float] = []  # tails[k]: the least last key of an increasing run of k + 1
    tail_at: list[int] = []  # the place of that key
    before = [-1] * len(keys)
    for place, key in enumerate(keys):
        k = bisect_left(tails, key)
        if k == len(tails):
            tails.append(key)
            tail_at.append(place)
        else:
            tails[k] = key
            tail_at[k] = place
        before[place] = tail_at[k - 1] if k else -1
    run: list[int] = []
    place = tail_at[-1] if tail_at else -1
    while place >= 0:
        run.append(place)
        place = before[place]
    return run[::-1]


def increasing_lengths(keys: Sequence[float]) -> list[int]:
    """For each place, the length of the longest strictly increasing run of
    ``keys`` that ends there."""
    tails: list[float] = []
    lengths = []
    for key in keys:
        k = bisect_left(tails, key)
        tails[k:k + 1] = [key]
        lengths.append(k + 1)
    return lengths
