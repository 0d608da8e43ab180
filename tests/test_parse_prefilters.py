"""The parser's cheap tests before its regular expressions (#14.2): each faster
rule gives what the rule it replaced gives, the old rule kept here as the key.

The texts are drawn from the characters the rules look at (digits of several
scripts, stars, stops, closing quotes and brackets, bullets, white space of
every kind) mixed with any text, so that the edge of each rule is reached."""

from __future__ import annotations

import sys

from hypothesis import given, settings, strategies as st

from docdiff import conventions as cv
from docdiff.parsing.lines import Line, fold, indent

#: Every white space character ``str.split`` parts on.
WHITE_SPACE = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
#: Characters the rules turn on: digits (ASCII, full-width, Arabic-Indic, superscript),
#: note marks, stops and closing marks of the six layouts, bullets and brackets.
EDGE = ("0123456789１２３٣²*.。．!?！？;；:：,，\"”’')）」』》】»]…-–—•·▪◦●○■□‣⁃∙(（"
        "aivxzAIVXZ一二十ألف")
texts = st.one_of(
    st.text(alphabet=st.sampled_from(EDGE + " \t\u3000\xa0"), max_size=12),
    st.text(alphabet=st.sampled_from(EDGE + WHITE_SPACE), max_size=12),
    st.text(max_size=20),
    st.builds(lambda a, b: a + b, st.text(max_size=10), st.text(alphabet=st.sampled_from(EDGE), max_size=4)),
)


def ends_sentence_by_the_old_rule(text: str) -> bool:
    """``conventions.ends_sentence`` as it was: the note mark taken off every line."""
    closing, after = cv.CLOSING_PUNCTUATION, cv.CLOSING_AFTER
    text = cv._NOTE_MARK.sub("", text.rstrip())
    while text and text[-1] in after:
        text = text[:-1].rstrip()
        if text and text[-1] in closing:
            return True
    return bool(text) and text[-1] in closing


@settings(max_examples=3000)
@given(texts)
def test_ends_sentence_as_the_old_rule(text: str) -> None:
    assert cv.ends_sentence(text) == ends_sentence_by_the_old_rule(text)


@settings(max_examples=3000)
@given(texts)
def test_the_digit_test_never_rejects_a_numbered_paragraph(text: str) -> None:
    expected = cv.NUMBERED_PARAGRAPH.match(text)
    found = cv.numbered_paragraph(text)
    assert (found is None) == (expected is None)
    if expected is not None and found is not None:
        assert found.groupdict() == expected.groupdict()


@settings(max_examples=3000)
@given(texts)
def test_the_first_character_test_never_rejects_a_list_item(text: str) -> None:
    assert cv.is_list_item(text) == (cv.LIST_ITEM.match(text) is not None)


def test_every_list_item_start_passes_the_first_character_test() -> None:
    """Each character that can start a match (tried one by one, with what may
    follow it) passes the test: the test's set is the pattern's own."""
    for c in map(chr, range(0x3000)):
        for rest in (" x", ") x", "i) x", "1) x", "a) x"):
            if cv.LIST_ITEM.match(c + rest):
                assert cv.is_list_item(c + rest), repr(c)


@settings(max_examples=3000)
@given(texts)
def test_fold_as_splitting_and_joining(raw: str) -> None:
    assert fold(raw) == " ".join(raw.split())


def test_no_white_space_but_the_space_is_printable() -> None:
    """What ``fold``'s shortcut rests on."""
    assert [c for c in WHITE_SPACE if c.isprintable()] == [" "]


@settings(max_examples=3000)
@given(texts)
def test_indent_as_expanding_and_stripping(raw: str) -> None:
    line = Line(1, fold(raw), raw)
    assert indent(line) == len(raw.expandtabs()) - len(raw.expandtabs().lstrip())


def test_a_paragraph_is_made_whole_from_the_fields_it_has() -> None:
    """``pipeline.number_in_reading_order`` makes each paragraph again from its
    number, text, line, new index and page: those are all its fields, in order (a
    field added to ``Paragraph`` must be carried there too)."""
    from docdiff.model import Paragraph
    from docdiff.record import replace

    assert Paragraph.__slots__ == ("number", "text", "line", "index", "page")
    p = Paragraph(3, "text", 12, 5, 2)
    made = Paragraph(p.number, p.text, p.line, 9, p.page)
    assert made == replace(p, index=9) and made.index == 9 and made.line == 12 and made.page == 2


