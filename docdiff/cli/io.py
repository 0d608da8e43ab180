"""What every command shares: the exit codes, the one-line failure, reading the
editions (with progress on a terminal) and writing a report to stdout or a file.

A report file is written whole or not at all: into a temporary file in the
target's folder, renamed over the target at the end (an interrupted or failed
run, or a second run writing the same file at the same time, never leaves half
a report), and never over a file the command reads (also not through a
symbolic or hard link).  Standard output carries every character: what its
encoding cannot encode is escaped (losslessly in JSON and HTML).

Nothing here imports typer, click or rich (rich only once a terminal asks for
a spinner), so the entry point's fast path can use all of it.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, Literal

from ..errors import DocdiffError

if TYPE_CHECKING:
    from ..model import Comparison, Document

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2
#: As a shell reports a program ended by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130

Path = str | os.PathLike[str]
#: How text that standard output cannot encode is escaped: ``json`` as \\u
#: escapes, ``html`` as character references (both lossless), ``text`` as
#: Python's backslash escapes (with a warning).
Escape = Literal["json", "html", "text"]


def run_steps(old: Path, new: Path, reading: dict[str, Any] | None = None) -> tuple[Document, Document, Comparison]:
    """Read both editions (``reading``: ``load``'s ``strict`` and ``max_size``)
    and compare them: ``(old, new, comparison)``.  On a terminal, stderr shows
    the progress; a script's run (stderr not a terminal) imports no renderer."""
    from .. import compare, load

    reading = reading or {}
    done: list[Any] = []
    steps: list[tuple[str, Callable[[], None]]] = [
        (f"reading {printable(old)}", lambda: done.append(load(old, **reading))),
        (f"reading {printable(new)}", lambda: done.append(load(new, **reading))),
        ("comparing", lambda: done.append(compare(done[0], done[1]))),
    ]
    if is_terminal(sys.stderr):
        from ..render.output import with_progress

        with_progress(steps, enabled=True)
    else:
        for _, step in steps:
            step()
    return tuple(done)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # as a surrogate pair, as json.dumps(ensure_ascii=True) writes it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_text(data: object) -> str:
    """``data`` as docdiff's JSON: readable UTF-8, except that a lone surrogate
    (a file name that is not valid UTF-8, text that carried one) is written as a
    \\u escape, so the JSON is always valid UTF-8."""
    import json

    return _LONE_SURROGATE.sub(_json_escape, json.dumps(data, ensure_ascii=False, indent=1)) + "\n"


def indented_json(value: object, newline: str = "\n") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)``, its lines after the
    first starting ``newline`` (a line break and the spaces of the depth it
    stands at).  The json module writes indented JSON with its pure-Python
    encoder, about 3.5 ms of the seeds' report; this writes the same text in
    less (#14.1), strings by the json module's own C escaping."""
    from json.encoder import encode_basestring as string

    infinity = float("inf")

    def encoded(value: object, newline: str) -> str:
        if value.__class__ is str:
            return string(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            if value != value:
                return "NaN"
            return "Infinity" if value == infinity else "-Infinity" if value == -infinity else float.__repr__(value)
        if isinstance(value, str):
            return string(value)
        inner = newline + " "
        if isinstance(value, (list, tuple)):
            if not value:
                return "[]"
            return "[" + inner + ("," + inner).join([encoded(item, inner) for item in value]) + newline + "]"
        if isinstance(value, dict):
            if not value:
                return "{}"
            if not all(isinstance(key, str) for key in value):  # keys the json module converts: it writes these
                import json

                return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", newline)
            return ("{" + inner + ("," + inner).join([string(key) + ": " + encoded(item, inner)
                                                       for key, item in value.items()]) + newline + "}")
        raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")

    return encoded(value, newline)


def comparison_json(comparison: Comparison) -> Iterator[str]:
    """``json_text(comparison.to_dict())`` in pieces, one paragraph's entry at a
    time, so that the report is never held whole, as text or as a tree of
    dictionaries (a 20 MB edition's report: about as many MB again as text, and
    twice that as dictionaries).  Each piece is ``json_text``'s own output for
    its part, indented to its depth: JSON strings hold no line breaks, so every
    line break of a piece is one of the layout's."""
    def piece(data: object, depth: int) -> str:
        return _LONE_SURROGATE.sub(_json_escape, indented_json(data, "\n" + " " * depth))

    head, after_sections = _open_list(piece(comparison.to_dict(sections=False), 0), "sections", 0)
    yield head
    for k, section in enumerate(comparison.sections):
        start, after_paragraphs = _open_list(piece(section.to_dict(paragraphs=False), 2), "paragraphs", 2)
        yield ("\n  " if k == 0 else ",\n  ") + start
        for m, paragraph in enumerate(section.paragraphs):
            yield ("\n    " if m == 0 else ",\n    ") + piece(paragraph.to_dict(), 4)
        yield ("\n   ]" if section.paragraphs else "]") + after_paragraphs
    yield ("\n ]" if comparison.sections else "]") + after_sections + "\n"


def _open_list(text: str, key: str, depth: int) -> tuple[str, str]:
    """``text`` (a dictionary's JSON at ``depth``, its list ``key`` empty) cut
    where the list's items go: ``(…"key": [, what follows its ]…)``."""
    marker = f'\n{" " * (depth + 1)}"{key}": ['
    before, _, after = text.partition(marker + "]")
    return before + marker, after


def write_comparison_json(comparison: Comparison, output: Path | None, inputs: Sequence[Path] = ()) -> None:
    """The ``docdiff/2`` JSON report to ``output`` (None: standard output),
    written as it is made (``comparison_json``); to a standard output whose
    encoding lacks characters, escaped whole as ``write`` escapes it."""
    if output is None and not carries_everything(stdout()):
        write("".join(comparison_json(comparison)), output, inputs, escape="json")
        return
    with report_stream(output, inputs) as stream:
        for text in comparison_json(comparison):
            stream.write(text)


def printable(path: Path) -> str:
    """A file name fit to print: bytes that are not valid UTF-8 (which Python
    keeps as lone surrogates) shown as \\xff escapes."""
    name = os.fspath(path)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def refuse_inputs(output: Path | None, inputs: Sequence[Path]) -> None:
    """A ``DocdiffError`` when ``output`` is one of ``inputs`` (by name, or the
    same file through a symbolic or hard link), or when standard input (``-``)
    is named twice: it can be read once."""
    if sum(os.fspath(source) == "-" for source in inputs) > 1:
        raise DocdiffError("standard input is named twice: it can be read only once; give one of the editions as a file",
                           "-")
    if output is None:
        return
    for source in inputs:
        if os.fspath(source) == "-":
            continue
        try:
            same = os.path.samefile(output, source)
        except OSError:  # either does not exist (yet): not the same file
            same = False
        if same or os.path.abspath(output) == os.path.abspath(source):
            which = "an input" if os.fspath(output) == os.fspath(source) else f"the input {printable(source)}"
            raise DocdiffError(f"is {which}: docdiff never writes over a file it reads; choose another output file",
                               printable(output))


def _new_file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def _atomic_file(output: Path, binary: bool = False) -> Iterator[IO]:  # type: ignore[type-arg]
    """A stream whose text replaces ``output`` when the block ends without error
    (a symbolic link is followed: the file it points to is replaced).  Devices
    and pipes (/dev/null, /dev/stdout) are written directly."""
    name = printable(output)
    target = os.path.realpath(output)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise DocdiffError(f"cannot write the report: {reason(exc)}", name) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise DocdiffError("is a directory: cannot write the report there", name)
    if mode is not None and not stat.S_ISREG(mode):
        with _writing(name, "the report"), (open(target, "wb") if binary else
                                            open(target, "w", encoding="utf-8", errors="backslashreplace",
                                                 newline="\n")) as stream:
            yield stream
        return
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise DocdiffError(f"cannot write the report: there is no folder {printable(folder)}", name)
    import tempfile  # here, for a file: 3 ms of every start

    with _writing(name, f"the report (no file can be made in {printable(folder)})"):
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        with _writing(name, "the report"):
            with (os.fdopen(handle, "wb") if binary else
                  os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="\n")) as stream:
                yield stream
            os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else _new_file_mode())
            os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


