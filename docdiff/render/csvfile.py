"""The change register as CSV: UTF-8 with a byte-order mark (so that Excel
reads Chinese and Arabic right), RFC 4180 quoting and CRLF line ends, as the
csv module writes them.  One row per masthead change, then one per paragraph
change (``rows.COLUMNS``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ..lineage import History, OrganisationHistory
from ..model import Comparison
from . import rows
from .view import DEFAULT_OPTIONS, ReportOptions

BOM = "\ufeff"


def table_text(header: Sequence[str], body: Iterable[Sequence[object]]) -> str:
    """Any table as CSV text, the byte-order mark first (``batch`` writes its overview with it)."""
    stream = io.StringIO()
    writer = csv.writer(stream, dialect="excel", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(body)
    return BOM + stream.getvalue()


def to_csv(comparison: Comparison, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    pages = rows.knows_pages(comparison)  # (columns of the pages where an edition knows them: a PDF)
    return table_text(rows.columns(pages),
                      (r.cells(pages) for r in rows.register_rows(comparison, options.show_unchanged)))


def history_csv(history: History, orgs: Sequence[OrganisationHistory] = (), diffs: bool = False,
                options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """Every step's change rows, each labelled with its two editions ('2010 → 2012');
    with ``orgs``, only theirs (the redline is always there: ``diffs`` changes nothing)."""
    body = ((label, *r.cells()) for label, r in rows.history_rows(history, orgs, options.show_unchanged))
    return table_text(("editions", *rows.COLUMNS), body)
