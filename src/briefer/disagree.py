"""Where sources disagree: the same fact told with different numbers, dates or names.

Two sentences from different sources tell the same fact when what is left of them once
their numbers, dates and differing names are set aside is the same fact by
:func:`briefer.merge.same_fact`. They disagree when, on top of that,

* **number**: a count of the same thing differs ("12 people were killed" / "14 people were
  killed", "$310 million" / "$350 million"); "12" and "twelve", "3,400" and "3400" agree,
  and so do approximate figures within 10% ("about 4,000" / "4,100");
* **date**: the event dates they state differ at the precision both give ("on Monday" in a
  paper of Wednesday 5 March / "on Tuesday": 3 March against 4 March); "in March" and
  "on 12 March" agree;
* **name**: different names stand in the same place ("led by Foreign Minister Elena Sokol" /
  "led by Deputy Foreign Minister Arvid Lenz"); a name and its longer form agree.

:func:`conflict` compares two sentences; :func:`refuse_merge` is what a merge step asks
before merging two "same fact" sentences; :func:`disagreements` finds every disagreement
across sources, each version verbatim and cited.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Literal

from .dating import date_sentence, find_dates
from .merge import same_fact, source_order
from .models import Source
from .patterns import compiled
from .split import split_paragraph
from .typography import plain
from .words import content_words

__all__ = [
    "Claim",
    "Conflict",
    "Disagreement",
    "Version",
    "claims",
    "conflict",
    "disagreements",
    "disagreements_among",
    "refuse_merge",
    "refused",
]

Kind = Literal["number", "date", "name"]

#: two sentences naming different people must share this much of the rest of their words
NAME_OVERLAP = 0.8
#: approximate figures ("about 4,000") agree with others this close
APPROXIMATE = 0.10
#: two reports disagree only when the words they share (figures, dates and differing names
#: set aside) are at least this share of each one's: "boats under 12 metres will get 12
#: cents" is not the same fact as a skipper's quote on 12 cents from "an eight-metre boat"
SHARED_OF_EACH = 0.5
#: figures reported more than this many days apart are an update (a toll that rose, an
#: estimate revised), not a disagreement
UPDATE_DAYS = 2


@dataclass(frozen=True)
class Conflict:
    """How two reports of one fact differ: the kind and each side's value as written."""

    kind: Kind
    first: str
    second: str


@dataclass(frozen=True)
class Version:
    """One side of a disagreement: a verbatim sentence, its value, and who reports it."""

    text: str
    value: str
    source_id: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Disagreement:
    """The same fact reported differently: the kind of difference and every version."""

    kind: Kind
    versions: tuple[Version, ...]


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
    "dozens": 24,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}


def _words_by_first_letter(words: Iterable[str]) -> str:
    """An alternation of ``words`` (longest first), grouped under their first letters: the
    same matches as the flat alternation (words with different first letters never both
    match at one place), but the pattern tries one group at a place, not every word."""
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# a match starts with a currency sign, a digit or a number word's first letter: the lookahead
# lets the search skip every other place at once (twice as fast on news sentences, the same
# matches on 60,000 of them and on 200,000 random strings)
_NUMBER = compiled(
    "(?=[$€£¥\\d" + "".join(sorted({word[0] for word in _NUMBER_WORDS})) + "])"
    r"(?P<cur>[$€£¥]\s?)?(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + _words_by_first_letter(_NUMBER_WORDS)
    + r")(?![\w,]\d)(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:\s*(?P<pct>%|per\s*cent|percent)\b)?",
    re.IGNORECASE,
)
_DIGIT = compiled(r"\d")


def _may_hold_number(text: str) -> bool:
    """False when :data:`_NUMBER` finds nothing in ``text`` for sure: ASCII (typographic
    characters aside, :func:`~briefer.typography.plain`) with no digit and no number word in it
    (tests many times faster than the pattern, which most sentences fail; other text always
    goes to the pattern, for its case folding; a currency sign needs a digit after it)."""
    if not plain(text) or _DIGIT.search(text):
        return True
    lowered = text.lower()
    return any(word in lowered for word in _NUMBER_WORDS)


