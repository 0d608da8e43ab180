"""The fast path: a plain ``docdiff OLD NEW`` (the terminal report, with at
most ``--color WHEN`` and ``--width N``) and a script's ``docdiff OLD NEW
--format json``, each optionally with ``-o FILE``, run without typer and click,
which take longer to import than docdiff takes to compare two editions; these
runs need none of what they offer.  Anything else (another option, a value
typer would refuse, a command, ``--help``) goes to typer, which explains it.
"""

from __future__ import annotations

from typing import NamedTuple

from .io import EXIT_DIFFERENT, EXIT_SAME, refuse_inputs, run_steps, write_comparison_json

#: The subcommands (``app`` registers each): a first word that is one of them is not a file.
COMMANDS = ("compare", "outline", "history", "batch", "show")
#: The choices of ``--color`` and the bounds of ``--width``, as ``options`` declares them for typer.
COLORS = ("auto", "always", "never")
WIDTHS = range(20, 1001)


class Request(NamedTuple):
    """A command line the fast path runs: both files, the format (``rich`` or
    ``json``), the output file or None, and the terminal report's colour and width."""

    old: str
    new: str
    format: str = "rich"
    output: str | None = None
    color: str = "auto"
    width: int | None = None


#: Options taking a value: (short, long) → the Request field they set.
_VALUED = {"-f": "format", "--format": "format", "-o": "output", "--output": "output",
           "--color": "color", "-w": "width", "--width": "width"}


def plain_request(args: list[str]) -> Request | None:
    """The ``Request`` when ``args`` are two files and at most ``--format
    rich|json`` (``-f``), ``--output FILE`` (``-o``) and, for the terminal
    report, ``--color WHEN`` and ``--width N`` (``-w``), each also written
    ``--name=value``, in any order (the last of a repeated option counts, as
    with click); otherwise None."""
    files: list[str] = []
    values: dict[str, str] = {}
    rest = iter(args)
    for arg in rest:
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _VALUED:
            given = value if equals else next(rest, None)
            if not given:
                return None  # typer explains the missing value
            values[_VALUED[name]] = given
        elif arg.startswith("-"):  # any other option, "--", "-" (standard input)
            return None
        else:
            files.append(arg)
    if len(files) != 2 or files[0] in COMMANDS:
        return None
    fmt = values.get("format", "rich")
    color, width = values.get("color", "auto"), values.get("width")
    if fmt not in ("rich", "json") or color not in COLORS:
        return None
    if width is not None and not (width.isdigit() and width.isascii() and int(width) in WIDTHS):
        return None
    request = Request(files[0], files[1], fmt, values.get("output"), color, int(width) if width is not None else None)
    if fmt == "rich" and _too_narrow(request):
        return None  # typer's command refuses, in one line
    return request


def _too_narrow(request: Request) -> bool:
    from ..render.view import MIN_WIDTH
    from .console import report_width
    from .io import stdout

    return report_width(request.width, stdout() if request.output is None else None) < MIN_WIDTH


def plain_json_request(args: list[str]) -> tuple[str, str, str | None] | None:
    """``(OLD, NEW, FILE or None)`` when ``args`` are a ``plain_request`` for
    ``--format json`` (without ``--color`` or ``--width``); otherwise None."""
    request = plain_request(args)
    if request is None or request.format != "json" or request[4:] != ("auto", None):
        return None
    return request.old, request.new, request.output


def run_request(request: Request) -> int:
    """Run a ``plain_request``: the exit status."""
    if request.format == "json":
        return compare_to_json(request.old, request.new, request.output)
    return compare_to_report(request)


def compare_to_json(old: str, new: str, output: str | None) -> int:
    """``docdiff OLD NEW --format json [-o FILE]``: the exit status."""
    from pathlib import Path

    # the names as typer hands them to the command ('./a.txt' is 'a.txt' in the JSON either way)
    inputs = (Path(old), Path(new))
    refuse_inputs(output, inputs)
    comparison = run_steps(*inputs)[2]
    write_comparison_json(comparison, output, inputs)
    return EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME


def compare_to_report(request: Request) -> int:
    """``docdiff OLD NEW [--color WHEN] [-w N] [-o FILE]``, the terminal report,
    drawn as ``compare`` draws it for typer: the exit status."""
    from pathlib import Path

    from ..render.view import ReportOptions
    from .console import print_report

    # typer hands the command Paths: the same names ('./a.txt' is 'a.txt')
    inputs = (Path(request.old), Path(request.new))
    output = Path(request.output) if request.output is not None else None
    refuse_inputs(output, inputs)
    comparison = run_steps(*inputs)[2]
    print_report(comparison, ReportOptions(), request.color, request.width, output, False, inputs)
    return EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME
