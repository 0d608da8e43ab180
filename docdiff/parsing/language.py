"""The edition's language from its script and, where layouts share the script, its commonest words.

What a script's letters are is each layout's ``script`` (``docdiff.script``
names the ranges of the six languages'); a layout for a language in a new
script is all it takes for its editions to be told."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import conventions as cv

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """The edition's language from its script (the script most of its letters
    are in; on a tie the first, in the layouts' order) and, where more than one
    language is printed in that script (English, French and Spanish in Latin
    letters), from its commonest words (``Layout.markers``).

    (Characters and words are counted by regular expressions: a loop over the
    characters in Python was a quarter of the parse of an English edition.  In
    text that is mostly ASCII, as an English edition's body is, the ASCII letters
    of each script are counted as bytes, deleting the others in C, and the few
    other characters one by one: one regular expression per script was two
    thirds of this function there; and the words, where no letter is beyond
    ASCII, are the bytes' words once every byte but a letter is a space: a
    regular expression's ``findall`` over the casefolded text was over half of it.)"""
    # (the first characters tell a Chinese, Russian or Arabic text before all are listed)
    head = min(len(text), _HEAD)
    others = _NOT_ASCII.findall(text) if len(_NOT_ASCII.findall(text, 0, head)) * _MOSTLY_ASCII <= head else None
    mostly_ascii = others is not None and len(others) * _MOSTLY_ASCII <= len(text)
    if others is not None and mostly_ascii:
        data = text.encode("utf-8", "surrogatepass")  # (the ASCII characters are the bytes below 0x80)
        held = Counter(others)
        counts = [(len(data.translate(None, _not_ascii_letters(pattern)))
                   + sum(n for ch, n in held.items() if pattern.fullmatch(ch)), languages)
                  for pattern, languages in cv.SCRIPTS]
    else:
        counts = [(sum(map(len, pattern.findall(text))), languages) for pattern, languages in cv.SCRIPTS]
    if not counts:
        return None
    count, languages = max(counts, key=lambda item: item[0])
    if count == 0:
        return None
    if len(languages) == 1:
        return languages[0]
    # Where no character beyond ASCII is a letter, nor folds to one, the words
    # of the folded text are its runs of ASCII letters, lowercased: the words of
    # its bytes with every other byte made a space (in C, as the letters above).
    ascii_words = others is not None and mostly_ascii and not any(
        _WORD.search(ch) or _WORD.search(ch.casefold()) for ch in set(others))
    markers = cv.LANGUAGE_MARKERS
    if ascii_words:
        byte_words = Counter(data.translate(_ASCII_LETTERS_LOWERED).split())
        votes = {lang: sum(byte_words[w.encode("ascii")] for w in markers.get(lang, ()) if w.isascii())
                 for lang in languages}
    else:
        words = Counter(_WORD.findall(text.casefold()))
        votes = {lang: sum(words[w] for w in markers.get(lang, ())) for lang in languages}
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] else None


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
#: ``bytes.translate``'s table that keeps a-z, lowers A-Z and makes every other byte a space.
_ASCII_LETTERS_LOWERED = bytes(b + 32 if 0x41 <= b <= 0x5a else b if 0x61 <= b <= 0x7a else 0x20 for b in range(256))
#: A text with at most one character in this many beyond ASCII is counted by
#: bytes; denser ones (Chinese, Russian, Arabic) script by script.
_MOSTLY_ASCII = 8
_HEAD = 256


@lru_cache(maxsize=64)
def _not_ascii_letters(pattern: re.Pattern[str]) -> bytes:
    """Every byte but the ASCII characters that are letters of the script whose
    runs of letters ``pattern`` matches: what ``bytes.translate`` deletes to
    leave those letters of an ASCII text."""
    letters = "".join(pattern.findall("".join(map(chr, range(0x80))))).encode("ascii")
    return bytes(b for b in range(256) if b not in letters)
