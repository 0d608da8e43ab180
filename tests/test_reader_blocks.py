"""A reader that knows more skips the guessing (docdiff.parsing.lines.Block).

The Word editions here are excerpts of the real Chinese edition
(seeds/A_65_382-S_2010_490.zh.txt, paragraphs 25–40 and the organisation names
between them), written with python-docx: each numbered paragraph's number is
taken out of its text and given back by Word's automatic numbering, a decimal
list whose level starts at 25 (``w:start``); a line that goes on the paragraph
above it (a page break cut it: it follows a line that did not end its sentence)
is joined to it; the organisation names are paragraphs of their own.  The key —
which paragraph has which number and text — is read from the seed's lines
here, by those rules, not by docdiff's parser.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff.parsing import Line
from docdiff.parsing.lines import Block
from docdiff.parsing.tree import TreeBuilder
from docdiff.readers import read_bytes

from .docx_editions import Variation, _Builder

SEED = Path(__file__).resolve().parent.parent / "seeds" / "A_65_382-S_2010_490.zh.txt"
NUMBERED = re.compile(r"^(\d+)\. (.+)$")


def excerpt() -> list[tuple[int | None, str]]:
    """(number, text) of the seed's paragraphs 25–40 and the headings between, in order."""
    if not SEED.exists():
        pytest.skip("the real edition is not in seeds/")
    blocks = [b.strip() for b in SEED.read_text("utf-8").split("\n\n") if b.strip()]
    first = next(i for i, b in enumerate(blocks) if b.startswith("25. "))
    last = next(i for i, b in enumerate(blocks) if b.startswith("41. "))
    out: list[tuple[int | None, str]] = []
    for block in blocks[first:last]:
        text = " ".join(block.split("\n"))
        numbered = NUMBERED.match(text)
        if numbered:
            out.append((int(numbered[1]), numbered[2]))
        elif out and out[-1][0] is not None and not out[-1][1].endswith("。"):
            out[-1] = (out[-1][0], out[-1][1] + text)  # the rest of a paragraph a page break cut
        else:
            out.append((None, text))
    while out[-1][0] is None:  # (the excerpt ends with paragraph 40, not the heading after it)
        out.pop()
    return out


def word_edition(paragraphs: list[tuple[int | None, str]], heading_style: str | None = None,
                 unnumbered: dict[int, str] | None = None) -> bytes:
    """The excerpt in Word: numbered paragraphs on a list starting at their first
    number; headings in ``heading_style`` (or Normal); ``unnumbered``: after the
    paragraph of that number, a paragraph Word does not number, with this text."""
    builder = _Builder(Variation())
    start = next(n for n, _ in paragraphs if n is not None)
    numbers = builder.add_list([("decimal", "%1.")], start=start)
    for number, text in paragraphs:
        if number is None:
            builder.paragraph(text, style=heading_style)
        else:
            builder.paragraph(text, numbered=(numbers, 0))
            if unnumbered and number in unnumbered:
                builder.paragraph(unnumbered[number])
    return builder.finish()


def squeezed(text: str) -> str:
    """The text without white space (Chinese lines are joined without a space)."""
    return re.sub(r"\s+", "", text)


def tree(document: docdiff.Document) -> list[tuple[str, list[int | None]]]:
    return [(s.title, [p.number for p in s.paragraphs]) for _, s in document.walk()]


def test_word_numbering_that_starts_at_25_numbers_the_paragraphs_25_26_and_on() -> None:
    paragraphs = excerpt()
    reading = read_bytes(word_edition(paragraphs))
    document = docdiff.parse_reading(reading)
    key = [(n, t) for n, t in paragraphs if n is not None]
    assert [(p.number, p.text) for p in document.paragraphs()] == key
    headings = [t for n, t in paragraphs if n is None]
    assert [title for title, _ in tree(document) if title] == headings
    # the same text without what Word knows: no paragraph 1, so nothing is read as numbered
    guessed = docdiff.parse(reading.text)
    assert all(p.number is None or p.number < 25 for p in guessed.paragraphs())


@pytest.mark.parametrize("token", ["2010. ", "31. ", "26. "])
def test_a_paragraph_word_does_not_number_is_no_numbered_paragraph_whatever_it_starts_with(token: str) -> None:
    """After paragraph 30, a paragraph Word does not number, starting with a
    year, with the number of the paragraph that follows it, or with an earlier
    number: the numbers are Word's alone and its words stay in the tree."""
    paragraphs = excerpt()
    inserted = token + paragraphs[[n for n, _ in paragraphs].index(33)][1]  # a real paragraph's text
    document = docdiff.parse_reading(read_bytes(word_edition(paragraphs, unnumbered={30: inserted})))
    assert [p.number for p in document.paragraphs() if p.number is not None] == list(range(25, 41))
    text = " ".join(p.text for p in document.paragraphs())
    for number, own in paragraphs:
        if number is not None:
            assert own in text
    thirty = next(p for p in document.paragraphs() if p.number == 30)
    # it goes on paragraph 30 (as a line of text would), number-like token and all
    assert squeezed(inserted) in squeezed(thirty.text)


