"""Tell when sentences from different sources report the same fact, and merge them.

Two sentences say the same thing when their content words (stemmed, stop words removed)
overlap strongly. :class:`FactIndex` holds every sentence of every source and finds, once
for all of them, which report the same fact (:mod:`briefer.overlap` compares only the pairs
that meet on a rare word, then counts their shared words with numpy), so finding who else
reports a fact stays fast on thousands of articles. Candidates are merged best-first: the
best-ranked wording of a fact is kept and every source that reports it, in any of its
sentences, is cited.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .models import Item, Sentence, When
from .words import content_words, stems_of

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from .disagree import Disagreement

    IntArray = npt.NDArray[np.int64]
    BoolArray = npt.NDArray[np.bool_]

#: two sentences report the same fact when they share this many content words …
MIN_SHARED = 4
#: … and the shared words are this share of the shorter sentence's (overlap coefficient) …
MIN_OVERLAP = 0.6
#: … or this share of both together (Jaccard), whichever is met.
MIN_JACCARD = 0.45
#: … while sharing at least this share of the longer one's (a short sentence is not the same
#: fact as every long one that happens to contain its few words)
MIN_BALANCE = 0.35
#: items of the chronology on the same date need less overlap to be the same event
SAME_DATE_OVERLAP = 0.5
#: a word in more than this share of all sentences is too common to look facts up by
COMMON_SHARE = 0.2
#: the best this many facts are checked for reports that disagree on a detail (the page
#: and the chronology draw on these; past them the check would cost seconds on a big feed)
CHECKED_ITEMS = 250


@dataclass(frozen=True)
class Candidate:
    """A sentence chosen from one source, scored and dated, before merging."""

    sentence: Sentence
    score: float
    when: When | None


def same_fact(a: frozenset[str], b: frozenset[str], overlap: float = MIN_OVERLAP) -> bool:
    """Whether two content-word sets say the same thing (see the thresholds above)."""
    if not a or not b:
        return False
    return shares_fact(len(a & b), len(a), len(b), overlap)


def shares_fact(shared: int, size_a: int, size_b: int, overlap: float = MIN_OVERLAP) -> bool:
    """:func:`same_fact` for two non-empty sets of these sizes sharing ``shared`` words (for a
    caller that has counted them)."""
    longer = max(size_a, size_b)
    if shared < min(MIN_SHARED, longer) or shared < MIN_BALANCE * longer:
        return False
    either = size_a + size_b - shared  # the words of both together
    return shared / min(size_a, size_b) >= overlap or shared / either >= MIN_JACCARD


#: more shared words than any two sentences have: two sets that can never be the same fact
NEVER = 1 << 30


def _least_shared(overlap: float) -> Callable[[IntArray, IntArray], IntArray]:
    """The fewest words two sets of the given sizes share when they are the same fact.

    A lower bound (exact or one below) of the least ``shared`` for which :func:`same_fact`
    can hold at the given ``overlap``: ``min(MIN_SHARED, longer)`` and ``MIN_BALANCE ×
    longer``, and ``overlap × shorter`` or the Jaccard share of both; a little slack keeps
    rounding from ever making it too high. :data:`NEVER` when they cannot be the same fact.
    """
    import numpy as np

    slack = 1e-9

    def least(sizes_a: IntArray, sizes_b: IntArray) -> IntArray:
        longer = np.maximum(sizes_a, sizes_b)
        shorter = np.minimum(sizes_a, sizes_b)
        by_overlap = np.ceil(overlap * shorter - slack)
        by_jaccard = np.ceil(MIN_JACCARD * (sizes_a + sizes_b) / (1 + MIN_JACCARD) - slack)
        least = np.maximum(
            np.minimum(MIN_SHARED, longer),
            np.maximum(np.ceil(MIN_BALANCE * longer - slack), np.minimum(by_overlap, by_jaccard)),
        ).astype(np.int64)
        least = np.maximum(least, 1)
        return np.where((least > shorter) | (shorter == 0), NEVER, least)

    return least


def same_facts(
    sizes_a: IntArray, sizes_b: IntArray, shared: IntArray, overlap: float | npt.NDArray[np.float64]
) -> BoolArray:
    """:func:`same_fact` for many pairs at once, given their sizes and shared word counts."""
    import numpy as np

    longer = np.maximum(sizes_a, sizes_b)
    shorter = np.minimum(sizes_a, sizes_b)
    union = sizes_a + sizes_b - shared
    enough = (shorter > 0) & (shared >= np.minimum(MIN_SHARED, longer))
    enough &= ~(shared < MIN_BALANCE * longer)
    with np.errstate(divide="ignore", invalid="ignore"):
        close = (shared / shorter >= overlap) | (shared / union >= MIN_JACCARD)
    return enough & close


def language_words(text: str, language: str, main: str) -> frozenset[str]:
    """``text``'s content words in ``language``; marked with it when not the ``main`` one, so
    that sentences in two languages never share a word ("nation" is English and French)."""
    words = content_words(text, language)
    return words if language == main else frozenset(f"{language}:{w}" for w in words)


class FactIndex:
    """Every sentence of every source, looked up by content words.

    Each sentence is read in its source's language (``languages``: source id → language,
    ``language`` for the others); the words of two languages never match.
    """

    def __init__(
        self,
        sentences: Sequence[Sentence],
        language: str = "english",
        published: Mapping[str, dt.date | None] | None = None,
        languages: Mapping[str, str] | None = None,
    ) -> None:
        self.language = language
        self.languages = dict(languages or {})
        self.sentences = list(sentences)
        #: each source's publication date (source id →), to read "on Monday" when comparing
        self.published = dict(published or {})
        #: what :func:`merge` refused to merge: the same fact told with other details
        self.refused: list[Disagreement] = []
        self.words = [self._words(s) for s in self.sentences]
        self._position = {(s.source_id, s.index): i for i, s in enumerate(self.sentences)}

    @cached_property
    def _too_common(self) -> int:
        return max(20, int(COMMON_SHARE * len(self.sentences)))

    @cached_property
    def postings(self) -> dict[str, list[int]]:
        """Content word → positions of the sentences holding it (too common words left out)."""
        postings: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self.words):
            for word in words:
                postings[word].append(i)
        return {w: p for w, p in postings.items() if len(p) <= self._too_common}

    @cached_property
    def _same(self) -> tuple[list[int], list[int], list[int]]:
        """Who reports the same fact as whom, for every sentence at once: (starts, positions,
        reporter counts), the sentences of sentence ``i`` being ``positions[starts[i] :
        starts[i + 1]]`` and its count the number of distinct sources among them.

        A sentence is the same fact as another when they share at least two words that are
        not too common to look facts up by, and :func:`same_fact` holds for all their words;
        every sentence is the same fact as itself.
        """
        import numpy as np

        from .overlap import distinct, overlaps

        frequency: Counter[str] = Counter(w for words in self.words for w in words)
        common = frozenset(w for w, k in frequency.items() if k > self._too_common)
        found = overlaps(self.words, _least_shared(MIN_OVERLAP), common)
        a, b = found.first, found.second
        size_a, size_b = found.sizes[a], found.sizes[b]
        same = same_facts(size_a, size_b, found.shared, MIN_OVERLAP)
        # looked up from a's side (b's), the rare words shared must number min(2, a's words)
        forward = same & (found.shared_rare >= np.minimum(2, size_a))
        backward = same & (found.shared_rare >= np.minimum(2, size_b))
        n = len(self.sentences)
        own = np.arange(n, dtype=np.int64)
        source = np.concatenate([a[forward], b[backward], own])
        target = np.concatenate([b[forward], a[backward], own])
        order = np.lexsort((target, source))
        starts = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(source, minlength=n), out=starts[1:])
        # each sentence's reporters counted at once: the distinct sources among its fellows
        # (itself among them), not a set built for each of thousands of sentences
        ids: dict[str, int] = {}
        source_of = np.array(
            [ids.setdefault(s.source_id, len(ids)) for s in self.sentences], dtype=np.int64
        )
        met = distinct(source * max(1, len(ids)) + source_of[target])
        counts = np.bincount(met // max(1, len(ids)), minlength=n)
        return starts.tolist(), target[order].tolist(), counts.tolist()

    def language_of(self, sentence: Sentence) -> str:
        """The language ``sentence``'s source is written in."""
        return self.languages.get(sentence.source_id, self.language)

    def _words(self, sentence: Sentence) -> frozenset[str]:
        return language_words(sentence.text, self.language_of(sentence), self.language)

    def position(self, sentence: Sentence) -> int | None:
        """Where ``sentence`` is in the index, if it is there."""
        return self._position.get((sentence.source_id, sentence.index))

    def words_of(self, sentence: Sentence) -> frozenset[str]:
        position = self.position(sentence)
        if position is None:
            return self._words(sentence)
        return self.words[position]

    def same_as(self, sentence: Sentence) -> list[int]:
        """Positions of every sentence (``sentence`` itself included) reporting its fact.

        In index order.
        """
        own = self.position(sentence)
        if own is not None:
            starts, positions, _ = self._same
            return positions[starts[own] : starts[own + 1]]
        words = self._words(sentence)
        counts: Counter[int] = Counter()
        for word in words:
            counts.update(self.postings.get(word, ()))
        # common words were left out of the postings, so ask for fewer shared ones here and
        # let same_fact decide on all the words
        need = min(2, len(words))
        return sorted(i for i, k in counts.items() if k >= need and same_fact(words, self.words[i]))

    def reporters(self, sentence: Sentence) -> set[str]:
        """The ids of every source with a sentence reporting the same fact as ``sentence``."""
        return {self.sentences[i].source_id for i in self.same_as(sentence)} | {sentence.source_id}

    def reporter_count(self, sentence: Sentence) -> int:
        """``len(self.reporters(sentence))``, for a sentence of the index without a set made."""
        own = self.position(sentence)
        if own is None:
            return len(self.reporters(sentence))
        return self._same[2][own]


