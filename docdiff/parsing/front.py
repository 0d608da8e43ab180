"""Stage 3: the front matter: masthead metadata (symbol, date, languages, session, agenda), title, summary, notes, contents."""

from __future__ import annotations

import re

from .. import conventions as cv
from ..model import TYPE_CHECKING, ContentsEntry, FrontMatter, Metadata, Paragraph, Section
from ..similarity import title_key
from .headings import ends_with_connector
from .joining import Vocabulary, join_lines, join_text
from .language import detect_language
from .lines import Line, blocks, display_width, fold, indent

if TYPE_CHECKING:
    from ..model import DocumentKind

def _columns(raw: str) -> list[str]:
    """Pieces of a masthead line laid out in columns (runs of spaces or tabs);
    where the columns are parted by one space only (the text of a PDF that
    LibreOffice made: "Nations Unies A/67/280–S/2012/614"), a piece that starts
    with an organ's name, a session or a year is cut after it."""
    return [part for p in re.split(r"\t+|\s{2,}", raw.strip()) if p.strip() for part in _after_words(p.strip())]


def _after_words(piece: str) -> list[str]:
    """``piece`` cut after the masthead words it starts with ("Assemblée générale" |
    "Distr. générale"), where what follows is a masthead element too (again cut);
    the piece itself where there is no such cut (a pattern that takes any words
    after its first, "الدورة .+", matches a session's first words)."""
    if not cv.starts_with_masthead_words(piece):  # (no k below could be cut after: most lines)
        return [piece]
    words = piece.split(" ")
    for k in range(len(words) - 1, 0, -1):
        if not cv.is_masthead_words(" ".join(words[:k])):
            continue
        rest = _after_words(" ".join(words[k:]))
        if _is_element(rest[0]):
            return [" ".join(words[:k]), *rest]
    return [piece]


def _is_element(piece: str) -> bool:
    """A masthead element alone: an organ, session or year, the symbol, the
    distribution, a date, a language or the original language."""
    return bool(cv.is_masthead_words(piece) or cv.DOCUMENT_SYMBOL.fullmatch(piece) or cv.DISTRIBUTION.match(piece)
                or cv.DATE_LINE.match(piece) or piece.casefold() in cv.LANGUAGES or cv.ORIGINAL_LANGUAGE.match(piece))


#: The report's summary as a ``Section(kind="summary")`` before the parts (the
#: shared design), or, until the comparison carries unnumbered paragraphs, in
#: ``FrontMatter.summary`` as before.
SUMMARY_AS_SECTION = False



def parse_front(all_lines: list[Line], front: list[Line], running_heads: list[str], body: list[Line]
                 ) -> tuple[Metadata, FrontMatter, Section | None]:
    # The masthead is the first page: read it with the furniture lines too (the
    # symbol line of an English masthead looks like a running head).
    last_front = front[-1].number if front else 0
    masthead = [ln for ln in all_lines if ln.number <= last_front and ln.text]
    pieces = [(ln, piece) for ln in masthead for piece in _columns(ln.raw)]

    summary_index = next((i for i, ln in enumerate(front) if cv.SUMMARY.match(ln.text)), None)
    contents_index = next((i for i, ln in enumerate(front) if cv.CONTENTS.match(ln.text)), None)
    # the label under the title ("Report of the Secretary-General"): known by its
    # words, or, reworded, by where it stands (see _label_index)
    title_index = next((i for i, ln in enumerate(front) if cv.REPORT_OF.match(ln.text)), None)
    if title_index is None:
        title_index = _label_index(front, summary_index, contents_index)
    title, title_start = None, title_index
    if title_index is not None and title_index > 0:
        # the report's title stands right above "Report of the Secretary-General",
        # on up to three lines with no blank line between them
        title_start = _title_start(front, title_index)
        title = strip_marks(join_lines([ln.text for ln in front[title_start:title_index]], Vocabulary()))
    head_end = min(i for i in (title_index, summary_index, contents_index, len(front)) if i is not None)

    symbol = _find_symbol(pieces, running_heads)
    date = find_date(piece for ln, piece in pieces if ln.number <= (front[head_end - 1].number if head_end else last_front))
    language, original = find_languages(piece for _, piece in pieces)
    if language is None:
        language = detect_language(" ".join(ln.text for ln in body[:200]))
    session = next((piece for _, piece in pieces if any(p.match(piece) for p in cv.SESSION_PATTERNS)), None)
    # "Distr.: General" / "Distr.: Limited", as a resolution's masthead gives it
    distribution = next((m["value"] for _, piece in pieces if (m := cv.DISTRIBUTION.match(piece))), None)
    agenda_items, titles = _agenda(front[:head_end] if title_start is None else front[:title_start])
    if title is None and titles:
        title = _TITLE_COLON.sub("", titles[0])  # the agenda's "… organizations:" introduces its items
    organisations = tuple(org for org in (_agenda_organisation(t) for t in titles)
                          if org and title_key(org) != title_key(_agenda_organisation(title or "") or ""))

    footnotes, used = _masthead_notes(front)  # (used: the lines that went somewhere)
    summary: list[Line] = []
    if summary_index is not None:
        for ln in front[summary_index + 1:]:
            if ln.text.startswith("*") or cv.CONTENTS.match(ln.text):
                break
            summary.append(ln)
        used.update(ln.number for ln in summary)
        if SUMMARY_AS_SECTION:
            used.add(front[summary_index].number)
    contents: list[ContentsEntry] = []
    if contents_index is not None:
        carry = ""  # a title that wraps: its first line has no page number
        for ln in front[contents_index + 1:]:
            if ln.number in used:
                continue
            used.add(ln.number)
            match = cv.CONTENTS_ENTRY.match(ln.raw.strip()) or cv.CONTENTS_ENTRY_GLUED.match(ln.text)
            if match:
                contents.append(ContentsEntry(join_text(carry, fold(match["title"])), int(match["page"])))
                carry = ""
            elif not cv.CONTENTS_HEADER.match(ln.text):
                carry = join_text(carry, ln.text)
            else:
                used.discard(ln.number)  # the column header stays with the masthead lines
        if carry:
            contents.append(ContentsEntry(carry, None))
    unplaced = tuple(ln.text for ln in front if ln.number not in used)
    label = strip_marks(front[title_index].text) if title_index is not None else None
    kind: DocumentKind = "report" if label is not None and cv.REPORT_LABEL.search(label) else "document"
    metadata = Metadata(kind=kind, symbol=symbol, distribution=distribution, date=date, language=language,
                        original_language=original,
                        session=session, title=title, label=label, agenda_items=agenda_items,
                        organisations=organisations)
    summary_section = None
    if summary_index is not None:
        paragraphs = tuple(Paragraph(None, join_lines([ln.text for ln in block], Vocabulary()), block[0].number)
                           for block in blocks(summary))
        summary_section = Section("summary", front[summary_index].text, None, paragraphs)
    return metadata, FrontMatter(footnotes=footnotes, contents=tuple(contents), masthead=unplaced), summary_section


