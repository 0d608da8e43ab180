"""The order of an organisation's lineage rows: the latest edition's paragraphs
in their order, and a row with no paragraph in the latest edition where it
stood in its last edition — next to the paragraphs it stood between there, even
where the paragraph just before it moved away since.

* Three French editions derived from ``tests/fixtures/layouts/edition_fr.txt``
  (``french_editions``, the edits of ``seeds/make_sample_revision.py``: insert,
  split, reword, move, drop, merge), read through the command.
* Over generated histories (hypothesis): editions derived from the seed by the
  edits of ``tests/test_history.Revision`` and moves within a section, whose
  orders are known by construction.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import docdiff
from docdiff.cli import main
from docdiff.lineage import history

from .test_history import SETTINGS, Edition, Revision, seed_edition

FR = Path(__file__).resolve().parent / "fixtures" / "layouts" / "edition_fr.txt"

# ----------------------------------------------------------------------------- three French editions

#: The topics and places of the paragraphs inserted into the 2010 edition (written for this test).
_TOPICS = ("la médiation électorale", "la prévention des conflits", "le maintien de la paix",
           "les droits de l’homme", "la gouvernance démocratique", "la reconstruction après les conflits",
           "l’alerte rapide", "la sécurité maritime", "la lutte contre le terrorisme", "les questions de genre",
           "la protection des civils", "le désarmement")
_PLACES = ("Addis-Abeba", "Nairobi", "Dakar", "Accra", "Abuja", "Kinshasa", "Lusaka", "Maputo", "Bamako",
           "Niamey", "Kigali", "Tunis")


def _inserted(k: int) -> str:
    """A paragraph of two sentences, its own by its topic and place."""
    topic, place = _TOPICS[k], _PLACES[k]
    return (f"Les deux organisations ont renforcé leur coopération dans le domaine de {topic} lors d’une "
            f"réunion tenue à {place}. Les participants sont convenus de poursuivre les consultations sur "
            f"{topic} et d’en rendre compte au Conseil.")


def _edition_text(date: str, paragraphs: list[str]) -> str:
    """The fixture with its masthead date ``date`` and its subsection A (about the
    African Union: its one paragraph says so) titled by that organisation, as a
    report's sections are, holding ``paragraphs``, numbered on from the
    introduction's ¶1; subsection B's paragraph numbered after them."""
    text = FR.read_text("utf-8")
    head, _, rest = text.partition("A.   Paix et sécurité\n\n")
    assert rest, "the fixture's subsection A"
    head = head.replace("3 mars 2020", date)
    _, _, tail = rest.partition("\n\n")  # the fixture's ¶2: the first of ``paragraphs``
    tail = re.sub(r"^3\.", f"{len(paragraphs) + 2}.", tail, flags=re.M)
    body = "".join(f"{n}.     {p}\n\n" for n, p in enumerate(paragraphs, start=2))
    return head + "A.   Union africaine\n\n" + body + tail


def french_editions() -> list[tuple[str, list[tuple[str, str]]]]:
    """(date, the subsection's paragraphs as (id, text)) of the 2010, 2012 and
    2014 editions: 2010 is the fixture's ¶2 and twelve paragraphs inserted after
    it; 2012 splits ¶6 into ¶6 and ¶7 at its sentence break ("b" its second part)
    and rewords 2010's ¶10; 2014 moves the split's first part after 2012's ¶13 (over
    seven paragraphs), drops its second part and merges 2012's ¶14 and ¶15."""
    fixture_p2 = re.search(r"^2\.\s+(.*)$", FR.read_text("utf-8"), re.M)
    assert fixture_p2 is not None
    e2010 = [("p2", fixture_p2[1])] + [(f"p{k + 3}", _inserted(k)) for k in range(12)]
    e2012 = list(e2010)
    first, second = e2012[4][1].split(". ", 1)
    e2012[4:5] = [("p6", first + "."), ("p6b", second)]
    e2012[9] = (e2012[9][0], e2012[9][1].replace("lors d’une réunion", "lors d’une longue réunion"))
    e2014 = list(e2012)
    moved = e2014.pop(4)
    del e2014[4]  # the split's second part, now at the first part's place
    e2014.insert(e2014.index(next(p for p in e2014 if p[0] == e2012[11][0])) + 1, moved)  # after 2012's ¶13
    at = [pid for pid, _ in e2014].index(e2012[12][0])  # 2012's ¶14, then ¶15
    e2014[at:at + 2] = [(e2014[at][0], e2014[at][1] + " " + e2014[at + 1][1])]
    return [("3 mars 2010", e2010), ("3 mars 2012", e2012), ("3 mars 2014", e2014)]


