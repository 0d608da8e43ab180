"""A report's annex is compared like its other sections (a newcomer's find: an
annex after the last paragraph was kept in ``front.annex`` and never compared,
so a changed, added or dropped annex came out as "No differences.", exit 0).

Editions, and how the test editions are made from them: the English seed
``seeds/sample_en_2012.txt`` and the Chinese seed ``seeds/A_65_382-S_2010_490.zh.txt``
with an annex written after their last paragraph, in the layout a UN report
gives one (the word "Annex" / 附件 alone on its line, the annex's title, then its
text; or numbered paragraphs 1., 2., 3. that start the numbering again); the
later edition is the same text with one word of the annex replaced.  The same
annex after the English seed's source ``seeds/sample_en_2010.src.txt`` (one
paragraph a line), as text and as a .docx (``make_docx``), and with its blank lines taken out.  The
expectations come from the edit: the word replaced, the annex's lines as written.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import docdiff

from .docx_editions import make_docx

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REPORTS = {"en": SEEDS / "sample_en_2012.txt", "zh": SEEDS / "A_65_382-S_2010_490.zh.txt"}
#: (annex line, title, text, word, replacement) of each language's annex
ANNEXES = {
    "en": ("Annex", "List of organizations consulted", "Ten organizations were consulted.", "Ten", "Twelve"),
    "zh": ("附件", "协商的组织名单", "共协商了十个组织。", "十个", "十二个"),
}
#: A numbered annex: its paragraphs 1., 2., 3. start the numbering again.
NUMBERED = ("Annex", "List of organizations consulted",
            ("Ten organizations were consulted.", "Five of them replied in writing.", "The others replied orally."))


def _report(language: str) -> str:
    return docdiff.read_text(REPORTS[language])


def _with_annex(language: str, text: str | None = None) -> str:
    annex, title, body, _, _ = ANNEXES[language]
    return f"{_report(language)}\n{annex}\n\n{title}\n\n{text or body}\n"


def _edited(language: str) -> tuple[str, str]:
    _, _, body, word, new_word = ANNEXES[language]
    return _with_annex(language), _with_annex(language, body.replace(word, new_word))


def _numbered_annex(texts: tuple[str, ...]) -> str:
    annex, title, _ = NUMBERED
    paragraphs = "\n\n".join(f"{n}.    {text}" for n, text in enumerate(texts, 1))
    return f"{_report('en')}\n{annex}\n\n{title}\n\n{paragraphs}\n"


def _changes(comparison: docdiff.Comparison) -> list[tuple[tuple[str, ...], docdiff.ParagraphChange]]:
    return [(section.new_path or section.old_path or (), change) for section in comparison.sections
            for change in section.paragraphs if change.status != "unchanged"]


@pytest.mark.parametrize("language", sorted(ANNEXES))
def test_a_word_changed_in_the_annex_is_a_changed_paragraph_of_the_annex(language):
    annex, title, body, word, new_word = ANNEXES[language]
    old, new = (docdiff.parse(text) for text in _edited(language))
    [(path, change)] = _changes(docdiff.compare(old, new))
    assert path == (annex, title)
    assert change.status == "changed" and change.old_text == body
    assert change.new_text == body.replace(word, new_word)
    assert "".join(t for op, t in change.diff if op != "+") == body
    assert "".join(t for op, t in change.diff if op != "-") == body.replace(word, new_word)


@pytest.mark.parametrize("language", sorted(ANNEXES))
def test_an_annex_added_or_dropped_is_reported(language):
    annex, title, body, _, _ = ANNEXES[language]
    without, with_annex = docdiff.parse(_report(language)), docdiff.parse(_with_annex(language))
    [(path, added)] = _changes(docdiff.compare(without, with_annex))
    assert path == (annex, title) and added.status == "added" and added.new_text == body
    [(path, removed)] = _changes(docdiff.compare(with_annex, without))
    assert path == (annex, title) and removed.status == "removed" and removed.old_text == body
    # the reports name the annex the section stands in ("in Annex")
    for comparison in (docdiff.compare(without, with_annex), docdiff.compare(with_annex, without)):
        assert [(s.title, s.annex) for s in comparison.sections if s.annex is not None] == [(title, annex)]


@pytest.mark.parametrize("language", sorted(ANNEXES))
def test_the_annex_is_a_section_after_the_body(language):
    annex, title, body, _, _ = ANNEXES[language]
    document = docdiff.parse(_with_annex(language))
    last = document.sections[-1]
    assert (last.kind, last.title, last.paragraphs) == ("annex", annex, ())
    assert [(s.title, [p.text for p in s.paragraphs]) for s in last.sections] == [(title, [body])]
    # and the body ends where it did
    assert document.sections[:-1] == docdiff.parse(_report(language)).sections
    assert "annex" not in document.to_dict()["front"]  # (no copy of it kept apart)


def test_numbered_annex_paragraphs_are_paragraphs_of_the_annex_with_a_warning():
    annex, title, texts = NUMBERED
    document = docdiff.parse(_numbered_annex(texts))
    last = document.sections[-1]
    assert (last.kind, last.title) == ("annex", annex)
    assert [(s.title, [(p.number, p.text) for p in s.paragraphs]) for s in last.sections] == [
        (title, list(enumerate(texts, 1)))]
    [warning] = [w for w in document.warnings if "restarts at 1" in w]
    assert f'the annex "{annex}"' in warning
    edited = docdiff.parse(_numbered_annex((texts[0].replace("Ten", "Twelve"), *texts[1:])))
    [(path, change)] = _changes(docdiff.compare(document, edited))
    assert path == (annex, title) and change.status == "changed" and change.old == change.new == (1,)


def _tree(section: docdiff.Section) -> tuple[object, ...]:
    return (section.kind, section.title, [p.text for p in section.paragraphs], [_tree(s) for s in section.sections])


def test_an_annex_reads_alike_one_paragraph_a_line_and_from_word(tmp_path):
    """The source of the English seed prints a paragraph a line, a blank line
    between paragraphs; the annex written so reads as the wrapped text's does,
    as text and as a .docx; and so it does with every blank line taken out (the
    body's paragraphs, one a line, then say that each annex line is a block)."""
    annex, title, body, _, _ = ANNEXES["en"]
    text = f"{docdiff.read_text(SEEDS / 'sample_en_2010.src.txt')}\n{annex}\n\n{title}\n\n{body}\n"
    path = tmp_path / "edition.docx"
    path.write_bytes(make_docx(text))
    expected = ("annex", annex, [], [("organisation", title, [body], [])])
    assert _tree(docdiff.parse(text).sections[-1]) == expected
    assert _tree(docdiff.load(path).sections[-1]) == expected
    no_blank_lines = "\n".join(line for line in text.split("\n") if line.strip())
    assert _tree(docdiff.parse(no_blank_lines).sections[-1]) == expected


FORMATS = {"json": "json", "markdown": "md", "html": "html", "csv": "csv", "docx": "docx", "xlsx": "xlsx"}


def _output_text(path: Path) -> str:
    if path.suffix in (".docx", ".xlsx"):
        with zipfile.ZipFile(path) as package:
            return "".join(package.read(name).decode("utf-8") for name in package.namelist()
                           if name.endswith(".xml"))
    return path.read_text("utf-8")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docdiff", *args], capture_output=True, text=True,
                          env={"COLUMNS": "100", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}, cwd=ROOT)


