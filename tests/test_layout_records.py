"""One record per language (docdiff/layouts/): every registered layout has an
edition in tests/fixtures/layouts that parses to its hand-written key, and a
layout registered at run time is taken up by the combined patterns."""

from __future__ import annotations

import json
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, strategies as st

import docdiff
from docdiff import conventions as cv, layouts
from docdiff.parsing import detect_language
from docdiff.similarity import formatting_key

FIXTURES = Path(__file__).parent / "fixtures" / "layouts"
CODES = [layout.code for layout in layouts.layouts()]


def facts(doc: docdiff.Document, key: dict[str, Any]) -> dict[str, Any]:
    got = {name: value for name, value in doc.metadata.to_dict().items() if name in key}
    got["tree"] = [[s.kind, s.number, s.title, [p.number for p in s.paragraphs]] for _, s in doc.walk()]
    return json.loads(json.dumps(got))  # tuples as lists, as in the key


@pytest.mark.parametrize("code", CODES)
def test_every_layout_parses_its_edition_to_the_key(code: str) -> None:
    text = (FIXTURES / f"edition_{code}.txt").read_text("utf-8")
    key = json.loads((FIXTURES / f"edition_{code}.key.json").read_text("utf-8"))
    assert facts(docdiff.parse(text), key) == key


def test_the_layouts_are_the_modules_of_the_package_and_the_editions_theirs() -> None:
    modules = {m.name for m in pkgutil.iter_modules(layouts.__path__)}
    assert modules == set(CODES)  # each module one layout, named by its code
    editions = {path.stem.removeprefix("edition_") for path in FIXTURES.glob("edition_*.txt")}
    assert editions == set(CODES)


GERMAN = layouts.Layout(
    code="de", language="German",
    part_patterns=(layouts.ROMAN_PART,), subsection_patterns=("[A-Z]",), bare_number_patterns=(layouts.ROMAN_PART,),
    months={"januar": 1, "februar": 2, "märz": 3, "april": 4},
    date_patterns=(r"\b(?P<day>\d{1,2})\.\s+(?P<month>[^\W\d_]+)\s+(?P<year>(?:19|20)\d{2})\b",),
    organ_patterns=("Vereinte Nationen", "Generalversammlung", "Sicherheitsrat"),
    session_patterns=(layouts.SESSION_WORDS + "Tagung",), year_patterns=(layouts.SESSION_WORDS + "Jahr",),
    language_names={"deutsch": "German", "englisch": "English"},
    original_patterns=("Original",), agenda_patterns=("Tagesordnungspunkt",),
    report_of_patterns=("Bericht des Generalsekretärs",),
    summary_patterns=("Zusammenfassung",),
    sentence_end=".!?;:", connectors=frozenset({"und", "der", "die", "zwischen"}),
    markers=frozenset({"der", "die", "und", "das", "den"}),
)

EDITION_DE = """Vereinte Nationen
A/75/100–S/2020/500
Generalversammlung
Sicherheitsrat
3. März 2020
Deutsch
Original: Englisch
Generalversammlung
Fünfundsiebzigste Tagung
Tagesordnungspunkt 120
Sicherheitsrat
Fünfundsiebzigstes Jahr

Zusammenarbeit zwischen den Vereinten Nationen und den Regionalorganisationen

Bericht des Generalsekretärs

I.   Einleitung

1.     Der vorliegende Bericht folgt der Resolution 73/330 der Generalversammlung.

II.   Zusammenarbeit mit den Regionalorganisationen

2.     Die Vereinten Nationen und die Afrikanische Union hielten ihre vierte Konferenz ab.
"""


@contextmanager
def registered(layout: layouts.Layout) -> Iterator[layouts.Layout]:
    """The layout registered for the time of a test, and removed after it."""
    layouts.register(layout)
    try:
        yield layout
    finally:
        layouts.unregister(layout.code)


@pytest.fixture
def german() -> Iterator[layouts.Layout]:
    with registered(GERMAN) as layout:
        yield layout


def test_a_layout_registered_at_run_time_is_read_by_the_combined_patterns(german: layouts.Layout) -> None:
    doc = docdiff.parse(EDITION_DE)
    meta = doc.metadata
    assert (meta.date, meta.language, meta.original_language, meta.session, meta.label, meta.agenda_items) == (
        "2020-03-03", "German", "English", "Fünfundsiebzigste Tagung", "Bericht des Generalsekretärs", ("120",))
    assert meta.title == "Zusammenarbeit zwischen den Vereinten Nationen und den Regionalorganisationen"
    assert [(s.number, s.title, [p.number for p in s.paragraphs]) for _, s in doc.walk()] == [
        ("I", "Einleitung", [1]), ("II", "Zusammenarbeit mit den Regionalorganisationen", [2])]


def test_without_the_layout_its_words_are_not_known() -> None:
    """The same edition without the German record: its month, language names and
    report label mean nothing (so the test above reads them from the record)."""
    assert "de" not in CODES
    meta = docdiff.parse(EDITION_DE).metadata
    assert meta.date is None
    assert meta.language != "German" and meta.original_language != "English"
    assert "märz" not in cv.MONTHS and not cv.REPORT_OF.match("Bericht des Generalsekretärs")


