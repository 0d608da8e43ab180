"""Numbers that repeat (#16 b, a newcomer's find; #16.15): a paragraph pasted
twice (its number twice in a row) was glued into the first copy without a word;
now both copies are paragraphs and a warning says "paragraph 12 appears twice".
An edition pasted whole after itself (numbering that starts again at 1) is said
in every format, and in a resolution too (whose operative paragraphs after the
restart were read as unnumbered text, without a warning).

Editions, and how the test editions are made from them:
- the English seed's source ``seeds/sample_en_2010.src.txt`` and the Chinese seed
  (one paragraph per line, mostly): the line of a paragraph N that ends its
  sentence (a whole paragraph) written twice, one under the other;
  as text, as a .docx (``make_docx``: the second copy numbered by Word, its list
  restarted at N) and as a PDF (``typeset``: the lines set on pages);
- the real resolution A/RES/78/18 (``seeds/real/nsa``, PDF text): the lines of
  operative paragraph N (from its number to the blank line under it) copied under
  it, as text and as a PDF; as a .docx (``make_resolution_docx``), its masthead and
  its paragraphs as printed, paragraph N twice (Word's list restarted at N).
- each of them pasted after itself, for the restart.
The expectations are read from the input: the numbers and texts of the numbered
lines (a plain regular expression), or the hand-typed key of the resolution
(``tests/fixtures/real_keys``: each paragraph's first and last words).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff.model import Paragraph

from .docx_editions import make_docx, make_resolution_docx
from .typeset import Layout, font_file, typeset

ROOT = Path(__file__).resolve().parent.parent
REPORTS = {"en": ROOT / "seeds" / "sample_en_2010.src.txt", "zh": ROOT / "seeds" / "A_65_382-S_2010_490.zh.txt"}
RESOLUTION = ROOT / "seeds" / "real" / "nsa" / "A_RES_78_18.txt"
RESOLUTION_KEY = ROOT / "tests" / "fixtures" / "real_keys" / "nsa__A_RES_78_18.json"
_NUMBERED = re.compile(r"^(\d+)\.\s+(\S.*)$")

needs_fonts = pytest.mark.skipif(font_file("serif") is None or font_file("cjk") is None,
                                 reason="no serif or CJK TrueType font to typeset the PDFs")


def _numbered_lines(text: str) -> list[tuple[int, str]]:
    """The report's numbered paragraphs as its source prints them: number, text."""
    found = [(int(m[1]), m[2].strip()) for line in text.split("\n") if (m := _NUMBERED.match(line))]
    # the body's: from the "1." that a "2." follows
    start = next(k for k, (n, _) in enumerate(found) if n == 1 and found[k + 1][0] == 2)
    return found[start:]


def _whole(language: str) -> list[int]:
    """The numbers of the paragraphs whole on their line (a line that ends its
    sentence; a page break cuts some of the Chinese seed's)."""
    return [m for m, t in _numbered_lines(REPORTS[language].read_text(encoding="utf-8")) if t[-1] in "。.;；"]


def _report_twice(language: str, n: int) -> str:
    lines = REPORTS[language].read_text(encoding="utf-8").split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith(f"{n}. "))
    return "\n".join(lines[:at + 1] + lines[at:])


def _read(data: bytes | str, suffix: str, tmp_path: Path) -> docdiff.Document:
    if isinstance(data, str):
        return docdiff.parse(data)
    path = tmp_path / f"edition{suffix}"
    path.write_bytes(data)
    return docdiff.load(path)


def _as(form: str, text: str, language: str) -> tuple[bytes | str, str]:
    if form == "docx":
        return make_docx(text), ".docx"
    if form == "pdf":
        return typeset(text, Layout(font="cjk" if language == "zh" else "serif")), ".pdf"
    return text, ".txt"


def _check_report(document: docdiff.Document, language: str, n: int) -> None:
    source = _numbered_lines(REPORTS[language].read_text(encoding="utf-8"))
    at = next(k for k, (m, _) in enumerate(source) if m == n)
    expected = source[:at + 1] + source[at:]
    numbered = [(p.number, p.text) for p in document.paragraphs() if p.number is not None]
    assert [m for m, _ in numbered] == [m for m, _ in expected]
    twice = [t for m, t in numbered if m == n]
    assert twice[0] == twice[1] and twice[0].startswith(source[at][1][:20])
    assert sum(f"paragraph {n} appears twice" in w for w in document.warnings) == 1


@pytest.mark.parametrize("language", ["en", "zh"])
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_a_report_paragraph_pasted_twice_is_two_paragraphs_and_said(language: str, data: st.DataObject) -> None:
    n = data.draw(st.sampled_from(_whole(language)))
    _check_report(docdiff.parse(_report_twice(language, n)), language, n)


