"""Which sections a reader means by a name (``docdiff --org NAME``).

A name picks a section when it is, after case, width and spacing are folded
(``registry.name_key``):

* the section's title, or the title of a part above it (a part's name picks
  every section in it);
* a short form the document itself defines: the parenthesised name right after
  the section's full title in the text — 东南亚国家联盟(东盟), "Association of
  Southeast Asian Nations (ASEAN)";
* a name the organisation registry (``data/organisations.json``) gives the same
  organisation in any language — "ASEAN" picks 东南亚国家联盟.

A part whose title names organisations (part 三 names the Inter-Parliamentary
Union, part 四 two organisations) belongs to each of them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from . import registry
from .model import Comparison, Document, SectionChange
from .errors import DocdiffError

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
    key = registry.name_key(title)
    hits = [(name, oid) for name, oid in _long_names() if name in key]
    # A name inside a longer name that is also there is not a mention of its own.
    return {oid for name, oid in hits if not any(name != other and name in other for other, _ in hits)}


@lru_cache(maxsize=1)
def _long_names() -> tuple[tuple[str, str], ...]:
    """(folded name, id) for every registry name long enough not to turn up by chance."""
    index = registry._index()  # noqa: SLF001 — the registry's own folded index
    return tuple((name, oid) for name, oid in index.items() if (len(name) >= 4 and not name.isascii()) or len(name) >= 12)


def _names_of_section(section: SectionChange, forms: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """(folded names, registry ids) that pick this section."""
    keys: set[str] = set()
    ids: set[str] = set()
    paths = [p for p in (section.old_path, section.new_path) if p]
    titles = [t for t in (section.old_title, section.new_title) if t]
    for number, title in ((section.old_number, section.old_title), (section.new_number, section.new_title)):
        if number and title:  # "A. 和平与安全" as well as "和平与安全"
            keys.add(registry.name_key(f"{number} {title}"))
    for title in titles + [t for path in paths for t in path[:-1]]:
        keys.add(registry.name_key(title))
        keys.update(registry.name_key(short) for short in forms.get(title, ()))
        ids |= organisation_ids(title)
    keys.discard("")
    return keys, ids


def select_sections(comparison: Comparison, names: Sequence[str], old: Document, new: Document) -> Comparison:
    """The comparison cut down to the sections ``names`` pick, in document order.

    Metadata changes are left out: they belong to no section.  Raises
    ``DocdiffError`` naming the sections there are when a name picks none.
    """
    if not names:
        return comparison
    forms = _merge(short_forms(old), short_forms(new))
    picked: set[int] = set()
    for name in names:
        key = registry.name_key(name)
        wanted_id = registry.organisation_id(name)
        hits = set()
        for index, section in enumerate(comparison.sections):
            keys, ids = _names_of_section(section, forms)
            if key and key in keys or wanted_id is not None and wanted_id in ids:
                hits.add(index)
        if not hits:
            raise DocdiffError(f"--org {name!r} matches no section; the sections are: "
                               + "; ".join(known_names(comparison, old, new)))
        picked |= hits
    sections = tuple(s for i, s in enumerate(comparison.sections) if i in picked)
    return replace(comparison, sections=sections, metadata_changes=())


def known_names(comparison: Comparison, old: Document, new: Document) -> list[str]:
    """Each section's title with the short forms the document defines for it:
    '东南亚国家联盟 (东盟)'."""
    forms = _merge(short_forms(old), short_forms(new))
    out: list[str] = []
    for section in comparison.sections:
        for part in section.path[:-1]:  # a part's title picks all its sections
            if part and part not in out:
                out.append(part)
        title = section.title
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
