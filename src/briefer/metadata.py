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

from briefer.bylines import (
    GENERIC_ORG,
    ROLE,
    WRITING_FROM,
    Byline,
    looks_like_name,
    looks_like_org,
    parse_byline,
    place_like,
    tidy_name,
)
from briefer.date_lines import PLACE_FIRST, find_dates, is_date_only, plausible
from briefer.models import Metadata
from briefer.typography import plain

from .patterns import compiled

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
# the header

_TOP_BAR = compiled(
    r"-?\d+(?:\.\d+)?\s*°\s*[CF]?\b|(?<![\w.])-?\d+(?:\.\d+)?\s*[cCfF](?=\s|$)|°"
    r"|\b(?:weather|sunrise|sunset|humidity|e-?paper|today'?s\s+paper)\b",
    re.I,
)
_TOP_BAR_HINTS = ("weather", "sunrise", "sunset", "humidity", "paper")
_DIGIT = compiled(r"\d")


def _top_bar(text: str) -> bool:
    """Whether ``text`` is a line of a page's top bar (weather, the e-paper): in plain ASCII
    (no degree sign) a match needs a digit or one of the bar's words, tested first."""
    if plain(text) and not _DIGIT.search(text):
        lowered = text.lower()
        if not any(word in lowered for word in _TOP_BAR_HINTS):
            return False
    return _TOP_BAR.search(text) is not None


