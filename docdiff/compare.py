"""Two editions to a ``Comparison``: sections matched, paragraphs aligned.

Paragraph numbers play no part in the alignment: every edition renumbers.  The
steps, each a function below:

1. ``_link_exact``: paragraphs with equal text (``similarity.formatting_key``).
2. ``_match_sections``: sections by title, then through the organisation
   registry (renames), then by where their paragraphs went.
3. ``_link_similar``: the rest by similarity (``similarity.score`` ≥
   ``CompareOptions.changed``), best pairs first, same-section pairs preferred.
4. ``_link_parts``: splits (one old → consecutive new) and merges (consecutive
   old → one new), grown from what is left and from the pairs of step 3.
5. ``_classify``: each link becomes unchanged / changed / moved / split / merged,
   "moved" when it crosses sections or leaves its section's order; the
   paragraphs no link reaches are added or removed.
6. ``_report``: entries grouped under sections in the new edition's order.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from functools import cached_property
from itertools import chain
from operator import itemgetter

from . import masthead, registry
from ._gc import collector_paused
from .inline import word_diff
from .model import (
    METADATA_FIELDS,
    PSEUDO_KINDS,
    TYPE_CHECKING,
    Comparison,
    Departure,
    Document,
    EditionInfo,
    MetadataChange,
    Paragraph,
    ParagraphChange,
    Section,
    SectionChange,
)
from .sequences import increasing_lengths
from .similarity import (
    CompareOptions,
    Profile,
    Vocabulary,
    container,
    formatting_key,
    score,
    scorer,
    title_key,
    tokens,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from .model import DiffOp, ParagraphStatus, SectionStatus

#: The options of a call that gives none.
DEFAULT_OPTIONS = CompareOptions()


# ----------------------------------------------------------------------------- flattened editions


# Plain classes, not dataclasses: on Python 3.11 each dataclass costs about a
# millisecond to create at import, and ``docdiff OLD NEW`` pays every import.


class _Sec:
    """A section that holds paragraphs, with its place in the edition."""

    def __init__(self, index: int, section: Section, path: tuple[str, ...], parents: tuple[str, ...],
                 annex: str | None = None) -> None:
        self.index = index
        self.section = section
        self.path = path  # titles, the section's own last
        self.parents = parents  # the headings above it, numbered as printed
        self.annex = annex  # the heading of the annex above it, if it stands in one

    @property
    def title(self) -> str:
        return self.section.title

    # Keys made once: sections are compared in pairs.
    @cached_property
    def key(self) -> str:
        # An untitled section (the operative part, a summary without its
        # heading) is known by its kind.
        return title_key(self.title) or f"\0{self.section.kind}"

    @cached_property
    def parent_key(self) -> str:
        return title_key(" ".join(self.path[:-1]))

    @cached_property
    def org_id(self) -> str | None:
        # Looked up only for a section its title does not match: the first
        # lookup of a process reads the registry (1.6 ms), which a comparison
        # whose sections all keep their titles never needs.
        return registry.organisation_id(self.title)


class _Para:
    """A paragraph, with its place in the edition and its section."""

    def __init__(self, index: int, number: int | None, text: str, sec: int, key: str, ref: int, place: int,
                 vocabulary: Vocabulary) -> None:
        self.index = index  # position in the flattened edition, 0-based
        self.number = number
        self.text = text
        self.sec = sec  # index of its _Sec
        self.key = key
        self.ref = ref  # Paragraph.index: its place in the edition's reading order
        self.place = place  # 1-based place in its section
        self.vocabulary = vocabulary  # the comparison's, shared by both editions

    @cached_property
    def profile(self) -> Profile:
        # Made on first use: most paragraphs are linked exactly and never need one.
        return Profile.of(self.text, self.vocabulary)


class _Edition:
    def __init__(self, sections: list[_Sec], paragraphs: list[_Para]) -> None:
        self.sections = sections
        self.paragraphs = paragraphs


def sections_compared(document: Document) -> list[tuple[str, tuple[Section, ...], Section]]:
    """Every section ``compare`` reports on, in report order, each with its group
    and path: the body's sections (group ""; the summary, preamble and operative
    part among them, where there are such), then the footnotes and the closing
    lines, each an untitled section of that kind and group, compared on its own.
    Their paragraphs' ``index`` goes on from the body's.

    A summary the parser still keeps in ``FrontMatter.summary`` is put first, as
    a section of the body: its paragraphs then take the first references, in
    reading order, and the body's follow (``paragraph_refs`` gives them)."""
    walked = list(document.walk())
    out = [("", path, section) for path, section in walked]
    if document.front.summary and not any(s.kind == "summary" for _, s in walked):
        # (indexes 0, 1, …: the parser's body goes on after them, ``number_in_reading_order``;
        # a document made by hand whose body starts at 0 is referenced by places, see _refs)
        summary = Section("summary", "", paragraphs=tuple(Paragraph(None, text, index=k)
                                                          for k, text in enumerate(document.front.summary)))
        out.insert(0, ("", (summary,), summary))
    start = sum(len(section.paragraphs) for _, _, section in out)
    for kind in PSEUDO_KINDS:
        texts: tuple[str, ...] = getattr(document.front, kind, ())
        if texts:
            section = Section(kind, "", paragraphs=tuple(Paragraph(None, text, index=start + k)
                                                         for k, text in enumerate(texts)))
            start += len(texts)
            out.append((kind, (section,), section))
    return out


