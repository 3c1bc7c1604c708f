"""What to watch: the scheduled and pending events the sources point to, by date.

A sentence is about something still to come when

* it states a date after its source's publication date, in a clause that looks ahead
  ("talks are set for 7 March", "the assembly is expected to vote on 12 March", "next week"),
  with :func:`briefer.dating.find_dates` resolving relative dates against the publication date;
* or it states a pending decision, with or without a date: "pending Congressional approval",
  "is expected to", "will vote", "has yet to", "awaits", "still needs", "subject to approval".

Expectations told in the past ("the strike was expected to end on Friday, but …") and
dates in the past are not. Each item is a verbatim sentence citing every source that reports
it; items are ordered by date, the undated pending ones last.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .dating import find_dates
from .merge import same_fact, source_order
from .models import Source, When
from .patterns import compiled
from .split import split_paragraph
from .words import content_words

__all__ = ["Watch", "source_watch", "watch_among", "watch_items", "watch_sentence"]


@dataclass(frozen=True)
class Watch:
    """A sentence about an event to come: the date ahead (if stated) and what marks it."""

    text: str
    sources: tuple[str, ...]
    source_id: str
    when: When | None
    cue: str


_PENDING = compiled(
    r"\bpending\b(?!\s+(?:for|since)\b)"
    r"|\b(?:is|are|remains?|seems?|looks?)\s+(?:still\s+|now\s+|also\s+)?(?:expected|due|set|"
    r"scheduled|slated|poised|likely|unlikely|planning|preparing)\s+to\b"
    r"|\b(?:is|are)\s+(?:not\s+)?expected\s+(?:until|before|by|in|on|next|later|early|this)\b"
    r"|\b(?:is|are)\s+(?:set|scheduled|slated|due)\s+for\b"
    r"|\bwill\s+(?:(?:now|also|then|first|formally|finally|soon|likely|probably)\s+)?"
    r"(?:vote|decide|rule|consider|meet|hold|debate|review|announce|publish|sign|hear|take\s+"
    r"effect|come\s+into\s+(?:force|effect)|begin|start|resume|travel|visit|examine|determine|"
    r"weigh|appeal|consult|inspect|reopen|close|open|expire|report|deliver|sit|convene|"
    r"go\s+to\s+the\s+polls|be\s+(?:heard|decided|published|held|announced|voted|reviewed|"
    r"debated|signed|considered|implemented|introduced|sentenced|tried|released|revealed|"
    r"submitted|presented|put\s+to))\b"
    r"|\b(?:has|have)\s+(?:yet|still)\s+to\b|\b(?:has|have)\s+not\s+yet\b|\bnot\s+yet\s+"
    r"(?:been\s+)?\w+ed\b"
    r"|\bawait(?:s|ing)\b"
    r"|\bstill\s+(?:needs?|requires?|has\s+to|have\s+to|must)\b"
    r"|\b(?:requires?|needs?)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:approval|backing|consent|"
    r"ratification|sign-off|vote)\b"
    r"|\bsubject\s+to\s+(?:\w+\s+){0,3}(?:approval|ratification|review|consent|vote)\b"
    r"|\b(?:is|are)\s+to\s+be\s+\w+ed\b|\bupcoming\b|\bgo(?:es)?\s+to\s+the\s+polls\b"
    r"|\bdeadline\s+(?:of|is|for)\b",
    re.IGNORECASE,
)
#: an expectation told in the past: what it expected has happened or not by now
_PAST_EXPECTATION = compiled(
    r"(?=[hw])"  # (?=…): the characters a match can start with
    r"\b(?:was|were|had\s+been)\s+(?:originally\s+|initially\s+)?(?:expected|due|set|"
    r"scheduled|supposed|slated|meant)\s+to\b",
    re.IGNORECASE,
)


_NOT_EXPECTED = compiled(r"\b(is|are)\s+not\s+expected", re.IGNORECASE)
#: words that put a clause in the future: a date read forward from a bare "in April" or "on
#: Sunday" is ahead only in such a clause ("Eleven men died … in April" is last April)
_FUTURE = compiled(
    # (?=…): the characters its words start with, so that a search passes other places at once
    r"(?=[abcdefghilmnoprstuvw'’])"
    r"\b(?:will|shall|won['’]t|would|is\s+to|are\s+to|plans?|planned|planning|intends?|"
    r"expected|expects?|due|set|scheduled|slated|going\s+to|next|coming|upcoming|later|until|"
    r"from|by|before|ahead|deadline|hopes?|aims?|wants?\s+to|could|may|might|"
    # the present of a timetable: "the new fares take effect on July 1", "talks open on Monday"
    r"takes?\s+effect|comes?\s+into\s+(?:force|effect)|starts?|begins?|opens?|closes?|"
    r"expires?|ends?|resumes?|reopens?|meets?|votes?|convenes?|sits?|travels?|visits?|"
    r"goes\s+on\s+sale|goes\s+to\s+the\s+polls)\b|['’]ll\b",
    re.IGNORECASE,
)


def _ahead(when: When, published: dt.date) -> bool:
    """Whether ``when`` is after the publication date at its own precision."""
    if when.precision == "day" or (when.basis == "relative" and when.precision == "month"):
        # "next week" is a month-precision date whose day still tells before from after
        return when.date > published
    if when.precision == "month":
        return (when.date.year, when.date.month) > (published.year, published.month)
    return when.date.year > published.year


def watch_sentence(
    text: str, published: dt.date | None, language: str = "english"
) -> tuple[When | None, str] | None:
    """The date ahead and the cue that make ``text`` a thing to watch, or ``None``.

    The date is the first one after ``published`` the sentence states (``None`` for a pending
    decision with no date); the cue is its phrase or the pending wording.
    """
    past = _PAST_EXPECTATION.search(text)
    pending = _PENDING.search(text)
    ahead = _dates_ahead(text, published, past is not None, language)
    if not pending and not _FUTURE.search(text):
        ahead = [w for w in ahead if w.basis == "explicit"]
    if not ahead and pending and not past:
        # "results are not expected until Thursday": the negation hides the future from dating
        ahead = _dates_ahead(_NOT_EXPECTED.sub(r"\1 expected", text), published, False, language)
    if ahead:
        first = ahead[0]
        return first, pending.group(0) if pending else (first.phrase or first.iso())
    if pending and not past:
        return None, pending.group(0)
    return None


def _dates_ahead(
    text: str, published: dt.date | None, past: bool, language: str = "english"
) -> list[When]:
    ahead: list[When] = []
    if published is not None:
        for mention in find_dates(text, published, language=language):
            when = mention.when
            if not _ahead(when, published):
                continue
            if past and when.basis != "explicit":
                continue
            ahead.append(when)
    return ahead


def _order(item: Watch) -> tuple[int, str, tuple[int, str]]:
    if item.when is None:
        return (1, "", source_order(item.source_id))
    return (0, item.when.iso(), source_order(item.source_id))


def watch_items(sources: Sequence[Source]) -> list[Watch]:
    """Every sentence about an event to come, once per fact, citing all its reporters.

    Ordered by the date ahead; the pending decisions without a date come last.
    """
    return watch_among([hit for source in sources for hit in source_watch(source)])


def source_watch(source: Source) -> tuple[tuple[Watch, frozenset[str]], ...]:
    """The sentences of ``source`` about an event to come, in order, each with its content
    words (per source, so that a large input reads them on every core)."""
    found = []
    for paragraph in source.paragraphs:
        for text in split_paragraph(paragraph):
            hit = watch_sentence(text, source.metadata.published, source.language)
            if hit is not None:
                when, cue = hit
                item = Watch(text, (source.id,), source.id, when, cue)
                found.append((item, content_words(text, source.language)))
    return tuple(found)


def watch_among(hits: Iterable[tuple[Watch, frozenset[str]]]) -> list[Watch]:
    """:func:`watch_items` from the :func:`source_watch` of the sources, in source order."""
    found: list[tuple[Watch, frozenset[str]]] = []
    for item, words in hits:
        for i, (other, other_words) in enumerate(found):
            if same_fact(words, other_words):
                cited = tuple(sorted({*other.sources, item.source_id}, key=source_order))
                better = other.when or item.when
                found[i] = (replace(other, sources=cited, when=better), other_words)
                break
        else:
            found.append((item, words))
    return sorted((w for w, _ in found), key=_order)
