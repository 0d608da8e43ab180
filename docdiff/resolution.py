"""Resolutions, decisions and their drafts: text to ``Document``.

A resolution is read by its own structure, not the report's:

1. ``pages``: the text is cut into pages (PDF text joins pages with an empty
   line; a blank line inside a page holds white space; where the reader gives
   the pages, ``Line.page``, by them).  At the top and the
   foot of every page after the first, the running head is dropped: groups of
   lines (parted by blank lines) made of furniture (symbol, job number, page
   ``2/4``) and pieces of the title, in any order, as long as a group of pure
   furniture stands at or beyond them.  Below a rule of underscores, the rest
   of the page is its footnotes.  A running head or footer inside a page is a
   page break that was lost (a PDF typeset again from text, text pasted without
   its form feeds): the page is cut there (``cut_pages_at_furniture``).
2. ``_masthead``: everything above the enacting formula ("The General
   Assembly,") is masthead: symbol, distribution, date, session, agenda items,
   the adoption line, the committee line, the number and title ("78/18. …"),
   a draft's sponsors ("Egypt: draft resolution") and title.
3. ``_paragraphs``: the body is cut at blank lines (a page break is no
   paragraph break unless the line before it ends a paragraph and the line
   after it opens one); a block that starts with a paragraph number (alone on
   its line or before the text) is operative, the blocks before the first one
   are preambular paragraphs (one each; inside a block without blank lines, a
   line that ends with a comma or semicolon followed by a line opening with a
   participle starts a new one).  Lettered sub-paragraphs "(a)" and text
   that goes on after a page break stay in their paragraph (joined as lines
   are joined: one space).
4. Closing lines ("52nd plenary meeting", the date) go to ``FrontMatter.closing``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from . import conventions as cv
from .model import TYPE_CHECKING, Document, FrontMatter, Metadata, Paragraph, Section
from .parsing.body import paragraph_number, paragraph_text
from .parsing.front import agenda_items_text, find_date, find_languages
from .parsing.furniture import page_furniture
from .parsing.joining import Vocabulary, join_lines, join_text
from .parsing.language import detect_language
from .parsing.lines import Line, is_reader_heading, numbered_by_reader, page_breaks, page_separator
from .parsing.paragraphs import RESTART_LOOKAHEAD, accept_number, repeated_warning, repeats_number, restarts
from .record import replace

if TYPE_CHECKING:
    from .model import DocumentKind


def split_pages(lines: list[Line]) -> list[list[Line]]:
    """Pages of PDF text: parted by a line that is empty (not white space), or
    where the reader gives the pages (``Line.page``), by them."""
    pages: list[list[Line]] = [[]]
    starts = set(page_breaks(lines))
    for k, ln in enumerate(lines):
        if starts and ln.number in starts and pages[-1]:
            pages.append([])
        if page_separator(ln, lines[k + 1] if k + 1 < len(lines) else None):
            if not starts and pages[-1]:
                pages.append([])
        else:
            pages[-1].append(ln)
    return [p for p in pages if p]


def _groups(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines, parted by blank ones."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for ln in lines:
        if ln.text:
            current.append(ln)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _title_key(text: str) -> str:
    """A title's letters alone: however a running head wraps and hyphenates it."""
    return re.sub(r"[\s\-\u2010\u2011]", "", unicodedata.normalize("NFKC", text)).casefold()


def is_title_piece(text: str, titles: list[str]) -> bool:
    """A line of a running head that repeats the title (wrapped anyhow)."""
    key = _title_key(text)
    return len(key) >= 3 and any(key in title for title in titles)


def _headlike(text: str, titles: list[str]) -> bool:
    """A line a running head can hold: furniture or a piece of the title."""
    return cv.is_furniture(text) or is_title_piece(text, titles)


def running_head_lines(page: list[Line], titles: list[str], from_end: bool) -> set[int]:
    """Line numbers of the running head at one edge of a page."""
    groups = _groups(page)
    if from_end:
        groups.reverse()
    taken: list[tuple[list[Line], bool]] = []  # (group, pure furniture)
    for group in groups:
        furniture = all(cv.is_furniture(ln.text) for ln in group)
        headlike = all(_headlike(ln.text, titles) for ln in group)
        if not headlike:
            break
        taken.append((group, furniture or any(cv.is_furniture(ln.text) for ln in group)))
    # title pieces count where furniture stands at or beyond them, or where the
    # group right after the furniture spells a good part of the title (a running
    # head in the order symbol, page, title)
    last_furniture = max((k for k, (_, furniture) in enumerate(taken) if furniture), default=-1)
    keep = last_furniture + 1
    if last_furniture >= 0 and keep < len(taken) and _spells_title(taken[keep][0], titles):
        keep += 1
    return {ln.number for group, _ in taken[:keep] for ln in group}


