"""What docdiff knows about: an edition (a section tree) and a comparison of two.

Everything here is a frozen record (``record.Record``), which behaves as a
frozen dataclass.  The parser only produces ``Document``
objects, the comparer only produces ``Comparison`` objects, and the renderers
only read them: nothing in this module computes a diff or prints anything.
"""

from __future__ import annotations

import itertools

from .record import Record, record

_set = object.__setattr__  # how a frozen record's __init__ sets its fields

#: ``typing.TYPE_CHECKING`` without importing ``typing``: 4 ms of every run of
#: ``docdiff``, for names that only annotations use.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any, Literal

    SectionKind = Literal["part", "organisation", "subsection", "section", "summary", "preamble", "operative",
                          "annex", "footnotes", "closing"]
    DocumentKind = Literal["report", "resolution", "decision", "draft resolution", "draft decision", "document"]
    SectionStatus = Literal["unchanged", "changed", "renamed", "added", "removed"]
    ParagraphStatus = Literal["unchanged", "changed", "added", "removed", "moved", "split", "merged"]
    DiffOp = Literal["=", "-", "+"]

#: Order in which paragraph statuses are counted and shown.
PARAGRAPH_STATUSES: tuple[ParagraphStatus, ...] = (
    "unchanged", "changed", "added", "removed", "moved", "split", "merged",
)

#: Metadata fields compared between editions, in the order they are reported.
METADATA_FIELDS = ("kind", "symbol", "distribution", "date", "language", "original_language", "session",
                   "title", "label", "agenda_items", "organisations", "resolution_number", "adoption_date",
                   "committee", "sponsors", "meeting")


# --------------------------------------------------------------------------- edition


@record(frozen=True)
class Metadata(Record):
    """Facts printed on the masthead and in the agenda titles (and, for a
    resolution, in its adoption lines and closing lines)."""

    __slots__ = (
        "kind", "symbol", "distribution", "date", "language", "original_language", "session", "title", "label",
        "agenda_items", "organisations", "resolution_number", "adoption_date", "committee", "sponsors", "meeting",
    )

    kind: DocumentKind | None  # read from the text, never from the file name
    symbol: str | None
    distribution: str | None  # "General", "Limited"
    date: str | None  # ISO 8601 (yyyy-mm-dd)
    language: str | None  # English name: "Chinese", "English", …
    original_language: str | None
    session: str | None  # as printed: "第六十五届会议", "Sixty-fifth session"
    title: str | None
    #: The line under the title that says what the document is, as printed:
    #: "Report of the Secretary-General", 秘书长的报告, "Note by the Secretary-General".
    label: str | None
    agenda_items: tuple[str, ...]  # "122(a)", "122(b)", …
    organisations: tuple[str, ...]  # X of "Cooperation between the United Nations and X"
    resolution_number: str | None  # "78/18" (resolutions and decisions)
    adoption_date: str | None  # ISO 8601, from "Resolution adopted by the General Assembly on …"
    committee: str | None  # the bracketed line as printed, brackets included
    sponsors: tuple[str, ...]  # a draft's sponsors, "Egypt" of "Egypt: draft resolution"
    meeting: str | None  # the closing "52nd plenary meeting"

    def __init__(
        self, kind: DocumentKind | None = None, symbol: str | None = None, distribution: str | None = None,
        date: str | None = None, language: str | None = None, original_language: str | None = None,
        session: str | None = None, title: str | None = None, label: str | None = None,
        agenda_items: tuple[str, ...] = (), organisations: tuple[str, ...] = (),
        resolution_number: str | None = None, adoption_date: str | None = None, committee: str | None = None,
        sponsors: tuple[str, ...] = (), meeting: str | None = None
    ) -> None:
        _set(self, "kind", kind)
        _set(self, "symbol", symbol)
        _set(self, "distribution", distribution)
        _set(self, "date", date)
        _set(self, "language", language)
        _set(self, "original_language", original_language)
        _set(self, "session", session)
        _set(self, "title", title)
        _set(self, "label", label)
        _set(self, "agenda_items", agenda_items)
        _set(self, "organisations", organisations)
        _set(self, "resolution_number", resolution_number)
        _set(self, "adoption_date", adoption_date)
        _set(self, "committee", committee)
        _set(self, "sponsors", sponsors)
        _set(self, "meeting", meeting)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "symbol": self.symbol,
            "distribution": self.distribution,
            "date": self.date,
            "language": self.language,
            "original_language": self.original_language,
            "session": self.session,
            "title": self.title,
            "label": self.label,
            "agenda_items": list(self.agenda_items),
            "organisations": list(self.organisations),
            "resolution_number": self.resolution_number,
            "adoption_date": self.adoption_date,
            "committee": self.committee,
            "sponsors": list(self.sponsors),
            "meeting": self.meeting,
        }


