"""Text to tree: the parser pipeline, one small module per stage.

A reader (``docdiff.readers``: text, PDF, Word) lays an edition out as text;
``parse(text)`` cuts it into ``lines.Line``s (the hand-off type, documented
there) and runs the stages in order:

1. ``furniture``: drop blank lines and page furniture (running heads, footers,
   job numbers…) where it stands at a page's edge (a line that looks like
   furniture between two lines of text is text), and take out the footnotes at
   page feet.
2. ``body``: the body starts at the headings just before paragraph 1 (a
   paragraph 1 that is followed by a paragraph 2); everything before is front matter.
3. ``front``: masthead metadata, title, summary, footnotes, table of contents
   (``language`` where the masthead names no language).
4. ``paragraphs``: numbered paragraphs are recognised in sequence only; the lines
   between two paragraphs are split into the previous paragraph's continuation
   and the next headings, headings are joined where they wrap (``headings``), the
   lines of a paragraph joined into its text (``joining``), and ``tree`` builds
   the section tree.
5. ``unstructured``: a text without numbered paragraphs is read as
   blank-line-separated paragraphs.

A resolution or decision is read by ``docdiff.resolution`` (its own structure),
with the same line type and joining.  Layout knowledge (numerals, furniture,
masthead words) lives in ``conventions`` and ``layouts``.

(The package is ``parsing``, not ``parse``: ``docdiff.parse`` is the function,
and a submodule ``docdiff.parse`` would replace it as the package's attribute
once imported.)
"""

from __future__ import annotations

from .joining import Vocabulary, join_text
from .language import detect_language
from .lines import Line
from .pipeline import parse

__all__ = ["Line", "Vocabulary", "detect_language", "join_text", "parse"]
