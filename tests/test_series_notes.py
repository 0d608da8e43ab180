"""A note by the Secretary-General (transmitting another's report) and the
agenda line of a document issued before its session, in the six languages.

Derived from each language's fixture edition (tests/fixtures/layouts/edition_<code>.txt)
and its key: the label "Report of the Secretary-General" replaced by the note's
label as that language's editions print it ("Note by the Secretary-General",
"Note du Secrétaire général", "Nota del Secretario General", "Записка
Генерального секретаря", "秘书长的说明", "مذكرة من الأمين العام"); for English,
the agenda line also as a pre-session document prints it ("Item 120 of the
provisional agenda*", its note "* A/75/50." under the masthead).  The title,
agenda items and tree are the fixture key's (written by hand from the text).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import docdiff

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "layouts"
NOTES = {"en": ("Report of the Secretary-General", "Note by the Secretary-General"),
         "fr": ("Rapport du Secrétaire général", "Note du Secrétaire général"),
         "es": ("Informe del Secretario General", "Nota del Secretario General"),
         "ru": ("Доклад Генерального секретаря", "Записка Генерального секретаря"),
         "zh": ("秘书长的报告", "秘书长的说明"),
         "ar": ("تقرير الأمين العام", "مذكرة من الأمين العام")}


def _edition(code: str) -> tuple[str, dict[str, object]]:
    text = (FIXTURES / f"edition_{code}.txt").read_text(encoding="utf-8")
    key = json.loads((FIXTURES / f"edition_{code}.key.json").read_text(encoding="utf-8"))
    report, note = NOTES[code]
    assert text.count(report) == 1
    return text.replace(report, note), key


@pytest.mark.parametrize("code", NOTES)
def test_a_note_by_the_secretary_general_is_labelled_and_titled(code):
    text, key = _edition(code)
    m = docdiff.parse(text).metadata
    assert (m.label, m.title, list(m.agenda_items), m.symbol) == (NOTES[code][1], key["title"], key["agenda_items"],
                                                                  key["symbol"])


def test_the_agenda_line_of_a_document_issued_before_its_session():
    text, key = _edition("en")
    assert text.count("Agenda item 120\n") == 1
    text = text.replace("Agenda item 120\n", "Item 120 of the provisional agenda*\n")
    text = text.replace("\nSecurity Council\nSeventy-fifth year\n", "\nSecurity Council\nSeventy-fifth year\n\n* A/75/50.\n")
    document = docdiff.parse(text)
    m = document.metadata
    assert (list(m.agenda_items), m.title, m.label) == (key["agenda_items"], key["title"], NOTES["en"][1])
    assert document.front.footnotes == ("* A/75/50.",)
    assert [p.number for p in document.paragraphs()] == [1, 2, 3]
