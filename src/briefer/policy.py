"""The policy sections of a brief: why it matters, what to watch, who said what, disagreements.

    policy_sections(sources, shown)  →  PolicySections
    with_policy(brief, sources)      →  the brief with its four policy fields filled

Each section is built from verbatim sentences (or quotations) of the sources, each citing
every source that reports it. No sentence is shown twice on the page: a sentence about what
is still to come is shown under "what to watch" and leaves the key points and chronology;
"why it matters" and "who said what" leave out what the key points and chronology show; a
disagreement's version already on the page is shown by its value only (see the templates).

On a large input the sections weigh only the paragraphs holding each source's best-ranked
sentences (``focus``): the analyses read every sentence they are given, and a feed of
hundreds of articles would otherwise cost seconds for facts the page has no room for.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .disagree import Claim, Disagreement, claims, disagreements_among
from .merge import MIN_SHARED, same_day_event, shares_fact, source_order
from .models import Brief, Item, Source
from .patterns import compiled
from .quotes import Quote, find_quotes, quotes_among
from .significance import model
from .split import split_paragraph
from .watch import Watch, source_watch, watch_among
from .words import content_words

if TYPE_CHECKING:
    from .layout import Block

__all__ = [
    "Ahead",
    "PolicyLimits",
    "PolicySections",
    "Reading",
    "focus",
    "focus_share",
    "focus_source",
    "policy_sections",
    "read_ahead",
    "read_source",
    "sections_ahead",
    "with_policy",
]

#: a quote is on the page already when this share of its content words is in one sentence
QUOTE_SHOWN = 0.8
#: a sentence shorter or longer than this (in words) is not weighed for "why it matters"
MIN_WORDS, MAX_WORDS = 6, 60
#: a pending decision without a date is still to watch when reported this close (in days) to
#: the newest source (see :func:`still_ahead`)
PENDING_DAYS = 30
#: the page shows a quotation of more words than this cut short (see :func:`quote_excerpt`)
QUOTE_WORDS = 30
MIN_EXCERPT_WORDS = 8


@dataclass(frozen=True)
class PolicyLimits:
    """How many entries each section keeps at most."""

    why_it_matters: int = 4
    what_to_watch: int = 6
    who_said_what: int = 6
    disagreements: int = 5
    #: past this many paragraphs in all, each source is read only around its best sentences
    full_paragraphs: int = 1500
    #: … and then this many paragraphs at most in all (at least ``min_per_source`` a source)
    focus_paragraphs: int = 900
    min_per_source: int = 3


@dataclass(frozen=True)
class PolicySections:
    """The four sections, each best first (what to watch: by date)."""

    why_it_matters: tuple[Item, ...]
    what_to_watch: tuple[Item, ...]
    who_said_what: tuple[Quote, ...]
    disagreements: tuple[Disagreement, ...]


@dataclass(frozen=True, eq=False)
class Reading:
    """What the policy sections need from one source, read once (see :func:`read_source`):
    on a large input, in the background process of :func:`read_ahead`."""

    source_id: str
    #: the paragraphs read (the source's, or those :func:`focus_source` kept)
    paragraphs: tuple[str, ...]
    #: the sentences weighed for "why it matters", and their significance features
    weighed: tuple[str, ...]
    features: npt.NDArray[np.float64]
    #: the sentences about something to come, each with its content words
    watch: tuple[tuple[Watch, frozenset[str]], ...]
    quotes: tuple[Quote, ...]
    #: the sentences that could disagree with another source's
    claims: tuple[Claim, ...]


def read_source(source: Source) -> Reading:
    """Everything the policy sections read in one source, all of it from that source alone."""
    weighed = tuple(
        text
        for paragraph in source.paragraphs
        for text in split_paragraph(paragraph)
        if MIN_WORDS <= len(text.split()) <= MAX_WORDS
    )
    return Reading(
        source_id=source.id,
        paragraphs=source.paragraphs,
        weighed=weighed,
        features=model().features(weighed),
        watch=source_watch(source),
        quotes=tuple(find_quotes(source)),
        claims=claims(source),
    )


def _readings(sources: Sequence[Source], readings: Mapping[str, Reading] | None) -> list[Reading]:
    """Each source's reading: the one given when it is of the same paragraphs, else read now."""
    found = []
    for source in sources:
        given = readings.get(source.id) if readings else None
        if given is None or given.paragraphs != source.paragraphs:
            given = read_source(source)
        found.append(given)
    return found


