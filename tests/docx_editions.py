"""Word editions made in the tests from an edition's text, as the UN sets them.

``make_docx(text)`` takes an edition laid out one paragraph per line (the
Chinese seed, the English seed's ``.src.txt``) and writes a .docx with
python-docx the way a UN document is built in Word:

- the masthead's first blocks in a two-column table (the blocks in pairs, read
  row by row, cell by cell — the order of the text);
- part headings (``I.``, ``一.``) and lettered subsections (``A.``) as Heading 1 and
  2 paragraphs numbered by one two-level automatic list (upper Roman or Chinese
  counting, then upper letters restarting in each part), their numbers removed
  from the text;
- numbered paragraphs (``12. …``) numbered by a second automatic list, decimal,
  with a start override where the numbering jumps;
- the note line (``* …``) as a real footnote with the custom mark ``*`` where the
  title carries it;
- running heads and page numbers in the header and footer.

The rules that recognise these lines are the seeds' own layout (the body
starts at the first part heading that is not a line of the contents), written
here without docdiff's parser. ``Variation`` says what the property tests vary.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import docx
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

PART_HEADING = re.compile(r"^([IVX]+|[一二三四五六七八九十]+)\. (.+)$")
SUB_HEADING = re.compile(r"^([A-Z])\. (.+)$")
NUMBERED = re.compile(r"^(\d+)\. (.+)$")
SENTENCE_END = tuple("。.;；:：!?！？)）")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
CHINESE = list("一二三四五六七八九十")


@dataclass(frozen=True)
class Variation:
    """What a Word document of the same text may differ in."""

    suffix: str = "tab"  # what follows an automatic number: tab, space
    numbering_by_style: bool = False  # the list set by the paragraph style, not on each paragraph
    run_cuts: tuple[int, ...] = ()  # split each paragraph's text into runs at these fractions (per mille)
    tracked: bool = False  # one paragraph's words inserted and other words deleted as tracked changes
    header: str = "A/65/382\nS/2010/490"
    masthead_table: bool = True


@dataclass
class _Builder:
    variation: Variation
    document: docx.document.Document = field(default_factory=docx.Document)
    footnotes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.numbering = self.document.part.numbering_part.element
        self.next_num = 100
        self.tracked_done = False

    # ----------------------------------------------------------------- numbering definitions
    def add_list(self, levels: list[tuple[str, str]], start: int = 1) -> str:
        """A new abstract list with these (numFmt, lvlText) levels (the first
        counting from ``start``), and a num for it."""
        abstract_id = str(self.next_num)
        num_id = str(self.next_num + 1)
        self.next_num += 2
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start if i == 0 else 1}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{self.variation.suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels))
        abstract = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>')
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        self.numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
                                        f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
        self.abstract_of = getattr(self, "abstract_of", {})
        self.abstract_of[num_id] = abstract_id
        return num_id

    def restart(self, num_id: str, level: int, start: int) -> str:
        """A new num of the same abstract list, starting ``level`` at ``start``."""
        new_id = str(self.next_num)
        self.next_num += 1
        self.numbering.append(parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{new_id}"><w:abstractNumId w:val="{self.abstract_of[num_id]}"/>'
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'))
        self.abstract_of[new_id] = self.abstract_of[num_id]
        return new_id

    def style_for(self, num_id: str, level: int, name: str) -> str:
        """A paragraph style that carries the list (Word's "List Number" way)."""
        styles = self.document.styles.element
        style_id = f"List{num_id}x{level}"
        if styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']") is None:
            styles.append(parse_xml(
                f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name} {style_id}"/>'
                f'<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
                f'</w:numPr></w:pPr></w:style>'))
        return style_id

    # ----------------------------------------------------------------- paragraphs
    def paragraph(self, text: str, container=None, style: str | None = None,
                  numbered: tuple[str, int] | None = None, note_mark_at_end: bool = False) -> None:
        target = container if container is not None else self.document
        paragraph = target.add_paragraph(style=style) if style and style in self.document.styles else \
            target.add_paragraph()
        p = paragraph._p
        if numbered is not None:
            num_id, level = numbered
            p_pr = p.get_or_add_pPr()
            if self.variation.numbering_by_style:
                p_pr.append(parse_xml(f'<w:pStyle xmlns:w="{W_NS}" w:val="{self.style_for(num_id, level, "List")}"/>'))
                p_pr.insert(0, p_pr[-1])
            else:
                p_pr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/>'
                                      f'<w:numId w:val="{num_id}"/></w:numPr>'))
        pieces = _cut(text, self.variation.run_cuts)
        if self.variation.tracked and not self.tracked_done and numbered is not None and len(text) > 40:
            self.tracked_done = True
            words = text.split(" ")
            middle = len(words) // 2
            before, inserted = " ".join(words[:middle]) + " ", " ".join(words[middle:])
            paragraph.add_run(before)
            p.append(parse_xml(f'<w:del xmlns:w="{W_NS}" w:id="901" w:author="docdiff" w:date="2024-01-01T00:00:00Z">'
                               f'<w:r><w:delText xml:space="preserve">words struck out </w:delText></w:r></w:del>'))
            p.append(parse_xml(f'<w:ins xmlns:w="{W_NS}" w:id="902" w:author="docdiff" w:date="2024-01-01T00:00:00Z">'
                               f'<w:r><w:t xml:space="preserve">{_xml(inserted)}</w:t></w:r></w:ins>'))
        else:
            for piece in pieces:
                paragraph.add_run(piece)
        if note_mark_at_end:
            self.footnote_reference(p)

    def footnote_reference(self, p) -> None:
        note_id = len(self.footnotes) + 1
        p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                           f'<w:footnoteReference w:customMarkFollows="1" w:id="{note_id}"/>'
                           f'<w:t>*</w:t></w:r>'))
        self.footnotes.append("")

    def finish(self) -> bytes:
        section = self.document.sections[0]
        header = section.header.paragraphs[0]
        for i, line in enumerate(self.variation.header.split("\n")):
            if i:
                header.add_run().add_break()
            header.add_run(line)
        footer = section.footer.paragraphs[0]
        footer._p.append(parse_xml(f'<w:fldSimple xmlns:w="{W_NS}" w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        footer.add_run(" 10-99999 (E)")  # a job number no seed has: its absence shows the footer unread
        if self.footnotes:
            notes = "".join(
                f'<w:footnote w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{_xml(text)}</w:t></w:r></w:p></w:footnote>'
                for i, text in enumerate(self.footnotes, 1))
            blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
                    f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                    f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                    f'</w:r></w:p></w:footnote>{notes}</w:footnotes>').encode()
            part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, blob, self.document.part.package)
            self.document.part.relate_to(part, RT.FOOTNOTES)
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, cuts: tuple[int, ...]) -> list[str]:
    points = sorted({len(text) * c // 1000 for c in cuts if 0 < len(text) * c // 1000 < len(text)})
    pieces, start = [], 0
    for point in points:
        pieces.append(text[start:point])
        start = point
    pieces.append(text[start:])
    return [p for p in pieces if p]


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def body_start(lines: list[str]) -> int:
    """The first part heading that is not a line of the contents (no tab before a page)."""
    return next(i for i, line in enumerate(lines) if PART_HEADING.match(line) and "\t" not in line)


def make_docx(text: str, variation: Variation = Variation()) -> bytes:
    """A .docx of an edition laid out one paragraph per line (see the module)."""
    lines = text.split("\n")
    start = body_start(lines)
    builder = _Builder(variation)
    front = _blocks(lines[:start])
    masthead: list[list[str]] = []
    while front and all(len(line) < 45 for line in front[0]) and len(masthead) < 8:
        masthead.append(front.pop(0))
    if variation.masthead_table:
        table = builder.document.add_table(rows=0, cols=2)
        for row_index in range(0, len(masthead), 2):
            cells = table.add_row().cells
            for cell, block in zip(cells, masthead[row_index:row_index + 2], strict=False):
                cell.paragraphs[0].add_run(block[0])
                for line in block[1:]:
                    builder.paragraph(line, container=cell)
    else:
        for block in masthead:
            for line in block:
                builder.paragraph(line)
    note_lines = [line for block in front for line in block if line.startswith("*")]
    for block in front:
        for line in block:
            if line in note_lines:  # where the page ended in the text: the note stood at its foot
                builder.document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
                continue
            marked = bool(note_lines) and line.endswith("*") and not builder.footnotes
            if marked:
                builder.paragraph(line[:-1].rstrip(" "), note_mark_at_end=True)
                builder.footnotes[-1] = note_lines[0].lstrip("* ").strip()
            else:
                builder.paragraph(line)

    numerals = CHINESE if any(PART_HEADING.match(ln) and ln[0] in CHINESE for ln in lines[start:]) else ROMAN
    headings = builder.add_list([("chineseCounting" if numerals is CHINESE else "upperRoman", "%1."),
                                 ("upperLetter", "%2.")])
    paragraphs = builder.add_list([("decimal", "%1.")])
    expect_part, expect_sub, expect_number = 1, 1, 1
    previous: list[str] | None = None  # the text of the last numbered paragraph (page cuts join it)
    body: list[tuple[str, object]] = []
    for line in lines[start:]:
        if not line.strip():
            continue
        part, sub, numbered = PART_HEADING.match(line), SUB_HEADING.match(line), NUMBERED.match(line)
        if part and part.group(1) in numerals and numerals.index(part.group(1)) + 1 == expect_part:
            body.append(("part", part.group(2)))
            expect_part += 1
            expect_sub = 1
            previous = None
        elif sub and ord(sub.group(1)) - ord("A") + 1 == expect_sub:
            body.append(("sub", sub.group(2)))
            expect_sub += 1
            previous = None
        elif numbered:
            number = int(numbered.group(1))
            previous = [numbered.group(2)]
            body.append(("numbered", (number, previous)))
            expect_number = number + 1
        elif previous is not None and not previous[-1].rstrip().endswith(SENTENCE_END):
            previous.append(line)  # the rest of a paragraph a page break cut
        else:
            body.append(("plain", line))
            previous = None
    expect_number = 1
    for kind, value in body:
        if kind == "part":
            builder.paragraph(str(value), style="Heading 1", numbered=(headings, 0))
        elif kind == "sub":
            builder.paragraph(str(value), style="Heading 2", numbered=(headings, 1))
        elif kind == "numbered":
            number, pieces = value  # type: ignore[misc]
            if number != expect_number:
                paragraphs = builder.restart(paragraphs, 0, number)
            builder.paragraph("".join(pieces), numbered=(paragraphs, 0))
            expect_number = number + 1
        else:
            builder.paragraph(str(value))
    return builder.finish()


__all__ = ["Variation", "body_start", "make_docx"]


#: A note's mark as the PDF text has it: the number glued to a word ("Disarmament2",
#: "2003,7", "October 19904" after a year) or set apart after a comma before a word that
#: goes on ("disarmament, 1 in").
MARK = r"(?<=[^\s\d]){n}(?=[\s,.;:]|$)|(?<=[,;] ){n}(?= [a-z])|(?<= (?:19|20)\d\d){n}(?=[\s,.;:])"


def note_marks(paragraphs: list[str], notes: list[str]) -> dict[int, list[tuple[int, int, str]]]:
    """Where each note's mark stands: paragraph -> [(start, end, note text)], the notes
    found in their order through the text (a note not found is left out)."""
    marks: dict[int, list[tuple[int, int, str]]] = {}
    where = (0, 0)
    for note in notes:
        number, _, body = note.partition(" ")
        for index in range(where[0], len(paragraphs)):
            found = re.compile(MARK.format(n=re.escape(number))).search(
                paragraphs[index], where[1] if index == where[0] else 0)
            if found:
                marks.setdefault(index, []).append((found.start(), found.end(), body))
                where = (index, found.end())
                break
    return marks


def make_resolution_docx(text: str, document) -> bytes:  # type: ignore[no-untyped-def]
    """A .docx of a resolution from its PDF text and the tree docdiff read from it.

    The masthead is the text's own blocks above the enacting formula (each block a
    paragraph, its lines kept by line breaks, in a two-column table), less the page
    furniture lines (job number, barcode), which Word keeps in the first page's footer;
    the preambular paragraphs follow the formula unnumbered, the operative paragraphs
    are numbered by an automatic list (restarted where the numbers do not go up by one), the footnotes are real footnotes whose marks
    stand where the text had them, and the closing lines end the document."""
    builder = _Builder(Variation(header=document.metadata.symbol or ""))
    lines = text.split("\n")
    preamble = next(s for s in document.sections if s.kind == "preamble")
    formula = next(i for i, line in enumerate(lines) if line.strip() == preamble.title)
    kept = set(document.front.masthead) | {document.metadata.symbol}
    blocks = [[line.strip() for line in block if line.strip() in kept] for block in _blocks(
        [line if line.strip() else "" for line in lines[:formula]])]
    blocks = [block for block in blocks if block]
    table = builder.document.add_table(rows=0, cols=2)
    for row_index in range(0, len(blocks), 2):
        cells = table.add_row().cells
        for cell, block in zip(cells, blocks[row_index:row_index + 2], strict=False):
            run = cell.paragraphs[0].add_run(block[0])
            for line in block[1:]:
                run.add_break()
                run = cell.paragraphs[0].add_run(line)
    builder.paragraph(preamble.title)
    operative = builder.add_list([("decimal", "%1.")])
    paragraphs = list(document.paragraphs())
    marks = note_marks([p.text for p in paragraphs], list(document.front.footnotes))
    expect_number = 1
    for index, paragraph in enumerate(paragraphs):
        if paragraph.number is not None and paragraph.number != expect_number:
            operative = builder.restart(operative, 0, paragraph.number)  # a start override, as make_docx
        expect_number = paragraph.number + 1 if paragraph.number is not None else expect_number
        _noted_paragraph(builder, paragraph.text, marks.get(index, []),
                         (operative, 0) if paragraph.number is not None else None)
    for line in document.front.closing:
        builder.paragraph(line)
    return builder.finish()


def _noted_paragraph(builder: _Builder, text: str, marks: list[tuple[int, int, str]], numbered) -> None:  # type: ignore[no-untyped-def]
    """A paragraph whose footnote marks are real footnote references."""
    paragraph = builder.document.add_paragraph()
    p = paragraph._p
    if numbered is not None:
        p.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{numbered[1]}"/>'
                                            f'<w:numId w:val="{numbered[0]}"/></w:numPr>'))
    position = 0
    for start, end, note in marks:
        paragraph.add_run(text[position:start])
        builder.footnotes.append(note)
        p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                           f'<w:footnoteReference w:id="{len(builder.footnotes)}"/></w:r>'))
        position = end
    paragraph.add_run(text[position:])
