"""Whole sessions at once: pair every recurring document of two sessions, compare each pair.

``docdiff.batch(OLD_DIR, NEW_DIR)`` (this module is callable: it is ``run``)
returns a ``Batch``: one ``PairResult`` per pair, sorted by how much of the text
changed, and the documents that found no partner (new, discontinued) or could
not be read.  The steps, each a function below:

1. ``read_editions``: every file read, parsed and described (``Edition``: kind,
   language, title, session, the resolution numbers its text cites) — in
   worker processes, or from the cache.
2. ``plan``: the pairing.  Two documents can be editions of one text only if
   they are of the same kind and language; then the evidence is weighed
   (``evidence``): the new edition cites the old one's resolution number
   ("Recalling its resolution 77/13"), the titles are the same (organisation
   names folded through the registry, so a renamed organisation's resolution
   still pairs), or alike, and they share an agenda item.  A manifest's pairs
   override it.  One folder of many editions is grouped into series the same
   way and each edition paired with the next.
3. ``run``: the pairs compared — one process (``jobs=1``), a process pool, or a
   Dask cluster (``scheduler="tcp://host:8786"``) — each result exactly
   ``compare``'s; a document that fails is a row with its reason.

Cache: parsed documents and comparisons, keyed by the bytes' SHA-256 and by
docdiff's version and code, are kept as pickles under ``cache`` (written to a
temporary file and renamed, so runs sharing the folder never see half a file).
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import os
import pickle
import re
import sys
import tempfile
import types
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from . import __version__, registry
from .conventions import chinese_numeral_value
from .errors import DocdiffError
from .model import (
    PARAGRAPH_STATUSES,
    Comparison,
    Document,
    ParagraphChange,
)
from .readers import DEFAULT_MAX_SIZE, read_regular_file
from .similarity import name_key

#: The format tag of ``Batch.to_dict()``.
FORMAT = "docdiff-batch/1"

#: The file names a folder's editions are read from (others are listed as skipped).
EDITION_SUFFIXES = (".txt", ".text", ".pdf", ".docx")

PairedBy = Literal["manifest", "evidence", "series"]
PairStatus = Literal["compared", "failed", "not run"]

# ----------------------------------------------------------------------------- 1. editions


@dataclass(frozen=True)
class Edition:
    """One document as the pairing sees it: what it is, read from its text."""

    path: str
    digest: str  # SHA-256 of the file's bytes
    kind: str | None = None  # "report", "resolution", "draft resolution", …
    language: str | None = None
    symbol: str | None = None
    title: str | None = None
    session: int | None = None  # the General Assembly session (78), from the symbol or the session line
    date: str | None = None
    resolution_number: str | None = None  # "78/18"
    agenda_items: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()  # resolution numbers its text names (its own excepted)
    organisations: tuple[str, ...] = ()  # registry ids of the organisations its title names
    paragraphs: int = 0
    error: str | None = None  # why it could not be read (then nothing else is known)

    @property
    def name(self) -> str:
        return self.symbol or Path(self.path).name

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.path, "symbol": self.symbol, "kind": self.kind,
                               "language": self.language, "title": self.title, "session": self.session,
                               "date": self.date, "resolution_number": self.resolution_number,
                               "agenda_items": list(self.agenda_items), "paragraphs": self.paragraphs}
        if self.error is not None:
            out["error"] = self.error
        return out


#: A resolution number standing alone ("77/13", "resolutions 75/33 and 76/20"),
#: not the tail of a symbol ("A/78/406") nor a special session's ("S-10/2").
_CITED_NUMBER = re.compile(r"(?<![\w/.\-‐‑–])(\d{1,3})/(\d{1,4})(?![\w/])")
_RESOLUTION_SYMBOL = re.compile(r"^A/RES/(\d{1,3}/\d{1,4})\b")
#: The session in a General Assembly symbol: A/78/…, A/RES/78/…, A/C.1/78/…, A/ES-10/….
_SYMBOL_SESSION = re.compile(r"^A/(?:(?:RES|INF|C\.\d|BUR)/)?(\d{1,3})/")

_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                  "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                  "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                  "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}


def session_number(symbol: str | None, session: str | None) -> int | None:
    """The session a document belongs to: from its General Assembly symbol, or
    its session line as printed ("Seventy-eighth session", "第七十八届会议", "78th session")."""
    if symbol and (m := _SYMBOL_SESSION.match(symbol)):
        return int(m.group(1))
    if not session:
        return None
    if m := re.search(r"第([一二三四五六七八九十百]+)届", session):
        return chinese_numeral_value(m.group(1))
    if m := re.search(r"\d+", session):
        return int(m.group())
    words = re.findall(r"[a-z]+", session.casefold())
    for i, word in enumerate(words):
        if word in _ORDINAL_UNITS:
            tens = _TENS.get(words[i - 1], 0) if i else 0
            return tens + _ORDINAL_UNITS[word]
    return None


def document_text(document: Document) -> Iterator[str]:
    """Every piece of text the parser kept: headings, paragraphs, front matter."""
    for _, section in document.walk():
        yield section.title
        for paragraph in section.paragraphs:
            yield paragraph.text
    front = document.front
    for name in ("summary", "footnotes", "closing"):
        yield from getattr(front, name, ())


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


@lru_cache(maxsize=1)
def _registry_names() -> tuple[tuple[str, str], ...]:
    """The registry's names, folded, longest first; short forms of fewer than
    four characters left out (AU, OIC would match inside other words)."""
    folded = {(_fold(name), org_id) for name, org_id in registry.names()}
    return tuple(sorted(((n, i) for n, i in folded if len(n) >= 4), key=lambda x: (-len(x[0]), x)))


def _is_cjk(text: str) -> bool:
    return any("\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def organisations_named(title: str) -> tuple[tuple[str, str], ...]:
    """``(name as folded, registry id)`` of each organisation a title names,
    longest names first, each stretch of the title used once."""
    text = _fold(title)
    found: list[tuple[str, str]] = []
    for name, org_id in _registry_names():
        pattern = re.escape(name) if _is_cjk(name) else rf"(?<!\w){re.escape(name)}(?!\w)"
        m = re.search(pattern, text)
        if m and org_id not in {i for _, i in found}:
            found.append((name, org_id))
            text = text[:m.start()] + "\x00" + text[m.end():]
    return tuple(found)


def title_key(title: str | None) -> str | None:
    """A title with the organisations it names replaced by their registry ids,
    so that "… and the Organization of the Islamic Conference" and "… and the
    Organisation of Islamic Cooperation" are one title."""
    if not title:
        return None
    text = _fold(title)
    for name, org_id in organisations_named(title):
        text = re.sub(re.escape(name) if _is_cjk(name) else rf"(?<!\w){re.escape(name)}(?!\w)",
                      f"\x00{org_id}\x00", text, count=1)
    return name_key(text.replace("\x00", " ¤ "))


