"""What every report shows, decided once for all formats.

The terminal, Markdown and HTML renderers differ only in how they draw; which
rows the summary has, how a section is labelled, which unchanged paragraphs
fold into one line and how a split paragraph falls into its parts is decided
here, by pure functions over the ``Comparison``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Literal

from .. import inline
from ..model import (
    KIND_LABELS as KIND_LABELS,
    Comparison,
    EditionInfo,
    MetadataChange,
    ParagraphChange,
    SectionChange,
    paragraph_label,
)
from ..record import Record, record, replace

_set = object.__setattr__  # how a frozen record's __init__ sets its fields

Diff = tuple[tuple[str, str], ...]

#: The paragraph statuses counted in the summary, in column order.
COUNTED = ("changed", "added", "removed", "moved", "split", "merged")
#: The narrowest terminal report (``docdiff OLD NEW``, ``--summary``): the masthead's
#: labels take 33 cells ("    organisations on the agenda  "), leaving 27 for a value
#: (a symbol pair "A/65/382–S/2010/490 →" is 21); the summary table's six count
#: columns take 30, leaving 30 for a section's name, wide enough for its words.
#: Narrower, values and names would break inside words: the CLI refuses.
MIN_WIDTH = 60


@record(frozen=True)
class ReportOptions(Record):
    """What the reader asked to see."""

    __slots__ = ("show_unchanged", "summary_only", "selected", "author", "date")

    show_unchanged: bool  # --all: every paragraph, and every section unfolded
    summary_only: bool  # --summary: the header and the table only
    selected: tuple[str, ...]  # --org: the names asked for, shown in the header
    author: str  # --author: the name on the tracked changes of a Word report
    date: str | None  # their time, ISO 8601 (None: now)

    def __init__(
        self, show_unchanged: bool = False, summary_only: bool = False, selected: tuple[str, ...] = (),
        author: str = "docdiff", date: str | None = None
    ) -> None:
        _set(self, "show_unchanged", show_unchanged)
        _set(self, "summary_only", summary_only)
        _set(self, "selected", selected)
        _set(self, "author", author)
        _set(self, "date", date)


DEFAULT_OPTIONS = ReportOptions()


# --------------------------------------------------------------------------- labels


#: How a section without a printed title is named: by its kind.


def heading(number: str | None, title: str | None) -> str:
    """A heading as printed ('' for a section that prints none)."""
    title = title or ""
    return f"{number}. {title}" if number else title


def old_label(section: SectionChange) -> str:
    return heading(section.old_number, section.old_title)


def new_label(section: SectionChange) -> str:
    return heading(section.new_number, section.new_title)


def kind_label(section: SectionChange) -> str:
    """A section without a printed heading named by its kind: 'Footnotes', 'Operative part'."""
    return KIND_LABELS.get(section.kind, section.kind)


def section_label(section: SectionChange) -> str:
    """'非洲联盟', 'A. 和平与安全'; a renamed section as 'old → new'."""
    if section.status == "renamed":
        return f"{old_label(section) or kind_label(section)} → {new_label(section) or kind_label(section)}"
    label = new_label(section) if section.new_title is not None else old_label(section)
    return label or kind_label(section)


def section_facts(section: SectionChange) -> str:
    """'2 changed · 1 moved out · 12 unchanged'; 'all 12 paragraphs unchanged'."""
    counts = section.counts()
    if not section.departures and counts and all(counts[s] == 0 for s in COUNTED) and counts.get("unchanged"):
        return f"all {plural(counts['unchanged'], 'paragraph')} unchanged"
    words = [f"{counts[s]} {s}" for s in COUNTED if counts.get(s)]
    if section.departures:
        words.append(f"{len(section.departures)} moved out")
    if counts.get("unchanged"):
        words.append(f"{counts['unchanged']} unchanged")
    return " · ".join(words) if words else "no paragraphs"


def table_counts(section: SectionChange) -> dict[str, int]:
    """A section's counts as the summary table shows them: a paragraph that moved
    away counts as moved in the section it left as well as in the one it entered."""
    counts = section.counts()
    counts["moved"] = counts.get("moved", 0) + len(section.departures)
    return counts


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def section_parent(section: SectionChange) -> tuple[str, ...]:
    """The headings of the parts above a section, numbered as printed (empty at
    the top)."""
    return section.parents or section.path[:-1]


def within(section: SectionChange) -> str:
    """'in 三. 联合国、各国议会…' for a subsection, 'in Annex' for a section of an
    annex ('' for any other section)."""
    parents = section_parent(section)
    return f"in {' › '.join(parents)}" if (section.kind == "subsection" or section.annex) and parents else ""


def section_anchor(index: int) -> str:
    return f"section-{index + 1}"


def status_note(section: SectionChange) -> str:
    """A word for what happened to the section itself ('' for plain changes)."""
    note = {"added": "new section", "removed": "section removed", "renamed": "renamed"}.get(section.status, "")
    if section.moved:
        note = f"{note}, moved" if note else "section moved"
    return note


def counts_phrase(counts: dict[str, int], with_unchanged: bool = True) -> str:
    """'2 changed · 1 added · 12 unchanged' (zero counts left out)."""
    words = [f"{counts[s]} {s}" for s in COUNTED if counts.get(s)]
    if with_unchanged and counts.get("unchanged"):
        words.append(f"{counts['unchanged']} unchanged")
    return " · ".join(words) if words else "no paragraphs"


def side_labels(change: ParagraphChange, side: str, kind: str = "section") -> list[str]:
    """The labels of an entry's paragraphs on one side ("old" or "new"); ``kind``
    is the kind of the section the entry stands under."""
    if side == "old":
        numbers, places = change.old, change.old_place
        kind = change.from_kind or kind
    else:
        numbers, places = change.new, change.new_place
    return [paragraph_label(n, places[k] if k < len(places) else None, kind) for k, n in enumerate(numbers)]


def number_span(numbers: Sequence[int | None], labels: Sequence[str] = ()) -> str:
    """¶5, ¶5–7 (consecutive), ¶5, ¶9; '' when there are none.  ``labels``
    names unnumbered paragraphs (see ``side_labels``)."""
    if not numbers:
        return ""
    if all(n is not None for n in numbers):
        ints = [n for n in numbers if n is not None]
        if len(ints) > 1 and ints == list(range(ints[0], ints[0] + len(ints))):
            return f"¶{ints[0]}–{ints[-1]}"
        return ", ".join(f"¶{n}" for n in ints)
    return ", ".join(labels) if labels else ", ".join(paragraph_label(n) for n in numbers)


def side_span(change: ParagraphChange, side: str, kind: str = "section") -> str:
    numbers = change.old if side == "old" else change.new
    return number_span(numbers, side_labels(change, side, kind))


def change_numbers(change: ParagraphChange, kind: str = "section") -> str:
    """The heading of an entry: '¶31 → ¶30'; 'new ¶36' (added) and 'old ¶29'
    (removed) say which edition the number belongs to."""
    old, new = side_span(change, "old", kind), side_span(change, "new", kind)
    if change.status == "added" or not old:
        return f"new {new}" if new else "¶?"
    if change.status == "removed" or not new:
        return f"old {old}"
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


def edition_facts(info: EditionInfo, parts: Sequence[str] = ()) -> list[str]:
    """'A/RES/80/18 · 2025-12-03 · English · 24 paragraphs': the body's paragraphs
    (``EditionInfo.paragraphs``), then ``parts``, what else the comparison counts
    (``compared_parts``)."""
    meta = info.metadata
    facts = [x for x in (meta.symbol, meta.date, meta.language) if x]
    facts.append(plural(info.paragraphs, "paragraph"))
    facts.extend(parts)
    if info.encoding:
        facts.append(info.encoding)
    return facts


#: The sections compared besides the body, each with how the header counts its
#: paragraphs (the noun) and how the totals line names it.
_APART = (("summary", "summary paragraph", "the summary"), ("footnotes", "note", "notes"),
          ("closing", "closing line", "closing lines"))


def compared_parts(comparison: Comparison, side: str) -> list[str]:
    """What one edition ('old' or 'new') has in the sections compared besides its
    body — '4 summary paragraphs', '7 notes', '2 closing lines' — so that the
    header names every paragraph the totals line counts."""
    out = []
    for kind, noun, _ in _APART:
        count = sum(len(getattr(c, side)) for section in comparison.sections if section.kind == kind
                    for c in section.paragraphs)
        if count:
            out.append(plural(count, noun))
    return out


def header_facts(comparison: Comparison, side: str) -> list[str]:
    """``edition_facts`` of one side of a comparison, with its ``compared_parts``."""
    return edition_facts(comparison.old if side == "old" else comparison.new, compared_parts(comparison, side))


def totals_label(comparison: Comparison) -> str:
    """What the totals line counts: 'Paragraphs', or 'Paragraphs (with the summary,
    notes and closing lines)' where the comparison counts those too (each entry
    once: a split or a merge is one entry)."""
    kinds = {section.kind for section in comparison.sections}
    named = [name for kind, _, name in _APART if kind in kinds]
    if not named:
        return "Paragraphs"
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"Paragraphs (with {listed})"


def edition_warnings(comparison: Comparison) -> list[str]:
    """What the parser noticed in either edition, each saying which: 'old: numbering jumps from 4 to 6'."""
    return [f"{name}: {warning}" for name, info in (("old", comparison.old), ("new", comparison.new))
            for warning in info.warnings]


#: How metadata fields are named in a report (a field not listed: its name with
#: spaces, "resolution_number" → "resolution number").
FIELD_LABELS = {
    "symbol": "symbol", "date": "date", "language": "language", "original_language": "original language",
    "session": "session", "title": "title", "agenda_items": "agenda items", "organisations": "organisations on the agenda",
    "masthead": "masthead lines", "contents": "contents lines",
}


@record(frozen=True)
class MetadataRow(Record):
    __slots__ = ("label", "old", "new", "is_list")

    label: str
    old: str  # for lists: the items only the old edition has
    new: str  # for lists: the items only the new edition has
    is_list: bool

    def __init__(self, label: str, old: str, new: str, is_list: bool) -> None:
        _set(self, "label", label)
        _set(self, "old", old)
        _set(self, "new", new)
        _set(self, "is_list", is_list)


def metadata_rows(comparison: Comparison) -> list[MetadataRow]:
    return [_metadata_row(change) for change in comparison.metadata_changes]


def _metadata_row(change: MetadataChange) -> MetadataRow:
    label = FIELD_LABELS.get(change.field) or change.field.replace("_", " ")
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
    """The title the editions print ('' when neither has one)."""
    old, new = comparison.old.metadata.title, comparison.new.metadata.title
    return new or old or ""


# --------------------------------------------------------------------------- summary rows


@record(frozen=True)
class SummaryRow(Record):
    """One row of the summary table.

    ``group``: the title of a part, above the sections it holds;
    ``section``: one section (``index`` is its place in ``comparison.sections``);
    ``folded``: a run of unchanged sections shown as one line.
    """

    __slots__ = ("kind", "label", "depth", "section", "index", "folded")

    kind: Literal["group", "section", "folded"]
    label: str
    depth: int
    section: SectionChange | None
    index: int
    folded: tuple[SectionChange, ...]

    def __init__(
        self, kind: Literal["group", "section", "folded"], label: str, depth: int = 0,
        section: SectionChange | None = None, index: int = -1, folded: tuple[SectionChange, ...] = ()
    ) -> None:
        _set(self, "kind", kind)
        _set(self, "label", label)
        _set(self, "depth", depth)
        _set(self, "section", section)
        _set(self, "index", index)
        _set(self, "folded", folded)


def summary_rows(comparison: Comparison, fold_unchanged: bool) -> list[SummaryRow]:
    """Sections in document order, each under the part that holds it; runs of two
    or more unchanged sections folded into one row when ``fold_unchanged``."""
    rows: list[SummaryRow] = []
    parent: tuple[str, ...] = ()
    run: list[tuple[int, SectionChange]] = []

    def flush() -> None:
        if len(run) >= 2 and fold_unchanged:
            rows.append(SummaryRow("folded", "; ".join(section_label(s) for _, s in run), len(parent),
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


@record(frozen=True)
class Folded(Record):
    """A run of unchanged paragraphs shown as one line."""

    __slots__ = ("changes", "kind")

    changes: tuple[ParagraphChange, ...]
    kind: str  # of the section they stand in

    def __init__(self, changes: tuple[ParagraphChange, ...], kind: str = "section") -> None:
        _set(self, "changes", changes)
        _set(self, "kind", kind)

    @property
    def count(self) -> int:
        return len(self.changes)

    def describe(self) -> str:
        old = [n for c in self.changes for n in c.old]
        new = [n for c in self.changes for n in c.new]
        if all(n is not None for n in old + new):
            span_old = compact_span([n for n in old if n is not None])
            span_new = compact_span([n for n in new if n is not None])
        else:
            span_old = _label_span([lab for c in self.changes for lab in side_labels(c, "old", self.kind)])
            span_new = _label_span([lab for c in self.changes for lab in side_labels(c, "new", self.kind)])
        where = span_old if span_old == span_new else f"{span_old} → {span_new}"
        return f"… {self.count} unchanged ({where})" if where else f"… {self.count} unchanged"


def _label_span(labels: Sequence[str]) -> str:
    """The first and last of several labels ('PP2–PP5'), or the one."""
    if not labels:
        return ""
    return labels[0] if len(labels) == 1 else f"{labels[0]}–{labels[-1]}"


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


@record(frozen=True)
class Departure(Record):
    """An old paragraph of a section that the comparison shows under another
    section (it moved there): a one-line pointer where it used to be."""

    __slots__ = ("change", "to_section", "kind", "to_index")

    change: ParagraphChange
    to_section: str
    kind: str  # of the section it left
    to_index: int | None  # the section it went to, in ``Comparison.sections``

    def __init__(
        self, change: ParagraphChange, to_section: str, kind: str = "section", to_index: int | None = None
    ) -> None:
        _set(self, "change", change)
        _set(self, "to_section", to_section)
        _set(self, "kind", kind)
        _set(self, "to_index", to_index)

    @property
    def position(self) -> int:
        return min(self.change.old_index) if self.change.old_index else -1

    def describe(self) -> str:
        where = number_span(self.change.new, side_labels(self.change, "new"))
        old = number_span(self.change.old, side_labels(self.change, "old", self.kind))
        return f"old {old} moved to {self.to_section}" + (f" (new {where})" if where else "")


def departures(comparison: Comparison) -> dict[int, list[Departure]]:
    """Section index → the paragraphs that left it for other sections, in old
    order (``SectionChange.departures``, each labelled with the section it went to)."""
    out: dict[int, list[Departure]] = {}
    for index, section in enumerate(comparison.sections):
        items = []
        for left in section.departures:
            target = left.to_index
            label = (section_label(comparison.sections[target])
                     if target is not None and 0 <= target < len(comparison.sections) else left.to_title)
            items.append(Departure(left.change, label, section.kind, target))
        if items:
            out[index] = items
    return out


Entry = ParagraphChange | Folded | Departure


def entries(section: SectionChange, show_unchanged: bool,
            left: Sequence[Departure] = ()) -> Iterator[Entry]:
    """The section's paragraph changes in order, with a pointer where a paragraph
    left for another section; runs of unchanged paragraphs folded unless asked for."""
    pending = sorted(left, key=lambda d: d.position)
    run: list[ParagraphChange] = []

    def merged() -> Iterator[ParagraphChange | Departure]:
        for change in section.paragraphs:
            if change.old_index and change.status in ("unchanged", "changed", "removed", "split", "merged"):
                while pending and pending[0].position < min(change.old_index):
                    yield pending.pop(0)
            yield change
        yield from pending

    for item in merged():
        if isinstance(item, ParagraphChange) and item.status == "unchanged" and not show_unchanged:
            run.append(item)
            continue
        if run:
            yield Folded(tuple(run), section.kind)
            run = []
        yield item
    if run:
        yield Folded(tuple(run), section.kind)


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


def redline(change: ParagraphChange, side: str = "+") -> Diff:
    """The (op, text) pairs to draw: ``exact_redline`` with what the comparison
    takes for the same text drawn unchanged, as ``side`` spells it ("+" the new
    edition, "-" the old; ``inline.drawn``)."""
    return inline.drawn(exact_redline(change), side)


def exact_redline(change: ParagraphChange) -> Diff:
    """The (op, text) pairs that spell both texts exactly (the comparison's
    diff, built from the texts where it is missing): for a format whose
    revisions must give back each edition, as Word's *reject all* does."""
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


