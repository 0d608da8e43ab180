"""The command line (``docdiff``): outcomes mapped to exit codes as diff(1) does
(0 no differences, 1 differences, 2 trouble) and every failure to one line.

* ``main`` (here): the entry point; it sends a plain ``docdiff OLD NEW
  --format json`` down the fast path and everything else (another option, a
  command, ``--help``, a mistake) to typer, which explains it;
* ``fast``: that fast path, without typer, click or rich;
* ``app``: the typer application; ``compare``, ``outline``, ``history``: one
  command each, with ``options`` the choices they share;
* ``io``: exit codes, the one-line failure, reading and writing.

The layers import downwards only: ``app`` → commands → ``io``; nothing imports
this module but the entry point.
"""

from __future__ import annotations

import sys

from ..reader import DocdiffError
from .fast import COMMANDS, compare_to_json, plain_json_request
from .io import EXIT_DIFFERENT, EXIT_SAME, EXIT_TROUBLE, fail


def main(argv: list[str] | None = None) -> None:
    """Console entry point: every failure is one line on stderr and exit status 2."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        request = plain_json_request(args)
        if request is None:
            from .app import run

            run(args)
        else:
            sys.exit(compare_to_json(*request))
    except DocdiffError as exc:
        fail(str(exc))
    except KeyboardInterrupt:  # as typer's path answers Ctrl-C
        fail("aborted")
    except BrokenPipeError:
        sys.exit(EXIT_TROUBLE)


__all__ = ["COMMANDS", "EXIT_DIFFERENT", "EXIT_SAME", "EXIT_TROUBLE", "main", "plain_json_request"]
