"""Header metadata of a scraped article: title, author, outlet and publication date.

The values come from the article's own header (headline, byline, dateline) and, failing that,
from a few trustworthy places further down ("Author: …", "Reporting by …", a copyright or
app-download footer). Page chrome is never trusted for a date: the scrape date in a weather or
top bar, the dates of trending items and comments, and any date after ``today`` are ignored.

Every value records where it came from in ``Metadata.origin``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field

from briefer.models import Metadata

logger = logging.getLogger(__name__)

__all__ = [
    "Byline",
    "Header",
    "extract_metadata",
    "find_dates",
    "find_header",
    "is_date_only",
    "parse_byline",
]

# ---------------------------------------------------------------------------------------------
# dates

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
    re.compile(rf"(?<![\w.]){_DAY}\s*(?:of\s+)?{_MON}(?:,\s*|\s+){_YEAR}(?!\d)", re.I),
    # January 30, 2026 · Jan. 4, 2020 · March 12th 2021
    re.compile(rf"(?<!\w){_MON}\s+{_DAY}(?:,\s*|\s+){_YEAR}(?!\d)", re.I),
    # 2021-03-12 · 2021/03/12 · 2021.03.12
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # 12/03/2021 (month first unless impossible) · 12.03.2021 (day first)
    re.compile(r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?!\d)"),
)
_RELATIVE = re.compile(
    r"\b(?:\d+|an?|one|few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b"
    r"|\b(?:yesterday|today|just now)\b",
    re.I,
)
#: the words of ``_RELATIVE`` a line without a digit needs to match it (is_date_only's gate)
_RELATIVE_WORDS = ("ago", "yesterday", "today", "just now")
_NO_DIGIT = re.compile(r"\D*")
_TIME = (
    r"\d{1,2}(?:[:.]\d\d){1,2}\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
    r"|\d{1,2}\s?h\s?\d\d\b"  # "14h32", French and Portuguese
)
_TZ = (
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
_FILLER = re.compile(
    rf"(?:{_ISO_TIME})|(?:{_TIME})|(?:\b{_TZ}\b)|\b(?:{_DATE_WORDS})\b|[\s,.:;|/()\-–—•·@]+",
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
    # "4 mars 2025", "3 de mayo de 2010"; on ASCII text, lower-casing it and the pattern matches
    # what re.IGNORECASE would, ten times faster
    if not text.isascii() or _FOREIGN_MONTH.search(text.lower()):
        from .date_words import full_dates

        for date, start, end in full_dates(text):
            if not any(start < e and s < end for s, e in taken):
                found.append((date, start, end))
                taken.append((start, end))
    found.sort(key=lambda item: item[1])
    return found


#: French, Spanish, German, Italian and Portuguese month names in ASCII (others hold an accent),
#: lower-cased: searched in lower-cased text
_FOREIGN_MONTH = re.compile(
    r"janv|fevr|mars|avr|mai|juin|juil|aout|sept|octobre|novembre|decembre|enero|febrero"
    r"|marzo|abril|mayo|junio|julio|agosto|setiembre|octubre|noviembre|diciembre"
    r"|Januar|Februar|Mai|Juni|Juli|Oktober|Dezember"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro".lower()
)


#: a place before a date line's stamp, set off by a bar or a dot ("Islamabad | Updated …")
_PLACE_FIRST = re.compile(r"[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,2}\s*[|•·]\s*")


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
_WHOLE_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{3,}(?![A-Za-z0-9])")


def _other_word(lowered: str) -> bool:
    """Whether the lower-cased ASCII line holds a whole word no date line can hold."""
    for word in _WHOLE_WORD.findall(lowered):
        if word not in _DATE_LINE_WORDS and not (len(word) <= 5 and word.endswith("t")):
            return True
    return False


def is_date_only(line: str) -> bool:
    """True for a line that holds a date or time and nothing else worth reading.

    "04th Jan, 2020. 12:48 pm", "Published: Friday, 12 March 2021 09:14 IST", "3 hours ago",
    "Updated 12:48 GMT", "February 11, 2025 12:04 PM ET", "2025-02-11T12:04:00Z",
    "Islamabad | Updated: 3 days ago".
    """
    text = line.strip()
    place = _PLACE_FIRST.match(text)  # "Islamabad | Updated: 3 days ago"
    if place and place.end() < len(text) and is_date_only(text[place.end() :]):
        return True
    # two stamps fit ("Published: 12:04 PM EST, Tue February 11, 2025 | Updated: 3:15 PM EST,
    # Tue February 11, 2025"); whatever is not a date, a time or a date word rules a line out
    if not text or len(text) > 130:
        return False
    if text.isascii():  # (other text goes to the patterns: case folding, other languages)
        lowered = text.lower()
        if _NO_DIGIT.fullmatch(text) and not any(word in lowered for word in _RELATIVE_WORDS):
            # every date, time and "3 hours ago" holds a digit; without one only the
            # relative words can make a date line
            return False
        if not _FOREIGN_MONTH.search(lowered) and _other_word(lowered):
            return False  # what the patterns below would leave over (ten times faster)
    dates = find_dates(text)
    rest = text
    for _, start, end in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    had_time = re.search(_TIME, rest, re.I) is not None
    relative = _RELATIVE.search(rest) is not None
    rest = _RELATIVE.sub(" ", rest)
    rest = _FILLER.sub("", rest)
    return not rest and (bool(dates) or had_time or relative)


def _plausible(date: dt.date, today: dt.date) -> bool:
    return dt.date(1990, 1, 1) <= date <= today


# ---------------------------------------------------------------------------------------------
# bylines

_ROLE_WORDS = (
    r"(?:(?:web|senior|staff|sub|chief|special|political|business|sports?|news|assistant|associate"
    r"|managing|deputy|contributing|foreign|digital|executive|legal|health|science|tech(?:nology)?"
    r"|investigative|national|international|city|metro|features?|copy|online|desk|guest|regional"
    r"|principal|editorial|correspondent|lead)\s*)*"
    r"(?:editor|reporter|writer|correspondent|journalist|producer|contributor|columnist|analyst"
    r"|intern|author|editor-in-chief|photographer|blogger|staffer|anchor|bureau\s+chief)s?"
    r"(?:\s+(?:at|for|of)\s+.+)?"
)
_ROLE = re.compile(rf"^{_ROLE_WORDS}$", re.I)
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HANDLE = re.compile(r"(?<!\S)@\w{2,30}\b")
_LATE_BY = re.compile(r"(?:\||·|•)\s*(?P<by>by\s+)(?=[A-Z])", re.I)
_GLUED_CAPS = re.compile(r"(?<=[a-z])(?=[A-Z]{2,})")
_GLUED_DIGIT = re.compile(r"(?<=[^\W\d_]{3})(?=\d)")
_AGENCIES = (
    "Associated Press", "Reuters", "AFP", "Agence France-Presse", "Agence France Presse", "PTI",
    "IANS", "ANI", "AP", "UNI", "Bloomberg", "Xinhua", "dpa", "UPI", "APP", "Anadolu Agency",
    "Press Trust of India", "Kyodo", "Yonhap", "TASS", "EFE", "ANSA", "NNA", "BERNAMA",
)
_AGENCY_RE = re.compile(
    r"(?:^|\s)(?P<agency>"
    + "|".join(re.escape(a) for a in sorted(_AGENCIES, key=len, reverse=True))
    + r")$",
)
_ORG_TAIL = re.compile(
    r"\b(?:news\s+network|network|desk|agency|bureau|staff|news\s+service|service|team|newsroom"
    r"|media|group|online|news|report|reports|times|post|herald|tribune|daily|wire|wires"
    r"|correspondents?|editors|editorial\s+board)$",
    re.I,
)
_GENERIC_ORG = re.compile(
    r"^(?:(?:our|the|a|staff|web|news|city|sports?|business|online|digital|special|foreign"
    r"|political|national|international|editorial|wire)\s*)*"
    r"(?:desk|staff|correspondents?|reporters?|team|bureau|newsroom|editors|editorial\s+board"
    r"|writers?|wires?|agencies|news\s+desk|report|news\s+service|agency|news)$",
    re.I,
)
_DESK = re.compile(
    r"\b(?:desk|staff|bureau|correspondents?|reporters?|team|newsroom|editors|writers?)$", re.I
)
_STAFF_SUFFIX = re.compile(
    r"\s+(?:staff|desk|team|bureau|reporters?|correspondents?|writers?|newsroom)$", re.I
)
_BY_PREFIX = re.compile(
    r"^\s*(?:(?:written|reported|posted|story|words|text|compiled|edited)\s+by|by|author\s*:"
    r"|authors?\s*[:\-–]|writer\s*:|reporter\s*:|byline\s*:|von|par|por|di)\s*(?=\S)",
    re.I,
)
_SEGMENT_SPLIT = re.compile(r"\s*(?:\||•|·|\u2022|\s[-–—/]\s|\s{2,}|\t|;)\s*")
_UPDATED = re.compile(
    r"^(?:last\s+)?(?:updated|modified|published|posted|first\s+published|created|edited)\b\s*:?",
    re.I,
)
#: the same words after a name, before the date they introduced: "Sana Malik Published 27 Feb"
_UPDATED_AFTER = re.compile(
    r"(?:\s+(?:last\s+)?(?:updated|modified|published|posted|first\s+published|created|edited)"
    r"\b\s*:?)+\s*$",
    re.I,
)
_COMMENTS = re.compile(
    r"^\d+\s+(?:comments?|responses?|replies|shares?|views?|reads?)$|^comments?$", re.I
)
_READ_TIME = re.compile(r"^\d+\s*(?:min(?:ute)?s?|m)\s+read$|^reading\s+time", re.I)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.|(?:de|da|van|von|der|den|del|della|di|du|la|le|bin|binti|al|el"
    r"|ibn|and|&|y|e|dos|das|ter|ten|st\.?)|al-[A-Z][\w'’\-]*|[a-z]+-[A-Z][\w'’\-]*|Mc[A-Z]\w*|O'[A-Z]\w*)$"
)
_NOT_A_NAME = re.compile(
    r"^(?:admin|administrator|editor|editors|staff|team|guest|webmaster|desk|newsroom|anonymous"
    r"|user|moderator|contributor|author)$",
    re.I,
)


#: first words of places of two words or more ("New Delhi | Updated: …" names no author)
_PLACE_STARTS = (
    "new los las san santa sao abu hong kuala dera saint st st. port rio buenos cape tel sri"
    " addis dar el la ho phnom mexico costa puerto salt palm fort mount north south east west"
    " upper lower greater muzaffarabad"
)
_PLACE_START = frozenset(_PLACE_STARTS.split())


def _place_like(name: str) -> bool:
    """Whether a name of two words or more starts as places do ("New Delhi", "Abu Dhabi")."""
    return name.split()[0].lower() in _PLACE_START


@dataclass(frozen=True)
class Byline:
    """What one byline line says: a personal author, an organisation, a date."""

    author: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    agency: str | None = None


def _tidy_name(name: str) -> str:
    """Spaces squeezed, edges trimmed, and an all-capitals name put in title case."""
    name = re.sub(r"\s+", " ", name).strip(" ,;:|-–—·•")
    letters = [c for c in name if c.isalpha()]
    capitals = [w for w in name.split(" ") if len(w) > 1 and w.isupper()]
    if letters and len(capitals) >= 2 and all(
        w.isupper() or w.lower() in {"and", "&"} or len(w) == 1 for w in name.split(" ")
    ):
        name = " ".join(
            w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split(" ")
        )
    return name


def _unglue_role(segment: str) -> str | None:
    """The name in "Komal FatimaWeb Editor" (a name glued to a job title), else None."""
    for m in _GLUE.finditer(segment):
        head, tail = segment[: m.start()], segment[m.start():]
        if _ROLE.match(tail) and _looks_like_name(head):
            return head
    return None


#: " in Amsterdam" after a name in a byline without "By" (one to three capitalised words)
_WRITING_FROM = re.compile(
    r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?=\s*(?:,|\band\b|&|$))"
)


def _looks_like_name(text: str) -> bool:
    """A person's name, or a few joined by commas and "and": "Jane Doe", "JANE DOE and JOHN ROE"."""
    if any(ch.isdigit() for ch in text):
        return False
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", text.strip()) if p]
    if not 1 <= len(parts) <= 4:
        return False
    for part in parts:
        tokens = part.split()
        if not 1 <= len(tokens) <= 4 or not tokens[0][:1].isupper():
            return False
        if any(not _NAME_TOKEN.match(t) for t in tokens):
            return False
        if len(parts) > 1 and sum(t[:1].isupper() for t in tokens) < 2:
            return False
        if len(tokens) == 1 and _NOT_A_NAME.match(tokens[0]):
            return False
    return True


