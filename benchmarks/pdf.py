"""PDF reading: docdiff's reader beside the extractors it was chosen from, on the same files.

    python benchmarks/pdf.py            # about a minute on 2 cores
    python benchmarks/pdf.py --repeat 3

The PDFs are typeset from the seeds as the tests typeset them (tests/typeset.py:
the Chinese seed 2010 and its 2012 sample laid out in pages by tests/layouts.py,
the English samples): written to a temporary folder, never committed.  Each
extractor runs in a fresh process per file, ``--repeat`` times; the table gives
the median time of the reading itself (a Python extractor times itself after its
imports; pdftotext's is its process's wall time) and pages per second from it,
the median wall and CPU time (user + system) of the whole process, and its peak
RSS (from wait4).  The last rows time the whole
command, ``docdiff OLD.pdf NEW.pdf --format json``, beside the same pair as text.
Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Each prints the seconds its reading took after its imports.
EXTRACTORS = {
    "docdiff reader (pypdfium2 + layout)":
        "import sys, time; from docdiff.readers.pdf import extract_text; t = time.perf_counter(); "
        "extract_text(open(sys.argv[1], 'rb').read()); print(time.perf_counter() - t)",
    "pypdfium2 get_text_range (text only)":
        "import sys, time, pypdfium2 as p; t = time.perf_counter(); d = p.PdfDocument(sys.argv[1]); "
        "[pg.get_textpage().get_text_range() for pg in d]; print(time.perf_counter() - t)",
    "pdfminer.six extract_text":
        "import sys, time; from pdfminer.high_level import extract_text; t = time.perf_counter(); "
        "extract_text(sys.argv[1]); print(time.perf_counter() - t)",
}


def run(argv: list[str]) -> tuple[float, float, int, float | None]:
    """Wall time, CPU time (s), peak RSS (KB) of one process, and the time it reports, if any."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{argv}: exit {code}: {process.stderr.read().decode() if process.stderr else ''}")
    try:
        reported: float | None = float(out.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        reported = None
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, reported


def measure(argv: list[str], repeat: int) -> tuple[float, float, int, float | None]:
    runs = [run(argv) for _ in range(repeat)]
    inner = [r[3] for r in runs if r[3] is not None]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), max(r[2] for r in runs),
            statistics.median(inner) if inner else None)


def make_inputs(folder: Path) -> dict[str, tuple[Path, Path]]:
    """name -> (PDF, its text)."""
    from tests.layouts import to_pdf_layout
    from tests.typeset import Layout, typeset

    made: dict[str, tuple[Path, Path]] = {}
    for name, source, layout in (
        ("zh 2010", ROOT / "seeds/A_65_382-S_2010_490.zh.txt", Layout(font="cjk", page_break="footer")),
        ("zh 2012", ROOT / "seeds/sample_2012.zh.txt", Layout(font="cjk", page_break="footer")),
        ("en 2010", ROOT / "seeds/sample_en_2010.txt", Layout(page_break="footer")),
        ("en 2012", ROOT / "seeds/sample_en_2012.txt", Layout(page_break="footer")),
    ):
        text = source.read_text("utf-8")
        if name.startswith("zh"):
            text = to_pdf_layout(text, body_from=100)
        pdf = folder / (name.replace(" ", "_") + ".pdf")
        pdf.write_bytes(typeset(text, layout))
        plain = folder / (name.replace(" ", "_") + ".txt")
        plain.write_text(text, "utf-8")
        made[name] = (pdf, plain)
    return made


def pages(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def make_in_child(folder: Path) -> dict[str, tuple[Path, Path, int]]:
    """The inputs made by another process: this one stays small, so that the
    peak RSS wait4 gives for each measured process (forked from this one) is
    that process's own."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); from benchmarks.pdf import make_inputs, pages; "
            "from pathlib import Path; made = make_inputs(Path(sys.argv[2])); "
            "print(json.dumps({k: [str(p), str(t), pages(p)] for k, (p, t) in made.items()}))")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT), str(folder)], check=True, capture_output=True,
                         text=True).stdout
    return {k: (Path(p), Path(t), n) for k, (p, t, n) in json.loads(out).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        inputs = make_in_child(Path(tmp))
        print(f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `python benchmarks/pdf.py "
              f"--repeat {args.repeat}` on {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
              f"Python {platform.python_version()}; load average {[round(x, 2) for x in os.getloadavg()]}.\n")
        print("| file | pages | extractor | reading | pages/s | process wall | process CPU | peak RSS |")
        print("|---|--:|---|--:|--:|--:|--:|--:|")
        for name, (pdf, _, n) in inputs.items():
            rows = [(label, [python, "-c", code, str(pdf)]) for label, code in EXTRACTORS.items()]
            if Path("/usr/bin/pdftotext").exists():
                rows.append(("pdftotext -layout (poppler)", ["/usr/bin/pdftotext", "-layout", str(pdf), "-"]))
            for label, argv in rows:
                wall, cpu, rss, inner = measure(argv, args.repeat)
                reading = inner if inner is not None else wall
                print(f"| {name} | {n} | {label} | {reading * 1000:,.0f} ms | {n / reading:,.0f} | "
                      f"{wall * 1000:,.0f} ms | {cpu * 1000:,.0f} ms | {rss / 1024:,.0f} MB |")
        print("\n| pair | pages | command | median wall | median CPU | peak RSS |")
        print("|---|--:|---|--:|--:|--:|")
        for old, new in (("zh 2010", "zh 2012"), ("en 2010", "en 2012")):
            n = inputs[old][2] + inputs[new][2]
            for what, k in (("PDF", 0), ("text", 1)):
                a, b = inputs[old][k], inputs[new][k]
                argv = [python, "-m", "docdiff", str(a), str(b), "--format", "json"]
                wall, cpu, rss, _ = measure(argv, args.repeat)
                print(f"| {old} → {new} ({what}) | {n if k == 0 else '–'} | docdiff OLD NEW --format json | "
                      f"{wall * 1000:,.0f} ms | {cpu * 1000:,.0f} ms | {rss / 1024:,.0f} MB |")


if __name__ == "__main__":
    main()
