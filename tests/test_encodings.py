"""Text encodings decided with evidence (BOM, UTF-8, then charset-normalizer with
our two rules), and damage in UTF-8 said, never dropped.

The encoded files are made here from real text: the seeds (Chinese, English) and
the layout fixtures in Russian, Arabic and Spanish (tests/fixtures/layouts, written
for the project). Big5 and Shift-JIS cannot spell every simplified character of the
Chinese seed: those editions keep the characters the encoding has (dropping the others),
so the decoded text is known exactly."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

import docdiff
from docdiff import DocdiffError, readers

ROOT = Path(__file__).parent.parent
ZH = ROOT / "seeds" / "A_65_382-S_2010_490.zh.txt"
EN = ROOT / "seeds" / "sample_en_2010.txt"
LAYOUTS = ROOT / "tests" / "fixtures" / "layouts"


def spelled_in(text: str, encoding: str) -> str:
    """The text without the characters ``encoding`` cannot spell."""
    return "".join(char for char in text if char.encode(encoding, "ignore") or not char.strip())


def test_a_western_file_whose_only_non_ascii_byte_is_an_en_dash():
    text = "General Assembly\nA/65/382\u2013S/2010/490\n1. The report.\n"
    reading = readers.read_bytes(text.encode("cp1252"))
    assert reading.text == text  # not GB18030's "A/65/382朣/2010/490", nor Big5's
    assert reading.encoding == "cp1252" and reading.evidence == "weak"
    assert reading.warnings == (("not UTF-8: read as cp1252, a guess from 1 non-ASCII byte (weak evidence); "
                                "save the file as UTF-8 to be sure"),)
    assert reading.description == "cp1252 (detected, weak evidence)"


@pytest.mark.parametrize("source,encoding,named", [
    (EN, "cp1252", ("cp1252",)),
    (LAYOUTS / "h2_es_session.txt", "cp1252", ("cp1252",)),
    (ZH, "gb18030", ("gb18030",)),
    (ZH, "gbk", ("gb18030",)),
    (ZH, "big5", ("big5", "cp950", "big5hkscs")),
    (ZH, "shift_jis", ("shift_jis", "cp932")),
    (LAYOUTS / "r1_cyrillic_letters.txt", "cp1251", ("cp1251",)),
    (LAYOUTS / "r1_cyrillic_letters.txt", "koi8_r", ("koi8_r",)),
    (LAYOUTS / "a1_arabic_dash_numbers.txt", "cp1256", ("cp1256",)),
    (LAYOUTS / "a2_arabic_tanween.txt", "cp1256", ("cp1256",)),
])
def test_legacy_encodings_come_out_right(source, encoding, named, tmp_path):
    text = spelled_in(docdiff.read_text(source), encoding)
    path = tmp_path / "edition.txt"
    path.write_bytes(text.encode(encoding))
    reading = readers.read(path)
    assert reading.text == text
    assert reading.encoding in named and reading.evidence in ("detected", "weak")
    assert docdiff.load(path).to_dict() == docdiff.parse(text).to_dict()


def test_the_weak_evidence_warning_reaches_the_document(tmp_path):
    path = tmp_path / "en.txt"
    path.write_bytes(EN.read_bytes().decode("utf-8").encode("cp1252"))
    assert any("weak evidence" in w for w in docdiff.load(path).warnings)
    path.write_bytes(ZH.read_bytes().decode("utf-8").encode("gb18030"))
    assert not any("weak evidence" in w for w in docdiff.load(path).warnings)


@pytest.mark.parametrize("flips", [1, 3])
def test_damaged_utf8_in_the_middle_is_said_with_its_offsets(flips):
    raw = bytearray(ZH.read_bytes())
    quarter = len(raw) // 4
    # the lead byte of a three-byte character after each quarter mark
    offsets = [next(i for i in range(q, len(raw)) if raw[i] >= 0xE0) for q in range(quarter, 4 * quarter, quarter)]
    offsets = offsets[:flips]
    expected = bytearray(raw)
    for offset in offsets:
        raw[offset] = 0xFF  # never valid in UTF-8
    for offset in reversed(offsets):
        expected[offset:offset + 3] = "\ufffd".encode()
    reading = readers.read_bytes(bytes(raw))
    assert reading.encoding == "utf-8"
    assert reading.warnings == (
        (f"{flips} damaged UTF-8 sequence{'s' if flips > 1 else ''} (at byte {', '.join(f'{o:,}' for o in offsets)});"
        " read as UTF-8, each damaged character as U+FFFD"),)
    assert reading.text == readers.read_bytes(bytes(expected)).text  # nothing else lost
    with pytest.raises(DocdiffError, match="damaged UTF-8 sequence"):
        readers.read_bytes(bytes(raw), strict=True)


def test_random_bytes_are_not_text_past_a_few_dozen_bytes():
    """#16.23, decided by measurement: of random byte strings, none over 40 bytes is
    taken for text (control characters, no encoding that reads them as text); under
    20 bytes random bytes and a real word cannot be told apart (4 bytes of GB18030
    "摘要" are valid UTF-8), so such a file is read, with the weak-evidence warning
    when it is not UTF-8."""
    rng = random.Random(23)
    accepted = []
    for size in range(41, 201):
        for _ in range(4):
            data = bytes(rng.randrange(256) for _ in range(size))
            try:
                readers.read_bytes(data)
            except DocdiffError:
                continue
            accepted.append(data)
    assert accepted == []


def test_the_encoding_is_named_in_the_outline_and_the_report_headers(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(EN.read_bytes().decode("utf-8").encode("cp1252"))
    new.write_bytes((ROOT / "seeds" / "sample_en_2012.txt").read_bytes())
    assert docdiff.load(old).encoding == "cp1252 (detected, weak evidence)"
    assert docdiff.load(new).encoding is None  # UTF-8 needs no mention
    from docdiff.render.markdown import to_markdown

    report = to_markdown(docdiff.compare(docdiff.load(old), docdiff.load(new)))
    old_row = next(line for line in report.splitlines() if line.startswith("| old |"))
    new_row = next(line for line in report.splitlines() if line.startswith("| new |"))
    assert "cp1252 (detected, weak evidence)" in old_row and "cp1252" not in new_row
    from rich.console import Console

    from docdiff.render.outline import outline_tree

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(outline_tree(docdiff.load(old)))
    assert "cp1252 (detected, weak evidence)" in console.export_text().splitlines()[0]


# ----------------------------------------------------------------------------- UTF-16 without a byte order mark

UTF16_SOURCES = [ZH, EN, *sorted((ROOT / "seeds" / "real").glob("*/*.txt")), *sorted(LAYOUTS.glob("edition_*.txt"))]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("source", UTF16_SOURCES, ids=lambda p: p.name)
def test_utf16_without_a_byte_order_mark_is_read_on_its_evidence(source: Path, encoding: str) -> None:
    """Each seed, real resolution and language edition encoded as UTF-16 in either
    byte order, no mark (Windows' "Unicode" saved by a tool that drops it): it was
    refused as binary; now it reads to the exact text of its UTF-8 file."""
    text = source.read_text(encoding="utf-8")
    reading = readers.read_bytes(text.encode(encoding))
    assert reading.text == readers.read_bytes(text.encode("utf-8")).text
    assert (reading.encoding, reading.evidence) == (encoding, "detected")


def test_utf16_evidence_is_never_little_nor_binary() -> None:
    """Too few ASCII characters to judge (under 16 NULs beside them), an odd length,
    a NUL character, or binary data with NULs (random bytes, random bytes with a NUL
    after each, the machine's own executables): binary data, not text."""
    rng = random.Random(16)
    refused = [("ab" * 7).encode("utf-16-le"), "短文本\n没有多少证据".encode("utf-16-le"),
               ("The report. " * 4).encode("utf-16-le")[:-1], "1. A\x00B text.\n2. More.\n".encode("utf-16-le")]
    refused += [bytes(b for c in rng.randbytes(rng.randrange(10, 400)) for b in (c, 0)) for _ in range(3000)]
    refused += [rng.randbytes(rng.randrange(40, 400)) + b"\x00" for _ in range(300)]
    refused += [path.read_bytes()[:65536] for path in sorted(Path("/usr/bin").glob("*"))[:60]
                if path.is_file() and b"\x00" in path.read_bytes()[:65536]]
    for data in refused:
        with pytest.raises(DocdiffError, match="binary data"):
            readers.read_bytes(data)
    assert readers.read_bytes(("The report. " * 4).encode("utf-16-le")).encoding == "utf-16-le"


def test_a_utf16_edition_compares_as_its_utf8_file(tmp_path: Path) -> None:
    text = EN.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(text.encode("utf-16-le"))
    assert docdiff.compare(docdiff.load(tmp_path / "a.txt"), docdiff.load(EN)).has_differences is False
