"""When are two paragraphs "the same"?  Everything about it is here.

* ``equality_key``: white space (and so line wrapping) is ignored and NFKC
  folds full-width punctuation onto half-width (``，`` = ``,``, ``（`` = ``(``).
* ``formatting_key``: two paragraphs are *unchanged* when these keys are
  equal: ``equality_key`` with marks that stand for one another folded
  (``。`` = ``.``), hyphens inside words and footnote marks dropped; where
  the texts still differ, the change is flagged as formatting only.
* ``tokens``: similarity is measured per script: Chinese and Japanese runs as
  character bigrams, alphabetic scripts as words and pairs of neighbouring
  words, digits as numbers.
* ``dice``: the similarity of two token multisets, 0.0 – 1.0.
* ``title_key``: two headings (or a heading and its entry in the table of
  contents) are the same title when these keys are equal.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

#: A paragraph pair at or above this similarity is the same paragraph, edited.
#: Below it, a new paragraph that treats the same topic in other words is *added*
#: and the old one *removed*.  Measured on the sample revisions: edited paragraphs
#: (years updated, a clause inserted or dropped) score 0.86–0.99; rewritten ones,
#: which share only names and set phrases, 0.1–0.3 (Chinese 0.24 at most, English
#: 0.28; on words alone, without word pairs, English rewrites reached 0.41).
CHANGED_THRESHOLD = 0.5

#: A paragraph whose tokens are at least this share inside another's is a piece of
#: it: the test for the parts of a split or a merge.
CONTAINMENT_THRESHOLD = 0.8

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W\d_]+|\d+")
#: The ranges of ``_CJK`` as sorted bounds: a string starts with a CJK character
#: when an odd number of bounds are <= it (``bisect``).  A regex class this wide
#: takes milliseconds to compile, and every run of docdiff would pay for it.
_CJK_BOUNDS = tuple(ch for lo, hi in zip(_CJK[0::3], _CJK[2::3]) for ch in (lo, chr(ord(hi) + 1)))
#: Punctuation that NFKC leaves apart but readers take for the same mark.
_SAME_PUNCTUATION = str.maketrans({"。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'",
                                   "–": "-", "—": "-", "《": "<", "》": ">", "〈": "<", "〉": ">",
                                   # U+2010 HYPHEN (NFKC's form of U+2011 NON-BREAKING HYPHEN, which one
                                   # edition of a series may print where the others print "-")
                                   "\u2010": "-", "\u2011": "-"})


def title_key(text: str) -> str:
    """Headings compared with each other and with the table of contents:
    numbers kept, case, spacing, dots and punctuation width ignored."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s.．·…]+", "", text).casefold()


def equality_key(text: str) -> str:
    """The text with spacing and punctuation width normalised away."""
    return "".join(_nfkc(text).split())  # split() parts at what the regex \s matches, faster


#: Full-width forms and the ideographic space, with their NFKC forms.
_WIDE_FORMS = {ch: folded for ch, folded in ((chr(c), unicodedata.normalize("NFKC", chr(c)))
                                             for c in [0x3000, *range(0xFF01, 0xFF5F)]) if folded != ch}
_WIDE_FORM = re.compile("[\u3000\uff01-\uff5e]")


