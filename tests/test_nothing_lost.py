"""Nothing lost: every character of an edition outside page furniture ends up
in exactly one place of its Document (a masthead line, a heading, a paragraph,
a footnote, a contents entry, an annex or closing line).

The expectation is computed from the input text alone: its characters minus
those of the lines that a simple furniture rule of this file (not the parser's)
calls furniture.  Spacing, full stops, hyphens and dashes are not counted (a
wrap hyphen may go, "1." loses nothing), nor the star that marks a footnote.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

import docdiff

REAL = sorted((Path(__file__).resolve().parent.parent / "seeds" / "real").glob("*/*.txt"))

#: Page furniture as this test knows it: a line that is nothing but document
#: symbols, a job number (with its dates and bar code), a page number ("3",
#: "2/4"), a job number and a page number, a bar code, a rule, a recycling note (as the
#: English, Chinese, French, Spanish and Russian editions print it).
_SYMBOL = r"(?:A|S|E)(?:/[A-Za-z0-9.\-]+)+"
_JOB = r"\d{2}-\d{4,6}(?:\s*\([A-Z]\))?"
_PAGE = r"\d{1,3}(?:\s?/\s?\d{1,3})?"
FURNITURE = re.compile(
    rf"(?:{_SYMBOL}\s*[–—-]?\s*)+|{_JOB}(?:\s+\d{{6}}){{0,3}}(?:\s+\*\d+\*)?|{_PAGE}\s+{_JOB}|{_JOB}\s+{_PAGE}|{_PAGE}"
    r"|\*\d{6,}\*|_{3,}|(?:请回收|Please recycle|Merci de recycler|Sírvase reciclar"
    r"|Просьба отправить на вторичную переработку).*|.*A recycling symbol.*")


def chars(text: str) -> Counter[str]:
    return Counter(re.sub(r"[\s.．、\-–—‑*]", "", text))


def expected_chars(text: str, running_heads: set[int] = frozenset()) -> Counter[str]:
    lines = text.split("\n")
    furniture = furniture_lines(lines)
    kept = [line for k, line in enumerate(lines) if k not in running_heads and k not in furniture]
    return chars("\n".join(kept))


def furniture_lines(lines: list[str]) -> set[int]:
    """The lines (0-based) that FURNITURE matches, but those inside a page: a
    single matching line with a line of text right above it and right below it
    is text (a number or symbol a paragraph wrapped alone onto its line) unless
    the same line stands at a page's edge too (next to a blank line or the
    text's start or end); a run of two or more is furniture anywhere (a footer
    and a running head where the page break was lost); a rule right above a
    note ("1 See …", after blank lines or not) is furniture."""
    folded = [" ".join(line.split()) for line in lines]
    matches = [bool(line) and FURNITURE.fullmatch(line) is not None for line in folded]
    runs, k = [], 0
    while k < len(lines):
        if matches[k]:
            end = k
            while end + 1 < len(lines) and matches[end + 1]:
                end += 1
            runs.append((k, end))
            k = end
        k += 1
    inside = {(k, end) for k, end in runs if k and folded[k - 1] and end + 1 < len(lines) and folded[end + 1]}
    at_edges = {folded[j] for k, end in runs if (k, end) not in inside for j in range(k, end + 1)}
    out: set[int] = set()
    for k, end in runs:
        note = next((line for line in folded[end + 1:] if line), "")
        rule = re.fullmatch(r"_{3,}", folded[end]) and re.match(r"(?:\*{1,3}|\d{1,2})\s+\S", note)
        if (k, end) not in inside or end > k or folded[k] in at_edges or rule:
            out.update(range(k, end + 1))
    return out


def found_chars(document: docdiff.Document) -> Counter[str]:
    found: Counter[str] = Counter()
    lost = {int(m[1]) for w in document.warnings if (m := re.match(r"paragraph (\d+) has no number", w))}
    for _, section in document.walk():
        found += chars(section.heading)
        for p in section.paragraphs:
            printed = p.number is not None and p.number not in lost and not _unstructured(document)
            found += chars(f"{p.number}. {p.text}" if printed else p.text)
    front = document.front
    for text in (*front.masthead, *front.summary, *front.footnotes, *front.closing):
        found += chars(text)
    for entry in front.contents:
        found += chars(entry.title + ("" if entry.page is None else str(entry.page)))
    return found


def _unstructured(document: docdiff.Document) -> bool:
    return any(w.startswith("no numbered paragraphs found") for w in document.warnings)


def real_running_heads(text: str) -> set[int]:
    """Running heads of PDF text: on a page after the first (pages part at an
    empty line), a line among the first or last seven of its page whose text
    stands on the first page too (it repeats the title), or is furniture."""
    lines = text.split("\n")
    pages: list[list[int]] = [[]]
    for k, line in enumerate(lines):
        if line == "":
            pages.append([])
        elif line.strip():
            pages[-1].append(k)
    first_page = _squash(" ".join(lines[k] for k in pages[0]))
    heads: set[int] = set()
    for page in pages[1:]:
        for edge in (page[:7], page[-7:][::-1]):
            for k in edge:
                line = _squash(lines[k])
                if FURNITURE.fullmatch(" ".join(lines[k].split())):
                    continue
                closing_date = k > 0 and lines[k - 1].strip().endswith("plenary meeting")
                if len(line) >= 8 and line in first_page and not closing_date:
                    heads.add(k)
                else:
                    break
    return heads


def _squash(text: str) -> str:
    return "".join(text.replace("\u2011", "-").split()).casefold()


def test_real_editions_lose_nothing():
    for path in REAL:
        text = path.read_text(encoding="utf-8")
        document = docdiff.parse(text)
        assert found_chars(document) == expected_chars(text, real_running_heads(text)), path.name


# Pieces that look like structure, furniture and text, shuffled into arbitrary documents.
pieces = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "", "一. 引言", "II. Cooperation", "A. Overall", "非洲联盟", "African Union", "A/65/382",
                     "S/2010/490", "10-54243 (C) 151010 191010", "10-54243      3", "*1054243*", "目录", "Contents",
                     "摘要", "Summary", "Report of the Secretary-General", "20 September 2010", "Original: English",
                     "* Footnote.", "一. 导言\t4", "peace-", "keeping.", "2009. 年", "\f", "____", "1 A/77/277.",
                     "The General Assembly,", "Recalling its resolution 77/39,", "(a) To act;", " ",
                     "52nd plenary meeting", "7 December 2022", "[on the report of the First Committee (A/77/382)]",
                     "Egypt: draft resolution", "Distr.: Limited", "78/18. Conclusion of effective"]),
    st.builds(lambda n, t: f"{n}. {t}", st.integers(0, 12), st.text(max_size=40)),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, max_size=40))
@example(["1.", "1 0", "00-0000(A) 000000 000000"])  # a page note above a footer
@example(["0000", "", "1 0", "00-0000(A) 000000 000000"])  # … in a text without paragraphs
@example(["一.:", ".", "2.", "3."])  # paragraph 1 without its number
@example(["1/2. Title of it", "The General Assembly,", "Recalling it,", "", "A/RES/1/2", "Title of it", " ", "2/3",
          " ", "Noting that,", "1.", "Decides x;", "(a) To act;", " ", "52nd plenary meeting", "7 December 2022"])
def test_parse_never_raises_and_loses_nothing(lines):
    text = "\n".join(lines)
    found, expected = found_chars(docdiff.parse(text)), expected_chars(text)
    # nothing doubled or invented; what is missing is only ever running heads:
    # lines at a page's edge that repeat what the first page prints
    assert not found - expected
    assert not (expected - found) - chars("\n".join(text.split("\n")[k] for k in real_running_heads(text)))