_APPROX_BEFORE = compiled(
    r"(?=[acemnorsu])"  # (?=…): the characters a match can start with
    r"\b(?:about|around|nearly|almost|some|roughly|approximately|an\s+estimated|estimated|"
    r"more\s+than|over|up\s+to|close\s+to|at\s+least)\s+$",
    re.IGNORECASE,
)
_UNIT_WORD = compiled(r"\s*(?:of\s+)?([A-Za-z][\w-]*)")
_SKIP_UNIT = frozenset(["a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "per"])
_NAME = compiled(r"(?:[A-Z][\w’'-]*)(?:\s+(?:of\s+|for\s+|de\s+)?[A-Z][\w’'-]*)*")
_NOT_NAME_START = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Yet",
        "So",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Their",
        "His",
        "Her",
        "Our",
        "After",
        "Before",
        "When",
        "While",
        "As",
        "If",
        "Since",
        "Although",
        "Though",
        "Last",
        "Next",
        "Earlier",
        "Later",
    ]
)
_CALENDAR = compiled(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec)\b"
)


@dataclass(frozen=True)
class _Figure:
    value: float
    unit: str
    text: str
    approximate: bool


def _figures(text: str, blank: Sequence[tuple[int, int]], language: str) -> list[_Figure]:
    """The counts ``text`` states, with the thing counted (outside the date spans)."""
    found: list[_Figure] = []
    if not _may_hold_number(text):
        return found
    for match in _NUMBER.finditer(text):
        if any(s <= match.start("n") < e for s, e in blank):
            continue
        if re.match(r"[:.]\d", text[match.end("n") :]) or text[: match.start()].endswith(":"):
            continue  # a time of day, "1:56 pm", is not a count
        raw = match["n"].lower()
        value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw.replace(",", ""))
        if match["scale"]:
            value *= _SCALES[match["scale"].lower()]
        if match["pct"]:
            unit = "%"
        elif match["cur"]:
            unit = match["cur"].strip()
        else:
            unit = ""
            rest = text[match.end() :]
            for word in _UNIT_WORD.finditer(rest):
                if word.start() > 24:
                    break
                if word[1].lower() in _SKIP_UNIT:
                    continue
                stems = content_words(word[1], language)
                unit = next(iter(stems), word[1].lower())
                break
            if not unit or (raw in ("one",) and unit in ("of",)):
                continue
        approximate = _APPROX_BEFORE.search(text, 0, match.start()) is not None
        found.append(_Figure(value, unit, match.group().strip(), approximate))
    return found


#: titles and honorifics: "Mr Obama", "President Obama" and "Barack Obama" name one man
_TITLES = frozenset(
    " ".join(
        [
            "Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady President Vice Prime Minister",
            "Secretary Chancellor Senator Sen Rep Representative Governor Gov General Gen",
            "Colonel Col Captain Capt Admiral Chief Executive Chairman Chairwoman Chair King",
            "Queen Prince Princess Pope Judge Justice Mayor Premier Ambassador Commissioner",
            "Inspector Officer Spokesman Spokeswoman Spokesperson Rev Father Sheikh",
        ]
    ).split()
)


def _name_tokens(run: str) -> set[str]:
    """The words of a name that tell people apart: no titles, no possessive ending."""
    words = {re.sub(r"[’']s$", "", t) for t in run.split()}
    return {w for w in words if w not in _TITLES and w} or words


def _is_word_character(character: str) -> bool:
    """Whether ``character`` can be in a word, ``[\\w’'-]``: a letter, digit or underscore (as
    the pattern's ``\\w`` tells them, ``str.isalnum``), an apostrophe or a hyphen."""
    return character.isalnum() or character in "_’'-"


