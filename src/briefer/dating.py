"""Date sentences: find the dates a sentence mentions and pick the one it is about.

Three kinds of date are found, each becoming a :class:`briefer.models.When`:

* **explicit** dates written out in full: "Dec. 20, 2019", "20 December, 2019",
  "04th Jan, 2020", "Friday (Dec 20, 2019)", "2019-12-20", "20/12/2019" (numeric dates
  only when the day cannot be mistaken for the month), "in August 2018", "mid-December
  2019" (month precision), "in 2018", "since 2015", "mid-2018", "the 2018 decision"
  (year precision);
* **relative** dates, resolved against the source's publication date: weekdays, "yesterday",
  "last night", "last week", "three weeks ago", "earlier this month", "next year", and
  dates that lack a year ("on Dec. 20", "in early January"), whose year is inferred;
* **published**: a sentence without a date is dated by its source's publication date.

Conventions (chosen for news copy, where the writer counts from the publication day):

* Weekdays. In a past or neutral clause "Friday", "on Friday", "this Friday" mean the most
  recent Friday *on or before* publication, so "said on Friday" in a Friday paper is that
  day (the wire-agency habit). "last Friday" is strictly before publication. In a future
  clause ("will vote on Monday", "is expected to ... Monday", "scheduled for Monday") a
  weekday is the first one *on or after* publication; "next Monday" / "coming Monday" is
  strictly after it.
* Spans. "last week" is dated by the Thursday of the previous Monday-to-Sunday week (the
  ISO rule for which month a week belongs to) with precision "month": the week is known,
  the day is not, and a day precision would claim more than the text says. "this week",
  "next week" and "N weeks ago" are handled the same way. "last month"/"N months ago" give
  the first of that month with precision "month"; "last year"/"N years ago" give 1 January
  with precision "year". "over the weekend"/"last weekend" give that weekend's Saturday
  with precision "day" (the Sunday is one day off).
* Missing year. "on Dec. 20" or "in March" resolve to the occurrence on or before the
  publication date in a past clause, on or after it in a future clause, and to the
  occurrence nearest the publication date when the sentence shows no tense. Their basis is
  "relative", since the year comes from the publication date.
* Safety. A relative phrase in a clause without a future marker never resolves after the
  publication date. Without a publication date relative phrases resolve to nothing.

:func:`date_sentence` picks one date per sentence; see its docstring for the heuristic.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Literal

from briefer.memo import Memo
from briefer.models import Precision, When

from .patterns import compiled

__all__ = ["DateMention", "date_sentence", "find_dates"]

logger = logging.getLogger(__name__)

Tense = Literal["past", "future", "neutral"]


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text: what it means, and where it stands (``text[start:end]``)."""

    when: When
    start: int
    end: int


# --- vocabulary -------------------------------------------------------------------------


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_MONTH_NUMBERS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_ABBREVIATED_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
_WEEKDAY_NUMBERS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2,
}  # fmt: skip


def _alternation(words: list[str], *, dot: str = "") -> str:
    """Title-case and upper-case forms, longest first; abbreviations are followed by ``dot``."""
    forms: list[str] = []
    for word in sorted(words, key=len, reverse=True):
        end = dot if word in _ABBREVIATED_MONTHS else ""
        forms += [word.title() + end, word.upper() + end]
    return "(?:" + "|".join(forms) + ")"


# Month and weekday names are matched case-sensitively (capitalised or all caps), so "he may
# resign" and "a march on Sunday" are not dates. Weekday abbreviations are never matched
# ("Sun", "Sat" and "Wed" are too often something else). Next to a number a month may be
# abbreviated ("Dec 20"); alone it must be spelled out or end with a dot ("in Jan." but not
# "by Jan Kowalski").
_MONTH = _alternation(list(_MONTH_NUMBERS), dot=r"\.?") + r"(?![A-Za-z])"
_MONTH_ALONE = _alternation(list(_MONTH_NUMBERS), dot=r"\.") + r"(?![A-Za-z])"
_WEEKDAY = _alternation(list(_WEEKDAY_NUMBERS)) + r"(?![A-Za-z])"
_YEAR = r"(?P<y>(?:19|20)\d\d|2100)(?!\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-3]?\d)?(?![\d:])"
# "Friday, Dec 20" / "Friday (Dec 20, 2019)": a weekday written just before a date is part of it.
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY}\s*,?\s*\(?\s*)?"
_SEP = r"(?:\s*,\s*|\s+)"

