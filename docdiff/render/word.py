"""The comparison as a Word document with tracked changes.

The document reads as the new edition — section headings and paragraph numbers
as printed — and every difference is a real revision: ``w:ins`` and ``w:del``
around the words, an inserted or deleted paragraph mark where a paragraph was
split or merged, ``w:moveFrom``/``w:moveTo`` where a paragraph moved.  So
*accept all* gives the new edition's text and *reject all* the old one's.

The order of the document is decided by ``revision_order``: the new edition's
order, with what only the old edition has (removed paragraphs, where a moved
paragraph came from) at its place in the old edition's order, so that both
readings keep their own order.  A paragraph both editions have but in crossed
order (which no move explains) is shown deleted at its old place and inserted
at its new one.

python-docx writes the package (parts, styles, properties) but has no API for
revisions; those are built here with lxml, which python-docx brings.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import pairwise
from typing import Any, Literal

from lxml import etree  # type: ignore[import-untyped]  # python-docx's own dependency

from .. import layouts
from ..layouts import Layout
from ..masthead import CONTENTS_FIELD, FIELD as MASTHEAD_LINES
from ..model import Comparison, Metadata, ParagraphChange, SectionChange
from ..readers.docx import NOTE_RULE
from ..script import RIGHT_TO_LEFT
from ..sequences import longest_increasing
from . import view
from .view import DEFAULT_OPTIONS, ReportOptions

_Element = Any  # lxml.etree._Element: lxml ships no type stubs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

Side = Literal["both", "old", "new"]


def qn(tag: str) -> str:
    """'w:ins' → '{namespace}ins'."""
    prefix, _, name = tag.partition(":")
    assert prefix == "w"
    return f"{{{W}}}{name}"


# =============================================================================== the order


@dataclass
class Node:
    """One thing to draw: a heading or a paragraph change, seen from one side
    (``old``: only the old edition has it here, ``new``: only the new) or both."""

    kind: Literal["part", "heading", "paragraph", "line"]  # line: a plain line of text (``text``)
    side: Side
    change: ParagraphChange | None = None
    section: SectionChange | None = None
    text: str = ""  # a part's heading
    old_key: float = 0.0  # its place in the old edition's order
    moved: bool = False  # one side of a move (drawn as moveFrom or moveTo)
    level: int = 1
    move_name: str = ""


def _old_positions(change: ParagraphChange) -> Sequence[int]:
    """Where the old paragraphs stand in the old edition: their index in reading
    order where the comparison has it, else their numbers (which run through
    the whole report)."""
    index = getattr(change, "old_index", None)
    if index:
        return [i for i in index if i is not None]
    return [n for n in change.old if n is not None]


def revision_order(comparison: Comparison) -> list[Node]:
    """The nodes in document order: every new-side node in the new edition's
    order and every old-side node in the old edition's order."""
    listed: list[Node] = []  # in the new edition's order, old-only nodes where the comparison lists them
    parents: tuple[str, ...] = ()
    last_key = -1.0
    moves = 0
    left = view.departures(comparison)
    for index, section in _in_print_order(comparison):
        here = view.section_parent(section)
        # the old paragraphs under this heading in the old edition: its own, and those that left it
        own = [c for c in section.paragraphs if c.old and not c.from_section]
        own += [d.change for d in left.get(index, ())]
        in_front = _notes_in_front(comparison, section)
        keys = [min(_old_positions(c)) for c in own if _old_positions(c) and not in_front]
        heading_key = (min(keys) - 0.5) if keys else last_key + 0.001
        if here != parents:
            side: Side = "old" if section.status == "removed" else "new" if section.status == "added" else "both"
            common = 0
            while common < min(len(here), len(parents)) and here[common] == parents[common]:
                common += 1
            for depth in range(common, len(here)):
                listed.append(Node("part", side, text=here[depth], old_key=heading_key - 0.25 + depth * 0.01,
                                   level=depth + 1, section=section))
            parents = here
        level = min(len(here) + 1, 9)
        if not view.old_label(section) and not view.new_label(section):
            # an untitled section (a resolution's operative part) prints no heading; the
            # summary and the notes print what an edition prints above them, as plain text
            line = _line_above(section, comparison)
            if line:
                listed.append(Node("line", _side_of(section), section=section, text=line, old_key=heading_key))
        elif section.status in ("added", "removed"):
            listed.append(Node("heading", "new" if section.status == "added" else "old", section=section,
                               old_key=heading_key, level=level))
        else:
            listed.append(Node("heading", "both", section=section, old_key=heading_key, level=level))
        last_key = heading_key
        for change in section.paragraphs:
            positions = () if in_front else _old_positions(change)
            # without a position (an unnumbered paragraph, where the comparison gives no index),
            # the comparison's own order: a little after what came before
            key = float(min(positions)) if positions else last_key + 0.001
            if change.status == "moved" and change.old and change.new:
                moves += 1
                name = f"move{moves}"
                listed.append(Node("paragraph", "new", change, section, old_key=key, moved=True, move_name=name))
                listed.append(Node("paragraph", "old", change, section, old_key=key, moved=True, move_name=name))
            elif change.old and change.new:
                listed.append(Node("paragraph", "both", change, section, old_key=key))
            else:
                listed.append(Node("paragraph", "old" if change.old else "new", change, section, old_key=key))
            if change.old:
                last_key = max(last_key, key)
    _uncross(listed)
    return _merge(listed)


