"""The organisations these reports are about, as data (``data/organisations.json``).

Used to match an organisation's sections across editions when its name changed
(伊斯兰会议组织 → 伊斯兰合作组织), and to find the sections a user names.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .similarity import name_key


@lru_cache(maxsize=1)
def names() -> tuple[tuple[str, str], ...]:
    """Every ``(name, id)`` the registry knows, in any language, short forms included."""
    import json  # here, not at import: a comparison without a renamed section never reads the registry
    data = json.loads((Path(__file__).parent / "data" / "organisations.json").read_text("utf-8"))
    return tuple((name, org["id"]) for org in data["organisations"]
                 for field, org_names in org.items() if field not in ("id", "renames") for name in org_names)


@lru_cache(maxsize=1)
def by_name_key() -> dict[str, str]:
    """``similarity.name_key`` of every name the registry knows → its organisation's id."""
    index: dict[str, str] = {}
    for name, org_id in names():
        index.setdefault(name_key(name), org_id)
    return index


def organisation_id(name: str) -> str | None:
    """The registry's id for a name or short form of an organisation, if it knows it."""
    return by_name_key().get(name_key(name))