_BASIS_RANK = {"explicit": 0, "relative": 1, "published": 2}
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def _best_when(dates: Sequence[When | None]) -> When | None:
    """The most trustworthy date among a fact's reports: stated before inferred, precise first."""
    known = [w for w in dates if w is not None]
    if not known:
        return None
    return min(known, key=lambda w: (_BASIS_RANK[w.basis], _PRECISION_RANK[w.precision]))


#: a date another report of a fact states is taken for it only this close before the report
BORROW_WITHIN_DAYS = 366


def _borrowable(other: When | None, reported: When | None) -> bool:
    """Whether a date stated in another report of the same fact may date this one.

    Only a day or a month, and only shortly before this report: another outlet's sentence
    may carry a background date ("the worst spill since 1979") that is not the fact's.
    """
    if other is None or other.basis == "published" or other.precision == "year":
        return False
    if reported is None:
        return True
    days = (reported.date - other.date).days
    return 0 <= days <= BORROW_WITHIN_DAYS


@lru_cache(maxsize=8192)  # the same few hundred ids, sorted tens of thousands of times
def source_order(source_id: str) -> tuple[int, str]:
    """Sort key putting S2 before S10."""
    digits = "".join(ch for ch in source_id if ch.isdigit())
    return (int(digits) if digits else 0, source_id)


