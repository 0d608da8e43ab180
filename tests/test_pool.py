"""All cores: ``history`` and ``batch`` compare in processes with the serial run's results."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff import lineage
from docdiff.errors import DocdiffError
from docdiff.lineage import load_history
from docdiff.pool import default_jobs, forked_map

from .conftest import SEEDS

REAL = SEEDS / "real"


@pytest.fixture(autouse=True)
def _always_in_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """However little the work: these tests are about the workers."""
    monkeypatch.setattr(lineage, "PARALLEL_COST", 0)
    monkeypatch.setattr(lineage, "PARALLEL_BYTES", 0)


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


def _all_sections(document: docdiff.Document) -> list[docdiff.Section]:
    stack, out = list(document.sections), []
    while stack:
        section = stack.pop()
        out.append(section)
        stack.extend(section.sections)
    return out


def test_comparisons_from_the_workers_hold_the_editions_own_sections() -> None:
    """A worker's comparison points at this process's own sections wherever the serial one does
    (the sections are sent as references, not copied)."""
    documents = [docdiff.load(p) for p in sorted(SEEDS.glob("*.zh.txt"))] * 2  # 5 pairs
    history = docdiff.history(documents, keep_order=True, jobs=2)
    held = 0
    for comparison, old, new in zip(history.comparisons, documents, documents[1:]):
        serial = docdiff.compare(old, new)
        assert comparison == serial
        for side, document in (("old_section", old), ("new_section", new)):
            mine = [id(s) for s in _all_sections(document)]

            def place(change: docdiff.SectionChange, side: str = side, mine: list[int] = mine) -> int | None:
                section = getattr(change, side)
                return mine.index(id(section)) if section is not None and id(section) in mine else None

            places = [place(c) for c in comparison.sections]
            assert places == [place(c) for c in serial.sections]
            held += sum(p is not None for p in places)
    assert held > 100


def _fails_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n * n


def test_forked_map_keeps_order_and_raises_as_the_serial_run() -> None:
    data = [5, 1, 4, 2]
    assert forked_map(lambda i: data[i] ** 2, 4, jobs=2) == [25, 1, 16, 4]  # a closure: nothing pickled out
    assert forked_map(lambda i: data[i] ** 2, 4, jobs=2, costs=[1, 9, 3, 2]) == [25, 1, 16, 4]
    with pytest.raises(ValueError, match="three"):
        forked_map(_fails_on_three, 6, jobs=2)
    with pytest.raises(ValueError, match="at least 1"):
        forked_map(_fails_on_three, 1, jobs=0)
    assert default_jobs() >= 1


def _fails(i: int) -> int:
    if i in (2, 5):
        raise DocdiffError(f"bad {i}", f"edition{i}.txt")
    return i


def test_the_first_failure_in_order_is_raised_whichever_process_met_it() -> None:
    for costs in ([1.0] * 8, [float(i) for i in range(8)]):  # claimed from the first task, or from the last
        with pytest.raises(DocdiffError) as caught:
            forked_map(_fails, 8, jobs=2, costs=costs)
        assert (caught.value.reason, caught.value.path) == ("bad 2", "edition2.txt")


def test_a_docdiff_error_pickles_with_its_reason_and_path() -> None:
    error = pickle.loads(pickle.dumps(DocdiffError("not a PDF", "a.pdf")))
    assert (str(error), error.reason, error.path) == ("a.pdf: not a PDF", "not a PDF", "a.pdf")


def test_what_a_dead_worker_did_not_send_is_done_here() -> None:
    parent = os.getpid()

    took_one = multiprocessing.get_context("fork").Event()

    def dies_in_the_worker(i: int) -> int:
        if os.getpid() != parent:
            took_one.set()
            os._exit(1)  # killed, out of memory: whatever it held is lost
        took_one.wait(60)  # the worker has taken a task, however loaded the machine
        return i * 10

    assert forked_map(dies_in_the_worker, 6, jobs=2) == [0, 10, 20, 30, 40, 50]


def test_little_work_stays_in_this_process() -> None:
    parent = os.getpid()
    pids = forked_map(lambda i: os.getpid(), 4, jobs=2, costs=[1, 1, 1, 1], minimum_cost=5)
    assert pids == [parent] * 4
    assert forked_map(lambda i: os.getpid(), 2, jobs=1) == [parent] * 2


class _Held:
    """An object of a class pickle asks about (not a built-in type)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Held) and other.name == self.name

    __hash__ = None  # type: ignore[assignment]


