"""Boilerplate removal on scraped pages written for these tests (invented outlets and people)."""

# ruff: noqa: E501  (a scraped page has one paragraph per line: its lines are long)

from __future__ import annotations

import datetime as dt

import pytest

from briefer.clean import clean_article
from briefer.models import CleanArticle, Metadata, RawArticle

TODAY = dt.date(2024, 6, 1)


def clean(text: str, *, today: dt.date = TODAY, **kwargs: object) -> CleanArticle:
    raw = RawArticle(file="page.txt", format="txt", lines=tuple(text.split("\n")), **kwargs)  # type: ignore[arg-type]
    return clean_article(raw, today=today)


def body(article: CleanArticle) -> str:
    return "\n".join(article.paragraphs)


def reason_of(article: CleanArticle, start: str) -> str:
    matches = [d for d in article.decisions if d.line.strip().startswith(start)]
    assert matches, f"no line starts with {start!r}"
    return matches[0].reason


WIRE = """Skip to main content
Reuters
World
Business
Markets
Sign In
Register
World News
Flood defences fail as river bursts its banks in northern Italy
By Jane Doe and Marco Rossi | Reuters | Updated: 12 March 2021 09:14 IST
3 Min Read
MILAN (Reuters) - Flood defences along the Po river gave way early on Friday, forcing the evacuation of about 4,000 people from villages south of Milan, regional officials said.
Water levels rose by more than two metres overnight after three days of heavy rain, the civil protection agency said in a statement.
"We have never seen the river climb this fast," said Giulia Bianchi, the mayor of one of the flooded towns, who spent the night helping neighbours move to higher ground.
(Photo: AFP)
The government said it would release emergency funds of 50 million euros on Monday and send army engineers to shore up the remaining embankments along the river.
Read more:
Italy braces for more storms as climate risks mount across the south
Farmers in the region estimate that the spring harvest could be cut by a third, and insurers expect claims to run into hundreds of millions of euros.
Reporting by Jane Doe and Marco Rossi; Editing by John Smith
Our Standards: The Thomson Reuters Trust Principles.
More from Reuters
Heatwave breaks records across southern Europe
Central bank holds rates steady as inflation cools
Share this article
Facebook
Twitter
LinkedIn"""


REGIONAL = """Tuesday, 14 September 2021 | 31°C Karachi
E-Paper | Home | Pakistan | World | Sports | Business | Opinion
The Daily Harbour
Karachi
Port strike enters third day as traders count their losses
Staff Reporter
Published: 09:30 AM, 13 Sep, 2021

KARACHI: Dock workers at the city's main port stayed off the job for a third straight day on Monday, leaving hundreds of containers stranded on the quays and ships waiting at anchor.

The workers' union says its members have not been paid overtime for six months and that the port authority has ignored repeated letters asking for talks.

Advertisement

Traders said perishable goods worth millions of rupees were at risk, and several exporters told this newspaper they had already lost orders from buyers in the Gulf.

A spokesman for the port authority said a meeting with union leaders had been called for Wednesday and that he was hopeful of an agreement before the weekend.

TRENDING
Cricket board names new selection committee
13 Sep, 2021
Heatwave warning issued for Sindh as temperatures soar
12 Sep, 2021
Police arrest three suspects in car theft ring
11 Sep, 2021

© 2021 The Daily Harbour. All rights reserved.
Privacy Policy | Terms of Use | Contact Us"""


BLOG = """Home » Science » Space
Menu
Small backyard telescope spots a comet before the big observatories
Posted on March 3, 2022 by Priya Natarajan
Share on Facebook
Share on Twitter
Email
Print
An amateur astronomer in rural Kerala has been credited with the discovery of a new comet, spotted with a telescope she built herself from spare parts and a second-hand mirror.
The object, now catalogued by the Minor Planet Center, was first seen on the night of February 21 as a faint smudge moving slowly against the background stars.
"I thought it was a flaw in my eyepiece," she said. "Then it moved, and I stayed up until dawn checking it again and again."
Professional observatories confirmed the sighting two days later, and the comet is expected to be visible with binoculars by the end of April.
Tags: comets, astronomy, amateur science
12 Comments
Tom Baker on March 4, 2022 at 7:15 pm said:
What a wonderful story, it shows that patience and a dark sky still beat the big budgets of the large observatories every now and then.
Reply
Lena Ortiz on March 5, 2022 at 9:02 am said:
I have been observing for twenty years and never found anything, so congratulations to her and I hope she gets to name it after her village.
Reply
Leave a Reply
Your email address will not be published. Required fields are marked *"""


