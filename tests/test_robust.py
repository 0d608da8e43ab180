"""Inputs that once hung the parser or compare (issue #16.9, #14.3), and the
rules their fixes must keep.  No timings here: a regression hangs the suite
(the long fuzz run, DOCDIFF_FUZZ=long, checks a time budget)."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import example, given, settings, strategies as st

import docdiff
from docdiff import conventions as cv
from docdiff.parsing import joining


def _all_sections(document: docdiff.Document):
    return [section for _, section in document.walk()]


def _paragraphs(document: docdiff.Document) -> list[str]:
    return [p.text for p in document.paragraphs()]


def test_running_head_of_many_symbols_and_a_stray_letter():
    # 2**25 ways to part the spaces between the symbols, before the fix
    line = "A/65/382 " * 25 + "A"
    assert not cv.is_furniture(line)
    assert cv.is_furniture("A/65/382 " * 25)
    assert cv.is_furniture("A/65/382–S/2010/490")
    assert docdiff.parse(line) is not None


def test_contents_line_of_many_dot_leaders():
    text = "Contents\nx" + ". " * 20000 + "x\n1. a.\n2. b.\n"
    assert cv.CONTENTS_ENTRY.match("x" + ". " * 20000 + "x") is None
    assert _paragraphs(docdiff.parse(text)) == ["a.", "b."]
    entry = cv.CONTENTS_ENTRY.match("Introduction" + " ." * 2000 + " 3")
    assert entry is not None and (entry["title"], entry["page"]) == ("Introduction", "3")
    entry = cv.CONTENTS_ENTRY.match("Introduction.  3")
    assert entry is not None and entry["title"] == "Introduction."


def test_agenda_items_of_one_long_number():
    document = docdiff.parse("Agenda items " + "1" * 20000 + "\n1. a.\n2. b.\n")
    assert _paragraphs(document) == ["a.", "b."]
    assert [m["number"] for m in cv.AGENDA_ITEM.finditer("122 (a)-(c) and 123 (b)")] == ["122", "123"]


def test_line_end_hyphen_before_a_long_word():
    long_word = "x" * 80000
    document = docdiff.parse("1. The imple-\nmentation of " + long_word + ".\n2. Done.\n")
    assert _paragraphs(document) == ["The implementation of " + long_word + ".", "Done."]
    chinese = "中" * 80000
    document = docdiff.parse("1. The imple-\nmentation of " + chinese + ".\n2. Done.\n")
    assert _paragraphs(document)[0] == "The implementation of " + chinese + "."


def test_paragraph_ending_in_two_hyphens():
    text = "1. " + "x" * 40000 + "--\nabc.\n2. Done.\n"
    assert _paragraphs(docdiff.parse(text)) == ["x" * 40000 + "--abc.", "Done."]


def test_alternating_hyphenated_lines():
    text = "".join(f"{n}. word{n}-\ncontinued{n}.\n" for n in range(1, 4001))
    paragraphs = _paragraphs(docdiff.parse(text))
    assert len(paragraphs) == 4000
    assert all(re.fullmatch(rf"word{n}-?continued{n}\.", p) for n, p in zip(range(1, 4001), paragraphs))


def test_heading_of_thousands_of_lines():
    text = "I. Introduction\n" + "text line\n" * 6000 + "2. a.\n3. b.\n"
    document = docdiff.parse(text)
    assert _paragraphs(document)[-2:] == ["a.", "b."]
    # every word is somewhere in the tree
    everything = " ".join(_paragraphs(document) + [s.title for s in _all_sections(document)])
    assert everything.count("text line") == 6000


def _old_join_text(left: str, right: str, vocabulary: joining.Vocabulary | None) -> str:
    """join_text as it was written before it was made linear (the oracle)."""
    if not left:
        return right
    if not right:
        return left
    if left.endswith("-") and right[:1].isalpha():
        head, tail = re.search(r"(\w+)-$", left), re.search(r"^(\w+)", right)
        if head and tail and vocabulary is not None and vocabulary.is_wrap(head[1], tail[1]):
            return left[:-1] + right
        return left + right
    if cv.is_wide(left[-1]) or cv.is_wide(right[0]):
        return left + right
    return left + " " + right


_pieces = st.lists(st.text(alphabet="ab-中 _.", max_size=12).map(str.strip), max_size=12)


@given(_pieces, st.text(alphabet="ab-中 _.\n", max_size=40))
def test_joined_lines_are_joined_as_one_join_at_a_time(pieces, vocabulary_text):
    vocabulary = joining.Vocabulary(vocabulary_text)
    assert joining.join_lines(pieces, vocabulary) == _joined_one_at_a_time(pieces, vocabulary)
    if len(pieces) >= 2:
        assert joining.join_text(pieces[0], pieces[1], vocabulary) == _old_join_text(pieces[0], pieces[1], vocabulary)


@given(st.text(alphabet="ab-_ \n中", max_size=60))
def test_line_end_hyphen_pattern_finds_what_it_found(text):
    old = re.compile(r"\w+-[ \t]*\n\s*\w+")
    assert joining.LINE_END_HYPHEN.sub(" ", text) == old.sub(" ", text)


def _old_vocabulary(text: str) -> tuple[set[str], set[str]]:
    """Vocabulary's forms and words as they were first written (the oracle): the
    compounds casefolded, and the words counted after the line-end hyphens'
    matches were replaced by a space."""
    forms = {w.casefold() for w in re.findall(r"\w+(?:-\w+)*", text)}
    line_end = re.compile(r"(?<!\w)\w+-[ \t]*\n\s*\w+")
    words = Counter(w.casefold() for w in re.findall(r"\w+", line_end.sub(" ", text)))
    return forms, {w for w, n in words.items() if n}


# Letters whose casefold is longer (ß, ŉ) or not a word character of its own (İ:
# i and a combining dot), digits, the underscore, hyphens, tabs and line ends.
@given(st.text(alphabet="ab-_ \t\n中ßİŉ2", max_size=80))
def test_vocabulary_reads_what_two_passes_read(text):
    vocabulary = joining.Vocabulary(text)
    assert (vocabulary.forms, vocabulary.words) == _old_vocabulary(text)
    assert [m.span() for m in joining._line_end_hyphens(text)] == [m.span() for m in joining.LINE_END_HYPHEN.finditer(text)]


def test_vocabulary_of_real_editions_is_what_two_passes_read():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        vocabulary = joining.Vocabulary(text)
        assert (vocabulary.forms, vocabulary.words) == _old_vocabulary(text), path


# Words, runs of spaces, CJK, punctuation, a surrogate, characters of planes 1,
# 15 and 16 (long tokens of one character, and the codes' own planes).
_coded_texts = st.lists(st.sampled_from(["alpha", "beta", "b", " ", "  ", "\n", ", ", "联", "合", "国", "2010", "-",
                                         "\ud800", "\U0001f600", "\U000f0001", "\U00100002", "\uffff"]),
                        max_size=60).map("".join)


@given(_coded_texts, _coded_texts)
def test_word_diff_parts_read_off_the_texts_as_numbered_tokens_decode(old, new):
    """word_diff reads each part off the texts by where it ends; numbering every
    token and decoding each part (the module's other path) gives the same diff."""
    from docdiff import inline

    assert inline.word_diff(old, new) == inline._word_diff_numbered(old, new)


_token_texts = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", " ", ", ", "联", "合", "国", "2010"]),
                        max_size=80).map("".join)


