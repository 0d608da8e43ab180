"""Reports of other series in English, French and Spanish: a table of contents
with dot leaders and pages, parts, lettered subsections, third-level headings
numbered as paragraphs are, a footnote, page breaks, an annex with unnumbered
paragraphs.  The editions are made by tests/series_reports.py from the
fixture editions' mastheads (see its docstring); their line width and page
length are drawn by hypothesis; the key is what they were made of.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from tests.series_reports import LANGUAGES, later, report
from tests.test_nothing_lost import expected_chars, found_chars

layouts = st.fixed_dictionaries({"width": st.integers(60, 100), "page_lines": st.integers(12, 60)})


def _tree(document: docdiff.Document) -> list[tuple[str, str | None, str, tuple[int | None, ...]]]:
    return [(s.kind, s.number, s.title, tuple(p.number for p in s.paragraphs)) for _, s in document.walk()]


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=15, deadline=None)
@given(layout=layouts)
def test_a_report_of_another_series_is_read_as_it_was_made(lang, layout):
    made = report(lang, **layout)
    document = docdiff.parse(made.text)
    annex = [("annex", None, made.annex_heading, ()), ("organisation", None, made.annex_title, (None,) * len(made.annex))]
    assert _tree(document) == [*made.tree, *annex]
    assert [(p.number, p.text) for p in document.paragraphs()] == [*made.paragraphs, *((None, t) for t in made.annex)]
    # the annex's entry: its heading and title, on two lines there
    assert [(e.title, e.page) for e in document.front.contents] == [
        *((f"{n}. {t}", page) for (k, n, t, _), page in zip([x for x in made.tree if x[0] != "section"],
                                                           (3, 3, 3, 4, 5))),
        (f"{made.annex_heading} {made.annex_title}", 6)]
    assert [" ".join(n.split()) for n in document.front.footnotes] == [" ".join(made.note.split())]
    assert found_chars(document) == expected_chars(made.text, made.furniture)


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=10, deadline=None)
@given(layout=layouts, other=layouts)
def test_a_later_report_gives_the_edits_it_was_made_with(lang, layout, other):
    made = report(lang, **layout)
    following, key = later(lang, **other)
    comparison = docdiff.compare(docdiff.parse(made.text), docdiff.parse(following.text))
    body = [(c.status, c.old, c.new) for s in comparison.sections if s.kind in ("part", "subsection", "section")
            for c in s.paragraphs]
    assert sorted(body) == sorted(key)
    assert not comparison.metadata_changes
    # the annex, wrapped at another width, is the same
    annex = [c.status for s in comparison.sections if s.kind == "organisation" for c in s.paragraphs]
    assert annex == ["unchanged"] * len(made.annex)