COMMENT_DATE_ONLY = """Opinion
Why our city needs more night buses
By Ana Lima
Anyone who has tried to get home across the city after midnight knows the problem: the last train leaves at half past eleven, and after that the choice is a long walk or an expensive taxi ride.
Night workers, from nurses to cleaners, are the people most affected, and they are also the ones least able to pay for a car of their own.
The council has promised a review of the night network several times, but no report has ever been published and no new routes have been added since the old depot closed.
Comments
Ana on 5 May 2020 at 10:00 said:
Thanks to everyone who wrote in about this, I will follow up on the council review next month and report back to readers here."""


EVENTS_WIDGET = """Upcoming events
Town hall meeting on the new bypass — June 20, 2031
Farmers' market reopens — 4 July 2031
Local Voices
Library to stay open late during exam season
Published 3 hours ago
The central library will stay open until ten in the evening for the next four weeks so that students preparing for their final exams have a quiet place to work.
The extra hours are paid for by a grant from a local foundation, which said it wanted to support young people who do not have space to study at home.
Staff said the reading rooms had been full every afternoon since the start of the month and that they expected even more visitors in the evenings.
You may also like
Swimming pool closes for repairs after roof leak"""


NON_ENGLISH_MENUS = """होम
ताज़ा खबर
देश
विदेश
Inicio
Noticias
Deportes
Compartir
Newsletter abonnieren
Monsoon rains arrive early in the southern states, weather office says
Rahul Mehta, Senior Correspondent
Friday, June 7, 2019
The monsoon reached the coast of Kerala three days ahead of schedule on Friday, the national weather office said, bringing relief to farmers after a long and unusually hot summer.
Forecasters expect rainfall across the country to be close to the long-term average this year, although the northwest may see a delayed onset of the rains.
Reservoir levels in several southern states had fallen to their lowest in a decade, forcing cities to ration drinking water in the weeks before the rains arrived.
Weitere Artikel
Zum Thema
Mehr lesen"""


def test_wire_story_keeps_the_dateline_paragraph_and_drops_chrome() -> None:
    article = clean(WIRE)
    text = body(article)
    assert article.paragraphs[0].startswith("MILAN (Reuters) - Flood defences")
    assert "Farmers in the region estimate" in text
    assert '"We have never seen the river climb this fast,"' in text
    for junk in ("3 Min Read", "(Photo: AFP)", "Read more", "Italy braces", "Reporting by",
                 "Our Standards", "More from Reuters", "Heatwave breaks", "Sign In", "LinkedIn"):
        assert junk not in text, junk
    assert reason_of(article, "Flood defences fail") == "title"
    assert reason_of(article, "By Jane Doe") == "byline"


def test_wire_story_metadata() -> None:
    meta = clean(WIRE).metadata
    assert meta.title == "Flood defences fail as river bursts its banks in northern Italy"
    assert meta.author == "Jane Doe and Marco Rossi"
    assert meta.outlet == "Reuters"
    assert meta.published == dt.date(2021, 3, 12)
    assert "By Jane Doe" in meta.origin["published"]


def test_regional_paper_takes_the_byline_date_not_the_weather_bar() -> None:
    article = clean(REGIONAL)
    meta = article.metadata
    assert meta.published == dt.date(2021, 9, 13)
    assert meta.title == "Port strike enters third day as traders count their losses"
    assert meta.author is None  # "Staff Reporter" names no one
    assert meta.outlet == "The Daily Harbour"
    assert reason_of(article, "Tuesday, 14 September 2021") == "top bar"


def test_regional_paper_drops_trending_list_and_footer() -> None:
    article = clean(REGIONAL)
    text = body(article)
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("KARACHI: Dock workers")
    for junk in ("Advertisement", "TRENDING", "Cricket board", "Heatwave warning", "13 Sep, 2021",
                 "All rights reserved", "Privacy Policy", "E-Paper"):
        assert junk not in text, junk
    assert reason_of(article, "Cricket board") == "trending list"


