"""Moved to ``docdiff.parsing`` (one module per stage); kept so that
``from docdiff.parser import parse`` goes on working."""

from __future__ import annotations

from .parsing.front import SUMMARY_AS_SECTION
from .parsing.joining import Vocabulary, join_text
from .parsing.language import detect_language
from .parsing.lines import Line, display_width
from .parsing.pipeline import parse

__all__ = ["SUMMARY_AS_SECTION", "Line", "Vocabulary", "detect_language", "display_width", "join_text", "parse"]