def _nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, twice as fast on Chinese text.

    Its commas and brackets are full-width, so NFKC takes the slow path through
    every character.  A character may be replaced by its own NFKC form without
    changing the NFKC of the whole (both decompose alike); once the full-width
    forms are replaced, the text is usually normalised already, which
    ``is_normalized`` tells quickly.  Otherwise NFKC does the rest.
    """
    for ch in set(_WIDE_FORM.findall(text)):  # (a regex finds them faster than a set of every character)
        text = text.replace(ch, _WIDE_FORMS.get(ch, ch))
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=65536)  # a paragraph carried over unchanged is keyed once for both editions
def formatting_key(text: str) -> str:
    """A looser key still: punctuation marks that stand for one another folded
    too; a hyphen between two letters dropped — PDF text ends lines inside
    compounds, and whether the hyphen stays once the lines are joined
    ("lessons-" / "learned") is a guess about the line break, not the text; and
    footnote marks dropped, which an edition renumbers when it adds a note
    before them ("…Panel of the Wise.2 The…", "…小组。3" at the end)."""
    key = equality_key(_NOTE_MARKS.sub("", text) if _NOTE_MARK_SIGN.search(text) else text)
    # One replace per mark: str.translate looks up every character of Chinese
    # text one by one, ten times slower.  (The marks map to ASCII, so the order
    # of the replacements does not matter.)
    for mark, same in _SAME_PUNCTUATION_PAIRS:
        if mark in key:
            key = key.replace(mark, same)
    if "-" in key:
        key = _WORD_HYPHEN.sub("", key)
    return key


_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
#: A footnote mark: one or two digits right after a word's closing punctuation,
#: before a capital ("…Panel of the Wise.2 The …", "…(S/2008/186).1 It …"), or at
#: the end of the paragraph ("…组织。3", "…in July 2011.2").  Not "section A.1 of",
#: "No.5 of", "annex II.1", "reached 12.5" or "。3个": a real change there is no
#: renumbered mark.
_CAPITAL = "A-ZÀ-ÞА-ЯЁ"
_AFTER_WORD = r"(?:(?<=[^\W\d_]{2}[.;:,)\"”’])|(?<=[)\"”’][.;:,]))"
_AFTER_WORD_OR_YEAR = r"(?:(?<=[^\W\d_]{2}[.。;；:：)）\"”’])|(?<=[)）\"”’][.。;；:：])|(?<=\D\d{4}[.。]))"
_NOT_NUMERAL = r"(?<![IVXLC]{2}[.])"  # "annex II.1" is a section
_NOTE_MARKS = re.compile(_AFTER_WORD + _NOT_NUMERAL + r"\d{1,2}(?=\s+[" + _CAPITAL + "])|"
                         + _AFTER_WORD_OR_YEAR + _NOT_NUMERAL + r"\d{1,2}\s*$")
#: Where a mark may stand: ``_NOTE_MARKS`` without what comes before the
#: punctuation.  Looked for first: the lookbehinds of ``_NOTE_MARKS`` at every
#: character of every paragraph took as long as the rest of a comparison's keys.
_NOTE_MARK_SIGN = re.compile(r"[.;:,)\"”’]\d{1,2}\s+[" + _CAPITAL + r"]|[.。;；:：)）\"”’]\d{1,2}\s*$")


_SAME_PUNCTUATION_PAIRS = tuple((chr(mark), same) for mark, same in _SAME_PUNCTUATION.items())


def tokens(text: str) -> Counter[str]:
    """The multiset of tokens similarity is measured on."""
    text = _nfkc(text).casefold()
    out: list[str] = []
    previous = ""
    for token in _TOKEN.findall(text):
        if len(token) > 1 and bisect_right(_CJK_BOUNDS, token) & 1:
            out += map(operator.add, token[:-1], token[1:])  # its bigrams
            previous = ""
        else:
            out.append(token)
            if previous:
                # Word pairs too: alone, "the", "of", "United", "Nations" make any
                # two paragraphs on one topic look alike; pairs keep their order.
                out.append(previous + " " + token)
            previous = token
    return Counter(out)


def dice(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient of two multisets: 2|A∩B| / (|A| + |B|)."""
    total = sum(a.values()) + sum(b.values())
    if total == 0:
        return 1.0
    if len(a) > len(b):
        a, b = b, a
    return 2.0 * shared_tokens(a, b) / total


def shared_tokens(a: Counter[str], b: Counter[str]) -> int:
    """|A∩B|: a plain loop, the hottest one of a comparison."""
    if len(a) > len(b):
        a, b = b, a
    shared = 0
    get = b.get
    for token, count in a.items():
        other = get(token)
        if other:
            shared += count if count < other else other
    return shared


def containment(part: Counter[str], whole: Counter[str]) -> float:
    """The share of ``part``'s tokens that are found in ``whole``."""
    size = sum(part.values())
    if size == 0:
        return 0.0
    return shared_tokens(part, whole) / size


@lru_cache(maxsize=1)
def _cjk_character() -> re.Pattern[str]:
    return re.compile(rf"[{_CJK}]")
