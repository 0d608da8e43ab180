"""No cliff (#14.3): the seeds' pair made k times larger (``scale.py``), load +
compare timed in CPU seconds, the sizes interleaved round by round so that the
machine's load falls on all of them alike.

    python benchmarks/cliff.py [--ks 1,50,200] [--rounds 3]

Each run is a fresh process (``worker.py``), so each peak resident set is its
own.  Prints JSON: per k the paragraphs, the CPU and wall medians, the CPU ratio
to the smallest k, and the peak memory.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402
import scale  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ks", default="1,50,200", help="the sizes, comma-separated (default 1,50,200)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the interleaved runs (default 3)")
    parser.add_argument("--small-repeats", type=int, default=5, help="repeats inside a run for k < 10 (default 5)")
    args = parser.parse_args(argv)
    import docdiff

    ks = [int(k) for k in args.ks.split(",")]
    old_raw, new_raw = docdiff.read_text(run.DEFAULT_OLD), docdiff.read_text(run.DEFAULT_NEW)
    old_doc, new_doc = docdiff.parse(old_raw), docdiff.parse(new_raw)
    results: dict[int, dict[str, list]] = {k: {"cpu": [], "wall": [], "rss_mb": [], "paragraphs": []} for k in ks}
    with tempfile.TemporaryDirectory(prefix="docdiff-cliff-") as tmp:
        paths = {}
        for k in ks:
            old_text, new_text = scale.scaled_pair(old_doc, old_raw, new_doc, new_raw, k)
            paths[k] = Path(tmp, f"{k}-old.txt"), Path(tmp, f"{k}-new.txt")
            paths[k][0].write_text(old_text, "utf-8")
            paths[k][1].write_text(new_text, "utf-8")
        for round_ in range(args.rounds):
            for k in ks:
                w = run.worker(*paths[k], args.small_repeats if k < 10 else 1)
                results[k]["cpu"] += w["cpu_times"]
                results[k]["wall"] += w["times"]
                results[k]["rss_mb"].append(w["rss_peak_kb"] / 1024)
                results[k]["paragraphs"] = w["paragraphs"]
                print(f"round {round_ + 1} k={k}: {statistics.median(w['cpu_times']):.3f} s CPU, "
                      f"{w['rss_peak_kb'] / 1024:.0f} MB", file=sys.stderr)
    base = statistics.median(results[ks[0]]["cpu"])
    out = {str(k): {"paragraphs": r["paragraphs"], "cpu_s": statistics.median(r["cpu"]),
                    "wall_s": statistics.median(r["wall"]), "cpu_ratio": statistics.median(r["cpu"]) / base,
                    "peak_rss_mb": max(r["rss_mb"]), "runs": len(r["cpu"])} for k, r in results.items()}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