def _flatten(walked: list[tuple[tuple[Section, ...], Section]], vocabulary: Vocabulary) -> _Edition:
    sections: list[_Sec] = []
    paragraphs: list[_Para] = []
    for path, section in walked:
        if not section.paragraphs:
            continue
        titles = tuple(s.title for s in path)
        sec = _Sec(len(sections), section, titles, tuple(s.heading for s in path[:-1]),
                   path[0].heading if path[0].kind == "annex" and len(path) > 1 else None)
        sections.append(sec)
        for place, p in enumerate(section.paragraphs, 1):
            paragraphs.append(_Para(len(paragraphs), p.number, p.text, sec.index, formatting_key(p.text), 0, place,
                                    vocabulary))
    for para, ref in zip(paragraphs, _refs([q for _, s in walked for q in s.paragraphs])):
        para.ref = ref
    return _Edition(sections, paragraphs)


def _refs(paragraphs: list[Paragraph]) -> list[int]:
    """The paragraphs' references: their ``index`` (the parser's reading
    order), or, where they are not all different (a document made by hand),
    their places."""
    indexes = [p.index for p in paragraphs]
    return indexes if len(set(indexes)) == len(indexes) else list(range(len(paragraphs)))


def paragraph_refs(document: Document) -> Iterator[tuple[str, int, int, Paragraph, Section]]:
    """(group, reference, place in its section, paragraph, section) of every
    paragraph ``compare`` reports on, in the order of ``sections_compared``: the
    references of ``ParagraphChange.old_index``/``new_index``."""
    walked = sections_compared(document)
    for group in dict.fromkeys(g for g, _, _ in walked):
        held = [(place, p, section) for g, _, section in walked if g == group
                for place, p in enumerate(section.paragraphs, 1)]
        for ref, (place, p, section) in zip(_refs([p for _, p, _ in held]), held):
            yield group, ref, place, p, section


class _Link:
    """Old paragraph(s) linked to new paragraph(s), told apart by identity."""

    __slots__ = ("old", "new", "exact", "similarity")

    def __init__(self, old: list[int], new: list[int], exact: bool, similarity: float) -> None:
        self.old = old
        self.new = new
        self.exact = exact
        self.similarity = similarity


class _State:
    """The two editions and the links made so far, from both sides."""

    def __init__(self, a: _Edition, b: _Edition, options: CompareOptions = DEFAULT_OPTIONS) -> None:
        self.a = a
        self.b = b
        self.options = options
        # in the order made (a dict: a link replaced by a split or a merge is
        # removed at once, where a list searched every link before it)
        self._links: dict[int, _Link] = {}
        self.old_link: dict[int, _Link] = {}
        self.new_link: dict[int, _Link] = {}

    @property
    def links(self) -> Iterable[_Link]:
        return self._links.values()

    def add(self, link: _Link) -> None:
        self._links[id(link)] = link
        for i in link.old:
            self.old_link[i] = link
        for j in link.new:
            self.new_link[j] = link

    def remove(self, link: _Link) -> None:
        del self._links[id(link)]
        for i in link.old:
            del self.old_link[i]
        for j in link.new:
            del self.new_link[j]


# ----------------------------------------------------------------------------- entry point


@collector_paused
def compare(old: Document, new: Document, *, options: CompareOptions = DEFAULT_OPTIONS) -> Comparison:
    """Compare two editions: what happened to each section and each paragraph.

    The body (the summary, preamble and operative part where there are such,
    and every part and organisation) is compared as one tree; the footnotes and
    the closing lines each as a section of their own after it.  ``options``
    (``docdiff.CompareOptions``) sets the thresholds: how similar a changed
    paragraph must be, and the rest."""
    if not isinstance(options, CompareOptions):
        raise TypeError(f"compare(): options must be a docdiff.CompareOptions, not {type(options).__name__}")
    for side, document in (("old", old), ("new", new)):
        if not isinstance(document, Document):  # a plain message, not an AttributeError deep inside
            hint = ("; read a file with docdiff.load(path), text with docdiff.parse(text)"  # type: ignore[unreachable]
                    if isinstance(document, str) or hasattr(document, "__fspath__") else "")
            raise TypeError(f"compare() takes two Documents: {side} is a {type(document).__name__}{hint}")
    a, b = sections_compared(old), sections_compared(new)
    sections: list[SectionChange] = []
    present = {g for g, _, _ in a + b}
    for group in (g for g in ("", *PSEUDO_KINDS) if g in present):
        # one vocabulary for both editions' profiles, freed with them once the group is compared
        vocabulary = Vocabulary()
        sections.extend(_compare_sections(_flatten([(p, s) for g, p, s in a if g == group], vocabulary),
                                          _flatten([(p, s) for g, p, s in b if g == group], vocabulary),
                                          base=len(sections), by_position=group == "closing", options=options))
    return Comparison(
        old=EditionInfo(old.source, old.metadata, old.paragraph_count, encoding=old.encoding, warnings=old.warnings),
        new=EditionInfo(new.source, new.metadata, new.paragraph_count, encoding=new.encoding, warnings=new.warnings),
        metadata_changes=_metadata_changes(old, new),
        sections=tuple(sections),
    )


