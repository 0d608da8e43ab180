"""``docdiff history`` warns about inputs that do not make one history.

The editions are the real resolutions in ``seeds/real``: each folder holds the
editions of one text (``me-nwfz``: the Middle East nuclear-weapon-free zone,
its draft A/C.1/80/L.1 included; ``nsa``: negative security assurances), so the
folders are the key to which editions belong together — not anything docdiff
works out.  Copies and links of a seed are made here in a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import docdiff
from docdiff.cli import main
from docdiff.model import Document

from .conftest import SEEDS

REAL = SEEDS / "real"
FOLDERS = {folder.name: sorted(folder.glob("*.txt")) for folder in sorted(REAL.iterdir()) if folder.is_dir()}
EN_2010, EN_2012 = SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt"


@cache
def loaded(path: Path) -> Document:
    return docdiff.load(path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["history", *args])
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def warning_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("docdiff: warning: ")]


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_one_text_no_warning(folder):
    """Every edition of one folder is an edition of one text (me-nwfz's draft too)."""
    result = docdiff.history([loaded(p) for p in FOLDERS[folder]])
    assert result.warnings == ()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_two_texts_warn_naming_the_others(data):
    """Editions drawn from both folders: one line, naming exactly the editions of
    the smaller group (the folder with fewer drawn; of equal ones, the one whose
    first edition comes later), and nothing about the larger group but in brackets."""
    picked = {name: data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=3, unique=True), label=name)
              for name, files in FOLDERS.items()}
    result = docdiff.history([loaded(p) for files in picked.values() for p in files])
    assert len(result.warnings) == 1
    (line,) = result.warnings
    named, _, rest = line.partition(" of the same text as the others (")
    first = {name: min(result.documents.index(loaded(p)) for p in files) for name, files in picked.items()}
    minority = max(picked, key=lambda name: (-len(picked[name]), first[name]))
    majority = next(name for name in picked if name != minority)
    for p in picked[minority]:
        assert p.name in named
    for p in picked[majority]:
        assert p.name not in named and p.name in rest


def test_command_unrelated_inputs_warn_on_stderr_and_in_json(capsys):
    paths = [str(p) for files in FOLDERS.values() for p in files]
    code, out, err = run(capsys, *paths, "--format", "json")
    assert code == 1  # still drawn: a warning, not a refusal
    lines = warning_lines(err)
    assert len(lines) == 1 and len(err.splitlines()) == 1
    assert json.loads(out)["warnings"] == [lines[0].removeprefix("docdiff: warning: ")]
    for p in FOLDERS["nsa"]:  # the smaller folder is the one named
        assert p.name in lines[0].split(" of the same text")[0]


def test_command_same_file_twice(capsys, tmp_path):
    link = tmp_path / "link.txt"
    os.symlink(EN_2010.resolve(), link)
    for second, said in ((str(EN_2010), f"{EN_2010.name} is given twice (inputs 1 and 2)"),
                         (str(link), f"{EN_2010.name} and link.txt (inputs 1 and 2) are the same file")):
        code, out, err = run(capsys, str(EN_2010), second, str(EN_2012), "--format", "json")
        (line,) = warning_lines(err)
        assert code == 1 and line == f"docdiff: warning: {said}"
        assert json.loads(out)["warnings"] == [said]


def test_command_byte_identical_copy(capsys, tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copyfile(EN_2010, copy)
    code, _, err = run(capsys, str(EN_2012), str(EN_2010), str(copy))
    (line,) = warning_lines(err)
    assert line.endswith(f"{EN_2010.name} and copy.txt (inputs 2 and 3) are byte-identical editions")
    assert code == 1


def test_distinct_editions_no_warning(capsys):
    code, out, err = run(capsys, str(EN_2010), str(EN_2012), "--format", "json")
    assert code == 1 and err == "" and json.loads(out)["warnings"] == []


def test_columns_of_one_year_and_date_are_labelled_by_symbol(capsys, monkeypatch):
    """A/RES/77/38 and A/RES/77/39 were adopted on the same day (their mastheads):
    their columns are their symbols; one edition given twice is numbered by column."""
    a, b = REAL / "me-nwfz" / "A_RES_77_38.txt", REAL / "nsa" / "A_RES_77_39.txt"
    assert loaded(a).metadata.date == loaded(b).metadata.date
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run(capsys, str(a), str(b), "--color", "never")
    header = next(line for line in out.splitlines() if "→" in line)
    assert "A/RES/77/38" in header and "A/RES/77/39" in header
    _, out, _ = run(capsys, str(EN_2010), str(EN_2010), str(EN_2012), "--color", "never")
    header = next(line for line in out.splitlines() if "→" in line)
    assert "2010 (1)" in header and "2010 (2)" in header and "2012" in header
