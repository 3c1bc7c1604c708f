"""Dating news sentences: explicit dates, relative dates, traps, and the publication fallback."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.dating import DateMention, date_sentence, find_dates
from briefer.models import When

MON = dt.date(2019, 12, 23)  # a Monday
SAT = dt.date(2020, 1, 4)  # a Saturday
FRI = dt.date(2021, 3, 12)  # a Friday
WED = dt.date(2022, 6, 15)  # a Wednesday
DEC30 = dt.date(2019, 12, 30)

# (sentence, publication date, expected "iso precision basis" or None)
Case = tuple[str, dt.date | None, str | None]

# fmt: off
EXPLICIT: list[Case] = [
    ("Defence officials said on Friday (Dec 20, 2019) that training would resume.", MON,
     "2019-12-20 day explicit"),
    ("The accord was signed on Dec. 20, 2019, in Geneva.", MON, "2019-12-20 day explicit"),
    ("Talks collapsed on December 20, 2019, after a walkout.", MON,
     "2019-12-20 day explicit"),
    ("Talks collapsed on December 20th 2019 after a walkout.", MON,
     "2019-12-20 day explicit"),
    ("The ceasefire took hold on 20 December 2019 across the valley.", MON,
     "2019-12-20 day explicit"),
    ("The order was issued on 20 December, 2019, a week before the deadline.", MON,
     "2019-12-20 day explicit"),
    ("By Staff Reporter      23 December, 2019 04:12 PM      0 Comments", MON,
     "2019-12-23 day explicit"),
    ("Web Desk 04th Jan, 2020. 12:48 pm", SAT, "2020-01-04 day explicit"),
    ("The cabinet met on Thursday, January 9, 2020, to review the plan.", SAT,
     "2020-01-09 day explicit"),
    ("KABUL, DECEMBER 20, 2019 - Negotiators returned to the table.", MON,
     "2019-12-20 day explicit"),
    ("The filing, dated 2019-12-20, was made public on Monday.", MON,
     "2019-12-20 day explicit"),
    ("The notice dated 20/12/2019 lists 14 names.", MON, "2019-12-20 day explicit"),
    ("A memo dated 12/20/2019 was circulated to embassies.", MON,
     "2019-12-20 day explicit"),
    ("The court sat on 20.12.2019 and again in the spring.", MON,
     "2019-12-20 day explicit"),
    ("The programme had been frozen in August 2018, weeks after the talks failed.", MON,
     "2018-08 month explicit"),
    ("Congress cut the funding in Aug. 2018 without a floor vote.", MON,
     "2018-08 month explicit"),
    ("The freeze announced in January 2018 still allows narrow exceptions.", MON,
     "2018-01 month explicit"),
    ("The country was dropped from the exchange scheme in August 2018.", SAT,
     "2018-08 month explicit"),
    ("The new rules took effect in mid-December 2019.", SAT, "2019-12 month explicit"),
    ("Thousands were evacuated in 2018 when the river burst its banks.", SAT,
     "2018 year explicit"),
    ("The country has been barred from the scheme since 2015.", SAT,
     "2015 year explicit"),
    ("The 2018 decision to halt aid was criticised by lawmakers.", SAT,
     "2018 year explicit"),
    ("Trumps 2018 decision to cut the aid allows narrow exceptions, a spokeswoman said.", SAT,
     "2018 year explicit"),
    ("The slots set aside in 2018 for visiting officers were cancelled.", SAT,
     "2018 year explicit"),
    ("Construction stalled in mid-2018 amid funding disputes.", SAT, "2018 year explicit"),
    ("2018's floods destroyed the harvest.", SAT, "2018 year explicit"),
    ("Trade fell in the first quarter of 2021, the agency said.", WED,
     "2021 year explicit"),
    ("He served as envoy between 2009 and 2012.", WED, "2009 year explicit"),
    ("Bilateral ties have worsened after the September 11 attacks.", WED,
     "2001-09-11 day explicit"),
]

CHOICE: list[Case] = [
    # an event date beats a background date ("since ...") even when the latter is explicit
    ("Aid has been frozen since 2015, and on Friday the State Department lifted part of it.",
     MON, "2019-12-20 day relative"),
    ("Since January 2018 the embassy has issued no visas, but it reopened on 2 December 2019.",
     MON, "2019-12-02 day explicit"),
    # the date of a statement gives way to the date of the event it reports
    ("In August 2018 the programme was suspended, a spokesman said on Friday.", MON,
     "2018-08 month explicit"),
    ("He said on Friday the vote will take place on Monday.", SAT,
     "2020-01-06 day relative"),
    # a lone background date is still the sentence's date
    ("The suspension imposed in January 2018 permitted narrow exceptions.", MON,
     "2018-01 month explicit"),
    # more precise wins within the same role
    ("The talks that began in 2017 ended on Dec. 20, 2019.", MON,
     "2019-12-20 day explicit"),
    ("The filing, dated 2019-12-20, was made public on Monday.", MON,
     "2019-12-20 day explicit"),
]

TRAPS: list[Case] = [
    ("The army deployed 2000 troops to the border region.", SAT, "2020-01-04 day published"),
    ("The 2000 soldiers were flown home.", SAT, "2020-01-04 day published"),
    ("Around 2 billion USD in assistance was withheld.", SAT, "2020-01-04 day published"),
    ("The blast killed 40 Indian paramilitary troops.", SAT, "2020-01-04 day published"),
    ("It cancelled 66 slots reserved for foreign officers.", SAT,
     "2020-01-04 day published"),
    ("The briefing started at 12:48 pm local time.", SAT, "2020-01-04 day published"),
    ("The minister may resign if the vote fails.", SAT, "2020-01-04 day published"),
    ("May we expect a deal, reporters asked.", SAT, "2020-01-04 day published"),
    ("Organisers said the march would go ahead despite the ban.", SAT,
     "2020-01-04 day published"),
    ("March organisers expect a large turnout.", SAT, "2020-01-04 day published"),
    ("A spokesman told the Sun newspaper the plan was dead.", SAT,
     "2020-01-04 day published"),
    ("Both sides cited the Good Friday Agreement.", SAT, "2020-01-04 day published"),
    ("She told the Sunday Times that talks had stalled.", SAT,
     "2020-01-04 day published"),
    ("An interview in the Mail on Sunday angered the palace.", SAT,
     "2020-01-04 day published"),
    ("The story was first reported by USA Today.", SAT, "2020-01-04 day published"),
    ("Prices rose by 2000 rupees per tonne.", SAT, "2020-01-04 day published"),
    ("A crowd of 2019 supporters gathered outside.", SAT, "2020-01-04 day published"),
    ("Rescuers counted a total of 1999 survivors.", SAT, "2020-01-04 day published"),
    ("Theresa May met the envoy in London.", SAT, "2020-01-04 day published"),
    ("Flight 2018 landed safely in Lahore.", SAT, "2020-01-04 day published"),
    ("Officials cited Section 1951 of the criminal code.", SAT,
     "2020-01-04 day published"),
    ("Estimates ranged from 2000 to 3000 displaced families.", SAT,
     "2020-01-04 day published"),
    ("The gallery shows work by Jan Kowalski and Mar Vidal.", SAT,
     "2020-01-04 day published"),
    ("The letter dated 05/06/2019 lists the names.", SAT, "2020-01-04 day published"),
    ("Protests take place on Fridays across the country.", SAT,
     "2020-01-04 day published"),
    ("The ministry approved the renewal of the programme.", SAT,
     "2020-01-04 day published"),
    ("The ministry approved the renewal of the programme.", None, None),
    ("Nothing here is dated.", None, None),
]

# Dates without a year whose clause points past the publication date.
POINTING: list[Case] = [
    ("Judge Amara adjourned the case until February 3.", dt.date(2025, 1, 20),
     "2025-02-03 day relative"),
    ("The hearing was postponed to March 14 after the lawyer fell ill.", dt.date(2025, 3, 2),
     "2025-03-14 day relative"),
    ("The levy was due to start on July 1 this year.", dt.date(2025, 2, 17),
     "2025-07-01 day relative"),
    ("If the council agrees, the first grants would be paid in April.", dt.date(2025, 3, 11),
     "2025-04 month relative"),
    ('"Unless we act, the rules apply in July whether or not the depots exist," she said.',
     dt.date(2025, 2, 20), "2025-07 month relative"),
    ("The depot stays shut until a review reports, which the board expects by the end of June.",
     dt.date(2025, 3, 4), "2025-06 month relative"),
    ("The council met on March 2 this year to discuss the budget.", dt.date(2025, 6, 1),
     "2025-03-02 day relative"),
]

RELATIVE: list[Case] = [
    # weekdays: on or before publication in the past tense, the same day included
    ("The minister resigned on Friday.", MON, "2019-12-20 day relative"),
    ("The minister resigned Friday after a week of protests.", MON,
     "2019-12-20 day relative"),
    ("Officials confirmed the deal last Friday.", MON, "2019-12-20 day relative"),
    ("Protesters gathered outside parliament on Monday.", MON, "2019-12-23 day relative"),
    ("Protesters gathered outside parliament last Monday.", MON,
     "2019-12-16 day relative"),
    ("Sunday's rally drew thousands.", MON, "2019-12-22 day relative"),
    ("A march on Sunday drew thousands of people.", MON, "2019-12-22 day relative"),
    ("The central bank raised rates on Friday.", FRI, "2021-03-12 day relative"),
    ("The central bank raised rates last Friday.", FRI, "2021-03-05 day relative"),
    # weekdays in the future tense: on or after publication
    ("Parliament will vote on the bill on Wednesday.", MON, "2019-12-25 day relative"),
    ("The committee is expected to meet on Monday.", SAT, "2020-01-06 day relative"),
    ("The hearing, scheduled for Thursday, drew a large crowd.", SAT,
     "2020-01-09 day relative"),
    ("On Tuesday, the assembly will debate the budget.", SAT, "2020-01-07 day relative"),
    ("The bank will decide on Friday.", FRI, "2021-03-12 day relative"),
    ("The bank will decide next Friday.", FRI, "2021-03-19 day relative"),
    ("Officials will travel to Kabul, a spokesman said on Tuesday.", SAT,
     "2019-12-31 day relative"),
    # days
    ("The rebels withdrew yesterday.", SAT, "2020-01-03 day relative"),
    ("Talks resumed today in Doha.", SAT, "2020-01-04 day relative"),
    ("Shelling was heard this morning near the airport.", SAT, "2020-01-04 day relative"),
    ("Two rockets hit the base last night.", SAT, "2020-01-03 day relative"),
    ("The two sides met the day before yesterday.", SAT, "2020-01-02 day relative"),
    ("The delegation arrived two days ago.", SAT, "2020-01-02 day relative"),
    ("The delegation arrived 10 days ago.", SAT, "2019-12-25 day relative"),
    ("Aid workers reached the village over the weekend.", MON,
     "2019-12-21 day relative"),
    # spans: weeks, months and years
    ("The talks collapsed last week.", SAT, "2019-12 month relative"),
    ("The talks collapsed last week.", dt.date(2020, 2, 3), "2020-01 month relative"),
    ("The strike began three weeks ago.", SAT, "2019-12 month relative"),
    ("The envoy will return next week.", SAT, "2020-01 month relative"),
    ("Exports fell last month.", SAT, "2019-12 month relative"),
    ("Earlier this month the regulator fined two banks.", SAT, "2020-01 month relative"),
    ("The currency lost a fifth of its value six months ago.", SAT,
     "2019-07 month relative"),
    ("Exports fell last year.", SAT, "2019 year relative"),
    ("Inflation has risen this year.", SAT, "2020 year relative"),
    ("The agency lost contact with the probe a year ago.", SAT, "2019 year relative"),
    ("Elections are due next year.", SAT, "2021 year relative"),
    # dates without a year: the year comes from the publication date and the tense
    ("The deal was signed on Dec. 20.", SAT, "2019-12-20 day relative"),
    ("The deal was signed on 20 December.", SAT, "2019-12-20 day relative"),
    ("The law took effect on Jan. 2.", DEC30, "2019-01-02 day relative"),
    ("The law takes effect on Jan. 2.", DEC30, "2020-01-02 day relative"),
    ("The vote will be held on Jan. 9.", DEC30, "2020-01-09 day relative"),
    ("Fighting flared again in early January.", SAT, "2020-01 month relative"),
    ("The border was closed in December.", SAT, "2019-12 month relative"),
    ("The summit is scheduled for March.", SAT, "2020-03 month relative"),
    ("Theresa May resigned in May.", SAT, "2019-05 month relative"),
    ("The troops left last December.", MON, "2018-12 month relative"),
    # a date after "since" is past even in a future clause
    ("The envoy will make a third visit since the Oct. 20 attack.", DEC30,
     "2019-10-20 day relative"),
    # without a publication date, relative phrases mean nothing
    ("The minister resigned on Friday.", None, None),
    ("The talks collapsed last week.", None, None),
    ("The deal was signed on Dec. 20.", None, None),
    ("The accord was signed on Dec. 20, 2019.", None, "2019-12-20 day explicit"),
    # a timeline's year label, and a count that only looks like one
    ("1953: A North Sea storm flood kills 1,836 people.", SAT, "1953 year explicit"),
    ("- 1997 – The Delta Works are completed.", SAT, "1997 year explicit"),
    ("2000 troops were sent to guard the coast.", SAT, "2020-01-04 day published"),
]
# fmt: on


def _table(cases: list[Case]) -> list[object]:
    return [pytest.param(text, pub, want, id=f"{text[:50]}|{pub}") for text, pub, want in cases]


@pytest.mark.parametrize(
    ("text", "published", "expected"), _table(EXPLICIT + CHOICE + TRAPS + POINTING + RELATIVE)
)
def test_date_sentence(text: str, published: dt.date | None, expected: str | None) -> None:
    when = date_sentence(text, published)
    got = None if when is None else f"{when.iso()} {when.precision} {when.basis}"
    assert got == expected, when


def test_the_table_is_large_enough() -> None:
    assert len(EXPLICIT + CHOICE + TRAPS + RELATIVE) >= 60


def test_an_explicit_date_keeps_its_weekday_and_span() -> None:
    text = "US officials said on Friday (Dec 20, 2019) that the programme resumes."
    [mention] = find_dates(text, MON)
    assert mention.when == When(dt.date(2019, 12, 20), "day", "explicit", "Friday (Dec 20, 2019")
    assert text[mention.start : mention.end] == mention.when.phrase


def test_mentions_come_in_text_order_with_their_own_tense() -> None:
    text = "He said on Friday the vote will take place on Monday, not in 2019."
    mentions = find_dates(text, SAT)
    assert [m.when.iso() for m in mentions] == ["2020-01-03", "2020-01-06", "2019"]
    assert [text[m.start : m.end] for m in mentions] == ["Friday", "Monday", "2019"]


def test_a_date_without_year_is_marked_relative() -> None:
    [mention] = find_dates("Voting ended on 20 December amid clashes.", SAT)
    assert mention.when.basis == "relative"
    assert mention.when.date == dt.date(2019, 12, 20)


def test_relative_phrases_need_a_publication_date() -> None:
    text = "Yesterday the rebels withdrew; last week they had advanced, and on Friday they met."
    assert find_dates(text, None) == []
    assert len(find_dates(text, SAT)) == 3


def test_a_sentence_without_a_date_is_dated_by_its_source() -> None:
    assert date_sentence("The ministry approved the renewal.", SAT) == When(
        SAT, "day", "published", None
    )


def test_last_week_never_claims_a_day() -> None:
    for day in range(1, 29):
        published = dt.date(2021, 2, day)
        when = date_sentence("The envoy resigned last week.", published)
        assert when is not None and when.precision == "month"
        assert published - dt.timedelta(days=13) <= when.date < published


# --- properties ----------------------------------------------------------------------------

# fmt: off
PAST_FRAGMENTS = [
    "officials said", "the minister resigned", "on Friday", "Monday", "last Sunday",
    "yesterday", "today", "this morning", "last night", "last week", "last month", "last year",
    "two days ago", "three weeks ago", "a year ago", "earlier this month", "this week",
    "this year", "on Dec. 20", "on 3 March", "in early January", "in May", "since June",
    "last December", "over the weekend", "this Friday", "(Dec 20, 2019)", "in August 2018",
    "2000 troops", "the march", "he may", ",", ";", "and", "the", "said on Wednesday",
    "had been suspended", "in 2018", "Saturday's vote", "the day before yesterday",
]
# fmt: on
PUBLISHED = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), published=st.none() | st.dates())
def test_arbitrary_text_never_breaks_dating(text: str, published: dt.date | None) -> None:
    mentions = find_dates(text, published)
    previous_end = 0
    for mention in mentions:
        assert isinstance(mention, DateMention)
        assert previous_end <= mention.start < mention.end <= len(text)
        previous_end = mention.end
    when = date_sentence(text, published)
    assert when is not None or published is None


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(PAST_FRAGMENTS), min_size=1, max_size=12),
    published=PUBLISHED,
)
def test_past_tense_text_never_dates_after_publication(
    words: list[str], published: dt.date
) -> None:
    text = " ".join(["Officials said", *words]) + "."
    for mention in find_dates(text, published):
        if mention.when.basis == "relative":
            assert mention.when.date <= published, (text, mention)
    when = date_sentence(text, published)
    assert when is not None
    assert when.basis == "explicit" or when.date <= published


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(1950, 2080),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    published=PUBLISHED,
)
def test_written_out_dates_are_read_exactly(
    year: int, month: int, day: int, published: dt.date
) -> None:
    date = dt.date(year, month, day)
    short = f"{date:%b}." if month != 5 else "May"  # AP style: "Dec. 20", but "May 20"
    for form in (f"{date:%B} {day}, {year}", f"{day} {date:%B} {year}", f"{short} {day}, {year}"):
        when = date_sentence(f"The agreement was signed on {form} in the capital.", published)
        assert when == When(date, "day", "explicit", form)


# fmt: off
# (sentence, publication date, anchor from the previous sentence, expected "iso phrase" list)
ANCHORED: list[tuple[str, dt.date, dt.date | None, list[str]]] = [
    (
        "The rig exploded on April 20, 2010, and sank two days later.",
        dt.date(2010, 5, 3),
        None,
        ["2010-04-20 April 20, 2010", "2010-04-22 two days later"],
    ),
    (
        "He was arrested on 3 May and charged the day after.",
        dt.date(2010, 5, 9),
        None,
        ["2010-05-03 3 May", "2010-05-04 the day after"],
    ),
    (
        "A day earlier, the company's chief had put the odds at 60%.",
        dt.date(2010, 5, 25),
        dt.date(2010, 5, 24),
        ["2010-05-23 A day earlier"],
    ),
    (
        "The next day, divers found the second valve.",
        FRI,
        dt.date(2021, 3, 9),
        ["2021-03-10 The next day"],
    ),
    (
        "A week later, inspectors raised the estimate fivefold.",
        FRI,
        dt.date(2021, 2, 26),
        ["2021-03-05 A week later"],
    ),
    # a month later is a month, not a made-up day
    ("A month later the ban was lifted.", FRI, dt.date(2021, 1, 20), ["2021-02 A month later"]),
    # the nearest day in the sentence is the anchor, not the previous sentence's
    (
        "Talks opened on Monday and ended three days later.",
        FRI,
        dt.date(2021, 2, 1),
        ["2021-03-08 Monday", "2021-03-11 three days later"],
    ),
]
# fmt: on


@pytest.mark.parametrize(("text", "published", "anchor", "expected"), ANCHORED)
def test_a_shift_from_a_clear_anchor_is_resolved_from_it(
    text: str, published: dt.date, anchor: dt.date | None, expected: list[str]
) -> None:
    found = find_dates(text, published, anchor)
    assert [f"{m.when.iso()} {m.when.phrase}" for m in found] == expected
    assert all(m.when.basis in ("explicit", "relative") for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Two days later the rig sank.",  # no anchor: left out, not counted from publication
        "Three days after the explosion, workers raised concerns.",  # anchored to an event
        "We know the next days will bring more rain.",
        "Over the next few days the company will try again.",
        "The vote is set for the day after the holiday.",
    ],
)
def test_a_shift_without_a_clear_anchor_gives_no_date(text: str) -> None:
    anchor = None if text.startswith("Two") else dt.date(2021, 3, 1)
    assert find_dates(text, FRI, anchor) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a date naming a known event is the nearest one, whatever modal verb is near it
        (
            "Shares fell on fears the seepage could signal that the April 20 blowout of the "
            "well might have damaged it.",
            dt.date(2010, 7, 19),
            "2010-04-20",
        ),
        ("Talks are under way ahead of the March 12 vote.", dt.date(2025, 3, 5), "2025-03-12"),
        ("The assembly could vote on March 12 at the earliest.", dt.date(2025, 3, 5), "2025-03-12"),
    ],
)
def test_a_date_used_as_the_name_of_an_event_is_the_nearest_one(
    text: str, published: dt.date, expected: str
) -> None:
    [mention] = find_dates(text, published)
    assert mention.when.iso() == expected
