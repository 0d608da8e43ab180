"""The library's errors (#16.18): a wrong argument is a TypeError with a plain
message, bad input a DocdiffError; empty text and an empty file say the same."""

from __future__ import annotations

import pytest

import docdiff
from docdiff import DocdiffError


@pytest.mark.parametrize("value", [b"1. a paragraph.\n", bytearray(b"x"), None, 42, ["1. a."]])
def test_parse_of_something_else_than_text_is_a_plain_type_error(value):
    with pytest.raises(TypeError) as error:
        docdiff.parse(value)
    message = str(error.value)
    assert message.startswith("parse() takes the text of an edition as a str, not ")
    assert type(value).__name__ in message
    if isinstance(value, (bytes, bytearray)):
        assert "docdiff.decode" in message


@pytest.mark.parametrize("old, new, side", [("a.txt", "b.txt", "old"), (None, None, "old"), ("doc", 3, "old")])
def test_compare_of_something_else_than_documents_is_a_plain_type_error(old, new, side):
    document = docdiff.parse("1. A paragraph.\n")
    with pytest.raises(TypeError, match=f"compare\\(\\) takes two Documents: {side} is a"):
        docdiff.compare(old, new)
    with pytest.raises(TypeError, match=r"compare\(\) takes two Documents: new is a str; read a file with "
                                        r"docdiff\.load"):
        docdiff.compare(document, "b.txt")


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\t \u3000\n"])
def test_empty_text_and_an_empty_file_say_the_same(tmp_path, text):
    document = docdiff.parse(text)
    assert document.sections == () and document.warnings == ("the text is empty",)
    empty = tmp_path / "empty.txt"
    empty.write_text(text, encoding="utf-8")
    with pytest.raises(DocdiffError, match="empty"):
        docdiff.load(empty)
