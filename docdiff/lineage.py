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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, TypeVar

from . import registry
from .compare import compare, paragraph_refs, sections_compared
from .errors import DocdiffError
from .model import (
    KIND_LABELS,
    PSEUDO_KINDS,
    TYPE_CHECKING,
    Comparison,
    Document,
    EditionInfo,
    ParagraphChange,
    Section,
    SectionChange,
    paragraph_label,
)
from .similarity import name_key, title_key

if TYPE_CHECKING:
    from .pool import Stream

T = TypeVar("T")

if TYPE_CHECKING:
    from .model import ParagraphStatus, SectionKind, SectionStatus

#: The format tag of ``History.to_dict()``.
FORMAT = "docdiff-history/2"

#: A section as one edition knows it: its path of titles, its number, and which
#: occurrence of that path and number it is (0 but where a title repeats).
SectionKey = tuple[tuple[str, ...], str | None, int]


# ----------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Lineage:
    """One paragraph followed across the editions."""

    paragraphs: tuple[int | None, ...]  # its number in each edition (None: absent, or unnumbered)
    statuses: tuple[ParagraphStatus | None, ...]  # edition i → i + 1
    #: Its reference in each edition (``Paragraph.index``; None where absent).
    indexes: tuple[int | None, ...] = ()
    #: How a report names it in each edition: '¶12', 'PP3' (None where absent).
    labels: tuple[str | None, ...] = field(default=(), compare=False)
    #: The pair comparison's entry behind each step (``None`` where absent from both).
    changes: tuple[ParagraphChange | None, ...] = field(default=(), compare=False, repr=False)
    #: Index into ``History.organisations`` of the row holding it in each edition.
    homes: tuple[int | None, ...] = field(default=(), compare=False, repr=False)
    #: "" for a paragraph of the body; "footnotes" or "closing" (compared apart).
    group: str = field(default="", compare=False, repr=False)

    @property
    def has_differences(self) -> bool:
        return any(s is not None and s != "unchanged" for s in self.statuses)

    def to_dict(self, diffs: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"paragraphs": list(self.paragraphs), "index": list(self.indexes),
                               "statuses": list(self.statuses)}
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
        old, new = self.indexes[step], self.indexes[step + 1]
        return (not change.old_index or change.old_index[0] == old) and (not change.new_index or change.new_index[0] == new)

    def present(self, edition: int) -> bool:
        return self.indexes[edition] is not None


