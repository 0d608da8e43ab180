"""The section tree of the real Chinese edition, pinned down, and the rules that
make it: sequence-checked numbers, page-break continuations, headings."""

from __future__ import annotations

import json
import re

import pytest

import docdiff
from docdiff.model import Section

from .conftest import SEED_ZH, SEEDS
from .layouts import to_pdf_layout

ORGANISATIONS = [
    ("非洲联盟", 3, 27), ("亚非法律协商组织", 28, 30), ("东南亚国家联盟", 31, 36), ("黑海经济合作组织", 37, 40),
    ("加勒比共同体", 41, 54), ("集体安全条约组织", 55, 56), ("葡萄牙语国家共同体", 57, 60), ("欧洲委员会", 61, 66),
    ("中非国家经济共同体", 67, 69), ("经济合作组织", 70, 73), ("欧亚经济共同体", 74, 76), ("法语国家国际组织", 77, 82),
    ("拉丁美洲和加勒比经济体系", 83, 84), ("阿拉伯国家联盟", 85, 94), ("欧洲安全与合作组织", 95, 99),
    ("美洲国家组织", 100, 104), ("伊斯兰会议组织", 105, 115), ("太平洋岛屿论坛", 116, 123),
    ("上海合作组织", 124, 128), ("南部非洲发展共同体", 129, 134),
]
SUBSECTIONS = [
    ("A", "各国议会对联合国的总体支持", 135, 141), ("B", "各国议会对联合国主要活动的贡献", 142, 150),
    ("C", "和平与安全", 151, 156), ("D", "经济、社会与环境发展", 157, 164), ("E", "民主与人权", 165, 171),
    ("F", "两性平等问题", 172, 179), ("G", "议会联盟秘书处", 180, 181), ("H", "结论", 182, 189),
]


def without_spacing(sections):
    return [(path_titles, [(p.number, "".join(p.text.split())) for p in s.paragraphs])
            for path_titles, s in ((tuple(x.heading for x in path), sec) for top in sections for path, sec in top.walk())]


def span(section: Section) -> tuple[int, int]:
    numbers = [p.number for p in section.paragraphs]
    assert numbers == list(range(numbers[0], numbers[-1] + 1))
    return numbers[0], numbers[-1]


def test_seed_has_191_paragraphs_numbered_in_sequence(seed_doc):
    assert [p.number for p in seed_doc.paragraphs()] == list(range(1, 192))
    assert seed_doc.warnings == ()


def test_seed_parts_organisations_and_subsections(seed_doc):
    parts = seed_doc.sections
    assert [(s.kind, s.number) for s in parts] == [("part", "一"), ("part", "二"), ("part", "三"), ("part", "四")]
    assert parts[0].title == "引言"  # the body's heading wins over the contents' 导言
    assert span(parts[0]) == (1, 2)
    assert parts[1].paragraphs == ()
    assert [(s.kind, s.title, *span(s)) for s in parts[1].sections] == [("organisation", *o) for o in ORGANISATIONS]
    assert parts[2].title == "联合国、各国议会以及各国议会联盟之间的合作"
    assert [(s.kind, s.number, s.title, *span(s)) for s in parts[2].sections] == [("subsection", *s) for s in SUBSECTIONS]
    assert parts[3].title == "联合国同禁止化学武器组织的合作；联合国同全面禁止核试验条约组织筹备委员会的合作"
    assert span(parts[3]) == (190, 191)


def test_page_break_continuations_are_joined_without_a_space(seed_doc):
    text = {p.number: p.text for p in seed_doc.paragraphs()}
    assert text[6].endswith("自从 2007 年负责边界问题的非洲部长第一次会议以来，外勤支助部一直与政治事务部协作，"
                            "为非盟关于边界问题的倡议(即非盟边境方案)提供支持。")
    assert "首次非盟和平与安全理事会-建设和平委员会会议年底在纽约举行。" in text[12]


