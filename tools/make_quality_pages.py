"""Build tests/quality/: four invented news pages and their truth, the quality gate's own sample.

    .venv/bin/python tools/make_quality_pages.py [--check]

Each page wraps a known body in the chrome of a different kind of site (a regional paper with
a weather bar, cookie banner, trending list and comments; an agency page with "Reporting by"
credits and a "More from" list; a magazine with share buttons, tags and an author box; a
broadcaster with captions and "Top stories"). ``truth.json`` holds, per page, the body (one
paragraph a line) and the metadata a reader should find. ``benchmarks/bench_quality.py`` scores
briefer on the HTML and on the text a person gets by copying each page; ``--check`` reports
files that differ from what this script would write.
"""

# ruff: noqa: E501  (the pages' HTML is kept as a page would be, one element a line)

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "quality"

PAGES: list[dict[str, object]] = [
    {
        "file": "harbourside-gazette-ferry.html",
        "title": "Island ferry timetable cut to four sailings a day from April",
        "outlet": "Harbourside Gazette",
        "author": "Mette Aas",
        "published": "2025-02-18",
        "body": [
            "The ferry operator serving the outer islands will cut its winter timetable to four "
            "sailings a day from 1 April, blaming a shortage of qualified crew and the rising cost "
            "of marine fuel.",
            "Nordvik Ferries said on Monday that the two early-morning crossings would be dropped "
            "first, leaving commuters from Skarøy without a boat that reaches the mainland before "
            "eight o'clock.",
            "\"We have advertised for deckhands and engineers for six months and filled two of the "
            "eleven posts,\" said operations director Henrik Lunde. \"We cannot sail boats we "
            "cannot crew.\"",
            "The island council said it would ask the regional transport board to pay for a "
            "temporary water taxi until the crossings were restored, and warned that the school "
            "run would be hardest hit.",
            "The operator carried 212,000 passengers last year, about a fifth of them on the two "
            "crossings that are to be cut.",
        ],
        "chrome": "regional",
    },
    {
        "file": "ncna-wire-quota.html",
        "title": "Coastal states agree to cut mackerel quota by 12 percent",
        "outlet": "North Coast News Agency",
        "author": "Lars Eide",
        "published": "2025-01-29",
        "body": [
            "BERGEN, Jan 29 (NCNA) - Four coastal states agreed on Wednesday to cut next year's "
            "mackerel quota by 12 percent, following scientific advice that the stock has shrunk "
            "for a third year running.",
            "The agreement, reached after three days of talks, sets the total catch at 739,000 "
            "tonnes and for the first time divides it according to a formula that all four "
            "delegations signed.",
            "Fishing industry groups said the cut was smaller than they had feared but warned "
            "that processors in smaller harbours would struggle to keep seasonal staff.",
            "Scientists from the marine research council had recommended a cut of up to 20 "
            "percent, and environmental groups said the deal put short-term income ahead of the "
            "health of the stock.",
        ],
        "chrome": "wire",
    },
    {
        "file": "coastal-review-wind.html",
        "title": "Why the offshore wind auction drew only two bidders",
        "outlet": "The Coastal Review",
        "author": "Sofie Brandt",
        "published": "2024-11-05",
        "body": [
            "When the energy ministry opened bidding for the Sørhav offshore wind area in August, "
            "officials expected at least six consortia to compete. When the auction closed last "
            "week, only two had entered.",
            "Developers point to the price ceiling, which was set before steel and financing "
            "costs rose, and to a grid connection date that several of them consider "
            "unrealistic.",
            "\"The site is excellent, but the numbers simply did not work at the ceiling the "
            "ministry chose,\" said one executive whose company withdrew in September, speaking "
            "on condition of anonymity.",
            "The ministry has said it will review the auction rules before the next round, due "
            "in the spring, and will publish the two bids once the contract is signed.",
        ],
        "chrome": "magazine",
    },
    {
        "file": "nrb-news-landslide.html",
        "title": "Road to fishing village closed after landslide",
        "outlet": "NRB News",
        "author": "Ingrid Holm",
        "published": "2025-03-02",
        "body": [
            "The only road into the fishing village of Kvalvik has been closed after a landslide "
            "buried a 40-metre stretch of the county road early on Sunday.",
            "No one was hurt, but about 300 residents can now reach the nearest town only by "
            "boat, the county roads department said.",
            "Geologists are checking the slope above the road before clearing work can begin, "
            "and the department said the road was likely to stay closed for at least a week.",
            "The municipality has arranged a free boat service twice a day and said pupils from "
            "the village would be taken to school by sea from Monday.",
        ],
        "chrome": "broadcaster",
    },
]