def describe(document: Document, path: str, digest: str) -> Edition:
    """The ``Edition`` of a parsed document."""
    md = document.metadata
    number = getattr(md, "resolution_number", None)
    if number is None and md.symbol and (m := _RESOLUTION_SYMBOL.match(md.symbol)):
        number = m.group(1)
    cites = {f"{int(a)}/{int(b)}" for text in document_text(document) for a, b in _CITED_NUMBER.findall(text)}
    cites.discard(number or "")
    return Edition(
        path=path, digest=digest, kind=getattr(md, "kind", None), language=md.language, symbol=md.symbol,
        title=md.title, session=session_number(md.symbol, md.session), date=md.date, resolution_number=number,
        agenda_items=tuple(md.agenda_items), cites=tuple(sorted(cites, key=_number_order)),
        organisations=tuple(i for _, i in organisations_named(md.title or "")),
        paragraphs=document.paragraph_count,
    )


def _number_order(number: str) -> tuple[int, int]:
    a, _, b = number.partition("/")
    return int(a), int(b)


def _parse_task(path: str, data: bytes) -> tuple[Document | None, str | None]:
    """In a worker: the bytes of one file (text, PDF, Word: the readers tell
    them by their first bytes) to a ``Document``, or the one-line reason it failed."""
    from . import parse_reading
    from .readers import read_bytes

    try:
        return parse_reading(read_bytes(data, path), path), None
    except DocdiffError as exc:
        return None, exc.reason
    except Exception as exc:  # noqa: BLE001 - one bad document never stops a batch
        return None, f"{type(exc).__name__}: {exc}"


# ----------------------------------------------------------------------------- cache


def default_cache_dir() -> Path:
    """The platform's user cache folder: ``$XDG_CACHE_HOME/docdiff`` (default
    ``~/.cache/docdiff``), ``~/Library/Caches/docdiff`` on macOS,
    ``%LOCALAPPDATA%\\docdiff\\Cache`` on Windows."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "docdiff" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "docdiff"
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "docdiff"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """docdiff's version and a hash of its own code and data: a cached result
    is used only by the code that made it (the version alone does not change
    while docdiff is developed)."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".json") and path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:16]}"