@record(frozen=True)
class Paragraph(Record):
    """A paragraph of the body, page-break continuations joined.

    ``number`` is the number printed before it, or None where none is printed
    (a preambular paragraph, a summary paragraph, unnumbered text under a
    heading).  ``index`` is its 0-based position in reading order over the
    whole document: the reference that every paragraph has.  ``page`` is the
    1-based page it starts on, where the reader knows the pages (a PDF, a Word
    document with page breaks; ``Reading.pages``), else None."""

    __slots__ = ("number", "text", "line", "index", "page")
    _uncompared = ("line", "index", "page")

    number: int | None
    text: str
    # 1-based line of the source where it starts (0: unknown); provenance, not content
    line: int
    index: int
    page: int | None  # provenance too

    def __init__(self, number: int | None, text: str, line: int = 0, index: int = 0, page: int | None = None) -> None:
        _set(self, "number", number)
        _set(self, "text", text)
        _set(self, "line", line)
        _set(self, "index", index)
        _set(self, "page", page)

    @property
    def label(self) -> str:
        """How a reader names it: its printed number, or its place ("¶ index 3")."""
        return str(self.number) if self.number is not None else f"[{self.index}]"

    def to_dict(self) -> dict[str, Any]:
        if self.page is None:
            return {"index": self.index, "number": self.number, "text": self.text}
        return {"index": self.index, "number": self.number, "page": self.page, "text": self.text}


#: What a section of each kind is called where it prints no title of its own
#: (an operative part, the footnotes), in reports and by ``--org``.
KIND_LABELS = {"summary": "Summary", "preamble": "Preamble", "operative": "Operative part",
               "footnotes": "Footnotes", "closing": "Closing lines", "section": "Text"}


@record(frozen=True)
class Section(Record):
    """A part, an organisation, a lettered subsection, or (for text without
    structure) a plain section; a report's summary ("summary"), a resolution's
    preamble ("preamble", titled by its enacting formula "The General
    Assembly,") and operative part ("operative", untitled).  ``title`` never
    includes ``number``."""

    __slots__ = ("kind", "title", "number", "paragraphs", "sections")

    kind: SectionKind
    title: str
    number: str | None
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]

    def __init__(
        self, kind: SectionKind, title: str, number: str | None = None, paragraphs: tuple[Paragraph, ...] = (),
        sections: tuple[Section, ...] = ()
    ) -> None:
        _set(self, "kind", kind)
        _set(self, "title", title)
        _set(self, "number", number)
        _set(self, "paragraphs", paragraphs)
        _set(self, "sections", sections)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    def walk(self, path: tuple[Section, ...] = ()) -> Iterator[tuple[tuple[Section, ...], Section]]:
        """This section and every section below it, each with its path from the top."""
        here = (*path, self)
        yield here, self
        for child in self.sections:
            yield from child.walk(here)

    def all_paragraphs(self) -> Iterator[Paragraph]:
        yield from self.paragraphs
        for child in self.sections:
            yield from child.all_paragraphs()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "number": self.number,
            "title": self.title,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "sections": [s.to_dict() for s in self.sections],
        }


@record(frozen=True)
class ContentsEntry(Record):
    """One line of the table of contents (its title as printed, and page)."""

    __slots__ = ("title", "page")

    title: str
    page: int | None

    def __init__(self, title: str, page: int | None = None) -> None:
        _set(self, "title", title)
        _set(self, "page", page)


