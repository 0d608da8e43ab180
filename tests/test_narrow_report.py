"""The terminal report at narrow widths: from ``view.MIN_WIDTH`` columns up,
every word of the section names and masthead values it prints stands whole
(wrapped at spaces, never broken inside a word); below, ``docdiff OLD NEW``
refuses in one line with exit status 2.

The words are the English seeds' (seeds/sample_en_2010.txt and its derived
2012 edition) and the real resolutions A/RES/79/17 and A/RES/80/18
(seeds/real/nsa): each title and value is checked to stand in its input file
first, so the expectation is the input's text.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import docdiff
from docdiff.cli import main
from docdiff.render.plain import report_text
from docdiff.render.view import MIN_WIDTH, ReportOptions

from .conftest import SEEDS

PAIRS = ((SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt"),
         (SEEDS / "real" / "nsa" / "A_RES_79_17.txt", SEEDS / "real" / "nsa" / "A_RES_80_18.txt"))
_MARKS = re.compile(r"\[-|-\]|\{\+|\+\}")


def _squeezed(text: str) -> str:
    return " ".join(text.split())


@cache
def pair(i: int) -> tuple[docdiff.Comparison, tuple[str, ...]]:
    """The comparison, and the words it must print whole: each section name's
    and each masthead value's (symbol, date, session) of either edition."""
    old, new = PAIRS[i]
    documents = [docdiff.load(old), docdiff.load(new)]
    words: set[str] = set()
    for path, document in zip((old, new), documents):
        source = _squeezed(path.read_text("utf-8"))
        texts = [section.title for _, section in document.walk() if section.title]
        texts += [v for v in (document.metadata.symbol, document.metadata.date, document.metadata.session) if v]
        for text in texts:
            if _squeezed(text) in source:  # as printed in the input (a date may be read from "20 September 2010")
                words.update(text.split())
    return docdiff.compare(*documents), tuple(sorted(words))


@settings(max_examples=40, deadline=None)
@given(i=st.integers(0, len(PAIRS) - 1), width=st.integers(MIN_WIDTH, 220), summary=st.booleans())
def test_every_word_whole_at_every_width(i, width, summary):
    comparison, words = pair(i)
    assert words
    out = report_text(comparison, ReportOptions(summary_only=summary), width)
    assert out is not None
    tokens = set(_MARKS.sub(" ", out).split())
    assert [w for w in words if w not in tokens] == []
    assert max(len(line) for line in out.splitlines()) <= width


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(20, MIN_WIDTH - 1), summary=st.booleans())
def test_below_the_minimum_one_line_and_exit_2(capsys, width, summary):
    old, new = PAIRS[0]
    capsys.readouterr()  # each example's own output
    with pytest.raises(SystemExit) as exit_info:
        main([str(old), str(new), "-w", str(width), *(["--summary"] if summary else [])])
    out, err = capsys.readouterr()
    assert exit_info.value.code == 2 and out == ""
    assert err.splitlines() == [err.strip()] and f"needs {MIN_WIDTH} columns or more (here: {width})" in err


def test_a_narrow_terminal_is_refused_too(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    old, new = PAIRS[0]
    with pytest.raises(SystemExit) as exit_info:
        main([str(old), str(new)])
    assert exit_info.value.code == 2 and "(here: 40)" in capsys.readouterr().err