def _looks_like_org(text: str) -> bool:
    """An agency or outlet named in a dateline: "Reuters", "AP", "Continental Press"."""
    words = text.split()
    return text in _AGENCIES or (
        1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
            c.isdigit() for c in text
        )
    )


def _split_agency(segment: str) -> tuple[str, str | None]:
    """'JANE DOE and JOHN ROE Associated Press' → ('JANE DOE and JOHN ROE', 'Associated Press')."""
    m = _AGENCY_RE.search(segment)
    if m is None or m.start("agency") == 0:
        return segment, None
    head = segment[: m.start("agency")].rstrip(" ,")
    if head.lower().endswith((" of", " for", " the")):
        return segment, None
    return head, m.group("agency")


def _is_org(segment: str) -> bool:
    if _AGENCY_RE.fullmatch(" " + segment) is not None or segment in _AGENCIES:
        return True
    return _ORG_TAIL.search(segment) is not None


def _only_when(text: str) -> bool:
    """Whether ``text`` says nothing but when ("Published 3 hours ago", "12 March 2025 |")."""
    for _, start, end in reversed(find_dates(text)):
        text = text[:start] + " " + text[end:]
    text = _FILLER.sub(" ", _RELATIVE.sub(" ", text))
    return not re.search(r"[^\W\d_]{2,}", text)


