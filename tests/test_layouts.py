"""Layouts of PDF-extracted editions (tests/fixtures/layouts/): each gives the
tree and the facts a reader sees in it."""

from __future__ import annotations

from pathlib import Path

import pytest

import docdiff

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"

TREES = {
    'm7_fullwidth_letter.txt': [
        ('part', '三', '联合国、各国议会以及各国议会联盟之间的合作', []),
        ('subsection', 'A', '各国议会对联合国的总体支持', [1]),
        ('subsection', 'B', '和平与安全', [2]),
    ],
    'm6_wrapnum.txt': [
        ('organisation', None, 'Asian-African Legal Consultative Organization', [1]),
        ('organisation', None, 'League of Arab States', [2, 3]),
    ],
    'a1_arabic_dash_numbers.txt': [  # paragraphs numbered "1 - …"
        ('part', 'أولا', 'مقدمة', [1, 2]),
        ('part', 'ثانيا', 'التعاون بين الأمم المتحدة والمنظمات الإقليمية وغيرها من المنظمات الحكومية الدولية', []),
        ('organisation', None, 'الاتحاد الأفريقي', [3, 4]),
        ('organisation', None, 'جامعة الدول العربية', [5, 6]),
        ('part', 'ثالثا', 'التعاون بين الأمم المتحدة والبرلمانات الوطنية والاتحاد البرلماني الدولي', []),
        ('subsection', 'ألف', 'السلام والأمن', [7, 8]),
        ('subsection', 'باء', 'التنمية', [9, 10]),
    ],
    'a2_arabic_tanween.txt': [  # part numbers with their tanween: "أولاً"
        ('part', 'أولاً', 'مقدمة', [1, 2]),
        ('part', 'ثانياً', 'التعاون بين الأمم المتحدة والمنظمات الإقليمية وغيرها من المنظمات الحكومية الدولية', []),
        ('organisation', None, 'الاتحاد الأفريقي', [3, 4]),
        ('organisation', None, 'جامعة الدول العربية', [5, 6]),
        ('part', 'ثالثاً', 'التعاون بين الأمم المتحدة والبرلمانات الوطنية والاتحاد البرلماني الدولي', []),
        ('subsection', 'ألف', 'السلام والأمن', [7, 8]),
        ('subsection', 'باء', 'التنمية', [9, 10]),
    ],
    'l1_list_items.txt': [  # "(a) …" and "• …" items without a full stop stay in their paragraph
        ('part', 'I', 'Introduction', [1, 2]),
        ('part', 'II', 'Cooperation between the United Nations and regional and other intergovernmental organizations', []),
        ('organisation', None, 'African Union', [3, 4, 5]),
        ('organisation', None, 'League of Arab States', [6, 7]),
        ('organisation', None, 'Organization of the Islamic Conference', [8, 9]),
        ('organisation', None, 'Pacific Islands Forum', [10, 11]),
    ],
    'c1_paras_page.txt': [
        ('part', 'I', 'Introduction', [1]),
        ('part', 'II', 'Cooperation with regional organizations', []),
        ('organisation', None, 'African Union', [2]),
        ('organisation', None, 'League of Arab States', [3]),
    ],
    'c2_contents_page.txt': [
        ('part', 'I', 'Introduction', [1]),
        ('part', 'II', 'Cooperation with regional organizations', []),
        ('organisation', None, 'African Union', [2]),
        ('organisation', None, 'League of Arab States', [3]),
    ],
    'c3_zh_leaders.txt': [
        ('part', '一', '导言', [1]),
        ('part', '二', '联合国同各区域组织及其他政府间组织的合作', []),
        ('organisation', None, '非洲联盟', [2]),
        ('organisation', None, '阿拉伯国家联盟', [3]),
    ],
    'h1_centred_title.txt': [
        ('part', 'I', 'Introduction', [1, 2]),
    ],
    'h2_es_session.txt': [
        ('part', 'I', 'Introducción', [1, 2]),
    ],
    'h4_plain_mast.txt': [
        ('part', 'I', 'Introduction', [1, 2]),
    ],
    'h5_agenda_to.txt': [
        ('part', 'I', 'Introduction', [1, 2]),
    ],
    'm1_footnote_midpara.txt': [
        ('part', 'I', 'Introduction', [1, 2, 3]),
    ],
    'm2_fnmark_heading.txt': [
        ('part', 'II', 'Cooperation between the United Nations and regional organizations', []),
        ('organisation', None, 'African Union', [1]),
        ('organisation', None, 'League of Arab States', [2]),
    ],
    'm3_annex.txt': [
        ('part', 'IV', 'Observations', [1, 2]),
        ('annex', None, 'Annex', []),
        ('organisation', None, 'List of regional and other organizations', [None]),
    ],
    'm4_longpart.txt': [
        ('part', 'I', 'Introduction', [1, 2]),
        ('part', 'II', 'Cooperation between the United Nations and regional and other organizations', []),
        ('organisation', None, 'African Union', [3]),
    ],
    'm5_semicolon.txt': [
        ('part', 'III', 'Cooperation between the United Nations, national parliaments and the Inter-Parliamentary Union', [1]),
        ('part', 'IV', 'Cooperation between the United Nations and the Organization for the Prohibition of Chemical Weapons; cooperation between the United Nations and the Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization', [2]),
    ],
    'm8_part_alone.txt': [
        ('part', 'I', 'Introduction', [1]),
        ('part', 'II', 'Cooperation between the United Nations and regional organizations', []),
        ('organisation', None, 'African Union', [2]),
    ],
    'r1_cyrillic_letters.txt': [  # А, В, С: Cyrillic letters in the Latin order
        ('part', 'III', 'Сотрудничество между Организацией Объединенных Наций, национальными парламентами '
                        'и Межпарламентским союзом', []),
        ('subsection', 'А', 'Мир и безопасность', [1]),
        ('organisation', None, 'Комиссия по миростроительству', [2]),
        ('subsection', 'В', 'Демократия и права человека', [3]),
        ('subsection', 'С', 'Развитие', [4]),
    ],
    's1_subhead.txt': [
        ('part', 'III', 'Cooperation between the United Nations, national parliaments and the Inter-Parliamentary Union', []),
        ('subsection', 'A', 'Peace and security', [1]),
        ('organisation', None, 'Peacebuilding Commission', [2]),
        ('subsection', 'B', 'Democracy and human rights', [3]),
    ],
}