@dataclass(frozen=True)
class Step:
    """What happened to one organisation between edition ``start`` and ``start + 1``."""

    start: int
    change: SectionChange
    #: Its paragraphs that moved on into another section (counted there as moved).
    moved_out: int = 0

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
        return {"from": self.start, "to": self.end, "status": self.status, "summary": self.summary,
                "moved_out": self.moved_out}


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
        """Its latest number ("A", "一"; None for an organisation)."""
        latest = max(i for i, t in enumerate(self.titles) if t is not None)
        return self.numbers[latest]

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
    #: The editions themselves, in order (for the short forms they define).
    documents: tuple[Document, ...] = field(default=(), compare=False, repr=False)
    #: What the reader should know about the inputs as a whole (``input_warnings``):
    #: editions not of the same text as the others, a file given twice, byte-identical editions.
    warnings: tuple[str, ...] = ()

    @property
    def has_differences(self) -> bool:
        """As for a pair: whether any consecutive two editions differ."""
        return any(c.has_differences for c in self.comparisons)

    def lineages(self) -> Iterator[Lineage]:
        for org in self.organisations:
            yield from org.lineages

    def lineages_of(self, organisation: OrganisationHistory) -> list[Lineage]:
        """The lineages that were in ``organisation`` in any edition, in the
        order they stood there (see ``_ordered``)."""
        row = self.index(organisation)
        return _ordered([lineage for lineage in self.lineages() if row in lineage.homes], len(self.editions),
                        where=partial(_at_home, row))

    def index(self, organisation: OrganisationHistory) -> int:
        """Its place in ``organisations`` (the ``homes`` of a lineage)."""
        return next(i for i, org in enumerate(self.organisations) if org is organisation)

    def find(self, name: str) -> list[OrganisationHistory]:
        """The organisations a reader means by ``name``, by the rule of
        ``docdiff --org`` (``select.resolve``): a title in any edition (a part's
        title picks every section in it), a short form an edition defines (东盟),
        a name the registry gives the organisation in any language (ASEAN);
        where none is meant so, the organisations with ``name`` in a title."""
        from .select import resolve

        return [self.organisations[i] for i in resolve(name, self._candidates)]

    @cached_property
    def _candidates(self) -> list[Any]:
        """What names each organisation (``select.Candidate``), in ``organisations`` order."""
        from .select import Candidate, kind_keys, organisation_ids

        forms = self._short_forms
        out = []
        for org in self.organisations:
            keys: set[str] = kind_keys(org.kind)
            ids: set[str] = set()
            titles: list[str] = []
            for title, number, path in zip(org.titles, org.numbers, org.paths):
                if title is None or path is None:
                    continue
                if number:
                    keys.add(name_key(f"{number} {title}"))
                titles.append(title)
                for t in (title, *path[:-1]):
                    keys.add(name_key(t))
                    keys.update(name_key(short) for short in forms.get(t, ()))
                    titles.extend(sorted(forms.get(t, ())))
                    ids |= organisation_ids(t)
            keys.discard("")
            titles = titles or [KIND_LABELS.get(org.kind, "")]
            out.append(Candidate(keys, ids, list(dict.fromkeys(titles))))
        return out

    @cached_property
    def _short_forms(self) -> dict[str, set[str]]:
        """title → the short forms the editions define for it: 东南亚国家联盟(东盟)."""
        from .select import short_forms

        forms: dict[str, set[str]] = {}
        for document in self.documents:
            for title, shorts in short_forms(document).items():
                forms.setdefault(title, set()).update(shorts)
        return forms

    def pick(self, names: Sequence[str]) -> list[OrganisationHistory]:
        """The organisations ``names`` mean (``find``), in report order; raises
        ``DocdiffError`` naming the organisations there are when a name means none."""
        from .select import no_match

        picked: set[int] = set()
        for name in names:
            found = self.find(name)
            if not found:
                titles = dict.fromkeys(org.title or KIND_LABELS.get(org.kind, "") for org in self.organisations)
                raise no_match(name, self._candidates, "organisation", list(titles))
            picked.update(self.index(org) for org in found)
        return [org for i, org in enumerate(self.organisations) if i in picked]

    def to_dict(self, diffs: bool = False) -> dict[str, Any]:
        """The ``docdiff-history/2`` JSON shape (``diffs``: each lineage's redlines too)."""
        return {
            "format": FORMAT,
            "warnings": list(self.warnings),
            "editions": [e.to_dict() for e in self.editions],
            "organisations": [o.to_dict(diffs) for o in self.organisations],
        }


# ----------------------------------------------------------------------------- entry points


def history(documents: Iterable[Document], keep_order: bool = False, jobs: int | None = 1) -> History:
    """The history of any number of editions (at least one), sorted by their
    masthead dates unless ``keep_order``.  ``jobs``: how many processes compare
    the consecutive pairs (None: every core); the result is the same for any."""
    editions = _in_order(list(documents), keep_order)
    return _history(editions, _compare_pairs(list(zip(editions, editions[1:])), jobs))


