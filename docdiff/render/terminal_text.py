"""The terminal report as plain text (no colour, the redline as ``[-…-]{+…+}``),
for the library's ``render(…, "rich")``; the CLI draws it on its console instead."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .view import DEFAULT_OPTIONS, ReportOptions

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..lineage import History, OrganisationHistory
    from ..model import Comparison

#: The width of the text, in columns.
WIDTH = 100


def plain_text(renderable: RenderableType, width: int = WIDTH) -> str:
    import io

    from .output import make_console

    stream = io.StringIO()
    make_console("never", width, stream).print(renderable)
    return stream.getvalue()


def comparison_text(comparison: Comparison, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    from .terminal import ComparisonReport

    return plain_text(ComparisonReport(comparison, options))


def history_text(history: History, orgs: Sequence[OrganisationHistory] = (), diffs: bool = False,
                 options: ReportOptions = DEFAULT_OPTIONS) -> str:
    from .history import history_renderable

    return plain_text(history_renderable(history, orgs, diffs))
