"""Word documents to text laid out as an edition's text file is.

A .docx is read with python-docx (its package, parts and XML): the body in
order — paragraphs, and tables cell by cell (a masthead is a table) — one
paragraph per block with blank lines between. Word's automatic numbers are
printed as Word prints them, from the numbering definitions (``numbering.xml``:
a list's levels with their start, number format, text such as ``%1.`` or
``%1.%2``, counted in document order). Footnotes come from the footnotes part:
the mark stays in the text where Word prints it, and the note's text follows the
paragraph under a rule, as at a page foot. What Word knows beyond the text is
handed to the parser as a ``Block`` for each paragraph (``Reading.blocks``): a
paragraph in a heading style (or with an outline level) is a heading at that
level, and a paragraph Word numbers with a plain number ("25.") is numbered
paragraph 25 — so a paragraph Word does not number is no numbered paragraph,
whatever its text starts with. Where Word recorded where its pages fell
(``w:lastRenderedPageBreak``, as Word saves a document), the reader knows every
page: each page starts at the paragraph Word's break (or a page break, a new
section) opens it at, and the line it starts at is in ``Reading.pages``; the
notes of a page go at its foot.  A document that does not record them (made by
a program that lays out no pages) gives no pages: its page breaks say where
some pages start, not which page a paragraph is on. Headers and footers (running heads,
page numbers) are page furniture and are not read. Tracked changes are read as
the document now stands — insertions in, deletions out — and a warning says so.

A document of one paragraph per printed line (LibreOffice's reading of an
edition's text, a text pasted into Word line by line: ``laid_out_in_lines``)
is laid out as that text was: each paragraph a line, each blank paragraph a
blank line — so the parser tells running heads, page notes and paragraphs
apart as it does in the text, where a page break is a run of furniture lines.

Old Word ``.doc``, OpenDocument ``.odt`` and RTF files are converted to .docx
with LibreOffice (``soffice``) in a temporary folder when it is installed (a
warning says so); without it they are refused with the command that converts
them.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..conventions import ends_sentence
from ..errors import DocdiffError
from ..parsing.lines import Block
from . import Reading

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_ODT = b"application/vnd.oasis.opendocument.text"

#: The line set above a page's notes in an edition's text (as pdftotext prints Word's rule).
NOTE_RULE = "__________________"


#: What a damaged zip or part raises while it is read (bad CRC, bad deflate data,
#: an encrypted or unknown compression method, a missing part, an odd value).
_DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, KeyError, ValueError,
           NotImplementedError, RuntimeError, IndexError, struct.error)


def read(data: bytes, path: str | os.PathLike[str] | None = None, *, kind: str = "zip",
         max_size: int = 64 * 1024 * 1024) -> Reading:
    """Read a Word document (``kind`` "zip": .docx or .odt; "ole2": .doc; "rtf")."""
    if kind == "zip":
        archive = _open_zip(data, path, max_size)
        names = set(archive.namelist())
        if "word/document.xml" in names or _main_part(archive) is not None:
            return _read_docx(data, path)
        try:
            odt = "mimetype" in names and archive.read("mimetype").strip().startswith(_ODT)
        except _DAMAGE:
            raise DocdiffError("a corrupt zip file (a damaged or incomplete .docx?)", path) from None
        if odt:
            return _convert(data, path, "odt")
        raise DocdiffError("a zip file, but not a Word document (no word/document.xml)", path)
    return _convert(data, path, "doc" if kind == "ole2" else "rtf")


def _open_zip(data: bytes, path: str | os.PathLike[str] | None, max_size: int) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except _DAMAGE:
        raise DocdiffError("a corrupt zip file (a damaged or incomplete .docx?)", path) from None
    if unpacked > max_size:
        raise DocdiffError(f"a zip file that unpacks to {unpacked:,} bytes, past the limit of {max_size:,}", path)
    return archive


def _main_part(archive: zipfile.ZipFile) -> str | None:
    """The main document part [Content_Types].xml names (a .docx may put it elsewhere than word/)."""
    try:
        types = archive.read("[Content_Types].xml")
    except _DAMAGE:
        return None
    marker = b"wordprocessingml.document.main+xml"
    return "main" if marker in types else None


# --------------------------------------------------------------------------- conversion


def _convert(data: bytes, path: str | os.PathLike[str] | None, kind: str) -> Reading:
    what = {"doc": "an old Word .doc file", "odt": "an OpenDocument text (.odt) file", "rtf": "an RTF file"}[kind]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    name = os.fspath(path) if path is not None else f"FILE.{kind}"
    if soffice is None:
        raise DocdiffError(f"{what}: convert it to .docx first (soffice --headless --convert-to docx {name}) "
                           "or install LibreOffice", path)
    with tempfile.TemporaryDirectory(prefix="docdiff-") as folder:
        source = Path(folder) / f"input.{kind}"
        source.write_bytes(data)
        profile = Path(folder, "profile").as_uri()  # its own profile: runs side by side do not lock each other out
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", folder, str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=180, check=False,
                                  stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DocdiffError(f"{what}: LibreOffice could not convert it ({exc})", path) from None
        converted = Path(folder) / "input.docx"
        if done.returncode != 0 or not converted.is_file():
            raise DocdiffError(f"{what}: LibreOffice could not convert it (damaged?)", path)
        reading = _read_docx(converted.read_bytes(), path)
    note = f"{what}: converted to .docx with LibreOffice for reading"
    return Reading(reading.text, kind, None, "container", (note, *reading.warnings), reading.blocks, reading.pages)


# --------------------------------------------------------------------------- .docx


def _read_docx(data: bytes, path: str | os.PathLike[str] | None) -> Reading:
    # python-docx and lxml: loaded only for Word files
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree  # type: ignore[import-untyped]

    try:
        return _read_package(data, path)
    except (PackageNotFoundError, etree.LxmlError, *_DAMAGE) as exc:
        detail = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise DocdiffError(f"a damaged Word document ({detail})", path) from None


def _read_package(data: bytes, path: str | os.PathLike[str] | None) -> Reading:
    import docx

    document = docx.Document(io.BytesIO(data))
    part = document.part
    reader = _Body(
        numbering=Numbering(_numbering_element(part)),
        styles=_Styles(document.styles.element),
        notes=_notes(part, "footnotes"),
    )
    body = document.element.body
    reader.paged = next(body.iter(W + "lastRenderedPageBreak"), None) is not None
    blocks = list(reader.blocks(body))
    blocks.extend(reader.flush_notes())
    endnotes = _notes(part, "endnotes")
    if endnotes and reader.endnote_marks:
        blocks.append(_Text(NOTE_RULE))
        blocks.extend(_Text(f"{mark} {endnotes[note_id]}") for note_id, mark in reader.endnote_marks
                      if note_id in endnotes)
    lines = laid_out_in_lines(blocks)
    texts: list[str] = []
    known: dict[int, Block] = {}
    pages: list[int] = [1] if reader.paged else []
    line = 1  # where the next block starts in the text
    new_page = False  # (a page that starts at a blank paragraph starts at the next line with text)
    for block in blocks:
        new_page = new_page or block.new_page
        if not block.text.strip():
            if lines:
                texts.append(" ")  # (a blank line: it parts paragraphs)
                line += 1
            continue
        if new_page and pages and line > pages[-1]:
            pages.append(line)
        elif new_page and lines and not pages and texts and not texts[-1].endswith("\n"):
            # (pages not recorded: the page break a document of lines shows is an
            # empty line, as in its text; a page break run is one already)
            texts.append("")
            line += 1
        new_page = False
        # (a carriage return at a block's end is the line end that follows it, as in the whole text)
        normal = unicodedata.normalize("NFC", block.text.removesuffix("\r").replace("\r\n", "\n").replace("\r", "\n"))
        known.update((line + offset, facts) for offset, facts in block.facts)
        texts.append(normal)
        line += normal.count("\n") + (1 if lines else 2)
    text = "\n".join(texts) if lines else "\n\n".join(texts)
    if not text.strip():
        raise DocdiffError("the Word document has no text", path)
    warnings: list[str] = []
    if reader.insertions or reader.deletions:
        warnings.append(f"the Word document has tracked changes ({reader.insertions} insertions, "
                        f"{reader.deletions} deletions): read as it now stands, insertions in, deletions out")
    return Reading(text + "\n", "docx", None, "container", tuple(warnings), known, tuple(pages))


def laid_out_in_lines(blocks: list[_Text]) -> bool:
    """Whether the document holds one paragraph per printed line (what LibreOffice
    makes of an edition's text, or a text pasted into Word line by line), not one
    per paragraph: blank paragraphs part its paragraphs (at least one in
    ``LINES_BLANK_SHARE`` of them is blank), and its lines are cut where the page
    wrapped them (at least ``LINES_CUT_SHARE`` of the paragraphs with text are
    followed by another that their sentence goes on into: they end neither a
    sentence nor a clause (a comma, a semicolon: a preambular paragraph's end),
    and are neither a heading nor numbered by Word).  Then each paragraph is a line of the
    text and each blank one a blank line, as in the text it was made from."""
    blank = sum(1 for block in blocks if not block.text.strip())
    if not blocks or blank < LINES_BLANK_SHARE * len(blocks):
        return False
    written = [block for block in blocks if block.text.strip()]
    cut = sum(1 for block, after in zip(blocks, blocks[1:])
              if block.text.strip() and after.text.strip() and not _ends_clause(block.text.strip())
              and not any(facts.role == "heading" or facts.label for _, facts in block.facts))
    return cut >= LINES_CUT_SHARE * len(written)


def _ends_clause(text: str) -> bool:
    return ends_sentence(text) or text[-1:] in ",;،，；"


#: The shares of blank paragraphs, and of paragraphs cut mid-sentence, in a
#: document of one paragraph per printed line (``laid_out_in_lines``).  The real
#: resolutions' texts have 26–29 % blank lines and 62–63 % of their lines cut, an
#: English report's PDF text 19–20 % and 73–74 %; a report typed one paragraph per
#: paragraph (the Chinese seed, even with a blank paragraph between every two)
#: has 10 % cut (its masthead's and headings' lines).
LINES_BLANK_SHARE = 1 / 8
LINES_CUT_SHARE = 1 / 4


def _numbering_element(part: Any) -> Any:
    try:
        return part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _notes(part: Any, kind: str) -> dict[str, str]:
    """The notes of the footnotes (or endnotes) part, by id, each as one line of text."""
    from docx.oxml.parser import parse_xml

    for rel in part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/" + kind):
            continue
        root = parse_xml(rel.target_part.blob)
        notes: dict[str, str] = {}
        reader = _Body(Numbering(None), _Styles(None), {})
        for note in root:
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paragraphs = [reader.paragraph_text(p, in_note=True) for p in note.iter(W + "p")]
            notes[note.get(W + "id", "")] = " ".join(p.strip() for p in paragraphs if p.strip())
        return notes
    return {}


@dataclass
class _Styles:
    """Paragraph styles: the numbering a style carries (Word's "List Number",
    numbered headings), through the ``basedOn`` chain."""

    element: Any
    by_id: dict[str, Any] = field(default_factory=dict)
    levels: dict[str | None, int | None] = field(default_factory=dict)  # heading levels by style, once found

    def __post_init__(self) -> None:
        if self.element is not None:
            for style in self.element.iter(W + "style"):
                self.by_id[style.get(W + "styleId", "")] = style

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) the style sets, or (None, None)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = _val(num_pr.find(W + "numId"))
                level = _val(num_pr.find(W + "ilvl"))
                return num_id, int(level) if level and level.isdigit() else None
            based = style.find(W + "basedOn")
            style_id = _val(based)
        return None, None

    def heading_level(self, paragraph: Any) -> int | None:
        """The outline level of a paragraph that is a heading (0 the top), or None:
        its own outline level, else its style's — Word's "heading N" (level N − 1)
        or a style with an outline level, through the ``basedOn`` chain.  Level 9
        is Word's "body text"; a title ("Title", "Subtitle") heads the document,
        not a section of it."""
        own = _val(paragraph.find(f"{W}pPr/{W}outlineLvl"))
        if own is not None:
            return _outline(own)
        style_id = _style(paragraph)
        if style_id not in self.levels:  # (once per style: most paragraphs share a few)
            self.levels[style_id] = self._style_level(style_id)
        return self.levels[style_id]

    def _style_level(self, style_id: str | None) -> int | None:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            outline = _val(style.find(f"{W}pPr/{W}outlineLvl"))
            if outline is not None:
                return _outline(outline)
            heading = _HEADING_STYLE.fullmatch((_val(style.find(W + "name")) or "").lower())
            if heading:
                return int(heading[1]) - 1
            style_id = _val(style.find(W + "basedOn"))
        return None

    def is_heading(self, style_id: str | None) -> bool:
        """A heading style: Word's "heading N" or "Title", or a style with an outline level."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            name = (_val(style.find(W + "name")) or "").lower()
            if name.startswith("heading") or name == "title" or style.find(f"{W}pPr/{W}outlineLvl") is not None:
                return True
            style_id = _val(style.find(W + "basedOn"))
        return False


@dataclass(frozen=True)
class _Text:
    """A block of the text, and what Word knows of the paragraphs in it: a
    ``Block`` for each, by the line of ``text`` it starts at (0 the first)."""

    text: str
    facts: tuple[tuple[int, Block], ...] = ()
    new_page: bool = False  #: a page starts at its first line (where Word recorded its pages)


#: Word's numbering printed a plain paragraph number: "25.", "25", "25)", "２５．".
_PLAIN_NUMBER = re.compile(r"(\d{1,5})[.)]?")


def _style(paragraph: Any) -> str | None:
    return _val(paragraph.find(f"{W}pPr/{W}pStyle"))


def _val(element: Any) -> str | None:
    return None if element is None else element.get(W + "val")


class _Body:
    """Walks the body of a document (or of a note) into blocks of text."""

    def __init__(self, numbering: Numbering, styles: _Styles, notes: dict[str, str]) -> None:
        self.numbering = numbering
        self.styles = styles
        self.notes = notes
        self.footnote_count = 0
        self.endnote_count = 0
        self.endnote_marks: list[tuple[str, str]] = []
        self.insertions = 0
        self.deletions = 0
        self._pending_notes: list[str] = []
        self._page_ended = False
        #: Word recorded where its pages fell (``w:lastRenderedPageBreak``): the
        #: reader then knows every page, and the notes go at each page's foot
        self.paged = False
        self._next_page = False  # a page starts at the next paragraph

    @staticmethod
    def _starts_page(paragraph: Any) -> bool:
        before = paragraph.find(f"{W}pPr/{W}pageBreakBefore")
        return before is not None and before.get(W + "val") not in ("0", "false", "off")

    def blocks(self, container: Any) -> Iterator[_Text]:
        for child in container:
            tag = child.tag
            if tag == W + "p":
                if self.paged:
                    yield from self._paged_paragraph(child)
                    continue
                number = self._number(child)
                # A note prints at the foot of its page. Where Word marks the page's end (a page
                # break, the break Word last rendered, a new section) the notes go there;
                # otherwise before the next heading or numbered paragraph, so that they never
                # cut into a paragraph or a title.
                starts = self._starts_page(child)
                if number or starts or self.styles.is_heading(_style(child)):
                    yield from self.flush_notes()
                self._page_ended = False
                text = self.paragraph_text(child)
                if number and text.strip():
                    text = number + text.lstrip()
                # (a page break the text does not show: pageBreakBefore, a new section)
                yield _Text(text, ((0, self._block(child, number if text.strip() else "")),),
                            starts or self._next_page)
                yield from self._boxes(child)
                self._next_page = _new_section(child)
                if self._page_ended or child.find(f"{W}pPr/{W}sectPr") is not None:
                    yield from self.flush_notes()
            elif tag == W + "tbl":
                for row in child.iter(W + "tr"):
                    for cell in row.findall(W + "tc"):
                        yield _joined(block for block in self.blocks(cell) if block.text.strip())
            elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
                if tag in (W + "ins", W + "moveTo"):
                    self.insertions += 1
                yield from self.blocks(child)
            elif tag in (W + "del", W + "moveFrom"):
                self.deletions += 1

    def _paged_paragraph(self, paragraph: Any) -> Iterator[_Text]:
        """A paragraph of a document whose pages Word recorded: a page starts at
        it where a break stands before its text (the break Word last rendered, a
        page break, ``pageBreakBefore``) or a break or a new section ended the
        paragraph before; a break after its text starts began (a paragraph that
        goes on over a page) starts the page at the next paragraph.  The notes
        of a page go at its foot, before the page that follows."""
        before, after = _page_breaks(paragraph)
        starts = self._next_page or before or self._starts_page(paragraph)
        if starts:
            yield from self.flush_notes()
        number = self._number(paragraph)
        text = self.paragraph_text(paragraph)
        if number and text.strip():
            text = number + text.lstrip()
        yield _Text(text, ((0, self._block(paragraph, number if text.strip() else "")),), starts)
        yield from self._boxes(paragraph)
        self._next_page = after or _new_section(paragraph)

    def flush_notes(self) -> Iterator[_Text]:
        """Notes whose page foot never came (no sentence ended after their mark)."""
        if self._pending_notes:
            yield _Text(NOTE_RULE + "\n" + "\n".join(self._pending_notes))
            self._pending_notes = []

    def _block(self, paragraph: Any, label: str) -> Block:
        """What Word says of a paragraph: a heading at its level, or a paragraph
        numbered ``label`` (its automatic number as printed, or "")."""
        level = self.styles.heading_level(paragraph)
        label = label.strip()
        if level is not None:
            return Block("heading", level=level, label=label)
        plain = _PLAIN_NUMBER.fullmatch(unicodedata.normalize("NFKC", label))
        return Block("paragraph", number=int(plain[1]) if plain else None, label=label)

    def _boxes(self, paragraph: Any) -> Iterator[_Text]:
        """Text boxes anchored in a paragraph, each paragraph of theirs a block."""
        for box in paragraph.iter(W + "txbxContent"):
            if any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):
                continue  # (the same box again, for programs that cannot read the first)
            yield from self.blocks(box)

    def _number(self, paragraph: Any) -> str:
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        num_id, level = self.styles.numbering(_style(paragraph))
        if num_pr is not None:
            num_id = _val(num_pr.find(W + "numId")) or num_id
            ilvl = _val(num_pr.find(W + "ilvl"))
            if ilvl is not None and ilvl.isdigit():
                level = int(ilvl)
        if not num_id or num_id == "0":
            return ""
        return self.numbering.next(num_id, level or 0)

    def paragraph_text(self, paragraph: Any, in_note: bool = False) -> str:
        """The text of a paragraph as printed, tracked changes accepted."""
        parts: list[str] = []
        self._collect(paragraph, parts, in_note)
        return "".join(parts)

    def _collect(self, element: Any, parts: list[str], in_note: bool) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue  # comments and processing instructions
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "del", W + "moveFrom"):
                self.deletions += 1
            elif tag in (W + "ins", W + "moveTo"):
                self.insertions += 1
                self._collect(child, parts, in_note)
            elif tag in (W + "pPr", W + "rPr", W + "delText", W + "instrText", W + "delInstrText",
                         W + "txbxContent", _MC_FALLBACK, W + "commentReference"):
                if tag == W + "pPr" and child.find(f"{W}rPr/{W}ins") is not None:
                    self.insertions += 1
                continue
            elif tag == W + "r":
                if _hidden(child):
                    continue
                self._collect(child, parts, in_note)
            elif tag == W + "tab" or tag == W + "ptab":
                parts.append("\t")  # (as a text edition has it: a contents line's page stands after a tab)
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
                if child.get(W + "type") == "page":
                    self._page_ended = True
            elif tag == W + "lastRenderedPageBreak":
                self._page_ended = True
            elif tag == W + "noBreakHyphen":
                parts.append("\u2011")
            elif tag == W + "softHyphen":
                continue
            elif tag == W + "sym":
                parts.append(_symbol(child.get(W + "char", "")))
            elif tag == W + "footnoteReference":
                parts.append(self._footnote(child))
            elif tag == W + "endnoteReference":
                parts.append(self._endnote(child))
            elif tag in (W + "footnoteRef", W + "endnoteRef"):
                continue  # the note's own mark at its start: the line of the note is numbered below
            else:
                self._collect(child, parts, in_note)  # hyperlinks, fields, smart tags, content controls

    def _footnote(self, reference: Any) -> str:
        note_id = reference.get(W + "id", "")
        if reference.get(W + "customMarkFollows") in ("1", "true", "on"):
            mark = ""  # the mark is the text that follows
        else:
            self.footnote_count += 1
            mark = str(self.footnote_count)
        if note_id in self.notes:
            self._pending_notes.append(f"{mark or '*'} {self.notes[note_id]}")
        return mark

    def _endnote(self, reference: Any) -> str:
        self.endnote_count += 1
        mark = _format(self.endnote_count, "lowerRoman")
        self.endnote_marks.append((reference.get(W + "id", ""), mark))
        return mark


