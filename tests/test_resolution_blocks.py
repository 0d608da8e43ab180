"""A resolution from Word: what Word knows (``parsing.lines.Block``) is taken, not guessed.

The Word editions are the 11 real resolutions of seeds/real/, each made a .docx
with python-docx by ``make_resolution_docx`` (its masthead in a table, the
preambular paragraphs unnumbered, the operative paragraphs numbered by Word's
automatic list, the notes real footnotes, running heads in the header) from its
text and the tree read from that text, with the operative numbers moved to
start at ``start`` (a start override on Word's list, the number gone from the
text).  Then, with python-docx, a paragraph Word does not number is put before
one of them (its text a number-like token and the resolution's title), or a
heading in Word's "Heading 1" style.

The expectation is each edition's key (tests/fixtures/real_keys, made without
docdiff from the printed text: each paragraph's number and first and last
words), its numbers moved as Word's are, with the inserted paragraph where it
was put.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff.readers import read_bytes

from .docx_editions import make_resolution_docx

ROOT = Path(__file__).resolve().parent.parent
KEYS = sorted((ROOT / "tests" / "fixtures" / "real_keys").glob("*.json"))


def _squash(text: str) -> str:
    return "".join(text.replace("\u2011", "-").split())


def _key(path: Path) -> dict[str, object]:
    key: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return key


def _edition(key: dict[str, object]) -> str:
    return (ROOT / "seeds" / "real" / str(key["file"])).read_text(encoding="utf-8")


def word_edition(text: str, start: int = 1) -> docx.document.Document:
    """The edition in Word, its operative paragraphs numbered by Word from ``start``."""
    printed = docdiff.parse(text)
    preamble, operative = printed.sections
    moved = tuple(replace(p, number=p.number + start - 1) for p in operative.paragraphs)  # type: ignore[operator]
    edited = replace(printed, sections=(preamble, replace(operative, paragraphs=moved)))
    return docx.Document(io.BytesIO(make_resolution_docx(text, edited)))


def body_paragraphs(document: docx.document.Document) -> tuple[list, list]:  # type: ignore[type-arg]
    """Word's preambular and numbered paragraphs (the body's, below the enacting formula)."""
    paragraphs = document.paragraphs
    formula = next(i for i, p in enumerate(paragraphs) if p.text == "The General Assembly,")
    numbered = [p for p in paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    first = paragraphs.index(numbered[0])
    return paragraphs[formula + 1:first], numbered


def read(document: docx.document.Document) -> docdiff.Document:
    out = io.BytesIO()
    document.save(out)
    return docdiff.parse_reading(read_bytes(out.getvalue()))


def expected(key: dict[str, object], start: int) -> list[tuple[int | None, str, str]]:
    return [(None if p["number"] is None else p["number"] + start - 1, p["first"], p["last"])  # type: ignore[index,operator]
            for p in key["paragraphs"]]  # type: ignore[attr-defined]


def check(found: list[docdiff.Paragraph], key: list[tuple[int | None, str, str]]) -> None:
    assert [p.number for p in found] == [number for number, _, _ in key]
    for paragraph, (_, first, last) in zip(found, key, strict=True):
        assert _squash(paragraph.text).startswith(_squash(first)), paragraph.text[:80]
        assert _squash(paragraph.text).endswith(_squash(last)), paragraph.text[-80:]


@pytest.mark.parametrize("path", KEYS, ids=[p.stem for p in KEYS])
def test_word_numbers_from_7_are_the_operative_numbers(path: Path) -> None:
    key = _key(path)
    document = read(word_edition(_edition(key), start=7))
    assert [s.kind for s in document.sections] == ["preamble", "operative"]
    check(list(document.paragraphs()), expected(key, 7))
    assert list(document.front.closing) == key["closing"]
    assert len(document.front.footnotes) == key["footnote_count"]


@settings(max_examples=8, deadline=None)
@given(start=st.integers(1, 3000))
def test_word_numbers_from_any_start(start: int) -> None:
    key = _key(KEYS[-1])
    document = read(word_edition(_edition(key), start=start))
    check(list(document.paragraphs()), expected(key, start))


def test_the_text_alone_does_not_take_numbers_from_7() -> None:
    """Without what Word knows (the same text, laid out by the reader), a first
    number of 7 is no paragraph number: the seam is what numbers them."""
    key = _key(KEYS[-1])
    out = io.BytesIO()
    word_edition(_edition(key), start=7).save(out)
    guessed = docdiff.parse(read_bytes(out.getvalue()).text)
    assert [p.number for p in guessed.paragraphs()] != [n for n, _, _ in expected(key, 7)]


@pytest.mark.parametrize("token", ["2010. ", "1. ", "7. "])
def test_an_unnumbered_preambular_paragraph_is_one_whatever_it_starts_with(token: str) -> None:
    """A preambular paragraph Word does not number, starting with a year or with
    the operative part's first number: one more preambular paragraph, unnumbered
    (read from the text alone, "1." would start the operative part there)."""
    key = _key(KEYS[-1])
    document = word_edition(_edition(key), start=7)
    preamble, _ = body_paragraphs(document)
    title = str(key["metadata"].get("title") or docdiff.parse(_edition(key)).metadata.title)  # type: ignore[attr-defined]
    inserted = token + title + ","
    preamble[3].insert_paragraph_before(inserted)
    read_back = read(document)
    want = expected(key, 7)
    words = inserted.split()
    want.insert(3, (None, " ".join(words[:6]), " ".join(words[-4:])))
    check(list(read_back.paragraphs()), want)
    assert [s.kind for s in read_back.sections] == ["preamble", "operative"]


@pytest.mark.parametrize("token", ["2010. ", "9. ", "8. "])
def test_an_unnumbered_operative_paragraph_goes_on_the_numbered_one_above(token: str) -> None:
    """After operative paragraph 8 (Word's second), a paragraph Word does not
    number, starting with a year, the next number or its own: it is part of
    paragraph 8 (as its lettered sub-paragraphs are), and the numbers stay Word's."""
    key = _key(KEYS[-1])
    document = word_edition(_edition(key), start=7)
    _, numbered = body_paragraphs(document)
    title = docdiff.parse(_edition(key)).metadata.title or ""
    inserted = token + title + "."
    numbered[2].insert_paragraph_before(inserted)
    read_back = read(document)
    want = expected(key, 7)
    at = next(k for k, (n, _, _) in enumerate(want) if n == 8)
    want[at] = (8, want[at][1], " ".join(inserted.split()[-4:]))
    check(list(read_back.paragraphs()), want)
    eight = next(p for p in read_back.paragraphs() if p.number == 8)
    assert _squash(eight.text).endswith(_squash(inserted))


def test_a_heading_in_a_heading_style_opens_a_section() -> None:
    """A "Heading 1" paragraph before Word's third operative paragraph (its text
    the title with a full stop, which no guess takes for a heading): a section
    titled by it holds the operative paragraphs from there, numbered on."""
    key = _key(KEYS[-1])
    document = word_edition(_edition(key), start=7)
    _, numbered = body_paragraphs(document)
    title = (docdiff.parse(_edition(key)).metadata.title or "") + "."
    numbered[2].insert_paragraph_before(title, style="Heading 1")
    read_back = read(document)
    check(list(read_back.paragraphs()), expected(key, 7))
    operative_numbers = [p["number"] + 6 for p in key["paragraphs"] if p["number"] is not None]  # type: ignore[attr-defined,index,operator]
    assert [(s.kind, s.title, [p.number for p in s.paragraphs if p.number is not None])
            for s in read_back.sections][1:] == [("operative", "", operative_numbers[:2]),
                                                 ("section", title, operative_numbers[2:])]
    out = io.BytesIO()
    document.save(out)
    guessed = docdiff.parse(read_bytes(out.getvalue()).text)
    assert title not in [s.title for s in guessed.sections]
