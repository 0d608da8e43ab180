"""Ctrl-C before the command line's own code runs.

The ``docdiff`` console script imports the package before ``docdiff.cli.main``
can catch anything, and that import takes a tenth of a second or more: a
Ctrl-C then would end in a KeyboardInterrupt traceback.  When docdiff is the
program (its console script, or ``python -m docdiff``), it ends as Ctrl-C
ends every other moment of a run: one line and exit status 130.  A library
user's import is left alone (the KeyboardInterrupt goes on).
"""

from __future__ import annotations

import os
import sys


def is_the_program() -> bool:
    """Whether this process is the docdiff command (not a program importing it)."""
    program = os.path.basename(sys.argv[0]) if sys.argv else ""
    return program in ("docdiff", "__main__.py") or getattr(sys, "orig_argv", [])[1:3] == ["-m", "docdiff"]


def interrupted_while_importing() -> None:
    """Exit with one line and status 130 when docdiff is the program; else return."""
    if is_the_program():
        if sys.stderr is not None:
            sys.stderr.write("docdiff: interrupted\n")
        raise SystemExit(130)
