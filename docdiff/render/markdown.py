"""The report as Markdown: the summary as a table, a heading per section, the
redline with ``<del>``/``<ins>`` (which GitHub, GitLab and most renderers show).

A pure function over the ``Comparison``.  Every piece of document text goes
through ``escape``, so a paragraph can never turn into a heading, a list, a
table cell border, a link or raw HTML.
"""

from __future__ import annotations

import html
import re

from ..model import Comparison, ParagraphChange, SectionChange
from . import view
from .view import COUNTED, Departure, Folded, ReportOptions

#: Characters with a meaning inline, anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]|~#])")
#: What would open a block at the start of a line: a list item, a setext underline,
#: an ordered list item (``#``, ``>`` and ``<`` are escaped everywhere).
_BLOCK_START = re.compile(r"^([+\-=]|\d{1,9}(?=[.)]))")
_LINE_BREAKS = re.compile(r"[\r\n]+")


def escape(text: str) -> str:
    """Document text as Markdown that shows exactly that text (inline, one line)."""
    text = _LINE_BREAKS.sub(" ", text)
    text = html.escape(text, quote=False)
    return _INLINE.sub(r"\\\1", text)


def escape_block(text: str) -> str:
    """``escape``, for text that starts a line: nothing it begins with opens a block."""
    return block(escape(text))


def emphasis(text: str) -> str:
    """Text in italics: "* text*" (a blank after the star) would open a list item."""
    text = escape(text).strip()
    return f"*{text}*" if text else ""


def block(markdown: str) -> str:
    """Escaped Markdown made safe to start a line: leading blanks dropped (four
    would make code), and a leading '-', '+', '=' or '1.' escaped."""
    markdown = markdown.lstrip(" \t")
    match = _BLOCK_START.match(markdown)
    if not match:
        return markdown
    head = match.group(1)
    if head[0].isdigit():  # "1." → "1\." (a backslash before a digit would show)
        return head + "\\" + markdown[len(head):]
    return "\\" + markdown


def redline(diff: view.Diff) -> str:
    return view.tagged_redline(diff, escape)


def to_markdown(comparison: Comparison, options: ReportOptions = ReportOptions()) -> str:
    out: list[str] = []
    add = out.append
    title = view.report_title(comparison)
    add(f"# docdiff: {escape(title)}" if title else "# docdiff")
    add("")
    add("| edition | facts | file |")
    add("| --- | --- | --- |")
    for name, info in (("old", comparison.old), ("new", comparison.new)):
        file = escape(info.file) if info.file else ""
        add(f"| {name} | {escape(' · '.join(view.header_facts(comparison, name)))} | {file} |")
    if options.selected:
        add("")
        add(f"Only: {escape(', '.join(options.selected))}")
    warnings = view.edition_warnings(comparison)
    if warnings:
        add("")
        out.extend(f"- warning: {escape(w)}" for w in warnings)
    rows = view.metadata_rows(comparison)
    if rows:
        add("")
        add("**Masthead changes**")
        add("")
        add("| field | old | new |")
        add("| --- | --- | --- |")
        for row in rows:
            old = f"<del>{escape(row.old)}</del>" if row.old and row.is_list else escape(row.old)
            new = f"<ins>{escape(row.new)}</ins>" if row.new and row.is_list else escape(row.new)
            add(f"| {escape(row.label)} | {old} | {new} |")
    add("")
    if comparison.has_differences:
        add(f"**{escape(view.totals_label(comparison))}:** {escape(view.counts_phrase(comparison.summary))}")
    else:
        add("**No differences.**")
    add("")
    add("## Summary")
    add("")
    add("| section | " + " | ".join(COUNTED) + " |")
    add("| --- | " + " | ".join("---:" for _ in COUNTED) + " |")
    shown = {index for index, _ in view.sections_to_show(comparison, options)}
    for summary_row in view.summary_rows(comparison, fold_unchanged=False):
        indent = "&emsp;" * summary_row.depth
        if summary_row.kind == "group":
            add(f"| {indent}**{escape(summary_row.label)}** |" + " |" * len(COUNTED))
            continue
        section = summary_row.section
        assert section is not None
        label = escape(view.section_label(section))
        if summary_row.index in shown:
            label = f"[{label}](#{view.section_anchor(summary_row.index)})"
        note = view.status_note(section)
        if note:
            label += f" *({escape(note)})*"
        if not section.has_differences:
            add(f"| {indent}{label} *(unchanged)* |" + " |" * len(COUNTED))
            continue
        counts = view.table_counts(section)
        add(f"| {indent}{label} | " + " | ".join(str(counts[s]) if counts.get(s) else "" for s in COUNTED) + " |")
    total = comparison.summary
    add("| **total** | " + " | ".join(f"**{total[s]}**" if total.get(s) else "" for s in COUNTED) + " |")
    left = view.departures(comparison)
    for index, section in view.sections_to_show(comparison, options):
        add("")
        out.extend(_section(index, section, options, tuple(left.get(index, ()))))
    add("")
    return "\n".join(out)


def _section(index: int, section: SectionChange, options: ReportOptions, left: tuple[Departure, ...]) -> list[str]:
    out = [f'<a id="{view.section_anchor(index)}"></a>', "", f"## {escape(view.section_label(section))}", ""]
    facts = []
    if view.within(section):
        facts.append(view.within(section))
    if view.status_note(section):
        facts.append(view.status_note(section))
    facts.append(view.section_facts(section))
    out += [emphasis(' · '.join(facts)), ""]
    for entry in view.entries(section, options.show_unchanged, left):
        if isinstance(entry, (Folded, Departure)):
            out += [emphasis(entry.describe()), ""]
        else:
            out += _entry(entry, section.kind)
    return out[:-1] if out and out[-1] == "" else out


def _entry(change: ParagraphChange, kind: str = "section") -> list[str]:
    out = [f"**{escape(view.change_numbers(change, kind))}** · {escape(view.change_note(change))}", ""]
    for piece in view.pieces(change, kind):
        if change.status in ("added", "removed", "unchanged"):
            side = {"added": "+", "removed": "-", "unchanged": "+"}[change.status]
            text = escape_block("".join(t for op, t in piece.diff if op in ("=", side)))
        else:
            text = block(redline(piece.diff))
        if piece.label:
            text = f"**{escape(piece.label)}** {text}"
        out += [text if text.strip() else "*(empty)*", ""]
    return out
