"""The Word report: every change a tracked change, so that accepting them all
gives the new edition and rejecting them all the old one.

The key is the editions themselves: the paragraphs and headings of the two
``Document``s, read back from the .docx's XML by ``paragraph_texts`` (which
knows only the WordprocessingML rules: deleted text and a deleted paragraph
mark go when accepting, inserted ones when rejecting) and, where it is
installed, by LibreOffice's own accept-all and reject-all.
"""

from __future__ import annotations

import os
import random
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import docdiff
from docdiff import conventions as cv
from docdiff.model import Document, Paragraph
from docdiff.readers.docx import NOTE_RULE
from docdiff.render import ReportOptions, render
from docdiff.render.word import W, paragraph_texts

from . import libreoffice
from .conftest import SEEDS

pytest.importorskip("docx", reason="python-docx (the office extra) writes the package")

PAIRS = [("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt"), ("sample_2012.zh.txt", "sample_2014.zh.txt"),
         ("sample_en_2010.txt", "sample_en_2012.txt"), ("sample_2014.zh.txt", "A_65_382-S_2010_490.zh.txt"),
         # resolutions: preambular paragraphs unnumbered, operative ones numbered
         ("real/me-nwfz/A_RES_78_17.txt", "real/me-nwfz/A_RES_79_16.txt"), ("real/nsa/A_RES_77_39.txt", "real/nsa/A_RES_80_18.txt")]


def printed(paragraph: Paragraph) -> str:
    return paragraph.text if paragraph.number is None else f"{paragraph.number}. {paragraph.text}"


def reading(document: Document) -> list[tuple[bool, str]]:
    """(is a heading, text) in reading order, after the masthead (``after_masthead``): the summary
    under the word the edition prints above it; each section's heading, its paragraphs, then its
    subsections; the notes, under the rule and one line each as a page foot prints them (a
    report's after its summary, where its first page prints them, a resolution's after the text);
    then the closing lines."""
    out: list[tuple[bool, str]] = []
    notes = _notes(document)

    def walk(section):
        if section.heading:  # an untitled section (operative paragraphs) prints none
            out.append((True, section.heading))
        out.extend((False, printed(p)) for p in section.paragraphs)
        for child in section.sections:
            walk(child)

    if document.front.summary:  # (the parser's summary, until it is a section of the tree)
        # the word the edition prints above it, among its masthead lines
        out.append((False, next(line for line in document.front.masthead if cv.SUMMARY.match(line))))
        out.extend((False, text) for text in document.front.summary)
    if notes and document.metadata.kind == "report":
        out.append((False, notes))
    for section in document.sections:
        walk(section)
    if notes and document.metadata.kind != "report":
        out.append((False, notes))
    out.extend((False, text) for text in document.front.closing)
    return out


def _notes(document: Document) -> str:
    """The notes as the edition prints them: the rule, then each note with its mark."""
    notes = document.front.footnotes
    return "\n".join([NOTE_RULE, *notes]) if notes else ""


def read_back(data: bytes, accept: bool) -> list[tuple[bool, str]]:
    return [(style.startswith("Heading"), text) for style, text in paragraph_texts(data, accept)]


def after_masthead(lines: list, expected: list, edition: Document | None = None,  # type: ignore[type-arg]
                   other: Document | None = None) -> list:  # type: ignore[type-arg]
    """The report's lines from where the edition's reading starts: the masthead's lines
    (``test_the_report_reads_back_as_the_new_edition`` checks what they say) stand above:
    its facts, and of its masthead's lines those the ``other`` edition's does not print."""
    start = lines.index(expected[0])
    own = [x for x in edition.front.masthead if x not in other.front.masthead] if edition and other else []
    assert start <= 9 + len(own)  # symbol, distribution, date, languages, session, committee, title, label
    return lines[start:]


@pytest.fixture(scope="module")
def loaded():
    return {name: docdiff.load(SEEDS / name) for pair in PAIRS for name in pair}


