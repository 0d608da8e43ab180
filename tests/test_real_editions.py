"""The real resolution editions in seeds/real/ against keys made without docdiff.

Each key in tests/fixtures/real_keys/ (see its README) lists, per paragraph of
the edition, its printed number (or null), its first six and last four words,
and the masthead facts as printed.  The parser must find exactly those
paragraphs, in that order.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import docdiff

ROOT = Path(__file__).resolve().parent.parent
KEYS = sorted((Path(__file__).parent / "fixtures" / "real_keys").glob("*.json"))


def _squash(text: str) -> str:
    # spacing and the non-breaking hyphen are formatting: words cut at a line end
    # ("non-nuclear-" / "weapon") are one word in the paragraph's text
    return "".join(text.replace("\u2011", "-").split())


@pytest.fixture(scope="module", params=KEYS, ids=lambda p: p.stem)
def edition(request):
    key = json.loads(request.param.read_text(encoding="utf-8"))
    document = docdiff.parse((ROOT / "seeds" / "real" / key["file"]).read_text(encoding="utf-8"))
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
