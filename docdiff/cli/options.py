"""The options the commands share, declared once so that every command spells
and explains them alike (``-o``, ``--color``, ``-w``, ``--pager``), and the
format and colour choices."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import click
import typer

from ..render import formats


class OutlineFormat(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"



class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


# typer reads these annotations at run time: Optional[...] rather than "X | None" keeps them plain to it
Output = Annotated[Optional[Path], typer.Option(  # noqa: UP045
    "--output", "-o", metavar="FILE",
    help="Write the report to FILE instead of standard output (whole or not at all; never over an input).")]
Color = Annotated[ColorChoice, typer.Option(
    "--color",
    help="Colour the terminal report: auto (on a terminal, unless NO_COLOR is set), always, or never. "
         "Without colour, deleted text reads [-so-] and inserted text {+so+}.")]
Width = Annotated[Optional[int], typer.Option(  # noqa: UP045
    "--width", "-w", min=20, max=1000, metavar="N",
    help="Lay the terminal report out N columns wide (default: the terminal's width, else 80).")]
Pager = Annotated[bool, typer.Option(
    "--pager", help="On a terminal, show the report through $PAGER (default: less -FRX).")]

_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def byte_count(text: str) -> int:
    """``--max-size``'s value: bytes, or a number with K, M or G (binary units: 64M is 64 MiB)."""
    value = text.strip().upper().removesuffix("B").removesuffix("I")
    number, unit = (value[:-1], value[-1]) if value[-1:] and value[-1] in _UNITS else (value, "")
    try:
        size = int(float(number) * _UNITS[unit])
    except (ValueError, OverflowError):
        raise typer.BadParameter(f"{text!r} is not a size (bytes, or a number with K, M or G)",
                                 param_hint="--max-size") from None
    if size <= 0:
        raise typer.BadParameter(f"{text!r}: give a size above zero", param_hint="--max-size")
    return size


MaxSize = Annotated[Optional[str], typer.Option(  # noqa: UP045
    "--max-size", metavar="SIZE",
    help="Refuse an input file larger than SIZE (bytes, or with K, M, G; default 64M: every real edition is "
         "far smaller), so that no input can exhaust the machine.")]
Strict = Annotated[bool, typer.Option(
    "--strict", help="Refuse a damaged input (a character cut off at the end, say) instead of warning about it.")]


def reading(max_size: str | None, strict: bool) -> dict[str, object]:
    """``docdiff.load``'s keywords for ``--max-size`` and ``--strict``."""
    options: dict[str, object] = {"strict": strict}
    if max_size is not None:
        options["max_size"] = byte_count(max_size)
    return options

def format_option(for_history: bool = False) -> typer.models.OptionInfo:
    """``--format``/``-f``: its choices and help from the registry of formats."""
    what = "the docdiff-history/2 format" if for_history else "the docdiff/2 format"
    option: typer.models.OptionInfo = typer.Option(
        "--format", "-f", click_type=click.Choice(formats.names(for_history)),
        help=formats.help_text(for_history).replace(formats.FORMATS["json"].help, what))
    return option


#: --only: the statuses a report keeps.
Only = Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
    "--only", metavar="STATUS,...",
    help="Only the paragraph changes of these statuses, in every format (changed, added, removed, moved, split, "
         "merged, unchanged; comma-separated or repeated). The counts count only those.")]
