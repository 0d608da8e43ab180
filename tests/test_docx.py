"""Word .docx editions read as their text: the same tree, numbers as Word prints them.

The .docx files are made here with python-docx from the seeds (``docx_editions``:
automatic numbering, a footnote, header and footer, a masthead table)."""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff import DocdiffError, readers
from docdiff.readers.docx import Numbering

from . import roman_key
from .docx_editions import Variation, make_docx, make_resolution_docx

SEEDS = Path(__file__).parent.parent / "seeds"
# (the text edition, the text the .docx is made from: one paragraph per line)
EDITIONS = {
    "zh 2010": ("A_65_382-S_2010_490.zh.txt", "A_65_382-S_2010_490.zh.txt"),
    "zh 2012": ("sample_2012.zh.txt", "sample_2012.zh.txt"),
    "en 2010": ("sample_en_2010.txt", "sample_en_2010.src.txt"),
    "en 2012": ("sample_en_2012.txt", "sample_en_2012.src.txt"),
}


def body(document: docdiff.Document) -> dict[str, object]:
    """The outline JSON but its front matter (see ``tree``)."""
    return {key: value for key, value in document.to_dict().items() if key != "front"}


def tree(document: docdiff.Document) -> tuple[object, ...]:
    """The section tree, metadata and front matter (the summary's words: a text edition
    keeps its summary in printed lines, a .docx in paragraphs)."""
    front = document.front
    return body(document), front.footnotes, front.contents, " ".join(front.summary).split()


@pytest.mark.parametrize("name", list(EDITIONS))
def test_a_docx_edition_gives_the_tree_of_its_text(name, tmp_path):
    text_file, source = EDITIONS[name]
    path = tmp_path / "edition.docx"
    path.write_bytes(make_docx(docdiff.read_text(SEEDS / source)))
    from_docx = docdiff.load(path)
    assert tree(from_docx) == tree(docdiff.load(SEEDS / source))
    # and the sections, paragraphs and metadata of the edition as PDF text
    assert body(from_docx) == body(docdiff.load(SEEDS / text_file))
    assert from_docx.warnings == ()
    reading = readers.read(path)
    assert reading.format == "docx" and reading.description == "Word .docx"
    # the header and footer are furniture: not read
    assert "10-99999" not in reading.text


@settings(max_examples=12, deadline=None)
@given(suffix=st.sampled_from(["tab", "space"]), by_style=st.booleans(), masthead_table=st.booleans(),
       cuts=st.lists(st.integers(1, 999), max_size=3).map(tuple), tracked=st.booleans(),
       name=st.sampled_from(["zh 2010", "en 2010"]))
def test_what_may_vary_in_word_leaves_the_tree_alone(suffix, by_style, masthead_table, cuts, tracked, name):
    text_file, source = EDITIONS[name]
    variation = Variation(suffix=suffix, numbering_by_style=by_style, run_cuts=cuts, tracked=tracked,
                          masthead_table=masthead_table)
    reading = readers.read_bytes(make_docx(docdiff.read_text(SEEDS / source), variation))
    assert tree(docdiff.parse(reading.text)) == tree(docdiff.load(SEEDS / source))
    assert body(docdiff.parse(reading.text)) == body(docdiff.load(SEEDS / text_file))
    assert any("tracked changes (1 insertions, 1 deletions)" in w for w in reading.warnings) == tracked
    assert "words struck out" not in reading.text


def test_a_comparison_of_docx_and_text_is_that_of_the_texts(tmp_path):
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    old.write_bytes(make_docx(docdiff.read_text(SEEDS / "A_65_382-S_2010_490.zh.txt")))
    new.write_bytes(make_docx(docdiff.read_text(SEEDS / "sample_2012.zh.txt")))
    from_texts = docdiff.compare(docdiff.load(SEEDS / "A_65_382-S_2010_490.zh.txt"),
                                 docdiff.load(SEEDS / "sample_2012.zh.txt"))
    mixed = docdiff.compare(docdiff.load(old), docdiff.load(SEEDS / "sample_2012.zh.txt"))
    both = docdiff.compare(docdiff.load(old), docdiff.load(new))
    assert mixed.to_dict()["sections"] == from_texts.to_dict()["sections"] == both.to_dict()["sections"]


REAL = sorted((SEEDS / "real").glob("*/*.txt"))


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_a_real_resolution_as_docx_gives_the_tree_of_its_text(path):
    """The 11 real editions, each made a .docx (masthead table, automatic operative
    numbers, real footnotes, header and footer) from its text and the tree read from it:
    read back, the .docx gives that tree, metadata and front matter (notes, closing) too."""
    text = docdiff.read_text(path)
    from_text = docdiff.parse(text)
    data = make_resolution_docx(text, from_text)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # (the notes are Word's own, in their part)
        assert archive.read("word/footnotes.xml").count(b"<w:footnote ") == len(from_text.front.footnotes) + 2
    assert docdiff.parse(readers.read_bytes(data).text).to_dict() == from_text.to_dict()


