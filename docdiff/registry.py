"""The organisations these reports are about, as data (``data/organisations.json``).

Used to match an organisation's sections across editions when its name changed
(伊斯兰会议组织 → 伊斯兰合作组织), and to find the sections a user names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path


def name_key(name: str) -> str:
    """Names compared with case, width, spacing, punctuation and a leading "the" folded."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\W_]+", "", text)


@lru_cache(maxsize=1)
def names() -> tuple[tuple[str, str], ...]:
    """Every ``(name, id)`` the registry knows, in any language, short forms included."""
    data = json.loads((Path(__file__).parent / "data" / "organisations.json").read_text("utf-8"))
    return tuple((name, org["id"]) for org in data["organisations"]
                 for field, org_names in org.items() if field not in ("id", "renames") for name in org_names)


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, org_id in names():
        index.setdefault(name_key(name), org_id)
    return index


def organisation_id(name: str) -> str | None:
    """The registry's id for a name or short form of an organisation, if it knows it."""
    return _index().get(name_key(name))
