"""PDF to text, laid out as the parser reads an edition's text.

Plain text extraction loses what a reader sees on the page: the space between
paragraphs, which line stands in a margin, which notes sit under a rule at the
foot of a page.  This reader takes the text with its geometry from PDFium
(pypdfium2: Apache-2.0/BSD-3-Clause; see the README for why this extractor) and
lays every page out again as text:

* one line of text per printed line, its pieces ordered left to right and set
  apart by as many spaces as the gap between them is wide (so a two-column
  masthead and a number standing in the margin read as ``pdftotext -layout``
  gives them: ``1.     The Secretary-General …``), indented by its distance from
  the page's text edge;
* a blank line (holding a space) where a line stands further below the one
  above than the lines of a paragraph do, and before a first line indented
  deeper than the lines under it (a paragraph start without space above it);
* a line of underscores where the page draws a rule above its foot notes (see
  ``_rule_above_notes``);
* an empty line between pages; and where each page starts (``Reading.pages``:
  the 1-based line of the text each page's first line is, page by page, a page
  without text where the next page's text starts).

Gaps are measured between the characters' advances (PDFium's loose boxes), not
their ink, and only the characters at the ends of PDFium's runs are asked for
their geometry (see ``_pieces``).

Running heads, page numbers and job numbers stay as the lines they are: the
parser knows them as page furniture (and reads the symbol from the running
head, the page notes from above the footer).  Spaces PDFium adds between two
CJK characters that the page set apart without a space character (character
spacing in justified Chinese text) are left out.
"""

from __future__ import annotations

import ctypes
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..errors import DocdiffError
from . import Reading

#: PDFium's load errors (``FPDF_GetLastError``) and what they mean for a reader.
_LOAD_ERRORS = {
    2: "cannot open the PDF file",
    3: "not a readable PDF: the file is damaged or incomplete",
    4: "encrypted PDF: it needs a password to open, which docdiff does not ask for; "
       "save an unencrypted copy and give that",
    5: "encrypted PDF with a security handler docdiff cannot open; save an unencrypted copy and give that",
    6: "not a readable PDF: a page is damaged",
}

#: A path object this flat and at least this wide is a rule, not a drawing.
RULE_MIN_WIDTH = 36.0  # points: half an inch
RULE_MAX_HEIGHT = 2.0
#: A line stands a blank line below the one above when the space between their
#: baselines exceeds the paragraph's line pitch by this factor.
PARAGRAPH_GAP = 1.4
#: Two pieces of one line further apart than this many ems are columns (or a
#: number in the margin and its text): they get a run of spaces, not one.
COLUMN_GAP_EMS = 1.2
#: Next to a CJK character the gap that parts columns is narrower: CJK text has
#: no word spaces, only spaces of a third of an em around Latin words and numbers
#: and the character spacing of justified lines (a tab to the next tab stop, as a
#: contents line's page number may stand, can be little wider than that).
CJK_COLUMN_GAP_EMS = 0.5
#: Two runs of one line closer than this many ems touch: no space stands between them
#: (a word space is a quarter of an em or more).
TOUCHING_EMS = 0.05
#: A first line indented this many ems deeper than the lines below it starts a paragraph.
FIRST_LINE_INDENT_EMS = 1.0


@dataclass(frozen=True)
class Piece:
    """A run of text PDFium read without a break, with where it stands on the page."""

    text: str
    left: float
    right: float
    baseline: float
    size: float  # the font size of its first character, in points
    first_cjk: bool
    last_cjk: bool


@dataclass
class PrintedLine:
    """The pieces on one baseline of a page, left to right."""

    pieces: list[Piece]
    baseline: float

    @property
    def left(self) -> float:
        return self.pieces[0].left

    @property
    def right(self) -> float:
        return self.pieces[-1].right

    @property
    def size(self) -> float:
        return max(p.size for p in self.pieces)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass
class Page:
    lines: list[PrintedLine]
    rules: list[tuple[float, float, float]]  # the rules drawn on the page: height, left, right
    height: float


def read(data: bytes, path: str | os.PathLike[str] | None = None) -> Reading:
    """Read a PDF edition (the ``readers`` dispatch calls this for ``%PDF-``)."""
    text, starts, warnings = _extract(data, path)
    return Reading(text, format="pdf", encoding=None, evidence="container", warnings=tuple(warnings), pages=starts)


