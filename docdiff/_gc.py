"""The cyclic garbage collector, paused while docdiff builds a large structure.

Parsing and comparing make hundreds of thousands of small objects and no
garbage cycles.  With the collector running, its full passes walk every object
made so far again and again: a tenth of the time of a comparison of long
editions, a quarter of their parse, and a share that grows with their length.
The collector is paused for the call and restored after (the switch is
process-wide; cycles made meanwhile are collected on its next pass).
"""

from __future__ import annotations

import functools
import gc

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (see model.py)

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import ParamSpec, TypeVar

    P = ParamSpec("P")
    R = TypeVar("R")


def collector_paused(function: Callable[P, R]) -> Callable[P, R]:
    """``function``, run with the cyclic garbage collector paused."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        running = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if running:
                gc.enable()

    return run