def test_blog_drops_share_buttons_tags_and_comments() -> None:
    article = clean(BLOG)
    text = body(article)
    assert len(article.paragraphs) == 4
    assert article.paragraphs[-1].startswith("Professional observatories confirmed")
    for junk in ("Share on", "Email", "Tags:", "12 Comments", "Tom Baker", "What a wonderful",
                 "twenty years", "Reply", "Leave a Reply", "Your email address"):
        assert junk not in text, junk
    assert reason_of(article, "Share on Facebook") == "share/newsletter"


def test_blog_metadata_from_posted_on_line() -> None:
    meta = clean(BLOG).metadata
    assert meta.title == "Small backyard telescope spots a comet before the big observatories"
    assert meta.author == "Priya Natarajan"
    assert meta.published == dt.date(2022, 3, 3)


def test_a_date_found_only_in_a_comment_is_not_the_publication_date() -> None:
    article = clean(COMMENT_DATE_ONLY)
    assert article.metadata.published is None
    assert article.metadata.author == "Ana Lima"
    assert article.metadata.title == "Why our city needs more night buses"
    assert len(article.paragraphs) == 3
    assert "follow up on the council review" not in body(article)


INLINE_COMMENTS = """Harbour News
Ferry operator fined over Tuesday's engine fire
By Colm Rafferty
14 March 2024
The operator of the Lough Carran ferry was fined 40,000 pounds on Thursday after an engine fire forced 212 passengers onto the deck for an hour.
Inspectors found that a fuel line replaced in January had been fitted with the wrong clamp, the court heard.
At 14:05 on 13 March 2024, the inspectors' report said the crew had acted quickly.
The operator said it had checked every vessel in its fleet since the fire.
At 9:12 am on 15 March 2024, harbourwatcher wrote: About time, the old boat smelled of diesel for years.
At 10:40 15th Mar 2024 , Mairead K replied : My father worked on that ferry and it was always safe.
At 11:02 am on 15 March 2024, Joe wrote: Fines like this change nothing."""


def test_readers_comments_sharing_a_line_with_their_header_are_cut() -> None:
    """A comment section whose headers share the line with the comment ("At 9:12 am on 15
    March 2024, harbourwatcher wrote: …") is not the article; a report's own clock-timed
    sentence ("At 14:05 on 13 March 2024, the inspectors' report said …") is."""
    article = clean(INLINE_COMMENTS)
    text = body(article)
    assert "the inspectors' report said the crew had acted quickly" in text
    assert article.paragraphs[-1] == (
        "The operator said it had checked every vessel in its fleet since the fire."
    )
    for comment in ("harbourwatcher", "About time", "Mairead", "always safe", "change nothing"):
        assert comment not in text, comment
    assert reason_of(article, "At 9:12 am") == "end of article"


SHORT_LAST_PARAGRAPH = """Home > World > Europe
Eastgate bridge: repairs backed after council vote
February 12, 2025 at 8:30 a.m.
By Staff Reporter, Regional Wire
RIVERSIDE, Feb 11 (Regional Wire) - Riverside's council on Monday backed $4.2 million in emergency repairs to the Eastgate bridge, after engineers found corroded bearings last year.
The 7-2 vote ends months of argument over who should pay for the work on the crossing.
Opponents on the council had argued that the city should first apply for a state grant before spending its reserve.
The state agency said it would consider a grant application in March.
(Reporting by Staff Reporter; Editing by Ann Chu)
Advertisement
You can read all of our coverage of the city budget here.
Sponsored content
Ten tips for a better retirement"""


def test_a_short_last_paragraph_before_the_credits_stays() -> None:
    """jusText's context rules drop a short line between the body and chrome; a whole
    sentence of prose right after a good paragraph is the body's end and stays. A sentence
    after an ad slot is not."""
    article = clean(SHORT_LAST_PARAGRAPH)
    assert article.paragraphs[-1] == (
        "The state agency said it would consider a grant application in March."
    )
    text = body(article)
    for junk in ("Reporting by", "Advertisement", "coverage of the city budget", "Ten tips"):
        assert junk not in text, junk


