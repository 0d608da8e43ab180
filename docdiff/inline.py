"""Inline diffs: which words changed inside a paragraph.

diff-match-patch works on characters.  To diff in whole words, each token (a
word, a number, a run of spaces, one punctuation mark, one Chinese character) is
first mapped to one private character, as diff-match-patch's own
``diff_linesToChars`` does for lines; the diff and its semantic clean-up then
run over tokens and are mapped back, so a change never cuts a word in half.
Chinese and Japanese have no spaces between words, so each character is a token.
"""

from __future__ import annotations

import re
from typing import Sequence

from diff_match_patch import diff_match_patch

from .model import DiffOp

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: One token: a word or a number (alphabetic scripts), a run of white space, or
#: any single other character (a Chinese character, a punctuation mark).
_TOKEN = re.compile(rf"[^\W_{_CJK}]+|\s+|.", re.S)

_OPS: dict[int, DiffOp] = {0: "=", -1: "-", 1: "+"}


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # exact diffs; paragraphs are short
    return dmp


_DMP = _engine()


def word_diff(old: str, new: str) -> tuple[tuple[DiffOp, str], ...]:
    """The diff of two texts in whole tokens, after diff-match-patch's semantic
    clean-up.  Its ``=``/``-`` parts spell ``old``, its ``=``/``+`` parts ``new``."""
    if old == new:
        return (("=", old),) if old else ()
    table: dict[str, str] = {}  # token → its private character
    symbols: dict[str, str] = {}  # and back

    def encode(text: str) -> str:
        found = _TOKEN.findall(text)
        for token in dict.fromkeys(found):  # new tokens numbered in order of appearance
            if token not in table:
                n = len(table)
                code = chr(0xF0000 + n) if n < 0xFFFD else chr(0x100000 + n - 0xFFFD)
                table[token] = code
                symbols[code] = token
        return "".join(map(table.__getitem__, found))

    a, b = encode(old), encode(new)
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    return _merge((_OPS[op], "".join(map(symbols.__getitem__, text))) for op, text in diffs)


def _merge(parts) -> tuple[tuple[DiffOp, str], ...]:  # type: ignore[no-untyped-def]
    """Join neighbouring parts of the same kind; drop empty ones."""
    out: list[tuple[DiffOp, str]] = []
    for op, text in parts:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return tuple(out)


def spell(diff: Sequence[tuple[str, str]], side: str) -> str:
    """The text one side of a diff spells: ``side`` is ``"-"`` (old) or ``"+"`` (new)."""
    return "".join(text for op, text in diff if op in ("=", side))
