"""Render times of every report format on the seeds' pair.

    python benchmarks/formats.py            # about 30 s on 2 cores
    python benchmarks/formats.py --repeat 5

The pair is loaded and compared once; each format of the registry
(docdiff/render/formats.py) is then drawn from the same ``Comparison``: the
first call in a fresh process (its imports included: rich, XlsxWriter,
python-docx with lxml) and the median wall and CPU time of the calls after it,
and the size of the output.  A history of the three Chinese seeds is drawn in
every format that has a history renderer.  Prints a Markdown table for
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OLD = ROOT / "seeds" / "A_65_382-S_2010_490.zh.txt"
NEW = ROOT / "seeds" / "sample_2012.zh.txt"
LATER = ROOT / "seeds" / "sample_2014.zh.txt"

#: One format drawn in a fresh process: prints [first wall, first cpu, [wall…], [cpu…], size].
SCRIPT = """
import json, sys, time
import docdiff
from docdiff.render import render
fmt, repeat, subject = sys.argv[1], int(sys.argv[2]), sys.argv[3]
paths = sys.argv[4:]
docs = [docdiff.load(p) for p in paths]
target = docdiff.compare(*docs) if subject == "pair" else docdiff.history(docs)
def once():
    w, c = time.perf_counter(), time.process_time()
    out = render(target, fmt)
    return time.perf_counter() - w, time.process_time() - c, len(out)
first = once()
rest = [once() for _ in range(repeat)]
print(json.dumps([first[0], first[1], [r[0] for r in rest], [r[1] for r in rest], first[2]]))
"""


def measure(fmt: str, repeat: int, subject: str, paths: list[Path]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", SCRIPT, fmt, str(repeat), subject, *map(str, paths)],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    first_wall, first_cpu, walls, cpus, size = json.loads(out)
    return {"first": first_wall, "first_cpu": first_cpu, "wall": statistics.median(walls),
            "cpu": statistics.median(cpus), "size": size}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 0.1 else f"{seconds * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    from docdiff.render import FORMATS

    try:
        load = [round(x, 2) for x in __import__("os").getloadavg()]
    except OSError:
        load = []
    print(f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `python benchmarks/formats.py "
          f"--repeat {args.repeat}` on {platform.machine()}; Python {platform.python_version()}; load average {load}.\n")
    print("| subject | format | first call (imports included) | median wall | median CPU | output |")
    print("|---|---|--:|--:|--:|--:|")
    for subject, paths in (("pair", [OLD, NEW]), ("history", [OLD, NEW, LATER])):
        label = "2010 → 2012 (191 → 189 ¶)" if subject == "pair" else "history of 3 editions"
        for spec in FORMATS.values():
            if subject == "history" and spec.history is None:
                continue
            m = measure(spec.name, args.repeat, subject, paths)
            print(f"| {label} | {spec.name} | {ms(m['first'])} | {ms(m['wall'])} | {ms(m['cpu'])} | "
                  f"{m['size'] / 1024:,.0f} KB |", flush=True)


if __name__ == "__main__":
    main()
