"""PDF and Word reading: docdiff's readers beside the extractors they were chosen from, on the same files.

    python benchmarks/pdf.py            # about two minutes on 2 cores
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

poppler's ``pdftotext`` (Debian's poppler-utils) is measured where it is
installed; where it is not, the output says so in place of its rows.

Word: the same seeds written as .docx as the tests write them
(tests/docx_editions.py: masthead table, automatic numbering, a real
footnote, running heads), read by docdiff's reader (python-docx, with the
numbering and notes resolved), by python-docx's paragraph texts alone, and by
the floor of any .docx reader (the main part unzipped and its ``w:t`` texts
collected with lxml); Word paragraphs (``w:p`` of the main part) per second,
as a .docx has no pages.  Then ``docdiff OLD.docx NEW.docx --format json``.
Prints Markdown tables for BENCHMARKS.md.
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

#: Each prints the seconds its reading took after its imports (docdiff's readers import their
#: library on first use: imported here before the clock starts, as the other rows do).
EXTRACTORS = {
    "docdiff reader (pypdfium2 + layout)":
        "import sys, time, pypdfium2; from docdiff.readers.pdf import extract_text; t = time.perf_counter(); "
        "extract_text(open(sys.argv[1], 'rb').read()); print(time.perf_counter() - t)",
    "pypdfium2 get_text_range (text only)":
        "import sys, time, pypdfium2 as p; t = time.perf_counter(); d = p.PdfDocument(sys.argv[1]); "
        "[pg.get_textpage().get_text_range() for pg in d]; print(time.perf_counter() - t)",
    "pdfminer.six extract_text":
        "import sys, time; from pdfminer.high_level import extract_text; t = time.perf_counter(); "
        "extract_text(sys.argv[1]); print(time.perf_counter() - t)",
}

#: The library each extractor needs, by its import name.
NEEDS = {"pdfminer.six extract_text": "pdfminer", "pypdfium2 get_text_range (text only)": "pypdfium2",
         "docdiff reader (pypdfium2 + layout)": "pypdfium2", "python-docx paragraph texts (text only)": "docx",
         "docdiff reader (python-docx + numbering, notes)": "docx", "zipfile + lxml, w:t texts (the floor)": "lxml"}

#: The same for Word documents.
DOCX_EXTRACTORS = {
    "docdiff reader (python-docx + numbering, notes)":
        "import sys, time, docx; from docdiff.readers.docx import read; t = time.perf_counter(); "
        "read(open(sys.argv[1], 'rb').read(), sys.argv[1]); print(time.perf_counter() - t)",
    "python-docx paragraph texts (text only)":
        "import sys, time, docx; t = time.perf_counter(); d = docx.Document(sys.argv[1]); "
        "[p.text for p in d.paragraphs]; print(time.perf_counter() - t)",
    "zipfile + lxml, w:t texts (the floor)":
        "import sys, time, zipfile; from lxml import etree; t = time.perf_counter(); "
        "x = etree.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml')); "
        "''.join(x.itertext()); print(time.perf_counter() - t)",
}


def run(argv: list[str], ok: tuple[int, ...] = (0, 1)) -> tuple[float, float, int, float | None]:
    """Wall time, CPU time (s), peak RSS (KB) of one process, and the time it reports, if any
    (``ok``: the exit statuses that are not a failure; docdiff says 1 for "the editions differ")."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{argv}: exit {code}: {process.stderr.read().decode() if process.stderr else ''}")
    try:
        reported: float | None = float(out.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        reported = None
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, reported


def measure(argv: list[str], repeat: int, ok: tuple[int, ...] = (0, 1)) -> tuple[float, float, int, float | None]:
    runs = [run(argv, ok) for _ in range(repeat)]
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


def installed(label: str) -> bool:
    """Whether the library an extractor needs (``NEEDS``) is installed."""
    import importlib.util

    return importlib.util.find_spec(NEEDS[label]) is not None


def make_docx_inputs(folder: Path) -> dict[str, tuple[Path, Path]]:
    """name -> (.docx, the text it was made from), the seeds as tests/test_docx.py writes them."""
    from tests.docx_editions import make_docx

    made: dict[str, tuple[Path, Path]] = {}
    for name, source in (("zh 2010", "A_65_382-S_2010_490.zh.txt"), ("zh 2012", "sample_2012.zh.txt"),
                         ("en 2010", "sample_en_2010.src.txt"), ("en 2012", "sample_en_2012.src.txt")):
        stem = name.replace(" ", "_")
        text = (ROOT / "seeds" / source).read_text("utf-8")
        docx, plain = folder / f"{stem}.docx", folder / f"{stem}.docx.txt"
        docx.write_bytes(make_docx(text))
        plain.write_text(text, "utf-8")
        made[name] = (docx, plain)
    return made


def pages(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def word_paragraphs(docx: Path) -> int:
    """The paragraphs (``w:p``) of a .docx's main part, tables' included."""
    import zipfile

    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    return len(root.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))


def make_in_child(folder: Path) -> dict[str, dict[str, tuple[Path, Path, int]]]:
    """The inputs made by another process: this one stays small, so that the
    peak RSS wait4 gives for each measured process (forked from this one) is
    that process's own.  {"pdf": name -> (PDF, text, pages), "docx": name ->
    (.docx, text, Word paragraphs)}."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); "
            "from benchmarks.pdf import make_inputs, make_docx_inputs, pages, word_paragraphs; "
            "from pathlib import Path; made = make_inputs(Path(sys.argv[2])); "
            "docx = make_docx_inputs(Path(sys.argv[2])); "
            "print(json.dumps({'pdf': {k: [str(p), str(t), pages(p)] for k, (p, t) in made.items()}, "
            "'docx': {k: [str(p), str(t), word_paragraphs(p)] for k, (p, t) in docx.items()}}))")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT), str(folder)], check=True, capture_output=True,
                         text=True).stdout
    return {kind: {k: (Path(p), Path(t), n) for k, (p, t, n) in made.items()}
            for kind, made in json.loads(out).items()}


def whole_commands(inputs: dict[str, tuple[Path, Path, int]], kind: str, unit: str, repeat: int) -> None:
    """``docdiff OLD NEW --format json`` on each pair as ``kind`` and as text."""
    print(f"\n| pair | {unit} | command | median wall | median CPU | peak RSS |")
    print("|---|--:|---|--:|--:|--:|")
    for old, new in (("zh 2010", "zh 2012"), ("en 2010", "en 2012")):
        n = inputs[old][2] + inputs[new][2]
        for what, k in ((kind, 0), ("text", 1)):
            a, b = inputs[old][k], inputs[new][k]
            argv = [sys.executable, "-m", "docdiff", str(a), str(b), "--format", "json"]
            wall, cpu, rss, _ = measure(argv, repeat)
            print(f"| {old} → {new} ({what}) | {n if k == 0 else '–'} | docdiff OLD NEW --format json | "
                  f"{wall * 1000:,.0f} ms | {cpu * 1000:,.0f} ms | {rss / 1024:,.0f} MB |")


def main() -> None:
    import shutil

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    python = sys.executable
    pdftotext = shutil.which("pdftotext")
    with tempfile.TemporaryDirectory() as tmp:
        made = make_in_child(Path(tmp))
        inputs, docx_inputs = made["pdf"], made["docx"]
        print(f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `python benchmarks/pdf.py "
              f"--repeat {args.repeat}` on {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
              f"Python {platform.python_version()}; load average {[round(x, 2) for x in os.getloadavg()]}.\n")
        missing = [] if pdftotext else ["pdftotext (Debian: apt-get install poppler-utils)"]
        missing += [f"{NEEDS[label]}, for {label}," for label in {**EXTRACTORS, **DOCX_EXTRACTORS}
                    if not installed(label)]
        for what in missing:
            note = f"{what} is not installed: its rows are missing below."
            print(note, file=sys.stderr)
            print(f"{note}\n")
        print("| file | pages | extractor | reading | pages/s | process wall | process CPU | peak RSS |")
        print("|---|--:|---|--:|--:|--:|--:|--:|")
        for name, (pdf, _, n) in inputs.items():
            rows = [(label, [python, "-c", code, str(pdf)]) for label, code in EXTRACTORS.items() if installed(label)]
            if pdftotext is not None:
                rows.append(("pdftotext -layout (poppler)", [pdftotext, "-layout", str(pdf), "-"]))
            for label, argv in rows:
                wall, cpu, rss, inner = measure(argv, args.repeat, ok=(0,))
                reading = inner if inner is not None else wall
                print(f"| {name} | {n} | {label} | {reading * 1000:,.0f} ms | {n / reading:,.0f} | "
                      f"{wall * 1000:,.0f} ms | {cpu * 1000:,.0f} ms | {rss / 1024:,.0f} MB |")
        whole_commands(inputs, "PDF", "pages", args.repeat)
        print("\n| file | size | Word paragraphs | extractor | reading | paragraphs/s | process wall | process CPU "
              "| peak RSS |")
        print("|---|--:|--:|---|--:|--:|--:|--:|--:|")
        for name, (docx, _, n) in docx_inputs.items():
            size = docx.stat().st_size / 1024
            for label, code in DOCX_EXTRACTORS.items():
                if not installed(label):
                    continue
                wall, cpu, rss, inner = measure([python, "-c", code, str(docx)], args.repeat, ok=(0,))
                reading = inner if inner is not None else wall
                print(f"| {name} | {size:,.0f} KB | {n} | {label} | {reading * 1000:,.1f} ms | {n / reading:,.0f} | "
                      f"{wall * 1000:,.0f} ms | {cpu * 1000:,.0f} ms | {rss / 1024:,.0f} MB |")
        whole_commands(docx_inputs, ".docx", "Word paragraphs", args.repeat)


if __name__ == "__main__":
    main()
