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
* ``dice``: the similarity of two token multisets, 0.0 – 1.0; ``Profile``
  holds a paragraph's tokens once, as ids of a ``Vocabulary`` made for one
  comparison, ``score`` is its Dice with another's, and ``within_reach`` the
  cheap upper bound that rules pairs out by length alone.
* ``CompareOptions``: the thresholds ``compare`` applies to these scores.
* ``title_key``: two headings (or a heading and its entry in the table of
  contents) are the same title when these keys are equal; ``name_key``: a
  name the reader gives (``--org``) and the names of the organisation
  registry, folded looser still.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from itertools import count

from . import conventions as cv, layouts, script

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

#: Bonus that makes a pair inside matched sections win over an equally similar
#: pair across sections.
SAME_SECTION_BONUS = 0.05

#: How many candidates (by shared rare tokens) are scored for each paragraph.
CANDIDATES = 8

#: Within a pair of matched sections, every free old paragraph is compared with
#: every free new one when there are at most this many pairs (more are left to
#: the search across the editions, which stays linear).
LOCAL_PAIRS = 1024

#: At most this many holders for a token to count as rare (see
#: ``compare._candidates``).  A fixed number, not a share of the edition, so that
#: the work per paragraph stops growing with the editions' length (a share of 5 %
#: made it quadratic).
RARE_TOKEN_CAP = 20


class CompareOptions:
    """The thresholds of ``docdiff.compare``, one frozen record per call::

        docdiff.compare(old, new, options=docdiff.CompareOptions(changed=0.6))

    ``changed``
        A pair of paragraphs at least this similar (``score``, 0–1) is one
        paragraph, *changed*; a less similar pair is one paragraph *removed*
        and another *added*.  (Equal texts, ``formatting_key``, are always
        *unchanged*.)
    ``containment``
        A paragraph whose tokens lie at least this share (0–1) inside another's
        is a piece of it: the test for the pieces of a *split* or a *merge*
        (whose pieces, joined, must then be ``changed`` similar to the whole).
    ``same_section_bonus``
        Added to the score of a pair inside sections matched to each other, so
        that it wins over an equally similar pair across sections (0–1).
    ``candidates``
        How many paragraphs across the editions, those sharing the most rare
        tokens with it, are scored for each paragraph left (≥ 1).
    ``local_pairs``
        Inside a pair of matched sections every free old paragraph is scored
        against every free new one when there are at most this many pairs
        (≥ 0); more are left to the candidate search.
    ``rare_token_cap``
        A token held by more than this many paragraphs is too common to find
        candidates by (≥ 1).

    The defaults are the module's constants (``CHANGED_THRESHOLD`` and the rest).
    Frozen and hashable; ``replace(**changes)`` makes a copy with some changed.
    """

    __slots__ = ("candidates", "changed", "containment", "local_pairs", "rare_token_cap", "same_section_bonus")
    #: (name, default, smallest, largest) of every option, in order.
    FIELDS: tuple[tuple[str, float, float, float | None], ...] = (
        ("changed", CHANGED_THRESHOLD, 0.0, 1.0),
        ("containment", CONTAINMENT_THRESHOLD, 0.0, 1.0),
        ("same_section_bonus", SAME_SECTION_BONUS, 0.0, 1.0),
        ("candidates", CANDIDATES, 1, None),
        ("local_pairs", LOCAL_PAIRS, 0, None),
        ("rare_token_cap", RARE_TOKEN_CAP, 1, None),
    )

    changed: float
    containment: float
    same_section_bonus: float
    candidates: int
    local_pairs: int
    rare_token_cap: int

    def __init__(self, *, changed: float = CHANGED_THRESHOLD, containment: float = CONTAINMENT_THRESHOLD,
                 same_section_bonus: float = SAME_SECTION_BONUS, candidates: int = CANDIDATES,
                 local_pairs: int = LOCAL_PAIRS, rare_token_cap: int = RARE_TOKEN_CAP) -> None:
        given = {"changed": changed, "containment": containment, "same_section_bonus": same_section_bonus,
                 "candidates": candidates, "local_pairs": local_pairs, "rare_token_cap": rare_token_cap}
        for name, default, least, most in self.FIELDS:
            value = given[name]
            integer = isinstance(default, int)
            kind = (int,) if integer else (int, float)
            if isinstance(value, bool) or not isinstance(value, kind):
                raise TypeError(f"CompareOptions: {name} must be {'an integer' if integer else 'a number'}, "
                                f"not {type(value).__name__}")
            if not (least <= value and (most is None or value <= most)):  # (NaN fails too)
                bounds = f"between {least:g} and {most:g}" if most is not None else f"at least {least:g}"
                raise ValueError(f"CompareOptions: {name} must be {bounds}, not {value!r}")
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"CompareOptions is frozen: use options.replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("CompareOptions is frozen")

    def _values(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name, _, _, _ in self.FIELDS)

    def replace(self, **changes: float) -> CompareOptions:
        """A copy with ``changes`` (names as in the constructor)."""
        values = {name: getattr(self, name) for name, _, _, _ in self.FIELDS}
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"CompareOptions has no option {', '.join(sorted(unknown))}")
        values.update(changes)
        return CompareOptions(**values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CompareOptions):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return "CompareOptions(" + ", ".join(f"{name}={getattr(self, name)!r}" for name, _, _, _ in self.FIELDS) + ")"

    def __reduce__(self) -> tuple[object, ...]:  # (for worker processes: keyword-only arguments)
        return (_options, (tuple((name, getattr(self, name)) for name, _, _, _ in self.FIELDS),))