_TEMPERATURE = compiled(
    r"-?\d+(?:\.\d+)?\s*°\s*[CF]?\b|(?<![\w.])-?\d+(?:\.\d+)?\s*[cCfF](?=\s|,|$)"
)
_DATE_KEY = compiled(
    # (?=…): the letters its words start with, so that the search passes other places at once
    r"(?=[defimnprsv])"
    r"\b(?:published|posted|first\s+published|released|issued|dated?|(?:press|news|media)\s+"
    r"releases?|(?:press\s+)?statement|for\s+immediate\s+release|embargoed(?:\s+until)?"
    r"|publiée?|publicad[oa]|veröffentlicht|pubblicat[oa])\b",
    re.I,
)
_UPDATED_KEY = compiled(
    r"(?=[aemu])"  # (?=…): the characters a match can start with
    r"\b(?:updated|modified|edited|mise?\s+à\s+jour|modifiée?|actualizad[oa]|aktualisiert"
    r"|aggiornat[oa]|atualizad[oa])\b",
    re.I,
)
_TITLE_REJECT = compiled(
    r"^(?:home|menu|search|close|skip to|sign in|log ?in|subscribe|share|advertisement|trending"
    r"|top stories|latest|breaking news|you are here|follow us|posted|published|updated|watch"
    r"|listen|submit|opens in)\b|\b(?:min(?:ute)?s?\s+read|reading\s+time|opens\s+in\s+(?:a\s+)?"
    r"new\s+(?:window|tab))\b"
    r"|https?://|www\.|\.com\b|^[a-z0-9]+(?:-[a-z0-9]+){3,}$|\b\d{2,4}\s*[x×]\s*\d{2,4}\b",
    re.I,
)
_SENTENCES = compiled(r"[a-z0-9][.!?]\s+[A-Z]|\.\.\.$|…$")
_NOT_SITE_START = frozenset(
    {"and", "or", "but", "so", "yet", "not", "is", "are", "was", "what", "why", "how", "who"}
)
_TITLE_SPLIT = compiled(r"\s+[|–—-]\s+|\s+::\s+")
#: a news site's name alone on a line: a few capitalised words, one of them a newspaper's
#: ("Geo News", "Pakistan Today", "THE COASTAL TRIBUNE", "Business Recorder")
_MASTHEAD = compiled(
    r"(?=[A-Z])"  # (?=…): the characters a match can start with
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
_APP_OUTLET = compiled(
    r"^(?:download\s+(?:the\s+)?|stay\s+(?:updated|connected|informed|tuned)\s+with\s+)"
    r"(?P<name>.+?)(?:\s+app\b|\s*[:,–—-]\s*download\b)",
    re.I,
)
_COPYRIGHT_OUTLET = compiled(
    r"(?:©|\(c\)|copyright)\s*(?:(?:©|\(c\)|copyright)\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?)?"
    r"\s*,?\s*"
    r"(?P<name>[A-Z][\w&'’.\- ]{1,60}?)\s*(?:,|\.|\||·|•|\s-\s|all rights|$)",
    re.I,
)
_DATELINE_AGENCY = compiled(
    r"^[A-Z][A-Z .,'’\-]{2,60}(?:,\s*[A-Z][a-z]+\.?\s*\d{0,2})?\s*"
    r"\((?P<agency>[A-Za-z][\w .\-]{1,30})\)\s*[-–—:]"
)
#: a dateline with a full date before the dash: "THE HAGUE, March 6, 2025 —", "LONDON, 6 March
#: 2025 (Reuters) -"
_DATELINE_DATE = compiled(
    r"^[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?,\s*(?P<date>[^—–()]{6,30}?\d{4})"
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:--|[-–—:])\s"
)
_TAIL_AUTHOR = compiled(
    r"^\s*(?:author|written\s+by|words\s+by|story\s+by|article\s+by)\s*:?\s*(?P<name>.+?)\s*$", re.I
)
_REPORTING_BY = compiled(
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
    if ROLE.match(text) or GENERIC_ORG.match(text):
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
    if looks_like_name(text):  # "Jane Doe and John Roe": a byline without "By"
        score -= 8.0
    return score


def _date_lines(stripped: Sequence[str], indices: Iterable[int]) -> list[int]:
    """The lines among ``indices`` that are a date line ("Published: 12 March 2021")."""
    found = []
    for i in indices:
        text = stripped[i]
        if not text or _top_bar(text) or len(text.split()) > 15:
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
    place = PLACE_FIRST.match(text)
    if place is None:
        return None
    name = text[: place.end()].strip().rstrip("|•·").strip()
    words = name.split()
    if (
        len(words) < 2
        or place_like(name)
        or GENERIC_ORG.match(name)
        or not looks_like_name(name)
    ):
        return None
    return tidy_name(name)


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
        if not text or _top_bar(text):
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
        if site and outlet is None and not looks_like_name(title):
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
            if not text or _top_bar(text) or (i in roles and roles[i] == "title"):
                continue
            date_only = is_date_only(text)
            keyed = (
                _DATE_KEY.search(text) is not None or _UPDATED_KEY.search(text) is not None
            ) and len(text.split()) <= 15
            if not (date_only or keyed or i in roles):
                continue
            found = [(d, start) for d, start, _ in find_dates(text) if plausible(d, today)]
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
            text = WRITING_FROM.sub("", stripped[i])
            if (
                i in roles
                or i in chrome  # "Facebook Count", "Twitter Share"
                or _DATE_KEY.search(text)  # "PRESS RELEASE", "STATEMENT"
                or not text
                or not looks_like_name(text)
                or len(text.split()) < 2
            ):
                continue
            if any(j is not None and 0 < abs(i - j) <= 2 for j in near):
                author = tidy_name(text)
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
            if m and looks_like_name(m.group("name")):
                author = tidy_name(m.group("name"))
                origin["author"] = f"author line {i + 1}: {text!r}"
                roles[i] = "byline"
                continue
        if author is None and len(text) < 200:
            m = _REPORTING_BY.match(text)
            if m:
                name = re.split(r"\s*(?:,|\band\b)\s*", m.group("name").strip())[0]
                if looks_like_name(name):
                    author = tidy_name(name)
                    origin["author"] = f"credits line {i + 1}: {text!r}"
                    roles[i] = "byline"
    if published is None and body_start is not None:
        # a dateline that names the full date: "THE HAGUE, March 6, 2025 — The cabinet today …"
        for i in range(body_start, min(n, body_start + 3)):
            m = _DATELINE_DATE.match(stripped[i])
            stamped = find_dates(m.group("date")) if m else []
            if stamped and plausible(stamped[0][0], today):
                published = stamped[0][0]
                origin["published"] = f"dateline line {i + 1}: {stripped[i][:60]!r}"
                break
    if agency is None:
        for i in range(max(0, start - 1), min(n, start + 6)):
            m = _DATELINE_AGENCY.match(stripped[i])
            if m and looks_like_org(m.group("agency").strip()):
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
            outlet = tidy_name(stripped[top])
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