_DIGIT = compiled(r"\d")
_MONTH_HINT = compiled(
    r"J(?:an|AN|un|UN|ul|UL)|Feb|FEB|Ma[ry]|MA[RY]|Apr|APR|Aug|AUG|Sep|SEP|Oct|OCT|Nov|NOV|Dec|DEC"
)
# Words one of which every relative expression contains (a fast gate before the regex).
_RELATIVE_HINTS = _words(
    "yesterday today tonight tomorrow morning afternoon evening night week month year ago"
)

# Patterns in priority order: when two matches overlap, the earlier pattern wins.
_MONTH_DAY_YEAR = compiled(
    rf"(?=[ADFJMNOSTW])(?<![A-Za-z0-9]){_WEEKDAY_PREFIX}(?P<m>{_MONTH})\s*{_DAY}{_SEP}{_YEAR}"
)
_DAY_MONTH_YEAR = compiled(
    rf"(?=[FMSTW\d])(?<![\w.,:/]){_WEEKDAY_PREFIX}{_DAY}\s+(?:of\s+)?(?P<m>{_MONTH}){_SEP}{_YEAR}"
)
# A pattern opening on (?=[…]) lists the characters its matches can start with: the search
# then passes every other place at once, where it would try each alternative (twice as fast
# on news text; the same matches, spans and groups on the 2,424 shared articles' lines and
# sentences and on 150,000 random strings).
_ISO = compiled(rf"(?=[12])(?<![\d\-/.]){_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_NUMERIC = compiled(
    rf"(?=\d)(?<![\d/.\-:,])(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep)"
    rf"{_YEAR}(?![.,/]?\d)"
)
_QUALIFIER = (
    r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s+)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)"
    r"\s+of)[\s-]+)"
)
_MONTH_YEAR = compiled(
    rf"(?=[ABDEFJLMNOSTbelmst])"  # (?=…): the characters a match can start with
    rf"(?<![A-Za-z0-9]){_QUALIFIER}?(?P<m>{_MONTH})\s*,?\s+(?:of\s+)?{_YEAR}"
)
_MONTH_DAY = compiled(
    rf"(?=[ADFJMNOSTW])"  # (?=…): the characters a match can start with
    rf"(?<![A-Za-z0-9]){_WEEKDAY_PREFIX}(?P<m>{_MONTH})\s*{_DAY}(?![.,]\d)"
)
_DAY_MONTH = compiled(
    rf"(?=[FMSTW\d])"  # (?=…): the characters a match can start with
    rf"(?<![\w.,:/$£€]){_WEEKDAY_PREFIX}{_DAY}\s+(?:of\s+)?(?P<m>{_MONTH})"
)
# A month alone is a date only after a word that introduces one ("in May", "since March",
# "early January", "last December"); then "May" cannot be the verb nor "March" the noun.
_BARE_MONTH = compiled(
    r"(?<![A-Za-z])(?:(?P<prep>(?i:in|since|until|till|by|from|during|through|throughout|before|"
    r"after|(?P<scheduled>(?:scheduled|planned|slated|set|due|postponed|delayed|pushed\s+back|"
    r"moved)\s+(?:for|to|until|till))))\s+)?"
    r"(?P<q>(?i:early|mid|late|last|this|next|(?:the\s+)?(?:end|beginning|start|middle)\s+of)"
    r"[\s-]+)?"
    rf"(?P<m>{_MONTH_ALONE})(?!\s*,?\s*(?:of\s+)?\d)"
)
_YEAR_ALONE = compiled(
    rf"(?=[12])(?<![\w$£€#.,/:]){_YEAR}(?P<range>\s*[-–]\s*(?:(?:19|20)\d\d|\d\d)(?!\d))?"
    r"(?P<poss>['’]s)?(?![\w%]|[.,]\d)"
)
_WEEKDAY_RELATIVE = compiled(
    rf"(?=[CFLMNSTWclnt])"  # (?=…): the characters a match can start with
    rf"(?<![A-Za-z])(?:(?P<mod>(?i:last|this\s+past|this\s+coming|this|next|coming))\s+)?"
    rf"(?P<wd>{_WEEKDAY})(?!\s*,?\s*\(?\s*(?:{_MONTH}|\d))"
)
_RELATIVE = compiled(
    r"(?=[acdeflnosty\d])"  # (?=…): see _ISO
    r"\b(?:(?P<twoback>the\s+day\s+before\s+yesterday)|(?P<twoahead>the\s+day\s+after\s+tomorrow)"
    r"|(?P<yesterday>yesterday|last\s+night|last\s+evening)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|later\s+today)"
    r"|(?P<tomorrow>tomorrow)"
    r"|(?P<weekend>(?:over|at|during)\s+the\s+weekend)"
    r"|(?P<pmod>last|this\s+past|this\s+coming|this|next|coming|earlier\s+this|later\s+this"
    r"|the\s+coming)\s+(?P<unit>weekend|week|month|year)"
    r"|(?P<n>\d{1,2}|a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve)\s+(?P<agounit>day|week|month|year)s?\s+ago)\b",
    re.IGNORECASE,
)

