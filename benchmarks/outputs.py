"""Every output docdiff writes for the project's editions, saved once and checked
byte for byte later: the guard of a change that must not change behaviour
(a refactoring, a faster engine).

    python benchmarks/outputs.py --save DIR    # write every output into DIR
    python benchmarks/outputs.py --check DIR   # write them again; list what differs from DIR

What is written, each through the command line as a user runs it (``python -m
docdiff``, so the fast paths are covered too):

* every pair of successive editions: the seeds' Chinese series, the English
  pair (text and PDF), each real resolution series of ``seeds/real`` and the
  draft against its adopted text — in every format of the registry, the rich
  report without colour at a fixed width and with colour; and a few views
  (``--summary``, ``--all``, ``--org``, ``--only``, ``--side-by-side``);
* ``outline`` of every edition, as the tree and as JSON;
* ``history`` of each series in every format that draws a history.

Word and Excel files are zip packages with the time of writing inside; they are
compared part by part with dates and times masked.  Nothing here depends on the
code under test's internals: the formats' names come from ``--help``.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("seeds")  # relative to ROOT, the working folder of every run: outputs name their inputs
FORMATS = ("rich", "json", "markdown", "html", "docx", "csv", "xlsx")
HISTORY_FORMATS = ("rich", "json", "markdown", "html", "csv", "xlsx")
SUFFIX = {"rich": "txt", "json": "json", "markdown": "md", "html": "html", "docx": "docx", "csv": "csv",
          "xlsx": "xlsx"}
ENV = {"COLUMNS": "100", "LINES": "50", "PYTHONHASHSEED": "0", "TZ": "UTC", "NO_COLOR": ""}


def series() -> dict[str, list[Path]]:
    """The editions of each series, oldest first."""
    out = {
        "zh": [SEEDS / "A_65_382-S_2010_490.zh.txt", SEEDS / "sample_2012.zh.txt", SEEDS / "sample_2014.zh.txt"],
        "en": [SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt"],
        "en-pdf": [SEEDS / "sample_en_2010.pdf", SEEDS / "sample_en_2012.pdf"],
    }
    for folder in sorted((ROOT / SEEDS / "real").iterdir()):
        if folder.is_dir():
            folder = folder.relative_to(ROOT)
            editions = sorted((ROOT / folder).glob("A_RES_*.txt"))
            editions = [p.relative_to(ROOT) for p in editions]
            out[folder.name] = editions
            for draft in sorted((ROOT / folder).glob("A_C.*.txt")):  # a draft against the resolution adopted from it
                out[f"{folder.name}-draft"] = [draft.relative_to(ROOT), editions[-1]]
    return out


def jobs() -> list[tuple[str, list[str]]]:
    """(output name, docdiff arguments without -o)."""
    runs: list[tuple[str, list[str]]] = []
    all_series = series()
    for name, editions in all_series.items():
        for old, new in zip(editions, editions[1:]):
            pair = f"{name}.{old.stem}--{new.stem}"
            for fmt in FORMATS:
                runs.append((f"{pair}.{SUFFIX[fmt]}", [str(old), str(new), "--format", fmt]))
            runs.append((f"{pair}.color.txt", [str(old), str(new), "--color", "always", "-w", "100"]))
            runs.append((f"{pair}.all.txt", [str(old), str(new), "--all", "--color", "never"]))
            runs.append((f"{pair}.summary.txt", [str(old), str(new), "--summary", "--color", "never"]))
            runs.append((f"{pair}.summary.json", [str(old), str(new), "--summary", "--format", "json"]))
            runs.append((f"{pair}.only.txt", [str(old), str(new), "--only", "added,removed,moved"]))
            runs.append((f"{pair}.sbs.txt", [str(old), str(new), "--side-by-side", "-w", "140"]))
        if len(editions) > 2 or name in ("zh", "en", "nsa"):
            for fmt in HISTORY_FORMATS:
                runs.append((f"{name}.history.{SUFFIX[fmt]}", ["history", *map(str, editions), "--format", fmt]))
    for org in ("非洲联盟", "加共体", "东盟"):
        z = all_series["zh"]
        runs.append((f"zh.org-{org}.txt", [str(z[0]), str(z[1]), "--org", org]))
        runs.append((f"zh.org-{org}.json", [str(z[0]), str(z[1]), "--org", org, "--format", "json"]))
    e = all_series["en"]
    for org in ("League of Arab States", "African Union"):
        slug = org.replace(" ", "_")
        runs.append((f"en.org-{slug}.txt", [str(e[0]), str(e[1]), "--org", org]))
        runs.append((f"en.org-{slug}.json", [str(e[0]), str(e[1]), "--org", org, "--format", "json"]))
    seen: set[Path] = set()
    for editions in all_series.values():
        for edition in editions:
            if edition in seen:
                continue
            seen.add(edition)
            runs.append((f"outline.{edition.parent.name}.{edition.name}.txt", ["outline", str(edition)]))
            runs.append((f"outline.{edition.parent.name}.{edition.name}.json",
                         ["outline", str(edition), "--format", "json"]))
    return runs


def run_one(name: str, args: list[str], folder: Path) -> str:
    """Run docdiff; write its output (stdout, or the -o file for a binary format) as ``folder/name``,
    with the exit status and stderr beside it in ``name.status``."""
    target = folder / name
    binary = target.suffix in (".docx", ".xlsx")
    argv = [sys.executable, "-m", "docdiff", *args] + (["-o", str(target)] if binary else [])
    env = {**os.environ, **ENV}
    env.pop("NO_COLOR")
    done = subprocess.run(argv, capture_output=True, env=env, cwd=ROOT, timeout=600)
    if not binary:
        target.write_bytes(done.stdout)
    stderr = done.stderr.decode("utf-8", "replace").replace(str(folder), "<out>")
    (folder / f"{name}.status").write_text(f"exit {done.returncode}\n{stderr}", encoding="utf-8")
    return name


_WHEN = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?")


def comparable(path: Path) -> bytes:
    """The bytes to compare: a zip package's parts, in order, with times masked."""
    data = path.read_bytes()
    if path.suffix not in (".docx", ".xlsx"):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in sorted(package.infolist(), key=lambda i: i.filename):
            out.write(b"== " + info.filename.encode() + b"\n")
            out.write(_WHEN.sub(b"<time>", package.read(info)) + b"\n")
    return out.getvalue()


