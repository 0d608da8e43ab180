"""The reports: the terminal one on recorded consoles at fixed widths, Markdown
and HTML as text; the rules (escaping, wrapping, never crashing) under hypothesis."""

from __future__ import annotations

import html.parser
import io
import re

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.control import strip_control_codes
from rich.measure import Measurement
from rich.text import Text

import docdiff
from docdiff.model import Comparison, EditionInfo, Metadata, MetadataChange, ParagraphChange, SectionChange
from docdiff.render import render_text, report, view
from docdiff.render.html import to_html
from docdiff.render.markdown import escape, escape_block, to_markdown
from docdiff.render.terminal import ComparisonReport, ParagraphEntry, SummaryTable
from docdiff.render.view import ReportOptions
from docdiff.render.wrap import (
    NO_LINE_END,
    NO_LINE_START,
    balanced_offsets,
    break_offsets,
    break_offsets_by_clusters,
    wrap,
)

from .conftest import SEEDS

SAMPLE_2012 = SEEDS / "sample_2012.zh.txt"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def sample_2012():
    return docdiff.load(SAMPLE_2012)


@pytest.fixture(scope="module")
def comparison(seed_doc, sample_2012) -> Comparison:
    return docdiff.compare(seed_doc, sample_2012)


@pytest.fixture(scope="module")
def one_edit(seed_doc, seed_text) -> Comparison:
    """The seed against itself with one ASEAN paragraph edited: every other
    section unchanged."""
    edited = seed_text.replace("第三次东盟-联合国首脑会议 2010 年在越南举行", "第四次东盟-联合国首脑会议 2011 年在印度尼西亚举行")
    assert edited != seed_text
    return docdiff.compare(seed_doc, docdiff.parse(edited, source="edited.txt"))


def record(renderable, width: int = 80, color: bool = False) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system="truecolor" if color else None,
                      force_terminal=color, highlight=False)
    console.print(renderable)
    return console.export_text(styles=color)


