"""--org: which sections a name picks (docdiff/select.py)."""

from __future__ import annotations

import pytest

import docdiff
from docdiff.reader import DocdiffError
from docdiff.select import LISTED, known_names, organisation_ids, select_sections, short_forms

from .conftest import SEEDS


@pytest.fixture(scope="module")
def editions(seed_doc):
    return seed_doc, docdiff.load(SEEDS / "sample_2012.zh.txt")


@pytest.fixture(scope="module")
def comparison(editions):
    return docdiff.compare(*editions)


def titles(comparison) -> list[str]:
    return [s.title for s in comparison.sections]


def test_short_forms_are_read_from_the_text(seed_doc):
    forms = short_forms(seed_doc)
    assert forms["东南亚国家联盟"] == {"东盟"}
    assert forms["阿拉伯国家联盟"] == {"阿盟"}
    assert forms["非洲联盟"] == {"非盟"}
    # 黑海经济合作组织(黑海经合组织) defines nothing for 经济合作组织, the shorter name inside it.
    assert "经济合作组织" not in forms


def test_short_forms_in_an_english_edition():
    forms = short_forms(docdiff.load(SEEDS / "sample_en_2010.txt"))
    assert "ASEAN" in forms["Association of Southeast Asian Nations"]


@pytest.mark.parametrize("name", ["东盟", "东南亚国家联盟", "ASEAN", "asean", "Association of Southeast Asian Nations",
                                  " 东南亚国家联盟 ", "ＡＳＥＡＮ"])
def test_a_title_a_short_form_or_a_registry_name_picks_asean(comparison, editions, name):
    picked = select_sections(comparison, [name], *editions)
    assert titles(picked) == ["东南亚国家联盟"]
    assert picked.metadata_changes == ()


def test_an_old_name_picks_a_renamed_organisation(comparison, editions):
    for name in ("伊斯兰会议组织", "伊斯兰合作组织", "Organization of the Islamic Conference", "OIC"):
        assert titles(select_sections(comparison, [name], *editions)) == ["伊斯兰合作组织"]


def test_a_part_title_or_its_organisation_picks_every_section_in_it(comparison, editions):
    for name in ("联合国、各国议会以及各国议会联盟之间的合作", "IPU", "Inter-Parliamentary Union"):
        picked = titles(select_sections(comparison, [name], *editions))
        assert len(picked) == 8 and picked[0] == "各国议会对联合国的总体支持"


def test_a_part_naming_two_organisations_belongs_to_both(comparison, editions):
    assert organisation_ids("联合国同禁止化学武器组织的合作；联合国同全面禁止核试验条约组织筹备委员会的合作") == {"opcw", "ctbto"}
    for name in ("OPCW", "CTBTO"):
        assert len(select_sections(comparison, [name], *editions).sections) == 1


def test_a_subsection_by_its_lettered_heading(comparison, editions):
    assert titles(select_sections(comparison, ["C. 和平与安全"], *editions)) == ["和平与安全"]


def test_several_names_keep_document_order(comparison, editions):
    picked = select_sections(comparison, ["阿盟", "非盟", "东盟"], *editions)
    assert titles(picked) == ["非洲联盟", "东南亚国家联盟", "阿拉伯国家联盟"]


def test_a_name_that_picks_nothing_says_which_names_exist(comparison, editions):
    with pytest.raises(DocdiffError) as error:
        select_sections(comparison, ["东盟", "Atlantis"], *editions)
    message = str(error.value)
    assert "'Atlantis' matches no section" in message and "\n" not in message
    assert "东南亚国家联盟 (东盟)" in message
    # the 2012 edition's sections, parts and the summary (its outline lists them): more
    # than a line can hold, so the line names the first and says how many more there are
    headings = {s.title for _, s in editions[1].walk() if s.title} | {s.title for _, s in editions[0].walk() if s.title}
    assert len(headings) > LISTED
    shown = message.split("the sections are: ", 1)[1].split("; and ", 1)[0].split("; ")
    assert len(shown) == LISTED and len(message) < 600
    more = int(message.split("; and ", 1)[1].split()[0])
    assert more + LISTED >= len(headings) - 1  # every heading, less the renamed one listed as old → new
    assert "docdiff outline" in message


def test_a_misspelt_name_in_another_language_is_suggested_by_the_registry(comparison, editions):
    # the Chinese editions' sections are titled in Chinese: a misspelt English or short
    # name is close to the registry's name of the organisation, whose section is suggested
    for typed, title in (("Afican Union", "非洲联盟"), ("ASAEN", "东南亚国家联盟"),
                         ("Comunity of Portuguese-speaking Countries", "葡萄牙语国家共同体")):
        with pytest.raises(DocdiffError, match=f"did you mean '{title}'"):
            select_sections(comparison, [typed], *editions)


@pytest.mark.parametrize("heading", ["摘要", "Summary", "Résumé", "Resumen", "РЕЗЮМЕ"])
def test_the_summary_is_picked_by_the_heading_a_report_prints_for_it(comparison, editions, heading):
    # the zh seed prints 摘要 above its summary; the layouts' summary headings pick it in any language
    assert "摘要" in (SEEDS / "A_65_382-S_2010_490.zh.txt").read_text("utf-8").split("\n1.")[0]
    picked = select_sections(comparison, [heading], *editions)
    assert [s.kind for s in picked.sections] == ["summary"]


def test_a_known_organisation_absent_from_the_editions_picks_nothing(comparison, editions):
    with pytest.raises(DocdiffError):
        select_sections(comparison, ["European Union"], *editions)


def test_known_names_list_parts_sections_and_short_forms(comparison, editions):
    names = known_names(comparison, *editions)
    assert "非洲联盟 (非盟)" in names and "联合国、各国议会以及各国议会联盟之间的合作" in names