def _paragraphs(body: list[str]) -> str:
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in body)


def _meta(page: dict[str, object]) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page["title"],
        "datePublished": f"{page['published']}T08:30:00+01:00",
        "author": {"@type": "Person", "name": page["author"]},
        "publisher": {"@type": "Organization", "name": page["outlet"]},
    }
    return (
        f'<meta property="og:title" content="{html.escape(str(page["title"]))}">\n'
        f'<meta property="og:site_name" content="{html.escape(str(page["outlet"]))}">\n'
        f'<script type="application/ld+json">{json.dumps(data)}</script>'
    )


def _regional(page: dict[str, object]) -> str:
    body: list[str] = page["body"]  # type: ignore[assignment]
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(str(page["title"]))} | Harbourside Gazette</title>{_meta(page)}
<style>.ad{{height:250px}}</style><script>window.dataLayer=[];</script></head><body>
<div class="topbar">Saturday, 8 March 2026 | Skarvik 3°C Sleet | <a href="/e-paper">e-Paper</a></div>
<div class="cookie">We use cookies to improve your experience. By continuing you accept our cookie policy. <button>Accept</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/islands">Islands</a></li><li><a href="/sport">Sport</a></li><li><a href="/jobs">Jobs</a></li></ul></nav>
<div class="ad">Advertisement</div>
<article><h1>{html.escape(str(page["title"]))}</h1>
<div class="byline">By {page["author"]} | Published 18 February 2025, 07:55</div>
<div class="share"><a>Share on Facebook</a> <a>Share on X</a> <a>Email</a></div>
{_paragraphs(body[:2])}
<p class="related"><strong>Read more:</strong> <a href="/x">Council votes to keep island school open</a></p>
{_paragraphs(body[2:])}
</article>
<aside class="newsletter"><h3>Get the Gazette in your inbox</h3><p>Sign up for our free morning newsletter.</p></aside>
<aside class="trending"><h3>Trending</h3><ol>
<li><a>Storm warning for the weekend as gales return</a> <span>7 March 2026</span></li>
<li><a>New harbour master appointed in Skarvik</a> <span>6 March 2026</span></li>
<li><a>Local choir wins national title</a> <span>5 March 2026</span></li></ol></aside>
<section class="comments"><h3>3 Comments</h3>
<div class="comment"><b>Ola N.</b> <span>19 February 2025</span><p>Another cut for the islands. Who is surprised?</p></div>
<div class="comment"><b>Kari</b> <span>20 February 2025</span><p>Reply</p></div></section>
<footer><p>© 2026 Harbourside Gazette · All rights reserved</p><p><a>Privacy policy</a> <a>Contact us</a></p></footer>
</body></html>"""


def _wire(page: dict[str, object]) -> str:
    body: list[str] = page["body"]  # type: ignore[assignment]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{html.escape(str(page["title"]))} | NCNA</title>
<meta property="article:published_time" content="{page["published"]}T14:02:00Z">
<meta name="author" content="{page["author"]}"><meta property="og:site_name" content="{page["outlet"]}">
</head><body>
<a href="#main">Skip to main content</a>
<header><div>NCNA</div><nav><a>World</a> <a>Business</a> <a>Markets</a> <a>Environment</a> <a>Sign In</a> <a>Register</a></nav></header>
<main id="main"><div class="section">Environment</div>
<h1>{html.escape(str(page["title"]))}</h1>
<p class="byline">By {page["author"]}</p><p class="time">Updated 29 January 2025 14:02 GMT · 3 min read</p>
{_paragraphs(body)}
<p class="credits">Reporting by {page["author"]}; Editing by Anna Berg</p>
<p>Our Standards: The NCNA Trust Principles.</p>
</main>
<section><h2>More from NCNA</h2><ul><li><a>Oil prices steady as inventories rise</a></li><li><a>Shipping rates fall for a fourth week</a></li><li><a>Central bank holds rates at 4.5 percent</a></li></ul></section>
<footer>All quotes delayed a minimum of 15 minutes. © 2025 North Coast News Agency. All rights reserved.</footer>
</body></html>"""