@needs_fonts
@pytest.mark.parametrize("form", ["docx", "pdf"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_pasted_paragraph_in_word_and_pdf(form: str, language: str, tmp_path: Path) -> None:
    n = _whole(language)[10]
    document = _read(*_as(form, _report_twice(language, n), language), tmp_path)
    _check_report(document, language, n)


def test_a_numbered_list_inside_a_paragraph_repeats_no_number() -> None:
    """A list "1. 2. 3." inside paragraph 3: its "3." is no second paragraph 3."""
    document = docdiff.parse("1. First.\n2. Second.\n3. The plan has three steps:\n1. Plan.\n2. Act.\n"
                             "3. Check.\n4. Fourth.\n5. Fifth.\n")
    assert [p.number for p in document.paragraphs()] == [1, 2, 3, 4, 5]
    assert not any("twice" in w for w in document.warnings)


# ----------------------------------------------------------------------------- a resolution


def _key_paragraphs() -> list[dict[str, object]]:
    paragraphs: list[dict[str, object]] = json.loads(RESOLUTION_KEY.read_text(encoding="utf-8"))["paragraphs"]
    return paragraphs


def _resolution_twice(n: int) -> str:
    lines = RESOLUTION.read_text(encoding="utf-8").split("\n")
    at = next(k for k, line in enumerate(lines) if re.match(rf"{n}\.\s", line))
    end = next(k for k in range(at + 1, len(lines)) if not lines[k].strip())
    return "\n".join([*lines[:end], " ", *lines[at:end], *lines[end:]])


def _resolution_docx(copies: Callable[[list[Paragraph]], list[Paragraph]]) -> bytes:
    """The resolution as Word sets it (``make_resolution_docx``: its masthead, then
    its paragraphs, numbered by an automatic list restarted where the numbers do not
    go up by one), the paragraphs of the edition as printed given by ``copies``."""
    text = RESOLUTION.read_text(encoding="utf-8")
    printed = docdiff.parse(text)
    preamble, operative = printed.sections
    paragraphs = copies(list(preamble.paragraphs + operative.paragraphs))
    k = len(preamble.paragraphs)
    edited = replace(printed, sections=(replace(preamble, paragraphs=tuple(paragraphs[:k])),
                                        replace(operative, paragraphs=tuple(paragraphs[k:]))))
    return make_resolution_docx(text, edited)


@pytest.mark.parametrize("form", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("n", [1, 3, 6])
def test_a_resolution_paragraph_pasted_twice(form: str, n: int, tmp_path: Path) -> None:
    text = _resolution_twice(n)
    if form == "pdf" and font_file("serif") is None:
        pytest.skip("no serif font")
    def pasted(paragraphs: list[Paragraph]) -> list[Paragraph]:
        at = next(k for k, p in enumerate(paragraphs) if p.number == n)
        return paragraphs[:at + 1] + paragraphs[at:]

    data = _resolution_docx(pasted) if form == "docx" else typeset(text) if form == "pdf" else text
    document = _read(data, f".{form}", tmp_path)
    key = _key_paragraphs()
    at = next(k for k, p in enumerate(key) if p["number"] == n)
    expected = key[:at + 1] + key[at:]
    paragraphs = list(document.paragraphs())
    assert [p.number for p in paragraphs] == [p["number"] for p in expected]
    for got, want in zip(paragraphs, expected, strict=True):
        assert got.text.startswith(str(want["first"])) and got.text.endswith(str(want["last"]))
    assert sum(f"paragraph {n} appears twice" in w for w in document.warnings) == 1


# ----------------------------------------------------------------------------- pasted whole


@needs_fonts
@pytest.mark.parametrize("form", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_report_pasted_after_itself_warns_in_every_format(form: str, language: str, tmp_path: Path) -> None:
    text = REPORTS[language].read_text(encoding="utf-8")
    source = _numbered_lines(text)
    document = _read(*_as(form, text + "\n" + text, language), tmp_path)
    numbers = [p.number for p in document.paragraphs() if p.number is not None]
    assert numbers == [n for n, _ in source] * 2
    assert sum(f"restarts at 1 after {source[-1][0]}" in w for w in document.warnings) == 1


@pytest.mark.parametrize("form", ["txt", "docx", "pdf"])
def test_a_resolution_pasted_after_itself_warns_in_every_format(form: str, tmp_path: Path) -> None:
    if form == "pdf" and font_file("serif") is None:
        pytest.skip("no serif font")
    text = RESOLUTION.read_text(encoding="utf-8")
    twice = text + "\n" + text
    # (in Word, the paragraphs pasted after themselves: the masthead printed once)
    data = _resolution_docx(lambda p: p + p) if form == "docx" else typeset(twice) if form == "pdf" else twice
    document = _read(data, f".{form}", tmp_path)
    operative = [p["number"] for p in _key_paragraphs() if p["number"] is not None]
    assert [p.number for p in document.paragraphs() if p.number is not None] == operative * 2
    assert sum(f"restarts at 1 after {operative[-1]}" in w for w in document.warnings) == 1
    assert not docdiff.parse(text).warnings