class Cache:
    """Pickled results under a folder, one file per key.  Writes go to a
    temporary file in the same folder and are renamed into place, so a reader
    (another run sharing the folder) sees a whole file or none; a file that
    cannot be read back is a miss."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def _path(self, kind: str, *parts: str) -> Path:
        key = hashlib.sha256("\0".join((code_fingerprint(), kind, *parts)).encode()).hexdigest()
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, *parts: str) -> Any:
        try:
            with open(self._path(kind, *parts), "rb") as stream:
                return pickle.load(stream)
        except Exception:  # noqa: BLE001 - a missing, cut or foreign file is a miss, whatever it raises
            return None

    def put(self, kind: str, value: Any, *parts: str) -> None:
        path = self._path(kind, *parts)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # a full or read-only cache slows the next run down, nothing more
            pass


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place."""
    path = Path(path)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


# ----------------------------------------------------------------------------- 2. pairing


@dataclass(frozen=True)
class Pair:
    old: Edition
    new: Edition
    paired_by: PairedBy
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old.to_dict(), "new": self.new.to_dict(), "paired_by": self.paired_by,
                "reasons": list(self.reasons)}


@dataclass(frozen=True)
class Unpaired:
    edition: Edition
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.edition.to_dict(), "reason": self.reason}


@dataclass(frozen=True)
class Plan:
    """The pairing: which documents are compared, and which found no partner."""

    pairs: tuple[Pair, ...]
    new: tuple[Unpaired, ...] = ()  # in the new session only
    discontinued: tuple[Unpaired, ...] = ()  # in the old session only
    unreadable: tuple[Edition, ...] = ()
    skipped: tuple[str, ...] = ()  # files in the folders that are not editions by their name

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairs": [p.to_dict() for p in self.pairs],
            "new": [u.to_dict() for u in self.new],
            "discontinued": [u.to_dict() for u in self.discontinued],
            "unreadable": [{"file": e.path, "error": e.error} for e in self.unreadable],
            "skipped": list(self.skipped),
        }


#: Weights of the evidence that two documents are editions of one text.
WEIGHT_CITES, WEIGHT_TITLE, WEIGHT_SIMILAR_TITLE, WEIGHT_AGENDA = 4, 3, 2, 1
#: Evidence below this is not enough: a shared agenda item alone pairs nothing
#: (a session's agenda item holds many texts, and items are renumbered).
MINIMUM_EVIDENCE = 2
SIMILAR_TITLE = 0.8


def _title_words(title: str) -> set[str]:
    text = _fold(title)
    return set(text) if _is_cjk(text) else set(re.findall(r"\w+", text))


def evidence(old: Edition, new: Edition) -> tuple[int, tuple[str, ...]]:
    """How strongly ``new`` looks like the next edition of ``old``, and why.
    Zero where kind or language differ."""
    if old.error or new.error or old.kind != new.kind or old.language != new.language:
        return 0, ()
    score, reasons = 0, []
    if old.resolution_number and old.resolution_number in new.cites:
        score += WEIGHT_CITES
        reasons.append(f"the new edition cites {old.resolution_number}")
    old_key, new_key = title_key(old.title), title_key(new.title)
    if old_key and old_key == new_key:
        score += WEIGHT_TITLE
        if name_key(old.title or "") == name_key(new.title or ""):
            reasons.append("same title")
        else:
            reasons.append("same title, organisation names followed through the registry")
    elif old.title and new.title:
        a, b = _title_words(old.title), _title_words(new.title)
        similarity = 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0
        if similarity >= SIMILAR_TITLE:
            score += WEIGHT_SIMILAR_TITLE
            reasons.append(f"similar titles ({similarity:.2f} of their words shared)")
    shared_items = sorted(set(old.agenda_items) & set(new.agenda_items))
    if shared_items:
        score += WEIGHT_AGENDA
        reasons.append("same agenda item " + ", ".join(shared_items[:3]) + (" …" if len(shared_items) > 3 else ""))
    if score:
        what = " ".join(x for x in (new.language, new.kind) if x) or "document"
        reasons.insert(0, f"both {what}")
    return score, tuple(reasons)


def _order(edition: Edition) -> tuple[int, str, str]:
    return (edition.session or 0, edition.date or "", edition.path)


def _name_shape(path: str) -> str:
    """A file name without its digits: a last tie-break between equal candidates
    (``sample_en_2010.txt`` goes on in ``sample_en_2012.txt``, not ``….src.txt``)."""
    return re.sub(r"\d+", "#", Path(path).name)