def test_a_brief_of_two_terse_sentences_is_an_article() -> None:
    """A feed's two-paragraph brief has no paragraph long or dense enough for jusText's
    classes; its sentences are the article. A few lines of chrome are not."""
    article = clean(
        "The Dutch cabinet approved a 1.2 billion euro plan on Thursday to strengthen coastal "
        "dikes.\n\nWork will begin in Zeeland in 2026, the infrastructure ministry said."
    )
    assert article.paragraphs == (
        "The Dutch cabinet approved a 1.2 billion euro plan on Thursday to strengthen coastal "
        "dikes.",
        "Work will begin in Zeeland in 2026, the infrastructure ministry said.",
    )
    chrome = clean("Subscribe to our newsletter\nSign in\nShare this article\nAdvertisement")
    assert chrome.paragraphs == ()


def test_a_comment_sections_house_rules_are_not_the_article() -> None:
    article = clean(
        "Inquiry releases minister's emails\n"
        "The inquiry into the ferry contract released 300 emails from the former minister on "
        "Tuesday, covering the six months before the contract was signed in 2023.\n"
        "His emails are published on the inquiry website, with the names of civil servants "
        "removed, a spokeswoman for the inquiry said.\n"
        "The minister has denied any wrongdoing and said he welcomed the release of the emails.\n"
        "The Harbour Post may edit your comments and not all emails will be published.\n"
        "Comments are moderated and may take a day to appear."
    )
    text = body(article)
    assert "His emails are published on the inquiry website" in text
    assert reason_of(article, "The Harbour Post may edit") == "comments"
    assert "Comments are moderated" not in text


PRESS_RELEASE = """FOR IMMEDIATE RELEASE
Harbour Authority of Kestrel Bay
Kestrel Bay approves €62 million flood barrier for the old harbour
KESTREL BAY, May 5, 2024 — The Harbour Authority today approved a €62 million flood barrier that will shield about 4,000 homes in the old harbour district from winter storm surges.
"The district has flooded three times in ten years, and this barrier ends that," said chair Ilse Brandt.
Construction is due to start in April 2025 and last two years.
About the Harbour Authority
The Harbour Authority of Kestrel Bay manages the port, its quays and its flood defences on behalf of the municipality.
Media contact: press@example.org
###"""


def test_a_press_releases_about_section_is_not_the_article() -> None:
    article = clean(PRESS_RELEASE)
    text = body(article)
    assert article.paragraphs[-1] == "Construction is due to start in April 2025 and last two years."
    assert "manages the port" not in text
    assert reason_of(article, "About the Harbour Authority") == "end of article"
    assert article.metadata.published == dt.date(2024, 5, 5)


def test_future_dates_in_an_events_widget_are_ignored() -> None:
    article = clean(EVENTS_WIDGET)
    meta = article.metadata
    assert meta.published is None  # only "3 hours ago": no calendar date
    assert meta.title == "Library to stay open late during exam season"
    text = body(article)
    assert len(article.paragraphs) == 3
    for junk in ("Town hall", "Farmers' market", "Published 3 hours ago", "Swimming pool"):
        assert junk not in text, junk


def test_menus_in_other_languages_are_dropped() -> None:
    article = clean(NON_ENGLISH_MENUS)
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("The monsoon reached the coast of Kerala")
    assert not any(d.kept for d in article.decisions if d.line in ("होम", "Inicio", "Mehr lesen"))
    meta = article.metadata
    assert meta.author == "Rahul Mehta"
    assert meta.published == dt.date(2019, 6, 7)
    assert meta.title == "Monsoon rains arrive early in the southern states, weather office says"


def test_every_line_gets_a_decision_and_kept_lines_are_verbatim() -> None:
    article = clean(REGIONAL)
    lines = REGIONAL.split("\n")
    assert [d.line for d in article.decisions] == lines
    kept = [d.line for d in article.decisions if d.kept]
    assert kept == [p for p in article.paragraphs]
    assert all(d.reason for d in article.decisions)