def lines_of(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


def rules(text: str) -> list[str]:
    """The titles of the section rules in a report ("东南亚国家联盟 ━━━━")."""
    return [line.split(" ━", 1)[0].strip() for line in lines_of(text) if "━━━━" in line]


# --------------------------------------------------------------------------- the terminal report


@pytest.mark.parametrize("width", [80, 200])
def test_report_fits_the_width_at_80_and_200_columns(comparison, width):
    text = record(ComparisonReport(comparison), width)
    assert max(cell_len(line) for line in lines_of(text)) <= width


def test_header_names_both_editions_and_the_masthead_changes(comparison):
    text = record(ComparisonReport(comparison), 100)
    head = text.split("section")[0]
    assert "2010-09-20 · Chinese · 191 paragraphs" in head
    assert "2012-08-13 · Chinese · 189 paragraphs" in head
    assert "date" in head and "2010-09-20 → 2012-08-13" in head
    assert "122(a)–(w)" in head and "123(a)–(w)" in head  # agenda items, compacted
    joined = re.sub(r"\s+", "", head)  # wrapped lines joined
    assert "[-拉丁美洲经济体系,伊斯兰会议组织-]{+国际移民组织,伊斯兰合作组织+}" in joined


def test_summary_has_one_row_per_section_in_document_order_with_parts_as_groups(comparison):
    text = record(SummaryTable(comparison, fold_unchanged=False), 120)
    rows = lines_of(text)
    order = ["一. 引言", "二. 联合国同各区域组织及其他政府间组织的合作", "非洲联盟", "国际移民组织", "拉丁美洲和加勒比经济体系",
             "伊斯兰会议组织 → 伊斯兰合作组织", "三. 联合国、各国议会以及各国议会联盟之间的合作", "A. 各国议会对联合国的总体支持",
             "H. 结论", "四. 联合国同禁止化学武器组织的合作"]
    positions = [next(i for i, row in enumerate(rows) if name in row) for name in order]
    assert positions == sorted(positions)
    # Parts are numbered as printed, also where only their sections hold
    # paragraphs; subsections are indented under their part; organisations under part 二.
    assert any(r.startswith("二. 联合国同各区域组织") for r in rows)
    assert next(r for r in rows if "A. 各国议会对联合国的总体支持" in r).startswith("  A.")
    assert next(r for r in rows if "非洲联盟" in r).startswith("  非洲联盟")


def test_summary_counts_each_status_and_marks_renamed_added_removed_sections(comparison):
    text = record(SummaryTable(comparison), 120)
    row = next(r for r in lines_of(text) if r.lstrip().startswith("非洲联盟"))
    assert row.split()[-6:] == ["7", "1", "1", "2", "1", "1"]  # changed added removed moved split merged
    assert re.search(r"伊斯兰会议组织 → 伊斯兰合作组织\s+renamed", text)
    assert re.search(r"国际移民组织\s+new section", text)
    assert re.search(r"拉丁美洲和加勒比经济体系\s+section removed", text)
    total = next(r for r in lines_of(text) if r.startswith("total"))
    # the key's 46 changed paragraphs, and the two summary sentences the script
    # edits (derive(..., [(0, "第六十五届会议", …), (2, …)]) in make_sample_revision.py)
    assert total.split()[1:] == ["48", "11", "13", "5", "2", "2"]
    assert re.search(r"^Summary\s+2\s", text, re.M)


def test_summary_folds_runs_of_unchanged_sections_into_one_line(one_edit):
    folded = record(SummaryTable(one_edit, fold_unchanged=True), 100)
    assert "东南亚国家联盟" in folded
    assert re.search(r"… 2 unchanged: 非洲联盟; 亚非法律协商组织", folded)
    assert re.search(r"… 17 unchanged: 黑海经济合作组织", folded)
    assert re.search(r"联合国、各国议会以及各国议会联盟之间的合作\s*\n  … 8 unchanged: A\.", folded)
    unfolded = record(SummaryTable(one_edit, fold_unchanged=False), 100)
    assert "上海合作组织  (unchanged)" in unfolded


def test_short_column_headings_and_a_legend_below_100_columns(comparison):
    narrow, wide = record(SummaryTable(comparison), 80), record(SummaryTable(comparison), 100)
    assert "chg  add  rem  mov  spl  mrg" in narrow and "chg changed · add added" in narrow
    assert "changed  added  removed  moved  split  merged" in wide and "chg changed" not in wide


def test_changed_paragraph_is_a_redline_headed_by_old_and_new_numbers(comparison):
    text = record(ComparisonReport(comparison), 80)
    assert " ¶1 → ¶1  changed" in text
    assert "本报告第二部分是最近 [-16-]{+17+} 项决议编写的。" in text


def test_redline_is_red_struck_and_green_in_colour(comparison):
    change = next(p for p in comparison.paragraph_changes() if p.old == (1,))
    console = Console(width=80, color_system="truecolor", force_terminal=True, file=io.StringIO())
    segments = list(console.render(ParagraphEntry(change)))
    deleted = next(s for s in segments if s.text == "16")
    inserted = next(s for s in segments if s.text == "17")
    assert deleted.style.strike and deleted.style.color.name == "red"
    assert inserted.style.color.name == "green"
    assert "[-" not in "".join(s.text for s in segments)  # markers only without colour


def test_added_and_removed_paragraphs_are_green_and_red(comparison):
    added = next(p for p in comparison.paragraph_changes() if p.status == "added")
    removed = next(p for p in comparison.paragraph_changes() if p.status == "removed")
    console = Console(width=80, color_system="truecolor", force_terminal=True, file=io.StringIO())
    for change, colour in ((added, "green"), (removed, "red")):
        body = [s for s in console.render(ParagraphEntry(change)) if len(s.text.strip()) > 10]
        assert body and all(s.style.color.name == colour for s in body)


def test_moved_split_and_merged_say_where_from_and_show_their_parts(comparison):
    text = record(ComparisonReport(comparison), 100)
    assert "¶44 → ¶9  moved from 加勒比共同体, changed" in text
    assert "old ¶44 moved to 非洲联盟 (new ¶9)" in text  # where it left, in 加勒比共同体
    assert "¶8 → ¶10–11  split in 2" in text
    assert re.search(r"→ ¶10  经济和社会事务部", text) and re.search(r"→ ¶11  该部还与", text)
    assert "¶22–23 → ¶24  merged from 2" in text
    assert re.search(r"from ¶22  根据与非盟的谅解备忘录", text)


def test_runs_of_unchanged_paragraphs_fold_into_one_dim_line(comparison):
    text = record(ComparisonReport(comparison), 100)
    assert " … 1 unchanged (¶2)" in text
    assert " … 2 unchanged (¶42–43 → ¶43–44)" in text
    assert " … 4 unchanged (¶32–33, 35–36 → ¶33–36)" in text
    console = Console(width=100, color_system="truecolor", force_terminal=True, file=io.StringIO())
    fold = next(s for s in console.render(ComparisonReport(comparison)) if s.text.startswith("… 1 unchanged"))
    assert fold.style is not None
    assert fold.style.dim


def test_unchanged_sections_are_not_shown_in_full(one_edit):
    text = record(ComparisonReport(one_edit), 100)
    assert rules(text) == ["东南亚国家联盟"]
    assert "[-第三-]{+第四+}" in text or "[-三-]{+四+}" in text


def test_all_shows_unchanged_paragraphs_and_sections(one_edit):
    text = record(ComparisonReport(one_edit, ReportOptions(show_unchanged=True)), 100)
    assert "… " not in text.split("━━━", 1)[1]  # nothing folded in the sections
    assert "¶3 → ¶3  unchanged" in text
    assert len(rules(text)) == len(one_edit.sections)


def test_summary_only_stops_after_the_table(comparison):
    text = record(ComparisonReport(comparison, ReportOptions(summary_only=True)), 100)
    assert "total" in text and not rules(text) and "¶" not in text


def test_no_differences_says_so(seed_doc):
    same = docdiff.compare(seed_doc, seed_doc)
    text = record(report(same), 80)
    assert "No differences." in text and "━━━" not in text


@pytest.mark.parametrize("width", [80, 120])
def test_chinese_wraps_by_cells_and_never_before_closing_punctuation(comparison, width):
    text = record(ComparisonReport(comparison), width)
    body = [line for line in lines_of(text) if line.startswith("    ")]
    assert body
    for line in body:
        assert cell_len(line) <= width
        assert line[4] not in NO_LINE_START
    # Lines are filled: a paragraph line other than its last one leaves at most
    # a few cells free (no Latin-style breaks before a run of Chinese).
    full = [line for line in body if cell_len(line) >= width - 6]
    assert len(full) > len(body) / 2


def test_text_is_never_set_wider_than_the_measure_on_a_wide_terminal(comparison):
    from docdiff.render.terminal import INDENT, MEASURE

    text = record(ComparisonReport(comparison), 200)
    body = [line.rstrip() for line in lines_of(text.split("━━━", 1)[1]) if line.startswith("    ")]
    assert max(cell_len(line) for line in body) <= INDENT + MEASURE


# --------------------------------------------------------------------------- wrapping


#: Everything the line breaker tells apart: spaces (also wide and non-breaking), wide and
#: narrow letters, the closing and opening marks, the redline's markers, a control
#: character, combining marks, a wide emoji and the joiner and selector that change widths.
BREAKER_ALPHABET = st.sampled_from([*"ab1 \t\u3000\u00a0中文国，。、）》（《“.,;()[]{}-+\x07\u0301",
                                    "[-", "-]", "{+", "+}", "联合国", "word", "2009", "\U0001f600", "\u200d", "\ufe0f"])


@given(st.lists(BREAKER_ALPHABET, max_size=60).map("".join), st.integers(min_value=0, max_value=40))
@settings(max_examples=500, deadline=None)
def test_the_bisecting_line_breaker_breaks_where_the_cluster_by_cluster_one_does(text, width):
    """break_offsets (widths summed once, each line found by bisection) against
    the rules spelled cluster by cluster with rich's cell_len (the breaker before #14.1)."""
    assert break_offsets(text, width) == break_offsets_by_clusters(text, width)


@pytest.mark.parametrize("width", [2, 3, 7, 20, 37, 74, 120])
def test_the_line_breakers_agree_on_every_paragraph_of_the_seeds(comparison, width):
    """Real text (the seeds' Chinese pair, each paragraph as both editions print
    it) at widths from a character to a wide screen: both breakers cut alike."""
    texts = {t for s in comparison.sections for c in s.paragraphs for t in (c.old_text, c.new_text) if t}
    assert len(texts) > 250  # 191 and 189 paragraphs, 124 of them the same in both
    for text in texts:
        assert break_offsets(text, width) == break_offsets_by_clusters(text, width)


@given(st.lists(BREAKER_ALPHABET, max_size=60).map("".join), st.integers(min_value=2, max_value=40))
@settings(max_examples=300, deadline=None)
@example(text="2009\ufe0f", width=2)  # a variation selector widens the digit before it: cut as one
def test_broken_lines_keep_every_character_and_fit(text, width):
    offsets = break_offsets(text, width)
    assert offsets == sorted(set(offsets)) and all(0 < o < len(text) for o in offsets)
    pieces = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)])]
    assert "".join(pieces) == text
    assert all(cell_len(piece.rstrip()) <= width for piece in pieces)


