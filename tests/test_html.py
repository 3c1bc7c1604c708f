"""The HTML reader: article body through trafilatura, metadata from JSON-LD and <meta>."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import trafilatura

from briefer.errors import SkipFile
from briefer.html import (
    decode_html,
    extract_html,
    html_fragment_lines,
    looks_like_html,
    parse_published,
)
from briefer.read import read_file

TODAY = dt.date(2026, 2, 1)

BODY = [
    "The Port Elsworth harbour authority on Tuesday approved a plan to dredge the main "
    "shipping channel, ending two years of dispute with local fishing cooperatives.",
    "The project, costed at 48 million euros, will deepen the channel to 14 metres so that "
    "larger container vessels can dock without waiting for high tide.",
    "“We have listened to every objection and changed the timetable twice,” said Marta "
    "Lindqvist, who chairs the authority's board. Work is due to start in March.",
    "Fishing groups had argued that dredging during the spawning season would damage "
    "stocks of herring and cod in the outer bay. The revised plan halts all work between "
    "April and June.",
    "The regional environment agency said it would monitor sediment levels weekly and "
    "publish the results online, a condition first raised at a public hearing in August 2024.",
]

TRENDING = [
    "Celebrity chef opens floating restaurant",
    "Ten hidden beaches you must visit this summer",
    "Local team wins cup after dramatic penalty shootout",
]


def news_page(
    *,
    json_ld: dict[str, object] | None = None,
    meta: str = "",
    header: str = "",
) -> str:
    ld = f'<script type="application/ld+json">{json.dumps(json_ld)}</script>' if json_ld else ""
    paragraphs = "\n".join(f"<p>{text}</p>" for text in BODY)
    trending = "\n".join(f'<li><a href="/t/{i}">{t}</a></li>' for i, t in enumerate(TRENDING))
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour dredging approved | The Elsworth Courier</title>
{meta}
{ld}
<script>window.dataLayer = [{{"page": "article"}}];</script>
<style>.ad {{ display: none }}</style>
</head><body>
<header><div class="weather">{header}</div>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/subscribe">Subscribe</a></nav></header>
<main>
<article>
<h1>Harbour authority approves channel dredging after two-year dispute</h1>
<div class="byline">By Jonas Berg</div>
{paragraphs}
</article>
<aside class="sidebar trending"><h3>TRENDING NOW</h3><ul>{trending}</ul></aside>
</main>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<footer><p>© 2024 The Elsworth Courier. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>"""


NEWS_ARTICLE_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Harbour authority approves channel dredging after two-year dispute",
    "datePublished": "2024-11-05T09:30:00+01:00",
    "dateModified": "2024-11-06T12:00:00+01:00",
    "author": [{"@type": "Person", "name": "Jonas Berg"}],
    "publisher": {"@type": "Organization", "name": "The Elsworth Courier"},
}

OPEN_GRAPH = """
<meta property="og:title" content="Harbour authority approves channel dredging">
<meta property="og:site_name" content="The Elsworth Courier">
<meta property="og:url" content="https://courier.example/news/harbour-dredging">
<meta property="article:published_time" content="2024-11-05T09:30:00Z">
<meta name="author" content="Jonas Berg">
"""


def test_body_is_the_article_paragraphs_without_sidebar_or_chrome() -> None:
    article = extract_html(news_page(json_ld=NEWS_ARTICLE_LD, meta=OPEN_GRAPH), today=TODAY)

    assert article.cleaned
    text = "\n".join(article.lines)
    for paragraph in BODY:
        assert paragraph in article.lines
    for junk in [*TRENDING, "TRENDING NOW", "Subscribe", "cookies", "All rights reserved"]:
        assert junk not in text
    # One paragraph per line, paragraphs separated by one blank line.
    assert all(article.lines[i] == "" for i in range(1, len(article.lines), 2))


def test_metadata_from_json_ld_and_open_graph_with_origins() -> None:
    article = extract_html(news_page(json_ld=NEWS_ARTICLE_LD, meta=OPEN_GRAPH), today=TODAY)
    meta = article.metadata

    assert meta.published == dt.date(2024, 11, 5)
    assert meta.origin["published"] == "JSON-LD datePublished"
    assert meta.author == "Jonas Berg"
    assert meta.outlet == "The Elsworth Courier"
    assert meta.url == "https://courier.example/news/harbour-dredging"
    assert meta.title == "Harbour authority approves channel dredging"
    assert meta.origin["title"] == "<meta property=og:title>"
    assert set(meta.origin) == {"title", "author", "outlet", "published", "url"}


def test_open_graph_alone_names_the_meta_tags() -> None:
    meta = extract_html(news_page(meta=OPEN_GRAPH), today=TODAY).metadata

    assert meta.published == dt.date(2024, 11, 5)
    assert meta.origin["published"] == "<meta property=article:published_time>"
    assert meta.outlet == "The Elsworth Courier"
    assert meta.origin["outlet"] == "<meta property=og:site_name>"


