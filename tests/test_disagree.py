"""Where sources disagree: numbers, dates and names that differ for the same fact."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefer.disagree import conflict, disagreements, refuse_merge
from briefer.merge import same_fact
from briefer.models import Metadata, Source
from briefer.words import content_words

PAIRS = json.loads(
    (Path(__file__).parent / "fixtures" / "policy" / "disagree.json").read_text(encoding="utf-8")
)["pairs"]


def test_the_fixtures_plant_enough_disagreements() -> None:
    assert sum(1 for p in PAIRS if p["kind"]) >= 10
    assert sum(1 for p in PAIRS if not p["kind"]) >= 10


@pytest.mark.parametrize("pair", PAIRS, ids=[p["a"][:40] for p in PAIRS])
def test_each_fixture_pair(pair: dict[str, str | None]) -> None:
    found = conflict(
        str(pair["a"]), dt.date.fromisoformat(str(pair["a_published"])),
        str(pair["b"]), dt.date.fromisoformat(str(pair["b_published"])),
    )  # fmt: skip
    assert (found.kind if found else None) == pair["kind"], found


def test_a_merge_can_ask_before_merging_two_tolls() -> None:
    a = "At least 12 people were killed when the ferry capsized off Kerran on Sunday."
    b = "At least 14 people were killed when the ferry capsized off Kerran on Sunday."
    # today's merge would take these for one fact; refuse_merge says it must not
    assert same_fact(content_words(a), content_words(b))
    assert refuse_merge(a, dt.date(2025, 4, 7), b, dt.date(2025, 4, 7))
    c = "At least 12 people died when the ferry capsized off Kerran on Sunday, police said."
    assert not refuse_merge(a, dt.date(2025, 4, 7), c, dt.date(2025, 4, 8))


def test_disagreements_cite_every_source_of_each_version() -> None:
    def source(sid: str, text: str) -> Source:
        return Source(
            sid, f"{sid}.txt", "text", (text, "The ferry company declined to comment."),
            Metadata(published=dt.date(2025, 4, 7)),
        )  # fmt: skip

    found = disagreements(
        [
            source("S1", "At least 12 people were killed when the ferry capsized off Kerran."),
            source("S2", "At least 14 people were killed when the ferry capsized off Kerran."),
            source("S3", "At least 12 people were killed when the ferry capsized off Kerran."),
        ]
    )
    assert len(found) == 1 and found[0].kind == "number"
    assert {(v.value, v.sources) for v in found[0].versions} == {
        ("12", ("S1", "S3")),
        ("14", ("S2",)),
    }


@pytest.mark.parametrize(
    ("a", "b", "first", "second"),
    [
        (
            "Seven crew members were rescued from the trawler off Gwadar on Monday.",
            "Nine crew members were rescued from the trawler off Gwadar on Monday.",
            "Seven",
            "Nine",
        ),
        (
            "The storm damaged TWELVE fishing boats moored at the old quay.",
            "The storm damaged 14 fishing boats moored at the old quay.",
            "TWELVE",
            "14",
        ),
        (  # a number word in text that is not ASCII
            "The storm damaged twelve fishing boats moored at the old quay in Gdańsk.",
            "The storm damaged fifteen fishing boats moored at the old quay in Gdańsk.",
            "twelve",
            "fifteen",
        ),
    ],
)
def test_numbers_written_as_words_disagree_in_any_case(
    a: str, b: str, first: str, second: str
) -> None:
    found = conflict(a, dt.date(2025, 3, 10), b, dt.date(2025, 3, 10))

    assert found is not None and found.kind == "number"
    assert (found.first, found.second) == (first, second)