def _notes_in_front(comparison: Comparison, section: SectionChange) -> bool:
    """A report prints its notes ("* The present report was submitted …") at the
    foot of its first page, after the summary, where the parser reads them: there,
    in the order the comparison lists them, not at their place after the body."""
    return section.kind == "footnotes" and "report" in (comparison.new.metadata.kind, comparison.old.metadata.kind)


def _in_print_order(comparison: Comparison) -> list[tuple[int, SectionChange]]:
    """The sections with their index in the comparison, in the order the report
    prints them: a report's notes after its summary (``_notes_in_front``)."""
    ordered = list(enumerate(comparison.sections))
    front = [entry for entry in ordered if _notes_in_front(comparison, entry[1])]
    rest = [entry for entry in ordered if entry not in front]
    at = next((k + 1 for k in range(len(rest) - 1, -1, -1) if rest[k][1].kind == "summary"), 0)
    return rest[:at] + front + rest[at:]


def _side_of(section: SectionChange) -> Side:
    return "old" if section.status == "removed" else "new" if section.status == "added" else "both"


def _line_above(section: SectionChange, comparison: Comparison) -> str:
    """What an edition prints above an untitled section: the summary's word
    ("摘要", "Summary", in the edition's language), the rule above the notes."""
    if section.kind == "footnotes":
        return NOTE_RULE
    if section.kind == "summary":
        layout = _layout(comparison.new.metadata.language or comparison.old.metadata.language)
        return layout.summary_patterns[0] if layout is not None and layout.summary_patterns else ""
    return ""


def _layout(language: str | None) -> Layout | None:
    return next((layout for layout in layouts.layouts() if layout.language == language), None)


def _uncross(nodes: list[Node]) -> None:
    """Nodes both editions have must stand in the same order in both: those off
    the longest run that does become a deletion at their old place and an
    insertion at their new one."""
    both = [i for i, n in enumerate(nodes) if n.side == "both"]
    keep = {both[k] for k in longest_increasing([nodes[i].old_key for i in both])}
    for i in reversed(both):
        if i in keep:
            continue
        node = nodes[i]
        node.side = "new"
        nodes.insert(i + 1, Node(node.kind, "old", node.change, node.section, node.text, node.old_key,
                                 node.moved, node.level))


def _merge(listed: list[Node]) -> list[Node]:
    """Interleave the old edition's order (old-side nodes by ``old_key``) with the
    new one's (new-side nodes as listed); what only the old edition has comes
    first where both could stand."""
    old_seq = sorted((n for n in listed if n.side in ("old", "both")), key=lambda n: n.old_key)
    new_seq = [n for n in listed if n.side in ("new", "both")]
    out: list[Node] = []
    i = j = 0
    while i < len(old_seq) or j < len(new_seq):
        if i < len(old_seq) and old_seq[i].side == "old":
            out.append(old_seq[i])
            i += 1
        elif j < len(new_seq) and new_seq[j].side == "new":
            out.append(new_seq[j])
            j += 1
        else:  # both sequences are at the same node both editions have (``_uncross`` made it so)
            assert old_seq[i] is new_seq[j]
            out.append(old_seq[i])
            i += 1
            j += 1
    return out


