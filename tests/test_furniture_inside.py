"""A number or a symbol a paragraph wrapped alone onto its line is text, not
page furniture: furniture stands at a page's edge (docdiff.parsing.furniture).

Editions derived from the English seeds and the real resolutions in seeds/real:
after a line of a paragraph (a line of text with a line of text right below
it, neither of them furniture or a running head, as tests/test_nothing_lost.py
knows them), a token that the furniture patterns match — a number, a page
"3/20", a symbol, a job number — is put alone on its own line.  No word may be
lost (the characters of the edition plus the token's), and the same edition
with another token there must be reported as changed in that paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

import docdiff

from .test_nothing_lost import FURNITURE, chars, expected_chars, found_chars, real_running_heads

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = [ROOT / "seeds" / "sample_en_2010.txt", ROOT / "seeds" / "sample_en_2012.txt",
            *sorted((ROOT / "seeds" / "real").glob("*/*.txt"))]
TEXTS = {path.name: path.read_text(encoding="utf-8") for path in EDITIONS}


def _is_text(line: str) -> bool:
    folded = " ".join(line.split())
    return bool(folded) and not FURNITURE.fullmatch(folded)


def wrap_points(text: str) -> list[int]:
    """The lines (0-based) of a paragraph of the body that another line of its
    paragraph follows: prose lines (40 characters or more, as a page's lines
    are), not running heads, below the body's start (a resolution's "The
    General Assembly,", a report's paragraph "1.")."""
    lines = text.split("\n")
    heads = real_running_heads(text)
    start = next(k for k, line in enumerate(lines) if re.match(r"(?:The General Assembly,|1\.\s)", line.strip()))
    # not the lines of a wrapped heading: a block (lines between blank lines) that opens
    # with a part's or a subsection's number ("IV.", "A."), as un-layouts.md describes them;
    # a number put at the end of a heading's line reads as the heading's note mark
    in_heading, heading = [], False
    for k, line in enumerate(lines):
        if not line.strip():
            heading = False
        elif k == 0 or not lines[k - 1].strip():
            heading = re.match(r"(?:[IVXLC]+|[A-Z])\.\s", line.strip()) is not None
        in_heading.append(heading)
    return [k for k in range(start, len(lines) - 1)
            if k not in heads and k + 1 not in heads and _is_text(lines[k]) and _is_text(lines[k + 1])
            and not in_heading[k] and len(lines[k].strip()) >= 40 and len(lines[k + 1].strip()) >= 40]


def with_token(text: str, after: int, token: str) -> str:
    lines = text.split("\n")
    return "\n".join([*lines[:after + 1], token, *lines[after + 1:]])


tokens = st.one_of(
    st.integers(1, 999).map(str),  # a number ("17 member States")
    st.builds(lambda a, b: f"{a}/{b}", st.integers(1, 99), st.integers(1, 99)),  # "3/20"
    st.builds(lambda s, n: f"A/{s}/{n}", st.integers(50, 80), st.integers(1, 999)),  # A/63/228
    st.builds(lambda s, n: f"A/RES/{s}/{n}", st.integers(50, 80), st.integers(1, 99)),  # A/RES/78/18
    st.builds(lambda y, n: f"{y:02d}-{n:05d}", st.integers(10, 25), st.integers(10000, 99999)),  # 12-45678
)


@st.composite
def derived(draw: st.DrawFn) -> tuple[str, int, str, str]:
    name = draw(st.sampled_from(sorted(TEXTS)))
    after = draw(st.sampled_from(wrap_points(TEXTS[name])))
    # (a token that is a line of the edition already, its own symbol or job
    # number, repeats its page furniture: that is furniture wherever it stands)
    printed = {line.strip() for line in TEXTS[name].split("\n")}
    first = draw(tokens.filter(lambda t: t not in printed))
    second = draw(tokens.filter(lambda t: chars(t) != chars(first) and t not in printed))
    return name, after, first, second


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(derived())
def test_a_token_alone_inside_a_paragraph_is_text(case: tuple[str, int, str, str]) -> None:
    name, after, first, second = case
    text = TEXTS[name]
    old = with_token(text, after, first)
    document = docdiff.parse(old)
    assert found_chars(document) == expected_chars(text, real_running_heads(text)) + chars(first)
    # the paragraph holds it, and another token there is a change in that paragraph
    new = docdiff.parse(with_token(text, after, second))
    changes = [c for c in docdiff.compare(document, new).paragraph_changes() if c.status != "unchanged"]
    assert len(changes) == 1, (name, after, first, second)
    assert second in changes[0].new_text and first in changes[0].old_text


def test_the_report_seen_by_a_newcomer() -> None:
    """The defect as reported: "17" wrapped alone onto its line, changed to "18"."""
    text = TEXTS["sample_en_2012.txt"]
    assert "officials from 17\n" in text
    old = docdiff.parse(text.replace("officials from 17\n", "officials from\n17\n"))
    new = docdiff.parse(text.replace("officials from 17\n", "officials from\n18\n"))
    changed = [c for c in docdiff.compare(old, new).paragraph_changes() if c.status != "unchanged"]
    assert len(changed) == 1 and "officials from 18 member States" in changed[0].new_text


def test_a_lone_rule_inside_a_paragraph_takes_no_notes() -> None:
    """A "___" line between two lines of a paragraph is no notes rule: the rest
    of the section stays paragraphs (derived from the English seed)."""
    text = TEXTS["sample_en_2012.txt"]
    old = docdiff.parse(text)
    derived_text = text.replace("officials from 17\n", "officials from 17\n____\n")
    new = docdiff.parse(derived_text)
    assert len(list(new.paragraphs())) == len(list(old.paragraphs()))
    assert new.front.footnotes == old.front.footnotes
    assert found_chars(new) == expected_chars(derived_text)


def blank_lines_of_the_body(text: str) -> list[int]:
    """The blank lines (0-based) between two paragraphs of a report's body (below
    its paragraph "1."), each with a line of text right above and right below."""
    lines = text.split("\n")
    start = next(k for k, line in enumerate(lines) if re.match(r"1\.\s", line))
    return [k for k in range(start + 1, len(lines) - 1)
            if not lines[k].strip() and _is_text(lines[k - 1]) and _is_text(lines[k + 1])]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["sample_en_2010.txt", "sample_en_2012.txt"]).flatmap(
    lambda name: st.tuples(st.just(name), st.sampled_from(blank_lines_of_the_body(TEXTS[name])))))
def test_a_rule_with_text_under_it_takes_no_notes(case: tuple[str, int]) -> None:
    """A rule set apart between two paragraphs, with text (no note mark) under
    it, is no notes' rule: the paragraphs down to the page's footer stay
    paragraphs, and the notes are the edition's own."""
    name, at = case
    text = TEXTS[name]
    lines = text.split("\n")
    derived_text = "\n".join([*lines[:at + 1], "____", "", *lines[at + 1:]])
    old, new = docdiff.parse(text), docdiff.parse(derived_text)
    assert [p.text for p in new.paragraphs()] == [p.text for p in old.paragraphs()]
    assert new.front.footnotes == old.front.footnotes