# Tense: a future marker close before the date (with no reporting verb in between), or just
# after a date that opens a clause ("On Monday, parliament will vote").
_FUTURE = compiled(
    r"(?=['acipstuw’])"  # (?=…): the characters a match can start with
    r"\b(?:will|won['’]t|shall|(?:is|are|am)\s+(?:set|expected|scheduled|due|slated|poised|"
    r"going|likely|planning|preparing|to)\b|(?:scheduled|slated|planned|set)\s+(?:for|to)\b|"
    r"(?:was|were)\s+(?:set|expected|scheduled|due|slated)\s+to\b|"
    r"plans?\s+to|intends?\s+to|to\s+be\s+held|upcoming|would|could)|['’]ll\b",
    re.IGNORECASE,
)
_REPORTING = compiled(
    r"(?=[acdhnrstw])"  # (?=…): the characters a match can start with
    r"\b(?:said|says|told|announced|added|stated|reported|confirmed|noted|wrote|tweeted|"
    r"was|were|had|did)\b",
    re.IGNORECASE,
)
# "adjourned until February 3", "postponed to March 1": the date is where the clause points,
# after the (past) verb, so the nearest such date is meant, not the last one before publication
_POINTING_BEFORE = compiled(
    r"(?=[BDFTUbdftu])\b(?i:until|till|to|for|before|by|due|deadline\s+of)\s+(?:the\s+)?$"
)
_POINTING_PREPOSITIONS = frozenset({"until", "till", "by", "before"})
#: a date used as a name, "the April 20 blowout", "the March 12 vote": a noun follows it
_NAMED_EVENT = compiled(
    r" (?!(?:of|and|or|to|in|at|for|on|by|the|a|an|when|after|before)\b)[a-z][a-z-]+\b"
)
_THIS_YEAR_AFTER = compiled(r"\s*,?\s*(?i:this|of\s+this)\s+year\b")
_SINCE_BEFORE = compiled(r"\b(?i:since)\s+(?:the\s+)?(?:[a-z]+\s+)?$")
_CLAUSE_OPENING = compiled(r"(?:^|[,;:—(])\s*(?:(?i:on|in|by|from|early|late|mid|this)\s+)?$")
_PAST = compiled(
    r"\b(?:said|told|was|were|had|did|took|met|left|came|went|began|fell|rose|won|lost|made|"
    r"gave|held|led|sent|spent|kept|struck|broke|chose|drew|fought|fled|flew|froze|shot|saw|"
    r"thought|brought|bought|got|became|ran|stood|spoke|wrote|paid|sold|found|sought|caught|"
    r"felt|heard|built|meant|swore|threw|tore|wore|woke|withdrew|undertook|overtook|\w{3,}ed)\b",
    re.IGNORECASE,
)

# Context for a year written alone.
_YEAR_LEAD_STRONG = _words(
    "in since until till during through throughout from before after between early late mid "
    "summer spring autumn fall winter pre post year"
)
_YEAR_LEAD_WEAK = _words("the of by fiscal and a")
_QUANTITY_NOUNS = _words(
    "total toll crowd force population group fleet army maximum minimum sum figure number "
    "tally count some about around nearly almost over than estimated roughly approximately "
    "additional another extra"
)
_EVENT_NOUNS = _words(
    "decision decisions election elections poll polls vote referendum budget law act "
    "agreement deal accord summit attack attacks ban suspension order report survey census "
    "olympics games war crisis protest protests flood floods earthquake strike strikes talks "
    "visit meeting policy review plan strategy memo announcement resolution ceasefire treaty "
    "sanctions campaign invasion coup crash tournament season cup world championship "
    "ruling verdict bill amendment raid offensive operation"
)
_UNITS = _words(
    "km kilometres kilometers miles metres meters tonnes tons kg mw usd dollars euros rupees "
    "pounds yuan percent per people persons soldiers troops"
)
_WORD = compiled(r"[A-Za-z][\w'’-]*")
_NOT_A_WEEKDAY_BEFORE = _words(
    "good black ash easter palm bloody holy cyber super maundy shrove whit"
)
_NEWSPAPER_AFTER = compiled(
    r"\s*(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Sport|People|Star|World|Edition|"
    r"Business|Independent|Observer|Tribune)\b"
)
_NEWSPAPER_BEFORE = compiled(r"\b(?:Mail|Sun|Mirror|Express|Post|Independent)\s+on\s+$")
_NINE_ELEVEN_AFTER = compiled(r"\s+(?:attacks?|terror|hijack|commission|anniversary)")
_NOT_TODAY_AROUND = compiled(r"(?:USA|Russia|India|Psychology)\s+$")

