"""Renderers: they read a ``Comparison`` (or a ``Document``) and present it; they compute nothing.

* ``terminal``: rich renderables (``ComparisonReport``) for the terminal;
* ``markdown`` and ``html``: pure functions returning the report as text;
* ``view``: what every format shows (labels, summary rows, folding), decided once.

Modules are imported only when their format is asked for, so ``--format json``
never loads rich.
"""

from __future__ import annotations

import json

from ..model import Comparison
from .view import ReportOptions

#: The formats ``render_text`` writes (the terminal report is a renderable, see ``report``).
TEXT_FORMATS = ("json", "markdown", "html")


def render_text(comparison: Comparison, format: str, options: ReportOptions = ReportOptions()) -> str:
    """The report as text: ``json`` (the ``docdiff/1`` shape), ``markdown`` or ``html``."""
    if format == "json":
        return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=1) + "\n"
    if format == "markdown":
        from .markdown import to_markdown

        return to_markdown(comparison, options)
    if format == "html":
        from .html import to_html

        return to_html(comparison, options)
    raise ValueError(f"unknown format {format!r}")


def report(comparison: Comparison, options: ReportOptions = ReportOptions()):  # type: ignore[no-untyped-def]
    """The terminal report: a rich renderable."""
    from .terminal import ComparisonReport

    return ComparisonReport(comparison, options)


__all__ = ["ReportOptions", "TEXT_FORMATS", "render_text", "report"]