def test_related_headline_inside_the_body_is_dropped() -> None:
    text = "\n".join([
        "Council approves new budget for city schools",
        "By Mark Lee",
        "The city council approved a budget on Tuesday that raises spending on schools by eight "
        "per cent, the largest increase in more than a decade.",
        "Teachers' unions welcomed the decision but said the money would barely cover the rising "
        "cost of heating old buildings during the winter months.",
        "Fire destroys warehouse in industrial park",
        "The mayor said further funding would depend on the state's contribution, which is due "
        "to be announced in the autumn after the legislature returns.",
    ])
    article = clean(text)
    assert "Fire destroys warehouse" not in body(article)
    assert reason_of(article, "Fire destroys") == "related headline"
    assert len(article.paragraphs) == 3


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = "\n".join([
        "Harbour bridge to close for repairs",
        "",
        "The harbour bridge will close to traffic for six weeks from next",
        "month while engineers replace the cables that hold up the deck,",
        "the transport department said on Thursday.",
        "",
        "Buses will be diverted through the tunnel and ferries will run",
        "every ten minutes at peak times to carry commuters across the bay.",
    ])
    article = clean(text)
    assert article.paragraphs == (
        "The harbour bridge will close to traffic for six weeks from next month while engineers "
        "replace the cables that hold up the deck, the transport department said on Thursday.",
        "Buses will be diverted through the tunnel and ferries will run every ten minutes at "
        "peak times to carry commuters across the bay.",
    )


def test_reader_metadata_wins_but_a_future_date_is_dropped() -> None:
    meta = Metadata(title="Feed Title", published=dt.date(2030, 1, 1), origin={"title": "<title>"})
    article = clean(BLOG, metadata=meta)
    assert article.metadata.title == "Feed Title"
    assert article.metadata.origin["title"] == "<title>"
    assert article.metadata.published == dt.date(2022, 3, 3)  # the feed's 2030 is impossible
    assert article.metadata.author == "Priya Natarajan"


def test_already_extracted_text_is_only_tidied() -> None:
    lines = (
        "",
        "The museum reopened its east wing on Saturday after a two-year renovation.",
        "Advertisement",
        "Visitors queued around the block before the doors opened at nine.",
        "Share this article",
        "   ",
        "New galleries",
        "The wing now holds the collection of maritime paintings donated last year.",
    )
    raw = RawArticle(file="a.html", format="html", lines=lines, cleaned=True,
                     metadata=Metadata(title="Museum reopens", origin={"title": "og:title"}))
    article = clean_article(raw, today=TODAY)
    assert article.paragraphs == (
        "The museum reopened its east wing on Saturday after a two-year renovation.",
        "Visitors queued around the block before the doors opened at nine.",
        "New galleries",
        "The wing now holds the collection of maritime paintings donated last year.",
    )
    assert article.metadata.title == "Museum reopens"


@pytest.mark.parametrize("junk", [
    "Double Click 728 x 90", "ADVERTISEMENT", "Sponsored Content", "Story continues below advertisement",
    "Sign up for our morning newsletter", "Follow us on Instagram", "Image copyright Getty Images",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Click here to subscribe", "Also read: Ten things to know about the budget",
    "cabinet-approves-new-rules-for-drone-flights-over-cities", "0 Comments",
])
def test_chrome_lines_between_paragraphs_are_dropped(junk: str) -> None:
    text = "\n".join([
        "The regional assembly voted on Wednesday to extend the fishing ban in the northern bay "
        "for another two years, citing a sharp fall in cod stocks.",
        junk,
        "Fishermen's associations said they would challenge the decision in court and asked the "
        "government for compensation for lost income during the ban.",
    ])
    article = clean(text)
    assert junk not in body(article)
    assert len(article.paragraphs) == 2


# --- text pasted from a page its tool decoded with the wrong charset -------------------------

MOJIBAKE_PAGE = """Home | Politics | Business
Harbour tolls rise for the first time in a decade
By Inès Moreau
The port authority’s board voted on Thursday to raise tolls by 8% from July, the first increase since 2014.
“We can’t keep the dredgers running on 2014 prices,” said the board’s chair, Søren Łukasik, after the vote.
Café owners on the quay said the rise — about €40 a visit for a mid-sized ferry — would be passed on to day-trippers.
Most read
"""


