"""Time load + compare of one pair of files in a fresh process; print JSON.

    python benchmarks/worker.py OLD NEW REPEATS

Run by ``run.py`` once per scaled pair, so each pair's peak memory (the
process's maximum resident set size) is its own.  Every repeat starts with
docdiff's caches cleared, as a fresh ``docdiff`` process would.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def clear_caches() -> None:
    """Empty every ``functools`` cache in docdiff's modules."""
    for name, module in list(sys.modules.items()):
        if name == "docdiff" or name.startswith("docdiff."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def peak_rss_kb() -> int:
    """This process's peak resident set size.  Linux's VmHWM is this program's
    own; ``ru_maxrss`` also counts the memory of the parent that spawned it."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(old: str, new: str, repeats: int) -> dict[str, object]:
    import docdiff

    rss_start = peak_rss_kb()
    times: list[float] = []
    cpu_times: list[float] = []
    load_times: list[float] = []
    comparison = None
    for _ in range(repeats):
        clear_caches()
        comparison = None  # free the previous result before timing the next
        start, cpu_start = time.perf_counter(), time.process_time()
        old_document, new_document = docdiff.load(old), docdiff.load(new)
        loaded = time.perf_counter()
        comparison = docdiff.compare(old_document, new_document)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu_start)
        load_times.append(loaded - start)
        del old_document, new_document
    assert comparison is not None
    return {
        "times": times,
        "cpu_times": cpu_times,
        "load_times": load_times,
        "rss_start_kb": rss_start,
        "rss_peak_kb": peak_rss_kb(),
        "paragraphs": [comparison.old.paragraphs, comparison.new.paragraphs],
        "summary": comparison.summary,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