def test_break_offsets_keep_latin_words_and_numbers_whole():
    text = "2009 年在纽约举行的联合国和东南亚国家联盟(东盟)年度部长级会议 A/63/228-S/2008/531 以来"
    for width in range(20, 60):  # wider than the longest word
        pieces = [p.plain for p in wrap(Text(text), width)]
        assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
        assert all(cell_len(p) <= width for p in pieces)
        assert not any(p.endswith("200") for p in pieces)  # "2009" is never cut
        assert not any(p[:1] in NO_LINE_START for p in pieces)
        assert not any(p[-1:] in NO_LINE_END for p in pieces)


@given(st.text(alphabet="联合国同禁止化学武器组织的合作；abc de fgh ", max_size=200), st.integers(min_value=4, max_value=100))
@settings(max_examples=300, deadline=None)
def test_a_balanced_title_takes_as_many_lines_as_the_greedy_one_and_no_wider(text, width):
    greedy, balanced = break_offsets(text, width), balanced_offsets(text, width)
    assert len(balanced) == len(greedy)
    def lines(offsets: list[int]) -> list[str]:
        return [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)])]
    assert "".join(lines(balanced)) == text
    assert max(cell_len(x.rstrip()) for x in lines(balanced)) <= max(cell_len(x.rstrip()) for x in lines(greedy))


