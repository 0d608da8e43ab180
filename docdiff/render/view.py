"""What every report shows, decided once for all formats.

The terminal, Markdown and HTML renderers differ only in how they draw; which
rows the summary has, how a section is labelled, which unchanged paragraphs
fold into one line and how a split paragraph falls into its parts is decided
here, by pure functions over the ``Comparison``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Literal, Sequence, Union

from ..model import Comparison, EditionInfo, MetadataChange, ParagraphChange, SectionChange

Diff = tuple[tuple[str, str], ...]

#: The paragraph statuses counted in the summary, in column order.
COUNTED = ("changed", "added", "removed", "moved", "split", "merged")


@dataclass(frozen=True)
class ReportOptions:
    """What the reader asked to see."""

    show_unchanged: bool = False  # --all: every paragraph, and every section unfolded
    summary_only: bool = False  # --summary: the header and the table only
    selected: tuple[str, ...] = ()  # --org: the names asked for, shown in the header
    author: str = "docdiff"  # --author: the name on the tracked changes of a Word report
    date: str | None = None  # their time, ISO 8601 (None: now)


DEFAULT_OPTIONS = ReportOptions()


# --------------------------------------------------------------------------- labels


def heading(number: str | None, title: str | None) -> str:
    title = title or ""
    return f"{number}. {title}" if number else title


def old_label(section: SectionChange) -> str:
    return heading(section.old_number, section.old_title)


def new_label(section: SectionChange) -> str:
    return heading(section.new_number, section.new_title)


def section_label(section: SectionChange) -> str:
    """'非洲联盟', 'A. 和平与安全'; a renamed section as 'old → new'."""
    if section.status == "renamed":
        return f"{old_label(section)} → {new_label(section)}"
    return new_label(section) if section.new_title is not None else old_label(section)


def section_parent(section: SectionChange) -> tuple[str, ...]:
    """The headings of the parts above a section, numbered as printed (empty at
    the top)."""
    return section.parents or section.path[:-1]


def within(section: SectionChange) -> str:
    """'in 三. 联合国、各国议会…' for a subsection ('' for any other section)."""
    parents = section_parent(section)
    return f"in {' › '.join(parents)}" if section.kind == "subsection" and parents else ""


def section_anchor(index: int) -> str:
    return f"section-{index + 1}"


def status_note(section: SectionChange) -> str:
    """A word for what happened to the section itself ('' for plain changes)."""
    return {"added": "new section", "removed": "section removed", "renamed": "renamed"}.get(section.status, "")


def counts_phrase(counts: dict[str, int], with_unchanged: bool = True) -> str:
    """'2 changed · 1 added · 12 unchanged' (zero counts left out)."""
    words = [f"{counts[s]} {s}" for s in COUNTED if counts.get(s)]
    if with_unchanged and counts.get("unchanged"):
        words.append(f"{counts['unchanged']} unchanged")
    return " · ".join(words) if words else "no paragraphs"


def number_span(numbers: Sequence[int]) -> str:
    """¶5, ¶5–7 (consecutive), ¶5, ¶9; '' when there are none."""
    if not numbers:
        return ""
    if len(numbers) > 1 and list(numbers) == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"¶{numbers[0]}–{numbers[-1]}"
    return ", ".join(f"¶{n}" for n in numbers)


def change_numbers(change: ParagraphChange) -> str:
    """The heading of an entry: '¶31 → ¶30', '¶36' (added), '¶29' (removed)."""
    old, new = number_span(change.old), number_span(change.new)
    if change.status == "added" or not old:
        return new or "¶?"
    if change.status == "removed" or not new:
        return old
    return f"{old} → {new}"


def change_note(change: ParagraphChange) -> str:
    """What happened, in words: 'changed', 'moved from 黑海经济合作组织', 'split in 2'."""
    status = change.status
    if status == "moved":
        note = f"moved from {change.from_section}" if change.from_section else "moved within the section"
        return note + ("" if _same_text(change) else ", changed")
    if status == "split":
        note = f"split in {len(change.new)}"
    elif status == "merged":
        note = f"merged from {len(change.old)}"
    else:
        note = status
    if change.from_section and status in ("split", "merged"):
        note += f", from {change.from_section}"
    if change.formatting_only:
        note += " (formatting only)"
    return note


def _same_text(change: ParagraphChange) -> bool:
    return change.old_text == change.new_text or change.formatting_only


# --------------------------------------------------------------------------- header


def edition_facts(info: EditionInfo) -> list[str]:
    meta = info.metadata
    facts = [x for x in (meta.symbol, meta.date, meta.language) if x]
    facts.append(f"{info.paragraphs} paragraphs")
    if info.encoding:
        facts.append(info.encoding)
    return facts


#: How metadata fields are named in a report.
FIELD_LABELS = {
    "symbol": "symbol", "date": "date", "language": "language", "original_language": "original language",
    "session": "session", "title": "title", "agenda_items": "agenda items", "organisations": "organisations on the agenda",
}


@dataclass(frozen=True)
class MetadataRow:
    label: str
    old: str  # for lists: the items only the old edition has
    new: str  # for lists: the items only the new edition has
    is_list: bool


def metadata_rows(comparison: Comparison) -> list[MetadataRow]:
    return [_metadata_row(change) for change in comparison.metadata_changes]


def _metadata_row(change: MetadataChange) -> MetadataRow:
    label = FIELD_LABELS.get(change.field, change.field)
    if isinstance(change.old, (list, tuple)) or isinstance(change.new, (list, tuple)):
        old_items = [str(x) for x in (change.old or ())]
        new_items = [str(x) for x in (change.new or ())]
        gone = [x for x in old_items if x not in new_items]
        came = [x for x in new_items if x not in old_items]
        if not gone and not came:
            return MetadataRow(label, "(same items, another order)", "", True)
        if change.field == "agenda_items":
            return MetadataRow(label, compact_items(gone), compact_items(came), True)
        return MetadataRow(label, ", ".join(gone), ", ".join(came), True)
    return MetadataRow(label, _value(change.old), _value(change.new), False)


_AGENDA_ITEM = re.compile(r"^(?P<number>\d+)\((?P<letter>[a-z])\)$")


def compact_items(items: Sequence[str]) -> str:
    """Agenda items as printed, runs shortened: 122(a), 122(b), 122(c) → 122(a)–(c)."""
    out: list[str] = []
    run: list[tuple[str, str]] = []  # (number, letter) of a run of consecutive letters

    def flush() -> None:
        if len(run) > 2:
            out.append(f"{run[0][0]}({run[0][1]})–({run[-1][1]})")
        else:
            out.extend(f"{n}({letter})" for n, letter in run)
        run.clear()

    for item in items:
        match = _AGENDA_ITEM.match(item)
        if match is None:
            flush()
            out.append(item)
            continue
        number, letter = match["number"], match["letter"]
        if run and not (number == run[-1][0] and ord(letter) == ord(run[-1][1]) + 1):
            flush()
        run.append((number, letter))
    flush()
    return ", ".join(out)


def _value(value: object) -> str:
    return "—" if value is None or value == "" else str(value)


def report_title(comparison: Comparison) -> str:
    old, new = comparison.old.metadata.title, comparison.new.metadata.title
    return new or old or "docdiff"


# --------------------------------------------------------------------------- summary rows


@dataclass(frozen=True)
class SummaryRow:
    """One row of the summary table.

    ``group``: the title of a part, above the sections it holds;
    ``section``: one section (``index`` is its place in ``comparison.sections``);
    ``folded``: a run of unchanged sections shown as one line.
    """

    kind: Literal["group", "section", "folded"]
    label: str
    depth: int = 0
    section: SectionChange | None = None
    index: int = -1
    folded: tuple[SectionChange, ...] = ()


def summary_rows(comparison: Comparison, fold_unchanged: bool) -> list[SummaryRow]:
    """Sections in document order, each under the part that holds it; runs of two
    or more unchanged sections folded into one row when ``fold_unchanged``."""
    rows: list[SummaryRow] = []
    parent: tuple[str, ...] = ()
    run: list[tuple[int, SectionChange]] = []

    def flush() -> None:
        if len(run) >= 2 and fold_unchanged:
            rows.append(SummaryRow("folded", ", ".join(section_label(s) for _, s in run), len(parent),
                                   folded=tuple(s for _, s in run)))
        else:
            rows.extend(SummaryRow("section", section_label(s), len(parent), s, i) for i, s in run)
        run.clear()

    for index, section in enumerate(comparison.sections):
        here = section_parent(section)
        if here != parent:
            flush()
            if here:
                rows.append(SummaryRow("group", here[-1], len(here) - 1))
            parent = here
        if not section.has_differences:
            run.append((index, section))
            continue
        flush()
        rows.append(SummaryRow("section", section_label(section), len(parent), section, index))
    flush()
    return _drop_lone_groups(rows)


def _drop_lone_groups(rows: list[SummaryRow]) -> list[SummaryRow]:
    """A part heading above a single row says nothing: drop it, and lift the row."""
    out: list[SummaryRow] = []
    for i, row in enumerate(rows):
        if row.kind != "group":
            out.append(row)
            continue
        below = 0
        for other in rows[i + 1:]:
            if other.depth <= row.depth:
                break
            below += len(other.folded) if other.kind == "folded" else 1
        if below >= 2:
            out.append(row)
            continue
        for k in range(i + 1, len(rows)):
            if rows[k].depth <= row.depth:
                break
            rows[k] = replace(rows[k], depth=rows[k].depth - 1)
    return out


# --------------------------------------------------------------------------- entries of a section


@dataclass(frozen=True)
class Folded:
    """A run of unchanged paragraphs shown as one line."""

    changes: tuple[ParagraphChange, ...]

    @property
    def count(self) -> int:
        return len(self.changes)

    def describe(self) -> str:
        old = [n for c in self.changes for n in c.old]
        new = [n for c in self.changes for n in c.new]
        span_old, span_new = compact_span(old), compact_span(new)
        where = span_old if span_old == span_new else f"{span_old} → {span_new}"
        return f"… {self.count} unchanged ({where})" if where else f"… {self.count} unchanged"


def compact_span(numbers: Sequence[int]) -> str:
    """¶3, ¶3–7, ¶42–43, 45: runs of consecutive numbers joined."""
    if not numbers:
        return ""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "¶" + ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs)


@dataclass(frozen=True)
class Departure:
    """An old paragraph of a section that the comparison shows under another
    section (it moved there): a one-line pointer where it used to be."""

    change: ParagraphChange
    to_section: str

    @property
    def number(self) -> int:
        return min(self.change.old) if self.change.old else 0

    def describe(self) -> str:
        where = number_span(self.change.new)
        return f"{number_span(self.change.old)} moved to {self.to_section}" + (f" ({where})" if where else "")


def departures(comparison: Comparison) -> dict[int, list[Departure]]:
    """Section index → the paragraphs that left it for other sections, by old number."""
    by_old_title: dict[str, int] = {}
    for index, section in enumerate(comparison.sections):
        if section.old_title is not None:
            by_old_title.setdefault(section.old_title, index)
    out: dict[int, list[Departure]] = {}
    for section in comparison.sections:
        for change in section.paragraphs:
            if change.from_section is None or change.from_section not in by_old_title:
                continue
            source = by_old_title[change.from_section]
            if comparison.sections[source] is section:
                continue
            out.setdefault(source, []).append(Departure(change, section_label(section)))
    for items in out.values():
        items.sort(key=lambda d: d.number)
    return out


Entry = Union[ParagraphChange, Folded, Departure]


def entries(section: SectionChange, show_unchanged: bool,
            left: Sequence[Departure] = ()) -> Iterator[Entry]:
    """The section's paragraph changes in order, with a pointer where a paragraph
    left for another section; runs of unchanged paragraphs folded unless asked for."""
    pending = list(left)
    run: list[ParagraphChange] = []

    def merged() -> Iterator[ParagraphChange | Departure]:
        for change in section.paragraphs:
            if change.old and change.status in ("unchanged", "changed", "removed", "split", "merged"):
                while pending and pending[0].number < min(change.old):
                    yield pending.pop(0)
            yield change
        yield from pending

    for item in merged():
        if isinstance(item, ParagraphChange) and item.status == "unchanged" and not show_unchanged:
            run.append(item)
            continue
        if run:
            yield Folded(tuple(run))
            run = []
        yield item
    if run:
        yield Folded(tuple(run))


def sections_to_show(comparison: Comparison, options: ReportOptions) -> Iterator[tuple[int, SectionChange]]:
    if options.summary_only:
        return
    for index, section in enumerate(comparison.sections):
        if section.has_differences or options.show_unchanged:
            yield index, section


# --------------------------------------------------------------------------- the redline


def tagged_redline(diff: Diff, escape: Callable[[str], str]) -> str:
    """A redline as markup with <del> and <ins> (HTML and Markdown both),
    each piece of text escaped by the format's own ``escape``."""
    out = []
    for op, part in diff:
        if not part:
            continue
        if op == "-":
            out.append(f"<del>{escape(part)}</del>")
        elif op == "+":
            out.append(f"<ins>{escape(part)}</ins>")
        else:
            out.append(escape(part))
    return "".join(out)