@record(frozen=True)
class FrontMatter(Record):
    """What stands around the body — the contents before it, the footnotes and
    the closing lines after it — kept apart so it never pollutes the sections.
    (A report's summary is a section of kind "summary"; an annex one of kind
    "annex", after the body's.)"""

    __slots__ = ("footnotes", "contents", "masthead", "summary", "closing")

    footnotes: tuple[str, ...]
    contents: tuple[ContentsEntry, ...]
    #: The lines above the body that are none of the above, as printed (the
    #: metadata is read from them): nothing of an edition is dropped but page
    #: furniture.  Compared through the metadata, and where the facts do not
    #: account for a change in these lines, as lines (``docdiff.masthead``).
    masthead: tuple[str, ...]
    #: Transitional: the summary's paragraphs, until they move to the
    #: ``Section(kind="summary")`` of the shared design (``parsing.front.SUMMARY_AS_SECTION``).
    summary: tuple[str, ...]
    closing: tuple[str, ...]  # "52nd plenary meeting", "7 December 2022"

    def __init__(
        self, footnotes: tuple[str, ...] = (), contents: tuple[ContentsEntry, ...] = (),
        masthead: tuple[str, ...] = (), summary: tuple[str, ...] = (), closing: tuple[str, ...] = ()
    ) -> None:
        _set(self, "footnotes", footnotes)
        _set(self, "contents", contents)
        _set(self, "masthead", masthead)
        _set(self, "summary", summary)
        _set(self, "closing", closing)

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": list(self.summary),
            "footnotes": list(self.footnotes),
            "contents": [{"title": c.title, "page": c.page} for c in self.contents],
            "closing": list(self.closing),
            "masthead": list(self.masthead),
        }


#: A document's metadata and front matter where none are given (frozen: one of each serves all).
_EMPTY_METADATA = Metadata()
_EMPTY_FRONTMATTER = FrontMatter()


@record(frozen=True)
class Document(Record):
    """One edition: metadata, front matter and the section tree of the body."""

    __slots__ = ("metadata", "sections", "front", "source", "warnings", "encoding")

    metadata: Metadata
    sections: tuple[Section, ...]
    front: FrontMatter
    source: str | None  # file name, where it was loaded from a file
    warnings: tuple[str, ...]
    # the text encoding, where a file was read in one other than UTF-8, with how it was
    # known: "cp1252 (detected, weak evidence)" (None: UTF-8, Word, PDF, or parsed from a str)
    encoding: str | None

    def __init__(
        self, metadata: Metadata = _EMPTY_METADATA, sections: tuple[Section, ...] = (),
        front: FrontMatter = _EMPTY_FRONTMATTER, source: str | None = None, warnings: tuple[str, ...] = (),
        encoding: str | None = None
    ) -> None:
        _set(self, "metadata", metadata)
        _set(self, "sections", sections)
        _set(self, "front", front)
        _set(self, "source", source)
        _set(self, "warnings", warnings)
        _set(self, "encoding", encoding)

    def walk(self) -> Iterator[tuple[tuple[Section, ...], Section]]:
        """Every section in document order, with its path from the top."""
        for section in self.sections:
            yield from section.walk()

    def paragraphs(self) -> Iterator[Paragraph]:
        for section in self.sections:
            yield from section.all_paragraphs()

    @property
    def paragraph_count(self) -> int:
        return sum(1 for _ in self.paragraphs())

    def to_dict(self) -> dict[str, Any]:
        """The ``docdiff-outline/2`` JSON shape (every paragraph with its
        ``index`` and its printed ``number``, null where none is printed)."""
        return {
            "format": "docdiff-outline/2",
            "metadata": self.metadata.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "front": self.front.to_dict(),
        }


# --------------------------------------------------------------------------- comparison


@record(frozen=True)
class MetadataChange(Record):
    __slots__ = ("field", "old", "new")
    field: str
    old: Any
    new: Any

    def __init__(self, field: str, old: Any, new: Any) -> None:
        _set(self, "field", field)
        _set(self, "old", old)
        _set(self, "new", new)

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new}


#: The kinds of section that stand outside the body's tree: compared as
#: sections of their own (``FrontMatter.footnotes``, ``FrontMatter.closing``).
PSEUDO_KINDS: tuple[SectionKind, ...] = ("footnotes", "closing")


