"""The edition's language from its script and, where layouts share the script, its commonest words.

What a script's letters are is each layout's ``script`` (``docdiff.script``
names the ranges of the six languages'); a layout for a language in a new
script is all it takes for its editions to be told."""

from __future__ import annotations

import re
from collections import Counter

from .. import conventions as cv

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """The edition's language from its script (the script most of its letters
    are in; on a tie the first, in the layouts' order) and, where more than one
    language is printed in that script (English, French and Spanish in Latin
    letters), from its commonest words (``Layout.markers``).

    (Characters and words are counted by regular expressions: a loop over the
    characters in Python was a quarter of the parse of an English edition.)"""
    counts = [(sum(map(len, pattern.findall(text))), languages) for pattern, languages in cv.SCRIPTS]
    if not counts:
        return None
    count, languages = max(counts, key=lambda item: item[0])
    if count == 0:
        return None
    if len(languages) == 1:
        return languages[0]
    words = Counter(_WORD.findall(text.casefold()))
    markers = cv.LANGUAGE_MARKERS
    votes = {lang: sum(words[w] for w in markers.get(lang, ())) for lang in languages}
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] else None