def pair_folders(old: Sequence[Edition], new: Sequence[Edition]) -> tuple[list[Pair], list[Edition], list[Edition]]:
    """Each new edition with the old one it continues, the strongest evidence
    first (then the nearest session before it, then alike file names):
    ``(pairs, new editions unpaired, old editions unpaired)``."""
    candidates = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            score, reasons = evidence(a, b)
            if score >= MINIMUM_EVIDENCE:
                gap = (b.session - a.session) if a.session is not None and b.session is not None else 0
                distance = gap if gap > 0 else 1000 - gap  # a later session first, the nearest
                same_shape = _name_shape(a.path) == _name_shape(b.path)
                candidates.append((-score, distance, not same_shape, i, j, reasons))
    candidates.sort()
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs: dict[int, Pair] = {}
    for _, _, _, i, j, reasons in candidates:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs[j] = Pair(old[i], new[j], "evidence", reasons)
    return ([pairs[j] for j in sorted(pairs)],
            [b for j, b in enumerate(new) if j not in taken_new],
            [a for i, a in enumerate(old) if i not in taken_old])


def group_series(editions: Sequence[Edition]) -> list[list[Edition]]:
    """Editions of one text grouped (same kind and language, and the same title
    through the registry or a citation of the other's number), each group in
    session and date order."""
    parent = list(range(len(editions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_number = {e.resolution_number: i for i, e in enumerate(editions) if e.resolution_number}
    by_title: dict[tuple[Any, ...], int] = {}
    for i, e in enumerate(editions):
        if e.error:
            continue
        key = title_key(e.title)
        if key:
            first = by_title.setdefault((e.kind, e.language, key), i)
            parent[root(i)] = root(first)
        for number in e.cites:
            j = by_number.get(number)
            if j is not None and evidence(editions[j], e)[0] >= MINIMUM_EVIDENCE:
                parent[root(i)] = root(j)
    groups: dict[int, list[Edition]] = defaultdict(list)
    for i, e in enumerate(editions):
        groups[root(i)].append(e)
    return sorted((sorted(g, key=_order) for g in groups.values()), key=lambda g: _order(g[0]))


def read_manifest(path: str | os.PathLike[str]) -> list[tuple[str, str]]:
    """A manifest: one pair a line, ``OLD<TAB>NEW`` (or two paths separated by
    white space when neither has a space), paths relative to the manifest's
    folder; blank lines and lines starting with ``#`` are skipped."""
    from . import read_text

    base = Path(path).parent
    pairs = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        fields = [f.strip() for f in fields if f.strip()]
        if len(fields) != 2:
            raise DocdiffError(f"line {number}: a pair is two paths, OLD and NEW, separated by a tab", path)
        pairs.append((str(base / fields[0]), str(base / fields[1])))
    return pairs


def _same_file_key(path: str) -> str:
    """A path as the manifest and the folders may both spell it (relative or absolute, ``./``)."""
    return os.path.normcase(os.path.abspath(path))


def plan(editions_old: Sequence[Edition], editions_new: Sequence[Edition] | None = None,
         manifest: Sequence[tuple[str, str]] = (), skipped: Sequence[str] = ()) -> Plan:
    """The pairing of two folders' editions (``editions_new`` given), or of one
    folder's editions grouped into series; the ``manifest``'s pairs (paths)
    first, and its documents paired with nothing else."""
    everything = list(editions_old) + list(editions_new or ())
    by_path = {_same_file_key(e.path): e for e in everything}
    pairs: list[Pair] = []
    used: set[str] = set()
    for old_path, new_path in manifest:
        a, b = by_path[_same_file_key(old_path)], by_path[_same_file_key(new_path)]
        reasons = evidence(a, b)[1] or ("no evidence of its own: the manifest says so",)
        pairs.append(Pair(a, b, "manifest", ("listed in the manifest", *reasons)))
        used.update((_same_file_key(old_path), _same_file_key(new_path)))
    unreadable = tuple(e for e in everything if e.error and _same_file_key(e.path) not in used)

    def free(editions: Iterable[Edition]) -> list[Edition]:
        return [e for e in editions if not e.error and _same_file_key(e.path) not in used]

    if editions_new is not None:
        found, new_only, old_only = pair_folders(free(editions_old), free(editions_new))
        pairs.extend(found)
        new = tuple(Unpaired(e, "no edition in the old folder of its kind and language with its title "
                                "or a resolution number it cites") for e in new_only)
        discontinued = tuple(Unpaired(e, _discontinued_reason(e, pairs)) for e in old_only)
    else:
        new_list: list[Unpaired] = []
        discontinued_list: list[Unpaired] = []
        for series in group_series(free(editions_old)):
            if len(series) == 1:
                new_list.append(Unpaired(series[0], "the only edition of its series in the folder"))
                continue
            # Editions of one session and date are one edition (copies, other layouts): each
            # session's are paired with the next session's as two folders' are.
            sessions = [list(g) for _, g in itertools.groupby(series, key=lambda e: (e.session, e.date))]
            for earlier, later in itertools.pairwise(sessions):
                found, later_left, earlier_left = pair_folders(earlier, later)
                pairs.extend(dataclasses.replace(p, paired_by="series", reasons=("next in its series", *p.reasons))
                             for p in found)
                new_list.extend(Unpaired(e, "no edition of the session before continues into it") for e in later_left)
                discontinued_list.extend(Unpaired(e, "no edition of the next session continues it")
                                         for e in earlier_left)
        new = tuple(new_list)
        discontinued = tuple(discontinued_list)
    return Plan(tuple(pairs), new, discontinued, unreadable, tuple(skipped))


def _discontinued_reason(edition: Edition, pairs: Sequence[Pair]) -> str:
    later = [p for p in pairs if evidence(edition, p.new)[0] >= MINIMUM_EVIDENCE]
    if later:
        return f"an earlier edition: {later[0].new.name} continues {later[0].old.name}"
    return "no edition in the new folder continues it"


# ----------------------------------------------------------------------------- 3. results


def change_score(changes: Iterable[ParagraphChange]) -> float:
    """The share of the text changed: characters deleted and inserted, over the
    characters of both editions (a paragraph moved unchanged, or changed in
    formatting only, changes none)."""
    changed = total = 0
    for change in changes:
        total += len(change.old_text) + len(change.new_text)
        if change.formatting_only or change.old_text == change.new_text:
            continue
        changed += sum(len(text) for op, text in change.diff if op != "=")
    return changed / total if total else 0.0


@dataclass(frozen=True)
class OrganisationRow:
    """One organisation (as the registry knows it) in one pair: a report's
    section about it, or a whole resolution whose title names it."""

    id: str
    title: str
    kind: str | None
    old: str
    new: str
    summary: dict[str, int]
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "kind": self.kind, "old": self.old, "new": self.new,
                "summary": self.summary, "score": round(self.score, 4)}


@dataclass(frozen=True)
class PairResult:
    pair: Pair
    status: PairStatus
    summary: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PARAGRAPH_STATUSES, 0))
    score: float = 0.0
    metadata_changes: tuple[str, ...] = ()  # the fields that differ
    organisations: tuple[OrganisationRow, ...] = ()
    error: str | None = None
    cached: bool = field(default=False, compare=False)
    report: str | None = None  # the per-pair report's file, relative to the overview

    @property
    def has_differences(self) -> bool:
        return self.status != "compared" or bool(self.metadata_changes) or any(
            n for status, n in self.summary.items() if status != "unchanged")

    def to_dict(self) -> dict[str, Any]:
        return {**self.pair.to_dict(), "status": self.status, "error": self.error, "summary": self.summary,
                "score": round(self.score, 4), "metadata_changes": list(self.metadata_changes),
                "report": self.report}


