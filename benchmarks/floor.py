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

Beside them, in the same rounds, a **lower bound** for any reader of these
texts written in Python (``least_reading``): the least work before an alignment
can start — each file read and decoded, split into lines, one paragraph-number
pattern matched per line, and the lines between two numbers or blank lines
joined into one paragraph text.  No furniture dropped, no headings, no tree: a
parser that does less does not know where the paragraphs are.  And the inline
engine alone (``engine_alone``): fast-diff-match-patch's diff and semantic
clean-up over the raw texts of every pair ``compare`` word-diffs, in characters,
with none of docdiff's token coding (where the C++ engine is installed): what a
report of changed words costs at least with that engine.  Both as ratios of the
floor, round by round.
"""

from __future__ import annotations

import difflib
import json
import re
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


#: A paragraph number at a line's start, as an edition prints it ("12. ", "  3. ").
_NUMBER = re.compile(r"[ \t]*\d+[.．]")


def least_reading(path: str) -> list[str]:
    """The paragraph texts of one edition by the least work a reader can do
    (the module's docstring): read, split into lines, one pattern per line, join."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    paragraphs: list[str] = []
    lines: list[str] = []
    number = _NUMBER.match
    for line in text.split("\n"):
        if not line.strip() or number(line):  # a blank line or a number ends a paragraph
            if lines:
                paragraphs.append(" ".join(lines))
                lines = []
        if line:
            lines.append(line)
    if lines:
        paragraphs.append(" ".join(lines))
    return paragraphs


def engine_alone(pairs: list[tuple[str, str]]) -> None:
    """fast-diff-match-patch over the raw texts of ``pairs`` (see the module's docstring)."""
    import fast_diff_match_patch

    for a, b in pairs:
        fast_diff_match_patch.diff(a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True)


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
    diffed: list[tuple[str, str]] = []  # the pairs of different texts word_diff was given

    def timed_word_diff(a: str, b: str) -> Any:
        calls[0] += 1
        calls[1] += a != b
        if a != b and len(diffed) < calls[1]:
            diffed.append((a, b))
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return plain_word_diff(a, b)
        finally:
            inline_spent[0] += time.perf_counter() - start
            inline_spent[1] += time.process_time() - cpu

    runs: dict[str, list[float]] = {name: [] for name in (
        "wall", "cpu", "floor_wall", "floor_cpu",
        "load_wall", "load_cpu", "compare_wall", "compare_cpu", "inline_wall", "inline_cpu",
        "bound_wall", "bound_cpu", "engine_wall", "engine_cpu")}
    has_engine = inline.ENGINE != "diff-match-patch"
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

        began, began_cpu = time.perf_counter(), time.process_time()
        least_reading(old)
        least_reading(new)
        bound_wall, bound_cpu = time.perf_counter() - began, time.process_time() - began_cpu
        began, began_cpu = time.perf_counter(), time.process_time()
        if has_engine:
            engine_alone(diffed)
        engine_wall, engine_cpu = time.perf_counter() - began, time.process_time() - began_cpu
        if _ == 0:
            continue
        for name, value in (("wall", wall_time), ("cpu", cpu_time), ("floor_wall", floor_wall),
                            ("floor_cpu", floor_cpu), ("load_wall", loaded - start), ("load_cpu", loaded_cpu - cpu),
                            ("compare_wall", end - loaded - inline_spent[0]),
                            ("compare_cpu", end_cpu - loaded_cpu - inline_spent[1]),
                            ("inline_wall", inline_spent[0]), ("inline_cpu", inline_spent[1]),
                            ("bound_wall", bound_wall), ("bound_cpu", bound_cpu),
                            ("engine_wall", engine_wall), ("engine_cpu", engine_cpu)):
            runs[name].append(value)
    medians = {name: statistics.median(values) for name, values in runs.items()}
    return {"rounds": rounds, "paragraphs": [len(old_texts), len(new_texts)], "word_diff_calls": calls[0], "word_diffs": calls[1],
            "inline_engine": inline.ENGINE, "medians": medians,
            "ratio_wall": statistics.median(w / f for w, f in zip(runs["wall"], runs["floor_wall"])),
            "ratio_cpu": statistics.median(c / f for c, f in zip(runs["cpu"], runs["floor_cpu"])),
            "bound_ratio_cpu": statistics.median(c / f for c, f in zip(runs["bound_cpu"], runs["floor_cpu"])),
            "bound_engine_ratio_cpu": statistics.median((c + e) / f for c, e, f in zip(
                runs["bound_cpu"], runs["engine_cpu"], runs["floor_cpu"])) if has_engine else None,
            "bound_paragraphs": [len(least_reading(old)), len(least_reading(new))],
            "runs": runs}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), *sys.argv[4:5])))