def test_every_joined_paragraph_is_its_two_source_lines(seed_doc, seed_text):
    """In the seed, 11 paragraphs are cut by a page break: the paragraph's line,
    a blank line, then the continuation.  Each joins to exactly the two lines."""
    lines = seed_text.split("\n")
    joined = {6: 135, 12: 149, 27: 181, 45: 227, 69: 285, 75: 303, 93: 347, 149: 479, 157: 501, 164: 517, 188: 575}
    text = {p.number: p.text for p in seed_doc.paragraphs()}
    for number, line in joined.items():
        first = lines[line - 1]
        assert first.startswith(f"{number}. ")
        assert lines[line] == ""
        assert text[number] == first[len(f"{number}. "):] + lines[line + 1], number
    # and no other paragraph took in a line that is not its own
    loose = [ln for ln in lines[122:] if len(ln) > 20 and not re.match(r"^(\d+|[一二三四])\. ", ln)]
    assert len(loose) == len(joined)
    for number, body in text.items():
        if number not in joined:
            assert not any(ln in body for ln in loose), number


def test_seed_metadata(seed_doc):
    meta = seed_doc.metadata
    assert meta.symbol is None  # the Chinese text prints no symbol line and no running heads
    assert meta.date == "2010-09-20"
    assert meta.language == "Chinese"
    assert meta.original_language == "English"
    assert meta.session == "第六十五届会议"
    assert meta.title == "联合国同各区域组织及其他组织的合作"
    assert meta.agenda_items == tuple(f"122({c})" for c in "abcdefghijklmnopqrstuvw")
    assert len(meta.organisations) == 23
    assert meta.organisations[0] == "非洲联盟"
    assert "伊斯兰会议组织" in meta.organisations and "上海合作组织" in meta.organisations
    assert meta.title not in meta.organisations


def test_front_matter_kept_apart_from_the_body(seed_doc):
    front = seed_doc.front
    assert len(front.summary) == 4 and front.summary[0].startswith("在若干决议中")
    assert front.footnotes == ("* 本报告在最后期限之后六个工作日提交，以便将报告草稿提交秘书长办公厅审批之后对报告文本提出的修正也包括在内。",)
    assert front.contents[0].title == "一. 导言" and front.contents[0].page == 4
    assert len(front.contents) == 24
    bodies = " ".join(p.text for p in seed_doc.paragraphs())
    assert "10-54243" not in bodies and "请回收" not in bodies and "摘要" not in bodies


@pytest.mark.parametrize("name", ["A_65_382-S_2010_490.zh.txt", "sample_en_2010.txt", "sample_en_2010.pdf"])
def test_a_masthead_note_keeps_its_mark_as_printed_wherever_it_is_read(name):
    """The "*" note: the Chinese edition prints it among the masthead's lines, the
    English one at the first page's foot (the PDF too); either way the note is its
    printed lines, mark and all, as a page foot's numbered notes keep theirs."""
    text = (SEEDS / name.replace(".pdf", ".txt")).read_text("utf-8").split("\n")
    start = next(k for k, line in enumerate(text) if line.strip().startswith("* "))
    end = next(k for k in range(start, len(text)) if not text[k].strip())
    printed = " ".join(line.strip() for line in text[start:end])
    [note] = docdiff.load(SEEDS / name).front.footnotes
    assert note == printed and note.startswith("* ")


def test_outline_json_shape(seed_doc):
    data = json.loads(json.dumps(seed_doc.to_dict(), ensure_ascii=False))
    assert data["format"] == "docdiff-outline/2"
    assert set(data["metadata"]) == {"kind", "symbol", "distribution", "date", "language", "original_language",
                                     "session", "title", "label", "agenda_items", "organisations", "resolution_number",
                                     "adoption_date", "committee", "sponsors", "meeting"}
    # every paragraph carries its place in reading order over the whole document: the summary's four
    # (kept in "front") are 0–3, as the comparison's references count them; the body's go on from 4
    indexes: list[int] = []

    def collect(section: dict) -> None:
        indexes.extend(p["index"] for p in section["paragraphs"])
        for child in section["sections"]:
            collect(child)

    for section in data["sections"]:
        collect(section)
    assert len(data["front"]["summary"]) == 4
    assert indexes == list(range(4, 4 + len(indexes))) and len(indexes) == 191
    part2 = data["sections"][1]
    assert (part2["kind"], part2["number"], part2["paragraphs"]) == ("part", "二", [])
    au = part2["sections"][0]
    assert au == {"kind": "organisation", "number": None, "title": "非洲联盟",
                  "paragraphs": au["paragraphs"], "sections": []}
    assert au["paragraphs"][0]["number"] == 3 and au["paragraphs"][0]["text"].startswith("安全理事会成员")


