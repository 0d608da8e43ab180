"""The README's examples are what docdiff prints.

Each fenced block of README.md that starts with ``$ docdiff …`` is run from the
project's folder (globs expanded as a shell would; the batch example's two
session folders made as its comment says), and every line the README shows is
a line of the output, in the README's order — but for lines with "…", which
mark what the README leaves out.  The expectation is the README's text; the
test fails when the README goes stale or the output changes.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def _examples() -> list[tuple[str, list[str]]]:
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in README.split("\n"):
        if line.startswith("```"):
            if current is None:
                current = []
            else:
                blocks.append(current)
                current = None
        elif current is not None:
            current.append(line)
    return [(block[0][2:], block[1:]) for block in blocks if block and block[0].startswith("$ docdiff")]


EXAMPLES = _examples()


def _sessions(tmp: Path) -> None:
    """session78/: the seeds' 2010 editions (en, zh), A/RES/78/17, 78/18;
    session79/: their next editions (the README's batch example)."""
    seeds = ROOT / "seeds"
    pairs = [(seeds / "sample_en_2010.txt", seeds / "sample_en_2012.txt"),
             (seeds / "A_65_382-S_2010_490.zh.txt", seeds / "sample_2012.zh.txt"),
             (seeds / "real/me-nwfz/A_RES_78_17.txt", seeds / "real/me-nwfz/A_RES_79_16.txt"),
             (seeds / "real/nsa/A_RES_78_18.txt", seeds / "real/nsa/A_RES_79_17.txt")]
    for folder, k in (("session78", 0), ("session79", 1)):
        (tmp / folder).mkdir()
        for pair in pairs:
            shutil.copy(pair[k], tmp / folder / pair[k].name)


def _lines_in_order(shown: list[str], got: list[str]) -> list[str]:
    """The shown lines not found in ``got`` after the line before them."""
    missing, at = [], 0
    for line in shown:
        try:
            at = got.index(line, at) + 1
        except ValueError:
            missing.append(line)
    return missing


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_an_example_prints_what_the_readme_shows(command: str, shown: list[str], tmp_path: Path) -> None:
    argv = shlex.split(command.split("  #")[0])
    cwd = ROOT
    if "session78/" in argv:
        _sessions(tmp_path)
        cwd = tmp_path
    args: list[str] = []
    for arg in argv[1:]:
        args += sorted(glob.glob(arg, root_dir=cwd)) if any(c in arg for c in "*?[") else [arg]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR")}
    result = subprocess.run([sys.executable, "-m", "docdiff", *args], cwd=cwd, capture_output=True,
                            text=True, env={**env, "COLUMNS": "100"}, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    kept = [line.rstrip() for line in shown if line.strip() and "…" not in line]
    assert kept, f"the README shows nothing of {command!r}"
    got = [line.rstrip() for line in result.stdout.split("\n")]
    assert _lines_in_order(kept, got) == []


def test_a_stale_line_is_caught() -> None:
    # the check itself: a line the output does not have, or has only earlier, is reported
    assert _lines_in_order(["b", "a"], ["a", "b"]) == ["a"]
    assert _lines_in_order(["x"], ["a"]) == ["x"]
    assert re.fullmatch(r"docdiff .+", EXAMPLES[0][0])
