"""docdiff's speed and scale beside the diff tools people use today.

    python benchmarks/run.py            # full run (~90 s on 2 cores): tables,
                                        # benchmarks/results/latest.json, BENCHMARKS.md
    python benchmarks/run.py --quick    # fewer repeats, k up to 10: table and
                                        # benchmarks/results/quick.json only
    python benchmarks/run.py --profile  # where the time goes (cProfile, -X importtime)

Measured, in one run, on the same inputs:

1. The pair in seeds/ (the real 2010 edition and the sample 2012 revision):
   docdiff load + compare in-process (a fresh worker process, caches cleared
   before each repeat), a whole ``docdiff OLD NEW --format json`` process, the
   time Python needs to import rich, typer and diff-match-patch, and beside them
   diff-match-patch, difflib's ``unified_diff`` and ``HtmlDiff`` and
   ``git diff --no-index --word-diff`` -- each with the number of paragraphs it
   presents as changed (``presented.py``) against the answer key.
2. Scale: the pair made k times larger (``scale.py``), once with the pair's
   share of edits and once with most paragraphs edited: load + compare time,
   peak memory (maximum resident set size of the worker), growth against k = 1.

Times are medians of ``time.perf_counter`` over repeats; processes are run in
turns (docdiff, baseline, git, …) so that drift affects them alike.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import platform
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
sys.path.insert(0, str(HERE))

import presented  # noqa: E402
import scale  # noqa: E402

SEEDS = ROOT / "seeds"
DEFAULT_OLD = SEEDS / "A_65_382-S_2010_490.zh.txt"
DEFAULT_NEW = SEEDS / "sample_2012.zh.txt"
DEFAULT_KEY = SEEDS / "sample_2012.zh.key.json"
RESULTS = HERE / "results"
MARKDOWN = ROOT / "BENCHMARKS.md"
START, END = "<!-- figures:start (written by benchmarks/run.py) -->", "<!-- figures:end -->"

#: The pairs measured against the alignment floor (#14.2), with their targets:
#: load + compare at most this many times the floor.
FLOOR_PAIRS = (("zh", SEEDS / "A_65_382-S_2010_490.zh.txt", SEEDS / "sample_2012.zh.txt", 12.0),
               ("en", SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt", 15.0))

#: Targets of issue #5.
TARGET_IN_PROCESS_MS = 20.0
TARGET_CLI_FACTOR = 1.5
#: Targets of issue #14.1, whole processes against the import floor (BASELINE_IMPORTS).
TARGET_REPORT_FACTOR = 1.5  # docdiff OLD NEW: the terminal report
TARGET_JSON_FACTOR = 1.2  # docdiff OLD NEW --format json
TARGET_GROWTH_AT_50 = 60.0
TARGET_PEAK_MB = 500.0
BASELINE_IMPORTS = "import rich, typer, diff_match_patch"

FULL = {"ks": (1, 2, 5, 10, 20, 50), "in_process": 21, "floor": 21, "processes": 15, "dmp": 7, "html": 5,
        "scale": {1: 15, 2: 11, 5: 7, 10: 5, 20: 5, 50: 5}, "scale_cli": 3}
QUICK = {"ks": (1, 2, 5, 10), "in_process": 9, "floor": 7, "processes": 5, "dmp": 3, "html": 2,
         "scale": {1: 5, 2: 5, 5: 3, 10: 3}, "scale_cli": 1}
VARIANTS = (("same_share", "the pair's share of edits", False),
            ("mostly_edited", "most paragraphs edited", True))


# ----------------------------------------------------------------------------- measuring


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000.0


def time_calls(fn: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


#: The environment of every process measured.  Python caches compiled modules
#: (``__pycache__``) as an installed docdiff has them; where the shell forbids it
#: (PYTHONDONTWRITEBYTECODE), every run would compile docdiff afresh, so the
#: cache goes to a directory of this run instead (PYTHONPYCACHEPREFIX).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(cmd: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall time and CPU time (user + system, s) of one process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr.decode(errors='replace').strip()}")
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def peak_rss_mb(cmd: list[str]) -> float | None:
    """Peak resident set size of one run, by GNU time where there is one.  (The
    ``ru_maxrss`` a Python parent reads for its child also counts the parent's
    own memory, copied when the child was spawned.)"""
    if not Path("/usr/bin/time").exists():
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *cmd],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, check=False)
        text = report.read().strip().splitlines()
    return int(text[-1]) / 1024.0 if out.returncode != 127 and text and text[-1].isdigit() else None


def time_processes(commands: dict[str, tuple[list[str], tuple[int, ...]]], repeats: int) -> dict[str, dict[str, Any]]:
    """Each command ``repeats`` times, in turns, after one warm-up run each:
    wall and CPU times, their medians, and (beside a ``baseline`` command) the
    median of each round's ratio to the baseline's run of the same round."""
    for cmd, ok in commands.values():
        run_process(cmd, ok)
    runs: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, (cmd, ok) in commands.items():
            wall, used = run_process(cmd, ok)
            runs[name].append(wall)
            cpu[name].append(used)
    out: dict[str, dict[str, Any]] = {}
    for name in commands:
        out[name] = {"times": runs[name], "median_ms": median_ms(runs[name]), "cpu_times": cpu[name],
                     "cpu_median_ms": median_ms(cpu[name]), "peak_rss_mb": peak_rss_mb(commands[name][0])}
        if "baseline" in commands:
            out[name]["ratio"] = statistics.median(a / b for a, b in zip(runs[name], runs["baseline"]))
            out[name]["cpu_ratio"] = statistics.median(a / b for a, b in zip(cpu[name], cpu["baseline"]) if b > 0)
    return out


def cli_commands(old: Path, new: Path) -> dict[str, tuple[list[str], tuple[int, ...]]]:
    """The whole processes of #5 and #14.1: the JSON, the terminal report (to a
    pipe, as a script or a pager reads it), the import floor and Python itself."""
    return {
        "cli": ([*docdiff_command(), str(old), str(new), "--format", "json"], (0, 1)),
        "report": ([*docdiff_command(), str(old), str(new)], (0, 1)),
        "baseline": ([sys.executable, "-c", BASELINE_IMPORTS], (0,)),
        "python": ([sys.executable, "-c", "pass"], (0,)),
    }


def cli_targets(processes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """#14.1: the terminal report and the JSON against the import floor, wall and CPU, ratios paired by round."""
    out = []
    for name, label, factor in (("report", "docdiff OLD NEW (the terminal report)", TARGET_REPORT_FACTOR),
                                ("cli", "docdiff OLD NEW --format json", TARGET_JSON_FACTOR)):
        p = processes[name]
        out.append({"target": f"{label} ≤ {factor:g} × importing rich, typer and diff-match-patch (#14.1)",
                    "figure": f"{p['median_ms']:.0f} ms = {p['ratio']:.2f} × wall, {p['cpu_ratio']:.2f} × CPU",
                    "met": p["ratio"] <= factor and p["cpu_ratio"] <= factor})
    return out