@pytest.mark.parametrize("width", [60, 70, 80, 90, 100, 110, 120])
def test_a_part_title_never_leaves_one_character_alone(width):
    """The seed's part 四 (42 characters) wrapped at 80 columns left 作 alone on its last line."""
    comparison = docdiff.compare(docdiff.load(SEEDS / "A_65_382-S_2010_490.zh.txt"),
                                 docdiff.load(SEEDS / "sample_2012.zh.txt"))
    console = Console(width=width, record=True, color_system=None, force_terminal=False)
    console.print(ComparisonReport(comparison))
    title = "四. 联合国同禁止化学武器组织的合作；联合国同全面禁止核试验条约组织筹备委员会的合作"
    lines = [line.strip() for line in console.export_text().splitlines()]
    for i, line in enumerate(lines):
        if line.startswith("四. ") and not line.endswith("━"):
            pieces = [line.split("  ")[0]]
            while "".join(pieces).replace(" ", "") != title.replace(" ", "") and i + len(pieces) < len(lines):
                pieces.append(lines[i + len(pieces)].split("  ")[0])
            assert "".join(pieces) == title
            assert min(cell_len(p) for p in pieces) >= cell_len(title) // (2 * len(pieces)), pieces


def test_markers_stay_with_their_text():
    text = "第" * 30 + "[-三-]{+四+}次东盟"
    for width in range(14, 40):  # wider than "[-三-]{+四+}次"
        for piece in wrap(Text(text), width):
            assert not piece.plain.startswith(("-]", "+}")) and not piece.plain.endswith(("[-", "{+"))


@given(st.text(max_size=300), st.integers(min_value=2, max_value=120))
@settings(max_examples=300, deadline=None)
def test_wrap_loses_nothing_and_keeps_to_the_width(text, width):
    text = strip_control_codes(text.replace("\t", " "))  # rich drops control codes
    pieces = wrap(Text(text), width)
    joined = "".join(p.plain for p in pieces)
    # Only spaces at line ends are dropped, and newlines become line breaks.
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", text)
    for piece in pieces:
        assert cell_len(piece.plain) <= max(width, 2) or len(piece.plain) == 1


_STYLES = st.sampled_from(["", "bold", "red strike", "green underline", "dim", "cyan"])


