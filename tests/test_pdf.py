"""PDF editions read as their text: the tree from a PDF is the tree from the same
edition's text.

The PDFs are typeset in the tests from the texts themselves (``tests/typeset.py``
says how): the seeds, the Chinese seed laid out in pages by ``tests/layouts.py``,
and the real resolutions in ``seeds/real/``.  The expectation is always the tree
docdiff reads from the text file; the PDF reader never sees that text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

import docdiff
from docdiff.errors import DocdiffError

from .layouts import to_pdf_layout
from .test_parser import without_spacing
from .typeset import Layout, font_file, typeset

pytest.importorskip("reportlab", reason="reportlab (a test dependency) typesets the PDF test editions")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REAL = sorted((SEEDS / "real").glob("*/*.txt"))
EN_2010 = SEEDS / "sample_en_2010.txt"
ZH_2010 = SEEDS / "A_65_382-S_2010_490.zh.txt"

needs_serif = pytest.mark.skipif(font_file("serif") is None,
                                 reason="no serif TrueType font (Debian fonts-liberation or fonts-dejavu-core)")
needs_cjk = pytest.mark.skipif(font_file("cjk") is None,
                               reason="no CJK font (Debian fonts-wqy-microhei or fonts-noto-cjk)")


def tree(document: docdiff.Document) -> dict:  # type: ignore[type-arg]
    """What an edition is, without where it was read from (the file, the pages)."""
    shape = document.to_dict()
    shape.pop("source", None)
    shape.pop("warnings", None)
    shape["sections"] = [_without_pages(s) for s in shape["sections"]]
    return shape


def _without_pages(section: dict) -> dict:  # type: ignore[type-arg]
    paragraphs = [{k: v for k, v in p.items() if k != "page"} for p in section["paragraphs"]]
    return {**section, "paragraphs": paragraphs, "sections": [_without_pages(s) for s in section["sections"]]}


def pdf_tree(pdf: bytes, tmp_path: Path, name: str = "edition.pdf") -> dict:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_bytes(pdf)
    return tree(docdiff.load(path))


def zh_paged() -> str:
    """The Chinese seed in pages of hard-wrapped lines, furniture between them
    (as test_layouts lays it out; its masthead, the first 100 lines, as it is)."""
    return to_pdf_layout(ZH_2010.read_text("utf-8"), body_from=100)


# ----------------------------------------------------------------------------- the seeds and the real editions


@needs_serif
def test_english_seed_pdf_gives_the_tree_of_its_text(tmp_path: Path) -> None:
    text = EN_2010.read_text("utf-8")
    assert pdf_tree(typeset(text, Layout(page_break="footer")), tmp_path) == tree(docdiff.parse(text))


@needs_cjk
def test_chinese_seed_pdf_gives_the_tree_of_its_text(tmp_path: Path) -> None:
    text = zh_paged()
    path = tmp_path / "zh.pdf"
    path.write_bytes(typeset(text, Layout(font="cjk", page_break="footer")))
    from_pdf = docdiff.load(path)
    assert tree(from_pdf) == tree(docdiff.parse(text))
    # and the seed's own tree, up to the spaces a wrap between a Chinese character
    # and a number loses (as test_parser's hard-wrapped layouts have it)
    seed = docdiff.load(ZH_2010)
    assert without_spacing(from_pdf.sections) == without_spacing(seed.sections)
    assert from_pdf.metadata.date == seed.metadata.date


@pytest.mark.parametrize("name, font", [(ZH_2010.name, "cjk"), (EN_2010.name, "serif")])
def test_a_seed_of_one_page_a_paragraph_gives_the_tree_of_its_text(name: str, font: str, tmp_path: Path) -> None:
    # The seed as it is, typeset with its empty lines as page breaks: each paragraph
    # on a page of its own.  The summary's last paragraph is followed by a page that
    # holds only the title's note ("* 本报告…"), then one that holds only "目录"; the
    # note is a page note of its own page, and the contents' heading on the next page
    # is not its second line (it was: the contents read as a fifth summary paragraph).
    if font_file(font) is None:
        pytest.skip(f"no {font} TrueType font")
    text = (SEEDS / name).read_text("utf-8")
    assert pdf_tree(typeset(text, Layout(font=font)), tmp_path) == tree(docdiff.parse(text))


@needs_serif
@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_edition_pdf_gives_the_tree_of_its_text(path: Path, tmp_path: Path) -> None:
    text = path.read_text("utf-8")
    assert pdf_tree(typeset(text), tmp_path) == tree(docdiff.parse(text))


@pytest.mark.parametrize("name", ["sample_en_2010", "sample_en_2012"])
def test_the_readme_sample_pdfs_give_the_trees_of_their_texts(name: str) -> None:
    assert tree(docdiff.load(SEEDS / f"{name}.pdf")) == tree(docdiff.load(SEEDS / f"{name}.txt"))


# ----------------------------------------------------------------------------- layouts varied


@needs_serif
@settings(max_examples=int(os.environ.get("DOCDIFF_PDF_EXAMPLES", "6")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    paper=st.sampled_from([(595.0, 842.0), (612.0, 792.0), (612.0, 1008.0)]),  # A4, US letter, US legal
    left=st.floats(36, 90),
    size=st.sampled_from([9.0, 10.0, 11.0]),
    leading=st.floats(1.15, 1.4),
    blank_space=st.floats(0.5, 1.0),
    column_width=st.floats(0.45, 0.6),
    font=st.sampled_from(["serif", "sans"]),
    rule=st.sampled_from(["path", "text"]),
    justify=st.sampled_from(["spaces", "words", "none"]),
    which=st.sampled_from([EN_2010, *REAL]),
)
# a contents entry ("A.   Overall support … Nations  . . . .  9") wider than its columns
# at narrow columns in a wide font: its title piece was once set back over the "A."
@example(paper=(595.0, 842.0), left=36.0, size=9.0, leading=1.25, blank_space=1.0, column_width=0.453125,
         font="sans", rule="path", justify="spaces", which=EN_2010)
def test_any_page_layout_gives_the_tree_of_the_text(tmp_path: Path, paper: tuple[float, float], left: float,
                                                    size: float, leading: float, blank_space: float,
                                                    column_width: float, font: str, rule: str, justify: str,
                                                    which: Path) -> None:
    if font_file(font) is None:
        pytest.skip(f"no {font} TrueType font")
    text = which.read_text("utf-8")
    layout = Layout(page_width=paper[0], page_height=paper[1], left=left, size=size, pitch=size * leading,
                    blank_space=blank_space, column_width=column_width * size, note_size=size - 2,
                    font=font, rule=rule, justify=justify,
                    page_break="footer" if which == EN_2010 else "empty")
    assert pdf_tree(typeset(text, layout), tmp_path) == tree(docdiff.parse(text))


@needs_cjk
@settings(max_examples=int(os.environ.get("DOCDIFF_PDF_EXAMPLES", "2")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(size=st.sampled_from([9.0, 10.5]), leading=st.floats(1.2, 1.5), blank_space=st.floats(0.5, 1.0),
       paper=st.sampled_from([(595.0, 842.0), (612.0, 792.0)]))
def test_chinese_layouts_give_the_tree_of_the_text(tmp_path: Path, size: float, leading: float,
                                                   blank_space: float, paper: tuple[float, float]) -> None:
    text = zh_paged()
    layout = Layout(font="cjk", page_break="footer", size=size, pitch=size * leading, blank_space=blank_space,
                    column_width=size / 2, page_width=paper[0], page_height=paper[1])
    assert pdf_tree(typeset(text, layout), tmp_path) == tree(docdiff.parse(text))


# ----------------------------------------------------------------------------- what the reader sees


@needs_serif
def test_a_pdf_is_known_by_its_content_not_its_name(tmp_path: Path) -> None:
    text = EN_2010.read_text("utf-8")
    pdf = typeset(text, Layout(page_break="footer"))
    (tmp_path / "looks-like.txt").write_bytes(pdf)
    (tmp_path / "text.pdf").write_text(text, "utf-8")
    assert tree(docdiff.load(tmp_path / "looks-like.txt")) == tree(docdiff.load(tmp_path / "text.pdf"))


@needs_serif
def test_a_pdf_with_uncompressed_streams_is_read_as_pdf_not_as_text(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "plain.pdf"
    pdf = canvas.Canvas(str(path), pageCompression=0)
    pdf.setFont("Times-Roman", 10)
    pdf.drawString(72, 700, "1.")
    pdf.drawString(100, 700, "The General Assembly met.")
    pdf.drawString(72, 680, "2.")
    pdf.drawString(100, 680, "It adjourned.")
    pdf.save()
    assert b"BT" in path.read_bytes()  # (the page's text is there as plain PDF operators)
    text = docdiff.read_text(path)
    assert "BT" not in text and "endobj" not in text
    document = docdiff.load(path)
    assert [p.text for s in document.sections for p in s.all_paragraphs()] == ["The General Assembly met.",
                                                                              "It adjourned."]


def draw(path: Path, strings: list[tuple[float, float, str]]) -> Path:
    """A one-page PDF with each string drawn where it says (x, y), in 10-point Times."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.setFont("Times-Roman", 10)
    for x, y, text in strings:
        pdf.drawString(x, y, text)
    pdf.save()
    return path