def extract_text(data: bytes, path: str | os.PathLike[str] | None = None) -> tuple[str, list[str]]:
    """The text of a PDF edition and the warnings a report should carry.

    Raises ``DocdiffError`` for an encrypted, damaged or text-less PDF.
    """
    text, _, warnings = _extract(data, path)
    return text, warnings


def _extract(data: bytes, path: str | os.PathLike[str] | None) -> tuple[str, tuple[int, ...], list[str]]:
    """The text, the line each page starts at, and the warnings (``extract_text``)."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        raise DocdiffError(_LOAD_ERRORS.get(code or 0, "not a readable PDF"), path) from None
    try:
        try:
            pages = [_read_page(document, k) for k in range(len(document))]
        except pdfium.PdfiumError:
            raise DocdiffError("not a readable PDF: a page cannot be read", path) from None
    finally:
        document.close()
    if not pages:
        raise DocdiffError("a PDF without pages", path)
    empty = [k + 1 for k, page in enumerate(pages) if not page.lines]
    if len(empty) == len(pages):
        raise DocdiffError("no text layer: run OCR first (e.g. ocrmypdf FILE OUT.pdf), or give the text", path)
    warnings = []
    if empty:
        many = len(empty) > 1
        warnings.append(f"page{'s' if many else ''} {', '.join(map(str, empty))} "
                        f"{'have' if many else 'has'} no text layer (a scan, or a blank page): "
                        f"{'their' if many else 'its'} text, if any, is missing")
    text, starts = laid_out(pages)
    return text, starts, warnings


# ----------------------------------------------------------------------------- reading a page


def _read_page(document, index: int) -> Page:  # type: ignore[no-untyped-def]
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            pieces = _pieces(textpage)
        finally:
            textpage.close()
        rules = _rules(page)
        height = page.get_height()
    finally:
        page.close()
    return Page(_printed_lines(pieces), rules, height)


def _pieces(textpage) -> list[Piece]:  # type: ignore[no-untyped-def]
    """The page's text cut where PDFium added a space or a line break of its own.

    Only the characters at the ends of a piece are asked for their geometry:
    asking each character costs 15 µs, twenty times the rest of the reading.
    """
    from pypdfium2 import raw

    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # (characters beyond the BMP: ask each one instead)
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count))
    # A piece ends before a character PDFium made up (a space or line break
    # where the page only moved on) and after a hyphen that ends a printed line,
    # which PDFium marks U+FFFE and runs on into the next line without a break.
    cuts = [(i, i + 1) for i, ch in enumerate(text)
            if ch in " \r\n" and raw.FPDFText_IsGenerated(handle, i) == 1]
    cuts += [(i + 1, i + 1) for i, ch in enumerate(text) if ch == "\ufffe"]
    text = text.replace("\ufffe", "-")
    cuts.sort()
    # (the loose box spans a character's advance, not its ink: the gaps between
    # pieces are then the spaces the page set, whatever the glyphs' shapes)
    rect = raw.FS_RECTF()
    box = ctypes.byref(rect)
    x, y = ctypes.c_double(), ctypes.c_double()
    origin = (ctypes.byref(x), ctypes.byref(y))
    pieces = []
    start = 0
    for end, after in [*cuts, (count, count)]:
        first, last = start, end - 1
        while first <= last and text[first].isspace():
            first += 1
        while last >= first and text[last].isspace():
            last -= 1
        if first <= last:
            raw.FPDFText_GetLooseCharBox(handle, first, box)
            piece_left = rect.left
            raw.FPDFText_GetCharOrigin(handle, first, *origin)
            first_y = y.value
            raw.FPDFText_GetCharOrigin(handle, last, *origin)
            baseline = min(first_y, y.value)  # (a raised footnote mark at either end)
            raw.FPDFText_GetLooseCharBox(handle, last, box)
            size = raw.FPDFText_GetFontSize(handle, first)
            piece_text, piece_right = text[first:last + 1], rect.right
            if rect.left < piece_left - 0.01:  # its last character stands left of its first
                piece_text, piece_left, piece_right = _in_page_order(handle, text, first, last)
            pieces.append(Piece(piece_text, piece_left, piece_right, baseline, size,
                                _is_cjk(piece_text[0]), _is_cjk(piece_text[-1])))
        start = after
    return pieces


def _in_page_order(handle, text: str, first: int, last: int) -> tuple[str, float, float]:  # type: ignore[no-untyped-def]
    """The characters ``first`` … ``last`` of one run ordered as the page sets
    them, left to right, with the run's left and right edges.  PDFium reads
    characters in the order the page's content draws them; a page may draw a
    mark after the character it stands before (LibreOffice draws an opening quote
    of a Latin font after the Chinese character that follows it): ``_pieces``
    asks for this only where a run's last character stands left of its first."""
    from pypdfium2 import raw

    rect = raw.FS_RECTF()
    boxes = []
    for i in range(first, last + 1):
        raw.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(rect))
        boxes.append((rect.left, rect.right, i))
    boxes.sort(key=lambda b: (b[0], b[2]))
    return "".join(text[i] for _, _, i in boxes), boxes[0][0], max(b[1] for b in boxes)