def parse_byline(line: str, *, today: dt.date | None = None, strict: bool = True) -> Byline | None:
    """Read a byline.

    Handles "By Jane Doe | Reuters | Updated: 12 March 2021 09:14 IST", "Author: Jane Doe",
    "Jane Doe, Staff Writer", "Komal FatimaWeb Editor", "By JANE DOE and JOHN ROE Associated
    Press", "Posted on March 12, 2021 by Jane Doe".

    Returns ``None`` when the line is not a byline. With ``strict`` (the default) a line without a
    "By"/"Author:" prefix must carry a job title to count as a byline.
    """
    today = today or dt.date.today()
    text = line.strip()
    if not text or len(text) > 160:
        return None
    text = _HANDLE.sub("", text).strip()  # "By Sam Ward @samward_news"
    prefixed = _BY_PREFIX.match(text)
    late = None if prefixed else _LATE_BY.search(text)
    if late is not None and _only_when(text[: late.start()]):
        # "Published 3 hours ago | By Nina Petrova": the byline follows a time stamp
        when = text[: late.start()]
        text = text[late.start("by") :] + "  " + when
        prefixed = _BY_PREFIX.match(text)
    body = text[prefixed.end():] if prefixed else text
    if prefixed:
        # spans a page set side by side, copied without spaces: "By Ingrid HolmNRB News,
        # Nordfylke2 March 2025" is "Ingrid Holm | NRB News, Nordfylke | 2 March 2025"
        body = _GLUED_CAPS.sub("  ", _GLUED_DIGIT.sub("  ", body))
    if not prefixed:
        # "Posted on March 12, 2021 by Jane Doe"
        before, by, after = text.partition(" by ")
        if by and after and is_date_only(before):
            prefixed = _BY_PREFIX.match("by " + after)
            body = before + "  " + after
    # dates are cut out first: they may sit anywhere and hold spaces
    found = find_dates(body)
    dates = [d for d, _, _ in found if _plausible(d, today)]
    for _, start, end in reversed(found):
        body = body[:start] + "  " + body[end:]
    body = re.sub(rf"\s*(?:{_TIME})\s*(?:\b{_TZ}\b)?", "  ", body, flags=re.I)

    author: str | None = None
    outlet: str | None = None
    agency: str | None = None
    has_role = False
    unknown = 0
    segments = [s for s in _SEGMENT_SPLIT.split(body) if s and s.strip(" ,.:")]
    # "Jane Doe, Staff Writer" and "Jane Doe, Reuters": a comma before a role or an agency
    expanded: list[str] = []
    for seg in segments:
        head, sep, tail = seg.rpartition(",")
        tail = tail.strip()
        if sep and head.strip() and (_ROLE.match(tail) or _is_org(tail)):
            expanded += [head.strip(), tail]
        else:
            expanded.append(seg.strip(" ,"))
    for seg in expanded:
        seg = _UPDATED_AFTER.sub("", _UPDATED.sub("", seg)).strip(" ,:.")
        if not seg or _COMMENTS.match(seg) or _READ_TIME.match(seg) or _RELATIVE.fullmatch(seg):
            continue
        if not _FILLER.sub("", seg):
            continue
        glued = _unglue_role(seg)
        if glued:
            has_role = True
            author = author or _tidy_name(glued)
            continue
        if _ROLE.match(seg):
            has_role = True
            continue
        if _GENERIC_ORG.match(seg):
            has_role = has_role or _DESK.search(seg) is not None
            continue
        bare = re.sub(r"^the\s+", "", seg, flags=re.IGNORECASE).lower()
        canonical = next((a for a in _AGENCIES if a.lower() == bare), None)
        if canonical is not None:  # "By THE ASSOCIATED PRESS": an agency, not a person
            agency = agency or canonical
            continue
        name, found_agency = _split_agency(seg)
        if found_agency:
            agency = agency or found_agency
            if not name:
                continue
            seg = name
        if _is_org(seg) and not (seg.isupper() and _looks_like_name(seg) and " " in seg):
            if seg in _AGENCIES:
                agency = agency or seg
            else:
                outlet = outlet or _tidy_name(_STAFF_SUFFIX.sub("", seg))
            continue
        if (
            author is None
            and _looks_like_name(seg)
            and (prefixed or (len(seg.split()) >= 2 and not _place_like(seg)))
        ):
            author = _tidy_name(seg)
            continue
        if not prefixed and len(seg) <= 3:  # a time zone or an abbreviation left over
            continue
        unknown += 1
    if unknown > 1 or (unknown and not prefixed and not (has_role and author)):
        return None  # one unknown segment after a name and a role is a place ("New Delhi")
    if not prefixed and len(expanded) == 1 and author is None and (has_role or agency):
        # "Staff Reporter", "Web Desk": a byline that names no one; "Associated Press"
        return Byline(agency=agency)
    if not prefixed and strict and not has_role and not (author and (dates or agency)):
        return None
    if author is None and outlet is None and agency is None and not (
        prefixed and (dates or has_role)
    ):
        return None
    return Byline(author=author, outlet=outlet, date=dates[0] if dates else None, agency=agency)