# Roles for choosing among several dates in one sentence (see date_sentence).
_BACKGROUND_BEFORE = compiled(
    r"(?=[abcdefipstu])"  # (?=…): see _ISO
    r"(?:\b(?:since|until|till|by|as\s+of|back\s+in|dating\s+back\s+to|compared\s+(?:with|to)"
    r"|than\s+in|(?:announced|imposed|introduced|enacted|adopted|established|founded|created"
    r"|began|started|signed|passed|issued)\s+(?:in|on))\s+(?:(?:early|mid|late|the)[\s-]+)?)$",
    re.IGNORECASE,
)
_ATTRIBUTION_BEFORE = compiled(
    r"(?=[aeistw])"  # (?=…): the characters a match can start with
    r"\b(?:said|says|told|statement|tweet|tweeted|wrote|added|email|e-mail|interview)\b"
    r"[^,;.()]{0,30}$",
    re.IGNORECASE,
)

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_BASIS_RANK = {"explicit": 0, "relative": 1, "published": 2}


# --- small date arithmetic ----------------------------------------------------------------


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_days(day: dt.date, days: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _month_start(year: int, month: int, shift: int = 0) -> dt.date | None:
    index = year * 12 + (month - 1) + shift
    return _safe_date(index // 12, index % 12 + 1, 1)


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".").lower()]


def _choose(candidates: list[dt.date], published: dt.date, tense: Tense) -> dt.date | None:
    """The candidate on/before (past), on/after (future) or nearest (neutral) publication."""
    if tense == "past":
        before = [c for c in candidates if c <= published]
        return max(before) if before else None
    if tense == "future":
        after = [c for c in candidates if c >= published]
        return min(after) if after else None
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs((c - published).days), c > published))


# --- tense -------------------------------------------------------------------------------


def _is_future(text: str, start: int, end: int) -> bool:
    """Whether the clause holding ``text[start:end]`` speaks of the future."""
    before = text[max(0, start - 80) : start]
    futures = list(_FUTURE.finditer(before))
    if futures:
        last_future = futures[-1].end()
        if not _REPORTING.search(before, last_future):
            return True
    if not _CLAUSE_OPENING.search(text, 0, start):
        return False
    after = text[end : end + 60]
    future = _FUTURE.search(after)
    if future is None:
        return False
    reporting = _REPORTING.search(after)
    return reporting is None or future.start() < reporting.start()


def _tense_at(text: str, start: int, end: int) -> Tense:
    """Future when the clause says so, else past when the sentence has a past verb.

    A date after "since" is in the past whatever the verb
    ("will make a third trip since the April 20 explosion").
    """
    if _SINCE_BEFORE.search(text, max(0, start - 40), start):
        return "past"
    if _NAMED_EVENT.match(text, end) and re.search(
        r"\b(?i:the)\s+$", text[max(0, start - 5) : start]
    ):
        # "the April 20 blowout" names a known event: the nearest April 20, or the last one
        # in a sentence told in the past (a modal verb nearby does not make it future)
        return "past" if _PAST.search(text) else "neutral"
    if _is_future(text, start, end):
        return "future"
    if _POINTING_BEFORE.search(text, max(0, start - 40), start):
        return "neutral"
    # a past verb before the date, or just after it ("on May 3 said"); one far after it
    # belongs to another clause ('"... apply in July ...," he said')
    return "past" if _PAST.search(text, 0, min(len(text), end + 40)) else "neutral"


# --- the finders --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    when: When
    start: int
    end: int
    priority: int


def _explicit_day(match: re.Match[str], month: int, priority: int) -> _Candidate | None:
    date = _safe_date(int(match["y"]), month, int(match["d"]))
    if date is None:
        return None
    when = When(date, "day", "explicit", match.group(0).strip())
    return _Candidate(when, match.start(), match.end(), priority)


