"""Who said what: quotations, their speakers and roles, merged across sources."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefer.models import Metadata, Source
from briefer.quotes import find_quotes, quotes

FIXTURES = json.loads(
    (Path(__file__).parent / "fixtures" / "policy" / "quotes.json").read_text(encoding="utf-8")
)


def _source(paragraphs: list[str], sid: str = "S1", published: str = "2025-03-04") -> Source:
    return Source(
        sid, f"{sid}.txt", "text", tuple(paragraphs),
        Metadata(published=dt.date.fromisoformat(published)),
    )  # fmt: skip


def _norm(speaker: str | None) -> str:
    text = (speaker or "").lower()
    for article in ("the ", "a ", "an "):
        text = text.removeprefix(article)
    return text


def _score(split: str) -> tuple[int, int, int]:
    tp = predicted = expected = 0
    for article in FIXTURES["articles"]:
        if article["split"] != split:
            continue
        found = find_quotes(_source(article["paragraphs"], published=article["published"]))
        predicted += len(found)
        expected += len(article["quotes"])
        used: set[int] = set()
        for gold in article["quotes"]:
            for i, q in enumerate(found):
                same_speaker = _norm(q.speaker) == _norm(gold["speaker"])
                if i not in used and gold["quote"] in q.text and same_speaker:
                    used.add(i)
                    tp += 1
                    break
    return tp, predicted, expected


def test_the_fixtures_hold_enough_quotes() -> None:
    assert sum(len(a["quotes"]) for a in FIXTURES["articles"]) >= 30


@pytest.mark.parametrize(
    ("split", "precision", "recall"), [("dev", 1.0, 1.0), ("heldout", 0.9, 0.8)]
)
def test_quotes_and_speakers_on_the_fixtures(split: str, precision: float, recall: float) -> None:
    tp, predicted, expected = _score(split)
    assert tp / predicted >= precision and tp / expected >= recall, (tp, predicted, expected)


def test_a_quote_split_by_its_attribution_is_one_quote_in_verbatim_parts() -> None:
    paragraph = (
        "“Nobody wins from a shutdown,” Ferro told reporters at the gates. "
        "“Our door is open tonight.”"
    )
    source = _source(["Port Authority chief executive Daniel Ferro met the union.", paragraph])
    [quote] = find_quotes(source)
    assert quote.speaker == "Daniel Ferro" and quote.role == "Port Authority chief executive"
    assert quote.parts == ("Nobody wins from a shutdown", "Our door is open tonight.")
    assert all(part in paragraph for part in quote.parts)
    assert quote.passage == paragraph


def test_a_pronoun_is_the_last_person_named_before_it() -> None:
    source = _source(
        [
            "Finance Minister Ada Rusk met the central bank governor, Olav Brenn, on Monday.",
            "Rusk later spoke to reporters.",
            '"We will not raise taxes this year," she said.',
        ]
    )
    [quote] = find_quotes(source)
    # the last person *named* before the quote is Rusk (the second paragraph names her)
    assert quote.speaker == "Ada Rusk" and quote.role == "Finance Minister"


def test_the_speaker_before_a_quote_is_read_after_the_quotes_before_it() -> None:
    # the attribution of the second quotation lies between the two: what precedes the first
    # quotation's marks never names its speaker
    paragraph = (
        "Harbour master Lena Voss said the cranes were safe. “We checked every bolt,” she "
        "said on Tuesday, and the inspection report was filed the same afternoon with the "
        "port authority. Union steward Piotr Nowak told reporters: “Nobody asked the crews.”"
    )
    found = find_quotes(_source([paragraph]))
    assert [(q.speaker, q.parts) for q in found] == [
        ("Lena Voss", ("We checked every bolt",)),
        ("Piotr Nowak", ("Nobody asked the crews.",)),
    ]


def test_words_in_quotes_without_an_attribution_are_not_quotations() -> None:
    source = _source(
        [
            "The so-called “ghost boats” never left harbour, the audit found.",
            "The report, titled “Fishing for Subsidies”, runs to 80 pages.",
            "Residents living under the flight path say the “night flights” rule is ignored.",
        ]
    )
    assert find_quotes(source) == []


def test_the_same_quote_from_several_sources_is_given_once_citing_all() -> None:
    first = _source(
        ["“The treaty will be ratified before the summer,” Foreign Minister Elena Sokol said."]
    )
    second = _source(
        [
            "Elena Sokol, the foreign minister, spoke in parliament.",
            "“The treaty will be ratified before the summer,” Sokol told lawmakers.",
        ],
        sid="S2",
    )
    third = _source(['"We expect a vote in May," a spokesperson said.'], sid="S3")
    found = quotes([first, second, third])
    assert [(q.speaker, q.sources) for q in found] == [
        ("Elena Sokol", ("S1", "S2")),
        ("a spokesperson", ("S3",)),
    ]
    assert found[0].role == "Foreign Minister"


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "role"),
    [
        (  # a title of two capitalised words before the name
            [
                "In his report, Regional Auditor Nils Berg wrote that the agency had "
                "\u201crelied on the word of the claimant\u201d for years."
            ],
            "Nils Berg",
            "Regional Auditor",
        ),
        (  # a name with a particle, the pronoun resolving to it in the next paragraph
            [
                "The committee's chair, Flemish lawmaker Pieter van Dijk, said the vote could "
                "not wait until the autumn.",
                '"If we wait, the rules apply in July whether anyone is ready or not," he told '
                "the committee.",
            ],
            "Pieter van Dijk",
            "Flemish lawmaker",
        ),
        (  # a possessive pointing back into the sentence is no part of the label
            [
                '"We want to take part, but not with a deadline nobody can meet," its director '
                "general Karen Holm said in a statement."
            ],
            "Karen Holm",
            "director general",
        ),
        (  # the article stays before a possessive noun
            [
                "Ruth Ames, the group's director, said the port had treated the permit \"as a "
                'mere formality" from the start.'
            ],
            "Ruth Ames",
            "the group's director",
        ),
    ],
)
def test_speakers_and_roles_read_as_labels(paragraphs: list[str], speaker: str, role: str) -> None:
    [quote] = find_quotes(_source(paragraphs))
    assert (quote.speaker, quote.role) == (speaker, role)
