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

import functools
import gc
import io
import os
import pickle
import signal
import struct
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from ._gc import collector_paused

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

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
    from concurrent.futures import ProcessPoolExecutor  # (multiprocessing: history's workers do without it)

    return ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupt)


# ----------------------------------------------------------------------------- forked workers


class _Shared:
    """Objects this process and its forked workers both hold, at the same
    addresses: in a result they travel as a reference of a few bytes and arrive
    as this process's own object, as in the serial run, whatever their type (the
    editions' paragraph texts as well as their sections).  The pickler's memo is
    primed with them, and the unpickler's with the same numbers: pickle looks an
    object up in its memo before it looks at its type, so nothing of the shared
    objects is copied and no Python code runs per object.

    Protocol 3, whose pickles number their memo entries (BINPUT): protocol 4
    numbers them by count (MEMOIZE), and an unpickler given a copied memo
    starts that count at 0 (CPython 3.10-3.13), so the first object of the result
    would replace shared object 0.  An unpickler's memo is taken from a
    template whose memo a short pickle of persistent ids has filled (setting a
    dict as the memo does nothing on those versions)."""

    def __init__(self, objects: Sequence[object]) -> None:
        self.objects = list({id(o): o for o in objects}.values())  # each once: the numbers run 0, 1, 2, …
        self.memo = {id(o): (k, o) for k, o in enumerate(self.objects)}
        self._template: pickle.Unpickler | None = None

    def dumps(self, value: object) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=3)
        pickler.memo = self.memo
        pickler.dump(value)
        return buffer.getvalue()

    def loads(self, data: bytes) -> Any:
        unpickler = pickle.Unpickler(io.BufferedReader(io.BytesIO(data)))  # (peek: read by the frame, not the opcode)
        unpickler.memo = self._primed().memo
        return unpickler.load()

    def _primed(self) -> pickle.Unpickler:
        if self._template is None:
            # for each k: the persistent id k (the k-th object), put in the memo as k, popped
            puts = b"".join(b"J" + k.to_bytes(4, "little") + b"Qr" + k.to_bytes(4, "little") + b"0"
                            for k in range(len(self.objects)))
            template = pickle.Unpickler(io.BytesIO(b"\x80\x03" + puts + b"N."))
            template.persistent_load = self.objects.__getitem__  # type: ignore[method-assign]
            template.load()
            self._template = template
        return self._template


class _Counter:
    """The number of the next task to claim, shared by this process and its
    forked workers: a number in a page of shared memory, and a pipe that holds
    one byte, the token of whoever may take the number and increment it."""

    def __init__(self) -> None:
        import mmap

        self._value = mmap.mmap(-1, 8)  # anonymous and shared: forked workers see this page
        self._token, self._release = os.pipe()
        os.write(self._release, b".")

    def claim(self) -> int:
        os.read(self._token, 1)
        try:
            k = int.from_bytes(self._value[:8], "little")
            self._value[:8] = (k + 1).to_bytes(8, "little")
        finally:
            os.write(self._release, b".")
        return k

    def close(self) -> None:
        os.close(self._token)
        os.close(self._release)
        self._value.close()


#: What a worker says of a task: its index, how it went, and where its pickle
#: lies in the worker's results file (offset, length).
_NOTE = struct.Struct("<qqqq")
_DONE, _FAILED, _NOT_SENT = 0, 1, 2  # a result; an exception; a result that does not pickle (done here again)


def _pickled_error(error: Exception) -> bytes:
    try:
        return pickle.dumps(error)
    except Exception:  # noqa: BLE001 - an exception that does not pickle
        return pickle.dumps(RuntimeError(f"{type(error).__name__}: {error}"))


def _work(function: Callable[[int], object], order: Sequence[int], claims: _Counter, shared: _Shared,
          results: int, notes: int) -> None:
    """A forked worker: claim the next task of ``order`` and do it, until none is
    left.  Each result goes pickled to the file ``results`` (its own), and a
    note of it (``_NOTE``) to the pipe ``notes``: a note is 32 bytes and the
    pipe holds thousands, so the worker never waits for the parent to read (a
    pickled comparison is 60–100 KB, a pipe 64 KB)."""
    _worker_started()
    offset = 0
    while (k := claims.claim()) < len(order):
        index = order[k]
        try:
            value = function(index)
        except Exception as error:  # noqa: BLE001 - the parent raises it, as the serial run would
            status, data = _FAILED, _pickled_error(error)
        else:
            try:
                status, data = _DONE, shared.dumps(value)
            except Exception:  # noqa: BLE001 - the parent does this task again
                status, data = _NOT_SENT, b""
        offset = _send(data, index, status, results, notes, offset)


