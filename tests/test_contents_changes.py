"""The table of contents is compared (a newcomer's find: an entry reworded with
no heading changed was "No differences.", exit 0).  An entry reworded, added or
dropped where the body's headings were not is a change, "contents lines" among
the masthead changes (``masthead.contents_change``), exit 1; an entry that
changed with its heading is said by the sections (renamed, new, removed); a page
number that only moved is no change (the text laid out again, not reworded).

Editions, and how the test editions are made from them: the Chinese seed
``seeds/A_65_382-S_2010_490.zh.txt``, whose contents print one entry a line, the
title, a tab and the page ("亚非法律协商组织\t8"): an entry's title replaced
(as the issue's ``sed``), its page replaced, an entry's line deleted, or the
entry and its heading replaced alike.  The entries are read from the seed by a
regular expression of its own (``_ENTRY``); the expectations come from the edit.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import docdiff

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "A_65_382-S_2010_490.zh.txt"
_ENTRY = re.compile(r"^(?P<title>[^\t\n]+)\t(?P<page>\d+)$", re.M)
OLD, NEW = "亚非法律协商组织", "亚非法律协商委员会"


def _seed() -> str:
    return docdiff.read_text(SEED)


def _entries(text: str) -> list[re.Match[str]]:
    """The contents lines: every "title<TAB>page" line (the body prints none)."""
    return list(_ENTRY.finditer(text))


def _replace_entry(text: str, index: int, title: str | None = None, page: int | None = None) -> str:
    entry = _entries(text)[index]
    line = f"{entry['title'] if title is None else title}\t{entry['page'] if page is None else page}"
    return text[:entry.start()] + line + text[entry.end():]


def _contents_changes(old: str, new: str) -> list[docdiff.MetadataChange]:
    comparison = docdiff.compare(docdiff.parse(old), docdiff.parse(new))
    return [c for c in comparison.metadata_changes if c.field == "contents"]


def _index_of(text: str, title: str) -> int:
    return next(k for k, e in enumerate(_entries(text)) if e["title"] == title)


def test_an_entry_reworded_with_no_heading_changed_is_a_contents_change():
    old = _seed()
    new = _replace_entry(old, _index_of(old, OLD), title=NEW)
    [change] = _contents_changes(old, new)
    assert (list(change.old), list(change.new)) == ([OLD], [NEW])
    comparison = docdiff.compare(docdiff.parse(old), docdiff.parse(new))
    assert comparison.has_differences
    assert all(s.status == "unchanged" for s in comparison.sections)  # the body did not change


def test_an_entry_dropped_from_the_contents_is_a_contents_change():
    old = _seed()
    entry = _entries(old)[_index_of(old, OLD)]
    new = old[:entry.start()] + old[entry.end() + 1:]  # the line and its newline
    [change] = _contents_changes(old, new)
    assert (list(change.old), list(change.new)) == ([OLD], [])
    [change] = _contents_changes(new, old)
    assert (list(change.old), list(change.new)) == ([], [OLD])


def test_an_entry_renamed_with_its_heading_is_said_by_the_section_only():
    old = _seed()
    new = _replace_entry(old, _index_of(old, OLD), title=NEW)
    heading = re.compile(rf"^{OLD}$", re.M)
    assert len(heading.findall(new)) == 1  # the heading line in the body
    new = heading.sub(NEW, new)
    assert _contents_changes(old, new) == []
    comparison = docdiff.compare(docdiff.parse(old), docdiff.parse(new))
    assert [(s.old_title, s.new_title) for s in comparison.sections if s.status == "renamed"] == [(OLD, NEW)]


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=999), min_size=1, max_size=30))
def test_page_numbers_that_moved_are_no_change(pages):
    """Every entry's page replaced (by any numbers): no difference at all."""
    old = new = _seed()
    for k in range(len(_entries(old))):
        new = _replace_entry(new, k, page=pages[k % len(pages)])
    assert _contents_changes(old, new) == []
    assert not docdiff.compare(docdiff.parse(old), docdiff.parse(new)).has_differences


@settings(max_examples=20, deadline=None)
@given(pick=st.integers(min_value=0), suffix=st.text(alphabet="甲乙丙丁戊己庚辛", min_size=1, max_size=4))
def test_any_entry_reworded_alone_is_that_contents_change(pick, suffix):
    old = _seed()
    entries = _entries(old)
    k = pick % len(entries)
    title = entries[k]["title"]
    new = _replace_entry(old, k, title=title + suffix)
    [change] = _contents_changes(old, new)
    assert (list(change.old), list(change.new)) == ([title], [title + suffix])


FORMATS = {"json": "json", "markdown": "md", "html": "html", "csv": "csv", "docx": "docx", "xlsx": "xlsx"}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docdiff", *args], capture_output=True, text=True,
                          env={"COLUMNS": "100", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}, cwd=ROOT)


def _written(path: Path) -> str:
    if path.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as package:
            return "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".xml"))
    return path.read_text("utf-8")


@pytest.mark.parametrize("edit, status", [("title", 1), ("page", 0)])
def test_the_command_line_exits_1_for_a_reworded_entry_and_0_for_a_moved_page(tmp_path, edit, status):
    old_text = _seed()
    k = _index_of(old_text, OLD)
    new_text = _replace_entry(old_text, k, title=NEW) if edit == "title" else _replace_entry(old_text, k, page=9)
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(old_text, "utf-8")
    new.write_text(new_text, "utf-8")
    terminal = _run(str(old), str(new))
    assert terminal.returncode == status, terminal.stderr
    assert (NEW in terminal.stdout) == (edit == "title")
    if edit == "page":
        return
    for fmt, suffix in FORMATS.items():
        out = tmp_path / f"report.{suffix}"
        result = _run(str(old), str(new), "--format", fmt, "-o", str(out))
        assert result.returncode == 1, (fmt, result.stderr)
        assert NEW in _written(out), fmt


def test_a_page_number_set_right_after_a_chinese_title_is_read_as_its_page():
    """A PDF may draw the tab before the page as nothing ("东南亚国家联盟8", as
    LibreOffice's PDF of the seed reads): the seed with every contents line so
    gives the seed's contents, and no contents change."""
    old = _seed()
    glued = old
    for entry in reversed(_entries(old)):
        glued = glued[:entry.start()] + entry["title"] + entry["page"] + glued[entry.end():]
    assert _entries(glued) == []  # (no tab left)
    assert docdiff.parse(glued).front.contents == docdiff.parse(old).front.contents
    assert _contents_changes(old, glued) == []