def write_all(folder: Path, parallel: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    runs = jobs()
    with ThreadPoolExecutor(parallel) as pool:
        for _ in pool.map(lambda job: run_one(job[0], job[1], folder), runs):
            pass
    return len(runs)


def check(saved: Path, parallel: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        count = write_all(fresh, parallel)
        names = sorted({p.name for p in saved.iterdir()} | {p.name for p in fresh.iterdir()})
        differing = []
        for name in names:
            a, b = saved / name, fresh / name
            if not a.exists() or not b.exists():
                differing.append(f"{name}: only in {'the new run' if b.exists() else 'the saved outputs'}")
                continue
            if comparable(a) != comparable(b):
                differing.append(name)
                old = comparable(a).decode("utf-8", "replace").splitlines()
                new = comparable(b).decode("utf-8", "replace").splitlines()
                diff = list(difflib.unified_diff(old, new, "saved", "now", lineterm="", n=1))
                print(f"--- {name} differs:\n" + "\n".join(diff[:30]))
        print(f"{count} runs, {len(names)} files: {len(differing)} differ")
        for line in differing:
            print("  " + line)
        if differing and os.environ.get("KEEP"):
            keep = Path(os.environ["KEEP"])
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(fresh, keep)
            print(f"the new outputs are kept in {keep}")
        return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, metavar="DIR")
    group.add_argument("--check", type=Path, metavar="DIR")
    parser.add_argument("--jobs", type=int, default=2, help="runs at once (default 2)")
    options = parser.parse_args()
    if options.save:
        count = write_all(options.save, options.jobs)
        print(f"{count} runs written to {options.save}")
        return 0
    if not options.check.is_dir():
        print(f"outputs.py: {options.check} is not a folder of saved outputs (make it with --save)", file=sys.stderr)
        return 2
    return check(options.check, options.jobs)


if __name__ == "__main__":
    sys.exit(main())
