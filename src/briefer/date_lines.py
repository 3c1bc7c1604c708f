"""Dates in a page's header and date lines: "04th Jan, 2020. 12:48 pm", "Published: Friday,
12 March 2021 09:14 IST", "3 hours ago", "Islamabad | Updated: 3 days ago".

:func:`find_dates` finds full calendar dates (day, month and year) in a line; :func:`is_date_only`
tells a line that holds a date or a time and nothing else worth reading. The dates of a
sentence's events are :mod:`briefer.dating`'s.
"""

from __future__ import annotations

import datetime as dt
import re

from .patterns import compiled
from .typography import plain

__all__ = [
    "FILLER",
    "PLACE_FIRST",
    "RELATIVE",
    "TIME",
    "TZ",
    "find_dates",
    "is_date_only",
    "plausible",
    "says_more_than_when",
]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = (
    # 04th Jan, 2020 · 23 December, 2019 · 12 March 2021 · 20 Nov, 2019
    compiled(rf"(?<![\w.]){_DAY}\s*(?:of\s+)?{_MON}(?:,\s*|\s+){_YEAR}(?!\d)", re.I),
    # January 30, 2026 · Jan. 4, 2020 · March 12th 2021
    compiled(rf"(?<!\w){_MON}\s+{_DAY}(?:,\s*|\s+){_YEAR}(?!\d)", re.I),
    # 2021-03-12 · 2021/03/12 · 2021.03.12
    compiled(r"(?<![\d.])(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # 12/03/2021 (month first unless impossible) · 12.03.2021 (day first)
    compiled(r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?!\d)"),
)
RELATIVE = compiled(
    r"\b(?:\d+|an?|one|few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b"
    r"|\b(?:yesterday|today|just now)\b",
    re.I,
)
#: the words of ``RELATIVE`` a line without a digit needs to match it (is_date_only's gate)
_RELATIVE_WORDS = ("ago", "yesterday", "today", "just now")
_NO_DIGIT = compiled(r"\D*")
TIME = (
    r"\d{1,2}(?:[:.]\d\d){1,2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
    r"|\d{1,2}\s?h\s?\d\d\b"  # "14h32", French and Portuguese
)
TZ = (
    r"(?:[A-Z]{1,4}T|IST|PKT|GMT|UTC|CET|EST|EDT|PST|PDT|BST|AEST|JST|WIB)"
    r"(?:\s*[+-]\d{1,2}(?::?\d\d)?)?"
)
#: what follows an ISO 8601 date in a timestamp: "T12:04:00Z", "T12:04:00.000+01:00"
_ISO_TIME = r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"
_DATE_WORDS = (
    r"published|updated|last\s+updated|modified|posted|posted\s+on|first\s+published|on|at|date"
    r"|created|released|issued|am|pm|a\.m\.|p\.m\.|hrs?|and|by|edited|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    # French, Spanish, German, Italian and Portuguese (the languages briefer labels and dates)
    r"|publiée?|mise?\s+à\s+jour|modifiée?|le|à|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|publicad[oa]|actualizad[oa]|el|de|del|a\s+las|las|lunes|martes|miércoles"
    r"|jueves|viernes|sábado|domingo|veröffentlicht|aktualisiert|am|um|uhr|montag|dienstag"
    r"|mittwoch|donnerstag|freitag|samstag|sonntag|pubblicato|aggiornato|il|alle|lunedì"
    r"|martedì|mercoledì|giovedì|venerdì|sabato|domenica|atualizad[oa]|em|às"
    r"|(?:segunda|terça|quarta|quinta|sexta)-feira"
)
FILLER = compiled(
    rf"(?:{_ISO_TIME})|(?:{TIME})|(?:\b{TZ}\b)|\b(?:{_DATE_WORDS})\b|[\s,.:;|/()\-–—•·@]+",
    re.I,
)


def _date_from_match(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("mon"):
        month = _MONTHS[groups["mon"][:3].lower()]
        day = int(groups["day"])
    elif groups.get("month"):
        month, day = int(groups["month"]), int(groups["day"])
    else:
        a, b = int(groups["a"]), int(groups["b"])
        day_first = groups["sep"] in ".-" or a > 12
        day, month = (a, b) if day_first else (b, a)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every full calendar date (day, month and year) in ``text``, as ``(date, start, end)``."""
    found: list[tuple[dt.date, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            date = _date_from_match(m)
            if date is not None:
                found.append((date, start, end))
                taken.append((start, end))
    # "4 mars 2025", "3 de mayo de 2010"; on ASCII text (typographic characters aside:
    # the foreign dates hold none), lower-casing it and the pattern matches what re.IGNORECASE
    # would, ten times faster
    if not plain(text) or _FOREIGN_MONTH.search(text.lower()):
        from .date_words import full_dates

        for date, start, end in full_dates(text):
            if not any(start < e and s < end for s, e in taken):
                found.append((date, start, end))
                taken.append((start, end))
    found.sort(key=lambda item: item[1])
    return found


#: a day and a French, Spanish, German, Italian or Portuguese month name in ASCII (the others
#: hold an accent), as :func:`briefer.date_words.full_dates` needs them, in lower-cased text: a
#: line without one has no date for it ("remains", "e-mail" and "12 April 2010" have none;
#: German's "12. April" has)
_FOREIGN_MONTH = compiled(
    r"\d(?:er|\.)?\s*(?:de\s+)?(?:janvier|janv|fevrier|mars|avril|avr|mai|juin|juillet|juil"
    r"|aout|septembre|sept|octobre|novembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio"
    r"|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio"
    r"|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|marco|maio|junho|julho"
    r"|setembro|outubro|novembro|dezembro|januar|februar|juni|juli|oktober|dezember)(?![a-z0-9_])"
    r"|\d\.\s*(?:april|august|september|november)(?![a-z0-9_])"
)


#: a place before a date line's stamp, set off by a bar, a dot or a comma ("Islamabad | Updated
#: …", a press release's "Islamabad, March 12, 2025")
PLACE_FIRST = compiled(r"[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,2}\s*(?:[|•·]|,)\s*")


#: every word of three letters or more that the patterns below can take out of a date line
#: (month and day names, the date words, relative words; a word of up to five letters ending
#: in "t" reads as a time zone): a plain ASCII line holding any other whole word is not one
_DATE_LINE_VOCABULARY = (
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december one few sec secs second seconds min mins
    minute minutes hour hours hrs day days week weeks ago yesterday today just now utc wib
    published updated last modified posted first date created released issued and edited
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun mis mise jour lundi mardi mercredi jeudi vendredi samedi dimanche publicado
    publicada actualizado actualizada del las lunes martes jueves viernes domingo
    aktualisiert uhr montag dienstag mittwoch donnerstag freitag samstag sonntag pubblicato
    aggiornato alle sabato domenica atualizado atualizada segunda quarta quinta sexta
    feira"""
)
_DATE_LINE_WORDS = frozenset(_DATE_LINE_VOCABULARY.split())
_WHOLE_WORD = compiled(r"(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])")


def _other_word(lowered: str) -> bool:
    """Whether the lower-cased ASCII line holds a whole word no date line can hold."""
    for word in _WHOLE_WORD.findall(lowered):
        if word not in _DATE_LINE_WORDS and not (len(word) <= 5 and word.endswith("t")):
            return True
    return False


def says_more_than_when(text: str) -> bool:
    """True when plain ASCII ``text`` holds a whole word that no date, time, relative-date or
    filler pattern takes out (and no foreign date): whatever those patterns remove, words are
    left. False means only that the quick test cannot tell. Typographic characters
    (:func:`~briefer.typography.plain`) are punctuation and spaces to the patterns too."""
    if not plain(text):
        return False  # the patterns' case folding and other languages: no quick answer
    lowered = text.lower()
    return not _FOREIGN_MONTH.search(lowered) and _other_word(lowered)


def is_date_only(line: str) -> bool:
    """True for a line that holds a date or time and nothing else worth reading.

    "04th Jan, 2020. 12:48 pm", "Published: Friday, 12 March 2021 09:14 IST", "3 hours ago",
    "Updated 12:48 GMT", "February 11, 2025 12:04 PM ET", "2025-02-11T12:04:00Z",
    "Islamabad | Updated: 3 days ago".
    """
    text = line.strip()
    place = PLACE_FIRST.match(text)  # "Islamabad | Updated: 3 days ago"
    if place and place.end() < len(text) and is_date_only(text[place.end() :]):
        return True
    # two stamps fit ("Published: 12:04 PM EST, Tue February 11, 2025 | Updated: 3:15 PM EST,
    # Tue February 11, 2025"); whatever is not a date, a time or a date word rules a line out
    if not text or len(text) > 130:
        return False
    if plain(text):  # (other text goes to the patterns: case folding, other languages)
        lowered = text.lower()
        if _NO_DIGIT.fullmatch(text) and not any(word in lowered for word in _RELATIVE_WORDS):
            # every date, time and "3 hours ago" holds a digit; without one only the
            # relative words can make a date line
            return False
        if says_more_than_when(text):
            return False  # what the patterns below would leave over (ten times faster)
    dates = find_dates(text)
    rest = text
    for _, start, end in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    had_time = re.search(TIME, rest, re.I) is not None
    relative = RELATIVE.search(rest) is not None
    rest = RELATIVE.sub(" ", rest)
    rest = FILLER.sub("", rest)
    return not rest and (bool(dates) or had_time or relative)


def plausible(date: dt.date, today: dt.date) -> bool:
    return dt.date(1990, 1, 1) <= date <= today