def _options(items: tuple[tuple[str, float], ...]) -> CompareOptions:
    return CompareOptions(**dict(items))  # type: ignore[arg-type]


class _Pattern:
    """A regex compiled on first use, not at import: ``docdiff`` is imported by
    every run, and the patterns here took 1.8 ms to compile (``_TOKEN``'s class
    of every Chinese and Japanese range alone 0.7 ms), paid by runs that compare
    nothing.  The first call binds the compiled pattern's methods to the
    instance, so that later calls cost what a ``re.Pattern``'s do."""

    search: Callable[[str], re.Match[str] | None]
    findall: Callable[[str], list[str]]
    sub: Callable[[str, str], str]

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __getattr__(self, name: str) -> object:  # (only for the methods, before they are bound)
        compiled = re.compile(self.pattern)
        self.search, self.findall, self.sub = compiled.search, compiled.findall, compiled.sub
        return getattr(compiled, name)


_CJK = script.CJK
_TOKEN = _Pattern(rf"[{_CJK}]+|[^\W\d_]+|\d+")
#: (bounds, not a regex class: a class this wide takes milliseconds to compile,
#: and every run of docdiff would pay for it)
_CJK_BOUNDS = script.CJK_BOUNDS


def title_key(text: str) -> str:
    """Headings compared with each other and with the table of contents:
    numbers kept, case, spacing, dots and punctuation width ignored."""
    return _TITLE_FILLER.sub("", unicodedata.normalize("NFKC", text)).casefold()


_TITLE_FILLER = _Pattern(r"[\s.．·…]+")


def equality_key(text: str) -> str:
    """The text with spacing and punctuation width normalised away."""
    return "".join(_nfkc(text).split())  # split() parts at what the regex \s matches, faster


#: Full-width forms and the ideographic space, with their NFKC forms.
_WIDE_FORMS = {ch: folded for ch, folded in ((chr(c), unicodedata.normalize("NFKC", chr(c)))
                                             for c in [0x3000, *range(0xFF01, 0xFF5F)]) if folded != ch}
_WIDE_FORM = _Pattern("[\u3000\uff01-\uff5e]")


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
    marked = _NOTE_MARK_HINT.search(text) and _NOTE_MARK_SIGN.search(text)
    if marked:  # a mark after a word a soft hyphen cuts ("Weap\xadons;3") is still after a word
        for invisible in script.INVISIBLE:
            if invisible in text:
                text = text.replace(invisible, "")
    key = equality_key(_NOTE_MARKS.sub("", text) if marked else text)
    # One replace per mark: str.translate looks up every character of Chinese
    # text one by one, ten times slower.  (The marks map to ASCII, so the order
    # of the replacements does not matter.)
    for mark, same in _same_punctuation():
        if mark in key:
            key = key.replace(mark, same)
    if "-" in key:
        key = _WORD_HYPHEN.sub("", key)
    return key


