"""Inline diffs: which words changed inside a paragraph.

diff-match-patch works on characters.  To diff in whole words, each token (a
word, a number, a run of spaces, one punctuation mark, one Chinese character) is
first mapped to one private character, as diff-match-patch's own
``diff_linesToChars`` does for lines; the diff and its semantic clean-up then
run over tokens and are mapped back, so a change never cuts a word in half.
Chinese and Japanese have no spaces between words, so each character is a token.

The engine is fast-diff-match-patch (the same library's C++ build, Apache-2.0)
where it is installed (``pip install 'docdiff[fast]'``), and diff-match-patch's
pure Python otherwise: both give the same diffs (``tests/test_inline_engines.py``),
the C++ one in about half the time (BENCHMARKS.md).  ``ENGINE`` names the one in use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from itertools import accumulate

from . import conventions as cv, layouts, script, similarity
from .model import TYPE_CHECKING
from .sequences import longest_increasing

try:
    import fast_diff_match_patch as _fast
except ImportError:  # the pure-Python engine gives the same diffs
    _fast = None

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from diff_match_patch import diff_match_patch

    from .model import DiffOp

_CJK = script.CJK
#: One token: a word or a number (alphabetic scripts), a run of white space, or
#: any single other character (a Chinese character, a punctuation mark).
_TOKEN = rf"[^\W_{_CJK}]+|\s+|."
#: The tokens of more than one character (and any character beyond the BMP):
#: every other character is a token by itself.
#: (in a group, for re.split; not [^\x00-\uffff]: slow to compile)
_LONG_TOKEN_SPLIT = re.compile(rf"([^\W_{_CJK}]{{2,}}|\s{{2,}}|[\U00010000-\U0010ffff])")
_LONG_CODE_SPLIT = re.compile("([\U00010000-\U0001ffff])")  # the long tokens' codes, shifted back

_OPS: dict[int, DiffOp] = {0: "=", -1: "-", 1: "+"}


@functools.cache
def _dmp() -> diff_match_patch:
    """diff-match-patch's pure-Python engine, imported on first use: where the
    C++ engine is installed only texts past ``EXACT_LIMIT`` need it (for their
    common prefix and suffix), and importing it cost every run 1 ms (#14.1)."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # exact diffs; paragraphs are short
    return dmp


def word_diff(old: str, new: str) -> tuple[tuple[DiffOp, str], ...]:
    """The diff of two texts in whole tokens, after diff-match-patch's semantic
    clean-up.  Its ``=``/``-`` parts spell ``old``, its ``=``/``+`` parts ``new``.

    A character and the one it stands for (``same_character()``: “ and ", ‑ and
    -, ， and ,) are one token to the diff, so that a quote or a hyphen printed
    otherwise is not taken into the edit beside it; where the two texts print
    them differently, the diff has that character deleted and inserted alone
    (which ``drawn`` then draws as unchanged)."""
    if old == new:
        return (("=", old),) if old else ()
    return _over_same_characters(_word_diff, old, new)


def _over_same_characters(diff_of: Callable[[str, str], tuple[tuple[DiffOp, str], ...]],
                          old: str, new: str) -> tuple[tuple[DiffOp, str], ...]:
    """``diff_of`` the two texts with ``same_character()`` folded, spelled back in
    the texts as printed."""
    old_key, new_key = _same_characters(old), _same_characters(new)
    diff = diff_of(old_key, new_key)
    if old_key is old and new_key is new:
        return diff
    return _respelled(diff, old, new)


def _make_same_character() -> dict[str, str]:
    same = cv.SAME_PUNCTUATION
    spaces = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    table = {}
    for ch in sorted({*same, *spaces, *map(chr, range(0xFF01, 0xFF5F)), "\u2010", "\u2011"}):
        folded = unicodedata.normalize("NFKC", ch)
        folded = same.get(folded, folded)
        if len(folded) == 1 and folded != ch:
            table[ch] = folded
    return table


@functools.lru_cache(maxsize=1)
def same_character() -> tuple[dict[str, str], re.Pattern[str]]:
    """The characters the comparison reads as another single
    character (``similarity.formatting_key``: NFKC's width and space folding,
    and the layouts' ``same_punctuation``), each with the one it reads as; and
    a pattern finding them.  Made on first use, and again after a layout is
    registered or removed (its ``same_punctuation`` changes the table)."""
    table = _make_same_character()
    return table, re.compile("[" + re.escape("".join(table)) + "]")


layouts.on_change(same_character.cache_clear)


def _same_characters(text: str) -> str:
    """``text`` with each of ``same_character()`` replaced by the one it stands
    for (``text`` itself where it has none): as long as ``text``, character for
    character."""
    table, pattern = same_character()
    for ch in set(pattern.findall(text)):  # (one replace per mark: fast on Chinese text)
        text = text.replace(ch, table[ch])
    return text


def _respelled(diff: tuple[tuple[DiffOp, str], ...], old: str, new: str) -> tuple[tuple[DiffOp, str], ...]:
    """A diff of ``_same_characters(old)`` and ``…(new)`` spelled in ``old`` and
    ``new`` (as long, character for character): an equal part they print
    differently is cut where they differ, each differing run deleted and
    inserted."""
    out: list[tuple[DiffOp, str]] = []
    x = y = 0
    for op, part in diff:
        n = len(part)
        if op == "-":
            out.append(("-", old[x:x + n]))
            x += n
        elif op == "+":
            out.append(("+", new[y:y + n]))
            y += n
        else:
            a, b = old[x:x + n], new[y:y + n]
            x, y = x + n, y + n
            if a == b:
                out.append(("=", a))
                continue
            start = 0
            while start < n:
                same = a[start] == b[start]
                end = start + 1
                while end < n and (a[end] == b[end]) == same:
                    end += 1
                out.extend([("=", a[start:end])] if same else [("-", a[start:end]), ("+", b[start:end])])
                start = end
    return _merge(out)


def _word_diff(old: str, new: str) -> tuple[tuple[DiffOp, str], ...]:
    """``word_diff`` of two texts that differ, every token as printed."""
    # Which private character stands for a token does not matter to
    # diff-match-patch (it only compares them, and counts them), so a character
    # of the BMP stands for itself shifted into plane 15 (``_shift``), and
    # only the longer tokens are numbered, in plane 16: twice as fast as
    # numbering every token, which remains for the (absurd) texts with more than
    # 65,536 different long tokens.
    # (re.split with the token in a group: the long tokens are every second piece,
    # mapped to their codes by map() in C, not by a Python callback per token)
    old_parts, new_parts = _LONG_TOKEN_SPLIT.split(old), _LONG_TOKEN_SPLIT.split(new)
    codes = dict.fromkeys(old_parts[1::2])
    codes.update(dict.fromkeys(new_parts[1::2]))
    if len(codes) > 0x10000:  # no plane-16 character left
        return _numbered_diff(old, new)
    for n, token in enumerate(codes):
        codes[token] = chr(0x10000 + n)  # plane 16 once shifted
    old_ends, new_ends = list(accumulate(map(len, old_parts))), list(accumulate(map(len, new_parts)))
    old_parts[1::2] = map(codes.__getitem__, old_parts[1::2])
    new_parts[1::2] = map(codes.__getitem__, new_parts[1::2])
    a, b = _shift("".join(old_parts), 1), _shift("".join(new_parts), 1)
    # The diff's parts are read off the texts themselves by where they end in
    # the codes (a long token's code is one character): no part is decoded.
    old_at = _Places(list(accumulate(map(len, old_parts))), old_ends)
    new_at = _Places(list(accumulate(map(len, new_parts))), new_ends)
    out = []
    i = j = 0  # where the next part starts in a, in b
    x = y = 0  # … and in old, in new
    for op, text in _token_diff(a, b):
        n = len(text)
        if op == 0:
            i, j = i + n, j + n
            end, y = old_at(i), new_at(j)
            out.append(("=", old[x:end]))
            x = end
        elif op < 0:
            i += n
            end = old_at(i)
            out.append(("-", old[x:end]))
            x = end
        else:
            j += n
            end = new_at(j)
            out.append(("+", new[y:end]))
            y = end
    return _merge(out)


class _Places:
    """Where a place in a text's codes falls in the text: ``coded_ends`` and
    ``ends`` are where each of its ``re.split`` parts ends, in the codes and in
    the text (a run of one-character tokens is as long in both; a long token's
    code is one character).  Called with a place at a token's edge."""

    __slots__ = ("coded_ends", "ends")

    def __init__(self, coded_ends: list[int], ends: list[int]) -> None:
        self.coded_ends = coded_ends
        self.ends = ends

    def __call__(self, place: int) -> int:
        k = bisect_left(self.coded_ends, place)  # the part that ends at or after place
        if k == len(self.ends):
            return self.ends[-1] if self.ends else 0
        return self.ends[k] - (self.coded_ends[k] - place)


def _shift(text: str, sign: int) -> str:
    """Every character of ``text`` moved 0xF0000 code points up (``sign`` 1) or
    down (-1): the BMP into plane 15 and planes 1-2 into 16, and back.  All at
    once in C, as one big integer of the UTF-32 code units (no unit carries
    into the next: none reaches 2**32), three times as fast as ``str.translate``,
    which looks up every character."""
    n = len(text)
    if not n:
        return text
    units = int.from_bytes(text.encode("utf-32-le", "surrogatepass"), "little")
    step = int.from_bytes(b"\x00\x00\x0f\x00" * n, "little")
    units = units + step if sign > 0 else units - step
    return units.to_bytes(4 * n, "little").decode("utf-32-le", "surrogatepass")




def _word_diff_numbered(old: str, new: str) -> tuple[tuple[DiffOp, str], ...]:
    """``word_diff`` with every token numbered in order of appearance."""
    return _over_same_characters(_numbered_diff, old, new)


def _numbered_diff(old: str, new: str) -> tuple[tuple[DiffOp, str], ...]:
    """``_word_diff_numbered`` of the texts as they are."""
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
    diffs = _token_diff(a, b)
    return _merge((_OPS[op], "".join(symbols[_index(ch)] for ch in text)) for op, text in diffs)


#: Texts of up to this many tokens (both sides together) are diffed whole by
#: diff-match-patch: its exact diff costs time in the product of their length
#: and the number of edits (two unrelated texts of 1,000 tokens each: 1 s).  The
#: longest paragraph of the seeds and the real editions, 850 characters, is far
#: below it.  Longer texts are first cut at the tokens (or runs of tokens) that
#: occur once in each and in the same order (patience diff); each piece between two such anchors
#: is diffed the same way in turn, and a piece with no anchor left is deleted
#: and inserted whole once it is longer than ``PIECE_LIMIT``.  The diff stays
#: exact (it spells both texts); it may mark more than the fewest tokens.
EXACT_LIMIT = 2000
PIECE_LIMIT = 1000


def _token_diff(a: str, b: str) -> list[tuple[int, str]]:
    """The diff of two strings of token codes, as diff-match-patch's tuples."""
    if len(a) + len(b) <= EXACT_LIMIT:
        return _exact_diff(a, b)
    out: list[tuple[int, str]] = []
    # (a stack, not recursion: the pieces may nest as deep as the texts are long)
    work: list[tuple[str, str] | tuple[int, str]] = [(a, b)]
    while work:
        task = work.pop()
        if isinstance(task[0], int):
            out.append(task)
            continue
        old, new = task
        if not old or not new:
            work.extend(part for part in ((1, new), (-1, old)) if part[1])
            continue
        prefix = _dmp().diff_commonPrefix(old, new)
        if prefix:
            out.append((0, old[:prefix]))
            old, new = old[prefix:], new[prefix:]
        suffix = _dmp().diff_commonSuffix(old, new)
        tail = old[len(old) - suffix:] if suffix else ""
        if suffix:
            old, new = old[:-suffix], new[:-suffix]
        if tail:
            work.append((0, tail))
        if len(old) + len(new) <= PIECE_LIMIT:
            if old or new:
                work.extend(reversed(_exact_diff(old, new)))
            continue
        anchors = _anchors(old, new)
        if not anchors:
            work.extend(part for part in ((1, new), (-1, old)) if part[1])
            continue
        pieces: list[tuple[str, str] | tuple[int, str]] = []
        i = j = 0
        equal_from = None  # where the run of touching anchors being read starts in old
        for ai, bj, length in anchors:
            if ai == i and bj == j and equal_from is not None:  # touches the anchor before
                i, j = ai + length, bj + length
                continue
            if equal_from is not None:
                pieces.append((0, old[equal_from:i]))
            pieces.append((old[i:ai], new[j:bj]))
            equal_from, i, j = ai, ai + length, bj + length
        if equal_from is not None:
            pieces.append((0, old[equal_from:i]))
        pieces.append((old[i:], new[j:]))
        work.extend(reversed(pieces))
    return out


def _exact_diff_python(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's exact diff (``Diff_Timeout = 0``, no line mode) and its
    semantic clean-up, in pure Python."""
    dmp = _dmp()
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return diffs  # type: ignore[no-any-return]



def _exact_diff_fast(a: str, b: str) -> list[tuple[int, str]]:
    """The same in fast-diff-match-patch's C++ build: ``timelimit=0`` is its
    ``Diff_Timeout = 0`` (no deadline: the diff is exact; ``_token_diff`` bounds
    the lengths it is given), ``checklines=False`` is ``diff_main(a, b, False)``.
    It gives (op, length) pairs, read back off the two texts."""
    assert _fast is not None
    out: list[tuple[int, str]] = []
    i = j = 0
    for op, n in _fast.diff(a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True):
        if op == "=":
            out.append((0, a[i:i + n]))
            i += n
            j += n
        elif op == "-":
            out.append((-1, a[i:i + n]))
            i += n
        else:
            out.append((1, b[j:j + n]))
            j += n
    return out


ENGINE = "fast-diff-match-patch" if _fast is not None else "diff-match-patch"
_exact_diff = _exact_diff_fast if _fast is not None else _exact_diff_python


#: The lengths of the runs of tokens tried as anchors, shortest first: in a
#: long text of few words each word recurs, but runs of several rarely do.
ANCHOR_LENGTHS = (1, 4, 16, 64)
_RUNS = {length: re.compile(f"(?=(.{{{length}}}))", re.S) for length in ANCHOR_LENGTHS}


def _anchors(a: str, b: str) -> list[tuple[int, int, int]]:
    """Anchors for cutting two long strings: (position in a, in b, length)."""
    for length in ANCHOR_LENGTHS:
        found = _unique_common(a, b, length)
        if found:
            return found
    return []


def _unique_common(a: str, b: str, length: int) -> list[tuple[int, int, int]]:
    """Runs of ``length`` characters that occur once in each string, the longest
    sequence of them in the same order in both (patience sorting), none
    overlapping the one before it."""
    # (every run, overlapping, cut by the regex engine in C: slicing each in
    # Python, or zipping them into tuples, was most of the time)
    def runs(text: str) -> list[str]:
        return list(text) if length == 1 else _RUNS[length].findall(text)

    runs_a, runs_b = runs(a), runs(b)
    counts_a, counts_b = Counter(runs_a), Counter(runs_b)
    once = {run for run, n in counts_a.items() if n == 1 and counts_b[run] == 1}
    if not once:
        return []
    where_a = {run: i for i, run in enumerate(runs_a) if run in once}
    pairs = [(where_a[run], j) for j, run in enumerate(runs_b) if run in once]
    # the longest increasing run of positions in a
    chain = [pairs[k] for k in longest_increasing([i for i, _ in pairs])]
    anchors: list[tuple[int, int, int]] = []
    end_a = end_b = 0
    for i, j in chain:
        if i >= end_a and j >= end_b:
            anchors.append((i, j, length))
            end_a, end_b = i + length, j + length
    return anchors


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


#: How much of the unchanged text on each side of a difference is looked at
#: when judging it (``drawn``): enough for the comparison's rules that look
#: around a mark (a hyphen between two letters, a footnote mark after a word's
#: closing punctuation and before a capital or the end).
CONTEXT = 16


def drawn(diff: Sequence[tuple[str, str]], side: str = "+") -> tuple[tuple[str, str], ...]:
    """The diff as a redline draws it: every run of deletions and insertions
    between two unchanged parts that the comparison takes for the same text
    (``similarity.formatting_key``, seen with the unchanged text around it:
    white space, a hyphen between letters, quotes, dashes, a non-breaking
    hyphen, full- and half-width marks, a footnote mark) is one unchanged part,
    spelled as ``side`` spells it ("+" the new edition, "-" the old).  So
    ``Non- Proliferation`` against ``Non-Proliferation`` is not drawn as an
    inserted space, and a paragraph judged unchanged is drawn unchanged.  A
    paragraph break ("\\n", where a paragraph was split or merged) is never
    formatting.  What is left is ``diff``'s own parts: the diff itself
    (``word_diff``) still spells both texts exactly."""
    parts = list(diff)
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(parts):
        if parts[k][0] == "=":
            out.append(parts[k])
            k += 1
            continue
        end = k
        while end < len(parts) and parts[end][0] != "=":
            end += 1
        old = "".join(text for op, text in parts[k:end] if op == "-")
        new = "".join(text for op, text in parts[k:end] if op == "+")
        before = parts[k - 1][1][-CONTEXT:] if k else ""
        after = parts[end][1][:CONTEXT] if end < len(parts) else ""
        if "\n" in old or "\n" in new:  # the break between two paragraphs split or merged: no formatting
            out.extend(parts[k:end])
        elif _same_text(before + old + after, before + new + after):
            out.append(("=", new if side == "+" else old))
        else:
            out.extend(_edges_drawn(old, new, side))
        k = end
    return _merge(out)


def _edges_drawn(old: str, new: str, side: str) -> list[tuple[DiffOp, str]]:
    """A run of deletions (``old``) and insertions (``new``) that is an edit:
    the characters at its ends that ``same_character()`` takes for the same
    (a quote, a hyphen or a comma printed otherwise, which ``word_diff`` cut
    apart from the edit and which neighbour it) drawn unchanged, up to the
    last such pair: what is between them is the edit."""
    a, b = _same_characters(old), _same_characters(new)
    n = min(len(a), len(b))
    head = 0
    for i in range(n):
        if a[i] != b[i]:
            break
        if old[i] != new[i]:
            head = i + 1
    tail = 0
    for i in range(1, n - head + 1):
        if a[-i] != b[-i]:
            break
        if old[-i] != new[-i]:
            tail = i
    spelled = new if side == "+" else old
    return [("=", spelled[:head]), ("-", old[head:len(old) - tail]), ("+", new[head:len(new) - tail]),
            ("=", spelled[len(spelled) - tail:])]


def _same_text(old: str, new: str) -> bool:
    # (the key itself, not its cache: these windows are not paragraphs, and
    # would push the comparison's paragraphs out of it)
    return bool(_formatting_key(old) == _formatting_key(new))


_formatting_key = similarity.formatting_key.__wrapped__
