"""load + compare beside the alignment floor (#14.2), in a fresh process; prints JSON.

    python benchmarks/floor.py OLD NEW ROUNDS [python]

(``python``: the pure-Python inline engine even where fast-diff-match-patch is
installed, to measure the two engines side by side.)

The floor is what any paragraph-level diff must at least do once the editions are
parsed: ``difflib.SequenceMatcher`` over the two lists of paragraph texts (its
opcodes).  Each round, in turn: docdiff's caches emptied, ``load`` both editions
and ``compare`` them (wall and CPU time); the floor on the editions parsed once
before the rounds (wall and CPU); then the same load + compare again with
``word_diff`` timed call by call, for the stage breakdown (read + parse, inline
diffs, and the rest of ``compare``: alignment and similarity).  The plain and
the instrumented runs are kept apart, so the wrapper's cost never touches the
ratio.  Run by ``run.py`` (``--floor`` for this section alone).
"""

from __future__ import annotations

import difflib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from worker import clear_caches  # noqa: E402


def floor(old_texts: list[str], new_texts: list[str]) -> object:
    return difflib.SequenceMatcher(None, old_texts, new_texts).get_opcodes()


def main(old: str, new: str, rounds: int, engine: str = "") -> dict[str, Any]:
    import docdiff
    from docdiff import inline

    compare_module = sys.modules["docdiff.compare"]  # (docdiff.compare is the function)
    if engine == "python":
        inline._exact_diff = inline._exact_diff_python
        inline.ENGINE = "diff-match-patch"

    old_texts = [p.text for p in docdiff.load(old).paragraphs()]
    new_texts = [p.text for p in docdiff.load(new).paragraphs()]
    plain_word_diff = compare_module.word_diff
    inline_spent = [0.0, 0.0]  # wall, CPU inside word_diff during one instrumented run
    calls = [0, 0]  # word_diff calls, of which on two different texts

    def timed_word_diff(a: str, b: str) -> Any:
        calls[0] += 1
        calls[1] += a != b
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return plain_word_diff(a, b)
        finally:
            inline_spent[0] += time.perf_counter() - start
            inline_spent[1] += time.process_time() - cpu

    runs: dict[str, list[float]] = {name: [] for name in (
        "wall", "cpu", "floor_wall", "floor_cpu",
        "load_wall", "load_cpu", "compare_wall", "compare_cpu", "inline_wall", "inline_cpu")}
    for _ in range(rounds + 1):  # the first round warms up and is dropped
        clear_caches()
        start, cpu = time.perf_counter(), time.process_time()
        comparison = docdiff.compare(docdiff.load(old), docdiff.load(new))
        wall_time, cpu_time = time.perf_counter() - start, time.process_time() - cpu
        del comparison

        start, cpu = time.perf_counter(), time.process_time()
        floor(old_texts, new_texts)
        floor_wall, floor_cpu = time.perf_counter() - start, time.process_time() - cpu

        clear_caches()
        inline_spent[:], calls[:] = [0.0, 0.0], [0, 0]
        compare_module.word_diff = timed_word_diff
        try:
            start, cpu = time.perf_counter(), time.process_time()
            a, b = docdiff.load(old), docdiff.load(new)
            loaded, loaded_cpu = time.perf_counter(), time.process_time()
            comparison = docdiff.compare(a, b)
            end, end_cpu = time.perf_counter(), time.process_time()
        finally:
            compare_module.word_diff = plain_word_diff
        del comparison, a, b
        if _ == 0:
            continue
        for name, value in (("wall", wall_time), ("cpu", cpu_time), ("floor_wall", floor_wall),
                            ("floor_cpu", floor_cpu), ("load_wall", loaded - start), ("load_cpu", loaded_cpu - cpu),
                            ("compare_wall", end - loaded - inline_spent[0]),
                            ("compare_cpu", end_cpu - loaded_cpu - inline_spent[1]),
                            ("inline_wall", inline_spent[0]), ("inline_cpu", inline_spent[1])):
            runs[name].append(value)
    medians = {name: statistics.median(values) for name, values in runs.items()}
    return {"rounds": rounds, "paragraphs": [len(old_texts), len(new_texts)], "word_diff_calls": calls[0], "word_diffs": calls[1],
            "inline_engine": inline.ENGINE, "medians": medians,
            "ratio_wall": statistics.median(w / f for w, f in zip(runs["wall"], runs["floor_wall"])),
            "ratio_cpu": statistics.median(c / f for c, f in zip(runs["cpu"], runs["floor_cpu"])),
            "runs": runs}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), *sys.argv[4:5])))
