"""Whether a sentence can stand alone on the page.

Cleaning asks it of every article (an article with no such sentence is skipped) and
composing asks it of every sentence it ranks; it lives apart from :mod:`briefer.compose` so
that reading and cleaning do not import the composing machinery.
"""

from __future__ import annotations

import re

#: a sentence shorter or longer than this (in words) is not a candidate for the brief
MIN_WORDS, MAX_WORDS = 6, 80

_WORD = re.compile(r"\w+")
_INLINE_MARKUP = re.compile(r"\]\(|\*\*|__|`|!\[")
_LETTER = re.compile(r"[^\W\d_]")
#: what _LETTER and str.isupper find in ASCII text
_NOT_ASCII_LETTERS = re.compile(r"[^A-Za-z]+")
_ASCII_CAPITAL = re.compile(r"[A-Z]")


def is_candidate(text: str) -> bool:
    """Whether a sentence can stand alone on the page: a statement of a sensible length."""
    n = len(_WORD.findall(text))
    if not MIN_WORDS <= n <= MAX_WORDS:
        return False
    stripped = text.rstrip("\"'”’) ")
    if stripped.endswith((":", "?", ",", ";")):
        return False
    if _INLINE_MARKUP.search(text):
        # Markdown links or emphasis: not quotable word for word as it reads
        return False
    # a shouted line (all capitals) is a heading or a label, not a sentence
    if text.isascii():  # the same counts without a string per letter
        letters = len(_NOT_ASCII_LETTERS.sub("", text))
        return letters > 0 and len(_ASCII_CAPITAL.findall(text)) < 0.6 * letters
    found = _LETTER.findall(text)
    return bool(found) and sum(map(str.isupper, found)) < 0.6 * len(found)
