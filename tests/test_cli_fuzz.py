"""The command line on odd files (#16, the fuzz suite's CLI half): FIFOs,
devices, folders, links, unreadable paths, odd names, big files and mutated
editions, through every command and format — never a traceback, never an exit
status other than 0, 1, 2 (one line on stderr) or 130.

The inputs are mutations of the seeds (byte flips, cuts, shuffled, duplicated
and deleted lines, numbers out of order or huge, NUL, RTL and combining marks,
a 1 MB line) and special files made here; each run draws a command line from
them with a seeded random generator, so a failure names the run that repeats it.

A short run (``RUNS_SHORT``) is part of the default suite; ``DOCDIFF_FUZZ=long``
runs ``RUNS_LONG`` (the README's Reliability section gives the counts).  Runs are
in-process (``docdiff.cli.main``), with standard output captured.
"""

from __future__ import annotations

import os
import random
import stat
from collections import Counter
from pathlib import Path

import pytest

from docdiff.cli import main

from .conftest import SEED_ZH, SEEDS

RUNS_SHORT, RUNS_LONG = 40, 1200
LONG = os.environ.get("DOCDIFF_FUZZ", "") == "long"
ALLOWED = {0, 1, 2, 130}


def _seed_texts() -> list[bytes]:
    paths = [SEED_ZH, SEEDS / "sample_2012.zh.txt", *sorted(SEEDS.glob("*.en.txt"))[:2],
             *sorted((SEEDS / "real").glob("*.txt"))[:2]]
    return [p.read_bytes() for p in paths if p.is_file()]


def _short(data: bytes, rng: random.Random) -> bytes:
    """A piece of an edition (its start, a few KB): a comparison of it takes milliseconds."""
    lines = data.split(b"\n")
    return b"\n".join(lines[: rng.randint(5, 80)])


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One mutation of an edition's bytes."""
    lines = data.split(b"\n")
    kind = rng.choice(["flip", "cut", "shuffle", "duplicate", "delete", "numbers", "huge", "nul", "marks",
                       "long line", "crlf", "bom", "twice", "none"])
    if kind == "flip" and data:
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if kind == "cut" and data:
        return data[: rng.randrange(len(data))]
    if kind == "shuffle":
        rng.shuffle(lines)
    elif kind == "duplicate" and lines:
        for _ in range(rng.randint(1, 10)):
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(lines))
    elif kind == "delete" and lines:
        for _ in range(min(len(lines) - 1, rng.randint(1, 10))):
            lines.pop(rng.randrange(len(lines)))
    elif kind == "numbers":
        lines = [f"{rng.choice([0, 1, 7, 99, 10**rng.randint(3, 30)])}. ".encode() + line if rng.random() < .3
                 else line for line in lines]
    elif kind == "huge":
        lines.insert(rng.randrange(len(lines) + 1), f"{10**rng.randint(5, 400)}. x".encode())
    elif kind == "nul":
        lines = [line.replace(b" ", b"\x00", 1) for line in lines]
    elif kind == "marks":
        extra = rng.choice(["\u202e", "\u200f", "\u0301", "\u0644\u0627", "\ufeff", "\U0001f600"]).encode()
        lines = [line + extra if rng.random() < .3 else line for line in lines]
    elif kind == "long line":
        lines.insert(rng.randrange(len(lines) + 1), b"x" * rng.choice([10**4, 10**6]))
    elif kind == "crlf":
        return data.replace(b"\n", b"\r\n")
    elif kind == "bom":
        return rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]) + data
    elif kind == "twice":
        return data + data
    return b"\n".join(lines)