#: a sentence the significance model weighs: (source id, text, probability)
Significant = tuple[str, str, float]


def significant(read: Sequence[Reading]) -> tuple[Significant, ...]:
    """The weighed sentences of ``read`` the significance model finds significant (at or above
    its threshold), the most likely first (ties in source order): what "why it matters" picks
    from, once it knows what the brief shows."""
    sentences = [(r.source_id, text) for r in read for text in r.weighed]
    if not sentences:
        return ()
    fitted = model()
    probabilities = fitted.probability_of(np.vstack([r.features for r in read]))
    ranked = sorted(
        zip(sentences, probabilities.tolist(), strict=True),
        key=lambda pair: (-pair[1], source_order(pair[0][0])),
    )
    return tuple(
        (sid, text, probability)
        for (sid, text), probability in ranked
        if probability >= fitted.threshold
    )


def _why_it_matters(
    ranked: Sequence[Significant], language: str, shown: Sequence[Item], limit: int
) -> tuple[Item, ...]:
    """The sentences most likely to state significance (``ranked``: :func:`significant`),
    once per fact, not already shown."""
    if not ranked:
        return ()
    shown_words = [content_words(i.text, language) for i in shown]
    # the shown items sharing a word with a sentence: no other can be the same fact
    holders: dict[str, list[int]] = {}
    for n, found in enumerate(shown_words):
        for word in found:
            holders.setdefault(word, []).append(n)
    kept: list[tuple[Item, frozenset[str]]] = []
    kept_holders: dict[str, list[int]] = {}  # the same, for the items kept
    for sid, text, probability in ranked:
        words = content_words(text, language)
        size = len(words)
        if any(shares_fact(k, size, len(shown_words[n])) for n, k in _sharing(words, holders)):
            continue
        for i, shared in _sharing(words, kept_holders):
            item, item_words = kept[i]
            if shares_fact(shared, size, len(item_words)):
                cited = tuple(sorted({*item.sources, sid}, key=source_order))
                kept[i] = (replace(item, sources=cited), item_words)
                break
        else:
            for word in words:
                kept_holders.setdefault(word, []).append(len(kept))
            kept.append((Item(text, (sid,), float(probability), None, sid), words))
    # corroborated significance first, then the model's confidence
    items = [item for item, _ in kept]
    items.sort(key=lambda i: -(i.score + 0.5 * math.log2(len(i.sources))))
    return tuple(items[:limit])


def _sharing(words: frozenset[str], holders: Mapping[str, list[int]]) -> list[tuple[int, int]]:
    """The numbers of the word sets (``holders``: word → numbers of the sets holding it) that
    share enough of ``words`` for :func:`~briefer.merge.same_fact` to hold, in order, each
    with how many of them it shares.

    Shared words are counted exactly (so :func:`~briefer.merge.shares_fact` decides without
    comparing the sets), and only the sets sharing at least ``min(MIN_SHARED, len(words))``
    of them (a bound :func:`~briefer.merge.same_fact` never goes below) are given.
    """
    counts = Counter(chain.from_iterable(holders.get(word, ()) for word in words))
    least = min(MIN_SHARED, len(words))
    return sorted((n, shared) for n, shared in counts.items() if shared >= least)


@dataclass(frozen=True)
class Ahead:
    """What the policy sections need that does not depend on the brief's items, worked out
    ahead: :func:`briefer.compose.compose` has it made on another core while it merges the
    facts. Three sections whole, and the sentences "why it matters" picks from (it leaves
    out what the brief shows)."""

    what_to_watch: tuple[Item, ...]
    who_said_what: tuple[Quote, ...]
    disagreements: tuple[Disagreement, ...]
    significant: tuple[Significant, ...]