def redline(change: ParagraphChange) -> Diff:
    """The (op, text) pairs to draw; built from the texts where ``diff`` is missing."""
    if change.diff:
        return tuple((op, text) for op, text in change.diff)
    if change.old_text == change.new_text:
        return (("=", change.new_text),) if change.new_text else ()
    parts = []
    if change.old_text:
        parts.append(("-", change.old_text))
    if change.new_text:
        parts.append(("+", change.new_text))
    return tuple(parts)


@dataclass(frozen=True)
class Piece:
    """One paragraph's share of an entry: a split entry has one per new paragraph,
    a merged one per old paragraph, every other entry exactly one."""

    label: str  # '' when the entry has one piece
    diff: Diff


def pieces(change: ParagraphChange) -> list[Piece]:
    diff = redline(change)
    if change.status == "split" and len(change.new) > 1:
        side, numbers, prefix = "+", change.new, "→ "
    elif change.status == "merged" and len(change.old) > 1:
        side, numbers, prefix = "-", change.old, "from "
    else:
        return [Piece("", _flatten_newlines(diff))]
    cut = _cut(diff, side)
    if len(cut) != len(numbers):
        return [Piece("", _flatten_newlines(diff))]
    return [Piece(f"{prefix}¶{n}", _trim_edges(_flatten_newlines(d))) for n, d in zip(numbers, cut)]