def test_registering_rebuilds_the_tables_and_removing_restores_them(german: layouts.Layout) -> None:
    assert cv.MONTHS["märz"] == 3 and cv.REPORT_OF.match("Bericht des Generalsekretärs")
    assert "German" in cv.LANGUAGE_MARKERS
    layouts.unregister("de")
    try:
        assert "märz" not in cv.MONTHS and "German" not in cv.LANGUAGE_MARKERS
        assert cv.MONTHS["march"] == 3  # the others' tables are whole again
    finally:
        layouts.register(GERMAN)


#: A language in a script none of the six uses: Greek, told by its letters (the
#: Greek and Coptic block). The edition below is written for this test (the
#: German edition's layout, in Greek words); its masthead names no language, so
#: the language is the script's.
GREEK = layouts.Layout(
    code="el", language="Greek", script="\u0370-\u03ff",
    part_patterns=(layouts.ROMAN_PART,), subsection_patterns=("[A-Z]",), bare_number_patterns=(layouts.ROMAN_PART,),
    report_of_patterns=("Έκθεση του Γενικού Γραμματέα",), sentence_end=".;",
)

EDITION_EL = """A/75/100

Συνεργασία μεταξύ των Ηνωμένων Εθνών και των περιφερειακών οργανισμών

Έκθεση του Γενικού Γραμματέα

I.   Εισαγωγή

1.     Η παρούσα έκθεση υποβάλλεται σύμφωνα με το ψήφισμα 73/330 της Γενικής Συνέλευσης.

II.   Συνεργασία με τους περιφερειακούς οργανισμούς

2.     Τα Ηνωμένα Έθνη και η Αφρικανική Ένωση πραγματοποίησαν την τέταρτη διάσκεψή τους.
"""


@pytest.fixture
def greek() -> Iterator[layouts.Layout]:
    with registered(GREEK) as layout:
        yield layout


def test_a_layout_in_a_new_script_is_the_language_of_editions_in_that_script(greek: layouts.Layout) -> None:
    doc = docdiff.parse(EDITION_EL)
    assert doc.metadata.language == "Greek"
    assert doc.metadata.label == "Έκθεση του Γενικού Γραμματέα"
    assert [(s.number, [p.number for p in s.paragraphs]) for _, s in doc.walk()] == [("I", [1]), ("II", [2])]


def test_without_the_layout_a_new_script_names_no_language() -> None:
    assert "el" not in CODES
    assert docdiff.parse(EDITION_EL).metadata.language is None
    assert detect_language("Η παρούσα έκθεση") is None


_SCRIPT_LETTERS = {"Greek": "αβγδεζηθικλμνξοπρστυφχψω", "Chinese": "合作联合国大会区域组织", "Russian": "сотрудничество",
                   "Arabic": "التعاونبين"}


@given(st.data())
def test_the_language_is_the_one_of_the_script_most_letters_are_in(data: st.DataObject) -> None:
    """Letters of two single-language scripts (Greek registered for the test),
    the one with more of them, with digits, spaces and marks between: the
    language of the script with more letters."""
    first, second = data.draw(st.lists(st.sampled_from(sorted(_SCRIPT_LETTERS)), min_size=2, max_size=2, unique=True))
    more = data.draw(st.text(alphabet=_SCRIPT_LETTERS[first], min_size=2, max_size=40))
    fewer = data.draw(st.text(alphabet=_SCRIPT_LETTERS[second], max_size=len(more) - 1))
    filler = st.text(alphabet=" 0123456789.,;:-()", max_size=3)
    pieces = [data.draw(filler) + ch for ch in data.draw(st.permutations(list(more + fewer)))]
    with registered(GREEK):
        assert detect_language("".join(pieces)) == first


def test_a_layout_registered_at_run_time_folds_its_punctuation_in_formatting_keys() -> None:
    # „ (the German opening quote) stands for " only while a layout says so;
    # a key made before the layout came is not kept past it.
    low_quote = layouts.Layout(code="de-q", language="German quotes", same_punctuation={"„": '"'})
    assert formatting_key('„Wort"') != formatting_key('"Wort"')
    with registered(low_quote):
        assert formatting_key('„Wort"') == formatting_key('"Wort"')
    assert formatting_key('„Wort"') != formatting_key('"Wort"')


def test_a_layout_registered_at_run_time_is_one_token_to_the_inline_diff() -> None:
    # „ (the German opening quote) and " are one token to the inline diff only while a layout
    # says they are the same mark: then the quote is not taken into the edit beside it, and
    # after the layout is removed it is again.
    from docdiff.inline import drawn, word_diff

    low_quote = layouts.Layout(code="de-q", language="German quotes", same_punctuation={"„": '"'})
    old, new = '„Wort" steht', '"Worte" steht'

    def quote_in_the_edit() -> bool:
        return any(op != "=" and "„" in text for op, text in drawn(word_diff(old, new)))

    assert quote_in_the_edit()
    with registered(low_quote):
        assert not quote_in_the_edit()
        assert [part for part in drawn(word_diff(old, new)) if part[0] != "="]  # the edit itself is drawn
    assert quote_in_the_edit()
