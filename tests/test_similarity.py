"""The tokens similarity is measured on, whichever way ``similarity.tokens``
takes through a text (ASCII; other scripts without Chinese; with Chinese):
the rule of its docstring, counted here from the words of the text."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings, strategies as st

from docdiff.similarity import Profile, Vocabulary, containment, formatting_key, score, shared, tokens

ascii_words = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ0123456789", min_size=1, max_size=8),
                       max_size=30)
separators = st.sampled_from([" ", ", ", ". ", " (", ") ", "-", "/", "_"])


def words_and_pairs(words: list[str]) -> list[tuple[str, int]]:
    """Each word, then the pair it ends, in order, counted: the docstring's rule
    for a text without Chinese or Japanese."""
    out = []
    for k, word in enumerate(words):
        out.append(word)
        if k:
            out.append(words[k - 1] + " " + word)
    return list(Counter(out).items())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ascii_words, separators)))
def test_ascii_text_is_its_words_and_their_pairs(parts):
    # words of letters, or of digits: "abc123" is two tokens, "_" parts words
    text = "".join(" ".join(ws) + sep for ws, sep in parts)
    words = re.findall(r"[a-z]+|[0-9]+", text.lower())
    assert list(tokens(text).items()) == words_and_pairs(words)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefgh 0123,.-’é", max_size=120))
def test_the_three_ways_through_a_text_agree(text):
    """An ASCII text, the same with a curly apostrophe (another script, no
    Chinese) and with a lone Chinese character after it (the way for Chinese
    text, where a single character is a word of its own): the same tokens in
    the same order, plus what the additions are."""
    plain = text.replace("’", "").replace("é", "e")
    words = re.findall(r"[a-z]+|[0-9]+", plain)
    base = list(tokens(plain).items())
    assert base == words_and_pairs(words)
    assert list(tokens(plain + " ’").items()) == base
    assert list(tokens(plain + " 年").items()) == words_and_pairs([*words, "年"])


def test_chinese_runs_are_bigrams_and_a_lone_character_a_word():
    assert tokens("联合国，2010年") == Counter({"联合": 1, "合国": 1, "2010": 1, "年": 1, "2010 年": 1})


def test_a_hyphen_between_letters_is_no_difference_and_between_digits_one():
    assert formatting_key("follow-up of the peace-building") == formatting_key("followup of the peacebuilding")
    assert formatting_key("2010-2011") != formatting_key("20102011")
    assert formatting_key("annex-1") != formatting_key("annex1")
    assert formatting_key("é-ü") == formatting_key("éü")


token_bags = st.lists(st.sampled_from(["the", "of", "peace", "联合", "合国", "2010", "the united", "a"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(token_bags, token_bags, token_bags)
def test_a_profile_shares_with_another_the_tokens_of_their_multisets(first, second, earlier):
    """Profiles hold ids, repeats included, of one vocabulary (whichever
    paragraphs were profiled before, ``earlier``): the tokens two share are the
    intersection of their multisets, counted by ``Counter``'s ``&``, each as
    often as the one that has it less often."""
    vocabulary = Vocabulary()
    Profile(Counter(earlier), vocabulary)
    a, b = (Profile(Counter(words), vocabulary) for words in (first, second))
    common = sum((Counter(first) & Counter(second)).values())
    assert shared(a, b) == shared(b, a) == common
    assert (a.size, b.size) == (len(first), len(second))
    assert [vocabulary.id(word) for word in dict.fromkeys(first)] == list(a.tokens)  # distinct, in order
    total = len(first) + len(second)
    assert score(a, b) == (2 * common / total if total else 1.0)
    assert containment(a, b) == (common / len(first) if first else 0.0)


def test_importing_docdiff_compiles_none_of_the_similarity_patterns():
    # A fresh process: importing docdiff (every run does) leaves the patterns
    # and the punctuation table to the first comparison, which then finds them.
    import subprocess
    import sys
    script = (
        "import docdiff, docdiff.similarity as s\n"
        "patterns = [v for v in vars(s).values() if isinstance(v, s._Pattern)]\n"
        "print(len(patterns), sum('search' in vars(p) for p in patterns), s._punctuation[0] is None)\n"
        "print(s.formatting_key('各国。\u3000Member-States.2 The'), sum('search' in vars(p) for p in patterns))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "8 0 True"
    # the note mark, hyphen, 。 and the full-width space folded, by formatting_key's
    # five patterns; the two that find tokens still wait for a first use
    assert out[1] == "各国.MemberStates.The 5"