def _compare_sections(a: _Edition, b: _Edition, base: int = 0, by_position: bool = False,
                      options: CompareOptions = DEFAULT_OPTIONS) -> tuple[SectionChange, ...]:
    """The steps of the module docstring over two flattened editions; ``base``
    is the place in ``Comparison.sections`` of the first section returned.
    ``by_position``: lines left unlinked are then paired in order (the closing
    lines, "42nd plenary meeting" / "43rd plenary meeting" and the date: too
    short for any similarity, but the same line of the same form)."""
    state = _State(a, b, options)
    _link_exact(state)
    section_map = _match_sections(state)
    _link_similar(state, section_map)
    _link_parts(state)
    if by_position:
        _link_in_order(state)
    section_map = _match_sections(state)
    return _report(state, section_map, base)


def _metadata_changes(old: Document, new: Document) -> tuple[MetadataChange, ...]:
    """The facts that differ; then the masthead lines that differ where no fact
    says it (``docdiff.masthead``: a masthead line changed is never no difference);
    then the entries of the table of contents that differ where no heading does."""
    a, b = old.metadata.to_dict(), new.metadata.to_dict()
    changes = tuple(MetadataChange(name, a[name], b[name]) for name in METADATA_FIELDS
                    if not _same_fact(a[name], b[name]))
    unread = masthead.unread_change(old, new, changes)
    contents = masthead.contents_change(old, new)
    return (*changes, *(c for c in (unread, contents) if c is not None))


def _same_fact(a: Any, b: Any) -> bool:
    """Two masthead facts are the same when they differ only as paragraphs may
    and stay unchanged: in spacing, punctuation width and hyphen forms."""
    if isinstance(a, str) and isinstance(b, str):
        return formatting_key(a) == formatting_key(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_fact(x, y) for x, y in zip(a, b))
    return bool(a == b)


# ----------------------------------------------------------------------------- 1. equal texts


def _link_exact(state: _State) -> None:
    """Equal texts linked.  A text repeated is linked copy by copy in reading
    order, first among the copies in sections of the same title, then the rest:
    a rule that gives the same links whichever edition is old (taking, for each
    new copy, the first old copy left did not)."""
    olds: dict[str, list[_Para]] = defaultdict(list)
    for p in state.a.paragraphs:
        olds[p.key].append(p)
    news: dict[str, list[_Para]] = defaultdict(list)
    for q in state.b.paragraphs:
        if q.key in olds:
            news[q.key].append(q)
    links: list[tuple[int, int]] = []
    for key, new_copies in news.items():
        old_copies = olds[key]
        if len(old_copies) == 1 and len(new_copies) == 1:
            links.append((old_copies[0].index, new_copies[0].index))
            continue
        old_titles = [state.a.sections[p.sec].key for p in old_copies]
        new_titles = [state.b.sections[q.sec].key for q in new_copies]
        paired_old: set[int] = set()
        paired_new: set[int] = set()
        for title in dict.fromkeys(old_titles):
            same_old = [k for k, t in enumerate(old_titles) if t == title]
            same_new = [k for k, t in enumerate(new_titles) if t == title]
            for k, m in zip(same_old, same_new):
                links.append((old_copies[k].index, new_copies[m].index))
                paired_old.add(k)
                paired_new.add(m)
        rest_old = [p for k, p in enumerate(old_copies) if k not in paired_old]
        rest_new = [q for m, q in enumerate(new_copies) if m not in paired_new]
        links.extend((p.index, q.index) for p, q in zip(rest_old, rest_new))
    for i, j in sorted(links, key=lambda link: link[1]):
        state.add(_Link([i], [j], True, 1.0))


# ----------------------------------------------------------------------------- 2. sections