def _written_dates(text: str) -> list[_Candidate]:
    """Dates with a month name and a year: "Dec. 20, 2019", "20 December 2019", "Aug. 2018"."""
    found: list[_Candidate] = []
    for priority, pattern in enumerate((_MONTH_DAY_YEAR, _DAY_MONTH_YEAR)):
        for match in pattern.finditer(text):
            candidate = _explicit_day(match, _month_number(match["m"]), priority)
            if candidate:
                found.append(candidate)
    for match in _MONTH_YEAR.finditer(text):
        date = _month_start(int(match["y"]), _month_number(match["m"]))
        if date:
            when = When(date, "month", "explicit", match.group(0))
            found.append(_Candidate(when, match.start(), match.end(), 4))
    return found


def _numeric_dates(text: str) -> list[_Candidate]:
    """All-digit dates: ISO "2019-12-20", and "20/12/2019" when day and month are certain."""
    found: list[_Candidate] = []
    for match in _ISO.finditer(text):
        candidate = _explicit_day(match, int(match["m"]), 2)
        if candidate:
            found.append(candidate)
    for match in _NUMERIC.finditer(text):
        first, second = int(match["a"]), int(match["b"])
        if first > 12 >= second or first == second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first  # US order: 12/20/2019
        else:
            continue  # 05/06/2019: day and month cannot be told apart
        date = _safe_date(int(match["y"]), month, day)
        if date:
            when = When(date, "day", "explicit", match.group(0))
            found.append(_Candidate(when, match.start(), match.end(), 3))
    return found


def _month_days(text: str, published: dt.date) -> list[_Candidate]:
    found: list[_Candidate] = []
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text):
            month, day = _month_number(match["m"]), int(match["d"])
            if not 1 <= day <= 31 or text[max(0, match.start() - 8) : match.start()].endswith(
                "Theresa "
            ):
                continue
            if (month, day) == (9, 11) and _NINE_ELEVEN_AFTER.match(text, match.end()):
                when = When(dt.date(2001, 9, 11), "day", "explicit", match.group(0).strip())
                found.append(_Candidate(when, match.start(), match.end(), 5))
                continue
            tense = _tense_at(text, match.start(), match.end())
            years = range(published.year - 8, published.year + 2)
            if _THIS_YEAR_AFTER.match(text, match.end()):
                years = range(published.year, published.year + 1)
            candidates = [d for y in years if (d := _safe_date(y, month, day))]
            date = _choose(candidates, published, tense)
            if date:
                when = When(date, "day", "relative", match.group(0).strip())
                found.append(_Candidate(when, match.start(), match.end(), 5))
    return found


def _bare_months(text: str, published: dt.date) -> list[_Candidate]:
    found: list[_Candidate] = []
    for match in _BARE_MONTH.finditer(text):
        if not (match["prep"] or match["q"]):
            continue  # "May" or "March" alone may be a verb, a noun or a name
        month = _month_number(match["m"])
        lead = (match["q"] or "").split()[0].lower().rstrip("-") if match["q"] else ""
        this_month = (published.year, published.month)
        options = [(y, month) for y in (published.year - 1, published.year, published.year + 1)]
        if lead == "last":
            chosen = max(o for o in options if o < this_month)
        elif lead == "next":
            chosen = min(o for o in options if o > this_month)
        elif lead == "this":
            chosen = (published.year, month)
        else:
            tense: Tense = (
                "future" if match["scheduled"] else _tense_at(text, match.start(), match.end())
            )
            if tense == "past" and (match["prep"] or "").lower() in _POINTING_PREPOSITIONS:
                tense = "neutral"  # "expects it by June", "stays shut until May"
            picked = _choose(
                [d for y, m in options if (d := _month_start(y, m))],
                _month_start(*this_month) or published,
                tense,
            )
            if picked is None:
                continue
            chosen = (picked.year, picked.month)
        date = _month_start(*chosen)
        if date:
            start = match.start("q") if match["q"] else match.start("m")
            when = When(date, "month", "relative", text[start : match.end()])
            found.append(_Candidate(when, start, match.end(), 6))
    return found


_LABEL_AFTER = compiled(r"\s*(?::|\s[–—-])\s+\S")


