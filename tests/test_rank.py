"""Ranking a source's sentences: sumy's summarisers, and LexRank/TextRank vectorised to match."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefer import graphrank
from briefer.rank import ALGORITHMS, VECTORISED, rank_order, rank_sentences, sumy_order
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


# --- the vectorised LexRank and TextRank give sumy's own order ------------------------------

CASES_DIR = Path(__file__).parent / "cases"


def _fixture_documents() -> list[tuple[str, list[str]]]:
    """Each source of each golden case, as compose ranks it: its candidate sentences."""
    from briefer.compose import is_candidate, source_sentences
    from briefer.models import BriefOptions
    from briefer.pipeline import load_sources

    documents = []
    options = BriefOptions(today=dt.date(2025, 3, 12))
    for case in sorted(p for p in CASES_DIR.iterdir() if (p / "inputs").is_dir()):
        for source in load_sources([case / "inputs"], options).sources:
            sentences = [s.text for s in source_sentences(source)]
            documents.append((f"{case.name}/{source.file}", sentences))
            usable = [s for s in sentences if is_candidate(s)]
            if usable != sentences:
                documents.append((f"{case.name}/{source.file} (candidates)", usable))
    return documents


# Messy text where ties, empty sentences and repeats decide the order.
AWKWARD = [
    "Breaking news.",
    "The council met.",
    "The council met.",  # a repeat: sumy rates both by the last one's score
    "It is what it is, and that is that.",  # only stop words: no terms at all
    "Flood barrier approved for the harbour.",
    "Harbour flood barrier: the council approved it.",
    "Council.",
    "Barrier.",
    "Harbour flood barrier approved by the council on Tuesday, the mayor said.",
    "—",
    "Tickets go on sale next week.",
    "Breaking news.",
]


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank"])
def test_vectorised_ranking_orders_every_fixture_document_as_sumy_does(algorithm: str) -> None:
    documents = _fixture_documents()
    assert len(documents) >= 10
    for name, sentences in documents:
        ours = rank_order(sentences, algorithm)
        theirs = sumy_order(sentences, algorithm)
        assert ours[:5] == theirs[:5], name
        assert ours == theirs, name


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")  # sumy's NaNs
@pytest.mark.parametrize("algorithm", ["lexrank", "textrank"])
@pytest.mark.parametrize(
    "document",
    [AWKWARD, AWKWARD[:2], ["One sentence only about the barrier."], ["Stop.", "It is."]],
)
def test_ties_repeats_and_empty_sentences_order_as_sumy_does(
    algorithm: str, document: list[str]
) -> None:
    assert rank_order(document, algorithm) == sumy_order(document, algorithm)


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank"])
def test_the_sparse_graph_for_long_documents_orders_as_sumy_does(
    algorithm: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # long documents keep only the graph's edges; force that path on a document sumy can
    # still rank in a test's time, and on blocks smaller than the matrix
    sentences = [s for _, doc in _fixture_documents() for s in doc]
    assert len(sentences) > 100
    theirs = sumy_order(sentences, algorithm)
    monkeypatch.setattr(graphrank, "DENSE_LIMIT", 0)
    monkeypatch.setattr(graphrank, "BLOCK_CELLS", 1000)
    assert rank_order(sentences, algorithm)[:5] == theirs[:5]


def test_lexrank_ratings_are_sumys_to_the_bit() -> None:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in ARTICLE])])
    words = [summarizer._to_words_set(s) for s in document.sentences]
    matrix = summarizer._create_matrix(
        words, summarizer.threshold, summarizer._compute_tf(words), summarizer._compute_idf(words)
    )
    theirs = summarizer.power_method(matrix, summarizer.epsilon)

    assert graphrank.sentence_terms(ARTICLE) == words
    assert graphrank.lexrank_ratings(words).tolist() == theirs.tolist()


def test_other_algorithms_are_sumys() -> None:
    for algorithm in sorted(set(ALGORITHMS) - VECTORISED):
        assert rank_order(ARTICLE, algorithm) == sumy_order(ARTICLE, algorithm)
