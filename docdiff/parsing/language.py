"""The edition's language from its script and, for Latin script, its commonest words."""

from __future__ import annotations

import re

from .. import conventions as cv


def detect_language(text: str) -> str | None:
    """The edition's language from its script (and, for Latin script, its commonest words)."""
    counts = {"Chinese": 0, "Russian": 0, "Arabic": 0, "Latin": 0}
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            counts["Chinese"] += 1
        elif "\u0400" <= ch <= "\u04ff":
            counts["Russian"] += 1
        elif "\u0600" <= ch <= "\u06ff":
            counts["Arabic"] += 1
        elif ch.isascii() and ch.isalpha():
            counts["Latin"] += 1
    script = max(counts, key=lambda k: counts[k])
    if counts[script] == 0:
        return None
    if script != "Latin":
        return script
    words = re.findall(r"[^\W\d_]+", text.casefold())
    votes = {lang: sum(1 for w in words if w in markers) for lang, markers in cv.LANGUAGE_MARKERS.items()}
    best = max(votes, key=lambda k: votes[k])
    return best if votes[best] else None