def result_of(pair: Pair, comparison: Comparison, cached: bool = False) -> PairResult:
    rows = []
    whole = pair.new.organisations or pair.old.organisations
    for org_id in whole:  # a resolution about one organisation: all of it
        rows.append(OrganisationRow(org_id, pair.new.title or pair.old.title or "", pair.new.kind, pair.old.name,
                                    pair.new.name, comparison.summary, change_score(comparison.paragraph_changes())))
    if not whole:
        for section in comparison.sections:
            ids = (registry.organisation_id(t) for t in (section.new_title, section.old_title) if t)
            section_org = next((i for i in ids if i), None)
            if section_org is not None:
                rows.append(OrganisationRow(section_org, section.title, f"{pair.new.kind or 'document'} section",
                                            pair.old.name, pair.new.name, section.counts(),
                                            change_score(section.paragraphs)))
    return PairResult(pair, "compared", comparison.summary, change_score(comparison.paragraph_changes()),
                      tuple(c.field for c in comparison.metadata_changes), tuple(rows), cached=cached)


@dataclass(frozen=True)
class Batch:
    """The result of ``batch``: every pair's result, most changed first."""

    plan: Plan
    results: tuple[PairResult, ...]
    interrupted: bool = False

    @property
    def has_differences(self) -> bool:
        return bool(self.plan.new or self.plan.discontinued or self.plan.unreadable) or any(
            r.has_differences for r in self.results)

    def organisations(self) -> list[tuple[str, list[OrganisationRow]]]:
        """Per organisation the registry knows, its rows across pairs and
        document kinds, most changed first."""
        rows: dict[str, list[OrganisationRow]] = defaultdict(list)
        for result in self.results:
            for row in result.organisations:
                rows[row.id].append(row)
        ordered = sorted(rows.items(), key=lambda item: (-max(r.score for r in item[1]), item[0]))
        return [(org_id, sorted(found, key=lambda r: (-r.score, r.old, r.new))) for org_id, found in ordered]

    def to_dict(self) -> dict[str, Any]:
        """The ``docdiff-batch/1`` JSON shape."""
        planned = self.plan.to_dict()
        del planned["pairs"]
        return {
            "format": FORMAT,
            "interrupted": self.interrupted,
            "pairs": [r.to_dict() for r in self.results],
            **planned,
            "organisations": [{"id": org_id, "rows": [r.to_dict() for r in rows]}
                              for org_id, rows in self.organisations()],
        }


