"""The fuzz suite, parse/compare half (#16): mutations of the seeds and the real
editions (tests/fuzzing.py) through ``parse`` and ``compare``.

Briefly in the default suite; at length with ``DOCDIFF_FUZZ=long`` (10,000
inputs, a line of a megabyte in some, and a time budget: no input under 200 KB
takes over a second of CPU to parse, nor a pair of them to compare).  The
properties: no exception; an edition compared with itself is all unchanged;
compared the other way round, the totals and every entry mirror (added ↔
removed, split ↔ merged); the JSON report is byte-identical across runs and
across PYTHONHASHSEED values.  Input ``k`` is made by ``random.Random(k)``, so
a failure names the input that made it."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

import docdiff
from docdiff.render import render

from . import fuzzing

LONG = os.environ.get("DOCDIFF_FUZZ") == "long"
INPUTS = int(os.environ.get("DOCDIFF_FUZZ_INPUTS", "10000" if LONG else "40"))
#: Inputs the suite once failed on (mirror property, before #16.5 was fixed).
FOUND = (4, 24, 30, 42, 266)
BUDGET_SECONDS = 1.0
BUDGET_SIZE = 200_000


def _pair(k: int, texts: list[str]) -> tuple[str, str]:
    rng = random.Random(k)
    base = rng.choice(texts)
    long_lines = LONG and rng.random() < 0.02
    old = fuzzing.mutate(rng, base, long_lines=long_lines)
    new = fuzzing.mutate(rng, base, long_lines=long_lines) if rng.random() < 0.7 else base
    return old, new


def _cpu(function, *args):  # type: ignore[no-untyped-def]
    start = time.process_time()
    result = function(*args)
    return result, time.process_time() - start


def test_mutated_editions_parse_and_compare():
    texts = fuzzing.corpus()
    counts = {"inputs": 0, "pairs": 0, "over budget": 0, "long lines": 0}
    failures: list[str] = []
    over_budget: list[str] = []
    for k in sorted({*FOUND, *range(INPUTS)}):
        old_text, new_text = _pair(k, texts)
        try:
            old, old_time = _cpu(docdiff.parse, old_text)
            new, new_time = _cpu(docdiff.parse, new_text)
            forward, compare_time = _cpu(docdiff.compare, old, new)
            backward = docdiff.compare(new, old)
            itself = docdiff.compare(old, old)
        except Exception as exc:  # noqa: BLE001 - every exception is a finding
            failures.append(f"input {k}: {type(exc).__name__}: {exc}")
            continue
        counts["inputs"] += 2
        counts["pairs"] += 1
        counts["long lines"] += max(len(old_text), len(new_text)) >= 1_000_000
        if {status for status, n in itself.summary.items() if n} - {"unchanged"}:
            failures.append(f"input {k}: compared with itself: {itself.summary}")
        if forward.summary != fuzzing.mirrored_totals(backward.summary):
            failures.append(f"input {k}: totals {forward.summary} one way, {backward.summary} the other")
        elif fuzzing.entry_statuses(forward) != fuzzing.entry_statuses(backward, backward=True):
            failures.append(f"input {k}: entries do not mirror")
        if render(forward, "json") != render(forward, "json"):
            failures.append(f"input {k}: JSON differs between two renderings")
        if LONG:
            for size, seconds, what in ((len(old_text), old_time, "parse old"), (len(new_text), new_time, "parse new"),
                                        (len(old_text) + len(new_text), compare_time, "compare")):
                if size < BUDGET_SIZE and seconds > BUDGET_SECONDS:
                    over_budget.append(f"input {k}: {what} {seconds:.2f} s CPU ({size} characters)")
    counts["over budget"] = len(over_budget)
    print(f"\nfuzz: {json.dumps(counts)}; failures: {len(failures)}")
    assert not failures, "\n".join(failures[:20])
    assert not over_budget, "\n".join(over_budget[:20])


_REPORTS = r"""
import json, random, sys
sys.path.insert(0, sys.argv[1])
from tests import fuzzing, test_fuzz
import docdiff
from docdiff.render import render
texts = fuzzing.corpus()
out = []
for k in range(int(sys.argv[2])):
    old, new = test_fuzz._pair(k, texts)
    out.append(render(docdiff.compare(docdiff.parse(old), docdiff.parse(new)), "json"))
sys.stdout.write(json.dumps(out))
"""


@pytest.mark.parametrize("seeds", [("0", "4242")])
def test_json_is_the_same_whatever_the_hash_seed(seeds):
    root = str(Path(__file__).resolve().parent.parent)
    count = "200" if LONG else "6"
    outputs = []
    for seed in seeds:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", _REPORTS, root, count], capture_output=True, env=env,
                                timeout=1800, check=True)
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])) == int(count)
