"""Many editions to a ``History``: each organisation's timeline, each paragraph's lineage.

A history is built from ``compare`` over consecutive pairs of editions and
nothing else: n editions cost n − 1 comparisons, and every judgement ("the same
paragraph", "the same organisation") is the pair comparison's.  The steps, each
a function below:

1. ``_in_order``: editions sorted by masthead date (or kept as given).
2. ``_rows``: the paragraph-holding sections of the editions (organisations, and
   also the introduction and the lettered subsections of part three) chained
   through the ``SectionChange`` of each pair, renames included.  A section that
   is dropped and later appears again under a name the registry or the title
   recognises continues its old row.
3. ``_lineages``: each paragraph chained through the ``ParagraphChange`` of each
   pair.

A lineage is the same paragraph in each edition: ``paragraphs[i]`` is its number
in edition ``i`` (``None`` where it is absent) and ``statuses[i]`` what happened
to it from edition ``i`` to ``i + 1`` (``None`` where it is absent from both).
Splits and merges (the convention of ``seeds/README.md``):

* a paragraph **split** into parts is followed into its *first* part, with the
  status ``split``; each other part starts a lineage of its own, whose status
  for that step is also ``split`` (born of a split, not ``added``);
* paragraphs **merged** into one: the *first* of them is followed into the
  merged paragraph, with the status ``merged``; each other one ends its lineage
  there, with the status ``merged`` (absorbed, not ``removed``).

So every paragraph of every edition is in exactly one lineage, and a lineage
ends only by ``removed`` or ``merged`` and starts (after the first edition) only
by ``added`` or ``split``.

Each lineage is listed under the organisation that holds its latest paragraph;
``History.lineages_of`` also finds the lineages that passed through an
organisation and moved on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from . import registry
from .compare import compare
from .model import (Comparison, Document, EditionInfo, ParagraphChange, ParagraphStatus, SectionChange,
                    SectionKind, SectionStatus, count_statuses)
from .parser import _heading_key
from .reader import DocdiffError

#: The format tag of ``History.to_dict()``.
FORMAT = "docdiff-history/1"

#: A section as one edition knows it: its path of titles and its number.
SectionKey = tuple[tuple[str, ...], "str | None"]


# ----------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Lineage:
    """One paragraph followed across the editions."""

    paragraphs: tuple[int | None, ...]  # its number in each edition
    statuses: tuple[ParagraphStatus | None, ...]  # edition i → i + 1
    #: The pair comparison's entry behind each step (``None`` where absent from both).
    changes: tuple[ParagraphChange | None, ...] = field(default=(), compare=False, repr=False)
    #: Index into ``History.organisations`` of the row holding it in each edition.
    homes: tuple[int | None, ...] = field(default=(), compare=False, repr=False)

    @property
    def has_differences(self) -> bool:
        return any(s is not None and s != "unchanged" for s in self.statuses)

    def to_dict(self, diffs: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"paragraphs": list(self.paragraphs), "statuses": list(self.statuses)}
        if diffs:
            out["diffs"] = [None if c is None or c.old_text == c.new_text or not self.leads(i)
                            else [[op, text] for op, text in c.diff]
                            for i, c in enumerate(self.changes)]
        return out

    def leads(self, step: int) -> bool:
        """Whether this lineage carries the entry of ``step`` (the other parts of
        a split or a merge share it, and show it only once, here)."""
        change = self.changes[step]
        if change is None:
            return False
        old, new = self.paragraphs[step], self.paragraphs[step + 1]
        return (not change.old or change.old[0] == old) and (not change.new or change.new[0] == new)


@dataclass(frozen=True)
class Step:
    """What happened to one organisation between edition ``start`` and ``start + 1``."""

    start: int
    change: SectionChange

    @property
    def end(self) -> int:
        return self.start + 1

    @property
    def status(self) -> SectionStatus:
        return self.change.status

    @property
    def summary(self) -> dict[str, int]:
        return self.change.counts()

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.start, "to": self.end, "status": self.status, "summary": self.summary}


@dataclass(frozen=True)
class OrganisationHistory:
    """One paragraph-holding section (an organisation, the introduction, a
    subsection) followed across the editions, through renames."""

    titles: tuple[str | None, ...]  # in each edition (None: absent)
    paths: tuple[tuple[str, ...] | None, ...]
    numbers: tuple[str | None, ...]  # "一", "A", … as printed in each edition
    paragraph_counts: tuple[int | None, ...]
    steps: tuple[Step, ...]  # only between editions where it is present on one side at least
    lineages: tuple[Lineage, ...]
    kind: SectionKind = "section"

    @property
    def title(self) -> str:
        """Its latest title."""
        return next(t for t in reversed(self.titles) if t is not None)

    @property
    def path(self) -> tuple[str, ...]:
        return next(p for p in reversed(self.paths) if p is not None)

    @property
    def number(self) -> str | None:
        return next((n for n, t in zip(reversed(self.numbers), reversed(self.titles)) if t is not None), None)

    def step(self, start: int) -> Step | None:
        return next((s for s in self.steps if s.start == start), None)

    @property
    def has_differences(self) -> bool:
        return any(s.change.has_differences for s in self.steps)

    def to_dict(self, diffs: bool = False) -> dict[str, Any]:
        return {
            "titles": list(self.titles),
            "paragraph_counts": list(self.paragraph_counts),
            "steps": [s.to_dict() for s in self.steps],
            "lineages": [lineage.to_dict(diffs) for lineage in self.lineages],
        }


@dataclass(frozen=True)
class History:
    """The result of ``history(documents)``."""

    editions: tuple[EditionInfo, ...]
    organisations: tuple[OrganisationHistory, ...]
    comparisons: tuple[Comparison, ...] = field(compare=False, repr=False)

    @property
    def has_differences(self) -> bool:
        """As for a pair: whether any consecutive two editions differ."""
        return any(c.has_differences for c in self.comparisons)

    def lineages(self) -> Iterator[Lineage]:
        for org in self.organisations:
            yield from org.lineages

    def lineages_of(self, organisation: OrganisationHistory) -> list[Lineage]:
        """The lineages that were in ``organisation`` in any edition, in the
        order they stood there."""
        row = self.organisations.index(organisation)
        return [lineage for lineage in _ordered(self.lineages(), len(self.editions))
                if row in lineage.homes]

    def find(self, name: str) -> list[OrganisationHistory]:
        """The organisations a user means by ``name``: by any of their titles, by
        a name or short form the registry knows, else by part of a title."""
        wanted_id = registry.organisation_id(name)
        key = registry.name_key(name)
        exact = [org for org in self.organisations
                 if any(t is not None and (registry.name_key(t) == key
                                           or (wanted_id is not None and registry.organisation_id(t) == wanted_id))
                        for t in org.titles)]
        if exact or not key:
            return exact
        return [org for org in self.organisations if any(t is not None and key in registry.name_key(t) for t in org.titles)]

    def to_dict(self, diffs: bool = False) -> dict[str, Any]:
        """The ``docdiff-history/1`` JSON shape (``diffs``: each lineage's redlines too)."""
        return {
            "format": FORMAT,
            "editions": [e.to_dict() for e in self.editions],
            "organisations": [o.to_dict(diffs) for o in self.organisations],
        }


# ----------------------------------------------------------------------------- entry points


def history(documents: Iterable[Document], keep_order: bool = False) -> History:
    """The history of any number of editions (at least one), sorted by their
    masthead dates unless ``keep_order``."""
    editions = _in_order(list(documents), keep_order)
    comparisons = tuple(compare(a, b) for a, b in zip(editions, editions[1:]))
    sections = [_sections_of(d) for d in editions]
    rows = _rows(sections, comparisons)
    lineages = _lineages(editions, comparisons, sections, rows)
    n = len(editions)
    by_row: list[list[Lineage]] = [[] for _ in rows]
    for lineage in _ordered(lineages, n):
        last = max(i for i in range(n) if lineage.paragraphs[i] is not None)
        row = lineage.homes[last]
        assert row is not None
        by_row[row].append(lineage)
    organisations = tuple(
        OrganisationHistory(
            titles=tuple(None if k is None else sections[i][k].title for i, k in enumerate(row.keys)),
            paths=tuple(None if k is None else k[0] for k in row.keys),
            numbers=tuple(None if k is None else k[1] for k in row.keys),
            paragraph_counts=tuple(None if k is None else sections[i][k].count for i, k in enumerate(row.keys)),
            steps=tuple(Step(i, change) for i, change in enumerate(row.changes) if change is not None),
            lineages=tuple(by_row[r]),
            kind=next(sections[i][k].kind for i, k in enumerate(row.keys) if k is not None),
        )
        for r, row in enumerate(rows)
    )
    return History(
        editions=tuple(EditionInfo(d.source, d.metadata, d.paragraph_count) for d in editions),
        organisations=_order_rows(organisations),
        comparisons=comparisons,
    )


def load_history(paths: Sequence[str | os.PathLike[str]], keep_order: bool = False) -> History:
    """Read, parse (each file once) and follow editions from files: what
    ``docdiff history`` does before rendering, and what the benchmark times."""
    from . import load

    return history([load(p) for p in paths], keep_order=keep_order)


# ----------------------------------------------------------------------------- 1. order


def _in_order(documents: list[Document], keep_order: bool) -> list[Document]:
    if not documents:
        raise ValueError("a history needs at least one edition")
    if keep_order:
        return documents
    for d in documents:
        if not d.metadata.date:
            raise DocdiffError("no masthead date to order the editions by (give them in order with --keep-order)",
                               d.source)
    return sorted(documents, key=lambda d: d.metadata.date or "")  # stable: equal dates keep their order


# ----------------------------------------------------------------------------- 2. organisations


@dataclass(frozen=True)
class _SectionInfo:
    title: str
    kind: SectionKind
    count: int


def _sections_of(document: Document) -> dict[SectionKey, _SectionInfo]:
    """The paragraph-holding sections of an edition (those ``compare`` reports), in order."""
    out: dict[SectionKey, _SectionInfo] = {}
    for path, section in document.walk():
        if section.paragraphs:
            key = (tuple(s.title for s in path), section.number)
            out.setdefault(key, _SectionInfo(section.title, section.kind, len(section.paragraphs)))
    return out


@dataclass
class _Row:
    keys: list[SectionKey | None]  # in each edition
    changes: list[SectionChange | None]  # edition i → i + 1

    def last_title(self, upto: int, sections: list[dict[SectionKey, _SectionInfo]]) -> str | None:
        for i in range(upto, -1, -1):
            key = self.keys[i]
            if key is not None:
                return sections[i][key].title
        return None


def _rows(sections: list[dict[SectionKey, _SectionInfo]], comparisons: Sequence[Comparison]) -> list[_Row]:
    n = len(sections)
    rows = [_Row([key] + [None] * (n - 1), [None] * (n - 1)) for key in sections[0]]
    here: dict[SectionKey, _Row] = {row.keys[0]: row for row in rows}  # type: ignore[misc]
    for i, comparison in enumerate(comparisons):
        there: dict[SectionKey, _Row] = {}
        for change in comparison.sections:
            new_key = None if change.new_path is None else (change.new_path, change.new_number)
            if change.old_path is None:
                row = _returning(rows, i, change.new_title or "", sections)
                if row is None:
                    row = _Row([None] * n, [None] * (n - 1))
                    rows.append(row)
            else:
                row = here[(change.old_path, change.old_number)]
            row.changes[i] = change
            if new_key is not None:
                row.keys[i + 1] = new_key
                there[new_key] = row
        here = there
    return rows


def _returning(rows: list[_Row], i: int, title: str, sections: list[dict[SectionKey, _SectionInfo]]) -> _Row | None:
    """A row dropped before edition ``i`` that a section new in ``i + 1`` continues:
    the same title, or the same organisation by the registry."""
    key, org_id = _heading_key(title), registry.organisation_id(title)
    for row in rows:
        if row.keys[i] is not None or row.keys[i + 1] is not None:
            continue
        old = row.last_title(i, sections)
        if old is not None and (_heading_key(old) == key
                                or (org_id is not None and registry.organisation_id(old) == org_id)):
            return row
    return None


def _order_rows(organisations: tuple[OrganisationHistory, ...]) -> tuple[OrganisationHistory, ...]:
    """In the order of the editions: the first edition's, with later sections
    placed after the one they follow in their edition."""
    n = len(organisations[0].titles) if organisations else 0
    per_edition = [[o for o in organisations if o.titles[i] is not None] for i in range(n)]
    # Sections are listed in document order already; ``_merge_order`` keeps it.
    ids = {id(o): o for o in organisations}
    order = _merge_order([[id(o) for o in edition] for edition in per_edition])
    return tuple(ids[i] for i in order)


def _merge_order(sequences: Sequence[Sequence[int]]) -> list[int]:
    """One order for items listed in several orders: the first list's, with an
    item first seen in a later list placed right after its predecessor there."""
    order: list[int] = []
    seen: set[int] = set()
    for sequence in sequences:
        previous: int | None = None
        for item in sequence:
            if item not in seen:
                order.insert(order.index(previous) + 1 if previous is not None else 0, item)
                seen.add(item)
            previous = item
    return order


# ----------------------------------------------------------------------------- 3. lineages


@dataclass
class _Chain:
    paragraphs: list[int | None]
    statuses: list[ParagraphStatus | None]
    changes: list[ParagraphChange | None]


def _lineages(editions: list[Document], comparisons: Sequence[Comparison],
              sections: list[dict[SectionKey, _SectionInfo]], rows: list[_Row]) -> list[Lineage]:
    n = len(editions)

    def chain(i: int, number: int | None = None) -> _Chain:
        c = _Chain([None] * n, [None] * (n - 1), [None] * (n - 1))
        c.paragraphs[i] = number
        chains.append(c)
        return c

    chains: list[_Chain] = []
    here = {p.number: chain(0, p.number) for p in editions[0].paragraphs()}
    for i, comparison in enumerate(comparisons):
        there: dict[int, _Chain] = {}
        for change in comparison.paragraph_changes():
            followed = [here[number] for number in change.old]
            if followed:
                first = followed[0]
            else:  # added
                first = chain(i + 1)
            for c in followed:  # the other old parts of a merge end here
                c.statuses[i], c.changes[i] = change.status, change
            for k, number in enumerate(change.new):
                c = first if k == 0 else chain(i + 1)  # the other new parts of a split begin here
                c.paragraphs[i + 1] = number
                c.statuses[i], c.changes[i] = change.status, change
                there[number] = c
        here = there

    # Where each paragraph stood: its section's row.
    homes: list[dict[int, int]] = []
    row_of = [{row.keys[i]: r for r, row in enumerate(rows) if row.keys[i] is not None} for i in range(n)]
    for i, document in enumerate(editions):
        where: dict[int, int] = {}
        for path, section in document.walk():
            key = (tuple(s.title for s in path), section.number)
            for p in section.paragraphs:
                where.setdefault(p.number, row_of[i][key])
        homes.append(where)
    return [Lineage(tuple(c.paragraphs), tuple(c.statuses), tuple(c.changes),
                    tuple(None if p is None else homes[i][p] for i, p in enumerate(c.paragraphs)))
            for c in chains]


def _ordered(lineages: Iterable[Lineage], n: int) -> list[Lineage]:
    """Lineages in reading order: as they stand in the first edition, with later
    ones after the paragraph before them in their edition."""
    items = list(lineages)
    per_edition: list[list[int]] = []
    for i in range(n):
        present = sorted((lineage.paragraphs[i], k) for k, lineage in enumerate(items)
                         if lineage.paragraphs[i] is not None)
        per_edition.append([k for _, k in present])
    return [items[k] for k in _merge_order(per_edition)]


def summary(history: History) -> dict[str, int]:
    """Paragraph statuses counted over every step of every lineage."""
    return count_statuses(c for c in (ch for lin in history.lineages() for i, ch in enumerate(lin.changes)
                                      if lin.leads(i)) if c is not None)
