"""Content words: the stemmed, stop-word-free vocabulary sentences are compared by."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import cache

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer for ``language`` (Snowball, no data files), or lower-casing when none."""
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    try:
        return Stemmer(language)  # type: ignore[no-any-return]
    except LookupError:
        log.info("no stemmer for %s; comparing unstemmed words", language)
        return null_stemmer  # type: ignore[no-any-return]


@cache
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for ``language`` (shipped with the package), or none."""
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        log.info("no stop words for %s; comparing every word", language)
        return frozenset()


def content_words(text: str, language: str = "english") -> frozenset[str]:
    """The stems of ``text``'s words that carry content (no stop words, no one-letter words)."""
    stem = stemmer(language)
    stops = stop_words(language)
    found = set()
    for match in _WORD.finditer(text.lower()):
        word = match.group().replace("’", "'")
        if len(word) < 2 or word in stops:
            continue
        if word.endswith("'s"):
            word = word[:-2]
        found.add(stem(word))
    return frozenset(found)
