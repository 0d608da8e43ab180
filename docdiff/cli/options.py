"""The choices the commands share (formats, colour), as typer reads them."""

from __future__ import annotations

from enum import Enum


class OutlineFormat(str, Enum):
    rich = "rich"
    json = "json"


class ReportFormat(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"
    html = "html"


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"
