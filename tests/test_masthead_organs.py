"""A resolution's masthead read whatever organ adopted it, and a masthead line
changed never compares as no difference.

The Security Council editions are made here from the layout of a real Security
Council resolution (S/RES/2719 (2023): its masthead lines as the newcomer's
sc.py printed them, columns and all, and as PDF text prints them, one piece per
line), with the body of the real General Assembly resolution A/RES/78/18
(seeds/real/nsa/) after "The Security Council," (without its closing lines): the number, year, meeting and
dates are drawn (hypothesis) and the expectation is what the test printed.

The unread-line property takes every masthead line of the real editions in
seeds/real/ and of the English report seed and puts a word into it: the two
editions must then differ (a fact or the masthead lines), whatever line it is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff.cli import main

ROOT = Path(__file__).resolve().parent.parent
GA = ROOT / "seeds" / "real" / "nsa" / "A_RES_78_18.txt"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _body() -> str:
    """A/RES/78/18 from its enacting formula to its closing lines (a Council resolution has none)."""
    text = GA.read_text(encoding="utf-8")
    closing = re.search(r"^\s*\d+(?:st|nd|rd|th) plenary meeting", text, re.M)
    assert closing is not None
    body = text[text.index("The General Assembly,"):closing.start()]
    return body.replace("The General Assembly,", "The Security Council,", 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def sc_edition(number: int, year: int, meeting: int, adopted: tuple[int, int], issued: tuple[int, int],
               columns: bool = True) -> str:
    symbol = f"S/RES/{number} ({year})"
    adoption = f"Adopted by the Security Council at its {_ordinal(meeting)} meeting, on {adopted[0]} " \
               f"{MONTHS[adopted[1] - 1]} {year}"
    date = f"{issued[0]} {MONTHS[issued[1] - 1]} {year}"
    if columns:
        head = (f"United Nations                                                        {symbol}\n"
                "Security Council                                      Distr.: General\n"
                f"                                                      {date}\n\n")
    else:
        head = f"\n{symbol}\nSecurity Council\nDistr.: General\n{date}\n{year % 100}-26450 (E)\n*2326450*\n"
    return f"{head}Resolution {number} ({year})\n\n{adoption}\n\n{_body()}"


_days = st.tuples(st.integers(1, 28), st.integers(1, 12))


@settings(max_examples=25, deadline=None)
@given(number=st.integers(1, 9999), year=st.integers(1946, 2099), meeting=st.integers(1, 99999),
       adopted=_days, issued=_days, columns=st.booleans())
def test_a_security_council_masthead_is_read(number, year, meeting, adopted, issued, columns):
    document = docdiff.parse(sc_edition(number, year, meeting, adopted, issued, columns))
    m = document.metadata
    assert (m.kind, m.symbol, m.resolution_number, m.distribution) == (
        "resolution", f"S/RES/{number} ({year})", f"{number} ({year})", "General")
    assert m.adoption_date == f"{year:04d}-{adopted[1]:02d}-{adopted[0]:02d}"
    assert m.date == f"{year:04d}-{issued[1]:02d}-{issued[0]:02d}"
    assert m.meeting == f"{_ordinal(meeting)} meeting"
    assert document.sections[0].title == "The Security Council,"


def test_the_renumbered_resolution_differs(tmp_path, capsys):
    """The newcomer's pair: only the number and the meeting changed."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(sc_edition(2719, 2023, 9518, (21, 12), (28, 12)), encoding="utf-8")
    new.write_text(sc_edition(2720, 2023, 9520, (21, 12), (28, 12)), encoding="utf-8")
    comparison = docdiff.compare(docdiff.load(old), docdiff.load(new))
    assert {(c.field, c.old, c.new) for c in comparison.metadata_changes} == {
        ("symbol", "S/RES/2719 (2023)", "S/RES/2720 (2023)"),
        ("resolution_number", "2719 (2023)", "2720 (2023)"),
        ("meeting", "9518th meeting", "9520th meeting")}
    with pytest.raises(SystemExit) as exit_:
        main([str(old), str(new)])
    assert exit_.value.code == 1
    assert "No differences" not in capsys.readouterr().out


def test_a_security_council_running_head_is_dropped():
    """A page break with the running head (symbol, job number, page) inside
    operative paragraph 3 of the edition: the paragraph reads as without it."""
    text = sc_edition(2719, 2023, 9518, (21, 12), (28, 12))
    paragraph = re.search(r"\n(3\.\s.*?)\n", text)
    assert paragraph is not None
    words = paragraph[1].split(" ")
    cut = len(words) // 2
    broken = text.replace(paragraph[1], " ".join(words[:cut]) + "\n23-26450 \n2/3 \n\nS/RES/2719 (2023) \n\n"
                          + " ".join(words[cut:]), 1)
    a, b = docdiff.parse(text), docdiff.parse(broken)
    assert not docdiff.compare(a, b).has_differences
    assert [p.number for p in b.sections[1].paragraphs] == [p.number for p in a.sections[1].paragraphs]


def _masthead_editions() -> list[Path]:
    return [*sorted((ROOT / "seeds" / "real").glob("*/*.txt")), ROOT / "seeds" / "sample_en_2010.txt"]


@pytest.mark.parametrize("edition", _masthead_editions(), ids=lambda p: p.stem)
@settings(max_examples=8, deadline=None)
@given(data=st.data())
def test_a_masthead_line_changed_is_never_no_difference(edition, data):
    text = edition.read_text(encoding="utf-8")
    old = docdiff.parse(text)
    kept = [line for line in old.front.masthead if len(line) > 3]
    line = data.draw(st.sampled_from(kept))
    raw = next(r for r in text.splitlines() if " ".join(r.split()) == line)
    words = raw.split(" ")
    at = data.draw(st.integers(0, len(words)))
    changed = " ".join([*words[:at], "Provisional", *words[at:]])
    new = docdiff.parse(text.replace(raw, changed, 1))
    comparison = docdiff.compare(old, new)
    assert comparison.has_differences, (line, changed)


def test_a_reports_security_council_year_is_reported():
    """Sixty-fifth year → Sixty-seventh year: no fact reads the Council's year."""
    comparison = docdiff.compare(docdiff.load(ROOT / "seeds" / "sample_en_2010.txt"),
                                 docdiff.load(ROOT / "seeds" / "sample_en_2012.txt"))
    lines = next(c for c in comparison.metadata_changes if c.field == "masthead")
    assert any("Sixty-fifth year" in x for x in lines.old) and any("Sixty-seventh year" in x for x in lines.new)
