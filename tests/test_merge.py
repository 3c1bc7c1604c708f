"""Telling when two sentences report the same fact, and merging them into one cited item."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer import overlap as overlap_module
from briefer.merge import (
    COMMON_SHARE,
    MIN_OVERLAP,
    SAME_DATE_OVERLAP,
    Candidate,
    FactIndex,
    _least_shared,
    drop_repeats,
    fold_same_event,
    merge,
    same_fact,
    same_facts,
    shares_fact,
    source_order,
    undated_words,
)
from briefer.models import Item, Sentence, When
from briefer.overlap import overlaps
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


# --- the index finds exactly the pairs same_fact accepts, without comparing every pair -------

# Several outlets on one invented story: facts retold in other words, and sentences that share
# the story's vocabulary (ferry, strike, port) without reporting the same thing.
REPORTS = [
    "Ferry crews at the port of Vesterhavn walked out on Monday over a pay offer of 3 percent.",
    "Crews on the Vesterhavn ferries began a strike on Monday, rejecting a 3 percent pay offer.",
    "The strike stranded about 2,000 passengers at the port of Vesterhavn overnight.",
    "About 2,000 passengers were stranded overnight at Vesterhavn port by the strike.",
    "Some 2,000 passengers spent the night stranded in Vesterhavn because of the ferry strike.",
    "The ferry operator said it would not raise its offer while the strike continued.",
    "The operator refused to improve its pay offer as long as crews stayed on strike.",
    "The union said talks could resume on Thursday if the operator returned to the table.",
    "Union leaders said talks with the ferry operator could restart on Thursday.",
    "Lorries queued for six kilometres on the road to the port.",
    "A queue of lorries six kilometres long formed on the port road.",
    "The port authority opened an emergency car park for the lorries.",
    "The ferry strike is the first at Vesterhavn since 2009.",
    "Vesterhavn ferry crews last went on strike in 2009.",
    "Passengers were offered refunds or places on flights.",
    "Ferry.",
    "Strike.",
    "It was the first of many.",
    "The ferry strike at the port of Vesterhavn continued on Tuesday.",
    "The strike at Vesterhavn port went on into Tuesday, the ferry operator said.",
]


def _index_of(texts: list[str]) -> FactIndex:
    return FactIndex(
        [Sentence(f"S{k % 5 + 1}", k, 0, text) for k, text in enumerate(texts)], "english"
    )


def _brute_force_same_as(index: FactIndex, position: int) -> list[int]:
    """The definition: share two words not too common to look up by, and same_fact."""
    frequency = Counter(w for words in index.words for w in words)
    too_common = max(20, int(COMMON_SHARE * len(index.words)))
    words = index.words[position]
    need = min(2, len(words))
    found = {position}
    for other, other_words in enumerate(index.words):
        rare = [w for w in words & other_words if frequency[w] <= too_common]
        if len(rare) >= need and rare and same_fact(words, other_words):
            found.add(other)
    return sorted(found)


def test_fact_index_finds_every_sentence_reporting_the_same_fact() -> None:
    index = _index_of(REPORTS)
    for position, sentence in enumerate(index.sentences):
        assert index.same_as(sentence) == _brute_force_same_as(index, position), sentence.text
        reporters = {index.sentences[i].source_id for i in _brute_force_same_as(index, position)}
        assert index.reporter_count(sentence) == len(reporters), sentence.text
    # retellings meet, topic-only neighbours do not
    assert index.same_as(index.sentences[2]) == [2, 3, 4]
    assert index.same_as(index.sentences[9]) == [9, 10]
    assert index.same_as(index.sentences[11]) == [11]


def test_words_too_common_to_look_up_by_do_not_make_a_fact() -> None:
    # 40 sentences all about the ferry strike at Vesterhavn: those words are in every one,
    # so two sentences sharing only them are not found, even though same_fact would hold
    texts = [f"Ferry strike Vesterhavn port day {k} crews." for k in range(40)]
    texts += ["Ferry strike Vesterhavn port.", "Vesterhavn port ferry strike."]
    index = _index_of(texts)
    assert same_fact(index.words[40], index.words[41])
    assert index.same_as(index.sentences[40]) == [40]
    for position, sentence in enumerate(index.sentences):
        assert index.same_as(sentence) == _brute_force_same_as(index, position)


def test_a_sentence_outside_the_index_is_looked_up_by_its_words() -> None:
    index = _index_of(REPORTS)
    outsider = Sentence(
        "S9",
        99,
        0,
        "Passengers were stranded overnight at Vesterhavn by the strike, about 2,000 of them.",
    )
    assert index.same_as(outsider) == [2, 3, 4]
    assert index.reporters(outsider) == {"S3", "S4", "S5", "S9"}


words_strategy = st.frozensets(st.sampled_from([f"w{k}" for k in range(14)]), max_size=9)


@settings(max_examples=150, deadline=None)
@given(st.lists(words_strategy, min_size=0, max_size=30), st.sampled_from([0.5, 0.6]))
def test_overlaps_miss_no_pair_that_is_the_same_fact(
    sets: list[frozenset[str]], overlap: float
) -> None:
    found = overlaps(sets, _least_shared(overlap))
    pairs = set(zip(found.first.tolist(), found.second.tolist(), strict=True))
    for (i, a), (j, b) in combinations(enumerate(sets), 2):
        if same_fact(a, b, overlap):
            assert (i, j) in pairs, (a, b)
    for i, j, shared in zip(found.first, found.second, found.shared, strict=True):
        assert shared == len(sets[i] & sets[j])
    # the same answers when the (set, word) table is too large for bits, and when the pairs
    # are expanded a few at a time (chunks' edges everywhere)
    for setting, value in (("BIT_TABLE_BYTES", 0), ("CHUNK", 3)):
        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(overlap_module, setting, value)
            again = overlaps(sets, _least_shared(overlap))
        for name in ("first", "second", "shared", "shared_rare"):
            assert getattr(again, name).tolist() == getattr(found, name).tolist(), setting


def _sequential_drop_repeats(items: list[Item]) -> list[Item]:
    """The definition: each item folds into the first kept item it repeats."""
    kept: list[tuple[Item, frozenset[str]]] = []
    for item in items:
        words = content_words(item.text)
        for k, (other, other_words) in enumerate(kept):
            alike = item.when is not None and other.when is not None
            alike = alike and item.when.iso() == other.when.iso()  # type: ignore[union-attr]
            if same_fact(words, other_words, SAME_DATE_OVERLAP if alike else MIN_OVERLAP):
                sources = tuple(sorted({*other.sources, *item.sources}, key=source_order))
                kept[k] = (replace(other, sources=sources), other_words)
                break
        else:
            kept.append((item, words))
    return [i for i, _ in kept]


def test_drop_repeats_folds_each_repeat_into_the_first_kept_item() -> None:
    days = [When(dt.date(2024, 6, d), "day", "explicit") for d in (3, 3, 4)]
    items = [
        Item(text, (f"S{k % 7 + 1}",), 1.0 - k / 100, days[k % 3], f"S{k % 7 + 1}")
        for k, text in enumerate(REPORTS + REPORTS[::-1])
    ]
    kept = drop_repeats(items)
    assert kept == _sequential_drop_repeats(items)
    assert len(kept) < len(REPORTS)


def test_one_event_at_three_precisions_is_told_once_in_its_most_precise_words() -> None:
    week = When(dt.date(2025, 3, 13), "month", "relative", "next week")
    wednesday = When(dt.date(2025, 3, 12), "day", "relative", "Wednesday")
    explicit = When(dt.date(2025, 3, 12), "day", "explicit", "12 March")
    year = When(dt.date(2025, 1, 1), "year", "explicit", "2025")
    ahead = Item(
        "The Halden parliament will vote next week on restoring the fuel rebate for the "
        "inshore fishing fleet.",
        ("S1",), 0.9, week, "S1",
    )  # fmt: skip
    weekday = Item(
        "The Halden parliament voted on Wednesday to restore the fuel rebate for the inshore "
        "fishing fleet.",
        ("S3",), 0.7, wednesday, "S3",
    )  # fmt: skip
    dated = Item(
        "On 12 March the Halden parliament voted to restore the fuel rebate for the inshore "
        "fishing fleet by 61 votes to 40.",
        ("S2",), 0.6, explicit, "S2",
    )  # fmt: skip
    budget = Item(
        "The rebate for the inshore fleet was first cut in the 2025 budget, the fishermen's "
        "union says.",
        ("S4",), 0.5, year, "S4",
    )  # fmt: skip

    kept = drop_repeats([ahead, weekday, dated, budget])

    # the vote is one line, dated to the day, citing all three reports of it
    assert [i.when.iso() for i in kept if i.when] == ["2025-03-12", "2025"]
    assert kept[0].text == weekday.text
    assert kept[0].sources == ("S1", "S2", "S3")
    # a year is too wide to hold the vote: the same words in 2025 are not folded into it
    assert kept[1].text == budget.text


def test_a_report_date_does_not_hold_an_event_of_its_month() -> None:
    reported = When(dt.date(2025, 3, 14), "day", "published")
    month = When(dt.date(2025, 3, 1), "month", "explicit", "March")
    first = Item(PARAPHRASES[1][0], ("S1",), 0.9, month, "S1")
    second = Item(PARAPHRASES[1][1], ("S2",), 0.5, reported, "S2")
    kept = drop_repeats([first, second])
    # still one fact (the words say so), but the month's wording is not traded for a report date
    assert [i.text for i in kept] == [first.text]


def test_short_wordings_of_one_scheduled_event_fold_into_one_line() -> None:
    week = When(dt.date(2025, 3, 13), "month", "relative", "next week")
    wednesday = When(dt.date(2025, 3, 12), "day", "relative", "Wednesday")
    explicit = When(dt.date(2025, 3, 12), "day", "explicit", "12 March")
    backing = Item(
        "The restoration still needs the backing of the Regional Assembly, which is expected "
        "to vote on 12 March.",
        ("S3",), 0.9, explicit, "S3",
    )  # fmt: skip
    ahead = Item(
        "The assembly is expected to vote on the plan next week.", ("S1",), 0.6, week, "S1"
    )
    full = Item(
        "The full assembly is expected to vote on Wednesday.", ("S4",), 0.5, wednesday, "S4"
    )
    mayor = Item(
        "The city council will elect a new mayor on Wednesday.", ("S2",), 0.4, wednesday, "S2"
    )
    # too few shared words for drop_repeats once the dates are set aside
    assert len(drop_repeats([backing, ahead, full, mayor])) == 4
    kept = fold_same_event([backing, ahead, full, mayor])
    assert [i.text for i in kept] == [backing.text, mayor.text]  # another event that day stays
    assert kept[0].sources == ("S1", "S3", "S4")


def test_one_event_folds_only_with_wordings_dated_alike() -> None:
    text = "The full assembly is expected to vote on the restoration plan {}."
    march = When(dt.date(2025, 3, 1), "month", "explicit", "March")
    april = When(dt.date(2025, 4, 1), "month", "explicit", "April")
    year = When(dt.date(2025, 1, 1), "year", "explicit", "2025")
    day = When(dt.date(2025, 3, 12), "day", "explicit", "12 March")
    items = [
        Item(text.format("this year"), ("S1",), 0.9, year, "S1"),
        Item(text.format("in April"), ("S2",), 0.8, april, "S2"),
        Item(text.format("in March"), ("S3",), 0.7, march, "S3"),
        Item(text.format("on 12 March"), ("S4",), 0.6, day, "S4"),
        Item(text.format("in March"), ("S5",), 0.5, march, "S5"),
    ]
    kept = fold_same_event(items)
    # a year or another month is not the same date; the day folds into its month and its
    # finer wording stays, and a later March wording still finds it
    assert [i.text for i in kept] == [items[0].text, items[1].text, items[3].text]
    assert kept[2].sources == ("S3", "S4", "S5")


def test_month_names_and_times_of_day_are_set_aside_in_their_stemmed_form() -> None:
    january = When(dt.date(2026, 1, 1), "month", "explicit", "January")
    day = When(dt.date(2026, 1, 14), "day", "explicit", "14 January")
    plan = Item("The assembly will vote on the port plan in January.", ("S1",), 0.9, january, "S1")
    morning = Item(
        "On the morning of 14 January the assembly will vote on the port plan.",
        ("S2",), 0.5, day, "S2",
    )  # fmt: skip
    # "januari" and "morn" (the stems) say only when: the words left are the same event
    assert undated_words(plan) == undated_words(morning) == content_words("assembly vote port plan")
    assert [i.sources for i in fold_same_event([plan, morning])] == [("S1", "S2")]


def test_nothing_to_drop_or_fold_gives_nothing() -> None:
    assert drop_repeats([]) == []
    assert fold_same_event([]) == []


def test_a_source_telling_a_fact_twice_counts_once_among_its_reporters() -> None:
    told = [
        ("S1", "The ferry strike at the port of Vesterhavn continued on Tuesday."),
        ("S1", "The strike at Vesterhavn port went on into Tuesday, the ferry operator said."),
        ("S2", "The ferry strike at Vesterhavn port continued into Tuesday."),
        ("S3", "Harbour fees in Halden rise next spring, the council said."),
    ]
    index = FactIndex([Sentence(sid, k, 0, text) for k, (sid, text) in enumerate(told)])
    assert index.same_as(index.sentences[0]) == [0, 1, 2]
    assert [index.reporter_count(s) for s in index.sentences] == [2, 2, 2, 1]
    assert [len(index.reporters(s)) for s in index.sentences] == [2, 2, 2, 1]


@settings(max_examples=400, deadline=None)
@given(
    st.frozensets(st.sampled_from("abcdefghijklmnop"), max_size=14),
    st.frozensets(st.sampled_from("abcdefghijklmnop"), max_size=14),
    st.sampled_from([MIN_OVERLAP, SAME_DATE_OVERLAP]),
)
def test_shared_counts_decide_as_the_sets_do(
    a: frozenset[str], b: frozenset[str], overlap: float
) -> None:
    # what "why it matters" asks with the words it counted, against the sets and against the
    # pairwise form the similarity join uses
    expected = same_fact(a, b, overlap)
    if a and b:
        assert shares_fact(len(a & b), len(a), len(b), overlap) == expected
    sizes = (np.array([len(a)]), np.array([len(b)]), np.array([len(a & b)]))
    assert bool(same_facts(*sizes, overlap)[0]) == expected
