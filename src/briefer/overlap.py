"""Every pair of word sets that share enough words, found without comparing all pairs.

Telling which of 10,000 sentences report the same fact one pair at a time is 50 million
comparisons. Two sets that must share at least ``t`` words must also share one of the
``size - t + 1`` rarest words of each (order the vocabulary rarest first: if either set kept
all its rarest words out of the other, fewer than ``t`` would be left to share), and the
rarest word they share must leave room for ``t - 1`` more after it in both. So only pairs
meeting on such a word are candidates ("prefix" and "positional" filtering, as in
similarity joins, e.g. PPJoin), and the words they share are then counted exactly. The
caller says how many words two sets of given sizes must share at the least; the answer is
exact as long as that bound is never above the truth. A set's prefix is as long as its
least demanding partner allows, taken apart for partners at least its size and for smaller
ones: a pair meets on a key of the smaller set's first prefix and the larger set's second
(the first is the shorter when larger partners must share more, as in briefer's measure).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]

#: pairs expanded at a time (about 80 bytes a pair: 2.6 MB of working arrays, which stay in
#: the processor's cache and are reused from one chunk to the next; 500,000 at a time took
#: 40 MB, fresh pages each time, and the join on bpoil_bbc 0.10 s instead of 0.085 s)
CHUNK = 32_768
#: above any count of shared words: a size no other size is ever met with
NEVER_MET = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Overlaps:
    """Candidate pairs ``first[k] < second[k]`` and the words each pair shares."""

    sizes: IntArray  # words in each set
    first: IntArray
    second: IntArray
    shared: IntArray  # words the two sets share
    shared_rare: IntArray  # … leaving out the ``common`` words


def _runs(lengths: IntArray) -> IntArray:
    """0, 1, … length-1 for each of ``lengths``, concatenated."""
    total = int(lengths.sum())
    return np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)


def _chunks(weights: IntArray, limit: int) -> list[tuple[int, int]]:
    """Consecutive ranges of ``weights``, each summing to ``limit`` at most (or one item)."""
    total = np.cumsum(weights)
    edges = [0]
    while edges[-1] < len(weights):
        start = edges[-1]
        base = int(total[start - 1]) if start else 0
        end = int(np.searchsorted(total, base + limit, side="right"))
        edges.append(max(end, start + 1))
    return list(pairwise(edges))


def overlaps(
    sets: Sequence[frozenset[str]],
    least_shared: Callable[[IntArray, IntArray], IntArray],
    common: frozenset[str] = frozenset(),
) -> Overlaps:
    """Every pair of ``sets`` that may share ``least_shared(size_a, size_b)`` words.

    Pairs sharing fewer may be missing; every pair sharing at least that many is there,
    with its exact counts of shared words (all of them, and those not in ``common``).
    """
    n = len(sets)
    vocabulary: dict[str, int] = {}
    ids = np.array(
        [vocabulary.setdefault(w, len(vocabulary)) for s in sets for w in s], dtype=np.int64
    )
    size_v = max(1, len(vocabulary))
    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=n)
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(sizes, out=starts[1:])
    rows = np.repeat(np.arange(n, dtype=np.int64), sizes)
    frequency = np.bincount(ids, minlength=size_v)
    rarest_first = np.lexsort((np.arange(size_v), frequency))
    rank = np.empty(size_v, dtype=np.int64)
    rank[rarest_first] = np.arange(size_v)

    # each set's words rarest first, with how many follow each; the sets in order of size
    # (ties in input order), so that within a group the smaller of two sets comes first
    by_size = np.lexsort((np.arange(n, dtype=np.int64), sizes))
    place = np.empty(n, dtype=np.int64)
    place[by_size] = np.arange(n, dtype=np.int64)
    by_rarity = np.sort(place[rows] * size_v + rank[ids])
    entry_place = by_rarity // size_v
    entry_rank = by_rarity % size_v
    entry_size = sizes[by_size[entry_place]]
    position = _runs(sizes[by_size])
    left_over = entry_size - position - 1
    least = _table(least_shared, sizes)
    present = distinct(sizes)
    fewest = np.zeros(len(least), dtype=np.int64)
    as_smaller = np.zeros(len(least), dtype=np.int64)  # the least shared with a larger set
    as_larger = np.zeros(len(least), dtype=np.int64)  # … with a smaller one
    if len(present):  # (no sets, no sizes: nothing to take the least of)
        table = least[np.ix_(present, present)]
        fewest[present] = table.min(axis=1)
        above = np.triu(np.ones(table.shape, dtype=bool))  # partners of the size or larger
        as_smaller[present] = np.where(above, table, NEVER_MET).min(axis=1)
        as_larger[present] = np.where(above.T, table.T, NEVER_MET).min(axis=1)

    # two sets sharing t ≥ 2 words share their two rarest shared words among the first
    # size - t + 2 of each: the pairs of words in those prefixes are the keys to meet on.
    # t is at least the least either size can share with the other, so the smaller set's
    # prefix can be shorter (a larger partner must share more: least_shared grows with the
    # larger size) while the larger set's allows for smaller partners; a pair is met on a
    # key of the smaller set's prefix and of the larger set's
    lead = position < entry_size - np.maximum(as_smaller[entry_size], 2) + 2
    follow = position < entry_size - np.maximum(as_larger[entry_size], 2) + 2
    in_prefix = lead | follow
    p_place, p_rank, p_left = entry_place[in_prefix], entry_rank[in_prefix], left_over[in_prefix]
    p_member = by_size[p_place]
    # a pair of words is in a prefix when its later word is (words come rarest first)
    p_lead, p_follow = lead[in_prefix], follow[in_prefix]
    del lead, follow
    one, other = _within_runs(np.bincount(p_place, minlength=n))
    keys = p_rank[one] * size_v + p_rank[other]
    order = np.argsort(keys, kind="stable")  # by word pair, smaller sets first within
    other = other[order]
    met_on_two = (keys[order], p_member[one[order]], p_left[other], p_lead[other], p_follow[other])
    del one, other, keys, order  # the working memory's peak is here
    del p_place, p_rank, p_left, p_member, p_lead, p_follow
    pairs = [_pairs_within_groups(*met_on_two, 2, sizes, least, n)]
    del met_on_two
    # a set whose fellow may share a single word (one-word sets) meets it on any word
    single = fewest[entry_size] <= 1
    if single.any():
        order = np.argsort(entry_rank[single], kind="stable")
        anyone = np.ones(int(single.sum()), dtype=bool)
        met_on_one = (
            entry_rank[single][order],
            by_size[entry_place[single][order]],
            left_over[single][order],
            anyone,
            anyone,
        )
        pairs.append(_pairs_within_groups(*met_on_one, 1, sizes, least, n))
    merged = distinct(np.concatenate([a * n + b for a, b in pairs]))
    first, second = merged // n, merged % n

    by_word = np.sort(rows * size_v + ids)  # each set's words by id, for look-ups
    is_common = np.zeros(size_v, dtype=bool)
    for word in common:
        if word in vocabulary:
            is_common[vocabulary[word]] = True
    shared, shared_rare = _count_shared(first, second, sizes, starts, by_word, size_v, is_common)
    return Overlaps(sizes, first, second, shared, shared_rare)


def _within_runs(lengths: IntArray) -> tuple[IntArray, IntArray]:
    """Every pair of positions (i < j) within each run of ``lengths`` consecutive items."""
    offset = _runs(lengths)
    after = np.repeat(lengths, lengths) - offset - 1  # items after each one in its run
    del offset
    one = np.repeat(np.arange(len(after), dtype=np.int64), after)
    other = one + 1 + _runs(after)
    return one, other


def _pairs_within_groups(
    group: IntArray,
    member: IntArray,
    left_over: IntArray,
    leads: npt.NDArray[np.bool_],
    follows: npt.NDArray[np.bool_],
    met: int,
    sizes: IntArray,
    least: npt.NDArray[np.int64],
    n: int,
) -> tuple[IntArray, IntArray]:
    """Unique pairs (a < b) of members of a group with room to share enough words.

    Members met on ``met`` words, with ``left_over`` words after them that they may share;
    a pair is a member that ``leads`` (its key is in its prefix as the smaller set) and one
    after it in the group that ``follows`` (… as the larger set).
    """
    if len(group) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    new = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    size = np.diff(np.r_[new, len(group)])
    offset = np.arange(len(group), dtype=np.int64) - np.repeat(new, size)
    reach = np.repeat(size, size) - offset - 1  # members after this one in its group
    reach[~leads] = 0
    del new, size, offset
    keys: list[IntArray] = []
    for a, b in _chunks(reach, CHUNK):
        left = np.repeat(np.arange(a, b, dtype=np.int64), reach[a:b])
        right = left + 1 + _runs(reach[a:b])
        one, other = member[left], member[right]
        room = met + np.minimum(left_over[left], left_over[right])
        fits = (room >= least[sizes[one], sizes[other]]) & follows[right]
        low, high = np.minimum(one[fits], other[fits]), np.maximum(one[fits], other[fits])
        keys.append(distinct(low * n + high))
    merged = distinct(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)
    return merged // n, merged % n


def _table(
    least_shared: Callable[[IntArray, IntArray], IntArray], sizes: IntArray
) -> npt.NDArray[np.int64]:
    """``least_shared`` for every pair of sizes up to the largest, as a look-up table."""
    span = np.arange(int(sizes.max(initial=0)) + 1, dtype=np.int64)
    grid = least_shared(np.repeat(span, len(span)), np.tile(span, len(span)))
    return grid.reshape(len(span), len(span))


def distinct(values: IntArray) -> IntArray:
    """The distinct values, sorted: ``np.unique`` by sorting, faster than its hashing (and
    numpy 2's ``np.unique`` imports ``numpy.ma`` on first use, 10 ms, to rule out masks)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]]


#: the (set, word) table as bits when it takes at most this many bytes; past it, look-ups
#: search the sorted entries instead (the same answers, several times slower)
BIT_TABLE_BYTES = 32 << 20


def _bit_table(by_word: IntArray, cells: int) -> npt.NDArray[np.uint8] | None:
    """Bit ``set × size_v + word`` set for each entry of ``by_word`` (sorted, distinct): whether
    a set holds a word is then one look-up, not a binary search. None when too large."""
    if cells > 8 * BIT_TABLE_BYTES:
        return None
    bits = np.zeros((cells + 7) // 8, dtype=np.uint8)
    if len(by_word):
        byte = by_word >> 3
        first = np.flatnonzero(np.r_[True, byte[1:] != byte[:-1]])
        # the entries are distinct, so the bits of one byte add up to their union
        bits[byte[first]] = np.add.reduceat(np.left_shift(1, by_word & 7), first).astype(np.uint8)
    return bits


def _count_shared(
    first: IntArray,
    second: IntArray,
    sizes: IntArray,
    starts: IntArray,
    by_word: IntArray,
    size_v: int,
    is_common: npt.NDArray[np.bool_],
) -> tuple[IntArray, IntArray]:
    """Words each pair shares: each word of the smaller set looked up in the larger."""
    shared = np.zeros(len(first), dtype=np.int64)
    shared_rare = np.zeros(len(first), dtype=np.int64)
    if len(first) == 0:
        return shared, shared_rare
    swap = sizes[first] > sizes[second]
    small = np.where(swap, second, first)
    large = np.where(swap, first, second)
    reach = sizes[small]
    bits = _bit_table(by_word, len(sizes) * size_v)
    for a, b in _chunks(reach, CHUNK):
        pair = np.repeat(np.arange(a, b, dtype=np.int64), reach[a:b])
        entry = np.repeat(starts[small[a:b]], reach[a:b]) + _runs(reach[a:b])
        word = by_word[entry] % size_v
        wanted = large[pair] * size_v + word
        if bits is not None:
            hit = ((bits[wanted >> 3] >> (wanted & 7).astype(np.uint8)) & 1).astype(bool)
        else:
            found = np.minimum(np.searchsorted(by_word, wanted), len(by_word) - 1)
            hit = by_word[found] == wanted
        shared[a:b] = np.bincount(pair - a, weights=hit, minlength=b - a).astype(np.int64)
        rare = hit & ~is_common[word]
        shared_rare[a:b] = np.bincount(pair - a, weights=rare, minlength=b - a).astype(np.int64)
    return shared, shared_rare
