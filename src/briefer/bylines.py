"""Bylines: "By Jane Doe | Reuters | Updated: 12 March 2021 09:14 IST", "Author: Jane Doe",
"Jane Doe, Staff Writer", "Posted on March 12, 2021 by Jane Doe": who wrote an article, for
which outlet or agency, and when.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefer.date_lines import (
    FILLER,
    RELATIVE,
    TIME,
    TZ,
    find_dates,
    is_date_only,
    plausible,
    says_more_than_when,
)

from .patterns import compiled

__all__ = [
    "GENERIC_ORG",
    "ROLE",
    "WRITING_FROM",
    "Byline",
    "looks_like_name",
    "looks_like_org",
    "parse_byline",
    "place_like",
    "tidy_name",
]

_ROLE_WORDS = (
    r"(?:(?:web|senior|staff|sub|chief|special|political|business|sports?|news|assistant|associate"
    r"|managing|deputy|contributing|foreign|digital|executive|legal|health|science|tech(?:nology)?"
    r"|investigative|national|international|city|metro|features?|copy|online|desk|guest|regional"
    r"|principal|editorial|correspondent|lead)\s*)*"
    r"(?:editor|reporter|writer|correspondent|journalist|producer|contributor|columnist|analyst"
    r"|intern|author|editor-in-chief|photographer|blogger|staffer|anchor|bureau\s+chief)s?"
    r"(?:\s+(?:at|for|of)\s+.+)?"
)
ROLE = compiled(rf"^{_ROLE_WORDS}$", re.I)
_GLUE = compiled(r"(?<=[a-z])(?=[A-Z])")
_HANDLE = compiled(r"(?<!\S)@\w{2,30}\b")
_LATE_BY = compiled(r"(?:\||·|•)\s*(?P<by>by\s+)(?=[A-Z])", re.I)
_GLUED_CAPS = compiled(r"(?<=[a-z])(?=[A-Z]{2,})")
_GLUED_DIGIT = compiled(r"(?<=[^\W\d_]{3})(?=\d)")
_AGENCIES = (
    "Associated Press", "Reuters", "AFP", "Agence France-Presse", "Agence France Presse", "PTI",
    "IANS", "ANI", "AP", "UNI", "Bloomberg", "Xinhua", "dpa", "UPI", "APP", "Anadolu Agency",
    "Press Trust of India", "Kyodo", "Yonhap", "TASS", "EFE", "ANSA", "NNA", "BERNAMA",
)
_AGENCY_RE = compiled(
    r"(?:^|\s)(?P<agency>"
    + "|".join(re.escape(a) for a in sorted(_AGENCIES, key=len, reverse=True))
    + r")$",
)
_ORG_TAIL = compiled(
    # (?=…): the letters its words start with, so that the search passes other places at once
    r"(?=[abcdeghmnoprstw])"
    r"\b(?:news\s+network|network|desk|agency|bureau|staff|news\s+service|service|team|newsroom"
    r"|media|group|online|news|report|reports|times|post|herald|tribune|daily|wire|wires"
    r"|correspondents?|editors|editorial\s+board)$",
    re.I,
)
GENERIC_ORG = compiled(
    r"^(?:(?:our|the|a|staff|web|news|city|sports?|business|online|digital|special|foreign"
    r"|political|national|international|editorial|wire)\s*)*"
    r"(?:desk|staff|correspondents?|reporters?|team|bureau|newsroom|editors|editorial\s+board"
    r"|writers?|wires?|agencies|news\s+desk|report|news\s+service|agency|news)$",
    re.I,
)
_DESK = compiled(
    r"(?=[bcdenrstw])"  # (?=…): the characters a match can start with
    r"\b(?:desk|staff|bureau|correspondents?|reporters?|team|newsroom|editors|writers?)$", re.I
)
_STAFF_SUFFIX = compiled(
    r"\s+(?:staff|desk|team|bureau|reporters?|correspondents?|writers?|newsroom)$", re.I
)
_BY_PREFIX = compiled(
    r"^\s*(?:(?:written|reported|posted|story|words|text|compiled|edited)\s+by|by|author\s*:"
    r"|authors?\s*[:\-–]|writer\s*:|reporter\s*:|byline\s*:|von|par|por|di)\s*(?=\S)",
    re.I,
)
_SEGMENT_SPLIT = compiled(r"\s*(?:\||•|·|\u2022|\s[-–—/]\s|\s{2,}|\t|;)\s*")
#: the words that introduce a byline's time stamp: "Updated:", "Last updated", "Published"
_STAMP = (
    r"(?:last\s+)?(?:updated|modified|published|posted|first\s+published|created|edited)\b\s*:?"
)
_UPDATED = compiled(rf"^{_STAMP}", re.I)
#: a time of day and its zone, cut out of a byline like its dates
_TIME_OF_DAY = compiled(rf"\s*(?:{TIME})\s*(?:\b{TZ}\b)?", re.I)
_ANY_DIGIT = compiled(r"\d")
#: the same words after a name, before the date they introduced: "Sana Malik Published 27 Feb"
_UPDATED_AFTER = compiled(rf"(?:\s+{_STAMP})+\s*$", re.I)
_COMMENTS = compiled(
    r"^\d+\s+(?:comments?|responses?|replies|shares?|views?|reads?)$|^comments?$", re.I
)
_READ_TIME = compiled(r"^\d+\s*(?:min(?:ute)?s?|m)\s+read$|^reading\s+time", re.I)
_NAME_TOKEN = compiled(
    r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.|(?:de|da|van|von|der|den|del|della|di|du|la|le|bin|binti|al|el"
    r"|ibn|and|&|y|e|dos|das|ter|ten|st\.?)|al-[A-Z][\w'’\-]*|[a-z]+-[A-Z][\w'’\-]*|Mc[A-Z]\w*|O'[A-Z]\w*)$"
)
_NOT_A_NAME = compiled(
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


def place_like(name: str) -> bool:
    """Whether a name of two words or more starts as places do ("New Delhi", "Abu Dhabi")."""
    return name.split()[0].lower() in _PLACE_START


@dataclass(frozen=True)
class Byline:
    """What one byline line says: a personal author, an organisation, a date."""

    author: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    agency: str | None = None


def tidy_name(name: str) -> str:
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
        if ROLE.match(tail) and looks_like_name(head):
            return head
    return None


#: " in Amsterdam" after a name in a byline without "By" (one to three capitalised words)
WRITING_FROM = compiled(
    r"\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?=\s*(?:,|\band\b|&|$))"
)


def looks_like_name(text: str) -> bool:
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


def looks_like_org(text: str) -> bool:
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
    if says_more_than_when(text):  # "The spill was caused" before "by …": at once
        return False
    for _, start, end in reversed(find_dates(text)):
        text = text[:start] + " " + text[end:]
    text = FILLER.sub(" ", RELATIVE.sub(" ", text))
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
    dates = [d for d, _, _ in found if plausible(d, today)]
    for _, start, end in reversed(found):
        body = body[:start] + "  " + body[end:]
    if _ANY_DIGIT.search(body):  # every time of day holds a digit
        body = _TIME_OF_DAY.sub("  ", body)

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
        if sep and head.strip() and (ROLE.match(tail) or _is_org(tail)):
            expanded += [head.strip(), tail]
        else:
            expanded.append(seg.strip(" ,"))
    for seg in expanded:
        seg = _UPDATED_AFTER.sub("", _UPDATED.sub("", seg)).strip(" ,:.")
        if not seg or _COMMENTS.match(seg) or _READ_TIME.match(seg) or RELATIVE.fullmatch(seg):
            continue
        if not says_more_than_when(seg) and not FILLER.sub("", seg):
            continue  # nothing but time stamps and separators
        glued = _unglue_role(seg)
        if glued:
            has_role = True
            author = author or tidy_name(glued)
            continue
        if ROLE.match(seg):
            has_role = True
            continue
        if GENERIC_ORG.match(seg):
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
        if _is_org(seg) and not (seg.isupper() and looks_like_name(seg) and " " in seg):
            if seg in _AGENCIES:
                agency = agency or seg
            else:
                outlet = outlet or tidy_name(_STAFF_SUFFIX.sub("", seg))
            continue
        if (
            author is None
            and looks_like_name(seg)
            and (prefixed or (len(seg.split()) >= 2 and not place_like(seg)))
        ):
            author = tidy_name(seg)
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
