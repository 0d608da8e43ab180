"""Work on all cores: a process pool whose workers leave Ctrl-C to the parent.

``history`` and ``batch`` hand their comparisons to ``ordered_map``, which
keeps the order of its inputs, so a parallel run gives exactly the serial run's
results.  Processes rather than threads: comparing is pure Python and holds the
GIL throughout.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _ignore_interrupt() -> None:
    """In a worker: Ctrl-C reaches the whole process group, and the parent alone
    decides what to do with it (cancel what is queued, keep what is done)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupt)


def ordered_map(function: Callable[..., R], argument_tuples: Iterable[tuple[object, ...]], jobs: int | None = None) -> list[R]:
    """``[function(*args) for args in argument_tuples]``, on ``jobs`` processes
    (default: every core); in this process when there is one job or one task.
    An exception in a task is raised here, as in the serial run."""
    tasks = list(argument_tuples)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if jobs == 1 or len(tasks) < 2:
        return [function(*args) for args in tasks]
    pool = process_pool(min(jobs, len(tasks)))
    try:
        futures: list[Future[R]] = [pool.submit(function, *args) for args in tasks]
        return [f.result() for f in futures]
    finally:
        # On Ctrl-C or a failure: drop what has not started, do not wait for it.
        pool.shutdown(wait=True, cancel_futures=True)