def _match_sections(state: _State) -> dict[int, int]:
    """Old section index → new section index."""
    a, b = state.a.sections, state.b.sections
    mapping: dict[int, int] = {}
    taken: set[int] = set()

    def pair(i: int, j: int) -> None:
        mapping[i] = j
        taken.add(j)

    # Each old section takes the first new section not taken yet that has the
    # same title (looked up by title: comparing every pair grows as the square).
    by_title: dict[str, list[_Sec]] = defaultdict(list)
    for t in b:
        by_title[t.key].append(t)
    # By title (the same title under the same parent first, for repeated titles).
    for strict in (True, False):
        for s in a:
            if s.index in mapping:
                continue
            for t in by_title.get(s.key, ()):
                if t.index in taken or (strict and s.parent_key != t.parent_key):
                    continue
                pair(s.index, t.index)
                break
    # Through the registry: the same organisation under another name (the
    # registry read only for an old section left that it knows).
    by_org: dict[str, list[_Sec]] | None = None
    for s in a:
        if s.index in mapping or s.org_id is None:
            continue
        if by_org is None:
            by_org = defaultdict(list)
            for t in b:
                if t.org_id is not None:
                    by_org[t.org_id].append(t)
        for t in by_org.get(s.org_id, ()):
            if t.index not in taken:
                pair(s.index, t.index)
                break
    # By where the paragraphs went: most of an old section's paragraphs into one
    # new section, which most of its linked paragraphs came from; the pairs with
    # the most links first (a rule that reads the same from either edition).
    votes: Counter[tuple[int, int]] = Counter()
    for link in state.links:
        votes[(state.a.paragraphs[link.old[0]].sec, state.b.paragraphs[link.new[0]].sec)] += 1
    outbound: Counter[int] = Counter()  # links out of each old section
    inbound: Counter[int] = Counter()  # links into each new section
    for (i, j), count in votes.items():
        outbound[i] += count
        inbound[j] += count
    for (i, j), count in sorted(votes.items(), key=lambda vote: (-vote[1], sorted(vote[0]), vote[0])):
        if i in mapping or j in taken:
            continue
        if count * 2 >= outbound[i] and count * 2 >= inbound[j]:
            pair(i, j)
    # Last, by the shape of the document: under the same parent, a section whose
    # title only grew or shrank (结论 → 结论和建议), and the opening part of both
    # editions (一. 引言 / 一. 导言), are one section renamed, not one dropped and
    # one added, even where none of their paragraphs carried over.
    left_new = [t for t in b if t.index not in taken]
    for s in a:
        if s.index in mapping:
            continue
        for t in left_new:
            if t.index in taken or s.parent_key != t.parent_key or s.section.kind != t.section.kind:
                continue
            grew = len(s.key) >= 2 and len(t.key) >= 2 and (s.key in t.key or t.key in s.key)
            opening = s.index == t.index == 0 and s.section.kind == "part" and s.section.number == t.section.number
            if grew or opening:
                pair(s.index, t.index)
                break
    return mapping


# ----------------------------------------------------------------------------- 3. similar texts


def _rare_index(paragraphs: list[_Para], free: set[int], cap: int) -> dict[int, list[int]]:
    """Each rare token of the ``free`` paragraphs (held by at most ``cap`` of
    them) → the paragraphs that hold it, in order.  The tokens are counted
    first, so that no list is made for a common one (in a long edition, most
    of the index)."""
    held = [p for p in paragraphs if p.index in free]
    holders = Counter(chain.from_iterable(p.profile.tokens for p in held))
    index: dict[int, list[int]] = {token: [] for token, times in holders.items() if times <= cap}
    del holders
    get = index.get
    for p in held:
        i = p.index
        for found in map(get, p.profile.tokens):
            if found is not None:
                found.append(i)
    return index


def _candidates(profile: Profile, index: dict[int, list[int]], options: CompareOptions) -> list[int]:
    """The ``options.candidates`` paragraphs sharing the most rare tokens with
    ``profile``, ties in order of first appearance.  A token held by more than
    ``options.rare_token_cap`` paragraphs says little about which is meant and
    is not counted.  ``index`` is made by ``_rare_index``."""
    found = [holders for holders in map(index.get, profile.tokens) if holders is not None]
    counts = Counter(chain.from_iterable(found)).items()
    # (Counter.most_common(n) is this sort, stable, in heapq's Python code)
    return [i for i, _ in sorted(counts, key=itemgetter(1), reverse=True)[:options.candidates]]


def _link_similar(state: _State, section_map: dict[int, int]) -> None:
    """Link the free paragraphs by similarity, the most similar pairs first.

    First within each pair of matched sections (where an edited paragraph
    nearly always stays), every free old paragraph with every free new one, the
    pairs more similar than ``1 - options.same_section_bonus`` only: with
    their bonus they outscore every pair across sections (none is more than 1.0
    similar), so they come first in the ranking of all pairs anyway, and most
    edited paragraphs are among them.  Then
    the rest across the editions, each new paragraph with the old ones that share
    the most rare tokens with it (``_candidates``)."""
    a, b = state.a.paragraphs, state.b.paragraphs
    options = state.options
    free_old = {p.index for p in a if p.index not in state.old_link}
    free_new = {q.index for q in b if q.index not in state.new_link}
    if not free_old or not free_new:
        return
    olds_in: dict[int, list[int]] = defaultdict(list)
    for i in sorted(free_old):
        olds_in[a[i].sec].append(i)
    news_in: dict[int, list[int]] = defaultdict(list)
    for j in sorted(free_new):
        news_in[b[j].sec].append(j)
    local: list[tuple[int, int]] = []
    for s, t in section_map.items():
        olds, news = olds_in.get(s), news_in.get(t)
        if olds and news and len(olds) * len(news) <= options.local_pairs:
            local.extend((i, j) for j in news for i in olds)
    _link_best(state, section_map, local, free_old, free_new, above=1.0 - options.same_section_bonus)
    if not free_old or not free_new:
        return
    # Candidates are looked for from both sides (each new paragraph's among the
    # old ones, and each old one's among the new), so that the pairs scored are
    # the same whichever edition is old.
    index = _rare_index(a, free_old, options.rare_token_cap)
    pairs = {(i, j) for j in free_new for i in _candidates(b[j].profile, index, options)}
    index = _rare_index(b, free_new, options.rare_token_cap)
    pairs.update((i, j) for i in free_old for j in _candidates(a[i].profile, index, options))
    _link_best(state, section_map, sorted(pairs), free_old, free_new)