def worker(old: Path, new: Path, repeats: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(HERE / "worker.py"), str(old), str(new), str(repeats)],
                         capture_output=True, text=True, check=False, env=ENV)
    if out.returncode:
        raise SystemExit(f"worker failed on {old} {new}:\n{out.stderr}")
    return json.loads(out.stdout)


def docdiff_command() -> list[str]:
    script = Path(sys.executable).parent / "docdiff"
    return [str(script)] if script.exists() else [sys.executable, "-m", "docdiff"]


def git_available() -> bool:
    try:
        return subprocess.run(["git", "--version"], capture_output=True, check=False).returncode == 0
    except OSError:
        return False


# ----------------------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    except (ValueError, OSError, AttributeError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    def version(module: str) -> str | None:
        from importlib.metadata import PackageNotFoundError, version as v

        try:
            return v(module)
        except PackageNotFoundError:
            return None

    def git(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        except OSError:
            return None
        return out.stdout.strip() if out.returncode == 0 else None

    commit = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "docdiff")
    return {
        "cpu": cpu, "cores": cores, "memory_gb": round(memory_gb, 1) if memory_gb else None,
        "os": platform.platform(), "python": platform.python_version(),
        "docdiff": version("docdiff"), "commit": (commit + ("+changes" if dirty else "")) if commit else None,
        "rich": version("rich"), "typer": version("typer"), "click": version("click"),
        "diff-match-patch": version("diff-match-patch"), "git": (git("--version") or "").replace("git version ", "") or None,
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


# ----------------------------------------------------------------------------- 1. the seeds


def bench_seeds(old: Path, new: Path, key: Path, plan: dict[str, Any]) -> dict[str, Any]:
    from diff_match_patch import diff_match_patch

    import docdiff

    old_text, new_text = docdiff.read_text(old), docdiff.read_text(new)
    old_doc, new_doc = docdiff.parse(old_text), docdiff.parse(new_text)
    old_lines_map = presented.ParagraphLines.of(old_doc, old_text)
    new_lines_map = presented.ParagraphLines.of(new_doc, new_text)
    truth = json.loads(key.read_text("utf-8"))
    true_changed = sum(1 for entry in truth["paragraphs"] if entry["status"] != "unchanged")

    def count(hunks: list[presented.Hunk]) -> int:
        return presented.count_presented(hunks, old_lines_map, new_lines_map)

    rows: list[dict[str, Any]] = []

    # docdiff in-process, in its own process so nothing here warms it up.
    w = worker(old, new, plan["in_process"])
    rows.append({"id": "docdiff", "tool": "docdiff: load + compare (in-process)", "median_ms": median_ms(w["times"]),
                 "load_ms": median_ms(w["load_times"]),
                 "compare_ms": statistics.median(t - load for t, load in zip(w["times"], w["load_times"])) * 1000,
                 "presented": sum(n for status, n in w["summary"].items() if status != "unchanged"),
                 "repeats": len(w["times"]), "times": w["times"]})

    # Whole processes, in turns.
    commands = cli_commands(old, new)
    has_git = git_available()
    if has_git:
        commands["git"] = (["git", "diff", "--no-index", "--word-diff", str(old), str(new)], (0, 1))
    processes = time_processes(commands, plan["processes"])
    docdiff_presented = rows[0]["presented"]
    rows.append({"id": "cli", "tool": "docdiff OLD NEW --format json (process)", **processes["cli"],
                 "presented": docdiff_presented, "repeats": plan["processes"]})
    rows.append({"id": "report", "tool": "docdiff OLD NEW, the terminal report (process)", **processes["report"],
                 "presented": docdiff_presented, "repeats": plan["processes"]})
    rows.append({"id": "baseline", "tool": f'python -c "{BASELINE_IMPORTS}"', **processes["baseline"],
                 "presented": None, "repeats": plan["processes"]})
    rows.append({"id": "python", "tool": 'python -c "pass"', **processes["python"], "presented": None, "repeats": plan["processes"]})

    # diff-match-patch as shipped (Diff_Timeout = 1 s), with its semantic clean-up.
    dmp = diff_match_patch()
    result: list[Any] = []

    def run_dmp() -> None:
        a, b = old.read_text("utf-8"), new.read_text("utf-8")
        diffs = dmp.diff_main(a, b)
        dmp.diff_cleanupSemantic(diffs)
        result[:] = [diffs]

    times = time_calls(run_dmp, plan["dmp"])
    rows.append({"id": "dmp", "tool": "diff-match-patch (diff_main + diff_cleanupSemantic)", "median_ms": median_ms(times),
                 "presented": count(presented.dmp_hunks(result[0], old_text, new_text)),
                 "repeats": len(times), "times": times, "timeout_s": dmp.Diff_Timeout})

    def read_lines() -> tuple[list[str], list[str]]:
        return old.read_text("utf-8").splitlines(keepends=True), new.read_text("utf-8").splitlines(keepends=True)

    a_lines, b_lines = old_text.splitlines(keepends=True), new_text.splitlines(keepends=True)
    times = time_calls(lambda: list(difflib.unified_diff(*read_lines(), str(old), str(new))), plan["in_process"])
    rows.append({"id": "unified", "tool": "difflib.unified_diff", "median_ms": median_ms(times),
                 "presented": count(presented.opcode_hunks(a_lines, b_lines)), "repeats": len(times), "times": times})
    times = time_calls(lambda: difflib.HtmlDiff().make_file(*read_lines(), str(old), str(new)), plan["html"])
    rows.append({"id": "html", "tool": "difflib.HtmlDiff.make_file", "median_ms": median_ms(times),
                 "presented": count(presented.html_hunks(a_lines, b_lines)), "repeats": len(times), "times": times})
    if has_git:
        rows.append({"id": "git", "tool": "git diff --no-index --word-diff", **processes["git"],
                     "presented": count(presented.git_hunks(str(old), str(new))), "repeats": plan["processes"]})

    return {"old": str(old.relative_to(ROOT) if old.is_relative_to(ROOT) else old), "processes": processes,
            "new": str(new.relative_to(ROOT) if new.is_relative_to(ROOT) else new),
            "paragraphs": [old_doc.paragraph_count, new_doc.paragraph_count],
            "true_changed": true_changed, "rows": rows}


# ----------------------------------------------------------------------------- 1b. the alignment floor


def bench_floor(plan: dict[str, Any]) -> dict[str, Any]:
    """load + compare ÷ the alignment floor, each pair in a fresh process
    (``floor.py``: rounds interleaved, medians, CPU beside wall; stages)."""
    pairs = []
    for name, old, new, target in FLOOR_PAIRS:
        out = subprocess.run([sys.executable, str(HERE / "floor.py"), str(old), str(new), str(plan["floor"])],
                             capture_output=True, text=True, check=False, env=ENV)
        if out.returncode:
            raise SystemExit(f"floor.py failed on {old} {new}:\n{out.stderr}")
        pairs.append({"pair": name, "old": str(old.relative_to(ROOT)), "new": str(new.relative_to(ROOT)),
                      "target": target, **json.loads(out.stdout)})
    return {"method": "floor.py: difflib.SequenceMatcher(None, old texts, new texts).get_opcodes() over the parsed "
                      "paragraph texts; ratio = median of the per-round ratios", "pairs": pairs}


def floor_tables(floor: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    rows, stages = [], []
    for p in floor["pairs"]:
        m = p["medians"]
        rows.append([f"{p['pair']}: {p['old']} → {p['new']} ({p['paragraphs'][0]} → {p['paragraphs'][1]} ¶)",
                     f"{_ms(m['wall'] * 1000)} / {_ms(m['cpu'] * 1000)}",
                     f"{m['floor_wall'] * 1e6:,.0f} µs / {m['floor_cpu'] * 1e6:,.0f} µs",
                     f"{p['ratio_wall']:.1f} × / {p['ratio_cpu']:.1f} ×", f"≤ {p['target']:g} ×",
                     "met" if p["ratio_cpu"] <= p["target"] else "MISSED", str(p["rounds"])])
        total = m["load_cpu"] + m["compare_cpu"] + m["inline_cpu"]
        for stage, key in (("read + parse (both editions)", "load"), ("align + similarity (compare without inline)", "compare"),
                           (f"inline diffs ({p['word_diffs']} pairs of different texts, {p['inline_engine']})", "inline")):
            stages.append([p["pair"], stage, f"{_ms(m[key + '_wall'] * 1000)} / {_ms(m[key + '_cpu'] * 1000)}",
                           f"{m[key + '_cpu'] / total:.0%}", f"{m[key + '_cpu'] / m['floor_cpu']:.1f} ×"])
    bounds = []
    for p in floor["pairs"]:
        m = p["medians"]
        bounds.append([p["pair"], "least reading: read, split lines, one number pattern a line, join "
                       f"({p['bound_paragraphs'][0]} → {p['bound_paragraphs'][1]} pieces)",
                       f"{m['bound_cpu'] * 1e6:,.0f} µs", f"{p['bound_ratio_cpu']:.1f} ×", f"≤ {p['target']:g} ×"])
        if p.get("bound_engine_ratio_cpu") is not None:
            bounds.append([p["pair"], f"… + the C++ inline engine alone on the {p['word_diffs']} pairs diffed",
                           f"{(m['bound_cpu'] + m['engine_cpu']) * 1e6:,.0f} µs",
                           f"{p['bound_engine_ratio_cpu']:.1f} ×", f"≤ {p['target']:g} ×"])
    return [("load + compare ÷ the alignment floor (#14.2; wall / CPU; status by CPU)",
             ["pair", "load + compare", "floor (SequenceMatcher)", "ratio", "target", "status", "rounds"], rows),
            ("load + compare by stage (instrumented runs; wall / CPU)",
             ["pair", "stage", "median", "share of CPU", "÷ floor (CPU)"], stages),
            ("Lower bounds in Python, same rounds (floor.py's docstring; CPU)",
             ["pair", "work", "median", "÷ floor (CPU)", "target"], bounds)]


# ----------------------------------------------------------------------------- 2. scale


def bench_scale(old: Path, new: Path, plan: dict[str, Any], log: Callable[[str], None]) -> dict[str, Any]:
    import docdiff

    old_raw, new_raw = docdiff.read_text(old), docdiff.read_text(new)
    old_doc, new_doc = docdiff.parse(old_raw), docdiff.parse(new_raw)
    out: dict[str, Any] = {"method": "texts generated by benchmarks/scale.py and parsed by docdiff.load (parsing is measured)",
                           "variants": {}}
    with tempfile.TemporaryDirectory(prefix="docdiff-bench-") as tmp:
        for name, label, mostly_edited in VARIANTS:
            rows = []
            for k in plan["ks"]:
                old_text, new_text = scale.scaled_pair(old_doc, old_raw, new_doc, new_raw, k, mostly_edited=mostly_edited)
                old_path, new_path = Path(tmp, f"{name}-{k}-old.txt"), Path(tmp, f"{name}-{k}-new.txt")
                old_path.write_text(old_text, "utf-8")
                new_path.write_text(new_text, "utf-8")
                w = worker(old_path, new_path, plan["scale"][k])
                row = {"k": k, "paragraphs": w["paragraphs"], "median_ms": median_ms(w["times"]),
                       "load_ms": median_ms(w["load_times"]), "peak_rss_mb": w["rss_peak_kb"] / 1024.0,
                       "start_rss_mb": w["rss_start_kb"] / 1024.0, "summary": w["summary"],
                       "repeats": len(w["times"]), "times": w["times"],
                       "bytes": [len(old_text.encode()), len(new_text.encode())]}
                if name == "same_share":
                    cli = [*docdiff_command(), str(old_path), str(new_path), "--format", "json"]
                    row["cli_ms"] = median_ms([run_process(cli, (0, 1))[0] for _ in range(plan["scale_cli"])])
                    row["cli_peak_rss_mb"] = peak_rss_mb(cli)
                rows.append(row)
                log(f"  {label}: k={k:<3} {w['paragraphs'][0]:>5} paragraphs  {row['median_ms']:9.1f} ms  "
                    f"{row['peak_rss_mb']:6.1f} MB")
            base = rows[0]["median_ms"] if rows and rows[0]["k"] == 1 else None
            for row in rows:
                row["growth"] = row["median_ms"] / base if base else None
            out["variants"][name] = {"label": label, "rows": rows}
    return out


# ----------------------------------------------------------------------------- targets


def targets(seeds: dict[str, Any], scaled: dict[str, Any]) -> list[dict[str, Any]]:
    rows = {r["id"]: r for r in seeds["rows"]}
    in_process, cli, baseline = (rows[name]["median_ms"] for name in ("docdiff", "cli", "baseline"))
    compare_only = rows["docdiff"]["compare_ms"]
    out = [
        {"target": f"seeds' pair compares in-process in ≤ {TARGET_IN_PROCESS_MS:g} ms (median of compare())",
         "figure": f"{compare_only:.1f} ms", "met": compare_only <= TARGET_IN_PROCESS_MS},
        {"target": f"a stricter reading: read + parse + compare ≤ {TARGET_IN_PROCESS_MS:g} ms",
         "figure": f"{in_process:.1f} ms", "met": in_process <= TARGET_IN_PROCESS_MS},
        {"target": f"whole CLI run ≤ {TARGET_CLI_FACTOR:g} × importing rich, typer and diff-match-patch",
         "figure": f"{cli:.0f} ms = {cli / baseline:.2f} × {baseline:.0f} ms", "met": cli <= TARGET_CLI_FACTOR * baseline},
    ]
    for variant in scaled["variants"].values():
        at50 = next((r for r in variant["rows"] if r["k"] == 50), None)
        if at50 is None:
            out.append({"target": f"k = 50 ({variant['label']})", "figure": "not measured (--quick)", "met": None})
            continue
        out.append({"target": f"k = 50 time ≤ {TARGET_GROWTH_AT_50:g} × k = 1 ({variant['label']})",
                    "figure": f"{at50['growth']:.1f} ×", "met": at50["growth"] <= TARGET_GROWTH_AT_50})
        out.append({"target": f"k = 50 peak memory < {TARGET_PEAK_MB:g} MB ({variant['label']})",
                    "figure": f"{at50['peak_rss_mb']:.0f} MB", "met": at50["peak_rss_mb"] < TARGET_PEAK_MB})
    return out


def floor_targets(floor: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"target": f"{p['pair']} pair: load + compare ≤ {p['target']:g} × the alignment floor (CPU)",
             "figure": f"{p['ratio_cpu']:.1f} × (wall {p['ratio_wall']:.1f} ×)", "met": p["ratio_cpu"] <= p["target"]}
            for p in floor["pairs"]]


# ----------------------------------------------------------------------------- output


def _ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} MB"


