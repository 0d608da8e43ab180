"""One masthead line of a real resolution edited (reworded, replaced, deleted)
changes only the facts printed on that line, or on the sentence it is a line
of (#16.10): a neighbouring line's
edit must not hide or change another fact (editing "Eightieth session" or
"Agenda item 95" of A/C.1/80/L.1 lost its "First Committee").

The editions are the 11 real ones of seeds/real/; the masthead is every line
above "The General Assembly,"; the facts are those of the editions' keys
(tests/fixtures/real_keys, typed by hand), and which of them a line prints is
read from the words of the key's value, so the expectation comes from the
unedited input and the key, never from docdiff."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

import docdiff

ROOT = Path(__file__).resolve().parent.parent
KEYS = ROOT / "tests" / "fixtures" / "real_keys"
EDITIONS = sorted((ROOT / "seeds" / "real").glob("*/*.txt"))
_WORD = re.compile(r"[^\W_]{3,}")


def _words(value: object) -> set[str]:
    if isinstance(value, list):
        return set().union(*map(_words, value)) if value else set()
    if isinstance(value, str):
        return {w.casefold() for w in _WORD.findall(value)} | {w.casefold() for w in re.findall(r"\d+", value)}
    return set()


def _key(edition: Path) -> dict[str, object]:
    data = json.loads((KEYS / f"{edition.parent.name}__{edition.stem}.json").read_text(encoding="utf-8"))
    metadata: dict[str, object] = data["metadata"]
    return metadata


def _masthead(lines: list[str]) -> list[int]:
    end = next(i for i, line in enumerate(lines) if line.strip() == "The General Assembly,")
    return [i for i in range(end) if lines[i].strip()]


def _sentence(lines: list[str], at: int) -> list[str]:
    """The edited line with the lines it continues and that continue it: a line
    right below another (no blank line between) that opens with a small letter
    or a digit goes on with it ("Resolution adopted by the General Assembly" /
    "on 6 December 2021", "… Assembly on" / "7 December 2020": the adoption date
    is a fact of both)."""
    def goes_on(i: int) -> bool:
        return 0 < i < len(lines) and (lines[i].strip()[:1].islower() or lines[i].strip()[:1].isdigit()) and bool(lines[i - 1].strip())
    first, last = at, at
    while goes_on(first):
        first -= 1
    while goes_on(last + 1):
        last += 1
    return lines[first:last + 1]


def _edited(line: str, how: str, filler: str) -> list[str]:
    if how == "delete":
        return []
    if how == "replace":
        return [filler]
    middle = len(line.rstrip()) // 2
    return [line[:middle] + filler + line[middle:]]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda p: p.stem)
@settings(max_examples=15, deadline=None)
@given(data=st.data(), how=st.sampled_from(["reword", "replace", "delete"]),
       filler=st.text(alphabet="xyzqw", min_size=1, max_size=6))
@example(data=None, how="reword", filler="q")  # the line printing the session reworded
def test_one_masthead_line_edited_changes_only_its_facts(edition: Path, data: st.DataObject | None, how: str,
                                                           filler: str) -> None:
    text = edition.read_text(encoding="utf-8")
    lines = text.split("\n")
    places = _masthead(lines)
    if data is None:  # the explicit example: the line printing the session, if any
        at = next((i for i in places if "session" in lines[i].casefold()), places[0])
    else:
        at = data.draw(st.sampled_from(places), label="line")
    key = _key(edition)
    on_line = _words(" ".join(_sentence(lines, at)))
    untouched = [name for name, value in key.items() if value not in (None, []) and not (_words(value) & on_line)]
    before = docdiff.parse(text).metadata.to_dict()
    after = docdiff.parse("\n".join(lines[:at] + _edited(lines[at], how, filler) + lines[at + 1:])).metadata.to_dict()
    for name in untouched:
        assert after[name] == before[name], (name, lines[at].strip(), how)
