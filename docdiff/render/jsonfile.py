"""The one JSON writer: every JSON docdiff prints goes through ``json_text``
(UTF-8 as written, not escaped; one space of indent; a final newline)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .view import DEFAULT_OPTIONS, ReportOptions

if TYPE_CHECKING:
    from ..lineage import History, OrganisationHistory
    from ..model import Comparison


def json_text(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def to_json(comparison: Comparison, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """The ``docdiff/1`` shape (options change nothing: JSON holds every paragraph)."""
    return json_text(comparison.to_dict())


def history_json(history: History, orgs: Sequence[OrganisationHistory] = (), diffs: bool = False,
                 options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """The ``docdiff-history/1`` shape; with ``orgs``, only theirs."""
    data = history.to_dict(diffs=diffs)
    if orgs:
        data["organisations"] = [o.to_dict(diffs) for o in orgs]
    return json_text(data)
