"""Peak memory of a whole comparison against the size of its inputs (#16.11).

    python benchmarks/memory.py              # 1, 5, 20 and 50 MB
    python benchmarks/memory.py --mb 1 100   # other sizes

Each run is one process, ``docdiff SEED BIG --format json -o FILE`` (the JSON
report holds every paragraph of both editions), and its peak resident memory
is read with ``getrusage(RUSAGE_CHILDREN)`` by a small parent process started
for that run alone.  Two kinds of large edition are made, deterministically:

* **random**: numbered paragraphs of 60 words drawn at random (seeded) from
  words of the report with a number glued on (``peace417``): nearly every
  token is rare, the worst case of the similarity index;
* **real**: the real Chinese seed's text repeated until the size is reached,
  its paragraphs renumbered through the whole edition: real tokens, many
  exact twins.

The ratio is peak memory ÷ the bytes of both inputs.  The target of the issue
is about 10×; the figures are written to BENCHMARKS.md as measured.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "A_65_382-S_2010_490.zh.txt"
WORDS = ("United", "Nations", "cooperation", "regional", "organization", "security", "council", "peace",
         "development", "mission", "support", "report", "联合国", "合作", "区域", "和平")


def random_edition(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out, total, n = [], 0, 1
    while total < size:
        words = " ".join(f"{rng.choice(WORDS)}{rng.randrange(1000)}" for _ in range(60))
        paragraph = f"{n}. {words}.\n\n"
        out.append(paragraph)
        total += len(paragraph.encode())
        n += 1
    return "".join(out)


def real_edition(size: int) -> str:
    """The seed's body repeated, every numbered paragraph renumbered in order."""
    text = SEED.read_text(encoding="utf-8")
    counter = iter(range(1, 1 << 40))
    out, total = [], 0
    while total < size:
        copy = re.sub(r"(?m)^\d+\. ", lambda _: f"{next(counter)}. ", text)
        out.append(copy)
        total += len(copy.encode())
    return "".join(out)


_PEAK = ("import resource, subprocess, sys\n"
         "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
         "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak(big: Path, out: Path) -> tuple[int, float, float]:
    """(exit status, peak RSS in bytes, wall seconds) of one comparison."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "docdiff", str(SEED), str(big),
                           "--format", "json", "-o", str(out)], capture_output=True, text=True, cwd=ROOT, check=True)
    wall = time.perf_counter() - start
    status, kb = done.stdout.split()
    return int(status), int(kb) * 1024, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[1, 5, 20, 50])
    options = parser.parse_args()
    print("| input | size | both inputs | peak RSS | × inputs | wall | exit |")
    print("|---|--:|--:|--:|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in options.mb:
            for kind, make in (("random", random_edition), ("real", real_edition)):
                big = Path(tmp) / f"{kind}-{mb}.txt"
                big.write_text(make(int(mb * 1e6)), encoding="utf-8")
                inputs = big.stat().st_size + SEED.stat().st_size
                status, rss, wall = peak(big, Path(tmp) / "out.json")
                print(f"| {kind} | {mb:g} MB | {inputs / 1e6:.1f} MB | {rss / 1e6:,.0f} MB | {rss / inputs:.1f} × "
                      f"| {wall:.1f} s | {status} |", flush=True)
                big.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
