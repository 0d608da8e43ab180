"""The real resolution editions in seeds/real/ against keys made without docdiff.

Each key in tests/fixtures/real_keys/ (see its README) lists, per paragraph of
the edition, its printed number (or null), its first six and last four words,
and the masthead facts as printed.  The parser must find exactly those
paragraphs, in that order — in the text as printed, in the same text with
its page breaks lost (running heads and notes inside pages), and in a Word
document of one paragraph per printed line made from the text (with python-docx,
a paragraph per line of the text; and by LibreOffice, ``soffice --convert-to
docx`` of the .txt, where it is installed).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import docdiff

from . import libreoffice

ROOT = Path(__file__).resolve().parent.parent
KEYS = sorted((Path(__file__).parent / "fixtures" / "real_keys").glob("*.json"))


def _squash(text: str) -> str:
    # spacing and the non-breaking hyphen are formatting: words cut at a line end
    # ("non-nuclear-" / "weapon") are one word in the paragraph's text
    return "".join(text.replace("\u2011", "-").split())


def _page_breaks_lost(text: str) -> str:
    """The edition as text pasted without its page breaks reads: each empty line
    (which parts the pages of PDF text) a blank line holding one space, so that
    every running head and page footer stands inside a page, and a page's notes
    run on into the next page's text.  The key is the same."""
    return "\n".join(" " if line == "" else line for line in text.split("\n"))


def _docx_lines(path: Path, folder: Path) -> docdiff.Document:
    """The edition as Word holds a text pasted line by line: one paragraph per
    line of the text (a blank line an empty paragraph), made with python-docx."""
    import docx

    document = docx.Document()
    for line in path.read_text(encoding="utf-8").rstrip("\n").split("\n"):
        document.add_paragraph(line)
    out = folder / f"{path.stem}.docx"
    document.save(str(out))
    return docdiff.load(out)


def _libreoffice_docx(path: Path, folder: Path) -> docdiff.Document:
    """The edition's text converted by LibreOffice (``soffice --convert-to docx``)."""
    if libreoffice.SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs Debian's libreoffice-writer-nogui")
    copy = folder / path.name
    shutil.copyfile(path, copy)
    return docdiff.load(libreoffice.convert(copy, "docx", folder / "profile"))


FORMS = {"as_printed": lambda path, _: docdiff.parse(path.read_text(encoding="utf-8")),
         "page_breaks_lost": lambda path, _: docdiff.parse(_page_breaks_lost(path.read_text(encoding="utf-8"))),
         "docx_lines": _docx_lines, "libreoffice_docx": _libreoffice_docx}


@pytest.fixture(scope="module", params=[(k, f) for k in KEYS for f in FORMS], ids=lambda p: f"{p[0].stem}-{p[1]}")
def edition(request, tmp_path_factory):
    path, form = request.param
    key = json.loads(path.read_text(encoding="utf-8"))
    source = ROOT / "seeds" / "real" / key["file"]
    assert form != "page_breaks_lost" or "\n\n" in source.read_text(encoding="utf-8")  # (page breaks to lose)
    document = FORMS[form](source, tmp_path_factory.mktemp(form))
    return key, document


def test_every_paragraph_is_found_in_order(edition):
    key, document = edition
    found = list(document.paragraphs())
    assert [p.number for p in found] == [p["number"] for p in key["paragraphs"]]
    for paragraph, expected in zip(found, key["paragraphs"], strict=True):
        text = _squash(paragraph.text)
        assert text.startswith(_squash(expected["first"])), (paragraph.index, paragraph.text[:80])
        assert text.endswith(_squash(expected["last"])), (paragraph.index, paragraph.text[-80:])
    assert [p.index for p in found] == list(range(len(found)))


def test_masthead_facts(edition):
    key, document = edition
    meta = document.metadata.to_dict()
    for field, value in key["metadata"].items():
        assert meta[field] == value, field


def test_preamble_operative_footnotes_and_closing(edition):
    key, document = edition
    kinds = [s.kind for s in document.sections]
    assert kinds == ["preamble", "operative"]
    assert document.sections[0].title == key["enacting_formula"]
    assert all(p.number is None for p in document.sections[0].paragraphs)
    assert all(p.number is not None for p in document.sections[1].paragraphs)
    assert len(document.front.footnotes) == key["footnote_count"]
    assert [int(n.split()[0]) for n in document.front.footnotes] == list(range(1, key["footnote_count"] + 1))
    assert list(document.front.closing) == key["closing"]
    # no running head, job number or page number inside a paragraph or a note
    title = _squash(document.metadata.title or "")
    for text in [p.text for p in document.paragraphs()] + list(document.front.footnotes):
        assert document.metadata.symbol not in text
        assert not re.search(r"(?<![\d/])\d/\d(?![\d/])", text), text  # a page number "2/3"
        assert not re.search(r"\b\d{2}-\d{5}\b", text), text  # a job number
        assert not (title and title in _squash(text) and "entitled" not in text), text


