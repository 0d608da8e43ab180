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

from diff_match_patch import diff_match_patch

from .model import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .model import DiffOp

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: One token: a word or a number (alphabetic scripts), a run of white space, or
#: any single other character (a Chinese character, a punctuation mark).
_TOKEN = rf"[^\W_{_CJK}]+|\s+|."
#: The tokens of more than one character (and any character beyond the BMP):
#: every other character is a token by itself.
_LONG_TOKEN = re.compile(rf"[^\W_{_CJK}]{{2,}}|\s{{2,}}|[\U00010000-\U0010ffff]")  # (not [^\x00-\uffff]: slow to compile)
_LONG_CODE = re.compile("[\U00100000-\U0010ffff]")

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
    # Which private character stands for a token does not matter to
    # diff-match-patch (it only compares them, and counts them), so a character
    # of the BMP stands for itself shifted into plane 15, by str.translate, and
    # only the longer tokens are numbered, in plane 16: twice as fast as
    # numbering every token, which remains for the (absurd) texts with more than
    # 65,536 different long tokens.
    codes: dict[str, str] = {}

    def code(match: re.Match[str]) -> str:
        token = match.group()
        found = codes.get(token)
        if found is None:
            found = codes[token] = chr(0x100000 + len(codes))
        return found

    try:
        a, b = _LONG_TOKEN.sub(code, old).translate(_TO_PLANE_15), _LONG_TOKEN.sub(code, new).translate(_TO_PLANE_15)
    except ValueError:  # no plane-16 character left
        return _word_diff_numbered(old, new)
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    tokens = {found: token for token, found in codes.items()}

    def decode(text: str) -> str:
        text = text.translate(_FROM_PLANE_15)
        return _LONG_CODE.sub(lambda m: tokens[m.group()], text) if tokens else text

    return _merge((_OPS[op], decode(text)) for op, text in diffs)


class _ToPlane15(dict):  # type: ignore[type-arg]
    """``str.translate`` table: a BMP character → plane 15; a plane-16 one stays."""

    def __missing__(self, key: int) -> str:
        found = self[key] = chr(0xF0000 + key if key < 0x10000 else key)
        return found


class _FromPlane15(dict):  # type: ignore[type-arg]
    """``str.translate`` table: the inverse of ``_ToPlane15``."""

    def __missing__(self, key: int) -> str:
        found = self[key] = chr(key - 0xF0000 if 0xF0000 <= key < 0x100000 else key)
        return found


_TO_PLANE_15, _FROM_PLANE_15 = _ToPlane15(), _FromPlane15()


def _word_diff_numbered(old: str, new: str) -> tuple[tuple[DiffOp, str], ...]:
    """``word_diff`` with every token numbered in order of appearance."""
    table: dict[str, str] = {}
    symbols: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in re.findall(_TOKEN, text, re.S):
            code = table.get(token)
            if code is None:
                code = chr(0xF0000 + len(symbols)) if len(symbols) < 0xFFFD else chr(0x100000 + len(symbols) - 0xFFFD)
                table[token] = code
                symbols.append(token)
            out.append(code)
        return "".join(out)

    a, b = encode(old), encode(new)
    diffs = _DMP.diff_main(a, b, False)
    _DMP.diff_cleanupSemantic(diffs)
    return _merge((_OPS[op], "".join(symbols[_index(ch)] for ch in text)) for op, text in diffs)


def _index(code: str) -> int:
    value = ord(code)
    return value - 0xF0000 if value < 0x100000 else value - 0x100000 + 0xFFFD


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