# ---------------------------------------------------------------------------------------------
# the header

_TOP_BAR = re.compile(
    r"-?\d+(?:\.\d+)?\s*°\s*[CF]?\b|(?<![\w.])-?\d+(?:\.\d+)?\s*[cCfF](?=\s|$)|°"
    r"|\b(?:weather|sunrise|sunset|humidity|e-?paper|today'?s\s+paper)\b",
    re.I,
)
_TEMPERATURE = re.compile(
    r"-?\d+(?:\.\d+)?\s*°\s*[CF]?\b|(?<![\w.])-?\d+(?:\.\d+)?\s*[cCfF](?=\s|,|$)"
)
_DATE_KEY = re.compile(
    r"\b(?:published|posted|first\s+published|released|issued|dated?|(?:press|news|media)\s+"
    r"releases?|(?:press\s+)?statement|for\s+immediate\s+release|embargoed(?:\s+until)?"
    r"|publiée?|publicad[oa]|veröffentlicht|pubblicat[oa])\b",
    re.I,
)
_UPDATED_KEY = re.compile(
    r"\b(?:updated|modified|edited|mise?\s+à\s+jour|modifiée?|actualizad[oa]|aktualisiert"
    r"|aggiornat[oa]|atualizad[oa])\b",
    re.I,
)
_TITLE_REJECT = re.compile(
    r"^(?:home|menu|search|close|skip to|sign in|log ?in|subscribe|share|advertisement|trending"
    r"|top stories|latest|breaking news|you are here|follow us|posted|published|updated|watch"
    r"|listen|submit|opens in)\b|\b(?:min(?:ute)?s?\s+read|reading\s+time|opens\s+in\s+(?:a\s+)?"
    r"new\s+(?:window|tab))\b"
    r"|https?://|www\.|\.com\b|^[a-z0-9]+(?:-[a-z0-9]+){3,}$|\b\d{2,4}\s*[x×]\s*\d{2,4}\b",
    re.I,
)
_SENTENCES = re.compile(r"[a-z0-9][.!?]\s+[A-Z]|\.\.\.$|…$")
_NOT_SITE_START = frozenset(
    {"and", "or", "but", "so", "yet", "not", "is", "are", "was", "what", "why", "how", "who"}
)
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
#: a news site's name alone on a line: a few capitalised words, one of them a newspaper's
#: ("Geo News", "Pakistan Today", "THE COASTAL TRIBUNE", "Business Recorder")
_MASTHEAD = re.compile(
    r"(?!(?i:(?:latest|breaking|top|business|world|local|sports?|national|international|city"
    r"|health|tech|science|entertainment|more|related|trending|daily|good)\s+news\b))"
    r"(?:The\s+|THE\s+)?(?:[A-Z][\w'’&.-]*\s+){0,3}?(?:News|NEWS|Times|TIMES|Tribune|TRIBUNE"
    r"|Herald|HERALD|Post|POST|Express|EXPRESS|Today|TODAY|Daily|DAILY|Recorder|RECORDER"
    r"|Gazette|GAZETTE|Journal|JOURNAL|Observer|OBSERVER|Chronicle|CHRONICLE|Telegraph"
    r"|TELEGRAPH|Dispatch|DISPATCH|Courier|COURIER|Standard|STANDARD|Nation|NATION|Mirror|MIRROR"
    r"|Independent|INDEPENDENT|Guardian|GUARDIAN|Hindu|HINDU|Statesman|STATESMAN|Sentinel"
    r"|SENTINEL|Monitor|MONITOR|Inquirer|INQUIRER|Examiner|EXAMINER)(?:\s+[A-Z][\w'’&.-]*)?"
)
_NO_OUTLET = frozenset({"the", "a", "an", "our", "your", "this", "their", "its"})
#: "Download the BOL News App", "Stay updated with Geo News: Download the app"
_APP_OUTLET = re.compile(
    r"^(?:download\s+(?:the\s+)?|stay\s+(?:updated|connected|informed|tuned)\s+with\s+)"
    r"(?P<name>.+?)(?:\s+app\b|\s*[:,–—-]\s*download\b)",
    re.I,
)
_COPYRIGHT_OUTLET = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?)?\s*,?\s*"
    r"(?P<name>[A-Z][\w&'’.\- ]{1,60}?)\s*(?:,|\.|\||·|•|\s-\s|all rights|$)",
    re.I,
)
_DATELINE_AGENCY = re.compile(
    r"^[A-Z][A-Z .,'’\-]{2,60}(?:,\s*[A-Z][a-z]+\.?\s*\d{0,2})?\s*"
    r"\((?P<agency>[A-Za-z][\w .\-]{1,30})\)\s*[-–—:]"
)
#: a dateline with a full date before the dash: "THE HAGUE, March 6, 2025 —", "LONDON, 6 March
#: 2025 (Reuters) -"
_DATELINE_DATE = re.compile(
    r"^[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?,\s*(?P<date>[^—–()]{6,30}?\d{4})"
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:--|[-–—:])\s"
)
_TAIL_AUTHOR = re.compile(
    r"^\s*(?:author|written\s+by|words\s+by|story\s+by|article\s+by)\s*:?\s*(?P<name>.+?)\s*$", re.I
)
_REPORTING_BY = re.compile(
    r"^\s*\(?\s*(?:additional\s+)?reporting\s+by\s+(?P<name>[^;()]+?)"
    r"(?:\s+in\s+[A-Z][\w ]+)?\s*(?:[;)]|editing\s+by|$)",
    re.I,
)