@pytest.mark.parametrize("old_name,new_name", PAIRS)
def test_accept_all_gives_the_new_edition_and_reject_all_the_old(loaded, old_name, new_name):
    old, new = loaded[old_name], loaded[new_name]
    comparison = docdiff.compare(old, new)
    data = render(comparison, "docx")
    assert isinstance(data, bytes)
    assert after_masthead(read_back(data, accept=True), reading(new), new, old) == reading(new)
    assert after_masthead(read_back(data, accept=False), reading(old), old, new) == reading(old)
    # and what did not change is no tracked change: each paragraph both editions print alike stands untouched
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(__import__("io").BytesIO(data)).read("word/document.xml"))
    marks = {f"{{{W}}}{t}" for t in ("ins", "del", "moveFrom", "moveTo")}
    untouched = [p for p in root.iter(f"{{{W}}}p") if not any(e.tag in marks for e in p.iter())]
    # (the notes are lines of one paragraph under the rule: not counted)
    same = [c for section in comparison.sections if section.kind != "footnotes" for c in section.paragraphs
            if c.status == "unchanged" and c.old == c.new and c.old_text == c.new_text]
    assert len(untouched) >= len(same)


@pytest.fixture(scope="module")
def report(loaded):
    comparison = docdiff.compare(loaded[PAIRS[0][0]], loaded[PAIRS[0][1]])
    options = ReportOptions(author="Translation Service", date="2026-01-02T03:04:05Z")
    data = render(comparison, "docx", options)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return comparison, data, xml


def revisions(xml: str, tag: str) -> list[str]:
    return re.findall(rf"<w:{tag} [^>]*>", xml)


def test_every_revision_names_its_author_and_date_with_a_unique_id(report):
    _, _, xml = report
    marks = [m for tag in ("ins", "del", "moveFrom", "moveTo") for m in revisions(xml, tag)]
    assert len(marks) > 50
    assert all('w:author="Translation Service"' in m and 'w:date="2026-01-02T03:04:05Z"' in m for m in marks)
    ids = re.findall(r'<w:(?:ins|del|moveFrom|moveTo|moveFromRangeStart|moveToRangeStart) w:id="(\d+)"', xml)
    assert len(ids) == len(set(ids))


def test_moves_are_move_from_and_move_to_pairs_named_alike(report):
    comparison, _, xml = report
    moved = sum(1 for c in comparison.paragraph_changes() if c.status == "moved")
    assert moved
    sources = re.findall(r'<w:moveFromRangeStart [^>]*w:name="([^"]+)"', xml)
    targets = re.findall(r'<w:moveToRangeStart [^>]*w:name="([^"]+)"', xml)
    assert len(set(sources)) == len(set(targets)) == moved and set(sources) == set(targets)
    assert xml.count("<w:moveFromRangeEnd") == len(sources) and xml.count("<w:moveToRangeEnd") == len(targets)


def test_splits_and_merges_are_inserted_and_deleted_paragraph_marks(report):
    comparison, data, _ = report
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(__import__("io").BytesIO(data)).read("word/document.xml"))
    marks = root.findall(f".//{{{W}}}pPr/{{{W}}}rPr")
    inserted = sum(1 for m in marks if m.find(f"{{{W}}}ins") is not None)
    deleted = sum(1 for m in marks if m.find(f"{{{W}}}del") is not None)
    changes = list(comparison.paragraph_changes())
    # every added paragraph and every paragraph a split makes has an inserted mark (and so on for the old side)
    assert inserted >= sum(len(c.new) for c in changes if c.status == "added") + \
        sum(len(c.new) - 1 for c in changes if c.status == "split") > 0
    assert deleted >= sum(len(c.old) for c in changes if c.status == "removed") + \
        sum(len(c.old) - 1 for c in changes if c.status == "merged") > 0


def test_python_docx_opens_the_report_and_sees_the_headings(report, loaded):
    import io

    import docx

    _, data, _ = report
    document = docx.Document(io.BytesIO(data))
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings and document.core_properties.author == "Translation Service"


# --------------------------------------------------------------------------- edited editions