def merge(candidates: Sequence[Candidate], index: FactIndex) -> tuple[list[Item], dict[int, int]]:
    """One item per fact, best first, citing every source that reports it.

    Candidates are taken best first; a candidate whose fact an earlier item already holds
    (in any source's words) adds nothing. An item keeps its best candidate's wording, score
    and date; when that wording gives no date of its own, a date another report of the same
    fact states is used. Also returned: for each index position merged, the item holding it.

    A report of the fact that gives another number, date or name than the lead
    (:func:`briefer.disagree.refuse_merge`) is not merged into it: it stays free, and the
    disagreement is added to ``index.refused`` for the brief to report.
    """
    from .disagree import refused

    order = sorted(
        candidates,
        key=lambda c: (-c.score, source_order(c.sentence.source_id), c.sentence.index),
    )
    when_of = {(c.sentence.source_id, c.sentence.index): c.when for c in candidates}
    taken: dict[int, int] = {}
    items: list[Item] = []
    for lead in order:
        own = index.position(lead.sentence)
        if own is not None and own in taken:
            continue
        same = index.same_as(lead.sentence)
        fresh = [i for i in same if i not in taken]
        if len(fresh) > 1 and len(items) < CHECKED_ITEMS:
            fresh = _agreeing(lead.sentence, fresh, index, refused)
        taken.update((i, len(items)) for i in fresh)
        reports = [index.sentences[i] for i in fresh]
        cited = {s.source_id for s in reports} | {lead.sentence.source_id}
        when = lead.when
        if when is None or when.basis == "published":
            others = [when_of.get((s.source_id, s.index)) for s in reports]
            when = _best_when([when, *(w for w in others if _borrowable(w, when))])
        items.append(
            Item(
                text=lead.sentence.text,
                sources=tuple(sorted(cited, key=source_order)),
                score=lead.score,
                when=when,
                source_id=lead.sentence.source_id,
            )
        )
    return items, taken