def _is_year(text: str, match: re.Match[str]) -> bool:
    """Whether a lone four-digit number is a year ("in 2018") and not a count ("2000 troops")."""
    if match["poss"]:
        return True
    # a timeline's label: "1953: A North Sea storm flood kills 1,836 people."
    if not text[: match.start()].strip(" \t-–—•*") and _LABEL_AFTER.match(text, match.end()):
        return True
    following = _WORD.findall(text[match.end() : match.end() + 40])[:2]
    if following and following[0].lower() in _EVENT_NOUNS:
        return True
    lead_text = text[max(0, match.start() - 30) : match.start()]
    if lead_text.endswith("-"):
        return lead_text[:-1].rstrip().lower().endswith(("mid", "early", "late", "pre", "post"))
    lead_words = _WORD.findall(lead_text)
    if not lead_words or not lead_text.endswith((" ", "\u00a0")):
        return False
    lead = lead_words[-1].lower()
    if match["range"] is None:
        rest = text[match.end() : match.end() + 12]
        to_number = re.match(r"\s*(?:to|and)\s+(\d+)", rest)
        if to_number and not 1900 <= int(to_number[1]) <= 2100:
            return False  # "from 2000 to 3000"
    if following and following[0].lower() in _UNITS:
        return False
    if lead in _YEAR_LEAD_STRONG:
        return True
    if lead not in _YEAR_LEAD_WEAK:
        return False
    if lead == "of" and len(lead_words) > 1 and lead_words[-2].lower() in _QUANTITY_NOUNS:
        return False
    for word in following:
        if "'" in word or "’" in word or word[0].isupper():
            continue
        lowered = word.lower()
        if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")) and len(word) > 3:
            return False  # "the 2000 troops", "by 2000 votes"
        break
    return True


def _years(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for match in _YEAR_ALONE.finditer(text):
        if _is_year(text, match):
            date = dt.date(int(match["y"]), 1, 1)
            when = When(date, "year", "explicit", match.group(0))
            found.append(_Candidate(when, match.start(), match.end(), 7))
    return found


def _weekday_date(published: dt.date, weekday: int, mod: str, tense: Tense) -> dt.date | None:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if mod in ("last", "this past"):
        return _add_days(published, -(back or 7))
    if mod in ("next", "coming", "this coming"):
        return _add_days(published, ahead or 7)
    if tense == "future":
        return _add_days(published, ahead)
    return _add_days(published, -back)


_SCHEDULED_FOR = compiled(r"\b(?i:for)\s+$")
_POSSESSIVE = compiled(r"['’]s\b")


def _weekdays(text: str, published: dt.date) -> list[_Candidate]:
    found: list[_Candidate] = []
    for match in _WEEKDAY_RELATIVE.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()]
        previous = _WORD.findall(before)
        if previous and before.endswith(" ") and previous[-1].lower() in _NOT_A_WEEKDAY_BEFORE:
            continue  # "Good Friday", "Super Tuesday"
        if _NEWSPAPER_BEFORE.search(before) or _NEWSPAPER_AFTER.match(text, match.end()):
            continue  # "the Mail on Sunday", "the Sunday Times"
        mod = " ".join((match["mod"] or "").lower().split())
        tense = _tense_at(text, match.start(), match.end())
        if _SCHEDULED_FOR.search(before) and not _POSSESSIVE.match(text, match.end()):
            tense = "future"  # "has called a meeting for Saturday", not "for Saturday's vote"
        date = _weekday_date(published, _WEEKDAY_NUMBERS[match["wd"].lower()], mod, tense)
        if date:
            when = When(date, "day", "relative", match.group(0))
            found.append(_Candidate(when, match.start(), match.end(), 8))
    return found


def _saturday(published: dt.date, mod: str, tense: Tense) -> dt.date | None:
    back = (published.weekday() - 5) % 7
    if mod in ("next", "coming", "the coming", "this coming") or (
        mod == "this" and tense == "future"
    ):
        return _add_days(published, (5 - published.weekday()) % 7 or 7)
    if mod == "last" and published.weekday() >= 5:
        back += 7  # on a weekend, "last weekend" is the one before
    return _add_days(published, -back)


def _period(
    published: dt.date, mod: str, unit: str, tense: Tense
) -> tuple[dt.date | None, Precision]:
    """Resolve "<mod> week|weekend|month|year"."""
    past = mod in ("last", "this past", "earlier this")
    future = mod in ("next", "coming", "the coming", "this coming")
    later = mod == "later this" or (mod == "this" and tense == "future")
    if unit == "weekend":
        return _saturday(published, mod, tense), "day"
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        if past and mod != "earlier this":
            return _add_days(monday, -4), "month"
        if future:
            return _add_days(monday, 10), "month"
        thursday = monday + dt.timedelta(days=3)
        return (max(thursday, published) if later else min(thursday, published)), "month"
    if unit == "month":
        if past and mod != "earlier this":
            return _month_start(published.year, published.month, -1), "month"
        if future:
            return _month_start(published.year, published.month, 1), "month"
        if later:
            return published, "month"
        return _month_start(published.year, published.month), "month"
    if past and mod != "earlier this":
        return _safe_date(published.year - 1, 1, 1), "year"
    if future:
        return _safe_date(published.year + 1, 1, 1), "year"
    return (published if later else dt.date(published.year, 1, 1)), "year"