@st.composite
def styled_texts(draw):
    """A Text as the report builds them: a base style, pieces appended with
    their own styles (redline parts, labels), now and then a span over it all."""
    text = Text(style=draw(_STYLES))
    for piece, style in draw(st.lists(st.tuples(st.lists(BREAKER_ALPHABET | st.just("\n"), max_size=12).map("".join),
                                                _STYLES), max_size=6)):
        text.append(piece, style=style)
    if draw(st.booleans()):
        text.stylize(draw(_STYLES), draw(st.integers(0, 20)), draw(st.integers(0, 40)))
    return text


@given(styled_texts(), st.integers(min_value=1, max_value=50), st.integers(0, 6), st.none() | st.integers(1, 30),
       st.booleans())
@settings(max_examples=400, deadline=None)
def test_wrapped_draws_the_segments_rich_draws_for_its_lines(text, width, indent, measure, balance):
    """Wrapped builds its segments straight from the text's spans (#14.1); the key:
    the lines of ``wrap`` (rich's Text.split, divide and rstrip) each rendered by
    rich's Text.render with the base style applied, as Wrapped drew them before."""
    from rich.segment import Segment

    from docdiff.render.wrap import Wrapped

    console = Console(width=width, color_system="truecolor", force_terminal=True, file=io.StringIO())
    options = console.options
    cut = min(indent, max(width - 8, 0))
    room = min(width - cut, measure) if measure else width - cut
    expected = []
    for line in wrap(text.copy(), room, balance):
        if cut:
            expected.append(Segment(" " * cut))
        base = console.get_style(line.style, default=None) if line.style else None
        expected.extend(Segment.apply_style(line.render(console), style=base))
        expected.append(Segment.line())
    drawn = list(Wrapped(text, indent=indent, measure=measure, balance=balance).__rich_console__(console, options))
    assert [(s.text, s.style) for s in drawn if s.text] == [(s.text, s.style) for s in expected if s.text]


def test_break_offsets_on_empty_text():
    assert break_offsets("", 10) == []


# --------------------------------------------------------------------------- view helpers


def test_compact_spans_and_agenda_items():
    assert view.compact_span([3]) == "¶3"
    assert view.compact_span([3, 4, 5, 9]) == "¶3–5, 9"
    assert view.number_span([10, 11]) == "¶10–11"
    assert view.number_span([10, 12]) == "¶10, ¶12"
    items = [f"122({chr(c)})" for c in range(ord("a"), ord("w") + 1)]
    assert view.compact_items(items) == "122(a)–(w)"
    assert view.compact_items(["122(a)", "122(b)", "123(c)", "IX"]) == "122(a), 122(b), 123(c), IX"


def test_pieces_cut_a_split_at_the_new_paragraphs():
    change = ParagraphChange("split", (8,), (10, 11), 0.9,
                             diff=(("=", "甲乙"), ("+", "\n"), ("=", "丙丁"), ("-", "戊")),
                             old_text="甲乙丙丁戊", new_text="甲乙\n丙丁",
                             pieces=((("=", "甲乙"),), (("=", "丙丁"), ("-", "戊"))))
    pieces = view.pieces(change)
    assert [p.label for p in pieces] == ["→ ¶10", "→ ¶11"]
    assert pieces[0].diff == (("=", "甲乙"),)
    assert pieces[1].diff == (("=", "丙丁"), ("-", "戊"))


def test_pieces_drop_the_space_between_sentences_that_became_two_paragraphs():
    change = ParagraphChange("split", (4,), (4, 5), 0.9, diff=(("=", "One."), ("-", " "), ("+", "\n"), ("=", "Two.")),
                             old_text="One. Two.", new_text="One.\nTwo.",
                             pieces=((("=", "One."), ("-", " ")), (("=", "Two."),)))
    assert [p.diff for p in view.pieces(change)] == [(("=", "One."),), (("=", "Two."),)]


def test_pieces_fall_back_to_one_without_pieces_from_the_comparison():
    change = ParagraphChange("merged", (1, 2, 3), (1,), 0.9, diff=(("=", "a\nb"),), old_text="a\nb", new_text="a b")
    assert [p.label for p in view.pieces(change)] == [""]


def test_redline_is_rebuilt_from_the_texts_when_there_is_no_diff():
    change = ParagraphChange("changed", (1,), (1,), 0.7, old_text="old", new_text="new")
    assert view.redline(change) == (("-", "old"), ("+", "new"))


