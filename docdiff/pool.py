"""Work on all cores: processes whose workers leave Ctrl-C to the parent.

``batch`` hands its pairs to ``process_pool`` (a ``ProcessPoolExecutor``: its
tasks carry their editions, parsed or not).  ``history`` compares the pairs of
editions it holds with ``forked_map``: workers forked from this process, which
get the editions by copy-on-write and send back only the results.  Both keep the
order of their inputs, so a parallel run gives exactly the serial run's
results.  Processes rather than threads: comparing is pure Python and holds the
GIL throughout.
"""

from __future__ import annotations

import gc
import io
import os
import pickle
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ._gc import collector_paused

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkContext

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


# ----------------------------------------------------------------------------- forked workers


def _fork_context() -> ForkContext | None:
    """The ``fork`` start method where the system has it (Linux, the BSDs), else None."""
    import multiprocessing

    try:
        return multiprocessing.get_context("fork")
    except ValueError:  # Windows
        return None


def _shared_object(number: int) -> object:
    """Stands, in a pickle, for the ``number``-th shared object (``_Shared``)."""
    raise RuntimeError("a shared object is read back by _Shared.loads")


class _Shared:
    """Objects parent and workers both hold (forked, at the same addresses): in a
    result they travel as their number, and come back as the parent's own
    object, not a copy.  Objects of the types pickle handles itself (str, tuple,
    int…) are copied whatever they are: the pickler asks about the others only
    (``reducer_override``), which keeps it at C speed."""

    def __init__(self, objects: Sequence[object]) -> None:
        self.objects = list(objects)
        self.numbers = {id(o): k for k, o in enumerate(self.objects)}

    def dumps(self, value: object) -> bytes:
        buffer = io.BytesIO()
        numbers = self.numbers

        class Pickler(pickle.Pickler):
            def reducer_override(self, obj: Any) -> Any:
                number = numbers.get(id(obj))
                return NotImplemented if number is None else (_shared_object, (number,))

        Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        return buffer.getvalue()

    def loads(self, data: bytes) -> Any:
        objects = self.objects

        class Unpickler(pickle.Unpickler):
            def find_class(self, module: str, name: str) -> Any:
                if module == __name__ and name == _shared_object.__name__:
                    return objects.__getitem__
                return super().find_class(module, name)

        return Unpickler(io.BytesIO(data)).load()


def _claim(claimed: Any) -> int:
    with claimed.get_lock():
        k: int = claimed.value
        claimed.value = k + 1
    return k