def _link_best(state: _State, section_map: dict[int, int], pairs: list[tuple[int, int]], free_old: set[int],
               free_new: set[int], above: float = 0.0) -> None:
    """Link the most similar of ``pairs`` (old, new) first, each paragraph once,
    pairs inside matched sections before those across them unless these are
    ``options.same_section_bonus`` more similar; only pairs at least
    ``options.changed`` and more than ``above`` similar."""
    scored: list[tuple[float, int, float, int, int]] = []
    changed, same_section_bonus = state.options.changed, state.options.same_section_bonus
    least = max(changed, above)
    for (i, j), sim in zip(pairs, _scores(state, pairs, least)):
        if sim is None:
            continue
        p, q = state.a.paragraphs[i], state.b.paragraphs[j]
        if sim >= changed and sim > above:
            bonus = same_section_bonus if section_map.get(p.sec) == q.sec else 0.0
            tie = zlib.crc32("\0".join(sorted((p.key, q.key))).encode("utf-8", "surrogatepass"))
            scored.append((sim + bonus, tie, sim, i, j))
    # best first; equal scores in an order that does not depend on which edition
    # is old (equal texts: the pair of nearer positions first)
    scored.sort(key=lambda s: (-s[0], s[1], sorted((s[3], s[4]))))
    for _, _, sim, i, j in scored:
        if i in free_old and j in free_new:
            free_old.discard(i)
            free_new.discard(j)
            state.add(_Link([i], [j], False, sim))


def _scores(state: _State, pairs: list[tuple[int, int]], least: float) -> list[float | None]:
    """The ``score`` of each of ``pairs`` (old, new), None where ``within_reach``
    rules it out.  Scored by old paragraph, each one's tokens made a set once
    (``similarity.scorer``) for all the new paragraphs it is paired with."""
    a, b = state.a.paragraphs, state.b.paragraphs
    out: list[float | None] = [None] * len(pairs)
    last, against = -1, None
    for k in sorted(range(len(pairs)), key=pairs.__getitem__):
        i, j = pairs[k]
        p, q = a[i].profile, b[j].profile
        if 2 * min(p.size, q.size) < least * (p.size + q.size):  # not within_reach(p, q, least), inlined
            continue
        if against is None or i != last:
            last, against = i, scorer(p)
        out[k] = against(q)
    return out


def _link_in_order(state: _State) -> None:
    """Pair the free old and new paragraphs place by place, as far as both go:
    the k-th free old one with the k-th free new one, whatever their similarity
    (for a section whose lines keep their places, such as the closing lines)."""
    free_old = [p.index for p in state.a.paragraphs if p.index not in state.old_link]
    free_new = [q.index for q in state.b.paragraphs if q.index not in state.new_link]
    for i, j in zip(free_old, free_new):
        state.add(_Link([i], [j], False, score(state.a.paragraphs[i].profile, state.b.paragraphs[j].profile)))


# ----------------------------------------------------------------------------- 4. splits and merges


def _link_parts(state: _State) -> None:
    """Splits (one old paragraph → consecutive new ones) and merges (the mirror
    image).  Both are proposed against the same links, then taken best first,
    each only while its paragraphs are still where it found them: the order
    cannot favour one edition (splits taken before merges made a split in one
    direction a merge of other paragraphs in the other)."""
    proposals = _part_proposals(state, split=True) + _part_proposals(state, split=False)
    proposals.sort(key=lambda proposal: proposal[0])
    for (negative_similarity, _, _), link, whole, run, split in proposals:
        whole_link, part_link = (state.old_link, state.new_link) if split else (state.new_link, state.old_link)
        if whole_link.get(whole) is not link:
            continue  # the whole was taken since, or its link replaced
        seed = (link.new[0] if split else link.old[0]) if link is not None else None
        if any(part_link.get(i) is not (link if i == seed else None) for i in run):
            continue  # a piece was taken since
        if link is not None:
            state.remove(link)
        sim = -negative_similarity
        state.add(_Link([whole], run, False, sim) if split else _Link(run, [whole], False, sim))


def _run_similarity(state: _State, whole: int, run: list[int], split: bool) -> float:
    wholes, parts = (state.a, state.b) if split else (state.b, state.a)
    combined: Counter[str] = Counter()
    for i in run:  # (the pieces' tokens counted again: a profile keeps no counts)
        combined.update(tokens(parts.paragraphs[i].text))
    return score(wholes.paragraphs[whole].profile, Profile(combined, wholes.paragraphs[whole].vocabulary))


