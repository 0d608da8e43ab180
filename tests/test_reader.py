"""Bytes to text: encodings, line ends, normalisation, and one documented error."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docdiff
from docdiff import DocdiffError, decode, read_text

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
    with pytest.raises(DocdiffError, match="empty.txt: the file is empty"):
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