# =============================================================================== the XML


@dataclass
class _Revisions:
    author: str
    date: str
    next_id: int = 1
    comments: list[tuple[_Element, str]] = field(default_factory=list)

    def mark(self, tag: str) -> _Element:
        element = etree.Element(qn(tag))
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        self.next_id += 1
        return element


class _Paragraphs:
    """Builds ``w:p`` elements run by run; ``end`` closes a paragraph with its
    mark plain, inserted, deleted or moved."""

    def __init__(self, revisions: _Revisions, style: str | None) -> None:
        self.revisions = revisions
        self.style = style
        self.done: list[_Element] = []
        self.current = self._new()

    def _new(self) -> _Element:
        p = etree.Element(qn("w:p"))
        ppr = etree.SubElement(p, qn("w:pPr"))
        if self.style:
            etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), self.style)
        return p

    def run(self, text: str, op: str, moved: bool = False) -> None:
        """``op``: '=' plain, '+' inserted, '-' deleted."""
        if not text:
            return
        r = etree.Element(qn("w:r"))
        t = etree.SubElement(r, qn("w:delText" if op == "-" else "w:t"))
        t.text = _xml_safe(text)
        t.set(XML_SPACE, "preserve")
        if op == "=":
            self.current.append(r)
            return
        tag = ("w:moveFrom" if op == "-" else "w:moveTo") if moved else ("w:del" if op == "-" else "w:ins")
        wrapper = self.revisions.mark(tag)
        wrapper.append(r)
        self.current.append(wrapper)

    def end(self, op: str, moved: bool = False) -> None:
        """Close the paragraph; its mark inserted ('+'), deleted ('-') or neither ('=')."""
        if op != "=":
            ppr = self.current.find(qn("w:pPr"))
            assert ppr is not None
            rpr = etree.SubElement(ppr, qn("w:rPr"))
            tag = ("w:moveFrom" if op == "-" else "w:moveTo") if moved else ("w:del" if op == "-" else "w:ins")
            rpr.append(self.revisions.mark(tag))
        self.done.append(self.current)
        self.current = self._new()


def _xml_safe(text: str) -> str:
    """Characters XML 1.0 cannot hold (control characters) as U+FFFD; a tab as a space."""
    return "".join(ch if ch in "\t\n\r" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                   and ch not in "\ufffe\uffff") else "\ufffd" for ch in text).replace("\t", " ")


def _prefix(number: int | None) -> str:
    return f"{number}. " if number is not None else ""


def _paragraph_xml(node: Node, revisions: _Revisions) -> list[_Element]:
    change = node.change
    assert change is not None
    out = _Paragraphs(revisions, None)
    old_numbers, new_numbers = list(change.old), list(change.new)
    if node.side != "both":  # one side whole: inserted or deleted, paragraph marks too
        op = "-" if node.side == "old" else "+"
        numbers = old_numbers if node.side == "old" else new_numbers
        text = change.old_text if node.side == "old" else change.new_text
        for k, piece in enumerate(text.split("\n")):
            out.run(_prefix(numbers[k] if k < len(numbers) else None), op, node.moved)
            out.run(piece, op, node.moved)
            out.end(op, node.moved)
        return out.done
    old_k = new_k = 0

    def number(numbers: list[int | None], k: int) -> int | None:
        return numbers[k] if k < len(numbers) else None

    def start(old: int | None, new: int | None, sides: str) -> None:
        """The printed number at the head of a paragraph: plain where both
        editions print the same, else the old struck and the new inserted."""
        if sides == "both" and old == new:
            out.run(_prefix(new), "=")
            return
        if sides in ("both", "old"):
            out.run(_prefix(old), "-")
        if sides in ("both", "new"):
            out.run(_prefix(new), "+")

    start(number(old_numbers, 0), number(new_numbers, 0), "both")
    for op, text in _diff(change):
        pieces = text.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                out.end(op)
                if op == "=":
                    old_k += 1
                    new_k += 1
                    start(number(old_numbers, old_k), number(new_numbers, new_k), "both")
                elif op == "+":
                    new_k += 1
                    start(None, number(new_numbers, new_k), "new")
                else:
                    old_k += 1
                    start(number(old_numbers, old_k), None, "old")
            out.run(piece, op)
    out.end("=")
    return out.done


