"""Which sections a reader means by a name (``docdiff --org NAME``).

A name picks a section when it is, after case, width and spacing are folded
(``name_key``):

* the section's title, or the title of a part above it (a part's name picks
  every section in it);
* a short form the document itself defines: the parenthesised name right after
  the section's full title in the text — 东南亚国家联盟(东盟), "Association of
  Southeast Asian Nations (ASEAN)";
* a name the organisation registry (``data/organisations.json``) gives the same
  organisation in any language — "ASEAN" picks 东南亚国家联盟;
* for the sections every edition of a kind has (a resolution's preamble and
  operative part, the footnotes, the closing lines, a report's summary), the
  name the report prints for them ("Operative part", "Footnotes") or their
  kind ("operative").

A part whose title names organisations (part 三 names the Inter-Parliamentary
Union, part 四 two organisations) belongs to each of them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache

from . import registry
from .errors import DocdiffError
from .model import KIND_LABELS, Comparison, Document, ParagraphChange, SectionChange
from .record import replace
from .similarity import name_key

#: A short form: up to this many characters in brackets after the full name.
_SHORT_FORM = r"\s*[(（]\s*(?P<short>[^()（）\d\s][^()（）]{0,23}?)\s*[)）]"


def short_forms(document: Document) -> dict[str, set[str]]:
    """title → the short forms the document defines for it in its paragraphs."""
    titles = {section.title for _, section in document.walk() if section.title}
    text = "\n".join(p.text for p in document.paragraphs())
    # The bracket each match ends at → (where the name starts, title, short form).
    # Of two titles before one bracket the longer wins: 黑海经济合作组织(黑海经合组织)
    # defines nothing for 经济合作组织.
    best: dict[int, tuple[int, str, str]] = {}
    for title in titles:
        pattern = re.compile(_title_pattern(title) + _SHORT_FORM)
        for match in pattern.finditer(text):
            end = match.end()
            if end not in best or match.start() < best[end][0]:
                best[end] = (match.start(), title, match["short"])
    found: dict[str, set[str]] = {}
    for _, title, short in best.values():
        found.setdefault(title, set()).add(short)
    return found


def _title_pattern(title: str) -> str:
    return r"\s+".join(re.escape(word) for word in title.split())


def organisation_ids(title: str) -> set[str]:
    """The registry's organisations a title names: the title itself, or (for a
    part such as "联合国同禁止化学武器组织的合作；联合国同…筹备委员会的合作")
    every full name of an organisation written in it."""
    exact = registry.organisation_id(title)
    if exact is not None:
        return {exact}
    key = name_key(title)
    hits = [(name, oid) for name, oid in _long_names() if name in key]
    # A name inside a longer name that is also there is not a mention of its own.
    return {oid for name, oid in hits if not any(name != other and name in other for other, _ in hits)}


@lru_cache(maxsize=1)
def _long_names() -> tuple[tuple[str, str], ...]:
    """(folded name, id) for every registry name long enough not to turn up by chance."""
    index = registry.by_name_key()
    return tuple((name, oid) for name, oid in index.items() if (len(name) >= 4 and not name.isascii()) or len(name) >= 12)


def kind_keys(kind: str) -> set[str]:
    """The folded names that pick a section by its kind: 'Operative part',
    'operative'; a report's summary also by the heading any layout prints for
    it (摘要, Résumé, Resumen …: ``Layout.summary_patterns`` that are words)."""
    if kind not in KIND_LABELS or kind == "section":
        return set()
    keys = {name_key(KIND_LABELS[kind]), name_key(kind)}
    if kind == "summary":
        keys |= _summary_headings()
    return keys


@lru_cache(maxsize=1)
def _summary_headings() -> frozenset[str]:
    from . import layouts
    return frozenset(name_key(pattern) for layout in layouts.layouts() for pattern in layout.summary_patterns
                     if re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", pattern))


def _names_of_section(section: SectionChange, forms: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """(folded names, registry ids) that pick this section."""
    keys: set[str] = kind_keys(section.kind)
    ids: set[str] = set()
    paths = [p for p in (section.old_path, section.new_path) if p]
    titles = [t for t in (section.old_title, section.new_title) if t]
    for number, title in ((section.old_number, section.old_title), (section.new_number, section.new_title)):
        if number and title:  # "A. 和平与安全" as well as "和平与安全"
            keys.add(name_key(f"{number} {title}"))
    for title in titles + [t for path in paths for t in path[:-1]]:
        keys.add(name_key(title))
        keys.update(name_key(short) for short in forms.get(title, ()))
        ids |= organisation_ids(title)
    keys.discard("")
    return keys, ids


class Candidate:
    """What can pick one section (or one organisation of a history): folded
    names, registry ids, and the titles to suggest."""

    def __init__(self, keys: set[str], ids: set[str], titles: Sequence[str]) -> None:
        self.keys = keys
        self.ids = ids
        self.titles = titles


def resolve(name: str, candidates: Sequence[Candidate]) -> list[int]:
    """The candidates ``name`` picks, by one rule for ``docdiff --org``,
    ``history --org`` and ``History.find``: those it names (a title, a part's
    title, a short form the document defines, a registry name in any language);
    where it names none, those whose titles contain it ("Arab" → "League of
    Arab States").  Raises ``DocdiffError`` for a name with no letters in it."""
    key = name_key(name)
    if not key:
        raise DocdiffError(f"--org {name!r}: give the name of an organisation or section")
    wanted_id = registry.organisation_id(name)
    exact = [i for i, c in enumerate(candidates) if key in c.keys or (wanted_id is not None and wanted_id in c.ids)]
    if exact:
        return exact
    return [i for i, c in enumerate(candidates) if any(key in name_key(t) for t in c.titles)]


def suggest(name: str, candidates: Sequence[Candidate], limit: int = 3) -> list[str]:
    """Titles close to ``name`` (a misspelling: 'Afrcan Union', 东南亚国家联明);
    where none is, the titles of the sections whose organisation the registry
    names closely in another language ('Afican Union' → 非洲联盟 in a Chinese
    edition, 'ASAEN' → 东南亚国家联盟)."""
    by_key: dict[str, str] = {}
    for c in candidates:
        for title in c.titles:
            by_key.setdefault(name_key(title), title)
    close = difflib.get_close_matches(name_key(name), list(by_key), n=limit, cutoff=0.6)
    if close:
        return list(dict.fromkeys(by_key[k] for k in close))
    index = registry.by_name_key()
    ids = [index[k] for k in difflib.get_close_matches(name_key(name), list(index), n=limit, cutoff=0.6)]
    titles = [c.titles[0] for oid in dict.fromkeys(ids) for c in candidates if oid in c.ids and c.titles]
    return list(dict.fromkeys(titles))[:limit]


#: How many names the error for a name that picks nothing lists, at most.
LISTED = 12


def no_match(name: str, candidates: Sequence[Candidate], what: str, known: Sequence[str]) -> DocdiffError:
    """The error for a name that picks nothing: 'did you mean …', else what there is."""
    close = suggest(name, candidates)
    if close:
        return DocdiffError(f"--org {name!r} matches no {what}; did you mean " + " or ".join(repr(t) for t in close) + "?")
    listed = "; ".join(known[:LISTED])
    more = f"; and {len(known) - LISTED} more (docdiff outline FILE lists them all)" if len(known) > LISTED else ""
    return DocdiffError(f"--org {name!r} matches no {what}; the {what}s are: {listed}{more}")


def section_candidates(comparison: Comparison, old: Document, new: Document) -> list[Candidate]:
    forms = _merge(short_forms(old), short_forms(new))
    out = []
    for section in comparison.sections:
        keys, ids = _names_of_section(section, forms)
        titles = [t for t in (section.new_title, section.old_title) if t] or [KIND_LABELS.get(section.kind, "")]
        titles += [short for t in titles for short in sorted(forms.get(t, ()))]
        titles += [t for path in (section.old_path, section.new_path) if path for t in path[:-1]]
        out.append(Candidate(keys, ids, titles))
    return out


def select_sections(comparison: Comparison, names: Sequence[str], old: Document, new: Document) -> Comparison:
    """The comparison cut down to the sections ``names`` pick (``resolve``), in
    document order.  A picked section keeps what left it (``departures``, "moved
    to …") as well as what came in; references to sections cut away become None.

    Metadata changes are left out: they belong to no section.  Raises
    ``DocdiffError`` (with suggestions) when a name picks none.
    """
    if not names:
        return comparison
    candidates = section_candidates(comparison, old, new)
    picked: set[int] = set()
    for name in names:
        hits = resolve(name, candidates)
        if not hits:
            raise no_match(name, candidates, "section", known_names(comparison, old, new))
        picked.update(hits)
    kept = [i for i in range(len(comparison.sections)) if i in picked]
    place = {old_place: new_place for new_place, old_place in enumerate(kept)}
    sections = tuple(_renumbered(comparison.sections[i], place) for i in kept)
    return replace(comparison, sections=sections, metadata_changes=())


def _renumbered(section: SectionChange, place: dict[int, int]) -> SectionChange:
    """A section's references to other sections, as places in the cut-down list."""
    def entry(change: ParagraphChange) -> ParagraphChange:
        if change.from_index is None:
            return change
        return replace(change, from_index=place.get(change.from_index))

    departures = tuple(replace(d, change=entry(d.change),
                               to_index=None if d.to_index is None else place.get(d.to_index))
                       for d in section.departures)
    return replace(section, paragraphs=tuple(entry(c) for c in section.paragraphs), departures=departures)


def known_names(comparison: Comparison, old: Document, new: Document) -> list[str]:
    """Each section's title with the short forms the document defines for it:
    '东南亚国家联盟 (东盟)'."""
    forms = _merge(short_forms(old), short_forms(new))
    out: list[str] = []
    for section in comparison.sections:
        for part in section.path[:-1]:  # a part's title picks all its sections
            if part and part not in out:
                out.append(part)
        title = section.title or KIND_LABELS.get(section.kind, "")
        short = sorted(forms.get(title, set()) | forms.get(section.old_title or "", set()))
        label = f"{title} ({', '.join(short)})" if short else title
        if section.status == "renamed" and section.old_title:
            label = f"{section.old_title} → {label}"
        if label and label not in out:
            out.append(label)
    return out


def _merge(*maps: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for mapping in maps:
        for key, values in mapping.items():
            out.setdefault(key, set()).update(values)
    return out
