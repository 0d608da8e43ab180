"""Typeset an edition's text as a PDF laid out as the UN lays editions out (tests only).

How the content is derived: the text of a real edition (or a seed) *is* the
content, line by line and page by page, as the published PDF printed it — its
text files were extracted from such PDFs, so their lines are the printed lines.
``typeset`` sets each line of text on its own baseline of a PDF page, and turns
what the text file shows with characters back into what a page shows with
geometry:

* a run of two or more spaces inside a line (a masthead's two columns, a
  paragraph number standing in the margin, a footer's page and job numbers)
  becomes horizontal distance: each piece is set at the column where the text
  file has it, ``column_width`` points a column; what follows a tab (a contents
  line's page number) is set flush right; a piece wider than the columns up to
  the next piece moves left, but never back over the piece before it (then it
  pushes the rest of the line right): pieces stay in the text's order, an em apart;
* blank lines become vertical space (``blank_space`` of a line pitch each), so
  the PDF has no blank lines to extract, only gaps;
* a line of underscores becomes a drawn rule (``rule="path"``) or stays text
  (``rule="text"``, as Word's footnote separator often is), and the lines
  below it on the page are set smaller (``note_size``), as page-foot notes are;
* lines that run close to the longest line of the page and are followed by
  another line of their paragraph are justified: stretched to the right edge,
  by word spacing (``justify="spaces"``) or by placing each word (``"words"``,
  so the PDF has no space characters there at all and the extractor must find
  the gaps); a line without spaces (Chinese) by character spacing;
* a page ends where the text's page ends: at a form feed or an empty line
  (``page_break="empty"``, the real texts' page separator: their blank lines
  inside a page hold one space), or after a footer, a line that ends in a job
  number or page number and is followed by a blank line (``"footer"``); a page
  of text longer than the paper has its blank lines set closer, or a longer
  sheet (see ``_fit``).

Nothing of the text is left out, reordered or reworded: only where it stands
changes.  So the tree docdiff reads from the PDF must be the tree it reads from
the text.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

#: Fonts the layouts may be set in: TrueType files of Debian's fonts-liberation,
#: fonts-dejavu-core and fonts-wqy-microhei (``.ci/run`` installs them), each the
#: first found of its list.
FONT_FILES = {
    "serif": ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
              "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
    "sans": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
             "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
    "cjk": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
}


def font_file(name: str) -> str | None:
    """The file of one of ``FONT_FILES`` on this machine, or None."""
    return next((f for f in FONT_FILES.get(name, ()) if Path(f).exists()), None)


@dataclass(frozen=True)
class Layout:
    page_width: float = 595.0  # A4
    page_height: float = 842.0
    left: float = 72.0
    top: float = 60.0
    bottom: float = 50.0
    font: str = "serif"  # one of FONT_FILES, or a standard PDF font ("Times-Roman": no U+2011)
    size: float = 10.0
    pitch: float = 12.0  # baseline to baseline
    blank_space: float = 1.0  # of a pitch, for each blank line
    column_width: float = 5.0  # points per column of the text file
    note_size: float = 8.0
    rule: str = "path"  # or "text"
    justify: str = "spaces"  # or "words" or "none"
    page_break: str = "empty"  # or "footer"


_FOOTER = re.compile(r"(?:\d{2}-\d{5}|\d{1,3}(?:/\d{1,3})?)\s*$")
_RULE = re.compile(r"_{3,}")
_COLUMNS = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\t|\s*$)")


def pages_of(text: str, page_break: str) -> list[list[str]]:
    """The text's pages, each a list of lines (see the module's docstring)."""
    return [[line for _, line in page] for page in numbered_pages(text, page_break)]


def numbered_pages(text: str, page_break: str) -> list[list[tuple[int, str]]]:
    """The text's pages, each a list of its lines with the 1-based line of
    ``text`` each is (a line cut by a form feed: each piece with its own)."""
    pages: list[list[tuple[int, str]]] = [[]]
    joined = "\ue000"  # (marks a form feed that ended its line: what follows is the next line's)
    lines = text.replace("\f\n", "\f" + joined).split("\n")
    number = 0
    for k, line in enumerate(lines):
        number += 1
        parts = line.split("\f")
        for n, part in enumerate(parts):
            if n:
                pages.append([])
            if part.startswith(joined):
                number += 1
                part = part[1:]
            if page_break == "empty" and part == "" and len(parts) == 1:
                if pages[-1]:
                    pages.append([])
                continue
            pages[-1].append((number, part))
        line = line.replace(joined, "")
        if page_break == "footer" and _FOOTER.search(line) and re.search(r"\d{2}-\d{5}", line) \
                and k + 1 < len(lines) and not lines[k + 1].strip():
            pages.append([])
    return [page for page in pages if any(ln.strip() for _, ln in page)]


def typeset(text: str, layout: Layout = Layout()) -> bytes:
    """A PDF of ``text`` (see the module's docstring)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = layout.font
    if font in FONT_FILES:
        path = font_file(font)
        if path is None:
            raise RuntimeError(f"no {font} font installed")
        font = f"Docdiff-{layout.font}"
        if font not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(font, path, subfontIndex=0))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(layout.page_width, layout.page_height), invariant=1)
    right_edge = layout.page_width - layout.left * 0.8

    def width(piece: str, size: float) -> float:
        return pdfmetrics.stringWidth(piece, font, size)

    for page in pages_of(text, layout.page_break):
        blank_space, height = _fit(page, layout)
        pdf.setPageSize((layout.page_width, height))
        y = height - layout.top
        size = layout.size
        for k, line in enumerate(page):
            if not line.strip():
                y -= layout.pitch * blank_space
                continue
            if _RULE.fullmatch(line.strip()):
                size = layout.note_size
                if layout.rule == "path":
                    x = layout.left + _indent(line) * layout.column_width
                    pdf.setLineWidth(0.5)
                    pdf.line(x, y - 0.1 * size, x + 72, y - 0.1 * size)  # (where underscores stand)
                    y -= layout.pitch * size / layout.size
                    continue
            pitch = layout.pitch * size / layout.size
            following = page[k + 1] if k + 1 < len(page) else ""
            pieces = _pieces(line)
            previous_end: float | None = None
            for n, (column, piece) in enumerate(pieces):
                natural = width(piece, size)
                x = layout.left + column * layout.column_width
                if column < 0:  # (after a tab: set flush right, as a contents line's page number)
                    x = right_edge - natural
                if n + 1 < len(pieces) and pieces[n + 1][0] >= 0:  # (never run into the next column)
                    room = layout.left + pieces[n + 1][0] * layout.column_width - x - size
                    if natural > room:
                        x = max(layout.left, x - (natural - room))
                if previous_end is not None:
                    # nor back over the piece before: a piece wider than the columns
                    # the text gives it (narrow columns, a wide font) pushes the rest
                    # of the line right, so the pieces keep the text's order, apart
                    x = max(x, previous_end + size)
                previous_end = x + natural
                stretch = right_edge - x - natural
                if (layout.justify != "none" and len(pieces) == 1 and following.strip()
                        and len(_pieces(following)) == 1 and len(piece) > 1
                        and 0 < stretch < 0.12 * (right_edge - x)):
                    _justified(pdf, piece, x, y, font, size, stretch, layout.justify)
                else:
                    pdf.setFont(font, size)
                    pdf.drawString(x, y, piece)
            y -= pitch
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _fit(page: list[str], layout: Layout) -> tuple[float, float]:
    """The space of a blank line and the paper's height for one page: a page of
    the text that is longer than the paper has its blank lines set closer (down
    to half a line: still more than the lines of a paragraph are apart), and if
    that is not enough, a longer sheet (a page's text is never cut apart from
    its notes)."""
    blanks = sum(1 for line in page if not line.strip())
    lines = len(page) - blanks
    room = layout.page_height - layout.top - layout.bottom
    blank_space = layout.blank_space
    if lines * layout.pitch + blanks * layout.pitch * blank_space > room and blanks:
        blank_space = max(0.5, min(blank_space, (room - lines * layout.pitch) / (blanks * layout.pitch)))
    needed = layout.top + layout.bottom + lines * layout.pitch + blanks * layout.pitch * blank_space
    return blank_space, max(layout.page_height, needed)