def test_departures_point_from_the_section_a_paragraph_left(comparison):
    left = view.departures(comparison)
    caricom = next(i for i, s in enumerate(comparison.sections) if s.title == "加勒比共同体")
    assert [d.describe() for d in left[caricom]] == ["old ¶44 moved to 非洲联盟 (new ¶9)"]
    africa = next(i for i, s in enumerate(comparison.sections) if s.title == "非洲联盟")
    assert [d.to_index for d in left[caricom]] == [africa]  # by reference, not by title


# --------------------------------------------------------------------------- Markdown


def test_markdown_has_the_summary_table_a_heading_per_section_and_del_ins(comparison):
    md = to_markdown(comparison)
    assert md.startswith("# docdiff: 联合国同各区域组织及其他组织的合作")
    assert "| section | changed | added | removed | moved | split | merged |" in md
    assert "| &emsp;[非洲联盟](#section-3) | 7 | 1 | 1 | 2 | 1 | 1 |" in md
    assert "## 非洲联盟" in md and '<a id="section-3"></a>' in md
    assert "本报告第二部分是最近 <del>16</del><ins>17</ins> 项决议编写的。" in md
    assert "**¶1 → ¶1** · changed" in md
    assert "*… 1 unchanged (¶2)*" in md


def test_markdown_renders_as_intended(comparison):
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(to_markdown(comparison))
    assert '<table>' in rendered and '<a href="#section-3">非洲联盟</a>' in rendered
    assert "<del>16</del><ins>17</ins>" in rendered
    assert "<h2>非洲联盟</h2>" in rendered


# --------------------------------------------------------------------------- HTML


def test_html_is_one_self_contained_page(comparison):
    page = to_html(comparison)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<style>" in page
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"""(src|href)=["'](?!#)""", page)
    assert "url(" not in page and "@import" not in page


def test_html_summary_links_to_each_shown_section(comparison):
    page = to_html(comparison)
    targets = set(re.findall(r'href="#([^"]+)"', page))
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert targets and targets <= ids
    assert '<a href="#section-3">非洲联盟</a>' in page
    assert "<del>16</del><ins>17</ins>" in page


def test_render_text_dispatches_formats(comparison):
    import json

    assert json.loads(render_text(comparison, "json"))["format"] == "docdiff/2"
    assert render_text(comparison, "markdown").startswith("# docdiff")
    assert render_text(comparison, "html").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError):
        render_text(comparison, "pdf")


# --------------------------------------------------------------------------- hypothesis: any text is safe

_OPS = st.sampled_from(["=", "-", "+"])
_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
_STATUS = st.sampled_from(["unchanged", "changed", "added", "removed", "moved", "split", "merged"])
_NUMBERS = st.lists(st.integers(min_value=1, max_value=999), max_size=3).map(tuple)


@st.composite
def paragraph_changes(draw):
    diff = tuple(draw(st.lists(st.tuples(_OPS, _TEXT), max_size=6)))
    old_text = "".join(t for op, t in diff if op != "+")
    new_text = "".join(t for op, t in diff if op != "-")
    return ParagraphChange(draw(_STATUS), draw(_NUMBERS), draw(_NUMBERS), draw(st.floats(0, 1)),
                           diff=diff if draw(st.booleans()) else (), from_section=draw(st.none() | _TEXT),
                           formatting_only=draw(st.booleans()), old_text=old_text, new_text=new_text)


@st.composite
def comparisons(draw):
    sections = []
    for _ in range(draw(st.integers(1, 3))):
        status = draw(st.sampled_from(["unchanged", "changed", "renamed", "added", "removed"]))
        old_title, new_title = draw(_TEXT), draw(_TEXT)
        parent = draw(st.lists(_TEXT, max_size=2))
        sections.append(SectionChange(
            status, None if status == "added" else old_title, None if status == "removed" else new_title,
            None if status == "added" else (*parent, old_title), None if status == "removed" else (*parent, new_title),
            tuple(draw(st.lists(paragraph_changes(), max_size=4))),
            kind=draw(st.sampled_from(["part", "organisation", "subsection", "section"])),
            old_number=draw(st.none() | _TEXT), new_number=draw(st.none() | _TEXT)))
    meta = Metadata(title=draw(st.none() | _TEXT), date=draw(st.none() | _TEXT), language="Chinese")
    changes = tuple(draw(st.lists(st.builds(MetadataChange, st.sampled_from(["title", "organisations", "agenda_items"]),
                                            st.none() | _TEXT | st.lists(_TEXT, max_size=3),
                                            st.none() | _TEXT | st.lists(_TEXT, max_size=3)), max_size=2)))
    info = EditionInfo(draw(st.none() | _TEXT), meta, draw(st.integers(0, 500)))
    return Comparison(info, info, changes, tuple(sections))


