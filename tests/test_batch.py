"""docdiff batch: pairing whole sessions, comparing the pairs anywhere, the cache.

The inputs are the real editions in seeds/real/ (two annual First Committee
resolutions, sessions 75 to 80) and the report seeds, copied unchanged into
folders made here; which edition goes into which folder is the test's
decision, and the expected pairing follows from it: an edition of session 79
continues the same text's edition of session 78.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import docdiff
import docdiff.batch as batch_module
from docdiff.batch import Cache, change_score, session_number, title_key

from .batch_inputs import EXPECTED_PAIRS, ME_NWFZ, NSA, REAL, SEEDS, copy_into as _copy, make_sessions


def _names(batch) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(Path(r.pair.old.path).name, Path(r.pair.new.path).name) for r in batch.results}


@pytest.fixture
def sessions(tmp_path: Path) -> tuple[Path, Path]:
    return make_sessions(tmp_path)


# ----------------------------------------------------------------------------- pairing


def test_two_sessions_pair_each_text_with_its_next_edition(sessions: tuple[Path, Path]) -> None:
    result = docdiff.batch(*sessions, jobs=1)
    assert _names(result) == EXPECTED_PAIRS
    assert not result.plan.new and not result.plan.discontinued and not result.plan.unreadable
    assert all(r.status == "compared" for r in result.results)
    by_new = {Path(r.pair.new.path).name: r for r in result.results}
    # the resolutions say which edition they continue: they cite its number
    assert "the new edition cites 78/18" in by_new[NSA[79]].pair.reasons
    assert "the new edition cites 78/17" in by_new[ME_NWFZ[79]].pair.reasons


def test_results_are_sorted_by_change_score_and_match_compare(sessions: tuple[Path, Path]) -> None:
    result = docdiff.batch(*sessions, jobs=1)
    scores = [r.score for r in result.results]
    assert scores == sorted(scores, reverse=True)
    for r in result.results:
        comparison = docdiff.compare(docdiff.load(r.pair.old.path), docdiff.load(r.pair.new.path))
        assert r.summary == comparison.summary
        assert r.metadata_changes == tuple(c.field for c in comparison.metadata_changes)


def test_an_older_edition_and_a_text_without_predecessor(tmp_path: Path) -> None:
    """Sessions 77 and 78 of one series on the old side: 79 continues 78 (the
    nearest session it cites); 77 is left over; the other series' 79 is new."""
    old, new = tmp_path / "old", tmp_path / "new"
    _copy([REAL / "nsa" / NSA[77], REAL / "nsa" / NSA[78]], old)
    _copy([REAL / "nsa" / NSA[79], REAL / "me-nwfz" / ME_NWFZ[79]], new)
    result = docdiff.batch(old, new, jobs=1)
    assert _names(result) == {(NSA[78], NSA[79])}
    assert [Path(u.edition.path).name for u in result.plan.new] == [ME_NWFZ[79]]
    assert [Path(u.edition.path).name for u in result.plan.discontinued] == [NSA[77]]


def test_one_folder_of_many_editions_is_grouped_into_series(tmp_path: Path) -> None:
    folder = tmp_path / "all"
    _copy([REAL / "me-nwfz" / f for f in ME_NWFZ.values()] + [REAL / "nsa" / f for f in NSA.values()], folder)
    result = docdiff.batch(folder, jobs=1)
    expected = {(ME_NWFZ[s], ME_NWFZ[s + 1]) for s in range(75, 80)} | {(NSA[s], NSA[s + 1]) for s in range(77, 80)}
    assert _names(result) == expected
    assert {r.pair.paired_by for r in result.results} == {"series"}


def test_copies_of_one_edition_go_on_in_parallel_series(tmp_path: Path) -> None:
    """The seeds: three Chinese editions of the report (2010, 2012, 2014) and
    two English ones, each in two layouts (one line per paragraph, and
    hard-wrapped): the two layouts of one year are one edition, not a step."""
    folder = tmp_path / "seeds"
    names = ["A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt", "sample_2014.zh.txt", "sample_en_2010.txt",
             "sample_en_2010.src.txt", "sample_en_2012.txt", "sample_en_2012.src.txt"]
    _copy([SEEDS / n for n in names], folder)
    result = docdiff.batch(folder, jobs=1, dry_run=True)
    assert _names(result) == {("A_65_382-S_2010_490.zh.txt", "sample_2012.zh.txt"),
                              ("sample_2012.zh.txt", "sample_2014.zh.txt"),
                              ("sample_en_2010.txt", "sample_en_2012.txt"),
                              ("sample_en_2010.src.txt", "sample_en_2012.src.txt")}
    assert not result.plan.new and not result.plan.discontinued