def _magazine(page: dict[str, object]) -> str:
    body: list[str] = page["body"]  # type: ignore[assignment]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{html.escape(str(page["title"]))} - The Coastal Review</title>{_meta(page)}</head><body>
<header><a class="logo">The Coastal Review</a><nav><a>Energy</a> | <a>Fisheries</a> | <a>Climate</a> | <a>Subscribe</a></nav></header>
<div class="layout"><main><article>
<p class="kicker">Analysis</p>
<h1>{html.escape(str(page["title"]))}</h1>
<p class="meta">Sofie Brandt · 5 November 2024 · 6 min read</p>
<figure><img src="wind.jpg" alt=""><figcaption>Turbines off the west coast. Photo: Coastal Review archive</figcaption></figure>
{_paragraphs(body)}
<p class="tags">Tags: offshore wind, energy policy, auctions</p>
<div class="share">Share this article: Facebook · LinkedIn · Copy link</div>
<div class="author-box"><h4>About the author</h4><p>Sofie Brandt covers energy and industry for The Coastal Review.</p></div>
</article></main>
<aside><h3>Popular this week</h3><ul><li><a>Ten years of the salmon tax, in charts</a></li><li><a>The quiet return of the herring</a></li></ul>
<div class="promo">Subscribe for unlimited access from 9 euros a month</div></aside></div>
<section class="related"><h3>Related articles</h3><ul><li><a>Grid operator delays connection of two wind farms</a></li><li><a>What the new energy white paper means for the coast</a></li></ul></section>
<footer>The Coastal Review · About us · Advertise with us · Privacy policy</footer>
</body></html>"""


def _broadcaster(page: dict[str, object]) -> str:
    body: list[str] = page["body"]  # type: ignore[assignment]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{html.escape(str(page["title"]))} - NRB News</title>{_meta(page)}</head><body>
<nav><a>NRB</a> <a>News</a> <a>TV</a> <a>Radio</a> <a>Weather</a> <a>Sport</a></nav>
<nav><a>Home</a> <a>Local</a> <a>National</a> <a>World</a> <a>Climate</a></nav>
<main><h1>{html.escape(str(page["title"]))}</h1>
<div class="byline"><span>By {page["author"]}</span><span>NRB News, Nordfylke</span><time datetime="{page["published"]}">2 March 2025</time></div>
<figure><div class="video">Watch: Aerial footage shows the slide</div><figcaption>Image caption: The slide buried the road at 04:30 on Sunday</figcaption></figure>
{_paragraphs(body)}
<section><h2>Related Topics</h2><ul><li><a>Landslides</a></li><li><a>Nordfylke</a></li></ul></section>
</main>
<section><h2>Top Stories</h2><ul><li><a>Parliament approves new fisheries act</a><span>1 hour ago</span></li><li><a>Avalanche warning raised to level 4</a><span>3 hours ago</span></li></ul></section>
<section><h2>Features &amp; Analysis</h2><ul><li><a>The last ferryman of the fjord</a></li></ul></section>
<footer>Copyright 2025 NRB. NRB is not responsible for the content of external sites. Read about our approach to external linking.</footer>
</body></html>"""


CHROME = {"regional": _regional, "wire": _wire, "magazine": _magazine, "broadcaster": _broadcaster}


def build() -> dict[Path, str]:
    files: dict[Path, str] = {}
    truth = []
    for page in PAGES:
        files[OUT / "pages" / str(page["file"])] = CHROME[str(page["chrome"])](page)
        truth.append({k: v for k, v in page.items() if k != "chrome"})
    files[OUT / "truth.json"] = json.dumps(truth, ensure_ascii=False, indent=1) + "\n"
    return files


def main(argv: list[str]) -> int:
    stale = []
    for path, text in build().items():
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"stale: {path}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
