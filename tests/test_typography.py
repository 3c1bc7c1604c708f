"""Text that is ASCII but for curly quotes and long dashes takes the quick paths ASCII text takes,
with the same answers as the patterns give (pages written for these tests)."""

# ruff: noqa: E501  (a scraped page has one paragraph per line: its lines are long)

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer import (
    clean,
    date_lines,
    language,
    mojibake,
    read,
    significance,
    split,
    standalone,
    words,
)
from briefer.clean import clean_article
from briefer.language import detect_language
from briefer.metadata import find_dates, is_date_only
from briefer.models import RawArticle
from briefer.mojibake import repair_mojibake
from briefer.read import tidy_text
from briefer.split import Tokenizer
from briefer.standalone import is_candidate
from briefer.typography import TYPOGRAPHIC, plain


def test_plain_text_is_ascii_but_for_quotes_dashes_spaces_and_money() -> None:
    assert plain("The council voted 7-4 on Friday.")
    assert plain("The minister’s “final offer” – rejected — again…")
    assert not plain("Le ministre a refusé")  # a letter
    assert not plain("12 März 2010")
    assert plain("It will cost £2m (€2.3m)")
    assert not plain("Caption © Reuters")  # a sign some patterns name
    assert not plain("1° maggio 2010")  # Italian's ordinal, which a date pattern names
    assert plain("Updated 12\u00a0March 2010")  # a no-break space
    assert not plain("\u2009")  # (a thin space is no typographic character of briefer's)


def test_the_typographic_characters_are_neither_letters_digits_nor_case_forms_of_them() -> None:
    # what lets a pattern's quick path hold for them: they are in no word, and no
    # case-insensitive pattern takes them for an ASCII letter (as it takes İ, ı, ſ and K)
    for char in TYPOGRAPHIC:
        assert not char.isalnum() and not re.match(r"\w", char)
        assert not re.fullmatch(r"[a-z0-9_]", char, re.IGNORECASE)
        assert char.lower() == char == char.upper()
    for letter_like in "\u0130\u0131\u017f\u212a":  # İ ı ſ K (the Kelvin sign)
        assert re.fullmatch(r"[a-z]", letter_like, re.IGNORECASE)
        assert not plain(letter_like)


PIECES = [
    "Published", "Updated:", "on", "at", "12", "March", "2010", "Mar.", "4,", "2011", "10:45",
    "GMT", "am", "3", "hours", "ago", "yesterday", "today", "just now", "mars", "1er",
    "de", "mayo", "del", "3.", "Mai", "2012-05-04", "04/05/2012", "by", "the", "council",
    "voted", "Photo:", "AFP", "File photo", "courtesy", "Reuters", "Getty Images", "[File:",
    "Reuters]", "(Photo:", "image", "caption", "credit", "video", "Screengrab", "|", ",", ".",
    "Subscribe", "follow", "Copyright", "rights", "reserved", "comments", "are", "moderated",
    "cookies", "Watch:", "said", "minister’s", "“final", "offer”", "‘quote’", "–", "—", "…",
    "“", "”", "’", "-", "1°", "maggio", "°", "\u00a0", "12\u00a0March", "Mr.\u00a0Roe",
    "£2m", "€", "£",
]  # fmt: skip
LINES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=9).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_date_lines_answer_as_the_patterns_do(line: str) -> None:
    quick = (is_date_only(line), find_dates(line), date_lines.says_more_than_when(line))
    with pytest.MonkeyPatch.context() as patched:  # every text to the patterns, as before
        patched.setattr(date_lines, "plain", str.isascii)
        slow = (is_date_only(line), find_dates(line))
    assert quick[:2] == slow
    if quick[2]:  # "holds a word no date pattern takes out": so never a date line
        assert not slow[0]


