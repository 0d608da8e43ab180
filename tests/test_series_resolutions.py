"""Resolutions of the Security Council and the General Assembly in Chinese,
Russian, Arabic, Spanish and French read by their own structure, with nothing
lost, and a later edition gives exactly the edits it was made with.

The editions are made by tests/series_editions.py (see its docstring: the
structure and PDF layout of the real A/RES/78/18 and the masthead layout of
S/RES/2719 (2023), worded as each language's editions print them); their
shape (line width, lines a page holds) and numbers are drawn by hypothesis.
The key is the paragraphs the edition was made of and the edits made to it,
never what docdiff reads.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from tests.series_editions import LANGUAGES, Shape, edition, later
from tests.test_nothing_lost import expected_chars, found_chars

CASES = [(organ, lang) for organ in ("ga", "sc") for lang in LANGUAGES]
NAMES = {"zh": "Chinese", "ru": "Russian", "ar": "Arabic", "es": "Spanish", "fr": "French"}

shapes = st.builds(Shape, width=st.integers(50, 95), page_lines=st.integers(8, 40), mid_paragraph=st.booleans(),
                   spaced=st.booleans(), note=st.booleans())


def _made(organ: str, lang: str, shape: Shape, number: int, meeting: int):
    return edition(lang, organ, number=number, meeting=meeting, shape=shape,
                   adopted=(4, 12) if organ == "ga" else (21, 12), issued=(6, 12) if organ == "ga" else (28, 12))


@pytest.mark.parametrize(("organ", "lang"), CASES)
@settings(max_examples=10, deadline=None)
@given(shape=shapes, number=st.integers(1, 999), meeting=st.integers(1, 9999))
def test_the_body_is_read_as_it_was_made(organ, lang, shape, number, meeting):
    made = _made(organ, lang, shape, number, meeting)
    document = docdiff.parse(made.text)
    assert [(p.number, p.text) for p in document.paragraphs()] == list(made.paragraphs)
    assert [(s.kind, s.title) for s in document.sections] == [("preamble", made.formula), ("operative", "")]
    assert document.front.closing == made.closing
    assert document.front.footnotes == made.notes
    assert found_chars(document) == expected_chars(made.text, made.furniture)


@pytest.mark.parametrize(("organ", "lang"), CASES)
@settings(max_examples=10, deadline=None)
@given(shape=shapes, number=st.integers(1, 999), meeting=st.integers(1, 9999))
def test_the_masthead_facts_are_read(organ, lang, shape, number, meeting):
    made = _made(organ, lang, shape, number, meeting)
    m = docdiff.parse(made.text).metadata
    assert (m.kind, m.symbol, m.resolution_number, m.date, m.adoption_date, m.meeting) == (
        "resolution", made.symbol, made.resolution_number, made.date, made.adoption_date, made.meeting)
    assert (m.session, m.agenda_items, m.title, m.language) == (made.session, made.agenda_items, made.title,
                                                                NAMES[lang])


@pytest.mark.parametrize(("organ", "lang"), CASES)
@settings(max_examples=5, deadline=None)
@given(shape=shapes, other=shapes)
def test_a_later_edition_gives_the_edits_it_was_made_with(organ, lang, shape, other):
    """Preambular paragraph 2 reworded, a paragraph inserted after operative
    paragraph 1, operative paragraph 3 dropped; laid out at another width."""
    made = _made(organ, lang, shape, 18, 42)
    other = dataclasses.replace(other, note=shape.note)  # (a note added to paragraph 1 would change it)
    following, key = later(made, number=19, meeting=43, shape=other,
                           adopted=(5, 12) if organ == "ga" else (22, 12), issued=(7, 12) if organ == "ga" else (29, 12))
    comparison = docdiff.compare(docdiff.parse(made.text), docdiff.parse(following.text))
    body = [(c.status, c.old_index, c.new_index) for s in comparison.sections if s.kind in ("preamble", "operative")
            for c in s.paragraphs]
    assert sorted(body) == sorted(key)
    closing = [c.status for s in comparison.sections if s.kind == "closing" for c in s.paragraphs]
    assert closing == (["changed", "changed"] if organ == "ga" else [])
    # the facts that changed, and no masthead line beside them
    facts = ("symbol", "resolution_number", "date", "adoption_date", "meeting")
    assert {(c.field, c.old, c.new) for c in comparison.metadata_changes} == {
        (f, getattr(made, f), getattr(following, f)) for f in facts}
