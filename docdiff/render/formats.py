"""Every report format, in one table: its name, what it is for, its media
type, whether it is bytes or text, and the functions that draw a pair of
editions and a history.  The CLI's ``--format`` choices and help come from
here; a new format is one module plus one line of ``FORMATS``.

Renderers are named as ``"module:function"`` inside ``docdiff.render`` and
imported only when their format is asked for (``--format json`` never loads
rich, ``--format csv`` never loads XlsxWriter).

* a pair renderer: ``f(comparison, options) -> str | bytes``;
* a history renderer: ``f(history, orgs, diffs, options) -> str | bytes``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .view import DEFAULT_OPTIONS, ReportOptions

if TYPE_CHECKING:
    from ..lineage import History, OrganisationHistory
    from ..model import Comparison


@dataclass(frozen=True)
class Format:
    name: str
    help: str  # a few words for --help
    media_type: str
    suffix: str  # the usual file name ending, with its dot
    binary: bool  # bytes (written to a file, never to a terminal) or text
    pair: str  # "module:function" of the pair renderer
    history: str | None = None  # "module:function" of the history renderer (None: not for history)
    terminal: bool = False  # drawn on a console (colour, width, pager) by the CLI
    needs: tuple[str, ...] = ()  # the distributions it imports beyond the core, for the message when one is missing

    def pair_renderer(self) -> Callable[..., str | bytes]:
        return _load(self.pair, self)

    def history_renderer(self) -> Callable[..., str | bytes]:
        if self.history is None:
            raise FormatError(f"--format {self.name} is for two editions only, not for a history")
        return _load(self.history, self)


class FormatError(ValueError):
    """A format that does not exist, does not fit, or lacks its library."""


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("rich", "the terminal report", "text/plain", ".txt", False, "terminal_text:comparison_text",
           "terminal_text:history_text", terminal=True),
    Format("json", "the docdiff/2 format (docdiff-history/2 for a history)", "application/json", ".json", False,
           "jsonfile:to_json", "jsonfile:history_json"),
    Format("markdown", "Markdown with <del>/<ins>", "text/markdown", ".md", False, "markdown:to_markdown",
           "history:history_markdown"),
    Format("html", "one self-contained page", "text/html", ".html", False, "html:to_html", "history:history_html"),
    Format("docx", "the new edition in Word, every change a tracked change",
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", True,
           "word:to_docx", None, needs=("python-docx", "lxml")),
    Format("csv", "one row per paragraph change, UTF-8 with a BOM", "text/csv", ".csv", False,
           "csvfile:to_csv", "csvfile:history_csv"),
    Format("xlsx", "an Excel workbook: summary, changes with a rich-text redline",
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", True,
           "xlsx:to_xlsx", "xlsx:history_xlsx", needs=("XlsxWriter",)),
)}


def get(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise FormatError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})") from None


def names(for_history: bool = False) -> list[str]:
    return [f.name for f in FORMATS.values() if not for_history or f.history is not None]


def help_text(for_history: bool = False) -> str:
    """'rich (the terminal report), json (…), …' for the CLI's --format help."""
    return "; ".join(f"{f.name} ({f.help})" for f in FORMATS.values() if not for_history or f.history is not None) + "."


def render(subject: Comparison | History, format: str, options: ReportOptions = DEFAULT_OPTIONS,
           orgs: Sequence[OrganisationHistory] = (), diffs: bool = False) -> str | bytes:
    """A comparison or a history in ``format``: text, or bytes for a binary format."""
    from ..model import Comparison

    spec = get(format)
    if isinstance(subject, Comparison):
        return spec.pair_renderer()(subject, options)
    return spec.history_renderer()(subject, orgs, diffs, options)


def _load(target: str, spec: Format) -> Callable[..., Any]:
    module, _, function = target.partition(":")
    try:
        loaded = importlib.import_module(f"{__package__}.{module}")
    except ImportError as exc:
        missing = (exc.name or "").split(".")[0]
        wanted = {name.lower().removeprefix("python-"): name for name in spec.needs}
        if missing.lower() in wanted:
            raise FormatError(f"--format {spec.name} needs the Python package {wanted[missing.lower()]} "
                              f"(pip install {wanted[missing.lower()]})") from None
        raise
    renderer: Callable[..., Any] = getattr(loaded, function)
    return renderer
