"""The typer application: the program's help, ``--version``, the commands
registered (each declared in its own module), and ``run``, which maps typer's
and click's outcomes to exit codes and one-line errors.

``docdiff.cli.main`` is the entry point; it runs a plain ``docdiff OLD NEW
--format json`` itself and brings everything else here.  ``docdiff OLD NEW`` is
short for ``docdiff compare OLD NEW``.
"""

from __future__ import annotations

import os
import sys

import click
import typer
from typer.core import TyperGroup

from .. import __version__
from . import batch, compare, history, outline, show
from .io import EXIT_TROUBLE, fail


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
      docdiff OLD NEW [OPTIONS]   compare two editions (as docdiff compare does)
      docdiff outline FILE        show the section tree of one edition
      docdiff history FILE...     follow each organisation across many editions
      docdiff batch OLD/ NEW/     pair and compare the documents of two sessions
      docdiff show OLD NEW REF    one paragraph in both editions, with its redline

    \b
    The comparison report shows a header (both editions, masthead changes), a
    summary table (one row per section: counts of changed, added, removed,
    moved, split and merged paragraphs), then each section with changes as a
    redline: deleted text red and struck through, inserted text green, runs of
    unchanged paragraphs folded into one line.  Without colour, deleted text
    reads [-so-] and inserted text {+so+}.

    \b
    Options of the comparison (details: docdiff compare --help):
      --org NAME          only this organisation (repeatable): its title, a
                          short form the document defines (东盟, ASEAN) or a
                          registry name
      --summary           only the header and the summary table
      -a, --all           unchanged paragraphs and sections too
      -f, --format F      rich (default), json, markdown, html, docx (Word with
                          tracked changes), csv or xlsx (a change list)
      -o, --output FILE   write the report to FILE
      --only STATUS,...   only these changes (added, removed, moved, …)
      --side-by-side      old | new in two columns (120 columns or more)
      --color WHEN        auto (default; honours NO_COLOR), always or never
      -w, --width N       lay the terminal report out N columns wide
      --pager             show a long report through $PAGER on a terminal

    \b
    A file named like a command (outline, compare, history, show, batch) is
    taken for the command: write ./outline, or put -- before the files
    (docdiff -- outline b).

    \b
    Exit status, as diff(1): 0 no differences (spacing, punctuation width,
    hyphens inside words and footnote marks alone count as none), 1
    differences, 2 trouble (a file missing, unreadable, empty or binary, a bad
    option, an --org that matches nothing, a report that cannot be written),
    130 interrupted (Ctrl-C).

    \b
    Examples:
      docdiff seeds/A_65_382-S_2010_490.zh.txt seeds/sample_2012.zh.txt
      docdiff old.txt new.txt --org 东盟 --org "League of Arab States"
      docdiff old.txt new.txt --summary
      docdiff old.txt new.txt --format html -o report.html
      docdiff old.txt new.txt --format docx -o report.docx
      docdiff old.txt new.txt --format xlsx -o changes.xlsx
      docdiff old.txt new.txt --format json > changes.json
      docdiff outline seeds/A_65_382-S_2010_490.zh.txt --format json
    """,
)


def _version(value: bool) -> None:
    if value:
        print(f"docdiff {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    pass


app.command("outline")(outline.outline)
app.command("compare")(compare.compare)
app.command("history")(history.history_command)
app.command("batch")(batch.batch_command)
app.command("show")(show.show)


def run(args: list[str]) -> None:
    """Run the command line ``args`` through typer; every failure is one line on
    stderr and exit status 2.  The click command is invoked directly rather than
    through its ``main``, which answers Ctrl-C with a blank line and ``Abort``:
    here Ctrl-C reaches the entry point as it does on the fast path."""
    command = typer.main.get_command(app)
    try:
        with command.make_context("docdiff", list(args)) as ctx:
            code = command.invoke(ctx)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else "", err=False)
        sys.exit(EXIT_TROUBLE)
    except click.UsageError as exc:
        name = exc.ctx.info_name if exc.ctx else "docdiff"
        hint = f" (see 'docdiff {name} --help')" if name != "docdiff" else " (see 'docdiff --help')"
        fail(exc.format_message() + hint + _file_named_like_a_command(args))
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:  # a prompt's Ctrl-C or end of input (docdiff asks none)
        raise KeyboardInterrupt from None
    sys.exit(code if isinstance(code, int) else 0)


def _file_named_like_a_command(args: list[str]) -> str:
    """A hint when the first word names a command and also a file here: it was
    taken for the command."""
    if args and args[0] in app_commands() and os.path.exists(args[0]):
        return f"; to compare a file named '{args[0]}', write ./{args[0]} or put -- before the files"
    return ""


def app_commands() -> tuple[str, ...]:
    return tuple(command.name for command in app.registered_commands if command.name)