@contextmanager
def _writing(name: str | None, what: str) -> Iterator[None]:
    """An ``OSError`` (disk full, no permission, an I/O error) as one line."""
    try:
        yield
    except BrokenPipeError:
        raise
    except IsADirectoryError:
        raise DocdiffError(f"is a directory: cannot write {what} there", name) from None
    except OSError as exc:
        raise DocdiffError(f"cannot write {what}: {reason(exc)}", name) from None


def reason(exc: OSError) -> str:
    """The system's reason, worded as the readers word theirs ("permission denied")."""
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def stdout() -> IO[str]:
    """Standard output, or a ``DocdiffError`` when it is closed (``>&-``)."""
    if sys.stdout is None:
        raise DocdiffError("standard output is closed: give -o FILE to write the report to a file")
    return sys.stdout


@contextmanager
def report_stream(output: Path | None, inputs: Sequence[Path] = ()) -> Iterator[IO[str]]:
    """Where a report is written: standard output, or ``output`` replaced
    whole (never one of ``inputs``)."""
    if output is None:
        stream = stdout()
        with _writing(None, "to standard output"):
            yield stream
            stream.flush()
        return
    refuse_inputs(output, inputs)
    with _atomic_file(output) as stream:
        yield stream


def write(text: str, output: Path | None, inputs: Sequence[Path] = (), escape: Escape = "text") -> None:
    """Write the report ``text`` to ``output`` (None: standard output)."""
    if output is None:
        text = carried(text, stdout(), escape)
    with report_stream(output, inputs) as stream:
        stream.write(text)


