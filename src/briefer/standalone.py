"""Whether a sentence can stand alone on the page.

Cleaning asks it of every article (an article with no such sentence is skipped) and
composing asks it of every sentence it ranks; it lives apart from :mod:`briefer.compose` so
that reading and cleaning do not import the composing machinery.
"""

from __future__ import annotations

from .patterns import compiled
from .typography import plain

#: a sentence shorter or longer than this (in words) is not a candidate for the brief
MIN_WORDS, MAX_WORDS = 6, 80

_WORD = compiled(r"\w+")
_INLINE_MARKUP = compiled(r"\]\(|\*\*|__|`|!\[")
_LETTER = compiled(r"[^\W\d_]")


#: ASCII bytes: a word character kept, any other a space (``\w`` in ASCII text); splitting
#: the translated bytes gives the words (also the article fingerprint's, briefer.pipeline)
WORD_BYTES = bytes(
    b if chr(b).isascii() and (chr(b).isalnum() or chr(b) == "_") else 32 for b in range(256)
)
_NOT_LETTER_BYTES = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_NOT_CAPITAL_BYTES = bytes(b for b in range(256) if not ("A" <= chr(b) <= "Z"))


def is_candidate(text: str) -> bool:
    """Whether a sentence can stand alone on the page: a statement of a sensible length."""
    # (typographic characters as "?": a mark or a space, as they are)
    ascii_text = text.encode("ascii", "replace") if plain(text) else None
    if ascii_text is not None:  # the same counts as the patterns give, many times faster
        n = len(ascii_text.translate(WORD_BYTES).split())
    else:
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
    if ascii_text is not None:
        letters = len(ascii_text.translate(None, _NOT_LETTER_BYTES))
        capitals = len(ascii_text.translate(None, _NOT_CAPITAL_BYTES))
        return letters > 0 and capitals < 0.6 * letters
    found = _LETTER.findall(text)
    return bool(found) and sum(map(str.isupper, found)) < 0.6 * len(found)
