"""The command line: every option of ``docdiff OLD NEW``, every exit status, the
one-line errors; the report on a real terminal (a pty, and tmux as a user sees it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

import docdiff
from docdiff.cli import main

from .conftest import SEED_ZH, SEEDS

SAMPLE = SEEDS / "sample_2012.zh.txt"
ESC = "\x1b"

#: Organisations of the sample editions other than ASEAN: none may appear in --org 东盟.
OTHER_ORGANISATIONS = ["非洲联盟", "亚非法律协商组织", "黑海经济合作组织", "加勒比共同体", "阿拉伯国家联盟", "伊斯兰",
                       "国际移民组织", "各国议会", "禁止化学武器组织", "太平洋岛屿论坛"]


def run(capsys, *args: object) -> tuple[int, str, str]:
    """``docdiff ARGS`` in this process: (exit status, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    code = exit_.value.code
    return (code if isinstance(code, int) else 0), out, err


def run_process(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docdiff", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def run_in_pty(*args: object, env: dict[str, str] | None = None, columns: int = 100) -> tuple[int, str]:
    """``docdiff ARGS`` with stdout and stderr on a terminal of ``columns`` columns."""
    import fcntl
    import pty
    import struct
    import termios

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    environ.update({"TERM": "xterm-256color", **(env or {})})
    process = subprocess.Popen([sys.executable, "-m", "docdiff", *map(str, args)], stdin=secondary,
                               stdout=secondary, stderr=secondary, env=environ, close_fds=True)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    return process.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def assert_one_line_error(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2
    assert out == ""
    assert err.startswith("docdiff: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.fixture()
def formatting_only(tmp_path, seed_text) -> Path:
    """The seed with one comma made full-width and spaces added: formatting only."""
    edited = seed_text.replace("开展了联合预防性外交和建立和平活动,除其他外", "开展了联合预防性外交和建立和平活动，除其他外", 1)
    edited = edited.replace("2009 年派遣一个特派团", "2009年派遣一个特派团", 1)
    assert edited != seed_text
    path = tmp_path / "formatting.txt"
    path.write_text(edited, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- exit statuses


def test_exit_0_when_the_editions_are_the_same(capsys):
    code, out, err = run(capsys, SEED_ZH, SEED_ZH)
    assert code == 0 and "No differences." in out and err == ""


def test_exit_0_when_only_spacing_and_punctuation_width_differ(capsys, formatting_only):
    code, out, _ = run(capsys, SEED_ZH, formatting_only)
    assert code == 0 and "No differences." in out


def test_exit_1_when_the_editions_differ(capsys):
    code, out, err = run(capsys, SEED_ZH, SAMPLE)
    assert code == 1 and err == ""
    assert "Paragraphs (with the summary and notes): 48 changed" in out  # the key's 46, and two summary sentences (make_sample_revision.py)


def test_explicit_compare_command_is_the_same(capsys):
    assert run(capsys, "compare", SEED_ZH, SAMPLE)[:2] == run(capsys, SEED_ZH, SAMPLE)[:2]


@pytest.mark.parametrize("make, words", [
    (lambda tmp: tmp / "missing.txt", ["missing.txt", "no such file"]),
    (lambda tmp: tmp, ["is a directory"]),
    (lambda tmp: _write(tmp / "empty.txt", b""), ["empty.txt", "empty"]),
    (lambda tmp: _write(tmp / "blank.txt", b"  \n\n \t\n"), ["empty"]),
    (lambda tmp: _write(tmp / "binary.bin", bytes(range(256)) * 8), ["binary"]),
    (lambda tmp: _write(tmp / "image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), ["binary"]),
    (lambda tmp: _write(tmp / "file.txt", b"x") / "below", ["cannot read"]),
])
def test_bad_input_files_exit_2_with_one_line(capsys, tmp_path, make, words):
    bad = make(tmp_path)
    for args in ((bad, SAMPLE), (SEED_ZH, bad)):
        assert_one_line_error(*run(capsys, *args), *words)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_exits_2(capsys, tmp_path):
    locked = _write(tmp_path / "locked.txt", SEED_ZH.read_bytes())
    locked.chmod(0)
    assert_one_line_error(*run(capsys, locked, SAMPLE), "permission denied")


@pytest.mark.parametrize("args, words", [
    (["--format", "xml"], ["--format", "xml"]),
    (["--color", "sometimes"], ["--color"]),
    (["--width", "5"], ["--width"]),
    (["--width", "wide"], ["--width"]),
    (["--frobnicate"], ["--frobnicate"]),
    (["--org"], ["--org"]),
    (["--org", "Atlantis"], ["'Atlantis' matches no section", "东南亚国家联盟 (东盟)"]),
])
def test_bad_options_exit_2_with_one_line(capsys, args, words):
    assert_one_line_error(*run(capsys, SEED_ZH, SAMPLE, *args), *words)


def test_a_missing_argument_exits_2_with_one_line(capsys):
    assert_one_line_error(*run(capsys, SEED_ZH), "NEW")


def test_errors_are_one_line_from_a_real_process_too(tmp_path):
    result = run_process(tmp_path / "nope.txt", SAMPLE)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr


def test_an_output_file_that_cannot_be_written_exits_2(capsys, tmp_path):
    assert_one_line_error(*run(capsys, SEED_ZH, SAMPLE, "-o", tmp_path), "is a directory")
    assert_one_line_error(*run(capsys, SEED_ZH, SAMPLE, "-o", tmp_path / "no" / "such" / "dir.md"), "cannot write")


# --------------------------------------------------------------------------- options


def test_org_shows_that_organisation_and_nothing_else(capsys):
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "--org", "东盟")
    assert code == 1
    assert "东南亚国家联盟" in out and "only  东盟" in out
    for other in OTHER_ORGANISATIONS:
        assert other not in out, other
    assert "masthead" not in out  # metadata changes belong to no organisation


def test_org_repeats_and_takes_registry_names_in_any_language(capsys):
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "--summary", "--org", "ASEAN", "--org", "League of Arab States")
    assert code == 1 and "东南亚国家联盟" in out and "阿拉伯国家联盟" in out and "非洲联盟" not in out


def test_org_in_an_english_edition_by_the_short_form_it_defines(capsys):
    code, out, _ = run(capsys, SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt", "--org", "ASEAN")
    assert code == 1 and "Association of Southeast Asian Nations" in out and "African Union" not in out


def test_org_exit_status_counts_only_the_chosen_sections(capsys):
    # 集体安全条约组织 is unchanged in the 2012 sample.
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "--org", "集体安全条约组织")
    assert code == 0 and "No differences." in out


def test_summary_shows_the_table_only(capsys):
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "--summary")
    assert code == 1 and "total" in out and "━━━" not in out and "[-16-]" not in out


def test_all_shows_unchanged_paragraphs(capsys):
    _, folded, _ = run(capsys, SEED_ZH, SAMPLE, "--org", "东盟")
    _, everything, _ = run(capsys, SEED_ZH, SAMPLE, "--org", "东盟", "--all")
    assert "… 4 unchanged" in folded and "… 4 unchanged" not in everything
    assert "¶32 → ¶33  unchanged" in everything
    assert run(capsys, SEED_ZH, SAMPLE, "-a", "--org", "东盟")[1] == everything


@pytest.mark.parametrize("width", [80, 200])
def test_width_sets_the_layout(capsys, width):
    _, out, _ = run(capsys, SEED_ZH, SAMPLE, "--width", width)
    lines = out.rstrip("\n").split("\n")
    assert max(cell_len(line) for line in lines) <= width
    assert any(cell_len(line) == width for line in lines)  # the section rules span it


def test_json_is_the_docdiff_1_format(capsys):
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["format"] == "docdiff/2"
    assert data == json.loads(json.dumps(docdiff.compare(docdiff.load(SEED_ZH), docdiff.load(SAMPLE)).to_dict()))


def test_json_with_org_keeps_the_shape(capsys):
    _, out, _ = run(capsys, SEED_ZH, SAMPLE, "-f", "json", "--org", "东盟")
    data = json.loads(out)
    assert [s["new_title"] for s in data["sections"]] == ["东南亚国家联盟"]
    assert data["metadata_changes"] == [] and data["summary"]["added"] == 2


@pytest.mark.parametrize("format, start, marks", [
    ("markdown", "# docdiff: ", ["| section | changed |", "## 非洲联盟", "<del>16</del><ins>17</ins>"]),
    ("html", "<!DOCTYPE html>", ['<table class="summary">', 'href="#section-2"', "<del>16</del><ins>17</ins>"]),
])
def test_markdown_and_html_to_stdout_and_to_a_file(capsys, tmp_path, format, start, marks):
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "--format", format)
    assert code == 1 and out.startswith(start)
    for mark in marks:
        assert mark in out
    target = tmp_path / f"report.{format}"
    code, printed, _ = run(capsys, SEED_ZH, SAMPLE, "--format", format, "--output", target)
    assert code == 1 and printed == "" and target.read_text(encoding="utf-8") == out


def test_output_writes_the_terminal_report_without_escape_codes(capsys, tmp_path):
    target = tmp_path / "report.txt"
    code, printed, _ = run(capsys, SEED_ZH, SAMPLE, "-o", target, "--width", 90)
    text = target.read_text(encoding="utf-8")
    assert code == 1 and printed == "" and ESC not in text
    assert "[-16-]{+17+}" in text and max(cell_len(line) for line in text.splitlines()) <= 90


def test_color_always_writes_escape_codes_even_to_a_file(capsys, tmp_path):
    target = tmp_path / "report.ansi"
    run(capsys, SEED_ZH, SAMPLE, "-o", target, "--color", "always")
    text = target.read_text(encoding="utf-8")
    assert ESC + "[" in text and "[-16-]" not in text


def test_pager_is_skipped_when_stdout_is_not_a_terminal(capsys):
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "--pager", "--org", "东盟")
    assert code == 1 and "东南亚国家联盟" in out


def test_options_before_the_files_work_too(capsys):
    assert run(capsys, "--summary", SEED_ZH, SAMPLE)[:2] == run(capsys, SEED_ZH, SAMPLE, "--summary")[:2]


def test_version_and_help(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out == f"docdiff {docdiff.__version__}\n"
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for option in ("--org NAME", "--summary", "--all", "--format", "--output", "--color", "--width", "--pager",
                   "NO_COLOR", "Exit status", "Examples:", "docdiff outline FILE", "[-so-]"):
        assert option in out, option
    code, out, _ = run(capsys, "compare", "--help")
    assert code == 0 and "--org NAME" in out and "Examples:" in out


def test_outline_still_works(capsys):
    code, out, _ = run(capsys, "outline", SEED_ZH)
    assert code == 0 and "非洲联盟" in out


# --------------------------------------------------------------------------- a real terminal


def test_on_a_terminal_the_report_is_in_colour(tmp_path):
    code, out = run_in_pty(SEED_ZH, SAMPLE, "--org", "东盟")
    assert code == 1 and ESC + "[" in out and "[-" not in out


@pytest.mark.parametrize("extra, env", [([], {"NO_COLOR": "1"}), (["--color", "never"], {})])
def test_no_color_output_carries_no_escape_codes(extra, env):
    code, out = run_in_pty(SEED_ZH, SAMPLE, *extra, env=env)
    assert code == 1 and ESC not in out
    assert "[-16-]{+17+}" in out  # the redline still reads without colour


def test_color_always_wins_over_no_color():
    _code, out = run_in_pty(SEED_ZH, SAMPLE, "--org", "东盟", "--color", "always", env={"NO_COLOR": "1"})
    assert ESC + "[" in out


def test_terminal_width_is_used_on_a_terminal():
    _, out = run_in_pty(SEED_ZH, SAMPLE, "--color", "never", columns=120)
    assert max(cell_len(line) for line in out.replace("\r", "").split("\n")) <= 120
    assert "changed  added  removed" in out  # full headings from 100 columns


def test_pager_pages_on_a_terminal(tmp_path):
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open(r'{paged}', 'w', encoding='utf-8').write(sys.stdin.read())\""
    code, out = run_in_pty(SEED_ZH, SAMPLE, "--org", "东盟", "--pager", env={"PAGER": pager})
    assert code == 1
    text = paged.read_text(encoding="utf-8")
    assert "东南亚国家联盟" in text and ESC + "[" in text  # colours go through to the pager
    assert "东南亚国家联盟" not in out


def _loaded_after(runs: str, prefixes: tuple[str, ...]) -> str:
    """The modules starting with ``prefixes`` that ``main`` loads for each of
    ``runs`` (a Python list of argument lists, over the seeds' pair as
    sys.argv[1], [2] and os.devnull as [3]), in a fresh interpreter: 'LOADED [...]'."""
    script = ("import sys\nfrom docdiff.cli import main\n"
              f"for argv in {runs}:\n"
              "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
              f"loaded = [m for m in sys.modules if m.startswith({prefixes!r})]\n"
              "print('LOADED', loaded)\n")
    result = subprocess.run([sys.executable, "-c", script, str(SEED_ZH), str(SAMPLE), os.devnull],
                            capture_output=True, text=True, timeout=120)
    return result.stdout + result.stderr


def test_version_and_json_do_not_load_the_renderers():
    out = _loaded_after("(['--version'], [sys.argv[1], sys.argv[2], '-f', 'json', '-o', sys.argv[3]])",
                        ("rich", "docdiff.render.terminal", "docdiff.render.html", "docdiff.render.markdown"))
    assert "LOADED []" in out, out


def test_the_terminal_report_loads_no_other_formats_table():
    """A plain ``docdiff OLD NEW`` draws the terminal report without the table of
    every format (render.formats) or any other format's renderer (#14.1)."""
    out = _loaded_after("([sys.argv[1], sys.argv[2], '-o', sys.argv[3]],)",
                        ("docdiff.render.formats", "docdiff.render.html", "docdiff.render.markdown",
                         "docdiff.render.jsonfile", "typer"))
    assert "LOADED []" in out, out


def test_the_terminal_report_and_the_json_load_no_introspection_nor_the_python_engine():
    """Neither ``docdiff OLD NEW`` (to a file) nor ``--format json`` imports
    ``dataclasses`` or ``inspect`` (readers.Reading is a record; the layouts are
    listed without pkgutil), nor, where the C++ engine is installed, the
    pure-Python diff-match-patch (#14.1)."""
    pytest.importorskip("fast_diff_match_patch")
    out = _loaded_after("([sys.argv[1], sys.argv[2], '-o', sys.argv[3]], [sys.argv[1], sys.argv[2], '-f', 'json', "
                        "'-o', sys.argv[3]])", ("dataclasses", "inspect", "diff_match_patch", "pkgutil"))
    assert "LOADED []" in out, out


def test_a_scripts_json_run_loads_neither_typer_nor_click(tmp_path):
    """``docdiff OLD NEW --format json`` is the entry point's own fast path;
    its output is the same as typer's path gives (``--all`` goes through typer,
    and changes nothing in JSON)."""
    script = ("import sys\nfrom docdiff.cli import main\n"
              "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
              "loaded = sorted({m.split('.')[0] for m in sys.modules if m.startswith(('typer', 'click', 'rich'))})\n"
              "sys.stderr.write(f'CODE {code} LOADED {loaded}')\n")
    fast, slow = tmp_path / "fast.json", tmp_path / "slow.json"
    for argv, target in ((["--format=json", "-o", fast], fast), (["-f", "json", "--all", "--output", slow], slow)):
        result = subprocess.run([sys.executable, "-c", script, str(SEED_ZH), str(SAMPLE), *map(str, argv)],
                                capture_output=True, text=True, timeout=120)
        assert "CODE 1" in result.stderr, result.stderr
        assert ("LOADED []" in result.stderr) == (target is fast), result.stderr
    assert fast.read_text(encoding="utf-8") == slow.read_text(encoding="utf-8")
    assert json.loads(fast.read_text(encoding="utf-8"))["format"] == "docdiff/2"


@pytest.mark.parametrize("args, expected", [
    (["a", "b", "--format", "json"], ("a", "b", None)),
    (["-f", "json", "a", "b"], ("a", "b", None)),
    (["a", "--format=json", "b", "-o", "out.json"], ("a", "b", "out.json")),
    (["a", "b", "-f", "json", "--output=x"], ("a", "b", "x")),
    (["a", "b", "-f", "json", "--format", "rich"], None),  # the last --format counts, as with click
    (["a", "b"], None),  # the terminal report
    (["a", "b", "-f", "json", "--org", "东盟"], None),
    (["a", "b", "-f", "json", "--summary"], None),
    (["a", "-f", "json"], None),
    (["a", "b", "c", "-f", "json"], None),
    (["compare", "a", "-f", "json"], None),
    (["outline", "a", "-f", "json"], None),
    (["a", "b", "-f", "json", "-o"], None),  # typer explains the missing value
    (["a", "b", "-f"], None),
    (["a", "b", "-f", "json", "--"], None),
    (["-", "b", "-f", "json"], None),
    (["a", "b", "-fjson"], None),
    (["--help"], None),
    ([], None),
])
def test_which_command_lines_take_the_fast_path(args, expected):
    from docdiff.cli import plain_json_request

    assert plain_json_request(args) == expected


@pytest.mark.parametrize("args, expected", [
    (["a", "b"], ("a", "b", "rich", None, "auto", None)),
    (["a", "b", "--color", "always", "-w", "100"], ("a", "b", "rich", None, "always", 100)),
    (["--width=60", "a", "--color=never", "b", "-o", "r.txt"], ("a", "b", "rich", "r.txt", "never", 60)),
    (["a", "b", "-f", "rich"], ("a", "b", "rich", None, "auto", None)),
    (["a", "b", "-f", "json", "--format", "rich"], ("a", "b", "rich", None, "auto", None)),  # the last counts
    (["a", "b", "-f", "json"], ("a", "b", "json", None, "auto", None)),
    (["a", "b", "-w", "19"], None),  # typer's bounds (20 to 1000): typer explains
    (["a", "b", "-w", "1001"], None),
    (["a", "b", "-w", "wide"], None),
    (["a", "b", "-w", "٣٠"], None),  # digits, but not ASCII ones
    (["a", "b", "--color", "sometimes"], None),
    (["a", "b", "--color"], None),
    (["a", "b", "--color="], None),
    (["a", "b", "-f", "html"], None),
    (["a", "b", "--all"], None),
    (["a", "b", "--pager"], None),
    (["a", "b", "--side-by-side"], None),
    (["compare", "a", "b"], None),
    (["history", "a", "b"], None),
    (["a"], None),
    (["-w", "80"], None),
])
def test_which_terminal_reports_take_the_fast_path(args, expected):
    from docdiff.cli import plain_request

    assert plain_request(args) == expected


@pytest.mark.parametrize("options", [[], ["--color", "always", "-w", "100"], ["--color=never", "--width=60"],
                                     ["-w", "130", "--color", "always"]])
def test_the_fast_terminal_report_is_typers_byte_for_byte(options, tmp_path):
    """``docdiff OLD NEW`` (the fast path) writes what ``docdiff compare OLD NEW``
    (always typer's path) writes, to a pipe and into ``-o``, with the same exit
    status, and loads neither typer nor click."""
    script = ("import sys\nfrom docdiff.cli import main\n"
              "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
              "loaded = sorted({m.split('.')[0] for m in sys.modules if m.startswith(('typer', 'click'))})\n"
              "sys.stderr.write(f'CODE {code} LOADED {loaded}')\n")
    outputs = {}
    for path, first in (("fast", []), ("typer", ["compare"])):
        target = tmp_path / f"{path}.txt"
        piped = subprocess.run([sys.executable, "-c", script, *first, str(SEED_ZH), str(SAMPLE), *options],
                               capture_output=True, text=True, timeout=120)
        assert "CODE 1" in piped.stderr, piped.stderr
        assert ("LOADED []" in piped.stderr) == (path == "fast"), piped.stderr
        written = subprocess.run([sys.executable, "-c", script, *first, str(SEED_ZH), str(SAMPLE), *options,
                                  "-o", str(target)], capture_output=True, text=True, timeout=120)
        assert "CODE 1" in written.stderr, written.stderr
        outputs[path] = (piped.stdout, target.read_text(encoding="utf-8"))
    assert outputs["fast"] == outputs["typer"]
    assert "联合国同各区域组织及其他组织的合作" in outputs["fast"][0]


@pytest.mark.parametrize("command", ["", "compare", "outline", "history", "batch", "show"])
@pytest.mark.parametrize("columns", ["80", "200"])
def test_no_help_line_is_wider_than_80_columns(command, columns):
    """Help at 80 columns (and on a wide terminal, where click still lays its
    text out at 80 and the examples stand as written): no line wider than 80
    cells (a Chinese character counts two), a newcomer's find (four were, up
    to 87)."""
    import unicodedata

    def cells(line: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line if not unicodedata.combining(c))

    result = subprocess.run([sys.executable, "-m", "docdiff", *([command] if command else []), "--help"],
                            capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": columns})
    assert result.returncode == 0, result.stderr
    wide = [line for line in result.stdout.split("\n") if cells(line) > 80]
    assert not wide, wide


@pytest.mark.parametrize("spelling", ["./{}", "seeds/../seeds//{}", "seeds/./{}"])
def test_the_json_paths_name_the_files_alike(spelling):
    """A file name typed ``./a.txt`` (or with ``//``, ``/./``): the fast JSON path
    (``-f json``) kept it as typed, typer's (``compare``, ``--all``) as a Path
    spells it; both now write the same JSON, the names as ``pathlib`` spells them."""
    cwd = SEED_ZH.parent.parent if spelling.startswith("seeds") else SEED_ZH.parent
    names = [spelling.format(p.name) for p in (SEED_ZH, SAMPLE)]
    runs = {}
    for path, args in (("fast", [*names, "-f", "json"]), ("typer", ["compare", *names, "-f", "json"]),
                       ("typer --all", [*names, "-f", "json", "--all"])):
        result = subprocess.run([sys.executable, "-m", "docdiff", *args], capture_output=True, text=True,
                                timeout=120, cwd=cwd)
        assert result.returncode == 1, result.stderr
        runs[path] = result.stdout
    assert runs["fast"] == runs["typer"] == runs["typer --all"]
    report = json.loads(runs["fast"])
    assert [report["old"]["file"], report["new"]["file"]] == [str(Path(name)) for name in names]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_the_fast_terminal_report_on_a_terminal_is_typers():
    fast, typer_path = run_in_pty(SEED_ZH, SAMPLE, columns=110), run_in_pty("compare", SEED_ZH, SAMPLE, columns=110)
    assert fast == typer_path
    assert fast[0] == 1 and ESC + "[" in fast[1]


def test_the_fast_path_reports_bad_input_in_one_line(capsys, tmp_path):
    code, out, err = run(capsys, tmp_path / "missing.txt", SAMPLE, "-f", "json")
    assert code == 2 and out == "" and err.count("\n") == 1 and "missing.txt" in err
    code, out, err = run(capsys, SEED_ZH, SAMPLE, "-f", "json", "-o", tmp_path)
    assert code == 2 and out == "" and err.count("\n") == 1 and "directory" in err


# --------------------------------------------------------------------------- progress


def test_progress_runs_the_steps_and_shows_a_spinner_when_slow():
    import io

    from rich.console import Console

    from docdiff.render.output import with_progress

    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=60)
    results = with_progress([("reading", lambda: time.sleep(0.3) or 1), ("comparing", lambda: 2)],
                            enabled=True, delay=0.05, console=console)
    assert results == [1, 2]
    assert "reading" in stream.getvalue()


def test_progress_stays_quiet_when_fast_or_not_on_a_terminal():
    import io

    from rich.console import Console

    from docdiff.render.output import with_progress

    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True)
    assert with_progress([("a", lambda: 1)], enabled=True, delay=5, console=console) == [1]
    assert with_progress([("a", lambda: 1)], enabled=False) == [1]
    assert stream.getvalue() == ""


def test_progress_passes_errors_on():
    from docdiff.render.output import with_progress

    def fail() -> None:
        raise docdiff.DocdiffError("broken", "x.txt")

    with pytest.raises(docdiff.DocdiffError, match="broken"):
        with_progress([("a", fail)], enabled=True, delay=0)


# --------------------------------------------------------------------------- tmux, as a person sees it


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("columns", [80, 160])
def test_the_report_in_tmux(tmp_path, columns):
    socket = f"docdiff-test-{os.getpid()}-{columns}"
    command = f"{sys.executable} -m docdiff {SEED_ZH} {SAMPLE} --org 东盟; echo EXIT=$?; sleep 60"
    tmux = ["tmux", "-L", socket, "-f", os.devnull]
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    subprocess.run([*tmux, "new-session", "-d", "-x", str(columns), "-y", "60", command], check=True, env=env)
    try:
        screen = ""
        for _ in range(100):
            screen = subprocess.run([*tmux, "capture-pane", "-p", "-J"], capture_output=True, text=True).stdout
            if "EXIT=" in screen:
                break
            time.sleep(0.2)
        coloured = subprocess.run([*tmux, "capture-pane", "-p", "-e"], capture_output=True, text=True).stdout
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
    assert "EXIT=1" in screen, screen
    lines = [line.rstrip() for line in screen.split("\n")]
    assert max(cell_len(line) for line in lines) <= columns
    assert "东南亚国家联盟" in screen and "非洲联盟" not in screen
    # The wide characters took the cells rich counted: the table's columns line up.
    header = next(line for line in lines if line.startswith("section"))
    total = next(line for line in lines if line.startswith("total"))
    row = next(line for line in lines if line.startswith("东南亚国家联盟"))
    assert cell_len(header) == cell_len(total) == cell_len(row)
    assert ESC + "[" in coloured  # in colour, as on any terminal
    from docdiff.render.terminal import INDENT, MEASURE

    measure = min(columns, INDENT + MEASURE)
    body = [line for line in lines if line.startswith("    ") and cell_len(line) > measure - 4]
    assert body  # paragraphs fill their lines


@pytest.mark.parametrize("args", [["-", "-"], ["-", "-", "-f", "json"], ["history", SEEDS / "sample_en_2010.txt", "-", "-"],
                                  ["show", "-", "-", "3"]])
def test_standard_input_named_twice_is_one_line_and_exit_2(args):
    # one edition piped in, named as both editions: the second read would find it empty
    result = subprocess.run([sys.executable, "-m", "docdiff", *map(str, args)], capture_output=True, text=True,
                            input=(SEEDS / "sample_en_2010.txt").read_text("utf-8"), timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "standard input is named twice" in result.stderr
