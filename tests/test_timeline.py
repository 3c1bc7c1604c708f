"""``briefer timeline``: a story's dated chronology from several articles, and its command."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from briefer.chronology import ChronologyOptions
from briefer.cli import app
from briefer.timeline import make_timeline

# An invented story: the Kessel river bridge found cracked, closed, voted on, repaired.
# Monday 3 June 2024 cracks found; Wednesday 5 June closed; Wednesday 12 June council vote;
# Monday 17 June repairs begin. Articles are published over two weeks.
ARTICLES = [
    {
        "id": "kb-1",
        "title": "Cracks found in Kessel bridge",
        "published": "2024-06-04",
        "outlet": "Kessel Courier",
        "text": (
            "Engineers found deep cracks in two steel girders of the Kessel river bridge on "
            "Monday during a routine inspection.\n"
            "The bridge carries about 18,000 vehicles a day between the old town and the "
            "harbour district.\n"
            "The county roads office said it would decide within days whether the bridge "
            "must close."
        ),
    },
    {
        "id": "kb-2",
        "title": "Kessel bridge closed to all traffic",
        "published": "2024-06-06",
        "outlet": "Valley Radio",
        "text": (
            "The county roads office closed the Kessel river bridge to all traffic on "
            "Wednesday after engineers found cracks in two steel girders.\n"
            "Drivers face a detour of eleven kilometres through Ostfeld while the bridge "
            "stays shut.\n"
            "Engineers found deep cracks in two steel girders of the Kessel river bridge on "
            "June 3 during a routine inspection."
        ),
    },
    {
        "id": "kb-3",
        "title": "Council backs emergency repair of Kessel bridge",
        "published": "2024-06-13",
        "outlet": "Kessel Courier",
        "text": (
            "The county council voted 31 to 4 on Wednesday to spend €4.2 million on an "
            "emergency repair of the Kessel river bridge.\n"
            "The bridge was closed to all traffic on June 5 after engineers found cracks in "
            "two steel girders.\n"
            "Shopkeepers in the harbour district say their takings have fallen by a third "
            "since the closure."
        ),
    },
    {
        "id": "kb-4",
        "title": "Repairs begin on Kessel bridge",
        "published": "2024-06-18",
        "outlet": "North Wire",
        "text": (
            "Repair crews began replacing the two cracked girders of the Kessel river bridge "
            "on Monday, June 17, 2024.\n"
            "The council approved the €4.2 million repair on June 12 by 31 votes to 4.\n"
            "The county roads office closed the bridge on June 5, two days after the cracks "
            "were found.\n"
            "The roads office expects the bridge to reopen to cars by the end of August."
        ),
    },
]

runner = CliRunner()


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "kessel.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


def _texts() -> list[str]:
    return [line for a in ARTICLES for line in a["text"].split("\n")]


def test_the_chronology_holds_the_story_dates_in_order_verbatim_and_cited(feed: Path) -> None:
    timeline = make_timeline([feed], ChronologyOptions(dates=4))
    dates = [e.date.isoformat() for e in timeline.entries]
    assert dates == ["2024-06-03", "2024-06-05", "2024-06-12", "2024-06-17"]
    ids = {s.id for s in timeline.sources}
    for entry in timeline.entries:
        assert len(entry.items) == 1
        for item in entry.items:
            assert item.text in _texts()  # word for word
            assert item.sources and set(item.sources) <= ids
    on = {e.date.isoformat(): e.items[0].text for e in timeline.entries}
    assert "cracks" in on["2024-06-03"]
    assert "closed" in on["2024-06-05"]
    assert "€4.2 million" in on["2024-06-12"]
    assert "began replacing" in on["2024-06-17"]


def test_a_fact_two_outlets_report_cites_both(feed: Path) -> None:
    timeline = make_timeline([feed], ChronologyOptions(dates=4))
    by_id = {s.item: s.id for s in timeline.sources}
    first = timeline.entries[0].items[0]
    assert first.text.startswith("Engineers found deep cracks")
    assert set(first.sources) == {by_id["kb-1"], by_id["kb-2"]}


def test_the_date_most_sources_refer_to_comes_first_when_few_are_asked(feed: Path) -> None:
    # June 5 (the closure) is referred to by three articles; June 3 by two
    timeline = make_timeline([feed], ChronologyOptions(dates=1))
    assert [e.date for e in timeline.entries] == [dt.date(2024, 6, 5)]


def test_several_sentences_per_date_none_repeated(feed: Path) -> None:
    timeline = make_timeline([feed], ChronologyOptions(dates=4, per_date=3))
    texts = [i.text for e in timeline.entries for i in e.items]
    assert len(texts) == len(set(texts))
    assert all(1 <= len(e.items) <= 3 for e in timeline.entries)
    assert any(len(e.items) > 1 for e in timeline.entries)


def test_a_period_limits_articles_and_dates(feed: Path) -> None:
    options = ChronologyOptions(since=dt.date(2024, 6, 10), until=dt.date(2024, 6, 30))
    timeline = make_timeline([feed], options)
    assert timeline.entries
    assert all(dt.date(2024, 6, 10) <= e.date <= dt.date(2024, 6, 30) for e in timeline.entries)
    published = {s.metadata.published for s in timeline.sources}
    assert all(p is not None and p >= dt.date(2024, 6, 10) for p in published)


def test_keywords_keep_only_sentences_that_name_them(feed: Path) -> None:
    timeline = make_timeline([feed], ChronologyOptions(dates=4, keywords=("council",)))
    assert timeline.entries
    assert all("council" in i.text.lower() for e in timeline.entries for i in e.items)


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def test_the_command_writes_timeline_json_markdown_and_word(feed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = run(
        "timeline", feed, "-o", out, "--dates", "3", "--per-date", "2",
        "-f", "json", "-f", "md", "-f", "docx",
    )  # fmt: skip
    assert code == 0, output
    assert "3 dates" in output
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert set(data) >= {"dates", "sources", "skipped"}
    assert data["title"] in {a["title"] for a in ARTICLES}
    dates = [d["date"] for d in data["dates"]]
    assert len(dates) == 3 and dates == sorted(dates)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates)
    ids = {s["id"] for s in data["sources"]}
    for source in data["sources"]:
        assert {"id", "file", "title", "published"} <= set(source)
    for day in data["dates"]:
        assert 1 <= len(day["items"]) <= 2
        for item in day["items"]:
            assert item["text"] in _texts() and set(item["sources"]) <= ids
    md = (out / "timeline.md").read_text(encoding="utf-8")
    assert md.startswith("# ") and f"## {dates[0]}" in md and "## Sources" in md
    document = docx.Document(str(out / "timeline.docx"))
    assert any(p.text == dates[0] for p in document.paragraphs)


def test_the_command_defaults_to_json_and_reports_skipped_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for article in ARTICLES:
        body = f"{article['title']}\n\nPublished {article['published']}\n\n{article['text']}\n"
        (folder / f"{article['id']}.txt").write_text(body.replace("\n", "\n\n"), encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    code, output = run("timeline", folder, "-o", tmp_path / "out")
    assert code == 0, output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["timeline.json"]
    data = json.loads((tmp_path / "out" / "timeline.json").read_text(encoding="utf-8"))
    assert [s["file"] for s in data["skipped"]] == ["photo.jpg"]
    assert "2024-06-05" in [d["date"] for d in data["dates"]]


def test_the_command_fails_cleanly_without_usable_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, output = run("timeline", empty, "-o", tmp_path / "out")
    assert code == 1
    assert "Nothing was written" in output
    assert not (tmp_path / "out").exists()


def test_the_command_rejects_a_bad_date(feed: Path, tmp_path: Path) -> None:
    code, output = run("timeline", feed, "-o", tmp_path / "out", "--since", "June 2024")
    assert code == 2
    assert "YYYY-MM-DD" in output


def test_the_next_day_after_a_dated_sentence_is_the_day_after_it(tmp_path: Path) -> None:
    feed = tmp_path / "anchored.jsonl"
    article = {
        "id": "kb-9",
        "title": "A month of the Kessel bridge closure",
        "published": "2024-07-02",
        "text": (
            "The county roads office closed the Kessel river bridge on June 5 after engineers "
            "found cracks in two girders.\n"
            "The next day, shopkeepers of the harbour district marched to the town hall to "
            "protest against the closure.\n"
            "Two days later the county council promised a grant to the shops along the quay."
        ),
    }
    feed.write_text(json.dumps(article) + "\n", encoding="utf-8")
    timeline = make_timeline([feed], ChronologyOptions(dates=3))
    found = {e.date.isoformat(): e.items[0].text for e in timeline.entries}
    assert found["2024-06-05"].startswith("The county roads office closed")
    assert found["2024-06-06"].startswith("The next day, shopkeepers")
    # "two days later" counts from the day the sentence before it names (June 6)
    assert found["2024-06-08"].startswith("Two days later the county council")


FILLERS = [
    "Drivers now cross the river at Ostfeld, eleven kilometres upstream of the town, and the "
    "detour adds twenty minutes to a journey into the old town.",
    "Shopkeepers in the harbour district say fewer customers come in from the old town, and "
    "two cafés on the quay have cut their opening hours.",
    "The ferry between the two quays has added three crossings an hour at peak times, and "
    "its operator says the boats are full every morning.",
    "Cyclists and walkers may still use the footway on the northern side of the bridge, "
    "which the roads office inspects every week.",
    "The county expects to publish the full engineering report before the autumn, with an "
    "estimate of how long the repairs will take.",
]


def test_a_month_the_sources_name_only_as_a_month_is_an_entry_of_its_own(
    tmp_path: Path,
) -> None:
    lines = [
        {
            "id": f"rust-{n}",
            "title": "Kessel bridge girders",
            "published": published,
            "text": text + "\n" + FILLERS[n],
        }
        for n, (published, text) in enumerate(
            [
                ("2024-06-04", "Inspectors first noted rust on the Kessel bridge girders in "
                 "March 2024, according to the county roads office."),
                ("2024-06-06", "Rust on the girders of the Kessel bridge was first recorded in "
                 "March 2024 by county inspectors."),
                ("2024-06-13", "County inspectors had logged rust on the Kessel bridge girders "
                 "in March 2024, the council heard."),
                ("2024-06-06", "The roads office closed the Kessel bridge on June 5 after "
                 "cracks were found in two girders."),
                ("2024-06-13", "The Kessel bridge has been closed since June 5, when cracks "
                 "were found in two of its girders."),
            ]
        )
    ]  # fmt: skip
    feed = tmp_path / "rust.jsonl"
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["timeline", str(feed), "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    dates = [d["date"] for d in document["dates"]]
    # the month comes first, as a month: no day in March is made up for it
    assert dates[0] == "2024-03" and "2024-06-05" in dates
    assert not any(d.startswith("2024-03-") for d in dates)
    assert "in March 2024" in document["dates"][0]["items"][0]["text"]
    # none of the March sentences stands for the day it was reported
    for entry in document["dates"][1:]:
        assert all("March" not in item["text"] for item in entry["items"])
    markdown = make_timeline([feed], ChronologyOptions())
    assert [e.iso() for e in markdown.entries] == dates
    # with months off (Timeline17's protocol), only days are listed
    days = make_timeline([feed], ChronologyOptions(dates=4, months=False))
    assert all(len(e.iso()) == 10 for e in days.entries)
    assert all("March" not in i.text for e in days.entries for i in e.items)