def _agreeing(
    lead: Sentence,
    positions: list[int],
    index: FactIndex,
    refused: Callable[..., tuple[list[int], Disagreement | None]],
) -> list[int]:
    """``positions`` without the reports that disagree with ``lead`` on a detail."""
    others = [index.sentences[i] for i in positions]
    found = [(s.text, s.source_id, index.published.get(s.source_id)) for s in others]
    lead_said = (lead.text, lead.source_id, index.published.get(lead.source_id))
    refuse, disagreement = refused(lead_said, found, index.language_of(lead))
    if disagreement is None:
        return positions
    index.refused.append(disagreement)
    out = set(refuse)
    return [i for n, i in enumerate(positions) if n not in out]


def _dated_alike(x: Item, y: Item) -> bool:
    """Whether two items are dated the same, or one is dated to a month holding the other's
    day ("2025-03" holds "2025-03-12": one event told at two precisions, as "next week" and
    "on 12 March" are). A year is too wide to say so, and a report date holds nothing but
    itself."""
    if x.when is None or y.when is None:
        return False
    a, b = x.when.iso(), y.when.iso()
    if a == b:
        return True
    if "published" in (x.when.basis, y.when.basis) or "year" in (
        x.when.precision,
        y.when.precision,
    ):
        return False
    return a.startswith(b) or b.startswith(a)


def drop_repeats(
    items: Sequence[Item], language: str = "english", languages: Mapping[str, str] | None = None
) -> list[Item]:
    """``items`` without any that repeat an earlier (better) one's fact, citations combined.

    Each item is read in its source's language (``languages``: source id → language, else
    ``language``); items in two languages are never one fact.

    Two items dated the same day (or month) need less overlap to count as one event. An
    item repeating several earlier ones folds into the first of them still kept.
    """
    import numpy as np

    from .disagree import refuse_merge
    from .overlap import overlaps

    known = languages or {}
    own = [known.get(item.source_id or item.sources[0], language) for item in items]
    words = [
        language_words(item.text, lang, language) for item, lang in zip(items, own, strict=True)
    ]
    found = overlaps(words, _least_shared(min(MIN_OVERLAP, SAME_DATE_OVERLAP)))
    a, b = found.first, found.second
    dated_alike = np.array(
        [_dated_alike(items[i], items[j]) for i, j in zip(a.tolist(), b.tolist(), strict=True)],
        dtype=bool,
    )
    overlap = np.where(dated_alike, SAME_DATE_OVERLAP, MIN_OVERLAP)
    same = same_facts(found.sizes[a], found.sizes[b], found.shared, overlap)
    earlier: dict[int, list[int]] = defaultdict(list)  # item → earlier items of its fact
    for i, j in zip(a[same].tolist(), b[same].tolist(), strict=True):
        earlier[j].append(i)
    kept: dict[int, Item] = {}
    for k, item in enumerate(items):
        into = next((i for i in sorted(earlier.get(k, ())) if i in kept), None)
        if into is None:
            kept[k] = item
            continue
        other = kept[into]
        if refuse_merge(other.text, None, item.text, None, own[k]):
            continue  # told with other details: not cited for this wording (see ``refused``)
        sources = tuple(sorted(set(other.sources) | set(item.sources), key=source_order))
        if _finer(item, other):  # the same event, dated more precisely: its wording stays
            kept[into] = replace(item, sources=sources, score=max(item.score, other.score))
        else:
            kept[into] = replace(other, sources=sources)
    return list(kept.values())