def _edit(document: Document, seed: int, edits: int) -> Document:
    """The edition after ``edits`` random edits: a paragraph removed, one added
    (another's words reversed), words cut from one, two swapped across the
    report, one split at a sentence end, two neighbours merged.  Paragraphs are
    renumbered 1, 2, … as an edition prints them."""
    rng = random.Random(seed)
    slots = [path for path, _ in document.walk()]
    flat: list[tuple[int, str]] = []  # (which section, text)
    for k, (_, section) in enumerate(document.walk()):
        flat.extend((k, p.text) for p in section.paragraphs)
    for _ in range(edits):
        i = rng.randrange(len(flat))
        kind = rng.choice(["remove", "add", "cut", "swap", "split", "merge"])
        where, text = flat[i]
        if kind == "remove" and len(flat) > 3:
            del flat[i]
        elif kind == "add":
            words = flat[rng.randrange(len(flat))][1].split(" ")
            flat.insert(i, (where, " ".join(reversed(words)) + " 新增。"))
        elif kind == "cut" and len(text) > 12:
            a = rng.randrange(len(text) - 6)
            flat[i] = (where, text[:a] + text[a + rng.randint(1, 6):])
        elif kind == "swap":
            j = rng.randrange(len(flat))
            flat[i], flat[j] = (where, flat[j][1]), (flat[j][0], text)
        elif kind == "split":
            cut = max(text.find("。", len(text) // 3), text.find(". ", len(text) // 3))
            if 0 < cut < len(text) - 2:
                flat[i:i + 1] = [(where, text[:cut + 1].strip()), (where, text[cut + 1:].strip())]
        elif kind == "merge" and i + 1 < len(flat) and flat[i + 1][0] == where:
            flat[i:i + 2] = [(where, text + " " + flat[i + 1][1])]
    numbered = {k: [] for k in range(len(slots))}
    for n, (where, text) in enumerate(flat, start=1):
        numbered[where].append(Paragraph(n, text))
    counter = iter(range(len(slots)))

    def rebuild(section):
        k = next(counter)
        children = tuple(c for c in (rebuild(s) for s in section.sections) if c is not None)
        if not numbered[k] and not children:
            return None  # an edition prints no heading over nothing
        return replace(section, paragraphs=tuple(numbered[k]), sections=children)

    return replace(document, sections=tuple(s for s in (rebuild(s) for s in document.sections) if s is not None))


@settings(max_examples=400 if os.environ.get("DOCDIFF_FUZZ") == "long" else 25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), edits=st.integers(1, 12))
def test_any_edited_edition_round_trips_through_the_tracked_changes(loaded, seed, edits):
    old = loaded["sample_en_2010.txt"]
    new = _edit(old, seed, edits)
    data = render(docdiff.compare(old, new), "docx")
    # headings and paragraphs each in order (where a paragraph split into two
    # sections, the comparison does not say which piece went where: the pieces
    # stay together under the first)
    for accept, edition in ((True, new), (False, old)):
        expected = reading(edition)
        got = after_masthead(read_back(data, accept), expected, edition, old if accept else new)
        for heading in (True, False):
            assert [t for h, t in got if h is heading] == [t for h, t in expected if h is heading]


def test_text_xml_cannot_hold_is_kept_out_of_the_xml(loaded):
    old = loaded["sample_en_2010.txt"]
    first = next(old.paragraphs())
    odd = replace(old, sections=(replace(old.sections[0], paragraphs=(replace(first, text=first.text + "\x0b\x01"),)),
                                 *old.sections[1:]))
    data = render(docdiff.compare(old, odd), "docx")
    docx = pytest.importorskip("docx")
    docx.Document(__import__("io").BytesIO(data))  # well-formed XML: python-docx reads it back


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(libreoffice.SOFFICE is None,
                    reason="LibreOffice (soffice) is not installed: .ci/run installs Debian's libreoffice-writer-nogui")
def test_libreoffice_opens_the_report_and_its_accept_all_and_reject_all_give_the_editions(loaded, tmp_path: Path):
    old, new = loaded[PAIRS[0][0]], loaded[PAIRS[0][1]]
    report_file = tmp_path / "report.docx"
    report_file.write_bytes(render(docdiff.compare(old, new), "docx"))
    profile = tmp_path / "profile"
    converted = libreoffice.convert(report_file, "odt", profile)
    assert zipfile.is_zipfile(converted)
    for accept, edition in ((True, new), (False, old)):
        lines = [line for line in libreoffice.resolve(report_file, profile, accept) if line]
        expected = [line for _, text in reading(edition) for line in text.split("\n")]
        assert after_masthead(lines, expected, edition, old if accept else new) == expected


# --------------------------------------------------------------------------- read back as an edition


@pytest.mark.parametrize("old_name,new_name", [PAIRS[0], PAIRS[2], PAIRS[5]])
def test_the_report_reads_back_as_the_new_edition(loaded, old_name, new_name, tmp_path: Path):
    """The file a user hands on: docdiff's own Word reader takes the report (as it now stands,
    every change accepted) for the new edition — its masthead's facts, its summary under its
    heading, its notes, its sections and paragraphs, its closing lines — as the new edition's
    text reads.  (Not its agenda items, nor a resolution's adoption date: see README.)"""
    old, new = loaded[old_name], loaded[new_name]
    path = tmp_path / "report.docx"
    path.write_bytes(render(docdiff.compare(old, new), "docx"))
    back = docdiff.load(path)
    for field in ("kind", "symbol", "distribution", "date", "language", "original_language", "session", "title",
                  "label", "resolution_number", "committee", "meeting"):
        assert getattr(back.metadata, field) == getattr(new.metadata, field), field
    assert new.metadata.title and new.metadata.date
    assert back.front.summary == new.front.summary
    assert back.front.footnotes == new.front.footnotes  # each with its mark, "* " or "1 ", as printed
    assert new.front.footnotes
    assert back.front.closing == new.front.closing
    assert [(p.number, p.text) for p in back.paragraphs()] == [(p.number, p.text) for p in new.paragraphs()]
    assert [(path, s.heading) for path, s in back.walk()] == [(path, s.heading) for path, s in new.walk()]
    again = docdiff.compare(new, back)
    assert {c.status for s in again.sections if s.kind != "footnotes" for c in s.paragraphs} == {"unchanged"}


# --------------------------------------------------------------------------- right to left

ARABIC_EDITION = Path(__file__).parent / "fixtures" / "layouts" / "edition_ar.txt"


def _defaults(data: bytes) -> tuple[list[str], list[str]]:
    """The element names (without namespace) of the paragraph and run defaults of a .docx."""
    from lxml import etree

    styles = etree.fromstring(zipfile.ZipFile(__import__("io").BytesIO(data)).read("word/styles.xml"))
    names = []
    for path in ("w:docDefaults/w:pPrDefault/w:pPr", "w:docDefaults/w:rPrDefault/w:rPr"):
        found = styles.find(path, {"w": W})
        names.append([etree.QName(child).localname for child in found] if found is not None else [])
    return names[0], names[1]


def test_an_arabic_report_is_right_to_left_and_others_are_not(loaded, tmp_path: Path):
    """Word lays a paragraph out right to left only where it says so (``w:bidi``, and ``w:rtl``
    for its runs): an Arabic edition's report says it in the defaults every style inherits, in
    the schema's order (``w:rtl`` before ``w:lang``); a Chinese or English one does not.  The
    new edition is the Arabic layout fixture (an Arabic report's masthead and body as the
    layouts describe them) with its second paragraph reworded."""
    text = ARABIC_EDITION.read_text(encoding="utf-8")
    edited = text.replace("في نيويورك", "في أديس أبابا")
    assert edited != text
    (tmp_path / "new.txt").write_text(edited, encoding="utf-8")
    old, new = docdiff.load(ARABIC_EDITION), docdiff.load(tmp_path / "new.txt")
    data = render(docdiff.compare(old, new), "docx")
    paragraph, run = _defaults(data)
    assert paragraph[0] == "bidi"
    assert "rtl" in run and run.index("rtl") < run.index("lang")
    assert after_masthead(read_back(data, accept=True), reading(new), new, old) == reading(new)
    assert after_masthead(read_back(data, accept=False), reading(old), old, new) == reading(old)
    for old_name, new_name in (PAIRS[0], PAIRS[2]):
        paragraph, run = _defaults(render(docdiff.compare(loaded[old_name], loaded[new_name]), "docx"))
        assert "bidi" not in paragraph and "rtl" not in run


@pytest.mark.skipif(libreoffice.SOFFICE is None,
                    reason="LibreOffice (soffice) is not installed: .ci/run installs Debian's libreoffice-writer-nogui")
def test_libreoffice_reads_the_arabic_report_right_to_left(tmp_path: Path):
    """LibreOffice's own reading of the file (converted to flat ODF): its paragraphs are
    written right to left (``style:writing-mode="rl-tb"``)."""
    edition = docdiff.load(ARABIC_EDITION)
    report_file = tmp_path / "report.docx"
    report_file.write_bytes(render(docdiff.compare(edition, edition), "docx"))
    flat = libreoffice.convert(report_file, "fodt", tmp_path / "profile").read_text(encoding="utf-8")
    assert 'style:writing-mode="rl-tb"' in flat