#: (The hyphen first, then the letter before it: a pattern that starts with a
#: lookbehind is tried at every character, twenty times slower on English text.)
_WORD_HYPHEN = _Pattern(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")
#: A footnote mark: one or two digits right after a word's closing punctuation,
#: before a capital ("…Panel of the Wise.2 The …", "…(S/2008/186).1 It …"), or at
#: the end of the paragraph ("…组织。3", "…in July 2011.2").  Not "section A.1 of",
#: "No.5 of", "annex II.1", "reached 12.5" or "。3个": a real change there is no
#: renumbered mark.
_CAPITAL = "A-ZÀ-ÞА-ЯЁ"
_AFTER_WORD = r"(?:(?<=[^\W\d_]{2}[.;:,)\"”’])|(?<=[)\"”’][.;:,]))"
_AFTER_WORD_OR_YEAR = r"(?:(?<=[^\W\d_]{2}[.。;；:：)）\"”’])|(?<=[)）\"”’][.。;；:：])|(?<=\D\d{4}[.。]))"
_NOT_NUMERAL = r"(?<![IVXLC]{2}[.])"  # "annex II.1" is a section
_NOTE_MARKS = _Pattern(_AFTER_WORD + _NOT_NUMERAL + r"\d{1,2}(?=\s+[" + _CAPITAL + "])|"
                         + _AFTER_WORD_OR_YEAR + _NOT_NUMERAL + r"\d{1,2}\s*$")
#: Where a mark may stand: ``_NOTE_MARKS`` without what comes before the
#: punctuation.  Looked for first: the lookbehinds of ``_NOTE_MARKS`` at every
#: character of every paragraph took as long as the rest of a comparison's keys.
_NOTE_MARK_SIGN = _Pattern(r"[.;:,)\"”’]\d{1,2}\s+[" + _CAPITAL + r"]|[.。;；:：)）\"”’]\d{1,2}\s*$")
#: Looked for before ``_NOTE_MARK_SIGN``: a digit after any of its marks, one
#: class and no alternatives, four times faster to rule most paragraphs out.
_NOTE_MARK_HINT = _Pattern(r"[.。;；:：,)）\"”’]\d")


def _same_punctuation() -> tuple[tuple[str, str], ...]:
    """Punctuation that NFKC leaves apart but readers take for the same mark (the
    layouts' ``SAME_PUNCTUATION``), as (mark, its ASCII stand-in) pairs: made on
    first use (the layouts' table took 2 ms to build at import) and again when
    a layout registered since changes the table."""
    global _punctuation
    table = cv.SAME_PUNCTUATION
    if _punctuation[0] is not table:
        _punctuation = (table, tuple((chr(mark), same) for mark, same in str.maketrans(table).items()))
    return _punctuation[1]


_punctuation: tuple[dict[str, str] | None, tuple[tuple[str, str], ...]] = (None, ())  # (the layouts' table, its pairs)
#: A layout registered or removed changes the table: the keys made before are then stale.
layouts.on_change(formatting_key.cache_clear)


def tokens(text: str) -> Counter[str]:
    """The multiset of tokens similarity is measured on."""
    return Counter(token_list(text))


def token_list(text: str) -> list[str]:
    """The tokens of ``tokens``, in the order of the text (each as often as it occurs)."""
    text = _nfkc(text).casefold()
    if text.isascii():  # (for ASCII text, a pattern of ASCII classes finds the same tokens twice as fast)
        return _words_and_pairs(_ASCII_TOKEN.findall(text))
    found = _TOKEN.findall(text)
    bounds = _CJK_BOUNDS
    if not (found and bisect_right(bounds, found[0]) & 1) and max(text) < bounds[0]:
        return _words_and_pairs(found)  # no Chinese or Japanese: every token a word
    out: list[str] = []
    append, add = out.append, operator.add  # (locals: this loop runs per token)
    previous = ""
    for token in found:
        if len(token) > 1 and bisect_right(bounds, token) & 1:
            out += map(add, token[:-1], token[1:])  # its bigrams
            previous = ""
        else:
            append(token)
            if previous:
                # Word pairs too: alone, "the", "of", "United", "Nations" make any
                # two paragraphs on one topic look alike; pairs keep their order.
                append(previous + " " + token)
            previous = token
    return out


#: ``_TOKEN`` for ASCII text (casefolded: no capitals).
_ASCII_TOKEN = _Pattern(r"[a-z]+|[0-9]+")


def _words_and_pairs(words: list[str]) -> list[str]:
    """The tokens of a text without Chinese or Japanese, as ``token_list``'s
    loop makes them (each word, then the pair it ends), without the loop."""
    if not words:
        return []
    out = [""] * (2 * len(words) - 1)
    out[0] = words[0]
    out[1::2] = words[1:]
    out[2::2] = map(" ".join, zip(words, words[1:]))  # (a quarter faster than a + " " + b)
    return out


class Vocabulary:
    """The token ids of one comparison's profiles: each token's text is kept
    once, here, and freed with the comparison (a module-wide table would keep
    every token of every edition ever compared).

    A token's second, third … occurrence in a paragraph has an id of its own
    too, the same in every paragraph, so that the tokens two paragraphs share,
    counted as multisets (each as often as the paragraph that has it less
    often), are the ids their profiles share."""

    __slots__ = ("id",)

    def __init__(self) -> None:
        #: a token (or (token, k) for its k-th repeat) → its id, made on first sight
        ids: defaultdict[object, int] = defaultdict(count().__next__)
        self.id = ids.__getitem__


class Profile:
    """A paragraph's tokens (``tokens``) as ids of a ``Vocabulary``: what
    ``score``, ``within_reach`` and ``containment`` compare.

    ``ids`` holds each distinct token's id in the order of first appearance
    (the first ``distinct``), then one id per repeated occurrence: a tuple of
    the vocabulary's own int objects, 8 bytes a token (a ``Counter`` of the
    tokens took about 28)."""

    __slots__ = ("distinct", "ids", "size")

    def __init__(self, bag: Counter[str], vocabulary: Vocabulary) -> None:
        identify = vocabulary.id
        ids = tuple(map(identify, bag))
        self.distinct = len(ids)
        if bag.total() > len(ids):
            ids += tuple([identify((token, k)) for token, times in bag.items() if times > 1 for k in range(1, times)])
        self.ids = ids
        self.size = len(ids)  # |A|: the tokens, each counted as often as it occurs

    @classmethod
    def of(cls, text: str, vocabulary: Vocabulary) -> Profile:
        return cls(tokens(text), vocabulary)

    @property
    def tokens(self) -> tuple[int, ...]:
        """The distinct tokens' ids, in the order of first appearance."""
        return self.ids[:self.distinct]


def shared(a: Profile, b: Profile) -> int:
    """|A∩B|, the tokens two profiles have in common (each as often as the
    profile that has it less often): the ids they share (see ``Vocabulary``),
    counted by a set of the shorter one, the hottest step of a comparison."""
    small, large = (a.ids, b.ids) if len(a.ids) <= len(b.ids) else (b.ids, a.ids)
    return len(set(small).intersection(large))


def score(a: Profile, b: Profile) -> float:
    """The similarity of two paragraphs, 0.0 – 1.0: the Dice coefficient of
    their token multisets, 2|A∩B| / (|A| + |B|) (1.0 for two without tokens)."""
    total = a.size + b.size
    return 2.0 * shared(a, b) / total if total else 1.0


def scorer(a: Profile) -> Callable[[Profile], float]:
    """``score(a, b)`` for many ``b``: ``a``'s ids put in a set once, each
    ``b``'s looked up in it (a set made per pair cost more than the loop over
    a ``Counter`` it replaced)."""
    held = set(a.ids).intersection
    size = a.size

    def score_against(b: Profile) -> float:
        total = size + b.size
        return 2.0 * len(held(b.ids)) / total if total else 1.0

    return score_against


def within_reach(a: Profile, b: Profile, least: float) -> bool:
    """Whether ``score(a, b)`` can be ``least`` or more, by their sizes alone:
    Dice reaches no higher than 2·min / (|A| + |B|), so pairs of very unequal
    length are ruled out without counting their common tokens."""
    return not 2 * min(a.size, b.size) < least * (a.size + b.size)


def dice(a: Counter[str], b: Counter[str]) -> float:
    """``score`` of two token multisets."""
    vocabulary = Vocabulary()
    return score(Profile(+a, vocabulary), Profile(+b, vocabulary))


def containment(part: Profile, whole: Profile) -> float:
    """The share of ``part``'s tokens that are found in ``whole``."""
    if part.size == 0:
        return 0.0
    return shared(part, whole) / part.size


def container(whole: Profile) -> Callable[[Profile], float]:
    """``containment(part, whole)`` for many ``part``: ``whole``'s ids put in a
    set once, each part's looked up in it (the same count as ``shared``'s:
    the ids two profiles share, whichever is made the set)."""
    held = set(whole.ids).intersection

    def share_inside(part: Profile) -> float:
        return len(held(part.ids)) / part.size if part.size else 0.0

    return share_inside


def name_key(name: str) -> str:
    """Names compared with case, width, accents, spacing, punctuation and a leading "the"
    folded: a name given with ``--org`` or ``History.find`` and the names of the
    organisation registry."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    # accents folded ("Etats" for "États"): the marks NFKD parts from their letters dropped
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFC", text))
