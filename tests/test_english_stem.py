"""The quick English stemmer gives NLTK's stems: its lists are NLTK's, and its stems are on
every suffix of every step after beginnings that reach each branch, on the special words and
on generated words; it is used only with the NLTK file it was checked against."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer import english_stem, words

_SNOWBALL = words._snowball_module()
_NLTK = _SNOWBALL.EnglishStemmer()
_QUICK = english_stem.quick_stemmer()


def test_the_lists_are_nltks() -> None:
    data = _SNOWBALL.EnglishStemmer
    for name in (
        "vowels", "double_consonants", "li_ending", "step0_suffixes", "step1a_suffixes",
        "step1b_suffixes", "step2_suffixes", "step3_suffixes", "step4_suffixes", "special_words",
    ):  # fmt: skip
        assert getattr(english_stem, name.upper()) == getattr(data, f"_EnglishStemmer__{name}")
    assert _NLTK.stopwords == set()  # (the quick stemmer has none either)


def test_the_installed_nltk_is_the_one_the_steps_were_checked_against() -> None:
    assert english_stem._snowball_file() == english_stem.Path(_SNOWBALL.__file__)
    assert english_stem.checked(english_stem._snowball_file()), (
        "nltk/stem/snowball.py is not one english_stem was checked against: run this file's "
        "tests with the digest added to CHECKED, and keep it only if they pass"
    )
    words.stemmer.cache_clear()
    try:
        assert words.stemmer("english").__module__ == english_stem.__name__
        assert english_stem.stemmer() is not None
    finally:
        words.stemmer.cache_clear()


def test_another_nltk_file_gets_nltks_own_stemmer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(english_stem, "CHECKED", frozenset())
    words.stemmer.cache_clear()
    try:
        found = words.stemmer("english")
        assert getattr(found, "__self__", None).__class__ is _SNOWBALL.EnglishStemmer
    finally:
        words.stemmer.cache_clear()


def _suffixes() -> set[str]:
    data = _SNOWBALL.EnglishStemmer
    found: set[str] = set(data._EnglishStemmer__special_words)
    for name in dir(data):
        if name.endswith(("_suffixes", "__double_consonants")):
            found.update(getattr(data, name))
    return found


#: beginnings that reach each branch: R1 and R2 empty or not, "gener"/"commun"/"arsen", a
#: "y" after a vowel or first, short words, apostrophes of both kinds, capitals
_STARTS = [
    "", "a", "b", "y", "ya", "ay", "sky", "gener", "commun", "arsen", "hop", "fil", "l", "ll",
    "at", "bl", "iz", "ea", "eed", "ied", "st", "s", "ss", "'", "’", "‘", "‛", "Tr", "BEAUT",
    "ration", "nation", "fulness", "ogi", "log", "entl", "canning", "succeed",
]  # fmt: skip
_ENDS = ["", "s", "ly", "ing", "ed", "'s", "e", "y", "li", "al", "ion", "er", "'"]


def test_every_suffix_after_every_beginning_stems_as_nltk_does() -> None:
    tried = 0
    for start, suffix, end in itertools.product(_STARTS, sorted(_suffixes()), _ENDS):
        for word in (start + suffix + end, suffix + start + end):
            assert _QUICK(word) == _NLTK.stem(word), word
            tried += 1
    assert tried > 40_000


@settings(max_examples=3_000, deadline=None)
@given(st.text(alphabet="aeiouybcdglmnrstvzYSI'’‘", min_size=1, max_size=14))
def test_generated_words_stem_as_nltk_does(word: str) -> None:
    assert _QUICK(word) == _NLTK.stem(word)


def test_news_words() -> None:
    for word, stem in [
        ("generously", "generous"), ("communities", "communiti"), ("proceedings", "proceed"),
        ("ministers’", "minist"), ("negotiations", "negoti"), ("flooded", "flood"),
        ("Yesterday", "yesterday"), ("skies", "sky"), ("hopping", "hop"), ("agreed", "agre"),
    ]:  # fmt: skip
        assert _QUICK(word) == _NLTK.stem(word) == stem