def test_every_format_shows_the_annex_change_and_exits_1(tmp_path):
    old_text, new_text = _edited("en")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(old_text, "utf-8")
    new.write_text(new_text, "utf-8")
    terminal = _run(str(old), str(new))
    assert terminal.returncode == 1 and "Twelve" in terminal.stdout and "No differences" not in terminal.stdout
    assert "in Annex" in terminal.stdout
    for fmt, suffix in FORMATS.items():
        out = tmp_path / f"report.{suffix}"
        result = _run(str(old), str(new), "--format", fmt, "-o", str(out))
        assert result.returncode == 1, (fmt, result.stderr)
        written = _output_text(out)
        assert "Twelve" in written and "List of organizations consulted" in written, fmt
        assert fmt not in ("markdown", "html") or "in Annex" in written, fmt
    history = _run("history", str(old), str(new), "--diffs")
    assert history.returncode == 1 and "Twelve" in history.stdout and "Annex" in history.stdout


_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)


@settings(max_examples=25, deadline=None)
@given(words=st.lists(_WORDS, min_size=2, max_size=30, unique=True), length=st.integers(min_value=2, max_value=8),
       pick=st.integers(min_value=0), replacement=_WORDS)
def test_any_word_replaced_in_an_annex_text_is_found(words, length, pick, replacement):
    """An annex of any sentences (each a paragraph, parted by blank lines; no
    word in two): the sentence a word was replaced in, and only that one, is
    a changed paragraph, or, too short to be alike, one removed and one added."""
    sentences = [words[k:k + length] for k in range(0, len(words), length)]
    texts = [" ".join(s).capitalize() + "." for s in sentences]
    k = pick % len(texts)
    if replacement in words:
        replacement += "x" * 10
    edited = [*texts[:k], " ".join([*sentences[k][:-1], replacement]).capitalize() + ".", *texts[k + 1:]]

    def edition(paragraphs: list[str]) -> docdiff.Document:
        return docdiff.parse(f"{_report('en')}\nAnnex\n\nList of organizations consulted\n\n" +
                             "\n\n".join(paragraphs) + "\n")

    old, new = edition(texts), edition(edited)
    annex_texts = [p.text for p in old.sections[-1].all_paragraphs()]
    assert annex_texts == texts  # every word of the annex is in the tree
    changes = _changes(docdiff.compare(old, new))
    assert sorted(c.status for _, c in changes) in (["changed"], ["added", "removed"])
    assert {c.old_text for _, c in changes} - {""} == {texts[k]}
    assert {c.new_text for _, c in changes} - {""} == {edited[k]}
    assert all(path[0] == "Annex" for path, _ in changes)
