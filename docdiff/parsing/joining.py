"""Joining lines into a paragraph's text: spaces between words, none between wide characters, a wrap hyphen dropped (``Vocabulary``)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from .. import conventions as cv
from ..model import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

_WORD_AT_START = re.compile(r"\w+")
#: A word longer than this before a line-end hyphen is no word of the language:
#: its hyphen stays (and the text before a join is read back this far only, so
#: that joining a paragraph's lines stays linear in its length).
MAX_WORD = 100


class Vocabulary:
    """The words of one document, to tell a wrap hyphen from a compound's hyphen
    at a line end ("imple-" / "mentation" against "follow-" / "up")."""

    def __init__(self, text: str = "") -> None:
        self._text = text  # read on the first line-end hyphen only: most texts have none

    @cached_property
    def _read(self) -> tuple[set[str], set[str]]:
        """(forms, words), casefolded: every word and hyphenated compound
        (``\\w+(?:-\\w+)*``), and the words (``\\w+``) that stand somewhere away
        from a line-end hyphen (``LINE_END_HYPHEN``).

        One pass of the regex engine, over the compounds: a word is a compound's
        piece between hyphens, so the words are counted from the compounds'
        counts, and the words of the line-end hyphens' matches taken off (each
        match is a whole word, the hyphen, the line end and a whole word).  Two
        passes of ``\\w`` and a substitution over the whole text took twice as
        long on an English edition."""
        text = self._text
        forms: dict[str, int] = {}
        for form, times in Counter(_FORM.findall(text)).items():  # (each different form casefolded once)
            key = form.casefold()  # (no character casefolds to a hyphen: the pieces are the words' folds)
            forms[key] = forms.get(key, 0) + times
        words: dict[str, int] = {}
        for form, times in forms.items():
            for word in form.split("-") if "-" in form else (form,):
                words[word] = words.get(word, 0) + times
        for match in _line_end_hyphens(text):
            for word in (match[1], match[2]):
                words[word.casefold()] -= 1
        return set(forms), {word for word, times in words.items() if times > 0}

    @property
    def forms(self) -> set[str]:
        return self._read[0]

    @property
    def words(self) -> set[str]:
        """Words found away from line-end hyphens, where they stand on their own."""
        return self._read[1]

    @cached_property
    def _folded(self) -> str | None:
        """The text casefolded, where each character folds to one (then a
        place in it is the same place in the text); else None (ß, ﬁ, İ: the
        sets are read whole)."""
        folded = self._text.casefold()
        return folded if len(folded) == len(self._text) else None  # (no character folds to none)

    @cached_property
    def _at_line_end_hyphens(self) -> Counter[str]:
        """How often each word (casefolded) stands in a line-end hyphen's match."""
        return Counter(word.casefold() for match in _line_end_hyphens(self._text) for word in (match[1], match[2]))

    def has_form(self, form: str) -> bool:
        """``form in self.forms`` (``form`` casefolded), read where the
        folded text holds it: the text is not read whole for a few questions."""
        folded = self._folded
        if folded is None:
            return form in self.forms
        text, end = self._text, len(form)
        if not form:
            return False
        at = folded.find(form)
        while at >= 0:
            # a whole form: no word character, nor a hyphen joined to one, on either side
            after = at + end
            if (_FORM.fullmatch(text, at, after) is not None
                    and not (at and (_is_word(text[at - 1]) or (text[at - 1] == "-" and at > 1
                                                                and _is_word(text[at - 2]))))
                    and not (after < len(text) and (_is_word(text[after]) or (
                        text[after] == "-" and after + 1 < len(text) and _is_word(text[after + 1]))))):
                return True
            at = folded.find(form, at + 1)
        return False

    def has_word(self, word: str) -> bool:
        """``word in self.words`` (``word`` casefolded): as often a whole word
        of the text as it is not a line-end hyphen's."""
        folded = self._folded
        if folded is None:
            return word in self.words
        if not word:
            return False
        text, end, times = self._text, len(word), 0
        at = folded.find(word)
        while at >= 0:
            after = at + end
            if (not (at and _is_word(text[at - 1])) and not (after < len(text) and _is_word(text[after]))
                    and all(map(_is_word, text[at:after]))):
                times += 1
            at = folded.find(word, at + 1)
        return times > self._at_line_end_hyphens[word]

    def is_wrap(self, head: str, tail: str) -> bool:
        joined, hyphenated = (head + tail).casefold(), f"{head}-{tail}".casefold()
        joined_form, hyphenated_form = self.has_form(joined), self.has_form(hyphenated)
        if joined_form or hyphenated_form:
            # the document spells the word elsewhere: as it does there
            return joined_form and not hyphenated_form
        # Chinese is not hyphenated at line ends; a compound's parts are words of
        # their own (follow-up, Secretary-General, forty-eighth); a wrap leaves
        # pieces that are no words (imple-mentation).
        if cv.is_wide(head[-1]) or cv.is_wide(tail[0]) or len(tail) <= 2 or tail[:1].isupper():
            return False
        if head.casefold() in cv.COMPOUND_HEADS:
            return False
        return not self.has_word(head.casefold()) and not self.has_word(tail.casefold())


