"""``docdiff compare OLD NEW`` (``docdiff OLD NEW``): the report of two editions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from .console import print_renderable, print_report, report_width
from .io import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    json_text,
    refuse_inputs,
    run_steps,
    sane_width,
    stdout,
    write,
    write_comparison_json,
    write_report,
)
from .options import (
    Color,
    ColorChoice,
    MaxSize,
    Only,
    Output,
    Pager,
    Strict,
    Width,
    format_option,
    reading,
)


def compare(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The earlier edition (text, PDF or Word .docx).")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later edition.")],
    org: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--org", metavar="NAME",
        help="Only this organisation's sections (repeatable). NAME is a section title, a short form the "
             "document defines (东盟 for 东南亚国家联盟(东盟), ASEAN), or any name the organisation registry "
             "knows, in any language; a part's title takes every section in it.")] = None,
    summary: Annotated[bool, typer.Option(
        "--summary", help="Only the header and the summary table (in JSON: each section's counts, "
                          "without its paragraphs).")] = False,
    show_all: Annotated[bool, typer.Option("--all", "-a", help="Show unchanged paragraphs and sections too.")] = False,
    format: Annotated[str, format_option()] = "rich",
    output: Output = None,
    color: Color = ColorChoice.auto,
    width: Width = None,
    pager: Pager = False,
    max_size: MaxSize = None,
    strict: Strict = False,
    only: Only = None,
    side_by_side: Annotated[bool, typer.Option(
        "--side-by-side", help="In the terminal: each changed paragraph as old | new in two columns "
                               "(120 columns or more).")] = False,
    author: Annotated[str, typer.Option(
        "--author", metavar="NAME", help="The name on the tracked changes of --format docx.")] = "docdiff",
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
      docdiff old.txt new.txt --format docx -o report.docx --author Translator
      docdiff old.txt new.txt --format xlsx -o changes.xlsx --only added,removed
      docdiff old.txt new.txt --side-by-side --org 非洲联盟
    """
    inputs = (old, new)
    refuse_inputs(output, inputs)  # before the work, not after it
    statuses = _statuses(only)
    if side_by_side:
        _check_side_by_side(format, width, output)
    elif format == "rich":
        _check_width(width, output)
    names = [name.strip() for name in org or []]  # ('' is an error: select.resolve)
    old_document, new_document, comparison = run_steps(old, new, reading(max_size, strict))
    if names:
        from ..select import select_sections

        comparison = select_sections(comparison, names, old_document, new_document)
    if statuses:
        from ..render.only import only_statuses

        comparison = only_statuses(comparison, statuses)
    if format == "json":  # the docdiff/2 shape, as render.render_text writes it
        if summary:
            write(json_text(summary_only(comparison.to_dict())), output, inputs, escape="json")
        else:
            write_comparison_json(comparison, output, inputs)
        raise typer.Exit(EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME)
    from ..render.view import ReportOptions

    options = ReportOptions(show_unchanged=show_all, summary_only=summary, selected=tuple(names), author=author)
    if format == "rich" and side_by_side:
        from ..render.side_by_side import SideBySideReport

        print_renderable(SideBySideReport(comparison, options), color.value, width, output, pager, inputs)
    elif format == "rich":
        print_report(comparison, options, color.value, width, output, pager, inputs)
    else:
        from ..render import render

        write_report(render(comparison, format, options), output, inputs,
                     escape="html" if format == "html" else "text")
    raise typer.Exit(EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME)


def _statuses(only: list[str] | None) -> tuple[str, ...]:
    from ..render.only import parse_statuses

    try:
        return parse_statuses(only or ())
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--only") from None


def _check_side_by_side(format: str, width: int | None, output: Path | None) -> None:
    """--side-by-side is the terminal report's layout, at 120 columns or more."""
    from ..render.side_by_side import MIN_WIDTH, too_narrow

    if format != "rich":
        raise typer.BadParameter(f"it lays out the terminal report; --format {format} has its own layout",
                                 param_hint="--side-by-side")
    import io

    from ..render.output import make_console

    target = stdout() if output is None else io.StringIO()  # as print_renderable will measure it
    columns = make_console("never", sane_width(width, target), target).width
    if columns < MIN_WIDTH:
        raise typer.BadParameter(too_narrow(columns).removeprefix("--side-by-side "), param_hint="--side-by-side")


def _check_width(width: int | None, output: Path | None) -> None:
    """The terminal report is laid out ``view.MIN_WIDTH`` columns wide or more."""
    from ..render.view import MIN_WIDTH

    columns = report_width(width, stdout() if output is None else None)
    if columns < MIN_WIDTH:
        raise typer.BadParameter(f"the report needs {MIN_WIDTH} columns or more (here: {columns}); widen the "
                                 f"terminal or give --width {MIN_WIDTH} (or --format markdown)",
                                 param_hint="--width")


def summary_only(data: dict[str, Any]) -> dict[str, Any]:
    """The JSON of ``--summary``: each section's ``summary`` (its counts by
    status, as the report's summary table shows them) instead of its paragraphs."""
    sections = []
    for section in data.get("sections", []):
        counts: dict[str, int] = dict.fromkeys(data.get("summary", {}), 0)
        for paragraph in section.get("paragraphs", []):
            counts[paragraph["status"]] = counts.get(paragraph["status"], 0) + 1
        sections.append({**{k: v for k, v in section.items() if k != "paragraphs"}, "summary": counts})
    return {**data, "sections": sections}
