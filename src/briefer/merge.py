"""Tell when sentences from different sources report the same fact, and merge them.

Two sentences say the same thing when their content words (stemmed, stop words removed)
overlap strongly. :class:`FactIndex` holds every sentence of every source with postings
over content words, so finding who else reports a fact stays fast on hundreds of articles.
Candidates are merged best-first: the best-ranked wording of a fact is kept and every
source that reports it, in any of its sentences, is cited.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .models import Item, Sentence, When
from .words import content_words

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
    shared = len(a & b)
    longer = max(len(a), len(b))
    if shared < min(MIN_SHARED, longer) or shared < MIN_BALANCE * longer:
        return False
    return shared / min(len(a), len(b)) >= overlap or shared / len(a | b) >= MIN_JACCARD


class FactIndex:
    """Every sentence of every source, looked up by content words."""

    def __init__(self, sentences: Sequence[Sentence], language: str = "english") -> None:
        self.language = language
        self.sentences = list(sentences)
        self.words = [content_words(s.text, language) for s in self.sentences]
        postings: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self.words):
            for word in words:
                postings[word].append(i)
        too_common = max(20, int(COMMON_SHARE * len(self.sentences)))
        self.postings = {w: p for w, p in postings.items() if len(p) <= too_common}
        self._position = {(s.source_id, s.index): i for i, s in enumerate(self.sentences)}

    def position(self, sentence: Sentence) -> int | None:
        """Where ``sentence`` is in the index, if it is there."""
        return self._position.get((sentence.source_id, sentence.index))

    def words_of(self, sentence: Sentence) -> frozenset[str]:
        position = self.position(sentence)
        if position is None:
            return content_words(sentence.text, self.language)
        return self.words[position]

    def same_as(self, sentence: Sentence) -> list[int]:
        """Positions of every sentence (``sentence`` itself included) reporting its fact."""
        words = self.words_of(sentence)
        counts: Counter[int] = Counter()
        for word in words:
            counts.update(self.postings.get(word, ()))
        # common words were left out of the postings, so ask for fewer shared ones here and
        # let same_fact decide on all the words
        need = min(2, len(words))
        found = [i for i, n in counts.items() if n >= need and same_fact(words, self.words[i])]
        own = self._position.get((sentence.source_id, sentence.index))
        if own is not None and own not in found:
            found.append(own)
        return found

    def reporters(self, sentence: Sentence) -> set[str]:
        """The ids of every source with a sentence reporting the same fact as ``sentence``."""
        return {self.sentences[i].source_id for i in self.same_as(sentence)} | {sentence.source_id}


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
    """
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


def drop_repeats(items: Sequence[Item], language: str = "english") -> list[Item]:
    """``items`` without any that repeat an earlier (better) one's fact, citations combined.

    Two items dated the same day (or month) need less overlap to count as one event.
    """
    kept: list[tuple[Item, frozenset[str]]] = []
    for item in items:
        words = content_words(item.text, language)
        for i, (other, other_words) in enumerate(kept):
            same_date = item.when is not None and other.when is not None
            same_date = same_date and item.when.iso() == other.when.iso()  # type: ignore[union-attr]
            overlap = SAME_DATE_OVERLAP if same_date else MIN_OVERLAP
            if same_fact(words, other_words, overlap):
                sources = tuple(sorted(set(other.sources) | set(item.sources), key=source_order))
                kept[i] = (replace(other, sources=sources), other_words)
                break
        else:
            kept.append((item, words))
    return [item for item, _ in kept]