#: words that only say when, set aside when two items on one date are compared
_CALENDAR = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday today yesterday tomorrow tonight week weekend month year day "
    "next last this earlier later morning afternoon evening night"
)
#: a short item on an event's date whose other words are this share of a longer one's
#: tells the same event ("the full assembly is expected to vote on Wednesday")
HELD_SHARE = 0.75


def undated_words(item: Item, language: str = "english", main: str | None = None) -> frozenset[str]:
    """``item``'s content words without those that only say when (none for an item dated by
    its report: its date says nothing of the event)."""
    if item.when is None or item.when.basis == "published":
        return frozenset()
    words = language_words(item.text, language, main or language)
    calendar = stems_of(_CALENDAR, language)  # stemmed as the words are ("januari", "morn")
    return frozenset(w for w in words if not w.isdigit() and w.split(":")[-1] not in calendar)


def _held(a: frozenset[str], b: frozenset[str]) -> bool:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 3 and len(small & large) >= HELD_SHARE * len(small)


def same_day_event(a: Item, b: Item, language: str = "english") -> bool:
    """Whether two items dated alike (:func:`_dated_alike`) tell one event: the same fact
    at the looser same-date overlap, or the shorter's words (dates aside) held in the
    other's (see :func:`fold_same_event`)."""
    if not _dated_alike(a, b):
        return False
    if same_fact(
        content_words(a.text, language), content_words(b.text, language), SAME_DATE_OVERLAP
    ):
        return True
    return _held(undated_words(a, language), undated_words(b, language))


def fold_same_event(
    items: Sequence[Item], language: str = "english", languages: Mapping[str, str] | None = None
) -> list[Item]:
    """``items`` with a short item folded into an earlier one dated alike that holds it.

    Two wordings of one scheduled event ("is expected to vote on the plan next week", "the
    full assembly is expected to vote on Wednesday", "... which is expected to vote on 12
    March") share too few words for :func:`drop_repeats` once their dates are set aside.
    Here, among items dated alike (:func:`_dated_alike`, not by their report), the one
    whose words other than dates are at least :data:`HELD_SHARE` held in the other's (and
    three or more) folds into it, citations combined; the finer date keeps its wording.
    """
    from .disagree import refuse_merge

    known = languages or {}
    kept: list[Item] = []
    words: list[frozenset[str]] = []
    # Only a kept item with three words or more can hold another, and only one dated alike,
    # so the same year and month (or the same year, for a year): each such item is listed
    # under that key, in kept order, and an item is compared with its key's list alone.
    # A kept item replaced by a finer one keeps its key (the two are dated alike).
    alike: dict[str, list[int]] = defaultdict(list)
    for item in items:
        lang = known.get(item.source_id or item.sources[0], language)
        mine = undated_words(item, lang, language)
        into = None
        key = _month_key(item) if len(mine) >= 3 else None
        if key is not None:
            for n in alike[key]:
                # _held(mine, words[n]), written out: this loop makes tens of thousands of
                # comparisons on a large story, most of them failing here
                theirs = words[n]
                small, large = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
                if len(small) < 3 or len(small & large) < HELD_SHARE * len(small):
                    continue
                other = kept[n]
                if _dated_alike(item, other) and not refuse_merge(
                    other.text, None, item.text, None
                ):
                    into = n
                    break
        if into is None:
            if key is not None:
                alike[key].append(len(kept))
            kept.append(item)
            words.append(mine)
            continue
        other = kept[into]
        sources = tuple(sorted(set(other.sources) | set(item.sources), key=source_order))
        if _finer(item, other):
            kept[into] = replace(item, sources=sources, score=max(item.score, other.score))
            words[into] = mine
        else:
            kept[into] = replace(other, sources=sources)
    return kept


def _month_key(item: Item) -> str | None:
    """What two items :func:`_dated_alike` share: their year and month, or their year."""
    return None if item.when is None else item.when.iso()[:7]


def _finer(item: Item, other: Item) -> bool:
    """Whether ``item`` dates the event ``other`` reports more precisely."""
    if item.when is None or other.when is None or not _dated_alike(item, other):
        return False
    return len(item.when.iso()) > len(other.when.iso())