@pytest.mark.parametrize("width,page_lines", [(80, 40), (60, 25), (100, 55)])
def test_hard_wrapped_pdf_layout_gives_the_same_tree(seed_text, seed_doc, width, page_lines):
    wrapped = docdiff.parse(to_pdf_layout(seed_text, width=width, page_lines=page_lines))
    # A wrap that falls on the space between a Chinese character and a number
    # ("成员 | 2009 年") loses that space: texts are compared without spacing.
    assert without_spacing(wrapped.sections) == without_spacing(seed_doc.sections)
    # the running heads name the symbol the Chinese masthead does not print
    assert wrapped.metadata.symbol == "A/65/382–S/2010/490"
    assert wrapped.metadata.date == seed_doc.metadata.date


def test_a_year_or_resolution_number_at_a_line_start_is_never_a_paragraph():
    text = ("一. 引言\n\n1. 大会通过了决议，并请秘书长在\n2009. 年提交报告。\n"
            "2. 安全理事会第\n1540. 号决议的执行情况。\n3. 最后一段。\n")
    doc = docdiff.parse(text)
    assert [p.number for p in doc.paragraphs()] == [1, 2, 3]
    assert doc.sections[0].paragraphs[0].text == "大会通过了决议，并请秘书长在2009. 年提交报告。"


def test_continuation_after_unfinished_sentence_never_becomes_a_heading():
    text = "二. 合作\n\n非洲联盟\n\n1. 委员会邀请非盟出席会议。首次非盟和平与安全理事\n\n会议\n\n2. 第二段。\n"
    doc = docdiff.parse(text)
    org = doc.sections[0].sections[0]
    assert [s.title for s in doc.sections[0].sections] == ["非洲联盟"]
    assert org.paragraphs[0].text == "委员会邀请非盟出席会议。首次非盟和平与安全理事会议"


def test_english_layout_with_wrapped_part_title_and_hyphenation():
    text = """I. Introduction

1.     This report is submitted pursuant to resolutions of the General Assembly on
       cooperation between the United Nations and regional organizations.

II.    Cooperation between the United Nations and regional and other
       intergovernmental organizations

African Union

2.     The peacekeeping partnership grew. The Department supported peace-
       keeping training and follow-
       up meetings on early warning.
A/65/382
S/2010/490

3.     In 2010, the Council met twice.
"""
    doc = docdiff.parse(text)
    assert [(s.kind, s.number, s.title) for s in doc.sections] == [
        ("part", "I", "Introduction"),
        ("part", "II", "Cooperation between the United Nations and regional and other intergovernmental organizations"),
    ]
    au = doc.sections[1].sections[0]
    assert (au.kind, au.title) == ("organisation", "African Union")
    assert au.paragraphs[0].text == ("The peacekeeping partnership grew. The Department supported peacekeeping "
                                     "training and follow-up meetings on early warning.")
    assert doc.metadata.language == "English"


def test_text_without_structure_gives_numbered_blocks_and_a_warning():
    doc = docdiff.parse("First block\nstill first.\n\nSecond block.\n")
    assert [p.text for p in doc.paragraphs()] == ["First block still first.", "Second block."]
    assert [p.number for p in doc.paragraphs()] == [1, 2]
    assert doc.warnings and "no numbered paragraphs" in doc.warnings[0]


def test_load_names_the_source():
    assert docdiff.load(SEED_ZH).source == str(SEED_ZH)


def test_page_footnotes_leave_the_paragraph_and_numbers_in_text_stay():
    text = """I. Introduction

1.     The Council met in 2009.1 The Union attended the meeting as an observer and
       spoke twice.
       1 See A/63/666, annex, which was published in
         two parts.
       2 See also resolution 64/3.
10-54243      3

A/65/382
S/2010/490

2.     Second paragraph, about the meeting of the African Union held in the year.
       70 countries took part.
10-54243      4
3.     Third.
"""
    doc = docdiff.parse(text)
    first, second, _ = doc.paragraphs()
    assert first.text == "The Council met in 2009.1 The Union attended the meeting as an observer and spoke twice."
    assert doc.front.footnotes == ("1 See A/63/666, annex, which was published in two parts.",
                                   "2 See also resolution 64/3.")
    # notes are numbered from 1: "70 countries" above a footer is text
    assert second.text.endswith("held in the year. 70 countries took part.")


