"""The terminal report's way out: a rich console on standard output, a file
or the pager, with the shared options (colour, width) applied."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .io import (
    Path,
    carries_everything,
    is_terminal,
    report_stream,
    sane_width,
    stdout,
    write,
)


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