def test_typographic_date_lines() -> None:
    assert is_date_only("Updated – 12 March 2010, 10:45 GMT")
    assert is_date_only("Published — 3 hours ago")
    assert is_date_only("Updated\u00a012\u00a0March 2010")
    assert not is_date_only("The minister’s office said on 12 March 2010 it would appeal.")
    assert not is_date_only("“12 March 2010”")  # quotation marks are more than a date
    assert [d for d, _, _ in find_dates("Paris – le 1er mars 2012 – “communiqué”")] == [
        dt.date(2012, 3, 1)
    ]
    # "°" is no typographic punctuation: Italian writes the first of the month with it
    assert [d for d, _, _ in find_dates("Festa – 1° maggio 2010")] == [dt.date(2010, 5, 1)]


def _clean(lines: list[str]) -> list[tuple[str, str]]:
    raw = RawArticle(file="page.txt", format="txt", lines=tuple(lines))
    article = clean_article(raw, today=dt.date(2024, 6, 1))
    return [(d.line, d.reason) for d in article.decisions]


PAGE = [
    "Harbour News",
    "Home | Local | Business | Sport",
    "Ferry crews walk out over pay – again",
    "By Jane Roe, Transport Correspondent",
    "Updated – 4 March 2024, 10:45 GMT",
    "Ferry crews at Vesterhavn walked out on Monday in a dispute over pay, stranding about 2,000 passengers overnight.",
    "The union’s regional secretary said the company’s “final offer” had been rejected by nine votes to one.",
    "Crews gather at the harbour gate before dawn — Screengrab",
    "“We cannot keep working for less every year,” one deckhand said.",
    "The operator said it hoped to resume sailings by Wednesday… if talks go well.",
    "Subscribe to our newsletter – follow us for the latest",
    "© 2024 Harbour News. All rights reserved.",
]


def test_a_page_with_curly_quotes_is_cleaned_as_the_patterns_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quick = _clean(PAGE)
    with monkeypatch.context() as patched:
        patched.setattr(clean, "plain", str.isascii)
        patched.setattr(date_lines, "plain", str.isascii)
        slow = _clean(PAGE)
    assert quick == slow
    reasons = dict(quick)
    # the credit after an em dash is a caption even though its line is plain, not ASCII
    assert reasons["Crews gather at the harbour gate before dawn — Screengrab"] == "caption"
    assert reasons["Updated – 4 March 2024, 10:45 GMT"] != "kept"


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=3, max_size=8))
def test_generated_pages_are_cleaned_as_the_patterns_would(lines: list[str]) -> None:
    page = [*PAGE[:5], *lines, *PAGE[5:]]
    quick = _clean(page)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(clean, "plain", str.isascii)
        patched.setattr(date_lines, "plain", str.isascii)
        slow = _clean(page)
    assert quick == slow


SENTENCE_WORDS = [
    "The", "minister’s", "office", "said", "on", "Friday", "that", "the", "strike", "will",
    "cost", "about", "two", "million", "kroner", "–", "—", "“We", "cannot", "wait,”", "she",
    "said.", "U.S.", "self-interest", "12.5", "per", "cent", "‘final’", "offer…", "ALL",
    "CAPS", "HEADLINE", "could", "affect", "thousands", "of", "jobs", "for", "the", "first",
    "time", "don’t", "it’s", "1970s-era", "12:48", "pm", "\r", "\t", "?", ":", "\u00a0",
    "2\u00a0million", "£2.5m", "€40", "£",
]  # fmt: skip
SENTENCES = st.lists(st.sampled_from(SENTENCE_WORDS), min_size=1, max_size=30).map(" ".join)


def _every_reading(text: str) -> tuple[object, ...]:
    return (
        is_candidate(text),
        Tokenizer("english").to_words(text),
        significance.significance([text]),
        tidy_text(text),
        repair_mojibake(text),
        detect_language([text]),
    )


@settings(max_examples=300, deadline=None)
@given(SENTENCES)
def test_sentences_read_as_the_patterns_read_them(text: str) -> None:
    quick = _every_reading(text)
    with pytest.MonkeyPatch.context() as patched:
        for module in (standalone, split, significance, read, mojibake, language):
            patched.setattr(module, "plain", str.isascii)
        slow = _every_reading(text)
    assert quick == slow