def _history(editions: list[Document], comparisons: Sequence[Comparison]) -> History:
    """The history of ``editions`` (in order) from the comparisons of their consecutive pairs."""
    comparisons = tuple(comparisons)
    sections = [_sections_of(d) for d in editions]
    rows = _rows(sections, comparisons)
    lineages = _lineages(editions, comparisons, rows)
    n = len(editions)
    by_row: list[list[Lineage]] = [[] for _ in rows]
    moved_out = [[0] * (n - 1) for _ in rows]
    for lineage in lineages:
        last = max(i for i in range(n) if lineage.indexes[i] is not None)
        by_row[lineage.homes[last]].append(lineage)  # type: ignore[index]
        for i, (a, b) in enumerate(zip(lineage.homes, lineage.homes[1:])):
            if a is not None and b is not None and a != b:
                moved_out[a][i] += 1
    # each row's in the order they stood in it (a paragraph is placed by its neighbours there)
    by_row = [_ordered(held, n, where=partial(_at_home, r)) for r, held in enumerate(by_row)]
    organisations = tuple(
        OrganisationHistory(
            titles=tuple(None if k is None else sections[i][k].title for i, k in enumerate(row.keys)),
            paths=tuple(None if k is None else k[0] for k in row.keys),
            numbers=tuple(None if k is None else k[1] for k in row.keys),
            paragraph_counts=tuple(None if k is None else sections[i][k].count for i, k in enumerate(row.keys)),
            steps=tuple(Step(i, change, moved_out[r][i]) for i, change in enumerate(row.changes) if change is not None),
            lineages=tuple(by_row[r]),
            kind=next(sections[i][k].kind for i, k in enumerate(row.keys) if k is not None),
        )
        for r, row in enumerate(rows)
    )
    return History(
        editions=tuple(EditionInfo(d.source, d.metadata, d.paragraph_count, encoding=d.encoding, warnings=d.warnings)
                       for d in editions),
        organisations=organisations,
        comparisons=comparisons,
        documents=tuple(editions),
        warnings=unrelated_warnings(editions),
    )


def _file_name(document: Document, place: int) -> str:
    return os.path.basename(document.source) if document.source else f"edition {place + 1}"


def _names(documents: Sequence[tuple[int, Document]]) -> str:
    names = [_file_name(d, i) for i, d in documents]
    return ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")


def unrelated_warnings(editions: Sequence[Document]) -> tuple[str, ...]:
    """A line for each group of editions that are not editions of the same text
    as the rest, by the rule ``docdiff batch`` pairs documents by
    (``batch.group_series``: same kind and language, and the same title through the
    registry or a citation of the other's resolution number).  A history follows a
    draft resolution into the resolution adopted from it, so here a draft is of the
    kind of what it drafts.  The largest group (the first given, of equal ones) is
    "the others"."""
    from dataclasses import replace

    from .batch import describe, group_series

    described = []
    for place, document in enumerate(editions):
        edition = describe(document, str(place), "")
        if edition.kind and edition.kind.startswith("draft "):
            edition = replace(edition, kind=edition.kind.removeprefix("draft "))
        described.append(edition)
    groups = [sorted(int(e.path) for e in group) for group in group_series(described)]
    if len(groups) < 2:
        return ()
    groups.sort(key=lambda g: (-len(g), g[0]))
    main = _names([(i, editions[i]) for i in groups[0]])
    lines = []
    for group in sorted(groups[1:]):
        names = _names([(i, editions[i]) for i in group])
        verb = "is not an edition" if len(group) == 1 else "are not editions"
        lines.append(f"{names} {verb} of the same text as the others ({main}), by docdiff batch's rule: the same "
                     "kind and language, and the same title or a citation of the other's resolution number")
    return tuple(lines)


def duplicate_warnings(paths: Sequence[str | os.PathLike[str]]) -> tuple[str, ...]:
    """A line for each input given again (the same file, by any name) and for each
    two files whose bytes are identical, in the order given."""
    import hashlib

    lines: list[str] = []
    seen_files: dict[tuple[int, int], int] = {}
    seen_bytes: dict[bytes, int] = {}
    for place, path in enumerate(paths):
        if os.fspath(path) == "-":
            continue
        try:
            status = os.stat(path)
            with open(path, "rb") as stream:
                digest = hashlib.sha256(stream.read()).digest()
        except OSError:
            continue  # loading it said why
        name = os.path.basename(os.fspath(path))
        first = seen_files.setdefault((status.st_dev, status.st_ino), place)
        earlier = os.path.basename(os.fspath(paths[first]))
        inputs = f"(inputs {first + 1} and {place + 1})"
        if first != place:
            lines.append(f"{name} is given twice {inputs}" if earlier == name
                         else f"{earlier} and {name} {inputs} are the same file")
            continue
        same = seen_bytes.setdefault(digest, place)
        if same != place:
            lines.append(f"{os.path.basename(os.fspath(paths[same]))} and {name} (inputs {same + 1} and "
                         f"{place + 1}) are byte-identical editions")
    return tuple(lines)


#: Estimated cost (``_pair_cost``) below which the pairs are compared in this
#: process: about 15 ms of comparing, where a forked worker, its start and its
#: results sent back, would save little (benchmarks/history_jobs.py).
PARALLEL_COST = 100_000


