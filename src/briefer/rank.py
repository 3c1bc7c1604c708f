"""Rank a source's sentences with one of sumy's extractive summarisers.

sumy's summarisers return the best N sentences in document order; briefer needs the whole
ranking (to fill the page best-first and to drop the weakest first). Every sumy summariser
sorts its sentences by rating and then asks ``sentences_count`` how many to keep; given a
callable, it hands over the sorted list, which :func:`rank_sentences` records.

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

DEFAULT_ALGORITHM = "lexrank"


def _summarizer(algorithm: str, language: str) -> Any:
    import importlib

    try:
        module_name, class_name = ALGORITHMS[algorithm]
    except KeyError:
        known = ", ".join(sorted(ALGORITHMS))
        raise ValueError(f"unknown algorithm {algorithm!r}; choose one of {known}") from None
    module = importlib.import_module(f"sumy.summarizers.{module_name}")
    summarizer = getattr(module, class_name)(stemmer(language))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = stop_words(language)
    return summarizer


def rank_sentences(
    sentences: Sequence[str], algorithm: str = DEFAULT_ALGORITHM, language: str = "english"
) -> list[float]:
    """Scores in [0, 1] for ``sentences`` (one document), 1 for the best, by rank.

    Scores come from the order the summariser puts the sentences in, so they compare across
    algorithms and documents: the best sentence scores 1, the worst ``1/n``.
    """
    n = len(sentences)
    if n == 0:
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
    scores = [0.0] * n
    for rank, position in enumerate(order):
        scores[position] = (n - rank) / n
    return scores