class Corpus:
    """The odd files of one run, made once in a folder."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root, self.rng = root, rng
        self.seeds = _seed_texts()
        self.special: list[Path] = []
        fifo = root / "fifo"
        os.mkfifo(fifo)  # no writer: must not block
        folder = root / "folder"
        folder.mkdir()
        (root / "dangling").symlink_to(root / "nowhere")
        (root / "loop").symlink_to(root / "loop")
        (root / "to-folder").symlink_to(folder)
        unreadable = self.write("unreadable.txt", self.seeds[0][:2000])
        unreadable.chmod(0)
        self.write("empty.txt", b"")
        self.write("blank.txt", b" \n\n\t\n")
        self.write("random.bin", bytes(rng.randrange(256) for _ in range(300)))
        self.write("png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        self.write("zip.docx", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(200)))
        self.write("pdf.pdf", b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(200)))
        self.write("big.txt", self.seeds[0] * 40)  # about 3 MB
        (root / "to-seed").symlink_to(self.write("seed.txt", self.seeds[0]))
        for name in ("-dash.txt", "outline", "a b.txt", "new\nline.txt", "\u05d0\u202e.txt", "x" * 200 + ".txt"):
            self.write(name, _short(self.seeds[1], rng))
        odd = os.fsencode(root) + b"/\xff\xfe.txt"
        with open(odd, "wb") as stream:
            stream.write(_short(self.seeds[0], rng))
        self.special = [fifo, folder, root / "dangling", root / "loop", root / "to-folder", unreadable,
                        Path("/dev/null"), Path("/dev/zero"), Path(os.fsdecode(odd)), root / "missing.txt",
                        *sorted(p for p in root.iterdir() if p.is_file() and not stat.S_ISFIFO(p.lstat().st_mode))]
        self.count = 0

    def write(self, name: str, data: bytes) -> Path:
        path = self.root / name
        path.write_bytes(data)
        return path

    def edition(self) -> Path:
        """A mutated (usually short) edition, or one of the special paths."""
        rng = self.rng
        if rng.random() < 0.3:
            return rng.choice(self.special)
        data = rng.choice(self.seeds)
        data = data if rng.random() < 0.1 else _short(data, rng)
        for _ in range(rng.randint(0, 3)):
            data = mutate(data, rng)
        self.count += 1
        return self.write(f"m{self.count}.txt", data)

    def command_line(self) -> list[str]:
        rng = self.rng
        command = rng.choice(["pair", "pair", "pair", "json", "outline", "history", "show"])
        if command == "outline":
            args = ["outline", str(self.edition())]
            fmt = rng.choice(["rich", "json", "markdown"])
        elif command == "history":
            args = ["history", *(str(self.edition()) for _ in range(rng.randint(2, 3)))]
            fmt = rng.choice(["rich", "json", "markdown", "html"])
        elif command == "show":
            args = ["show", str(self.edition()), str(self.edition()), rng.choice(["1", "3", "old:2", "[0]", "x"])]
            fmt = None
        else:
            args = [str(self.edition()), str(self.edition())]
            fmt = "json" if command == "json" else rng.choice(["rich", "json", "markdown", "html", "csv"])
        if args[0].startswith("-") or (command in ("pair", "json") and args[0] in ("outline", "compare")):
            args.insert(0, "--")
            options_first = True
        else:
            options_first = False
        options: list[str] = []
        if fmt and fmt != "rich":
            options += ["-f", fmt]
        if fmt == "csv" or rng.random() < 0.2:
            options += ["-o", str(self.root / rng.choice(["out.txt", "m1.txt", "folder", "nodir/x"]))]
        if command == "pair" and rng.random() < 0.3:
            options += rng.choice([["--summary"], ["--all"], ["--org", "Atlantis"], ["--org", "非洲联盟"],
                                   ["-w", str(rng.choice([20, 40, 300]))], ["--color", "always"],
                                   ["--max-size", "1K"], ["--strict"], ["--only", "changed"]])
        return [*options, *args] if options_first else [*args, *options]


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        main(argv)
        code: object = 0
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return (code if isinstance(code, int) else 0 if code is None else 2), out, err


def fuzz(runs: int, seed: int, root: Path, capsys) -> Counter[int]:
    rng = random.Random(seed)
    corpus = Corpus(root, rng)
    codes: Counter[int] = Counter()
    for number in range(runs):
        argv = corpus.command_line()
        code, _, err = run(argv, capsys)
        where = f"run {number} of seed {seed}: docdiff {argv!r}"
        assert code in ALLOWED, f"{where}: exit {code}\n{err}"
        assert "Traceback" not in err, f"{where}\n{err}"
        if code == 2:
            errors = [line for line in err.splitlines() if not line.startswith("docdiff: warning:")]
            assert len(errors) == 1 and errors[0].startswith("docdiff: "), f"{where}\n{err}"
        codes[code] += 1
    return codes


def test_the_cli_on_odd_files(tmp_path, capsys):
    runs = RUNS_LONG if LONG else RUNS_SHORT
    codes = fuzz(runs, seed=16, root=tmp_path, capsys=capsys)
    assert sum(codes.values()) == runs
    assert codes[2] and (codes[0] or codes[1])  # both trouble and reports were met
    if LONG:
        with capsys.disabled():
            print(f"\nCLI fuzz: {runs} runs, exit statuses {dict(sorted(codes.items()))}")


@pytest.mark.skipif(not LONG, reason="DOCDIFF_FUZZ=long runs more seeds")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_cli_on_odd_files_more_seeds(tmp_path, capsys, seed):
    codes = fuzz(RUNS_LONG // 4, seed=seed, root=tmp_path, capsys=capsys)
    with capsys.disabled():
        print(f"\nCLI fuzz seed {seed}: {sum(codes.values())} runs, exit statuses {dict(sorted(codes.items()))}")
