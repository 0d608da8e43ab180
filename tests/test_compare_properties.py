"""The comparison's rules, over generated pairs of editions (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import docdiff
from docdiff.inline import spell, word_diff
from docdiff.model import Document, Paragraph, Section

MIRROR = {"added": "removed", "removed": "added", "split": "merged", "merged": "split"}

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
chinese = st.text(alphabet="联合国同非洲联盟的合作秘书长报告会议组织安全理事会发展和平年月日经济社会", min_size=2, max_size=5)


@st.composite
def paragraph_texts(draw):
    if draw(st.booleans()):
        return " ".join(draw(st.lists(words, min_size=6, max_size=30))) + "."
    return "，".join(draw(st.lists(chinese, min_size=4, max_size=20))) + "。"


def build(sections: list[tuple[str, list[str]]]) -> Document:
    number = 0
    out = []
    for title, texts in sections:
        paragraphs = []
        for text in texts:
            number += 1
            paragraphs.append(Paragraph(number, text))
        out.append(Section("organisation", title, None, tuple(paragraphs)))
    return Document(sections=tuple(out))


@st.composite
def editions(draw):
    titles = draw(st.lists(st.sampled_from(["非洲联盟", "东南亚国家联盟", "African Union", "League of Arab States",
                                             "Pacific Islands Forum", "欧洲委员会"]), min_size=1, max_size=4, unique=True))
    texts = draw(st.lists(paragraph_texts(), min_size=len(titles), max_size=14, unique=True))
    cuts = sorted(draw(st.lists(st.integers(1, len(texts) - 1), max_size=len(titles) - 1, unique=True))) if len(texts) > 1 else []
    bounds = [0, *cuts, len(texts)]
    return [(titles[k] if k < len(titles) else f"Section {k}", texts[bounds[k]:bounds[k + 1]]) for k in range(len(bounds) - 1)]


@st.composite
def revisions(draw):
    """A later edition: paragraphs dropped, added, edited, moved; renumbered."""
    old = draw(editions())
    new = [(title, list(texts)) for title, texts in old]
    for _title, texts in new:
        for i in reversed(range(len(texts))):
            action = draw(st.sampled_from(["keep", "keep", "keep", "drop", "edit", "add"]))
            if action == "drop":
                del texts[i]
            elif action == "edit":
                texts[i] = texts[i][:-1] + (" and more words." if texts[i].endswith(".") else "，新的内容。")
            elif action == "add":
                texts.insert(i, draw(paragraph_texts()))
    if draw(st.booleans()) and len(new) > 1 and new[0][1]:
        new[-1][1].append(new[0][1].pop(0))
    return build(old), build(new)


def entries(comparison):
    return [change for section in comparison.sections for change in section.paragraphs]


settings_ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings_
@given(editions())
def test_an_edition_compared_with_itself_is_all_unchanged(sections):
    document = build(sections)
    comparison = docdiff.compare(document, document)
    assert all(c.status == "unchanged" for c in entries(comparison))
    assert all(s.status == "unchanged" for s in comparison.sections)
    assert not comparison.has_differences


@settings_
@given(revisions())
def test_every_paragraph_is_in_exactly_one_entry(pair):
    old, new = pair
    changes = entries(docdiff.compare(old, new))
    assert sorted(n for c in changes for n in c.old) == [p.number for p in old.paragraphs()]
    assert sorted(n for c in changes for n in c.new) == [p.number for p in new.paragraphs()]


@settings_
@given(revisions())
def test_comparing_the_other_way_mirrors_the_report(pair):
    old, new = pair
    forward = {(c.old, c.new, c.status) for c in entries(docdiff.compare(old, new))}
    backward = {(c.new, c.old, MIRROR.get(c.status, c.status)) for c in entries(docdiff.compare(new, old))}
    assert forward == backward


@settings_
@given(revisions())
def test_diffs_spell_the_old_and_the_new_text(pair):
    old, new = pair
    for change in entries(docdiff.compare(old, new)):
        assert spell(change.diff, "-") == change.old_text
        assert spell(change.diff, "+") == change.new_text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_word_diff_spells_both_texts_and_never_cuts_a_word(a, b):
    diff = word_diff(a, b)
    assert spell(diff, "-") == a and spell(diff, "+") == b
    position = {"-": 0, "+": 0}
    for op, text in diff:
        # a change starts and ends at a token boundary of its own side
        side = a if op == "-" else b if op == "+" else None
        if side is not None:
            start = position[op]
            end = start + len(text)
            for edge in (start, end):
                if 0 < edge < len(side):
                    assert not (side[edge - 1].isalnum() and side[edge].isalnum() and side[edge - 1].isascii()
                                and side[edge].isascii())
        if op in ("=", "-"):
            position["-"] += len(text)
        if op in ("=", "+"):
            position["+"] += len(text)