def _rules(page) -> list[tuple[float, float, float]]:  # type: ignore[no-untyped-def]
    """The heights of the flat, wide path objects (rules) drawn on the page."""
    from pypdfium2 import raw

    handle = page.raw
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    found = []
    for k in range(raw.FPDFPage_CountObjects(handle)):
        obj = raw.FPDFPage_GetObject(handle, k)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, *bounds):
            continue
        if right.value - left.value >= RULE_MIN_WIDTH and top.value - bottom.value <= RULE_MAX_HEIGHT:
            found.append(((top.value + bottom.value) / 2, left.value, right.value))
    return found


def _printed_lines(pieces: list[Piece]) -> list[PrintedLine]:
    """Pieces grouped by baseline, top to bottom, each line's pieces left to right
    (whatever order the page's content drew them in)."""
    lines: list[PrintedLine] = []
    for piece in sorted(pieces, key=lambda p: (-p.baseline, p.left)):
        if lines and abs(lines[-1].baseline - piece.baseline) <= 0.35 * max(piece.size, 1.0):
            lines[-1].pieces.append(piece)
        else:
            lines.append(PrintedLine([piece], piece.baseline))
    for line in lines:
        line.pieces.sort(key=lambda p: p.left)
    return lines


# ----------------------------------------------------------------------------- laying out text


def lay_out(pages: list[Page]) -> str:
    """The pages as text (see the module's docstring)."""
    return laid_out(pages)[0]


def laid_out(pages: list[Page]) -> tuple[str, tuple[int, ...]]:
    """The pages as text, and the 1-based line of the text each page starts at."""
    body_size = _body_size(pages)
    pitch_ratio = _pitch_ratio(pages, body_size)
    unit = body_size / 2  # one column of text: half an em of the body font
    edge = min((ln.left for page in pages for ln in page.lines), default=0.0)
    out: list[str] = []
    starts: list[int] = []
    for number, page in enumerate(pages):
        if number:
            out.append("")  # (pages apart by an empty line; a blank line inside a page holds a space)
        starts.append(len(out) + 1)
        lines = _with_rules(page, body_size)
        previous: PrintedLine | None = None
        for k, line in enumerate(lines):
            if previous is not None:
                pitch = pitch_ratio * max(line.size, previous.size)
                below = lines[k + 1] if k + 1 < len(lines) else None
                step = previous.baseline - line.baseline
                if step > PARAGRAPH_GAP * pitch:
                    out.extend([" "] * max(1, round(step / pitch - 1)))  # (a blank line a line's space)
                elif _indented_first_line(previous, line, below, pitch):
                    out.append(" ")
            out.append(_line_text(line, edge, unit))
            previous = line
    text = "\n".join(out) + "\n"
    return unicodedata.normalize("NFC", text), tuple(starts)


