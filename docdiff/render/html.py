"""The report as one self-contained HTML page.

Inline CSS, no script, nothing loaded from elsewhere: the page can be mailed,
archived or printed as it is.  The summary table links to each section; each
change is a redline (``<del>``/``<ins>``), with a side-by-side view one click
away (a CSS-only switch).  Runs of unchanged paragraphs fold into a
``<details>`` that opens on a click.  A pure function over the ``Comparison``:
every piece of document text goes through ``html.escape``.
"""

from __future__ import annotations

from html import escape

from .. import __version__
from ..model import Comparison, ParagraphChange, SectionChange
from . import palette, view
from .view import COUNTED, Departure, Folded, ReportOptions

#: BCP 47 tags for the languages editions are published in.
LANGUAGE_TAGS = {"Chinese": "zh", "English": "en", "French": "fr", "Spanish": "es", "Russian": "ru", "Arabic": "ar"}

CSS = palette.ROOT_CSS + """
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 4rem; color: #1f2328; background: #fff;
       font: 16px/1.7 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC",
       "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; line-height: 1.3; }
h1 .tool { color: var(--accent); font-weight: 600; margin-right: .5em; }
h2 { font-size: 1.2rem; margin: 0; line-height: 1.4; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; }
th, td { padding: .2rem .6rem; vertical-align: top; text-align: left; }
.editions th { color: var(--dim); font-weight: normal; padding-left: 0; }
.file { color: var(--dim); font-family: ui-monospace, monospace; font-size: .85em; }
.masthead { margin: .75rem 0; }
.masthead caption, .summary caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.masthead td, .masthead th { border-top: 1px solid var(--rule); }
.masthead th { font-weight: normal; color: var(--dim); }
.totals { font-weight: 600; margin: 1rem 0 .5rem; }
.summary { width: 100%; margin-bottom: 1rem; }
.summary thead th { border-bottom: 2px solid var(--rule); font-weight: 600; }
.summary td.n, .summary th.n { text-align: right; font-variant-numeric: tabular-nums; width: 4.5rem; }
.summary tbody td { border-bottom: 1px solid #eef0f2; }
.summary tr.group td { font-weight: 600; padding-top: .6rem; }
.summary tr.unchanged td { color: var(--dim); }
.summary tfoot td { font-weight: 600; border-top: 2px solid var(--rule); }
.summary td.zero { color: #c4c8cc; }
.depth-1 { padding-left: 1.6rem; } .depth-2 { padding-left: 2.8rem; }
.badge { display: inline-block; font-size: .75em; padding: 0 .45em; border-radius: .6em; margin-left: .4em;
         border: 1px solid currentColor; line-height: 1.5; vertical-align: .1em; }
.added-section { color: var(--ins); } .removed-section { color: var(--del); } .renamed { color: #8a5a00; }
.c-changed { color: #8a5a00; } .c-added { color: var(--ins); } .c-removed { color: var(--del); }
.c-moved { color: #0b6e8a; } .c-split, .c-merged { color: #7a3fa0; }
.switch { margin: 1rem 0; color: var(--dim); font-size: .9em; user-select: none; }
.switch input { vertical-align: middle; }
section.section { margin-top: 2rem; border-top: 3px solid var(--accent); padding-top: .5rem; }
section.section .facts { color: var(--dim); margin: .1rem 0 .6rem; font-size: .9em; }
.entry { margin: .9rem 0; break-inside: avoid; }
.entry .numbers { font-weight: 600; margin-right: .6em; }
.entry .note { font-size: .9em; }
.text { margin: .2rem 0 0 1.5rem; }
.piece-label { font-weight: 600; margin-right: .5em; color: var(--dim); }
.added .text { color: var(--ins); border-left: 3px solid var(--ins); padding-left: .6rem; margin-left: calc(1.5rem - .6rem - 3px); }
.removed .text { color: var(--del); border-left: 3px solid var(--del); padding-left: .6rem; margin-left: calc(1.5rem - .6rem - 3px); }
.unchanged .text, .moved.same .text { color: var(--dim); }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; text-decoration-thickness: 1px; }
.sbs { display: none; grid-template-columns: 1fr 1fr; gap: 1rem; margin: .2rem 0 0 1.5rem; }
.sbs > div { padding: .3rem .6rem; border-radius: .3rem; }
.sbs .old { background: #fff8f8; } .sbs .new { background: #f6fff8; }
.sbs .side { display: block; color: var(--dim); font-size: .8em; }
.sbs p { margin: .2rem 0 .4rem; }
#side-by-side:checked ~ main .inline.two { display: none; }
#side-by-side:checked ~ main .sbs { display: grid; }
.departure { margin: .6rem 0; font-size: .9em; color: #0b6e8a; }
details.folded { margin: .6rem 0; color: var(--dim); }
details.folded summary { cursor: pointer; font-size: .9em; }
details.folded .entry { margin: .5rem 0; }
footer { margin-top: 3rem; color: var(--dim); font-size: .8em; }
@media (max-width: 40rem) { .sbs { grid-template-columns: 1fr; } .text, .sbs { margin-left: .5rem; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .switch, #side-by-side { display: none; }
  a { color: inherit; }
  section.section { break-before: auto; }
  h2 { break-after: avoid; }
  details.folded summary { list-style: none; }
}
"""