@pytest.mark.parametrize("misread_as", ["latin-1", "cp1252"])
def test_utf8_text_misread_as_a_single_byte_charset_is_repaired(tmp_path, misread_as: str) -> None:
    from briefer.read import read_file

    # as a browser does: bytes cp1252 leaves undefined become the C1 characters of Latin-1
    garbled = "".join(
        bytes([byte]).decode(misread_as, errors="ignore") or chr(byte)
        for byte in MOJIBAKE_PAGE.encode("utf-8")
    )
    assert "â€" in garbled or "â\x80" in garbled
    path = tmp_path / "paste.txt"
    path.write_text(garbled, encoding="utf-8")
    article = clean_article(read_file(path, "paste.txt", today=TODAY).articles[0], today=TODAY)
    text = body(article)
    assert "The port authority’s board voted" in text
    assert "Café owners on the quay" in text
    assert "€40 a visit" in text
    assert "Søren Łukasik" in text
    assert article.metadata.author == "Inès Moreau"


def test_real_latin_text_is_not_taken_for_mojibake() -> None:
    from briefer.mojibake import repair_mojibake

    for text in (
        "Le ministre a déclaré « Nous irons jusqu’au bout » à Genève.",
        "Über Österreich nach São Paulo: Preis £5, ½ Liter, Señor Núñez.",
        "Ã is a letter in Portuguese, Â too.",
    ):
        assert repair_mojibake(text) == text


def test_korean_mojibake_whose_no_break_space_was_squeezed_is_repaired() -> None:
    from briefer.mojibake import repair_mojibake

    korean = "엘제이의 리벤지인가, 이유리보다 돋보인 이유"
    squeezed = korean.encode("utf-8").decode("latin-1").replace("\xa0", " ")
    assert repair_mojibake(squeezed) == korean


PUBLIC_RADIO = """Gulf Shore Public Radio
Listen Live   Donate   Newsletters
News | Environment | Politics | Arts
Port board awards dredging contract despite objections
By Priya Natarajan | March 12, 2025
The Harwick Bay port board voted 5-2 on Tuesday to award a $48 million dredging contract to Meridian Marine, despite objections from shellfish growers who say the work will smother their beds.
Sign up for the Morning Tide newsletter to get port and business news every weekday.
Board chair Ellen Vance said the deeper channel was needed to keep container traffic from moving to rival ports, and that the contract required silt curtains around the work site.
"We have listened to the growers and built their concerns into the contract," Vance said after the vote.
Support for Gulf Shore Public Radio comes from listeners like you. Become a member today.
The growers' association said it would ask the state environmental agency to review the permit before dredging begins in May.
Priya Natarajan covers the port and the environment for Gulf Shore Public Radio. Tips: priya@gspr.example
(c) 2025 Gulf Shore Public Radio. This story may be republished by member stations with credit.
Copyright 2025. All rights reserved. Republication or redistribution of this content is prohibited without consent.
More from GSPR
Ferry fares to rise in July
"""


def test_public_radio_appeals_author_note_and_copyright_lines_are_dropped() -> None:
    article = clean(PUBLIC_RADIO, today=dt.date(2025, 6, 1))
    text = body(article)

    assert text.startswith("The Harwick Bay port board voted 5-2 on Tuesday")
    assert "The growers' association said it would ask" in text
    assert '"We have listened to the growers' in text
    for junk in ("Morning Tide newsletter", "listeners like you", "Become a member",
                 "Tips: priya@", "may be republished", "Republication", "Ferry fares"):
        assert junk not in text, junk
    assert reason_of(article, "Sign up for the Morning Tide") == "share/newsletter"
    assert reason_of(article, "Support for Gulf Shore") == "share/newsletter"
    assert reason_of(article, "Priya Natarajan covers") == "author bio"
    assert reason_of(article, "(c) 2025 Gulf Shore") == "footer"
    meta = article.metadata
    assert (meta.author, meta.published) == ("Priya Natarajan", dt.date(2025, 3, 12))
    assert meta.title == "Port board awards dredging contract despite objections"