def _page_breaks(paragraph: Any) -> tuple[bool, bool]:
    """Whether a page break (the one Word last rendered, or a page break) stands
    in the paragraph before any of its text, and whether one stands after."""
    before = after = False
    seen_text = False
    for element in paragraph.iter(W + "t", W + "lastRenderedPageBreak", W + "br"):
        if element.tag == W + "t":
            seen_text = seen_text or bool((element.text or "").strip())
        elif element.tag == W + "lastRenderedPageBreak" or element.get(W + "type") == "page":
            if seen_text:
                after = True
            else:
                before = True
    return before, after


def _new_section(paragraph: Any) -> bool:
    """The paragraph ends a section whose successor starts on a new page (any
    section break but a continuous one)."""
    properties = paragraph.find(f"{W}pPr/{W}sectPr")
    if properties is None:
        return False
    kind = _val(properties.find(W + "type"))
    return kind != "continuous"


def _joined(blocks: Iterator[_Text]) -> _Text:
    """Blocks as the lines of one (a table cell's paragraphs), each one's facts kept at its line."""
    texts: list[str] = []
    facts: list[tuple[int, Block]] = []
    line = 0
    new_page = False
    for block in blocks:
        facts.extend((line + offset, block_facts) for offset, block_facts in block.facts)
        texts.append(block.text)
        line += block.text.count("\n") + 1
        new_page = new_page or (block.new_page and not texts[:-1])  # (a page starting inside a cell: not known)
    return _Text("\n".join(texts), tuple(facts), new_page)