def test_shared_objects_come_back_as_themselves_and_the_rest_as_copies() -> None:
    """Of any type: objects of classes pickle asks about, and strings and tuples, which it
    pickles itself (the editions' paragraph texts travel so); listed twice, they are one."""
    parent = os.getpid()
    held = [_Held(f"h{i}") for i in range(6)]
    texts = ["".join(("paragraph ", str(i))) for i in range(6)]  # made here, not constants of the module
    tuples = [(i, texts[i]) for i in range(6)]
    shared: list[object] = [*held, *texts, *tuples, *texts]

    in_a_worker = multiprocessing.get_context("fork").Event()

    def task(i: int) -> tuple[int, _Held, str, tuple[int, str], _Held, str]:
        if os.getpid() == parent:
            in_a_worker.wait(60)  # the worker takes a share, however loaded the machine
        else:
            in_a_worker.set()
        return os.getpid(), held[i], texts[i], tuples[i], _Held(f"new {i}"), "".join(("new ", str(i)))

    out = forked_map(task, 6, jobs=2, shared=shared)
    assert {row[0] for row in out} - {parent}, "no task ran in the worker"
    for i, (_, h, text, pair, made, new) in enumerate(out):
        assert h is held[i] and text is texts[i] and pair is tuples[i]
        assert made == _Held(f"new {i}") and new == f"new {i}"


def test_a_result_that_does_not_pickle_is_done_here() -> None:
    parent = os.getpid()
    in_a_worker = multiprocessing.get_context("fork").Event()

    def task(i: int) -> object:
        if os.getpid() == parent:
            in_a_worker.wait(60)
            return i
        in_a_worker.set()
        return lambda: i  # a closure: pickle cannot send it

    assert forked_map(task, 6, jobs=2) == list(range(6))


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(-1000, 1000), min_size=0, max_size=12),
       st.lists(st.floats(0, 100), min_size=12, max_size=12), st.integers(1, 3))
def test_forked_map_is_the_serial_map(values: list[int], costs: list[float], jobs: int) -> None:
    serial = [(v, v * v, str(v)) for v in values]
    assert forked_map(lambda i: (values[i], values[i] ** 2, str(values[i])), len(values), jobs=jobs,
                      costs=costs[:len(values)]) == serial


def test_history_jobs_default_is_serial_for_the_library() -> None:
    editions = [docdiff.load(p) for p in sorted(SEEDS.glob("*.zh.txt"))]
    assert _json(docdiff.history(editions)) == _json(docdiff.history(editions, jobs=None))


def test_editions_read_in_workers_are_the_editions_read_here(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from docdiff.lineage import load_editions

    latin1 = tmp_path / "latin1.txt"  # a reader's warning and encoding travel with the document
    latin1.write_bytes((SEEDS / "sample_en_2010.txt").read_text("utf-8").replace("-", "é").encode("latin-1",
                                                                                                   "replace"))
    paths = [*sorted(SEEDS.glob("*.zh.txt")), SEEDS / "sample_en_2012.pdf", latin1, SEEDS / "sample_en_2010.txt"]
    serial = load_editions(paths, jobs=1)
    pooled = load_editions(paths, jobs=2)
    assert pooled == serial
    assert [(d.source, d.warnings, d.encoding) for d in pooled] == [(d.source, d.warnings, d.encoding) for d in serial]
    assert [d.to_dict() for d in pooled] == [d.to_dict() for d in serial]


def test_the_first_unreadable_edition_in_order_is_the_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from docdiff.lineage import load_editions

    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 100)
    paths = [SEEDS / "sample_2012.zh.txt", tmp_path / "missing.txt", SEEDS / "sample_2014.zh.txt", binary]
    for jobs in (1, 2):
        with pytest.raises(DocdiffError) as caught:
            load_editions(paths, jobs=jobs)
        assert caught.value.path == str(tmp_path / "missing.txt")


_EDITIONS = {p.name: docdiff.load(p) for p in [*sorted(SEEDS.glob("*.zh.txt")),
                                                *sorted((REAL / "me-nwfz").glob("A_RES_*.txt"))[:3]]}


@settings(max_examples=10, deadline=None)
@given(st.lists(st.sampled_from(sorted(_EDITIONS)), min_size=2, max_size=7), st.booleans())
def test_any_history_in_workers_is_the_serial_history(names: list[str], keep_order: bool) -> None:
    """Any editions in any order (repeats, reports beside resolutions, pairs of every cost): the
    workers' history is the serial one."""
    documents = [_EDITIONS[n] for n in names]
    assert _json(docdiff.history(documents, keep_order=keep_order, jobs=2)) == \
        _json(docdiff.history(documents, keep_order=keep_order, jobs=1))


