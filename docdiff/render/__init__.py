"""Renderers: they read a ``Comparison`` (or a ``Document``) and present it; they compute nothing."""

from __future__ import annotations

from ..model import Comparison


def render(comparison: Comparison, format: str) -> None:
    raise NotImplementedError(f"the {format} report is not written yet")
