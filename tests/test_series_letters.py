"""A text without numbered paragraphs (a letter, a note verbale) still has its
masthead read: its symbol, distribution, date and languages, and its lines are
the masthead's, not a first paragraph.

Derived from each language's fixture edition (tests/fixtures/layouts/edition_<code>.txt,
its key written by hand from the text): its masthead lines down to the original
language, as printed (one piece a line) or laid out in two columns, then the
unnumbered paragraphs of a letter (written here, as the Security Council's
letters are laid out: the title "Letter dated …", the paragraphs, the
signature).  The key is the fixture key's facts and the paragraphs as written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import docdiff

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "layouts"
LETTER = ("Letter dated 2 March 2020 from the Permanent Representative of Norway to the United Nations addressed "
          "to the Secretary-General",
          "I have the honour to transmit herewith a statement by the Ministry of Foreign Affairs of Norway on the "
          "situation in the region (see annex).",
          "I should be grateful if the present letter and its annex could be circulated as a document of the "
          "Security Council.",
          "(Signed) Mona Juul")


def _masthead(code: str) -> list[str]:
    lines = (FIXTURES / f"edition_{code}.txt").read_text(encoding="utf-8").splitlines()
    key = json.loads((FIXTURES / f"edition_{code}.key.json").read_text(encoding="utf-8"))
    original = next(k for k, ln in enumerate(lines) if ":" in ln and not ln.startswith("Distr"))  # "Original: …"
    return lines[:original + 1], key  # type: ignore[return-value]


@pytest.mark.parametrize("columns", [False, True])
@pytest.mark.parametrize("code", ["en", "fr", "es", "ru", "zh", "ar"])
def test_a_letter_without_numbered_paragraphs_has_its_masthead_read(code, columns):
    masthead, key = _masthead(code)
    if columns:  # the organs on the left, the symbol, distribution and date on the right
        left, right = [masthead[0], masthead[2], masthead[3]], [masthead[1], masthead[4], masthead[5]]
        masthead = [f"{a:<40}{b}" for a, b in zip(left, right)] + masthead[6:]
    text = "\n".join(masthead) + "\n\n" + "\n\n".join(LETTER) + "\n"
    document = docdiff.parse(text)
    m = document.metadata
    assert (m.symbol, m.date, m.original_language) == (key["symbol"], key["date"], key["original_language"])
    assert [p.text for p in document.paragraphs()] == list(LETTER)
    # every masthead line is a masthead line (the symbol alone on its line may be dropped as furniture)
    kept = set(document.front.masthead)
    assert all(" ".join(ln.split()) in kept for ln in masthead if ln.strip() != key["symbol"])


def test_a_later_letter_reports_its_date_and_its_changed_paragraph():
    masthead, _ = _masthead("en")
    old = "\n".join(masthead) + "\n\n" + "\n\n".join(LETTER) + "\n"
    new = old.replace("3 March 2020", "4 March 2020").replace("in the region", "in the wider region")
    comparison = docdiff.compare(docdiff.parse(old), docdiff.parse(new))
    assert [(c.field, c.old, c.new) for c in comparison.metadata_changes] == [("date", "2020-03-03", "2020-03-04")]
    assert [c.status for c in comparison.paragraph_changes()] == ["unchanged", "changed", "unchanged", "unchanged"]
