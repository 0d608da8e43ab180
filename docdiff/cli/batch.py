"""``docdiff batch OLD_DIR NEW_DIR``: every recurring document of two sessions paired and compared."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from .io import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    EXIT_TROUBLE,
    is_terminal,
    json_text,
    write_report,
)
from .options import Color, ColorChoice, Width

if TYPE_CHECKING:
    from ..batch import Batch, PairResult


class BatchFormat(str, Enum):
    rich = "rich"
    json = "json"
    html = "html"
    csv = "csv"
    xlsx = "xlsx"


#: The overview's file in ``-o DIR``, and the format of the pair reports beside it.
OVERVIEW_FILES = {"rich": ("batch.txt", "html"), "json": ("batch.json", "json"), "html": ("index.html", "html"),
                  "csv": ("batch.csv", "csv"), "xlsx": ("batch.xlsx", "xlsx")}
REPORTS_FOLDER = "pairs"


def batch_command(
    old_dir: Annotated[Optional[Path], typer.Argument(  # noqa: UP045
        metavar="OLD_DIR",
        help="The earlier session's editions (a folder); alone: one folder of many editions, grouped into "
             "series.")] = None,
    new_dir: Annotated[Optional[Path], typer.Argument(  # noqa: UP045
        metavar="NEW_DIR", help="The later session's editions (a folder).")] = None,
    manifest: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--manifest", "-m", metavar="FILE",
        help="Pairs to compare, one a line: OLD<TAB>NEW (paths relative to the file). With folders, its pairs "
             "override the pairing; alone, exactly its pairs are compared.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the pairs chosen and why, compare nothing.")] = False,
    jobs: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--jobs", "-j", min=1, metavar="N", help="Compare in N processes (default: one per core).")] = None,
    scheduler: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--scheduler", metavar="ADDRESS",
        help="Run the work on a Dask cluster instead (tcp://HOST:8786); needs pip install 'docdiff[dask]'.")] = None,
    cache: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--cache", metavar="DIR",
        help="Keep parsed documents and comparisons here (default: the user cache, $XDG_CACHE_HOME/docdiff).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write a cache.")] = False,
    format: Annotated[BatchFormat, typer.Option(
        "--format", "-f",
        help="rich (the terminal overview), json (docdiff-batch/1), html (links to each pair's report), csv or "
             "xlsx (one row per pair).")] = BatchFormat.rich,
    output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--output", "-o", metavar="DIR",
        help="Write the overview into DIR (index.html, batch.json, batch.csv, batch.xlsx or batch.txt) and each "
             "pair's full report beside it in DIR/pairs/ (HTML for rich and html).")] = None,
    color: Color = ColorChoice.auto,
    width: Width = None,
) -> None:
    """Pair every recurring document of two sessions and report what changed in each, most changed first.

    \b
    Documents pair by what they are, read from their text: the same kind
    (report, resolution, draft resolution, …) and language, then the new
    edition citing the old one's resolution number ("Recalling its resolution
    78/18"), the same title (organisation names followed through renames), a
    shared agenda item.  Unpaired documents are listed as new or discontinued.
    A document that cannot be read is reported in its row; the rest go on.

    \b
    Exit status: 0 nothing changed, 1 differences, 2 trouble (a document that
    failed, Ctrl-C: what is done is written first).

    \b
    Examples:
      docdiff batch session78/ session79/ --dry-run
      docdiff batch session78/ session79/ --format html -o overview/
      docdiff batch archive/ --format csv > changes.csv
      docdiff batch --manifest pairs.tsv --format json
      docdiff batch session78/ session79/ --scheduler tcp://10.0.0.5:8786
    """
    from .. import batch as batch_module

    if old_dir is None and manifest is None:
        raise typer.BadParameter("give OLD_DIR (and NEW_DIR), or --manifest FILE", param_hint="OLD_DIR")
    if format is BatchFormat.xlsx and output is None and not dry_run:
        raise typer.BadParameter("an XLSX workbook is written to a folder: add -o DIR", param_hint="--format")
    overview_name, report_format = OVERVIEW_FILES[format.value]
    inputs = _inputs(old_dir, new_dir)
    if output is not None:
        _check_output(output, inputs)
    cache_dir = None if no_cache else (cache if cache is not None else batch_module.default_cache_dir())
    written: dict[str, str] = {}

    def save_report(result: PairResult, texts: dict[str, str | bytes]) -> str | None:
        assert output is not None
        name = _report_name(result, report_format, written)
        _write(output / name, texts[report_format])
        return name

    with _progress() as progress:
        result = batch_module.run(
            old_dir, new_dir, manifest=manifest, jobs=jobs, scheduler=scheduler, cache=cache_dir,
            formats=(report_format,) if output is not None else (), progress=progress,
            reports=save_report if output is not None else None, dry_run=dry_run)
    if dry_run:
        _show_plan(result, format, color.value, width)
        raise typer.Exit(EXIT_SAME)
    overview = _overview(result, format, color.value, width, output is not None)
    if output is None:
        write_report(overview, None)
    else:
        _write(output / overview_name, overview)
    trouble = _trouble(result)
    if trouble:
        sys.stderr.write(f"docdiff: {trouble}\n")
        raise typer.Exit(EXIT_TROUBLE)
    if output is not None:
        sys.stderr.write(f"docdiff: wrote {output / overview_name}"
                         + (f" and {len(written)} pair reports in {output / REPORTS_FOLDER}" if written else "")
                         + "\n")
    raise typer.Exit(EXIT_DIFFERENT if result.has_differences else EXIT_SAME)


def _inputs(old_dir: Path | None, new_dir: Path | None) -> list[Path]:
    return [p for p in (old_dir, new_dir) if p is not None]


def _check_output(output: Path, inputs: list[Path]) -> None:
    """The output folder may not be, or lie inside, an input folder: its files
    would be read as editions next time, and an input might be overwritten."""
    from ..errors import DocdiffError

    target = output.resolve()
    for folder in inputs:
        source = folder.resolve()
        if target == source or source in target.parents:
            raise DocdiffError("the output folder is inside an input folder: choose another", output)
    if output.exists() and not output.is_dir():
        raise DocdiffError("not a folder: -o names the folder the overview and the pair reports go into", output)


def _report_name(result: PairResult, report_format: str, taken: dict[str, str]) -> str:
    """``pairs/<old file>__<new file>.<ext>``, unique within the run."""
    from ..render.formats import get

    stem = f"{Path(result.pair.old.path).stem}__{Path(result.pair.new.path).stem}"
    name = f"{REPORTS_FOLDER}/{stem}{get(report_format).suffix}"
    n = 1
    while name in taken and taken[name] != result.pair.new.path:
        n += 1
        name = f"{REPORTS_FOLDER}/{stem}-{n}{get(report_format).suffix}"
    taken[name] = result.pair.new.path
    return name


def _write(path: Path, content: str | bytes) -> None:
    """One file of ``-o DIR``, written whole or not at all (as every command's ``-o``)."""
    from ..errors import DocdiffError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DocdiffError(f"cannot make the folder: {exc.strerror or exc}", path.parent) from None
    write_report(content, path)


def _overview(result: Batch, format: BatchFormat, color: str, width: int | None, to_file: bool) -> str | bytes:
    from ..render import batch as render_batch

    if format is BatchFormat.json:
        return json_text(result.to_dict())
    if format is BatchFormat.html:
        return render_batch.batch_html(result)
    if format is BatchFormat.csv:
        return render_batch.batch_csv(result)
    if format is BatchFormat.xlsx:
        from ..render.formats import FormatError

        try:
            return render_batch.batch_xlsx(result)
        except ImportError:
            raise FormatError("--format xlsx needs the Python package XlsxWriter (pip install XlsxWriter)") from None
    return _console_text(render_batch.batch_renderable(result), color, width, to_file)


def _console_text(renderable: Any, color: str, width: int | None, to_file: bool) -> str:
    from ..render.output import make_console

    console = make_console("never" if to_file else color, width)  # type: ignore[arg-type]
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def _show_plan(result: Batch, format: BatchFormat, color: str, width: int | None) -> None:
    if format is BatchFormat.json:
        sys.stdout.write(json_text({"format": "docdiff-batch-plan/1", **result.plan.to_dict()}))
        return
    from ..render.batch import plan_renderable

    sys.stdout.write(_console_text(plan_renderable(result.plan), color, width, False))


def _trouble(result: Batch) -> str:
    parts = []
    if result.plan.unreadable:
        n = len(result.plan.unreadable)
        parts.append(f"{n} document{'s' if n > 1 else ''} could not be read")
    failed = sum(1 for r in result.results if r.status == "failed")
    if failed:
        parts.append(f"{failed} pair{'s' if failed > 1 else ''} failed")
    if result.interrupted:
        done = sum(1 for r in result.results if r.status != "not run")
        parts.append(f"interrupted: {done} of {len(result.results)} pairs done, written above")
    return "; ".join(parts) + (" (see their rows)" if result.plan.unreadable or failed else "")


class _progress:
    """A rich progress bar on a terminal's stderr; a line per pair otherwise."""

    def __enter__(self) -> Callable[[str, int, int, PairResult | None], None]:
        self.bar: Any = None
        if is_terminal(sys.stderr) and not os.environ.get("DOCDIFF_NO_PROGRESS"):
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self.bar.start()
            self.tasks: dict[str, Any] = {}
        return self.report

    def report(self, stage: str, done: int, total: int, result: PairResult | None) -> None:
        if self.bar is not None:
            if stage not in self.tasks:
                self.tasks[stage] = self.bar.add_task(stage, total=total)
            self.bar.update(self.tasks[stage], completed=done, total=total)
            return
        if result is None:
            return
        from ..render.batch import counts, percent

        what = (f"failed: {result.error}" if result.status == "failed" else
                f"{percent(result.score)} changed, {counts(result.summary)}")
        sys.stderr.write(f"docdiff: [{done}/{total}] {result.pair.old.name} → {result.pair.new.name}: {what}\n")
        sys.stderr.flush()

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