#: Word's built-in heading styles, by name ("heading 1" … "heading 9").
_HEADING_STYLE = re.compile(r"heading ?([1-9])")


def _outline(value: str) -> int | None:
    """An outline level, 0 the top; Word's 9 is body text."""
    return int(value) if value.isdigit() and int(value) < 9 else None


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val") not in ("0", "false", "off")


def _symbol(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # a symbol font's private code: its Latin-1 position
        value -= 0xF000
        return {0xB7: "•", 0xA7: "§", 0x2D: "-"}.get(value, chr(value))
    return chr(value)


# --------------------------------------------------------------------------- automatic numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False
    restart: int | None = None  # the level (0-based) whose numbering restarts this one; None: any higher


class Numbering:
    """Word's list numbering: each list's levels, counted in document order.

    A ``w:num`` names an abstract list (``w:abstractNum``) and may override the
    start of its levels; paragraphs of lists that share an abstract list count on
    together, as in Word, unless an override starts the list again.
    """

    def __init__(self, element: Any) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.num_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if element is None:
            return
        for abstract in element.iter(W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(W + "lvl"):
                levels[int(lvl.get(W + "ilvl", "0"))] = _level(lvl)
            self.abstract[abstract.get(W + "abstractNumId", "")] = levels
        for num in element.iter(W + "num"):
            num_id = num.get(W + "numId", "")
            self.num_abstract[num_id] = _val(num.find(W + "abstractNumId")) or ""
            starts: dict[int, int] = {}
            for override in num.findall(W + "lvlOverride"):
                level_index = int(override.get(W + "ilvl", "0"))
                start = _val(override.find(W + "startOverride"))
                if start is not None and start.lstrip("-").isdigit():
                    starts[level_index] = int(start)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    self.abstract.setdefault(f"num:{num_id}", dict(self.abstract.get(self.num_abstract[num_id], {})))
                    self.abstract[f"num:{num_id}"][level_index] = _level(lvl)
                    self.num_abstract[num_id] = f"num:{num_id}"
            if starts:
                self.overrides[num_id] = starts

    def next(self, num_id: str, level: int) -> str:
        """The number printed before the next paragraph of list ``num_id`` at ``level``."""
        abstract_id = self.num_abstract.get(num_id)
        if abstract_id is None or abstract_id not in self.abstract:
            return ""
        levels = self.abstract[abstract_id]
        definition = levels.get(level, _Level())
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for index, start in self.overrides.get(num_id, {}).items():
                counters[index] = start - 1
                for deeper in [k for k in counters if k > index]:
                    del counters[deeper]
        counters[level] = counters[level] + 1 if level in counters else definition.start
        for deeper in [k for k in counters if k > level]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or level <= restart:
                del counters[deeper]
        if definition.fmt == "none":
            printed = _fill(definition.text, levels, counters, definition.legal)
        elif definition.fmt == "bullet":
            printed = "".join(_symbol(f"{ord(c):X}") if 0xF000 <= ord(c) <= 0xF0FF else c for c in definition.text)
        else:
            printed = _fill(definition.text, levels, counters, definition.legal)
        if not printed:
            return ""
        return printed + ("" if definition.suffix == "nothing" else " ")


def _level(lvl: Any) -> _Level:
    start = _val(lvl.find(W + "start"))
    restart = _val(lvl.find(W + "lvlRestart"))
    text = lvl.find(W + "lvlText")
    return _Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=_val(lvl.find(W + "numFmt")) or "decimal",
        text=(text.get(W + "val") or "") if text is not None else "",
        suffix=_val(lvl.find(W + "suff")) or "tab",
        legal=lvl.find(W + "isLgl") is not None,
        restart=int(restart) - 1 if restart and restart.isdigit() else None,
    )


def _fill(template: str, levels: dict[int, _Level], counters: dict[int, int], legal: bool) -> str:
    out: list[str] = []
    index = 0
    while index < len(template):
        char = template[index]
        if char == "%" and index + 1 < len(template) and template[index + 1].isdigit():
            level = int(template[index + 1]) - 1
            definition = levels.get(level, _Level())
            value = counters.get(level, definition.start)
            out.append(_format(value, "decimal" if legal else definition.fmt))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_CHINESE_DIGITS = "〇一二三四五六七八九"
_IDEOGRAPH_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"


def _roman(value: int) -> str:
    out: list[str] = []
    for amount, letters in _ROMAN:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def _letters(value: int, alphabet: str) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa …"""
    if value < 1:
        return str(value)
    count, index = divmod(value - 1, len(alphabet))
    return alphabet[index] * (count + 1)


def _chinese(value: int) -> str:
    """一 … 十, 十一 … 十九, 二十 … 九十九, 一百 …: Chinese counting as Word prints it."""
    if value <= 0:
        return _CHINESE_DIGITS[0] if value == 0 else str(value)
    if value >= 10000:
        return str(value)
    out: list[str] = []
    for amount, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit, value = divmod(value, amount)
        if digit:
            out.append(("" if unit == "十" and not out and digit == 1 else _CHINESE_DIGITS[digit]) + unit)
        elif out and value:
            out.append("〇" if not out[-1].endswith("〇") else "")
    if value:
        out.append(_CHINESE_DIGITS[value])
    return "".join(out).replace("〇〇", "〇")


def _format(value: int, fmt: str) -> str:
    if not 0 <= value <= 32767:  # (Word's own bound on a list's numbers; letters and Roman past it would be huge)
        return str(value)
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value) if value > 0 else str(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "upperLetter":
        return _letters(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if fmt == "lowerLetter":
        return _letters(value, "abcdefghijklmnopqrstuvwxyz")
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "chineseLegalSimplified"):
        return _chinese(value)
    if fmt == "ideographDigital":
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(value)) if value >= 0 else str(value)
    if fmt == "ideographTraditional":
        return _IDEOGRAPH_TRADITIONAL[(value - 1) % 10] if value > 0 else str(value)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(value)) if value >= 0 else str(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "decimalEnclosedCircle" and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt == "russianLower":
        return _letters(value, _RUSSIAN)
    if fmt == "russianUpper":
        return _letters(value, _RUSSIAN.upper())
    return str(value)
