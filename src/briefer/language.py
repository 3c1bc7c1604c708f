"""Which language an article is written in, among those sumy can summarise offline.

    detect_language(["Le gouvernement a annoncé mardi …"])  →  "french"

The guess counts the article's words found in each language's stop-word lists (sumy's, the
ones the summariser uses, and jusText's): function words ("le", "de", "und", "the") are the most
frequent words of any text and differ between languages. English wins near-ties, as it does
when there is too little text to tell.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from .patterns import compiled
from .typography import plain, plain_words, word_table

#: languages with both a Snowball stemmer and stop words in sumy, needing no extra package
LANGUAGES = (
    "english", "french", "german", "spanish", "italian", "portuguese", "swedish",
    "czech", "slovak", "ukrainian",
)  # fmt: skip
AUTO = "auto"
DEFAULT = "english"

_WORD = compiled(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE_WORDS = 800
_MIN_HITS = 2.0  # a weaker best guess than this: too little text to tell


#: plain text's letters, lower-cased, and apostrophes (see :func:`_words`)
_LETTERS = word_table("'’")


@cache
def _lists() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Each language's function words: sumy's stop words and jusText's list, both looked in
    (sumy's alone are too sparse for some languages: its Portuguese list lacks "de")."""
    from .clean import stoplist
    from .words import stop_words

    return tuple((name, stop_words(name), stoplist(name)) for name in LANGUAGES)


@cache
def _holding() -> dict[str, tuple[str, ...]]:
    """Each function word → the languages whose lists hold it, in ``LANGUAGES`` order (made
    once, before the workers when there are any: 14,000 words, ≈ 5 ms)."""
    found: dict[str, tuple[str, ...]] = {}
    for _, sumy, justext in _lists():
        found.update(dict.fromkeys(sumy | justext, ()))
    for name, sumy, justext in _lists():
        held = (name,)
        for word in sumy | justext:
            found[word] += held
    return found


def _words(paragraph: str) -> list[str]:
    """The paragraph's words, lower-cased (``_WORD``'s), three times faster for plain text."""
    if plain(paragraph):
        return plain_words(paragraph, _LETTERS, _WORD)
    # ("İ" lower-cases to two characters, which the pattern would split)
    return list(map(str.lower, _WORD.findall(paragraph)))


def detect_language(paragraphs: Iterable[str]) -> str:
    """The sumy language name ``paragraphs`` are most likely written in (English if unsure)."""
    sample: list[str] = []
    for paragraph in paragraphs:
        sample += _words(paragraph)
        if len(sample) >= _SAMPLE_WORDS:
            break
    counts = Counter(sample)
    holding = _holding()  # made once, before the workers when there are any
    # a word counts for each list holding it, divided among them, so a list that shares
    # its words with every other language gains nothing from them
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for word, count in counts.items():
        holders = holding.get(word)
        if holders:
            share = count / len(holders)
            for name in holders:
                scores[name] += share
    best = max(scores, key=lambda name: scores[name])
    if scores[best] < _MIN_HITS or scores[DEFAULT] >= 0.8 * scores[best]:
        return DEFAULT
    return best


def resolve_language(paragraphs: Iterable[str], chosen: str) -> str:
    """``chosen`` when it names a language, else the detected one (``chosen`` is ``auto``)."""
    return detect_language(paragraphs) if chosen == AUTO else chosen