@dataclass(frozen=True)
class Header:
    """The metadata found in the text, and which lines it was read from.

    ``roles`` maps a line index to what it is ("title", "byline", "date line"): the cleaner drops
    those lines from the body.
    """

    metadata: Metadata
    roles: dict[int, str] = field(default_factory=dict)


#: a sentence-case line of 12 words or more under a shorter headline-like line (shorter than
#: this share of it) is the headline's standfirst ("dek"), not the headline
DEK_RATIO = 0.9


def _title_candidate(line: str) -> bool:
    text = line.strip()
    words = text.split()
    if not 2 <= len(words) <= 24 or len(text) < 12 or len(text) > 200:
        return False
    if _SENTENCES.search(text):  # two sentences: a teaser or a paragraph, not a headline
        return False
    if _TITLE_REJECT.search(text) or _TEMPERATURE.search(text) or is_date_only(text):
        return False
    if find_dates(text):  # an item of a list of events or stories, not a headline
        return False
    if _ROLE.match(text) or _GENERIC_ORG.match(text):
        return False
    if text.endswith((".", ",", ";")) and not text.endswith("..."):
        return False
    if text.isupper() and len(words) <= 3:
        return False
    return sum(c.isalpha() for c in text) >= 0.6 * len(text.replace(" ", ""))