def _ago(published: dt.date, count: int, unit: str) -> tuple[dt.date | None, Precision]:
    if unit == "day":
        return _add_days(published, -count), "day"
    if unit == "week":
        return _add_days(published, -7 * count), "month"
    if unit == "month":
        return _month_start(published.year, published.month, -count), "month"
    return _safe_date(published.year - count, 1, 1), "year"


def _relatives(text: str, published: dt.date) -> list[_Candidate]:
    found: list[_Candidate] = []
    for match in _RELATIVE.finditer(text):
        date: dt.date | None
        precision: Precision = "day"
        if match["twoback"]:
            date = _add_days(published, -2)
        elif match["twoahead"]:
            date = _add_days(published, 2)
        elif match["yesterday"]:
            date = _add_days(published, -1)
        elif match["today"]:
            if match["today"][0] == "T" and (
                _NOT_TODAY_AROUND.search(text, 0, match.start())
                or re.match(r"\s+(?:show|programme|program)\b", text[match.end() :])
            ):
                continue  # "USA Today", "the Today programme"
            date = published
        elif match["tomorrow"]:
            date = _add_days(published, 1)
        elif match["weekend"]:
            tense = _tense_at(text, match.start(), match.end())
            date = _saturday(published, "this" if tense == "future" else "", tense)
        elif match["unit"]:
            mod = " ".join(match["pmod"].lower().split())
            tense = _tense_at(text, match.start(), match.end())
            date, precision = _period(published, mod, match["unit"].lower(), tense)
        else:
            count_text = " ".join(match["n"].lower().split())
            count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
            date, precision = _ago(published, count, match["agounit"].lower())
        if date:
            when = When(date, precision, "relative", match.group(0))
            found.append(_Candidate(when, match.start(), match.end(), 9))
    return found


# "two days later", "a week earlier", "the next day", "the following morning", "the day
# before": a shift from a date the text has just given (the anchor), not from publication
_ANCHORED = compiled(
    r"(?=[aefnost\d])"  # (?=…): see _ISO
    r"\b(?:(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|afterwards?"
    r"|(?:after|before)(?=\s*[,.;:)]|\s*$))"
    r"|the\s+(?P<side>next|following|previous|preceding)\s+(?P<part>day|morning|afternoon"
    r"|evening|night|week|month|year)(?![\w-])"
    r"|the\s+day\s+(?P<around>after|before)(?=\s*[,.;:)]|\s*$))",
    re.IGNORECASE,
)
#: a word every anchored expression contains (a fast gate before the regex)
_ANCHORED_HINTS = ("later", "earlier", "after", "before", "next", "following", "previous",
                   "preceding")  # fmt: skip


def _shifted(anchor: dt.date, count: int, unit: str) -> tuple[dt.date | None, Precision]:
    """``anchor`` moved by ``count`` days, weeks, months or years (months and years keep only
    their own precision: "a month later" is not a day)."""
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return _add_days(anchor, count), "day"
    if unit == "week":
        return _add_days(anchor, 7 * count), "day"
    if unit == "month":
        return _month_start(anchor.year, anchor.month, count), "month"
    return _safe_date(anchor.year + count, 1, 1), "year"


def _anchored(text: str, mentions: list[DateMention], anchor: dt.date | None) -> list[DateMention]:
    """The anchored expressions of ``text``, each resolved against the nearest day-precision
    date before it in the sentence, else against ``anchor`` (the previous sentence's date);
    without either the expression is left out (its anchor is not clear)."""
    found = []
    for match in _ANCHORED.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue
        before = [m for m in mentions if m.end <= match.start() and m.when.precision == "day"]
        base = before[-1].when.date if before else anchor
        if base is None:
            continue
        if match["n"]:
            count_text = match["n"].lower()
            count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
            back = match["dir"].lower() in ("earlier", "before")
            date, precision = _shifted(base, -count if back else count, match["unit"].lower())
        elif match["side"]:
            back = match["side"].lower() in ("previous", "preceding")
            date, precision = _shifted(base, -1 if back else 1, match["part"].lower())
        else:
            date, precision = (
                _add_days(base, -1 if match["around"].lower() == "before" else 1),
                "day",
            )
        if date is not None:
            found.append(DateMention(When(date, precision, "relative", match.group(0)),
                                     match.start(), match.end()))  # fmt: skip
    return found