def write_report(report: str | bytes, output: Path | None, inputs: Sequence[Path] = (),
                 escape: Escape = "text") -> None:
    """A rendered report, text or bytes (``docx``, ``xlsx``), to ``output`` or standard output."""
    if isinstance(report, str):
        write(report, output, inputs, escape)
        return
    if output is None:
        target = stdout()
        if is_terminal(target):
            raise DocdiffError("this format is a binary file: give -o FILE (or redirect standard output)")
        binary = getattr(target, "buffer", None)
        if binary is None:
            raise DocdiffError("standard output takes no bytes here: give -o FILE")
        with _writing(None, "to standard output"):
            target.flush()
            binary.write(report)
            binary.flush()
        return
    refuse_inputs(output, inputs)
    with _atomic_file(output, binary=True) as stream:
        stream.write(report)


def carries_everything(stream: IO[str]) -> bool:
    """Whether ``stream``'s encoding can encode every character (UTF-8, UTF-16,
    GB18030, …), so that nothing written to it needs escaping."""
    try:
        "\U0010fffd\u4e00\u0600\xe9".encode(getattr(stream, "encoding", None) or "utf-8")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def carried(text: str, stream: IO[str], escape: Escape) -> str:
    """``text`` as ``stream``'s encoding can carry it (see ``Escape``)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    except LookupError:
        return text
    if escape == "json":
        return _NOT_ASCII.sub(_json_escape, text)
    if escape == "html":
        return text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    warn_unencodable(encoding)
    return text.encode(encoding, "backslashreplace").decode(encoding)


_warned: set[str] = set()


def warn_unencodable(encoding: str) -> None:
    if encoding not in _warned:
        _warned.add(encoding)
        warn(f"standard output is {encoding}: characters it cannot carry are written as backslash escapes"
             " (set PYTHONIOENCODING=utf-8, or write with -o FILE)")


def prepare_streams() -> None:
    """Standard output and error never fail on a character their encoding
    lacks (a name that is not valid UTF-8, ``PYTHONIOENCODING=ascii``): it is
    escaped instead (text written by ``write`` is escaped first, with a warning)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def finish_stdout() -> None:
    """Flush standard output, so that a failed write (a full disk) is one line
    and exit status 2 rather than Python's message at exit."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as exc:
        _silence_stdout()
        if isinstance(exc, BrokenPipeError):
            raise
        raise DocdiffError(f"cannot write to standard output: {reason(exc)}") from None


def _silence_stdout() -> None:
    """Point standard output at /dev/null: what is still buffered for a
    stream that failed is dropped instead of failing again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def sane_width(width: int | None, stream: object, environ: dict[str, str] | None = None) -> int | None:
    """The report's width: ``width`` if given; else None (the terminal's width,
    or COLUMNS) when COLUMNS is unset or a usable number; else (COLUMNS=0, an
    empty or odd value) the terminal's own width, or 80 off a terminal."""
    if width is not None:
        return width
    columns = (os.environ if environ is None else environ).get("COLUMNS")
    if columns is None or (columns.strip().isdigit() and int(columns) >= 20):
        return None
    if is_terminal(stream):
        try:
            return max(20, os.get_terminal_size(stream.fileno()).columns)  # type: ignore[attr-defined]
        except (OSError, ValueError, AttributeError):
            pass
    return 80


def warn(message: str) -> None:
    """One line on stderr."""
    _say(f"warning: {message}")


def fail(message: str, code: int = EXIT_TROUBLE) -> None:
    """One line on stderr and exit status ``code``."""
    _say(message)
    sys.exit(code)


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _say(message: str) -> None:
    """``docdiff: message`` on stderr, as one line (nothing when stderr is closed):
    a control character (a file name with a newline in it) is shown as an escape."""
    if sys.stderr is not None:
        message = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", message)
        try:
            sys.stderr.write(f"docdiff: {message}\n")
            sys.stderr.flush()
        except OSError:
            pass
