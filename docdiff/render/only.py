"""``--only``: a comparison cut down to the paragraph changes of some statuses,
so that every format shows just those (and counts just those)."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import PARAGRAPH_STATUSES, Comparison
from ..record import replace


def parse_statuses(spec: Iterable[str]) -> tuple[str, ...]:
    """'added,removed' (repeatable, comma-separated) → ('added', 'removed');
    a ValueError naming the choices for a word that is not a status."""
    statuses: list[str] = []
    spec = list(spec)
    for item in spec:
        for word in item.split(","):
            word = word.strip().lower()
            if not word:
                continue
            if word not in PARAGRAPH_STATUSES:
                raise ValueError(f"{word!r} is not a paragraph status (choose from {', '.join(PARAGRAPH_STATUSES)})")
            if word not in statuses:
                statuses.append(word)
    if spec and not statuses:  # --only '' or --only ',': asked for a cut, named none
        raise ValueError(f"names no paragraph status (choose from {', '.join(PARAGRAPH_STATUSES)})")
    return tuple(statuses)


def only_statuses(comparison: Comparison, statuses: Iterable[str]) -> Comparison:
    """The sections that keep a paragraph change of one of ``statuses``, with
    only those changes; the masthead changes stay."""
    wanted = set(statuses)
    sections = []
    for section in comparison.sections:
        kept = tuple(p for p in section.paragraphs if p.status in wanted)
        if kept:
            sections.append(replace(section, paragraphs=kept))
    return replace(comparison, sections=tuple(sections))
