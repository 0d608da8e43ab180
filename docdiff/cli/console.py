"""The terminal report's way out: a rich console on standard output, a file
or the pager, with the shared options (colour, width) applied."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .io import (
    Path,
    carries_everything,
    is_terminal,
    report_stream,
    sane_width,
    stdout,
    write,
)

if TYPE_CHECKING:
    from ..model import Comparison
    from ..render.view import ReportOptions


def print_report(comparison: Comparison, options: ReportOptions, color: str, width: int | None,
                 output: Path | None, pager: bool = False, inputs: Sequence[Path] = ()) -> None:
    """Draw the terminal report as ``print_renderable`` draws it: where it has no
    colour and goes to a pipe or a file, by ``render.plain`` (the same
    characters, without importing rich's console: #14.1); else by rich."""
    target = stdout() if output is None else None
    plain_width = _plain_width(color, width, target)
    if plain_width is not None:
        from ..render.plain import report_text

        text = report_text(comparison, options, plain_width)
        if text is not None:
            with report_stream(output, inputs) as stream:
                stream.write(text)
            return
    from ..render import report

    print_renderable(report(comparison, options), color, width, output, pager, inputs)


def _plain_width(color: str, width: int | None, target: Any) -> int | None:
    """The width rich would lay the report out at, where its console would draw
    it without colour and ``print_renderable`` write its lines unpadded (a
    stream that is no terminal, so no pager either, whose encoding is a UTF:
    rich draws ASCII boxes for others); None where rich must draw it."""
    from ..render.output import wants_color

    if sys.platform == "win32" or (target is not None and (is_terminal(target) or not carries_everything(target))):
        return None
    encoding = (getattr(target, "encoding", None) or "utf-8") if target is not None else "utf-8"
    if not encoding.lower().startswith("utf"):
        return None
    wanted = wants_color(color, target)  # type: ignore[arg-type]
    if wanted is True:
        return None
    if wanted is None:  # rich's Console.is_terminal, without a terminal to ask
        environ = os.environ
        if environ.get("TTY_COMPATIBLE", "") == "1" or environ.get("FORCE_COLOR", ""):
            return None
    return report_width(width, target)


def report_width(width: int | None, target: Any) -> int:
    """The width the terminal report is laid out at on ``target`` (None: a file):
    ``--width``, else a usable ``COLUMNS``, else the terminal's, else 80, as
    rich's console finds it (without importing it)."""
    width = sane_width(width, target)
    if width is not None:
        return width
    columns = os.environ.get("COLUMNS")  # rich's Console.size, as it finds the width
    if columns is not None and columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            pass
    return 80


def print_renderable(renderable: Any, color: str, width: int | None, output: Path | None,
                     pager: bool = False, inputs: Sequence[Path] = ()) -> None:
    """Draw ``renderable`` on standard output (through the pager when asked and
    on a terminal) or into ``output``."""
    from ..render.output import make_console

    target = stdout() if output is None else None
    width = sane_width(width, target)
    if output is None and pager and is_terminal(target):
        from ..render.output import page

        console = make_console(color, width, target)  # type: ignore[arg-type]
        with console.capture() as capture:
            console.print(renderable)
        text = capture.get()
        if page(text):
            return
        with report_stream(None) as stream:
            stream.write(text)
        return
    if target is not None and not carries_everything(target):  # escaped with a warning, as every text report
        console = make_console(color, width, target)  # type: ignore[arg-type]
        with console.capture() as capture:
            console.print(renderable)
        write(_unpadded(capture.get()), None)
        return
    with report_stream(output, inputs) as stream:
        console = make_console(color, width, stream)  # type: ignore[arg-type]
        if is_terminal(stream):
            console.print(renderable)
            return
        with console.capture() as capture:
            console.print(renderable)
        stream.write(_unpadded(capture.get()))


def _unpadded(text: str) -> str:
    """The lines without the spaces rich pads them to the console's width with
    (in a pipe or a file they are noise, and diff tools flag them)."""
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))

