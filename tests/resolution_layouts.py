"""Resolutions laid out as PyMuPDF prints published PDFs, generated.

Derived from the real editions in seeds/real/ (read here with plain regular
expressions, never with docdiff): their masthead, their preambular openings and
operative verbs, and their vocabulary.  The layout repeats what those PDFs show:
lines wrapped at a width, blank lines inside a page holding one space (or no
blank lines between paragraphs at all), pages parted by an empty line, a running
head after every page break (symbol, sometimes doubled, the title wrapped at
another width, job number, ``k/n``, in any order, one piece sometimes missing),
notes below a rule at the foot of the page where their mark stands, the number
of an operative paragraph alone on its line or before its text, lettered
sub-paragraphs, and the closing lines.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

REAL = Path(__file__).resolve().parent.parent / "seeds" / "real"

#: The preambular openings and operative verbs the real editions print.
OPENERS = ("Recalling", "Recalling also", "Emphasizing", "Reaffirming", "Bearing in mind", "Desirous of",
           "Welcoming", "Noting", "Recognizing", "Having examined", "Convinced that", "Determined to",
           "Considering that", "Taking note of", "Taking note further of")
VERBS = ("Urges", "Calls upon", "Takes note of", "Notes", "Invites", "Also invites", "Requests", "Also requests",
         "Decides", "Reaffirms", "Appeals to", "Recommends", "Also recommends")
#: The lower-case words of the real editions' bodies.
VOCABULARY = sorted({w for path in REAL.glob("*/*.txt")
                     for w in re.findall(r"(?<![\w-])[a-z]{2,}(?![\w-])", path.read_text(encoding="utf-8"))})
TITLE = "Establishment of a nuclear-weapon-free zone in the region of the Middle East"


@dataclass
class Generated:
    text: str
    paragraphs: list[tuple[int | None, str]]  # as they must come out: number, text
    notes: list[str]
    closing: list[str]
    furniture: set[int] = field(default_factory=set)  # 0-based lines that are page furniture


@st.composite
def resolutions(draw):
    words = st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=45).map(" ".join)
    paragraphs: list[tuple[int | None, str]] = []
    for _ in range(draw(st.integers(1, 8))):
        paragraphs.append((None, f"{draw(st.sampled_from(OPENERS))} {draw(words)},"))
    count = draw(st.integers(1, 8))
    for n in range(1, count + 1):
        text = f"{draw(st.sampled_from(VERBS))} {draw(words)}"
        if draw(st.integers(0, 4)) == 0:  # lettered sub-paragraphs
            subs = [f"({chr(97 + k)}) {draw(words)};" for k in range(draw(st.integers(2, 3)))]
            text = text + ": " + " ".join(subs)
        text = text.rstrip(";") + ("." if n == count else ";")
        paragraphs.append((n, text))
    # footnote marks glued to a paragraph's end ("…Assembly,1"), numbered in order
    notes: list[str] = []
    marked: list[tuple[int | None, str]] = []
    for number, text in paragraphs:
        if draw(st.integers(0, 3)) == 0:
            notes.append(f"{len(notes) + 1} {draw(words).capitalize()}.")
            text += str(len(notes))
        marked.append((number, text))
    paragraphs = marked

    width = draw(st.integers(50, 95))
    page_lines = draw(st.integers(12, 40))
    blank_between = draw(st.booleans())
    number_alone = draw(st.booleans())
    symbol = "A/RES/77/38"
    closing = ["46th plenary meeting", "7 December 2022"]

    masthead = ["United Nations ", symbol, " ", " ", "General Assembly ", "Distr.: General ", "12 December 2022 ",
                " ", "22-28104 (E)    151222 ", "*2228104* ", " ", " ", "Seventy-seventh session ",
                "Agenda item 95 ", *textwrap.wrap(TITLE, 60), " ", " ", " Resolution adopted by the General Assembly ",
                "on 7 December 2022 ", " ", " ", "[on the report of the First Committee (A/77/381, para. 7)] ", " ",
                *textwrap.wrap("77/38. " + TITLE, 72), " ", " ", "The General Assembly, ", " "]
    furniture_at = {1, 8, 9}

    body: list[tuple[str, list[int]]] = []  # line, the note marks that end on it
    for k, (number, text) in enumerate(paragraphs):
        mark = re.search(r"(\d+)$", text) if text[-1].isdigit() else None
        marks = [int(mark[1])] if mark else []
        pieces = textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)
        if number is not None:
            head = f"{number}. "
            pieces = [head, *textwrap.wrap(text, width)] if number_alone else textwrap.wrap(head + text, width)
        body += [(p + " ", []) for p in pieces[:-1]] + [(pieces[-1] + " ", marks)]
        if blank_between and k + 1 < len(paragraphs):
            body.append((" ", []))
    body += [(" ", []), *[(c + " ", []) for c in closing]]

    lines = list(masthead)
    furniture = set(furniture_at)
    on_page: list[int] = []
    page = 1
    heads: list[int] = []  # line indexes of "k/n" page marks, filled in at the end
    title_widths = draw(st.integers(35, 70))

    def foot() -> None:
        if on_page:
            furniture.add(len(lines))
            lines.append("__________________ ")
            for mark in on_page:
                lines.append(" ")
                lines.append(notes[mark - 1] + " ")
            on_page.clear()

    for k, (line, marks) in enumerate(body):
        if k and k % page_lines == 0:
            foot()
            lines.append("")
            page += 1
            pieces = [[symbol * draw(st.integers(1, 2))], textwrap.wrap(TITLE, title_widths), ["22-28104"], ["PAGE"]]
            order = draw(st.permutations(range(4)))
            missing = draw(st.integers(0, 5))  # sometimes one piece is missing (never the page mark here)
            for i in order:
                if i == missing and i != 3:
                    continue
                for piece in pieces[i]:
                    furniture.add(len(lines))
                    if piece == "PAGE":
                        heads.append(len(lines))
                    lines.append(piece)
                if draw(st.booleans()):
                    lines.append(" ")
            lines += [" ", " "]
        lines.append(line)
        on_page.extend(marks)
    foot()
    total = page
    for number, at in enumerate(heads, start=2):
        lines[at] = f"{number}/{total}"
    expected = [(n, re.sub(r"\s+", " ", t)) for n, t in paragraphs]
    return Generated("\n".join(lines) + "\n", expected, notes, closing, furniture)
