"""Where a report goes: the console it is drawn on, the pager, and the progress
display shown while a long comparison runs.  The CLI picks; this module knows how."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Literal, TypeVar

if TYPE_CHECKING:  # rich is imported only when a console is made
    from rich.console import Console

ColorMode = Literal["auto", "always", "never"]
T = TypeVar("T")


def wants_color(mode: ColorMode, stream: IO[str], environ: Mapping[str, str] | None = None) -> bool | None:
    """True or False where the choice is made here, None to let rich detect a terminal.

    ``always`` wins over ``NO_COLOR``; ``auto`` honours it (https://no-color.org).
    """
    if environ is None:
        environ = os.environ
    if mode == "always":
        return True
    if mode == "never" or environ.get("NO_COLOR", ""):
        return False
    return None


def make_console(mode: ColorMode = "auto", width: int | None = None, file: IO[str] | None = None,
                 environ: dict[str, str] | None = None) -> Console:
    """A console for the terminal report.  Without colour it emits no escape
    code at all (rich's own NO_COLOR handling keeps bold and strike-through)."""
    import sys

    from rich.console import Console

    stream = file if file is not None else sys.stdout
    color = wants_color(mode, stream, environ)
    common = {"file": stream, "width": width, "highlight": False, "emoji": False, "markup": False, "soft_wrap": False}
    if color is False:
        return Console(color_system=None, no_color=True, force_terminal=False, **common)  # type: ignore[arg-type]
    if color is True:
        console = Console(force_terminal=True, no_color=False, color_system="auto", **common)  # type: ignore[arg-type]
        if console.color_system is None:  # TERM=dumb or unset: still asked for colour
            console = Console(force_terminal=True, no_color=False, color_system="standard", **common)  # type: ignore[arg-type]
        return console
    return Console(**common)  # type: ignore[arg-type]


def page(text: str, environ: dict[str, str] | None = None) -> bool:
    """Show ``text`` through the system pager ($PAGER, else ``less -FRX``).
    False if there is no pager to run (the caller prints instead)."""
    import shlex
    import shutil
    import subprocess  # only here: 2.5 ms of every report's start

    environ = dict(os.environ if environ is None else environ)
    command = environ.get("PAGER", "").strip()
    argv = shlex.split(command) if command else []
    if not argv:
        if shutil.which("less"):
            argv = ["less"]
            environ.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the screen as it is
        elif shutil.which("more"):
            argv = ["more"]
        else:
            return False
    if not shutil.which(argv[0]):
        return False
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=environ)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode("utf-8"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit early
        pass
    try:
        process.wait()
    except KeyboardInterrupt:
        process.wait()
    return True


def with_progress(steps: Sequence[tuple[str, Callable[[], T]]], enabled: bool, delay: float = 1.0,
                  console: Console | None = None) -> list[T]:
    """Run ``steps`` (label, function) in order and return their results.

    When ``enabled`` (stderr is a terminal) and the work takes longer than
    ``delay`` seconds, a spinner with the current step's label is shown on
    stderr until it ends.  Errors are raised here, as if the steps ran inline.
    """
    if not enabled:
        return [step() for _, step in steps]
    import threading

    results: list[T] = []
    current = [steps[0][0] if steps else ""]
    failure: list[BaseException] = []

    def work() -> None:
        try:
            for label, step in steps:
                current[0] = label
                results.append(step())
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread, which raises it
            failure.append(exc)

    worker = threading.Thread(target=work, name="docdiff-work", daemon=True)
    worker.start()
    worker.join(delay)
    if worker.is_alive():
        from rich.console import Console

        console = console or Console(stderr=True)
        with console.status(current[0], spinner="dots") as status:
            while worker.is_alive():
                worker.join(0.1)
                status.update(current[0])
    if failure:
        raise failure[0]
    return results
