"""The chronology engine on its own: date weights, centrality, dedup, and relative dates."""

from __future__ import annotations

import datetime as dt

from briefer.chronology import (
    ChronologyOptions,
    Reading,
    chronology,
    date_weights,
    form,
    read,
)
from briefer.dating import find_dates
from briefer.models import Sentence


def _reading(source: str, index: int, text: str, published: dt.date, position: int = 0) -> Reading:
    return read(Sentence(source, index, index, text), published, position)


WED = dt.date(2025, 9, 10)  # a Wednesday


def test_a_date_referred_to_later_by_many_sources_outweighs_a_busy_publication_day() -> None:
    readings = [
        _reading(f"S{i}", 0, "The dam gave way on September 2, flooding the valley.", WED)
        for i in range(1, 4)
    ] + [
        _reading(f"S{i}", 1, "Rescue teams searched the flooded villages all day.", WED, 1)
        for i in range(1, 4)
    ]
    weights = date_weights(readings, ChronologyOptions())
    assert max(weights, key=lambda d: weights[d]) == dt.date(2025, 9, 2)


def test_the_most_central_sentence_stands_for_its_date_and_nothing_is_said_twice() -> None:
    texts = [
        "Protesters blocked the port of Lissa on Monday, halting grain exports.",
        "Protesters on Monday blocked the port of Lissa, halting its grain exports.",
        "The port of Lissa was blocked by protesters on Monday, stopping grain exports.",
        "A ferry captain said on Monday that he had never seen such crowds.",
    ]
    readings = [_reading(f"S{i + 1}", 0, t, WED) for i, t in enumerate(texts)]
    entries = chronology(readings, ChronologyOptions(dates=1, per_date=3))
    assert [e.date for e in entries] == [dt.date(2025, 9, 8)]
    items = entries[0].items
    assert "blocked" in items[0].text and "grain exports" in items[0].text
    # the near-copies of the first are passed over; the sources reporting it are cited
    assert len(items) == 2 and "ferry captain" in items[1].text
    assert set(items[0].sources) >= {"S1", "S3"}


def test_dates_outside_the_period_and_articles_outside_it_are_left_out() -> None:
    readings = [
        _reading(
            "S1", 0, "The strike began on August 4, 2025 at the smelter.", dt.date(2025, 8, 5)
        ),
        _reading("S2", 0, "The strike ended on September 8, 2025 after a pay deal.", WED),
        _reading("S3", 0, "The smelter opened on March 3, 2001 with 900 workers.", WED),
    ]
    options = ChronologyOptions(since=dt.date(2025, 9, 1), until=dt.date(2025, 9, 30))
    assert [e.date for e in chronology(readings, options)] == [dt.date(2025, 9, 8)]


def test_a_weekday_something_is_called_for_is_ahead_of_publication() -> None:
    text = "The union has called a meeting in Vardo for Saturday to decide its position."
    (mention,) = find_dates(text, WED)
    assert mention.when.date == dt.date(2025, 9, 13)


def test_a_weekday_in_a_possessive_after_for_is_still_the_past_one() -> None:
    text = "Two men were arrested for Saturday's attack on the depot."
    (mention,) = find_dates(text, WED)
    assert mention.when.date == dt.date(2025, 9, 6)


def test_a_caption_or_a_dateline_does_not_stand_for_a_date_when_a_statement_can() -> None:
    statement = (
        "Engineers closed the last sluice gate of the Varna dam on Monday, ending the flood."
    )
    seen = (
        "Engineers are seen closing the last sluice gate of the Varna dam on Monday "
        "as the flood ends."
    )
    pictured = (
        "Engineers are pictured at the last sluice gate of the Varna dam on Monday, "
        "as the flood ends."
    )
    dateline = (
        "VARNA | Mon Sep 8, 2025 6:40 pm EDT Engineers closed the last sluice gate of the "
        "Varna dam on Monday as the flood ended."
    )
    for texts in ((seen, pictured, statement), (dateline, seen, statement)):
        readings = [_reading(f"S{i + 1}", 0, t, WED) for i, t in enumerate(texts)]
        entries = chronology(readings, ChronologyOptions(dates=1, per_date=1))
        assert [e.date for e in entries] == [dt.date(2025, 9, 8)]
        # the captions are closer to the others, but the statement is what a timeline says
        assert entries[0].items[0].text == statement
        assert set(entries[0].items[0].sources) == {"S1", "S2", "S3"}


def test_a_line_of_a_few_words_or_a_paragraph_long_sentence_loses_to_a_usual_one() -> None:
    assert form("Protesters blocked the port of Lissa on Monday, halting grain exports.") == 1.0
    assert form("Port of Lissa blocked Monday.") < 0.7
    long = " ".join(["Protesters blocked the port of Lissa on Monday, halting exports,"] * 8)
    assert form(long) <= 0.5


def test_a_picture_credit_opening_a_sentence_is_glued_on_but_the_agency_as_subject_is_not() -> None:
    assert form("AP VARNA -- Engineers closed the last sluice gate of the dam on Monday.") == 0.5
    assert form("REUTERS/Ana Petrova Engineers closed the last sluice gate on Monday.") == 0.5
    assert form("Reuters reported on Monday that engineers had closed the last sluice gate.") == 1
    assert form("AFP news agency said engineers had closed the last sluice gate on Monday.") == 1


def test_a_date_named_at_the_top_of_reports_outweighs_one_named_as_deep_background() -> None:
    # three reports each name both dates: the storm in their opening sentence, the old
    # levee repair twenty sentences down; the same sources, the same day, so only where
    # in the article the date stands can tell them apart
    readings = []
    for i in range(1, 4):
        source = f"S{i}"
        readings.append(
            _reading(source, 0, "The storm surge broke through the levee on September 8.", WED)
        )
        readings.append(
            _reading(
                source,
                20,
                "The levee had last been repaired on September 5, officials said.",
                WED,
                20,
            )
        )
    weights = date_weights(readings, ChronologyOptions())
    assert weights[dt.date(2025, 9, 8)] > weights[dt.date(2025, 9, 5)]
    # each source still counts once per date, however often it names it
    again = "Crews had worked on it since September 5, a spokesman said."
    repeated = [*readings, _reading("S1", 21, again, WED, 21)]
    assert date_weights(repeated, ChronologyOptions()) == weights
