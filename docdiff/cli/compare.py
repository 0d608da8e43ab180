"""``docdiff compare OLD NEW`` (``docdiff OLD NEW``): the report of two editions."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .io import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    is_terminal,
    json_text,
    open_output,
    run_steps,
    write,
)
from .options import ColorChoice, ReportFormat


def compare(
    old: Path = typer.Argument(..., metavar="OLD", help="The earlier edition (a text file)."),
    new: Path = typer.Argument(..., metavar="NEW", help="The later edition."),
    org: list[str] | None = typer.Option(
        None, "--org", metavar="NAME",
        help="Only this organisation's sections (repeatable). NAME is a section title, a short form the "
             "document defines (东盟 for 东南亚国家联盟(东盟), ASEAN), or any name the organisation registry "
             "knows, in any language; a part's title takes every section in it."),
    summary: bool = typer.Option(False, "--summary", help="Only the header and the summary table."),
    show_all: bool = typer.Option(False, "--all", "-a", help="Show unchanged paragraphs and sections too."),
    format: ReportFormat = typer.Option(
        ReportFormat.rich, "--format", "-f",
        help="rich (the terminal report), json (the docdiff/1 format), markdown, or html (one self-contained page)."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="Write the report to FILE instead of standard output."),
    color: ColorChoice = typer.Option(
        ColorChoice.auto, "--color",
        help="Colour the terminal report: auto (on a terminal, unless NO_COLOR is set), always, or never. "
             "Without colour, deleted text reads [-so-] and inserted text {+so+}."),
    width: int | None = typer.Option(None, "--width", "-w", min=20, max=1000, metavar="N",
                                        help="Lay the terminal report out N columns wide (default: the terminal's width, else 80)."),
    pager: bool = typer.Option(False, "--pager", help="On a terminal, show the report through $PAGER (default: less -FRX)."),
) -> None:
    """Compare two editions: per organisation, paragraphs unchanged, changed,
    added, removed, moved, split or merged, with the changed words marked.

    \b
    Exit status: 0 no differences (spacing, punctuation width, hyphens inside
    words or footnote marks only count as none), 1 differences, 2 trouble.

    \b
    Examples:
      docdiff seeds/A_65_382-S_2010_490.zh.txt seeds/sample_2012.zh.txt
      docdiff old.txt new.txt --org 东盟 --org "League of Arab States"
      docdiff old.txt new.txt --summary --color never
      docdiff old.txt new.txt --all --pager
      docdiff old.txt new.txt --format html -o report.html
      docdiff old.txt new.txt --format markdown -o report.md
    """
    names = [name.strip() for name in org or [] if name.strip()]
    old_document, new_document, comparison = run_steps(old, new)
    if names:
        from ..select import select_sections

        comparison = select_sections(comparison, names, old_document, new_document)
    if format is ReportFormat.json:  # the docdiff/1 shape, as render.render_text writes it
        write(json_text(comparison.to_dict()), output)
        raise typer.Exit(EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME)
    from ..render.view import ReportOptions

    options = ReportOptions(show_unchanged=show_all, summary_only=summary, selected=tuple(names))
    if format is ReportFormat.rich:
        _print_report(comparison, options, color.value, width, output, pager)
    else:
        from ..render import render_text

        write(render_text(comparison, format.value, options), output)
    raise typer.Exit(EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME)


def _print_report(comparison, options, color: str, width: int | None, output: Path | None,  # type: ignore[no-untyped-def]
                  pager: bool) -> None:
    from ..render import report
    from ..render.output import make_console, page

    renderable = report(comparison, options)
    if output is not None:
        with open_output(output) as stream:
            make_console(color, width, stream).print(renderable)  # type: ignore[arg-type]
        return
    console = make_console(color, width)  # type: ignore[arg-type]
    if pager and is_terminal(sys.stdout):
        with console.capture() as capture:
            console.print(renderable)
        text = capture.get()
        if not page(text):
            sys.stdout.write(text)
        return
    console.print(renderable)
