"""``render.plain`` draws the terminal report without colour without rich's
console (#14.1); the key is rich's own drawing of ``terminal.ComparisonReport``
on a console without colour, its lines unpadded as ``cli.console`` writes them.
The comparisons are the seeds' pairs, and the same pairs with one edition
broken by ``fuzzing.mutate`` (lines shuffled, deleted or duplicated, numbers
changed, control characters, tabs, combining marks and emoji inserted), drawn
at widths from 20 to 220 with every report option."""

from __future__ import annotations

import io
import random
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff.render.output import make_console
from docdiff.render.plain import report_text
from docdiff.render.terminal import ComparisonReport
from docdiff.render.view import ReportOptions

from .fuzzing import mutate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAIRS = (("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt"), ("sample_2012.zh.txt", "sample_2014.zh.txt"),
         ("sample_en_2010.txt", "sample_en_2012.txt"))
OPTIONS = (ReportOptions(), ReportOptions(show_unchanged=True), ReportOptions(summary_only=True),
           ReportOptions(selected=("African Union", "东盟")))


def drawn_by_rich(comparison: docdiff.Comparison, options: ReportOptions, width: int) -> str:
    console = make_console("never", width, io.StringIO())
    with console.capture() as capture:
        console.print(ComparisonReport(comparison, options))
    return "\n".join(line.rstrip(" ") for line in capture.get().split("\n"))


@cache
def comparison(pair: int, seed: int | None) -> docdiff.Comparison:
    old, new = ((SEEDS / name).read_text("utf-8") for name in PAIRS[pair])
    if seed is not None:
        new = mutate(random.Random(seed), new)
    return docdiff.compare(docdiff.parse(old), docdiff.parse(new))


@pytest.mark.parametrize("width", [40, 57, 80, 99, 100, 133, 200])
@pytest.mark.parametrize("pair", range(len(PAIRS)))
def test_the_seeds_pairs_are_drawn_as_rich_draws_them(pair, width):
    for options in OPTIONS:
        plain = report_text(comparison(pair, None), options, width)
        assert plain is not None  # from 40 columns every table fits: nothing is left to rich
        assert plain == drawn_by_rich(comparison(pair, None), options, width)


@settings(max_examples=100, deadline=None)
@given(pair=st.integers(0, len(PAIRS) - 1), seed=st.integers(0, 10_000), width=st.integers(20, 220),
       options=st.sampled_from(OPTIONS))
def test_broken_editions_are_drawn_as_rich_draws_them(pair, seed, width, options):
    c = comparison(pair, seed)
    plain = report_text(c, options, width)
    if plain is not None:  # None: a layout left to rich (a table too narrow for its counts)
        assert plain == drawn_by_rich(c, options, width)


def test_a_piped_report_loads_no_rich_console_and_is_what_rich_draws(tmp_path):
    """``docdiff OLD NEW`` to a pipe: drawn by render.plain (rich.console never
    imported), byte for byte what rich draws there (below ``view.MIN_WIDTH`` the
    CLI refuses: tests/test_narrow_report.py)."""
    script = ("import sys\nfrom docdiff.cli import main\n"
              "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
              "sys.stderr.write(f'CODE {code} CONSOLE {\"rich.console\" in sys.modules}')\n")
    old, new = (str(SEEDS / name) for name in PAIRS[0])
    loaded = docdiff.compare(docdiff.load(old), docdiff.load(new))  # with the files' names
    for options, console in (([], False), (["--color", "never", "-w", "120"], False)):
        run = subprocess.run([sys.executable, "-c", script, old, new, *options], capture_output=True, text=True,
                             timeout=120)
        assert f"CODE 1 CONSOLE {console}" in run.stderr, run.stderr
        width = int(options[options.index("-w") + 1]) if "-w" in options else 80
        assert run.stdout == drawn_by_rich(loaded, ReportOptions(), width)
