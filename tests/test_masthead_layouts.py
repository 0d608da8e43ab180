"""A masthead reads the same however blank lines part its lines (#16 a newcomer's
find): without any blank line between them (a plain-text export), with one
between every two lines (a Word document, one paragraph per masthead line), or
as printed.  A masthead without blank lines lost the resolution's number, its
adoption date and committee; one line a paragraph lost the adoption date and
half the title.

Editions: the 11 real resolutions of seeds/real/ (masthead: every line above
"The General Assembly,"), the six one-language report editions of
tests/fixtures/layouts/ (masthead: every line above the key's label) and the
two English and Chinese seed reports (masthead: every line above the summary
heading).  Each is laid out again by moving only blank lines: every non-blank
masthead line kept, stripped of the spaces at its ends; the body untouched.
The facts expected are the keys' (tests/fixtures/real_keys,
tests/fixtures/layouts/*.key.json, typed by hand), and for the seeds, which have
no masthead key, the facts docdiff reads from the edition as printed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings, strategies as st

import docdiff

ROOT = Path(__file__).resolve().parent.parent
RESOLUTIONS = sorted((ROOT / "seeds" / "real").glob("*/*.txt"))
REPORTS = sorted((ROOT / "tests" / "fixtures" / "layouts").glob("edition_*.txt"))
SEED_REPORTS = [ROOT / "seeds" / "A_65_382-S_2010_490.zh.txt", ROOT / "seeds" / "sample_en_2010.txt"]
#: The facts a resolution's masthead prints (the key's fields but the closing line's meeting).
RESOLUTION_FACTS = ("kind", "symbol", "distribution", "date", "session", "agenda_items", "resolution_number",
                    "adoption_date", "committee", "sponsors")
REPORT_FACTS = ("kind", "symbol", "date", "agenda_items", "language", "original_language", "session", "title",
                "label", "organisations")


def _resolution_key(edition: Path) -> dict[str, object]:
    data = json.loads((ROOT / "tests" / "fixtures" / "real_keys" / f"{edition.parent.name}__{edition.stem}.json")
                      .read_text(encoding="utf-8"))
    metadata: dict[str, object] = data["metadata"]
    return metadata


def _split(text: str, end_line: str) -> tuple[list[str], list[str]]:
    """The masthead's non-blank lines (stripped) above the first line that is
    ``end_line``, and the lines from there on."""
    lines = text.split("\n")
    end = next(i for i, line in enumerate(lines) if line.strip() == end_line)
    return [line.strip() for line in lines[:end] if line.strip()], lines[end:]


def _laid_out(head: list[str], gaps: list[int], rest: list[str]) -> str:
    """The masthead with ``gaps[k]`` blank lines after its line k, then a blank line and the rest."""
    out: list[str] = []
    for line, gap in zip(head, gaps):
        out += [line] + [""] * gap
    return "\n".join([*out, "", *rest])


def _facts(metadata: docdiff.Metadata, fields: tuple[str, ...]) -> dict[str, object]:
    return {f: list(v) if isinstance(v := getattr(metadata, f), tuple) else v for f in fields}


@pytest.mark.parametrize("edition", RESOLUTIONS, ids=lambda p: p.stem)
@pytest.mark.parametrize("gap", [0, 1], ids=["no blank lines", "a blank line between every two"])
def test_a_resolution_masthead_reads_the_same_with_or_without_blank_lines(edition: Path, gap: int) -> None:
    head, rest = _split(edition.read_text(encoding="utf-8"), "The General Assembly,")
    document = docdiff.parse(_laid_out(head, [gap] * len(head), rest))
    key = _resolution_key(edition)
    assert _facts(document.metadata, RESOLUTION_FACTS) == {f: key[f] for f in RESOLUTION_FACTS}
    # the title: the resolution's own ("78/18. Title", wrapped), as the edition prints it gives it
    assert document.metadata.title == docdiff.parse(edition.read_text(encoding="utf-8")).metadata.title


@pytest.mark.parametrize("edition", RESOLUTIONS, ids=lambda p: p.stem)
def test_a_word_resolution_with_one_paragraph_per_masthead_line(edition: Path, tmp_path: Path) -> None:
    """The .docx: every masthead line a paragraph of its own; the body one
    paragraph per block of the text (its lines joined by a space)."""
    head, rest = _split(edition.read_text(encoding="utf-8"), "The General Assembly,")
    word = docx.Document()
    for line in head:
        word.add_paragraph(line)
    for block in re.split(r"\n\s*\n", "\n".join(rest)):
        if block.strip():
            word.add_paragraph(" ".join(line.strip() for line in block.split("\n") if line.strip()))
    word.save(str(tmp_path / "edition.docx"))
    document = docdiff.load(tmp_path / "edition.docx")
    key = _resolution_key(edition)
    assert _facts(document.metadata, RESOLUTION_FACTS) == {f: key[f] for f in RESOLUTION_FACTS}
    assert document.metadata.title == docdiff.parse(edition.read_text(encoding="utf-8")).metadata.title


@pytest.mark.parametrize("edition", RESOLUTIONS[:1] + RESOLUTIONS[-4:-3], ids=lambda p: p.stem)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_any_blank_lines_between_resolution_masthead_lines(edition: Path, data: st.DataObject) -> None:
    """The rule itself: any number of blank lines after any masthead line."""
    head, rest = _split(edition.read_text(encoding="utf-8"), "The General Assembly,")
    gaps = data.draw(st.lists(st.integers(0, 2), min_size=len(head), max_size=len(head)))
    key = _resolution_key(edition)
    assert _facts(docdiff.parse(_laid_out(head, gaps, rest)).metadata, RESOLUTION_FACTS) == {
        f: key[f] for f in RESOLUTION_FACTS}


@pytest.mark.parametrize("edition", REPORTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("gap", [0, 1], ids=["no blank lines", "a blank line between every two"])
def test_a_report_masthead_reads_the_same_with_or_without_blank_lines(edition: Path, gap: int) -> None:
    key = json.loads(edition.with_suffix(".key.json").read_text(encoding="utf-8"))
    head, rest = _split(edition.read_text(encoding="utf-8"), key["label"])
    document = docdiff.parse(_laid_out(head, [gap] * len(head), rest))
    assert _facts(document.metadata, REPORT_FACTS) == {f: key[f] for f in REPORT_FACTS}


@pytest.mark.parametrize("edition", SEED_REPORTS, ids=lambda p: p.name)
@pytest.mark.parametrize("gap", [0, 1], ids=["no blank lines", "a blank line between every two"])
def test_the_seed_reports_masthead_without_blank_lines(edition: Path, gap: int) -> None:
    """The seeds' masthead with its 28 agenda titles right above the report's
    title: the title is the one line above the label, not three agenda titles
    run together (and the agenda's own title is no organisation)."""
    text = edition.read_text(encoding="utf-8")
    head, rest = _split(text, "摘要" if ".zh." in edition.name else "Summary")
    document = docdiff.parse(_laid_out(head, [gap] * len(head), rest))
    assert _facts(document.metadata, REPORT_FACTS) == _facts(docdiff.parse(text).metadata, REPORT_FACTS)


@pytest.mark.parametrize("edition", [*SEED_REPORTS, *REPORTS], ids=lambda p: p.name)
def test_a_reports_distribution_is_read_and_its_change_shown(edition: Path) -> None:
    """A report's "Distr.: General" was never read (reports showed no distribution,
    and General → Limited was no change). The value expected is the text's own
    "Distr…: value" (a plain regular expression); the edit replaces that value."""
    text = edition.read_text(encoding="utf-8")
    printed = re.search(r"Distr\.?\s*[:：]\s*(\S+)", text)
    assert printed is not None
    old = docdiff.parse(text)
    assert old.metadata.distribution == printed[1]
    new = docdiff.parse(text[:printed.start(1)] + "Limited" + text[printed.end(1):])
    comparison = docdiff.compare(old, new)
    assert [(c.field, c.old, c.new) for c in comparison.metadata_changes] == [("distribution", printed[1], "Limited")]
    from docdiff.render import render

    assert "distribution" in str(render(comparison, "markdown"))
