"""The options the commands share, declared once so that every command spells
and explains them alike (``-o``, ``--color``, ``-w``, ``--pager``), and the
format and colour choices."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class OutlineFormat(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"


class ReportFormat(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"
    html = "html"


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
