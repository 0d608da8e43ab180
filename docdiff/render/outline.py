"""The outline of one edition as a rich tree."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from ..model import Document, Section


def _span(section: Section) -> str:
    # (an unnumbered paragraph is named by its place in reading order: "[3]")
    labels = [p.label for p in section.all_paragraphs()]
    if not labels:
        return ""
    return f"¶{labels[0]}" if len(labels) == 1 else f"¶{labels[0]}–{labels[-1]}"


def outline_tree(document: Document, show_text: bool = False) -> Tree:
    meta = document.metadata
    label = Text(meta.title or document.source or "document", style="bold")
    facts = [x for x in (meta.symbol, meta.date, meta.language, meta.session) if x]
    if facts:
        label.append("  " + " · ".join(facts), style="dim")
    label.append(f"  {document.paragraph_count} paragraphs", style="dim")
    tree = Tree(label)

    def add(node: Tree, section: Section) -> None:
        style = {"part": "bold", "organisation": "cyan", "subsection": "green"}.get(section.kind, "")
        text = Text(section.heading, style=style)
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