def _spells_title(group: list[Line], titles: list[str]) -> bool:
    key = _title_key(" ".join(ln.text for ln in group))
    return any(key in title and len(key) * 2 >= len(title) for title in titles)


# ----------------------------------------------------------------------------- masthead

#: "78/18. Title"; the Arabic editions part number and title with a dash ("78/18 - …").
_RESOLUTION_NUMBER = re.compile(r"^(?P<number>\d{1,3}/\d{1,4}(?:\s?[A-Z])?)(?:\s*\.|\s+[-–—])\s+(?P<title>\S.*)$")
#: A Security Council resolution's number and year, in whatever words its line prints them.
_COUNCIL_NUMBER = re.compile(r"(?P<number>\d{1,5})\s*\((?P<year>\d{4})\)")


#: Between two sponsors: a comma (Latin, Chinese, Arabic), the Chinese enumeration comma, " and ".
_SPONSORS_SEPARATOR = re.compile(r"[,，،、]\s*|\s+and\s+")


def _kind(match: re.Match[str]) -> Literal["resolution", "decision"] | None:
    """The kind a line names: its group ``what``, or a layout's own (``zh``, ``ar``);
    ``None`` where the line leaves it unsaid."""
    what = next((kind for kind in match.groupdict().values() if kind), None)
    if what is None:
        return None
    return "decision" if what.casefold() in cv.DECISION_WORDS else "resolution"


def _find_iso_date(text: str) -> str | None:
    """The date a line prints, as ISO 8601 (the masthead's rule)."""
    return find_date([text])


#: What a masthead line that opens an element of its own is ("one": the element is that line).
_Opening = Literal["one", "date", "adopted", "committee", "number", "agenda", "sponsors"]


def _opens(text: str) -> _Opening | None:
    """The element a masthead line opens, read from the line alone; ``None`` for
    a line that goes on whatever stands above it (a wrapped title, the date of
    the adoption line)."""
    if cv.DATE_LINE.match(text):
        return "date"
    if (cv.DOCUMENT_SYMBOL.fullmatch(text) or cv.DISTRIBUTION.match(text) or cv.is_masthead_words(text) or cv.MAIN_COMMITTEE.match(text) or cv.is_furniture(text)
            or cv.ORIGINAL_LANGUAGE.match(text) or text.casefold() in cv.LANGUAGES or cv.RESOLUTION_LINE.match(text)):
        return "one"
    if cv.AGENDA_ITEMS.match(text):
        return "agenda"
    if cv.ADOPTED_BY.match(text):
        return "adopted"
    if text.startswith("["):
        return "committee"
    if _RESOLUTION_NUMBER.match(text):
        return "number"
    if cv.SPONSORS.match(text):
        return "sponsors"
    return None


def masthead_head(lines: list[Line]) -> int:
    """How many of ``lines`` (no blank ones) open the text as a masthead: each a
    masthead element of its own (``_opens``: a symbol, an organ, the
    distribution, a date, a language, a session, agenda items, furniture) or,
    laid out in columns, pieces that each are one."""
    for k, ln in enumerate(lines):
        pieces = [" ".join(p.split()) for p in re.split(r"\t+|\s{2,}", ln.raw.strip()) if p.strip()]
        if not pieces or not all(_opens(p) in ("one", "date", "agenda") for p in pieces):
            return k
    return len(lines)


def _goes_on(opening: _Opening | None, block: list[str]) -> bool:
    """Whether a line that opens nothing, parted from ``block`` by a blank line,
    still belongs to it: a Word masthead is one paragraph per line, so a blank
    line parts every line; what a line opens, not the blank lines, says where
    an element ends."""
    if opening == "adopted":
        return _find_iso_date(" ".join(block)) is None
    if opening == "committee":
        return not block[-1].endswith("]")
    return opening in ("number", "agenda", None)