def _numbers(paragraphs: list[tuple[str, str]]) -> dict[str, int]:
    return {pid: n for n, (pid, _) in enumerate(paragraphs, start=2)}


def test_a_split_part_dropped_after_its_first_part_moved_stands_where_it_was(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    editions = french_editions()
    paths = []
    for date, paragraphs in editions:
        path = tmp_path / f"fr_{date[-4:]}.txt"
        path.write_text(_edition_text(date, [text for _, text in paragraphs]), "utf-8")
        paths.append(str(path))
    with pytest.raises(SystemExit):
        main(["history", *paths, "--org", "Union africaine", "--format", "markdown"])
    out = capsys.readouterr().out
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in out.splitlines()
            if line.startswith("| ") and "¶" in line]
    got = [tuple(row[k] for k in (0, 2, 4)) for row in rows]
    # the key, by construction: the paragraphs in 2014's order, the one dropped
    # in 2014 (the split's second part) where it stood in 2012, between ¶5 and ¶8
    numbers = [_numbers(paragraphs) for _, paragraphs in editions]
    order = [pid for pid, _ in editions[2][1]]
    order.insert(order.index("p5") + 1, "p6b")
    absorbed = editions[1][1][13][0]  # 2012's ¶15, merged into ¶14: its row is where it was, after ¶14's
    order.insert(order.index(editions[1][1][12][0]) + 1, absorbed)
    expected = [tuple(f"¶{n[pid]}" if pid in n else "" for n in numbers) for pid in order]
    assert got == expected
    assert rows[order.index("p6b")][1] == "split from ¶6"
    # the pair report of 2012 → 2014 lists the part dropped where it stood too: after ¶5
    pair = docdiff.compare(docdiff.load(paths[1]), docdiff.load(paths[2]))
    union = next(s for s in pair.sections if s.new_title == "Union africaine")
    entries = [(c.status, c.old) for c in union.paragraphs]
    dropped = numbers[1]["p6b"]
    assert entries[entries.index(("removed", (dropped,))) - 1] == ("unchanged", (numbers[1]["p5"],))


# ----------------------------------------------------------------------------- generated histories


class OrderedRevision(Revision):
    """``Revision`` with one more edit: a paragraph moved to the end of its own
    section.  seeds/README.md: a move within a section jumps over at least two
    paragraphs; and the comparison calls the lighter side of a crossing the one
    that moved (``compare._in_order``), so the paragraphs jumped over hold at
    least twice its text — then only the paragraph itself moved.  They are kept
    from the step's other edits, which could make them lighter."""

    def can_move_within(self, pid: str) -> bool:
        slot, k = self._find(pid)
        over = slot.paragraphs[k + 1:]
        return (pid not in self.touched and len(over) >= 2 and not self.touched.intersection(p for p, _ in over)
                and sum(len(text) for _, text in over) >= 2 * len(slot.paragraphs[k][1]))

    def move_within(self, pid: str) -> None:
        assert self.can_move_within(pid), pid
        slot, k = self._find(pid)
        self._touch(pid, *(p for p, _ in slot.paragraphs[k + 1:]))
        slot.paragraphs.append(slot.paragraphs.pop(k))
        self.statuses[pid] = "moved"