def _is_word(char: str) -> bool:
    """What ``\\w`` matches."""
    return char.isalnum() or char == "_"


_FORM = re.compile(r"\w+(?:-\w+)*")
#: (a word starts where no word character stands before it: tried at every
#: character of a long word, each start would read the rest of it, quadratic)
LINE_END_HYPHEN = re.compile(r"(?<!\w)(\w+)-[ \t]*\n\s*(\w+)")
#: Where ``LINE_END_HYPHEN`` can match: its hyphen and line end, a pattern that
#: starts with a character the engine looks for quickly.  (``LINE_END_HYPHEN``
#: itself, searched for, is tried at every character of the text.)
_HYPHEN_AT_LINE_END = re.compile(r"-[ \t]*\n")


def _line_end_hyphens(text: str) -> Iterator[re.Match[str]]:
    """The matches ``LINE_END_HYPHEN.finditer(text)`` gives, found from the
    line-end hyphens: the word before each (``str.isalnum()`` and "_" are what
    ``\\w`` matches) starts the match, unless the last match took it."""
    end = 0
    for hit in _HYPHEN_AT_LINE_END.finditer(text):
        start = hit.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        if start == hit.start() or start < end:
            continue
        match = LINE_END_HYPHEN.match(text, start)
        if match is not None:
            end = match.end()
            yield match


def join_text(left: str, right: str, vocabulary: Vocabulary | None = None) -> str:
    """Join two lines of one paragraph: no space between wide (CJK) characters,
    one space elsewhere; a line-end hyphen goes only where it was a wrap."""
    if not left:
        return right
    if not right:
        return left
    cut, joint = _joint(left[-(MAX_WORD + 2):], right, vocabulary)
    return (left[:-cut] if cut else left) + joint + right


def _joint(tail: str, right: str, vocabulary: Vocabulary | None) -> tuple[int, str]:
    """How ``right`` joins a text that ends in ``tail`` (its last MAX_WORD + 2
    characters, or all of it): how many characters to drop from the text's end
    (a wrap hyphen), and what to put between."""
    if tail.endswith("-") and right[:1].isalpha():
        head = _word_before_hyphen(tail)
        word = _WORD_AT_START.match(right)
        if head and word and vocabulary is not None and vocabulary.is_wrap(head, word[0]):
            return 1, ""
        return 0, ""
    if (tail[-1] >= "\x80" and cv.is_wide(tail[-1])) or (right[0] >= "\x80" and cv.is_wide(right[0])):
        return 0, ""  # (no ASCII character is wide)
    return 0, " "


def _word_before_hyphen(tail: str) -> str | None:
    """The word right before the hyphen ending ``tail`` (str.isalnum() and "_" are
    what the regex \\w matches), or None: none, or one longer than MAX_WORD."""
    start = len(tail) - 1
    while start > 0 and (tail[start - 1].isalnum() or tail[start - 1] == "_"):
        start -= 1
    if start == len(tail) - 1 or (start == 0 and len(tail) > MAX_WORD + 1):
        return None
    return tail[start:-1]


class JoinedText:
    """A text joined from lines by ``join_text``'s rule, built once: joining each
    line to the growing text copied it every time, quadratic on a long paragraph."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self._parts: list[str] = []
        self._vocabulary = vocabulary
        self.tail = ""  # the text's last MAX_WORD + 2 characters (all a join reads)
        self.length = 0

    def add(self, piece: str) -> None:
        if not piece:
            return
        cut, joint = _joint(self.tail, piece, self._vocabulary) if self.tail else (0, "")
        if cut:
            self._parts[-1] = self._parts[-1][:-cut]
        self._parts.append(joint + piece if joint else piece)
        self.length += len(joint) + len(piece) - cut
        self.tail = ((self.tail[:-cut] if cut else self.tail) + joint + piece[-(MAX_WORD + 2):])[-(MAX_WORD + 2):]

    @property
    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""


def join_lines(pieces: list[str], vocabulary: Vocabulary) -> str:
    """The lines' texts joined by ``join_text``'s rule."""
    if all(pieces) and not any(piece[-1] == "-" for piece in pieces[:-1]):
        # No line ends in a hyphen: each joint is a space, or none between wide
        # characters, and nothing is dropped (no ASCII character is wide).
        parts = pieces[:1]
        for left, right in zip(pieces, pieces[1:]):
            a, b = left[-1], right[0]
            parts.append(" " if (a < "\x80" or not cv.is_wide(a)) and (b < "\x80" or not cv.is_wide(b)) else "")
            parts.append(right)
        return "".join(parts)
    joined = JoinedText(vocabulary)
    for piece in pieces:
        joined.add(piece)
    return joined.text