def _part_proposals(state: _State, split: bool) -> list[tuple[tuple[float, int, int], _Link | None, int, list[int], bool]]:
    """The splits (``split=True``) or merges each whole paragraph could be part
    of, against the links made so far: (order key, the whole's link replaced,
    the whole, the run of pieces, split).  Written once, for the "whole" side
    and the "parts" side."""
    wholes, parts = (state.a, state.b) if split else (state.b, state.a)
    whole_link, part_link = (state.old_link, state.new_link) if split else (state.new_link, state.old_link)
    free_parts = {p.index for p in parts.paragraphs if p.index not in part_link}
    proposals: list[tuple[tuple[float, int, int], _Link | None, int, list[int], bool]] = []
    if not free_parts:
        return proposals
    options = state.options
    index = _rare_index(parts.paragraphs, free_parts, options.rare_token_cap)

    for whole in wholes.paragraphs:
        link = whole_link.get(whole.index)
        if link is not None and (len(link.old) > 1 or len(link.new) > 1 or link.exact):
            continue
        seed = (link.new[0] if split else link.old[0]) if link is not None else None
        if seed is not None and seed - 1 not in free_parts and seed + 1 not in free_parts:
            continue  # the run through the seed cannot grow: most edited paragraphs stop here
        found = [i for i in _candidates(whole.profile, index, options) if i in free_parts]
        near = set(found) if seed is None else {*found, seed}
        # Only a piece next to another (or to the seed) can be in a run of two:
        # the containment of the others is not worth measuring.
        adjacent = [i for i in found if i - 1 in near or i + 1 in near]
        inside = container(whole.profile) if adjacent else None
        pieces = [i for i in adjacent if inside(parts.paragraphs[i].profile) >= options.containment] if inside else []
        if seed is not None:
            pieces.append(seed)
        run = _consecutive_run(sorted(set(pieces)), seed)
        if len(run) < 2:
            continue
        sim = _run_similarity(state, whole.index, run, split)
        before = link.similarity if link is not None else 0.0
        if sim < options.changed or sim <= before:
            continue
        keys = sorted((whole.key, "\0".join(parts.paragraphs[i].key for i in run)))
        tie = zlib.crc32("\1".join(keys).encode("utf-8", "surrogatepass"))
        proposals.append(((-sim, tie, len(run)), link, whole.index, run, split))
    return proposals


