"""A footnote at the very end of a text, below a rule, with no page footer after
it (the newcomer's fr_2012_w3/w4: the text cut after the last page's notes) is a
note, as it is with a footer under it.

The editions are the English report seed seeds/sample_en_2012.txt with its last
page footer ("12      12-45678") taken off and, below its last paragraph, a
rule of underscores and notes made here (marks 1, 2 … after the notes the seed
has, text drawn by hypothesis): the expectation is the seed's own paragraphs and
notes, plus the notes the test wrote.  A rule that ends the text with nothing
below it, or with a block of text that starts with no note mark, takes nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings, strategies as st

import docdiff

SEED = Path(__file__).resolve().parent.parent / "seeds" / "sample_en_2012.txt"


def _without_last_footer() -> str:
    lines = SEED.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert docdiff.conventions.is_furniture(lines[-1])  # the page footer: "12      12-45678"
    return "\n".join(lines[:-1]).rstrip() + "\n"


def _paragraphs(document: docdiff.Document) -> list[str]:
    return [p.text for _, section in document.walk() for p in section.paragraphs]


_note_text = st.lists(st.sampled_from(["See", "A/66/357-S/2011/590.", "General", "Assembly", "resolution",
                                       "65/123", "and", "Official", "Records,"]), min_size=1, max_size=8)


@settings(max_examples=20, deadline=None)
@given(notes=st.lists(_note_text, min_size=1, max_size=3), footer=st.booleans())
def test_notes_below_a_rule_at_the_texts_end(notes, footer):
    base = docdiff.parse(_without_last_footer())
    first = len(base.front.footnotes) + 1
    written = [f"{first + k}  {' '.join(words)}" for k, words in enumerate(notes)]
    text = _without_last_footer() + "\n__________________ \n \n" + "\n".join(written) + "\n"
    if footer:
        text += "\n12      12-45678\n"
    document = docdiff.parse(text)
    assert _paragraphs(document) == _paragraphs(base)
    assert list(document.front.footnotes) == [*base.front.footnotes, *(" ".join(n.split()) for n in written)]


def test_a_rule_that_ends_the_text_takes_nothing():
    base = docdiff.parse(_without_last_footer())
    # (the third: a rule above a note with text below it, as a Word edition's first page prints it)
    for tail in ("\n__________________\n", "\n__________________\n\nThe General Assembly may wish to take note.\n",
                 "\n__________________\n* Issued without formal editing.\n\nThe General Assembly may wish to take note.\n"):
        document = docdiff.parse(_without_last_footer() + tail)
        assert document.front.footnotes == base.front.footnotes
        words = " ".join(_paragraphs(document))
        assert "take note" in words or "take note" not in tail
