"""``floor.py``'s figures for this tree and an earlier commit's, in one run (#14.2).

    python benchmarks/trees.py REV [--rounds 21] [--turns 3] [--pair zh|en]...

REV's tree is written to a temporary folder (``git archive``); then, in turns,
``floor.py`` runs in a fresh process on each pair with REV's docdiff
(``PYTHONPATH`` set to that folder, so it is imported before the installed one)
and with this tree's, so that a busy spell on the machine falls on both.  Each
process prints its rounds' timings (load + compare, read + parse, the rest of
``compare``, the inline diffs, the floor); the table gives the CPU medians over
every round of every turn, with the ratio after ÷ before of read + parse and of
load + compare, paired round by round.  Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAIRS = {"zh": ("seeds/A_65_382-S_2010_490.zh.txt", "seeds/sample_2012.zh.txt"),
         "en": ("seeds/sample_en_2010.txt", "seeds/sample_en_2012.txt")}


def export(rev: str, into: Path) -> None:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    with tempfile.TemporaryFile() as file:
        file.write(archive)
        file.seek(0)
        with tarfile.open(fileobj=file) as tar:
            tar.extractall(into, filter="data")


def floor_run(tree: Path, pair: str, rounds: int) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    old, new = PAIRS[pair]
    out = subprocess.run([sys.executable, str(HERE / "floor.py"), str(ROOT / old), str(ROOT / new), str(rounds)],
                         check=True, capture_output=True, text=True, env=env, cwd=tree).stdout
    runs: dict[str, list[float]] = json.loads(out)["runs"]
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev")
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--pair", action="append", choices=sorted(PAIRS))
    args = parser.parse_args()
    pairs = args.pair or sorted(PAIRS)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory() as folder:
        before = Path(folder)
        export(args.rev, before)
        trees = {args.rev: before, "this tree": ROOT}
        runs: dict[tuple[str, str], dict[str, list[float]]] = {}
        for _ in range(args.turns):
            for pair in pairs:
                for name, tree in trees.items():
                    got = floor_run(tree, pair, args.rounds)
                    into = runs.setdefault((pair, name), {})
                    for key, values in got.items():
                        into.setdefault(key, []).extend(values)
    print(f"{args.turns} turns of {args.rounds} rounds, load average before [{load}], after "
          f"[{', '.join(f'{x:.1f}' for x in os.getloadavg())}]; CPU medians\n")
    print("| pair | tree | load + compare | read + parse | compare without inline | inline diffs | floor | "
          "read + parse after ÷ before | load + compare after ÷ before |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|")
    for pair in pairs:
        first = runs[(pair, args.rev)]
        for name in trees:
            r = runs[(pair, name)]
            ratios = ["", ""]
            if name != args.rev:
                ratios = [f"{statistics.median(a / b for a, b in zip(r[key], first[key])):.3f}"
                          for key in ("load_cpu", "cpu")]
            cells = [f"{statistics.median(r[key]) * 1e3:.2f} ms" for key in ("cpu", "load_cpu", "compare_cpu", "inline_cpu")]
            cells.append(f"{statistics.median(r['floor_cpu']) * 1e6:.0f} µs")
            print(f"| {pair} | {name} | " + " | ".join(cells + ratios) + " |")


if __name__ == "__main__":
    main()
