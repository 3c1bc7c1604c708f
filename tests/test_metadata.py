"""Header metadata: bylines, date lines and headlines of invented scraped pages."""

from __future__ import annotations

import datetime as dt

import pytest

from briefer.metadata import extract_metadata, find_dates, find_header, is_date_only, parse_byline

TODAY = dt.date(2024, 6, 1)


@pytest.mark.parametrize(
    ("line", "author", "outlet", "date"),
    [
        ("By Jane Doe | Reuters | Updated: 12 March 2021 09:14 IST", "Jane Doe", None,
         dt.date(2021, 3, 12)),
        ("Jane Doe, Staff Writer", "Jane Doe", None, None),
        ("Komal NadeemSenior Reporter", "Komal Nadeem", None, None),
        ("Tariq AzizWeb Editor", "Tariq Aziz", None, None),
        ("By JANE DOE and JOHN ROE Associated Press", "Jane Doe and John Roe", None, None),
        ("Author: Meera Iyer", "Meera Iyer", None, None),
        ("Posted on March 12, 2021 by Jane Doe", "Jane Doe", None, dt.date(2021, 3, 12)),
        ("By Harbour Legal News Network      9 October, 2020 11:05 AM      0 Comments", None,
         "Harbour Legal News Network", dt.date(2020, 10, 9)),
        ("By Eric Song, Gamebox Staff", "Eric Song", "Gamebox", None),
        ("Jane Doe | March 12, 2021 at 9:14 a.m. EST", "Jane Doe", None, dt.date(2021, 3, 12)),
    ],
)
def test_bylines(line: str, author: str | None, outlet: str | None, date: dt.date | None) -> None:
    byline = parse_byline(line, today=TODAY)
    assert byline is not None
    assert (byline.author, byline.outlet, byline.date) == (author, outlet, date)


def test_wire_agencies_are_not_authors() -> None:
    byline = parse_byline("By Jane Doe, Reuters", today=TODAY)
    assert byline is not None
    assert (byline.author, byline.agency) == ("Jane Doe", "Reuters")
    only_agency = parse_byline("By PTI", today=TODAY)
    assert only_agency is not None
    assert only_agency.author is None


@pytest.mark.parametrize(
    "line",
    [
        "The minister said on Monday that talks would resume.",
        "US Pakistan",
        "By the time the rescuers arrived, the water had risen above the doors.",
        "Political News Legal Corner Videos",
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert parse_byline(line, today=TODAY) is None


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("04th Jan, 2020. 12:48 pm", [dt.date(2020, 1, 4)]),
        ("23 December, 2019 04:12 PM", [dt.date(2019, 12, 23)]),
        ("Friday, January 30, 2026", [dt.date(2026, 1, 30)]),
        ("March 12, 2021 at 9:14 a.m. EST", [dt.date(2021, 3, 12)]),
        ("Sept. 4, 2019 and 2019-10-01", [dt.date(2019, 9, 4), dt.date(2019, 10, 1)]),
        ("12.03.2021", [dt.date(2021, 3, 12)]),
        ("in August 2018 and last year", []),
        ("31 February 2020", []),
        ("Last Updated On 12 June,2024 08:45 pm", [dt.date(2024, 6, 12)]),  # no space
        ("June 12,2024", [dt.date(2024, 6, 12)]),
    ],
)
def test_find_dates(text: str, dates: list[dt.date]) -> None:
    assert [d for d, _, _ in find_dates(text)] == dates


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("04th Jan, 2020. 12:48 pm", True),
        ("Published: Friday, 12 March 2021 09:14 IST", True),
        ("Last updated: 12/03/2021", True),
        ("Published 3 hours ago", True),
        ("38.6c Lahore, Pakistan, Friday, January 30, 2026", False),
        ("The court ruled on 12 March 2021.", False),
        ("February 11, 2025 12:04 PM ET", True),
        ("2025-02-11T12:04:00Z", True),
        ("2025-02-11T12:04:00.000+01:00", True),
        (
            "Published: 12:04 PM EST, Tue February 11, 2025 | Updated: 3:15 PM EST, Tue "
            "February 11, 2025",
            True,
        ),
        ("The vote was on February 11, 2025 at noon in the town hall", False),
        ("Islamabad | Updated: 3 days ago", True),
        ("New York • March 6, 2025", True),
        ("Karachi | The city council met", False),
        ("Gold prices hit record high | 21 Jan 2026", False),
        ("Publié le 6 mars 2025 à 14h32, mis à jour le 7 mars 2025 à 09h10", True),
        ("Veröffentlicht am 6. März 2025, 14:32 Uhr", True),
        ("Actualizado el jueves, 6 de marzo de 2025", True),
        ("Pubblicato il 6 marzo 2025 alle 14:32", True),
        ("Publicado em 6 de março de 2025 às 14h32", True),
        ("Paris, le 6 mars 2025", True),  # a place and a date: a letter's date line
        ("Islamabad, March 12, 2025", True),
        ("Paris, le 6 mars 2025 — Le gouvernement a approuvé un plan", False),
        ("Le gouvernement a approuvé le 6 mars 2025 un plan", False),
    ],
)
def test_is_date_only(line: str, expected: bool) -> None:
    assert is_date_only(line) is expected


