"""Pages on the hand-off: the PDF reader says where each page starts
(``Reading.pages``), each line knows its page (``Line.page``) and each paragraph
the page it starts on (``Paragraph.page``, in the outline's JSON).

The PDFs are typeset by the tests (``tests/typeset.py``) from the real editions
in ``seeds/real/`` and the English seed: the page each line of the text is set
on is the typesetting's (``typeset.numbered_pages``: its pages of the text's own
lines), so the page a paragraph must have is the page its first line, in the
text docdiff reads from the text file, was set on — known without the PDF
reader.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import docdiff
from docdiff.parsing.pipeline import page_of_lines

from .typeset import Layout, font_file, numbered_pages, typeset

pytest.importorskip("reportlab", reason="reportlab (a test dependency) typesets the PDF test editions")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REAL = sorted((SEEDS / "real").glob("*/*.txt"))
needs_serif = pytest.mark.skipif(font_file("serif") is None,
                                 reason="no serif TrueType font (Debian fonts-liberation or fonts-dejavu-core)")


def typeset_pages(text: str, layout: Layout) -> dict[int, int]:
    """The page (1-based) each line of ``text`` is set on, by its line number."""
    return {number: k for k, page in enumerate(numbered_pages(text, layout.page_break), 1) for number, _ in page}


CASES = [(path, Layout()) for path in REAL] + [(SEEDS / "sample_en_2010.txt", Layout(page_break="footer"))]


@needs_serif
@pytest.mark.parametrize(("path", "layout"), CASES, ids=[p.relative_to(SEEDS).as_posix() for p, _ in CASES])
def test_each_paragraph_of_a_pdf_is_on_the_page_it_was_typeset_on(tmp_path: Path, path: Path, layout: Layout) -> None:
    text = path.read_text("utf-8")
    on_page = typeset_pages(text, layout)
    pdf = tmp_path / "edition.pdf"
    pdf.write_bytes(typeset(text, layout))
    from_text, from_pdf = docdiff.parse(text), docdiff.load(pdf)
    expected = [(p.number, p.text, on_page[p.line]) for p in from_text.paragraphs()]
    assert [(p.number, p.text, p.page) for p in from_pdf.paragraphs()] == expected
    assert len({page for _, _, page in expected}) > 1  # (the edition runs over pages)
    # the reader's pages: one start per page typeset, each at a line of that page's text
    reading = docdiff.read(pdf)
    assert len(reading.pages) == len(numbered_pages(text, layout.page_break))
    lines = reading.text.split("\n")
    assert all(lines[start - 1].strip() for start in reading.pages)
    # and in the outline's JSON
    outline = from_pdf.to_dict()
    pages = [p["page"] for s in outline["sections"] for p in _paragraphs(s)]
    assert pages == [page for _, _, page in expected]


def _paragraphs(section: dict) -> list[dict]:  # type: ignore[type-arg]
    return [*section["paragraphs"], *(p for s in section["sections"] for p in _paragraphs(s))]


@pytest.mark.parametrize("path", [*REAL, SEEDS / "A_65_382-S_2010_490.zh.txt"], ids=lambda p: p.name)
def test_text_knows_no_pages(path: Path) -> None:
    document = docdiff.load(path)
    assert all(p.page is None for p in document.paragraphs())
    outline = document.to_dict()
    assert all("page" not in p for s in outline["sections"] for p in _paragraphs(s))


def test_the_page_of_each_line_from_where_pages_start() -> None:
    # pages starting at lines 1, 4 and 4 again (a page without text) and 9
    assert page_of_lines([1, 4, 4, 9], 10) == [1, 1, 1, 3, 3, 3, 3, 3, 4, 4]
    assert page_of_lines([3], 4) == [None, None, 1, 1]
    assert page_of_lines([], 2) == [None, None]


@needs_serif
def test_a_comparison_names_the_page_each_paragraph_of_a_pdf_starts_on(tmp_path: Path) -> None:
    """A/RES/79/17 as text against A/RES/80/18 typeset: each entry's new
    paragraphs are on the pages they were typeset on, the text side knows none;
    the JSON report, the CSV register and the XLSX sheet say so."""
    import csv
    import io

    from docdiff.render.csvfile import to_csv

    old_path, new_path = SEEDS / "real/nsa/A_RES_79_17.txt", SEEDS / "real/nsa/A_RES_80_18.txt"
    new_text = new_path.read_text("utf-8")
    on_page = typeset_pages(new_text, Layout())
    page_of = {p.index: on_page[p.line] for p in docdiff.parse(new_text).paragraphs()}
    pdf = tmp_path / "A_RES_80_18.pdf"
    pdf.write_bytes(typeset(new_text, Layout()))
    comparison = docdiff.compare(docdiff.load(old_path), docdiff.load(pdf))
    changes = list(comparison.paragraph_changes())
    assert sum(1 for c in changes if c.new_page) == len(page_of)  # every paragraph of the body, once
    for change in changes:
        expected = tuple(page_of.get(i) for i in change.new_index)
        assert change.new_page == (expected if any(expected) else ())
        assert change.old_page == ()
        entry = change.to_dict()
        assert entry.get("new_page") == (list(expected) if any(expected) else None) and "old_page" not in entry
    # the register: the pages after the numbers, for the entries it lists
    table = list(csv.reader(io.StringIO(to_csv(comparison).removeprefix("\ufeff"))))
    header, body = table[0], [row for row in table[1:] if row[0] != "masthead"]  # (the masthead rows: no pages)
    assert header[:5] == ["section", "old ¶", "new ¶", "old page", "new page"]
    assert all(row[3] == row[4] == "" for row in table[1:] if row[0] == "masthead")
    listed = [c for c in changes if c.status != "unchanged"]
    assert [row[4] for row in body] == [", ".join(str(p) for p in c.new_page) for c in listed]
    assert all(row[3] == "" for row in body)
    # text against text: the register as before, without the page columns
    texts = docdiff.compare(docdiff.load(old_path), docdiff.load(new_path))
    assert next(csv.reader(io.StringIO(to_csv(texts).removeprefix("\ufeff"))))[3] == "status"


# ----------------------------------------------------------------------------- the stages take the reader's pages


def _paged(text: str, page_break: str, without_footers: bool = False) -> tuple[str, list[int], dict[int, int]]:
    """The text's pages as ``typeset`` sets them (``numbered_pages``) laid end to
    end without what parts them in the text (the empty line between pages), and
    without the page footers (job and page numbers) if asked, as a reader that
    knows its pages gives them (a Word document keeps its footers apart): the
    text, the line each page starts at, and the page of each line of the
    original text."""
    from docdiff import conventions as cv

    out: list[str] = []
    starts: list[int] = []
    on_page: dict[int, int] = {}
    for k, page in enumerate(numbered_pages(text, page_break), 1):
        starts.append(len(out) + 1)
        for number, line in page:
            on_page[number] = k
            folded = " ".join(line.split())
            if without_footers and folded and cv.is_furniture(folded) and not (
                    cv.DOCUMENT_SYMBOL.fullmatch(folded) or cv.RULE.fullmatch(folded)):
                continue
            out.append(line)
    return "\n".join(out) + "\n", starts, on_page


def _outline(document: docdiff.Document) -> dict:  # type: ignore[type-arg]
    def strip(section: dict) -> dict:  # type: ignore[type-arg]
        return {**section, "paragraphs": [{k: v for k, v in p.items() if k != "page"} for p in section["paragraphs"]],
                "sections": [strip(s) for s in section["sections"]]}

    shape = document.to_dict()
    return {**shape, "sections": [strip(s) for s in shape["sections"]]}


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_a_resolutions_pages_from_the_reader_part_it_where_no_empty_line_does(path: Path) -> None:
    """The real editions with the empty lines between their pages gone: the
    pages the reader gives say where the running heads stand and where a page's
    notes end (without them, 10 of the 11 read otherwise)."""
    text = path.read_text("utf-8")
    paged, starts, on_page = _paged(text, "empty")
    assert "\n\n" not in paged
    from_text, read = docdiff.parse(text), docdiff.parse(paged, pages=starts)
    assert _outline(read) == _outline(from_text)
    assert [p.page for p in read.paragraphs()] == [on_page[p.line] for p in from_text.paragraphs()]


@pytest.mark.parametrize("name", ["sample_en_2010.txt", "sample_en_2012.txt"])
def test_a_reports_page_notes_end_at_the_page_end_the_reader_gives(name: str) -> None:
    """The English seeds without their page footers (job and page numbers): the
    notes above where a footer stood are the notes of a page the reader says ends
    there (without the pages, they run on into the text)."""
    text = (SEEDS / name).read_text("utf-8")
    paged, starts, _ = _paged(text, "footer", without_footers=True)
    assert _outline(docdiff.parse(paged, pages=starts)) == _outline(docdiff.parse(text))


# ----------------------------------------------------------------------------- Word's pages


def _with_rendered_pages(data: bytes, text: str, document: docdiff.Document) -> bytes:
    """The .docx ``docx_editions.make_resolution_docx`` made of a real edition,
    with the page breaks Word records where it laid the pages out
    (``w:lastRenderedPageBreak``) where the text's pages start (``numbered_pages``):
    a page's first line of a paragraph (its running head's lines are in none) is
    that paragraph's first line — the break goes at the start of the paragraph —
    or a line of a paragraph that goes on over the page — the break goes before
    its first words."""
    import io
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    space = "{http://www.w3.org/XML/1998/namespace}space"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    elements = [p for p in root.iter(f"{w}p") if "".join(p.itertext()).strip()]
    formula = next(k for k, p in enumerate(elements) if "".join(p.itertext()).strip() == document.sections[0].title)
    paragraphs = list(zip(document.paragraphs(), elements[formula + 1:], strict=False))  # (one element each)
    for page in numbered_pages(text, "empty")[1:]:
        for number, line in page:  # (its running head's lines are in no paragraph: passed over)
            held = [(p, e) for p, e in paragraphs if p.line <= number]
            if not line.strip() or not held:
                continue
            paragraph, element = held[-1]
            if paragraph.line == number:
                element.insert(1 if element.find(f"{w}pPr") is not None else 0, etree.fromstring(
                    f'<w:r xmlns:w="{w[1:-1]}"><w:lastRenderedPageBreak/></w:r>'))
                break
            words = " ".join(line.split()[:3])
            t = next((t for t in element.iter(f"{w}t") if (t.text or "").find(words) > 0), None)
            if t is None:
                continue
            at = t.text.find(words)  # type: ignore[union-attr]
            run = t.getparent()
            etree.SubElement(run, f"{w}lastRenderedPageBreak")
            rest = etree.SubElement(run, f"{w}t")
            rest.text, t.text = t.text[at:], t.text[:at]  # type: ignore[index]
            rest.set(space, "preserve")
            t.set(space, "preserve")
            break
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return out.getvalue()


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_a_word_edition_that_records_its_pages_gives_each_paragraph_its_page(path: Path) -> None:
    """Each real edition as Word holds it (``make_resolution_docx``) with Word's
    record of where its pages fell put where the text's pages start: the tree of
    the text, each paragraph on the page its first line is on in the text, the
    notes at the foot of their pages."""
    from docdiff import readers

    from .docx_editions import make_resolution_docx

    text = path.read_text("utf-8")
    from_text = docdiff.parse(text)
    on_page = {number: k for k, page in enumerate(numbered_pages(text, "empty"), 1) for number, _ in page}
    reading = readers.read_bytes(_with_rendered_pages(make_resolution_docx(text, from_text), text, from_text))
    read = docdiff.parse_reading(reading)
    assert len(reading.pages) == len(numbered_pages(text, "empty"))
    assert _outline(read) == _outline(from_text)
    assert [p.page for p in read.paragraphs()] == [on_page[p.line] for p in from_text.paragraphs()]
    # a document that does not record its pages gives none
    plain = readers.read_bytes(make_resolution_docx(text, from_text))
    assert plain.pages == () and all(p.page is None for p in docdiff.parse_reading(plain).paragraphs())


@needs_serif
def test_show_and_the_workbook_name_the_pages_of_a_pdf(tmp_path: Path) -> None:
    """``docdiff show`` and the XLSX changes sheet, for A/RES/79/17 as text
    against A/RES/80/18 typeset: the page each new paragraph was typeset on."""
    import subprocess
    import sys

    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (a test dependency) reads the workbook back")
    old_path, new_path = SEEDS / "real/nsa/A_RES_79_17.txt", SEEDS / "real/nsa/A_RES_80_18.txt"
    new_text = new_path.read_text("utf-8")
    on_page = typeset_pages(new_text, Layout())
    page_of = {p.number: on_page[p.line] for p in docdiff.parse(new_text).paragraphs() if p.number is not None}
    pdf = tmp_path / "A_RES_80_18.pdf"
    pdf.write_bytes(typeset(new_text, Layout()))
    for number in (1, max(page_of)):
        shown = subprocess.run([sys.executable, "-m", "docdiff", "show", str(old_path), str(pdf), str(number)],
                               capture_output=True, text=True, check=False, env={**os.environ, "NO_COLOR": "1"})
        new_head = next(line for line in shown.stdout.splitlines() if line.startswith("new "))
        assert new_head.endswith(f" · page {page_of[number]}"), shown.stdout
        old_head = next(line for line in shown.stdout.splitlines() if line.startswith("old "))
        assert "page" not in old_head
    book = tmp_path / "report.xlsx"
    subprocess.run([sys.executable, "-m", "docdiff", str(old_path), str(pdf), "--format", "xlsx", "-o", str(book)],
                   capture_output=True, check=False)
    sheet = openpyxl.load_workbook(book)["changes"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:5] == ["section", "old ¶", "new ¶", "old page", "new page"]
    for row in rows[1:]:
        if row[2] and str(row[2]).isdigit():
            assert row[4] == str(page_of[int(row[2])])