#: Pieces of furniture lines (symbols, job numbers, footers, pages, bar codes,
#: rules, recycling notes) and of text around them.
_FURNITURE_PIECES = ["A/65/382", "S/2010/490", "A/RES/79/17", "A/C.1/80/L.1", "E/2010/1", " – ", "-", " ", "  ",
                     "10-52604", "(E)", "200910", "*1052604*", "3", "3/20", "12 / 20", "___", "_", "Please recycle",
                     "请回收", "Merci de recycler", "Sírvase reciclar", "A recycling symbol", "the", "。", ".", "x", "１"]


@settings(max_examples=3000)
@given(st.one_of(st.lists(st.sampled_from(_FURNITURE_PIECES), min_size=1, max_size=5).map("".join), texts))
def test_the_furniture_test_never_rejects_furniture(text: str) -> None:
    stripped = text.strip()
    if stripped and cv._ANY_FURNITURE.fullmatch(stripped):
        assert cv._may_be_furniture(stripped)
        assert cv.is_furniture(text)
    else:
        assert not cv.is_furniture(text)


def test_no_line_of_an_edition_is_furniture_that_the_test_rejects() -> None:
    """Every line of every edition of the project (the seeds, the real series)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "seeds"
    seen = 0
    for path in sorted(root.rglob("*.txt")):
        for line in path.read_text("utf-8").split("\n"):
            stripped = line.strip()
            if stripped and cv._ANY_FURNITURE.fullmatch(stripped):
                seen += 1
                assert cv._may_be_furniture(stripped), (path, line)
    assert seen > 100


def test_the_furniture_patterns_are_those_the_test_knows() -> None:
    """``_may_be_furniture`` names the first characters of ``_furniture``'s
    patterns: a pattern added there must be added to it too.  Each pattern
    fails on a line that starts otherwise (and holds no recycling note)."""
    assert len(cv.FURNITURE) == 8
    for c in map(chr, range(0x250)):
        line = c + "1/2010/490 52604 *1052604* ___"
        if not cv._may_be_furniture(line):
            assert not any(p.fullmatch(line) for p in cv.FURNITURE), repr(c)


# ----------------------------------------------------------------------------- masthead words first


def _masthead_vocabulary() -> list[str]:
    """The words of the first 25 lines of every edition in seeds/, seeds/real/ and
    the layout fixtures (tests/fixtures/layouts/: French, Spanish, Russian and
    Arabic mastheads among them): organs' names, sessions, years, symbols, dates."""
    from pathlib import Path

    from .fuzzing import corpus

    fixtures = sorted((Path(__file__).resolve().parent / "fixtures" / "layouts").glob("*.txt"))
    texts = corpus() + [p.read_text("utf-8") for p in fixtures]
    return sorted({word for text in texts for line in text.split("\n")[:25] for word in line.split()})


_VOCABULARY = _masthead_vocabulary()
_pieces = st.one_of(
    st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=9).map(" ".join),
    st.lists(st.one_of(st.sampled_from(_VOCABULARY), st.text(min_size=1, max_size=6)), min_size=1, max_size=6
             ).map(" ".join),
    texts,
)


def starts_with_masthead_words_by_the_old_rule(piece: str) -> bool:
    """What ``front._after_words`` tried before the one match: each run of the
    piece's first words, short of all of them, tested by ``is_masthead_words``."""
    words = piece.split(" ")
    return any(cv.is_masthead_words(" ".join(words[:k])) for k in range(1, len(words)))


@settings(max_examples=3000)
@given(_pieces)
def test_masthead_words_first_as_the_old_rule(piece: str) -> None:
    assert cv.starts_with_masthead_words(piece) == starts_with_masthead_words_by_the_old_rule(piece)


def test_masthead_words_first_on_every_line_of_the_editions() -> None:
    from .fuzzing import corpus

    lines = {line.strip() for text in corpus() for line in text.split("\n")[:60]}
    found = [line for line in lines if cv.starts_with_masthead_words(line)]
    assert found  # ("General Assembly Security Council", "Sixty-fifth session Sixty-fifth year" …)
    for line in lines:
        assert cv.starts_with_masthead_words(line) == starts_with_masthead_words_by_the_old_rule(line), line