def test_header_with_top_bar_menus_and_repeated_headline() -> None:
    lines = [
        "31.2c Lahore, Pakistan, Monday, May 20, 2024",
        "Top Stories Courts",
        "National World Sports Videos",
        "",
        "Provincial Assembly Passes Water Rights Bill After Long Debate",
        "",
        "By Indus Legal News Network      14 February, 2022 06:40 PM      2 Comments",
        "Provincial Assembly Passes Water Rights Bill After Long Debate",
        "",
        "The provincial assembly passed the water rights bill on Monday after a debate that lasted "
        "three sessions and drew protests from farmers' groups outside the building.",
    ]
    header = find_header(lines, body_start=9, today=TODAY)
    meta = header.metadata
    assert meta.title == "Provincial Assembly Passes Water Rights Bill After Long Debate"
    assert meta.published == dt.date(2022, 2, 14)  # not the 2024 date of the top bar
    assert meta.author is None
    assert meta.outlet == "Indus Legal News Network"
    assert header.roles == {4: "title", 6: "byline", 7: "title"}
    assert meta.origin["published"].startswith("byline line 7")


def test_personal_author_found_at_the_end_when_the_byline_names_an_outlet() -> None:
    lines = [
        "Court Orders Release Of Detained Journalists",
        "By Indus Legal News Network 3 March, 2022 10:00 AM",
        "The high court ordered the release of two journalists on Thursday, saying their arrest "
        "had no basis in law and violated their right to a fair hearing.",
        "Author: Sana Qureshi",
        "Share this article:",
    ]
    meta = extract_metadata(lines, body_start=2, body_end=3, today=TODAY)
    assert meta.author == "Sana Qureshi"
    assert "line 4: 'Author: Sana Qureshi'" in meta.origin["author"]
    assert meta.published == dt.date(2022, 3, 3)


def test_glued_role_byline_and_date_line_under_the_headline() -> None:
    lines = [
        "Double Click 728 x 90",
        "Cabinet approves new fuel prices for the coming month",
        "",
        "Ayesha KhanStaff Reporter",
        "",
        "11th Feb, 2021. 09:30 am",
        "Double Click 160 x 600",
        "The federal cabinet on Thursday approved new fuel prices that will take effect from the "
        "first of next month, the information minister told reporters.",
        "Download Harbour News App for latest news",
    ]
    meta = extract_metadata(lines, body_start=7, body_end=8, today=TODAY)
    assert meta.title == "Cabinet approves new fuel prices for the coming month"
    assert meta.author == "Ayesha Khan"
    assert meta.published == dt.date(2021, 2, 11)
    assert meta.outlet == "Harbour News"


def test_dates_after_today_and_relative_dates_give_no_publication_date() -> None:
    lines = [
        "Stadium plans unveiled for the riverside site",
        "Published 3 hours ago",
        "Updated: 4 July 2031",
        "The city unveiled plans on Tuesday for a new stadium on the riverside site, with room "
        "for thirty thousand spectators and a new tram stop.",
    ]
    meta = extract_metadata(lines, body_start=3, today=TODAY)
    assert meta.published is None
    assert meta.title == "Stadium plans unveiled for the riverside site"


def test_wire_dateline_and_reporting_credits() -> None:
    lines = [
        "Markets",
        "Oil slips as stockpiles build up in the United States",
        "November 19, 2019 / 12:21 AM / Updated 14 hours ago",
        "Rodrigo Alves",
        "NEW YORK (Reuters) - Oil prices slipped on Tuesday after data showed a larger than "
        "expected build-up in crude stockpiles in the United States.",
        "Reporting by Rodrigo Alves; Editing by Tom Brown",
    ]
    meta = extract_metadata(lines, body_start=4, body_end=5, today=TODAY)
    assert meta.title == "Oil slips as stockpiles build up in the United States"
    assert meta.author == "Rodrigo Alves"
    assert meta.outlet == "Reuters"
    assert meta.published == dt.date(2019, 11, 19)


