"""``docdiff history FILE...``: each organisation followed across many editions."""

from __future__ import annotations

from pathlib import Path

import typer

from .io import EXIT_DIFFERENT, EXIT_SAME, json_text, open_output, write
from .options import ColorChoice, ReportFormat


def history_command(
    editions: list[Path] = typer.Argument(..., metavar="FILE...", help="Two or more editions (text files), in any order."),
    org: list[str] | None = typer.Option(
        None, "--org", metavar="NAME",
        help="Show this organisation's paragraphs as lineages (repeatable). NAME as for 'docdiff compare --org': "
             "a title in any edition, a short form an edition defines (东盟), a registry name (ASEAN)."),
    diffs: bool = typer.Option(False, "--diffs", help="With the lineages, the redline of each edit "
                                                      "(without --org: of every organisation with changes)."),
    keep_order: bool = typer.Option(False, "--keep-order",
                                    help="Keep the order given instead of sorting by masthead date (files without one)."),
    format: ReportFormat = typer.Option(
        ReportFormat.rich, "--format", "-f",
        help="rich (the terminal report), json (the docdiff-history/1 format), markdown, or html (one page)."),
    output: Path | None = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="Write the report to FILE instead of standard output."),
    color: ColorChoice = typer.Option(ColorChoice.auto, "--color",
                                      help="auto (on a terminal, unless NO_COLOR is set), always, or never."),
    width: int | None = typer.Option(None, "--width", "-w", min=20, max=1000, metavar="N",
                                        help="Lay the terminal report out N columns wide."),
) -> None:
    """Follow each organisation, and each of its paragraphs, across many editions.

    \b
    One row per organisation (followed through renames), one column per edition
    (its paragraph count), and between two editions what happened: paragraphs
    changed ~, added +, removed −, moved ↕, split ⋔, merged ⋈; renamed; first
    appeared; dropped.  With --org, that organisation's paragraphs as lineages:
    ¶31 (2010) → edited → ¶30 (2012) → unchanged → ¶29 (2014).

    \b
    Exit status: 0 all editions the same, 1 differences, 2 trouble.

    \b
    Examples:
      docdiff history seeds/*.zh.txt
      docdiff history seeds/*.zh.txt --org 非盟 --diffs
      docdiff history a.txt b.txt c.txt --keep-order --format json
    """
    from ..lineage import load_history

    if len(editions) < 2:
        raise typer.BadParameter("give two editions or more", param_hint="FILE...")
    result = load_history(editions, keep_order=keep_order)
    orgs = result.pick([name.strip() for name in org or [] if name.strip()])
    if format is ReportFormat.json:
        data = result.to_dict(diffs=diffs)
        if orgs:
            data["organisations"] = [o.to_dict(diffs) for o in orgs]
        write(json_text(data), output)
    elif format is ReportFormat.rich:
        from ..render.history import history_renderable
        from ..render.output import make_console

        renderable = history_renderable(result, orgs, diffs)
        if output is None:
            make_console(color.value, width).print(renderable)  # type: ignore[arg-type]
        else:
            with open_output(output) as stream:
                make_console(color.value, width, stream).print(renderable)  # type: ignore[arg-type]
    else:
        from ..render.history import history_html, history_markdown

        write((history_markdown if format is ReportFormat.markdown else history_html)(result, orgs, diffs), output)
    raise typer.Exit(EXIT_DIFFERENT if result.has_differences else EXIT_SAME)
