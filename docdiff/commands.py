"""The commands, as typer declares them: options, help, renderer choice.

``docdiff.cli.main`` is the entry point; it runs a plain ``docdiff OLD NEW
--format json`` itself and brings everything else here.  ``docdiff OLD NEW`` is
short for ``docdiff compare OLD NEW``.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import click
import typer
from typer.core import TyperGroup

from . import __version__
from .cli import (EXIT_DIFFERENT, EXIT_SAME, EXIT_TROUBLE, fail, is_terminal, json_text, open_output, run_steps,
                  write)


class _DefaultToCompare(TyperGroup):
    """``docdiff A B`` runs ``compare``: the first word that is not a command is a
    file, and an option that is not the program's own (``--version``, ``--help``)
    is one of ``compare``'s (``docdiff --summary A B``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands:
            own = {name for param in self.get_params(ctx) for name in param.opts}
            if not args[0].startswith("-") or args[0].split("=", 1)[0] not in own:
                args = ["compare", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultToCompare,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="""What changed between two editions of a UN report, organisation by organisation.

    \b
      docdiff OLD NEW [OPTIONS]   compare two editions (short for 'docdiff compare')
      docdiff outline FILE        show the section tree of one edition
      docdiff history FILE...     follow each organisation across many editions

    \b
    The comparison report shows a header (both editions, masthead changes), a
    summary table (one row per section: counts of changed, added, removed,
    moved, split and merged paragraphs), then each section with changes as a
    redline: deleted text red and struck through, inserted text green, runs of
    unchanged paragraphs folded into one line.  Without colour, deleted text
    reads [-so-] and inserted text {+so+}.

    \b
    Options of the comparison (details: docdiff compare --help):
      --org NAME          only this organisation (repeatable): its title, a short
                          form the document defines (东盟, ASEAN) or a registry name
      --summary           only the header and the summary table
      -a, --all           unchanged paragraphs and sections too
      -f, --format F      rich (default), json, markdown or html
      -o, --output FILE   write the report to FILE
      --color WHEN        auto (default; honours NO_COLOR), always or never
      -w, --width N       lay the terminal report out N columns wide
      --pager             show a long report through $PAGER on a terminal

    \b
    Exit status, as diff(1): 0 no differences (spacing, punctuation width,
    hyphens inside words and footnote marks alone count as none), 1
    differences, 2 trouble (a file missing, unreadable, empty or binary, a bad
    option, an --org that matches nothing).

    \b
    Examples:
      docdiff seeds/A_65_382-S_2010_490.zh.txt seeds/sample_2012.zh.txt
      docdiff old.txt new.txt --org 东盟 --org "League of Arab States"
      docdiff old.txt new.txt --summary
      docdiff old.txt new.txt --format html -o report.html
      docdiff old.txt new.txt --format json > changes.json
      docdiff outline seeds/A_65_382-S_2010_490.zh.txt --format json
    """,
)


class OutlineFormat(str, Enum):
    rich = "rich"
    json = "json"


