"""Make seeds/sample_en_2010.pdf and seeds/sample_en_2012.pdf, the README's PDF pair.

    python seeds/make_sample_pdfs.py     (needs reportlab, a test dependency, and Debian's fonts-liberation)

Each PDF is the English sample edition of the same name (``sample_en_2010.txt``,
``sample_en_2012.txt``: illustrative editions, not UN documents, see README.md
here) typeset page for page and line for line by ``tests/typeset.py``: the pages
end where the text's footers end them, columns and margin numbers stand where
the text has them, blank lines become space, long lines are justified.  docdiff
reads each PDF to the same tree as its text (tests/test_pdf.py checks it).
"""

from __future__ import annotations

import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent
sys.path.insert(0, str(SEEDS.parent))

from tests.typeset import Layout, typeset  # noqa: E402


def main() -> None:
    for name in ("sample_en_2010", "sample_en_2012"):
        text = (SEEDS / f"{name}.txt").read_text("utf-8")
        pdf = SEEDS / f"{name}.pdf"
        pdf.write_bytes(typeset(text, Layout(page_break="footer")))
        print(f"{pdf.relative_to(SEEDS.parent)}: {pdf.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
