"""``docdiff history FILE...``: each organisation followed across many editions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .console import print_renderable
from .io import EXIT_DIFFERENT, EXIT_SAME, json_text, refuse_inputs, warn, write, write_report
from .options import (
    Color,
    ColorChoice,
    MaxSize,
    Output,
    Pager,
    Strict,
    Width,
    format_option,
    reading,
)


def history_command(
    editions: Annotated[list[Path], typer.Argument(
        metavar="FILE...", help="Two or more editions (text, PDF or Word .docx), in any order.")],
    org: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--org", metavar="NAME",
        help="Show this organisation's paragraphs as lineages (repeatable). NAME as for 'docdiff compare --org': "
             "a title in any edition, a short form an edition defines (东盟), a registry name (ASEAN).")] = None,
    diffs: Annotated[bool, typer.Option(
        "--diffs", help="With the lineages, the redline of each edit "
                        "(without --org: of every organisation with changes).")] = False,
    keep_order: Annotated[bool, typer.Option(
        "--keep-order", help="Keep the order given instead of sorting by masthead date (files without one).")] = False,
    format: Annotated[str, format_option(for_history=True)] = "rich",
    output: Output = None,
    color: Color = ColorChoice.auto,
    width: Width = None,
    pager: Pager = False,
    jobs: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--jobs", "-j", min=1, metavar="N",
        help="Compare the pairs of editions in N processes (default: one per core).")] = None,
    max_size: MaxSize = None,
    strict: Strict = False,
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
      docdiff history seeds/*.zh.txt --format xlsx -o history.xlsx
    """
    from ..lineage import load_history

    if len(editions) < 2:
        raise typer.BadParameter("give two editions or more", param_hint="FILE...")
    refuse_inputs(output, editions)
    options = reading(max_size, strict)
    result = load_history(editions, keep_order=keep_order, jobs=jobs, **options)
    for line in result.warnings:
        warn(line)
    orgs = result.pick([name.strip() for name in org or []])  # ('' is an error: select.resolve)
    if format == "json":
        data = result.to_dict(diffs=diffs)
        if orgs:
            data["organisations"] = [o.to_dict(diffs) for o in orgs]
        write(json_text(data), output, editions, escape="json")
    elif format == "rich":
        from ..render.history import history_renderable

        print_renderable(history_renderable(result, orgs, diffs), color.value, width, output, pager, editions)
    else:
        from ..render import render

        write_report(render(result, format, orgs=orgs, diffs=diffs), output, editions,
                     escape="html" if format == "html" else "text")
    raise typer.Exit(EXIT_DIFFERENT if result.has_differences else EXIT_SAME)
