"""All cores: ``docdiff batch`` and ``history`` on 1 and 2 processes and on a Dask cluster.

    .venv/bin/python benchmarks/batch.py            # the figures of BENCHMARKS.md
    .venv/bin/python benchmarks/batch.py --quick    # fewer rounds

What it measures (medians over rounds; each round runs every configuration
once, in turn, so a noisy spell of the machine falls on all of them):

* **batch**, pairs per second (wall) and CPU seconds (this process, its
  children, and the Dask workers), on three inputs: the seeds (the reports'
  2010 editions against 2012: 2 pairs), seeds/real/ as one folder grouped
  into series (8 pairs: the two resolutions, sessions 75–80), and a generated
  run of 120 pairs (those 10 pairs twelve times, each under its own file
  names, listed in a manifest); no cache.  Configurations: ``jobs=1`` (in
  this process), ``jobs=2`` (a process pool, started by each run), and a
  2-worker ``LocalCluster`` (2 processes of one thread; started once, its
  start-up given apart).
* **memory per worker**: the peak unique set (USS: memory not shared with another process) of each worker process, sampled
  every 50 ms (pool workers, Dask workers and their nannies), and of the
  parent.
* **history** over 9 editions (8 pairs of work) on 1 and 2 processes: the Chinese
  seeds 2010 → 2012 → 2014 three times over, and the same at three times the
  size (benchmarks/scale.py, k = 3), with the results checked equal.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import docdiff  # noqa: E402
from docdiff.lineage import history  # noqa: E402

SEEDS = ROOT / "seeds"
REAL = SEEDS / "real"


# ----------------------------------------------------------------------------- measuring


class Sampler:
    """Peak resident set (MB) of every process below this one, sampled in a thread."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self.me = psutil.Process()
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            for child in self.me.children(recursive=True):
                try:
                    # USS: the memory the process holds alone (a forked worker shares its parent's pages)
                    rss = child.memory_full_info().uss / 2 ** 20
                    self.names.setdefault(child.pid, " ".join(child.cmdline()[-2:])[-40:])
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds(extra_pids: list[int]) -> float:
    """CPU time so far of this process, its reaped children, and the given
    (long-lived) processes."""
    import psutil

    t = os.times()
    total = t.user + t.system + t.children_user + t.children_system
    for pid in extra_pids:
        try:
            c = psutil.Process(pid).cpu_times()
            total += c.user + c.system
        except psutil.Error:
            pass
    return total


def measure(fn: Callable[[], Any], extra_pids: list[int]) -> tuple[float, float, Any]:
    cpu = cpu_seconds(extra_pids)
    start = time.perf_counter()
    result = fn()
    wall = time.perf_counter() - start
    return wall, cpu_seconds(extra_pids) - cpu, result


def peak_rss_self_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ----------------------------------------------------------------------------- inputs


