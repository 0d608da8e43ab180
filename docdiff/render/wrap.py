"""Line breaking for text that mixes Chinese and alphabetic scripts.

rich breaks lines at spaces only, so a run of Chinese (which has no spaces) is
moved whole to the next line or chopped anywhere, even before a full stop.
Here a line may break between any two wide characters and at spaces, never
inside an alphabetic word or a number, never before closing punctuation
(，。、）》…) and never after opening punctuation (（《“…): the usual rules
of Chinese typesetting, in a few lines.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from rich.cells import cell_len, get_character_cell_size

from ..script import NO_LINE_END as NO_LINE_END, NO_LINE_START as NO_LINE_START

if TYPE_CHECKING:  # the line breaking needs only rich.cells; the renderables import the rest when drawn
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.text import Text

_OPENING_MARKERS = ("[-", "{+")
_CLOSING_MARKERS = ("-]", "+}")


def _is_wide(ch: str) -> bool:
    return get_character_cell_size(ch) == 2


def _may_break_before(text: str, i: int) -> bool:
    here, before = text[i], text[i - 1]
    if text[i - 2:i] in _OPENING_MARKERS or text[i:i + 2] in _CLOSING_MARKERS:
        return False  # the redline's [-…-] {+…+} stay with their text
    if here.isspace():
        return False  # spaces hang at the end of the line
    if before.isspace():
        return True
    if here in NO_LINE_START or before in NO_LINE_END:
        return False
    return _is_wide(here) or _is_wide(before)


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets at which to cut one line of ``text`` so that no piece is wider
    than ``width`` cells (trailing spaces aside): greedily, each unbreakable
    cluster (the span between two break opportunities) on the current line if
    its visible part fits, else on the next; a cluster wider than a line cut by
    cells.

    Widths are summed once; then each line is found by bisection (the first
    character that does not fit) and a step back to the opportunity before it,
    so the rules are checked a few times per line rather than once per character."""
    width = max(width, 2)
    if "\u200d" in text or "\ufe0f" in text:  # a joined sequence is narrower than its characters
        return break_offsets_by_clusters(text, width)
    sizes = list(map(get_character_cell_size, text))
    cells = list(accumulate(sizes, initial=0))  # cells[i]: the width of text[:i]
    length = len(text)
    offsets: list[int] = []
    start = 0  # where the current line starts
    while True:
        k = bisect_right(cells, cells[start] + width) - 1  # the first character past the line's end
        while k < length and text[k].isspace():  # spaces hang at the end of the line
            k += 1
        if k >= length:
            return offsets
        cut = k  # no opportunity on the line: the cluster is wider than a line, cut by cells
        for i in range(k, start, -1):
            if _opens(text, sizes, i):
                if cells[i] > cells[start]:  # (zero-width characters alone make no line)
                    cut = i
                break
        offsets.append(cut)
        start = cut


def _opens(text: str, sizes: list[int], i: int) -> bool:
    """``_may_break_before`` with the characters' widths known (``sizes``)."""
    here = text[i]
    if here.isspace():
        return False
    before = text[i - 1]
    if not before.isspace() and (here in NO_LINE_START or before in NO_LINE_END
                                 or not (sizes[i] == 2 or sizes[i - 1] == 2)):
        return False
    return not ((before in "-+" or here in "-+")
                and (text[i - 2:i] in _OPENING_MARKERS or text[i:i + 2] in _CLOSING_MARKERS))


def break_offsets_by_clusters(text: str, width: int) -> list[int]:
    """``break_offsets`` spelled cluster by cluster, each measured by rich's
    ``cell_len``: for text with a zero-width joiner or variation selector, whose
    width is not the sum of its characters' widths."""
    width = max(width, 2)
    offsets: list[int] = []
    # Unbreakable clusters: [start, end) spans between break opportunities.
    starts = [0] + [i for i in range(1, len(text)) if _may_break_before(text, i)]
    ends = [*starts[1:], len(text)]
    line_width = 0  # cells used on the current line, its trailing spaces included
    for start, end in zip(starts, ends):
        cluster = text[start:end]
        visible = cell_len(cluster.rstrip())
        if line_width and line_width + visible > width:
            offsets.append(start)
            line_width = 0
        if visible > width:  # a word wider than the line: cut it by cells
            # measured as pieces, not per character: a variation selector makes the
            # character before it wide ("9\ufe0f" is two cells); a piece holds at
            # most a line's width, so this is linear in the text
            # (a character and the zero-width ones after it stay together)
            used, piece, k = line_width, start, start
            while k < end:
                unit_end = k + 1
                while unit_end < end and get_character_cell_size(text[unit_end]) == 0:
                    unit_end += 1
                if (used + cell_len(text[piece:unit_end]) > width and (used or k > piece)
                        and not text[k].isspace()):
                    offsets.append(k)
                    used, piece = 0, k
                k = unit_end
            line_width = used + cell_len(text[piece:end])
        else:
            line_width += cell_len(cluster)
    return offsets


def balanced_offsets(text: str, width: int) -> list[int]:
    """``break_offsets`` for a title: as many lines as at ``width``, but as even as
    they can be, so that a heading never leaves one character or word alone on
    its last line (the narrowest width that needs no more lines, by bisection)."""
    offsets = break_offsets(text, width)
    if not offsets:
        return offsets
    low, high = 1, width  # high: a width known to give len(offsets) lines
    while low < high:
        middle = (low + high) // 2
        if len(break_offsets(text, middle)) <= len(offsets):
            high = middle
        else:
            low = middle + 1
    return break_offsets(text, high)