def to_html(comparison: Comparison, options: ReportOptions = ReportOptions()) -> str:
    lang = LANGUAGE_TAGS.get(comparison.new.metadata.language or comparison.old.metadata.language or "", "")
    title = view.report_title(comparison) or "docdiff"
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="docdiff {escape(__version__)}">',
        f"<title>docdiff: {escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
    ]
    out += _header(comparison, options, title, lang)
    out += _summary(comparison, options)
    shown = list(view.sections_to_show(comparison, options))
    if shown:
        out.append('<input type="checkbox" id="side-by-side" class="switch-input">')
        out.append('<label class="switch" for="side-by-side">show changes side by side (old | new)</label>')
    out.append("<main>")
    left = view.departures(comparison)
    for index, section in shown:
        out += _section(index, section, options, lang, tuple(left.get(index, ())), {i for i, _ in shown})
    out.append("</main>")
    out.append(f'<footer>Made by docdiff {escape(__version__)}. Deleted text is <del>struck through</del>, '
               "inserted text <ins>underlined</ins>.</footer>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _lang(lang: str) -> str:
    return f' lang="{lang}"' if lang else ""


def _header(comparison: Comparison, options: ReportOptions, title: str, lang: str) -> list[str]:
    out = ["<header>", f'<h1><span class="tool">docdiff</span><span{_lang(lang)}>{escape(title)}</span></h1>',
           '<table class="editions">']
    for name, info in (("old", comparison.old), ("new", comparison.new)):
        file = f' <span class="file">{escape(info.file)}</span>' if info.file else ""
        out.append(f"<tr><th>{name}</th><td{_lang(lang)}>{escape(' · '.join(view.header_facts(comparison, name)))}{file}</td></tr>")
    if options.selected:
        out.append(f"<tr><th>only</th><td>{escape(', '.join(options.selected))}</td></tr>")
    for warning in view.edition_warnings(comparison):
        out.append(f'<tr class="warning"><th>warning</th><td>{escape(warning)}</td></tr>')
    out.append("</table>")
    rows = view.metadata_rows(comparison)
    if rows:
        out.append('<table class="masthead"><caption>Masthead changes</caption>')
        out.append("<tr><th></th><th>old</th><th>new</th></tr>")
        for row in rows:
            old = f"<del>{escape(row.old)}</del>" if row.old and row.is_list else escape(row.old)
            new = f"<ins>{escape(row.new)}</ins>" if row.new and row.is_list else escape(row.new)
            out.append(f"<tr><th>{escape(row.label)}</th><td{_lang(lang)}>{old}</td><td{_lang(lang)}>{new}</td></tr>")
        out.append("</table>")
    if comparison.has_differences:
        out.append(f'<p class="totals">{escape(view.totals_label(comparison))}: '
                   f'{escape(view.counts_phrase(comparison.summary))}</p>')
    else:
        out.append('<p class="totals">No differences.</p>')
    out.append("</header>")
    return out


def _summary(comparison: Comparison, options: ReportOptions) -> list[str]:
    shown = {index for index, _ in view.sections_to_show(comparison, options)}
    out = ['<nav><table class="summary"><caption>Summary</caption>', "<thead><tr><th>section</th>"]
    out.append("".join(f'<th class="n c-{s}">{s}</th>' for s in COUNTED) + "</tr></thead><tbody>")
    for row in view.summary_rows(comparison, fold_unchanged=False):
        depth = f' class="depth-{min(row.depth, 2)}"' if row.depth else ""
        if row.kind == "group":
            out.append(f'<tr class="group"><td{depth} colspan="{len(COUNTED) + 1}">{escape(row.label)}</td></tr>')
            continue
        section = row.section
        assert section is not None
        label = _section_label(section)
        if row.index in shown:
            label = f'<a href="#{view.section_anchor(row.index)}">{label}</a>'
        if not section.has_differences:
            out.append(f'<tr class="unchanged"><td{depth}>{label} <span class="badge">unchanged</span></td>'
                       + '<td class="n"></td>' * len(COUNTED) + "</tr>")
            continue
        counts = view.table_counts(section)
        cells = "".join(_count_cell(counts.get(s, 0), s) for s in COUNTED)
        out.append(f'<tr class="{escape(section.status)}"><td{depth}>{label}{_badge(section)}</td>{cells}</tr>')
    total = comparison.summary
    out.append("</tbody><tfoot><tr><td>total</td>" + "".join(_count_cell(total.get(s, 0), s) for s in COUNTED)
               + "</tr></tfoot></table></nav>")
    return out


def _count_cell(n: int, status: str) -> str:
    return f'<td class="n c-{status}">{n}</td>' if n else '<td class="n zero">·</td>'


def _section_label(section: SectionChange) -> str:
    if section.status == "renamed":
        return f"<del>{escape(view.old_label(section))}</del> → <ins>{escape(view.new_label(section))}</ins>"
    return escape(view.section_label(section))


def _badge(section: SectionChange) -> str:
    note = view.status_note(section)
    css = {"added": "added-section", "removed": "removed-section", "renamed": "renamed"}.get(section.status, "")
    return f' <span class="badge {css}">{escape(note)}</span>' if note else ""


def _section(index: int, section: SectionChange, options: ReportOptions, lang: str,
             left: tuple[Departure, ...], on_page: set[int]) -> list[str]:
    out = [f'<section class="section {escape(section.status)}" id="{view.section_anchor(index)}">',
           f"<h2{_lang(lang)}>{_section_label(section)}{_badge(section)}</h2>"]
    facts = []
    if view.within(section):
        facts.append(f"<span{_lang(lang)}>{escape(view.within(section))}</span>")
    facts.append(escape(view.section_facts(section)))
    out.append(f'<p class="facts">{" · ".join(facts)}</p>')
    for entry in view.entries(section, options.show_unchanged, left):
        if isinstance(entry, Departure):
            text = escape(entry.describe())
            out.append(f'<p class="departure"><a href="#{view.section_anchor(entry.to_index)}">{text}</a></p>'
                       if entry.to_index in on_page and entry.to_index is not None
                       else f'<p class="departure">{text}</p>')
            continue
        if isinstance(entry, Folded):
            out.append(f'<details class="folded"><summary>{escape(entry.describe())}</summary>')
            out += [_entry(change, lang, section.kind) for change in entry.changes]
            out.append("</details>")
        else:
            out.append(_entry(entry, lang, section.kind))
    out.append("</section>")
    return out


def _redline(diff: view.Diff) -> str:
    return view.tagged_redline(diff, escape)


def _entry(change: ParagraphChange, lang: str, kind: str = "section") -> str:
    two_sided = change.status in ("changed", "moved", "split", "merged") and any(op != "=" for op, _ in view.redline(change))
    css = f"entry {change.status}" + ("" if two_sided or change.status != "moved" else " same")
    out = [f'<div class="{css}">',
           f'<div class="head"><span class="numbers">{escape(view.change_numbers(change, kind))}</span>'
           f'<span class="note c-{change.status}">{escape(view.change_note(change))}</span></div>']
    pieces = view.pieces(change, kind)
    out.append('<div class="inline two">' if two_sided else '<div class="inline">')
    for piece in pieces:
        if change.status in ("added", "removed", "unchanged"):
            side = "-" if change.status == "removed" else "+"
            body = escape("".join(t for op, t in piece.diff if op in ("=", side)))
        else:
            body = _redline(piece.diff)
        label = f'<span class="piece-label">{escape(piece.label)}</span>' if piece.label else ""
        out.append(f'<p class="text"{_lang(lang)} dir="auto">{label}{body}</p>')
    out.append("</div>")
    if two_sided:
        old = "".join(_side(piece, "-", lang) for piece in view.pieces(change, kind, side="-"))
        new = "".join(_side(piece, "+", lang) for piece in pieces)
        out.append(f'<div class="sbs"><div class="old"><span class="side">old</span>{old}</div>'
                   f'<div class="new"><span class="side">new</span>{new}</div></div>')
    out.append("</div>")
    return "".join(out)


def _side(piece: view.Piece, side: str, lang: str) -> str:
    label = f'<span class="piece-label">{escape(piece.label)}</span>' if piece.label else ""
    return f'<p{_lang(lang)} dir="auto">{label}{_redline(view.side_text(piece.diff, side))}</p>'