def _diff(change: ParagraphChange) -> view.Diff:
    """The parts that spell both texts: the comparison's diff where the texts differ."""
    if change.old_text == change.new_text:
        return (("=", change.new_text),)
    return view.exact_redline(change)


def _heading_xml(node: Node, revisions: _Revisions) -> list[_Element]:
    out = _Paragraphs(revisions, None if node.kind == "line" else f"Heading{node.level}")
    if node.kind in ("part", "line"):
        op = {"both": "=", "old": "-", "new": "+"}[node.side]
        out.run(node.text, op)
        out.end(op)
        return out.done
    section = node.section
    assert section is not None
    old, new = view.old_label(section), view.new_label(section)
    if node.side == "old":
        out.run(old, "-")
        out.end("-")
    elif node.side == "new":
        out.run(new, "+")
        out.end("+")
    elif old == new:
        out.run(new, "=")
        out.end("=")
    else:
        out.run(old, "-")
        out.run(new, "+")
        out.end("=")
    return out.done


def _move_ranges(elements: list[_Element], node: Node, revisions: _Revisions) -> None:
    """Word wants a moved paragraph's content inside a named range
    (``w:moveFromRangeStart`` … ``End``), the two sides sharing the name."""
    tag = "moveFrom" if node.side == "old" else "moveTo"
    for p in elements:
        start = revisions.mark(f"w:{tag}RangeStart")
        start.set(qn("w:name"), node.move_name)
        range_id = start.get(qn("w:id"))
        ppr = p.find(qn("w:pPr"))
        assert ppr is not None
        ppr.addnext(start)
        end = etree.SubElement(p, qn(f"w:{tag}RangeEnd"))
        end.set(qn("w:id"), range_id or "")


def _masthead_lines(meta: Metadata, unread: Sequence[str] = ()) -> list[str]:
    """The facts a masthead prints, one line each, as the editions' text prints
    them (the date as the masthead of every language's edition prints it,
    "13 August 2012"); '' where an edition prints none, so the two editions'
    lines pair by place.  ``unread``: the masthead lines no fact reads that
    changed (``masthead.unread_change``), after the session, where a masthead
    prints them (a Security Council year, a second organ's session)."""
    date = ""
    if meta.date:
        year, month, day = (int(x) for x in meta.date.split("-"))
        english = _layout("English")
        months = {n: name for name, n in english.months.items()} if english is not None else {}
        date = f"{day} {months[month].capitalize()} {year}" if month in months else meta.date
    # (a resolution's title is printed after its number, "80/18. Title", under the committee line)
    title = f"{meta.resolution_number}. {meta.title}" if meta.resolution_number and meta.title else meta.title
    return [meta.symbol or "", f"Distr.: {meta.distribution}" if meta.distribution else "", date,
            meta.language or "", f"Original: {meta.original_language}" if meta.original_language else "",
            meta.session or "", *unread, meta.committee or "", title or "", meta.label or ""]