def _word_before(text: str, at: int) -> str:
    """The last of ``text``'s words (runs of ``[\\w’'-]``) starting before ``at``, cut at
    ``at`` (as in "iPhone": "i"); "" when there is none. Read backwards from ``at``: finding
    every word of the sentence for it took a third of the reading of its names."""
    end = at
    while end > 0 and not _is_word_character(text[end - 1]):
        end -= 1
    start = end
    while start > 0 and _is_word_character(text[start - 1]):
        start -= 1
    return text[start:end]


def _names(text: str, blank: Sequence[tuple[int, int]]) -> list[tuple[str, str, int, int]]:
    """``(name, slot, start, end)`` for each capitalised run not opening the sentence.

    The slot is the word before the name ("led by …"), or for a name opening the sentence
    "^" and the word after it ("… led the talks"): names disagree only in the same slot.
    """
    found = []
    for match in _NAME.finditer(text):
        if any(s <= match.start() < e for s, e in blank):
            continue
        run = match.group()
        if _CALENDAR.match(run):
            continue
        word_before = _word_before(text, match.start())
        if not word_before and run.split()[0] in _NOT_NAME_START:
            continue
        if not word_before and len(run.split()) == 1:
            continue
        last = run.split()[-1]
        if last in _NOT_NAME_START or (last.isupper() and len(run.split()) > 1):
            continue
        if word_before:
            slot = word_before.lower()
        else:
            after = re.match(r"\W*([\w’'-]+)", text[match.end() :])
            slot = "^" + (after[1].lower() if after else "")
        found.append((run, slot, match.start(), match.end()))
    return found


def _date_spans(
    text: str, published: dt.date | None, language: str = "english"
) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in find_dates(text, published, language=language)]


