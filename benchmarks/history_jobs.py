"""All cores for ``history``: one process against a pool of 2 (``--jobs``), CPU and wall.

    .venv/bin/python benchmarks/history_jobs.py             # about a minute on 2 cores
    .venv/bin/python benchmarks/history_jobs.py --rounds 5
    .venv/bin/python benchmarks/history_jobs.py --before d8c986a   # also that commit's pool, same run

What it measures, on histories of 9 editions (8 pairs of work), each round
running ``jobs=1`` and ``jobs=2`` in turn (interleaved, so a noisy spell of the
machine falls on both), medians over the rounds:

* **history of parsed editions** (``docdiff.history``): the Chinese seeds
  2010 → 2012 → 2014 three times over, and the same at three times the size
  (benchmarks/scale.py, k = 3);
* **load + history** (``docdiff.lineage.load_history``: reading and parsing
  the 9 files, then the history), the seeds;
* the same as it was before 47e4c3c: the files parsed in one pool
  (``load_editions``), then the pairs compared in another (``history``);
* **the command** ``docdiff history FILE... --format json --jobs N``, a
  fresh process each time (imports, reading, parsing, comparing, writing),
  and the same drawing the terminal report (the default format; 100 columns,
  no colour: the fresh process writes to a pipe).

CPU is user + system time of this process and its reaped children (the
workers are joined before a run returns; the command's process is one of
them).  Two figures per subject: the **wall speed-up** (paired
ratios of the same round, median) and the **CPU bound**, serial CPU ÷ (pool
CPU ÷ 2): the speed-up two idle cores would give, which other processes on
the machine cannot flip (they lengthen the wall time, not our CPU time); and
of the 2-process CPU, this process's own share (the in-process subjects: the
rest is the worker's): the wall time of the run on two idle cores is at least
that (this process starts first, finishes last, and waits little).
The results of every configuration are checked equal (the history's JSON with
its redlines).  Prints a Markdown table for BENCHMARKS.md.

``--before REV``: the in-process subjects also run, in the same rounds, with the
``docdiff/pool.py`` of commit REV (``git show``, loaded as a module of the
package beside today's and put in its place for the call: the rest of the code
is today's), and the table gets its columns: before and after from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import docdiff  # noqa: E402
from docdiff.lineage import History, history, load_editions, load_history  # noqa: E402

SEEDS = ROOT / "seeds"
NAMES = ("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt", "sample_2014.zh.txt")


def cpu_seconds() -> tuple[float, float]:
    """User + system time of this process, and of its reaped children (getrusage: microseconds, where
    os.times counts clock ticks of 10 ms)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def measure(fn: Callable[[], Any]) -> tuple[float, float, Any, float]:
    """Wall time, CPU time (this process and its children), the result, and this process's own CPU."""
    own, children = cpu_seconds()
    start = time.perf_counter()
    result = fn()
    wall = time.perf_counter() - start
    own_after, children_after = cpu_seconds()
    return wall, own_after + children_after - own - children, result, own_after - own


def command(files: list[Path], jobs: int, options: tuple[str, ...] | list[str] = ("--format", "json")) -> Callable[[], str]:
    argv = [sys.executable, "-m", "docdiff", "history", *map(str, files), "--keep-order", *options,
            "--jobs", str(jobs)]

    def run() -> str:
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        out = process.stdout.read() if process.stdout else b""
        _, status, _ = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{argv}: {process.stderr.read().decode() if process.stderr else ''}")
        return out.decode()

    return run


def as_json(result: Any) -> str:
    if isinstance(result, History):
        return json.dumps(result.to_dict(diffs=True), sort_keys=True, ensure_ascii=False)
    return str(result)