def masthead_blocks(front: list[Line]) -> list[list[str]]:
    """The masthead's elements, each a list of lines: a line that opens an element
    (``_opens``) starts a block; a line that opens none goes on the block above
    when it stands right under it (no blank line), or, across a blank line, when
    that block is an element still open (``_goes_on``).  Laid out with blank
    lines between the elements, without any, or with one between every two
    lines (a Word masthead), the same masthead gives the same blocks."""
    blocks: list[tuple[_Opening | None, list[str]]] = []
    for group in _groups(front):
        for k, ln in enumerate(group):
            opening = _opens(ln.text)
            if blocks:
                last_opening, last = blocks[-1]
                # the date of an adoption line wrapped before it ("… on" / "7 December 2020")
                dated = opening == "date" and last_opening == "adopted" and _goes_on(last_opening, last)
                if dated or (opening is None and last_opening not in ("one", "date", "sponsors")
                             and (k or _goes_on(last_opening, last))):
                    last.append(ln.text)
                    continue
            blocks.append((opening, [ln.text]))
    return [block for _, block in blocks]


def column_pieces(front: list[Line]) -> list[Line]:
    """The masthead's lines with a line laid out in columns ("United Nations
    S/RES/2719 (2023)", "Security Council   Distr.: General": pieces parted by
    runs of spaces or tabs) cut into its pieces, one line each, where every piece
    opens a masthead element of its own (``_opens``): the same masthead as the
    PDF's one piece per line."""
    out: list[Line] = []
    for ln in front:
        pieces = [p.strip() for p in re.split(r"\t+|\s{2,}", ln.raw.strip()) if p.strip()]
        if len(pieces) > 1 and all(_opens(" ".join(p.split())) in ("one", "date") for p in pieces):
            out.extend(Line(ln.number, " ".join(p.split()), p, None, ln.page) for p in pieces)
        else:
            out.append(ln)
    return out


def read_masthead(front: list[Line], vocabulary: Vocabulary) -> Metadata:
    """The masthead of a resolution, decision or draft, element by element
    (``masthead_blocks``): a General Assembly's, an Economic and Social
    Council's ("Resolution adopted by … on 4 December 2023", "78/18. Title") or
    a Security Council's ("Resolution 2719 (2023)", "Adopted by the Security
    Council at its 9518th meeting, on 21 December 2023")."""
    blocks = masthead_blocks(column_pieces(front))
    symbol = distribution = date = session = committee = adoption = number = title = meeting = None
    kind: DocumentKind | None = None
    original = language = None
    agenda: tuple[str, ...] = ()
    sponsors: tuple[str, ...] = ()
    agenda_title: str | None = None
    expect_title = False
    for block in blocks:
        joined = ""
        for piece in block:
            joined = join_text(joined, piece, vocabulary)
        if expect_title:
            title, expect_title = joined, False
            continue
        rest_lines: list[str] = []
        for k, text in enumerate(block):
            if symbol is None and cv.DOCUMENT_SYMBOL.fullmatch(text):
                symbol = text
            elif (m := cv.DISTRIBUTION.match(text)):
                distribution = m["value"]
            elif date is None and session is None and _find_iso_date(text) and cv.DATE_LINE.match(text):
                date = _find_iso_date(text)
            elif session is None and any(p.match(text) for p in cv.SESSION_PATTERNS):
                session = text
            elif committee is None and cv.MAIN_COMMITTEE.match(text):
                # a line of its own: an edited neighbour in its block (the session,
                # the agenda item) must not hide it (#16.10)
                committee = text
            elif cv.AGENDA_ITEMS.match(text):
                agenda = agenda_items_text(cv.AGENDA_ITEMS.match(text)["items"])  # type: ignore[index]
                tail = block[k + 1:]
                if tail:
                    agenda_title = ""
                    for piece in tail:  # (as a paragraph's lines: no space inside Chinese)
                        agenda_title = join_text(agenda_title, piece)
                break
            else:
                rest_lines.append(text)
        if not rest_lines:
            continue
        text = ""
        for piece in rest_lines:  # (as a paragraph's lines: no space inside Chinese)
            text = join_text(text, piece, vocabulary)
        lang, orig = find_languages(rest_lines)
        if orig:
            original = orig
            continue
        if lang and language is None:
            continue
        if (m := cv.RESOLUTION_LINE.match(text)) and number is None:
            # (as the symbol prints them, in every language: "2719 (2023)")
            printed = _COUNCIL_NUMBER.search(text)
            number = printed and f"{printed['number']} ({printed['year']})"
            kind = _kind(m) or "resolution"
        elif (m := cv.ADOPTED_BY.match(text)):
            # none where the line before said it ("Resolution 2719 (2023)")
            kind = _kind(m) or kind
            adoption = _find_iso_date(text)
            meeting = (found := cv.MEETING.search(text)) and found[0]
        elif text.startswith("[") and text.endswith("]"):
            committee = text
        elif (m := _RESOLUTION_NUMBER.match(joined)) and number is None:
            number, title = m["number"], m["title"]
        elif (m := cv.SPONSORS.match(text)):
            # ("draft decision", "决定草案", "مشروع مقرر": the kind's word is in the words)
            what = m["what"].casefold()
            kind = "draft decision" if any(word in what for word in cv.DECISION_WORDS) else "draft resolution"
            sponsors = tuple(s.strip() for s in _SPONSORS_SEPARATOR.split(m["sponsors"]) if s.strip())
            expect_title = True
        elif cv.MAIN_COMMITTEE.match(text) and committee is None:
            committee = text
        elif _find_iso_date(text) and date is None:
            date = _find_iso_date(text)
    if kind is None:
        kind = "draft resolution" if (distribution or "").casefold() in cv.LIMITED_WORDS else "resolution"
    if title is None:
        title = agenda_title
    return Metadata(kind=kind, symbol=symbol, distribution=distribution, date=date, original_language=original,
                    session=session, title=title, agenda_items=agenda, resolution_number=number,
                    adoption_date=adoption, committee=committee, sponsors=sponsors, meeting=meeting)


