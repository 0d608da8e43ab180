"""The history of many editions: what every format shows, decided once.

Pure functions over a ``History`` (``overview_rows``, ``step_cell``,
``lineage_rows``, ``edits``) give cells of text with a *tone* ("changed",
"added", …); the drawers (``history.py`` for rich, Markdown and HTML, the
CSV and XLSX writers) only map tones to styles, marks or classes.

* The overview: one row per organisation, one column per edition (its paragraph
  count) and, between two editions, what happened to the organisation:
  ``~2 +1 −1`` (paragraphs changed, added, removed, see ``SYMBOLS``), renamed,
  first appeared, dropped.
* An organisation's lineages: one row per paragraph followed across the
  editions (``¶31 → changed → ¶30 → unchanged → ¶29``), and on demand the
  redline of each edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..inline import drawn
from ..lineage import History, Lineage, OrganisationHistory, Step
from ..model import EditionInfo, ParagraphChange
from .view import KIND_LABELS

#: Paragraph statuses in a step cell of the overview, each with its mark.
SYMBOLS = (("changed", "~"), ("added", "+"), ("removed", "−"), ("moved", "↕"), ("split", "⋔"), ("merged", "⋈"))
LEGEND_ENTRIES = ("paragraphs: ~ changed", "+ added", "− removed", "↕ moved (in, out or within)", "⋔ split",
                  "⋈ merged")
LEGEND = " · ".join(LEGEND_ENTRIES)

Diff = tuple[tuple[str, str], ...]

# =============================================================================== what to show


@dataclass(frozen=True)
class Cell:
    text: str
    tone: str = ""  # "", "same", "changed", "added", "removed", "moved", "split", "merged", "renamed", "absent"


def edition_labels(editions: Sequence[EditionInfo]) -> list[str]:
    """A column heading per edition: its year, or its date where two share a
    year, or its symbol where two share a date (two resolutions adopted the same
    day), or (undated) its file name; where even that is shared (one edition given
    twice), that followed by its place in the order shown: ``2010 (2)``."""
    def name(e: EditionInfo) -> str:
        return e.file.replace("\\", "/").rsplit("/", 1)[-1] if e.file else "edition"

    dates = [e.metadata.date for e in editions]
    years = [d[:4] if d else None for d in dates]
    symbols = [e.metadata.symbol for e in editions]
    labels = [year if year and years.count(year) == 1
              else date if date and dates.count(date) == 1
              else symbol if symbol and symbols.count(symbol) == 1
              else year or name(e) for year, date, symbol, e in zip(years, dates, symbols, editions)]
    return [label if labels.count(label) == 1 else f"{label} ({i + 1})" for i, label in enumerate(labels)]


def edition_facts(edition: EditionInfo) -> str:
    meta = edition.metadata
    facts = [x for x in (meta.symbol, meta.date, edition.file) if x]
    facts.append(f"{edition.paragraphs} paragraphs")
    return " · ".join(facts)


def organisation_label(org: OrganisationHistory) -> str:
    """'非洲联盟', 'A. 和平与安全' (subsections and parts with their number)."""
    number, name = org.number, org.title or KIND_LABELS.get(org.kind, org.kind)  # an operative part: no title
    return f"{number}. {name}" if number and org.kind != "organisation" else name


def former_titles(org: OrganisationHistory, labels: Sequence[str]) -> str:
    """'伊斯兰会议组织 (2010)' for an organisation renamed since."""
    former: dict[str, list[str]] = {}
    for i, name in enumerate(org.titles):
        if name is not None and name != org.title:
            former.setdefault(name, []).append(labels[i])
    return "; ".join(f"{name} ({', '.join(when)})" for name, when in former.items())


def title_line(org: OrganisationHistory, labels: Sequence[str]) -> str:
    """'2010: 伊斯兰会议组织 · 2012: 伊斯兰合作组织 · 2014: absent'."""
    untitled = KIND_LABELS.get(org.kind, org.kind)
    return " · ".join(f"{label}: {'absent' if t is None else t or untitled}" for label, t in zip(labels, org.titles))


def step_cell(org: OrganisationHistory, step: Step | None) -> Cell:
    """What happened to an organisation between two editions."""
    if step is None:
        return Cell("")
    if step.status == "added":
        returning = any(t is not None for t in org.titles[: step.start])
        return Cell("reappeared" if returning else "first appeared", "added")
    if step.status == "removed":
        return Cell("dropped", "removed")
    counts = dict(step.summary)
    counts["moved"] += step.moved_out
    marks = " ".join(f"{mark}{counts[status]}" for status, mark in SYMBOLS if counts[status])
    if step.status == "renamed":
        return Cell(f"renamed {marks}".strip(), "renamed")
    if not marks:
        return Cell("unchanged" if step.status == "unchanged" else "changed", "same" if step.status == "unchanged" else "changed")
    return Cell(marks, "changed")


def count_cell(count: int | None) -> Cell:
    return Cell("—", "absent") if count is None else Cell(str(count))


def total_step_cell(history: History, start: int) -> Cell:
    summary = history.comparisons[start].summary
    marks = " ".join(f"{mark}{summary[status]}" for status, mark in SYMBOLS if summary[status])
    return Cell(marks or "unchanged", "changed" if marks else "same")


@dataclass(frozen=True)
class OverviewRow:
    """``group``: the title of the part above the rows that follow; ``organisation``: one row."""

    kind: str
    label: str
    cells: tuple[Cell, ...] = ()  # count, step, count, step, … count
    note: str = ""  # former titles


def _parents(org: OrganisationHistory) -> tuple[str, ...]:
    """The headings above a section, numbered as its latest edition prints them."""
    return next((s.change.parents for s in reversed(org.steps) if s.change.parents), org.path[:-1])


def overview_rows(history: History) -> list[OverviewRow]:
    labels = edition_labels(history.editions)
    rows: list[OverviewRow] = []
    group: tuple[str, ...] = ()
    n = len(history.editions)
    for org in history.organisations:
        parent = _parents(org)
        if parent != group:
            if parent:
                rows.append(OverviewRow("group", parent[-1]))
            group = parent
        cells: list[Cell] = []
        for i in range(n):
            if i:
                cells.append(step_cell(org, org.step(i - 1)))
            cells.append(count_cell(org.paragraph_counts[i]))
        rows.append(OverviewRow("organisation", organisation_label(org), tuple(cells), former_titles(org, labels)))
    return rows


def total_cells(history: History) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    for i, edition in enumerate(history.editions):
        if i:
            cells.append(total_step_cell(history, i - 1))
        cells.append(Cell(str(edition.paragraphs)))
    return tuple(cells)


# --------------------------------------------------------------------------- lineages


def lineage_step(history: History, org: OrganisationHistory, lineage: Lineage, start: int) -> Cell:
    """What happened to one paragraph between two editions, in a few words."""
    status = lineage.statuses[start]
    change = lineage.changes[start] if lineage.changes else None
    if status is None or change is None:
        return Cell("")
    old, new = lineage.paragraphs[start], lineage.paragraphs[start + 1]
    here = history.index(org)
    homes = lineage.homes
    if status == "split":
        if old is None:
            return Cell(f"split from ¶{change.old[0]}", "split")
        return Cell("split into " + "+".join(f"¶{n}" for n in change.new), "split")
    if status == "merged":
        if new is None:
            return Cell(f"merged into ¶{change.new[0]}", "merged")
        return Cell("merged with " + "+".join(f"¶{n}" for n in change.old if n != old), "merged")
    if status == "moved":
        a, b = homes[start], homes[start + 1]
        edited = "" if change.old_text == change.new_text or change.formatting_only else ", edited"
        if a != b and a == here and b is not None:
            return Cell(f"moved to {history.organisations[b].titles[start + 1]}{edited}", "moved")
        if a != b and a is not None:
            return Cell(f"moved from {history.organisations[a].titles[start]}{edited}", "moved")
        return Cell(f"moved{edited}", "moved")
    if status == "changed":
        return Cell("edited", "changed")
    if status == "unchanged":
        return Cell("unchanged", "same")
    return Cell(status, status)


def lineage_rows(history: History, org: OrganisationHistory) -> list[tuple[Cell, ...]]:
    """One row per lineage that was in ``org``: ¶number, step, ¶number, … ."""
    n = len(history.editions)
    here = history.index(org)
    rows = []
    for lineage in history.lineages_of(org):
        cells: list[Cell] = []
        for i in range(n):
            if i:
                cells.append(lineage_step(history, org, lineage, i - 1))
            number = lineage.paragraphs[i]
            index = lineage.indexes[i] if i < len(lineage.indexes) else None
            if number is None and index is None:  # not in that edition
                cells.append(Cell(""))
            else:  # an unnumbered paragraph by its reference, as the outline and `show` write it
                label = f"¶{number}" if number is not None else f"[{index}]"
                cells.append(Cell(label, "" if lineage.homes[i] == here else "absent"))
        rows.append(tuple(cells))
    return rows


@dataclass(frozen=True)
class Edit:
    """One edit to show as a redline: '¶31 (2010) → ¶30 (2012) · edited'."""

    label: str
    diff: Diff


def edits(history: History, org: OrganisationHistory) -> list[Edit]:
    """The edits of ``org``'s lineages, lineage by lineage, each entry once."""
    labels = edition_labels(history.editions)
    out: list[Edit] = []
    for lineage in history.lineages_of(org):
        for i, change in enumerate(lineage.changes):
            if (change is None or not lineage.leads(i) or change.old_text == change.new_text
                    or change.formatting_only or change.status == "unchanged"):
                continue
            out.append(Edit(f"{_side(change.old, labels[i])} → {_side(change.new, labels[i + 1])} · "
                            f"{lineage_step(history, org, lineage, i).text}", _diff(change)))
    return out


def _side(numbers: tuple[int | None, ...], label: str) -> str:
    return ("+".join(f"¶{n}" for n in numbers) if numbers else "—") + f" ({label})"


def _diff(change: ParagraphChange) -> Diff:
    if change.diff:
        return tuple((op, text.replace("\n", " / ")) for op, text in drawn(change.diff))
    parts = [("-", change.old_text)] if change.old_text else []
    return tuple(parts + ([("+", change.new_text)] if change.new_text else []))


def row_heading(history: History) -> str:
    """What the overview's rows are: organisations where any edition has one
    (a report), sections otherwise (a resolution's preamble, operative part …)."""
    return "organisation" if any(o.kind == "organisation" for o in history.organisations) else "section"


def title(history: History) -> str:
    meta = history.editions[-1].metadata
    return f"{meta.title or 'docdiff'}: {len(history.editions)} editions"