# ----------------------------------------------------------------------------- one pool: parse and compare


#: Files to make histories of: the Chinese seeds and real resolutions of one series (dated
#: mastheads, so that a shuffled list is put back in order by date), English reports, a PDF.
_FILES = [*sorted(SEEDS.glob("*.zh.txt")), *sorted((REAL / "me-nwfz").glob("A_RES_*.txt"))[:4],
          SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.pdf"]


def _places(history: lineage.History) -> list[int | None]:
    """Where each section a comparison points at is among the history's editions' own sections
    (by identity; None for one the comparison made, the footnotes or a summary)."""
    mine = {id(s): k for k, s in enumerate(s for d in history.documents for s in _all_sections(d))}
    return [None if s is None else mine.get(id(s)) for c in history.comparisons for change in c.sections
            for s in (change.old_section, change.new_section)]


@settings(max_examples=12, deadline=None)
@given(st.lists(st.sampled_from(range(len(_FILES))), min_size=3, max_size=9), st.booleans(), st.integers(2, 4))
def test_a_history_parsed_and_compared_in_workers_is_the_serial_history(
        picks: list[int], keep_order: bool, jobs: int) -> None:
    """Any files (repeats, any order: by date the pairs are not the given order's), any jobs:
    the history read and compared in runs of files, one run per process, is the serial one,
    and its comparisons point at its own editions' sections where the serial ones do."""
    paths = [_FILES[i] for i in picks]
    try:
        serial = load_history(paths, keep_order=keep_order, jobs=1)
    except DocdiffError as error:  # an edition without a masthead date, and keep_order off
        with pytest.raises(DocdiffError) as caught:
            load_history(paths, keep_order=keep_order, jobs=jobs)
        assert (caught.value.reason, caught.value.path) == (error.reason, error.path)
        return
    pooled = load_history(paths, keep_order=keep_order, jobs=jobs)
    assert _json(pooled) == _json(serial)
    assert [d.to_dict() for d in pooled.documents] == [d.to_dict() for d in serial.documents]
    places = _places(pooled)
    assert places == _places(serial) and any(k is not None for k in places)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=2, max_size=30), st.integers(1, 6))
def test_runs_are_consecutive_editions_of_about_equal_cost(sizes: list[int], processes: int) -> None:
    processes = min(processes, len(sizes) - 1) or 1
    runs = lineage._runs(sizes, processes)
    assert len(runs) == processes
    assert [s for s, _ in runs] == [0, *(e for _, e in runs[:-1])] and runs[-1][1] == len(sizes)
    assert all(e > s for s, e in runs)
    pair = [lineage.COMPARE_WEIGHT * (a + b) for a, b in zip(sizes, sizes[1:])]
    share = (sum(sizes) + sum(pair)) / processes
    for start, end in runs[1:]:  # a worker's run: one edition more (or less) would be further from its share
        cost = sum(sizes[start:end]) + sum(pair[start:end - 1])
        if start > runs.index((start, end)):  # room for one more
            assert cost + (sizes[start - 1] + pair[start - 1]) / 2 > share
        if end - start > 1:
            assert cost - (sizes[start] + pair[start]) / 2 <= share


def test_the_first_unusable_file_in_order_is_the_error_whichever_run_it_is_in(tmp_path) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 100)
    good = sorted(SEEDS.glob("*.zh.txt"))
    for bad in range(6):  # in the first run (this process's) and in the worker's
        paths: list[object] = [*good, *good]
        paths[bad] = tmp_path / "missing.txt"
        paths.insert(min(bad + 2, 6), binary)
        for jobs in (1, 2, 3):
            with pytest.raises(DocdiffError) as caught:
                load_history(paths, keep_order=True, jobs=jobs)  # type: ignore[arg-type]
            assert caught.value.path == str(tmp_path / "missing.txt")


def test_what_a_dead_worker_did_not_send_is_parsed_and_compared_here(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    paths = [*sorted(SEEDS.glob("*.zh.txt"))] * 2
    serial = load_history(paths, keep_order=True, jobs=1)
    real_load = lineage._load
    count = [0]

    def dies_after_one(path, **options):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            count[0] += 1
            if count[0] > 1:  # it has sent its first edition: the rest is lost
                os._exit(1)
        return real_load(path, **options)

    monkeypatch.setattr(lineage, "_load", dies_after_one)
    assert _json(load_history(paths, keep_order=True, jobs=2)) == _json(serial)