def test_site_name_after_the_headline_becomes_the_outlet() -> None:
    lines = [
        "Harbour bridge to close for six weeks of repairs | The Bay Courier",
        "The harbour bridge will close to traffic for six weeks from next month while engineers "
        "replace the cables, the transport department said.",
    ]
    meta = extract_metadata(lines, body_start=1, today=TODAY)
    assert meta.title == "Harbour bridge to close for six weeks of repairs"
    assert meta.outlet == "The Bay Courier"


def test_standfirst_under_the_headline_is_not_the_title() -> None:
    lines = [
        "Policy",
        "Ferry fares frozen for island residents",
        "",
        "Operators say the freeze will cost them money unless the ministry raises the subsidy "
        "next year",
        "",
        "Published: 6 March 2023, 09:12",
        "The transport ministry froze ferry fares for island residents on Thursday, a week after "
        "operators had asked for a rise of eight per cent.",
    ]
    meta = extract_metadata(lines, body_start=6, today=TODAY)
    assert meta.title == "Ferry fares frozen for island residents"
    assert meta.published == dt.date(2023, 3, 6)


def test_a_standfirst_barely_longer_than_the_headline_is_not_the_title() -> None:
    """The headline, a sentence-case standfirst only a little longer, two authors and a
    "Published … | Updated …" line with a clock time before the date."""
    lines = [
        "The Riverside Herald",
        "Politics",
        "Council approves Eastgate bridge repairs after months of delay",
        "Work on the 1960s crossing will start in April and close one lane for six weeks",
        "By Hannah Okafor and Luis Mendes",
        "Published: 12:04 PM EST, Tue February 11, 2025 | Updated: 3:15 PM EST, Wed February 12, "
        "2025",
        "The Riverside city council voted 7-2 on Monday to fund emergency repairs to the Eastgate "
        "bridge, ending a dispute that had left the crossing under a weight limit since October.",
    ]
    meta = extract_metadata(lines, body_start=6, today=dt.date(2025, 3, 1))
    assert meta.title == "Council approves Eastgate bridge repairs after months of delay"
    assert meta.author == "Hannah Okafor and Luis Mendes"
    assert meta.published == dt.date(2025, 2, 11)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Jan Visser in Amsterdam", "Jan Visser"),
        ("Helena Smith in Athens and Jon Henley in Paris", "Helena Smith and Jon Henley"),
        ("Julian Borger in New York", "Julian Borger"),
    ],
)
def test_a_byline_naming_where_it_was_written_from(byline: str, author: str) -> None:
    """The Guardian's byline: names without "By", each with the city it was written in."""
    lines = [
        "Flood defences",
        "Dutch dike upgrade to cost €1.2bn as sea level forecasts rise",
        "Government brings forward work on 40km of coastal defences after new climate "
        "projections",
        byline,
        "Thu 6 Mar 2025 14.32 GMT",
        "The Dutch government will spend €1.2bn strengthening 40km of coastal dikes over the "
        "next decade, bringing forward work that had been planned for the 2040s.",
    ]
    meta = extract_metadata(lines, body_start=5, today=dt.date(2025, 3, 10))
    assert meta.title == "Dutch dike upgrade to cost €1.2bn as sea level forecasts rise"
    assert meta.author == author
    assert meta.published == dt.date(2025, 3, 6)


def test_outlet_named_in_the_dateline() -> None:
    lines = [
        "Ministers back delay to bottle deposit scheme",
        "By Anna Berg",
        "OSLO, Feb 17 (Nordic Wire Service) - Ministers on Monday backed a one-year delay to the "
        "bottle deposit scheme, siding with retailers.",
    ]
    meta = extract_metadata(lines, body_start=2, today=TODAY)
    assert meta.outlet == "Nordic Wire Service"
    assert meta.author == "Anna Berg"


# --- more outlets' bylines (invented people and outlets) -----------------------------------