@record(frozen=True)
class ParagraphChange(Record):
    """One entry of the report: old paragraph(s) linked to new paragraph(s).

    Every paragraph of both editions is in exactly one ``ParagraphChange``.
    ``diff`` is a sequence of ``(op, text)`` pairs whose ``=``/``-`` parts spell
    the old text and whose ``=``/``+`` parts spell the new text (the texts of
    several paragraphs joined with "\n").  ``old``/``new`` are the paragraphs'
    printed numbers (None for an unnumbered one), ``old_index``/``new_index``
    their 0-based places in reading order (``Paragraph.index``; for footnotes
    and closing lines, the place in that list) and ``old_place``/``new_place``
    their 1-based places in their own section.  ``old_page``/``new_page``: the
    page each starts on (``Paragraph.page``; None for one whose page is not
    known), or () where no paragraph of that side has a known page (text input).
    """

    __slots__ = (
        "status", "old", "new", "similarity", "diff", "from_section", "formatting_only", "old_text", "new_text",
        "old_index", "new_index", "old_place", "new_place", "pieces", "from_index", "from_kind",
        "old_page", "new_page",
    )
    _uncompared = ("old_page", "new_page")  # (provenance, as ``Paragraph.page``)

    status: ParagraphStatus
    old: tuple[int | None, ...]
    new: tuple[int | None, ...]
    similarity: float
    diff: tuple[tuple[DiffOp, str], ...]
    from_section: str | None  # where a paragraph moved in from (its title as printed)
    formatting_only: bool  # only spacing, punctuation width, hyphens inside words, footnote marks differ
    old_text: str
    new_text: str
    old_index: tuple[int, ...]
    new_index: tuple[int, ...]
    old_place: tuple[int, ...]
    new_place: tuple[int, ...]
    #: A split: one redline per new paragraph; a merge: one per old paragraph
    #: (each spells its own paragraph on that side); () for any other entry.
    pieces: tuple[tuple[tuple[DiffOp, str], ...], ...]
    #: Where it moved in from, by reference: the place in ``Comparison.sections``
    #: of the section that held its old paragraph(s) (None: not moved across
    #: sections, or that section is not in this comparison, as after ``--org``).
    from_index: int | None
    #: The kind of section its old paragraph(s) stood in, where it crossed sections.
    from_kind: SectionKind | None
    old_page: tuple[int | None, ...]
    new_page: tuple[int | None, ...]

    def __init__(
        self, status: ParagraphStatus, old: tuple[int | None, ...], new: tuple[int | None, ...], similarity: float,
        diff: tuple[tuple[DiffOp, str], ...] = (), from_section: str | None = None, formatting_only: bool = False,
        old_text: str = "", new_text: str = "", old_index: tuple[int, ...] = (), new_index: tuple[int, ...] = (),
        old_place: tuple[int, ...] = (), new_place: tuple[int, ...] = (),
        pieces: tuple[tuple[tuple[DiffOp, str], ...], ...] = (), from_index: int | None = None,
        from_kind: SectionKind | None = None, old_page: tuple[int | None, ...] = (),
        new_page: tuple[int | None, ...] = ()
    ) -> None:
        _set(self, "status", status)
        _set(self, "old", old)
        _set(self, "new", new)
        _set(self, "similarity", similarity)
        _set(self, "diff", diff)
        _set(self, "from_section", from_section)
        _set(self, "formatting_only", formatting_only)
        _set(self, "old_text", old_text)
        _set(self, "new_text", new_text)
        _set(self, "old_index", old_index)
        _set(self, "new_index", new_index)
        _set(self, "old_place", old_place)
        _set(self, "new_place", new_place)
        _set(self, "pieces", pieces)
        _set(self, "from_index", from_index)
        _set(self, "from_kind", from_kind)
        _set(self, "old_page", old_page)
        _set(self, "new_page", new_page)

    @property
    def is_difference(self) -> bool:
        return self.status != "unchanged"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status,
            "old": list(self.old),
            "new": list(self.new),
            "old_index": list(self.old_index),
            "new_index": list(self.new_index),
            "similarity": round(self.similarity, 4),
        }
        if self.old_page:
            out["old_page"] = list(self.old_page)
        if self.new_page:
            out["new_page"] = list(self.new_page)
        if self.old_text != self.new_text:
            out["diff"] = [[op, text] for op, text in self.diff]
        if self.formatting_only:
            out["formatting_only"] = True
        if self.from_section is not None:
            out["from_section"] = self.from_section
        return out