@given(_token_texts, _token_texts, st.integers(0, 12), st.integers(0, 12))
def test_long_texts_diff_exactly_past_the_limits(old, new, exact_limit, piece_limit):
    """Past the size diffed whole, the anchored diff still spells both texts
    (limits made small here so that short texts take that path)."""
    from docdiff import inline

    saved = inline.EXACT_LIMIT, inline.PIECE_LIMIT
    inline.EXACT_LIMIT, inline.PIECE_LIMIT = exact_limit, piece_limit
    try:
        diff = inline.word_diff(old, new)
    finally:
        inline.EXACT_LIMIT, inline.PIECE_LIMIT = saved
    assert inline.spell(diff, "-") == old
    assert inline.spell(diff, "+") == new
    assert all(text for _, text in diff)
    assert all(a[0] != b[0] for a, b in zip(diff, diff[1:]))


def test_megabyte_paragraphs_with_scattered_edits():
    import random

    from docdiff import inline

    rng = random.Random(3)
    old_words = [f"w{rng.randrange(5000)}" for _ in range(160_000)]
    new_words = [w if rng.random() > 0.01 else f"z{rng.randrange(5000)}" for w in old_words]
    old, new = " ".join(old_words), " ".join(new_words)
    diff = inline.word_diff(old, new)
    assert inline.spell(diff, "-") == old and inline.spell(diff, "+") == new
    changed = sum(len(a) for a, b in zip(old_words, new_words) if a != b)
    deleted = sum(len(text) for op, text in diff if op == "-")
    # each changed word is marked (a token is never cut), and not much more
    assert changed <= deleted < 3 * changed