def _trim_edges(diff: Diff) -> Diff:
    """Drop a deleted or inserted space at either end of a piece: it is the
    space between two sentences that became two paragraphs (or one)."""
    parts = list(diff)
    while parts and parts[0][0] != "=" and not parts[0][1].strip():
        parts.pop(0)
    while parts and parts[-1][0] != "=" and not parts[-1][1].strip():
        parts.pop()
    return tuple(parts)


def _cut(diff: Diff, side: str) -> list[Diff]:
    """Cut a diff at the newlines that separate paragraphs on one side ("+" new, "-" old)."""
    out: list[list[tuple[str, str]]] = [[]]
    for op, text in diff:
        if op not in ("=", side):
            out[-1].append((op, text))
            continue
        chunks = text.split("\n")
        for k, chunk in enumerate(chunks):
            if k:
                out.append([])
            if chunk:
                out[-1].append((op, chunk))
    return [tuple(d) for d in out]


def _flatten_newlines(diff: Diff) -> Diff:
    """Newlines left inside a piece (joined paragraphs) read as one space."""
    return tuple((op, text.replace("\n", " ")) for op, text in diff if text)


def side_text(diff: Diff, side: str) -> Diff:
    """The parts one side spells ('-' old, '+' new), for a side-by-side view."""
    return tuple((op, text) for op, text in diff if op in ("=", side))
