"""Odd inputs made from the seeds and the real editions (seeds/real/), for the
fuzz suite (tests/test_fuzz.py).  Each mutation starts from a real edition and
breaks it the way files get broken: bytes flipped (decoded with surrogateescape,
so lone surrogates appear where UTF-8 broke), a file cut short, lines shuffled,
duplicated or deleted, paragraph numbers out of order or huge, lone surrogates,
NUL, right-to-left and combining marks, a line of a megabyte, the whole text
pasted twice.  A mutation is a pure function of its random generator, so a seed
names an input."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def corpus() -> list[str]:
    """The texts of every edition in seeds/ and seeds/real/ (the answer keys and
    READMEs left out), in a fixed order."""
    paths = sorted(p for p in SEEDS.rglob("*.txt"))
    return [p.read_text("utf-8") for p in paths]


_NUMBER = re.compile(r"^(\s*)(\d+)(?=\s*[.．])", re.M)
ODD_CHARACTERS = ["\ud800", "\udfff", "\x00", "\u202e", "\u200f", "\u0301", "\u0651", "\ufeff", "\u2028",
                  "\r", "\t", "\U0001f600", "\u00ad", "\u200b"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def flip_bytes(rng: random.Random, text: str) -> str:
    data = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 20)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return data.decode("utf-8", "surrogateescape")


def cut(rng: random.Random, text: str) -> str:
    data = text.encode("utf-8", "surrogatepass")
    return data[:rng.randrange(len(data) + 1)].decode("utf-8", "surrogateescape")


def shuffle_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    if rng.random() < 0.5:
        rng.shuffle(lines)
    else:  # a few lines swapped
        for _ in range(rng.randint(1, 10)):
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def duplicate_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    for _ in range(rng.randint(1, 20)):
        i = rng.randrange(len(lines))
        lines.insert(i, lines[rng.randrange(len(lines))])
    return "\n".join(lines)


def delete_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    for _ in range(rng.randint(1, max(1, len(lines) // 5))):
        if len(lines) > 1:
            del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def renumber(rng: random.Random, text: str) -> str:
    """Paragraph numbers out of order, repeated, or huge."""
    def new_number(match: re.Match[str]) -> str:
        if rng.random() > 0.3:
            return match.group()
        choice = rng.random()
        if choice < 0.3:
            number = str(rng.randint(0, 60))
        elif choice < 0.6:
            number = str(rng.randint(9_990, 10_010))
        elif choice < 0.8:
            number = "9" * rng.randint(5, 40)
        else:
            number = "1"
        return match.group(1) + number
    return _NUMBER.sub(new_number, text)


def odd_characters(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 30)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(ODD_CHARACTERS))
    return "".join(chars)


def long_line(rng: random.Random, text: str, size: int = 1_000_000) -> str:
    """A line of ``size`` characters (a paragraph's words repeated, or one run
    of a character) put into the text."""
    lines = _lines(text)
    words = rng.choice(lines).split() or ["x"]
    if rng.random() < 0.5:
        line = (" ".join(words) + " ") * (size // (len(" ".join(words)) + 1) + 1)
    else:
        line = rng.choice(["x", "中", ". ", "-", "1", "A/65/382 "]) * size
    lines.insert(rng.randrange(len(lines) + 1), line[:size])
    return "\n".join(lines)


def paste_twice(rng: random.Random, text: str) -> str:
    return text + rng.choice(["\n", "\n\n", ""]) + text


MUTATIONS = (flip_bytes, cut, shuffle_lines, duplicate_lines, delete_lines, renumber, odd_characters, paste_twice)


def mutate(rng: random.Random, text: str, long_lines: bool = False) -> str:
    """One to three mutations of ``text`` (a line of a megabyte only where asked)."""
    kinds = list(MUTATIONS) + ([long_line] if long_lines else [])
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(kinds)(rng, text)
    return text


MIRROR = {"added": "removed", "removed": "added", "split": "merged", "merged": "split"}


def mirrored_totals(summary: dict[str, int]) -> dict[str, int]:
    return {MIRROR.get(status, status): n for status, n in summary.items()}


def entry_statuses(comparison, backward: bool = False) -> Counter[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Each entry as (status, old text, new text); seen from the other side
    where ``backward`` (statuses mirrored, texts swapped)."""
    found: Counter[tuple[str, str, str]] = Counter()
    for change in comparison.paragraph_changes():
        if backward:
            found[(MIRROR.get(change.status, change.status), change.new_text, change.old_text)] += 1
        else:
            found[(change.status, change.old_text, change.new_text)] += 1
    return found