@record(frozen=True)
class Departure(Record):
    """An entry seen from the section it left: its old paragraph(s) stood here,
    the comparison shows it under the section ``to_index`` (its place in
    ``Comparison.sections``; None where that section was cut away)."""

    __slots__ = ("change", "to_title", "to_index")

    change: ParagraphChange
    to_title: str  # the section it went to, as a report labels it
    to_index: int | None

    def __init__(self, change: ParagraphChange, to_title: str, to_index: int | None = None) -> None:
        _set(self, "change", change)
        _set(self, "to_title", to_title)
        _set(self, "to_index", to_index)

    def to_dict(self) -> dict[str, Any]:
        return {"old": list(self.change.old), "old_index": list(self.change.old_index),
                "new": list(self.change.new), "new_index": list(self.change.new_index),
                "status": self.change.status, "to_section": self.to_title}


@record(frozen=True)
class SectionChange(Record):
    """A section that holds paragraphs, matched (or not) across the editions."""

    __slots__ = (
        "status", "old_title", "new_title", "old_path", "new_path", "paragraphs", "kind", "old_number",
        "new_number", "parents", "departures", "old_section", "new_section", "moved", "annex",
    )
    _uncompared = ("old_section", "new_section")
    _unshown = ("old_section", "new_section")

    status: SectionStatus
    old_title: str | None
    new_title: str | None
    old_path: tuple[str, ...] | None
    new_path: tuple[str, ...] | None
    paragraphs: tuple[ParagraphChange, ...]
    kind: SectionKind
    old_number: str | None
    new_number: str | None
    #: The headings above the section as its edition prints them, numbers
    #: included ("二. 联合国同…"): the new edition's, or the old one's for a
    #: removed section.  ``path`` holds the titles alone.
    parents: tuple[str, ...]
    #: The entries of paragraphs that stood here in the old edition and are
    #: shown under another section (they moved, split or merged there), in old order.
    departures: tuple[Departure, ...]
    #: The section itself in each edition (None on the side it is absent from).
    old_section: Section | None
    new_section: Section | None
    #: The section stands elsewhere among the others: it is outside the longest
    #: run of matched sections that kept their order (two organisations swapped).
    moved: bool
    #: The heading of the annex the section stands in ("Annex", 附件), as its
    #: edition prints it (the new one's, or the old one's for a removed
    #: section); None for a section of the body.
    annex: str | None

    def __init__(
        self, status: SectionStatus, old_title: str | None, new_title: str | None, old_path: tuple[str, ...] | None,
        new_path: tuple[str, ...] | None, paragraphs: tuple[ParagraphChange, ...] = (),
        kind: SectionKind = "section", old_number: str | None = None, new_number: str | None = None,
        parents: tuple[str, ...] = (), departures: tuple[Departure, ...] = (), old_section: Section | None = None,
        new_section: Section | None = None, moved: bool = False, annex: str | None = None
    ) -> None:
        _set(self, "status", status)
        _set(self, "old_title", old_title)
        _set(self, "new_title", new_title)
        _set(self, "old_path", old_path)
        _set(self, "new_path", new_path)
        _set(self, "paragraphs", paragraphs)
        _set(self, "kind", kind)
        _set(self, "old_number", old_number)
        _set(self, "new_number", new_number)
        _set(self, "parents", parents)
        _set(self, "departures", departures)
        _set(self, "old_section", old_section)
        _set(self, "new_section", new_section)
        _set(self, "moved", moved)
        _set(self, "annex", annex)

    @property
    def title(self) -> str:
        return self.new_title if self.new_title is not None else (self.old_title or "")

    @property
    def path(self) -> tuple[str, ...]:
        return self.new_path if self.new_path is not None else (self.old_path or ())

    def counts(self) -> dict[str, int]:
        return count_statuses(self.paragraphs)

    @property
    def has_differences(self) -> bool:
        return (self.status != "unchanged" or self.moved or bool(self.departures)
                or any(p.is_difference for p in self.paragraphs))

    def to_dict(self, paragraphs: bool = True) -> dict[str, Any]:
        """The section's JSON; ``paragraphs=False``: with its ``paragraphs``
        left empty (for a writer that adds them one by one)."""
        return {
            "status": self.status,
            "kind": self.kind,
            "old_title": self.old_title,
            "new_title": self.new_title,
            "old_path": list(self.old_path) if self.old_path is not None else None,
            "new_path": list(self.new_path) if self.new_path is not None else None,
            "paragraphs": [p.to_dict() for p in self.paragraphs] if paragraphs else [],
            "moved_out": [d.to_dict() for d in self.departures],
            "moved": self.moved,
        }


