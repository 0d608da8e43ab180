"""The parser's rules, over generated editions (hypothesis)."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import docdiff
from docdiff import parser

from .layouts import to_pdf_layout

CJK = "联合国同非洲联盟的合作秘书长报告会议组织安全理事会发展和平"
from docdiff.conventions import HEADING_CONNECTORS

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
title_words = words.filter(lambda w: w not in HEADING_CONNECTORS)  # a title ending in "and" goes on
cjk_words = st.text(alphabet=CJK, min_size=1, max_size=6)


@st.composite
def sentences(draw, chinese: bool):
    if chinese:
        body = "".join(draw(st.lists(st.one_of(cjk_words, st.sampled_from(["2010 年", "第 1540(2004) 号", "，", "、"])),
                                     min_size=3, max_size=30)))
        return body + draw(st.sampled_from(["。", "；", "！"]))
    body = " ".join(draw(st.lists(st.one_of(words, st.sampled_from(["2010", "(AU)", "1540 (2004)", "follow-up"])),
                                  min_size=3, max_size=40)))
    return body[0].upper() + body[1:] + "."


@st.composite
def editions(draw):
    """A body of parts, organisations and subsections with numbered paragraphs,
    and the tree it must give."""
    chinese = draw(st.booleans())
    numerals = ["一", "二", "三", "四", "五"] if chinese else ["I", "II", "III", "IV", "V"]
    lines: list[str] = []
    expected: list[tuple[str, list[str]]] = []  # (heading, paragraph texts)
    number = 0
    for part in range(draw(st.integers(1, 4))):
        # (a title never ends in a joining word such as 的 or 同: such a line goes on at the next)
        title = draw(cjk_words) + "合作" if chinese else draw(words).capitalize() + " " + draw(title_words)
        lines += [f"{numerals[part]}. {title}", ""]
        headings = [(f"{numerals[part]}. {title}", draw(st.integers(0, 3)))]
        kind = draw(st.sampled_from(["organisation", "subsection"]))
        for k in range(draw(st.integers(0, 3))):
            if kind == "organisation":
                name = draw(cjk_words) + "组织" if chinese else "Organization of " + draw(title_words).capitalize()
            else:
                name = "ABCDEFGH"[k] + ". " + (draw(cjk_words) + "问题" if chinese else draw(title_words).capitalize())
            headings.append((name, draw(st.integers(1, 3))))
        for heading, count in headings:
            if heading != headings[0][0]:
                lines += [heading, ""]
            texts = []
            for _ in range(count):
                number += 1
                text = ("" if chinese else " ").join(draw(st.lists(sentences(chinese), min_size=1, max_size=3)))
                lines += [f"{number}. {text}", ""]
                texts.append(text)
            expected.append((heading, texts))
    while number < 2:
        number += 1
        text = draw(sentences(chinese))
        lines += [f"{number}. {text}"]
        expected[-1][1].append(text)
    return "\n".join(lines) + "\n", expected


def tree(document):
    return [(section.heading, [p.text for p in section.paragraphs]) for _, section in document.walk()]


def squeeze(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(editions())
def test_generated_editions_parse_to_their_tree(edition):
    text, expected = edition
    assert tree(docdiff.parse(text)) == expected


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(editions(), st.integers(40, 100), st.integers(8, 50))
def test_pdf_layout_gives_the_same_tree(edition, width, page_lines):
    text, expected = edition
    wrapped = tree(docdiff.parse(to_pdf_layout(text, width=width, page_lines=page_lines)))
    assert [(h, [squeeze(t) for t in ts]) for h, ts in wrapped] == [(h, [squeeze(t) for t in ts]) for h, ts in expected]


# Pieces that look like structure, furniture and text, shuffled into arbitrary documents.
pieces = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "", "一. 引言", "II. Cooperation", "A. Overall", "非洲联盟", "African Union", "A/65/382",
                     "S/2010/490", "10-54243 (C) 151010 191010", "10-54243      3", "*1054243*", "目录", "Contents",
                     "摘要", "Summary", "Report of the Secretary-General", "20 September 2010", "Original: English",
                     "* Footnote.", "一. 导言\t4", "peace-", "keeping.", "2009. 年", "\f"]),
    st.builds(lambda n, t: f"{n}. {t}", st.integers(0, 12), st.text(max_size=40)),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, max_size=40))
@example(["1.", "1 0", "00-0000(A) 000000 000000"])  # a page note above a footer
@example(["0000", "", "1 0", "00-0000(A) 000000 000000"])  # … in a text without paragraphs
@example(["一.:", ".", "2.", "3."])  # paragraph 1 without its number
def test_parse_never_raises_and_loses_no_body_text(lines):
    text = "\n".join(lines)
    document = docdiff.parse(text)
    # Every character of the body outside page furniture ends up in exactly one
    # paragraph or heading (a wrap hyphen may go; numbers' stops and spacing are
    # not counted).
    lines = [parser.Line(i + 1, parser._fold(r), r) for i, r in enumerate(text.split("\n"))]
    content = [ln for ln in lines if ln.text and not parser.cv.is_furniture(ln.text)]
    # Notes at a page's foot leave the text for the footnotes, whole.
    footers = [ln.number for ln in lines if ln.text and parser.cv.is_furniture(ln.text)
               and not parser.cv.DOCUMENT_SYMBOL.fullmatch(ln.text)]
    kept, notes = parser._take_page_footnotes(lines, content, footers)
    assert Counter(chars(" ".join(ln.text for ln in content))) == (
        Counter(chars(" ".join(ln.text for ln in kept))) + Counter(chars(" ".join(notes))))
    joined = parser._join_bare_numbers(kept)
    start = parser._find_body(joined)
    if start is not None:  # (an unstructured text is read whole)
        assert set(notes) <= set(document.front.footnotes)
        content = joined
    body = content if start is None else content[start:]
    found = Counter()
    # a paragraph 1 that lost its number is given one
    lost = {int(m[1]) for w in document.warnings if (m := re.match(r"paragraph (\d+) has no number", w))}
    for _, section in document.walk():
        found.update(chars(section.heading))
        for p in section.paragraphs:
            found.update(chars(f"{p.number}. {p.text}" if start is not None and p.number not in lost else p.text))
    found.update(chars(" ".join(document.front.annex)))  # an annex after the body is kept apart
    assert found == Counter(chars(" ".join(ln.text for ln in body)))


def chars(text: str) -> str:
    return re.sub(r"[\s.．、\-–—]", "", text)
