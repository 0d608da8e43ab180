"""Editions k times larger, made deterministically from a real pair of editions.

``scaled_pair(old, new, k)`` returns the texts of two editions that hold the
pair's body k times over:

* Copy 1 is the pair as parsed: the same parts, organisations, subsections and
  paragraph texts, laid out one paragraph per line.
* Copies 2..k follow it, each section of the edition again under a new name:
  its title with the copy's characters rotated (below) and ``（c）`` appended.
* Every paragraph is renumbered 1, 2, 3 … through the whole edition, and a table
  of contents lists every heading (as in a real report; the parser reads it).

So each copy of the new edition differs from the same copy of the old edition by
exactly the edits of the real pair: the share of edits stays the same.

Rotation: the same text repeated k times would be an unfair input (every
paragraph would have k exact twins; no real report looks like that).  In copy
c, every Chinese character outside the ~100 commonest of the pair is replaced by
the character ``(c - 1) * step`` places further along the list of the pair's
other characters.  Common words (联合国, 合作, 会议 …) stay shared between copies
as they are between an organisation's sections in a real report, names and
topics differ, lengths and token counts stay those of the pair.  Digits, Latin
text and punctuation are kept.

``mostly_edited=True`` further edits most paragraphs of the new edition (nine in
ten, by number): one character near the middle is replaced by another, so
exact matching finds few pairs and the similarity stage does most of the work.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from docdiff.model import Document, Section

#: Characters that never rotate: connectors a heading may wrap after (the parser
#: joins a heading line ending in one of them with the next) and numerals.
_FIXED = set("的和同与及、；，,;") | set("零一二三四五六七八九十百千")
#: How many of the commonest characters of the pair stay as they are.
KEEP_COMMONEST = 100
#: Copies that get distinct rotations (more copies reuse rotations).
MAX_DISTINCT_COPIES = 64
#: In the mostly-edited variant, every paragraph whose number is not a multiple
#: of this is edited.
UNEDITED_EVERY = 10


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@dataclass(frozen=True)
class Rotation:
    """The characters that rotate from copy to copy, in a fixed order."""

    chars: str
    step: int

    @classmethod
    def of(cls, *documents: Document) -> Rotation:
        counts: Counter[str] = Counter()
        for document in documents:
            for _, section in document.walk():
                counts.update(ch for ch in section.title if _is_cjk(ch))
                for p in section.paragraphs:
                    counts.update(ch for ch in p.text if _is_cjk(ch))
        ranked = sorted(counts, key=lambda ch: (-counts[ch], ch))
        kept = set(ranked[:KEEP_COMMONEST]) | _FIXED
        chars = "".join(sorted(ch for ch in counts if ch not in kept))
        return cls(chars, max(1, len(chars) // MAX_DISTINCT_COPIES))

    def apply(self, text: str, copy: int) -> str:
        return text.translate(_rotation_table(self.chars, self.step, copy)) if copy > 1 else text

    def edit(self, text: str) -> str:
        """A small edit: the rotating character nearest the middle becomes the next one."""
        positions = _positions(self.chars)
        found = [i for i, ch in enumerate(text) if ch in positions]
        if not found:
            return text
        middle = len(text) // 2
        i = min(found, key=lambda pos: (abs(pos - middle), pos))
        return text[:i] + self.chars[(positions[text[i]] + 1) % len(self.chars)] + text[i + 1:]


@cache
def _rotation_table(chars: str, step: int, copy: int) -> dict[int, str]:
    shift = ((copy - 1) * step) % len(chars) if chars else 0
    return {ord(ch): chars[(i + shift) % len(chars)] for i, ch in enumerate(chars)}


@cache
def _positions(chars: str) -> dict[str, int]:
    return {ch: i for i, ch in enumerate(chars)}


# ----------------------------------------------------------------------------- layout


def _heading(section: Section) -> str:
    return f"{section.number}. {section.title}" if section.number else section.title


def _blocks(document: Document, k: int, rotation: Rotation) -> list[tuple[str, str]]:
    """("heading", text) and ("paragraph", text) in reading order, all k copies."""
    blocks: list[tuple[str, str]] = []

    def original(section: Section) -> None:
        blocks.append(("heading", _heading(section)))
        blocks.extend(("paragraph", p.text) for p in section.paragraphs)
        for child in section.sections:
            original(child)

    for section in document.sections:
        original(section)
    leaves = [s for _, s in document.walk() if s.paragraphs]
    for copy in range(2, k + 1):
        for section in leaves:
            title = rotation.apply(section.title or "节", copy)
            blocks.append(("heading", f"{title}（{copy}）"))
            blocks.extend(("paragraph", rotation.apply(p.text, copy)) for p in section.paragraphs)
    return blocks


def _front(raw_text: str) -> list[str]:
    """The edition's own masthead and summary: its lines up to the table of contents."""
    from docdiff import conventions as cv

    lines = raw_text.split("\n")
    end = next((i for i, line in enumerate(lines) if cv.CONTENTS.match(line.strip())), len(lines))
    return lines[:end]


def edition_text(document: Document, raw_text: str, k: int, rotation: Rotation, mostly_edited: bool = False) -> str:
    """One edition, k times over (see the module docstring)."""
    blocks = _blocks(document, k, rotation)
    headings = [text for kind, text in blocks if kind == "heading"]
    out = _front(raw_text)
    out += ["目录", "", "\t页次"]
    out += [f"{title}\t{min(999, 3 + i // 3)}" for i, title in enumerate(headings)]
    out.append("")
    number = 0
    for kind, text in blocks:
        if kind == "heading":
            out += ["", text, ""]
        else:
            number += 1
            if mostly_edited and number % UNEDITED_EVERY:
                text = rotation.edit(text)
            out += [f"{number}. {text}", ""]
    return "\n".join(out) + "\n"


def scaled_pair(old: Document, old_raw: str, new: Document, new_raw: str, k: int,
                mostly_edited: bool = False) -> tuple[str, str]:
    """The texts of the old and the new edition made k times larger."""
    rotation = Rotation.of(old, new)
    return (edition_text(old, old_raw, k, rotation),
            edition_text(new, new_raw, k, rotation, mostly_edited=mostly_edited))