def sections_ahead(
    sources: Sequence[Source],
    limits: PolicyLimits | None = None,
    readings: Mapping[str, Reading] | None = None,
) -> Ahead:
    """What to watch, who said what and where the sources disagree (see :func:`policy_sections`),
    and the significant sentences "why it matters" picks from (:func:`significant`)."""
    limits = limits or PolicyLimits()
    read = _readings(sources, readings)
    ahead = still_ahead(watch_among(hit for r in read for hit in r.watch), sources)
    language = sources[0].language if sources else "english"
    watch = one_per_event(
        [Item(w.text, w.sources, 0.0, w.when, w.source_id) for w in ahead], language
    )[: limits.what_to_watch]
    # whole quotations before partial ones ("called it 'reckless'"), each kind as ranked
    found = quotes_among((q for r in read for q in r.quotes), language)
    said = sorted(found, key=lambda q: q.partial)[: limits.who_said_what]
    disagree = disagreements_among([c for r in read for c in r.claims])
    return Ahead(
        tuple(watch), tuple(said), tuple(disagree[: limits.disagreements]), significant(read)
    )


def policy_sections(
    sources: Sequence[Source],
    shown: Iterable[Item] = (),
    limits: PolicyLimits | None = None,
    readings: Mapping[str, Reading] | None = None,
    ahead: Ahead | None = None,
) -> PolicySections:
    """The four policy sections for ``sources``; ``shown`` are items the brief already has.

    ``readings`` (source id → :func:`read_source` of that source, as given here) spares
    reading the sources again; ``ahead`` (:func:`sections_ahead` of the same sources) spares
    reading them at all: it has all sections but "why it matters", and what that picks from.
    """
    limits = limits or PolicyLimits()
    if ahead is None:
        read = _readings(sources, readings)
        ahead = sections_ahead(sources, limits, {r.source_id: r for r in read})
    language = sources[0].language if sources else "english"
    return PolicySections(
        why_it_matters=_why_it_matters(
            ahead.significant, language, list(shown), limits.why_it_matters
        ),
        what_to_watch=ahead.what_to_watch,
        who_said_what=ahead.who_said_what,
        disagreements=ahead.disagreements,
    )


def same_event(a: Item, b: Item, language: str = "english") -> bool:
    """Whether two items tell one event: the same text, or dated alike and the same event
    by :func:`briefer.merge.same_day_event` ("pending approval by the Assembly, which is
    expected to vote on 12 March" / "the full assembly is expected to vote on Wednesday")."""
    return a.text == b.text or same_day_event(a, b, language)


def watch_once(brief: Brief) -> Brief:
    """``brief`` without the "what to watch" items whose event its chronology shows on a date
    of its own (:func:`same_event`): the chronology dates it, once. The page fitting calls
    this on every layout it tries, so an item comes back when its twin is trimmed."""
    on_timeline = [i for i in brief.chronology if i.when and i.when.basis != "published"]
    if not on_timeline or not brief.what_to_watch:
        return brief
    language = brief.sources[0].language if brief.sources else "english"
    # same_event against each, comparing only items of the same month (the page fitting
    # asks this for every layout it tries; a month holding a day counts as dated alike)
    texts = {e.text for e in on_timeline}
    by_month: dict[str, list[Item]] = {}
    for e in on_timeline:
        assert e.when is not None
        by_month.setdefault(e.when.iso()[:7], []).append(e)

    def told(item: Item) -> bool:
        if item.text in texts:
            return True
        if item.when is None:
            return False
        return any(same_event(item, e, language) for e in by_month.get(item.when.iso()[:7], ()))

    watch = tuple(i for i in brief.what_to_watch if not told(i))
    return brief if len(watch) == len(brief.what_to_watch) else replace(brief, what_to_watch=watch)


def one_per_event(items: Sequence[Item], language: str = "english") -> list[Item]:
    """``items`` with each event once: a later item telling the same event as an earlier
    one (:func:`same_event`) is dropped and its sources are cited by the earlier one."""
    kept: list[Item] = []
    for item in items:
        for n, other in enumerate(kept):
            if same_event(item, other, language):
                cited = tuple(sorted({*other.sources, *item.sources}, key=source_order))
                kept[n] = replace(other, sources=cited)
                break
        else:
            kept.append(item)
    return kept