_TITLE_COLON = re.compile(r"\s*[:：]$")


def _masthead_notes(front: list[Line]) -> tuple[tuple[str, ...], set[int]]:
    """The notes of the masthead ("* The present report was submitted …"), each
    from its "*" line on through the lines right under it (no blank line between,
    none a note, the label, the summary's or the contents' title: a note wrapped
    as a page sets it), and
    the numbers of their lines.  A note keeps its mark as printed, as the notes
    read from a page's foot do ("* The present …", "1 See A/63/666.")."""
    notes: list[str] = []
    used: set[int] = set()
    for k, ln in enumerate(front):
        if not ln.text.startswith("*"):
            continue
        note = [ln]
        for below in front[k + 1:]:
            if below.number != note[-1].number + 1 or below.text.startswith("*") or any(
                    p.match(below.text) for p in (cv.REPORT_OF, cv.SUMMARY, cv.CONTENTS, cv.CONTENTS_HEADER)):
                break
            note.append(below)
        used.update(line.number for line in note)
        notes.append(join_lines([line.text for line in note], Vocabulary()))  # its mark kept, as a page foot's
    return tuple(notes), used


def _title_start(front: list[Line], label_index: int) -> int:
    """Where the title above the label starts: up to three lines right above it,
    with no blank line between them, aligned with each other; a line that opens
    an agenda title ("Cooperation between the United Nations and …") is where it
    starts (a masthead without blank lines sets the agenda's titles right above)."""
    start = label_index - 1
    while (start > 0 and label_index - start < 3
           and not any(p.match(strip_marks(front[start].text)) for p in cv.AGENDA_TITLE)
           and front[start - 1].number == front[start].number - 1
           and _aligned(front[start - 1], front[start])
           and not cv.is_masthead_words(front[start - 1].text)
           and not cv.AGENDA_ITEMS.match(front[start - 1].text)):
        start -= 1
    return start


def _label_index(front: list[Line], summary_index: int | None, contents_index: int | None) -> int | None:
    """A label in words docdiff does not know ("Note by the Secretary-General",
    or "Report of the Secretary-General" reworded) is told by its place: a line
    standing alone right above the summary or the contents, under a title that
    is one of the agenda's titles.  None where the front is not laid out so."""
    ends = [i for i in (summary_index, contents_index) if i is not None]
    if not ends or min(ends) < 2:
        return None
    index = min(ends) - 1
    label, above = front[index], front[index - 1]
    if above.number == label.number - 1 or cv.is_masthead_words(label.text) or cv.AGENDA_ITEMS.match(label.text):
        return None  # part of a block, not a line of its own
    start = _title_start(front, index)
    title = strip_marks(join_lines([ln.text for ln in front[start:index]], Vocabulary()))
    _, titles = _agenda(front[:start])
    if not any(title_key(_TITLE_COLON.sub("", t)) == title_key(title) for t in titles):
        return None
    return index


def _aligned(upper: Line, lower: Line) -> bool:
    """Two lines of one block: flush (the same indent) or centred (the same middle)."""
    if abs(indent(upper) - indent(lower)) <= 2:
        return True
    return abs(_middle(upper) - _middle(lower)) <= 3