def _pair_cost(old: Document, new: Document) -> int:
    """What comparing the pair will cost, roughly: its characters, and four times
    the characters of the paragraphs without an identical one in the other
    edition (aligning those is most of the work: the seeds' pairs take 12 to
    26 ms as this ranges over 85,000 to 140,000)."""
    old_texts = {p.text for p in old.paragraphs()}
    new_texts = {p.text for p in new.paragraphs()}
    return sum(map(len, old_texts)) + sum(map(len, new_texts)) + 4 * sum(map(len, old_texts ^ new_texts))


def _compare_pairs(pairs: list[tuple[Document, Document]], jobs: int | None) -> list[Comparison]:
    """``compare`` over ``pairs``, in ``jobs`` processes (``pool.forked_map``:
    the workers get the editions by fork, take the costliest pairs first, and send
    back the comparisons with the editions' sections and paragraph texts as references)."""
    from .pool import forked_map

    if jobs == 1 or len(pairs) < 2:
        return [compare(a, b) for a, b in pairs]
    shared: list[object] = []
    for document in {id(d): d for pair in pairs for d in pair}.values():  # what a comparison holds of them: references
        shared.append(document.metadata)
        shared.extend(document.front.footnotes)
        shared.extend(document.front.closing)
        stack = list(document.sections)
        while stack:
            section = stack.pop()
            shared.append(section)
            shared.extend(p.text for p in section.paragraphs)
            stack.extend(section.sections)
    return forked_map(lambda i: compare(*pairs[i]), len(pairs), jobs, costs=[_pair_cost(a, b) for a, b in pairs],
                      shared=shared, minimum_cost=PARALLEL_COST)


#: Bytes of input below which the editions are read and parsed in this process
#: (``load_editions``): about 13 ms of parsing text (75 KB in 5 ms), where a
#: forked worker would save little.
PARALLEL_BYTES = 200_000


def load_editions(paths: Sequence[str | os.PathLike[str]], jobs: int | None = 1, **options: Any) -> list[Document]:
    """``[load(p, **options) for p in paths]``, read and parsed in ``jobs``
    processes (None: every core; ``pool.forked_map``, the largest files first),
    with the serial run's documents and, for a file that cannot be used, its
    error (the first in order).  Standard input (``"-"``) is read here, and then
    all of them are."""
    from . import load
    from .pool import forked_map

    if jobs == 1 or len(paths) < 2 or any(os.fspath(p) == "-" for p in paths):
        return [load(p, **options) for p in paths]
    return forked_map(lambda i: load(paths[i], **options), len(paths), jobs, costs=_sizes(paths),
                      minimum_cost=PARALLEL_BYTES)


