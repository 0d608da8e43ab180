"""The command line's entry point: map outcomes to exit codes (as diff(1): 0 no
differences, 1 differences, 2 trouble) and every failure to one line.

The options, help and renderers are declared with typer in ``commands``.  A
script's plain ``docdiff OLD NEW --format json`` (optionally ``-o FILE``) is
run here without them: typer and click take longer to import than docdiff
takes to compare two editions, and the JSON needs none of what they offer.
Anything else on the command line (another option, a command, ``--help``, a
mistake) goes to typer, which explains it.
"""

from __future__ import annotations

import os
import sys

from .reader import DocdiffError

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2
#: The subcommands: a first word that is one of them is not a file.
COMMANDS = ("compare", "outline", "history")


def main(argv: list[str] | None = None) -> None:
    """Console entry point: every failure is one line on stderr and exit status 2."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        request = plain_json_request(args)
        if request is None:
            from .commands import run

            run(args)
        else:
            sys.exit(compare_to_json(*request))
    except DocdiffError as exc:
        fail(str(exc))
    except KeyboardInterrupt:  # as typer's path answers Ctrl-C
        fail("aborted")
    except BrokenPipeError:
        sys.exit(EXIT_TROUBLE)


def plain_json_request(args: list[str]) -> tuple[str, str, str | None] | None:
    """``(OLD, NEW, FILE or None)`` when ``args`` are two files, ``--format json``
    (``-f json``, ``--format=json``) and at most ``--output FILE`` (``-o FILE``,
    ``--output=FILE``), in any order; otherwise None."""
    files: list[str] = []
    fmt = output = None
    rest = iter(args)
    for arg in rest:
        if arg in ("-f", "--format"):
            fmt = next(rest, None)
        elif arg.startswith("--format="):
            fmt = arg.partition("=")[2]
        elif arg in ("-o", "--output"):
            output = next(rest, None)
            if not output:
                return None
        elif arg.startswith("--output=") and arg != "--output=":
            output = arg.partition("=")[2]
        elif arg.startswith("-"):  # any other option, "--", "-" (standard input)
            return None
        else:
            files.append(arg)
    if fmt != "json" or len(files) != 2 or files[0] in COMMANDS:
        return None
    return files[0], files[1], output


def compare_to_json(old: str, new: str, output: str | None) -> int:
    """``docdiff OLD NEW --format json [-o FILE]``: the exit status."""
    comparison = run_steps(old, new)[2]
    write(json_text(comparison.to_dict()), output)
    return EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME


def run_steps(old: str | os.PathLike[str], new: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    """Read both editions and compare them: ``(old, new, comparison)``.  On a
    terminal, stderr shows the progress; a script's run (stderr not a terminal)
    imports no renderer."""
    from . import compare, load

    done: list = []  # type: ignore[type-arg]
    steps = [
        (f"reading {old}", lambda: done.append(load(old))),
        (f"reading {new}", lambda: done.append(load(new))),
        ("comparing", lambda: done.append(compare(done[0], done[1]))),
    ]
    if is_terminal(sys.stderr):
        from .render.output import with_progress

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