def _indent(line: str) -> int:
    return _width(line) - _width(line.lstrip())


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pieces(line: str) -> list[tuple[int, str]]:
    """The line's pieces (apart by two or more spaces or a tab) and the column each
    starts at; -1 for a piece after a tab, which is set flush right."""
    head, tab, tail = line.rstrip().partition("\t")
    out = [(_width(head[:match.start()]), match.group()) for match in _COLUMNS.finditer(head)]
    if tab:
        out.extend((-1, piece.strip()) for piece in tail.split("\t") if piece.strip())
    return out


def _justified(pdf, piece: str, x: float, y: float, font: str, size: float,  # type: ignore[no-untyped-def]
               stretch: float, how: str) -> None:
    from reportlab.pdfbase import pdfmetrics

    words = piece.split(" ")
    gaps = len(words) - 1
    if not gaps:  # (a line of CJK text: justified by character spacing, as Chinese is set)
        text = pdf.beginText(x, y)
        text.setFont(font, size)
        text.setCharSpace(stretch / (len(piece) - 1))
        text.textOut(piece)
        pdf.drawText(text)
        return
    if how == "spaces":
        text = pdf.beginText(x, y)
        text.setFont(font, size)
        text.setWordSpace(stretch / gaps)
        text.textOut(piece)
        pdf.drawText(text)
        return
    space = pdfmetrics.stringWidth(" ", font, size) + stretch / gaps
    pdf.setFont(font, size)
    for word in words:
        pdf.drawString(x, y, word)
        x += pdfmetrics.stringWidth(word, font, size) + space
