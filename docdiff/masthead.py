"""The masthead lines no fact reads: a change in them is still a change.

``Metadata`` holds the facts docdiff reads off a masthead; ``FrontMatter.masthead``
keeps every line above the body as printed.  A line whose change no fact reports
(a masthead docdiff reads only in part: an organ, a layout or a language it knows
less of) must not make two editions compare as the same: ``unread_change``
reports it, as the field ``masthead``, where the masthead lines differ by more
than the facts that changed account for.

A fact accounts for the text it was read from: each changed fact's printed
value is masked in both editions' masthead (a date by the printed date that
reads as it, agenda items by their line), and what then still differs is a
change no fact said.

The table of contents (``FrontMatter.contents``) is compared here too
(``contents_change``): an entry reworded, added or dropped where no heading of
the body was is a change of its own, the field ``contents``; a page number that
only moved is none (the text laid out again, not changed).
"""

from __future__ import annotations

import re
from collections import Counter

from . import conventions as cv
from .model import TYPE_CHECKING, Document, MetadataChange
from .parsing.front import find_date
from .similarity import formatting_key

if TYPE_CHECKING:
    from collections.abc import Iterable

#: The name of the change (``MetadataChange.field``): lines only the old edition
#: prints, lines only the new one prints.
FIELD = "masthead"
#: The name of the change of the table of contents: entries (their titles) only
#: the old edition prints, entries only the new one prints.
CONTENTS_FIELD = "contents"

_DATE_FIELDS = ("date", "adoption_date")
_DASHES = re.compile(r"\s*[–—-]\s*")


def _plain(text: str) -> str:
    """White space folded, dashes one hyphen (a joint symbol is normalised to an en dash)."""
    return _DASHES.sub("-", " ".join(text.split()))