def test_english_sample_edition_in_pdf_layout():
    doc = docdiff.load(SEED_ZH.parent / "sample_en_2010.txt")
    assert doc.metadata.symbol == "A/65/382–S/2010/490" and doc.metadata.date == "2010-09-20"
    assert [p.number for p in doc.paragraphs()] == list(range(1, 34))
    source = (SEED_ZH.parent / "sample_en_2010.src.txt").read_text("utf-8")
    for p in doc.paragraphs():  # every paragraph, hyphenation included, as the one-line source has it
        assert f"{p.number}. {p.text}" in source.split("\n"), p.number


def test_masthead_in_pdf_columns_with_wrapped_titles():
    text = """                                                          A/65/382-S/2010/490
  United Nations
  General Assembly                                       Distr.: General
  Security Council                                       20 September 2010
                                                         Original: English
Agenda item 122 (a)-(w)
Cooperation between the United Nations and regional and other
organizations: cooperation between the United Nations and the
African Union
Cooperation between the United Nations and the Preparatory Commission for the
Comprehensive Nuclear-Test-Ban Treaty Organization

           Cooperation between the United Nations and regional
           and other organizations*
                  Report of the Secretary-General
   Summary
           In a number of resolutions, the General Assembly noted.

 I. Introduction
 1.     The present report.
 2.     Second.
"""
    meta = docdiff.parse(text).metadata
    assert meta.symbol == "A/65/382–S/2010/490"  # the hyphen between the symbols read as the en dash
    assert meta.title == "Cooperation between the United Nations and regional and other organizations"
    assert meta.organisations == ("African Union",
                                  "Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization")
    assert meta.language == meta.original_language == "English"
    assert len(meta.agenda_items) == 23


def test_a_paragraph_number_alone_on_its_line():
    doc = docdiff.parse("I. Introduction\n\n1.\nThe present report is submitted pursuant to resolutions\n"
                        "of the Assembly.\n2.\nSecond paragraph.\n3. Third.\n")
    assert [(p.number, p.text) for p in doc.paragraphs()] == [
        (1, "The present report is submitted pursuant to resolutions of the Assembly."),
        (2, "Second paragraph."), (3, "Third.")]


@pytest.mark.parametrize("layout", ["one paragraph per line", "PDF layout"])
def test_a_paragraph_1_that_lost_its_number_is_recovered(seed_text, seed_doc, layout):
    """Without its "1." the text under part one's heading is paragraph 1 (with
    a warning), not the end of the front matter; the tree is the same."""
    text = seed_text if layout == "one paragraph per line" else to_pdf_layout(seed_text, width=80, page_lines=45)
    expected = seed_doc if layout == "one paragraph per line" else docdiff.parse(text)
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if re.match(r"1\.\s+本报告第二部分", line))
    lines[first] = re.sub(r"^1\.", "  ", lines[first])
    document = docdiff.parse("\n".join(lines))
    assert document.sections == expected.sections
    assert document.front == expected.front
    assert document.warnings == ("paragraph 1 has no number: the text above paragraph 2 is taken for it "
                                 f"(line {first + 1})",)


def test_without_a_heading_of_part_one_the_body_starts_at_paragraph_2():
    doc = docdiff.parse("Report of the Secretary-General\n\nSome text of the front matter.\n\n"
                        "2. The second paragraph.\n3. The third paragraph.\n")
    assert [p.number for p in doc.paragraphs()] == [2, 3]
    assert "Some text of the front matter." not in " ".join(p.text for p in doc.paragraphs())
    assert doc.warnings == ("paragraph numbering starts at 2 (line 5)",)


def test_page_of_pages_footers_are_dropped():
    """Editions from 2011 on print the page as "3/20" beside the job number."""
    text = ("I.     Introduction\n\n1.     The first paragraph goes on\n\n2/20      12-45678\n\nA/67/280\nS/2012/614\n\n"
            "       across the page break.\n\n12-45678      3/20\n\n2.     The second paragraph.\n")
    doc = docdiff.parse(text)
    assert [p.text for p in doc.paragraphs()] == ["The first paragraph goes on across the page break.",
                                                   "The second paragraph."]


PART_FOUR = ("Cooperation between the United Nations and the Organization for the Prohibition of Chemical Weapons; "
             "cooperation between the United Nations and the Preparatory Commission for the Comprehensive "
             "Nuclear-Test-Ban Treaty Organization")