@pytest.mark.parametrize(
    "line",
    [
        "Subscribers to the port's register said the new fees were fair, the board's survey found.",
        "Download speeds on the islands fell by half during the storm, the telecom regulator said.",
        "Readers can contact the harbour office at harbour@example.org for the full timetable, the council said.",
    ],
)
def test_body_sentences_that_look_like_promos_are_kept(line: str) -> None:
    page = "\n".join([
        "Island ferry timetable cut",
        "By Mette Aas | 18 February 2025",
        "The ferry operator serving the outer islands will cut its winter timetable to four sailings a day from 1 April, blaming a shortage of crew.",
        line,
        "The island council said it would ask the regional transport board to pay for a temporary water taxi until the crossings were restored.",
    ])

    assert line in body(clean(page, today=dt.date(2025, 6, 1)))


def test_a_squeezed_no_break_space_in_mojibake_text_is_repaired() -> None:
    from briefer.mojibake import repair_mojibake

    # C2 A0 read as Latin-1 is "Â" + no-break space; a whitespace squeeze leaves "Â "
    assert repair_mojibake("ClassificaÃ§Ã£o: veja oÂ calendário") == "Classificação: veja o  calendário"
    assert repair_mojibake("Â Lisboa, ÂNGELA") == "Â Lisboa, ÂNGELA"  # no mojibake: left alone


CAPTIONED = """Harbour Herald
Business
Port board approves second container terminal
Ayesha Rafiq | Published May 14, 2024 Updated about 5 hours ago
Facebook Count
Twitter Share
Cranes at the existing terminal on the east wharf. — {credit}
The port board on Tuesday approved a second container terminal on the east wharf, the largest expansion of the harbour since it opened in 1998.
The terminal will double the port's capacity to about two million containers a year and is due to open in 2027, the board said in a statement.
Shipping lines had warned that ships were waiting up to four days for a berth during the winter peak.
Like Business on Facebook, follow @HHBusiness on Twitter to receive all updates on all our daily pieces.
Copyright © 2024, Harbour Herald"""


@pytest.mark.parametrize(
    "credit", ["File photo", "AFP/File", "Photo courtesy Port Authority", "Screengrab", "Photo: Reuters"]
)
def test_a_credit_after_a_dash_ends_a_caption(credit: str) -> None:
    article = clean(CAPTIONED.format(credit=credit))
    assert reason_of(article, "Cranes at the existing terminal") == "caption"
    assert article.paragraphs[0].startswith("The port board on Tuesday approved")
    # the caption above the body is not taken for the headline, nor a share button for a name
    assert article.metadata.title == "Port board approves second container terminal"
    assert article.metadata.author == "Ayesha Rafiq"
    assert article.metadata.published == dt.date(2024, 5, 14)


def test_a_dash_inside_prose_is_not_a_caption_credit() -> None:
    text = CAPTIONED.format(credit="File photo").replace(
        "Shipping lines had warned that ships were waiting up to four days for a berth during the winter peak.",
        "Shipping lines had warned of delays — a complaint the board said the new terminal would answer, officials said in a statement on file.",
    )
    assert "Shipping lines had warned of delays" in body(clean(text))


def test_like_us_on_facebook_follow_us_on_twitter_footer_is_dropped() -> None:
    article = clean(CAPTIONED.format(credit="File photo"))
    assert reason_of(article, "Like Business on Facebook") == "share/newsletter"
    assert "@HHBusiness" not in body(article)
    kept = clean(CAPTIONED.format(credit="File photo").replace(
        "Shipping lines had warned", "Like many ports on the coast, the harbour had warned"
    ))
    assert "Like many ports on the coast" in body(kept)


@pytest.mark.parametrize("credit", ["[File: Reuters]", "[Ayesha Rafiq/AFP]", "[AFP]", "[Courtesy of the port authority]"])
def test_a_bracketed_credit_ends_a_caption(credit: str) -> None:
    text = CAPTIONED.format(credit="File photo").replace(
        "Cranes at the existing terminal on the east wharf. — File photo",
        f"Cranes at the existing terminal on the east wharf {credit}",
    )
    article = clean(text)
    assert reason_of(article, "Cranes at the existing terminal") == "caption"
    assert article.metadata.title == "Port board approves second container terminal"