def test_a_draft_is_not_paired_with_a_resolution(tmp_path: Path) -> None:
    """The draft A/C.1/80/L.1 and the adopted A/RES/80/17 are of one text but
    not of one kind (read from the text): neither continues the other."""
    probe = docdiff.load(REAL / "me-nwfz" / "A_C.1_80_L.1.txt").metadata
    if getattr(probe, "kind", None) is None:
        pytest.skip("the parser does not read a document's kind yet")
    old, new = tmp_path / "old", tmp_path / "new"
    _copy([REAL / "me-nwfz" / ME_NWFZ[79]], old)
    _copy([REAL / "me-nwfz" / "A_C.1_80_L.1.txt", REAL / "me-nwfz" / ME_NWFZ[80]], new)
    result = docdiff.batch(old, new, jobs=1)
    assert _names(result) == {(ME_NWFZ[79], ME_NWFZ[80])}
    assert [Path(u.edition.path).name for u in result.plan.new] == ["A_C.1_80_L.1.txt"]


def test_a_manifest_overrides_the_pairing(sessions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = sessions
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text(f"# crossed on purpose\n{old.name}/{NSA[78]}\t{new.name}/{ME_NWFZ[79]}\n", "utf-8")
    result = docdiff.batch(old, new, manifest=manifest, jobs=1)
    pairs = _names(result)
    assert (NSA[78], ME_NWFZ[79]) in pairs
    # the two it took are paired with nothing else; the rest is paired as before
    assert pairs - {(NSA[78], ME_NWFZ[79])} == EXPECTED_PAIRS - {(ME_NWFZ[78], ME_NWFZ[79]), (NSA[78], NSA[79])}
    assert [Path(u.edition.path).name for u in result.plan.discontinued] == [ME_NWFZ[78]]
    assert [Path(u.edition.path).name for u in result.plan.new] == [NSA[79]]
    listed = next(r for r in result.results if r.pair.paired_by == "manifest")
    assert listed.pair.reasons[0] == "listed in the manifest"


def test_a_manifest_names_the_folders_files_however_spelled(sessions: tuple[Path, Path], tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The folders given relative, the manifest's paths absolute: the same files."""
    old, new = sessions
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text(f"{old / NSA[78]}\t{new / ME_NWFZ[79]}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = docdiff.batch(old.name, new.name, manifest=manifest, jobs=1, dry_run=True)
    assert (NSA[78], ME_NWFZ[79]) in _names(result)
    assert len(result.plan.pairs) == len(EXPECTED_PAIRS) - 1  # no file read twice under two names


def test_a_manifest_alone_compares_exactly_its_pairs(tmp_path: Path) -> None:
    manifest = tmp_path / "m.txt"
    manifest.write_text(f"{REAL / 'nsa' / NSA[77]}\t{REAL / 'nsa' / NSA[80]}\n", "utf-8")
    result = docdiff.batch(manifest=manifest, jobs=1)
    assert _names(result) == {(NSA[77], NSA[80])}


def test_a_bad_manifest_line_is_one_clear_error(tmp_path: Path) -> None:
    manifest = tmp_path / "m.txt"
    manifest.write_text("only-one-path.txt\n", "utf-8")
    with pytest.raises(docdiff.DocdiffError, match="line 1: a pair is two paths"):
        docdiff.batch(manifest=manifest, jobs=1)


def test_an_unreadable_document_is_reported_and_the_batch_goes_on(sessions: tuple[Path, Path]) -> None:
    old, new = sessions
    (old / "empty.txt").write_bytes(b"")
    (new / "binary.txt").write_bytes(bytes(range(256)) * 4)
    result = docdiff.batch(old, new, jobs=1)
    assert _names(result) == EXPECTED_PAIRS
    reasons = {Path(e.path).name: e.error for e in result.plan.unreadable}
    assert set(reasons) == {"empty.txt", "binary.txt"}
    assert all(reasons.values()) and all("\n" not in r for r in reasons.values())  # type: ignore[operator]


def test_a_failing_document_in_a_listed_pair_is_its_rows_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    manifest = tmp_path / "m.txt"
    manifest.write_text(f"empty.txt\t{REAL / 'nsa' / NSA[79]}\n{REAL / 'nsa' / NSA[78]}\t{REAL / 'nsa' / NSA[79]}\n",
                        "utf-8")
    result = docdiff.batch(manifest=manifest, jobs=1)
    statuses = {Path(r.pair.old.path).name: r for r in result.results}
    assert statuses["empty.txt"].status == "failed" and "empty.txt" in (statuses["empty.txt"].error or "")
    assert statuses[NSA[78]].status == "compared"


def test_files_that_are_not_editions_by_name_are_listed_as_skipped(sessions: tuple[Path, Path]) -> None:
    old, new = sessions
    (old / "notes.md").write_text("not an edition", "utf-8")
    result = docdiff.batch(old, new, jobs=1, dry_run=True)
    assert [Path(p).name for p in result.plan.skipped] == ["notes.md"]
    assert {r.status for r in result.results} == {"not run"}
    assert _names(result) == EXPECTED_PAIRS


def test_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(docdiff.DocdiffError, match="no such folder"):
        docdiff.batch(tmp_path / "nowhere", tmp_path, jobs=1)


# ----------------------------------------------------------------------------- rules


_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
          "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
          "eighteenth", "nineteenth"]
_TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TENS_ORDINALS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                  "eightieth", "ninetieth"]
_ZH = "零一二三四五六七八九"


def _spelled(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, units = divmod(n, 10)
    return _TENS_ORDINALS[tens] if units == 0 else f"{_TENS_WORDS[tens]}-{_UNITS[units]}"


def _chinese(n: int) -> str:
    tens, units = divmod(n, 10)
    return ("" if tens == 0 else ("" if tens == 1 else _ZH[tens]) + "十") + (_ZH[units] if units else "")


@given(st.integers(1, 99))
def test_a_session_line_gives_its_number_in_english_and_chinese(n: int) -> None:
    assert session_number(None, f"{_spelled(n).capitalize()} session") == n
    assert session_number(None, f"第{_chinese(n)}届会议") == n


@given(st.integers(1, 99), st.integers(1, 400))
def test_a_general_assembly_symbol_gives_its_session(session: int, number: int) -> None:
    for symbol in (f"A/RES/{session}/{number}", f"A/{session}/{number}", f"A/C.1/{session}/L.{number}"):
        assert session_number(symbol, "Eightieth session") == session


def test_titles_are_one_across_an_organisations_rename() -> None:
    before = "Cooperation between the United Nations and the Organization of the Islamic Conference"
    after = "Cooperation between the United Nations and the Organisation of Islamic Cooperation"
    other = "Cooperation between the United Nations and the African Union"
    assert title_key(before) == title_key(after) != title_key(other)
    assert title_key("联合国同伊斯兰会议组织的合作") == title_key("联合国同伊斯兰合作组织的合作")
    # a short form inside a word names nothing ("au" in "Australia")
    assert title_key("Cooperation with Australia") != title_key("Cooperation with AU")


def test_change_score_is_the_share_of_text_changed(seed_doc) -> None:  # type: ignore[no-untyped-def]
    same = docdiff.compare(seed_doc, seed_doc)
    assert change_score(same.paragraph_changes()) == 0.0
    # the edition without its last paragraph: that paragraph's text is all that changed
    # (the summary and the footnotes are compared too, each as a section of its own)
    front = seed_doc.front
    texts = [p.text for p in seed_doc.paragraphs()] + list(front.summary + front.footnotes + front.closing)
    last = seed_doc.sections[-1]
    while last.sections:
        last = last.sections[-1]
    import dataclasses

    shorter_last = dataclasses.replace(last, paragraphs=last.paragraphs[:-1])

    def rebuild(section):  # type: ignore[no-untyped-def]
        if section is last:
            return shorter_last
        return dataclasses.replace(section, sections=tuple(rebuild(s) for s in section.sections))

    shorter = dataclasses.replace(seed_doc, sections=tuple(rebuild(s) for s in seed_doc.sections))
    removed = last.paragraphs[-1].text
    total = 2 * sum(len(t) for t in texts) - len(removed)
    assert change_score(docdiff.compare(seed_doc, shorter).paragraph_changes()) == pytest.approx(len(removed) / total)


# ----------------------------------------------------------------------------- engines


def _comparable(result) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return json.loads(json.dumps(result.to_dict()))


def test_a_process_pool_gives_the_in_process_results(sessions: tuple[Path, Path]) -> None:
    assert _comparable(docdiff.batch(*sessions, jobs=2)) == _comparable(docdiff.batch(*sessions, jobs=1))


def test_a_dask_cluster_gives_the_in_process_results(sessions: tuple[Path, Path]) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'docdiff[dask]'")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        on_cluster = docdiff.batch(*sessions, scheduler=client)
        by_address = docdiff.batch(*sessions, scheduler=cluster.scheduler_address)
    local = _comparable(docdiff.batch(*sessions, jobs=1))
    assert _comparable(on_cluster) == local == _comparable(by_address)


def test_an_unreachable_scheduler_is_one_clear_error(sessions: tuple[Path, Path],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'docdiff[dask]'")
    monkeypatch.setattr(batch_module, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(docdiff.DocdiffError, match="cannot reach the Dask scheduler"):
        docdiff.batch(*sessions, scheduler="tcp://127.0.0.1:9")


def test_ctrl_c_keeps_what_is_done(sessions: tuple[Path, Path]) -> None:
    seen: list[int] = []

    def interrupt_after_the_first(stage: str, done: int, total: int, result) -> None:  # type: ignore[no-untyped-def]
        if stage == "comparing":
            seen.append(done)
            if done == 1:
                raise KeyboardInterrupt

    result = docdiff.batch(*sessions, jobs=1, progress=interrupt_after_the_first)
    assert result.interrupted and seen == [1]
    assert sorted(r.status for r in result.results) == ["compared", "not run", "not run", "not run"]
    assert _names(result) == EXPECTED_PAIRS


# ----------------------------------------------------------------------------- cache


def test_the_cache_compares_only_what_changed(sessions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = sessions
    cache = tmp_path / "cache"
    first = docdiff.batch(old, new, jobs=1, cache=cache)
    assert not any(r.cached for r in first.results)
    again = docdiff.batch(old, new, jobs=1, cache=cache)
    assert all(r.cached for r in again.results)
    assert _comparable(again) == _comparable(first)
    # a new edition of one text: only its pair is compared anew
    shutil.copyfile(REAL / "nsa" / NSA[80], new / NSA[80])
    (new / NSA[79]).unlink()
    third = docdiff.batch(old, new, jobs=1, cache=cache)
    fresh = {(Path(r.pair.old.path).name, Path(r.pair.new.path).name) for r in third.results if not r.cached}
    assert fresh == {(NSA[78], NSA[80])}


def test_a_broken_cache_file_is_a_miss(tmp_path: Path, sessions: tuple[Path, Path]) -> None:
    cache_dir = tmp_path / "cache"
    first = docdiff.batch(*sessions, jobs=1, cache=cache_dir)
    for file in cache_dir.rglob("*.pickle"):
        file.write_bytes(file.read_bytes()[:10])
    again = docdiff.batch(*sessions, jobs=1, cache=cache_dir)
    assert not any(r.cached for r in again.results)
    assert _comparable(again) == _comparable(first)
    assert not list(cache_dir.rglob("*.tmp"))


def test_cache_keys_hold_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path)
    cache.put("comparison", {"x": 1}, "a", "b")
    assert cache.get("comparison", "a", "b") == {"x": 1}
    assert cache.get("comparison", "b", "a") is None
    monkeypatch.setattr(batch_module, "code_fingerprint", lambda: "another-version")
    assert cache.get("comparison", "a", "b") is None


def test_the_default_cache_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    if sys.platform in ("win32", "darwin"):
        pytest.skip("XDG_CACHE_HOME is the convention of Linux and other Unix systems")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert batch_module.default_cache_dir() == tmp_path / "docdiff"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the spec: a relative value is ignored
    assert batch_module.default_cache_dir() == Path.home() / ".cache" / "docdiff"


def test_per_organisation_rows_gather_an_organisation_across_pairs(sessions: tuple[Path, Path]) -> None:
    """Both reports (Chinese and English) have a section on the African Union,
    which the registry knows: its rows are the two reports' sections; the
    resolutions name no organisation and give none."""
    result = docdiff.batch(*sessions, jobs=1)
    by_id = dict(result.organisations())
    au = by_id["au"]
    assert {Path(r.old).name if r.old.endswith(".txt") else r.old for r in au} == {
        "A_65_382-S_2010_490.zh.txt", "A/65/382–S/2010/490"}
    assert {r.title for r in au} == {"非洲联盟", "African Union"}
    assert all(r.kind and r.kind.endswith("section") for r in au)
    assert all(0 <= r.score <= 1 for rows in by_id.values() for r in rows)