@pytest.mark.parametrize("width", range(50, 82, 3))
def test_a_wrapped_part_title_without_contents_stays_whole(width):
    """Without a table of contents to name it, a part title wrapped at any width
    is one title, also where a line of it starts with a capital ("Treaty
    Organization", "Nations and …") — and an organisation after a blank line
    is not part of it."""
    import textwrap

    sample = docdiff.load(SEEDS / "sample_en_2010.txt")
    body = []
    for n, paragraph in enumerate(list(sample.paragraphs())[:8], start=1):
        lines = textwrap.wrap(paragraph.text, 80)
        body += [f"{n}.".ljust(7) + lines[0], *("       " + line for line in lines[1:]), ""]
    title = textwrap.wrap(PART_FOUR, width)
    text = "\n".join(["  I.    Introduction", "", *body, "  IV.   " + title[0], *("        " + t for t in title[1:]), "",
                      "9.     The Organization for the Prohibition of Chemical Weapons and the United Nations",
                      "       continued to cooperate under their relationship agreement.", "",
                      "  V.    Cooperation between the United Nations and regional and other intergovernmental",
                      "        organizations", "", "       Pacific Islands Forum", "",
                      "10.    The Forum met twice.", ""])
    document = docdiff.parse(text)
    four, five = document.sections[-2:]
    assert (four.title, four.sections, [p.number for p in four.paragraphs]) == (PART_FOUR, (), [9])
    assert [s.title for s in five.sections] == ["Pacific Islands Forum"]


def test_a_wrapped_line_that_starts_with_a_number_above_a_footer_stays_in_its_paragraph():
    """Below a paragraph's first line ("4.     …") the next line is indented
    otherwise; starting with a number just above a page footer does not make it
    a footnote."""
    text = ("I.     Introduction\n\n1.     The first paragraph.\n\n"
            "2.     In 2009, the Department of Political Affairs trained a total of\n"
            "       1 000 mediators for the African Union Panel of the Wise and the\n\n"
            "10-54243      3\n\n"
            "       decision-making organs of the African Union.\n\n3.     The third paragraph.\n")
    doc = docdiff.parse(text)
    assert doc.front.footnotes == ()
    assert list(doc.paragraphs())[1].text == ("In 2009, the Department of Political Affairs trained a total of 1 000 "
                                              "mediators for the African Union Panel of the Wise and the "
                                              "decision-making organs of the African Union.")


def test_a_lost_paragraph_1_keeps_the_subsection_heading_above_it():
    text = ("I. Introduction\nA. Background\nPart II of the present report has been prepared in response to "
            "resolutions.\n2. The second paragraph.\n3. The third paragraph.\n")
    doc = docdiff.parse(text)
    introduction = doc.sections[0]
    assert [(s.number, s.title, [p.number for p in s.paragraphs]) for s in introduction.sections] == [
        ("A", "Background", [1, 2, 3])]
    assert next(iter(doc.paragraphs())).text.startswith("Part II of the present report")


def test_an_organisation_heading_is_not_joined_with_the_heading_under_it():
    """Hard-wrapped, with no table of contents: "Asian-African Legal Consultative
    Organization" fills half the width right above "Legal advisory cooperation",
    but the registry knows it as a whole name."""
    sample = SEEDS.joinpath("sample_en_2010.txt").read_text("utf-8")
    lines = sample.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "Contents")
    end = next(i for i, line in enumerate(lines) if i > start and line.strip().startswith("I.") and "." not in line[6:])
    body = "\n".join(lines[:start] + lines[end:])
    body = body.replace("       Asian-African Legal Consultative Organization\n",
                        "       Asian-African Legal Consultative Organization\n       Legal advisory cooperation\n", 1)
    doc = docdiff.parse(body)
    titles = [s.title for _, s in doc.walk()]
    assert "Asian-African Legal Consultative Organization" in titles and "Legal advisory cooperation" in titles


def test_unnumbered_text_under_a_heading_is_unnumbered_paragraphs():
    text = ("I. Introduction\n\n1. The first paragraph ends here.\n\nII. Cooperation with organizations\n\n"
            "This text under the heading has no number and ends its sentence.\nIt goes on here.\n\n"
            "And a second unnumbered block.\n\n2. The second paragraph.\n")
    document = docdiff.parse(text)
    two = document.sections[1]
    assert two.heading == "II. Cooperation with organizations" and not two.sections
    assert [(p.number, p.text) for p in two.paragraphs] == [
        (None, "This text under the heading has no number and ends its sentence. It goes on here."),
        (None, "And a second unnumbered block."), (2, "The second paragraph.")]
    assert [p.index for p in document.paragraphs()] == [0, 1, 2, 3]
