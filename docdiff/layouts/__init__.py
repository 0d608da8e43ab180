"""What docdiff knows about each language's editions: one ``Layout`` record per language.

Each module of this package (``en.py``, ``fr.py``, ``zh.py`` …) holds one record,
``LAYOUT``: the numerals, month names, masthead words, page furniture, heading
connectors and punctuation equivalences of the editions printed in that language.
``docdiff.conventions`` builds the combined patterns the parser asks from the
registered records (lazily, on first use).  To teach docdiff a language, add one
module here with its ``LAYOUT`` and one fixture edition in ``tests/fixtures/layouts``
(``edition_<code>.txt`` with its key ``edition_<code>.key.json``); nothing else.
A layout can also be registered at run time (``register``).

Fields named ``…_patterns`` hold regular-expression fragments (alternatives of
a larger pattern; no groups of their own unless the field says so); the others
hold plain words, compared case-folded.  Script facts shared by languages (CJK
ranges, widths, line-breaking marks) are in ``docdiff.script``.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Mapping

from .. import script as _script
from ..record import TYPE_CHECKING

if TYPE_CHECKING:
    from dataclasses import dataclass, field
else:
    # (``Layout`` is a frozen dataclass to mypy; at run time a plain class that
    # behaves as one, ``_frozen``: making the dataclass of 60 fields, with the
    # import of ``dataclasses``, was 2.8 ms of every run)
    def dataclass(**_: object) -> Callable[[type], type]:
        return _frozen

    def field(*, default_factory: Callable[[], object]) -> _Factory:
        return _Factory(default_factory)


class _Factory:
    """A default made for each record (``field(default_factory=…)``)."""

    def __init__(self, default_factory: Callable[[], object]) -> None:
        self.default_factory = default_factory

def _frozen(cls: type) -> type:
    """What ``@dataclass(frozen=True)`` gives a class of annotated fields with
    defaults: the constructor (positional or keyword arguments, in the fields'
    order), a fresh value from each ``field(default_factory=…)``, equality and
    hash over the fields, the repr, and no assignment afterwards."""
    names = tuple(cls.__annotations__)
    defaults = {name: vars(cls)[name] for name in names if name in vars(cls)}
    required = [name for name in names if name not in defaults]

    def __init__(self: object, *args: object, **fields: object) -> None:
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__}() takes {len(names)} arguments, {len(args)} given")
        for name, value in zip(names, args):
            if name in fields:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
            fields[name] = value
        unknown = [name for name in fields if name not in defaults and name not in required]
        if unknown:
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {unknown[0]!r}")
        missing = [name for name in required if name not in fields]
        if missing:
            raise TypeError(f"{cls.__name__}() missing required argument: {missing[0]!r}")
        for name in names:
            value = fields[name] if name in fields else defaults[name]
            object.__setattr__(self, name, value.default_factory() if isinstance(value, _Factory) else value)

    def values(self: object) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in names)

    def __eq__(self: object, other: object) -> bool:
        return values(self) == values(other) if other.__class__ is self.__class__ else NotImplemented

    def __setattr__(self: object, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self: object, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self: object) -> str:
        return f"{cls.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"

    def __hash__(self: object) -> int:
        return hash(values(self))

    for method in (__init__, __eq__, __hash__, __setattr__, __delattr__, __repr__):
        setattr(cls, method.__name__, method)
    type.__setattr__(cls, "__match_args__", names)
    return cls


#: Roman numerals, as the Latin and Cyrillic editions number their parts.
ROMAN_VALUES: Mapping[str, int] = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ROMAN_PART = r"[IVXLC]{1,6}"
#: "20 September 2010", "1er mars 2010", "20 de septiembre de 2010", "20 сентября 2010 года":
#: the day, the month's name, the year, as the Latin and Cyrillic editions print a date
#: (one pattern for all of them: the month's name says the language).
DAY_MONTH_YEAR = r"\b(?P<day>\d{1,2})(?:er)?\s+(?:de\s+)?(?P<month>[^\W\d_]+)(?:\s+de)?\s+(?P<year>(?:19|20)\d{2})\b"
#: The same date as a whole masthead line (no groups; "года" or "г." may follow).
DAY_MONTH_YEAR_LINE = r"\d{1,2}(?:er)?\s+(?:de\s+)?[^\W\d_]+(?:\s+de)?\s+(?:19|20)\d{2}(?:\s+г(?:ода|\.))?"
#: "Sixty-fifth session", "Soixante-cinquième session": a few words, then the word for session.
SESSION_WORDS = r"(?:[\w-]+ ){1,3}"


@dataclass(frozen=True)
class Layout:
    """What the editions printed in one language look like."""

    code: str  #: ISO 639-1: "en"
    language: str  #: its name in English, as ``Metadata.language`` says it: "English"
    #: The letters of the script its editions are printed in, as the body of a
    #: character class (``docdiff.script``: ``HAN``, ``CYRILLIC``, ``ARABIC``,
    #: ``LATIN``; or a new script's ranges).  An edition's language is told by
    #: the script most of its letters are in, then, where layouts share that
    #: script, by their ``markers``.
    script: str = _script.LATIN

    # --- numerals
    #: How a part is numbered ("[IVXLC]{1,6}", "[一二三…]{1,3}", the Arabic ordinals).
    part_patterns: tuple[str, ...] = ()
    #: Parts numbered in words: the word and its value (أولا: 1).
    ordinals: Mapping[str, int] = field(default_factory=dict)
    #: How a subsection is lettered ("[A-Z]", "[Ａ-Ｚ]", "ألف|باء|…").
    subsection_patterns: tuple[str, ...] = ()
    #: Subsection letters in their order, where they are not A–Z (А, Б, В …; ألف، باء …).
    letters: tuple[str, ...] = ()
    #: Letters that look like Latin ones and may stand for them (Cyrillic А for A).
    lookalikes: Mapping[str, str] = field(default_factory=dict)
    #: A part or subsection number alone on its line, before its stop ("II.", "二、").
    bare_number_patterns: tuple[str, ...] = ()
    #: Digits written as characters (一: 1), and the sign for ten, hundred (十, 百).
    digits: Mapping[str, int] = field(default_factory=dict)
    #: Ordinal and cardinal words of a session's number (sixty: 60, fifth: 5).
    number_words: Mapping[str, int] = field(default_factory=dict)

    # --- dates
    months: Mapping[str, int] = field(default_factory=dict)
    #: A date, with groups ``day``, ``month`` (a name or a number) and ``year``.
    date_patterns: tuple[str, ...] = ()
    #: A masthead line that is a date and nothing more (no groups).
    date_line_patterns: tuple[str, ...] = ()

    # --- masthead
    #: The organs' names, alone on a masthead line ("General Assembly").
    organ_patterns: tuple[str, ...] = ()
    #: A session alone on its line ("Sixty-fifth session"), and the Security Council's year.
    session_patterns: tuple[str, ...] = ()
    year_patterns: tuple[str, ...] = ()
    #: The label before the distribution ("Distr.") and the words of a limited one.
    distribution_patterns: tuple[str, ...] = ()
    limited_words: frozenset[str] = frozenset()
    #: Language names as printed in this language, with the English name (anglais: English).
    language_names: Mapping[str, str] = field(default_factory=dict)
    #: The label before the original language ("Original", "Язык оригинала").
    original_patterns: tuple[str, ...] = ()
    #: The words before the agenda items ("Agenda items?") and between a range's ends ("to").
    agenda_patterns: tuple[str, ...] = ()
    range_patterns: tuple[str, ...] = ()
    #: An agenda title naming an organisation, with a group ``org``.
    agenda_title_patterns: tuple[str, ...] = ()
    #: Articles before an organisation's name ("the\\s+").
    article_patterns: tuple[str, ...] = ()
    #: "Report of the Secretary-General"; any words that name a report.
    report_of_patterns: tuple[str, ...] = ()
    report_label_patterns: tuple[str, ...] = ()
    summary_patterns: tuple[str, ...] = ()
    #: The contents' title and its columns' heads ("Paragraphs", "Page").
    contents_patterns: tuple[str, ...] = ()
    paragraphs_column_patterns: tuple[str, ...] = ()
    pages_column_patterns: tuple[str, ...] = ()
    #: The annexes' heading word ("Annex").
    annex_patterns: tuple[str, ...] = ()

    # --- furniture
    #: The recycling note at a page's foot ("Please recycle").
    recycle_patterns: tuple[str, ...] = ()

    # --- text
    #: Marks that end a sentence, and closing quotes or brackets that may follow them.
    sentence_end: str = ""
    closing_after: str = ""
    #: Words (and characters) that, ending a heading line, say the heading goes on.
    connectors: frozenset[str] = frozenset()
    connector_chars: str = ""
    #: First parts of words always hyphenated (twenty-one): a line ending "twenty-" is no wrap.
    compound_heads: frozenset[str] = frozenset()
    #: Punctuation that NFKC leaves apart but a reader takes for the same mark (。 and .).
    same_punctuation: Mapping[str, str] = field(default_factory=dict)
    #: Common words that tell this language from others in the same script
    #: (a layout alone in its script needs none).
    markers: frozenset[str] = frozenset()

    # --- resolutions and decisions
    #: "The General Assembly" (the comma after it is the formula's).
    enacting_patterns: tuple[str, ...] = ()
    #: "Resolution" / "Decision", then "adopted by"; or a whole line in another order,
    #: with a group named after the layout's code (``zh``, ``ar``) holding the kind.
    adopted_kind_patterns: tuple[str, ...] = ()
    adopted_by_patterns: tuple[str, ...] = ()
    adopted_line_patterns: tuple[str, ...] = ()
    #: A Security Council resolution's number line in another order than
    #: "Resolution 2719 (2023)": a whole line, its number and year "\\d{1,5}\\s*\\(\\d{4}\\)",
    #: the kind in a group named after the layout's code ("第2719(2023)号决议").
    resolution_line_patterns: tuple[str, ...] = ()
    decision_words: frozenset[str] = frozenset()
    #: "draft resolution", "draft decision" (after the sponsors and a colon).
    draft_patterns: tuple[str, ...] = ()
    #: "First Committee".
    committee_patterns: tuple[str, ...] = ()
    #: The first word of a preambular paragraph ("Recalling", "Convinced").
    preamble_patterns: tuple[str, ...] = ()
    #: The first word of a preambular paragraph where the editions do not open it
    #: with a capital: in lower case, as Russian ones do ("ссылаясь", "отмечая"),
    #: or in a script without case ("回顾…", "وإذ"): compared as printed.
    lower_preamble_patterns: tuple[str, ...] = ()
    #: "52nd plenary meeting".
    closing_line_patterns: tuple[str, ...] = ()
    #: The meeting an adoption line names ("at its 9518th meeting": "9518th meeting"),
    #: as a Security Council resolution prints it (its closing line, where it has one, says it).
    meeting_patterns: tuple[str, ...] = ()


_LAYOUTS: dict[str, Layout] = {}
_LISTENERS: list[Callable[[], None]] = []


def module_names() -> list[str]:
    """The modules of this package, sorted: what ``pkgutil.iter_modules`` lists
    of a folder (each file a suffix of ``importlib.machinery.all_suffixes()``
    names a module, each folder with an ``__init__`` a package), without its
    import of ``inspect`` (with ``ast``, ``dis`` and ``tokenize``: 5 ms of every
    run, #14.1)."""
    from importlib.machinery import all_suffixes

    suffixes = sorted(all_suffixes(), key=len, reverse=True)
    names: set[str] = set()
    for folder in __path__:
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for entry in entries:
            suffix = next((s for s in suffixes if entry.endswith(s)), None)
            if suffix is not None:
                name = entry[:-len(suffix)]
            elif "." not in entry and any(os.path.isfile(os.path.join(folder, entry, "__init__" + s))
                                          for s in suffixes):
                name = entry
            else:
                continue
            if name and "." not in name and name != "__init__":
                names.add(name)
    return sorted(names)


def _load() -> None:
    found = [importlib.import_module(f"{__name__}.{name}").LAYOUT for name in module_names()]
    for layout in sorted(found, key=lambda layout: layout.language):
        _LAYOUTS[layout.code] = layout


def layouts() -> tuple[Layout, ...]:
    """The registered layouts: the modules of this package, in the order of their
    languages' English names (the UN's order of the six), then those registered."""
    if not _LAYOUTS:
        _load()
    return tuple(_LAYOUTS.values())


def get(code: str) -> Layout:
    layouts()
    return _LAYOUTS[code]


def register(layout: Layout) -> None:
    """Teach docdiff a layout at run time (or replace the one with its code); the
    combined patterns are rebuilt on their next use."""
    layouts()
    _LAYOUTS[layout.code] = layout
    _changed()


def unregister(code: str) -> None:
    layouts()
    del _LAYOUTS[code]
    _changed()


def on_change(listener: Callable[[], None]) -> None:
    """Call ``listener`` whenever a layout is registered or removed."""
    _LISTENERS.append(listener)


def _changed() -> None:
    for listener in _LISTENERS:
        listener()


def each(attribute: str) -> Iterator[object]:
    """The field ``attribute`` of every layout, in order."""
    return (getattr(layout, attribute) for layout in layouts())