@record(frozen=True)
class EditionInfo(Record):
    __slots__ = ("file", "metadata", "paragraphs", "encoding", "warnings")
    file: str | None
    metadata: Metadata
    paragraphs: int
    encoding: str | None  # as Document.encoding
    #: What the parser noticed in this edition ("numbering jumps from 4 to 6").
    warnings: tuple[str, ...]

    def __init__(
        self, file: str | None, metadata: Metadata, paragraphs: int, encoding: str | None = None,
        warnings: tuple[str, ...] = ()
    ) -> None:
        _set(self, "file", file)
        _set(self, "metadata", metadata)
        _set(self, "paragraphs", paragraphs)
        _set(self, "encoding", encoding)
        _set(self, "warnings", warnings)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "metadata": self.metadata.to_dict(), "paragraphs": self.paragraphs,
                "warnings": list(self.warnings)}


@record(frozen=True)
class Comparison(Record):
    """The result of ``compare(old, new)``."""

    __slots__ = ("old", "new", "metadata_changes", "sections")

    old: EditionInfo
    new: EditionInfo
    metadata_changes: tuple[MetadataChange, ...]
    sections: tuple[SectionChange, ...]

    def __init__(
        self, old: EditionInfo, new: EditionInfo, metadata_changes: tuple[MetadataChange, ...],
        sections: tuple[SectionChange, ...]
    ) -> None:
        _set(self, "old", old)
        _set(self, "new", new)
        _set(self, "metadata_changes", metadata_changes)
        _set(self, "sections", sections)

    def paragraph_changes(self) -> Iterator[ParagraphChange]:
        for section in self.sections:
            yield from section.paragraphs

    @property
    def summary(self) -> dict[str, int]:
        """Each entry counted once, under the section it entered; in a comparison cut
        down to some sections (``--org``), an entry that left a section shown for one
        cut away counts too, as its section's row does."""
        gone = (d.change for s in self.sections for d in s.departures if d.to_index is None)
        return count_statuses(itertools.chain(self.paragraph_changes(), gone))

    @property
    def has_differences(self) -> bool:
        """As diff(1) means it: formatting-only differences count as none."""
        return bool(self.metadata_changes) or any(s.has_differences for s in self.sections)

    def to_dict(self, sections: bool = True) -> dict[str, Any]:
        """The ``docdiff/2`` JSON report; ``sections=False``: with its
        ``sections`` left empty (for a writer that adds them one by one)."""
        return {
            "format": FORMAT,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "metadata_changes": [c.to_dict() for c in self.metadata_changes],
            "summary": self.summary,
            "sections": [s.to_dict() for s in self.sections] if sections else [],
        }


#: How an unnumbered paragraph is named, by the kind of section it stands in,
#: before its place there: PP3 (the third preambular paragraph), footnote 2.
UNNUMBERED = {"preamble": "PP", "summary": "summary ¶", "footnotes": "footnote ", "closing": "closing line "}


def paragraph_label(number: int | None, place: int | None = None, kind: str = "section") -> str:
    """'¶12' for a numbered paragraph; 'PP3', 'footnote 2', 'unnumbered ¶4' otherwise."""
    if number is not None:
        return f"¶{number}"
    return f"{UNNUMBERED.get(kind, 'unnumbered ¶')}{place if place is not None else '?'}"


#: The format tag of ``Comparison.to_dict()``.
FORMAT = "docdiff/2"


def count_statuses(changes: Any) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(PARAGRAPH_STATUSES, 0)
    for change in changes:
        counts[change.status] += 1
    return counts