def load_history(paths: Sequence[str | os.PathLike[str]], keep_order: bool = False,
                 jobs: int | None = 1, **options: Any) -> History:
    """Read, parse (each file once) and follow editions from files: what
    ``docdiff history`` does before rendering, and what the benchmark times.

    In ``jobs`` processes (None: every core), the files are cut into runs of
    consecutive ones of about equal cost (``_runs``), one run per process; each
    process parses its run and compares the pairs inside it, so that a worker
    compares editions it parsed itself, in its own memory (nothing shared with
    this process to copy on write), while this process does the same with the
    first run; this process compares the pairs that straddle two runs.  The
    pairs are those of the order given: where the masthead dates order the
    editions otherwise, the pairs that order needs and the workers did not compare
    are compared after (``_compare_pairs``).  The result is the serial run's; a
    file that cannot be used raises the error the serial run does (the first in
    order).  Under ``PARALLEL_BYTES`` of input, with fewer than three files or
    with standard input: ``history(load_editions(...))``."""
    from .pool import default_jobs, forked_streams

    jobs = default_jobs() if jobs is None else jobs
    sizes = _sizes(paths)
    n = len(paths)
    if jobs == 1 or n < 3 or sum(sizes) < PARALLEL_BYTES or any(os.fspath(p) == "-" for p in paths):
        return _warned(history(load_editions(paths, jobs, **options), keep_order=keep_order, jobs=jobs), paths)

    def loaded(i: int) -> tuple[bool, Any]:
        return _attempt(partial(_load, paths[i], **options))

    def run(start: int, end: int, boundaries: Sequence[int]) -> Stream:
        """A process's stream: its run's editions (key i), each parsed and sent
        as soon as it is (the first may be wanted at once, for a straddling pair),
        the pairs inside the run (key n + i: editions i and i + 1), then the
        straddling pairs whose first edition is at each of ``boundaries``."""

        def stream(wait: Callable[[int], Any]) -> Iterator[tuple[int, object]]:
            made: list[Document] = []
            for i in range(start, end):
                ok, document = result = loaded(i)
                yield i, result
                if not ok:
                    return
                if made:
                    yield n + i - 1, _attempt(partial(compare, made[-1], document))
                made.append(document)
            for i in boundaries:
                try:
                    (ok_a, a), (ok_b, b) = wait(i), wait(i + 1)
                except LookupError:  # its worker did not send it: compared below
                    continue
                if ok_a and ok_b:
                    yield n + i, _attempt(partial(compare, a, b))

        return stream

    runs = _runs(sizes, min(jobs, n - 1))
    done = forked_streams([run(*runs[0], [s - 1 for s, _ in runs[1:]]),
                           *(run(start, end, ()) for start, end in runs[1:])])
    documents = []
    for i in range(n):
        ok, value = done[i] if i in done else loaded(i)
        if not ok:
            raise value
        documents.append(value)
    editions = _in_order(documents, keep_order)
    index = {id(d): i for i, d in enumerate(documents)}
    pairs = [(index[id(a)], index[id(b)]) for a, b in zip(editions, editions[1:])]
    ready = {i: done[n + i] for i, j in pairs if j == i + 1 and n + i in done}
    rest = [(documents[i], documents[j]) for i, j in pairs if i not in ready or j != i + 1]
    later = iter(_compare_pairs(rest, jobs))
    comparisons = []
    for i, j in pairs:
        if i in ready and j == i + 1:
            ok, value = ready[i]
            if not ok:
                raise value
        else:
            value = next(later)
        comparisons.append(value)
    return _warned(_history(editions, comparisons), paths)


def _warned(result: History, paths: Sequence[str | os.PathLike[str]]) -> History:
    """``result`` with the warnings about the files themselves first (``duplicate_warnings``)."""
    from dataclasses import replace

    duplicates = duplicate_warnings(paths)
    return replace(result, warnings=duplicates + result.warnings) if duplicates else result


#: What comparing a pair costs per byte of its two files, against parsing a
#: byte of one (the Chinese seeds: 3.3 ms to parse one, 15 ms to compare two).
COMPARE_WEIGHT = 2.3


def _runs(sizes: Sequence[int], processes: int) -> list[tuple[int, int]]:
    """The editions cut into ``processes`` runs of consecutive ones, (start, end),
    each of at least one edition, of about equal cost: its parses and the pairs
    inside it, and for the first run the pairs that straddle two runs (its
    process compares them).  The last runs are cut first, from the end, each
    taking the next edition while that brings it closer to its share."""
    n = len(sizes)
    pair = [COMPARE_WEIGHT * (sizes[i] + sizes[i + 1]) for i in range(n - 1)]
    share = (sum(sizes) + sum(pair)) / processes
    runs: list[tuple[int, int]] = []
    end = n
    for left in range(processes - 1, 0, -1):  # `left` runs before this one, each of one edition at least
        start = end - 1
        cost = float(sizes[start])
        while start > left and cost + (sizes[start - 1] + pair[start - 1]) / 2 <= share:
            start -= 1
            cost += sizes[start] + pair[start]
        runs.append((start, end))
        end = start
    return [(0, end), *reversed(runs)]


def _sizes(paths: Sequence[str | os.PathLike[str]]) -> list[int]:
    """The size of each file (0 for one that cannot be read: ``load`` says why)."""
    sizes = []
    for path in paths:
        try:
            sizes.append(os.stat(path).st_size)
        except (OSError, ValueError):
            sizes.append(0)
    return sizes


def _load(path: str | os.PathLike[str], **options: Any) -> Document:
    from . import load

    return load(path, **options)


