"""Dates written in French, Spanish, German, Italian and Portuguese, for
:func:`briefer.dating.find_dates`.

    "le 12 mars 2010", "le 1er mai"           French: day, month, year as written
    "el 3 de mayo de 2010", "en marzo de 2011" Spanish
    "am 3. Mai 2010", "im März 2011"          German
    "lundi", "el martes pasado", "am Freitag" a weekday, counted from publication
    "hier", "ayer", "gestern", "demain"       a day counted from publication
    "il 12 marzo 2010", "ieri", "lunedì"      Italian; "3 de maio de 2010", "ontem" Portuguese

French, Spanish, Italian and Portuguese month and weekday names are matched in lower case
(as those languages write them) and German ones capitalised, so English text is not
misread: "Mardi Gras", "Mars" and "A. J. Ayer" are no dates. A weekday is the last one on
or before publication unless the clause before it marks the future ("lundi prochain", "se
reunirá el martes", "wird am Freitag"). ``dating.find_dates`` adds them for a source in one
of these languages (:func:`with_foreign_dates`): where a reading overlaps an English one,
the language's wins.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from .dating import DateMention
from .models import Basis, Precision, When
from .patterns import compiled

Reading = tuple[When, int, int, int]
Direction = Literal["past", "future"]

MONTHS: dict[str, dict[str, int]] = {
    "french": {
        "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4,
        "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
        "septembre": 9, "sept": 9, "octobre": 10, "novembre": 11, "décembre": 12,
        "decembre": 12, "déc": 12,
    },
    "spanish": {
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
        "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
        "diciembre": 12,
    },
    "italian": {
        "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6,
        "luglio": 7, "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    },
    "portuguese": {
        "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "abril": 4, "maio": 5, "junho": 6,
        "julho": 7, "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    },
    "german": {
        "Januar": 1, "Jänner": 1, "Februar": 2, "März": 3, "April": 4, "Mai": 5, "Juni": 6,
        "Juli": 7, "August": 8, "September": 9, "Oktober": 10, "November": 11, "Dezember": 12,
    },
}  # fmt: skip

WEEKDAYS: dict[str, dict[str, int]] = {
    "french": {
        "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
        "dimanche": 6,
    },
    "spanish": {
        "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
        "sábado": 5, "sabado": 5, "domingo": 6,
    },
    "italian": {
        "lunedì": 0, "lunedi": 0, "martedì": 1, "martedi": 1, "mercoledì": 2, "mercoledi": 2,
        "giovedì": 3, "giovedi": 3, "venerdì": 4, "venerdi": 4, "sabato": 5, "domenica": 6,
    },
    "portuguese": {
        "segunda-feira": 0, "terça-feira": 1, "terca-feira": 1, "quarta-feira": 2,
        "quinta-feira": 3, "sexta-feira": 4, "sábado": 5, "sabado": 5, "domingo": 6,
    },
    "german": {
        "Montag": 0, "Dienstag": 1, "Mittwoch": 2, "Donnerstag": 3, "Freitag": 4,
        "Samstag": 5, "Sonnabend": 5, "Sonntag": 6,
    },
}  # fmt: skip

#: days counted from publication ("avant-hier" is two days before)
RELATIVE_DAYS: dict[str, dict[str, int]] = {
    "french": {
        "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
        "après-demain": 2,
    },
    "spanish": {"anteayer": -2, "antier": -2, "ayer": -1, "hoy": 0, "mañana": 1},
    "italian": {"l'altro ieri": -2, "l’altro ieri": -2, "ieri": -1, "oggi": 0, "domani": 1,
                "dopodomani": 2},
    "portuguese": {"anteontem": -2, "ontem": -1, "hoje": 0, "amanhã": 1},
    "german": {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2},
}  # fmt: skip

#: a weekday followed (French, Spanish) or preceded (German) by these is the next one / last one
_NEXT = r"prochain|próximo|proximo|próxima|proxima|que\s+viene|prossimo|nächsten|kommenden"
_LAST = r"dernier|pasado|passado|passada|scorso|letzten|vergangenen"

#: a clause about what will happen: its weekday is the next one
_FUTURE = compiled(
    r"\b(?:\w+r(?:a|ont)|va|vont|doit|doivent"
    r"|será|serán|habrá|tendrá|va\s+a|van\s+a|\w+rá|\w+rán"
    r"|\w+rà|\w+ranno|\w+rão|vai|vão"
    r"|wird|werden|soll|sollen)\b"
)
#: "por la mañana", "esta mañana": the morning, not tomorrow
_MORNING_BEFORE = compiled(r"(?:\bla|\besta|\bde\s+la)\s+$")

_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _month_of(name: str, language: str) -> int:
    return MONTHS[language][name.rstrip(".")]


_FR_ABBREVIATED = ("janv", "févr", "avr", "juil", "sept", "déc")
_FR_MONTH = (
    _alternation([m for m in MONTHS["french"] if m not in _FR_ABBREVIATED])
    + "|"
    + _alternation(list(_FR_ABBREVIATED))
    + r"\.?"
)
_MONTH = {
    "french": f"(?:{_FR_MONTH})(?![\\w])",
    "spanish": _alternation(list(MONTHS["spanish"])) + r"(?![\w])",
    "german": _alternation(list(MONTHS["german"])) + r"(?![\w])",
    "italian": _alternation(list(MONTHS["italian"])) + r"(?![\w])",
    "portuguese": _alternation(list(MONTHS["portuguese"])) + r"(?![\w])",
}
_DAY = r"(?P<d>[0-3]?\d)"

#: day and month, the year when written: "12 mars 2010", "3 de mayo de 2010", "3. Mai 2010"
_DAY_MONTH = {
    "french": compiled(rf"(?<![\w.,]){_DAY}(?:er)?\s+(?P<m>{_MONTH['french']})(?:\s+{_YEAR})?"),
    "spanish": compiled(
        rf"(?<![\w.,]){_DAY}\s+de\s+(?P<m>{_MONTH['spanish']})(?:\s+(?:de|del)\s+{_YEAR})?"
    ),
    "german": compiled(rf"(?<![\w.,]){_DAY}\.\s*(?P<m>{_MONTH['german']})(?:\s+{_YEAR})?"),
    "italian": compiled(
        rf"(?<![\w.,]){_DAY}(?:°|º)?\s+(?P<m>{_MONTH['italian']})(?:\s+{_YEAR})?"
    ),
    "portuguese": compiled(
        rf"(?<![\w.,]){_DAY}(?:º)?\s+de\s+(?P<m>{_MONTH['portuguese']})(?:\s+de\s+{_YEAR})?"
    ),
}
#: a month of a year: "mars 2010", "marzo de 2011", "März 2011"
_MONTH_YEAR = {
    "french": compiled(rf"(?<![\w])(?P<m>{_MONTH['french']})\s+{_YEAR}"),
    "spanish": compiled(rf"(?<![\w])(?P<m>{_MONTH['spanish']})\s+(?:de\s+|del\s+)?{_YEAR}"),
    "german": compiled(rf"(?<![\w])(?P<m>{_MONTH['german']})\s+{_YEAR}"),
    "italian": compiled(rf"(?<![\w])(?P<m>{_MONTH['italian']})\s+(?:del\s+)?{_YEAR}"),
    "portuguese": compiled(rf"(?<![\w])(?P<m>{_MONTH['portuguese']})\s+(?:de\s+)?{_YEAR}"),
}


def _capitalised_first(words: list[str]) -> list[str]:
    return [*words, *(w[:1].upper() + w[1:] for w in words)]


#: a weekday, its "next"/"last" word after it (French, Spanish) or before it (German)
_WEEKDAY = {
    language: compiled(
        rf"(?:(?P<before>{_NEXT}|{_LAST})\s+)?(?<![\w])(?P<wd>{_alternation(list(names))})"
        rf"(?:\s+(?P<after>{_NEXT}|{_LAST}))?(?![\w])"
    )
    for language, names in WEEKDAYS.items()
}
#: "hier", "ayer", "gestern" … (French and Spanish ones also capitalised, opening a sentence)
_RELATIVE = {
    language: compiled(
        rf"(?<![\w'’-])(?P<rel>{_alternation(forms)})(?![\w'’-])"  # "Morgen" is the morning
    )
    for language, days in RELATIVE_DAYS.items()
    for forms in [list(days) if language == "german" else _capitalised_first(list(days))]
}


def _future_before(text: str, start: int) -> bool:
    """Whether the clause leading to ``start`` (back to a comma, at most 40 characters) is
    in the future: "se réunira vendredi", "votará el martes", "wird am Freitag"."""
    clause = re.split(r"[,;:«»“”]", text[max(0, start - 40) : start])[-1]
    return _FUTURE.search(clause) is not None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add(day: dt.date, days: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _nearest_year(published: dt.date, month: int, day: int) -> dt.date | None:
    """The day of that month and day nearest to publication (a date without its year)."""
    found = [
        d for y in (published.year - 1, published.year, published.year + 1)
        if (d := _safe(y, month, day)) is not None
    ]  # fmt: skip
    if not found:
        return None
    return min(found, key=lambda d: (abs((d - published).days), d > published))


def _weekday(published: dt.date, weekday: int, direction: Direction) -> dt.date | None:
    if direction == "future":
        return _add(published, (weekday - published.weekday()) % 7 or 7)
    return _add(published, -((published.weekday() - weekday) % 7))


def _reading(
    day: dt.date | None, precision: Precision, basis: str, match: re.Match[str], priority: int
) -> list[Reading]:
    if day is None:
        return []
    kind: Basis = "explicit" if basis == "explicit" else "relative"
    return [(When(day, precision, kind, match.group(0)), match.start(), match.end(), priority)]


def foreign_dates(text: str, published: dt.date | None, language: str) -> list[Reading]:
    """The date expressions of ``text`` in ``language`` (french, spanish, german, italian,
    portuguese; none for
    others), resolved like English ones: a day without its year, a weekday or "hier" needs
    ``published`` (else it is left out)."""
    if language not in MONTHS:
        return []
    found: list[Reading] = []
    for match in _DAY_MONTH[language].finditer(text):
        month, day = _month_of(match["m"], language), int(match["d"])
        if match["y"]:
            found += _reading(_safe(int(match["y"]), month, day), "day", "explicit", match, 1)
        elif published is not None:
            found += _reading(_nearest_year(published, month, day), "day", "explicit", match, 3)
    for match in _MONTH_YEAR[language].finditer(text):
        month = _month_of(match["m"], language)
        found += _reading(_safe(int(match["y"]), month, 1), "month", "explicit", match, 5)
    if published is None:
        return found
    for match in _WEEKDAY[language].finditer(text):
        modifier = match["before"] or match["after"] or ""
        weekday = WEEKDAYS[language][match["wd"]]
        base: dt.date | None = published
        direction: Direction = "future" if _future_before(text, match.start()) else "past"
        if re.fullmatch(_NEXT, modifier):
            direction = "future"
        elif re.fullmatch(_LAST, modifier):
            direction = "past"
            base = _add(published, -1)  # "lundi dernier" said on a Monday is a week ago
        if base is not None:
            found += _reading(_weekday(base, weekday, direction), "day", "relative", match, 8)
    for match in _RELATIVE[language].finditer(text):
        word = match["rel"]
        if word.lower() == "mañana" and _MORNING_BEFORE.search(text[: match.start()]):
            continue
        shift = RELATIVE_DAYS[language][word[:1].lower() + word[1:]]
        found += _reading(_add(published, shift), "day", "relative", match, 9)
    return found


def full_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every day, month and year written in French, Spanish or German ("4 mars 2025",
    "10 de abril de 2025", "3. Mai 2010") as ``(date, start, end)``: for bylines and date
    lines, read before an article's language is known."""
    found = []
    for language, pattern in _DAY_MONTH.items():
        for match in pattern.finditer(text):
            if match["y"]:
                month = _month_of(match["m"], language)
                date = _safe(int(match["y"]), month, int(match["d"]))
                if date is not None:
                    found.append((date, match.start(), match.end()))
    return found


def with_foreign_dates(
    mentions: list[DateMention], text: str, published: dt.date | None, language: str
) -> list[DateMention]:
    """``mentions`` (dating's English readings) with ``text``'s dates in ``language`` added;
    where two overlap the language's own reading wins ("12 mars 2010" over "2010")."""
    readings = foreign_dates(text, published, language)
    if not readings:
        return mentions
    kept: list[Reading] = []
    for reading in sorted(readings, key=lambda r: (r[3], r[1] - r[2], r[1])):
        if all(reading[2] <= k[1] or reading[1] >= k[2] for k in kept):
            kept.append(reading)
    own = [DateMention(when, start, end) for when, start, end, _ in kept]
    english = [m for m in mentions if all(m.end <= o.start or m.start >= o.end for o in own)]
    return sorted([*english, *own], key=lambda m: m.start)