def _masthead_xml(comparison: Comparison, revisions: _Revisions) -> list[_Element]:
    """The masthead above the text: each fact plain where both editions print
    it alike, else the old one struck and the new one inserted, so that either
    reading of the report is an edition that reads back with its symbol, date,
    session and title; the masthead lines no fact reads, where they changed,
    deleted and inserted among them; and after them the entries of the table
    of contents that changed (``masthead.contents_change``), deleted and inserted."""
    out = _Paragraphs(revisions, None)
    gone: list[str] = []
    came: list[str] = []
    for change in comparison.metadata_changes:
        if change.field == MASTHEAD_LINES:  # the lines only one edition prints: deleted, then inserted
            gone, came = [str(x) for x in change.old or ()], [str(x) for x in change.new or ()]
    old_lines = _masthead_lines(comparison.old.metadata, [*gone, *("" for _ in came)])
    new_lines = _masthead_lines(comparison.new.metadata, [*("" for _ in gone), *came])
    for old, new in zip(old_lines, new_lines, strict=True):
        if old == new:
            if new:
                out.run(new, "=")
                out.end("=")
        elif not old or not new:
            op = "+" if new else "-"
            out.run(new or old, op)
            out.end(op)
        else:
            out.run(old, "-")
            out.run(new, "+")
            out.end("=")
    for change in comparison.metadata_changes:
        if change.field == CONTENTS_FIELD:  # the contents entries only one edition prints, as the masthead's lines
            for op, lines in (("-", change.old), ("+", change.new)):
                for line in lines or ():
                    out.run(str(line), op)
                    out.end(op)
    return out.done


def body_elements(comparison: Comparison, author: str, date: str) -> list[_Element]:
    """The ``w:p`` elements of the report, in order: the masthead, then the text."""
    revisions = _Revisions(author, date)
    out: list[_Element] = _masthead_xml(comparison, revisions)
    notes: list[_Element] = []  # the rule and the notes under it, until they are one paragraph
    for node in revision_order(comparison):
        if node.kind == "paragraph":
            elements = _paragraph_xml(node, revisions)
            if node.moved:
                _move_ranges(elements, node, revisions)
        else:
            elements = _heading_xml(node, revisions)
        if node.section is not None and node.section.kind == "footnotes":
            notes.extend(elements)
            continue
        if notes:
            out.append(_one_paragraph(notes, revisions))
            notes = []
        out.extend(elements)
    if notes:
        out.append(_one_paragraph(notes, revisions))
    _keep_breaks_apart(out)
    return out


def _one_paragraph(paragraphs: list[_Element], revisions: _Revisions) -> _Element:
    """The rule and the notes under it as one paragraph, a line each (``w:br``):
    an edition's notes stand in one block under the rule, as a page foot prints
    them and as a Word edition's footnotes are read.  The break before a note is
    what was the paragraph mark of the line above it, inserted or deleted alike
    (the same texts either way, by WordprocessingML's rules)."""
    first = paragraphs[0]
    marks = [_mark(p) for p in paragraphs]
    for above, p in zip(marks, paragraphs[1:]):
        run = etree.Element(qn("w:r"))
        etree.SubElement(run, qn("w:br"))
        if above is None:
            first.append(run)
        else:
            wrapper = revisions.mark("w:" + etree.QName(above).localname)
            wrapper.append(run)
            first.append(wrapper)
        for child in list(p):
            if child.tag != qn("w:pPr"):
                first.append(child)
    ppr = first.find(qn("w:pPr"))
    assert ppr is not None
    for rpr in ppr.findall(qn("w:rPr")):
        ppr.remove(rpr)
    if marks[-1] is not None:
        etree.SubElement(ppr, qn("w:rPr")).append(marks[-1])
    return first


def _content(p: _Element) -> list[_Element]:
    return [child for child in p if child.tag in (qn("w:r"), qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))]


def _mark(p: _Element) -> _Element | None:
    """The revision on a paragraph's mark (``w:ins``, ``w:del``, …), if any."""
    ppr = p.find(qn("w:pPr"))
    rpr = ppr.find(qn("w:rPr")) if ppr is not None else None
    return rpr[0] if rpr is not None and len(rpr) else None