def _fork(run: Callable[[], object]) -> int:
    """A worker process that runs ``run`` and exits (``os._exit``: nothing of
    this process's own exit, its buffers or its handlers, runs twice)."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            run()
            code = 0
        finally:
            os._exit(code)
    return pid


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


def _results_file(stack: ExitStack) -> int:
    """A file for a worker's results, in memory where the system has it."""
    if hasattr(os, "memfd_create"):
        fd = os.memfd_create("docdiff-results")
        stack.callback(os.close, fd)
        return fd
    import tempfile

    return stack.enter_context(tempfile.TemporaryFile()).fileno()


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
    import selectors

    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if (jobs == 1 or count < 2 or not hasattr(os, "fork")
            or (costs is not None and sum(costs) < minimum_cost)):
        return [function(i) for i in range(count)]
    order = list(range(count)) if costs is None else sorted(range(count), key=lambda i: -costs[i])
    table = _Shared(shared)
    done: dict[int, tuple[bool, Any]] = {}
    with ExitStack() as stack:
        claims = _Counter()
        stack.callback(claims.close)
        selector = stack.enter_context(selectors.DefaultSelector())
        workers: list[int] = []
        stack.enter_context(_reaped(workers))
        _fork_workers(stack, selector, workers,
                      [lambda results, notes: _work(function, order, claims, table, results, notes)]
                      * (min(jobs, count) - 1), lambda results: (results, bytearray()))

        def read(timeout: float | None) -> None:
            """Read back what the workers have sent (waiting up to ``timeout``)."""
            for _, index, status, data in _received(selector, timeout):
                if status == _NOT_SENT:
                    continue
                try:
                    done[index] = (True, table.loads(data)) if status == _DONE else (False, pickle.loads(data))
                except Exception:  # noqa: BLE001 - a result that does not read back is done again below
                    continue

        while (k := claims.claim()) < count:
            try:
                done[order[k]] = (True, function(order[k]))
            except Exception as error:  # noqa: BLE001 - raised below, in the serial run's order
                done[order[k]] = (False, error)
            read(0)
        while selector.get_map():
            read(None)
    out: list[R] = []
    for i in range(count):
        if i not in done:  # its worker died before sending it (killed, out of memory): do it here
            try:
                done[i] = (True, function(i))
            except Exception as error:  # noqa: BLE001
                done[i] = (False, error)
        ok, value = done[i]
        if not ok:
            raise value
        out.append(value)
    return out


# ----------------------------------------------------------------------------- forked streams


#: A stream of work: given ``wait`` (in this process: the value another stream
#: yielded under a key, waited for; ``LookupError`` if it will never come), the
#: (key, value) items it makes, in the order it makes them.
Stream = Callable[[Callable[[int], Any]], Iterable[tuple[int, object]]]


class _Feed:
    """The bytes of one pickle after another, read by one ``Unpickler`` whose
    memo is kept from one to the next (``feed`` gives it the next)."""

    def __init__(self) -> None:
        self._data, self._at = b"", 0

    def feed(self, data: bytes) -> None:
        self._data, self._at = data, 0

    def read(self, n: int = -1) -> bytes:
        end = len(self._data) if n < 0 else self._at + n
        out = self._data[self._at:end]
        self._at += len(out)
        return out

    def readinto(self, buffer: bytearray | memoryview) -> int:
        out = self.read(len(buffer))
        buffer[:len(out)] = out
        return len(out)

    def readline(self) -> bytes:
        end = self._data.find(b"\n", self._at)
        return self.read(-1 if end < 0 else end + 1 - self._at)

    def peek(self, n: int = 0) -> bytes:
        return self._data[self._at:]


def _stream_work(stream: Stream, results: int, notes: int) -> None:
    """A forked worker: the items of ``stream``, each pickled by one ``Pickler``
    (its memo kept, so an object sent once travels as a reference ever after and
    arrives as the object the parent already read) to the file ``results``, and a
    note of it to the pipe ``notes``.  An item that does not pickle ends the stream
    (the pickler's memo may hold what it did not write)."""
    _worker_started()

    def wait(key: int) -> Any:
        raise LookupError(key)  # (a worker's stream needs only what it makes)

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    offset = 0
    for key, value in stream(wait):
        if isinstance(value, BaseException) or (isinstance(value, tuple) and value
                                                and isinstance(value[-1], BaseException)):
            try:
                pickle.dumps(value)
            except Exception:  # noqa: BLE001 - an exception that does not pickle
                os.write(notes, _NOTE.pack(key, _NOT_SENT, offset, 0))
                return
        buffer.seek(0)
        buffer.truncate()
        try:
            pickler.dump(value)
        except Exception:  # noqa: BLE001 - the parent does without it
            os.write(notes, _NOTE.pack(key, _NOT_SENT, offset, 0))
            return
        offset = _send(buffer.getvalue(), key, _DONE, results, notes, offset)


