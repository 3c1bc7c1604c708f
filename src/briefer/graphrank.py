"""LexRank and TextRank computed as sumy computes them, with numpy arrays instead of loops.

sumy's summarisers build the sentence-similarity matrix one pair at a time in Python, so
their cost grows with the square of the sentence count (0.5 s for 225 sentences, 28 s for
1,600). Here the same matrix comes from the words the sentences share: for each term, every
pair of sentences holding it, summed with ``numpy.bincount``. The rest follows sumy line by
line (tf, idf, the 0.1 threshold and the power method's loose 0.1 epsilon for LexRank; the
shared-word count over summed log lengths, the row normalisation, the 0.85 damping and the
1e-4 epsilon for TextRank) and so do the ties: sentences are ordered by rating, best first,
in document order among equals, and sentences with the same text share the rating of the
last of them, exactly as sumy's ``dict(zip(sentences, scores))`` does.

Up to :data:`DENSE_LIMIT` sentences the graph is a dense matrix and the power method runs the
same numpy operations on the same matrix as sumy does, so the ratings are sumy's to the bit
(LexRank's cosines may differ in the last bit, which matters only for a cosine of exactly
0.1). Longer documents keep only the graph's edges, so memory grows with the edges rather
than with the square of the sentence count.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from .split import Tokenizer
from .words import STEM_CACHE_SIZE, cached_stemmer, stop_words

__all__ = [
    "GRAPH_ALGORITHMS",
    "lexrank_ratings",
    "rank_order",
    "sentence_terms",
    "textrank_ratings",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: sumy's LexRankSummarizer constants
LEXRANK_THRESHOLD = 0.1
LEXRANK_EPSILON = 0.1
#: sumy's TextRankSummarizer constants
TEXTRANK_EPSILON = 1e-4
TEXTRANK_DAMPING = 0.85
TEXTRANK_ZERO_DIVISION_PREVENTION = 1e-7

#: documents up to this many sentences get a dense matrix (sumy's arithmetic to the bit)
DENSE_LIMIT = 1500
#: matrix cells computed at a time when summing shared words (bounds the working memory)
BLOCK_CELLS = 4_000_000
#: a power method that has not converged after this many steps stops (sumy's never does)
MAX_STEPS = 10_000


def sentence_terms(sentences: Sequence[str], language: str = "english") -> list[list[str]]:
    """Each sentence's words as sumy's graph summarisers see them.

    sumy's ``_to_words_set``: the tokenizer's words, lower-cased, stop words dropped, the
    rest stemmed; repeats are kept (TextRank counts them, LexRank's tf does).
    """
    tokenizer = Tokenizer(language)
    term_of = _term_table(language)
    terms = []
    for sentence in sentences:
        found = []
        for token in tokenizer.to_words(sentence.strip()):
            term = term_of.get(token, _UNKNOWN)
            if term is _UNKNOWN:
                term = _learn(term_of, token, language)
            if term is not None:
                found.append(term)
        terms.append(found)
    return terms


_UNKNOWN = ""  # no term is empty: the tokenizer's words have at least one character


@cache
def _term_table(language: str) -> dict[str, str | None]:
    """token → its stem, or None for a stop word (filled as tokens come)."""
    return {}


def _learn(table: dict[str, str | None], token: str, language: str) -> str | None:
    if len(table) >= STEM_CACHE_SIZE:
        table.clear()
    word = token.lower()
    if word in _stops(language):
        table[token] = None
        return None
    term = table[token] = cached_stemmer(language)(word)
    return term


@cache
def _stops(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in stop_words(language))


@dataclass(frozen=True)
class _Terms:
    """Sentence × term counts, by sentence (``row_*``) and by term (``term_*``)."""

    n: int
    row_ptr: IntArray  # entries of sentence i: row_ptr[i]:row_ptr[i+1]
    row_term: IntArray
    row_count: FloatArray
    term_ptr: IntArray  # entries of term t: term_ptr[t]:term_ptr[t+1] (positions in term order)
    term_row: IntArray
    term_entry: IntArray  # the row-order position of each term-order entry

    @property
    def entry_row(self) -> IntArray:
        return np.repeat(np.arange(self.n, dtype=np.int64), np.diff(self.row_ptr))


def _terms(terms: Sequence[Sequence[str]]) -> _Terms:
    n = len(terms)
    vocabulary: dict[str, int] = {}
    ids = np.array(
        [vocabulary.setdefault(w, len(vocabulary)) for words in terms for w in words],
        dtype=np.int64,
    )
    size = max(1, len(vocabulary))
    lengths = np.fromiter(map(len, terms), dtype=np.int64, count=n)
    sentence = np.repeat(np.arange(n, dtype=np.int64), lengths)
    # one entry per (sentence, term), in sentence order then term id, with its count
    keys, counts = np.unique(sentence * size + ids, return_counts=True)
    entry_row, row_term = keys // size, keys % size
    row_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(entry_row, minlength=n), out=row_ptr[1:])
    order = np.argsort(row_term, kind="stable")
    term_ptr = np.zeros(len(vocabulary) + 1, dtype=np.int64)
    np.cumsum(np.bincount(row_term, minlength=len(vocabulary)), out=term_ptr[1:])
    return _Terms(
        n=n,
        row_ptr=row_ptr,
        row_term=row_term,
        row_count=counts.astype(np.float64),
        term_ptr=term_ptr,
        term_row=entry_row[order],
        term_entry=order.astype(np.int64),
    )


def _shared(
    t: _Terms, weight: Callable[[IntArray, IntArray], FloatArray]
) -> list[tuple[int, FloatArray]]:
    """Blocks of rows of the matrix sum over shared terms of ``weight(left, right)``.

    ``weight`` gets the row-order positions of the two entries of each (sentence, sentence,
    term) triple. Yields ``(first row, block)`` with dense blocks of ``rows × n`` cells.
    """
    n = t.n
    step = max(1, BLOCK_CELLS // max(1, n))
    blocks = []
    entry_row = t.entry_row
    sizes = np.diff(t.term_ptr)
    for first in range(0, n, step):
        last = min(n, first + step)
        entries = np.arange(t.row_ptr[first], t.row_ptr[last], dtype=np.int64)
        if len(entries) == 0:
            blocks.append((first, np.zeros((last - first, n))))
            continue
        term = t.row_term[entries]
        reach = sizes[term]
        left = np.repeat(entries, reach)
        starts = np.repeat(t.term_ptr[term], reach)
        # 0, 1, … within each run of ``reach``
        within = np.arange(len(left), dtype=np.int64) - np.repeat(np.cumsum(reach) - reach, reach)
        right = t.term_entry[starts + within]
        cells = (entry_row[left] - first) * n + entry_row[right]
        block = np.bincount(cells, weights=weight(left, right), minlength=(last - first) * n)
        blocks.append((first, block.astype(np.float64, copy=False).reshape(last - first, n)))
    return blocks


def _dense(blocks: list[tuple[int, FloatArray]], n: int) -> FloatArray:
    if len(blocks) == 1:
        return blocks[0][1]
    return np.vstack([b for _, b in blocks])


# ------------------------------------------------------------------------------ LexRank


def lexrank_ratings(terms: Sequence[Sequence[str]]) -> FloatArray:
    """sumy's ``LexRankSummarizer`` ratings of sentences given their terms."""
    n = len(terms)
    t = _terms(terms)
    rows = t.entry_row
    has_terms = np.diff(t.row_ptr) > 0
    # sumy: tf / max_tf with max_tf the sentence's largest count (1 for an empty sentence)
    maxima = np.zeros(n)
    if len(rows):
        np.maximum.at(maxima, rows, t.row_count)
    maxima[~has_terms] = 1.0
    tf = t.row_count / maxima[rows]
    containing = np.diff(t.term_ptr)
    # sumy's math.log(sentences / (1 + containing)), once for each count that occurs
    by_count = [math.log(n / (1 + k)) for k in range(int(containing.max(initial=0)) + 1)]
    idf = np.array(by_count, dtype=np.float64)[containing]
    idf2 = idf**2
    squares = np.bincount(rows, weights=(tf * idf[t.row_term]) ** 2, minlength=n)
    norms = np.sqrt(squares)

    def weight(left: IntArray, right: IntArray) -> FloatArray:
        return tf[left] * tf[right] * idf2[t.row_term[left]]

    edges_i: list[IntArray] = []
    edges_j: list[IntArray] = []
    dense = np.zeros((n, n)) if n <= DENSE_LIMIT else None
    for first, block in _shared(t, weight):
        rows_here = np.arange(first, first + block.shape[0])
        with np.errstate(divide="ignore", invalid="ignore"):
            cosine = block / (norms[rows_here, None] * norms[None, :])
        valid = (squares[rows_here, None] > 0) & (squares[None, :] > 0)
        linked = valid & (cosine > LEXRANK_THRESHOLD)
        if dense is not None:
            dense[first : first + block.shape[0]] = linked
        else:
            i, j = np.nonzero(linked)
            edges_i.append(i.astype(np.int64) + first)
            edges_j.append(j.astype(np.int64))
    if dense is not None:
        degrees = dense.sum(axis=1)
        degrees[degrees == 0] = 1
        matrix = dense / degrees[:, None]
        return _power_lexrank(lambda p: np.dot(matrix.T, p), n)
    i = np.concatenate(edges_i) if edges_i else np.zeros(0, dtype=np.int64)
    j = np.concatenate(edges_j) if edges_j else np.zeros(0, dtype=np.int64)
    degrees = np.bincount(i, minlength=n).astype(np.float64)
    degrees[degrees == 0] = 1
    share = 1.0 / degrees

    def step(p: FloatArray) -> FloatArray:
        return np.bincount(j, weights=(p * share)[i], minlength=n).astype(np.float64, copy=False)

    return _power_lexrank(step, n)


def _power_lexrank(step: Callable[[FloatArray], FloatArray], n: int) -> FloatArray:
    """sumy's LexRank power method: normalise each step, stop when it moves ≤ epsilon."""
    p = np.array([1.0 / n] * n)
    moved = 1.0
    steps = 0
    while moved > LEXRANK_EPSILON and steps < MAX_STEPS:
        following = step(p)
        with np.errstate(invalid="ignore"):  # sumy's NaNs when no sentence links to any
            following /= np.linalg.norm(following)
        moved = float(np.linalg.norm(np.subtract(following, p)))
        p = following
        steps += 1
    return p


# ----------------------------------------------------------------------------- TextRank


def textrank_ratings(terms: Sequence[Sequence[str]]) -> FloatArray:
    """sumy's ``TextRankSummarizer`` ratings of sentences given their terms."""
    n = len(terms)
    t = _terms(terms)
    counts = t.row_count
    lengths = [len(words) for words in terms]
    logs = np.array([math.log(k) if k > 0 else 0.0 for k in lengths], dtype=np.float64)
    single = np.array([k == 1 for k in lengths])

    def weight(left: IntArray, right: IntArray) -> FloatArray:
        return counts[left] * counts[right]

    d = TEXTRANK_DAMPING
    if n <= DENSE_LIMIT:
        weights = _edge_weights(_dense(_shared(t, weight), n), logs, single, np.arange(n))
        weights /= weights.sum(axis=1)[:, np.newaxis] + TEXTRANK_ZERO_DIVISION_PREVENTION
        matrix = np.full((n, n), (1.0 - d) / n) + d * weights
        return _power_textrank(lambda p: np.dot(matrix.T, p), n)
    edges_i: list[IntArray] = []
    edges_j: list[IntArray] = []
    values: list[FloatArray] = []
    for first, block in _shared(t, weight):
        rows_here = np.arange(first, first + block.shape[0])
        weights = _edge_weights(block, logs, single, rows_here)
        i, j = np.nonzero(weights)
        edges_i.append(i.astype(np.int64) + first)
        edges_j.append(j.astype(np.int64))
        values.append(weights[i, j])
    i, j, w = np.concatenate(edges_i), np.concatenate(edges_j), np.concatenate(values)
    sums = np.bincount(i, weights=w, minlength=n)
    w = w / (sums[i] + TEXTRANK_ZERO_DIVISION_PREVENTION)

    def step(p: FloatArray) -> FloatArray:
        spread = np.bincount(j, weights=w * p[i], minlength=n)
        return (1.0 - d) / n * p.sum() + d * spread  # type: ignore[no-any-return]

    return _power_textrank(step, n)


def _edge_weights(
    shared: FloatArray, logs: FloatArray, single: npt.NDArray[np.bool_], rows: IntArray
) -> FloatArray:
    """sumy's ``_rate_sentences_edge``: shared words over the summed log lengths."""
    norm = logs[rows, None] + logs[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        weights = shared / norm
    # two one-word sentences: log lengths sum to 0 and the edge is the shared count
    both_single = single[rows, None] & single[None, :]
    weights[both_single] = shared[both_single]
    weights[shared == 0] = 0.0
    return weights


def _power_textrank(step: Callable[[FloatArray], FloatArray], n: int) -> FloatArray:
    """sumy's TextRank power method: no normalisation, stop when it moves ≤ epsilon."""
    p = np.array([1.0 / n] * n)
    moved = 1.0
    steps = 0
    while moved > TEXTRANK_EPSILON and steps < MAX_STEPS:
        following = step(p)
        moved = float(np.linalg.norm(np.subtract(following, p)))
        p = following
        steps += 1
    return p


#: algorithm name → ratings from terms
GRAPH_ALGORITHMS: dict[str, Callable[[Sequence[Sequence[str]]], FloatArray]] = {
    "lexrank": lexrank_ratings,
    "textrank": textrank_ratings,
}


def rank_order(sentences: Sequence[str], ratings: FloatArray) -> list[int]:
    """Sentence positions best first, as sumy orders them.

    sumy rates through ``dict(zip(sentences, scores))``, so sentences with the same text
    share the last one's rating; it then sorts by rating, stably (document order on ties).
    """
    by_text: dict[str, float] = {}
    texts = [s.strip() for s in sentences]
    for text, rating in zip(texts, ratings.tolist(), strict=True):
        by_text[text] = rating
    return sorted(range(len(texts)), key=lambda k: by_text[texts[k]], reverse=True)