# ----------------------------------------------------------------------------- body


#: The commas a preambular paragraph ends with (Latin and Cyrillic, Chinese full-width, Arabic).
_COMMAS = ",，،"


def _opens_preambular(previous: str, text: str) -> bool:
    """A line that ended with a comma or a semicolon, then a line opening with a
    capitalised participle ("Recalling", "Noting", "Deeply concerned"), or with
    one of the words a language that opens its preambular paragraphs in lower
    case opens them with ("ссылаясь", "отмечая"), starts another preambular
    paragraph."""
    if previous.rstrip()[-1:] not in _COMMAS + ";；" and not cv.ENDS_WITH_NOTE_MARK.search(previous):
        return False
    first = text.split(" ", 1)[0].rstrip(_COMMAS)  # ("Noting, …", "отмечая, что …")
    return (bool(first[:1].isupper()) and bool(cv.PREAMBLE_OPENER.match(first))) or bool(
        cv.LOWER_PREAMBLE_OPENER.match(first))


def _ends_paragraph(text: str) -> bool:
    return cv.ends_sentence(text) or text.rstrip()[-1:] in _COMMAS or bool(cv.ENDS_WITH_NOTE_MARK.search(text))


def body_blocks(lines: list[Line]) -> list[list[Line]]:
    """The body cut into blocks: at blank lines, and at page breaks where the
    line above ends a paragraph and the line below opens one."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    page_break = False
    for k, ln in enumerate(lines):
        if current and ln.page != current[-1].page:  # (a page the reader says starts here)
            page_break = True
        if page_separator(ln, lines[k + 1] if k + 1 < len(lines) else None):
            page_break = True
            continue
        if not ln.text:
            if current:
                blocks.append(current)
                current = []
            page_break = False
            continue
        # (a number alone on its line is never a paragraph's end: its text follows)
        bare_number = bool(current) and bool(cv.NUMBERED_PARAGRAPH.fullmatch(current[-1].text)) and not \
            cv.NUMBERED_PARAGRAPH.match(current[-1].text)["text"]  # type: ignore[index]
        opens_after_break = not bare_number and page_break and _ends_paragraph(current[-1].text if current else ".") and (
            ln.text[:1].isupper() or bool(cv.NUMBERED_PARAGRAPH.match(ln.text)))
        # a numbered paragraph or a closing line right under a line that ended one
        opens_inside = bool(current) and _ends_paragraph(current[-1].text) and bool(
            cv.NUMBERED_PARAGRAPH.match(ln.text) or cv.CLOSING_LINE.match(ln.text))
        if current and (opens_after_break or opens_inside or _opens_preambular(current[-1].text, ln.text)):
            blocks.append(current)
            current = []
        page_break = False
        current.append(ln)
    if current:
        blocks.append(current)
    return blocks


def page_starts(lines: list[Line]) -> frozenset[int]:
    """The line numbers of the first text line of each page after the first
    (the running head dropped): where the reader says the pages (``Line.page``),
    the first line on each; in text without them, the first after an empty line
    (blank lines may stand between); none where a reader that knows the
    paragraphs (Word) says no pages: its empty lines part paragraphs."""
    text = [ln for ln in lines if ln.text]
    if any(ln.page is not None for ln in text):
        return frozenset(b.number for a, b in zip(text, text[1:]) if b.page != a.page)
    if any(ln.block is not None for ln in lines):
        return frozenset()
    starts: set[int] = set()
    after_break = False
    for ln in lines:
        if ln.raw == "":
            after_break = True
        elif ln.text:
            if after_break:
                starts.add(ln.number)
            after_break = False
    return frozenset(starts)


def _measure(blocks: list[list[Line]]) -> int:
    """How many characters a full line holds: the longest line a paragraph goes on after."""
    return max((len(ln.text) for block in blocks for ln in block[:-1]), default=0)


def _goes_on_over_page(previous: str, text: str, measure: int) -> bool:
    """Text at the top of a page that opens with no capital or small letter (a
    Chinese or Arabic character, a digit), under a page that ended with a comma:
    it goes on the paragraph above where that line was full (the first word of
    ``text`` would not have fitted on it) and it opens with no preambular word."""
    first = text.split(" ", 1)[0]
    if not first or first[:1].isupper() or first[:1].islower() or _opens_preambular(previous, text):
        return False
    word = 1 if cv.is_wide(first[:1]) else len(first) + 1
    return len(previous) + word > measure


def build_sections(blocks: list[list[Line]], formula: Line | None, vocabulary: Vocabulary, by_reader: bool = False,
                   starts: frozenset[int] = frozenset()) -> tuple[tuple[Section, ...], tuple[str, ...], list[str]]:
    """Preamble and operative part from the body's blocks; the closing lines.
    Without an enacting formula (a decision), the paragraphs form one section.
    ``starts``: the lines that open a page (``page_starts``), where a paragraph
    of a script without case may go on (``_goes_on_over_page``).

    Where the reader knows more (Word, ``lines.Block``): a paragraph in a heading
    style opens a section of its own, titled by it, that holds the paragraphs
    under it; where the reader numbers paragraphs (``by_reader``), its numbers
    are the operative paragraphs' numbers, wherever they start, and a paragraph
    it does not number is none (in the operative part it goes on the numbered
    paragraph above it, as its lettered sub-paragraphs do), whatever its text
    starts with."""
    preamble: list[Paragraph] = []
    operative: list[Paragraph] = []
    headed: list[tuple[str, list[Paragraph]]] = []  # the sections a reader's headings open
    closing: list[str] = []
    warnings: list[str] = []
    numbers = [paragraph_number(b[0], by_reader) for b in blocks]
    measure = _measure(blocks) if starts else 0
    expected = 1
    current: tuple[int | None, list[str], int] | None = None  # number, pieces, line
    opened = -1  # the block of the last numbered paragraph
    target = preamble

    def close() -> None:
        if current is not None:
            target.append(Paragraph(current[0], join_lines(current[1], vocabulary), current[2]))

    for k, block in enumerate(blocks):
        texts = [ln.text for ln in block]
        if is_reader_heading(block[0]):
            close()
            current = None
            headed.append((" ".join(texts), []))
            target = headed[-1][1]
            continue
        n = numbers[k]
        following = [m for m in numbers[k + 1:k + 3] if m is not None]
        # a paragraph pasted twice: the open one's number again, no number read since
        # (Word printing the open paragraph's number again says so itself)
        repeated = (n is not None and current is not None and current[0] is not None and bool(current[1])
                    and not any(m is not None for m in numbers[opened + 1:k])
                    and (n == current[0] if by_reader else repeats_number(n, current[0], following, current[1][-1])))
        if repeated:
            warnings.append(repeated_warning(n, block[0].number))  # type: ignore[arg-type]
        # numbering that starts again at 1 (an annex, the resolution pasted twice)
        restart = n == 1 and target is not preamble and (expected > 1 if by_reader else restarts(
            expected, [m for m in numbers[k + 1:] if m is not None][:RESTART_LOOKAHEAD]))
        if restart:
            warnings.append(f"paragraph numbering restarts at 1 after {expected - 1} (line {block[0].number}): "
                            "an annex or another document? its paragraphs are kept, numbered as printed")
        if n is not None and (by_reader or repeated or restart or accept_number(n, expected, following)):
            close()
            opened = k
            if target is preamble:
                target = operative
            first = paragraph_text(block[0], by_reader)
            current = (n, ([first] if first else []) + texts[1:], block[0].number)
            expected = n + 1
            continue
        if target is not preamble and all(cv.CLOSING_LINE.match(t) or _is_date_only(t) for t in texts) \
                and (closing or any(cv.CLOSING_LINE.match(t) for t in texts)):
            closing.extend(texts)
            continue
        if current is not None and (not current[1] or cv.LIST_ITEM.match(texts[0])
                                    or (texts[0][:1].islower() and not _opens_preambular(current[1][-1], texts[0]))
                                    or not _ends_paragraph(current[1][-1] if current[1] else ".")
                                    or (block[0].number in starts  # (the line as printed, its number too)
                                        and _goes_on_over_page(blocks[k - 1][-1].text, texts[0], measure))
                                    or (by_reader and current[0] is not None)):
            # a lettered sub-paragraph, or text that goes on after a break
            current[1].extend(texts)
            continue
        close()
        current = (None, texts, block[0].number)
    close()
    after = tuple(Section("section", title, None, tuple(paragraphs)) for title, paragraphs in headed)
    if formula is None:
        return (Section("section", "", None, tuple(preamble + operative)), *after), tuple(closing), warnings
    sections = [Section("preamble", formula.text, None, tuple(preamble))]
    if operative:
        sections.append(Section("operative", "", None, tuple(operative)))
    return (*sections, *after), tuple(closing), warnings


def _is_date_only(text: str) -> bool:
    return _find_iso_date(text) is not None and bool(cv.DATE_LINE.match(text))


# ----------------------------------------------------------------------------- entry point


def find_body_start(lines: list[Line]) -> tuple[int, bool] | None:
    """Where a resolution's or decision's body starts: the enacting formula
    ("The General Assembly,"), with no numbered paragraph above it; or, for a
    decision without a formula, the last line of its number and title
    ("78/507. Title") under the adoption line.  The flag says which."""
    for k, ln in enumerate(lines):
        if cv.ENACTING_FORMULA.match(ln.text):
            return k, True
        if k > MASTHEAD_LINES or cv.numbered_paragraph(ln.text):
            break
    adopted = next((k for k, ln in enumerate(lines[:MASTHEAD_LINES]) if cv.ADOPTED_BY.match(ln.text)), None)
    if adopted is None:
        return None
    number = next((k for k in range(adopted + 1, min(len(lines), adopted + 40))
                   if _RESOLUTION_NUMBER.match(lines[k].text)), None)
    if number is None:
        return None
    end = number
    while end + 1 < len(lines) and lines[end + 1].text:
        end += 1
    return end, False


#: How far down the first page a masthead reaches (in lines, blank ones counted).
MASTHEAD_LINES = 120


def parse_resolution(lines: list[Line], start: tuple[int, bool], source: str | None) -> Document:
    """A resolution or decision whose body starts at ``start`` (``find_body_start``)."""
    formula_at, has_formula = start
    pages = split_pages(lines)
    formula = lines[formula_at] if has_formula else None
    front_lines = lines[:formula_at] if has_formula else lines[:formula_at + 1]
    vocabulary = Vocabulary("\n".join(ln.text for ln in lines))
    metadata = read_masthead(front_lines, vocabulary)
    titles = [_title_key(t) for t in (metadata.title,) if t]
    # the agenda title (the lines under "Agenda item 95") may differ from the
    # resolution's: the running heads repeat either
    for group in _groups(front_lines):
        at = next((k for k, ln in enumerate(group) if cv.AGENDA_ITEMS.match(ln.text)), None)
        if at is not None and group[at + 1:]:
            titles.append(_title_key(" ".join(ln.text for ln in group[at + 1:])))

    pages = cut_pages_at_furniture(pages, formula_at, titles)
    furniture = {ln.number for ln in page_furniture(lines)}  # (a symbol or number inside a page is text)
    dropped: set[int] = set()
    notes: list[str] = []
    note_lines: set[int] = set()
    for i, page in enumerate(pages):
        if i:
            dropped |= running_head_lines(page, titles, from_end=False)
        dropped |= running_head_lines(page, titles, from_end=True)
        rule = next((k for k, ln in enumerate(page) if cv.RULE.fullmatch(ln.text) and ln.number > formula_at + 1
                     and ln.number in furniture), None)
        if rule is not None:
            dropped.add(page[rule].number)
            below = [ln for ln in page[rule + 1:] if ln.number not in dropped and not cv.is_furniture(ln.text)]
            note_lines |= {ln.number for ln in below}
            notes.extend(_notes(below, len(notes) + 1))
    body = [ln for ln in lines[formula_at + 1:]
            if ln.number not in dropped and ln.number not in note_lines
            and ln.number not in furniture]
    blocks = body_blocks(body)
    sections, closing, warnings = build_sections(blocks, formula, vocabulary, numbered_by_reader(body),
                                                 page_starts(body))
    meeting = next((t for t in closing if cv.CLOSING_LINE.match(t)), metadata.meeting)
    language = detect_language(" ".join(ln.text for ln in body[:200]))
    metadata = replace(metadata, meeting=meeting, language=language)
    return Document(metadata=metadata, sections=sections,
                    front=FrontMatter(footnotes=tuple(notes), closing=closing,
                                      masthead=tuple(ln.text for ln in front_lines
                                                     if ln.text and not cv.is_furniture(ln.text))),
                    source=source, warnings=tuple(warnings))


def cut_pages_at_furniture(pages: list[list[Line]], formula_at: int, titles: list[str]) -> list[list[Line]]:
    """A running head or footer inside a page marks a page break that was lost
    (a PDF typeset again from text, text pasted without its form feeds): the
    page is cut before the group of lines that holds it (furniture and title
    pieces only, parted from the text by blank lines) where text stands above
    and below that group, so that the running head is dropped at the top of the
    page after the cut, and a rule's notes end at the foot of the page before it."""
    out: list[list[Line]] = []
    for page in pages:
        while (cut := _furniture_inside(page, formula_at, titles)) is not None:
            out.append(page[:cut])
            page = page[cut:]
        out.append(page)
    return out


