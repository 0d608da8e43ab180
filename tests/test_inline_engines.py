"""The two inline engines give the same diffs (#14.2): fast-diff-match-patch (the C++
build, used where installed) and diff-match-patch's pure Python (the fallback).

Checked on every paragraph pair that the seeds' and the real editions' comparisons
diff, and on generated texts (hypothesis), both through ``word_diff`` (tokens, the
long-text cutting) and on the raw strings of the engines themselves.  The
expectation is the pure-Python library's own output, not docdiff's.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import docdiff
from docdiff import inline

pytest.importorskip("fast_diff_match_patch", reason="fast-diff-match-patch is not installed "
                    "(pip install -e '.[fast]'): only the pure-Python engine is there to check")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PAIRS = [
    (SEEDS / "A_65_382-S_2010_490.zh.txt", SEEDS / "sample_2012.zh.txt"),
    (SEEDS / "sample_2012.zh.txt", SEEDS / "sample_2014.zh.txt"),
    (SEEDS / "A_65_382-S_2010_490.zh.txt", SEEDS / "sample_2014.zh.txt"),
    (SEEDS / "sample_en_2010.txt", SEEDS / "sample_en_2012.txt"),
    *(pair for series in sorted((SEEDS / "real").iterdir()) if series.is_dir()
      for pair in pairwise(sorted(series.glob("*.txt")))),
]


def word_diff_with(engine, old: str, new: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    with monkeypatch.context() as patch:
        patch.setattr(inline, "_exact_diff", engine)
        return inline.word_diff(old, new)


def paragraph_pairs() -> list[tuple[str, str]]:
    out = []
    for old, new in PAIRS:
        comparison = docdiff.compare(docdiff.load(old), docdiff.load(new))
        for change in comparison.paragraph_changes():
            if change.status not in ("added", "removed") and change.old_text != change.new_text:
                out.append((change.old_text, change.new_text))
    return out


def test_the_engine_in_use_is_the_compiled_one() -> None:
    assert inline.ENGINE == "fast-diff-match-patch"
    assert inline._exact_diff is inline._exact_diff_fast


def test_same_diffs_on_every_paragraph_pair_of_the_seeds_and_real_editions(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = paragraph_pairs()
    assert len(pairs) > 200  # 261 on these editions: a lost pair of editions would show
    for old, new in pairs:
        fast = word_diff_with(inline._exact_diff_fast, old, new, monkeypatch)
        python = word_diff_with(inline._exact_diff_python, old, new, monkeypatch)
        assert fast == python, (old, new)
        assert fast == inline._word_diff_numbered(old, new), (old, new)  # every token numbered, each part decoded
        assert inline.spell(fast, "-") == old and inline.spell(fast, "+") == new


WORDS = ["the", "General", "Assembly", "United", "Nations", "report", "of", "and", "2010", "2012",
         "联合国", "合作", "会议", "秘书长", "报告", "，", "。", " ", "  ", "\n", ",", ".", "(a)", "-"]
texts = st.lists(st.sampled_from(WORDS), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_same_word_diffs_on_generated_texts(old: str, new: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        fast = word_diff_with(inline._exact_diff_fast, old, new, patch)
        python = word_diff_with(inline._exact_diff_python, old, new, patch)
    assert fast == python
    assert inline.spell(fast, "-") == old and inline.spell(fast, "+") == new


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcde 联合国\U000f0001\U00100002"), max_size=200),
       st.text(alphabet=st.sampled_from("abcde 联合国\U000f0001\U00100002"), max_size=200))
def test_same_raw_diffs(old: str, new: str) -> None:
    assert inline._exact_diff_fast(old, new) == [tuple(d) for d in inline._exact_diff_python(old, new)]


def test_same_diffs_past_the_exact_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long texts go through the cutting at unique runs, then the engine on each piece."""
    old = " ".join(f"word{i % 700} item{i}" for i in range(3000))
    new = old.replace("item15", "changed15").replace("word3 ", "").replace("item2999", "item2999 end")
    fast = word_diff_with(inline._exact_diff_fast, old, new, monkeypatch)
    assert fast == word_diff_with(inline._exact_diff_python, old, new, monkeypatch)
    assert inline.spell(fast, "-") == old and inline.spell(fast, "+") == new