def _work(function: Callable[[int], object], order: Sequence[int], claimed: Any, shared: _Shared,
          results: int, out: Connection) -> None:
    """A forked worker: claim the next task of ``order`` and do it, until none is
    left.  Each result goes pickled to the file ``results`` (its own), and a
    short note of it (index, ok, offset, length) to the pipe ``out``: a note
    is a few bytes and the pipe holds thousands, so the worker never waits for
    the parent to read (a pickled comparison is 100–200 KB, a pipe 64 KB)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (it was blocked across the fork: see _interrupts_held)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    gc.disable()  # a short life: a collection would only touch (and copy) the parent's pages
    offset = 0
    try:
        while (k := _claim(claimed)) < len(order):
            index = order[k]
            try:
                ok, data = True, shared.dumps(function(index))
            except Exception as error:  # noqa: BLE001 - the parent raises it, as the serial run would
                try:
                    ok, data = False, pickle.dumps(error)
                except Exception:  # noqa: BLE001 - an exception that does not pickle
                    ok, data = False, pickle.dumps(RuntimeError(f"{type(error).__name__}: {error}"))
            written = 0
            while written < len(data):
                written += os.write(results, memoryview(data)[written:])
            out.send((index, ok, offset, len(data)))
            offset += len(data)
    finally:
        out.close()


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C held back while workers are forked: a child interrupted before it
    ignores SIGINT would print a traceback from the fork's own hooks (threading,
    logging).  The child is born with SIGINT blocked and unblocks it once it
    ignores it; here, a Ctrl-C that came meanwhile is delivered on leaving."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@collector_paused  # reading results back makes many objects and no cycles (see _gc)
def forked_map(function: Callable[[int], R], count: int, jobs: int | None = None,
               costs: Sequence[float] | None = None, shared: Sequence[object] = (),
               minimum_cost: float = 0.0) -> list[R]:
    """``[function(i) for i in range(count)]`` on ``jobs`` processes (default: every core).

    For work on data this process holds: the workers are forked from it, so
    ``function`` (any callable, a closure too) and its data reach them by
    copy-on-write, nothing pickled.  This process works too, beside ``jobs − 1``
    workers; tasks are claimed one at a time, the costliest first (``costs``,
    an estimate per task), so the processes finish together.  A worker sends back
    its results pickled, where any of the ``shared`` objects travel as a
    reference and arrive as this process's own object; they are read between
    this process's own tasks.  In this process when there is one job or task,
    when the ``costs`` add up to less than ``minimum_cost`` (a fork costs more
    than such work), or where the system cannot fork.  The results are those of
    the serial run, in order; an exception in a task is raised here, the first
    task's in order (all tasks are run).
    """
    import tempfile
    from multiprocessing.connection import wait

    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    context = _fork_context()
    if (jobs == 1 or count < 2 or context is None
            or (costs is not None and sum(costs) < minimum_cost)):
        return [function(i) for i in range(count)]
    order = list(range(count)) if costs is None else sorted(range(count), key=lambda i: -costs[i])
    table = _Shared(shared)
    claimed = context.Value("q", 0)
    done: dict[int, tuple[bool, Any]] = {}
    with ExitStack() as stack:
        files = [stack.enter_context(tempfile.TemporaryFile()) for _ in range(min(jobs, count) - 1)]
        pipes = [context.Pipe(duplex=False) for _ in files]
        workers = [context.Process(target=_work, args=(function, order, claimed, table, file.fileno(), send),
                                   daemon=True) for file, (_, send) in zip(files, pipes)]
        gc.freeze()  # what exists now stays out of the collector's walks: not copied into the workers
        try:
            with _interrupts_held():
                for worker in workers:
                    worker.start()
        finally:
            gc.unfreeze()
        notes: dict[Connection, int] = {}
        for (receive, send), file in zip(pipes, files):
            send.close()  # the worker holds its end: the pipe ends when the worker does
            notes[receive] = file.fileno()

        def read(timeout: float | None) -> None:
            """Read back what the workers have sent (waiting up to ``timeout``)."""
            for ready in wait(list(notes), timeout):
                receive = cast("Connection", ready)
                try:
                    index, ok, offset, length = receive.recv()
                except (EOFError, OSError):  # the worker is done (or died: what it did not send is done below)
                    del notes[receive]
                    continue
                data = os.pread(notes[receive], length, offset)
                try:
                    done[index] = (True, table.loads(data)) if ok else (False, pickle.loads(data))
                except Exception:  # noqa: BLE001 - a result that does not read back is done again below
                    continue

        try:
            while (k := _claim(claimed)) < count:
                try:
                    done[order[k]] = (True, function(order[k]))
                except Exception as error:  # noqa: BLE001 - raised below, in the serial run's order
                    done[order[k]] = (False, error)
                read(0)
            while notes:
                read(None)
            for worker in workers:
                worker.join()
        except BaseException:  # Ctrl-C: the workers ignore it, stop them
            for worker in workers:
                worker.terminate()
            raise
    results: list[R] = []
    for i in range(count):
        if i not in done:  # its worker died before sending it (killed, out of memory): do it here
            try:
                done[i] = (True, function(i))
            except Exception as error:  # noqa: BLE001
                done[i] = (False, error)
        ok, value = done[i]
        if not ok:
            raise value
        results.append(value)
    return results