@record(frozen=True)
class Piece(Record):
    """One paragraph's share of an entry: a split entry has one per new paragraph,
    a merged one per old paragraph, every other entry exactly one."""

    __slots__ = ("label", "diff")

    label: str  # '' when the entry has one piece
    diff: Diff

    def __init__(self, label: str, diff: Diff) -> None:
        _set(self, "label", label)
        _set(self, "diff", diff)


def pieces(change: ParagraphChange, kind: str = "section", side: str = "+") -> list[Piece]:
    """An entry's text in its paragraphs: a split has one piece per new
    paragraph, a merge one per old paragraph (``ParagraphChange.pieces``);
    drawn as ``redline`` draws it, spelled as ``side`` spells it."""
    diff = redline(change, side)
    if change.pieces and change.status == "split" and len(change.new) == len(change.pieces):
        labels, prefix = side_labels(change, "new", kind), "→ "
    elif change.pieces and change.status == "merged" and len(change.old) == len(change.pieces):
        labels, prefix = side_labels(change, "old", kind), "from "
    else:
        return [Piece("", _flatten_newlines(diff))]
    return [Piece(f"{prefix}{label}", _flatten_newlines(inline.drawn(_trim_edges(tuple(d)), side)))
            for label, d in zip(labels, change.pieces)]


def _trim_edges(diff: Diff) -> Diff:
    """Drop a deleted or inserted space at either end of a piece: it is the
    space between two sentences that became two paragraphs (or one)."""
    parts = list(diff)
    while parts and parts[0][0] != "=" and not parts[0][1].strip():
        parts.pop(0)
    while parts and parts[-1][0] != "=" and not parts[-1][1].strip():
        parts.pop()
    return tuple(parts)


def _flatten_newlines(diff: Diff) -> Diff:
    """Newlines left inside a piece (joined paragraphs) read as one space."""
    return tuple((op, text.replace("\n", " ")) for op, text in diff if text)


def side_text(diff: Diff, side: str) -> Diff:
    """The parts one side spells ('-' old, '+' new), for a side-by-side view."""
    return tuple((op, text) for op, text in diff if op in ("=", side))
