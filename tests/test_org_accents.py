"""--org is matched with case and accents folded, as a general rule, and knows
the official French short forms (UNTERM: Union africaine (UA), Organisation de
la coopération islamique (OCI), before June 2011 Organisation de la Conférence
islamique (OCI)).

The editions are the English report seeds (seeds/sample_en_2010.txt, 2012): a
section's title given with its letters' case changed and accents put on or
taken off (hypothesis) picks what the title as printed picks. The French names
are those the newcomer's French edition printed (fr_2012.txt: "Union
africaine", "Ligue des États arabes", "Organisation de la coopération
islamique"), given as a user types them."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff import registry
from docdiff.select import select_sections

from .conftest import SEEDS

_ACCENTS = ["\u0301", "\u0300", "\u0302", "\u0308", "\u0327"]  # acute, grave, circumflex, diaeresis, cedilla


@pytest.fixture(scope="module")
def english():
    old, new = docdiff.load(SEEDS / "sample_en_2010.txt"), docdiff.load(SEEDS / "sample_en_2012.txt")
    return docdiff.compare(old, new), old, new


def _titles(comparison):
    return [s.title for s in comparison.sections]


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_title_with_case_and_accents_changed_picks_the_same(english, data):
    comparison, old, new = english
    organisations = [s.title for s in comparison.sections if s.kind == "organisation"]
    title = data.draw(st.sampled_from(organisations))
    typed = ""
    for ch in title:
        if ch.isalpha():
            ch = ch.upper() if data.draw(st.booleans()) else ch.lower()
            if data.draw(st.booleans()):
                ch += data.draw(st.sampled_from(_ACCENTS))
        typed += ch
    typed = unicodedata.normalize("NFC", typed)
    expected = _titles(select_sections(comparison, [title], old, new))
    assert _titles(select_sections(comparison, [typed], old, new)) == expected


@pytest.mark.parametrize(("typed", "printed"), [
    ("UA", "African Union"), ("ua", "Union africaine"), ("Union Africaine", "AU"),
    ("OCI", "Organisation of Islamic Cooperation"), ("organisation de la cooperation islamique", "OIC"),
    ("Organisation de la Conférence islamique", "Organization of the Islamic Conference"),
    ("Ligue des Etats arabes", "League of Arab States"), ("LIGUE DES ÉTATS ARABES", "LAS"),
])
def test_french_names_and_short_forms(typed, printed):
    assert registry.organisation_id(typed) is not None
    assert registry.organisation_id(typed) == registry.organisation_id(printed)

