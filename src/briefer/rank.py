"""Rank a source's sentences: LexRank and TextRank vectorised, the others by sumy.

sumy's summarisers return the best N sentences in document order; briefer needs the whole
ranking (to fill the page best-first and to drop the weakest first). Every sumy summariser
sorts its sentences by rating and then asks ``sentences_count`` how many to keep; given a
callable, it hands over the sorted list, which :func:`sumy_order` records.

LexRank and TextRank, the graph summarisers, build a sentence-by-sentence matrix in pure
Python in sumy (28 s for a 1,600-sentence text); :mod:`briefer.graphrank` computes the same
ratings with numpy and orders them the same way, so :func:`rank_order` gives sumy's order
in milliseconds. sumy stays the reference (:func:`sumy_order`) and runs the other
algorithms.

Only summarisers that run without extra data or parameters are offered (Edmundson needs
cue-word lists from the user, so it is left out).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from .split import Tokenizer
from .words import stemmer, stop_words

log = logging.getLogger(__name__)

#: name → (module, class) in ``sumy.summarizers``
ALGORITHMS: dict[str, tuple[str, str]] = {
    "lexrank": ("lex_rank", "LexRankSummarizer"),
    "textrank": ("text_rank", "TextRankSummarizer"),
    "lsa": ("lsa", "LsaSummarizer"),
    "luhn": ("luhn", "LuhnSummarizer"),
    "kl": ("kl", "KLSummarizer"),
    "sumbasic": ("sum_basic", "SumBasicSummarizer"),
    "reduction": ("reduction", "ReductionSummarizer"),
}

#: the algorithms :mod:`briefer.graphrank` computes itself (the same order as sumy's)
VECTORISED = frozenset({"lexrank", "textrank"})

DEFAULT_ALGORITHM = "lexrank"


def _check(algorithm: str) -> None:
    if algorithm not in ALGORITHMS:
        known = ", ".join(sorted(ALGORITHMS))
        raise ValueError(f"unknown algorithm {algorithm!r}; choose one of {known}")


def _summarizer(algorithm: str, language: str) -> Any:
    import importlib

    _check(algorithm)
    module_name, class_name = ALGORITHMS[algorithm]
    module = importlib.import_module(f"sumy.summarizers.{module_name}")
    summarizer = getattr(module, class_name)(stemmer(language))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = stop_words(language)
    return summarizer


def sumy_order(
    sentences: Sequence[str], algorithm: str = DEFAULT_ALGORITHM, language: str = "english"
) -> list[int]:
    """Positions of ``sentences`` (one document), best first, by sumy's own summariser."""
    if not sentences:
        _check(algorithm)
        return []
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = Tokenizer(language)
    summarizer = _summarizer(algorithm, language)
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
    order: list[int] = []

    def keep_all(infos: Sequence[Any]) -> Sequence[Any]:
        order.extend(info.order for info in infos)
        return infos

    summarizer(document, keep_all)
    return order


def rank_order(
    sentences: Sequence[str], algorithm: str = DEFAULT_ALGORITHM, language: str = "english"
) -> list[int]:
    """Positions of ``sentences`` (one document), best first: sumy's order, fast for graphs."""
    _check(algorithm)
    if algorithm not in VECTORISED:
        return sumy_order(sentences, algorithm, language)
    if not sentences:
        return []
    from .graphrank import GRAPH_ALGORITHMS, sentence_terms
    from .graphrank import rank_order as order_by

    ratings = GRAPH_ALGORITHMS[algorithm](sentence_terms(sentences, language))
    return order_by(sentences, ratings)


def prepare(algorithm: str = DEFAULT_ALGORITHM, language: str = "english") -> None:
    """Load what ranking needs (numpy, the stemmer, sumy's summariser) ahead of the first use."""
    if algorithm in VECTORISED:
        from . import graphrank  # noqa: F401
    else:
        _summarizer(algorithm, language)
    stemmer(language)
    stop_words(language)


def rank_sentences(
    sentences: Sequence[str], algorithm: str = DEFAULT_ALGORITHM, language: str = "english"
) -> list[float]:
    """Scores in [0, 1] for ``sentences`` (one document), 1 for the best, by rank.

    Scores come from the order the summariser puts the sentences in, so they compare across
    algorithms and documents: the best sentence scores 1, the worst ``1/n``.
    """
    order = rank_order(sentences, algorithm, language)
    n = len(sentences)
    scores = [0.0] * n
    for rank, position in enumerate(order):
        scores[position] = (n - rank) / n
    return scores
