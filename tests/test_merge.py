"""Telling when two sentences report the same fact, and merging them into one cited item."""

from __future__ import annotations

import datetime as dt

from briefer.merge import Candidate, FactIndex, drop_repeats, merge, same_fact
from briefer.models import Item, Sentence, When
from briefer.words import content_words

# Two outlets reporting the same fact in their own words, and sentences that only share topic.
PARAPHRASES = [
    (
        "The grant pays for 120 places a year at the Lindholm Naval Academy and the "
        "Coastal Staff College for officers from partner countries.",
        "Each year the grant funds 120 places for partner-country officers at the Coastal "
        "Staff College and the Lindholm Naval Academy.",
    ),
    (
        "Its suspension in May 2023 cancelled 48 places reserved that year for Varendian "
        "officers, one of the first visible effects of the aid freeze.",
        "The suspension led to the cancellation of 48 places set aside in 2023 for officers "
        "from Varendia, among the first visible effects of the freeze on aid.",
    ),
]
DIFFERENT = [
    (
        "The ministry approved the resumption of the training grant on Friday.",
        "The ministry said the training grant would be reviewed again next year.",
    ),
    (
        "The assembly still has to approve the plan.",
        "If the assembly approves the plan, the first payments would be made in April.",
    ),
]


def test_paraphrases_are_the_same_fact() -> None:
    for a, b in PARAPHRASES:
        assert same_fact(content_words(a), content_words(b)), (a, b)


def test_sentences_on_the_same_topic_are_not() -> None:
    for a, b in DIFFERENT:
        assert not same_fact(content_words(a), content_words(b)), (a, b)


def sentence(source: str, index: int, text: str) -> Sentence:
    return Sentence(source, index, index, text)


def test_merge_cites_every_source_reporting_the_fact_even_unchosen_sentences() -> None:
    a = [
        sentence("S1", 0, PARAPHRASES[0][0]),
        sentence("S1", 1, "Officials gave no reason for the timing of the decision."),
    ]
    b = [sentence("S2", 0, "The decision was announced in a short statement."),
         sentence("S2", 1, PARAPHRASES[0][1])]  # fmt: skip
    c = [sentence("S3", 0, "Opposition leaders called the move overdue.")]
    index = FactIndex([*a, *b, *c])
    day = When(dt.date(2024, 5, 3), "day", "published")
    # only S1's wording is a candidate; S2 reports the same fact in a sentence not chosen
    candidates = [Candidate(a[0], 0.9, day), Candidate(c[0], 0.5, day)]

    items, holder = merge(candidates, index)

    assert [i.text for i in items] == [a[0].text, c[0].text]
    assert items[0].sources == ("S1", "S2")
    assert items[1].sources == ("S3",)
    assert holder[index.position(b[1])] == 0  # type: ignore[index]


def test_merge_keeps_the_best_wording_and_a_stated_date_over_a_report_date() -> None:
    s1 = sentence("S1", 0, PARAPHRASES[1][0])
    s2 = sentence("S2", 0, PARAPHRASES[1][1])
    index = FactIndex([s1, s2])
    stated = When(dt.date(2023, 5, 1), "month", "explicit", "May 2023")
    reported = When(dt.date(2024, 1, 9), "day", "published")

    items, _ = merge([Candidate(s2, 0.8, reported), Candidate(s1, 0.4, stated)], index)

    assert len(items) == 1
    assert items[0].text == s2.text  # the better-ranked wording
    assert items[0].when == stated  # … dated by what the other report states
    assert items[0].sources == ("S1", "S2")


def test_drop_repeats_folds_citations_into_the_better_item() -> None:
    day = When(dt.date(2024, 6, 1), "month", "relative")
    first = Item(PARAPHRASES[0][0], ("S2",), 1.0, day, "S2")
    second = Item(PARAPHRASES[0][1], ("S10",), 0.5, day, "S10")
    other = Item(DIFFERENT[0][0], ("S3",), 0.4, day, "S3")

    kept = drop_repeats([first, second, other])

    assert [i.text for i in kept] == [first.text, other.text]
    assert kept[0].sources == ("S2", "S10")  # numeric order, not string order


def test_a_background_year_in_another_report_does_not_date_the_fact() -> None:
    s1 = sentence(
        "S1", 0, "Engineers sealed the ruptured well on Sunday, ending the worst spill in the gulf."
    )
    s2 = sentence(
        "S2", 0, "Engineers sealed the ruptured well, ending the worst gulf spill since 1979."
    )
    index = FactIndex([s1, s2])
    reported = When(dt.date(2010, 9, 19), "day", "published")
    background = When(dt.date(1979, 1, 1), "year", "explicit", "1979")

    items, _ = merge([Candidate(s1, 0.9, reported), Candidate(s2, 0.5, background)], index)

    assert [i.sources for i in items] == [("S1", "S2")]
    assert items[0].when == reported