def test_paragraph_numbers_past_9999():
    text = "".join(f"{n}. Paragraph number {n}.\n" for n in range(1, 10_011))
    document = docdiff.parse(text)
    assert [p.number for p in document.paragraphs()] == list(range(1, 10_011))
    assert all(p.text == f"Paragraph number {p.number}." for p in document.paragraphs())
    assert any("reach 10010" in w for w in document.warnings)
    assert not any("reach" in w for w in docdiff.parse("1. a.\n2. b.\n").warnings)


def test_an_edition_pasted_twice_is_read_twice():
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "seeds" / "sample_en_2010.txt").read_text("utf-8")
    once, twice = docdiff.parse(text), docdiff.parse(text + "\n" + text)
    numbers = [p.number for p in once.paragraphs()]
    # the second copy's paragraphs are paragraphs again (not section titles),
    # after its front matter, kept as one unnumbered paragraph
    assert [p.number for p in twice.paragraphs()] == [*numbers, None, *numbers]
    second = [p.text for p in twice.paragraphs()][len(numbers) + 1:]
    assert second == [p.text for p in once.paragraphs()]
    assert any("restarts at 1 after 33" in w for w in twice.warnings)
    assert not any("restarts" in w for w in once.warnings)
    # (the body's entries: the summary and footnotes of the masthead are compared apart)
    comparison = docdiff.compare(once, twice)
    summary = Counter(c.status for s in comparison.sections if s.kind not in ("summary", "footnotes", "closing")
                      for c in s.paragraphs)
    assert summary["unchanged"] == len(numbers) and summary["added"] == len(numbers) + 1


def test_a_numbered_list_inside_a_paragraph_is_no_restart():
    text = ("1. First.\n2. Second.\n3. The plan has three steps:\n1. plan\n2. act\n3. check\n"
            "4. Fourth.\n5. Fifth.\n")
    document = docdiff.parse(text)
    assert [p.number for p in document.paragraphs()] == [1, 2, 3, 4, 5]
    assert not any("restarts" in w for w in document.warnings)


def test_lone_surrogates_are_replaced_and_said():
    from docdiff.render import formats, render

    document = docdiff.parse("\ud800")
    assert docdiff.compare(document, document).summary["unchanged"] == 1
    assert "lone surrogate" in document.warnings[0] and "offset 0" in document.warnings[0]
    old = docdiff.parse("1. a\ud800b and more words.\n2. c\udfff.\n")
    new = docdiff.parse("1. a\ud800b and more words here.\n2. c\udfff\u202e\u0301.\n3. x\x00y.\n")
    assert [p.text for p in old.paragraphs()] == ["a\ufffdb and more words.", "c\ufffd."]
    comparison = docdiff.compare(old, new)
    for name in formats.FORMATS:
        out = render(comparison, name)
        if isinstance(out, str):
            out.encode("utf-8")  # writable


def test_compare_takes_documents_made_by_hand_with_surrogates():
    from docdiff.model import Document, Metadata, Paragraph, Section

    def document(*texts: str) -> Document:
        paragraphs = tuple(Paragraph(n, t, 0, n - 1) for n, t in enumerate(texts, 1))
        return Document(metadata=Metadata(), sections=(Section("section", "", None, paragraphs),))

    old, new = document("a\ud800 b c d.", "e\udc00."), document("e\udc00.", "a\ud800 b c x d.")
    comparison = docdiff.compare(old, new)
    assert sum(comparison.summary.values()) >= 2


