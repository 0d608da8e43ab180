"""The one error docdiff raises for input it cannot use."""

from __future__ import annotations

import os


class DocdiffError(Exception):
    """The one error docdiff raises for input it cannot use.

    Its message names the file (where there is one) and the reason, in one line.
    """

    def __init__(self, reason: str, path: str | os.PathLike[str] | None = None) -> None:
        self.reason = reason
        self.path = None if path is None else os.fspath(path)
        super().__init__(f"{self.path}: {reason}" if self.path else reason)

    def __reduce__(self) -> tuple[type[DocdiffError], tuple[str, str | None]]:
        """Pickled (from a worker process) with its reason and path, not its message alone."""
        return type(self), (self.reason, self.path)
