"""The outline of one edition: a rich tree for the terminal, or Markdown."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from ..model import Document, Section


def counted(count: int, noun: str) -> str:
    """``1 paragraph``, ``2 paragraphs``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _span(section: Section) -> str:
    # (an unnumbered paragraph is named by its place in reading order: "[3]")
    labels = [p.label for p in section.all_paragraphs()]
    if not labels:
        return ""
    return f"¶{labels[0]}" if len(labels) == 1 else f"¶{labels[0]}–{labels[-1]}"


def _label(section: Section) -> str:
    return section.heading or section.kind


def _facts(document: Document) -> list[str]:
    meta = document.metadata
    facts = [x for x in (meta.symbol, meta.date, meta.language, meta.session, document.encoding) if x]
    return [*facts, counted(document.paragraph_count, "paragraph")]


def outline_tree(document: Document, show_text: bool = False) -> Tree:
    label = Text(document.metadata.title or document.source or "document", style="bold")
    label.append("  " + " · ".join(_facts(document)), style="dim")
    tree = Tree(label)

    def add(node: Tree, section: Section) -> None:
        style = {"part": "bold", "organisation": "cyan", "subsection": "green"}.get(section.kind, "")
        text = Text(_label(section), style=style)
        span = _span(section)
        if span:
            text.append(f"  {span}", style="dim")
        child = node.add(text)
        if show_text:
            for p in section.paragraphs:
                child.add(Text(f"{p.number}. {p.text}" if p.number is not None else f"[{p.index}] {p.text}"))
        for sub in section.sections:
            add(child, sub)

    for section in document.sections:
        add(tree, section)
    return tree


def outline_markdown(document: Document) -> str:
    """The outline as Markdown: a heading, the edition's facts, and the section
    tree as a nested list (each section with its paragraph numbers)."""
    from .markdown import escape, escape_block

    lines = [f"# {escape(document.metadata.title or document.source or 'document')}", "",
             escape_block(" · ".join(_facts(document))), ""]

    def add(section: Section, depth: int) -> None:
        span = _span(section)
        lines.append("  " * depth + f"- {escape_block(_label(section))}" + (f" ({span})" if span else ""))
        for sub in section.sections:
            add(sub, depth + 1)

    for section in document.sections:
        add(section, 0)
    return "\n".join(lines) + "\n"
