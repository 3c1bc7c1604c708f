"""Edited text's typographic characters, and a quick test for text that is ASCII but for them.

    plain("The minister’s “final offer” – £2m – rejected")  →  True
    plain("Le ministre a refusé")  →  False

Several of briefer's steps have a quick path for ASCII text: lower-case it once, look for a
word before running a case-insensitive pattern, leave out the forms of other languages. News
text is seldom ASCII, though: its quotes are curly, its dashes long, its money in pounds or
euros, and a scraped page's spaces are often no-break spaces. Those characters are neither
letters nor digits, so they take no part in words or in case folding (the only characters a
case-insensitive pattern takes for ASCII letters are the letters İ, ı, ſ and K); a quick path
that holds for them too asks :func:`plain` rather than ``str.isascii``, and a pattern that
names one of them lists it among the words it is looked for by.
"""

from __future__ import annotations

import re
import string

from .patterns import compiled

#: curly quotes, en and em dashes, the ellipsis, the no-break space (U+2018, U+2019, U+201C,
#: U+201D, U+2013, U+2014, U+2026, U+00A0: "12\u00a0March", a scraped page's "&nbsp;"), and the
#: pound and euro signs (U+00A3, U+20AC)
TYPOGRAPHIC = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0\u00a3\u20ac"

#: a character neither ASCII nor typographic (one search: 0.5 µs a sentence, a tenth
#: of deleting the typographic characters and asking ``isascii``)
_OTHER = compiled(f"[^\\x00-\\x7f{TYPOGRAPHIC}]")


def plain(text: str) -> bool:
    """Whether ``text`` is ASCII but for :data:`TYPOGRAPHIC` characters."""
    return text.isascii() or _OTHER.search(text) is None


def word_table(kept: str = "", *, lower: bool = True) -> dict[int, str]:
    """A ``str.translate`` table that takes :func:`plain` text apart into its words.

    The ASCII letters are lower-cased (kept as they are without ``lower``), the characters in
    ``kept`` kept, and every other ASCII or typographic character becomes a space, so that
    ``text.translate(table).split()`` gives the runs of letters and ``kept``
    (``kept=string.digits + "_"``: ``re.findall(r"\\w+", text.lower())``, several times faster).
    """
    table = {code: " " for code in range(128)}
    table.update((ord(c), " ") for c in TYPOGRAPHIC)
    table.update((ord(c), c.lower() if lower else c) for c in string.ascii_letters)
    table.update((ord(c), c) for c in kept)
    return table


def plain_words(text: str, table: dict[int, str], pattern: re.Pattern[str]) -> list[str]:
    """``pattern.findall(text.lower())`` for :func:`plain` ``text``, several times faster.

    ``table`` (:func:`word_table`) keeps the characters the pattern's words are made of, and
    a run of them without an apostrophe must be one word; a run with one goes through the
    pattern ("rock'n'roll", "’tis").
    """
    tokens = text.translate(table).split()
    if "'" not in text and "’" not in text:
        return tokens
    words: list[str] = []
    for token in tokens:
        if "'" in token or "’" in token:
            words += pattern.findall(token)
        else:
            words.append(token)
    return words