def _values(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _values(item)


def _printed(changes: list[MetadataChange]) -> list[tuple[re.Pattern[str], str]]:
    """(value, field) of the changed facts' values, either edition's, the longest
    first (a symbol holds the resolution's number); dates apart.  A value is
    found with or without the spaces it has ("2719 (2023)" as "第2719(2023)号决议"
    prints it)."""
    values = {(_plain(v), c.field) for c in changes if c.field not in _DATE_FIELDS
              for v in (*_values(c.old), *_values(c.new)) if v.strip()}
    return [(re.compile(r"\s*".join(map(re.escape, value.split()))), name)
            for value, name in sorted(values, key=lambda vf: (-len(vf[0]), vf))]


def _changed_dates(changes: list[MetadataChange]) -> set[str]:
    return {v for c in changes if c.field in _DATE_FIELDS for v in (c.old, c.new) if isinstance(v, str)}


def _masked_lines(document: Document, changes: list[MetadataChange]) -> list[str]:
    """The masthead's lines with the printed values of the changed facts masked
    in them, either edition's value in both (a value may be a word of another
    line: "General" of "General Assembly")."""
    values = _printed(changes)
    dates = _changed_dates(changes)
    agenda = any(c.field == "agenda_items" for c in changes)
    out: list[str] = []
    items = False  # under an agenda line: the items that wrap onto the next lines
    for line in (_plain(ln) for ln in document.front.masthead):
        if agenda and (cv.AGENDA_ITEMS.match(line) or (items and _ITEMS_ONLY.fullmatch(line))):
            out.append("<agenda_items>")
            items = True
            continue
        items = False
        line = _mask_dates(line, dates)
        for value, name in values:
            line = value.sub(f"<{name}>", line)
        out.append(line)
    return out


#: A line that holds agenda items only, wrapped from the agenda line ("(b)、(c)、(d)").
_ITEMS_ONLY = re.compile(r"[\s\d()a-z、,，和–\-]+")


def _mask_dates(line: str, dates: set[str]) -> str:
    """The printed dates of ``line`` that read as one of ``dates`` (ISO 8601) masked."""
    if not dates:
        return line
    for pattern in cv.DATE_PATTERNS:
        for match in list(pattern.finditer(line)):
            if find_date([match[0]]) in dates:
                line = line.replace(match[0], "<date>")
    return line


def unread_change(old: Document, new: Document, changes: Iterable[MetadataChange]) -> MetadataChange | None:
    """The masthead lines that differ where the changed facts (``changes``) do
    not account for the difference; ``None`` where they do.  (A value that
    wraps over lines, as a title, is masked in the lines joined.)"""
    if [_key(x) for x in old.front.masthead] == [_key(x) for x in new.front.masthead]:
        return None
    changes = list(changes)
    if any(c.field == "kind" for c in changes):
        return None  # a draft and the resolution adopted: mastheads of two forms, and the kind says so
    masked_a, masked_b = _masked_lines(old, changes), _masked_lines(new, changes)
    if _joined_key(masked_a, changes) == _joined_key(masked_b, changes):
        return None
    # the lines the other edition prints too, then those only a changed fact tells apart
    gone, came = _unpaired(list(old.front.masthead), list(new.front.masthead), masked_a, masked_b)
    if not gone and not came:  # the same lines in another order
        gone, came = list(old.front.masthead), list(new.front.masthead)
    return MetadataChange(FIELD, gone, came)


def _unpaired(a: list[str], b: list[str], masked_a: list[str], masked_b: list[str]) -> tuple[list[str], list[str]]:
    """The lines of ``a`` and ``b`` left once each line is paired with an equal
    line of the other edition, then with one equal once masked."""
    left_a, left_b = list(range(len(a))), list(range(len(b)))
    for keys_a, keys_b in (([_key(x) for x in a], [_key(x) for x in b]),
                           ([_key(x) for x in masked_a], [_key(x) for x in masked_b])):
        free = Counter(keys_b[j] for j in left_b)
        paired: Counter[str] = Counter()
        kept_a = []
        for i in left_a:
            if paired[keys_a[i]] < free[keys_a[i]]:
                paired[keys_a[i]] += 1
            else:
                kept_a.append(i)
        kept_b = []
        for j in left_b:
            if paired[keys_b[j]]:
                paired[keys_b[j]] -= 1
            else:
                kept_b.append(j)
        left_a, left_b = kept_a, kept_b
    return [a[i] for i in left_a], [b[j] for j in left_b]


def _key(line: str) -> str:
    return formatting_key(_plain(line))


def _joined_key(lines: list[str], changes: list[MetadataChange]) -> str:
    """The masked lines joined, then the values and dates that wrap over lines
    masked in them too ("… celebrada el 21 de" / "diciembre de 2023")."""
    text = _mask_dates(" ".join(lines), _changed_dates(changes))
    for value, _ in _printed(changes):
        text = value.sub("<>", text)
    return formatting_key(re.sub(r"<\w*>", "<>", text))


def contents_change(old: Document, new: Document) -> MetadataChange | None:
    """The entries of the table of contents that differ, by their titles (a
    page number that moved is no change), where the headings of the body do
    not say it: an entry that went with its heading (a section renamed or
    dropped, which the sections report) is left out, as is one that came with
    its heading.  ``None`` where nothing is left."""
    a, b = [e.title for e in old.front.contents], [e.title for e in new.front.contents]
    if [_key(x) for x in a] == [_key(x) for x in b]:
        return None
    gone, came = _unpaired(a, b, a, b)
    old_headings, new_headings = _headings(old), _headings(new)
    gone = [t for t in gone if not (_key(t) in old_headings and _key(t) not in new_headings)]
    came = [t for t in came if not (_key(t) in new_headings and _key(t) not in old_headings)]
    if not gone and not came:
        return None
    return MetadataChange(CONTENTS_FIELD, gone, came)


def _headings(document: Document) -> set[str]:
    """The keys of the body's headings, as printed (with their numbers) and without the numbers."""
    return {_key(text) for _, section in document.walk() for text in (section.heading, section.title)}