def parse(name: str) -> docdiff.Document:
    return docdiff.parse((LAYOUTS / name).read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(TREES))
def test_tree(name):
    tree = [(s.kind, s.number, s.title, [p.number for p in s.paragraphs]) for _, s in parse(name).walk()]
    assert tree == [tuple(t) for t in TREES[name]]


def test_a_footnote_at_a_page_foot_leaves_the_paragraph_it_cuts():
    doc = parse("m1_footnote_midpara.txt")
    assert doc.front.footnotes == ("1 See S/2012/160, annex.",)
    assert list(doc.paragraphs())[1].text.endswith("agreed on a framework for cooperation with the African Union Commission.")


def test_footnotes_without_a_rule_above_them_leave_the_paragraphs_too():
    """pdftotext prints no drawn rule: a note is told by its mark, the blank line
    or the indent that sets it apart, and its number in sequence."""
    doc = parse("m9_footnotes_without_rule.txt")
    assert doc.front.footnotes == (
        "1 See also the report of the Secretary-General on the relationship between the United Nations and "
        "regional organizations (S/2008/186).", "2 See www.africa-union.org.")
    texts = [p.text for p in doc.paragraphs()]
    assert texts[1].endswith("agreed on a framework for cooperation with the African Union Commission.")
    assert texts[2].endswith("Panel of the Wise.2")


def test_an_annex_after_the_last_paragraph_is_a_section_of_its_own():
    doc = parse("m3_annex.txt")
    body = [p.text for p in doc.sections[0].all_paragraphs()]
    assert body[-1] == "I encourage all partners to continue this work."
    annex = doc.sections[-1]
    assert (annex.kind, annex.title) == ("annex", "Annex")
    # its list, as the fixture prints it, under its title
    assert [p.text for p in annex.all_paragraphs()] == ["1. African Union 2. League of Arab States"]


def test_contents_with_paragraph_columns_and_leaders():
    for name in ("c1_paras_page.txt", "c2_contents_page.txt", "c3_zh_leaders.txt"):
        contents = parse(name).front.contents
        assert len(contents) == 4 and contents[-1].page == 4, name


@pytest.mark.parametrize("name,title,session,organisations,items", [
    ("h1_centred_title.txt", "Coopération entre l’Organisation des Nations Unies et les organisations régionales ou autres",
     "Soixante-cinquième session", ("Union africaine",), 23),
    ("h2_es_session.txt", "Cooperación entre las Naciones Unidas y las organizaciones regionales o de otro tipo",
     "Sexagésimo quinto período de sesiones", ("Unión Africana",), 23),
    ("h4_plain_mast.txt", "Cooperation between the United Nations and regional and other organizations",
     "Sixty-seventh session", ("African Union", "Organization of Islamic Cooperation"), 22),
    ("h5_agenda_to.txt", "Cooperation between the United Nations and regional and other organizations",
     "Sixty-seventh session", ("African Union", "Organization of Islamic Cooperation"), 22),
    # no blank line between the masthead's columns: "Security Council", "Sixty-seventh year" are no title
    ("h6_mast_no_blank_lines.txt", "Cooperation between the United Nations and regional and other organizations",
     "Sixty-seventh session", (), 22),
    ("a1_arabic_dash_numbers.txt", "التعاون بين الأمم المتحدة والمنظمات الإقليمية وغيرها من المنظمات",
     "الدورة الخامسة والستون", (), 1),
])
def test_masthead(name, title, session, organisations, items):
    meta = parse(name).metadata
    assert (meta.title, meta.session, meta.organisations, len(meta.agenda_items)) == (title, session, organisations, items)


def test_an_agenda_title_that_wraps_onto_an_organ_name_keeps_it():
    """"Security Council" alone on a masthead line is the other column's, unless
    the agenda title above it stopped at a connector ("… and the" / "Security
    Council")."""
    text = (LAYOUTS / "h4_plain_mast.txt").read_text("utf-8").replace(
        "Cooperation between the United Nations and the African Union\n",
        "Cooperation between the United Nations and the\nSecurity Council\n", 1)
    meta = docdiff.parse(text).metadata
    assert "Security Council" in meta.organisations
    assert meta.title == "Cooperation between the United Nations and regional and other organizations"
