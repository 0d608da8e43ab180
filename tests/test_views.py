"""--only, the side-by-side view and ``show``, at the library level."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.cells import cell_len

import docdiff
from docdiff.model import PARAGRAPH_STATUSES
from docdiff.render import FORMATS, render
from docdiff.render.only import only_statuses, parse_statuses
from docdiff.render.output import make_console
from docdiff.render.show import ShowReport, find, parse_reference
from docdiff.render.side_by_side import GUTTER, MIN_WIDTH, SideBySideReport

from .conftest import SEEDS


def printed(renderable, width: int) -> str:
    stream = io.StringIO()
    make_console("never", width, stream).print(renderable)
    return stream.getvalue()


# --------------------------------------------------------------------------- --only


def test_parse_statuses_takes_commas_and_repeats_and_refuses_other_words():
    assert parse_statuses(["added,removed", "moved", "added"]) == ("added", "removed", "moved")
    with pytest.raises(ValueError, match="not a paragraph status"):
        parse_statuses(["added,renamed"])


@pytest.mark.parametrize("statuses", [("added",), ("removed", "moved"), ("split", "merged"), ("changed",)])
def test_only_keeps_exactly_the_entries_of_those_statuses_in_every_format(comparison, statuses):
    expected = [(c.status, c.old, c.new) for c in comparison.paragraph_changes() if c.status in statuses]
    assert expected
    cut = only_statuses(comparison, statuses)
    data = json.loads(render(cut, "json"))
    assert [(p["status"], tuple(p["old"]), tuple(p["new"])) for s in data["sections"] for p in s["paragraphs"]] == expected
    table = list(csv.reader(io.StringIO(render(cut, "csv").lstrip("\ufeff"), newline="")))[1:]
    assert [r[3] for r in table if r[0] != "masthead"] == [s for s, _, _ in expected]  # (the masthead changes stay)
    for status in set(PARAGRAPH_STATUSES) - set(statuses) - {"unchanged"}:
        assert cut.summary[status] == 0
    markdown = render(cut, "markdown")
    assert markdown.count("** · ") == len(expected)  # one entry heading '**¶… ** · status' each


# --------------------------------------------------------------------------- side by side


@pytest.mark.parametrize("width", [MIN_WIDTH, 160, 200])
def test_side_by_side_lines_fit_and_the_gutters_line_up_with_chinese_text(comparison, width):
    text = printed(SideBySideReport(only_statuses(comparison, ["changed"])), width)
    rows = [line for line in text.split("\n") if GUTTER in line]
    assert len(rows) > 50
    column = (width - cell_len(GUTTER)) // 2
    for line in rows:
        assert cell_len(line.rstrip()) <= width
        left = line.split(GUTTER, 1)[0]
        assert cell_len(left) == column  # wide characters counted two: the gutter stands in one place


def test_side_by_side_columns_spell_the_two_editions(comparison, editions):
    old, new = editions
    change = next(c for c in comparison.paragraph_changes() if c.status == "changed")
    from docdiff.render.side_by_side import SideBySideEntry

    text = printed(SideBySideEntry(change), 140)
    rows = [line for line in text.split("\n") if GUTTER in line]
    left = "".join(r.split(GUTTER, 1)[0].rstrip() for r in rows)
    right = "".join(r.split(GUTTER, 1)[1].rstrip() for r in rows)
    from docdiff.compare import paragraph_refs

    # (by reference: the first changed entry may be an unnumbered summary paragraph)
    old_text = next(p.text for _, ref, _, p, _ in paragraph_refs(old) if ref == change.old_index[0])
    new_text = next(p.text for _, ref, _, p, _ in paragraph_refs(new) if ref == change.new_index[0])
    def unmark(s: str, a: str, b: str) -> str:
        return s.replace(a, "").replace(b, "")

    assert unmark(left, "[-", "-]").replace(" ", "") == old_text.replace(" ", "")
    assert unmark(right, "{+", "+}").replace(" ", "") == new_text.replace(" ", "")


def test_side_by_side_below_its_width_says_so_in_one_line(comparison):
    text = printed(SideBySideReport(comparison), 100).strip()
    assert "\n" not in text and f"needs {MIN_WIDTH} columns" in text


# --------------------------------------------------------------------------- show


def test_references_name_new_numbers_old_numbers_and_indexes():
    assert (parse_reference("31").side, parse_reference("31").number) == ("new", 31)
    assert (parse_reference("old:29").side, parse_reference("old:29").number) == ("old", 29)
    assert (parse_reference("[12]").index, parse_reference("old:[3]").side) == (12, "old")
    with pytest.raises(ValueError):
        parse_reference("thirty")


def test_show_finds_the_entry_of_a_paragraph_by_either_edition(comparison, editions):
    old, new = editions
    for change in comparison.paragraph_changes():
        if change.status == "changed" and change.old != change.new:
            break
    _, by_new = find(comparison, old, new, parse_reference(str(change.new[0])))
    _, by_old = find(comparison, old, new, parse_reference(f"old:{change.old[0]}"))
    assert by_new is by_old is change
    paragraph = next(p for p in new.paragraphs() if p.number == change.new[0])
    _, by_index = find(comparison, old, new, parse_reference(f"[{paragraph.index}]"))
    assert by_index is change
    text = printed(ShowReport(*find(comparison, old, new, parse_reference(str(change.new[0])))), 100)
    assert "old ¶" in text and "new ¶" in text and "[-" in text


def test_show_finds_unnumbered_preambular_paragraphs_by_index():
    old = docdiff.load(SEEDS / "real/me-nwfz/A_RES_78_17.txt")
    new = docdiff.load(SEEDS / "real/me-nwfz/A_RES_79_16.txt")
    comparison = docdiff.compare(old, new)
    first = next(new.paragraphs())
    assert first.number is None
    _, change = find(comparison, old, new, parse_reference(f"[{first.index}]"))
    assert first.text in change.new_text.split("\n")


def test_show_names_what_the_edition_has_when_the_reference_is_not_there(comparison, editions):
    with pytest.raises(LookupError, match=r"does not exist.*¶1–¶189"):
        find(comparison, *editions, parse_reference("999"))


def test_every_registered_format_renders_a_history_or_says_it_cannot():
    history = docdiff.history([docdiff.load(SEEDS / n) for n in ("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt")])
    for spec in FORMATS.values():
        if spec.history is None:
            with pytest.raises(ValueError, match="two editions only"):
                render(history, spec.name)
        else:
            assert render(history, spec.name)


def test_show_takes_the_labels_the_reports_print():
    """'PP18', 'footnote 2', 'closing line 1', 'summary ¶1', '¶6' (a newcomer's find:
    show took none of the labels printed beside each entry). Expected: the entry
    holding that paragraph of the edition, by its text (the resolution's preamble,
    footnotes and closing lines, the report's summary, as parsed)."""
    old = docdiff.load(SEEDS / "real/nsa/A_RES_78_18.txt")
    new = docdiff.load(SEEDS / "real/nsa/A_RES_79_17.txt")
    comparison = docdiff.compare(old, new)
    preamble = new.sections[0].paragraphs
    for place, paragraph in enumerate(preamble, 1):
        _, change = find(comparison, old, new, parse_reference(f"PP{place}"))
        assert paragraph.text in change.new_text.split("\n")
    for label, texts in (("footnote", new.front.footnotes), ("closing line", new.front.closing)):
        for place, text in enumerate(texts, 1):
            _, change = find(comparison, old, new, parse_reference(f"{label} {place}"))
            assert text in change.new_text.split("\n")
        _, change = find(comparison, old, new, parse_reference(f"old:{label} 1"))
        assert ({"footnote": old.front.footnotes, "closing line": old.front.closing}[label][0]
                in change.old_text.split("\n"))
    _, by_label = find(comparison, old, new, parse_reference("¶6"))
    assert by_label is find(comparison, old, new, parse_reference("6"))[1]
    with pytest.raises(LookupError, match="pp99 does not exist"):
        find(comparison, old, new, parse_reference("PP99"))
    zh_old, zh_new = docdiff.load(SEEDS / "A_65_382-S_2010_490.zh.txt"), docdiff.load(SEEDS / "sample_2012.zh.txt")
    zh = docdiff.compare(zh_old, zh_new)
    _, change = find(zh, zh_old, zh_new, parse_reference("summary ¶1"))
    assert zh_new.front.summary[0] in change.new_text.split("\n")


def test_csv_names_unnumbered_paragraphs_as_the_reports_do():
    # A/RES/77/39 → A/RES/78/18: the key of 78/18 (tests/fixtures/real_keys) lists
    # its preambular paragraphs in order, so the changed "Recalling its relevant
    # resolutions …" is PP<its place>; the closing lines are the key's, in order.
    from pathlib import Path

    from docdiff.render import csvfile

    root = Path(__file__).resolve().parent
    key = json.loads((root / "fixtures" / "real_keys" / "nsa__A_RES_78_18.json").read_text(encoding="utf-8"))
    preamble = [p["first"] for p in key["paragraphs"] if p["number"] is None]
    place = 1 + next(i for i, first in enumerate(preamble) if first.startswith("Recalling its relevant resolutions"))
    real = root.parent / "seeds" / "real" / "nsa"
    comparison = docdiff.compare(docdiff.load(real / "A_RES_77_39.txt"), docdiff.load(real / "A_RES_78_18.txt"))
    rows = list(csv.DictReader(io.StringIO(csvfile.to_csv(comparison).lstrip("\ufeff"))))
    recalling = next(r for r in rows if r["new text"].startswith("Recalling its relevant resolutions"))
    assert recalling["new ¶"] == f"PP{place}"
    closing = [r["new ¶"] for r in rows if r["section"] == "Closing lines"]
    assert closing == [f"closing line {k + 1}" for k in range(len(key["closing"]))]
    assert all(r["new ¶"].isdigit() for r in rows if r["section"] == "Operative part")


def test_show_heads_each_side_with_the_label_it_was_asked_by():
    # `docdiff show … PP18` (and a footnote, a closing line) heads each side with that
    # label, not "(unnumbered)"; the preamble's length is counted from the edition
    import io

    from rich.console import Console

    from docdiff.render.show import ShowReport

    old = docdiff.load(SEEDS / "real/nsa/A_RES_78_18.txt")
    new = docdiff.load(SEEDS / "real/nsa/A_RES_79_17.txt")
    comparison = docdiff.compare(old, new)
    last = f"PP{len(new.sections[0].paragraphs)}"
    for label in (last, "footnote 2", "closing line 1"):
        section, change = find(comparison, old, new, parse_reference(label))
        out = io.StringIO()
        Console(file=out, width=100, color_system=None).print(ShowReport(section, change))
        heads = [line for line in out.getvalue().split("\n") if line.startswith(("old ", "new "))]
        assert heads == [f"old {label}", f"new {label}"], heads