def test_pdfium_line_end_hyphen_is_a_hyphen_at_the_end_of_its_line(tmp_path: Path) -> None:
    path = draw(tmp_path / "hyphen.pdf", [(72, 700, "the Secretary-"), (72, 688, "General of the United Nations")])
    assert docdiff.read_text(path).split("\n")[:2] == ["the Secretary-", "General of the United Nations"]


def test_a_two_column_line_keeps_its_columns_apart_and_in_order(tmp_path: Path) -> None:
    # the right column drawn first, as a page's content may order it
    path = draw(tmp_path / "masthead.pdf", [(400, 700, "Distr.: General"), (400, 688, "6 December 2023"),
                                            (72, 700, "General Assembly")])
    lines = docdiff.read_text(path).split("\n")
    assert lines[0].split() == ["General", "Assembly", "Distr.:", "General"]
    assert "      " in lines[0]  # (a run of spaces between the columns, as the parser reads columns)
    assert lines[1].strip() == "6 December 2023"


def test_a_first_line_indented_without_space_above_starts_a_paragraph(tmp_path: Path) -> None:
    """Preambular paragraphs set as Word sets them without space between: each
    first line indented, the lines under it flush left, justified to one right
    edge; a centred title's short middle line is no paragraph start."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    paragraphs = [  # (the first preambular paragraphs of A/RES/78/18, wrapped as printed)
        ["Bearing in mind the need to allay the legitimate concern of the States of the",
         "world with regard to ensuring lasting security for their peoples,"],
        ["Convinced that nuclear weapons pose the greatest threat to humankind and to",
         "the survival of civilization,"],
        ["Noting that the renewed interest in nuclear disarmament should be translated",
         "into concrete actions for the achievement of general and complete disarmament under",
         "effective international control,"],
    ]
    title = ["Conclusion of effective international arrangements to assure",
             "non-nuclear-weapon States",
             "against the use or threat of use of nuclear weapons"]
    path = tmp_path / "indented.pdf"
    pdf = canvas.Canvas(str(path))
    y, left, right = 760.0, 72.0, 500.0
    for line in title:  # centred
        pdf.setFont("Times-Roman", 10)
        pdf.drawString((left + right - stringWidth(line, "Times-Roman", 10)) / 2, y, line)
        y -= 12
    y -= 12
    for lines in paragraphs:
        for k, line in enumerate(lines):
            x = left + (36 if k == 0 else 0)
            text = pdf.beginText(x, y)
            text.setFont("Times-Roman", 10)
            if k + 1 < len(lines):  # justified but the last line
                text.setWordSpace((right - x - stringWidth(line, "Times-Roman", 10)) / line.count(" "))
            text.textOut(line)
            pdf.drawText(text)
            y -= 12
    pdf.save()
    blocks = [block.split("\n") for block in docdiff.read_text(path).strip("\n").split("\n \n")]
    assert [[ln.strip() for ln in block] for block in blocks] == [title, *paragraphs]


@pytest.mark.parametrize(("note_size", "rule_width", "is_rule"), [
    (8, 240, True),  # notes set smaller: any rule above them
    (10, 72, True),  # notes in the body's size under a short separator (as LibreOffice sets Word's)
    (10, 240, False),  # a long rule above text of the body's size: a table's, not notes
])
def test_a_rule_above_page_foot_notes_becomes_underscores(tmp_path: Path, note_size: float, rule_width: float,
                                                          is_rule: bool) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "notes.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Times-Roman", 10)
    for k in range(30):
        pdf.drawString(72, 760 - 12 * k, f"Line {k + 1} of the body text of this page, set in ten points.")
    pdf.line(72, 120, 72 + rule_width, 120)
    pdf.setFont("Times-Roman", note_size)
    pdf.drawString(72, 108, "1 A/63/228-S/2008/531.")
    pdf.save()
    lines = [ln.strip() for ln in docdiff.read_text(path).split("\n") if ln.strip()]
    assert lines[-1] == "1 A/63/228-S/2008/531."
    assert (lines[-2] == "_" * 10) is is_rule


@needs_cjk
def test_spaces_pdfium_puts_between_spaced_cjk_characters_are_folded(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "Docdiff-cjk" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Docdiff-cjk", font_file("cjk"), subfontIndex=0))
    path = tmp_path / "spaced.pdf"
    pdf = canvas.Canvas(str(path))
    x = 72.0
    for ch in "联合国同非洲联盟的合作":  # each character placed apart, as character spacing sets them
        pdf.setFont("Docdiff-cjk", 10)
        pdf.drawString(x, 700, ch)
        x += 10 + 4
    pdf.setFont("Docdiff-cjk", 10)
    pdf.drawString(72, 680, "全面禁止核试验条约组织 筹备委员会")  # a space the text has is kept
    pdf.save()
    lines = docdiff.read_text(path).split("\n")
    assert lines[0] == "联合国同非洲联盟的合作"
    assert lines[1] == "全面禁止核试验条约组织 筹备委员会"


def test_a_page_without_text_among_pages_with_text_is_a_warning(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "with-a-scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 700, "1. First.")
    pdf.drawString(72, 680, "2. Second.")
    pdf.showPage()
    pdf.rect(72, 72, 400, 600, fill=1)  # (a scanned page: no text)
    pdf.showPage()
    pdf.save()
    document = docdiff.load(path)
    assert [p.number for p in document.paragraphs()] == [1, 2]
    assert "page 2 has no text layer" in " ".join(document.warnings)


# ----------------------------------------------------------------------------- bad input


def _scanned_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for _ in range(2):  # a page of a scan: an image, here a drawing, and no text
        pdf.rect(72, 72, 400, 600, fill=1)
        pdf.showPage()
    pdf.save()


def _encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", "owner"))
    pdf.drawString(72, 700, "1. Confidential.")
    pdf.save()


def _corrupt_pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)


def _truncated_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    whole = path.with_suffix(".whole.pdf")
    pdf = canvas.Canvas(str(whole))
    pdf.drawString(72, 700, "1. Cut short.")
    pdf.save()
    path.write_bytes(whole.read_bytes()[:200])


@pytest.mark.parametrize(("make", "reason"), [
    (_scanned_pdf, "no text layer: run OCR first"),
    (_encrypted_pdf, "encrypted PDF"),
    (_corrupt_pdf, "not a readable PDF"),
    (_truncated_pdf, "not a readable PDF"),
], ids=["scanned", "encrypted", "corrupt", "truncated"])
def test_unreadable_pdf_is_one_line_and_exit_2(make, reason: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.pdf"
    make(bad)
    with pytest.raises(DocdiffError, match=reason):
        docdiff.load(bad)
    good = tmp_path / "good.txt"
    good.write_text(EN_2010.read_text("utf-8"), "utf-8")
    for args in ([str(bad), str(good)], ["outline", str(bad)], ["history", str(good), str(bad)]):
        run = subprocess.run([sys.executable, "-m", "docdiff", *args], check=False, capture_output=True, text=True)
        assert run.returncode == 2, (args, run.stdout, run.stderr)
        assert run.stderr.count("\n") == 1 and reason in run.stderr and "Traceback" not in run.stderr


# ----------------------------------------------------------------------------- the command line


@needs_serif
def test_command_line_compares_a_pdf_with_the_text_of_the_same_edition(tmp_path: Path) -> None:
    text = EN_2010.read_text("utf-8")
    pdf = tmp_path / "edition.pdf"
    pdf.write_bytes(typeset(text, Layout(page_break="footer", justify="words")))
    same = subprocess.run([sys.executable, "-m", "docdiff", str(pdf), str(EN_2010), "--summary"],
                          check=False, capture_output=True, text=True)
    assert same.returncode == 0, same.stdout + same.stderr
    later = SEEDS / "sample_en_2012.txt"
    pdf_later = tmp_path / "later.pdf"
    pdf_later.write_bytes(typeset(later.read_text("utf-8"), Layout(page_break="footer")))
    as_pdf = subprocess.run([sys.executable, "-m", "docdiff", str(pdf), str(pdf_later), "--format", "json"],
                            check=False, capture_output=True, text=True)
    as_text = subprocess.run([sys.executable, "-m", "docdiff", str(EN_2010), str(later), "--format", "json"],
                             check=False, capture_output=True, text=True)
    assert as_pdf.returncode == as_text.returncode == 1
    # the same report, but that the PDFs' entries name the pages their paragraphs start on
    report = json.loads(as_pdf.stdout.replace(str(pdf), "OLD").replace(str(pdf_later), "NEW"))
    paged = [c for s in report["sections"] for c in s["paragraphs"] if "old_page" in c or "new_page" in c]
    assert paged and all(set(c.get("old_page", []) + c.get("new_page", [])) <= set(range(1, 40)) for c in paged)
    for section in report["sections"]:
        section["paragraphs"] = [{k: v for k, v in c.items() if k not in ("old_page", "new_page")}
                                 for c in section["paragraphs"]]
    assert report == json.loads(as_text.stdout.replace(str(EN_2010), "OLD").replace(str(later), "NEW"))


def test_history_of_pdf_editions_is_the_history_of_their_texts() -> None:
    def history(*paths: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "docdiff", "history", *map(str, paths), "--format", "json"],
                              check=False, capture_output=True, text=True)

    pdfs = history(SEEDS / "sample_en_2012.pdf", SEEDS / "sample_en_2010.pdf")
    texts = history(SEEDS / "sample_en_2012.txt", SEEDS / "sample_en_2010.txt")
    assert pdfs.returncode == texts.returncode and pdfs.stderr == texts.stderr == ""
    assert pdfs.stdout.replace(".pdf", ".txt") == texts.stdout