def _attempt(work: Callable[[], T]) -> tuple[bool, Any]:
    """(True, what ``work`` returns), or (False, the exception it raised)."""
    try:
        return True, work()
    except Exception as error:  # noqa: BLE001 - raised where the serial run raises it
        return False, error


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


def _keyed(document: Document) -> Iterator[tuple[SectionKey, Section]]:
    """The paragraph-holding sections of an edition (those ``compare`` reports),
    in order, each with its key."""
    seen: Counter[tuple[tuple[str, ...], str | None]] = Counter()
    for _, path, section in sections_compared(document):
        if section.paragraphs:
            where = (tuple(s.title for s in path), section.number)
            yield (*where, seen[where]), section
            seen[where] += 1


def _sections_of(document: Document) -> dict[SectionKey, _SectionInfo]:
    return {key: _SectionInfo(section.title, section.kind, len(section.paragraphs))
            for key, section in _keyed(document)}


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
    order = [{key: k for k, key in enumerate(edition)} for edition in sections]
    rows = [_Row([key] + [None] * (n - 1), [None] * (n - 1)) for key in sections[0]]
    here: dict[SectionKey, _Row] = {row.keys[0]: row for row in rows}  # type: ignore[misc]
    for i, comparison in enumerate(comparisons):
        there: dict[SectionKey, _Row] = {}
        old_seen: Counter[tuple[tuple[str, ...], str | None]] = Counter()
        new_seen: Counter[tuple[tuple[str, ...], str | None]] = Counter()
        for change in comparison.sections:
            if change.old_path is None:
                row = _returning(rows, i, change.new_title or "", sections)
                if row is None:
                    row = _Row([None] * n, [None] * (n - 1))
                    rows.append(row)
            else:
                where = (change.old_path, change.old_number)
                row = here[(change.old_path, change.old_number, old_seen[where])]
                old_seen[where] += 1
            row.changes[i] = change
            if change.new_path is not None:
                where = (change.new_path, change.new_number)
                new_key = (*where, new_seen[where])
                new_seen[where] += 1
                row.keys[i + 1] = new_key
                there[new_key] = row
        here = there
    # Reading order: the latest edition's, with the sections gone before it
    # after the one they followed in their last edition.
    position = {id(row): r for r, row in enumerate(rows)}
    per_edition = [[position[id(row)] for row in sorted((row for row in rows if row.keys[i] is not None),
                                                        key=lambda row: order[i][row.keys[i]])]  # type: ignore[index]
                   for i in range(n)]
    return [rows[r] for r in _merge_order(per_edition[::-1])]


def _returning(rows: list[_Row], i: int, title: str, sections: list[dict[SectionKey, _SectionInfo]]) -> _Row | None:
    """A row dropped before edition ``i`` that a section new in ``i + 1`` continues:
    the same title, or the same organisation by the registry."""
    key, org_id = title_key(title), registry.organisation_id(title)
    for row in rows:
        if row.keys[i] is not None or row.keys[i + 1] is not None:
            continue
        old = row.last_title(i, sections)
        if old is not None and (title_key(old) == key
                                or (org_id is not None and registry.organisation_id(old) == org_id)):
            return row
    return None


def _merge_order(sequences: Sequence[Sequence[int]],
                 steady: Callable[[int, int], bool] = lambda s, item: True) -> list[int]:
    """One order for items listed in several orders: the first list's, with an
    item first seen in a later list placed right after its predecessor there
    (or first, if it has none).  A predecessor placed already counts only where
    ``steady(s, item)`` (for list ``s``): one that moved since stands where a
    list before put it, not where list ``s`` had it, so it says nothing of where
    the items after it in list ``s`` stood; the nearest one before it that did
    not move does.  A linked list: linear in the items."""
    head: int | None = None
    after: dict[int, int | None] = {}
    for s, sequence in enumerate(sequences):
        previous: int | None = None
        for item in sequence:
            if item not in after:
                if previous is None:
                    after[item], head = head, item
                else:
                    after[item], after[previous] = after[previous], item
                previous = item
            elif steady(s, item):
                previous = item
    order: list[int] = []
    current = head
    while current is not None:
        order.append(current)
        current = after[current]
    return order


# ----------------------------------------------------------------------------- 3. lineages


