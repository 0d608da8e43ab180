"""``docdiff outline FILE``: the section tree of one edition."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .console import print_renderable
from .io import json_text, refuse_inputs, warn, write
from .options import (
    Color,
    ColorChoice,
    MaxSize,
    OutlineFormat,
    Output,
    Strict,
    Width,
    reading,
)


def outline(
    file: Annotated[Path, typer.Argument(help="An edition: text, PDF or Word .docx.")],
    format: Annotated[OutlineFormat, typer.Option(
        "--format", "-f", help="rich (a tree), json (the docdiff-outline/1 format) or markdown.")
    ] = OutlineFormat.rich,
    output: Output = None,
    color: Color = ColorChoice.auto,
    width: Width = None,
    max_size: MaxSize = None,
    strict: Strict = False,
) -> None:
    """Show the section tree of one edition: parts, organisations, subsections, paragraphs."""
    from .. import load

    refuse_inputs(output, (file,))
    document = load(file, **reading(max_size, strict))  # type: ignore[arg-type]
    for warning in document.warnings:
        warn(warning)
    if format is OutlineFormat.json:
        write(json_text(document.to_dict()), output, (file,), escape="json")
    elif format is OutlineFormat.markdown:
        from ..render.outline import outline_markdown

        write(outline_markdown(document), output, (file,))
    else:
        from ..render.outline import outline_tree

        print_renderable(outline_tree(document), color.value, width, output, inputs=(file,))