def test_no_names_keeps_everything(comparison, editions):
    assert select_sections(comparison, [], *editions) is comparison


# --------------------------------------------------------------------------- what left, and one resolver


def test_an_organisations_view_keeps_what_left_it(comparison, editions):
    # the key: old ¶44 of 加勒比共同体 moved to 非洲联盟 (sample_2012.zh.key.json)
    picked = select_sections(comparison, ["加共体"], *editions)
    assert titles(picked) == ["加勒比共同体"]
    (left,) = picked.sections[0].departures
    assert (left.change.old, left.change.new, left.to_title) == ((44,), (9,), "非洲联盟")
    assert left.to_index is None  # 非洲联盟 is not in this view
    from docdiff.render.view import departures

    assert [d.describe() for d in departures(picked)[0]] == ["old ¶44 moved to 非洲联盟 (new ¶9)"]


def test_references_between_kept_sections_follow_the_cut(comparison, editions):
    picked = select_sections(comparison, ["加共体", "非盟"], *editions)
    africa, caricom = (titles(picked).index(t) for t in ("非洲联盟", "加勒比共同体"))
    (left,) = picked.sections[caricom].departures
    assert left.to_index == africa
    moved_in = next(c for c in picked.sections[africa].paragraphs if c.old == (44,))
    assert moved_in.from_index == caricom


def test_near_misses_get_suggestions_and_an_empty_name_is_an_error(comparison, editions):
    with pytest.raises(DocdiffError, match="did you mean '东南亚国家联盟'"):
        select_sections(comparison, ["东南亚国家联明"], *editions)
    en = docdiff.load(SEEDS / "sample_en_2010.txt"), docdiff.load(SEEDS / "sample_en_2012.txt")
    with pytest.raises(DocdiffError, match="did you mean 'African Union'"):
        select_sections(docdiff.compare(*en), ["Afrcan Union"], *en)
    with pytest.raises(DocdiffError, match="give the name"):
        select_sections(comparison, [" "], *editions)


def test_the_pair_and_the_history_resolve_a_name_alike():
    paths = [SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt"]
    en = [docdiff.load(p) for p in paths]
    comparison = docdiff.compare(*en)
    result = docdiff.history(en)
    for name in ("Arab", "League of Arab States", "OIC", "ASEAN", "African Union"):
        in_pair = {s.title for s in select_sections(comparison, [name], *en).sections}
        in_history = {org.title for org in result.find(name)}
        assert in_pair == in_history and in_pair, name
    assert {s.title for s in select_sections(comparison, ["Arab"], *en).sections} == {"League of Arab States"}


COUNTED = ("changed", "added", "removed", "moved", "split", "merged")


@pytest.mark.parametrize(("old_name", "new_name", "key_name"), [
    ("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt", "sample_2012.zh.key.json"),
    ("sample_en_2010.txt", "sample_en_2012.txt", "sample_en_2012.key.json"),
])
def test_an_organisations_totals_count_what_entered_and_what_left_it(old_name, new_name, key_name):
    """An --org view counts each entry of the answer key that touches the
    organisation once: what stayed, what came in and what moved out (old ¶44 of
    the 加共体 section moved to 非洲联盟; ¶16 of the League of Arab States to the OIC)."""
    import json

    key = json.loads((SEEDS / key_name).read_text(encoding="utf-8"))
    old, new = docdiff.load(SEEDS / old_name), docdiff.load(SEEDS / new_name)
    comparison = docdiff.compare(old, new)
    moved_across = [p for p in key["paragraphs"] if p["status"] == "moved" and p["old_section"] != p["new_section"]]
    assert moved_across, "the key has moves between organisations"
    for title in sorted({p["old_section"] for p in moved_across} | {p["new_section"] for p in moved_across}):
        entries = [p for p in key["paragraphs"] if title in (p.get("old_section"), p.get("new_section"))]
        expected = {status: sum(p["status"] == status for p in entries) for status in COUNTED}
        view = select_sections(comparison, [title], old, new)
        assert {status: view.summary[status] for status in COUNTED} == expected, title


# --------------------------------------------------------------------------- sections with no title
# A resolution's operative part prints no heading; the report calls it "Operative part",
# as it calls the footnotes "Footnotes": those names (and the kind) pick them.

RESOLUTIONS = SEEDS / "real" / "nsa"


@pytest.fixture(scope="module")
def resolutions():
    old, new = (docdiff.load(RESOLUTIONS / name) for name in ("A_RES_79_17.txt", "A_RES_80_18.txt"))
    return docdiff.compare(old, new), old, new


@pytest.mark.parametrize(("name", "kind"), [("Operative part", "operative"), ("operative", "operative"),
                                            ("OPERATIVE PART", "operative"), ("Footnotes", "footnotes"),
                                            ("closing lines", "closing"), ("Preamble", "preamble")])
def test_a_section_with_no_title_is_picked_by_the_name_the_report_prints(resolutions, name, kind):
    comparison, old, new = resolutions
    picked = select_sections(comparison, [name], old, new)
    assert [s.kind for s in picked.sections] == [kind]


def test_the_names_listed_for_a_miss_include_the_untitled_sections(resolutions):
    comparison, old, new = resolutions
    with pytest.raises(DocdiffError, match="Operative part"):
        select_sections(comparison, ["Security Council"], old, new)


def test_a_history_finds_the_operative_part_by_its_name():
    editions = [docdiff.load(p) for p in sorted(RESOLUTIONS.glob("A_RES_*.txt"))]
    found = docdiff.history(editions).find("Operative part")
    assert [o.kind for o in found] == ["operative"]
