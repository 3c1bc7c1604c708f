"""What to watch: scheduled and pending events, by date, each cited."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefer.models import Metadata, Source
from briefer.watch import watch_items, watch_sentence

FIXTURES = json.loads(
    (Path(__file__).parent / "fixtures" / "policy" / "watch.json").read_text(encoding="utf-8")
)
ROWS = FIXTURES["sentences"]


def test_the_fixtures_hold_enough_forward_looking_sentences() -> None:
    assert sum(1 for r in ROWS if r["watch"]) >= 20
    assert sum(1 for r in ROWS if not r["watch"]) >= 15


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:40] for r in ROWS])
def test_each_fixture_sentence(row: dict[str, object]) -> None:
    got = watch_sentence(str(row["text"]), dt.date.fromisoformat(str(row["published"])))
    if not row["watch"]:
        assert got is None
        return
    assert got is not None
    assert (got[0].iso() if got[0] else None) == row["date"]


def test_items_are_merged_cited_and_in_date_order() -> None:
    herald = Source(
        "S1", "a.txt", "text",
        (
            "The assembly is expected to vote on the plan on 12 March. The cabinet approved it "
            "on Tuesday.",
            "The restoration remains pending approval by the Regional Assembly.",
        ),
        Metadata(published=dt.date(2025, 3, 5)),
    )  # fmt: skip
    wire = Source(
        "S2", "b.txt", "text",
        (
            "Talks with the larger boat owners are set for 7 March.",
            "The assembly is expected to vote on the plan on 12 March, officials said.",
        ),
        Metadata(published=dt.date(2025, 3, 6)),
    )  # fmt: skip
    items = watch_items([herald, wire])
    assert [(w.when.iso() if w.when else None, w.sources) for w in items] == [
        ("2025-03-07", ("S2",)),
        ("2025-03-12", ("S1", "S2")),
        (None, ("S1",)),
    ]
    assert items[2].cue.startswith("pending")
