"""PDFs typeset by LibreOffice from the editions' text (``soffice --headless --convert-to pdf``)
read back to the text's tree: the Chinese seed (whose summary had merged into one paragraph,
its masthead note lost its second line, and two quotes stood after the character they open)
and the real resolutions.  The key is the text edition itself, parsed.

The rules behind it, each checked on its own:

* the line pitch is the commonest step between baselines once steps a rounding apart are one
  (LibreOffice's 11.35 pt pitch reads as 11.3 and 11.4: split, it lost to the double step of
  the blank lines between paragraphs, and no blank line was laid out);
* two runs of a line that touch get no space between them (PDFium parts runs where the page
  drew on, as at a quote of a Latin font inside Chinese text);
* a run whose last character stands left of its first is put in the page's order;
* a masthead note ("* …") goes on through the lines right under it, as a page wraps it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff.readers import pdf
from docdiff.similarity import formatting_key

from . import libreoffice

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXTS = ["A_65_382-S_2010_490.zh.txt", "real/nsa/A_RES_80_18.txt", "real/me-nwfz/A_RES_80_17.txt"]


#: The English seed: LibreOffice wraps "… officials from" / "17" / "member States
#: of the League." with the number alone on its line (test_a_number_wrapped_alone_is_text).
WRAPPED_ALONE = "sample_en_2012.txt"


@pytest.fixture(scope="module")
def typeset(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if libreoffice.SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs Debian's libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("typeset")
    profile = folder / "profile"
    out = {}
    for name in (*TEXTS, WRAPPED_ALONE):
        copy = folder / Path(name).name
        shutil.copyfile(SEEDS / name, copy)
        out[name] = libreoffice.convert(copy, "pdf", profile)
    return out


@pytest.mark.parametrize("name", TEXTS)
def test_a_libreoffice_pdf_reads_as_its_text(typeset: dict[str, Path], name: str) -> None:
    text, printed = docdiff.load(SEEDS / name), docdiff.load(typeset[name])
    comparison = docdiff.compare(text, printed)
    assert {c.status for c in comparison.paragraph_changes()} == {"unchanged"}
    assert not comparison.has_differences
    # (formatting apart: where a line of the page ends at a space between Chinese and Latin text
    # ("综合报告 (A/63/…"), the space goes with the line break; the font prints U+2011 as "-")
    assert [_words(t) for t in printed.front.summary] == [_words(t) for t in text.front.summary]
    assert [_words(t) for t in printed.front.footnotes] == [_words(t) for t in text.front.footnotes]
    assert [(p.number, _words(p.text)) for p in printed.paragraphs()] == \
        [(p.number, _words(p.text)) for p in text.paragraphs()]
    assert len(text.front.summary) == (4 if "zh" in name else 0) and text.front.footnotes


def _words(text: str) -> str:
    return formatting_key(text)


def test_the_chinese_seeds_quotes_stand_where_the_page_sets_them(typeset: dict[str, Path]) -> None:
    name = TEXTS[0]
    layout, _ = pdf.extract_text(typeset[name].read_bytes())
    flat = "".join(layout.split())
    for quoted in ("欧洲委员会“建设一个儿童共享和参与的欧洲”的方案", "“新地平线”概念"):
        assert quoted in (SEEDS / name).read_text("utf-8")
        assert quoted in flat


@settings(max_examples=60, deadline=None)
@given(tenths=st.integers(100, 160), lines=st.lists(st.integers(2, 4), min_size=20, max_size=60),
       jitter=st.lists(st.sampled_from([-0.04, 0.04]), min_size=400, max_size=400))
def test_the_pitch_is_the_commonest_step_once_steps_a_rounding_apart_are_one(
        tenths: int, lines: list[int], jitter: list[float]) -> None:
    """Paragraphs of 2–4 lines (the seed's summary has 2-line paragraphs), each followed by a
    blank line (a double step), at a pitch halfway between two tenths of a point, as
    LibreOffice's 11.35: rounded to 0.1 pt, the single step reads as two values, each rarer
    than the double one."""
    pitch = tenths / 10 + 0.05
    baselines, y, k = [], 800.0, 0
    for count in lines:
        for _ in range(count):
            baselines.append(y)
            y -= pitch + jitter[k % len(jitter)]
            k += 1
        y -= pitch  # the blank line
    piece = lambda b: pdf.Piece("字", 50.0, 60.0, b, 10.0, True, True)  # noqa: E731
    page = pdf.Page([pdf.PrintedLine([piece(b)], b) for b in baselines], [], 842.0)
    assert abs(pdf._pitch_ratio([page], 10.0) * 10.0 - pitch) < 0.1


def test_runs_that_touch_get_no_space_and_a_word_gap_keeps_one() -> None:
    def line(*runs: tuple[str, float, float]) -> pdf.PrintedLine:
        pieces = [pdf.Piece(t, a, b, 700.0, 10.0, pdf._is_cjk(t[0]), pdf._is_cjk(t[-1])) for t, a, b in runs]
        return pdf.PrintedLine(pieces, 700.0)

    assert pdf._line_text(line(("欧洲", 50.0, 70.0), ("”", 70.0, 76.0), ("的方案", 76.0, 106.0)), 50.0, 5.0) \
        == "欧洲”的方案"
    assert pdf._line_text(line(("General", 50.0, 90.0), ("Assembly", 92.5, 135.0)), 50.0, 5.0) == "General Assembly"


def test_a_masthead_note_wrapped_over_two_lines_is_one_note() -> None:
    """The seed's note line cut in two, as a page wraps it: the same note, whole."""
    text = (SEEDS / TEXTS[0]).read_text("utf-8")
    seed = docdiff.parse(text)
    [note] = seed.front.footnotes
    line = next(ln for ln in text.splitlines() if ln.startswith("*") and note in ln)
    cut = len(line) * 2 // 3
    wrapped = docdiff.parse(text.replace(line, line[:cut] + "\n" + line[cut:]))
    assert wrapped.front.footnotes == seed.front.footnotes
    assert wrapped.front.masthead == seed.front.masthead


def test_a_number_wrapped_alone_is_text(typeset: dict[str, Path]) -> None:
    """A number the page wrapped alone onto its line, inside a paragraph, is no
    page number: the paragraph keeps it, as the text edition has it."""
    lines = pdf.read(typeset[WRAPPED_ALONE].read_bytes()).text.split("\n")
    assert "17" in (line.strip() for line in lines)  # (LibreOffice wrapped it so)
    printed = docdiff.load(typeset[WRAPPED_ALONE])
    assert any("officials from 17 member States of the League." in p.text for p in printed.paragraphs())