def wrap(text: Text, width: int, balance: bool = False) -> list[Text]:
    """``text`` broken into lines of at most ``width`` cells, styles kept;
    ``balance``: lines as even as they can be (``balanced_offsets``)."""
    lines: list[Text] = []
    breaks = balanced_offsets if balance else break_offsets
    for line in text.split("\n", allow_blank=True):
        pieces = line.divide(breaks(line.plain, width)) if line.plain else [line]
        for piece in pieces:
            piece.rstrip()
            lines.append(piece)
    return lines


Spans = list[tuple[int, int, int]]  # (start, end, which span of the whole text) on one line


def wrapped_lines(plain: str, spans: list[tuple[int, int]], width: int, balance: bool = False) -> Iterator[tuple[str, Spans]]:
    """The lines ``wrap`` makes of a text (``plain`` with its spans' (start,
    end)), each as its characters and the spans over it, numbered as in
    ``spans``: text and styles as rich's ``Text.split``, ``divide`` and
    ``rstrip`` leave them, without building a ``Text`` per line."""
    breaks = balanced_offsets if balance else break_offsets
    whole = [(a, b, k) for k, (a, b) in enumerate(spans)]
    if "\n" not in plain:
        lines = [(plain, whole)]
    else:
        lines, start = [], 0
        for line in plain.split("\n"):
            lines.append((line, _clipped(whole, start, start + len(line))))
            start += len(line) + 1
    for line, over in lines:
        offsets = breaks(line, width) if line else []
        pieces = [(line, over)] if not offsets else [
            (line[a:b], _clipped(over, a, b)) for a, b in zip([0, *offsets], [*offsets, len(line)])]
        for piece, on in pieces:
            kept = piece.rstrip()
            if len(kept) < len(piece):  # as Text.rstrip trims its spans
                on = [(a, min(b, len(kept)), k) for a, b, k in on if a < len(kept)]
            yield kept, on


def _clipped(spans: Spans, start: int, end: int) -> Spans:
    """The spans over ``text[start:end]``, moved to start at 0 (as Text.divide: empty ones dropped)."""
    return [(max(a, start) - start, min(b, end) - start, k) for a, b, k in spans if min(b, end) > max(a, start)]


class Wrapped:
    """A rich renderable: ``text`` wrapped by ``wrap`` to the width it is given,
    every line ``indent`` cells in (lines are not padded with spaces); a title
    is drawn with ``balance``, its lines as even as they can be."""

    def __init__(self, text: Text | str, style: str = "", indent: int = 0, measure: int | None = None,
                 balance: bool = False) -> None:
        from rich.text import Text

        self.text = Text(text, style=style) if isinstance(text, str) else text
        self.indent = indent
        self.measure = measure  # the longest line, in cells, however wide the screen
        self.balance = balance

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment
        from rich.style import Style

        indent = min(self.indent, max(options.max_width - 8, 0))
        width = options.max_width - indent
        if self.measure:
            width = min(width, self.measure)
        text = self.text
        base = console.get_style(text.style, default=None) if text.style else None
        own = console.get_style(text.style, default=Style.null())
        styles = [console.get_style(span.style, default=Style.null()) for span in text.spans]
        combined: dict[tuple[int, ...], Style] = {}  # the style of each set of spans over a stretch
        pad = Segment(" " * indent) if indent else None
        for plain, spans in wrapped_lines(text.plain, [(a, b) for a, b, _ in text.spans], width, self.balance):
            if pad:
                yield pad
            if not spans:
                yield Segment(plain, base)
            else:
                cuts = sorted({0, len(plain), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
                for start, end in zip(cuts, cuts[1:]):
                    on = tuple(k for a, b, k in spans if a <= start < b)
                    style = combined.get(on)
                    if style is None:
                        style = Style.combine([own, *(styles[k] for k in on)])
                        style = combined[on] = base + style if base else style
                    yield Segment(plain[start:end], style)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        lines = self.text.plain.split("\n")
        longest = max((cell_len(line) for line in lines), default=0) + self.indent
        return Measurement(min(4, longest), longest).clamp(max_width=options.max_width)


class Legend:
    """A rich renderable: ``entries`` ("+ added", "− removed" …) joined by
    " · " and broken only between entries (the separator ends the line), so
    that a symbol never stands on one line and its word on the next; an entry
    wider than the line is wrapped as text is."""

    def __init__(self, entries: Sequence[str], style: str = "dim") -> None:
        self.entries = entries
        self.style = style

    def lines(self, width: int) -> list[str]:
        lines: list[str] = []
        for k, entry in enumerate(self.entries):
            room = 0 if k == len(self.entries) - 1 else 2  # for the " ·" that may end the line
            if lines and cell_len(lines[-1]) + 3 + cell_len(entry) + room <= width:
                lines[-1] += " · " + entry
            else:
                if lines:
                    lines[-1] += " ·"
                lines.append(entry)
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        for line in self.lines(options.max_width):
            yield Wrapped(Text(line, style=self.style))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        longest = cell_len(" · ".join(self.entries))
        return Measurement(min(4, longest), longest).clamp(max_width=options.max_width)


def natural_width(console: Console, renderable: RenderableType) -> int:
    """How wide ``renderable`` (a table) is where nothing need wrap: its columns at their widest."""
    from rich.segment import Segment

    wide = console.options.update(width=10_000, max_width=10_000)
    return max((Segment.get_line_length(line) for line in console.render_lines(renderable, wide, pad=False)),
               default=0)