def test_json_ld_inside_a_graph_is_found() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Courier", "datePublished": "2001-01-01"},
            {**NEWS_ARTICLE_LD, "datePublished": "2024-10-30"},
        ],
    }
    meta = extract_html(news_page(json_ld=graph), today=TODAY).metadata

    assert meta.published == dt.date(2024, 10, 30)


def test_page_chrome_date_is_never_the_publication_date() -> None:
    # The header shows the day the page was scraped; the article declares no date.
    page = news_page(header="38.6c Elsworth, Friday, January 30, 2026")

    meta = extract_html(page, today=TODAY).metadata

    assert meta.published is None


def test_future_date_in_metadata_is_refused() -> None:
    meta_tags = '<meta property="article:published_time" content="2031-05-01T00:00:00Z">'

    meta = extract_html(news_page(meta=meta_tags), today=TODAY).metadata

    assert meta.published is None


def test_page_with_only_scripts_is_skipped() -> None:
    page = """<html><head><script src="app.js"></script></head>
    <body><script>document.body.innerHTML = renderApp();</script><noscript></noscript></body>
    </html>"""

    with pytest.raises(SkipFile, match="no article text found in HTML"):
        extract_html(page, today=TODAY)


def test_deeply_nested_page_does_not_crash() -> None:
    page = "<html><body>" + "<div>" * 5000 + "<p>Deep.</p>" + "</div>" * 5000 + "</body></html>"

    try:
        article = extract_html(page, today=TODAY)
    except SkipFile as skip:
        assert "no article text" in skip.reason
    else:
        assert article.lines


def test_recursion_in_trafilatura_falls_back_to_plain_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def overflow(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", overflow)

    article = extract_html(news_page(json_ld=NEWS_ARTICLE_LD), today=TODAY)

    assert not article.cleaned  # the cleaner must remove boilerplate itself
    assert BODY[0] in article.lines
    assert "Home News Sport Subscribe" not in "\n".join(article.lines)  # <nav> is dropped
    assert article.metadata.published == dt.date(2024, 11, 5)


def test_fragment_lines_keep_paragraphs_and_drop_scripts() -> None:
    fragment = (
        "<p>The board voted <b>seven</b> to two.</p><p>Work starts in March.<br>"
        "Objections close on Friday.</p><script>track()</script>"
    )

    assert html_fragment_lines(fragment) == (
        "The board voted seven to two.",
        "",
        "Work starts in March.",
        "",
        "Objections close on Friday.",
    )


def test_looks_like_html() -> None:
    assert looks_like_html("<p>Council votes</p>")
    assert looks_like_html("First line<br/>second line")
    assert not looks_like_html("Profits rose 5% as costs fell < 3% and sales > forecasts")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-12-23", dt.date(2019, 12, 23)),
        ("2019-12-23T23:30:00-05:00", dt.date(2019, 12, 23)),
        ("2019-12-23T16:12:00.000Z", dt.date(2019, 12, 23)),
        ("2019-12-23 16:12", dt.date(2019, 12, 23)),
        ("Mon, 23 Dec 2019 16:12:00 +0000", dt.date(2019, 12, 23)),
        ("23 Dec 2019 16:12:00 GMT", dt.date(2019, 12, 23)),
        ("December 23, 2019", dt.date(2019, 12, 23)),
        ("23 December 2019", dt.date(2019, 12, 23)),
        ("2019-02-30", None),
        ("yesterday", None),
        ("", None),
        ("2030-01-01", None),
        ("1850-06-01", None),
    ],
)
def test_parse_published(value: str, expected: dt.date | None) -> None:
    assert parse_published(value, today=TODAY) == expected


def test_decode_html_follows_the_declared_charset() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>“Café” — €5</p>'
    assert decode_html(page.encode("cp1252")).endswith("“Café” — €5</p>")

    koi8 = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    assert "Привет" in decode_html((koi8 + "<p>Привет</p>").encode("koi8_r"))


def test_decode_html_reads_undeclared_legacy_bytes_as_cp1252() -> None:
    assert decode_html("<p>It’s done</p>".encode("cp1252")) == "<p>It’s done</p>"


def test_read_file_gives_a_cleaned_html_article(tmp_path: Path) -> None:
    path = tmp_path / "harbour.htm"
    path.write_bytes(news_page(json_ld=NEWS_ARTICLE_LD).encode("utf-8"))

    (article,) = read_file(path, "harbour.htm", today=TODAY).articles

    assert article.format == "html"
    assert article.cleaned
    assert article.file == "harbour.htm"
    assert BODY[2] in article.lines
    assert article.metadata.author == "Jonas Berg"


def test_read_file_refuses_binary_with_an_html_name(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)))

    with pytest.raises(SkipFile, match="binary"):
        read_file(path, "page.html", today=TODAY)