def test_curly_quotes_keep_words_whole() -> None:
    words = Tokenizer("english").to_words("The minister’s “final offer” – rejected…")
    assert words == ("The", "minister’s", "final", "offer", "rejected")
    assert is_candidate("The minister’s “final offer” was rejected by the union on Friday.")
    assert not is_candidate("“THE MINISTER’S FINAL OFFER WAS REJECTED BY THE UNION”")
    assert tidy_text("“Quoted” – and tidy\r\n") == "“Quoted” – and tidy\n"


WORD_PIECES = [
    "The", "minister’s", "“final", "offer”", "–", "—", "…", "Don't", "don’t", "rock'n'roll",
    "O'Neill's", "’Tis", "'", "’", "‘quoted’", "l'État", "c’est", "dell'anno", "de", "la",
    "und", "der", "el", "que", "12", "1970s-era", "snake_case", "x2", "2x", "U.S.", "£2m",
    "€40", "\u00a0", "\t", "\x0b", "\x1c", "İstanbul", "ſ", "\u212a", "°", "©", "Straße",
    "ÄRGER", "i̇", "...", "--", "",
]  # fmt: skip
WORDY_LINES = st.lists(st.sampled_from(WORD_PIECES), min_size=1, max_size=14).map(" ".join)


def _no_text_is_plain(patched: pytest.MonkeyPatch) -> None:
    for module in (clean, language, words):
        patched.setattr(module, "plain", lambda text: False)


@settings(max_examples=500, deadline=None)
@given(st.one_of(WORDY_LINES, st.text(alphabet="ab AB'’‘“–…\u00a0_1.-", max_size=30)))
def test_words_come_apart_as_the_patterns_take_them(text: str) -> None:
    quick = (clean._words(text), language._words(text), words._tokens(text))
    with pytest.MonkeyPatch.context() as patched:  # every text to the patterns
        _no_text_is_plain(patched)
        slow = (clean._words(text), language._words(text), words._tokens(text))
    assert quick == slow


def test_apostrophes_join_one_pair_of_letter_runs() -> None:
    # the language guess's words: letters, and one apostrophe (either form) inside a word
    assert language._words("Rock'n'roll isn’t O'Neill's – ’Tis 2x_y") == [
        "rock'n", "roll", "isn’t", "o'neill", "s", "tis", "x", "y",
    ]  # fmt: skip
    # the cleaner's: runs of word characters, digits and "_" among them
    assert clean._words("Rock'n'roll isn’t – 2x_y £3m") == [
        "rock", "n", "roll", "isn", "t", "2x_y", "3m",
    ]  # fmt: skip
    # content words': word characters, apostrophes inside
    assert words._tokens("Rock'n'roll isn’t 'quoted' – 2x_y’s") == [
        "rock'n'roll", "isn’t", "quoted", "2x_y’s",
    ]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDY_LINES.map(lambda line: (line + " ") * 4), min_size=1, max_size=8))
def test_the_language_guesses_answer_as_the_patterns_do(lines: list[str]) -> None:
    quick = (clean.detect_stoplist(lines), detect_language(lines))
    with pytest.MonkeyPatch.context() as patched:
        _no_text_is_plain(patched)
        slow = (clean.detect_stoplist(lines), detect_language(lines))
    assert quick == slow


TOKEN_PIECES = [
    "U.S.", "U.S.-based", "a.m.", "e.g.", "12.5", "1,200", "12:48", "2.", ".5", "-3", "'90s",
    "’90s", "don't", "don’t", "rock'n'roll", "self-interest", "COVID-19", "1970s-era", "x--y",
    "'quoted'", "‘quoted’", "“Quoted”", "end.", "end...", "end…", "Mr.", "A.", "a.b", "1.2.3",
    "snake_case", "a/b", "–", "—", "-", "'", "’", ".", ",", ":", "£2m", "€40", "\u00a0", "\t",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(TOKEN_PIECES + WORD_PIECES[:20]), max_size=14).map(" ".join),
        st.text(alphabet="aB1.,:'’‘-–… \u00a0_/", max_size=24),
    )
)
def test_plain_tokens_are_the_patterns(text: str) -> None:
    if plain(text):  # (other text goes to the full pattern)
        assert Tokenizer("english").to_words(text) == tuple(split._PLAIN_WORD.findall(text))