def still_ahead(found: Sequence[Watch], sources: Sequence[Source]) -> list[Watch]:
    """The items of ``found`` still to come as of the newest source's publication date.

    On a story followed for months, "the vote is due on Sunday" in an April report is past
    by the time of the newest one: a dated item stays when its date (at its precision) is
    not before the newest publication date; a pending decision without a date stays when
    one of its reporters was published within :data:`PENDING_DAYS` of the newest source.
    Without publication dates every item stays.
    """
    published = {s.id: s.metadata.published for s in sources if s.metadata.published}
    if not published:
        return list(found)
    newest = max(published.values())

    def stays(item: Watch) -> bool:
        when = item.when
        if when is not None:
            if when.precision == "year":
                return when.date.year >= newest.year
            if when.precision == "month":
                return (when.date.year, when.date.month) >= (newest.year, newest.month)
            return when.date >= newest
        dates = [published[s] for s in item.sources if s in published]
        return not dates or (newest - max(dates)).days <= PENDING_DAYS

    return [item for item in found if stays(item)]


def focus(
    sources: Sequence[Source],
    best: Mapping[str, Sequence[int]],
    limits: PolicyLimits | None = None,
) -> list[Source]:
    """``sources`` cut to the paragraphs around their best sentences when there are many.

    ``best`` maps a source id to the paragraph numbers of its sentences, best first (as the
    ranking found them). Under ``limits.full_paragraphs`` paragraphs in all, the sources are
    returned whole. Otherwise each keeps the paragraphs of its best sentences, and the
    paragraph before each (a quote's speaker is often named there), in their order, the
    paragraphs shared out evenly across the sources.
    """
    share = focus_share(sources, limits)
    return [focus_source(source, best.get(source.id, ()), share) for source in sources]