def make_inputs(root: Path) -> dict[str, dict[str, Any]]:
    """The three inputs, as arguments of ``docdiff.batch``."""
    seeds_old, seeds_new = root / "seeds" / "2010", root / "seeds" / "2012"
    for folder, names in ((seeds_old, ("A_65_382-S_2010_490.zh.txt", "sample_en_2010.txt")),
                          (seeds_new, ("sample_2012.zh.txt", "sample_en_2012.txt"))):
        folder.mkdir(parents=True)
        for name in names:
            shutil.copyfile(SEEDS / name, folder / name)
    real = root / "real"
    real.mkdir()
    for file in sorted(REAL.glob("*/A_RES_*.txt")):
        shutil.copyfile(file, real / file.name)
    # the generated run: the real pairs and the seeds' pairs, each 12 times under other names
    base = [(a, b) for a, b in zip(sorted((REAL / "me-nwfz").glob("A_RES_*.txt")),
                                     sorted((REAL / "me-nwfz").glob("A_RES_*.txt"))[1:])]
    base += [(a, b) for a, b in zip(sorted((REAL / "nsa").glob("A_RES_*.txt")),
                                     sorted((REAL / "nsa").glob("A_RES_*.txt"))[1:])]
    base += [(SEEDS / "A_65_382-S_2010_490.zh.txt", SEEDS / "sample_2012.zh.txt"),
             (SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt")]
    generated = root / "generated"
    lines = []
    for copy in range(12):
        folder = generated / f"copy{copy:02d}"
        folder.mkdir(parents=True)
        for i, (a, b) in enumerate(base):
            old, new = folder / f"{i:02d}-old-{a.name}", folder / f"{i:02d}-new-{b.name}"
            shutil.copyfile(a, old)
            shutil.copyfile(b, new)
            lines.append(f"{old}\t{new}")
    manifest = generated / "pairs.tsv"
    manifest.write_text("\n".join(lines) + "\n", "utf-8")
    return {
        "seeds": {"args": (seeds_old, seeds_new), "kwargs": {}},
        "real": {"args": (real,), "kwargs": {}},
        "generated": {"args": (), "kwargs": {"manifest": manifest}},
    }


def batch_result_key(result: Any) -> str:
    return json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False)


# ----------------------------------------------------------------------------- batch


def bench_batch(rounds: int, log: Callable[[str], None]) -> dict[str, Any]:
    import distributed

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = make_inputs(Path(tmp))
        start = time.perf_counter()
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                           dashboard_address=None, silence_logs=50)
        client = distributed.Client(cluster)
        startup = time.perf_counter() - start
        worker_pids = list(client.run(os.getpid).values())
        nanny_pids = [p.pid for p in __import__("psutil").Process().children() if p.pid not in worker_pids]
        configs: dict[str, tuple[dict[str, Any], list[int]]] = {
            "1 process": ({"jobs": 1}, []),
            "2 processes": ({"jobs": 2}, []),
            "Dask, 2 workers": ({"scheduler": client}, worker_pids + nanny_pids),
        }
        for name, spec in inputs.items():
            runs: dict[str, list[tuple[float, float]]] = {c: [] for c in configs}
            keys: dict[str, str] = {}
            pairs = 0
            for kwargs, _pids in configs.values():  # warm-up (imports, the cluster's first tasks)
                docdiff.batch(*spec["args"], **spec["kwargs"], **kwargs)
            memory: dict[str, float] = {}
            for r in range(rounds):
                for config, (kwargs, pids) in configs.items():
                    with Sampler() as sampler:
                        wall, cpu, result = measure(
                            lambda: docdiff.batch(*spec["args"], **spec["kwargs"], **kwargs), pids)  # noqa: B023
                    runs[config].append((wall, cpu))
                    keys.setdefault(config, batch_result_key(result))
                    pairs = len(result.results)
                    dask_config = bool(pids)  # the cluster's processes are always there: only its own run counts them
                    workers = [mb for pid, mb in sampler.peaks.items()
                               if (pid in worker_pids) == dask_config and pid not in nanny_pids]
                    if workers:
                        memory[config] = max(memory.get(config, 0.0), max(workers))
                    log(f"batch {name} {config} round {r + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU")
            assert len(set(keys.values())) == 1, f"{name}: the configurations gave different results"
            out[name] = {"pairs": pairs, "configs": {
                c: {"wall_s": statistics.median(w for w, _ in v), "cpu_s": statistics.median(c_ for _, c_ in v),
                    "pairs_per_s": pairs / statistics.median(w for w, _ in v),
                    "worker_peak_mb": memory.get(c)} for c, v in runs.items()}}
        out["dask_startup_s"] = startup
        out["parent_peak_mb"] = peak_rss_self_mb()
        client.close()
        cluster.close()
    return out


# ----------------------------------------------------------------------------- history