def _title_score(text: str, counts: dict[str, int]) -> float:
    """How much a header line looks like the headline (minus infinity: not at all)."""
    if not _title_candidate(text):
        return float("-inf")
    words = len(text.split())
    score = float(min(words, 14))
    if words <= 3:
        score -= 3.0
    if counts.get(text, 0) >= 2:
        score += 5.0
    if _looks_like_name(text):  # "Jane Doe and John Roe": a byline without "By"
        score -= 8.0
    return score


def _date_lines(stripped: Sequence[str], indices: Iterable[int]) -> list[int]:
    """The lines among ``indices`` that are a date line ("Published: 12 March 2021")."""
    found = []
    for i in indices:
        text = stripped[i]
        if not text or _TOP_BAR.search(text) or len(text.split()) > 15:
            continue
        if is_date_only(text) or (_DATE_KEY.search(text) and find_dates(text)):
            found.append(i)
    return found


def _clean_title(text: str) -> tuple[str, str | None]:
    """A headline and a site name when the line is "Headline | Site"."""
    parts = _TITLE_SPLIT.split(text.strip())
    if len(parts) >= 2:
        head, tail = parts[0], parts[-1]
        tail_words = tail.split()
        if (
            len(tail_words) <= 4
            and len(head.split()) >= 3
            and len(tail) < len(head)
            and all(w[:1].isupper() or not w[:1].isalpha() for w in tail_words)
            and tail_words[0].lower() not in _NOT_SITE_START
        ):
            return head.strip(), tail.strip()
    return text.strip(), None


def _named_date_line(text: str) -> str | None:
    """The author a date line starts with, set off by a bar ("Imran Ali Shah | Published
    March 7, 2025"): a name of two words or more that is not a place or a desk."""
    place = _PLACE_FIRST.match(text)
    if place is None:
        return None
    name = text[: place.end()].strip().rstrip("|•·").strip()
    words = name.split()
    if (
        len(words) < 2
        or _place_like(name)
        or _GENERIC_ORG.match(name)
        or not _looks_like_name(name)
    ):
        return None
    return _tidy_name(name)


