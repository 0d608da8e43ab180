"""Legends are broken only between their entries, and the history's rows are
named for what they are (organisations in a report, sections in a resolution)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, strategies as st
from rich.console import Console

import docdiff
from docdiff.lineage import history
from docdiff.render.history import Overview
from docdiff.render.wrap import Legend

from .conftest import SEEDS

REAL = Path(__file__).resolve().parent.parent / "seeds" / "real" / "me-nwfz"

words = st.text(st.sampled_from("abcdé联合国~+−↕"), min_size=1, max_size=8)
entries = st.lists(st.lists(words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8)


def _lines(renderable: object, width: int) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, legacy_windows=False).print(renderable)
    return out.getvalue().rstrip("\n").split("\n")


@given(entries, st.integers(10, 120))
def test_a_legend_breaks_only_between_entries(items: list[str], width: int) -> None:
    from rich.cells import cell_len

    lines = [line.rstrip() for line in _lines(Legend(items), width)]
    if all(cell_len(e) + 2 <= width for e in items):
        # every line is whole entries, parted by " · ", the separator ending a broken line
        assert " · ".join(line.removesuffix(" ·") for line in lines) == " · ".join(items)
        assert all(cell_len(line) <= width for line in lines)
        assert all(line.endswith(" ·") for line in lines[:-1])


def _editions() -> list[docdiff.Document]:
    return [docdiff.load(p) for p in sorted(REAL.glob("A_RES_*.txt"))]


def test_a_resolution_history_names_its_rows_sections_and_keeps_its_legend_entries_whole() -> None:
    h = history(_editions())
    for width in (50, 60, 80, 100):
        lines = _lines(Overview(h), width)
        assert any(line.split()[:1] == ["section"] for line in lines)
        legend = " ".join(lines[next(i for i, t in enumerate(lines) if t.startswith("paragraphs:")):])
        for entry in ("~ changed", "+ added", "− removed", "⋔ split", "⋈ merged"):
            assert entry in legend, (width, entry)
        # the title's last line is never a word alone
        assert len(lines[1].split()) > 1 or not lines[1].strip()


def test_a_report_history_names_its_rows_organisations() -> None:
    h = history([docdiff.load(SEEDS / name) for name in (
        "A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt", "sample_2014.zh.txt")])
    assert any(line.split()[:1] == ["organisation"] for line in _lines(Overview(h), 100))