def test_a_sites_plug_for_its_own_news_is_dropped() -> None:
    plug = "Get Latest Business News along with Latest News and Top Headlines from the region and around the world."
    text = CAPTIONED.format(credit="File photo").replace(
        "Copyright © 2024, Harbour Herald", plug + "\nCopyright © 2024, Harbour Herald"
    )
    article = clean(text)
    assert reason_of(article, "Get Latest Business News") == "share/newsletter"
    assert "Top Headlines" not in body(article)


@pytest.mark.parametrize(
    "plea",
    [
        "For the latest news, follow us on Twitter @harbourherald, like us on Facebook, and subscribe to our YouTube channel.",
        "Email the desk at news@harbourherald.example or follow us on Instagram for pictures from the wharf.",
    ],
)
def test_a_plea_for_followers_is_dropped(plea: str) -> None:
    text = CAPTIONED.format(credit="File photo").replace(
        "Copyright © 2024, Harbour Herald", plea + "\nCopyright © 2024, Harbour Herald"
    )
    article = clean(text)
    assert reason_of(article, plea[:20]) == "share/newsletter"
    assert "follow us on" not in body(article)


NAMES_AND_FIGURES = """City Ledger » Business
3-MIN READ
Council Approves Rs 4,000 Crore Plan to Rebuild Old Harbour Wharves
Reported By : Meera Pillai
Last Updated: May 14, 2024, 20:14 IST
Follow us:
Representative image. (Reuters)
The Kochi Municipal Corporation on Tuesday approved a Rs 4,000-crore plan to rebuild 12 wharves at Mattancherry, Mayor K. Anil Kumar said.
The plan includes soft loans of Rs 2,500 crore and a grant for boat owners who agree to move to the new berths by March 2026.
Kumar said the wharves had been damaged by the floods of 2018 and that several had been closed to heavy vehicles since then.
"The harbour cannot wait for another monsoon to take what is left," Kumar told reporters after the meeting.
Sensex Closes 600 Points Higher As Infosys, TCS, Wipro, HCL Tech And Tech Mahindra Lead IT Rally On Tuesday.
first published: May 14, 2024, 20:14 IST"""


def test_a_lead_dense_with_names_and_figures_is_body_text() -> None:
    """Few stop words ("The Kochi Municipal Corporation on Tuesday approved a Rs 4,000-crore
    plan …") made jusText's classes call the lead boilerplate; right before the body, a long
    sentence of prose that no rule marked is the article. A teaser after the body is not."""
    article = clean(NAMES_AND_FIGURES)
    assert article.paragraphs[0].startswith("The Kochi Municipal Corporation on Tuesday approved")
    assert "Sensex closes" not in body(article)
    assert reason_of(article, "Representative image") == "caption"


RELEASE = """Ministry of Maritime Affairs

Government of Pakistan

PRESS RELEASE

Islamabad, March 12, 2025

Federal Cabinet approves National Port Dredging Policy

The Federal Cabinet on Tuesday approved the National Port Dredging Policy, which sets out how the country's three main ports will keep their shipping channels open for larger vessels.

Under the policy, each port authority will prepare a ten-year dredging plan by December 2025.

###

For media queries: Public Relations Officer, Ministry of Maritime Affairs, +92-51-9999999"""


def test_a_press_release_read_from_a_document_keeps_its_body_only() -> None:
    """A PDF's text comes cleaned by its reader: the letterhead above the first paragraph,
    the "City, date" line and the media contact are still not the article."""
    article = clean(RELEASE, cleaned=True, today=dt.date(2025, 3, 20))
    assert article.paragraphs[0].startswith("The Federal Cabinet on Tuesday approved")
    assert article.paragraphs[-1].startswith("Under the policy")
    text = body(article)
    for junk in ("Ministry of Maritime Affairs", "Government of Pakistan", "PRESS RELEASE", "media queries"):
        assert junk not in text, junk
    assert article.metadata.title == "Federal Cabinet approves National Port Dredging Policy"
    assert article.metadata.published == dt.date(2025, 3, 12)
    assert article.metadata.author is None  # "PRESS RELEASE" names no one
