"""Drafts in the six languages: their sponsors, committee, title and kind.

The English one is the real draft A/C.1/80/L.1 (seeds/real/me-nwfz/) with its
sponsors' line reworded ("Egypt: draft resolution" -> two sponsors, a draft
resolution or decision); the others are made by tests/series_editions.draft in
that masthead's layout, worded as each language prints it ("埃及、约旦：决议草案",
"مصر، الأردن: مشروع مقرر", "Египет, Иордания: проект решения").  The key is
what they were made with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docdiff
from tests.series_editions import _FIRST_COMMITTEE, GA_TITLE, LANGUAGES, SPONSORS, draft

REAL = Path(__file__).resolve().parent.parent / "seeds" / "real" / "me-nwfz" / "A_C.1_80_L.1.txt"


@pytest.mark.parametrize("decision", [False, True])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_draft_reads_its_sponsors_committee_and_title(lang, decision):
    document = docdiff.parse(draft(lang, decision))
    m = document.metadata
    assert (m.kind, m.sponsors, m.committee, m.title, m.distribution is not None) == (
        "draft decision" if decision else "draft resolution", SPONSORS[lang][0], _FIRST_COMMITTEE[lang],
        GA_TITLE[lang], True)
    assert [p.number for p in document.paragraphs()] == [None] * 5 + [1, 2, 3, 4, 5]


@pytest.mark.parametrize(("words", "kind"), [("draft resolution", "draft resolution"),
                                             ("draft decision", "draft decision")])
def test_an_english_draft_decision_is_one(words, kind):
    text = REAL.read_text(encoding="utf-8")
    assert text.count("Egypt: draft resolution") == 1
    m = docdiff.parse(text.replace("Egypt: draft resolution", f"Egypt and Jordan: {words}")).metadata
    assert (m.kind, m.sponsors) == (kind, ("Egypt", "Jordan"))
