"""What every command shares: the exit codes, the one-line failure, reading the
editions (with progress on a terminal) and writing a report to stdout or a file.

Nothing here imports typer, click or rich (rich only once a terminal asks for
a spinner), so the entry point's fast path can use all of it.
"""

from __future__ import annotations

import os
import sys

from ..reader import DocdiffError

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


def run_steps(old: str | os.PathLike[str], new: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    """Read both editions and compare them: ``(old, new, comparison)``.  On a
    terminal, stderr shows the progress; a script's run (stderr not a terminal)
    imports no renderer."""
    from .. import compare, load

    done: list = []  # type: ignore[type-arg]
    steps = [
        (f"reading {old}", lambda: done.append(load(old))),
        (f"reading {new}", lambda: done.append(load(new))),
        ("comparing", lambda: done.append(compare(done[0], done[1]))),
    ]
    if is_terminal(sys.stderr):
        from ..render.output import with_progress

        with_progress(steps, enabled=True)
    else:
        for _, step in steps:
            step()
    return tuple(done)


def json_text(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def open_output(path: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except IsADirectoryError:
        raise DocdiffError("is a directory: cannot write the report there", path) from None
    except OSError as exc:
        raise DocdiffError(f"cannot write the report: {exc.strerror or exc}", path) from None


def write(text: str, output: str | os.PathLike[str] | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    with open_output(output) as stream:
        stream.write(text)


def fail(message: str) -> None:
    sys.stderr.write(f"docdiff: {message}\n")
    sys.exit(EXIT_TROUBLE)