def _worker_started() -> None:
    """In a forked worker, first: Ctrl-C ignored (it was blocked across the fork,
    see ``_interrupts_held``), and the collector off (a short life: a collection
    would only touch, and copy, the parent's pages)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    gc.disable()


def _send(data: bytes, key: int, status: int, results: int, notes: int, offset: int) -> int:
    """``data`` written to ``results`` at ``offset`` and its note to ``notes``: the next offset."""
    view = memoryview(data)
    while view:
        view = view[os.write(results, view):]
    os.write(notes, _NOTE.pack(key, status, offset, len(data)))
    return offset + len(data)


@collector_paused  # reading results back makes many objects and no cycles (see _gc)
def forked_streams(streams: Sequence[Stream]) -> dict[int, Any]:
    """Every item of every stream, by key: ``streams[0]`` runs in this process,
    each other one in a worker forked from it before any of them starts.

    For work whose pieces a process makes and uses itself: what a worker makes
    (an edition it parses, say) lives in its own memory, and what it makes from it
    (the comparison of two editions it parsed) is made without touching a page
    it shares with this process.  A worker's items are sent back as it makes them,
    each object once (a later item that holds it sends a reference), and read
    here between this process's own items; ``wait(key)``, in this process's
    stream, returns an item of another stream (read as it comes).  Where the
    system cannot fork, the streams run one after another here.  An item that
    a worker could not send (it did not pickle, or the worker died) is missing
    from the result, as are the items its stream would have made after it: the
    caller makes them itself.  An exception in this process's stream is raised
    here; the workers are then stopped.
    """
    import selectors

    done: dict[int, Any] = {}

    def wait_here(key: int) -> Any:
        try:
            return done[key]
        except KeyError:
            raise LookupError(key) from None

    if len(streams) < 2 or not hasattr(os, "fork"):
        for stream in streams:
            done.update(stream(wait_here))
        return done
    with ExitStack() as stack:
        selector = stack.enter_context(selectors.DefaultSelector())
        workers: list[int] = []

        def read(timeout: float | None) -> None:
            for key, item, status, data in _received(selector, timeout):
                _, _, feed, unpickler = key.data
                if status == _DONE:
                    feed.feed(data)
                    try:
                        done[item] = unpickler.load()
                        continue
                    except Exception:  # noqa: BLE001 - its memo is no longer the worker's: read no more of it
                        pass
                selector.unregister(key.fd)  # (a note not _DONE is the last it sends)

        def wait(key: int) -> Any:
            while key not in done and selector.get_map():
                read(None)
            return wait_here(key)

        stack.enter_context(_reaped(workers))
        _fork_workers(stack, selector, workers,
                      [functools.partial(_stream_work, stream) for stream in streams[1:]], _unpickler)
        for key, value in streams[0](wait):
            done[key] = value
            read(0)
        while selector.get_map():
            read(None)
    return done


@contextmanager
def _reaped(workers: list[int]) -> Iterator[None]:
    """The ``workers`` joined on leaving; stopped first when leaving by an
    exception (Ctrl-C, which they ignore, or an error of this process's)."""
    try:
        yield
    except BaseException:
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        raise
    finally:
        for pid in workers:
            os.waitpid(pid, 0)


def _received(selector: Any, timeout: float | None) -> Iterator[tuple[Any, int, int, bytes]]:
    """The notes the workers have sent (waiting up to ``timeout`` for them), each
    as the key its pipe is registered with, the task, its status and the pickle
    it points at in the worker's results file (the first of the key's data); a
    pipe its worker has closed (done, or dead) is unregistered, and so is one
    the caller unregisters meanwhile."""
    for key, _ in selector.select(timeout):
        results, pending = key.data[:2]
        received = os.read(key.fd, 1 << 16)
        if not received:
            selector.unregister(key.fd)
            continue
        pending += received
        while len(pending) >= _NOTE.size and key.fd in selector.get_map():
            index, status, offset, length = _NOTE.unpack_from(pending)
            del pending[:_NOTE.size]
            yield key, index, status, os.pread(results, length, offset) if length else b""


def _fork_workers(stack: ExitStack, selector: Any, workers: list[int],
                  runs: Sequence[Callable[[int, int], object]], data: Callable[[int], object]) -> None:
    """A worker forked for each of ``runs`` (its pid put in ``workers``), run with
    a results file of its own and the writing end of its notes pipe (closed here
    once it is forked); the reading end registered with ``selector``, with
    ``data(results)``.  The collector's objects are frozen across the forks (kept
    out of its walks: not copied into the workers), and Ctrl-C is held back."""
    import selectors

    gc.freeze()
    try:
        with _interrupts_held():
            for run in runs:
                results = _results_file(stack)
                receive, send = os.pipe()
                stack.callback(os.close, receive)
                try:
                    workers.append(_fork(lambda run=run, results=results, send=send:  # type: ignore[misc]
                                         run(results, send)))
                finally:
                    os.close(send)  # the worker holds its end: the pipe ends when the worker does
                selector.register(receive, selectors.EVENT_READ, data(results))
    finally:
        gc.unfreeze()


def _unpickler(results: int) -> tuple[int, bytearray, _Feed, pickle.Unpickler]:
    """What ``forked_streams`` reads a worker's results with: the file, the notes
    not yet read, and one unpickler (its memo the worker's pickler's) and its feed."""
    feed = _Feed()
    return results, bytearray(), feed, pickle.Unpickler(feed)
