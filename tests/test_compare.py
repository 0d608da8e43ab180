"""Comparison on real text: every edit in the sample revisions' answer keys is
recovered, sections are mapped, and metadata changes are reported."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import docdiff
from docdiff.conventions import session_number
from docdiff.inline import spell

from .conftest import SEED_ZH, SEEDS

PAIRS = [
    (SEED_ZH, SEEDS / "sample_2012.zh.txt", SEEDS / "sample_2012.zh.key.json"),
    (SEEDS / "sample_2012.zh.txt", SEEDS / "sample_2014.zh.txt", SEEDS / "sample_2014.zh.key.json"),
    (SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt", SEEDS / "sample_en_2012.key.json"),
]
IDS = ["zh-2010-2012", "zh-2012-2014", "en-2010-2012"]


#: The kinds of section outside the numbered body the answer keys cover.
OUTSIDE_KEYS = ("summary", "footnotes", "closing")


def entries(comparison, everything=False):
    """(section, entry) of the numbered body (the keys' scope), or of all sections."""
    for section in comparison.sections:
        if everything or section.kind not in OUTSIDE_KEYS:
            for change in section.paragraphs:
                yield section, change


@pytest.fixture(scope="module", params=PAIRS, ids=IDS)
def case(request):
    old, new, key = request.param
    a, b = docdiff.load(old), docdiff.load(new)
    return a, b, docdiff.compare(a, b), json.loads(Path(key).read_text("utf-8"))


def test_every_paragraph_is_in_exactly_one_entry(case):
    a, b, comparison, _ = case
    body = list(entries(comparison))
    olds = sorted(n for _, c in body for n in c.old)
    news = sorted(n for _, c in body for n in c.new)
    assert olds == [p.number for p in a.paragraphs()]
    assert news == [p.number for p in b.paragraphs()]
    # and every paragraph, the summary's and the footnotes' among them, once by its
    # reference: the body's in reading order, then the footnotes and closing lines
    for side, document in (("old", a), ("new", b)):
        front = document.front
        total = document.paragraph_count + len(front.summary) + len(front.footnotes) + len(front.closing)
        refs = sorted(i for _, c in entries(comparison, everything=True) for i in getattr(c, f"{side}_index"))
        assert refs == list(range(total))
        notes = sorted(i for s, c in entries(comparison, everything=True) if s.kind == "footnotes"
                       for i in getattr(c, f"{side}_index"))
        assert notes == list(range(total - len(front.closing) - len(front.footnotes), total - len(front.closing)))


def test_every_edit_in_the_key_is_recovered(case):
    _, _, comparison, key = case
    got = {(c.old, c.new): c.status for _, c in entries(comparison)}
    expected = {(tuple(e["old"]), tuple(e["new"])): e["status"] for e in key["paragraphs"]}
    wrong = {k: (v, got.get(k)) for k, v in expected.items() if got.get(k) != v}
    assert not wrong
    assert len(got) == len(expected)


def test_entries_stand_under_their_sections(case):
    _, _, comparison, key = case
    where = {(c.old, c.new): (section.new_title if c.new else section.old_title) for section, c in entries(comparison)}
    for e in key["paragraphs"]:
        title = e["new_section"] if e["new"] else e["old_section"]
        assert where[(tuple(e["old"]), tuple(e["new"]))] == title, e


def test_moved_paragraphs_say_where_they_came_from(case):
    _, _, comparison, key = case
    got = {(c.old, c.new): c.from_section for _, c in entries(comparison)}
    mapped = {s["old_title"]: s["new_title"] for s in key["sections"]}
    for e in key["paragraphs"]:
        if e["old"] and e["new"] and mapped.get(e["old_section"]) != e["new_section"]:
            assert got[(tuple(e["old"]), tuple(e["new"]))] == e["old_section"]


def test_every_section_is_mapped(case):
    _, _, comparison, key = case
    got = sorted((s.status, s.old_title or "", s.new_title or "") for s in comparison.sections
                 if s.kind not in OUTSIDE_KEYS)
    expected = sorted((s["status"], s["old_title"] or "", s["new_title"] or "") for s in key["sections"])
    assert got == expected


def test_metadata_changes_are_reported(case):
    _, _, comparison, key = case
    got = {c.field: (c.old, c.new) for c in comparison.metadata_changes}
    for change in key["metadata_changes"]:
        name, old, new = change["field"], change["old"], change["new"]
        if name == "session":  # the key gives the session's number; docdiff, the session as printed
            assert tuple(session_number(s) for s in got[name]) == (int(old), int(new))
        elif name == "organisations":
            # the key lists the body's organisation headings; docdiff, the agenda titles'
            # organisations (the masthead's own list): they agree on what came and went
            added = set(got[name][1]) - set(got[name][0])
            dropped = set(got[name][0]) - set(got[name][1])
            assert added <= set(new) - set(old) and added
            assert dropped and not dropped & set(new)
        elif name == "agenda_items":  # the key gives the item as printed: "122 (a)-(w)"
            assert [items[0].split("(")[0] for items in got[name]] == [old.split()[0], new.split()[0]]
        else:
            assert got[name] == (old, new)


def test_diffs_spell_both_texts(case):
    _, _, comparison, _ = case
    for _, change in entries(comparison):
        if change.old_text != change.new_text:
            assert spell(change.diff, "-") == change.old_text
            assert spell(change.diff, "+") == change.new_text


def test_the_rename_is_found_through_the_registry():
    comparison = docdiff.compare(docdiff.load(SEED_ZH), docdiff.load(SEEDS / "sample_2012.zh.txt"))
    renamed = [s for s in comparison.sections if s.status == "renamed"]
    assert [(s.old_title, s.new_title) for s in renamed] == [("伊斯兰会议组织", "伊斯兰合作组织")]
    assert renamed[0].old_path == ("联合国同各区域组织及其他政府间组织的合作", "伊斯兰会议组织")


def test_formatting_only_differences_are_unchanged():
    old = docdiff.parse("一. 引言\n\n1. 应非盟的请求,秘书处(政治事务部)派遣特派团。\n2. 第二段。\n")
    new = docdiff.parse("一. 引言\n\n1. 应非盟的请求，秘书处（政治事务部） 派遣特派团。\n2. 第二段。\n")
    comparison = docdiff.compare(old, new)
    first = comparison.sections[0].paragraphs[0]
    assert first.status == "unchanged" and first.formatting_only
    assert not comparison.has_differences
    assert comparison.to_dict()["sections"][0]["paragraphs"][0]["formatting_only"] is True


def test_inline_diff_never_cuts_a_word():
    old = docdiff.parse("I. Introduction\n\n1. The Council met in New York in 2009.\n2. Another one.\n")
    new = docdiff.parse("I. Introduction\n\n1. The Council met in Geneva in 2011.\n2. Another one.\n")
    change = docdiff.compare(old, new).sections[0].paragraphs[0]
    assert change.status == "changed"
    assert [d for d in change.diff if d[0] != "="] == [("-", "New York"), ("+", "Geneva"), ("-", "2009"), ("+", "2011")] or \
        all(part.strip() in ("New York", "Geneva", "2009", "2011", "New York in 2009", "Geneva in 2011")
            for op, part in change.diff if op != "=")


def test_json_report_shape():
    comparison = docdiff.compare(docdiff.load(SEED_ZH), docdiff.load(SEEDS / "sample_2012.zh.txt"))
    data = json.loads(json.dumps(comparison.to_dict(), ensure_ascii=False))
    assert data["format"] == "docdiff/2"
    assert data["old"]["paragraphs"] == 191 and data["old"]["warnings"] == [] and data["old"]["metadata"]["date"] == "2010-09-20"
    assert {"field": "date", "old": "2010-09-20", "new": "2012-08-13"} in data["metadata_changes"]
    assert set(data["summary"]) == {"unchanged", "changed", "added", "removed", "moved", "split", "merged"}
    for section in data["sections"]:
        assert set(section) == {"status", "kind", "old_title", "new_title", "old_path", "new_path", "paragraphs",
                                "moved_out", "moved"}
        for entry in section["paragraphs"]:
            assert {"status", "old", "new", "old_index", "new_index", "similarity"} <= set(entry)
            assert set(entry) <= {"status", "old", "new", "old_index", "new_index", "similarity", "diff",
                                  "from_section", "formatting_only"}
            assert len(entry["old_index"]) == len(entry["old"]) and len(entry["new_index"]) == len(entry["new"])
            assert 0.0 <= entry["similarity"] <= 1.0
    kinds = [s["kind"] for s in data["sections"]]
    assert kinds[0] == "summary" and kinds[-1] == "footnotes"
    assert sum(data["summary"].values()) == sum(len(s["paragraphs"]) for s in data["sections"])


def test_sections_renamed_without_a_paragraph_in_common():
    """The opening part and a subsection whose title grew are one section renamed,
    even where every paragraph was rewritten."""
    old = docdiff.parse("一. 引言\n\n1. 本报告是根据大会决议编写的。\n\n二. 合作\n\n非洲联盟\n\n2. 非盟参加了会议。\n\n"
                        "H. 结论\n\n3. 联合国和议会联盟正在努力缔结伙伴关系。\n")
    new = docdiff.parse("一. 导言\n\n1. 这是一个完全不同的引言段落，讲述其他内容。\n\n二. 合作\n\n非洲联盟\n\n2. 非盟参加了会议。\n\n"
                        "H. 结论和建议\n\n3. 各国议会和联合国系统可在国家层面更系统地开展合作。\n")
    sections = docdiff.compare(old, new).sections
    assert [(s.status, s.old_title, s.new_title) for s in sections] == [
        ("renamed", "引言", "导言"), ("unchanged", "非洲联盟", "非洲联盟"), ("renamed", "结论", "结论和建议")]
    assert [p.status for p in sections[0].paragraphs] == ["removed", "added"]


@pytest.mark.parametrize("running", [True, False])
def test_parse_and_compare_leave_the_garbage_collector_as_they_found_it(running):
    import gc

    text = SEED_ZH.read_text("utf-8")
    (gc.enable if running else gc.disable)()
    try:
        document = docdiff.parse(text)
        assert gc.isenabled() == running
        docdiff.compare(document, document)
        assert gc.isenabled() == running
        with pytest.raises(TypeError):
            docdiff.parse(None)  # type: ignore[arg-type]
        assert gc.isenabled() == running
    finally:
        gc.enable()


def test_a_hyphen_inside_a_word_is_formatting_only():
    """PDF text ends lines inside compounds ("lessons-" / "learned"), and whether
    the hyphen survives the join is a guess: a paragraph that differs only so is
    unchanged (formatting only), and the editions count as the same."""
    head = "I. Introduction\n1. The first paragraph.\n2. "
    old = docdiff.parse(head + "Following a lessons-learned workshop held in 2009-2010, guidelines were adopted.\n")
    new = docdiff.parse(head + "Following a lessonslearned workshop held in 2009-2010, guidelines were adopted.\n")
    change = list(entries(docdiff.compare(old, new)))[1][1]
    assert (change.status, change.formatting_only) == ("unchanged", True)
    assert not docdiff.compare(old, new).has_differences
    years = docdiff.parse(head + "Following a lessons-learned workshop held in 20092010, guidelines were adopted.\n")
    assert docdiff.compare(old, years).has_differences  # a hyphen between digits is no line-end artefact


def test_renumbered_footnote_marks_are_formatting_only():
    """A note added early renumbers every mark after it ("…Wise.2" → "…Wise.3",
    "…会议。2" → "…会议。3"): no change.  Numbers that are no marks still are."""
    def edition(*paragraphs: str) -> docdiff.Document:
        return docdiff.parse("I. Introduction\n" + "".join(f"{n}. {p}\n" for n, p in enumerate(paragraphs, 1)))

    old = edition("The Panel of the Wise.2 The Council met in July 2011.3", "组织参加了会议。4",
                  "See section 2.3 of the report.")
    new = edition("The Panel of the Wise.3 The Council met in July 2011.4", "组织参加了会议。5",
                  "See section 2.4 of the report.")
    changes = [change for _, change in entries(docdiff.compare(old, new))]
    assert [(c.status, c.formatting_only) for c in changes] == [("unchanged", True), ("unchanged", True),
                                                                 ("changed", False)]


@pytest.mark.parametrize("old_text,new_text", [
    ("Under section A.1 of the plan, the Council met.", "Under section A.4 of the plan, the Council met."),
    ("Under resolution No.5 of the Council, the Council met.", "Under resolution No.7 of the Council, the Council met."),
    ("The budget reached 12.5", "The budget reached 12.9"),
    ("The ratio is set out in annex II.1", "The ratio is set out in annex II.3"),
    ("会议增长了12.5", "会议增长了12.9"),
])
def test_numbers_that_are_no_footnote_marks_still_count(old_text, new_text):
    from docdiff.similarity import formatting_key

    assert formatting_key(old_text) != formatting_key(new_text)


def test_a_paragraph_moved_across_sections_beats_a_weaker_pair_in_its_new_section():
    """Pairs inside a section are linked first only when nothing across sections
    could be more similar: a paragraph moved to another organisation with one
    word changed is "moved", not a rewrite of a paragraph it barely resembles."""
    t1 = ("The United Nations and the {org} held the annual meeting on disaster risk management in Jakarta in "
          "March 2010 with many partners.")
    t2 = ("The United Nations and the {org} held the annual meeting on disaster risk management and early warning "
          "in Bangkok in June 2011 with many partners and donors.")

    def edition(au: list[str], las: list[str]) -> docdiff.Document:
        lines = ["I. Introduction", "1. This report covers the cooperation of the United Nations with regional "
                 "organizations during the period.", "II. Cooperation with regional organizations", "African Union"]
        lines += [f"{n}. {t}" for n, t in enumerate(au, 2)] + ["League of Arab States"]
        lines += [f"{n}. {t}" for n, t in enumerate(las, 2 + len(au))]
        return docdiff.parse("\n".join(lines) + "\n")

    au = "The African Union Peace and Security Council met with the Security Council in Addis Ababa on Somalia."
    las = "The League of Arab States and the Department of Political Affairs exchanged staff on mediation."
    moving = t2.format(org="League of Arab States")
    old = edition([au, t1.format(org="African Union")], [las, moving])
    new = edition([au, moving.replace("donors", "observers")], [las])
    changes = {(c.status, c.old, c.new) for _, c in entries(docdiff.compare(old, new)) if c.status != "unchanged"}
    assert changes == {("moved", (5,), (3,)), ("removed", (3,), ())}


# --------------------------------------------------------------------------- all of it compared


def _edited_seed(tmp_path, old, new):
    """The real 2010 seed with one line's text replaced (the edit a test makes)."""
    text = SEED_ZH.read_text("utf-8")
    assert text.count(old) == 1
    path = tmp_path / "edited.txt"
    path.write_text(text.replace(old, new), "utf-8")
    return docdiff.load(SEED_ZH), docdiff.load(path)


def test_an_edited_summary_sentence_is_a_difference_in_its_own_section(tmp_path):
    a, b = _edited_seed(tmp_path, "因此，本报告也提交了安全理事会。", "因此，本报告也提交了安全理事会和大会。")
    comparison = docdiff.compare(a, b)
    assert comparison.has_differences
    changed = [(s.kind, c) for s, c in entries(comparison, everything=True) if c.status != "unchanged"]
    assert [(kind, c.status, c.old, c.new) for kind, c in changed] == [("summary", "changed", (None,), (None,))]
    assert ("+", "和大会") in changed[0][1].diff
    assert comparison.summary["changed"] == 1
    assert comparison.to_dict()["summary"]["changed"] == 1


def test_an_edited_footnote_is_a_difference_in_its_own_section(tmp_path):
    a, b = _edited_seed(tmp_path, "以便将报告草稿提交秘书长办公厅审批", "以便将报告草稿提交秘书长办公室审批")
    comparison = docdiff.compare(a, b)
    changed = [(s.kind, c.status) for s, c in entries(comparison, everything=True) if c.status != "unchanged"]
    assert changed == [("footnotes", "changed")]
    assert comparison.has_differences and comparison.sections[-1].kind == "footnotes"


def test_a_footnote_only_one_edition_has_is_added():
    old = docdiff.parse("1. The Council met.\n\n2. It adopted a text.\n")
    new = replace(old, front=replace(old.front, footnotes=("* Issued without formal editing.",)))
    comparison = docdiff.compare(old, new)
    last = comparison.sections[-1]
    assert (last.kind, last.status, [c.status for c in last.paragraphs]) == ("footnotes", "added", ["added"])
    assert comparison.has_differences


def test_split_and_merge_pieces_spell_each_paragraph_of_their_side(case):
    a, b, comparison, _ = case
    old_text = {p.number: p.text for p in a.paragraphs()}
    new_text = {p.number: p.text for p in b.paragraphs()}
    found = 0
    for _, change in entries(comparison):
        if change.status not in ("split", "merged"):
            assert change.pieces == ()
            continue
        side, numbers, texts = (("+", change.new, new_text) if change.status == "split"
                                else ("-", change.old, old_text))
        assert [spell(piece, side) for piece in change.pieces] == [texts[n] for n in numbers]
        found += 1
    assert found


def test_entries_refer_to_paragraphs_by_their_place_in_reading_order(case):
    a, b, comparison, _ = case
    for side, document in (("old", a), ("new", b)):
        # reading order: the summary (still kept apart by the parser) first, then the body, whose
        # indexes (the outline's [N]) go on after the summary's
        summary = len(document.front.summary)
        by_index = {p.index: p.number for p in document.paragraphs()}
        assert sorted(by_index) == list(range(summary, summary + document.paragraph_count))
        for _, change in entries(comparison):
            numbers, indexes = getattr(change, side), getattr(change, f"{side}_index")
            assert [by_index[i] for i in indexes] == list(numbers)


def _swap_blocks(text: str, first: str, second: str, following: str) -> str:
    """The text with the section headed ``first`` and the one headed ``second``
    (adjacent, ``first`` above, ``following`` the heading after them) in each
    other's place, every paragraph renumbered in its new order."""
    import re

    lines = text.split("\n")
    numbered, last = set(), 0  # the lines that start paragraphs: 1., 2., 3. … in sequence (not "2010. At …")
    for i, line in enumerate(lines):
        match = re.match(r"(\d+)\.\s", line)
        if match and int(match[1]) == last + 1:
            numbered.add(i)
            last += 1
    at = {title: [line.strip() for line in lines].index(title) for title in (first, second, following)}
    order = list(range(len(lines)))
    order = order[:at[first]] + order[at[second]:at[following]] + order[at[first]:at[second]] + order[at[following]:]
    counter = iter(range(1, 10_000))
    return "\n".join(re.sub(r"^\d+\.", lambda _: f"{next(counter)}.", lines[i]) if i in numbered else lines[i]
                     for i in order)


def test_two_organisations_swapped_are_sections_moved():
    """The real layout of the English sample with two organisations' sections
    exchanged and every paragraph renumbered: no paragraph changed, but the
    order did, and it is reported both ways."""
    text = (SEEDS / "sample_en_2010.txt").read_text(encoding="utf-8")
    old = docdiff.parse(text)
    organisations = [s.title for _, s in old.walk() if s.kind == "organisation"]
    first, second, following = organisations[3:6]  # the League of Arab States and the OIC
    new = docdiff.parse(_swap_blocks(text, first, second, following))
    assert [s.title for _, s in new.walk() if s.kind == "organisation"][3:5] == [second, first]
    for comparison in (docdiff.compare(old, new), docdiff.compare(new, old)):
        moved = {s.title for s in comparison.sections if s.moved}
        assert moved == {first, second}
        assert all(p.status == "unchanged" for s in comparison.sections for p in s.paragraphs)
        assert comparison.has_differences
    assert not any(s.moved for s in docdiff.compare(old, old).sections)