# --------------------------------------------------------------------------- numbering, by the rules of Word

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbering(levels: str, nums: str) -> Numbering:
    from docx.oxml import parse_xml

    return Numbering(parse_xml(f'<w:numbering {W}><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
                               f'{nums}</w:numbering>'))


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, suffix: str = "tab") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/></w:lvl>')


def test_levels_count_and_restart_as_in_word():
    lists = numbering(lvl(0, "upperRoman", "%1.") + lvl(1, "upperLetter", "%2.") + lvl(2, "decimal", "%1.%2.%3"),
                      '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')
    printed = [lists.next("5", level) for level in (0, 1, 1, 2, 2, 0, 1, 2)]
    assert printed == ["I. ", "A. ", "B. ", "I.B.1 ", "I.B.2 ", "II. ", "A. ", "II.A.1 "]


def test_a_start_override_starts_the_list_again_and_formats_are_printed_as_word_prints_them():
    lists = numbering(lvl(0, "decimal", "%1.", start=3, suffix="nothing"),
                      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                      '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                      '<w:startOverride w:val="10"/></w:lvlOverride></w:num>')
    assert [lists.next("1", 0), lists.next("1", 0), lists.next("2", 0), lists.next("1", 0)] == ["3.", "4.", "10.", "11."]
    chinese = numbering(lvl(0, "chineseCounting", "%1、"), '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert [chinese.next("1", 0) for _ in range(21)][9:] == [
        f"{n}、 " for n in ["十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一"]]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 3999), st.sampled_from(["upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "decimal"]))
def test_number_formats(value, fmt):
    lists = numbering(lvl(0, fmt, "(%1)", start=value, suffix="nothing"),
                      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    printed = lists.next("1", 0)[1:-1]
    if fmt == "decimal":
        assert printed == str(value)
    elif fmt.endswith("Roman"):
        assert printed == (roman_key.to_roman(value) if fmt == "upperRoman" else roman_key.to_roman(value).lower())
    else:
        count, index = divmod(value - 1, 26)
        letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]
        assert printed == (letter if fmt == "upperLetter" else letter.lower()) * (count + 1)


# --------------------------------------------------------------------------- bad input and other formats


def test_a_corrupt_or_foreign_zip_is_one_line(tmp_path):
    docx_bytes = make_docx(docdiff.read_text(SEEDS / "sample_en_2010.src.txt"))
    with pytest.raises(DocdiffError, match="corrupt zip"):
        readers.read_bytes(docx_bytes[: len(docx_bytes) // 2], "cut.docx")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    with pytest.raises(DocdiffError, match="a zip file, but not a Word document"):
        readers.read_bytes(other.getvalue(), "data.zip")


def test_old_formats_name_the_conversion_without_libreoffice(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    for head, what in ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "old Word .doc"),
                       (b"{\\rtf1\\ansi hello}", "RTF")):
        with pytest.raises(DocdiffError, match=f"{what}.*soffice --headless --convert-to docx old.x"):
            readers.read_bytes(head, "old.x")


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
# each conversion starts LibreOffice twice (some 15 s here): .doc by default, the others on demand
@pytest.mark.parametrize("target", ["doc", "odt", "rtf"] if os.environ.get("DOCDIFF_FUZZ") == "long" else ["doc"])
def test_old_formats_are_converted_with_libreoffice(tmp_path, target):
    source = tmp_path / "edition.docx"
    source.write_bytes(make_docx(docdiff.read_text(SEEDS / "sample_en_2010.src.txt")))
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", target, "--outdir", str(tmp_path / "out"), str(source)],
                   check=True, capture_output=True, timeout=180)
    converted = tmp_path / "out" / f"edition.{target}"
    document = docdiff.load(converted)
    assert any("converted to .docx with LibreOffice" in w for w in document.warnings)
    expected = docdiff.load(SEEDS / "sample_en_2010.txt")
    assert [(p.number, p.text) for p in document.paragraphs()] == [(p.number, p.text) for p in expected.paragraphs()]


def test_a_damaged_part_is_one_line():
    data = make_docx(docdiff.read_text(SEEDS / "sample_en_2010.src.txt"))
    source, damaged = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            archive.writestr(info, content[: len(content) // 2] if info.filename == "word/document.xml" else content)
    with pytest.raises(DocdiffError, match=r"x\.docx: a damaged Word document"):
        readers.read_bytes(damaged.getvalue(), "x.docx")


def test_a_docx_with_bytes_flipped_is_read_or_refused_in_one_line():
    data = make_docx(docdiff.read_text(SEEDS / "sample_en_2010.src.txt"))
    rng = random.Random(11)
    outcomes = set()
    for _ in range(150):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            readers.read_bytes(bytes(damaged), "f.docx")
            outcomes.add("read")
        except DocdiffError as exc:
            assert "\n" not in str(exc)
            outcomes.add("refused")
    assert "refused" in outcomes


def test_numbering_values_out_of_range_are_printed_as_numbers():
    lists = numbering(lvl(0, "upperLetter", "%1)", start=10**9, suffix="nothing"),
                      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    assert lists.next("1", 0) == f"{10**9})"