@dataclass
class _Chain:
    group: str  # see ParagraphKey
    paragraphs: list[int | None]
    statuses: list[ParagraphStatus | None]
    changes: list[ParagraphChange | None]
    indexes: list[int | None]
    labels: list[str | None]


#: A paragraph of one edition: its group ("" for the body, "footnotes",
#: "closing") and its reference (``compare.paragraph_refs``).
ParagraphKey = tuple[str, int]


def _lineages(editions: list[Document], comparisons: Sequence[Comparison], rows: list[_Row]) -> list[Lineage]:
    n = len(editions)
    chains: list[_Chain] = []

    def chain(group: str) -> _Chain:
        c = _Chain(group, [None] * n, [None] * (n - 1), [None] * (n - 1), [None] * n, [None] * n)
        chains.append(c)
        return c

    here: dict[ParagraphKey, _Chain] = {}
    for group, ref, place, paragraph, holder in paragraph_refs(editions[0]):
        c = here[(group, ref)] = chain(group)
        c.paragraphs[0], c.indexes[0] = paragraph.number, ref
        c.labels[0] = paragraph_label(paragraph.number, place, holder.kind)
    for i, comparison in enumerate(comparisons):
        there: dict[ParagraphKey, _Chain] = {}
        for section in comparison.sections:
            group = section.kind if section.kind in PSEUDO_KINDS else ""
            for change in section.paragraphs:
                followed = [here[(group, ref)] for ref in change.old_index]
                first = followed[0] if followed else chain(group)  # else added
                for c in followed:  # the other old parts of a merge end here
                    c.statuses[i], c.changes[i] = change.status, change
                for k, ref in enumerate(change.new_index):
                    c = first if k == 0 else chain(group)  # the other new parts of a split begin here
                    c.paragraphs[i + 1], c.indexes[i + 1] = change.new[k], ref
                    c.labels[i + 1] = paragraph_label(change.new[k], _at(change.new_place, k), section.kind)
                    c.statuses[i], c.changes[i] = change.status, change
                    there[(group, ref)] = c
        here = there

    # Where each paragraph stood: its section's row.
    homes: list[dict[ParagraphKey, int]] = []
    row_of = [{row.keys[i]: r for r, row in enumerate(rows) if row.keys[i] is not None} for i in range(n)]
    for i, document in enumerate(editions):
        keys = [key for key, section in _keyed(document) for _ in section.paragraphs]
        homes.append({(group, ref): row_of[i][key]
                      for key, (group, ref, *_) in zip(keys, paragraph_refs(document))})
    return [Lineage(tuple(c.paragraphs), tuple(c.statuses), indexes=tuple(c.indexes), labels=tuple(c.labels),
                    changes=tuple(c.changes),
                    homes=tuple(None if r is None else homes[i][(c.group, r)] for i, r in enumerate(c.indexes)),
                    group=c.group)
            for c in chains]


#: Paragraphs in reading order: the body's, then the footnotes, then the closing lines.
_GROUP_ORDER = {"": 0, "footnotes": 1, "closing": 2}


def _at(values: tuple[int, ...], k: int) -> int | None:
    return values[k] if k < len(values) else None


def _at_home(row: int, lineage: Lineage, i: int) -> bool:
    return lineage.homes[i] == row


def _ordered(lineages: Iterable[Lineage], n: int,
             where: Callable[[Lineage, int], bool] = lambda lineage, i: True) -> list[Lineage]:
    """Lineages in reading order: as they stand in the latest edition, with those
    gone before it where they stood in their last edition: after the nearest
    paragraph before them there that has not moved since (one that moved stands
    at its later place, away from them).  Only the paragraphs ``where`` accepts
    count (those of one organisation, so that a paragraph that moved on is
    shown where it stood in that organisation)."""
    items = list(lineages)
    per_edition: list[list[int]] = []
    for i in range(n):
        present = sorted((_GROUP_ORDER.get(lineage.group, 0), lineage.indexes[i], k) for k, lineage in enumerate(items)
                         if lineage.indexes[i] is not None and where(lineage, i))
        per_edition.append([k for *_, k in present])

    def steady(s: int, k: int) -> bool:  # list s is edition n - 1 - s
        return "moved" not in items[k].statuses[n - 1 - s:]

    return [items[k] for k in _merge_order(per_edition[::-1], steady)]