def _middle(line: Line) -> float:
    return indent(line) + display_width(line.text) / 2


def strip_marks(text: str) -> str:
    """Drop the footnote marks (``*``) after a title."""
    return text.rstrip("*").rstrip()


def _find_symbol(pieces: list[tuple[Line, str]], running_heads: list[str]) -> str | None:
    """The masthead's symbol; where it prints none (as Chinese editions), the
    running heads say it.  A joint report has one symbol for each organ."""
    found: list[str] = []
    for text in [piece for _, piece in pieces] + running_heads:
        if cv.DOCUMENT_SYMBOL.fullmatch(text):
            found.extend(s for s in re.split(r"\s*[–—]\s*|\s+|-(?=S/)", text) if s)
            if "S/" in text[1:] and not text.startswith("S/"):
                return _normalise_symbol(text)  # printed whole: A/65/382–S/2010/490
    if not found:
        return None
    assembly = [s for s in found if not s.startswith("S/")][:1]
    council = [s for s in found if s.startswith("S/")][:1]
    return "–".join(assembly + council)


def _normalise_symbol(symbol: str) -> str:
    return re.sub(r"\s*[–—-]\s*(?=S/)", "–", symbol)


def find_date(pieces) -> str | None:  # type: ignore[no-untyped-def]
    for piece in pieces:
        for pattern in cv.DATE_PATTERNS:
            match = pattern.search(piece)
            if not match:
                continue
            month_text = match["month"]
            month = int(month_text) if month_text.isdigit() else cv.MONTHS.get(month_text.casefold())
            day, year = int(match["day"]), int(match["year"])
            if month and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def find_languages(pieces) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    language = original = None
    for piece in pieces:
        match = cv.ORIGINAL_LANGUAGE.match(piece)
        if match:
            original = original or cv.LANGUAGES.get(match["language"].casefold(), match["language"])
        elif piece.casefold() in cv.LANGUAGES and language is None:
            language = cv.LANGUAGES[piece.casefold()]
    return language, original


def _agenda(lines: list[Line]) -> tuple[tuple[str, ...], list[str]]:
    """Agenda item numbers (122(a) … 122(w)) and the agenda titles after them."""
    start = next((i for i, ln in enumerate(lines) if cv.AGENDA_ITEMS.match(ln.text)), None)
    if start is None:
        return (), []
    text = cv.AGENDA_ITEMS.match(lines[start].text)["items"]  # type: ignore[index]
    i = start + 1
    while i < len(lines) and re.fullmatch(r"[\s\d()a-z、,，和–\-]+", lines[i].text):
        text += lines[i].text
        i += 1
    items = agenda_items_text(text)
    titles: list[str] = []
    previous = 0
    for ln in lines[i:]:
        text_line = strip_marks(ln.text)
        if cv.is_masthead_words(text_line) and not (titles and ends_with_connector(titles[-1])):
            previous = 0  # the other column's "Security Council", "Sixty-fifth year"
            continue
        # a title goes on at the next line, never across a blank line (what stands
        # after one is another title, or the masthead's other column)
        if any(p.match(text_line) for p in cv.AGENDA_TITLE) or not titles or ln.number != previous + 1:
            titles.append(text_line)
        else:
            titles[-1] = join_text(titles[-1], text_line)
        previous = ln.number
    # "… regional and other organizations: cooperation between the United Nations
    # and the African Union" holds two titles
    split: list[str] = []
    for title in titles:
        head, sep, rest = re.split(r"[:：]\s*", title, maxsplit=1)[0], ":" in title or "：" in title, ""
        if sep:
            rest = re.split(r"[:：]\s*", title, maxsplit=1)[1]
            rest = rest[:1].upper() + rest[1:]
        if rest and any(p.match(rest) for p in cv.AGENDA_TITLE):
            split += [head, rest]
        else:
            split.append(title)
    titles = [t for t in split if any(p.match(t) for p in cv.AGENDA_TITLE)]
    return tuple(items), titles


def agenda_items_text(text: str) -> tuple[str, ...]:
    """The items of "Agenda items 122 (a)-(w)" (the text after the words): "122(a)" … "122(w)"."""
    items: list[str] = []
    number = None
    for match in cv.AGENDA_ITEM.finditer(text):
        number = match["number"] or number
        letters = [match["letter"]]
        if match["to"] and len(match["to"]) == 1 and len(match["letter"]) == 1:
            letters = [chr(c) for c in range(ord(match["letter"]), ord(match["to"]) + 1)]
        items.extend(f"{number}({letter})" for letter in letters)
    # items without sub-items: "Agenda items 122 (a) and 123"
    numbers = {item.split("(")[0] for item in items}
    items.extend(n for n in re.findall(r"\b(\d+)\b(?!\s*\(?[a-z]{1,2}\))", text) if n not in numbers)
    return tuple(items)


def _agenda_organisation(title: str) -> str | None:
    for pattern in cv.AGENDA_TITLE:
        match = pattern.match(title)
        if match:
            org = match["org"].strip().rstrip(":：").strip()
            return cv.LEADING_ARTICLE.sub("", org)
    return None