def _sorted_results(results: Iterable[PairResult]) -> tuple[PairResult, ...]:
    rank = {"failed": 0, "compared": 1, "not run": 2}
    return tuple(sorted(results, key=lambda r: (rank[r.status], -round(r.score, 12), r.pair.old.path,
                                                r.pair.new.path)))


# ----------------------------------------------------------------------------- engines


class _Engine:
    """Runs tasks somewhere and hands back their results as they finish."""

    def submit(self, function: Callable[..., Any], *args: Any) -> Any:
        raise NotImplementedError

    def completed(self, handles: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        """``(handle, result)`` as each task finishes."""
        raise NotImplementedError

    def cancel(self, handles: Sequence[Any]) -> None:
        pass

    def close(self) -> None:
        pass


class _InProcess(_Engine):
    def submit(self, function: Callable[..., Any], *args: Any) -> Any:
        return (function, args)

    def completed(self, handles: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        for handle in handles:
            function, args = handle
            yield handle, function(*args)


class _ProcessPool(_Engine):
    def __init__(self, jobs: int) -> None:
        from .pool import process_pool

        self.pool = process_pool(jobs)

    def submit(self, function: Callable[..., Any], *args: Any) -> Any:
        return self.pool.submit(function, *args)

    def completed(self, handles: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        from concurrent.futures import as_completed

        for future in as_completed(handles):
            yield future, future.result()

    def cancel(self, handles: Sequence[Any]) -> None:
        for future in handles:
            future.cancel()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


#: How long to wait for a Dask scheduler to answer.
CONNECT_TIMEOUT = "10s"


class _Dask(_Engine):
    """A Dask distributed cluster: the scheduler's address, or a ``Client``."""

    def __init__(self, scheduler: Any) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise DocdiffError("--scheduler needs Dask: pip install 'docdiff[dask]'") from None
        if isinstance(scheduler, Client):
            self.client, self.own = scheduler, False
        else:
            try:
                self.client, self.own = Client(scheduler, timeout=CONNECT_TIMEOUT), True
            except (OSError, TimeoutError, ValueError) as exc:
                raise DocdiffError(f"cannot reach the Dask scheduler: {exc}", str(scheduler)) from None

    def submit(self, function: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(function, *args, pure=False)

    def completed(self, handles: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        from distributed import as_completed

        for future in as_completed(handles):
            yield future, future.result()

    def cancel(self, handles: Sequence[Any]) -> None:
        self.client.cancel(list(handles))

    def close(self) -> None:
        if self.own:
            self.client.close()


def _engine(jobs: int | None, scheduler: Any) -> _Engine:
    if scheduler is not None:
        return _Dask(scheduler)
    from .pool import default_jobs

    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise DocdiffError("--jobs must be at least 1")
    return _InProcess() if jobs == 1 else _ProcessPool(jobs)


# ----------------------------------------------------------------------------- tasks


def _compare_task(old: Document, new: Document, comparison: Comparison | None,
                  formats: tuple[str, ...]) -> tuple[Comparison | None, dict[str, str | bytes], str | None]:
    """In a worker: compare two editions (unless the cache had it) and write
    each requested pair report; or the one-line reason it failed."""
    from . import compare

    try:
        if comparison is None:
            comparison = compare(old, new)
        return comparison, {f: _pair_report(comparison, f) for f in formats}, None
    except Exception as exc:  # noqa: BLE001 - one bad pair never stops a batch
        return None, {}, f"{type(exc).__name__}: {exc}"


def _pair_report(comparison: Comparison, format: str) -> str | bytes:
    from .render.formats import render

    return render(comparison, format)


#: Reported as the work goes on: ``(stage, done, total, result)``; the stage
#: is "reading" (a file parsed; result None) or "comparing" (a pair's result).
Progress = Callable[[str, int, int, "PairResult | None"], None]


def read_editions(paths: Sequence[str], engine: _Engine, cache: Cache | None, progress: Progress | None = None
                  ) -> tuple[list[Edition], dict[str, Document]]:
    """Every file read, parsed (in the engine's workers, unless the cache has
    it) and described; a file that fails is an ``Edition`` with its reason."""
    editions: dict[str, Edition] = {}
    documents: dict[str, Document] = {}
    handles: dict[Any, tuple[str, str]] = {}
    for path in paths:
        try:
            data = read_regular_file(path, DEFAULT_MAX_SIZE)
        except DocdiffError as exc:
            editions[path] = Edition(path, "", error=exc.reason)
            continue
        digest = hashlib.sha256(data).hexdigest()
        cached = cache.get("document", digest) if cache else None
        if isinstance(cached, Document):
            documents[path] = dataclasses.replace(cached, source=path)
            editions[path] = describe(documents[path], path, digest)
        else:
            handles[engine.submit(_parse_task, path, data)] = (path, digest)
    if progress is not None:
        progress("reading", len(paths) - len(handles), len(paths), None)
    try:
        for count, (handle, (document, error)) in enumerate(engine.completed(list(handles)), len(paths) - len(handles) + 1):
            if progress is not None:
                progress("reading", count, len(paths), None)
            path, digest = handles[handle]
            if document is None:
                editions[path] = Edition(path, digest, error=error)
                continue
            documents[path] = document
            editions[path] = describe(document, path, digest)
            if cache:
                cache.put("document", dataclasses.replace(document, source=None), digest)
    except BaseException:
        engine.cancel(list(handles))
        raise
    return [editions[p] for p in paths], documents


def editions_in(folder: str | os.PathLike[str]) -> tuple[list[str], list[str]]:
    """``(edition files, other files)`` under a folder, in name order; hidden
    files and folders are left out."""
    root = Path(folder)
    if not root.is_dir():
        raise DocdiffError("not a folder" if root.exists() else "no such folder", root)
    editions: list[str] = []
    others: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            (editions if name.lower().endswith(EDITION_SUFFIXES) else others).append(path)
    return editions, others


def run(old: str | os.PathLike[str] | None = None, new: str | os.PathLike[str] | None = None, *,
        manifest: str | os.PathLike[str] | Sequence[tuple[str, str]] | None = None,
        jobs: int | None = None, scheduler: Any = None, cache: str | os.PathLike[str] | None = None,
        formats: Sequence[str] = (), progress: Progress | None = None,
        reports: Callable[[PairResult, dict[str, str | bytes]], str | None] | None = None,
        dry_run: bool = False) -> Batch:
    """Pair and compare whole sessions.

    ``old`` and ``new``: two folders (the editions of two sessions); ``old``
    alone: one folder of many editions, grouped into series; ``manifest``: a
    file of pairs (or the pairs as paths), which override the pairing — alone,
    exactly those pairs are compared.  ``jobs``: processes (default every
    core); ``scheduler``: a Dask scheduler's address (``tcp://host:8786``) or a
    ``distributed.Client`` instead.  ``cache``: a folder for parsed documents
    and comparisons.  ``formats``: pair reports to render in the workers
    (``"html"``, ``"json"``, …), handed to ``reports`` with each result, which
    returns the report's file name for the overview.  ``dry_run``: the pairing
    only (the results are all "not run").

    Ctrl-C stops the run: what is done is returned, with ``interrupted`` set.
    """
    manifest_pairs = (read_manifest(manifest) if isinstance(manifest, (str, os.PathLike))
                      else list(manifest or ()))
    old_files: list[str] = []
    new_files: list[str] = []
    skipped: list[str] = []
    for folder, files in ((old, old_files), (new, new_files)):
        if folder is not None:
            found, others = editions_in(folder)
            files.extend(found)
            skipped.extend(others)
    listed = [p for pair in manifest_pairs for p in pair]
    if not (old_files or new_files or listed):
        raise DocdiffError("no editions to compare (no .txt, .pdf or .docx files, no manifest)",
                           os.fspath(old) if old is not None else None)
    known = {_same_file_key(p) for p in old_files + new_files}
    extra = list(dict.fromkeys(p for p in listed if _same_file_key(p) not in known))
    store = Cache(cache) if cache is not None else None
    engine = _engine(jobs, scheduler)
    try:
        if new is None and old is None:  # a manifest alone
            editions, documents = read_editions(extra, engine, store, progress)
            the_plan = plan(editions, [], manifest_pairs)
            the_plan = dataclasses.replace(the_plan, new=(), discontinued=())
        else:
            editions, documents = read_editions(old_files + new_files + extra, engine, store, progress)
            by_path = {e.path: e for e in editions}
            olds = [by_path[p] for p in old_files] + [by_path[p] for p in extra]
            news = [by_path[p] for p in new_files] if new is not None else None
            the_plan = plan(olds, news, manifest_pairs, skipped)
        if dry_run:
            return Batch(the_plan, tuple(PairResult(p, "not run") for p in the_plan.pairs))
        return _compare_all(the_plan, documents, engine, store, tuple(formats), progress, reports)
    except KeyboardInterrupt:
        if "the_plan" not in locals():
            raise
        return Batch(the_plan, tuple(PairResult(p, "not run") for p in the_plan.pairs), interrupted=True)
    finally:
        engine.close()


def _compare_all(the_plan: Plan, documents: dict[str, Document], engine: _Engine, cache: Cache | None,
                 formats: tuple[str, ...], progress: Progress | None,
                 reports: Callable[[PairResult, dict[str, str | bytes]], str | None] | None) -> Batch:
    done: dict[int, PairResult] = {}
    handles: dict[Any, int] = {}
    cached_comparisons: dict[int, Comparison] = {}
    total = len(the_plan.pairs)

    def finish(index: int, result: PairResult, texts: dict[str, str | bytes]) -> None:
        if reports is not None and result.status == "compared":
            result = dataclasses.replace(result, report=reports(result, texts))
        done[index] = result
        if progress is not None:
            progress("comparing", len(done), total, result)

    for index, pair in enumerate(the_plan.pairs):
        old_document, new_document = documents.get(pair.old.path), documents.get(pair.new.path)
        if old_document is None or new_document is None:
            failed = pair.old if old_document is None else pair.new
            finish(index, PairResult(pair, "failed", error=f"{failed.path}: {failed.error}"), {})
            continue
        comparison = cache.get("comparison", pair.old.digest, pair.new.digest) if cache else None
        if isinstance(comparison, Comparison):
            comparison = _with_files(comparison, pair)
            cached_comparisons[index] = comparison
            if not formats:
                finish(index, result_of(pair, comparison, cached=True), {})
                continue
        handles[engine.submit(_compare_task, old_document, new_document, cached_comparisons.get(index),
                              formats)] = index
    try:
        for handle, (comparison, texts, error) in engine.completed(list(handles)):
            index = handles[handle]
            pair = the_plan.pairs[index]
            if comparison is None:
                finish(index, PairResult(pair, "failed", error=error), {})
                continue
            if cache and index not in cached_comparisons:
                cache.put("comparison", _with_files(comparison, None), pair.old.digest, pair.new.digest)
            finish(index, result_of(pair, comparison, cached=index in cached_comparisons), texts)
    except KeyboardInterrupt:
        engine.cancel(list(handles))
        results = [done.get(i, PairResult(p, "not run")) for i, p in enumerate(the_plan.pairs)]
        return Batch(the_plan, _sorted_results(results), interrupted=True)
    return Batch(the_plan, _sorted_results(done[i] for i in range(total)))


def _with_files(comparison: Comparison, pair: Pair | None) -> Comparison:
    """A comparison with its editions' file names set to the pair's (None:
    cleared, as it is cached: the same bytes may lie under another name)."""
    return dataclasses.replace(
        comparison,
        old=dataclasses.replace(comparison.old, file=pair.old.path if pair else None),
        new=dataclasses.replace(comparison.new, file=pair.new.path if pair else None),
    )


class _CallableModule(types.ModuleType):
    """``docdiff.batch(...)`` is ``docdiff.batch.run(...)``: the module and the
    function share the name, and importing the module (as every worker does)
    must not hide the function."""

    def __call__(self, *args: Any, **kwargs: Any) -> Batch:
        return run(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
