"""A report's masthead whose columns are parted by one space, as the text of a
PDF that LibreOffice made from a text edition prints them ("Nations Unies
A/67/280–S/2012/614", "Assemblée générale Distr. générale"), gives the facts
the same masthead laid out in columns gives (the newcomer: fr_2012.txt and its
PDF showed symbol, distribution and session changed to nothing).

The editions are the English report seeds (seeds/sample_en_*.txt) with every
run of spaces above the summary folded to one; the expectation is the seed's own
facts. The French masthead is the newcomer's fr_2012.txt's, as its PDF text
printed it; its facts are read off the printed lines by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import docdiff

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: (the report seeds whose masthead is laid out in columns: the Chinese seeds print one piece a line)
REPORTS = ["sample_en_2010.txt", "sample_en_2012.txt"]
_SUMMARY = re.compile(r"^\s*(?:Summary|摘要)\s*$")


@pytest.mark.parametrize("name", REPORTS)
def test_columns_parted_by_one_space_give_the_same_facts(name):
    text = (SEEDS / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    summary = next(k for k, line in enumerate(lines) if _SUMMARY.match(line))
    folded = "\n".join([" ".join(line.split()) for line in lines[:summary]] + lines[summary:])
    assert folded != text
    assert docdiff.parse(folded).metadata == docdiff.parse(text).metadata


FRENCH_PDF_TEXT = """Nations Unies A/67/280–S/2012/614
Assemblée générale Distr. générale
Conseil de sécurité 13 août 2012
                                                           Français
                                                           Original : anglais
Assemblée générale Conseil de sécurité
Soixante-septième session Soixante-septième année
Point 123 de l’ordre du jour
Coopération entre l’Organisation des Nations Unies et les organisations
régionales ou autres

                   Rapport du Secrétaire général

Résumé
Le présent rapport est soumis en application des résolutions de l’Assemblée
générale sur la coopération entre l’Organisation des Nations Unies et les
organisations régionales.

12-45678 (F) 200812 210812
*1245678*

I. Introduction

1. Le présent rapport porte sur la coopération entre l’Organisation des
Nations Unies et les organisations régionales au cours de la période considérée.
"""


def test_the_french_pdf_masthead():
    m = docdiff.parse(FRENCH_PDF_TEXT).metadata
    assert (m.symbol, m.distribution, m.date, m.session, m.language, m.original_language, m.agenda_items) == (
        "A/67/280–S/2012/614", "générale", "2012-08-13", "Soixante-septième session", "French", "English",
        ("123",))
