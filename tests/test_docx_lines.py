"""Word documents of one paragraph per printed line read as the text they were
made from (``readers.docx.laid_out_in_lines``).

The documents are made here from the editions' text files: with python-docx, one
paragraph per line of the text (a blank line an empty paragraph, as a text
pasted into Word line by line), and by LibreOffice (``soffice --convert-to docx``
of the .txt) where it is installed.  The key is the text itself: the tree
docdiff reads from the .txt (the real editions' trees are checked against their
independent keys in test_real_editions, in these forms too).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff.readers.docx import _Text, laid_out_in_lines

from . import libreoffice

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXTS = [SEEDS / "A_65_382-S_2010_490.zh.txt", SEEDS / "sample_en_2010.txt", *sorted((SEEDS / "real").glob("*/*.txt"))]
IDS = [p.relative_to(SEEDS).as_posix() for p in TEXTS]


def per_line(text: str) -> bytes:
    document = docx.Document()
    for line in text.rstrip("\n").split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def outline(document: docdiff.Document) -> dict:  # type: ignore[type-arg]
    shape = document.to_dict()
    shape.pop("source", None)
    return shape


@pytest.mark.parametrize("path", TEXTS, ids=IDS)
def test_a_docx_of_one_paragraph_per_line_reads_as_its_text(path: Path) -> None:
    text = path.read_text("utf-8")
    reading = docdiff.readers.read_bytes(per_line(text))
    assert outline(docdiff.parse_reading(reading)) == outline(docdiff.parse(text))
    assert reading.warnings == ()


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    if libreoffice.SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs Debian's libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("converted")
    out = {}
    for path in TEXTS:
        copy = folder / path.name
        shutil.copyfile(path, copy)
        out[path] = libreoffice.convert(copy, "docx", folder / "profile")
    return out


@pytest.mark.parametrize("path", TEXTS, ids=IDS)
def test_libreoffices_docx_of_the_text_reads_as_the_text(converted: dict[Path, Path], path: Path) -> None:
    assert outline(docdiff.load(converted[path])) == outline(docdiff.parse(path.read_text("utf-8")))


# ----------------------------------------------------------------------------- the rule

_SENTENCES = st.sampled_from(["The Assembly decided to keep the item under review.",
                              "理事会决定继续处理此案。", "Reaffirms its resolution 78/18;", "Recalling its resolutions,"])


@settings(max_examples=200, deadline=None)
@given(paragraphs=st.lists(_SENTENCES, min_size=1, max_size=40), blanks=st.lists(st.integers(0, 3), max_size=40))
def test_paragraphs_that_end_their_sentences_are_no_lines_however_many_blank_ones_part_them(
        paragraphs: list[str], blanks: list[int]) -> None:
    """A document typed one paragraph per paragraph — each ends its sentence (or
    the clause a resolution's paragraph ends with) — is read paragraph by
    paragraph, with any number of empty paragraphs between them (Enter pressed twice)."""
    blocks = []
    for k, text in enumerate(paragraphs):
        blocks.append(_Text(text))
        blocks.extend(_Text("") for _ in range(blanks[k] if k < len(blanks) else 0))
    assert not laid_out_in_lines(blocks)


@settings(max_examples=100, deadline=None)
@given(path=st.sampled_from(TEXTS[1:]), dropped=st.sets(st.integers(0, 400), max_size=20))
def test_the_lines_of_a_page_are_lines_with_some_of_them_lost(path: Path, dropped: set[int]) -> None:
    """The printed lines of the English seed and of every real edition, one
    paragraph each, a few of them lost: still a document of lines."""
    lines = [line for k, line in enumerate(path.read_text("utf-8").split("\n")) if k not in dropped]
    assert laid_out_in_lines([_Text(line) for line in lines])


def with_page_breaks(text: str, how: str) -> bytes:
    """A document of one paragraph per line whose pages end as Word ends a page,
    not with the text's empty line between them: a page break at the end of the
    page's last line (``end``) or at the start of the next page's first
    (``start``), that line's "page break before" (``before``), or a new section
    on a new page (``section``)."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    last, pending = None, False
    for line in text.rstrip("\n").split("\n"):
        if line == "":
            if how == "end" and last is not None:
                last.add_run().add_break(WD_BREAK.PAGE)
            if how == "section":
                document.add_section(WD_SECTION.NEW_PAGE)
            pending = True
            continue
        paragraph = document.add_paragraph()
        if pending and how == "before":
            paragraph.paragraph_format.page_break_before = True
        if pending and how == "start":
            paragraph.add_run().add_break(WD_BREAK.PAGE)
        paragraph.add_run(line)
        last, pending = paragraph, False
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("how", ["end", "start", "before", "section"])
@pytest.mark.parametrize("path", TEXTS[2:], ids=IDS[2:])
def test_a_document_of_lines_whose_pages_end_with_a_page_break_reads_as_its_text(path: Path, how: str) -> None:
    """The real editions, their pages parted by Word's page breaks (the text's
    empty lines gone): each break parts pages as the empty line did, however
    Word marks it — without them, the running heads and notes inside the text
    are read as its paragraphs' words."""
    text = path.read_text("utf-8")
    assert "\n\n" in text
    reading = docdiff.readers.read_bytes(with_page_breaks(text, how))
    assert reading.pages == ()  # (no record of where Word's pages fell: no page numbers)
    assert outline(docdiff.parse_reading(reading)) == outline(docdiff.parse(text))
