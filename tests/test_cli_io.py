"""The command line's input and output, as a user meets them (issue #16):
``-o`` never writes over an input and writes whole or not at all; a report
that cannot be written, a closed or narrow standard output, an encoding that
lacks characters, a file name that is not UTF-8, Ctrl-C at any moment: one
line and exit status 2 (130 for Ctrl-C), or a complete report."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import docdiff
import docdiff.cli.fast
import docdiff.cli.io
import docdiff.render
import docdiff.render.plain

from .conftest import SEED_ZH, SEEDS
from .test_cli import run

SAMPLE = SEEDS / "sample_2012.zh.txt"


def run_process(*args: object, env: dict[str, str] | None = None, shell_redirect: str = "",
                stdout: int | object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    """``docdiff ARGS`` as a process; ``shell_redirect`` (``>&-``) applied by a shell."""
    argv = [sys.executable, "-m", "docdiff", *map(str, args)]
    if shell_redirect:
        argv = ["sh", "-c", f'exec "$@" {shell_redirect}', "sh", *argv]
    return subprocess.run(argv, check=False, stdout=stdout, stderr=subprocess.PIPE, timeout=120,  # type: ignore[arg-type]
                          env={**os.environ, **(env or {})})


def one_line(err: str, *words: str) -> None:
    assert err.startswith("docdiff: ") and err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.fixture()
def editions(tmp_path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(SEED_ZH.read_bytes())
    new.write_bytes(SAMPLE.read_bytes())
    return old, new


# --------------------------------------------------------------------------- 1. never over an input


@pytest.mark.parametrize("options", [[], ["-f", "json"], ["-f", "markdown"], ["-f", "html"], ["--summary"]])
@pytest.mark.parametrize("how", ["same name", "another spelling", "symbolic link", "hard link"])
def test_output_never_writes_over_an_input(capsys, editions, how, options):
    old, new = editions
    original = new.read_bytes()
    target = {"same name": new, "another spelling": new.parent / "." / new.name,
              "symbolic link": new.parent / "link.txt", "hard link": new.parent / "hard.txt"}[how]
    if how == "symbolic link":
        target.symlink_to(new)
    elif how == "hard link":
        os.link(new, target)
    code, out, err = run(capsys, old, new, *options, "-o", target)
    assert code == 2 and out == ""
    one_line(err, "never writes over a file it reads")
    assert new.read_bytes() == original


def test_history_and_outline_never_write_over_an_input(capsys, editions):
    old, new = editions
    original = old.read_bytes()
    link = old.parent / "link.txt"
    link.symlink_to(old)
    for args in (["history", old, new, "-o", old], ["history", old, new, "-f", "json", "-o", link],
                 ["outline", old, "-o", link], ["outline", old, "-f", "json", "-o", old]):
        code, _out, err = run(capsys, *args)
        assert code == 2, args
        one_line(err, "never writes over")
    assert old.read_bytes() == original


def test_output_through_a_symbolic_link_replaces_the_file_it_points_to(capsys, editions, tmp_path):
    old, new = editions
    real = tmp_path / "real.md"
    real.write_text("old report\n")
    (tmp_path / "report.md").symlink_to(real)
    code, _, err = run(capsys, old, new, "-f", "markdown", "-o", tmp_path / "report.md")
    assert code == 1, err
    assert (tmp_path / "report.md").is_symlink()
    assert real.read_text(encoding="utf-8").startswith("#")


@pytest.mark.parametrize("colour", [[], ["--color", "always"]], ids=["plain", "rich"])
def test_an_interrupted_report_leaves_the_old_file_whole_and_no_temporary_file(capsys, editions, tmp_path,
                                                                               monkeypatch, colour):
    """Ctrl-C halfway through drawing, by render.plain (no colour) or by rich."""
    from docdiff.render import plain, terminal

    old, new = editions
    report = tmp_path / "report.txt"
    report.write_text("yesterday's report\n")
    drawn = terminal.ComparisonReport.__rich_console__
    sections = plain.section_report

    def interrupted_midway(self, console, options):  # half the report, then Ctrl-C
        for number, renderable in enumerate(drawn(self, console, options)):
            if number == 3:
                raise KeyboardInterrupt
            yield renderable

    def interrupted_at_the_second_section(*args, **kwargs):
        if interrupted_at_the_second_section.calls:
            raise KeyboardInterrupt
        interrupted_at_the_second_section.calls += 1
        return sections(*args, **kwargs)

    interrupted_at_the_second_section.calls = 0
    monkeypatch.setattr(terminal.ComparisonReport, "__rich_console__", interrupted_midway)
    monkeypatch.setattr(plain, "section_report", interrupted_at_the_second_section)
    code, _, err = run(capsys, old, new, "-o", report, *colour)
    assert code == 130 and err == "docdiff: interrupted\n"
    assert report.read_text() == "yesterday's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "old.txt", "report.txt"]
    assert interrupted_at_the_second_section.calls == (0 if colour else 1)


def test_a_new_report_file_gets_the_usual_permissions(capsys, editions, tmp_path):
    old, new = editions
    umask = os.umask(0o022)
    try:
        run(capsys, old, new, "-f", "json", "-o", tmp_path / "fresh.json")
    finally:
        os.umask(umask)
    assert (tmp_path / "fresh.json").stat().st_mode & 0o777 == 0o644


def test_a_replaced_report_keeps_its_permissions(capsys, editions, tmp_path):
    old, new = editions
    kept = tmp_path / "kept.md"
    kept.write_text("x")
    kept.chmod(0o600)
    run(capsys, old, new, "-f", "markdown", "-o", kept)
    assert kept.stat().st_mode & 0o777 == 0o600 and kept.read_text(encoding="utf-8").startswith("#")


# --------------------------------------------------------------------------- 2. write errors


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("options", [[], ["-f", "json"], ["-f", "html"], ["outline"]])
def test_a_full_disk_is_one_line_and_exit_2(capsys, options):
    args = ["outline", SEED_ZH] if options == ["outline"] else [SEED_ZH, SAMPLE, *options]
    code, _out, err = run(capsys, *args, "-o", "/dev/full")
    assert code == 2
    one_line(err, "no space left")
    with open("/dev/full", "w") as full:
        result = run_process(*args, stdout=full)
    assert result.returncode == 2
    one_line(result.stderr.decode(), "cannot write to standard output", "no space left")


@pytest.mark.parametrize("target, words", [
    ("/proc/version", ["cannot write"]),
    ("no/such/folder/report.md", ["there is no folder"]),
])
def test_a_report_that_cannot_be_written_is_one_line(capsys, tmp_path, target, words):
    if target.startswith("/proc") and not os.path.exists(target):
        pytest.skip("no /proc here")
    target = target if target.startswith("/") else str(tmp_path / target)
    for options in ([], ["-f", "json"]):
        code, _out, err = run(capsys, SEED_ZH, SAMPLE, *options, "-o", target)
        assert code == 2, err
        one_line(err, *words)


def test_permission_is_worded_as_the_readers_word_it(capsys, tmp_path):
    """Reading and writing say "permission denied" alike (#16.23)."""
    if os.geteuid() == 0:  # root may write anywhere but in sysfs
        target = "/sys/docdiff-report.md"
        if not os.path.isdir("/sys"):
            pytest.skip("no /sys here")
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        target = str(locked / "report.md")
    for options in ([], ["-f", "json"]):
        code, _, err = run(capsys, SEED_ZH, SAMPLE, *options, "-o", target)
        assert code == 2
        one_line(err, "cannot write the report", ": permission denied")


def test_devices_are_written_directly(capsys):
    code, out, err = run(capsys, SEED_ZH, SAMPLE, "-f", "json", "-o", os.devnull)
    assert (code, out, err) == (1, "", "")


# --------------------------------------------------------------------------- 13. standard output


@pytest.mark.parametrize("options", [[], ["-f", "json"]])
def test_a_closed_standard_output_is_one_line(options):
    result = run_process(SEED_ZH, SAMPLE, *options, shell_redirect=">&-")
    assert result.returncode == 2
    one_line(result.stderr.decode(), "standard output is closed")


def test_a_closed_standard_output_is_no_trouble_with_an_output_file(tmp_path):
    result = run_process(SEED_ZH, SAMPLE, "-o", tmp_path / "r.txt", shell_redirect=">&-")
    assert result.returncode == 1, result.stderr
    assert "ASEAN" in (tmp_path / "r.txt").read_text(encoding="utf-8") or (tmp_path / "r.txt").stat().st_size


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_json_on_a_narrow_encoding_is_the_same_json(encoding):
    key = json.loads(run_process(SEED_ZH, SAMPLE, "-f", "json").stdout.decode("utf-8"))
    result = run_process(SEED_ZH, SAMPLE, "-f", "json", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 1 and result.stderr == b""
    assert result.stdout.isascii()
    assert json.loads(result.stdout.decode("ascii")) == key


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("format", ["rich", "markdown", "html"])
def test_reports_on_a_narrow_encoding_are_complete_with_escapes(encoding, format):
    key = run_process(SEED_ZH, SAMPLE, "-f", format, "--color", "never").stdout.decode("utf-8")
    result = run_process(SEED_ZH, SAMPLE, "-f", format, "--color", "never", env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 1, result.stderr
    text = result.stdout.decode(encoding)
    if format == "html":  # character references: the same page
        import html

        assert html.unescape(text) == html.unescape(key)
        assert result.stderr == b""
    else:
        assert "东" not in text and "\\u4e1c" in text  # 东, escaped
        one_line(result.stderr.decode(), "warning", "standard output")
        decoded = unescape(text)
        if format == "markdown":
            assert decoded == key
        else:  # rich draws its lines and boxes in ASCII: every character of the text is there, in order
            chinese = re.compile(r"[^\u4e00-\u9fff]")
            assert chinese.sub("", decoded) == chinese.sub("", key) != ""
            assert decoded.count("\n") == key.count("\n")


def unescape(text: str) -> str:
    """Python's backslash escapes (\\xe9, \\u4e1c, \\U0001f600) read back."""
    return re.sub(r"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})|\\U([0-9a-f]{8})",
                  lambda m: chr(int(next(g for g in m.groups() if g), 16)), text)


def test_a_file_name_that_is_not_utf_8(tmp_path):
    odd = os.fsencode(tmp_path) + b"/\xff\xfe.txt"
    with open(odd, "wb") as stream:
        stream.write(SEED_ZH.read_bytes())
    name = os.fsdecode(odd)
    result = run_process(name, SAMPLE, "-f", "json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout.decode("utf-8"))  # strictly valid UTF-8
    assert os.fsencode(data["old"]["file"]) == odd  # and the name kept losslessly
    for options in ([], ["-f", "markdown"], ["-f", "html"]):
        result = run_process(name, SAMPLE, *options)
        assert result.returncode == 1 and b"Traceback" not in result.stderr, result.stderr
        result.stdout.decode("utf-8")


@pytest.mark.parametrize("columns", ["0", "", "abc", "5", "-3"])
def test_an_unusable_columns_gives_a_report_80_wide(capsys, monkeypatch, columns):
    key = run(capsys, SEED_ZH, SAMPLE, "-w", "80")
    monkeypatch.setenv("COLUMNS", columns)
    assert run(capsys, SEED_ZH, SAMPLE) == key


# --------------------------------------------------------------------------- 16. Ctrl-C


@pytest.mark.parametrize("options", [[], ["-f", "json"], ["-f", "html", "--all"]])
@pytest.mark.parametrize("phase", ["reading", "comparing", "rendering"])
def test_ctrl_c_is_one_line_and_exit_130_whenever_it_comes(capsys, monkeypatch, phase, options):
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    if phase == "reading":
        monkeypatch.setattr(docdiff, "load", interrupt)
    elif phase == "comparing":
        monkeypatch.setattr(docdiff, "compare", interrupt)
    else:
        monkeypatch.setattr(docdiff.cli.io, "json_text", interrupt)
        monkeypatch.setattr(docdiff.cli.io, "comparison_json", interrupt)  # (the JSON report, as it is written)
        monkeypatch.setattr(docdiff.render, "render_text", interrupt)
        monkeypatch.setattr(docdiff.render, "render", interrupt)
        monkeypatch.setattr(docdiff.render, "report", interrupt)
        monkeypatch.setattr(docdiff.render.plain, "report_text", interrupt)  # (the terminal report to a pipe)
    assert run(capsys, SEED_ZH, SAMPLE, *options) == (130, "", "docdiff: interrupted\n")


#: Python run with an import hook that raises KeyboardInterrupt as docdiff.compare is imported.
INTERRUPTED_IMPORT = (
    "import sys\n"
    "class Interrupt:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name == 'docdiff.compare':\n"
    "            raise KeyboardInterrupt\n"
    "sys.meta_path.insert(0, Interrupt())\n"
)


def test_ctrl_c_while_docdiff_is_imported():
    """The console script imports docdiff before ``main`` runs: Ctrl-C there
    (emulated by an import that raises it) is one line and 130 too."""
    script = INTERRUPTED_IMPORT + "sys.argv[0] = '/usr/local/bin/docdiff'\nfrom docdiff.cli import main\nmain()\n"
    result = subprocess.run([sys.executable, "-c", script, str(SEED_ZH), str(SAMPLE)], check=False,
                            capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (130, "docdiff: interrupted\n")


def test_ctrl_c_while_a_library_user_imports_docdiff_stays_a_keyboard_interrupt():
    script = INTERRUPTED_IMPORT + "try:\n    import docdiff\nexcept KeyboardInterrupt:\n    print('KeyboardInterrupt')\n"
    result = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=60)
    assert result.stdout == "KeyboardInterrupt\n", result.stderr


# --------------------------------------------------------------------------- 19, 21, 23: options


def test_dash_capital_v_is_the_version(capsys):
    assert run(capsys, "-V") == (0, f"docdiff {docdiff.__version__}\n", "")


def test_outline_takes_width_color_output_and_markdown(capsys, tmp_path):
    narrow = run(capsys, "outline", SEED_ZH, "-w", "40", "--color", "never")
    wide = run(capsys, "outline", SEED_ZH, "-w", "200", "--color", "never")
    assert narrow[0] == wide[0] == 0
    assert max(map(len, narrow[1].splitlines())) <= 40 < max(map(len, wide[1].splitlines()))
    coloured = run(capsys, "outline", SEED_ZH, "--color", "always")
    assert "\x1b[" in coloured[1] and "\x1b[" not in narrow[1]
    code, out, _ = run(capsys, "outline", SEED_ZH, "-f", "markdown", "-o", tmp_path / "o.md")
    markdown = (tmp_path / "o.md").read_text(encoding="utf-8")
    assert code == 0 and out == ""
    assert markdown.startswith("# 联合国同各区域组织及其他组织的合作")
    document = docdiff.load(SEED_ZH)
    for _, section in document.walk():  # every section, as a list item
        assert f"- {section.heading}" in markdown.replace("\\", "")


def test_outline_counts_one_paragraph_in_the_singular(capsys, tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("Title of the report\n\n1. The only paragraph of this text.\n", encoding="utf-8")
    _code, out, _ = run(capsys, "outline", one, "--color", "never")
    assert "1 paragraph" in out and "1 paragraphs" not in out


def test_outline_warnings_are_one_line_each(capsys, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("Some words without any numbering at all.\n\nAnother block of words here.\n",
                     encoding="utf-8")
    code, _out, err = run(capsys, "outline", plain)
    assert code == 0 and err and "Traceback" not in err
    warnings = docdiff.load(plain).warnings
    assert err.splitlines() == [f"docdiff: warning: {w}" for w in warnings]


def test_history_takes_pager(capsys):
    code, out, err = run(capsys, "history", SEED_ZH, SAMPLE, "--pager", "--color", "never")
    assert code == 1 and err == "" and "非洲联盟" in out


def test_json_summary_keeps_the_counts_and_drops_the_paragraphs(capsys):
    full = json.loads(run(capsys, SEED_ZH, SAMPLE, "-f", "json")[1])
    code, out, _ = run(capsys, SEED_ZH, SAMPLE, "-f", "json", "--summary")
    short = json.loads(out)
    assert code == 1 and short["summary"] == full["summary"]
    assert len(short["sections"]) == len(full["sections"])
    for brief, section in zip(short["sections"], full["sections"]):
        assert "paragraphs" not in brief
        assert sum(brief["summary"].values()) == len(section["paragraphs"])
        assert brief["old_title"] == section["old_title"] and brief["new_title"] == section["new_title"]


def test_a_file_named_like_a_command(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("outline").write_bytes(SEED_ZH.read_bytes())
    Path("new.txt").write_bytes(SAMPLE.read_bytes())
    key = run(capsys, SEED_ZH, SAMPLE, "-f", "json")
    assert run(capsys, "./outline", "new.txt", "-f", "json")[0] == key[0] == 1
    assert json.loads(run(capsys, "-f", "json", "--", "outline", "new.txt")[1])["summary"] == \
        json.loads(key[1])["summary"]
    code, _out, err = run(capsys, "outline", "new.txt", "--summary")
    assert code == 2
    one_line(err, "./outline", "--")


# --------------------------------------------------------------------------- 11. --max-size, --strict


@pytest.mark.parametrize("command", [[], ["-f", "json"], ["history"], ["outline"]])
def test_max_size_refuses_a_larger_input_in_one_line(capsys, command):
    files = [SEED_ZH] if command == ["outline"] else [SEED_ZH, SAMPLE]
    size = SEED_ZH.stat().st_size
    code, out, err = run(capsys, *command, *files, "--max-size", str(size - 1))
    assert code == 2 and out == ""
    one_line(err, f"{size - 1:,}")
    code, _, err = run(capsys, *command, *files, "--max-size", str(max(size, SAMPLE.stat().st_size)))
    assert code in (0, 1) and "Traceback" not in err


@pytest.mark.parametrize("value, limit", [("64k", 65536), ("0.5M", 524288), ("1KiB", 1024), ("2G", 2 * 1024**3)])
def test_max_size_takes_binary_units(value, limit):
    from docdiff.cli.options import byte_count

    assert byte_count(value) == limit


@pytest.mark.parametrize("value", ["abc", "0", "-5", "", "1T"])
def test_a_bad_max_size_is_one_line(capsys, value):
    code, _, err = run(capsys, SEED_ZH, SAMPLE, "--max-size", value)
    assert code == 2
    one_line(err, "--max-size")


def test_strict_refuses_a_cut_file_that_is_otherwise_read_with_a_warning(capsys, tmp_path):
    data = SEED_ZH.read_bytes()
    cut = next(n for n in range(1000, 1010) if (data[n] & 0xC0) == 0x80)  # inside a character
    damaged = tmp_path / "cut.txt"
    damaged.write_bytes(data[:cut])
    code, _, err = run(capsys, "outline", damaged)
    assert code == 0 and "truncated" in err
    code, out, err = run(capsys, "outline", damaged, "--strict")
    assert code == 2 and out == ""
    one_line(err, "truncated")
    code, out, err = run(capsys, damaged, SAMPLE, "--strict", "-f", "json")
    assert code == 2 and out == ""
    one_line(err, "truncated")


def test_a_file_name_with_a_newline_is_still_one_line(capsys, tmp_path):
    """Found by the CLI fuzz suite: the name went into the message as it is."""
    odd = tmp_path / "new\nline.txt"
    for args in ([odd, SAMPLE], [odd, SAMPLE, "-f", "json"], ["outline", odd], ["history", SAMPLE, odd]):
        code, out, err = run(capsys, *args)
        assert code == 2 and out == ""
        one_line(err, "new\\x0aline.txt", "no such file")


def json_module_text(comparison: docdiff.Comparison) -> str:
    """The report as the json module writes the whole tree at once (indent 1,
    lone surrogates as \\u escapes): the key the streamed report is held to."""
    text = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=1) + "\n"
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)


@pytest.mark.parametrize("seed", range(40))
def test_the_streamed_json_report_is_the_json_of_the_whole_tree(seed):
    """``comparison_json`` writes the report one paragraph at a time; joined, it
    is what json.dumps makes of ``to_dict()``, for the seeds' pair and for
    mutations of the editions in seeds/ and seeds/real/ (tests/fuzzing.py:
    shuffled, duplicated and deleted lines, renumbering, odd characters and lone
    surrogates, editions pasted twice, and the empty edition)."""
    from random import Random

    from .fuzzing import corpus, mutate

    texts = corpus()
    rng = Random(seed)
    old = rng.choice(texts)
    new = "" if seed == 0 else mutate(rng, old)
    comparison = docdiff.compare(docdiff.parse(old), docdiff.parse(new))
    streamed = "".join(docdiff.cli.io.comparison_json(comparison))
    assert streamed == json_module_text(comparison)
    assert json.loads(streamed)["sections"] == json.loads(json_module_text(comparison))["sections"]


_JSON_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text()
                 | st.sampled_from([float("nan"), float("inf"), -float("inf"), -0.0, 1e300, "\ud800", "\x00\u2028"]))
_JSON_VALUES = st.recursive(_JSON_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                            | st.dictionaries(st.text(max_size=5), inner, max_size=4)
                            | st.dictionaries(st.integers(), inner, max_size=2), max_leaves=25)


@given(value=_JSON_VALUES, depth=st.integers(0, 6))
def test_indented_json_is_what_the_json_module_writes(value, depth):
    """``io.indented_json`` (the JSON report's writer) against ``json.dumps(…,
    ensure_ascii=False, indent=1)``, the key: any value the report can hold
    (strings with lone surrogates and line separators, NaN and infinities,
    tuples, nesting), at any depth."""
    expected = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)
    assert docdiff.cli.io.indented_json(value, "\n" + " " * depth) == expected
