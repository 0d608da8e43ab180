"""How many paragraphs each tool presents to a reader as changed.

Every tool's output is reduced to *change hunks*: for each, the lines of the
old edition it marks (deleted or changed text) and the lines of the new edition
it marks (inserted or changed text, or the place of a deletion inside a line).
Lines are mapped to the numbered paragraphs they belong to (``ParagraphLines``);
lines of headings, page furniture, blank lines and front matter belong to none.

Old and new paragraphs marked by one hunk are linked; each group of linked
paragraphs counts as many paragraphs as its larger side: a paragraph changed in
place counts 1, a paragraph deleted counts 1, three old paragraphs replaced by
two new ones count 3.  ``count_presented`` implements this rule for all tools.
"""

from __future__ import annotations

import bisect
import difflib
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass

from docdiff import conventions as cv
from docdiff.model import Document
from docdiff.similarity import title_key

#: (old line numbers, new line numbers), 1-based.
Hunk = tuple[frozenset[int], frozenset[int]]


@dataclass(frozen=True)
class ParagraphLines:
    """Which numbered paragraph each line of an edition belongs to."""

    of_line: dict[int, int]  # line number → paragraph number

    @classmethod
    def of(cls, document: Document, text: str) -> ParagraphLines:
        """A line belongs to paragraph p when it stands between p's first line and
        the next paragraph's, and is neither blank, page furniture, nor a heading."""
        lines = text.split("\n")
        headings = {title_key(s.heading) for _, s in document.walk()} | {
            title_key(s.title) for _, s in document.walk()}
        starts = sorted((p.line, p.number) for p in document.paragraphs())
        of_line: dict[int, int] = {}
        for index, (first, number) in enumerate(starts):
            last = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(lines)
            for line in range(first, last + 1):
                stripped = lines[line - 1].strip()
                if line != first and (not stripped or cv.is_furniture(stripped) or title_key(stripped) in headings):
                    continue
                of_line[line] = number
        return cls(of_line)

    def paragraphs(self, lines: Iterable[int]) -> set[int]:
        return {self.of_line[line] for line in lines if line in self.of_line}


def count_presented(hunks: Iterable[Hunk], old: ParagraphLines, new: ParagraphLines) -> int:
    """Paragraphs presented as changed (see the module docstring)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for old_lines, new_lines in hunks:
        nodes = [("old", n) for n in old.paragraphs(old_lines)] + [("new", n) for n in new.paragraphs(new_lines)]
        for node in nodes:
            find(node)
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
    groups: dict[tuple[str, int], list[int]] = {}
    for node in parent:
        sides = groups.setdefault(find(node), [0, 0])
        sides[0 if node[0] == "old" else 1] += 1
    return sum(max(sides) for sides in groups.values())


# ----------------------------------------------------------------------------- line diffs


def opcode_hunks(old_lines: list[str], new_lines: list[str]) -> list[Hunk]:
    """difflib's unified_diff: the changed line ranges of its SequenceMatcher opcodes."""
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines)
    return [(frozenset(range(i1 + 1, i2 + 1)), frozenset(range(j1 + 1, j2 + 1)))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def html_hunks(old_lines: list[str], new_lines: list[str]) -> list[Hunk]:
    """difflib's HtmlDiff: the rows of the table it lays out (``make_table``, which
    ``make_file`` wraps) that it marks as changed — a row holding a marked span
    (added, deleted or changed text) on either side — consecutive marked rows
    forming one hunk.  The line numbers are read from the rows' number cells."""
    hunks: list[Hunk] = []
    old_run: set[int] = set()
    new_run: set[int] = set()
    table = difflib.HtmlDiff().make_table(old_lines, new_lines)
    for row in _TABLE_ROW.findall(table):
        numbers = dict(_NUMBER_CELL.findall(row))  # {"from": "12", "to": "13"}; a side without a line has none
        if _MARKED_SPAN.search(row):
            if "from" in numbers:
                old_run.add(int(numbers["from"]))
            if "to" in numbers:
                new_run.add(int(numbers["to"]))
        elif old_run or new_run:
            hunks.append((frozenset(old_run), frozenset(new_run)))
            old_run, new_run = set(), set()
    if old_run or new_run:
        hunks.append((frozenset(old_run), frozenset(new_run)))
    return hunks


#: A row of HtmlDiff's table, its number cells (``id="from3_12"``: the old
#: edition's line 12) and the spans it marks changed text with (the lines' own
#: text is escaped, so none of these can occur in it).
_TABLE_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_NUMBER_CELL = re.compile(r'<td class="diff_header" id="(from|to)\d+_(\d+)">')
_MARKED_SPAN = re.compile(r'<span class="diff_(?:add|sub|chg)">')


_HUNK_HEADER = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", re.M)


def git_hunks(old_path: str, new_path: str) -> list[Hunk]:
    """git diff --word-diff marks words inside the lines its line diff changes:
    those line ranges, read from the same diff with ``--unified=0``."""
    out = subprocess.run(["git", "diff", "--no-index", "--no-color", "--unified=0", old_path, new_path],
                         capture_output=True, text=True, check=False).stdout
    hunks: list[Hunk] = []
    for match in _HUNK_HEADER.finditer(out):
        a, b = int(match[1]), int(match[2] or 1)
        c, d = int(match[3]), int(match[4] or 1)
        hunks.append((frozenset(range(a, a + b)), frozenset(range(c, c + d))))
    return hunks


# ----------------------------------------------------------------------------- character diffs


def _line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)  # 1-based: starts[0] == 0


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def dmp_hunks(diffs: list[tuple[int, str]], old_text: str, new_text: str) -> list[Hunk]:
    """diff-match-patch: runs of deletions and insertions between two equalities.

    Marked lines are those holding a deleted or inserted character other than a
    line end; a deletion without a line end that falls inside a new line marks
    that line too (the reader sees it struck out there)."""
    old_starts, new_starts = _line_starts(old_text), _line_starts(new_text)
    hunks: list[Hunk] = []
    i = j = 0  # offsets in old and new
    old_run: set[int] = set()
    new_run: set[int] = set()
    for op, text in [*diffs, (0, "")]:
        if op == 0:
            if old_run or new_run:
                hunks.append((frozenset(old_run), frozenset(new_run)))
                old_run, new_run = set(), set()
            i += len(text)
            j += len(text)
        elif op == -1:
            for k, ch in enumerate(text):
                if ch != "\n":
                    old_run.add(_line_of(old_starts, i + k))
            if "\n" not in text:
                new_run.add(_line_of(new_starts, j))
            i += len(text)
        else:
            for k, ch in enumerate(text):
                if ch != "\n":
                    new_run.add(_line_of(new_starts, j + k))
            j += len(text)
    return hunks