def test_a_paragraph_in_a_heading_style_is_a_heading_whatever_its_text() -> None:
    """The organisation names in Heading 2, and one more heading — a sentence
    that ends with a full stop, which no guess takes for a heading — after
    paragraph 32, whose last line did not end its sentence either: both are
    sections, and every paragraph keeps its text."""
    paragraphs = excerpt()
    cut = [n for n, _ in paragraphs].index(32)
    sentence = "联合国与东盟的合作还包括以下方面。"  # ends its sentence: no guessed heading does
    paragraphs = [*paragraphs[:cut], (32, paragraphs[cut][1].rstrip("。")), (None, sentence), *paragraphs[cut + 1:]]
    data = word_edition(paragraphs, heading_style="Heading 2")
    document = docdiff.parse_reading(read_bytes(data))
    sections = tree(document)
    assert [title for title, _ in sections if title] == [t for n, t in paragraphs if n is None]
    assert dict(sections)[sentence] == [33, 34, 35, 36]
    assert [(p.number, p.text) for p in document.paragraphs()] == [(n, t) for n, t in paragraphs if n is not None]
    # the text alone: the sentence is no heading, it goes on paragraph 32
    assert sentence not in [title for title, _ in tree(docdiff.parse(read_bytes(data).text))]


def test_heading_levels_place_an_unnumbered_heading_beside_the_parts() -> None:
    """Headings Word puts at the parts' level close the part before them; one
    level deeper they stand inside it (the tree builder, fed as the parser feeds it)."""
    builder = TreeBuilder()
    builder.heading("I. 导言", 0)
    builder.heading("亚非法律协商组织", 1)
    builder.heading("附加说明", 0)
    sections = [(s.kind, s.title, [c.title for c in s.sections]) for s in builder.freeze()]
    assert sections == [("part", "导言", ["亚非法律协商组织"]), ("organisation", "附加说明", [])]


def test_the_docx_reader_says_what_word_knows_at_each_paragraphs_line() -> None:
    paragraphs = excerpt()[:3]
    reading = read_bytes(word_edition(paragraphs, heading_style="Heading 2"))
    lines = reading.text.split("\n")
    assert [lines[at - 1].startswith(f"{block.number}.") for at, block in reading.blocks.items()] == [True] * 3
    assert list(reading.blocks.values()) == [Block("paragraph", number=25, label="25."),
                                           Block("paragraph", number=26, label="26."),
                                           Block("paragraph", number=27, label="27.")]
    assert Line(1, "x", "x").block is None  # text and PDF: the reader knows nothing more


def test_a_docx_without_word_numbering_is_read_from_its_text_as_before() -> None:
    """Numbers typed into the text (no automatic numbering): the guess reads them."""
    document = docx.Document()
    for line in ["I. 导言", "1. 联合国和非洲联盟继续合作。", "2. 秘书长出席了会议。"]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    parsed = docdiff.parse_reading(read_bytes(out.getvalue()))
    assert [(p.number, p.text) for p in parsed.paragraphs()] == [(1, "联合国和非洲联盟继续合作。"), (2, "秘书长出席了会议。")]


@settings(max_examples=15, deadline=None)
@given(start=st.integers(1, 3000), after=st.integers(0, 15),
       token=st.from_regex(r"\A(?:\d{1,4}\. |\(\d{1,2}\) |\d{4} 年)\Z"))
def test_word_numbers_are_the_paragraph_numbers_whatever_the_text_says(start: int, after: int, token: str) -> None:
    """The excerpt numbered by Word from any start, with a paragraph Word does
    not number — a number-like token and a real paragraph's text — after any of
    its paragraphs: the numbers are start, start + 1, … and every word stays."""
    paragraphs = [(None if n is None else n - 25 + start, t) for n, t in excerpt()]
    numbered = [n for n, _ in paragraphs if n is not None]
    inserted = token + paragraphs[-1][1]
    document = docdiff.parse_reading(read_bytes(word_edition(paragraphs, unnumbered={numbered[after]: inserted})))
    assert [p.number for p in document.paragraphs() if p.number is not None] == numbered
    text = squeezed(" ".join(p.text for p in document.paragraphs()))
    assert all(squeezed(t) in text for n, t in paragraphs if n is not None)
    assert squeezed(inserted) in text
