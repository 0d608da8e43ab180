"""Successive editions: organisations followed through renames, paragraphs
followed as lineages (conventions in seeds/README.md, "History key").

* On the seeds' three editions: every lineage of ``sample_history.zh.key.json``.
* On editions docdiff has not seen: editions derived here from the seeds by the
  edits of ``Revision`` (below), each edit recording what it does to the
  paragraphs it touches, so the lineages are known by construction.
* Over generated histories (hypothesis): the rules that hold whatever the pair
  comparison judges.
* The command: formats, ordering, exit statuses and errors.
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import docdiff
from docdiff.cli import main
from docdiff.lineage import History, history, load_history
from docdiff.model import Document, Metadata, Paragraph, Section

from .conftest import SEED_ZH, SEEDS

S2012, S2014 = SEEDS / "sample_2012.zh.txt", SEEDS / "sample_2014.zh.txt"
HISTORY_KEY = SEEDS / "sample_history.zh.key.json"


#: Rows outside the numbered body the keys cover: the summary, footnotes, closing lines.
OUTSIDE_KEYS = ("summary", "footnotes", "closing")


def lineage_set(result: History) -> set[tuple[tuple, tuple]]:
    """The lineages of numbered paragraphs (the keys' scope)."""
    return {(tuple(lin.paragraphs), tuple(lin.statuses)) for lin in result.lineages()
            if any(n is not None for n in lin.paragraphs)}


def body_rows(result: History):
    return [org for org in result.organisations if org.kind not in OUTSIDE_KEYS]


@pytest.fixture(scope="module")
def seeds_history() -> History:
    # given out of order: the masthead dates put them right
    return load_history([S2014, SEED_ZH, S2012])


# ----------------------------------------------------------------------------- the seeds' editions


def test_editions_are_sorted_by_masthead_date(seeds_history):
    assert [Path(e.file).name for e in seeds_history.editions] == \
        [SEED_ZH.name, "sample_2012.zh.txt", "sample_2014.zh.txt"]
    assert [e.metadata.date for e in seeds_history.editions] == ["2010-09-20", "2012-08-13", "2014-08-05"]
    assert [e.paragraphs for e in seeds_history.editions] == [191, 189, 189]


def test_every_lineage_of_the_key_comes_out(seeds_history):
    key = json.loads(HISTORY_KEY.read_text("utf-8"))
    assert key["editions"] == [Path(e.file).name for e in seeds_history.editions]
    expected = {(tuple(c["paragraphs"]), tuple(c["statuses"])) for c in key["chains"]}
    got = lineage_set(seeds_history)
    assert sorted(expected - got, key=str) == [] and sorted(got - expected, key=str) == []
    assert len([lin for lin in seeds_history.lineages() if any(n is not None for n in lin.paragraphs)]) \
        == len(key["chains"])


def test_every_paragraph_of_every_edition_is_in_exactly_one_lineage(seeds_history):
    for i, edition in enumerate(seeds_history.editions):
        numbers = sorted(lin.paragraphs[i] for lin in seeds_history.lineages() if lin.paragraphs[i] is not None)
        assert numbers == list(range(1, edition.paragraphs + 1))


def test_a_paragraph_edited_twice_is_one_lineage(seeds_history):
    # seeds/README.md: ¶7 → 8 → 8, the year 2010 → 2012 → 2014
    lineage = next(lin for lin in seeds_history.lineages() if lin.paragraphs[0] == 7)
    assert lineage.paragraphs == (7, 8, 8) and lineage.statuses == ("changed", "changed")
    assert "2012" in lineage.changes[0].new_text and "2014" in lineage.changes[1].new_text


def test_splits_follow_the_first_part_and_merges_end_the_other_parts(seeds_history):
    lineages = lineage_set(seeds_history)
    assert ((None, 11, 11), ("split", "unchanged")) in lineages
    assert ((23, None, None), ("merged", None)) in lineages
    first = next(lin for lin in seeds_history.lineages() if lin.paragraphs[0] == 22)
    assert first.paragraphs[1] == 24 and first.statuses[0] == "merged"


def test_organisations_are_followed_through_renames(seeds_history):
    titles = [org.titles for org in seeds_history.organisations]
    assert ("伊斯兰会议组织", "伊斯兰合作组织", "伊斯兰合作组织") in titles
    assert ("欧亚经济共同体", "欧亚经济共同体", "欧亚经济联盟") in titles
    oic = seeds_history.find("伊斯兰会议组织")[0]
    assert [s.status for s in oic.steps] == ["renamed", "unchanged"]
    assert oic.paragraph_counts == (11, 12, 12)


def test_organisations_appear_and_are_dropped(seeds_history):
    by_title = {org.title: org for org in seeds_history.organisations}
    sela = by_title["拉丁美洲和加勒比经济体系"]
    assert sela.titles == ("拉丁美洲和加勒比经济体系", None, None)
    assert [(s.start, s.status) for s in sela.steps] == [(0, "removed")]
    assert by_title["黑海经济合作组织"].titles[2] is None
    assert [(s.start, s.status) for s in by_title["国际移民组织"].steps] == [(0, "added"), (1, "changed")]
    assert [(s.start, s.status) for s in by_title["中欧倡议国"].steps] == [(1, "added")]
    assert by_title["中欧倡议国"].paragraph_counts == (None, None, 3)


def test_organisation_steps_agree_with_the_pair_keys(seeds_history):
    for i, name in enumerate(["sample_2012.zh.key.json", "sample_2014.zh.key.json"]):
        key = json.loads((SEEDS / name).read_text("utf-8"))
        got = {(s.change.old_title, s.change.new_title, s.status)
               for org in body_rows(seeds_history) for s in org.steps if s.start == i}
        assert got == {(s["old_title"], s["new_title"], s["status"]) for s in key["sections"]}


def test_paragraph_counts_add_up_to_the_edition(seeds_history):
    for i, edition in enumerate(seeds_history.editions):
        assert sum(org.paragraph_counts[i] or 0 for org in body_rows(seeds_history)) == edition.paragraphs


def test_a_paragraph_that_moved_between_organisations_is_in_both_their_stories(seeds_history):
    africa, caribbean = seeds_history.find("非洲联盟")[0], seeds_history.find("加勒比共同体")[0]
    moved = [lin for lin in seeds_history.lineages_of(africa) if lin in seeds_history.lineages_of(caribbean)]
    assert [(lin.paragraphs, lin.statuses) for lin in moved] == [((44, 9, 9), ("moved", "unchanged"))]
    assert moved[0] in africa.lineages  # listed where it ended up
    assert caribbean.step(0).moved_out == 1


def test_find_knows_short_forms_registry_names_and_former_names(seeds_history):
    def titles(name):
        return [o.title for o in seeds_history.find(name)]

    assert titles("非盟") == titles("African Union") == ["非洲联盟"]
    assert titles("东盟") == titles("ASEAN") == ["东南亚国家联盟"]  # 东盟: a short form the text defines
    assert titles("Organization of the Islamic Conference") == titles("伊斯兰会议组织") == ["伊斯兰合作组织"]
    assert titles("SELA") == ["拉丁美洲和加勒比经济体系"]  # dropped in 2012, still found
    assert len(titles("IPU")) == 8  # part 三 names the IPU: its subsections A–H
    assert titles("C. 和平与安全") == ["和平与安全"]
    assert titles("no such organisation") == []
    assert {"中非国家经济共同体", "欧亚经济联盟"} <= set(titles("经济共同体"))  # else: part of a title
    with pytest.raises(docdiff.DocdiffError, match="matches no organisation; the organisations are: Summary; 引言; 非洲联盟"):
        seeds_history.pick(["非盟", "nowhere"])
    assert [o.title for o in seeds_history.pick(["ASEAN", "非盟"])] == ["非洲联盟", "东南亚国家联盟"]


def test_json_shape(seeds_history):
    data = json.loads(json.dumps(seeds_history.to_dict(), ensure_ascii=False))
    assert data["format"] == "docdiff-history/2"
    assert [set(e) for e in data["editions"]] == [{"file", "metadata", "paragraphs", "warnings"}] * 3
    for org in data["organisations"]:
        assert {"titles", "steps", "lineages"} <= set(org)
        assert len(org["titles"]) == 3
        for step in org["steps"]:
            assert step["to"] == step["from"] + 1
            assert step["status"] in ("unchanged", "changed", "renamed", "added", "removed")
            assert set(step["summary"]) == {"unchanged", "changed", "added", "removed", "moved", "split", "merged"}
        for lineage in org["lineages"]:
            assert set(lineage) == {"paragraphs", "index", "statuses"}
            assert len(lineage["paragraphs"]) == 3 and len(lineage["statuses"]) == 2 and len(lineage["index"]) == 3
            # present where it has a reference; a number only where it has a reference
            assert all(n is None or i is not None for n, i in zip(lineage["paragraphs"], lineage["index"]))
    with_diffs = seeds_history.to_dict(diffs=True)
    edited = next(lin for org in with_diffs["organisations"] for lin in org["lineages"]
                  if lin["statuses"] == ["changed", "changed"])
    assert all(d and {op for op, _ in d} >= {"-", "+"} for d in edited["diffs"])


def test_keep_order_keeps_the_given_order():
    documents = [docdiff.load(p) for p in (S2014, S2012)]
    result = history(documents, keep_order=True)
    assert [e.metadata.date for e in result.editions] == ["2014-08-05", "2012-08-13"]
    # backwards, the paragraph 2014 added (¶14) is removed
    assert ((None, 14), ("added",)) in lineage_set(history(documents))
    assert ((14, None), ("removed",)) in lineage_set(result)


def test_an_edition_without_a_date_is_named():
    dated = docdiff.load(SEED_ZH)
    undated = replace(dated, metadata=replace(dated.metadata, date=None), source="undated.txt")
    with pytest.raises(docdiff.DocdiffError, match=r"^undated.txt: no masthead date.*--keep-order"):
        history([dated, undated])
    assert len(history([dated, undated], keep_order=True).editions) == 2


# ----------------------------------------------------------------------------- derived editions


@dataclass
class Slot:
    """A section holding paragraphs, as the derivation edits it."""

    parent: tuple[str, ...]  # titles above it: () for a part holding paragraphs itself
    kind: str
    number: str | None
    title: str
    paragraphs: list[tuple[str, str]]  # (paragraph id, text)


@dataclass
class Edition:
    slots: list[Slot]
    date: str
    parts: dict[str, str | None] = field(default_factory=dict)  # part title → number

    def numbers(self) -> dict[str, int]:
        pids = [pid for slot in self.slots for pid, _ in slot.paragraphs]
        return {pid: i for i, pid in enumerate(pids, start=1)}

    def document(self) -> Document:
        """The edition as a ``Document``, paragraphs numbered 1, 2, 3 … in order."""
        number = 0
        top: list[Section] = []
        for slot in self.slots:
            paragraphs = []
            for _, text in slot.paragraphs:
                number += 1
                paragraphs.append(Paragraph(number, text))
            section = Section(slot.kind, slot.title, slot.number, tuple(paragraphs))  # type: ignore[arg-type]
            if not slot.parent:
                top.append(section)
            elif top and top[-1].title == slot.parent[-1] and not top[-1].paragraphs:
                top[-1] = replace(top[-1], sections=(*top[-1].sections, section))
            else:
                top.append(Section("part", slot.parent[-1], self.parts.get(slot.parent[-1]), (), (section,)))
        return Document(metadata=Metadata(date=self.date), sections=tuple(top), source=f"derived-{self.date}")


def edition_of(document: Document, tag: str) -> Edition:
    slots = [Slot(tuple(s.title for s in path[:-1]), section.kind, section.number, section.title,
                  [(f"{tag}{p.number}", p.text) for p in section.paragraphs])
             for path, section in document.walk() if section.paragraphs]
    return Edition(slots, document.metadata.date or "", {s.title: s.number for s in document.sections})


class Revision:
    """The next edition made from one by explicit edits.  Each edit records what
    it does to the lineages of the paragraphs it touches (seeds/README.md):
    ``statuses[pid]`` is the status of the step into the new edition."""

    def __init__(self, old: Edition, date: str) -> None:
        self.old_order = [pid for slot in old.slots for pid, _ in slot.paragraphs]
        self.new = Edition(copy.deepcopy(old.slots), date, dict(old.parts))
        self.statuses: dict[str, str] = {}
        self.touched: set[str] = set()

    def _find(self, pid: str) -> tuple[Slot, int]:
        for slot in self.new.slots:
            for k, (p, _) in enumerate(slot.paragraphs):
                if p == pid:
                    return slot, k
        raise KeyError(pid)

    def _touch(self, *pids: str) -> None:
        assert not self.touched.intersection(pids), pids
        self.touched.update(pids)

    @staticmethod
    def fresh_text(pid: str) -> str:
        """A paragraph like no other: words made of its own id, spelt in letters
        only (similarity splits words at digits)."""
        code = "".join("klmnopqrstuvwxyz"[int(h, 16)] for h in pid.encode().hex())
        return " ".join(code + ch for ch in "abcdefghijkl") + "."

    def edit(self, pid: str) -> None:
        """A clause added at the end: the same paragraph, changed."""
        self._touch(pid)
        slot, k = self._find(pid)
        slot.paragraphs[k] = (pid, slot.paragraphs[k][1] + f"修订于{self.new.date[:4]}年。")
        self.statuses[pid] = "changed"

    def remove(self, pid: str) -> None:
        self._touch(pid)
        slot, k = self._find(pid)
        del slot.paragraphs[k]
        self.statuses[pid] = "removed"

    def add(self, after: str, pid: str) -> None:
        self._touch(pid)
        slot, k = self._find(after)
        slot.paragraphs.insert(k + 1, (pid, self.fresh_text(pid)))
        self.statuses[pid] = "added"

    def move(self, pid: str, to: int) -> None:
        """To the end of another section, text unchanged."""
        self._touch(pid)
        slot, k = self._find(pid)
        assert self.new.slots[to] is not slot
        self.new.slots[to].paragraphs.append(slot.paragraphs.pop(k))
        self.statuses[pid] = "moved"

    def split(self, pid: str, new_pid: str) -> None:
        """At the sentence boundary nearest the middle."""
        self._touch(pid, new_pid)
        slot, k = self._find(pid)
        text = slot.paragraphs[k][1]
        ends = [i + 1 for i, ch in enumerate(text[:-1]) if ch == "。"]
        cut = min(ends, key=lambda i: abs(i - len(text) / 2))
        slot.paragraphs[k:k + 1] = [(pid, text[:cut]), (new_pid, text[cut:])]
        self.statuses[pid] = self.statuses[new_pid] = "split"

    def can_merge(self, pid: str) -> bool:
        """Whether the paragraph after it in its section followed it in the old
        edition too (a merge joins consecutive old paragraphs), both untouched."""
        slot, k = self._find(pid)
        if k + 1 >= len(slot.paragraphs):
            return False
        b = slot.paragraphs[k + 1][0]
        return (pid not in self.touched and b not in self.touched and b in self.old_order
                and self.old_order.index(b) == self.old_order.index(pid) + 1)

    def merge(self, pid: str) -> None:
        """With the paragraph after it in its section."""
        assert self.can_merge(pid), pid
        slot, k = self._find(pid)
        (a, first), (b, second) = slot.paragraphs[k], slot.paragraphs[k + 1]
        self._touch(a, b)
        slot.paragraphs[k:k + 2] = [(a, first + second)]
        self.statuses[a] = self.statuses[b] = "merged"

    def drop_section(self, index: int) -> None:
        slot = self.new.slots.pop(index)
        self._touch(*(pid for pid, _ in slot.paragraphs))
        for pid, _ in slot.paragraphs:
            self.statuses[pid] = "removed"

    def add_section(self, index: int, title: str, pids: list[str]) -> None:
        parent = self.new.slots[index - 1].parent if index else self.new.slots[0].parent
        self._touch(*pids)
        self.new.slots.insert(index, Slot(parent, "organisation", None, title, [(p, self.fresh_text(p)) for p in pids]))
        for pid in pids:
            self.statuses[pid] = "added"

    def rename(self, index: int, title: str) -> None:
        self.new.slots[index].title = title


def expected_lineages(editions: list[Edition], steps: list[dict[str, str]]) -> set[tuple[tuple, tuple]]:
    numbers = [e.numbers() for e in editions]
    pids = dict.fromkeys(pid for n in numbers for pid in n)
    out = set()
    for pid in pids:
        paragraphs = tuple(n.get(pid) for n in numbers)
        statuses = tuple(
            steps[i].get(pid) or ("unchanged" if paragraphs[i] is not None and paragraphs[i + 1] is not None else None)
            for i in range(len(editions) - 1))
        out.add((paragraphs, statuses))
    return out


def derived_history() -> tuple[list[Edition], list[dict[str, str]]]:
    """2016 and 2018 editions made from the 2014 sample (ids "p<2014 number>")."""
    e2014 = edition_of(docdiff.load(S2014), "p")
    titles = [s.title for s in e2014.slots]
    r = Revision(e2014, "2016-08-01")
    r.edit("p3")
    r.remove("p5")
    r.add("p6", "n1")
    r.split("p20", "n2")
    r.merge("p30")
    r.move("p40", titles.index("欧洲委员会"))
    r.rename(titles.index("伊斯兰合作组织"), "伊斯兰会议组织")  # the registry knows both names
    r.drop_section(titles.index("集体安全条约组织"))
    e2016, s2016 = r.new, r.statuses
    titles = [s.title for s in e2016.slots]
    r = Revision(e2016, "2018-08-01")
    r.edit("p3")  # edited again
    r.edit("n1")
    r.remove("n2")
    r.move("p100", titles.index("非洲联盟"))
    r.add_section(titles.index("法语国家国际组织"), "国际刑事法院", ["m1", "m2"])
    r.split("p150", "m3")
    r.merge("p160")
    return [e2014, e2016, r.new], [s2016, r.statuses]


def test_lineages_are_right_on_derived_editions():
    editions, steps = derived_history()
    documents = [e.document() for e in editions]
    result = history(documents[::-1])
    assert [e.metadata.date for e in result.editions] == ["2014-08-05", "2016-08-01", "2018-08-01"]
    expected = expected_lineages(editions, steps)
    got = lineage_set(result)
    assert sorted(expected - got, key=str) == [] and sorted(got - expected, key=str) == []
    oic = result.find("伊斯兰合作组织")[0]
    assert oic.titles == ("伊斯兰合作组织", "伊斯兰会议组织", "伊斯兰会议组织")
    assert [s.status for s in oic.steps] == ["renamed", "unchanged"]
    csto = result.find("集体安全条约组织")[0]
    assert csto.titles == ("集体安全条约组织", None, None)
    icc = result.find("国际刑事法院")[0]
    assert icc.titles == (None, None, "国际刑事法院") and icc.paragraph_counts == (None, None, 2)


def test_two_sections_of_one_title_are_two_organisations():
    twin = Revision(seed_edition(), "2010-09-20").new
    africa = next(s for s in twin.slots if s.title == "非洲联盟")
    africa2 = copy.deepcopy(africa)
    africa.paragraphs, africa2.paragraphs = africa.paragraphs[:10], africa2.paragraphs[10:]
    twin.slots.insert(twin.slots.index(africa) + 1, africa2)
    r = Revision(twin, "2012-08-01")
    r.remove(africa2.paragraphs[0][0])
    result = history([twin.document(), r.new.document()])
    rows = [org for org in result.organisations if org.title == "非洲联盟"]
    assert [org.paragraph_counts for org in rows] == [(10, 10), (15, 14)]
    check_rules(result)


def test_five_editions_from_the_seeds_and_derived_ones():
    editions, _ = derived_history()
    documents = [docdiff.load(SEED_ZH), docdiff.load(S2012)] + [e.document() for e in editions]
    result = history(documents)
    assert len(result.editions) == 5 and len(result.comparisons) == 4
    key = json.loads(HISTORY_KEY.read_text("utf-8"))
    # the first three columns are the seeds' history, whatever came after
    got = {(lin.paragraphs[:3], lin.statuses[:2]) for lin in result.lineages() if any(lin.paragraphs[:3])}
    assert got == {(tuple(c["paragraphs"]), tuple(c["statuses"])) for c in key["chains"]}


# ----------------------------------------------------------------------------- generated histories

@lru_cache(maxsize=1)
def seed_edition() -> Edition:
    """The real edition, its paragraphs named "s<number>" (edits copy it first)."""
    return edition_of(docdiff.load(SEED_ZH), "s")


@st.composite
def derived_histories(draw, identical: bool = False):
    """A slice of the seed's sections, then 1–3 later editions, each with a few
    random edits from ``Revision`` on paragraphs no other edit of the step touches."""
    base = seed_edition()
    start = draw(st.integers(0, len(base.slots) - 4))
    width = draw(st.integers(3, 7))
    first = Edition(copy.deepcopy(base.slots[start:start + width]), "2010-09-20", dict(base.parts))
    editions, steps = [first], []
    for step in range(draw(st.integers(1, 3))):
        old = editions[-1]
        r = Revision(old, f"{2012 + 2 * step}-08-01")
        if not identical:
            for k in range(draw(st.integers(0, 6))):
                _random_edit(draw, r, f"g{step}x{k}")
        editions.append(r.new)
        steps.append(r.statuses)
    return editions, steps


def _random_edit(draw, r: Revision, new_id: str) -> None:
    slots = r.new.slots
    free = [(i, pid, text) for i, slot in enumerate(slots) for pid, text in slot.paragraphs if pid not in r.touched]
    if not free or len(slots) < 2:
        return
    op = draw(st.sampled_from(["edit", "remove", "add", "move", "split", "merge", "drop", "new section"]))
    i, pid, text = draw(st.sampled_from(free))
    if op == "edit" and len(text) >= 40:
        r.edit(pid)
    elif op == "remove":
        r.remove(pid)
    elif op == "add":
        r.add(pid, new_id)
    elif op == "move":
        to = draw(st.integers(0, len(slots) - 1))
        if to != i and not any(p in r.touched for p, _ in slots[to].paragraphs[-1:]):
            r.move(pid, to)
    elif op == "split" and len(text) >= 80 and "。" in text[len(text) // 4:-len(text) // 4]:
        r.split(pid, new_id)
    elif op == "merge" and r.can_merge(pid):
        r.merge(pid)
    elif op == "drop" and not any(p in r.touched for p, _ in slots[i].paragraphs) and len(slots) > 2:
        r.drop_section(i)
    elif op == "new section":
        r.add_section(i, f"新组织{new_id}", [new_id + "a", new_id + "b"])


def check_rules(result: History) -> None:
    """What holds whatever the pair comparison judged."""
    n = len(result.editions)
    lineages = list(result.lineages())
    for i, edition in enumerate(result.editions):
        numbers = sorted(lin.paragraphs[i] for lin in lineages if lin.paragraphs[i] is not None)
        assert numbers == list(range(1, edition.paragraphs + 1))  # each paragraph in exactly one lineage
    for lin in lineages:
        assert len(lin.paragraphs) == n and len(lin.statuses) == n - 1
        for i, status in enumerate(lin.statuses):
            before, after = lin.paragraphs[i] is not None, lin.paragraphs[i + 1] is not None
            if before and after:
                assert status in ("unchanged", "changed", "moved", "split", "merged")
            elif before:
                assert status in ("removed", "merged")
            elif after:
                assert status in ("added", "split")
            else:
                assert status is None
    # the statuses are the pair comparisons', entry by entry
    for i, comparison in enumerate(result.comparisons):
        from_pairs = set()
        for change in comparison.paragraph_changes():
            olds, news = list(change.old) or [None], list(change.new) or [None]
            from_pairs.add((olds[0], news[0], change.status))
            from_pairs.update((o, None, change.status) for o in olds[1:])
            from_pairs.update((None, m, change.status) for m in news[1:])
        assert {(lin.paragraphs[i], lin.paragraphs[i + 1], lin.statuses[i]) for lin in lineages
                if lin.statuses[i] is not None} == from_pairs
    # every section of every edition is in exactly one organisation's row
    for i, edition in enumerate(result.editions):
        assert sum(org.paragraph_counts[i] or 0 for org in body_rows(result)) == edition.paragraphs
    # every lineage is listed once, under an organisation it was in
    assert len({id(lin) for lin in lineages}) == len(lineages)
    for org in result.organisations:
        assert all(result.index(org) in lin.homes for lin in org.lineages)


SETTINGS = settings(max_examples=int(os.environ.get("HISTORY_EXAMPLES", "30")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(derived_histories(identical=True))
def test_a_history_of_one_edition_repeated_is_all_unchanged(case):
    editions, _ = case
    result = history([editions[0].document()] * len(editions))
    assert not result.has_differences
    assert all(set(lin.statuses) == {"unchanged"} and len(set(lin.paragraphs)) == 1 for lin in result.lineages())
    assert all({s.status for s in org.steps} == {"unchanged"} for org in result.organisations)
    check_rules(result)


@SETTINGS
@given(derived_histories())
def test_the_rules_hold_on_generated_histories(case):
    editions, _ = case
    check_rules(history([e.document() for e in editions]))


@SETTINGS
@given(derived_histories(), st.randoms(use_true_random=False))
def test_lineages_of_generated_histories_are_the_edits_made(case, rnd):
    editions, steps = case
    documents = [e.document() for e in editions]
    rnd.shuffle(documents)  # any order: the dates sort them
    result = history(documents)
    expected = expected_lineages(editions, steps)
    got = lineage_set(result)
    assert sorted(expected - got, key=str) == [] and sorted(got - expected, key=str) == []


# ----------------------------------------------------------------------------- the command


@pytest.fixture
def wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # a terminal where no title wraps


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["history", *args])
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def test_command_json(capsys):
    code, out, err = run(capsys, str(S2014), str(SEED_ZH), str(S2012), "--format", "json")
    assert code == 1 and err == ""
    data = json.loads(out)
    assert data["format"] == "docdiff-history/2"
    key = json.loads(HISTORY_KEY.read_text("utf-8"))
    got = {(tuple(lin["paragraphs"]), tuple(lin["statuses"])) for org in data["organisations"] for lin in org["lineages"]
           if any(n is not None for n in lin["paragraphs"])}
    assert got == {(tuple(c["paragraphs"]), tuple(c["statuses"])) for c in key["chains"]}


def test_command_org_json_has_only_that_organisation(capsys):
    code, out, _ = run(capsys, str(SEED_ZH), str(S2012), str(S2014), "--org", "伊斯兰会议组织", "-f", "json")
    data = json.loads(out)
    assert code == 1 and [o["titles"] for o in data["organisations"]] == [["伊斯兰会议组织", "伊斯兰合作组织", "伊斯兰合作组织"]]


def test_command_same_editions_exit_0(capsys, wide):
    code, out, _ = run(capsys, str(SEED_ZH), str(SEED_ZH), str(SEED_ZH))
    assert code == 0 and "非洲联盟" in out


def test_command_overview(capsys, wide):
    code, out, _ = run(capsys, str(SEED_ZH), str(S2012), str(S2014))
    assert code == 1
    assert "伊斯兰合作组织" in out and "formerly 伊斯兰会议组织 (2010)" in out
    assert "first appeared" in out and "dropped" in out and "renamed" in out
    assert "2010" in out and "2014" in out
    assert "二. 联合国同各区域组织" in out and "三. 联合国、各国议会" in out  # parts numbered as printed


def test_command_org_lineages_and_diffs(capsys, wide):
    code, out, _ = run(capsys, str(SEED_ZH), str(S2012), str(S2014), "--org", "非盟", "--diffs", "--color", "never")
    assert code == 1
    assert "split into ¶10+¶11" in out and "merged into ¶24" in out and "moved from 加勒比共同体" in out
    assert "¶7 (2010) → ¶8 (2012) · edited" in out
    # without colour the redline is spelt with the pair report's markers
    assert "非索特派团代表 [-2010-]{+2012+} 年在恩德培" in out
    assert "\x1b[" not in out


@pytest.mark.parametrize("fmt, marks", [("markdown", ["# ", "| organisation |", "<del>", "<ins>"]),
                                        ("html", ["<!DOCTYPE html>", "<table>", "<del>", "<ins>"])])
def test_command_markdown_and_html(capsys, fmt, marks):
    code, out, _ = run(capsys, str(SEED_ZH), str(S2012), str(S2014), "--format", fmt, "--diffs")
    assert code == 1 and all(m in out for m in marks)
    assert "伊斯兰合作组织" in out


def test_command_keep_order(capsys, tmp_path):
    _code, out, _ = run(capsys, str(S2014), str(S2012), "--keep-order", "-f", "json")
    assert [e["metadata"]["date"] for e in json.loads(out)["editions"]] == ["2014-08-05", "2012-08-13"]


def test_command_errors_name_the_edition(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(capsys, str(SEED_ZH), str(empty))
    assert code == 2 and out == "" and err == f"docdiff: {empty}: the file is empty\n"
    code, _, err = run(capsys, str(SEED_ZH), str(tmp_path / "missing.txt"))
    assert code == 2 and err == f"docdiff: {tmp_path / 'missing.txt'}: no such file\n"
    undated = tmp_path / "undated.txt"
    undated.write_text("一. 引言\n\n1. 第一段。\n\n2. 第二段。\n", "utf-8")
    code, _, err = run(capsys, str(SEED_ZH), str(undated))
    assert code == 2 and err.startswith(f"docdiff: {undated}: no masthead date") and err.count("\n") == 1
    code, _, err = run(capsys, str(SEED_ZH))
    assert code == 2 and "two editions or more" in err and err.count("\n") == 1
    code, _, err = run(capsys, str(SEED_ZH), str(S2012), "--org", "nowhere")
    assert code == 2 and "--org 'nowhere' matches no organisation" in err and "东南亚国家联盟" in err


def test_the_package_imports_history_on_first_use_and_keeps_the_function():
    """``import docdiff`` leaves the history module alone (a pair comparison
    does without it); ``docdiff.history`` is the function, also after the
    module was imported by name (the command line does that)."""
    import subprocess
    import sys

    script = ("import sys, docdiff\n"
              "assert 'docdiff.lineage' not in sys.modules\n"
              "import docdiff.lineage\n"
              "assert callable(docdiff.history) and docdiff.History is docdiff.lineage.History\n"
              "from docdiff import history\n"
              "assert history is docdiff.lineage.history\n"
              "print('OK')\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout == "OK\n", result.stderr
    assert docdiff.history is history  # in this process too


@pytest.mark.parametrize("width", [60, 80, 100])
def test_an_overview_too_wide_for_the_screen_is_drawn_in_runs_of_editions_cutting_nothing(capsys, width):
    """Seven real editions (seeds/real/me-nwfz) do not fit side by side in 80
    columns: the overview comes in several tables, each edition's date whole,
    every line within the width, and each step between two editions shown."""
    import re

    from rich.cells import cell_len

    paths = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "seeds" / "real" / "me-nwfz").glob("A_RES_*.txt"))
    with pytest.raises(SystemExit):
        main(["history", *paths, "-w", str(width), "--color", "never"])
    out = capsys.readouterr().out
    assert all(cell_len(line) <= width for line in out.splitlines())
    assert "…" not in out
    years = [re.search(r"\b(20\d\d)\b", Path(p).read_text(encoding="utf-8")[:3000])[1] for p in paths]
    for year in years:
        assert year in out
    assert out.count("all paragraphs") >= (2 if width <= 80 else 1)