def bench_history(rounds: int, log: Callable[[str], None]) -> dict[str, Any]:
    from scale import scaled_pair

    zh = [docdiff.load(SEEDS / n) for n in ("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt",
                                           "sample_2014.zh.txt")]
    old_raw = (SEEDS / "A_65_382-S_2010_490.zh.txt").read_text("utf-8")
    new_raw = (SEEDS / "sample_2012.zh.txt").read_text("utf-8")
    big_old, big_new = scaled_pair(zh[0], old_raw, zh[1], new_raw, 3)
    big = [docdiff.parse(big_old), docdiff.parse(big_new)]
    series = {"seeds ×3 (9 editions)": zh * 3, "seeds at 3× size (9 editions)": (big * 5)[:9]}
    out: dict[str, Any] = {}
    for name, editions in series.items():
        runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        results: dict[int, str] = {}
        for jobs in (1, 2):
            history(editions, keep_order=True, jobs=jobs)  # warm-up
        for r in range(rounds):
            for jobs in (1, 2):
                wall, cpu, h = measure(lambda: history(editions, keep_order=True, jobs=jobs), [])  # noqa: B023
                runs[jobs].append((wall, cpu))
                results.setdefault(jobs, json.dumps(h.to_dict(diffs=True), sort_keys=True, ensure_ascii=False))
                log(f"history {name} jobs={jobs} round {r + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU")
        assert results[1] == results[2], f"{name}: the pool gave another history"
        med = {j: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for j, v in runs.items()}
        ratios = [a[0] / b[0] for a, b in zip(runs[1], runs[2])]  # paired: round by round
        out[name] = {"pairs": len(editions) - 1, "wall_1": med[1][0], "cpu_1": med[1][1], "wall_2": med[2][0],
                     "cpu_2": med[2][1], "speedup": statistics.median(ratios)}
    return out


# ----------------------------------------------------------------------------- report


def markdown(results: dict[str, Any]) -> str:
    b, h = results["batch"], results["history"]
    lines = [f"Measured {results['date']} on {results['cores']} cores (load average before: "
             f"{results['load']}), {results['rounds']} rounds, medians; CPU is this process, its children "
             "and the Dask workers.", "",
             "| input | pairs | configuration | wall | CPU | pairs/s | peak per worker |",
             "|---|---:|---|---:|---:|---:|---:|"]
    for name in ("seeds", "real", "generated"):
        for config, v in b[name]["configs"].items():
            mb = f"{v['worker_peak_mb']:.0f} MB" if v["worker_peak_mb"] else "— (in this process)"
            lines.append(f"| {name} | {b[name]['pairs']} | {config} | {v['wall_s']:.2f} s | {v['cpu_s']:.2f} s | "
                         f"{v['pairs_per_s']:.1f} | {mb} |")
    h_ideal = {name: v["cpu_1"] / (v["cpu_2"] / 2) for name, v in h.items()}
    lines += ["", f"Dask LocalCluster start-up (2 worker processes): {b['dask_startup_s']:.1f} s, not counted above; "
              f"peak resident set of the parent: {b['parent_peak_mb']:.0f} MB.", "",
              "| history | pairs | 1 process wall / CPU | 2 processes wall / CPU | speed-up (wall, paired) "
              "| bound on 2 idle cores (CPU 1 ÷ CPU 2 per core) |",
              "|---|---:|---:|---:|---:|---:|"]
    for name, v in h.items():
        lines.append(f"| {name} | {v['pairs']} | {v['wall_1']:.2f} s / {v['cpu_1']:.2f} s | "
                     f"{v['wall_2']:.2f} s / {v['cpu_2']:.2f} s | {v['speedup']:.2f}× | {h_ideal[name]:.2f}× |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 rounds instead of 5")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    rounds = 2 if args.quick else 5

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    results: dict[str, Any] = {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "rounds": rounds,
                               "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                               else os.cpu_count(),
                               "load": ", ".join(f"{x:.1f}" for x in os.getloadavg())}
    results["history"] = bench_history(rounds, log)
    results["batch"] = bench_batch(rounds, log)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), "utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