def _without_overlaps(candidates: list[_Candidate]) -> list[DateMention]:
    """Keep the best candidate of each overlapping group: pattern priority, then longest."""
    kept: list[_Candidate] = []
    ordered = sorted(candidates, key=lambda c: (c.priority, c.start - c.end, c.start))
    for candidate in ordered:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return [DateMention(c.when, c.start, c.end) for c in kept]


#: answers of :func:`find_dates` remembered before the memory is cleared (the same sentence is
#: dated for ranking, for the disagreements and for what to watch)
FOUND_CACHE_SIZE = 50_000
_FOUND: Memo[tuple[str, dt.date | None, dt.date | None, str], tuple[DateMention, ...]] = Memo(
    "dating.find_dates", FOUND_CACHE_SIZE
)


def find_dates(
    text: str, published: dt.date | None, anchor: dt.date | None = None, language: str = "english"
) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``published``.

    Relative expressions (and dates without a year) need ``published``; without it they are
    left out. Overlapping expressions are reported once, as the most complete reading
    ("Friday (Dec 20, 2019)" is one explicit date, not a weekday and a date). An expression
    counted from another date ("two days later", "the next day") is resolved against the
    nearest day-precision date before it in ``text``, else against ``anchor`` (the date the
    previous sentence gave), else left out. For a source in French, Spanish, German, Italian
    or Portuguese (``language``) its month names, weekdays and "hier"/"ayer" are read too.
    """
    key = (text, published, anchor, language)
    found = _FOUND.get(key)
    if found is None:  # remembered, and sent back from a worker process (briefer.memo)
        found = _FOUND.put(key, tuple(_find_dates(text, published, anchor, language)))
    return list(found)


def _find_dates(
    text: str, published: dt.date | None, anchor: dt.date | None, language: str
) -> list[DateMention]:
    # Cheap gates first: most sentences hold no digit, no month name and no weekday.
    has_digit = _DIGIT.search(text) is not None
    has_month = _MONTH_HINT.search(text) is not None
    candidates: list[_Candidate] = []
    lowered = text.lower()
    if has_digit:
        candidates += _numeric_dates(text)
        candidates += _years(text)
        if has_month:
            candidates += _written_dates(text)
    if published is not None:
        if has_month:
            if has_digit:
                candidates += _month_days(text, published)
            candidates += _bare_months(text, published)
        if "day" in text or "DAY" in text:
            candidates += _weekdays(text, published)
        if any(hint in lowered for hint in _RELATIVE_HINTS):
            candidates += _relatives(text, published)
    mentions = _without_overlaps(candidates)
    if language != "english":  # "le 12 mars", "ayer", "am Freitag": briefer.date_words
        from .date_words import with_foreign_dates

        mentions = with_foreign_dates(mentions, text, published, language)
    if any(hint in lowered for hint in _ANCHORED_HINTS):
        anchored = _anchored(text, mentions, anchor)
        if anchored:
            mentions = sorted([*mentions, *anchored], key=lambda m: m.start)
    return mentions


def _role(text: str, mention: DateMention) -> int:
    """0 for an event date, 1 for the date a statement was made, 2 for background."""
    before = text[max(0, mention.start - 60) : mention.start]
    phrase = mention.when.phrase or ""
    if _BACKGROUND_BEFORE.search(before):
        return 2
    if mention.when.precision == "year" and (
        phrase.endswith(("'s", "’s")) or _attributive(text, mention.end)
    ):
        return 2
    if _ATTRIBUTION_BEFORE.search(before.rstrip("( ").removesuffix(" on").removesuffix(" in")):
        return 1
    return 0


def _attributive(text: str, end: int) -> bool:
    following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return following is not None and following.group(0).lower() in _EVENT_NOUNS


def date_sentence(text: str, published: dt.date | None, language: str = "english") -> When | None:
    """The one date ``text`` is about, or the publication date, or ``None``.

    Among the dates the sentence mentions, the choice is made by role, then precision, then
    basis, then position:

    1. role: an event date beats the date of a statement ("..., officials said on Friday"),
       which beats a background date ("since 2015", "announced in January 2018",
       "the 2018 decision", "2018's") — a background date is still used when it is alone;
    2. precision: day, then month, then year;
    3. basis: explicit before relative;
    4. the earliest in the sentence (usually the main clause).

    A sentence without a date gets the publication date (basis "published", precision
    "day"); with neither, the result is ``None``.
    """
    mentions = find_dates(text, published, language=language)
    if mentions:
        best = min(
            mentions,
            key=lambda m: (
                _role(text, m),
                _PRECISION_RANK[m.when.precision],
                _BASIS_RANK[m.when.basis],
                m.start,
            ),
        )
        return best.when
    if published is None:
        return None
    return When(published, "day", "published", None)