def _furniture_inside(page: list[Line], formula_at: int, titles: list[str]) -> int | None:
    """Where to cut ``page``: the first line of a running head inside it (a group
    of furniture and title pieces holding furniture below the enacting formula,
    with the title pieces' groups right above it), where text stands above and
    below; ``None`` where there is none."""
    spans: list[tuple[int, int]] = []  # [start, end) of each group of non-blank lines
    for k, ln in enumerate(page):
        if ln.text and (not spans or spans[-1][1] != k):
            spans.append((k, k + 1))
        elif ln.text:
            spans[-1] = (spans[-1][0], k + 1)
    head = [all(_headlike(ln.text, titles) for ln in page[a:b]) for a, b in spans]
    for g, (a, b) in enumerate(spans):
        if not head[g] or not any(ln.number > formula_at + 1 and cv.is_furniture(ln.text) for ln in page[a:b]):
            continue
        if all(head[:g]) or all(head[g + 1:]):
            continue  # at the page's edge: running_head_lines drops it
        top = g
        while not all(head[:top - 1]) and head[top - 1]:
            top -= 1  # the title pieces right above it, parted by blank lines
        return spans[top][0]
    return None


def _notes(lines: list[Line], expected: int) -> list[str]:
    """Footnotes below a rule: a note starts with its mark (1, 2 … in sequence,
    or a star); lines that do not go on the note above."""
    notes: list[str] = []
    for group in _groups(lines):
        for ln in group:
            mark = cv.PAGE_FOOTNOTE.match(ln.text)
            value = mark[0].strip() if mark else ""
            if mark and (value.startswith("*") or int(value) == expected or not notes):
                notes.append(ln.text)
                expected += 0 if value.startswith("*") else 1
            elif notes:
                notes[-1] = join_text(notes[-1], ln.text)
            else:
                notes.append(ln.text)
    return notes