def _frame(text: str, spans: Sequence[tuple[int, int]], language: str) -> frozenset[str]:
    """Content words of ``text`` with the given spans and every number taken out."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    masked = "".join(chars)
    if _may_hold_number(masked):
        masked = _NUMBER.sub(" ", masked)
    return content_words(masked, language)


def _same_frame(a: frozenset[str], b: frozenset[str]) -> bool:
    """Same fact by :func:`same_fact`, or a short report held almost whole by a longer one.

    Short sentences ("Turnout in the referendum was 61 per cent.") keep too few words once
    their figures are taken out for the shared-word thresholds of a merge.
    """
    if same_fact(a, b):
        return True
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = len(small & large)
    return len(small) >= 2 and shared >= max(2, 0.75 * len(small)) and len(large - small) <= 3


def _close(a: frozenset[str], b: frozenset[str]) -> bool:
    """Nearly the same words: a different name is then the only difference."""
    return bool(a and b) and len(a & b) >= NAME_OVERLAP * min(len(a), len(b))


def _roughly_agree(mine: list[_Figure], theirs: list[_Figure]) -> bool:
    """One approximate figure ("about 15,000") agrees with any figure within
    :data:`APPROXIMATE` of it on the other side ("15,800 … up on the 15,010")."""
    if len(mine) != 1 or not (mine[0].approximate or (len(theirs) == 1 and theirs[0].approximate)):
        return False
    x = mine[0].value
    return any(abs(x - f.value) <= APPROXIMATE * max(abs(x), abs(f.value)) for f in theirs)


def _numbers_differ(a: list[_Figure], b: list[_Figure]) -> tuple[str, str] | None:
    units = {f.unit for f in a} & {f.unit for f in b}
    for unit in sorted(units):
        mine = [f for f in a if f.unit == unit]
        theirs = [f for f in b if f.unit == unit]
        values_a = {f.value for f in mine}
        values_b = {f.value for f in theirs}
        if values_a <= values_b or values_b <= values_a:
            continue
        if _roughly_agree(mine, theirs) or _roughly_agree(theirs, mine):
            continue
        return mine[0].text, theirs[0].text
    return None


#: a clock time next to a date: a posting's timestamp
_TIMESTAMP = compiled(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|UK|US)(?:\s+time)?)?"
    r"\s*(?:on\s+|,\s*)?"
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?\d{1,2}"
    r"(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?\s+\d{4}",
)


def _dates_differ(
    a: str, a_published: dt.date | None, b: str, b_published: dt.date | None
) -> tuple[str, str] | None:
    when_a = date_sentence(a, a_published)
    when_b = date_sentence(b, b_published)
    if when_a is None or when_b is None or "published" in (when_a.basis, when_b.basis):
        return None
    if _TIMESTAMP.search(a) or _TIMESTAMP.search(b):
        return None  # "At 1:56 pm on 28 May 2010, … wrote": when it was posted, not an event
    days_a = {m.when.iso() for m in find_dates(a, a_published)}
    days_b = {m.when.iso() for m in find_dates(b, b_published)}
    if when_a.iso() in days_b or when_b.iso() in days_a:
        return None  # one names the other's date too ("on Thursday … since 20 April")
    if "relative" in (when_a.basis, when_b.basis) and (
        _apart(a_published, b_published)
        or (when_a.phrase or "").lower() == (when_b.phrase or "").lower()
    ):
        return None  # "last month" in papers weeks apart, or the same words read on two days
    rank = {"day": 0, "month": 1, "year": 2}
    coarse = max(when_a.precision, when_b.precision, key=lambda p: rank[p])
    key_a = (when_a.date.year, when_a.date.month if coarse != "year" else 0,
             when_a.date.day if coarse == "day" else 0)  # fmt: skip
    key_b = (when_b.date.year, when_b.date.month if coarse != "year" else 0,
             when_b.date.day if coarse == "day" else 0)  # fmt: skip
    if key_a == key_b:
        return None
    return (
        f"{when_a.phrase or when_a.iso()} ({when_a.iso()})",
        f"{when_b.phrase or when_b.iso()} ({when_b.iso()})",
    )


#: a name after one of these holds no slot of its own (any name can follow "the")
_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"]
)


def _names_differ(
    a: list[tuple[str, str, int, int]], b: list[tuple[str, str, int, int]]
) -> tuple[str, str] | None:
    tokens_b = {t for run, *_ in b for t in _name_tokens(run)}
    tokens_a = {t for run, *_ in a for t in _name_tokens(run)}
    for run_a, slot_a, *_ in a:
        if _name_tokens(run_a) <= tokens_b:
            continue
        if slot_a in _DETERMINERS:  # "the Deepwater Horizon spill" / "the Gulf of Mexico spill"
            continue
        for run_b, slot_b, *_ in b:
            if _name_tokens(run_b) <= tokens_a or slot_a != slot_b:
                continue
            return run_a, run_b
    return None


def _unmatched_name_spans(
    a: list[tuple[str, str, int, int]], b: list[tuple[str, str, int, int]]
) -> list[tuple[int, int]]:
    tokens_b = {t for run, *_ in b for t in run.split()}
    return [(s, e) for run, _, s, e in a if not set(run.split()) <= tokens_b]


@dataclass(frozen=True)
class _Said:
    """A sentence read once: its dates, names, figures and the words left without them."""

    text: str
    source_id: str
    published: dt.date | None
    language: str
    dates: tuple[tuple[int, int], ...]
    names: tuple[tuple[str, str, int, int], ...]
    frame: frozenset[str]

    @cached_property
    def figures(self) -> tuple[_Figure, ...]:
        """The counts it states, worked out when first asked for: a comparison that finds
        two sentences tell different facts ends before their figures (six in ten of the
        merge's), and a sentence with a date or a name is a claim whatever its figures."""
        return tuple(_figures(self.text, self.dates, self.language))


@lru_cache(maxsize=8192)  # a merge step asks about the same sentence again and again
def _read(text: str, published: dt.date | None, source_id: str, language: str) -> _Said:
    dates = tuple(_date_spans(text, published, language))
    return _Said(
        text,
        source_id,
        published,
        language,
        dates,
        tuple(_names(text, dates)),
        _frame(text, dates, language),
    )


def _compare(a: _Said, b: _Said) -> Conflict | None:
    names_a, names_b = list(a.names), list(b.names)
    frame_a, frame_b = a.frame, b.frame
    if set(a.names) != set(b.names):
        # each sentence's words without the names the other lacks (its own frame when it
        # names none such: four in ten on bpoil_bbc)
        unmatched_a = _unmatched_name_spans(names_a, names_b)
        unmatched_b = _unmatched_name_spans(names_b, names_a)
        if unmatched_a:
            frame_a = _frame(a.text, [*a.dates, *unmatched_a], a.language)
        if unmatched_b:
            frame_b = _frame(b.text, [*b.dates, *unmatched_b], b.language)
    if not _same_frame(frame_a, frame_b):
        return None
    if len(frame_a & frame_b) < SHARED_OF_EACH * max(len(frame_a), len(frame_b)):
        return None
    numbers = _numbers_differ(list(a.figures), list(b.figures))
    if numbers and not _apart(a.published, b.published):
        return Conflict("number", *numbers)
    dates = _dates_differ(a.text, a.published, b.text, b.published) if a.dates and b.dates else None
    if dates:
        return Conflict("date", *dates)
    names = _names_differ(names_a, names_b)
    if names and min(len(n.split()) for n in names) >= 2 and _close(frame_a, frame_b):
        return Conflict("name", *names)
    return None


def _apart(a: dt.date | None, b: dt.date | None) -> bool:
    """Whether two reports were published more than :data:`UPDATE_DAYS` apart."""
    return a is not None and b is not None and abs((a - b).days) > UPDATE_DAYS


def conflict(
    a: str,
    a_published: dt.date | None,
    b: str,
    b_published: dt.date | None,
    language: str = "english",
) -> Conflict | None:
    """How two sentences reporting one fact differ in a number, a date or a name, if they do.

    ``None`` when they are not the same fact (once numbers, dates and differing names are
    set aside) or when they agree.
    """
    return _compare(_read(a, a_published, "", language), _read(b, b_published, "", language))


def refuse_merge(
    a: str,
    a_published: dt.date | None,
    b: str,
    b_published: dt.date | None,
    language: str = "english",
) -> bool:
    """Whether two "same fact" sentences must not be merged: they disagree on a detail."""
    return conflict(a, a_published, b, b_published, language) is not None


_LOWER_DETAILS = frozenset(
    {
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "percent",
        "per",
        "cent",
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "last",
        "next",
        "this",
        "ago",
        "earlier",
        "later",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
    }
)
_DETAIL = compiled(r"\d[\d,.]*|\b[A-Z][\w'’-]*|\b[a-z]+\b")


@lru_cache(maxsize=8192)
def _details(text: str) -> frozenset[str]:
    """What two sentences must differ in to disagree (a cheap test before :func:`conflict`):
    figures, capitalised words (names, weekdays, months), number words, scales and the
    lower-case words of relative dates."""
    return frozenset(
        token
        for token in _DETAIL.findall(text)
        if not token.islower() or token in _NUMBER_WORDS or token in _LOWER_DETAILS
    )


def refused(
    lead: tuple[str, str, dt.date | None],
    others: Sequence[tuple[str, str, dt.date | None]],
    language: str = "english",
) -> tuple[list[int], Disagreement | None]:
    """Which of ``others`` (text, source id, published) must not merge into ``lead``, and
    the disagreement they make with it (``None`` when none must be refused)."""
    text, sid, published = lead
    versions: dict[str, Version] = {}
    kind: Kind | None = None
    refuse: list[int] = []
    details = _details(text)
    for n, (other, other_sid, other_published) in enumerate(others):
        if other == text or other_sid == sid or _details(other) == details:
            continue
        found = conflict(text, published, other, other_published, language)
        if found is None or (kind is not None and found.kind != kind):
            continue
        kind = found.kind
        refuse.append(n)
        for said, value, source in ((text, found.first, sid), (other, found.second, other_sid)):
            old = versions.get(_value_key(value))
            if old is None:
                versions[_value_key(value)] = Version(said, value, source, (source,))
            elif source not in old.sources:
                cited = tuple(sorted({*old.sources, source}, key=source_order))
                versions[_value_key(value)] = replace(old, sources=cited)
    if kind is None or len(versions) < 2:
        return [], None
    return refuse, Disagreement(kind, tuple(versions.values()))


#: a sentence of a source read for what it could disagree on (see :func:`claims`)
Claim = _Said


def claims(source: Source) -> tuple[Claim, ...]:
    """The sentences of ``source`` that could disagree with another source's, each read once
    (per source, so that a large input reads them on every core)."""
    said: list[_Said] = []
    for paragraph in source.paragraphs:
        for text in split_paragraph(paragraph):
            read = _read(text, source.metadata.published, source.id, source.language)
            # only a sentence with a figure, a date or a name can disagree with another
            if len(read.frame) >= 2 and (read.dates or read.names or read.figures):
                said.append(read)
    return tuple(said)


def disagreements(sources: Sequence[Source]) -> list[Disagreement]:
    """Every fact that sources report with different numbers, dates or names.

    Each disagreement holds one version per value, each a verbatim sentence citing every
    source that reports that value; the most widely reported facts come first.
    """
    return disagreements_among([c for source in sources for c in claims(source)])


def disagreements_among(said: Sequence[Claim]) -> list[Disagreement]:
    """:func:`disagreements` over the :func:`claims` of the sources, in source order."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(said):
        for word in s.frame:
            postings[word].append(i)
    common = max(20, len(said) // 20)
    groups: list[tuple[Kind, dict[str, Version], list[_Said]]] = []
    for i, first in enumerate(said):
        shared: dict[int, int] = defaultdict(int)
        for word in first.frame:
            hits = postings[word]
            if len(hits) > common:
                continue
            for j in hits:
                if j > i and said[j].source_id != first.source_id:
                    shared[j] += 1
        for j, count in shared.items():
            second = said[j]
            if count < max(2, min(len(first.frame), len(second.frame)) // 2):
                continue
            found = _compare(first, second)
            if found is not None:
                _group(groups, found, first, second)
    result = [Disagreement(kind, tuple(versions.values())) for kind, versions, _ in groups]
    result.sort(key=lambda d: -sum(len(v.sources) for v in d.versions))
    return result


def _group(
    groups: list[tuple[Kind, dict[str, Version], list[_Said]]],
    found: Conflict,
    first: _Said,
    second: _Said,
) -> None:
    """Add a disagreeing pair to the disagreement about the same fact, or start one."""
    pair = ((first, found.first), (second, found.second))
    for kind, versions, members in groups:
        if kind != found.kind:
            continue
        # the same fact as the pair that started the group (not a chain of look-alikes)
        if not all(any(_same_frame(m.frame, s.frame) for m in members[:2]) for s, _ in pair):
            continue
        if not any(_value_key(value) in versions for _, value in pair):
            continue
        break
    else:
        versions, members = {}, []
        groups.append((found.kind, versions, members))
    for said, value in pair:
        key = _value_key(value)
        old = versions.get(key)
        if old is None:
            versions[key] = Version(said.text, value, said.source_id, (said.source_id,))
        elif said.source_id not in old.sources:
            cited = tuple(sorted({*old.sources, said.source_id}, key=source_order))
            versions[key] = Version(old.text, old.value, old.source_id, cited)
        members.append(said)


def _value_key(value: str) -> str:
    return re.sub(r"\W+", " ", value).strip().lower()