RUN = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("line", "author", "outlet", "agency", "date"),
    [
        # spans set side by side and copied without spaces
        ("By Ingrid HolmNRB News, Nordfylke2 March 2025", "Ingrid Holm", None, None,
         dt.date(2025, 3, 2)),
        ("By Aditi Rao / Express News Service", "Aditi Rao", "Express News Service", None, None),
        ("By THE ASSOCIATED PRESS", None, None, "Associated Press", None),
        ("By Sam Ward @samward_news", "Sam Ward", None, None, None),
        ("Published 3 hours ago | By Nina Petrova", "Nina Petrova", None, None, None),
        ("Updated 12 March 2025 | By Nina Petrova", "Nina Petrova", None, None,
         dt.date(2025, 3, 12)),
        ("Written by Tom Becker · Feb 3, 2025", "Tom Becker", None, None, dt.date(2025, 2, 3)),
        ("By Emma Clarke and Joe Hunt, BBC News", "Emma Clarke and Joe Hunt", "BBC News", None,
         None),
        ("Reported by Sana Javed | Edited by Omar Farooq", "Sana Javed", None, None, None),
        ("By Jan Novak Jan 8, 2025", "Jan Novak", None, None, dt.date(2025, 1, 8)),
        ("BY ANNA KROGH, SENIOR REPORTER", "Anna Krogh", None, None, None),
        ("By Lena Fischer - 12 Mar 2025", "Lena Fischer", None, None, dt.date(2025, 3, 12)),
        ("By Chris O'Neill and Mary-Kate Dunne", "Chris O'Neill and Mary-Kate Dunne", None,
         None, None),
        # a date after the run date is never the article's
        ("By Ole Brekke | 4 March 2026, 18:41", "Ole Brekke", None, None, None),
    ],
)
def test_bylines_of_more_outlets(
    line: str, author: str | None, outlet: str | None, agency: str | None, date: dt.date | None
) -> None:
    byline = parse_byline(line, today=RUN)

    assert byline is not None
    assert (byline.author, byline.outlet, byline.agency, byline.date) == (
        author, outlet, agency, date
    )


@pytest.mark.parametrize(
    "line",
    ["Home | By the sea | Weather", "Sport · By Jove, what a win", "Stand by Me (1986)"],
)
def test_by_inside_a_menu_or_title_is_not_a_byline(line: str) -> None:
    assert parse_byline(line, today=RUN) is None


def test_glued_broadcaster_byline_gives_author_and_date() -> None:
    lines = [
        "NRB News TV Radio Weather Sport",
        "Home Local National World Climate",
        "",
        "Road to fishing village closed after landslide",
        "",
        "By Ingrid HolmNRB News, Nordfylke2 March 2025",
        "",
        "Watch: Aerial footage shows the slide",
        "",
        "The only road into the fishing village of Kvalvik has been closed after a landslide buried a 40-metre stretch of the county road early on Sunday.",  # noqa: E501
    ]
    meta = find_header(lines, body_start=9, today=RUN).metadata

    assert meta.title == "Road to fishing village closed after landslide"
    assert meta.author == "Ingrid Holm"
    assert meta.published == dt.date(2025, 3, 2)


def test_an_updated_line_dates_the_story_when_nothing_else_does() -> None:
    lines = [
        "Coastal states agree to cut mackerel quota by 12 percent",
        "",
        "By Lars Eide",
        "",
        "Updated 29 January 2025 14:02 GMT · 3 min read",
        "",
        "BERGEN, Jan 29 (NCNA) - Four coastal states agreed on Wednesday to cut next year's mackerel quota by 12 percent, following scientific advice.",  # noqa: E501
        "",
        "Trending: Storm warning for the weekend · 31 May 2025",
    ]
    header = find_header(lines, body_start=6, body_end=7, today=RUN)

    assert header.metadata.published == dt.date(2025, 1, 29)
    assert header.metadata.origin["published"].startswith("date line 5")


def test_a_press_release_date_line_dates_it() -> None:
    lines = [
        "Ministry confirms new checks on inshore fuel rebate claims",
        "",
        "Press release, 4 March 2025",
        "",
        "The Halden Ministry of Fisheries today confirmed that every claim under the restored rebate will be checked against satellite data.",  # noqa: E501
    ]
    meta = find_header(lines, body_start=4, today=RUN).metadata

    assert meta.title == "Ministry confirms new checks on inshore fuel rebate claims"
    assert meta.published == dt.date(2025, 3, 4)


def test_a_date_line_led_by_the_place_gives_the_date() -> None:
    lines = [
        "Textile exports rise 12% as new trade deal takes effect",
        "Written by: Ayesha Khan",
        "Islamabad | Published: January 19, 2026",
        "Pakistan's textile exports rose 12 percent in December from a year earlier, the "
        "statistics bureau said on Monday.",
    ]
    meta = extract_metadata(lines, body_start=3, today=dt.date(2026, 1, 22))
    assert meta.author == "Ayesha Khan"
    assert meta.published == dt.date(2026, 1, 19)