# ----------------------------------------------------------------------------- derived editions
# Editions of kinds and languages seeds/real/ lacks, derived from a real one:
# A/RES/78/18 with its adoption line, number and body replaced as a decision
# prints them; and its masthead words and openings put into French as the
# French editions print them.  What they must give comes from the replacements.


def _real(name: str) -> str:
    return (ROOT / "seeds" / "real" / "nsa" / name).read_text(encoding="utf-8")


def test_a_decision_without_an_enacting_formula():
    text = _real("A_RES_78_18.txt")
    masthead = text[:text.index("The General Assembly,")]
    masthead = masthead.replace(" Resolution adopted by", " Decision adopted by").replace(
        "78/18. Conclusion of effective", "78/507. Conclusion of effective")
    body = ("At its 42nd plenary meeting, on 4 December 2023, the General Assembly, on the \n"
            "recommendation of the First Committee, decided to include in the provisional agenda \n"
            "of its seventy-ninth session the item entitled “Conclusion of effective arrangements”. \n \n"
            "The Assembly also decided to keep the item under review. \n")
    document = docdiff.parse(masthead + body)
    meta = document.metadata
    assert (meta.kind, meta.resolution_number, meta.adoption_date, meta.symbol) == (
        "decision", "78/507", "2023-12-04", "A/RES/78/18")
    assert [(p.number, p.text[:20]) for p in document.paragraphs()] == [
        (None, "At its 42nd plenary "), (None, "The Assembly also de")]
    assert document.paragraphs().__next__().text.endswith("arrangements”.")


FRENCH = {
    "United Nations": "Nations Unies", "General Assembly ": "Assemblée générale ",
    "Distr.: General": "Distr. : Générale", "6 December 2023": "6 décembre 2023",
    "Seventy-eighth session": "Soixante-dix-huitième session", "Agenda item 96": "Point 96 de l’ordre du jour",
    "Resolution adopted by the General Assembly": "Résolution adoptée par l’Assemblée générale",
    "on 4 December 2023": "le 4 décembre 2023", "The General Assembly,": "L’Assemblée générale,",
    "Bearing in mind": "Ayant à l’esprit", "Convinced that": "Convaincue que", "Noting": "Notant",
    "Recalling": "Rappelant", "Reaffirms": "Réaffirme", "42nd plenary meeting": "42e séance plénière",
    "4 December 2023 ": "4 décembre 2023 ",
}


def test_a_french_edition():
    text = _real("A_RES_78_18.txt")
    for english, french in FRENCH.items():
        text = text.replace(english, french)
    document = docdiff.parse(text)
    meta = document.metadata
    assert (meta.kind, meta.date, meta.adoption_date, meta.session, meta.agenda_items, meta.meeting) == (
        "resolution", "2023-12-06", "2023-12-04", "Soixante-dix-huitième session", ("96",), "42e séance plénière")
    assert document.sections[0].title == "L’Assemblée générale,"
    # the same paragraphs as the English key: 18 preambular, 6 operative
    assert [p.number for p in document.paragraphs()] == [None] * 18 + [1, 2, 3, 4, 5, 6]
    assert document.sections[1].paragraphs[0].text.startswith("Réaffirme")
    assert list(document.front.closing) == ["42e séance plénière", "4 décembre 2023"]


def test_a_line_that_repeats_the_title_alone_on_a_page_is_text():
    # A/RES/79/17's operative paragraph 1, its middle line (a long piece of the
    # title: "international arrangements to assure non-nuclear-weapon States
    # against the use or") put alone on a page of its own, as a page break above
    # and below it would leave it.  With no furniture beside it, it is no running
    # head: the paragraph keeps it.
    text = _real("A_RES_79_17.txt")
    line = "international arrangements to assure non-nuclear-weapon States against the use or \n"
    assert text.count(line) == 1
    document = docdiff.parse(text.replace(line, "\n" + line + "\n"))
    first = next(p for p in document.paragraphs() if p.number == 1)
    assert _squash(line) in _squash(first.text)


@pytest.mark.parametrize("printed", ["Distr. : Générale", "Distr. générale", "Distr. : générale"])
def test_the_french_distribution_line_with_or_without_its_colon(printed):
    # A/RES/78/18 with its distribution line as French editions print it
    text = _real("A_RES_78_18.txt").replace("Distr.: General", printed)
    assert printed in text
    document = docdiff.parse(text)
    assert document.metadata.distribution == printed.split()[-1]
