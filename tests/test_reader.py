"""Bytes to text: encodings, line ends, normalisation, and one documented error."""

from __future__ import annotations

import codecs
import io
import os
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff import DocdiffError, decode, read_text, readers

SAMPLE = "大会\r\n20 September 2010\r\n1. 本报告，非洲联盟(非盟)。\r\n"
EXPECTED = "大会\n20 September 2010\n1. 本报告，非洲联盟(非盟)。\n"


@pytest.mark.parametrize("data", [
    SAMPLE.encode("utf-8"),
    codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
    SAMPLE.encode("utf-16"),  # with its byte order mark
    codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
    SAMPLE.encode("gb18030"),
    SAMPLE.encode("gbk"),
    SAMPLE.replace("\r\n", "\r").encode("utf-8"),
])
def test_encodings_and_line_ends_read_the_same(data):
    assert decode(data) == EXPECTED


def test_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Coopération entre")
    assert decode(decomposed.encode("utf-8")) == "Coopération entre"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"  \n\n\t ", "empty"),
    (b"\x00\x01\x02binary\x00\xff" * 20, "binary"),
    (bytes(range(256)) * 4, "binary"),
])
def test_unusable_bytes_raise_the_documented_error(data, reason):
    with pytest.raises(DocdiffError, match=reason):
        decode(data, "x.txt")


def test_error_names_the_file_and_the_reason(tmp_path):
    with pytest.raises(DocdiffError) as missing:
        read_text(tmp_path / "missing.txt")
    assert str(missing.value) == f"{tmp_path / 'missing.txt'}: no such file"
    with pytest.raises(DocdiffError, match="is a directory"):
        read_text(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(DocdiffError, match=r"empty\.txt: the file is empty"):
        docdiff.load(empty)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_text_or_the_documented_error(data):
    try:
        text = decode(data)
    except DocdiffError as exc:
        assert str(exc)
    else:
        assert "\r" not in text and text == unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- the readers package

SEED = Path(__file__).parent.parent / "seeds" / "A_65_382-S_2010_490.zh.txt"


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_utf8_edition_cut_inside_a_character_is_never_read_quietly(data):
    raw = SEED.read_bytes()[:4000]
    starts = [i for i in range(1, len(raw)) if raw[i - 1] >= 0xE0]  # after the lead byte of a 3- or 4-byte character
    cut = data.draw(st.sampled_from(starts)) + data.draw(st.integers(0, 1))  # inside a 3-byte character
    cut_bytes = raw[:cut]
    start = max(i for i in range(cut) if raw[i] & 0xC0 != 0x80)  # where the cut character begins
    reading = readers.read_bytes(cut_bytes)
    assert reading.encoding == "utf-8" and reading.text.endswith("\ufffd")
    assert any(f"bytes {start:,}–{cut - 1:,}" in w for w in reading.warnings)
    assert reading.text[:-1] == raw[:start].decode("utf-8").replace("\r\n", "\n")
    with pytest.raises(DocdiffError, match="middle of a UTF-8 character"):
        readers.read_bytes(cut_bytes, "cut.txt", strict=True)


def test_the_load_of_a_cut_file_carries_the_warning(tmp_path):
    cut = tmp_path / "cut.txt"
    cut.write_bytes(SEED.read_bytes()[:-2])  # the last line ends in "。\n": 3 + 1 bytes
    assert any("middle of a UTF-8 character" in w for w in docdiff.load(cut).warnings)
    with pytest.raises(DocdiffError, match=r"cut\.txt: the file ends in the middle"):
        docdiff.load(cut, strict=True)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_at_once(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is not on this system")
    with pytest.raises(DocdiffError, match="is a device, not a regular file"):
        readers.read(device)


def test_a_fifo_without_a_writer_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(DocdiffError, match=r"pipe.*give '-'"):
        readers.read(fifo)


def test_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes())
    size = big.stat().st_size
    assert readers.read(big, max_size=size).text == read_text(SEED)
    with pytest.raises(DocdiffError, match=f"larger than the limit of {size - 1:,} bytes"):
        readers.read(big, max_size=size - 1)
    assert 100 * size <= readers.DEFAULT_MAX_SIZE


def test_standard_input_is_read_for_a_dash(monkeypatch):
    class Stdin:
        buffer = io.BytesIO(SEED.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert docdiff.load("-").paragraph_count == docdiff.load(SEED).paragraph_count
    Stdin.buffer = io.BytesIO(SEED.read_bytes())
    with pytest.raises(DocdiffError, match="-: larger than the limit"):
        readers.read("-", max_size=100)


@pytest.mark.parametrize("head,kind", [
    (b"%PDF-1.7\n", "pdf"), (b"PK\x03\x04\x14\x00", "zip"), (b"PK\x05\x06" + bytes(18), "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole2"), (b"{\\rtf1\\ansi", "rtf"), ("1. 本报告".encode(), "text"),
    (b"The %PDF- marker inside a text", "text"),
])
def test_the_format_is_told_by_the_first_bytes(head, kind):
    assert readers.sniff(head + b"\x00" * 16) == kind


def test_the_old_module_name_still_works():
    from docdiff.reader import DocdiffError as Old, decode as old_decode

    assert Old is DocdiffError and old_decode(SAMPLE.encode()) == EXPECTED
