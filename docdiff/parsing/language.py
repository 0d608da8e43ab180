"""The edition's language from its script and, for Latin script, its commonest words."""

from __future__ import annotations

import re
from collections import Counter

from .. import conventions as cv

#: The scripts told apart, in the order a tie is decided (the first wins).
_SCRIPTS = {
    "Chinese": re.compile("[\u4e00-\u9fff]+"),
    "Russian": re.compile("[\u0400-\u04ff]+"),
    "Arabic": re.compile("[\u0600-\u06ff]+"),
    "Latin": re.compile("[A-Za-z]+"),
}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """The edition's language from its script (and, for Latin script, its commonest words).

    (Characters and words are counted by regular expressions: a loop over the
    characters in Python was a quarter of the parse of an English edition.)"""
    counts = {script: sum(map(len, pattern.findall(text))) for script, pattern in _SCRIPTS.items()}
    script = max(counts, key=lambda k: counts[k])
    if counts[script] == 0:
        return None
    if script != "Latin":
        return script
    words = Counter(_WORD.findall(text.casefold()))
    votes = {lang: sum(words[w] for w in markers) for lang, markers in cv.LANGUAGE_MARKERS.items()}
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] else None
