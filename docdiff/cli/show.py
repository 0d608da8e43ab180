"""``docdiff show OLD NEW REF``: one paragraph in both editions, with its redline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import DocdiffError
from .console import print_renderable
from .io import EXIT_DIFFERENT, EXIT_SAME, refuse_inputs, run_steps
from .options import Color, ColorChoice, Output, Width


def show(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The earlier edition.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later edition.")],
    ref: Annotated[str, typer.Argument(
        metavar="REF", help="The paragraph: its number in NEW (31), old:N for its number in OLD (old:29), "
                            "its label as the report prints it (PP18, footnote 2, closing line 1, old:PP3), "
                            "or its index as 'docdiff outline' shows an unnumbered paragraph ([12], old:[12]).")],
    output: Output = None,
    color: Color = ColorChoice.auto,
    width: Width = None,
) -> None:
    """Show one paragraph in both editions, with its redline: the entry of the
    comparison that holds it (a split paragraph with all its pieces).

    \b
    Exit status: 0 the paragraph is unchanged, 1 it differs, 2 trouble (REF
    names no paragraph).

    \b
    Examples:
      docdiff show seeds/A_65_382-S_2010_490.zh.txt seeds/sample_2012.zh.txt 30
      docdiff show old.txt new.txt old:31
      docdiff show old_resolution.txt new_resolution.txt [2]
      docdiff show old_resolution.txt new_resolution.txt PP18
    """
    from ..render.show import ShowReport, find, parse_reference

    inputs = (old, new)
    refuse_inputs(output, inputs)
    try:
        reference = parse_reference(ref)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="REF") from None
    old_document, new_document, comparison = run_steps(old, new)
    try:
        section, change = find(comparison, old_document, new_document, reference)
    except LookupError as exc:
        raise DocdiffError(str(exc.args[0])) from None
    print_renderable(ShowReport(section, change), color.value, width, output, False, inputs)
    raise typer.Exit(EXIT_SAME if change.status == "unchanged" else EXIT_DIFFERENT)