def _keep_breaks_apart(paragraphs: list[_Element]) -> None:
    """LibreOffice joins an insertion that ends a paragraph with an inserted
    paragraph after it into one change, and rejecting that also takes the
    paragraph break between them (tried with LibreOffice 7.4).  Where a
    paragraph whose own mark stays ends with an insertion and an inserted
    paragraph follows: a replacement at its end is drawn insertion first, and a
    plain insertion hands the inserted mark up to it (the same texts either way,
    by WordprocessingML's rules)."""
    for first, second in pairwise(paragraphs):
        if _mark(first) is not None:
            continue
        mark, head, tail = _mark(second), _content(second), _content(first)
        if mark is None or mark.tag != qn("w:ins") or not head or head[0].tag != qn("w:ins"):
            continue
        if not tail or tail[-1].tag != qn("w:ins"):
            continue
        if len(tail) > 1 and tail[-2].tag == qn("w:del"):
            tail[-2].addprevious(tail[-1])
            continue
        ppr = first.find(qn("w:pPr"))
        assert ppr is not None
        etree.SubElement(ppr, qn("w:rPr")).append(mark)  # moved: second's mark is now plain
        second_rpr = second.find(qn("w:pPr"))
        assert second_rpr is not None
        second_rpr.remove(second_rpr.find(qn("w:rPr")))


def to_docx(comparison: Comparison, options: ReportOptions = DEFAULT_OPTIONS) -> bytes:
    """The new edition as a .docx whose tracked changes lead back to the old."""
    import docx

    date = options.date or datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    document = docx.Document()
    title = view.report_title(comparison)
    document.core_properties.title = title
    document.core_properties.author = options.author
    document.core_properties.comments = (
        f"docdiff: {' · '.join(view.header_facts(comparison, 'old'))} → {' · '.join(view.header_facts(comparison, 'new'))}")
    # what was compared, in the page header: outside the body, so neither reading of the text holds it
    header = document.sections[0].header.paragraphs[0]
    header.text = f"{title} — {document.core_properties.comments}"
    header.style = document.styles["Header"]
    layout = _layout(comparison.new.metadata.language or comparison.old.metadata.language)
    if layout is not None and layout.script in RIGHT_TO_LEFT:
        _right_to_left(document.styles.element)
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    section_properties = body.find(qn("w:sectPr"))
    for element in body_elements(comparison, options.author, date):
        if section_properties is not None:
            section_properties.addprevious(element)
        else:
            body.append(element)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _right_to_left(styles: _Element) -> None:
    """Every paragraph and run of the document right to left (Word's defaults,
    ``w:docDefaults``, which every style inherits): ``w:bidi`` first in the
    paragraph defaults and ``w:rtl`` before ``w:lang`` in the run defaults, where
    the schema's order puts them."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(qn("w:docDefaults"))
        styles.insert(0, defaults)
    for holder, props, mark, before in (("w:rPrDefault", "w:rPr", "w:rtl", ("w:cs", "w:em", "w:lang")),
                                        ("w:pPrDefault", "w:pPr", "w:bidi", ())):
        default = defaults.find(qn(holder))
        if default is None:
            default = etree.SubElement(defaults, qn(holder))
        pr = default.find(qn(props))
        if pr is None:
            pr = etree.SubElement(default, qn(props))
        if pr.find(qn(mark)) is not None:
            continue
        following = [i for i, child in enumerate(pr) if child.tag in {qn(tag) for tag in before}]
        pr.insert(following[0] if following else (0 if not before else len(pr)), etree.Element(qn(mark)))


def paragraph_texts(data: bytes, accept: bool) -> Iterator[tuple[str, str]]:
    """(style, text) of each paragraph of a .docx with every change accepted
    (``accept``) or rejected: a reading of the XML independent of how it was
    written, for tests and for anyone checking a file."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    gone = {qn("w:del"), qn("w:moveFrom")} if accept else {qn("w:ins"), qn("w:moveTo")}
    text: list[str] = []
    style = ""
    for p in root.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        style_element = ppr.find(qn("w:pStyle")) if ppr is not None else None
        own_style = style_element.get(qn("w:val")) if style_element is not None else ""
        if not text:
            style = own_style or ""
        for element in p.iter(qn("w:t"), qn("w:delText"), qn("w:br")):
            if not any(a.tag in gone for a in element.iterancestors() if a.tag != qn("w:rPr")):
                text.append("\n" if element.tag == qn("w:br") else element.text or "")
        mark = ppr.find(qn("w:rPr")) if ppr is not None else None
        joined = mark is not None and any(m.tag in gone for m in mark)
        if not joined:
            yield style, "".join(text)
            text = []
    if text:
        yield style, "".join(text)
