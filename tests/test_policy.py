"""The policy sections of a brief, and their fields in brief.json."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from briefer.models import Brief, Item, Metadata, Source
from briefer.policy import focus_share, focus_source, policy_sections, read_source, with_policy
from briefer.render import render_json

GAZETTE = Source(
    "S1", "gazette.txt", "text",
    (
        "The river authority approved a €62 million flood barrier for the old harbour on Tuesday.",
        "The barrier will shield about 4,000 homes from winter storm surges.",
        "Without the barrier, insurers have warned they could stop covering homes in the "
        "district, leaving thousands of families exposed to the cost of the next flood.",
        "“We have waited ten years for this,” said Mara Lind, who runs a bakery on the quay.",
        "Construction is due to start in April 2025 and last two years.",
        "At least 12 fishermen will lose their moorings while the barrier is built.",
    ),
    Metadata(title="Flood barrier approved", published=dt.date(2024, 11, 6)),
)  # fmt: skip
RADIO = Source(
    "S2", "radio.txt", "text",
    (
        "“We have waited ten years for this,” Mara Lind said outside her bakery.",
        "Local fishermen will meet the authority on Monday to ask for a wider gate.",
        "At least 20 fishermen will lose their moorings while the barrier is built.",
        "The final design still needs the approval of the regional government.",
    ),
    Metadata(title="Old harbour gets its barrier", published=dt.date(2024, 11, 7)),
)  # fmt: skip


def test_the_four_sections_from_two_sources() -> None:
    sections = policy_sections([GAZETTE, RADIO])
    [said] = sections.who_said_what
    assert (said.speaker, said.sources) == ("Mara Lind", ("S1", "S2"))
    watch = [(i.when.iso() if i.when else None, i.sources) for i in sections.what_to_watch]
    assert watch == [("2024-11-11", ("S2",)), ("2025-04", ("S1",)), (None, ("S2",))]
    assert any("insurers have warned" in i.text for i in sections.why_it_matters)
    [disagreement] = sections.disagreements
    assert disagreement.kind == "number"
    assert {(v.value, v.sources) for v in disagreement.versions} == {
        ("12", ("S1",)),
        ("20", ("S2",)),
    }


def test_why_it_matters_repeats_nothing_the_brief_already_shows() -> None:
    shown = Item(GAZETTE.paragraphs[2], ("S1",), 1.0)
    sections = policy_sections([GAZETTE, RADIO], [shown])
    assert all("insurers" not in i.text for i in sections.why_it_matters)


def test_brief_json_carries_each_section_in_its_own_field() -> None:
    brief = Brief("Flood barrier approved", dt.date(2024, 11, 8), (), (), (GAZETTE, RADIO))
    empty = json.loads(render_json(brief))
    assert [empty[k] for k in ("why_it_matters", "what_to_watch", "who_said_what")] == [[], [], []]
    document = json.loads(render_json(with_policy(brief, [GAZETTE, RADIO])))
    keys = list(document)
    assert keys.index("chronology") < keys.index("why_it_matters") < keys.index("sources")
    [quote] = document["who_said_what"]
    assert quote["speaker"] == "Mara Lind" and quote["quote"] == "We have waited ten years for this"
    assert quote["sources"] == ["S1", "S2"]
    assert document["what_to_watch"][0]["date"] == "2024-11-11"
    assert document["disagreements"][0]["kind"] == "number"
    assert render_json(replace(brief)) == render_json(brief)


def test_what_to_watch_keeps_only_what_is_still_ahead_of_the_newest_report() -> None:
    def report(sid: str, published: dt.date, *paragraphs: str) -> Source:
        return Source(
            sid, f"{sid}.txt", "text", paragraphs,
            Metadata(title=f"Report {sid}", published=published),
        )  # fmt: skip

    april = report(
        "S1", dt.date(2025, 4, 2),
        "Divers will resume the search for the missing trawler on Sunday.",
        "The salvage contract is pending approval by the harbour board.",
    )  # fmt: skip
    june = report(
        "S2", dt.date(2025, 6, 10),
        "The trawler was raised from the seabed last week.",
        "The inquiry will publish its findings on 30 June.",
        "Compensation for the crew's families still needs the minister's signature.",
    )  # fmt: skip
    watch = [i.text for i in policy_sections([april, june]).what_to_watch]
    # the April search and the April contract are long past by the June report
    assert watch == [
        "The inquiry will publish its findings on 30 June.",
        "Compensation for the crew's families still needs the minister's signature.",
    ]
    # on its own, the April report's items are still ahead
    alone = [i.text for i in policy_sections([april]).what_to_watch]
    assert alone == [
        "Divers will resume the search for the missing trawler on Sunday.",
        "The salvage contract is pending approval by the harbour board.",
    ]


def test_sections_from_readings_made_beforehand_are_the_same() -> None:
    # compose reads each source in the worker that ranks it and hands the readings over
    readings = {s.id: read_source(s) for s in (GAZETTE, RADIO)}
    assert policy_sections([GAZETTE, RADIO], readings=readings) == policy_sections([GAZETTE, RADIO])


def test_a_reading_of_other_paragraphs_is_not_used() -> None:
    # a reading of the radio report filed under the gazette's id: the gazette is read again
    stale = {"S1": read_source(replace(RADIO, id="S1"))}
    assert policy_sections([GAZETTE, RADIO], readings=stale) == policy_sections([GAZETTE, RADIO])


def test_a_focused_source_keeps_the_paragraphs_around_its_best_sentences() -> None:
    focused = focus_source(GAZETTE, [4, 1, 5], share=3)
    assert focused.paragraphs == GAZETTE.paragraphs[0:2] + GAZETTE.paragraphs[3:5]
    assert focus_source(GAZETTE, [4, 1], share=None) == GAZETTE
    assert focus_share([GAZETTE, RADIO]) is None
