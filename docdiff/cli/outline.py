"""``docdiff outline FILE``: the section tree of one edition."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .io import json_text
from .options import OutlineFormat


def outline(
    file: Path = typer.Argument(..., help="An edition: a text file."),
    format: OutlineFormat = typer.Option(OutlineFormat.rich, "--format", "-f", help="rich (a tree) or json."),
) -> None:
    """Show the section tree of one edition: parts, organisations, subsections, paragraphs."""
    from .. import load

    document = load(file)
    if format is OutlineFormat.json:
        sys.stdout.write(json_text(document.to_dict()))
        return
    from rich.console import Console

    from ..render.outline import outline_tree

    console = Console()
    for warning in document.warnings:
        Console(stderr=True).print(f"docdiff: warning: {warning}", style="yellow", markup=False, highlight=False)
    console.print(outline_tree(document))
