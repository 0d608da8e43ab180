"""The parser's rules, over generated editions (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import docdiff
from docdiff.conventions import HEADING_CONNECTORS

from .layouts import to_pdf_layout

CJK = "联合国同非洲联盟的合作秘书长报告会议组织安全理事会发展和平"

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


# (Nothing lost over arbitrary documents: tests/test_nothing_lost.py, whose
# expectation comes from the input text, not from the parser's steps.)


# ----------------------------------------------------------------------------- the language of ASCII text

def _language_by_patterns(text: str) -> str | None:
    """detect_language as first written (the oracle): every script's letters and
    every word found by the regular expressions."""
    import re
    from collections import Counter

    from docdiff import conventions as cv

    counts = [(sum(map(len, pattern.findall(text))), languages) for pattern, languages in cv.SCRIPTS]
    count, languages = max(counts, key=lambda item: item[0])
    if count == 0:
        return None
    if len(languages) == 1:
        return languages[0]
    words = Counter(re.findall(r"[^\W\d_]+", text.casefold()))
    votes = {lang: sum(words[w] for w in cv.LANGUAGE_MARKERS.get(lang, ())) for lang in languages}
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] else None


_marker_texts = st.lists(st.sampled_from(["the", "and", "of", "le", "la", "les", "el", "los", "y", "del", "du", "The",
                                          "THE", "Les", "x", "2", "_", " ", ".", "-", "'", "\n", "é", "ж", "联", "ا",
                                          # quotes, a dash; letters beyond ASCII that fold to ASCII (ﬁ, the
                                          # Kelvin sign, İ), a mark that folds to a letter (U+0345), Arabic digits
                                          "“", "”", "’", "–", "ﬁ", "\u212a", "İ", "\u0345", "٣", "\ud800"]),
                         max_size=40).map("".join)


@given(st.one_of(_marker_texts, st.text(alphabet=st.characters(max_codepoint=127), max_size=40)), st.integers(0, 3))
def test_language_of_a_text_as_the_patterns_tell_it(text, ascii_repeats):
    from docdiff.parsing import language

    # (ASCII text before it, long enough to be counted in bytes and in part past the sampled head)
    text = "The report of the Council and of the Assembly. " * (ascii_repeats * 4) + text
    assert language.detect_language(text) == _language_by_patterns(text)