@st.composite
def reordered_histories(draw):
    """One to three sections of the seed, then 1–3 later editions each with a few
    edits (removed, added, edited, split, merged, moved within its section, and
    the move of a paragraph with the one after it removed: that one's row has no
    latest paragraph, and its neighbour before it moved away) on paragraphs no
    other edit of the step touches."""
    base = seed_edition()
    start = draw(st.integers(0, len(base.slots) - 2))
    first = Edition(copy.deepcopy(base.slots[start:start + draw(st.integers(1, 3))]), "2010-09-20", dict(base.parts))
    editions, moved = [first], set()
    for step in range(draw(st.integers(1, 3))):
        r = OrderedRevision(editions[-1], f"{2012 + 2 * step}-08-01")
        for k in range(draw(st.integers(1, 6))):
            free = [pid for slot in r.new.slots for pid, _ in slot.paragraphs if pid not in r.touched]
            if not free:
                break
            pid, new_id = draw(st.sampled_from(free)), f"g{step}x{k}"
            op = draw(st.sampled_from(["move", "move and drop the next", "remove", "add", "edit", "split", "merge"]))
            slot, at = r._find(pid)
            text = slot.paragraphs[at][1]
            if op == "move" and r.can_move_within(pid):
                r.move_within(pid)
                moved.add(pid)
            elif op == "move and drop the next" and at + 3 < len(slot.paragraphs):
                after = slot.paragraphs[at + 1][0]  # the paragraph the moved one leaves behind it
                if after not in r.touched:
                    r.remove(after)
                    if r.can_move_within(pid):
                        r.move_within(pid)
                        moved.add(pid)
            elif op == "remove":
                r.remove(pid)
            elif op == "add":
                r.add(pid, new_id)
            elif op == "edit" and len(text) >= 40:
                r.edit(pid)
            elif op == "split" and len(text) >= 80 and "。" in text[len(text) // 4:-len(text) // 4]:
                r.split(pid, new_id)
            elif op == "merge" and r.can_merge(pid):
                r.merge(pid)
        editions.append(r.new)
    return editions, moved


@SETTINGS
@given(reordered_histories())
def test_lineage_rows_keep_every_editions_order_but_for_what_moved(case):
    """In each organisation's rows: the latest edition's paragraphs in its order,
    and every paragraph the derivation did not move in the order of every
    edition that has it there (where it stood, whatever moved around it)."""
    editions, moved = case
    result = history([e.document() for e in editions])
    pid_of = [{n: pid for pid, n in e.numbers().items()} for e in editions]
    for org in result.organisations:
        row = result.index(org)
        for i in range(len(editions)):
            here = [pid_of[i][lin.paragraphs[i]] for lin in result.lineages_of(org)
                    if lin.homes[i] == row and lin.paragraphs[i] is not None]
            order = editions[i].numbers()
            if i == len(editions) - 1:
                assert here == sorted(here, key=order.__getitem__)
            kept = [pid for pid in here if pid not in moved]
            assert kept == sorted(kept, key=order.__getitem__), (i, org.title)


@SETTINGS
@given(reordered_histories())
def test_a_pair_lists_what_did_not_move_in_the_old_editions_order(case):
    """In each pair's report, a section's entries of its own old paragraphs that
    did not move (the unchanged, changed, split, merged and removed ones) stand in
    the old edition's order: a removed paragraph where it stood, even where the
    paragraph before it moved away."""
    editions, _ = case
    result = history([e.document() for e in editions])
    for comparison in result.comparisons:
        for section in comparison.sections:
            olds = [c.old[0] for c in section.paragraphs
                    if c.old and c.status not in ("moved", "added") and c.from_section is None]
            assert olds == sorted(olds), section.new_title or section.old_title


def test_the_seeds_lineage_rows_keep_the_latest_editions_order():
    """The seeds' three editions (their keys record the moves): each
    organisation's rows present in 2014 are in 2014's paragraph order."""
    from .conftest import SEED_ZH, SEEDS

    result = history([docdiff.load(p) for p in (SEED_ZH, SEEDS / "sample_2012.zh.txt", SEEDS / "sample_2014.zh.txt")])
    for org in result.organisations:
        latest = [lin.paragraphs[2] for lin in result.lineages_of(org)
                  if lin.homes[2] == result.index(org) and lin.paragraphs[2] is not None]
        assert latest == sorted(latest)
