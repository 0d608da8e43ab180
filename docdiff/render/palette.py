"""The colours of every format that sets its own (HTML pages, the XLSX redline),
in one place.  The terminal names rich's colours instead (``terminal.py``)."""

from __future__ import annotations

DELETED = "#b3261e"
DELETED_BACKGROUND = "#fde7e7"
INSERTED = "#146c2e"
INSERTED_BACKGROUND = "#dcf5e3"
CHANGED = "#8a5a00"
MOVED = "#0b5cad"
SPLIT = "#8250df"  # split and merged
DIM = "#6b6b6b"
RULE = "#d0d7de"

#: The palette as CSS custom properties, for every HTML page.
ROOT_CSS = (f":root {{ --del: {DELETED}; --del-bg: {DELETED_BACKGROUND}; --ins: {INSERTED}; "
            f"--ins-bg: {INSERTED_BACKGROUND}; --dim: {DIM};\n        --rule: {RULE}; --accent: {MOVED}; "
            f"--changed: {CHANGED}; --split: {SPLIT}; }}")