def test_a_french_page_gives_its_publication_date_not_its_update() -> None:
    lines = [
        "Les Pays-Bas vont relever leurs digues plus tôt que prévu",
        "Par Claire Dubois",
        "Mis à jour le 8 mars 2025 à 09h10 | Publié le 6 mars 2025 à 14h32",
        "Le gouvernement néerlandais a approuvé jeudi un plan de 1,2 milliard d'euros pour "
        "renforcer 40 kilomètres de digues côtières.",
    ]
    meta = extract_metadata(lines, body_start=3, today=dt.date(2025, 3, 10))
    assert meta.author == "Claire Dubois"
    assert meta.published == dt.date(2025, 3, 6)


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("THE HAGUE, March 6, 2025 — The cabinet today approved it.", dt.date(2025, 3, 6)),
        ("NEW YORK, N.Y., March 6, 2025 -- Acme Inc. today announced a dike.", dt.date(2025, 3, 6)),
        ("LONDON, 6 March 2025 (Reuters) - Britain said it would fund it.", dt.date(2025, 3, 6)),
        ("WASHINGTON, Feb 11 (Reuters) - The Senate approved the bill on Monday.", None),
        ("THE HAGUE, March 6, 2031 — A date after the run is not the publication date.", None),
    ],
)
def test_a_press_release_dateline_gives_the_date(dateline: str, published: dt.date | None) -> None:
    lines = [
        "FOR IMMEDIATE RELEASE",
        "Cabinet approves €1.2 billion Coastal Reinforcement Programme",
        dateline + " It covers 40 kilometres of primary dikes along the North Sea coast.",
        "Construction will begin in Zeeland in 2026 and is expected to be completed by 2034.",
    ]
    meta = extract_metadata(lines, body_start=2, today=dt.date(2025, 3, 10))
    assert meta.published == published


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Ayesha Rafiq | Published May 14, 2024 Updated about 5 hours ago", "Ayesha Rafiq"),
        ("Ayesha Rafiq Published 14 May, 2024 11:47pm", "Ayesha Rafiq"),  # not "… Published"
        ("HH Web Desk Published 14 May, 2024 11:47pm", None),
        ("AYESHA RAFIQ | Published May 14, 2024", "Ayesha Rafiq"),
        ("New Delhi | Published May 14, 2024", None),  # a place, not a name
        ("Web Desk | Published May 14, 2024", None),  # a desk names no one
        ("Islamabad | Updated: May 14, 2024", None),
    ],
)
def test_a_date_line_led_by_a_name_gives_the_author(line: str, author: str | None) -> None:
    lines = ["Port board approves second container terminal", line,
             "The port board on Tuesday approved a second container terminal on the east wharf."]
    meta = find_header(lines, body_start=2, today=dt.date(2024, 6, 1)).metadata
    assert meta.author == author
    assert meta.published == dt.date(2024, 5, 14)
    assert meta.title == "Port board approves second container terminal"


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("Stay updated with Geo Metro News: Download the app", "Geo Metro News"),
        ("Download the Harbour Herald App", "Harbour Herald"),
        ("Download the app", None),  # names no outlet
        ("© Copyright 2020 Harbour Herald. All rights reserved.", "Harbour Herald"),
        ("Copyright (c) 2021 Harbour Herald", "Harbour Herald"),
    ],
)
def test_an_app_footer_names_the_outlet(footer: str, outlet: str | None) -> None:
    lines = ["Port board approves second container terminal", "Ayesha Rafiq", "May 14, 2024",
             "The port board on Tuesday approved a second container terminal on the east wharf.",
             "The terminal is due to open in 2027, the board said.", footer]
    meta = find_header(lines, body_start=3, body_end=5, today=dt.date(2024, 6, 1)).metadata
    assert meta.outlet == outlet


@pytest.mark.parametrize(
    ("masthead", "outlet"),
    [
        ("THE COASTAL TRIBUNE", "The Coastal Tribune"),
        ("Harbour News", "Harbour News"),
        ("The Nation", "The Nation"),
        ("Skip to content", None),
        ("Business News", None),  # a section, not a paper
        ("Latest News", None),
    ],
)
def test_the_masthead_names_the_outlet_when_nothing_else_does(
    masthead: str, outlet: str | None
) -> None:
    lines = [masthead, "Home", "Business", "Port board approves second container terminal",
             "Ayesha Rafiq", "May 14, 2024",
             "The port board on Tuesday approved a second container terminal on the east wharf.",
             "The terminal is due to open in 2027, the board said."]
    meta = find_header(lines, body_start=6, body_end=8, today=dt.date(2024, 6, 1)).metadata
    assert meta.outlet == outlet
    assert meta.title == "Port board approves second container terminal"