def tables(results: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) for the terminal and for BENCHMARKS.md alike."""
    seeds, scaled = results["seeds"], results["scale"]
    true = seeds["true_changed"]
    out = []
    seed_rows = []
    for r in seeds["rows"]:
        n = r.get("presented")
        seed_rows.append([r["tool"], _ms(r["median_ms"]), _mb(r.get("peak_rss_mb")),
                          "–" if n is None else str(n), "–" if n is None else f"{n - true:+d}", str(r["repeats"])])
    out.append((f"Seeds: {seeds['old']} → {seeds['new']} ({seeds['paragraphs'][0]} → {seeds['paragraphs'][1]} paragraphs; "
                f"answer key: {true} paragraphs changed)",
                ["tool", "median time", "peak RSS", "paragraphs presented as changed", "vs key", "runs"], seed_rows))
    first = seeds["rows"][0]
    out.append(("docdiff in-process, split", ["step", "median time"],
                [["load both editions (read + parse)", _ms(first["load_ms"])], ["compare", _ms(first["compare_ms"])],
                 ["load + compare", _ms(first["median_ms"])]]))
    for variant in scaled["variants"].values():
        rows = []
        for r in variant["rows"]:
            per_paragraph = r["median_ms"] * 1000 / sum(r["paragraphs"])
            row = [str(r["k"]), f"{r['paragraphs'][0]:,} / {r['paragraphs'][1]:,}", _ms(r["median_ms"]),
                   "–" if r["growth"] is None else f"{r['growth']:.1f} ×", f"{per_paragraph:.0f} µs", _mb(r["peak_rss_mb"])]
            if "cli_ms" in r:
                row += [_ms(r["cli_ms"]), _mb(r["cli_peak_rss_mb"])]
            rows.append([*row, str(r["repeats"])])
        header = ["k", "paragraphs old / new", "load + compare", "× k = 1", "per paragraph", "peak RSS"]
        if rows and "cli_ms" in variant["rows"][0]:
            header += ["CLI --format json", "CLI peak RSS"]
        out.append((f"Scale: {variant['label']}", [*header, "runs"], rows))
    if results.get("floor"):
        out += floor_tables(results["floor"])
    marks = {True: "met", False: "MISSED", None: "–"}
    out.append(("Targets", ["target", "figure", "status"],
                [[t["target"], t["figure"], marks[t["met"]]] for t in results["targets"]]))
    return out


def _print_table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))


def print_tables(results: dict[str, Any]) -> None:
    for title, header, rows in tables(results):
        _print_table(title, header, rows)


def markdown_figures(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [START, "",
             f"Measured {m['date']} with `{results['command']}` on {m['cpu']}, {m['cores']} cores, "
             f"{m['memory_gb']} GB; {m['os']}; Python {m['python']}; docdiff {m['docdiff']} ({m['commit']}); "
             f"rich {m['rich']}, typer {m['typer']}, click {m['click']}, diff-match-patch {m['diff-match-patch']}, "
             f"git {m['git']}. Load average (1, 5, 15 min) {m['load_average_before']} before the run, "
             f"{m['load_average']} after (the run itself keeps one core busy). "
             f"Total run time {results['elapsed_s']:.0f} s.", ""]
    for title, header, rows in tables(results):
        lines += [f"**{title}**", "", "| " + " | ".join(header) + " |",
                  "|" + "|".join("---" if i == 0 else "--:" for i in range(len(header))) + "|"]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def write_markdown(results: dict[str, Any], path: Path) -> None:
    figures = markdown_figures(results)
    text = path.read_text("utf-8") if path.exists() else ""
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + figures + rest.split(END, 1)[1]
    else:
        text = "# Benchmarks\n\n" + figures + "\n" + text
    path.write_text(text, "utf-8")


# ----------------------------------------------------------------------------- profile


def profile(old: Path, new: Path, k: int) -> None:
    """Where the time goes: the seeds' pair, the CLI's imports, and a scaled pair."""
    import cProfile
    import pstats

    import docdiff

    sys.path.insert(0, str(HERE))
    from worker import clear_caches

    def show(title: str, fn: Callable[[], object], repeats: int) -> None:
        prof = cProfile.Profile()
        for _ in range(repeats):
            clear_caches()
            prof.enable()
            fn()
            prof.disable()
        print(f"\n=== {title} ({repeats} runs; cProfile inflates small functions) ===")
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)

    show("seeds: load + compare", lambda: docdiff.compare(docdiff.load(old), docdiff.load(new)), 20)
    old_raw, new_raw = docdiff.read_text(old), docdiff.read_text(new)
    old_doc, new_doc = docdiff.parse(old_raw), docdiff.parse(new_raw)
    for mostly_edited in (False, True):
        a, b = scale.scaled_pair(old_doc, old_raw, new_doc, new_raw, k, mostly_edited=mostly_edited)
        show(f"k = {k}{', most paragraphs edited' if mostly_edited else ''}: parse + compare",
             lambda: docdiff.compare(docdiff.parse(a), docdiff.parse(b)), 1)  # noqa: B023 - called at once
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "docdiff", str(old), str(new), "--format", "json"],
                         capture_output=True, text=True, check=False).stderr
    rows = []
    for line in out.splitlines():
        parts = line.split("|")
        # "import time:  self [us] | cumulative | imported package"
        if len(parts) == 3 and parts[0].startswith("import time:") and parts[1].strip().isdigit():
            rows.append((int(parts[0].split(":")[1]), int(parts[1]), parts[2].rstrip()))
    print("\n=== python -X importtime -m docdiff OLD NEW --format json: largest self times (µs) ===")
    print(f"{'self':>8}  {'cumul.':>8}  module")
    for self_us, cumulative, name in sorted(rows, reverse=True)[:20]:
        print(f"{self_us:>8}  {cumulative:>8}  {name}")


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, k up to 10; writes results/quick.json only")
    parser.add_argument("--old", type=Path, default=DEFAULT_OLD, help="the earlier edition (default: the real 2010 one)")
    parser.add_argument("--new", type=Path, default=DEFAULT_NEW, help="the later edition (default: the sample 2012 one)")
    parser.add_argument("--key", type=Path, default=DEFAULT_KEY, help="the answer key of OLD → NEW")
    parser.add_argument("--output", type=Path, help="where to write the figures (JSON)")
    parser.add_argument("--no-markdown", action="store_true", help="do not rewrite BENCHMARKS.md")
    parser.add_argument("--profile", action="store_true", help="print profiles instead of benchmarking")
    parser.add_argument("--floor", action="store_true",
                        help="only load + compare against the alignment floor (#14.2), zh and en pairs; prints tables")
    parser.add_argument("--cli", action="store_true",
                        help="only the whole processes of #14.1 (terminal report, JSON, import floor), in turns; "
                             "prints their figures")
    parser.add_argument("--profile-k", type=int, default=20, help="k of the scaled pair profiled (default 20)")
    args = parser.parse_args(argv)
    for path in (args.old, args.new, args.key):
        if not path.exists():
            parser.error(f"{path}: no such file")
    if args.profile:
        profile(args.old, args.new, args.profile_k)
        return 0

    plan = QUICK if args.quick else FULL
    command = "python benchmarks/run.py" + (" --quick" if args.quick else "")
    started = time.perf_counter()
    pycache = tempfile.TemporaryDirectory(prefix="docdiff-bench-pycache-")
    ENV["PYTHONPYCACHEPREFIX"] = pycache.name
    load_before = machine()["load_average"]

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)

    if args.floor:
        floor_results = bench_floor(plan)
        for title, header, rows in floor_tables(floor_results):
            _print_table(title, header, rows)
        if args.output:
            args.output.write_text(json.dumps(floor_results, ensure_ascii=False, indent=1) + "\n", "utf-8")
        return 0
    if args.cli:
        processes = time_processes(cli_commands(args.old.resolve(), args.new.resolve()), plan["processes"])
        _print_table("Whole processes (in turns; ratios: median of each round's ratio to the import floor)",
                     ["process", "median wall", "median CPU", "× floor, wall", "× floor, CPU", "runs"],
                     [[name, _ms(p["median_ms"]), _ms(p["cpu_median_ms"]), f"{p['ratio']:.2f}", f"{p['cpu_ratio']:.2f}",
                       str(len(p["times"]))] for name, p in processes.items()])
        for t in cli_targets(processes):
            print(f"{'met' if t['met'] else 'MISSED':6}  {t['target']}: {t['figure']}")
        return 0
    log("alignment floor: zh and en pairs")
    floor_results = bench_floor(plan)
    log("seeds' pair: docdiff, its CLI, the baseline and the other tools")
    seeds = bench_seeds(args.old.resolve(), args.new.resolve(), args.key.resolve(), plan)
    log("scaled pairs")
    scaled = bench_scale(args.old.resolve(), args.new.resolve(), plan, log)
    results: dict[str, Any] = {"format": "docdiff-benchmarks/1", "command": command, "machine": machine(),
                               "seeds": seeds, "floor": floor_results, "scale": scaled}
    results["machine"]["load_average_before"] = load_before
    results["targets"] = targets(seeds, scaled) + cli_targets(seeds["processes"]) + floor_targets(floor_results)
    results["elapsed_s"] = time.perf_counter() - started
    print_tables(results)

    output = args.output or RESULTS / ("quick.json" if args.quick else "latest.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
    log(f"figures written to {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    if not args.quick and not args.no_markdown:
        write_markdown(results, MARKDOWN)
        log(f"{MARKDOWN.name} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