@given(comparisons(), st.integers(min_value=20, max_value=200), st.booleans(), st.booleans())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_terminal_report_never_crashes_and_keeps_to_the_width(comparison, width, colour, show_all):
    text = record(ComparisonReport(comparison, ReportOptions(show_unchanged=show_all)), width, colour)
    if not colour:
        assert max(cell_len(line) for line in lines_of(text)) <= width


def _visible(markdown_or_html_text: str) -> str:
    return re.sub(r"\s+", "", markdown_or_html_text)


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.add(tag)

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


_MARKDOWN_TAGS = {"h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "del", "ins", "a"}


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_markdown_escaping_shows_any_text_as_it_is(text):
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    sources = {escape_block(text): 1, f"<del>{escape(text)}</del>": 1,
               f"| {escape(text)} |\n| --- |\n| {escape(text)} |": 2}  # text shown once, once, twice
    for source, times in sources.items():
        collector = _Collector()
        collector.feed(md.render(source))
        assert collector.tags <= _MARKDOWN_TAGS
        assert _visible("".join(collector.text)) == _visible(text) * times


@given(comparisons())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_markdown_of_any_comparison_makes_no_stray_markup(comparison):
    from markdown_it import MarkdownIt

    collector = _Collector()
    collector.feed(MarkdownIt("commonmark").enable("table").render(to_markdown(comparison)))
    assert collector.tags <= _MARKDOWN_TAGS


@given(comparisons())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_html_of_any_comparison_escapes_every_text(comparison):
    page = to_html(comparison, ReportOptions(show_unchanged=True))
    collector = _Collector()
    collector.feed(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "span", "table", "caption",
               "tr", "th", "td", "thead", "tbody", "tfoot", "nav", "a", "p", "del", "ins", "div", "main", "section",
               "details", "summary", "input", "label", "footer"}
    assert collector.tags <= allowed
    shown = _visible("".join(collector.text))
    for change in comparison.paragraph_changes():
        for piece in view.pieces(change):
            for op, part in piece.diff:
                if op == "=" or change.status not in ("added", "removed", "unchanged"):
                    assert _visible(part) in shown


def test_parser_warnings_of_both_editions_reach_every_format(tmp_path):
    # the English seed with one paragraph's number taken away: the parser says so
    text = (SEEDS / "sample_en_2010.txt").read_text("utf-8")
    assert "\n5.    " in text
    broken = tmp_path / "no5.txt"
    broken.write_text(text.replace("\n5.    ", "\n5     ", 1), "utf-8")
    old, new = docdiff.load(SEEDS / "sample_en_2010.txt"), docdiff.load(broken)
    assert new.warnings and not old.warnings
    comparison = docdiff.compare(old, new)
    data = comparison.to_dict()
    assert data["old"]["warnings"] == [] and data["new"]["warnings"] == list(new.warnings)
    expected = f"new: {new.warnings[0]}"
    assert expected in record(ComparisonReport(comparison), 200)
    assert expected in to_markdown(comparison)
    assert expected in to_html(comparison)


@given(st.sampled_from(["", "·", "7", "48", "1234", "联合", "12345678901234567890"]), st.sampled_from(["", "dim", "yellow", "bold red"]),
       st.integers(min_value=1, max_value=12), st.sampled_from(["right", "left"]), st.booleans())
@settings(max_examples=300, deadline=None)
def test_a_count_cell_draws_what_rich_draws_for_its_text(word, style, width, justify, colour):
    """The summary table's counts are drawn without a Text (render.terminal.Count,
    #14.1); the key: rich's own Text of the same word and style in the same column."""
    from docdiff.render.terminal import Count

    console = Console(width=40, color_system="truecolor" if colour else None, force_terminal=colour, file=io.StringIO())
    options = console.options.update(width=width, justify=justify, no_wrap=True, overflow="ellipsis")
    assert console.render_lines(Count(word, style), options) == console.render_lines(Text(word, style=style), options)
    assert Measurement.get(console, options, Count(word, style)) == Measurement.get(console, options, Text(word, style=style))
