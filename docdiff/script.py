"""Facts of the scripts UN editions are printed in, whatever the language.

The letters of each script (which a layout names as the script its editions are
printed in, and by which ``parsing.language`` tells an edition's language), the
Chinese and Japanese ranges (words are single characters there), which
characters are East Asian wide (joined without a space, two columns on a
terminal), and the marks that never start or end a line.  What one *language*
prints (its numerals, months, masthead words) is in ``docdiff.layouts``.
"""

from __future__ import annotations

import unicodedata

#: The letters of the scripts the six languages are printed in, each as the
#: body of a character class (``Layout.script``): the unified ideographs, the
#: basic Cyrillic and Arabic blocks, the Latin letters of ASCII.
HAN = "\u4e00-\u9fff"
CYRILLIC = "\u0400-\u04ff"
ARABIC = "\u0600-\u06ff"
LATIN = "A-Za-z"

#: The scripts written right to left (a Word report of an edition printed in
#: one sets its paragraphs and runs right to left).
RIGHT_TO_LEFT = frozenset({ARABIC})

#: Kana, CJK extension A, the unified ideographs and the compatibility ideographs,
#: as the body of a character class.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: The ranges of ``CJK`` as sorted bounds: a string starts with a CJK character
#: when ``bisect_right(CJK_BOUNDS, text) & 1``.
CJK_BOUNDS = tuple(ch for lo, hi in zip(CJK[0::3], CJK[2::3]) for ch in (lo, chr(ord(hi) + 1)))

#: Marks that never start a line.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’,.;:?!)]}%…·～°")
#: Marks that never end a line.
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")

#: Characters no script prints, which the comparison (and so the redline) reads
#: as nothing: the soft hyphen (a place a word may be broken at a line end,
#: printed only there), the zero-width space, the word joiner and the
#: zero-width no-break space (a byte-order mark inside a text).  What a
#: *language* takes for the same mark (。 and ., “ and ", ‑ and -) is each
#: layout's ``same_punctuation``.
INVISIBLE = {"\u00ad": "", "\u200b": "", "\u2060": "", "\ufeff": ""}


def is_wide(ch: str) -> bool:
    """East Asian wide characters: joined without a space."""
    return unicodedata.east_asian_width(ch) in ("W", "F")
