"""The label under a report's title ("Report of the Secretary-General",
秘书长的报告) is a fact of its own (#16.10): rewording it changes the label, and
nothing else — not the title, not the rest of the masthead — and the change is
reported.  The editions are the seeds' real Chinese text and the English
sample, with their label line edited here; the expected labels are the lines as
printed in the files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

import docdiff

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: (edition, its label line as printed, its title as printed on the lines above the label)
REPORTS = [
    ("A_65_382-S_2010_490.zh.txt", "秘书长的报告", "联合国同各区域组织及其他组织的合作"),
    ("sample_en_2010.txt", "Report of the Secretary-General",
     "Cooperation between the United Nations and regional and other organizations"),
]
#: the masthead facts a label's rewording must leave alone
OTHER_FACTS = ("symbol", "distribution", "date", "language", "original_language", "session", "title",
               "agenda_items", "organisations")


def _with_label(name: str, label: str, replacement: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    at = [i for i, line in enumerate(lines) if line.strip() == label]
    assert len(at) == 1, "the label stands on one line of its own"
    indent = lines[at[0]][: len(lines[at[0]]) - len(lines[at[0]].lstrip())]
    lines[at[0]] = indent + replacement
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "label", "title"), REPORTS)
def test_the_label_is_read_as_printed(name: str, label: str, title: str) -> None:
    document = docdiff.load(SEEDS / name)
    assert document.metadata.label == label
    assert document.metadata.kind == "report"
    assert document.metadata.title == title


# a label of words docdiff does not list, in the scripts the reports are printed in
labels = st.text(alphabet=st.sampled_from("秘书长的报告说明关于执行情况aeiorstnRNpbyfSGcl -"), min_size=2, max_size=40)


@pytest.mark.parametrize(("name", "label", "title"), REPORTS)
@settings(max_examples=25, deadline=None)
@given(new_label=labels)
@example(new_label="秘书长报告")  # the case: 的 dropped
@example(new_label="Report by the Secretary-General")
@example(new_label="Note by the Secretary-General")
@example(new_label="秘书长的说明")
@example(new_label="G  G")  # spaces inside the line fold to one
def test_a_reworded_label_changes_the_label_alone(name: str, label: str, title: str, new_label: str) -> None:
    new_label = " ".join(new_label.split())  # as printed: a line's spaces are folded
    if not new_label or new_label == label or new_label[0] in "-*" or new_label[-1] in ":：":
        return  # nothing reworded, or a line that reads as a list item, a note or an introduction
    old = docdiff.load(SEEDS / name)
    new = docdiff.parse(_with_label(name, label, new_label))
    assert new.metadata.title == title, "the title does not take the edit"
    for fact in OTHER_FACTS:
        assert getattr(new.metadata, fact) == getattr(old.metadata, fact), fact
    comparison = docdiff.compare(old, new)
    changes = {change.field: (change.old, change.new) for change in comparison.metadata_changes}
    assert changes.get("label") == (label, new_label), "the edit itself is reported"
    assert comparison.has_differences
    # a label that says "report" in the document's words keeps the kind; another makes it a document
    says_report = ("报告" in new_label) or ("report" in new_label.casefold().split())
    assert ("kind" in changes) == (not says_report)


@pytest.mark.parametrize(("name", "label", "title"), REPORTS)
def test_a_deleted_label_leaves_the_title(name: str, label: str, title: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    new = docdiff.parse("\n".join(line for line in text.split("\n") if line.strip() != label))
    assert new.metadata.title == title
    assert new.metadata.label is None
    changes = {c.field: (c.old, c.new) for c in docdiff.compare(docdiff.load(SEEDS / name), new).metadata_changes}
    assert changes["label"] == (label, None)
