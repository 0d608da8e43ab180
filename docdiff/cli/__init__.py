"""The command line (``docdiff``): outcomes mapped to exit codes as diff(1) does
(0 no differences, 1 differences, 2 trouble, 130 interrupted) and every
failure to one line.

* ``main`` (here): the entry point; it sends a plain ``docdiff OLD NEW`` (the
  terminal report) or ``docdiff OLD NEW --format json`` down the fast path and
  everything else (another option, a command, ``--help``, a mistake) to typer,
  which explains it;
* ``fast``: that fast path, without typer and click (and, for JSON, rich;
  for the report to a pipe or a file, rich's console: ``console.print_report``);
* ``app``: the typer application; ``compare``, ``outline``, ``history``: one
  command each, with ``options`` the choices they share;
* ``io``: exit codes, the one-line failure, reading and writing.

The layers import downwards only: ``app`` → commands → ``io``; nothing imports
this module but the entry point.
"""

from __future__ import annotations

import sys

from ..errors import DocdiffError
from .fast import COMMANDS, plain_json_request, plain_request, run_request
from .io import (
    EXIT_DIFFERENT,
    EXIT_INTERRUPTED,
    EXIT_SAME,
    EXIT_TROUBLE,
    fail,
    finish_stdout,
    prepare_streams,
)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: every failure is one line on stderr and exit status
    2; Ctrl-C, whenever it comes, one line and exit status 130."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        prepare_streams()
        try:
            request = plain_request(args)
            if request is None:
                from .app import run

                run(args)
            else:
                sys.exit(run_request(request))
        finally:
            finish_stdout()  # a write that fails at the end (a full disk) is trouble too
    except DocdiffError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:  # the reader (head, less) left early
        sys.exit(EXIT_TROUBLE)
    except MemoryError:
        fail("out of memory: the inputs are too large for this machine")


__all__ = ["COMMANDS", "EXIT_DIFFERENT", "EXIT_INTERRUPTED", "EXIT_SAME", "EXIT_TROUBLE", "main",
           "plain_json_request", "plain_request"]