def focus_share(sources: Sequence[Source], limits: PolicyLimits | None = None) -> int | None:
    """How many paragraphs :func:`focus` keeps of each source (``None``: all of them)."""
    limits = limits or PolicyLimits()
    if sum(len(s.paragraphs) for s in sources) <= limits.full_paragraphs:
        return None
    return max(limits.min_per_source, limits.focus_paragraphs // max(1, len(sources)))


def focus_source(source: Source, best: Sequence[int], share: int | None) -> Source:
    """One source as :func:`focus` cuts it, ``share`` being :func:`focus_share`'s answer."""
    if share is None:
        return source
    wanted: set[int] = set()
    for p in best:
        if len(wanted) >= share:
            break
        wanted.update(q for q in (p - 1, p) if 0 <= q < len(source.paragraphs))
    return replace(source, paragraphs=tuple(source.paragraphs[p] for p in sorted(wanted)))


def _once_on_page(brief: Brief) -> Brief:
    """``brief`` with no sentence shown twice.

    A sentence "what to watch" flags that the chronology places on an event date of its own
    stays in the chronology (and is not repeated under what to watch); one the key points or
    the chronology show only on its report date moves to "what to watch". Quotes whose
    words a key point or "what to watch" shows already are left out of "who said what".
    A quote the chronology dates by its report only is a statement, not an event: it leaves
    the chronology for "who said what". One the chronology dates by when it was said ("…,"
    she said on Monday) stays there alone. One the chronology dates by words inside the
    quote ("Bajwa and I spoke today …") is on both: the chronology dates the event it tells,
    "who said what" names the speaker and role (in short, see :func:`quote_excerpt`).
    """
    language = brief.sources[0].language if brief.sources else "english"
    # the same sentence dated by the chronology stays there (a different sentence telling
    # the same event goes at fitting, by watch_once, so it comes back if its twin is cut)
    on_timeline = {i.text for i in brief.chronology if i.when and i.when.basis != "published"}
    watch = tuple(i for i in brief.what_to_watch if i.text not in on_timeline)
    ahead = {i.text for i in watch}

    def holds(item: Item, quote: Quote) -> bool:  # the item's sentence carries what is shown
        shown = quote_excerpt(quote).removesuffix(" …")
        words = content_words(shown, language)
        if not words:  # all stop words ("Enough is enough"): only if shown as it is
            return shown in item.text
        return len(words & content_words(item.text, language)) >= QUOTE_SHOWN * len(words)

    def part_of(item: Item, quote: Quote) -> bool:  # the end of a quotation shown whole
        return item.text in quote.passage and not holds(item, quote)

    # a key point that only ends a quotation ('The money is there," she said.') gives way to
    # the whole of it under who said what
    key_points = tuple(
        i
        for i in brief.key_points
        if i.text not in ahead and not any(part_of(i, q) for q in brief.who_said_what)
    )
    undated = (*key_points, *watch)

    def dated_saying(item: Item, quote: Quote) -> bool:  # the item dates the words' saying
        when = item.when
        return bool(when and when.basis != "published" and holds(item, quote)) and not (
            when is not None and when.phrase and any(when.phrase in p for p in quote.parts)
        )

    said = tuple(
        q
        for q in brief.who_said_what
        if not any(holds(i, q) for i in undated)
        and not any(dated_saying(i, q) for i in brief.chronology)
    )
    # a quote the chronology dates only by its report is a statement, not an event: it is
    # shown once, with its speaker, under who said what
    chronology: list[Item] = []
    for item in brief.chronology:
        if item.text in ahead:
            continue
        if item.when and item.when.basis == "published":
            carrier = next(
                (n for n, q in enumerate(said) if holds(item, q) or part_of(item, q)), None
            )
            if carrier is not None:  # the quote cites every source the item cited
                quote = said[carrier]
                cited = tuple(dict.fromkeys((*quote.sources, *item.sources)))
                said = (*said[:carrier], replace(quote, sources=cited), *said[carrier + 1 :])
                continue
        chronology.append(item)
    why = tuple(i for i in brief.why_it_matters if i.text not in ahead)
    return replace(
        brief,
        key_points=key_points,
        chronology=tuple(chronology),
        what_to_watch=watch,
        who_said_what=said,
        why_it_matters=why,
    )


def with_policy(
    brief: Brief,
    sources: Sequence[Source],
    *,
    best: Mapping[str, Sequence[int]] | None = None,
    found: Sequence[Disagreement] = (),
    limits: PolicyLimits | None = None,
    readings: Mapping[str, Reading] | None = None,
    ahead: Ahead | None = None,
) -> Brief:
    """``brief`` with its policy fields filled from ``sources``, no sentence twice.

    ``best`` (source id → paragraph numbers of its best sentences) lets a large input be
    read only around those (see :func:`focus`); ``found`` are disagreements already found
    (the merge step's refusals), listed first; ``readings`` are the sources' readings (see
    :func:`policy_sections`), when read already; ``ahead``, the sections :func:`read_ahead`
    worked out already.
    """
    limits = limits or PolicyLimits()
    if ahead is not None:  # the sources were read (and cut to their focus) for it already
        read = list(sources)
    else:
        read = focus(sources, best, limits) if best is not None else list(sources)
    sections = policy_sections(
        read, [*brief.key_points, *brief.chronology], limits, readings, ahead
    )
    return _once_on_page(
        replace(
            brief,
            why_it_matters=sections.why_it_matters,
            what_to_watch=sections.what_to_watch,
            who_said_what=sections.who_said_what,
            disagreements=_combined(found, sections.disagreements, limits.disagreements),
        )
    )


def read_ahead(
    sources: Sequence[Source],
    *,
    best: Mapping[str, Sequence[int]] | None = None,
    limits: PolicyLimits | None = None,
) -> Ahead:
    """What :func:`with_policy` needs of ``sources`` before it knows the brief's items, each
    source read (around its best sentences on a large input, see :func:`focus`): the sections
    that do not depend on the items, and the sentences "why it matters" picks from."""
    limits = limits or PolicyLimits()
    read = focus(sources, best, limits) if best is not None else list(sources)
    return sections_ahead(read, limits, {s.id: read_source(s) for s in read})


def _combined(
    first: Sequence[Disagreement], then: Sequence[Disagreement], limit: int
) -> tuple[Disagreement, ...]:
    """``first`` then ``then``, a disagreement over the same sentences listed once."""
    kept: list[Disagreement] = []
    seen: list[frozenset[str]] = []
    for d in (*first, *then):
        texts = frozenset(v.text for v in d.versions)
        if any(len(texts & other) >= 2 or texts <= other for other in seen):
            continue
        kept.append(d)
        seen.append(texts)
    return tuple(kept[:limit])


def _cited_json(text: str, sources: Sequence[str], quoted_from: str) -> dict[str, object]:
    from .render import strip_unsafe

    return {"text": strip_unsafe(text), "sources": list(sources), "quoted_from": quoted_from}


def policy_json(brief: Brief) -> dict[str, object]:
    """The four policy sections as brief.json fields, in a fixed order."""
    from .render import strip_unsafe

    def when(item: Item) -> dict[str, object]:
        w = item.when
        return {
            "date": w.iso() if w else None,
            "precision": w.precision if w else None,
            "phrase": strip_unsafe(w.phrase) if w and w.phrase else None,
        }

    return {
        "why_it_matters": [
            {**_cited_json(i.text, i.sources, i.source_id), "score": round(i.score, 6)}
            for i in brief.why_it_matters
        ],
        "what_to_watch": [
            {**when(i), **_cited_json(i.text, i.sources, i.source_id)} for i in brief.what_to_watch
        ],
        "who_said_what": [
            {
                "speaker": strip_unsafe(q.speaker),
                "role": strip_unsafe(q.role) if q.role else None,
                "quote": strip_unsafe(q.text),
                "excerpt": strip_unsafe(quote_excerpt(q)),
                "parts": [strip_unsafe(p) for p in q.parts],
                "partial": q.partial,
                "passage": strip_unsafe(q.passage),
                "sources": list(q.sources),
                "quoted_from": q.source_id,
            }
            for q in brief.who_said_what
        ],
        "disagreements": [
            {
                "kind": d.kind,
                "versions": [
                    {"value": strip_unsafe(v.value), **_cited_json(v.text, v.sources, v.source_id)}
                    for v in d.versions
                ],
            }
            for d in brief.disagreements
        ],
    }


#: the sections a brief may show, by name; ``key_points``, ``chronology``, ``what_to_watch``
#: and ``sources`` are the core of the default one page, the others are shown when room allows
SECTIONS = (
    "key_points",
    "chronology",
    "what_to_watch",
    "who_said_what",
    "why_it_matters",
    "disagreements",
    "sources",
)
#: fitting a page trims these first, the last named first
OPTIONAL_SECTIONS = ("who_said_what", "why_it_matters", "disagreements")


def _shown_ids(sources: Sequence[str], first: str) -> list[str]:
    """The sources an entry cites on the page: the one quoted from, then others, at most 3."""
    from .render import CITATIONS_ON_PAGE

    return list(dict.fromkeys([first, *sources]))[:CITATIONS_ON_PAGE]


def speaker_label(quote: Quote) -> str:
    """ "Alice Wells, Principal Deputy Assistant Secretary" or "The State Department" (the
    label opens its line, so its first letter is a capital)."""
    label = f"{quote.speaker}, {quote.role}" if quote.role else quote.speaker
    return label[:1].upper() + label[1:]


def quote_text(quote: Quote) -> str:
    """The whole quotation: its parts joined by " … "."""
    return " … ".join(quote.parts) if quote.parts else quote.text


_SENTENCE_END = compiled(r"[.!?][’”\"']?(?=\s)")


def quote_excerpt(quote: Quote, limit: int = QUOTE_WORDS) -> str:
    """The quotation as the page shows it: whole up to ``limit`` words, else cut short.

    A long quotation is cut at the end of its last whole sentence within ``limit`` words
    (when that keeps at least ``MIN_EXCERPT_WORDS``), else after ``limit`` words, and the cut
    is marked " …". What is shown is always the quotation's own words, from its start.
    """
    text = quote_text(quote)
    words = text.split()
    if len(words) <= limit:
        return text
    head = " ".join(words[:limit])
    ends = [m.end() for m in _SENTENCE_END.finditer(head + " ")]
    if ends and len(head[: ends[-1]].split()) >= MIN_EXCERPT_WORDS:
        return head[: ends[-1]] + " …"
    return head.rstrip(",;:–—-") + " …"


def version_shown(brief: Brief, text: str) -> bool:
    """Whether a disagreement's version is a sentence the page shows elsewhere already."""
    return any(
        text == i.text
        for i in (*brief.key_points, *brief.chronology, *brief.what_to_watch, *brief.why_it_matters)
    )


def policy_markdown(brief: Brief) -> dict[str, object]:
    """The policy sections as ``brief.md.j2`` sees them (every string Markdown-escaped)."""
    from .render import citation_label, date_label, item_citations, md_escape

    def cited(sources: Sequence[str], first: str) -> str:
        shown = _shown_ids(sources, first)
        return citation_label(shown, len(set(sources) | {first}) - len(shown))

    return {
        "what_to_watch": [
            {
                "text": md_escape(i.text),
                "cites": item_citations(i),
                "date": md_escape(date_label(i.when)) if i.when else "",
            }
            for i in brief.what_to_watch
        ],
        "who_said_what": [
            {
                "speaker": md_escape(speaker_label(q)),
                "quote": md_escape(quote_excerpt(q)),
                "cites": cited(q.sources, q.source_id),
            }
            for q in brief.who_said_what
        ],
        "why_it_matters": [
            {"text": md_escape(i.text), "cites": item_citations(i)} for i in brief.why_it_matters
        ],
        "disagreements": [
            {
                "kind": d.kind,
                "versions": [
                    {
                        "value": md_escape(v.value),
                        "text": "" if version_shown(brief, v.text) else md_escape(v.text),
                        "cites": cited(v.sources, v.source_id),
                    }
                    for v in d.versions
                ],
            }
            for d in brief.disagreements
        ],
    }


def policy_citations(brief: Brief) -> set[str]:
    """The sources the policy sections cite on the page (for the source list)."""
    from .render import page_citations

    cited = {s for i in (*brief.what_to_watch, *brief.why_it_matters) for s in page_citations(i)[0]}
    for q in brief.who_said_what:
        cited.update(_shown_ids(q.sources, q.source_id))
    for d in brief.disagreements:
        for v in d.versions:
            cited.update(_shown_ids(v.sources, v.source_id))
    return cited


_HEADINGS = {
    "what_to_watch": "What to watch",
    "who_said_what": "Who said what",
    "why_it_matters": "Why it matters",
    "disagreements": "Where sources disagree",
}


def policy_blocks(brief: Brief, section: str) -> list[Block]:
    """The Word page's paragraphs for one policy section (none when it is empty or unknown)."""
    from .layout import Block, Run, source_anchor
    from .render import citation_label, clean_text, date_label, source_number

    def cites(sources: Sequence[str], first: str) -> list[Run]:
        shown = _shown_ids(sources, first)
        runs = [Run(" ")] + [
            Run(citation_label((s,)), style="Citation", anchor=source_anchor(source_number(s)))
            for s in shown
        ]
        more = len(set(sources) | {first}) - len(shown)
        return runs + ([Run(f" +{more}", style="Citation")] if more else [])

    rows: list[list[Run]] = []
    if section == "what_to_watch":
        for i in brief.what_to_watch:
            dated = [Run(date_label(i.when), bold=True), Run(" — ")] if i.when else []
            rows.append([*dated, Run(clean_text(i.text)), *cites(i.sources, i.source_id)])
    elif section == "who_said_what":
        for q in brief.who_said_what:
            said = [Run(clean_text(speaker_label(q)) + ":", bold=True)]
            rows.append(
                [*said, Run(f" “{clean_text(quote_excerpt(q))}”"), *cites(q.sources, q.source_id)]
            )
    elif section == "why_it_matters":
        for i in brief.why_it_matters:
            rows.append([Run(clean_text(i.text)), *cites(i.sources, i.source_id)])
    elif section == "disagreements":
        for d in brief.disagreements:
            runs = [Run(f"{d.kind.capitalize()}: ")]
            for n, v in enumerate(d.versions):
                runs += [Run(" · ")] if n else []
                runs += [Run(clean_text(v.value), bold=True), *cites(v.sources, v.source_id)]
                if not version_shown(brief, v.text):
                    runs.append(Run(f" ({clean_text(v.text)})"))
            rows.append(runs)
    if not rows:
        return []
    return [
        Block("Heading 1", (Run(_HEADINGS[section]),)),
        *(Block("List Bullet", tuple(r)) for r in rows),
    ]
