"""All cores: ``history`` and ``batch`` compare in a process pool with the serial run's results."""

from __future__ import annotations

import json

import pytest

import docdiff
from docdiff.lineage import load_history
from docdiff.pool import default_jobs, ordered_map

from .conftest import SEEDS

REAL = SEEDS / "real"


def _json(history) -> str:  # type: ignore[no-untyped-def]
    return json.dumps(history.to_dict(diffs=True), ensure_ascii=False, sort_keys=True)


def test_history_in_a_process_pool_is_the_serial_history() -> None:
    editions = sorted(SEEDS.glob("*.zh.txt"))
    assert _json(load_history(editions, jobs=2)) == _json(load_history(editions, jobs=1))


def test_history_of_a_real_series_in_a_pool_is_the_serial_history() -> None:
    editions = sorted((REAL / "me-nwfz").glob("A_RES_*.txt"))  # symbols in session order
    assert len(editions) >= 5
    serial = load_history(editions, keep_order=True, jobs=1)
    assert _json(load_history(editions, keep_order=True, jobs=2)) == _json(serial)
    assert len(serial.comparisons) == len(editions) - 1


def _fails_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n * n


def test_ordered_map_keeps_order_and_raises_as_the_serial_run() -> None:
    assert ordered_map(_fails_on_three, [(n,) for n in (5, 1, 4, 2)], jobs=2) == [25, 1, 16, 4]
    with pytest.raises(ValueError, match="three"):
        ordered_map(_fails_on_three, [(n,) for n in range(6)], jobs=2)
    with pytest.raises(ValueError, match="at least 1"):
        ordered_map(_fails_on_three, [(1,)], jobs=0)
    assert default_jobs() >= 1


def test_history_jobs_default_is_serial_for_the_library() -> None:
    editions = [docdiff.load(p) for p in sorted(SEEDS.glob("*.zh.txt"))]
    assert _json(docdiff.history(editions)) == _json(docdiff.history(editions, jobs=None))
