"""Ranking a source's sentences with sumy's summarisers, offline."""

from __future__ import annotations

import pytest

from briefer.rank import ALGORITHMS, rank_sentences
from briefer.split import Tokenizer

ARTICLE = [
    "The river authority approved a flood barrier for the old harbour on Tuesday.",
    "The barrier will protect about 4,000 homes in the harbour district from winter storms.",
    "Work on the flood barrier is due to start in the spring and last two years.",
    "The mayor said the harbour district had flooded three times in the past decade.",
    "Fishermen fear the barrier will narrow the harbour mouth and slow their boats.",
    "A spokesman for the fishermen said they would ask the authority to widen the gate.",
    "The authority will pay for the barrier from its flood defence budget.",
    "Tickets for the harbour festival go on sale next week.",
]


@pytest.mark.parametrize("algorithm", sorted(ALGORITHMS))
def test_every_algorithm_ranks_every_sentence(algorithm: str) -> None:
    scores = rank_sentences(ARTICLE, algorithm)
    n = len(ARTICLE)
    # a permutation of ranks: each sentence gets its own score, the best 1, the worst 1/n
    assert sorted(scores) == [(k + 1) / n for k in range(n)]


def test_lexrank_ranks_like_sumy_itself() -> None:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    document = PlaintextParser.from_string(" ".join(ARTICLE), Tokenizer("english")).document
    top3 = {str(s) for s in summarizer(document, 3)}

    scores = rank_sentences(ARTICLE, "lexrank")
    ours = {ARTICLE[i] for i in sorted(range(len(ARTICLE)), key=lambda i: -scores[i])[:3]}
    assert ours == top3
    # the festival sentence shares nothing with the story: it ranks last
    assert scores[-1] == min(scores)


def test_unknown_algorithm_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown algorithm 'gpt'"):
        rank_sentences(ARTICLE, "gpt")


def test_nothing_to_rank() -> None:
    assert rank_sentences([], "lexrank") == []