def _body_size(pages: list[Page]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            for piece in line.pieces:
                sizes[round(piece.size, 1)] += len(piece.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _pitch_ratio(pages: list[Page], body_size: float) -> float:
    """The distance between the baselines of a paragraph's lines, per point of
    font size: the commonest step between two lines of body text."""
    steps: Counter[float] = Counter()
    for page in pages:
        for upper, lower in zip(page.lines, page.lines[1:]):
            if abs(upper.size - body_size) < 0.5 and abs(lower.size - body_size) < 0.5:
                step = upper.baseline - lower.baseline
                if step > 0:
                    steps[round(step, 1)] += 1
    if not steps:
        return 1.2
    # Steps a hair apart are one pitch (the page's coordinates are rounded: a pitch of
    # 11.35 pt is read as 11.3 and 11.4, and split in two it would lose to the double
    # step between paragraphs that each leave a blank line).
    groups: list[list[float]] = []
    for value in sorted(steps):
        if groups and value - groups[-1][-1] <= STEP_TOLERANCE:
            groups[-1].append(value)
        else:
            groups.append([value])
    weight = {id(g): sum(steps[v] for v in g) for g in groups}
    group = min(groups, key=lambda g: (-weight[id(g)], g[0]))  # (the commonest; of two as common, the closer)
    step = sum(v * steps[v] for v in group) / weight[id(group)]
    return max(step / body_size, 1.0)


#: Steps between baselines this close (in points) are one line pitch, read apart by rounding.
STEP_TOLERANCE = 0.15


def _with_rules(page: Page, body_size: float) -> list[PrintedLine]:
    """The page's lines with a line of underscores where a rule stands above notes."""
    lines = list(page.lines)
    for rule in page.rules:
        below = [ln for ln in lines if ln.baseline < rule[0]]
        if below and _rule_above_notes(page, rule, below[0], body_size):
            size = below[0].size
            # (set as an underscore is: just under the baseline)
            underscores = Piece("_" * 10, rule[1], rule[2], rule[0] + 0.1 * size, size, False, False)
            lines.insert(lines.index(below[0]), PrintedLine([underscores], underscores.baseline))
    return lines


def _rule_above_notes(page: Page, rule: tuple[float, float, float], below: PrintedLine, body_size: float) -> bool:
    """A rule in the lower half of the page, not under a line of text (an underline),
    with a line close below it that is set smaller than the body text, or under a
    rule shorter than half the text's width (a footnote separator; a table's rules
    run across)."""
    height, left, right = rule
    if height > page.height / 2 or height - below.baseline > 3 * below.size * 1.5:
        return False
    if any(height < ln.baseline <= height + 0.6 * ln.size for ln in page.lines):
        return False
    text_width = max(ln.right for ln in page.lines) - min(ln.left for ln in page.lines)
    return below.size < body_size - 0.25 or right - left <= text_width / 2


def _indented_first_line(above: PrintedLine, line: PrintedLine, below: PrintedLine | None, pitch: float) -> bool:
    """A line indented deeper than both its neighbours, with the line below it at
    the left edge of the line above, and running as far right as the line below:
    the first line of a paragraph set without space above it (the line above
    ended the paragraph before).  (A centred title's short middle line stops
    short on the right as well: it starts nothing.)"""
    if below is None or line.baseline - below.baseline > PARAGRAPH_GAP * pitch:
        return False
    em = line.size
    return (line.left - below.left >= FIRST_LINE_INDENT_EMS * em
            and abs(above.left - below.left) < 0.5 * em
            and line.right >= below.right - em
            and _plain_text(line.pieces[0].text))


_MARGIN_NUMBER = re.compile(r"^(?:\d{1,4}[.．]?|\(?[a-z]{1,3}\)|[IVXLC]{1,6}\.|[A-Z]\.)$")


def _plain_text(text: str) -> bool:
    """Not a number standing alone (a list or paragraph number has its own rules)."""
    return not _MARGIN_NUMBER.match(text)


def _line_text(line: PrintedLine, edge: float, unit: float) -> str:
    parts: list[str] = []
    column = 0
    previous: Piece | None = None
    for piece in line.pieces:
        at = max(round((piece.left - edge) / unit), 0)
        if previous is None:
            gap = " " * at
        else:
            space = piece.left - previous.right
            cjk = previous.last_cjk or piece.first_cjk
            if space > (CJK_COLUMN_GAP_EMS if cjk else COLUMN_GAP_EMS) * max(piece.size, previous.size):
                gap = " " * max(at - column, 2)
            elif (previous.last_cjk and piece.first_cjk) or space < TOUCHING_EMS * max(piece.size, previous.size):
                # (character spacing between CJK characters, not a space; or two runs that
                # touch, which PDFium parted where the page drew on: “欧洲” and its quote)
                gap = ""
            else:
                gap = " "
        parts.append(gap + piece.text)
        column += len(gap) + _width(piece.text)
        previous = piece
    return "".join(parts).rstrip()


def _width(text: str) -> int:
    """Columns a piece takes at half an em a column: CJK characters are an em wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


__all__ = ["extract_text", "lay_out", "laid_out", "read"]
