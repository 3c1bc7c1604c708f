"""Undo mojibake: UTF-8 text that was decoded as Latin-1 or Windows-1252 on its way to the user.

A page served without a declared charset is shown (and copied, and scraped) by many tools as
Latin-1 or Windows-1252, so every non-ASCII character turns into two to four: "don’t" becomes
"donâ€™t" (cp1252) or "donâ\\x80\\x99t" (Latin-1, with invisible C1 control characters), "café"
becomes "cafÃ©". :func:`repair_mojibake` finds each run of characters that, read back as those
single bytes, form one valid UTF-8 sequence, and puts the original character back. Text without
such runs is returned unchanged; a run that does not decode is left as it is.
"""

from __future__ import annotations

import re

from .patterns import compiled
from .typography import plain

__all__ = ["repair_mojibake"]

#: Windows-1252's characters for bytes 0x80–0x9F (the five undefined bytes are absent).
_CP1252_HIGH = {
    char: byte
    for byte in range(0x80, 0xA0)
    for char in [bytes([byte]).decode("cp1252", errors="ignore")]
    if char
}
#: A character standing for a UTF-8 continuation byte (0x80–0xBF) in either reading.
_CONT = "[\u0080-\u00bf" + "".join(re.escape(c) for c in _CP1252_HIGH) + "]"
#: A lead byte (0xC2–0xF4) followed by the continuation bytes its value announces.
_RUN = compiled(
    "[\u00c2-\u00df]" + _CONT + "|[\u00e0-\u00ef]" + _CONT + "{2}|[\u00f0-\u00f4]" + _CONT + "{3}"
)


#: The same with a space standing for a no-break space (0xA0) that a whitespace squeeze ate.
_SPACE_CONT = "(?:" + _CONT + "| )"
_SQUEEZED_RUN = compiled("[\u00e0-\u00ef]" + _SPACE_CONT + "{2}")
_SQUEEZED_NBSP = compiled("\u00c2(?= )")
#: Hangul and CJK ideographs, where a squeezed run is repaired only next to its own kind
#: (ranges, not a pattern: compiling the class took 4 ms at every start, for a rare repair)
_CJK_RANGES = (
    ("\u1100", "\u11ff"),
    ("\u3040", "\u30ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uac00", "\ud7af"),
)


def _starts_cjk(text: str) -> bool:
    """Whether ``text`` opens on a Hangul or CJK character."""
    return bool(text) and any(low <= text[0] <= high for low, high in _CJK_RANGES)


def _as_byte(char: str) -> int:
    return 0xA0 if char == " " else _CP1252_HIGH.get(char, ord(char))


def _fix(match: re.Match[str]) -> str:
    run = match.group()
    try:
        return bytes(_as_byte(char) for char in run).decode("utf-8")
    except UnicodeDecodeError:
        return run


def _fix_squeezed(match: re.Match[str]) -> str:
    run = match.group()
    if " " not in run:
        return run
    text = match.string
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if not (_starts_cjk(before) or _starts_cjk(after)):
        return run
    fixed = _fix(match)
    return fixed if _starts_cjk(fixed) else run


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8 sequences misread as Latin-1/Windows-1252 decoded again.

    A Korean, Chinese or Japanese character whose 0xA0 byte became a plain space (a scraper
    squeezing whitespace) is repaired too, when it sits next to a repaired character of its
    kind; elsewhere "é «" stays French.
    """
    # mojibake is never plain (every run opens on a Latin-1 letter, Â-ô): no search
    if plain(text) or not _RUN.search(text):
        return text
    text = _RUN.sub(_fix, text)
    # "Â" + a space: a no-break space (C2 A0) whose second byte a whitespace squeeze turned
    # into a plain space; only in text that holds real mojibake, where "Â " has no other use
    text = _SQUEEZED_NBSP.sub(" ", text)
    for _ in range(3):  # a repaired character lends context to its neighbour
        repaired = _SQUEEZED_RUN.sub(_fix_squeezed, text)
        if repaired == text:
            break
        text = repaired
    return text
