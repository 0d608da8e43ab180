"""What UN editions look like, as the patterns and tables the parser asks.

The parser holds no language-specific branches itself, and neither does this
module: what each language prints is its record in ``docdiff.layouts``
(``layouts/fr.py`` says what docdiff knows about French).  Here the records are
combined — every language's agenda words in one pattern, every month name in
one table — along with the few patterns that are the same in every language
(document symbols, page numbers, paragraph numbers).

The combined patterns are built on first use, not at import (most runs use a
few of them), and built again when a layout is registered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from . import (
    conventions as _self,  # (the built tables, through __getattr__ until built)
    layouts as _layouts,
)
from .model import TYPE_CHECKING
from .script import INVISIBLE, is_wide as is_wide

if TYPE_CHECKING:
    Pattern = re.Pattern[str]

# ----------------------------------------------------------------------------- numerals


def chinese_numeral_value(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23 (enough for part numbers)."""
    digits = _self.CHINESE_DIGITS
    if not text or any(ch not in digits and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    value = (digits.get(tens, 0) if tens else 1) * 10
    return value + (digits.get(units, 0) if units else 0)


ROMAN_VALUES = _layouts.ROMAN_VALUES


def roman_numeral_value(text: str) -> int | None:
    if not text or any(ch not in ROMAN_VALUES for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = ROMAN_VALUES[ch]
        if i + 1 < len(text) and ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


#: The tanween an Arabic ordinal may carry ("أولاً" for "أولا").
TANWEEN = "\u064b"


def part_value(numeral: str) -> int | None:
    return (chinese_numeral_value(numeral) or roman_numeral_value(numeral)
            or _self.ORDINALS.get(numeral.replace(TANWEEN, "")))


def subsection_value(letter: str) -> int | None:
    if "Ａ" <= letter <= "Ｚ":  # full-width, as Chinese editions may print it
        letter = chr(ord(letter) - ord("Ａ") + ord("A"))
    if len(letter) == 1 and "A" <= letter <= "Z":
        return ord(letter) - ord("A") + 1
    for sequence in _layouts.each("letters"):
        if letter in sequence:  # type: ignore[operator]
            return sequence.index(letter) + 1  # type: ignore[attr-defined, no-any-return]
    if letter in _self.LOOKALIKES:
        return subsection_value(_self.LOOKALIKES[letter])
    return None


def subsection_values(letter: str) -> tuple[int, ...]:
    """Every place in a sequence ``letter`` may stand for: a Cyrillic letter
    that looks like a Latin one is read in both alphabets (В: 3rd or 2nd)."""
    readings = [subsection_value(letter)]
    if letter in _self.LOOKALIKES:
        readings.append(subsection_value(_self.LOOKALIKES[letter]))
    return tuple(dict.fromkeys(value for value in readings if value))


_NUMBER_STOP = r"\s*[.．、]\s*|\s+[-–—]\s+"
#: A line that starts a list item: a bullet, or "(a)", "a)", "(iv)", a Cyrillic
#: "а)", an Arabic "(أ)", "(هـ)": never a heading.
_LIST_ITEM_PATTERN = (r"^(?:[•·▪◦●○■□‣⁃∙*-]|[–—]\s|[(（]?(?:[a-z]{1,2}|[а-я]|[ivx]{1,5}|\d{1,2})[)）]\s?"
                      r"|[(（][\u0621-\u064a]{1,2}\u0640?[)）]\s?)")
#: "3. 安全理事会…", "3.     The Security Council…" (never "3.5 million")
#: (some PDF extractors put the number alone on its line: "1." then the text);
#: Arabic editions: "1 - …" (a dash, not before a digit: "15 - 17 March" is no paragraph)
#: (any number a sequence from 1 can reach: past 18 digits a line is no paragraph)
_NUMBERED_PARAGRAPH_PATTERN = r"^(?P<number>\d{1,18})(?:\s*[.．](?!\d)|\s+[-–—](?=\s+\D))\s*(?P<text>.*)$"

def numbered_paragraph(text: str) -> re.Match[str] | None:
    """``NUMBERED_PARAGRAPH.match(text)``, tried only on a text that starts with a
    digit, as every match does (most lines do not: the test is cheaper than the match)."""
    return _self.NUMBERED_PARAGRAPH.match(text) if text[:1].isdigit() else None


#: Every character a list item can start with (``_LIST_ITEM_PATTERN``'s first
#: characters; a-z and the digits are tested apart).
_LIST_ITEM_FIRST = frozenset("•·▪◦●○■□‣⁃∙*-–—(（")


def is_list_item(text: str) -> bool:
    """``LIST_ITEM.match(text)``, tried only where the first character can start one."""
    first = text[:1]
    return (first in _LIST_ITEM_FIRST or "a" <= first <= "z" or "а" <= first <= "я" or first.isdigit()) \
        and _self.LIST_ITEM.match(text) is not None


# ----------------------------------------------------------------------------- furniture

#: The rule printed above a page's footnotes.
_RULE_PATTERN = r"_{3,}"

#: (a Security Council resolution's symbol is its number and year: S/RES/2719 (2023))
_SYMBOL = r"(?:(?:A|S|E|A/C\.\d)/(?:RES/)?\d+/[\w.\-/]*\w|S/RES/\d{1,5}\s?\(\d{4}\))"
#: A document symbol, single or joint (A/65/382–S/2010/490, with en dash or hyphen).
_DOCUMENT_SYMBOL_PATTERN = _SYMBOL + r"(?:\s*[–—-]\s*S/\d{4}/\d+)?"

#: A page number: "3", or "3/20" (page of pages, as editions from 2011 on print it).
_PAGE = r"\d{1,3}(?:\s?/\s?\d{1,3})?"


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and _may_be_furniture(stripped) and _self._ANY_FURNITURE.fullmatch(stripped) is not None


#: The first characters of the furniture patterns (``_furniture``) but the
#: recycling notes': a symbol's A, S or E, a bar code's star, a rule's
#: underscore (and a digit: a job number, a footer or a page number).
_FURNITURE_FIRST = frozenset("ASE*_")
_RECYCLING_SYMBOL = "A recycling symbol"


def _may_be_furniture(stripped: str) -> bool:
    """Could a line be furniture?  Only where one of ``_furniture``'s patterns
    can start it: most lines fail at the first character, where the whole
    pattern read each to its end for "…A recycling symbol…"."""
    first = stripped[0]
    return (first in _FURNITURE_FIRST or first.isdigit() or _RECYCLING_SYMBOL in stripped
            or _self._RECYCLE_NOTE.match(stripped) is not None)


# ----------------------------------------------------------------------------- masthead


def is_masthead_words(text: str) -> bool:
    """An organ's name, a session or a year, alone on its line."""
    return any(p.match(text) for p in _self._MASTHEAD_LINES)


def starts_with_masthead_words(text: str) -> bool:
    """Does ``text`` start with words that are ``is_masthead_words``, followed
    by a space?  (True wherever ``is_masthead_words(" ".join(words[:k]))`` for
    some ``k`` short of all of ``text.split(" ")``: the same patterns, ended by
    a look at the space instead of the line's end, in one match: a line of the
    summary or the contents is not tried word by word.)"""
    return _self._MASTHEAD_WORDS_FIRST.match(text) is not None


#: One agenda item or a range of them: "(a)", "a)", "(a)-(w)", "a) à w)".
#: (a number starts where no digit stands before it: tried inside a run of
#: digits, each start would read the rest of the run, quadratic)
#: (built from the layouts' range words: see ``_BUILDERS``)

#: A table-of-contents line: title, then a page number after a tab, dot leaders or spaces.
#: (an optional column of paragraph numbers, "2–3", stands before the page)
#: (the title never ends inside a run of leaders, and the leaders are taken
#: whole: a title could otherwise end at every dot of a long run and each try
#: read the rest of the run again, quadratic in the line)
_CONTENTS_ENTRY_PATTERN = (r"^(?P<title>.*?(?:[^\s.．…·]|[.．…·](?!\s?[.．…·])))"
                           r"(?:\t++|\s*+(?:[.．…·]\s?+){2,}+\s*+|\s{2,}+)"
                           r"(?:\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s+)?(?P<page>\d{1,3})$")
#: A contents line whose page number a PDF sets right after a Chinese title, with no
#: space ("东南亚国家联盟8": the tab stop drawn as no character).  Read so only among
#: the contents' lines: elsewhere a digit after an ideograph is a footnote mark.
_CONTENTS_ENTRY_GLUED_PATTERN = r"^(?P<title>.*[\u3400-\u4dbf\u4e00-\u9fff])(?P<page>\d{1,3})$"
#: A footnote at the foot of a page: its mark (a star or a number without a stop), then text.
_PAGE_FOOTNOTE_PATTERN = r"^(?:\*{1,3}|\d{1,2})\s+(?=\S)"

# ----------------------------------------------------------------------------- text

#: A footnote mark right after a sentence's end ("…Council.2", "…小组。1", "…organizations.*").
_NOTE_MARK_PATTERN = r"(?<=[.。．!?！？;；:：\"”’)）])(?:\d{1,2}|\*{1,3})$"


def ends_sentence(text: str) -> bool:
    closing, after = _self.CLOSING_PUNCTUATION, _self.CLOSING_AFTER
    text = text.rstrip()
    if text[-1:] == "*" or text[-1:].isdigit():  # (the only lines a note mark can end: \\d is a digit)
        text = _self._NOTE_MARK.sub("", text)
    while text and text[-1] in after:
        text = text[:-1].rstrip()
        if text and text[-1] in closing:
            return True
    return bool(text) and text[-1] in closing


def session_number(session: str | None) -> int | None:
    """The session's number from its printed form: 第六十五届会议 → 65, Sixty-fifth session → 65."""
    if not session:
        return None
    match = re.search(r"第([一二三四五六七八九十百]+)届", session)
    if match:
        text = match[1]
        hundreds = 0
        if "百" in text:
            head, _, text = text.partition("百")
            hundreds = (_self.CHINESE_DIGITS.get(head, 1) if head else 1) * 100
            text = text.lstrip("零")
        return hundreds + (chinese_numeral_value(text) or 0) if text else hundreds
    words = re.findall(r"[a-z]+", session.casefold())
    total = sum(_self.NUMBER_WORDS.get(w, 0) for w in words)
    return total or None


#: A line that ends with a footnote mark after a comma or a semicolon ("…Assembly,1").
_ENDS_WITH_NOTE_MARK_PATTERN = r"[,;:،，；：]\s?\d{1,2}\s*$"

# ----------------------------------------------------------------------------- built from the layouts


def _fragments(attribute: str) -> list[str]:
    """Every layout's fragments in ``attribute``, in order, each once."""
    return list(dict.fromkeys(f for value in _layouts.each(attribute) for f in value))  # type: ignore[attr-defined]


def _any(attribute: str) -> str:
    return "|".join(_fragments(attribute))


def _merged(attribute: str) -> dict[str, object]:
    merged: dict[str, object] = {}
    for value in _layouts.each(attribute):
        merged.update(value)  # type: ignore[call-overload]
    return merged


def _union(attribute: str) -> frozenset[str]:
    return frozenset(word for value in _layouts.each(attribute) for word in value)  # type: ignore[attr-defined]


def _chars(attribute: str) -> set[str]:
    return {ch for value in _layouts.each(attribute) for ch in value}  # type: ignore[attr-defined]


def _line(attribute: str, flags: int = re.I) -> Pattern:
    """A whole line that is one of the layouts' ``attribute``."""
    return re.compile(rf"^(?:{_any(attribute)})$", flags)


def _numbered(numbers: str) -> Pattern:
    return re.compile(rf"^(?P<number>{numbers})(?:{_NUMBER_STOP})(?P<title>\S.*)$")


def _furniture() -> tuple[Pattern, ...]:
    """Lines dropped wherever they fall: running heads, footers, job numbers, bar codes,
    the recycling note.  Each pattern matches a whole (stripped) line."""
    return tuple(re.compile(p) for p in (
        # (each symbol taken whole, atomically: "\s*[–—-]?\s*" inside a plain "(…)+"
        # could part the spaces between symbols two ways each, 2**n tries on a failing line)
        r"(?>" + _SYMBOL + r"\s*+(?:[–—-]\s*+)?)++",  # running head: the symbol(s) alone
        r"\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,3}(?:\s+\*\d+\*)?",  # job number (with dates)
        _PAGE + r"\s+\d{2}-\d{4,6}(?:\s*\([A-Z]\))?|\d{2}-\d{4,6}(?:\s*\([A-Z]\))?\s+" + _PAGE,  # footer
        _PAGE,  # page number alone
        r"\*\d{6,}\*",  # bar code
        rf"(?:{_any('recycle_patterns')}).*",
        rf".*{_RECYCLING_SYMBOL}.*",
        _RULE_PATTERN,  # rule above footnotes
    ))


def _contents() -> Pattern:
    return re.compile(rf"^(?:{_any('contents_patterns')})"
                      rf"(?:\s+(?:{_any('paragraphs_column_patterns')})?\s*(?:{_any('pages_column_patterns')}))?$", re.I)


def _contents_header() -> Pattern:
    return re.compile(rf"^(?:(?:{_any('paragraphs_column_patterns')})\s+)?(?:{_any('pages_column_patterns')})$", re.I)


def _adopted_by() -> Pattern:
    """"Resolution adopted by the General Assembly on 4 December 2023" (wrapped lines joined);
    "Adopted by the Security Council at its 9518th meeting, on 21 December 2023" (the kind unsaid)."""
    lines = "".join("|" + line for line in _fragments("adopted_line_patterns"))
    return re.compile(rf"^(?:(?:(?P<what>{_any('adopted_kind_patterns')})[,\s]+)?(?:{_any('adopted_by_patterns')})\b.*"
                      rf"{lines})$", re.I)


def _resolution_line() -> Pattern:
    """"Resolution 2719 (2023)" ("Резолюция 2719 (2023),"): a Security Council
    resolution's number and year, as its masthead prints them; or a layout's
    line in another order ("第2719(2023)号决议")."""
    lines = "".join("|" + line for line in _fragments("resolution_line_patterns"))
    return re.compile(rf"^(?:(?P<what>{_any('adopted_kind_patterns')})\s+\d{{1,5}}\s?\(\d{{4}}\)[,،]?{lines})$", re.I)


def _sponsors() -> Pattern:
    """A draft's sponsors: "Egypt: draft resolution", "Egypte : projet de résolution"."""
    return re.compile(rf"^(?P<sponsors>[^:：]+?)\s*[:：]\s*(?P<what>{_any('draft_patterns')})(?:\s+[IVX]+)?$", re.I)


def _agenda_item() -> Pattern:
    return re.compile(r"(?:(?<!\d)(?P<number>\d++))?\s*\(?(?P<letter>\b[a-z]{1,2})\)"
                      rf"(?:\s*(?:{_any('range_patterns')})\s*\(?(?P<to>[a-z]{{1,2}})\))?")


def _masthead_lines() -> tuple[Pattern, ...]:
    return (*_self.MASTHEAD_WORDS, *_self.SESSION_PATTERNS)


def _scripts() -> tuple[tuple[Pattern, tuple[str, ...]], ...]:
    languages: dict[str, list[str]] = {}
    for layout in _layouts.layouts():
        languages.setdefault(layout.script, []).append(layout.language)
    return tuple((re.compile(f"[{letters}]+"), tuple(names)) for letters, names in languages.items())


_BUILDERS: Mapping[str, Callable[[], object]] = {
    # the same in every language
    "LIST_ITEM": lambda: re.compile(_LIST_ITEM_PATTERN),
    "NUMBERED_PARAGRAPH": lambda: re.compile(_NUMBERED_PARAGRAPH_PATTERN),
    "RULE": lambda: re.compile(_RULE_PATTERN),
    "DOCUMENT_SYMBOL": lambda: re.compile(_DOCUMENT_SYMBOL_PATTERN),
    "PAGE_FOOTNOTE": lambda: re.compile(_PAGE_FOOTNOTE_PATTERN),
    "_NOTE_MARK": lambda: re.compile(_NOTE_MARK_PATTERN),
    "ENDS_WITH_NOTE_MARK": lambda: re.compile(_ENDS_WITH_NOTE_MARK_PATTERN),
    "CONTENTS_ENTRY": lambda: re.compile(_CONTENTS_ENTRY_PATTERN),
    "CONTENTS_ENTRY_GLUED": lambda: re.compile(_CONTENTS_ENTRY_GLUED_PATTERN),
    # numerals
    "CHINESE_DIGITS": lambda: _merged("digits"),
    "ORDINALS": lambda: _merged("ordinals"),
    "LOOKALIKES": lambda: _merged("lookalikes"),
    "NUMBER_WORDS": lambda: _merged("number_words"),
    #: "二. 联合国同…", "II. Cooperation …", "أولا - مقدمة"
    "PART_HEADING": lambda: _numbered(_any("part_patterns")),
    #: "A. Overall support …", "А. Общая поддержка", "ألف - …"
    "SUBSECTION_HEADING": lambda: _numbered(_any("subsection_patterns")),
    #: A part or subsection number alone on its line: "II.", "B.", "二、".
    "BARE_HEADING_NUMBER": lambda: re.compile(rf"(?:{_any('bare_number_patterns')})\s*[.．、]"),
    # furniture
    #: The annexes after the body: "Annex", "Annex II", "Annexe", "Anexo", "Приложение", "附件", "المرفق".
    "ANNEX": lambda: re.compile(rf"^(?:{_any('annex_patterns')})(?:\s+[IVX]+|\s*[一二三四五六七八九十]+)?\b.*$", re.I),
    "FURNITURE": _furniture,
    "_ANY_FURNITURE": lambda: re.compile("|".join(f"(?:{p.pattern})" for p in _self.FURNITURE)),
    #: The start of a recycling note (a furniture pattern without its ".*").
    "_RECYCLE_NOTE": lambda: re.compile(f"(?:{_any('recycle_patterns')})"),
    # masthead
    "MONTHS": lambda: _merged("months"),
    #: "20 September 2010", "20 de septiembre de 2010", "20 сентября 2010 года", "2010年9月20日"
    "DATE_PATTERNS": lambda: tuple(re.compile(p) for p in _fragments("date_patterns")),
    #: Language names as printed on mastheads, in the six official languages.
    "LANGUAGES": lambda: _merged("language_names"),
    "ORIGINAL_LANGUAGE": lambda: re.compile(rf"^(?:{_any('original_patterns')})\s*[:：]\s*(?P<language>\S+)", re.I),
    #: A session alone on a masthead line.
    "SESSION_PATTERNS": lambda: (_line("session_patterns"),),
    #: The organs' names and the Security Council's year, alone on a masthead line:
    #: neither the report's title nor part of an agenda title.
    "MASTHEAD_WORDS": lambda: (_line("organ_patterns"), _line("year_patterns")),
    "_MASTHEAD_LINES": _masthead_lines,
    "_MASTHEAD_WORDS_FIRST": lambda: re.compile(
        "|".join(rf"(?:{_any(a)})(?= )" for a in ("organ_patterns", "year_patterns", "session_patterns")), re.I),
    #: "议程项目 122(a)、(b)…", "Agenda item 122 (a)-(w)", "Point 122 a) à w) de l'ordre du jour",
    #: "Tema 122 a) a w) del programa", "Пункт 122 a)–w) повестки дня"
    "AGENDA_ITEMS": lambda: re.compile(rf"^(?:{_any('agenda_patterns')})\s*(?P<items>\d.*)$", re.I),
    "AGENDA_ITEM": _agenda_item,
    #: An article before an organisation's name: "the African Union", "l’Union africaine", "la Ligue…".
    "LEADING_ARTICLE": lambda: re.compile(rf"^(?:{_any('article_patterns')})", re.I),
    #: "联合国同X的合作", "Cooperation between the United Nations and X"
    "AGENDA_TITLE": lambda: tuple(re.compile(p, re.I) for p in _fragments("agenda_title_patterns")),
    "REPORT_OF": lambda: _line("report_of_patterns"),
    #: A label that names a report, in whatever words ("秘书长的报告", "Report of the Secretary-General on …").
    "REPORT_LABEL": lambda: re.compile(_any("report_label_patterns"), re.I),
    "SUMMARY": lambda: _line("summary_patterns"),
    "CONTENTS": _contents,
    "CONTENTS_HEADER": _contents_header,
    # text
    #: A line that ends here ends its sentence: the paragraph may stop after it.
    "CLOSING_PUNCTUATION": lambda: _chars("sentence_end"),
    "CLOSING_AFTER": lambda: _chars("closing_after"),
    #: A heading line ending in one of these words goes on at the next line.
    "HEADING_CONNECTORS": lambda: set(_union("connectors")),
    "HEADING_CONNECTOR_CHARS": lambda: _chars("connector_chars"),
    #: First parts of words that are always hyphenated (twenty-one … ninety-ninth,
    #: vingt-deux): a line that ends in one of them and a hyphen is not a wrap.
    "COMPOUND_HEADS": lambda: set(_union("compound_heads")),
    #: Punctuation that NFKC leaves apart but readers take for the same mark
    #: (the layouts'), and the characters no script prints (``script.INVISIBLE``).
    "SAME_PUNCTUATION": lambda: {**INVISIBLE, **_merged("same_punctuation")},
    #: Words that tell alphabetic languages apart in running text.
    "LANGUAGE_MARKERS": lambda: {layout.language: set(layout.markers) for layout in _layouts.layouts()
                                 if layout.markers},
    #: The scripts the layouts are printed in, each with the languages printed in it:
    #: (a pattern matching runs of its letters, (language, …)), in the layouts' order.
    "SCRIPTS": _scripts,
    # resolutions and decisions
    #: The enacting formula that opens a resolution's body: "The General Assembly,",
    #: "L'Assemblée générale,", "La Asamblea General,", "Генеральная Ассамблея,", "大会，", "إن الجمعية العامة،".
    "ENACTING_FORMULA": lambda: re.compile(rf"^(?:{_any('enacting_patterns')})\s*[,，،]$"),
    #: "Distr.: General", "Distr. : Limitée", "Distr. générale" (French prints it with no colon too),
    #: "Distr.: Limitada", "Distr.: Ограниченное"
    "DISTRIBUTION": lambda: re.compile(rf"^(?:{_any('distribution_patterns')})\s*[:：]?\s*(?P<value>\S.*)$", re.I),
    "LIMITED_WORDS": lambda: set(_union("limited_words")),
    #: A masthead line that is a date and nothing more ("6 December 2023").
    "DATE_LINE": lambda: _line("date_line_patterns", 0),
    "ADOPTED_BY": _adopted_by,
    "RESOLUTION_LINE": _resolution_line,
    #: "9518th meeting" (of "Adopted by the Security Council at its 9518th meeting, on …").
    "MEETING": lambda: re.compile(_any("meeting_patterns"), re.I),
    "DECISION_WORDS": lambda: set(_union("decision_words")),
    "SPONSORS": _sponsors,
    #: "First Committee", "Sixth Committee", "Première Commission", "Primera Comisión", "Первый комитет".
    "MAIN_COMMITTEE": lambda: _line("committee_patterns"),
    #: First words that open a preambular paragraph: a participle or an adjective
    #: of the enacting body ("Recalling", "Noting", "Convinced", "Deeply concerned",
    #: "Rappelant", "Recordando", "Convaincue").
    "PREAMBLE_OPENER": lambda: _line("preamble_patterns", 0),
    #: The same, in the editions that open a preambular paragraph in lower case ("ссылаясь").
    "LOWER_PREAMBLE_OPENER": lambda: _line("lower_preamble_patterns", 0),
    #: The closing line of an adopted resolution: "52nd plenary meeting", "52e séance plénière",
    #: "52ª sesión plenaria", "52-е пленарное заседание", "第52次全体会议".
    "CLOSING_LINE": lambda: _line("closing_line_patterns"),
}

if TYPE_CHECKING:
    LIST_ITEM: Pattern
    NUMBERED_PARAGRAPH: Pattern
    RULE: Pattern
    DOCUMENT_SYMBOL: Pattern
    PAGE_FOOTNOTE: Pattern
    _NOTE_MARK: Pattern
    ENDS_WITH_NOTE_MARK: Pattern
    CONTENTS_ENTRY: Pattern
    CONTENTS_ENTRY_GLUED: Pattern
    CHINESE_DIGITS: dict[str, int]
    ORDINALS: dict[str, int]
    LOOKALIKES: dict[str, str]
    NUMBER_WORDS: dict[str, int]
    PART_HEADING: Pattern
    SUBSECTION_HEADING: Pattern
    BARE_HEADING_NUMBER: Pattern
    ANNEX: Pattern
    FURNITURE: tuple[Pattern, ...]
    _ANY_FURNITURE: Pattern
    _RECYCLE_NOTE: Pattern
    MONTHS: dict[str, int]
    DATE_PATTERNS: tuple[Pattern, ...]
    LANGUAGES: dict[str, str]
    ORIGINAL_LANGUAGE: Pattern
    SESSION_PATTERNS: tuple[Pattern, ...]
    MASTHEAD_WORDS: tuple[Pattern, ...]
    _MASTHEAD_LINES: tuple[Pattern, ...]
    _MASTHEAD_WORDS_FIRST: Pattern
    AGENDA_ITEMS: Pattern
    AGENDA_ITEM: Pattern
    LEADING_ARTICLE: Pattern
    AGENDA_TITLE: tuple[Pattern, ...]
    REPORT_OF: Pattern
    REPORT_LABEL: Pattern
    SUMMARY: Pattern
    CONTENTS: Pattern
    CONTENTS_HEADER: Pattern
    CLOSING_PUNCTUATION: set[str]
    CLOSING_AFTER: set[str]
    HEADING_CONNECTORS: set[str]
    HEADING_CONNECTOR_CHARS: set[str]
    COMPOUND_HEADS: set[str]
    SAME_PUNCTUATION: dict[str, str]
    LANGUAGE_MARKERS: dict[str, set[str]]
    SCRIPTS: tuple[tuple[Pattern, tuple[str, ...]], ...]
    ENACTING_FORMULA: Pattern
    DISTRIBUTION: Pattern
    LIMITED_WORDS: set[str]
    DATE_LINE: Pattern
    ADOPTED_BY: Pattern
    RESOLUTION_LINE: Pattern
    MEETING: Pattern
    DECISION_WORDS: set[str]
    SPONSORS: Pattern
    MAIN_COMMITTEE: Pattern
    PREAMBLE_OPENER: Pattern
    LOWER_PREAMBLE_OPENER: Pattern
    CLOSING_LINE: Pattern


def __getattr__(name: str) -> object:
    """A combined table or pattern, built from the layouts on first use (then a plain global)."""
    try:
        builder = _BUILDERS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = globals()[name] = builder()
    return value


def _forget() -> None:
    """A layout was registered or removed: build the tables again on next use."""
    for name in _BUILDERS:
        globals().pop(name, None)


def built_names() -> Iterable[str]:
    """The names built from the layouts."""
    return tuple(_BUILDERS)


_layouts.on_change(_forget)