def pool_of(revision: str) -> Any:
    """``docdiff/pool.py`` as it was at ``revision``, a module of today's package."""
    import importlib.util

    source = subprocess.run(["git", "show", f"{revision}:docdiff/pool.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("docdiff._pool_before", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "docdiff"
    sys.modules[spec.name] = module
    exec(compile(source, f"{revision}:docdiff/pool.py", "exec"), module.__dict__)
    return module


def with_pool(pool: Any, fn: Callable[[], Any]) -> Callable[[], Any]:
    """``fn`` run with ``pool.forked_map`` in the place of today's."""
    import docdiff.pool

    def run() -> Any:
        today = docdiff.pool.forked_map
        docdiff.pool.forked_map = pool.forked_map
        try:
            return fn()
        finally:
            docdiff.pool.forked_map = today

    return run


def subjects(folder: Path) -> dict[str, dict[int, Callable[[], Any]]]:
    from scale import scaled_pair

    zh = [docdiff.load(SEEDS / n) for n in NAMES]
    old_raw, new_raw = ((SEEDS / n).read_text("utf-8") for n in NAMES[:2])
    big_old, big_new = scaled_pair(zh[0], old_raw, zh[1], new_raw, 3)
    big = [docdiff.parse(big_old), docdiff.parse(big_new)]
    files = [SEEDS / n for n in NAMES] * 3
    # the command reads its files by name: 9 distinct copies, so that nothing is read twice from one name
    copies = []
    for k, path in enumerate(files):
        copy = folder / f"{k}_{path.name}"
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    out: dict[str, dict[int, Callable[[], Any]]] = {}
    for name, editions in (("seeds ×3, parsed", zh * 3), ("seeds at 3× size, parsed", (big * 5)[:9])):
        out[name] = {j: (lambda e=editions, j=j: history(e, keep_order=True, jobs=j)) for j in (1, 2)}
    out["seeds ×3, load + history"] = {j: (lambda j=j: load_history(files, keep_order=True, jobs=j)) for j in (1, 2)}
    # as before 47e4c3c: the files parsed in one pool (load_editions), then the pairs compared in another
    out["seeds ×3, load + history in two pools (before)"] = {
        j: (lambda j=j: history(load_editions(files, j), keep_order=True, jobs=j)) for j in (1, 2)}
    out["seeds ×3, the command (--format json)"] = {j: command(copies, j) for j in (1, 2)}
    out["seeds ×3, the command (the terminal report, 100 columns)"] = {
        j: command(copies, j, ["--format", "rich", "--width", "100", "--color", "never"]) for j in (1, 2)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9, help="rounds (default 9)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--before", metavar="REV", help="also run the in-process subjects with REV's pool.py")
    args = parser.parse_args(argv)
    before = pool_of(args.before) if args.before else None
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, runs in subjects(Path(tmp)).items():
            if before is not None and "command" not in name:
                runs[0] = with_pool(before, runs[2])  # key 0: two processes, the pool of --before
            results = {j: as_json(fn()) for j, fn in runs.items()}  # warm-up, and the results checked
            assert all(r == results[1] for r in results.values()), f"{name}: the pool gave another history"
            times: dict[int, list[tuple[float, float]]] = {j: [] for j in runs}
            own: list[float] = []  # the 2-process runs: this process's share of the CPU
            for _ in range(args.rounds):
                for j, fn in runs.items():
                    wall, cpu, result, mine = measure(fn)
                    times[j].append((wall, cpu))
                    if j == 2:
                        own.append(mine)
                    assert as_json(result) == results[1]
            med = {j: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
                   for j, v in times.items()}
            speedup = statistics.median(a[0] / b[0] for a, b in zip(times[1], times[2]))
            bound = med[1][1] / (med[2][1] / 2)
            row = {"subject": name, "wall_1": med[1][0], "cpu_1": med[1][1], "wall_2": med[2][0],
                   "cpu_2": med[2][1], "speedup": speedup, "bound": bound,
                   "own_2": None if "command" in name else statistics.median(own)}
            if 0 in times:
                row.update(wall_0=med[0][0], cpu_0=med[0][1], bound_0=med[1][1] / (med[0][1] / 2),
                           speedup_0=statistics.median(a[0] / b[0] for a, b in zip(times[1], times[0])))
            rows.append(row)
            print(f"{name}: {speedup:.2f}× wall, {bound:.2f}× CPU bound", file=sys.stderr, flush=True)
    load_after = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    option = f" --before {args.before}" if args.before else ""
    lines = [f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} with `python benchmarks/history_jobs.py --rounds "
             f"{args.rounds}{option}` on {len(os.sched_getaffinity(0))} cores; load average before [{load_before}], "
             f"after [{load_after}].", "",
             "| history of 9 editions (8 pairs) | 1 process wall / CPU | 2 processes wall / CPU "
             "| of which this process | speed-up (wall, paired) | CPU bound (CPU₁ ÷ (CPU₂ ÷ 2)) |",
             "|---|--:|--:|--:|--:|--:|"]
    if before is not None:
        lines[-2:] = [f"| history of 9 editions (8 pairs) | 1 process wall / CPU | 2 processes, pool of {args.before} "
                      "wall / CPU | its speed-up (wall) / CPU bound | 2 processes now wall / CPU "
                      "| speed-up (wall) / CPU bound |", "|---|--:|--:|--:|--:|--:|"]
    for r in rows:
        if before is not None:
            then = (f"{r['wall_0'] * 1000:.0f} ms / {r['cpu_0'] * 1000:.0f} ms | {r['speedup_0']:.2f}× / "
                    f"{r['bound_0']:.2f}×" if "wall_0" in r else "— | —")
            lines.append(f"| {r['subject']} | {r['wall_1'] * 1000:.0f} ms / {r['cpu_1'] * 1000:.0f} ms | {then} | "
                         f"{r['wall_2'] * 1000:.0f} ms / {r['cpu_2'] * 1000:.0f} ms | {r['speedup']:.2f}× / "
                         f"{r['bound']:.2f}× |")
            continue
        mine = "—" if r["own_2"] is None else f"{r['own_2'] * 1000:.0f} ms"
        lines.append(f"| {r['subject']} | {r['wall_1'] * 1000:.0f} ms / {r['cpu_1'] * 1000:.0f} ms | "
                     f"{r['wall_2'] * 1000:.0f} ms / {r['cpu_2'] * 1000:.0f} ms | {mine} | {r['speedup']:.2f}× | "
                     f"{r['bound']:.2f}× |")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