_lines_of_text = st.lists(st.one_of(
    st.sampled_from(["I. the", "II. Other", "A. Part", ".", "o", "n", "the the the.", "Welcoming the plan."]),
    st.builds(lambda n, words: f"{n}. {words}", st.integers(1, 4),
              st.sampled_from(["the the the.", "o", "a b c d.", "a b c e.", "the plan and the rest.",
                               "the plan.", "and the rest."]))), max_size=8).map("\n".join)


@given(_lines_of_text, _lines_of_text)
@example("o\n\n.\n\no", "n\n1.o")  # the cases (#16.5)
@example("1. the the the.\nI. the\n2. the the the.\n", "I. the\n1. the the the.\n")
def test_comparing_the_other_way_round_mirrors_every_entry(old_text, new_text):
    from .fuzzing import entry_statuses, mirrored_totals

    old, new = docdiff.parse(old_text), docdiff.parse(new_text)
    forward, backward = docdiff.compare(old, new), docdiff.compare(new, old)
    assert forward.summary == mirrored_totals(backward.summary)
    assert entry_statuses(forward) == entry_statuses(backward, backward=True)


# (letters whose casefold is longer or another letter's: ß, ﬁ, İ, the Kelvin sign, final sigma)
# (most without them: a text with one is read whole)
_vocabulary_texts = st.one_of(st.text(alphabet="ab-_ \t\n中2KkΣσς", max_size=80),
                              st.text(alphabet="ab-_ \t\n中ßİŉ2KkΣσςﬁ", max_size=80))


@settings(max_examples=1000)
@given(_vocabulary_texts, st.lists(st.text(alphabet="ab-_中ßİŉ2KkΣσςﬁ", max_size=6), max_size=6))
def test_vocabulary_answers_each_question_as_the_whole_sets(text, asked):
    """``has_form``/``has_word`` (the text searched for the one word asked)
    answer as membership of ``forms``/``words`` (the text read whole), for the
    words of the text (casefolded, whole and in pieces) and any others."""
    vocabulary = joining.Vocabulary(text)
    forms, words = _old_vocabulary(text)
    pieces = {w.casefold() for w in re.findall(r"[\w-]+", text)}
    for question in {*forms, *words, *pieces, *(q.casefold() for q in asked), *asked}:
        assert joining.Vocabulary(text).has_form(question) == (question in forms), question
        assert vocabulary.has_word(question) == (question in words), question


def test_vocabulary_answers_of_real_editions_are_the_whole_sets():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in sorted((root / "seeds").glob("*.txt"))[:6]:
        text = path.read_text("utf-8")
        vocabulary = joining.Vocabulary(text)
        forms, words = _old_vocabulary(text)
        for match in joining._line_end_hyphens(text):
            for question in (match[1].casefold(), match[2].casefold(), f"{match[1]}{match[2]}".casefold(),
                             f"{match[1]}-{match[2]}".casefold()):
                assert vocabulary.has_form(question) == (question in forms), (path, question)
                assert vocabulary.has_word(question) == (question in words), (path, question)


# (wide and narrow characters either side of U+1100, full-width forms and the
# ideographic space, hyphens at line ends and alone)
@settings(max_examples=1000)
@given(st.lists(st.text(alphabet="ab-中 _.\x7f\x80\u0378ｱ　Ａ-", max_size=8).map(str.strip), max_size=10),
       st.text(alphabet="ab-中 _.\n", max_size=40))
def test_joined_lines_are_joined_as_one_join_at_a_time_wide_or_not(pieces, vocabulary_text):
    vocabulary = joining.Vocabulary(vocabulary_text)
    assert joining.join_lines(pieces, vocabulary) == _joined_one_at_a_time(pieces, vocabulary)


def _joined_one_at_a_time(pieces: list[str], vocabulary: joining.Vocabulary) -> str:
    joined = ""
    for piece in pieces:
        joined = _old_join_text(joined, piece, vocabulary)
    return joined


def test_no_ascii_character_is_wide():
    """What ``join_lines``' shortcut rests on (not so below U+1100: this
    ``unicodedata`` calls unassigned code points there wide)."""
    assert not any(cv.is_wide(chr(c)) for c in range(0x80))
