"""Moved to ``docdiff.readers`` (kept so that ``from docdiff.reader import …`` goes on working)."""

from .errors import DocdiffError
from .readers import decode, read_text

__all__ = ["DocdiffError", "decode", "read_text"]