def _consecutive_run(indices: list[int], seed: int | None) -> list[int]:
    """The longest run of consecutive indices (the one holding ``seed``, if given)."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    if seed is not None:
        return next((r for r in runs if seed in r), [])
    return max(runs, key=len, default=[])


# ----------------------------------------------------------------------------- 5. statuses


def _in_order(links: list[_Link], state: _State) -> set[int]:
    """ids of the links that keep their order; the others moved.

    The links kept are the heaviest chain whose old positions rise in new order
    (``_heaviest_chain``), links weighed by their text (``_weight``).  Where the
    old positions already rise (most pairs of sections), that chain is every
    link, every weight being positive: no weight is then needed.
    """
    ordered = sorted(links, key=lambda link: link.new[0])
    olds = [link.old[0] for link in ordered]
    if all(map(int.__lt__, olds, olds[1:])):
        return {id(link) for link in ordered}
    return {id(ordered[pos]) for pos in _heaviest_chain(olds, [_weight(link, state) for link in ordered])}


def _heaviest_chain(olds: list[int], weights: list[int]) -> list[int]:
    """The places of the heaviest chain of distinct ``olds`` that rises (a
    weighted longest increasing subsequence, O(n log n) with a Fenwick tree of
    prefix maxima; of equal chains, the one ending first).  Weighing links by
    their text makes the *shorter* side of a swap the one that moved, and the
    same one whichever edition comes first."""
    ranks = {value: r + 1 for r, value in enumerate(sorted(olds))}
    size = len(ranks)
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # (best weight, position in ordered)
    best: list[tuple[int, int]] = []
    for pos, (old, weight) in enumerate(zip(olds, weights)):
        r, top = ranks[old] - 1, (0, -1)
        while r > 0:
            top = max(top, tree[r])
            r -= r & -r
        entry = (top[0] + weight, pos)
        best.append((entry[0], top[1]))
        r = ranks[old]
        while r <= size:
            tree[r] = max(tree[r], entry)
            r += r & -r
    keep: list[int] = []
    pos = max(range(len(best)), key=lambda p: best[p][0], default=-1)
    while pos >= 0:
        keep.append(pos)
        pos = best[pos][1]
    return keep[::-1]


def _weight(link: _Link, state: _State) -> int:
    """The length of a link's texts, with a tie-breaker that does not depend on
    which edition is old and which new.  Always positive: texts of no length
    at all leave the tie-breaker of "\0", 909."""
    old = "".join(state.a.paragraphs[i].key for i in link.old)
    new = "".join(state.b.paragraphs[j].key for j in link.new)
    return (len(old) + len(new)) * 1024 + zlib.crc32("\0".join(sorted((old, new))).encode("utf-8", "surrogatepass")) % 1024


def _classify(state: _State, section_map: dict[int, int]) -> dict[int, tuple[ParagraphStatus, str | None]]:
    """id(link) → (status, the section it moved in from, if it crossed sections)."""
    a, b = state.a, state.b
    by_pair: dict[tuple[int, int], list[_Link]] = defaultdict(list)
    result: dict[int, tuple[ParagraphStatus, str | None]] = {}
    for link in state.links:
        old_sec, new_sec = a.paragraphs[link.old[0]].sec, b.paragraphs[link.new[0]].sec
        crossed = section_map.get(old_sec) != new_sec
        from_section = a.sections[old_sec].title if crossed else None
        if len(link.old) > 1:
            result[id(link)] = ("merged", from_section)
        elif len(link.new) > 1:
            result[id(link)] = ("split", from_section)
        elif crossed:
            result[id(link)] = ("moved", from_section)
        else:
            by_pair[(old_sec, new_sec)].append(link)
            result[id(link)] = ("unchanged" if link.exact else "changed", None)
    for links in by_pair.values():
        keep = _in_order(links, state)
        for link in links:
            if id(link) not in keep:
                result[id(link)] = ("moved", None)
    return result


# ----------------------------------------------------------------------------- 6. the report


def _entry(state: _State, link: _Link | None, status: ParagraphStatus, from_section: str | None,
           old: list[int], new: list[int], from_index: int | None = None) -> ParagraphChange:
    olds = [state.a.paragraphs[i] for i in old]
    news = [state.b.paragraphs[j] for j in new]
    old_text = olds[0].text if len(olds) == 1 else "\n".join([p.text for p in olds])
    new_text = news[0].text if len(news) == 1 else "\n".join([q.text for q in news])
    pieces: tuple[tuple[tuple[DiffOp, str], ...], ...] = ()
    diff: tuple[tuple[DiffOp, str], ...]
    if status == "added":
        similarity, diff = 0.0, (("+", new_text),)
    elif status == "removed":
        similarity, diff = 0.0, (("-", old_text),)
    else:
        assert link is not None
        similarity = link.similarity
        diff = word_diff(old_text, new_text)
        if len(news) > 1:
            pieces = _cut(diff, "+", [len(q.text) for q in news])
        elif len(olds) > 1:
            pieces = _cut(diff, "-", [len(p.text) for p in olds])
    return ParagraphChange(
        status=status,
        old=tuple([p.number for p in olds]),
        new=tuple([q.number for q in news]),
        similarity=similarity,
        diff=diff,
        from_section=from_section,
        formatting_only=bool(link and link.exact and old_text != new_text),
        old_text=old_text,
        new_text=new_text,
        old_index=tuple([p.ref for p in olds]),
        new_index=tuple([q.ref for q in news]),
        old_place=tuple([p.place for p in olds]),
        new_place=tuple([q.place for q in news]),
        pieces=pieces,
        from_index=from_index,
        from_kind=state.a.sections[olds[0].sec].section.kind if from_section is not None and olds else None,
        old_page=_pages(state.a, olds),
        new_page=_pages(state.b, news),
    )


def _pages(edition: _Edition, paragraphs: list[_Para]) -> tuple[int | None, ...]:
    """The page each paragraph starts on (``Paragraph.page``), or () where none is known."""
    pages = tuple([edition.sections[p.sec].section.paragraphs[p.place - 1].page for p in paragraphs])
    return pages if any(page is not None for page in pages) else ()


def _cut(diff: tuple[tuple[DiffOp, str], ...], side: DiffOp,
         lengths: list[int]) -> tuple[tuple[tuple[DiffOp, str], ...], ...]:
    """A diff of joined texts cut into one diff per paragraph of ``side`` ("+"
    new, "-" old), whose texts have ``lengths`` and were joined by one separator
    character each (dropped here): where each piece ends is known from the
    lengths, not looked for in the text."""
    separators: list[int] = []
    at = 0
    for length in lengths[:-1]:
        at += length
        separators.append(at)
        at += 1
    out: list[list[tuple[DiffOp, str]]] = [[]]
    position, k = 0, 0  # offset in the joined text of ``side``; next separator
    for op, text in diff:
        if op not in ("=", side):
            out[-1].append((op, text))
            continue
        start = 0
        while k < len(separators) and separators[k] < position + len(text):
            cut = separators[k] - position
            if cut > start:
                out[-1].append((op, text[start:cut]))
            out.append([])
            start, k = cut + 1, k + 1
        if start < len(text):
            out[-1].append((op, text[start:]))
        position += len(text)
    return tuple(tuple(piece) for piece in out)


def _report(state: _State, section_map: dict[int, int], base: int = 0) -> tuple[SectionChange, ...]:
    a, b = state.a, state.b
    statuses = _classify(state, section_map)
    reverse = {j: i for i, j in section_map.items()}

    # The order of the sections in the report: the new edition's, each old
    # section no longer there after the one before it that is.
    removed_after: dict[int, list[int]] = defaultdict(list)  # new section index → removed old sections after it
    removed_first: list[int] = []
    for s in a.sections:
        if s.index in section_map:
            continue
        earlier = [section_map[t.index] for t in a.sections[: s.index] if t.index in section_map]
        (removed_after[earlier[-1]] if earlier else removed_first).append(s.index)
    order: list[tuple[int | None, int | None]] = [(i, None) for i in removed_first]  # (old section, new section)
    for t in b.sections:
        order.append((reverse.get(t.index), t.index))
        order.extend((i, None) for i in removed_after[t.index])
    place_of_old = {i: base + k for k, (i, _) in enumerate(order) if i is not None}
    place_of_new = {j: base + k for k, (_, j) in enumerate(order) if j is not None}

    # Entries under each new section, in new order.
    under_new: dict[int, list[tuple[ParagraphChange, list[int]]]] = defaultdict(list)
    departed: dict[int, list[tuple[int, Departure]]] = defaultdict(list)  # old section → (old index, departure)
    for q in b.paragraphs:
        link = state.new_link.get(q.index)
        if link is None:
            under_new[q.sec].append((_entry(state, None, "added", None, [], [q.index]), []))
        elif link.new[0] == q.index:
            link_status, from_section = statuses[id(link)]
            source = a.paragraphs[link.old[0]].sec
            entry = _entry(state, link, link_status, from_section, link.old, link.new,
                           place_of_old[source] if from_section is not None else None)
            under_new[q.sec].append((entry, link.old))
            for old_sec in sorted({a.paragraphs[i].sec for i in link.old}):
                if section_map.get(old_sec) != q.sec:
                    first = min(i for i in link.old if a.paragraphs[i].sec == old_sec)
                    departed[old_sec].append((first, Departure(entry, b.sections[q.sec].section.heading,
                                                               place_of_new[q.sec])))

    # Removed paragraphs go where they stood: after the entry of the nearest old
    # paragraph before them that stayed in the same section and did not move (one
    # that moved stands at its new place, away from where they stood).
    under_old: dict[int, list[ParagraphChange]] = defaultdict(list)
    for p in a.paragraphs:
        if p.index in state.old_link:
            continue
        entry = _entry(state, None, "removed", None, [p.index], [])
        target = section_map.get(p.sec)
        if target is None:
            under_old[p.sec].append(entry)
            continue
        placed = under_new[target]
        position = 0
        for pos, (held, olds) in enumerate(placed):
            if held.status != "moved" and any(i < p.index and a.paragraphs[i].sec == p.sec for i in olds):
                position = pos + 1
        # after earlier removed paragraphs placed at the same spot
        while (position < len(placed) and placed[position][0].status == "removed"
               and placed[position][1][0] < p.index):
            position += 1
        placed.insert(position, (entry, [p.index]))

    moved = _out_of_order([reverse[t.index] for t in b.sections if t.index in reverse])

    def departures(i: int | None) -> tuple[Departure, ...]:
        return tuple(d for _, d in sorted(departed.get(i, []), key=lambda x: x[0])) if i is not None else ()

    result: list[SectionChange] = []
    for old_index, new_index in order:
        if new_index is None:
            assert old_index is not None
            s = a.sections[old_index]
            result.append(SectionChange("removed", s.title, None, s.path, None, tuple(under_old[old_index]),
                                        kind=s.section.kind, old_number=s.section.number, parents=s.parents,
                                        departures=departures(old_index), old_section=s.section, annex=s.annex))
            continue
        t = b.sections[new_index]
        entries = tuple(e for e, _ in under_new[t.index])
        if old_index is None:
            result.append(SectionChange("added", None, t.title, None, t.path, entries,
                                        kind=t.section.kind, new_number=t.section.number, parents=t.parents,
                                        new_section=t.section, annex=t.annex))
            continue
        s = a.sections[old_index]
        status: SectionStatus
        if s.key != t.key:
            status = "renamed"
        elif any(e.status != "unchanged" for e in entries) or old_index in departed:
            status = "changed"
        else:
            status = "unchanged"
        result.append(SectionChange(status, s.title, t.title, s.path, t.path, entries, kind=t.section.kind,
                                    old_number=s.section.number, new_number=t.section.number,
                                    parents=t.parents, departures=departures(old_index),
                                    old_section=s.section, new_section=t.section, moved=old_index in moved,
                                    annex=t.annex))
    return tuple(result)


def _out_of_order(olds: list[int]) -> set[int]:
    """The sections that changed places: ``olds`` are the matched sections' old
    places in new order; every section outside the longest run that keeps its
    order has moved.  Where several runs are longest (two sections swapped:
    either could be said to have moved), only the sections common to all of
    them stay, so that compare(b, a) says of the same sections what
    compare(a, b) says."""
    if len(olds) < 2:
        return set()
    end = increasing_lengths(olds)
    start = increasing_lengths([-v for v in reversed(olds)])[::-1]
    longest = max(end)
    on_some = [i for i in range(len(olds)) if end[i] + start[i] - 1 == longest]
    per_level = Counter(end[i] for i in on_some)
    in_all = {olds[i] for i in on_some if per_level[end[i]] == 1}
    return set(olds) - in_all