class ReportFormat(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"
    html = "html"


def _version(value: bool) -> None:
    if value:
        print(f"docdiff {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    pass


@app.command()
def outline(
    file: Path = typer.Argument(..., help="An edition: a text file."),
    format: OutlineFormat = typer.Option(OutlineFormat.rich, "--format", "-f", help="rich (a tree) or json."),
) -> None:
    """Show the section tree of one edition: parts, organisations, subsections, paragraphs."""
    from . import load

    document = load(file)
    if format is OutlineFormat.json:
        sys.stdout.write(json_text(document.to_dict()))
        return
    from .render.outline import outline_tree
    from rich.console import Console

    console = Console()
    for warning in document.warnings:
        Console(stderr=True).print(f"docdiff: warning: {warning}", style="yellow", markup=False, highlight=False)
    console.print(outline_tree(document))


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


@app.command()
def compare(
    old: Path = typer.Argument(..., metavar="OLD", help="The earlier edition (a text file)."),
    new: Path = typer.Argument(..., metavar="NEW", help="The later edition."),
    org: Optional[List[str]] = typer.Option(
        None, "--org", metavar="NAME",
        help="Only this organisation's sections (repeatable). NAME is a section title, a short form the "
             "document defines (东盟 for 东南亚国家联盟(东盟), ASEAN), or any name the organisation registry "
             "knows, in any language; a part's title takes every section in it."),
    summary: bool = typer.Option(False, "--summary", help="Only the header and the summary table."),
    show_all: bool = typer.Option(False, "--all", "-a", help="Show unchanged paragraphs and sections too."),
    format: ReportFormat = typer.Option(
        ReportFormat.rich, "--format", "-f",
        help="rich (the terminal report), json (the docdiff/1 format), markdown, or html (one self-contained page)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="Write the report to FILE instead of standard output."),
    color: ColorChoice = typer.Option(
        ColorChoice.auto, "--color",
        help="Colour the terminal report: auto (on a terminal, unless NO_COLOR is set), always, or never. "
             "Without colour, deleted text reads [-so-] and inserted text {+so+}."),
    width: Optional[int] = typer.Option(None, "--width", "-w", min=20, max=1000, metavar="N",
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
        from .select import select_sections

        comparison = select_sections(comparison, names, old_document, new_document)
    if format is ReportFormat.json:  # the docdiff/1 shape, as render.render_text writes it
        write(json_text(comparison.to_dict()), output)
        raise typer.Exit(EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME)
    from .render.view import ReportOptions

    options = ReportOptions(show_unchanged=show_all, summary_only=summary, selected=tuple(names))
    if format is ReportFormat.rich:
        _print_report(comparison, options, color.value, width, output, pager)
    else:
        from .render import render_text

        write(render_text(comparison, format.value, options), output)
    raise typer.Exit(EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME)


def _print_report(comparison, options, color: str, width: Optional[int], output: Optional[Path],  # type: ignore[no-untyped-def]
                  pager: bool) -> None:
    from .render import report
    from .render.output import make_console, page

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


@app.command("history")
def history_command(
    editions: List[Path] = typer.Argument(..., metavar="FILE...", help="Two or more editions (text files), in any order."),
    org: Optional[List[str]] = typer.Option(
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
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="Write the report to FILE instead of standard output."),
    color: ColorChoice = typer.Option(ColorChoice.auto, "--color",
                                      help="auto (on a terminal, unless NO_COLOR is set), always, or never."),
    width: Optional[int] = typer.Option(None, "--width", "-w", min=20, max=1000, metavar="N",
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
    from .lineage import load_history

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
        from .render.history import history_renderable
        from .render.output import make_console

        renderable = history_renderable(result, orgs, diffs)
        if output is None:
            make_console(color.value, width).print(renderable)  # type: ignore[arg-type]
        else:
            with open_output(output) as stream:
                make_console(color.value, width, stream).print(renderable)  # type: ignore[arg-type]
    else:
        from .render.history import history_html, history_markdown

        write((history_markdown if format is ReportFormat.markdown else history_html)(result, orgs, diffs), output)
    raise typer.Exit(EXIT_DIFFERENT if result.has_differences else EXIT_SAME)


def run(args: List[str]) -> None:
    """Run the command line ``args`` through typer; every failure is one line on
    stderr and exit status 2."""
    try:
        code = app(args=args, prog_name="docdiff", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else "", err=False)
        sys.exit(EXIT_TROUBLE)
    except click.UsageError as exc:
        hint = f" (see 'docdiff {exc.ctx.info_name} --help')" if exc.ctx and exc.ctx.info_name != "docdiff" else " (see 'docdiff --help')"
        fail(exc.format_message() + hint)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        fail("aborted")
    sys.exit(code if isinstance(code, int) else 0)
