"""The command line: parse options, call the library, pick a renderer, map
outcomes to exit codes (as diff(1): 0 no differences, 1 differences, 2 trouble).

``docdiff OLD NEW`` is short for ``docdiff compare OLD NEW``.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import click
import typer
from typer.core import TyperGroup

from . import __version__
from .reader import DocdiffError

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


class _DefaultToCompare(TyperGroup):
    """``docdiff A B`` runs ``compare``: the first word that is not a command is a file."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["compare", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultToCompare,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="""What changed between two editions of a UN report, organisation by organisation.

    docdiff OLD NEW            compare two editions (exit 0 same, 1 different, 2 trouble)\n
    docdiff outline FILE       show the section tree of one edition

    Examples:\n
      docdiff seeds/A_65_382-S_2010_490.zh.txt seeds/sample_2012.zh.txt\n
      docdiff old.txt new.txt --format json > changes.json\n
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
        _print_json(document.to_dict())
        return
    from .render.outline import outline_tree
    from rich.console import Console

    console = Console()
    for warning in document.warnings:
        Console(stderr=True).print(f"docdiff: warning: {warning}", style="yellow", markup=False, highlight=False)
    console.print(outline_tree(document))


@app.command()
def compare(
    old: Path = typer.Argument(..., help="The earlier edition."),
    new: Path = typer.Argument(..., help="The later edition."),
    format: ReportFormat = typer.Option(ReportFormat.rich, "--format", "-f", help="rich, json, markdown or html."),
) -> None:
    """Compare two editions: per organisation, paragraphs unchanged, changed,
    added, removed, moved, split or merged, with the changed words marked."""
    from . import compare as compare_documents, load

    comparison = compare_documents(load(old), load(new))
    if format is ReportFormat.json:
        _print_json(comparison.to_dict())
    else:
        from .render import render

        render(comparison, format.value)
    raise typer.Exit(EXIT_DIFFERENT if comparison.has_differences else EXIT_SAME)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def main(argv: Optional[List[str]] = None) -> None:
    """Console entry point: every failure is one line on stderr and exit status 2."""
    try:
        code = app(args=argv, prog_name="docdiff", standalone_mode=False)
    except DocdiffError as exc:
        _fail(str(exc))
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else "", err=False)
        sys.exit(EXIT_TROUBLE)
    except click.UsageError as exc:
        hint = f" (see 'docdiff {exc.ctx.info_name} --help')" if exc.ctx and exc.ctx.info_name != "docdiff" else " (see 'docdiff --help')"
        _fail(exc.format_message() + hint)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _fail("aborted")
    except BrokenPipeError:
        sys.exit(EXIT_TROUBLE)
    sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str) -> None:
    sys.stderr.write(f"docdiff: {message}\n")
    sys.exit(EXIT_TROUBLE)