def find_header(
    lines: Sequence[str],
    *,
    body_start: int | None = None,
    body_end: int | None = None,
    today: dt.date | None = None,
    chrome: Container[int] = (),
) -> Header:
    """Find the title, byline and publication date of an article in its lines.

    ``body_start`` is the index of the first body line (the header lies before it, give or take
    a repeated headline or a byline just after it); ``body_end`` the index after the last body
    line (trending lists and comments after it are never read for a date). Unknown: the whole
    text is taken as header, which is only safe for short texts. ``chrome`` holds the indices
    of lines known to be page chrome (menus, share buttons…): never a title.
    """
    today = today or dt.date.today()
    n = len(lines)
    start = body_start if body_start is not None else min(n, 12)
    end = body_end if body_end is not None else n
    header_end = min(n, start + 3)
    roles: dict[int, str] = {}
    origin: dict[str, str] = {}
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    agency: str | None = None
    published: dt.date | None = None
    stripped = [line.strip() for line in lines]

    # bylines in the header, the one nearest the body first
    bylines: list[tuple[int, Byline]] = []
    for i in range(header_end - 1, max(-1, start - 25), -1):
        text = stripped[i]
        if not text or _TOP_BAR.search(text):
            continue
        parsed = parse_byline(text, today=today)
        if parsed is not None:
            bylines.append((i, parsed))
    for i, b in sorted(bylines):
        roles[i] = "byline"
        where = f"byline line {i + 1}: {stripped[i]!r}"
        if author is None and b.author:
            author, origin["author"] = b.author, where
        if outlet is None and b.outlet:
            outlet, origin["outlet"] = b.outlet, where
        if agency is None and b.agency:
            agency = b.agency
            origin.setdefault("agency", where)
        if published is None and b.date:
            published, origin["published"] = b.date, where

    # the title: the headline nearest the byline, date line or body start; a headline that
    # the page repeats, and a longer line, count for more
    anchor = min([start, *roles, *_date_lines(stripped, range(max(0, start - 25), header_end))])
    counts: dict[str, int] = {}
    for i in range(0, header_end):
        if stripped[i]:
            counts[stripped[i]] = counts.get(stripped[i], 0) + 1
    title_index: int | None = None
    best_score = float("-inf")

    def dek_penalty(i: int) -> float:
        """A longer line right under a headline-like line is its standfirst, not the headline."""
        j = i - 1
        while j >= 0 and not stripped[j]:
            j -= 1
        if j < 0 or j in roles or j in chrome or not _title_candidate(stripped[j]):
            return 0.0
        above, below = stripped[j], stripped[i]
        words = below.split()
        sentence_case = sum(w[:1].isupper() for w in words) < 0.5 * len(words)
        dek = (
            sentence_case
            and len(words) >= 12
            and len(above.split()) >= 4
            and len(above) < DEK_RATIO * len(below)
        )
        return 10.0 if dek else 0.0

    distance = 0
    for i in range(anchor - 1, max(-1, anchor - 16), -1):
        if not stripped[i]:
            continue
        distance += 1
        score = _title_score(stripped[i], counts) - 0.7 * distance - dek_penalty(i)
        if i not in roles and i not in chrome and score > best_score:
            title_index, best_score = i, score
    distance = 0
    for i in range(anchor + 1, max(start, anchor + 1)):
        if not stripped[i]:
            continue
        distance += 1
        score = _title_score(stripped[i], counts) - 0.7 * distance - 1.0 - dek_penalty(i)
        if i not in roles and i not in chrome and score > best_score:
            title_index, best_score = i, score
    if (
        title_index is None
        and body_start is not None
        and start < n
        and start not in chrome
        and _title_candidate(stripped[start])
        and any(j in roles for j in range(start + 1, header_end))
    ):
        # the headline was taken for a body line: it stands right before the byline
        title_index = start
    if title_index is not None:
        title, site = _clean_title(stripped[title_index])
        origin["title"] = f"headline line {title_index + 1}: {stripped[title_index]!r}"
        if site and outlet is None and not _looks_like_name(title):
            outlet, origin["outlet"] = site, f"headline line {title_index + 1}"
        for i in range(0, header_end):
            if stripped[i] == stripped[title_index]:
                roles[i] = "title"

    # a date line near the headline, when the byline carried none
    if published is None:
        first = title_index if title_index is not None else max(0, start - 6)
        best: tuple[int, int, dt.date, int] | None = None
        for i in range(max(0, first - 2), header_end):
            text = stripped[i]
            if not text or _TOP_BAR.search(text) or (i in roles and roles[i] == "title"):
                continue
            date_only = is_date_only(text)
            keyed = (
                _DATE_KEY.search(text) is not None or _UPDATED_KEY.search(text) is not None
            ) and len(text.split()) <= 15
            if not (date_only or keyed or i in roles):
                continue
            found = [(d, start) for d, start, _ in find_dates(text) if _plausible(d, today)]
            if not found:
                continue
            # "Updated 8 March | Published 6 March": the date the publication key leads to
            key = _DATE_KEY.search(text)
            after_key = [d for d, start in found if key is not None and start > key.start()]
            dates = after_key or [d for d, _ in found]
            rank = 0 if keyed and not _UPDATED_KEY.search(text) else 1
            if i < first:
                rank += 2
            if best is None or (rank, abs(i - start)) < (best[0], best[1]):
                best = (rank, abs(i - start), dates[0], i)
        if best is not None:
            published, date_line = best[2], best[3]
            roles.setdefault(date_line, "date line")
            origin["published"] = f"date line {date_line + 1}: {stripped[date_line]!r}"

    # a line of names alone next to the headline or the date line: a byline without "By"
    if author is None and title_index is not None:
        near = {title_index, *(i for i, role in roles.items() if role == "date line")}
        for i in range(title_index + 1, header_end):
            named = _named_date_line(stripped[i]) if roles.get(i) == "date line" else None
            if named is not None:  # "Imran Ali Shah | Published March 7, 2025 Updated …"
                author = named
                origin["author"] = f"date line {i + 1}: {stripped[i]!r}"
                break
            # "Jan Visser in Amsterdam", "A Roe in Athens and B Doe in Rome": where they wrote
            # from is not part of the name
            text = _WRITING_FROM.sub("", stripped[i])
            if (
                i in roles
                or i in chrome  # "Facebook Count", "Twitter Share"
                or not text
                or not _looks_like_name(text)
                or len(text.split()) < 2
            ):
                continue
            if any(j is not None and 0 < abs(i - j) <= 2 for j in near):
                author = _tidy_name(text)
                origin["author"] = f"byline line {i + 1}: {stripped[i]!r}"
                roles[i] = "byline"
                break

    # further down: "Author: …", "Reporting by …", an app or copyright footer, a dateline
    tail_from = max(header_end, 0)
    tail_to = min(n, end + 12)
    for i in range(tail_from, tail_to):
        text = stripped[i]
        if not text:
            continue
        if author is None and len(text) < 80:
            m = _TAIL_AUTHOR.match(text)
            if m and _looks_like_name(m.group("name")):
                author = _tidy_name(m.group("name"))
                origin["author"] = f"author line {i + 1}: {text!r}"
                roles[i] = "byline"
                continue
        if author is None and len(text) < 200:
            m = _REPORTING_BY.match(text)
            if m:
                name = re.split(r"\s*(?:,|\band\b)\s*", m.group("name").strip())[0]
                if _looks_like_name(name):
                    author = _tidy_name(name)
                    origin["author"] = f"credits line {i + 1}: {text!r}"
                    roles[i] = "byline"
    if published is None and body_start is not None:
        # a dateline that names the full date: "THE HAGUE, March 6, 2025 — The cabinet today …"
        for i in range(body_start, min(n, body_start + 3)):
            m = _DATELINE_DATE.match(stripped[i])
            stamped = find_dates(m.group("date")) if m else []
            if stamped and _plausible(stamped[0][0], today):
                published = stamped[0][0]
                origin["published"] = f"dateline line {i + 1}: {stripped[i][:60]!r}"
                break
    if agency is None:
        for i in range(max(0, start - 1), min(n, start + 6)):
            m = _DATELINE_AGENCY.match(stripped[i])
            if m and _looks_like_org(m.group("agency").strip()):
                agency = m.group("agency").strip()
                origin.setdefault("agency", f"dateline line {i + 1}: {stripped[i][:60]!r}")
                break
    if outlet is None:
        for i in range(n - 1, max(-1, start - 1), -1):
            text = stripped[i]
            if not text or len(text) > 160:
                continue
            m = _APP_OUTLET.match(text) or _COPYRIGHT_OUTLET.search(text)
            if m:
                name = re.sub(r"(?:\s*,?\s*(?:19|20)\d\d)+$", "", m.group("name")).strip(" .,")
                name = re.sub(r"^(?:by|copyright)\s+(?=[A-Z])", "", name, flags=re.I)
                if (
                    2 <= len(name) <= 60
                    and name.lower() not in _NO_OUTLET  # "Download the app" names none
                    and not re.search(r"\b(?:rights|reserved)\b", name, re.I)
                ):
                    outlet = name
                    origin["outlet"] = f"footer line {i + 1}: {text!r}"
                    break
    if outlet is None:
        # the page's masthead, its first line: "Geo News", "THE COASTAL TRIBUNE"
        top = next((i for i in range(min(n, 3)) if stripped[i]), None)
        if top is not None and top != title_index and _MASTHEAD.fullmatch(stripped[top]):
            outlet = _tidy_name(stripped[top])
            origin["outlet"] = f"masthead line {top + 1}: {stripped[top]!r}"
    if outlet is None and agency is not None:
        outlet = agency
        origin["outlet"] = origin.get("agency", "agency")
    origin.pop("agency", None)

    metadata = Metadata(
        title=title, outlet=outlet, author=author, published=published, origin=origin
    )
    logger.debug("header metadata %s from %s", metadata, origin)
    return Header(metadata=metadata, roles=roles)


def extract_metadata(
    lines: Sequence[str],
    *,
    body_start: int | None = None,
    body_end: int | None = None,
    today: dt.date | None = None,
) -> Metadata:
    """Title, author, outlet and publication date read from an article's header and byline.

    See :func:`find_header` for ``body_start`` and ``body_end``; ``today`` (default: the system
    date) bounds the publication date: a later date is page chrome, never the article's.
    """
    return find_header(lines, body_start=body_start, body_end=body_end, today=today).metadata
