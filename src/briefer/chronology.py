"""The chronology engine: which dates matter in a story, and what happened on each.

Both ``briefer timeline`` (a long dated chronology) and the brief's chronology section are
chosen here.

* **Which dates.** A date matters when many sources *refer* to it: every day-precision date a
  sentence mentions counts ("on April 20", "last Tuesday", "20 April 2010", resolved by
  :func:`briefer.dating.find_dates`), once per source, and a day on which many articles
  appeared counts too (Tran et al. 2013; Ghalandari & Ifrim 2020, "Datewise"). A date that
  articles written *later* still refer to is an event the story looks back on, so those
  references weigh more than the ones made on the day; and a date named in an article's
  opening sentences (what it reports) weighs more than one named deep down (background).
* **What happened.** For each date the candidates are the sentences that mention it and the
  lead sentences (with no date of their own) of articles published on it or the day after;
  the chosen sentence is the most central one: closest (TF-IDF cosine) to the centroid of the
  candidates, the centroid keeping the words the two kinds of candidate share (Datewise's
  "PM mean"). Centrality is computed here on sparse vectors in plain Python, linear in the
  number of candidates, rather than with a sentence graph (LexRank is quadratic).
* **Nothing twice.** A sentence too similar to one already in the chronology (on any date)
  is passed over; every source whose sentence about that date reports the same fact is cited.

The engine works on :class:`Reading` records (a sentence with its source's publication date,
its position in the source and the days it mentions); :mod:`briefer.timeline` makes them
from sources.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from .dating import find_dates
from .merge import same_fact, source_order
from .models import Item, Precision, Sentence, When
from .patterns import compiled
from .words import stemmer, stop_words

log = logging.getLogger(__name__)

#: weight of one source referring to a date from a later day (looking back on it)
LATER_REFERENCE = 1.0
#: weight of one source referring to a date on the day itself or ahead of it
SAME_DAY_REFERENCE = 0.5
#: weight of one article published on a date
PUBLISHED = 0.5
#: a reference in a source's opening sentence counts (1 + LEAD_EMPHASIS) times, fading
#: linearly to once by its ``LEAD_REACH``-th sentence: news is written as an inverted pyramid,
#: so a date named at the top is what the article reports, one named deep down is background
LEAD_EMPHASIS, LEAD_REACH = 1.0, 15
#: a source's first sentences stand for what its publication date (and the day before) brought
LEAD_SENTENCES = 5
#: the centroid keeps only the words both kinds of candidate use when they share this many
MIN_SHARED_TERMS = 5
#: two chosen sentences this similar (TF-IDF cosine) say the same thing: the second is dropped
REDUNDANT = 0.5
#: without a number of dates asked for, dates referred to by at least this many sources
#: (one when the material has fewer than ``SMALL_STORY`` sources) are shown, at most ``MAX_DATES``
MIN_REFERENCES, SMALL_STORY, MAX_DATES = 2, 8, 60

_WORD = compiled(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class ChronologyOptions:
    """What chronology to make (the command line builds one of these).

    ``dates``: how many dates (None: as many as the material clearly points to);
    ``per_date``: sentences per date at most; ``since``/``until``: use only articles published
    in that period and dates inside it; ``keywords``: when given, a chosen sentence must
    contain one of them (case-insensitive); ``months``: without ``dates``, a month sources
    refer to only as a month ("in March 2010", "last month") none of whose days is listed
    is an entry of its own, dated ``YYYY-MM`` (see :func:`_months`).
    """

    dates: int | None = None
    per_date: int = 1
    since: dt.date | None = None
    until: dt.date | None = None
    keywords: tuple[str, ...] = ()
    language: str = "auto"  # each source's own, detected (or one forced)
    months: bool = True


@dataclass(frozen=True)
class Reading:
    """One usable sentence of a source, as the engine sees it."""

    sentence: Sentence
    published: dt.date | None
    position: int  # among its source's usable sentences; 0 is the lead
    days: tuple[When, ...]  # the day-precision dates it mentions, in order
    terms: tuple[str, ...]  # its stemmed content words, repeats kept
    periods: tuple[When, ...] = ()  # the months and years it names, in order


def _month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _holds(period: When, day: dt.date) -> bool:
    """Whether ``day`` falls in ``period`` (a month or a year)."""
    if period.precision == "year":
        return period.date.year == day.year
    return _month_of(period.date) == _month_of(day)


@dataclass(frozen=True)
class Entry:
    """One date of the chronology and what happened on it, best first. A month entry
    (``precision`` "month") is dated the first of its month and shown as ``YYYY-MM``."""

    date: dt.date
    items: tuple[Item, ...]
    weight: float
    precision: Precision = "day"

    def iso(self) -> str:
        """``YYYY-MM-DD``, or ``YYYY-MM`` for a month entry (sorted before that month's days)."""
        return When(self.date, self.precision, "explicit").iso()


@cache
def _cached_stem(language: str) -> Callable[[str], str]:
    return cache(stemmer(language))


def terms(text: str, language: str = "english") -> tuple[str, ...]:
    """The stemmed content words of ``text`` in order (stop words and numbers left out)."""
    table = _term_table(language)
    found = []
    for token in _WORD.findall(text.lower()):
        try:
            term = table[token]
        except KeyError:
            term = _learn_term(table, token, language)
        if term is not None:
            found.append(term)
    return tuple(found)


@cache
def _term_table(language: str) -> dict[str, str | None]:
    """token → its term, or None for a stop word or a one-letter word (filled as tokens come)."""
    return {}


def _learn_term(table: dict[str, str | None], token: str, language: str) -> str | None:
    word = token.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    term = None
    if len(word) > 1 and word not in stop_words(language):
        term = _cached_stem(language)(word)
    if len(table) >= 500_000:
        table.clear()
    table[token] = term
    return term


def read(
    sentence: Sentence,
    published: dt.date | None,
    position: int,
    language: str = "english",
    previous: Reading | None = None,
) -> Reading:
    """The :class:`Reading` of one sentence; ``previous``, the reading of the sentence just
    before it in its source, anchors "the next day" or "two days later" when it names one day."""
    found = [
        m.when
        for m in find_dates(sentence.text, published, anchor_of(sentence, previous), language)
        if m.when.basis != "published"
    ]
    days = tuple(w for w in found if w.precision == "day")
    # "last week" is dated to the month only for want of a day: it names no month
    periods = tuple(
        w for w in found if w.precision != "day" and "week" not in (w.phrase or "").lower()
    )
    return Reading(sentence, published, position, days, terms(sentence.text, language), periods)


def anchor_of(sentence: Sentence, previous: Reading | None) -> dt.date | None:
    """The day the sentence before ``sentence`` is about, when it names exactly one."""
    if previous is None or previous.sentence.index != sentence.index - 1:
        return None
    named = {when.date for when in previous.days}
    return next(iter(named)) if len(named) == 1 else None


# --- vectors ---------------------------------------------------------------------------------

Vector = dict[str, float]


def _idf(readings: Sequence[Reading]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for r in readings:
        counts.update(set(r.terms))
    n = len(readings) + 1
    return {t: math.log(n / (c + 1)) + 1 for t, c in counts.items()}


def _vector(reading: Reading, idf: Mapping[str, float]) -> Vector:
    counts = Counter(reading.terms)
    vector = {t: c * idf.get(t, 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _mean(vectors: Iterable[Vector]) -> Vector:
    total: dict[str, float] = defaultdict(float)
    n = 0
    for vector in vectors:
        n += 1
        for t, v in vector.items():
            total[t] += v
    return {t: v / n for t, v in total.items()} if n else {}


def _centroid(mentions: list[Vector], leads: list[Vector]) -> Vector:
    """Datewise's "PM mean": the mean of both groups, on the words both groups use."""
    m, p = _mean(mentions), _mean(leads)
    if not m or not p:
        return m or p
    shared = {t: m[t] + p[t] for t in m.keys() & p.keys()}
    if len(shared) >= MIN_SHARED_TERMS:
        return shared
    # too few words in common (a small story): every candidate counts once
    return _mean([*mentions, *leads])


# --- the form of a chronology line ----------------------------------------------------------

#: a chronology line reads like a journalist's timeline entry: most are this many words long
#: (nine in ten of Timeline17's reference sentences are 8–40 tokens); shorter or longer
#: sentences are scored down in proportion
ENTRY_WORDS = (8, 40)
#: the share of its score kept by a sentence that carries a dateline or a photo caption
GLUED = 0.5
#: a clock time with a time zone, or a "|" (a dateline or byline glued to the text:
#: "VENICE, Louisiana | Sun May 2, 2010 7:55 pm EDT ...", "13 January 2005 03.10 GMT The ...")
_DATELINE = compiled(
    r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{1,3}[SD]?T|GMT|UTC)\b"
    r"|\b\d{1,2}:\d\d\s*[ap]\.?m\b|\|"
)
#: the words of a photo caption ("Oil is seen on the surface ...", "in this handout photograph")
_CAPTION = compiled(
    r"\b(?:is|are)\s+(?:seen|pictured|shown)\b|\b(?:photograph|photo|picture|handout|frame grab)\b",
    re.IGNORECASE,
)
#: a picture credit opening the sentence ("AP NEW ORLEANS -- ...", "AFP April 27: ...",
#: "REUTERS/Larry Downing ..."), not the agency as a subject ("Reuters reported ...")
_CREDIT = compiled(r"^(?:AP|AFP|Reuters|REUTERS|Getty)\b(?!\s+(?:news\b|[a-z]))")


def form(text: str) -> float:
    """How much ``text`` reads like a timeline entry, in (0, 1]: a statement of a usual length,
    without a dateline or a photo caption glued to it. Multiplies a candidate's centrality."""
    low, high = ENTRY_WORDS
    n = max(1, len(text.split()))
    factor = min(1.0, n / low) * min(1.0, high / n)
    if _DATELINE.search(text) or _CAPTION.search(text) or _CREDIT.match(text):
        factor *= GLUED
    return factor


# --- dates -----------------------------------------------------------------------------------


def _inside(day: dt.date | None, options: ChronologyOptions) -> bool:
    if day is None:
        return True
    return (options.since is None or day >= options.since) and (
        options.until is None or day <= options.until
    )


def prominence(position: int) -> float:
    """How much a reference counts at ``position`` among its source's sentences (0 the lead):
    1 + ``LEAD_EMPHASIS`` at the top, falling linearly to 1 by the ``LEAD_REACH``-th."""
    return 1.0 + LEAD_EMPHASIS * max(0.0, 1.0 - position / LEAD_REACH)


def date_weights(readings: Sequence[Reading], options: ChronologyOptions) -> dict[dt.date, float]:
    """How strongly the material points to each day: sources referring to it (each source
    once, by its most prominent reference: :func:`prominence`), and articles published on it
    (see the weights above)."""
    later: dict[dt.date, dict[str, float]] = defaultdict(dict)
    same: dict[dt.date, dict[str, float]] = defaultdict(dict)
    published: dict[dt.date, set[str]] = defaultdict(set)
    for r in readings:
        source = r.sentence.source_id
        if r.published is not None:
            published[r.published].add(source)
        if not r.days:
            continue
        strength = prominence(r.position)
        for when in r.days:
            if r.published is not None and when.date < r.published:
                table = later[when.date]
            else:
                table = same[when.date]
            if strength > table.get(source, 0.0):
                table[source] = strength
    weights: dict[dt.date, float] = defaultdict(float)
    for tables, weight in ((later, LATER_REFERENCE), (same, SAME_DAY_REFERENCE)):
        for day, strengths in tables.items():
            weights[day] += weight * sum(strengths.values())
    for day, sources in published.items():
        weights[day] += PUBLISHED * len(sources)
    return {d: w for d, w in weights.items() if _inside(d, options)}


def _month_inside(month: dt.date, options: ChronologyOptions) -> bool:
    end = _month_start_after(month) - dt.timedelta(days=1)
    return (options.since is None or end >= options.since) and (
        options.until is None or month <= options.until
    )


def _month_start_after(month: dt.date) -> dt.date:
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def month_weights(readings: Sequence[Reading], options: ChronologyOptions) -> dict[dt.date, float]:
    """How strongly the material points to each month named only as a month (keyed by its
    first day): sources referring to it, a reference from after the month weighing more."""
    later: dict[dt.date, set[str]] = defaultdict(set)
    same: dict[dt.date, set[str]] = defaultdict(set)
    for r in readings:
        for when in r.periods:
            if when.precision != "month":
                continue
            month = _month_of(when.date)
            if r.published is not None and r.published >= _month_start_after(month):
                later[month].add(r.sentence.source_id)
            else:
                same[month].add(r.sentence.source_id)
    weights: dict[dt.date, float] = defaultdict(float)
    for table, weight in ((later, LATER_REFERENCE), (same, SAME_DAY_REFERENCE)):
        for month, sources in table.items():
            weights[month] += weight * len(sources)
    return {m: w for m, w in weights.items() if _month_inside(m, options)}


def _month_references(readings: Sequence[Reading]) -> dict[dt.date, set[str]]:
    found: dict[dt.date, set[str]] = defaultdict(set)
    for r in readings:
        for when in r.periods:
            if when.precision == "month":
                found[_month_of(when.date)].add(r.sentence.source_id)
    return found


def references(readings: Sequence[Reading]) -> dict[dt.date, set[str]]:
    """The sources referring to each day (any date a sentence mentions, not only its main one)."""
    found: dict[dt.date, set[str]] = defaultdict(set)
    for r in readings:
        for when in r.days:
            found[when.date].add(r.sentence.source_id)
    return found


# --- the chronology --------------------------------------------------------------------------


def _needed_references(readings: Sequence[Reading]) -> int:
    sources = {r.sentence.source_id for r in readings}
    return MIN_REFERENCES if len(sources) >= SMALL_STORY else 1


def _default_count(readings: Sequence[Reading], weights: Mapping[dt.date, float]) -> int:
    need = _needed_references(readings)
    referred = references(readings)
    count = sum(1 for d in weights if len(referred.get(d, ())) >= need)
    return max(1, min(MAX_DATES, count))


def _keyword_filter(keywords: Sequence[str]) -> Callable[[str], bool]:
    wanted = [k.lower() for k in keywords if k.strip()]
    if not wanted:
        return lambda text: True
    return lambda text: any(k in text.lower() for k in wanted)


def chronology(readings: Sequence[Reading], options: ChronologyOptions) -> list[Entry]:
    """The dated chronology of ``readings``: up to ``options.dates`` dates in ascending order,
    each with up to ``options.per_date`` sentences (verbatim, citing every source reporting
    them)."""
    readings = [r for r in readings if _inside(r.published, options)]
    if not readings:
        return []
    weights = date_weights(readings, options)
    wanted = options.dates if options.dates is not None else _default_count(readings, weights)
    # months fill the gaps of a chronology whose length the material chooses (see _months)
    months = _months(readings, options) if options.dates is None else {}
    idf = _idf(readings)
    mentions: dict[dt.date, list[tuple[Reading, When]]] = defaultdict(list)
    in_month: dict[dt.date, list[tuple[Reading, When]]] = defaultdict(list)
    leads: dict[dt.date, list[Reading]] = defaultdict(list)
    for r in readings:
        seen = set()
        for when in r.days:
            if when.date not in seen:
                seen.add(when.date)
                mentions[when.date].append((r, when))
        for when in r.periods:
            if when.precision == "month" and _month_of(when.date) in months:
                in_month[_month_of(when.date)].append((r, when))
        # a lead stands for its report date unless it names another month ("in March
        # 2010", "last month"): then no day is made up for it (a year alone is mostly
        # background: "since 2003", "the 2010 spill")
        if (
            not r.days
            and r.position < LEAD_SENTENCES
            and r.published is not None
            and all(_holds(p, r.published) for p in r.periods if p.precision == "month")
        ):
            leads[r.published].append(r)
            leads[r.published - dt.timedelta(days=1)].append(r)
    allowed = _keyword_filter(options.keywords)
    vectors: dict[tuple[str, int], Vector] = {}

    def vector(r: Reading) -> Vector:
        key = (r.sentence.source_id, r.sentence.index)
        if key not in vectors:
            vectors[key] = _vector(r, idf)
        return vectors[key]

    chosen: list[Vector] = []
    entries: list[Entry] = []
    for day in sorted(weights, key=lambda d: (-weights[d], d)):
        if len(entries) >= wanted:
            break
        items = _summarise(
            day, mentions.get(day, []), leads.get(day, []), vector, chosen, allowed, options
        )
        if items:
            entries.append(Entry(day, tuple(items), weights[day]))
    shown = {_month_of(e.date) for e in entries}
    for month in sorted(months, key=lambda m: (-months[m], m)):
        if len(entries) >= MAX_DATES:
            break
        if month in shown:
            continue  # the month's own days tell it more precisely
        items = _summarise(month, in_month[month], [], vector, chosen, allowed, options)
        if items:
            entries.append(Entry(month, tuple(items), months[month], "month"))
    # a month is listed before its days ("2010-03" before "2010-03-01")
    entries.sort(key=lambda e: (e.date, e.precision == "day"))
    return entries


def _months(readings: Sequence[Reading], options: ChronologyOptions) -> dict[dt.date, float]:
    """The months that may be entries of their own: referred to (as months) by as many
    sources as a date needs. They are listed only when the chronology's length is chosen
    from the material (no ``dates``), after its days, and only where no day of the month
    made the chronology: a month never takes a day's place, and an event is not told twice
    at two precisions ("in June 2009" beside "on 25 June")."""
    if not options.months:
        return {}
    need = _needed_references(readings)
    referred = _month_references(readings)
    weights = month_weights(readings, options)
    return {m: w for m, w in weights.items() if len(referred.get(m, ())) >= need}


def _summarise(
    day: dt.date,
    mentioned: list[tuple[Reading, When]],
    leads: list[Reading],
    vector: Callable[[Reading], Vector],
    chosen: list[Vector],
    allowed: Callable[[str], bool],
    options: ChronologyOptions,
) -> list[Item]:
    """Up to ``per_date`` sentences for ``day``, most central first; ``chosen`` grows."""
    pool: list[tuple[Reading, When]] = [*mentioned]
    pool += [(r, When(day, "day", "published")) for r in leads]
    if not pool:
        return []
    centroid = _centroid([vector(r) for r, _ in mentioned], [vector(r) for r in leads])
    scored = sorted(
        ((_dot(vector(r), centroid) * form(r.sentence.text), i) for i, (r, _) in enumerate(pool)),
        key=lambda x: (-x[0], x[1]),
    )
    items: list[Item] = []
    taken_texts: set[str] = set()
    for score, i in scored:
        if len(items) >= options.per_date:
            break
        reading, when = pool[i]
        text = reading.sentence.text
        if score <= 0 or text in taken_texts or not allowed(text):
            continue
        v = vector(reading)
        if any(_dot(v, other) > REDUNDANT for other in chosen):
            continue
        chosen.append(v)
        taken_texts.add(text)
        items.append(
            Item(
                text=text,
                sources=_reporters(reading, pool, options.language),
                score=score,
                when=when,
                source_id=reading.sentence.source_id,
            )
        )
    return items


def _reporters(
    reading: Reading, pool: Sequence[tuple[Reading, When]], language: str
) -> tuple[str, ...]:
    """Every source in ``pool`` with a sentence reporting the same fact as ``reading``."""
    words = frozenset(reading.terms)
    cited = {reading.sentence.source_id}
    for other, _ in pool:
        if other.sentence.source_id not in cited and same_fact(words, frozenset(other.terms)):
            cited.add(other.sentence.source_id)
    return tuple(sorted(cited, key=source_order))


# --- the brief's chronology ------------------------------------------------------------------

#: bonus for an item that states a date of its own, in the page chronology's ordering
DATED_BONUS = 0.75
#: score lost by each further page chronology item on a date the chronology already shows
SAME_DATE_PENALTY = 0.4


def self_dated(item: Item) -> bool:
    """Whether an item's date is stated in its own words (not only its report date)."""
    return item.when is not None and item.when.basis != "published"


def _page_score(item: Item) -> float:
    return item.score + (DATED_BONUS if self_dated(item) else 0)


def page_chronology(leads: Sequence[Item], rest: Sequence[Item], limit: int) -> list[Item]:
    """The brief's chronology: the ``leads``, then the best of ``rest``, in date order.

    Each further item stating a date already shown scores ``SAME_DATE_PENALTY`` less, so
    the chronology covers many dates rather than retelling one (report dates are not
    events, so they do not count); the scores it keeps are the ones the page fitting
    trims by.
    """
    shown = Counter(i.when.iso() for i in leads if self_dated(i) and i.when is not None)
    weighed = []
    for item in sorted(rest, key=lambda i: -_page_score(i)):
        score = _page_score(item)
        if self_dated(item) and item.when is not None:
            score -= SAME_DATE_PENALTY * shown[item.when.iso()]
            shown[item.when.iso()] += 1
        weighed.append(replace(item, score=score))
    weighed.sort(key=lambda i: -i.score)
    chosen = [replace(i, score=_page_score(i)) for i in leads]
    chosen += weighed[: max(0, limit - len(leads))]
    chosen.sort(key=lambda i: (i.when.iso() if i.when else "", -i.score))
    return chosen
