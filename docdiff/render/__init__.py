"""Renderers: they read a ``Comparison`` (or a ``History``) and present it; they compute nothing.

``render(comparison_or_history, format)`` draws any format of ``formats.FORMATS``
(text, or bytes for ``docx`` and ``xlsx``):

* ``view`` and ``history_view``: what every format shows, decided once;
* ``rows``: the change register the CSV and XLSX writers draw;
* ``terminal`` (rich renderables), ``markdown``, ``html``, ``jsonfile``,
  ``csvfile``, ``xlsx``, ``word`` (docx with tracked changes): the drawers;
* ``plain``: the terminal report without colour, the characters rich would
  draw, without rich's console (what a pipe or a file gets from the CLI).

Modules are imported only when their format is asked for, so ``--format json``
never loads rich, and the terminal report to a pipe only its cell widths and
word wrap (``rich.cells``, ``rich._wrap``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Comparison
from .view import DEFAULT_OPTIONS, ReportOptions

if TYPE_CHECKING:  # imported when first asked for (``__getattr__``): the terminal report does without them
    from .formats import FORMATS, Format, FormatError, render


def __getattr__(name: str) -> object:
    if name in ("FORMATS", "Format", "FormatError", "render"):
        from . import formats

        return getattr(formats, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render_text(comparison: Comparison, format: str, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """The report in a text format (``json``, ``markdown``, ``html``, ``csv``, ``rich``)."""
    from .formats import FORMATS, render

    spec = FORMATS.get(format)
    if spec is None or spec.binary:
        raise ValueError(f"unknown text format {format!r}")
    out = render(comparison, format, options)
    assert isinstance(out, str)
    return out


def report(comparison: Comparison, options: ReportOptions = DEFAULT_OPTIONS) -> Any:
    """The terminal report: a rich renderable."""
    from .terminal import ComparisonReport

    return ComparisonReport(comparison, options)


__all__ = ["FORMATS", "Format", "FormatError", "ReportOptions", "render", "render_text", "report"]
